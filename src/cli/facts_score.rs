//! `kgraph eval facts`: scores extracted facts against hand-written gold files — a port of
//! `../shared/tools/score_facts.py` (one article) and `score_news.sh` (a folder), with the same
//! matching rules and the same output lines, so numbers from either are the same numbers.
//!
//! In: a gold file (`level subject predicate object paragraph qualifiers`, aliases in its `#`
//! block) and the facts as `kgraph extract --format tsv` prints them. Out: the misses, the
//! violations (and with `verbose` the found rows), then `must R/N should R/N mustnot-violations V
//! facts F`.
//!
//! Matching, as the Python scorer does it: entities case-insensitively with punctuation and
//! leading articles dropped and each word standing for its inflected forms, by label or alias,
//! objects also by containing the gold words in order; predicates when an alternative's words
//! (auxiliaries dropped) occur in order inside the extracted predicate; paragraphs must agree; a
//! negated fact earns nothing; `mustnot` rows forbid labels (`*` predicate), paragraphs, or plain
//! (asserted, not negated) statements.

use regex::Regex;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::sync::LazyLock;

type Forms = BTreeSet<String>;

const DROP_WORDS: [&str; 3] = ["a", "an", "the"];
const AUX: [&str; 26] = [
    "be", "is", "are", "was", "were", "been", "being", "am", "has", "have", "had", "will", "would", "shall", "should",
    "can", "could", "may", "might", "must", "do", "does", "did", "to", "also", "not",
];
/// "set" is an auxiliary to the scorer too ("is set to").
const AUX_EXTRA: &str = "set";

/// English irregular verbs, base form first, then its past tense / participle forms (the Python
/// scorer's table; the first base listed for a form wins).
const IRREGULAR_VERBS: &str = "arise arose arisen|awake awoke awoken|be was were been|bear bore borne born|beat beaten|become became|begin began begun
bend bent|bet|bid|bind bound|bite bit bitten|bleed bled|blow blew blown|break broke broken|breed bred|bring brought
build built|burn burnt|burst|buy bought|cast|catch caught|choose chose chosen|cling clung|come came|cost|creep crept
cut|deal dealt|dig dug|do did done|draw drew drawn|dream dreamt|drink drank drunk|drive drove driven|eat ate eaten
fall fell fallen|feed fed|feel felt|fight fought|find found|flee fled|fling flung|fly flew flown|forbid forbade forbidden
forecast|foresee foresaw foreseen|forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|get got gotten
give gave given|go went gone|grind ground|grow grew grown|hang hung|have had|hear heard|hide hid hidden|hit|hold held
hurt|keep kept|kneel knelt|know knew known|lay laid|lead led|lean leant|leap leapt|learn learnt|leave left|lend lent
let|lie lay lain|light lit|lose lost|make made|mean meant|meet met|mislead misled|overcome overcame|overtake overtook overtaken
oversee oversaw overseen|overthrow overthrew overthrown|pay paid|prove proven|put|quit|read|rid|ride rode ridden|ring rang rung
rise rose risen|run ran|say said|see saw seen|seek sought|sell sold|send sent|set|shake shook shaken|shed|shine shone
shoot shot|show shown|shrink shrank shrunk|shut|sing sang sung|sink sank sunk|sit sat|slay slew slain|sleep slept
slide slid|speak spoke spoken|speed sped|spend spent|spin spun|split|spread|spring sprang sprung|stand stood|steal stole stolen
stick stuck|sting stung|strike struck stricken|strive strove striven|swear swore sworn|sweep swept|swim swam swum
swing swung|take took taken|teach taught|tear tore torn|tell told|think thought|throw threw thrown|thrust|undergo underwent undergone
understand understood|undertake undertook undertaken|uphold upheld|upset|wake woke woken|wear wore worn|weep wept|win won
withdraw withdrew withdrawn|withhold withheld|withstand withstood|write wrote written";

static IRREGULAR: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for entry in IRREGULAR_VERBS.split(['|', '\n']).filter(|l| !l.trim().is_empty()) {
        let mut words = entry.split_whitespace();
        let Some(base) = words.next() else { continue };
        for form in words {
            map.entry(form).or_insert(base);
        }
    }
    map
});

