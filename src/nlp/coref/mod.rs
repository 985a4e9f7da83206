//! Coreference: which mentions of a document (names, noun phrases, pronouns) refer to the same
//! thing — who "she", "the firm" and "its founder" are.
//!
//! In: an analysed [`Document`] (sentences with UPOS, FEATS, lemmas and dependency trees from
//! [`crate::nlp::Analyzer`]) and the named-entity [`Mention`]s of [`crate::nlp::ner`]; optionally
//! the speaker of each sentence. Out: [`Chain`]s of [`CorefMention`]s, each with a
//! representative mention, an entity type, gender and number; plus the learned attribute tables
//! ([`AttributeTables`]: gender, animacy and semantic class of first names and head nouns) that
//! entity resolution can consult instead of name lists.
//!
//! ```no_run
//! use kgraph::nlp::coref::Coref;
//! use kgraph::pipeline::{Pipeline, PipelineOptions};
//! use kgraph::source::SourceText;
//! let pipeline = Pipeline::new(PipelineOptions::default())?;
//! let (doc, names) = pipeline.analyze(SourceText::from_string("-", "Ana Ruiz founded a bakery. She sold it in May."));
//! let coref = Coref::embedded()?;
//! for chain in coref.resolve(&doc, &names) {
//!     let texts: Vec<&str> = chain.mentions.iter().map(|m| m.text.as_str()).collect();
//!     println!("{} = {:?}", chain.label(), texts);
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! How: [`mentions`] finds candidate mentions in our trees; [`features`] describes each mention
//! and each (mention, earlier mention) pair; [`model`] is a mention-ranking model (every mention
//! links to its best-scoring antecedent or starts a new entity), log-linear over hashed features
//! with latent antecedents, trained with a softmax-margin loss (AdaGrad, L2) by [`train`] (`kgraph train coref`) on the GUM corpus analysed by our own
//! tagger, parser and NER; [`score`] implements the CoNLL-2012 metrics and [`eval`] prints them
//! (`kgraph eval coref`). [`gum`] reads GUM's bracketed `Entity=` annotation.
//!
//! The shipped model is `models/coref.bin` (magic `KGCOREF1`), embedded in the binary.

pub mod attributes;
#[cfg(feature = "train")]
pub mod eval;
pub mod features;
#[cfg(feature = "train")]
pub mod gum;
pub mod mentions;
pub mod model;
#[cfg(feature = "train")]
pub mod score;
#[cfg(feature = "train")]
pub mod train;

pub use attributes::{AttributeTables, Gender};
pub use mentions::{CorefMention, MentionKind};

use crate::document::{Document, EntityType, Mention, Sentence};
use crate::nlp::model_file::{self, ModelError, Provenance, Reader, Writer};
use features::{DocContext, mention_infos};
use model::{Params, Quantized, Scratch};
use std::sync::OnceLock;

/// Magic bytes and format version of `models/coref.bin`.
pub const COREF_MAGIC: &[u8; 8] = b"KGCOREF1";
pub const COREF_VERSION: u32 = 1;

pub(crate) static MODEL_BYTES: &[u8] = include_bytes!("../../../models/coref.bin");
const MODEL_NAME: &str = "models/coref.bin";

/// One entity of a document: its mentions in document order.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Chain {
    /// 0-based, in order of the chain's first mention.
    pub id: usize,
    pub mentions: Vec<CorefMention>,
    /// Index in `mentions` of the mention that names the entity best: the longest name, else the
    /// first noun phrase, else the first mention.
    pub representative: usize,
    /// The entity type of the chain's names (the most frequent NER type), if any was recognised.
    pub entity_type: Option<EntityType>,
    /// From the chain's pronouns, else from the learned tables.
    pub gender: Gender,
    /// Referred to as plural (`they`, a plural head or a coordination).
    pub plural: bool,
}

impl Chain {
    /// The representative mention's text.
    pub fn label(&self) -> &str {
        &self.mentions[self.representative].text
    }
}

/// Every mention of a document with its chosen antecedent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolution {
    pub mentions: Vec<CorefMention>,
    /// The antecedent of each mention (index into `mentions`), `None` for the first mention of an
    /// entity.
    pub antecedents: Vec<Option<usize>>,
    /// Entity number of each mention (numbered in order of first mention); singletons included.
    pub clusters: Vec<usize>,
}

