//! The command line, as clap types.

pub use crate::field_flags::FieldArgs;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::net::SocketAddr;
use std::path::PathBuf;

/// Roomdesk from a terminal: Flowla rooms, offline drafts, sync, and the sandbox emulator.
///
/// The API key is read from the environment variable FLOWLA_API_KEY (never a flag, so it
/// does not show in `ps`). Against a loopback base URL without a key, the sandbox key is
/// used. Each server has its own local workspace in the data dir: drafts made for one are
/// never sent to another.
#[derive(Debug, Parser)]
#[command(name = "roomdesk", version, about, long_about = None)]
pub struct Cli {
    /// Flowla API base URL (https required unless loopback)
    #[arg(
        long,
        global = true,
        env = "FLOWLA_BASE_URL",
        default_value = roomdesk_model::FLOWLA_BASE_URL
    )]
    pub base_url: String,
    /// Use the Sandbox and its workspace (the desktop app's): the one the app runs on
    /// 127.0.0.1:7878, or --sandbox=URL on another loopback address. Wins over --base-url
    #[arg(
        long,
        global = true,
        value_name = "URL",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = roomdesk_model::LOCAL_EMULATOR_URL
    )]
    pub sandbox: Option<String>,
    /// Where Roomdesk keeps its data, one workspace per server (default: the desktop
    /// app's, e.g. ~/.local/share/com.roomdesk.app)
    #[arg(long, global = true, env = roomdesk_core::DATA_DIR_ENV)]
    pub data_dir: Option<PathBuf>,
    /// Print JSON (rooms in the contract's camelCase; errors as {code,message,field,retryable})
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once per run
pub enum Command {
    /// Run the Flowla API emulator (the sandbox) until Ctrl-C
    Emulator(EmulatorArgs),
    /// List, show, create and update rooms
    #[command(subcommand)]
    Rooms(RoomsCommand),
    /// Send local drafts and edits to the server, then fetch every room into the cache
    Sync,
    /// Show changes waiting to be sent and conflicts; settle a conflict
    Outbox {
        #[command(subcommand)]
        action: Option<OutboxCommand>,
    },
    /// List room statuses
    Statuses,
}

#[derive(Debug, Args)]
pub struct EmulatorArgs {
    /// Address to listen on (loopback)
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub addr: SocketAddr,
    /// How many realistic rooms to seed
    #[arg(long, default_value_t = 0)]
    pub seed: usize,
    /// Random seed for the generated rooms
    #[arg(long, default_value_t = 42)]
    pub rng_seed: u64,
    /// API key the emulator accepts
    #[arg(long, default_value = roomdesk_model::SANDBOX_API_KEY)]
    pub api_key: String,
    /// Latency added to every API response, in milliseconds
    #[arg(long, default_value_t = 0)]
    pub latency_ms: u64,
    /// Rate limit (requests per minute); over it, 429 with Retry-After
    #[arg(long)]
    pub rate_limit_per_minute: Option<u32>,
    /// Fraction of requests answered with 500/502/503 before any effect (0..1)
    #[arg(long, default_value_t = 0.0)]
    pub fault_rate: f64,
    /// Fraction of successful answers with a broken JSON body (0..1)
    #[arg(long, default_value_t = 0.0)]
    pub malformed_rate: f64,
    /// Fraction of creates that commit the room, then drop the connection (0..1)
    #[arg(long, default_value_t = 0.0)]
    pub drop_after_create_rate: f64,
    /// Fraction of creates whose connection is dropped before the room is stored (0..1)
    #[arg(long, default_value_t = 0.0)]
    pub drop_before_create_rate: f64,
    /// Keep the rooms in this SQLite file (created with the seeded rooms if missing)
    #[arg(long)]
    pub state_file: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SourceArg {
    Remote,
    Local,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortByArg {
    #[value(name = "createdAt")]
    CreatedAt,
    #[value(name = "updatedAt")]
    UpdatedAt,
    #[value(name = "totalEngagements")]
    TotalEngagements,
    #[value(name = "lastEngagedAt")]
    LastEngagedAt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DirectionArg {
    #[value(name = "ASC", alias = "asc")]
    Asc,
    #[value(name = "DESC", alias = "desc")]
    Desc,
}

#[derive(Debug, Subcommand)]
pub enum RoomsCommand {
    /// List rooms, one page at a time
    List(ListArgs),
    /// Show one room
    Get {
        id: String,
        #[arg(long, value_enum, default_value = "remote")]
        source: SourceArg,
    },
    /// Create a room (with --source local: a draft, sent on the next sync)
    Create {
        #[command(flatten)]
        fields: FieldArgs,
        #[arg(long, value_enum, default_value = "remote")]
        source: SourceArg,
    },
    /// Update fields of a room (with --source local: a pending edit, sent on the next sync)
    Update {
        id: String,
        #[command(flatten)]
        fields: FieldArgs,
        #[arg(long, value_enum, default_value = "remote")]
        source: SourceArg,
    },
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long, default_value_t = 1)]
    pub page: u32,
    /// Rooms per page (1 to 100)
    #[arg(long, default_value_t = 10)]
    pub limit: u32,
    #[arg(long, value_enum, default_value = "createdAt")]
    pub sort_by: SortByArg,
    #[arg(long, value_enum, default_value = "DESC")]
    pub sort_direction: DirectionArg,
    /// Full-text search over title, cover title and description (local source only)
    #[arg(long)]
    pub search: Option<String>,
    #[arg(long, value_enum, default_value = "remote")]
    pub source: SourceArg,
}

#[derive(Debug, Subcommand)]
pub enum OutboxCommand {
    /// Throw away local changes: a draft that was never sent, or a room's pending edits
    /// (it shows the server's version again; the way out when the room was deleted there)
    Discard { id: String },
    /// Settle a conflicting field: keep mine (send it) or take theirs (drop my edit)
    Resolve {
        room_id: String,
        /// The field, camelCase or kebab-case (themeColor, theme-color)
        field: String,
        #[arg(value_enum)]
        choice: ChoiceArg,
    },
    /// A draft that may have become one of several look-alike rooms (listed by `outbox`):
    /// it became this one. Its fields the room does not show are sent as an edit
    Adopt { draft_id: String, room_id: String },
    /// A draft that may have become one of several look-alike rooms: none is it, send it
    /// anew (those rooms are never taken for it)
    CreateAgain { draft_id: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChoiceArg {
    Mine,
    Theirs,
}
