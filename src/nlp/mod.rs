//! NLP core: POS tagging (UPOS + XPOS), morphological features, lemmas and dependency parsing,
//! trained on UD English EWT by our own code and shipped as model files in `models/`.
//!
//! Owns: [`tagger`] (averaged perceptron, joint XPOS+UPOS), [`lemma`] (table + rules),
//! [`feats`] (FEATS table + Voice rule), [`hugemem`] (memory layout of the weight tables), [`conllu`] (reader/writer), [`model_file`] (versioned
//! envelope), [`train`] (`kgraph train ud`), [`eval`] (`kgraph eval ud`), [`bench`] (words/s),
//! [`clusters`] (word clusters from unlabelled text, `kgraph train clusters`).
//! `parser/` (dependency parser), `ner/` and `gazetteer.rs` (named entities) are owned by their own
//! engineers.
//!
//! In: [`Sentence`]s whose tokens have forms (from `crate::text::segment` or pre-tokenized
//! CoNLL-U/CaRB input). Out: the same tokens with `upos`, `xpos`, `feats`, `lemma`, `head` and
//! `deprel`. [`Analyzer::embedded`] loads the models compiled
//! into the binary once.

pub mod analysis;
#[cfg(feature = "train")]
pub mod bench;
pub mod clusters;
pub mod conllu;
pub mod coref;
#[cfg(feature = "train")]
pub mod eval;
pub mod feats;
pub mod gazetteer;
pub mod hash;
pub mod hugemem;
pub mod lemma;
pub mod model_file;
pub mod ner;
pub mod parser;
pub mod tagger;
#[cfg(feature = "train")]
pub mod train;

use crate::document::{EntityType, Mention, Sentence, Token};
pub use model_file::ModelError;
use model_file::{Reader, Writer};
use std::sync::OnceLock;

/// Magic bytes and format version of `models/ud-tagger.bin` (tagger + lemmatizer + feats).
pub const TAGGER_MAGIC: &[u8; 8] = b"KGTAGGER";
pub const TAGGER_VERSION: u32 = 3;

pub(crate) static TAGGER_BYTES: &[u8] = include_bytes!("../../models/ud-tagger.bin");
pub(crate) static PARSER_BYTES: &[u8] = include_bytes!("../../models/ud-parser.bin");

/// The tagger, lemmatizer and feature table stored together in `ud-tagger.bin`.
pub struct TagModels {
    pub tagger: tagger::Tagger,
    pub lemmatizer: lemma::Lemmatizer,
    pub feats: feats::FeatsTable,
}

impl TagModels {
    pub fn to_bytes(&self) -> Vec<u8> {
        self.to_bytes_with(None)
    }

    /// The model file with an optional provenance block.
    pub fn to_bytes_with(&self, provenance: Option<&model_file::Provenance>) -> Vec<u8> {
        let mut w = Writer::default();
        self.tagger.write(&mut w);
        self.lemmatizer.write(&mut w);
        self.feats.write(&mut w);
        model_file::wrap_with_provenance(TAGGER_MAGIC, TAGGER_VERSION, provenance, &w.buf)
    }

    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<TagModels, ModelError> {
        let payload = model_file::unwrap(name, TAGGER_MAGIC, TAGGER_VERSION, bytes)?;
        let mut r = Reader::new(name, payload);
        let tagger = tagger::Tagger::read(&mut r)?;
        let lemmatizer = lemma::Lemmatizer::read(&mut r)?;
        let feats = feats::FeatsTable::read(&mut r)?;
        if !r.is_empty() {
            return Err(ModelError::Corrupt { name: name.to_owned(), what: "trailing bytes".into() });
        }
        Ok(TagModels { tagger, lemmatizer, feats })
    }

    /// Tags, lemmatizes and adds features to `tokens` (no parsing).
    pub fn annotate(&self, tokens: &mut [Token]) {
        self.tagger.tag(tokens);
        retag_simple_pasts_read_as_modifiers(tokens);
        retag_missing_main_verb(tokens);
        retag_reporting_verbs_read_as_nouns(tokens);
        retag_role_nouns_read_as_adjectives(tokens);
        retag_counted_participles(tokens);
        retag_particle_surnames(tokens);
        for t in tokens.iter_mut() {
            self.lemmatizer.lemmatize_into(&t.form, &t.xpos, &mut t.lemma);
        }
        // `'s` before `been`/`got` is *has*, elsewhere (as VBZ) *is*.
        for i in 0..tokens.len().saturating_sub(1) {
            if tokens[i].xpos == "VBZ" && matches!(tokens[i].form.as_str(), "'s" | "’s" | "s") {
                let next = tokens[i + 1..].iter().find(|t| t.xpos != "RB");
                if next.is_some_and(|t| matches!(t.form.as_str(), "been" | "got" | "gotten" | "had")) {
                    tokens[i].lemma.clear();
                    tokens[i].lemma.push_str("have");
                }
            }
        }
        self.feats.annotate(tokens);
    }
}

