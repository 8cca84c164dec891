//! Lookups that help pick an ID: companies, labels, users, templates.

use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// Which lookup list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum LookupKind {
    Companies,
    Labels,
    Users,
    Templates,
}

impl LookupKind {
    pub const ALL: [LookupKind; 4] = [
        LookupKind::Companies,
        LookupKind::Labels,
        LookupKind::Users,
        LookupKind::Templates,
    ];

    /// The path segment under `/api/v2/`.
    pub fn path(self) -> &'static str {
        match self {
            LookupKind::Companies => "companies",
            LookupKind::Labels => "labels",
            LookupKind::Users => "users",
            LookupKind::Templates => "templates",
        }
    }
}

impl fmt::Display for LookupKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.path())
    }
}

/// One entry of a lookup, whatever the server calls its label (`name`, `title`,
/// `fullName`): the client normalises it to `name`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Lookup {
    pub id: String,
    pub name: String,
}
