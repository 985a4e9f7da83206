//! The typed contract between pipeline stages.
//!
//! Every stage reads and writes these plain structs: `text` makes a [`Document`] with
//! [`Sentence`]s and [`Token`]s, `nlp` fills in tags, lemmas and the dependency tree, `resolve`
//! produces [`Mention`]s and [`Entity`]s, `extract` produces [`Fact`]s. Offsets always point into
//! the original text, as both byte and char ranges, so provenance survives every transform.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A region of the original text, as byte and char (Unicode scalar) offsets.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Span {
    pub byte: Range<usize>,
    pub char: Range<usize>,
}

impl Span {
    pub fn new(byte: Range<usize>, char: Range<usize>) -> Self {
        Span { byte, char }
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: &Span) -> Span {
        Span {
            byte: self.byte.start.min(other.byte.start)..self.byte.end.max(other.byte.end),
            char: self.char.start.min(other.char.start)..self.char.end.max(other.char.end),
        }
    }
}

/// One syntactic word. Multi-word tokens are split into their words (`don't` → `do` + `n't`),
/// each word keeping the span of the characters it came from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Token {
    /// The word as it appears in the text (may be normalised for the parser, e.g. curly quotes,
    /// but `span` always points at the original characters).
    pub form: String,
    pub span: Span,
    /// Whether whitespace follows this token in the original text.
    pub space_after: bool,
    /// Universal POS tag (`NOUN`, `PROPN`, `VERB`, …); empty until tagged.
    pub upos: String,
    /// Penn Treebank tag (`NN`, `VBD`, …); empty until tagged.
    pub xpos: String,
    /// UD morphological features (`Number=Sing|Tense=Past`), `_` or empty when none.
    pub feats: String,
    pub lemma: String,
    /// 1-based index of the head token within the sentence, 0 for the root (CoNLL-U style).
    pub head: usize,
    /// Universal dependency relation to the head, with subtype (`nsubj:pass`, `obl:agent`).
    pub deprel: String,
    /// Named-entity label in BIO form (`B-PER`, `I-ORG`, `O`); empty until recognised.
    pub ner: String,
    /// How sure the parser was of this token's arc: the score of the move that attached it minus
    /// the best other valid move's (0 = a tie, or not parsed). Not serialised; the learned fact
    /// confidence ([`crate::confidence`]) reads it.
    #[serde(skip)]
    pub arc_margin: f32,
    /// The same for the arc's label: best label score minus the second best.
    #[serde(skip)]
    pub label_margin: f32,
}

impl Token {
    pub fn new(form: impl Into<String>, span: Span) -> Self {
        Token { form: form.into(), span, ..Default::default() }
    }
}

/// A sentence: its tokens and where it sits in the document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Sentence {
    /// 0-based index of the sentence in the document.
    pub index: usize,
    /// 1-based paragraph number (paragraphs are separated by blank lines; in a text with no blank
    /// line, each non-empty line is a paragraph).
    pub paragraph: usize,
    pub span: Span,
    /// The sentence text exactly as in the original.
    pub text: String,
    pub tokens: Vec<Token>,
}

/// The position in `sentences` of each sentence index (the first, as a scan would find it): the
/// stages that go from a mention to its sentence look it up here rather than scanning the
/// document once per mention.
pub fn sentence_positions(sentences: &[Sentence]) -> std::collections::HashMap<usize, usize> {
    let mut out = std::collections::HashMap::with_capacity(sentences.len());
    for (k, s) in sentences.iter().enumerate() {
        out.entry(s.index).or_insert(k);
    }
    out
}

/// A source document and its analysis.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: the first 16 hex digits of the SHA-256 of the text.
    pub id: String,
    /// Full SHA-256 of the text, hex.
    pub hash: String,
    /// Where the text came from (`-` for standard input).
    pub source: String,
    pub title: Option<String>,
    /// Publication date as `YYYY-MM-DD` when known.
    pub date: Option<String>,
    /// Where the document was published (a JSON Lines `url` field).
    #[serde(default)]
    pub url: Option<String>,
    /// Other fields the input gave (JSON Lines fields besides id, title, date, url, text), as
    /// (name, value) pairs in input order.
    #[serde(default)]
    pub metadata: Vec<(String, String)>,
    pub text: String,
    pub sentences: Vec<Sentence>,
}

