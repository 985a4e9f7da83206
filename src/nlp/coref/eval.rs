//! `kgraph eval coref --gold FILE.conllu`: scores our coreference against a gold file with
//! GUM-style `Entity=` annotation and prints `NAME value` lines.
//!
//! Setting: gold words (as in the CoNLL shared tasks); our own tags, trees, NER and mentions.
//! A predicted mention matches a gold mention when their token spans are identical after
//! punctuation-only tokens are trimmed from both edges ([`span_key`]). Printed: mention detection
//! P/R/F1 against all gold mentions; MUC, B³, CEAF-e and CoNLL F1 (their mean) without
//! singletons (singleton entities removed from key and response, the CoNLL-2012 setting) and
//! with them; the pronoun accuracy defined at [`Report::pronoun_accuracy`]; and the same for an
//! exact-string-match baseline on the same predicted mentions (mentions with identical
//! lowercased text corefer), so the gain of the model is visible. `Coref-words/s` times mention
//! detection and resolution only (not tagging and parsing), on one core.

use super::score::{Scores, without_singletons};
use super::train::{CorefError, Prepared, prepare_file, span_key, third_person_pronoun};
use super::Coref;
use crate::nlp::Analyzer;
use crate::nlp::ner::Recognizer;
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::Path;

type Key = (usize, usize, usize);

/// Scores summed over documents.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub documents: usize,
    pub words: usize,
    pub without_singletons: Scores,
    pub with_singletons: Scores,
    /// Predicted mentions matching a gold mention, predicted mentions, gold mentions.
    pub mentions_matched: usize,
    pub mentions_predicted: usize,
    pub mentions_gold: usize,
    /// Correct and total third-person pronouns with a named antecedent.
    pub pronouns_correct: usize,
    pub pronouns: usize,
    /// Decisions on predicted mentions: anaphoric ones (an earlier predicted mention is in the same
    /// gold entity) put in a chain with such a mention, started anew, or put in another chain;
    /// non-anaphoric ones put in a chain with earlier mentions.
    pub decisions: Decisions,
}

/// Counts of mention-level decisions (see [`Report::decisions`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Decisions {
    pub correct_link: usize,
    pub false_new: usize,
    pub wrong_link: usize,
    pub false_link: usize,
    pub correct_new: usize,
}

impl Decisions {
    fn count(&mut self, gold: &[Option<usize>], response: &[usize]) {
        for j in 0..gold.len() {
            let starts = !(0..j).any(|i| response[i] == response[j]);
            let anaphoric = gold[j].is_some() && (0..j).any(|i| gold[i] == gold[j]);
            match (anaphoric, starts) {
                (true, true) => self.false_new += 1,
                (true, false) if (0..j).any(|i| gold[i] == gold[j] && response[i] == response[j]) => self.correct_link += 1,
                (true, false) => self.wrong_link += 1,
                (false, false) => self.false_link += 1,
                (false, true) => self.correct_new += 1,
            }
        }
    }
}

impl Report {
    /// Third-person personal pronouns in gold (gold UPOS PRON, `Person=3`, `PronType=Prs`: he,
    /// him, his, himself, she, her, it, its, they, them, their, …) whose gold chain has an
    /// earlier mention headed by a proper noun (gold UPOS PROPN). One counts as correct when our
    /// mention with the same span exists and its predicted chain holds another mention that
    /// matches a gold mention of the same gold chain and precedes the pronoun. In percent.
    pub fn pronoun_accuracy(&self) -> f64 {
        if self.pronouns == 0 { 0.0 } else { 100.0 * self.pronouns_correct as f64 / self.pronouns as f64 }
    }

    pub fn mention_precision(&self) -> f64 {
        pct(self.mentions_matched, self.mentions_predicted)
    }

    pub fn mention_recall(&self) -> f64 {
        pct(self.mentions_matched, self.mentions_gold)
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 }
}

