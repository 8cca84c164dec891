//! Colors kept on this computer for the designer's preview: the org brand color (what
//! `flow-org-color` shows) and a color per company (what `target-company-color` shows).
//! Only valid [`HexColor`]s go in; a stored value that no longer parses reads as unset.

use crate::error::Result;
use crate::Store;
use roomdesk_model::HexColor;
use rusqlite::{params, OptionalExtension};

const ORG_COLOR_KEY: &str = "org_color";

impl Store {
    /// The org brand color, if one is set.
    pub fn org_color(&self) -> Result<Option<HexColor>> {
        let text: Option<String> = self
            .conn
            .prepare_cached("SELECT value FROM app_settings WHERE key = ?1")?
            .query_row([ORG_COLOR_KEY], |r| r.get(0))
            .optional()?;
        Ok(text.and_then(|t| HexColor::parse(&t).ok()))
    }

    /// Sets the org brand color; `None` removes it.
    pub fn set_org_color(&self, color: Option<&HexColor>) -> Result<()> {
        match color {
            Some(c) => self
                .conn
                .prepare_cached(
                    "INSERT INTO app_settings (key, value) VALUES (?1, ?2)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                )?
                .execute(params![ORG_COLOR_KEY, c.as_str()])?,
            None => self
                .conn
                .prepare_cached("DELETE FROM app_settings WHERE key = ?1")?
                .execute([ORG_COLOR_KEY])?,
        };
        Ok(())
    }

    /// The color kept locally for a company, if any.
    pub fn company_color(&self, company_id: &str) -> Result<Option<HexColor>> {
        let text: Option<String> = self
            .conn
            .prepare_cached("SELECT color FROM company_colors WHERE company_id = ?1")?
            .query_row([company_id], |r| r.get(0))
            .optional()?;
        Ok(text.and_then(|t| HexColor::parse(&t).ok()))
    }

    /// Sets a company's local color; `None` removes it.
    pub fn set_company_color(&self, company_id: &str, color: Option<&HexColor>) -> Result<()> {
        match color {
            Some(c) => self
                .conn
                .prepare_cached(
                    "INSERT INTO company_colors (company_id, color) VALUES (?1, ?2)
                     ON CONFLICT (company_id) DO UPDATE SET color = excluded.color",
                )?
                .execute(params![company_id, c.as_str()])?,
            None => self
                .conn
                .prepare_cached("DELETE FROM company_colors WHERE company_id = ?1")?
                .execute([company_id])?,
        };
        Ok(())
    }
}
