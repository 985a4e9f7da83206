//! `kgraph train all` (`make models`): retrains every shipped model into one directory by running
//! the per-model `kgraph train …` commands, each with the options that made the shipped file.
//!
//! Order: a model comes before the models trained with it. Those later steps read the models
//! compiled into this binary, not the files an earlier step just wrote: the word clusters segment
//! their text with the embedded sentence model, the NER model looks names up in the embedded
//! gazetteer and tags its dev sentences with the embedded tagger, coreference analyses GUM with
//! the embedded tagger, parser and NER. So after the run every written file is compared (payload,
//! i.e. without the provenance block) with the embedded one; when one differs, the later steps
//! used the old one, and the run says so: copy the new files to `models/`, rebuild and run again.

use super::args::TrainCommand;
use anyhow::{Context, Result};
use std::path::Path;
use std::time::Instant;

/// One step of the run: a name, the files it writes and the command that writes them.
pub(super) struct Step {
    pub name: &'static str,
    pub files: &'static [&'static str],
    pub command: TrainCommand,
}

/// The steps in dependency order, with the options of the commands recorded in the shipped files.
pub(super) fn steps(shared: &Path, out: &Path, seed: u64) -> Vec<Step> {
    let corpora = shared.join("corpora");
    let out = out.to_owned();
    vec![
        Step {
            name: "gazetteer",
            files: &["gazetteer.bin"],
            command: TrainCommand::Gazetteer { source: shared.join("gazetteers"), out: out.clone() },
        },
        Step {
            name: "sentence boundaries",
            files: &["sentences.bin"],
            command: TrainCommand::Sentences { corpus: corpora.clone(), out: out.clone(), seed },
        },
        Step {
            name: "word clusters",
            files: &["word-clusters.bin"],
            command: TrainCommand::Clusters {
                text: vec![corpora.join("news/wikinews-2019-2020.jsonl")],
                conllu: vec![corpora.join("ud-english-ewt/en_ewt-ud-train.conllu"), corpora.join("gum/gum-train.conllu")],
                classes: 256,
                min_count: 2,
                out: out.clone(),
            },
        },
        Step {
            name: "tagger and parser",
            files: &["ud-tagger.bin", "ud-parser.bin"],
            command: TrainCommand::Ud {
                corpus: corpora.join("ud-english-ewt"),
                gum: corpora.join("gum"),
                clusters: out.join("word-clusters.bin"),
                tagger: None,
                out: out.clone(),
                seed,
            },
        },
        Step {
            name: "named entities",
            files: &["ner.bin"],
            command: TrainCommand::Ner {
                corpus: corpora.join("uner-english-ewt"),
                gum: corpora.join("gum"),
                clusters: out.join("word-clusters.bin"),
                tags: None,
                no_refit: false,
                viterbi: false,
                out: out.clone(),
                seed,
            },
        },
        Step {
            name: "coreference",
            files: &["coref.bin"],
            command: TrainCommand::Coref {
                corpus: corpora.join("gum"),
                out,
                seed,
                false_new: 3.0,
                false_link: 0.1,
                wrong_link: 1.0,
                max_epochs: 10,
                no_speakers: false,
                cross_validate: None,
            },
        },
    ]
}

/// The model file compiled into this binary under a `models/` file name.
fn embedded(file: &str) -> Option<&'static [u8]> {
    Some(match file {
        "gazetteer.bin" => crate::nlp::gazetteer::EMBEDDED_BYTES,
        "sentences.bin" => crate::text::boundary::shipped_bytes(),
        "word-clusters.bin" => crate::nlp::clusters::EMBEDDED_BYTES,
        "ud-tagger.bin" => crate::nlp::TAGGER_BYTES,
        "ud-parser.bin" => crate::nlp::PARSER_BYTES,
        "ner.bin" => crate::nlp::ner::MODEL_BYTES,
        "coref.bin" => crate::nlp::coref::MODEL_BYTES,
        _ => return None,
    })
}

/// Whether `written` holds the same model as the embedded file of that name (provenance aside).
pub(super) fn same_as_embedded(file: &str, written: &[u8]) -> Result<bool> {
    let Some(shipped) = embedded(file) else { return Ok(false) };
    let payload = |b| crate::nlp::model_file::payload_of(file, b);
    Ok(payload(written)? == payload(shipped)?)
}

