//! The benchmark report: rows of measurements, ratios measured in the same
//! run, the targets of the benchmark issue, and the machine.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

/// One measurement.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    section: &'static str,
    what: String,
    wall: Option<Duration>,
    cables: u64,
    in_bytes: u64,
    out_bytes: Option<u64>,
    rss_kib: Option<u64>,
    /// User and system CPU seconds.
    cpu: Option<(f64, f64)>,
    note: String,
}

impl Row {
    pub(crate) fn new(section: &'static str, what: String) -> Row {
        Row {
            section,
            what,
            wall: None,
            cables: 0,
            in_bytes: 0,
            out_bytes: None,
            rss_kib: None,
            cpu: None,
            note: String::new(),
        }
    }
    pub(crate) fn wall(mut self, d: Duration) -> Row {
        self.wall = Some(d);
        self
    }
    pub(crate) fn work(mut self, cables: u64, bytes: u64) -> Row {
        self.cables = cables;
        self.in_bytes = bytes;
        self
    }
    pub(crate) fn out(mut self, bytes: u64) -> Row {
        self.out_bytes = Some(bytes);
        self
    }
    pub(crate) fn rss(mut self, kib: Option<u64>) -> Row {
        self.rss_kib = kib;
        self
    }
    pub(crate) fn cpu(mut self, user: Option<f64>, sys: Option<f64>) -> Row {
        self.cpu = user.zip(sys);
        self
    }
    pub(crate) fn note(mut self, note: String) -> Row {
        self.note = note;
        self
    }
}

/// Everything measured in one run.
#[derive(Debug, Default)]
pub(crate) struct Report {
    rows: Vec<Row>,
    pub(crate) cat_wall: Option<Duration>,
    pub(crate) cat_small: Option<Duration>,
    pub(crate) lib_per_cable: Option<Duration>,
    /// The large corpus, all formats, tree, -j2 (the goal row), and its cable count.
    pub(crate) e2e_j2: Option<(Duration, u64)>,
    /// Small-corpus runs with all four formats by (`tree`/`tar`, jobs).
    pub(crate) small: std::collections::BTreeMap<(&'static str, u32), Duration>,
    /// Estimated large -j2 run when it was not run.
    pub(crate) e2e_estimate: Option<Duration>,
    pub(crate) sample: Option<(u64, &'static str)>,
    pub(crate) ours_sample: Option<Duration>,
    pub(crate) ours_sample_e2e: Option<Duration>,
    /// (how pandoc was run, seconds per cable).
    pub(crate) pandoc: Vec<(String, Duration)>,
}

const SECTIONS: [&str; 6] = [
    "Generator",
    "Parser",
    "Writers",
    "Archive reader",
    "End to end",
    "Alternatives",
];

impl Report {
    pub(crate) fn push(&mut self, row: Row) {
        eprintln!("cable-bench:   {} {}", row.what, fmt_wall(row.wall));
        self.rows.push(row);
    }

    fn rss_of(&self, needle: &str) -> Option<u64> {
        // Rows that ran carry no note or only their projection.
        self.rows
            .iter()
            .find(|r| {
                r.what.contains(needle) && (r.note.is_empty() || r.note.starts_with("projected"))
            })
            .and_then(|r| r.rss_kib)
    }

    pub(crate) fn markdown(&self, args: &str) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "### {} — {}\n", today(), machine());
        let _ = writeln!(
            s,
            "Commands: `cargo build --release -p cablekit -p cable-bench && target/release/cable-bench {args}` (what `just bench` runs). \
             Corpus: `target/release/cable-gen --count N --seed 1 --format csv --out target/bench/cables.csv`. \
             End-to-end runs write a directory tree (one file per cable and format) or one uncompressed tar (`--archive tar`), as each row says; \
             user and system CPU seconds are GNU time's. Wall times on a shared machine vary; CPU seconds less so.\n"
        );
        for section in SECTIONS {
            let rows: Vec<&Row> = self.rows.iter().filter(|r| r.section == section).collect();
            if rows.is_empty() {
                continue;
            }
            let _ = writeln!(s, "#### {section}\n");
            let _ = writeln!(
                s,
                "| what | wall s | cables | cables/s | input MB | input MB/s | output MB | CPU s (user+sys) | peak RSS MB | note |"
            );
            let _ = writeln!(s, "|---|--:|--:|--:|--:|--:|--:|--:|--:|---|");
            for r in rows {
                let secs = r.wall.map(|d| d.as_secs_f64());
                let per = |x: u64| match secs {
                    Some(t) if t > 0.0 && x > 0 => format!("{:.0}", x as f64 / t),
                    _ => String::new(),
                };
                let mbps = match secs {
                    Some(t) if t > 0.0 && r.in_bytes > 0 => {
                        format!("{:.1}", r.in_bytes as f64 / 1e6 / t)
                    }
                    _ => String::new(),
                };
                let cpu = r
                    .cpu
                    .map(|(u, y)| format!("{u:.1}+{y:.1}"))
                    .unwrap_or_default();
                let _ = writeln!(
                    s,
                    "| {} | {} | {} | {} | {} | {} | {} | {cpu} | {} | {} |",
                    r.what.replace('|', "\\|"),
                    secs.map(|t| format!("{t:.2}")).unwrap_or_default(),
                    if r.cables > 0 {
                        r.cables.to_string()
                    } else {
                        String::new()
                    },
                    per(r.cables),
                    if r.in_bytes > 0 {
                        format!("{:.1}", r.in_bytes as f64 / 1e6)
                    } else {
                        String::new()
                    },
                    mbps,
                    r.out_bytes
                        .map(|b| format!("{:.1}", b as f64 / 1e6))
                        .unwrap_or_default(),
                    r.rss_kib
                        .map(|k| format!("{:.0}", k as f64 / 1024.0))
                        .unwrap_or_default(),
                    r.note.replace('|', "\\|"),
                );
            }
            s.push('\n');
        }
        s.push_str(&self.targets());
        s
    }

