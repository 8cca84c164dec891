//! `roomdesk outbox`, `outbox resolve <room-id> <field> mine|theirs`, `outbox discard <id>`,
//! and for a draft that may have become one of several look-alike rooms `outbox adopt
//! <draft-id> <room-id>` / `outbox create-again <draft-id>`.

use super::CliError;
use crate::args::{ChoiceArg, OutboxCommand};
use crate::output::Output;
use roomdesk_core::{Resolution, RoomChange, RoomsService};
use roomdesk_model::RoomField;

/// Accepts the contract name (`themeColor`) or the flag spelling (`theme-color`).
pub fn parse_field(name: &str) -> Result<RoomField, CliError> {
    let camel: String = {
        let mut out = String::new();
        let mut upper = false;
        for c in name.chars() {
            if c == '-' || c == '_' {
                upper = true;
            } else if upper {
                out.extend(c.to_uppercase());
                upper = false;
            } else {
                out.push(c);
            }
        }
        out
    };
    RoomField::from_name(&camel).ok_or_else(|| {
        CliError::Usage(format!(
            "\"{name}\" is not a room field (e.g. title, theme-color)"
        ))
    })
}

pub async fn run(
    service: &RoomsService,
    action: Option<OutboxCommand>,
    out: &Output,
) -> Result<u8, CliError> {
    match action {
        None => {
            let entries = service.outbox()?;
            let conflicts = service.conflicts()?;
            out.outbox(&entries, &conflicts);
        }
        Some(OutboxCommand::Discard { id }) => {
            let (what, line) = match service.discard_local_changes(&id)? {
                RoomChange::DraftDiscarded => ("draft", format!("draft {id} discarded")),
                RoomChange::EditsDiscarded(_) => (
                    "edits",
                    format!("pending edits of room {id} discarded: it shows the server's version"),
                ),
            };
            out.line(&line);
            if out.json {
                println!("{}", serde_json::json!({"discarded": id, "what": what}));
            }
        }
        Some(OutboxCommand::Adopt { draft_id, room_id }) => {
            let view = service.adopt_room(&draft_id, &room_id).await?;
            out.line(&format!(
                "draft {draft_id} is room {room_id}{}",
                if view.pending_fields.is_empty() {
                    String::new()
                } else {
                    format!(
                        "; the draft's {} go out as an edit on the next sync",
                        view.pending_fields
                            .iter()
                            .map(|f| f.name())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                }
            ));
            if out.json {
                println!(
                    "{}",
                    serde_json::json!({"draftId": draft_id, "roomId": view.room.id,
                        "state": view.state, "pendingFields": view.pending_fields})
                );
            }
        }
        Some(OutboxCommand::CreateAgain { draft_id }) => {
            let view = service.create_again(&draft_id).await?;
            if view.room.id == draft_id {
                out.line(&format!("draft {draft_id} is sent anew on the next sync"));
            } else {
                out.line(&format!(
                    "draft {draft_id} created again as room {}",
                    view.room.id
                ));
            }
            if out.json {
                println!(
                    "{}",
                    serde_json::json!({"draftId": draft_id, "roomId": view.room.id,
                        "state": view.state, "pendingFields": view.pending_fields})
                );
            }
        }
        Some(OutboxCommand::Resolve {
            room_id,
            field,
            choice,
        }) => {
            let field = parse_field(&field)?;
            let resolution = match choice {
                ChoiceArg::Mine => Resolution::KeepMine,
                ChoiceArg::Theirs => Resolution::TakeTheirs,
            };
            service.resolve(&room_id, field, resolution)?;
            out.line(&format!(
                "{field} of {room_id}: {}",
                match resolution {
                    Resolution::KeepMine => "your value will be sent on the next sync",
                    Resolution::TakeTheirs => "the server's value is kept, your edit dropped",
                }
            ));
            if out.json {
                println!(
                    "{}",
                    serde_json::json!({"roomId": room_id, "field": field, "resolution": resolution})
                );
            }
        }
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_parse_in_both_spellings() {
        assert_eq!(parse_field("theme-color").unwrap(), RoomField::ThemeColor);
        assert_eq!(parse_field("themeColor").unwrap(), RoomField::ThemeColor);
        assert_eq!(parse_field("title").unwrap(), RoomField::Title);
        assert!(parse_field("colour").is_err());
    }
}
