//! What an editor is about to send: a new room or a patch, checked by one call.

use crate::validation::{FieldError, ValidationErrors};
use crate::{NewRoom, RoomPatch};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A create body or an update body, as the UI holds it while the user types.
/// In JSON: `{"kind": "newRoom", "value": {...}}` or `{"kind": "patch", "value": {...}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "value", rename_all = "camelCase")]
pub enum RoomInput {
    NewRoom(NewRoom),
    Patch(RoomPatch),
}

impl RoomInput {
    /// Every problem the create or the update would be refused for, in the words the
    /// create or update itself would use; empty when it would be accepted. (An empty
    /// patch is a problem of the whole body, named `body`.)
    pub fn problems(&self) -> Vec<FieldError> {
        let checked: Result<(), ValidationErrors> = match self {
            RoomInput::NewRoom(body) => body.validate().map(|_| ()),
            RoomInput::Patch(patch) => patch.validate().map(|_| ()),
        };
        checked.err().map(|e| e.errors).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_the_shape_the_ui_sends() {
        let input: RoomInput =
            serde_json::from_value(json!({"kind": "patch", "value": {"themeColor": "red"}}))
                .unwrap();
        assert_eq!(input.problems().len(), 1);
        assert_eq!(input.problems()[0].field, "themeColor");
        let input: RoomInput =
            serde_json::from_value(json!({"kind": "newRoom", "value": {"title": "Acme"}})).unwrap();
        assert!(input.problems().is_empty());
    }

    #[test]
    fn names_every_problem_as_the_write_would() {
        let body = NewRoom {
            title: Some("a\0b".into()),
            email: Some("buyer".into()),
            ..Default::default()
        };
        let expected = body.validate().unwrap_err().errors;
        assert_eq!(RoomInput::NewRoom(body).problems(), expected);
        let mut fields: Vec<String> = expected.into_iter().map(|e| e.field).collect();
        fields.sort();
        assert_eq!(fields, ["email", "title"]);
    }

    #[test]
    fn an_empty_patch_is_a_body_problem() {
        let problems = RoomInput::Patch(RoomPatch::default()).problems();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "body");
    }
}
