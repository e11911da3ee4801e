//! Titles and their owners: "Corvel's VP", "Vexa chief executive",
//! "its CFO".

use super::titles::status_tenure;
use super::words::is_org_anaphor;
use super::{Chunk, ChunkKind, Tenure};

/// Joins "Org ('s) Title" into one title chunk with that org, and marks
/// titles owned by "its" or "the company's".
pub(super) fn attach_title_orgs<'t>(chunks: &mut Vec<Chunk<'t>>, article: &'t str) {
    let mut out: Vec<Chunk<'t>> = Vec::with_capacity(chunks.len());
    // Each chunk moves over, none is copied.
    for mut c in std::mem::take(chunks) {
        // "Corvel's VP", "Vexa chief executive officer", "its CFO".
        if c.kind == ChunkKind::Title {
            // "Corvel's", and "Holdings'" (a plural possessive).
            let prev_is_possessive = out.last().is_some_and(|p| matches!(p.text, "'s" | "’s"))
                || (out.last().is_some_and(|p| matches!(p.text, "'" | "’"))
                    && out.len() >= 2
                    && out[out.len() - 2].text.ends_with(['s', 'S'])
                    && out[out.len() - 2].kind != ChunkKind::Word);
            let owner_index = if prev_is_possessive {
                out.len().checked_sub(2)
            } else {
                out.len().checked_sub(1)
            };
            if let Some(oi) = owner_index {
                let owner = &out[oi];
                let department = is_department(owner, c.text);
                let info = c.title.as_mut().expect("title chunk has info");
                // "Corvel COO", "Corvel's VP"; but a two-word undecided name
                // before a title is more often a person ("elected Helga
                // Marquardt chair of the board").
                let is_org_like = owner.kind == ChunkKind::Org
                    || (owner.kind == ChunkKind::Name
                        && (prev_is_possessive || !owner.text.contains(' '))
                        && !is_org_anaphor(owner.text));
                if info.org.is_none() && !info.org_is_anaphor && department {
                    // "Visitor Services Manager": the department is part
                    // of the title.
                    info.title.0 = owner.start;
                    c.start = owner.start;
                    c.first = owner.first;
                    out.truncate(oi);
                } else if info.org.is_none() && !info.org_is_anaphor && is_org_like {
                    info.org = Some((owner.start, owner.end));
                    c.start = owner.start;
                    c.first = owner.first;
                    out.truncate(oi);
                    // "former Hanseong president", "incoming Corvel CFO":
                    // the status word before the organisation is the
                    // title's.
                    if let Some(status) = out
                        .last()
                        .and_then(|w| crate::lexicon::with_lowercase(w.text, status_tenure))
                    {
                        if info.tenure == Tenure::Plain {
                            info.tenure = status;
                            if let Some(w) = out.pop() {
                                c.start = w.start;
                                c.first = w.first;
                            }
                        }
                    }
                } else if info.org.is_none()
                    && (owner.text.eq_ignore_ascii_case("its") || is_org_anaphor(owner.text))
                {
                    info.org_is_anaphor = true;
                }
                // "Public Affairs and Corporate Relations Vice
                // President": departments coordinated.
                while let [.., dept, conj] = out.as_slice() {
                    let coordinated = matches!(conj.text, "and" | "&")
                        && info.org.is_none()
                        && !info.org_is_anaphor
                        && is_department(dept, c.text);
                    if !coordinated {
                        break;
                    }
                    info.title.0 = dept.start;
                    c.start = dept.start;
                    c.first = dept.first;
                    out.truncate(out.len() - 2);
                }
            }
            c.text = &article[c.start..c.end];
        }
        out.push(c);
    }
    *chunks = out;
}

/// Whether `owner`, right before the title `title`, names a
/// department written in capitals ("Visitor Services Manager", "Public
/// Affairs and Corporate Relations Vice President") rather than the
/// organisation: every word a function, the title in capitals too.
fn is_department(owner: &Chunk<'_>, title: &str) -> bool {
    use crate::lexicon::{lower_in, ORG_VOCAB, TITLE_VOCAB};
    let title_capitalised = title.starts_with(|c: char| c.is_uppercase());
    let mut words = owner.text.split(' ').filter(|w| !matches!(*w, "and" | "&"));
    title_capitalised
        && !matches!(owner.kind, ChunkKind::Title | ChunkKind::Person)
        && words.clone().next().is_some()
        && words.all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && (lower_in(&ORG_VOCAB.department, w)
                    || lower_in(&TITLE_VOCAB.domain, w)
                    || lower_in(&TITLE_VOCAB.modifier, w))
        })
}
