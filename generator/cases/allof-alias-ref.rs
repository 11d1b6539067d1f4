//! An `allOf` part naming an alias (or a chain of them) of an object
//! merges that object's fields: both parts decode and are sent.

use case_allof_alias_ref::Client;
use case_allof_alias_ref::models::ProjectDetail;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn the_aliased_parts_fields_and_the_others_decode() {
    let wire = json!({
        "id": "p1", "title": "Launch", "members": ["ann", "bo"],
        "owner": {"id": "p0", "since": "2020"}
    });
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/projects/p1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(wire.clone()))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let project: ProjectDetail = client.projects().get_project("p1").await.unwrap();
    assert_eq!(project.id, "p1");
    assert_eq!(project.title.as_deref(), Some("Launch"));
    assert_eq!(project.members, Some(vec!["ann".to_owned(), "bo".to_owned()]));
    let owner = project.owner.as_ref().expect("the owner");
    assert_eq!(owner.id, "p0");
    assert_eq!(owner.since.as_deref(), Some("2020"));
    assert_eq!(serde_json::to_value(&project).unwrap(), wire);
}
