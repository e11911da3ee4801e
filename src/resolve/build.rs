//! From frames to records: merging one person's frames of one change,
//! filling roles from bindings, linking predecessors and successors, and
//! attaching reporting lines.

use super::*;

impl Resolver<'_> {
    pub(super) fn build(self, frames: Vec<Frame>, views: &[SentenceView<'_, '_>]) -> Vec<Record> {
        let span_of = |i: usize| Span {
            start: views[i].sentence.start,
            end: views[i].sentence.end,
        };
        let mut records = RecordSet::default();
        let mut vacated = Vacated::default();
        let mut reporting: Vec<Frame> = Vec::new();
        // Who made a move in which sentence: a start and an end joined by
        // a continuing clause.
        let mut moves: WordSet<(String, Span)> = WordSet::default();
        // Each sentence's start cues, read once however many starts it tells.
        let mut cues: Vec<Option<StartCues>> = vec![None; views.len()];
        for f in frames {
            if f.continued {
                moves.insert((f.person.clone(), span_of(f.sentence)));
            }
            if f.kind == Kind::ReportingChange {
                reporting.push(f);
                continue;
            }
            let sentence_start = views[f.sentence].sentence.start;
            let group = f.kind.group();
            // "the position": the role vacated most recently, or the
            // predecessor's role.
            let resolve_ref =
                |slot: Option<RoleSlot>, vacated: &Vacated| -> (Option<RoleVal>, Option<String>) {
                    match slot {
                        Some(RoleSlot::Title(r)) => (Some(r), None),
                        Some(RoleSlot::Own) => (
                            self.bindings
                                .role_in_sentence(&f.person, sentence_start)
                                .filter(|r| r.tenure != Tenure::Former)
                                .cloned(),
                            None,
                        ),
                        Some(RoleSlot::Reference) => {
                            if let Some(pred) = &f.predecessor {
                                let role = vacated
                                    .latest_of(pred)
                                    .and_then(|v| v.role.clone())
                                    .or_else(|| self.bound_role(pred, usize::MAX, None));
                                return (role, None);
                            }
                            // Only a role vacated in this or the two sentences before.
                            match vacated.recent_other_than(&f.person, f.sentence) {
                                Some(v) => (v.role.clone(), Some(v.person.clone())),
                                None => (None, None),
                            }
                        }
                        None => (None, None),
                    }
                };
            let (mut new_role, new_from) = resolve_ref(f.new_role.clone(), &vacated);
            let (mut old_role, _) = match (&f.old_role, group) {
                (Some(RoleSlot::Reference), Group::End) => {
                    (self.bound_role(&f.person, sentence_start, None), None)
                }
                _ => resolve_ref(f.old_role.clone(), &vacated),
            };
            let mut predecessor = f.predecessor.clone();
            if group == Group::Start && predecessor.is_none() {
                predecessor = new_from;
            }
            // "To fill the vacancy, Orla promoted ...": the one who left.
            if group == Group::Start
                && predecessor.is_none()
                && cues[f.sentence]
                    .get_or_insert_with(|| start_cues(views[f.sentence].sentence.text))
                    .fills_vacancy
            {
                predecessor = vacated
                    .latest_other_than(&f.person)
                    .map(|v| v.person.clone());
            }
            if old_role.is_none() {
                // The role the person is described with, unless it is the
                // new one ("Ann Lee, the new chief executive, was named");
                // the same title elsewhere is the old one ("Leath,
                // president of Iowa State, was chosen as president of
                // Auburn").
                let is_new = |b: &RoleVal| {
                    new_role
                        .as_ref()
                        .is_some_and(|n| same_position(b, &n.title, &n.org))
                };
                old_role = self
                    .bound_role_left(&f.person, sentence_start, is_new)
                    // An appositive role at another company is not the one left.
                    .filter(|r| {
                        group != Group::End || f.org.is_none() || same_company(&r.org, &f.org)
                    });
                // A role told as ended ("was vice-president at X until
                // 2016") is not the one a departure leaves when the career
                // told goes on: the latest role begun since is.
                if group == Group::End
                    && old_role
                        .as_ref()
                        .is_some_and(|r| r.tenure == Tenure::Former)
                {
                    if let Some(h) = self.bindings.history(&f.person).last() {
                        old_role = Some(h.clone());
                    }
                }
                if group == Group::Start {
                    let at = new_role.as_ref().and_then(|n| n.org.clone()).or_else(|| {
                        f.org
                            .clone()
                            .or_else(|| self.focus_at(views[f.sentence].sentence.start))
                    });
                    let seat = new_role.as_mut().map(|n| (&mut n.title, at));
                    old_role = seat_beside(old_role, seat);
                }
            }

            if group == Group::Start {
                if let (Some(o), Some(n)) = (&old_role, &new_role) {
                    if holds_title(&o.title, &n.title) && o.org == n.org {
                        old_role = None;
                    }
                }
            }
            let key_role = if group == Group::Start {
                &new_role
            } else {
                &old_role
            };
            // The company the text names for this change; the article's
            // focus is only filled in after merging, so that a guess never
            // keeps two frames of one change apart.
            // A unit's owner is the company ("Velmont's cloud unit"); a unit
            // of "its" leaves the company to the context.
            let company = f
                .org
                .clone()
                .or_else(|| {
                    let org = key_role.as_ref().filter(|r| r.org_named)?.org.as_deref()?;
                    match unit_owner(org) {
                        Some(owner) => owner.map(str::to_owned),
                        None => Some(org.to_owned()),
                    }
                })
                // "Marrick's departure comes ...": never the person's name.
                .or_else(|| {
                    self.opening_org(&views[f.sentence])
                        .filter(|o| *o != f.person)
                });
            // "its chief financial officer": the organisation the sentence
            // opens with for a role left ("Pellworth said its CFO will
            // leave to join Carrow"), else the change's; else the record's
            // company, once merging and successions have told it.
            let opening = || self.opening_org(&views[f.sentence]);
            if let Some(role) = new_role
                .as_mut()
                .filter(|r| r.org.is_none() && r.org_anaphor)
            {
                role.org = company.clone();
            }
            if let Some(role) = old_role
                .as_mut()
                .filter(|r| r.org.is_none() && r.org_anaphor)
            {
                role.org = opening().or_else(|| company.clone());
            }
            if group == Group::End {
                let mut role = old_role.clone();
                if let Some(r) = role.as_mut() {
                    r.org = r
                        .org
                        .clone()
                        .or_else(|| company.clone())
                        .or_else(|| self.focus_at(views[f.sentence].sentence.start));
                }
                vacated.push(f.sentence, f.person.clone(), role);
            } else if group == Group::Start {
                // "X has been hired away by Y": the post X held elsewhere
                // is vacant now.
                let left_elsewhere = old_role.as_ref().is_some_and(|o| {
                    o.org.is_some() && !same_company(&o.org, &company) && company.is_some()
                });
                if left_elsewhere {
                    vacated.push(f.sentence, f.person.clone(), old_role.clone());
                }
            }
            let record = Record {
                kind: f.kind,
                person: Some(f.person.clone()),
                company,
                old_role: old_role.map(to_role),
                new_role: new_role.map(to_role),
                reports_to: None,
                previous_reports_to: None,
                predecessor,
                successor: f.successor.clone(),
                evidence: vec![span_of(f.sentence)],
                status: f.status,
                rules: match group {
                    Group::Start => cues[f.sentence]
                        .get_or_insert_with(|| start_cues(views[f.sentence].sentence.text))
                        .ids
                        .iter()
                        .map(|&c| c.to_owned())
                        .chain([f.rule.clone()])
                        .collect(),
                    _ => vec![f.rule.clone()],
                },
            };
            merge_into(&mut records, record);
        }
        link_counterparts(&mut records);
        let moved = join_moves(&mut records, &moves);
        for f in reporting {
            attach_reporting(&mut records, f, span_of);
        }
        for r in records.iter_mut() {
            // Merges only append evidence: sorted and without repeats once,
            // here, rather than at every merge.
            r.evidence.sort();
            r.evidence.dedup();
            // The focus first: the old role below is compared with the new
            // one at the record's company.
            if r.company.is_none() {
                r.company = self.focus_at(r.evidence.first().map_or(0, |e| e.start));
            }
        }
        // Where each person's departures leave a title: a start's old role
        // told without its organisation is the one the person leaves there
        // ("managing director Hollis had resigned ... is leaving to become
        // chief executive of Northbrook"), not one at the new company.
        let left: Vec<(String, String, String)> = (0..records.len())
            .map(|i| records.get(i))
            .filter(|r| r.kind.group() == Group::End)
            .filter_map(|r| {
                let old = r.old_role.as_ref()?;
                let org = old.org.as_ref().or(r.company.as_ref())?;
                Some((r.person.clone()?, old.title.clone()?, org.clone()))
            })
            .collect();
        for r in records.iter_mut() {
            // Someone named only as the replacement still has the role an
            // appositive gave them ("replaced by <Name>, executive vice
            // president of the display division").
            if r.old_role.is_none() && r.kind.group() == Group::Start {
                if let Some(person) = r.person.as_deref() {
                    let new = r.new_role.as_ref().and_then(|n| {
                        Some((
                            n.title.as_deref()?,
                            n.org.as_ref().or(r.company.as_ref()).cloned(),
                        ))
                    });
                    let new = new.as_ref().map(|(t, org)| (*t, org));
                    let is_new = |b: &RoleVal| new.is_some_and(|(t, org)| same_position(b, t, org));
                    let bound = self
                        .bound_role_left(person, usize::MAX, is_new)
                        .filter(|b| !is_new(b));
                    let company = r.company.clone();
                    let seat = r.new_role.as_mut().and_then(|n| {
                        let at = n.org.clone().or(company);
                        n.title.as_mut().map(|t| (t, at))
                    });
                    r.old_role = seat_beside(bound, seat).map(to_role);
                }
            }
            if r.kind.group() == Group::Start {
                if let (Some(person), Some(old)) = (r.person.as_deref(), r.old_role.as_mut()) {
                    if old.org.is_none() {
                        old.org = left
                            .iter()
                            .find(|(p, t, _)| p == person && old.title.as_ref() == Some(t))
                            .map(|(_, _, o)| o.clone());
                    }
                }
            }
            for role in [&mut r.old_role, &mut r.new_role].into_iter().flatten() {
                if role.org.is_none() {
                    role.org = r.company.clone();
                }
            }
            // A role begun earlier at the same organisation is the one a
            // start there leaves ("was first hired as parks supervisor").
            if r.old_role.is_none() && r.kind.group() == Group::Start {
                if let (Some(person), Some(new)) = (r.person.as_deref(), &r.new_role) {
                    let new_title = new.title.as_deref().unwrap_or_default();
                    r.old_role = self
                        .bindings
                        .history(person)
                        .find(|h| {
                            h.org.is_some()
                                && new.org.is_some()
                                && same_company(&h.org, &new.org)
                                && !h.title.eq_ignore_ascii_case(new_title)
                        })
                        .cloned()
                        .map(to_role);
                }
            }
            r.kind = refined_kind(r);
        }
        let mut records: Vec<Record> = records
            .into_vec()
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !moved.contains(i))
            .map(|(_, r)| r)
            .collect();
        records.sort_by_key(|r| r.evidence.first().map(|s| s.start));
        records
    }
}

