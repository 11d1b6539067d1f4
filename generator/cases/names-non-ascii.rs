//! Non-ASCII schema, property and enum names: ASCII Rust names, and the
//! wire names exactly as the spec writes them.

use case_names_non_ascii::models::{Grosse, GrosseEtat};
use case_names_non_ascii::{Client, RetryPolicy};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[test]
fn properties_and_enum_values_keep_their_wire_names() {
    let json = serde_json::json!({"höhe": 1.5, "名前": "Anna", "état": "supprimé"});
    let decoded: Grosse = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(decoded.hohe, Some(1.5));
    assert_eq!(decoded.u540d_u524d.as_deref(), Some("Anna"));
    assert_eq!(decoded.etat, Some(GrosseEtat::Supprime));
    assert_eq!(serde_json::to_value(&decoded).unwrap(), json);
    assert_eq!(GrosseEtat::Cree.as_str(), "créé");
}

#[tokio::test]
async fn a_response_with_non_ascii_names_decodes() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/kunden"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"名前": "Jun", "état": "créé"})),
        )
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap();
    let got = client.kunden().get_kunden().await.unwrap();
    assert_eq!(got.u540d_u524d.as_deref(), Some("Jun"));
    assert_eq!(got.etat, Some(GrosseEtat::Cree));
    assert_eq!(got.hohe, None);
}
