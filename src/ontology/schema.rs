//! The ontology's classes and properties, read from Turtle with oxigraph's parser.
//!
//! In: Turtle texts (the embedded `ontology/kgraph.ttl` and users' `*.ttl`). Out: a [`Schema`]
//! with one [`ClassInfo`] per `owl:Class`/`rdfs:Class` and one [`PropertyInfo`] per declared
//! property (labels, comments, domains, ranges, super-properties, inverses, symmetry,
//! alignments), plus the sub-class closure used for domain/range checks. Only named nodes are
//! read: `owl:unionOf` domains and other blank-node constructs are ignored.

use super::OntologyError;
use crate::ontology::vocab::{OWL, RDF, RDFS, SKOS};
use oxigraph::io::{RdfFormat, RdfParser, RdfSyntaxError};
use oxigraph::model::{NamedOrBlankNode, Term};
use std::collections::{BTreeMap, BTreeSet};

/// What kind of property a term is declared as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PropertyKind {
    Object,
    Datatype,
    /// `rdf:Property` or `owl:AnnotationProperty`.
    Other,
}

/// One class of the ontology.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassInfo {
    pub iri: String,
    /// Local name (`Person`).
    pub name: String,
    pub label: Option<String>,
    pub comment: Option<String>,
    /// Direct super-classes (IRIs).
    pub supers: Vec<String>,
    /// `skos:closeMatch` / `owl:equivalentClass` targets.
    pub alignments: Vec<String>,
    /// File it was declared in.
    pub source: String,
}

/// One property of the ontology.
#[derive(Debug, Clone, PartialEq)]
pub struct PropertyInfo {
    pub iri: String,
    /// Local name (`opposes`).
    pub name: String,
    pub kind: PropertyKind,
    pub label: Option<String>,
    pub comment: Option<String>,
    /// Declared `rdfs:domain` classes (IRIs); all must hold.
    pub domains: Vec<String>,
    pub ranges: Vec<String>,
    /// Direct `rdfs:subPropertyOf` targets.
    pub supers: Vec<String>,
    /// `owl:inverseOf`, declared in either direction.
    pub inverse: Option<String>,
    pub symmetric: bool,
    pub transitive: bool,
    /// `skos:closeMatch` / `owl:equivalentProperty` targets (Wikidata, schema.org).
    pub alignments: Vec<String>,
    pub source: String,
}

impl PropertyInfo {
    /// The label, or the local name when the property has none.
    pub fn display_label(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.name)
    }
}

/// Local name of an IRI: after the last `#`, else after the last `/`.
pub fn local_name(iri: &str) -> &str {
    iri.rsplit_once('#').or_else(|| iri.rsplit_once('/')).map_or(iri, |(_, n)| n)
}

/// Classes and properties from all loaded Turtle files.
#[derive(Debug, Clone, Default)]
pub struct Schema {
    pub classes: BTreeMap<String, ClassInfo>,
    pub properties: BTreeMap<String, PropertyInfo>,
}

#[derive(Default)]
struct Pending {
    types: BTreeSet<String>,
    label: Option<(bool, String)>,
    comment: Option<(bool, String)>,
    domains: Vec<String>,
    ranges: Vec<String>,
    sub_property_of: Vec<String>,
    sub_class_of: Vec<String>,
    inverse: Option<String>,
    alignments: Vec<String>,
}

fn text_of(term: &Term) -> Option<(bool, String)> {
    match term {
        // Prefer English or untagged labels: (is_preferred, text).
        Term::Literal(l) => Some((l.language().is_none_or(|lang| lang.starts_with("en")), l.value().to_string())),
        _ => None,
    }
}

fn better(slot: &mut Option<(bool, String)>, new: Option<(bool, String)>) {
    if let Some(new) = new
        && slot.as_ref().is_none_or(|old| new.0 && !old.0)
    {
        *slot = Some(new);
    }
}

