//! The command-line interface: a thin layer over [`crate::pipeline`], [`crate::store`],
//! [`crate::graph`] and [`crate::export`]. Arguments are parsed in [`args`]; each command is a
//! function here. Errors are `anyhow` with the file in context; `main` prints them on one line.

pub mod args;
mod commands;

pub use args::Cli;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    commands::dispatch(cli.command)
}
