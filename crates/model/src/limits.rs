//! Length limits from the contract (`docs/flowla-api.md`, "Validation").

/// Most string fields: at most this many characters (Unicode scalar values).
pub const MAX_TEXT: usize = 2_000;
/// `title` and `coverTitle`: at most this many characters.
pub const MAX_SHORT_TEXT: usize = 200;
/// Any identifier (room, template, company, status, label, user, CRM): at most this long.
pub const MAX_ID_LEN: usize = 128;
/// The largest page size the API accepts.
pub const MAX_LIMIT: u32 = 100;
