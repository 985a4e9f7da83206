//! The rule-based scanner: raw text → [`Piece`]s (byte ranges of syntactic words).
//!
//! One left-to-right pass over the text with no regular expressions and no allocation per
//! piece. Whitespace separates chunks; inside a chunk a word scanner and a punctuation scanner
//! alternate. Conventions follow UD English EWT (see the module doc of [`crate::text`]).

use super::lexicon;

/// One syntactic word as a byte range of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    /// This word belongs to the same surface token as the previous one (a multi-word token such
    /// as `do|n't`, `Strand|'s`, `gon|na`).
    pub joined: bool,
    /// Normalised form when it differs from the text (`’s` → `'s`).
    pub norm: Option<&'static str>,
}

impl Piece {
    pub fn form<'a>(&self, text: &'a str) -> &'a str {
        self.norm.unwrap_or(&text[self.start..self.end])
    }
}

/// Whether `c` continues a word: letters, digits and combining marks / joiners.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_mark(c) || c == '\u{AD}'
    }
}

/// Characters that print nothing inside Latin words: soft hyphen, zero-width space / non-joiner /
/// joiner, word joiner, byte-order mark. Web text carries them inside names (`Xtra\u{200D}'s`);
/// token forms drop them (spans keep them, so the text still rebuilds from the spans).
#[inline]
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// `form` without invisible characters, unless nothing else is left.
pub(crate) fn visible_form(form: &str) -> std::borrow::Cow<'_, str> {
    if !form.chars().any(is_invisible) || form.chars().all(is_invisible) {
        return std::borrow::Cow::Borrowed(form);
    }
    std::borrow::Cow::Owned(form.chars().filter(|&c| !is_invisible(c)).collect())
}

/// Combining marks, zero-width joiner and variation selectors (approximation of \p{M}).
#[inline]
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C | 0x200D
        | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0xE0100..=0xE01EF)
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Scanner state over the whole text.
struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    out: &'a mut Vec<Piece>,
    /// An opening single quote (`'` at a word start, or `‘`) is waiting for its closing one, so a
    /// `'` after a word ending in `s` closes the quote instead of marking a plural possessive.
    single_quote_open: bool,
}