/// Coarse and fine entity types. The ontology has a class for each (see `ontology/kgraph.ttl`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub enum EntityType {
    Person,
    Country,
    City,
    /// Other geographic or political places (regions, continents, buildings).
    Location,
    Organization,
    GovernmentBody,
    InternationalOrganization,
    Company,
    ArmedGroup,
    Event,
    Product,
    Date,
    Money,
    Quantity,
    /// Anything else an argument can name: a practice, a visa, a war.
    #[default]
    Concept,
}

impl EntityType {
    pub const ALL: [EntityType; 15] = [
        EntityType::Person,
        EntityType::Country,
        EntityType::City,
        EntityType::Location,
        EntityType::Organization,
        EntityType::GovernmentBody,
        EntityType::InternationalOrganization,
        EntityType::Company,
        EntityType::ArmedGroup,
        EntityType::Event,
        EntityType::Product,
        EntityType::Date,
        EntityType::Money,
        EntityType::Quantity,
        EntityType::Concept,
    ];

    /// The local name of the ontology class (`kg:Person`).
    pub fn class_name(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::Country => "Country",
            EntityType::City => "City",
            EntityType::Location => "Location",
            EntityType::Organization => "Organization",
            EntityType::GovernmentBody => "GovernmentBody",
            EntityType::InternationalOrganization => "InternationalOrganization",
            EntityType::Company => "Company",
            EntityType::ArmedGroup => "ArmedGroup",
            EntityType::Event => "Event",
            EntityType::Product => "Product",
            EntityType::Date => "Date",
            EntityType::Money => "Money",
            EntityType::Quantity => "Quantity",
            EntityType::Concept => "Concept",
        }
    }

    pub fn from_class_name(name: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.class_name().eq_ignore_ascii_case(name))
    }

    /// Named entities proper (as opposed to concepts and literals).
    pub fn is_named(self) -> bool {
        !matches!(self, EntityType::Concept | EntityType::Date | EntityType::Money | EntityType::Quantity)
    }
}

/// A stretch of text that refers to something: a name, a description, a pronoun.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// Token range within the sentence (0-based, end exclusive).
    pub tokens: Range<usize>,
    pub span: Span,
    pub text: String,
    pub kind: EntityType,
    /// The entity this mention was resolved to, when it was.
    pub entity: Option<EntityId>,
}

/// Key of an [`Entity`]: the local name used in its IRI (`don_strand`, `united_states`).
pub type EntityId = String;

/// Why two names were merged into one entity (shown by `kgraph entities --explain`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeNote {
    /// The surface form that was merged in.
    pub alias: String,
    /// The rule that fired (`surname`, `gazetteer-alias`, `metonymy-capital`, `pronoun`, …).
    pub rule: String,
    /// Where: document id and sentence index, when it came from a document.
    pub doc: Option<String>,
    pub sentence: Option<usize>,
}

/// One real-world thing: one node in the graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: EntityId,
    /// Canonical label (`Don Strand`, `United States`).
    pub label: String,
    pub kind: EntityType,
    /// Other names seen for it, sorted and without the label.
    pub aliases: Vec<String>,
    /// Wikidata id (`Q30`) when linked.
    pub wikidata: Option<String>,
    #[serde(default)]
    pub merges: Vec<MergeNote>,
}

/// How a fact is asserted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    #[default]
    Asserted,
    /// `might`, `may`, `could`, `likely to`.
    Possible,
    /// Future or intention: `will`, `is set to`, `plans to`.
    Planned,
    /// Hedged report: `reportedly`, `is said to`.
    Reported,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Possible => "possible",
            Modality::Planned => "planned",
            Modality::Reported => "reported",
        }
    }

    pub fn parse(s: &str) -> Option<Modality> {
        match s {
            "asserted" => Some(Modality::Asserted),
            "possible" => Some(Modality::Possible),
            "planned" => Some(Modality::Planned),
            "reported" => Some(Modality::Reported),
            _ => None,
        }
    }
}

/// A typed literal value (dates, money, quantities, plain strings).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Literal {
    /// Lexical form (`2026-02-03`, `20`).
    pub value: String,
    /// Datatype IRI, `None` for a plain string.
    pub datatype: Option<String>,
    /// Unit for money and quantities (`USD`, `flight`).
    pub unit: Option<String>,
}

