//! Typed literals from text: dates, amounts of money and quantities.
//!
//! In: the text of an argument (`on February 3, 2026`, `last year`, `$4.25 billion`,
//! `billions of dollars`, `20 flights`) and, for relative dates, the document date (`YYYY-MM-DD`).
//! Out: a [`Literal`] with an XSD datatype (`xsd:date`, `xsd:gYearMonth`, `xsd:gYear`,
//! `xsd:decimal`, `xsd:integer`) and a unit, plus a note explaining the reading. Amounts are
//! computed on decimal strings, never through floats, so `$4.25 billion` is exactly `4250000000`.

use crate::document::Literal;
use crate::ontology::vocab::XSD;
use regex::Regex;
use std::sync::LazyLock;

/// A parsed value and a human-readable note on how it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub literal: Literal,
    pub note: String,
}

const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
];
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const MONTH_RE: &str = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?";

pub(crate) fn month_number(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| *m == name || (name.len() >= 3 && m.starts_with(name)))
        .map(|i| i as u32 + 1)
}

fn typed(value: String, datatype: &str, unit: Option<String>) -> Literal {
    Literal { value, datatype: Some(format!("{XSD}{datatype}")), unit }
}

fn lower_clean(text: &str) -> String {
    text.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'").split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian), after Howard Hinnant's days_from_civil.

pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub(crate) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

pub(crate) fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// Parses `YYYY-MM-DD` into (year, month, day), checking the day exists.
pub fn parse_iso_date(s: &str) -> Option<(i64, u32, u32)> {
    let mut it = s.trim().splitn(3, '-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let d: u32 = it.next()?.get(..2)?.parse().ok()?;
    valid(y, m, d).then_some((y, m, d))
}

fn valid(y: i64, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m) && (1000..=2999).contains(&y)
}

/// 0 = Monday … 6 = Sunday.
pub(crate) fn weekday(days: i64) -> i64 {
    (days + 3).rem_euclid(7)
}

fn date_lit(y: i64, m: u32, d: u32) -> Literal {
    typed(format!("{y:04}-{m:02}-{d:02}"), "date", None)
}

// ---------------------------------------------------------------------------------------------
// Dates

static ISO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("valid regex"));
static MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b{MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(\d{{4}})\b")).expect("valid regex")
});
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE},?\s+(\d{{4}})\b")).expect("valid regex")
});
static MY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b{MONTH_RE},?\s+(\d{{4}})\b")).expect("valid regex"));
static MD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b{MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b|\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE}\b"))
        .expect("valid regex")
});
static MONTH_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:in|since|from|until|by|during|early|late|mid|last|this|next)[- ](january|february|march|april|may|june|july|august|september|october|november|december)\b|^(january|february|march|april|june|july|august|september|october|november|december)$")
        .expect("valid regex")
});
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(1[5-9]\d{2}|2\d{3})\b").expect("valid regex"));
static REL_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(last|this|next|past|previous|coming)\s+(year|month)\b").expect("valid regex"));
static AGO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(year|month|day|week)s?\s+(ago|earlier)\b")
        .expect("valid regex")
});
static DAY_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(today|yesterday|tomorrow|tonight)\b").expect("valid regex"));
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(last|next|this|on|from|since|by|until|coming)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
        .expect("valid regex")
});