    /// The targets and the ratios measured in this run.
    fn targets(&self) -> String {
        let mut s = String::from(
            "#### Targets and ratios (same run)\n\n| target | measured | met |\n|---|---|---|\n",
        );
        let mut line = |t: &str, m: String, ok: Option<bool>| {
            let met = match ok {
                Some(true) => "yes",
                Some(false) => "**no**",
                None => "not measured",
            };
            let _ = writeln!(s, "| {t} | {m} | {met} |");
        };
        let goal = "251,287 cables, all four formats, tree, -j2 <= 60 s (>= 4,200 cables/s)";
        match (self.e2e_j2, self.e2e_estimate) {
            (Some((w, n)), _) => {
                let rate = n as f64 / w.as_secs_f64().max(1e-9);
                let full = 251_287.0 / rate;
                let how = if n >= 251_287 {
                    format!("{:.1} s ({rate:.0} cables/s)", w.as_secs_f64())
                } else {
                    format!(
                        "{n} cables in {:.1} s ({rate:.0} cables/s): 251,287 projected at {full:.0} s",
                        w.as_secs_f64()
                    )
                };
                line(goal, how, Some(full <= 60.0));
            }
            (None, Some(e)) => line(
                goal,
                format!(
                    "not run; projected {:.0} s from the small corpus ({:.1}x the target)",
                    e.as_secs_f64(),
                    e.as_secs_f64() / 60.0
                ),
                None,
            ),
            (None, None) => line(goal, "-".into(), None),
        }
        let small = self.rss_of("small corpus, all formats, tree, -j2");
        let large = self.rss_of("(all formats, tree, -j2)");
        match (small, large) {
            (Some(a), Some(b)) => {
                // Flat: the large run within 25% (plus 10 MB of slack for
                // allocator noise) of the small one, whatever the sizes.
                let flat = b * 4 <= a * 5 + 4 * 10 * 1024;
                let under = a < 300 * 1024 && b < 300 * 1024;
                line(
                    "peak RSS < 300 MB and flat (25k vs 251k)",
                    format!(
                        "{:.0} MB vs {:.0} MB: {} 300 MB, {}",
                        a as f64 / 1024.0,
                        b as f64 / 1024.0,
                        if under { "under" } else { "over" },
                        if flat { "flat" } else { "not flat" }
                    ),
                    Some(under && flat),
                );
            }
            _ => {
                let mb = |k: Option<u64>| {
                    k.map_or("not run".to_owned(), |k| {
                        format!("{:.0} MB", k as f64 / 1024.0)
                    })
                };
                line(
                    "peak RSS < 300 MB and flat (25k vs 251k)",
                    format!("small corpus {}, large corpus {}", mb(small), mb(large)),
                    None,
                );
            }
        }
        for kind in ["tree", "tar"] {
            let t = format!("-j2 at least 1.8x -j1, all formats, {kind}");
            match (self.small.get(&(kind, 1)), self.small.get(&(kind, 2))) {
                (Some(a), Some(b)) => {
                    let x = a.as_secs_f64() / b.as_secs_f64();
                    line(&t, format!("{x:.2}x (small corpus)"), Some(x >= 1.8));
                }
                _ => line(&t, "-".into(), None),
            }
        }
        let pandoc_json = self
            .pandoc
            .iter()
            .find(|(k, _)| k == "per file -t json")
            .map(|p| p.1);
        match (
            pandoc_json,
            self.ours_sample_e2e.or(self.ours_sample),
            self.sample,
        ) {
            (Some(p), Some(o), Some((n, _))) => {
                let ours = o / n as u32;
                let x = p.as_secs_f64() / ours.as_secs_f64().max(1e-12);
                let how = if self.ours_sample_e2e.is_some() {
                    "cablekit convert -j1, all 4 formats"
                } else {
                    "in-process parse + 4 writers"
                };
                line(
                    "per cable >= 100x faster than pandoc -f markdown -t json (one process per file)",
                    format!(
                        "pandoc {:.1} ms/cable, ours {:.3} ms/cable ({how}): {x:.0}x",
                        p.as_secs_f64() * 1e3,
                        ours.as_secs_f64() * 1e3
                    ),
                    Some(x >= 100.0),
                );
            }
            _ => line(
                "per cable >= 100x faster than pandoc -f markdown -t json",
                "-".into(),
                None,
            ),
        }
        if let Some((n, source)) = self.sample {
            let _ = writeln!(s);
            let _ = writeln!(
                s,
                "pandoc sample: {n} cables spread over the corpus; pandoc's input is the {source}."
            );
            for (how, per) in &self.pandoc {
                let ours = self.ours_sample.map(|o| o / n as u32);
                let ratio = ours
                    .map(|o| per.as_secs_f64() / o.as_secs_f64().max(1e-12))
                    .unwrap_or(0.0);
                let _ = writeln!(
                    s,
                    "- pandoc {how}: {:.2} ms/cable; ours in-process (parse + 4 writers) is {ratio:.0}x faster",
                    per.as_secs_f64() * 1e3
                );
            }
        }
        if let (Some(cat), Some(j2)) = (self.cat_small, self.small.get(&("tree", 2))) {
            let _ = writeln!(
                s,
                "- `cat` of the small corpus vs its full conversion (tree, -j2): conversion takes {:.0}x the time of reading the file",
                j2.as_secs_f64() / cat.as_secs_f64().max(1e-9)
            );
        }
        if let Some(p) = self.lib_per_cable {
            let _ = writeln!(
                s,
                "- library, 1 thread: {:.1} µs per cable for parse + 4 writers",
                p.as_secs_f64() * 1e6
            );
        }
        s.push('\n');
        s
    }
}

