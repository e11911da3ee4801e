//! Rule examples that state what they expect:
//! `+ Jane Okafor was named chief executive. => person=Jane Okafor; new_title=chief executive`.
//! `\n` in an example's text is a line break.

/// The slots an example's expectation may name, as a record shows them.
pub(crate) const EXPECTABLE: &[&str] = &crate::record::SLOT_NAMES;

/// A positive example: the sentence and the values the record the rule
/// builds from it must have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Example {
    pub text: String,
    /// `(slot, value)` pairs; `person` always comes first.
    pub expect: Vec<(String, String)>,
}

impl Example {
    /// Parses `sentence => slot=value; slot=value`. Every positive example
    /// states at least its person; an error has its column in `line`.
    pub(crate) fn parse(line: &str) -> Result<Example, (usize, String)> {
        let Some((text, expect)) = line.split_once("=>") else {
            return Err((
                line.len() + 1,
                "a positive example states what it expects: `=> person=...; new_title=...`".into(),
            ));
        };
        let mut pairs = Vec::new();
        // 0-based offset of the current part in `line`.
        let mut offset = text.len() + 2;
        for part in expect.split(';') {
            let trimmed = part.trim();
            let column = offset + (part.len() - part.trim_start().len()) + 1;
            let Some((slot, value)) = trimmed.split_once('=') else {
                return Err((column, format!("expected `slot=value`, found `{trimmed}`")));
            };
            let slot = slot.trim();
            if !EXPECTABLE.contains(&slot) {
                return Err((
                    column,
                    format!("unknown slot `{slot}` (one of {})", EXPECTABLE.join(", ")),
                ));
            }
            pairs.push((slot.to_owned(), value.trim().to_owned()));
            offset += part.len() + 1;
        }
        if !pairs.iter().any(|(s, _)| s == "person") {
            return Err((
                text.len() + 1,
                "the expectation must name the `person`".into(),
            ));
        }
        pairs.sort_by_key(|(s, _)| s != "person");
        Ok(Example {
            text: with_line_breaks(text.trim()),
            expect: pairs,
        })
    }
}

/// An example's text with each `\n` written in it as a line break, for
/// examples that need lines of their own ("The new directors are:\n- Ana
/// Ruiz, a banker;").
pub(crate) fn with_line_breaks(text: &str) -> String {
    text.replace("\\n", "\n")
}

#[cfg(test)]
mod tests {
    use super::Example;

    #[test]
    fn expectations_parse_and_mistakes_are_located() {
        let e = Example::parse("Jane Roe quit. => kind=resignation; person=Jane Roe").unwrap();
        assert_eq!(e.text, "Jane Roe quit.");
        assert_eq!(e.expect[0], ("person".into(), "Jane Roe".into()));
        assert!(Example::parse("Jane Roe quit.").is_err());
        assert_eq!(
            Example::parse("Jane Roe quit. => persn=Jane Roe")
                .unwrap_err()
                .0,
            19
        );
        assert!(Example::parse("Jane Roe quit. => kind=resignation").is_err());
    }
}
