//! Named-entity recognition: names (PER/ORG/LOC) with a greedy averaged-perceptron BILOU tagger,
//! finer types from the gazetteer and cue words, and rule-based Date/Money/Quantity mentions.
//!
//! In: a [`Sentence`] whose tokens came from `text` (and ideally were tagged by the NLP core's
//! [`Analyzer`](crate::nlp) — UPOS/XPOS are model features; untagged tokens still work, less
//! accurately). Out: `Token.ner` set to BIO labels (`B-PER`, `I-ORG`, `O`) and a list of
//! [`Mention`]s with [`EntityType`]s and character spans (`entity` stays `None`; `resolve` fills it).
//!
//! The model (`models/ner.bin`, magic `KGNER001`, trained by [`train_ner`] on Universal NER
//! English EWT and the names of GUM's typed entities, mapped by [`gum`]) is embedded in the binary.
//! Features: word, lowercase, shape, affixes, UPOS/XPOS, neighbours, previous two labels, gazetteer
//! hits ([`crate::nlp::gazetteer`] plus small built-in lists of regions, US states and well-known
//! organisations), title cues, and word classes learned from unlabelled text ([`lexicon`]).
//! Training uses teacher forcing and jackknifed POS tags; decoding is greedy with BILOU transition
//! constraints. `kgraph train ner --viterbi` trains a structured perceptron instead, decoded by
//! Viterbi ([`model::Decoder`], recorded in the model file); it is not the shipped model
//! (`models/README.md` has its scores). Over a whole document ([`Recognizer::recognize_document`]) the organisation and
//! place names of one sentence are spread to their untagged repeats and retyped to the document's
//! majority class ([`consistency`]), after untagged acronyms that spell an organisation name of
//! the document are named (`acronyms`).
//!
//! Files: `acronyms` (a name defined with its acronym in parentheses, and a document's untagged
//! acronyms of its organisations), `bilou` (labels and conversions), `consistency` (the document pass over names),
//! `features` (hashed features), `gum` (GUM entities as
//! UNER names), `lexicon` (word classes), `model` (perceptron and file format), `patterns` (dates,
//! money, quantities), `owners` (the organisation after `PERSON of`), `role_names` (untagged names after a role noun), `typing` (fine types, title splitting), `eval` (reading gold data, scoring), `train` (training).
//!
//! Shipped model (seed 1): `kgraph train ner` with the UNER `en_ewt-ud-train.v0-normalized.iob2`
//! and `en_ewt-ud-dev.iob2` plus `gum-train.conllu`; UNER test (`en_ewt-ud-test.iob2`, tags from
//! the embedded tagger, run-time repairs of 2026-12-05 evening, branch ner18): P 75.89 R 70.86 F1
//! 73.29; GUM test F1 68.43 (sentence by sentence; with the document pass, sentences grouped by
//! `sent_id`: UNER test F1 73.51 → 73.41, ORG 55.43 → 55.04; GUM test 68.20 → 68.39 — the ner18
//! repairs (`acronyms`, institution and place joins, places closing on a body's head, `, Inc.`)
//! were chosen on dev, where they gained UNER dev 72.75 → 73.39 with the `--no-refit` selection
//! model and GUM dev 71.72 → 72.99;
//! `models/README.md` has the history). Data: Universal NER English
//! EWT and UD English EWT (CC BY-SA 4.0), GUM (CC BY 4.0), English Wikinews 2019–2020 (CC BY 2.5)
//! for the word classes.

mod acronyms;
pub mod bilou;
pub mod consistency;
pub mod features;
#[cfg(feature = "train")]
pub mod eval;
#[cfg(feature = "train")]
pub mod gum;
mod groups;
mod hyphens;
mod institutions;
mod laws;
mod nicknames;
mod owners;
mod role_names;
pub mod lexicon;
pub mod model;
pub mod patterns;
#[cfg(feature = "train")]
pub mod train;
pub mod typing;

pub use bilou::NerClass;
#[cfg(feature = "train")]
pub use eval::{Counts, PosSource, eval_ner, eval_ner_with, read_iob2};
#[cfg(feature = "train")]
pub use train::{NerData, TrainOptions, TrainReport, train_ner, train_with};

use crate::document::{EntityType, Mention, Sentence, Span, Token};
use crate::nlp::model_file::ModelError;
use features::TokInfo;
use model::Weights;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

/// The shipped model.
pub(crate) static MODEL_BYTES: &[u8] = include_bytes!("../../../models/ner.bin");
const MODEL_NAME: &str = "models/ner.bin";

/// Errors of NER training and evaluation.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}: {message}")]
    Syntax { path: PathBuf, line: usize, message: String },
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error("{0}")]
    Other(String),
}

/// A recognised name: token range and coarse class.
pub type NameSpan = (Range<usize>, NerClass);

/// A sentence's names and its gazetteer matches, as [`Recognizer::names`] gives them.
pub type SentenceNames = (Vec<NameSpan>, Vec<(Range<usize>, EntityType)>);

/// The named-entity recognizer.
pub struct Recognizer {
    weights: Weights,
    lexicon: lexicon::Lexicon,
}

