//! Strict request bodies: the JSON is read as a plain value so that unknown properties,
//! nulls and wrong types are refused with NestJS/class-validator style messages, each
//! starting with the property name. Field rules are the model's (`RoomField::normalize`).

use crate::error::ApiError;
use axum::http::{header, HeaderMap, StatusCode};
use roomdesk_model::{RoomField, Rule, MAX_ID_LEN, MAX_TEXT};
use serde_json::{Map, Value};

/// Which request the body belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BodyKind {
    Create,
    Update,
}

/// Parses and validates a write body; returns the normalised fields (colors as
/// `#RRGGBB`, emails trimmed) or every problem at once.
pub(crate) fn parse_write_body(
    headers: &HeaderMap,
    bytes: &[u8],
    kind: BodyKind,
) -> Result<Map<String, Value>, ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !content_type
        .to_ascii_lowercase()
        .starts_with("application/json")
    {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "Content-Type must be application/json",
        ));
    }
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            format!("Unexpected token in JSON body: {e}"),
        )
    })?;
    let Value::Object(fields) = value else {
        return Err(ApiError::bad_request(vec![
            "body must be a JSON object".to_string()
        ]));
    };
    if kind == BodyKind::Update && fields.is_empty() {
        return Err(ApiError::bad_request(vec![
            "body must contain at least one property to update".to_string(),
        ]));
    }
    let mut problems = Vec::new();
    let mut out = Map::new();
    for (name, value) in fields {
        let field =
            RoomField::from_name(&name).filter(|f| kind == BodyKind::Create || f.updatable());
        let Some(field) = field else {
            problems.push(format!("property {name} should not exist"));
            continue;
        };
        match check_field(field, &value) {
            Ok(v) => {
                out.insert(name, v);
            }
            Err(m) => problems.push(m),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(ApiError::bad_request(problems))
    }
}

/// One property: its JSON type, then the model's rule, in the server's words.
fn check_field(field: RoomField, value: &Value) -> Result<Value, String> {
    let name = field.name();
    if field.spec().rule == Rule::Bool {
        return match value {
            Value::Bool(_) => Ok(value.clone()),
            _ => Err(format!("{name} must be a boolean value")),
        };
    }
    let Value::String(text) = value else {
        return Err(format!("{name} must be a string"));
    };
    field
        .normalize(text)
        .map(Value::String)
        .map_err(|_| rule_message(field, text))
}

