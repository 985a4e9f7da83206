//! The front door: text in, facts out.
//!
//! [`Pipeline`] runs every stage in order — `text` (sentences, tokens) → `nlp` (tags, lemmas,
//! dependency trees, named entities) → `extract` (open triples) → `resolve` (who is who) →
//! `ontology` (normalised predicates, typed literals) — and returns a [`ProcessedDocument`] that
//! the store loads in one transaction. [`Inputs`] are the documents to process: files,
//! directories, standard input or texts in memory. The store side of the front door is
//! [`crate::kb::KnowledgeBase`]; the CLI is a thin layer over the two.
//!
//! ```no_run
//! use kgraph::pipeline::{Pipeline, PipelineOptions};
//! use kgraph::source::SourceText;
//! let pipeline = Pipeline::new(PipelineOptions::default())?;
//! let doc = pipeline.process(SourceText::from_string("-", "Colombia restarted pesticide spraying."));
//! for fact in &doc.facts {
//!     println!("{} {} {:?}", fact.subject, fact.predicate.label, fact.object);
//! }
//! # Ok::<(), kgraph::pipeline::PipelineError>(())
//! ```

use crate::document::{Document, Entity, EntityId, Fact, Mention, OpenTriple, Provenance, ResolvedTriple, Sentence};
use crate::extract::{Extractor, carb};
use crate::nlp::Analyzer;
use crate::nlp::ModelError;
use crate::nlp::ner::Recognizer;
use crate::ontology::{NormalizedFact, Ontology, OntologyError};
use crate::corpus::IdentityMinter;
use crate::resolve::Resolver;
use crate::source;
pub use crate::source::{DEFAULT_MAX_BYTES, SourceError, SourceText};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;

/// Errors that stop the pipeline from starting (model or ontology loading).
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("model: {0}")]
    Model(#[from] ModelError),
    #[error("ontology: {0}")]
    Ontology(#[from] OntologyError),
}

/// The built-in ontology, plus the `*.ttl` and `lexicon*.tsv` files of `dirs` when given (the
/// ontology [`Pipeline::new`] uses).
pub fn load_ontology(dirs: &[PathBuf]) -> Result<Ontology, OntologyError> {
    if dirs.is_empty() { Ok(Ontology::embedded()) } else { Ontology::load(dirs) }
}

/// Document metadata key: how many sentences longer than
/// [`MAX_SENTENCE_TOKENS`](crate::text::MAX_SENTENCE_TOKENS) tokens were cut into pieces.
pub const LONG_SENTENCES_CUT: &str = "long_sentences_cut";

/// The documents to process, in order: files (directories expanded, recursively and sorted),
/// standard input (`-`), or texts already in memory.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    items: Vec<Input>,
}

/// One document to process.
#[derive(Debug, Clone)]
pub(crate) enum Input {
    Path(PathBuf),
    Text(SourceText),
}

impl Input {
    /// The documents of this input: a file is read and validated (at most `max_bytes` per
    /// document); a `.jsonl` file gives one result per line.
    pub(crate) fn read(self, max_bytes: u64) -> Vec<Result<SourceText, SourceError>> {
        match self {
            Input::Path(path) => source::read_sources(&path, max_bytes),
            Input::Text(text) => vec![Ok(text)],
        }
    }
}

impl Inputs {
    /// Files and directories (`.txt`, `.md`, `.html`, `.jsonl` inside, recursively) and `-` for
    /// standard input. A missing path or a directory without text files is an error naming it; the files
    /// themselves are read later, one error per bad file.
    pub fn from_paths(paths: &[PathBuf]) -> Result<Inputs, SourceError> {
        Ok(Inputs { items: source::collect_paths(paths)?.into_iter().map(Input::Path).collect() })
    }

