//! Verb groups: the auxiliaries, modals, adverbs and negation around one
//! event verb, read as one phrase with attributes.
//!
//! "has not yet been named" is one group: verb class `name`, passive,
//! perfect, negated. "is set to take over" is another: class `take_over`,
//! active, future. The event rules then match the group's symbol
//! (`V7/name/pas/perf/neg`) instead of spelling out every auxiliary.

use super::words::PhraseWord;
use crate::lexicon::{Auxiliary, Form, Grammar, VerbEntry, VerbWord, VERBS_LEXICON};

/// Active or passive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Voice {
    Active,
    Passive,
}

/// When the event takes place, as the verb group tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    /// "will retire", "is set to join", "plans to step down".
    Future,
    /// "retired", "was named".
    Past,
    /// "has resigned", "had been named".
    Perfect,
    /// "retires", "is named".
    Present,
    /// "is retiring": a plan, in news.
    Progressive,
    /// "to take over" with nothing before it in the group.
    Infinitive,
    /// "leaving", "having been named": a participle clause.
    Gerund,
}

impl Tense {
    /// The tense as the encoding writes it.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Tense::Future => "fut",
            Tense::Past => "past",
            Tense::Perfect => "perf",
            Tense::Present => "pres",
            Tense::Progressive => "prog",
            Tense::Infinitive => "inf",
            Tense::Gerund => "ger",
        }
    }

    /// Every tense code, for the rules' `[class tense]` syntax.
    pub(crate) const CODES: &'static [&'static str] =
        &["fut", "past", "perf", "pres", "prog", "inf", "ger"];
}

/// One verb group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct VerbGroup {
    /// The group's first and last symbol (index into the sentence's
    /// symbols), particle included.
    pub first: usize,
    pub last: usize,
    /// The main verb's symbol.
    pub main: usize,
    /// Index into [`crate::lexicon::Verbs::classes`].
    pub class: usize,
    /// The verb with its particle, as the lexicon lists it ("step down").
    pub lemma: &'static str,
    pub voice: Voice,
    pub tense: Tense,
    /// "not", "never", "no longer".
    pub negated: bool,
    /// Only a possibility or a wish: "could", "might", "hopes to".
    pub hypothetical: bool,
}

impl VerbGroup {
    /// The symbol the encoding writes for this group: `V7/name/pas/perf`,
    /// with `/neg` and `/hyp` when negated or only possible. Slashes, not
    /// dots, so that the rules' `[^ .]` classes take it as one word.
    #[cfg(test)]
    pub(crate) fn symbol(&self) -> String {
        let mut s = String::with_capacity(32);
        self.write_symbol(&mut s);
        s
    }

    /// Appends [`symbol`](Self::symbol) to `out` without a string of its own.
    pub(crate) fn write_symbol(&self, out: &mut String) {
        let class = VERBS_LEXICON.classes[self.class].name;
        let voice = match self.voice {
            Voice::Active => "/act/",
            Voice::Passive => "/pas/",
        };
        out.push('V');
        crate::mentions::push_number(out, self.main);
        out.push('/');
        out.push_str(class);
        out.push_str(voice);
        out.push_str(self.tense.code());
        if self.negated {
            out.push_str("/neg");
        }
        if self.hypothetical {
            out.push_str("/hyp");
        }
    }
}

/// Words before which a verb form is a noun or an adjective ("his exit",
/// "the retiring chairman", "Acme's exit", "that exit").
fn is_determiner(word: &str) -> bool {
    super::nouns::is_determiner(word) || matches!(word, "'s" | "that")
}

/// The grammar phrase ("is set to", "no longer", "also") that symbols from
/// `k` spell, if any, given what the lexicon says of the word at `k`: its
/// length and what it does.
fn grammar_at(symbols: &[&str], k: usize, word: &VerbWord) -> Option<(usize, Grammar)> {
    word.grammar.iter().find_map(|(p, what)| {
        (symbols.len() >= k + p.len() && symbols[k..k + p.len()] == p[..])
            .then_some((p.len(), *what))
    })
}

