//! `allOf` parts with no properties (`{type: object}`, a description only)
//! merge to nothing: the object is the referenced schema's fields plus the
//! others, and it decodes.

use case_allof_annotation_parts::Client;
use case_allof_annotation_parts::models::Folder;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn the_merged_object_decodes_with_every_field() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/folders/f1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "name": "reports", "size": 3, "parent": {"name": "root"}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let folder: Folder = client.folders().get_folder("f1").await.unwrap();
    assert_eq!(folder.name, "reports");
    assert_eq!(folder.size, Some(3));
    let parent = folder.parent.expect("the parent");
    assert_eq!(parent.name, "root");
}
