//! Without a mapping, each subtype is chosen by its schema name, a
//! subtype's subtype is one of the base's too, and a subtype that adds
//! nothing is a struct of the base's fields. A subtype that is a base of
//! its own is a union of its subtypes and itself.

use case_polymorphic_base_implicit::models::{
    Lizard, Pet, Polygon, PolygonBase, Puppy, Shape, Square,
};
use case_polymorphic_base_implicit::Client;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn setup() -> (MockServer, Client) {
    let server = MockServer::start().await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    (server, client)
}

async fn pets(body: serde_json::Value) -> Vec<Pet> {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/pets"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    client.pets().list_pets().await.unwrap()
}

#[tokio::test]
async fn each_subtype_is_chosen_by_its_schema_name() {
    let pets = pets(json!([
        {"petType": "Cat", "name": "Tom", "lives": 9},
        {"petType": "Dog", "name": "Rex", "bark": "woof"},
        {"petType": "Lizard", "name": "Liz"}
    ]))
    .await;
    match &pets[0] {
        Pet::Cat(cat) => assert_eq!((cat.name.as_str(), cat.lives), ("Tom", Some(9))),
        other => panic!("expected a cat, got {other:?}"),
    }
    match &pets[1] {
        Pet::Dog(dog) => assert_eq!(
            (dog.name.as_str(), dog.bark.as_deref()),
            ("Rex", Some("woof"))
        ),
        other => panic!("expected a dog, got {other:?}"),
    }
    match &pets[2] {
        Pet::Lizard(lizard) => {
            assert_eq!(lizard.pet_type, "Lizard");
            assert_eq!(lizard.name, "Liz");
        }
        other => panic!("expected a lizard, got {other:?}"),
    }
}

#[tokio::test]
async fn a_subtypes_subtype_has_the_fields_of_every_level() {
    let pets =
        pets(json!([{"petType": "Puppy", "name": "Bit", "bark": "yip", "ageWeeks": 8}])).await;
    match &pets[0] {
        Pet::Puppy(puppy) => {
            assert_eq!(puppy.name, "Bit");
            assert_eq!(puppy.bark.as_deref(), Some("yip"));
            assert_eq!(puppy.age_weeks, Some(8));
        }
        other => panic!("expected a puppy, got {other:?}"),
    }
}

#[tokio::test]
async fn an_unknown_name_and_the_abstract_base_keep_the_json() {
    let hamster = json!({"petType": "Hamster", "name": "Ham"});
    let plain = json!({"petType": "Pet", "name": "Nobody"});
    let pets = pets(json!([hamster, plain])).await;
    assert_eq!(pets, [Pet::Other(hamster), Pet::Other(plain)]);
}

#[tokio::test]
async fn a_subtype_sent_as_the_base_carries_its_name_once() {
    let (server, client) = setup().await;
    Mock::given(method("POST"))
        .and(path("/pets"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let mut puppy = Puppy::new("Bit");
    puppy.age_weeks = Some(8);
    client.pets().add_pet(Pet::Puppy(puppy)).await.unwrap();
    client
        .pets()
        .add_pet(Pet::Lizard(Lizard::new("Liz")))
        .await
        .unwrap();
    let requests = server.received_requests().await.unwrap();
    let bodies: Vec<String> = requests
        .iter()
        .map(|r| String::from_utf8(r.body.clone()).unwrap())
        .collect();
    assert_eq!(
        bodies,
        [
            r#"{"petType":"Puppy","name":"Bit","ageWeeks":8}"#,
            r#"{"petType":"Lizard","name":"Liz"}"#
        ]
    );
}

#[tokio::test]
async fn an_intermediate_subtype_without_a_discriminator_is_a_struct() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/dogs/d1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"petType": "Puppy", "name": "Bit", "bark": "yip", "ageWeeks": 8}),
        ))
        .mount(&server)
        .await;
    // `Dog` declares no discriminator: a `Dog` is its own fields.
    let dog = client.pets().get_dog("d1").await.unwrap();
    assert_eq!(dog.pet_type, "Puppy");
    assert_eq!(dog.bark.as_deref(), Some("yip"));
}

#[tokio::test]
async fn a_subtype_that_is_a_base_is_a_union_of_itself_and_its_subtypes() {
    let (server, client) = setup().await;
    let square = json!({"shapeType": "square", "sides": 4, "side": 2.5});
    let polygon = json!({"shapeType": "polygon", "sides": 5});
    Mock::given(method("GET"))
        .and(path("/shapes"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([
            {"shapeType": "circle", "radius": 1.5},
            polygon,
            square
        ])))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/polygons/p1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(square.clone()))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/polygons/p2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(polygon.clone()))
        .mount(&server)
        .await;
    let shapes = client.shapes().list_shapes().await.unwrap();
    assert!(matches!(&shapes[0], Shape::Circle(c) if c.radius == Some(1.5)));
    assert!(matches!(&shapes[1], Shape::Polygon(p) if p.sides == Some(5)));
    assert!(matches!(&shapes[2], Shape::Square(s) if s.side == Some(2.5) && s.sides == Some(4)));
    let mut expected = Square::new();
    expected.sides = Some(4);
    expected.side = Some(2.5);
    assert_eq!(
        client.shapes().get_polygon("p1").await.unwrap(),
        Polygon::Square(expected)
    );
    let mut expected = PolygonBase::new();
    expected.sides = Some(5);
    assert_eq!(
        client.shapes().get_polygon("p2").await.unwrap(),
        Polygon::Polygon(expected)
    );
}
