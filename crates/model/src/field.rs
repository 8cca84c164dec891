//! What a room field does, read from its row of the catalogue (`catalogue.rs`).

pub use crate::catalogue::RoomField;
use crate::catalogue::{FieldGroup, Rule, ALL_FIELDS};
use crate::color::{HexColor, NavColor};
use crate::limits::MAX_TEXT;
use crate::validation::{
    validate_attio_deal_id, validate_email, validate_hs_deal_id, validate_id,
    validate_sf_opportunity_id, validate_text,
};

impl RoomField {
    /// Every field, in catalogue order.
    pub const ALL: [RoomField; ALL_FIELDS.len()] = ALL_FIELDS;

    pub fn from_name(name: &str) -> Option<RoomField> {
        RoomField::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Whether `PATCH /rooms/{id}` accepts this field (create-only fields do not).
    pub fn updatable(self) -> bool {
        self.spec().on_update
    }

    /// Whether the server returns this field (the others are write-only or instructions).
    pub fn returned(self) -> bool {
        self.spec().returned
    }

    /// Whether the field is a write-only room property: accepted, never returned, and
    /// remembered locally as this app last wrote it.
    pub fn write_only(self) -> bool {
        let s = self.spec();
        !s.returned && !s.instruction
    }

    /// Whether the field is a create instruction (`templateId`, `duplicateFromId`),
    /// never a property of a room.
    pub fn instruction(self) -> bool {
        self.spec().instruction
    }

    /// Whether the field is part of the cover page and theme design.
    pub fn is_design(self) -> bool {
        self.spec().group == FieldGroup::Design
    }

    /// Checks a text value for this field and returns its normalised form (colors become
    /// upper-case `#RRGGBB`). `coverDisabled` is a boolean and has no text form.
    pub fn normalize(self, value: &str) -> Result<String, String> {
        let keep = |r: Result<(), String>| r.map(|()| value.to_string());
        let spec = self.spec();
        match spec.rule {
            Rule::Text { required } => {
                let max = spec.max_len.map_or(MAX_TEXT, |n| n as usize);
                keep(validate_text(value, max, required))
            }
            Rule::Id => keep(validate_id(value)),
            Rule::Email => keep(validate_email(value.trim())).map(|s| s.trim().to_string()),
            Rule::HubSpotDealId => keep(validate_hs_deal_id(value)),
            Rule::SalesforceOpportunityId => keep(validate_sf_opportunity_id(value)),
            Rule::AttioDealId => keep(validate_attio_deal_id(value)),
            Rule::HexColor => HexColor::parse(value).map(|c| c.to_string()),
            Rule::NavColor => NavColor::parse(value).map(|c| c.to_string()),
            Rule::Bool => Err("must be true or false".to_string()),
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

    #[test]
    fn text_limits_come_from_the_catalogue() {
        assert!(RoomField::Title.normalize(&"é".repeat(200)).is_ok());
        assert!(RoomField::Title.normalize(&"é".repeat(201)).is_err());
        assert!(RoomField::Title.normalize("  ").is_err());
        assert!(RoomField::CoverTitle.normalize("").is_ok());
        assert!(RoomField::CoverTitle.normalize(&"x".repeat(201)).is_err());
        assert!(RoomField::Description.normalize(&"x".repeat(2000)).is_ok());
        assert!(RoomField::Description.normalize(&"x".repeat(2001)).is_err());
        assert!(RoomField::CoverDescription.normalize("a\0b").is_err());
    }

    #[test]
    fn derived_properties() {
        assert!(!RoomField::Email.updatable());
        assert!(RoomField::Email.write_only());
        assert!(!RoomField::TemplateId.write_only());
        assert!(!RoomField::TemplateId.returned());
        assert!(RoomField::ThemeColor.is_design());
        assert!(!RoomField::Title.is_design());
    }
}
