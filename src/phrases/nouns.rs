//! Noun groups: a person with everything said about them in passing, and a
//! title with its determiners.
//!
//! "Jane Okafor, 54, the former president of Corvel, who joined in 2019,"
//! is one group: its head is the name, its roles the titles in its
//! appositions, and the relative clause becomes a clause of its own about
//! the head. "Chief Operating Officer Priya Raman" is a group with a role
//! before the head. Coordinated groups ("Ana Ruiz and Ben Toll", "A, B and
//! C") are one group whose members each take part in the event.

use super::Sentence;
use crate::lexicon::{
    lower_in, APPOSITIVE_ADVERBS, NAMES_LIST, PEOPLE_VOCAB, TITLE_VOCAB, UNIT_STOP_WORDS,
    VERBS_LEXICON,
};
use crate::mentions::ChunkKind;

/// How many words an appositive aside may hold ("a 27-year company
/// veteran", "one of the state's best-known bankers and a critic of the
/// merger").
const ASIDE_WORDS: usize = 18;

/// How many plain words may name a unit before an appositive title
/// ("consumer electronics business chief").
const UNIT_WORDS: usize = 4;

/// How many words into an aside its title may stand and still be the
/// person's ("professor of psychology and associate dean at Eastfield").
const ASIDE_TITLE_AT: usize = 5;

/// How many asides may follow one another before the verb.
const MAX_ASIDES: usize = 3;

/// How many words a bracket may hold after a name ("(pictured)").
const BRACKET_WORDS: usize = 10;

/// One person noun group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NounGroup {
    /// The chunk of the head name.
    pub head: usize,
    /// The first and last chunk the group covers.
    pub first: usize,
    pub last: usize,
    /// The heads of coordinated groups, the head first.
    pub members: Vec<usize>,
    /// The titles the group gives its members (appositions,
    /// pre-modifiers): (person chunk, title chunk).
    pub roles: Vec<(usize, usize)>,
    /// A relative clause about the head ("who joined in 2019"): its chunks.
    pub relative: Option<(usize, usize)>,
    /// Whether a comma opened the group before its head ("its CFO, Jane
    /// Roe,"), so that a comma after the last member closes it.
    pub opened: bool,
    /// A title every member holds ("its directors, namely A and B").
    pub shared_role: Option<usize>,
    /// A word before the head telling the person is leaving ("the
    /// retiring Ana Ruiz"): its chunk.
    pub leaving: Option<usize>,
}

pub(super) fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "this"
    )
}

/// What a symbol is to the noun-group finders, found once per symbol
/// ([`Marks::of`]): they ask about the same symbols again and again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Marks(u8);

impl Marks {
    const DETERMINER: u8 = 1;
    const TITLE_MODIFIER: u8 = 1 << 1;
    const ROLE_NOUN: u8 = 1 << 2;

    /// The marks of `symbol`.
    pub(super) fn of(symbol: &str) -> Marks {
        let mark = |yes: bool, bit: u8| if yes { bit } else { 0 };
        Marks(
            mark(is_determiner(symbol), Self::DETERMINER)
                | mark(is_title_modifier(symbol), Self::TITLE_MODIFIER)
                | mark(is_role_noun(symbol), Self::ROLE_NOUN),
        )
    }
}

impl Sentence<'_, '_> {
    /// The marks of chunk `k`'s symbol (none past the end).
    fn marks(&self, k: usize) -> Marks {
        self.marks.get(k).copied().unwrap_or_default()
    }

    /// Whether chunk `k` is a determiner ("the", "its").
    fn determiner_at(&self, k: usize) -> bool {
        self.marks(k).0 & Marks::DETERMINER != 0
    }

    /// Whether chunk `k` belongs to a title group between a determiner and
    /// a title ("new", "newly", "15th").
    fn title_modifier_at(&self, k: usize) -> bool {
        self.marks(k).0 & Marks::TITLE_MODIFIER != 0
    }

    /// Whether chunk `k` names a role in "the role of" ("role", "post").
    fn role_noun_at(&self, k: usize) -> bool {
        self.marks(k).0 & Marks::ROLE_NOUN != 0
    }

    pub(super) fn is_personish(&self, k: usize) -> bool {
        matches!(self.kind(k), Some(ChunkKind::Person | ChunkKind::Name))
    }