/// Sets a token's UPOS and XPOS (a re-tagging after the tagger; the lemma is the caller's).
fn set_tags(t: &mut Token, upos: &str, xpos: &str) {
    t.upos.clear();
    t.upos.push_str(upos);
    t.xpos.clear();
    t.xpos.push_str(xpos);
}

/// A noun, a name or a pronoun that is no possessive (`she`, not `her` before a noun): the head of
/// a noun phrase a verb can follow.
fn is_phrase_head(t: &Token) -> bool {
    matches!(t.upos.as_str(), "NOUN" | "PROPN") || (t.upos == "PRON" && t.xpos != "PRP$")
}

/// A rare irregular simple past read as an adjective or noun (`underwent` looks like `different`
/// to the suffix features) where it follows the head of a noun phrase (`the patient underwent
/// surgery`, `the hall recently underwent repairs`) is the verb: a simple past form ([`lemma::is_simple_past_form`]) is no modifier,
/// and after a noun, a name or a pronoun it cannot stand before one. Left alone after a
/// determiner or adjective, and in capitalised words (titles such as `Went`).
fn retag_simple_pasts_read_as_modifiers(tokens: &mut [Token]) {
    for i in 1..tokens.len() {
        let (before, rest) = tokens.split_at_mut(i);
        let t = &mut rest[0];
        let head = |t: &Token| matches!(t.upos.as_str(), "NOUN" | "PROPN" | "PRON");
        // an adverb between counts (`the hall recently underwent`), not after a copula (`are really broke`)
        let after_head = head(&before[i - 1]) || (i > 1 && before[i - 1].upos == "ADV" && head(&before[i - 2]));
        if !after_head || !matches!(t.upos.as_str(), "ADJ" | "NOUN") || !t.form.starts_with(|c: char| c.is_ascii_lowercase()) {
            continue;
        }
        if lemma::is_simple_past_form(&t.form) {
            set_tags(t, "VERB", "VBD");
        }
    }
}

/// A surname with an elided particle (`d'Arcy`, `D'Avella`, `O'Neill`, `L'Ecuyer`): a particle
/// and an apostrophe before a capital letter make a name, whatever the suffix features read
/// (`d'Estaing` ends like `-ing` and was tagged a verb, which split the name and gave it a clause).
fn retag_particle_surnames(tokens: &mut [Token]) {
    for t in tokens.iter_mut() {
        let mut cs = t.form.chars();
        let particle = matches!(cs.next(), Some('d' | 'D' | 'l' | 'L' | 'O'));
        let apostrophe = matches!(cs.next(), Some('\'' | '’'));
        if particle && apostrophe && cs.next().is_some_and(char::is_uppercase) && cs.next().is_some_and(char::is_lowercase) && t.upos != "PROPN" {
            set_tags(t, "PROPN", "NNP");
        }
    }
}

/// An `-ed` form between a number and the plural noun it counts (`41 pledged delegates`, `37
/// confirmed cases`, `33 recovered patients`) modifies that noun: read as a verb, the parser made
/// it a clause of its own and the count lost its noun (`secured 12 of the 41 pledged delegates` gave
/// `secure – 12`). The number must count the noun, so it follows a word (not the sentence start,
/// where `200 attended rallies` has the number for subject).
fn retag_counted_participles(tokens: &mut [Token]) {
    for i in 2..tokens.len().saturating_sub(1) {
        let counted = tokens[i - 1].upos == "NUM" && tokens[i + 1].upos == "NOUN" && tokens[i + 1].xpos == "NNS";
        let t = &tokens[i];
        if counted && t.upos == "VERB" && matches!(t.xpos.as_str(), "VBD" | "VBN") && t.form.len() > 4 && t.form.ends_with("ed") && t.form.chars().all(|c| c.is_ascii_lowercase()) {
            set_tags(&mut tokens[i], "ADJ", "JJ");
        }
    }
}

