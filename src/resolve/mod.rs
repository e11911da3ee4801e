//! Stage 4 of the cascade: from rule matches to records.
//!
//! Rule matches name chunks; this stage decides who and what they refer to
//! across the whole article: short names and pronouns become full names
//! ([`people`]), "the position" becomes the role just vacated, "its" the
//! article's main organisation, roles named in appositives fill the gaps of
//! the events, and all of one person's matches of one kind merge into a
//! single [`Record`] whose evidence lists every sentence used.
//!
//! - `mod.rs`: the walk over the sentences and their matches;
//! - `hedges.rs`: cues that cancel a match;
//! - `frames.rs`: one match to a frame (people, roles, organisations) and
//!   the roles appositives bind;
//! - `build.rs`: frames merged into records, counterparts linked,
//!   reporting lines attached;
//! - `focus.rs`: the article's focus organisation;
//! - `people.rs`: full names, short names and pronouns;
//! - `index.rs`: the per-person indexes that keep all this linear.

mod build;
mod focus;
mod frames;
mod hedges;
mod index;
mod people;

use std::cell::OnceCell;

use once_cell::sync::Lazy;

use crate::lexicon::{entries, with_lowercase, WordMap, WordSet, PLACE_NAMES};
use crate::mentions::{ChunkKind, Mentions, Tense};
use crate::record::{Group, Kind, Record, Role, Span, Status};
use crate::rules::{Action, Match};
use crate::segment::Sentence;
use index::{Bindings, RecordSet, Vacated};

pub(crate) use people::People;

use focus::{focus_org, inner_names, is_short_form, org_mentions};
use frames::{clean_org, to_role};
use hedges::HEDGE_CUES;

/// A role as the resolver sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct RoleVal {
    title: String,
    org: Option<String>,
    /// Whether `org` is a named organisation (not filled in from context).
    org_named: bool,
    org_anaphor: bool,
    tense: Tense,
}

/// A role slot before resolution: a title, or "the position".
#[derive(Clone, Debug)]
enum RoleSlot {
    Title(RoleVal),
    Reference,
}

/// One event match with its slots resolved to names.
#[derive(Clone, Debug)]
struct Frame {
    kind: Kind,
    rule: String,
    sentence: usize,
    person: String,
    new_role: Option<RoleSlot>,
    old_role: Option<RoleSlot>,
    org: Option<String>,
    predecessor: Option<String>,
    successor: Option<String>,
    reports_to: Option<String>,
    prev_reports_to: Option<String>,
    status: Status,
}

/// One rule firing, for debugging: which rule matched where. Serialises
/// to `{"rule", "sentence", "span", "hedged"}`; more fields may come.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct RuleHit {
    /// The rule's id, e.g. `END/RESIGN`.
    pub rule: String,
    /// Index of the sentence in [`crate::Extraction::sentences`].
    pub sentence: usize,
    /// The sentence's span in the article.
    pub span: Span,
    /// Whether a hedge or negation cancelled it ("denied", "not").
    pub hedged: bool,
}

/// Everything the resolver needs about one sentence.
pub(crate) struct SentenceView<'a, 't> {
    pub sentence: &'a Sentence<'t>,
    pub mentions: &'a Mentions<'t>,
    pub matches: &'a [Match<'static>],
}