/// Groups mention keys by cluster number, keeping the first mention of a duplicated key.
fn key_clusters(keys: &[Key], cluster: &[usize]) -> Vec<Vec<Key>> {
    let mut seen = HashSet::new();
    let mut by: HashMap<usize, Vec<Key>> = HashMap::new();
    let mut order = Vec::new();
    for (k, &c) in keys.iter().zip(cluster) {
        if !seen.insert(*k) {
            continue;
        }
        let e = by.entry(c).or_default();
        if e.is_empty() {
            order.push(c);
        }
        e.push(*k);
    }
    order.into_iter().map(|c| by.remove(&c).unwrap_or_default()).collect()
}

/// Scores predicted clusters (the cluster number of each predicted mention, per document).
pub fn score(docs: &[Prepared], responses: &[Vec<usize>]) -> Report {
    let mut r = Report::default();
    for (doc, response) in docs.iter().zip(responses) {
        r.documents += 1;
        r.words += doc.words();
        let gold = &doc.gold;
        let gold_keys: Vec<Key> = gold.mentions.iter().map(|m| span_key(&gold.gold[m.sentence], m.sentence, &m.tokens)).collect();
        let mut gold_entity = vec![0; gold.mentions.len()];
        for (e, members) in gold.clusters().iter().enumerate() {
            for &g in members {
                gold_entity[g] = e;
            }
        }
        let key = key_clusters(&gold_keys, &gold_entity);
        let sys_keys: Vec<Key> = doc.mentions.iter().map(|m| span_key(&doc.sentences[m.sentence].tokens, m.sentence, &m.tokens)).collect();
        let resp = key_clusters(&sys_keys, response);
        r.with_singletons.add_document(&key, &resp);
        r.without_singletons.add_document(&without_singletons(&key), &without_singletons(&resp));
        let gold_set: HashSet<Key> = gold_keys.iter().copied().collect();
        let sys_set: HashSet<Key> = sys_keys.iter().copied().collect();
        r.mentions_gold += gold_set.len();
        r.mentions_predicted += sys_set.len();
        r.mentions_matched += sys_set.intersection(&gold_set).count();
        let (c, n) = pronoun_counts(doc, &gold_keys, &gold_entity, &sys_keys, response);
        r.pronouns_correct += c;
        r.pronouns += n;
        r.decisions.count(&doc.cluster, response);
    }
    r
}

/// Correct and total pronouns of one document (see [`Report::pronoun_accuracy`]).
fn pronoun_counts(doc: &Prepared, gold_keys: &[Key], gold_entity: &[usize], sys_keys: &[Key], response: &[usize]) -> (usize, usize) {
    let gold = &doc.gold;
    let sys_at: HashMap<Key, usize> = sys_keys.iter().enumerate().rev().map(|(i, k)| (*k, i)).collect();
    let (mut correct, mut total) = (0, 0);
    for (g, m) in gold.mentions.iter().enumerate() {
        if m.tokens.len() != 1 || !third_person_pronoun(&gold.gold[m.sentence][m.tokens.start]) {
            continue;
        }
        let here = gold_keys[g];
        let earlier = |o: usize| gold_entity[o] == gold_entity[g] && o != g && (gold_keys[o].0, gold_keys[o].1) < (here.0, here.1);
        let named_before = (0..gold.mentions.len()).any(|o| {
            let om = &gold.mentions[o];
            earlier(o) && {
                let words = &gold.gold[om.sentence];
                let h = super::mentions::name_head(&crate::document::Sentence { tokens: words.clone(), ..Default::default() }, &om.tokens);
                words[h].upos == "PROPN"
            }
        });
        if !named_before {
            continue;
        }
        total += 1;
        let Some(&p) = sys_at.get(&here) else { continue };
        let antecedent_keys: HashSet<Key> = (0..gold.mentions.len()).filter(|&o| earlier(o)).map(|o| gold_keys[o]).collect();
        let ok = sys_keys.iter().enumerate().any(|(i, k)| i != p && response[i] == response[p] && antecedent_keys.contains(k));
        correct += ok as usize;
    }
    (correct, total)
}

/// The exact-string-match baseline: mentions with identical lowercased text corefer.
pub fn baseline_clusters(doc: &Prepared) -> Vec<usize> {
    let mut ids: HashMap<String, usize> = HashMap::new();
    doc.mentions
        .iter()
        .map(|m| {
            let n = ids.len();
            *ids.entry(m.text.to_lowercase()).or_insert(n)
        })
        .collect()
}

