//! Running a per-article job over all inputs on several threads, writing
//! the results in input order.
//!
//! ```text
//! reader thread ──articles──▶ N worker threads ──lines──▶ writer (main thread)
//!       │                                                   │ reorders by
//!       └──────────────── input errors ────────────────────▶│ sequence number
//! ```
//!
//! The reader numbers every item (article or input error) and may only run
//! a bounded window ahead of the writer (at most `threads * 256` items and
//! [`BYTE_BUDGET`] bytes in flight), so memory stays flat whatever the input
//! size and however slow one article is. The writer writes items strictly
//! in sequence order and flushes its output whenever it has written
//! everything that is ready, so a stream of lines in gives a stream of lines
//! out (the filter mode Hadoop Streaming and Spark's `RDD.pipe` need).
//!
//! The threads wake each other as seldom as they can: a short article takes
//! about a tenth of a millisecond, no more than waking a thread, and on a
//! two-core machine every wake-up of the reader or the writer takes a core
//! from a worker. So a worker hands on its results in batches (when it has
//! [`RESULTS_PER_SEND`], or before it waits for work), the writer releases
//! the window once per batch, and a reader stopped by a full window waits
//! until half of it is free.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::ops::ControlFlow;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::input::{self, Article, InputError, Item};

/// Items in flight per worker thread: enough that the reader or a worker
/// losing its core to another process for a few milliseconds leaves the
/// other workers something to do (short articles take a tenth of a
/// millisecond each). Small articles cost little memory, and
/// [`BYTE_BUDGET`] bounds large ones.
const WINDOW_PER_THREAD: usize = 256;
/// Input bytes in flight at most (one larger article is still let through
/// on its own).
const BYTE_BUDGET: u64 = 32 * 1024 * 1024;
/// Finished items a worker collects before it hands them to the writer.
const RESULTS_PER_SEND: usize = 16;
/// Input bytes whose results a worker holds at most: it hands on what it
/// has before a longer article, so that no result waits long (while it
/// waits, the writer cannot write the results after it).
const HELD_BYTES: u64 = 64 * 1024;

/// What one article gave: its output line (with the line break) and how
/// many records it holds.
pub struct Done {
    pub line: Vec<u8>,
    pub records: usize,
}

impl Done {
    /// `value` as one JSON line.
    pub fn json(value: &impl serde::Serialize, records: usize) -> Self {
        let mut line = serde_json::to_vec(value).expect("output serialises");
        line.push(b'\n');
        Self { line, records }
    }
}

/// How a run behaves (the command-line options).
pub struct Settings {
    pub paths: Vec<PathBuf>,
    pub input: input::Options,
    /// Worker threads (at least 1).
    pub threads: usize,
    /// Output file; standard output when `None`.
    pub output: Option<PathBuf>,
    /// Also write error lines to this file.
    pub errors: Option<PathBuf>,
    /// Stop at the first input error.
    pub fail_fast: bool,
    /// Write error lines to the output too, in place of the bad article.
    pub inline_errors: bool,
    /// No progress bar and no summary.
    pub quiet: bool,
    /// The summary even when standard error is not a terminal.
    pub verbose: bool,
}

/// Counts for the summary line.
#[derive(Default, Debug)]
pub struct Summary {
    pub articles: u64,
    pub records: u64,
    pub errors: u64,
    pub bytes: u64,
    /// Files folder walks passed over.
    pub skipped: u64,
    pub elapsed: Duration,
    /// The run stopped early at an error (`--fail-fast`).
    pub stopped: bool,
}

impl Summary {
    /// The one-line summary shown at the end of a run on a terminal.
    pub fn line(&self) -> String {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        let mb = self.bytes as f64 / 1e6;
        format!(
            "newsextract: {} articles, {} records, {} errors, {} skipped files, {:.1} MB in {:.1} s ({:.0} articles/s, {:.2} MB/s){}",
            self.articles,
            self.records,
            self.errors,
            self.skipped,
            mb,
            self.elapsed.as_secs_f64(),
            self.articles as f64 / secs,
            mb / secs,
            if self.stopped { "; stopped at the first error (--fail-fast)" } else { "" },
        )
    }
}

/// Bounds the number and size of items between the reader and the writer.
struct Gate {
    state: Mutex<GateState>,
    room: Condvar,
    window: usize,
    /// Set with `state.stopped`, for workers to check without the lock.
    stopped: AtomicBool,
}

#[derive(Default)]
struct GateState {
    items: usize,
    bytes: u64,
    stopped: bool,
    /// The size of the item the reader waits to let in, if it waits.
    waiting: Option<u64>,
}

