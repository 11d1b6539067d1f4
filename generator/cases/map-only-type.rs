//! A type used only as a map value is imported where the map is, and
//! decodes.

use case_map_only_type::models::Holder;
use serde_json::json;

#[test]
fn map_values_of_a_component_type_decode() {
    let wire = json!({"headers": {"empty": false, "accept": [{"value": "a"}, {"value": "b"}]}});
    let holder: Holder = serde_json::from_value(wire.clone()).unwrap();
    let headers = holder.headers.as_ref().unwrap();
    assert_eq!(headers.empty, Some(false));
    let accept = &headers.additional_properties["accept"];
    assert_eq!(accept[1].value.as_deref(), Some("b"));
    assert_eq!(serde_json::to_value(&holder).unwrap(), wire);
}