/// Decodes the char at byte `i` (which must be a char boundary inside `s`).
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = s[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

/// The char ending just before byte `i`.
#[inline]
fn char_before(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}

/// Scans `text` and appends its words to `out`.
pub fn scan(text: &str, out: &mut Vec<Piece>) {
    let mut sc = Scanner {
        text,
        bytes: text.as_bytes(),
        out,
        single_quote_open: false,
    };
    let len = text.len();
    let mut i = 0;
    while i < len {
        let b = sc.bytes[i];
        if b < 0x80 {
            if (b as char).is_whitespace() {
                if b == b'\n' {
                    sc.single_quote_open = false;
                }
                i += 1;
                continue;
            }
        } else {
            let (c, w) = char_at(text, i).unwrap();
            if c.is_whitespace() {
                i += w;
                continue;
            }
        }
        // chunk [i, j)
        let mut j = i;
        while j < len {
            let b = sc.bytes[j];
            if b < 0x80 {
                if (b as char).is_whitespace() {
                    break;
                }
                j += 1;
            } else {
                let (c, w) = char_at(text, j).unwrap();
                if c.is_whitespace() {
                    break;
                }
                j += w;
            }
        }
        sc.chunk(i, j);
        i = j;
    }
}

impl<'a> Scanner<'a> {
    fn push(&mut self, start: usize, end: usize) {
        debug_assert!(start < end);
        self.out.push(Piece {
            start,
            end,
            joined: false,
            norm: None,
        });
    }

    fn chunk(&mut self, start: usize, end: usize) {
        let mut p = start;
        while p < end {
            // URLs and e-mail addresses, at the chunk start or after an opening bracket/quote.
            if (p == start || matches!(self.bytes[p - 1], b'(' | b'<' | b'[' | b'"' | b'\''))
                && let Some(q) = self.url_or_email(p, end)
            {
                self.push(p, q);
                p = q;
                continue;
            }
            let (c, w) = char_at(self.text, p).unwrap();
            if is_word_char(c) {
                p = self.word(p, end, start);
            } else {
                p = self.punct(p, c, w, end, start);
            }
        }
    }

    /// An URL or e-mail address starting at `p`: its end (trailing punctuation excluded).
    fn url_or_email(&self, p: usize, end: usize) -> Option<usize> {
        let s = &self.bytes[p..end];
        let lower_starts = |pre: &[u8]| s.len() > pre.len() && s[..pre.len()].eq_ignore_ascii_case(pre);
        let mut q = if lower_starts(b"http://")
            || lower_starts(b"https://")
            || lower_starts(b"ftp://")
            || lower_starts(b"mailto:")
            || (lower_starts(b"www.") && s.len() > 5 && s[4].is_ascii_alphanumeric())
        {
            end
        } else {
            // e-mail: local@domain.tld
            let local = s
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(b))
                .count();
            if local == 0 || local >= s.len() || s[local] != b'@' {
                return None;
            }
            let dom = s[local + 1..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || b".-".contains(b))
                .count();
            let domain = &s[local + 1..local + 1 + dom];
            let domain = trim_end_bytes(domain, b".-");
            let dot = domain.iter().rposition(|&b| b == b'.')?;
            if dot == 0 || domain.len() - dot - 1 < 2 || !domain[dot + 1..].iter().all(u8::is_ascii_alphabetic) {
                return None;
            }
            p + local + 1 + domain.len()
        };
        // strip trailing punctuation (a closing bracket only when unbalanced); bracket balance
        // (opening minus closing) is counted once and updated as characters are stripped
        let mut balance = [0isize; 3];
        for &b in &self.bytes[p..q] {
            match b {
                b'(' => balance[0] += 1,
                b')' => balance[0] -= 1,
                b'[' => balance[1] += 1,
                b']' => balance[1] -= 1,
                b'{' => balance[2] += 1,
                b'}' => balance[2] -= 1,
                _ => {}
            }
        }
        while let Some(c) = char_before(self.text, q) {
            if q <= p + 1 {
                break;
            }
            let strip = match c {
                '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '’' | '”' | '»' | '>' => true,
                ')' | ']' | '}' => {
                    let k = match c {
                        ')' => 0,
                        ']' => 1,
                        _ => 2,
                    };
                    let unbalanced = balance[k] < 0;
                    if unbalanced {
                        balance[k] += 1;
                    }
                    unbalanced
                }
                _ => false,
            };
            if !strip {
                break;
            }
            q -= c.len_utf8();
        }
        (q > p + 4).then_some(q)
    }

    /// Scans a word starting at `p` (a word char); emits its pieces and returns where it ends.
    fn word(&mut self, p: usize, end: usize, chunk_start: usize) -> usize {
        let text = self.text;
        let mut q = p;
        let mut has_hyphen = false;
        loop {
            // run of word chars
            while q < end {
                let (c, w) = char_at(text, q).unwrap();
                if !is_word_char(c) {
                    break;
                }
                q += w;
            }
            if q >= end {
                break;
            }
            let (c, w) = char_at(text, q).unwrap();
            let next = char_at(text, q + w).filter(|_| q + w < end).map(|x| x.0);
            let prev = if q > p {
                char_before(text, q).unwrap_or(' ')
            } else {
                ' '
            };
            let next_word = next.is_some_and(is_word_char);
            let joins = match c {
                '.' => next_word,
                ',' => {
                    prev.is_ascii_digit()
                        && next.is_some_and(|n| n.is_ascii_digit())
                        && digits_after(self.bytes, q + 1, end) == 3
                }
                ':' | '/' if prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()) => true,
                // an invisible joiner between name and clitic (`Xtra\u{200D}'s`) is part of the word
                '\'' | '’' => next.is_some_and(char::is_alphabetic) && (prev.is_alphanumeric() || is_invisible(prev)),
                '&' => prev.is_ascii_uppercase() && next.is_some_and(|n| n.is_ascii_uppercase()),
                '-' => {
                    if next_word {
                        has_hyphen = true;
                    }
                    next_word
                }
                '_' => next_word,
                '/' if q - p == 1 && matches!(self.bytes[p], b'b' | b'B' | b'w' | b'W') => {
                    // `b/c`, `w/o`, `w/`
                    let rest = &self.bytes[q + 1..end];
                    let tail = rest.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
                    if matches!(self.bytes[p], b'b' | b'B') {
                        if tail == 1 && rest[0].eq_ignore_ascii_case(&b'c') {
                            q += 2;
                        }
                    } else if tail == 1 && rest[0].eq_ignore_ascii_case(&b'o') {
                        q += 2;
                    } else {
                        q += 1;
                    }
                    false
                }
                '@' => next_word && prev.is_alphanumeric(),
                '$' => {
                    // US$, A$, NZ$, HK$
                    let w0 = &self.bytes[p..q];
                    if w0.len() <= 3 && w0.iter().all(u8::is_ascii_uppercase) {
                        q += 1;
                    }
                    false
                }
                _ => false,
            };
            if !joins {
                break;
            }
            q += w;
        }
        // A trailing period belongs to an abbreviation or an initial.
        if q < end
            && self.bytes[q] == b'.'
            && is_abbreviation(last_hyphen_part(&text[p..q]))
            && (!text[p..q].eq_ignore_ascii_case("no") || next_non_space_is_digit(self.bytes, q + 1))
        {
            let dots = self.bytes[q..end].iter().take_while(|&&b| b == b'.').count();
            // `Inc.` but also `Inc..` → `Inc.` `.`; `etc...` keeps its ellipsis
            if dots == 1 || dots == 2 {
                q += 1;
            }
        }
        // A plural possessive apostrophe (`parents'`), unless it closes a single quote.
        let mut possessive = None;
        if q < end
            && !self.single_quote_open
            && matches!(self.bytes[q - 1], b's' | b'S')
            && let Some((c, w)) = char_at(text, q)
            && is_apostrophe(c)
            && !char_at(text, q + w).is_some_and(|(n, _)| q + w < end && is_word_char(n))
            && q - p > 1
        {
            possessive = Some(q + w);
        }
        let _ = chunk_start;
        if q == p {
            // cannot happen for a word char; keep the scanner moving whatever the input
            let w = char_at(text, p).map_or(1, |x| x.1);
            self.push(p, p + w);
            return p + w;
        }
        self.emit_word(p, q, has_hyphen);
        if let Some(e) = possessive {
            self.out.push(Piece {
                start: q,
                end: e,
                joined: true,
                norm: if self.bytes[q] == b'\'' { None } else { Some("'") },
            });
            return e;
        }
        q
    }

    /// Emits the word `[p, q)`, split into clitics, hyphen parts and number + unit.
    fn emit_word(&mut self, p: usize, q: usize, has_hyphen: bool) {
        let text = self.text;
        let w = &text[p..q];
        // `alot` is two words in EWT
        if w.eq_ignore_ascii_case("alot") {
            self.push(p, p + 1);
            self.push(p + 1, q);
            return;
        }
        // clitics
        if let Some((cut, norm)) = clitic_split(w) {
            self.emit_base(p, p + cut, has_hyphen);
            self.out.push(Piece {
                start: p + cut,
                end: q,
                joined: true,
                norm,
            });
            return;
        }
        self.emit_base(p, q, has_hyphen);
    }

    fn emit_base(&mut self, p: usize, q: usize, has_hyphen: bool) {
        if has_hyphen && text_has(&self.bytes[p..q], b'-') {
            self.emit_hyphenated(p, q);
            return;
        }
        if let Some(cut) = number_unit_split(&self.text[p..q]) {
            self.push(p, p + cut);
            self.push(p + cut, q);
            return;
        }
        self.push(p, q);
    }

    /// EWT splits hyphenated compounds (`anti - Israel`, `Quillen - Strand`) except after a closed set
    /// of prefixes (`non-`, `pre-`, `e-mail`) and inside phone numbers and digit codes.
    fn emit_hyphenated(&mut self, p: usize, q: usize) {
        let w = &self.text[p..q];
        let parts: Vec<&str> = w.split('-').collect();
        let all_digits = parts
            .iter()
            .all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()));
        let phone =
            all_digits && (parts.len() >= 3 || (parts.len() == 2 && parts[0].len() <= 3 && parts[1].len() == 4));
        // letter+digit codes with several hyphens (`x3-9890-1`) stay whole too
        let code = parts.len() >= 3 && parts.iter().all(|s| s.bytes().any(|b| b.is_ascii_digit()));
        if phone || code {
            self.push(p, q);
            return;
        }
        let mut seg_start = p;
        let mut off = p;
        for (k, part) in parts.iter().enumerate() {
            let part_end = off + part.len();
            let last = k + 1 == parts.len();
            if !last {
                let keep = k == 0 && lexicon::is_hyphen_prefix(part);
                if !keep {
                    if seg_start < part_end {
                        self.emit_simple(seg_start, part_end);
                    }
                    self.push(part_end, part_end + 1);
                    seg_start = part_end + 1;
                }
            } else if seg_start < part_end {
                self.emit_simple(seg_start, part_end);
            }
            off = part_end + 1;
        }
    }

    fn emit_simple(&mut self, p: usize, q: usize) {
        if let Some(cut) = number_unit_split(&self.text[p..q]) {
            self.push(p, p + cut);
            self.push(p + cut, q);
        } else {
            self.push(p, q);
        }
    }

    /// Scans punctuation or a symbol starting at `p`; returns where it ends.
    fn punct(&mut self, p: usize, c: char, w: usize, end: usize, chunk_start: usize) -> usize {
        let bytes = self.bytes;
        let next_b = |i: usize| if i < end { Some(bytes[i]) } else { None };
        // emoticons
        if let Some(n) = emoticon(&bytes[p..end]) {
            let after = p + n;
            let ok_after = after >= end || !char_at(self.text, after).is_some_and(|(c, _)| is_word_char(c));
            let ok_before = p == chunk_start || !matches!(c, '(' | '=');
            if ok_after && ok_before {
                self.push(p, after);
                return after;
            }
        }
        let run_of = |b0: u8| {
            let mut q = p;
            while q < end && bytes[q] == b0 {
                q += 1;
            }
            q
        };
        let q = match c {
            '.' | '!' | '?' => {
                // `.5`
                if c == '.'
                    && next_b(p + 1).is_some_and(|b| b.is_ascii_digit())
                    && (p == chunk_start || !char_before(self.text, p).is_some_and(is_word_char))
                {
                    return self.word(p, end, chunk_start);
                }
                // `.doc`, `.pdf` after a file name cut by a bracket: one token
                if c == '.'
                    && let Some(n) = file_extension(&bytes[p + 1..end])
                {
                    self.push(p, p + 1 + n);
                    return p + 1 + n;
                }
                let mut q = p;
                while q < end && matches!(bytes[q], b'.' | b'!' | b'?') {
                    q += 1;
                }
                // `...?` is `...` `?` (but `.?` and `?!` are one token, as in EWT)
                let dots = bytes[p..q].iter().take_while(|&&b| b == b'.').count();
                if dots >= 2 && dots < q - p {
                    q = p + dots;
                }
                q
            }
            '#' if next_b(p + 1).is_some_and(|b| b.is_ascii_alphabetic()) => {
                // hashtag / channel name
                let mut q = p + 1;
                while q < end && (bytes[q].is_ascii_alphanumeric() || bytes[q] == b'_') {
                    q += 1;
                }
                q
            }
            '$' => run_of(b'$'),
            '…' => {
                let mut q = p + w;
                while q < end && (bytes[q] == b'.' || self.text[q..].starts_with('…')) {
                    q += if bytes[q] == b'.' { 1 } else { 3 };
                }
                q
            }
            '-' | '*' | '_' | '=' | '~' | '#' | '<' | '>' | '+' | '^' | '`' => run_of(c as u8),
            '–' | '—' | '―' => {
                let mut q = p;
                while self.text[q..end].starts_with(c) {
                    q += w;
                }
                q
            }
            '\'' => {
                // '72, '90s
                if next_b(p + 1).is_some_and(|b| b.is_ascii_digit())
                    && next_b(p + 2).is_some_and(|b| b.is_ascii_digit())
                    && !next_b(p + 3).is_some_and(|b| b.is_ascii_digit())
                {
                    let mut q = p + 3;
                    if next_b(q) == Some(b's') {
                        q += 1;
                    }
                    if !next_b(q).is_some_and(|b| b.is_ascii_alphanumeric()) {
                        self.push(p, q);
                        return q;
                    }
                }
                if next_b(p + 1) == Some(b'\'') {
                    p + 2
                } else {
                    let at_start = p == chunk_start || !char_before(self.text, p).is_some_and(is_word_char);
                    let before_word = char_at(self.text, p + 1).is_some_and(|(n, _)| p + 1 < end && is_word_char(n));
                    self.single_quote_open = at_start && before_word;
                    p + 1
                }
            }
            '‘' => {
                self.single_quote_open = true;
                p + w
            }
            '’' => {
                self.single_quote_open = false;
                p + w
            }
            _ => {
                // one symbol, with any combining marks / joiners / variation selectors after it
                let mut q = p + w;
                while let Some((n, nw)) = char_at(self.text, q).filter(|_| q < end) {
                    if is_mark(n) && !n.is_alphanumeric() {
                        q += nw;
                        if n == '\u{200D}'
                            && let Some((_, w2)) = char_at(self.text, q).filter(|_| q < end)
                        {
                            q += w2;
                        }
                    } else {
                        break;
                    }
                }
                q
            }
        };
        self.push(p, q);
        q
    }
}

