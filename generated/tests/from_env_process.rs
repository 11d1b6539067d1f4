//! `Client::from_env` reading the real process environment.
//!
//! This is the only test in its binary: changing the environment is unsafe
//! while another thread may read it, so it happens here before any thread
//! (test runner sibling, tokio worker, resolver) exists.

use purecloud_platform_client::Client;
use serde_json::json;
use wiremock::matchers::{body_string_contains, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SECRET: &str = "ENV-SECRET-0123456789";

#[test]
fn from_env_reads_the_process_environment() {
    // SAFETY: the only test in this binary, and no other thread has started
    // yet: the runtime below is built after the environment is set.
    unsafe {
        std::env::set_var("GENESYSCLOUD_OAUTHCLIENT_ID", "process-id");
        std::env::set_var("GENESYSCLOUD_OAUTHCLIENT_SECRET", SECRET);
        std::env::set_var("GENESYSCLOUD_REGION", "EuCentral1");
    }
    let client = Client::from_env().unwrap();
    assert_eq!(client.base_url(), "https://api.mypurecloud.de");
    assert_eq!(client.login_url(), "https://login.mypurecloud.de");
    assert!(!format!("{client:?}").contains(SECRET));

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let server = MockServer::start().await;
        // The id and secret from the environment go out as HTTP Basic
        // credentials (`process-id:ENV-SECRET-0123456789`).
        Mock::given(method("POST"))
            .and(path("/oauth/token"))
            .and(header(
                "authorization",
                "Basic cHJvY2Vzcy1pZDpFTlYtU0VDUkVULTAxMjM0NTY3ODk=",
            ))
            .and(body_string_contains("grant_type=client_credentials"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "access_token": "env-token", "token_type": "bearer", "expires_in": 86400
            })))
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/api/v2/oauth/clients"))
            .and(header("authorization", "Bearer env-token"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"entities": []})))
            .expect(1)
            .mount(&server)
            .await;
        let client = purecloud_platform_client::ClientBuilder::from_env()
            .unwrap()
            .base_url(server.uri())
            .login_url(server.uri())
            .build()
            .unwrap();
        let listing = client.oauth().get_oauth_clients().await.unwrap();
        assert_eq!(listing.entities.unwrap().len(), 0);
    });
}
