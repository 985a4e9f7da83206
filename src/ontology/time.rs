//! When a fact happened: a small time-expression reader over a sentence's tokens and tree.
//!
//! In: an analysed [`Sentence`], the head tokens of a fact's arguments, the fact's date
//! qualifier when the extractor found one, and the document date. Out: a [`FactTime`] — the
//! expression as written and the interval of days it means — or `None` when the sentence gives
//! no time for that fact.
//!
//! Expressions read: day words (`yesterday`, `today`, `tomorrow`, `last night`, `this morning`),
//! weekdays (`on Monday`, `last Friday`, `next Tuesday`), relative periods (`last week`, `this
//! month`, `next year`, `the past week`), distances (`three days ago`, `two weeks ago`), and
//! calendar dates (`on 5 May 2019`, `May 5, 2019`, `May 5`, `in March`, `early March`,
//! `March 2019`, `in 2018`, `2019-05-05`). Relative ones need the document date. A month or day
//! without a year takes the document's year, moved back a year when the clause looks back and the
//! day would fall after the document date (moved forward for a clause with `will`). Vague
//! expressions are intervals: a week runs Monday to Sunday, `early`/`mid`/`late` March are
//! days 1–10, 11–20 and 21–end; `since …` runs on to the document date.
//!
//! A sentence may hold several expressions (`said on Monday that … next year`): a fact takes the
//! one whose governing word is nearest above its arguments in the dependency tree.

use super::literal::{civil_from_days, days_from_civil, days_in_month, month_number, parse_iso_date, weekday};
use crate::document::{FactTime, Literal, Sentence, Token};
use std::ops::Range;

/// Weekday names, Monday first (the numbering of [`weekday`]).
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
/// Words that may open a time expression and belong to it.
const OPENERS: [&str; 11] = ["on", "in", "during", "since", "until", "by", "from", "at", "before", "after", "of"];