fn text_has(s: &[u8], b: u8) -> bool {
    s.contains(&b)
}

fn trim_end_bytes<'b>(mut s: &'b [u8], set: &[u8]) -> &'b [u8] {
    while let Some(last) = s.last() {
        if set.contains(last) {
            s = &s[..s.len() - 1];
        } else {
            break;
        }
    }
    s
}

/// Number of ASCII digits starting at `i`.
fn digits_after(b: &[u8], i: usize, end: usize) -> usize {
    b[i..end].iter().take_while(|b| b.is_ascii_digit()).count()
}

/// An emoticon at the start of `s`: its length in bytes.
fn emoticon(s: &[u8]) -> Option<usize> {
    const LIST: &[&[u8]] = &[
        b":-)", b":-(", b":-D", b":-P", b":-p", b":-/", b";-)", b":'(", b"^_^", b"^^", b":)", b":(", b":D", b":P",
        b":p", b":/", b";)", b"=)", b"=(", b"(:", b"<3", b":O", b":o", b"8)", b";(",
    ];
    let first = *s.first()?;
    if !matches!(first, b':' | b';' | b'=' | b'(' | b'<' | b'^' | b'8') {
        return None;
    }
    LIST.iter()
        .find(|e| s.starts_with(e))
        .map(|e| {
            // `:/` only as a whole chunk tail (not `http:/`), `8)` only alone
            e.len()
        })
        .filter(|&n| {
            let e = &s[..n];
            !(e == b":/" || e == b"8)" || e == b":o" || e == b":O") || s.len() == n
        })
}

