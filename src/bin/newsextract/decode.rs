//! Input that is not UTF-8: UTF-16 with a byte order mark is recognised
//! by itself; other encodings are named with `--encoding` (any label of
//! the WHATWG Encoding Standard, which `encoding_rs` implements, and
//! `latin-1`). Invalid input is an error that says where, never replaced
//! in silence.

use std::io::{self, BufRead, BufReader, Read};

use encoding_rs::{Decoder, DecoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// How input bytes become text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Decoding {
    /// UTF-8, strictly; UTF-16 when the input starts with its byte order
    /// mark.
    #[default]
    Utf8,
    /// The encoding named with `--encoding`.
    Named(&'static Encoding),
}

/// Reads an `--encoding` value.
pub fn parse(label: &str) -> Result<Decoding, String> {
    let lower = label.trim().to_ascii_lowercase();
    // WHATWG reads ISO-8859-1 as its superset windows-1252, as browsers do.
    let lower = match lower.as_str() {
        "latin-1" | "iso8859-1" | "iso_8859-1" => "latin1",
        other => other,
    };
    match Encoding::for_label(lower.as_bytes()) {
        Some(e) if e == UTF_8 => Ok(Decoding::Utf8),
        Some(e) if e.name() != "replacement" => Ok(Decoding::Named(e)),
        _ => Err(format!(
            "unknown encoding {label:?} (known: utf-8, windows-1252, latin-1, utf-16le, \
             utf-16be, shift_jis, gbk, ... any WHATWG encoding label)"
        )),
    }
}

/// Input that is not valid in its encoding.
#[derive(Debug, PartialEq, Eq)]
pub struct Invalid {
    /// The encoding's name ("UTF-8", "UTF-16LE", ...).
    pub encoding: &'static str,
    /// Offset of the first bad byte in the input.
    pub offset: u64,
}

/// The decoder a source needs, given its first bytes; `None` for UTF-8.
fn decoder_for(start: &[u8], decoding: Decoding) -> Option<Decoder> {
    match decoding {
        Decoding::Named(e) => Some(e.new_decoder_with_bom_removal()),
        Decoding::Utf8 if start.starts_with(b"\xFF\xFE") => {
            Some(UTF_16LE.new_decoder_with_bom_removal())
        }
        Decoding::Utf8 if start.starts_with(b"\xFE\xFF") => {
            Some(UTF_16BE.new_decoder_with_bom_removal())
        }
        Decoding::Utf8 => None,
    }
}

/// A whole input as text.
pub fn whole(bytes: Vec<u8>, decoding: Decoding) -> Result<String, Invalid> {
    let Some(mut decoder) = decoder_for(&bytes, decoding) else {
        return String::from_utf8(bytes).map_err(|e| Invalid {
            encoding: "UTF-8",
            offset: e.utf8_error().valid_up_to() as u64,
        });
    };
    let name = decoder.encoding().name();
    let mut text = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .unwrap_or(bytes.len()),
    );
    let (result, read) = decoder.decode_to_string_without_replacement(&bytes, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok(text),
        DecoderResult::Malformed(bad, extra) => Err(Invalid {
            encoding: name,
            offset: (read - bad as usize - extra as usize) as u64,
        }),
        // The string was given room for the longest output.
        DecoderResult::OutputFull => Err(Invalid {
            encoding: name,
            offset: read as u64,
        }),
    }
}

/// `reader` as UTF-8: unchanged when it is UTF-8, else decoded as it is
/// read. Bytes invalid in the encoding end the stream with an error.
pub fn reader<'a, R: BufRead + 'a>(
    mut reader: R,
    decoding: Decoding,
) -> io::Result<Box<dyn BufRead + 'a>> {
    let start = loop {
        match reader.fill_buf() {
            Ok(start) => break start,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    };
    Ok(match decoder_for(start, decoding) {
        None => Box::new(reader),
        Some(decoder) => Box::new(BufReader::new(Transcoder {
            inner: reader,
            decoder,
            out: Vec::new(),
            out_start: 0,
            read: 0,
            invalid_at: None,
            done: false,
        })),
    })
}

