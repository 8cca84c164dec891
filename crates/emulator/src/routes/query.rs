//! The listing query, checked strictly: unknown parameters, non-integers, out-of-range
//! values and unknown sort names are `400`s.

use crate::error::ApiError;
use roomdesk_model::{ListQuery, SortDirection, SortField, MAX_LIMIT};

pub(crate) fn parse_list_query(pairs: &[(String, String)]) -> Result<ListQuery, ApiError> {
    let mut q = ListQuery::default();
    let mut problems = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (name, value) in pairs {
        if seen.contains(&name.as_str()) {
            problems.push(format!("{name} must be given only once"));
            continue;
        }
        seen.push(name);
        match name.as_str() {
            "page" => match integer(name, value) {
                Ok(n) if n < 1 => problems.push("page must not be less than 1".to_string()),
                Ok(n) => q.page = clamp_u32(n),
                Err(m) => problems.push(m),
            },
            "limit" => match integer(name, value) {
                Ok(n) if n < 1 => problems.push("limit must not be less than 1".to_string()),
                Ok(n) if n > i64::from(MAX_LIMIT) => {
                    problems.push(format!("limit must not be greater than {MAX_LIMIT}"))
                }
                Ok(n) => q.limit = clamp_u32(n),
                Err(m) => problems.push(m),
            },
            "sortBy" => match SortField::ALL.into_iter().find(|f| f.as_str() == value) {
                Some(f) => q.sort_by = f,
                None => problems.push(
                    "sortBy must be one of the following values: createdAt, updatedAt, totalEngagements, lastEngagedAt"
                        .to_string(),
                ),
            },
            "sortDirection" => match value.as_str() {
                "ASC" => q.sort_direction = SortDirection::Asc,
                "DESC" => q.sort_direction = SortDirection::Desc,
                _ => problems.push(
                    "sortDirection must be one of the following values: ASC, DESC".to_string(),
                ),
            },
            _ => problems.push(format!("property {name} should not exist")),
        }
    }
    if problems.is_empty() {
        Ok(q)
    } else {
        Err(ApiError::bad_request(problems))
    }
}

fn integer(name: &str, value: &str) -> Result<i64, String> {
    let digits = value.strip_prefix('-').unwrap_or(value);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("{name} must be an integer number"));
    }
    // Absurdly long numbers saturate (and then fail the range checks).
    Ok(value.parse::<i64>().unwrap_or(if value.starts_with('-') {
        i64::MIN
    } else {
        i64::MAX
    }))
}

fn clamp_u32(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    fn problems(items: &[(&str, &str)]) -> Vec<String> {
        let e = parse_list_query(&pairs(items)).unwrap_err();
        serde_json::from_value::<Vec<String>>(e.message).unwrap()
    }

    #[test]
    fn defaults_and_good_values() {
        assert_eq!(parse_list_query(&[]).unwrap(), ListQuery::default());
        let q = parse_list_query(&pairs(&[
            ("page", "3"),
            ("limit", "100"),
            ("sortBy", "lastEngagedAt"),
            ("sortDirection", "ASC"),
        ]))
        .unwrap();
        assert_eq!((q.page, q.limit), (3, 100));
        assert_eq!(q.sort_by, SortField::LastEngagedAt);
        assert_eq!(q.sort_direction, SortDirection::Asc);
    }

    #[test]
    fn bad_values_are_named() {
        assert_eq!(
            problems(&[("limit", "101")]),
            ["limit must not be greater than 100"]
        );
        assert_eq!(
            problems(&[("limit", "0")]),
            ["limit must not be less than 1"]
        );
        assert_eq!(problems(&[("page", "0")]), ["page must not be less than 1"]);
        assert_eq!(
            problems(&[("page", "-2")]),
            ["page must not be less than 1"]
        );
        assert_eq!(
            problems(&[("page", "1.5")]),
            ["page must be an integer number"]
        );
        assert_eq!(
            problems(&[("limit", "")]),
            ["limit must be an integer number"]
        );
        assert!(problems(&[("sortBy", "title")])[0].starts_with("sortBy must be one of"));
        assert!(problems(&[("sortDirection", "asc")])[0].starts_with("sortDirection must be"));
        assert_eq!(problems(&[("q", "x")]), ["property q should not exist"]);
        assert_eq!(
            problems(&[("page", "1"), ("page", "2")]),
            ["page must be given only once"]
        );
        assert_eq!(
            problems(&[("limit", "99999999999999999999999")]),
            ["limit must not be greater than 100"]
        );
        let e = parse_list_query(&pairs(&[("page", "0"), ("limit", "500")])).unwrap_err();
        assert!(matches!(e.message, Value::Array(ref a) if a.len() == 2));
    }
}
