//! Reading documents, entities and facts back out of the store (for the petgraph view, `why`,
//! `entities`, `stats` and exports). The inverse of [`super::rdf`].

use super::{KgStore, StoreError};
use crate::document::{
    Entity, EntityType, Fact, FactObject, FactTime, Literal as KgLiteral, Modality, Predicate, Provenance, Qualifier, Span,
};
use crate::ontology::vocab::{self, prov_terms as p};
use oxigraph::model::{GraphName, NamedOrBlankNode, Quad, Term};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// A document as recorded in the store.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StoredDocument {
    pub id: String,
    pub source: String,
    /// Absent ones are left out of JSON (`kgraph stats --json` prints no nulls).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where it was published (`dcterms:source`), when the input said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub hash: String,
    pub sentences: usize,
}

/// Everything in the data graphs, as typed structs.
#[derive(Debug, Clone, Default)]
pub struct GraphData {
    pub documents: Vec<StoredDocument>,
    pub entities: Vec<Entity>,
    pub facts: Vec<Fact>,
}

/// One document's named graph read back: the unit the knowledge base's persisted view index
/// keeps, adds and drops as documents are loaded and removed.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentRecord {
    pub document: StoredDocument,
    /// The entities as this graph describes them (other documents may add aliases).
    pub entities: Vec<Entity>,
    /// The facts; a predicate label that the graph does not state is left empty here and filled
    /// from the ontology by [`merge_records`].
    pub facts: Vec<Fact>,
    /// Triples whose subject belongs to this graph alone (document, fact and sentence nodes).
    pub own_triples: usize,
    /// Hashes of the triples about entities, which other graphs may state too: the distinct
    /// triple count of the union is `Σ own_triples + |∪ shared_triples|`.
    pub shared_triples: Vec<u64>,
}

/// A node's values by predicate IRI. Fx rather than SipHash: records are built for every
/// document a build loads, about twenty lookups per fact, and nothing depends on the order.
type Props = FxHashMap<String, Vec<Term>>;

/// The nodes of one graph: their properties by subject IRI.
type Nodes = FxHashMap<String, Props>;

/// 64-bit FNV-1a of a triple's N-Triples form: stable across builds and Rust versions, which
/// the persisted index needs.
pub(crate) fn triple_hash(s: &str, p: &str, o: &Term) -> u64 {
    let o = o.to_string();
    fnv1a(&[s.as_bytes(), b"\0", p.as_bytes(), b"\0", o.as_bytes()])
}

/// 64-bit FNV-1a of `parts` one after the other: stable across builds and Rust versions (the
/// persisted view index also checks its sections with it).
pub fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Reads every document's graph out of the store (the ontology graph and the default graph
/// are not documents). This scans every quad: the knowledge base does it once, then keeps the
/// records up to date in its view index.
pub fn read_records(store: &KgStore) -> Result<Vec<DocumentRecord>, StoreError> {
    let mut graphs: HashMap<String, Vec<Quad>> = HashMap::new();
    let doc_prefix = format!("{}doc/", store.base());
    for q in store.oxigraph().iter() {
        let q = q.map_err(StoreError::Storage)?;
        let GraphName::NamedNode(g) = &q.graph_name else { continue };
        if !g.as_str().starts_with(&doc_prefix) {
            continue;
        }
        graphs.entry(g.as_str().to_owned()).or_default().push(q);
    }
    let mut records: Vec<DocumentRecord> =
        graphs.into_iter().filter_map(|(graph, quads)| record_from_quads(store.base(), &graph, quads)).collect();
    records.sort_by(|a, b| a.document.id.cmp(&b.document.id));
    Ok(records)
}

/// One document's record from the quads of its graph `graph` (the document IRI); `None` when
/// the graph holds no document node. Moves the strings out of the quads rather than copying.
pub fn record_from_quads(base: &str, graph: &str, quads: impl IntoIterator<Item = Quad>) -> Option<DocumentRecord> {
    let triples = quads.into_iter().filter_map(|q| match q.subject {
        NamedOrBlankNode::NamedNode(s) => Some((s.into_string(), q.predicate.into_string(), Cow::Owned(q.object))),
        _ => None,
    });
    record_from_triples(base, graph, triples)
}

/// [`record_from_quads`] on quads that are still to be written: the record a load will read
/// back, computed before the load (on the thread that prepared the quads).
pub fn record_from_quad_refs<'a>(base: &str, graph: &str, quads: impl IntoIterator<Item = &'a Quad>) -> Option<DocumentRecord> {
    let triples = quads.into_iter().filter_map(|q| match &q.subject {
        NamedOrBlankNode::NamedNode(s) => Some((s.as_str(), q.predicate.as_str(), Cow::Borrowed(&q.object))),
        _ => None,
    });
    record_from_triples(base, graph, triples)
}

