//! Labelled dependency parser: greedy arc-hybrid transitions scored by an averaged perceptron.
//!
//! Owns: the transition system and dynamic oracle ([`system`]), hashed Zhang & Nivre-style
//! feature templates ([`features`]), the weight tables ([`table`]), the model file `models/ud-parser.bin` and training
//! ([`train`]). In: tokens with `form`, `upos`, `xpos` filled (by the tagger; lemma and feats are
//! not used). Out: `head` (1-based, 0 = root) and `deprel` (full UD relation with subtype) on every
//! token; the result is always a tree with exactly one root, for any length.
//!
//! Design: unlabelled moves (SHIFT/LEFT/RIGHT) from one perceptron over 96 templates, and a
//! second perceptron over 42 arc templates that labels each arc when it is made (the dependent's
//! subtree is complete then, so `by` under `Ferreira` or `aux:pass` under the head are visible).
//! Weights are i16-quantised rows found through 32-bit fingerprints of the u64 feature keys, on
//! huge pages (`nlp::hugemem`): move rows inline in one-cache-line buckets, label rows through an
//! open-addressing table; a small fingerprint filter skips the lookups of features the model
//! lacks, and the remaining lookups of a step are prefetched first.
//! Parsing allocates only per-sentence buffers, reused through a thread-local [`Workspace`].
//!
//! The shipped model is trained by [`train::train_on_predicted_tags`] on jackknifed tags plus gold
//! tags (see `models/README.md`).

pub mod features;
pub mod system;
mod table;
#[cfg(feature = "train")]
pub mod train;

use self::features::{
    BUFFER_FEATS, CONFIG_FEATS, N_LABEL_FEATS, N_MOVE_FEATS, STACK_FEATS, TokInfo, buffer_features, config_features, label_features,
    stack_features,
};
use self::system::{LEFT, N_MOVES, RIGHT, SHIFT, State};
use crate::document::Token;
use crate::nlp::clusters::WordClusters;
use crate::nlp::model_file::{self, ModelError, Provenance, Reader, Writer};
use std::sync::Arc;

pub use self::table::Table;
use self::table::corrupt;

const MAGIC: &[u8; 8] = b"KGPARSER";
const VERSION: u32 = 2;
const NAME: &str = "ud-parser.bin";


/// A trained dependency parser.
#[derive(Debug, Clone)]
pub struct Parser {
    /// Relation names; index = label id. `root` is among them.
    labels: Vec<String>,
    root_label: u8,
    moves: Table,
    arcs: Table,
    /// Word clusters used as features (a copy is stored in the model file).
    clusters: Option<Arc<WordClusters>>,
}

impl Parser {
    pub(crate) fn from_parts(labels: Vec<String>, moves: Table, arcs: Table, clusters: Option<Arc<WordClusters>>) -> Parser {
        let root_label = labels.iter().position(|l| l == "root").unwrap_or(0) as u8;
        Parser { labels, root_label, moves, arcs, clusters }
    }

    /// The word clusters the model uses, if any.
    pub fn clusters(&self) -> Option<&WordClusters> {
        self.clusters.as_deref()
    }

