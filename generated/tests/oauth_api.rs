//! Hand-written tests of the generated client against a local HTTP server.
//! Codegen never touches this folder.
//!
//! Each operation is checked for what goes on the wire (method, path,
//! query, headers, body) and for what comes back (decoded success, decoded
//! error with its correlation id).

use purecloud_platform_client::models::{
    ApiUsageClientQuery, ApiUsageClientQueryGranularity, ApiUsageClientQueryMetrics,
    ApiUsageQueryResultQueryStatus, OAuthClient, OAuthClientAuthorizedGrantType,
    OAuthClientRequest, OAuthClientState, RoleDivision,
};
use purecloud_platform_client::{Client, Error, RetryPolicy};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const TOKEN: &str = "test-token-9f8e7d";

async fn setup() -> (MockServer, Client) {
    let server = MockServer::start().await;
    // Retries have tests of their own; here every mock is hit exactly once.
    let client = Client::builder()
        .base_url(server.uri())
        .access_token(TOKEN)
        .retry_policy(RetryPolicy::never())
        .build()
        .expect("a valid client");
    (server, client)
}

fn authorized() -> impl wiremock::Match {
    header("authorization", format!("Bearer {TOKEN}").as_str())
}

fn accepts_json() -> impl wiremock::Match {
    header("accept", "application/json")
}

fn no_query() -> impl Fn(&Request) -> bool {
    |req: &Request| req.url.query().is_none()
}

fn no_header(name: &'static str) -> impl Fn(&Request) -> bool {
    move |req: &Request| !req.headers.contains_key(name)
}

fn client_json(id: &str) -> Value {
    json!({
        "id": id,
        "name": "Reporting bot",
        "accessTokenValiditySeconds": 86400,
        "authorizedGrantType": "CLIENT-CREDENTIALS",
        "secret": "s3cr3t-value",
        "roleIds": ["r1"],
        "dateCreated": "2026-11-29T05:12:33.123Z",
        "dateModified": "2026-11-29T05:12:33Z",
        "createdBy": {"id": "u1", "selfUri": "/api/v2/users/u1"},
        "roleDivisions": [{"roleId": "r1", "divisionId": "d1"}],
        "state": "active",
        "selfUri": format!("/api/v2/oauth/clients/{id}")
    })
}

fn request_body() -> OAuthClientRequest {
    let mut body = OAuthClientRequest::new(
        "Reporting bot",
        OAuthClientAuthorizedGrantType::ClientCredentials,
    );
    body.role_divisions = Some(vec![RoleDivision::new("r1", "d1")]);
    body
}

fn request_body_json() -> Value {
    json!({
        "name": "Reporting bot",
        "authorizedGrantType": "CLIENT-CREDENTIALS",
        "roleDivisions": [{"roleId": "r1", "divisionId": "d1"}]
    })
}

#[tokio::test]
async fn delete_oauth_client_sends_delete_and_accepts_any_2xx() {
    let (server, client) = setup().await;
    Mock::given(method("DELETE"))
        .and(path("/api/v2/oauth/clients/c1"))
        .and(authorized())
        .and(accepts_json())
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/api/v2/oauth/clients/c2"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{\"ignored\":true}"))
        .expect(1)
        .mount(&server)
        .await;

    client.oauth().delete_oauth_client("c1").await.unwrap();
    client.oauth().delete_oauth_client("c2").await.unwrap();
}

#[tokio::test]
async fn get_oauth_authorization_sends_accept_language_only_when_set() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/authorizations/c1"))
        .and(header("accept-language", "fr-fr"))
        .and(authorized())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "client": client_json("c1"),
            "scope": ["users:readonly"],
            "pending": false,
            "state": "Approved"
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/authorizations/c2"))
        .and(no_header("accept-language"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"pending": true})))
        .expect(1)
        .mount(&server)
        .await;

    let auth = client
        .oauth()
        .get_oauth_authorization("c1")
        .accept_language("fr-fr")
        .await
        .unwrap();
    assert_eq!(auth.client.unwrap().id.as_deref(), Some("c1"));
    assert_eq!(auth.scope.unwrap(), ["users:readonly"]);
    assert_eq!(auth.state.unwrap().as_str(), "Approved");

    let auth = client.oauth().get_oauth_authorization("c2").await.unwrap();
    assert_eq!(auth.pending, Some(true));
}

