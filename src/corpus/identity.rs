//! Entity IRIs minted from one document alone: whether an entity is a corpus-wide node or
//! belongs to its document is decided here, from the document's own evidence, so a document's
//! quads never depend on which other documents are in the same build, batch or shard.
//!
//! The three scopes (the id is the local name of `{base}entity/{id}`):
//! - **corpus** — the slug of the canonical name (`walter_hale`, `united_states`): Wikidata-linked
//!   entities, full names of people, proper names of organisations and places, dates with a year,
//!   and concepts that name a unique thing (written capitalised inside a sentence, or with a
//!   digit: `Brexit`, `COVID-19`).
//!   A full name whose document says what the person does (`Senator Alex Morgan`, `Morgan, a
//!   striker`) is qualified by that field: `alex_morgan.politician`, `alex_morgan.athlete` — two
//!   people of one name stay two nodes; the corpus linker joins a bare `alex_morgan` to the one
//!   qualified person of that name when there is only one.
//! - **context** — `{name}.in.{country}`: a generic institution name (`Senate`, `Constitutional Court`,
//!   `Ministry of Health`, `Parliament`) that opens with a country (`UK Parliament`, `Peruvian
//!   Senate`: the rest of the name, in that country), or else stands in a document about one
//!   country, is that country's institution, labelled `Senate (Philippines)`.
//! - **document** — `{name}.{document id}`: common nouns (`people`, `officials`, `the bill`), a
//!   person named by one word only (`Morgan`: the corpus linker may add a `kg:sameAs` to the one
//!   full name it can stand for), people named by a title alone (`Prime Minister`), generic
//!   institution names without a dominant country, relative dates, amounts.

use crate::document::{Document, Entity, EntityType, Fact, FactObject, Mention};
use crate::nlp::lemma::Lemmatizer;
use crate::resolve::names;
use std::collections::HashMap;

/// Where an entity's identity holds (see the module doc).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Corpus,
    /// The country entity's id and label.
    Context { country: String, country_label: String },
    Document,
    /// A full name qualified by the person's field (`politician`).
    Field(&'static str),
}

/// Separator between a document-scoped entity's name and its document id.
pub const DOCUMENT_SEPARATOR: char = '.';
/// Infix of a context-scoped id (`senate.in.philippines`).
pub const CONTEXT_INFIX: &str = ".in.";

/// Words that head the name of an institution found in many countries (general English).
/// A name made only of such heads, ordinary lowercase words and `of`/`the`/`for`/`and` is
/// generic: `Senate`, `Constitutional Court`, `Ministry of Health`, `National Assembly`.
fn is_institution_head(w: &str) -> bool {
    matches!(
        w,
        "senate" | "parliament" | "congress" | "assembly" | "court" | "ministry" | "department" | "government"
            | "police" | "army" | "navy" | "military" | "council" | "cabinet" | "committee" | "commission"
            | "agency" | "office" | "house" | "chamber" | "legislature" | "judiciary" | "tribunal" | "bureau"
            | "authority" | "authorities" | "administration" | "presidency" | "treasury" | "force" | "forces"
            | "guard" | "service" | "board" | "bank" | "opposition" | "coalition" | "party" | "senators"
    )
}

/// Nouns for a post in an organisation that a person holds (general English, beside the
/// title words of [`names::is_title_word`] and the fields of [`field_of`]).
fn is_post_noun(w: &str) -> bool {
    matches!(
        w,
        "manager" | "officer" | "official" | "inspector" | "superintendent" | "engineer" | "clerk" | "controller"
            | "supervisor" | "coordinator" | "administrator" | "adviser" | "advisor" | "auditor" | "registrar"
            | "collector" | "magistrate" | "warden" | "director" | "secretary" | "spokesperson" | "chairperson"
            | "treasurer" | "commissioner" | "surgeon" | "physician" | "examiner" | "editor"
    )
}

/// Whether `label` holds `country_label` as whole words (`Zembla Senate`, `North Zembla`).
fn names_the_country(label: &str, country_label: &str) -> bool {
    let words: Vec<String> = label.split_whitespace().map(names::word_key).collect();
    let country: Vec<String> = country_label.split_whitespace().map(names::word_key).collect();
    !country.is_empty() && words.windows(country.len()).any(|w| w == country.as_slice())
}

