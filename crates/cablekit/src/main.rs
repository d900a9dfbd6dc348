//! The `cablekit` command line: converts US diplomatic cable archives to
//! Markdown, YAML, XML and Pandoc JSON, in parallel.
//!
//! This binary is the only part of cablekit that knows about threads,
//! terminals, progress bars, clap and exit codes; see `pipeline` for the
//! data flow and docs/cli.md for the user's view.

mod convert;
mod escape;
mod flags;
mod format;
mod idset;
mod index;
mod layout;
mod links;
mod order;
mod pipeline;
mod prepass;
mod progress;
mod report;
mod resume;
mod shard;
mod signal;
mod sink;
mod site;
mod window;

use clap::{CommandFactory, Parser};
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let cli = match flags::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            fatal(&e);
            ExitCode::from(2)
        }
    }
}

#[allow(clippy::print_stderr)]
fn fatal(e: &anyhow::Error) {
    eprintln!("cablekit: error: {e:#}");
}

fn run(cli: flags::Cli) -> anyhow::Result<ExitCode> {
    match cli.into_command()? {
        flags::Command::Convert(cfg) => convert(&cfg),
        flags::Command::Completions(shell) => {
            let mut out = std::io::stdout().lock();
            clap_complete::generate(shell, &mut flags::Cli::command(), "cablekit", &mut out);
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        flags::Command::Man => {
            let mut out = std::io::stdout().lock();
            man_page(&mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn convert(cfg: &flags::Config) -> anyhow::Result<ExitCode> {
    let start = Instant::now();
    quiet_worker_panics();
    let stop = signal::Stop::default();
    signal::install(&stop)?;
    let progress = progress::Progress::new(cfg.progress, cfg.color);
    let result = pipeline::run(cfg, &progress, &stop);
    progress.finish();
    let report = result?;
    let interrupted = stop.reason() == Some(signal::StopReason::Interrupted);
    if !interrupted {
        index_pages(cfg, &progress)?;
    }
    if cfg.summary {
        progress.message(&report.summary(start.elapsed(), interrupted));
    }
    Ok(if interrupted {
        ExitCode::from(130)
    } else if report.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The man page: the command's page, then a section per subcommand with
/// its own description and options (`convert`'s flags are where the work is).
fn man_page(out: &mut dyn Write) -> std::io::Result<()> {
    let cmd = flags::Cli::command();
    clap_mangen::Man::new(cmd.clone()).render(out)?;
    for sub in cmd.get_subcommands() {
        let name = format!("cablekit {}", sub.get_name());
        writeln!(out, ".SH \"{}\"", name.to_uppercase())?;
        if let Some(about) = sub.get_long_about().or(sub.get_about()) {
            writeln!(out, "{about}")?;
        }
        let sub = sub.clone().bin_name(name.clone());
        let man = clap_mangen::Man::new(sub);
        man.render_synopsis_section(out)?;
        man.render_options_section(out)?;
        if let Some(after) = cmd
            .find_subcommand(name.trim_start_matches("cablekit "))
            .and_then(|s| s.get_after_help())
        {
            writeln!(out, ".PP")?;
            for line in after.to_string().lines() {
                writeln!(out, "{}", line.replace('\\', "\\\\").replace('-', "\\-"))?;
                writeln!(out, ".br")?;
            }
        }
    }
    Ok(())
}

/// `--site`: the index pages of a Markdown tree, once the run is complete.
fn index_pages(cfg: &flags::Config, progress: &progress::Progress) -> anyhow::Result<()> {
    let Some(site) = cfg.site else {
        return Ok(());
    };
    let flags::Output::Tree(root) = &cfg.output else {
        if cfg.summary {
            progress.message(
                "cablekit: note: --site index pages are written into a directory output only",
            );
        }
        return Ok(());
    };
    let opts = format::markdown_options(Some(site), cfg.title_heading);
    let index = cfg.index.clone().unwrap_or_else(|| sink::index_path(root));
    let written = site::write_index_pages(root, &index, &opts)?;
    for path in &written.clashes {
        progress.message(&format!(
            "cablekit: note: index page {path} not written: a cable's page has that name"
        ));
    }
    Ok(())
}

/// Worker panics are caught and reported as failed records; the default
/// hook would also print them mid-progress-bar.
fn quiet_worker_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let worker = std::thread::current()
            .name()
            .is_some_and(|n| n.starts_with(pipeline::WORKER_PREFIX));
        if !worker {
            default(info);
        }
    }));
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
