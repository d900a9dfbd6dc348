//! `cable-gen`: writes a synthetic cable corpus.
//!
//! ```text
//! cable-gen --count 251287 --seed 1 --format csv --out target/bench/cables.csv
//! cable-gen --count 1000 --format html --out corpus.tar.gz
//! ```

#![allow(clippy::print_stderr)]

use cable_bench::write_corpus;
use cable_gen::{Format, Generator};
use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Writes synthetic US diplomatic cables (deterministic: the same seed and
/// count give byte-identical output).
#[derive(Parser)]
#[command(version)]
struct Args {
    /// Number of cables.
    #[arg(long, default_value_t = cable_gen::CABLEGATE_ROWS)]
    count: u64,
    /// Seed of the pseudo-random generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Rendering: csv (one cables.csv), txt (raw telegrams), seed (Markdown
    /// scrape), html (cablegate pages).
    #[arg(long, default_value = "csv", value_parser = clap::builder::PossibleValuesParser::new(Format::NAMES))]
    format: String,
    /// Output: a file for csv, a directory for the others; a path ending in
    /// .tar.gz, .tgz, .zip or .7z packs the output into that archive.
    #[arg(long)]
    out: PathBuf,
    /// Print nothing.
    #[arg(long, short)]
    quiet: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let format: Format = match args.format.parse() {
        Ok(f) => f,
        Err(e) => {
            eprintln!("cable-gen: {e}");
            return ExitCode::from(2);
        }
    };
    let generator = Generator::new(args.seed, args.count);
    let start = Instant::now();
    match write_corpus(&generator, format, &args.out) {
        Ok(w) => {
            if !args.quiet {
                let secs = start.elapsed().as_secs_f64();
                eprintln!(
                    "cable-gen: {} cables, {} bytes ({format}) to {} in {secs:.2} s ({:.0} MB/s)",
                    w.cables,
                    w.bytes,
                    args.out.display(),
                    w.bytes as f64 / 1e6 / secs.max(1e-9)
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cable-gen: {}: {e}", args.out.display());
            ExitCode::from(2)
        }
    }
}
