//! Word classes learned from unlabelled text, used as NER features that generalise beyond the
//! words seen in the annotated data.
//!
//! In (training only): plain texts (news JSONL `text` fields, the words of the NER training file).
//! Out: for each frequent lowercased word, two distributional clusters (k-means over left/right
//! neighbour counts, coarse and fine) and a capitalisation bucket (how often it is capitalised
//! away from the start of a sentence). Stored inside `ner.bin` after the weights.

use super::features::lower_hash;
use super::model::FeatMap;
use crate::nlp::model_file::{ModelError, Reader, Writer};
use std::collections::HashMap;

/// Per-word classes; 0 means unknown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordClass {
    pub coarse: u16,
    pub fine: u16,
    /// 1 + bucket of the capitalised share (see [`cap_bucket`]).
    pub cap: u8,
}

/// The lexicon: lowercased-word hash → classes.
#[derive(Default)]
pub struct Lexicon {
    index: FeatMap,
    classes: Vec<WordClass>,
}

impl Lexicon {
    pub fn len(&self) -> usize {
        self.classes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// Classes of a word given its lowercase hash ([`lower_hash`]).
    #[inline]
    pub fn get(&self, lower: u64) -> WordClass {
        self.index.get(&lower).map_or(WordClass::default(), |&i| self.classes[i as usize])
    }

    pub fn write(&self, w: &mut Writer) {
        let mut rows: Vec<(u64, u32)> = self.index.iter().map(|(&k, &v)| (k, v)).collect();
        rows.sort_unstable();
        w.u32(rows.len() as u32);
        for (k, i) in rows {
            let c = self.classes[i as usize];
            w.u64(k);
            w.u32(c.coarse as u32 | ((c.fine as u32) << 16));
            w.u8(c.cap);
        }
    }

    pub fn read(name: &str, r: &mut Reader<'_>, total: usize) -> Result<Lexicon, ModelError> {
        let n = r.u32()? as usize;
        if n > total / 13 {
            return Err(ModelError::Corrupt { name: name.to_owned(), what: format!("lexicon size {n}") });
        }
        let mut lex = Lexicon { index: FeatMap::with_capacity_and_hasher(n, Default::default()), classes: Vec::with_capacity(n) };
        for i in 0..n {
            let k = r.u64()?;
            let c = r.u32()?;
            let cap = r.u8()?;
            lex.index.insert(k, i as u32);
            lex.classes.push(WordClass { coarse: (c & 0xffff) as u16, fine: (c >> 16) as u16, cap });
        }
        Ok(lex)
    }
}

/// Capitalisation bucket of a capitalised share in [0, 1].
pub fn cap_bucket(share: f64) -> u8 {
    match share {
        s if s < 0.01 => 0,
        s if s < 0.1 => 1,
        s if s < 0.5 => 2,
        s if s < 0.9 => 3,
        _ => 4,
    }
}

/// Splits raw text into sentences of words (whitespace, with leading/trailing punctuation split
/// off) for counting; sentence ends at `.`, `!`, `?` and line breaks.
pub fn rough_sentences(text: &str) -> Vec<Vec<&str>> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut cur: Vec<&str> = Vec::new();
        for raw in line.split_whitespace() {
            let mut w = raw;
            let mut tail: Vec<&str> = Vec::new();
            while let Some(c) = w.chars().next().filter(|c| !c.is_alphanumeric()) {
                cur.push(&w[..c.len_utf8()]);
                w = &w[c.len_utf8()..];
            }
            while let Some(c) = w.chars().next_back().filter(|c| !c.is_alphanumeric()) {
                tail.push(&w[w.len() - c.len_utf8()..]);
                w = &w[..w.len() - c.len_utf8()];
            }
            if !w.is_empty() {
                cur.push(w);
            }
            let ends = tail.iter().any(|p| matches!(*p, "." | "!" | "?"));
            cur.extend(tail.into_iter().rev());
            if ends && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

fn lower(w: &str) -> String {
    w.to_lowercase()
}

/// Builds the lexicon from sentences of words. `coarse`/`fine` are the cluster counts.
pub fn build(sentences: &[Vec<&str>], min_count: usize, max_words: usize, coarse: usize, fine: usize, log: &mut dyn std::io::Write) -> Lexicon {
    // Counts and capitalisation.
    let mut count: HashMap<String, (usize, usize, usize)> = HashMap::new(); // total, non-initial, capitalised non-initial
    for s in sentences {
        for (i, w) in s.iter().enumerate() {
            if !w.chars().any(char::is_alphabetic) {
                continue;
            }
            let e = count.entry(lower(w)).or_default();
            e.0 += 1;
            if i > 0 && s[i - 1] != "\"" && s[i - 1] != ":" {
                e.1 += 1;
                if w.chars().next().is_some_and(char::is_uppercase) {
                    e.2 += 1;
                }
            }
        }
    }
    let mut vocab: Vec<(&String, usize)> = count.iter().filter(|(_, c)| c.0 >= min_count).map(|(w, c)| (w, c.0)).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    vocab.truncate(max_words);
    let word_id: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, (w, _))| (w.as_str(), i)).collect();
    // Context vocabulary: the most frequent words plus markers.
    const N_CTX: usize = 1000;
    let n_ctx = N_CTX.min(vocab.len());
    let dims = 2 * (n_ctx + 4);
    let ctx_of = |w: Option<&&str>| -> usize {
        match w {
            None => n_ctx,
            Some(w) if w.chars().any(|c| c.is_ascii_digit()) => n_ctx + 1,
            Some(w) => match word_id.get(lower(w).as_str()) {
                Some(&i) if i < n_ctx => i,
                _ if w.chars().next().is_some_and(char::is_uppercase) => n_ctx + 2,
                _ => n_ctx + 3,
            },
        }
    };
    let mut ctx: Vec<HashMap<u32, f32>> = vec![HashMap::new(); vocab.len()];
    for s in sentences {
        for (i, w) in s.iter().enumerate() {
            let Some(&id) = word_id.get(lower(w).as_str()) else { continue };
            let l = ctx_of(if i == 0 { None } else { s.get(i - 1) });
            let r = ctx_of(s.get(i + 1));
            *ctx[id].entry(l as u32).or_default() += 1.0;
            *ctx[id].entry((n_ctx + 4 + r) as u32).or_default() += 1.0;
        }
    }
    // sqrt + unit length.
    let vecs: Vec<Vec<(u32, f32)>> = ctx
        .into_iter()
        .map(|m| {
            let mut v: Vec<(u32, f32)> = m.into_iter().map(|(k, c)| (k, c.sqrt())).collect();
            v.sort_unstable_by_key(|x| x.0);
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt().max(1e-9);
            v.iter_mut().for_each(|x| x.1 /= norm);
            v
        })
        .collect();
    let c1 = kmeans(&vecs, dims, coarse, 12);
    let c2 = kmeans(&vecs, dims, fine, 12);
    let mut lex = Lexicon::default();
    for (i, (w, _)) in vocab.iter().enumerate() {
        let c = count[*w];
        let cap = if c.1 >= 3 { 1 + cap_bucket(c.2 as f64 / c.1 as f64) } else { 0 };
        lex.index.insert(lower_hash(w), i as u32);
        lex.classes.push(WordClass { coarse: 1 + c1[i] as u16, fine: 1 + c2[i] as u16, cap });
    }
    let _ = writeln!(log, "lexicon: {} sentences, {} words, clusters {coarse}/{fine}", sentences.len(), lex.len());
    lex
}