    /// Loads a model written by [`Parser::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ModelError> {
        let payload = model_file::unwrap(NAME, MAGIC, VERSION, bytes)?;
        let mut r = Reader::new(NAME, payload);
        let nl = r.u32()? as usize;
        if nl == 0 || nl > 250 {
            return Err(corrupt("bad label count"));
        }
        let mut labels = Vec::with_capacity(nl);
        for _ in 0..nl {
            labels.push(r.str()?.to_owned());
        }
        let moves = Table::read(&mut r)?;
        let arcs = Table::read(&mut r)?;
        if moves.classes != N_MOVES || arcs.classes != nl {
            return Err(corrupt("class counts do not match"));
        }
        let clusters = if r.u8()? == 1 { Some(Arc::new(WordClusters::read(NAME, &mut r)?)) } else { None };
        if !r.is_empty() {
            return Err(corrupt("trailing bytes"));
        }
        Ok(Parser::from_parts(labels, moves, arcs, clusters))
    }

    /// Serialises the model (magic + version + quantised weights), without a provenance block.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.to_bytes_with(None)
    }

    /// Serialises the model with an optional provenance block.
    pub fn to_bytes_with(&self, provenance: Option<&Provenance>) -> Vec<u8> {
        let mut w = Writer::default();
        w.u32(self.labels.len() as u32);
        for l in &self.labels {
            w.str(l);
        }
        self.moves.write(&mut w);
        self.arcs.write(&mut w);
        match &self.clusters {
            Some(c) => {
                w.u8(1);
                c.write(&mut w);
            }
            None => w.u8(0),
        }
        model_file::wrap_with_provenance(MAGIC, VERSION, provenance, &w.buf)
    }

    /// The relation labels the model knows.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// A copy without feature rows whose weights are all below `min_weight` in magnitude.
    pub fn pruned(&self, min_weight: f32) -> Parser {
        Parser::from_parts(self.labels.clone(), self.moves.pruned(min_weight), self.arcs.pruned(min_weight), self.clusters.clone())
    }

    /// Number of feature rows (moves, labels).
    pub fn sizes(&self) -> (usize, usize) {
        (self.moves.len(), self.arcs.len())
    }

    /// Parses one sentence in place: sets `head` (1-based, 0 = root) and `deprel` on every token.
    /// Never panics; any length works (a thread-local [`Workspace`] is reused between calls).
    pub fn parse(&self, tokens: &mut [Token]) {
        thread_local! {
            static WS: std::cell::RefCell<Workspace> = std::cell::RefCell::new(Workspace::default());
        }
        WS.with(|ws| match ws.try_borrow_mut() {
            Ok(mut ws) => self.parse_with(tokens, &mut ws),
            Err(_) => self.parse_with(tokens, &mut Workspace::default()),
        });
    }

    /// Like [`Parser::parse`], reusing buffers across sentences.
    pub fn parse_with(&self, tokens: &mut [Token], ws: &mut Workspace) {
        let n = tokens.len();
        if n == 0 {
            return;
        }
        ws.info.fill(tokens, self.clusters.as_deref());
        ws.state.reset(n);
        self.run(ws);
        for (i, t) in tokens.iter_mut().enumerate() {
            let h = ws.state.head[i] as usize;
            t.head = if h >= n { 0 } else { h + 1 };
            t.deprel.clear();
            t.deprel.push_str(&self.labels[ws.state.label[i] as usize]);
            let [arc, label] = ws.margins.get(i).copied().unwrap_or_default();
            t.arc_margin = arc as f32;
            t.label_margin = label as f32;
        }
    }

    /// Runs the greedy parse on a prepared workspace.
    ///
    /// A move's score is the sum of three parts: the stack features (cached per stack depth: the
    /// stack only changes at its top, so after a pop the part computed at that depth still holds),
    /// the buffer features (recomputed only when SHIFT moves the buffer front) and the rest. The
    /// weights are integers, so the sum is exactly the one over all features at once. A forced
    /// move (only one valid: every SHIFT onto an empty stack, every move once the buffer is at the
    /// root) is made without scoring, and a stack part is computed only when a scored step needs it.
    fn run(&self, ws: &mut Workspace) {
        let Workspace { info, state, mfeats, lfeats, lscores, stack_parts, margins } = ws;
        lscores.resize(self.labels.len(), 0);
        stack_parts.clear();
        margins.clear();
        margins.resize(state.n, [0, 0]);
        let mut buffer_part = [0i32; N_MOVES];
        let mut buffer_at = None;
        while !state.is_terminal() {
            let valid = state.valid();
            let depth = state.stack.len();
            // Parts of deeper stacks are stale once the stack is this short (a later SHIFT pushes
            // another word there).
            stack_parts.truncate(depth + 1);
            let (mv, scores) = match only_valid(&valid) {
                // Forced (an empty stack, or the buffer at the root): the scores could not change
                // the move, and its margin is FORCED_MARGIN whatever they are.
                Some(mv) => (mv, [0; N_MOVES]),
                None => {
                    if buffer_at != Some(state.b) {
                        buffer_features(state, info, mfeats);
                        buffer_part = self.score_group(mfeats, &BUFFER_FEATS);
                        buffer_at = Some(state.b);
                    }
                    if stack_parts.len() <= depth {
                        stack_parts.resize(depth + 1, None);
                    }
                    let part = match stack_parts[depth] {
                        Some(part) => part,
                        None => {
                            stack_features(state, info, mfeats);
                            let part = self.score_group(mfeats, &STACK_FEATS);
                            stack_parts[depth] = Some(part);
                            part
                        }
                    };
                    config_features(state, info, mfeats);
                    let mut scores = self.score_group(mfeats, &CONFIG_FEATS);
                    for (m, s) in scores.iter_mut().enumerate() {
                        *s += buffer_part[m] + part[m];
                    }
                    (best_valid(&scores, &valid), scores)
                }
            };
            let label = match state.arc_of(mv) {
                Some((h, d)) => {
                    let label = self.predict_label(state, info, h, d, lfeats, lscores);
                    if let Some(m) = margins.get_mut(d as usize) {
                        // a root arc has no label choice: its label margin stays 0
                        let label_margin = if h as usize == state.n { 0 } else { self.label_margin(lscores, label) };
                        *m = [move_margin(&scores, &valid, mv), label_margin];
                    }
                    label
                }
                None => 0,
            };
            state.apply(mv, label);
        }
    }

    /// Score of the chosen label minus the best other label's (never `root`).
    fn label_margin(&self, scores: &[i32], chosen: u8) -> i32 {
        let runner_up = scores
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != chosen as usize && i != self.root_label as usize)
            .map(|(_, &s)| s)
            .max();
        runner_up.map_or(0, |r| scores[chosen as usize].saturating_sub(r))
    }

    /// Move scores of the features at `positions` of `mfeats`.
    #[inline]
    fn score_group<const N: usize>(&self, mfeats: &[u64; N_MOVE_FEATS], positions: &[usize; N]) -> [i32; N_MOVES] {
        let mut keys = [0u64; N];
        for (k, &i) in keys.iter_mut().zip(positions) {
            *k = mfeats[i];
        }
        let mut scores = [0i32; N_MOVES];
        self.moves.score(&keys, &mut scores);
        scores
    }

    /// The highest-scoring label other than `root`.
    #[inline]
    pub(crate) fn best_label<T: PartialOrd + Copy>(&self, scores: &[T]) -> u8 {
        let mut best = usize::MAX;
        for (i, &s) in scores.iter().enumerate() {
            if i != self.root_label as usize && (best == usize::MAX || s > scores[best]) {
                best = i;
            }
        }
        best.min(self.labels.len() - 1) as u8
    }

    /// Label of the arc h → d: `root` for arcs from the root, never `root` otherwise.
    fn predict_label(
        &self,
        st: &State,
        info: &TokInfo,
        h: u32,
        d: u32,
        lfeats: &mut [u64; N_LABEL_FEATS],
        lscores: &mut [i32],
    ) -> u8 {
        if h as usize == st.n {
            return self.root_label;
        }
        label_features(st, info, h, d, lfeats);
        self.arcs.score(&lfeats[..], lscores);
        self.best_label(lscores)
    }
}

