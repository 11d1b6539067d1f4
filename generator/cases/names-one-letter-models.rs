//! Models named `D`, `S`, `E`, `V`, `A` and `T`, the names of serde's type
//! parameters: they compile, and keep their JSON form through a request.

use case_names_one_letter_models::models::{D, S, V};
use case_names_one_letter_models::{Client, RetryPolicy};
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[test]
fn nested_and_recursive_one_letter_models_round_trip() {
    let json = serde_json::json!({
        "s": {"v": [{"n": 1}, {"n": 2}], "a": {"label": "x", "foo": "y"}},
        "parent": {"s": {}, "e": {"t": {"when": "2026-01-02T03:04:05Z"}}},
    });
    let decoded: D = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(decoded.s.v.as_ref().map(Vec::len), Some(2));
    assert_eq!(decoded.s.a.as_ref().unwrap().foo.as_deref(), Some("y"));
    let parent = decoded.parent.as_deref().unwrap();
    assert!(parent.s.v.is_none());
    assert_eq!(serde_json::to_value(&decoded).unwrap(), json);
}

#[test]
fn a_missing_required_model_is_named() {
    let error = serde_json::from_str::<D>(r#"{"parent": null}"#).unwrap_err();
    assert_eq!(error.to_string(), "missing field `s` at line 1 column 16");
}

#[tokio::test]
async fn a_request_sends_and_decodes_them() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/d"))
        .and(body_json(serde_json::json!({"v": [{"n": 7}]})))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"s": {"v": [{"n": 7}]}})),
        )
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap();
    let mut body = S::default();
    body.v = Some(vec![V::new(7)]);
    let got = client.default().post_d(body).await.unwrap();
    assert_eq!(got.s.v.unwrap()[0].n, 7);
}
