//! Stage 2b of the cascade: phrases.
//!
//! Between a sentence's mentions and the event rules, the basic and complex
//! phrases of FASTUS:
//!
//! - verb groups (`verbs.rs`): auxiliaries, modals, adverbs and negation
//!   around one event verb, written as one symbol with the verb's class,
//!   voice and tense (`V5/resign/act/perf`);
//! - noun groups (`nouns.rs`): a person with the appositions, ages,
//!   brackets and pre-modifying titles around them, written as the head's
//!   symbol alone, and coordinated people as one group; a title with its
//!   determiners ("the company's new T") as the title's symbol;
//! - clauses: the sentence, and each relative clause ("who joined in
//!   2019") as a clause of its own whose subject is the person it
//!   describes.
//!
//! The event rules then need only a few words for what once took an
//! aside, an auxiliary and an adverb macro in every pattern.

mod nouns;
pub(crate) mod verbs;
mod words;

pub(crate) use nouns::NounGroup;
pub(crate) use verbs::VerbGroup;

use crate::lexicon::{lower_in, CLAUSE_OPENERS, OBJECT_PRONOUNS, SUBORDINATORS, VERBS_LEXICON};
use crate::mentions::{Chunk, ChunkKind, Mentions};
use crate::stages::{PhraseList, Stage, Steps};
use words::PhraseWord;

/// One clause as the rules read it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Clause {
    /// Space-separated symbols: `P3`, `T5`, `V7/resign/act/perf`, words.
    pub encoding: String,
    /// Byte offset in `encoding` where each symbol starts.
    pub symbol_starts: Vec<usize>,
    /// The chunk each symbol stands for: a group's head, a verb group's
    /// main verb, a title group's title.
    pub symbol_chunks: Vec<usize>,
    /// For a relative clause, the noun group (index into
    /// [`Phrases::groups`]) it is about; its first symbol is that group's
    /// head.
    pub about: Option<usize>,
    /// Whether the clause continues another with its subject ("left A to
    /// join B", "will step down and become chairman"): one move told with
    /// two verbs.
    pub continues: bool,
}

impl Clause {
    /// Appends a verb group's symbol.
    fn push_verb(&mut self, verb: &VerbGroup) {
        if !self.encoding.is_empty() {
            self.encoding.push(' ');
        }
        self.symbol_starts.push(self.encoding.len());
        self.symbol_chunks.push(verb.main);
        verb.write_symbol(&mut self.encoding);
    }

    fn push(&mut self, symbol: &str, chunk: usize) {
        if !self.encoding.is_empty() {
            self.encoding.push(' ');
        }
        self.symbol_starts.push(self.encoding.len());
        self.symbol_chunks.push(chunk);
        self.encoding.push_str(symbol);
    }
}

/// A sentence's phrases. The lists count every read of an entry as
/// phrase work ([`crate::stages::Work`]): the later stages ask about them
/// per verb and per match, and a scan where a lookup belongs shows in the
/// count that `tests/adversarial.rs` checks.
#[derive(Clone, Debug, Default)]
pub(crate) struct Phrases {
    /// The sentence's clause first, then one per relative clause.
    pub clauses: PhraseList<Clause>,
    /// Every verb group, in text order.
    pub verbs: PhraseList<VerbGroup>,
    /// Every person noun group, in text order.
    pub groups: PhraseList<NounGroup>,
    /// Each chunk that heads a group, with the first group it heads, in
    /// chunk order.
    by_head: Vec<(usize, usize)>,
    /// Each member chunk of a group (its head included), with the first
    /// group it is a member of, in chunk order.
    by_member: Vec<(usize, usize)>,
}

impl Phrases {
    /// The verb group whose main verb is chunk `k`. Verb groups are in
    /// text order and never overlap, so one binary search finds it: rules
    /// and resolution ask once per match, and a scan would make a long
    /// sentence of many verbs quadratic.
    pub(crate) fn verb_at(&self, k: usize) -> Option<&VerbGroup> {
        let i = self.verbs.partition_point(|v| v.main < k);
        self.verbs.get(i).filter(|v| v.main == k)
    }