    /// Whether chunk `k` is an occupation or modifier that may stand
    /// before a name ("litigator", "veteran").
    fn is_premodifier(&self, k: usize) -> bool {
        self.words
            .get(k)
            .copied()
            .flatten()
            .is_some_and(|w| w.premodifier)
    }

    pub(super) fn is_title(&self, k: usize) -> bool {
        self.kind(k) == Some(ChunkKind::Title)
    }

    /// Whether chunk `k` is a plain lower-case word that may describe a
    /// unit or a title ("consumer lending", "newly created"): no grammar
    /// word, no verb.
    fn is_plain_word(&self, k: usize) -> bool {
        let w = self.word(k);
        self.kind(k) == Some(ChunkKind::Word)
            && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            && !lower_in(&UNIT_STOP_WORDS, w)
            && !self.starts_verb(k)
    }

    /// The person noun group starting at chunk `k` (not looking past `end`).
    pub(super) fn noun_group_at(&self, k: usize, end: usize) -> Option<NounGroup> {
        // Most chunks start no group: plain words other than determiners,
        // occupations and modifiers.
        let named_list = self.named_list(k, end);
        // "named institutional director Alex Francois", "its consumer
        // lending chief Ana Ruiz": a unit in plain words before a title
        // before the name, right after a verb group or a determiner (a
        // plain word elsewhere may be a verb the lexicon does not list:
        // "denies chairman Ma").
        let after_verb_or_determiner = || {
            k > 0
                && (self.determiner_at(k - 1)
                    || (k.saturating_sub(8)..k).any(|i| {
                        self.verbs
                            .get(i)
                            .and_then(Option::as_ref)
                            .is_some_and(|v| v.last + 1 == k)
                    }))
        };
        // The plain words are counted (a lookup each) only when a title
        // and a name follow within reach, which few words have.
        let title_in_reach =
            (1..=UNIT_WORDS).any(|u| self.is_title(k + u) && self.is_personish(k + u + 1));
        let unit_words = if title_in_reach {
            (k..k + UNIT_WORDS)
                .take_while(|&i| self.is_plain_word(i))
                .count()
        } else {
            0
        };
        let unit_before_title = unit_words > 0
            && self.is_title(k + unit_words)
            && self.is_personish(k + unit_words + 1)
            && after_verb_or_determiner();
        if self.kind(k) == Some(ChunkKind::Word) && named_list.is_none() && !unit_before_title {
            let may = self.determiner_at(k) || self.is_premodifier(k);
            if !may {
                return None;
            }
        }
        let mut roles = Vec::new();
        let mut leaving = None;
        let mut j = if unit_before_title { k + unit_words } else { k };
        let mut inverted = false;
        // Before the head: "its CFO Ana Ruiz", "Chief Operating Officer Priya
        // Raman", "litigator Marte Lien", "veteran banker Eli Moss".
        if let Some(t) = named_list {
            // "three of its external directors, namely A, B and C": the
            // people after "namely" hold the title.
            roles.push(t);
            j = t + 3;
            inverted = true;
        } else if self.determiner_at(j) && self.is_title(j + 1) && self.is_personish(j + 2) {
            roles.push(j + 1);
            j += 2;
        } else if self.is_title(j) && self.is_personish(j + 1) {
            roles.push(j);
            j += 1;
        } else if let Some((t, last)) = self
            .determiner_at(j)
            .then(|| self.title_group_at(j))
            .flatten()
            .filter(|&(_, last)| self.is_personish(last + 1))
        {
            // "its top executive, President Jane Roe, said": a title group
            // before the name; a comma inside the title opened an aside
            // that the comma after the name closes.
            roles.push(t);
            j = last + 1;
            inverted = self.mentions.chunks[t].text.contains(',');
        } else if let Some((t, pre_title, name)) = self.inverted_appositive(j, end) {
            // "its CFO, Jane Roe, said": the title, then the name between
            // commas.
            roles.push(t);
            roles.extend(pre_title);
            j = name;
            inverted = true;
        } else {
            // "litigator Marte Lien", "the retiring Ana Ruiz", "veteran
            // banker Eli Moss".
            let mut o = j;
            if self.determiner_at(o) {
                o += 1;
            }
            let start = o;
            while o < start + 3 && self.is_premodifier(o) {
                o += 1;
            }
            if o > start && self.is_personish(o) {
                j = o;
                leaving = (start..o).find(|&i| lower_in(&TITLE_VOCAB.status_leaving, self.word(i)));
            }
        }
        if !self.is_personish(j) || j >= end {
            return None;
        }
        let head = j;
        let mut last = j;
        let mut relative = None;
        // The comma closing an inverted appositive, before the verb: "its
        // CFO, Jane Roe, will retire"; or closing post-nominals the name
        // took ("Jane Okafor, M.D., Ph.D., was named").
        let closing_comma = self.closing_comma(j);
        let head_chunk = &self.mentions.chunks[j];
        let gap = self
            .mentions
            .chunks
            .get(j + 1)
            .map_or(0, |c| c.start.saturating_sub(head_chunk.start));
        let post_nominals = head_chunk.text.len() + 2 < gap;
        if closing_comma && (inverted || post_nominals) {
            last = j + 1;
        }
        loop {
            // "(pictured)", "(Reuters)": a short bracket.
            if self.word(last + 1) == "(" {
                if let Some(close) =
                    (last + 2..(last + 2 + BRACKET_WORDS).min(end)).find(|&i| self.word(i) == ")")
                {
                    last = close;
                    continue;
                }
            }
            // The next aside starts after a comma, or right after the comma
            // that closed the one before (", 54, the former president").
            let m = if self.word(last) == "," && last > head {
                last + 1
            } else if self.word(last + 1) == "," {
                last + 2
            } else if self.word(last + 1) == "who" && last == head && relative.is_none() {
                // "will succeed Peter Hollins who is retiring": a name
                // names one person, so "who" right after it always tells
                // more about that person.
                last + 1
            } else {
                break;
            };
            // ", 54,", ", 60 (at the time)"
            if is_age(self.word(m)) && matches!(self.word(m + 1), "," | "." | ")" | "(" | "") {
                last = if self.word(m + 1) == "," { m + 1 } else { m };
                continue;
            }
            // ", who joined in 2019,": a clause of its own about the head.
            if self.word(m) == "who" && relative.is_none() {
                let stop = self.stop_from(m + 1, end);
                if stop > m + 1 {
                    relative = Some((m + 1, stop - 1));
                    last = if self.word(stop) == "," {
                        stop
                    } else {
                        stop - 1
                    };
                    continue;
                }
            }
            // ", under whose leadership the bank almost failed,": a clause
            // about something of the head's, skipped to its comma.
            let whose = (m..m + 2).find(|&i| self.word(i) == "whose");
            if let Some(w) = whose.filter(|&w| w == m || self.kind(m) == Some(ChunkKind::Word)) {
                let stop = self.stop_from(w + 1, end);
                if self.word(stop) == "," && stop > w + 1 {
                    last = stop;
                    continue;
                }
            }
            // ", the bank's chief engineer,", ", its CFO,", ", a former
            // director of Acme,": an appositive with a title.
            if let Some((t, close)) = self.appositive_title(m, end) {
                roles.push(t);
                last = close;
                continue;
            }
            // ", a 27-year company veteran,": short asides before the verb.
            if let Some(close) = self.asides(m, end) {
                // ", professor of psychology and associate dean at Eastfield,
                // in Ohio,": a title early in the aside is the person's.
                let early = (m..(m + ASIDE_TITLE_AT).min(close))
                    .take_while(|&i| {
                        self.kind(i) != Some(ChunkKind::Word)
                            || self.is_plain_word(i)
                            || self.determiner_at(i)
                            || matches!(self.word(i), "of" | "and" | "in" | "for")
                    })
                    .find(|&i| self.is_title(i));
                roles.extend(early);
                last = close;
                continue;
            }
            // ", a former civil servant who has served as treasurer since
            // 2011,": a description whose relative clause tells more about
            // the head, before the verb.
            if relative.is_none() {
                if let Some((rel, close)) = self.described_relative(m, end) {
                    relative = Some(rel);
                    last = close;
                    continue;
                }
            }
            break;
        }
        Some(NounGroup {
            head,
            first: k,
            last,
            members: vec![head],
            roles: roles.into_iter().map(|t| (head, t)).collect(),
            relative,
            opened: inverted,
            shared_role: named_list,
            leaving,
        })
    }