/// The record of a graph given as (subject IRI, predicate IRI, object) triples, owned (read from
/// the store) or borrowed (quads still to be written): a subject's or predicate's string is
/// copied only when first seen, an object only when it is new for its subject and predicate.
fn record_from_triples<'t, S, P>(base: &str, graph: &str, triples: impl Iterator<Item = (S, P, Cow<'t, Term>)>) -> Option<DocumentRecord>
where
    S: AsRef<str> + Into<String>,
    P: AsRef<str> + Into<String>,
{
    let entity_prefix = format!("{base}entity/");
    let fact_prefix = format!("{base}fact/");
    let mut by_subject: Nodes = Nodes::default();
    let (mut own_triples, mut shared_triples) = (0, Vec::new());
    for (s, p, o) in triples {
        // an entity's description, and an open relation's label, may be stated by other graphs too
        let subject = s.as_ref();
        let shared = (subject.starts_with(&entity_prefix) || subject.starts_with(vocab::REL)).then(|| triple_hash(subject, p.as_ref(), &o));
        // Quads still to be written may repeat a triple (two facts with the same shortcut, a
        // qualifier stated twice); the store keeps it once, so the record counts it once too.
        let props = if by_subject.contains_key(s.as_ref()) {
            by_subject.get_mut(s.as_ref()).expect("present")
        } else {
            by_subject.entry(s.into()).or_default()
        };
        let values = if props.contains_key(p.as_ref()) { props.get_mut(p.as_ref()).expect("present") } else { props.entry(p.into()).or_default() };
        if values.contains(&o) {
            continue;
        }
        match shared {
            Some(hash) => shared_triples.push(hash),
            None => own_triples += 1,
        }
        values.push(o.into_owned());
    }
    let doc_props = by_subject.get(graph)?;
    let id = graph.rsplit('/').next().unwrap_or_default().to_owned();
    let document = stored_document(id, doc_props);
    let mut entities: BTreeMap<String, Entity> = BTreeMap::new();
    let mut facts = Vec::new();
    for (subject, props) in &by_subject {
        if let Some(id) = subject.strip_prefix(&entity_prefix) {
            merge_entity(&mut entities, entity_from(percent_decode(id), props));
        } else if subject.starts_with(&fact_prefix) && props.contains_key(&format!("{}subject", vocab::RDF)) {
            if let Some(mut f) = fact_from(props, base, &document.id, &by_subject) {
                f.notes.insert(0, format!("statement {subject}"));
                facts.push(f);
            }
        }
    }
    facts.sort_by_key(|f| (f.provenance.sentence, fact_number(f)));
    Some(DocumentRecord { document, entities: entities.into_values().collect(), facts, own_triples, shared_triples })
}

fn stored_document(id: String, props: &Props) -> StoredDocument {
    let kg = |local: &str| format!("{}{local}", vocab::KG);
    StoredDocument {
        id,
        source: text(props, &kg(p::SOURCE_PATH)).unwrap_or_default(),
        title: text(props, &format!("{}title", vocab::DCTERMS)),
        date: text(props, &format!("{}date", vocab::DCTERMS)),
        url: text(props, &format!("{}source", vocab::DCTERMS)),
        hash: text(props, &kg(p::SHA256)).unwrap_or_default(),
        sentences: number(props, &kg(p::SENTENCE_COUNT)).unwrap_or(0),
    }
}

/// The `kg:mergeNote "rule<TAB>alias"` values of a node.
fn merge_notes(props: &Props) -> Vec<crate::document::MergeNote> {
    texts(props, &format!("{}{}", vocab::KG, p::MERGE_NOTE))
        .into_iter()
        .map(|note| {
            let (rule, alias) = note.split_once('\t').unwrap_or(("merge", &note));
            crate::document::MergeNote { alias: alias.to_owned(), rule: rule.to_owned(), doc: None, sentence: None }
        })
        .collect()
}

fn entity_from(id: String, props: &Props) -> Entity {
    // A document graph states its own view as kg:documentType / kg:documentLabel (the one
    // rdf:type and rdfs:label are the corpus graph's); stores from before the corpus graph use rdf:type.
    let kg = |local: &str| format!("{}{local}", vocab::KG);
    let kind = entity_kind(props, &format!("{}type", vocab::RDF)).or_else(|| entity_kind(props, &kg(p::DOCUMENT_TYPE))).unwrap_or_default();
    let label = text(props, &format!("{}label", vocab::RDFS)).or_else(|| text(props, &kg(p::DOCUMENT_LABEL))).unwrap_or_else(|| id.clone());
    let merges = merge_notes(props);
    Entity {
        wikidata: wikidata_id(props),
        aliases: texts(props, &format!("{}altLabel", vocab::SKOS)),
        id,
        label,
        kind,
        merges,
    }
}

