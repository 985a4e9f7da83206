//! Date ranges (`--since` / `--until`): which facts fall in a period.
//!
//! A fact's time is the interval its sentence gives (`kg:timeStart`/`kg:timeEnd`), else the date
//! of its document (`dcterms:date`); a fact with neither is outside every range. A fact is in
//! the range when its interval meets it (both ends inclusive), so `last week` counts for a range
//! that holds any day of that week.
//!
//! In: a [`DateRange`]. Out: the facts, entities, `why` answers and exports narrowed to it.

use super::inspect::{EntityCounts, Explanation, fact_counts};
use crate::graph::FactFilter;
use super::{ExportOptions, KbError, KnowledgeBase};
use crate::document::{Entity, Fact, FactObject};
use crate::export::{ExportFormat, Writer, write_csv};
use crate::graph::KnowledgeGraph;
use crate::ontology::vocab::{self, prov_terms as p};
use oxigraph::model::{NamedOrBlankNode, Quad, Term};
use std::collections::{HashMap, HashSet};
use std::io::Write;

/// Days from `since` to `until`, either end open, as `YYYY-MM-DD`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateRange {
    pub since: Option<String>,
    pub until: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum DateRangeError {
    #[error("--{flag} {value:?} is not a date (write YYYY-MM-DD)")]
    NotADate { flag: &'static str, value: String },
    #[error("--since {since} is after --until {until}")]
    Reversed { since: String, until: String },
}

impl DateRange {
    /// A range from the user's `--since` and `--until` (any form [`normalize_date`](crate::source::meta::normalize_date) reads).
    pub fn new(since: Option<&str>, until: Option<&str>) -> Result<DateRange, DateRangeError> {
        let read = |flag, v: Option<&str>| {
            v.map(|v| crate::source::meta::normalize_date(v).ok_or_else(|| DateRangeError::NotADate { flag, value: v.to_owned() })).transpose()
        };
        let range = DateRange { since: read("since", since)?, until: read("until", until)? };
        if let (Some(s), Some(u)) = (&range.since, &range.until) {
            if s > u {
                return Err(DateRangeError::Reversed { since: s.clone(), until: u.clone() });
            }
        }
        Ok(range)
    }

    /// No bound given: everything is in.
    pub fn is_open(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }

    /// Whether an interval of days `[start, end]` meets the range.
    pub fn meets(&self, start: &str, end: &str) -> bool {
        self.since.as_deref().is_none_or(|s| end >= s) && self.until.as_deref().is_none_or(|u| start <= u)
    }

    /// Whether a fact is in the range: its own time, else its document's date.
    pub fn admits(&self, fact: &Fact, doc_date: Option<&str>) -> bool {
        if self.is_open() {
            return true;
        }
        match (&fact.time, doc_date) {
            (Some(t), _) => self.meets(&t.start, &t.end),
            (None, Some(d)) => self.meets(d, d),
            (None, None) => false,
        }
    }
}

impl KnowledgeBase {
    /// The facts in `range`, in store order.
    pub fn facts_in(&self, range: &DateRange) -> Result<Vec<Fact>, KbError> {
        let view = self.view()?;
        let dates: HashMap<&str, &str> = view.documents().iter().filter_map(|d| Some((d.id.as_str(), d.date.as_deref()?))).collect();
        Ok(view.facts().iter().filter(|f| range.admits(f, dates.get(f.provenance.doc.as_str()).copied())).cloned().collect())
    }

    /// [`why`](Self::why), keeping the facts in `range`.
    pub fn why_in(
        &self,
        subject: &str,
        predicate: Option<&str>,
        object: Option<&str>,
        filter: &FactFilter,
        range: &DateRange,
    ) -> Result<Vec<Explanation>, KbError> {
        let found = self.why(subject, predicate, object, filter)?;
        if range.is_open() {
            return Ok(found);
        }
        let dates = self.document_dates()?;
        let kept: Vec<Explanation> = found.into_iter().filter(|e| range.admits(&e.fact, dates.get(&e.fact.provenance.doc).map(String::as_str))).collect();
        if kept.is_empty() {
            return Err(KbError::NoFact {
                subject: format!("{subject}{}", describe(range)),
                predicate: predicate.map(str::to_owned),
                object: object.map(str::to_owned),
            });
        }
        Ok(kept)
    }

    /// [`entities`](Self::entities) that take part in a fact in `range`.
    pub fn entities_in(&self, kind: Option<&str>, range: &DateRange) -> Result<Vec<Entity>, KbError> {
        let all = self.entities(kind)?;
        if range.is_open() {
            return Ok(all);
        }
        let facts = self.facts_in(range)?;
        let used: HashSet<&str> = facts.iter().flat_map(|f| std::iter::once(f.subject.as_str()).chain(object_id(f))).collect();
        Ok(all.into_iter().filter(|e| used.contains(e.id.as_str())).collect())
    }

    /// [`entity_counts`](Self::entity_counts) of the entities that take part in a fact in `range`
    /// that passes `filter`, with their facts and documents counted inside the range only.
    pub fn entity_counts_in(
        &self,
        search: Option<&str>,
        kind: Option<&str>,
        filter: &FactFilter,
        range: &DateRange,
    ) -> Result<Vec<EntityCounts>, KbError> {
        let all = self.entity_counts(search, kind, filter)?;
        if range.is_open() {
            return Ok(all);
        }
        let facts = self.facts_in(range)?;
        let counts = fact_counts(facts.iter().filter(|f| filter.keeps_fact(f)));
        let mut rows: Vec<EntityCounts> = all
            .into_iter()
            .filter_map(|row| {
                let (facts, docs) = counts.get(row.entity.id.as_str())?;
                Some(EntityCounts { facts: *facts, documents: docs.len(), ..row })
            })
            .collect();
        if search.is_some() {
            // most facts first, as `entity_counts` orders a search, by the counts of the range
            rows.sort_by(|a, b| b.facts.cmp(&a.facts).then_with(|| a.entity.id.cmp(&b.entity.id)));
        }
        Ok(rows)
    }

    /// [`export`](Self::export) of the facts in `range` only: diagrams and graph formats are
    /// drawn from those facts; RDF formats keep those facts' statements, their plain triples,
    /// and the entities and documents they involve.
    pub fn export_in(&self, format: ExportFormat, options: &ExportOptions, range: &DateRange, out: &mut dyn Write) -> Result<(), KbError> {
        if range.is_open() {
            return self.export(format, options, out);
        }
        match format.spec().writer {
            Writer::Rdf(rdf) => {
                let quads = self.quads_in(range, options.with_ontology)?;
                self.store.write_quads(rdf, &quads, out)?;
            }
            Writer::View(write) => write(&self.dated_view(options, range)?, out)?,
            Writer::Results(_) => unreachable!("export formats are not SPARQL results formats"),
        }
        Ok(())
    }

    /// [`export_csv`](Self::export_csv) of the facts in `range`.
    pub fn export_csv_in(&self, options: &ExportOptions, range: &DateRange, nodes: &mut dyn Write, edges: &mut dyn Write) -> Result<(), KbError> {
        write_csv(&self.dated_view(options, range)?, nodes, edges)?;
        Ok(())
    }

    /// The graph of the facts in `range`, narrowed by `options` like [`selected_view`](Self::selected_view).
    fn dated_view(&self, options: &ExportOptions, range: &DateRange) -> Result<KnowledgeGraph, KbError> {
        let facts = self.facts_in(range)?;
        let used: HashSet<&str> = facts.iter().flat_map(|f| std::iter::once(f.subject.as_str()).chain(object_id(f))).collect();
        let entities: Vec<Entity> = self.view()?.entities().iter().filter(|e| used.contains(e.id.as_str())).cloned().collect();
        let whole = KnowledgeGraph::from_facts(&entities, &facts);
        let graph = match &options.focus {
            Some(entity) => whole.focus(entity, options.depth).map_err(|source| KbError::Focus { entity: entity.clone(), source })?,
            None => whole,
        };
        Ok(graph.filter(&options.predicates, options.min_degree, options.max_nodes))
    }

    fn document_dates(&self) -> Result<HashMap<String, String>, KbError> {
        Ok(self.view()?.documents().iter().filter_map(|d| Some((d.id.clone(), d.date.clone()?))).collect())
    }

    /// The store's quads that belong to facts in `range`: their statement nodes, their sentence
    /// nodes, their plain triples, the description of the entities they name and of their documents.
    fn quads_in(&self, range: &DateRange, with_ontology: bool) -> Result<Vec<Quad>, KbError> {
        let quads = self.store.sorted_quads(with_ontology)?;
        let base = self.store.base();
        let (fact_prefix, doc_prefix, entity_prefix) = (format!("{base}fact/"), format!("{base}doc/"), format!("{base}entity/"));
        let iri = |local: &str, ns: &str| format!("{ns}{local}");
        let (start_p, end_p, sentence_p) = (iri(p::TIME_START, vocab::KG), iri(p::TIME_END, vocab::KG), iri(p::SENTENCE, vocab::KG));
        let (subj_p, pred_p, obj_p, date_p) = (iri("subject", vocab::RDF), iri("predicate", vocab::RDF), iri("object", vocab::RDF), iri("date", vocab::DCTERMS));
        let subject_of = |q: &Quad| match &q.subject {
            NamedOrBlankNode::NamedNode(n) => n.as_str().to_owned(),
            other => other.to_string(),
        };
        let value = |t: &Term| match t {
            Term::Literal(l) => l.value().to_owned(),
            Term::NamedNode(n) => n.as_str().to_owned(),
            other => other.to_string(),
        };
        // Per statement node: time, document (its graph), sentence node, and the triple it states.
        #[derive(Default)]
        struct Statement {
            start: Option<String>,
            end: Option<String>,
            doc: Option<String>,
            sentence: Option<String>,
            triple: [Option<Term>; 3],
        }
        let mut statements: HashMap<String, Statement> = HashMap::new();
        let mut doc_dates: HashMap<String, String> = HashMap::new();
        for q in &quads {
            let s = subject_of(q);
            let pr = q.predicate.as_str();
            if s.starts_with(&fact_prefix) {
                let st = statements.entry(s).or_default();
                if let oxigraph::model::GraphName::NamedNode(g) = &q.graph_name {
                    st.doc = Some(g.as_str().to_owned());
                }
                match pr {
                    _ if pr == start_p => st.start = Some(value(&q.object)),
                    _ if pr == end_p => st.end = Some(value(&q.object)),
                    _ if pr == sentence_p => st.sentence = Some(value(&q.object)),
                    _ if pr == subj_p => st.triple[0] = Some(q.object.clone()),
                    _ if pr == pred_p => st.triple[1] = Some(q.object.clone()),
                    _ if pr == obj_p => st.triple[2] = Some(q.object.clone()),
                    _ => {}
                }
            } else if s.starts_with(&doc_prefix) && pr == date_p {
                doc_dates.insert(s, value(&q.object));
            }
        }
        let mut kept_facts = HashSet::new();
        let mut kept_triples = HashSet::new();
        let mut kept_nodes = HashSet::new();
        for (iri, st) in &statements {
            let doc_date = st.doc.as_ref().and_then(|d| doc_dates.get(d));
            let (start, end) = match (&st.start, &st.end, doc_date) {
                (Some(s), Some(e), _) => (s.as_str(), e.as_str()),
                (_, _, Some(d)) => (d.as_str(), d.as_str()),
                _ => continue,
            };
            if !range.meets(start, end) {
                continue;
            }
            kept_facts.insert(iri.clone());
            if let [Some(s), Some(p), Some(o)] = &st.triple {
                kept_triples.insert((value(s), value(p), o.clone()));
                kept_nodes.insert(value(s));
                kept_nodes.insert(value(o));
            }
            kept_nodes.extend(st.doc.clone());
            kept_nodes.extend(st.sentence.clone());
        }
        let ontology = oxigraph::model::GraphName::NamedNode(oxigraph::model::NamedNode::new_unchecked(vocab::KG_ONTOLOGY));
        Ok(quads
            .into_iter()
            .filter(|q| {
                let s = subject_of(q);
                if q.graph_name == ontology {
                    true
                } else if s.starts_with(&fact_prefix) {
                    kept_facts.contains(&s)
                } else if s.starts_with(&entity_prefix) && kept_triples.contains(&(s.clone(), q.predicate.as_str().to_owned(), q.object.clone())) {
                    true
                } else if s.starts_with(&entity_prefix) {
                    // The entity's description, but not plain triples of facts outside the range.
                    kept_nodes.contains(&s) && is_description(q.predicate.as_str())
                } else {
                    kept_nodes.contains(&s)
                }
            })
            .collect())
    }
}

/// Properties that describe an entity (as opposed to plain fact triples).
fn is_description(predicate: &str) -> bool {
    let local = |ns: &str, names: &[&str]| predicate.strip_prefix(ns).is_some_and(|l| names.contains(&l));
    local(vocab::RDF, &["type"])
        || local(vocab::RDFS, &["label"])
        || local(vocab::SKOS, &["altLabel", "prefLabel"])
        || local(vocab::OWL, &["sameAs"])
        || local(vocab::PROV, &["wasDerivedFrom"])
        || local(vocab::KG, &[p::WIKIDATA_ID, p::MERGE_NOTE])
}

fn object_id(f: &Fact) -> Option<&str> {
    match &f.object {
        FactObject::Entity(id) => Some(id),
        FactObject::Literal(_) => None,
    }
}

/// ` (since …, until …)` for messages.
fn describe(range: &DateRange) -> String {
    match (&range.since, &range.until) {
        (Some(s), Some(u)) => format!(" between {s} and {u}"),
        (Some(s), None) => format!(" since {s}"),
        (None, Some(u)) => format!(" until {u}"),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::FactTime;

    #[test]
    fn ranges_read_dates_and_meet_intervals() {
        assert!(matches!(DateRange::new(Some("soon"), None), Err(DateRangeError::NotADate { flag: "since", .. })));
        assert!(matches!(DateRange::new(Some("2021-02-01"), Some("2021-01-01")), Err(DateRangeError::Reversed { .. })));
        let march = DateRange::new(Some("2021-03-01"), Some("March 31, 2021")).unwrap();
        assert_eq!(march.until.as_deref(), Some("2021-03-31"));
        assert!(march.meets("2021-02-22", "2021-03-01"));
        assert!(!march.meets("2021-04-01", "2021-04-07"));
        let t = FactTime { text: "last week".into(), start: "2021-02-22".into(), end: "2021-02-28".into() };
        assert!(!march.meets(&t.start, &t.end));
        assert!(DateRange::new(None, Some("2021-02-22")).unwrap().meets(&t.start, &t.end));
    }
}