/// Runs every step, prints its time, then compares each written file with the embedded model.
pub(super) fn train_all(shared: &Path, out: &Path, seed: u64) -> Result<()> {
    let started = Instant::now();
    let steps = steps(shared, out, seed);
    let mut times = Vec::with_capacity(steps.len());
    for (i, step) in steps.iter().enumerate() {
        eprintln!("== train all: step {}/{}: {} ({})", i + 1, steps.len(), step.name, super::train_eval::recorded_command(&step.command).unwrap_or_default());
        let t = Instant::now();
        super::train_eval::train(step.command.clone()).with_context(|| format!("train all: step {}", step.name))?;
        let secs = t.elapsed().as_secs_f64();
        eprintln!("== train all: {} done in {secs:.1} s", step.name);
        times.push(secs);
    }
    let mut changed = Vec::new();
    for (step, secs) in steps.iter().zip(&times) {
        println!("step {:<20} {secs:>8.1} s", step.name);
        for file in step.files {
            let path = out.join(file);
            let written = std::fs::read(&path).with_context(|| format!("{}", path.display()))?;
            let same = same_as_embedded(file, &written)?;
            println!("  {file:<18} {}", if same { "same model as the embedded one" } else { "DIFFERS from the embedded one" });
            if !same {
                changed.push(*file);
            }
        }
    }
    println!("total {:.1} s", started.elapsed().as_secs_f64());
    if !changed.is_empty() {
        let install = if out == Path::new("models") { String::new() } else { format!("copy {} to models/, ", out.display()) };
        println!("changed: {}; later steps used the embedded versions: {install}rebuild and run again until nothing changes", changed.join(", "));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).to_owned()
    }

    /// `train all --shared ../shared --out models` reruns each shipped model with exactly the
    /// command recorded in its provenance block, and every shipped file is made by one step.
    #[test]
    fn steps_rerun_the_commands_recorded_in_the_shipped_models() {
        let steps = steps(Path::new("../shared"), Path::new("models"), 1);
        let mut files: Vec<&str> = steps.iter().flat_map(|s| s.files.iter().copied()).collect();
        for step in &steps {
            let command = super::super::train_eval::recorded_command(&step.command).expect("every step writes a model");
            for file in step.files {
                let bytes = std::fs::read(repo().join("models").join(file)).unwrap();
                let prov = crate::nlp::model_file::provenance_of(file, &bytes).unwrap().unwrap_or_else(|| panic!("{file}: no provenance block"));
                assert_eq!(prov.command, command, "{file}");
            }
        }
        files.sort_unstable();
        let mut shipped: Vec<String> = std::fs::read_dir(repo().join("models"))
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".bin"))
            .collect();
        shipped.sort_unstable();
        assert_eq!(files, shipped);
    }

    /// A model is trained before the models that read it (the embedded ones they use are then
    /// the ones an earlier `make models` wrote).
    #[test]
    fn steps_come_in_dependency_order() {
        let names: Vec<&str> = steps(Path::new("s"), Path::new("o"), 1).iter().map(|s| s.name).collect();
        let at = |n: &str| names.iter().position(|x| *x == n).unwrap();
        assert!(at("sentence boundaries") < at("word clusters"), "the clusters' text is segmented by the sentence model");
        assert!(at("word clusters") < at("tagger and parser"));
        assert!(at("tagger and parser") < at("named entities") && at("gazetteer") < at("named entities"));
        assert!(at("named entities") < at("coreference"));
    }

    #[test]
    fn embedded_models_compare_by_payload() {
        let shipped = embedded("ner.bin").unwrap();
        assert!(same_as_embedded("ner.bin", shipped).unwrap());
        let payload = crate::nlp::model_file::payload_of("ner.bin", shipped).unwrap();
        let prov = crate::nlp::model_file::Provenance { command: "kgraph train ner --seed 9".into(), ..Default::default() };
        let magic: [u8; 8] = shipped[..8].try_into().unwrap();
        let version = u32::from_le_bytes(shipped[8..12].try_into().unwrap());
        let rewrapped = crate::nlp::model_file::wrap_with_provenance(&magic, version, Some(&prov), payload);
        assert!(same_as_embedded("ner.bin", &rewrapped).unwrap(), "a different block, the same model");
        let mut other = shipped.to_vec();
        *other.last_mut().unwrap() ^= 1;
        assert!(!same_as_embedded("ner.bin", &other).unwrap(), "must give nothing: a changed byte is another model");
        assert!(!same_as_embedded("unknown.bin", shipped).unwrap());
        assert!(same_as_embedded("ner.bin", b"KG").is_err());
    }
}
