//! The body of `PATCH /api/v2/rooms/{id}`: only the fields that are set are sent.

use crate::new_room::{from_field_map, normalize_fields};
use crate::validation::{Collector, ValidationErrors};
use crate::{Room, RoomField};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

/// A partial update. `None` means "leave as is"; `Some` means "set to this".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RoomPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub user_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub company_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub hs_deal_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub sf_opportunity_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub attio_deal_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub cover_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub cover_description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub cover_disabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub theme_color: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub nav_color: Option<String>,
}

impl RoomPatch {
    pub fn is_empty(&self) -> bool {
        RoomField::ALL.iter().all(|f| self.get(*f).is_none())
    }

    /// The set fields, by camelCase name.
    pub fn to_fields(&self) -> Map<String, Value> {
        self.fields()
            .into_iter()
            .filter_map(|f| self.get(f).map(|v| (f.name().to_string(), v.to_json())))
            .collect()
    }

    /// Builds a patch from named fields (as stored in an outbox).
    pub fn from_fields(fields: Map<String, Value>) -> Result<RoomPatch, ValidationErrors> {
        from_field_map(fields)
    }

    /// The fields this patch sets, in catalogue order.
    pub fn fields(&self) -> Vec<RoomField> {
        RoomField::ALL
            .into_iter()
            .filter(|f| self.get(*f).is_some())
            .collect()
    }

    /// Checks every field; an empty patch is an error. Returns the normalised patch.
    pub fn validate(&self) -> Result<RoomPatch, ValidationErrors> {
        let fields = self.to_fields();
        if fields.is_empty() {
            return Err(ValidationErrors::single(
                "body",
                "nothing to update: change at least one field",
            ));
        }
        let mut c = Collector::default();
        let normalised = normalize_fields(&fields, &mut c);
        c.finish()?;
        from_field_map(normalised)
    }

    /// Folds a later patch into this one: the later value of each field wins. Field by
    /// field (a field added to the struct does not compile until it is merged here).
    pub fn merge(&mut self, later: &RoomPatch) {
        let RoomPatch {
            title,
            description,
            status_id,
            user_id,
            company_id,
            hs_deal_id,
            sf_opportunity_id,
            attio_deal_id,
            cover_title,
            cover_description,
            cover_disabled,
            theme_color,
            nav_color,
        } = later;
        later_wins(&mut self.title, title);
        later_wins(&mut self.description, description);
        later_wins(&mut self.status_id, status_id);
        later_wins(&mut self.user_id, user_id);
        later_wins(&mut self.company_id, company_id);
        later_wins(&mut self.hs_deal_id, hs_deal_id);
        later_wins(&mut self.sf_opportunity_id, sf_opportunity_id);
        later_wins(&mut self.attio_deal_id, attio_deal_id);
        later_wins(&mut self.cover_title, cover_title);
        later_wins(&mut self.cover_description, cover_description);
        later_wins(&mut self.cover_disabled, cover_disabled);
        later_wins(&mut self.theme_color, theme_color);
        later_wins(&mut self.nav_color, nav_color);
    }

    /// Applies the patch to a room (for local previews and the cache), field by field;
    /// the room's other fields, and the ones this version does not know, stay.
    pub fn apply_to(&self, room: &mut Room) {
        let RoomPatch {
            title,
            description,
            status_id,
            user_id,
            company_id,
            hs_deal_id,
            sf_opportunity_id,
            attio_deal_id,
            cover_title,
            cover_description,
            cover_disabled,
            theme_color,
            nav_color,
        } = self;
        if let Some(t) = title {
            room.title.clone_from(t);
        }
        later_wins(&mut room.description, description);
        later_wins(&mut room.status_id, status_id);
        later_wins(&mut room.user_id, user_id);
        later_wins(&mut room.company_id, company_id);
        later_wins(&mut room.hs_deal_id, hs_deal_id);
        later_wins(&mut room.sf_opportunity_id, sf_opportunity_id);
        later_wins(&mut room.attio_deal_id, attio_deal_id);
        later_wins(&mut room.cover_title, cover_title);
        later_wins(&mut room.cover_description, cover_description);
        later_wins(&mut room.cover_disabled, cover_disabled);
        later_wins(&mut room.theme_color, theme_color);
        later_wins(&mut room.nav_color, nav_color);
    }
}

