//! Progress bars on stderr: one `indicatif::MultiProgress` with a record
//! bar (a real total for directories and zips, an estimate from bytes for
//! CSV and tar, a plain count otherwise) and a byte bar of the raw input
//! with throughput and ETA. The record bar's message carries the running
//! failure and warning counts.
//!
//! Bars are drawn only when stderr is a terminal, `--quiet` is not given
//! and `TERM` is not `dumb`; `NO_COLOR` drops their colours. Every other
//! message goes through [`Progress::message`], which suspends the bars
//! so lines never tear.

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// The run's progress display (cheap to clone: all handles are shared).
#[derive(Clone)]
pub(crate) struct Progress {
    multi: MultiProgress,
    records: ProgressBar,
    bytes: ProgressBar,
    color: bool,
    /// Known record total (`count_hint`), 0 if unknown.
    count: Arc<AtomicU64>,
    /// Known byte total, 0 if unknown.
    bytes_total: Arc<AtomicU64>,
}

impl Progress {
    /// A display drawn on stderr if `enabled`, else hidden.
    pub(crate) fn new(enabled: bool, color: bool) -> Progress {
        let target = if enabled {
            ProgressDrawTarget::stderr_with_hz(10)
        } else {
            ProgressDrawTarget::hidden()
        };
        let multi = MultiProgress::with_draw_target(target);
        let records = multi.add(ProgressBar::new_spinner());
        let bytes = multi.add(ProgressBar::new(0));
        let p = Progress {
            multi,
            records,
            bytes,
            color,
            count: Arc::default(),
            bytes_total: Arc::default(),
        };
        p.records.set_style(p.spinner_style());
        p.bytes.set_style(p.style(
            "{bar:30.green/white} {bytes}/{total_bytes} read, {binary_bytes_per_sec}, ETA {eta}",
        ));
        if enabled {
            p.records.enable_steady_tick(Duration::from_millis(100));
        }
        p
    }

    fn style(&self, template: &str) -> ProgressStyle {
        let template = if self.color {
            template.to_owned()
        } else {
            strip_colors(template)
        };
        ProgressStyle::with_template(&template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ")
            // Whole cables per second (`{per_sec}` shows four decimals).
            .with_key(
                "rate",
                |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0}/s", state.per_sec());
                },
            )
    }

    fn spinner_style(&self) -> ProgressStyle {
        self.style("{spinner:.cyan} [{elapsed_precise}] {pos} cables, {rate} {msg}")
    }

    /// Shows what the run is doing before the conversion starts.
    pub(crate) fn phase(&self, message: &str) {
        self.records.set_message(message.to_owned());
    }

    /// Sets the totals the inputs announced, as the conversion starts.
    ///
    /// The rate and ETA estimators start afresh here: the seconds of the
    /// cross-link pre-pass, with no cable done, would otherwise drag the
    /// shown rate down for many seconds (an ETA of hours at the start).
    pub(crate) fn set_totals(&self, count: Option<u64>, bytes: Option<u64>) {
        self.records.reset_eta();
        self.bytes.reset_eta();
        self.count.store(count.unwrap_or(0), Ordering::Relaxed);
        self.bytes_total
            .store(bytes.unwrap_or(0), Ordering::Relaxed);
        self.records.set_message(String::new());
        if let Some(n) = count {
            self.records.set_length(n);
            self.records.set_style(
                self.style("{spinner:.cyan} [{elapsed_precise}] {bar:30.cyan/blue} {pos}/{len} cables, {rate}, ETA {eta} {msg}"),
            );
        }
        match bytes {
            Some(n) => self.bytes.set_length(n),
            None => self
                .bytes
                .set_style(self.style("{bytes} read, {binary_bytes_per_sec}")),
        }
    }

    /// The reader has consumed `n` bytes of raw input in all.
    pub(crate) fn bytes_read(&self, n: u64) {
        self.bytes.set_position(n);
    }

    /// One more item is done; `failed` and `warnings` are the running totals.
    pub(crate) fn item_done(&self, failed: u64, warnings: u64) {
        self.records.inc(1);
        let done = self.records.position();
        if self.count.load(Ordering::Relaxed) == 0 {
            let total = self.bytes_total.load(Ordering::Relaxed);
            let read = self.bytes.position();
            if total > 0 && read > 0 {
                // CSV and tar do not know their record count: estimate it.
                let estimate = (u128::from(done) * u128::from(total) / u128::from(read)) as u64;
                if self.records.length().is_none() {
                    self.records.set_style(self.style(
                        "{spinner:.cyan} [{elapsed_precise}] {bar:30.cyan/blue} {pos}/~{len} cables, {rate}, ETA {eta} {msg}",
                    ));
                }
                self.records.set_length(estimate.max(done));
            }
        }
        if done.is_multiple_of(64) || failed > 0 || warnings > 0 {
            self.records
                .set_message(format!("{failed} failed, {warnings} warnings"));
        }
    }

    /// Prints one line on stderr without tearing the bars.
    #[allow(clippy::print_stderr)]
    pub(crate) fn message(&self, line: &str) {
        self.multi.suspend(|| eprintln!("{line}"));
    }

    /// Removes the bars.
    pub(crate) fn finish(&self) {
        self.records.finish_and_clear();
        self.bytes.finish_and_clear();
        let _ = self.multi.clear();
    }
}

/// `{bar:30.cyan/blue}` -> `{bar:30}`: drops indicatif colour specs.
fn strip_colors(template: &str) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let field = &rest[open..open + close];
        out.push_str(field.split('.').next().unwrap_or(field));
        out.push('}');
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_specs_are_stripped() {
        assert_eq!(
            strip_colors("{spinner:.cyan} {bar:30.cyan/blue} {pos}/{len} x"),
            "{spinner:} {bar:30} {pos}/{len} x"
        );
    }

    #[test]
    fn templates_are_valid() {
        for color in [true, false] {
            let p = Progress::new(false, color);
            p.set_totals(None, Some(100));
            p.bytes_read(50);
            p.item_done(0, 1);
            assert_eq!(p.records.length(), Some(2));
            p.set_totals(Some(10), None);
            p.finish();
        }
    }
}
