//! Sentence boundaries over the scanner's pieces, one paragraph at a time.
//!
//! [`sentence_ends`] lets the learned model ([`super::boundary`]) decide, with the decisions
//! of the rules below ([`rule_ends`]) as features; without a model the rules decide alone.
//!
//! The rules: a sentence ends after `.`, `!`, `?`, `…` (and runs such as `?!`, `...`) plus any closing
//! quotes or brackets glued to them, when the next word looks like a sentence start (capital
//! letter, digit, opening quote or bracket before one, the pronoun `i`). Abbreviations are
//! kept inside the sentence: titles, `vs.`, `No.` and initials never end one; company
//! suffixes, `etc.` and dotted abbreviations (`U.S.`, `p.m.`) end one only before a typical
//! sentence opener (`The`, `He`, `But`…). A reference marker after the stop (`1805. [6]`)
//! stays with its sentence. List markers (`1.`, `a.`) do not end a sentence.
//! Paragraph ends always end a sentence; inside a blank-line paragraph, a line break ends one
//! when the previous line ends in final punctuation, the next line starts with a bullet, or
//! the previous line is short (a headline, a signature) and the next starts with a capital.
//!
//! A full stop, `?` or `!` ends a sentence even before a lowercase word (web text; EWT train:
//! 424 of 437), except after a closing quote (`"Shame!" and …`); an ellipsis does so only
//! before a capital. Without final punctuation a sentence still ends after an URL, an e-mail
//! address or an emoticon before a new sentence, after a letter's closing formula
//! (`Thanks,` `Regards,`), around e-mail header dates (`03/27/2001 01:58 PM`) and separator
//! lines (`-----`), and after a parenthesis before a typical opener (`(BBC) The …`). Each rule
//! cites its precision on EWT train where it is defined; choices were made on EWT dev.

use super::boundary::BoundaryModel;
use super::lexicon;
use super::tokenize::{Piece, is_word_char};

/// Splits the pieces of one paragraph into sentences; appends end indices (exclusive) into
/// `pieces` to `ends`, the last one always `pieces.len()`. With a `model`, the learned model
/// decides (seeing the rules' decisions as features); without, the rules alone.
pub fn sentence_ends(text: &str, pieces: &[Piece], model: Option<&BoundaryModel>, ends: &mut Vec<usize>) {
    match model {
        None => rule_ends(text, pieces, ends),
        Some(m) => {
            let mut rules = Vec::with_capacity(pieces.len() / 8 + 1);
            rule_ends(text, pieces, &mut rules);
            m.sentence_ends(text, pieces, &rules, ends);
        }
    }
}

