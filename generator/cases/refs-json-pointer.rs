//! A `$ref` to a node inside another node (a property, array items, an
//! operation's parameter or response schema) is the type that node has:
//! one type for the place and every reference to it, boxed where it
//! recurses, decoding what the server sends.

use case_refs_json_pointer::models::{
    ListPetsResponse200, ListPetsStatus, Pet, PetFoundResponse, PetOwner, PetTagsItem, TreeRoot,
};
use case_refs_json_pointer::Client;
use serde_json::json;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn setup() -> (MockServer, Client) {
    let server = MockServer::start().await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    (server, client)
}

#[tokio::test]
async fn a_response_schema_given_by_a_pointer_into_another_operation_is_its_type() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/pets/search"))
        .and(query_param("status", "sold"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "pets": [{"name": "Rex", "status": "sold", "owner": {"login": "ann", "since": "2020-02-03"}}],
            "owner": {"login": "bob"}
        })))
        .expect(1)
        .mount(&server)
        .await;
    // The parameter given by a pointer into `listPets` takes listPets' enum.
    let page: ListPetsResponse200 = client
        .pets()
        .search_pets()
        .status(ListPetsStatus::Sold)
        .await
        .unwrap();
    let owner: PetOwner = page.owner.unwrap();
    assert_eq!(owner.login, "bob");
    let rex: &Pet = &page.pets[0];
    assert_eq!(rex.name, "Rex");
    assert_eq!(rex.status, Some(ListPetsStatus::Sold));
    let rex_owner: &PetOwner = rex.owner.as_ref().unwrap();
    assert_eq!(rex_owner.login, "ann");
    assert_eq!(
        rex_owner.since,
        Some(chrono::NaiveDate::from_ymd_opt(2020, 2, 3).unwrap())
    );
}

#[tokio::test]
async fn a_chain_of_pointers_and_an_escaped_pointer_decode_as_their_targets() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/pets/p1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "pet": {"name": "Tom", "previousOwner": {"login": "carl"}, "odd": {"x": 7}},
            "node": {"value": 1, "children": [{"value": 2, "parent": {"value": 1}}]}
        })))
        .expect(1)
        .mount(&server)
        .await;
    // The `PetFound` component response's schema, named after the response.
    let found: PetFoundResponse = client.pets().get_pet("p1").await.unwrap();
    let pet = found.pet.unwrap();
    // `previousOwner` → `Keeper.former` → `Pet.owner`: the same type.
    let previous: PetOwner = pet.previous_owner.unwrap();
    assert_eq!(previous.login, "carl");
    assert_eq!(pet.odd.unwrap().x, Some(7));
    // A schema that refers to itself by a pointer into a property recurses.
    let root: TreeRoot = found.node.unwrap();
    assert_eq!(root.value, 1);
    let child = &root.children.unwrap()[0];
    assert_eq!(child.value, 2);
    let parent: &TreeRoot = child.parent.as_deref().unwrap();
    assert_eq!(parent.value, 1);
}

#[tokio::test]
async fn a_pointer_into_array_items_is_the_item_type() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/pets/p1/tag"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"label": "friendly"})))
        .expect(1)
        .mount(&server)
        .await;
    let tag: PetTagsItem = client.pets().get_pet_tag("p1").await.unwrap();
    assert_eq!(tag.label.as_deref(), Some("friendly"));
    // The same type is the element of `Pet.tags`.
    let mut pet = Pet::new("Rex");
    pet.tags = Some(vec![tag]);
    assert_eq!(pet.tags.unwrap()[0].label.as_deref(), Some("friendly"));
}