/// One person leaving a role and taking another in the same sentence is
/// one move: "left Harlan Bank to join Corvane", "will step down as
/// president and become chairman". The start takes the role left as its
/// old role (the organisation alone when no title is told). A move inside
/// one organisation is one record, so its end record goes; a move between
/// organisations keeps both, the departure being a change of its own. A
/// move inside one to a seat kept ("and become chairman") stays the
/// departure it is, with that seat as its new role.
/// Returns the records to drop.
fn join_moves(records: &mut RecordSet, moves: &WordSet<(String, Span)>) -> WordSet<usize> {
    let mut dropped = WordSet::default();
    for i in 0..records.len() {
        let end = records.get(i);
        if end.kind.group() != Group::End {
            continue;
        }
        let Some(person) = end.person.as_deref() else {
            continue;
        };
        // An end only inferred from another's start ("Ana Ruiz will replace
        // Tom Hale as president") and a start told of the same person
        // ("Tom Hale will become chairman") are one move too.
        let inferred = end.rules.iter().all(|r| !r.starts_with("END/"));
        let moved_in: Vec<Span> = end
            .evidence
            .iter()
            .copied()
            .filter(|&e| moves.contains(&(person.to_owned(), e)))
            .collect();
        crate::stages::tally(crate::stages::Stage::Resolve, end.evidence.len());
        let told_together = |s: &Record| {
            (inferred && s.status == end.status && same_company(&s.company, &end.company))
                || s.evidence.iter().any(|e| {
                    let at = moved_in.iter().position(|m| m == e);
                    // The spans of `moved_in` compared.
                    let compared = at.map_or(moved_in.len(), |i| i + 1);
                    crate::stages::tally(crate::stages::Stage::Resolve, 1 + compared);
                    at.is_some()
                })
        };
        let Some(j) = records.find(end.person.as_deref(), Group::Start, told_together) else {
            continue;
        };
        let end = end.clone();
        let left = end.old_role.clone().or_else(|| {
            end.company.clone().map(|org| Role {
                title: None,
                org: Some(org),
            })
        });
        let start = records.get_mut(j);
        fill(&mut start.old_role, left);
        // "resigned to become chief executive of NCR": the start names an
        // organisation the end does not, so the move is elsewhere; but an
        // end only inferred names no organisation of its own.
        let elsewhere = match (&end.company, &start.company) {
            (None, Some(_)) => !inferred,
            (a, b) => !same_company(a, b),
        };
        if dropped.contains(&j) || elsewhere {
            continue;
        }
        // Without the new role told ("in order to assume the role"), the
        // departure is what the sentence says.
        let aside = !inferred
            && start
                .new_role
                .as_ref()
                .and_then(|n| n.title.as_deref())
                .is_none_or(is_step_aside);
        if aside {
            // "will retire as chief executive and become chairman": the
            // departure, with the seat kept as its new role.
            let start = start.clone();
            let end = records.get_mut(i);
            fill(&mut end.new_role, start.new_role);
            end.evidence.extend(start.evidence);
            end.rules.extend(start.rules);
            dropped.insert(j);
        } else {
            fill(&mut start.successor, end.successor);
            start.evidence.extend(end.evidence);
            start.rules.extend(end.rules);
            dropped.insert(i);
        }
    }
    dropped
}

