//! The `newsextract` command-line tool.

mod input;

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

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
    /// PATH is a `.txt` file (one article, id = file stem) or a `.jsonl` file
    /// (one {"id", "text"} object per line); with no PATH or `-`, JSON lines
    /// are read from standard input.
    Split {
        /// Input files; standard input when none or `-`.
        paths: Vec<PathBuf>,
    },
    /// Extract leadership changes: one JSON line per article, as in the
    /// shared record schema ({"id", "records": [...]}).
    ///
    /// Inputs as for `split`.
    Extract {
        /// Input files; standard input when none or `-`.
        paths: Vec<PathBuf>,
    },
    /// Score predicted records against gold records (slot-level precision,
    /// recall and F1), exactly as the shared `score.py` does.
    Eval {
        /// Gold file: one {"id", "records"} object per line.
        gold: PathBuf,
        /// Predictions, e.g. the output of `newsextract extract`.
        pred: PathBuf,
        /// Also print one line per article.
        #[arg(long)]
        per_article: bool,
        /// Also list every missing and spurious slot.
        #[arg(long)]
        errors: bool,
    },
    /// Show how the rules read each sentence: the encoding the event rules
    /// match, the chunks, and every rule that fired (for rule writers).
    Explain {
        /// Input files; standard input when none or `-`.
        paths: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Split { paths } => run(&paths, |article| {
            let sentences: Vec<_> = newsextract::split_sentences(&article.text).collect();
            serde_json::json!({"id": article.id, "sentences": sentences})
        }),
        Command::Extract { paths } => {
            let extractor = newsextract::Extractor::new();
            run(&paths, |article| {
                let out = extractor.extract(&article.text);
                // A struct, not a JSON map, so fields keep the schema's order.
                ArticleRecords {
                    id: article.id.clone(),
                    records: out.records,
                }
            })
        }
        Command::Eval {
            gold,
            pred,
            per_article,
            errors,
        } => {
            return match newsextract::eval::score_files(&gold, &pred) {
                Ok(report) => {
                    if errors {
                        print!("{}", report.errors());
                    }
                    if per_article {
                        print!("{}", report.per_article());
                    }
                    print!("{}", report.table());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{}", serde_json::json!({"error": e.to_string()}));
                    ExitCode::from(2)
                }
            };
        }
        Command::Explain { paths } => {
            let extractor = newsextract::Extractor::new();
            run(&paths, |article| {
                let out = extractor.extract(&article.text);
                let encodings = newsextract::debug_encodings(&article.text);
                let hits: Vec<_> = out
                    .hits
                    .iter()
                    .map(|h| serde_json::json!({"rule": h.rule, "sentence": h.sentence, "hedged": h.hedged}))
                    .collect();
                serde_json::json!({"id": article.id, "encodings": encodings, "hits": hits, "records": out.records})
            })
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(2),
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

/// One output line of `extract`.
#[derive(serde::Serialize)]
struct ArticleRecords {
    id: String,
    records: Vec<newsextract::Record>,
}

/// Runs `work` on every article and writes its JSON line; returns whether
/// every input was read without error.
fn run<T: serde::Serialize>(
    paths: &[PathBuf],
    work: impl Fn(&input::Article) -> T,
) -> io::Result<bool> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut clean = true;
    input::for_each_article(paths, |article| {
        match article {
            Ok(article) => {
                serde_json::to_writer(&mut out, &work(&article))?;
                out.write_all(b"\n")?;
            }
            Err(e) => {
                clean = false;
                eprintln!("{}", e.to_json());
            }
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(clean)
}
