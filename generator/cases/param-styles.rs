//! Every location and style sends typed values in their wire form:
//! dates as `YYYY-MM-DD`, date-times as RFC 3339, enums by wire value,
//! arrays and objects per `style`/`explode`, and form bodies by the same
//! rules.

use case_param_styles::models::{Filter, Page, PostReportBody, State};
use case_param_styles::Client;
use chrono::TimeZone;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

async fn server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    server
}

fn client(server: &MockServer) -> Client {
    Client::builder().base_url(server.uri()).build().unwrap()
}

async fn only_request(server: &MockServer) -> Request {
    let mut received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 1);
    received.remove(0)
}

fn query(request: &Request) -> Vec<(String, String)> {
    request
        .url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[tokio::test]
async fn path_parameters_follow_simple_label_and_matrix_styles() {
    let server = server().await;
    client(&server)
        .reports()
        .get_report(
            day(),
            vec![1, 2],
            strings(&["x", "y z"]),
            strings(&["a", "b"]),
        )
        .await
        .unwrap();
    let request = only_request(&server).await;
    assert_eq!(
        request.url.path(),
        "/reports/2026-11-29/1,2/.x,y%20z/;matrix=a;matrix=b"
    );
    assert_eq!(request.url.query(), None);
}

#[tokio::test]
async fn query_parameters_are_sent_in_their_wire_form_and_style() {
    let server = server().await;
    let since = chrono::Utc
        .with_ymd_and_hms(2026, 11, 29, 10, 20, 30)
        .single()
        .unwrap();
    // Models are non-exhaustive: built from their defaults.
    let mut filter = Filter::default();
    filter.owner = Some("ann".to_owned());
    filter.after = Some(day());
    let mut page = Page::default();
    page.size = Some(50);
    page.cursor = Some("c1".to_owned());
    client(&server)
        .reports()
        .get_report(day(), vec![1], strings(&["x"]), strings(&["a"]))
        .since(since)
        .tags(strings(&["red", "blue"]))
        .ids2(vec![7, 8])
        .words(strings(&["big", "small"]))
        .states(vec![State::InProgress, State::Done])
        .filter(filter)
        .page(page)
        .verbose(true)
        .state(State::InProgress)
        .await
        .unwrap();
    let request = only_request(&server).await;
    assert_eq!(
        query(&request),
        pairs(&[
            ("since", "2026-11-29T10:20:30Z"),
            ("tags", "red"),
            ("tags", "blue"),
            ("ids", "7,8"),
            ("words", "big small"),
            ("states", "in-progress|done"),
            // Properties in the order the schema declares them.
            ("filter[owner]", "ann"),
            ("filter[after]", "2026-11-29"),
            ("size", "50"),
            ("cursor", "c1"),
            ("verbose", "true"),
            ("state", "in-progress"),
        ])
    );
}

#[tokio::test]
async fn cookie_parameters_share_one_cookie_header() {
    let server = server().await;
    client(&server)
        .reports()
        .get_report(day(), vec![1], strings(&["x"]), strings(&["a"]))
        .session("abc 1;2")
        .limit(5)
        .flags(vec![true, false])
        .await
        .unwrap();
    let request = only_request(&server).await;
    assert_eq!(
        request.headers.get("Cookie").unwrap(),
        "session=abc%201%3B2; limit=5; flags=true,false"
    );
}

#[tokio::test]
async fn no_cookie_header_without_cookie_parameters() {
    let server = server().await;
    client(&server)
        .reports()
        .get_report(day(), vec![1], strings(&["x"]), strings(&["a"]))
        .await
        .unwrap();
    let request = only_request(&server).await;
    assert!(request.headers.get("Cookie").is_none());
}

#[tokio::test]
async fn form_bodies_follow_the_query_rules() {
    let server = server().await;
    let mut body = PostReportBody::new("Weekly report");
    body.at = Some(
        chrono::Utc
            .with_ymd_and_hms(2026, 11, 29, 10, 20, 30)
            .single()
            .unwrap(),
    );
    body.state = Some(State::Done);
    body.tags = Some(strings(&["a", "b"]));
    body.dry_run = Some(false);
    client(&server).reports().post_report(body).await.unwrap();
    let request = only_request(&server).await;
    assert_eq!(
        request.headers.get("Content-Type").unwrap(),
        "application/x-www-form-urlencoded"
    );
    let mut fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&request.body).unwrap();
    fields.sort();
    assert_eq!(
        fields,
        pairs(&[
            ("at", "2026-11-29T10:20:30Z"),
            ("dryRun", "false"),
            ("name", "Weekly report"),
            ("state", "done"),
            ("tags", "a"),
            ("tags", "b"),
        ])
    );
}