/// The rule id a record carries when its sentence tells a start as a
/// stand-in's ("will take over the duties in the interim").
pub(super) const STAND_IN_CUE: &str = "CUE/STAND_IN";

/// The rule id a record carries when its sentence tells a start as a role
/// taken beside the one held ("adds the role of corporate secretary").
pub(super) const CONCURRENT_CUE: &str = "CUE/CONCURRENT";

/// What a start's sentence tells of its starts.
#[derive(Clone)]
struct StartCues {
    /// The rule ids its records carry: [`STAND_IN_CUE`], [`CONCURRENT_CUE`].
    ids: Vec<&'static str>,
    /// "To fill the vacancy": a start there takes the latest one who left
    /// as its predecessor.
    fills_vacancy: bool,
}

/// The cues of a start's sentence, from one read of its words.
fn start_cues(sentence: &str) -> StartCues {
    let words = hedges::worded(sentence);
    let has = |cues: &[String]| cues.iter().any(|c| words.contains(c.as_str()));
    let stand_in = has(&crate::lexicon::STAND_IN_CUES);
    let concurrent = has(&crate::lexicon::CONCURRENT_CUES);
    StartCues {
        ids: [(stand_in, STAND_IN_CUE), (concurrent, CONCURRENT_CUE)]
            .into_iter()
            .filter_map(|(cued, id)| cued.then_some(id))
            .collect(),
        fills_vacancy: has(&crate::lexicon::VACANCY_CUES),
    }
}

