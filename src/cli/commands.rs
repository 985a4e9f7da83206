//! One function per subcommand.

use super::args::{Command, EvalCommand, ExtractArgs, ExtractFormat, SelectArgs, StoreArgs, TrainCommand};
use crate::document::{Entity, Fact, FactObject};
use crate::export::{self, ExportFormat};
use crate::graph::KnowledgeGraph;
use crate::pipeline::{Pipeline, PipelineOptions, ProcessedDocument};
use crate::source::{self, SourceText};
use crate::store::{KgStore, LoadOutcome, read};
use anyhow::{Context, Result, bail};
use oxigraph::io::RdfFormat;
use oxigraph::sparql::QueryResults;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

pub fn dispatch(command: Command) -> Result<()> {
    match command {
        Command::Build { paths, store, extract, no_export, exports, quiet } => {
            build(&paths, &store, &extract, (!no_export).then_some(exports.as_path()), quiet)
        }
        Command::Extract { paths, format, extract } => extract_cmd(&paths, format, &extract),
        Command::Analyze { paths } => analyze_cmd(&paths),
        Command::Query { query, file, format, store } => run_query(&read_text_arg(query, file)?, &format, &store),
        Command::Update { update, file, store } => {
            let kg = open_write(&store)?;
            kg.update(&read_text_arg(update, file)?)?;
            kg.flush()?;
            Ok(())
        }
        Command::Export { format, output, select, construct, with_ontology, store } => {
            export_cmd(format.as_deref(), output.as_deref(), &select, construct.as_deref(), with_ontology, &store)
        }
        Command::Stats { documents, json, store } => stats(documents, json, &store),
        Command::Entities { kind, explain, store } => entities(kind.as_deref(), explain, &store),
        Command::Why { subject, predicate, object, store } => why(&subject, predicate.as_deref(), object.as_deref(), &store),
        Command::Path { from, to, store } => path(&from, &to, &store),
        Command::Rank { degree, top, components, store } => rank(degree, top, components, &store),
        Command::Remove { doc, store } => {
            let kg = open_write(&store)?;
            let id = kg.remove_document(&doc)?;
            kg.flush()?;
            println!("removed document {id}");
            Ok(())
        }
        Command::Serve { bind, writable, token, timeout, cors, max_body, threads, store } => {
            serve_cmd(bind, writable, token, timeout, cors, max_body, threads, &store)
        }
        Command::Push { url, auth, token, sparql, prune, dry_run, store } => {
            push_cmd(url, auth, token, sparql, prune, dry_run, &store)
        }
        Command::Ontology { ontology } => ontology_cmd(&ontology),
        Command::Train { what } => train(what),
        Command::Eval { what } => eval(what),
        Command::Bench { input, words } => bench(&input, words),
    }
}

fn read_text_arg(inline: Option<String>, file: Option<PathBuf>) -> Result<String> {
    match (inline, file) {
        (Some(q), _) => Ok(q),
        (None, Some(f)) => std::fs::read_to_string(&f).with_context(|| format!("{}", f.display())),
        (None, None) => bail!("give the query text or --file"),
    }
}

fn open_write(args: &StoreArgs) -> Result<KgStore> {
    Ok(KgStore::open(&args.store, &args.base)?)
}

fn open_read(args: &StoreArgs) -> Result<KgStore> {
    Ok(KgStore::open_read_only(&args.store, &args.base)?)
}

fn pipeline(extract: &ExtractArgs) -> Result<Pipeline> {
    Ok(Pipeline::new(PipelineOptions { ontology_dirs: extract.ontology.clone(), strict: extract.strict })?)
}

/// Totals for the build summary.
#[derive(Default)]
struct BuildSummary {
    added: usize,
    replaced: usize,
    unchanged: usize,
    failed: usize,
    sentences: usize,
    facts: usize,
}

