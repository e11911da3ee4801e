//! From one rule match to a frame: the slots resolved to people, roles
//! and organisations, and the roles that appositives bind to people.

use super::*;

impl Context<'_> {
    pub(super) fn chunk_of(&self, view: &SentenceView<'_, '_>, offset: usize) -> Option<usize> {
        view.mentions.chunk_at(offset)
    }

    /// The person a slot names: a full name, a short name or a pronoun.
    pub(super) fn person(&self, view: &SentenceView<'_, '_>, offset: usize) -> Option<String> {
        let idx = self.chunk_of(view, offset)?;
        let chunk = &view.mentions.chunks[idx];
        match chunk.kind {
            // A name with an honorific is a person even when the article
            // never gives it in full ("Mr Liang").
            ChunkKind::Person => self
                .people
                .resolve(chunk.text, chunk.start)
                .or_else(|| Some(people::strip_honorific(chunk.text).to_owned())),
            ChunkKind::Name => self.people.resolve(chunk.text, chunk.start).filter(|n| {
                // An undecided single word is a person only when it is the
                // short form of a full name in the article.
                n.split_whitespace().count() >= 2
            }),
            ChunkKind::Word => {
                let w = chunk.text.to_ascii_lowercase();
                if !matches!(w.as_str(), "he" | "she" | "him" | "her" | "his" | "their") {
                    return None;
                }
                // "him"/"her" never refer to the subject of their own clause:
                // take the person of the event before it in this sentence
                // ("tapped Rachel Lindgren ..., hiring her"), else the
                // subject of the sentences before.
                if matches!(w.as_str(), "him" | "her" | "his" | "their") {
                    return self
                        .sentence_subject
                        .clone()
                        .or_else(|| self.last_subject.clone());
                }
                // Nearest person earlier in the same sentence, else the
                // subject of the sentences before.
                self.sentence_people(view).nearest_before[idx]
                    .and_then(|j| self.full_name(&view.mentions.chunks[j]))
                    .or_else(|| self.last_subject.clone())
            }
            _ => None,
        }
    }

    /// The full name a person or name chunk resolves to, if any.
    pub(super) fn full_name(&self, c: &crate::mentions::Chunk<'_>) -> Option<String> {
        match c.kind {
            ChunkKind::Person => self.people.resolve(c.text, c.start),
            ChunkKind::Name => self
                .people
                .resolve(c.text, c.start)
                .filter(|n| n.split_whitespace().count() >= 2),
            _ => None,
        }
    }

    /// Where the sentence of `view` (the current one) names people.
    pub(super) fn sentence_people(&self, view: &SentenceView<'_, '_>) -> &SentencePeople {
        self.here.get_or_init(|| {
            let chunks = &view.mentions.chunks;
            crate::stages::tally(crate::stages::Stage::Resolve, chunks.len());
            let mut nearest_before = Vec::with_capacity(chunks.len());
            let mut nearest = None;
            let mut first = None;
            for (j, c) in chunks.iter().enumerate() {
                nearest_before.push(nearest);
                if !matches!(c.kind, ChunkKind::Person | ChunkKind::Name) {
                    continue;
                }
                let named = self.full_name(c).is_some();
                if named {
                    nearest = Some(j);
                }
                // A person chunk always names someone (as written when the
                // article never gives the name in full); a name only when
                // it resolves to a full name.
                if first.is_none() && (named || c.kind == ChunkKind::Person) {
                    first = Some(j);
                }
            }
            SentencePeople {
                nearest_before,
                first,
            }
        })
    }

    /// People coordinated with the match's person: before it ("<Name>,
    /// <title>, and <Name> will join") and, for event nouns, after it ("the
    /// departures of <Name> and <title> <Name>").
    pub(super) fn coordinated(&self, view: &SentenceView<'_, '_>, m: &Match<'_>) -> Vec<String> {
        let Some(&(_, at)) = m.slots.iter().find(|(s, _)| *s == "person") else {
            return Vec::new();
        };
        let Some(k) = view.mentions.chunk_at(at) else {
            return Vec::new();
        };
        let chunks = &view.mentions.chunks;
        let kind = |i: usize| chunks.get(i).map(|c| c.kind);
        let text = |i: usize| chunks.get(i).map_or("", |c| c.text);
        let is_name = |i: usize| matches!(kind(i), Some(ChunkKind::Person | ChunkKind::Name));
        let person_at = |i: usize| self.person(view, view.mentions.symbol_starts[i]);
        let mut out = Vec::new();
        // Backwards: [name] [, title ,] [,] and <person>
        if k >= 2 && text(k - 1) == "and" {
            let mut j = k - 2;
            if text(j) == "," && j >= 1 {
                j -= 1;
            }
            if kind(j) == Some(ChunkKind::Title) && j >= 2 && text(j - 1) == "," {
                j -= 2;
            }
            if is_name(j) {
                out.extend(person_at(j));
            }
        }
        // Forwards, for event nouns: <person> and [title] <name>
        if m.rule.id.contains("NOUN") && text(k + 1) == "and" {
            let mut j = k + 2;
            if kind(j) == Some(ChunkKind::Title) {
                j += 1;
            }
            if is_name(j) {
                out.extend(person_at(j));
            }
        }
        out
    }

    /// The first person named in the sentence before encoding offset `end`.
    pub(super) fn first_person_before(
        &self,
        view: &SentenceView<'_, '_>,
        end: usize,
    ) -> Option<String> {
        let at = view.mentions.symbol_starts[self.sentence_people(view).first?];
        (at < end).then(|| self.person(view, at)).flatten()
    }

    pub(super) fn role(&self, view: &SentenceView<'_, '_>, offset: usize) -> Option<RoleSlot> {
        let idx = self.chunk_of(view, offset)?;
        let chunk = &view.mentions.chunks[idx];
        match chunk.kind {
            ChunkKind::RoleRef => Some(RoleSlot::Reference),
            ChunkKind::Title => {
                let info = chunk.title.as_ref()?;
                let title = clean_title(&self.text[info.title.0..info.title.1]);
                if title.is_empty() {
                    return None;
                }
                let org = info
                    .org
                    .map(|(s, e)| clean_org(&self.text[s..e]).to_owned());
                Some(RoleSlot::Title(RoleVal {
                    title,
                    org_named: org.is_some(),
                    org,
                    org_anaphor: info.org_is_anaphor,
                    tense: info.tense,
                }))
            }
            _ => None,
        }
    }

    pub(super) fn org(&self, view: &SentenceView<'_, '_>, offset: usize) -> Option<String> {
        let idx = self.chunk_of(view, offset)?;
        let chunk = &view.mentions.chunks[idx];
        match chunk.kind {
            ChunkKind::Org => Some(clean_org(chunk.text).to_owned()),
            // "Shareholders elected ...": a lone word opening the sentence
            // is no organisation unless the article names it elsewhere.
            ChunkKind::Name if !chunk.text.contains(' ') && !self.inner.contains(chunk.text) => {
                None
            }
            ChunkKind::Name if self.people.resolve(chunk.text, chunk.start).is_none() => {
                Some(clean_org(chunk.text).to_owned())
            }
            _ => None,
        }
    }

    pub(super) fn bind_role(&mut self, view: &SentenceView<'_, '_>, m: &Match<'_>, matched: &str) {
        let person = m.slots.iter().find(|(s, _)| *s == "person");
        let role = m.slots.iter().find(|(s, _)| *s == "role");
        let (Some(&(_, p)), Some(&(_, r))) = (person, role) else {
            return;
        };
        // Roles bind to names only: in "told directors he would", "directors"
        // is not his title.
        let is_name = self
            .chunk_of(view, p)
            .is_some_and(|i| view.mentions.chunks[i].kind != ChunkKind::Word);
        if !is_name {
            return;
        }
        let (Some(person), Some(RoleSlot::Title(mut role))) =
            (self.person(view, p), self.role(view, r))
        else {
            return;
        };
        let past = [
            " formerly ",
            " previously ",
            " was ",
            " had been ",
            " served as ",
            " most recently ",
        ];
        if past.iter().any(|w| matched.contains(w)) {
            role.tense = Tense::Former;
        }
        self.bindings.bind(person, role, view.sentence.start);
    }

    pub(super) fn frame(
        &mut self,
        view: &SentenceView<'_, '_>,
        index: usize,
        m: &Match<'_>,
        kind: Kind,
        matched: &str,
        subject: Option<(String, Status)>,
    ) -> Option<Frame> {
        let slot = |name: &str| m.slots.iter().find(|(s, _)| *s == name).map(|&(_, o)| o);
        // A rule without a person slot continues the clause of the event
        // before it ("will step down ... and serve as a consultant"), in
        // the same tense.
        let (person, inherited) = match slot("person") {
            Some(offset) => (self.person(view, offset)?, None),
            None => match subject {
                Some((p, status)) => (p, Some(status)),
                // No event before it: the sentence's first named person
                // ("<Name> did not stand for re-election and left the board").
                None => (self.first_person_before(view, m.start)?, None),
            },
        };
        let named = |o: Option<usize>| {
            o.and_then(|o| self.person(view, o))
                .filter(|n| *n != person)
        };
        let future = [
            " will ",
            " 'll ",
            " to ",
            " set to ",
            " expected to ",
            " would ",
            " is to ",
        ];
        let status = if let Some(status) = inherited {
            status
        } else if future.iter().any(|w| matched.contains(w)) {
            Status::Announced
        } else {
            Status::Completed
        };
        // Career history: a past start with a year ("joined GM in 1982").
        if kind.group() == Group::Start
            && status == Status::Completed
            && is_history(view, m, matched)
        {
            return None;
        }
        // "put in charge of the foundry unit", "will head the new AI group":
        // the head of that unit.
        let phrase = |(start, end): (usize, usize)| -> Option<&str> {
            let chunks = &view.mentions.chunks;
            let first = view.mentions.chunk_at(start)?;
            let last = view
                .mentions
                .symbol_starts
                .partition_point(|&at| at < end)
                .checked_sub(1)?;
            let text = &self.text[chunks[first].start..chunks[last].end];
            Some(
                ["the ", "its ", "their ", "a ", "an ", "new "]
                    .iter()
                    .fold(text, |t, det| t.strip_prefix(det).unwrap_or(t)),
            )
        };
        let made_role = |title: String, org: &str| {
            RoleSlot::Title(RoleVal {
                title,
                org: Some(org.to_owned()),
                org_named: false,
                org_anaphor: false,
                tense: Tense::Plain,
            })
        };
        // "joins the management board": a member of that board.
        let unit_role = m
            .unit
            .and_then(phrase)
            .map(|unit| made_role("head".to_owned(), unit))
            .or_else(|| {
                m.board.and_then(phrase).map(|board| {
                    // The board's own name, without its company: "board".
                    let bare = board.rsplit_once("'s ").map_or(board, |(_, b)| b);
                    let bare = bare.rsplit_once("’s ").map_or(bare, |(_, b)| b);
                    made_role(format!("member of the {bare}"), bare)
                })
            });
        Some(Frame {
            kind,
            rule: m.rule.id.clone(),
            sentence: index,
            new_role: slot("new_role")
                .and_then(|o| self.role(view, o))
                .or(unit_role),
            old_role: slot("old_role").and_then(|o| self.role(view, o)),
            org: slot("org").and_then(|o| self.org(view, o)),
            predecessor: named(slot("predecessor")),
            successor: named(slot("successor")),
            reports_to: named(slot("reports_to")),
            prev_reports_to: named(slot("prev_reports_to")),
            person,
            status,
        })
    }

    /// The role a person held, from appositives: in the sentence at
    /// `sentence_start` first, then anywhere; current roles before former
    /// ones. Never a role titled `exclude_title`, a new one, or one nobody
    /// is appointed to ("founder", "boss"). An index lookup
    /// ([`Bindings::role`]): an article may bind one person thousands of
    /// times.
    pub(super) fn bound_role(
        &self,
        person: &str,
        sentence_start: usize,
        exclude_title: Option<&str>,
    ) -> Option<RoleVal> {
        self.bindings
            .role(person, sentence_start, exclude_title)
            .cloned()
    }
}