/// The server's words for a value its rule (the catalogue's) refuses.
fn rule_message(field: RoomField, text: &str) -> String {
    let name = field.name();
    let spec = field.spec();
    match spec.rule {
        Rule::Text { required } => {
            let max = spec.max_len.map_or(MAX_TEXT, |n| n as usize);
            if required && text.trim().is_empty() {
                format!("{name} should not be empty")
            } else if text.chars().count() > max {
                format!("{name} must be shorter than or equal to {max} characters")
            } else {
                format!("{name} must not contain NUL characters")
            }
        }
        Rule::Id => {
            format!("{name} must be an ID of 1 to {MAX_ID_LEN} letters, digits, -, _, . or :")
        }
        Rule::Email => format!("{name} must be an email"),
        Rule::HubSpotDealId => format!("{name} must be a string of digits"),
        Rule::SalesforceOpportunityId => format!("{name} must be 15 or 18 letters and digits"),
        Rule::AttioDealId => format!("{name} must contain only letters, digits, - and _"),
        Rule::HexColor => format!("{name} must be a hex color"),
        Rule::NavColor => {
            format!("{name} must be a hex color, flow-org-color or target-company-color")
        }
        Rule::Bool => format!("{name} must be a boolean value"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn json_headers() -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_TYPE, "application/json".parse().unwrap());
        h
    }

    fn messages(body: Value, kind: BodyKind) -> Vec<String> {
        let err = parse_write_body(&json_headers(), body.to_string().as_bytes(), kind).unwrap_err();
        assert_eq!(err.status, StatusCode::BAD_REQUEST);
        serde_json::from_value(err.message).unwrap()
    }

    #[test]
    fn normalises_good_bodies() {
        let body = json!({"title": "Acme – Onboarding", "themeColor": "#f50",
                          "email": " buyer@acme.com ", "coverDisabled": true});
        let out = parse_write_body(
            &json_headers(),
            body.to_string().as_bytes(),
            BodyKind::Create,
        )
        .unwrap();
        assert_eq!(out["themeColor"], "#FF5500");
        assert_eq!(out["email"], "buyer@acme.com");
        assert_eq!(out["coverDisabled"], true);
    }

    #[test]
    fn every_rule_has_a_message_naming_the_field() {
        let cases = [
            (json!({"title": "  "}), "title should not be empty"),
            (
                json!({"title": "x".repeat(201)}),
                "title must be shorter than or equal to 200 characters",
            ),
            (
                json!({"coverTitle": "é".repeat(201)}),
                "coverTitle must be shorter than or equal to 200 characters",
            ),
            (
                json!({"description": "x".repeat(2001)}),
                "description must be shorter than or equal to 2000 characters",
            ),
            (
                json!({"coverDescription": "a\u{0}b"}),
                "coverDescription must not contain NUL characters",
            ),
            (
                json!({"themeColor": "red"}),
                "themeColor must be a hex color",
            ),
            (
                json!({"themeColor": "#FF550"}),
                "themeColor must be a hex color",
            ),
            (
                json!({"navColor": "blue"}),
                "navColor must be a hex color, flow-org-color or target-company-color",
            ),
            (json!({"email": "buyer@"}), "email must be an email"),
            (
                json!({"hsDealId": "12a"}),
                "hsDealId must be a string of digits",
            ),
            (
                json!({"sfOpportunityId": "123"}),
                "sfOpportunityId must be 15 or 18 letters and digits",
            ),
            (
                json!({"attioDealId": "deal abc"}),
                "attioDealId must contain only letters, digits, - and _",
            ),
            (
                json!({"companyId": "../x"}),
                "companyId must be an ID of 1 to 128 letters, digits, -, _, . or :",
            ),
            (json!({"title": 5}), "title must be a string"),
            (json!({"title": null}), "title must be a string"),
            (
                json!({"coverDisabled": "yes"}),
                "coverDisabled must be a boolean value",
            ),
            (json!({"foo": 1}), "property foo should not exist"),
        ];
        for (body, expected) in cases {
            assert_eq!(
                messages(body.clone(), BodyKind::Create),
                vec![expected],
                "{body}"
            );
        }
    }

    #[test]
    fn all_problems_at_once_and_update_only_takes_updatable_fields() {
        let m = messages(
            json!({"themeColor": "red", "title": "", "x": 1}),
            BodyKind::Create,
        );
        assert_eq!(m.len(), 3);
        let m = messages(
            json!({"templateId": "tpl_0001", "email": "a@b.co"}),
            BodyKind::Update,
        );
        assert_eq!(
            m,
            vec![
                "property email should not exist",
                "property templateId should not exist"
            ]
        );
        let m = messages(json!({}), BodyKind::Update);
        assert!(m[0].contains("at least one"));
        assert!(parse_write_body(&json_headers(), b"{}", BodyKind::Create).is_ok());
    }

    #[test]
    fn non_json_is_refused() {
        let e = parse_write_body(&json_headers(), b"{nope", BodyKind::Create).unwrap_err();
        assert_eq!(e.status, StatusCode::BAD_REQUEST);
        let e = parse_write_body(&json_headers(), b"[1]", BodyKind::Create).unwrap_err();
        assert_eq!(e.message, json!(["body must be a JSON object"]));
        let e = parse_write_body(&HeaderMap::new(), b"{}", BodyKind::Create).unwrap_err();
        assert!(e.message.as_str().unwrap().contains("Content-Type"));
    }
}
