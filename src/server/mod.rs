//! `kgraph serve` and `kgraph push`: the store over HTTP, and the store into a remote one.
//!
//! In: an open [`KnowledgeBase`] (read-only, or read-write with `--writable`) and the serve flags.
//! Out: a W3C SPARQL 1.1 Protocol endpoint (`/sparql`, `/query`, `/update`), the Graph Store
//! Protocol (`/store`) and the embedded web viewer (`/`), over our own HTTP/1.1 transport built
//! for hostile clients; and, for `push`, Graph Store Protocol PUTs of every named graph to a
//! remote store.
//!
//! - [`http`]: transport-independent request/response, form decoding, `Accept` negotiation.
//! - [`protocol`]: the handlers ([`Service::handle`]) — every protocol rule, tested in-process.
//! - [`host`]: the `Host` header check (DNS rebinding).
//! - [`transport`]: connections, deadlines, the connection limit and the request handlers.
//! - [`viewer`]: the embedded viewer files.
//! - [`push`]: the Graph Store Protocol client (plain `http://`, std `TcpStream`).

pub mod host;
pub mod http;
pub mod protocol;
pub mod push;
pub mod transport;
pub mod viewer;

#[cfg(test)]
mod tests;

pub use host::HostPolicy;
pub use protocol::{Service, ServiceConfig};
pub use push::{PushAuth, PushError, PushOptions, PushSummary, push};
pub use transport::TransportLimits;

use crate::kb::KnowledgeBase;
use std::io::Write;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::Ordering;

/// Errors starting the server.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {bind}: {message}")]
    Bind { bind: String, message: String },
    #[error("--writable needs a bearer token: pass --token T or set KGRAPH_TOKEN")]
    NoToken,
}

/// Everything `kgraph serve` needs besides the store.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// `host:port`; port 0 picks a free port (printed on start).
    pub bind: String,
    /// Requests handled at once (`--threads`).
    pub threads: usize,
    /// Open connections at once (`--max-connections`).
    pub max_connections: usize,
    /// Extra `Host` names answered besides the bound address (`--allow-host`; `*` for any).
    pub allow_hosts: Vec<String>,
    pub service: ServiceConfig,
}

impl Default for ServeOptions {
    fn default() -> Self {
        let transport = TransportLimits::default();
        ServeOptions {
            bind: "127.0.0.1:7878".into(),
            threads: transport.handlers,
            max_connections: transport.max_connections,
            allow_hosts: Vec::new(),
            service: ServiceConfig::default(),
        }
    }
}

/// A running server (its address, and the thread accepting connections).
pub struct RunningServer {
    pub addr: SocketAddr,
    shared: Arc<transport::Shared>,
    acceptor: std::thread::JoinHandle<()>,
}

impl RunningServer {
    /// Blocks until the server stops (it runs until the process ends).
    pub fn join(self) {
        let _ = self.acceptor.join();
    }

    /// Stops accepting connections; open connections end after their current request.
    pub fn stop(self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        // Wake the accept loop.
        let _ = std::net::TcpStream::connect(self.addr);
        let _ = self.acceptor.join();
    }
}

/// Starts serving the knowledge base in background threads.
pub fn start(kb: impl Into<KnowledgeBase>, options: ServeOptions) -> Result<RunningServer, ServeError> {
    if options.service.writable && options.service.token.as_deref().is_none_or(str::is_empty) {
        return Err(ServeError::NoToken);
    }
    let bind_err = |message: String| ServeError::Bind { bind: options.bind.clone(), message };
    let listener = std::net::TcpListener::bind(&options.bind).map_err(|e| bind_err(e.to_string()))?;
    let addr = listener.local_addr().map_err(|e| bind_err(e.to_string()))?;
    let mut config = options.service;
    config.hosts = Some(HostPolicy::new(addr, &options.allow_hosts));
    let limits = TransportLimits { handlers: options.threads.max(1), max_connections: options.max_connections.max(1), ..TransportLimits::default() };
    let shared = Arc::new(transport::Shared::new(Service::new(kb, config), limits));
    let accept_shared = Arc::clone(&shared);
    let acceptor = std::thread::Builder::new()
        .name("http-accept".into())
        .spawn(move || transport::accept_loop(listener, accept_shared))
        .map_err(|e| bind_err(e.to_string()))?;
    Ok(RunningServer { addr, shared, acceptor })
}

/// `kgraph serve`: starts, prints where, and serves until the process is stopped.
pub fn serve(kb: KnowledgeBase, options: ServeOptions) -> Result<(), ServeError> {
    let writable = options.service.writable;
    let timeout = options.service.timeout;
    let memory_mb = options.service.max_query_memory >> 20;
    let loopback = options.bind.starts_with("127.") || options.bind.starts_with("localhost") || options.bind.starts_with("[::1]");
    let running = start(kb, options)?;
    let mode = if writable { "writable (bearer token required for writes)" } else { "read-only" };
    // Written with errors ignored: a closed stdout (a supervisor that stopped reading) must not
    // take the server down.
    let mut banner = format!("kgraph serve: listening on http://{}/ ({mode}, query timeout {} s, {memory_mb} MiB per query)\n", running.addr, timeout.as_secs_f32());
    banner.push_str(&format!("  viewer  http://{}/\n", running.addr));
    banner.push_str(&format!("  SPARQL  http://{}/sparql  (also /query; updates at /update)\n", running.addr));
    banner.push_str(&format!("  graphs  http://{}/store?graph=IRI\n", running.addr));
    if !loopback {
        banner.push_str("  warning: bound to a non-loopback address; anyone who can reach it can query the store\n");
    }
    let _ = std::io::stdout().write_all(banner.as_bytes());
    let _ = std::io::stdout().flush();
    running.join();
    Ok(())
}
