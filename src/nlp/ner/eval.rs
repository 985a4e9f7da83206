//! Reading NER gold data (Universal NER IOB2, GUM via [`super::gum`]) and scoring a recognizer on
//! it (`kgraph eval ner`): entity-level, exact span and type, conlleval style.
//!
//! In: `.iob2` or `.conllu` gold files and, for POS features, a [`PosSource`]. Out: [`NerSentence`]s,
//! document [`Sentence`]s for the recognizer, [`Counts`] and their report lines. Training
//! ([`super::train`]) reads its data through the same functions.

use super::bilou::{self, NerClass};
use super::{NerError, Recognizer};
use crate::document::{Sentence, Token};
use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Instant;


/// One sentence of an IOB2 file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NerSentence {
    pub sent_id: Option<String>,
    pub words: Vec<String>,
    pub tags: Vec<Option<(bool, NerClass)>>,
}

impl NerSentence {
    pub fn spans(&self) -> Vec<(Range<usize>, NerClass)> {
        bilou::bio_spans(&self.tags)
    }
}

/// Reads an IOB2 file (Universal NER layout; 3 or more tab-separated columns).
pub fn read_iob2(path: &Path) -> Result<Vec<NerSentence>, NerError> {
    let file = std::fs::File::open(path).map_err(|source| NerError::Io { path: path.to_owned(), source })?;
    read_iob2_from(std::io::BufReader::new(file), path)
}

/// Reads IOB2 text from a reader; `path` names it in errors.
pub fn read_iob2_from(reader: impl BufRead, path: &Path) -> Result<Vec<NerSentence>, NerError> {
    let mut out = Vec::new();
    let mut cur = NerSentence::default();
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|source| NerError::Io { path: path.to_owned(), source })?;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            if let Some(id) = c.trim().strip_prefix("sent_id =") {
                if !cur.words.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                cur.sent_id = Some(id.trim().to_owned());
            }
            continue;
        }
        let syntax = |message: String| NerError::Syntax { path: path.to_owned(), line: i + 1, message };
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            return Err(syntax(format!("expected at least 3 tab-separated columns, found {}", cols.len())));
        }
        let tag = bilou::parse_bio(cols[2].trim()).map_err(syntax)?;
        cur.words.push(cols[1].to_owned());
        cur.tags.push(tag);
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Reads NER gold data: GUM `.conllu` (names mapped by [`super::gum`]) or UNER `.iob2`.
pub fn read_gold(path: &Path) -> Result<Vec<NerSentence>, NerError> {
    if path.extension().is_some_and(|e| e == "conllu") { super::gum::read_gum(path) } else { read_iob2(path) }
}

/// Per-class and overall entity counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    /// (true positives, gold, predicted) per class in [`NerClass::ALL`] order.
    pub per_class: [(usize, usize, usize); 3],
}

impl Counts {
    /// Adds one sentence: exact span and exact type must match.
    pub fn add(&mut self, gold: &[(Range<usize>, NerClass)], pred: &[(Range<usize>, NerClass)]) {
        for (_, c) in gold {
            self.per_class[*c as usize].1 += 1;
        }
        for p in pred {
            self.per_class[p.1 as usize].2 += 1;
            if gold.contains(p) {
                self.per_class[p.1 as usize].0 += 1;
            }
        }
    }

    pub fn total(&self) -> (usize, usize, usize) {
        self.per_class.iter().fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2))
    }

    /// (P, R, F1) in percent.
    pub fn prf((tp, gold, pred): (usize, usize, usize)) -> (f64, f64, f64) {
        let p = if pred == 0 { 0.0 } else { 100.0 * tp as f64 / pred as f64 };
        let r = if gold == 0 { 0.0 } else { 100.0 * tp as f64 / gold as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (p, r, f)
    }

    pub fn f1(&self) -> f64 {
        Self::prf(self.total()).2
    }

    /// `PER P 85.10 R 80.00 F1 82.47` lines, then `overall P … R … F1 …`.
    pub fn report(&self) -> String {
        let mut s = String::new();
        for c in NerClass::ALL {
            let (p, r, f) = Self::prf(self.per_class[c as usize]);
            s.push_str(&format!("{} P {p:.2} R {r:.2} F1 {f:.2}\n", c.as_str()));
        }
        let (p, r, f) = Self::prf(self.total());
        s.push_str(&format!("overall P {p:.2} R {r:.2} F1 {f:.2}\n"));
        s
    }
}

