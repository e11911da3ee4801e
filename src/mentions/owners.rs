//! Titles and their owners: "Corvel's VP", "Vexa chief executive",
//! "its CFO".

use super::words::is_org_anaphor;
use super::{Chunk, ChunkKind};

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
                let info = c.title.as_mut().expect("title chunk has info");
                // "Corvel COO", "Corvel's VP"; but a two-word undecided name
                // before a title is more often a person ("elected Helga
                // Marquardt chair of the board").
                let is_org_like = owner.kind == ChunkKind::Org
                    || (owner.kind == ChunkKind::Name
                        && (prev_is_possessive || !owner.text.contains(' '))
                        && !is_org_anaphor(owner.text));
                if info.org.is_none() && !info.org_is_anaphor && is_org_like {
                    info.org = Some((owner.start, owner.end));
                    c.start = owner.start;
                    c.first = owner.first;
                    out.truncate(oi);
                } else if info.org.is_none()
                    && (owner.text.eq_ignore_ascii_case("its") || is_org_anaphor(owner.text))
                {
                    info.org_is_anaphor = true;
                }
            }
            c.text = &article[c.start..c.end];
        }
        out.push(c);
    }
    *chunks = out;
}