/// Whether a title is one taken on leaving the running of an organisation
/// ("chairman", "senior adviser"), not a step up ("chief executive and
/// chairman").
fn is_step_aside(title: &str) -> bool {
    let words = &*crate::lexicon::TITLE_VOCAB;
    let mut aside = false;
    for w in title.split([' ', '-', ',']) {
        if crate::lexicon::lower_in(&words.running, w) {
            return false;
        }
        aside |= crate::lexicon::lower_in(&words.step_aside, w);
    }
    aside
}

/// A title in one spelling for comparing: lower case, abbreviations
/// written out, and "chief X officer" as "chief X" ("CEO", "chief
/// executive officer" and "chief executive" are one title).
fn title_key(title: &str) -> String {
    let expansion = &crate::lexicon::TITLE_VOCAB.expansion;
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| expansion.get(w).map_or(w, String::as_str))
        .collect();
    let key = words.join(" ");
    match key.strip_suffix(" officer") {
        Some(chief) if chief.starts_with("chief ") => chief.to_owned(),
        _ => key,
    }
}

/// Whether a person holding `held` holds `title` already: the same title,
/// or one of the titles it joins ("managing director and CEO" holds "chief
/// executive").
fn holds_title(held: &str, title: &str) -> bool {
    if held.eq_ignore_ascii_case(title) {
        return true;
    }
    let key = title_key(title);
    title_key(held) == key
        || held
            .split(" and ")
            .flat_map(|part| part.split(", "))
            .any(|part| title_key(part) == key)
}