    /// A description of a person at `k` right before the clause's verb:
    /// "the veteran banker", "the 64-year-old", "the former lawyer", "the
    /// chief executive of Velmont, the lender that ...,". Its head chunk (an
    /// occupation, an age or a title) and the chunk the clause goes on at.
    pub(super) fn description_at(&self, k: usize, end: usize) -> Option<(usize, usize)> {
        if self.word(k) != "the" {
            return None;
        }
        // "The chief executive of Velmont, the lender that ..., has
        // resigned": a title standing for the person the article names
        // after it (or before it).
        // Only before an event verb in the active voice: "The new
        // directors are:" opens a list, and in "The chair will be filled by
        // X" the title is the post.
        if self.is_title(k + 1) && k + 2 < end {
            let acts = |v: usize| {
                self.verbs
                    .get(v)
                    .and_then(Option::as_ref)
                    .is_some_and(|g| g.voice == super::verbs::Voice::Active)
            };
            if acts(k + 2) {
                return Some((k + 1, k + 2));
            }
            if self.word(k + 2) == "," {
                if let Some(close) = self.asides(k + 3, end) {
                    if acts(close + 1) {
                        return Some((k + 1, close + 1));
                    }
                }
            }
            return None;
        }
        let vocab = &*PEOPLE_VOCAB;
        let head = (k + 1..(k + 4).min(end))
            .take_while(|&i| {
                let w = self.word(i);
                self.kind(i) == Some(ChunkKind::Word)
                    && (vocab.occupation.contains(w)
                        || vocab.modifier.contains(w)
                        || is_year_old(w))
            })
            .last()?;
        let w = self.word(head);
        let described = vocab.occupation.contains(w) || is_year_old(w);
        (described && self.verb_follows(head + 1)).then_some((head, head + 1))
    }

