//! Stated aliases: a person's other public names are the person. When the text says that a
//! person goes by another name — `X performed under the ring name N`, `X, better known as N`,
//! `born N` (the extractor's `X – known as – N` and `X – born as – N` facts) — N's full name, and
//! its surname when no other person in the document shares it, become names of X's cluster, so
//! that later mentions of N (`N won the title`, `Mr. N`) resolve to X.
//!
//! The statement's own object stays a separate literal node labelled N (a concept, no person):
//! the fact reads `X – known as – N`, which a node of its own keeps readable. Only a name that
//! the statement's sentence introduced is taken: a name seen before may be someone else, and
//! `X met N` or `X, like N, …` state no alias at all, so they never merge.
//!
//! In: the open triples (before the scan) and, after each sentence's scan, the clusters its
//! subject and object resolved to. Out: `alt_names` on the person's cluster (read by
//! `match_person`), a `stated-alias` merge note, and the name's key pointing at the person.

use super::state::*;
use crate::document::{EntityType, Modality, OpenTriple};

/// The merge rule recorded for a stated alias.
pub(super) const ALIAS_RULE: &str = "stated-alias";

/// One triple stating another name of its subject: sentence, subject head token and range,
/// object token range.
#[derive(Debug, Clone)]
pub(super) struct AliasStatement {
    pub(super) sentence: usize,
    pub(super) subject_head: usize,
    pub(super) subject: std::ops::Range<usize>,
    pub(super) object: std::ops::Range<usize>,
    /// From a fixed naming construction (`ring name N`, `born N`) rather than a clause's
    /// `known as`, which the parser also hangs on the wrong subject (`X's plan, known as N`).
    pub(super) cued: bool,
}

/// Whether a relation names another name of its subject: `known as` (also `better known as`,
/// `is known as`) or the birth name `born as`.
fn is_alias_relation(relation: &str) -> bool {
    let words: Vec<String> = relation.split_whitespace().map(str::to_lowercase).collect();
    words.ends_with(&["known".to_string(), "as".to_string()]) || words == ["born", "as"]
}

/// The plainly asserted alias statements among the triples (a negated or hedged `known as` is
/// no name of the person).
pub(super) fn statements(triples: &[OpenTriple]) -> Vec<AliasStatement> {
    triples
        .iter()
        .filter(|t| !t.negated && t.modality == Modality::Asserted && is_alias_relation(&t.relation))
        .filter_map(|t| {
            let o = t.object.as_ref()?;
            Some(AliasStatement { sentence: t.sentence, subject_head: t.subject.head, subject: t.subject.tokens.clone(), object: o.tokens.clone(), cued: t.rule.starts_with("people:") })
        })
        .collect()
}