/// The Wikidata id of an entity: the local name of its `owl:sameAs wd:Q…` link (stores written
/// before that link was the only record also state `kg:wikidataId`).
fn wikidata_id(props: &Props) -> Option<String> {
    let linked = props.get(&format!("{}sameAs", vocab::OWL)).into_iter().flatten().find_map(|t| match t {
        Term::NamedNode(n) => n.as_str().strip_prefix(vocab::WD).map(str::to_owned),
        _ => None,
    });
    linked.or_else(|| text(props, &format!("{}{}", vocab::KG, p::WIKIDATA_ID)))
}

/// Adds `e` to `entities`: the first description of an id gives its label and type, later ones
/// add aliases, merge notes and a missing Wikidata id.
fn merge_entity(entities: &mut BTreeMap<String, Entity>, e: Entity) {
    merge_entity_ref(entities, &e);
}

/// [`merge_entity`] from a borrowed description: only what the merged entity keeps is cloned
/// (the view index merges some 600k descriptions at 19k documents on every add).
fn merge_entity_ref(entities: &mut BTreeMap<String, Entity>, e: &Entity) {
    let Some(entity) = entities.get_mut(&e.id) else {
        let mut first =
            Entity { id: e.id.clone(), label: e.label.clone(), kind: e.kind, aliases: e.aliases.clone(), wikidata: e.wikidata.clone(), merges: Vec::new() };
        first.aliases.sort();
        first.aliases.dedup();
        push_new_merges(&mut first.merges, &e.merges);
        entities.insert(e.id.clone(), first);
        return;
    };
    entity.aliases.extend(e.aliases.iter().cloned());
    entity.aliases.sort();
    entity.aliases.dedup();
    push_new_merges(&mut entity.merges, &e.merges);
    if entity.wikidata.is_none() {
        entity.wikidata.clone_from(&e.wikidata);
    }
}

/// Appends the notes of `more` that `merges` does not hold yet, in their order.
fn push_new_merges(merges: &mut Vec<crate::document::MergeNote>, more: &[crate::document::MergeNote]) {
    for m in more {
        if !merges.contains(m) {
            merges.push(m.clone());
        }
    }
}

/// The union of `records` as typed structs: documents sorted by id, entities merged by id (in
/// record order), facts by document then number, predicate labels the graphs leave out taken
/// from `labels` (the ontology's `rdfs:label`s) or else the property's local name.
pub fn merge_records<'a>(records: impl IntoIterator<Item = &'a DocumentRecord>, labels: &HashMap<String, String>) -> GraphData {
    merge_records_traced(records, labels).0
}

/// Where a merged fact came from: the index of its record (in the order given to
/// [`merge_records_traced`]) and its position among that record's facts.
pub type FactOrigin = (u32, u32);

/// [`merge_records`], also giving each merged fact's [`FactOrigin`] (in the facts' order).
pub fn merge_records_traced<'a>(
    records: impl IntoIterator<Item = &'a DocumentRecord>,
    labels: &HashMap<String, String>,
) -> (GraphData, Vec<FactOrigin>) {
    let records: Vec<&DocumentRecord> = records.into_iter().collect();
    let (entities, origins) = merge_outline(records.iter().copied());
    let mut documents: Vec<StoredDocument> = records.iter().map(|r| r.document.clone()).collect();
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    // Sized up front and filled in place: at 19k documents the facts take a few hundred MB,
    // and growing them by doubling touched fresh memory over and over (page zeroing was a
    // third of an add's samples).
    let mut facts = Vec::with_capacity(origins.len());
    facts.extend(origins.iter().map(|&(r, p)| with_label(records[r as usize].facts[p as usize].clone(), labels)));
    (GraphData { documents, entities, facts }, origins)
}

/// What [`merge_records_traced`] gives but the facts themselves: the merged entities (the
/// corpus graph not laid over them) and each merged fact's [`FactOrigin`], in store order. The
/// view index computes its summary sections from this and the records' facts in place, without
/// copying 200k facts (predicate labels do not change the order).
pub fn merge_outline<'a>(records: impl IntoIterator<Item = &'a DocumentRecord>) -> (Vec<Entity>, Vec<FactOrigin>) {
    let records: Vec<&DocumentRecord> = records.into_iter().collect();
    let mut origins: Vec<FactOrigin> = Vec::with_capacity(records.iter().map(|r| r.facts.len()).sum());
    let mut entities: BTreeMap<String, Entity> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        for e in &r.entities {
            merge_entity_ref(&mut entities, e);
        }
        origins.extend((0..r.facts.len()).map(|j| (i as u32, j as u32)));
    }
    let fact = |&(r, p): &FactOrigin| &records[r as usize].facts[p as usize];
    // records come by document id with their facts in order, so this is rarely needed; the
    // order is the one `sort_facts` gives (stable, by the same key)
    if !origins.is_sorted_by(|a, b| fact_key(fact(a)) <= fact_key(fact(b))) {
        origins.sort_by(|a, b| fact_key(fact(a)).cmp(&fact_key(fact(b))));
    }
    (entities.into_values().collect(), origins)
}