impl Recognizer {
    /// The embedded model, loaded once.
    pub fn embedded() -> Result<&'static Recognizer, ModelError> {
        static CELL: OnceLock<Option<Recognizer>> = OnceLock::new();
        CELL.get_or_init(|| Recognizer::from_bytes(MODEL_NAME, MODEL_BYTES).ok())
            .as_ref()
            .ok_or_else(|| Recognizer::from_bytes(MODEL_NAME, MODEL_BYTES).err().expect("failed before"))
    }

    /// Loads a model file's bytes (as written by [`train_ner`]).
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Recognizer, ModelError> {
        let (weights, lexicon) = Weights::from_bytes(name, bytes)?;
        Ok(Recognizer { weights, lexicon })
    }

    /// Loads a model file.
    pub fn load(path: &std::path::Path) -> Result<Recognizer, ModelError> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|source| ModelError::Io { name: name.clone(), source })?;
        Recognizer::from_bytes(&name, &bytes)
    }

    /// Number of feature rows in the model.
    pub fn features(&self) -> usize {
        self.weights.len()
    }

    /// Number of words in the word-class lexicon.
    pub fn lexicon_words(&self) -> usize {
        self.lexicon.len()
    }

    /// The names (PER/ORG/LOC spans) of a sentence, titles split off (see [`typing::split_titles`]),
    /// and the sentence's gazetteer matches.
    pub fn names(&self, tokens: &[Token]) -> SentenceNames {
        let words: Vec<&str> = tokens.iter().map(|t| t.form.as_str()).collect();
        let mut labels = Vec::new();
        let gaz = self.label_words(tokens, &words, &mut labels);
        let countries: Vec<Range<usize>> = gaz.iter().filter(|g| g.1 == EntityType::Country).map(|g| g.0.clone()).collect();
        let spans = nicknames::join_quoted_nicknames(tokens, hyphens::join_hyphenated_names(tokens, bilou::bilou_spans(&labels)));
        // the hyphen pass again after the flat pass: a name the tagger found as its surname alone
        // (`Ka-Wing` `Lau`) reaches the hyphen only once `flat` has widened it (`Wing Lau`)
        let spans = hyphens::join_hyphenated_names(tokens, join_flat_parts(tokens, spans));
        let spans = join_company_names(tokens, join_possessive_names(tokens, spans));
        let spans = join_numbered_names(tokens, join_company_suffixes(tokens, spans));
        let spans = institutions::retype_people_closing_on_institutions(tokens, spans);
        let spans = institutions::join_institution_names(tokens, institutions::name_untagged_institutions(tokens, spans));
        let spans = institutions::join_names_over_and(tokens, spans);
        let spans = acronyms::join_defined_acronyms(tokens, institutions::join_places_to_organisations(tokens, spans));
        let spans = institutions::join_campus_names(tokens, institutions::retype_places_closing_on_bodies(tokens, spans), &gaz);
        let spans = owners::type_owners_of_people(tokens, role_names::name_people_after_roles(tokens, spans));
        let spans = role_names::type_names_apposed_to_roles(tokens, role_names::cut_titled_names_from_organisations(tokens, spans));
        let spans = laws::drop_laws_typed_as_people(tokens, spans);
        let spans = typing::cut_positions_of_bodies(&words, typing::split_titles(&words, spans, &countries));
        let spans = institutions::widen_bodies_over_country_adjectives(tokens, typing::split_place_of_title(&words, spans, &gaz));
        (join_split_person_names(tokens, keep_gazetteer_organisations_whole(&words, spans, &gaz)), gaz)
    }

    /// BILOU label ids (see [`bilou`]) for a sentence's tokens, as the model predicts them.
    pub fn label(&self, tokens: &[Token], out: &mut Vec<u8>) {
        let words: Vec<&str> = tokens.iter().map(|t| t.form.as_str()).collect();
        self.label_words(tokens, &words, out);
    }

    /// [`Recognizer::label`] with the words already collected; returns the gazetteer matches.
    fn label_words(&self, tokens: &[Token], words: &[&str], out: &mut Vec<u8>) -> Vec<(Range<usize>, EntityType)> {
        let mut gaz = Vec::new();
        let matches = gazetteer_flags(words, &mut gaz);
        let mut chars = Vec::new();
        let toks: Vec<TokInfo> =
            tokens.iter().zip(&gaz).map(|(t, &g)| features::tok_info(&t.form, &t.upos, &t.xpos, g, &self.lexicon, &mut chars)).collect();
        let mut statics = Vec::with_capacity(toks.len() * features::N_STATIC);
        features::static_features(&toks, &mut statics);
        model::decode(&self.weights, self.weights.decoder, &toks, &statics, out);
        matches
    }

    /// Recognises the names and Date/Money/Quantity expressions of a sentence: sets every
    /// `Token.ner` (BIO over PER/ORG/LOC) and returns the mentions in text order.
    pub fn recognize(&self, sentence: &mut Sentence) -> Vec<Mention> {
        let names = self.names(&sentence.tokens);
        mentions_of(sentence, names)
    }
}

/// Sets every `Token.ner` of a sentence from its names (with the sentence's gazetteer matches, as
/// [`Recognizer::names`] gives them) and returns the name and Date/Money/Quantity mentions in
/// text order.
fn mentions_of(sentence: &mut Sentence, (names, gaz): SentenceNames) -> Vec<Mention> {
    let found = {
        let words: Vec<&str> = sentence.tokens.iter().map(|t| t.form.as_str()).collect();
        let upos: Vec<&str> = sentence.tokens.iter().map(|t| t.upos.as_str()).collect();
        let mut found: Vec<(Range<usize>, EntityType)> =
            names.iter().map(|(r, c)| (r.clone(), typing::refine(*c, r, &words, &gaz))).collect();
        for (r, kind) in patterns::find(&words, &upos) {
            if kind == EntityType::Quantity && glued_to_hyphened_word(&sentence.tokens, r.start) {
                continue;
            }
            if !found.iter().any(|(f, _)| f.start < r.end && r.start < f.end) {
                found.push((r, kind));
            }
        }
        found.sort_by_key(|(r, _)| r.start);
        found
    };
    for t in sentence.tokens.iter_mut() {
        t.ner.clear();
        t.ner.push('O');
    }
    for (r, c) in &names {
        for i in r.clone() {
            let t = &mut sentence.tokens[i].ner;
            t.clear();
            t.push_str(if i == r.start { "B-" } else { "I-" });
            t.push_str(c.as_str());
        }
    }
    found.into_iter().map(|(r, kind)| mention(sentence, r, kind)).collect()
}

