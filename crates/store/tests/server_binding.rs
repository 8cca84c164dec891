//! A workspace belongs to one server: the first one it is opened for, kept across reopens.

#![allow(clippy::unwrap_used)] // fixtures outside #[test] fns panic on setup failure, as tests should

mod common;

use common::temp_store;
use roomdesk_store::{ServerBinding, Store};

#[test]
fn a_new_store_adopts_the_first_server_and_keeps_it() {
    let (dir, store) = temp_store();
    assert_eq!(store.bound_server().unwrap(), None);
    assert_eq!(
        store.bind_server("https://api.flowla.com").unwrap(),
        ServerBinding::Adopted
    );
    assert_eq!(
        store.bind_server("https://api.flowla.com").unwrap(),
        ServerBinding::Same
    );
    drop(store);

    let reopened = Store::open(dir.path()).unwrap();
    assert_eq!(
        reopened.bound_server().unwrap().as_deref(),
        Some("https://api.flowla.com")
    );
    assert_eq!(
        reopened.bind_server("http://127.0.0.1:7878").unwrap(),
        ServerBinding::Other("https://api.flowla.com".into()),
        "another server is refused"
    );
    assert_eq!(
        reopened.bound_server().unwrap().as_deref(),
        Some("https://api.flowla.com"),
        "and the binding is unchanged"
    );
}

#[test]
fn two_connections_racing_on_a_new_store_agree_on_one_server() {
    let (dir, first) = temp_store();
    let second = Store::open(dir.path()).unwrap();
    assert_eq!(
        first.bind_server("sandbox").unwrap(),
        ServerBinding::Adopted
    );
    assert_eq!(
        second.bind_server("https://api.flowla.com").unwrap(),
        ServerBinding::Other("sandbox".into())
    );
}