/// The trained coreference model.
pub struct Coref {
    weights: Quantized,
    params: Params,
    tables: AttributeTables,
}

impl Coref {
    /// The model compiled into the binary, loaded once.
    pub fn embedded() -> Result<&'static Coref, ModelError> {
        static CELL: OnceLock<Result<Coref, String>> = OnceLock::new();
        match CELL.get_or_init(|| Coref::from_bytes(MODEL_NAME, MODEL_BYTES).map_err(|e| e.to_string())) {
            Ok(c) => Ok(c),
            Err(e) => Err(ModelError::Corrupt { name: MODEL_NAME.into(), what: e.clone() }),
        }
    }

    /// Loads a model file's bytes.
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Coref, ModelError> {
        let payload = model_file::unwrap(name, COREF_MAGIC, COREF_VERSION, bytes)?;
        let mut r = Reader::new(name, payload);
        let window = r.u32()? as usize;
        let pronoun_sentences = r.u32()? as usize;
        let match_keep = r.u32()? as usize;
        let new_bias = r.f32()?;
        let weights = Quantized::read(&mut r, name)?;
        let tables = AttributeTables::read(&mut r)?;
        if !r.is_empty() {
            return Err(ModelError::Corrupt { name: name.to_owned(), what: "trailing bytes".into() });
        }
        let bits = weights.bits();
        Ok(Coref { weights, params: Params { window, pronoun_sentences, match_keep, bits, new_bias }, tables })
    }

    /// Loads a model file.
    pub fn load(path: &std::path::Path) -> Result<Coref, ModelError> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|source| ModelError::Io { name: name.clone(), source })?;
        Coref::from_bytes(&name, &bytes)
    }

    #[cfg(feature = "train")]
    pub(crate) fn new(weights: Quantized, params: Params, tables: AttributeTables) -> Coref {
        Coref { weights, params, tables }
    }

    /// The model file (with a provenance block when given).
    pub fn to_bytes(&self, provenance: Option<&Provenance>) -> Vec<u8> {
        let mut w = Writer::default();
        w.u32(self.params.window as u32);
        w.u32(self.params.pronoun_sentences as u32);
        w.u32(self.params.match_keep as u32);
        w.f32(self.params.new_bias);
        self.weights.write(&mut w);
        self.tables.write(&mut w);
        model_file::wrap_with_provenance(COREF_MAGIC, COREF_VERSION, provenance, &w.buf)
    }

    /// The learned gender / animacy / class tables of head nouns and names.
    pub fn attributes(&self) -> &AttributeTables {
        &self.tables
    }

    /// Number of non-zero weights.
    pub fn features(&self) -> usize {
        self.weights.non_zero()
    }

    /// The chains of a document with at least two mentions.
    pub fn resolve(&self, doc: &Document, ner: &[Mention]) -> Vec<Chain> {
        let r = self.resolve_all(&doc.text, &doc.sentences, ner, None);
        chains(&r, &self.tables, &doc.sentences)
    }

    /// Every mention with its antecedent; `speakers` (one per sentence) when the input says who
    /// speaks.
    pub fn resolve_all(&self, text: &str, sentences: &[Sentence], ner: &[Mention], speakers: Option<&[Option<String>]>) -> Resolution {
        let mentions = mentions::detect(text, sentences, ner);
        self.resolve_mentions(sentences, mentions, speakers)
    }

    /// [`Coref::resolve_all`] on mentions found already.
    pub fn resolve_mentions(&self, sentences: &[Sentence], mentions: Vec<CorefMention>, speakers: Option<&[Option<String>]>) -> Resolution {
        let infos = mention_infos(sentences, &mentions, &self.tables, speakers);
        let ctx = DocContext::new(&infos, self.params.match_keep);
        let antecedents = model::decode(&self.weights, &self.params, &infos, &ctx, &mut Scratch::default());
        let clusters = model::clusters_from_links(&antecedents);
        Resolution { mentions, antecedents, clusters }
    }
}

/// Groups a resolution into chains of two or more mentions.
pub fn chains(r: &Resolution, tables: &AttributeTables, sentences: &[Sentence]) -> Vec<Chain> {
    let n = r.clusters.iter().copied().max().map_or(0, |m| m + 1);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, &c) in r.clusters.iter().enumerate() {
        members[c].push(i);
    }
    let mut out = Vec::new();
    for group in members.into_iter().filter(|g| g.len() > 1) {
        let mentions: Vec<CorefMention> = group.iter().map(|&i| r.mentions[i].clone()).collect();
        out.push(chain_of(out.len(), mentions, tables, sentences));
    }
    out
}

