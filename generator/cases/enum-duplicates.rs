//! A value listed twice is one variant that round-trips; a `required` name
//! that is no property doesn't stop decoding.

use case_enum_duplicates::models::{Color, Paint};
use serde_json::json;

#[test]
fn the_duplicate_value_round_trips() {
    let wire = json!({"color": "red"});
    let paint: Paint = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(paint.color, Color::Red);
    assert_eq!(serde_json::to_value(&paint).unwrap(), wire);
}
