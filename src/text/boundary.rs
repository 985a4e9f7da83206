//! The learned sentence-boundary model: an averaged perceptron that decides, at every gap
//! between two words of a paragraph, whether a sentence ends there.
//!
//! In: the scanner's pieces of one paragraph and the rule splitter's boundaries
//! ([`super::segment`]), which the model sees as features (it learns when to trust them). Out:
//! sentence end indices, like the rules. Decoding is greedy left to right, so features can
//! use the distance to the last boundary the model chose.
//!
//! Features (hashed into a table of 2^[`TABLE_BITS`] weights, no string is allocated): the
//! lowercased forms, shapes (`Xx`, `d/d/d`, `.`) and suffixes of the two words before and the
//! two after the gap, their pairs and triples, the spacing around the gap, the rule decision
//! (alone and with the neighbouring words), the sentence length so far, the words left in the
//! paragraph, the distance to the last `.`/`!`/`?` of the sentence, whether the sentence so far
//! is all capitalised words (a title), and the orthographic class of a capitalised next word
//! ([`Ortho`]). Abbreviation behaviour (`Inc.` before `The`, `Dr.` before a name) comes from the
//! word and pair features, learned from the training text; nothing is listed by hand.
//!
//! Three guards keep well-punctuated news as the rules split it: no decision between two
//! words the rules keep together, none after a bracketed insertion, and ending a sentence
//! where the rules do not needs a score above a margin chosen on dev. Each is justified where
//! it is defined. On 5-fold held-out EWT train the word and margin guards cost 0.25 F1 (90.39
//! → 90.15, rules alone 89.27) and the bracket guard gains 0.2.
//!
//! Trained by `train` (submodule `training`, feature `train`) on raw text rebuilt from UD
//! treebanks (`crate::text::corpus`); the shipped file is `models/sentences.bin` (see
//! `models/README.md`). Line breaks inside a paragraph are left to the rules: where a line break
//! ends a sentence by the rules, it ends one here too.

use super::tokenize::Piece;
use crate::nlp::hash::{self, IdMap, feat};
use crate::nlp::model_file::{self, ModelError, Provenance, Reader, Writer};
use std::sync::OnceLock;

/// Magic bytes and format version of `models/sentences.bin`.
pub const MAGIC: &[u8; 8] = b"KGSENTBD";
pub const VERSION: u32 = 1;
/// log2 of the weight-table size.
pub const TABLE_BITS: u32 = 20;
const MASK: u64 = (1 << TABLE_BITS) - 1;

/// A trained model: dense hashed weights, quantised to i16 (small enough to stay in cache; the
/// file stores only the non-zero ones).
pub struct BoundaryModel {
    weights: Vec<i16>,
    /// Weight = `weights[k] as f32 * scale` (kept for averaging models).
    scale: f32,
    /// Score a gap needs to end a sentence where the rules do not (where they do, above 0):
    /// the model overrides the rules only when it is confident. Chosen on dev (`train`).
    override_margin: i32,
    ortho: Ortho,
}

/// Orthographic classes of words, counted in the training text (the idea of Kiss & Strunk's
/// Punkt): a capitalised word whose lowercase form is common mid-sentence is probably
/// capitalised because it opens a sentence (`Here`, `Please`); one that is capitalised even
/// mid-sentence is a name (`Sean`, `Enron`).
#[derive(Default, Clone)]
struct Ortho {
    /// Lowercase-form hash → class: 1 common word, 2 name, 3 both.
    classes: IdMap<u8>,
}

impl Ortho {
    /// Class of a capitalised word: 1 common, 2 name, 3 both, 4 unseen.
    fn class(&self, lower: u64) -> u8 {
        self.classes.get(&lower).copied().unwrap_or(4)
    }
}

static SHIPPED_BYTES: &[u8] = include_bytes!("../../models/sentences.bin");