/// A sentence of six words or more with no verb at all whose verb the tagger read as a noun or an
/// adjective (`the paper talks about …`, `the firm also limited sales`, `the states' conflict
/// centers on …`): the first word after a noun-phrase head (an adverb between allowed) that ends in
/// `-ed`, else in `-s`, and is followed by the start of a complement, is the main verb. Plural nouns
/// of persons and qualities (`supporters`, `tourists`, `politics`, `weakness`) and words after a
/// possessive pronoun (`my condolences to …`) are no verbs. Captions and headings (`Protesters at
/// the march`) have no such word and stay as they are.
fn retag_missing_main_verb(tokens: &mut [Token]) {
    if tokens.len() < 6 || tokens.iter().any(|t| matches!(t.upos.as_str(), "VERB" | "AUX")) {
        return;
    }
    // an English word: a sentence in another script is tagged as names throughout
    let head = |t: &Token| is_phrase_head(t) && t.form.chars().all(|c| c.is_ascii());
    let after_head = |i: usize| head(&tokens[i - 1]) || (i > 1 && tokens[i - 1].upos == "ADV" && head(&tokens[i - 2]));
    let complement = |t: &Token| matches!(t.upos.as_str(), "DET" | "ADP" | "NOUN" | "ADJ" | "NUM" | "PRON" | "PROPN");
    let candidate = |i: usize, suffix: &str| {
        let t = &tokens[i];
        let w = t.form.as_str();
        matches!(t.upos.as_str(), "NOUN" | "ADJ")
            && w.len() > 4
            && w.chars().all(|c| c.is_ascii_lowercase())
            && w.ends_with(suffix)
            && !["ers", "ors", "ists", "ians", "ness", "ics", "ss", "us", "ants", "ents"].iter().any(|x| w.ends_with(x))
            && after_head(i)
            && tokens.get(i + 1).is_some_and(complement)
    };
    let Some((i, xpos)) = (1..tokens.len())
        .find(|&i| candidate(i, "ed"))
        .map(|i| (i, "VBD"))
        .or_else(|| (1..tokens.len()).find(|&i| candidate(i, "s")).map(|i| (i, "VBZ")))
    else {
        return;
    };
    set_tags(&mut tokens[i], "VERB", xpos);
}

/// Verbs that report or conclude a clause and share their base form with a noun (`scientists
/// report …`, `experts estimate …`): general English reporting and cognition verbs.
const REPORTING_VERB_NOUNS: &[&str] = &[
    "report", "claim", "estimate", "suggest", "find", "show", "believe", "warn", "predict", "argue", "note", "fear",
    "hope", "think", "expect", "conclude", "calculate", "say", "allege", "insist", "state",
];

