//! A subtype annotating the base's discriminator property (an `example`
//! alone) is still a variant of the base's union, its tag the base's enum.

use case_polymorphic_subtype_annotates_tag::models::{UserFactor, UserFactorType, UserFactorWeb};
use case_polymorphic_subtype_annotates_tag::Client;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn factor(body: serde_json::Value) -> UserFactor {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/factors/f1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    client.factors().get_factor("f1").await.unwrap()
}

#[tokio::test]
async fn the_annotating_subtype_decodes_to_its_variant() {
    let f = factor(json!({"id": "f1", "factorType": "web", "url": "https://x"})).await;
    match f {
        UserFactor::UserFactorWeb(web) => {
            assert_eq!(web.url.as_deref(), Some("https://x"));
            assert_eq!(web.factor_type, Some(UserFactorType::Web));
        }
        other => panic!("expected a web factor, got {other:?}"),
    }
    let f = factor(json!({"id": "f2", "factorType": "sms", "phone": "555"})).await;
    assert!(matches!(f, UserFactor::UserFactorSms(_)), "{f:?}");
}

#[test]
fn the_subtype_built_by_hand_is_sent_with_its_tag() {
    let web = UserFactor::UserFactorWeb(UserFactorWeb::new());
    assert_eq!(serde_json::to_value(web).unwrap(), json!({"factorType": "web"}));
}
