//! Unicode NFKC (compatibility decomposition, canonical ordering, canonical
//! composition) over the data of the blocks that matter for news text; see
//! [`normalize`](super::normalize). Characters the tables do not cover pass
//! through unchanged.
//!
//! The tables are in `nfkc_tables.rs`, made by
//! `scripts/gen_nfkc_tables.py` from Python's `unicodedata`.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::nfkc_tables::{CCC, COMPAT, COMPOSE};

/// NFKC of `s`.
pub(super) fn nfkc(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut chars = Vec::with_capacity(s.len());
    for c in s.chars() {
        decompose(c, &mut chars);
    }
    reorder(&mut chars);
    compose(&chars)
}

struct Tables {
    compose: HashMap<(char, char), char>,
    decompose: HashMap<char, (char, char)>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut compose = HashMap::new();
    let mut decompose = HashMap::new();
    for &(mark, bases, composites) in COMPOSE {
        for (base, composite) in bases.chars().zip(composites.chars()) {
            compose.insert((base, mark), composite);
            decompose.insert(composite, (base, mark));
        }
    }
    Tables { compose, decompose }
});

/// Full compatibility decomposition of one character.
fn decompose(c: char, out: &mut Vec<char>) {
    if ('\u{ff01}'..='\u{ff5e}').contains(&c) {
        // Fullwidth ASCII.
        out.push(char::from_u32(c as u32 - 0xfee0).unwrap_or(c));
    } else if let Ok(i) = COMPAT.binary_search_by_key(&c, |e| e.0) {
        for d in COMPAT[i].1.chars() {
            canonical_decompose(d, out);
        }
    } else {
        canonical_decompose(c, out);
    }
}

fn canonical_decompose(c: char, out: &mut Vec<char>) {
    match TABLES.decompose.get(&c) {
        Some(&(base, mark)) => {
            canonical_decompose(base, out);
            out.push(mark);
        }
        None => out.push(c),
    }
}

fn ccc(c: char) -> u8 {
    let cp = c as u32;
    if cp < 0x300 {
        return 0;
    }
    match CCC.binary_search_by(|&(lo, hi, _)| {
        if hi < cp {
            std::cmp::Ordering::Less
        } else if lo > cp {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) {
        Ok(i) => CCC[i].2,
        Err(_) => 0,
    }
}

/// Canonical ordering: stable sort of every run of non-starters by class.
fn reorder(chars: &mut [char]) {
    let mut i = 0;
    while i < chars.len() {
        if ccc(chars[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && ccc(chars[i]) != 0 {
            i += 1;
        }
        chars[start..i].sort_by_key(|&c| ccc(c));
    }
}

const S_BASE: u32 = 0xac00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11a7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const S_COUNT: u32 = L_COUNT * V_COUNT * T_COUNT;

fn compose_pair(a: char, b: char) -> Option<char> {
    let (a32, b32) = (a as u32, b as u32);
    if (L_BASE..L_BASE + L_COUNT).contains(&a32) && (V_BASE..V_BASE + V_COUNT).contains(&b32) {
        let s = S_BASE + ((a32 - L_BASE) * V_COUNT + (b32 - V_BASE)) * T_COUNT;
        return char::from_u32(s);
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&a32)
        && (a32 - S_BASE) % T_COUNT == 0
        && (T_BASE + 1..T_BASE + T_COUNT).contains(&b32)
    {
        return char::from_u32(a32 + (b32 - T_BASE));
    }
    TABLES.compose.get(&(a, b)).copied()
}

/// Canonical composition (UAX #15).
fn compose(chars: &[char]) -> String {
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut starter: Option<usize> = None;
    // Class of the last character kept after the starter; None if none.
    let mut last: Option<u8> = None;
    for &c in chars {
        let class = ccc(c);
        if let Some(si) = starter {
            let blocked = last.is_some_and(|l| l == 0 || l >= class);
            if !blocked {
                if let Some(composed) = compose_pair(out[si], c) {
                    out[si] = composed;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(out.len());
            last = None;
        } else {
            last = Some(class);
        }
        out.push(c);
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;
    use std::path::Path;
    use std::process::Command;

    use super::*;

    #[test]
    fn eval_nfkc() {
        assert_eq!(nfkc("ﬁnance\u{a0}ＡＢＣ①"), "finance ABC1");
        assert_eq!(nfkc("e\u{301}"), "é");
        // Canonical reordering before composition: dot below (220) before circumflex (230).
        assert_eq!(nfkc("e\u{302}\u{323}"), "ệ");
        assert_eq!(nfkc("\u{1100}\u{1161}\u{11a8}"), "각");
        assert_eq!(nfkc("Å"), "Å");
    }

    /// The checked-in tables are exactly what `scripts/gen_nfkc_tables.py`
    /// prints. Skipped, with a note on standard error, when `python3` is
    /// missing (a failure with `NEWSEXTRACT_REQUIRE_SHARED=1`) or has
    /// another Unicode version than the tables.
    #[test]
    fn nfkc_tables_are_what_the_generator_makes() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let script = root.join("scripts/gen_nfkc_tables.py");
        let skip = |why: String| {
            assert!(
                std::env::var_os("NEWSEXTRACT_REQUIRE_SHARED").is_none_or(|v| v != "1"),
                "{why} (NEWSEXTRACT_REQUIRE_SHARED=1)"
            );
            // Straight to standard error: libtest captures only eprintln!.
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED nfkc_tables_are_what_the_generator_makes: {why}"
            );
        };
        let version = Command::new("python3")
            .args([
                "-c",
                "import unicodedata; print(unicodedata.unidata_version)",
            ])
            .output();
        let version = match version {
            Ok(out) if out.status.success() => {
                String::from_utf8_lossy(&out.stdout).trim().to_owned()
            }
            _ => return skip("python3 is not available".to_owned()),
        };
        if version != crate::eval::nfkc_tables::UNICODE_VERSION {
            return skip(format!(
                "python3 has Unicode {version}, the tables {}",
                crate::eval::nfkc_tables::UNICODE_VERSION
            ));
        }
        let out = Command::new("python3")
            .arg(&script)
            .output()
            .expect("run python3");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let generated = String::from_utf8(out.stdout).expect("UTF-8 output");
        let checked_in = include_str!("nfkc_tables.rs");
        assert!(
            generated == checked_in,
            "src/eval/nfkc_tables.rs differs from what {} prints; regenerate it with \
             `python3 scripts/gen_nfkc_tables.py > src/eval/nfkc_tables.rs`",
            script.display()
        );
    }
}
