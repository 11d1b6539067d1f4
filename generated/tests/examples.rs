//! The crate's examples, run against a local mock server: each must work
//! end to end and print what it promises, and none may print a secret.

#[allow(dead_code)]
#[path = "../examples/client_credentials.rs"]
mod client_credentials;
#[allow(dead_code)]
#[path = "../examples/create_client.rs"]
mod create_client;
#[allow(dead_code)]
#[path = "../examples/usage_query.rs"]
mod usage_query;

use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const CLIENT_SECRET: &str = "EXAMPLE-SECRET";
const TOKEN: &str = "EXAMPLE-TOKEN";
const NEW_SECRET: &str = "ROTATED-SECRET-0123456789";

async fn server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "access_token": TOKEN, "token_type": "bearer", "expires_in": 86400
        })))
        .mount(&server)
        .await;
    server
}

fn env(server: &MockServer) -> impl Fn(&str) -> Option<String> {
    let uri = server.uri();
    move |name: &str| match name {
        "GENESYSCLOUD_OAUTHCLIENT_ID" => Some("example-id".into()),
        "GENESYSCLOUD_OAUTHCLIENT_SECRET" => Some(CLIENT_SECRET.into()),
        "GENESYSCLOUD_REGION" => Some("eu-west-1".into()),
        "GENESYS_CLOUD_BASE_URL" | "GENESYS_CLOUD_LOGIN_URL" => Some(uri.clone()),
        _ => None,
    }
}

fn assert_no_secret(output: &str) {
    for secret in [CLIENT_SECRET, TOKEN, NEW_SECRET] {
        assert!(!output.contains(secret), "{secret} in:\n{output}");
    }
}

#[tokio::test]
async fn client_credentials_example_lists_every_client() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "entities": [
                {"id": "c-1", "name": "Reporting bot", "authorizedGrantType": "CLIENT-CREDENTIALS"},
                {"id": "c-2", "name": "Web app", "authorizedGrantType": "CODE"}
            ]
        })))
        .mount(&server)
        .await;

    let mut out = Vec::new();
    client_credentials::run(env(&server), &mut out)
        .await
        .unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("c-1") && out.contains("CLIENT-CREDENTIALS") && out.contains("Reporting bot"),
        "{out}"
    );
    assert!(out.contains("c-2") && out.contains("Web app"), "{out}");
    assert_no_secret(&out);
}

#[tokio::test]
async fn create_client_example_creates_then_rotates_with_the_secret_redacted() {
    let server = server().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/oauth/clients"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "id": "new-1", "name": "Nightly export", "authorizedGrantType": "CLIENT-CREDENTIALS",
            "secret": "FIRST-SECRET"
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v2/oauth/clients/new-1/secret"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "id": "new-1", "name": "Nightly export", "authorizedGrantType": "CLIENT-CREDENTIALS",
            "secret": NEW_SECRET
        })))
        .expect(1)
        .mount(&server)
        .await;

    let mut out = Vec::new();
    create_client::run(env(&server), &mut out).await.unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("created Nightly export (new-1)"), "{out}");
    assert!(
        out.contains("new secret: *** (25 characters, not shown)"),
        "{out}"
    );
    assert_no_secret(&out);
    assert!(!out.contains("FIRST-SECRET"), "{out}");
}

#[tokio::test]
async fn usage_query_example_waits_for_the_result_and_prints_a_table() {
    let server = server().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/oauth/clients/example-id/usage/query"))
        .respond_with(ResponseTemplate::new(202).set_body_json(json!({"executionId": "e-1"})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(
            "/api/v2/oauth/clients/example-id/usage/query/results/e-1",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "queryStatus": "Complete",
            "results": [
                {"date": "2026-11-27T00:00:00Z", "httpMethod": "GET",
                 "templateUri": "api/v2/users", "requests": 120},
                {"date": "2026-11-28T00:00:00Z", "httpMethod": "POST",
                 "templateUri": "api/v2/analytics/conversations/details/query", "requests": 8}
            ]
        })))
        .expect(1)
        .mount(&server)
        .await;

    let mut out = Vec::new();
    usage_query::run(env(&server), &mut out).await.unwrap();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("DATE") && lines[0].ends_with("REQUESTS"),
        "{out}"
    );
    assert!(
        lines[1].starts_with("2026-11-27")
            && lines[1].contains("api/v2/users")
            && lines[1].ends_with("120"),
        "{out}"
    );
    assert!(
        lines[2].contains("POST") && lines[2].ends_with('8'),
        "{out}"
    );
    assert_eq!(lines[3], "2 rows");
    assert_no_secret(&out);
}
