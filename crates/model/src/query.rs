//! `GET /api/v2/rooms` query: page, limit, sort field and direction.

use crate::limits::MAX_LIMIT;
use crate::validation::{Collector, ValidationErrors};
use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// The four fields rooms can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SortField {
    #[default]
    CreatedAt,
    UpdatedAt,
    TotalEngagements,
    LastEngagedAt,
}

impl SortField {
    pub const ALL: [SortField; 4] = [
        SortField::CreatedAt,
        SortField::UpdatedAt,
        SortField::TotalEngagements,
        SortField::LastEngagedAt,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SortField::CreatedAt => "createdAt",
            SortField::UpdatedAt => "updatedAt",
            SortField::TotalEngagements => "totalEngagements",
            SortField::LastEngagedAt => "lastEngagedAt",
        }
    }

    pub fn parse(s: &str) -> Result<SortField, String> {
        SortField::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| {
                format!(
                    "\"{s}\" is not a sort field: use createdAt, updatedAt, totalEngagements or lastEngagedAt"
                )
            })
    }
}

impl fmt::Display for SortField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
pub enum SortDirection {
    #[serde(rename = "ASC")]
    Asc,
    #[default]
    #[serde(rename = "DESC")]
    Desc,
}

impl SortDirection {
    pub fn as_str(self) -> &'static str {
        match self {
            SortDirection::Asc => "ASC",
            SortDirection::Desc => "DESC",
        }
    }

    pub fn parse(s: &str) -> Result<SortDirection, String> {
        match s {
            "ASC" | "asc" => Ok(SortDirection::Asc),
            "DESC" | "desc" => Ok(SortDirection::Desc),
            _ => Err(format!("\"{s}\" is not a sort direction: use ASC or DESC")),
        }
    }
}

impl fmt::Display for SortDirection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One page of a room listing. Defaults as documented: page 1, 10 rooms, newest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ListQuery {
    pub page: u32,
    pub limit: u32,
    pub sort_by: SortField,
    pub sort_direction: SortDirection,
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            page: 1,
            limit: 10,
            sort_by: SortField::default(),
            sort_direction: SortDirection::default(),
        }
    }
}

impl ListQuery {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut c = Collector::default();
        if self.page < 1 {
            c.push("page", "must be 1 or more".to_string());
        }
        if self.limit < 1 || self.limit > MAX_LIMIT {
            c.push(
                "limit",
                format!("must be between 1 and {MAX_LIMIT} rooms per page"),
            );
        }
        c.finish()
    }

    /// The query string pairs, in the API's names.
    pub fn to_pairs(&self) -> [(&'static str, String); 4] {
        [
            ("page", self.page.to_string()),
            ("limit", self.limit.to_string()),
            ("sortBy", self.sort_by.as_str().to_string()),
            ("sortDirection", self.sort_direction.as_str().to_string()),
        ]
    }

    /// How many rooms come before this page.
    pub fn offset(&self) -> u64 {
        u64::from(self.page.saturating_sub(1)) * u64::from(self.limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn defaults_are_documented_ones() {
        let q: ListQuery = serde_json::from_value(json!({})).unwrap();
        assert_eq!(q, ListQuery::default());
        assert_eq!(q.sort_by, SortField::CreatedAt);
        assert_eq!(q.sort_direction, SortDirection::Desc);
        assert_eq!(
            serde_json::to_value(q).unwrap(),
            json!({"page": 1, "limit": 10, "sortBy": "createdAt", "sortDirection": "DESC"})
        );
    }

    #[test]
    fn limits_are_checked() {
        let mut q = ListQuery {
            limit: 101,
            page: 0,
            ..Default::default()
        };
        assert_eq!(q.validate().unwrap_err().errors.len(), 2);
        q.limit = 100;
        q.page = 3;
        assert!(q.validate().is_ok());
        assert_eq!(q.offset(), 200);
    }

    #[test]
    fn sort_names_parse() {
        for f in SortField::ALL {
            assert_eq!(SortField::parse(f.as_str()).unwrap(), f);
        }
        assert!(SortField::parse("title").unwrap_err().contains("createdAt"));
        assert_eq!(SortDirection::parse("ASC").unwrap(), SortDirection::Asc);
        assert!(SortDirection::parse("up").is_err());
    }
}
