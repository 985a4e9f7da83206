//! The ontology stage: typed entities, normalised predicates and typed literals.
//!
//! Owns `ontology/` (the OWL/RDFS schema `kgraph.ttl` and the lexicon `lexicon.tsv`, both compiled
//! in with `include_str!`, plus users' files loaded with `--ontology DIR`) and the step that turns a
//! [`ResolvedTriple`] into a [`NormalizedFact`]:
//!
//! - the triple's [`RelationKey`](crate::document::RelationKey) is looked up in the lexicon
//!   ([`lexicon`]): a match gives an ontology property (`kg:opposes`), with the arguments swapped
//!   when the entry says so; no match gives an open relation `rel:<lemmas_with_underscores>`
//!   labelled with its lemmas (dropped only in strict mode); a copula with a number for object
//!   (`turnout – be about – 71%`) states a value and is never looked up; a verb mapped to
//!   kg:leaderOf (or a property under it) whose led one is a person (`led Oster 52 percent to
//!   45`, a rival) holds no office and stays an open relation;
//! - the argument types are checked against the property's domain and range (inherited from
//!   super-properties, through the class hierarchy of [`schema`]): a mismatch keeps the triple as
//!   an open relation with lower confidence, or drops it ([`ViolationPolicy`]), so no plain triple
//!   under an ontology property ever violates its domain or range;
//! - Date/Money/Quantity objects and qualifiers become typed literals ([`literal`]).
//! - [`roles`] holds the role nouns (positions and occupations) that the extractor reads as
//!   position and occupation facts and that NER reads as the cue before a person's name.
//!
//! Every decision is written to [`NormalizedFact::notes`] (shown by `kgraph why`). This module reads
//! only `crate::document` types and `vocab`; it builds no `Fact` (the pipeline adds provenance).

pub mod lexicon;
pub mod literal;
pub mod roles;
pub mod schema;
pub mod terms;
pub mod time;
pub mod vocab;

use crate::document::{Entity, EntityId, EntityType, FactObject, Predicate, Qualifier, RelationKey, ResolvedTriple};
pub use lexicon::LexiconEntry;
pub use schema::{ClassInfo, PropertyInfo, PropertyKind};
use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// Name under which the embedded schema is reported (and loaded into the store).
pub const EMBEDDED_TTL_NAME: &str = "ontology/kgraph.ttl";
/// Name under which the embedded lexicon is reported.
pub const EMBEDDED_LEXICON_NAME: &str = "ontology/lexicon.tsv";
const EMBEDDED_TTL: &str = include_str!("../../ontology/kgraph.ttl");
const EMBEDDED_LEXICON: &str = include_str!("../../ontology/lexicon.tsv");

/// Errors loading ontology files. Each names the file, and the line for syntax errors.
#[derive(Debug, thiserror::Error)]
pub enum OntologyError {
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{file}:{line}:{column}: Turtle syntax error: {message}")]
    Turtle { file: String, line: u64, column: u64, message: String },
    #[error("{file}:{line}: {message}")]
    Lexicon { file: String, line: usize, message: String },
    #[error("{path}: no ontology files here (expected *.ttl or lexicon*.tsv)")]
    NoFiles { path: String },
}

/// What to do with a triple whose arguments do not fit the mapped property's domain or range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ViolationPolicy {
    /// Keep it as an open relation (`rel:…`), its confidence multiplied by `penalty`.
    OpenRelation { penalty: f32 },
    /// Drop the triple.
    Drop,
}

impl Default for ViolationPolicy {
    fn default() -> Self {
        ViolationPolicy::OpenRelation { penalty: 0.5 }
    }
}

/// A triple after normalisation; the pipeline adds flags and provenance to make a `Fact`.
#[derive(Debug, Clone, PartialEq)]
pub struct NormalizedFact {
    pub subject: EntityId,
    pub predicate: Predicate,
    pub object: FactObject,
    /// `value` is the entity id when the qualifier resolved to a named entity (`white_house`),
    /// else the argument text; `literal` is set for dates, money and quantities.
    pub qualifiers: Vec<Qualifier>,
    pub confidence: f32,
    pub notes: Vec<String>,
}

/// Why a triple was not kept (see [`Ontology::decide`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Dropped {
    pub notes: Vec<String>,
}

/// The loaded schema and lexicon.
#[derive(Debug, Clone)]
pub struct Ontology {
    turtle: Vec<(String, String)>,
    lexicon_files: Vec<String>,
    schema: schema::Schema,
    lexicon: lexicon::Lexicon,
    ancestors: HashMap<EntityType, BTreeSet<String>>,
    violation: ViolationPolicy,
}

/// `kg:` IRI of an entity type's class.
pub fn class_iri(t: EntityType) -> String {
    format!("{}{}", vocab::KG, t.class_name())
}

