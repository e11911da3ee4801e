//! newsextract (crate docs written below).
mod lexicon;
mod segment;
pub use segment::{split_sentences, Sentence, SentenceSplitter, SentenceSplitterBuilder, Sentences};