/// The object of a fact: another entity or a literal value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FactObject {
    Entity(EntityId),
    Literal(Literal),
}

/// A predicate: the normalised property when the ontology has one, and always the surface form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Predicate {
    /// Local name of the property in its namespace (`opposes`, or the lemma for open relations).
    pub name: String,
    /// Full IRI of the property (`…/ontology#opposes` or `…/rel/restart`).
    pub iri: String,
    /// Human label (`opposes`, `foreign minister of`).
    pub label: String,
    /// The relation exactly as extracted (`strongly opposed by`).
    pub surface: String,
    /// True when mapped to an ontology property, false for an open relation.
    pub normalized: bool,
}

/// A qualifier on a fact: date, place, or any other adverbial (`key` is `date`, `place`, `reason`…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Qualifier {
    pub key: String,
    pub value: String,
    /// Normalised typed value when there is one (`2026-02-03` as `xsd:date`).
    pub literal: Option<Literal>,
}

/// Where a fact came from, so a user can always ask "why is this edge here?".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    /// Document id.
    pub doc: String,
    /// 1-based paragraph number.
    pub paragraph: usize,
    /// 0-based sentence index in the document.
    pub sentence: usize,
    /// Span of the evidence in the original text.
    pub span: Span,
    /// The evidence sentence.
    pub evidence: String,
    /// Extractor name and rule (`clause:SVO`, `nominal:poss`, …).
    pub extractor: String,
    /// Confidence in [0, 1].
    pub confidence: f32,
}

/// One subject–predicate–object statement with its flags and provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub subject: EntityId,
    pub predicate: Predicate,
    pub object: FactObject,
    /// The object as written in the text when it differs from its label (literal objects:
    /// "billions of dollars" for the value 1000000000).
    #[serde(default)]
    pub object_text: Option<String>,
    #[serde(default)]
    pub qualifiers: Vec<Qualifier>,
    pub negated: bool,
    pub modality: Modality,
    /// Who said it, when the sentence reports speech (`officials in Washington`).
    pub attribution: Option<String>,
    pub provenance: Provenance,
    /// Notes on normalisation decisions (lexicon entry used, domain/range checks), for `kgraph why`.
    #[serde(default)]
    pub notes: Vec<String>,
    /// When it happened, when the sentence says so (`on Monday`, `last week`).
    #[serde(default)]
    pub time: Option<FactTime>,
}

/// When a fact happened: the sentence's time expression, resolved against the document date to
/// an interval of days (one day for `on 5 May 2019` or `yesterday`, a week for `last week`, a
/// month for `in March`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactTime {
    /// The expression as written (`on Monday`, `last week`).
    pub text: String,
    /// First day, `YYYY-MM-DD`.
    pub start: String,
    /// Last day, `YYYY-MM-DD` (equal to `start` for a single day).
    pub end: String,
}

impl FactTime {
    /// The single day, when the interval is one day.
    pub fn day(&self) -> Option<&str> {
        (self.start == self.end).then_some(self.start.as_str())
    }

    /// Whether the interval meets `[since, until]` (either bound open), comparing `YYYY-MM-DD`.
    pub fn overlaps(&self, since: Option<&str>, until: Option<&str>) -> bool {
        since.is_none_or(|s| self.end.as_str() >= s) && until.is_none_or(|u| self.start.as_str() <= u)
    }
}

impl Fact {
    /// A plain fact: asserted and not negated. Only these become plain triples in the graph.
    pub fn is_plain(&self) -> bool {
        !self.negated && self.modality == Modality::Asserted
    }
}

/// An argument of an open triple: a span of tokens in one sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Argument {
    /// Minimal token range in the sentence (0-based, end exclusive): determiners and
    /// non-restrictive modifiers dropped, compounds and restrictive modifiers kept.
    pub tokens: Range<usize>,
    /// Index (0-based) of the syntactic head token of the argument.
    pub head: usize,
    /// The argument's words joined as in the text (`Quillen's visa`, `pesticide spraying`).
    pub text: String,
    pub span: Span,
}

