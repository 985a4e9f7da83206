use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = kgraph::cli::Cli::parse();
    match kgraph::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => kgraph::cli::report(&err),
    }
}