    /// Whether a verb group starts at chunk `k`.
    pub(crate) fn verb_starts_at(&self, k: usize) -> bool {
        self.verb_starts_in(&(k..k + 1))
    }

    /// Whether a verb group ends right before chunk `k`.
    pub(crate) fn verb_ends_before(&self, k: usize) -> bool {
        let i = self.verbs.partition_point(|v| v.last + 1 < k);
        self.verbs.get(i).is_some_and(|v| v.last + 1 == k)
    }

    /// The first noun group chunk `k` heads.
    pub(crate) fn group_headed_by(&self, k: usize) -> Option<&NounGroup> {
        self.groups.get(first_group(&self.by_head, k)?)
    }

    /// The first noun group chunk `k` is a member of.
    pub(crate) fn group_with_member(&self, k: usize) -> Option<&NounGroup> {
        self.groups.get(first_group(&self.by_member, k)?)
    }

    /// The verb an infinitive or participle `v` depends on: the one just
    /// before it, near and in the same clause ("left Acme in May to join",
    /// "will step down to take on"). A headline's "Jane Roe to step down"
    /// has none.
    pub(crate) fn governing(&self, v: &VerbGroup, chunks: &[Chunk<'_>]) -> Option<&VerbGroup> {
        let breaks = |from: usize, to: usize| {
            chunks[from.min(chunks.len())..to.min(chunks.len())]
                .iter()
                .any(|c| matches!(c.text, ";" | ":" | "." | "?" | "!"))
        };
        // Verb groups are in text order and never overlap: a binary search
        // finds the last one before `v` (a scan would make a long sentence
        // of many verbs quadratic).
        let before = self.verbs.partition_point(|w| w.main < v.first);
        before
            .checked_sub(1)
            .and_then(|i| self.verbs.get(i))
            .filter(|w| v.first - w.last <= GOVERNING_DISTANCE && !breaks(w.last + 1, v.first))
    }

    /// For each noun group, the furthest chunk it or any group before it
    /// reaches. Groups are in text order by their first chunk, a relative
    /// clause's groups inside their head's, so group `i` lies inside an
    /// earlier one when `reach[i - 1] >= first`, and a chunk `k` inside a
    /// group when the reach of the last group opened by `k` gets to it.
    fn group_reach(&self) -> Vec<usize> {
        self.groups
            .iter()
            .scan(0, |far, g| {
                *far = (*far).max(g.last);
                Some(*far)
            })
            .collect()
    }

    /// Whether a verb group starts in `range`: one binary search, the verb
    /// groups being in text order.
    fn verb_starts_in(&self, range: &std::ops::Range<usize>) -> bool {
        let i = self.verbs.partition_point(|u| u.first < range.start);
        self.verbs.get(i).is_some_and(|u| range.contains(&u.first))
    }
}

/// The group `index` (pairs of chunk and first group, in chunk order)
/// gives chunk `k`: one binary search.
fn first_group(index: &[(usize, usize)], k: usize) -> Option<usize> {
    let i = index.partition_point(|&(c, _)| c < k);
    index.get(i).filter(|&&(c, _)| c == k).map(|&(_, g)| g)
}

/// Pairs of chunk and group, sorted by chunk, with only the first group of
/// each chunk kept.
fn first_groups(mut pairs: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    pairs.sort_unstable();
    pairs.dedup_by_key(|&mut (c, _)| c);
    pairs
}

/// How deep relative clauses may nest ("A, who B, who C, ...") before the
/// deeper ones are left unread.
const MAX_RELATIVE_DEPTH: usize = 32;

/// How many chunks a clause continuing the subject of another may hold.
const CONTINUED_CLAUSE_CHUNKS: usize = 40;

/// How many words may stand between a subject and its verb ("Lena Voss
/// on Monday left").
const SUBJECT_GAP: usize = 4;

/// How many chunks may stand between an infinitive and the verb it depends
/// on ("left Acme Corp. in May to join").
const GOVERNING_DISTANCE: usize = 10;

/// A chunk's title group (title chunk and last chunk, if any) once asked
/// for; `None` before.
type KnownTitleGroup = std::cell::Cell<Option<Option<(usize, usize)>>>;

/// A sentence's chunks as the phrase finders see them.
pub(super) struct Sentence<'m, 't> {
    mentions: &'m Mentions<'t>,
    /// Each chunk's symbol in the chunk encoding (a word in lower case).
    symbols: Vec<&'m str>,
    /// What the lexicon says of each symbol, looked up once.
    words: Vec<Option<&'static PhraseWord>>,
    /// What each symbol is to the noun-group finders.
    marks: Vec<nouns::Marks>,
    /// The title group at each chunk, once asked for
    /// ([`Sentence::title_group_at`]).
    title_groups: Vec<KnownTitleGroup>,
    /// Each chunk's text in lower case.
    texts: Vec<String>,
    /// The verb group starting at each chunk, over the whole sentence:
    /// the noun-group finders ask about the same chunks again and again.
    verbs: Vec<Option<VerbGroup>>,
    /// Whether a word that introduces named people ("namely") occurs: most
    /// sentences have none, and then no chunk needs looking ahead for one.
    names_list: bool,
    /// Per chunk, the first chunk from it on that is a comma, a semicolon
    /// or a full stop (the sentence's length when none): where a relative
    /// clause ends, worked out on first use.
    stops: std::cell::OnceCell<Vec<usize>>,
    /// How many relative clauses are being read, one inside the other.
    relative_depth: std::cell::Cell<usize>,
}

impl<'m, 't> Sentence<'m, 't> {
    fn new(mentions: &'m Mentions<'t>) -> Self {
        let enc = &mentions.encoding;
        let starts = &mentions.symbol_starts;
        let symbols: Vec<&str> = starts
            .iter()
            .enumerate()
            .map(|(i, &s)| {
                let end = starts.get(i + 1).map_or(enc.len(), |&n| n - 1);
                &enc[s..end]
            })
            .collect();
        // Lower-cased texts serve only role references ("took the helm"):
        // none when the sentence has none (verb groups read a missing text
        // as an empty one).
        let role_refs = mentions.chunks.iter().any(|c| c.kind == ChunkKind::RoleRef);
        let texts: Vec<String> = if role_refs {
            mentions
                .chunks
                .iter()
                .map(|c| match c.kind {
                    ChunkKind::RoleRef => c.text.to_lowercase(),
                    _ => String::new(),
                })
                .collect()
        } else {
            Vec::new()
        };
        let words = words::look_up(&symbols);
        let marks = symbols.iter().map(|s| nouns::Marks::of(s)).collect();
        let verbs = (0..symbols.len())
            .map(|k| {
                let word = mentions.chunks[k].kind == ChunkKind::Word;
                word.then(|| verbs::verb_group_at(&symbols, &words, &texts, k))
                    .flatten()
            })
            .collect();
        // Each chunk's word and verb group looked up once, each a bounded
        // look ahead.
        Steps::new(Stage::Phrases).add(symbols.len());
        // Symbols of words are lower case already.
        let names_list = words.iter().flatten().any(|w| w.names_list);
        Self {
            mentions,
            title_groups: vec![std::cell::Cell::new(None); symbols.len()],
            symbols,
            words,
            marks,
            texts,
            names_list,
            verbs,
            stops: std::cell::OnceCell::new(),
            relative_depth: std::cell::Cell::new(0),
        }
    }