/// The gazetteer country a generic institution's name opens with, by name, alias or demonym
/// (`Chile Senate`, `UK Parliament`, `Peruvian Senate`): its id, its label and the rest of
/// the name (`Senate`).
fn country_in_name(label: &str) -> Option<(String, String, String)> {
    let gazetteer = crate::nlp::gazetteer::Gazetteer::embedded();
    let words: Vec<&str> = label.split_whitespace().collect();
    (1..words.len()).rev().find_map(|k| {
        let prefix = words[..k].join(" ");
        let demonym = || if k == 1 { gazetteer.demonym(&prefix) } else { None };
        let entry = gazetteer.lookup(&prefix).filter(|e| e.kind == EntityType::Country).or_else(|| demonym().filter(|e| e.kind == EntityType::Country))?;
        Some((names::slug(&entry.label), entry.label.clone(), words[k..].join(" ")))
    })
}

/// Function words allowed inside a generic name.
fn is_name_function_word(w: &str) -> bool {
    matches!(w, "of" | "the" | "for" | "and" | "on" | "'s")
}

/// Decides the id of every entity of one document and rewrites facts and mentions to it.
pub struct IdentityMinter<'a> {
    lemmas: Option<&'a Lemmatizer>,
}

impl<'a> IdentityMinter<'a> {
    /// `lemmas` tells ordinary words from names (a word the lemmatizer knows as a lowercase
    /// noun or adjective); without it only the institution heads count as generic.
    pub fn new(lemmas: Option<&'a Lemmatizer>) -> Self {
        IdentityMinter { lemmas }
    }

    /// Rewrites the ids of `entities` (the used ones), `facts` and `mentions` by scope.
    /// `all` are every resolved entity of the document (for the labels of countries).
    pub fn mint(&self, doc: &Document, all: &[Entity], mentions: &mut [Mention], entities: &mut Vec<Entity>, facts: &mut [Fact]) {
        let country = dominant_country(mentions, all);
        let labels: HashMap<&str, &str> = all.iter().map(|e| (e.id.as_str(), e.label.as_str())).collect();
        // Each person's mentions and `is a` facts, grouped once: scanning all of them per person
        // grew with the square of a long document's length.
        let mut mentions_of: HashMap<&str, Vec<&Mention>> = HashMap::new();
        for m in mentions.iter() {
            if let Some(id) = m.entity.as_deref() {
                mentions_of.entry(id).or_default().push(m);
            }
        }
        let mut kinds_of: HashMap<&str, Vec<&Fact>> = HashMap::new();
        for f in facts.iter().filter(|f| f.predicate.label == "is a") {
            kinds_of.entry(f.subject.as_str()).or_default().push(f);
        }
        let fields: HashMap<String, &'static str> = entities
            .iter()
            .filter(|e| e.kind == EntityType::Person)
            .filter_map(|e| {
                let own_mentions = mentions_of.get(e.id.as_str()).map_or(&[][..], Vec::as_slice);
                let own_kinds = kinds_of.get(e.id.as_str()).map_or(&[][..], Vec::as_slice);
                person_field(doc, own_mentions, own_kinds, &labels).map(|f| (e.id.clone(), f))
            })
            .collect();
        let mut renamed: HashMap<String, String> = HashMap::new();
        for e in entities.iter_mut() {
            let original = e.id.clone();
            if e.kind == EntityType::Person
                && let Some(name) = without_leading_roles(&e.label)
            {
                // `Businessman Don Blankenship` is Don Blankenship (the role is his field)
                e.aliases.push(std::mem::replace(&mut e.label, name));
                e.aliases.sort();
                e.id = names::slug(&e.label);
            }
            let mut scope = self.scope(doc, e, country.as_ref());
            if let (Scope::Corpus, Some(field), EntityType::Person) = (&scope, fields.get(&original), e.kind) {
                scope = Scope::Field(field);
            }
            match &scope {
                Scope::Corpus => {}
                Scope::Context { country, country_label } => {
                    // the document keeps the name as written; the corpus label is the qualified one,
                    // unless the name already says where (`Zembla Senate`); a name that opens with
                    // its country (`UK Parliament`, `Peruvian Senate`) is the country's institution
                    if let Some((_, _, core)) = country_in_name(&e.label).filter(|(id, _, _)| id == country) {
                        e.aliases.push(format!("{core} ({country_label})"));
                        e.aliases.sort();
                        e.id = names::slug(&core);
                    } else if !names_the_country(&e.label, country_label) {
                        e.aliases.push(format!("{} ({country_label})", e.label));
                        e.aliases.sort();
                    }
                    e.id = format!("{}{CONTEXT_INFIX}{country}", e.id);
                }
                Scope::Document => e.id = format!("{}{DOCUMENT_SEPARATOR}{}", e.id, doc.id),
                Scope::Field(field) => e.id = format!("{}{DOCUMENT_SEPARATOR}{field}", e.id),
            }
            if e.id != original {
                renamed.insert(original, e.id.clone());
            }
        }
        if renamed.is_empty() {
            return;
        }
        merge_same_ids(entities);
        let map = |id: &mut String| {
            if let Some(n) = renamed.get(id.as_str()) {
                *id = n.clone();
            }
        };
        for f in facts.iter_mut() {
            map(&mut f.subject);
            if let FactObject::Entity(o) = &mut f.object {
                map(o);
            }
            for q in &mut f.qualifiers {
                if q.literal.is_none() {
                    map(&mut q.value);
                }
            }
        }
        for m in mentions.iter_mut() {
            if let Some(id) = &mut m.entity {
                map(id);
            }
        }
        entities.sort_by(|a, b| a.id.cmp(&b.id));
    }

