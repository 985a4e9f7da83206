//! Matching names against the gazetteer: the key form of a word or name (lowercase, diacritics
//! and full stops removed), the capitalisation check that keeps common words from matching
//! (acronyms in capitals, other names capitalised on every content word), lookups by name,
//! demonym and country, and the longest-match scan over a token sequence.
//!
//! In: token forms or a name. Out: candidate entries, [`GazMatch`]es.

use super::{GazEntry, GazMatch, Gazetteer, HAS_LONGER, MAX_TOKENS, Via};
use crate::document::EntityType;

pub(super) fn cand_index(v: u64) -> Option<usize> {
    let i = (v & 0xffff_ffff) as usize;
    i.checked_sub(1)
}

/// Folds one character for keys into `out`: lowercase, common Latin diacritics removed, curly
/// apostrophes made straight; full stops are dropped.
pub(super) fn fold_char(c: char, out: &mut String) {
    match c {
        '.' => {}
        '’' | '‘' | '`' | '´' => out.push('\''),
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        c if c.is_ascii() => out.push(c),
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => out.push('a'),
        'æ' | 'Æ' => out.push_str("ae"),
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => out.push('c'),
        'ď' | 'đ' | 'Đ' | 'Ď' => out.push('d'),
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => out.push('e'),
        'ğ' | 'Ğ' => out.push('g'),
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'İ' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => out.push('i'),
        'ł' | 'Ł' | 'ľ' | 'Ľ' => out.push('l'),
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => out.push('n'),
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => out.push('o'),
        'œ' | 'Œ' => out.push_str("oe"),
        'ř' | 'Ř' => out.push('r'),
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => out.push('s'),
        'ß' => out.push_str("ss"),
        'ť' | 'ţ' | 'ț' | 'Ť' | 'Ţ' | 'Ț' => out.push('t'),
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' => out.push('u'),
        'ý' | 'ÿ' | 'Ý' => out.push('y'),
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => out.push('z'),
        'þ' | 'Þ' => out.push_str("th"),
        'ð' | 'Ð' => out.push('d'),
        c => {
            for l in c.to_lowercase() {
                out.push(l);
            }
        }
    }
}

/// Appends the key form of one word (lowercased, folded, full stops dropped).
pub fn push_key_word(word: &str, out: &mut String) {
    for c in word.chars() {
        fold_char(c, out);
    }
}

/// The key of a whole name: words split on whitespace, each folded, joined by one space.
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for w in name.split_whitespace() {
        let before = out.len();
        if !out.is_empty() {
            out.push(' ');
        }
        let start = out.len();
        push_key_word(w, &mut out);
        if out.len() == start {
            out.truncate(before);
        }
    }
    out
}

/// Lowercase words that may appear inside a name without a capital (`Republic of Colombia`).
pub(super) fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "the" | "and" | "for" | "on" | "de" | "da" | "do" | "del" | "la" | "le" | "el" | "al" | "du" | "des"
            | "di" | "in" | "&" | "-" | "y" | "'s" | "’s" | "to" | "at" | "an"
    )
}

pub(super) fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// All letters uppercase and at least one letter.
pub(super) fn all_caps(w: &str) -> bool {
    let mut any = false;
    for c in w.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            any = true;
        }
    }
    any
}

pub(super) fn case_ok(words: &[&str], via: Via) -> bool {
    match via {
        Via::Acronym => words.iter().all(|w| all_caps(w) || !w.chars().any(char::is_alphabetic)),
        _ => {
            starts_upper(words[0])
                && words[1..].iter().all(|w| starts_upper(w) || is_connector(w) || !w.chars().any(char::is_alphabetic))
        }
    }
}

impl Gazetteer {
    /// All candidates for a name, best first, ignoring capitalisation rules.
    pub fn candidates(&self, name: &str) -> &[(u32, Via)] {
        let key = name_key(name);
        match self.map.get(key.as_bytes()).and_then(cand_index) {
            Some(i) => &self.cands[i],
            None => &[],
        }
    }

    /// Best entry for a name (any spelling, alias or acronym; demonyms excluded).
    pub fn lookup(&self, name: &str) -> Option<&GazEntry> {
        self.lookup_id(name).map(|i| self.entry(i))
    }

    /// Like [`Gazetteer::lookup`], returning the id.
    pub fn lookup_id(&self, name: &str) -> Option<u32> {
        self.candidates(name).iter().find(|(_, v)| *v != Via::Demonym).map(|&(e, _)| e)
    }

    /// The country of a demonym (`Colombian`, `Colombians` → Colombia).
    pub fn demonym(&self, word: &str) -> Option<&GazEntry> {
        self.demonym_id(word).map(|i| self.entry(i))
    }

    pub fn demonym_id(&self, word: &str) -> Option<u32> {
        self.candidates(word).iter().find(|(_, v)| *v == Via::Demonym).map(|&(e, _)| e)
    }

    /// The country an entry stands for when it acts as an agent: itself for countries, the
    /// country for capitals and seats of government, `None` otherwise.
    pub fn agent_country(&self, id: u32) -> Option<u32> {
        let e = self.entry(id);
        match e.kind {
            EntityType::Country => Some(id),
            _ if e.seat_of.is_some() => e.seat_of,
            _ => None,
        }
    }

    /// Longest left-to-right matches in a token sequence. Each token belongs to at most one match.
    pub fn find_spans(&self, words: &[&str]) -> Vec<GazMatch> {
        let mut out = Vec::new();
        let mut key = String::with_capacity(64);
        let mut i = 0;
        while i < words.len() {
            if !starts_upper(words[i]) {
                i += 1;
                continue;
            }
            key.clear();
            let mut best: Option<GazMatch> = None;
            let mut j = i;
            while j < words.len() && j - i < MAX_TOKENS {
                let before = key.len();
                if j > i {
                    key.push(' ');
                }
                push_key_word(words[j], &mut key);
                if key.len() == before + usize::from(j > i) {
                    // the word was only full stops: not part of a name
                    break;
                }
                j += 1;
                let Some(v) = self.map.get(key.as_bytes()) else { break };
                if let Some(ci) = cand_index(v)
                    && let Some(&(e, via)) = self.cands[ci].iter().find(|&&(_, via)| case_ok(&words[i..j], via)) {
                        let kind = if via == Via::Demonym { EntityType::Country } else { self.entries[e as usize].kind };
                        best = Some(GazMatch { tokens: i..j, kind, entry: e, via });
                    }
                if v & HAS_LONGER == 0 {
                    break;
                }
            }
            match best {
                Some(m) => {
                    i = m.tokens.end;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }
}