    /// Texts already in memory.
    pub fn from_texts(texts: impl IntoIterator<Item = SourceText>) -> Inputs {
        Inputs { items: texts.into_iter().map(Input::Text).collect() }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The inputs' size in bytes (files as they are on disk, texts in memory); `None` when a
    /// file's size cannot be read (standard input, a path gone since it was listed).
    pub fn total_bytes(&self) -> Option<u64> {
        self.items
            .iter()
            .map(|i| match i {
                Input::Path(path) => std::fs::metadata(path).ok().filter(std::fs::Metadata::is_file).map(|m| m.len()),
                Input::Text(text) => Some(text.text.len() as u64),
            })
            .sum()
    }

    /// Reads the inputs one after the other (documents of at most `max_bytes`), one result per
    /// document: a `.jsonl` file gives one per line.
    pub fn read(self, max_bytes: u64) -> impl Iterator<Item = Result<SourceText, SourceError>> {
        self.items.into_iter().flat_map(move |i| i.read(max_bytes))
    }

    pub(crate) fn into_items(self) -> Vec<Input> {
        self.items
    }
}

/// Options for [`Pipeline::new`].
#[derive(Debug, Clone, Default)]
pub struct PipelineOptions {
    /// Extra ontology directories (`*.ttl`, `lexicon*.tsv`) on top of the built-in ontology.
    pub ontology_dirs: Vec<PathBuf>,
    /// Keep only facts whose predicate maps to an ontology property.
    pub strict: bool,
    /// Keep only facts whose learned confidence is at least this; `None` is
    /// [`DEFAULT_MIN_CONFIDENCE`](crate::confidence::DEFAULT_MIN_CONFIDENCE).
    pub min_confidence: Option<f32>,
    /// Add each fact's confidence features to its notes (`confidence-features: name=value …`),
    /// for training the confidence model (`scripts/train_confidence.py`).
    pub confidence_features: bool,
}

/// A document after every stage, ready for the store.
#[derive(Debug, Clone)]
pub struct ProcessedDocument {
    pub document: Document,
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    pub facts: Vec<Fact>,
    /// Open triples extracted before resolution (for statistics).
    pub open_triples: usize,
}

/// Seconds spent per stage (for `kgraph bench`).
#[derive(Debug, Clone, Default)]
pub struct StageTimes {
    pub text: f64,
    pub nlp: f64,
    pub ner: f64,
    /// Extraction and, beside it, the coreference model's chains.
    pub extract: f64,
    pub resolve: f64,
    pub ontology: f64,
}

/// Every stage, loaded once; `process` is thread-safe.
pub struct Pipeline {
    analyzer: &'static Analyzer,
    recognizer: &'static Recognizer,
    extractor: Extractor,
    resolver: &'static Resolver,
    ontology: Ontology,
    strict: bool,
    min_confidence: f32,
    confidence_features: bool,
}

impl Pipeline {
    pub fn new(options: PipelineOptions) -> Result<Pipeline, PipelineError> {
        // The models are independent: each loads on a thread of its own while the ontology is
        // read here (start-up is a fixed cost of every command; the coreference model, which
        // resolution asks for later, is loaded now too).
        let (analyzer, recognizer, resolver, ontology) = std::thread::scope(|s| {
            let analyzer = s.spawn(Analyzer::embedded);
            let recognizer = s.spawn(Recognizer::embedded);
            let resolver = s.spawn(Resolver::embedded);
            let coref = s.spawn(|| crate::nlp::coref::Coref::embedded().map(drop));
            let ontology = load_ontology(&options.ontology_dirs);
            let _ = joined(coref);
            (joined(analyzer), joined(recognizer), joined(resolver), ontology)
        });
        let ontology = ontology?;
        Ok(Pipeline {
            analyzer: analyzer?,
            recognizer: recognizer?,
            extractor: Extractor::new(),
            resolver,
            ontology,
            strict: options.strict,
            min_confidence: options.min_confidence.unwrap_or(crate::confidence::DEFAULT_MIN_CONFIDENCE),
            confidence_features: options.confidence_features,
        })
    }

    pub fn ontology(&self) -> &Ontology {
        &self.ontology
    }

    pub fn analyzer(&self) -> &'static Analyzer {
        self.analyzer
    }

    pub fn extractor(&self) -> &Extractor {
        &self.extractor
    }

