//! The sieve's working memory, shared by every resolution step: clusters (one per real thing,
//! with label, type, gazetteer entry, aliases, merge notes, gender, nationality and roles), the
//! salience history of resolved occurrences, and per token what it refers to and which rule said so.
//!
//! In: the [`Document`] and the gazetteer. Out (through `finish`): the
//! [`ResolvedDocument`](super::ResolvedDocument). The steps add to it in document order; nothing
//! here decides who is who.

use super::index::ClusterIndex;
use super::names::{self, Gender};
use crate::document::{Argument, Document, EntityType, MergeNote, Mention, OpenTriple, Sentence, Span};
use crate::nlp::gazetteer::{Gazetteer, Via};
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Target {
    One(usize),
    Group(Vec<usize>),
    /// A pronoun or other expression that must not become a node.
    Drop,
}

#[derive(Debug, Clone)]
pub(super) struct Cluster {
    pub(super) label: String,
    /// Word keys of the person's name (for name matching); empty for others.
    pub(super) name: Vec<String>,
    pub(super) kind: EntityType,
    pub(super) gaz: Option<u32>,
    pub(super) wikidata: Option<String>,
    pub(super) aliases: BTreeSet<String>,
    pub(super) merges: Vec<MergeNote>,
    pub(super) gender: Gender,
    /// The gender was learned from a pronoun linked to the entity, not stated by a title, a first
    /// name or a kinship noun: weak evidence that a later stated cue overrides.
    pub(super) gender_from_pronoun: bool,
    pub(super) nationality: Option<u32>,
    pub(super) roles: Vec<String>,
    pub(super) count: usize,
    /// Word keys of the other names the text says the person goes by (`under the ring name N`,
    /// `born N`): later mentions of them are the person (see `aliases`).
    pub(super) alt_names: Vec<Vec<String>>,
    /// The literal node of a stated alias's name (`X – known as – N`): keeps its label as written.
    pub(super) stated_name: bool,
    /// Head nouns the text described the entity with (`Zeta-9, a moon orbiting …` → `moon`): a
    /// later `the moon` refers to it whatever its kind.
    pub(super) described: Vec<String>,
}

impl Cluster {
    pub(super) fn new(label: String, kind: EntityType) -> Cluster {
        Cluster {
            label,
            name: Vec::new(),
            kind,
            gaz: None,
            wikidata: None,
            aliases: BTreeSet::new(),
            merges: Vec::new(),
            gender: Gender::Unknown,
            gender_from_pronoun: false,
            nationality: None,
            roles: Vec::new(),
            count: 0,
            alt_names: Vec::new(),
            stated_name: false,
            described: Vec::new(),
        }
    }
}

/// One resolved occurrence, for salience.
#[derive(Debug, Clone)]
pub(super) struct Hist {
    pub(super) target: Target,
    pub(super) sentence: usize,
    pub(super) token: usize,
    pub(super) subject: bool,
    /// Syntactic head of the occurrence's head token and its relation (for the same-clause check).
    pub(super) gov: usize,
}

pub(super) struct State<'a> {
    pub(super) gaz: &'static Gazetteer,
    pub(super) doc: &'a Document,
    pub(super) clusters: Vec<Cluster>,
    pub(super) by_gaz: HashMap<u32, usize>,
    pub(super) by_key: HashMap<(String, bool), usize>,
    /// Per sentence, per token: what the token refers to and the rule that said so.
    pub(super) refs: Vec<Vec<Option<(Target, &'static str)>>>,
    pub(super) hist: Vec<Hist>,
    pub(super) subject_tokens: Vec<Vec<bool>>,
    pub(super) mentions: Vec<Mention>,
    /// Last words of every multi-word person mention in the document (lookahead evidence).
    pub(super) doc_surnames: Vec<String>,
    /// The learned coreference model's chains (set by `Resolver::resolve`).
    pub(super) model: super::pronouns::ModelChains,
    /// Word keys of every multi-word person mention in the document (is a surname shared?).
    pub(super) doc_person_names: Vec<Vec<String>>,
    /// The triples that state another name of their subject (set by `Resolver::resolve`).
    pub(super) alias_statements: Vec<super::aliases::AliasStatement>,
    pub(super) role_statements: Vec<super::roles::RoleStatement>,
    /// Acts that name their doer (`roles::agent_statements`).
    pub(super) agent_statements: Vec<super::roles::AgentStatement>,
    /// The document's spelled-out name for each acronym asked about (each search reads the
    /// whole document, so an acronym repeated through a long document is searched once).
    pub(super) spelled_out: HashMap<Vec<char>, Option<String>>,
    /// Capitalised words by first letter, made on the first acronym search.
    pub(super) capital_starts: Option<super::named::CapitalStarts>,
    /// Clusters by the words of their labels and names ([`ClusterIndex`]); filled lazily by
    /// lookups that take `&self`, hence the cell.
    pub(super) index: RefCell<ClusterIndex>,
    /// People the text describes without naming them (`a man`, `her son`), in document order
    /// (`unnamed`).
    pub(super) unnamed: Vec<super::unnamed::Unnamed>,
    /// Tokens dropped for an unnamed person (a pronoun, `the man`): the index into `unnamed` of
    /// the one they stand for, so that a name the text gives that person later reaches them.
    pub(super) unnamed_refs: HashMap<(usize, usize), usize>,
    /// (continuing sentence, speaker's sentence) of the document's quotations
    /// (`quotes::continuations`), made on the first question.
    pub(super) quote_pairs: std::cell::OnceCell<Vec<(usize, usize)>>,
    /// The first sentence of the document's interview transcript, if any (`groups`), made on the
    /// first question.
    pub(super) first_interview_turn: std::cell::OnceCell<Option<usize>>,
    /// The last sentence where an argument resolved to each cluster (set while the triples are
    /// resolved, in document order): how far back a concept was last talked about.
    pub(super) last_argument: HashMap<usize, usize>,
    /// Role descriptions (sentence, head token) set in apposition after a person's name
    /// (`Ivo Oster, the former mayor of Tarn,`) and that person: who the phrase is as a doer.
    pub(super) apposed_doers: HashMap<(usize, usize), usize>,
    /// Class descriptions (sentence, head token) that stand for a name NER did not mark, and
    /// that name's (sentence, token) (`descriptions::unmarked_name_called`).
    pub(super) called_names: HashMap<(usize, usize), (usize, usize)>,
}

