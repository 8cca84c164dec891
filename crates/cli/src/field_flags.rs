//! The per-field flags of `rooms create` and `rooms update`, generated from the model's
//! field catalogue: one `--kebab-case` flag per field, its help from the catalogue's hint
//! (marked "create only" where an update does not accept the field). Adding a field to the
//! catalogue adds its flag.

use clap::{value_parser, Arg, ArgAction, ArgMatches, Args, Command, FromArgMatches};
use roomdesk_model::{FieldKind, FieldValue, RoomField};
use serde_json::{Map, Value};

/// The field flags given on the command line, in catalogue order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldArgs {
    pub given: Vec<(RoomField, FieldValue)>,
}

impl FieldArgs {
    /// The given fields by contract name, as JSON values.
    pub fn to_fields(&self) -> Map<String, Value> {
        self.given
            .iter()
            .map(|(field, value)| (field.name().to_string(), value.to_json()))
            .collect()
    }
}

/// `themeColor` -> `theme-color` (the flag), `THEME_COLOR` (its value's name).
fn words(name: &str) -> Vec<String> {
    let mut words = vec![String::new()];
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            words.push(String::new());
        }
        if let Some(last) = words.last_mut() {
            last.push(c.to_ascii_lowercase());
        }
    }
    words
}

fn flag(field: RoomField) -> Arg {
    let spec = field.spec();
    let words = words(field.name());
    let arg = Arg::new(field.name())
        .long(words.join("-"))
        .action(ArgAction::Set)
        .required(false);
    let arg = match spec.kind {
        FieldKind::Bool => arg
            .value_name("true|false")
            .value_parser(value_parser!(bool)),
        _ => arg
            .value_name(words.join("_").to_ascii_uppercase())
            .value_parser(value_parser!(String)),
    };
    match (spec.hint, spec.on_update) {
        (Some(hint), true) => arg.help(hint),
        (Some(hint), false) => arg.help(format!("{hint} (create only)")),
        (None, true) => arg,
        (None, false) => arg.help("(create only)"),
    }
}

impl Args for FieldArgs {
    fn augment_args(cmd: Command) -> Command {
        RoomField::ALL
            .into_iter()
            .fold(cmd, |cmd, f| cmd.arg(flag(f)))
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        Self::augment_args(cmd)
    }
}

impl FromArgMatches for FieldArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut given = Vec::new();
        for field in RoomField::ALL {
            let value = match field.spec().kind {
                FieldKind::Bool => matches
                    .get_one::<bool>(field.name())
                    .map(|b| FieldValue::Bool(*b)),
                _ => matches
                    .get_one::<String>(field.name())
                    .map(|s| FieldValue::Text(s.clone())),
            };
            if let Some(value) = value {
                given.push((field, value));
            }
        }
        Ok(FieldArgs { given })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_and_value_names_follow_the_contract_name() {
        assert_eq!(words("sfOpportunityId").join("-"), "sf-opportunity-id");
        assert_eq!(words("title").join("_").to_ascii_uppercase(), "TITLE");
        let f = flag(RoomField::HsDealId);
        assert_eq!(f.get_long(), Some("hs-deal-id"));
    }
}
