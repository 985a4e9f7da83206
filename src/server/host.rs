//! Which `Host` headers the server answers: the defence against DNS rebinding, where a web page
//! the user visits points its own domain name at 127.0.0.1 and reads the loopback store through
//! the browser. Such requests carry the attacker's name in `Host`; the server answers only the
//! address it is bound to (and, when that is loopback, the loopback names), plus the names
//! given with `--allow-host`.

use std::net::{IpAddr, SocketAddr};

/// The accepted `Host` values of one running server.
#[derive(Debug, Clone, PartialEq)]
pub struct HostPolicy {
    bound: SocketAddr,
    /// Lower-cased `--allow-host` entries: `name` (any port) or `name:port`; `*` allows all.
    allowed: Vec<String>,
}

impl HostPolicy {
    pub fn new(bound: SocketAddr, allowed: &[String]) -> HostPolicy {
        HostPolicy { bound, allowed: allowed.iter().map(|h| h.trim().to_ascii_lowercase()).filter(|h| !h.is_empty()).collect() }
    }

    /// Whether a request with this `Host` header value may be answered.
    pub fn allows(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        if self.allowed.iter().any(|a| a == "*" || *a == host) {
            return true;
        }
        let Some((name, port)) = split_host(&host) else { return false };
        if self.allowed.iter().any(|a| a == name) {
            return true;
        }
        if port.unwrap_or(80) != self.bound.port() {
            return false;
        }
        let ip = self.bound.ip();
        match name.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() {
            // A rebinding page cannot make the browser send an IP literal it does not own, and
            // a server bound to every interface is reached by any of its addresses.
            Ok(asked) => asked == ip || ip.is_unspecified() || (ip.is_loopback() && asked.is_loopback()),
            Err(_) => name == "localhost" && (ip.is_loopback() || ip.is_unspecified()),
        }
    }

    /// The message of the 403 for a refused host.
    pub fn refusal(&self, host: Option<&str>) -> String {
        match host {
            None => "missing Host header".to_owned(),
            Some(h) => format!(
                "Host {:?} is not this server's address ({}); start kgraph serve with --allow-host NAME to accept requests for another name",
                crate::guard::text::for_terminal(h),
                self.bound
            ),
        }
    }
}

/// `name` and optional port of a Host value (`[v6]:port`, `name:port`, `name`); `None` when
/// the port is not a number.
fn split_host(host: &str) -> Option<(&str, Option<u16>)> {
    let (name, port) = if host.starts_with('[') {
        let close = host.find(']')?;
        let rest = &host[close + 1..];
        (&host[..=close], rest.strip_prefix(':'))
    } else {
        match host.rsplit_once(':') {
            Some((n, p)) if !n.contains(':') => (n, Some(p)),
            Some(_) => (host, None),
            None => (host, None),
        }
    };
    let port = match port {
        Some(p) => Some(p.parse::<u16>().ok()?),
        None => None,
    };
    (!name.is_empty()).then_some((name, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_server_answers_its_own_names_only() {
        let p = HostPolicy::new("127.0.0.1:7878".parse().unwrap(), &[]);
        for ok in ["127.0.0.1:7878", "localhost:7878", "LOCALHOST:7878", "[::1]:7878", "127.0.0.2:7878"] {
            assert!(p.allows(ok), "{ok}");
        }
        for bad in ["evil.example:7878", "evil.example", "127.0.0.1:80", "localhost", "10.0.0.1:7878", "127.0.0.1:x", "", "localhost.evil.example:7878"] {
            assert!(!p.allows(bad), "{bad}");
        }
    }

    #[test]
    fn allow_host_adds_names() {
        let p = HostPolicy::new("127.0.0.1:7878".parse().unwrap(), &["kg.internal".into(), "proxy.example:443".into()]);
        assert!(p.allows("kg.internal:7878"));
        assert!(p.allows("kg.internal"));
        assert!(p.allows("proxy.example:443"));
        assert!(!p.allows("proxy.example:444"));
        assert!(!p.allows("other.example:7878"));
        assert!(HostPolicy::new("127.0.0.1:7878".parse().unwrap(), &["*".into()]).allows("anything"));
    }

    #[test]
    fn wildcard_bind_accepts_ip_literals() {
        let p = HostPolicy::new("0.0.0.0:8080".parse().unwrap(), &[]);
        assert!(p.allows("192.168.1.20:8080"));
        assert!(p.allows("localhost:8080"));
        assert!(!p.allows("rebound.example:8080"));
    }
}
