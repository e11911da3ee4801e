//! newsextract (crate docs written below).
mod extract;
mod lexicon;
mod mentions;
mod record;
mod resolve;
mod rules;
mod segment;

pub use extract::{debug_encodings, extract, Extraction, Extractor};
pub use record::{Group, Kind, Record, Role, Span, Status};
pub use resolve::RuleHit;
pub use segment::{
    split_sentences, Sentence, SentenceSplitter, SentenceSplitterBuilder, Sentences,
};
pub mod eval;