    /// The scope of one entity, from its type, name and the document's text.
    pub fn scope(&self, doc: &Document, e: &Entity, country: Option<&(String, String)>) -> Scope {
        if e.wikidata.is_some() {
            return Scope::Corpus;
        }
        let words: Vec<String> = e.label.split_whitespace().map(names::word_key).filter(|w| !w.is_empty()).collect();
        // generic, perhaps after the country it opens with (`UK Parliament`)
        let generic = self.is_generic(&words)
            || country_in_name(&e.label).is_some_and(|(_, _, core)| self.is_generic(&core.split_whitespace().map(names::word_key).collect::<Vec<_>>()));
        match e.kind {
            EntityType::Date => {
                if has_year(&e.label) { Scope::Corpus } else { Scope::Document }
            }
            EntityType::Money | EntityType::Quantity => Scope::Document,
            EntityType::Concept => {
                if !names_unique_thing(doc, &e.label) || self.names_a_post(&words) {
                    Scope::Document
                } else if generic {
                    // `House`, `Senate` written capitalised: an institution, placed as one
                    self.generic_scope(&e.label, country)
                } else {
                    Scope::Corpus
                }
            }
            EntityType::Person => {
                // `Mr Morgan`, `President Hale`: a title and one name are a surname, the document's
                // own until the corpus linker finds the one full name it stands for
                let name_words = words.iter().skip_while(|w| is_title_before_surname(w)).count();
                if name_words < 2 || self.is_generic(&words) { Scope::Document } else { Scope::Corpus }
            }
            EntityType::Country | EntityType::City | EntityType::InternationalOrganization => Scope::Corpus,
            _ => {
                if self.names_a_post(&words) {
                    // `Divisional Railway Manager`: whoever holds a post, in each document another
                    Scope::Document
                } else if !generic {
                    Scope::Corpus
                } else {
                    self.generic_scope(&e.label, country)
                }
            }
        }
    }

    /// A generic institution name is the institution of the country it opens with (`US
    /// Senate`), else of the document's country, else the document's own.
    fn generic_scope(&self, label: &str, country: Option<&(String, String)>) -> Scope {
        if let Some((id, label, _)) = country_in_name(label) {
            return Scope::Context { country: id, country_label: label };
        }
        match country {
            Some((id, label)) => Scope::Context { country: id.clone(), country_label: label.clone() },
            None => Scope::Document,
        }
    }

    /// Whether a name is made of ordinary words around an institution head (`Constitutional Court`)
    /// or of title words alone (`Prime Minister`).
    pub fn is_generic(&self, words: &[String]) -> bool {
        let content: Vec<&String> = words.iter().filter(|w| !is_name_function_word(w)).collect();
        let Some(head) = content.last() else { return false };
        if content.iter().all(|w| names::is_title_word(w) || names::is_role_noun(w)) {
            return true;
        }
        is_institution_head(head)
            && content.iter().all(|w| is_institution_head(w) || names::is_title_word(w) || self.is_ordinary_word(w))
    }

    /// Whether a name is a post held by a person, written with ordinary words around a role
    /// noun (`Divisional Railway Manager`, `Chief Medical Officer`): a common noun phrase,
    /// though capitalised.
    pub fn names_a_post(&self, words: &[String]) -> bool {
        let content: Vec<&String> = words.iter().filter(|w| !is_name_function_word(w)).collect();
        let Some(head) = content.last() else { return false };
        let post = is_post_noun(head) || field_of(head).is_some() || names::is_role_noun(head);
        post && content.iter().all(|w| names::is_title_word(w) || field_of(w).is_some() || self.is_ordinary_word(w))
    }

