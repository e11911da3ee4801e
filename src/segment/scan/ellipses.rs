//! Runs of periods and ellipses: where "...", ". . ." and "…" end a
//! sentence and where they only mark a pause or an omission.

use super::*;

impl Block<'_, '_> {
    /// Runs of periods and ellipses: a full stop, "...", ". . .", "…".
    pub(super) fn dots(&self, i: usize, out: &mut Vec<usize>) -> usize {
        let bytes = self.bytes();
        // Count the dots of the group, allowing single spaces between them.
        let mut count = 0;
        let mut spaced = false;
        let mut j = i;
        let mut first_end = i;
        loop {
            if j < self.end && bytes[j] == b'.' {
                count += 1;
                j += 1;
            } else if self.text[j..self.end].starts_with('…') {
                count += 3;
                j += '…'.len_utf8();
            } else if j + 1 < self.end && bytes[j] == b' ' && bytes[j + 1] == b'.' && count > 0 {
                spaced = true;
                j += 1;
                continue;
            } else {
                break;
            }
            if first_end == i {
                first_end = j;
            }
        }
        let attached = self.char_before(i).is_some_and(|c| !c.is_whitespace());
        if count == 1 {
            return self.full_stop(i, out);
        }
        if self.char_before(i) == Some('[') {
            return j; // "[...]": an omission inside a quotation
        }
        let after = self.skip_closers(j);
        // An ellipsis that opens a sentence ("... The board met", "\"…Then")
        // belongs to it; cutting would leave it alone.
        if self.opens_piece(i, self.last_cut(out)) {
            return after;
        }
        let next = self.next_after(after);
        let upper = matches!(next, Some((Next::Upper, _)));
        if spaced && count == 3 {
            // ". . ." marks an omission; the sentence goes on.
            return after;
        }
        if spaced && attached && count >= 4 {
            // "compounds. . . . The": the full stop ends the sentence and the
            // ellipsis opens the next one.
            if upper {
                out.push(first_end);
            }
            return after;
        }
        if count == 3 || count == 2 {
            // "mean...see" goes on; "waited... Then" ends, but "... I" is
            // too often a pause before the speaker.
            if let Some((Next::Upper, w)) = next {
                if self.word_at(w) != "I" {
                    out.push(after);
                }
            }
            return after;
        }
        if upper {
            out.push(after);
        }
        after
    }
}
