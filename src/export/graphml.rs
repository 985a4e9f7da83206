//! GraphML with typed keys, loadable by NetworkX (`read_graphml`), Gephi, yEd and Cytoscape.
//!
//! Node keys: `label`, `type`, `kind` (entity/literal), `aliases` (joined with `; `),
//! `wikidata`, `datatype`, `unit`. Edge keys: `label` (predicate label, what Gephi and Cytoscape
//! show), `predicate` (local name), `iri`, `surface`, `normalized` (boolean), `confidence`
//! (double), `negated` (boolean), `modality`, `attribution`, `evidence`, `doc`, `paragraph`,
//! `sentence`, `char_start`, `char_end` (int), `extractor`, `qualifiers` (`key=value; …`).
//! Absent optional values are omitted. Edge ids (`e0`, `e1`, …) follow the graph's edge order,
//! so NetworkX uses them as multigraph keys.

use super::xml::escape;
use super::{ExportError, fmt_f32};
use crate::graph::KnowledgeGraph;
use std::io::Write;

/// (key id, for, attr.name, attr.type)
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("n_label", "node", "label", "string"),
    ("n_type", "node", "type", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_aliases", "node", "aliases", "string"),
    ("n_wikidata", "node", "wikidata", "string"),
    ("n_datatype", "node", "datatype", "string"),
    ("n_unit", "node", "unit", "string"),
    ("e_label", "edge", "label", "string"),
    ("e_predicate", "edge", "predicate", "string"),
    ("e_iri", "edge", "iri", "string"),
    ("e_surface", "edge", "surface", "string"),
    ("e_normalized", "edge", "normalized", "boolean"),
    ("e_confidence", "edge", "confidence", "double"),
    ("e_negated", "edge", "negated", "boolean"),
    ("e_modality", "edge", "modality", "string"),
    ("e_attribution", "edge", "attribution", "string"),
    ("e_evidence", "edge", "evidence", "string"),
    ("e_doc", "edge", "doc", "string"),
    ("e_paragraph", "edge", "paragraph", "int"),
    ("e_sentence", "edge", "sentence", "int"),
    ("e_char_start", "edge", "char_start", "int"),
    ("e_char_end", "edge", "char_end", "int"),
    ("e_extractor", "edge", "extractor", "string"),
    ("e_qualifiers", "edge", "qualifiers", "string"),
];

fn data(buf: &mut String, indent: &str, key: &str, value: &str) {
    buf.push_str(indent);
    buf.push_str("<data key=\"");
    buf.push_str(key);
    buf.push_str("\">");
    escape(value, buf);
    buf.push_str("</data>\n");
}

/// Writes `graph` as GraphML (UTF-8, directed, parallel edges allowed).
pub fn write_graphml(graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<(), ExportError> {
    let mut buf = String::with_capacity(4096 + graph.node_count() * 200 + graph.edge_count() * 500);
    buf.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    buf.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, for_, name, ty) in KEYS {
        buf.push_str(&format!(
            "  <key id=\"{id}\" for=\"{for_}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>\n"
        ));
    }
    buf.push_str("  <graph id=\"kgraph\" edgedefault=\"directed\">\n");
    let ind = "      ";
    for (_, n) in graph.nodes() {
        buf.push_str("    <node id=\"");
        escape(&n.id, &mut buf);
        buf.push_str("\">\n");
        data(&mut buf, ind, "n_label", &n.label);
        data(&mut buf, ind, "n_type", n.entity_type.class_name());
        data(&mut buf, ind, "n_kind", n.kind.as_str());
        if !n.aliases.is_empty() {
            data(&mut buf, ind, "n_aliases", &n.aliases.join("; "));
        }
        if let Some(q) = &n.wikidata {
            data(&mut buf, ind, "n_wikidata", q);
        }
        if let Some(lit) = &n.literal {
            if let Some(dt) = &lit.datatype {
                data(&mut buf, ind, "n_datatype", dt);
            }
            if let Some(u) = &lit.unit {
                data(&mut buf, ind, "n_unit", u);
            }
        }
        buf.push_str("    </node>\n");
    }
    for (i, (_, s, t, e)) in graph.edges().enumerate() {
        buf.push_str(&format!("    <edge id=\"e{i}\" source=\""));
        escape(&graph.node(s).id, &mut buf);
        buf.push_str("\" target=\"");
        escape(&graph.node(t).id, &mut buf);
        buf.push_str("\">\n");
        let label = if e.predicate.label.is_empty() {
            &e.predicate.name
        } else {
            &e.predicate.label
        };
        data(&mut buf, ind, "e_label", label);
        data(&mut buf, ind, "e_predicate", &e.predicate.name);
        data(&mut buf, ind, "e_iri", &e.predicate.iri);
        data(&mut buf, ind, "e_surface", &e.predicate.surface);
        data(
            &mut buf,
            ind,
            "e_normalized",
            if e.predicate.normalized {
                "true"
            } else {
                "false"
            },
        );
        data(&mut buf, ind, "e_confidence", &fmt_f32(e.confidence));
        data(
            &mut buf,
            ind,
            "e_negated",
            if e.negated { "true" } else { "false" },
        );
        data(&mut buf, ind, "e_modality", e.modality.as_str());
        if let Some(a) = &e.attribution {
            data(&mut buf, ind, "e_attribution", a);
        }
        data(&mut buf, ind, "e_evidence", &e.evidence);
        data(&mut buf, ind, "e_doc", &e.doc);
        data(&mut buf, ind, "e_paragraph", &e.paragraph.to_string());
        data(&mut buf, ind, "e_sentence", &e.sentence.to_string());
        data(&mut buf, ind, "e_char_start", &e.char_start.to_string());
        data(&mut buf, ind, "e_char_end", &e.char_end.to_string());
        data(&mut buf, ind, "e_extractor", &e.extractor);
        if !e.qualifiers.is_empty() {
            let q: Vec<String> = e
                .qualifiers
                .iter()
                .map(|q| format!("{}={}", q.key, q.value))
                .collect();
            data(&mut buf, ind, "e_qualifiers", &q.join("; "));
        }
        buf.push_str("    </edge>\n");
    }
    buf.push_str("  </graph>\n</graphml>\n");
    out.write_all(buf.as_bytes())?;
    out.flush()?;
    Ok(())
}