fn chain_of(id: usize, mentions: Vec<CorefMention>, tables: &AttributeTables, sentences: &[Sentence]) -> Chain {
    let by_kind = |k: MentionKind| mentions.iter().enumerate().filter(move |(_, m)| m.kind == k);
    let representative = by_kind(MentionKind::Name)
        .max_by_key(|(i, m)| (m.tokens.len(), std::cmp::Reverse(*i)))
        .or_else(|| by_kind(MentionKind::Nominal).next())
        .map_or(0, |(i, _)| i);
    let mut types: Vec<EntityType> = mentions.iter().filter_map(|m| m.entity_type).filter(|t| t.is_named()).collect();
    types.sort();
    let entity_type = types.chunk_by(|a, b| a == b).max_by_key(|g| g.len()).map(|g| g[0]);
    let (mut masc, mut fem, mut neut, mut plur) = (0, 0, 0, 0);
    for m in &mentions {
        let t = &sentences[m.sentence].tokens[m.head];
        if m.kind == MentionKind::Pronoun {
            match mentions::feat(&t.feats, "Gender") {
                Some("Masc") => masc += 1,
                Some("Fem") => fem += 1,
                Some("Neut") => neut += 1,
                _ => {}
            }
        }
        if m.coordination || mentions::feat(&t.feats, "Number") == Some("Plur") {
            plur += 1;
        }
    }
    let gender = if masc > fem && masc > neut {
        Gender::Masculine
    } else if fem > masc && fem > neut {
        Gender::Feminine
    } else if neut > masc && neut > fem {
        Gender::Neuter
    } else {
        let rep = &mentions[representative];
        let first = rep.text.split_whitespace().next().unwrap_or("");
        match rep.kind {
            MentionKind::Name => tables.name_gender(first),
            _ => tables.noun_gender(&sentences[rep.sentence].tokens[rep.head].lemma),
        }
    };
    Chain { id, plural: plur * 2 > mentions.len(), mentions, representative, entity_type, gender }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_model_loads_and_has_provenance() {
        let c = Coref::embedded().expect("models/coref.bin loads");
        assert!(c.features() > 1000, "{} weights", c.features());
        let (nouns, names) = c.attributes().sizes();
        assert!(nouns > 100 && names > 50, "{nouns} nouns, {names} names");
        let prov = model_file::provenance(MODEL_NAME, COREF_MAGIC, COREF_VERSION, MODEL_BYTES).unwrap().expect("provenance block");
        assert!(prov.command.starts_with("kgraph train coref"), "{}", prov.command);
        assert!(prov.corpora.iter().any(|c| c.path.ends_with("gum-train.conllu")));
        assert!(prov.notes.contains_key("epochs") && prov.notes.contains_key("dev_conll_f1"));
    }

    /// The corpus hashes recorded in the shipped model are those of the files in ../shared.
    #[test]
    fn shipped_model_records_the_corpora_that_made_it() {
        let prov = model_file::provenance(MODEL_NAME, COREF_MAGIC, COREF_VERSION, MODEL_BYTES).unwrap().expect("provenance block");
        assert_eq!(prov.corpora.len(), 2, "train and dev");
        for c in &prov.corpora {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(&c.path);
            let now = model_file::CorpusFile::hash(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(now.sha256, c.sha256, "{} changed since the model was trained", c.path);
        }
    }

    #[test]
    fn round_trip_reproduces_the_file() {
        let c = Coref::from_bytes("t", MODEL_BYTES).unwrap();
        let prov = model_file::provenance("t", COREF_MAGIC, COREF_VERSION, MODEL_BYTES).unwrap();
        assert_eq!(c.to_bytes(prov.as_ref()), MODEL_BYTES);
        assert!(matches!(Coref::from_bytes("t", &MODEL_BYTES[..MODEL_BYTES.len() / 2]), Err(ModelError::Corrupt { .. })));
        assert!(matches!(Coref::from_bytes("t", b"KGTAGGER\x02\0\0\0"), Err(ModelError::BadMagic { .. })));
    }
}
