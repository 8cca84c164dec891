//! The client suite's fixture: a real emulator on 127.0.0.1:0 and the real client with
//! quick retries.

use roomdesk_client::{ClientConfig, FlowlaClient, Reconciled};
use roomdesk_emulator::{spawn, EmulatorConfig, EmulatorHandle, Faults};
use roomdesk_model::Room;
use std::time::Duration;

pub const KEY: &str = "client-suite-key";

pub async fn emulator(seed_rooms: usize) -> EmulatorHandle {
    spawn(
        "127.0.0.1:0".parse().unwrap(),
        EmulatorConfig {
            api_key: KEY.to_string(),
            seed_rooms,
            rng_seed: 7,
            ..Default::default()
        },
    )
    .await
    .unwrap()
}

/// Quick retries so fault-heavy tests stay short.
pub fn config(base_url: &str) -> ClientConfig {
    let mut c = ClientConfig::new(base_url, KEY);
    c.timeout = Duration::from_secs(10);
    c.max_retries = 4;
    c.base_backoff = Duration::from_millis(5);
    c.max_backoff = Duration::from_millis(50);
    c
}

pub fn client(e: &EmulatorHandle) -> FlowlaClient {
    FlowlaClient::new(config(&e.base_url())).unwrap()
}

pub fn client_with(e: &EmulatorHandle, tweak: impl FnOnce(&mut ClientConfig)) -> FlowlaClient {
    let mut c = config(&e.base_url());
    tweak(&mut c);
    FlowlaClient::new(c).unwrap()
}

pub fn set(e: &EmulatorHandle, tweak: impl FnOnce(&mut Faults)) {
    let mut f = Faults::default();
    tweak(&mut f);
    e.set_faults(f);
}

/// The rooms on the server with this exact title.
pub fn titled(e: &EmulatorHandle, title: &str) -> Vec<Room> {
    e.rooms().into_iter().filter(|r| r.title == title).collect()
}

/// The room reconciliation settled on (`None`: not created); look-alikes it left to the
/// user fail the test.
pub fn settled(r: Reconciled) -> Option<Room> {
    match r {
        Reconciled::Created(room) => Some(*room),
        Reconciled::NotCreated => None,
        Reconciled::Ambiguous(rooms) => panic!("left to the user: {rooms:?}"),
    }
}