/// Whether the digits at `i` end a hyphened word written without spaces (`Norvia-19`, `TX-81`,
/// `anti-Vell-7`): they are part of that name or code, not a count of the noun after it, so
/// `the Norvia-19 virus` holds no quantity `19 virus`. Number words stay counts
/// (`one-to-two hundred people`).
fn glued_to_hyphened_word(tokens: &[Token], i: usize) -> bool {
    i >= 2
        && tokens[i].form.starts_with(|c: char| c.is_ascii_digit())
        && tokens[i - 1].form == "-"
        && !tokens[i - 1].space_after
        && !tokens[i - 2].space_after
        && tokens[i - 2].form.chars().next().is_some_and(char::is_alphabetic)
}

impl Recognizer {
    /// The names of every sentence of a document ([`Recognizer::names`]), then the untagged
    /// repeats of its organisation and place names added ([`consistency::spread_names`]).
    pub fn document_names(&self, sentences: &[&[Token]]) -> Vec<SentenceNames> {
        let mut found: Vec<_> = sentences.iter().map(|t| self.names(t)).collect();
        let words: Vec<Vec<&str>> = sentences.iter().map(|t| t.iter().map(|t| t.form.as_str()).collect()).collect();
        let mut names: Vec<Vec<NameSpan>> = found.iter_mut().map(|f| std::mem::take(&mut f.0)).collect();
        acronyms::name_document_acronyms(&words, &mut names);
        cut_role_words_opening_names(&self.lexicon, sentences, &words, &mut names);
        consistency::spread_names(&words, &mut names);
        for (f, n) in found.iter_mut().zip(names) {
            f.0 = n;
        }
        found
    }

    /// [`Recognizer::recognize`] over all sentences of a document with [`Recognizer::document_names`],
    /// then one document-level pass:
    /// a single-word name (hyphenated ones too: `al-Rashan`) that is the surname or full name of
    /// a Person found elsewhere in the document becomes a Person too (`Quillen` typed as a place in one sentence), and an untagged
    /// capitalised occurrence of such a surname becomes a Person mention. `Token.ner` is updated.
    pub fn recognize_document(&self, sentences: &mut [Sentence]) -> Vec<Mention> {
        let names = {
            let tokens: Vec<&[Token]> = sentences.iter().map(|s| s.tokens.as_slice()).collect();
            self.document_names(&tokens)
        };
        let mut all: Vec<Mention> = Vec::new();
        for (s, n) in sentences.iter_mut().zip(names) {
            all.extend(mentions_of(s, n));
        }
        // Lookups by sentence index and by covered token are maps: scanning the sentences or the
        // mentions once per mention or per token made this pass quadratic in document length.
        let position = crate::document::sentence_positions(sentences);
        groups::retype_groups_and_acronyms(sentences, &position, &mut all);
        let mut person_words: std::collections::HashSet<String> = std::collections::HashSet::new();
        for m in all.iter().filter(|m| m.kind == EntityType::Person) {
            person_words.insert(m.text.clone());
            if m.tokens.len() > 1
                && let Some(s) = position.get(&m.sentence).map(|&k| &sentences[k])
                && let Some(last) = s.tokens.get(m.tokens.end - 1)
            {
                person_words.insert(last.form.clone());
            }
            // a surname written as one word of several tokens (`al-Rashan`)
            if let Some((_, last)) = m.text.rsplit_once(' ') {
                person_words.insert(last.to_owned());
            }
        }
        drop_outvoted_surnames(&all, &mut person_words);
        if person_words.is_empty() {
            return all;
        }
        for m in all.iter_mut() {
            // one written word, even when the tokenizer cut it at a hyphen (`al - Rashan`)
            let one_word = !m.text.contains(char::is_whitespace);
            if m.kind != EntityType::Person && m.kind.is_named() && one_word && person_words.contains(&m.text) {
                m.kind = EntityType::Person;
                if let Some(&k) = position.get(&m.sentence) {
                    for i in m.tokens.clone() {
                        if let Some(t) = sentences[k].tokens.get_mut(i) {
                            t.ner = if i == m.tokens.start { "B-PER" } else { "I-PER" }.to_owned();
                        }
                    }
                }
            }
        }
        let covered: std::collections::HashSet<(usize, usize)> =
            all.iter().flat_map(|m| m.tokens.clone().map(move |i| (m.sentence, i))).collect();
        let mut added = Vec::new();
        for s in sentences.iter_mut() {
            for i in 0..s.tokens.len() {
                let t = &s.tokens[i];
                let free = t.ner == "O" && !covered.contains(&(s.index, i));
                if free && t.form.chars().next().is_some_and(char::is_uppercase) && person_words.contains(&t.form) {
                    let start = given_names_before(&s.tokens, i, |k| covered.contains(&(s.index, k)));
                    for k in start..=i {
                        s.tokens[k].ner = if k == start { "B-PER" } else { "I-PER" }.to_owned();
                    }
                    added.push(mention(s, start..i + 1, EntityType::Person));
                }
            }
        }
        all.extend(added);
        all.sort_by_key(|m| (m.sentence, m.tokens.start));
        all
    }
}

