//! Shared helpers for the cross-component suites.

pub mod desktop;
pub mod workspace_fixture;
