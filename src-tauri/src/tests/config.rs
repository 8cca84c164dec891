//! The locked-down parts of `tauri.conf.json` stay locked down.

use serde_json::Value;

fn config() -> Value {
    serde_json::from_str(include_str!("../../tauri.conf.json")).unwrap()
}

#[test]
fn release_csp_allows_only_our_own_code_and_the_ipc() {
    let c = config();
    let csp = &c["app"]["security"]["csp"];
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'", "no inline or remote scripts");
    assert_eq!(
        csp["connect-src"], "ipc: http://ipc.localhost",
        "the webview talks to nothing but the IPC"
    );
    assert_eq!(csp["object-src"], "'none'");
    assert_eq!(csp["frame-ancestors"], "'none'");
    for (directive, value) in csp.as_object().unwrap() {
        let value = value.as_str().unwrap();
        assert!(
            !value.contains("http://") || directive == "connect-src",
            "{directive}: {value}"
        );
        assert!(
            !value.contains("https:") && !value.contains('*'),
            "{directive}: {value}"
        );
    }
}

#[test]
fn the_webview_gets_no_global_api_and_a_frozen_prototype() {
    let c = config();
    assert_eq!(c["app"]["withGlobalTauri"], false);
    assert_eq!(c["app"]["security"]["freezePrototype"], true);
    assert_eq!(
        c["app"]["security"]["capabilities"],
        serde_json::json!(["main-window"])
    );
    assert!(c
        .get("plugins")
        .is_none_or(|p| p.as_object().is_none_or(|o| o.is_empty())));
    let window = &c["app"]["windows"][0];
    assert_eq!(window["label"], "main");
    assert_eq!(window["title"], "Roomdesk");
    assert_eq!(c["identifier"], "com.roomdesk.app");
    assert_eq!(c["build"]["frontendDist"], "../ui/dist");
}