fn build(paths: &[PathBuf], store_args: &StoreArgs, extract: &ExtractArgs, exports: Option<&Path>, quiet: bool) -> Result<()> {
    let started = Instant::now();
    let files = source::collect_paths(paths)?;
    let store = open_write(store_args)?;
    let pipeline = pipeline(extract)?;
    store.load_ontology(&pipeline.ontology().turtle_sources())?;
    let max_bytes = extract.max_file_mb * 1024 * 1024;

    let bar = progress_bar(files.len(), quiet);
    let mut summary = BuildSummary::default();
    let mut errors = Vec::new();
    // Analyse in parallel in batches; load each document in its own transaction, in input order.
    for batch in files.chunks(32) {
        let processed: Vec<Result<ProcessedDocument, source::SourceError>> = batch
            .par_iter()
            .map(|p| source::read_source(p, max_bytes).map(|s| pipeline.process(s)))
            .collect();
        for result in processed {
            bar.inc(1);
            match result {
                Ok(doc) => {
                    let outcome = store
                        .load_document(&doc.document, &doc.entities, &doc.facts)
                        .with_context(|| doc.document.source.clone())?;
                    match outcome {
                        LoadOutcome::Added => summary.added += 1,
                        LoadOutcome::Replaced => summary.replaced += 1,
                        LoadOutcome::Unchanged => summary.unchanged += 1,
                    }
                    summary.sentences += doc.document.sentences.len();
                    summary.facts += doc.facts.len();
                }
                Err(e) => {
                    summary.failed += 1;
                    bar.suspend(|| eprintln!("kgraph: error: {e}"));
                    errors.push(e);
                }
            }
        }
    }
    bar.finish_and_clear();
    store.flush()?;
    let stats = store.stats()?;
    if let Some(dir) = exports {
        write_main_exports(&store, dir)?;
    }
    if !quiet {
        eprintln!(
            "{} documents ({} added, {} replaced, {} unchanged, {} failed), {} sentences, {} facts extracted; store now holds {} documents, {} entities, {} facts, {} triples; {:.2} s",
            files.len(),
            summary.added,
            summary.replaced,
            summary.unchanged,
            summary.failed,
            summary.sentences,
            summary.facts,
            stats.documents,
            stats.entities,
            stats.facts,
            stats.triples,
            started.elapsed().as_secs_f64()
        );
        if let Some(dir) = exports {
            eprintln!("exports written to {}/", dir.display());
        }
    }
    match errors.len() {
        0 => Ok(()),
        1 => Err(anyhow::Error::new(errors.remove(0))),
        n => bail!("{n} documents failed (see above); the others were loaded"),
    }
}

fn progress_bar(len: usize, quiet: bool) -> indicatif::ProgressBar {
    if quiet || len < 2 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} documents {elapsed} (eta {eta})") {
        bar.set_style(style);
    }
    bar
}

/// The main job's exports: graph.{dot,svg,ttl,nt,graphml,json} in `dir`.
fn write_main_exports(store: &KgStore, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("{}", dir.display()))?;
    let data = read::read_graph(store)?;
    let graph = KnowledgeGraph::from_facts(&data.entities, &data.facts);
    // Nodes whose only facts are negated or hedged have no drawn edge: leave them out of the picture.
    let diagram = graph.filter(&[], 1, Some(DIAGRAM_MAX_NODES));
    let mut dot = Vec::new();
    export::write_dot(&diagram, &mut dot)?;
    write_file(&dir.join("graph.dot"), &dot)?;
    match export::render_with_graphviz(&dot, "svg") {
        Ok(svg) => write_file(&dir.join("graph.svg"), &svg)?,
        Err(e) => eprintln!("kgraph: warning: graph.svg not written: {e}"),
    }
    for (name, format) in [("graph.ttl", RdfFormat::Turtle), ("graph.nt", RdfFormat::NTriples)] {
        let mut out = Vec::new();
        store.dump(format, false, &mut out)?;
        write_file(&dir.join(name), &out)?;
    }
    let mut graphml = Vec::new();
    export::write_graphml(&graph, &mut graphml)?;
    write_file(&dir.join("graph.graphml"), &graphml)?;
    let mut json = Vec::new();
    export::write_json(&graph, &mut json)?;
    write_file(&dir.join("graph.json"), &json)?;
    Ok(())
}

/// Diagrams above this size are unreadable and slow to lay out; the main job caps them.
const DIAGRAM_MAX_NODES: usize = 150;

fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("{}", path.display()))
}