/// Where evaluation and training take POS tags from.
#[derive(Debug, Clone)]
pub enum PosSource {
    /// No tags (the POS features stay empty).
    None,
    /// Tags from a `.conllu` file covering the same sentences (joined on `sent_id`): gold UD tags,
    /// or the jackknifed predictions written by [`jackknifed_tags`].
    Conllu(PathBuf),
    /// Predicted tags from the NLP core's tagger.
    Tagger,
}

/// Gold (upos, xpos) per sentence id whose words match the NER file's words.
fn load_pos(path: &Path) -> Result<PosMap, NerError> {
    let sents = crate::nlp::conllu::read_file(path).map_err(|e| NerError::Other(e.to_string()))?;
    Ok(sents
        .into_iter()
        .filter_map(|s| {
            let id = s.sent_id?;
            let forms = s.words.iter().map(|w| w.form.clone()).collect();
            let upos = s.words.iter().map(|w| w.upos.clone()).collect();
            let xpos = s.words.iter().map(|w| w.xpos.clone()).collect();
            Some((id, (forms, upos, xpos)))
        })
        .collect())
}

type PosMap = HashMap<String, (Vec<String>, Vec<String>, Vec<String>)>;

/// The NER sentences as document sentences with tokens (forms; tags per `pos`).
pub fn to_sentences(data: &[NerSentence], pos: &PosSource) -> Result<Vec<Sentence>, NerError> {
    let gold = match pos {
        PosSource::Conllu(p) => Some(load_pos(p)?),
        _ => None,
    };
    let mut out = Vec::with_capacity(data.len());
    for (k, s) in data.iter().enumerate() {
        let mut sent = Sentence { index: k, paragraph: 1, ..Default::default() };
        sent.tokens = s.words.iter().map(|w| Token { form: w.clone(), space_after: true, ..Default::default() }).collect();
        sent.text = s.words.join(" ");
        if let (Some(g), Some(id)) = (&gold, &s.sent_id)
            && let Some((forms, upos, xpos)) = g.get(id)
            && forms == &s.words
        {
            for (t, (u, x)) in sent.tokens.iter_mut().zip(upos.iter().zip(xpos)) {
                t.upos = u.clone();
                t.xpos = x.clone();
            }
        }
        if matches!(pos, PosSource::Tagger) {
            super::analyze_hook(&mut sent);
        }
        out.push(sent);
    }
    Ok(out)
}


/// `kgraph eval ner --gold FILE`: tags the gold file's words with the NLP core's tagger and the
/// embedded NER model; prints per-type and overall P/R/F1 and the NER stage's words/s.
pub fn eval_ner(gold: &Path, out: &mut dyn Write) -> Result<Counts, NerError> {
    let rec = Recognizer::embedded()?;
    eval_ner_with(rec, gold, &PosSource::Tagger, out)
}

/// Evaluation with an explicit recognizer and POS source.
pub fn eval_ner_with(rec: &Recognizer, gold: &Path, pos: &PosSource, out: &mut dyn Write) -> Result<Counts, NerError> {
    eval_ner_errors(rec, gold, pos, out, None)
}

