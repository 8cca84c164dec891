//! Shared helpers for the cross-component suites.

pub mod workspace_fixture;
