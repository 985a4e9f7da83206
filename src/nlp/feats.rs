//! Morphological features (`Number=Sing|Tense=Past|…`): a (lowercase form, XPOS, UPOS) → FEATS
//! table learned from the treebank, an (XPOS, UPOS) → most frequent FEATS fallback for unseen words,
//! and a context rule for `Voice=Pass` on past participles (passive unless a form of *have* governs
//! them: `was opposed` / `the man arrested` → passive, `has opposed` → active).

use super::conllu::ConlluSentence;
use super::hash::{self, IdMap};
use super::model_file::{ModelError, Reader, Writer};
use crate::document::Token;
use std::collections::HashMap;

pub struct FeatsTable {
    by_word: IdMap<u32>,
    by_tag: IdMap<u32>,
    values: Vec<String>,
}

fn word_key(lower_hash: u64, xpos: &str, upos: &str) -> u64 {
    hash::feat(95, lower_hash, hash::mix(hash::str(xpos), hash::str(upos)))
}

fn tag_key(xpos: &str, upos: &str) -> u64 {
    hash::feat(96, hash::str(xpos), hash::str(upos))
}

/// Drops features that describe the token rather than the word (typos, abbreviations, style).
fn clean(feats: &str) -> String {
    let kept: Vec<&str> = feats
        .split('|')
        .filter(|f| !f.starts_with("Typo=") && !f.starts_with("Style=") && !f.starts_with("Abbr=") && !f.is_empty() && *f != "_")
        .collect();
    if kept.is_empty() { "_".to_owned() } else { kept.join("|") }
}

impl FeatsTable {
    pub fn train(train: &[ConlluSentence]) -> FeatsTable {
        let mut by_word: HashMap<u64, HashMap<String, usize>> = HashMap::new();
        let mut by_tag: HashMap<u64, HashMap<String, usize>> = HashMap::new();
        for s in train {
            for w in &s.words {
                let f = clean(&w.feats);
                *by_word.entry(word_key(hash::lower(&w.form), &w.xpos, &w.upos)).or_default().entry(f.clone()).or_default() += 1;
                *by_tag.entry(tag_key(&w.xpos, &w.upos)).or_default().entry(f).or_default() += 1;
            }
        }
        let mut values = Vec::new();
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut pick = |m: HashMap<String, usize>| -> u32 {
            let (best, _) = m.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).expect("non-empty");
            *ids.entry(best.clone()).or_insert_with(|| {
                values.push(best);
                (values.len() - 1) as u32
            })
        };
        let mut bw = IdMap::default();
        let mut bt = IdMap::default();
        let mut by_tag: Vec<_> = by_tag.into_iter().collect();
        by_tag.sort_by_key(|(k, _)| *k);
        let mut by_word: Vec<_> = by_word.into_iter().collect();
        by_word.sort_by_key(|(k, _)| *k);
        for (k, m) in by_tag {
            bt.insert(k, pick(m));
        }
        for (k, m) in by_word {
            bw.insert(k, pick(m));
        }
        FeatsTable { by_word: bw, by_tag: bt, values }
    }

    /// Features for one word (without context).
    pub fn lookup(&self, form: &str, xpos: &str, upos: &str) -> &str {
        if let Some(&i) = self.by_word.get(&word_key(hash::lower(form), xpos, upos)) {
            return &self.values[i as usize];
        }
        if let Some(&i) = self.by_tag.get(&tag_key(xpos, upos)) {
            return &self.values[i as usize];
        }
        "_"
    }

    /// Fills `feats` of every token (needs xpos, upos and lemma), then fixes `Voice` of past participles.
    pub fn annotate(&self, tokens: &mut [Token]) {
        for t in tokens.iter_mut() {
            let f = self.lookup(&t.form, &t.xpos, &t.upos);
            t.feats.clear();
            t.feats.push_str(f);
        }
        for i in 0..tokens.len() {
            if tokens[i].xpos == "VBN" && tokens[i].upos == "VERB" {
                let passive = is_passive(tokens, i);
                set_voice(&mut tokens[i].feats, passive);
            }
        }
    }

    pub fn write(&self, w: &mut Writer) {
        w.u32(self.values.len() as u32);
        for v in &self.values {
            w.str(v);
        }
        for map in [&self.by_word, &self.by_tag] {
            let mut v: Vec<_> = map.iter().collect();
            v.sort();
            w.u32(v.len() as u32);
            for (k, i) in v {
                w.u64(*k);
                w.u32(*i);
            }
        }
    }

    pub fn read(r: &mut Reader) -> Result<FeatsTable, ModelError> {
        let n = r.u32()? as usize;
        let mut values = Vec::with_capacity(n);
        for _ in 0..n {
            values.push(r.str()?.to_owned());
        }
        let mut maps = Vec::new();
        for _ in 0..2 {
            let n = r.u32()? as usize;
            let mut m = IdMap::with_capacity_and_hasher(n, Default::default());
            for _ in 0..n {
                let k = r.u64()?;
                let i = r.u32()?;
                if i as usize >= values.len() {
                    return Err(ModelError::Corrupt { name: "ud-tagger.bin (feats)".into(), what: "feature index out of range".into() });
                }
                m.insert(k, i);
            }
            maps.push(m);
        }
        let by_tag = maps.pop().expect("2");
        let by_word = maps.pop().expect("2");
        Ok(FeatsTable { by_word, by_tag, values })
    }
}