/// [`eval_ner_with`] that also writes, to `errors` when given, every sentence whose predicted
/// names differ from the gold ones (see [`error_line`]).
pub fn eval_ner_errors(rec: &Recognizer, gold: &Path, pos: &PosSource, out: &mut dyn Write, mut errors: Option<&mut dyn Write>) -> Result<Counts, NerError> {
    let data = read_gold(gold)?;
    let sents = to_sentences(&data, pos)?;
    let mut counts = Counts::default();
    let mut alone = Counts::default();
    let t0 = Instant::now();
    let mut words = 0usize;
    for doc in documents(&data) {
        let tokens: Vec<&[Token]> = sents[doc.clone()].iter().map(|s| s.tokens.as_slice()).collect();
        let found = rec.document_names(&tokens);
        for ((d, s), (pred, _)) in data[doc.clone()].iter().zip(&sents[doc]).zip(found) {
            words += s.tokens.len();
            let gold_spans = d.spans();
            if let Some(e) = errors.as_mut()
                && gold_spans != pred
            {
                let _ = writeln!(e, "{}", error_line(d, &gold_spans, &pred));
            }
            counts.add(&gold_spans, &pred);
            alone.add(&gold_spans, &rec.names(&s.tokens).0);
        }
    }
    let secs = t0.elapsed().as_secs_f64().max(1e-9);
    let io = |source| NerError::Io { path: PathBuf::from("<output>"), source };
    write!(out, "{}", counts.report()).map_err(io)?;
    writeln!(out, "words {words} seconds {secs:.3} words/s {:.0}", words as f64 / secs).map_err(io)?;
    let (p, r, f) = Counts::prf(alone.total());
    writeln!(out, "sentence-level (no document pass) overall P {p:.2} R {r:.2} F1 {f:.2}").map_err(io)?;
    Ok(counts)
}

/// Index ranges of the documents of a gold file: runs of sentences whose `sent_id`s share the part
/// before the last `-` (`doc-0001`, `doc-0002`; GUM's `GUM_news_x-1`). Sentences without an id are
/// documents of their own.
fn documents(data: &[NerSentence]) -> Vec<Range<usize>> {
    fn doc(s: &NerSentence) -> Option<&str> {
        s.sent_id.as_deref().map(|id| id.rsplit_once('-').map_or(id, |(d, _)| d))
    }
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, s) in data.iter().enumerate() {
        match out.last_mut() {
            Some(r) if doc(s).is_some() && doc(s) == doc(&data[r.start]) => r.end = i + 1,
            _ => out.push(i..i + 1),
        }
    }
    out
}

