//! From one rule match to a frame: the slots resolved to people, roles
//! and organisations, and the roles that appositives bind to people.

use super::*;
use crate::lexicon::{
    lower_in, FUTURE_CUES, ORG_VOCAB, PAST_CUES, REFERENCE_WORDS, SPEECH_VERBS, TIME_PREPOSITIONS,
};
use crate::phrases::verbs::Tense as VerbTense;
use crate::phrases::VerbGroup;
use crate::rules::Slot;

impl Resolver<'_> {
    /// The person chunk `idx` names: a full name, a short name or a
    /// pronoun.
    pub(super) fn person(&self, view: &SentenceView<'_, '_>, idx: usize) -> Option<String> {
        let chunk = view.mentions.chunks.get(idx)?;
        match chunk.kind {
            // A name with an honorific is a person even when the article
            // never gives it in full ("Mr Liang").
            ChunkKind::Person => self
                .people
                .resolve(chunk.text, chunk.start)
                .or_else(|| Some(people::strip_honorific(chunk.text).to_owned())),
            ChunkKind::Name => self.people.resolve(chunk.text, chunk.start).filter(|n| {
                // An undecided single word is a person only when it is the
                // short form of a full name in the article; a place never.
                n.split_whitespace().count() >= 2 && !is_place(n) && !people::names_no_person(n)
            }),
            ChunkKind::Word | ChunkKind::Title => {
                let w = chunk.text.to_ascii_lowercase();
                // The phrase stage writes a description opening a clause
                // ("the veteran banker") as "he", its chunk the head word.
                let described = || {
                    view.phrases.clauses.iter().any(|c| {
                        c.symbol_chunks.first() == Some(&idx) && c.encoding.starts_with("he ")
                    })
                };
                if !matches!(w.as_str(), "he" | "she" | "him" | "her" | "his" | "their")
                    && !described()
                {
                    return None;
                }
                // "him"/"her" never refer to the subject of their own clause:
                // take the person of the latest event before it in this
                // sentence who is someone else ("Ben Toll retires, with Ana
                // Ruiz slated to succeed him"), else the subject of the
                // sentences before.
                // A name whose given name tells the other sex is never
                // the one meant ("Matt Stringer" is no "she").
                let fits = |p: &String| people::may_be_called(p, &w);
                if matches!(w.as_str(), "him" | "her" | "his" | "their") {
                    let other = |p: &&String| Some(*p) != self.current.as_ref() && fits(p);
                    return self
                        .sentence_people
                        .iter()
                        .rev()
                        .find(other)
                        .or(self.last_subject.as_ref().filter(other))
                        .cloned();
                }
                // Nearest person earlier in the same sentence, else the
                // subject of the sentences before, else the latest person
                // the sentence before named; a description opening the
                // article stands for the person named right after it.
                self.sentence_people(view).nearest_before[idx]
                    .and_then(|j| self.antecedent(view, j))
                    .filter(fits)
                    .or_else(|| self.last_subject.clone().filter(fits))
                    .or_else(|| {
                        let fallback = self.last_subject.is_some();
                        fallback
                            .then(|| self.last_people.iter().rev().find(|p| fits(p)).cloned())
                            .flatten()
                    })
                    .or_else(|| {
                        let title = chunk.kind == ChunkKind::Title;
                        title
                            .then(|| self.people.first_after(view.sentence.end, NAMED_AFTER))
                            .flatten()
                            .map(str::to_owned)
                    })
                    .or_else(|| {
                        // "Not long after announcing he would step down,
                        // Jeffrey Swartz offered ...": with no one named
                        // before, the person the sentence goes on to name.
                        let opening = self.last_subject.is_none()
                            && self.last_people.is_empty()
                            && matches!(w.as_str(), "he" | "she");
                        let chunks = &view.mentions.chunks;
                        opening
                            .then(|| {
                                (idx + 1..chunks.len())
                                    .filter(|&j| chunks[j].kind == ChunkKind::Person)
                                    .find_map(|j| self.full_name(&chunks[j]))
                            })
                            .flatten()
                            .filter(fits)
                    })
            }
            _ => None,
        }
    }

    /// An undecided single name that fills the person slot of an event
    /// ("Harlow retired as CEO in 2011"): a person, unless the article
    /// uses it for an organisation or a place.
    pub(super) fn bare_name(&self, view: &SentenceView<'_, '_>, idx: usize) -> Option<String> {
        let chunk = view.mentions.chunks.get(idx)?;
        let name = people::strip_honorific(chunk.text);
        // "Ms.Kendle": an honorific makes it a person even when the
        // company bears the same name.
        let titled = name.len() < chunk.text.trim().len();
        // "spent nine years at Ostwind": a place of work, no person.
        if follows_place_preposition(view, idx, false) && !titled {
            return None;
        }
        // "the Ministry of Economy, Trade and Industry": the last of a list
        // that names an organisation.
        let chunks = &view.mentions.chunks;
        let mut k = idx;
        while k >= 2 && matches!(chunks[k - 1].text, "," | "and") {
            k -= 2;
            match chunks[k].kind {
                ChunkKind::Org if !titled => return None,
                ChunkKind::Name => continue,
                _ => break,
            }
        }
        // "ALSO", "IBM": a word in capitals is no bare surname.
        let shouting = name.len() > 1 && !name.contains(char::is_lowercase);
        let usable = chunk.kind == ChunkKind::Name
            && !name.contains(' ')
            && (titled
                || (!shouting
                    && !is_place(name)
                    // "the company's Board": a common noun for an organisation.
                    && !lower_in(&REFERENCE_WORDS.org_noun, name)
                    && !self.org_names.contains(name)
                    && self.focus.as_deref().is_none_or(|f| !f.starts_with(name))));
        usable.then(|| name.to_owned())
    }

    /// A one-word name that stands for a person where it is written: the
    /// subject of a verb ("Tavener told reporters he would retire") or one
    /// a rule reads as a person opening the sentence, unless it names an
    /// organisation or a place (`bare_name`).
    pub(super) fn bare_subject(&self, view: &SentenceView<'_, '_>, k: usize) -> Option<String> {
        let c = view.mentions.chunks.get(k)?;
        // "Medlin worked at Wachovia for 41 years": a name opening the
        // sentence before a verb in the past is its subject.
        let opens_past = k == 0
            && view.mentions.chunks.get(1).is_some_and(|n| {
                n.kind == ChunkKind::Word
                    && n.text.len() > 4
                    && n.text.ends_with("ed")
                    && n.text.bytes().all(|b| b.is_ascii_lowercase())
            });
        let subject = self.person_subjects.contains(&c.start) || before_verb(view, k) || opens_past;
        subject.then(|| self.bare_name(view, k)).flatten()
    }

    /// The person chunk `j` names for a pronoun after it: a full name, or
    /// a one-word name standing for a person (`bare_subject`).
    fn antecedent(&self, view: &SentenceView<'_, '_>, j: usize) -> Option<String> {
        let c = view.mentions.chunks.get(j)?;
        // "At Sierra Pinta she will report ...": a place of work.
        if c.kind == ChunkKind::Name && follows_place_preposition(view, j, true) {
            return None;
        }
        self.full_name(c).or_else(|| self.bare_subject(view, j))
    }

    /// The full name a person or name chunk resolves to, if any.
    pub(super) fn full_name(&self, c: &crate::mentions::Chunk<'_>) -> Option<String> {
        match c.kind {
            // "Mr. Jorndt" is a person even when never named in full.
            ChunkKind::Person => self
                .people
                .resolve(c.text, c.start)
                .or_else(|| Some(people::strip_honorific(c.text).to_owned())),
            ChunkKind::Name => self
                .people
                .resolve(c.text, c.start)
                .filter(|n| n.split_whitespace().count() >= 2 && !people::names_no_person(n)),
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
                let named = self.antecedent(view, j).is_some();
                if named {
                    nearest = Some(j);
                }
                // A person chunk always names someone (as written when the
                // article never gives the name in full); a name only when
                // it resolves to a full name or stands for a person where
                // it is written.
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

    /// The people coordinated with the match's person in one noun group
    /// ("Ana Ruiz and Ben Toll will join", "the departures of A and B").
    pub(super) fn coordinated(&self, view: &SentenceView<'_, '_>, m: &Match<'_>) -> Vec<String> {
        let Some(k) = m.slot(Slot::Person) else {
            return Vec::new();
        };
        let Some(group) = view.phrases.group_with_member(k) else {
            return Vec::new();
        };
        crate::stages::tally(crate::stages::Stage::Resolve, group.members.len());
        group
            .members
            .iter()
            .filter(|&&other| other != k)
            .filter_map(|&other| self.person(view, other))
            .collect()
    }

    /// The first person named in the sentence before chunk `end`: a subject
    /// pronoun opening the sentence ("He succeeded Ada Holm in 1990 and
    /// retired in 2001"), else the first name.
    pub(super) fn first_person_before(
        &self,
        view: &SentenceView<'_, '_>,
        end: usize,
    ) -> Option<String> {
        let opener = view.mentions.chunks.first()?;
        let pronoun = ["he", "she"]
            .iter()
            .any(|p| opener.text.eq_ignore_ascii_case(p));
        if pronoun && end > 0 {
            return self.person(view, 0);
        }
        self.sentence_people(view)
            .first
            .filter(|&first| first < end)
            .and_then(|first| {
                self.person(view, first)
                    .or_else(|| self.bare_name(view, first))
            })
    }

    /// The role chunk `idx` names: a title, or "the position".
    pub(super) fn role(&self, view: &SentenceView<'_, '_>, idx: usize) -> Option<RoleSlot> {
        let chunk = view.mentions.chunks.get(idx)?;
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
                    tenure: info.tenure,
                }))
            }
            _ => None,
        }
    }

    /// The organisation chunk `idx` names.
    pub(super) fn org(&self, view: &SentenceView<'_, '_>, idx: usize) -> Option<String> {
        let chunk = view.mentions.chunks.get(idx)?;
        match chunk.kind {
            ChunkKind::Org => Some(clean_org(chunk.text).to_owned()),
            // "Shareholders elected ...": a lone word opening the sentence
            // is no organisation unless the article names it elsewhere.
            ChunkKind::Name if !chunk.text.contains(' ') && !self.inner.contains(chunk.text) => {
                None
            }
            ChunkKind::Name if is_place(chunk.text) => None,
            // A name the article gives a person ("Maxwell Wahome") is no
            // organisation.
            ChunkKind::Name
                if !self
                    .people
                    .resolve(chunk.text, chunk.start)
                    .is_some_and(|n| self.people.knows(&n)) =>
            {
                Some(clean_org(chunk.text).to_owned())
            }
            _ => None,
        }
    }

    /// The organisation a rule reads as the one acting ("Corvane named Ana
    /// Ruiz chief executive"): a name of one word that only ever opens a
    /// sentence counts too, unless it reads as a plural common noun
    /// ("Shareholders elected ...") or names a person.
    fn acting_org(&self, view: &SentenceView<'_, '_>, idx: usize) -> Option<String> {
        self.org(view, idx).or_else(|| {
            let chunk = view.mentions.chunks.get(idx)?;
            let lone = chunk.kind == ChunkKind::Name && !chunk.text.contains(' ');
            // "Shareholders", "Board": a common noun, not a name.
            let plural = chunk.text.ends_with('s')
                || lower_in(&REFERENCE_WORDS.org_noun, chunk.text)
                || lower_in(&ORG_VOCAB.governing_body, chunk.text);
            let person = self
                .people
                .resolve(chunk.text, chunk.start)
                .is_some_and(|n| self.people.knows(&n));
            (lone && !plural && !person && !is_place(chunk.text))
                .then(|| clean_org(chunk.text).to_owned())
        })
    }

    /// The organisation "it" stands for as the subject of the match's verb:
    /// the nearest named before it in the sentence ("Huawei said on Tuesday
    /// it had appointed Andy Ho ...").
    fn it_org(&self, view: &SentenceView<'_, '_>, m: &Match<'_>) -> Option<String> {
        let verb = view.phrases.verb_at(m.verb?)?;
        let chunks = &view.mentions.chunks;
        let before = chunks.get(verb.first.checked_sub(1)?)?;
        if !before.text.eq_ignore_ascii_case("it") {
            return None;
        }
        // The organisation speaking ("Huawei said"), not a word describing
        // it ("The FTSE 250 company said").
        let speaks = |k: usize| {
            chunks
                .get(k + 1)
                .is_some_and(|c| lower_in(&SPEECH_VERBS, c.text))
        };
        let mut steps = crate::stages::Steps::new(crate::stages::Stage::Resolve);
        (0..verb.first - 1)
            .rev()
            .inspect(|_| steps.step())
            .find(|&k| matches!(chunks[k].kind, ChunkKind::Org | ChunkKind::Name))
            .filter(|&k| speaks(k))
            .and_then(|k| self.acting_org(view, k))
    }

    /// The organisation that opens the sentence ("Standard Group saw its
    /// chief executive depart", "Acme's board named ..."): the topic of a
    /// change the sentence tells without naming its organisation. Never a
    /// news outlet reporting it.
    pub(super) fn opening_org(&self, view: &SentenceView<'_, '_>) -> Option<String> {
        let chunks = &view.mentions.chunks;
        // "At Northbrook, Hollis will take over from ...": the scene set
        // before the clause.
        let scene = chunks.first().is_some_and(|c| c.text == "At")
            && chunks.get(2).is_some_and(|c| c.text == ",");
        if scene && matches!(chunks[1].kind, ChunkKind::Org | ChunkKind::Name) {
            return self.org(view, 1);
        }
        // "In a separate statement, Alpenkreuz said ...": a few plain
        // words and a comma before the subject.
        let intro = chunks
            .iter()
            .take(INTRO_CHUNKS)
            .position(|c| c.text == ",")
            .filter(|&comma| comma > 0 && chunks[..comma].iter().all(|c| c.kind == ChunkKind::Word))
            .map_or(0, |comma| comma + 1);
        // "The Walt Disney Co. named ...": the article before a name.
        let intro = intro
            + usize::from(
                chunks.get(intro).is_some_and(|c| c.text == "The")
                    && chunks
                        .get(intro + 1)
                        .is_some_and(|c| c.kind == ChunkKind::Org),
            );
        let first = chunks.get(intro)?;
        // "Electronics giant named ...": a describing noun follows a word
        // that only says what kind of company it is.
        let described = chunks
            .get(intro + 1)
            .is_some_and(|c| lower_in(&ORG_VOCAB.descriptor, c.text));
        // "Company secretary Ann Lee": a common noun, not a name.
        let common_noun = lower_in(&REFERENCE_WORDS.org_noun, first.text);
        if !matches!(first.kind, ChunkKind::Org | ChunkKind::Name)
            || described
            || common_noun
            || ORG_VOCAB.news_outlet.contains(clean_org(first.text))
        {
            return None;
        }
        // "Corvane named four new directors: ...": the subject of an event
        // verb acts, as in a rule's organisation slot.
        // ... and so does one that speaks ("Tessler said its CFO ...").
        let speaks = chunks
            .get(intro + 1)
            .is_some_and(|c| lower_in(&SPEECH_VERBS, c.text));
        // "Corvane on Wednesday appointed ...": a time between them.
        let timed = chunks.get(intro + 1).is_some_and(|c| c.text == "on")
            && view.phrases.verb_starts_at(intro + 3);
        let subject = view.phrases.verb_starts_at(intro + 1) || speaks || timed;
        if subject {
            self.acting_org(view, intro)
        } else if intro == 0 {
            self.org(view, 0)
        } else {
            None
        }
    }

    /// Binds the role a role rule matched to its person. A role told in the
    /// past ("had been", "was previously") is a former one.
    /// Returns the appointment a role held from now on tells ("Greta Lind
    /// is the new finance director").
    pub(super) fn bind_role(
        &mut self,
        view: &SentenceView<'_, '_>,
        m: &Match<'_>,
        index: usize,
    ) -> Option<Frame> {
        let (Some(p), Some(r)) = (m.slot(Slot::Person), m.slot(Slot::Role)) else {
            return None;
        };
        // "is the first Irish-born coach of the national side": a
        // description, no post held before.
        let ranked = (r.saturating_sub(3)..r).any(|k| {
            view.mentions
                .chunks
                .get(k)
                .is_some_and(|c| lower_in(&crate::lexicon::RANKING_WORDS, c.text))
        });
        if ranked {
            return None;
        }
        let past_verb = m
            .verb
            .and_then(|v| view.phrases.verb_at(v))
            .is_some_and(|v| matches!(v.tense, VerbTense::Past | VerbTense::Perfect));
        let past_words = PAST_CUES.iter().any(|w| m.text.contains(w.as_str()));
        // "was previously at Orla Bank as its treasurer": the rule's
        // organisation is the role's.
        let at = m.slot(Slot::Org).and_then(|k| self.org(view, k));
        self.bind_person_at(view, p, r, past_verb || past_words, at);
        if past_verb || past_words {
            // "has been acting chief since May": a stand-in still serving.
            return (!past_words)
                .then(|| self.standing_in(view, m, index, p, r))
                .flatten();
        }
        self.incoming(view, index, p, r, Status::Completed)
            .or_else(|| self.standing_in(view, m, index, p, r))
    }

    /// The appointments bulleted items after a list's announcement tell
    /// ("The new directors are:" then "- Ana Ruiz, a banker;"): the person
    /// each item opens with takes the announced role, unless a rule of the
    /// sentence tells more. Items a feed has joined into one line ("- Ana
    /// Ruiz, a banker; - Ben Toll, a lawyer.") count one by one.
    pub(super) fn list_items(
        &self,
        view: &SentenceView<'_, '_>,
        index: usize,
        role: &RoleSlot,
        rule: &str,
    ) -> Vec<Frame> {
        if !focus::opens_list_item(self.text, view.sentence) || !view.matches.is_empty() {
            return Vec::new();
        }
        let chunks = &view.mentions.chunks;
        let is_marker = |k: usize| {
            chunks.get(k).is_some_and(|c| {
                let mut chars = c.text.chars();
                chars.next().is_some_and(focus::is_list_marker) && chars.next().is_none()
            })
        };
        let item_start = |k: usize| is_marker(k) && (k == 0 || chunks[k - 1].text == ";");
        (0..chunks.len())
            .filter(|&k| item_start(k))
            .filter_map(|k| {
                let chunk = chunks.get(k + 1)?;
                let person = match chunk.kind {
                    ChunkKind::Person => self.person(view, k + 1)?,
                    ChunkKind::Name if chunk.text.contains(' ') && !is_place(chunk.text) => {
                        self.people.resolve(chunk.text, chunk.start)?
                    }
                    _ => return None,
                };
                Some(Frame::told_by_title(
                    Kind::Appointment,
                    rule,
                    index,
                    person,
                    Some(role.clone()),
                    None,
                    Status::Completed,
                ))
            })
            .collect()
    }

    /// The appointment a stand-in role held now tells ("Her deputy, Obinna
    /// Eze, is acting chief risk officer"): covering a gap is news.
    fn standing_in(
        &self,
        view: &SentenceView<'_, '_>,
        m: &Match<'_>,
        index: usize,
        p: usize,
        r: usize,
    ) -> Option<Frame> {
        // "is acting chief risk officer", "has been acting chief since
        // May", not "takes over from X as interim chair" (a role the one
        // succeeded held) or "had been acting chief" (a past).
        let present = m
            .verb
            .and_then(|v| view.phrases.verb_at(v))
            .is_some_and(|v| {
                let until_now = v.tense == VerbTense::Perfect
                    && view
                        .mentions
                        .chunks
                        .get(v.first)
                        .is_some_and(|c| matches!(c.text, "has" | "have"));
                (v.tense == VerbTense::Present || until_now)
                    && VERBS_LEXICON.classes[v.class].name == "be_role"
            });
        let Some(RoleSlot::Title(role)) = self.role(view, r) else {
            return None;
        };
        if !present || !build::opens_as_stand_in(&role.title) {
            return None;
        }
        let person = self.person(view, p)?;
        Some(Frame::told_by_title(
            Kind::Appointment,
            STAND_IN_RULE,
            index,
            person,
            Some(RoleSlot::Title(role)),
            None,
            Status::Completed,
        ))
    }

    /// The departure a title being left tells by itself ("the outgoing
    /// governor, Philip Lane,", "retiring chairman Ann Lee"): a retirement
    /// when the status word is a form of an end verb.
    fn outgoing(
        &self,
        view: &SentenceView<'_, '_>,
        index: usize,
        p: usize,
        r: usize,
    ) -> Option<Frame> {
        let chunk = view.mentions.chunks.get(r)?;
        let status = chunk.text.split([' ', '-']).next()?;
        if !lower_in(&crate::lexicon::TITLE_VOCAB.status_leaving, status) {
            return None;
        }
        let kind = crate::lexicon::with_lowercase(status, |w| {
            VERBS_LEXICON.forms.get(w).and_then(|entries| {
                entries
                    .iter()
                    .map(|e| VERBS_LEXICON.classes[e.class].kind)
                    .find(|k| k.group() == Group::End)
            })
        })
        .unwrap_or(Kind::Departure);
        // The status word alone ("the retiring Ana Ruiz") tells no role.
        let role = match self.role(view, r) {
            Some(RoleSlot::Title(role)) => Some(RoleSlot::Title(role)),
            _ if chunk.kind == ChunkKind::Word => None,
            _ => return None,
        };
        let person = self.person(view, p)?;
        Some(Frame::told_by_title(
            kind,
            OUTGOING_RULE,
            index,
            person,
            None,
            role,
            Status::Announced,
        ))
    }

    /// The appointment a title held from now on tells by itself ("the
    /// incoming chief executive", "the new finance director").
    fn incoming(
        &self,
        view: &SentenceView<'_, '_>,
        index: usize,
        p: usize,
        r: usize,
        status: Status,
    ) -> Option<Frame> {
        let Some(RoleSlot::Title(role)) = self.role(view, r) else {
            return None;
        };
        if role.tenure != Tenure::New {
            return None;
        }
        let person = self.person(view, p)?;
        let new_role = Some(RoleSlot::Title(role));
        Some(Frame::told_by_title(
            Kind::Appointment,
            INCOMING_RULE,
            index,
            person,
            new_role,
            None,
            status,
        ))
    }

    /// Binds the titles a sentence's noun groups give their people
    /// (appositions, pre-modifiers).
    /// Returns the appointments the titles tell: a title held from now on
    /// ("the incoming chief executive, Mina Park,", "new finance chief Ben
    /// Toll") is a change of its own.
    pub(super) fn bind_groups(&mut self, view: &SentenceView<'_, '_>, index: usize) -> Vec<Frame> {
        let mut incoming = Vec::new();
        for group in &view.phrases.groups {
            for &(p, r) in &group.roles {
                self.bind(view, p, r, false);
                incoming.extend(self.incoming(view, index, p, r, Status::Announced));
                incoming.extend(self.outgoing(view, index, p, r));
            }
            // "the retiring Ana Ruiz": leaving, with no title told.
            if let Some(w) = group.leaving {
                incoming.extend(self.outgoing(view, index, group.head, w));
            }
        }
        incoming
    }

    fn bind(&mut self, view: &SentenceView<'_, '_>, p: usize, r: usize, former: bool) {
        // Roles bind to names only: in "told directors he would", "directors"
        // is not his title.
        let is_name = view
            .mentions
            .chunks
            .get(p)
            .is_some_and(|c| c.kind != ChunkKind::Word);
        if is_name {
            self.bind_person(view, p, r, former);
        }
    }

    /// Binds role chunk `r` to the person chunk `p` stands for, a pronoun
    /// included: a role rule has read "He had been head of sales" as a
    /// subject and its role.
    fn bind_person(&mut self, view: &SentenceView<'_, '_>, p: usize, r: usize, former: bool) {
        self.bind_person_at(view, p, r, former, None);
    }

    /// As [`Self::bind_person`], the role at organisation `at` when the
    /// title names none.
    fn bind_person_at(
        &mut self,
        view: &SentenceView<'_, '_>,
        p: usize,
        r: usize,
        former: bool,
        at: Option<String>,
    ) {
        let (Some(person), Some(RoleSlot::Title(mut role))) = (
            self.person(view, p).or_else(|| self.bare_name(view, p)),
            self.role(view, r),
        ) else {
            return;
        };
        if former {
            role.tenure = Tenure::Former;
        }
        if role.org.is_none() && at.is_some() {
            role.org = at;
            role.org_named = true;
            role.org_anaphor = false;
        }
        self.bindings.bind(person, role, view.sentence.start);
    }

    pub(super) fn frame(
        &mut self,
        view: &SentenceView<'_, '_>,
        index: usize,
        m: &Match<'_>,
        kind: Kind,
        subject: Option<(String, Status)>,
    ) -> Option<Frame> {
        // A rule without a person slot continues the clause of the event
        // before it ("will step down ... and serve as a consultant"), in
        // the same tenure.
        let (person, inherited) = match m.slot(Slot::Person) {
            Some(k) => (
                self.person(view, k).or_else(|| self.bare_name(view, k))?,
                None,
            ),
            None => match subject {
                Some((p, status)) => (p, Some(status)),
                // No event before it: the sentence's first named person
                // ("<Name> did not stand for re-election and left the board").
                None => (self.first_person_before(view, m.first)?, None),
            },
        };
        // "left for Tokyo": going to a place is no change of job.
        let to_place = m
            .slot(Slot::Dest)
            .and_then(|k| view.mentions.chunks.get(k))
            .is_some_and(|c| is_place(clean_org(c.text)));
        if to_place {
            return None;
        }
        self.current = Some(person.clone());
        // "The chief executive of Velmont has resigned": the title that
        // stands for the person is theirs.
        if let Some(k) = m.slot(Slot::Person) {
            let titled = view
                .mentions
                .chunks
                .get(k)
                .is_some_and(|c| c.kind == ChunkKind::Title);
            if let (true, Some(RoleSlot::Title(role))) = (titled, self.role(view, k)) {
                self.bindings
                    .bind(person.clone(), role, view.sentence.start);
            }
        }
        let named = |k: Option<usize>| {
            k.and_then(|k| self.person(view, k))
                .filter(|n| *n != person)
        };
        let verb = m.verb.and_then(|v| view.phrases.verb_at(v));
        let status = match (inherited, verb) {
            (Some(status), _) => status,
            (None, Some(v)) => self.verb_status(view, v),
            (None, None) if FUTURE_CUES.iter().any(|w| m.text.contains(w.as_str())) => {
                Status::Announced
            }
            (None, None) => Status::Completed,
        };
        // Career history: a past start with a year ("joined GM in 1982") is
        // no news, but the role it began is one the person held.
        if kind.group() == Group::Start && status == Status::Completed && is_history(view, m) {
            if let Some(RoleSlot::Title(mut role)) =
                m.slot(Slot::NewRole).and_then(|k| self.role(view, k))
            {
                role.tenure = Tenure::Former;
                if role.org.is_none() {
                    role.org = m.slot(Slot::Org).and_then(|k| self.acting_org(view, k));
                }
                self.bindings
                    .bind_history(person, role, view.sentence.start);
            }
            return None;
        }
        // "put in charge of the foundry unit", "will head the new AI group":
        // the head of that unit.
        let phrase = |(first, last): (usize, usize)| -> Option<&str> {
            let chunks = &view.mentions.chunks;
            let text = &self.text[chunks.get(first)?.start..chunks.get(last)?.end];
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
                tenure: Tenure::Plain,
            })
        };
        // "joins the management board": a member of that board.
        let unit_role = m
            .unit
            .and_then(phrase)
            .map(|unit| {
                // "take charge of the first team": the club itself.
                if lower_in(&ORG_VOCAB.whole_side, unit) {
                    return RoleSlot::Title(RoleVal {
                        title: "head".to_owned(),
                        org: None,
                        org_named: false,
                        org_anaphor: true,
                        tenure: Tenure::Plain,
                    });
                }
                made_role("head".to_owned(), unit)
            })
            .or_else(|| {
                let (first, last) = m.board?;
                // "the Velmont board", "Velmont's board": a member of the
                // board, at the organisation it belongs to.
                let owner = (first..=last).find(|&k| {
                    view.mentions
                        .chunks
                        .get(k)
                        .is_some_and(|c| matches!(c.kind, ChunkKind::Name | ChunkKind::Org))
                });
                let owner = owner.filter(|&o| o < last);
                let board = phrase((owner.map_or(first, |o| o + 1), last))?;
                // The board's own name, without its company: "board".
                let bare = board.rsplit_once("'s ").map_or(board, |(_, b)| b);
                let bare = bare.rsplit_once("’s ").map_or(bare, |(_, b)| b);
                let org = owner.map(|o| clean_org(view.mentions.chunks[o].text).to_owned());
                // The company's own board: a director of it.
                let whole_board = ["board", "board of directors"]
                    .iter()
                    .any(|b| bare.eq_ignore_ascii_case(b));
                let title = if whole_board {
                    "director".to_owned()
                } else {
                    format!("member of the {bare}")
                };
                Some(RoleSlot::Title(RoleVal {
                    title,
                    org_anaphor: org.is_none() && whole_board,
                    org: org.or_else(|| (!whole_board).then(|| bare.to_owned())),
                    org_named: false,
                    tenure: Tenure::Plain,
                }))
            });
        Some(Frame {
            kind,
            rule: m.rule.id.clone(),
            sentence: index,
            new_role: m
                .slot(Slot::NewRole)
                .and_then(|k| self.role(view, k))
                .or(unit_role)
                .or_else(|| m.slot(Slot::OwnRole).map(|_| RoleSlot::Own)),
            old_role: m.slot(Slot::OldRole).and_then(|k| self.role(view, k)),
            org: m
                .slot(Slot::Org)
                .and_then(|k| self.acting_org(view, k))
                .or_else(|| self.it_org(view, m)),
            predecessor: named(m.slot(Slot::Predecessor)),
            successor: named(m.slot(Slot::Successor)),
            reports_to: named(m.slot(Slot::ReportsTo)),
            prev_reports_to: named(m.slot(Slot::PrevReportsTo)),
            person,
            status,
            continued: view
                .phrases
                .clauses
                .get(m.clause)
                .is_some_and(|c| c.continues),
        })
    }

    /// The status of verb group `v` of the current sentence
    /// ([`verb_status`]). Each verb's is worked out once per sentence, in
    /// text order, so that a chain of verbs each depending on the one
    /// before ("to retire ... to retire ...") is not walked again from
    /// every verb in it.
    fn verb_status(&self, view: &SentenceView<'_, '_>, v: &VerbGroup) -> Status {
        let verbs = &view.phrases.verbs;
        // Verb groups are in text order and never overlap.
        let index = |u: &VerbGroup| verbs.partition_point(|w| w.main < u.main);
        let statuses = self.statuses.get_or_init(|| {
            let mut out: Vec<Status> = Vec::with_capacity(verbs.len());
            for w in verbs {
                // The verb `w` depends on comes before it, so its status
                // is known.
                let s = verb_status(view, w, |u| {
                    out.get(index(u)).copied().unwrap_or(Status::Completed)
                });
                out.push(s);
            }
            out
        });
        statuses.get(index(v)).copied().unwrap_or(Status::Completed)
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

    /// The bound role ([`Self::bound_role`]) a start leaves: when the
    /// first is the new position itself (`is_new`), the next one of
    /// another title.
    pub(super) fn bound_role_left(
        &self,
        person: &str,
        sentence_start: usize,
        is_new: impl Fn(&RoleVal) -> bool,
    ) -> Option<RoleVal> {
        match self.bound_role(person, sentence_start, None) {
            Some(b) if is_new(&b) => self.bound_role(person, sentence_start, Some(&b.title)),
            other => other,
        }
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
    let t = t
        .strip_suffix("'s")
        .or_else(|| t.strip_suffix("’s"))
        .unwrap_or(t)
        .trim();
    // "Board of Dangote Sugar Plc", "the DSI board": the board stands for
    // its organisation.
    let t = ["Board of Directors of ", "Board of ", "board of "]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t);
    // "Taipei-based Kaohsin Bank": the describing word is no part of it.
    let t = t
        .split_once(' ')
        .filter(|(first, _)| {
            first.rsplit_once('-').is_some_and(|(_, tail)| {
                crate::lexicon::lower_in(&ORG_VOCAB.descriptive_suffix, tail)
            })
        })
        .map_or(t, |(_, rest)| rest);
    // "The University of Vermont Board of Trustees": the body's own
    // organisation.
    let t = [
        " of Trustees",
        " of Directors",
        " of Governors",
        " of Regents",
    ]
    .iter()
    .find_map(|s| t.strip_suffix(s))
    .filter(|rest| rest.ends_with(" Board") || rest.ends_with(" board"))
    .unwrap_or(t);
    [" board", " Board"]
        .iter()
        .find_map(|s| t.strip_suffix(s))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(t)
}

