//! The fixed lookup lists the emulator serves: statuses, companies, labels, users and
//! templates. Deterministic, so tests and the sandbox can name them.

use serde::Serialize;
use serde_json::{json, Value};

/// `(id, title, defaultStatus)`.
pub(crate) const STATUSES: [(&str, &str, bool); 5] = [
    ("st_active", "Active", true),
    ("st_draft", "Draft", false),
    ("st_won", "Closed won", false),
    ("st_lost", "Closed lost", false),
    ("st_archived", "Archived", false),
];

/// `(id, name)`. Also the companies generated rooms belong to.
pub(crate) const COMPANIES: [(&str, &str); 14] = [
    ("cmp_0001", "Acme Corp"),
    ("cmp_0002", "Globex"),
    ("cmp_0003", "Initech"),
    ("cmp_0004", "Umbrella Health"),
    ("cmp_0005", "Müller & Söhne GmbH"),
    ("cmp_0006", "Société Générale d'Études"),
    ("cmp_0007", "株式会社サクラ"),
    ("cmp_0008", "Nordlys AS"),
    ("cmp_0009", "Café Olé"),
    ("cmp_0010", "Łódź Logistics"),
    ("cmp_0011", "São Paulo Pagamentos"),
    ("cmp_0012", "Stark Industries"),
    ("cmp_0013", "Zürich Rückversicherung"),
    ("cmp_0014", "北京云图科技"),
];

pub(crate) const LABELS: [(&str, &str); 6] = [
    ("lbl_0001", "Enterprise"),
    ("lbl_0002", "SMB"),
    ("lbl_0003", "Renewal"),
    ("lbl_0004", "Expansion"),
    ("lbl_0005", "Priority"),
    ("lbl_0006", "Partner"),
];

pub(crate) const USERS: [(&str, &str); 8] = [
    ("usr_0001", "Ada Lovelace"),
    ("usr_0002", "Björn Ångström"),
    ("usr_0003", "Chloé Dubois"),
    ("usr_0004", "Daniel O'Brien"),
    ("usr_0005", "Emeka Okafor"),
    ("usr_0006", "Hiroshi Tanaka"),
    ("usr_0007", "Inés García"),
    ("usr_0008", "Zoë Kowalczyk"),
];

/// A template: its title and the design it gives a room created from it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Template {
    pub id: &'static str,
    pub title: &'static str,
    pub cover_title: Option<&'static str>,
    pub cover_description: Option<&'static str>,
    pub cover_disabled: Option<bool>,
    pub theme_color: Option<&'static str>,
    pub nav_color: Option<&'static str>,
}

pub(crate) const TEMPLATES: [Template; 4] = [
    Template {
        id: "tpl_0001",
        title: "Onboarding",
        cover_title: Some("Welcome aboard"),
        cover_description: Some("Everything you need for a smooth start, in one place."),
        cover_disabled: Some(false),
        theme_color: Some("#1F6FEB"),
        nav_color: Some("flow-org-color"),
    },
    Template {
        id: "tpl_0002",
        title: "Mutual action plan",
        cover_title: Some("Our plan, together"),
        cover_description: Some("Milestones, owners and dates we agreed on."),
        cover_disabled: Some(false),
        theme_color: Some("#0E8A16"),
        nav_color: Some("target-company-color"),
    },
    Template {
        id: "tpl_0003",
        title: "Proposal – Q3",
        cover_title: Some("Your proposal"),
        cover_description: None,
        cover_disabled: Some(false),
        theme_color: Some("#FF5500"),
        nav_color: Some("#222222"),
    },
    Template {
        id: "tpl_0004",
        title: "Quarterly business review",
        cover_title: None,
        cover_description: None,
        cover_disabled: Some(true),
        theme_color: None,
        nav_color: None,
    },
];

/// The template with this id, as rooms created from it get its design.
pub fn template(id: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.id == id)
}

pub(crate) fn status_exists(id: &str) -> bool {
    STATUSES.iter().any(|(s, _, _)| *s == id)
}

/// The JSON bodies of the lookup endpoints (bare arrays, as the v1 API served them).
pub(crate) fn statuses_json() -> Value {
    Value::Array(
        STATUSES
            .iter()
            .map(|(id, title, d)| json!({"id": id, "title": title, "defaultStatus": d}))
            .collect(),
    )
}

pub(crate) fn companies_json() -> Value {
    pairs_json(&COMPANIES, "name")
}

pub(crate) fn labels_json() -> Value {
    pairs_json(&LABELS, "title")
}

pub(crate) fn users_json() -> Value {
    pairs_json(&USERS, "fullName")
}

pub(crate) fn templates_json() -> Value {
    serde_json::to_value(TEMPLATES).unwrap_or(Value::Null)
}

fn pairs_json(items: &[(&str, &str)], label: &str) -> Value {
    Value::Array(
        items
            .iter()
            .map(|(id, name)| json!({"id": id, label: name}))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_have_their_documented_shapes() {
        assert_eq!(statuses_json()[0]["defaultStatus"], json!(true));
        assert_eq!(
            STATUSES.iter().filter(|s| s.2).count(),
            1,
            "exactly one default status"
        );
        assert_eq!(
            companies_json()[0],
            json!({"id": "cmp_0001", "name": "Acme Corp"})
        );
        assert_eq!(labels_json()[1]["title"], "SMB");
        assert_eq!(users_json()[0]["fullName"], "Ada Lovelace");
        let t = templates_json();
        assert_eq!(t[0]["themeColor"], "#1F6FEB");
        assert_eq!(t[3]["coverTitle"], Value::Null);
        assert!(template("tpl_0002").is_some() && template("tpl_9").is_none());
        assert!(status_exists("st_won") && !status_exists("won"));
    }
}
