//! CaRB output: the system-output writer for `kgraph extract --format carb` (a stable interface
//! outside scorers read) and the rendering of propositions as CaRB tuples.
//!
//! In: CaRB sentences (one PTB-tokenized sentence a line), parsed by the analyzer. Out: system
//! lines (`sentence TAB confidence TAB relation TAB arg1 TAB arg2 …`). CaRB output carries
//! readings the graph never gets, at low confidence: one tuple per adverbial (`variant`), a long
//! reading per clause (`long`), and the `amod`, `nmod:in` and `poss:has` readings.
//!
//! The scorer (`kgraph eval carb`) is in [`score`], compiled with the `train` feature.

use super::repair;
use super::rules::{self, Kind, Part, Prop, Rules};
use super::tree::{NONE, Tree};
use super::Extractor;
use crate::document::{Sentence, Span, Token};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

#[cfg(feature = "train")]
pub mod score;
#[cfg(feature = "train")]
pub use score::{CarbScore, eval_carb, eval_carb_system, eval_carb_with, match_score, print_scores, read_gold, read_system, score};

/// Errors reading CaRB files.
#[derive(Debug, thiserror::Error)]
pub enum CarbError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}: {message}")]
    Syntax { path: PathBuf, line: usize, message: String },
    #[error("writing output: {0}")]
    Write(#[from] std::io::Error),
    #[error("loading the NLP models: {0}")]
    Model(#[from] crate::nlp::ModelError),
}

/// One tuple: relation and arguments (already whitespace-tokenized strings).
#[derive(Debug, Clone, PartialEq)]
pub struct CarbTuple {
    pub relation: String,
    pub args: Vec<String>,
    pub confidence: f64,
    /// The extraction rule (system output only; empty when read from a file).
    pub rule: String,
}


/// Maps PTB bracket escapes and quotes back to plain characters for the parser.
pub fn unescape_ptb(tok: &str) -> &str {
    match tok {
        "``" | "''" => "\"",
        "-LRB-" => "(",
        "-RRB-" => ")",
        "-LSB-" => "[",
        "-RSB-" => "]",
        "-LCB-" => "{",
        "-RCB-" => "}",
        _ => tok,
    }
}

/// Builds an unparsed [`Sentence`] from one pre-tokenized CaRB line (split on spaces, PTB escapes
/// mapped back). Token `i` is the `i`-th space-separated input token.
pub fn carb_sentence(line: &str) -> Sentence {
    let mut tokens = Vec::new();
    let mut byte = 0usize;
    let mut chars = 0usize;
    for piece in line.split(' ') {
        let n_chars = piece.chars().count();
        if !piece.is_empty() {
            let span = Span::new(byte..byte + piece.len(), chars..chars + n_chars);
            let mut t = Token::new(unescape_ptb(piece), span);
            t.space_after = true;
            tokens.push(t);
        }
        byte += piece.len() + 1;
        chars += n_chars + 1;
    }
    if let Some(last) = tokens.last_mut() {
        last.space_after = false;
    }
    Sentence {
        index: 0,
        paragraph: 1,
        span: Span::new(0..line.len(), 0..line.chars().count()),
        text: line.to_owned(),
        tokens,
    }
}

/// CaRB system lines for one input line whose sentence is already parsed (`sentence` built by
/// [`carb_sentence`] and analysed). Arguments and relations print the *input* tokens.
pub fn carb_lines(extractor: &super::Extractor, sentence: &Sentence, line: &str) -> Vec<String> {
    let input: Vec<&str> = line.split(' ').filter(|s| !s.is_empty()).collect();
    let word = |i: usize| -> &str { input.get(i).copied().unwrap_or(sentence.tokens[i].form.as_str()) };
    let mut out = Vec::new();
    for t in extractor.carb_tuples(sentence, &word) {
        let mut s = String::with_capacity(line.len() + 64);
        s.push_str(line);
        s.push('\t');
        s.push_str(&format!("{:.4}", t.confidence));
        s.push('\t');
        s.push_str(&t.relation);
        for a in &t.args {
            s.push('\t');
            s.push_str(a);
        }
        if debug_rules() {
            s.push_str("\t@");
            s.push_str(&t.rule);
        }
        out.push(s);
    }
    out
}

/// `OIE_RULES=1` appends `@rule|features` to every system line (a development aid for
/// calibrating confidences; never set in normal use).
pub(crate) fn debug_rules() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("OIE_RULES").is_some())
}

