//! Scoring tokenization and segmentation the CoNLL 2018 way: units match when they cover the
//! same characters (whitespace ignored). Both sides index the same text here, so a match is an
//! equal byte range. Used by the EWT evaluation harness; `nlp` may reuse it for its raw-text
//! evaluation.

use std::ops::Range;

/// Counts for precision / recall / F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prf {
    pub gold: usize,
    pub pred: usize,
    pub correct: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        if self.pred == 0 {
            0.0
        } else {
            self.correct as f64 / self.pred as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.correct as f64 / self.gold as f64
        }
    }
    pub fn f1(&self) -> f64 {
        if self.gold + self.pred == 0 {
            0.0
        } else {
            2.0 * self.correct as f64 / (self.gold + self.pred) as f64
        }
    }
    pub fn add(&mut self, o: Prf) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.correct += o.correct;
    }
}

/// Exact-match F1 of two sorted lists of ranges.
pub fn span_prf(gold: &[Range<usize>], pred: &[Range<usize>]) -> Prf {
    let (mut i, mut j, mut correct) = (0, 0, 0);
    while i < gold.len() && j < pred.len() {
        let (g, p) = (&gold[i], &pred[j]);
        if g == p {
            correct += 1;
            i += 1;
            j += 1;
        } else if (g.start, g.end) < (p.start, p.end) {
            i += 1;
        } else {
            j += 1;
        }
    }
    Prf {
        gold: gold.len(),
        pred: pred.len(),
        correct,
    }
}

/// Finds `forms` one after another in `text` (skipping whitespace between them): their byte
/// ranges, or the index of the first form that does not match the text.
pub fn align_forms<'f>(text: &str, forms: impl IntoIterator<Item = &'f str>) -> Result<Vec<Range<usize>>, usize> {
    let mut pos = 0;
    let mut out = Vec::new();
    for (k, f) in forms.into_iter().enumerate() {
        let rest = &text[pos..];
        let skip = rest.len() - rest.trim_start().len();
        pos += skip;
        if !text[pos..].starts_with(f) {
            return Err(k);
        }
        out.push(pos..pos + f.len());
        pos += f.len();
    }
    Ok(out)
}

/// Token, word and sentence scores of [`crate::text`] on a CoNLL-U treebank's raw text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RawTextScores {
    pub tokens: Prf,
    pub words: Prf,
    pub sentences: Prf,
}

/// Runs the tokenizer and splitter on the raw text of a CoNLL-U file and scores them against
/// its gold tokens, words and sentences (CoNLL 2018 style). The raw text is rebuilt by
/// [`super::corpus::raw_documents`]. Words inside multi-word tokens match when the token span,
/// their position in it and their lowercased form agree.
pub fn score_conllu_raw_text(conllu: &str) -> Result<RawTextScores, String> {
    let mut scores = RawTextScores::default();
    for doc in super::corpus::raw_documents(conllu)? {
        score_document(&doc, &mut scores);
    }
    Ok(scores)
}

type WordKey = (usize, usize, usize, String);

