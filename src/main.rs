use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = kgraph::cli::Cli::parse();
    match kgraph::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // A closed pipe (`kgraph export | head`) is not an error worth reporting.
            if let Some(io) = err.root_cause().downcast_ref::<std::io::Error>() {
                if io.kind() == std::io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
            }
            eprintln!("kgraph: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
