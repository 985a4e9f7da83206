//! The learned confidence of a fact: how likely a reader judging the fact against its sentence
//! finds it correct (subject, relation, object and flags all right).
//!
//! In: a fact as the pipeline builds it — its evidence sentence (tags, tree and the parser's
//! margins), the open triple (rule, argument spans, flags), the resolution notes, the entity types
//! of its arguments and the rule-based confidence the extractor gave it. Out: named features
//! ([`features`]) and a probability from a logistic model ([`Model`]) whose weights ship in
//! `models/fact-confidence.tsv`.
//!
//! The model is ReVerb's recipe (Fader et al. 2011): logistic regression on hand-judged
//! extractions. The judged facts are the rows of `docs/precision-sample.md` (held-out documents
//! left out); `scripts/train_confidence.py` matches them to a build's facts, fits the weights
//! (deterministic) and reports cross-validated AUC. Features are general — rule names, universal
//! tags and relations, lengths, margins, flags — never words of an article.

use crate::document::{EntityType, FactObject, Modality, OpenTriple, Sentence};
use crate::nlp::parser::FORCED_MARGIN;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The weights shipped with kgraph (see the file's header for provenance).
const EMBEDDED: &str = include_str!("../models/fact-confidence.tsv");

/// Keep-threshold used when none is given: facts whose learned confidence is below it stay out of
/// the graph and of `kgraph extract` output. The highest threshold at which news-dev loses at most
/// two must facts and the seed article none (weights of 2,643 judged facts: at 0.30 news-dev must
/// 184/275 against 187 with every fact kept, 0.31 gives 182; out-of-fold judged precision 0.658
/// against 0.633 with every fact, 97 % of the correct facts kept).
pub const DEFAULT_MIN_CONFIDENCE: f32 = 0.30;

/// Prefix of the fact note that lists the features (when the pipeline is asked to keep them).
pub const FEATURES_NOTE: &str = "confidence-features: ";

/// A malformed weights file.
#[derive(Debug, thiserror::Error)]
pub enum ConfidenceError {
    #[error("line {line}: expected `feature<TAB>weight`, found {text:?}")]
    BadLine { line: usize, text: String },
}

/// One feature: a name and its value (1 for an indicator).
pub type Feature = (String, f32);

/// What the features of one fact are computed from.
pub struct FactEvidence<'a> {
    pub sentence: &'a Sentence,
    pub triple: &'a OpenTriple,
    /// Resolution notes (`pronoun:he→id`, `description:the firm→id`).
    pub notes: &'a [String],
    pub subject_kind: Option<EntityType>,
    pub object: &'a FactObject,
    pub object_kind: Option<EntityType>,
    /// Whether the predicate maps to an ontology property.
    pub normalized: bool,
    pub negated: bool,
    pub modality: Modality,
    pub attributed: bool,
    /// The confidence the extractor's rules gave (rule prior × parse evidence).
    pub prior: f32,
    /// How many facts the pipeline made from the same sentence.
    pub facts_in_sentence: usize,
}

/// A logistic model over named features. A weight named `feature<cut` applies when the feature's
/// value is below `cut` (a step, so the model can bend where a straight line cannot).
#[derive(Debug, Clone, Default)]
pub struct Model {
    bias: f32,
    weights: HashMap<String, f32>,
    steps: HashMap<String, Vec<(f32, f32)>>,
}

impl Model {
    /// Reads `feature<TAB>weight` lines; `#` starts a comment line; the feature `bias` is the intercept.
    pub fn parse(text: &str) -> Result<Model, ConfidenceError> {
        let mut m = Model::default();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || ConfidenceError::BadLine { line: i + 1, text: line.to_owned() };
            let (name, w) = line.split_once('\t').ok_or_else(bad)?;
            let w: f32 = w.trim().parse().map_err(|_| bad())?;
            let step = name.split_once('<').and_then(|(f, c)| Some((f, c.parse::<f32>().ok()?)));
            if name == "bias" {
                m.bias = w;
            } else if let Some((feature, cut)) = step {
                m.steps.entry(feature.to_owned()).or_default().push((cut, w));
            } else {
                m.weights.insert(name.to_owned(), w);
            }
        }
        Ok(m)
    }

    /// The shipped model; `None` only if the embedded file is malformed (a test guards it).
    pub fn embedded() -> Option<&'static Model> {
        static M: OnceLock<Option<Model>> = OnceLock::new();
        M.get_or_init(|| Model::parse(EMBEDDED).ok()).as_ref()
    }

    /// Whether the model has any weights (an empty file leaves the rule-based confidence alone).
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty() && self.steps.is_empty()
    }

    /// P(correct) = σ(bias + Σ weight × value + Σ step weights whose cut the value is below);
    /// unknown features weigh nothing.
    pub fn probability(&self, features: &[Feature]) -> f32 {
        let z: f32 = self.bias
            + features
                .iter()
                .map(|(k, v)| {
                    let linear = self.weights.get(k).copied().unwrap_or(0.0) * v;
                    let steps: f32 = self.steps.get(k).map_or(0.0, |s| s.iter().filter(|(cut, _)| v < cut).map(|(_, w)| w).sum());
                    linear + steps
                })
                .sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }
}