impl Gate {
    fn new(window: usize) -> Self {
        Self {
            state: Mutex::default(),
            room: Condvar::new(),
            window,
            stopped: AtomicBool::new(false),
        }
    }

    /// Whether an item of `bytes` may go in at once.
    fn has_room(&self, s: &GateState, bytes: u64) -> bool {
        s.items == 0 || (s.items < self.window && s.bytes + bytes <= BYTE_BUDGET)
    }

    /// Whether a reader waiting to let in an item of `bytes` goes on: once
    /// half the window is free, so that it wakes once per half window
    /// rather than once per item.
    fn may_resume(&self, s: &GateState, bytes: u64) -> bool {
        s.stopped || s.items == 0 || (s.items <= self.window / 2 && s.bytes + bytes <= BYTE_BUDGET)
    }

    /// Waits until an item of `bytes` may go in; false once the run stops.
    fn enter(&self, bytes: u64) -> bool {
        let mut s = self.state.lock().unwrap();
        if !s.stopped && !self.has_room(&s, bytes) {
            s.waiting = Some(bytes);
            while !self.may_resume(&s, bytes) {
                s = self.room.wait(s).unwrap();
            }
            s.waiting = None;
        }
        s.items += 1;
        s.bytes += bytes;
        !s.stopped
    }

    /// Lets `items` items of `bytes` bytes in all out.
    fn leave(&self, items: usize, bytes: u64) {
        let mut s = self.state.lock().unwrap();
        s.items -= items;
        s.bytes -= bytes;
        if s.waiting.is_some_and(|b| self.may_resume(&s, b)) {
            self.room.notify_one();
        }
    }

    fn stop(&self) {
        self.state.lock().unwrap().stopped = true;
        self.stopped.store(true, Ordering::Relaxed);
        self.room.notify_all();
    }

    fn stopped(&self) -> bool {
        self.stopped.load(Ordering::Relaxed)
    }
}

enum Outcome {
    Done(Done),
    Failed(InputError),
}

/// A finished item: sequence number, outcome, input bytes.
type Finished = (u64, Outcome, u64);

/// Reads every input, runs `work` on each article on `settings.threads`
/// threads and writes the lines in input order; input errors go to
/// standard error (and the errors file). An `Err` is an output failure
/// (`BrokenPipe` when the reader of standard output went away).
pub fn run<W>(settings: Settings, work: W) -> io::Result<Summary>
where
    W: Fn(&Article) -> Done + Send + Sync + 'static,
{
    let started = Instant::now();
    let mut out: Box<dyn Write> = match &settings.output {
        Some(path) => Box::new(BufWriter::with_capacity(
            256 * 1024,
            File::create(path).map_err(|e| annotate(e, path))?,
        )),
        None => Box::new(BufWriter::with_capacity(256 * 1024, io::stdout())),
    };
    let mut errors_file = match &settings.errors {
        Some(path) => Some(BufWriter::new(
            File::create(path).map_err(|e| annotate(e, path))?,
        )),
        None => None,
    };
    let progress = Progress::new(&settings);

    let threads = settings.threads.max(1);
    let gate = Arc::new(Gate::new(threads * WINDOW_PER_THREAD));
    let (work_tx, work_rx) = mpsc::channel::<(u64, Article, u64)>();
    let (done_tx, done_rx) = mpsc::channel::<Vec<Finished>>();
    let work = Arc::new(work);
    let work_rx = Arc::new(Mutex::new(work_rx));
    for _ in 0..threads {
        let (gate, work, work_rx, done_tx) =
            (gate.clone(), work.clone(), work_rx.clone(), done_tx.clone());
        thread::spawn(move || worker(&gate, &*work, &work_rx, &done_tx));
    }
    {
        // The reader. Threads are detached: when the writer stops early (a
        // closed standard output, --fail-fast) the process ends without
        // waiting for a read from a terminal or a pipe that may never end.
        let gate = gate.clone();
        let Settings { paths, input, .. } = &settings;
        let (paths, input) = (paths.clone(), input.clone());
        thread::spawn(move || {
            let mut seq = 0u64;
            input::for_each_article(&paths, &input, |Item { article, bytes }| {
                if !gate.enter(bytes) {
                    return ControlFlow::Break(());
                }
                let sent = match article {
                    Ok(article) => work_tx.send((seq, article, bytes)).is_ok(),
                    Err(e) => done_tx.send(vec![(seq, Outcome::Failed(e), bytes)]).is_ok(),
                };
                seq += 1;
                if sent {
                    ControlFlow::Continue(())
                } else {
                    ControlFlow::Break(())
                }
            });
        });
    }

    let mut summary = Summary::default();
    let result = write_in_order(
        &done_rx,
        &gate,
        &settings,
        &mut *out,
        &mut errors_file,
        &progress,
        &mut summary,
    );
    gate.stop();
    summary.elapsed = started.elapsed();
    summary.skipped = settings
        .input
        .skipped
        .load(std::sync::atomic::Ordering::Relaxed);
    progress.finish(&summary, result.is_ok(), settings.verbose);
    result.map(|()| summary)
}

