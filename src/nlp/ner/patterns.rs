//! Rule-based Date, Money and Quantity mentions over a sentence's tokens.
//!
//! In: the words (and UPOS tags when present) of one sentence. Out: non-overlapping token ranges
//! with [`EntityType::Date`], [`EntityType::Money`] or [`EntityType::Quantity`], left to right.
//! Examples: `February 3, 2026`, `January, 2025`, `last year`, `Friday`, `since 2015` → `2015`;
//! `$4.25`, `$ 4 billion`, `billions of dollars`; `20 flights`, `20 %`.

use crate::document::EntityType;
use std::ops::Range;

const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
    "jan", "feb", "aug", "sept", "oct", "nov", "dec",
];
const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const REL_MOD: &[&str] = &["last", "next", "this", "past", "coming", "previous", "same", "following", "early", "late"];
const REL_UNIT: &[&str] = &[
    "year", "month", "week", "weekend", "decade", "century", "spring", "summer", "autumn", "fall", "winter",
    "morning", "afternoon", "evening", "night", "quarter",
];
const DEICTIC: &[&str] = &["yesterday", "today", "tomorrow", "tonight"];
const TIME_UNITS: &[&str] = &["day", "days", "week", "weeks", "month", "months", "year", "years", "decades", "decade"];
const YEAR_PREPS: &[&str] = &["in", "since", "by", "from", "until", "till", "of", "during", "before", "after", "to", "through", "circa", "early", "late", "mid", "around"];
const CURRENCY_SYMBOLS: &[&str] = &["$", "us$", "€", "£", "¥", "c$", "a$", "usd", "eur", "gbp"];
const CURRENCY_WORDS: &[&str] = &[
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "yen", "peso", "pesos", "cents", "cent", "rupees",
    "yuan", "francs", "usd", "bucks",
];
const SCALES: &[&str] = &["thousand", "million", "billion", "trillion", "m", "bn", "k", "mn", "hundred"];
const PLURAL_SCALES: &[&str] = &["hundreds", "thousands", "millions", "billions", "trillions", "dozens", "tens"];
const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
    "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "dozen", "one",
];
const NOT_NOUNS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "is", "are", "was", "were", "be", "will",
    "more", "less", "than", "times", "per", "each", "who", "which", "that", "this", "these", "those", "from", "with",
    "by", "as", "it", "he", "she", "they", "we", "you", "i", "his", "her", "their", "our", "its", "if", "so", "not",
    "ago", "earlier", "later", "before", "after", "or", "have", "has", "had", "do", "did", "does", "can", "could",
    "would", "should", "may", "might", "must", "also", "only", "about", "out", "up", "into", "over", "under",
];