/// The rule splitter: sentence ends of one paragraph, as [`sentence_ends`].
pub fn rule_ends(text: &str, pieces: &[Piece], ends: &mut Vec<usize>) {
    let n = pieces.len();
    if n == 0 {
        return;
    }
    let mut start = 0;
    let mut max_line: Option<usize> = None;
    let mut i = 0;
    while i < n {
        let p = &pieces[i];
        let form = &text[p.start..p.end];
        let kind = terminal_kind(form, p);
        let mut split_after = None;
        if kind != Terminal::No {
            // glue closing quotes and brackets
            let mut j = i;
            loop {
                if j + 1 < n && is_closer(text, &pieces[j], &pieces[j + 1], pieces.get(j + 2)) {
                    j += 1;
                } else if let Some(k) = reference_marker(text, pieces, j + 1) {
                    j = k;
                } else {
                    break;
                }
            }
            if j + 1 >= n {
                split_after = Some(j);
            } else {
                let newline = gap_has_newline(text, pieces[j].end, pieces[j + 1].start);
                let decide = match kind {
                    Terminal::Punct => {
                        let list_marker = i == start
                            || (i == start + 1
                                && is_list_marker(&text[pieces[start].start..pieces[start].end])
                                && form == ".");
                        // an ellipsis is mostly sentence-internal before lowercase (EWT train:
                        // 172 of 194), a full stop, `?` or `!` mostly final even then (424 of 437)
                        let ellipsis = form.starts_with('…') || form.starts_with("..");
                        // `"Shame on you!" and holding signs`: after a closing quote a lowercase
                        // word continues the sentence
                        let quoted = pieces[i + 1..=j].iter().any(|p| is_quote(&text[p.start..p.end]));
                        !list_marker && (newline || starts_sentence(text, pieces, j + 1, !ellipsis && !quoted))
                    }
                    Terminal::AmbiguousAbbrev => newline || starts_sentence_strict(text, pieces, j + 1),
                    Terminal::No => false,
                };
                if decide {
                    split_after = Some(j);
                }
            }
            if split_after.is_none() {
                i = j;
            }
        }
        if split_after.is_none() && i + 1 < n && kind == Terminal::No && ends_unpunctuated(text, form, &pieces[i + 1]) {
            split_after = Some(i);
        }
        if split_after.is_none() && i + 1 < n && kind == Terminal::No && header_boundary(text, pieces, i) {
            split_after = Some(i);
        }
        if split_after.is_none()
            && form == ","
            && i > start
            && i + 1 < n
            && lexicon::is_closing_formula(&text[pieces[i - 1].start..pieces[i - 1].end])
            && first_char(text, &pieces[i + 1]).is_uppercase()
        {
            split_after = Some(i);
        }
        if split_after.is_none() && i + 1 < n && gap_has_newline(text, pieces[i].end, pieces[i + 1].start) {
            // soft line break inside a paragraph
            let max = *max_line.get_or_insert_with(|| max_line_len(text, pieces[0].start, pieces[n - 1].end));
            if line_break_ends_sentence(text, pieces, i, max) {
                split_after = Some(i);
            }
        }
        if let Some(j) = split_after {
            ends.push(j + 1);
            start = j + 1;
            i = j + 1;
        } else {
            i += 1;
        }
    }
    if ends.last() != Some(&n) {
        ends.push(n);
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Terminal {
    No,
    /// `.`, `!`, `?`, `...`, `…`
    Punct,
    /// `Inc.`, `etc.`, `U.S.`
    AmbiguousAbbrev,
}

fn terminal_kind(form: &str, p: &Piece) -> Terminal {
    let b = form.as_bytes();
    if b.is_empty() || p.joined {
        return Terminal::No;
    }
    if b.iter().all(|c| matches!(c, b'.' | b'!' | b'?')) || form.starts_with('…') {
        return Terminal::Punct;
    }
    if b.len() > 1 && b[b.len() - 1] == b'.' {
        let w = &form[..form.len() - 1];
        if w.contains('.') {
            // dotted: U.S., a.m., but not e.g. / i.e.
            let l = w.to_ascii_lowercase();
            return if l == "e.g" || l == "i.e" || l == "cf" {
                Terminal::No
            } else {
                Terminal::AmbiguousAbbrev
            };
        }
        if w.len() == 1 {
            return Terminal::No; // initial
        }
        if w.len() <= 6 && w.bytes().all(|c| c.is_ascii_alphabetic()) {
            let mut buf = [0u8; 6];
            for (k, c) in w.bytes().enumerate() {
                buf[k] = c.to_ascii_lowercase();
            }
            let l = &buf[..w.len()];
            if lexicon::never_ends_sentence(l) {
                return Terminal::No;
            }
            if lexicon::can_end_sentence(l) {
                return Terminal::AmbiguousAbbrev;
            }
            return Terminal::No; // months, days, `arrv.`: mid-sentence
        }
    }
    Terminal::No
}

/// `1`, `12`, `a`, `B`, `iv`: a list marker before a period.
fn is_list_marker(w: &str) -> bool {
    (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit())) || (w.len() == 1 && w.as_bytes()[0].is_ascii_alphabetic())
}

fn gap_has_newline(text: &str, a: usize, b: usize) -> bool {
    text.as_bytes()[a..b].contains(&b'\n')
}

/// Whether `next` (directly after `cur`) is a closing quote or bracket that belongs to the
/// sentence ending at `cur`.
fn is_closer(text: &str, cur: &Piece, next: &Piece, after: Option<&Piece>) -> bool {
    let f = &text[next.start..next.end];
    let attached = next.start == cur.end;
    match f {
        ")" | "]" | "}" | "”" | "’" | "»" | "''" | "’’" => true,
        "\"" | "'" => {
            // a straight quote glued to the stop closes; one separated by space opens the next
            // sentence unless nothing follows it on the line
            attached || after.is_none_or(|a| gap_has_newline(text, next.end, a.start))
        }
        _ => {
            // emoticons after a stop stay with its sentence (`Thanks. :)`)
            is_emoticon(f) || (attached && f.bytes().all(|b| matches!(b, b'.' | b'!' | b'?')))
        }
    }
}

/// A reference marker such as `[12]` or `[a]` starting at piece `k` (`Harrow in 1805. [6] An
/// undistinguished…`): it belongs to the sentence before it (GUM train: 69 of 70 before a
/// capital). Returns the index of its `]`.
fn reference_marker(text: &str, pieces: &[Piece], k: usize) -> Option<usize> {
    let f = |k: usize| pieces.get(k).map(|p| &text[p.start..p.end]);
    let inner = f(k + 1)?;
    let short_ref = inner.len() <= 3 && (inner.bytes().all(|b| b.is_ascii_digit()) || (inner.len() == 1 && inner.as_bytes()[0].is_ascii_lowercase()));
    (f(k)? == "[" && short_ref && f(k + 2)? == "]").then_some(k + 2)
}

/// First char of the piece's form.
fn first_char(text: &str, p: &Piece) -> char {
    text[p.start..].chars().next().unwrap_or(' ')
}

/// Whether piece `k` can start a sentence; `lowercase_ok`: a lowercase word can (web text
/// often starts sentences in lowercase).
fn starts_sentence(text: &str, pieces: &[Piece], k: usize, lowercase_ok: bool) -> bool {
    let p = &pieces[k];
    let c = first_char(text, p);
    if c.is_uppercase() || c.is_ascii_digit() {
        return true;
    }
    if c.is_lowercase() {
        if lowercase_ok {
            return true;
        }
        let f = &text[p.start..p.end];
        return f == "i"
            && !pieces
                .get(k + 1)
                .is_some_and(|n| n.start == p.end && &text[n.start..n.end] == ".");
    }
    if is_word_char(c) {
        return true; // scripts without case
    }
    match c {
        ',' | ';' | ':' | ')' | ']' | '}' | '%' | '”' | '’' | '»' => false,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '`' | '{' => pieces.get(k + 1).is_none_or(|n| {
            let c = first_char(text, n);
            lowercase_ok || !c.is_lowercase()
        }),
        '.' | '!' | '?' => false,
        _ => true,
    }
}

/// After an ambiguous abbreviation: only a typical sentence opener starts a new sentence.
fn starts_sentence_strict(text: &str, pieces: &[Piece], k: usize) -> bool {
    let p = &pieces[k];
    let f = &text[p.start..p.end];
    if lexicon::is_sentence_starter(f) {
        return true;
    }
    match f {
        "\"" | "“" => pieces.get(k + 1).is_some_and(|n| first_char(text, n).is_uppercase()),
        _ => false,
    }
}

/// Longest line (in bytes, trimmed) of the paragraph `[a, b)`.
fn max_line_len(text: &str, a: usize, b: usize) -> usize {
    text[a..b].split('\n').map(|l| l.trim().len()).max().unwrap_or(0)
}

/// A line break between piece `i` and `i + 1` inside a paragraph.
fn line_break_ends_sentence(text: &str, pieces: &[Piece], i: usize, max_line: usize) -> bool {
    let next = &pieces[i + 1];
    let nf = &text[next.start..next.end];
    let c = first_char(text, next);
    // bullets and list items
    if matches!(nf, "-" | "*" | "•" | "·" | "o" | ">" | "--") || matches!(c, '•' | '·' | '▪' | '►' | '➢') {
        return true;
    }
    if pieces
        .get(i + 2)
        .is_some_and(|n| is_list_marker(nf) && n.start == next.end && matches!(&text[n.start..n.end], "." | ")"))
    {
        return true;
    }
    let prev_line_start = text[..pieces[i].end].rfind('\n').map_or(0, |x| x + 1);
    let prev_line = text[prev_line_start..pieces[i].end].trim();
    let pf = &text[pieces[i].start..pieces[i].end];
    // a line ending in a comma, a hyphen or a conjunction continues
    if matches!(pf, "," | "-" | "–" | "&" | "and" | "or" | "of" | "the" | "to" | "a") {
        return false;
    }
    let short = prev_line.len() * 10 < max_line * 6;
    short && (c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '('))
}

