//! The clause and nominal rules: from an indexed tree to [`Prop`]s (predicate, subject, slots,
//! flags), before rendering as open triples or CaRB tuples.
//!
//! One file per rule family, all methods of [`Rules`] (the tree plus the sentence's mention
//! extents): `phrases` (what a phrase spans: full and minimal token sets, relative-clause
//! antecedents), `subjects` (who the subject of a predicate is, inherited through `conj`,
//! `xcomp`, `advcl`, `acl` and relative clauses), `clauses` (one proposition per verb or copular
//! predicate: relation chain, objects, obliques, passives, coordination), `agents` (the
//! persons listed after a passive's `by`), `control` (the
//! object of `asked X to go` is the infinitive's subject), `titles` (appositions
//! and titles in front of names) and `nominal` (possessives, compounds with a prepositional
//! complement, `nmod:in`, `amod` and collective readings) and `roles` (a person's titles, roles,
//! memberships and age read from the words around the name) and `ages` (ages stated around an
//! event or a noun: `died aged 78`, `the 45-year-old X`, `X was 81`), `events` (events whose
//! agent sits in a noun, light verbs), `nominal_events` (`the resignation of X`) and `deverbal`
//! (the verb of an event noun), `denials` (clauses denied, avoided or left open by a
//! negated verb), `people` (birth, public names, family after `survived by`,
//! definite role descriptions) and `deaths` (a cause of death around `battle with`, `ascribed his
//! death to`, `cause of death as`).

mod agents;
mod ages;
mod as_role;
mod claims;
mod classes;
pub(crate) use claims::quoted_tokens;
pub(crate) use phrases::amount_bound;
pub(crate) use roles::is_kin_noun;
mod clauses;
mod control;
mod coord;
mod deaths;
mod denials;
mod deverbal;
mod events;
mod members;
mod nominal_events;
mod nominal;
mod origin;
mod people;
mod phrases;
mod places;
mod roles;
mod subjects;
#[cfg(test)]
pub(crate) mod testkit;
mod titles;
mod unowned;

use super::lexicon::*;
use super::tree::{NONE, Tree};
use crate::document::Modality;

/// A phrase: its head, the full token set (CaRB style, determiners kept) and the minimal set
/// (MinIE-safe: determiners, clauses, appositions and most prepositional modifiers dropped).
#[derive(Clone, Debug)]
pub(crate) struct Part {
    pub head: usize,
    pub toks: Vec<usize>,
    pub min: Vec<usize>,
    /// Insert a possessive `'s` after this token (`Lula, whose passport` → `Lula 's passport`).
    pub poss_after: Option<usize>,
    /// Replacement text (a demonym's country), used instead of the tokens.
    pub text: Option<&'static str>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    Obj,
    Iobj,
    Comp,
    Clause,
    Obl,
    Agent,
    /// An adverbial clause with a subordinator (`by adding …`, `until he left`): CaRB only.
    Adv,
}

#[derive(Clone, Debug)]
pub(crate) struct Slot {
    pub kind: Kind,
    pub part: Part,
    /// `case` (+ `fixed`) tokens of an oblique, or the `mark` of a clause.
    pub case: Vec<usize>,
}

#[derive(Clone, Debug)]
pub(crate) struct Prop {
    pub rule: &'static str,
    pub pred: usize,
    pub subj: Part,
    /// Relation tokens in order (aux, negation, verb chain, particles, copula).
    pub rel: Vec<usize>,
    /// A literal relation instead of tokens (nominal rules): words, and the noun/prep for the key.
    pub lit: Option<Lit>,
    pub slots: Vec<Slot>,
    pub passive: bool,
    pub negated: bool,
    pub modality: Modality,
    pub attribution: Option<Part>,
    pub conf: f32,
    /// Emit in the graph output / in CaRB output.
    pub graph: bool,
    pub carb: bool,
    /// The predicate is a reporting verb whose content is a clause (not a fact of its own).
    pub reporting: bool,
    /// Why this reading is fine for CaRB but must not become a graph fact (see `quality`).
    pub graph_reject: Option<&'static str>,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Lit {
    pub words: String,
    pub verb: Option<&'static str>,
    pub noun: Option<String>,
    pub mods: Vec<String>,
    pub prep: Option<String>,
}

pub(crate) struct Rules<'a, 'b> {
    pub tr: &'b Tree<'a>,
    /// Per token: the extent of the named-entity mention covering it (start, end), if any.
    pub ment: &'b [Option<(usize, usize)>],
    /// Per token: the entity type of the mention covering it (empty when unknown).
    pub kind: &'b [Option<crate::document::EntityType>],
}

fn is_subj_rel(r: &str) -> bool {
    matches!(r, "nsubj" | "nsubj:pass" | "csubj" | "csubj:pass" | "nsubj:outer")
}

/// Whether `x` is a gerund that verb `c` takes bare as its complement (`began cutting`,
/// `endorsed cutting`), with no `to` or preposition of its own.
pub(crate) fn bare_gerund_complement(tr: &Tree, c: usize, x: usize) -> bool {
    x < tr.len() && tr.head[x] == c && tr.base(x) == "xcomp" && tr.t[x].xpos == "VBG" && !tr.kids(x).any(|m| m < x && tr.base(m) == "mark")
}


/// Lookups every rule family uses: mention extents and dates.
impl Rules<'_, '_> {
    pub fn ment_at(&self, i: usize) -> Option<(usize, usize)> {
        self.ment.get(i).copied().flatten()
    }

    fn ment_same(&self, a: usize, b: usize) -> bool {
        match (self.ment_at(a), self.ment_at(b)) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
    }

    pub fn is_date(&self, h: usize) -> bool {
        let tr = self.tr;
        if tr.form_is(h, MONTHS) || TIME_ZONES.contains(&tr.form(h)) {
            return true;
        }
        if tr.lemma_is(h, TIME_WORDS) && !tr.in_person_name(h) && (tr.upos(h) == "PROPN" || tr.kids(h).any(|k| matches!(tr.base(k), "det" | "amod" | "nummod"))) {
            return true;
        }
        let f = tr.form(h);
        if f.len() == 4 && f.chars().all(|c| c.is_ascii_digit()) && (f.starts_with("19") || f.starts_with("20")) {
            return true;
        }
        tr.kids(h)
            .any(|k| tr.form_is(k, MONTHS) && matches!(tr.base(k), "compound" | "nmod" | "flat" | "nummod" | "amod"))
            || (tr.upos(h) == "NUM" && tr.head[h] != NONE && tr.form_is(tr.head[h], MONTHS))
    }
}
