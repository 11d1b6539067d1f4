//! `nullable` array items, `$ref`'d map values and union alternatives take
//! `null`, and keep it on the way back.

use case_nullable_items::models::{Point, Series};
use serde_json::json;

#[test]
fn null_array_items_decode_and_survive_a_round_trip() {
    let wire = json!({"values": [1, null], "points": [{"x": 1}, null]});
    let series: Series = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(series.values, vec![Some(1), None]);
    assert_eq!(series.points, Some(vec![Some(Point::new(1)), None]));
    assert_eq!(serde_json::to_value(&series).unwrap(), wire);
}

#[test]
fn null_map_values_through_a_ref_decode() {
    let wire = json!({"values": [], "counts": {"a": 3, "b": null}});
    let series: Series = serde_json::from_value(wire.clone()).unwrap();
    let counts = series.counts.as_ref().unwrap();
    assert_eq!(counts["a"], Some(3));
    assert_eq!(counts["b"], None);
    assert_eq!(serde_json::to_value(&series).unwrap(), wire);
}

#[test]
fn a_null_union_alternative_decodes() {
    for wire in [
        json!({"values": [], "label": null}),
        json!({"values": [], "label": "x"}),
        json!({"values": [], "label": 7}),
    ] {
        let series: Series = serde_json::from_value(wire.clone()).unwrap();
        assert_eq!(serde_json::to_value(&series).unwrap(), wire);
    }
}