/// Highest-scoring valid move (ties go to the lower move id).
#[inline]
pub(crate) fn best_valid<T: PartialOrd + Copy>(scores: &[T; N_MOVES], valid: &[bool; N_MOVES]) -> usize {
    let mut best = usize::MAX;
    for m in [SHIFT, LEFT, RIGHT] {
        if valid[m] && (best == usize::MAX || scores[m] > scores[best]) {
            best = m;
        }
    }
    best
}

/// The move when it is the only valid one.
#[inline]
fn only_valid(valid: &[bool; N_MOVES]) -> Option<usize> {
    let mut moves = (0..N_MOVES).filter(|&m| valid[m]);
    match (moves.next(), moves.next()) {
        (Some(m), None) => Some(m),
        _ => None,
    }
}

/// Score of the chosen move minus the best other valid move's; a forced move (the only valid one)
/// gets a large margin, as nothing else could have been done.
#[inline]
fn move_margin(scores: &[i32; N_MOVES], valid: &[bool; N_MOVES], chosen: usize) -> i32 {
    let runner_up = (0..N_MOVES).filter(|&m| m != chosen && valid[m]).map(|m| scores[m]).max();
    runner_up.map_or(FORCED_MARGIN, |r| scores[chosen].saturating_sub(r))
}

/// The margin reported for a move that had no alternative.
pub const FORCED_MARGIN: i32 = 1 << 16;