/// Reads a date expression. Absolute dates are read anywhere in the text (`on February 3, 2026`,
/// `3 February 2026`, `January, 2025`, `since 2015`); relative ones (`last year`, `Friday`,
/// `yesterday`, `two years ago`) need `doc_date` (`YYYY-MM-DD`) and give `None` without it.
/// A bare weekday is read as the most recent such day on or before the document date (news
/// reports mostly look back); `next Friday` looks forward.
pub fn parse_date(text: &str, doc_date: Option<&str>) -> Option<Parsed> {
    let t = lower_clean(text);
    let doc = doc_date.and_then(parse_iso_date);
    let n = |lit: Literal, how: &str| Some(Parsed { note: format!("date '{}' -> {} ({how})", text.trim(), lit.value), literal: lit });
    if let Some(c) = ISO.captures(&t) {
        let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        if valid(y, m, d) {
            return n(date_lit(y, m, d), "xsd:date");
        }
    }
    if let Some(c) = MDY.captures(&t) {
        let (m, d, y) = (month_number(&c[1])?, c[2].parse().ok()?, c[3].parse().ok()?);
        if valid(y, m, d) {
            return n(date_lit(y, m, d), "xsd:date");
        }
    }
    if let Some(c) = DMY.captures(&t) {
        let (d, m, y) = (c[1].parse().ok()?, month_number(&c[2])?, c[3].parse().ok()?);
        if valid(y, m, d) {
            return n(date_lit(y, m, d), "xsd:date");
        }
    }
    if let Some(c) = MY.captures(&t) {
        let (m, y): (u32, i64) = (month_number(&c[1])?, c[2].parse().ok()?);
        if valid(y, m, 1) {
            return n(typed(format!("{y:04}-{m:02}"), "gYearMonth", None), "xsd:gYearMonth");
        }
    }
    if let Some(c) = YEAR.captures(&t) {
        // A bare year only when nothing else in the text looks like a day or month.
        if !MD.is_match(&t) {
            return n(typed(c[1].to_string(), "gYear", None), "xsd:gYear");
        }
    }
    // Everything below is relative to the document date.
    let (dy, dm, dd) = doc?;
    let doc_days = days_from_civil(dy, dm, dd);
    let rel = |how: &str| format!("{how}, relative to document date {dy:04}-{dm:02}-{dd:02}");
    if let Some(c) = MD.captures(&t) {
        let (m, d) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
            (Some(m), Some(d), _, _) => (month_number(m.as_str())?, d.as_str().parse().ok()?),
            (_, _, Some(d), Some(m)) => (month_number(m.as_str())?, d.as_str().parse().ok()?),
            _ => return None,
        };
        if valid(dy, m, d) {
            return n(date_lit(dy, m, d), &rel("xsd:date, year taken from the document date"));
        }
    }
    if let Some(c) = REL_YEAR.captures(&t) {
        let delta: i64 = match &c[1] {
            "last" | "past" | "previous" => -1,
            "next" | "coming" => 1,
            _ => 0,
        };
        return if &c[2] == "year" {
            n(typed(format!("{:04}", dy + delta), "gYear", None), &rel(&format!("xsd:gYear, '{} year'", &c[1])))
        } else {
            let months = dy * 12 + i64::from(dm) - 1 + delta;
            let (y, m) = (months.div_euclid(12), months.rem_euclid(12) + 1);
            n(typed(format!("{y:04}-{m:02}"), "gYearMonth", None), &rel(&format!("xsd:gYearMonth, '{} month'", &c[1])))
        };
    }
    if let Some(c) = AGO.captures(&t) {
        let k: i64 = match &c[1] {
            "a" | "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            d => d.parse().ok()?,
        };
        let how = rel(&format!("'{}'", &c[0]));
        return match &c[2] {
            "year" => n(typed(format!("{:04}", dy - k), "gYear", None), &how),
            "month" => {
                let months = dy * 12 + i64::from(dm) - 1 - k;
                n(typed(format!("{:04}-{:02}", months.div_euclid(12), months.rem_euclid(12) + 1), "gYearMonth", None), &how)
            }
            unit => {
                let days = if unit == "week" { 7 * k } else { k };
                let (y, m, d) = civil_from_days(doc_days - days);
                n(date_lit(y, m, d), &how)
            }
        };
    }
    if let Some(c) = DAY_WORD.captures(&t) {
        let delta = match &c[1] {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        let (y, m, d) = civil_from_days(doc_days + delta);
        return n(date_lit(y, m, d), &rel(&format!("'{}'", &c[1])));
    }
    if let Some(c) = WEEKDAY.captures(&t) {
        let target = WEEKDAYS.iter().position(|w| *w == &c[2])? as i64;
        let today = weekday(doc_days);
        let back = (today - target).rem_euclid(7);
        let (days, how) = match c.get(1).map(|m| m.as_str()) {
            Some("next") | Some("coming") => (doc_days + (target - today - 1).rem_euclid(7) + 1, "the next one after"),
            Some("last") => (doc_days - if back == 0 { 7 } else { back }, "the last one before"),
            _ => (doc_days - back, "the most recent one on or before"),
        };
        let (y, m, d) = civil_from_days(days);
        return n(date_lit(y, m, d), &format!("'{}' read as {how} the document date {dy:04}-{dm:02}-{dd:02}", &c[0]));
    }
    if let Some(c) = MONTH_ONLY.captures(&t) {
        let name = c.get(1).or(c.get(2))?.as_str();
        let m = month_number(name)?;
        return n(typed(format!("{dy:04}-{m:02}"), "gYearMonth", None), &rel("xsd:gYearMonth, year taken from the document date"));
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Numbers, money, quantities

/// Multiplies a decimal string (`4.25`, `1,200`) by 10^exp, exactly; returns the canonical
/// xsd:decimal lexical form and whether it is integral.
fn shift_decimal(number: &str, exp: usize) -> Option<(String, bool)> {
    let number: String = number.chars().filter(|c| *c != ',').collect();
    let (int, frac) = number.split_once('.').unwrap_or((&number, ""));
    if int.is_empty() && frac.is_empty() || !int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut digits = format!("{int}{frac}");
    let point = int.len() + exp;
    while digits.len() < point {
        digits.push('0');
    }
    let (mut i, mut f) = (digits[..point].to_string(), digits[point..].to_string());
    while f.ends_with('0') {
        f.pop();
    }
    let trimmed = i.trim_start_matches('0');
    i = if trimmed.is_empty() { "0".into() } else { trimmed.into() };
    Some(if f.is_empty() { (i, true) } else { (format!("{i}.{f}"), false) })
}

fn scale_exp(word: &str) -> Option<usize> {
    Some(match word {
        "hundred" => 2,
        "thousand" | "k" => 3,
        "million" | "m" | "mn" => 6,
        "billion" | "bn" | "b" => 9,
        "trillion" | "tn" => 12,
        _ => return None,
    })
}

fn number_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "a" | "an" | "one" => "1",
        "two" => "2",
        "three" => "3",
        "four" => "4",
        "five" => "5",
        "six" => "6",
        "seven" => "7",
        "eight" => "8",
        "nine" => "9",
        "ten" => "10",
        "eleven" => "11",
        "twelve" | "dozen" => "12",
        "fifteen" => "15",
        "twenty" => "20",
        "thirty" => "30",
        "forty" => "40",
        "fifty" => "50",
        "sixty" => "60",
        "seventy" => "70",
        "eighty" => "80",
        "ninety" => "90",
        _ => return None,
    })
}