/// One sentence's names as `sent_id<TAB>words<TAB>gold: [Name]ORG …<TAB>pred: …`, names written
/// `[words]TYPE`, for reading errors by eye.
fn error_line(d: &NerSentence, gold: &[(Range<usize>, NerClass)], pred: &[(Range<usize>, NerClass)]) -> String {
    let names = |spans: &[(Range<usize>, NerClass)]| {
        spans.iter().map(|(r, c)| format!("[{}]{}", d.words[r.clone()].join(" "), c.as_str())).collect::<Vec<_>>().join(" ")
    };
    format!("{}\t{}\tgold: {}\tpred: {}", d.sent_id.as_deref().unwrap_or("-"), d.words.join(" "), names(gold), names(pred))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_iob2_and_reports_errors_with_line() {
        let text = "# sent_id = a-1\n# text = Quillen met Strand\n1\tQuillen\tB-PER\t-\tx\n2\tmet\tO\n3\tStrand\tB-PER\t-\tx\n\n\
                    # sent_id = a-2\n1\tin\tO\n2\tNew\tB-LOC\n3\tYork\tI-LOC\n4\t.\tB-O\n";
        let s = read_iob2_from(text.as_bytes(), Path::new("t.iob2")).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].sent_id.as_deref(), Some("a-1"));
        assert_eq!(s[0].spans(), vec![(0..1, NerClass::Per), (2..3, NerClass::Per)]);
        assert_eq!(s[1].spans(), vec![(1..3, NerClass::Loc)]);
        let err = read_iob2_from("1\tx\tO\n2\ty\tZ-PER\n".as_bytes(), Path::new("bad.iob2")).unwrap_err();
        assert!(err.to_string().starts_with("bad.iob2:2:"), "{err}");
        let err = read_iob2_from("1\tx\n".as_bytes(), Path::new("bad.iob2")).unwrap_err();
        assert!(err.to_string().starts_with("bad.iob2:1:"), "{err}");
    }

    #[test]
    fn scorer_on_hand_made_cases() {
        use NerClass::*;
        let mut c = Counts::default();
        // Exact match, wrong type, wrong boundary, missed, spurious.
        c.add(&[(0..2, Per), (3..4, Loc), (5..7, Org), (8..9, Per)], &[(0..2, Per), (3..4, Org), (5..6, Org), (10..11, Loc)]);
        assert_eq!(c.per_class[Per as usize], (1, 2, 1));
        assert_eq!(c.per_class[Org as usize], (0, 1, 2));
        assert_eq!(c.per_class[Loc as usize], (0, 1, 1));
        assert_eq!(c.total(), (1, 4, 4));
        let r = c.report();
        assert!(r.starts_with("PER P 100.00 R 50.00 F1 66.67\n"), "{r}");
        assert!(r.contains("ORG P 0.00 R 0.00 F1 0.00\n"), "{r}");
        assert!(r.ends_with("overall P 25.00 R 25.00 F1 25.00\n"), "{r}");
        let mut perfect = Counts::default();
        perfect.add(&[(0..1, Per)], &[(0..1, Per)]);
        assert_eq!(perfect.f1(), 100.0);
        assert_eq!(Counts::default().f1(), 0.0);
    }

    #[test]
    fn eval_prints_per_type_and_overall_lines() {
        let dir = std::env::temp_dir().join(format!("kgraph-ner-eval-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let gold = dir.join("tiny.iob2");
        std::fs::write(
            &gold,
            "# sent_id = t-1\n1\tPresident\tO\n2\tDonald\tB-PER\n3\tStrand\tI-PER\n4\tvisited\tO\n5\tColombia\tB-LOC\n6\t.\tO\n",
        )
        .unwrap();
        let rec = Recognizer::embedded().unwrap();
        let mut out = Vec::new();
        let counts = eval_ner_with(rec, &gold, &PosSource::None, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("PER P ") && lines[1].starts_with("ORG P ") && lines[2].starts_with("LOC P "), "{text}");
        assert!(lines[3].starts_with("overall P ") && lines[3].contains(" F1 "), "{text}");
        assert!(lines[4].starts_with("words 6 "), "{text}");
        assert!(lines[5].starts_with("sentence-level (no document pass) overall P "), "{text}");
        assert_eq!(counts.total().1, 2);
        let missing = eval_ner_with(rec, &dir.join("missing.iob2"), &PosSource::None, &mut Vec::new()).unwrap_err();
        assert!(missing.to_string().contains("missing.iob2"), "{missing}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn documents_group_sentences_by_id_prefix() {
        let s = |id: Option<&str>| NerSentence { sent_id: id.map(str::to_owned), ..Default::default() };
        let data = [s(Some("web-x-0001")), s(Some("web-x-0002")), s(Some("GUM_news_y-1")), s(None), s(None), s(Some("GUM_news_y-2"))];
        assert_eq!(documents(&data), vec![0..2, 2..3, 3..4, 4..5, 5..6]);
        assert!(documents(&[]).is_empty());
    }

    #[test]
    fn error_lines_show_gold_and_predicted_names() {
        use NerClass::*;
        let d = NerSentence { sent_id: Some("t-1".into()), words: "Tam Orly joined Brevik Mills".split(' ').map(str::to_owned).collect(), tags: vec![] };
        let line = error_line(&d, &[(0..2, Per), (3..5, Org)], &[(0..2, Per), (3..4, Loc)]);
        assert_eq!(line, "t-1\tTam Orly joined Brevik Mills\tgold: [Tam Orly]PER [Brevik Mills]ORG\tpred: [Tam Orly]PER [Brevik]LOC");
        let none = NerSentence { words: vec!["so".into()], ..Default::default() };
        assert_eq!(error_line(&none, &[], &[]), "-\tso\tgold: \tpred: ");
    }
}