fn expand(term: &str) -> Option<String> {
    if let Some(iri) = term.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
        return Some(iri.to_string());
    }
    let (prefix, local) = term.split_once(':')?;
    let ns = match prefix {
        "kg" => vocab::KG,
        "rel" => vocab::REL,
        "rdf" => vocab::RDF,
        "rdfs" => vocab::RDFS,
        "owl" => vocab::OWL,
        "skos" => vocab::SKOS,
        "prov" => vocab::PROV,
        "dcterms" => vocab::DCTERMS,
        "wdt" => vocab::WDT,
        "schema" => vocab::SCHEMA,
        _ => return None,
    };
    Some(format!("{ns}{local}"))
}

/// Local name for an open relation: lemmas joined by `_`, anything but letters and digits
/// folded to `_` (`focus on` -> `focus_on`).
pub fn open_relation_name(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    for c in pattern.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    if out.is_empty() { "related".into() } else { out }
}

fn read(path: &Path) -> Result<String, OntologyError> {
    std::fs::read_to_string(path).map_err(|source| OntologyError::Io { path: path.display().to_string(), source })
}

impl Ontology {
    /// The compiled-in ontology (`ontology/kgraph.ttl` + `ontology/lexicon.tsv`), parsed once.
    /// The embedded files are checked by this module's tests, so this cannot fail at run time;
    /// [`Ontology::try_embedded`] returns the error instead of panicking, for tools.
    pub fn embedded() -> Ontology {
        static EMBEDDED: LazyLock<Ontology> =
            LazyLock::new(|| Ontology::try_embedded().expect("the embedded ontology parses (checked by tests)"));
        EMBEDDED.clone()
    }

    /// Parses the compiled-in ontology.
    pub fn try_embedded() -> Result<Ontology, OntologyError> {
        Ontology::load(&[])
    }

    /// The embedded ontology plus every `*.ttl` and `lexicon*.tsv` in `dirs` (a path may also
    /// name one such file). Files are read in name order; lexicon entries read later override
    /// earlier ones with the same pattern.
    pub fn load(dirs: &[PathBuf]) -> Result<Ontology, OntologyError> {
        let mut turtle = vec![(EMBEDDED_TTL_NAME.to_string(), EMBEDDED_TTL.to_string())];
        let mut lexicons = vec![(EMBEDDED_LEXICON_NAME.to_string(), EMBEDDED_LEXICON.to_string())];
        for dir in dirs {
            let files: Vec<PathBuf> = if dir.is_dir() {
                let rd = std::fs::read_dir(dir).map_err(|source| OntologyError::Io { path: dir.display().to_string(), source })?;
                let mut v: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect();
                v.sort();
                v
            } else if dir.exists() {
                vec![dir.clone()]
            } else {
                return Err(OntologyError::Io {
                    path: dir.display().to_string(),
                    source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or directory"),
                });
            };
            let mut found = 0;
            for f in files {
                let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("").to_lowercase();
                if name.ends_with(".ttl") {
                    turtle.push((f.display().to_string(), read(&f)?));
                    found += 1;
                } else if name.starts_with("lexicon") && name.ends_with(".tsv") {
                    lexicons.push((f.display().to_string(), read(&f)?));
                    found += 1;
                }
            }
            if found == 0 {
                return Err(OntologyError::NoFiles { path: dir.display().to_string() });
            }
        }
        Ontology::from_sources(turtle, lexicons)
    }

    /// Builds an ontology from (name, text) pairs of Turtle and lexicon files, in order.
    pub fn from_sources(turtle: Vec<(String, String)>, lexicons: Vec<(String, String)>) -> Result<Ontology, OntologyError> {
        let mut schema = schema::Schema::default();
        for (name, text) in &turtle {
            schema.add_turtle(name, text)?;
        }
        let mut lexicon = lexicon::Lexicon::default();
        let mut lexicon_files = Vec::new();
        for (name, text) in &lexicons {
            let mut entries = lexicon::parse(name, text)?;
            for e in &mut entries {
                let err = |message: String| OntologyError::Lexicon { file: e.file.clone(), line: e.line, message };
                let iri = expand(&e.property)
                    .ok_or_else(|| err(format!("unknown prefix in {:?} (use kg:, schema:, … or a full <IRI>)", e.property)))?;
                if !schema.properties.contains_key(&iri) {
                    return Err(err(format!("property {} is not declared in any loaded .ttl file", e.property)));
                }
                e.iri = iri;
            }
            lexicon.add(entries);
            lexicon_files.push(name.clone());
        }
        let ancestors = EntityType::ALL.iter().map(|&t| (t, schema.ancestors(&class_iri(t)))).collect();
        Ok(Ontology { turtle, lexicon_files, schema, lexicon, ancestors, violation: ViolationPolicy::default() })
    }

    /// Sets what happens on a domain/range violation.
    #[must_use]
    pub fn with_violation_policy(mut self, policy: ViolationPolicy) -> Self {
        self.violation = policy;
        self
    }

    /// The Turtle files as (name, text), for loading into the store's ontology graph.
    pub fn turtle_sources(&self) -> Vec<(String, String)> {
        self.turtle.clone()
    }

    /// Names of every file loaded: Turtle first, then lexicons.
    pub fn sources(&self) -> Vec<String> {
        self.turtle.iter().map(|(n, _)| n.clone()).chain(self.lexicon_files.iter().cloned()).collect()
    }

