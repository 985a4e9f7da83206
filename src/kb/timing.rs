//! Timing spans for finding where a build's time goes: with `KGRAPH_TIMING=1` in the
//! environment, each [`span`] prints its name and wall time to standard error when it ends;
//! without it a span costs one cached environment lookup.
//!
//! In: a span's name. Out: `timing NAME 0.123 s (resident N MB)` lines on standard error, nothing else.

use std::sync::OnceLock;
use std::time::Instant;

/// Whether `KGRAPH_TIMING` is set (to anything but `0` or empty), read once.
fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var("KGRAPH_TIMING").is_ok_and(|v| !v.is_empty() && v != "0"))
}

/// The process's resident memory in MB (Linux; 0 elsewhere).
fn resident_mb() -> u64 {
    let pages = std::fs::read_to_string("/proc/self/statm").ok().and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok());
    pages.unwrap_or(0) * 4096 / (1024 * 1024)
}

/// A running span; prints when dropped (if timing is on).
pub(crate) struct Span {
    name: &'static str,
    started: Option<Instant>,
}

/// Starts a span named `name`.
pub(crate) fn span(name: &'static str) -> Span {
    Span { name, started: enabled().then(Instant::now) }
}

impl Drop for Span {
    fn drop(&mut self) {
        if let Some(started) = self.started {
            eprintln!("timing {} {:.3} s (resident {} MB)", self.name, started.elapsed().as_secs_f64(), resident_mb());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_os = "linux")]
    fn resident_memory_is_read_on_linux() {
        // a running test binary holds at least its code and heap: some MB
        assert!(resident_mb() > 0);
    }

    #[test]
    fn a_span_is_timed_only_when_asked() {
        assert_eq!(span("test").started.is_some(), enabled());
    }
}
