//! `roomdesk rooms list|get|create|update`.

use super::CliError;
use crate::args::{DirectionArg, FieldArgs, ListArgs, RoomsCommand, SortByArg, SourceArg};
use crate::output::Output;
use roomdesk_core::{RoomsService, Source};
use roomdesk_model::{
    ListQuery, NewRoom, RoomField, RoomPatch, SortDirection, SortField, ValidationErrors,
};
use serde_json::{Map, Value};

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

/// The flags that were given, by contract field name.
fn given_fields(f: &FieldArgs) -> Map<String, Value> {
    let text = [
        (RoomField::Title, &f.title),
        (RoomField::Description, &f.description),
        (RoomField::TemplateId, &f.template_id),
        (RoomField::DuplicateFromId, &f.duplicate_from_id),
        (RoomField::CompanyId, &f.company_id),
        (RoomField::StatusId, &f.status_id),
        (RoomField::LabelId, &f.label_id),
        (RoomField::UserId, &f.user_id),
        (RoomField::Email, &f.email),
        (RoomField::HsDealId, &f.hs_deal_id),
        (RoomField::SfOpportunityId, &f.sf_opportunity_id),
        (RoomField::AttioDealId, &f.attio_deal_id),
        (RoomField::CoverTitle, &f.cover_title),
        (RoomField::CoverDescription, &f.cover_description),
        (RoomField::ThemeColor, &f.theme_color),
        (RoomField::NavColor, &f.nav_color),
    ];
    let mut map: Map<String, Value> = text
        .into_iter()
        .filter_map(|(field, v)| {
            v.as_ref()
                .map(|s| (field.name().to_string(), Value::String(s.clone())))
        })
        .collect();
    if let Some(b) = f.cover_disabled {
        map.insert(RoomField::CoverDisabled.name().to_string(), Value::Bool(b));
    }
    map
}

fn new_room(f: &FieldArgs) -> Result<NewRoom, CliError> {
    serde_json::from_value(Value::Object(given_fields(f)))
        .map_err(|e| CliError::Usage(format!("cannot build the room: {e}")))
}

fn room_patch(f: &FieldArgs) -> Result<RoomPatch, CliError> {
    let fields = given_fields(f);
    let create_only: Vec<ValidationErrors> = fields
        .keys()
        .filter_map(|k| RoomField::from_name(k))
        .filter(|field| !field.updatable())
        .map(|field| {
            ValidationErrors::single(
                field.name(),
                "can only be set when creating a room, not in an update",
            )
        })
        .collect();
    if let Some(first) = create_only.into_iter().next() {
        return Err(CliError::Core(first.into()));
    }
    RoomPatch::from_fields(fields).map_err(|e| CliError::Core(e.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_map_to_contract_fields() {
        let f = FieldArgs {
            title: Some("Acme Corp – Onboarding".into()),
            theme_color: Some("#FF5500".into()),
            cover_disabled: Some(false),
            ..Default::default()
        };
        let body = new_room(&f).unwrap();
        assert_eq!(body.title.as_deref(), Some("Acme Corp – Onboarding"));
        assert_eq!(body.cover_disabled, Some(false));
        let patch = room_patch(&f).unwrap();
        assert_eq!(patch.theme_color.as_deref(), Some("#FF5500"));
    }

    #[test]
    fn create_only_flags_are_refused_on_update_naming_the_field() {
        let f = FieldArgs {
            email: Some("a@b.co".into()),
            ..Default::default()
        };
        let err = room_patch(&f).unwrap_err();
        assert_eq!(err.payload().field.as_deref(), Some("email"));
        assert_eq!(err.exit_code(), 2);
    }
}