    /// CaRB system lines for one pre-tokenized sentence (`kgraph extract --format carb`): the
    /// sentence is analysed as given, and the arguments print its input tokens.
    pub fn carb_lines(&self, line: &str) -> Vec<String> {
        let mut sentence = carb::carb_sentence(line);
        self.analyzer.analyze(&mut sentence);
        carb::carb_lines(&self.extractor, &sentence, line)
    }

    /// Splits and analyses a text: sentences with tags, lemmas, trees and NER labels, plus mentions.
    pub fn analyze(&self, source: SourceText) -> (Document, Vec<Mention>) {
        self.analyze_timed(source, &mut StageTimes::default())
    }

    fn analyze_timed(&self, source: SourceText, times: &mut StageTimes) -> (Document, Vec<Mention>) {
        let clock = std::time::Instant::now();
        let mut document = source.into_document();
        let (sentences, cut) = crate::text::segment_bounded(&document.text);
        document.sentences = sentences;
        if cut > 0 {
            // Said in the store (kg:metadata on the document node) and by `kgraph build`.
            document.metadata.push((LONG_SENTENCES_CUT.to_owned(), cut.to_string()));
        }
        times.text += clock.elapsed().as_secs_f64();
        let clock = std::time::Instant::now();
        // Sentences are tagged and parsed independently: a long document uses every core (in a
        // build of many documents, the pool's other tasks fill them anyway).
        document.sentences.par_iter_mut().for_each(|sentence| self.analyzer.analyze(sentence));
        times.nlp += clock.elapsed().as_secs_f64();
        // Document-level NER: a name typed once as a person stays a person everywhere.
        let clock = std::time::Instant::now();
        let mentions = self.recognizer.recognize_document(&mut document.sentences);
        times.ner += clock.elapsed().as_secs_f64();
        let clock = std::time::Instant::now();
        self.analyzer.retag_person_names(&mut document.sentences, &mentions);
        times.nlp += clock.elapsed().as_secs_f64();
        (document, mentions)
    }

    /// Runs every stage on one text.
    pub fn process(&self, source: SourceText) -> ProcessedDocument {
        self.process_timed(source, &mut StageTimes::default())
    }

