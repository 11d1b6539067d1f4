//! Properties with keywords of other types keep their declared types:
//! the form is sent from `String`s and the response decodes into `bool`,
//! `i64` and `Vec<String>`.

use case_schema_keywords_of_other_types::models::{IntrospectBody, IntrospectResponse200};
use case_schema_keywords_of_other_types::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn declared_types_survive_keywords_of_other_types() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/introspect"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            r#"{"active": true, "exp": 1700000000, "aud": ["a", "b"]}"#,
            "application/json",
        ))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let mut body = IntrospectBody::new("tok en&1");
    body.scope = Some(String::from("read"));
    let state: IntrospectResponse200 = client.default().introspect(body).await.unwrap();
    let active: Option<bool> = state.active;
    let exp: Option<i64> = state.exp;
    let aud: Option<Vec<String>> = state.aud;
    assert_eq!(active, Some(true));
    assert_eq!(exp, Some(1_700_000_000));
    assert_eq!(aud, Some(vec![String::from("a"), String::from("b")]));
    let received = server.received_requests().await.unwrap();
    assert_eq!(
        String::from_utf8_lossy(&received[0].body),
        "scope=read&token=tok+en%261"
    );
}
