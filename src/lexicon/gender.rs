//! The sex that a given name makes clear, from `given_name_gender.txt`
//! (made by `scripts/gen_name_gender.py` from census and name-list data;
//! its header gives the sources and the rules).
//!
//! Pronoun resolution can check "she" and "he" against a candidate
//! antecedent with it: "Matt Stringer" is not "she". The list holds only
//! names whose sex the data makes clear; a name borne by both sexes
//! ("Jordan", "Jean", "Andrea", "Kim") is in neither section, so that no
//! answer means "unknown", never "neither".

use once_cell::sync::Lazy;

use super::{entries, with_lowercase, WordMap};

const GIVEN_NAME_GENDER: &str = include_str!("given_name_gender.txt");

/// The sex a given name is typically borne by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    /// A woman's name ("Mary", "María", "Haruka").
    Female,
    /// A man's name ("Matt", "José", "Hiroshi").
    Male,
}

impl Gender {
    /// Parses a section name of `given_name_gender.txt`.
    fn from_section(name: &str) -> Option<Self> {
        match name {
            "female" => Some(Self::Female),
            "male" => Some(Self::Male),
            _ => None,
        }
    }
}

/// Every listed name, lower-cased, with its sex.
static GENDERS: Lazy<WordMap<Box<str>, Gender>> = Lazy::new(|| {
    entries(GIVEN_NAME_GENDER)
        .filter_map(|(section, name)| {
            Some((name.to_lowercase().into(), Gender::from_section(section)?))
        })
        .collect()
});

/// The sex that the given name `name` makes clear, or `None` when the name
/// is unknown or borne by both sexes.
///
/// `name` is a given name as written in the text: "Matt", "María" or
/// "Maria", "Jean-Pierre"; capitals do not matter ("MARY" as "Mary"), but
/// a word that does not start with a capital letter is no name and gets
/// `None`. One hash lookup, without allocating for a short ASCII name.
pub(crate) fn given_name_gender(name: &str) -> Option<Gender> {
    if !name.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    with_lowercase(name, |lower| GENDERS.get(lower).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clear_names_have_their_sex_in_any_case_and_with_or_without_accents() {
        for name in [
            "Mary",
            "MARY",
            "María",
            "Maria",
            "Ingrid",
            "Fatima",
            "Aisha",
            "Haruka",
            "Akua",
            "Anne-Marie",
        ] {
            assert_eq!(given_name_gender(name), Some(Gender::Female), "{name}");
        }
        for name in [
            "Matt",
            "James",
            "JAMES",
            "José",
            "Jose",
            "Hiroshi",
            "Kwame",
            "Mohammed",
            "Jean-Pierre",
        ] {
            assert_eq!(given_name_gender(name), Some(Gender::Male), "{name}");
        }
    }

    #[test]
    fn names_of_both_sexes_and_unknown_words_have_none() {
        // Male in one language and female in another, or borne by both.
        for name in [
            "Jordan", "Jean", "Andrea", "Kim", "Alex", "Sasha", "Yu", "Robin", "Leslie", "Nicola",
            "Simone", "Camille",
        ] {
            assert_eq!(given_name_gender(name), None, "{name}");
        }
        for word in [
            "Stringer", "Company", "The", "", "-", "mary", "matt", "3M", "É",
        ] {
            assert_eq!(given_name_gender(word), None, "{word:?}");
        }
    }

    #[test]
    fn the_list_loads_with_many_names_each_in_one_section() {
        let mut female = 0;
        let mut male = 0;
        let mut seen = WordMap::default();
        for (section, name) in entries(GIVEN_NAME_GENDER) {
            let sex = Gender::from_section(section);
            assert!(sex.is_some(), "unknown section [{section}]");
            assert!(
                name.chars().next().is_some_and(char::is_uppercase),
                "{name} does not start with a capital"
            );
            let before = seen.insert(name.to_lowercase(), sex);
            assert!(before.is_none(), "{name} listed twice");
            match sex {
                Some(Gender::Female) => female += 1,
                _ => male += 1,
            }
        }
        assert_eq!(GENDERS.len(), female + male);
        assert!(female > 1000 && male > 1000, "{female} female, {male} male");
    }
}
