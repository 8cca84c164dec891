//! How an emulator starts: key, seed, faults and an optional state file.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Start-up settings of an emulator.
#[derive(Clone, Debug)]
pub struct EmulatorConfig {
    /// The value `x-flowla-api-key` must carry.
    pub api_key: String,
    /// How many generated rooms to start with (ignored when `state_file` exists).
    pub seed_rooms: usize,
    /// Seed of the room generator and of the fault dice: same seed, same data and faults.
    pub rng_seed: u64,
    /// Faults in effect from the first request.
    pub faults: Faults,
    /// The rooms live in this SQLite database (created, with `seed_rooms` generated
    /// rooms, when it does not exist); without it, in memory.
    pub state_file: Option<PathBuf>,
}

impl Default for EmulatorConfig {
    fn default() -> Self {
        EmulatorConfig {
            api_key: roomdesk_model::SANDBOX_API_KEY.to_string(),
            seed_rooms: 0,
            rng_seed: 42,
            faults: Faults::default(),
            state_file: None,
        }
    }
}

/// Injected misbehaviour. Settable at start and at run time (`set_faults`,
/// `PUT /__emulator/faults`). Control endpoints are never affected.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Faults {
    /// Added to every API response (and to injected error answers).
    pub latency_ms: u64,
    /// Token bucket: capacity `max(1, n/60)`, refills `n/60` per second; over it → `429`
    /// with `Retry-After` (whole seconds, at least 1). Counted on arrival, before the
    /// latency; a request up to 20 ms early is forgiven (jitter).
    pub rate_limit_per_minute: Option<u32>,
    /// Fraction of API requests answered `500`/`502`/`503` before any effect.
    pub fault_rate: f64,
    /// Fraction of `2xx` answers whose body is broken JSON (the effect still happens).
    pub malformed_rate: f64,
    /// Fraction of creates that store the room, then close the connection unanswered.
    pub drop_after_create_rate: f64,
    /// Fraction of creates whose connection is closed unanswered before the room is
    /// stored: the client cannot tell this from the one above.
    pub drop_before_create_rate: f64,
    /// Every API request's connection is closed without an answer and without effect.
    pub offline: bool,
    /// Rooms left out of every listing while set, the later pages closing up as they do
    /// when another room is deleted during a paged walk; a get still finds them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hidden_from_listings: Vec<String>,
}

impl Faults {
    /// Rates outside `0..=1` (or not numbers) are refused with the field's name.
    pub fn validate(&self) -> Result<(), String> {
        for (name, rate) in [
            ("faultRate", self.fault_rate),
            ("malformedRate", self.malformed_rate),
            ("dropAfterCreateRate", self.drop_after_create_rate),
            ("dropBeforeCreateRate", self.drop_before_create_rate),
        ] {
            if !(0.0..=1.0).contains(&rate) {
                return Err(format!("{name} must be between 0 and 1, got {rate}"));
            }
        }
        if self.rate_limit_per_minute == Some(0) {
            return Err("rateLimitPerMinute must be at least 1 (or null for no limit)".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn faults_json_is_camel_case_with_defaults() {
        let f: Faults = serde_json::from_value(json!({"latencyMs": 5, "offline": true})).unwrap();
        assert_eq!(f.latency_ms, 5);
        assert!(f.offline);
        assert_eq!(f.fault_rate, 0.0);
        let v = serde_json::to_value(Faults::default()).unwrap();
        assert_eq!(v["rateLimitPerMinute"], json!(null));
        assert_eq!(v["dropAfterCreateRate"], json!(0.0));
    }

    #[test]
    fn out_of_range_rates_are_refused() {
        let f = Faults {
            fault_rate: 1.5,
            ..Default::default()
        };
        assert!(f.validate().unwrap_err().contains("faultRate"));
        let f = Faults {
            rate_limit_per_minute: Some(0),
            ..Default::default()
        };
        assert!(f.validate().is_err());
        assert!(Faults::default().validate().is_ok());
    }
}
