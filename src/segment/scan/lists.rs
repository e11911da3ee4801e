//! Numbered and lettered list items inside a block ("1. ... 2. ...", "a)
//! ... b) ..."): their markers' periods end no sentence, and each item
//! starts one.

use super::*;

/// A list item marker found in a block: "1.", "2.)", "b)", "• 9.".
pub(super) struct Marker {
    /// Where the item starts (at its bullet, when it has one).
    pub(super) item_start: usize,
    /// Byte offsets of the marker's own periods, which end no sentence.
    pub(super) punct: usize,
    pub(super) punct_end: usize,
    pub(super) value: u32,
    pub(super) style: u8,
    pub(super) at_block_start: bool,
    /// The item's text starts in lower case ("a. retail, b. wholesale").
    pub(super) lower_item: bool,
}

impl Block<'_, '_> {
    /// Numbered and lettered list markers in this block, sorted.
    ///
    /// A marker counts when it opens the block or when the block holds its
    /// neighbour in the sequence ("1) ... 2) ...", "a. ... b. ...").
    pub(super) fn list_markers(&self, first_content: usize, ascii: bool) -> (Vec<Marker>, usize) {
        let bytes = self.bytes();
        let block = &self.text[self.start..self.end];
        let bullets = if ascii {
            0
        } else {
            block.chars().filter(|&c| is_bullet(c)).count()
        };
        let mut found: Vec<Marker> = Vec::new();
        let mut covered = self.start;
        // A marker ends in "." or ")": find those, then look back for the
        // number or letter before them.
        for p in memchr::memchr2_iter(b'.', b')', block.as_bytes()) {
            let p = self.start + p;
            if p < covered || p == self.start {
                continue;
            }
            let q = p - 1;
            let s = if bytes[q].is_ascii_lowercase() {
                q
            } else if bytes[q].is_ascii_digit() {
                let mut s = q;
                while s > self.start && q - s < 2 && bytes[s - 1].is_ascii_digit() {
                    s -= 1;
                }
                s
            } else {
                continue;
            };
            let word_start = s == self.start
                || bytes[s - 1].is_ascii_whitespace()
                || self.char_before(s).is_some_and(is_bullet);
            if !word_start {
                continue;
            }
            if let Some(m) = self.marker_at(s, self.bullet_before(s), first_content) {
                covered = m.punct_end;
                found.push(m);
            }
        }
        let seen: std::collections::HashSet<(u8, u32)> =
            found.iter().map(|m| (m.style, m.value)).collect();
        // A list that opens the block is a list whatever its items look
        // like; inside running text, items in lower case are an inline
        // enumeration ("three units: a. retail, b. wholesale and c. online").
        let block_lists: std::collections::HashSet<u8> = found
            .iter()
            .filter(|m| m.at_block_start)
            .map(|m| m.style)
            .collect();
        let keep: Vec<bool> = found
            .iter()
            .map(|m| {
                m.at_block_start
                    || ((seen.contains(&(m.style, m.value + 1))
                        || (m.value > 0 && seen.contains(&(m.style, m.value - 1))))
                        && (!m.lower_item || block_lists.contains(&m.style)))
            })
            .collect();
        let markers = found
            .into_iter()
            .zip(keep)
            .filter_map(|(m, k)| k.then_some(m))
            .collect();
        (markers, bullets)
    }

    /// The bullet right before `s`, across spaces ("• 9. The item").
    fn bullet_before(&self, s: usize) -> Option<usize> {
        let mut k = s;
        while k > self.start && s - k < 8 && self.bytes()[k - 1] == b' ' {
            k -= 1;
        }
        let c = self.char_before(k)?;
        is_bullet(c).then(|| k - c.len_utf8())
    }

    fn marker_at(
        &self,
        i: usize,
        bullet_at: Option<usize>,
        first_content: usize,
    ) -> Option<Marker> {
        let bytes = self.bytes();
        let mut j = i;
        let (value, style_base) = if bytes[i].is_ascii_digit() {
            while j < self.end && j - i < 3 && bytes[j].is_ascii_digit() {
                j += 1;
            }
            if j < self.end && bytes[j].is_ascii_digit() {
                return None;
            }
            (self.text[i..j].parse::<u32>().ok()?, 0)
        } else {
            j += 1;
            (u32::from(bytes[i] - b'a') + 1, 10)
        };
        let punct = j;
        let style = if self.text[j..self.end].starts_with(".)") {
            j += 2;
            1
        } else if self.text[j..self.end].starts_with(')') {
            j += 1;
            2
        } else if self.text[j..self.end].starts_with('.') {
            j += 1;
            3
        } else {
            return None;
        };
        // The marker must be followed by a space and then the item's text.
        if !(j < self.end && bytes[j] == b' ') {
            return None;
        }
        let item_start = bullet_at.unwrap_or(i);
        let lower_item = self.char_at(j + 1).is_some_and(char::is_lowercase);
        Some(Marker {
            item_start,
            punct,
            punct_end: j,
            value,
            style: style + style_base,
            at_block_start: item_start <= first_content,
            lower_item,
        })
    }
}
