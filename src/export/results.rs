//! SPARQL query results for `kgraph query`: SELECT/ASK as a text table (IRIs shortened with the
//! usual prefixes, literals as their value) or in a SPARQL results format; CONSTRUCT/DESCRIBE in
//! an RDF graph format with the store's prefixes.
//!
//! In: oxigraph [`QueryResults`], a format name (`table` or a name from the format table) and the
//! prefixes. Out: bytes on a writer. Which names fit depends on the result, so the name is
//! checked here, once the result is known.

use super::{ExportError, ExportFormat, ResultsFormat};
use crate::ontology::vocab;
use oxigraph::io::RdfSerializer;
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use oxigraph::sparql::results::QueryResultsSerializer;
use std::io::Write;

/// The human-readable view; for CONSTRUCT/DESCRIBE it means Turtle.
pub const TABLE: &str = "table";

/// Writes `results` to `out` in the format named `format`: `table`, a results format (`csv`,
/// `tsv`, `json`, `xml`) for SELECT/ASK, an RDF graph format (`ttl`, `nt`, `rdfxml`, `jsonld`
/// and their other names) for CONSTRUCT/DESCRIBE.
pub fn write_query_results(
    results: QueryResults<'_>,
    format: &str,
    prefixes: &[(&'static str, String)],
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    match results {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            if format == TABLE {
                let mut rows = Vec::new();
                for s in solutions {
                    let s = s?;
                    rows.push(variables.iter().map(|v| s.get(v).map(short_term).unwrap_or_default()).collect::<Vec<_>>());
                }
                let header: Vec<String> = variables.iter().map(|v| v.as_str().to_owned()).collect();
                write_table(out, &header, &rows)?;
                writeln!(out, "({} rows)", rows.len())?;
            } else {
                let f = results_format(format)?.results_format();
                let mut ser = QueryResultsSerializer::from_format(f).serialize_solutions_to_writer(&mut *out, variables)?;
                for s in solutions {
                    ser.serialize(&s?)?;
                }
                ser.finish()?;
            }
        }
        QueryResults::Boolean(b) => {
            if format == TABLE {
                writeln!(out, "{b}")?;
            } else {
                let f = results_format(format)?.results_format();
                QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(&mut *out, b)?;
            }
        }
        QueryResults::Graph(triples) => {
            let name = if format == TABLE { ExportFormat::Turtle.name() } else { format };
            let f = ExportFormat::rdf_graph_from_name(name)
                .and_then(ExportFormat::rdf_format)
                .ok_or_else(|| ExportError::UnknownGraphResultsFormat { name: format.to_owned(), known: ExportFormat::rdf_graph_names() })?;
            let mut ser = RdfSerializer::from_format(f);
            for (prefix, iri) in prefixes {
                ser = ser.with_prefix(*prefix, iri.clone())?;
            }
            let mut w = ser.for_writer(&mut *out);
            for t in triples {
                w.serialize_triple(&t?)?;
            }
            w.finish()?;
        }
    }
    Ok(())
}

fn results_format(name: &str) -> Result<ResultsFormat, ExportError> {
    ResultsFormat::from_name(name)
        .ok_or_else(|| ExportError::UnknownResultsFormat { name: name.to_owned(), known: ResultsFormat::known_names() })
}

/// A term for the table view: IRIs shortened with the usual prefixes, literals as their value.
fn short_term(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => {
            let s = n.as_str();
            for (prefix, ns) in [("kg:", vocab::KG), ("rel:", vocab::REL), ("rdfs:", vocab::RDFS), ("rdf:", vocab::RDF), ("wd:", vocab::WD)] {
                if let Some(local) = s.strip_prefix(ns) {
                    return format!("{prefix}{local}");
                }
            }
            format!("<{s}>")
        }
        Term::Literal(l) => l.value().to_owned(),
        other => other.to_string(),
    }
}

fn write_table(out: &mut dyn Write, header: &[String], rows: &[Vec<String>]) -> std::io::Result<()> {
    let width = |i: usize| rows.iter().map(|r| r[i].chars().count()).chain([header[i].chars().count()]).max().unwrap_or(0).min(60);
    let widths: Vec<usize> = (0..header.len()).map(width).collect();
    let line = |cells: &[String]| {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                let c: String = c.chars().take(*w).collect();
                format!("{c:<w$}", w = *w)
            })
            .collect::<Vec<_>>()
            .join(" | ")
    };
    writeln!(out, "{}", line(header).trim_end())?;
    writeln!(out, "{}", widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>().join("-+-"))?;
    for r in rows {
        writeln!(out, "{}", line(r).trim_end())?;
    }
    Ok(())
}