    /// Whether the comma after chunk `j` closes an opened group: the verb,
    /// or the group's role in it, follows.
    pub(super) fn closing_comma(&self, j: usize) -> bool {
        self.word(j + 1) == ","
            && (self.starts_verb(j + 2) || matches!(self.word(j + 2), "as" | "to" | "and"))
    }

    /// "two of the bank's directors, namely" from `k`: the title chunk, when
    /// a person follows. Only plain words, names and "'s" come before the
    /// title; chunks are read left to right, so the group starts after the
    /// last comma or verb.
    fn named_list(&self, k: usize, end: usize) -> Option<usize> {
        if !self.names_list {
            return None;
        }
        let t = (k..(k + 8).min(end))
            .take_while(|&i| !matches!(self.word(i), "," | ";" | ".") && !self.starts_verb(i))
            .find(|&i| self.is_title(i))?;
        let named = self.word(t + 1) == ","
            && lower_in(&NAMES_LIST, self.word(t + 2))
            && self.is_personish(t + 3)
            && t + 3 < end;
        named.then_some(t)
    }

    /// "its chief financial officer, Jane Roe," at `k`: the title chunk,
    /// when a name follows it between commas (or before the clause's end).
    /// The title may be a whole title group ("the company's former chief
    /// executive, Jane Roe,") and the name may have a title of its own
    /// before it ("its top executive, Chief Executive Officer Jane Roe,").
    /// Returns the title, the name's own title and the name.
    fn inverted_appositive(&self, k: usize, end: usize) -> Option<(usize, Option<usize>, usize)> {
        let (t, last) = match self.title_group_at(k) {
            Some(group) => group,
            None if self.determiner_at(k) => (k + 1, k + 1),
            None => (k, k),
        };
        let pre_title =
            (self.is_title(last + 2) && self.is_personish(last + 3)).then_some(last + 2);
        let mut name = pre_title.map_or(last + 2, |p| p + 1);
        // "her deputy, the economist Tomas Iturra,": a description before
        // the name.
        if pre_title.is_none() && !self.is_personish(name) {
            let mut o = name + usize::from(self.determiner_at(name));
            let start = o;
            while o < start + 2 && (self.is_premodifier(o) || self.is_plain_word(o)) {
                o += 1;
            }
            if o > start && self.is_personish(o) {
                name = o;
            }
        }
        let named = self.is_title(t)
            && self.word(last + 1) == ","
            && self.is_personish(name)
            && name < end
            && matches!(self.word(name + 1), "," | "." | ";" | "");
        named.then_some((t, pre_title, name))
    }