fn is(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Whether a word names a day of the week or a month (`Friday`, `March`; not the abbreviations):
/// a time word, never part of a name that follows it (`On Friday Harlow Motor Company said`).
pub(crate) fn is_time_name(w: &str) -> bool {
    is(WEEKDAYS, w) || (is(MONTHS, w) && w.len() > 3 && !w.ends_with('.'))
}

fn is_digits(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
}

/// `4`, `4.25`, `1,200`, `3.5m` is not (letters); allows one leading sign.
fn is_number(w: &str) -> bool {
    let w = w.strip_prefix(['-', '+']).unwrap_or(w);
    !w.is_empty()
        && w.as_bytes()[0].is_ascii_digit()
        && w.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        && !w.ends_with(['.', ','])
}

fn is_number_word(w: &str) -> bool {
    is_number(w) || is(NUMBER_WORDS, w)
}

fn is_year(w: &str) -> bool {
    is_digits(w) && w.len() == 4 && matches!(w.parse::<u32>(), Ok(1500..=2099))
}

fn is_day(w: &str) -> bool {
    let d = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[d.len()..];
    is_digits(d) && d.len() <= 2 && matches!(d.parse::<u32>(), Ok(1..=31)) && (suffix.is_empty() || is(&["st", "nd", "rd", "th"], suffix))
}

fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Month name, capitalised; `May` and `March` only next to a number or after a date preposition.
fn is_month_at(words: &[&str], i: usize) -> bool {
    let w = words[i];
    if !is(MONTHS, w) || !is_capitalized(w) {
        return false;
    }
    if w.eq_ignore_ascii_case("may") || w.eq_ignore_ascii_case("march") {
        let next_num = words.get(i + 1).is_some_and(|n| is_day(n) || is_year(n) || *n == ",");
        let prev_prep = i > 0 && is(YEAR_PREPS, words[i - 1]);
        return next_num || prev_prep;
    }
    true
}

/// ISO `2026-02-03` or `3/2/2026`.
fn is_numeric_date(w: &str) -> bool {
    let parts: Vec<&str> = w.split(['-', '/']).collect();
    parts.len() == 3 && parts.iter().all(|p| is_digits(p)) && parts.iter().any(|p| p.len() == 4) && w.len() <= 10
}

/// Length of a date starting at `i`, if any.
fn date_at(words: &[&str], i: usize) -> Option<usize> {
    let w = words[i];
    let at = |k: usize| words.get(i + k).copied();
    if is_numeric_date(w) || is(DEICTIC, w) {
        return Some(1);
    }
    if is(WEEKDAYS, w) {
        // `Friday, February 3, 2026`
        if at(1) == Some(",") && i + 2 < words.len() && is_month_at(words, i + 2) {
            return Some(2 + date_at(words, i + 2).unwrap_or(1));
        }
        if i + 1 < words.len() && is_month_at(words, i + 1) {
            return Some(1 + date_at(words, i + 1).unwrap_or(1));
        }
        return Some(1);
    }
    if is_month_at(words, i) {
        let mut n = 1;
        if at(1).is_some_and(is_day) {
            n = 2;
            if at(2) == Some(",") && at(3).is_some_and(is_year) {
                n = 4;
            } else if at(2).is_some_and(is_year) {
                n = 3;
            }
        } else if at(1) == Some(",") && at(2).is_some_and(is_year) {
            n = 3;
        } else if at(1).is_some_and(is_year) {
            n = 2;
        }
        return Some(n);
    }
    if is_day(w) && i + 1 < words.len() && is_month_at(words, i + 1) {
        // `3 February 2026`
        return Some(if at(2).is_some_and(is_year) { 3 } else { 2 });
    }
    if is(REL_MOD, w) && at(1).is_some_and(|u| is(REL_UNIT, u) || is(WEEKDAYS, u)) {
        return Some(2);
    }
    // `two years ago`, `some months earlier`, `a week later`
    if (is_number_word(w) || is(&["a", "an", "some", "several", "few", "many"], w))
        && at(1).is_some_and(|u| is(TIME_UNITS, u))
        && at(2).is_some_and(|x| is(&["ago", "earlier", "later", "before"], x))
    {
        return Some(3);
    }
    if is_year(w) {
        let prev_ok = i == 0 || is(YEAR_PREPS, words[i - 1]) || words[i - 1] == "," || words[i - 1] == "(";
        let next_ok = at(1).is_none_or(|n| !n.chars().next().is_some_and(char::is_alphanumeric) || is(&["and", "or", "to"], n));
        if prev_ok || next_ok {
            return Some(1);
        }
    }
    // Decades: `1990s`
    if w.len() == 5 && w.ends_with('s') && is_year(&w[..4]) {
        return Some(1);
    }
    None
}

fn money_at(words: &[&str], i: usize) -> Option<usize> {
    let w = words[i];
    let at = |k: usize| words.get(i + k).copied();
    let scale_len = |k: usize| if at(k).is_some_and(|s| is(SCALES, s)) { 1 } else { 0 };
    // `$4.25` as one token
    if let Some(sym) = CURRENCY_SYMBOLS.iter().find(|s| w.len() > s.len() && w.is_char_boundary(s.len()) && w[..s.len()].eq_ignore_ascii_case(s))
        && is_number(&w[sym.len()..])
    {
        return Some(1 + scale_len(1));
    }
    // `$ 4.25 billion`
    if is(CURRENCY_SYMBOLS, w) && at(1).is_some_and(is_number) {
        return Some(2 + scale_len(2));
    }
    // `4.25 million dollars`
    if is_number_word(w) {
        let s = scale_len(1);
        if at(1 + s).is_some_and(|c| is(CURRENCY_WORDS, c)) {
            return Some(2 + s);
        }
    }
    // `billions of dollars`
    if is(PLURAL_SCALES, w) && at(1).is_some_and(|x| x.eq_ignore_ascii_case("of")) && at(2).is_some_and(|c| is(CURRENCY_WORDS, c)) {
        return Some(3);
    }
    None
}

fn is_noun(words: &[&str], upos: &[&str], k: usize) -> bool {
    let Some(w) = words.get(k) else { return false };
    match upos.get(k).copied().filter(|u| !u.is_empty()) {
        Some(u) => u == "NOUN",
        None => w.len() >= 3 && w.chars().all(|c| c.is_alphabetic() && c.is_lowercase()) && !is(NOT_NOUNS, w),
    }
}

/// Words that join the two ends of a numeric range (`20–30`, `two to three hundred`, `4 or 5`):
/// general English, closed class (`and` is left out: `2014 and 2018` is a list).
const RANGE_JOINERS: &[&str] = &["to", "-", "–", "—", "or"];

fn quantity_at(words: &[&str], upos: &[&str], i: usize) -> Option<usize> {
    let w = words[i];
    let at = |k: usize| words.get(i + k).copied();
    // `20–30 people`, `two to three hundred sheep`: a range is one quantity, from its lower end
    // (cut to the upper end, it states a number the text does not give)
    if is_number_word(w) && at(1).is_some_and(|j| is(RANGE_JOINERS, j)) && at(2).is_some_and(is_number_word) {
        if let Some(n) = quantity_at(words, upos, i + 2) {
            return Some(n + 2);
        }
    }
    if is_number(w) && at(1).is_some_and(|p| p == "%" || p.eq_ignore_ascii_case("percent")) {
        return Some(2);
    }
    if is_number(w) && w.ends_with('%') {
        return Some(1);
    }
    // Digits, or a number word with a scale (`two million people`); `the two leaders` is no quantity.
    if is_number(w) || (is_number_word(w) && at(1).is_some_and(|s| is(SCALES, s))) {
        let mut k = 1;
        if at(k).is_some_and(|s| is(SCALES, s)) {
            k += 1;
        }
        if upos.get(i + k).is_some_and(|u| *u == "ADJ") && is_noun(words, upos, i + k + 1) {
            k += 1;
        }
        if is_noun(words, upos, i + k) && !(w.eq_ignore_ascii_case("one") && k == 1) {
            return Some(k + 1);
        }
    }
    if is(PLURAL_SCALES, w) && at(1).is_some_and(|x| x.eq_ignore_ascii_case("of")) && is_noun(words, upos, i + 2) {
        return Some(3);
    }
    None
}

/// Lowercase words that can start a pattern (besides tokens starting with a digit or a currency sign).
fn starters() -> &'static std::collections::HashSet<&'static str> {
    static S: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        [MONTHS, WEEKDAYS, REL_MOD, DEICTIC, PLURAL_SCALES, NUMBER_WORDS, CURRENCY_SYMBOLS, &["a", "an", "some", "several", "few", "many"]]
            .into_iter()
            .flatten()
            .copied()
            .collect()
    })
}