/// The features of one fact (names as in the weights file).
pub fn features(e: &FactEvidence) -> Vec<Feature> {
    let mut f: Vec<Feature> = Vec::new();
    let mut flag = |name: String| f.push((name, 1.0));
    let t = e.triple;
    let toks = &e.sentence.tokens;
    let n = toks.len();
    flag(format!("rule={}", t.rule));
    flag(format!("rule_family={}", t.rule.split(':').next().unwrap_or("")));
    flag(format!("subj_len={}", length_bin(t.subject.tokens.len())));
    flag(format!("subj_upos={}", upos_at(e.sentence, t.subject.head)));
    match &t.object {
        Some(o) => {
            flag(format!("obj_len={}", length_bin(o.tokens.len())));
            flag(format!("obj_upos={}", upos_at(e.sentence, o.head)));
        }
        None => flag("no_object".into()),
    }
    if let Some(r) = resolution(e.notes, &t.subject.text) {
        flag(format!("subj_res={r}"));
    }
    if let Some(r) = t.object.as_ref().and_then(|o| resolution(e.notes, &o.text)) {
        flag(format!("obj_res={r}"));
    }
    flag(format!("subj_kind={}", kind_name(e.subject_kind)));
    match e.object {
        FactObject::Literal(_) => flag("obj_literal".into()),
        FactObject::Entity(_) => flag(format!("obj_kind={}", kind_name(e.object_kind))),
    }
    if e.normalized {
        flag("normalized".into());
    }
    if e.negated {
        flag("negated".into());
    }
    flag(format!("modality={}", e.modality.as_str()));
    if e.attributed {
        flag("attributed".into());
    }
    if n > 40 {
        flag("long_sentence".into());
    }
    let heads: Vec<usize> = std::iter::once(t.subject.head).chain(t.object.as_ref().map(|o| o.head)).filter(|&h| h < n).collect();
    let path = tree_path(e.sentence, &heads);
    for rel in path_relations(e.sentence, &path) {
        flag(format!("path_rel={rel}"));
    }
    if path.iter().any(|&d| !projective(e.sentence, d)) {
        flag("path_nonprojective".into());
    }
    if let Some(o) = &t.object {
        let (a, b) = (t.subject.tokens.clone(), o.tokens.clone());
        if b.start < a.start {
            flag("object_first".into());
        }
        let between = a.end.min(b.end)..a.start.max(b.start);
        for tok in toks.get(between.clone()).unwrap_or(&[]) {
            if let Some(p) = clause_break(&tok.form) {
                flag(format!("between={p}"));
            }
        }
        let commas = toks.get(between).unwrap_or(&[]).iter().filter(|t| t.form == ",").count();
        if commas > 0 {
            flag(format!("commas_between={}", commas.min(3)));
        }
    }
    f.push(("prior".into(), e.prior));
    f.push(("sentence_len".into(), (n as f32).ln_1p() / 4.0));
    f.push(("facts_in_sentence".into(), (e.facts_in_sentence as f32).ln_1p() / 3.0));
    f.push(("path_len".into(), (path.len() as f32).ln_1p() / 2.0));
    let arcs: Vec<f32> = path.iter().map(|&d| margin_value(toks[d].arc_margin)).collect();
    let labels: Vec<f32> = path.iter().map(|&d| margin_value(toks[d].label_margin)).collect();
    f.push(("path_min_arc_margin".into(), arcs.iter().copied().fold(MARGIN_CAP_VALUE, f32::min)));
    f.push(("path_min_label_margin".into(), labels.iter().copied().fold(MARGIN_CAP_VALUE, f32::min)));
    let all: Vec<f32> = toks.iter().map(|t| margin_value(t.arc_margin)).collect();
    f.push(("sentence_min_arc_margin".into(), all.iter().copied().fold(MARGIN_CAP_VALUE, f32::min)));
    f.push(("sentence_mean_arc_margin".into(), if all.is_empty() { 0.0 } else { all.iter().sum::<f32>() / all.len() as f32 }));
    let weak = all.iter().filter(|&&m| m < WEAK_MARGIN_VALUE).count();
    f.push(("sentence_weak_arcs".into(), (weak as f32).ln_1p() / 2.0));
    f
}

