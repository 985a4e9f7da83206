//! Entity resolution: who is who in a document.
//!
//! In: a [`Document`] (tagged and parsed sentences), the named-entity [`Mention`]s from
//! `nlp::ner`, and the [`OpenTriple`]s from `extract`. Out: a [`ResolvedDocument`]: one
//! [`Entity`] per real thing, every mention with its entity, and [`ResolvedTriple`]s whose
//! arguments point at entity ids.
//!
//! How (a deterministic sieve, in document order, in the spirit of Lee et al. 2013):
//! 1. Named mentions (NER + gazetteer) are clustered: gazetteer entry (all aliases, acronyms and
//!    spellings of one country/organisation/city are one entity), exact name, surname → full name
//!    (`Hale` → `Walter Hale`, both orders), spelling variant (`Zelensky`/`Zelenskyy`), acronym
//!    ↔ initials for organisations outside the gazetteer, a name the text states as a person's
//!    other name (`under the ring name N`, `better known as N`, `born N`: `aliases`; the
//!    statement's object stays a literal node); never a name set beside a kinship noun whose owner
//!    is the person it would join (`her mother, NAME`: a relative). Titles and nationality words in front of
//!    a person's name (`US President`, `his Colombian counterpart`, a capitalised portfolio with its
//!    title: `National Security Adviser`) are stripped from the name and kept as the person's roles,
//!    nationality and gender evidence.
//! 2. Definite descriptions: `the US President` (role + nationality), `the former drummer` (an
//!    occupation the text gave a person as a title: `drummer X`), `the Colombian leader`
//!    (nationality + leader role), `the two leaders` / `both leaders` (the two most salient people),
//!    `the Hale administration` / `the Colombian government` (the person's / named country),
//!    `the country` / `the island nation` / `the Gulf state` (the most recent country, `countries`),
//!    `the government` alone (the country in focus);
//!    class nouns — `the firm`, `the city`, `the board`, `the man`, `the 45-year-old` — to the
//!    most salient earlier entity of a compatible type (`names::class_noun_fits`: `the city` names
//!    a city or a city-state, `the region`/`the island` no country, a place noun never a person;
//!    `the building` / `the mansion` / `the airport` only a facility's name of a fitting head;
//!    a link whose entity later changes kind is undone), preferring a
//!    name that contains the head noun; a generic role bound by `of` (`the head of X`) is no
//!    back-reference; `the bill` (an argument) to the latest concept headed by
//!    `bill` (not one set apart, `a similar bill`, nor an amount, `much information`). Before step 1, NER mentions are repaired: adjacent person parts are one name
//!    (`Karim` + `bin Tarek`), a storm noun joins the name (`Hurricane Ilsa`, an event); a bare
//!    surname absorbs a full name NER typed as a place or organisation; initials (`ACME`) take
//!    the full name spelled out anywhere in the document; a name typed as a place that is not in the
//!    gazetteer and is the subject of a verb of saying in two sentences is a person.
//! 3. Pronouns: first the learned coreference model's chain (`nlp::coref`, trained on GUM): the
//!    nearest earlier mention of the pronoun's chain that resolved to a compatible entity. Else
//!    he/she/his/her/him → the most salient compatible person (gender from titles, the first-name
//!    genders learned from GUM's chains and earlier pronouns, which a later title or first name
//!    overrides; sentence distance ≤ 3; subjects preferred; a non-reflexive
//!    object is not its own clause's subject; a his/her in a clause's object is its named subject);
//!    a subject `it` → the subject of the clause governing it or of the sentence before, when that
//!    is a country, organisation or named storm (none when it is another thing); else
//!    it/its → a country, organisation or named storm in the same or previous sentence (`it` only
//!    when that one was a subject, and never in speech or an interview's answer); they/their → a group
//!    (`Ferrer and Hale` — two names joined, not two clauses —, `the Hales` for people of that
//!    surname, `the two leaders`; an object `them` never its own clause's subject, a subject `they`
//!    never a group named before an organisation that was a main clause's subject);
//!    I/me/my → the speaker of the quote. An unresolved
//!    pronoun drops the triple; no entity is ever named after a pronoun.
//! 4. Metonymy: a capital or seat of government as the subject of a triple (`Washington
//!    cancelled`, `the White House said`) is the country; in any other role, or when the text
//!    calls it `the city` (a class description), it stays a place.
//! 5. Other arguments become concepts labelled with the argument minus determiners and a leading
//!    possessor (`Ferrer's visa` → `visa`: the possessor is a separate `nominal:poss` triple), or
//!    literal entities (Date/Money/Quantity) from NER mentions.
//!
//! Ids are slugs of the canonical label (`walter_hale`, `united_states`), so the same label in
//! two documents is the same node; a bare surname in a document without the full name stays its
//! own entity (`trump`), never merged with someone from another document without evidence.
//! Gazetteer entities carry their Wikidata id; people get local ids only. Every merge records a
//! [`MergeNote`] with the rule that fired.
//!
//! 6. Quotations that go on past their speaker's sentence (`"…," X said. "…"`) stay X's
//!    (`quotes`): the continuing sentence is X's statement and its facts are reported by X.
//!
//! A role description with the person's name in apposition after it (`The chairman of X, NAME,
//! said`) is that person as an agent: a subject or a speaker (`appositions`); so is a class
//! description with an organisation's or body's name there (`The rebel group, the Vell Front,
//! claimed`), a name NER missed included. A noun before a class noun picks the name that holds it
//! (`the appeals court` → `… Court of Appeals`, never a `High Court`), as far back as the one
//! such name of the document.
//! Roles stated in a clause or an apposition (`X, the governor of Y,`, `X was elected governor`)
//! are the person's roles like a title before the name (`roles`), so `the governor` finds X.
//! `the storm` is the named storm before it (`Hurricane X`). A vehicle introduced by a noun
//! phrase with a name inside (`a Zembla Air passenger jet`) is an entity of its own (`vehicles`),
//! so `the plane` / `the aircraft` after it finds it.
//!
//! Each step is its own file, working on the shared `state` (clusters, salience history, token
//! references): `scan` walks a sentence and hands each token to its step — `named` (1, with
//! `aliases` run after each sentence),
//! `descriptions` (2), `pronouns` (3) —, `arguments` resolves the triples' arguments (4, 5) and
//! `finish` gives clusters their ids. [`names`] holds the word lists they share.