/// What an expression says, before it is resolved against a date.
#[derive(Debug, Clone, PartialEq)]
enum Said {
    /// Days from the document date (`yesterday` = -1).
    DayOffset(i64),
    /// A weekday (0 = Monday) with `last`/`next`/none.
    Weekday(i64, Shift),
    /// `last week` = Week(-1); likewise months and years; `past week` = the seven days before.
    Week(i64),
    PastWeek,
    Month(i64),
    Year(i64),
    /// `N days/weeks/months/years ago`: unit letter and count.
    Ago(char, i64),
    /// A calendar date; the year may be missing. `part` narrows a month to early/mid/late.
    Calendar { year: Option<i64>, month: Option<u32>, day: Option<u32>, part: Option<Part> },
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Shift {
    Last,
    Next,
    Plain,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    Early,
    Mid,
    Late,
}

/// A time expression found in a sentence.
#[derive(Debug, Clone, PartialEq)]
struct Expression {
    /// Token range (0-based, end exclusive), the opening preposition included.
    tokens: Range<usize>,
    said: Said,
}

/// The time of a fact: the time expression of the sentence nearest above `anchors` (0-based
/// token indices of the fact's argument heads) in the tree, else the fact's date qualifier when
/// that reads as a date (forms this reader does not know, such as `the 3rd of February`).
pub fn fact_time(sentence: &Sentence, anchors: &[usize], qualifier: Option<(&str, &Literal)>, doc_date: Option<&str>) -> Option<FactTime> {
    expression_time(sentence, anchors, doc_date).or_else(|| qualifier.and_then(|(text, lit)| from_literal(text, lit)))
}

fn expression_time(sentence: &Sentence, anchors: &[usize], doc_date: Option<&str>) -> Option<FactTime> {
    let toks = &sentence.tokens;
    let expressions = find(toks);
    let chains: Vec<Vec<usize>> = anchors.iter().filter(|&&a| a < toks.len()).map(|&a| ancestors(toks, a)).collect();
    let best = expressions
        .iter()
        .filter_map(|e| {
            let gov = governor(toks, &e.tokens)?;
            let distance = chains.iter().filter_map(|c| c.iter().position(|&t| t == gov)).min()?;
            Some((distance, e, gov))
        })
        .min_by_key(|(d, e, _)| (*d, e.tokens.start))?;
    let (_, e, gov) = best;
    let (start, mut end) = resolve(&e.said, doc_date, looks_ahead(toks, gov))?;
    // `since 2015` runs from 2015 up to the document date.
    if toks[e.tokens.start].form.eq_ignore_ascii_case("since") {
        if let Some((y, m, d)) = doc_date.and_then(parse_iso_date) {
            end = end.max(days_from_civil(y, m, d));
        }
    }
    let text = span_text(sentence, &e.tokens);
    Some(FactTime { text, start: iso(start), end: iso(end) })
}

/// A date literal (`xsd:date`, `xsd:gYearMonth`, `xsd:gYear`) as an interval of days.
fn from_literal(text: &str, lit: &Literal) -> Option<FactTime> {
    let dt = lit.datatype.as_deref()?;
    let v = lit.value.as_str();
    let (start, end) = if dt.ends_with("#date") {
        let (y, m, d) = parse_iso_date(v)?;
        let day = days_from_civil(y, m, d);
        (day, day)
    } else if dt.ends_with("#gYearMonth") {
        let (y, m) = v.split_once('-')?;
        month_span(y.parse().ok()?, m.parse().ok()?)?
    } else if dt.ends_with("#gYear") {
        let y: i64 = v.parse().ok()?;
        (days_from_civil(y, 1, 1), days_from_civil(y, 12, 31))
    } else {
        return None;
    };
    Some(FactTime { text: text.trim().to_owned(), start: iso(start), end: iso(end) })
}

fn iso(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

fn month_span(y: i64, m: u32) -> Option<(i64, i64)> {
    ((1..=12).contains(&m) && (1000..=2999).contains(&y)).then(|| (days_from_civil(y, m, 1), days_from_civil(y, m, days_in_month(y, m))))
}

/// The text of a token range as it reads in the sentence.
fn span_text(sentence: &Sentence, range: &Range<usize>) -> String {
    let toks = &sentence.tokens[range.clone()];
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else { return String::new() };
    let offset = sentence.span.byte.start;
    sentence.text.get(first.span.byte.start - offset..last.span.byte.end - offset).map_or_else(
        || toks.iter().map(|t| t.form.as_str()).collect::<Vec<_>>().join(" "),
        str::to_owned,
    )
}

/// `t` and the tokens above it up to the root (0-based).
fn ancestors(toks: &[Token], t: usize) -> Vec<usize> {
    let mut chain = vec![t];
    let mut at = t;
    while toks[at].head > 0 && toks[at].head <= toks.len() && chain.len() <= toks.len() {
        at = toks[at].head - 1;
        chain.push(at);
    }
    chain
}

/// The word outside the expression that its head depends on (the verb or noun it modifies).
fn governor(toks: &[Token], range: &Range<usize>) -> Option<usize> {
    range.clone().find_map(|i| {
        let h = toks[i].head;
        (h > 0 && !range.contains(&(h - 1))).then(|| h - 1)
    })
}

/// Whether the clause of `gov` speaks of the future: an auxiliary `will`, `'ll` or `shall`.
fn looks_ahead(toks: &[Token], gov: usize) -> bool {
    toks.iter().any(|t| t.head == gov + 1 && matches!(t.form.to_lowercase().as_str(), "will" | "'ll" | "shall" | "wo"))
}

/// Every time expression in the tokens, left to right, not overlapping.
fn find(toks: &[Token]) -> Vec<Expression> {
    let lower: Vec<String> = toks.iter().map(|t| t.form.to_lowercase()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match read_at(toks, &lower, i) {
            Some((len, said)) => {
                // An opening preposition belongs to the expression (`on Monday`).
                let start = if i > 0 && OPENERS.contains(&lower[i - 1].as_str()) { i - 1 } else { i };
                out.push(Expression { tokens: start..i + len, said });
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

fn day_number(s: &str) -> Option<u32> {
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &s[digits.len()..];
    if !(suffix.is_empty() || matches!(suffix, "st" | "nd" | "rd" | "th")) || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(s: &str) -> Option<i64> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten().filter(|y| (1900..=2100).contains(y))
}

/// A month name written as a name (capitalised: `May`, `Sept.`), not the verb `may`.
fn month_token(t: &Token, lower: &str) -> Option<u32> {
    if !t.form.starts_with(|c: char| c.is_uppercase()) || lower.trim_end_matches('.').len() < 3 {
        return None;
    }
    month_number(lower)
}

/// An expression starting at token `i`: its length in tokens and what it says.
fn read_at(toks: &[Token], lower: &[String], i: usize) -> Option<(usize, Said)> {
    let w = lower[i].as_str();
    let next = |k: usize| lower.get(i + k).map(String::as_str).unwrap_or("");
    match w {
        "yesterday" => return Some((1, Said::DayOffset(-1))),
        "today" | "tonight" => return Some((1, Said::DayOffset(0))),
        "tomorrow" => return Some((1, Said::DayOffset(1))),
        _ => {}
    }
    if let Some(iso) = parse_iso_date(w).filter(|_| w.len() == 10) {
        let (y, m, d) = iso;
        return Some((1, Said::Calendar { year: Some(y), month: Some(m), day: Some(d), part: None }));
    }
    if let Some(d) = WEEKDAYS.iter().position(|x| *x == w) {
        return Some((1, Said::Weekday(d as i64, Shift::Plain)));
    }
    let shift = match w {
        "last" | "previous" => Some(-1),
        "this" | "current" => Some(0),
        "next" | "coming" => Some(1),
        "past" => Some(-2),
        _ => None,
    };
    if let Some(delta) = shift {
        let unit = next(1);
        if let Some(d) = WEEKDAYS.iter().position(|x| *x == unit) {
            let s = match delta {
                -1 | -2 => Shift::Last,
                1 => Shift::Next,
                _ => Shift::Plain,
            };
            return Some((2, Said::Weekday(d as i64, s)));
        }
        return match (delta, unit) {
            (-1, "night") => Some((2, Said::DayOffset(-1))),
            (0, "morning" | "afternoon" | "evening") => Some((2, Said::DayOffset(0))),
            (-2, "week") => Some((2, Said::PastWeek)),
            (-2, "month" | "year") => Some((2, if unit == "month" { Said::Month(-1) } else { Said::Year(-1) })),
            (d, "week") => Some((2, Said::Week(d))),
            (d, "month") => Some((2, Said::Month(d))),
            (d, "year") => Some((2, Said::Year(d))),
            _ => None,
        };
    }
    if let Some(n) = count_word(w) {
        let unit = next(1).trim_end_matches('s');
        if matches!(next(2), "ago" | "earlier") && matches!(unit, "day" | "week" | "month" | "year") {
            return Some((3, Said::Ago(unit.chars().next().unwrap_or('d'), n)));
        }
    }
    calendar_at(toks, lower, i)
}

fn count_word(w: &str) -> Option<i64> {
    let words = ["a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    words.iter().position(|x| *x == w).map(|p| p.max(1) as i64).or_else(|| w.parse().ok().filter(|n| (1..=99).contains(n)))
}

/// Calendar dates: `5 May 2019`, `May 5, 2019`, `May 5`, `March 2019`, `early March`, `in March`,
/// `in 2018`.
fn calendar_at(toks: &[Token], lower: &[String], i: usize) -> Option<(usize, Said)> {
    let w = lower[i].as_str();
    let get = |k: usize| lower.get(k).map(String::as_str).unwrap_or("");
    let prev = if i > 0 { get(i - 1) } else { "" };
    let year_at = |k: usize| -> Option<(usize, i64)> {
        // `May 5, 2019`: a comma may stand before the year.
        if get(k) == "," { year_number(get(k + 1)).map(|y| (2, y)) } else { year_number(get(k)).map(|y| (1, y)) }
    };
    // Part of the month: `early March`, `mid-March`, `late March`.
    let (part, part_len, month_at) = match w {
        "early" => (Some(Part::Early), 1, i + 1),
        "late" => (Some(Part::Late), 1, i + 1),
        "mid" if get(i + 1) == "-" => (Some(Part::Mid), 2, i + 2),
        "mid" => (Some(Part::Mid), 1, i + 1),
        _ if w.starts_with("mid-") => (Some(Part::Mid), 0, i),
        _ => (None, 0, i),
    };
    if part.is_some() {
        let name = if part_len == 0 { &w[4..] } else { get(month_at) };
        let token = toks.get(month_at)?;
        let m = if part_len == 0 { month_number(name).filter(|_| name.len() >= 3) } else { month_token(token, name) }?;
        let (ylen, year) = year_at(month_at + 1).map_or((0, None), |(l, y)| (l, Some(y)));
        return Some((part_len + 1 + ylen, Said::Calendar { year, month: Some(m), day: None, part }));
    }
    // `5 May 2019`, `5th of May`
    if let Some(d) = day_number(w) {
        let of = usize::from(get(i + 1) == "of");
        let m = toks.get(i + 1 + of).and_then(|t| month_token(t, get(i + 1 + of)))?;
        let (ylen, year) = year_at(i + 2 + of).map_or((0, None), |(l, y)| (l, Some(y)));
        return Some((2 + of + ylen, Said::Calendar { year, month: Some(m), day: Some(d), part: None }));
    }
    if let Some(m) = month_token(&toks[i], w) {
        // `May 5, 2019`, `May 5`
        if let Some(d) = day_number(get(i + 1)).filter(|_| year_number(get(i + 1)).is_none()) {
            let (ylen, year) = year_at(i + 2).map_or((0, None), |(l, y)| (l, Some(y)));
            return Some((2 + ylen, Said::Calendar { year, month: Some(m), day: Some(d), part: None }));
        }
        // `March 2019`
        if let Some((ylen, y)) = year_at(i + 1) {
            return Some((1 + ylen, Said::Calendar { year: Some(y), month: Some(m), day: None, part: None }));
        }
        // `in March`: a bare month name only after a preposition or `last`/`next`/`this`.
        if OPENERS.contains(&prev) || matches!(prev, "last" | "next" | "this") {
            return Some((1, Said::Calendar { year: None, month: Some(m), day: None, part: None }));
        }
        return None;
    }
    // `in 2018`: a bare year only after a preposition.
    let y = year_number(w)?;
    matches!(prev, "in" | "during" | "since" | "until" | "by" | "before" | "after" | "from").then_some((1, Said::Calendar { year: Some(y), month: None, day: None, part: None }))
}

/// The interval (first and last day, as day numbers) an expression means, given the document
/// date; `ahead` when the clause speaks of the future.
fn resolve(said: &Said, doc_date: Option<&str>, ahead: bool) -> Option<(i64, i64)> {
    let doc = doc_date.and_then(parse_iso_date);
    let today = doc.map(|(y, m, d)| days_from_civil(y, m, d));
    let week_of = |day: i64| {
        let monday = day - weekday(day);
        (monday, monday + 6)
    };
    let month_of = |y: i64, m: i64| month_span(y + (m - 1).div_euclid(12), ((m - 1).rem_euclid(12) + 1) as u32);
    match *said {
        Said::DayOffset(k) => today.map(|t| (t + k, t + k)),
        Said::Weekday(target, shift) => {
            let t = today?;
            let now = weekday(t);
            let back = (now - target).rem_euclid(7);
            let forward = (target - now).rem_euclid(7);
            let day = match shift {
                Shift::Last => t - if back == 0 { 7 } else { back },
                Shift::Next => t + if forward == 0 { 7 } else { forward },
                Shift::Plain if ahead => t + forward,
                Shift::Plain => t - back,
            };
            Some((day, day))
        }
        Said::Week(k) => today.map(|t| week_of(t + 7 * k)),
        Said::PastWeek => today.map(|t| (t - 7, t - 1)),
        Said::Month(k) => {
            let (y, m, _) = doc?;
            month_of(y, i64::from(m) + k)
        }
        Said::Year(k) => {
            let (y, _, _) = doc?;
            let y = y + k;
            Some((days_from_civil(y, 1, 1), days_from_civil(y, 12, 31)))
        }
        Said::Ago(unit, n) => {
            let t = today?;
            let (y, m, _) = doc?;
            match unit {
                'd' => Some((t - n, t - n)),
                'w' => Some(week_of(t - 7 * n)),
                'm' => month_of(y, i64::from(m) - n),
                _ => Some((days_from_civil(y - n, 1, 1), days_from_civil(y - n, 12, 31))),
            }
        }
        Said::Calendar { year, month, day, part } => {
            let year = match year {
                Some(y) => y,
                None => guess_year(doc?, month?, day.unwrap_or(1), ahead),
            };
            let Some(m) = month else {
                return Some((days_from_civil(year, 1, 1), days_from_civil(year, 12, 31)));
            };
            let (first, last) = month_span(year, m)?;
            if let Some(d) = day {
                return (d <= days_in_month(year, m)).then(|| (first + i64::from(d) - 1, first + i64::from(d) - 1));
            }
            Some(match part {
                Some(Part::Early) => (first, first + 9),
                Some(Part::Mid) => (first + 10, first + 19),
                Some(Part::Late) => (first + 20, last),
                None => (first, last),
            })
        }
    }
}

/// The year of a month (and day) written without one: the document's year, or the year before
/// when a backward-looking clause would otherwise put it more than a week after the document
/// date (the year after for a forward-looking clause more than a week before it).
fn guess_year((y, m, d): (i64, u32, u32), month: u32, day: u32, ahead: bool) -> i64 {
    let doc = days_from_civil(y, m, d);
    let candidate = days_from_civil(y, month, day.min(days_in_month(y, month)));
    if !ahead && candidate > doc + 7 {
        y - 1
    } else if ahead && candidate < doc - 7 {
        y + 1
    } else {
        y
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Span;

    /// A sentence with a hand-made tree: `(form, head)` pairs, head 1-based, 0 for the root.
    fn sentence(words: &[(&str, usize)]) -> Sentence {
        let mut text = String::new();
        let mut tokens = Vec::new();
        for (form, head) in words {
            if !text.is_empty() && !matches!(*form, "," | ".") {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(form);
            let mut t = Token::new(*form, Span::new(start..text.len(), start..text.len()));
            t.head = *head;
            tokens.push(t);
        }
        Sentence { index: 0, paragraph: 1, span: Span::new(0..text.len(), 0..text.len()), text, tokens }
    }

    /// The time of the fact anchored at token `anchor` (0-based) of a flat sentence where every
    /// word hangs on the verb at `verb` (1-based).
    fn time_of(words: &[&str], verb: usize, anchor: usize, doc: Option<&str>) -> Option<(String, String, String)> {
        let s = sentence(&words.iter().enumerate().map(|(i, w)| (*w, if i + 1 == verb { 0 } else { verb })).collect::<Vec<_>>());
        fact_time(&s, &[anchor], None, doc).map(|t| (t.text, t.start, t.end))
    }

    fn owned(t: (&str, &str, &str)) -> Option<(String, String, String)> {
        Some((t.0.to_owned(), t.1.to_owned(), t.2.to_owned()))
    }

    // 2021-11-10 is a Wednesday.
    const DOC: Option<&str> = Some("2021-11-10");

    #[test]
    fn each_relative_expression() {
        let cases: &[(&[&str], (&str, &str, &str))] = &[
            (&["The", "council", "met", "on", "Monday"], ("on Monday", "2021-11-08", "2021-11-08")),
            (&["The", "council", "met", "yesterday"], ("yesterday", "2021-11-09", "2021-11-09")),
            (&["The", "council", "meets", "today"], ("today", "2021-11-10", "2021-11-10")),
            (&["The", "council", "met", "last", "week"], ("last week", "2021-11-01", "2021-11-07")),
            (&["The", "council", "met", "this", "week"], ("this week", "2021-11-08", "2021-11-14")),
            (&["The", "council", "met", "last", "month"], ("last month", "2021-10-01", "2021-10-31")),
            (&["The", "council", "met", "last", "year"], ("last year", "2020-01-01", "2020-12-31")),
            (&["The", "council", "met", "last", "Friday"], ("last Friday", "2021-11-05", "2021-11-05")),
            (&["The", "council", "met", "last", "night"], ("last night", "2021-11-09", "2021-11-09")),
            (&["The", "council", "met", "three", "days", "ago"], ("three days ago", "2021-11-07", "2021-11-07")),
            (&["The", "council", "met", "two", "weeks", "ago"], ("two weeks ago", "2021-10-25", "2021-10-31")),
            (&["The", "council", "met", "over", "the", "past", "week"], ("past week", "2021-11-03", "2021-11-09")),
            (&["The", "council", "met", "in", "March"], ("in March", "2021-03-01", "2021-03-31")),
            (&["The", "council", "met", "in", "December"], ("in December", "2020-12-01", "2020-12-31")),
            (&["The", "council", "met", "in", "early", "March"], ("in early March", "2021-03-01", "2021-03-10")),
            (&["The", "council", "met", "on", "May", "5"], ("on May 5", "2021-05-05", "2021-05-05")),
            (&["The", "council", "met", "since", "March"], ("since March", "2021-03-01", "2021-11-10")),
        ];
        for (words, want) in cases {
            assert_eq!(time_of(words, 3, 1, DOC), owned(*want), "{}", words.join(" "));
            assert_eq!(time_of(words, 3, 1, None), None, "{} needs the document date", words.join(" "));
        }
    }

    #[test]
    fn each_calendar_form_needs_no_document_date() {
        let cases: &[(&[&str], (&str, &str, &str))] = &[
            (&["The", "council", "met", "on", "5", "May", "2019"], ("on 5 May 2019", "2019-05-05", "2019-05-05")),
            (&["The", "council", "met", "on", "May", "5", ",", "2019"], ("on May 5, 2019", "2019-05-05", "2019-05-05")),
            (&["The", "council", "met", "on", "the", "5th", "of", "May", "2019"], ("5th of May 2019", "2019-05-05", "2019-05-05")),
            (&["The", "council", "met", "in", "March", "2019"], ("in March 2019", "2019-03-01", "2019-03-31")),
            (&["The", "council", "met", "in", "2018"], ("in 2018", "2018-01-01", "2018-12-31")),
            (&["The", "council", "met", "in", "late", "June", "2020"], ("in late June 2020", "2020-06-21", "2020-06-30")),
            (&["The", "council", "met", "on", "2019-05-05"], ("on 2019-05-05", "2019-05-05", "2019-05-05")),
        ];
        for (words, want) in cases {
            assert_eq!(time_of(words, 3, 1, None), owned(*want), "{}", words.join(" "));
        }
    }

    #[test]
    fn words_that_only_look_like_times_are_not() {
        for words in [
            &["The", "council", "may", "meet"][..],
            &["The", "council", "met", "2018", "delegates"],
            &["The", "council", "met", "5", "delegates"],
            &["The", "council", "met", "the", "march", "organisers"],
        ] {
            assert_eq!(time_of(words, 3, 1, DOC), None, "{}", words.join(" "));
        }
    }

    #[test]
    fn the_future_looks_forward() {
        // `will meet on Friday` from a Wednesday is the coming Friday.
        let s = sentence(&[("The", 2), ("council", 4), ("will", 4), ("meet", 0), ("on", 6), ("Friday", 4)]);
        let t = fact_time(&s, &[1], None, DOC).unwrap();
        assert_eq!((t.start.as_str(), t.text.as_str()), ("2021-11-12", "on Friday"));
    }

    #[test]
    fn each_fact_takes_the_time_of_its_own_clause() {
        // "The mayor said on Monday that the port will reopen next year."
        let s = sentence(&[
            ("The", 2), ("mayor", 3), ("said", 0), ("on", 5), ("Monday", 3), ("that", 10), ("the", 8), ("port", 10),
            ("will", 10), ("reopen", 3), ("next", 12), ("year", 10), (".", 3),
        ]);
        let said = fact_time(&s, &[1], None, DOC).unwrap();
        assert_eq!((said.text.as_str(), said.start.as_str()), ("on Monday", "2021-11-08"));
        let reopen = fact_time(&s, &[7], None, DOC).unwrap();
        assert_eq!((reopen.text.as_str(), reopen.start.as_str(), reopen.end.as_str()), ("next year", "2022-01-01", "2022-12-31"));
    }

    #[test]
    fn a_date_qualifier_fills_in_and_becomes_an_interval() {
        let s = sentence(&[("The", 2), ("council", 3), ("met", 0), ("then", 3)]);
        let xsd = |v: &str, dt: &str| Literal { value: v.into(), datatype: Some(format!("{}{dt}", crate::ontology::vocab::XSD)), unit: None };
        let t = fact_time(&s, &[1], Some(("in June 2020", &xsd("2020-06", "gYearMonth"))), DOC).unwrap();
        assert_eq!((t.start.as_str(), t.end.as_str(), t.text.as_str()), ("2020-06-01", "2020-06-30", "in June 2020"));
        let t = fact_time(&s, &[1], Some(("in 2019", &xsd("2019", "gYear"))), DOC).unwrap();
        assert_eq!((t.start.as_str(), t.end.as_str()), ("2019-01-01", "2019-12-31"));
        let t = fact_time(&s, &[1], Some(("on 3 June 2020", &xsd("2020-06-03", "date"))), DOC).unwrap();
        assert_eq!(t.start, t.end);
        assert!(FactTime { text: String::new(), start: "2020-06-01".into(), end: "2020-06-30".into() }.overlaps(Some("2020-06-30"), None));
    }
}
