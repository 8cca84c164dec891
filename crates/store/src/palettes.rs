//! Named brand palettes (migration 0010): a theme color, a navigation color or mode and
//! cover defaults, applied to rooms as ordinary edits. The store keeps what it is given;
//! the core checks names and colors (the model's rules) before anything is written.

use crate::error::Result;
use crate::Store;
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One palette. `None` cover fields leave a room's own value as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Palette {
    pub name: String,
    /// `#RRGGBB`.
    pub theme_color: String,
    /// `#RRGGBB`, `flow-org-color` or `target-company-color`.
    pub nav_color: String,
    #[serde(default)]
    pub cover_title: Option<String>,
    #[serde(default)]
    pub cover_description: Option<String>,
    #[serde(default)]
    pub cover_disabled: Option<bool>,
}

/// How a palette write ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaletteWrite {
    Done,
    /// No palette has the name asked for.
    NotFound,
    /// Another palette already has the new name (names are compared ignoring case).
    NameTaken,
}

const COLUMNS: &str =
    "name, theme_color, nav_color, cover_title, cover_description, cover_disabled";

fn palette(r: &Row<'_>) -> rusqlite::Result<Palette> {
    Ok(Palette {
        name: r.get(0)?,
        theme_color: r.get(1)?,
        nav_color: r.get(2)?,
        cover_title: r.get(3)?,
        cover_description: r.get(4)?,
        cover_disabled: r.get(5)?,
    })
}

impl Store {
    /// Every palette, in the order they were made (the starting ones first).
    pub fn palettes(&self) -> Result<Vec<Palette>> {
        let sql = format!("SELECT {COLUMNS} FROM brand_palettes ORDER BY position, name");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], palette)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The palette named `name` (any case).
    pub fn palette(&self, name: &str) -> Result<Option<Palette>> {
        let sql = format!("SELECT {COLUMNS} FROM brand_palettes WHERE name = ?1");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row([name], palette)
            .optional()?)
    }

    /// Adds a palette after the others; `NameTaken` (nothing written) when its name is.
    pub fn insert_palette(&self, p: &Palette) -> Result<PaletteWrite> {
        let added = self
            .conn
            .prepare_cached(
                "INSERT INTO brand_palettes
                 (name, theme_color, nav_color, cover_title, cover_description, cover_disabled, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6,
                         (SELECT COALESCE(MAX(position), 0) + 1 FROM brand_palettes))
                 ON CONFLICT (name) DO NOTHING",
            )?
            .execute(params![
                p.name,
                p.theme_color,
                p.nav_color,
                p.cover_title,
                p.cover_description,
                p.cover_disabled
            ])?;
        Ok(if added == 1 {
            PaletteWrite::Done
        } else {
            PaletteWrite::NameTaken
        })
    }

    /// Renames a palette (keeping its place). Changing only the case of a name is allowed.
    pub fn rename_palette(&self, from: &str, to: &str) -> Result<PaletteWrite> {
        let tx = self.write_tx_keeping_order()?;
        let exists: Option<String> = tx
            .prepare_cached("SELECT name FROM brand_palettes WHERE name = ?1")?
            .query_row([from], |r| r.get(0))
            .optional()?;
        let Some(current) = exists else {
            return Ok(PaletteWrite::NotFound);
        };
        let taken: Option<String> = tx
            .prepare_cached("SELECT name FROM brand_palettes WHERE name = ?1")?
            .query_row([to], |r| r.get(0))
            .optional()?;
        if taken.is_some_and(|t| t != current) {
            return Ok(PaletteWrite::NameTaken);
        }
        tx.prepare_cached("UPDATE brand_palettes SET name = ?2 WHERE name = ?1")?
            .execute(params![current, to])?;
        tx.commit()?;
        Ok(PaletteWrite::Done)
    }

    /// Removes a palette; `NotFound` when there is none of that name.
    pub fn delete_palette(&self, name: &str) -> Result<PaletteWrite> {
        let removed = self
            .conn
            .prepare_cached("DELETE FROM brand_palettes WHERE name = ?1")?
            .execute([name])?;
        Ok(if removed == 1 {
            PaletteWrite::Done
        } else {
            PaletteWrite::NotFound
        })
    }
}