pub(super) fn to_role(r: RoleVal) -> Role {
    Role {
        title: Some(r.title),
        org: r.org,
    }
}

/// A title as a record shows it: no trailing punctuation or brackets, and
/// singular ("executive vice presidents" names one "executive vice president").
pub(super) fn clean_title(t: &str) -> String {
    let t = t.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '.' | '(' | ')' | '"' | '“' | '”')
    });
    let last = t.rsplit(' ').next().unwrap_or(t);
    let lower = last.to_lowercase();
    let vocab = &*crate::lexicon::TITLE_VOCAB;
    let plural = lower.strip_suffix('s').is_some_and(|stem| {
        !vocab.head.contains(lower.as_str())
            && (vocab.head.contains(stem) || vocab.abbreviation.contains(stem))
    });
    if plural {
        t[..t.len() - 1].to_owned()
    } else {
        t.to_owned()
    }
}

/// An organisation name without a possessive ending or stray punctuation
/// ("Swiss Re (OTC" loses its unclosed bracket).
pub(super) fn clean_org(t: &str) -> &str {
    let t = t.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '"' | '“' | '”'));
    let t = match t.rfind('(') {
        Some(open) if !t[open..].contains(')') => t[..open].trim_end(),
        _ => t,
    };
    t.strip_suffix("'s")
        .or_else(|| t.strip_suffix("’s"))
        .unwrap_or(t)
        .trim()
}

/// Career history told in passing: only past tense, with a year just after
/// the match ("joined GM in 1982", "became CEO in 2019"); a year elsewhere
/// ("the company's CFO since 2007, was named", "a contract until 2027")
/// does not count.
pub(super) fn is_history(view: &SentenceView<'_, '_>, m: &Match<'_>, matched: &str) -> bool {
    let mentions = view.mentions;
    let last = mentions
        .symbol_starts
        .partition_point(|&at| at < m.end)
        .saturating_add(4)
        .min(mentions.chunks.len());
    let first = mentions.symbol_starts.partition_point(|&at| at < m.end);
    let has_year = mentions.chunks[first..last].iter().any(|c| {
        let b = c.text.as_bytes();
        b.len() == 4
            && (b.starts_with(b"19") || b.starts_with(b"20"))
            && b.iter().all(u8::is_ascii_digit)
    });
    let present = [
        " will ", " is ", " are ", " has ", " have ", " now ", " to ", " be ", " 'll ",
    ];
    has_year && !present.iter().any(|w| matched.contains(w))
}
