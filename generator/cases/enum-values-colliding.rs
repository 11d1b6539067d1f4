//! Enum values that read the same once named still get a variant each, and
//! each goes out and comes back exactly as the spec writes it.

use case_enum_values_colliding::models::Op;
use case_enum_values_colliding::{Client, RetryPolicy};
use std::collections::HashSet;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const VALUES: &[&str] = &[
    "count",
    "__count__",
    "_count",
    "COUNT",
    "a b",
    "a_b",
    "a-b",
    "+1",
    "-1",
    "1",
    "null",
    "true",
    "café",
    "cafe",
    "*",
    "%",
    "Self",
    "self",
    "Other",
    "Unknown",
];

#[test]
fn every_value_has_a_variant_of_its_own_and_round_trips_exactly() {
    let mut variants = HashSet::new();
    for wire in VALUES {
        let op = Op::from(*wire);
        assert_eq!(op.as_str(), *wire);
        assert!(
            !matches!(op, Op::Unknown2(_)),
            "{wire:?} fell into the catch-all variant"
        );
        assert!(
            variants.insert(std::mem::discriminant(&op)),
            "{wire:?} shares a variant with another value"
        );
        let json = serde_json::to_string(&op).unwrap();
        assert_eq!(json, serde_json::to_string(wire).unwrap());
        let back: Op = serde_json::from_str(&json).unwrap();
        assert_eq!(back.as_str(), *wire);
    }
}

#[tokio::test]
async fn each_value_is_sent_and_decoded_as_the_spec_writes_it() {
    let server = MockServer::start().await;
    for wire in VALUES {
        server.reset().await;
        Mock::given(method("GET"))
            .and(path("/stats"))
            .and(query_param("op", *wire))
            .respond_with(ResponseTemplate::new(200).set_body_json(wire))
            .expect(1)
            .mount(&server)
            .await;
        let client = Client::builder()
            .base_url(server.uri())
            .retry_policy(RetryPolicy::never())
            .build()
            .unwrap();
        let got = client
            .stats()
            .get_stats()
            .op(Op::from(*wire))
            .await
            .unwrap();
        assert_eq!(got.as_str(), *wire);
        assert!(!matches!(got, Op::Unknown2(_)));
        server.verify().await;
    }
}