/// Writes CaRB system output for every line of `input`, parsing each sentence with `parse`.
pub fn write_carb_lines_with(
    input: impl BufRead,
    path: &Path,
    out: &mut dyn Write,
    parse: &mut dyn FnMut(&mut Sentence),
) -> Result<usize, CarbError> {
    let ex = super::Extractor::new();
    let mut n = 0;
    for line in input.lines() {
        let line = line.map_err(|source| CarbError::Io {
            path: path.to_owned(),
            source,
        })?;
        let line = line.trim_end_matches(['\r', '\n']);
        if line.trim().is_empty() {
            continue;
        }
        let mut s = carb_sentence(line);
        parse(&mut s);
        for l in carb_lines(&ex, &s, line) {
            writeln!(out, "{l}")?;
            n += 1;
        }
    }
    Ok(n)
}

/// `kgraph extract --format carb`: CaRB system lines for every line of `input` (one
/// PTB-tokenized sentence a line), parsed with the embedded [`crate::nlp::Analyzer`].
/// Returns the number of extractions written.
pub fn write_carb_lines(input: impl BufRead, path: &Path, out: &mut dyn Write) -> Result<usize, CarbError> {
    let analyzer = crate::nlp::Analyzer::embedded()?;
    write_carb_lines_with(input, path, out, &mut |s| analyzer.analyze(s))
}

// ---------------------------------------------------------------------------------------------
// Rendering propositions as CaRB tuples

impl Extractor {
    /// CaRB tuples (relation, arguments, confidence) with words taken from `word(i)`.
    pub(crate) fn carb_tuples<'w>(&self, sentence: &Sentence, word: &dyn Fn(usize) -> &'w str) -> Vec<CarbTuple> {
        let repaired = repair::repair(&sentence.tokens);
        let tree = Tree::new(repaired.as_deref().unwrap_or(&sentence.tokens));
        let ment = vec![None; tree.len()];
        let props = self.props(&tree, &ment, &[]);
        let mut out: Vec<CarbTuple> = Vec::new();
        for p in &props {
            if !p.carb {
                continue;
            }
            let mut variants: Vec<CarbTuple> = Vec::new();
            let Some(t) = carb_tuple(&tree, p, word) else { continue };
            variants.push(t);
            // ClausIE-style: one extra proposition per optional adverbial when there are several
            let obls: Vec<usize> = (0..p.slots.len()).filter(|&i| matches!(p.slots[i].kind, Kind::Obl)).collect();
            if p.lit.is_none() && obls.len() >= 2 {
                for &keep in &obls {
                    let mut q = p.clone();
                    let mut idx = 0;
                    q.slots.retain(|_| {
                        idx += 1;
                        let i = idx - 1;
                        i == keep || !obls.contains(&i)
                    });
                    q.conf *= variant_factor();
                    q.rule = "variant";
                    if let Some(t) = carb_tuple(&tree, &q, word) {
                        variants.push(t);
                    }
                }
            }
            if debug_rules() {
                let arg_len: usize = p.slots.iter().map(|s| s.part.toks.len() + s.case.len()).sum();
                let feats = format!(
                    "|{}|{}|{}|{}|{}|{}|{:.3}",
                    tree.len(),
                    arg_len,
                    p.subj.toks.len(),
                    p.slots.len(),
                    if p.pred < tree.len() { tree.rel(p.pred) } else { "-" },
                    if p.subj.head < tree.len() { tree.upos(p.subj.head) } else { "-" },
                    p.conf
                );
                for v in variants.iter_mut() {
                    v.rule.push_str(&feats);
                }
            }
            // a long reading for plain CaRB's recall: everything the predicate governs to its right
            if long_variants() && p.lit.is_none() && !p.slots.is_empty() {
                let from = p.rel.iter().copied().max().unwrap_or(p.pred);
                let right: Vec<usize> = tree
                    .phrase(p.pred, &|_| false)
                    .into_iter()
                    .filter(|&x| x > from && !p.rel.contains(&x))
                    .collect();
                let covered: usize = p.slots.iter().map(|s| s.part.toks.len() + s.case.len()).sum();
                if right.len() > covered + 2 {
                    if let Some(mut t) = carb_tuple(&tree, p, word) {
                        let mut text = String::new();
                        for &x in &right {
                            if !text.is_empty() {
                                text.push(' ');
                            }
                            text.push_str(word(x));
                        }
                        t.args.truncate(1);
                        t.args.push(text);
                        t.confidence *= long_factor();
                        t.rule = "long".into();
                        variants.push(t);
                    }
                }
            }
            for t in variants {
                match out.iter().position(|o| o.relation == t.relation && o.args == t.args) {
                    Some(k) => {
                        if out[k].confidence < t.confidence {
                            out[k].confidence = t.confidence;
                        }
                    }
                    None => out.push(t),
                }
            }
        }
        out
    }
}