    /// An appositive title at `m` (after the comma): the title chunk and
    /// the last chunk of the appositive (its closing comma, if any).
    fn appositive_title(&self, m: usize, end: usize) -> Option<(usize, usize)> {
        let mut t = m;
        for _ in 0..2 {
            if lower_in(&APPOSITIVE_ADVERBS, self.word(t)) || self.determiner_at(t) {
                t += 1;
            }
        }
        // "the company 's", "the firm 's".
        if matches!(self.word(t + 1), "'s") && self.kind(t) == Some(ChunkKind::Word) {
            t += 2;
        }
        // ", currently LG Innotek president,": an organisation's name
        // before the title.
        let named = |k: usize| matches!(self.kind(k), Some(ChunkKind::Org | ChunkKind::Name));
        if named(t) && self.is_title(t + 1) {
            t += 1;
        } else if named(t) && self.word(t + 1) == "and" && named(t + 2) && self.is_title(t + 3) {
            // ", Central and South America supervisor;": two regions.
            t += 3;
        }
        // "Kim Min, consumer electronics business chief;": a unit in plain
        // words before the title.
        let unit_start = t;
        while t < unit_start + UNIT_WORDS && self.is_plain_word(t) {
            t += 1;
        }
        if t > unit_start && !self.is_title(t) {
            t = unit_start;
        }
        if !self.is_title(t) || t >= end {
            return None;
        }
        // A few more words before the closing comma: ", chief executive
        // since 2019,".
        let words = (t + 1..(t + 6).min(end))
            .take_while(|&i| self.kind(i) == Some(ChunkKind::Word) && !self.starts_verb(i));
        let mut after = t + 1;
        let mut close = None;
        for i in words {
            if matches!(self.word(i), "," | ";") {
                close = Some(i);
                break;
            }
            after = i + 1;
        }
        // A semicolon separates list items: it stays outside the group.
        let closed = |c: usize| if self.word(c) == "," { c } else { c - 1 };
        match close {
            Some(c) => Some((t, closed(c))),
            None if matches!(self.word(t + 1), "," | "." | ";") => Some((t, closed(t + 1))),
            // "Lena Voss, Director of Events was named ...", "Ana Ruiz, head
            // of Corvane's retail arm was also made ...": the closing comma
            // left out before the verb.
            None if self.starts_verb(t + 1) => Some((t, t)),
            None if after > t + 1 && self.starts_verb(after) && self.word(t + 1) == "'s" => {
                Some((t, after - 1))
            }
            None if t + 1 >= end => Some((t, t)),
            None => None,
        }
    }

    /// Up to three asides from `m`, each closed by a comma, the last one
    /// right before the clause's verb: ", a 27-year company veteran,", ",
    /// professor of psychology and dean at Eastfield, in Ohio,". Plain words,
    /// names, titles and organisations; no person, no verb group. Returns
    /// the last closing comma.
    fn asides(&self, m: usize, end: usize) -> Option<usize> {
        let mut start = m;
        for _ in 0..MAX_ASIDES {
            let close =
                (start..(start + ASIDE_WORDS + 1).min(end)).find(|&i| self.word(i) == ",")?;
            // ", after serving as entertainment president,": a participle
            // clause opened by a conjunction may hold a verb.
            let participle = matches!(
                self.word(start),
                "after" | "before" | "while" | "since" | "having" | "following" | "despite"
            );
            let plain = close > start
                && (start..close).all(|i| {
                    matches!(
                        self.kind(i),
                        Some(ChunkKind::Word | ChunkKind::Org | ChunkKind::Title | ChunkKind::Name)
                    ) && (participle || !self.starts_verb(i))
                        && !matches!(self.word(i), ";" | ":" | "who" | "which" | "said" | "says")
                });
            if !plain {
                return None;
            }
            // Before the clause's verb, or before the role the verb gives
            // ("appointed Thomas Sedran, a restructuring expert, as CEO").
            if self.verb_follows(close + 1) || matches!(self.word(close + 1), "as" | "to") {
                return Some(close);
            }
            start = close + 1;
        }
        None
    }

