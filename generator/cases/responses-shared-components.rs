//! A shared component response decodes into its one type, whichever
//! operation received it.

use case_responses_shared_components::models::UnauthorizedResponse;
use case_responses_shared_components::{Client, Error};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn every_operation_decodes_the_shared_response_into_its_one_type() {
    let server = MockServer::start().await;
    let body = serde_json::json!({"error": {"status": 401, "message": "The access token expired"}});
    for (verb, route) in [("GET", "/albums"), ("GET", "/tracks"), ("PUT", "/player")] {
        Mock::given(method(verb))
            .and(path(route))
            .respond_with(ResponseTemplate::new(401).set_body_json(&body))
            .mount(&server)
            .await;
    }
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let errors = [
        client.music().list_albums().await.unwrap_err(),
        client.music().list_tracks().await.unwrap_err(),
        client.player().play().await.unwrap_err(),
    ];
    for err in errors {
        let Error::Api(api) = &err else {
            panic!("expected an API error, got {err:?}");
        };
        assert_eq!(api.status, 401);
        let decoded: UnauthorizedResponse = serde_json::from_slice(api.raw_body.as_bytes()).unwrap();
        assert_eq!(decoded.error.message, "The access token expired");
        assert_eq!(decoded.error.status, 401);
    }
}
