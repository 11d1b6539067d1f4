//! The helpers the official SDKs lack: usage queries polled to the end, and
//! paged listings as one stream.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::StreamExt;
use purecloud_platform_client::models::ApiUsageClientQuery;
use purecloud_platform_client::{BoxFuture, Client, Error, PollOptions, RetryPolicy, Sleeper};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const RESULT: &str = "/api/v2/oauth/clients/c1/usage/query/results/e1";

#[derive(Debug, Default)]
struct RecordingSleeper(Mutex<Vec<Duration>>);

impl Sleeper for RecordingSleeper {
    fn sleep(&self, duration: Duration) -> BoxFuture<()> {
        self.0.lock().unwrap().push(duration);
        Box::pin(async {})
    }
}

fn client(server: &MockServer) -> (Client, Arc<RecordingSleeper>) {
    let sleeper = Arc::new(RecordingSleeper::default());
    let client = Client::builder()
        .base_url(server.uri())
        .access_token("tok")
        .retry_policy(RetryPolicy::never())
        .sleeper(sleeper.clone())
        .build()
        .unwrap();
    (client, sleeper)
}

fn waits(sleeper: &RecordingSleeper) -> Vec<u64> {
    sleeper
        .0
        .lock()
        .unwrap()
        .iter()
        .map(|d| d.as_secs())
        .collect()
}

fn status(status: &str, rows: Value, after: Option<&str>) -> ResponseTemplate {
    let mut body = json!({"queryStatus": status, "results": rows});
    if let Some(after) = after {
        body["cursors"] = json!({"after": after});
    }
    ResponseTemplate::new(200).set_body_json(body)
}

/// Answers the first `times` polls with `response`, before later mocks.
async fn first_polls(server: &MockServer, times: u64, response: ResponseTemplate) {
    Mock::given(method("GET"))
        .and(path(RESULT))
        .respond_with(response)
        .up_to_n_times(times)
        .with_priority(1)
        .expect(times)
        .mount(server)
        .await;
}

fn no_after(req: &Request) -> bool {
    !req.url.query_pairs().any(|(k, _)| k == "after")
}

#[tokio::test]
async fn a_usage_query_is_polled_with_backoff_until_complete() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/oauth/clients/c1/usage/query"))
        .and(body_json(json!({"interval": "2026-11-01/2026-11-29"})))
        .respond_with(ResponseTemplate::new(202).set_body_json(json!({"executionId": "e1"})))
        .expect(1)
        .mount(&server)
        .await;
    first_polls(&server, 2, status("Running", json!([]), None)).await;
    Mock::given(method("GET"))
        .and(path(RESULT))
        .respond_with(status(
            "Complete",
            json!([{"clientId": "c1", "requests": 7}, {"clientId": "c1", "requests": 3}]),
            None,
        ))
        .expect(1)
        .mount(&server)
        .await;
    let (client, sleeper) = client(&server);

    let rows = client
        .oauth()
        .query_usage(
            "c1",
            ApiUsageClientQuery::new("2026-11-01/2026-11-29"),
            PollOptions::default(),
        )
        .await
        .unwrap();
    let requests: Vec<i64> = rows.iter().filter_map(|r| r.requests).collect();
    assert_eq!(requests, [7, 3]);
    assert_eq!(waits(&sleeper), [1, 2]);
}

#[tokio::test]
async fn a_failed_query_is_an_error() {
    let server = MockServer::start().await;
    first_polls(&server, 1, status("Running", json!([]), None)).await;
    Mock::given(method("GET"))
        .and(path(RESULT))
        .respond_with(status("Failed", json!([]), None))
        .expect(1)
        .mount(&server)
        .await;
    let (client, _) = client(&server);

    let err = client
        .oauth()
        .wait_for_usage("e1", "c1", PollOptions::default())
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::QueryFailed { execution_id } if execution_id == "e1"),
        "{err:?}"
    );
}