    /// A lowercase noun or adjective the lemmatizer knows, or an adjective made from a known noun
    /// with `-al`/`-ial` (`divisional`, `presidential`), which the treebanks may never show.
    fn is_ordinary_word(&self, w: &str) -> bool {
        let Some(l) = self.lemmas else { return false };
        let known_noun = |stem: &str| stem.len() >= 4 && l.is_known("NN", stem);
        l.is_known("NN", w)
            || l.is_known("JJ", w)
            || w.strip_suffix("ial").is_some_and(known_noun)
            || w.strip_suffix("al").is_some_and(known_noun)
    }
}

/// A title or role word written before a surname (`Mr`, `Senator`, `President`). Titles that
/// go with a given name and make it unique (`King Olaf`, `Pope Linus`, `Sir Edmund`) are not.
pub fn is_title_before_surname(w: &str) -> bool {
    let with_given_name = matches!(
        w,
        "king" | "queen" | "prince" | "princess" | "pope" | "sheikh" | "emir" | "ayatollah" | "lord" | "lady" | "sir" | "dame"
    );
    !with_given_name && (field_of(w).is_some() || names::is_title_word(w))
}

/// What a person does, by field (general English role nouns; a person's field tells two people
/// of one name apart: a senator and a footballer).
pub fn field_of(word: &str) -> Option<&'static str> {
    Some(match word {
        "president" | "senator" | "sen" | "congressman" | "congresswoman" | "representative" | "rep" | "governor"
        | "mayor" | "minister" | "premier" | "chancellor" | "lawmaker" | "politician" | "legislator" | "mp"
        | "diplomat" | "ambassador" | "envoy" | "councillor" | "councilman" | "councilwoman" | "statesman" => "politician",
        "footballer" | "striker" | "midfielder" | "defender" | "goalkeeper" | "player" | "coach" | "athlete"
        | "golfer" | "boxer" | "cyclist" | "swimmer" | "sprinter" | "runner" | "racer" | "jockey" | "skier"
        | "wrestler" | "quarterback" | "pitcher" | "batsman" | "bowler" | "olympian" | "gymnast" => "athlete",
        "ceo" | "executive" | "businessman" | "businesswoman" | "entrepreneur" | "billionaire" | "investor"
        | "banker" | "tycoon" => "businessperson",
        "actor" | "actress" | "singer" | "musician" | "rapper" | "songwriter" | "composer" | "filmmaker"
        | "author" | "writer" | "novelist" | "poet" | "artist" | "painter" | "comedian" | "dancer" => "artist",
        "judge" | "lawyer" | "attorney" | "prosecutor" => "jurist",
        "colonel" | "admiral" | "soldier" | "sergeant" | "lieutenant" | "marshal" => "soldier",
        "pope" | "bishop" | "archbishop" | "cardinal" | "priest" | "imam" | "rabbi" | "cleric" | "pastor" => "cleric",
        "scientist" | "researcher" | "professor" | "physicist" | "chemist" | "biologist" | "astronomer" | "economist" => "scientist",
        "journalist" | "reporter" | "correspondent" | "columnist" | "broadcaster" => "journalist",
        _ => return None,
    })
}

/// The field a document gives a person: role words in and just before its name mentions
/// (`Senator Alex Morgan`), after them as an apposition (`Morgan, a striker`), and the objects
/// of its `is a` facts. The most frequent field, none on a tie.
/// `mentions` are the person's own, `kinds` the `is a` facts with the person as subject.
fn person_field(doc: &Document, mentions: &[&Mention], kinds: &[&Fact], labels: &HashMap<&str, &str>) -> Option<&'static str> {
    let mut votes: HashMap<&'static str, usize> = HashMap::new();
    let mut vote = |w: &str| {
        if let Some(f) = field_of(&names::word_key(w)) {
            *votes.entry(f).or_default() += 1;
        }
    };
    for m in mentions {
        let Some(s) = doc.sentences.get(m.sentence) else { continue };
        let before = m.tokens.start.saturating_sub(2)..m.tokens.start;
        for i in before.chain(m.tokens.clone()) {
            if let Some(t) = s.tokens.get(i) {
                vote(&t.form);
            }
        }
        // `Morgan, a striker for …`: the noun of an apposition right after the name
        let after: Vec<&str> = s.tokens.iter().skip(m.tokens.end).take(5).map(|t| t.form.as_str()).collect();
        if after.first() == Some(&",") {
            for w in after.iter().skip(1).take_while(|w| !matches!(**w, "," | "." | "said" | "says")) {
                vote(w);
            }
        }
    }
    for f in kinds {
        if let FactObject::Entity(o) = &f.object {
            for w in labels.get(o.as_str()).copied().unwrap_or("").split_whitespace() {
                vote(w);
            }
        }
    }
    let mut ranked: Vec<(&'static str, usize)> = votes.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    match ranked.as_slice() {
        [(f, n), rest @ ..] if rest.first().is_none_or(|(_, m)| m < n) => Some(f),
        _ => None,
    }
}