/// Takes `later` when it is set.
fn later_wins<T: Clone>(slot: &mut Option<T>, later: &Option<T>) {
    if later.is_some() {
        slot.clone_from(later);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn absent_is_not_the_same_as_set() {
        let p: RoomPatch = serde_json::from_value(json!({"title": "New"})).unwrap();
        assert_eq!(serde_json::to_value(&p).unwrap(), json!({"title": "New"}));
        assert_eq!(p.fields(), vec![RoomField::Title]);
        let p2: RoomPatch = serde_json::from_value(json!({"coverDisabled": false})).unwrap();
        assert_eq!(p2.cover_disabled, Some(false));
        assert!(!p2.is_empty());
    }

    #[test]
    fn empty_patch_is_refused() {
        let err = RoomPatch::default().validate().unwrap_err();
        assert!(err.to_string().contains("nothing to update"));
    }

    #[test]
    fn validation_normalises_and_reports_everything() {
        let ok = RoomPatch {
            theme_color: Some("#abc".into()),
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(ok.theme_color.as_deref(), Some("#AABBCC"));
        let err = RoomPatch {
            title: Some("".into()),
            nav_color: Some("blue".into()),
            hs_deal_id: Some("12a".into()),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(err.errors.len(), 3);
    }

    #[test]
    fn create_only_fields_are_not_patchable() {
        assert!(serde_json::from_value::<RoomPatch>(json!({"templateId": "t"})).is_err());
        assert!(serde_json::from_value::<RoomPatch>(json!({"email": "a@b.co"})).is_err());
    }

    #[test]
    fn merge_keeps_the_later_value_per_field() {
        let mut a = RoomPatch {
            title: Some("A".into()),
            theme_color: Some("#000000".into()),
            ..Default::default()
        };
        a.merge(&RoomPatch {
            title: Some("B".into()),
            nav_color: Some("flow-org-color".into()),
            ..Default::default()
        });
        assert_eq!(a.title.as_deref(), Some("B"));
        assert_eq!(a.theme_color.as_deref(), Some("#000000"));
        assert_eq!(a.nav_color.as_deref(), Some("flow-org-color"));
    }

    #[test]
    fn apply_to_changes_only_set_fields() {
        let mut room = Room {
            id: "rm_1".into(),
            title: "Old".into(),
            theme_color: Some("#111111".into()),
            ..Default::default()
        };
        room.extra.insert("future".into(), json!(1));
        RoomPatch {
            title: Some("New".into()),
            description: Some("d".into()),
            ..Default::default()
        }
        .apply_to(&mut room);
        assert_eq!(room.title, "New");
        assert_eq!(room.description.as_deref(), Some("d"));
        assert_eq!(room.theme_color.as_deref(), Some("#111111"));
        assert_eq!(room.extra["future"], json!(1));
    }

    #[test]
    fn apply_to_writes_every_field_even_beside_odd_unknown_ones() {
        // Before: the room went through JSON and back, and a room whose unknown fields
        // clashed with a known name failed to read back, so the patch was dropped.
        let mut room = Room {
            id: "rm_1".into(),
            title: "Old".into(),
            ..Default::default()
        };
        room.extra.insert("createdAt".into(), json!(5));
        RoomPatch {
            title: Some("New".into()),
            cover_disabled: Some(true),
            ..Default::default()
        }
        .apply_to(&mut room);
        assert_eq!(room.title, "New");
        assert_eq!(room.cover_disabled, Some(true));
        assert_eq!(room.extra["createdAt"], json!(5));
    }
}
