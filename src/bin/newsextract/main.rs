//! The `newsextract` command-line tool.

mod batch;
mod decode;
mod input;

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use newsextract::ArticleRecords;

/// Extract leadership changes from English news articles.
#[derive(Parser)]
#[command(name = "newsextract", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Split articles into sentences: one JSON line per article.
    ///
    /// Inputs and options as for `extract`.
    Split {
        #[command(flatten)]
        batch: BatchArgs,
    },
    /// Extract leadership changes: one JSON line per article, as in the
    /// shared record schema ({"id", "records": [...]}), in input order.
    ///
    /// A PATH is a `.txt` or `.txt.gz` file (one article, id = file name
    /// without the extension; two files of the same name get their paths),
    /// a `.jsonl` or `.jsonl.gz` file (one {"id", "text"} object per line),
    /// a `.json` file (an array of such objects) or a folder (read
    /// recursively: the same extensions in any case; a text file's id is
    /// its path below the folder without `.txt`; other files are counted
    /// as skipped). With no PATH or `-`, JSON lines are read from standard
    /// input (plain text with --text): one line in, one line out, so the
    /// command works as a Hadoop Streaming mapper or in Spark's `RDD.pipe`.
    ///
    /// A bad input gets one JSON error line on standard error (source,
    /// line, reason) and the run goes on; the exit code is then 2.
    Extract {
        #[command(flatten)]
        batch: BatchArgs,
    },
    /// Score predicted records against gold records (slot-level precision,
    /// recall and F1), exactly as the shared `score.py` does.
    ///
    /// Warns on standard error when predicted ids match no gold id or gold
    /// ids have no prediction (usually ids written differently).
    Eval {
        /// Gold file: one {"id", "records"} object per line; `-` reads
        /// standard input.
        gold: PathBuf,
        /// Predictions, e.g. the output of `newsextract extract`; `-` reads
        /// standard input.
        pred: PathBuf,
        /// Also print one line per article.
        #[arg(long)]
        per_article: bool,
        /// Also list every missing and spurious slot.
        #[arg(long)]
        errors: bool,
        /// Also print how often an aligned record has the exact gold kind
        /// (promotion, not appointment) and the most frequent confusions.
        #[arg(long)]
        kinds: bool,
    },
    /// Show how the rules read each sentence: the encoding the event rules
    /// match, the chunks, and every rule that fired (for rule writers).
    Explain {
        #[command(flatten)]
        batch: BatchArgs,
    },
}

/// Inputs, outputs and the way a batch run behaves.
#[derive(Args)]
struct BatchArgs {
    /// Input files and folders; standard input when none or `-`.
    paths: Vec<PathBuf>,
    /// Read standard input, and every file named, as one plain-text
    /// article each (standard input's id is `stdin`).
    #[arg(long)]
    text: bool,
    /// The input's encoding: utf-8 (the default; UTF-16 with a byte order
    /// mark is recognised too), windows-1252, latin-1, utf-16le, ... (any
    /// WHATWG label).
    #[arg(long, value_name = "NAME", default_value = "utf-8", value_parser = decode::parse)]
    encoding: decode::Decoding,
    /// Name every file a folder walk skips, and print the summary line
    /// even when standard error is not a terminal.
    #[arg(short, long)]
    verbose: bool,
    /// Write the output to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The JSON field holding the text (a JSON pointer such as
    /// `/body/text` when it starts with `/`).
    #[arg(long, value_name = "NAME", default_value = "text")]
    text_field: String,
    /// The JSON field holding the id (a name or a JSON pointer); lines
    /// without one get `SOURCE:LINE`.
    #[arg(long, value_name = "NAME", default_value = "id")]
    id_field: String,
    /// Also write every error line to FILE.
    #[arg(long, value_name = "FILE")]
    errors: Option<PathBuf>,
    /// Stop at the first bad input (exit code 2).
    #[arg(long)]
    fail_fast: bool,
    /// Longest accepted JSON line or text file, in bytes; `K`, `M`, `G`
    /// (or `KB`, `MB`, `GB`) mean powers of 1000, `KiB`, `MiB`, `GiB`
    /// powers of 1024.
    #[arg(long, value_name = "SIZE", default_value = "10MB", value_parser = parse_size)]
    max_bytes: u64,
    /// Worker threads; 0 means one per core.
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0)]
    threads: usize,
    /// No progress bar and no summary line on standard error.
    #[arg(short, long)]
    quiet: bool,
    /// Also write each error line to the output, in place of the bad
    /// article, so that every input line gives exactly one output line: a
    /// blank line then counts as an empty article (id `SOURCE:LINE`, no
    /// records) instead of being skipped.
    #[arg(long)]
    inline_errors: bool,
    /// Exit with 0 even if some inputs failed (for cluster tasks, where a
    /// non-zero exit fails the task); errors are still reported.
    #[arg(long)]
    exit_zero: bool,
}

