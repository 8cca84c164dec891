//! Connection facts every part of Roomdesk agrees on: the real API's address, the key the
//! Sandbox accepts, and which host names count as this computer.

use std::net::IpAddr;

/// The real Flowla API (every path under `/api/v2`). The CLI's default.
pub const FLOWLA_BASE_URL: &str = "https://api.flowla.com";

/// Where `roomdesk emulator` listens unless told otherwise (the CLI's `--sandbox`).
pub const LOCAL_EMULATOR_URL: &str = "http://127.0.0.1:7878";

/// The API key the Sandbox (the emulator) accepts unless told otherwise. Not a secret:
/// the Sandbox answers on loopback only.
pub const SANDBOX_API_KEY: &str = "sandbox-key";

/// Whether a host names this computer: `localhost` or `*.localhost` (any case, a final dot
/// allowed), an address in 127.0.0.0/8, `::1` or an IPv4-mapped loopback address. Takes a
/// URL's host or a `Host` header: brackets around IPv6 and a trailing `:port` are allowed.
pub fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((inside, rest)) if rest.is_empty() || rest.starts_with(':') => inside,
            _ => return false,
        },
        // A bare IPv6 address has several colons; a name or IPv4 address at most one.
        None if host.matches(':').count() > 1 => host,
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    if name == "localhost" || name.ends_with(".localhost") {
        return true;
    }
    match name.parse::<IpAddr>() {
        Ok(IpAddr::V4(ip)) => ip.is_loopback(),
        Ok(IpAddr::V6(ip)) => {
            ip.is_loopback() || ip.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback())
        }
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_loopback_host;

    #[test]
    fn loopback_names_addresses_and_host_headers() {
        for ok in [
            "127.0.0.1",
            "127.0.0.1:7878",
            "127.1.2.3",
            "localhost",
            "LOCALHOST.:1",
            "app.localhost:9",
            "[::1]",
            "[::1]:80",
            "::1",
            "[::ffff:127.0.0.1]:80",
        ] {
            assert!(is_loopback_host(ok), "{ok}");
        }
        for bad in [
            "",
            "evil.com",
            "evil.com:7878",
            "127.0.0.1.evil.com",
            "localhost.evil.com",
            "128.0.0.1",
            "10.0.0.1:80",
            "[::2]:80",
            "[::1]x",
        ] {
            assert!(!is_loopback_host(bad), "{bad}");
        }
    }
}