/// Whether `org` names a unit of an organisation ([`unit_owner`]).
fn is_unit(org: &Option<String>) -> bool {
    org.as_deref().is_some_and(|o| unit_owner(o).is_some())
}

/// Whether role `held` is the position titled `title` at `org` (either
/// organisation unknown counts as the same): a unit's head is not its
/// company's ("chief executive of Orla Bank's Nordic division" is not "chief
/// executive of Orla Bank").
fn same_position(held: &RoleVal, title: &str, org: &Option<String>) -> bool {
    holds_title(&held.title, title)
        && (held.org.is_none()
            || org.is_none()
            || (same_company(&held.org, org) && is_unit(&held.org) == is_unit(org)))
}

/// Whether a title is a seat on a board ("director", "member of the
/// supervisory board"), as board rules make it.
fn is_board_seat(title: &str) -> bool {
    let Some(qualifiers) = title.strip_suffix("director") else {
        return title.starts_with("member of the ");
    };
    // "independent non-executive director"; but an "executive director"
    // or a "senior director" may run an organisation or a function.
    qualifiers.split_whitespace().all(|w| {
        !matches!(w, "executive" | "senior")
            && crate::lexicon::lower_in(&crate::lexicon::TITLE_VOCAB.board_seat, w)
    })
}

/// Whether a title is a stand-in's ("interim chief executive", "acting
/// governor"): filling a gap is an appointment, not a step up.
fn is_stand_in(title: &str) -> bool {
    title
        .split([' ', '-'])
        .any(|w| crate::lexicon::lower_in(&crate::lexicon::TITLE_VOCAB.temporary, w))
}

/// Whether a title opens with a stand-in's word ("acting CTO", not "manager
/// and interim finance director").
pub(super) fn opens_as_stand_in(title: &str) -> bool {
    title.split([' ', '-']).next().is_some_and(is_stand_in)
}

/// The old role of a start whose new role (`seat`: its title and
/// organisation, or the one the context gives) may be a seat on a board. A
/// seat is taken beside the roles a person holds: an appositive role
/// ("chief executive Ann Lee was re-elected to the board") is not left,
/// unless it is a former one or one elsewhere; a director title
/// ("independent director Ann Lee joined the board") names the seat itself
/// and becomes its title.
fn seat_beside(
    bound: Option<RoleVal>,
    seat: Option<(&mut String, Option<String>)>,
) -> Option<RoleVal> {
    let Some((seat_title, seat_org)) = seat.filter(|(t, _)| is_board_seat(t)) else {
        return bound;
    };
    let role = bound?;
    let elsewhere = role.org.is_some() && seat_org.is_some() && !same_company(&role.org, &seat_org);
    if role.tenure == Tenure::Former || elsewhere {
        return Some(role);
    }
    let lower = role.title.to_lowercase();
    let seat_title_given = lower.strip_suffix(" director").is_some_and(|before| {
        before
            .split(' ')
            .all(|w| crate::lexicon::TITLE_VOCAB.board_seat.contains(w))
    });
    if *seat_title == "director" && seat_title_given {
        *seat_title = role.title;
    }
    None
}