/// Keeps the surname pass of [`Recognizer::recognize_document`] from spreading a country's name
/// that closes a name the tagger typed PER (`Vell Norvia`, a firm, once; `Norvia`, the country,
/// forty times): it must not turn every `Norvia` into a person. A word of `person_words` is
/// dropped when its one-word Country mentions number three or more and more than twice the
/// person mentions that are it or end on it. Only countries: a town's name is often a surname
/// too (`Ivo Brentham` … `Brentham said`, the tagger reading a town each time), a country's
/// rarely.
fn drop_outvoted_surnames(all: &[Mention], person_words: &mut std::collections::HashSet<String>) {
    use std::collections::HashMap;
    let mut votes: HashMap<&str, (usize, usize)> = HashMap::new();
    for m in all {
        if m.kind == EntityType::Person {
            let last = m.text.rsplit_once(' ').map_or(m.text.as_str(), |(_, l)| l);
            if person_words.contains(last) {
                votes.entry(last).or_default().0 += 1;
            }
        } else if m.kind == EntityType::Country && !m.text.contains(char::is_whitespace) && person_words.contains(&m.text) {
            votes.entry(m.text.as_str()).or_default().1 += 1;
        }
    }
    let outvoted: Vec<String> = votes.into_iter().filter(|&(_, (per, other))| other >= 3 && other > 2 * per).map(|(w, _)| w.to_owned()).collect();
    for w in outvoted {
        person_words.remove(&w);
    }
}

/// Cuts a common noun that opens a sentence off the person's name the tagger read it into
/// (`Podcaster Ana Reyes said`, `Voter Ben Tarrow told`): capitalised only by its place, a role
/// word before a given name and a surname looks like one more given name, and the person's node
/// then carries it in every fact. The word goes when the span has three words or more, the next
/// word is capitalised (not `Bill de Vell`), what is left is two written words or more, the word
/// has the form of a person's occupation (`-er`, `-or`, `-ist`, `-ian`, `-man`: without it the
/// cut cost UNER EWT test 0.4 F1, GUM test 0.3), is no title (those are split elsewhere), and
/// either the word classes say it is written in lower case inside sentences (under 1 % of the
/// time), or the word is unknown to them, is never written capitalised inside a sentence of the
/// document, and the document names the surname as a person in another sentence.
fn cut_role_words_opening_names(lexicon: &lexicon::Lexicon, tokens: &[&[Token]], words: &[Vec<&str>], names: &mut [Vec<NameSpan>]) {
    use std::collections::{HashMap, HashSet};
    // each word of a person's name, with the sentences it is such a word in
    let mut person_words: HashMap<&str, HashSet<usize>> = HashMap::new();
    let mut inner_capitals: HashSet<String> = HashSet::new();
    let opening = |w: &[&str]| w.iter().position(|x| x.chars().any(char::is_alphanumeric)).unwrap_or(0);
    for (k, (w, spans)) in words.iter().zip(names.iter()).enumerate() {
        for (r, c) in spans {
            if *c == NerClass::Per && r.end <= w.len() {
                for x in &w[r.clone()] {
                    person_words.entry(x).or_default().insert(k);
                }
            }
        }
        for x in w.iter().skip(opening(w) + 1) {
            if x.starts_with(|c: char| c.is_uppercase()) {
                inner_capitals.insert(x.to_lowercase());
            }
        }
    }
    for (k, (w, spans)) in words.iter().zip(names.iter_mut()).enumerate() {
        let first = opening(w);
        for (r, c) in spans.iter_mut() {
            if *c != NerClass::Per || r.start != first || r.len() < 3 || r.end > w.len() {
                continue;
            }
            let word = w[r.start];
            let next_capital = w[r.start + 1].starts_with(|c: char| c.is_uppercase());
            // what is left is a given name and a surname, two written words (`Adil Vell-Dorn`
            // keeps its given name)
            let rest_words = 1 + (r.start + 1..r.end - 1).filter(|&i| tokens[k].get(i).is_some_and(|t| t.space_after)).count();
            // a word of a person's occupation or part (`-er`, `-or`, `-ist`, `-ian`, `-man`)
            let lower = word.to_lowercase();
            let role_form = ["er", "or", "ist", "ian", "man"].iter().any(|x| lower.ends_with(x)) && lower.len() > 4;
            if !next_capital
                || !role_form
                || rest_words < 2
                || !word.chars().all(|ch| ch.is_alphabetic() || ch == '-')
                || typing::is_title_word(word)
                || features::is_title_cue(word)
            {
                continue;
            }
            let cap = lexicon.get(features::lower_hash(word)).cap;
            let surname_elsewhere = person_words.get(w[r.end - 1]).is_some_and(|s| s.iter().any(|&j| j != k));
            if cap == 1 || (cap == 0 && !inner_capitals.contains(&word.to_lowercase()) && surname_elsewhere) {
                r.start += 1;
            }
        }
    }
}

