//! The Flowla rooms contract as Rust types, and the validation rules shared by the
//! client, the emulator, the local store and the UI.
//!
//! Nothing here does I/O. Every write type (`NewRoom`, `RoomPatch`) is validated with a
//! single call that reports **every** problem at once, each naming its field in the
//! contract's camelCase, in words a sales ops person understands.

mod catalogue;
mod color;
mod connection;
mod field;
mod field_value;
mod input;
mod limits;
mod lookup;
mod new_room;
mod order;
mod patch;
mod query;
mod room;
mod time;
mod validation;

pub use catalogue::{
    instruction_fields, returned_fields, write_only_fields, FieldGroup, FieldKind, FieldSpec, Rule,
    ALL_FIELDS, FIELD_CATALOGUE,
};
pub use color::{HexColor, NavColor, NAV_COMPANY_COLOR, NAV_ORG_COLOR};
pub use connection::{is_loopback_host, FLOWLA_BASE_URL, LOCAL_EMULATOR_URL, SANDBOX_API_KEY};
pub use field::RoomField;
pub use field_value::FieldValue;
pub use input::RoomInput;
pub use limits::{MAX_ID_LEN, MAX_LIMIT, MAX_SHORT_TEXT, MAX_TEXT};
pub use lookup::{Lookup, LookupKind};
pub use new_room::{CreateMode, NewRoom};
pub use order::{compare_rooms, sort_key, sort_rooms};
pub use patch::RoomPatch;
pub use query::{ListQuery, SortDirection, SortField};
pub use room::{Engagements, Room, Status};
pub use time::{format_timestamp, now_timestamp, parse_timestamp_millis};
pub use validation::{
    validate_attio_deal_id, validate_email, validate_hs_deal_id, validate_id,
    validate_sf_opportunity_id, FieldError, ValidationErrors,
};