/// Passive unless the nearest verb to the left (skipping adverbs, negation and pronouns) is a form of
/// *have*; participles with no auxiliary at all (`the man arrested`, `opposed by Quillen`) are passive.
pub fn is_passive(tokens: &[Token], i: usize) -> bool {
    let mut j = i;
    let mut steps = 0;
    while j > 0 && steps < 4 {
        j -= 1;
        steps += 1;
        let t = &tokens[j];
        match t.upos.as_str() {
            "ADV" | "PART" | "PRON" => continue,
            "AUX" | "VERB" => {
                let l = t.lemma.as_str();
                if l == "have" {
                    return false;
                }
                if l == "be" || l == "get" {
                    return true;
                }
                return t.upos == "VERB"; // "had the car repaired", "saw it destroyed"
            }
            "CCONJ" if t.xpos == "CC" => {
                // "was arrested and charged": look further left for the shared auxiliary.
                continue;
            }
            _ => return true,
        }
    }
    true
}

fn set_voice(feats: &mut String, passive: bool) {
    let mut parts: Vec<&str> = feats.split('|').filter(|f| !f.starts_with("Voice=") && *f != "_" && !f.is_empty()).collect();
    if passive {
        parts.push("Voice=Pass");
    }
    parts.sort_by_key(|f| f.to_ascii_lowercase());
    let s = if parts.is_empty() { "_".to_owned() } else { parts.join("|") };
    *feats = s;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(spec: &[(&str, &str, &str, &str)]) -> Vec<Token> {
        spec.iter()
            .map(|(f, l, u, x)| Token { form: f.to_string(), lemma: l.to_string(), upos: u.to_string(), xpos: x.to_string(), ..Default::default() })
            .collect()
    }

    #[test]
    fn voice_of_participles() {
        let t = toks(&[("it", "it", "PRON", "PRP"), ("was", "be", "AUX", "VBD"), ("strongly", "strongly", "ADV", "RB"), ("opposed", "oppose", "VERB", "VBN")]);
        assert!(is_passive(&t, 3));
        let t = toks(&[("he", "he", "PRON", "PRP"), ("has", "have", "AUX", "VBZ"), ("not", "not", "PART", "RB"), ("opposed", "oppose", "VERB", "VBN")]);
        assert!(!is_passive(&t, 3));
        let t = toks(&[("a", "a", "DET", "DT"), ("practice", "practice", "NOUN", "NN"), ("opposed", "oppose", "VERB", "VBN")]);
        assert!(is_passive(&t, 2));
        let mut f = "Tense=Past|VerbForm=Part".to_owned();
        set_voice(&mut f, true);
        assert_eq!(f, "Tense=Past|VerbForm=Part|Voice=Pass");
        set_voice(&mut f, false);
        assert_eq!(f, "Tense=Past|VerbForm=Part");
    }

    #[test]
    fn clean_drops_token_level_features() {
        assert_eq!(clean("Number=Sing|Typo=Yes"), "Number=Sing");
        assert_eq!(clean("Abbr=Yes"), "_");
    }
}