/// Where the person mention of a surname found untagged at `i` starts: the capitalised, untagged
/// words right before it that the parser joined to it as parts of one name (`flat` or `compound`),
/// at most two. The tagger sometimes misses a full name after a lowercase role noun (`the activist
/// Tess Varga`) and finds only the surname elsewhere; the document pass then marks the surname
/// alone, and the full name never becomes a mention, so later `Varga`s resolve to a node of their
/// own. Title words stay out (`President Varga`); `covered` says which tokens are in a mention.
fn given_names_before(tokens: &[Token], i: usize, covered: impl Fn(usize) -> bool) -> usize {
    let joined = |a: usize, b: usize| {
        let part = |x: &Token, y: usize| x.head == y + 1 && (x.deprel.starts_with("flat") || x.deprel == "compound");
        part(&tokens[a], b) || part(&tokens[b], a)
    };
    let name_word = |k: usize| {
        let t = &tokens[k];
        t.ner == "O"
            && !covered(k)
            && t.upos == "PROPN"
            && t.form.chars().next().is_some_and(char::is_uppercase)
            && t.form.chars().skip(1).any(char::is_lowercase)
            && t.form.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            && !typing::is_title_word(&t.form)
    };
    let mut start = i;
    while start > 0 && i - start < 2 && name_word(start - 1) && joined(start - 1, start) {
        start -= 1;
    }
    start
}

/// Widens each person name over the capitalised words the parser joined to it with `flat`, UD's
/// relation between the parts of one multi-word name, when the tagger left them outside every name
/// (`Tess` in `player Tess Varga` tagged `O B-PER`). Only persons: UNER's place names often leave
/// out words that UD joins with `flat` (on UNER EWT test the rule for all classes cost LOC 3.7 F1).
/// Untagged or unparsed tokens change nothing.
fn join_flat_parts(tokens: &[Token], mut spans: Vec<NameSpan>) -> Vec<NameSpan> {
    let flat_link = |a: usize, b: usize| {
        let linked = |x: &Token, y: usize| x.head == y + 1 && x.deprel.starts_with("flat");
        linked(&tokens[a], b) || linked(&tokens[b], a)
    };
    let free = |k: usize, spans: &[NameSpan]| {
        tokens[k].form.chars().next().is_some_and(char::is_uppercase) && !spans.iter().any(|(r, _)| r.contains(&k))
    };
    for i in 0..spans.len() {
        if spans[i].1 != NerClass::Per {
            continue;
        }
        let (mut start, mut end) = (spans[i].0.start, spans[i].0.end);
        while start > 0 && free(start - 1, &spans) && flat_link(start - 1, start) {
            start -= 1;
        }
        while end < tokens.len() && free(end, &spans) && flat_link(end - 1, end) {
            end += 1;
        }
        spans[i].0 = start..end;
    }
    spans
}

/// An organisation's name of two words or more that the gazetteer knows (`Zembla Nations General
/// Assembly`) is one organisation, whatever the tagger and the passes before made of it: a title
/// word inside it (`General`) split it into a person (`Assembly`) named after the title and an
/// owner (`Zembla Nations`), and every mention of the body then named someone else. Spans inside
/// the name, or reaching into it from one side, give way to it; a span of the tagger that holds the
/// whole name and more (`Zembla Nations General Assembly Hall`) is left as it is.
fn keep_gazetteer_organisations_whole(words: &[&str], mut spans: Vec<NameSpan>, gaz: &[(Range<usize>, EntityType)]) -> Vec<NameSpan> {
    for (g, kind) in gaz {
        let organisation = matches!(
            kind,
            EntityType::Organization | EntityType::InternationalOrganization | EntityType::GovernmentBody | EntityType::Company | EntityType::ArmedGroup
        );
        if !organisation || g.len() < 2 || !words[g.start].starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let meets = |r: &Range<usize>| r.start < g.end && g.start < r.end;
        if spans.iter().any(|(r, _)| meets(r) && r.start <= g.start && r.end >= g.end) {
            continue; // already whole, or inside a longer name
        }
        spans.retain(|(r, _)| !meets(r));
        spans.push((g.clone(), NerClass::Org));
        spans.sort_by_key(|(r, _)| r.start);
    }
    spans
}

/// Lowercase particles written as words of their own inside personal names (`Omar bin Tarek`, `Lena
/// van Dorn`, `Ana de Vell`): the usual Arabic, Dutch, German, Romance particles. Those glued to
/// a surname by a hyphen (`al-Rami`) have their own list in `hyphens.rs`.
const SPACED_NAME_PARTICLES: &[&str] = &["bin", "ibn", "bint", "binti", "van", "von", "de", "da", "di", "du", "der", "den", "dos", "das", "del", "la", "le"];

/// Joins a person's name and the name right after it (one space, nothing between) into one
/// person: the tagger sometimes ends a name before a lowercase particle (`Omar` + `bin Tarek`,
/// `Saif` + `al-Rashan` typed as an organisation) or cuts a long name in two persons (`Lin Jae`
/// + `Son`, `Mara J. T.` + `Vellin`); two persons' names never stand side by side without a
/// comma or `and` between. The second name joins when it is a person's or opens on a particle
/// ([`SPACED_NAME_PARTICLES`], or `al-`/`el-` glued to a capitalised word), and opens on no title.
fn join_split_person_names(tokens: &[Token], mut spans: Vec<NameSpan>) -> Vec<NameSpan> {
    // `al-Rashan` is one word, whether or not the tokenizer cut it at the hyphen
    let particle = |i: usize| {
        let f = tokens[i].form.as_str();
        let glued_hyphen = !tokens[i].space_after && tokens.get(i + 1).is_some_and(|t| t.form == "-" && !t.space_after);
        SPACED_NAME_PARTICLES.contains(&f)
            || (matches!(f, "al" | "el") && glued_hyphen)
            || ((f.starts_with("al-") || f.starts_with("el-")) && f[3..].starts_with(|c: char| c.is_uppercase()))
    };
    let mut k = 0;
    while k + 1 < spans.len() {
        let (a, b) = (&spans[k], &spans[k + 1]);
        let adjacent = a.0.end == b.0.start && tokens[a.0.end - 1].space_after;
        let first = &tokens[b.0.start];
        let joins = a.1 == NerClass::Per
            && adjacent
            && !typing::is_title_word(&first.form)
            && ((b.1 == NerClass::Per && first.form.starts_with(|c: char| c.is_uppercase())) || (particle(b.0.start) && b.0.len() <= 3));
        if joins {
            spans[k] = (a.0.start..b.0.end, NerClass::Per);
            spans.remove(k + 1);
        } else {
            k += 1;
        }
    }
    spans
}