/// The rule id of an appointment a title tells by itself ("the incoming
/// chief executive, Mina Park").
pub(super) const INCOMING_RULE: &str = "PHRASE/INCOMING_TITLE";

/// The rule id of a departure a title tells by itself ("the outgoing
/// governor, Philip Lane,").
pub(super) const OUTGOING_RULE: &str = "PHRASE/OUTGOING_TITLE";

/// The rule id of an appointment a stand-in role held now tells ("is
/// acting chief risk officer").
pub(super) const STAND_IN_RULE: &str = "PHRASE/STAND_IN_TITLE";

/// Whether the event of verb group `v` has happened: a future, a plan
/// ("is retiring") or an infinitive after one ("will step down to take on")
/// is announced. `earlier` gives the status of a verb before `v`, the one
/// `v` depends on.
pub(super) fn verb_status(
    view: &SentenceView<'_, '_>,
    v: &VerbGroup,
    earlier: impl Fn(&VerbGroup) -> Status,
) -> Status {
    match v.tense {
        VerbTense::Future | VerbTense::Progressive => Status::Announced,
        // "will step down and become chairman": a verb after "and" without
        // an auxiliary of its own is announced when the verb before is.
        VerbTense::Present | VerbTense::Past
            if v.first > 0
                && v.first == v.main
                && view
                    .mentions
                    .chunks
                    .get(v.first - 1)
                    .is_some_and(|c| matches!(c.text, "and" | "but")) =>
        {
            view.phrases
                .governing(v, &view.mentions.chunks)
                .filter(|w| w.main != v.main)
                .map_or(Status::Completed, earlier)
        }
        VerbTense::Infinitive | VerbTense::Gerund => view
            .phrases
            .governing(v, &view.mentions.chunks)
            .map_or(Status::Announced, earlier),
        _ => Status::Completed,
    }
}

