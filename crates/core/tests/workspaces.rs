//! One workspace per server, bound to it: a store never talks to another server, and the
//! databases of older layouts are moved into their workspace with nothing lost.

#![allow(clippy::unwrap_used)] // test fixtures panic on setup failure, as tests should

use roomdesk_core::{
    workspace_name, Connection, DataDir, RoomsService, Server, ServiceOptions, Source,
};
use roomdesk_model::{ListQuery, NewRoom, LOCAL_EMULATOR_URL};
use std::path::Path;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn draft(service: &RoomsService, title: &str) -> String {
    let body = NewRoom {
        title: Some(title.into()),
        ..NewRoom::default()
    };
    runtime()
        .block_on(service.create(Source::Local, body))
        .unwrap()
        .room
        .id
}

fn local_titles(service: &RoomsService) -> Vec<String> {
    let page = runtime()
        .block_on(service.list(Source::Local, ListQuery::default(), None))
        .unwrap();
    page.rooms.into_iter().map(|v| v.room.title).collect()
}

/// A store as an older Roomdesk left it: one draft, at `dir`.
fn older_store(dir: &Path, title: &str) {
    let service = RoomsService::open(ServiceOptions {
        data_dir: dir.to_path_buf(),
        remote: None,
        server: None,
    })
    .unwrap();
    draft(&service, title);
}

#[test]
fn each_server_has_its_own_workspace_and_one_spelling_of_it() {
    let data = DataDir::at("/data");
    let flowla = Server::api("https://api.flowla.com").unwrap();
    assert_eq!(Server::api(" HTTPS://API.flowla.com/ ").unwrap(), flowla);
    let local = Server::api("http://127.0.0.1:7878").unwrap();
    let dirs = [
        data.workspace_dir(&Server::Sandbox),
        data.workspace_dir(&flowla),
        data.workspace_dir(&local),
        data.workspace_dir(&Server::api("http://127.0.0.1:7879").unwrap()),
        data.workspace_dir(&Server::api("https://proxy.example/a_b").unwrap()),
        data.workspace_dir(&Server::api("https://proxy.example/a/b").unwrap()),
    ];
    for (i, a) in dirs.iter().enumerate() {
        assert!(a.starts_with("/data/workspaces"), "{}", a.display());
        for b in &dirs[i + 1..] {
            assert_ne!(a, b);
        }
    }
    assert_eq!(workspace_name(&Server::Sandbox), "sandbox");
    assert!(workspace_name(&flowla).starts_with("https_api.flowla.com-"));
    assert!(
        Server::api("http://api.flowla.com").is_err(),
        "http off loopback"
    );
}

#[test]
fn a_workspace_bound_to_one_server_refuses_another_and_keeps_its_local_work() {
    let dir = tempfile::tempdir().unwrap();
    let a = Connection::api("http://127.0.0.1:9").unwrap();
    let service = a.open(&DataDir::at(dir.path()), Some("k".into())).unwrap();
    draft(&service, "Made against A");
    let workspace = DataDir::at(dir.path()).workspace_dir(a.server());
    drop(service);

    // The same folder opened for server B (e.g. copied, or an older build's layout).
    let b = Connection::api("http://127.0.0.1:10").unwrap();
    let service = RoomsService::open(ServiceOptions {
        data_dir: workspace,
        remote: b.client_config(Some("k".into())),
        server: Some(b.server().id().to_string()),
    })
    .unwrap();
    let rt = runtime();
    let err = rt.block_on(service.sync(&|_| {})).unwrap_err();
    assert_eq!(err.code(), "wrong_server");
    assert!(
        err.to_string().contains("http://127.0.0.1:9") && err.to_string().contains("127.0.0.1:10"),
        "names both servers: {err}"
    );
    for err in [
        rt.block_on(service.list(Source::Remote, ListQuery::default(), None))
            .unwrap_err(),
        rt.block_on(service.create(
            Source::Remote,
            NewRoom {
                title: Some("x".into()),
                ..NewRoom::default()
            },
        ))
        .unwrap_err(),
        rt.block_on(service.get(Source::Remote, "rm_1"))
            .unwrap_err(),
    ] {
        assert_eq!(err.code(), "wrong_server", "{err}");
    }
    assert_eq!(
        local_titles(&service),
        ["Made against A"],
        "local work stays"
    );
}

#[test]
fn the_apps_older_sandbox_database_moves_into_the_sandbox_workspace() {
    let dir = tempfile::tempdir().unwrap();
    older_store(dir.path(), "Sandbox draft");
    let data = DataDir::at(dir.path());
    let service = Connection::sandbox("http://127.0.0.1:9")
        .open(&data, None)
        .unwrap();
    assert_eq!(local_titles(&service), ["Sandbox draft"]);
    assert!(
        !dir.path().join("roomdesk.db").exists(),
        "moved, not copied"
    );
    assert!(!dir.path().join("roomdesk.db-wal").exists());
    assert!(data
        .workspace_dir(&Server::Sandbox)
        .join("roomdesk.db")
        .is_file());
    drop(service);

    // A server's workspace never takes the Sandbox's database.
    older_store(dir.path(), "Another Sandbox draft");
    let api = Connection::api("https://api.flowla.com").unwrap();
    assert!(local_titles(&api.open(&data, None).unwrap()).is_empty());
}

#[test]
fn the_apps_older_per_host_workspace_moves_into_the_servers_workspace() {
    let dir = tempfile::tempdir().unwrap();
    older_store(
        &dir.path().join("flowla").join("api.flowla.com"),
        "Flowla draft",
    );
    let data = DataDir::at(dir.path());
    let other = Connection::api("https://other.example").unwrap();
    assert!(local_titles(&other.open(&data, None).unwrap()).is_empty());
    let flowla = Connection::api("https://api.flowla.com").unwrap();
    assert_eq!(
        local_titles(&flowla.open(&data, None).unwrap()),
        ["Flowla draft"]
    );
}

#[test]
fn the_clis_older_data_dir_moves_into_its_old_default_servers_workspace() {
    let home = tempfile::tempdir().unwrap();
    let older_cli = home.path().join("roomdesk");
    older_store(&older_cli, "CLI draft");
    let data = DataDir::at(home.path().join("com.roomdesk.app")).with_older_cli_dir(&older_cli);
    let flowla = Connection::api("https://api.flowla.com").unwrap();
    assert!(
        local_titles(&flowla.open(&data, None).unwrap()).is_empty(),
        "the real API's workspace does not take it"
    );
    let emulator = Connection::api(LOCAL_EMULATOR_URL).unwrap();
    assert_eq!(
        local_titles(&emulator.open(&data, None).unwrap()),
        ["CLI draft"]
    );
    assert!(!older_cli.join("roomdesk.db").exists());
}