/// Margins above this are all "sure" (a forced move reports [`FORCED_MARGIN`]).
const MARGIN_CAP: f32 = 20_000.0;
const MARGIN_CAP_VALUE: f32 = 1.0;
/// A margin below this value (after [`margin_value`]) counts as a near tie.
const WEAK_MARGIN_VALUE: f32 = 0.5;

/// A parser margin on [0, 1]: log-scaled and capped (0 = a tie).
fn margin_value(m: f32) -> f32 {
    debug_assert!(MARGIN_CAP < FORCED_MARGIN as f32);
    (m.clamp(0.0, MARGIN_CAP).ln_1p() / MARGIN_CAP.ln_1p()).min(MARGIN_CAP_VALUE)
}

fn length_bin(k: usize) -> &'static str {
    match k {
        0 => "0",
        1 => "1",
        2 => "2",
        3 | 4 => "3-4",
        5..=8 => "5-8",
        _ => "9+",
    }
}

fn upos_at(s: &Sentence, i: usize) -> &str {
    s.tokens.get(i).map_or("NONE", |t| if t.upos.is_empty() { "NONE" } else { t.upos.as_str() })
}

fn kind_name(k: Option<EntityType>) -> String {
    k.map_or_else(|| "none".to_owned(), |k| format!("{k:?}"))
}

/// The resolution rule that gave an argument its entity (`pronoun`, `description-class`), from the
/// notes `rule:text→ids`.
fn resolution<'a>(notes: &'a [String], text: &str) -> Option<&'a str> {
    notes.iter().find_map(|n| {
        let (rule, rest) = n.split_once(':')?;
        let said = rest.split('→').next().unwrap_or(rest);
        (said.eq_ignore_ascii_case(text)).then_some(rule)
    })
}

/// Punctuation that usually ends a clause or opens an aside (a fact across it is often two facts glued).
fn clause_break(form: &str) -> Option<&'static str> {
    Some(match form {
        ";" => "semicolon",
        ":" => "colon",
        "(" | ")" | "[" | "]" => "bracket",
        "\"" | "“" | "”" | "''" | "``" => "quote",
        "—" | "–" | "--" => "dash",
        _ => return None,
    })
}

/// The tokens whose arcs join the heads in the tree: each head up to their lowest common ancestor
/// (the ancestor itself excluded, its own arc not being between them); one head gives its own arc.
fn tree_path(s: &Sentence, heads: &[usize]) -> Vec<usize> {
    let n = s.tokens.len();
    let up = |i: usize| -> Vec<usize> {
        let mut chain = vec![i];
        let mut cur = i;
        while let Some(h) = s.tokens[cur].head.checked_sub(1).filter(|&h| h < n) {
            if chain.contains(&h) || chain.len() > n {
                break;
            }
            chain.push(h);
            cur = h;
        }
        chain
    };
    match heads {
        [] => Vec::new(),
        [a] => vec![*a],
        [a, b, ..] => {
            let (ca, cb) = (up(*a), up(*b));
            let lca = ca.iter().position(|x| cb.contains(x));
            let mut path: Vec<usize> = match lca {
                Some(k) => {
                    let top = ca[k];
                    let kb = cb.iter().position(|&x| x == top).unwrap_or(cb.len());
                    ca[..k].iter().chain(&cb[..kb]).copied().collect()
                }
                None => ca.iter().chain(&cb).copied().collect(),
            };
            if path.is_empty() {
                path.push(*a);
            }
            path.sort_unstable();
            path.dedup();
            path
        }
    }
}

/// The base relations (`nsubj`, `conj`, `dep`, …) of the arcs on a path, sorted and deduplicated.
fn path_relations<'a>(s: &'a Sentence, path: &[usize]) -> Vec<&'a str> {
    let mut rels: Vec<&str> = path.iter().map(|&d| s.tokens[d].deprel.split(':').next().unwrap_or("")).filter(|r| !r.is_empty()).collect();
    rels.sort_unstable();
    rels.dedup();
    rels
}

