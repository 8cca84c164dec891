//! The body of `POST /api/v2/rooms`.

use crate::validation::{Collector, ValidationErrors};
use crate::{RoomField, Rule};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

/// How a room is created. A CRM link (`hsDealId`, `sfOpportunityId`, `attioDealId`) can be
/// combined with any of them; see [`NewRoom::has_crm_link`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CreateMode {
    Blank,
    FromTemplate,
    Duplicate,
}

/// A room to create. Every field is optional; `None` is not sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewRoom {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub template_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub duplicate_from_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub company_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub label_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub user_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub email: Option<String>,
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

impl NewRoom {
    pub fn mode(&self) -> CreateMode {
        if self.duplicate_from_id.is_some() {
            CreateMode::Duplicate
        } else if self.template_id.is_some() {
            CreateMode::FromTemplate
        } else {
            CreateMode::Blank
        }
    }

    pub fn has_crm_link(&self) -> bool {
        self.hs_deal_id.is_some()
            || self.sf_opportunity_id.is_some()
            || self.attio_deal_id.is_some()
    }

    /// Checks every field and returns the normalised room (colors as `#RRGGBB`, emails
    /// trimmed), or every problem at once.
    ///
    /// The API ignores `templateId` when `duplicateFromId` is set; we refuse the pair
    /// rather than silently drop the template a user picked.
    pub fn validate(&self) -> Result<NewRoom, ValidationErrors> {
        let mut c = Collector::default();
        let fields = self.to_fields();
        let normalised = normalize_fields(&fields, &mut c);
        if self.template_id.is_some() && self.duplicate_from_id.is_some() {
            c.push(
                RoomField::TemplateId.name(),
                "choose a template or a room to duplicate, not both (a duplicate ignores the template)"
                    .to_string(),
            );
        }
        c.finish()?;
        from_field_map(normalised)
    }

    /// The fields that are set, by name, as JSON values (catalogue order).
    pub fn to_fields(&self) -> Map<String, Value> {
        RoomField::ALL
            .into_iter()
            .filter_map(|f| self.get(f).map(|v| (f.name().to_string(), v.to_json())))
            .collect()
    }
}

pub(crate) fn from_field_map<T: for<'de> Deserialize<'de>>(
    map: Map<String, Value>,
) -> Result<T, ValidationErrors> {
    serde_json::from_value(Value::Object(map))
        .map_err(|e| ValidationErrors::single("body", format!("is not a valid request: {e}")))
}

/// Validates and normalises each field of a write body, collecting every problem.
pub(crate) fn normalize_fields(
    fields: &Map<String, Value>,
    c: &mut Collector,
) -> Map<String, Value> {
    let mut out = Map::new();
    for (name, value) in fields {
        let Some(field) = RoomField::from_name(name) else {
            c.push(name, "is not a room field".to_string());
            continue;
        };
        let normalised = match (field, value) {
            (_, Value::Bool(_)) if field.spec().rule == Rule::Bool => Some(value.clone()),
            (_, _) if field.spec().rule == Rule::Bool => {
                c.check(name, Err("must be true or false".into()))
            }
            (_, Value::String(s)) => c.check(name, field.normalize(s)).map(Value::String),
            (_, _) => c.check(name, Err("must be text".into())),
        };
        if let Some(v) = normalised {
            out.insert(name.clone(), v);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_documented_example_body_round_trips() {
        let body = json!({"title": "Acme Corp – Onboarding", "templateId": "tpl_1",
                          "email": "buyer@acme.com", "hsDealId": "12345678"});
        let room: NewRoom = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(room.mode(), CreateMode::FromTemplate);
        assert!(room.has_crm_link());
        assert_eq!(room.validate().unwrap(), room);
        assert_eq!(serde_json::to_value(&room).unwrap(), body);
    }

    #[test]
    fn modes() {
        assert_eq!(NewRoom::default().mode(), CreateMode::Blank);
        let dup = NewRoom {
            duplicate_from_id: Some("rm_1".into()),
            ..Default::default()
        };
        assert_eq!(dup.mode(), CreateMode::Duplicate);
        assert!(!dup.has_crm_link());
    }

    #[test]
    fn every_problem_is_reported_at_once_and_named() {
        let room = NewRoom {
            title: Some("  ".into()),
            theme_color: Some("red".into()),
            nav_color: Some("#GGGGGG".into()),
            email: Some("buyer".into()),
            sf_opportunity_id: Some("123".into()),
            cover_title: Some("x".repeat(201)),
            ..Default::default()
        };
        let err = room.validate().unwrap_err();
        let fields: Vec<&str> = err.errors.iter().map(|e| e.field.as_str()).collect();
        for f in [
            "title",
            "themeColor",
            "navColor",
            "email",
            "sfOpportunityId",
            "coverTitle",
        ] {
            assert!(fields.contains(&f), "{f} missing from {fields:?}");
        }
        assert_eq!(err.errors.len(), 6);
    }

    #[test]
    fn validation_normalises() {
        let room = NewRoom {
            title: Some("Ünïcødé ✓".into()),
            theme_color: Some("#f50".into()),
            nav_color: Some("#abcdef".into()),
            ..Default::default()
        };
        let ok = room.validate().unwrap();
        assert_eq!(ok.theme_color.as_deref(), Some("#FF5500"));
        assert_eq!(ok.nav_color.as_deref(), Some("#ABCDEF"));
        assert_eq!(ok.title.as_deref(), Some("Ünïcødé ✓"));
    }

    #[test]
    fn template_and_duplicate_together_are_refused() {
        let room = NewRoom {
            template_id: Some("tpl_1".into()),
            duplicate_from_id: Some("rm_1".into()),
            ..Default::default()
        };
        assert!(room
            .validate()
            .unwrap_err()
            .for_field("templateId")
            .is_some());
    }

    #[test]
    fn unknown_body_fields_are_rejected() {
        assert!(serde_json::from_value::<NewRoom>(json!({"foo": 1})).is_err());
    }
}