mod agents;
mod aliases;
mod appositions;
mod arguments;
mod countries;
mod descriptions;
mod finish;
mod focus;
mod groups;
mod identified;
mod index;
mod named;
pub(crate) use named::{BODY_WORDS, CORPORATE_WORDS};
pub mod names;
mod pronouns;
mod quotes;
mod roles;
mod scan;
mod state;
mod unnamed;
pub(crate) use unnamed::{is_thing_noun, person_noun};
mod vehicles;

use crate::document::{Document, Entity, EntityType, Mention, OpenTriple, ResolvedTriple, Sentence};
use crate::nlp::gazetteer::Gazetteer;
use state::{State, lower_key};
use std::sync::OnceLock;

/// The output of [`Resolver::resolve`].
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct ResolvedDocument {
    /// Sorted by id, one per id.
    pub entities: Vec<Entity>,
    /// The input mentions with their entity set, plus the gazetteer names, pronouns and
    /// descriptions that were resolved; in document order.
    pub mentions: Vec<Mention>,
    pub triples: Vec<ResolvedTriple>,
}

/// The coreference model's chains of one document ([`Resolver::chains`]).
#[derive(Debug, Default)]
pub struct CorefChains(pronouns::ModelChains);

/// Resolves mentions and triple arguments to entities.
pub struct Resolver {
    gaz: &'static Gazetteer,
}