/// Spherical k-means, initialised with the first `k` vectors (the most frequent words).
fn kmeans(vecs: &[Vec<(u32, f32)>], dims: usize, k: usize, iters: usize) -> Vec<usize> {
    let k = k.min(vecs.len()).max(1);
    let mut cent = vec![0f32; k * dims];
    for (c, v) in vecs.iter().take(k).enumerate() {
        for &(d, x) in v {
            cent[c * dims + d as usize] = x;
        }
    }
    let mut assign = vec![0usize; vecs.len()];
    for _ in 0..iters {
        for (i, v) in vecs.iter().enumerate() {
            let mut best = (f32::NEG_INFINITY, 0);
            for c in 0..k {
                let row = &cent[c * dims..(c + 1) * dims];
                let s: f32 = v.iter().map(|&(d, x)| row[d as usize] * x).sum();
                if s > best.0 {
                    best = (s, c);
                }
            }
            assign[i] = best.1;
        }
        cent.iter_mut().for_each(|x| *x = 0.0);
        for (i, v) in vecs.iter().enumerate() {
            let c = assign[i];
            for &(d, x) in v {
                cent[c * dims + d as usize] += x;
            }
        }
        for c in 0..k {
            let row = &mut cent[c * dims..(c + 1) * dims];
            let norm = row.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                row.iter_mut().for_each(|x| *x /= norm);
            }
        }
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rough_sentences_split_punctuation() {
        let s = rough_sentences("Quillen met Strand. (They talked!) \"Fine,\" he said\nNext line");
        assert_eq!(s[0], ["Quillen", "met", "Strand", "."]);
        assert_eq!(s[1], ["(", "They", "talked", "!", ")"]);
        assert_eq!(s[2], ["\"", "Fine", ",", "\"", "he", "said"]);
        assert_eq!(s[3], ["Next", "line"]);
    }

    #[test]
    fn clusters_group_words_with_shared_contexts() {
        let text = "the cat sat . the dog sat . a cat ran . a dog ran . he went to Paris . she went to Rome . \
                    they flew to Paris . we flew to Rome . the cat ate . the dog ate .";
        let text = text.repeat(3);
        let sents = rough_sentences(&text);
        let lex = build(&sents, 1, 1000, 4, 6, &mut std::io::sink());
        let c = |w: &str| lex.get(lower_hash(w));
        assert_eq!(c("cat").fine, c("dog").fine);
        assert_eq!(c("paris").fine, c("rome").fine);
        assert_ne!(c("cat").fine, c("paris").fine);
        assert_eq!(c("Paris").cap, 1 + 4);
        assert_eq!(c("cat").cap, 1);
        assert_eq!(c("unseen"), WordClass::default());
        let mut w = Writer::default();
        lex.write(&mut w);
        let mut r = Reader::new("x", &w.buf);
        let back = Lexicon::read("x", &mut r, w.buf.len()).unwrap();
        assert_eq!(back.get(lower_hash("rome")), c("rome"));
    }
}
