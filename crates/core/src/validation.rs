//! Checking input before it is sent: the editor asks as the user types, so the rules are
//! written once (in the model) and the UI shows the core's own words.

use roomdesk_model::{FieldError, RoomInput};

/// Every problem `input` would be refused for by `RoomsService::create` (a new room) or
/// `RoomsService::update` (a patch), each naming its field in the contract's camelCase;
/// empty when the write would be accepted. Pure: nothing is stored or sent.
pub fn validate_room_input(input: &RoomInput) -> Vec<FieldError> {
    input.problems()
}