    /// All properties, sorted by IRI.
    pub fn properties(&self) -> Vec<&PropertyInfo> {
        self.schema.properties.values().collect()
    }

    /// All classes, sorted by IRI.
    pub fn classes(&self) -> Vec<&ClassInfo> {
        self.schema.classes.values().collect()
    }

    /// Lexicon entries in effect, sorted by pattern.
    pub fn lexicon_entries(&self) -> Vec<&LexiconEntry> {
        self.lexicon.entries()
    }

    /// A property by local name in `kg:` (`opposes`), prefixed name (`kg:opposes`) or full IRI.
    pub fn property(&self, name: &str) -> Option<&PropertyInfo> {
        let iri = if name.contains("://") { name.to_string() } else { expand(name).unwrap_or_else(|| format!("{}{name}", vocab::KG)) };
        self.schema.properties.get(&iri)
    }

    /// A class by local name in `kg:`, prefixed name or full IRI.
    pub fn class(&self, name: &str) -> Option<&ClassInfo> {
        let iri = if name.contains("://") { name.to_string() } else { expand(name).unwrap_or_else(|| format!("{}{name}", vocab::KG)) };
        self.schema.classes.get(&iri)
    }

    /// Super-properties of a property (itself first), for `kgraph ontology` and exports.
    pub fn super_properties(&self, iri: &str) -> Vec<&PropertyInfo> {
        self.schema.super_properties(iri)
    }

    /// Writes the listing printed by `kgraph ontology` (same as [`Ontology::write_listing`]).
    pub fn describe(&self, out: &mut dyn Write) -> std::io::Result<()> {
        self.write_listing(out)
    }

    /// Writes the listing printed by `kgraph ontology`: sources, classes, properties with their
    /// domain, range, inverse and lexicon patterns.
    pub fn write_listing(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let short = |iri: &str| -> String {
            for (p, ns) in [("kg", vocab::KG), ("wdt", vocab::WDT), ("wd", vocab::WD), ("schema", vocab::SCHEMA), ("skos", vocab::SKOS), ("prov", vocab::PROV), ("rdfs", vocab::RDFS), ("rdf", vocab::RDF), ("xsd", vocab::XSD)] {
                if let Some(l) = iri.strip_prefix(ns) {
                    return format!("{p}:{l}");
                }
            }
            format!("<{iri}>")
        };
        let entries = self.lexicon_entries();
        writeln!(out, "# sources")?;
        for s in self.sources() {
            writeln!(out, "{s}")?;
        }
        writeln!(out, "\n# classes ({})", self.schema.classes.len())?;
        for c in self.classes() {
            let supers: Vec<String> = c.supers.iter().map(|s| short(s)).collect();
            let sup = if supers.is_empty() { String::new() } else { format!(" ⊑ {}", supers.join(", ")) };
            writeln!(out, "{}{sup}\t{}", short(&c.iri), c.label.as_deref().unwrap_or(""))?;
        }
        writeln!(out, "\n# properties ({}); lexicon entries: {}", self.schema.properties.len(), entries.len())?;
        for p in self.properties() {
            let list = |v: &[String]| if v.is_empty() { "*".to_string() } else { v.iter().map(|x| short(x)).collect::<Vec<_>>().join("+") };
            let mut flags = Vec::new();
            if p.symmetric {
                flags.push("symmetric".to_string());
            }
            if p.transitive {
                flags.push("transitive".to_string());
            }
            if let Some(i) = &p.inverse {
                flags.push(format!("inverse {}", short(i)));
            }
            let patterns: Vec<String> = entries
                .iter()
                .filter(|e| e.iri == p.iri)
                .map(|e| if e.swap { format!("{} (os)", e.pattern) } else { e.pattern.clone() })
                .collect();
            writeln!(
                out,
                "{}\t\"{}\"\t{} -> {}\t{}\t{}",
                short(&p.iri),
                p.display_label(),
                list(&p.domains),
                list(&p.ranges),
                flags.join(", "),
                patterns.join(" | ")
            )?;
        }
        Ok(())
    }

    /// Normalises one triple (see the module doc); `None` when it is dropped. Use
    /// [`Ontology::decide`] to learn why.
    pub fn normalize(
        &self,
        t: &ResolvedTriple,
        entities: &HashMap<EntityId, Entity>,
        doc_date: Option<&str>,
        strict: bool,
    ) -> Option<NormalizedFact> {
        self.decide(t, entities, doc_date, strict).ok()
    }