fn is_emoticon(f: &str) -> bool {
    f.len() >= 2
        && f.len() <= 4
        && matches!(f.as_bytes()[0], b':' | b';' | b'=' | b'^' | b'<')
        && f != "<<"
        && !f.bytes().all(|b| b == b'=')
}

/// Web text often ends a sentence without punctuation after an URL, an e-mail address or an
/// emoticon. EWT train: URL + letter 93 of 102 end a sentence, e-mail + capital or digit 38 of
/// 41, emoticon + capital 19 of 26.
fn ends_unpunctuated(text: &str, form: &str, next: &Piece) -> bool {
    let c = first_char(text, next);
    let b = form.as_bytes();
    let lower_starts = |pre: &[u8]| b.len() > pre.len() && b[..pre.len()].eq_ignore_ascii_case(pre);
    if lower_starts(b"http://") || lower_starts(b"https://") || lower_starts(b"www.") {
        return c.is_alphabetic();
    }
    if b.len() > 4 && b[1..].contains(&b'@') && b.iter().rposition(|&x| x == b'.') > b.iter().position(|&x| x == b'@') {
        return c.is_uppercase() || c.is_ascii_digit();
    }
    if form == ")" {
        // `(BBC) The Palestinian…` but not `the United Nations (UN) Security Council`
        return lexicon::is_sentence_starter(&text[next.start..next.end]);
    }
    is_emoticon(form) && c.is_uppercase()
}

