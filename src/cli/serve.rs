//! `kgraph serve` (the knowledge base over HTTP) and `kgraph push` (its graphs into a remote
//! store).

use super::args::StoreArgs;
use super::{open_read, open_write};
use crate::server::{PushAuth, PushOptions, ServeOptions, ServiceConfig};
use anyhow::{Result, bail};

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
    store_args: &StoreArgs,
) -> Result<()> {
    if writable && token.as_deref().is_none_or(str::is_empty) {
        bail!("--writable needs a bearer token: pass --token T or set KGRAPH_TOKEN");
    }
    if !(timeout.is_finite() && timeout > 0.0) {
        bail!("--timeout must be a positive number of seconds");
    }
    let kb = if writable { open_write(store_args)? } else { open_read(store_args)? };
    let service = ServiceConfig {
        writable,
        token: if writable { token } else { None },
        timeout: std::time::Duration::from_secs_f64(timeout),
        cors,
        max_body,
    };
    crate::server::serve(kb, ServeOptions { bind, threads, service })?;
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