/// What the words before the main verb said.
#[derive(Default)]
struct Auxiliaries {
    future: bool,
    /// "ended up": a gerund follows, and the event is past.
    outcome: bool,
    hypothetical: bool,
    negated: bool,
    perfect: bool,
    /// The index of the last form of "be", and whether it was past.
    be: Option<(usize, bool)>,
    /// "did" ("did not resign"): the past.
    did: bool,
    /// A phrase ending in "to" came last ("had planned to", "hopes to"):
    /// a base form follows, whatever came before it.
    to_phrase: bool,
    infinitive: bool,
    any: bool,
}

/// The verb group starting at symbol `k`, if one does. `words` gives what
/// the lexicon says of each symbol ([`look_up`](super::words::look_up)),
/// `texts` each symbol's text in lower case (a role reference's words: "the
/// helm"; texts past its end read as empty, so a sentence without role
/// references needs none).
pub(crate) fn verb_group_at(
    symbols: &[&str],
    words: &[Option<&PhraseWord>],
    texts: &[String],
    k: usize,
) -> Option<VerbGroup> {
    // What `verbs.txt` says of the symbol at `j`, or `None` for a word no
    // verb group starts with or goes on with.
    let verb_word = |j: usize| words.get(j).copied().flatten()?.verb;
    // "Vérenne's managing director": after a name, "'s" is a possessive,
    // not "is".
    let after_name = k > 0
        && symbols[k - 1].len() > 1
        && symbols[k - 1].starts_with(['N', 'O'])
        && symbols[k - 1][1..].bytes().all(|b| b.is_ascii_digit());
    if after_name && matches!(symbols[k], "'s" | "’s") {
        return None;
    }
    let mut word = verb_word(k)?;
    let v = &*VERBS_LEXICON;
    let mut aux = Auxiliaries::default();
    let mut j = k;
    // The word at `j` and what the lexicon says of it (`None`: nothing).
    let mut next = Some(word);
    while let Some(here) = next {
        word = here;
        if let Some((n, what)) = grammar_at(symbols, j, word) {
            j += n;
            next = verb_word(j);
            // An adverb may stand between the phrase and its verb.
            if !matches!(what, Grammar::Adverb | Grammar::HedgeAdverb) {
                aux.to_phrase = matches!(what, Grammar::Hedge | Grammar::Future);
            }
            match what {
                Grammar::Negation => aux.negated = true,
                Grammar::Hedge => aux.hypothetical = true,
                Grammar::Future => aux.future = true,
                Grammar::Outcome => aux.outcome = true,
                Grammar::HedgeAdverb => {
                    aux.hypothetical = true;
                    continue;
                }
                // An adverb alone is no verb group; it joins one that follows.
                Grammar::Adverb => continue,
            }
        } else {
            let w = symbols[j];
            match word.auxiliary {
                Some(Auxiliary::Modal) => aux.future = true,
                Some(Auxiliary::Hypothetical) => aux.hypothetical = true,
                Some(Auxiliary::Have) => aux.perfect = true,
                Some(Auxiliary::Be) => aux.be = Some((j, matches!(w, "was" | "were"))),
                Some(Auxiliary::Do) => aux.did = w == "did",
                None if w == "to" && !aux.any => aux.infinitive = true,
                None => break,
            }
            aux.to_phrase = false;
            j += 1;
            next = verb_word(j);
        }
        aux.any = true;
    }
    // The group must not start with an adverb that belongs to the clause
    // before; trim leading adverbs when nothing else came.
    // `next` is what the lexicon says of the word at `j`.
    if let Some(group) = next.and_then(|word| main_verb(symbols, texts, k, j, word, &aux)) {
        return Some(group);
    }
    // A form of "be" before a role is the copula: "is chief executive",
    // "will be the new chair", "was previously CFO" (but "was announced"
    // is no role).
    let (be, past) = aux.be?;
    let last = j.checked_sub(1)?;
    let role_follows = symbols.get(j).is_some_and(|s| {
        s.starts_with(['T', 'R']) && s[1..].bytes().all(|b| b.is_ascii_digit()) || is_determiner(s)
    });
    if !role_follows {
        return None;
    }
    let tense = if aux.future {
        Tense::Future
    } else if aux.perfect {
        Tense::Perfect
    } else if past {
        Tense::Past
    } else if aux.infinitive {
        Tense::Infinitive
    } else {
        Tense::Present
    };
    Some(VerbGroup {
        first: k,
        last,
        main: be,
        class: v.class("be_role")?,
        lemma: "be",
        voice: Voice::Active,
        tense,
        negated: aux.negated,
        hypothetical: aux.hypothetical,
    })
}