/// Whether `w` (the word before a `.`) takes the period: known abbreviations, initials
/// (`M`), dotted abbreviations (`U.S`, `i.e`, `Ph.D`).
fn is_abbreviation(w: &str) -> bool {
    let b = w.as_bytes();
    if b.len() == 1 {
        return b[0].is_ascii_alphabetic();
    }
    if b.contains(&b'.') {
        // every dot-separated segment is 1–2 letters (U.S, a.m, Ph.D, a.k.a)
        return w
            .split('.')
            .all(|s| (1..=2).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_alphabetic()));
    }
    lexicon::is_abbreviation(w)
}

/// Where to split a clitic off the end of `w`: the byte offset and the normalised clitic form.
fn clitic_split(w: &str) -> Option<(usize, Option<&'static str>)> {
    let b = w.as_bytes();
    let n = b.len();
    if n < 2 {
        return None;
    }
    // apostrophe forms: split at the last apostrophe
    if let Some(a) = w.rfind(['\'', '’']) {
        if a == 0 {
            return None;
        }
        let curly = b[a] != b'\'';
        let suffix = &w[a + if curly { 3 } else { 1 }..];
        // n't: the `n` before the apostrophe goes with the clitic
        if suffix.eq_ignore_ascii_case("t") && a >= 2 && matches!(b[a - 1], b'n' | b'N') {
            let norm = (curly && b[a - 1] == b'n' && suffix == "t").then_some("n't");
            return Some((a - 1, norm));
        }
        const CLITICS: [(&str, &str); 6] = [
            ("s", "'s"),
            ("m", "'m"),
            ("d", "'d"),
            ("ll", "'ll"),
            ("re", "'re"),
            ("ve", "'ve"),
        ];
        let lower = suffix.bytes().all(|c| c.is_ascii_lowercase());
        let upper = suffix.bytes().all(|c| c.is_ascii_uppercase());
        if lower || upper {
            for (c, canon) in CLITICS {
                if suffix.eq_ignore_ascii_case(c) {
                    return Some((a, (curly && lower).then_some(canon)));
                }
            }
        }
        return None;
    }
    // apostrophe-less contractions of the colloquial register
    if n <= 8 {
        let mut buf = [0u8; 8];
        for (i, c) in b.iter().enumerate() {
            buf[i] = c.to_ascii_lowercase();
        }
        return lexicon::bare_contraction(&buf[..n]).map(|cut| (cut, None));
    }
    None
}