#[tokio::test]
async fn get_oauth_authorizations_decodes_the_listing() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/authorizations"))
        .and(no_query())
        .and(header("accept-language", "en-us"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "total": 2,
            "entities": [{"client": client_json("a")}, {"client": client_json("b")}],
            "selfUri": "/api/v2/oauth/authorizations"
        })))
        .expect(1)
        .mount(&server)
        .await;

    let listing = client
        .oauth()
        .get_oauth_authorizations()
        .accept_language("en-us")
        .await
        .unwrap();
    assert_eq!(listing.total, Some(2));
    assert_eq!(listing.entities.unwrap().len(), 2);
}

#[tokio::test]
async fn get_oauth_client_decodes_every_field_type() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients/c1"))
        .and(authorized())
        .and(accepts_json())
        .and(no_query())
        .respond_with(ResponseTemplate::new(200).set_body_json(client_json("c1")))
        .expect(1)
        .mount(&server)
        .await;

    let got: OAuthClient = client.oauth().get_oauth_client("c1").await.unwrap();
    assert_eq!(got.id.as_deref(), Some("c1"));
    assert_eq!(got.name, "Reporting bot");
    assert_eq!(got.access_token_validity_seconds, Some(86_400));
    assert_eq!(
        got.authorized_grant_type,
        OAuthClientAuthorizedGrantType::ClientCredentials
    );
    assert_eq!(got.state, Some(OAuthClientState::Active));
    assert_eq!(
        got.date_created.unwrap().timestamp_millis(),
        1_795_929_153_123
    );
    assert_eq!(got.role_divisions.unwrap()[0].division_id, "d1");
    assert_eq!(got.created_by.unwrap().id.as_deref(), Some("u1"));
}

#[tokio::test]
async fn get_oauth_client_usage_query_result_encodes_both_path_parameters() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients/c1/usage/query/results/e%2F1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "results": [{"clientId": "c1", "requests": 42, "date": "2026-11-01T00:00:00Z"}],
            "queryStatus": "Complete",
            "cursors": {"after": "x"}
        })))
        .expect(1)
        .mount(&server)
        .await;

    let result = client
        .oauth()
        .get_oauth_client_usage_query_result("e/1", "c1")
        .await
        .unwrap();
    assert_eq!(
        result.query_status,
        Some(ApiUsageQueryResultQueryStatus::Complete)
    );
    assert_eq!(result.results.unwrap()[0].requests, Some(42));
}

#[tokio::test]
async fn get_oauth_client_usage_summary_sends_days_only_when_set() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients/c1/usage/summary"))
        .and(query_param("days", "30"))
        .respond_with(ResponseTemplate::new(202).set_body_json(json!({
            "executionId": "e1",
            "resultsUri": "/api/v2/oauth/clients/c1/usage/query/results/e1"
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients/c2/usage/summary"))
        .and(no_query())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"executionId": "e2"})))
        .expect(1)
        .mount(&server)
        .await;

    let with_days = client
        .oauth()
        .get_oauth_client_usage_summary("c1")
        .days("30")
        .await
        .unwrap();
    assert_eq!(with_days.execution_id.as_deref(), Some("e1"));
    let default_days = client
        .oauth()
        .get_oauth_client_usage_summary("c2")
        .await
        .unwrap();
    assert_eq!(default_days.execution_id.as_deref(), Some("e2"));
}

#[tokio::test]
async fn get_oauth_clients_decodes_the_entity_listing() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients"))
        .and(authorized())
        .and(no_query())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "entities": [client_json("a"), client_json("b")],
            "pageSize": 25,
            "pageNumber": 1,
            "total": 2,
            "pageCount": 1
        })))
        .expect(1)
        .mount(&server)
        .await;

    let listing = client.oauth().get_oauth_clients().await.unwrap();
    let ids: Vec<_> = listing
        .entities
        .unwrap()
        .into_iter()
        .map(|c| c.id.unwrap())
        .collect();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(listing.page_size, Some(25));
}