    /// The first chunk from `k` on that is a comma, a semicolon or a full
    /// stop, if one comes before `end`; else `end`. Relative clauses nest
    /// ("A who B who C ..."), so a scan from each would be quadratic.
    fn stop_from(&self, k: usize, end: usize) -> usize {
        let stops = self.stops.get_or_init(|| {
            Steps::new(Stage::Phrases).add(self.symbols.len());
            let mut stops = vec![self.symbols.len(); self.symbols.len() + 1];
            for i in (0..self.symbols.len()).rev() {
                stops[i] = if matches!(self.symbols[i], "," | ";" | ".") {
                    i
                } else {
                    stops[i + 1]
                };
            }
            stops
        });
        stops.get(k).map_or(end, |&s| s.min(end))
    }

    fn word(&self, k: usize) -> &str {
        self.symbols.get(k).copied().unwrap_or("")
    }

    fn kind(&self, k: usize) -> Option<ChunkKind> {
        self.mentions.chunks.get(k).map(|c| c.kind)
    }

    fn verb_at(&self, k: usize, end: usize) -> Option<VerbGroup> {
        if k >= end {
            return None;
        }
        match self.verbs.get(k)? {
            Some(v) if v.last < end => Some(v.clone()),
            // A group that would run past the clause's end: read it again
            // within the clause.
            Some(_) => verbs::verb_group_at(
                &self.symbols[..end],
                &self.words[..end],
                &self.texts[..end.min(self.texts.len())],
                k,
            ),
            None => None,
        }
    }