/// The event verb at `j` (of which the lexicon says `word`) after the
/// auxiliaries `aux` (which began at `k`).
fn main_verb(
    symbols: &[&str],
    texts: &[String],
    k: usize,
    j: usize,
    word: &VerbWord,
    aux: &Auxiliaries,
) -> Option<VerbGroup> {
    let entries = &word.forms;
    if entries.is_empty() {
        return None;
    }
    // "his exit", "the retiring chairman", "the sudden exit": a verb form
    // after a determiner, with no auxiliary, is a noun or an adjective.
    if !aux.any && k > 0 {
        let before = symbols[k - 1];
        let base_like = entries.iter().any(|e| e.form == Form::Base);
        // "his abrupt exit" (but "her and report", "its ... to name").
        let adjective = symbols[k - 1]
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'-')
            && !matches!(symbols[k - 1], "and" | "or" | "but" | "to" | "then" | "nor");
        let two_back = k > 1 && is_determiner(symbols[k - 2]) && adjective && base_like;
        // "had been head of sales": a word the auxiliaries before it did
        // not take as their verb is no verb of its own.
        let v = &*VERBS_LEXICON;
        let after_auxiliary = v.be.contains(before) || v.have.contains(before);
        if is_determiner(before) || two_back || after_auxiliary {
            return None;
        }
    }
    // The longest particle that follows, among the entries whose form
    // fits the auxiliaries.
    let best = entries
        .iter()
        .filter(|e| form_fits(e, aux))
        .filter_map(|e| particle_len(symbols, texts, j + 1, e.particle).map(|n| (e, n)))
        .max_by_key(|(e, n)| (*n, form_rank(e.form, aux)))?;
    let (entry, particle) = best;
    let last = j + particle;
    let passive = aux.be.is_some() && matches!(entry.form, Form::Participle | Form::Past);
    let progressive = aux.be.is_some() && entry.form == Form::Ing;
    let tense = if aux.future {
        Tense::Future
    } else if aux.perfect {
        Tense::Perfect
    } else if progressive {
        Tense::Progressive
    } else if aux.infinitive {
        Tense::Infinitive
    } else if let Some((_, past)) = aux.be {
        if past {
            Tense::Past
        } else {
            Tense::Present
        }
    } else if aux.did || aux.outcome {
        Tense::Past
    } else {
        match entry.form {
            Form::Past | Form::Participle => Tense::Past,
            Form::Ing => Tense::Gerund,
            Form::Base | Form::ThirdPerson => Tense::Present,
        }
    };
    Some(VerbGroup {
        first: k,
        last,
        main: j,
        class: entry.class,
        lemma: entry.lemma,
        voice: if passive {
            Voice::Passive
        } else {
            Voice::Active
        },
        tense,
        negated: aux.negated,
        hypothetical: aux.hypothetical,
    })
}

/// Whether a form can follow these auxiliaries: a participle after "has"
/// or "was", a base form after "will" or "to", an -ing form after "is".
fn form_fits(entry: &VerbEntry, aux: &Auxiliaries) -> bool {
    match entry.form {
        Form::Participle => aux.perfect || aux.be.is_some() || !aux.any,
        Form::Past => {
            !aux.any || (aux.be.is_none() && !aux.perfect && !aux.future && !aux.infinitive)
        }
        // "had planned to retire", "was expected to retire".
        Form::Base => (aux.be.is_none() && !aux.perfect) || aux.to_phrase,
        Form::ThirdPerson => !aux.any || (aux.be.is_none() && !aux.perfect && !aux.future),
        Form::Ing => aux.be.is_some() || !aux.any || aux.perfect || aux.outcome,
    }
}

