//! The `cablekit` command line: converts cable archives to Markdown, YAML,
//! XML and Pandoc JSON.

use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

/// Converts US diplomatic cables.
#[derive(Parser)]
#[command(version)]
enum Cli {
    /// Convert cables.
    Convert {
        /// Input file.
        input: std::path::PathBuf,
    },
}

fn main() -> ExitCode {
    let Cli::Convert { input } = Cli::parse();
    let text = std::fs::read_to_string(&input).unwrap_or_default();
    let cable = cable_parse::parse(&text);
    let mut out = std::io::stdout().lock();
    let _ = cable_yaml::write(&cable, &cable_yaml::Options::default(), &mut out);
    let _ = out.flush();
    ExitCode::SUCCESS
}