fn extract_cmd(paths: &[PathBuf], format: ExtractFormat, extract: &ExtractArgs) -> Result<()> {
    let files = source::collect_paths(paths)?;
    let pipeline = pipeline(extract)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if format == ExtractFormat::Carb {
        for path in &files {
            let text = source::read_source(path, extract.max_file_mb * 1024 * 1024)?.text;
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let mut sentence = crate::extract::carb::carb_sentence(line);
                pipeline.analyzer().analyze(&mut sentence);
                for row in crate::extract::carb::carb_lines(pipeline.extractor(), &sentence, line) {
                    writeln!(out, "{row}")?;
                }
            }
        }
        out.flush()?;
        return Ok(());
    }
    if format == ExtractFormat::Tsv {
        writeln!(out, "subject\tpredicate\tobject\tconfidence\tdoc\tparagraph\tsentence\tstart\tend\tnegated\tmodality\tattribution\tsurface\tproperty\tevidence")?;
    }
    let store = if format == ExtractFormat::Ttl { Some(KgStore::in_memory(crate::ontology::vocab::DEFAULT_BASE)?) } else { None };
    for path in &files {
        let src = source::read_source(path, extract.max_file_mb * 1024 * 1024)?;
        let doc = pipeline.process(src);
        match format {
            ExtractFormat::Tsv => write_tsv(&mut out, &doc)?,
            ExtractFormat::Jsonl => {
                let labels = labels_of(&doc.entities);
                for f in &doc.facts {
                    let row = serde_json::json!({
                        "subject": labels.get(f.subject.as_str()).copied().unwrap_or(&f.subject),
                        "object": object_label(&f.object, &labels),
                        "fact": f,
                    });
                    writeln!(out, "{row}")?;
                }
            }
            ExtractFormat::Ttl => {
                if let Some(store) = &store {
                    store.load_document(&doc.document, &doc.entities, &doc.facts)?;
                }
            }
            ExtractFormat::Carb => unreachable!("handled above"),
        }
    }
    if let Some(store) = store {
        store.dump(RdfFormat::Turtle, false, &mut out)?;
    }
    out.flush()?;
    Ok(())
}

fn analyze_cmd(paths: &[PathBuf]) -> Result<()> {
    let pipeline = Pipeline::new(PipelineOptions::default())?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    for path in source::collect_paths(paths)? {
        let (doc, _) = pipeline.analyze(source::read_source(&path, source::DEFAULT_MAX_BYTES)?);
        for s in &doc.sentences {
            let mut text = format!("# sent_id = {}-{}\n# paragraph = {}\n", doc.id, s.index + 1, s.paragraph);
            let mut tokens = s.tokens.clone();
            for t in &mut tokens {
                // The MISC column carries the NER label and the char span.
                t.feats = if t.feats.is_empty() { "_".into() } else { t.feats.clone() };
            }
            crate::nlp::conllu::write_sentence(&mut text, Some(&s.text), &tokens);
            let text: String = text
                .lines()
                .map(|l| {
                    let cols: Vec<&str> = l.split('\t').collect();
                    match cols.first().and_then(|c| c.parse::<usize>().ok()) {
                        Some(n) if cols.len() == 10 => {
                            let t = &tokens[n - 1];
                            let ner = if t.ner.is_empty() { "O" } else { t.ner.as_str() };
                            format!("{}\tNER={ner}|Chars={}-{}\n", cols[..9].join("\t"), t.span.char.start, t.span.char.end)
                        }
                        _ => format!("{l}\n"),
                    }
                })
                .collect();
            write!(out, "{text}\n")?;
        }
    }
    out.flush()?;
    Ok(())
}

fn labels_of(entities: &[Entity]) -> HashMap<&str, &str> {
    entities.iter().map(|e| (e.id.as_str(), e.label.as_str())).collect()
}