    /// Whether a verb group starts at chunk `k`.
    fn starts_verb(&self, k: usize) -> bool {
        self.verbs.get(k).is_some_and(Option::is_some)
    }

    /// Writes chunks `from..end` into `clause`, collecting groups.
    fn encode(&self, from: usize, end: usize, clause: &mut Clause, out: &mut Phrases) {
        let mut k = from;
        // Whether a verb came before in this clause: a coordination after
        // a verb that is followed by another verb is two clauses ("B
        // replaced C and D joined"), not one group.
        let mut after_verb = false;
        let mut steps = Steps::new(Stage::Phrases);
        while k < end {
            steps.step();
            // "The veteran banker will also resign": a description opening
            // the clause before its verb stands for a person named before,
            // as "he" would.
            if k == from {
                if let Some((head, next)) = self.description_at(k, end) {
                    clause.push("he", head);
                    k = next;
                    continue;
                }
            }
            if let Some(mut group) = self.noun_group_at(k, end) {
                let mut last = group.last;
                // Coordination: "A and B", "A, B and C", "A, T, and B, T,".
                let mut members = Vec::new();
                let mut j = last + 1;
                loop {
                    let mut n = j;
                    if matches!(self.word(n), "," | ";") {
                        n += 1;
                    }
                    let joined = matches!(self.word(n), "and" | "or");
                    if joined {
                        n += 1;
                    }
                    if n == j || (!joined && !matches!(self.word(j), "," | ";")) {
                        break;
                    }
                    let Some(next) = self.noun_group_at(n, end) else {
                        break;
                    };
                    members.push(next);
                    j = members.last().map_or(j, |m| m.last + 1);
                    if joined {
                        break;
                    }
                }
                let closes_list = members
                    .last()
                    .is_some_and(|m| matches!(self.word(m.first.saturating_sub(1)), "and" | "or"));
                let two_clauses = after_verb && self.starts_verb(j);
                let mut relatives: Vec<((usize, usize), usize)> = Vec::new();
                relatives.extend(group.relative.map(|r| (r, group.head)));
                if closes_list && !two_clauses {
                    for m in &members {
                        group.members.push(m.head);
                        group.roles.extend(&m.roles);
                        group.roles.extend(group.shared_role.map(|t| (m.head, t)));
                        relatives.extend(m.relative.map(|r| (r, m.head)));
                    }
                    last = members.last().map_or(last, |m| m.last);
                    // "its directors, namely A and B, were named": the
                    // comma after the last member closes the group.
                    if group.opened && self.closing_comma(last) {
                        last += 1;
                    }
                }
                clause.push(self.word(group.head), group.head);
                group.last = last;
                let index = out.groups.len();
                out.groups.push(group);
                for (rel, head) in relatives {
                    self.relative_clause(rel, head, index, out);
                }
                k = last + 1;
                continue;
            }
            if let Some((title, last)) = self.title_group_at(k) {
                clause.push(self.word(title), title);
                k = last + 1;
                continue;
            }
            if let Some(verb) = self.verb_at(k, end) {
                clause.push_verb(&verb);
                k = verb.last + 1;
                out.verbs.push(verb);
                after_verb = true;
                continue;
            }
            clause.push(self.word(k), k);
            k += 1;
        }
    }

