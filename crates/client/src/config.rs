//! Client settings, and the checks that turn a bad base URL or key into a clear
//! `InvalidConfig` before any request is made.

use crate::error::ClientError;
use std::fmt;
use std::time::Duration;
use url::Url;

/// How to reach a Flowla API and how hard to try.
#[derive(Clone, PartialEq, Eq)]
pub struct ClientConfig {
    /// `https://api.flowla.com`, or `http://127.0.0.1:PORT` for a local emulator. A path
    /// prefix is kept (`https://proxy.example/flowla` → `…/flowla/api/v2/rooms`).
    pub base_url: String,
    /// Sent as `x-flowla-api-key`; never logged or printed (see the `Debug` impl).
    pub api_key: String,
    /// Per request (connect, send and read the answer).
    pub timeout: Duration,
    /// Extra attempts after the first one, for the failures that are safe to retry.
    pub max_retries: u32,
    /// First backoff; doubles per attempt up to `max_backoff`, with jitter.
    pub base_backoff: Duration,
    pub max_backoff: Duration,
    /// Pages in flight at once in `list_all`.
    pub concurrency: usize,
    /// Client-side pacing: request starts are spread evenly, one every `60 / n` seconds,
    /// across every task using this client.
    pub requests_per_minute: Option<u32>,
}

impl ClientConfig {
    /// A config with the defaults: 20 s timeout, 4 retries, 200 ms → 5 s backoff,
    /// 6 pages in flight, no pacing.
    pub fn new(base_url: impl Into<String>, api_key: impl Into<String>) -> Self {
        ClientConfig {
            base_url: base_url.into(),
            api_key: api_key.into(),
            timeout: Duration::from_secs(20),
            max_retries: 4,
            base_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(5),
            concurrency: 6,
            requests_per_minute: None,
        }
    }

    /// Checks every setting; returns the parsed base URL.
    pub(crate) fn check(&self) -> Result<Url, ClientError> {
        let base = parse_base_url(&self.base_url)?;
        check_api_key(&self.api_key)?;
        if self.timeout.is_zero() {
            return Err(invalid("timeout must be more than zero"));
        }
        if self.concurrency == 0 {
            return Err(invalid("concurrency must be at least 1"));
        }
        if self.requests_per_minute == Some(0) {
            return Err(invalid(
                "requests_per_minute must be at least 1 (or unset for no pacing)",
            ));
        }
        if self.base_backoff > self.max_backoff {
            return Err(invalid("base_backoff must not exceed max_backoff"));
        }
        Ok(base)
    }
}

impl fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfig")
            .field("base_url", &self.base_url)
            .field("api_key", &masked_key(&self.api_key))
            .field("timeout", &self.timeout)
            .field("max_retries", &self.max_retries)
            .field("base_backoff", &self.base_backoff)
            .field("max_backoff", &self.max_backoff)
            .field("concurrency", &self.concurrency)
            .field("requests_per_minute", &self.requests_per_minute)
            .finish()
    }
}

/// What may be shown of a key: nothing but whether it is set.
fn masked_key(key: &str) -> &'static str {
    if key.is_empty() {
        "<empty>"
    } else {
        "<redacted>"
    }
}

fn invalid(message: impl Into<String>) -> ClientError {
    ClientError::InvalidConfig(message.into())
}