fn object_label(object: &FactObject, labels: &HashMap<&str, &str>) -> String {
    match object {
        FactObject::Entity(id) => labels.get(id.as_str()).copied().unwrap_or(id).to_owned(),
        FactObject::Literal(l) => l.value.clone(),
    }
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn write_tsv(out: &mut dyn Write, doc: &ProcessedDocument) -> Result<()> {
    let labels = labels_of(&doc.entities);
    for f in &doc.facts {
        let p = &f.provenance;
        writeln!(
            out,
            "{}\t{}\t{}\t{:.3}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            clean(labels.get(f.subject.as_str()).copied().unwrap_or(&f.subject)),
            clean(&f.predicate.label),
            clean(f.object_text.as_deref().unwrap_or(&object_label(&f.object, &labels))),
            p.confidence,
            doc.document.source,
            p.paragraph,
            p.sentence,
            p.span.char.start,
            p.span.char.end,
            f.negated,
            f.modality.as_str(),
            clean(f.attribution.as_deref().unwrap_or("")),
            clean(&f.predicate.surface),
            f.predicate.iri,
            clean(&p.evidence),
        )?;
    }
    Ok(())
}

fn run_query(sparql: &str, format: &str, store_args: &StoreArgs) -> Result<()> {
    let store = open_read(store_args)?;
    let results = store.query(sparql)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    write_results(results, format, &store, &mut out)?;
    out.flush()?;
    Ok(())
}

fn write_results(results: QueryResults<'_>, format: &str, store: &KgStore, out: &mut dyn Write) -> Result<()> {
    match results {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            if format == "table" {
                let mut rows = Vec::new();
                for s in solutions {
                    let s = s?;
                    rows.push(variables.iter().map(|v| s.get(v).map(short_term).unwrap_or_default()).collect::<Vec<_>>());
                }
                let header: Vec<String> = variables.iter().map(|v| v.as_str().to_owned()).collect();
                write_table(out, &header, &rows)?;
                writeln!(out, "({} rows)", rows.len())?;
            } else {
                let f = results_format(format)?;
                let mut ser = QueryResultsSerializer::from_format(f).serialize_solutions_to_writer(&mut *out, variables)?;
                for s in solutions {
                    ser.serialize(&s?)?;
                }
                ser.finish()?;
            }
        }
        QueryResults::Boolean(b) => {
            if format == "table" {
                writeln!(out, "{b}")?;
            } else {
                QueryResultsSerializer::from_format(results_format(format)?).serialize_boolean_to_writer(&mut *out, b)?;
            }
        }
        QueryResults::Graph(triples) => {
            let f = match format {
                "table" | "ttl" | "turtle" => RdfFormat::Turtle,
                "nt" | "ntriples" => RdfFormat::NTriples,
                "rdfxml" | "xml" => RdfFormat::RdfXml,
                "jsonld" | "json" => RdfFormat::JsonLd { profile: Default::default() },
                other => bail!("unknown graph result format {other:?} (use ttl, nt, rdfxml, jsonld)"),
            };
            let mut ser = oxigraph::io::RdfSerializer::from_format(f);
            for (prefix, iri) in store.prefixes() {
                ser = ser.with_prefix(prefix, iri)?;
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

fn results_format(name: &str) -> Result<QueryResultsFormat> {
    Ok(match name {
        "csv" => QueryResultsFormat::Csv,
        "tsv" => QueryResultsFormat::Tsv,
        "json" => QueryResultsFormat::Json,
        "xml" => QueryResultsFormat::Xml,
        other => bail!("unknown result format {other:?} (use table, csv, tsv, json, xml)"),
    })
}

/// A term for the table view: IRIs shortened with the usual prefixes, literals as their value.
fn short_term(t: &oxigraph::model::Term) -> String {
    use crate::ontology::vocab;
    match t {
        oxigraph::model::Term::NamedNode(n) => {
            let s = n.as_str();
            for (prefix, ns) in [("kg:", vocab::KG), ("rel:", vocab::REL), ("rdfs:", vocab::RDFS), ("rdf:", vocab::RDF), ("wd:", vocab::WD)] {
                if let Some(local) = s.strip_prefix(ns) {
                    return format!("{prefix}{local}");
                }
            }
            format!("<{s}>")
        }
        oxigraph::model::Term::Literal(l) => l.value().to_owned(),
        other => other.to_string(),
    }
}

fn write_table(out: &mut dyn Write, header: &[String], rows: &[Vec<String>]) -> Result<()> {
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

fn export_cmd(
    format: Option<&str>,
    output: Option<&Path>,
    select: &SelectArgs,
    construct: Option<&Path>,
    with_ontology: bool,
    store_args: &StoreArgs,
) -> Result<()> {
    let format = match (format, output) {
        (Some(f), _) => ExportFormat::from_name(f)?,
        (None, Some(o)) => {
            let ext = o.extension().and_then(|e| e.to_str()).unwrap_or("");
            ExportFormat::from_extension(ext).with_context(|| format!("{}: cannot tell the format from the extension", o.display()))?
        }
        (None, None) => bail!("give --format or an -o file with a known extension"),
    };
    let store = open_read(store_args)?;
    let mut bytes = Vec::new();
    if let Some(q) = construct {
        let query = std::fs::read_to_string(q).with_context(|| format!("{}", q.display()))?;
        let results = store.query(&query).with_context(|| format!("{}", q.display()))?;
        if !matches!(results, QueryResults::Graph(_)) {
            bail!("{}: --construct needs a CONSTRUCT or DESCRIBE query", q.display());
        }
        let name = rdf_format(format).map(|_| format.name()).with_context(|| "--construct exports RDF formats only (ttl, nt, rdfxml, jsonld)")?;
        write_results(results, name, &store, &mut bytes)?;
    } else if let Some(rdf) = rdf_format(format) {
        store.dump(rdf, with_ontology, &mut bytes)?;
    } else {
        let data = read::read_graph(&store)?;
        let mut graph = KnowledgeGraph::from_facts(&data.entities, &data.facts);
        if let Some(focus) = &select.focus {
            graph = graph.focus(focus, select.depth).with_context(|| format!("--focus {focus:?}"))?;
        }
        graph = graph.filter(&select.predicate, select.min_degree, select.max_nodes);
        match format {
            ExportFormat::Dot | ExportFormat::Svg | ExportFormat::Png => {
                export::write_dot(&graph, &mut bytes)?;
                if format != ExportFormat::Dot {
                    bytes = export::render_with_graphviz(&bytes, format.extension())?;
                }
            }
            ExportFormat::GraphMl => export::write_graphml(&graph, &mut bytes)?,
            ExportFormat::Json => export::write_json(&graph, &mut bytes)?,
            ExportFormat::Csv => {
                let (mut nodes, mut edges) = (Vec::new(), Vec::new());
                export::write_csv(&graph, &mut nodes, &mut edges)?;
                return write_csv_pair(output, &nodes, &edges);
            }
            _ => unreachable!("RDF formats handled above"),
        }
    }
    match output {
        Some(path) => write_file(path, &bytes),
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            lock.write_all(&bytes)?;
            lock.flush()?;
            Ok(())
        }
    }
}

fn write_csv_pair(output: Option<&Path>, nodes: &[u8], edges: &[u8]) -> Result<()> {
    match output {
        Some(path) => {
            let stem = path.with_extension("");
            let nodes_path = PathBuf::from(format!("{}_nodes.csv", stem.display()));
            let edges_path = PathBuf::from(format!("{}_edges.csv", stem.display()));
            write_file(&nodes_path, nodes)?;
            write_file(&edges_path, edges)?;
            eprintln!("wrote {} and {}", nodes_path.display(), edges_path.display());
            Ok(())
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(nodes)?;
            out.write_all(b"\n")?;
            out.write_all(edges)?;
            Ok(())
        }
    }
}

fn rdf_format(format: ExportFormat) -> Option<RdfFormat> {
    Some(match format {
        ExportFormat::Turtle => RdfFormat::Turtle,
        ExportFormat::NTriples => RdfFormat::NTriples,
        ExportFormat::NQuads => RdfFormat::NQuads,
        ExportFormat::TriG => RdfFormat::TriG,
        ExportFormat::RdfXml => RdfFormat::RdfXml,
        ExportFormat::JsonLd => RdfFormat::JsonLd { profile: Default::default() },
        _ => return None,
    })
}

fn stats(documents: bool, json: bool, store_args: &StoreArgs) -> Result<()> {
    let store = open_read(store_args)?;
    let stats = store.stats()?;
    let data = read::read_graph(&store)?;
    let graph = KnowledgeGraph::from_facts(&data.entities, &data.facts);
    if json {
        let value = serde_json::json!({
            "store": stats,
            "graph": { "nodes": graph.node_count(), "edges": graph.edge_count() },
            "documents": if documents { serde_json::to_value(&data.documents)? } else { serde_json::Value::Null },
        });
        println!("{}", serde_json::to_string_pretty(&value)?);
        return Ok(());
    }
    println!("documents      {}", stats.documents);
    println!("entities       {}", stats.entities);
    println!("facts          {} ({} plain, {} negated or hedged)", stats.facts, stats.plain_facts, stats.facts - stats.plain_facts);
    println!("triples        {} (data graphs, distinct)", stats.triples);
    println!("ontology       {} triples", stats.ontology_triples);
    println!("graph nodes    {}", graph.node_count());
    println!("graph edges    {}", graph.edge_count());
    if documents {
        for d in &data.documents {
            println!("{}  {}  {}", d.id, d.source, d.title.as_deref().unwrap_or(""));
        }
    }
    Ok(())
}

fn entities(kind: Option<&str>, explain: bool, store_args: &StoreArgs) -> Result<()> {
    let store = open_read(store_args)?;
    let data = read::read_graph(&store)?;
    let wanted = match kind {
        Some(k) => Some(
            crate::document::EntityType::from_class_name(k)
                .with_context(|| format!("unknown type {k:?}; known: {}", type_names()))?,
        ),
        None => None,
    };
    for e in data.entities.iter().filter(|e| wanted.is_none_or(|w| e.kind == w)) {
        let wd = e.wikidata.as_deref().map(|q| format!("  wd:{q}")).unwrap_or_default();
        let aliases = if e.aliases.is_empty() { String::new() } else { format!("  aka {}", e.aliases.join(" | ")) };
        println!("{}\t{}\t{}{}{}", e.label, e.kind.class_name(), e.id, wd, aliases);
        if explain {
            let notes: Vec<&String> = data
                .facts
                .iter()
                .filter(|f| f.subject == e.id || matches!(&f.object, FactObject::Entity(o) if *o == e.id))
                .flat_map(|f| f.notes.iter().filter(|n| n.contains(&e.id) || n.starts_with("resolve")))
                .collect();
            let mut notes: Vec<&String> = notes.into_iter().collect();
            notes.sort();
            notes.dedup();
            let mut merges: Vec<String> = e.merges.iter().map(|m| format!("merged {:?} by rule {}", m.alias, m.rule)).collect();
            merges.sort();
            for m in merges {
                println!("    {m}");
            }
            for alias in e.aliases.iter().filter(|a| !e.merges.iter().any(|m| &m.alias == *a)) {
                println!("    alias {alias:?}");
            }
            for n in notes {
                println!("    {n}");
            }
        }
    }
    Ok(())
}

fn type_names() -> String {
    crate::document::EntityType::ALL.iter().map(|t| t.class_name()).collect::<Vec<_>>().join(", ")
}

fn matches_entity(e: &Entity, q: &str) -> bool {
    e.id.eq_ignore_ascii_case(q) || e.label.eq_ignore_ascii_case(q) || e.aliases.iter().any(|a| a.eq_ignore_ascii_case(q))
}

fn why(subject: &str, predicate: Option<&str>, object: Option<&str>, store_args: &StoreArgs) -> Result<()> {
    let store = open_read(store_args)?;
    let data = read::read_graph(&store)?;
    let by_id: HashMap<&str, &Entity> = data.entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let sources: HashMap<&str, &str> = data.documents.iter().map(|d| (d.id.as_str(), d.source.as_str())).collect();
    let label = |id: &str| by_id.get(id).map_or(id.to_owned(), |e| e.label.clone());
    let subject_ok = |f: &Fact| by_id.get(f.subject.as_str()).is_some_and(|e| matches_entity(e, subject)) || f.subject.eq_ignore_ascii_case(subject);
    let pred_ok = |f: &Fact| {
        predicate.is_none_or(|p| {
            let p = p.to_lowercase();
            f.predicate.name.to_lowercase() == p || f.predicate.label.to_lowercase() == p || f.predicate.surface.to_lowercase().contains(&p) || f.predicate.label.to_lowercase().contains(&p)
        })
    };
    let object_ok = |f: &Fact| {
        object.is_none_or(|o| match &f.object {
            FactObject::Entity(id) => by_id.get(id.as_str()).is_some_and(|e| matches_entity(e, o)) || id.eq_ignore_ascii_case(o),
            FactObject::Literal(l) => l.value.eq_ignore_ascii_case(o),
        })
    };
    let mut found = 0;
    for f in data.facts.iter().filter(|f| subject_ok(f) && pred_ok(f) && object_ok(f)) {
        found += 1;
        let object = match &f.object {
            FactObject::Entity(id) => label(id),
            FactObject::Literal(l) => format!("{:?}", l.value),
        };
        let p = &f.provenance;
        let mut flags = Vec::new();
        if f.negated {
            flags.push("NEGATED".to_owned());
        }
        if f.modality != crate::document::Modality::Asserted {
            flags.push(f.modality.as_str().to_uppercase());
        }
        if let Some(a) = &f.attribution {
            flags.push(format!("according to {a}"));
        }
        println!("{} —{}→ {}{}", label(&f.subject), f.predicate.label, object, if flags.is_empty() { String::new() } else { format!("  [{}]", flags.join(", ")) });
        println!("  predicate  {} (surface: {:?}{})", f.predicate.iri, f.predicate.surface, if f.predicate.normalized { "" } else { ", open relation" });
        for q in &f.qualifiers {
            println!("  {:<10} {}", q.key, q.value);
        }
        println!("  evidence   {:?}", p.evidence);
        println!(
            "  source     {} (doc {}, paragraph {}, sentence {}, chars {}..{})",
            sources.get(p.doc.as_str()).copied().unwrap_or("?"),
            p.doc,
            p.paragraph,
            p.sentence + 1,
            p.span.char.start,
            p.span.char.end
        );
        println!("  extractor  {} confidence {:.3}", p.extractor, p.confidence);
        for n in &f.notes {
            println!("  note       {n}");
        }
        println!();
    }
    if found == 0 {
        bail!("no fact matches subject {subject:?}{}{}", predicate.map(|p| format!(" predicate {p:?}")).unwrap_or_default(), object.map(|o| format!(" object {o:?}")).unwrap_or_default());
    }
    Ok(())
}

fn load_graph(store_args: &StoreArgs) -> Result<KnowledgeGraph> {
    let store = open_read(store_args)?;
    let data = read::read_graph(&store)?;
    Ok(KnowledgeGraph::from_facts(&data.entities, &data.facts))
}

fn path(from: &str, to: &str, store_args: &StoreArgs) -> Result<()> {
    let graph = load_graph(store_args)?;
    let steps = graph.shortest_path(from, to)?;
    match steps {
        None => bail!("no path between {from:?} and {to:?}"),
        Some(steps) => {
            for line in steps {
                println!("{line}");
            }
            Ok(())
        }
    }
}

fn rank(degree: bool, top: usize, components: bool, store_args: &StoreArgs) -> Result<()> {
    let graph = load_graph(store_args)?;
    if components {
        for (i, c) in graph.components().iter().enumerate() {
            println!("component {} ({} entities): {}", i + 1, c.len(), c.join(", "));
        }
        return Ok(());
    }
    let ranking = if degree { graph.degree_ranking() } else { graph.pagerank(0.85, 50) };
    for (label, score) in ranking.into_iter().take(top) {
        println!("{score:>10.4}  {label}");
    }
    Ok(())
}

fn ontology_cmd(dirs: &[PathBuf]) -> Result<()> {
    let ontology = if dirs.is_empty() { crate::ontology::Ontology::embedded() } else { crate::ontology::Ontology::load(dirs)? };
    let mut out = std::io::stdout().lock();
    ontology.describe(&mut out)?;
    Ok(())
}

fn train(what: TrainCommand) -> Result<()> {
    let mut log = std::io::stderr();
    match what {
        TrainCommand::Ud { corpus, out, seed } => crate::nlp::train::train_ud(&corpus, &out, seed, &mut log)?,
        TrainCommand::Ner { corpus, out, seed } => {
            let train = corpus.join("en_ewt-ud-train.v0-normalized.iob2");
            let dev = corpus.join("en_ewt-ud-dev.iob2");
            crate::nlp::ner::train_ner(&train, &dev, &out, seed, &mut log)?;
        }
        TrainCommand::Sentences { corpus, out, seed } => {
            crate::text::boundary::train_files(&corpus, &out, seed, &mut log)?;
        }
        TrainCommand::Gazetteer { source, out } => {
            let n = crate::nlp::gazetteer::compile_gazetteer(&source, &out.join("gazetteer.bin"))?;
            eprintln!("compiled {n} gazetteer entries into {}", out.join("gazetteer.bin").display());
        }
    }
    Ok(())
}

fn eval(what: EvalCommand) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match what {
        EvalCommand::Ud { gold } => crate::nlp::eval::eval_ud(&gold, &mut out)?,
        EvalCommand::Ner { gold } => {
            crate::nlp::ner::eval_ner(&gold, &mut out)?;
        }
        EvalCommand::Carb { gold, sentences } => {
            let analyzer = crate::nlp::Analyzer::embedded()?;
            crate::extract::carb::eval_carb_with(&gold, &sentences, &mut out, &mut |s| analyzer.analyze(s))?
        }
    }
    Ok(())
}

fn bench(input: &Path, max_words: usize) -> Result<()> {
    let raw = std::fs::read_to_string(input).with_context(|| format!("{}", input.display()))?;
    let texts: Vec<String> = if input.extension().is_some_and(|e| e == "jsonl") {
        raw.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
            .collect()
    } else {
        vec![raw]
    };
    let pipeline = Pipeline::new(PipelineOptions::default())?;
    let mut words = 0usize;
    let mut chosen = Vec::new();
    for t in texts {
        if words >= max_words {
            break;
        }
        words += t.split_whitespace().count();
        chosen.push(t);
    }
    // Stage by stage, one core: analysis (tokenize, tag, lemmatize, parse, NER), then the full pipeline.
    let started = Instant::now();
    let mut tokens = 0usize;
    for t in &chosen {
        let (doc, _) = pipeline.analyze(SourceText::from_string("bench", t.clone()));
        tokens += doc.sentences.iter().map(|s| s.tokens.len()).sum::<usize>();
    }
    let analyze = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let mut facts = 0usize;
    let mut times = crate::pipeline::StageTimes::default();
    for t in &chosen {
        facts += pipeline.process_timed(SourceText::from_string("bench", t.clone()), &mut times).facts.len();
    }
    let full = started.elapsed().as_secs_f64();
    for (stage, secs) in [
        ("text", times.text),
        ("nlp", times.nlp),
        ("ner", times.ner),
        ("extract", times.extract),
        ("resolve", times.resolve),
        ("ontology", times.ontology),
    ] {
        println!("Stage-{stage}-words/s {:.0}", words as f64 / secs.max(1e-9));
    }
    println!("Documents {}", chosen.len());
    println!("Words {words}");
    println!("Tokens {tokens}");
    println!("Facts {facts}");
    println!("Analyze-words/s {:.0}", words as f64 / analyze);
    println!("Pipeline-words/s {:.0}", words as f64 / full);
    Ok(())
}

/// `kgraph serve`: read-only (shared lock) unless `--writable` (exclusive lock, token required).
#[allow(clippy::too_many_arguments)]
fn serve_cmd(
    bind: String,
    writable: bool,
    token: Option<String>,
    timeout: f64,
    cors: Option<String>,
    max_body: usize,
    threads: usize,
    store_args: &StoreArgs,
) -> Result<()> {
    use crate::server::{ServeOptions, ServiceConfig};
    if writable && token.as_deref().is_none_or(str::is_empty) {
        bail!("--writable needs a bearer token: pass --token T or set KGRAPH_TOKEN");
    }
    if !(timeout.is_finite() && timeout > 0.0) {
        bail!("--timeout must be a positive number of seconds");
    }
    let store = if writable { open_write(store_args)? } else { open_read(store_args)? };
    let service = ServiceConfig {
        writable,
        token: if writable { token } else { None },
        timeout: std::time::Duration::from_secs_f64(timeout),
        cors,
        max_body,
    };
    crate::server::serve(store, ServeOptions { bind, threads, service })?;
    Ok(())
}

/// `kgraph push URL`: every named graph to a remote Graph Store.
fn push_cmd(
    url: String,
    auth: Option<String>,
    token: Option<String>,
    sparql: Option<String>,
    prune: bool,
    dry_run: bool,
    store_args: &StoreArgs,
) -> Result<()> {
    use crate::server::{PushAuth, PushOptions};
    let auth = match (auth, token) {
        (Some(a), _) if !a.contains(':') => bail!("--auth takes USER:PASS"),
        (Some(a), _) => Some(PushAuth::Basic(a)),
        (None, Some(t)) => Some(PushAuth::Bearer(t)),
        (None, None) => None,
    };
    let store = open_read(store_args)?;
    let options = PushOptions { url, sparql, auth, dry_run, prune };
    crate::server::push(&store, &options, &mut std::io::stderr())?;
    Ok(())
}