impl Schema {
    /// Parses one Turtle text and merges its declarations. `name` is used in errors.
    pub fn add_turtle(&mut self, name: &str, text: &str) -> Result<(), OntologyError> {
        let mut pending: BTreeMap<String, Pending> = BTreeMap::new();
        for quad in RdfParser::from_format(RdfFormat::Turtle).for_slice(text.as_bytes()) {
            let quad = quad.map_err(|e| turtle_error(name, e))?;
            let NamedOrBlankNode::NamedNode(subject) = &quad.subject else { continue };
            let p = quad.predicate.as_str();
            let entry = pending.entry(subject.as_str().to_string()).or_default();
            let object_iri = match &quad.object {
                Term::NamedNode(n) => Some(n.as_str().to_string()),
                _ => None,
            };
            let Some(rest) = p.strip_prefix(RDFS).map(|r| ("rdfs", r))
                .or_else(|| p.strip_prefix(RDF).map(|r| ("rdf", r)))
                .or_else(|| p.strip_prefix(OWL).map(|r| ("owl", r)))
                .or_else(|| p.strip_prefix(SKOS).map(|r| ("skos", r)))
            else {
                continue;
            };
            match (rest, object_iri) {
                (("rdf", "type"), Some(o)) => {
                    entry.types.insert(o);
                }
                (("rdfs", "label"), _) => better(&mut entry.label, text_of(&quad.object)),
                (("rdfs", "comment"), _) => better(&mut entry.comment, text_of(&quad.object)),
                (("rdfs", "domain"), Some(o)) => entry.domains.push(o),
                (("rdfs", "range"), Some(o)) => entry.ranges.push(o),
                (("rdfs", "subPropertyOf"), Some(o)) => entry.sub_property_of.push(o),
                (("rdfs", "subClassOf"), Some(o)) => entry.sub_class_of.push(o),
                (("owl", "inverseOf"), Some(o)) => entry.inverse = Some(o),
                (("owl", "equivalentProperty" | "equivalentClass"), Some(o))
                | (("skos", "closeMatch" | "exactMatch"), Some(o)) => entry.alignments.push(o),
                _ => {}
            }
        }
        let class_types = [format!("{OWL}Class"), format!("{RDFS}Class")];
        let (obj, data) = (format!("{OWL}ObjectProperty"), format!("{OWL}DatatypeProperty"));
        let others = [
            format!("{RDF}Property"),
            format!("{OWL}AnnotationProperty"),
            format!("{OWL}SymmetricProperty"),
            format!("{OWL}TransitiveProperty"),
        ];
        let mut inverses = Vec::new();
        for (iri, p) in pending {
            let label = p.label.map(|l| l.1);
            let comment = p.comment.map(|c| c.1);
            if class_types.iter().any(|t| p.types.contains(t)) {
                let c = self.classes.entry(iri.clone()).or_insert_with(|| ClassInfo {
                    name: local_name(&iri).to_string(),
                    iri: iri.clone(),
                    label: None,
                    comment: None,
                    supers: Vec::new(),
                    alignments: Vec::new(),
                    source: name.to_string(),
                });
                c.label = label.or(c.label.take());
                c.comment = comment.or(c.comment.take());
                extend_unique(&mut c.supers, p.sub_class_of);
                extend_unique(&mut c.alignments, p.alignments);
                continue;
            }
            let kind = if p.types.contains(&obj) {
                PropertyKind::Object
            } else if p.types.contains(&data) {
                PropertyKind::Datatype
            } else if others.iter().any(|t| p.types.contains(t)) || self.properties.contains_key(&iri) {
                PropertyKind::Other
            } else {
                continue;
            };
            let prop = self.properties.entry(iri.clone()).or_insert_with(|| PropertyInfo {
                name: local_name(&iri).to_string(),
                iri: iri.clone(),
                kind,
                label: None,
                comment: None,
                domains: Vec::new(),
                ranges: Vec::new(),
                supers: Vec::new(),
                inverse: None,
                symmetric: false,
                transitive: false,
                alignments: Vec::new(),
                source: name.to_string(),
            });
            if kind != PropertyKind::Other {
                prop.kind = kind;
            }
            prop.label = label.or(prop.label.take());
            prop.comment = comment.or(prop.comment.take());
            prop.symmetric |= p.types.contains(&format!("{OWL}SymmetricProperty"));
            prop.transitive |= p.types.contains(&format!("{OWL}TransitiveProperty"));
            extend_unique(&mut prop.domains, p.domains);
            extend_unique(&mut prop.ranges, p.ranges);
            extend_unique(&mut prop.supers, p.sub_property_of);
            extend_unique(&mut prop.alignments, p.alignments);
            if let Some(inv) = p.inverse {
                prop.inverse = Some(inv.clone());
                inverses.push((iri, inv));
            }
        }
        for (a, b) in inverses {
            if let Some(pb) = self.properties.get_mut(&b) {
                pb.inverse.get_or_insert(a);
            }
        }
        Ok(())
    }

    /// The class and all its super-classes (reflexive, transitive).
    pub fn ancestors(&self, class: &str) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![class.to_string()];
        while let Some(c) = stack.pop() {
            if seen.insert(c.clone())
                && let Some(info) = self.classes.get(&c)
            {
                stack.extend(info.supers.iter().cloned());
            }
        }
        seen
    }

    /// The property and all its super-properties (reflexive, transitive), in breadth order.
    pub fn super_properties(&self, property: &str) -> Vec<&PropertyInfo> {
        let mut out: Vec<&PropertyInfo> = Vec::new();
        let mut queue = std::collections::VecDeque::from([property.to_string()]);
        let mut seen = BTreeSet::new();
        while let Some(p) = queue.pop_front() {
            if !seen.insert(p.clone()) {
                continue;
            }
            if let Some(info) = self.properties.get(&p) {
                out.push(info);
                queue.extend(info.supers.iter().cloned());
            }
        }
        out
    }

    /// Domains and ranges that apply to a property: its own and its super-properties' (RDFS
    /// semantics: a domain of a super-property is a domain of every sub-property).
    pub fn effective_domain_range(&self, property: &str) -> (BTreeSet<String>, BTreeSet<String>) {
        let mut d = BTreeSet::new();
        let mut r = BTreeSet::new();
        for p in self.super_properties(property) {
            d.extend(p.domains.iter().cloned());
            r.extend(p.ranges.iter().cloned());
        }
        (d, r)
    }
}

fn extend_unique(into: &mut Vec<String>, from: Vec<String>) {
    for x in from {
        if !into.contains(&x) {
            into.push(x);
        }
    }
}

fn turtle_error(name: &str, e: RdfSyntaxError) -> OntologyError {
    let (line, column) = e.location().map_or((0, 0), |l| (l.start.line + 1, l.start.column + 1));
    OntologyError::Turtle { file: name.to_string(), line, column, message: e.to_string() }
}
