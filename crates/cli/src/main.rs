//! `roomdesk`: the Roomdesk core from a terminal.

mod args;
mod commands;
mod field_flags;
mod output;

use args::{Cli, Command};
use clap::Parser;
use output::Output;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = Output::new(cli.json);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            out.error(&commands::CliError::Runtime(e.to_string()));
            return ExitCode::from(1);
        }
    };
    let result = runtime.block_on(run(cli, &out));
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            out.error(&e);
            ExitCode::from(e.exit_code())
        }
    }
}

async fn run(cli: Cli, out: &Output) -> Result<u8, commands::CliError> {
    let Cli {
        base_url,
        sandbox,
        data_dir,
        command,
        ..
    } = cli;
    let open = || {
        let connection = commands::connection(&base_url, sandbox.as_deref())?;
        commands::open_service(&connection, data_dir.clone())
    };
    match command {
        Command::Emulator(args) => commands::emulator::run(args, out).await,
        Command::Rooms(cmd) => {
            let service = open()?;
            commands::rooms::run(&service, cmd, out).await
        }
        Command::Sync => {
            let service = open()?;
            commands::sync::run(&service, out).await
        }
        Command::Outbox { action } => {
            let service = open()?;
            commands::outbox::run(&service, action, out).await
        }
        Command::Statuses => {
            let service = open()?;
            let statuses = service.statuses().await?;
            out.statuses(&statuses);
            Ok(0)
        }
    }
}