impl Resolver {
    /// The resolver over the embedded gazetteer.
    pub fn embedded() -> &'static Resolver {
        static R: OnceLock<Resolver> = OnceLock::new();
        R.get_or_init(|| Resolver { gaz: Gazetteer::embedded() })
    }

    pub fn new(gaz: &'static Gazetteer) -> Resolver {
        Resolver { gaz }
    }

    pub fn gazetteer(&self) -> &'static Gazetteer {
        self.gaz
    }

    pub fn resolve(&self, doc: &Document, mentions: &[Mention], triples: Vec<OpenTriple>) -> ResolvedDocument {
        self.resolve_with(doc, mentions, triples, self.chains(doc, mentions))
    }

    /// The learned coreference model's chains of `doc`: they depend on the analysed document and
    /// its mentions only, so a caller can compute them beside extraction and hand them to
    /// [`Resolver::resolve_with`].
    pub fn chains(&self, doc: &Document, mentions: &[Mention]) -> CorefChains {
        CorefChains(pronouns::ModelChains::of(doc, mentions))
    }

    /// [`Resolver::resolve`] with the chains of [`Resolver::chains`] computed already (same result).
    pub fn resolve_with(&self, doc: &Document, mentions: &[Mention], triples: Vec<OpenTriple>, chains: CorefChains) -> ResolvedDocument {
        let mut st = State::new(self.gaz, doc);
        st.model = chains.0;
        st.alias_statements = aliases::statements(&triples);
        st.role_statements = roles::statements(&triples);
        st.agent_statements = roles::agent_statements(&triples);
        for t in &triples {
            if let Some(s) = doc.sentences.get(t.sentence) {
                for i in t.subject.tokens.clone().filter(|&i| i < s.tokens.len()) {
                    st.subject_tokens[t.sentence][i] = true;
                }
            }
        }
        let mentions = &scan::speaking_places_as_people(self.gaz, doc, mentions)[..];
        for m in mentions {
            if m.kind == EntityType::Person && m.tokens.len() > 1
                && let Some(t) = doc.sentences.get(m.sentence).and_then(|s| s.tokens.get(m.tokens.end - 1)) {
                    let k = lower_key(&t.form);
                    if !st.doc_surnames.contains(&k) {
                        st.doc_surnames.push(k);
                    }
                    let s = &doc.sentences[m.sentence];
                    let words: Vec<String> = m.tokens.clone().filter_map(|i| s.tokens.get(i)).map(|t| lower_key(&t.form)).collect();
                    st.doc_person_names.push(words);
                }
        }
        let mut by_sentence: Vec<Vec<&Mention>> = vec![Vec::new(); doc.sentences.len()];
        for m in mentions {
            if let Some(v) = by_sentence.get_mut(m.sentence) {
                v.push(m);
            }
        }
        let off_story = off_story_sentences(doc);
        for (si, sent) in doc.sentences.iter().enumerate() {
            if off_story[si] {
                // link lines are no part of the story: their names neither resolve nor count
                st.mentions.extend(by_sentence[si].iter().map(|m| Mention { entity: None, ..(*m).clone() }));
                continue;
            }
            let first_new = st.clusters.len();
            st.scan_sentence(si, sent, &by_sentence[si]);
            st.register_aliases(si, first_new);
            st.register_roles(si);
            st.register_agents(si);
            st.register_agent_nouns(si);
        }
        st.drop_unfit_descriptions();
        st.identified_descriptions();
        let mut out_triples = Vec::new();
        for t in triples {
            if off_story.get(t.sentence).copied().unwrap_or(false) {
                continue;
            }
            st.resolve_triple(t, &mut out_triples);
        }
        st.carry_quotes(&mut out_triples);
        st.finish(out_triples)
    }
}


/// Per sentence of `doc`: whether it is no part of the story — a link line ([`is_boilerplate`]),
/// or a sentence of a paragraph that is a photo caption or a pull-quote's attribution line
/// ([`is_caption`], [`is_attribution_line`]).
fn off_story_sentences(doc: &Document) -> Vec<bool> {
    let mut paragraphs: Vec<(usize, String)> = Vec::new();
    for s in &doc.sentences {
        match paragraphs.last_mut() {
            Some((p, text)) if *p == s.paragraph => {
                text.push(' ');
                text.push_str(s.text.trim());
            }
            _ => paragraphs.push((s.paragraph, s.text.trim().to_string())),
        }
    }
    let label = gallery_labels(&paragraphs);
    let off: std::collections::HashSet<usize> = paragraphs
        .iter()
        .zip(&label)
        .filter(|((_, t), gallery)| **gallery || is_caption(t) || is_attribution_line(t))
        .map(|((p, _), _)| *p)
        .collect();
    doc.sentences.iter().map(|s| is_boilerplate(s) || off.contains(&s.paragraph)).collect()
}

