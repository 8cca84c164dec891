//! Shared helpers for the cross-component suites.