/// An appointment told with the role the person held before says more: a
/// move up inside the same organisation is a promotion, a move from
/// another organisation a hire.
fn refined_kind(r: &Record) -> Kind {
    let new_title = r.new_role.as_ref().and_then(|n| n.title.as_deref());
    // A seat on a board is neither a step up nor a move elsewhere, even
    // when told as joining ("joins the management board").
    let seat = new_title.is_some_and(is_board_seat);
    if r.kind == Kind::Hire && seat {
        return Kind::Appointment;
    }
    let stand_in = new_title.is_some_and(is_stand_in)
        || r.rules
            .iter()
            .any(|id| id == STAND_IN_CUE || id == CONCURRENT_CUE);
    if r.kind != Kind::Appointment || seat || stand_in {
        return r.kind;
    }
    let Some(old) = &r.old_role else {
        return r.kind;
    };
    // A unit stands for the company it belongs to: head of its retail arm
    // and chief executive are roles at one organisation.
    let at = |org: Option<&String>| match org {
        Some(o) if unit_owner(o).is_none() => Some(o.clone()),
        _ => r.company.clone(),
    };
    let new_org = at(r.new_role.as_ref().and_then(|n| n.org.as_ref()));
    let old_org = old.org.as_ref().and(at(old.org.as_ref()));
    let elsewhere = old_org.is_some() && new_org.is_some() && !same_group(&old_org, &new_org);
    let old_title = old.title.as_deref().map(str::to_lowercase);
    // From a seat on the board (a bare "director" may be any director) to
    // its chair, or from a stand-in role ("acting CTO", not "manager and
    // interim finance director"): a change of role, no step up.
    let no_step = old_title.as_deref().is_some_and(|t| {
        (is_board_seat(t) && t != "director") || t.contains(" committee") || opens_as_stand_in(t)
    });
    // With no organisation known for either role, a step up inside one
    // cannot be told from a move between two.
    let unknown = old_org.is_none() && new_org.is_none();
    match &r.new_role {
        _ if elsewhere => Kind::Hire,
        // A new role without its title told is no step up ("took the reins").
        None => r.kind,
        _ if no_step || unknown => r.kind,
        // The same title at a unit and at its company is a step up.
        Some(new)
            if old.title.is_some()
                && old.title == new.title
                && is_unit(&old.org) == is_unit(&new.org) =>
        {
            r.kind
        }
        Some(_) => Kind::Promotion,
    }
}

/// Kinds that say more win over the generic ones when frames merge.
pub(super) fn specificity(k: Kind) -> u8 {
    match k {
        Kind::Departure | Kind::Appointment => 0,
        Kind::ReportingChange => 0,
        _ => 1,
    }
}

/// The organisation a unit belongs to, when `org` names a unit ("its North
/// America division", "Velmont's cloud unit"): `Some(Some(owner))` when the
/// text names the owner, `Some(None)` when the context does. A unit is told
/// by a unit word in lower case closing the name; "Tessler Group" is a
/// company.
pub(super) fn unit_owner(org: &str) -> Option<Option<&str>> {
    let last = org.rsplit(' ').next().unwrap_or(org);
    let is_unit = org.contains(' ')
        && last.bytes().all(|b| b.is_ascii_lowercase())
        && crate::lexicon::lower_in(&crate::lexicon::ORG_VOCAB.unit, last);
    if !is_unit {
        return None;
    }
    let owner = org
        .split_once("'s ")
        .or_else(|| org.split_once("’s "))
        .map(|(owner, _)| owner)
        .filter(|o| o.starts_with(|c: char| c.is_uppercase()));
    Some(owner)
}

pub(super) fn same_company(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            if is_short_form(a, b) || is_short_form(b, a) || same_family(a, b) {
                return true;
            }
            let (a, b) = (a.to_lowercase(), b.to_lowercase());
            a.contains(&b) || b.contains(&a)
        }
        _ => true,
    }
}

/// Whether two names are of one group of companies by the acronym they
/// open with ("LG Energy Solution", "LG Group").
fn same_family(a: &str, b: &str) -> bool {
    shared_first_word(a, b)
        .is_some_and(|w| w.len() >= 2 && w.bytes().all(|c| c.is_ascii_uppercase()))
}

/// The first word two names of several words both open with, if they do.
fn shared_first_word<'a>(a: &'a str, b: &str) -> Option<&'a str> {
    let (fa, _) = a.split_once(' ')?;
    let (fb, _) = b.split_once(' ')?;
    (fa == fb).then_some(fa)
}

