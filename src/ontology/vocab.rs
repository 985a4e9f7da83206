//! Vocabulary as typed constants: IRI strings appear nowhere else in the code.
//!
//! `kg:` is the kgraph ontology (`ontology/kgraph.ttl`): classes, properties and the provenance
//! terms used on fact statement nodes. `rel:` holds open relations that the lexicon did not map.

/// The ontology namespace (`kg:`).
pub const KG: &str = "https://w3id.org/kgraph/ontology#";
/// The ontology's own IRI; also the name of the named graph the ontology is loaded into.
pub const KG_ONTOLOGY: &str = "https://w3id.org/kgraph/ontology";
/// Open relations (`rel:restart`).
pub const REL: &str = "https://w3id.org/kgraph/rel/";
/// Default base for data IRIs: entities `{base}entity/{id}`, documents `{base}doc/{id}`,
/// fact statements `{base}fact/{doc}/{n}`.
pub const DEFAULT_BASE: &str = "http://kgraph.local/";

pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
pub const WD: &str = "http://www.wikidata.org/entity/";
pub const WDT: &str = "http://www.wikidata.org/prop/direct/";
pub const SCHEMA: &str = "https://schema.org/";

/// Provenance and statement terms (local names in `kg:`), used by `store` and read by `server`.
pub mod prov_terms {
    /// Class of fact statement nodes (a subclass of `rdf:Statement`).
    pub const FACT: &str = "Fact";
    /// On statement nodes: the sentence node holding the fact's evidence and offsets.
    pub const SENTENCE: &str = "sentence";
    pub const DOCUMENT: &str = "Document";
    pub const SURFACE: &str = "surfaceRelation";
    pub const CONFIDENCE: &str = "confidence";
    pub const NEGATED: &str = "negated";
    pub const MODALITY: &str = "modality";
    pub const ATTRIBUTION: &str = "attribution";
    pub const EVIDENCE: &str = "evidence";
    pub const PARAGRAPH: &str = "paragraph";
    pub const SENTENCE_INDEX: &str = "sentenceIndex";
    pub const CHAR_START: &str = "charStart";
    pub const CHAR_END: &str = "charEnd";
    pub const EXTRACTOR: &str = "extractor";
    pub const NOTE: &str = "note";
    pub const SOURCE_PATH: &str = "sourcePath";
    pub const SHA256: &str = "sha256";
    pub const DATE: &str = "date";
    pub const PLACE: &str = "place";
    pub const QUALIFIER: &str = "qualifier";
    pub const DOCUMENT_TEXT: &str = "text";
    pub const PREDICATE_LABEL: &str = "predicateLabel";
    pub const SENTENCE_COUNT: &str = "sentenceCount";
    pub const WIKIDATA_ID: &str = "wikidataId";
    /// On entities: how a name was merged in (`rule<TAB>alias`), for `kgraph entities --explain`.
    pub const MERGE_NOTE: &str = "mergeNote";
    /// On statement nodes: the object as written, when it is a normalised literal.
    pub const OBJECT_TEXT: &str = "objectText";
    /// On statement nodes: the unit of a money or quantity literal object.
    pub const UNIT: &str = "unit";
    /// On statement nodes: the day the fact happened (`xsd:date`), when the sentence names one day.
    pub const TIME: &str = "time";
    /// On statement nodes: first and last day (`xsd:date`) of when the fact happened.
    pub const TIME_START: &str = "timeStart";
    pub const TIME_END: &str = "timeEnd";
    /// On statement nodes: the time expression as written (`last week`).
    pub const TIME_TEXT: &str = "timeText";
    /// On document nodes: another field of the input (JSON Lines), as `name=value`.
    pub const METADATA: &str = "metadata";
    /// On corpus-wide entities, in a document graph: the name and the type that document gives
    /// the entity (the corpus graph holds the one `rdfs:label` and `rdf:type`).
    pub const DOCUMENT_LABEL: &str = "documentLabel";
    pub const DOCUMENT_TYPE: &str = "documentType";
    /// In the corpus graph: a document's node is the same thing as a corpus node.
    pub const SAME_AS: &str = "sameAs";
    /// In the corpus graph: how many documents gave each type, when they disagree.
    pub const TYPE_EVIDENCE: &str = "typeEvidence";
    /// In the corpus graph: in how many documents a corpus-wide entity occurs (a document's own
    /// node has none).
    pub const DOCUMENT_COUNT: &str = "documentCount";
}
