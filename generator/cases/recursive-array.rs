//! An array that holds itself is a tuple struct around it, with the same
//! JSON form both ways.

use case_recursive_array::models::{Copse, Forest, Grove, MaybeList, Tree};
use case_recursive_array::Client;
use serde_json::json;
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn nested_arrays_are_sent_and_decoded_as_json_arrays() {
    let server = MockServer::start().await;
    let reply = json!({
        "trees": [[], [[], [[]]]],
        "grove": [[[]], []],
        "maybe": [null, [null]]
    });
    Mock::given(method("POST"))
        .and(path("/trees"))
        .and(body_json(json!([[], [[]]])))
        .respond_with(ResponseTemplate::new(200).set_body_json(&reply))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let body = Tree(vec![Tree(vec![]), Tree(vec![Tree(vec![])])]);
    let forest: Forest = client.trees().plant_tree(body).await.unwrap();

    let trees = forest.trees.as_ref().unwrap();
    assert_eq!(trees[0], Tree::default());
    assert_eq!(trees[1].0[1].0.len(), 1);
    assert_eq!(
        forest.grove,
        Some(Grove(vec![Copse(vec![Grove(vec![])]), Copse(vec![])]))
    );
    assert_eq!(
        forest.maybe,
        Some(Some(MaybeList(vec![None, Some(MaybeList(vec![None]))])))
    );
    assert_eq!(serde_json::to_value(&forest).unwrap(), reply);
}

#[test]
fn a_value_of_another_shape_is_refused() {
    let error = serde_json::from_value::<Tree>(json!([[1]])).unwrap_err();
    assert!(error.to_string().contains("expected a sequence"), "{error}");
}
