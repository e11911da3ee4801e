//! The resolver's per-person tables, indexed so that no lookup scans what
//! the article said before: the roles bound to each person, the roles
//! vacated so far, and the records built so far.
//!
//! A long article may mention one person in thousands of sentences ("Jane
//! Roe, CEO of Acme Corp., ..."), so a table keyed by person can hold as
//! many entries as the article has sentences. Every question the resolver
//! asks of them is answered from values worked out once, when an entry is
//! added: a hash lookup and a few steps, whatever the table's size.
//!
//! The entries live in [`Counted`] lists, whose every read counts as
//! resolution work ([`crate::stages::Work`]): a scan over a table, whoever
//! writes it, shows up in the count that `tests/adversarial.rs` checks.

use crate::lexicon::WordMap;
use crate::mentions::Tenure;
use crate::record::{Group, Record};
use crate::stages::{tally, ResolveList, Stage};

use super::RoleVal;

/// A list whose every read of an entry counts one step of resolution work:
/// a [`ResolveList`] read by indexes known to hold an entry.
#[derive(Debug)]
pub(super) struct Counted<T>(ResolveList<T>);

impl<T> Default for Counted<T> {
    fn default() -> Self {
        Self(ResolveList::default())
    }
}

impl<T> Counted<T> {
    /// Appends `value`; returns its index.
    pub fn push(&mut self, value: T) -> usize {
        self.0.push(value)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn get(&self, i: usize) -> &T {
        &self.0[i]
    }

    pub fn get_mut(&mut self, i: usize) -> &mut T {
        &mut self.0[i]
    }

    pub fn last(&self) -> Option<&T> {
        self.0.last()
    }

    /// Every entry in order, each read counted.
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> {
        self.0.iter()
    }

    /// Every entry in order, each read counted.
    pub fn iter_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut T> {
        self.0.iter_mut()
    }

    pub fn into_vec(self) -> Vec<T> {
        self.0.into_vec()
    }
}

/// A role an appositive or pre-modifier bound to a person.
#[derive(Debug)]
pub(super) struct Binding {
    pub role: RoleVal,
    /// Start of the sentence that bound it (what a scan over all bindings
    /// would compare; the index keeps it in `by_sentence`).
    #[cfg_attr(not(test), allow(dead_code))]
    pub sentence: usize,
    /// The title in ASCII lower case, for lookups that leave one title out.
    title_key: String,
}

/// Of the usable bindings in one list: the first, and the first whose title
/// differs from the first's. The first usable binding whose title is not
/// `t` is then one of the two, whatever `t` is.
#[derive(Clone, Copy, Debug, Default)]
struct Firsts {
    first: Option<usize>,
    other: Option<usize>,
}

impl Firsts {
    fn offer(&mut self, i: usize, all: &Counted<Binding>) {
        match self.first {
            None => self.first = Some(i),
            Some(f) if self.other.is_none() && all.get(f).title_key != all.get(i).title_key => {
                self.other = Some(i);
            }
            Some(_) => {}
        }
    }

