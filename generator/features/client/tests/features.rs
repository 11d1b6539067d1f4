//! What the generator makes of each construct of the feature spec, checked
//! on the wire. Hand-written; codegen never touches this folder.

use std::collections::BTreeMap;

use codegen_features::models::{Kind, Labels, Level, Thing, ThingListing, Tree};
use codegen_features::{Client, RetryPolicy};
use futures_util::StreamExt;
use serde_json::{Value, json};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

fn round_trip<T: serde::Serialize + serde::de::DeserializeOwned>(value: Value) -> Value {
    let typed: T = serde_json::from_value(value).expect("decodes");
    serde_json::to_value(&typed).expect("encodes")
}

#[test]
fn all_of_merges_the_base_fields_with_the_own_ones() {
    let thing = Thing::new("t-1", None);
    let wire = serde_json::to_value(&thing).unwrap();
    assert_eq!(wire, json!({"id": "t-1", "nickname": null}));
    let decoded: Thing =
        serde_json::from_value(json!({"id": "t-2", "type": "base field", "nickname": "n"}))
            .unwrap();
    assert_eq!(decoded.type_.as_deref(), Some("base field"));
}

#[test]
fn an_optional_nullable_field_has_three_states() {
    for wire in [
        json!({"id": "a", "nickname": "n"}),
        json!({"id": "a", "nickname": "n", "note": null}),
        json!({"id": "a", "nickname": "n", "note": "hello"}),
    ] {
        assert_eq!(round_trip::<Thing>(wire.clone()), wire);
    }
    let absent: Thing = serde_json::from_value(json!({"id": "a", "nickname": null})).unwrap();
    let null: Thing =
        serde_json::from_value(json!({"id": "a", "nickname": null, "note": null})).unwrap();
    assert_eq!(absent.note, None);
    assert_eq!(null.note, Some(None));
    assert_eq!(absent.nickname, None);
}

#[test]
fn a_map_beside_known_properties_is_flattened() {
    let wire = json!({"name": "counts", "apples": 3, "pears": 5});
    assert_eq!(round_trip::<Labels>(wire.clone()), wire);
    let labels: Labels = serde_json::from_value(wire).unwrap();
    assert_eq!(labels.name.as_deref(), Some("counts"));
    assert_eq!(
        labels.additional_properties,
        BTreeMap::from([("apples".to_owned(), 3), ("pears".to_owned(), 5)])
    );
}

#[test]
fn wire_names_that_are_not_identifiers_keep_their_spelling() {
    let wire = json!({
        "id": "a", "nickname": null, "$schema": "s", "pairing-token": "p",
        "1stValue": 1, "self": "me", "type": "t"
    });
    assert_eq!(round_trip::<Thing>(wire.clone()), wire);
}

#[test]
fn string_enum_values_that_collide_as_identifiers_stay_distinct() {
    let variants = [
        (Kind::Alpha, "alpha"),
        (Kind::Alpha2, "Alpha"),
        (Kind::Empty, ""),
        (Kind::V1st, "1st"),
        (Kind::AB, "a.b"),
        (Kind::AB2, "a-b"),
        (Kind::Self_, "self"),
    ];
    for (variant, wire) in variants {
        assert_eq!(serde_json::to_value(&variant).unwrap(), json!(wire));
        assert_eq!(
            serde_json::from_value::<Kind>(json!(wire)).unwrap(),
            variant
        );
    }
    assert_eq!(
        serde_json::from_value::<Kind>(json!("beta")).unwrap(),
        Kind::Unknown("beta".into())
    );
}

#[test]
fn integer_enums_keep_unknown_values() {
    assert_eq!(serde_json::to_value(Level::Minus1).unwrap(), json!(-1));
    assert_eq!(
        serde_json::from_value::<Level>(json!(2)).unwrap(),
        Level::V2
    );
    assert_eq!(
        serde_json::from_value::<Level>(json!(7)).unwrap(),
        Level::Unknown(7)
    );
    assert_eq!(serde_json::to_value(Level::Unknown(7)).unwrap(), json!(7));
}

#[test]
fn dates_and_recursive_types_round_trip() {
    let wire = json!({
        "id": "child", "nickname": null, "born": "2026-11-29",
        "parent": {"id": "root", "nickname": "r"},
        "tree": {"children": [{"children": []}], "forest": {"first": {"children": []}}}
    });
    assert_eq!(round_trip::<Thing>(wire.clone()), wire);
    let tree: Tree = serde_json::from_value(wire["tree"].clone()).unwrap();
    assert!(tree.forest.unwrap().first.is_some());
}

async fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap()
}

#[tokio::test]
async fn array_query_parameters_follow_their_style_and_headers_are_sent() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/things"))
        .and(|req: &Request| {
            // `form` without explode: the items' delimiter is a literal
            // comma (OpenAPI 3.0.3, "Style Examples").
            req.url.query() == Some("ids=a&ids=b&kinds=alpha,a.b")
                && req.headers.get("x-request-tag").is_some_and(|v| v == "t-9")
        })
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"entities": []})))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let listing: ThingListing = client
        .features()
        .list_things()
        .ids(vec!["a".into(), "b".into()])
        .kinds(vec![Kind::Alpha, Kind::AB])
        .x_request_tag("t-9")
        .await
        .unwrap();
    assert_eq!(listing.entities.unwrap().len(), 0);
}

#[tokio::test]
async fn date_times_objects_and_cookies_go_out_in_their_wire_form() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/things"))
        .and(query_param("since", "2026-11-29T10:20:30Z"))
        .and(query_param("filter[name]", "n"))
        .and(query_param("filter[size]", "3"))
        .and(|req: &Request| {
            req.headers
                .get("cookie")
                .is_some_and(|v| v == "session=s-1")
        })
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"entities": []})))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let since = chrono::DateTime::parse_from_rfc3339("2026-11-29T10:20:30Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let mut labels = Labels::default();
    labels.name = Some("n".to_owned());
    labels.additional_properties = BTreeMap::from([("size".to_owned(), 3)]);
    client
        .features()
        .list_things()
        .since(since)
        .filter(labels)
        .session("s-1")
        .await
        .unwrap();
}

#[tokio::test]
async fn an_operation_without_operation_id_gets_a_name_and_a_204_is_success() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/things"))
        .and(|req: &Request| req.body.is_empty())
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/things/t%201"))
        .respond_with(ResponseTemplate::new(202).set_body_string("queued"))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    client.features().post_things().await.unwrap();
    client.features().delete_thing("t 1").await.unwrap();
}

#[tokio::test]
async fn a_listing_without_next_uri_is_walked_by_page_number() {
    let server = MockServer::start().await;
    let page = |ids: &[&str], number: i32| {
        let entities: Vec<Value> = ids
            .iter()
            .map(|id| json!({"id": id, "nickname": null}))
            .collect();
        ResponseTemplate::new(200).set_body_json(json!({
            "entities": entities, "pageNumber": number, "pageCount": 3
        }))
    };
    Mock::given(method("GET"))
        .and(path("/things"))
        .and(|req: &Request| req.url.query().is_none())
        .respond_with(page(&["a", "b"], 1))
        .expect(1)
        .mount(&server)
        .await;
    for (n, ids) in [("2", vec!["c"]), ("3", vec!["d"])] {
        Mock::given(method("GET"))
            .and(path("/things"))
            .and(query_param("pageNumber", n))
            .respond_with(page(&ids, n.parse().unwrap()))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server).await;
    let ids: Vec<String> = client
        .features()
        .list_things()
        .stream()
        .map(|thing| thing.unwrap().id)
        .collect()
        .await;
    assert_eq!(ids, ["a", "b", "c", "d"]);
}

#[test]
fn a_tagged_union_picks_its_variant_by_the_tag_and_keeps_the_tag() {
    use codegen_features::models::Pet;
    let dog = json!({"petType": "dog", "barks": true});
    let cat = json!({"petType": "Cat", "lives": 9});
    let bird = json!({"petType": "bird", "sings": true});
    assert!(matches!(serde_json::from_value::<Pet>(dog.clone()).unwrap(), Pet::Dog(d) if d.barks));
    assert!(
        matches!(serde_json::from_value::<Pet>(cat.clone()).unwrap(), Pet::Cat(c) if c.lives == Some(9))
    );
    assert_eq!(
        serde_json::from_value::<Pet>(bird.clone()).unwrap(),
        Pet::Other(bird.clone())
    );
    for wire in [dog, cat, bird] {
        assert_eq!(round_trip::<Pet>(wire.clone()), wire);
    }
    // A tag that names a variant whose data doesn't fit is an error, not Other.
    assert!(serde_json::from_value::<Pet>(json!({"petType": "dog"})).is_err());
}