/// The entities of `records` whose ids `wanted` takes, merged as [`merge_outline`] merges
/// them (in record order), sorted by id: what the view index recomputes of an add.
pub fn merge_entities_where<'a>(records: impl IntoIterator<Item = &'a DocumentRecord>, wanted: impl Fn(&str) -> bool) -> Vec<Entity> {
    let mut entities: BTreeMap<String, Entity> = BTreeMap::new();
    for r in records {
        for e in r.entities.iter().filter(|e| wanted(&e.id)) {
            merge_entity_ref(&mut entities, e);
        }
    }
    entities.into_values().collect()
}

/// What facts are sorted by into store order: document, sentence, number.
fn fact_key(f: &Fact) -> (&str, usize, usize) {
    (f.provenance.doc.as_str(), f.provenance.sentence, fact_number(f))
}

/// Sorts facts (stably) into store order: by document, sentence, then number. A subset of
/// facts in their records' order sorts into the subsequence of the whole.
pub fn sort_facts<T>(items: &mut [T], fact: impl Fn(&T) -> &Fact) {
    items.sort_by(|a, b| fact_key(fact(a)).cmp(&fact_key(fact(b))));
}

/// The fact as the view shows it: predicate label filled in from `labels` (see [`merge_records`]).
pub fn labelled(f: Fact, labels: &HashMap<String, String>) -> Fact {
    with_label(f, labels)
}

fn with_label(mut f: Fact, labels: &HashMap<String, String>) -> Fact {
    fill_label(&mut f.predicate, labels);
    f
}

/// Fills a predicate label that the graph leaves to the ontology (empty in a record) from
/// `labels`, or else the property's local name (see [`merge_records`]).
pub fn fill_label(p: &mut Predicate, labels: &HashMap<String, String>) {
    if p.label.is_empty() {
        p.label = labels.get(&p.iri).cloned().unwrap_or_else(|| p.name.clone());
        // A statement that leaves its label to the ontology has a surface (store::rdf); an
        // absent one is that label too.
        if p.surface.is_empty() {
            p.surface = p.label.clone();
        }
    }
}

/// Reads documents, entities and facts (sorted by id; facts by document then number).
pub fn read_graph(store: &KgStore) -> Result<GraphData, StoreError> {
    let mut data = merge_records(&read_records(store)?, &property_labels(store)?);
    apply_corpus(store, &mut data)?;
    Ok(data)
}

/// The documents in the store as (id, SHA-256, source path), sorted by id: read through the
/// store's predicate index (two triples per document), not by scanning the store.
pub fn document_keys(store: &KgStore) -> Result<Vec<(String, String, String)>, StoreError> {
    let mut sources = document_property(store, p::SOURCE_PATH)?;
    let mut keys: Vec<(String, String, String)> = document_property(store, p::SHA256)?
        .into_iter()
        .map(|(id, hash)| {
            let source = sources.remove(&id).unwrap_or_default();
            (id, hash, source)
        })
        .collect();
    keys.sort();
    Ok(keys)
}

/// Whether the store holds exactly the documents `docs` lists (id and SHA-256, `len` of them),
/// without decoding every document's hash statement: one lookup per listed document, plus one
/// count of the hash statements a document graph makes about itself. Any other such statement
/// (an extra document, a second hash) makes the count differ, so the answer is never a false yes.
pub fn holds_exactly_documents<'a>(
    store: &KgStore,
    docs: impl Iterator<Item = (&'a str, &'a str)>,
    len: usize,
) -> Result<bool, StoreError> {
    let prop = oxigraph::model::NamedNode::new_unchecked(format!("{}{}", vocab::KG, p::SHA256));
    if count_document_hash_statements(store, prop.as_str())? != len {
        return Ok(false);
    }
    let mut seen = 0;
    for (id, hash) in docs {
        let graph = store.document_graph(id);
        let quad = oxigraph::model::QuadRef::new(&graph, &prop, oxigraph::model::LiteralRef::new_simple_literal(hash), &graph);
        if !store.oxigraph().contains(quad).map_err(StoreError::Storage)? {
            return Ok(false);
        }
        seen += 1;
    }
    Ok(seen == len)
}

/// The number of `?g <prop> ?h` statements inside graph `?g`, counted by the query engine on
/// encoded terms (reading them back one by one decodes three IRIs or literals each).
fn count_document_hash_statements(store: &KgStore, prop: &str) -> Result<usize, StoreError> {
    let sparql = format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?g <{prop}> ?h }} }}");
    let oxigraph::sparql::QueryResults::Solutions(mut rows) = store.query(&sparql)? else { return Ok(usize::MAX) };
    let n = match rows.next() {
        Some(row) => match row?.get("n") {
            Some(Term::Literal(l)) => l.value().parse().unwrap_or(usize::MAX),
            _ => usize::MAX,
        },
        None => usize::MAX,
    };
    Ok(n)
}

