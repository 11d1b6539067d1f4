//! A property declared with two JSON types across `allOf` parts is the
//! later part's type, as the warning says; redeclarations that agree or
//! narrow are the narrower type.

use case_allof_property_conflict::models::{Reading, Sensor, Status};
use serde_json::json;

#[test]
fn a_conflicting_property_is_the_later_parts_type() {
    let reading: Reading =
        serde_json::from_value(json!({"value": 21, "label": "t", "count": 3})).unwrap();
    assert_eq!(reading.value, Some(21));
    assert_eq!(reading.count, Some(3));
    let sensor: Sensor = serde_json::from_value(json!({"unit": 7, "status": "ok"})).unwrap();
    assert_eq!(sensor.unit, Some(7));
    assert_eq!(sensor.status, Some(Status::Ok));
}

#[test]
fn a_value_of_the_earlier_type_is_refused_as_the_warning_says() {
    assert!(serde_json::from_value::<Reading>(json!({"value": "21"})).is_err());
}
