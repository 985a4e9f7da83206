//! Questions about the built graph: `kgraph stats`, `entities`, `why`, `path`, `rank`, and
//! `ontology` (what the ontology knows).

use super::args::{DateArgs, FactArgs, StoreArgs};
use super::open_read;
use crate::document::{FactObject, Modality};
use crate::graph::FactFilter;
use crate::kb::{Explanation, KnowledgeBase, Ranking};
use crate::pipeline::load_ontology;
use anyhow::Result;
use std::io::Write;
use std::path::PathBuf;

// Output goes through `writeln!` on a locked standard output, never `println!`: a closed pipe
// (`kgraph entities | head -1`) is then an error that `report` turns into a quiet exit 0.

pub(super) fn stats(documents: bool, json: bool, store: &StoreArgs) -> Result<()> {
    let kb = open_read(store)?;
    let stats = kb.stats()?;
    let docs = if documents { kb.documents()? } else { Vec::new() };
    let mut out = std::io::stdout().lock();
    if json {
        // No nulls: `documents` is there only when asked for.
        let mut value = serde_json::json!({
            "store": stats.store,
            "graph": { "nodes": stats.nodes, "edges": stats.edges },
        });
        if documents {
            value["documents"] = serde_json::to_value(&docs)?;
        }
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        return Ok(());
    }
    let s = &stats.store;
    writeln!(out, "documents      {}", s.documents)?;
    writeln!(out, "entities       {}", s.entities)?;
    writeln!(out, "facts          {} ({} plain, {} negated or hedged)", s.facts, s.plain_facts, s.facts - s.plain_facts)?;
    writeln!(out, "triples        {} (data graphs, distinct)", s.triples)?;
    writeln!(out, "ontology       {} triples", s.ontology_triples)?;
    writeln!(out, "graph nodes    {}", stats.nodes)?;
    writeln!(out, "graph edges    {}", stats.edges)?;
    for d in &docs {
        writeln!(out, "{}  {}  {}", shown(&d.id), shown(&d.source), shown(d.title.as_deref().unwrap_or("")))?;
    }
    Ok(())
}