/// Career history told in passing: a start in the past with a year told
/// as its time, in the match after the verb or just after it ("joined GM in
/// 1982", "became CEO in 2019"); a year elsewhere ("treasurer since 2016,
/// she was promoted", "a contract until 2027") does not count.
/// How far after a description opening an article (in bytes) the person
/// it stands for must be named.
const NAMED_AFTER: usize = 400;

/// Whether chunk `k` follows a preposition of a place of work ("at",
/// "from", "in", "with"; `opening` allows "At" and "In" opening a
/// sentence): a name there is where someone works, no person.
fn follows_place_preposition(view: &SentenceView<'_, '_>, k: usize, opening: bool) -> bool {
    let Some(before) = k.checked_sub(1).and_then(|i| view.mentions.chunks.get(i)) else {
        return false;
    };
    matches!(before.text, "at" | "from" | "in" | "with")
        || (opening && matches!(before.text, "At" | "In"))
}

/// How many chunks an opening phrase before the subject may hold, its
/// comma included ("In a separate statement,").
const INTRO_CHUNKS: usize = 6;

/// How many chunks past a start's match its year may stand ("joined Acme
/// straight out of Osaka University in 1995").
const HISTORY_YEAR_REACH: usize = 9;

pub(super) fn is_history(view: &SentenceView<'_, '_>, m: &Match<'_>) -> bool {
    let chunks = &view.mentions.chunks;
    let is_year = |k: usize| {
        chunks.get(k).is_some_and(|c| {
            let b = c.text.as_bytes();
            b.len() == 4
                && (b.starts_with(b"19") || b.starts_with(b"20"))
                && b.iter().all(u8::is_ascii_digit)
        })
    };
    // A year told as a time of the past ("joined GM in 1982", "in July
    // 2018", "in late 2019"); a full date ("began on 1 December 2013") is
    // the news itself. "in March of 2015" is the same time told with "of".
    let told_in = |k: usize| {
        let word = |i: usize| chunks.get(i).map_or("", |c| c.text);
        let alphabetic = |i: usize| word(i).bytes().all(|b| b.is_ascii_alphabetic());
        word(k - 1).eq_ignore_ascii_case("in")
            || (k >= 2 && word(k - 2).eq_ignore_ascii_case("in") && alphabetic(k - 1))
            || (k >= 3
                && word(k - 3).eq_ignore_ascii_case("in")
                && alphabetic(k - 2)
                && word(k - 1).eq_ignore_ascii_case("of"))
    };
    let from = m.verb.unwrap_or(m.first).max(1);
    // "last year", "two years ago", "a decade ago": a past told as
    // counted back from now.
    let counted_back = |k: usize| {
        let word = |i: usize| chunks.get(i).map_or("", |c| c.text);
        (word(k).eq_ignore_ascii_case("last") && word(k + 1).eq_ignore_ascii_case("year"))
            || (word(k + 1).eq_ignore_ascii_case("ago")
                && matches!(word(k), "years" | "decade" | "decades"))
    };
    // A time inside a relative clause belongs to it: "named Dara Voss, who
    // joined in 2019, as chief executive" is news.
    let mut relative = false;
    let has_year = (from..m.last + HISTORY_YEAR_REACH).any(|k| {
        let word = chunks.get(k).map_or("", |c| c.text);
        if matches!(word, "who" | "which" | "whom") {
            relative = true;
        } else if word == "," {
            relative = false;
        }
        !relative && ((is_year(k) && told_in(k)) || counted_back(k))
    });
    // "Until 2009, he was ... and later became ...": a sentence set in a
    // past year from its first words.
    let opens_in_year = chunks
        .first()
        .is_some_and(|c| c.text.eq_ignore_ascii_case("in") || lower_in(&TIME_PREPOSITIONS, c.text))
        && (1..3).any(|k| is_year(k) && chunks.get(k + 1).is_some_and(|c| c.text == ","));
    let has_year = has_year || opens_in_year;
    let verb = m.verb.and_then(|v| view.phrases.verb_at(v));
    let past = match verb {
        Some(v) => matches!(v.tense, VerbTense::Past | VerbTense::Gerund),
        None => true,
    };
    // "She had joined Velmont when ...": the past perfect tells what came
    // before the news, unless it reports speech ("said it had appointed").
    let before_the_news = verb.is_some_and(|v| {
        v.tense == VerbTense::Perfect
            && (v.first..v.main).any(|k| {
                chunks
                    .get(k)
                    .is_some_and(|c| c.text.eq_ignore_ascii_case("had"))
            })
            && !chunks[..v.first]
                .iter()
                .any(|c| lower_in(&SPEECH_VERBS, c.text))
    });
    (has_year && past) || before_the_news
}
