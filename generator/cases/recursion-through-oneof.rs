//! A cycle through an inline oneOf compiles (boxed) and decodes at depth.

use case_recursion_through_oneof::models::{Node, NodeValue};
use serde_json::json;

#[test]
fn nested_nodes_decode_through_the_union() {
    let wire = json!({"value": {"value": {"value": "leaf"}}});
    let node: Node = serde_json::from_value(wire.clone()).unwrap();
    let Some(outer) = node.value.as_deref() else {
        panic!("no value")
    };
    let NodeValue::Node(inner) = outer else {
        panic!("expected a node, got {outer:?}")
    };
    let Some(NodeValue::Node(leaf)) = inner.value.as_deref() else {
        panic!("expected a node")
    };
    assert!(matches!(leaf.value.as_deref(), Some(NodeValue::String(s)) if s == "leaf"));
    assert_eq!(serde_json::to_value(&node).unwrap(), wire);
}