fn currency_code(symbol_or_word: &str, qualifier: Option<&str>) -> Option<(&'static str, bool)> {
    // (code, assumed): `assumed` when a bare `$`/`dollars` was read as US dollars.
    Some(match (symbol_or_word.trim_end_matches('s'), qualifier) {
        ("us$" | "usd", _) => ("USD", false),
        ("$" | "dollar", Some("us" | "u.s." | "american")) => ("USD", false),
        ("$" | "dollar", Some("canadian")) => ("CAD", false),
        ("$" | "dollar", Some("australian")) => ("AUD", false),
        ("$" | "dollar", _) => ("USD", true),
        ("€" | "eur" | "euro", _) => ("EUR", false),
        ("£" | "gbp" | "pound" | "pounds sterling", _) => ("GBP", false),
        ("¥" | "yen" | "jpy", _) => ("JPY", false),
        ("yuan" | "renminbi" | "cny", _) => ("CNY", false),
        ("rupee" | "inr", _) => ("INR", false),
        ("ruble" | "rouble" | "rub", _) => ("RUB", false),
        ("peso", Some("colombian")) | ("cop", _) => ("COP", false),
        ("peso", Some("mexican")) | ("mxn", _) => ("MXN", false),
        ("peso", Some("argentine" | "argentinian")) => ("ARS", false),
        ("bolivar" | "bolívar", _) => ("VES", false),
        _ => return None,
    })
}

