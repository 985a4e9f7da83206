//! `kgraph serve` (the knowledge base over HTTP) and `kgraph push` (its graphs into a remote
//! store).

use super::args::StoreArgs;
use super::{open_read, open_write};
use crate::server::{PushAuth, PushOptions, ServeOptions, ServiceConfig};
use anyhow::{Result, bail};

/// The serve flags that bound hostile clients.
pub(super) struct Limits {
    pub max_query_mb: usize,
    pub max_connections: usize,
    pub allow_hosts: Vec<String>,
}

/// `kgraph serve`: read-only (shared lock) unless `--writable` (exclusive lock, token required).
#[allow(clippy::too_many_arguments)]
pub(super) fn serve(
    bind: String,
    writable: bool,
    token: Option<String>,
    timeout: f64,
    cors: Option<String>,
    max_body: usize,
    threads: usize,
    limits: Limits,
    store_args: &StoreArgs,
) -> Result<()> {
    if writable && token.as_deref().is_none_or(str::is_empty) {
        bail!("--writable needs a bearer token: pass --token T or set KGRAPH_TOKEN");
    }
    let timeout = crate::guard::parse_timeout(timeout, "--timeout").map_err(anyhow::Error::msg)?;
    let kb = if writable { open_write(store_args)? } else { open_read(store_args)? };
    let service = ServiceConfig {
        writable,
        token: if writable { token } else { None },
        timeout,
        cors,
        max_body,
        max_query_memory: limits.max_query_mb.saturating_mul(1 << 20),
        hosts: None,
    };
    let Limits { max_connections, allow_hosts, .. } = limits;
    crate::server::serve(kb, ServeOptions { bind, threads, max_connections, allow_hosts, service })?;
    Ok(())
}

/// `kgraph push URL`: every named graph to a remote Graph Store.
pub(super) fn push(
    url: String,
    auth: Option<String>,
    token: Option<String>,
    sparql: Option<String>,
    prune: bool,
    dry_run: bool,
    store_args: &StoreArgs,
) -> Result<()> {
    let auth = match (auth, token) {
        (Some(a), _) if !a.contains(':') => bail!("--auth takes USER:PASS"),
        (Some(a), _) => Some(PushAuth::Basic(a)),
        (None, Some(t)) => Some(PushAuth::Bearer(t)),
        (None, None) => None,
    };
    let kb = open_read(store_args)?;
    let options = PushOptions { url, sparql, auth, dry_run, prune };
    crate::server::push(&kb, &options, &mut std::io::stderr())?;
    Ok(())
}