/// Decodes a byte stream to UTF-8 as it is read.
struct Transcoder<R> {
    inner: R,
    decoder: Decoder,
    /// Decoded bytes not yet handed out, from `out_start`.
    out: Vec<u8>,
    out_start: usize,
    /// Input bytes decoded so far.
    read: u64,
    /// The offset of invalid input, reported once the text before it is out.
    invalid_at: Option<u64>,
    done: bool,
}

impl<R: BufRead> Read for Transcoder<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.out_start < self.out.len() {
                let n = buf.len().min(self.out.len() - self.out_start);
                buf[..n].copy_from_slice(&self.out[self.out_start..self.out_start + n]);
                self.out_start += n;
                return Ok(n);
            }
            if let Some(at) = self.invalid_at.take() {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "not valid {} at byte {at}; name the input's encoding with --encoding",
                        self.decoder.encoding().name()
                    ),
                ));
            }
            if self.done {
                return Ok(0);
            }
            let input = self.inner.fill_buf()?;
            let last = input.is_empty();
            self.out.clear();
            self.out_start = 0;
            self.out.resize(3 * input.len() + 16, 0);
            let (result, read, written) =
                self.decoder
                    .decode_to_utf8_without_replacement(input, &mut self.out, last);
            self.out.truncate(written);
            self.inner.consume(read);
            self.read += read as u64;
            match result {
                DecoderResult::InputEmpty => self.done = last,
                DecoderResult::OutputFull => {}
                DecoderResult::Malformed(bad, extra) => {
                    self.invalid_at = Some(self.read - u64::from(bad) - u64::from(extra));
                    self.done = true;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    #[test]
    fn labels_name_encodings() {
        assert_eq!(parse("UTF-8"), Ok(Decoding::Utf8));
        assert_eq!(
            parse("windows-1252"),
            Ok(Decoding::Named(encoding_rs::WINDOWS_1252))
        );
        assert_eq!(
            parse("latin-1"),
            Ok(Decoding::Named(encoding_rs::WINDOWS_1252))
        );
        assert_eq!(parse("utf-16le"), Ok(Decoding::Named(UTF_16LE)));
        assert!(parse("klingon").unwrap_err().contains("windows-1252"));
        assert!(parse("iso-2022-kr").is_err());
    }

    #[test]
    fn whole_inputs_decode_or_say_where_they_are_invalid() {
        assert_eq!(whole(utf16le("Café"), Decoding::Utf8).unwrap(), "Café");
        let mut be = vec![0xFE, 0xFF];
        be.extend("Zoë".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(whole(be, Decoding::Utf8).unwrap(), "Zoë");
        let cp1252 = b"Caf\xe9 \x93quoted\x94".to_vec();
        let named = parse("windows-1252").unwrap();
        assert_eq!(
            whole(cp1252.clone(), named).unwrap(),
            "Café \u{201c}quoted\u{201d}"
        );
        assert_eq!(
            whole(cp1252, Decoding::Utf8),
            Err(Invalid {
                encoding: "UTF-8",
                offset: 3
            })
        );
        // A lone surrogate in UTF-16.
        let mut bad = utf16le("ab");
        bad.extend([0x00, 0xD8, b'c', 0]);
        assert_eq!(whole(bad, Decoding::Utf8).unwrap_err().encoding, "UTF-16LE");
    }

    #[test]
    fn streams_decode_in_small_reads_and_end_with_an_error_at_bad_bytes() {
        let text = "{\"id\": \"é\", \"text\": \"Zoë Roe\"}\n".repeat(50);
        let input = utf16le(&text);
        let mut out = String::new();
        let buffered = BufReader::with_capacity(7, &input[..]);
        reader(buffered, Decoding::Utf8)
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, text);
        // UTF-8 passes through untouched.
        let mut same = Vec::new();
        reader(&b"caf\xff"[..], Decoding::Utf8)
            .unwrap()
            .read_to_end(&mut same)
            .unwrap();
        assert_eq!(same, b"caf\xff");
        let mut bad = utf16le("ok\n");
        bad.extend([0x00, 0xDC]);
        let mut out = String::new();
        let e = reader(&bad[..], Decoding::Utf8)
            .unwrap()
            .read_to_string(&mut out)
            .unwrap_err();
        assert!(
            e.to_string().contains("not valid UTF-16LE at byte 8"),
            "{e}"
        );
    }
}
