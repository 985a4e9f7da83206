//! `kgraph query` (SPARQL, results as a table or in a results/RDF format) and `kgraph update`.
//! A syntax error is shown as the line of the query with a caret under the column, and an
//! unknown prefix with the list of predeclared ones.

use super::args::StoreArgs;
use super::{open_read, open_write};
use crate::guard::QueryRefusal;
use crate::kb::KbError;
use crate::store::StoreError;
use anyhow::Result;
use std::io::{BufWriter, Write};

/// `kgraph query`: under `--timeout` and `--max-query-mb`, like a query to `kgraph serve`.
pub(super) fn query(sparql: &str, format: &str, timeout: f64, max_query_mb: usize, store: &StoreArgs) -> Result<()> {
    let timeout = crate::guard::parse_timeout(timeout, "--timeout").map_err(anyhow::Error::msg)?;
    let limits = crate::guard::QueryLimits::new(timeout, max_query_mb);
    let kb = open_read(store)?;
    let prefixes: Vec<&str> = kb.store().prefixes().into_iter().map(|(p, _)| p).collect();
    let mut out = kb
        .write_query_guarded(sparql, format, &limits, BufWriter::new(std::io::stdout()))
        .map_err(|e| explained(e, sparql, &prefixes))?;
    out.flush()?;
    Ok(())
}

pub(super) fn update(sparql: &str, store: &StoreArgs) -> Result<()> {
    let kb = open_write(store)?;
    let prefixes: Vec<&str> = kb.store().prefixes().into_iter().map(|(p, _)| p).collect();
    if let Some(note) = kb.update(sparql).map_err(|e| explained(e, sparql, &prefixes))?.note() {
        eprintln!("kgraph: {note}");
    }
    Ok(())
}

/// A SPARQL syntax error made readable; any other error as it is.
fn explained(err: KbError, sparql: &str, prefixes: &[&str]) -> anyhow::Error {
    let message = match &err {
        KbError::Store(StoreError::Refused(QueryRefusal::Syntax(m))) => m.clone(),
        KbError::Store(StoreError::QuerySyntax(e)) => e.to_string(),
        _ => return err.into(),
    };
    match syntax_help(sparql, &message, prefixes) {
        Some(help) => anyhow::Error::msg(help),
        None => err.into(),
    }
}

/// `SPARQL syntax error at line L, column C:`, the query line, a caret under the column, then
/// what the parser expected (shortened) or, for an unknown prefix, the predeclared prefixes.
/// `None` when the parser's message carries no position.
pub(crate) fn syntax_help(sparql: &str, message: &str, prefixes: &[&str]) -> Option<String> {
    let rest = message.split("error at ").nth(1)?;
    let (position, detail) = rest.split_once(": ").unwrap_or((rest, ""));
    let (line, column) = position.split_once(':')?;
    let (line, column): (usize, usize) = (line.trim().parse().ok()?, column.trim().parse().ok()?);
    let text = sparql.lines().nth(line.checked_sub(1)?).unwrap_or("");
    let caret_at = text.chars().take(column.saturating_sub(1)).count();
    let mut help = format!("SPARQL syntax error at line {line}, column {column}:\n  {text}\n  {}^\n", " ".repeat(caret_at));
    if detail.contains("Prefix not found") {
        let before: String = text.chars().take(column.saturating_sub(1)).collect();
        let name = before.rsplit(|c: char| c.is_whitespace() || "{}(),;.".contains(c)).next().unwrap_or("");
        let prefix = name.split(':').next().unwrap_or("");
        help.push_str(&format!(
            "unknown prefix `{prefix}:`; declare it (PREFIX {prefix}: <…>) or use a predeclared one: {}",
            prefixes.iter().map(|p| format!("{p}:")).collect::<Vec<_>>().join(" ")
        ));
    } else {
        // The parser lists character classes; the words it expected are what help.
        let words: Vec<&str> = detail
            .trim_start_matches("expected one of ")
            .split(", ")
            .filter(|w| !w.contains('[') && !w.contains('\'') && !w.contains('|') && !w.trim().is_empty())
            .collect();
        if words.is_empty() {
            help.push_str(detail.lines().next().unwrap_or(""));
        } else {
            help.push_str(&format!("expected one of {}", words.join(", ")));
        }
    }
    Some(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_under_the_column_and_the_prefixes_for_an_unknown_one() {
        let q = "SELECT ?x WHERE {\n  ?x zz:likes ?y }";
        let help = syntax_help(q, "error at 2:11: expected one of Prefix not found, ['%'], [':']", &["kg", "rdfs"]).unwrap();
        assert_eq!(
            help,
            "SPARQL syntax error at line 2, column 11:\n    ?x zz:likes ?y }\n            ^\nunknown prefix `zz:`; declare it (PREFIX zz: <…>) or use a predeclared one: kg: rdfs:"
        );
        let help = syntax_help("ASK { FILTER(?x = ) }", "error at 1:19: expected one of ABS, STR, ['0'..='9'], [_]", &[]).unwrap();
        assert!(help.ends_with("                   ^\nexpected one of ABS, STR"), "{help}");
        assert_eq!(syntax_help("ASK {}", "no position here", &[]), None);
    }
}