static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[a-z0-9\x{00c0}-\x{024f}]+(?:'[a-z]+)?").expect("word pattern"));
static ALIAS_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^#\s+(.+?)\s+=\s+(.+)$").expect("alias pattern"));
static PAREN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*\(.*?\)").expect("paren pattern"));
static SPACES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+").expect("space pattern"));
static BLANK_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\n\s*\n").expect("blank-line pattern"));

/// Lower-cased words ("’" read as "'"), punctuation dropped.
pub fn words(text: &str) -> Vec<String> {
    let text = text.to_lowercase().replace('’', "'");
    WORD.find_iter(&text).map(|m| m.as_str().to_owned()).collect()
}

/// An entity label as the scorer compares it: words joined by spaces, leading articles dropped.
pub fn norm_entity(text: &str) -> String {
    let ws = words(text);
    let start = ws.iter().take_while(|w| DROP_WORDS.contains(&w.as_str())).count();
    ws[start..].join(" ")
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// The forms a word may stand for: itself, its irregular base, and the stems regular inflection
/// may have removed ("died" ~ "die", "cancelled" ~ "cancel"). Two words match when their sets meet.
pub fn stems(word: &str) -> Forms {
    let w = word.strip_suffix("'s").unwrap_or(word);
    let mut out = Forms::new();
    out.insert(w.to_owned());
    if let Some(base) = IRREGULAR.get(w) {
        out.insert((*base).to_owned());
    }
    const SUFFIXES: [(&str, &[&str]); 6] =
        [("ies", &["y"]), ("ied", &["y", "ie"]), ("ing", &["", "e"]), ("ed", &["", "e"]), ("es", &["", "e"]), ("s", &[""])];
    for (suffix, repls) in SUFFIXES {
        if let Some(root) = w.strip_suffix(suffix) {
            if char_len(w) < char_len(suffix) + 2 {
                continue;
            }
            for r in repls {
                out.insert(format!("{root}{r}"));
            }
            let chars: Vec<char> = root.chars().collect();
            if matches!(suffix, "ing" | "ed") && chars.len() >= 3 && chars[chars.len() - 1] == chars[chars.len() - 2] {
                out.insert(chars[..chars.len() - 1].iter().collect());
            }
        }
    }
    let shortened: Vec<String> = out
        .iter()
        .filter(|f| char_len(f) > 3 && f.ends_with('e'))
        .map(|f| f[..f.len() - 1].to_owned())
        .collect();
    out.extend(shortened);
    out
}

fn meet(a: &Forms, b: &Forms) -> bool {
    a.iter().any(|x| b.contains(x))
}

fn norm_pred(text: &str) -> Vec<Forms> {
    words(text).iter().filter(|w| !AUX.contains(&w.as_str()) && w.as_str() != AUX_EXTRA).map(|w| stems(w)).collect()
}

/// True when all of `needle` occurs in `hay`, contiguously and in order (items sharing a form).
fn contains_in_order(hay: &[Forms], needle: &[Forms]) -> bool {
    !needle.is_empty()
        && hay.len() >= needle.len()
        && (0..=hay.len() - needle.len()).any(|i| needle.iter().enumerate().all(|(k, n)| meet(&hay[i + k], n)))
}

/// One gold row, cells by header name (missing cells empty).
#[derive(Debug, Clone, Default)]
pub struct GoldRow {
    cells: HashMap<String, String>,
}

impl GoldRow {
    fn get(&self, key: &str) -> &str {
        self.cells.get(key).map(String::as_str).unwrap_or("")
    }
    fn paragraph(&self) -> Option<usize> {
        digits(self.get("paragraph"))
    }
}

fn digits(cell: &str) -> Option<usize> {
    let t = cell.trim();
    if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) { t.parse().ok() } else { None }
}

/// A gold file: its rows and its aliases (normalised canonical name → the aliases as written,
/// parenthesised remarks removed).
#[derive(Debug, Clone, Default)]
pub struct Gold {
    pub rows: Vec<GoldRow>,
    aliases: Vec<(String, Vec<String>)>,
}

impl Gold {
    pub fn parse(text: &str) -> Gold {
        let raw: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let mut gold = Gold::default();
        let mut in_aliases = false;
        for l in raw.iter().take_while(|l| l.starts_with('#')) {
            if l.to_lowercase().contains("aliases") {
                in_aliases = true;
                continue;
            }
            match ALIAS_LINE.captures(l) {
                Some(m) if in_aliases => {
                    let canon = norm_entity(&m[1]);
                    let aliases = m[2].split(" = ").map(|a| PAREN.replace_all(a, "").trim().to_owned());
                    match gold.aliases.iter_mut().find(|(c, _)| *c == canon) {
                        Some((_, list)) => list.extend(aliases),
                        None => gold.aliases.push((canon, aliases.collect())),
                    }
                }
                _ => in_aliases = false,
            }
        }
        let mut lines = raw.iter().filter(|l| !l.starts_with('#'));
        let Some(header) = lines.next() else { return gold };
        let header: Vec<&str> = header.split('\t').collect();
        for line in lines {
            let cells: Vec<&str> = line.split('\t').collect();
            let cells = header
                .iter()
                .enumerate()
                .map(|(i, h)| ((*h).to_owned(), cells.get(i).copied().unwrap_or("").to_owned()))
                .collect();
            gold.rows.push(GoldRow { cells });
        }
        gold
    }

    fn entity_forms(&self, gold_name: &str) -> BTreeSet<String> {
        let mut forms = BTreeSet::new();
        for alt in gold_name.split('|') {
            let base = norm_entity(alt);
            for (canon, aliases) in &self.aliases {
                // as the Python scorer does: the normalised name against the aliases as written
                if base == *canon || aliases.contains(&base) {
                    forms.insert(canon.clone());
                    forms.extend(aliases.iter().map(|a| norm_entity(a)));
                }
            }
            forms.insert(base);
        }
        forms
    }

    fn entity_matches(&self, gold_name: &str, label: &str, allow_contains: bool) -> bool {
        let got: Vec<Forms> = norm_entity(label).split_whitespace().map(stems).collect();
        self.entity_forms(gold_name).iter().any(|form| {
            let want: Vec<Forms> = form.split_whitespace().map(stems).collect();
            (want.len() == got.len() && want.iter().zip(&got).all(|(a, b)| meet(a, b)))
                || (allow_contains && contains_in_order(&got, &want))
        })
    }
}

fn pred_matches(alternatives: &str, label: &str) -> bool {
    let got = norm_pred(label);
    alternatives.split('|').any(|alt| contains_in_order(&got, &norm_pred(alt)))
}

/// One extracted fact as the scorer reads it.
#[derive(Debug, Clone)]
pub struct Fact {
    pub subject: String,
    pub predicate: String,
    pub object: String,
    pub paragraph: Option<usize>,
    pub modality: String,
    pub negated: bool,
}

/// The article's paragraphs (blank-line separated, else one a line), whitespace collapsed: where
/// a fact without a paragraph column is looked up by its evidence.
pub fn paragraphs_of(text: &str) -> Vec<String> {
    let paras: Vec<&str> = if BLANK_LINE.is_match(text) {
        BLANK_LINE.split(text).filter(|p| !p.trim().is_empty()).collect()
    } else {
        text.split('\n').filter(|p| !p.trim().is_empty()).collect()
    };
    paras.into_iter().map(|p| SPACES.replace_all(p, " ").into_owned()).collect()
}

/// Reads facts TSV (columns found by header name). Errors name the missing column.
pub fn read_facts(tsv: &str, doc_paras: Option<&[String]>) -> Result<Vec<Fact>, String> {
    let mut lines = tsv.split_terminator('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let Some(first) = lines.next() else { return Ok(Vec::new()) };
    let header: Vec<String> = first.split('\t').map(|h| h.trim().to_lowercase()).collect();
    for need in ["subject", "predicate", "object"] {
        if !header.iter().any(|h| h == need) {
            return Err(format!("facts file has no '{need}' column; header is {header:?}"));
        }
    }
    let mut facts = Vec::new();
    for line in lines {
        let cells: Vec<&str> = line.split('\t').collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let row: HashMap<&str, &str> = header.iter().map(String::as_str).zip(cells.iter().copied()).collect();
        let cell = |k: &str| row.get(k).copied().unwrap_or("");
        let paragraph = digits(cell("paragraph")).or_else(|| {
            let paras = doc_paras?;
            let ev = SPACES.replace_all(cell("evidence"), " ").trim().to_owned();
            if ev.is_empty() {
                return None;
            }
            let head: String = ev.chars().take(60).collect();
            paras.iter().position(|p| p.contains(&head)).map(|i| i + 1)
        });
        facts.push(Fact {
            subject: cell("subject").to_owned(),
            predicate: cell("predicate").to_owned(),
            object: cell("object").to_owned(),
            paragraph,
            modality: cell("modality").trim().to_lowercase(),
            negated: matches!(cell("negated").trim().to_lowercase().as_str(), "true" | "yes" | "1"),
        });
    }
    Ok(facts)
}

/// The counts of one article (or a sum of articles).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub must: usize,
    pub must_total: usize,
    pub should: usize,
    pub should_total: usize,
    pub violations: usize,
    pub facts: usize,
}

impl Score {
    pub fn add(&mut self, o: &Score) {
        self.must += o.must;
        self.must_total += o.must_total;
        self.should += o.should;
        self.should_total += o.should_total;
        self.violations += o.violations;
        self.facts += o.facts;
    }

    /// `must R/N should R/N mustnot-violations V facts F`, the scorer's last line.
    pub fn line(&self) -> String {
        format!(
            "must {}/{} should {}/{} mustnot-violations {} facts {}",
            self.must, self.must_total, self.should, self.should_total, self.violations, self.facts
        )
    }

    /// `score_news.sh`'s total line (percentages to one decimal).
    pub fn total_line(&self, articles: usize) -> String {
        let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
        format!(
            "total: must {}/{} ({:.1}%) should {}/{} ({:.1}%) mustnot-violations {} facts {} articles {articles}",
            self.must,
            self.must_total,
            pct(self.must, self.must_total),
            self.should,
            self.should_total,
            pct(self.should, self.should_total),
            self.violations,
            self.facts
        )
    }
}

fn py_opt(p: Option<usize>) -> String {
    p.map_or_else(|| "None".to_owned(), |p| p.to_string())
}

/// A string as Python's `repr` writes it (how the Python scorer shows a found fact).
fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::new();
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..=0xa0).contains(&(c as u32)) || c == '\u{ad}' => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if matches!(c as u32, 0x200b..=0x200f | 0x2028..=0x202e | 0x2060..=0x2064 | 0xfeff) => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Scores `facts` against `gold`; `report` receives the misses and violations (and, when
/// `verbose`, the found rows) as the Python scorer prints them.
pub fn score(gold: &Gold, facts: &[Fact], verbose: bool, report: &mut Vec<String>) -> Score {
    let mut s = Score { facts: facts.len(), ..Score::default() };
    for g in &gold.rows {
        let level = g.get("level");
        if level != "must" && level != "should" {
            continue;
        }
        let para = g.paragraph();
        let hit = facts.iter().find(|f| {
            !f.negated
                && (para.is_none() || f.paragraph.is_none() || f.paragraph == para)
                && gold.entity_matches(g.get("subject"), &f.subject, false)
                && gold.entity_matches(g.get("object"), &f.object, true)
                && pred_matches(g.get("predicate"), &f.predicate)
        });
        let (found, total) = if level == "must" { (&mut s.must, &mut s.must_total) } else { (&mut s.should, &mut s.should_total) };
        *total += 1;
        let row = format!("{level:6} {} | {} | {}", g.get("subject"), g.get("predicate"), g.get("object"));
        match hit {
            Some(f) => {
                *found += 1;
                if verbose {
                    report.push(format!(
                        "found   {row}  <- ({}, {}, {})",
                        py_repr(&f.subject),
                        py_repr(&f.predicate),
                        py_repr(&f.object)
                    ));
                }
            }
            None => report.push(format!("missed  {row} (paragraph {})", g.get("paragraph"))),
        }
    }
    let violation = |f: &Fact, g: &GoldRow| {
        format!(
            "mustnot {} | {} | {} (paragraph {}): {}",
            f.subject,
            f.predicate,
            f.object,
            py_opt(f.paragraph),
            g.get("qualifiers")
        )
    };
    // label rows (predicate '*'): a node label that must not exist, subject or object alike; the
    // same labels named twice count once
    let mut label_rows: Vec<((BTreeSet<String>, Option<usize>), &GoldRow)> = Vec::new();
    for g in gold.rows.iter().filter(|g| is_label_row(g)) {
        let names = if g.get("subject") != "*" { g.get("subject") } else { g.get("object") };
        let key = (names.split('|').map(norm_entity).collect::<BTreeSet<_>>(), g.paragraph());
        if !label_rows.iter().any(|(k, _)| *k == key) {
            label_rows.push((key, g));
        }
    }
    for ((names, para), g) in &label_rows {
        for f in facts {
            if (para.is_none() || f.paragraph.is_none() || f.paragraph == *para)
                && (names.contains(&norm_entity(&f.subject)) || names.contains(&norm_entity(&f.object)))
            {
                s.violations += 1;
                report.push(violation(f, g));
            }
        }
    }
    for g in gold.rows.iter().filter(|g| g.get("level") == "mustnot" && !is_label_row(g)) {
        let (subj, pred, obj) = (g.get("subject"), g.get("predicate"), g.get("object"));
        let para = g.paragraph();
        for f in facts {
            let bad = if pred.trim() == "*" {
                // a paragraph that must yield nothing
                para.is_some() && f.paragraph == para
            } else {
                // a statement the text negates, alleges or threatens stored as a plain fact
                !f.negated
                    && (f.modality.is_empty() || f.modality == "asserted")
                    && (para.is_none() || f.paragraph.is_none() || f.paragraph == para)
                    && (subj == "*" || gold.entity_matches(subj, &f.subject, false))
                    && (obj == "*" || gold.entity_matches(obj, &f.object, true))
                    && pred_matches(pred, &f.predicate)
            };
            if bad {
                s.violations += 1;
                report.push(violation(f, g));
            }
        }
    }
    s
}

fn is_label_row(g: &GoldRow) -> bool {
    g.get("level") == "mustnot" && g.get("predicate").trim() == "*" && !(g.get("subject") == "*" && g.get("object") == "*")
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOLD: &str = "# Source: invented\n# Aliases (one node each)\n#   Northland Rail = NR = the railway\n#   Mara Quint = Quint\n\
level\tsubject\tpredicate\tobject\tparagraph\tqualifiers\n\
must\tMara Quint\tchief executive of|head of\tNorthland Rail\t1\t\n\
must\tNorthland Rail\tcancel|scrap\tnight trains\t2\t\n\
should\tMara Quint\tsay\tdelays\t2\t\n\
mustnot\tthe railway\t*\t*\t\tunresolved nominal\n\
mustnot\tNorthland Rail\traise\tfares\t3\tonly a plan\n\
mustnot\t*\t*\t*\t4\tlinks\n";

    fn fact(s: &str, p: &str, o: &str, para: usize) -> Fact {
        Fact {
            subject: s.into(),
            predicate: p.into(),
            object: o.into(),
            paragraph: Some(para),
            modality: String::new(),
            negated: false,
        }
    }

    #[test]
    fn words_and_stems_follow_the_python_scorer() {
        assert_eq!(norm_entity("The Northland-Rail’s board!"), "northland rail's board");
        assert!(stems("cancelled").contains("cancel"));
        assert!(stems("won").contains("win"));
        assert!(stems("studies").contains("study"));
        assert!(stems("used").contains("us"));
        assert!(!stems("is").contains("i"));
    }

    #[test]
    fn aliases_objects_paragraphs_and_polarity() {
        let gold = Gold::parse(GOLD);
        let facts = vec![
            fact("Quint", "is chief executive of", "NR", 1),
            fact("NR", "scrapped", "its night trains", 2),
            fact("Quint", "said", "delays", 3),
            fact("the railway", "runs", "buses", 2),
            fact("Northland Rail", "will raise", "fares", 3),
            fact("Mara Quint", "wrote", "blog", 4),
        ];
        let mut report = Vec::new();
        let s = score(&gold, &facts, false, &mut report);
        assert_eq!((s.must, s.must_total, s.should, s.should_total), (2, 2, 0, 1), "{report:?}");
        assert_eq!(s.violations, 3, "{report:?}");
        assert!(report.iter().any(|l| l.starts_with("missed  should Mara Quint | say | delays (paragraph 2)")));
        let mut negated = facts[1].clone();
        negated.negated = true;
        let s = score(&gold, &[negated], false, &mut Vec::new());
        assert_eq!(s.must, 0);
    }

    #[test]
    fn facts_tsv_columns_by_name_and_evidence_lookup() {
        let paras = paragraphs_of("First para here.\n\nSecond para, with Quint.\n");
        let tsv = "Subject\tpredicate\tobject\tevidence\nQuint\tsays\tx\tSecond para, with Quint.\n\n";
        let facts = read_facts(tsv, Some(&paras)).unwrap();
        assert_eq!(facts.len(), 1);
        assert_eq!(facts[0].paragraph, Some(2));
        assert!(read_facts("a\tb\n", None).unwrap_err().contains("'subject'"));
    }

    #[test]
    fn totals_print_like_score_news() {
        let s = Score { must: 1, must_total: 16, should: 3, should_total: 8, violations: 2, facts: 9 };
        assert_eq!(
            s.total_line(2),
            "total: must 1/16 (6.2%) should 3/8 (37.5%) mustnot-violations 2 facts 9 articles 2"
        );
        assert_eq!(py_repr("it's"), "\"it's\"");
        assert_eq!(py_repr("a\\b"), "'a\\\\b'");
    }
}
