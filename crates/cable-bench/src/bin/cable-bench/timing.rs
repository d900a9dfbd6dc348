//! Running a command under GNU time (`/usr/bin/time -v`) for its wall time
//! and peak resident set size.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What one timed process did.
#[derive(Debug, Clone)]
pub(crate) struct Run {
    /// Wall time measured around the process.
    pub(crate) wall: Duration,
    /// Peak resident set size in KiB, from GNU time.
    pub(crate) max_rss_kib: Option<u64>,
    /// User and system CPU seconds, from GNU time.
    pub(crate) user: Option<f64>,
    pub(crate) sys: Option<f64>,
    /// Exit code of the measured command (`None` when killed by a signal).
    pub(crate) code: Option<i32>,
    /// The last lines of the command's standard error.
    pub(crate) stderr_tail: String,
    /// Killed at the time limit.
    pub(crate) killed: bool,
}

impl Run {
    pub(crate) fn ok(&self) -> bool {
        self.code == Some(0)
    }
}

/// Whether GNU time is available.
pub(crate) fn gnu_time() -> bool {
    Path::new("/usr/bin/time").exists()
}

/// Runs `program args` (stdout to /dev/null unless `stdout_to` names a
/// file), under `/usr/bin/time -v` when it exists.
pub(crate) fn run(
    program: &Path,
    args: &[String],
    stdout_to: Option<&Path>,
) -> std::io::Result<Run> {
    run_limited(program, args, stdout_to, Duration::from_secs(24 * 3600))
}

/// [`run`], killing the command's process group after `limit` (the result
/// then has `killed` set).
pub(crate) fn run_limited(
    program: &Path,
    args: &[String],
    stdout_to: Option<&Path>,
    limit: Duration,
) -> std::io::Result<Run> {
    use std::os::unix::process::CommandExt as _;
    let report = std::env::temp_dir().join(format!("cable-bench-time-{}.txt", std::process::id()));
    let mut cmd = if gnu_time() {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-v").arg("-o").arg(&report).arg(program);
        c
    } else {
        Command::new(program)
    };
    cmd.args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0);
    match stdout_to {
        Some(p) => cmd.stdout(std::fs::File::create(p)?),
        None => cmd.stdout(Stdio::null()),
    };
    let start = Instant::now();
    let mut child = cmd.spawn()?;
    // Drain stderr on a thread so a chatty command cannot block on a full pipe.
    let mut err_pipe = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(p) = err_pipe.as_mut() {
            let _ = std::io::Read::read_to_end(p, &mut buf);
        }
        buf
    });
    let mut killed = false;
    let status = loop {
        if let Some(st) = child.try_wait()? {
            break st;
        }
        if start.elapsed() > limit {
            // The whole group: GNU time and the command it runs.
            let _ = Command::new("kill")
                .arg("-KILL")
                .arg(format!("-{}", child.id()))
                .status();
            killed = true;
            break child.wait()?;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let wall = start.elapsed();
    let err = reader.join().unwrap_or_default();
    let stderr = String::from_utf8_lossy(&err);
    let tail: Vec<&str> = stderr.lines().rev().take(6).collect();
    let stderr_tail = tail.into_iter().rev().collect::<Vec<_>>().join(" | ");
    let mut max_rss_kib = None;
    let (mut user, mut sys) = (None, None);
    let mut code = status.code();
    if let Ok(text) = std::fs::read_to_string(&report) {
        for line in text.lines() {
            let line = line.trim();
            if let Some(v) = line.strip_prefix("Maximum resident set size (kbytes):") {
                max_rss_kib = v.trim().parse().ok();
            }
            if let Some(v) = line.strip_prefix("User time (seconds):") {
                user = v.trim().parse().ok();
            }
            if let Some(v) = line.strip_prefix("System time (seconds):") {
                sys = v.trim().parse().ok();
            }
            if let Some(v) = line.strip_prefix("Exit status:") {
                code = v.trim().parse().ok();
            }
            if line.starts_with("Command terminated by signal") {
                code = None;
            }
        }
        let _ = std::fs::remove_file(&report);
    }
    if killed {
        code = None;
    }
    Ok(Run {
        wall,
        max_rss_kib,
        user,
        sys,
        code,
        stderr_tail,
        killed,
    })
}