#[tokio::test]
async fn get_oauth_scope_and_scopes_send_their_header() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/scopes/users%3Areadonly"))
        .and(header("accept-language", "de-de"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "id": "users:readonly", "description": "Nur lesen"
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/scopes"))
        .and(no_header("accept-language"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "total": 1, "entities": [{"id": "users:readonly"}]
        })))
        .expect(1)
        .mount(&server)
        .await;

    let scope = client
        .oauth()
        .get_oauth_scope("users:readonly")
        .accept_language("de-de")
        .await
        .unwrap();
    assert_eq!(scope.description.as_deref(), Some("Nur lesen"));
    let scopes = client.oauth().get_oauth_scopes().await.unwrap();
    assert_eq!(scopes.total, Some(1));
}

#[tokio::test]
async fn post_oauth_client_secret_posts_without_a_body() {
    let (server, client) = setup().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/oauth/clients/c1/secret"))
        .and(|req: &Request| req.body.is_empty())
        .respond_with(ResponseTemplate::new(200).set_body_json(client_json("c1")))
        .expect(1)
        .mount(&server)
        .await;

    let rotated = client.oauth().post_oauth_client_secret("c1").await.unwrap();
    assert_eq!(rotated.secret.as_deref(), Some("s3cr3t-value"));
}

#[tokio::test]
async fn post_oauth_client_usage_query_sends_the_query_as_json() {
    let (server, client) = setup().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/oauth/clients/c1/usage/query"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({
            "interval": "2026-11-01T00:00:00/2026-11-29T00:00:00",
            "granularity": "Day",
            "metrics": ["Status200", "Requests"]
        })))
        .respond_with(ResponseTemplate::new(202).set_body_json(json!({"executionId": "e1"})))
        .expect(1)
        .mount(&server)
        .await;

    let mut query = ApiUsageClientQuery::new("2026-11-01T00:00:00/2026-11-29T00:00:00");
    query.granularity = Some(ApiUsageClientQueryGranularity::Day);
    query.metrics = Some(vec![
        ApiUsageClientQueryMetrics::Status200,
        ApiUsageClientQueryMetrics::Requests,
    ]);
    let result = client
        .oauth()
        .post_oauth_client_usage_query("c1", query)
        .await
        .unwrap();
    assert_eq!(result.execution_id.as_deref(), Some("e1"));
}

#[tokio::test]
async fn post_oauth_clients_sends_only_the_fields_that_are_set() {
    let (server, client) = setup().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/oauth/clients"))
        .and(authorized())
        .and(header("content-type", "application/json"))
        .and(body_json(request_body_json()))
        .respond_with(ResponseTemplate::new(200).set_body_json(client_json("new")))
        .expect(1)
        .mount(&server)
        .await;

    let created = client
        .oauth()
        .post_oauth_clients(request_body())
        .await
        .unwrap();
    assert_eq!(created.id.as_deref(), Some("new"));
}

#[tokio::test]
async fn put_oauth_client_sends_the_body_to_the_client_path() {
    let (server, client) = setup().await;
    Mock::given(method("PUT"))
        .and(path("/api/v2/oauth/clients/c1"))
        .and(body_json(request_body_json()))
        .respond_with(ResponseTemplate::new(200).set_body_json(client_json("c1")))
        .expect(1)
        .mount(&server)
        .await;

    let updated = client
        .oauth()
        .put_oauth_client("c1", request_body())
        .send()
        .await
        .unwrap();
    assert_eq!(updated.id.as_deref(), Some("c1"));
}