/// The model compiled into the binary, or `None` in a build whose `models/sentences.bin` is
/// empty (a fresh checkout before the first `kgraph train sentences`): the rules alone split.
pub fn embedded() -> Option<&'static BoundaryModel> {
    static MODEL: OnceLock<Option<BoundaryModel>> = OnceLock::new();
    MODEL
        .get_or_init(|| {
            (!SHIPPED_BYTES.is_empty())
                .then(|| BoundaryModel::from_bytes("models/sentences.bin", SHIPPED_BYTES).expect("shipped sentence model loads"))
        })
        .as_ref()
}

/// The bytes of the shipped model file (for provenance checks).
pub fn shipped_bytes() -> &'static [u8] {
    SHIPPED_BYTES
}

impl BoundaryModel {
    /// Reads a model file (`name` is used in errors).
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<BoundaryModel, ModelError> {
        let payload = model_file::unwrap(name, MAGIC, VERSION, bytes)?;
        let mut r = Reader::new(name, payload);
        let bits = r.u32()?;
        if bits != TABLE_BITS {
            return Err(ModelError::Corrupt { name: name.into(), what: format!("table of 2^{bits} weights, expected 2^{TABLE_BITS}") });
        }
        let scale = r.f32()?;
        let override_margin = r.u32()? as i32;
        let n = r.u32()? as usize;
        let mut weights = vec![0i16; 1 << TABLE_BITS];
        let mut idx = 0u32;
        for _ in 0..n {
            // indices are delta-coded in increasing order
            idx = idx
                .checked_add(r.u32()?)
                .filter(|&i| (i as usize) < weights.len())
                .ok_or_else(|| ModelError::Corrupt { name: name.into(), what: "weight index out of range".into() })?;
            weights[idx as usize] = r.i16()?;
        }
        let n = r.u32()? as usize;
        let mut classes = IdMap::default();
        classes.reserve(n);
        for _ in 0..n {
            let k = r.u64()?;
            classes.insert(k, r.u8()?);
        }
        if !r.is_empty() {
            return Err(ModelError::Corrupt { name: name.into(), what: "trailing bytes".into() });
        }
        Ok(BoundaryModel { weights, scale, override_margin, ortho: Ortho { classes } })
    }

    /// Writes the model file.
    pub fn to_bytes(&self, provenance: Option<&Provenance>) -> Vec<u8> {
        let scale = self.scale;
        let kept: Vec<(u32, i16)> = self.weights.iter().enumerate().filter(|&(_, &q)| q != 0).map(|(i, &q)| (i as u32, q)).collect();
        let mut w = Writer::default();
        w.u32(TABLE_BITS);
        w.f32(scale);
        w.u32(self.override_margin as u32);
        w.u32(kept.len() as u32);
        let mut prev = 0;
        for (i, q) in kept {
            w.u32(i - prev);
            w.i16(q);
            prev = i;
        }
        let mut classes: Vec<(u64, u8)> = self.ortho.classes.iter().map(|(&k, &c)| (k, c)).collect();
        classes.sort_unstable();
        w.u32(classes.len() as u32);
        for (k, c) in classes {
            w.u64(k);
            w.u8(c);
        }
        model_file::wrap_with_provenance(MAGIC, VERSION, provenance, &w.buf)
    }

