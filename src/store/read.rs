//! Reading documents, entities and facts back out of the store (for the petgraph view, `why`,
//! `entities`, `stats` and exports). The inverse of [`super::rdf`].

use super::{KgStore, StoreError};
use crate::document::{
    Entity, EntityType, Fact, FactObject, FactTime, Literal as KgLiteral, Modality, Predicate, Provenance, Qualifier, Span,
};
use crate::ontology::vocab::{self, prov_terms as p};
use oxigraph::model::{GraphName, NamedOrBlankNode, Term};
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

type Props = HashMap<String, Vec<Term>>;

/// Groups all data quads by subject (ontology excluded). Moves the strings out of the quads
/// rather than copying them: this runs over every triple of the store.
fn subjects(store: &KgStore) -> Result<HashMap<String, Props>, StoreError> {
    let ontology = GraphName::NamedNode(oxigraph::model::NamedNode::new_unchecked(vocab::KG_ONTOLOGY));
    let mut by_subject: HashMap<String, Props> = HashMap::new();
    for q in store.oxigraph().iter() {
        let q = q.map_err(StoreError::Storage)?;
        if q.graph_name == ontology {
            continue;
        }
        let NamedOrBlankNode::NamedNode(s) = q.subject else { continue };
        by_subject.entry(s.into_string()).or_default().entry(q.predicate.into_string()).or_default().push(q.object);
    }
    Ok(by_subject)
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

/// Reads documents, entities and facts (sorted by id; facts by document then number).
pub fn read_graph(store: &KgStore) -> Result<GraphData, StoreError> {
    let base = store.base();
    let kg = |local: &str| format!("{}{local}", vocab::KG);
    let rdf = |local: &str| format!("{}{local}", vocab::RDF);
    let entity_prefix = format!("{base}entity/");
    let doc_prefix = format!("{base}doc/");
    let fact_prefix = format!("{base}fact/");
    let ontology_labels = property_labels(store)?;

    let mut data = GraphData::default();
    let mut entities: BTreeMap<String, Entity> = BTreeMap::new();
    let mut same_as: HashMap<String, String> = HashMap::new();
    for (subject, props) in subjects(store)? {
        if let Some(id) = subject.strip_prefix(&doc_prefix) {
            data.documents.push(StoredDocument {
                id: id.to_owned(),
                source: text(&props, &kg(p::SOURCE_PATH)).unwrap_or_default(),
                title: text(&props, &format!("{}title", vocab::DCTERMS)),
                date: text(&props, &format!("{}date", vocab::DCTERMS)),
                url: text(&props, &format!("{}source", vocab::DCTERMS)),
                hash: text(&props, &kg(p::SHA256)).unwrap_or_default(),
                sentences: number(&props, &kg(p::SENTENCE_COUNT)).unwrap_or(0),
            });
        } else if let Some(id) = subject.strip_prefix(&entity_prefix) {
            let id = percent_decode(id);
            // the corpus graph's one type and label; a document's own when there is no corpus graph
            let kind_of = |iri: &str| {
                props.get(iri).into_iter().flatten().find_map(|t| match t {
                    Term::NamedNode(n) => n.as_str().strip_prefix(vocab::KG).and_then(EntityType::from_class_name),
                    _ => None,
                })
            };
            let kind = kind_of(&rdf("type")).or_else(|| kind_of(&kg(p::DOCUMENT_TYPE))).unwrap_or_default();
            let label = text(&props, &format!("{}label", vocab::RDFS))
                .or_else(|| text(&props, &kg(p::DOCUMENT_LABEL)))
                .unwrap_or_else(|| id.clone());
            if let Some(target) = text(&props, &kg(p::SAME_AS)).and_then(|t| t.strip_prefix(&entity_prefix).map(percent_decode)) {
                same_as.insert(id.clone(), target);
            }
            let mut aliases = texts(&props, &format!("{}altLabel", vocab::SKOS));
            aliases.sort();
            aliases.dedup();
            let entity = entities.entry(id.clone()).or_insert_with(|| Entity {
                id: id.clone(),
                label: label.clone(),
                kind,
                aliases: Vec::new(),
                wikidata: None,
                merges: Vec::new(),
            });
            entity.aliases.extend(aliases);
            entity.aliases.sort();
            entity.aliases.dedup();
            for note in texts(&props, &kg(p::MERGE_NOTE)) {
                let (rule, alias) = note.split_once('\t').unwrap_or(("merge", &note));
                let m = crate::document::MergeNote { alias: alias.to_owned(), rule: rule.to_owned(), doc: None, sentence: None };
                if !entity.merges.contains(&m) {
                    entity.merges.push(m);
                }
            }
            if entity.wikidata.is_none() {
                entity.wikidata = text(&props, &kg(p::WIKIDATA_ID));
            }
        } else if subject.starts_with(&fact_prefix) {
            if let Some(f) = fact_from(&props, base, &ontology_labels) {
                data.facts.push(f);
                let last = data.facts.len() - 1;
                data.facts[last].notes.insert(0, format!("statement {subject}"));
            }
        }
    }
    merge_same_as(&mut entities, &mut data.facts, &same_as);
    data.entities = entities.into_values().collect();
    data.documents.sort_by(|a, b| a.id.cmp(&b.id));
    data.facts.sort_by(|a, b| {
        (a.provenance.doc.as_str(), a.provenance.sentence, fact_number(a))
            .cmp(&(b.provenance.doc.as_str(), b.provenance.sentence, fact_number(b)))
    });
    Ok(data)
}

/// Folds each document node that the corpus graph says is `kg:sameAs` a corpus node into it:
/// its names become the corpus node's other names and its facts the corpus node's.
fn merge_same_as(entities: &mut BTreeMap<String, Entity>, facts: &mut [Fact], same_as: &HashMap<String, String>) {
    let target = |id: &str| same_as.get(id).filter(|t| entities.contains_key(t.as_str())).cloned();
    let moves: Vec<(String, String)> = same_as.keys().filter_map(|id| target(id).map(|t| (id.clone(), t))).collect();
    for (from, to) in &moves {
        let Some(gone) = entities.remove(from) else { continue };
        if let Some(e) = entities.get_mut(to) {
            for name in std::iter::once(gone.label).chain(gone.aliases) {
                if name != e.label && !e.aliases.contains(&name) {
                    e.aliases.push(name);
                }
            }
            e.aliases.sort();
            for m in gone.merges {
                if !e.merges.contains(&m) {
                    e.merges.push(m);
                }
            }
        }
    }
    let map: HashMap<&str, &str> = moves.iter().map(|(f, t)| (f.as_str(), t.as_str())).collect();
    for f in facts.iter_mut() {
        if let Some(t) = map.get(f.subject.as_str()) {
            f.subject = (*t).to_owned();
        }
        if let FactObject::Entity(o) = &mut f.object
            && let Some(t) = map.get(o.as_str())
        {
            *o = (*t).to_owned();
        }
    }
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
fn property_labels(store: &KgStore) -> Result<HashMap<String, String>, StoreError> {
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

fn fact_from(props: &Props, base: &str, labels: &HashMap<String, String>) -> Option<Fact> {
    let kg = |local: &str| format!("{}{local}", vocab::KG);
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
    let label = text(props, &kg(p::PREDICATE_LABEL))
        .or_else(|| labels.get(&predicate_iri).cloned())
        .unwrap_or_else(|| name.clone());
    let doc = text(props, &format!("{}wasDerivedFrom", vocab::PROV))
        .and_then(|d| d.rsplit('/').next().map(str::to_owned))
        .unwrap_or_default();
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
    let char_start = number(props, &kg(p::CHAR_START)).unwrap_or(0);
    let char_end = number(props, &kg(p::CHAR_END)).unwrap_or(0);
    Some(Fact {
        subject,
        predicate: Predicate {
            name,
            iri: predicate_iri,
            label,
            surface: text(props, &kg(p::SURFACE)).unwrap_or_default(),
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
            paragraph: number(props, &kg(p::PARAGRAPH)).unwrap_or(0),
            sentence: number(props, &kg(p::SENTENCE_INDEX)).unwrap_or(0),
            span: Span { byte: 0..0, char: char_start..char_end },
            evidence: text(props, &kg(p::EVIDENCE)).unwrap_or_default(),
            extractor: text(props, &kg(p::EXTRACTOR)).unwrap_or_default(),
            confidence: number(props, &kg(p::CONFIDENCE)).unwrap_or(0.0),
        },
        notes: texts(props, &kg(p::NOTE)),
        time: match (text(props, &kg(p::TIME_START)), text(props, &kg(p::TIME_END))) {
            (Some(start), Some(end)) => Some(FactTime { text: text(props, &kg(p::TIME_TEXT)).unwrap_or_default(), start, end }),
            _ => None,
        },
    })
}

/// The documents in the store.
pub fn documents(store: &KgStore) -> Result<Vec<StoredDocument>, StoreError> {
    Ok(read_graph(store)?.documents)
}