fn annotate(e: io::Error, path: &std::path::Path) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

fn worker<W: Fn(&Article) -> Done>(
    gate: &Gate,
    work: &W,
    work_rx: &Mutex<Receiver<(u64, Article, u64)>>,
    done_tx: &Sender<Vec<Finished>>,
) {
    let mut finished: Vec<Finished> = Vec::with_capacity(RESULTS_PER_SEND);
    let mut held = 0;
    let send = |finished: &mut Vec<Finished>, held: &mut u64| {
        *held = 0;
        finished.is_empty() || done_tx.send(std::mem::take(finished)).is_ok()
    };
    loop {
        // Another worker holding the queue is waiting in it for work: the
        // queue is empty then, and waiting for the lock would keep this
        // worker's results from the writer while nothing else can move.
        let queued = match work_rx.try_lock() {
            Ok(rx) => rx.try_recv(),
            Err(_) => Err(TryRecvError::Empty),
        };
        let (seq, article, bytes) = match queued {
            Ok(job) => job,
            Err(waits) => {
                // Nothing queued: hand on what is done before waiting, so
                // that the writer can write everything read so far.
                if !send(&mut finished, &mut held) {
                    return;
                }
                if waits == TryRecvError::Disconnected {
                    return;
                }
                match work_rx.lock().unwrap().recv() {
                    Ok(job) => job,
                    Err(_) => return,
                }
            }
        };
        if gate.stopped() || (held + bytes > HELD_BYTES && !send(&mut finished, &mut held)) {
            return;
        }
        // Extraction never panics by contract; should it ever, the article
        // is reported as failed and the run goes on.
        let outcome = match catch_unwind(AssertUnwindSafe(|| work(&article))) {
            Ok(done) => Outcome::Done(done),
            Err(_) => Outcome::Failed(InputError {
                source: article.id.clone(),
                line: None,
                reason: "internal error: processing this article panicked".to_owned(),
                id: Some(article.id.clone()),
            }),
        };
        finished.push((seq, outcome, bytes));
        held += bytes;
        if finished.len() >= RESULTS_PER_SEND && !send(&mut finished, &mut held) {
            return;
        }
    }
}

fn write_in_order(
    done_rx: &Receiver<Vec<Finished>>,
    gate: &Gate,
    settings: &Settings,
    out: &mut dyn Write,
    errors_file: &mut Option<BufWriter<File>>,
    progress: &Progress,
    summary: &mut Summary,
) -> io::Result<()> {
    let mut pending: BTreeMap<u64, (Outcome, u64)> = BTreeMap::new();
    let mut next = 0u64;
    let flush = |out: &mut dyn Write, errors_file: &mut Option<BufWriter<File>>| {
        if let Some(f) = errors_file {
            f.flush()?;
        }
        out.flush()
    };
    loop {
        let batch = match done_rx.try_recv() {
            Ok(batch) => batch,
            Err(TryRecvError::Empty) => {
                // Everything ready is written: hand it on before waiting.
                flush(out, errors_file)?;
                match done_rx.recv() {
                    Ok(batch) => batch,
                    Err(_) => break,
                }
            }
            Err(TryRecvError::Disconnected) => break,
        };
        for (seq, outcome, bytes) in batch {
            pending.insert(seq, (outcome, bytes));
        }
        // What this batch lets the writer write leaves the window at once.
        let (mut left, mut left_bytes) = (0, 0);
        while let Some((outcome, bytes)) = pending.remove(&next) {
            next += 1;
            summary.bytes += bytes;
            match outcome {
                Outcome::Done(done) => {
                    out.write_all(&done.line)?;
                    summary.articles += 1;
                    summary.records += done.records as u64;
                }
                Outcome::Failed(e) => {
                    summary.errors += 1;
                    let line = e.to_json();
                    progress.suspend(|| {
                        // Standard error may be closed too; errors there
                        // must not end the run.
                        let _ = writeln!(io::stderr().lock(), "{line}");
                    });
                    if let Some(f) = errors_file {
                        writeln!(f, "{line}")?;
                    }
                    if settings.inline_errors {
                        writeln!(out, "{line}")?;
                    }
                    if settings.fail_fast {
                        summary.stopped = true;
                        gate.stop();
                        return flush(out, errors_file);
                    }
                }
            }
            left += 1;
            left_bytes += bytes;
            progress.update(summary);
        }
        gate.leave(left, left_bytes);
    }
    flush(out, errors_file)
}