    /// A description with a relative clause at `m`, closed by a comma
    /// before the clause's verb: ", a former civil servant who has served
    /// as treasurer since 2011,". A few plain words, then "who", then the
    /// relative clause (its first and last chunk); returns it and the
    /// closing comma.
    fn described_relative(&self, m: usize, end: usize) -> Option<((usize, usize), usize)> {
        if !self.determiner_at(m) {
            return None;
        }
        let who = (m + 1..(m + 8).min(end))
            .take_while(|&i| {
                matches!(
                    self.kind(i),
                    Some(ChunkKind::Word | ChunkKind::Name | ChunkKind::Title)
                ) && !self.starts_verb(i)
                    && !matches!(self.word(i), "," | ";" | ":")
            })
            .find(|&i| self.word(i) == "who")?;
        let close = (who + 1..(who + ASIDE_WORDS + 6).min(end))
            .find(|&i| matches!(self.word(i), "," | ";" | "."))?;
        let before_verb = self.word(close) == "," && self.verb_follows(close + 1);
        (before_verb && close > who + 1).then_some(((who + 1, close - 1), close))
    }

    /// Whether the clause's verb starts at `k`: a verb group, or an
    /// auxiliary before a verb the lexicon does not list ("will handle").
    fn verb_follows(&self, k: usize) -> bool {
        let v = &*VERBS_LEXICON;
        let w = self.word(k);
        self.starts_verb(k)
            || v.modal.contains(w)
            || v.have.contains(w)
            || v.be.contains(w)
            || v.hypothetical.contains(w)
            || matches!(w, "said" | "says" | "told" | "added" | "also")
    }

    /// The title group at `k`: determiners and a possessor before a title
    /// ("the company 's new T"), or "the role of T". Returns the title
    /// chunk and the group's last chunk. The finders ask about the same
    /// chunk several times (as a noun group's start, an appositive, the
    /// clause's next phrase), so each chunk's answer is kept.
    pub(super) fn title_group_at(&self, k: usize) -> Option<(usize, usize)> {
        let Some(known) = self.title_groups.get(k) else {
            return self.find_title_group(k);
        };
        if let Some(group) = known.get() {
            return group;
        }
        let group = self.find_title_group(k);
        known.set(Some(group));
        group
    }

    /// [`title_group_at`](Self::title_group_at), worked out.
    fn find_title_group(&self, k: usize) -> Option<(usize, usize)> {
        let may =
            self.is_title(k) || self.kind(k) == Some(ChunkKind::RoleRef) || self.marks(k).0 != 0;
        if !may {
            // Most words start no title group.
            return None;
        }
        let mut j = k;
        if self.determiner_at(j) {
            j += 1;
            // "the company 's", "the private research university 's".
            if let Some(s) = (j + 1..j + 5).find(|&i| self.word(i) == "'s") {
                if (j..s).all(|i| self.kind(i) == Some(ChunkKind::Word) && !self.starts_verb(i)) {
                    j = s + 1;
                }
            }
        }
        // "its new", "the newly created role of", "its 15th", "the first
        // female": a few modifiers after a determiner.
        let mut r = j;
        let plain_word = |i: usize| self.is_plain_word(i) && !self.role_noun_at(i);
        while r < j + 3 && (self.title_modifier_at(r) || (j > k && plain_word(r))) {
            r += 1;
        }
        let role_noun = self.kind(r) == Some(ChunkKind::RoleRef) || self.role_noun_at(r);
        if role_noun && self.word(r + 1) == "of" && self.is_title(r + 2) {
            return Some((r + 2, r + 2));
        }
        // "to the CFO post", "the chair role": a role noun after the title.
        let last = if self.is_title(r) && self.role_noun_at(r + 1) {
            r + 1
        } else {
            r
        };
        ((r > k || last > r) && self.is_title(r)).then_some((r, last))
    }
}

/// Words between a determiner and a title that belong to the title group
/// ("its new", "the newly created", "its 15th").
fn is_title_modifier(w: &str) -> bool {
    matches!(
        w,
        "newly" | "created" | "new" | "top" | "vacant" | "next" | "first" | "incoming"
    ) || is_ordinal(w)
}

/// Nouns that name a role in "the role of <title>".
fn is_role_noun(w: &str) -> bool {
    matches!(w, "role" | "post" | "position" | "title" | "job")
}

/// "15th", "2nd": an ordinal number.
fn is_ordinal(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&word[digits..], "st" | "nd" | "rd" | "th")
}

/// "64-year-old": an age standing for a person.
fn is_year_old(word: &str) -> bool {
    word.strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// An adult's age as news gives it after a name: 18 to 99.
fn is_age(word: &str) -> bool {
    word.len() == 2 && word.parse::<u8>().is_ok_and(|n| (18..=99).contains(&n))
}