    /// [`Pipeline::process`], adding the time spent in each stage to `times`.
    pub fn process_timed(&self, source: SourceText, times: &mut StageTimes) -> ProcessedDocument {
        let (document, mentions) = self.analyze_timed(source, times);
        let clock = std::time::Instant::now();
        let mentions = crate::extract::join_cut_names(&document.sentences, mentions);
        let mentions = crate::extract::join_given_names(&document.sentences, mentions);
        let mentions = crate::extract::join_of_names(&document.sentences, mentions);
        let mentions = crate::extract::join_for_names(&document.sentences, mentions);
        let mentions = crate::extract::join_and_names(&document.sentences, mentions);
        let mentions = crate::extract::join_place_led_names(&document.sentences, mentions);
        let mentions = crate::extract::join_institution_names(&document.sentences, mentions);
        let mut mentions = crate::extract::join_owner_names(&document.sentences, mentions);
        crate::extract::cut_office_titles(&document.sentences, &mut mentions);
        crate::extract::retype_titled_people(&document.sentences, &mut mentions);
        crate::extract::retype_named_settlements(&document.sentences, &mut mentions);
        crate::extract::retype_products(&document.sentences, &mut mentions);
        crate::extract::retype_described_organisations(&document.sentences, &mut mentions);
        crate::extract::retype_evident_firms(&document.sentences, &mut mentions);
        // grouped once: filtering all mentions for each sentence was quadratic in document length
        let mut by_sentence: HashMap<usize, Vec<Mention>> = HashMap::new();
        for m in &mentions {
            by_sentence.entry(m.sentence).or_default().push(m.clone());
        }
        // Sentences are extracted independently, and the coreference model's chains need only the
        // document and its mentions: both run side by side on the pool (a long document keeps
        // both cores busy; the output is the same as one after the other, in sentence order).
        let (chains, triples) = rayon::join(
            || self.resolver.chains(&document, &mentions),
            || {
                let per_sentence: Vec<Vec<OpenTriple>> = document
                    .sentences
                    .par_iter()
                    .map(|sentence| self.extractor.extract(sentence, by_sentence.get(&sentence.index).map_or(&[][..], Vec::as_slice)))
                    .collect();
                per_sentence.into_iter().flatten().collect::<Vec<_>>()
            },
        );
        let open_triples = triples.len();
        times.extract += clock.elapsed().as_secs_f64();
        let clock = std::time::Instant::now();
        let resolved = self.resolver.resolve_with(&document, &mentions, triples, chains);
        times.resolve += clock.elapsed().as_secs_f64();
        let clock = std::time::Instant::now();
        let by_id: HashMap<EntityId, Entity> = resolved.entities.iter().map(|e| (e.id.clone(), e.clone())).collect();
        let mut per_sentence: HashMap<usize, usize> = HashMap::new();
        for rt in &resolved.triples {
            *per_sentence.entry(rt.triple.sentence).or_default() += 1;
        }
        // each triple is normalised on its own (in order)
        let mut facts: Vec<Fact> = resolved
            .triples
            .par_iter()
            .filter_map(|rt| {
                let nf = self.ontology.normalize(rt, &by_id, document.date.as_deref(), self.strict)?;
                let mut fact = build_fact(&document, rt, nf);
                fact.time = fact_time(&document, rt, &fact);
                let facts_in_sentence = per_sentence.get(&rt.triple.sentence).copied().unwrap_or(1);
                self.learned_confidence(&document, rt, &by_id, facts_in_sentence, &mut fact);
                Some(fact)
            })
            .collect();
        dedupe_facts(&mut facts);
        facts.retain(|f| f.provenance.confidence >= self.min_confidence);
        let mut entities = used_entities(&resolved.entities, &facts);
        let mut mentions = resolved.mentions;
        // ids from this document alone: corpus-wide names, context-scoped institutions, local nouns
        IdentityMinter::new(Some(&self.analyzer.tags.lemmatizer)).mint(&document, &resolved.entities, &mut mentions, &mut entities, &mut facts);
        times.ontology += clock.elapsed().as_secs_f64();
        ProcessedDocument { document, mentions, entities, facts, open_triples }
    }
}

impl Pipeline {
    /// Replaces the fact's rule-based confidence by the learned model's probability (when the
    /// shipped model has weights) and, when asked, notes the features it was computed from.
    fn learned_confidence(&self, document: &Document, rt: &ResolvedTriple, by_id: &HashMap<EntityId, Entity>, facts_in_sentence: usize, fact: &mut Fact) {
        let Some(sentence) = document.sentences.get(rt.triple.sentence) else { return };
        let object_kind = match &fact.object {
            crate::document::FactObject::Entity(id) => by_id.get(id).map(|e| e.kind),
            crate::document::FactObject::Literal(_) => None,
        };
        let evidence = crate::confidence::FactEvidence {
            sentence,
            triple: &rt.triple,
            notes: &rt.notes,
            subject_kind: by_id.get(&fact.subject).map(|e| e.kind),
            object: &fact.object,
            object_kind,
            normalized: fact.predicate.normalized,
            negated: fact.negated,
            modality: fact.modality,
            attributed: fact.attribution.is_some(),
            prior: fact.provenance.confidence,
            facts_in_sentence,
        };
        let features = crate::confidence::features(&evidence);
        if let Some(model) = crate::confidence::Model::embedded().filter(|m| !m.is_empty()) {
            fact.provenance.confidence = model.probability(&features).clamp(0.0, 1.0);
        }
        if self.confidence_features {
            let list: Vec<String> = features.iter().map(|(k, v)| format!("{k}={v}")).collect();
            fact.notes.push(format!("{}{}", crate::confidence::FEATURES_NOTE, list.join(" ")));
        }
    }
}

