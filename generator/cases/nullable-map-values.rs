//! `nullable` map values take `null`, and keep it on the way back.

use case_nullable_map_values::models::Settings;
use serde_json::json;

#[test]
fn null_map_values_decode_and_survive_a_round_trip() {
    let wire = json!({"values": {"a": "x", "b": null}, "counts": {"n": 1, "m": null}});
    let settings: Settings = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(settings.values["a"].as_deref(), Some("x"));
    assert_eq!(settings.values["b"], None);
    assert_eq!(settings.counts.as_ref().unwrap()["m"], None);
    assert_eq!(serde_json::to_value(&settings).unwrap(), wire);
}
