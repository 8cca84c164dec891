//! The lookup endpoints: bare arrays with their documented label fields, behind the key.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers outside #[test] fns

mod common;

use common::{call, start, Api};

#[tokio::test]
async fn lookups_are_bare_arrays() {
    let emu = start(0).await;
    let api = Api::new(&emu);
    for (path, label) in [
        ("statuses", "title"),
        ("companies", "name"),
        ("labels", "title"),
        ("users", "fullName"),
        ("templates", "title"),
    ] {
        let (status, body) = call(api.get(&format!("/api/v2/{path}"))).await;
        assert_eq!(status, 200);
        let items = body.as_array().unwrap();
        assert!(!items.is_empty());
        assert!(
            items
                .iter()
                .all(|i| i["id"].is_string() && i[label].is_string()),
            "{path}"
        );
    }
    for path in ["statuses", "companies", "labels", "users", "templates"] {
        let url = format!("{}/api/v2/{path}", emu.base_url());
        let (status, _) = call(api.http.get(url)).await;
        assert_eq!(status, 401, "{path} needs the key");
    }
    let (_, statuses) = call(api.get("/api/v2/statuses")).await;
    assert_eq!(
        statuses
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["defaultStatus"] == true)
            .count(),
        1
    );
}