#[test]
fn an_untagged_union_decodes_to_the_most_specific_variant() {
    use codegen_features::models::IdOrThing;
    let cases = [
        (json!({"id": "b-1"}), "Base"),
        (json!(42), "I64"),
        (json!(4.5), "F64"),
        (json!("name"), "String"),
        (json!([1, 2]), "Other"),
    ];
    for (wire, expected) in cases {
        let decoded: IdOrThing = serde_json::from_value(wire.clone()).unwrap();
        let variant = match &decoded {
            IdOrThing::Base(_) => "Base",
            IdOrThing::I64(_) => "I64",
            IdOrThing::F64(_) => "F64",
            IdOrThing::String(_) => "String",
            IdOrThing::Other(_) => "Other",
            _ => "unexpected",
        };
        assert_eq!(variant, expected, "{wire}");
        assert_eq!(serde_json::to_value(&decoded).unwrap(), wire);
    }
}

#[tokio::test]
async fn form_and_raw_bodies_go_out_with_their_media_types() {
    use codegen_features::models::PostTokenBody;
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/tokens"))
        .and(wiremock::matchers::header(
            "content-type",
            "application/x-www-form-urlencoded",
        ))
        .and(wiremock::matchers::body_string(
            "grant_type=client_credentials&scope=a+b",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "tok"})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/things/t1/photo"))
        .and(wiremock::matchers::header(
            "content-type",
            "application/octet-stream",
        ))
        .and(wiremock::matchers::body_bytes(vec![0u8, 159, 146, 150]))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let mut form = PostTokenBody::new("client_credentials");
    form.scope = Some("a b".into());
    let base = client.features().post_token(form).await.unwrap();
    assert_eq!(base.id, "tok");
    client
        .features()
        .put_thing_photo("t1", vec![0, 159, 146, 150])
        .await
        .unwrap();
}

#[tokio::test]
async fn different_success_bodies_resolve_to_an_enum_by_status() {
    use codegen_features::apis::features_api::PostThingPhotoResponse;
    let server = MockServer::start().await;
    for (id, status, body) in [
        ("a", 200, Some(json!({"id": "a"}))),
        ("b", 202, Some(json!({"petType": "Cat", "lives": 3}))),
        ("c", 204, None),
        ("d", 206, Some(json!({}))),
    ] {
        let mut response = ResponseTemplate::new(status);
        if let Some(body) = body {
            response = response.set_body_json(body);
        }
        Mock::given(method("POST"))
            .and(path(format!("/things/{id}/photo")))
            .respond_with(response)
            .mount(&server)
            .await;
    }
    let client = client(&server).await;
    let api = client.features();
    assert!(
        matches!(api.post_thing_photo("a").await.unwrap(), PostThingPhotoResponse::Status200(b) if b.id == "a")
    );
    assert!(
        matches!(api.post_thing_photo("b").await.unwrap(), PostThingPhotoResponse::Status202(c) if c.lives == Some(3))
    );
    assert!(matches!(
        api.post_thing_photo("c").await.unwrap(),
        PostThingPhotoResponse::Status204
    ));
    let undocumented = api.post_thing_photo("d").await.unwrap_err().to_string();
    assert!(
        undocumented.contains("no such success status"),
        "{undocumented}"
    );
}

#[tokio::test]
async fn a_multipart_body_sends_text_and_file_parts_on_every_attempt() {
    use codegen_features::models::PostAlbumBody;
    let server = MockServer::start().await;
    let multipart = |req: &Request| {
        let content_type = req
            .headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let body = String::from_utf8_lossy(&req.body);
        content_type.starts_with("multipart/form-data; boundary=")
            && body.contains("name=\"title\"\r\n\r\nHolidays")
            && body.contains("name=\"tags\"\r\n\r\nsea")
            && body.contains("name=\"tags\"\r\n\r\nsun")
            && body.contains("name=\"cover\"; filename=\"cover\"")
            && body.contains("JPEGDATA")
    };
    // The first attempt gets a 503; the retry must send the whole form again.
    Mock::given(method("POST"))
        .and(path("/albums"))
        .and(multipart)
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/albums"))
        .and(multipart)
        .respond_with(ResponseTemplate::new(201))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .retry_policy(RetryPolicy {
            retry_non_idempotent: true,
            initial_backoff: std::time::Duration::from_millis(1),
            ..RetryPolicy::default()
        })
        .build()
        .unwrap();
    let mut album = PostAlbumBody::new("Holidays");
    album.tags = Some(vec!["sea".into(), "sun".into()]);
    album.cover = Some(b"JPEGDATA".to_vec());
    client.features().post_album(album).await.unwrap();
}
