//! Which server a front end talks to, and the workspace that goes with it: the one place
//! the desktop app and the CLI turn "the Sandbox" or "this base URL" into an open
//! [`RoomsService`].

use crate::error::Result;
use crate::service::RoomsService;
use crate::views::ServiceOptions;
use crate::workspace::DataDir;
use roomdesk_client::{normalize_base_url, ClientConfig};
use roomdesk_model::SANDBOX_API_KEY;

/// The identity a workspace is bound to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Server {
    /// The app's built-in Sandbox. Its port changes from run to run, so its identity is
    /// the word `sandbox`, not its URL.
    Sandbox,
    /// A Flowla API (or an emulator run on its own), by its normalised base URL.
    Api(String),
}

impl Server {
    /// A server by base URL, normalised ([`normalize_base_url`]); a bad URL is
    /// `InvalidConfig` in words for the user.
    pub fn api(base_url: &str) -> Result<Server> {
        Ok(Server::Api(normalize_base_url(base_url)?))
    }

    /// What the store records: `sandbox`, or the normalised base URL.
    pub fn id(&self) -> &str {
        match self {
            Server::Sandbox => SANDBOX_SERVER_ID,
            Server::Api(url) => url,
        }
    }
}

/// The identity of the app's built-in Sandbox (a URL always has `://`, so never clashes).
pub const SANDBOX_SERVER_ID: &str = "sandbox";

/// A server and where its API answers now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connection {
    server: Server,
    api_url: String,
}

impl Connection {
    /// The app's built-in Sandbox, answering at `api_url` (its loopback address this run).
    pub fn sandbox(api_url: impl Into<String>) -> Connection {
        Connection {
            server: Server::Sandbox,
            api_url: api_url.into(),
        }
    }

    /// A Flowla API (or an emulator) by base URL, normalised.
    pub fn api(base_url: &str) -> Result<Connection> {
        let server = Server::api(base_url)?;
        let api_url = server.id().to_string();
        Ok(Connection { server, api_url })
    }

    pub fn server(&self) -> &Server {
        &self.server
    }

    /// Where requests go.
    pub fn api_url(&self) -> &str {
        &self.api_url
    }

    /// The API config for a key: the Sandbox always has its own key; a server needs one
    /// (`None` then means local work only).
    pub fn client_config(&self, key: Option<String>) -> Option<ClientConfig> {
        match self.server {
            Server::Sandbox => Some(ClientConfig::new(&self.api_url, SANDBOX_API_KEY)),
            Server::Api(_) => key.map(|k| ClientConfig::new(&self.api_url, k)),
        }
    }

    /// Opens this connection's workspace under `data` (moving an older layout's database
    /// in first), bound to this server, with the API configured when a key is known. A
    /// workspace bound to another server opens for local work; every API call is then
    /// refused with `WrongServer`.
    pub fn open(&self, data: &DataDir, key: Option<String>) -> Result<RoomsService> {
        let dir = data.prepare_workspace(&self.server)?;
        RoomsService::open(ServiceOptions {
            data_dir: dir,
            remote: self.client_config(key),
            server: Some(self.server.id().to_string()),
        })
    }
}
