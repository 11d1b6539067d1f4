//! Two enums of an `allOf` are the first's type, as the warning says: a
//! value of the other decodes as its unknown value and is sent back as it
//! came; an inline enum whose values are all the other's is its own type.

use case_allof_enum_disjoint::models::{Status, Task, TaskLive};
use serde_json::json;

#[test]
fn a_value_of_the_other_enum_is_kept_as_an_unknown_value() {
    let body = json!({"status": "other", "phase": "paused", "live": "active", "legacy": "retired"});
    let task: Task = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(task.status, Some(Status::Unknown("other".into())));
    assert_eq!(task.phase, Some(Status::Unknown("paused".into())));
    assert_eq!(task.live, Some(TaskLive::Active));
    assert_eq!(serde_json::to_value(&task).unwrap(), body);
}
