//! The field catalogue: THE one table of room fields a create or an update can write.
//!
//! Each row says, once: the contract name, the label a person reads, the kind of value
//! (which also picks the editor's input), its length limit, whether the server returns
//! it (or it is write-only), whether a create and an update may set it, the editor group,
//! and the rule that checks it. Derived from this table: the names of [`RoomField`], the
//! write-only set the store remembers and the core fills in ([`write_only_fields`]), the
//! returned set the core compares and the client matches ([`returned_fields`]), the
//! emulator's public view and its rule messages, the CLI's per-field flags
//! (`crates/cli/src/field_flags.rs`) and `ui/src/catalogue.ts` (exported with the bindings).
//!
//! Adding a field: a variant of [`RoomField`], a row here (same position), the field in
//! `Room` / `NewRoom` / `RoomPatch` (and a store migration if it needs a column). The
//! compiler then asks for its arm in the typed mappings (`field_value.rs`) and, for an
//! updatable field, in `RoomPatch::merge` / `apply_to`; the tests of `field_value.rs` fail
//! while the write types' serde names and the catalogue disagree.

use crate::limits::{MAX_SHORT_TEXT, MAX_TEXT};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Declares [`RoomField`] with each variant's contract name, written once.
macro_rules! room_fields {
    ($( $variant:ident = $name:literal ),* $(,)?) => {
        /// Every field a create or an update can write, named as in the contract. The
        /// order is the catalogue's order ([`FIELD_CATALOGUE`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        pub enum RoomField {
            $( #[serde(rename = $name)] $variant ),*
        }

        impl RoomField {
            /// The contract's camelCase name.
            pub const fn name(self) -> &'static str {
                match self {
                    $( RoomField::$variant => $name ),*
                }
            }
        }
    };
}

room_fields! {
    Title = "title",
    Description = "description",
    TemplateId = "templateId",
    DuplicateFromId = "duplicateFromId",
    CompanyId = "companyId",
    StatusId = "statusId",
    LabelId = "labelId",
    UserId = "userId",
    Email = "email",
    HsDealId = "hsDealId",
    SfOpportunityId = "sfOpportunityId",
    AttioDealId = "attioDealId",
    CoverTitle = "coverTitle",
    CoverDescription = "coverDescription",
    CoverDisabled = "coverDisabled",
    ThemeColor = "themeColor",
    NavColor = "navColor",
}

/// What kind of value a field holds; the editor picks its input from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Several lines of text.
    LongText,
    Email,
    /// A hex color (`#RRGGBB`).
    Color,
    /// A hex color or one of the two navigation keywords.
    NavColor,
    Bool,
    /// An id from `/statuses`.
    Status,
    /// An identifier of another object (template, room, company, label, user, CRM record).
    Id,
}

/// The editor's group a field is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FieldGroup {
    Basics,
    Crm,
    Design,
}

/// The rule that checks (and normalises) a field's value. Rust-only: the UI asks the
/// core (`validate_room_input`) instead of re-writing a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Text up to the field's `max_len`; `required`: not blank when sent.
    Text {
        required: bool,
    },
    /// A server identifier (letters, digits, `-`, `_`, `.`, `:`).
    Id,
    Email,
    HubSpotDealId,
    SalesforceOpportunityId,
    AttioDealId,
    HexColor,
    NavColor,
    Bool,
}

/// One row of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldSpec {
    /// The contract's camelCase name.
    pub name: RoomField,
    /// What a person calls it.
    pub label: &'static str,
    pub kind: FieldKind,
    pub group: FieldGroup,
    /// At most this many characters (Unicode scalar values), for text fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub max_len: Option<u32>,
    /// Whether the server returns it; `false`: write-only (accepted, never sent back).
    pub returned: bool,
    /// Whether `POST /rooms` accepts it.
    pub on_create: bool,
    /// Whether `PATCH /rooms/{id}` accepts it.
    pub on_update: bool,
    /// A create instruction rather than a property of the room (`templateId`,
    /// `duplicateFromId`): never part of a room, so never remembered as written.
    #[serde(skip)]
    #[ts(skip)]
    pub instruction: bool,
    /// A short explanation (the CLI's flag help; the editor may show it).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub hint: Option<&'static str>,
    #[serde(skip)]
    #[ts(skip)]
    pub rule: Rule,
}