/// Builds the article's records from its sentences' rule matches.
pub(crate) fn records(
    text: &str,
    views: &[SentenceView<'_, '_>],
    hits: &mut Vec<RuleHit>,
) -> Vec<Record> {
    // Names some rule read as a person.
    const PERSON_SLOTS: [&str; 5] = [
        "person",
        "successor",
        "predecessor",
        "reports_to",
        "prev_reports_to",
    ];
    // Collecting names, organisations and common nouns reads every chunk
    // a few times; the walk below reads every match.
    crate::stages::tally(
        crate::stages::Stage::Resolve,
        views
            .iter()
            .map(|v| 1 + v.mentions.chunks.len() + v.matches.len())
            .sum(),
    );
    let mut named: WordSet<&str> = WordSet::default();
    for v in views {
        for m in v.matches {
            for &(slot, at) in &m.slots {
                if PERSON_SLOTS.contains(&slot) {
                    if let Some(i) = v.mentions.chunk_at(at) {
                        named.insert(v.mentions.chunks[i].text);
                    }
                }
            }
        }
    }
    let people = People::collect(views.iter().map(|v| v.mentions), &named);
    let inner = inner_names(views);
    let orgs = org_mentions(views, &people, &inner);
    let focus = focus_org(&orgs);
    let mut ctx = Context {
        text,
        people: &people,
        focus,
        inner: &inner,
        bindings: Bindings::default(),
        last_subject: None,
        sentence_subject: None,
        here: OnceCell::new(),
    };
    let mut frames = Vec::new();
    let mut denial_before = false;
    for (index, view) in views.iter().enumerate() {
        ctx.here = OnceCell::new();
        let padded = format!(" {} ", view.mentions.encoding);
        let denial_here = HEDGE_CUES.1.any_in(&padded, |_| true);
        // What "the report" said, right after a denial of that report, is
        // the denied rumour retold.
        let retold = denial_before && HEDGE_CUES.2.any_in(&padded, |_| true);
        let sentence_hedged = denial_here || retold;
        denial_before = denial_here || retold;
        let mut subject_here: Option<(String, Status)> = None;
        let mut object_here: Option<String> = None;
        let mut matches: Vec<&Match<'static>> = view.matches.iter().collect();
        matches.sort_by_key(|m| m.start);
        for m in matches {
            let matched = format!(" {} ", &view.mentions.encoding[m.start..m.end]);
            let hedged = sentence_hedged
                || HEDGE_CUES.0.any_in(&matched, |c| {
                    !m.rule.literal_words.iter().any(|w| c.trim() == w)
                });
            hits.push(RuleHit {
                rule: m.rule.id.clone(),
                sentence: index,
                span: Span {
                    start: view.sentence.start,
                    end: view.sentence.end,
                },
                hedged,
            });
            if hedged {
                continue;
            }
            match m.rule.action {
                Action::Role => ctx.bind_role(view, m, &matched),
                Action::Event(kind) => {
                    let subject = subject_here.clone();
                    ctx.sentence_subject = object_here.clone();
                    if let Some(f) = ctx.frame(view, index, m, kind, &matched, subject) {
                        subject_here = Some((f.person.clone(), f.status));
                        // An object ("tapped <Name> ..., hiring her") is what a
                        // later "him"/"her" in the sentence can mean; a
                        // subject ("<Name> was elected, succeeding him") is not.
                        let person_at = m
                            .slots
                            .iter()
                            .find(|(s, _)| *s == "person")
                            .map(|&(_, o)| o);
                        let is_object = person_at.is_some_and(|o| o > m.start + 1);
                        object_here = is_object.then(|| f.person.clone());
                        // "<Name>, <title>, and <Name>, <title>, will join":
                        // the same change for each coordinated person.
                        for other in ctx.coordinated(view, m) {
                            if other != f.person {
                                let mut twin = f.clone();
                                twin.person = other;
                                twin.old_role = None;
                                frames.push(twin);
                            }
                        }
                        frames.push(f);
                    }
                }
            }
        }
        ctx.sentence_subject = None;
        // The sentence's first person becomes the antecedent for "he"/"she".
        let first_person = view.mentions.chunks.iter().find_map(|c| match c.kind {
            ChunkKind::Person | ChunkKind::Name => people.resolve(c.text, c.start).filter(|_| {
                c.kind == ChunkKind::Person || people.resolve(c.text, c.start).is_some()
            }),
            _ => None,
        });
        if let Some(p) = subject_here.map(|(p, _)| p).or(first_person) {
            ctx.last_subject = Some(p);
        }
    }
    ctx.build(frames, views)
}

struct Context<'a> {
    text: &'a str,
    people: &'a People,
    focus: Option<String>,
    /// Undecided names capitalised somewhere other than at a sentence start
    /// and never written in lower case.
    inner: &'a WordSet<&'a str>,
    /// Roles held by each person, from appositives.
    bindings: Bindings,
    last_subject: Option<String>,
    /// The person of the latest event in the current sentence, when that
    /// person was its object.
    sentence_subject: Option<String>,
    /// Where the current sentence names people, worked out on first use.
    here: OnceCell<SentencePeople>,
}

/// Where one sentence names people, so that resolving a pronoun or a rule
/// without a person does not scan the sentence again each time (a sentence
/// may be as long as the article).
struct SentencePeople {
    /// Per chunk, the nearest chunk before it that resolves to a full name.
    nearest_before: Vec<Option<usize>>,
    /// The first chunk that names a person.
    first: Option<usize>,
}