/// A person's name without the role words in front (`Businessman Don Blankenship` → `Don
/// Blankenship`), when at least two words are left.
fn without_leading_roles(label: &str) -> Option<String> {
    let words: Vec<&str> = label.split_whitespace().collect();
    let roles = words.iter().take_while(|w| {
        let k = names::word_key(w);
        field_of(&k).is_some() || names::is_title_word(&k)
    });
    let n = roles.count();
    (n > 0 && words.len() - n >= 2).then(|| words[n..].join(" "))
}

/// Entities that ended with one id (a name with and without its title) become one.
fn merge_same_ids(entities: &mut Vec<Entity>) {
    entities.sort_by(|a, b| a.id.cmp(&b.id));
    let mut out: Vec<Entity> = Vec::with_capacity(entities.len());
    for e in entities.drain(..) {
        match out.last_mut() {
            Some(last) if last.id == e.id => {
                last.aliases.extend(e.aliases);
                if e.label != last.label {
                    last.aliases.push(e.label);
                }
                last.merges.extend(e.merges);
                let label = last.label.clone();
                last.aliases.retain(|a| *a != label);
                last.aliases.sort();
                last.aliases.dedup();
                if last.wikidata.is_none() {
                    last.wikidata = e.wikidata;
                }
            }
            _ => out.push(e),
        }
    }
    *entities = out;
}

/// The country the document is about: the one with most mentions, at least two and more than
/// any other. Returns its id and label.
pub fn dominant_country(mentions: &[Mention], all: &[Entity]) -> Option<(String, String)> {
    let countries: HashMap<&str, &Entity> = all.iter().filter(|e| e.kind == EntityType::Country).map(|e| (e.id.as_str(), e)).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for m in mentions {
        if let Some(id) = m.entity.as_deref().filter(|id| countries.contains_key(id)) {
            *counts.entry(id).or_default() += 1;
        }
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    match ranked.as_slice() {
        [(id, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|(_, m)| m < n) => {
            Some(((*id).to_owned(), countries[id].label.clone()))
        }
        _ => None,
    }
}

fn has_year(label: &str) -> bool {
    label.split(|c: char| !c.is_ascii_digit()).any(|d| d.len() == 4 && (d.starts_with("1") || d.starts_with("2")))
}

/// A concept names a unique thing when each of its words (`of`, `the`, … aside) is a name:
/// capitalised, or letters and digits in one word (`COVID-19`, `mAb114`); with such a word it
/// does, otherwise when the document writes it capitalised somewhere other than at the start
/// of a sentence (`Brexit`, `Medicare`, `Iraq War`). A common noun with a name in it (`lot of
/// Republicans`, `Twitter account`, `magnitude of 4.0`) is no name.
fn names_unique_thing(doc: &Document, label: &str) -> bool {
    let mixed = |w: &str| w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(char::is_alphabetic);
    let content: Vec<&str> = label.split_whitespace().filter(|w| !names::is_name_connector(&w.to_lowercase())).collect();
    if content.is_empty() || !content.iter().all(|w| w.starts_with(char::is_uppercase) || mixed(w)) {
        return false;
    }
    if content.iter().any(|w| mixed(w)) {
        return true;
    }
    let text = &doc.text;
    let mut from = 0;
    while let Some(pos) = text[from..].find(label).map(|p| p + from) {
        let sentence_start = doc.sentences.binary_search_by_key(&pos, |s| s.span.byte.start).is_ok()
            || text[..pos].trim_end_matches(|c: char| c == '"' || c == '“' || c == '\'' || c == '‘' || c.is_whitespace()).ends_with(['.', '!', '?', ':'])
            || text[..pos].trim_end().is_empty();
        let whole_word = !text[..pos].ends_with(char::is_alphanumeric) && !text[pos + label.len()..].starts_with(char::is_alphanumeric);
        if whole_word && !sentence_start {
            return true;
        }
        from = pos + label.len().max(1);
    }
    false
}

#[cfg(test)]
mod tests;