    /// Adds a clause for each infinitive or coordinated verb that tells
    /// what the subject of the verb before it does next: "Lena Voss left
    /// Harlan Bank to join Corvane" also says "Lena Voss [to] join
    /// Corvane", and "will retire as president and become chairman" says
    /// who becomes chairman, so that the rules read each with its person.
    /// An object between the two verbs is the infinitive's subject instead
    /// ("asked Ana Ruiz to stay"), and the rules read that in the
    /// sentence's own clause. The subject may be a pronoun ("..., he made
    /// his choice and will retire"), unless it opens a subordinate clause.
    fn purpose_clauses(&self, out: &mut Phrases) {
        let chunks = &self.mentions.chunks;
        let mut found = Vec::new();
        // "to join Corvane", "and become chairman": a verb whose subject
        // is the one before.
        let continues = |v: &VerbGroup| {
            v.tense == verbs::Tense::Infinitive
                || (v.first > 0 && matches!(self.word(v.first - 1), "and" | "but"))
        };
        // Most sentences have none.
        if !out.verbs.iter().any(continues) {
            return;
        }
        let reach = out.group_reach();
        for v in out.verbs.iter().filter(|v| continues(v)) {
            // An infinitive after another ("under pressure to quit or to
            // resign") depends on a noun, whose subject is unknown; a
            // finite verb after one ("will continue to lead X but will
            // report to Y") shares the subject of the first.
            let Some(w) = out.governing(v, chunks).filter(|w| {
                w.tense != verbs::Tense::Infinitive || v.tense != verbs::Tense::Infinitive
            }) else {
                continue;
            };
            // An object before an infinitive is its subject ("asked Ana
            // Ruiz to join"); before "but will report" it is not. A past
            // verb after one is left to the rules for continued events
            // ("succeeded Ada Holm in 1988 and stayed in the post").
            let object = matches!(v.tense, verbs::Tense::Infinitive | verbs::Tense::Past)
                && (w.last + 1..v.first).any(|k| {
                    self.is_personish(k)
                    || lower_in(&OBJECT_PRONOUNS, self.word(k))
                    // "her" is an object before the infinitive, else a
                    // possessive ("left her post to join").
                    || (self.word(k) == "her" && k + 1 == v.first)
                });
            // Inside a group (a relative clause, an aside), the group's own
            // clause reads it.
            let within_group = |k: usize| {
                let opened = out.groups.partition_point(|g| g.first <= k);
                opened.checked_sub(1).is_some_and(|i| reach[i] >= k)
            };
            let inside = within_group(v.first);
            if object || inside {
                continue;
            }
            // Only a few plain words (auxiliaries, adverbs, a time) between
            // a subject and its verb: after a comma, a quote or another
            // subject ("Ana Ruiz says her colleagues decided to quit") the
            // subject is someone else.
            let plain = |between: std::ops::Range<usize>| {
                between.len() <= SUBJECT_GAP
                    && between.clone().all(|k| {
                        self.kind(k) == Some(ChunkKind::Word)
                            && self.word(k).bytes().any(|b| b.is_ascii_alphanumeric())
                            && !lower_in(&CLAUSE_OPENERS, self.word(k))
                    })
                    && !out.verb_starts_in(&between)
            };
            // "..., he finally made the right move and will resign": a
            // pronoun as the subject.
            let pronoun = (w.first.saturating_sub(SUBJECT_GAP + 1)..w.first)
                .rev()
                .find(|&k| matches!(self.word(k), "he" | "she"))
                .filter(|&k| {
                    // Not one inside a subordinate clause ("from Nordvind,
                    // where he had been COO, and was hired to ...").
                    let subordinate = k > 0 && lower_in(&SUBORDINATORS, self.word(k - 1));
                    plain(k + 1..w.first) && !within_group(k) && !subordinate
                });
            if let Some(k) = pronoun {
                found.push((None, k, v.first));
                continue;
            }
            // The subject: the last group before the governing verb, with
            // no other verb between them. A group starting at or after the
            // verb cannot end before it, and one inside another ("Karinya"
            // in "Hollis, who has led Karinya since 2019, is leaving") is
            // never the subject of the verb after it.
            let started = out.groups.partition_point(|g| g.first < w.first);
            let subject = (0..started)
                .rev()
                .map(|i| (i, &out.groups[i]))
                .find(|&(i, g)| g.last < w.first && !(i > 0 && reach[i - 1] >= g.first));
            let Some((index, group)) = subject else {
                continue;
            };
            if !plain(group.last + 1..w.first) {
                continue;
            }
            found.push((Some(index), group.head, v.first));
        }
        // Each clause runs to the next one, so that a sentence of many
        // ("left A to join B and run C") is read once over, not once per
        // verb.
        let starts: Vec<usize> = found.iter().map(|&(_, _, first)| first).collect();
        for (n, (index, head, first)) in found.into_iter().enumerate() {
            let end = starts
                .get(n + 1)
                .copied()
                .unwrap_or(chunks.len())
                .min(first + CONTINUED_CLAUSE_CHUNKS);
            let mut clause = Clause {
                about: index,
                continues: true,
                ..Clause::default()
            };
            clause.push(self.word(head), head);
            // Groups and verbs are already collected from the sentence's
            // clause: the copy only encodes.
            let mut again = Phrases::default();
            self.encode(first, end, &mut clause, &mut again);
            out.clauses.push(clause);
        }
    }