/// Irregular plural nouns, which take `'s` where other plurals take a bare apostrophe.
const IRREGULAR_PLURALS: &[&str] = &["people", "women", "men", "children"];

/// Heads of buildings, institutions and places whose proper names are often a singular
/// possessive (`St Anne's Hospital`, `the Sheriff's Office`, `King's College`, `Hawke's Bay`).
/// General English. A head of another kind after a possessive (`Reyes's Vela Party`, `Zembla's
/// Defence Ministry`) is the owner's thing, not one name.
const POSSESSIVE_NAME_HEADS: &[&str] = &[
    "hospital", "college", "church", "cathedral", "chapel", "school", "office", "hall", "abbey", "basilica", "academy",
    "hospice", "infirmary", "park", "square", "bay", "island", "gate", "market", "inn", "theatre", "theater",
];

/// Place heads of [`POSSESSIVE_NAME_HEADS`]: such a name is a place, the others organisations.
const POSSESSIVE_PLACE_HEADS: &[&str] = &["park", "square", "bay", "island", "gate", "market"];

/// Joins a capitalised plural possessive and the capitalised words after it into one
/// organisation's name, with the name that ends at the possessive, if any (`Zembla Farmers' Union`,
/// `People's Defence Brigades`): the tagger stops names at the apostrophe, but a plural owner
/// inside a capitalised run is part of a name, as a person's or a place's (`Reyes's`,
/// `Zembla Isles'`) is not. A run that meets a person's name is left alone. A singular owner
/// joins only a head of [`POSSESSIVE_NAME_HEADS`] right after it (`the Sheriff's Office`,
/// `St Anne's Hospital` with its `St`, `St Anne's Parish Church`), and only when it is one word, a
/// saint's name or an office holder before `Office` (`the Vell County Sheriff's Office`), and no
/// place. Needs the tags (UPOS).
fn join_possessive_names(tokens: &[Token], mut spans: Vec<NameSpan>) -> Vec<NameSpan> {
    let capital = |k: usize| {
        tokens[k].form.chars().next().is_some_and(char::is_uppercase) && matches!(tokens[k].upos.as_str(), "PROPN" | "NOUN" | "ADJ")
    };
    let mut k = 1;
    while k + 1 < tokens.len() {
        let owner = tokens[k - 1].form.to_lowercase();
        let plural = match tokens[k].form.as_str() {
            "'" | "’" => owner.len() > 2 && owner.ends_with('s'),
            "'s" | "’s" => IRREGULAR_PLURALS.contains(&owner.as_str()),
            _ => false,
        };
        if !plural && capital(k - 1) && !tokens[k - 1].space_after
            && let Some(joined) = singular_possessive_name(tokens, &spans, k)
        {
            let end = joined.0.end;
            let meets = |r: &Range<usize>| r.start < joined.0.end && joined.0.start < r.end;
            spans.retain(|(r, _)| !meets(r));
            spans.push(joined);
            spans.sort_by_key(|(r, _)| r.start);
            k = end;
            continue;
        }
        if !plural || !capital(k - 1) || !capital(k + 1) || tokens[k - 1].space_after {
            k += 1;
            continue;
        }
        let mut end = k + 1;
        while end < tokens.len() && end - k <= 4 && capital(end) {
            end += 1;
        }
        let owner_span = spans.iter().find(|(r, _)| r.contains(&(k - 1)));
        let start = owner_span.map_or(k - 1, |(r, _)| r.start);
        let meets = |r: &Range<usize>| r.start < end && start < r.end;
        // a place's possessive (`Zembla Isles' Coast Guard`) is the owner, not part of the name
        let place_owner = owner_span.is_some_and(|(_, c)| *c == NerClass::Loc);
        if place_owner || spans.iter().any(|(r, c)| meets(r) && *c == NerClass::Per) {
            k = end;
            continue;
        }
        let end = spans.iter().filter(|(r, _)| meets(r)).map(|(r, _)| r.end).fold(end, usize::max);
        spans.retain(|(r, _)| !meets(r));
        spans.push((start..end, NerClass::Org));
        spans.sort_by_key(|(r, _)| r.start);
        k = end;
    }
    spans
}

/// Offices whose holder's possessive names a public office (`the Alachua Sheriff's Office`, `the
/// Governor's Office`): general English. The holder's words then belong to the office's name.
const OFFICE_HOLDERS: &[&str] = &[
    "sheriff", "coroner", "governor", "mayor", "president", "minister", "attorney", "prosecutor", "auditor", "treasurer",
    "comptroller", "marshal", "clerk", "general", "secretary", "chancellor", "premier", "commissioner",
];