static MONEY_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(us\$|\$|€|£|¥)\s?(\d[\d,]*(?:\.\d+)?)(?:\s*(hundred|thousand|million|billion|trillion|bn|mn|tn|k|m|b)\b)?")
        .expect("valid regex")
});
static MONEY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d[\d,]*(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred)\s*(hundred|thousand|million|billion|trillion|bn|mn)?\s+(?:(us|u\.s\.|american|canadian|australian|colombian|mexican|argentine|argentinian)\s+)?(dollars?|usd|euros?|eur|pounds?|gbp|yen|yuan|renminbi|rupees?|rubles?|roubles?|pesos?|cop|mxn|bolivars?|bolívares)\b")
        .expect("valid regex")
});
static MONEY_VAGUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(dozens|hundreds|thousands|millions|billions|trillions)\s+of\s+(?:(us|u\.s\.|american|canadian|australian|colombian|mexican)\s+)?(dollars|euros|pounds|yen|yuan|pesos|rupees|rubles)\b")
        .expect("valid regex")
});

/// Reads an amount of money: `$4.25`, `US$ 3 million`, `€5bn`, `20 million pesos`,
/// `billions of dollars` (vague amounts give their lower bound, and say so in the note).
/// Value is an `xsd:decimal`, unit an ISO 4217 code (a bare `$` is read as USD, noted).
pub fn parse_money(text: &str) -> Option<Parsed> {
    let t = lower_clean(text);
    let src = text.trim();
    if let Some(c) = MONEY_SYMBOL.captures(&t) {
        let exp = c.get(3).and_then(|m| scale_exp(m.as_str())).unwrap_or(0);
        let (value, _) = shift_decimal(&c[2], exp)?;
        let (code, assumed) = currency_code(&c[1], None)?;
        let how = if assumed { " ('$' read as US dollars)" } else { "" };
        return Some(Parsed {
            note: format!("money '{src}' -> {value} {code} xsd:decimal{how}"),
            literal: typed(value, "decimal", Some(code.into())),
        });
    }
    if let Some(c) = MONEY_WORD.captures(&t) {
        let num = number_word(&c[1]).unwrap_or(&c[1]);
        let exp = c.get(2).and_then(|m| scale_exp(m.as_str())).unwrap_or(0);
        let (value, _) = shift_decimal(num, exp)?;
        let (code, assumed) = currency_code(&c[4], c.get(3).map(|m| m.as_str()))?;
        let how = if assumed { " ('dollars' read as US dollars)" } else { "" };
        return Some(Parsed {
            note: format!("money '{src}' -> {value} {code} xsd:decimal{how}"),
            literal: typed(value, "decimal", Some(code.into())),
        });
    }
    if let Some(c) = MONEY_VAGUE.captures(&t) {
        let exp = match &c[1] {
            "dozens" => 1,
            "hundreds" => 2,
            "thousands" => 3,
            "millions" => 6,
            "billions" => 9,
            _ => 12,
        };
        let (value, _) = shift_decimal(if exp == 1 { "1.2" } else { "1" }, exp)?;
        let (code, assumed) = currency_code(c[3].trim_end_matches('s'), c.get(2).map(|m| m.as_str()))?;
        let how = if assumed { ", 'dollars' read as US dollars" } else { "" };
        return Some(Parsed {
            note: format!("money '{src}' -> {value} {code} xsd:decimal (vague amount: lower bound{how})"),
            literal: typed(value, "decimal", Some(code.into())),
        });
    }
    None
}

static PERCENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d[\d,]*(?:\.\d+)?)\s*(%|percent\b|per cent\b)").expect("valid regex"));
static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)(\d[\d,]*(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen)\s*(hundred|thousand|million|billion|trillion)?\s+(?:[a-z]+\s+)??([a-z][a-z-]*[a-z])\b")
        .expect("valid regex")
});
const NOT_UNITS: [&str; 24] = [
    "a", "an", "the", "of", "per", "in", "on", "at", "to", "for", "and", "or", "week", "day", "month", "year",
    "time", "times", "more", "less", "than", "other", "such", "which",
];

/// Singular form of a plural unit noun (`flights` -> `flight`, `tonnes` -> `tonne`,
/// `casualties` -> `casualty`).
pub fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for suffix in ["sses", "shes", "ches", "xes"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return format!("{stem}{}", &suffix[..suffix.len() - 2]);
        }
    }
    if word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") && word.len() > 3 {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

/// Reads a quantity: `20 flights` -> 20 `flight` (xsd:integer), `3.5 million barrels`,
/// `12%` / `12 percent` -> 12 `percent`. The unit is the singular head noun.
pub fn parse_quantity(text: &str) -> Option<Parsed> {
    let t = lower_clean(text);
    let src = text.trim();
    let mk = |value: String, integral: bool, unit: String| {
        let dt = if integral { "integer" } else { "decimal" };
        Some(Parsed {
            note: format!("quantity '{src}' -> {value} {unit} xsd:{dt}"),
            literal: typed(value, dt, Some(unit)),
        })
    };
    if let Some(c) = PERCENT.captures(&t) {
        let (value, integral) = shift_decimal(&c[1], 0)?;
        return mk(value, integral, "percent".into());
    }
    for c in QUANTITY.captures_iter(&t) {
        let unit = &c[3];
        if NOT_UNITS.contains(&unit) {
            continue;
        }
        let num = number_word(&c[1]).unwrap_or(&c[1]);
        if num == "1" && matches!(&c[1], "a" | "an") && c.get(2).is_none() {
            continue; // "a week", "an offensive": an article, not a number
        }
        let exp = c.get(2).and_then(|m| scale_exp(m.as_str())).unwrap_or(0);
        let (value, integral) = shift_decimal(num, exp)?;
        return mk(value, integral, singular(unit));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(p: Option<Parsed>) -> Option<(String, String, Option<String>)> {
        p.map(|p| {
            let dt = p.literal.datatype.unwrap_or_default();
            (p.literal.value, dt.trim_start_matches(XSD).to_string(), p.literal.unit)
        })
    }

    #[test]
    fn absolute_dates() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("February 3, 2026", Some(("2026-02-03", "date"))),
            ("on February 3, 2026", Some(("2026-02-03", "date"))),
            ("Feb. 3 2026", Some(("2026-02-03", "date"))),
            ("3 February 2026", Some(("2026-02-03", "date"))),
            ("the 3rd of February, 2026", Some(("2026-02-03", "date"))),
            ("2026-02-03", Some(("2026-02-03", "date"))),
            ("in January, 2025", Some(("2025-01", "gYearMonth"))),
            ("January 2025", Some(("2025-01", "gYearMonth"))),
            ("since 2015", Some(("2015", "gYear"))),
            ("February 30, 2026", None),
            ("some months earlier", None),
            ("the past few decades", None),
            ("20 flights", None),
        ];
        for (text, want) in cases {
            let got = v(parse_date(text, None));
            let want = want.map(|(a, b)| (a.to_string(), b.to_string(), None));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn relative_dates_need_the_document_date() {
        // 2026-01-27 is a Tuesday.
        let doc = Some("2026-01-27");
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("last year", Some(("2025", "gYear"))),
            ("this year", Some(("2026", "gYear"))),
            ("next month", Some(("2026-02", "gYearMonth"))),
            ("last month", Some(("2025-12", "gYearMonth"))),
            ("Friday", Some(("2026-01-23", "date"))),
            ("from Friday", Some(("2026-01-23", "date"))),
            ("on Tuesday", Some(("2026-01-27", "date"))),
            ("last Tuesday", Some(("2026-01-20", "date"))),
            ("next Friday", Some(("2026-01-30", "date"))),
            ("next Tuesday", Some(("2026-02-03", "date"))),
            ("yesterday", Some(("2026-01-26", "date"))),
            ("two years ago", Some(("2024", "gYear"))),
            ("three days ago", Some(("2026-01-24", "date"))),
            ("February 3", Some(("2026-02-03", "date"))),
            ("in March", Some(("2026-03", "gYearMonth"))),
        ];
        for (text, want) in cases {
            let got = v(parse_date(text, doc));
            let want = want.map(|(a, b)| (a.to_string(), b.to_string(), None));
            assert_eq!(got, want, "{text}");
            assert_eq!(parse_date(text, None), None, "{text} without a document date");
        }
    }

    #[test]
    fn calendar_round_trip() {
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(weekday(days_from_civil(2026, 2, 3)), 1); // a Tuesday
        assert_eq!(days_from_civil(1970, 1, 1), 0);
    }

    #[test]
    fn money() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("$4.25", Some(("4.25", "USD"))),
            ("$4.25 billion", Some(("4250000000", "USD"))),
            ("US$ 3 million", Some(("3000000", "USD"))),
            ("€5bn", Some(("5000000000", "EUR"))),
            ("£1,200", Some(("1200", "GBP"))),
            ("20 million Colombian pesos", Some(("20000000", "COP"))),
            ("two billion dollars", Some(("2000000000", "USD"))),
            ("billions of dollars", Some(("1000000000", "USD"))),
            ("hundreds of millions", None),
            ("20 flights", None),
            ("pesticide spraying", None),
        ];
        for (text, want) in cases {
            let got = v(parse_money(text));
            let want = want.map(|(a, u)| (a.to_string(), "decimal".to_string(), Some(u.to_string())));
            assert_eq!(got, want, "{text}");
        }
        assert!(parse_money("billions of dollars").is_some_and(|p| p.note.contains("lower bound")));
    }

    #[test]
    fn quantities() {
        type Case<'a> = (&'a str, Option<(&'a str, &'a str, &'a str)>);
        let cases: &[Case] = &[
            ("20 flights", Some(("20", "integer", "flight"))),
            ("There will be 20 flights", Some(("20", "integer", "flight"))),
            ("3.5 million barrels", Some(("3500000", "integer", "barrel"))),
            ("2.5 tonnes", Some(("2.5", "decimal", "tonne"))),
            ("12%", Some(("12", "integer", "percent"))),
            ("12.5 percent", Some(("12.5", "decimal", "percent"))),
            ("two casualties", Some(("2", "integer", "casualty"))),
            ("10,000 troops", Some(("10000", "integer", "troop"))),
            ("one a week", None),
            ("an offensive", None),
            ("pesticide spraying", None),
        ];
        for (text, want) in cases {
            let got = v(parse_quantity(text));
            let want = want.map(|(a, d, u)| (a.to_string(), d.to_string(), Some(u.to_string())));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn decimal_shifting_is_exact() {
        assert_eq!(shift_decimal("4.25", 9), Some(("4250000000".into(), true)));
        assert_eq!(shift_decimal("0.001", 2), Some(("0.1".into(), false)));
        assert_eq!(shift_decimal("007", 0), Some(("7".into(), true)));
        assert_eq!(shift_decimal("1.", 0), Some(("1".into(), true)));
        assert_eq!(shift_decimal("abc", 0), None);
    }
}
