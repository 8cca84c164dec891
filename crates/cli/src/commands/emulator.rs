//! `roomdesk emulator`: the Flowla API emulator in the foreground, until Ctrl-C.

use super::CliError;
use crate::args::EmulatorArgs;
use crate::output::Output;
use roomdesk_emulator::{EmulatorConfig, Faults};

pub async fn run(args: EmulatorArgs, out: &Output) -> Result<u8, CliError> {
    let faults = Faults {
        latency_ms: args.latency_ms,
        rate_limit_per_minute: args.rate_limit_per_minute,
        fault_rate: args.fault_rate,
        malformed_rate: args.malformed_rate,
        drop_after_create_rate: args.drop_after_create_rate,
        drop_before_create_rate: args.drop_before_create_rate,
        offline: false,
        hidden_from_listings: Vec::new(),
    };
    faults.validate().map_err(CliError::Usage)?;
    let config = EmulatorConfig {
        api_key: args.api_key.clone(),
        seed_rooms: args.seed,
        rng_seed: args.rng_seed,
        faults,
        state_file: args.state_file,
    };
    let handle = roomdesk_emulator::spawn(args.addr, config)
        .await
        .map_err(|e| CliError::Emulator(e.to_string()))?;
    let base_url = handle.base_url();
    if out.json {
        println!(
            "{}",
            serde_json::json!({"baseUrl": base_url, "apiKey": args.api_key, "ready": true})
        );
    } else {
        println!("Flowla API emulator at {base_url}");
        println!("API key: {}", args.api_key);
        println!(
            "try: FLOWLA_BASE_URL={base_url} FLOWLA_API_KEY={} roomdesk rooms list",
            args.api_key
        );
        println!("ready (Ctrl-C to stop)");
    }
    wait_for_stop().await;
    handle.shutdown().await;
    Ok(0)
}

async fn wait_for_stop() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {},
                _ = term.recv() => {},
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}