/// The progress bar on standard error (hidden unless it is a terminal and
/// the run is not `--quiet`).
struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    last: Mutex<Instant>,
}

impl Progress {
    fn new(settings: &Settings) -> Self {
        let started = Instant::now();
        let bar = (!settings.quiet && io::stderr().is_terminal()).then(|| {
            let bar = match input::total_bytes(&settings.paths) {
                Some(total) => ProgressBar::with_draw_target(
                    Some(total),
                    ProgressDrawTarget::stderr_with_hz(4),
                )
                .with_style(
                    ProgressStyle::with_template(
                        "{spinner} {elapsed_precise} [{bar:16}] {percent:>3}% eta {eta:<4} {wide_msg}",
                    )
                    .expect("valid template")
                    .progress_chars("=> "),
                ),
                None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(4))
                    .with_style(
                        ProgressStyle::with_template("{spinner} {elapsed_precise} {wide_msg}")
                            .expect("valid template"),
                    ),
            };
            bar.enable_steady_tick(Duration::from_millis(250));
            bar
        });
        Self {
            bar,
            started,
            last: Mutex::new(started),
        }
    }

    fn update(&self, summary: &Summary) {
        let Some(bar) = &self.bar else { return };
        bar.set_position(summary.bytes);
        let now = Instant::now();
        let mut last = self.last.lock().unwrap();
        if now.duration_since(*last) < Duration::from_millis(200) {
            return;
        }
        *last = now;
        let secs = now.duration_since(self.started).as_secs_f64().max(1e-9);
        // Rates first: on a narrow terminal the end of the message is cut.
        bar.set_message(format!(
            "{:.0} articles/s, {:.2} MB/s, {} articles, {} errors, {} records",
            summary.articles as f64 / secs,
            summary.bytes as f64 / 1e6 / secs,
            summary.articles,
            summary.errors,
            summary.records,
        ));
    }

    fn suspend(&self, f: impl FnOnce()) {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Clears the bar; prints the summary unless the output failed (when
    /// there is a bar, or with `verbose`).
    fn finish(&self, summary: &Summary, print_summary: bool, verbose: bool) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        if print_summary && (self.bar.is_some() || verbose) {
            eprintln!("{}", summary.line());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_line_names_every_count() {
        let s = Summary {
            articles: 1000,
            records: 1500,
            errors: 10,
            bytes: 5_000_000,
            skipped: 3,
            elapsed: Duration::from_secs(2),
            stopped: false,
        };
        assert_eq!(
            s.line(),
            "newsextract: 1000 articles, 1500 records, 10 errors, 3 skipped files, 5.0 MB in 2.0 s (500 articles/s, 2.50 MB/s)"
        );
    }

    #[test]
    fn gate_lets_one_large_item_through_alone() {
        let gate = Gate::new(2);
        assert!(gate.enter(BYTE_BUDGET * 2));
        gate.leave(1, BYTE_BUDGET * 2);
        assert!(gate.enter(1));
        assert!(gate.enter(1));
        gate.stop();
        // Full, but stopped: does not wait, reports the stop.
        assert!(!gate.enter(1));
    }

    #[test]
    fn a_reader_stopped_by_a_full_window_waits_for_half_of_it() {
        let gate = Gate::new(4);
        let full = GateState {
            items: 4,
            ..GateState::default()
        };
        assert!(!gate.has_room(&full, 1));
        for (items, resumes) in [(4, false), (3, false), (2, true), (0, true)] {
            let s = GateState {
                items,
                bytes: items as u64,
                ..GateState::default()
            };
            assert_eq!(gate.may_resume(&s, 1), resumes, "{items} items in flight");
        }
        // Half the window free, but not the bytes the next item needs.
        let s = GateState {
            items: 1,
            bytes: BYTE_BUDGET,
            ..GateState::default()
        };
        assert!(!gate.may_resume(&s, 1));

        // A reader waiting in `enter` goes on once the writer has let half
        // of the window out.
        let gate = Arc::new(Gate::new(4));
        for _ in 0..4 {
            assert!(gate.enter(1));
        }
        let reader = {
            let gate = gate.clone();
            thread::spawn(move || gate.enter(1))
        };
        while gate.state.lock().unwrap().waiting.is_none() {
            thread::yield_now();
        }
        gate.leave(1, 1);
        assert_eq!(gate.state.lock().unwrap().waiting, Some(1), "still waits");
        gate.leave(1, 1);
        assert!(reader.join().unwrap());
        assert_eq!(gate.state.lock().unwrap().items, 3);
    }
}
