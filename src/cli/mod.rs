//! The command-line interface: a thin layer over [`crate::pipeline`], [`crate::store`],
//! [`crate::graph`] and [`crate::export`]. Arguments are parsed in [`args`]; each command is a
//! function here. Errors are `anyhow` with the file in context; [`report`] prints each cause
//! once, on one line.

pub mod args;
mod commands;

pub use args::Cli;

use std::process::ExitCode;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    commands::dispatch(cli.command)
}

/// Prints `err` as `kgraph: error: …` — the message, then each cause whose text it does not
/// already hold — and gives the exit code: 2, or 0 for a closed pipe (`kgraph export | head`).
pub fn report(err: &anyhow::Error) -> ExitCode {
    if let Some(io) = err.root_cause().downcast_ref::<std::io::Error>() {
        if io.kind() == std::io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
    }
    eprintln!("kgraph: error: {}", message(err));
    ExitCode::from(2)
}

/// The message and its causes on one line, each text once: library errors name their cause in
/// their own message, and the chain would repeat it.
fn message(err: &anyhow::Error) -> String {
    let mut text = err.to_string();
    for cause in err.chain().skip(1) {
        let cause = cause.to_string();
        if !text.contains(&cause) {
            text.push_str(": ");
            text.push_str(&cause);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::StoreError;

    #[test]
    fn each_cause_is_printed_once() {
        let io = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied");
        let err = anyhow::Error::new(StoreError::Io { path: "store/kgraph.lock".into(), source: io });
        assert_eq!(message(&err), "store/kgraph.lock: permission denied");
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "not found");
        let err = anyhow::Error::new(io).context("q.rq");
        assert_eq!(message(&err), "q.rq: not found");
    }
}