    /// Like [`Ontology::normalize`], but a dropped triple comes back with the notes saying why.
    pub fn decide(
        &self,
        t: &ResolvedTriple,
        entities: &HashMap<EntityId, Entity>,
        doc_date: Option<&str>,
        strict: bool,
    ) -> Result<NormalizedFact, Dropped> {
        let mut notes: Vec<String> = Vec::new();
        if t.triple.rule == crate::extract::SPEECH_RULE {
            return self.decide_speech(t, entities, doc_date, strict, notes);
        }
        let Some(object_id) = &t.object else {
            return self.decide_event(t, entities, doc_date, strict, notes);
        };
        let subject_kind = entities.get(&t.subject).map(|e| e.kind);
        let object_entity = entities.get(object_id);
        let object_text = t.triple.object.as_ref().map(|a| a.text.as_str()).or(object_entity.map(|e| e.label.as_str())).unwrap_or(object_id);
        let object_kind = object_entity.map(|e| e.kind);
        let object = match object_kind {
            Some(k @ (EntityType::Date | EntityType::Money | EntityType::Quantity)) => match parse_value(k, object_text, doc_date) {
                Some(p) => {
                    notes.push(format!("object {}", p.note));
                    FactObject::Literal(p.literal)
                }
                None => {
                    notes.push(format!("object '{object_text}' is a {} but could not be read as a value: kept as an entity", k.class_name()));
                    FactObject::Entity(object_id.clone())
                }
            },
            _ => FactObject::Entity(object_id.clone()),
        };
        let qualifiers = self.qualifiers(t, entities, doc_date, &mut notes);
        let mut confidence = t.triple.confidence.clamp(0.0, 1.0);

        let key = &t.triple.key;
        let mut tried = lexicon::candidates(key);
        if tried.is_empty() {
            let surface = t.triple.relation.to_lowercase().split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
            tried.push((surface, "surface form (no relation key)"));
        }
        let open_pattern = tried[0].0.clone();
        // `turnout – be about – 71%`: a copula with a number states a value, not a relation
        // between two things (`be about` is kg:concerns only for a topic); so does a bare number
        // after an approximator no recogniser took for a quantity (`the ratio is about 12`; not a
        // class that opens with a year, `was a 2016 finalist`)
        let digits = key.prep.is_some() && t.triple.object.as_ref().is_some_and(|o| o.text.starts_with(|c: char| c.is_ascii_digit()));
        let value_statement = key.verb.as_deref() == Some("be")
            && key.noun.is_none()
            && (matches!(object, FactObject::Literal(_)) && object_kind == Some(EntityType::Quantity) || digits);
        let hit = if value_statement {
            notes.push("a copula with a number states a value: no lexicon property".into());
            None
        } else if key.pattern().is_empty() {
            self.lexicon.get(&open_pattern, None).map(|e| (e, open_pattern.clone(), tried[0].1))
        } else {
            self.lexicon.lookup(key)
        };
        // An agentless passive with a preposition (`was accused of fraud`) has lost its doer: an
        // entry that reads the active voice would make the one it happened to the doer
        // (`accuses`); only entries marked `passive` (`was born in`) read it.
        let hit = match hit {
            Some((entry, pattern, _)) if key.is_agentless_passive_with_prep() && !entry.passive => {
                notes.push(format!("lexicon: '{pattern}' reads the active voice, not this agentless passive"));
                None
            }
            other => other,
        };
        // `Vell led Oster 52 percent to 45`, `led the boy to safety`: a verb of leading whose led
        // one is a person names a rival ahead of whom someone is, or someone guided; an office
        // (kg:leaderOf and the properties under it) is held over a group, party or state
        let hit = match hit {
            Some((entry, pattern, _)) if key.noun.is_none() && self.office_over_person(entry, subject_kind, object_kind) => {
                notes.push(format!("lexicon: '{pattern}' names an office, but a person is led here, not governed"));
                None
            }
            other => other,
        };
        match hit {
            Some((entry, pattern, how)) => {
                let prop = &self.schema.properties[&entry.iri];
                let from = if how == "exact" { String::new() } else { format!(" (from '{}', {how})", tried[0].0) };
                notes.push(format!("lexicon: '{pattern}'{from} -> kg:{} ({})", prop.name, entry.source()));
                let swapped = entry.swap;
                let (s, o, s_kind, o_kind) = if swapped {
                    (object_id.clone(), FactObject::Entity(t.subject.clone()), object_kind, subject_kind)
                } else {
                    (t.subject.clone(), object.clone(), subject_kind, object_kind)
                };
                let swap_blocked = swapped && matches!(object, FactObject::Literal(_));
                if swapped && !swap_blocked {
                    notes.push("arguments swapped (lexicon args = os)".into());
                }
                let check = if swap_blocked {
                    Err("lexicon swaps the arguments but the object is a literal".to_string())
                } else {
                    self.check_types(prop, &s, s_kind, &o, o_kind)
                };
                match check {
                    Ok(msg) => {
                        notes.push(msg);
                        let predicate = Predicate {
                            name: prop.name.clone(),
                            iri: prop.iri.clone(),
                            // (with a controlling verb in front: `try to block`, `start accepting`)
                            label: if key.matrix.is_some() && key.noun.is_none() {
                                with_matrix(key, pattern.clone())
                            } else {
                                role_label(key, &pattern, prop)
                            },
                            surface: t.triple.relation.clone(),
                            normalized: true,
                        };
                        let confidence = (confidence * entry.weight).clamp(0.0, 1.0);
                        return Ok(NormalizedFact { subject: s, predicate, object: o, qualifiers, confidence, notes });
                    }
                    Err(msg) => match self.violation {
                        ViolationPolicy::Drop => {
                            notes.push(format!("{msg}: dropped"));
                            return Err(Dropped { notes });
                        }
                        ViolationPolicy::OpenRelation { penalty } => {
                            notes.push(format!("{msg}: not stored as kg:{}; kept as an open relation, confidence x{penalty}", prop.name));
                            confidence *= penalty;
                        }
                    },
                }
            }
            None => {
                let list: Vec<String> = tried.iter().map(|(p, _)| format!("'{p}'")).collect();
                notes.push(format!("no lexicon entry for {}", list.join(", ")));
            }
        }
        let name = open_relation_name(&open_pattern);
        if strict {
            notes.push(format!("strict mode: open relation rel:{name} dropped"));
            return Err(Dropped { notes });
        }
        // an agentless passive with a prepositional object (`was found under the rubble`): the
        // subject underwent the event, so the label says `be found under`, not `find under`
        let (name, open_pattern) = if key.is_agentless_passive_with_prep() {
            // the particle follows the participle, before the preposition (`be sworn in at`)
            let mut words: Vec<String> = passive_participle(&t.triple.relation, None).split(' ').map(str::to_owned).collect();
            if let Some(p) = key.particle.as_deref().map(str::trim).filter(|p| !p.is_empty() && !words.iter().any(|w| w == p)) {
                words.insert(1.min(words.len()), p.to_lowercase());
            }
            let label = format!("be {}", words.join(" "));
            (open_relation_name(&label), label)
        } else {
            (name, open_pattern)
        };
        notes.push(format!("open relation rel:{name}"));
        let predicate = Predicate {
            iri: format!("{}{name}", vocab::REL),
            name,
            label: with_matrix(key, open_pattern),
            surface: t.triple.relation.clone(),
            normalized: false,
        };
        Ok(NormalizedFact { subject: t.subject.clone(), predicate, object, qualifiers, confidence, notes })
    }