/// Prefers, among equal spellings, the form the auxiliaries ask for.
fn form_rank(form: Form, aux: &Auxiliaries) -> u8 {
    match form {
        Form::Participle if aux.perfect || aux.be.is_some() => 2,
        Form::Base if aux.future || aux.infinitive => 2,
        Form::Past if !aux.any => 1,
        _ => 0,
    }
}

/// How many symbols from `at` spell `particle` ("down", "the helm"), or
/// `None` when they do not. A role reference counts by its words ("took
/// the helm" is a verb and a role reference `R5`).
fn particle_len(symbols: &[&str], texts: &[String], at: usize, particle: &str) -> Option<usize> {
    if particle.is_empty() {
        return Some(0);
    }
    let count = particle.split(' ').count();
    // "moves up to take the reins": a "to" before a verb opens an
    // infinitive, it is no particle of "move up to".
    let infinitive_next = particle.ends_with(" to")
        && symbols.get(at + count).is_some_and(|w| {
            VERBS_LEXICON
                .forms
                .get(*w)
                .is_some_and(|entries| entries.iter().any(|e| e.form == Form::Base))
        });
    if symbols.len() >= at + count
        && !infinitive_next
        && symbols[at..at + count]
            .iter()
            .copied()
            .eq(particle.split(' '))
    {
        return Some(count);
    }
    // "the helm" as one role-reference chunk.
    let text = texts.get(at)?;
    (symbols[at].starts_with('R') && text == particle).then_some(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The verb groups of a space-separated encoding.
    fn groups(encoding: &str) -> Vec<String> {
        let symbols: Vec<&str> = encoding.split(' ').collect();
        let texts: Vec<String> = symbols.iter().map(|s| s.to_string()).collect();
        let words = super::super::words::look_up(&symbols);
        let mut out = Vec::new();
        let mut k = 0;
        while k < symbols.len() {
            match verb_group_at(&symbols, &words, &texts, k) {
                Some(g) => {
                    out.push(g.symbol());
                    k = g.last + 1;
                }
                None => k += 1,
            }
        }
        out
    }

    #[test]
    fn auxiliaries_voice_and_tense() {
        for (encoding, expected) in [
            ("P0 has resigned .", vec!["V2/resign/act/perf"]),
            ("P0 will step down as T5 .", vec!["V2/resign/act/fut"]),
            (
                "P0 has not yet been named T6 .",
                vec!["V5/name/pas/perf/neg"],
            ),
            (
                "P0 is set to take over from P7 .",
                vec!["V4/succeed/act/fut"],
            ),
            ("P0 was fired .", vec!["V2/fire/pas/past"]),
            ("O0 fired P2 .", vec!["V1/fire/act/past"]),
            ("P0 , who is retiring , said", vec!["V4/retire/act/prog"]),
            ("P0 could be named T4 .", vec!["V3/name/pas/pres/hyp"]),
            ("P0 retires in june .", vec!["V1/retire/act/pres"]),
            ("P0 also quit .", vec!["V2/resign/act/past"]),
            ("P0 is T2 .", vec!["V1/be_role/act/pres"]),
            ("P0 will be the new T5 .", vec!["V2/be_role/act/fut"]),
            (
                "P0 no longer reports to P4 .",
                vec!["V3/report/act/pres/neg"],
            ),
            (
                "P0 left O2 to join O5 .",
                vec!["V1/leave/act/past", "V4/join/act/inf"],
            ),
        ] {
            assert_eq!(groups(encoding), expected, "{encoding}");
        }
    }

    #[test]
    fn verb_forms_after_a_determiner_are_nouns() {
        assert!(groups("P0 's exit was announced").is_empty());
        assert!(groups("the retiring T2 said").is_empty());
        assert!(groups("his abrupt exit surprised").is_empty());
    }

    #[test]
    fn phrasal_verbs_take_their_particle() {
        assert_eq!(groups("P0 stepped down ."), ["V1/resign/act/past"]);
        assert_eq!(groups("P0 took the helm ."), ["V1/take_helm/act/past"]);
        assert_eq!(
            groups("P0 will take charge of O5"),
            ["V2/take_helm/act/fut"]
        );
    }
}