    /// Adds a clause for each conjunct that leaves out the verb it shares
    /// with the one before: "Ana Ruiz was named president of Europe, and
    /// Ben Toll, head of sea freight, president of Asia;" also says "Ben
    /// Toll [was named] president of Asia". The title closing the conjunct
    /// is then the person's new role, no apposition.
    fn gapped_clauses(&self, out: &mut Phrases) {
        let ends_conjunct = |k: usize| matches!(self.word(k), ";" | "." | "");
        for gi in 0..out.groups.len() {
            let g = &out.groups[gi];
            // ", and <Name>" after a conjunct that ends in a title.
            let after_title = g.first >= 3
                && self.word(g.first - 1) == "and"
                && self.word(g.first - 2) == ","
                && self.is_title(g.first - 3);
            if !after_title || g.members.len() > 1 {
                continue;
            }
            // The verb of the first conjunct: a change, right before its title.
            let before = out.verbs.partition_point(|v| v.last < g.first);
            let Some(verb) = before.checked_sub(1).map(|i| &out.verbs[i]) else {
                continue;
            };
            let class = VERBS_LEXICON.classes[verb.class].name;
            // "was named T", "named <Name> T", "was promoted to T".
            let near = (verb.last + 1..g.first - 3).all(|k| {
                k <= verb.last + 2 && (self.is_personish(k) || matches!(self.word(k), "to" | "as"))
            });
            if !near || !matches!(class, "name" | "promote" | "hire") {
                continue;
            }
            // The title the conjunct ends with ("to" or "as" before it):
            // taken into the group as an apposition, or right after it.
            let particle = |k: usize| matches!(self.word(k), "to" | "as");
            let last_title = if self.is_title(g.last) && ends_conjunct(g.last + 1) {
                Some((None, g.last))
            } else if self.is_title(g.last + 1) && ends_conjunct(g.last + 2) {
                Some((None, g.last + 1))
            } else if particle(g.last + 1) && self.is_title(g.last + 2) && ends_conjunct(g.last + 3)
            {
                Some((Some(g.last + 1), g.last + 2))
            } else {
                None
            };
            let Some((particle_at, title)) = last_title else {
                continue;
            };
            let head = g.head;
            let verb = verb.clone();
            out.groups[gi].roles.retain(|&(_, t)| t != title);
            // The person as the verb's subject in the passive ("Ben Toll
            // [was named] T"), as its object in the active ("[named] Ben
            // Toll T").
            let mut clause = Clause::default();
            if verb.voice == verbs::Voice::Passive {
                clause.push(self.word(head), head);
                clause.push_verb(&verb);
            } else {
                clause.push_verb(&verb);
                clause.push(self.word(head), head);
            }
            if let Some(k) = particle_at {
                clause.push(self.word(k), k);
            }
            clause.push(self.word(title), title);
            clause.push(".", title);
            out.clauses.push(clause);
        }
    }

