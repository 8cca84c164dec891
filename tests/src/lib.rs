//! Shared helpers for the cross-component suites.

pub mod desktop;
pub mod sandbox_control;
pub mod workspace_fixture;