    /// Number of non-zero weights.
    pub fn len(&self) -> usize {
        self.weights.iter().filter(|w| **w != 0).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Sentence ends (exclusive piece indices, the last one `pieces.len()`) of one paragraph.
    /// `rules` are the rule splitter's ends for the same pieces.
    pub fn sentence_ends(&self, text: &str, pieces: &[Piece], rules: &[usize], ends: &mut Vec<usize>) {
        let mut scratch = Scratch::default();
        decode(text, pieces, rules, &self.ortho, &mut scratch, ends, |_, rule, f| {
            let score: i32 = f.iter().map(|&h| self.weights[(h & MASK) as usize] as i32).sum();
            score > if rule { 0 } else { self.override_margin }
        });
    }
}

/// Per-paragraph buffers reused across calls.
#[derive(Default)]
struct Scratch {
    toks: Vec<Tok>,
    feats: Vec<u64>,
}

/// What the features need to know about one piece.
#[derive(Clone, Copy, Default)]
struct Tok {
    lower: u64,
    shape: u64,
    suffix: u64,
    /// Word starting with a lowercase letter.
    lower_word: bool,
    /// Ends in a letter or digit.
    word_end: bool,
    /// Starts with a letter or digit.
    word_start: bool,
    /// Sentence-final punctuation: `.`, `!`, `?`, `...`, `…` and runs of them.
    terminal: bool,
    /// `(`, `[`, `{`: 1; `)`, `]`, `}`: 2; else 0.
    bracket: u8,
    /// Contains a letter.
    letters: bool,
    /// No whitespace between this piece and the previous one.
    attached: bool,
    /// Line break between this piece and the previous one.
    newline: bool,
    /// Part of the same surface token as the previous piece (`do|n't`).
    joined: bool,
    /// `lower`, `shape`, `suffix` and `ortho` are filled in.
    hashed: bool,
    /// For a capitalised word, how its lowercase form behaves in the training text
    /// ([`Ortho`]); 0 otherwise.
    ortho: u8,
}

const BOS: Tok = Tok { lower: 0x1111, shape: 0x1111, suffix: 0x1111, lower_word: false, word_end: false, word_start: false, terminal: false, bracket: 0, letters: false, attached: false, newline: false, joined: false, hashed: true, ortho: 0 };
const EOS: Tok = Tok { lower: 0x2222, shape: 0x2222, suffix: 0x2222, lower_word: false, word_end: false, word_start: false, terminal: false, bracket: 0, letters: false, attached: false, newline: false, joined: false, hashed: true, ortho: 0 };

/// The cheap flags of a piece; its hashes are filled in by [`hash_piece`] only where a gap
/// is scored (most gaps are skipped).
fn describe(text: &str, prev_end: usize, p: &Piece) -> Tok {
    let form = &text[p.start..p.end];
    let bytes = form.as_bytes();
    let first = form.chars().next().unwrap_or(' ');
    let last = form.chars().next_back().unwrap_or(' ');
    let gap = &text.as_bytes()[prev_end.min(p.start)..p.start];
    let ascii = form.is_ascii();
    Tok {
        lower_word: first.is_lowercase(),
        word_start: first.is_alphanumeric(),
        word_end: last.is_alphanumeric(),
        terminal: matches!(first, '.' | '!' | '?' | '…') && form.chars().all(|c| matches!(c, '.' | '!' | '?' | '…')),
        bracket: match bytes {
            b"(" | b"[" | b"{" => 1,
            b")" | b"]" | b"}" => 2,
            _ => 0,
        },
        letters: if ascii { bytes.iter().any(u8::is_ascii_alphabetic) } else { form.chars().any(char::is_alphabetic) },
        attached: gap.is_empty(),
        newline: gap.contains(&b'\n'),
        joined: p.joined,
        hashed: false,
        ..BOS
    }
}

/// Fills in the hashes (form, shape, suffix) and the orthographic class of a piece.
fn hash_piece(text: &str, p: &Piece, ortho: &Ortho, t: &mut Tok) {
    let form = &text[p.start..p.end];
    let bytes = form.as_bytes();
    t.lower = hash::lower(form);
    t.shape = shape_hash(form);
    let suffix = bytes[bytes.len().saturating_sub(3)..].iter().fold(0, |h, b| hash::mix(h, b.to_ascii_lowercase() as u64));
    t.suffix = hash::finish(suffix);
    t.ortho = if form.chars().next().is_some_and(char::is_uppercase) { ortho.class(t.lower) } else { 0 };
    t.hashed = true;
}

/// Hash of the word's shape: char classes (`X` upper, `x` lower, `d` digit, other chars as
/// themselves) with runs collapsed, at most 8 classes (`Xx`, `d/d/d`, `X.X.`).
fn shape_hash(form: &str) -> u64 {
    let mut shape = 0x9e37_79b9_7f4a_7c15;
    let mut last = 0u32;
    let mut classes = 0;
    let mut push = |k: u32, shape: &mut u64| -> bool {
        if k == last {
            return true;
        }
        last = k;
        classes += 1;
        if classes > 8 {
            *shape = hash::mix(*shape, '+' as u64);
            return false;
        }
        *shape = hash::mix(*shape, k as u64);
        true
    };
    let bytes = form.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let k = if b < 0x80 {
            i += 1;
            match b {
                b'0'..=b'9' => 'd' as u32,
                b'A'..=b'Z' => 'X' as u32,
                b'a'..=b'z' => 'x' as u32,
                _ => b as u32,
            }
        } else {
            let c = form[i..].chars().next().expect("char boundary");
            i += c.len_utf8();
            if c.is_uppercase() {
                'X' as u32
            } else if c.is_alphabetic() {
                'x' as u32
            } else if c.is_numeric() {
                'd' as u32
            } else {
                c as u32
            }
        };
        if !push(k, &mut shape) {
            break;
        }
    }
    hash::finish(shape)
}