#[tokio::test]
async fn error_responses_decode_the_error_body_and_correlation_id() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients/missing"))
        .respond_with(
            ResponseTemplate::new(404)
                .insert_header("ININ-Correlation-Id", "corr-123")
                .set_body_json(json!({
                    "message": "The requested resource was not found.",
                    "code": "not.found",
                    "status": 404,
                    "contextId": "ctx-1"
                })),
        )
        .mount(&server)
        .await;

    let err = client
        .oauth()
        .get_oauth_client("missing")
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(404));
    assert_eq!(err.correlation_id(), Some("corr-123"));
    let Error::Api(api) = &err else {
        panic!("expected an API error, got {err:?}")
    };
    let body = api.body.as_ref().expect("the ErrorBody decodes");
    assert_eq!(body.code.as_deref(), Some("not.found"));
    assert_eq!(body.status, Some(404));
    assert_eq!(
        err.to_string(),
        "404 Not Found: The requested resource was not found. (code not.found, correlation id corr-123) [GET /api/v2/oauth/clients/missing]"
    );
}

#[tokio::test]
async fn error_responses_that_are_not_json_keep_the_raw_body() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/scopes"))
        .respond_with(ResponseTemplate::new(503).set_body_string("upstream down"))
        .mount(&server)
        .await;

    let err = client.oauth().get_oauth_scopes().await.unwrap_err();
    let Error::Api(api) = &err else {
        panic!("expected an API error, got {err:?}")
    };
    assert!(api.body.is_none());
    assert_eq!(api.raw_body.text(), "upstream down");
    assert_eq!(
        err.to_string(),
        "503 Service Unavailable: upstream down [GET /api/v2/oauth/scopes]"
    );
}

#[tokio::test]
async fn a_2xx_body_of_the_wrong_shape_is_a_decode_error_that_says_where() {
    let (server, client) = setup().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/oauth/clients/c1/secret"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"secret": "leaked-if-printed", "name": 5})),
        )
        .mount(&server)
        .await;

    let err = client
        .oauth()
        .post_oauth_client_secret("c1")
        .await
        .unwrap_err();
    let text = err.to_string();
    assert!(
        text.starts_with(
            "POST /api/v2/oauth/clients/c1/secret: HTTP 200 response is not a valid OAuthClient"
        ),
        "{text}"
    );
    assert!(text.contains("line 1"), "{text}");
    assert!(!text.contains("leaked-if-printed"), "{text}");
    assert!(!format!("{err:?}").contains("leaked-if-printed"));
}

#[tokio::test]
async fn path_parameters_stay_one_segment_whatever_they_contain() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients/a%2F..%2Fb%3Fc%23d"))
        .and(no_query())
        .respond_with(ResponseTemplate::new(200).set_body_json(client_json("odd")))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients/100%25%20sure"))
        .respond_with(ResponseTemplate::new(200).set_body_json(client_json("pct")))
        .expect(1)
        .mount(&server)
        .await;

    let odd = client.oauth().get_oauth_client("a/../b?c#d").await.unwrap();
    assert_eq!(odd.id.as_deref(), Some("odd"));
    let pct = client.oauth().get_oauth_client("100% sure").await.unwrap();
    assert_eq!(pct.id.as_deref(), Some("pct"));
}