    /// The entry maps to kg:leaderOf (or a property under it) and the one it says is led (the
    /// object, or the subject when the entry swaps them) is a person.
    fn office_over_person(&self, entry: &LexiconEntry, subject_kind: Option<EntityType>, object_kind: Option<EntityType>) -> bool {
        let led = if entry.swap { subject_kind } else { object_kind };
        let leader_of = format!("{}leaderOf", vocab::KG);
        led == Some(EntityType::Person) && self.schema.super_properties(&entry.iri).iter().any(|p| p.iri == leader_of)
    }

    /// An object-less clause (`the ferry sank`, `two guards were injured`): an event that happened
    /// to (or was done by) its subject. It is kept as a fact whose object is the empty literal
    /// [`NO_OBJECT`] under an open relation, never under an ontology property (their ranges name
    /// what the object is). Dropped: clauses without a verb, copulas and light verbs (their
    /// meaning is in the missing complement), verbs whose content is a complement the clause
    /// lacks ([`CONTENTLESS_VERBS`]) and temporal subjects (`Tuesday saw …`). The modelling is in
    /// `ontology/README.md`, "Events without an object".
    fn decide_event(
        &self,
        t: &ResolvedTriple,
        entities: &HashMap<EntityId, Entity>,
        doc_date: Option<&str>,
        strict: bool,
        mut notes: Vec<String>,
    ) -> Result<NormalizedFact, Dropped> {
        let key = &t.triple.key;
        let verb = key.verb.as_deref().map(|v| v.trim().to_lowercase()).unwrap_or_default();
        let subject = entities.get(&t.subject);
        let why_not = if t.triple.object.is_some() {
            Some("its object did not resolve")
        } else if verb.is_empty() || key.noun.is_some() {
            Some("no object and no event verb")
        } else if matches!(t.triple.rule.as_str(), "acl" | "advcl") {
            // a non-finite clause borrows its subject (`Speaking to X, Y said`, `a refusal to
            // debate`): too often the wrong one to state an event on its own
            Some("subject borrowed by a non-finite clause")
        } else if t.triple.relation.split_whitespace().any(|w| w.eq_ignore_ascii_case("to")) {
            // `declined to comment`, `is set to meet`: the content is the bare complement verb
            Some("verb chain whose complement has no object")
        } else if lexicon::COPULAS.contains(&verb.as_str()) || lexicon::LIGHT_VERBS.contains(&verb.as_str()) {
            Some("copula or light verb without its complement")
        } else if CONTENTLESS_VERBS.contains(&verb.as_str()) {
            Some("verb whose content is a missing complement")
        } else if subject.is_some_and(|e| e.kind == EntityType::Date) {
            Some("temporal subject")
        } else if !subject.is_some_and(|e| e.kind.is_named()) && !counted(&t.triple.subject.text) && !fate_event(t) {
            // `the runway was flooded`, `arguments flared`: a state of an unnamed thing is not a
            // graph fact; a named participant or a counted group (`two guards`) is
            Some("subject neither named nor counted")
        } else {
            None
        };
        if let Some(why) = why_not {
            notes.push(format!("no object (intransitive clause), {why}: not stored as a fact"));
            return Err(Dropped { notes });
        }
        let mut words = vec![verb];
        words.extend(key.particle.as_deref().map(|p| p.trim().to_lowercase()).filter(|p| !p.is_empty()));
        let (label, name) = if key.passive {
            // the subject underwent the event: `be injured`, named from the participle as written
            let participle = Some(passive_participle(&t.triple.relation, key.particle.as_deref()))
                .filter(|p| !p.is_empty())
                .unwrap_or_else(|| words.join(" "));
            (format!("be {participle}"), open_relation_name(&format!("be {participle}")))
        } else {
            (words.join(" "), open_relation_name(&words.join(" ")))
        };
        if strict {
            notes.push(format!("no object (intransitive clause); strict mode: open relation rel:{name} dropped"));
            return Err(Dropped { notes });
        }
        notes.push(format!("no object (intransitive clause): event fact, open relation rel:{name}, empty object"));
        Ok(self.open_literal_fact(t, entities, doc_date, (name, label), NO_OBJECT.into(), notes))
    }