fn fmt_wall(d: Option<Duration>) -> String {
    d.map(|d| format!("{:.2} s", d.as_secs_f64()))
        .unwrap_or_else(|| "-".into())
}

/// Today's date (UTC) from `date`, for the dated summary.
fn today() -> String {
    std::process::Command::new("date")
        .args(["-u", "+%Y-%m-%d"])
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "unknown date".into())
}

/// Cores, CPU model and memory of this machine.
fn machine() -> String {
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("MemTotal:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|k| k.parse::<u64>().ok())
        })
        .map(|k| format!("{:.1} GiB", k as f64 / 1024.0 / 1024.0))
        .unwrap_or_else(|| "unknown memory".into());
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|t| t.split_whitespace().next().map(str::to_owned))
        .unwrap_or_default();
    format!("{cores} cores ({cpu}), {mem} RAM, load average {load} at start of report")
}

/// Appends the run's summary under the "Runs" heading of docs/benchmarks.md.
pub(crate) fn append_docs(path: &Path, text: &str) -> std::io::Result<()> {
    let mut doc = std::fs::read_to_string(path).unwrap_or_default();
    if !doc.ends_with('\n') && !doc.is_empty() {
        doc.push('\n');
    }
    doc.push('\n');
    doc.push_str(text);
    std::fs::write(path, doc)
}
