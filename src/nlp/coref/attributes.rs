//! Gender, number, animacy and semantic class of nouns and names, learned from coreference
//! chains instead of written down.
//!
//! For every gold chain of the training documents we note which third-person pronouns it
//! contains (masculine `he`, feminine `she`, neuter `it`, plural `they`, as our tagger's FEATS
//! say) and the chain's entity type (GUM's `person`, `organization`, `place`, …). Each
//! non-pronoun mention of the chain then adds these to the counts of its head lemma (`nurse`,
//! `firm`) and, for names, of its first and last word (`Maria`, `Okafor`). At run time the counts
//! say how likely `the nurse` is to be referred to by `she`, or a person called `Tomasz` by `he`.
//! This replaces hand-made first-name and role-noun lists.
//!
//! In: chains as (pronoun attributes, entity type, mention keys). Out: an [`AttributeTables`]
//! stored in `models/coref.bin`, queried by [`AttributeTables::noun`] and [`AttributeTables::name`].

use crate::nlp::model_file::{ModelError, Reader, Writer};
use std::collections::HashMap;

/// The entity types of the training annotation (GUM), in a fixed order.
pub const ETYPES: [&str; 10] = ["person", "organization", "place", "event", "time", "abstract", "object", "substance", "animal", "plant"];

/// Index of a GUM entity type in [`ETYPES`].
pub fn etype_index(name: &str) -> Option<usize> {
    ETYPES.iter().position(|&e| e == name)
}

/// Grammatical gender as English pronouns show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Masculine,
    Feminine,
    Neuter,
    Unknown,
}

/// Evidence gathered for one word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Chains with a masculine, feminine, neuter, plural third-person pronoun.
    pub masc: u32,
    pub fem: u32,
    pub neut: u32,
    pub plur: u32,
    /// Mentions per entity type ([`ETYPES`] order).
    pub etype: [u32; 10],
}

impl Counts {
    fn add(&mut self, o: &Counts, sign: i64) {
        let f = |a: u32, b: u32| (a as i64 + sign * b as i64).max(0) as u32;
        self.masc = f(self.masc, o.masc);
        self.fem = f(self.fem, o.fem);
        self.neut = f(self.neut, o.neut);
        self.plur = f(self.plur, o.plur);
        for i in 0..10 {
            self.etype[i] = f(self.etype[i], o.etype[i]);
        }
    }

    /// Chains with any third-person pronoun.
    pub fn pronoun_total(&self) -> u32 {
        self.masc + self.fem + self.neut + self.plur
    }

    pub fn etype_total(&self) -> u32 {
        self.etype.iter().sum()
    }

    /// The dominant gender when the evidence is clear: at least two chains and three quarters of
    /// the gendered ones.
    pub fn gender(&self) -> Gender {
        let total = self.masc + self.fem + self.neut;
        if total < 2 {
            return Gender::Unknown;
        }
        let clear = |n: u32| 4 * n >= 3 * total;
        if clear(self.masc) {
            Gender::Masculine
        } else if clear(self.fem) {
            Gender::Feminine
        } else if clear(self.neut) {
            Gender::Neuter
        } else {
            Gender::Unknown
        }
    }

    /// Share of mentions typed person or animal, when there are at least two.
    pub fn animacy(&self) -> Option<f32> {
        let total = self.etype_total();
        (total >= 2).then(|| (self.etype[0] + self.etype[8]) as f32 / total as f32)
    }

    /// The most frequent entity type and its share.
    pub fn top_etype(&self) -> Option<(usize, f32)> {
        let total = self.etype_total();
        if total == 0 {
            return None;
        }
        let (i, &n) = self.etype.iter().enumerate().max_by_key(|&(i, &n)| (n, std::cmp::Reverse(i)))?;
        Some((i, n as f32 / total as f32))
    }
}

/// The pronoun evidence of one chain.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChainEvidence {
    pub masc: bool,
    pub fem: bool,
    pub neut: bool,
    pub plur: bool,
}

/// Learned attributes of head lemmas and name words (keys lowercased).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AttributeTables {
    nouns: HashMap<String, Counts>,
    names: HashMap<String, Counts>,
}

impl AttributeTables {
    /// Counts for a common-noun head lemma.
    pub fn noun(&self, lemma: &str) -> Option<&Counts> {
        self.nouns.get(&lemma.to_lowercase())
    }

    /// Counts for a word of a name (first or last word of a name mention).
    pub fn name(&self, word: &str) -> Option<&Counts> {
        self.names.get(&word.to_lowercase())
    }

    /// The gender a first name is referred to with, when the training chains say so clearly.
    pub fn name_gender(&self, first_name: &str) -> Gender {
        self.name(first_name).map_or(Gender::Unknown, Counts::gender)
    }