const SHORT: Option<u32> = Some(MAX_SHORT_TEXT as u32);
const LONG: Option<u32> = Some(MAX_TEXT as u32);

/// A row with the common defaults: returned, settable on create and update, no limit.
const fn row(
    name: RoomField,
    label: &'static str,
    kind: FieldKind,
    group: FieldGroup,
    rule: Rule,
) -> FieldSpec {
    FieldSpec {
        name,
        label,
        kind,
        group,
        max_len: None,
        returned: true,
        on_create: true,
        on_update: true,
        instruction: false,
        hint: None,
        rule,
    }
}

impl FieldSpec {
    const fn max(mut self, n: Option<u32>) -> Self {
        self.max_len = n;
        self
    }
    const fn write_only(mut self) -> Self {
        self.returned = false;
        self
    }
    /// A create-only instruction: not returned, not a room property.
    const fn instruction(mut self) -> Self {
        self.returned = false;
        self.on_update = false;
        self.instruction = true;
        self
    }
    const fn create_only(mut self) -> Self {
        self.on_update = false;
        self
    }
    const fn hint(mut self, hint: &'static str) -> Self {
        self.hint = Some(hint);
        self
    }
}

use FieldGroup::{Basics, Crm, Design};
use RoomField as F;

/// Every writable room field, in [`RoomField`] order.
pub const FIELD_CATALOGUE: [FieldSpec; 17] = [
    row(
        F::Title,
        "Title",
        FieldKind::Text,
        Basics,
        Rule::Text { required: true },
    )
    .max(SHORT),
    row(
        F::Description,
        "Description",
        FieldKind::LongText,
        Basics,
        Rule::Text { required: false },
    )
    .max(LONG)
    .write_only(),
    row(F::TemplateId, "Template", FieldKind::Id, Basics, Rule::Id)
        .instruction()
        .hint("Template to start from"),
    row(
        F::DuplicateFromId,
        "Duplicate of",
        FieldKind::Id,
        Basics,
        Rule::Id,
    )
    .instruction()
    .hint("Room to duplicate"),
    row(F::CompanyId, "Company", FieldKind::Id, Basics, Rule::Id),
    row(F::StatusId, "Status", FieldKind::Status, Basics, Rule::Id).write_only(),
    row(F::LabelId, "Label", FieldKind::Id, Basics, Rule::Id)
        .write_only()
        .create_only()
        .hint("Label to apply"),
    row(F::UserId, "Owner", FieldKind::Id, Basics, Rule::Id),
    row(
        F::Email,
        "Contact email",
        FieldKind::Email,
        Basics,
        Rule::Email,
    )
    .write_only()
    .create_only()
    .hint("Primary contact's email"),
    row(
        F::HsDealId,
        "HubSpot deal ID",
        FieldKind::Id,
        Crm,
        Rule::HubSpotDealId,
    )
    .write_only(),
    row(
        F::SfOpportunityId,
        "Salesforce opportunity ID",
        FieldKind::Id,
        Crm,
        Rule::SalesforceOpportunityId,
    )
    .write_only(),
    row(
        F::AttioDealId,
        "Attio deal ID",
        FieldKind::Id,
        Crm,
        Rule::AttioDealId,
    )
    .write_only(),
    row(
        F::CoverTitle,
        "Cover title",
        FieldKind::Text,
        Design,
        Rule::Text { required: false },
    )
    .max(SHORT),
    row(
        F::CoverDescription,
        "Cover description",
        FieldKind::LongText,
        Design,
        Rule::Text { required: false },
    )
    .max(LONG),
    row(
        F::CoverDisabled,
        "Hide the cover page",
        FieldKind::Bool,
        Design,
        Rule::Bool,
    )
    .hint("Hide the cover page"),
    row(
        F::ThemeColor,
        "Theme color",
        FieldKind::Color,
        Design,
        Rule::HexColor,
    )
    .hint("Background color, hex (e.g. '#FF5500')"),
    row(
        F::NavColor,
        "Navigation color",
        FieldKind::NavColor,
        Design,
        Rule::NavColor,
    )
    .hint("Navigation color: hex, flow-org-color or target-company-color"),
];