/// Confidence factor of the long reading (CaRB only).
fn long_factor() -> f64 {
    0.25
}

/// Whether CaRB output adds a low-confidence long reading per clause: (subject; relation;
/// everything the predicate governs to its right). Plain CaRB credits long arguments, and at a
/// low confidence the reading only enters the low end of the P-R curve.
fn long_variants() -> bool {
    true
}

fn carb_pronoun_resolution() -> bool {
    true
}

/// Confidence factor of the one-adverbial variants of an n-ary CaRB tuple.
fn variant_factor() -> f32 {
    0.3
}

fn carb_words<'w>(part: &Part, word: &dyn Fn(usize) -> &'w str) -> String {
    let mut out = String::new();
    for &i in &part.toks {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word(i));
        if part.poss_after == Some(i) {
            out.push_str(" 's");
        }
    }
    out
}

/// CaRB gold often names the referent of a subordinate clause's pronoun subject (`when it broke
/// out` → The division): the main clause's subject when it is a plain noun phrase.
fn carb_subject(tr: &Tree, p: &Prop) -> Option<Part> {
    let h = p.subj.head;
    if h >= tr.len() || !tr.form_is(h, &["he", "she", "it", "they"]) || p.lit.is_some() || tr.rel(p.pred) == "root" {
        return None;
    }
    let root = (0..tr.len()).find(|&k| tr.head[k] == NONE)?;
    if !tr.ancestor_of(root, p.pred) || root == p.pred {
        return None;
    }
    let s = tr.kids(root).find(|&k| matches!(tr.rel(k), "nsubj" | "nsubj:pass"))?;
    if s > h || !matches!(tr.upos(s), "NOUN" | "PROPN") {
        return None;
    }
    let r = Rules { tr, ment: &[], kind: &[] };
    Some(r.np(s, true))
}

fn carb_tuple<'w>(tr: &Tree, p: &Prop, word: &dyn Fn(usize) -> &'w str) -> Option<CarbTuple> {
    let resolved = if carb_pronoun_resolution() { carb_subject(tr, p) } else { None };
    let subj = carb_words(resolved.as_ref().unwrap_or(&p.subj), word);
    if subj.is_empty() {
        return None;
    }
    let mut rel = match &p.lit {
        Some(l) => l.words.clone(),
        None => p.rel.iter().map(|&i| word(i)).collect::<Vec<_>>().join(" "),
    };
    let mut slots: Vec<&rules::Slot> = p.slots.iter().collect();
    slots.sort_by_key(|s| {
        let core = matches!(s.kind, Kind::Obj | Kind::Iobj | Kind::Comp | Kind::Clause);
        (!core, s.part.head < p.pred && !core, s.part.head)
    });
    let mut args = vec![subj];
    for (k, sl) in slots.iter().enumerate() {
        let text = carb_words(&sl.part, word);
        if text.is_empty() {
            continue;
        }
        let mut case: Vec<&str> = sl.case.iter().map(|&c| word(c)).collect();
        let mut text = text;
        if case.is_empty() && matches!(sl.kind, Kind::Obl) && sl.part.toks.len() > 1 && tr.upos(sl.part.toks[0]) == "ADP" {
            // a preposition the parser attached inside the phrase
            let w = word(sl.part.toks[0]);
            case.push(w);
            text = text[w.len()..].trim_start().to_owned();
        }
        let first_after = k == 0 && (sl.part.head > p.pred || sl.kind == Kind::Clause) && p.lit.is_none();
        if first_after && !case.is_empty() && sl.kind != Kind::Agent && !case[0].eq_ignore_ascii_case("according") {
            rel.push(' ');
            rel.push_str(&case.join(" "));
            args.push(text);
        } else if !case.is_empty() {
            args.push(format!("{} {}", case.join(" "), text));
        } else {
            args.push(text);
        }
    }
    if args.len() < 2 || rel.is_empty() {
        return None;
    }
    Some(CarbTuple {
        relation: rel,
        args,
        confidence: p.conf as f64,
        rule: p.rule.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carb_sentence_unescapes_for_the_parser() {
        let s = carb_sentence("He said `` yes '' -LRB- twice -RRB- .");
        let forms: Vec<&str> = s.tokens.iter().map(|t| t.form.as_str()).collect();
        assert_eq!(forms, ["He", "said", "\"", "yes", "\"", "(", "twice", ")", "."]);
        assert_eq!(&s.text[s.tokens[5].span.byte.clone()], "-LRB-");
    }
}
