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
//!    (`Trump` → `Donald Trump`, both orders), spelling variant (`Zelensky`/`Zelenskyy`), acronym
//!    ↔ initials for organisations outside the gazetteer. Titles and nationality words in front of
//!    a person's name (`US President`, `his Colombian counterpart`) are stripped from the name and
//!    kept as the person's roles, nationality and gender evidence.
//! 2. Definite descriptions: `the US President` (role + nationality), `the Colombian leader`
//!    (nationality + leader role), `the two leaders` / `both leaders` (the two most salient people),
//!    `the Trump administration` / `the Colombian government` (the person's / named country),
//!    `the country` (most salient country).
//! 3. Pronouns: he/she/his/her/him → the most salient compatible person (gender from titles,
//!    first names and earlier pronouns; sentence distance ≤ 3; subjects preferred; a non-reflexive
//!    object is not its own clause's subject); it/its → a country or organisation in the same or
//!    previous sentence (`it` only when that one was a subject); they/their → a group
//!    (`Petro and Trump`, `the two leaders`); I/me/my → the speaker of the quote. An unresolved
//!    pronoun drops the triple; no entity is ever named after a pronoun.
//! 4. Metonymy: a capital or seat of government as the subject of a triple (`Washington
//!    cancelled`, `the White House said`) is the country; in any other role it stays a place.
//! 5. Other arguments become concepts labelled with the argument minus determiners and a leading
//!    possessor (`Petro's visa` → `visa`: the possessor is a separate `nominal:poss` triple), or
//!    literal entities (Date/Money/Quantity) from NER mentions.
//!
//! Ids are slugs of the canonical label (`donald_trump`, `united_states`), so the same label in
//! two documents is the same node; a bare surname in a document without the full name stays its
//! own entity (`trump`), never merged with someone from another document without evidence.
//! Gazetteer entities carry their Wikidata id; people get local ids only. Every merge records a
//! [`MergeNote`] with the rule that fired.

pub mod names;

use crate::document::{Argument, Document, Entity, EntityId, EntityType, MergeNote, Mention, OpenTriple, ResolvedTriple, Sentence, Span};
use crate::nlp::gazetteer::{GazMatch, Gazetteer, Via};
use names::{Gender, Pronoun};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
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
        let mut st = State::new(self.gaz, doc);
        for t in &triples {
            if let Some(s) = doc.sentences.get(t.sentence) {
                for i in t.subject.tokens.clone().filter(|&i| i < s.tokens.len()) {
                    st.subject_tokens[t.sentence][i] = true;
                }
            }
        }
        for m in mentions {
            if m.kind == EntityType::Person && m.tokens.len() > 1
                && let Some(t) = doc.sentences.get(m.sentence).and_then(|s| s.tokens.get(m.tokens.end - 1)) {
                    let k = lower_key(&t.form);
                    if !st.doc_surnames.contains(&k) {
                        st.doc_surnames.push(k);
                    }
                }
        }
        let mut by_sentence: Vec<Vec<&Mention>> = vec![Vec::new(); doc.sentences.len()];
        for m in mentions {
            if let Some(v) = by_sentence.get_mut(m.sentence) {
                v.push(m);
            }
        }
        for (si, sent) in doc.sentences.iter().enumerate() {
            if is_boilerplate(sent) {
                // link lines are no part of the story: their names neither resolve nor count
                st.mentions.extend(by_sentence[si].iter().map(|m| Mention { entity: None, ..(*m).clone() }));
                continue;
            }
            st.scan_sentence(si, sent, &by_sentence[si]);
        }
        let mut out_triples = Vec::new();
        for t in triples {
            if doc.sentences.get(t.sentence).is_some_and(is_boilerplate) {
                continue;
            }
            st.resolve_triple(t, &mut out_triples);
        }
        st.finish(out_triples)
    }
}

// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Target {
    One(usize),
    Group(Vec<usize>),
    /// A pronoun or other expression that must not become a node.
    Drop,
}

#[derive(Debug, Clone)]
struct Cluster {
    label: String,
    /// Word keys of the person's name (for name matching); empty for others.
    name: Vec<String>,
    kind: EntityType,
    gaz: Option<u32>,
    wikidata: Option<String>,
    aliases: BTreeSet<String>,
    merges: Vec<MergeNote>,
    gender: Gender,
    nationality: Option<u32>,
    roles: Vec<String>,
    count: usize,
}

impl Cluster {
    fn new(label: String, kind: EntityType) -> Cluster {
        Cluster {
            label,
            name: Vec::new(),
            kind,
            gaz: None,
            wikidata: None,
            aliases: BTreeSet::new(),
            merges: Vec::new(),
            gender: Gender::Unknown,
            nationality: None,
            roles: Vec::new(),
            count: 0,
        }
    }
}

/// One resolved occurrence, for salience.
#[derive(Debug, Clone)]
struct Hist {
    target: Target,
    sentence: usize,
    token: usize,
    subject: bool,
    /// Syntactic head of the occurrence's head token and its relation (for the same-clause check).
    gov: usize,
}

struct State<'a> {
    gaz: &'static Gazetteer,
    doc: &'a Document,
    clusters: Vec<Cluster>,
    by_gaz: HashMap<u32, usize>,
    by_key: HashMap<(String, bool), usize>,
    /// Per sentence, per token: what the token refers to and the rule that said so.
    refs: Vec<Vec<Option<(Target, &'static str)>>>,
    hist: Vec<Hist>,
    subject_tokens: Vec<Vec<bool>>,
    mentions: Vec<Mention>,
    /// Last words of every multi-word person mention in the document (lookahead evidence).
    doc_surnames: Vec<String>,
}

const GROUP_RULE: &str = "group";

/// A named mention in a sentence: tokens, type, gazetteer entry, index of the input mention.
type NamedSpan = (std::ops::Range<usize>, EntityType, Option<(u32, Via)>, Option<usize>);

/// A resolution note: text and the clusters it points at (rendered as ids at the end, when
/// labels are final).
type Note = (String, Vec<usize>);

/// A resolved triple before ids are final: triple, subjects, object, qualifiers, attribution, notes.
type Pending = (OpenTriple, Vec<usize>, Option<usize>, Vec<(String, Option<usize>, Argument)>, Option<String>, Vec<Note>);

fn lower_key(form: &str) -> String {
    names::word_key(form)
}

fn is_person_ok(c: &Cluster) -> bool {
    c.kind == EntityType::Person
}

fn join_tokens(s: &Sentence, r: std::ops::Range<usize>) -> String {
    let mut out = String::new();
    for i in r.clone() {
        let t = &s.tokens[i];
        out.push_str(&t.form);
        if i + 1 < r.end && t.space_after {
            out.push(' ');
        }
    }
    out
}

