//! Validation rules shared by every layer. Each rule returns a message that names what is
//! wrong and how to fix it; the caller attaches the field name.

use crate::color::shorten;
use crate::limits::MAX_ID_LEN;
use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// One problem with one field. `field` is the contract's camelCase name (`themeColor`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// Every problem found in one request, in field order. Never empty when returned as an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
pub struct ValidationErrors {
    pub errors: Vec<FieldError>,
}

impl ValidationErrors {
    pub fn single(field: impl Into<String>, message: impl Into<String>) -> Self {
        ValidationErrors {
            errors: vec![FieldError::new(field, message)],
        }
    }

    /// The message for a field, if that field has a problem.
    pub fn for_field(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect();
        f.write_str(&parts.join("; "))
    }
}

/// Collects problems while a request is checked.
#[derive(Default)]
pub(crate) struct Collector {
    errors: Vec<FieldError>,
}

impl Collector {
    pub fn push(&mut self, field: &str, message: String) {
        self.errors.push(FieldError::new(field, message));
    }

    /// Records the error of a check, if any, and returns its value.
    pub fn check<T>(&mut self, field: &str, result: Result<T, String>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(m) => {
                self.push(field, m);
                None
            }
        }
    }

    pub fn finish(self) -> Result<(), ValidationErrors> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors {
                errors: self.errors,
            })
        }
    }
}

/// Text fields: at most `max` characters; with `required`, not blank.
pub(crate) fn validate_text(value: &str, max: usize, required: bool) -> Result<(), String> {
    if required && value.trim().is_empty() {
        return Err("can't be blank".to_string());
    }
    let n = value.chars().count();
    if n > max {
        return Err(format!(
            "is too long: {n} characters, at most {max} allowed"
        ));
    }
    if value.chars().any(|c| c == '\0') {
        return Err("contains a NUL character".to_string());
    }
    Ok(())
}

/// An identifier from the server (room, template, company, status, label, user):
/// 1 to 128 characters of letters, digits, `-`, `_`, `.` or `:`.
pub fn validate_id(value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Err("can't be empty".to_string());
    }
    if value.chars().count() > MAX_ID_LEN {
        return Err(format!(
            "is too long for an ID (at most {MAX_ID_LEN} characters)"
        ));
    }
    if !value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
    {
        return Err(format!(
            "\"{}\" is not a valid ID: use only letters, digits, -, _, . or :",
            shorten(value)
        ));
    }
    Ok(())
}

/// A plausible email address: one `@`, a non-empty local part, a domain with a dot, no spaces.
pub fn validate_email(value: &str) -> Result<(), String> {
    let bad = || {
        Err(format!(
            "\"{}\" is not a valid email address (for example buyer@acme.com)",
            shorten(value)
        ))
    };
    if value.chars().count() > 254 {
        return Err("is too long for an email address (at most 254 characters)".to_string());
    }
    if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return bad();
    }
    let mut parts = value.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return bad();
    };
    let labels_ok = domain
        .split('.')
        .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'));
    if local.is_empty()
        || local.len() > 64
        || local.starts_with('.')
        || local.ends_with('.')
        || local.contains("..")
        || !domain.contains('.')
        || !labels_ok
        || domain
            .chars()
            .any(|c| !(c.is_alphanumeric() || c == '-' || c == '.'))
    {
        return bad();
    }
    Ok(())
}

/// HubSpot deal IDs are digits only (e.g. `12345678`).
pub fn validate_hs_deal_id(value: &str) -> Result<(), String> {
    if value.is_empty() || value.len() > 32 || !value.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!(
            "\"{}\" is not a HubSpot deal ID: use digits only (for example 12345678)",
            shorten(value)
        ));
    }
    Ok(())
}

/// Salesforce opportunity IDs are 15 or 18 letters and digits (e.g. `0064x000009abcD`).
pub fn validate_sf_opportunity_id(value: &str) -> Result<(), String> {
    let n = value.chars().count();
    if !(n == 15 || n == 18) || !value.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(format!(
            "\"{}\" is not a Salesforce opportunity ID: use 15 or 18 letters and digits (for example 0064x000009abcD)",
            shorten(value)
        ));
    }
    Ok(())
}

/// Attio deal IDs: letters, digits, `-` and `_` (e.g. `deal-abc-123`), at most 128.
pub fn validate_attio_deal_id(value: &str) -> Result<(), String> {
    if value.is_empty()
        || value.chars().count() > MAX_ID_LEN
        || !value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(format!(
            "\"{}\" is not an Attio deal ID: use letters, digits, - and _ (for example deal-abc-123)",
            shorten(value)
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        for good in ["buyer@acme.com", "a.b+c@sub.acme.co.uk", "ü@bücher.de"] {
            assert!(validate_email(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "buyer",
            "buyer@",
            "@acme.com",
            "buyer@acme",
            "a b@acme.com",
            "a@@acme.com",
            "a@acme..com",
            ".a@acme.com",
            "a@-acme.com",
            "a@acme.com\n",
        ] {
            let err = validate_email(bad).unwrap_err();
            assert!(err.contains("email"), "{bad}: {err}");
        }
        assert!(validate_email(&format!("{}@acme.com", "a".repeat(300))).is_err());
    }

    #[test]
    fn crm_ids() {
        assert!(validate_hs_deal_id("12345678").is_ok());
        assert!(validate_hs_deal_id("1234a").is_err());
        assert!(validate_hs_deal_id("").is_err());
        assert!(validate_sf_opportunity_id("0064x000009abcD").is_ok());
        assert!(validate_sf_opportunity_id("0064x000009abcDEFG").is_ok());
        assert!(validate_sf_opportunity_id("0064x000009abc").is_err()); // 14
        assert!(validate_sf_opportunity_id("0064x000009abcDE").is_err()); // 16
        assert!(validate_sf_opportunity_id("0064x000009abc-").is_err());
        assert!(validate_attio_deal_id("deal-abc-123").is_ok());
        assert!(validate_attio_deal_id("deal abc").is_err());
        assert!(validate_attio_deal_id("").is_err());
    }

    #[test]
    fn ids() {
        assert!(validate_id("rm_01HZX3").is_ok());
        assert!(validate_id("draft:9f8e").is_ok());
        assert!(validate_id("").is_err());
        assert!(validate_id("../etc/passwd")
            .unwrap_err()
            .contains("not a valid ID"));
        assert!(validate_id("a b").is_err());
        assert!(validate_id(&"a".repeat(129)).is_err());
    }

    #[test]
    fn text_lengths_count_characters_not_bytes() {
        assert!(validate_text(&"é".repeat(200), 200, true).is_ok());
        assert!(validate_text(&"é".repeat(201), 200, true)
            .unwrap_err()
            .contains("201 characters"));
        assert!(validate_text("   ", 200, true)
            .unwrap_err()
            .contains("blank"));
        assert!(validate_text("", 2000, false).is_ok());
        assert!(validate_text("a\0b", 200, false).is_err());
    }

    #[test]
    fn errors_display_every_field() {
        let e = ValidationErrors {
            errors: vec![
                FieldError::new("title", "can't be blank"),
                FieldError::new("themeColor", "bad"),
            ],
        };
        assert_eq!(e.to_string(), "title: can't be blank; themeColor: bad");
        assert_eq!(e.for_field("themeColor"), Some("bad"));
        assert_eq!(e.for_field("navColor"), None);
    }
}