/// Parses the base URL: http(s) only, https unless the host is loopback, no query,
/// fragment or credentials.
pub(crate) fn parse_base_url(text: &str) -> Result<Url, ClientError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(invalid(
            "the base URL is empty: use https://api.flowla.com or http://127.0.0.1:PORT",
        ));
    }
    let url = Url::parse(trimmed).map_err(|e| {
        invalid(format!(
            "the base URL \"{trimmed}\" is not a valid URL ({e}): use for example https://api.flowla.com"
        ))
    })?;
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => {
            return Err(invalid(format!(
                "the base URL \"{trimmed}\" must use https (plain http is only allowed for 127.0.0.1, ::1 or localhost)"
            )))
        }
        other => {
            return Err(invalid(format!(
                "the base URL \"{trimmed}\" uses \"{other}\": use https://"
            )))
        }
    }
    if url.host().is_none() {
        return Err(invalid(format!("the base URL \"{trimmed}\" has no host")));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(invalid(
            "the base URL must not contain a user name or password: the API key is set separately",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(invalid(format!(
            "the base URL \"{trimmed}\" must not have a query (?…) or fragment (#…)"
        )));
    }
    Ok(url)
}

/// Whether the URL's host is this computer ([`roomdesk_model::is_loopback_host`]).
pub(crate) fn is_loopback(url: &Url) -> bool {
    url.host_str().is_some_and(roomdesk_model::is_loopback_host)
}

/// Whether a base URL points at this computer (an emulator): http is allowed there, and
/// the CLI uses the sandbox key there when no key is set. `false` for a URL that does not
/// parse.
pub fn is_loopback_url(text: &str) -> bool {
    Url::parse(text.trim()).is_ok_and(|url| is_loopback(&url))
}

/// The one spelling of a base URL that Roomdesk stores, compares and names workspaces
/// after: checked as the client checks it (https unless loopback; no credentials, query or
/// fragment), the scheme and host in lower case, default port dropped, no trailing slash.
/// A path prefix is kept (a proxy), but `/api/v2` is refused: Roomdesk adds it itself.
pub fn normalize_base_url(text: &str) -> Result<String, ClientError> {
    let url = parse_base_url(text)?;
    let path = url.path().trim_end_matches('/');
    if path.to_ascii_lowercase().ends_with("/api/v2") {
        return Err(invalid(format!(
            "the base URL \"{}\" must not end in /api/v2: give the server's root (Roomdesk adds /api/v2)",
            text.trim()
        )));
    }
    Ok(url.as_str().trim_end_matches('/').to_string())
}

fn check_api_key(key: &str) -> Result<(), ClientError> {
    if key.trim().is_empty() {
        // Where a key comes from is the caller's business (the app's Settings, the CLI's
        // environment), and each says so in its own words.
        return Err(invalid("the API key is empty"));
    }
    if key.chars().any(|c| c.is_control() || !c.is_ascii()) {
        // Never echo the key itself.
        return Err(invalid(
            "the API key contains characters that cannot be sent in a header (control or non-ASCII characters)",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(url: &str) -> String {
        match parse_base_url(url) {
            Err(ClientError::InvalidConfig(m)) => m,
            other => panic!("{url}: expected InvalidConfig, got {other:?}"),
        }
    }

    #[test]
    fn https_anywhere_http_only_on_loopback() {
        for ok in [
            "https://api.flowla.com",
            "https://api.flowla.com/",
            "https://proxy.example/flowla/",
            "http://127.0.0.1:7878",
            "http://127.1.2.3:80",
            "http://[::1]:9000",
            "http://localhost:7878",
            "http://LOCALHOST.:7878",
            "http://api.localhost",
        ] {
            assert!(parse_base_url(ok).is_ok(), "{ok}");
        }
        assert!(refused("http://api.flowla.com").contains("must use https"));
        assert!(refused("http://10.0.0.1:80").contains("must use https"));
        assert!(refused("http://localhost.evil.com").contains("must use https"));
        assert!(refused("http://128.0.0.1").contains("must use https"));
        assert!(refused("ftp://api.flowla.com").contains("\"ftp\""));
        assert!(refused("api.flowla.com").contains("not a valid URL"));
        assert!(refused("").contains("empty"));
        assert!(refused("https://user:pw@api.flowla.com").contains("password"));
        assert!(refused("https://api.flowla.com/?x=1").contains("query"));
    }

    #[test]
    fn loopback_urls() {
        for ok in [
            "http://127.0.0.1:7878",
            "http://localhost:1/api",
            "http://[::1]:8080",
            "http://app.localhost",
        ] {
            assert!(is_loopback_url(ok), "{ok}");
        }
        for bad in [
            "https://api.flowla.com",
            "http://127.0.0.1.evil.com",
            "not a url",
        ] {
            assert!(!is_loopback_url(bad), "{bad}");
        }
    }

    #[test]
    fn base_urls_have_one_spelling() {
        for (raw, normal) in [
            (" https://API.Flowla.com/ ", "https://api.flowla.com"),
            ("https://api.flowla.com:443", "https://api.flowla.com"),
            ("http://127.0.0.1:7878/", "http://127.0.0.1:7878"),
            ("HTTP://LOCALHOST:9000", "http://localhost:9000"),
            (
                "https://proxy.example/flowla/",
                "https://proxy.example/flowla",
            ),
        ] {
            assert_eq!(normalize_base_url(raw).unwrap(), normal, "{raw}");
        }
        for bad in [
            "",
            "api.flowla.com",
            "http://api.flowla.com",
            "https://u:p@x.org",
            "https://x.org/api/v2",
            "https://x.org/API/v2/",
            "https://x.org?a=1",
        ] {
            assert!(
                matches!(normalize_base_url(bad), Err(ClientError::InvalidConfig(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn debug_never_shows_the_key() {
        let c = ClientConfig::new("https://api.flowla.com", "secret-key-a1b2");
        let shown = format!("{c:?} {c:#?}");
        assert!(!shown.contains("secret"), "{shown}");
        assert!(!shown.contains("a1b2"), "{shown}");
        assert!(shown.contains("<redacted>"));
    }

    #[test]
    fn other_settings_are_checked() {
        let ok = ClientConfig::new("http://127.0.0.1:1", "k");
        assert!(ok.check().is_ok());
        let bad = |f: &dyn Fn(&mut ClientConfig)| {
            let mut c = ok.clone();
            f(&mut c);
            matches!(c.check(), Err(ClientError::InvalidConfig(_)))
        };
        assert!(bad(&|c| c.api_key = "  ".into()));
        assert!(bad(&|c| c.api_key = "a\nb".into()));
        assert!(bad(&|c| c.concurrency = 0));
        assert!(bad(&|c| c.requests_per_minute = Some(0)));
        assert!(bad(&|c| c.timeout = Duration::ZERO));
        assert!(bad(&|c| c.base_backoff = Duration::from_secs(60)));
        let err = ClientConfig::new("http://127.0.0.1:1", "se\ncret")
            .check()
            .unwrap_err()
            .to_string();
        assert!(!err.contains("cret"), "{err}");
    }
}