impl State<'_> {
    /// After sentence `si` was scanned: every alias statement in it whose subject is a person and
    /// whose object is a person name first seen in this sentence (cluster index ≥ `first_new`)
    /// makes that name one of the person's names. The name's own cluster becomes a literal
    /// concept holding the statement's object.
    pub(super) fn register_aliases(&mut self, si: usize, first_new: usize) {
        let stated: Vec<AliasStatement> = self.alias_statements.iter().filter(|a| a.sentence == si).cloned().collect();
        for a in stated {
            let Some(x) = self.person_at(si, a.subject_head).or_else(|| self.only_person_in(si, a.subject.clone())) else { continue };
            let Some(n) = self.whole_name(si, a.object.clone()).filter(|&n| n != x && n >= first_new) else { continue };
            // without the cue, only a name shaped like a person's (`Brexit` is none)
            if !a.cued && !super::names::looks_like_person_name(&self.clusters[n].label) {
                continue;
            }
            self.adopt_alias(si, x, n);
        }
    }

    /// The person cluster token `i` refers to (a name or a resolved pronoun).
    pub(super) fn person_at(&self, si: usize, i: usize) -> Option<usize> {
        match self.get_ref(si, i) {
            Some((Target::One(c), _)) if is_person_ok(&self.clusters[*c]) && !self.clusters[*c].name.is_empty() => Some(*c),
            _ => None,
        }
    }

    /// The one person named in a range (`US wrestler N`, headed by `wrestler`); none when the
    /// range names two (`M and N`) or holds a preposition (`the wife of N` is someone else).
    pub(super) fn only_person_in(&self, si: usize, r: std::ops::Range<usize>) -> Option<usize> {
        let s = &self.doc.sentences[si];
        if r.clone().any(|i| s.tokens.get(i).is_some_and(|t| t.upos == "ADP")) {
            return None;
        }
        let mut found: Vec<usize> = r.filter_map(|i| self.person_at(si, i)).collect();
        found.dedup();
        match found[..] {
            [c] => Some(c),
            _ => None,
        }
    }

    /// The person whose name is the whole range (leading determiners aside): `the drummer of
    /// band N` is no name of the subject, though it holds one.
    fn whole_name(&self, si: usize, r: std::ops::Range<usize>) -> Option<usize> {
        let s = &self.doc.sentences[si];
        let mut r = r.start..r.end.min(s.tokens.len());
        while r.start < r.end && super::names::is_determiner(&s.tokens[r.start].form) {
            r.start += 1;
        }
        let c = self.person_at(si, r.start)?;
        r.all(|i| self.person_at(si, i) == Some(c)).then_some(c)
    }

    /// Makes the name of cluster `n` a name of person `x`; `n` stays as the literal the
    /// statement's object names.
    fn adopt_alias(&mut self, si: usize, x: usize, n: usize) {
        let name = std::mem::take(&mut self.clusters[n].name);
        let label = self.clusters[n].label.clone();
        if !self.clusters[x].alt_names.contains(&name) {
            self.clusters[x].alt_names.push(name);
            self.reindex(x);
        }
        self.note(x, &label, ALIAS_RULE, si);
        // a later mention NER types as another kind (`N` as an organisation) finds the person
        self.by_key.insert((label.to_lowercase(), false), x);
        self.clusters[n].kind = EntityType::Concept;
        self.clusters[n].stated_name = true;
        // salience belongs to the person: a later `he` must not count the name as someone else
        for h in &mut self.hist {
            if h.target == Target::One(n) {
                h.target = Target::One(x);
            }
        }
    }

    /// The person one of whose stated other names is `name`: the whole name, or for a single
    /// word the surname of such a name when no other person named in the document bears it.
    pub(super) fn alias_owner(&self, name: &[String]) -> Option<usize> {
        // only clusters with other names can pass; the index lists them in cluster order
        let found = self.alias_owner_among(self.candidates(|ix| ix.with_alt_names()), name);
        #[cfg(test)]
        assert_eq!(found, self.alias_owner_among((0..self.clusters.len()).collect(), name), "the cluster index disagrees with the scan for {name:?}");
        found
    }

    fn alias_owner_among(&self, with_alt: Vec<usize>, name: &[String]) -> Option<usize> {
        let persons = || with_alt.iter().map(|&c| (c, &self.clusters[c])).filter(|(_, c)| is_person_ok(c));
        if let Some((c, _)) = persons().filter(|(_, c)| c.alt_names.iter().any(|a| a == name)).last() {
            return Some(c);
        }
        let [word] = name else { return None };
        let owners: Vec<usize> = persons()
            .filter(|(_, c)| c.alt_names.iter().any(|a| a.len() > 1 && a.last() == Some(word) && self.surname_only_of(a, &c.name)))
            .map(|(i, _)| i)
            .collect();
        match owners[..] {
            [c] => Some(c),
            _ => None,
        }
    }

    /// Whether every multi-word person mention in the document that ends with `alias`'s surname
    /// is `alias` itself or the person's own `name` (possibly behind a title).
    fn surname_only_of(&self, alias: &[String], name: &[String]) -> bool {
        let Some(last) = alias.last() else { return false };
        self.doc_person_names
            .iter()
            .filter(|m| m.last() == Some(last))
            .all(|m| m.ends_with(alias) || (!name.is_empty() && m.ends_with(name)))
    }
}
