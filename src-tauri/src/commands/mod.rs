//! The commands the UI invokes. Each is a one-line adapter: arguments in, one call to the
//! core service (or the app state for settings), errors out as `ErrorPayload`.

pub mod rooms;
pub mod settings;
pub mod workspace;
