//! Room fields read and written by their catalogue name, typed: each write type maps every
//! [`RoomField`] to its struct field in one exhaustive `match` (a new variant does not
//! compile until it is mapped), so nothing goes through a JSON map and back.

use crate::validation::ValidationErrors;
use crate::{NewRoom, Room, RoomField, RoomPatch};
use serde_json::Value;

/// The value of one room field in a write: text, or a flag (`coverDisabled`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    Text(String),
    Bool(bool),
}

impl FieldValue {
    /// The value as the contract's JSON.
    pub fn to_json(&self) -> Value {
        match self {
            FieldValue::Text(s) => Value::String(s.clone()),
            FieldValue::Bool(b) => Value::Bool(*b),
        }
    }
}

fn text(slot: &Option<String>) -> Option<FieldValue> {
    slot.clone().map(FieldValue::Text)
}

fn flag(slot: &Option<bool>) -> Option<FieldValue> {
    slot.map(FieldValue::Bool)
}

/// Where a field lives in a mutable struct.
enum Slot<'a> {
    Text(&'a mut Option<String>),
    /// `Room::title`: always present (empty when the server sent none).
    RequiredText(&'a mut String),
    Bool(&'a mut Option<bool>),
}

impl Slot<'_> {
    fn put(self, field: RoomField, value: FieldValue) -> Result<(), ValidationErrors> {
        match (self, value) {
            (Slot::Text(s), FieldValue::Text(v)) => *s = Some(v),
            (Slot::RequiredText(s), FieldValue::Text(v)) => *s = v,
            (Slot::Bool(s), FieldValue::Bool(v)) => *s = Some(v),
            (Slot::Bool(_), FieldValue::Text(_)) => {
                return Err(ValidationErrors::single(
                    field.name(),
                    "must be true or false",
                ))
            }
            (_, FieldValue::Bool(_)) => {
                return Err(ValidationErrors::single(field.name(), "must be text"))
            }
        }
        Ok(())
    }
}

impl RoomPatch {
    /// The value this patch sets for `field` (`None`: left as is, or not updatable).
    pub fn get(&self, field: RoomField) -> Option<FieldValue> {
        match field {
            RoomField::Title => text(&self.title),
            RoomField::Description => text(&self.description),
            RoomField::CompanyId => text(&self.company_id),
            RoomField::StatusId => text(&self.status_id),
            RoomField::UserId => text(&self.user_id),
            RoomField::HsDealId => text(&self.hs_deal_id),
            RoomField::SfOpportunityId => text(&self.sf_opportunity_id),
            RoomField::AttioDealId => text(&self.attio_deal_id),
            RoomField::CoverTitle => text(&self.cover_title),
            RoomField::CoverDescription => text(&self.cover_description),
            RoomField::CoverDisabled => flag(&self.cover_disabled),
            RoomField::ThemeColor => text(&self.theme_color),
            RoomField::NavColor => text(&self.nav_color),
            RoomField::TemplateId
            | RoomField::DuplicateFromId
            | RoomField::LabelId
            | RoomField::Email => None,
        }
    }

    fn slot(&mut self, field: RoomField) -> Option<Slot<'_>> {
        Some(match field {
            RoomField::Title => Slot::Text(&mut self.title),
            RoomField::Description => Slot::Text(&mut self.description),
            RoomField::CompanyId => Slot::Text(&mut self.company_id),
            RoomField::StatusId => Slot::Text(&mut self.status_id),
            RoomField::UserId => Slot::Text(&mut self.user_id),
            RoomField::HsDealId => Slot::Text(&mut self.hs_deal_id),
            RoomField::SfOpportunityId => Slot::Text(&mut self.sf_opportunity_id),
            RoomField::AttioDealId => Slot::Text(&mut self.attio_deal_id),
            RoomField::CoverTitle => Slot::Text(&mut self.cover_title),
            RoomField::CoverDescription => Slot::Text(&mut self.cover_description),
            RoomField::CoverDisabled => Slot::Bool(&mut self.cover_disabled),
            RoomField::ThemeColor => Slot::Text(&mut self.theme_color),
            RoomField::NavColor => Slot::Text(&mut self.nav_color),
            RoomField::TemplateId
            | RoomField::DuplicateFromId
            | RoomField::LabelId
            | RoomField::Email => return None,
        })
    }

    /// Sets one field. A create-only field, or a value of the wrong type, is an error
    /// naming the field (nothing is changed).
    pub fn set(&mut self, field: RoomField, value: FieldValue) -> Result<(), ValidationErrors> {
        match self.slot(field) {
            Some(slot) => slot.put(field, value),
            None => Err(ValidationErrors::single(
                field.name(),
                "can only be set when creating a room, not in an update",
            )),
        }
    }
}