/// A reporting verb in its base form read as a noun after a plural subject, before a clause of
/// its own (`scientists report ancient potters fired the jars`, `researchers estimate sea levels
/// rose`): a plural common noun cannot head a compound with a bare singular noun that is then
/// followed by a whole clause, so the word is the present-tense verb (VBP) and the clause its
/// complement. The clause must follow at once: up to six words of a noun phrase, then a finite
/// verb; the sentence may have no finite verb before it. Left alone: a name before it (`the
/// Tarn Council think tank said`), a verb right after it (`the workers report said`), a
/// possessive between (`the analysts' report found`).
fn retag_reporting_verbs_read_as_nouns(tokens: &mut [Token]) {
    let finite = |t: &Token| matches!(t.xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD");
    let nominal = |t: &Token| matches!(t.upos.as_str(), "DET" | "ADJ" | "NOUN" | "PROPN" | "NUM") || (t.upos == "PRON" && t.xpos != "WP");
    for i in 1..tokens.len() {
        if finite(&tokens[i - 1]) {
            return;
        }
        let t = &tokens[i];
        let plural_subject = tokens[i - 1].xpos == "NNS" && tokens[i - 1].form.starts_with(|c: char| c.is_ascii_lowercase());
        if t.upos != "NOUN" || t.xpos != "NN" || !plural_subject || !REPORTING_VERB_NOUNS.contains(&t.form.as_str()) {
            continue;
        }
        let phrase = tokens[i + 1..].iter().take_while(|t| nominal(t)).count();
        let clause = (1..=6).contains(&phrase) && tokens.get(i + 1 + phrase).is_some_and(finite);
        if clause {
            set_tags(&mut tokens[i], "VERB", "VBP");
        }
        return;
    }
}

/// A role noun read as an adjective where it ends its noun phrase (`the company's chief executive,
/// X, said`, `chief executive of Y`): after a determiner, a possessive or an adjective, and
/// followed by no word that could continue the phrase (a noun, a name, an adjective, a number), the
/// word is the phrase's head, a noun. Where a noun follows it modifies (`executive order`,
/// `official visit`) and stays an adjective. Without this the parser, left with no noun, makes the
/// adjective the root and the sentence's verb its conjunct.
fn retag_role_nouns_read_as_adjectives(tokens: &mut [Token]) {
    for i in 1..tokens.len() {
        let t = &tokens[i];
        if t.upos != "ADJ" || !t.form.chars().all(|c| c.is_ascii_lowercase()) || !crate::ontology::roles::is_role_noun(&t.form) {
            continue;
        }
        let before = &tokens[i - 1];
        let opens = matches!(before.upos.as_str(), "DET" | "ADJ") || before.xpos == "POS" || before.xpos == "PRP$";
        let continues = tokens.get(i + 1).is_some_and(|n| matches!(n.upos.as_str(), "NOUN" | "PROPN" | "ADJ" | "NUM"));
        if opens && !continues {
            set_tags(&mut tokens[i], "NOUN", "NN");
        }
    }
}

/// The whole analysis: tagger, lemmatizer, features, then the dependency parser.
pub struct Analyzer {
    pub tags: TagModels,
    pub parser: parser::Parser,
}

static EMBEDDED: OnceLock<Result<Analyzer, String>> = OnceLock::new();

impl Analyzer {
    /// Builds an analyzer from model file bytes (`ud-tagger.bin`, `ud-parser.bin`).
    /// The two files are decoded on two threads (start-up time is mostly building hash tables).
    pub fn from_bytes(tagger: &[u8], parser: &[u8]) -> Result<Analyzer, ModelError> {
        let (tags, parser) = std::thread::scope(|s| {
            let p = s.spawn(|| parser::Parser::from_bytes(parser));
            let t = TagModels::from_bytes("ud-tagger.bin", tagger);
            (t, p.join().expect("parser loading does not panic"))
        });
        Ok(Analyzer { tags: tags?, parser: parser? })
    }

    /// Loads `ud-tagger.bin` and `ud-parser.bin` from a directory (e.g. freshly trained models).
    pub fn from_dir(dir: &std::path::Path) -> Result<Analyzer, ModelError> {
        let read = |name: &str| {
            std::fs::read(dir.join(name)).map_err(|source| ModelError::Io { name: dir.join(name).display().to_string(), source })
        };
        Analyzer::from_bytes(&read("ud-tagger.bin")?, &read("ud-parser.bin")?)
    }

    /// The analyzer built from the models compiled into the binary, loaded once.
    pub fn embedded() -> Result<&'static Analyzer, ModelError> {
        let r = EMBEDDED.get_or_init(|| Analyzer::from_bytes(TAGGER_BYTES, PARSER_BYTES).map_err(|e| e.to_string()));
        match r {
            Ok(a) => Ok(a),
            Err(e) => Err(ModelError::Corrupt { name: "embedded models".into(), what: e.clone() }),
        }
    }

    /// Fills upos, xpos, feats, lemma, head and deprel of every token.
    pub fn analyze(&self, sentence: &mut Sentence) {
        self.analyze_tokens(&mut sentence.tokens);
    }

    /// Same as [`Analyzer::analyze`] on a bare token slice.
    pub fn analyze_tokens(&self, tokens: &mut [Token]) {
        if tokens.is_empty() {
            return;
        }
        self.tags.annotate(tokens);
        self.parser.parse(tokens);
    }

    /// Re-tags the words of person names that the tagger read as common words, and parses their
    /// sentences again. A surname that is also an English word (`Day`, `Baker`, `Gray`, `May`)
    /// is tagged as that word where it stands alone, above all at the start of a sentence
    /// (`Vellin made …` is fine, `Day made …` becomes a noun `day` hung on the verb as a time
    /// phrase), and the tree around it is wrong. The document-level NER knows better: the word is
    /// the surname of a person named in full elsewhere in the document. Returns how many
    /// sentences were parsed again.
    pub fn retag_person_names(&self, sentences: &mut [Sentence], mentions: &[Mention]) -> usize {
        let position = crate::document::sentence_positions(sentences);
        let surnames = surnames_of_full_names(sentences, &position, mentions);
        let mut changed = vec![false; sentences.len()];
        // a surname standing alone: in a name of several words the tagger reads the last one as a
        // name anyway, and a word read as a common word inside a capitalised run often means the
        // mention is wrong (`Hat` of `Red Hat` typed as a person)
        for m in mentions.iter().filter(|m| m.kind == EntityType::Person && m.tokens.len() == 1) {
            let Some(&k) = position.get(&m.sentence) else { continue };
            let i = m.tokens.start;
            let tokens = &mut sentences[k].tokens;
            let after_capital = i > 0 && tokens[i - 1].form.chars().next().is_some_and(char::is_uppercase);
            let Some(t) = tokens.get_mut(i) else { continue };
            if after_capital || !surnames.contains(&t.form) || !is_name_word_read_as_common(t) {
                continue;
            }
            set_tags(t, "PROPN", "NNP");
            self.tags.lemmatizer.lemmatize_into(&t.form, "NNP", &mut t.lemma);
            changed[k] = true;
        }
        // a role word that opens the sentence right before a person's name of two words or more,
        // outside every mention (`Voter Ana Reyes told`, the word cut off the name by the NER's
        // document pass): tagged a proper noun, the parser made it the head of the name, and the
        // phrase then named the role
        for m in mentions.iter().filter(|m| m.kind == EntityType::Person && m.tokens.len() > 1) {
            let Some(&k) = position.get(&m.sentence) else { continue };
            let i = m.tokens.start;
            let tokens = &mut sentences[k].tokens;
            let first = tokens.iter().position(|t| t.form.chars().any(char::is_alphanumeric));
            if i == 0 || first != Some(i - 1) {
                continue;
            }
            let t = &mut tokens[i - 1];
            let role = t.upos == "PROPN"
                && t.form.chars().skip(1).any(char::is_lowercase)
                && t.form.chars().all(|c| c.is_alphabetic() || c == '-')
                && !crate::nlp::ner::typing::is_title_word(&t.form);
            // the scan of all mentions only for the few role-like openers
            if !role || mentions.iter().any(|o| o.sentence == m.sentence && o.tokens.contains(&(i - 1))) {
                continue;
            }
            set_tags(t, "NOUN", "NN");
            self.tags.lemmatizer.lemmatize_into(&t.form.to_lowercase(), "NN", &mut t.lemma);
            changed[k] = true;
        }
        let mut reparsed = 0;
        for (s, _) in sentences.iter_mut().zip(&changed).filter(|(_, c)| **c) {
            self.tags.feats.annotate(&mut s.tokens);
            self.parser.parse(&mut s.tokens);
            reparsed += 1;
        }
        reparsed
    }
}

