//! "X or null" unions decode as `X` or `None`, and a payload that fits
//! neither is a decode error that says what came back.

use case_union_x_or_null::models::{Config, ConfigLimit, MaybeSharing, Sharing};
use case_union_x_or_null::Client;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[test]
fn a_value_and_null_both_round_trip() {
    let wire = json!({
        "sharing": {"enabled": true},
        "owner": "ann",
        "fallback": null,
        "single": {"enabled": false},
        "limit": 10,
    });
    let config: Config = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(config.sharing, Some(Some(Sharing::new(true))));
    assert_eq!(config.owner.as_deref(), Some("ann"));
    assert_eq!(config.fallback, Some(None));
    assert_eq!(config.single, Some(Some(Sharing::new(false))));
    assert_eq!(config.limit, Some(Some(ConfigLimit::I64(10))));
    assert_eq!(serde_json::to_value(&config).unwrap(), wire);

    let nulls = json!({"sharing": null, "owner": null, "single": null, "limit": null});
    let config: Config = serde_json::from_value(nulls.clone()).unwrap();
    assert_eq!(config.sharing, Some(None));
    assert_eq!(config.owner, None);
    assert_eq!(config.limit, Some(None));
    assert_eq!(serde_json::to_value(&config).unwrap(), nulls);

    // The component "Sharing or null" is `Sharing` by another name.
    let fallback: MaybeSharing = Sharing::new(true);
    assert_eq!(serde_json::to_value(fallback).unwrap(), json!({"enabled": true}));
}

#[test]
fn a_value_that_is_neither_is_an_error_not_a_json_variant() {
    let wrong = json!({"owner": "ann", "sharing": {"enabled": "yes"}});
    let error = serde_json::from_value::<Config>(wrong).unwrap_err();
    assert!(error.to_string().contains("invalid type"), "{error}");
}

#[tokio::test]
async fn null_from_the_server_is_none() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/config"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"owner": null, "sharing": null, "limit": "none"})),
        )
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let config = client.default().get_config().await.unwrap();
    assert_eq!(config.sharing, Some(None));
    assert_eq!(config.limit, Some(Some(ConfigLimit::String("none".into()))));
}