impl NewRoom {
    /// The value this create body sends for `field` (`None`: not sent).
    pub fn get(&self, field: RoomField) -> Option<FieldValue> {
        match field {
            RoomField::Title => text(&self.title),
            RoomField::Description => text(&self.description),
            RoomField::TemplateId => text(&self.template_id),
            RoomField::DuplicateFromId => text(&self.duplicate_from_id),
            RoomField::CompanyId => text(&self.company_id),
            RoomField::StatusId => text(&self.status_id),
            RoomField::LabelId => text(&self.label_id),
            RoomField::UserId => text(&self.user_id),
            RoomField::Email => text(&self.email),
            RoomField::HsDealId => text(&self.hs_deal_id),
            RoomField::SfOpportunityId => text(&self.sf_opportunity_id),
            RoomField::AttioDealId => text(&self.attio_deal_id),
            RoomField::CoverTitle => text(&self.cover_title),
            RoomField::CoverDescription => text(&self.cover_description),
            RoomField::CoverDisabled => flag(&self.cover_disabled),
            RoomField::ThemeColor => text(&self.theme_color),
            RoomField::NavColor => text(&self.nav_color),
        }
    }
}

impl Room {
    /// The room's value of `field` (`None`: unset, or a create instruction, which is
    /// not a property of a room). An empty title is a value.
    pub fn get(&self, field: RoomField) -> Option<FieldValue> {
        match field {
            RoomField::Title => Some(FieldValue::Text(self.title.clone())),
            RoomField::Description => text(&self.description),
            RoomField::CompanyId => text(&self.company_id),
            RoomField::StatusId => text(&self.status_id),
            RoomField::LabelId => text(&self.label_id),
            RoomField::UserId => text(&self.user_id),
            RoomField::Email => text(&self.email),
            RoomField::HsDealId => text(&self.hs_deal_id),
            RoomField::SfOpportunityId => text(&self.sf_opportunity_id),
            RoomField::AttioDealId => text(&self.attio_deal_id),
            RoomField::CoverTitle => text(&self.cover_title),
            RoomField::CoverDescription => text(&self.cover_description),
            RoomField::CoverDisabled => flag(&self.cover_disabled),
            RoomField::ThemeColor => text(&self.theme_color),
            RoomField::NavColor => text(&self.nav_color),
            RoomField::TemplateId | RoomField::DuplicateFromId => None,
        }
    }

