//! Environment switches that exist for the test suites: keys kept in memory instead of the
//! OS keyring, and the Sandbox's first port. Debug builds (what the tests drive) honour
//! them. A release build, which is what the package installs, refuses to start while one
//! is set, so an installed Roomdesk never keeps an API key outside the keyring because of
//! a stray variable in someone's environment.

use crate::sandbox::SANDBOX_PORT;

/// `memory` selects the in-memory secret store.
pub const SECRET_STORE_ENV: &str = "ROOMDESK_SECRET_STORE";
/// The first port the Sandbox tries (0 = any free port).
pub const SANDBOX_PORT_ENV: &str = "ROOMDESK_SANDBOX_PORT";

/// What the switches ask for; the defaults are what a user's app does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestSwitches {
    pub memory_secrets: bool,
    pub sandbox_port: u16,
}

impl Default for TestSwitches {
    fn default() -> Self {
        TestSwitches {
            memory_secrets: false,
            sandbox_port: SANDBOX_PORT,
        }
    }
}

/// Reads the switches from the environment; in a release build any switch that is set is
/// an error naming it.
pub fn from_env() -> Result<TestSwitches, String> {
    read(|name| std::env::var(name).ok(), cfg!(debug_assertions))
}

/// `honour` is false in release builds: then a set switch is refused.
fn read(get: impl Fn(&str) -> Option<String>, honour: bool) -> Result<TestSwitches, String> {
    let set: Vec<(&str, String)> = [SECRET_STORE_ENV, SANDBOX_PORT_ENV]
        .into_iter()
        .filter_map(|name| get(name).filter(|v| !v.is_empty()).map(|v| (name, v)))
        .collect();
    if !honour {
        if let Some((name, _)) = set.first() {
            return Err(format!(
                "{name} is a switch for Roomdesk's test suites and this is a release build; \
                 unset it to start Roomdesk (API keys stay in the OS keyring)"
            ));
        }
        return Ok(TestSwitches::default());
    }
    let mut switches = TestSwitches::default();
    for (name, value) in set {
        match name {
            SECRET_STORE_ENV => switches.memory_secrets = value == "memory",
            _ => {
                switches.sandbox_port = value
                    .parse()
                    .map_err(|_| format!("{SANDBOX_PORT_ENV}={value:?} is not a port number"))?
            }
        }
    }
    Ok(switches)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn a_debug_build_honours_the_switches() {
        let got = read(
            env(&[(SECRET_STORE_ENV, "memory"), (SANDBOX_PORT_ENV, "0")]),
            true,
        )
        .unwrap();
        assert_eq!(
            got,
            TestSwitches {
                memory_secrets: true,
                sandbox_port: 0
            }
        );
    }

    #[test]
    fn a_release_build_refuses_each_switch_by_name() {
        for name in [SECRET_STORE_ENV, SANDBOX_PORT_ENV] {
            let pairs: &'static [(&'static str, &'static str)] = match name {
                SECRET_STORE_ENV => &[(SECRET_STORE_ENV, "memory")],
                _ => &[(SANDBOX_PORT_ENV, "9000")],
            };
            let err = read(env(pairs), false).unwrap_err();
            assert!(err.contains(name), "{err}");
        }
    }

    #[test]
    fn without_switches_both_builds_use_the_keyring_and_the_known_port() {
        for honour in [true, false] {
            assert_eq!(read(env(&[]), honour).unwrap(), TestSwitches::default());
        }
    }

    #[test]
    fn a_bad_port_is_a_clear_error() {
        let err = read(env(&[(SANDBOX_PORT_ENV, "seventy")]), true).unwrap_err();
        assert!(err.contains("not a port number"), "{err}");
    }
}