/// The result of a scoped thread (its panic goes on in the caller).
fn joined<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Assembles the final fact: the ontology's predicate and object, the extraction's flags, and
/// provenance pointing at the evidence sentence.
fn build_fact(document: &Document, rt: &ResolvedTriple, nf: NormalizedFact) -> Fact {
    let t = &rt.triple;
    let sentence: Option<&Sentence> = document.sentences.get(t.sentence);
    let mut notes = rt.notes.clone();
    notes.extend(nf.notes);
    Fact {
        subject: nf.subject,
        predicate: nf.predicate,
        object_text: match &nf.object {
            crate::document::FactObject::Literal(_) => t.object.as_ref().map(|o| o.text.clone()),
            crate::document::FactObject::Entity(_) => None,
        },
        object: nf.object,
        qualifiers: nf.qualifiers,
        negated: t.negated,
        modality: t.modality,
        // an unresolved pronoun names no speaker (the resolver leaves it out; so does this fallback)
        attribution: rt.attribution.clone().or_else(|| t.attribution.as_ref().map(|a| a.text.clone()).filter(|a| crate::resolve::names::pronoun(a).is_none())),
        provenance: Provenance {
            doc: document.id.clone(),
            paragraph: sentence.map_or(0, |s| s.paragraph),
            sentence: t.sentence,
            span: sentence.map(|s| s.span.clone()).unwrap_or_default(),
            evidence: sentence.map(|s| s.text.clone()).unwrap_or_default(),
            extractor: format!("kgraph-oie/{}", t.rule),
            confidence: nf.confidence.clamp(0.0, 1.0),
        },
        notes,
        time: None,
    }
}

/// When the fact happened, from its date qualifier or the sentence's time expressions
/// ([`crate::ontology::time`]), resolved against the document date.
fn fact_time(document: &Document, rt: &ResolvedTriple, fact: &Fact) -> Option<crate::document::FactTime> {
    let sentence = document.sentences.get(rt.triple.sentence)?;
    let t = &rt.triple;
    let anchors: Vec<usize> = std::iter::once(t.subject.head).chain(t.object.as_ref().map(|o| o.head)).collect();
    let qualifier = fact.qualifiers.iter().find(|q| q.key == "date").and_then(|q| {
        let arg = rt.qualifiers.iter().find(|(k, _, _)| k == "date").map_or(q.value.as_str(), |(_, _, a)| a.text.as_str());
        q.literal.as_ref().map(|l| (arg, l))
    });
    crate::ontology::time::fact_time(sentence, &anchors, qualifier, document.date.as_deref())
}

/// One fact per (subject, predicate, object, flags, sentence): keeps the most confident.
fn dedupe_facts(facts: &mut Vec<Fact>) {
    let mut best: HashMap<String, usize> = HashMap::new();
    let mut keep = vec![true; facts.len()];
    for (i, f) in facts.iter().enumerate() {
        let key = format!(
            "{}\u{1}{}\u{1}{:?}\u{1}{}\u{1}{:?}\u{1}{}",
            f.subject, f.predicate.iri, f.object, f.negated, f.modality, f.provenance.sentence
        );
        match best.get(&key) {
            Some(&j) if facts[j].provenance.confidence >= f.provenance.confidence => keep[i] = false,
            Some(&j) => {
                keep[j] = false;
                best.insert(key, i);
            }
            None => {
                best.insert(key, i);
            }
        }
    }
    let mut i = 0;
    facts.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}

