//! Text from documents on its way out: into TSV rows (one record a line), onto a terminal
//! (where escape sequences are commands), and into the pipeline (where control characters
//! have no meaning).

use std::borrow::Cow;

/// Characters that line-based readers treat as line ends: `\n`, `\r`, `\x0b`, `\x0c`,
/// `\x1c`–`\x1e` (Python's `splitlines`), NEL (`\x85`), U+2028 and U+2029.
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{1c}'..='\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// A TSV field: tabs and every line break become a space, so the row stays one line with the
/// same number of columns.
pub fn tsv_field(s: &str) -> Cow<'_, str> {
    if s.chars().any(|c| c == '\t' || is_line_break(c)) {
        Cow::Owned(s.chars().map(|c| if c == '\t' || is_line_break(c) { ' ' } else { c }).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// Characters a terminal may act on: C0 and C1 controls, DEL, and the bidirectional overrides
/// that reorder what is shown.
fn is_terminal_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

/// Text for one line of terminal output: controls are shown escaped (`\u{1b}`), never sent.
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    if s.chars().any(is_terminal_control) {
        let mut out = String::with_capacity(s.len() + 8);
        for c in s.chars() {
            if is_terminal_control(c) {
                out.push_str(&c.escape_unicode().to_string());
            } else {
                out.push(c);
            }
        }
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s)
    }
}

/// Document text as the pipeline should see it: line-break controls become `\n`, other
/// controls (escape sequences, backspace, NUL-like C1 codes) a space. One character stays one
/// character, so character offsets into the cleaned text are what the pipeline reports.
pub fn clean_document_text(s: String) -> String {
    let needs = |c: char| (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || matches!(c, '\u{2028}' | '\u{2029}');
    if !s.chars().any(needs) {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // A terminal escape sequence is one unit of markup, not text: its parameters
            // ("[31m") would otherwise be read as words and glue sentences together. Each of
            // its characters becomes a space, so character offsets stay those of the input.
            '\u{1b}' | '\u{9b}' => {
                let skipped = skip_escape_sequence(c, &mut chars);
                out.extend(std::iter::repeat_n(' ', skipped + 1));
            }
            c if c != '\r' && is_line_break(c) => out.push('\n'),
            c if needs(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Consumes the rest of an ECMA-48 sequence after its introducer: CSI (`ESC [` or U+009B,
/// parameters, intermediates, one final byte), OSC (`ESC ]` … BEL or `ESC \`), or a two-character
/// escape. Stops at a line break so a malformed sequence never swallows text past its line.
fn skip_escape_sequence(introducer: char, chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> usize {
    let mut skipped = 0;
    let mut next = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>| {
        skipped += 1;
        chars.next()
    };
    let kind = if introducer == '\u{9b}' { Some('[') } else { chars.peek().copied() };
    match kind {
        Some('[') => {
            if introducer == '\u{1b}' {
                next(chars);
            }
            while let Some(&c) = chars.peek() {
                if is_line_break(c) {
                    break;
                }
                next(chars);
                if ('\u{40}'..='\u{7e}').contains(&c) {
                    break;
                }
            }
        }
        Some(']') => {
            next(chars);
            while let Some(&c) = chars.peek() {
                if is_line_break(c) {
                    break;
                }
                next(chars);
                if c == '\u{7}' || (c == '\u{1b}' && chars.peek() == Some(&'\\') && next(chars).is_some()) {
                    break;
                }
            }
        }
        Some(c) if ('\u{40}'..='\u{5f}').contains(&c) => {
            next(chars);
        }
        _ => {}
    }
    skipped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_fields_stay_on_one_line() {
        let nasty = "a\tb\nc\rd\u{0b}e\u{0c}f\u{85}g\u{2028}h\u{2029}i\u{1c}j";
        let clean = tsv_field(nasty);
        assert_eq!(clean, "a b c d e f g h i j");
        assert_eq!(clean.lines().count(), 1);
        assert!(matches!(tsv_field("plain text"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_leave_document_text_whole() {
        let cleaned = clean_document_text("Lima.\u{1b}[31m Next\u{1b}]0;title\u{7} one\u{9b}2J two\u{1b}[0m".to_owned());
        assert_eq!(cleaned, "Lima.      Next           one    two    ");
        // An unterminated sequence stops at the end of its line.
        assert_eq!(clean_document_text("a\u{1b}[31\nb".to_owned()), "a    \nb");
    }

    #[test]
    fn terminal_text_has_no_escape_sequences() {
        let shown = for_terminal("red \u{1b}[31mtext\u{7} \u{9b}2J \u{202e}abc");
        assert!(!shown.chars().any(|c| c.is_control() || c == '\u{202e}'), "{shown}");
        assert!(shown.contains("\\u{1b}[31m"), "{shown}");
        assert_eq!(for_terminal("Zoë — fine"), "Zoë — fine");
    }

    #[test]
    fn document_text_keeps_offsets() {
        let text = "One\u{0c}Two\u{1b}[2J three\u{2028}four\r\n".to_owned();
        let clean = clean_document_text(text.clone());
        assert_eq!(clean, "One\nTwo     three\nfour\r\n");
        assert_eq!(clean.chars().count(), text.chars().count());
    }
}
