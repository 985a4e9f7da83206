//! Nodes and edges as two CSV files with `neo4j-admin database import` headers:
//!
//! ```text
//! id:ID,label,:LABEL,type,kind,aliases:string[],wikidata,datatype,unit
//! :START_ID,:END_ID,:TYPE,predicate,label,iri,surface,normalized:boolean,confidence:float,negated:boolean,modality,attribution,evidence,doc,paragraph:int,sentence:int,char_start:int,char_end:int,extractor
//! ```
//!
//! `:LABEL` is `Entity;<Type>` or `Literal;<Type>`; `:TYPE` is the predicate's local name
//! (`related` if empty). Fields are quoted (RFC 4180, `"` doubled) when they contain a comma,
//! quote, CR/LF or leading/trailing space; absent values are empty and unquoted (Neo4j: no
//! property), empty strings are `""`. Aliases are joined with `;` (the array delimiter), so a
//! `;` inside an alias is written as `,`. Evidence may contain line breaks: import with
//! `--multiline-fields=true`.

use super::{ExportError, fmt_f32};
use crate::graph::KnowledgeGraph;
use std::io::Write;
use std::path::{Path, PathBuf};

pub const NODES_HEADER: &str =
    "id:ID,label,:LABEL,type,kind,aliases:string[],wikidata,datatype,unit";
pub const EDGES_HEADER: &str = ":START_ID,:END_ID,:TYPE,predicate,label,iri,surface,normalized:boolean,confidence:float,negated:boolean,modality,attribution,evidence,doc,paragraph:int,sentence:int,char_start:int,char_end:int,extractor";

fn field(buf: &mut String, value: Option<&str>) {
    if let Some(v) = value {
        let needs = v.is_empty()
            || v.contains([',', '"', '\n', '\r'])
            || v.starts_with(char::is_whitespace)
            || v.ends_with(char::is_whitespace);
        if needs {
            buf.push('"');
            buf.push_str(&v.replace('"', "\"\""));
            buf.push('"');
        } else {
            buf.push_str(v);
        }
    }
}

fn row(buf: &mut String, fields: &[Option<&str>]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            buf.push(',');
        }
        field(buf, *f);
    }
    buf.push('\n');
}

/// Writes the nodes file to `nodes` and the relationships file to `edges`.
pub fn write_csv(
    graph: &KnowledgeGraph,
    nodes: &mut dyn Write,
    edges: &mut dyn Write,
) -> Result<(), ExportError> {
    let mut buf = String::with_capacity(64 + graph.node_count() * 80);
    buf.push_str(NODES_HEADER);
    buf.push('\n');
    for (_, n) in graph.nodes() {
        let labels = format!(
            "{};{}",
            if n.is_literal() { "Literal" } else { "Entity" },
            n.entity_type.class_name()
        );
        let aliases: Vec<String> = n.aliases.iter().map(|a| a.replace(';', ",")).collect();
        let aliases = aliases.join(";");
        let lit = n.literal.as_ref();
        row(
            &mut buf,
            &[
                Some(&n.id),
                Some(&n.label),
                Some(&labels),
                Some(n.entity_type.class_name()),
                Some(n.kind.as_str()),
                (!n.aliases.is_empty()).then_some(aliases.as_str()),
                n.wikidata.as_deref(),
                lit.and_then(|l| l.datatype.as_deref()),
                lit.and_then(|l| l.unit.as_deref()),
            ],
        );
    }
    nodes.write_all(buf.as_bytes())?;
    nodes.flush()?;

    let mut buf = String::with_capacity(64 + graph.edge_count() * 300);
    buf.push_str(EDGES_HEADER);
    buf.push('\n');
    for (_, s, t, e) in graph.edges() {
        let ty = if e.predicate.name.is_empty() {
            "related"
        } else {
            e.predicate.name.as_str()
        };
        let (conf, par, sen, cs, ce) = (
            fmt_f32(e.confidence),
            e.paragraph.to_string(),
            e.sentence.to_string(),
            e.char_start.to_string(),
            e.char_end.to_string(),
        );
        row(
            &mut buf,
            &[
                Some(&graph.node(s).id),
                Some(&graph.node(t).id),
                Some(ty),
                Some(&e.predicate.name),
                Some(&e.predicate.label),
                Some(&e.predicate.iri),
                Some(&e.predicate.surface),
                Some(if e.predicate.normalized {
                    "true"
                } else {
                    "false"
                }),
                Some(&conf),
                Some(if e.negated { "true" } else { "false" }),
                Some(e.modality.as_str()),
                e.attribution.as_deref(),
                Some(&e.evidence),
                Some(&e.doc),
                Some(&par),
                Some(&sen),
                Some(&cs),
                Some(&ce),
                Some(&e.extractor),
            ],
        );
    }
    edges.write_all(buf.as_bytes())?;
    edges.flush()?;
    Ok(())
}

/// The two file names for a CSV export to `path`: `graph.csv` → (`graph.nodes.csv`,
/// `graph.edges.csv`); a path without extension gets `.nodes.csv` / `.edges.csv` appended.
pub fn csv_paths(path: &Path) -> (PathBuf, PathBuf) {
    let stem = match path.extension() {
        Some(e) if e.eq_ignore_ascii_case("csv") => path.with_extension(""),
        _ => path.to_path_buf(),
    };
    let with = |suffix: &str| {
        let mut s = stem.clone().into_os_string();
        s.push(suffix);
        PathBuf::from(s)
    };
    (with(".nodes.csv"), with(".edges.csv"))
}

/// [`write_csv`] to two files (created or truncated); errors name the file.
pub fn write_csv_files(
    graph: &KnowledgeGraph,
    nodes_path: &Path,
    edges_path: &Path,
) -> Result<(), ExportError> {
    let open = |p: &Path| {
        std::fs::File::create(p)
            .map(std::io::BufWriter::new)
            .map_err(|source| ExportError::File {
                path: p.to_path_buf(),
                source,
            })
    };
    let mut nodes = open(nodes_path)?;
    let mut edges = open(edges_path)?;
    write_csv(graph, &mut nodes, &mut edges).map_err(|e| match e {
        ExportError::Io(source) => ExportError::File {
            path: nodes_path.to_path_buf(),
            source,
        },
        other => other,
    })
}