/// Every field, in catalogue order.
pub const ALL_FIELDS: [RoomField; FIELD_CATALOGUE.len()] = {
    let mut all = [RoomField::Title; FIELD_CATALOGUE.len()];
    let mut i = 0;
    while i < all.len() {
        all[i] = FIELD_CATALOGUE[i].name;
        i += 1;
    }
    all
};

impl RoomField {
    /// This field's row of the catalogue.
    pub fn spec(self) -> &'static FieldSpec {
        // Rows are in variant order (checked by a test), so the variant indexes the table.
        &FIELD_CATALOGUE[self as usize]
    }
}

/// The fields the server returns (every other field is write-only).
pub fn returned_fields() -> impl Iterator<Item = RoomField> {
    FIELD_CATALOGUE
        .iter()
        .filter(|s| s.returned)
        .map(|s| s.name)
}

/// The write-only fields: room properties the API accepts but does not return. This app
/// remembers what it last wrote to them.
pub fn write_only_fields() -> impl Iterator<Item = RoomField> {
    FIELD_CATALOGUE
        .iter()
        .filter(|s| !s.returned && !s.instruction)
        .map(|s| s.name)
}

/// The create instructions (`templateId`, `duplicateFromId`): not room properties.
pub fn instruction_fields() -> impl Iterator<Item = RoomField> {
    FIELD_CATALOGUE
        .iter()
        .filter(|s| s.instruction)
        .map(|s| s.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_in_variant_order_so_spec_finds_its_own_row() {
        for (i, spec) in FIELD_CATALOGUE.iter().enumerate() {
            assert_eq!(spec.name as usize, i, "{:?} is out of place", spec.name);
            assert_eq!(spec.name.spec(), spec);
        }
        assert_eq!(ALL_FIELDS.len(), FIELD_CATALOGUE.len());
    }

    #[test]
    fn names_match_serde_and_round_trip() {
        for f in ALL_FIELDS {
            assert_eq!(RoomField::from_name(f.name()), Some(f));
            assert_eq!(
                serde_json::to_value(f).unwrap(),
                serde_json::Value::String(f.name().to_string())
            );
        }
        assert_eq!(RoomField::from_name("nope"), None);
    }

    #[test]
    fn write_only_fields_are_the_documented_ones() {
        let names: Vec<&str> = write_only_fields().map(RoomField::name).collect();
        assert_eq!(
            names,
            [
                "description",
                "statusId",
                "labelId",
                "email",
                "hsDealId",
                "sfOpportunityId",
                "attioDealId"
            ]
        );
        let instructions: Vec<&str> = instruction_fields().map(RoomField::name).collect();
        assert_eq!(instructions, ["templateId", "duplicateFromId"]);
        let returned: Vec<&str> = returned_fields().map(RoomField::name).collect();
        assert_eq!(
            returned,
            [
                "title",
                "companyId",
                "userId",
                "coverTitle",
                "coverDescription",
                "coverDisabled",
                "themeColor",
                "navColor"
            ]
        );
    }

    #[test]
    fn create_only_fields_are_the_documented_ones() {
        let create_only: Vec<&str> = FIELD_CATALOGUE
            .iter()
            .filter(|s| s.on_create && !s.on_update)
            .map(|s| s.name.name())
            .collect();
        assert_eq!(
            create_only,
            ["templateId", "duplicateFromId", "labelId", "email"]
        );
        assert!(FIELD_CATALOGUE.iter().all(|s| s.on_create));
    }

    #[test]
    fn text_fields_have_a_limit_and_others_do_not() {
        for s in FIELD_CATALOGUE {
            let text = matches!(s.rule, Rule::Text { .. });
            assert_eq!(text, s.max_len.is_some(), "{:?}", s.name);
            assert_eq!(
                text,
                matches!(s.kind, FieldKind::Text | FieldKind::LongText),
                "{:?}",
                s.name
            );
        }
    }

    #[test]
    fn serialises_as_the_ui_reads_it() {
        let v = serde_json::to_value(RoomField::Title.spec()).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"name": "title", "label": "Title", "kind": "text",
                "group": "basics", "maxLen": 200, "returned": true, "onCreate": true,
                "onUpdate": true})
        );
        let v = serde_json::to_value(RoomField::Email.spec()).unwrap();
        assert_eq!(v["returned"], false);
        assert_eq!(v["onUpdate"], false);
        assert!(v.get("maxLen").is_none());
        assert_eq!(v["hint"], "Primary contact's email");
    }
}
