//! The room object as the server returns it, tolerant of missing optionals and keeping
//! every field it does not know.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

/// Engagement counters of a room. Missing counters are `None`; unknown ones are kept.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Engagements {
    #[serde(default)]
    #[ts(type = "number | null")]
    pub clicks: Option<i64>,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub comments: Option<i64>,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub downloads: Option<i64>,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub reactions: Option<i64>,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub shares: Option<i64>,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub views: Option<i64>,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub tasks_completed: Option<i64>,
    #[serde(flatten)]
    #[ts(skip)]
    pub extra: Map<String, Value>,
}

/// A room. Every documented field, plus the write-only fields this app may know locally
/// (`description`, `statusId`, `labelId`, `email`, CRM IDs: the server is not documented to
/// return them), plus `extra`: any field the server sent that this version does not know,
/// kept so that nothing is lost on a round trip.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Room {
    pub id: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub user_id: Option<String>,
    #[serde(default)]
    pub company_id: Option<String>,
    #[serde(default)]
    pub created_at: String,
    #[serde(default)]
    pub updated_at: String,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub total_engagements: Option<i64>,
    #[serde(default)]
    pub last_engaged_at: Option<String>,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub total_views: Option<i64>,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub total_unique_views: Option<i64>,
    #[serde(default)]
    pub engagements: Option<Engagements>,
    #[serde(default)]
    pub cover_title: Option<String>,
    #[serde(default)]
    pub cover_description: Option<String>,
    #[serde(default)]
    pub cover_disabled: Option<bool>,
    #[serde(default)]
    pub theme_color: Option<String>,
    #[serde(default)]
    pub nav_color: Option<String>,

    // Write-only on the server: known when this app wrote them (or a server returns them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub label_id: Option<String>,
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

    #[serde(flatten)]
    #[ts(skip)]
    pub extra: Map<String, Value>,
}

impl Room {
    /// The value of one contract field, by its camelCase name (`Value::Null` when unset).
    pub fn field_value(&self, name: &str) -> Value {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.get(name).cloned())
            .unwrap_or(Value::Null)
    }
}

/// A room status from `GET /api/v2/statuses`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Status {
    pub id: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub default_status: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn full_room() -> Value {
        json!({
            "id": "rm_1",
            "title": "Acme Corp – Onboarding",
            "userId": "usr_1",
            "companyId": "cmp_1",
            "createdAt": "2026-05-05T14:30:44.260Z",
            "updatedAt": "2026-05-06T09:00:00.000Z",
            "totalEngagements": 42,
            "lastEngagedAt": "2026-05-06T08:00:00.000Z",
            "totalViews": 30,
            "totalUniqueViews": 7,
            "engagements": {"clicks": 1, "comments": 2, "downloads": 3, "reactions": 4,
                            "shares": 5, "views": 30, "tasksCompleted": 6},
            "coverTitle": "Welcome, Acme",
            "coverDescription": "Everything in one place",
            "coverDisabled": false,
            "themeColor": "#FF5500",
            "navColor": "flow-org-color"
        })
    }

    #[test]
    fn a_room_with_every_field_round_trips() {
        let v = full_room();
        let room: Room = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(room.title, "Acme Corp – Onboarding");
        assert_eq!(room.engagements.as_ref().unwrap().tasks_completed, Some(6));
        assert_eq!(serde_json::to_value(&room).unwrap(), v);
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let mut v = full_room();
        v["shinyNewField"] = json!({"nested": [1, 2]});
        v["engagements"]["hugs"] = json!(9);
        let room: Room = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(room.extra["shinyNewField"], json!({"nested": [1, 2]}));
        assert_eq!(serde_json::to_value(&room).unwrap(), v);
    }

    #[test]
    fn missing_and_null_optionals_are_fine() {
        let room: Room = serde_json::from_value(json!({"id": "rm_2", "engagements": null,
            "totalViews": null}))
        .unwrap();
        assert_eq!(room.id, "rm_2");
        assert_eq!(room.total_views, None);
        assert_eq!(room.engagements, None);
        assert_eq!(room.field_value("themeColor"), Value::Null);
        assert_eq!(room.field_value("id"), json!("rm_2"));
    }

    #[test]
    fn a_room_without_an_id_is_an_error() {
        assert!(serde_json::from_value::<Room>(json!({"title": "x"})).is_err());
    }
}
