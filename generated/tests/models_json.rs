//! The JSON form of the model structs: which properties are written, how
//! missing, null, unknown and repeated ones decode, and what the errors say.

use purecloud_platform_client::models::{
    OAuthClient, OAuthClientAuthorizedGrantType, OAuthClientState, RoleDivision,
};
use serde_json::json;

#[test]
fn unset_optional_fields_are_left_out_and_the_rest_written_in_field_order() {
    let mut client = OAuthClient::new(
        "reporting",
        OAuthClientAuthorizedGrantType::ClientCredentials,
    );
    client.access_token_validity_seconds = Some(3600);
    client.role_divisions = Some(vec![RoleDivision::new("role-1", "division-1")]);
    let text = serde_json::to_string(&client).unwrap();
    assert_eq!(
        text,
        r#"{"name":"reporting","accessTokenValiditySeconds":3600,"authorizedGrantType":"CLIENT-CREDENTIALS","roleDivisions":[{"roleId":"role-1","divisionId":"division-1"}]}"#
    );
}

#[test]
fn missing_and_null_optional_properties_are_none_and_unknown_ones_are_skipped() {
    let client: OAuthClient = serde_json::from_value(json!({
        "name": "reporting",
        "authorizedGrantType": "CODE",
        "description": null,
        "state": "active",
        "addedInALaterVersion": {"nested": [1, 2, 3]},
    }))
    .unwrap();
    assert_eq!(client.name, "reporting");
    assert_eq!(
        client.authorized_grant_type,
        OAuthClientAuthorizedGrantType::Code
    );
    assert_eq!(client.description, None);
    assert_eq!(client.id, None);
    assert_eq!(client.state, Some(OAuthClientState::from("active")));
}

#[test]
fn a_round_trip_keeps_every_field() {
    let text = r#"{"id":"c-1","name":"n","description":"d","registeredRedirectUri":["https://example.com/cb"],"authorizedGrantType":"TOKEN","scope":["a","b"],"selfUri":"/api/v2/oauth/clients/c-1"}"#;
    let client: OAuthClient = serde_json::from_str(text).unwrap();
    assert_eq!(serde_json::to_string(&client).unwrap(), text);
}

#[test]
fn a_missing_required_property_is_named_with_where_the_object_ends() {
    let error = serde_json::from_str::<OAuthClient>(r#"{"authorizedGrantType": "CODE"}"#)
        .unwrap_err()
        .to_string();
    assert_eq!(error, "missing field `name` at line 1 column 31");
}

#[test]
fn a_repeated_property_is_refused() {
    let error = serde_json::from_str::<RoleDivision>(
        r#"{"roleId": "a", "divisionId": "b", "roleId": "c"}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(error.starts_with("duplicate field `roleId`"), "{error}");
}

#[test]
fn a_value_that_is_not_an_object_says_what_was_expected() {
    let error = serde_json::from_str::<RoleDivision>(r#""role-1""#)
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with(r#"invalid type: string "role-1", expected struct RoleDivision"#),
        "{error}"
    );
    let error = serde_json::from_str::<RoleDivision>(r#"{"roleId": 7, "divisionId": "b"}"#)
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("invalid type: integer `7`, expected a string"),
        "{error}"
    );
}

#[test]
fn escaped_property_names_are_matched_like_plain_ones() {
    // `\u0049` is `I`: serde_json hands this name over unescaped, not
    // borrowed from the input.
    let division: RoleDivision =
        serde_json::from_str(r#"{"role\u0049d": "a", "divisionId": "b"}"#).unwrap();
    assert_eq!(division.role_id, "a");
}