/// Whether the arc into `d` is projective: every token between `d` and its head descends from the head.
fn projective(s: &Sentence, d: usize) -> bool {
    let n = s.tokens.len();
    let Some(h) = s.tokens[d].head.checked_sub(1).filter(|&h| h < n) else { return true };
    let (lo, hi) = (d.min(h), d.max(h));
    (lo + 1..hi).all(|k| {
        let mut cur = k;
        for _ in 0..=n {
            match s.tokens[cur].head.checked_sub(1).filter(|&x| x < n) {
                Some(x) if x == h => return true,
                Some(x) => cur = x,
                None => return false,
            }
        }
        false
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Argument, Token};

    /// Tokens from `form/upos/head/deprel` (heads 1-based, 0 = root).
    fn sentence(spec: &str) -> Sentence {
        let tokens = spec
            .split_whitespace()
            .map(|w| {
                let p: Vec<&str> = w.split('/').collect();
                Token { form: p[0].into(), upos: p[1].into(), head: p[2].parse().unwrap(), deprel: p[3].into(), arc_margin: 5000.0, label_margin: 5000.0, ..Default::default() }
            })
            .collect();
        Sentence { tokens, ..Default::default() }
    }

    fn arg(s: &Sentence, r: std::ops::Range<usize>, head: usize) -> Argument {
        let text = s.tokens[r.clone()].iter().map(|t| t.form.as_str()).collect::<Vec<_>>().join(" ");
        Argument { tokens: r, head, text, span: Default::default() }
    }

    fn triple(s: &Sentence, subj: (std::ops::Range<usize>, usize), obj: (std::ops::Range<usize>, usize)) -> OpenTriple {
        OpenTriple {
            sentence: 0,
            subject: arg(s, subj.0, subj.1),
            relation: "rel".into(),
            key: Default::default(),
            object: Some(arg(s, obj.0, obj.1)),
            extra: Vec::new(),
            qualifiers: Vec::new(),
            negated: false,
            modality: Modality::Asserted,
            attribution: None,
            rule: "clause:SVO".into(),
            confidence: 0.5,
        }
    }

    fn evidence<'a>(s: &'a Sentence, t: &'a OpenTriple, notes: &'a [String], obj: &'a FactObject) -> FactEvidence<'a> {
        FactEvidence {
            sentence: s,
            triple: t,
            notes,
            subject_kind: Some(EntityType::Person),
            object: obj,
            object_kind: Some(EntityType::Organization),
            normalized: false,
            negated: false,
            modality: Modality::Asserted,
            attributed: false,
            prior: 0.5,
            facts_in_sentence: 2,
        }
    }

    fn value(f: &[Feature], name: &str) -> Option<f32> {
        f.iter().find(|(k, _)| k == name).map(|(_, v)| *v)
    }

    // invented: "Mara Vellin joined the Ostrava Water Board ."
    const JOINED: &str = "Mara/PROPN/2/compound Vellin/PROPN/3/nsubj joined/VERB/0/root the/DET/7/det Ostrava/PROPN/7/compound Water/PROPN/7/compound Board/PROPN/3/obj ./PUNCT/3/punct";

    #[test]
    fn the_path_between_subject_and_object_goes_through_their_common_head() {
        let s = sentence(JOINED);
        assert_eq!(tree_path(&s, &[1, 6]), vec![1, 6]);
        assert_eq!(path_relations(&s, &[1, 6]), vec!["nsubj", "obj"]);
        // a head and its own dependent: only the dependent's arc
        assert_eq!(tree_path(&s, &[6, 4]), vec![4]);
    }

    #[test]
    fn a_weak_arc_on_the_path_lowers_the_path_minimum_but_one_elsewhere_does_not() {
        let mut s = sentence(JOINED);
        let t = triple(&s, (0..2, 1), (4..7, 6));
        let obj = FactObject::Entity("ostrava_water_board".into());
        let sure = value(&features(&evidence(&s, &t, &[], &obj)), "path_min_arc_margin").unwrap();
        s.tokens[3].arc_margin = 0.0; // `the`, off the path
        let off = value(&features(&evidence(&s, &t, &[], &obj)), "path_min_arc_margin").unwrap();
        assert_eq!(sure, off);
        s.tokens[6].arc_margin = 3.0; // the object's own arc
        let on = value(&features(&evidence(&s, &t, &[], &obj)), "path_min_arc_margin").unwrap();
        assert!(on < sure / 4.0, "{on} vs {sure}");
    }

    #[test]
    fn a_pronoun_subject_is_named_by_its_resolution_rule() {
        // invented: "She joined the Ostrava Water Board ."
        let s = sentence("She/PRON/2/nsubj joined/VERB/0/root the/DET/6/det Ostrava/PROPN/6/compound Water/PROPN/6/compound Board/PROPN/2/obj ./PUNCT/2/punct");
        let t = triple(&s, (0..1, 0), (3..6, 5));
        let notes = vec!["pronoun:she→mara_vellin".to_owned()];
        let obj = FactObject::Entity("ostrava_water_board".into());
        let f = features(&evidence(&s, &t, &notes, &obj));
        assert_eq!(value(&f, "subj_res=pronoun"), Some(1.0));
        assert_eq!(value(&f, "subj_upos=PRON"), Some(1.0));
        assert_eq!(value(&f, "obj_res=pronoun"), None);
    }

    #[test]
    fn punctuation_between_the_arguments_is_a_feature() {
        // invented: "Kell Harbour ; the ferry sank ." read as one fact across the semicolon
        let s = sentence("Kell/PROPN/2/compound Harbour/PROPN/5/nsubj ;/PUNCT/5/punct the/DET/5/det ferry/NOUN/0/root");
        let t = triple(&s, (0..2, 1), (3..5, 4));
        let obj = FactObject::Entity("ferry".into());
        let f = features(&evidence(&s, &t, &[], &obj));
        assert_eq!(value(&f, "between=semicolon"), Some(1.0));
    }

    #[test]
    fn a_crossing_arc_is_not_projective() {
        // `a` hangs on `c` across `b`, whose head `d` is no descendant of `c`
        let s = sentence("a/X/3/dep b/X/4/dep c/X/5/dep d/X/5/dep e/X/0/root");
        assert!(!projective(&s, 0));
        assert!(projective(&s, 3));
        // the same words with `b` under `c`: every arc projective
        let s = sentence("a/X/3/dep b/X/3/dep c/X/5/dep d/X/5/dep e/X/0/root");
        assert!((0..5).all(|d| projective(&s, d)));
    }

    #[test]
    fn weights_read_back_and_give_a_probability() {
        let m = Model::parse("# comment\nbias\t-1\nrule=clause:SVO\t2\nprior\t1\n").unwrap();
        let p = m.probability(&[("rule=clause:SVO".into(), 1.0), ("prior".into(), 0.5), ("unknown".into(), 1.0)]);
        assert!((p - 1.0 / (1.0 + (-1.5f32).exp())).abs() < 1e-6, "{p}");
        assert!(matches!(Model::parse("bias -1"), Err(ConfidenceError::BadLine { line: 1, .. })));
    }

    #[test]
    fn a_step_weight_applies_only_below_its_cut() {
        let m = Model::parse("bias\t0\nprior<0.3\t-2\nprior\t0\n").unwrap();
        let low = m.probability(&[("prior".into(), 0.2)]);
        let high = m.probability(&[("prior".into(), 0.4)]);
        assert!((high - 0.5).abs() < 1e-6, "{high}");
        assert!((low - 1.0 / (1.0 + 2f32.exp())).abs() < 1e-6, "{low}");
    }

    #[test]
    fn the_shipped_model_ranks_a_garbled_reading_below_a_clean_one() {
        // the same invented sentence read twice: a named person with a root verb and its object,
        // and a pronoun subject joined across a semicolon and two commas by a `conj` arc
        let m = Model::embedded().expect("shipped weights");
        let s = sentence(JOINED);
        let t = triple(&s, (0..2, 1), (4..7, 6));
        let obj = FactObject::Entity("ostrava_water_board".into());
        let clean = m.probability(&features(&evidence(&s, &t, &[], &obj)));
        let g = sentence("He/PRON/3/nsubj ,/PUNCT/3/punct left/VERB/0/root ;/PUNCT/6/punct ,/PUNCT/6/punct boards/NOUN/3/conj ,/PUNCT/3/punct");
        let tg = triple(&g, (0..1, 0), (5..6, 5));
        let notes = vec!["pronoun:he→mara_vellin".to_owned()];
        let garbled = m.probability(&features(&evidence(&g, &tg, &notes, &obj)));
        assert!(garbled < clean, "{garbled} vs {clean}");
    }

    #[test]
    fn the_shipped_weights_parse() {
        assert!(Model::embedded().is_some());
    }
}
