//! A required property whose `$ref` target is `nullable: true` takes `null`.

use case_required_nullable_ref::models::{Issue, User};
use case_required_nullable_ref::Client;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn a_null_assignee_decodes_from_the_server() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/issue"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": 1, "assignee": null})))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let issue: Issue = client.issues().get_issue().await.unwrap();
    assert_eq!(issue.id, 1);
    assert!(issue.assignee.is_none());
}

#[test]
fn null_and_a_value_both_round_trip() {
    for wire in [
        json!({"id": 1, "assignee": null}),
        json!({"id": 2, "assignee": {"login": "ann"}}),
    ] {
        let issue: Issue = serde_json::from_value(wire.clone()).unwrap();
        assert_eq!(serde_json::to_value(&issue).unwrap(), wire);
    }
    let issue: Issue =
        serde_json::from_value(json!({"id": 2, "assignee": {"login": "ann"}})).unwrap();
    assert_eq!(issue.assignee, Some(User::new("ann")));
}