/// The normalisable parts of a relation phrase, as lemmas, so the ontology lexicon can map it:
/// `clashed over` → verb `clash`, prep `over`; `remains the biggest producer of` → verb `remain`,
/// noun `producer`, prep `of`; `Foreign Minister` (title) → noun `minister`, modifiers `foreign`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RelationKey {
    /// Lemma of the main verb (`be` for copulas), `None` for nominal relations.
    pub verb: Option<String>,
    /// Verb particle (`compound:prt`): `carry out` → `out`.
    pub particle: Option<String>,
    /// Lemma of a predicate noun or nominalisation (`producer`, `offensive`, `president`).
    pub noun: Option<String>,
    /// Lowercased restrictive modifiers of that noun (`foreign` in `foreign minister`).
    pub noun_modifiers: Vec<String>,
    /// Preposition linking to the object (`with`, `of`, `against`).
    pub prep: Option<String>,
    /// The verb was passive and the triple was turned active (agent is the subject).
    pub passive: bool,
    /// Lemmas of the subject-control verbs over the main verb (`tried to block` → `try`,
    /// `agreed to buy` → `agree`): what the subject did about the act. Not part of the
    /// [`RelationKey::pattern`] the lexicon maps (the act is); the predicate label starts with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matrix: Option<String>,
    /// The act as written when the last controlling verb takes it as a gerund (`began playing`
    /// → `playing`), so the label reads `begin playing`, not `begin play`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gerund: Option<String>,
}

impl RelationKey {
    /// An agentless passive with a preposition (`was found under the rubble`, `was accused of`):
    /// the subject underwent the event and the doer is not said.
    pub fn is_agentless_passive_with_prep(&self) -> bool {
        self.passive && self.prep.as_deref().is_some_and(|p| p != "by")
    }

    /// A compact pattern string: `clash with`, `be producer of`, `foreign minister of`.
    pub fn pattern(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if let Some(v) = &self.verb {
            parts.push(v);
        }
        if let Some(p) = &self.particle {
            parts.push(p);
        }
        parts.extend(self.noun_modifiers.iter().map(String::as_str));
        if let Some(n) = &self.noun {
            parts.push(n);
        }
        if let Some(p) = &self.prep {
            parts.push(p);
        }
        parts.join(" ")
    }
}

/// An open-IE extraction from one sentence, before entities are resolved and the predicate is
/// normalised. Produced by `extract`, consumed by `resolve` and `ontology`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenTriple {
    /// Index of the sentence in the document.
    pub sentence: usize,
    pub subject: Argument,
    /// Relation phrase as it reads in the text, active voice after passive conversion
    /// (`cancelled`, `clashed over`, `remains the biggest producer of`).
    pub relation: String,
    pub key: RelationKey,
    /// The object; `None` for intransitive clauses (SV).
    pub object: Option<Argument>,
    /// Further arguments in order (CaRB arg3…): adverbials kept in the extraction.
    #[serde(default)]
    pub extra: Vec<Argument>,
    /// Qualifiers such as `date`, `place`, with the argument that fills them.
    #[serde(default)]
    pub qualifiers: Vec<(String, Argument)>,
    pub negated: bool,
    pub modality: Modality,
    /// The speaker when the triple comes from reported speech (`officials in Washington`).
    pub attribution: Option<Argument>,
    /// The rule that fired (`clause:SVO`, `relcl`, `appos`, `nominal:poss`, …).
    pub rule: String,
    /// In [0, 1].
    pub confidence: f32,
}

/// An open triple whose arguments have been resolved to entities (output of `resolve`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResolvedTriple {
    pub triple: OpenTriple,
    pub subject: EntityId,
    /// `None` for intransitive clauses.
    pub object: Option<EntityId>,
    /// Qualifiers resolved to entities where they name one (`place` → `white_house`); the value
    /// text is kept either way.
    #[serde(default)]
    pub qualifiers: Vec<(String, Option<EntityId>, Argument)>,
    /// Speaker resolved to an entity label when the triple is attributed.
    pub attribution: Option<String>,
    /// Resolution rules that fired for the arguments (`pronoun:he→don_strand`).
    #[serde(default)]
    pub notes: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_positions_keep_the_first_of_an_index() {
        let at = |index| Sentence { index, ..Default::default() };
        let p = sentence_positions(&[at(4), at(9), at(4)]);
        assert_eq!((p.get(&4), p.get(&9), p.get(&0)), (Some(&0), Some(&1), None));
        assert!(sentence_positions(&[]).is_empty());
    }
}
