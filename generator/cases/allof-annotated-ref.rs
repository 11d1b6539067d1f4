//! An `allOf` of one `$ref` and annotations is the referenced type: every
//! property below is a `User`, so one value fits them all.

use case_allof_annotated_ref::models::{Task, User};
use case_allof_annotated_ref::Client;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn annotated_references_are_the_referenced_type() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/tasks/t1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "assignee": null,
            "created_by": {"gid": "1", "name": "Ann"},
            "followers": [{"gid": "2"}],
            "sib_null": {"gid": "3"}
        })))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let task: Task = client.tasks().get_task("t1").await.unwrap();
    // `Option<Option<User>>`: absent, null, or a user.
    assert_eq!(task.assignee, None);
    let creator: User = task.created_by.expect("the creator");
    assert_eq!(creator.name.as_deref(), Some("Ann"));
    let followers: Vec<User> = task.followers.expect("the followers");
    assert_eq!(followers[0].gid.as_deref(), Some("2"));
    let same: Option<User> = task.sib_null.flatten();
    assert_eq!(same.and_then(|u| u.gid).as_deref(), Some("3"));
    // One user fits every field.
    let mut t = Task::new(Some(creator.clone()));
    t.created_by = Some(creator);
    assert!(serde_json::to_value(&t).unwrap()["assignee"].is_object());
}
