//! The writable room fields, by name, and the rule each one follows.

use crate::color::{HexColor, NavColor};
use crate::validation::{
    validate_attio_deal_id, validate_email, validate_hs_deal_id, validate_id, validate_long_text,
    validate_sf_opportunity_id, validate_short_text, validate_title,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Every field a create or an update can write, named as in the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RoomField {
    Title,
    Description,
    TemplateId,
    DuplicateFromId,
    CompanyId,
    StatusId,
    LabelId,
    UserId,
    Email,
    HsDealId,
    SfOpportunityId,
    AttioDealId,
    CoverTitle,
    CoverDescription,
    CoverDisabled,
    ThemeColor,
    NavColor,
}

impl RoomField {
    pub const ALL: [RoomField; 17] = [
        RoomField::Title,
        RoomField::Description,
        RoomField::TemplateId,
        RoomField::DuplicateFromId,
        RoomField::CompanyId,
        RoomField::StatusId,
        RoomField::LabelId,
        RoomField::UserId,
        RoomField::Email,
        RoomField::HsDealId,
        RoomField::SfOpportunityId,
        RoomField::AttioDealId,
        RoomField::CoverTitle,
        RoomField::CoverDescription,
        RoomField::CoverDisabled,
        RoomField::ThemeColor,
        RoomField::NavColor,
    ];

    /// The contract's camelCase name.
    pub fn name(self) -> &'static str {
        match self {
            RoomField::Title => "title",
            RoomField::Description => "description",
            RoomField::TemplateId => "templateId",
            RoomField::DuplicateFromId => "duplicateFromId",
            RoomField::CompanyId => "companyId",
            RoomField::StatusId => "statusId",
            RoomField::LabelId => "labelId",
            RoomField::UserId => "userId",
            RoomField::Email => "email",
            RoomField::HsDealId => "hsDealId",
            RoomField::SfOpportunityId => "sfOpportunityId",
            RoomField::AttioDealId => "attioDealId",
            RoomField::CoverTitle => "coverTitle",
            RoomField::CoverDescription => "coverDescription",
            RoomField::CoverDisabled => "coverDisabled",
            RoomField::ThemeColor => "themeColor",
            RoomField::NavColor => "navColor",
        }
    }

    pub fn from_name(name: &str) -> Option<RoomField> {
        RoomField::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Whether `PATCH /rooms/{id}` accepts this field (create-only fields do not).
    pub fn updatable(self) -> bool {
        !matches!(
            self,
            RoomField::TemplateId
                | RoomField::DuplicateFromId
                | RoomField::LabelId
                | RoomField::Email
        )
    }

    /// Whether the field is part of the cover page and theme design.
    pub fn is_design(self) -> bool {
        matches!(
            self,
            RoomField::CoverTitle
                | RoomField::CoverDescription
                | RoomField::CoverDisabled
                | RoomField::ThemeColor
                | RoomField::NavColor
        )
    }

    /// Checks a text value for this field and returns its normalised form (colors become
    /// upper-case `#RRGGBB`). `coverDisabled` is a boolean and has no text form.
    pub fn normalize(self, value: &str) -> Result<String, String> {
        let keep = |r: Result<(), String>| r.map(|()| value.to_string());
        match self {
            RoomField::Title => keep(validate_title(value)),
            RoomField::CoverTitle => keep(validate_short_text(value)),
            RoomField::Description | RoomField::CoverDescription => keep(validate_long_text(value)),
            RoomField::TemplateId
            | RoomField::DuplicateFromId
            | RoomField::CompanyId
            | RoomField::StatusId
            | RoomField::LabelId
            | RoomField::UserId => keep(validate_id(value)),
            RoomField::Email => keep(validate_email(value.trim())).map(|s| s.trim().to_string()),
            RoomField::HsDealId => keep(validate_hs_deal_id(value)),
            RoomField::SfOpportunityId => keep(validate_sf_opportunity_id(value)),
            RoomField::AttioDealId => keep(validate_attio_deal_id(value)),
            RoomField::ThemeColor => HexColor::parse(value).map(|c| c.to_string()),
            RoomField::NavColor => NavColor::parse(value).map(|c| c.to_string()),
            RoomField::CoverDisabled => Err("must be true or false".to_string()),
        }
    }
}

impl std::fmt::Display for RoomField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        for f in RoomField::ALL {
            assert_eq!(RoomField::from_name(f.name()), Some(f));
            assert_eq!(
                serde_json::to_value(f).unwrap(),
                serde_json::Value::String(f.name().to_string())
            );
        }
        assert_eq!(RoomField::from_name("nope"), None);
    }

    #[test]
    fn normalises_colors_and_emails() {
        assert_eq!(RoomField::ThemeColor.normalize("#f50").unwrap(), "#FF5500");
        assert_eq!(
            RoomField::NavColor
                .normalize("target-company-color")
                .unwrap(),
            "target-company-color"
        );
        assert_eq!(
            RoomField::Email.normalize(" buyer@acme.com ").unwrap(),
            "buyer@acme.com"
        );
        assert!(RoomField::ThemeColor.normalize("flow-org-color").is_err());
    }
}
