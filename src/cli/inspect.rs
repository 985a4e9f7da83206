//! Questions about the built graph: `kgraph stats`, `entities`, `why`, `path`, `rank`, and
//! `ontology` (what the ontology knows).

use super::args::{DateArgs, StoreArgs};
use super::open_read;
use crate::document::{FactObject, Modality};
use crate::kb::{Explanation, Ranking};
use crate::pipeline::load_ontology;
use anyhow::Result;
use std::path::PathBuf;

pub(super) fn stats(documents: bool, json: bool, store: &StoreArgs) -> Result<()> {
    let kb = open_read(store)?;
    let stats = kb.stats()?;
    let docs = if documents { kb.documents()? } else { Vec::new() };
    if json {
        let value = serde_json::json!({
            "store": stats.store,
            "graph": { "nodes": stats.nodes, "edges": stats.edges },
            "documents": if documents { serde_json::to_value(&docs)? } else { serde_json::Value::Null },
        });
        println!("{}", serde_json::to_string_pretty(&value)?);
        return Ok(());
    }
    let s = &stats.store;
    println!("documents      {}", s.documents);
    println!("entities       {}", s.entities);
    println!("facts          {} ({} plain, {} negated or hedged)", s.facts, s.plain_facts, s.facts - s.plain_facts);
    println!("triples        {} (data graphs, distinct)", s.triples);
    println!("ontology       {} triples", s.ontology_triples);
    println!("graph nodes    {}", stats.nodes);
    println!("graph edges    {}", stats.edges);
    for d in &docs {
        println!("{}  {}  {}", shown(&d.id), shown(&d.source), shown(d.title.as_deref().unwrap_or("")));
    }
    Ok(())
}

pub(super) fn entities(kind: Option<&str>, explain: bool, dates: &DateArgs, store: &StoreArgs) -> Result<()> {
    let range = date_range(dates)?;
    let kb = open_read(store)?;
    for e in kb.entities_in(kind, &range)? {
        let wd = e.wikidata.as_deref().map(|q| format!("  wd:{q}")).unwrap_or_default();
        let aliases = if e.aliases.is_empty() { String::new() } else { format!("  aka {}", e.aliases.join(" | ")) };
        println!("{}\t{}\t{}{}{}", e.label, e.kind.class_name(), e.id, wd, aliases);
        if explain {
            for line in kb.explain(&e)? {
                println!("    {line}");
            }
        }
    }
    Ok(())
}

pub(super) fn why(subject: &str, predicate: Option<&str>, object: Option<&str>, dates: &DateArgs, store: &StoreArgs) -> Result<()> {
    let range = date_range(dates)?;
    let kb = open_read(store)?;
    for explanation in kb.why_in(subject, predicate, object, &range)? {
        print_explanation(&explanation);
    }
    Ok(())
}

fn print_explanation(e: &Explanation) {
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
    println!("{} —{}→ {}{}", shown(&e.subject), shown(&f.predicate.label), shown(&object), flags);
    println!("  predicate  {} (surface: {:?}{})", shown(&f.predicate.iri), f.predicate.surface, if f.predicate.normalized { "" } else { ", open relation" });
    for q in &f.qualifiers {
        println!("  {:<10} {}", shown(&q.key), shown(&q.value));
    }
    if let Some(t) = &f.time {
        let days = if t.start == t.end { t.start.clone() } else { format!("{} .. {}", t.start, t.end) };
        println!("  time       {days} ({:?})", shown(&t.text));
    }
    println!("  evidence   {:?}", p.evidence);
    println!(
        "  source     {} (doc {}, paragraph {}, sentence {}, chars {}..{})",
        shown(e.source.as_deref().unwrap_or("?")),
        shown(&p.doc),
        p.paragraph,
        p.sentence + 1,
        p.span.char.start,
        p.span.char.end
    );
    println!("  extractor  {} confidence {:.3}", p.extractor, p.confidence);
    for n in &f.notes {
        println!("  note       {}", shown(n));
    }
    println!();
}

pub(super) fn path(from: &str, to: &str, store: &StoreArgs) -> Result<()> {
    for step in open_read(store)?.path(from, to)? {
        println!("{step}");
    }
    Ok(())
}

pub(super) fn rank(degree: bool, top: usize, components: bool, store: &StoreArgs) -> Result<()> {
    let kb = open_read(store)?;
    if components {
        for (i, c) in kb.components()?.iter().enumerate() {
            println!("component {} ({} entities): {}", i + 1, c.len(), c.join(", "));
        }
        return Ok(());
    }
    let ranking = kb.rank(if degree { Ranking::Degree } else { Ranking::PageRank })?;
    for (label, score) in ranking.into_iter().take(top) {
        println!("{score:>10.4}  {label}");
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
