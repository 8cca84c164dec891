//! Named brand palettes kept on this computer: created, renamed and deleted here, checked
//! with the model's rules for the room fields they set (so a palette always applies
//! cleanly), stored normalised. Applying one is an ordinary room edit (`palette_patch`).

use crate::error::{CoreError, Result};
use crate::service::RoomsService;
use roomdesk_model::{RoomPatch, ValidationErrors};
use roomdesk_store::{Palette, PaletteWrite};

/// The field a palette name's errors carry.
pub const PALETTE_NAME_FIELD: &str = "paletteName";

/// The longest palette name, in characters.
pub const PALETTE_NAME_MAX: usize = 40;

fn invalid(field: &str, message: impl Into<String>) -> CoreError {
    CoreError::Validation(ValidationErrors::single(field, message))
}

/// A name as typed: trimmed, not empty, not too long, no control characters.
fn read_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(invalid(PALETTE_NAME_FIELD, "give the palette a name"));
    }
    if name.chars().count() > PALETTE_NAME_MAX {
        return Err(invalid(
            PALETTE_NAME_FIELD,
            format!("a palette name has at most {PALETTE_NAME_MAX} characters"),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(invalid(
            PALETTE_NAME_FIELD,
            "a palette name cannot contain line breaks or other control characters",
        ));
    }
    Ok(name.to_string())
}

fn blank_is_none(v: Option<String>) -> Option<String> {
    v.filter(|t| !t.trim().is_empty())
}

/// The room edit a palette makes: its colors, and the cover fields it sets.
pub fn palette_patch(p: &Palette) -> RoomPatch {
    RoomPatch {
        theme_color: Some(p.theme_color.clone()),
        nav_color: Some(p.nav_color.clone()),
        cover_title: p.cover_title.clone(),
        cover_description: p.cover_description.clone(),
        cover_disabled: p.cover_disabled,
        ..Default::default()
    }
}

/// Checks a palette as the user typed it (every problem at once, by field) and returns
/// it normalised: colors `#RRGGBB` or a navigation keyword, blank cover texts unset.
fn checked(p: Palette) -> Result<Palette> {
    let name = read_name(&p.name);
    let p = Palette {
        cover_title: blank_is_none(p.cover_title),
        cover_description: blank_is_none(p.cover_description),
        ..p
    };
    let patch = palette_patch(&p).validate();
    match (name, patch) {
        (Ok(name), Ok(n)) => Ok(Palette {
            name,
            theme_color: n.theme_color.unwrap_or(p.theme_color),
            nav_color: n.nav_color.unwrap_or(p.nav_color),
            cover_title: n.cover_title,
            cover_description: n.cover_description,
            cover_disabled: n.cover_disabled,
        }),
        (Err(CoreError::Validation(mut all)), Err(more)) => {
            all.errors.extend(more.errors);
            Err(CoreError::Validation(all))
        }
        (Err(e), _) => Err(e),
        (Ok(_), Err(e)) => Err(CoreError::Validation(e)),
    }
}

fn not_found(name: &str) -> CoreError {
    CoreError::NotFound {
        what: "palette",
        id: name.to_string(),
    }
}

fn name_taken(name: &str) -> CoreError {
    invalid(
        PALETTE_NAME_FIELD,
        format!("a palette named \"{name}\" already exists: pick another name"),
    )
}

impl RoomsService {
    /// Every palette, the starting ones first.
    pub fn palettes(&self) -> Result<Vec<Palette>> {
        self.store().read_now(|s| s.palettes())
    }

    /// Adds a palette (checked, normalised); a name already used (any case) is refused.
    pub fn create_palette(&self, palette: Palette) -> Result<Palette> {
        let palette = checked(palette)?;
        match self.store().with(|s| s.insert_palette(&palette))? {
            PaletteWrite::Done => Ok(palette),
            PaletteWrite::NameTaken => Err(name_taken(&palette.name)),
            PaletteWrite::NotFound => Err(not_found(&palette.name)),
        }
    }

    /// Renames a palette; answers it under its new name.
    pub fn rename_palette(&self, name: &str, new_name: &str) -> Result<Palette> {
        let new_name = read_name(new_name)?;
        match self.store().with(|s| s.rename_palette(name, &new_name))? {
            PaletteWrite::Done => self
                .store()
                .with(|s| s.palette(&new_name))?
                .ok_or_else(|| not_found(&new_name)),
            PaletteWrite::NameTaken => Err(name_taken(&new_name)),
            PaletteWrite::NotFound => Err(not_found(name)),
        }
    }

    /// Deletes a palette (rooms it was applied to keep their look).
    pub fn delete_palette(&self, name: &str) -> Result<()> {
        match self.store().with(|s| s.delete_palette(name))? {
            PaletteWrite::Done => Ok(()),
            _ => Err(not_found(name)),
        }
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

    fn typed(name: &str, theme: &str, nav: &str) -> Palette {
        Palette {
            name: name.into(),
            theme_color: theme.into(),
            nav_color: nav.into(),
            cover_title: Some("  ".into()),
            cover_description: None,
            cover_disabled: None,
        }
    }

    #[test]
    fn a_palette_is_kept_normalised_renamed_and_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let s = service(dir.path());
        let made = s
            .create_palette(typed("  Acme blue ", "#0af", "#123abc"))
            .unwrap();
        assert_eq!(made.name, "Acme blue");
        assert_eq!(made.theme_color, "#00AAFF");
        assert_eq!(made.nav_color, "#123ABC");
        assert_eq!(
            made.cover_title, None,
            "a blank cover title leaves the room's"
        );
        assert_eq!(s.palettes().unwrap().last(), Some(&made));
        let renamed = s.rename_palette("acme BLUE", "Acme navy").unwrap();
        assert_eq!(renamed.name, "Acme navy");
        assert_eq!(renamed.theme_color, "#00AAFF");
        s.delete_palette("Acme navy").unwrap();
        assert!(s.palettes().unwrap().iter().all(|p| p.name != "Acme navy"));
        let err = s.delete_palette("Acme navy").unwrap_err();
        assert_eq!(err.code(), "not_found");
        assert!(err.to_string().contains("palette Acme navy"), "{err}");
    }

    #[test]
    fn bad_palettes_are_refused_with_every_problem_and_nothing_is_stored() {
        let dir = tempfile::tempdir().unwrap();
        let s = service(dir.path());
        let before = s.palettes().unwrap();
        let err = s.create_palette(typed(" ", "blue", "#12")).unwrap_err();
        assert_eq!(err.code(), "validation");
        let CoreError::Validation(all) = &err else {
            panic!("{err}")
        };
        assert_eq!(
            all.for_field(PALETTE_NAME_FIELD),
            Some("give the palette a name")
        );
        assert!(all.for_field("themeColor").unwrap().contains("hex"));
        assert!(all.for_field("navColor").is_some());
        let err = s
            .create_palette(typed("ocean", "#000", "flow-org-color"))
            .unwrap_err();
        assert_eq!(err.field().as_deref(), Some(PALETTE_NAME_FIELD));
        assert!(err.to_string().contains("already exists"), "{err}");
        let err = s.rename_palette("Ocean", "FOREST").unwrap_err();
        assert!(err.to_string().contains("already exists"), "{err}");
        let long = "x".repeat(PALETTE_NAME_MAX + 1);
        let err = s.rename_palette("Ocean", &long).unwrap_err();
        assert!(err.to_string().contains("at most"), "{err}");
        let err = s.rename_palette("Nope", "Other").unwrap_err();
        assert_eq!(err.code(), "not_found");
        assert_eq!(s.palettes().unwrap(), before);
    }

    #[test]
    fn a_palette_becomes_an_edit_of_its_colors_and_the_cover_fields_it_sets() {
        let p = Palette {
            name: "P".into(),
            theme_color: "#111111".into(),
            nav_color: "target-company-color".into(),
            cover_title: None,
            cover_description: Some("Hello".into()),
            cover_disabled: Some(true),
        };
        let fields = palette_patch(&p).to_fields();
        let names: Vec<&str> = fields.keys().map(String::as_str).collect();
        assert_eq!(
            names.len(),
            4,
            "theme, nav, cover description and disabled: {names:?}"
        );
        assert!(!fields.contains_key("coverTitle"));
    }
}