pub(super) fn entities(
    search: Option<&str>,
    kind: Option<&str>,
    facts: &FactArgs,
    dates: &DateArgs,
    explain: bool,
    top: Option<usize>,
    store: &StoreArgs,
) -> Result<()> {
    let range = date_range(dates)?;
    let kb = open_read(store)?;
    let filter = fact_filter(&kb, facts)?;
    let mut rows = kb.entity_counts_in(search, kind, &filter, &range)?;
    if let Some(n) = top {
        rows.retain(|r| !crate::corpus::link::is_document_scoped(&r.entity.id));
        rows.sort_by(|a, b| b.facts.cmp(&a.facts).then_with(|| a.entity.id.cmp(&b.entity.id)));
        rows.truncate(n);
    }
    let mut out = std::io::stdout().lock();
    for row in rows {
        let e = &row.entity;
        let wd = e.wikidata.as_deref().map(|q| format!("\twd:{q}")).unwrap_or_default();
        let aliases = if e.aliases.is_empty() { String::new() } else { format!("\taka {}", shown(&e.aliases.join(" | "))) };
        let facts = format!("{} fact{}\t{} doc{}", row.facts, plural(row.facts), row.documents, plural(row.documents));
        writeln!(out, "{}\t{}\t{}\t{}{}{}", shown(&e.label), e.kind.class_name(), shown(&e.id), facts, wd, aliases)?;
        if explain {
            for line in kb.explain(e)? {
                writeln!(out, "    {}", shown(&line))?;
            }
        }
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn fact_filter(kb: &KnowledgeBase, facts: &FactArgs) -> Result<FactFilter> {
    Ok(kb.fact_filter(&facts.predicate, facts.doc.as_deref(), facts.min_confidence)?)
}

pub(super) fn why(subject: &str, predicate: Option<&str>, object: Option<&str>, facts: &FactArgs, dates: &DateArgs, store: &StoreArgs) -> Result<()> {
    let range = date_range(dates)?;
    let kb = open_read(store)?;
    let filter = fact_filter(&kb, facts)?;
    let mut out = std::io::stdout().lock();
    for explanation in kb.why_in(subject, predicate, object, &filter, &range)? {
        print_explanation(&mut out, &explanation)?;
    }
    Ok(())
}

fn print_explanation(out: &mut dyn Write, e: &Explanation) -> std::io::Result<()> {
    let f = &e.fact;
    let object = match &f.object {
        FactObject::Entity(_) => e.object.clone(),
        FactObject::Literal(_) => format!("{:?}", e.object),
    };
    let p = &f.provenance;
    let mut flags = Vec::new();
    if f.negated {
        flags.push("NEGATED".to_owned());
    }
    if f.modality != Modality::Asserted {
        flags.push(f.modality.as_str().to_uppercase());
    }
    if let Some(a) = &f.attribution {
        flags.push(format!("according to {}", shown(a)));
    }
    let flags = if flags.is_empty() { String::new() } else { format!("  [{}]", flags.join(", ")) };
    writeln!(out, "{} —{}→ {}{}", shown(&e.subject), shown(&f.predicate.label), shown(&object), flags)?;
    writeln!(out, "  predicate  {} (surface: {:?}{})", shown(&f.predicate.iri), f.predicate.surface, if f.predicate.normalized { "" } else { ", open relation" })?;
    for q in &f.qualifiers {
        writeln!(out, "  {:<10} {}", shown(&q.key), shown(&q.value))?;
    }
    if let Some(t) = &f.time {
        let days = if t.start == t.end { t.start.clone() } else { format!("{} .. {}", t.start, t.end) };
        writeln!(out, "  time       {days} ({:?})", shown(&t.text))?;
    }
    writeln!(out, "  evidence   {:?}", p.evidence)?;
    writeln!(out, 
        "  source     {} (doc {}, paragraph {}, sentence {}, chars {}..{})",
        shown(e.source.as_deref().unwrap_or("?")),
        shown(&p.doc),
        p.paragraph,
        p.sentence + 1,
        p.span.char.start,
        p.span.char.end
    )?;
    writeln!(out, "  extractor  {} confidence {:.3}", p.extractor, p.confidence)?;
    for n in &f.notes {
        writeln!(out, "  note       {}", shown(n))?;
    }
    writeln!(out)?;
    Ok(())
}

pub(super) fn path(from: &str, to: &str, store: &StoreArgs) -> Result<()> {
    let mut out = std::io::stdout().lock();
    for step in open_read(store)?.path(from, to)? {
        writeln!(out, "{}", shown(&step.to_string()))?;
    }
    Ok(())
}

pub(super) fn rank(degree: bool, top: usize, components: bool, kind: Option<&str>, store: &StoreArgs) -> Result<()> {
    let kb = open_read(store)?;
    let mut out = std::io::stdout().lock();
    if components {
        for (i, c) in kb.components()?.iter().enumerate() {
            writeln!(out, "component {} ({} entities): {}", i + 1, c.len(), shown(&c.join(", ")))?;
        }
        return Ok(());
    }
    let ranking = kb.rank(if degree { Ranking::Degree } else { Ranking::PageRank }, kind)?;
    for (label, score) in ranking.into_iter().take(top) {
        writeln!(out, "{score:>10.4}  {}", shown(&label))?;
    }
    Ok(())
}

pub(super) fn ontology(dirs: &[PathBuf]) -> Result<()> {
    let ontology = load_ontology(dirs)?;
    let mut out = std::io::stdout().lock();
    ontology.describe(&mut out)?;
    Ok(())
}

/// The period of `--since` / `--until`.
pub(super) fn date_range(dates: &DateArgs) -> Result<crate::kb::DateRange> {
    Ok(crate::kb::DateRange::new(dates.since.as_deref(), dates.until.as_deref())?)
}

/// Everything printed from the store goes through here: no escape sequence reaches the terminal.
fn shown(s: &str) -> String {
    crate::guard::text::for_terminal(s).into_owned()
}
