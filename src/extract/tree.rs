//! A dependency tree indexed once per sentence: heads and children (CSR layout, children in
//! sentence order), so rules never scan the whole sentence to find a dependent.

use crate::document::Token;

pub(crate) const NONE: usize = usize::MAX;

pub(crate) struct Tree<'a> {
    pub t: &'a [Token],
    /// 0-based head, [`NONE`] for the root (or a head out of range).
    pub head: Vec<usize>,
    start: Vec<u32>,
    kids: Vec<u32>,
}

impl<'a> Tree<'a> {
    pub fn new(t: &'a [Token]) -> Tree<'a> {
        let n = t.len();
        let head: Vec<usize> = t
            .iter()
            .enumerate()
            .map(|(i, tok)| {
                if tok.head == 0 || tok.head > n || tok.head - 1 == i {
                    NONE
                } else {
                    tok.head - 1
                }
            })
            .collect();
        let mut start = vec![0u32; n + 1];
        for &h in &head {
            if h != NONE {
                start[h + 1] += 1;
            }
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut kids = vec![0u32; start[n] as usize];
        for (i, &h) in head.iter().enumerate() {
            if h != NONE {
                kids[fill[h] as usize] = i as u32;
                fill[h] += 1;
            }
        }
        Tree { t, head, start, kids }
    }

    pub fn len(&self) -> usize {
        self.t.len()
    }

    pub fn kids(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.kids[self.start[i] as usize..self.start[i + 1] as usize]
            .iter()
            .map(|&k| k as usize)
    }

    /// Full relation (`nsubj:pass`).
    pub fn rel(&self, i: usize) -> &str {
        &self.t[i].deprel
    }

    /// Universal part of the relation (`nsubj`).
    pub fn base(&self, i: usize) -> &str {
        let r = self.t[i].deprel.as_str();
        r.split_once(':').map_or(r, |(a, _)| a)
    }

    pub fn upos(&self, i: usize) -> &str {
        &self.t[i].upos
    }

    pub fn form(&self, i: usize) -> &str {
        &self.t[i].form
    }

    pub fn lemma(&self, i: usize) -> &str {
        let l = self.t[i].lemma.as_str();
        if l.is_empty() || l == "_" { &self.t[i].form } else { l }
    }

    /// Whether the NER put token `i` in a person's name (`Day` in a story about a Doris Day is
    /// no time word).
    pub fn in_person_name(&self, i: usize) -> bool {
        self.t[i].ner.ends_with("-PER")
    }

    pub fn lemma_is(&self, i: usize, words: &[&str]) -> bool {
        let l = self.lemma(i);
        words.iter().any(|w| w.eq_ignore_ascii_case(l))
    }

    pub fn form_is(&self, i: usize, words: &[&str]) -> bool {
        let l = self.form(i);
        words.iter().any(|w| w.eq_ignore_ascii_case(l))
    }

    pub fn has_feat(&self, i: usize, feat: &str) -> bool {
        self.t[i].feats.split('|').any(|f| f == feat)
    }

    /// First child with exactly this relation.
    pub fn kid(&self, i: usize, rel: &str) -> Option<usize> {
        self.kids(i).find(|&k| self.rel(k) == rel)
    }

    pub fn is_punct(&self, i: usize) -> bool {
        self.t[i].upos == "PUNCT" || self.t[i].deprel == "punct"
    }

    /// Subtree of `root` in sentence order, leaving out the subtrees of children for which
    /// `skip(child)` holds (the root itself is always kept). Leading and trailing punctuation and
    /// punctuation left dangling next to a removed part are dropped.
    pub fn phrase(&self, root: usize, skip: &dyn Fn(usize) -> bool) -> Vec<usize> {
        let mut out = Vec::with_capacity(8);
        let mut stack = vec![root];
        while let Some(x) = stack.pop() {
            if out.len() > self.len() {
                break; // a cycle in a malformed tree
            }
            out.push(x);
            for k in self.kids(x) {
                if !skip(k) {
                    stack.push(k);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        self.tidy(&mut out);
        out
    }

    /// Climbs `flat`/`compound` links to the head of a name or compound.
    pub fn phrase_head(&self, mut h: usize) -> usize {
        for _ in 0..16 {
            if self.head[h] == NONE || !matches!(self.base(h), "flat" | "compound") {
                break;
            }
            h = self.head[h];
        }
        h
    }

    /// Drops edge punctuation and punctuation next to a gap.
    pub fn tidy(&self, v: &mut Vec<usize>) {
        if v.len() > 1 {
            let keep: Vec<bool> = (0..v.len())
                .map(|k| {
                    let x = v[k];
                    if !self.is_punct(x) {
                        return true;
                    }
                    let prev_ok = k > 0 && v[k - 1] + 1 == x && !self.is_punct(v[k - 1]);
                    let next_ok = k + 1 < v.len() && v[k + 1] == x + 1 && !self.is_punct(v[k + 1]);
                    // keep a hyphen or apostrophe-like token joining two words; keep quotes and
                    // brackets only when both neighbours are contiguous
                    prev_ok && next_ok
                })
                .collect();
            let mut k = 0;
            v.retain(|_| {
                k += 1;
                keep[k - 1]
            });
        }
        while v.len() > 1 && self.is_punct(v[0]) {
            v.remove(0);
        }
        while v.len() > 1 && self.is_punct(*v.last().unwrap()) {
            v.pop();
        }
    }

    pub fn ancestor_of(&self, a: usize, mut x: usize) -> bool {
        let mut steps = 0;
        while x != NONE && steps < 64 {
            if x == a {
                return true;
            }
            x = self.head[x];
            steps += 1;
        }
        false
    }
}