fn bucket(n: usize) -> u64 {
    match n {
        0..=5 => n as u64,
        6..=7 => 6,
        8..=10 => 7,
        11..=15 => 8,
        16..=25 => 9,
        26..=40 => 10,
        _ => 11,
    }
}

/// Features of the gap after piece `i`; `start` is the first piece of the current sentence.
/// What the decoder knows about the current sentence when it looks at a gap.
struct Context {
    /// First piece of the current sentence.
    start: usize,
    /// The rules end a sentence at this gap.
    rule: bool,
    /// No word of the current sentence so far starts in lowercase (a title, a name list).
    title: bool,
    /// The last sentence-final punctuation inside the current sentence, if any.
    last_terminal: Option<usize>,
}

/// Features of the gap after piece `i`.
fn features(toks: &[Tok], i: usize, cx: &Context, out: &mut Vec<u64>) {
    let Context { start, rule, title: title_so_far, last_terminal } = *cx;
    let t = |k: isize| -> Tok {
        if k < 0 {
            BOS
        } else {
            toks.get(k as usize).copied().unwrap_or(EOS)
        }
    };
    let ii = i as isize;
    let (p2, p1, n1, n2) = (t(ii - 1), t(ii), t(ii + 1), t(ii + 2));
    let r = rule as u64 + 1;
    let dist = bucket(i + 1 - start);
    let left = bucket(toks.len() - 1 - i);
    let spacing = (p1.attached as u64) | (n1.attached as u64) << 1 | (n2.attached as u64) << 2 | (p1.joined as u64) << 3;
    let since_terminal = last_terminal.map_or(15, |t| bucket(i - t));
    out.clear();
    out.extend_from_slice(&[
        feat(0, 0, 0),
        feat(1, p1.lower, 0),
        feat(2, n1.lower, 0),
        feat(3, p1.shape, 0),
        feat(4, n1.shape, 0),
        feat(5, p2.shape, 0),
        feat(6, n2.shape, 0),
        feat(7, p2.lower, 0),
        feat(8, n2.lower, 0),
        feat(9, p1.lower, n1.shape),
        feat(10, p1.shape, n1.lower),
        feat(11, p1.shape, n1.shape),
        feat(12, p2.lower, p1.lower),
        feat(13, p1.lower, n1.lower),
        feat(14, n1.lower, n2.shape),
        feat(15, n1.shape, n2.shape),
        feat(16, p2.shape, p1.shape ^ n1.shape.rotate_left(9)),
        feat(17, r, 0),
        feat(18, r, p1.shape),
        feat(19, r, n1.shape),
        feat(20, r, p1.lower),
        feat(21, r, n1.lower),
        feat(22, dist, n1.shape),
        feat(23, dist, p1.shape),
        feat(24, left, p1.shape),
        feat(25, (title_so_far as u64) << 8 | dist, n1.shape),
        feat(26, p1.suffix, n1.shape),
        feat(27, p2.lower, p1.lower ^ n1.shape.rotate_left(9)),
        feat(28, spacing, p1.shape),
        feat(29, spacing, n1.shape ^ p1.shape.rotate_left(9)),
        feat(30, p2.suffix, p1.shape ^ n1.shape.rotate_left(9)),
        feat(31, r, p1.shape ^ n1.shape.rotate_left(9)),
        feat(32, n1.lower, n2.lower),
        feat(33, n1.ortho as u64, r << 8 | p1.ortho as u64),
        feat(34, n1.ortho as u64, p1.shape),
        feat(35, n1.ortho as u64, dist),
        feat(36, n1.ortho as u64, n2.shape ^ r << 7),
        feat(37, since_terminal, p1.shape ^ n1.shape.rotate_left(9)),
        feat(38, since_terminal << 8 | dist, n1.shape),
    ]);
}

