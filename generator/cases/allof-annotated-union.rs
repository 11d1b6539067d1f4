//! An `allOf` that only describes a union, a map or a reference to one is
//! that type: the values decode into it, nulls included, and are sent back
//! unchanged.

use case_allof_annotated_union::Client;
use case_allof_annotated_union::models::{Carrier, Courier, DescribedCarrier, Pickup, Shipment};
use serde_json::json;
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn shipment_wire() -> serde_json::Value {
    json!({
        "label_file": {"url": "https://files.example.com/l1.pdf"},
        "carrier": {"courier_code": "dhl"},
        "backup": {"depot": "north"},
        "labels": {"fragile": "yes"},
        "weight": 1200
    })
}

#[tokio::test]
async fn the_described_unions_and_map_decode_as_their_own_types() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/shipments/s1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(shipment_wire()))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let shipment: Shipment = client.shipments().get_shipment("s1").await.unwrap();
    // The field is the referenced union itself, not a copy of it.
    let carrier: Option<Option<Carrier>> = shipment.carrier.clone();
    let Some(Some(Carrier::Courier(Courier { courier_code, .. }))) = carrier else {
        panic!("expected a courier, got {:?}", shipment.carrier)
    };
    assert_eq!(courier_code, "dhl");
    let backup: Option<DescribedCarrier> = shipment.backup.clone();
    assert!(
        matches!(&backup, Some(Carrier::Pickup(Pickup { depot, .. })) if depot == "north"),
        "{backup:?}"
    );
    assert_eq!(
        shipment.labels.as_ref().and_then(|l| l.get("fragile")).map(String::as_str),
        Some("yes")
    );
    assert_eq!(serde_json::to_value(&shipment).unwrap(), shipment_wire());
}

#[tokio::test]
async fn nulls_allowed_by_an_annotation_or_an_alternative_decode() {
    let wire = json!({"label_file": null, "carrier": null});
    let shipment: Shipment = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(shipment.carrier, Some(None));
    assert!(matches!(shipment.label_file, Some(None)), "{:?}", shipment.label_file);
    assert_eq!(serde_json::to_value(&shipment).unwrap(), wire);
}

#[tokio::test]
async fn a_shipment_is_sent_as_it_decoded() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/shipments/s1"))
        .and(body_json(shipment_wire()))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let shipment: Shipment = serde_json::from_value(shipment_wire()).unwrap();
    client.shipments().put_shipment("s1", shipment).await.unwrap();
}
