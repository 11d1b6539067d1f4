//! A union is built from a plain value with `.into()`, and the query
//! carries each value as it is.

use case_union_conversions::models::{ListIssuesProject, Target};
use case_union_conversions::Client;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[test]
fn each_distinct_type_converts_into_its_variant() {
    assert_eq!(ListIssuesProject::from(7), ListIssuesProject::I64(7));
    assert_eq!(
        ListIssuesProject::from("backend"),
        ListIssuesProject::String("backend".to_owned())
    );
    assert_eq!(Target::from(vec![1, 2]), Target::I64List(vec![1, 2]));
    assert_eq!(serde_json::to_value(Target::from(3)).unwrap(), json!(3));
}

#[tokio::test]
async fn converted_values_go_into_the_query_as_they_are() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/issues"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([4, 5])))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let target = client
        .default()
        .list_issues()
        .project(vec![1.into(), "backend".into()])
        .await
        .unwrap();
    assert_eq!(target, Target::I64List(vec![4, 5]));
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests[0].url.query(), Some("project=1&project=backend"));
}