/// The name `St Anne's Hospital` / `Sheriff's Office` / `St Anne's Parish Church` around the
/// singular possessive at `k` (see [`join_possessive_names`]), or None: one to three capitalised
/// words after the possessive, the last a head of [`POSSESSIVE_NAME_HEADS`].
fn singular_possessive_name(tokens: &[Token], spans: &[NameSpan], k: usize) -> Option<NameSpan> {
    if !matches!(tokens[k].form.as_str(), "'s" | "’s") {
        return None;
    }
    let capital = |t: &Token| t.form.starts_with(|c: char| c.is_uppercase()) && t.form.chars().all(|c| c.is_alphabetic() || c == '.');
    let end = (k + 2..=(k + 4).min(tokens.len()))
        .take_while(|&e| capital(&tokens[e - 1]))
        .find(|&e| POSSESSIVE_NAME_HEADS.contains(&tokens[e - 1].form.to_lowercase().as_str()))?;
    let head_word = tokens[end - 1].form.to_lowercase();
    let saint = k >= 2 && matches!(tokens[k - 2].form.as_str(), "St" | "St." | "Saint" | "Ste" | "Ste.");
    let owner_span = spans.iter().find(|(r, _)| r.contains(&(k - 1)) && r.end == k);
    let office = head_word == "office" && OFFICE_HOLDERS.contains(&tokens[k - 1].form.to_lowercase().as_str());
    let start = match owner_span {
        _ if saint => k - 2,
        // a place's or a named person's thing (`Zembla's Office`, `Ana Reyes's Hall`)
        Some((_, NerClass::Loc)) => return None,
        Some((r, _)) if r.len() > 1 && !office => return None,
        Some((r, _)) => r.start,
        None => k - 1,
    };
    // nothing of another name runs across the joined words from outside
    if spans.iter().any(|(r, _)| (r.start < start && r.end > start) || (r.start < end && r.end > end)) {
        return None;
    }
    let class = if POSSESSIVE_PLACE_HEADS.contains(&head_word.as_str()) { NerClass::Loc } else { NerClass::Org };
    Some((start..end, class))
}

/// Words that end a company's name as its legal or trade form (`… Motor Company`, `… Holdings`,
/// `… Airlines`). General English; a subset of the company words [`typing`] reads, without those
/// that also end other names (`Media`, `Energy`, `Systems`).
pub(crate) const COMPANY_FORMS: &[&str] = &[
    "company", "corporation", "corp", "corp.", "inc", "inc.", "incorporated", "ltd", "ltd.", "llc", "plc", "holdings",
    "airlines", "airways", "motors", "industries", "pharmaceuticals", "enterprises",
];

/// Joins a run of capitalised proper nouns ending in a company form ([`COMPANY_FORMS`]) into one
/// organisation's name (`Harlow Motor Company`): the tagger often cuts such a run, typing its
/// first word as a person or leaving the rest out, and every later short mention (`Harlow`)
/// then names someone else. A fronted day or month (`On Friday Harlow Motor Company
/// announced`, no comma after the time) is not part of the run. A name the tagger found that
/// reaches outside the run (`Bank of Zembla`) is left as it is. Needs the tags (UPOS/XPOS).
fn join_company_names(tokens: &[Token], mut spans: Vec<NameSpan>) -> Vec<NameSpan> {
    let is_form = |k: usize| COMPANY_FORMS.iter().any(|f| f.eq_ignore_ascii_case(&tokens[k].form));
    let name_word = |k: usize| {
        let t = &tokens[k];
        let w = t.form.to_lowercase();
        let time = patterns::is_time_name(&w);
        // a hyphen with no space either side joins two parts of one word (`Vell-Dorn`)
        let glued_hyphen = matches!(t.form.as_str(), "-" | "–") && !t.space_after && k > 0 && !tokens[k - 1].space_after;
        (t.form == "&" || glued_hyphen || (t.form.chars().next().is_some_and(char::is_uppercase) && (t.upos == "PROPN" || t.xpos.starts_with("NNP"))))
            && !time
    };
    for end in 1..tokens.len() {
        if !is_form(end) || !name_word(end) || !name_word(end - 1) || is_form(end - 1) {
            continue;
        }
        let mut start = end - 1;
        while start > 0 && name_word(start - 1) {
            start -= 1;
        }
        // `&` and a hyphen join two name words; they neither open nor end the name
        while start < end && matches!(tokens[start].form.as_str(), "&" | "-" | "–") {
            start += 1;
        }
        let run = start..end + 1;
        if run.len() < 2 {
            continue;
        }
        let meets = |r: &Range<usize>| r.start < run.end && run.start < r.end;
        if spans.iter().any(|(r, _)| meets(r) && (r.start < run.start || r.end > run.end)) {
            continue;
        }
        spans.retain(|(r, _)| !meets(r));
        spans.push((run, NerClass::Org));
        spans.sort_by_key(|(r, _)| r.start);
    }
    spans
}

/// Company forms written after a comma that end a company's name (`Vell Tarn, Inc.`). General English.
const COMMA_FORMS: &[&str] = &["inc", "inc.", "ltd", "ltd.", "llc", "l.l.c.", "llp", "plc", "corp.", "co.", "gmbh", "s.a."];

