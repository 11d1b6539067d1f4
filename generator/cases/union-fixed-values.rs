//! Untagged alternatives told apart by a one-value enum or a required
//! property decode to the right one, whatever order the spec lists them in.

use case_union_fixed_values::models::Event;
use serde_json::json;

fn decode(wire: serde_json::Value) -> Event {
    let event: Event = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(serde_json::to_value(&event).unwrap(), wire, "round trip");
    event
}

#[test]
fn a_fixed_value_selects_its_alternative() {
    assert!(matches!(
        decode(json!({"event": "labeled", "label": "bug"})),
        Event::LabeledEvent(_)
    ));
    assert!(matches!(
        decode(json!({"event": "unlabeled", "label": "bug"})),
        Event::UnlabeledEvent(_)
    ));
}

#[test]
fn a_required_property_selects_its_alternative_and_titles_name_them() {
    match decode(json!({"assignee": "ann", "text": "hi"})) {
        Event::Assignment(a) => assert_eq!(a.assignee, "ann"),
        other => panic!("expected an assignment, got {other:?}"),
    }
    assert!(matches!(decode(json!({"text": "hi"})), Event::Note(_)));
}

#[test]
fn data_that_fits_no_alternative_is_kept() {
    assert!(matches!(decode(json!([1, 2])), Event::Other(_)));
}