    /// The first binding whose title is not `exclude` (ASCII lower case).
    fn pick(&self, all: &Counted<Binding>, exclude: Option<&str>) -> Option<usize> {
        let first = self.first?;
        match exclude {
            Some(t) if all.get(first).title_key == t => self.other,
            _ => Some(first),
        }
    }
}

/// Everything bound to one person.
#[derive(Debug, Default)]
struct PersonRoles {
    all: Counted<Binding>,
    /// Among the usable bindings: all of them, those without a status word,
    /// and those of each sentence (by its start).
    usable: Firsts,
    plain: Firsts,
    by_sentence: WordMap<usize, Firsts>,
    /// Roles begun in career history ("was first hired as parks supervisor
    /// in 2017"), in text order: never a role the person is described with,
    /// only the one left by a move inside the same organisation.
    history: Vec<usize>,
}

/// The roles bound to each person, by the person's full name.
#[derive(Debug, Default)]
pub(super) struct Bindings(WordMap<String, PersonRoles>);

impl Bindings {
    /// Binds `role` to `person` in the sentence starting at `sentence`.
    pub fn bind(&mut self, person: String, role: RoleVal, sentence: usize) {
        tally(Stage::Resolve, 1);
        // Founding a company or being someone's "boss" is no position one
        // is appointed to or leaves.
        let lower = role.title.to_lowercase();
        let usable = role.tenure != Tenure::New
            && !lower.contains("founder")
            && !matches!(
                lower.as_str(),
                "boss" | "chief" | "executive" | "member" | "leader"
            );
        let plain = role.tenure == Tenure::Plain;
        let (roles, i) = self.push(person, role, sentence);
        if usable {
            roles.usable.offer(i, &roles.all);
            if plain {
                roles.plain.offer(i, &roles.all);
            }
            let here = roles.by_sentence.entry(sentence).or_default();
            here.offer(i, &roles.all);
        }
    }

    /// Binds `role`, begun in career history, to `person`.
    pub fn bind_history(&mut self, person: String, role: RoleVal, sentence: usize) {
        tally(Stage::Resolve, 1);
        let (roles, i) = self.push(person, role, sentence);
        roles.history.push(i);
    }

    /// Adds a binding of `role` to `person`'s list: the person's roles and
    /// the binding's index.
    fn push(
        &mut self,
        person: String,
        role: RoleVal,
        sentence: usize,
    ) -> (&mut PersonRoles, usize) {
        let title_key = role.title.to_ascii_lowercase();
        let roles = self.0.entry(person).or_default();
        let i = roles.all.push(Binding {
            role,
            sentence,
            title_key,
        });
        (roles, i)
    }

    /// The roles `person` began in career history, latest first.
    pub fn history(&self, person: &str) -> impl Iterator<Item = &RoleVal> {
        tally(Stage::Resolve, 1);
        self.0
            .get(person)
            .into_iter()
            .flat_map(|roles| roles.history.iter().rev().map(|&i| &roles.all.get(i).role))
    }

    /// The role `person` holds, from appositives: the first usable one
    /// bound in the sentence starting at `sentence_start`, else the first
    /// current one, else the first of any tenure; never one titled
    /// `exclude_title` (compared ignoring ASCII case).
    pub fn role(
        &self,
        person: &str,
        sentence_start: usize,
        exclude_title: Option<&str>,
    ) -> Option<&RoleVal> {
        tally(Stage::Resolve, 1);
        let roles = self.0.get(person)?;
        let exclude = exclude_title.map(str::to_ascii_lowercase);
        let pick = |f: &Firsts| f.pick(&roles.all, exclude.as_deref());
        roles
            .by_sentence
            .get(&sentence_start)
            .and_then(pick)
            .or_else(|| pick(&roles.plain))
            .or_else(|| pick(&roles.usable))
            .map(|i| &roles.all.get(i).role)
    }

    /// The role `person` is described with in the sentence starting at
    /// `sentence_start`, if any.
    pub fn role_in_sentence(&self, person: &str, sentence_start: usize) -> Option<&RoleVal> {
        tally(Stage::Resolve, 1);
        let roles = self.0.get(person)?;
        let i = roles
            .by_sentence
            .get(&sentence_start)
            .and_then(|f| f.pick(&roles.all, None))?;
        Some(&roles.all.get(i).role)
    }
}

/// A role left by a departure.
#[derive(Debug)]
pub(super) struct Vacancy {
    /// Index of the sentence.
    pub sentence: usize,
    pub person: String,
    pub role: Option<RoleVal>,
    /// The latest vacancy before this one left by someone else.
    other_before: Option<usize>,
}

/// The roles vacated so far, in sentence order.
#[derive(Debug, Default)]
pub(super) struct Vacated {
    list: Counted<Vacancy>,
    /// Each person's latest vacancy.
    latest: WordMap<String, usize>,
}

impl Vacated {
    /// Records that `person` left `role` in sentence `sentence`; sentences
    /// come in order.
    pub fn push(&mut self, sentence: usize, person: String, role: Option<RoleVal>) {
        let other_before = match self.list.last() {
            None => None,
            Some(last) => {
                debug_assert!(last.sentence <= sentence, "vacancies in sentence order");
                if last.person == person {
                    last.other_before
                } else {
                    Some(self.list.len() - 1)
                }
            }
        };
        let i = self.list.len();
        self.latest.insert(person.clone(), i);
        self.list.push(Vacancy {
            sentence,
            person,
            role,
            other_before,
        });
    }