    /// The gender a common noun is referred to with (`nurse`, `firm`), when clear.
    pub fn noun_gender(&self, lemma: &str) -> Gender {
        self.noun(lemma).map_or(Gender::Unknown, Counts::gender)
    }

    /// Number of words in each table.
    pub fn sizes(&self) -> (usize, usize) {
        (self.nouns.len(), self.names.len())
    }

    /// Adds one mention's evidence: its head lemma (nominals) or name words (names).
    pub fn add_mention(&mut self, noun: Option<&str>, name_words: &[&str], chain: &ChainEvidence, etype: Option<usize>, sign: i64) {
        let mut c = Counts {
            masc: chain.masc as u32,
            fem: chain.fem as u32,
            neut: chain.neut as u32,
            plur: chain.plur as u32,
            ..Default::default()
        };
        if let Some(e) = etype {
            c.etype[e] = 1;
        }
        if let Some(n) = noun {
            self.nouns.entry(n.to_lowercase()).or_default().add(&c, sign);
        }
        let mut seen: Vec<String> = Vec::new();
        for w in name_words {
            let w = w.to_lowercase();
            if !seen.contains(&w) {
                self.names.entry(w.clone()).or_default().add(&c, sign);
                seen.push(w);
            }
        }
    }

    /// Drops words seen fewer than `min` times (keeps the file small and the counts meaningful).
    pub fn prune(&mut self, min: u32) {
        let keep = |c: &Counts| c.etype_total().max(c.pronoun_total()) >= min;
        self.nouns.retain(|_, c| keep(c));
        self.names.retain(|_, c| keep(c));
    }

    pub fn write(&self, w: &mut Writer) {
        for table in [&self.nouns, &self.names] {
            let mut keys: Vec<&String> = table.keys().collect();
            keys.sort();
            w.u32(keys.len() as u32);
            for k in keys {
                let c = &table[k];
                w.str(k);
                for v in [c.masc, c.fem, c.neut, c.plur].iter().chain(c.etype.iter()) {
                    w.u32(*v);
                }
            }
        }
    }

    pub fn read(r: &mut Reader<'_>) -> Result<AttributeTables, ModelError> {
        let mut out = AttributeTables::default();
        for which in 0..2 {
            let n = r.u32()? as usize;
            let table = if which == 0 { &mut out.nouns } else { &mut out.names };
            for _ in 0..n {
                let k = r.str()?.to_owned();
                let mut v = [0u32; 14];
                for x in v.iter_mut() {
                    *x = r.u32()?;
                }
                let mut etype = [0u32; 10];
                etype.copy_from_slice(&v[4..]);
                table.insert(k, Counts { masc: v[0], fem: v[1], neut: v[2], plur: v[3], etype });
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_learn_gender_and_animacy() {
        let mut t = AttributeTables::default();
        let she = ChainEvidence { fem: true, ..Default::default() };
        let it = ChainEvidence { neut: true, ..Default::default() };
        let person = etype_index("person");
        for _ in 0..3 {
            t.add_mention(None, &["Ilona", "Varga"], &she, person, 1);
            t.add_mention(Some("Harbour"), &[], &it, etype_index("place"), 1);
        }
        assert_eq!(t.name_gender("ilona"), Gender::Feminine);
        assert_eq!(t.noun_gender("harbour"), Gender::Neuter);
        assert_eq!(t.name("Varga").and_then(Counts::animacy), Some(1.0));
        assert_eq!(t.noun("harbour").and_then(Counts::top_etype), Some((2, 1.0)));
        assert_eq!(t.name_gender("Unseen"), Gender::Unknown);
        // Removing one document's evidence (for jackknifed training features).
        t.add_mention(None, &["Ilona"], &she, person, -1);
        t.add_mention(None, &["Ilona"], &she, person, -1);
        assert_eq!(t.name_gender("ilona"), Gender::Unknown, "one chain is not enough");
    }

    #[test]
    fn mixed_evidence_stays_unknown_and_tables_round_trip() {
        let mut t = AttributeTables::default();
        t.add_mention(Some("pilot"), &[], &ChainEvidence { masc: true, ..Default::default() }, None, 1);
        t.add_mention(Some("pilot"), &[], &ChainEvidence { fem: true, ..Default::default() }, None, 1);
        assert_eq!(t.noun_gender("pilot"), Gender::Unknown);
        let mut w = Writer::default();
        t.write(&mut w);
        let back = AttributeTables::read(&mut Reader::new("t", &w.buf)).unwrap();
        assert_eq!(back, t);
    }
}