    /// Adds a clause for each of the two people a "both" stands for: "Ana
    /// Ruiz was named A, and Ben Toll B; both will report to Eli Moss" says
    /// each of them will. Only after a semicolon or comma in the same
    /// sentence, and only when exactly two people stand before it outside
    /// any aside.
    fn shared_subject_clauses(&self, out: &mut Phrases) {
        let chunks = &self.mentions.chunks;
        let Some(both) = (1..chunks.len()).find(|&k| {
            chunks[k].text.eq_ignore_ascii_case("both")
                && matches!(self.word(k - 1), ";" | ",")
                && out.verb_starts_at(k + 1)
        }) else {
            return;
        };
        // The people before it: the members (the head first) of the groups
        // that lie inside no other group.
        let reach = out.group_reach();
        let mut people = Vec::new();
        for (i, g) in out.groups.iter().enumerate() {
            if g.last >= both {
                break;
            }
            if i == 0 || reach[i - 1] < g.first {
                people.extend(g.members.iter().copied());
            }
        }
        if people.len() != 2 {
            return;
        }
        for head in people {
            let mut clause = Clause::default();
            clause.push(self.word(head), head);
            let mut again = Phrases::default();
            self.encode(both + 1, chunks.len(), &mut clause, &mut again);
            out.clauses.push(clause);
        }
    }

