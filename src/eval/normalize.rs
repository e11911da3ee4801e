//! Slot values normalised the way `score.py` normalises them: NFKC, case,
//! punctuation, possessives, title abbreviations and kind groups.

use std::sync::LazyLock;

use regex::Regex;

use super::nfkc::nfkc;
use super::SLOTS;

/// Kind -> kind group (`GROUP` in `score.py`); other kinds are kept as they are.
pub(super) fn kind_group(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "appointment" | "promotion" | "hire" => "start",
        "resignation" | "retirement" | "dismissal" | "departure" => "end",
        "reporting_change" => "reporting",
        _ => return None,
    })
}

/// Title abbreviations (`TITLE_ABBREV` in `score.py`), keys already normalised.
pub(super) fn title_abbrev(word: &str) -> Option<&'static str> {
    Some(match word {
        "vp" => "vice president",
        "svp" => "senior vice president",
        "evp" => "executive vice president",
        "ceo" => "chief executive officer",
        "cfo" => "chief financial officer",
        "coo" => "chief operating officer",
        "cto" => "chief technology officer",
        "cio" => "chief information officer",
        "cmo" => "chief marketing officer",
        "gm" => "general manager",
        "md" => "managing director",
        "chief executive" => "chief executive officer",
        _ => return None,
    })
}

/// Runs of characters that are neither word characters (Python's Unicode `\w`:
/// letters, digits and numbers of any script, underscore) nor `&`, `+`, space.
static NON_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[^\p{L}\p{N}_&+ ]+").expect("valid regex"));

/// Normalises a slot value the way `score.py`'s `norm` does.
///
/// Steps: NFKC (see the note below), lowercase, curly apostrophe `’` to `'`,
/// drop possessive `'s` (before a space or at the end), replace every run of
/// characters other than word characters, `&`, `+` and space with a space,
/// collapse spaces, trim, and drop one leading `"the "`.
///
/// NFKC is implemented without a crate, from tables generated with Python's
/// `unicodedata` (Unicode 14.0) for the blocks that matter in news text:
/// Latin, Greek, Cyrillic, general punctuation, super- and subscripts,
/// letterlike symbols, number forms, enclosed alphanumerics, CJK punctuation
/// and kana, ligatures, small, fullwidth and halfwidth forms, plus canonical
/// composition of Latin, Greek, Cyrillic, kana and Hangul. Characters outside
/// these blocks are left as they are.
///
/// ```
/// use newsextract::eval::normalize;
///
/// assert_eq!(normalize("The  Corvel Cloud’s"), "corvel cloud");
/// assert_eq!(normalize("Huawei (EBG) China"), "huawei ebg china");
/// assert_eq!(normalize("Ｓａｍｓｕｎｇ\u{a0}Electronics"), "samsung electronics");
/// assert_eq!(normalize("Jose\u{301} Martí"), "josé martí");
/// ```
#[must_use]
pub fn normalize(s: &str) -> String {
    let s = nfkc(s).to_lowercase();
    let s = s.replace('\u{2019}', "'").replace("'s ", " ");
    // Python's `$` also matches just before a final newline.
    let s = if let Some(t) = s.strip_suffix("'s") {
        t.to_string()
    } else if let Some(t) = s.strip_suffix("'s\n") {
        format!("{t}\n")
    } else {
        s
    };
    let s = NON_WORD.replace_all(&s, " ");
    // Only plain spaces are left, so this is `re.sub(r"\s+", " ", s).strip()`.
    let mut out = s
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if out.starts_with("the ") {
        out.drain(..4);
    }
    out
}

/// Normalises a title the way `score.py`'s `norm_title` does: [`normalize`],
/// then expand abbreviations word by word (`vp`, `svp`, `evp`, `ceo`, `cfo`,
/// `coo`, `cto`, `cio`, `cmo`, `gm`, `md`, and the two-word
/// `chief executive`).
///
/// Like the Python, the two-word rule also fires inside
/// "chief executive officer", which therefore becomes
/// "chief executive officer officer" and does not match "CEO"; gold files
/// list both forms as alternatives.
///
/// ```
/// use newsextract::eval::normalize_title;
///
/// assert_eq!(normalize_title("Senior VP"), "senior vice president");
/// assert_eq!(normalize_title("SVP"), normalize_title("senior vice president"));
/// assert_eq!(normalize_title("interim chief executive"), "interim chief executive officer");
/// assert_eq!(normalize_title("chief executive officer"), "chief executive officer officer");
/// ```
#[must_use]
pub fn normalize_title(s: &str) -> String {
    let s = normalize(s);
    let words: Vec<&str> = s.split(' ').collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        if i + 1 < words.len() {
            let pair = format!("{} {}", words[i], words[i + 1]);
            if let Some(full) = title_abbrev(&pair) {
                out.push(full);
                i += 2;
                continue;
            }
        }
        out.push(title_abbrev(words[i]).unwrap_or(words[i]));
        i += 1;
    }
    out.join(" ")
}

/// The normaliser `score.py` uses for a slot (by index into [`SLOTS`]).
pub(super) fn normalize_slot(slot: usize, s: &str) -> String {
    if SLOTS[slot].ends_with("_title") {
        normalize_title(s)
    } else {
        normalize(s)
    }
}

/// Python's `str.isspace` for one character.
pub(super) fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `bool(s.strip())`.
pub(super) fn not_blank(s: &str) -> bool {
    !s.chars().all(py_isspace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eval_normalize() {
        assert_eq!(normalize("The Board's chair"), "board chair");
        assert_eq!(normalize("Corvel's\n"), "corvel");
        assert_eq!(normalize("the"), "the");
        assert_eq!(normalize("R&D + M_A"), "r&d + m_a");
        assert_eq!(normalize("..."), "");
        assert_eq!(
            normalize_title("EVP, GM"),
            "executive vice president general manager"
        );
    }
}