/// Whether any rule can match at a word: a cheap filter that skips most words without allocating.
fn may_start(w: &str) -> bool {
    let Some(c) = w.chars().next() else { return false };
    if c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '¥') {
        return true;
    }
    let b = w.as_bytes();
    if b.len() > 12 || !w.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 12];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).is_ok_and(|l| starters().contains(l))
}

/// All Date/Money/Quantity mentions of a sentence. `upos` may be empty (untagged).
pub fn find(words: &[&str], upos: &[&str]) -> Vec<(Range<usize>, EntityType)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !may_start(words[i]) {
            i += 1;
            continue;
        }
        let hit = money_at(words, i)
            .map(|n| (n, EntityType::Money))
            .or_else(|| date_at(words, i).map(|n| (n, EntityType::Date)))
            .or_else(|| quantity_at(words, upos, i).map(|n| (n, EntityType::Quantity)));
        match hit {
            Some((n, kind)) => {
                let n = n.min(words.len() - i).max(1);
                out.push((i..i + n, kind));
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType::*;

    /// (sentence, expected mentions as (text, type)); words split on spaces.
    const CASES: &[(&str, &[(&str, EntityType)])] = &[
        ("the two ministers will talk on March 14 , 2025 , in the palace", &[("March 14 , 2025", Date)]),
        ("since taking power in October , 2023 .", &[("October , 2023", Date)]),
        ("admitting Peruvian cargo ships from Monday .", &[("Monday", Date)]),
        ("revoked by Ottawa last year for attending", &[("last year", Date)]),
        ("a policy paused since 2011 and widely criticised", &[("2011", Date)]),
        ("There will be 12 ferries , roughly two a month", &[("12 ferries", Quantity)]),
        ("the flood damaged 20 - 30 homes in Tarn", &[("20 - 30 homes", Quantity)]),
        ("about two to three hundred sheep were lost", &[("two to three hundred sheep", Quantity)]),
        ("getting billions of dollars to expand", &[("billions of dollars", Money)]),
        ("it costs $4.25 per gallon", &[("$4.25", Money)]),
        ("it costs $ 4.25 billion", &[("$ 4.25 billion", Money)]),
        ("a 5 million dollars deal", &[("5 million dollars", Money)]),
        ("on 3 February 2026 and 2026-02-03", &[("3 February 2026", Date), ("2026-02-03", Date)]),
        ("some months earlier", &[("some months earlier", Date)]),
        ("in the 1990s", &[("1990s", Date)]),
        ("up 20 % from May", &[("20 %", Quantity), ("May", Date)]),
        ("you may march on", &[]),
        ("I may go in May 2026", &[("May 2026", Date)]),
        ("he has 2015 reasons", &[("2015 reasons", Quantity)]),
        ("one of them", &[]),
        ("two million people fled", &[("two million people", Quantity)]),
        ("Route 66 is long", &[]),
    ];

    #[test]
    fn pattern_table() {
        for (sentence, want) in CASES {
            let words: Vec<&str> = sentence.split(' ').collect();
            let got: Vec<(String, EntityType)> = find(&words, &[]).into_iter().map(|(r, k)| (words[r].join(" "), k)).collect();
            let mut want: Vec<(String, EntityType)> = want.iter().map(|(t, k)| (t.to_string(), *k)).collect();
            let mut got_sorted = got.clone();
            got_sorted.sort();
            want.sort();
            assert_eq!(got_sorted, want, "{sentence}");
        }
    }

    #[test]
    fn quantity_uses_pos_when_present() {
        let words = ["20", "flights", "left"];
        assert_eq!(find(&words, &["NUM", "NOUN", "VERB"]), vec![(0..2, Quantity)]);
        assert_eq!(find(&words, &["NUM", "VERB", "VERB"]), vec![]);
    }
}