/// Each document's value of the `kg:` property `local`, stated in its own graph, by id.
fn document_property(store: &KgStore, local: &str) -> Result<HashMap<String, String>, StoreError> {
    let doc_prefix = format!("{}doc/", store.base());
    let prop = oxigraph::model::NamedNode::new_unchecked(format!("{}{local}", vocab::KG));
    let mut out = HashMap::new();
    for q in store.oxigraph().quads_for_pattern(None, Some(prop.as_ref()), None, None) {
        let q = q.map_err(StoreError::Storage)?;
        if let (NamedOrBlankNode::NamedNode(s), Term::Literal(l), GraphName::NamedNode(g)) = (&q.subject, &q.object, &q.graph_name) {
            if let Some(id) = s.as_str().strip_prefix(&doc_prefix).filter(|_| s == g) {
                out.insert(id.to_owned(), l.value().to_owned());
            }
        }
    }
    Ok(out)
}

fn text(props: &Props, iri: &str) -> Option<String> {
    props.get(iri)?.iter().find_map(|t| match t {
        Term::Literal(l) => Some(l.value().to_owned()),
        Term::NamedNode(n) => Some(n.as_str().to_owned()),
        _ => None,
    })
}

fn texts(props: &Props, iri: &str) -> Vec<String> {
    props
        .get(iri)
        .map(|v| {
            v.iter()
                .filter_map(|t| match t {
                    Term::Literal(l) => Some(l.value().to_owned()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

fn number<T: std::str::FromStr>(props: &Props, iri: &str) -> Option<T> {
    text(props, iri)?.parse().ok()
}

/// What the corpus graph (`{base}graph/corpus`, see [`super::corpus`]) says about each entity,
/// parsed once: the knowledge base keeps it in its persisted view index (refreshed whenever the
/// corpus graph is) so that a read command does not walk the corpus graph again.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CorpusOverlay {
    /// One per entity the corpus graph describes, sorted by id.
    pub nodes: Vec<CorpusNode>,
    /// Hashes (as in [`DocumentRecord::shared_triples`]) of the corpus graph's triples, so that
    /// the view index can count the distinct triples of all data graphs without the store.
    pub triple_hashes: Vec<u64>,
    /// The open relations (`rel:` IRIs) the corpus graph labels, sorted.
    pub relations: Vec<String>,
}

/// The corpus graph's statements about one entity.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CorpusNode {
    pub id: String,
    /// Its one `rdfs:label` across documents.
    pub label: Option<String>,
    /// Its one `rdf:type` across documents.
    pub kind: Option<EntityType>,
    /// `skos:altLabel`s.
    pub alt_labels: Vec<String>,
    /// `kg:mergeNote`s.
    pub merges: Vec<crate::document::MergeNote>,
    /// The corpus node this document-scoped node is `kg:sameAs`.
    pub same_as: Option<String>,
    /// FNV-1a of the node's distinct triple hashes, sorted: two nodes with the same hash have
    /// the same triples, so a refresh rewrites only the nodes whose hash changed.
    pub hash: u64,
}

/// Reads and parses the corpus graph (one pass over its quads).
pub fn corpus_overlay(store: &KgStore) -> Result<CorpusOverlay, StoreError> {
    let graph = super::corpus::corpus_graph(store.base());
    let quads = store.oxigraph().quads_for_pattern(None, None, None, Some(oxigraph::model::GraphNameRef::NamedNode(graph.as_ref())));
    overlay_from_quads(store.base(), quads.map(|q| q.map_err(StoreError::Storage)))
}

/// The overlay of the corpus graph's `quads` (their graph name is not looked at).
pub fn overlay_from_quads(base: &str, quads: impl IntoIterator<Item = Result<Quad, StoreError>>) -> Result<CorpusOverlay, StoreError> {
    let entity_prefix = format!("{base}entity/");
    let mut props: BTreeMap<String, (Props, Vec<u64>)> = BTreeMap::new();
    let mut triple_hashes = Vec::new();
    let mut relations = Vec::new();
    for q in quads {
        let q = q?;
        let NamedOrBlankNode::NamedNode(s) = q.subject else { continue };
        let hash = triple_hash(s.as_str(), q.predicate.as_str(), &q.object);
        triple_hashes.push(hash);
        if s.as_str().starts_with(vocab::REL) {
            relations.push(s.into_string());
            continue;
        }
        let Some(id) = s.as_str().strip_prefix(&entity_prefix).map(percent_decode) else { continue };
        let (node, hashes) = props.entry(id).or_default();
        hashes.push(hash);
        node.entry(q.predicate.into_string()).or_default().push(q.object);
    }
    // the same overlay whatever order the quads come in (the store's, or the order they were
    // made in) and however often a triple repeats (the store holds each once)
    triple_hashes.sort_unstable();
    triple_hashes.dedup();
    let kg = |local: &str| format!("{}{local}", vocab::KG);
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v.dedup();
        v
    };
    let nodes = props
        .into_iter()
        .map(|(id, (props, mut hashes))| {
            hashes.sort_unstable();
            hashes.dedup();
            let bytes: Vec<u8> = hashes.iter().flat_map(|h| h.to_le_bytes()).collect();
            let mut merges = merge_notes(&props);
            merges.sort_by(|a, b| (&a.rule, &a.alias).cmp(&(&b.rule, &b.alias)));
            merges.dedup();
            CorpusNode {
                label: text(&props, &format!("{}label", vocab::RDFS)),
                kind: entity_kind(&props, &format!("{}type", vocab::RDF)),
                alt_labels: sorted(texts(&props, &format!("{}altLabel", vocab::SKOS))),
                merges,
                same_as: text(&props, &kg(p::SAME_AS)).and_then(|t| t.strip_prefix(&entity_prefix).map(percent_decode)),
                hash: fnv1a(&[&bytes]),
                id,
            }
        })
        .collect();
    relations.sort_unstable();
    relations.dedup();
    Ok(CorpusOverlay { nodes, triple_hashes, relations })
}

/// Lays the corpus graph over what the document graphs say (see [`apply_overlay`]), reading it
/// from the store.
pub fn apply_corpus(store: &KgStore, data: &mut GraphData) -> Result<(), StoreError> {
    apply_overlay(&corpus_overlay(store)?, data);
    Ok(())
}

/// Lays the corpus graph's `overlay` over what the document graphs say: each entity's one
/// label and type, the other names, and the `kg:sameAs` links that fold a document-scoped node
/// into its corpus node.
pub fn apply_overlay(overlay: &CorpusOverlay, data: &mut GraphData) {
    let moves = apply_overlay_to_entities(overlay, &mut data.entities);
    let map: HashMap<&str, &str> = moves.iter().map(|(f, t)| (f.as_str(), t.as_str())).collect();
    for f in data.facts.iter_mut() {
        move_fact(f, &map);
    }
}

/// [`apply_overlay`] to the merged `entities` alone (sorted by id, as [`merge_records`] gives
/// them; so they stay): returns the `kg:sameAs` folds to apply to the facts ([`move_fact`]),
/// as [`overlay_moves`] gives them.
pub fn apply_overlay_to_entities(overlay: &CorpusOverlay, entities: &mut Vec<Entity>) -> Vec<(String, String)> {
    if overlay.nodes.is_empty() {
        return Vec::new();
    }
    if !entities.is_sorted_by(|a, b| a.id < b.id) {
        // not sorted by id with each id once: the map sorts them and keeps each id's last
        let by_id: BTreeMap<String, Entity> = std::mem::take(entities).into_iter().map(|e| (e.id.clone(), e)).collect();
        *entities = by_id.into_values().collect();
    }
    let moves = overlay_moves(overlay, entities);
    // both sorted by id: one pass over the two, each node laid over its entity in place
    let mut at = 0;
    for node in &overlay.nodes {
        while at < entities.len() && entities[at].id < node.id {
            at += 1;
        }
        if let Some(e) = entities.get_mut(at).filter(|e| e.id == node.id) {
            lay_node_over(node, e);
        }
    }
    // (in a fixed order: two nodes folded into one add their merge notes in the same order
    // every time)
    same_as_moves(entities, &moves);
    moves
}

/// What the corpus graph says of an entity, over what its documents say.
fn lay_node_over(node: &CorpusNode, e: &mut Entity) {
    if let Some(label) = &node.label {
        if *label != e.label && !e.aliases.contains(&e.label) {
            e.aliases.push(std::mem::replace(&mut e.label, label.clone()));
        } else {
            e.label = label.clone();
        }
    }
    if let Some(kind) = node.kind {
        e.kind = kind;
    }
    e.aliases.extend(node.alt_labels.iter().cloned());
    e.aliases.retain(|a| *a != e.label);
    e.aliases.sort();
    e.aliases.dedup();
    for m in &node.merges {
        if !e.merges.contains(m) {
            e.merges.push(m.clone());
        }
    }
}

/// The entity class named by the first `kg:` class among the values of `iri`.
fn entity_kind(props: &Props, iri: &str) -> Option<EntityType> {
    props.get(iri).into_iter().flatten().find_map(|t| match t {
        Term::NamedNode(n) => n.as_str().strip_prefix(vocab::KG).and_then(EntityType::from_class_name),
        _ => None,
    })
}

/// The `kg:sameAs` folds [`apply_overlay`] makes to the facts, as (document node, corpus node),
/// given the entities before the overlay (sorted by id, as [`merge_records`] gives them): what
/// a view persisted without its facts applies to the facts it reads back ([`move_fact`]).
pub fn overlay_moves(overlay: &CorpusOverlay, entities: &[Entity]) -> Vec<(String, String)> {
    let known = |id: &str| entities.binary_search_by(|e| e.id.as_str().cmp(id)).is_ok();
    let mut moves: Vec<(String, String)> =
        overlay.nodes.iter().filter_map(|n| n.same_as.clone().filter(|t| known(t)).map(|t| (n.id.clone(), t))).collect();
    moves.sort();
    moves
}

/// Points a fact's subject and entity object at the corpus node they were folded into.
pub fn move_fact(f: &mut Fact, map: &HashMap<&str, &str>) {
    if let Some(t) = map.get(f.subject.as_str()) {
        f.subject = (*t).to_owned();
    }
    if let FactObject::Entity(o) = &mut f.object
        && let Some(t) = map.get(o.as_str())
    {
        *o = (*t).to_owned();
    }
}

/// Folds the names and merge notes of each moved entity into its target, and drops the moved
/// entity; `entities` sorted by id, each id once. A target that an earlier move dropped takes
/// nothing in (as when each move looks its ends up among the entities left).
fn same_as_moves(entities: &mut Vec<Entity>, moves: &[(String, String)]) {
    if moves.is_empty() {
        return;
    }
    let mut dropped = vec![false; entities.len()];
    let find = |entities: &[Entity], dropped: &[bool], id: &str| entities.binary_search_by(|e| e.id.as_str().cmp(id)).ok().filter(|&i| !dropped[i]);
    for (from, to) in moves {
        let Some(i) = find(entities, &dropped, from) else { continue };
        dropped[i] = true;
        // the id stays for the searches; the rest moves into the target
        let gone = &mut entities[i];
        let (label, aliases, merges) = (std::mem::take(&mut gone.label), std::mem::take(&mut gone.aliases), std::mem::take(&mut gone.merges));
        if let Some(j) = find(entities, &dropped, to) {
            let e = &mut entities[j];
            for name in std::iter::once(label).chain(aliases) {
                if name != e.label && !e.aliases.contains(&name) {
                    e.aliases.push(name);
                }
            }
            e.aliases.sort();
            for m in merges {
                if !e.merges.contains(&m) {
                    e.merges.push(m);
                }
            }
        }
    }
    let mut keep = dropped.iter().map(|d| !d);
    entities.retain(|_| keep.next().unwrap_or(true));
}

fn fact_number(f: &Fact) -> usize {
    f.notes
        .first()
        .and_then(|n| n.rsplit('/').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

pub(super) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 3 <= bytes.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// rdfs:label of every property in the ontology graph.
pub fn property_labels(store: &KgStore) -> Result<HashMap<String, String>, StoreError> {
    let graph = oxigraph::model::NamedNode::new_unchecked(vocab::KG_ONTOLOGY);
    let label = oxigraph::model::NamedNode::new_unchecked(format!("{}label", vocab::RDFS));
    let mut out = HashMap::new();
    for q in store.oxigraph().quads_for_pattern(
        None,
        Some(label.as_ref()),
        None,
        Some(oxigraph::model::GraphNameRef::NamedNode(graph.as_ref())),
    ) {
        let q = q.map_err(StoreError::Storage)?;
        if let (NamedOrBlankNode::NamedNode(s), Term::Literal(l)) = (&q.subject, &q.object) {
            if l.language().is_none_or(|lang| lang.starts_with("en")) {
                out.insert(s.as_str().to_owned(), l.value().to_owned());
            }
        }
    }
    Ok(out)
}

/// A fact from its statement node's properties, in the graph of document `doc_id`; what a fact
/// shares with the other facts of its sentence (evidence, offsets) is read from the sentence
/// node (`kg:sentence`) in `nodes`. What the layout leaves out is derived: the paragraph and
/// the sentence index from the sentence node's IRI, the default extractor, the document from the graph, the end offset from the start
/// and the evidence's length, an open relation's label from its name, the flags' defaults.
fn fact_from(props: &Props, base: &str, doc_id: &str, nodes: &Nodes) -> Option<Fact> {
    let kg = |local: &str| format!("{}{local}", vocab::KG);
    let sentence_iri = text(props, &kg(p::SENTENCE));
    let position = sentence_iri.as_deref().and_then(super::rdf::sentence_position);
    let sentence = sentence_iri.and_then(|s| nodes.get(&s));
    let shared = |iri: &str| text(props, iri).or_else(|| sentence.and_then(|s| text(s, iri)));
    let shared_number = |iri: &str| shared(iri).and_then(|v| v.parse::<usize>().ok());
    let rdf = |local: &str| format!("{}{local}", vocab::RDF);
    let entity_prefix = format!("{base}entity/");
    let subject = text(props, &rdf("subject"))?;
    let subject = percent_decode(subject.strip_prefix(&entity_prefix)?);
    let predicate_iri = text(props, &rdf("predicate"))?;
    let object = match props.get(&rdf("object"))?.first()? {
        Term::NamedNode(n) => FactObject::Entity(percent_decode(n.as_str().strip_prefix(&entity_prefix)?)),
        Term::Literal(l) => FactObject::Literal(KgLiteral {
            value: l.value().to_owned(),
            datatype: (l.datatype().as_str() != format!("{}string", vocab::XSD)).then(|| l.datatype().as_str().to_owned()),
            unit: None,
        }),
        _ => return None,
    };
    let normalized = predicate_iri.starts_with(vocab::KG);
    let name = predicate_iri
        .strip_prefix(vocab::KG)
        .or_else(|| predicate_iri.strip_prefix(vocab::REL))
        .unwrap_or(&predicate_iri)
        .to_owned();
    // An ontology property's label, when the graph leaves it to the ontology, stays empty
    // here: merge_records fills it.
    let label = text(props, &kg(p::PREDICATE_LABEL))
        .or_else(|| predicate_iri.strip_prefix(vocab::REL).map(super::rdf::open_relation_label))
        .unwrap_or_default();
    // absent where it is the label (store::rdf::surface_is_label)
    let surface = text(props, &kg(p::SURFACE)).unwrap_or_else(|| label.clone());
    let doc = doc_id.to_owned();
    let mut qualifiers = Vec::new();
    for (key, iri) in [("date", kg(p::DATE)), ("place", kg(p::PLACE))] {
        for t in props.get(&iri).into_iter().flatten() {
            let value = match t {
                Term::Literal(l) => l.value().to_owned(),
                Term::NamedNode(n) => percent_decode(n.as_str().strip_prefix(&entity_prefix).unwrap_or(n.as_str())),
                _ => continue,
            };
            qualifiers.push(Qualifier { key: key.to_owned(), value, literal: None });
        }
    }
    for v in texts(props, &kg(p::QUALIFIER)) {
        let (k, val) = v.split_once('=').unwrap_or(("qualifier", &v));
        qualifiers.push(Qualifier { key: k.to_owned(), value: val.to_owned(), literal: None });
    }
    let extractor = text(props, &kg(p::EXTRACTOR)).unwrap_or_else(|| super::rdf::default_extractor(&object).to_owned());
    let char_start = shared_number(&kg(p::CHAR_START)).unwrap_or(0);
    let evidence = shared(&kg(p::EVIDENCE)).unwrap_or_default();
    let char_end = shared_number(&kg(p::CHAR_END)).unwrap_or_else(|| char_start + evidence.chars().count());
    Some(Fact {
        subject,
        predicate: Predicate {
            name,
            iri: predicate_iri,
            label,
            surface,
            normalized,
        },
        object,
        object_text: text(props, &kg(p::OBJECT_TEXT)),
        qualifiers,
        negated: text(props, &kg(p::NEGATED)).as_deref() == Some("true"),
        modality: text(props, &kg(p::MODALITY)).and_then(|m| Modality::parse(&m)).unwrap_or_default(),
        attribution: text(props, &kg(p::ATTRIBUTION)),
        provenance: Provenance {
            doc,
            paragraph: position.map_or(0, |(paragraph, _)| paragraph),
            sentence: position.map_or(0, |(_, index)| index),
            span: Span { byte: 0..0, char: char_start..char_end },
            evidence,
            extractor,
            confidence: number(props, &kg(p::CONFIDENCE)).unwrap_or(0.0),
        },
        // The store keeps no order among a subject's values: sorted, the notes read the same
        // from a fresh load and from the store.
        notes: {
            let mut notes = texts(props, &kg(p::NOTE));
            notes.sort();
            notes
        },
        time: match (text(props, &kg(p::TIME_START)), text(props, &kg(p::TIME_END)), text(props, &kg(p::TIME))) {
            (Some(start), Some(end), _) => Some(FactTime { text: text(props, &kg(p::TIME_TEXT)).unwrap_or_default(), start, end }),
            (_, _, Some(day)) => Some(FactTime { text: text(props, &kg(p::TIME_TEXT)).unwrap_or_default(), start: day.clone(), end: day }),
            _ => None,
        },
    })
}

/// The documents in the store.
pub fn documents(store: &KgStore) -> Result<Vec<StoredDocument>, StoreError> {
    Ok(read_records(store)?.into_iter().map(|r| r.document).collect())
}
