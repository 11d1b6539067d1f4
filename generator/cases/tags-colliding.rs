//! Tags that read the same once named stay groups of their own, under
//! suffixed names: the group listed first keeps the plain one. Each calls
//! its own operations.

use case_tags_colliding::Client;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn each_colliding_tag_is_a_group_of_its_own() {
    let server = MockServer::start().await;
    for (route, body) in [
        ("/users", json!(["ann"])),
        ("/users/u1", json!("ann")),
        ("/users/count", json!(1)),
    ] {
        Mock::given(method("GET"))
            .and(path(route))
            .respond_with(ResponseTemplate::new(200).set_body_json(body))
            .expect(1)
            .mount(&server)
            .await;
    }
    for verb in ["GET", "POST"] {
        Mock::given(method(verb))
            .and(path("/members"))
            .respond_with(ResponseTemplate::new(204))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let users: Vec<String> = client.users().list_users().await.unwrap();
    assert_eq!(users, ["ann"]);
    let user: String = client.users2().get_user("u1").await.unwrap();
    assert_eq!(user, "ann");
    let count: i64 = client.users3().count_users().await.unwrap();
    assert_eq!(count, 1);
    client.team_members().list_members().await.unwrap();
    client.team_members2().add_member().await.unwrap();
    // The groups' own types, as the warning names them.
    let _: case_tags_colliding::UsersApi = client.users();
    let _: case_tags_colliding::UsersApi2 = client.users2();
    let _: case_tags_colliding::UsersApi3 = client.users3();
}