/// `5kg`, `11:30am`, `15mm`: the number part's length when a known unit follows.
fn number_unit_split(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    if !b.first()?.is_ascii_digit() {
        return None;
    }
    let num = b
        .iter()
        .take_while(|c| c.is_ascii_digit() || matches!(c, b'.' | b',' | b':'))
        .count();
    if num == b.len() || !b[num - 1].is_ascii_digit() {
        return None;
    }
    let unit = &w[num..];
    lexicon::is_unit(unit).then_some(num)
}

/// A file extension right after a `.`: its length, when nothing word-like follows it.
fn file_extension(s: &[u8]) -> Option<usize> {
    let n = s.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    if n == 0 || n > 4 || s.get(n).is_some_and(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let mut buf = [0u8; 4];
    for (i, b) in s[..n].iter().enumerate() {
        buf[i] = b.to_ascii_lowercase();
    }
    matches!(
        &buf[..n],
        b"doc"
            | b"docx"
            | b"pdf"
            | b"xls"
            | b"xlsx"
            | b"ppt"
            | b"pptx"
            | b"htm"
            | b"html"
            | b"txt"
            | b"jpg"
            | b"jpeg"
            | b"png"
            | b"gif"
            | b"zip"
            | b"exe"
            | b"csv"
            | b"rtf"
            | b"mp3"
            | b"wav"
            | b"mpg"
    )
    .then_some(n)
}

/// `No. 5`: the first non-space byte after `i` is a digit.
fn next_non_space_is_digit(b: &[u8], i: usize) -> bool {
    b[i.min(b.len())..]
        .iter()
        .find(|c| !c.is_ascii_whitespace())
        .is_some_and(u8::is_ascii_digit)
}

/// The part after the last hyphen (`ESBL-E` → `E`), which is what a final period attaches to
/// once the hyphenated word is split.
fn last_hyphen_part(w: &str) -> &str {
    w.rfind('-').map_or(w, |h| &w[h + 1..])
}
