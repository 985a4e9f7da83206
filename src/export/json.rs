//! Node-link JSON, the format of NetworkX `node_link_data` / `node_link_graph(data, edges="links")`
//! and of D3 force layouts:
//! `{"directed":true,"multigraph":true,"graph":{},"nodes":[{"id":…}],"links":[{"source":…,"target":…,"key":…}]}`.
//! `key` numbers parallel edges between the same two nodes from 0, as NetworkX does.

use super::{ExportError, fmt_f32};
use crate::graph::KnowledgeGraph;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct NodeLink<'a> {
    directed: bool,
    multigraph: bool,
    graph: serde_json::Map<String, serde_json::Value>,
    nodes: Vec<JsonNode<'a>>,
    links: Vec<JsonLink<'a>>,
}

#[derive(Serialize)]
struct JsonNode<'a> {
    id: &'a str,
    label: &'a str,
    #[serde(rename = "type")]
    entity_type: &'static str,
    kind: &'static str,
    aliases: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    wikidata: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    datatype: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonQualifier<'a> {
    key: &'a str,
    value: &'a str,
}

#[derive(Serialize)]
struct JsonLink<'a> {
    source: &'a str,
    target: &'a str,
    key: usize,
    predicate: &'a str,
    label: &'a str,
    iri: &'a str,
    surface: &'a str,
    normalized: bool,
    confidence: f64,
    negated: bool,
    modality: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    attribution: Option<&'a str>,
    evidence: &'a str,
    doc: &'a str,
    paragraph: usize,
    sentence: usize,
    char_start: usize,
    char_end: usize,
    extractor: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    qualifiers: Vec<JsonQualifier<'a>>,
}

/// Writes `graph` as pretty-printed node-link JSON (ends with a newline).
pub fn write_json(graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<(), ExportError> {
    let nodes = graph
        .nodes()
        .map(|(_, n)| JsonNode {
            id: &n.id,
            label: &n.label,
            entity_type: n.entity_type.class_name(),
            kind: n.kind.as_str(),
            aliases: &n.aliases,
            wikidata: n.wikidata.as_deref(),
            datatype: n.literal.as_ref().and_then(|l| l.datatype.as_deref()),
            unit: n.literal.as_ref().and_then(|l| l.unit.as_deref()),
        })
        .collect();
    let mut links = Vec::with_capacity(graph.edge_count());
    let mut prev = None;
    let mut key = 0;
    for (_, s, t, e) in graph.edges() {
        // Edges are sorted by (source, target), so parallel edges are consecutive.
        key = if prev == Some((s, t)) { key + 1 } else { 0 };
        prev = Some((s, t));
        links.push(JsonLink {
            source: &graph.node(s).id,
            target: &graph.node(t).id,
            key,
            predicate: &e.predicate.name,
            label: if e.predicate.label.is_empty() {
                &e.predicate.name
            } else {
                &e.predicate.label
            },
            iri: &e.predicate.iri,
            surface: &e.predicate.surface,
            normalized: e.predicate.normalized,
            // Through the shortest decimal text, so 0.9f32 is written 0.9, not 0.8999999761581421.
            confidence: fmt_f32(e.confidence).parse().unwrap_or(f64::NAN),
            negated: e.negated,
            modality: e.modality.as_str(),
            attribution: e.attribution.as_deref(),
            evidence: &e.evidence,
            doc: &e.doc,
            paragraph: e.paragraph,
            sentence: e.sentence,
            char_start: e.char_start,
            char_end: e.char_end,
            extractor: &e.extractor,
            qualifiers: e
                .qualifiers
                .iter()
                .map(|q| JsonQualifier {
                    key: &q.key,
                    value: &q.value,
                })
                .collect(),
        });
    }
    let doc = NodeLink {
        directed: true,
        multigraph: true,
        graph: serde_json::Map::new(),
        nodes,
        links,
    };
    let mut buf = serde_json::to_vec_pretty(&doc)?;
    buf.push(b'\n');
    out.write_all(&buf)?;
    out.flush()?;
    Ok(())
}