/// The last words of the person names of several words in a document (`Day` of `Mara Day`).
fn surnames_of_full_names(
    sentences: &[Sentence],
    position: &std::collections::HashMap<usize, usize>,
    mentions: &[Mention],
) -> std::collections::HashSet<String> {
    mentions
        .iter()
        .filter(|m| m.kind == EntityType::Person && m.tokens.len() > 1)
        .filter_map(|m| {
            let s = &sentences[*position.get(&m.sentence)?];
            Some(s.tokens.get(m.tokens.end - 1)?.form.clone())
        })
        .collect()
}

/// A capitalised word (letters, `-` or `'`, some lower case: not an acronym) that the tagger
/// read as a common noun, adjective, verb, adverb or modal.
fn is_name_word_read_as_common(t: &Token) -> bool {
    t.form.chars().next().is_some_and(char::is_uppercase)
        && t.form.chars().skip(1).any(char::is_lowercase)
        && t.form.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        && matches!(t.upos.as_str(), "NOUN" | "ADJ" | "VERB" | "ADV" | "AUX" | "INTJ" | "X")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(words: &[&str]) -> Sentence {
        Sentence { tokens: words.iter().map(|w| Token { form: w.to_string(), ..Default::default() }).collect(), ..Default::default() }
    }

    #[test]
    fn a_role_word_opening_the_sentence_before_a_person_is_a_noun() {
        let a = Analyzer::embedded().expect("embedded models load");
        for (first, want) in [("Podcaster", "NOUN"), ("President", "PROPN")] {
            let mut s = sentence(&[first, "Mara", "Vellin", "told", "reporters", "."]);
            a.analyze(&mut s);
            s.tokens[0].upos = "PROPN".into();
            let m = Mention { sentence: s.index, tokens: 1..3, span: Default::default(), text: "Mara Vellin".into(), kind: EntityType::Person, entity: None };
            let mut ss = vec![s];
            a.retag_person_names(&mut ss, &[m]);
            assert_eq!(ss[0].tokens[0].upos, want, "{first}");
        }
    }

    #[test]
    fn a_role_noun_that_ends_its_phrase_is_a_noun_not_an_adjective() {
        let a = Analyzer::embedded().expect("embedded models load");
        let mut s = sentence(&["The", "firm", "'s", "chief", "executive", ",", "Mara", "Vellin", ",", "announced", "the", "deal", "."]);
        a.analyze(&mut s);
        assert_eq!(s.tokens[4].upos, "NOUN");
        // the parse then has the announcing verb as its root
        let root = s.tokens.iter().position(|t| t.head == 0).expect("a root");
        assert_eq!(s.tokens[root].form, "announced");
        // before a noun the role word modifies it and keeps its tag
        let mut tokens: Vec<Token> = ["an", "executive", "order"].iter().map(|w| Token { form: w.to_string(), ..Default::default() }).collect();
        for (t, (u, x)) in tokens.iter_mut().zip([("DET", "DT"), ("ADJ", "JJ"), ("NOUN", "NN")]) {
            set_tags(t, u, x);
        }
        retag_role_nouns_read_as_adjectives(&mut tokens);
        assert_eq!(tokens[1].upos, "ADJ");
    }

    #[test]
    fn shipped_model_tags_and_lemmatizes() {
        let a = Analyzer::embedded().expect("embedded models load");
        let mut s = sentence(&["The", "children", "were", "running", "to", "the", "stores", "yesterday", "."]);
        a.analyze(&mut s);
        let got: Vec<(&str, &str, &str)> = s.tokens.iter().map(|t| (t.upos.as_str(), t.xpos.as_str(), t.lemma.as_str())).collect();
        assert_eq!(
            got,
            vec![
                ("DET", "DT", "the"),
                ("NOUN", "NNS", "child"),
                ("AUX", "VBD", "be"),
                ("VERB", "VBG", "run"),
                ("ADP", "IN", "to"),
                ("DET", "DT", "the"),
                ("NOUN", "NNS", "store"),
                ("NOUN", "NN", "yesterday"),
                ("PUNCT", ".", "."),
            ]
        );
        assert!(s.tokens[1].feats.contains("Number=Plur"), "{}", s.tokens[1].feats);
        assert!(s.tokens[2].feats.contains("Tense=Past"), "{}", s.tokens[2].feats);
    }

    #[test]
    fn shipped_model_passive_and_proper_nouns() {
        let a = Analyzer::embedded().unwrap();
        let mut s = sentence(&["It", "is", "a", "practice", "strongly", "opposed", "by", "Quillen", "."]);
        a.analyze(&mut s);
        let t = &s.tokens;
        assert_eq!(t[5].xpos, "VBN");
        assert_eq!(t[5].lemma, "oppose");
        assert!(t[5].feats.contains("Voice=Pass"), "{}", t[5].feats);
        assert_eq!(t[7].upos, "PROPN");
        assert_eq!(t[7].lemma, "Quillen");
        assert_eq!(t[1].upos, "AUX");
    }

    #[test]
    fn model_round_trip_and_version_mismatch() {
        let m = TagModels::from_bytes("t", TAGGER_BYTES).unwrap();
        let prov = model_file::provenance("t", TAGGER_MAGIC, TAGGER_VERSION, TAGGER_BYTES).unwrap();
        let bytes = m.to_bytes_with(prov.as_ref());
        assert_eq!(bytes, TAGGER_BYTES, "writing a loaded model reproduces the file");
        let mut bad = bytes.clone();
        bad[8..12].copy_from_slice(&(TAGGER_VERSION + 1).to_le_bytes());
        let err = TagModels::from_bytes("ud-tagger.bin", &bad).err().expect("version mismatch is an error");
        assert!(matches!(err, ModelError::Version { found, .. } if found == TAGGER_VERSION + 1));
        assert!(err.to_string().contains("ud-tagger.bin"));
        let truncated = &bytes[..bytes.len() / 2];
        assert!(matches!(TagModels::from_bytes("t", truncated), Err(ModelError::Corrupt { .. })));
        assert!(matches!(TagModels::from_bytes("t", b"KGPARSER\x01\0\0\0"), Err(ModelError::BadMagic { .. })));
    }

    #[test]
    fn odd_tokens_do_not_panic() {
        let a = Analyzer::embedded().unwrap();
        let long = "x".repeat(300);
        let mut s = sentence(&["", "😀", "ÉTÉS", "naïvement", &long, "’s", "co-operated", "12,5%", "ﬁles", "S"]);
        a.analyze(&mut s);
        assert!(s.tokens.iter().all(|t| !t.upos.is_empty() && !t.xpos.is_empty()));
        assert!(s.tokens.iter().filter(|t| t.head == 0).count() >= 1);
    }

    #[test]
    fn a_rare_irregular_past_after_a_subject_is_a_verb() {
        let a = Analyzer::embedded().unwrap();
        let mut s = sentence(&["Sergeant", "Ivo", "Oster", "underwent", "open", "heart", "surgery", "at", "a", "clinic", "."]);
        a.analyze(&mut s);
        let w = &s.tokens[3];
        assert_eq!((w.upos.as_str(), w.xpos.as_str(), w.lemma.as_str()), ("VERB", "VBD", "undergo"));
        assert_eq!(w.deprel, "root");
    }

    #[test]
    fn a_simple_past_read_as_a_modifier_is_retagged_only_after_a_phrase_head() {
        let tagged = |pairs: &[(&str, &str)]| -> Vec<Token> {
            pairs.iter().map(|(f, u)| Token { form: f.to_string(), upos: u.to_string(), xpos: "JJ".into(), ..Default::default() }).collect()
        };
        let mut after_pronoun = tagged(&[("she", "PRON"), ("overtook", "ADJ"), ("rivals", "NOUN")]);
        retag_simple_pasts_read_as_modifiers(&mut after_pronoun);
        assert_eq!((after_pronoun[1].upos.as_str(), after_pronoun[1].xpos.as_str()), ("VERB", "VBD"));
        // after a determiner, capitalised, or a form shared with the participle: left alone
        for case in [
            vec![("the", "DET"), ("underwent", "ADJ"), ("list", "NOUN")],
            vec![("Tarn", "PROPN"), ("Underwent", "ADJ")],
            vec![("Tarn", "PROPN"), ("spent", "ADJ"), ("fuel", "NOUN")],
            vec![("are", "AUX"), ("really", "ADV"), ("broke", "ADJ")],
        ] {
            let mut t = tagged(&case);
            retag_simple_pasts_read_as_modifiers(&mut t);
            assert!(t.iter().all(|w| w.upos != "VERB"), "{case:?}");
        }
    }

    #[test]
    fn a_surname_with_an_elided_particle_is_a_name() {
        let tagged = |words: &[(&str, &str, &str)]| -> Vec<Token> {
            words.iter().map(|(f, u, x)| Token { form: f.to_string(), upos: u.to_string(), xpos: x.to_string(), ..Default::default() }).collect()
        };
        let mut t = tagged(&[("Ana", "PROPN", "NNP"), ("d'Ostering", "VERB", "VBG"), ("L’Amberly", "ADJ", "JJ"), ("d'", "ADP", "IN"), ("O'K", "NOUN", "NN"), ("don't", "AUX", "VBP")]);
        retag_particle_surnames(&mut t);
        let tags: Vec<&str> = t.iter().map(|w| w.upos.as_str()).collect();
        assert_eq!(tags, ["PROPN", "PROPN", "PROPN", "ADP", "NOUN", "AUX"]);
    }

    #[test]
    fn a_participle_between_a_number_and_its_plural_noun_modifies_the_noun() {
        let tagged = |words: &[(&str, &str, &str)]| -> Vec<Token> {
            words.iter().map(|(f, u, x)| Token { form: f.to_string(), upos: u.to_string(), xpos: x.to_string(), ..Default::default() }).collect()
        };
        let mut t = tagged(&[("won", "VERB", "VBD"), ("41", "NUM", "CD"), ("pledged", "VERB", "VBD"), ("delegates", "NOUN", "NNS")]);
        retag_counted_participles(&mut t);
        assert_eq!((t[2].upos.as_str(), t[2].xpos.as_str()), ("ADJ", "JJ"));
        // the number opening the sentence is the subject; a singular noun is an object
        for case in [
            vec![("200", "NUM", "CD"), ("attended", "VERB", "VBD"), ("rallies", "NOUN", "NNS"), (".", "PUNCT", ".")],
            vec![("in", "ADP", "IN"), ("2019", "NUM", "CD"), ("visited", "VERB", "VBD"), ("family", "NOUN", "NN")],
        ] {
            let mut t = tagged(&case);
            retag_counted_participles(&mut t);
            assert!(t.iter().all(|w| w.upos != "ADJ"), "{case:?}");
        }
    }

    #[test]
    fn a_verbless_sentence_gets_its_main_verb_back() {
        let tagged = |pairs: &[(&str, &str, &str)]| -> Vec<Token> {
            pairs.iter().map(|(f, u, x)| Token { form: f.to_string(), upos: u.to_string(), xpos: x.to_string(), ..Default::default() }).collect()
        };
        let mut s = tagged(&[
            ("The", "DET", "DT"), ("study", "NOUN", "NN"), ("talks", "NOUN", "NNS"), ("about", "ADP", "IN"),
            ("coastal", "ADJ", "JJ"), ("storms", "NOUN", "NNS"), (".", "PUNCT", "."),
        ]);
        retag_missing_main_verb(&mut s);
        assert_eq!((s[2].upos.as_str(), s[2].xpos.as_str()), ("VERB", "VBZ"));
        // an -ed form is preferred, an adverb may stand between
        let mut s = tagged(&[
            ("Norvia", "PROPN", "NNP"), ("also", "ADV", "RB"), ("limited", "ADJ", "JJ"), ("grain", "NOUN", "NN"),
            ("exports", "NOUN", "NNS"), ("to", "ADP", "IN"), ("Tarn", "PROPN", "NNP"), (".", "PUNCT", "."),
        ]);
        retag_missing_main_verb(&mut s);
        assert_eq!(s[2].upos, "VERB");
        assert_eq!(s[4].upos, "NOUN");
        // person nouns, a possessive pronoun before, or a sentence that has a verb: unchanged
        for case in [
            vec![("Vellin", "PROPN", "NNP"), ("supporters", "NOUN", "NNS"), ("during", "ADP", "IN"), ("a", "DET", "DT"), ("rally", "NOUN", "NN"), ("here", "ADV", "RB")],
            vec![("and", "CCONJ", "CC"), ("my", "PRON", "PRP$"), ("condolences", "NOUN", "NNS"), ("to", "ADP", "IN"), ("his", "PRON", "PRP$"), ("family", "NOUN", "NN")],
            vec![("The", "DET", "DT"), ("study", "NOUN", "NN"), ("talks", "NOUN", "NNS"), ("about", "ADP", "IN"), ("storms", "NOUN", "NNS"), ("ended", "VERB", "VBD")],
        ] {
            let mut s = tagged(&case);
            let before: Vec<String> = s.iter().map(|t| t.upos.clone()).collect();
            retag_missing_main_verb(&mut s);
            assert_eq!(s.iter().map(|t| t.upos.clone()).collect::<Vec<_>>(), before, "{case:?}");
        }
    }

    #[test]
    fn a_reporting_verb_read_as_a_noun_before_a_clause_is_the_verb() {
        let tagged = |pairs: &[(&str, &str, &str)]| -> Vec<Token> {
            pairs.iter().map(|(f, u, x)| Token { form: f.to_string(), upos: u.to_string(), xpos: x.to_string(), ..Default::default() }).collect()
        };
        let mut s = tagged(&[
            ("A", "DET", "DT"), ("team", "NOUN", "NN"), ("of", "ADP", "IN"), ("scientists", "NOUN", "NNS"), ("report", "NOUN", "NN"),
            ("ancient", "ADJ", "JJ"), ("potters", "NOUN", "NNS"), ("fired", "VERB", "VBD"), ("the", "DET", "DT"), ("jars", "NOUN", "NNS"),
        ]);
        retag_reporting_verbs_read_as_nouns(&mut s);
        assert_eq!((s[4].upos.as_str(), s[4].xpos.as_str()), ("VERB", "VBP"));
        for case in [
            // a name before it: a compound (`think tank`)
            vec![("the", "DET", "DT"), ("Tarn", "PROPN", "NNP"), ("think", "NOUN", "NN"), ("tank", "NOUN", "NN"), ("said", "VERB", "VBD")],
            // the verb right after it: the noun is the subject
            vec![("the", "DET", "DT"), ("workers", "NOUN", "NNS"), ("report", "NOUN", "NN"), ("said", "VERB", "VBD"), ("it", "PRON", "PRP")],
            // a finite verb before it: the sentence has its main verb
            vec![("Aides", "NOUN", "NNS"), ("read", "VERB", "VBD"), ("the", "DET", "DT"), ("miners", "NOUN", "NNS"), ("report", "NOUN", "NN"), ("tests", "NOUN", "NNS"), ("ended", "VERB", "VBD")],
            // no clause after it
            vec![("the", "DET", "DT"), ("inspectors", "NOUN", "NNS"), ("report", "NOUN", "NN"), ("on", "ADP", "IN"), ("the", "DET", "DT"), ("dam", "NOUN", "NN")],
        ] {
            let mut s = tagged(&case);
            retag_reporting_verbs_read_as_nouns(&mut s);
            assert!(s.iter().all(|t| t.upos != "VERB" || t.xpos != "VBP"), "{case:?}");
        }
    }

    #[test]
    fn empty_sentence_is_fine() {
        let a = Analyzer::embedded().unwrap();
        let mut s = Sentence::default();
        a.analyze(&mut s);
        assert!(s.tokens.is_empty());
    }
}