fn span_of(s: &Sentence, r: &std::ops::Range<usize>) -> Span {
    match (s.tokens.get(r.start), r.end.checked_sub(1).and_then(|e| s.tokens.get(e))) {
        (Some(a), Some(b)) => a.span.cover(&b.span),
        _ => s.span.clone(),
    }
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_subject_deprel(d: &str) -> bool {
    d.starts_with("nsubj") || d == "csubj"
}

impl<'a> State<'a> {
    fn new(gaz: &'static Gazetteer, doc: &'a Document) -> Self {
        State {
            gaz,
            doc,
            clusters: Vec::new(),
            by_gaz: HashMap::new(),
            by_key: HashMap::new(),
            refs: doc.sentences.iter().map(|s| vec![None; s.tokens.len()]).collect(),
            hist: Vec::new(),
            subject_tokens: doc.sentences.iter().map(|s| vec![false; s.tokens.len()]).collect(),
            mentions: Vec::new(),
            doc_surnames: Vec::new(),
        }
    }

    /// Records that `alias` was merged into cluster `c` by `rule` (nothing when it is the label
    /// itself). Demonyms are noted but not kept as aliases (`Colombian` is no name of Colombia).
    fn note(&mut self, c: usize, alias: &str, rule: &str, sentence: usize) {
        let cl = &mut self.clusters[c];
        if alias == cl.label {
            return;
        }
        if rule != "demonym" {
            cl.aliases.insert(alias.to_owned());
        }
        if !cl.merges.iter().any(|m| m.alias == alias && m.rule == rule) {
            cl.merges.push(MergeNote { alias: alias.to_owned(), rule: rule.to_owned(), doc: Some(self.doc.id.clone()), sentence: Some(sentence) });
        }
    }

    fn gaz_cluster(&mut self, entry: u32) -> usize {
        if let Some(&c) = self.by_gaz.get(&entry) {
            return c;
        }
        let e = self.gaz.entry(entry);
        let mut cl = Cluster::new(e.label.clone(), e.kind);
        cl.gaz = Some(entry);
        cl.wikidata = e.wikidata.clone();
        self.clusters.push(cl);
        let c = self.clusters.len() - 1;
        self.by_gaz.insert(entry, c);
        c
    }

    fn keyed_cluster(&mut self, label: &str, kind: EntityType) -> usize {
        let literal = matches!(kind, EntityType::Date | EntityType::Money | EntityType::Quantity);
        let key = (label.to_lowercase(), literal || kind == EntityType::Concept);
        if let Some(&c) = self.by_key.get(&key) {
            return c;
        }
        self.clusters.push(Cluster::new(label.to_owned(), kind));
        let c = self.clusters.len() - 1;
        self.by_key.insert(key, c);
        c
    }

    fn is_subject(&self, si: usize, tok: usize) -> bool {
        let s = &self.doc.sentences[si];
        s.tokens.get(tok).is_some_and(|t| is_subject_deprel(&t.deprel)) || self.subject_tokens.get(si).and_then(|v| v.get(tok)).copied().unwrap_or(false)
    }

    fn push_hist(&mut self, target: Target, si: usize, tok: usize) {
        self.push_hist_range(target, si, tok..tok + 1);
    }

    /// Records an occurrence spanning `r` (a name: `Donald Trump` has its UD head on `Donald`).
    fn push_hist_range(&mut self, target: Target, si: usize, r: std::ops::Range<usize>) {
        let s = &self.doc.sentences[si];
        let n = s.tokens.len();
        let r = r.start.min(n)..r.end.min(n);
        // the token whose head lies outside the range is the phrase head
        let head_tok = r.clone().find(|&i| {
            let h = s.tokens[i].head;
            h == 0 || h - 1 < r.start || h > r.end
        });
        let gov = head_tok.map_or(0, |i| s.tokens[i].head);
        let subject = r.clone().any(|i| self.is_subject(si, i));
        let token = r.end.saturating_sub(1);
        self.hist.push(Hist { target, sentence: si, token, subject, gov });
    }

    fn set_ref(&mut self, si: usize, r: std::ops::Range<usize>, target: Target, rule: &'static str) {
        let row = &mut self.refs[si];
        for i in r.start.min(row.len())..r.end.min(row.len()) {
            row[i] = Some((target.clone(), rule));
        }
    }

    fn get_ref(&self, si: usize, tok: usize) -> Option<&(Target, &'static str)> {
        self.refs.get(si).and_then(|row| row.get(tok)).and_then(Option::as_ref)
    }

    fn add_mention(&mut self, si: usize, r: std::ops::Range<usize>, kind: EntityType, target: Option<usize>) {
        let s = &self.doc.sentences[si];
        self.mentions.push(Mention {
            sentence: si,
            tokens: r.clone(),
            span: span_of(s, &r),
            text: join_tokens(s, r),
            kind,
            entity: target.map(|c| c.to_string()), // cluster index; replaced by the id in finish()
        });
    }

    // -----------------------------------------------------------------------------------------
    // Scanning

    fn scan_sentence(&mut self, si: usize, s: &Sentence, ner: &[&Mention]) {
        let n = s.tokens.len();
        let words: Vec<&str> = s.tokens.iter().map(|t| t.form.as_str()).collect();
        let gaz: Vec<GazMatch> = self.gaz.find_spans(&words);
        // token → demonym/country gazetteer entry, for nationality modifiers
        let mut nat: Vec<Option<u32>> = vec![None; n];
        for m in &gaz {
            if m.kind == EntityType::Country {
                for i in m.tokens.clone() {
                    nat[i] = Some(m.entry);
                }
            }
        }

        // Named mentions: (range, kind, gazetteer entry, original input mention index)
        let mut named: Vec<NamedSpan> = Vec::new();
        let mut covered = vec![false; n];
        for (mi, m) in ner.iter().enumerate() {
            let r = m.tokens.start.min(n)..m.tokens.end.min(n);
            if r.is_empty() {
                continue;
            }
            let mut r = r;
            if m.kind == EntityType::Person {
                // `Rosa` + city `Villavicencio`: a surname that is also a city name, split off by NER
                if let Some(g) = gaz.iter().find(|g| g.tokens.start == r.end && g.tokens.len() == 1) {
                    let e = self.gaz.entry(g.entry);
                    if e.kind == EntityType::City && !e.is_capital && s.tokens[r.end].upos == "PROPN" {
                        r.end += 1;
                    }
                }
            }
            if m.kind == EntityType::Person && !self.plausible_person(s, r.clone(), &nat) {
                // `the US President` tagged as a name is a description; `Zelenskyyed` is a verb
                let mut m2 = (*m).clone();
                m2.entity = None;
                self.mentions.push(m2);
                continue;
            }
            let inside: Vec<&GazMatch> = gaz.iter().filter(|g| g.tokens.start >= r.start && g.tokens.end <= r.end).collect();
            // the mention minus determiners and a possessive ending
            let mut core = r.clone();
            while core.start < core.end && names::is_determiner(&s.tokens[core.start].form) {
                core.start += 1;
            }
            while core.end > core.start && names::is_possessive_marker(&s.tokens[core.end - 1].form) {
                core.end -= 1;
            }
            let exact = inside.iter().find(|g| g.tokens == core).copied();
            let mut kind = m.kind;
            let mut entry = None;
            if let Some(g) = exact {
                if g.via == Via::Demonym {
                    // `Colombian` alone is an attribute, not an entity
                    self.mentions.push(Mention { entity: None, ..(*m).clone() });
                    continue;
                }
                let gk = self.gaz.entry(g.entry).kind;
                // trust the gazetteer for countries/organisations; for cities only when NER agrees it is no person
                if kind != EntityType::Person || matches!(gk, EntityType::Country | EntityType::InternationalOrganization) {
                    kind = gk;
                    entry = Some((g.entry, g.via));
                }
            }
            for i in r.clone() {
                covered[i] = true;
            }
            named.push((r, kind, entry, Some(mi)));
        }
        for g in &gaz {
            if g.via == Via::Demonym || g.tokens.clone().any(|i| covered[i]) {
                continue;
            }
            let e = self.gaz.entry(g.entry);
            let after_prep = g.tokens.start > 0
                && matches!(words[g.tokens.start - 1], "in" | "at" | "to" | "from" | "near" | "outside" | "into" | "across");
            if e.kind == EntityType::City && !e.is_capital && g.tokens.len() == 1 && !after_prep {
                // `Villavicencio` after `Rosa Villavicencio`: a known person's name wins over a city
                if let (Some(_), _) = self.match_person(&[lower_key(words[g.tokens.start])]) {
                    named.push((g.tokens.clone(), EntityType::Person, None, None));
                    continue;
                }
            }
            named.push((g.tokens.clone(), e.kind, Some((g.entry, g.via)), None));
        }
        named.sort_by_key(|x| x.0.start);
        let mut in_named = vec![false; n];
        for x in &named {
            for i in x.0.clone() {
                in_named[i] = true;
            }
        }
        let person_starts: HashSet<usize> = named.iter().filter(|x| x.1 == EntityType::Person).map(|x| x.0.start).collect();

        // Events in token order: 0 = named mention, 1 = other token (pronoun / description head)
        let mut ni = 0;
        let mut group_candidates: Vec<(usize, usize)> = Vec::new(); // (cluster, token) of persons in this sentence
        for tok in 0..n {
            while ni < named.len() && named[ni].0.start == tok {
                let (r, kind, entry, orig) = named[ni].clone();
                ni += 1;
                let c = self.named_mention(si, s, r.clone(), kind, entry, &nat);
                if let Some(mi) = orig.filter(|&mi| ner[mi].tokens == r) {
                    let m = ner[mi];
                    let mut m2 = m.clone();
                    m2.kind = c.map_or(kind, |c| self.clusters[c].kind);
                    m2.entity = c.map(|c| c.to_string());
                    self.mentions.push(m2);
                } else {
                    self.add_mention(si, r.clone(), kind, c);
                }
                if let Some(c) = c {
                    // conjoined people: `Petro and Trump`
                    if self.clusters[c].kind == EntityType::Person {
                        if let Some(&(prev, pt)) = group_candidates.last() {
                            let between: Vec<&str> = (pt + 1..r.start).map(|i| s.tokens[i].form.as_str()).collect();
                            if prev != c && between.iter().any(|w| *w == "and" || *w == "&") && between.len() <= 4 {
                                self.push_hist(Target::Group(vec![prev, c]), si, r.start);
                            }
                        }
                        group_candidates.push((c, r.end - 1));
                    }
                }
            }
            if in_named[tok] {
                continue;
            }
            let t = &s.tokens[tok];
            if let Some(p) = names::pronoun(&t.form) {
                if t.upos.is_empty() || matches!(t.upos.as_str(), "PRON" | "DET") {
                    self.pronoun(si, s, tok, p);
                }
                continue;
            }
            // 0 = nothing, 1 = role noun, 2 = government noun, 3 = country noun
            let class = names::with_lower(&t.form, |k| {
                if names::is_role_noun(k) {
                    1
                } else if names::is_government_noun(k) {
                    2
                } else if matches!(k, "country" | "countries" | "nation" | "nations") {
                    3
                } else {
                    0
                }
            });
            match class {
                Some(1) => self.description(si, s, tok, &lower_key(&t.form), &nat, &in_named, &person_starts),
                Some(2) => self.government(si, s, tok, &nat),
                Some(3) => self.definite_country(si, s, tok, &lower_key(&t.form)),
                _ => {}
            }
        }
        self.first_person(si, s);
    }

    /// Whether a NER person mention can be a name: not only titles/nationality words, not a
    /// verb or adjective, not a known surname with a verb ending (`Zelenskyyed`).
    fn plausible_person(&self, s: &Sentence, r: std::ops::Range<usize>, nat: &[Option<u32>]) -> bool {
        let mut content = r.clone().filter(|&i| {
            let f = &s.tokens[i].form;
            !(names::is_determiner(f) || names::is_possessive_marker(f) || nat[i].is_some() || names::with_lower(f, names::is_title_word).unwrap_or(false))
        });
        let Some(first) = content.next() else { return false };
        if r.len() == 1 && matches!(s.tokens[first].upos.as_str(), "VERB" | "ADJ" | "ADV") {
            return false;
        }
        if r.len() == 1 {
            let w = lower_key(&s.tokens[first].form);
            // `Petro-Trump`, `post-Trump`: a compound modifier built on a name, not a name
            let form = &s.tokens[first].form;
            if form.contains('-') {
                let lower_prefix = form.chars().next().is_some_and(char::is_lowercase);
                let names_inside = w.split('-').any(|p| self.doc_surnames.iter().any(|x| x == p));
                if lower_prefix || names_inside {
                    return false;
                }
            }
            for suf in ["ed", "ing"] {
                if let Some(stem) = w.strip_suffix(suf)
                    && stem.len() >= 4 && self.doc_surnames.iter().any(|x| x == stem) {
                        return false;
                    }
            }
        }
        true
    }

    /// Clusters one named mention; returns its cluster.
    fn named_mention(
        &mut self,
        si: usize,
        s: &Sentence,
        r: std::ops::Range<usize>,
        kind: EntityType,
        entry: Option<(u32, Via)>,
        nat: &[Option<u32>],
    ) -> Option<usize> {
        let surface = join_tokens(s, r.clone());
        if matches!(kind, EntityType::Date | EntityType::Money | EntityType::Quantity) {
            let c = self.keyed_cluster(&surface, kind);
            self.clusters[c].count += 1;
            self.set_ref(si, r, Target::One(c), "literal");
            return Some(c);
        }
        if let Some((e, via)) = entry {
            let c = self.gaz_cluster(e);
            let mut core = r.clone();
            while core.len() > 1 && names::is_determiner(&s.tokens[core.start].form) {
                core.start += 1;
            }
            while core.len() > 1 && names::is_possessive_marker(&s.tokens[core.end - 1].form) {
                core.end -= 1;
            }
            let surface = join_tokens(s, core);
            let rule = if surface == self.clusters[c].label { "gazetteer-name" } else { via.as_str() };
            self.note(c, &surface, rule, si);
            self.clusters[c].count += 1;
            self.set_ref(si, r.clone(), Target::One(c), rule);
            self.push_hist_range(Target::One(c), si, r.clone());
            return Some(c);
        }
        if kind == EntityType::Person {
            return self.person(si, s, r, nat);
        }
        // other named things outside the gazetteer
        let mut core = r.clone();
        while core.start < core.end && names::is_determiner(&s.tokens[core.start].form) {
            core.start += 1;
        }
        while core.end > core.start && names::is_possessive_marker(&s.tokens[core.end - 1].form) {
            core.end -= 1;
        }
        if core.is_empty() {
            return None;
        }
        if core.len() >= 2 && names::is_government_noun(&lower_key(&s.tokens[core.end - 1].form)) {
            // NER tagged `Trump administration` / `Colombian government` as one organisation
            let mut country = (core.start..core.end - 1).find_map(|i| nat[i]);
            if country.is_none() {
                let name: Vec<String> = (core.start..core.end - 1).map(|i| lower_key(&s.tokens[i].form)).collect();
                if let (Some(p), _) = self.match_person(&name) {
                    country = self.clusters[p].nationality;
                }
            }
            if let Some(country) = country {
                let c = self.gaz_cluster(country);
                self.note(c, &surface, "metonymy-government", si);
                self.clusters[c].count += 1;
                self.set_ref(si, r.clone(), Target::One(c), "metonymy-government");
                self.push_hist_range(Target::One(c), si, r);
                return Some(c);
            }
        }
        let label = join_tokens(s, core.clone());
        let key = (label.to_lowercase(), false);
        let (c, rule) = if let Some(&c) = self.by_key.get(&key) {
            (c, "exact-name")
        } else if let Some(c) = self.acronym_match(&label, kind) {
            (c, "acronym")
        } else {
            let mut cl = Cluster::new(label.clone(), kind);
            cl.count = 0;
            self.clusters.push(cl);
            let c = self.clusters.len() - 1;
            self.by_key.insert(key, c);
            (c, "exact-name")
        };
        if self.clusters[c].label != label {
            // prefer the spelled-out name as label
            if label.contains(' ') && !self.clusters[c].label.contains(' ') {
                let old = std::mem::replace(&mut self.clusters[c].label, label.clone());
                self.clusters[c].aliases.remove(&label);
                self.note(c, &old, rule, si);
            } else {
                self.note(c, &label, rule, si);
            }
            self.by_key.insert((label.to_lowercase(), false), c);
        }
        self.clusters[c].count += 1;
        self.set_ref(si, r.clone(), Target::One(c), rule);
        self.push_hist_range(Target::One(c), si, r.clone());
        Some(c)
    }

    fn acronym_match(&self, label: &str, kind: EntityType) -> Option<usize> {
        let initials = |s: &str| -> String {
            s.split_whitespace()
                .filter(|w| !matches!(w.to_lowercase().as_str(), "of" | "the" | "and" | "for" | "&" | "de"))
                .filter_map(|w| w.chars().next())
                .collect::<String>()
                .to_uppercase()
        };
        let is_acr = |s: &str| s.len() >= 2 && s.len() <= 6 && !s.contains(' ') && s.chars().all(|c| c.is_ascii_uppercase());
        self.clusters.iter().position(|c| {
            c.kind != EntityType::Person
                && c.kind != EntityType::Concept
                && (c.kind == kind || c.kind == EntityType::Organization || kind == EntityType::Organization)
                && ((is_acr(label) && c.label.contains(' ') && initials(&c.label) == label)
                    || (is_acr(&c.label) && label.contains(' ') && initials(label) == c.label))
        })
    }

    /// A person's name: strip titles, record roles/nationality/gender, cluster by name.
    fn person(&mut self, si: usize, s: &Sentence, r: std::ops::Range<usize>, nat: &[Option<u32>]) -> Option<usize> {
        let mut roles: Vec<String> = Vec::new();
        let mut nationality = None;
        let mut gender = Gender::Unknown;
        // title window before the mention
        let mut i = r.start;
        while i > 0 && r.start - i < 5 {
            let w = lower_key(&s.tokens[i - 1].form);
            if names::is_title_word(&w) {
                roles.push(w);
            } else if let Some(c) = nat[i - 1] {
                nationality = nationality.or(Some(c));
            } else {
                break;
            }
            i -= 1;
        }
        // strip titles inside the mention
        let mut start = r.start;
        let mut end = r.end;
        while end > start && names::is_possessive_marker(&s.tokens[end - 1].form) {
            end -= 1;
        }
        while start < end {
            let form = &s.tokens[start].form;
            let w = lower_key(form);
            if names::is_determiner(form) {
            } else if names::is_title_word(&w) && end - start > 1 {
                roles.push(w);
            } else if let Some(c) = nat[start].filter(|_| end - start > 1) {
                nationality = nationality.or(Some(c));
            } else {
                break;
            }
            start += 1;
        }
        // a trailing possessive glued to the last word: `Trump's`
        let mut name: Vec<String> = (start..end).map(|i| lower_key(&s.tokens[i].form)).collect();
        let mut name_forms: Vec<String> = (start..end).map(|i| s.tokens[i].form.clone()).collect();
        if let (Some(last), Some(lf)) = (name.last_mut(), name_forms.last_mut()) {
            for suf in ["'s", "’s"] {
                if last.len() > suf.len() && last.ends_with(suf) {
                    last.truncate(last.len() - suf.len());
                    lf.truncate(lf.len() - suf.len());
                }
            }
        }
        name.retain(|w| !w.is_empty());
        if name.is_empty() {
            return None;
        }
        for r in &roles {
            if gender == Gender::Unknown {
                gender = names::title_gender(r);
            }
        }
        if gender == Gender::Unknown && name.len() > 1 {
            gender = names::first_name_gender(&name[0]);
        }
        let label = name_forms.join(" ");
        let (c, rule) = self.match_person(&name);
        let c = match c {
            Some(c) => {
                let old_label = self.clusters[c].label.clone();
                if name.len() > self.clusters[c].name.len() {
                    // a fuller name: it becomes the label
                    self.clusters[c].name = name.clone();
                    self.clusters[c].label = label.clone();
                    self.clusters[c].aliases.remove(&label);
                    self.note(c, &old_label, rule, si);
                } else {
                    self.note(c, &label, rule, si);
                }
                c
            }
            None => {
                let mut cl = Cluster::new(label.clone(), EntityType::Person);
                cl.name = name.clone();
                self.clusters.push(cl);
                self.clusters.len() - 1
            }
        };
        if start > r.start {
            // the mention carried titles: `President Donald Trump`
            let surface = join_tokens(s, r.start..end);
            self.note(c, &surface, "title-name", si);
        }
        let cl = &mut self.clusters[c];
        cl.count += 1;
        for role in roles {
            if !cl.roles.contains(&role) {
                cl.roles.push(role);
            }
        }
        if cl.nationality.is_none() {
            cl.nationality = nationality;
        }
        if cl.gender == Gender::Unknown {
            cl.gender = gender;
        }
        self.set_ref(si, r.clone(), Target::One(c), rule);
        self.push_hist_range(Target::One(c), si, start..end.max(start + 1));
        Some(c)
    }

    /// Finds the person cluster a name belongs to, with the rule.
    fn match_person(&self, name: &[String]) -> (Option<usize>, &'static str) {
        let persons = || self.clusters.iter().enumerate().filter(|(_, c)| is_person_ok(c) && !c.name.is_empty());
        if let Some((c, _)) = persons().rfind(|(_, c)| c.name == name) {
            return (Some(c), "exact-name");
        }
        let last = name.last().expect("non-empty name");
        if name.len() == 1 {
            // surname (or first name) of a fuller name seen before; the most mentioned wins
            let cands: Vec<usize> = persons().filter(|(_, c)| c.name.len() > 1 && c.name.last() == Some(last)).map(|(i, _)| i).collect();
            if let Some(&c) = cands.iter().max_by_key(|&&c| (self.clusters[c].count, c)) {
                return (Some(c), "surname");
            }
            let cands: Vec<usize> = persons()
                .filter(|(_, c)| {
                    c.name.last().is_some_and(|l| l.len() >= 6 && last.len() >= 6 && names::within_one_edit(l, last))
                })
                .map(|(i, _)| i)
                .collect();
            if cands.len() == 1 {
                return (Some(cands[0]), "relaxed-name");
            }
            let cands: Vec<usize> = persons().filter(|(_, c)| c.name.len() > 1 && c.name[0] == *last).map(|(i, _)| i).collect();
            if cands.len() == 1 {
                return (Some(cands[0]), "first-name");
            }
            return (None, "");
        }
        // a full name: an earlier bare surname, or the same first+last name with middle names
        let cands: Vec<usize> = persons()
            .filter(|(_, c)| {
                (c.name.len() == 1 && (c.name[0] == *last || (last.len() >= 6 && names::within_one_edit(&c.name[0], last))))
                    || (c.name.len() > 1 && c.name[0] == name[0] && c.name.last() == Some(last))
                    || (c.name.len() > 1 && c.name.len() != name.len() && (c.name.starts_with(name) || name.starts_with(&c.name)) && c.name.len().min(name.len()) >= 2)
            })
            .map(|(i, _)| i)
            .collect();
        if let Some(&c) = cands.iter().max_by_key(|&&c| (self.clusters[c].count, c)) {
            let rule = if self.clusters[c].name.len() == 1 { "surname" } else { "relaxed-name" };
            return (Some(c), rule);
        }
        let cands: Vec<usize> = persons()
            .filter(|(_, c)| {
                c.name.len() == name.len()
                    && c.name[..c.name.len() - 1] == name[..name.len() - 1]
                    && c.name.last().is_some_and(|l| l.len() >= 6 && names::within_one_edit(l, last))
            })
            .map(|(i, _)| i)
            .collect();
        if cands.len() == 1 {
            return (Some(cands[0]), "relaxed-name");
        }
        (None, "")
    }

    /// Salience-ranked candidates: latest occurrence of each target in the window.
    fn recent(&self, si: usize, tok: usize, max_dist: usize) -> Vec<(Target, &Hist)> {
        let mut seen: Vec<Target> = Vec::new();
        let mut out = Vec::new();
        for h in self.hist.iter().rev() {
            if h.sentence > si || (h.sentence == si && h.token >= tok) {
                continue;
            }
            if si - h.sentence > max_dist {
                break;
            }
            if seen.contains(&h.target) {
                continue;
            }
            seen.push(h.target.clone());
            out.push((h.target.clone(), h));
        }
        out
    }

    fn score(&self, h: &Hist, si: usize, tok: usize) -> i64 {
        let dist = (si - h.sentence) as i64;
        let count = match &h.target {
            Target::One(c) => self.clusters[*c].count.min(4) as i64,
            _ => 2,
        };
        let tokdist = if dist == 0 { (tok - h.token) as i64 } else { 0 };
        -30 * dist + if h.subject { 12 } else { 0 } + 2 * count - tokdist / 4
    }

    fn pronoun(&mut self, si: usize, s: &Sentence, tok: usize, p: Pronoun) {
        let t = &s.tokens[tok];
        let form = t.form.to_lowercase();
        let target = match p {
            Pronoun::Male | Pronoun::Female => {
                let want = if p == Pronoun::Male { Gender::Male } else { Gender::Female };
                let reflexive = form.ends_with("self");
                let is_obj = matches!(t.deprel.as_str(), "obj" | "iobj") || t.deprel.starts_with("obl");
                let best = self
                    .recent(si, tok, 3)
                    .into_iter()
                    .filter_map(|(tg, h)| match tg {
                        Target::One(c) if is_person_ok(&self.clusters[c]) => {
                            let g = self.clusters[c].gender;
                            if g != Gender::Unknown && g != want {
                                return None;
                            }
                            // `Trump met him`: him ≠ Trump (same clause, non-reflexive object)
                            if !reflexive && is_obj && h.sentence == si && h.subject && h.gov != 0 && h.gov == t.head {
                                return None;
                            }
                            Some((self.score(h, si, tok), c))
                        }
                        _ => None,
                    })
                    .max_by_key(|&(sc, c)| (sc, std::cmp::Reverse(c)));
                best.map(|(_, c)| {
                    if self.clusters[c].gender == Gender::Unknown {
                        self.clusters[c].gender = want;
                    }
                    Target::One(c)
                })
            }
            Pronoun::Neuter => {
                let possessive = form == "its";
                self.recent(si, tok, 1)
                    .into_iter()
                    .filter_map(|(tg, h)| match tg {
                        Target::One(c)
                            if matches!(
                                self.clusters[c].kind,
                                EntityType::Country
                                    | EntityType::Organization
                                    | EntityType::GovernmentBody
                                    | EntityType::InternationalOrganization
                                    | EntityType::Company
                                    | EntityType::ArmedGroup
                            ) && (possessive || h.subject) =>
                        {
                            Some((self.score(h, si, tok), c))
                        }
                        _ => None,
                    })
                    .max_by_key(|&(sc, c)| (sc, std::cmp::Reverse(c)))
                    .map(|(_, c)| Target::One(c))
            }
            Pronoun::Plural => self
                .recent(si, tok, 2)
                .into_iter()
                .find(|(tg, _)| matches!(tg, Target::Group(_)))
                .map(|(tg, _)| tg),
            Pronoun::First => return, // resolved per sentence, see first_person()
            Pronoun::Other => None,
        };
        match target {
            Some(tg) => {
                self.set_ref(si, tok..tok + 1, tg.clone(), "pronoun");
                let kind = match &tg {
                    Target::One(c) => self.clusters[*c].kind,
                    _ => EntityType::Person,
                };
                if let Target::One(c) = tg {
                    self.add_mention(si, tok..tok + 1, kind, Some(c));
                }
                self.push_hist(tg, si, tok);
            }
            None => self.set_ref(si, tok..tok + 1, Target::Drop, "pronoun-unresolved"),
        }
    }

    /// Modifiers left of a description head: (nationality, plural count word, determiner seen, blocked).
    fn left_modifiers(&self, s: &Sentence, tok: usize, nat: &[Option<u32>], titles: &mut Vec<String>) -> (Option<u32>, bool, bool, bool) {
        let mut nationality = None;
        let mut plural = false;
        let mut det = false;
        let mut blocked = false;
        let mut i = tok;
        while i > 0 && tok - i < 4 {
            let t = &s.tokens[i - 1];
            let w = lower_key(&t.form);
            if let Some(c) = nat[i - 1] {
                nationality = nationality.or(Some(c));
            } else if matches!(w.as_str(), "two" | "both") {
                plural = true;
                if w == "both" {
                    det = true;
                }
            } else if matches!(w.as_str(), "the" | "his" | "her" | "their" | "its") {
                det = true;
                break;
            } else if names::is_title_word(&w) {
                if !matches!(w.as_str(), "former" | "then" | "new" | "outgoing" | "acting" | "incumbent" | "ex") {
                    titles.push(w);
                }
            } else {
                if t.upos == "NOUN" || t.upos == "PROPN" || t.form.chars().next().is_some_and(char::is_uppercase) {
                    blocked = true; // `world leaders`, `opposition leader X`
                }
                break;
            }
            i -= 1;
        }
        (nationality, plural, det, blocked)
    }

    #[allow(clippy::too_many_arguments)]
    fn description(&mut self, si: usize, s: &Sentence, tok: usize, k: &str, nat: &[Option<u32>], in_named: &[bool], person_starts: &HashSet<usize>) {
        // a title in front of a name is not a description: `President Donald Trump`
        let mut j = tok + 1;
        while j < s.tokens.len() && j - tok <= 3 {
            if person_starts.contains(&j) {
                return;
            }
            let w = lower_key(&s.tokens[j].form);
            if !(names::is_title_word(&w) || nat[j].is_some()) || in_named[j] {
                break;
            }
            j += 1;
        }
        if j < s.tokens.len() && person_starts.contains(&j) {
            return;
        }
        // the head of a compound (`the President's visit` is fine, `President Trump` handled above)
        if tok + 1 < s.tokens.len() && names::is_role_noun(&lower_key(&s.tokens[tok + 1].form)) {
            return;
        }
        let mut titles = Vec::new();
        let (nationality, plural_word, det, blocked) = self.left_modifiers(s, tok, nat, &mut titles);
        if blocked || !(det || nationality.is_some() && plural_word) {
            return;
        }
        let role = names::singular_role(k).to_owned();
        let plural = plural_word || role != k;
        let compatible = |c: &Cluster| -> bool {
            if !is_person_ok(c) {
                return false;
            }
            if let Some(n) = nationality
                && c.nationality != Some(n) {
                    return false;
                }
            if names::is_leader_role(&role) && (role == "leader" || role == "counterpart" || role == "head") {
                c.roles.iter().any(|r| names::is_leader_role(r)) || (nationality.is_some() && c.roles.is_empty())
            } else {
                // `the Prime Minister` is not the foreign minister
                c.roles.contains(&role) && titles.iter().all(|t| c.roles.contains(t))
            }
        };
        let cands: Vec<(i64, usize)> = self
            .recent(si, tok, usize::MAX)
            .into_iter()
            .filter_map(|(tg, h)| match tg {
                Target::One(c) if compatible(&self.clusters[c]) => Some((self.score(h, si, tok), c)),
                _ => None,
            })
            .collect();
        let target = if plural {
            let mut c2 = cands.clone();
            c2.sort_by_key(|&(sc, c)| (std::cmp::Reverse(sc), c));
            let mut members: Vec<usize> = c2.iter().map(|&(_, c)| c).take(2).collect();
            if members.len() < 2 {
                return;
            }
            members.sort_unstable();
            Target::Group(members)
        } else {
            match cands.iter().max_by_key(|&&(sc, c)| (sc, std::cmp::Reverse(c))) {
                Some(&(_, c)) => Target::One(c),
                None => return,
            }
        };
        let generic = matches!(role.as_str(), "leader" | "counterpart" | "head");
        let rule = if plural {
            "description-group"
        } else if nationality.is_some() && generic {
            "description-demonym"
        } else {
            "description-role"
        };
        let start = (tok.saturating_sub(3)..tok).find(|&i| lower_key(&s.tokens[i].form) == "the").unwrap_or(tok);
        let text = join_tokens(s, start..tok + 1);
        if let Target::One(c) = &target {
            self.note(*c, &text, rule, si);
            self.add_mention(si, start..tok + 1, EntityType::Person, Some(*c));
        }
        self.set_ref(si, tok..tok + 1, target.clone(), rule);
        self.push_hist(target, si, tok);
    }

    /// `the Trump administration`, `Petro's government`, `the Colombian government` → the country.
    fn government(&mut self, si: usize, s: &Sentence, tok: usize, nat: &[Option<u32>]) {
        let mut i = tok;
        let mut country = None;
        while i > 0 && tok - i < 3 {
            let prev = i - 1;
            if let Some(c) = nat[prev] {
                country = Some(c);
                break;
            }
            match self.get_ref(si, prev) {
                Some((Target::One(c), _)) if is_person_ok(&self.clusters[*c]) => {
                    country = self.clusters[*c].nationality;
                    break;
                }
                None if s.tokens[prev].form.chars().next().is_some_and(char::is_uppercase) => {
                    // a surname NER missed: `the Trump administration`
                    if let (Some(c), _) = self.match_person(&[lower_key(&s.tokens[prev].form)]) {
                        country = self.clusters[c].nationality;
                        break;
                    }
                }
                _ => {}
            }
            if !names::is_possessive_marker(&s.tokens[prev].form) {
                break;
            }
            i -= 1;
        }
        let Some(country) = country else { return };
        let first = i.saturating_sub(1);
        let start = if first > 0 && lower_key(&s.tokens[first - 1].form) == "the" { first - 1 } else { first };
        // `under Petro's administration`, `during the Obama administration`: a period of
        // government, not an actor — no alias, no reference
        if start > 0 && matches!(lower_key(&s.tokens[start - 1].form).as_str(), "under" | "during" | "throughout" | "since" | "before" | "after" | "until") {
            return;
        }
        let c = self.gaz_cluster(country);
        let text = join_tokens(s, start..tok + 1);
        self.note(c, &text, "metonymy-government", si);
        self.set_ref(si, tok..tok + 1, Target::One(c), "metonymy-government");
        self.add_mention(si, start..tok + 1, EntityType::Country, Some(c));
        self.push_hist(Target::One(c), si, tok);
    }

    /// `the country` → the most salient country; `the two countries` → the two.
    fn definite_country(&mut self, si: usize, s: &Sentence, tok: usize, k: &str) {
        if tok == 0 {
            return;
        }
        let plural = k.ends_with('s');
        let prev = lower_key(&s.tokens[tok - 1].form);
        let ok = if plural { prev == "two" || prev == "both" } else { prev == "the" };
        if !ok {
            return;
        }
        let cands: Vec<usize> = self
            .recent(si, tok, if plural { 6 } else { 2 })
            .into_iter()
            .filter_map(|(tg, _)| match tg {
                Target::One(c) if self.clusters[c].kind == EntityType::Country => Some(c),
                _ => None,
            })
            .collect();
        let target = if plural {
            if cands.len() < 2 {
                return;
            }
            let mut m = vec![cands[0], cands[1]];
            m.sort_unstable();
            Target::Group(m)
        } else {
            match cands.first() {
                Some(&c) => Target::One(c),
                None => return,
            }
        };
        self.set_ref(si, tok..tok + 1, target.clone(), "definite-country");
        self.push_hist(target, si, tok);
    }

    /// `“I am sure…,” he said.` → I = the resolved subject of the reporting verb.
    fn first_person(&mut self, si: usize, s: &Sentence) {
        let firsts: Vec<usize> = (0..s.tokens.len())
            .filter(|&i| names::pronoun(&s.tokens[i].form) == Some(Pronoun::First) && self.get_ref(si, i).is_none())
            .collect();
        if firsts.is_empty() {
            return;
        }
        let mut speaker = None;
        for (i, t) in s.tokens.iter().enumerate() {
            let l = if t.lemma.is_empty() { lower_key(&t.form) } else { t.lemma.to_lowercase() };
            if !matches!(l.as_str(), "say" | "said" | "says" | "tell" | "told" | "add" | "added" | "state" | "stated" | "write" | "wrote") {
                continue;
            }
            // the subject of the verb, else a neighbour (`he said`, `said Petro`)
            let mut cands: Vec<usize> = s.tokens.iter().enumerate().filter(|(_, d)| d.head == i + 1 && is_subject_deprel(&d.deprel)).map(|(j, _)| j).collect();
            if i > 0 {
                cands.push(i - 1);
            }
            cands.push(i + 1);
            for j in cands {
                if let Some((Target::One(c), _)) = self.get_ref(si, j)
                    && is_person_ok(&self.clusters[*c]) {
                        speaker = Some(*c);
                        break;
                    }
            }
            if speaker.is_some() {
                break;
            }
        }
        for i in firsts {
            match speaker {
                Some(c) => {
                    self.set_ref(si, i..i + 1, Target::One(c), "pronoun:speaker");
                    self.add_mention(si, i..i + 1, EntityType::Person, Some(c));
                }
                None => self.set_ref(si, i..i + 1, Target::Drop, "pronoun-unresolved"),
            }
        }
    }

    // -----------------------------------------------------------------------------------------
    // Triples

    /// Resolves one argument; `agent` enables metonymy. Err = drop the triple.
    fn resolve_arg(&mut self, si: usize, arg: &Argument, agent: bool, notes: &mut Vec<Note>) -> Result<Target, String> {
        let s = &self.doc.sentences[si];
        let n = s.tokens.len();
        let r = arg.tokens.start.min(n)..arg.tokens.end.min(n);
        if r.is_empty() {
            return Err("empty argument".into());
        }
        let head = if r.contains(&arg.head) { arg.head } else { r.end - 1 };
        let mut found = self.coordination(si, r.clone());
        if found.is_none() {
            found = self.get_ref(si, head).cloned();
        }
        if found.is_none() {
            found = self.name_in_argument(si, r.clone());
        }
        let target = match found {
            Some((Target::Drop, rule)) => return Err(format!("{rule}: {}", arg.text)),
            Some((tg, rule)) => {
                if rule.starts_with("pronoun") || rule.starts_with("description") || rule.starts_with("metonymy") || rule == "definite-country" {
                    let ids = match &tg {
                        Target::One(c) => vec![*c],
                        Target::Group(m) => m.clone(),
                        Target::Drop => Vec::new(),
                    };
                    let text = if rule == "pronoun" { arg.text.to_lowercase() } else { arg.text.clone() };
                    notes.push((format!("{rule}:{text}"), ids));
                }
                tg
            }
            None => {
                if let Some(p) = names::pronoun(&s.tokens[head].form)
                    && (r.len() == 1 || p != Pronoun::Other) {
                        return Err(format!("pronoun-unresolved: {}", arg.text));
                    }
                if r.len() == 1
                    && let Some(country) = self.gaz.demonym_id(&s.tokens[head].form) {
                        // `Foreign Minister of Colombian` → Colombia
                        let c = self.gaz_cluster(country);
                        let text = arg.text.clone();
                        self.note(c, &text, "demonym", si);
                        return Ok(Target::One(c));
                    }
                let Some((label, kind)) = concept_label(s, r.clone()) else {
                    return Err(format!("no content: {}", arg.text));
                };
                let c = self.keyed_cluster(&label, kind);
                self.clusters[c].count += 1;
                Target::One(c)
            }
        };
        if agent
            && let Target::One(c) = target
                && let Some(e) = self.clusters[c].gaz
                    && let Some(country) = self.gaz.agent_country(e).filter(|&k| k != e) {
                        let cc = self.gaz_cluster(country);
                        let rule = if self.gaz.entry(e).is_capital { "metonymy-capital" } else { "metonymy-seat" };
                        let text = arg.text.clone();
                        self.note(cc, &text, rule, si);
                        notes.push((format!("{rule}:{text}"), vec![cc]));
                        return Ok(Target::One(cc));
                    }
        Ok(target)
    }

    /// A name that is not the syntactic head of its argument (`his Colombian counterpart Gustavo
    /// Petro` headed by `counterpart`, `US President Donald Trump` headed by `President`): the
    /// argument resolves to it when everything else is a determiner, pronoun, title, role noun,
    /// nationality word or punctuation. A person wins over the country words in front of it.
    fn name_in_argument(&self, si: usize, r: std::ops::Range<usize>) -> Option<(Target, &'static str)> {
        let s = &self.doc.sentences[si];
        let mut named: Vec<(usize, Target, &'static str)> = Vec::new();
        for i in r {
            match self.get_ref(si, i) {
                Some((_, rule)) if rule.starts_with("pronoun") => {}
                Some((tg @ Target::One(_), rule)) => named.push((i, tg.clone(), *rule)),
                Some(_) => return None,
                None => {
                    let f = &s.tokens[i].form;
                    let w = lower_key(f);
                    let filler = names::is_determiner(f)
                        || names::is_title_word(&w)
                        || names::is_role_noun(&w)
                        || names::is_possessive_marker(f)
                        || (starts_upper(f) && self.gaz.demonym_id(f).is_some())
                        || !f.chars().any(char::is_alphanumeric);
                    if !filler {
                        return None;
                    }
                }
            }
        }
        let person = named.iter().rev().find(|(_, tg, _)| matches!(tg, Target::One(c) if is_person_ok(&self.clusters[*c])));
        if let Some((pi, tg, rule)) = person {
            // other names must be nationality words before the person (`US` in `US President X`)
            let ok = named.iter().all(|(i, t, _)| {
                t == tg || (i < pi && matches!(t, Target::One(c) if self.clusters[*c].kind == EntityType::Country))
            });
            return ok.then(|| (tg.clone(), *rule));
        }
        let first = named.first()?;
        named.iter().all(|(_, t, _)| *t == first.1).then(|| (first.1.clone(), first.2))
    }

    /// `Donald Trump and Gustavo Petro` (names joined by `and`/`,` only) → the group.
    fn coordination(&self, si: usize, r: std::ops::Range<usize>) -> Option<(Target, &'static str)> {
        let s = &self.doc.sentences[si];
        if !r.clone().any(|i| matches!(s.tokens[i].form.as_str(), "and" | "&")) {
            return None;
        }
        let mut members: Vec<usize> = Vec::new();
        for i in r {
            match self.get_ref(si, i) {
                Some((Target::One(c), _)) => {
                    if !members.contains(c) {
                        members.push(*c);
                    }
                }
                Some(_) => return None,
                None => {
                    let f = &s.tokens[i].form;
                    let w = lower_key(f);
                    if !(matches!(f.as_str(), "and" | "&" | ",")
                        || names::is_determiner(f)
                        || names::is_title_word(&w)
                        || names::is_role_noun(&w)
                        || (starts_upper(f) && self.gaz.demonym_id(f).is_some()))
                    {
                        return None;
                    }
                }
            }
        }
        if members.len() < 2 {
            return None;
        }
        // `US President Donald Trump and his Colombian counterpart…`: country words are titles
        if members.iter().any(|&c| is_person_ok(&self.clusters[c])) {
            members.retain(|&c| is_person_ok(&self.clusters[c]));
        }
        if members.len() < 2 {
            return None;
        }
        Some((Target::Group(members), "coordination"))
    }

    fn resolve_triple(&mut self, t: OpenTriple, out: &mut Vec<Pending>) {
        let si = t.sentence;
        if si >= self.doc.sentences.len() {
            return;
        }
        let mut notes = Vec::new();
        let copula = t.key.verb.as_deref() == Some("be");
        let subj = match self.resolve_arg(si, &t.subject, !copula, &mut notes) {
            Ok(s) => s,
            Err(_) => return,
        };
        let obj = match &t.object {
            Some(o) => match self.resolve_arg(si, o, false, &mut notes) {
                Ok(x) => Some(x),
                Err(_) => return,
            },
            None => None,
        };
        let mut quals = Vec::new();
        for (k, a) in &t.qualifiers {
            let mut tmp = Vec::new();
            let id = match self.resolve_arg(si, a, false, &mut tmp) {
                Ok(Target::One(c)) if self.clusters[c].kind.is_named() => Some(c),
                _ => None,
            };
            quals.push((k.clone(), id, a.clone()));
        }
        let attribution = t.attribution.as_ref().map(|a| {
            let mut tmp = Vec::new();
            match self.resolve_arg(si, a, true, &mut tmp) {
                Ok(Target::One(c)) if self.clusters[c].kind.is_named() => self.clusters[c].label.clone(),
                _ => a.text.clone(),
            }
        });
        let subjects: Vec<usize> = match &subj {
            Target::One(c) => vec![*c],
            Target::Group(m) => m.clone(),
            Target::Drop => return,
        };
        let objects: Vec<Option<usize>> = match &obj {
            None => vec![None],
            Some(Target::One(c)) => vec![Some(*c)],
            Some(Target::Group(m)) => m.iter().map(|&c| Some(c)).collect(),
            Some(Target::Drop) => return,
        };
        // `the two leaders met` / `both leaders clashed over issues` → A met B
        if let Target::Group(m) = &subj {
            let verb = t.key.verb.as_deref().unwrap_or("");
            if m.len() == 2 && names::is_reciprocal_verb(verb) && !matches!(obj, Some(Target::Group(_))) {
                let mut t2 = t.clone();
                if let Some(o) = t2.object.take() {
                    t2.extra.insert(0, o);
                }
                t2.key.prep = Some("with".into());
                let mut n2 = notes.clone();
                n2.push((format!("{GROUP_RULE}:reciprocal"), m.clone()));
                out.push((t2, vec![m[0]], Some(m[1]), quals, attribution, n2));
                return;
            }
        }
        if subjects.len() == 1 && objects.len() == 1 {
            if objects[0] != Some(subjects[0]) {
                out.push((t, subjects, objects[0], quals, attribution, notes));
            }
            return;
        }
        for &s in &subjects {
            for &o in &objects {
                if o == Some(s) {
                    continue;
                }
                let mut n = notes.clone();
                n.push((format!("{GROUP_RULE}:distributed"), Vec::new()));
                out.push((t.clone(), vec![s], o, quals.clone(), attribution.clone(), n));
            }
        }
    }

    fn finish(self, triples: Vec<Pending>) -> ResolvedDocument {
        let ids: Vec<String> = self.clusters.iter().map(slug_of).collect();
        let mut entities: BTreeMap<String, Entity> = BTreeMap::new();
        for (c, cl) in self.clusters.iter().enumerate() {
            let id = ids[c].clone();
            let e = entities.entry(id.clone()).or_insert_with(|| Entity {
                id,
                label: cl.label.clone(),
                kind: cl.kind,
                aliases: Vec::new(),
                wikidata: cl.wikidata.clone(),
                merges: Vec::new(),
            });
            if e.kind == EntityType::Concept && cl.kind != EntityType::Concept {
                e.kind = cl.kind;
                e.label = cl.label.clone();
            }
            if e.wikidata.is_none() {
                e.wikidata = cl.wikidata.clone();
            }
            e.aliases.extend(cl.aliases.iter().cloned());
            e.merges.extend(cl.merges.iter().cloned());
        }
        for e in entities.values_mut() {
            let label = e.label.clone();
            e.aliases.retain(|a| *a != label);
            e.aliases.sort();
            e.aliases.dedup();
        }
        let mut mentions = self.mentions;
        for m in &mut mentions {
            if let Some(c) = m.entity.as_ref().and_then(|s| s.parse::<usize>().ok()) {
                m.entity = ids.get(c).cloned();
            }
        }
        mentions.sort_by_key(|m| (m.sentence, m.tokens.start, m.tokens.end));
        let triples = triples
            .into_iter()
            .map(|(t, s, o, q, a, notes)| ResolvedTriple {
                subject: ids[s[0]].clone(),
                object: o.map(|o| ids[o].clone()),
                qualifiers: q.into_iter().map(|(k, c, arg)| (k, c.map(|c| ids[c].clone()), arg)).collect(),
                attribution: a,
                notes: notes
                    .into_iter()
                    .map(|(text, cs)| {
                        if cs.is_empty() {
                            text
                        } else {
                            format!("{text}→{}", cs.iter().map(|&c| ids[c].as_str()).collect::<Vec<_>>().join("+"))
                        }
                    })
                    .collect(),
                triple: t,
            })
            .collect();
        // keep only entities that something refers to
        let used: HashSet<&EntityId> = mentions.iter().filter_map(|m| m.entity.as_ref()).collect();
        let mut keep: HashSet<String> = used.into_iter().cloned().collect();
        for t in &triples {
            let t: &ResolvedTriple = t;
            keep.insert(t.subject.clone());
            if let Some(o) = &t.object {
                keep.insert(o.clone());
            }
            for (_, q, _) in &t.qualifiers {
                if let Some(q) = q {
                    keep.insert(q.clone());
                }
            }
        }
        let entities = entities.into_values().filter(|e| keep.contains(&e.id)).collect();
        ResolvedDocument { entities, mentions, triples }
    }
}

/// Link lines of news pages (`Also Read: …`, `Read more: …`): not part of the story.
fn is_boilerplate(s: &Sentence) -> bool {
    let t = s.text.trim_start();
    let head: String = t.chars().take(16).collect::<String>().to_lowercase();
    ["also read", "read also", "read more", "related:", "recommended:", "watch:", "see also:", "click here"]
        .iter()
        .any(|p| head.starts_with(p))
}

fn slug_of(c: &Cluster) -> String {
    names::slug(&c.label)
}

/// A concept's label: the argument minus determiners and a leading possessor, the first word
/// lowercased unless it is a proper noun; literal type from simple date/number shapes.
fn concept_label(s: &Sentence, r: std::ops::Range<usize>) -> Option<(String, EntityType)> {
    let mut start = r.start;
    let end = r.end;
    let currency = |f: &str| matches!(f, "$" | "€" | "£" | "¥" | "US$");
    while start < end
        && (names::is_determiner(&s.tokens[start].form)
            || !(s.tokens[start].form.chars().any(char::is_alphanumeric) || currency(&s.tokens[start].form)))
    {
        start += 1;
    }
    // `Petro, whose visa`: the owner is a separate argument, like a possessor
    if let Some(w) = (start..end).find(|&i| s.tokens[i].form.eq_ignore_ascii_case("whose") && i > start) {
        start = w + 1;
    }
    // drop a leading possessor: `Petro 's visa`, `Petro’s visa`
    if let Some(p) = (start..end).find(|&i| names::is_possessive_marker(&s.tokens[i].form) && i > start) {
        if p + 1 < end && p - start <= 4 {
            start = p + 1;
        }
    } else if start + 1 < end && (s.tokens[start].form.ends_with("'s") || s.tokens[start].form.ends_with("’s")) {
        start += 1;
    }
    // quotation marks left after the possessor (`Petro’s “call and tone”`)
    while start < end && !(s.tokens[start].form.chars().any(char::is_alphanumeric) || currency(&s.tokens[start].form)) {
        start += 1;
    }
    let mut e = end;
    while e > start && !s.tokens[e - 1].form.chars().any(char::is_alphanumeric) {
        e -= 1;
    }
    if start >= e {
        return None;
    }
    let mut words: Vec<String> = Vec::new();
    for i in start..e {
        let t = &s.tokens[i];
        if is_quote_mark(&t.form) {
            continue;
        }
        let keep_case = t.upos == "PROPN" || (t.upos.is_empty() && i != 0) || t.form.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        let w = if keep_case { t.form.clone() } else { t.form.to_lowercase() };
        if i > start && !s.tokens[i - 1].space_after
            && let Some(last) = words.last_mut() {
                last.push_str(&w);
                continue;
            }
        words.push(w);
    }
    let label = words.join(" ");
    let lower = label.to_lowercase();
    let money_word = ["dollar", "dollars", "euro", "euros", "pound", "pounds", "peso", "pesos", "yuan", "yen", "rupees"];
    let starts_num = lower.chars().next().is_some_and(|c| c.is_ascii_digit());
    let kind = if is_date_like(&lower) {
        EntityType::Date
    } else if lower.starts_with(['$', '€', '£', '¥']) || lower.starts_with("us$") || (starts_num && lower.split(' ').any(|w| money_word.contains(&w))) {
        EntityType::Money
    } else if starts_num && words.len() <= 4 {
        EntityType::Quantity
    } else {
        EntityType::Concept
    };
    Some((label, kind))
}

/// Quotation marks are never part of a concept's label.
fn is_quote_mark(f: &str) -> bool {
    matches!(f, "“" | "”" | "\"" | "``" | "''" | "‘" | "„" | "«" | "»")
}

fn is_date_like(s: &str) -> bool {
    const MONTHS: [&str; 12] =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    let words: Vec<&str> = s.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let year = |w: &str| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()) && (w.starts_with("19") || w.starts_with("20"));
    match words.as_slice() {
        [w] => year(w),
        ws if ws.len() <= 4 => {
            ws.iter().any(|w| MONTHS.contains(w)) && ws.iter().all(|w| MONTHS.contains(w) || w.chars().all(|c| c.is_ascii_digit()) || *w == "of")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests;
