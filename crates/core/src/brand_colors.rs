//! The org brand color and per-company colors kept on this computer, which the designer's
//! preview shows for `flow-org-color` and `target-company-color`. Checked with the model's
//! color rules; stored normalised (`#RRGGBB`); never sent to Flowla.

use crate::error::{CoreError, Result};
use crate::service::RoomsService;
use roomdesk_model::{validate_id, HexColor, ValidationErrors};

/// Field names the errors carry, so the UI shows them beside the right input.
pub const ORG_COLOR_FIELD: &str = "orgColor";
pub const COMPANY_COLOR_FIELD: &str = "companyColor";

/// Reads a color as typed: blank (or none) means "remove", anything else must be a hex.
fn read_color(field: &str, color: Option<&str>) -> Result<Option<HexColor>> {
    match color.map(str::trim).filter(|c| !c.is_empty()) {
        None => Ok(None),
        Some(text) => HexColor::parse(text)
            .map(Some)
            .map_err(|m| CoreError::Validation(ValidationErrors::single(field, m))),
    }
}

fn check_company_id(id: &str) -> Result<()> {
    validate_id(id).map_err(|m| CoreError::Validation(ValidationErrors::single("companyId", m)))
}

impl RoomsService {
    /// The org brand color (`#RRGGBB`), if set.
    pub fn org_color(&self) -> Result<Option<String>> {
        let color = self.store().with(|s| s.org_color())?;
        Ok(color.map(String::from))
    }

    /// Sets the org brand color (`#RGB` or `#RRGGBB`); blank or `None` removes it.
    /// Answers the stored, normalised value.
    pub fn set_org_color(&self, color: Option<&str>) -> Result<Option<String>> {
        let color = read_color(ORG_COLOR_FIELD, color)?;
        self.store().with(|s| s.set_org_color(color.as_ref()))?;
        Ok(color.map(String::from))
    }

    /// The color kept locally for a company, if any.
    pub fn company_color(&self, company_id: &str) -> Result<Option<String>> {
        check_company_id(company_id)?;
        let color = self.store().with(|s| s.company_color(company_id))?;
        Ok(color.map(String::from))
    }

    /// Sets a company's local color; blank or `None` removes it. Answers the stored value.
    pub fn set_company_color(
        &self,
        company_id: &str,
        color: Option<&str>,
    ) -> Result<Option<String>> {
        check_company_id(company_id)?;
        let color = read_color(COMPANY_COLOR_FIELD, color)?;
        self.store()
            .with(|s| s.set_company_color(company_id, color.as_ref()))?;
        Ok(color.map(String::from))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::ServiceOptions;

    fn service(dir: &std::path::Path) -> RoomsService {
        RoomsService::open(ServiceOptions {
            data_dir: dir.to_path_buf(),
            remote: None,
            server: None,
        })
        .unwrap()
    }

    #[test]
    fn colors_are_normalised_kept_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        {
            let s = service(dir.path());
            assert_eq!(s.org_color().unwrap(), None);
            assert_eq!(
                s.set_org_color(Some(" #0a0 ")).unwrap().as_deref(),
                Some("#00AA00")
            );
            assert_eq!(
                s.set_company_color("co_1", Some("#abcdef"))
                    .unwrap()
                    .as_deref(),
                Some("#ABCDEF")
            );
        }
        let s = service(dir.path());
        assert_eq!(s.org_color().unwrap().as_deref(), Some("#00AA00"));
        assert_eq!(s.company_color("co_1").unwrap().as_deref(), Some("#ABCDEF"));
        assert_eq!(s.company_color("co_2").unwrap(), None);
        assert_eq!(s.set_org_color(Some("")).unwrap(), None);
        assert_eq!(s.org_color().unwrap(), None);
        assert_eq!(s.set_company_color("co_1", None).unwrap(), None);
        assert_eq!(s.company_color("co_1").unwrap(), None);
    }

    #[test]
    fn a_bad_color_is_refused_with_the_model_message_and_nothing_changes() {
        let dir = tempfile::tempdir().unwrap();
        let s = service(dir.path());
        s.set_org_color(Some("#123456")).unwrap();
        let err = s.set_org_color(Some("#12345")).unwrap_err();
        assert_eq!(err.code(), "validation");
        assert_eq!(err.field().as_deref(), Some(ORG_COLOR_FIELD));
        assert!(err.to_string().contains("hex"), "{err}");
        assert_eq!(s.org_color().unwrap().as_deref(), Some("#123456"));
        let err = s.set_company_color("co_1", Some("red")).unwrap_err();
        assert_eq!(err.field().as_deref(), Some(COMPANY_COLOR_FIELD));
        assert_eq!(s.company_color("co_1").unwrap(), None);
        let err = s.set_company_color("", Some("#000")).unwrap_err();
        assert_eq!(err.field().as_deref(), Some("companyId"));
    }
}