#[tokio::test]
async fn path_parameters_that_would_change_the_path_are_refused_before_sending() {
    let (server, client) = setup().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200))
        .expect(0)
        .mount(&server)
        .await;

    for bad in ["", ".", ".."] {
        let err = client.oauth().delete_oauth_client(bad).await.unwrap_err();
        match err {
            Error::InvalidArgument { name, reason } => {
                assert_eq!(name, "clientId");
                assert!(reason.contains("non-empty"), "{reason}");
            }
            other => panic!("expected InvalidArgument for {bad:?}, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn a_header_value_that_cannot_be_sent_is_an_invalid_argument() {
    let (_server, client) = setup().await;
    let err = client
        .oauth()
        .get_oauth_scopes()
        .accept_language("en\r\nX-Injected: 1")
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidArgument {
                name: "Accept-Language",
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn unknown_enum_values_decode_and_serialize_back_unchanged() {
    let (server, client) = setup().await;
    let mut body = client_json("c1");
    body["authorizedGrantType"] = json!("DEVICE-CODE");
    body["state"] = json!("archived");
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients/c1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;

    let got = client.oauth().get_oauth_client("c1").await.unwrap();
    assert_eq!(
        got.authorized_grant_type,
        OAuthClientAuthorizedGrantType::Unknown("DEVICE-CODE".into())
    );
    assert_eq!(
        got.state,
        Some(OAuthClientState::Unknown("archived".into()))
    );
    let back = serde_json::to_value(&got).unwrap();
    assert_eq!(back["authorizedGrantType"], "DEVICE-CODE");
    assert_eq!(back["state"], "archived");
}

#[test]
fn enum_variants_serialize_to_the_exact_wire_strings() {
    for (variant, wire) in [
        (OAuthClientAuthorizedGrantType::Saml2Bearer, "SAML2-BEARER"),
        (
            OAuthClientAuthorizedGrantType::ClientCredentials,
            "CLIENT-CREDENTIALS",
        ),
        (OAuthClientAuthorizedGrantType::Code, "CODE"),
    ] {
        assert_eq!(serde_json::to_value(&variant).unwrap(), json!(wire));
        let parsed: OAuthClientAuthorizedGrantType = serde_json::from_value(json!(wire)).unwrap();
        assert_eq!(parsed, variant);
    }
    assert_eq!(OAuthClientAuthorizedGrantType::KNOWN.len(), 5);
}

#[test]
fn date_times_round_trip_the_upstream_format() {
    for text in ["2026-11-29T05:12:33.123Z", "2026-11-29T05:12:33Z"] {
        let mut value = client_json("c1");
        value["dateCreated"] = json!(text);
        let parsed: OAuthClient = serde_json::from_value(value).unwrap();
        let back = serde_json::to_value(&parsed).unwrap();
        assert_eq!(back["dateCreated"], text);
    }
}

#[test]
fn debug_output_never_shows_secrets_or_tokens() {
    let parsed: OAuthClient = serde_json::from_value(client_json("c1")).unwrap();
    let shown = format!("{parsed:?}");
    assert!(!shown.contains("s3cr3t-value"), "{shown}");
    assert!(shown.contains("secret: Some(***)"), "{shown}");

    let client = Client::builder().access_token(TOKEN).build().unwrap();
    let shown = format!("{client:?} {:?}", client.oauth().get_oauth_clients());
    assert!(!shown.contains(TOKEN), "{shown}");
}

#[test]
fn invalid_base_urls_are_refused_with_what_is_allowed() {
    for (bad, shown) in [
        ("ftp://example.com", "ftp://example.com"),
        ("not a url", "not a url"),
        // The query is left out of the message: it may hold a secret.
        ("https://example.com/?q=1", "https://example.com/?…"),
    ] {
        let err = Client::builder().base_url(bad).build().unwrap_err();
        let text = err.to_string();
        assert!(text.contains(&format!("`{shown}`")), "{text}");
        assert!(text.contains("expected an https URL"), "{text}");
    }
}

/// Credentials in a base URL would show wherever the URL does: they are
/// refused, and neither the error nor the builder's `Debug` repeats them.
#[test]
fn secrets_in_a_base_url_never_show() {
    let builder = Client::builder().base_url("https://user:SECRETPW@api.example.com/v1");
    let shown = format!("{builder:?}");
    assert!(!shown.contains("SECRETPW"), "{shown}");
    assert!(shown.contains("https://…@api.example.com/v1"), "{shown}");
    let text = builder.build().unwrap_err().to_string();
    assert!(!text.contains("SECRETPW"), "{text}");
    assert!(text.contains("it carries credentials"), "{text}");

    let builder = Client::builder().base_url("https://api.example.com/v1?token=SECRETQ");
    assert!(!format!("{builder:?}").contains("SECRETQ"));
    let text = builder.build().unwrap_err().to_string();
    assert!(!text.contains("SECRETQ"), "{text}");
}

#[tokio::test]
async fn a_base_url_with_a_path_prefix_is_kept() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/gateway/api/v2/oauth/clients"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(format!("{}/gateway/", server.uri()))
        .build()
        .unwrap();
    client.oauth().get_oauth_clients().await.unwrap();
}
