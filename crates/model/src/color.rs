//! Typed colors: `themeColor` is a hex color, `navColor` is a hex color or a keyword.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Keyword for the organisation's brand color.
pub const NAV_ORG_COLOR: &str = "flow-org-color";
/// Keyword for the associated company's color.
pub const NAV_COMPANY_COLOR: &str = "target-company-color";

/// A hex color normalised to upper-case `#RRGGBB`. Accepts `#RGB` and `#RRGGBB` in any case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct HexColor(String);

impl HexColor {
    /// Parses `#RGB` or `#RRGGBB` (case-insensitive) and normalises to `#RRGGBB`.
    pub fn parse(input: &str) -> Result<Self, String> {
        let s = input.trim();
        let Some(digits) = s.strip_prefix('#') else {
            return Err(format!(
                "\"{}\" is not a hex color: start it with # (for example #FF5500)",
                shorten(s)
            ));
        };
        if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(format!(
                "\"{}\" is not a hex color: use only 0-9 and A-F after # (for example #FF5500)",
                shorten(s)
            ));
        }
        let full = match digits.len() {
            3 => digits.chars().flat_map(|c| [c, c]).collect::<String>(),
            6 => digits.to_string(),
            _ => {
                return Err(format!(
                    "\"{}\" is not a hex color: use 3 or 6 hex digits (#F50 or #FF5500)",
                    shorten(s)
                ))
            }
        };
        Ok(HexColor(format!("#{}", full.to_ascii_uppercase())))
    }

    /// The normalised `#RRGGBB` text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The red, green and blue components.
    pub fn rgb(&self) -> (u8, u8, u8) {
        let v = u32::from_str_radix(&self.0[1..], 16).unwrap_or(0);
        ((v >> 16) as u8, (v >> 8) as u8, v as u8)
    }
}

impl TryFrom<String> for HexColor {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        HexColor::parse(&value)
    }
}

impl From<HexColor> for String {
    fn from(value: HexColor) -> Self {
        value.0
    }
}

impl fmt::Display for HexColor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The navigation bar color: a hex color, the org's brand color or the company's color.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NavColor {
    Hex(HexColor),
    OrgColor,
    CompanyColor,
}

impl NavColor {
    pub fn parse(input: &str) -> Result<Self, String> {
        let s = input.trim();
        match s {
            NAV_ORG_COLOR => Ok(NavColor::OrgColor),
            NAV_COMPANY_COLOR => Ok(NavColor::CompanyColor),
            _ if s.starts_with('#') => HexColor::parse(s).map(NavColor::Hex),
            _ => Err(format!(
                "\"{}\" is not a navigation color: use a hex color like #FF5500, \"{NAV_ORG_COLOR}\" or \"{NAV_COMPANY_COLOR}\"",
                shorten(s)
            )),
        }
    }

    /// The wire form: normalised hex or the keyword.
    pub fn as_str(&self) -> &str {
        match self {
            NavColor::Hex(h) => h.as_str(),
            NavColor::OrgColor => NAV_ORG_COLOR,
            NavColor::CompanyColor => NAV_COMPANY_COLOR,
        }
    }
}

impl fmt::Display for NavColor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Keeps error messages short when someone pastes a paragraph into a color field.
pub(crate) fn shorten(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(MAX).collect();
        out.push('…');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colors_are_normalised() {
        assert_eq!(HexColor::parse("#FF5500").unwrap().as_str(), "#FF5500");
        assert_eq!(HexColor::parse("#ff5500").unwrap().as_str(), "#FF5500");
        assert_eq!(HexColor::parse("#f50").unwrap().as_str(), "#FF5500");
        assert_eq!(HexColor::parse(" #aBc ").unwrap().as_str(), "#AABBCC");
        assert_eq!(HexColor::parse("#FF5500").unwrap().rgb(), (255, 85, 0));
    }

    #[test]
    fn bad_hex_colors_are_refused_with_a_reason() {
        for bad in [
            "FF5500", "#FF550", "#GGGGGG", "red", "", "#", "#FF55001", "#12345",
        ] {
            let err = HexColor::parse(bad).unwrap_err();
            assert!(err.contains("not a hex color"), "{bad}: {err}");
        }
        assert!(HexColor::parse("FF5500")
            .unwrap_err()
            .contains("start it with #"));
        assert!(HexColor::parse("#GGGGGG")
            .unwrap_err()
            .contains("0-9 and A-F"));
        assert!(HexColor::parse("#FF550").unwrap_err().contains("3 or 6"));
    }

    #[test]
    fn nav_colors_take_hex_or_keywords() {
        assert_eq!(
            NavColor::parse("flow-org-color").unwrap(),
            NavColor::OrgColor
        );
        assert_eq!(
            NavColor::parse("target-company-color").unwrap(),
            NavColor::CompanyColor
        );
        assert_eq!(NavColor::parse("#f50").unwrap().as_str(), "#FF5500");
        assert!(NavColor::parse("red")
            .unwrap_err()
            .contains("flow-org-color"));
        assert!(NavColor::parse("FLOW-ORG-COLOR").is_err());
        assert!(NavColor::parse("#GG0000").is_err());
    }

    #[test]
    fn long_input_is_shortened_in_messages() {
        let long = "x".repeat(500);
        let err = HexColor::parse(&long).unwrap_err();
        assert!(err.len() < 200, "{err}");
        assert!(err.contains('…'));
    }

    #[test]
    fn hex_color_serde_round_trip_normalises() {
        let c: HexColor = serde_json::from_str("\"#abc\"").unwrap();
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"#AABBCC\"");
        assert!(serde_json::from_str::<HexColor>("\"red\"").is_err());
    }
}