/// Per paragraph: whether it is one of a run of photo labels in a gallery (`Fans in costume at
/// the hall`, `Mara Vellin signing autographs`): a short paragraph with no closing punctuation,
/// next to another such paragraph. A story's sentences end on a stop; a gallery's labels do not,
/// and they come several in a row. One such line alone (a heading, a list item, a sign-off) is
/// left to the story; so is a bulleted item (`* X dropped out`), which is a list, not a label.
fn gallery_labels(paragraphs: &[(usize, String)]) -> Vec<bool> {
    let label: Vec<bool> = paragraphs.iter().map(|(_, t)| is_unpunctuated_label(t)).collect();
    // a run needs paragraphs that follow each other in the text
    let adjacent = |a: usize, b: usize| paragraphs[b].0 == paragraphs[a].0 + 1;
    (0..label.len())
        .map(|i| label[i] && ((i > 0 && label[i - 1] && adjacent(i - 1, i)) || (i + 1 < label.len() && label[i + 1] && adjacent(i, i + 1))))
        .collect()
}

/// A short line that does not end a sentence: at most twelve words, no closing stop (`.`, `!`,
/// `?`, a colon or semicolon, with any closing quote or bracket after it), no list bullet.
fn is_unpunctuated_label(text: &str) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    if words == 0 || words > 12 || t.starts_with(['*', '-', '•', '·', '—', '–']) {
        return false;
    }
    let last = t.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']).chars().next_back();
    !matches!(last, Some('.' | '!' | '?' | ':' | ';' | '…'))
}

/// A photo caption in a news page's gallery: a short paragraph that ends on its credit
/// (`Protesters at the march. Image: NAME.`, `NAME Photo: AGENCY (flickr)`). A credit is the
/// paragraph's last few words after a capitalised `Image:` / `Photo:` / `Picture:` (singular or
/// plural, optionally `… credit:`).
fn is_caption(text: &str) -> bool {
    // capitalised as a credit is (`the image: a flooded town` is prose)
    const MARKS: [&str; 8] = ["Image:", "Images:", "Photo:", "Photos:", "Picture:", "Pictures:", "Image credit:", "Photo credit:"];
    let words = text.split_whitespace().count();
    if words > 40 {
        return false;
    }
    MARKS.iter().any(|m| {
        text.rfind(m).is_some_and(|at| {
            let before = text[..at].chars().next_back();
            let credit = text[at + m.len()..].split_whitespace().count();
            (at == 0 || before.is_some_and(|c| c.is_whitespace())) && (1..=8).contains(&credit)
        })
    })
}

/// A pull-quote's attribution line: a short paragraph that opens on a dash (`—NAME, Twitter`,
/// `– the court's ruling`), set under a quotation that the page shows apart from the story.
fn is_attribution_line(text: &str) -> bool {
    let t = text.trim_start();
    let mut chars = t.chars();
    let opens = match chars.next() {
        Some('—' | '–' | '―') => true,
        // a hyphen only when it touches a capitalised word (`-Article last amended`), never a list
        Some('-') => chars.next().is_some_and(|c| c.is_uppercase()),
        _ => false,
    };
    opens && t.split_whitespace().count() <= 20
}

/// Link lines of news pages (`Also Read: …`, `Read more: …`): not part of the story.
fn is_boilerplate(s: &Sentence) -> bool {
    let t = s.text.trim_start();
    let head: String = t.chars().take(16).collect::<String>().to_lowercase();
    ["also read", "read also", "read more", "related:", "recommended:", "watch:", "see also:", "click here"]
        .iter()
        .any(|p| head.starts_with(p))
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_places;
#[cfg(test)]
mod tests_desc;
#[cfg(test)]
mod tests_alias;