/// Reusable per-thread buffers for parsing.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub(crate) info: TokInfo,
    pub(crate) state: State,
    pub(crate) mfeats: [u64; N_MOVE_FEATS],
    pub(crate) lfeats: [u64; N_LABEL_FEATS],
    pub(crate) lscores: Vec<i32>,
    /// Scores of the stack features for each stack depth of the current parse (`None` where a
    /// forced move left that depth unscored).
    pub(crate) stack_parts: Vec<Option<[i32; N_MOVES]>>,
    /// Per word: the move margin and label margin of the arc that attached it.
    pub(crate) margins: Vec<[i32; 2]>,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            info: TokInfo::default(),
            state: State::default(),
            mfeats: [0; N_MOVE_FEATS],
            lfeats: [0; N_LABEL_FEATS],
            lscores: Vec::new(),
            stack_parts: Vec::new(),
            margins: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::system::is_tree;
    use super::*;
    use crate::nlp::hash::Rng;

    /// The shipped model (trained on EWT with jackknifed tags).
    const SHIPPED: &[u8] = include_bytes!("../../../models/ud-parser.bin");

    fn shipped() -> &'static Parser {
        static P: std::sync::OnceLock<Parser> = std::sync::OnceLock::new();
        P.get_or_init(|| Parser::from_bytes(SHIPPED).expect("shipped parser loads"))
    }

    /// "word/XPOS/UPOS word/XPOS/UPOS …" → tokens.
    fn toks(spec: &str) -> Vec<Token> {
        spec.split_whitespace()
            .map(|w| {
                let mut it = w.rsplitn(3, '/');
                let (upos, xpos, form) = (it.next().unwrap(), it.next().unwrap(), it.next().unwrap());
                Token { form: form.into(), xpos: xpos.into(), upos: upos.into(), ..Default::default() }
            })
            .collect()
    }

    fn check_tree(t: &[Token]) {
        let n = t.len();
        let heads: Vec<u32> = t.iter().map(|x| if x.head == 0 { n as u32 } else { x.head as u32 - 1 }).collect();
        assert!(t.iter().all(|x| x.head <= n), "head out of range");
        assert!(is_tree(&heads), "not a tree: {heads:?}");
        for x in t {
            assert_eq!(x.head == 0, x.deprel == "root", "{} {} {}", x.form, x.head, x.deprel);
            assert!(!x.deprel.is_empty());
        }
    }

    /// Index (1-based) of the word `form` (first occurrence).
    fn idx(t: &[Token], form: &str) -> usize {
        t.iter().position(|x| x.form == form).unwrap_or_else(|| panic!("no {form}")) + 1
    }

    fn has(t: &[Token], rel: &str, head: &str, dep: &str) -> bool {
        let d = &t[idx(t, dep) - 1];
        d.deprel == rel && d.head == idx(t, head)
    }

    fn show(t: &[Token]) -> String {
        t.iter().enumerate().map(|(i, x)| format!("{}:{}<-{}:{} ", i + 1, x.form, x.head, x.deprel)).collect()
    }

    #[test]
    fn random_sentences_of_any_length_are_trees() {
        let p = shipped();
        let vocab = ["the/DT/DET", "dog/NN/NOUN", "runs/VBZ/VERB", "./././PUNCT", ",/,/PUNCT", "of/IN/ADP", "Ferreira/NNP/PROPN", "was/VBD/AUX", "cancelled/VBN/VERB", "and/CC/CCONJ", "big/JJ/ADJ", "???/XX/X", "ünïcödé/NN/NOUN"];
        let mut rng = Rng::new(9);
        for n in [1usize, 2, 3, 5, 17, 64, 150, 300] {
            for _ in 0..5 {
                let spec: Vec<&str> = (0..n).map(|_| vocab[rng.below(vocab.len())]).collect();
                let mut t = toks(&spec.join(" "));
                p.parse(&mut t);
                check_tree(&t);
            }
        }
        // Untagged input and odd forms must not panic either.
        let mut t: Vec<Token> = ["", " ", "a", "\u{200b}", "0123456789012345678901234567890123456789012345678901234567890123456789"]
            .iter()
            .map(|f| Token { form: f.to_string(), ..Default::default() })
            .collect();
        p.parse(&mut t);
        check_tree(&t);
        let mut empty: Vec<Token> = Vec::new();
        p.parse(&mut empty);
    }

    /// The greedy parse scoring all move features at every step, without the cached parts.
    fn parse_uncached(p: &Parser, tokens: &[Token]) -> Vec<(u32, u8)> {
        let mut ws = Workspace::default();
        ws.info.fill(tokens, p.clusters.as_deref());
        ws.state.reset(tokens.len());
        let Workspace { info, state, mfeats, lfeats, lscores, .. } = &mut ws;
        lscores.resize(p.labels.len(), 0);
        while !state.is_terminal() {
            features::move_features(state, info, mfeats);
            let mut scores = [0i32; N_MOVES];
            p.moves.score(&mfeats[..], &mut scores);
            let mv = best_valid(&scores, &state.valid());
            let label = match state.arc_of(mv) {
                Some((h, d)) => p.predict_label(state, info, h, d, lfeats, lscores),
                None => 0,
            };
            state.apply(mv, label);
        }
        (0..tokens.len()).map(|i| (ws.state.head[i], ws.state.label[i])).collect()
    }

    #[test]
    fn cached_feature_groups_parse_exactly_like_all_features() {
        let p = shipped();
        let vocab = ["the/DT/DET", "dog/NN/NOUN", "runs/VBZ/VERB", "./././PUNCT", ",/,/PUNCT", "of/IN/ADP", "Tormund/NNP/PROPN", "was/VBD/AUX", "sold/VBN/VERB", "and/CC/CCONJ", "old/JJ/ADJ", "that/WDT/PRON", "quickly/RB/ADV"];
        let mut rng = Rng::new(21);
        let mut moved = 0;
        for n in [1usize, 2, 4, 9, 25, 60, 120] {
            for _ in 0..8 {
                let spec: Vec<&str> = (0..n).map(|_| vocab[rng.below(vocab.len())]).collect();
                let mut t = toks(&spec.join(" "));
                let want = parse_uncached(p, &t);
                p.parse(&mut t);
                let got: Vec<(u32, u8)> = t
                    .iter()
                    .map(|x| (if x.head == 0 { n as u32 } else { x.head as u32 - 1 }, p.labels.iter().position(|l| *l == x.deprel).unwrap() as u8))
                    .collect();
                assert_eq!(got, want, "{}", spec.join(" "));
                moved += want.iter().filter(|(h, _)| *h != n as u32).count();
            }
        }
        // The sentences really had attachments to compare, not only roots.
        assert!(moved > 100, "{moved}");
    }

    #[test]
    fn single_word_is_root() {
        let mut t = toks("Hello/UH/INTJ");
        shipped().parse(&mut t);
        assert_eq!((t[0].head, t[0].deprel.as_str()), (0, "root"));
    }

    #[test]
    fn model_round_trip_and_errors() {
        let p = shipped();
        let prov = model_file::provenance(NAME, MAGIC, VERSION, SHIPPED).unwrap();
        let bytes = p.to_bytes_with(prov.as_ref());
        assert_eq!(bytes.as_slice(), SHIPPED, "writing the loaded model reproduces the file");
        let q = Parser::from_bytes(&bytes).unwrap();
        assert_eq!(q.sizes(), p.sizes());
        assert!(q.labels().iter().any(|l| l == "nsubj:pass"));
        let mut bad = bytes.clone();
        bad[8..12].copy_from_slice(&(VERSION + 1).to_le_bytes());
        assert!(matches!(Parser::from_bytes(&bad), Err(ModelError::Version { .. })));
        assert!(matches!(Parser::from_bytes(b"KGTAGGER\x01\0\0\0"), Err(ModelError::BadMagic { .. })));
        for cut in [12, 20, bytes.len() / 3, bytes.len() - 1] {
            assert!(matches!(Parser::from_bytes(&bytes[..cut]), Err(ModelError::Corrupt { .. })), "cut {cut}");
        }
    }

    #[test]
    fn news_regressions_passive_agent_and_relative_clause() {
        let p = shipped();
        // a passive participle with an agent inside an apposition after a dash
        let mut t = toks(
            "Chile/NNP/PROPN will/MD/AUX also/RB/ADV resume/VB/VERB pesticide/NN/NOUN spraying/NN/NOUN to/TO/PART \
             kill/VB/VERB poppy/NN/NOUN fields/NNS/NOUN –/,/PUNCT a/DT/DET practice/NN/NOUN stopped/VBN/VERB since/IN/ADP \
             2011/CD/NUM and/CC/CCONJ fiercely/RB/ADV opposed/VBN/VERB by/IN/ADP Ferreira/NNP/PROPN when/WRB/ADV he/PRP/PRON \
             was/VBD/AUX a/DT/DET mayor/NN/NOUN ././PUNCT",
        );
        p.parse(&mut t);
        check_tree(&t);
        let s = show(&t);
        assert!(has(&t, "obl:agent", "opposed", "Ferreira"), "{s}");
        let opposed = idx(&t, "opposed");
        assert!(!t.iter().any(|x| x.head == opposed && x.deprel.starts_with("nsubj")), "{s}");
        assert!(has(&t, "nsubj", "resume", "Chile"), "{s}");
        assert!(has(&t, "obj", "resume", "spraying"), "{s}");
        assert!(has(&t, "case", "Ferreira", "by"), "{s}");

        let mut t = toks(
            "Ferreira/NNP/PROPN ,/,/PUNCT whose/WP$/PRON permit/NN/NOUN was/VBD/AUX revoked/VBN/VERB by/IN/ADP Ottawa/NNP/PROPN \
             last/JJ/ADJ month/NN/NOUN for/IN/SCONJ joining/VBG/VERB anti-mining/JJ/ADJ rallies/NNS/NOUN during/IN/ADP his/PRP$/PRON \
             trip/NN/NOUN to/IN/ADP the/DT/DET European/NNP/PROPN Union/NNP/PROPN ,/,/PUNCT will/MD/AUX have/VB/VERB the/DT/DET \
             ban/NN/NOUN lifted/VBN/VERB for/IN/ADP this/DT/DET coming/JJ/ADJ trip/NN/NOUN ././PUNCT",
        );
        p.parse(&mut t);
        check_tree(&t);
        let s = show(&t);
        assert!(has(&t, "nsubj:pass", "revoked", "permit"), "{s}");
        assert!(has(&t, "obl:agent", "revoked", "Ottawa"), "{s}");
        assert!(has(&t, "aux:pass", "revoked", "was"), "{s}");
        assert!(has(&t, "nmod:poss", "permit", "whose"), "{s}");
        assert!(has(&t, "obj", "have", "ban"), "{s}");
    }

    /// Known gaps of the shipped model on news constructions (run with `cargo test -- --ignored`):
    /// the greedy parser hangs a name with a `whose` clause on the relative clause instead of the
    /// main verb, and a quote between a possessive and its noun (`X’s “call and tone”`) breaks nmod:poss.
    #[test]
    #[ignore = "known parser errors, kept visible"]
    fn news_known_gaps() {
        let p = shipped();
        let mut t = toks(
            "Ferreira/NNP/PROPN ,/,/PUNCT whose/WP$/PRON permit/NN/NOUN was/VBD/AUX revoked/VBN/VERB by/IN/ADP Ottawa/NNP/PROPN \
             last/JJ/ADJ month/NN/NOUN ,/,/PUNCT will/MD/AUX have/VB/VERB the/DT/DET ban/NN/NOUN lifted/VBN/VERB ././PUNCT",
        );
        p.parse(&mut t);
        let s = show(&t);
        assert!(has(&t, "acl:relcl", "Ferreira", "revoked"), "{s}");
        assert!(has(&t, "nsubj", "have", "Ferreira"), "{s}");
        let mut t = toks(
            "Brandt/NNP/PROPN said/VBD/VERB he/PRP/PRON “/``/PUNCT welcomed/VBD/VERB ”/''/PUNCT Ferreira/NNP/PROPN ’s/POS/PART \
             “/``/PUNCT candour/NN/NOUN and/CC/CCONJ patience/NN/NOUN ”/''/PUNCT ././PUNCT",
        );
        p.parse(&mut t);
        let s = show(&t);
        assert!(has(&t, "nmod:poss", "candour", "Ferreira"), "{s}");
        assert!(has(&t, "obj", "welcomed", "candour"), "{s}");
    }

    #[test]
    fn news_regressions_subjects_objects_and_speech() {
        let p = shipped();
        // (sentence, relations that must hold as (rel, head, dep))
        type Rel = (&'static str, &'static str, &'static str);
        let cases: &[(&str, &[Rel])] = &[
            (
                "The/DT/DET agreement/NN/NOUN was/VBD/AUX announced/VBN/VERB soon/RB/ADV after/IN/SCONJ Chile/NNP/PROPN \
                 started/VBD/VERB admitting/VBG/VERB Peruvian/JJ/ADJ cargo/NN/NOUN ships/NNS/NOUN from/IN/ADP Monday/NNP/PROPN ././PUNCT",
                &[("nsubj:pass", "announced", "agreement"), ("aux:pass", "announced", "was"), ("nsubj", "started", "Chile"), ("obj", "admitting", "ships")],
            ),
            (
                "After/IN/ADP a/DT/DET brief/JJ/ADJ video/NN/NOUN call/NN/NOUN between/IN/ADP the/DT/DET two/CD/NUM ministers/NNS/NOUN ,/,/PUNCT \
                 Brandt/NNP/PROPN said/VBD/VERB he/PRP/PRON “/``/PUNCT welcomed/VBD/VERB ”/''/PUNCT Ferreira/NNP/PROPN ’s/POS/PART \
                 “/``/PUNCT candour/NN/NOUN and/CC/CCONJ patience/NN/NOUN ”/''/PUNCT ././PUNCT",
                &[("nsubj", "said", "Brandt"), ("ccomp", "said", "welcomed"), ("nsubj", "welcomed", "he"), ("conj", "candour", "patience")],
            ),
            (
                "Ahead/RB/ADV of/IN/ADP the/DT/DET summit/NN/NOUN ,/,/PUNCT Ferreira/NNP/PROPN also/RB/ADV took/VBD/VERB measures/NNS/NOUN to/TO/PART \
                 satisfy/VB/VERB Ottawa/NNP/PROPN ’s/POS/PART requests/NNS/NOUN ././PUNCT",
                &[("nsubj", "took", "Ferreira"), ("obj", "took", "measures"), ("nmod:poss", "requests", "Ottawa"), ("obj", "satisfy", "requests")],
            ),
            (
                "There/EX/PRON will/MD/AUX be/VB/VERB 12/CD/NUM ferries/NNS/NOUN ,/,/PUNCT according/VBG/VERB to/IN/ADP Chilean/JJ/ADJ \
                 Transport/NNP/PROPN Minister/NNP/PROPN Lucia/NNP/PROPN Mendoza/NNP/PROPN ././PUNCT",
                &[("expl", "be", "There"), ("nsubj", "be", "ferries"), ("nummod", "ferries", "12")],
            ),
        ];
        for (spec, rels) in cases {
            let mut t = toks(spec);
            p.parse(&mut t);
            check_tree(&t);
            for (rel, h, d) in *rels {
                assert!(has(&t, rel, h, d), "{rel}({h}, {d}) missing in {}", show(&t));
            }
        }
    }
}