    /// The role `person` vacated most recently.
    pub fn latest_of(&self, person: &str) -> Option<&Vacancy> {
        tally(Stage::Resolve, 1);
        self.latest.get(person).map(|&i| self.list.get(i))
    }

    /// The latest vacancy left by someone other than `person` in sentence
    /// `sentence` or the two before it (no vacancy is later than
    /// `sentence`).
    pub fn recent_other_than(&self, person: &str, sentence: usize) -> Option<&Vacancy> {
        // Earlier vacancies are no more recent than this one, so when this
        // one is too old, so are they.
        let v = self.latest_other_than(person)?;
        (v.sentence <= sentence && sentence - v.sentence <= 2).then_some(v)
    }

    /// The latest vacancy someone other than `person` left, however long
    /// ago: what "to fill the vacancy" means.
    pub fn latest_other_than(&self, person: &str) -> Option<&Vacancy> {
        let last_i = self.list.len().checked_sub(1)?;
        let last = self.list.get(last_i);
        let i = if last.person != person {
            last_i
        } else {
            last.other_before?
        };
        Some(self.list.get(i))
    }
}

/// The records built so far, with each person's records of each group
/// indexed.
#[derive(Debug, Default)]
pub(super) struct RecordSet {
    list: Counted<Record>,
    /// Indexes of each person's records by group, in the order added (a
    /// merge never moves a record to another group).
    by_person: WordMap<String, [Vec<usize>; 3]>,
    /// The same for records without a person.
    unnamed: [Vec<usize>; 3],
}

fn group_slot(group: Group) -> usize {
    match group {
        Group::Start => 0,
        Group::End => 1,
        Group::Reporting => 2,
    }
}

impl RecordSet {
    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn get(&self, i: usize) -> &Record {
        self.list.get(i)
    }

    pub fn get_mut(&mut self, i: usize) -> &mut Record {
        self.list.get_mut(i)
    }

    fn of(&self, person: Option<&str>) -> Option<&[Vec<usize>; 3]> {
        tally(Stage::Resolve, 1);
        match person {
            Some(p) => self.by_person.get(p),
            None => Some(&self.unnamed),
        }
    }

    /// Appends `record`.
    pub fn push(&mut self, record: Record) {
        let i = self.list.len();
        let slot = group_slot(record.kind.group());
        match &record.person {
            Some(p) => self.by_person.entry(p.clone()).or_default()[slot].push(i),
            None => self.unnamed[slot].push(i),
        }
        self.list.push(record);
    }

    /// The first of `person`'s records of `group` (in the order they were
    /// added) that `accept` takes.
    pub fn find(
        &self,
        person: Option<&str>,
        group: Group,
        accept: impl Fn(&Record) -> bool,
    ) -> Option<usize> {
        let ids = &self.of(person)?[group_slot(group)];
        ids.iter().copied().find(|&i| accept(self.list.get(i)))
    }

    /// The first of `person`'s records, of any group.
    pub fn first_of(&self, person: Option<&str>) -> Option<usize> {
        self.of(person)?
            .iter()
            .filter_map(|ids| ids.first())
            .min()
            .copied()
    }

    /// Every record, each read counted.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Record> {
        self.list.iter_mut()
    }