#[tokio::test]
async fn polling_gives_up_at_its_timeout() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(RESULT))
        .respond_with(status("Running", json!([]), None))
        .expect(3)
        .mount(&server)
        .await;
    let (client, sleeper) = client(&server);
    let options = PollOptions {
        timeout: Duration::from_secs(5),
        ..PollOptions::default()
    };

    let err = client
        .oauth()
        .wait_for_usage("e1", "c1", options)
        .await
        .unwrap_err();
    // 1 s and 2 s fit in 5 s; another 4 s would not.
    assert_eq!(waits(&sleeper), [1, 2]);
    match err {
        Error::QueryTimeout {
            execution_id,
            waited,
        } => {
            assert_eq!(execution_id, "e1");
            assert_eq!(waited, Duration::from_secs(3));
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
}

#[tokio::test]
async fn every_row_is_returned_following_cursors_after() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(RESULT))
        .and(no_after)
        .respond_with(status("Complete", json!([{"requests": 1}]), Some("page-2")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(RESULT))
        .and(query_param("after", "page-2"))
        .respond_with(status("Complete", json!([{"requests": 2}]), Some("page-3")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(RESULT))
        .and(query_param("after", "page-3"))
        .respond_with(status("Complete", json!([{"requests": 3}]), None))
        .expect(1)
        .mount(&server)
        .await;
    let (client, _) = client(&server);

    let rows = client
        .oauth()
        .wait_for_usage("e1", "c1", PollOptions::default())
        .await
        .unwrap();
    let requests: Vec<i64> = rows.iter().filter_map(|r| r.requests).collect();
    assert_eq!(requests, [1, 2, 3]);
}

#[tokio::test]
async fn the_usage_summary_is_asked_for_then_polled() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients/c1/usage/summary"))
        .and(query_param("days", "30"))
        .respond_with(ResponseTemplate::new(202).set_body_json(json!({"executionId": "e1"})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(RESULT))
        .respond_with(status("Complete", json!([{"requests": 9}]), None))
        .expect(1)
        .mount(&server)
        .await;
    let (client, sleeper) = client(&server);

    let rows = client
        .oauth()
        .usage_summary("c1", Some("30".into()), PollOptions::default())
        .await
        .unwrap();
    assert_eq!(rows[0].requests, Some(9));
    assert!(waits(&sleeper).is_empty());
}

fn page(ids: &[&str], next_uri: Option<&str>) -> ResponseTemplate {
    let entities: Vec<Value> = ids
        .iter()
        .map(|id| json!({"id": id, "name": id, "authorizedGrantType": "CODE"}))
        .collect();
    let mut body = json!({"entities": entities, "pageSize": 2});
    if let Some(next) = next_uri {
        body["nextUri"] = json!(next);
    }
    ResponseTemplate::new(200).set_body_json(body)
}

fn first_page(req: &Request) -> bool {
    req.url.query().is_none()
}

async fn listing_page(server: &MockServer, page_number: &str, response: ResponseTemplate) {
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients"))
        .and(query_param("pageNumber", page_number))
        .respond_with(response)
        .expect(1)
        .mount(server)
        .await;
}

async fn ids(client: &Client) -> (Vec<String>, Option<Error>) {
    let mut ids = Vec::new();
    let mut stream = client.oauth().get_oauth_clients().stream();
    while let Some(item) = stream.next().await {
        match item {
            Ok(c) => ids.push(c.id.unwrap_or_default()),
            Err(e) => return (ids, Some(e)),
        }
    }
    (ids, None)
}

#[tokio::test]
async fn a_listing_streams_every_item_of_every_page() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients"))
        .and(first_page)
        .respond_with(page(
            &["a", "b"],
            Some("/api/v2/oauth/clients?pageSize=2&pageNumber=2"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    listing_page(
        &server,
        "2",
        page(
            &["c", "d"],
            Some("/api/v2/oauth/clients?pageSize=2&pageNumber=3"),
        ),
    )
    .await;
    listing_page(&server, "3", page(&["e"], None)).await;
    let (client, _) = client(&server);

    let (ids, error) = ids(&client).await;
    assert!(error.is_none(), "{error:?}");
    assert_eq!(ids, ["a", "b", "c", "d", "e"]);
}

#[tokio::test]
async fn a_listing_stops_on_an_empty_page() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients"))
        .and(first_page)
        .respond_with(page(&["a"], Some("/api/v2/oauth/clients?pageNumber=2")))
        .mount(&server)
        .await;
    // An empty page that still links onwards: the walk must stop here.
    listing_page(
        &server,
        "2",
        page(&[], Some("/api/v2/oauth/clients?pageNumber=3")),
    )
    .await;
    let (client, _) = client(&server);

    assert_eq!(ids(&client).await.0, ["a"]);
}

#[tokio::test]
async fn a_listing_stops_on_a_repeated_next_uri() {
    let server = MockServer::start().await;
    let endless = "/api/v2/oauth/clients?pageNumber=2";
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients"))
        .and(first_page)
        .respond_with(page(&["a"], Some(endless)))
        .mount(&server)
        .await;
    listing_page(&server, "2", page(&["b"], Some(endless))).await;
    let (client, _) = client(&server);

    assert_eq!(ids(&client).await.0, ["a", "b"]);
}

#[tokio::test]
async fn a_failed_page_ends_the_stream_with_its_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients"))
        .and(first_page)
        .respond_with(page(&["a"], Some("/api/v2/oauth/clients?pageNumber=2")))
        .mount(&server)
        .await;
    listing_page(&server, "2", ResponseTemplate::new(500)).await;
    let (client, _) = client(&server);

    let (ids, error) = ids(&client).await;
    assert_eq!(ids, ["a"]);
    assert_eq!(error.and_then(|e| e.status()), Some(500));
}

#[tokio::test]
async fn a_next_uri_to_another_host_is_not_followed() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients"))
        .respond_with(page(
            &["a"],
            Some("https://elsewhere.example.com/steal?pageNumber=2"),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let (client, _) = client(&server);

    let (ids, error) = ids(&client).await;
    assert_eq!(ids, ["a"]);
    let error = error.expect("the foreign link is an error").to_string();
    assert!(error.contains("it was not followed"), "{error}");
}
