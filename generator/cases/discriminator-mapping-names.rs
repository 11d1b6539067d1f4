//! The mapping's keys are the wire values, for a bare-name target as for
//! a reference, and every key naming a schema selects it.

use case_discriminator_mapping_names::models::Pet;
use case_discriminator_mapping_names::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn pet(body: serde_json::Value) -> Pet {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/pets/1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    client.pets().get_pet("1").await.unwrap()
}

#[tokio::test]
async fn a_bare_name_target_is_chosen_by_its_key() {
    match pet(serde_json::json!({"petType": "DOG", "bark": "woof"})).await {
        Pet::Dog(dog) => assert_eq!(dog.bark, "woof"),
        other => panic!("expected a dog, got {other:?}"),
    }
}

#[tokio::test]
async fn a_reference_target_is_chosen_by_its_key() {
    match pet(serde_json::json!({"petType": "CAT", "lives": 9})).await {
        Pet::Cat(cat) => assert_eq!(cat.lives, 9),
        other => panic!("expected a cat, got {other:?}"),
    }
}

#[tokio::test]
async fn every_key_naming_a_target_chooses_it_and_is_kept() {
    let body = serde_json::json!({"petType": "HOUND", "bark": "woof"});
    match pet(body.clone()).await {
        Pet::Dog(dog) => {
            assert_eq!(dog.pet_type, "HOUND");
            assert_eq!(serde_json::to_value(Pet::Dog(dog)).unwrap(), body);
        }
        other => panic!("expected a dog, got {other:?}"),
    }
}

#[test]
fn a_value_sent_carries_its_variants_tag() {
    use case_discriminator_mapping_names::models::{Cat, Dog};
    // The variant decides the tag: a field left empty, or set to a value
    // that selects another variant, is sent as the variant's own.
    let cat = Pet::Cat(Cat::new("", 9));
    assert_eq!(
        serde_json::to_value(&cat).unwrap(),
        serde_json::json!({"petType": "CAT", "lives": 9})
    );
    let dog = Pet::Dog(Dog::new("CAT", "bark"));
    assert_eq!(serde_json::to_value(&dog).unwrap()["petType"], "DOG");
    // Any key naming the variant is kept as it is.
    let hound = Pet::Dog(Dog::new("HOUND", "woof"));
    assert_eq!(serde_json::to_value(&hound).unwrap()["petType"], "HOUND");
}