    pub fn into_vec(self) -> Vec<Record> {
        self.list.into_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`Bindings::role`] answers, the slow way: a scan over every
    /// binding of the person, lower-casing each title.
    fn scan<'a>(
        all: &'a Counted<Binding>,
        sentence_start: usize,
        exclude_title: Option<&str>,
    ) -> Option<&'a RoleVal> {
        let usable = |b: &&Binding| {
            let title = b.role.title.to_lowercase();
            b.role.tenure != Tenure::New
                && !title.contains("founder")
                && !matches!(
                    title.as_str(),
                    "boss" | "chief" | "executive" | "member" | "leader"
                )
                && exclude_title.is_none_or(|t| !b.role.title.eq_ignore_ascii_case(t))
        };
        all.iter()
            .filter(usable)
            .find(|b| b.sentence == sentence_start)
            .or_else(|| {
                all.iter()
                    .filter(usable)
                    .find(|b| b.role.tenure == Tenure::Plain)
            })
            .or_else(|| all.iter().find(usable))
            .map(|b| &b.role)
    }

    /// Deterministic numbers below a bound (xorshift), from `seed`.
    fn numbers(mut seed: u64) -> impl FnMut(usize) -> usize {
        move |n| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        }
    }

    #[test]
    fn the_index_answers_what_a_scan_of_every_binding_answers() {
        const TITLES: &[&str] = &["CEO", "ceo", "Co-Founder", "Boss", "President", "chief"];
        const TENURES: [Tenure; 3] = [Tenure::Plain, Tenure::Former, Tenure::New];
        let mut next = numbers(0x9e37_79b9_7f4a_7c15);
        for _ in 0..300 {
            let mut bindings = Bindings::default();
            let mut sentence = 0;
            for _ in 0..next(12) {
                sentence += next(3) * 10;
                let role = RoleVal {
                    title: TITLES[next(TITLES.len())].to_owned(),
                    org: None,
                    org_named: false,
                    org_anaphor: false,
                    tenure: TENURES[next(3)],
                };
                bindings.bind("Jane Roe".to_owned(), role, sentence);
            }
            let Some(roles) = bindings.0.get("Jane Roe") else {
                continue;
            };
            for start in (0..=sentence + 10).step_by(10).chain([usize::MAX]) {
                for exclude in TITLES.iter().copied().map(Some).chain([None, Some("CFO")]) {
                    assert_eq!(
                        bindings.role("Jane Roe", start, exclude),
                        scan(&roles.all, start, exclude),
                        "sentence {start}, excluding {exclude:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn vacancies_answer_what_a_scan_from_the_latest_answers() {
        const PEOPLE: &[&str] = &["Jane Roe", "Tom Hale", "Ravi Menon"];
        let mut next = numbers(0x2545_f491_4f6c_dd1d);
        for _ in 0..300 {
            let mut vacated = Vacated::default();
            let mut plain: Vec<(usize, &str)> = Vec::new();
            let mut sentence = 0;
            for _ in 0..next(10) {
                sentence += next(3);
                let person = PEOPLE[next(PEOPLE.len())];
                vacated.push(sentence, person.to_owned(), None);
                plain.push((sentence, person));
                for asker in PEOPLE {
                    for at in sentence..sentence + 4 {
                        let expected = plain
                            .iter()
                            .rev()
                            .find(|(s, p)| *s <= at && at - *s <= 2 && p != asker)
                            .map(|&(s, p)| (s, p.to_owned()));
                        let got = vacated
                            .recent_other_than(asker, at)
                            .map(|v| (v.sentence, v.person.clone()));
                        assert_eq!(got, expected, "{asker} in sentence {at}: {plain:?}");
                    }
                    let latest = plain.iter().rev().find(|(_, p)| p == asker).map(|v| v.0);
                    assert_eq!(vacated.latest_of(asker).map(|v| v.sentence), latest);
                }
            }
        }
    }
}