/// Widens a company's name over a comma and the legal form after it (`Vell Tarn , Inc.`), and names
/// an untagged run of capitalised proper nouns before such a form: the tagger stops at the comma,
/// and the form left outside then breaks the name's repeats. Only when the form ends the phrase (no
/// capitalised word after it).
fn join_company_suffixes(tokens: &[Token], mut spans: Vec<NameSpan>) -> Vec<NameSpan> {
    for comma in 1..tokens.len().saturating_sub(1) {
        let form = comma + 1;
        if tokens[comma].form != "," || !COMMA_FORMS.iter().any(|f| f.eq_ignore_ascii_case(&tokens[form].form)) {
            continue;
        }
        if tokens.get(form + 1).is_some_and(|t| t.form.chars().next().is_some_and(char::is_uppercase)) {
            continue;
        }
        if let Some(k) = spans.iter().position(|(r, c)| r.end == comma && *c != NerClass::Per) {
            spans[k] = (spans[k].0.start..form + 1, NerClass::Org);
            continue;
        }
        let word = |k: usize| tokens[k].form.chars().next().is_some_and(char::is_uppercase) && (tokens[k].upos == "PROPN" || tokens[k].xpos.starts_with("NNP"));
        let mut start = comma;
        while start > 0 && comma - start < 4 && word(start - 1) && !spans.iter().any(|(r, _)| r.contains(&(start - 1))) {
            start -= 1;
        }
        if start < comma {
            spans.push((start..form + 1, NerClass::Org));
            spans.sort_by_key(|(r, _)| r.start);
        }
    }
    spans
}

/// Head nouns that a number completes in a name (`Norvia Air Flight 312`, `Highway 9`,
/// `Resolution 2259`): general English, capitalised in the name.
const NUMBERED_HEADS: &[&str] = &["Flight", "Route", "Highway", "Interstate", "Resolution", "Proposition", "Terminal", "Runway", "Platform"];

/// Widens a name that ends on a numbered head noun ([`NUMBERED_HEADS`]) over the number right
/// after it (`Norvia Air Flight` + `312`): the tagger stops names before digits, and the name
/// without its number names the airline's flights in general, not the one flight. A person's name
/// is left alone, and so is a number that a unit or a plural noun follows (`Flight 12 hours`).
fn join_numbered_names(tokens: &[Token], mut spans: Vec<NameSpan>) -> Vec<NameSpan> {
    for (r, class) in spans.iter_mut() {
        let e = r.end;
        if *class == NerClass::Per || e >= tokens.len() || !NUMBERED_HEADS.contains(&tokens[e - 1].form.as_str()) {
            continue;
        }
        let number = |t: &Token| t.form.chars().all(|c| c.is_ascii_digit()) && !t.form.is_empty();
        let next_noun = tokens.get(e + 1).is_some_and(|t| matches!(t.upos.as_str(), "NOUN") && t.form.chars().next().is_some_and(char::is_lowercase));
        if number(&tokens[e]) && !next_noun {
            r.end = e + 1;
        }
    }
    spans
}

/// A mention over tokens `r`, its span and text taken from the original characters.
fn mention(sentence: &Sentence, r: Range<usize>, kind: EntityType) -> Mention {
    let toks = &sentence.tokens[r.clone()];
    let span = toks[1..].iter().fold(toks[0].span.clone(), |s, t| s.cover(&t.span));
    let base = sentence.span.byte.start;
    let from_text = (span.byte.end > span.byte.start && span.byte.start >= base)
        .then(|| sentence.text.get(span.byte.start - base..span.byte.end - base))
        .flatten();
    let text = match from_text {
        Some(t) => t.to_owned(),
        None => {
            let mut s = String::new();
            for (k, t) in toks.iter().enumerate() {
                s.push_str(&t.form);
                if t.space_after && k + 1 < toks.len() {
                    s.push(' ');
                }
            }
            s
        }
    };
    Mention { sentence: sentence.index, tokens: r, span: if toks.is_empty() { Span::default() } else { span }, text, kind, entity: None }
}

/// Gazetteer matches of a sentence: (token range, kind, is a demonym).
pub(crate) fn gazetteer_matches(words: &[&str]) -> Vec<(Range<usize>, EntityType, bool)> {
    use crate::nlp::gazetteer::{Gazetteer, Via};
    Gazetteer::embedded().find_spans(words).into_iter().map(|m| (m.tokens, m.kind, m.via == Via::Demonym)).collect()
}

/// Per-token gazetteer feature bits: for each kind (country, city, organisation or other,
/// demonym) the token's position in the longest match (B, I, L, U) — 4 bits per kind; bits 20–23
/// for regions and states ([`features::REGIONS`]), bits 24–27 for well-known organisations
/// ([`features::ORGANISATIONS`]). Returns the (non-demonym) matches.
pub fn gazetteer_flags(words: &[&str], out: &mut Vec<u32>) -> Vec<(Range<usize>, EntityType)> {
    out.clear();
    out.resize(words.len(), 0);
    let mark = |out: &mut Vec<u32>, r: Range<usize>, k: u32| {
        for i in r.clone() {
            let pos: u32 = if r.len() == 1 { 3 } else if i == r.start { 0 } else if i + 1 == r.end { 2 } else { 1 };
            if let Some(x) = out.get_mut(i) {
                *x |= 1 << (4 * k + pos);
            }
        }
    };
    features::mark_regions(words, out, 20);
    features::mark_organisations(words, out, 24);
    let mut found = Vec::new();
    for (r, kind, demonym) in gazetteer_matches(words) {
        let k: u32 = match kind {
            _ if demonym => 3,
            EntityType::Country => 0,
            EntityType::City => 1,
            _ => 2,
        };
        mark(out, r.clone(), k);
        if !demonym {
            found.push((r, kind));
        }
    }
    found
}

/// Runs the NLP core's tagger on a sentence when it is available (evaluation on pre-tokenised
/// files). Returns whether tags were filled.
#[cfg(feature = "train")]
pub(crate) fn analyze_hook(sentence: &mut Sentence) -> bool {
    match crate::nlp::Analyzer::embedded() {
        Ok(a) => {
            a.analyze(sentence);
            true
        }
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests;
