//! `roomdesk rooms list|get|create|update`.

use super::CliError;
use crate::args::{DirectionArg, FieldArgs, ListArgs, RoomsCommand, SortByArg, SourceArg};
use crate::output::Output;
use roomdesk_core::{RoomsService, Source};
use roomdesk_model::{ListQuery, NewRoom, RoomPatch, SortDirection, SortField};
use serde_json::Value;

pub async fn run(service: &RoomsService, cmd: RoomsCommand, out: &Output) -> Result<u8, CliError> {
    match cmd {
        RoomsCommand::List(args) => {
            let (query, search, source) = list_query(args);
            let page = service.list(source, query, search).await?;
            out.page(&page);
        }
        RoomsCommand::Get { id, source } => {
            let view = service.get(source_of(source), &id).await?;
            out.room(&view);
        }
        RoomsCommand::Create { fields, source } => {
            let body = new_room(&fields)?;
            let view = service.create(source_of(source), body).await?;
            out.room(&view);
        }
        RoomsCommand::Update { id, fields, source } => {
            let patch = room_patch(&fields)?;
            let view = service.update(source_of(source), &id, patch).await?;
            out.room(&view);
        }
    }
    Ok(0)
}

fn source_of(s: SourceArg) -> Source {
    match s {
        SourceArg::Remote => Source::Remote,
        SourceArg::Local => Source::Local,
    }
}

fn list_query(args: ListArgs) -> (ListQuery, Option<String>, Source) {
    let sort_by = match args.sort_by {
        SortByArg::CreatedAt => SortField::CreatedAt,
        SortByArg::UpdatedAt => SortField::UpdatedAt,
        SortByArg::TotalEngagements => SortField::TotalEngagements,
        SortByArg::LastEngagedAt => SortField::LastEngagedAt,
    };
    let sort_direction = match args.sort_direction {
        DirectionArg::Asc => SortDirection::Asc,
        DirectionArg::Desc => SortDirection::Desc,
    };
    let query = ListQuery {
        page: args.page,
        limit: args.limit,
        sort_by,
        sort_direction,
    };
    (query, args.search, source_of(args.source))
}

fn new_room(f: &FieldArgs) -> Result<NewRoom, CliError> {
    serde_json::from_value(Value::Object(f.to_fields()))
        .map_err(|e| CliError::Usage(format!("cannot build the room: {e}")))
}

/// The given fields as a patch; a create-only field is refused, naming it.
fn room_patch(f: &FieldArgs) -> Result<RoomPatch, CliError> {
    let mut patch = RoomPatch::default();
    for (field, value) in &f.given {
        patch
            .set(*field, value.clone())
            .map_err(|e| CliError::Core(e.into()))?;
    }
    Ok(patch)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::args::{Cli, Command};
    use clap::Parser;
    use roomdesk_model::{FieldKind, FieldValue, RoomField};

    fn fields_of(line: &[&str]) -> FieldArgs {
        let cli = Cli::try_parse_from(line).unwrap();
        match cli.command {
            Command::Rooms(RoomsCommand::Create { fields, .. })
            | Command::Rooms(RoomsCommand::Update { fields, .. }) => fields,
            other => panic!("not a create or an update: {other:?}"),
        }
    }

    #[test]
    fn flags_map_to_contract_fields() {
        let f = fields_of(&[
            "roomdesk",
            "rooms",
            "create",
            "--title",
            "Acme Corp – Onboarding",
            "--theme-color",
            "#FF5500",
            "--cover-disabled",
            "false",
        ]);
        let body = new_room(&f).unwrap();
        assert_eq!(body.title.as_deref(), Some("Acme Corp – Onboarding"));
        assert_eq!(body.cover_disabled, Some(false));
        let patch = room_patch(&f).unwrap();
        assert_eq!(patch.theme_color.as_deref(), Some("#FF5500"));
    }

    #[test]
    fn every_catalogue_field_has_a_flag_that_reaches_the_body() {
        for field in RoomField::ALL {
            let flag = field
                .spec()
                .name
                .name()
                .chars()
                .fold(String::from("--"), |mut s, c| {
                    if c.is_ascii_uppercase() {
                        s.push('-');
                    }
                    s.push(c.to_ascii_lowercase());
                    s
                });
            let (value, expected) = match field.spec().kind {
                FieldKind::Bool => ("true", FieldValue::Bool(true)),
                _ => ("some-value", FieldValue::Text("some-value".into())),
            };
            let f = fields_of(&["roomdesk", "rooms", "create", &flag, value]);
            assert_eq!(
                new_room(&f).unwrap().get(field),
                Some(expected.clone()),
                "{flag}"
            );
            let f = fields_of(&["roomdesk", "rooms", "update", "rm_1", &flag, value]);
            match room_patch(&f) {
                Ok(patch) => {
                    assert!(field.updatable(), "{flag}");
                    assert_eq!(patch.get(field), Some(expected));
                }
                Err(e) => {
                    assert!(!field.updatable(), "{flag}");
                    assert_eq!(e.payload().field.as_deref(), Some(field.name()));
                }
            }
        }
    }

    #[test]
    fn create_only_flags_are_refused_on_update_naming_the_field() {
        let f = fields_of(&["roomdesk", "rooms", "update", "rm_1", "--email", "a@b.co"]);
        let err = room_patch(&f).unwrap_err();
        assert_eq!(err.payload().field.as_deref(), Some("email"));
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn a_flag_that_is_not_true_or_false_is_a_usage_error() {
        assert!(
            Cli::try_parse_from(["roomdesk", "rooms", "create", "--cover-disabled", "yes"])
                .is_err()
        );
    }
}