pub(super) const GROUP_RULE: &str = "group";

/// A named mention in a sentence: tokens, type, gazetteer entry, index of the input mention.
pub(super) type NamedSpan = (std::ops::Range<usize>, EntityType, Option<(u32, Via)>, Option<usize>);

/// A resolution note: text and the clusters it points at (rendered as ids at the end, when
/// labels are final).
pub(super) type Note = (String, Vec<usize>);

/// A resolved triple before ids are final: triple, subjects, object, qualifiers, attribution, notes.
pub(super) type Pending = (OpenTriple, Vec<usize>, Option<usize>, Vec<(String, Option<usize>, Argument)>, Option<String>, Vec<Note>);

pub(super) fn lower_key(form: &str) -> String {
    names::word_key(form)
}

pub(super) fn is_person_ok(c: &Cluster) -> bool {
    c.kind == EntityType::Person
}

pub(super) fn join_tokens(s: &Sentence, r: std::ops::Range<usize>) -> String {
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

pub(super) fn span_of(s: &Sentence, r: &std::ops::Range<usize>) -> Span {
    match (s.tokens.get(r.start), r.end.checked_sub(1).and_then(|e| s.tokens.get(e))) {
        (Some(a), Some(b)) => a.span.cover(&b.span),
        _ => s.span.clone(),
    }
}

pub(super) fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

pub(super) fn is_subject_deprel(d: &str) -> bool {
    d.starts_with("nsubj") || d == "csubj"
}

impl<'a> State<'a> {
    pub(super) fn new(gaz: &'static Gazetteer, doc: &'a Document) -> Self {
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
            model: Default::default(),
            doc_person_names: Vec::new(),
            alias_statements: Vec::new(),
            role_statements: Vec::new(),
            agent_statements: Vec::new(),
            spelled_out: HashMap::new(),
            capital_starts: None,
            index: RefCell::new(ClusterIndex::default()),
            unnamed: Vec::new(),
            unnamed_refs: HashMap::new(),
            quote_pairs: std::cell::OnceCell::new(),
            first_interview_turn: std::cell::OnceCell::new(),
            last_argument: HashMap::new(),
            apposed_doers: HashMap::new(),
            called_names: HashMap::new(),
        }
    }

    /// Candidates from the cluster index, after adding the clusters pushed since the last lookup.
    pub(super) fn candidates(&self, lookup: impl FnOnce(&ClusterIndex) -> Vec<usize>) -> Vec<usize> {
        let mut index = self.index.borrow_mut();
        index.sync(&self.clusters);
        lookup(&index)
    }

    /// Lists cluster `c` under its current label, name and other names: every step that
    /// changes those of an existing cluster calls this (see [`super::index`]).
    pub(super) fn reindex(&self, c: usize) {
        self.index.borrow_mut().add_changed(c, &self.clusters[c]);
    }

    /// Records that `alias` was merged into cluster `c` by `rule` (nothing when it is the label
    /// itself). Demonyms are noted but not kept as aliases (`Colombian` is no name of Colombia).
    pub(super) fn note(&mut self, c: usize, alias: &str, rule: &str, sentence: usize) {
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

    pub(super) fn gaz_cluster(&mut self, entry: u32) -> usize {
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

    pub(super) fn keyed_cluster(&mut self, label: &str, kind: EntityType) -> usize {
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

    pub(super) fn is_subject(&self, si: usize, tok: usize) -> bool {
        let s = &self.doc.sentences[si];
        s.tokens.get(tok).is_some_and(|t| is_subject_deprel(&t.deprel)) || self.subject_tokens.get(si).and_then(|v| v.get(tok)).copied().unwrap_or(false)
    }

    pub(super) fn push_hist(&mut self, target: Target, si: usize, tok: usize) {
        self.push_hist_range(target, si, tok..tok + 1);
    }

    /// Records an occurrence spanning `r` (a name: `Walter Hale` has its UD head on `Donald`).
    pub(super) fn push_hist_range(&mut self, target: Target, si: usize, r: std::ops::Range<usize>) {
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

    pub(super) fn set_ref(&mut self, si: usize, r: std::ops::Range<usize>, target: Target, rule: &'static str) {
        let row = &mut self.refs[si];
        for i in r.start.min(row.len())..r.end.min(row.len()) {
            row[i] = Some((target.clone(), rule));
        }
    }

    pub(super) fn get_ref(&self, si: usize, tok: usize) -> Option<&(Target, &'static str)> {
        self.refs.get(si).and_then(|row| row.get(tok)).and_then(Option::as_ref)
    }

    pub(super) fn add_mention(&mut self, si: usize, r: std::ops::Range<usize>, kind: EntityType, target: Option<usize>) {
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
}