    fn slot(&mut self, field: RoomField) -> Option<Slot<'_>> {
        Some(match field {
            RoomField::Title => Slot::RequiredText(&mut self.title),
            RoomField::Description => Slot::Text(&mut self.description),
            RoomField::CompanyId => Slot::Text(&mut self.company_id),
            RoomField::StatusId => Slot::Text(&mut self.status_id),
            RoomField::LabelId => Slot::Text(&mut self.label_id),
            RoomField::UserId => Slot::Text(&mut self.user_id),
            RoomField::Email => Slot::Text(&mut self.email),
            RoomField::HsDealId => Slot::Text(&mut self.hs_deal_id),
            RoomField::SfOpportunityId => Slot::Text(&mut self.sf_opportunity_id),
            RoomField::AttioDealId => Slot::Text(&mut self.attio_deal_id),
            RoomField::CoverTitle => Slot::Text(&mut self.cover_title),
            RoomField::CoverDescription => Slot::Text(&mut self.cover_description),
            RoomField::CoverDisabled => Slot::Bool(&mut self.cover_disabled),
            RoomField::ThemeColor => Slot::Text(&mut self.theme_color),
            RoomField::NavColor => Slot::Text(&mut self.nav_color),
            RoomField::TemplateId | RoomField::DuplicateFromId => return None,
        })
    }

    /// Sets one property of the room. A create instruction (`templateId`,
    /// `duplicateFromId`) or a value of the wrong type is an error naming the field.
    pub fn set(&mut self, field: RoomField, value: FieldValue) -> Result<(), ValidationErrors> {
        match self.slot(field) {
            Some(slot) => slot.put(field, value),
            None => Err(ValidationErrors::single(
                field.name(),
                "is an instruction to a create, not a property of a room",
            )),
        }
    }

    /// Unsets one property (an empty title); a create instruction is never set anyway.
    pub fn clear(&mut self, field: RoomField) {
        match self.slot(field) {
            Some(Slot::Text(s)) => *s = None,
            Some(Slot::RequiredText(s)) => s.clear(),
            Some(Slot::Bool(s)) => *s = None,
            None => {}
        }
    }

    /// Fills the write-only fields (catalogue: not returned) this room does not hold
    /// from `from` (what this app wrote): the server does not send them back.
    pub fn fill_write_only_from(&mut self, from: &Room) -> Result<(), ValidationErrors> {
        for field in crate::write_only_fields() {
            if self.get(field).is_none() {
                if let Some(mine) = from.get(field) {
                    self.set(field, mine)?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    //! Drift checks: the catalogue, the serde names of the write types and of `Room`, and
    //! the typed mappings above must describe the same fields.
    use super::*;
    use crate::{ALL_FIELDS, FIELD_CATALOGUE};
    use serde_json::json;
    use std::collections::BTreeSet;
    use ts_rs::TS;

    fn sample(field: RoomField) -> FieldValue {
        match field.spec().kind {
            crate::FieldKind::Bool => FieldValue::Bool(true),
            _ => FieldValue::Text(format!("value of {}", field.name())),
        }
    }

    /// The property names of a type as exported to TypeScript (`{ a: T, b?: U, }`).
    fn ts_properties<T: TS>() -> BTreeSet<String> {
        let decl = T::decl(&ts_rs::Config::default());
        let body = &decl[decl.find('{').unwrap() + 1..decl.rfind('}').unwrap()];
        body.split(',')
            .filter_map(|p| p.split(':').next())
            .map(|n| n.trim().trim_end_matches('?').to_string())
            .filter(|n| !n.is_empty())
            .collect()
    }

    fn catalogue_names(keep: impl Fn(&crate::FieldSpec) -> bool) -> BTreeSet<String> {
        FIELD_CATALOGUE
            .iter()
            .filter(|s| keep(s))
            .map(|s| s.name.name().to_string())
            .collect()
    }

    #[test]
    fn the_write_types_hold_exactly_the_catalogue_fields() {
        assert_eq!(ts_properties::<NewRoom>(), catalogue_names(|s| s.on_create));
        assert_eq!(
            ts_properties::<RoomPatch>(),
            catalogue_names(|s| s.on_update)
        );
    }

    #[test]
    fn every_room_property_of_the_catalogue_is_a_room_field() {
        let room = ts_properties::<Room>();
        for spec in FIELD_CATALOGUE {
            assert_eq!(
                room.contains(spec.name.name()),
                !spec.instruction,
                "{}: a room property exactly when it is not a create instruction",
                spec.name
            );
        }
    }

    #[test]
    fn every_field_round_trips_through_serde_and_the_typed_mapping() {
        for field in ALL_FIELDS {
            let spec = field.spec();
            let value = sample(field);
            let body = json!({ field.name(): value.to_json() });

            let new_room: NewRoom = serde_json::from_value(body.clone()).unwrap();
            assert_eq!(new_room.get(field), Some(value.clone()), "{field}");
            assert_eq!(new_room.to_fields(), *body.as_object().unwrap());

            let patch = serde_json::from_value::<RoomPatch>(body.clone());
            assert_eq!(patch.is_ok(), spec.on_update, "{field}");
            let mut typed = RoomPatch::default();
            assert_eq!(typed.set(field, value.clone()).is_ok(), spec.on_update);
            if let Ok(patch) = patch {
                assert_eq!(patch, typed, "{field}");
                assert_eq!(patch.get(field), Some(value.clone()));
                assert_eq!(patch.fields(), vec![field]);
                assert_eq!(patch.to_fields(), *body.as_object().unwrap());
            }

            let mut room_json = json!({ "id": "rm_1" });
            room_json[field.name()] = value.to_json();
            let room: Room = serde_json::from_value(room_json).unwrap();
            if spec.instruction {
                assert_eq!(room.get(field), None);
                assert!(Room::default().set(field, value.clone()).is_err());
            } else {
                assert!(room.extra.is_empty(), "{field} landed in extra");
                assert_eq!(room.get(field), Some(value.clone()), "{field}");
                assert_eq!(room.field_value(field.name()), value.to_json());
                let mut typed = Room {
                    id: "rm_1".into(),
                    ..Room::default()
                };
                typed.set(field, value).unwrap();
                assert_eq!(typed, room, "{field}");
            }
        }
    }

    #[test]
    fn merge_and_apply_carry_every_updatable_field() {
        for field in ALL_FIELDS.into_iter().filter(|f| f.updatable()) {
            let mut later = RoomPatch::default();
            later.set(field, sample(field)).unwrap();
            let mut merged = RoomPatch {
                title: Some("earlier".into()),
                ..Default::default()
            };
            merged.merge(&later);
            assert_eq!(merged.get(field), Some(sample(field)), "{field}");
            let mut room = Room::default();
            later.apply_to(&mut room);
            assert_eq!(room.get(field), Some(sample(field)), "{field}");
        }
    }

    #[test]
    fn wrong_types_and_create_only_fields_are_refused_by_name() {
        let mut patch = RoomPatch::default();
        let err = patch
            .set(RoomField::CoverDisabled, FieldValue::Text("yes".into()))
            .unwrap_err();
        assert_eq!(err.errors[0].field, "coverDisabled");
        let err = patch
            .set(RoomField::Title, FieldValue::Bool(true))
            .unwrap_err();
        assert_eq!(err.errors[0].field, "title");
        let err = patch
            .set(RoomField::Email, FieldValue::Text("a@b.co".into()))
            .unwrap_err();
        assert_eq!(err.errors[0].field, "email");
        assert!(patch.is_empty());
    }

    #[test]
    fn write_only_fields_are_filled_only_where_the_room_has_none() {
        let mine = Room {
            description: Some("mine".into()),
            status_id: Some("st_mine".into()),
            title: "my title".into(),
            theme_color: Some("#000000".into()),
            ..Default::default()
        };
        let mut server = Room {
            status_id: Some("st_server".into()),
            ..Default::default()
        };
        server.fill_write_only_from(&mine).unwrap();
        assert_eq!(server.description.as_deref(), Some("mine"));
        assert_eq!(server.status_id.as_deref(), Some("st_server"));
        assert_eq!(server.title, "", "returned fields are the server's");
        assert_eq!(server.theme_color, None);
    }
}