    /// A fact under open relation `(name, label)` whose object is the plain literal `value`
    /// (event facts, speech acts), with the triple's qualifiers and confidence.
    fn open_literal_fact(
        &self,
        t: &ResolvedTriple,
        entities: &HashMap<EntityId, Entity>,
        doc_date: Option<&str>,
        (name, label): (String, String),
        value: String,
        mut notes: Vec<String>,
    ) -> NormalizedFact {
        let qualifiers = self.qualifiers(t, entities, doc_date, &mut notes);
        let predicate = Predicate { iri: format!("{}{name}", vocab::REL), name, label, surface: t.triple.relation.clone(), normalized: false };
        let object = FactObject::Literal(crate::document::Literal { value, datatype: None, unit: None });
        let confidence = t.triple.confidence.clamp(0.0, 1.0);
        NormalizedFact { subject: t.subject.clone(), predicate, object, qualifiers, confidence, notes }
    }

    /// A speech act (`X said [that] …`, rule [`crate::extract::SPEECH_RULE`]): the speaker made
    /// a statement. Stored under the open relation of the reporting verb (`rel:say`,
    /// `rel:announce`) with the statement as a plain literal object, so the statement is a
    /// value of this one fact (a literal node of its own in the graph), never an entity that
    /// other facts or the entity ranking could reach. The modelling is in `ontology/README.md`,
    /// "Speech acts". Dropped without a statement or in strict mode (no ontology property).
    fn decide_speech(&self, t: &ResolvedTriple, entities: &HashMap<EntityId, Entity>, doc_date: Option<&str>, strict: bool, mut notes: Vec<String>) -> Result<NormalizedFact, Dropped> {
        let verb = t.triple.key.verb.as_deref().map(|v| v.trim().to_lowercase()).unwrap_or_default();
        let Some(statement) = t.triple.extra.first().filter(|a| !a.text.trim().is_empty() && !verb.is_empty()) else {
            notes.push("speech act without a verb or a statement: not stored".into());
            return Err(Dropped { notes });
        };
        let name = open_relation_name(&verb);
        if strict {
            notes.push(format!("speech act; strict mode: open relation rel:{name} dropped"));
            return Err(Dropped { notes });
        }
        notes.push(format!("speech act: open relation rel:{name}, the reported clause as a plain literal object"));
        Ok(self.open_literal_fact(t, entities, doc_date, (name, verb), statement.text.clone(), notes))
    }

    /// Checks a subject/object pair against a property's (inherited) domain and range.
    fn check_types(
        &self,
        prop: &PropertyInfo,
        s: &str,
        s_kind: Option<EntityType>,
        o: &FactObject,
        o_kind: Option<EntityType>,
    ) -> Result<String, String> {
        let (domains, ranges) = self.schema.effective_domain_range(&prop.iri);
        let short = |iri: &str| schema::local_name(iri).to_string();
        let o_name = match o {
            FactObject::Entity(id) => id.as_str(),
            FactObject::Literal(l) => l.value.as_str(),
        };
        let mut unknown = Vec::new();
        for (role, id, kind, wanted) in [("subject", s, s_kind, &domains), ("object", o_name, o_kind, &ranges)] {
            if wanted.is_empty() {
                continue;
            }
            let Some(kind) = kind else {
                unknown.push(role);
                continue;
            };
            let anc = &self.ancestors[&kind];
            // owl:Thing / rdfs:Resource: everything fits
            let universal = |w: &str| w == "http://www.w3.org/2002/07/owl#Thing" || w == "http://www.w3.org/2000/01/rdf-schema#Resource";
            if let Some(miss) = wanted.iter().find(|w| !anc.contains(*w) && !universal(w)) {
                let what = if role == "subject" { "domain" } else { "range" };
                return Err(format!(
                    "{what} violation: kg:{} expects {role} {}, {id} is {}",
                    prop.name,
                    short(miss),
                    kind.class_name()
                ));
            }
        }
        let show = |set: &BTreeSet<String>| if set.is_empty() { "any".to_string() } else { set.iter().map(|x| short(x)).collect::<Vec<_>>().join("+") };
        let kind = |k: Option<EntityType>| k.map_or("unknown", |k| k.class_name());
        let mut msg = format!(
            "types ok: {} ({}) fits domain {}, {} ({}) fits range {}",
            s,
            kind(s_kind),
            show(&domains),
            o_name,
            kind(o_kind),
            show(&ranges)
        );
        if !unknown.is_empty() {
            msg.push_str(&format!("; {} type unknown, not checked", unknown.join(" and ")));
        }
        Ok(msg)
    }