/// Whether two organisations are of one group, for telling a move inside
/// it from a hire: one company, or two opening with the same coined name
/// ("Pellridge Canada", "Pellridge Retail Group"), not with a word many
/// organisations open with ("General"), a place or a nationality. Sister
/// companies stay apart everywhere else ("retired as chairman of Dangote
/// Cement" and "of Dangote Sugar" are two changes).
fn same_group(a: &Option<String>, b: &Option<String>) -> bool {
    if same_company(a, b) {
        return true;
    }
    let (Some(a), Some(b)) = (a, b) else {
        return true;
    };
    shared_first_word(a, b).is_some_and(|w| {
        w.len() >= 4
            && w.starts_with(|c: char| c.is_uppercase())
            && !crate::lexicon::lower_in(&crate::lexicon::ORG_VOCAB.common_first_word, w)
            && !crate::lexicon::is_place(w)
            && !crate::lexicon::PEOPLE_VOCAB.demonym.contains(w)
    })
}

/// Adds `r` to `records`, merging it with the same person's record of the
/// same group at the same company. The merged record's evidence may be out
/// of order and repeat spans until [`Resolver::build`] tidies it.
pub(super) fn merge_into(records: &mut RecordSet, r: Record) {
    // A board seat taken beside a post ("will also join the board as a
    // whole-time director") is a change of its own; a bare "director" (a
    // place on the board) may be the post's own seat.
    let seat = |x: &Record| {
        x.new_role
            .as_ref()
            .and_then(|n| n.title.as_deref())
            .filter(|t| *t != "director")
            .map(is_board_seat)
    };
    let existing = records.find(r.person.as_deref(), r.kind.group(), |e| {
        same_company(&e.company, &r.company)
            && !matches!((seat(e), seat(&r)), (Some(a), Some(b)) if a != b)
    });
    let Some(i) = existing else {
        records.push(r);
        return;
    };
    let e = records.get_mut(i);
    // The status of the event that says more ("has resigned" over "will be
    // replaced"); between equals, one told as done makes the change done.
    match specificity(r.kind).cmp(&specificity(e.kind)) {
        std::cmp::Ordering::Greater => {
            e.kind = r.kind;
            e.status = r.status;
        }
        std::cmp::Ordering::Equal if r.status == Status::Completed => e.status = r.status,
        _ => {}
    }
    fill_role(&mut e.old_role, r.old_role);
    fill_role(&mut e.new_role, r.new_role);
    fill(&mut e.company, r.company);
    fill(&mut e.predecessor, r.predecessor);
    fill(&mut e.successor, r.successor);
    fill(&mut e.reports_to, r.reports_to);
    fill(&mut e.previous_reports_to, r.previous_reports_to);
    e.evidence.extend(r.evidence);
    for id in r.rules {
        if !e.rules.contains(&id) {
            e.rules.push(id);
        }
    }
}

pub(super) fn fill<T>(slot: &mut Option<T>, value: Option<T>) {
    if slot.is_none() {
        *slot = value;
    }
}

/// The role a stand-in's predecessor held: "interim CFO" stands in for a
/// "CFO".
fn held_for_good(role: Option<Role>) -> Option<Role> {
    role.map(|mut r| {
        if let Some(t) = r.title.as_mut() {
            if let Some((first, rest)) = t.split_once(' ') {
                if crate::lexicon::lower_in(&crate::lexicon::TITLE_VOCAB.temporary, first) {
                    *t = rest.to_owned();
                }
            }
        }
        r
    })
}

pub(super) fn fill_role(slot: &mut Option<Role>, value: Option<Role>) {
    match (slot.as_mut(), value) {
        (None, v) => *slot = v,
        (Some(s), Some(v)) => {
            // A fuller form of the same title wins: "chairman and chief
            // executive" over "chief executive".
            // A role made up from a unit or board ("head" of "the foundry
            // unit") gives way to a title the text spells out.
            let made_up = |t: &str| t == "head" || t.starts_with("member of the ");
            let fuller = match (&s.title, &v.title) {
                (Some(a), Some(b)) if made_up(a) && !made_up(b) => {
                    s.org = v.org.clone();
                    true
                }
                (Some(a), Some(b)) => {
                    b.len() > a.len() && b.to_lowercase().contains(&a.to_lowercase())
                }
                (None, Some(_)) => true,
                _ => false,
            };
            if fuller {
                s.title = v.title;
            }
            if s.org.is_none() {
                s.org = v.org;
            }
        }
        _ => {}
    }
}