/// Adds the scores of one document (its text as rebuilt, possibly wrapped) to `scores`.
pub fn score_document(doc: &super::corpus::RawDoc, scores: &mut RawTextScores) {
    let raw = doc.text.as_str();
    let mut gold_tokens = Vec::with_capacity(doc.tokens.len());
    let mut gold_words = Vec::with_capacity(doc.tokens.len());
    for (r, words) in &doc.tokens {
        if words.is_empty() {
            gold_words.push((r.start, r.end, 0, String::new()));
        } else {
            gold_words.extend(words.iter().enumerate().map(|(k, f)| (r.start, r.end, k + 1, f.clone())));
        }
        gold_tokens.push(r.clone());
    }
    let pieces = super::tokenize_pieces(raw);
    let mut pred_tokens: Vec<Range<usize>> = Vec::new();
    let mut pred_words: Vec<WordKey> = Vec::new();
    let mut k = 0;
    while k < pieces.len() {
        let mut e = k + 1;
        while e < pieces.len() && pieces[e].joined {
            e += 1;
        }
        let r = pieces[k].start..pieces[e - 1].end;
        if e - k == 1 {
            pred_words.push((r.start, r.end, 0, String::new()));
        } else {
            for (n, p) in pieces[k..e].iter().enumerate() {
                pred_words.push((r.start, r.end, n + 1, p.form(raw).to_lowercase()));
            }
        }
        pred_tokens.push(r);
        k = e;
    }
    let pred_sents: Vec<Range<usize>> = super::sentence_ranges(raw).into_iter().map(|x| x.0).collect();
    scores.tokens.add(span_prf(&gold_tokens, &pred_tokens));
    scores.sentences.add(span_prf(&doc.sentences, &pred_sents));
    gold_words.sort();
    pred_words.sort();
    let correct = pred_words.iter().filter(|w| gold_words.binary_search(w).is_ok()).count();
    scores.words.add(Prf { gold: gold_words.len(), pred: pred_words.len(), correct });
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn scores_a_small_treebank() {
        let conllu = "# newdoc id = d\n# newpar\n# text = I don't.\n1\tI\n2-3\tdon't\n2\tdo\n3\tn't\n4\t.\n\n\
# text = Yes sir\n1\tYes\n2\tsir\n\n";
        let s = score_conllu_raw_text(conllu).unwrap();
        assert_eq!(
            s.tokens,
            Prf {
                gold: 5,
                pred: 5,
                correct: 5
            }
        );
        assert_eq!(
            s.words,
            Prf {
                gold: 6,
                pred: 6,
                correct: 6
            }
        );
        assert_eq!(
            s.sentences,
            Prf {
                gold: 2,
                pred: 2,
                correct: 2
            }
        );
        assert!(score_conllu_raw_text("# text = a\n1\tb\n\n").is_err());
    }

    /// EWT dev, raw text. `cargo test --release -- --ignored ewt_dev_raw_text --nocapture`
    /// (set `KGRAPH_EWT` to the corpus directory if it is not at `../shared/corpora/ud-english-ewt`).
    #[test]
    #[ignore]
    fn ewt_dev_raw_text() {
        let dir = std::env::var("KGRAPH_EWT").unwrap_or_else(|_| {
            let rel = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpora/ud-english-ewt");
            if std::path::Path::new(rel).exists() {
                rel.into()
            } else {
                "/work/shared/corpora/ud-english-ewt".into()
            }
        });
        let text = std::fs::read_to_string(format!("{dir}/en_ewt-ud-dev.conllu")).expect("EWT dev");
        let s = score_conllu_raw_text(&text).unwrap();
        println!(
            "Tokens {:.2}\nWords {:.2}\nSentences {:.2}",
            100.0 * s.tokens.f1(),
            100.0 * s.words.f1(),
            100.0 * s.sentences.f1()
        );
        assert!(s.tokens.f1() >= 0.985, "token F1 {}", s.tokens.f1());
        assert!(s.sentences.f1() >= 0.90, "sentence F1 {}", s.sentences.f1());
    }
}

#[cfg(test)]
mod unit_tests {
    use super::*;

    #[test]
    fn span_f1_counts_exact_matches() {
        let g = [0..2, 3..5, 5..6];
        let p = [0..2, 3..6];
        let r = span_prf(&g, &p);
        assert_eq!(
            r,
            Prf {
                gold: 3,
                pred: 2,
                correct: 1
            }
        );
        assert!((r.f1() - 0.4).abs() < 1e-9);
    }

    #[test]
    fn align_finds_forms_and_reports_mismatch() {
        assert_eq!(align_forms("I do n't", ["I", "do", "n't"]), Ok(vec![0..1, 2..4, 5..8]));
        assert_eq!(align_forms("I don't", ["I", "do", "n't"]), Ok(vec![0..1, 2..4, 4..7]));
        assert_eq!(align_forms("I don't", ["I", "dont"]), Err(1));
    }
}