    fn qualifiers(
        &self,
        t: &ResolvedTriple,
        entities: &HashMap<EntityId, Entity>,
        doc_date: Option<&str>,
        notes: &mut Vec<String>,
    ) -> Vec<Qualifier> {
        let mut out = Vec::with_capacity(t.qualifiers.len());
        for (key, id, arg) in &t.qualifiers {
            let entity = id.as_ref().and_then(|id| entities.get(id));
            let kind = entity.map(|e| e.kind);
            let parsed = match (key.as_str(), kind) {
                (_, Some(k @ (EntityType::Money | EntityType::Quantity))) => parse_value(k, &arg.text, doc_date),
                ("date" | "time" | "when", _) | (_, Some(EntityType::Date)) => literal::parse_date(&arg.text, doc_date),
                _ => None,
            };
            match &parsed {
                Some(p) => notes.push(format!("qualifier {key}: {}", p.note)),
                None if key == "date" || kind == Some(EntityType::Date) => notes.push(format!(
                    "qualifier {key}: '{}' not read as a date{}",
                    arg.text,
                    if doc_date.is_none() { " (document date unknown, relative dates unresolved)" } else { "" }
                )),
                None => {}
            }
            let value = match entity {
                Some(e) if e.kind.is_named() || e.kind == EntityType::Concept && parsed.is_none() => e.id.clone(),
                _ => arg.text.clone(),
            };
            out.push(Qualifier { key: key.clone(), value, literal: parsed.map(|p| p.literal) });
        }
        out
    }
}

/// The object of an event fact whose clause has none (`X died`): the empty plain literal, so
/// the statement node keeps its `rdf:object` and the direct triple `X rel:die ""` answers
/// `?x rel:die ?o` (see `ontology/README.md`).
pub const NO_OBJECT: &str = "";

/// Verbs that state nothing without their complement (`X tried`, `X wants`, `X began`,
/// `X happened`): general English aspect, attempt, wish and occurrence verbs; an object-less
/// clause with one of them is not an event fact.
pub const CONTENTLESS_VERBS: &[&str] = &[
    "do", "get", "go", "come", "try", "want", "wish", "hope", "need", "seem", "appear", "begin", "start", "stop",
    "keep", "fail", "manage", "attempt", "decide", "plan", "intend", "expect", "agree", "refuse", "continue",
    "happen", "occur", "use", "let", "help", "allow", "say", "tell", "add", "note", "ask", "reply", "respond",
    "explain", "believe", "think", "know", "see", "feel", "mean", "include", "involve", "follow", "accord",
    "will", "would", "can", "could", "may", "might", "must", "shall", "should",
];

/// Events that befall a person (or an animal) and that news reports of an unnamed one: `a
/// porter was killed`, `the driver was arrested`, `a fox died`, `a second defendant was found
/// not guilty`. General English, closed classes: passives of harm, rescue and the legal process,
/// and a few intransitive fates; `find`/`pronounce` only with their result adjective (`found
/// dead`, `pronounced dead`, `found not guilty`).
const FATE_PASSIVES: &[&str] = &[
    "kill", "injure", "wound", "hurt", "shoot", "stab", "murder", "assault", "attack", "beat", "kidnap", "abduct",
    "arrest", "detain", "hospitalize", "hospitalise", "rescue", "evacuate", "jail", "imprison", "convict", "acquit",
    "sentence", "charge", "execute", "deport", "extradite", "find", "pronounce",
];
const FATE_INTRANSITIVES: &[&str] = &["die", "drown", "disappear", "surrender"];

/// Whether an object-less clause is a fate of its subject ([`FATE_PASSIVES`],
/// [`FATE_INTRANSITIVES`]), kept even when the subject is an unnamed description: a single
/// participant (not a pronoun, a bare plural crowd is caught before) that underwent it.
fn fate_event(t: &ResolvedTriple) -> bool {
    let key = &t.triple.key;
    let verb = key.verb.as_deref().map(|v| v.trim().to_lowercase()).unwrap_or_default();
    let words: Vec<&str> = t.triple.relation.split_whitespace().collect();
    let result = words.iter().any(|w| matches!(w.to_lowercase().as_str(), "dead" | "guilty" | "alive" | "unconscious" | "injured"));
    if key.passive {
        FATE_PASSIVES.contains(&verb.as_str()) && (!matches!(verb.as_str(), "find" | "pronounce") || result)
    } else {
        FATE_INTRANSITIVES.contains(&verb.as_str()) || (matches!(verb.as_str(), "find" | "pronounce") && result)
    }
}