    /// Adds the relative clause on chunks `first..=last` about the person
    /// at chunk `head` (of group `group`) as a clause of its own.
    fn relative_clause(
        &self,
        (first, last): (usize, usize),
        head: usize,
        group: usize,
        out: &mut Phrases,
    ) {
        // Each nested clause is read by a call inside the one before: past
        // a depth no sentence reaches ("A who B who C who ..." thousands
        // of times), the stack would run out. The deeper ones are not read.
        let depth = self.relative_depth.get();
        if depth >= MAX_RELATIVE_DEPTH {
            return;
        }
        self.relative_depth.set(depth + 1);
        let mut clause = Clause {
            about: Some(group),
            ..Clause::default()
        };
        clause.push(self.word(head), head);
        self.encode(first, last + 1, &mut clause, out);
        out.clauses.push(clause);
        self.relative_depth.set(depth);
    }
}

/// Finds the phrases of one sentence.
pub(crate) fn find(mentions: &Mentions<'_>) -> Phrases {
    let sentence = Sentence::new(mentions);
    let mut out = Phrases::default();
    let mut main = Clause {
        encoding: String::with_capacity(mentions.encoding.len() + 16),
        symbol_starts: Vec::with_capacity(mentions.chunks.len()),
        symbol_chunks: Vec::with_capacity(mentions.chunks.len()),
        about: None,
        continues: false,
    };
    // The sentence's clause goes first: its place is kept while the
    // relative clauses are added.
    out.clauses.push(Clause::default());
    sentence.encode(0, mentions.chunks.len(), &mut main, &mut out);
    out.clauses[0] = main;
    out.verbs.sort_by_key(|v| v.first);
    debug_assert!(
        out.verbs
            .as_slice_uncounted()
            .windows(2)
            .all(|w| w[0].last < w[1].first),
        "verb groups overlap"
    );
    let heads = out.groups.iter().enumerate().map(|(i, g)| (g.head, i));
    out.by_head = first_groups(heads.collect());
    let members = out.groups.iter().enumerate();
    let members = members.flat_map(|(i, g)| g.members.iter().map(move |&m| (m, i)));
    out.by_member = first_groups(members.collect());
    sentence.purpose_clauses(&mut out);
    sentence.gapped_clauses(&mut out);
    sentence.shared_subject_clauses(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions;

    /// The clause encodings of `sentence`.
    fn clauses(sentence: &str) -> Vec<String> {
        let tokens = mentions::tokenize(sentence, 0);
        let m = mentions::find(&tokens, sentence);
        find(&m)
            .clauses
            .into_vec()
            .into_iter()
            .map(|c| c.encoding)
            .collect()
    }

    #[test]
    fn an_infinitive_or_a_second_verb_takes_the_subject_before() {
        for (sentence, expected) in [
            (
                "Lena Voss left Harlan Bank in May to join Corvane Group as chief risk officer.",
                vec![
                    "P0 V1/leave/act/past O2 in May V6/join/act/inf O7 as T9 .",
                    "P0 V6/join/act/inf O7 as T9 .",
                ],
            ),
            (
                "Ken Abe will step down as president in June and become chairman.",
                vec![
                    "P0 V2/resign/act/fut as T5 in june and V9/become/act/past T10 .",
                    "P0 V9/become/act/past T10 .",
                ],
            ),
            // An object between the verbs is the infinitive's subject.
            (
                "Ben Toll asked Ana Ruiz to take over as chair.",
                vec!["P0 asked P2 V4/take_over/act/inf as T7 ."],
            ),
            // Another subject between: not the first one's clause.
            (
                "Eli Moss says they were picked to replace the board.",
                vec!["P0 says they V4/name/pas/past V6/succeed/act/inf the board ."],
            ),
        ] {
            assert_eq!(clauses(sentence), expected, "{sentence}");
        }
    }

    #[test]
    fn appositions_ages_and_relative_clauses_join_the_person() {
        for (sentence, expected) in [
            (
                "Jane Okafor, 54, the former president of Corvel, has resigned.",
                vec!["P0 V8/resign/act/perf ."],
            ),
            (
                "Corvel said Jane Okafor, its chief financial officer, will retire in June.",
                vec!["N0 said P2 V8/retire/act/fut in june ."],
            ),
            (
                "Jane Okafor, who joined Corvel in 2019, was promoted to chief operating officer.",
                vec![
                    "P0 V9/promote/pas/past to T11 .",
                    "P0 V3/join/act/past N4 in 2019",
                ],
            ),
            (
                "Tamsin Group has named Chief Operating Officer Priya Raman as chief executive.",
                vec!["O0 V2/name/act/perf P4 as T6 ."],
            ),
        ] {
            assert_eq!(clauses(sentence), expected, "{sentence}");
        }
    }

    #[test]
    fn coordinated_people_are_one_group() {
        let s = "Treasurer Ana Ruiz and general counsel Ben Toll have left the board.";
        assert_eq!(clauses(s), ["P1 V6/leave/act/perf the board ."]);
        let tokens = mentions::tokenize(s, 0);
        let m = mentions::find(&tokens, s);
        let p = find(&m);
        assert_eq!(p.groups[0].members, [1, 4]);
        assert_eq!(p.groups[0].roles, [(1, 0), (4, 3)]);
    }

    #[test]
    fn titles_lose_their_determiners() {
        assert_eq!(
            clauses("Maria Lamb would assume the newly created role of chief digital officer."),
            ["P0 V2/take_over/act/fut T8 ."]
        );
    }
}