/// Greedy left-to-right decoding of one paragraph; `decide` scores a gap's features.
fn decode(text: &str, pieces: &[Piece], rules: &[usize], ortho: &Ortho, scratch: &mut Scratch, ends: &mut Vec<usize>, mut decide: impl FnMut(usize, bool, &[u64]) -> bool) {
    let n = pieces.len();
    if n == 0 {
        return;
    }
    let Scratch { toks, feats } = scratch;
    describe_all(text, pieces, toks);
    let mut cx = Context { start: 0, rule: false, title: true, last_terminal: None };
    let mut r = 0; // next rule end to compare against
    for i in 0..n - 1 {
        while r < rules.len() && rules[r] < i + 1 {
            r += 1;
        }
        let rule = rules.get(r) == Some(&(i + 1));
        let (p, next) = (&toks[i], &toks[i + 1]);
        cx.title &= !p.lower_word;
        if p.terminal {
            cx.last_terminal = Some(i);
        }
        // Between two words (`word Word`, `word word`) the model only confirms the rules: a
        // sentence ends there without punctuation in 0.5% of the gaps (EWT train, 599 of
        // 145,425), and the splits it learned there were wrong more often than right on dev
        // (and split news headlines such as `USA Today`). Skipping them also saves most of
        // the work.
        if next.joined || (!rule && p.word_end && next.word_start && !next.newline) {
            continue;
        }
        // Nor after a bracketed insertion inside a sentence (`align with [Bashir al] Assad`,
        // `Labour MP (Member of Parliament) Tom Watson`): the training text has almost no
        // such brackets (news quotes are full of them) and the model would end a sentence
        // before every capital after `]`.
        if !rule && p.bracket == 2 && bracketed_words_inside_sentence(toks, i) {
            continue;
        }
        let split = if next.newline && rule {
            true
        } else {
            cx.rule = rule;
            for k in i.saturating_sub(1)..(i + 3).min(n) {
                if !toks[k].hashed {
                    hash_piece(text, &pieces[k], ortho, &mut toks[k]);
                }
            }
            features(toks, i, &cx, feats);
            decide(i, rule, feats)
        };
        if split {
            ends.push(i + 1);
            cx = Context { start: i + 1, rule: false, title: true, last_terminal: None };
        }
    }
    ends.push(n);
}

/// Whether the closing bracket at `i` ends a group that holds words and has no sentence-final
/// punctuation inside or right before it (`[comrade]`, `(Member of Parliament)`; not `[6]`,
/// `(1805)`, `(This is it.)`, `Done. (BBC)`).
fn bracketed_words_inside_sentence(toks: &[Tok], i: usize) -> bool {
    let mut depth = 0;
    let mut letters = false;
    for k in (0..i).rev().take(40) {
        let t = &toks[k];
        if t.terminal {
            return false;
        }
        letters |= t.letters;
        match t.bracket {
            2 => depth += 1,
            1 if depth > 0 => depth -= 1,
            1 => return letters && !(k > 0 && toks[k - 1].terminal),
            _ => {}
        }
    }
    false
}

