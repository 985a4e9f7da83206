//! `kgraph extract`: the facts of documents, without a store — TSV or JSON lines (one fact a
//! line, the columns outside scorers read), CaRB system lines, or Turtle.

use super::args::{ExtractArgs, ExtractFormat};
use super::pipeline;
use crate::document::{Entity, FactObject};
use crate::export::ExportFormat;
use crate::kb::{DEFAULT_BASE, ExportOptions, KnowledgeBase};
use crate::pipeline::{Inputs, ProcessedDocument};
use anyhow::Result;
use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

pub(super) const TSV_HEADER: &str = "subject\tpredicate\tobject\tconfidence\tdoc\tparagraph\tsentence\tstart\tend\tnegated\tmodality\tattribution\tsurface\tproperty\tevidence";

pub(super) fn extract(paths: &[PathBuf], format: ExtractFormat, base: &str, extract: &ExtractArgs) -> Result<()> {
    let inputs = Inputs::from_paths(paths)?;
    let pipeline = pipeline(extract)?;
    let max_bytes = extract.max_file_mb * 1024 * 1024;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if format == ExtractFormat::Carb {
        for source in inputs.read(max_bytes) {
            let text = source?.text;
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                for row in pipeline.carb_lines(line) {
                    writeln!(out, "{row}")?;
                }
            }
        }
        out.flush()?;
        return Ok(());
    }
    if format == ExtractFormat::Tsv {
        // the hidden --confidence-features adds a last column (what the confidence model is trained on)
        let features = if extract.confidence_features { "\tfeatures" } else { "" };
        writeln!(out, "{TSV_HEADER}{features}")?;
    }
    let kb = if format == ExtractFormat::Ttl { Some(KnowledgeBase::in_memory(DEFAULT_BASE)?) } else { None };
    for source in inputs.read(max_bytes) {
        let doc = pipeline.process(source?);
        match format {
            ExtractFormat::Tsv => write_tsv(&mut out, &doc)?,
            ExtractFormat::Jsonl => write_jsonl(&mut out, &doc)?,
            ExtractFormat::Nquads => super::stream::write_nquads(&mut out, base, &doc, pipeline.ontology())?,
            ExtractFormat::Ttl => {
                if let Some(kb) = &kb {
                    kb.load(&doc)?;
                }
            }
            ExtractFormat::Carb => unreachable!("handled above"),
        }
    }
    if let Some(kb) = kb {
        kb.export(ExportFormat::Turtle, &ExportOptions::default(), &mut out)?;
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
    crate::guard::text::tsv_field(s).into_owned()
}

pub(super) fn write_tsv(out: &mut dyn Write, doc: &ProcessedDocument) -> Result<()> {
    let labels = labels_of(&doc.entities);
    for f in &doc.facts {
        let p = &f.provenance;
        write!(
            out,
            "{}\t{}\t{}\t{:.3}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            clean(labels.get(f.subject.as_str()).copied().unwrap_or(&f.subject)),
            clean(&f.predicate.label),
            clean(f.object_text.as_deref().unwrap_or(&object_label(&f.object, &labels))),
            p.confidence,
            clean(&doc.document.source),
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
        if let Some(features) = f.notes.iter().find_map(|n| n.strip_prefix(crate::confidence::FEATURES_NOTE)) {
            write!(out, "\t{}", clean(features))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

pub(super) fn write_jsonl(out: &mut dyn Write, doc: &ProcessedDocument) -> Result<()> {
    let labels = labels_of(&doc.entities);
    for f in &doc.facts {
        let row = serde_json::json!({
            "subject": labels.get(f.subject.as_str()).copied().unwrap_or(&f.subject),
            "object": object_label(&f.object, &labels),
            "fact": f,
        });
        writeln!(out, "{row}")?;
    }
    Ok(())
}