/// E-mail headers and separator lines (EWT train): a sentence ends after `03/27/2001 01:58 PM`
/// (147 of 147) and before such a date + time (139 of 153); before and after a separator run
/// such as `-----` or `*****` (51 of 71, 45 of 71).
fn header_boundary(text: &str, pieces: &[Piece], i: usize) -> bool {
    let f = |k: usize| pieces.get(k).map_or("", |p| &text[p.start..p.end]);
    let form = f(i);
    if (form == "AM" || form == "PM") && i >= 2 && is_time(f(i - 1)) && is_date(f(i - 2)) {
        return true;
    }
    if is_date(f(i + 1)) && is_time(f(i + 2)) {
        return true;
    }
    is_separator(form) || is_separator(f(i + 1))
}

fn is_separator(f: &str) -> bool {
    let b = f.as_bytes();
    b.len() >= 3 && matches!(b[0], b'_' | b'=' | b'*' | b'~' | b'#' | b'-') && b.iter().all(|&c| c == b[0])
}

/// `03/27/2001`, `10/08/99`
fn is_date(f: &str) -> bool {
    digit_groups(f, b'/', 1..=4) == Some(3)
}

/// Number of `sep`-separated groups of ASCII digits in `f`, each of a length in `len`; `None`
/// if anything else occurs.
fn digit_groups(f: &str, sep: u8, len: std::ops::RangeInclusive<usize>) -> Option<usize> {
    if !f.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let mut groups = 0;
    for g in f.as_bytes().split(|&b| b == sep) {
        if !len.contains(&g.len()) || !g.iter().all(u8::is_ascii_digit) {
            return None;
        }
        groups += 1;
    }
    Some(groups)
}

/// `01:58`, `06:03:48`
fn is_time(f: &str) -> bool {
    matches!(digit_groups(f, b':', 1..=2), Some(2 | 3))
}

fn is_quote(f: &str) -> bool {
    matches!(f, "\"" | "'" | "”" | "’" | "''" | "’’" | "»")
}