/// Entities that some fact refers to, sorted by id (nodes without edges are noise).
fn used_entities(entities: &[Entity], facts: &[Fact]) -> Vec<Entity> {
    use crate::document::FactObject;
    let mut used: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for f in facts {
        used.insert(&f.subject);
        if let FactObject::Entity(o) = &f.object {
            used.insert(o);
        }
    }
    let mut out: Vec<Entity> = entities.iter().filter(|e| used.contains(e.id.as_str())).cloned().collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out.dedup_by(|a, b| a.id == b.id);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error;

    #[test]
    fn a_bad_ontology_directory_is_a_typed_cause_naming_it() {
        let dir = std::env::temp_dir().join(format!("kg-no-ontology-{}", std::process::id()));
        let err = Pipeline::new(PipelineOptions { ontology_dirs: vec![dir.clone()], ..Default::default() }).err().expect("no such directory");
        assert!(matches!(err, PipelineError::Ontology(_)), "{err}");
        assert!(err.source().is_some_and(|s| s.to_string().contains(&dir.display().to_string())), "{err}");
    }

    #[test]
    fn a_pronoun_no_one_resolves_is_never_an_attribution() {
        // invented: `you` names no one; `Ilse Varga` is who `she` is
        let p = Pipeline::new(PipelineOptions::default()).expect("pipeline");
        let text = "You can see that the gas will turn into planets.\n\nIlse Varga runs the harbour. She said the ferry sank near Kell.";
        let d = p.process(SourceText::from_string("speech-test", text));
        let said: Vec<_> = d.facts.iter().filter_map(|f| f.attribution.as_deref()).collect();
        assert!(!said.iter().any(|a| crate::resolve::names::pronoun(a).is_some()), "{said:?}");
        assert!(d.facts.iter().any(|f| f.attribution.as_deref() == Some("Ilse Varga") || f.predicate.name == "say"), "{:?}", d.facts);
    }

    #[test]
    fn a_surname_that_is_a_common_word_is_the_person_where_it_stands_alone() {
        // invented: `Day` opening a sentence is tagged the noun `day` and hung on the verb as a
        // time phrase; the document names a Mara Day, so it is her surname
        let p = Pipeline::new(PipelineOptions::default()).expect("pipeline");
        let text = "Singer Mara Day founded the Tarn Trust in 1990. Day made many studio albums and sold the rights in 2004.";
        let d = p.process(SourceText::from_string("surname-test", text));
        let day = d.entities.iter().find(|e| e.label == "Mara Day").expect("Mara Day is an entity");
        let hers: Vec<usize> = d.facts.iter().filter(|f| f.subject == day.id).map(|f| f.provenance.sentence).collect();
        assert!(hers.contains(&1), "no fact of hers from the second sentence: {hers:?}");
        let day_tag = d.document.sentences[1].tokens.iter().find(|t| t.form == "Day").map(|t| (t.upos.as_str(), t.deprel.as_str()));
        assert_eq!(day_tag, Some(("PROPN", "nsubj")));
    }

    #[test]
    fn the_keep_threshold_drops_facts_below_it_and_features_are_noted_on_request() {
        // invented
        let text = "Mara Vellin joined the Ostrava Water Board in May. The board hired two engineers from Kell.";
        let run = |min_confidence, confidence_features| {
            let p = Pipeline::new(PipelineOptions { min_confidence: Some(min_confidence), confidence_features, ..Default::default() }).expect("pipeline");
            p.process(SourceText::from_string("threshold-test", text)).facts
        };
        let all = run(0.0, true);
        assert!(!all.is_empty());
        assert!(all.iter().all(|f| f.notes.iter().any(|n| n.starts_with(crate::confidence::FEATURES_NOTE))), "{all:?}");
        let cut = all.iter().map(|f| f.provenance.confidence).fold(f32::MAX, f32::min) + 1e-4;
        let kept = run(cut, false);
        assert_eq!(kept.len(), all.iter().filter(|f| f.provenance.confidence >= cut).count());
        assert!(kept.len() < all.len());
        assert!(kept.iter().all(|f| !f.notes.iter().any(|n| n.starts_with(crate::confidence::FEATURES_NOTE))));
    }

    #[test]
    fn inputs_name_what_is_missing_and_keep_their_order() {
        let missing = PathBuf::from("no/such/file.txt");
        let err = Inputs::from_paths(&[missing]).unwrap_err();
        assert!(err.to_string().starts_with("no/such/file.txt: no such file"), "{err}");
        let texts = Inputs::from_texts([SourceText::from_string("a", "One."), SourceText::from_string("b", "Two.")]);
        assert_eq!(texts.len(), 2);
        let sources: Vec<String> = texts.read(DEFAULT_MAX_BYTES).map(|s| s.unwrap().source).collect();
        assert_eq!(sources, ["a", "b"]);
    }
}