/// Whether a phrase starts with a count (`two guards`, `at least 40 people`, `dozens of
/// residents`): English cardinals and approximate counts, after an optional `at least`/`some`.
fn counted(text: &str) -> bool {
    const NUMBER_WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
        "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "dozen", "dozens", "hundreds",
        "thousands", "millions", "both", "several",
    ];
    const LEAD: &[&str] = &["at", "least", "most", "some", "about", "around", "nearly", "almost", "over", "more", "than", "up", "to"];
    let lower = text.to_lowercase();
    let first = lower.split_whitespace().find(|w| !LEAD.contains(w)).unwrap_or("");
    first.chars().next().is_some_and(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(&first)
}

/// The participle of a passive relation as written, with its particle (`were sworn` + `in` ->
/// `sworn in`): the words after the last form of `be`/`get`.
fn passive_participle(relation: &str, particle: Option<&str>) -> String {
    const AUX: &[&str] = &["be", "is", "are", "was", "were", "been", "being", "am", "get", "got", "gets", "gotten", "getting"];
    let mut words: Vec<String> = relation.split_whitespace().map(str::to_lowercase).collect();
    if let Some(last) = words.iter().rposition(|w| AUX.contains(&w.as_str())) {
        words.drain(..=last);
    }
    // negation before the participle (`was not found`, `was never seen`) is the fact's flag, not
    // part of its name; after it, it belongs to the complement (`was found not guilty of`: the
    // verdict, no negated finding)
    let lead = words.iter().take_while(|w| matches!(w.as_str(), "not" | "n't" | "never")).count();
    words.drain(..lead);
    if let Some(p) = particle.map(|p| p.trim().to_lowercase()).filter(|p| !p.is_empty() && !words.contains(p)) {
        words.push(p);
    }
    words.join(" ")
}

fn parse_value(kind: EntityType, text: &str, doc_date: Option<&str>) -> Option<literal::Parsed> {
    match kind {
        EntityType::Date => literal::parse_date(text, doc_date),
        EntityType::Money => literal::parse_money(text),
        EntityType::Quantity => literal::parse_quantity(text).or_else(|| literal::parse_money(text)),
        _ => None,
    }
}

/// The relation key pattern as the lexicon sees it (after passive `by` removal), for tools.
pub fn key_pattern(key: &RelationKey) -> String {
    lexicon::candidates(key).into_iter().next().map(|c| c.0).unwrap_or_default()
}

#[cfg(test)]
mod tests;

/// The label of a fact whose relation is a role noun (`senator of`, `secretary-general of`) mapped
/// to a property of persons named by another noun (`official of`, `leader of`): the matched role
/// pattern, so the label keeps the role the text gave; otherwise the property's label. Event
/// nouns (`strike on`, `support for`) map to properties of agents and keep the property's label.
/// Likewise a content verb mapped to a property named by another verb (`report` -> kg:announces)
/// keeps its own words (`remain` -> kg:isA is labelled `remain`); `be` keeps the property's label.
/// The label with the subject-control verbs in front (`try block`, `agree acquire`): the
/// property is the act's, the label says what the subject did about it.
fn with_matrix(key: &RelationKey, label: String) -> String {
    match key.matrix.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
        Some(m) => format!("{m} {}", as_gerund(key, label)),
        None => label,
    }
}

/// The label with its act as the gerund the text gave it (`play drums` → `playing drums` after
/// `begin`), when the label opens with the act's lemma.
fn as_gerund(key: &RelationKey, label: String) -> String {
    match (key.gerund.as_deref(), key.verb.as_deref()) {
        (Some(g), Some(v)) if label == v || label.starts_with(&format!("{v} ")) => format!("{g}{}", &label[v.len()..]),
        _ => label,
    }
}

fn role_label(key: &RelationKey, pattern: &str, prop: &schema::PropertyInfo) -> String {
    let label = prop.display_label();
    // a property of persons, or of persons and the bodies that hold an office (`kg:foreignMinisterOf`
    // has domain Agent and Person): its label is a gloss, the title as written names the role
    // (`secretary of state of` stays, not `foreign minister of`)
    let of_persons = !prop.domains.is_empty() && prop.domains.iter().any(|d| d == &format!("{}Person", vocab::KG));
    let nominal = matches!(key.verb.as_deref(), None | Some("be"));
    // a word, or a title of several words (`secretary of state`), inside the text
    let has = |text: &str, n: &str| {
        let norm = |x: &str| format!(" {} ", x.replace('-', " "));
        norm(text).contains(&norm(n))
    };
    if let (Some(v), None) = (key.verb.as_deref(), key.noun.as_deref()) {
        // a content verb mapped to a property named by another verb (`report` -> kg:announces),
        // in the active voice or a passive turned active (`was published by X` -> X publish);
        // an agentless passive keeps the property's label, as its lemma reads badly (`bear in`)
        let same_stem = |a: &str, b: &str| a.chars().count() >= 3 && a.chars().take(3).eq(b.chars().take(3));
        let first = label.split(' ').next().unwrap_or("");
        if v != "be" && !key.is_agentless_passive_with_prep() && pattern.split(' ').next() == Some(v) && !same_stem(v, first) {
            return pattern.to_string();
        }
        return label.to_string();
    }
    match key.noun.as_deref() {
        Some(n) if of_persons && nominal && !pattern.starts_with("be ") && has(pattern, n) && !has(label, n) => pattern.to_string(),
        _ => label.to_string(),
    }
}