/// Makes predecessor and successor links go both ways, creating the other
/// person's record when the text only names them as the replacement.
pub(super) fn link_counterparts(records: &mut RecordSet) {
    let mut added = Vec::new();
    for i in 0..records.len() {
        let r = records.get(i).clone();
        let (other, want) = match r.kind.group() {
            Group::End => (r.successor.clone(), Group::Start),
            Group::Start => (r.predecessor.clone(), Group::End),
            Group::Reporting => continue,
        };
        let Some(other) = other else { continue };
        let found = records.find(Some(&other), want, |e| same_company(&e.company, &r.company));
        match found {
            // The one taking over holds the role the other left, whichever
            // of the two the text described.
            Some(j) => {
                let e = records.get_mut(j);
                // A succession is at one organisation: each side fills the
                // other's when its text named none.
                fill(&mut e.company, r.company.clone());
                let their_company = e.company.clone();
                fill(&mut records.get_mut(i).company, their_company);
                let e = records.get_mut(j);
                let theirs = match want {
                    Group::Start => {
                        fill(&mut e.predecessor, r.person.clone());
                        fill_role(&mut e.new_role, r.old_role.clone());
                        e.new_role.clone()
                    }
                    _ => {
                        fill(&mut e.successor, r.person.clone());
                        fill_role(&mut e.old_role, held_for_good(r.new_role.clone()));
                        e.old_role.clone()
                    }
                };
                if want == Group::Start {
                    fill_role(&mut records.get_mut(i).old_role, held_for_good(theirs));
                } else {
                    fill_role(&mut records.get_mut(i).new_role, theirs);
                }
            }
            None => {
                let mut rules = r.rules.clone();
                rules.push("LINK/COUNTERPART".to_owned());
                let role = if want == Group::Start {
                    r.old_role.clone()
                } else {
                    held_for_good(r.new_role.clone())
                };
                added.push(Record {
                    kind: if want == Group::Start {
                        Kind::Appointment
                    } else {
                        Kind::Departure
                    },
                    person: Some(other),
                    company: r.company.clone(),
                    old_role: if want == Group::End {
                        role.clone()
                    } else {
                        None
                    },
                    new_role: if want == Group::Start { role } else { None },
                    reports_to: None,
                    previous_reports_to: None,
                    predecessor: if want == Group::Start {
                        r.person.clone()
                    } else {
                        None
                    },
                    successor: if want == Group::End {
                        r.person.clone()
                    } else {
                        None
                    },
                    evidence: r.evidence.clone(),
                    status: r.status,
                    rules,
                });
            }
        }
    }
    for a in added {
        merge_into(records, a);
    }
}

pub(super) fn attach_reporting(records: &mut RecordSet, f: Frame, span_of: impl Fn(usize) -> Span) {
    let span = span_of(f.sentence);
    let person = Some(f.person.as_str());
    if f.prev_reports_to.is_none() {
        // A reporting line stated with a start or end event belongs to it.
        let target = records
            .find(person, Group::Start, |_| true)
            .or_else(|| records.find(person, Group::End, |_| true));
        if let Some(i) = target {
            let r = records.get_mut(i);
            fill(&mut r.reports_to, f.reports_to);
            r.evidence.push(span);
            r.rules.push(f.rule);
            return;
        }
    }
    // "X reported to A. ... X will report to B instead": the line told
    // first is the one before.
    if let Some(i) = records.find(person, Group::Reporting, |_| true) {
        let r = records.get_mut(i);
        let moves_on = f.status == Status::Announced
            && r.previous_reports_to.is_none()
            && f.prev_reports_to.is_none()
            && r.reports_to.is_some()
            && f.reports_to.is_some()
            && r.reports_to != f.reports_to;
        if moves_on {
            r.previous_reports_to = r.reports_to.take();
            r.reports_to = f.reports_to;
            r.status = f.status;
            r.evidence.push(span);
            r.rules.push(f.rule);
            return;
        }
    }
    let company = records
        .first_of(person)
        .and_then(|i| records.get(i).company.clone());
    merge_into(
        records,
        Record {
            kind: Kind::ReportingChange,
            person: Some(f.person),
            company,
            old_role: None,
            new_role: None,
            reports_to: f.reports_to,
            previous_reports_to: f.prev_reports_to,
            predecessor: None,
            successor: None,
            evidence: vec![span],
            status: f.status,
            rules: vec![f.rule],
        },
    );
}