impl BatchArgs {
    fn settings(self) -> (batch::Settings, bool) {
        let threads = match self.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        };
        let settings = batch::Settings {
            paths: self.paths,
            input: input::Options {
                jsonl: newsextract::jsonl::Options {
                    text_field: self.text_field,
                    id_field: self.id_field,
                    max_bytes: self.max_bytes,
                    blank_lines_are_articles: self.inline_errors,
                },
                text: self.text,
                decoding: self.encoding,
                verbose: self.verbose,
                skipped: Default::default(),
            },
            threads,
            output: self.output,
            errors: self.errors,
            fail_fast: self.fail_fast,
            inline_errors: self.inline_errors,
            quiet: self.quiet,
            verbose: self.verbose,
        };
        (settings, self.exit_zero)
    }
}

/// `10MB`, `512K`, `1GiB`, `1000` as a number of bytes.
fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (digits, unit) = s.split_at(split);
    let number: u64 = digits
        .parse()
        .map_err(|_| format!("{s:?} is not a size such as 10MB"))?;
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1_000,
        "m" | "mb" => 1_000_000,
        "g" | "gb" => 1_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        _ => {
            return Err(format!(
                "unknown unit in {s:?} (use K, M, G, KiB, MiB, GiB)"
            ))
        }
    };
    number
        .checked_mul(factor)
        .ok_or_else(|| format!("{s:?} is too large"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (batch, work): (BatchArgs, Job) = match cli.command {
        Command::Split { batch } => (
            batch,
            Box::new(|article| {
                let sentences: Vec<_> = newsextract::split_sentences(&article.text).collect();
                batch::Done::json(
                    &serde_json::json!({"id": article.id, "sentences": sentences}),
                    0,
                )
            }),
        ),
        Command::Extract { batch } => {
            let extractor = newsextract::Extractor::new();
            (
                batch,
                Box::new(move |article| {
                    let records = extractor.extract(&article.text).records;
                    let n = records.len();
                    // A struct, not a JSON map, so fields keep the
                    // schema's order.
                    batch::Done::json(&ArticleRecords::new(article.id.clone(), records), n)
                }),
            )
        }
        Command::Explain { batch } => {
            let extractor = newsextract::Extractor::new();
            (
                batch,
                Box::new(move |article| {
                    let out = extractor.extract(&article.text);
                    let encodings = newsextract::debug_encodings(&article.text);
                    batch::Done::json(
                        &serde_json::json!({"id": article.id, "encodings": encodings, "hits": out.hits, "records": out.records}),
                        out.records.len(),
                    )
                }),
            )
        }
        Command::Eval {
            gold,
            pred,
            per_article,
            errors,
            kinds,
        } => return eval(&gold, &pred, per_article, errors, kinds),
    };
    let (settings, exit_zero) = batch.settings();
    match batch::run(settings, work) {
        Ok(summary) if summary.errors == 0 || exit_zero => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(2),
        // The reader of our output went away (`| head`): end quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "{}",
                serde_json::json!({"error": format!("output failed: {e}")})
            );
            ExitCode::from(1)
        }
    }
}

fn eval(
    gold: &std::path::Path,
    pred: &std::path::Path,
    per_article: bool,
    errors: bool,
    kinds: bool,
) -> ExitCode {
    match newsextract::eval::score_files(gold, pred) {
        Ok(report) => {
            for (ids, what) in [
                (
                    &report.predictions_without_gold,
                    "predicted articles match no gold id (not scored)",
                ),
                (
                    &report.gold_without_prediction,
                    "gold articles have no prediction (scored as predicting nothing)",
                ),
            ] {
                if !ids.is_empty() {
                    eprintln!(
                        "newsextract eval: warning: {} {what}: {}",
                        ids.len(),
                        id_list(ids)
                    );
                }
            }
            if errors {
                print!("{}", report.errors());
            }
            if per_article {
                print!("{}", report.per_article());
            }
            if kinds {
                print!("{}", report.kinds());
            }
            print!("{}", report.table());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", serde_json::json!({"error": e.to_string()}));
            ExitCode::from(2)
        }
    }
}

/// The first few ids of a list, quoted, for a warning.
fn id_list(ids: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut list: Vec<String> = ids.iter().take(SHOWN).map(|id| format!("{id:?}")).collect();
    if ids.len() > SHOWN {
        list.push(format!("and {} more", ids.len() - SHOWN));
    }
    list.join(", ")
}

/// The work done on each article.
type Job = Box<dyn Fn(&input::Article) -> batch::Done + Send + Sync>;

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_take_decimal_and_binary_units() {
        assert_eq!(parse_size("10MB"), Ok(10_000_000));
        assert_eq!(parse_size("512k"), Ok(512_000));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("5XB").is_err());
        assert!(parse_size("99999999999G").is_err());
    }
}