/// Runs the model on prepared documents; returns the clusters and the seconds spent (mention
/// detection included; the fastest of three runs, so that other processes on the machine
/// disturb the figure less).
pub fn run(coref: &Coref, docs: &[Prepared], speakers: bool) -> (Vec<Vec<usize>>, f64) {
    let mut seconds = 0.0;
    let responses = docs
        .iter()
        .map(|d| {
            let mut best = f64::INFINITY;
            let mut clusters = Vec::new();
            for _ in 0..3 {
                let clock = std::time::Instant::now();
                let found = super::mentions::detect(&d.gold.document.text, &d.sentences, &d.ner);
                let r = coref.resolve_mentions(&d.sentences, found, d.speakers(speakers));
                best = best.min(clock.elapsed().as_secs_f64());
                clusters = r.clusters;
            }
            seconds += best;
            clusters
        })
        .collect();
    (responses, seconds)
}

fn write_scores(out: &mut dyn Write, prefix: &str, s: &Scores, suffix: &str) -> std::io::Result<()> {
    for (name, m) in [("MUC", &s.muc), ("B3", &s.b3), ("CEAFe", &s.ceafe)] {
        writeln!(out, "{prefix}{name}-P{suffix} {:.2}", 100.0 * m.precision())?;
        writeln!(out, "{prefix}{name}-R{suffix} {:.2}", 100.0 * m.recall())?;
        writeln!(out, "{prefix}{name}-F1{suffix} {:.2}", 100.0 * m.f1())?;
    }
    writeln!(out, "{prefix}CoNLL-F1{suffix} {:.2}", 100.0 * s.conll_f1())
}

/// Prints a report's lines (`prefix` names the system, e.g. `Baseline-`).
pub fn write_report(out: &mut dyn Write, prefix: &str, r: &Report) -> std::io::Result<()> {
    write_scores(out, prefix, &r.without_singletons, "")?;
    write_scores(out, prefix, &r.with_singletons, "-with-singletons")?;
    writeln!(out, "{prefix}Pronoun-accuracy {:.2}", r.pronoun_accuracy())?;
    Ok(())
}

/// `kgraph eval coref`: scores `coref` (the embedded model unless another is given) on a gold file.
pub fn eval_coref(gold: &Path, coref: &Coref, speakers: bool, out: &mut dyn Write) -> Result<Report, CorefError> {
    let docs = prepare_file(gold, Analyzer::embedded()?, Recognizer::embedded()?)?;
    let (responses, seconds) = run(coref, &docs, speakers);
    let report = score(&docs, &responses);
    let baseline: Vec<Vec<usize>> = docs.iter().map(baseline_clusters).collect();
    let base = score(&docs, &baseline);
    writeln!(
        out,
        "# {}: {} documents, {} words; gold words, our tags, trees, NER and mentions{}",
        gold.display(),
        report.documents,
        report.words,
        if speakers { "; # speaker lines used" } else { "" }
    )?;
    writeln!(out, "Mentions-gold {}", report.mentions_gold)?;
    writeln!(out, "Mentions-predicted {}", report.mentions_predicted)?;
    writeln!(out, "Mentions-P {:.2}", report.mention_precision())?;
    writeln!(out, "Mentions-R {:.2}", report.mention_recall())?;
    let (p, rr) = (report.mention_precision(), report.mention_recall());
    writeln!(out, "Mentions-F1 {:.2}", if p + rr == 0.0 { 0.0 } else { 2.0 * p * rr / (p + rr) })?;
    write_report(out, "", &report)?;
    writeln!(out, "Pronouns {}", report.pronouns)?;
    let d = report.decisions;
    writeln!(out, "Decisions-correct-link {}", d.correct_link)?;
    writeln!(out, "Decisions-false-new {}", d.false_new)?;
    writeln!(out, "Decisions-wrong-link {}", d.wrong_link)?;
    writeln!(out, "Decisions-false-link {}", d.false_link)?;
    writeln!(out, "Decisions-correct-new {}", d.correct_new)?;
    write_report(out, "Baseline-", &base)?;
    writeln!(out, "Coref-words/s {:.0}", report.words as f64 / seconds.max(1e-9))?;
    Ok(report)
}