fn describe_all(text: &str, pieces: &[Piece], toks: &mut Vec<Tok>) {
    toks.clear();
    let mut prev_end = pieces.first().map_or(0, |p| p.start);
    for p in pieces {
        toks.push(describe(text, prev_end, p));
        prev_end = p.end;
    }
}

/// The treebank files the shipped model is trained and tuned on, relative to the corpus
/// directory (`../shared/corpora`): UD English EWT and GUM, train and dev splits.
pub const TRAIN_FILES: [&str; 2] = ["ud-english-ewt/en_ewt-ud-train.conllu", "gum/gum-train.conllu"];
pub const DEV_FILES: [&str; 2] = ["ud-english-ewt/en_ewt-ud-dev.conllu", "gum/gum-dev.conllu"];

#[cfg(feature = "train")]
mod training;
#[cfg(feature = "train")]
pub use training::{TrainError, TrainOptions, command_line, evaluate, train, train_files};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::corpus::RawDoc;

    fn corpus(rel: &str) -> String {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpora");
        let dir = if std::path::Path::new(dir).exists() { dir } else { "/work/shared/corpora" };
        std::fs::read_to_string(format!("{dir}/{rel}")).expect("corpus present")
    }

    fn docs(rel: &str, n: usize) -> Vec<RawDoc> {
        let mut d = super::super::corpus::raw_documents(&corpus(rel)).unwrap();
        d.truncate(n);
        d
    }

    /// A model trained on a small slice of EWT and GUM: deterministic, loads back from its
    /// bytes with the same decisions, and splits held-out EWT dev documents sensibly.
    #[test]
    fn trains_on_a_slice_and_loads_back() {
        let mut train_docs = docs(TRAIN_FILES[0], 120);
        train_docs.extend(docs(TRAIN_FILES[1], 15));
        let dev = docs(DEV_FILES[0], 60);
        let opts = TrainOptions { max_epochs: 3, seed: 7 };
        let mut log = Vec::new();
        let (model, epoch, f1) = train(&train_docs, &dev, &opts, &mut log).unwrap();
        assert!((1..=3).contains(&epoch));
        let log = String::from_utf8(log).unwrap();
        assert!(log.contains("epoch 1: dev F1"), "{log}");
        let bytes = model.to_bytes(None);
        let again = train(&train_docs, &dev, &opts, &mut Vec::new()).unwrap().0;
        assert_eq!(again.to_bytes(None), bytes, "training is deterministic");
        let loaded = BoundaryModel::from_bytes("slice", &bytes).unwrap();
        let (a, b) = (evaluate(Some(&model), &dev), evaluate(Some(&loaded), &dev));
        assert_eq!(a, b);
        assert!((a.f1() - f1).abs() < 1e-9);
        let rules = evaluate(None, &dev).f1();
        assert!(a.f1() > 0.8 && a.f1() > rules - 0.02, "model {:.3} rules {rules:.3}", a.f1());
        assert!(model.len() > 1000, "{} weights", model.len());
    }

    /// `kgraph train sentences` (`train_files`) on a corpus directory of slices: the file it
    /// writes loads, records the command and the four files' hashes, and is the same on a rerun.
    #[cfg(feature = "train")]
    #[test]
    fn train_files_on_a_slice_writes_a_reproducible_file_with_provenance() {
        let tmp = tempfile::tempdir().unwrap();
        let (corpus_dir, out) = (tmp.path().join("corpora"), tmp.path().join("models"));
        let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
        for (rel, n) in TRAIN_FILES.iter().map(|f| (f, 1500)).chain(DEV_FILES.iter().map(|f| (f, 400))) {
            let path = corpus_dir.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, crate::nlp::train::file_blocks(&shared.join(rel), 0, n)).unwrap();
        }
        let path = train_files(&corpus_dir, &out, 3, &mut std::io::sink()).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let model = BoundaryModel::from_bytes("slice", &bytes).unwrap();
        assert!(model.len() > 1000, "{} weights", model.len());
        let prov = model_file::provenance_of("slice", &bytes).unwrap().expect("provenance block");
        assert_eq!(prov.command, command_line(&corpus_dir, &out, 3));
        assert_eq!(prov.corpora.len(), 4);
        for (f, rel) in prov.corpora.iter().zip(TRAIN_FILES.iter().chain(&DEV_FILES)) {
            assert_eq!(f, &model_file::CorpusFile::hash(&corpus_dir.join(rel)).unwrap());
        }
        let f1: f64 = prov.notes["dev_f1"].parse().unwrap();
        assert!(f1 > 80.0, "dev F1 {f1}");
        train_files(&corpus_dir, &out, 3, &mut std::io::sink()).unwrap();
        assert!(std::fs::read(&path).unwrap() == bytes, "sentences.bin differs after retraining");
        // must give nothing: a corpus directory without the treebanks is an error, not a panic.
        assert!(train_files(&tmp.path().join("empty"), &out, 3, &mut std::io::sink()).is_err());
    }

    #[test]
    fn bad_files_are_errors_not_panics() {
        let model = BoundaryModel::from_bytes("m", shipped_bytes()).unwrap();
        let bytes = model.to_bytes(None);
        for cut in [5, 20, bytes.len() / 2, bytes.len() - 1] {
            assert!(BoundaryModel::from_bytes("m", &bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(matches!(BoundaryModel::from_bytes("m", &extra), Err(ModelError::Corrupt { .. })));
    }

    #[test]
    fn shipped_model_loads_and_names_its_corpora() {
        let model = embedded().expect("models/sentences.bin is trained");
        assert!(model.len() > 5000, "{} weights", model.len());
        let prov = model_file::provenance_of("models/sentences.bin", shipped_bytes()).unwrap().expect("provenance block");
        assert!(prov.command.starts_with("kgraph train sentences"), "{}", prov.command);
        let files: Vec<&str> = prov.corpora.iter().map(|c| c.path.as_str()).collect();
        for f in TRAIN_FILES.iter().chain(&DEV_FILES) {
            assert!(files.iter().any(|p| p.ends_with(f)), "{f} missing from {files:?}");
        }
        assert!(!files.iter().any(|p| p.contains("test")), "test split read: {files:?}");
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for c in &prov.corpora {
            let path = root.join(&c.path);
            let path = if path.exists() { path } else { std::path::Path::new("/work/shared/corpora").join(c.path.split("corpora/").last().unwrap()) };
            let now = model_file::CorpusFile::hash(&path).unwrap();
            assert_eq!(now.sha256, c.sha256, "{} changed since the model was trained", c.path);
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        super::super::sentence_ranges(text).into_iter().map(|(r, _)| &text[r]).collect()
    }

    /// Invented sentences of constructions the news check turned up.
    #[test]
    fn shipped_model_keeps_news_constructions_whole() {
        for one in [
            "Officials said they will work with [regional] Trade Council members next year.",
            "The vote was backed by a Labour MP (Member of Parliament) Jane Doe and two others.",
            "She flew on a Northwind Express flight to Lisbon on Monday.",
            "He said the plan was drafted by Acme Inc. and approved in March.",
        ] {
            assert_eq!(sentences(one), vec![one]);
        }
        assert_eq!(
            sentences("The bridge opened in 1932. [7] It was widened later."),
            vec!["The bridge opened in 1932. [7]", "It was widened later."]
        );
        assert_eq!(
            sentences("Prices rose again. Analysts expect more. \"We are ready,\" the minister said."),
            vec!["Prices rose again.", "Analysts expect more.", "\"We are ready,\" the minister said."]
        );
    }
}
