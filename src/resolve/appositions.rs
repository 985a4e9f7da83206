//! A role description with the person's name in apposition after it: `The chairman of the
//! Ostrava Water Board, Tomas Brill, said …`, `Acme's chief executive, Mara Vellin, resigned`.
//! The argument the extractor hands over is the description (`chairman of …`), but the text
//! names who it is right after it, between commas; the argument is that person. Without this the
//! description becomes a node of its own that says and does what the named person did.
//!
//! In: an argument's token range and head. Out: the person's cluster when the head is a role noun
//! ([`names::is_role_noun`], [`crate::extract::is_role_noun`]) or another noun for a person (a kin
//! noun, `driver`: [`super::unnamed::person_noun`]), the argument names no person itself,
//! and a comma, a resolved person name and a closing comma follow it. Only agents (subjects of
//! non-copular clauses, speakers) are resolved so: the apposition's own fact (`Brill is a player`)
//! has the description as its object.

use super::names;
use super::state::*;
use crate::document::EntityType;

/// The rule noted when an argument is resolved to the name in apposition.
pub(super) const RULE: &str = "description-appositive";

impl State<'_> {
    /// The person named in apposition right after the role description `r` (headed by `head`).
    pub(super) fn appositive_person(&self, si: usize, r: std::ops::Range<usize>, head: usize) -> Option<usize> {
        let s = &self.doc.sentences[si];
        let k = lower_key(&s.tokens[head].form);
        // a kin or other person noun names a person as surely as a role does (`The mother of
        // the boy, Mara Vellin, said …`, `The driver, Ivo Oster, was …`)
        let lemma = if s.tokens[head].lemma.is_empty() { k.clone() } else { lower_key(&s.tokens[head].lemma) };
        if !(names::is_role_noun(&k) || crate::extract::is_role_noun(&k) || super::unnamed::person_noun(&lemma).is_some()) {
            return None;
        }
        let person = |i: usize| match self.get_ref(si, i) {
            Some((Target::One(c), _)) if self.clusters[*c].kind == EntityType::Person => Some(*c),
            _ => None,
        };
        // `Tomas Brill, the chairman, …` is the other order, and a description naming someone
        // (`the chairman Tomas Brill`) resolves by that name
        if r.clone().any(|i| person(i).is_some()) {
            return None;
        }
        let comma = |i: usize| s.tokens.get(i).is_some_and(|t| t.form == ",");
        if !comma(r.end) {
            return None;
        }
        let c = person(r.end + 1)?;
        let mut end = r.end + 1;
        while person(end) == Some(c) {
            end += 1;
        }
        // closed by a comma: an apposition, not the first item of a list (`the chairman, Brill and
        // Vellin`) or a new clause
        comma(end).then_some(c)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{doc, f, facts, ment, run, tri};
    use crate::document::EntityType as T;

    /// `said` with the role description as subject, its head on the role noun.
    fn said(d: &crate::document::Document, subj: &str, head: usize) -> crate::document::OpenTriple {
        let mut t = tri(d, 0, subj, "said", "say", None);
        t.subject.head = head;
        t
    }

    #[test]
    fn a_role_description_is_the_person_named_in_apposition_after_it() {
        let d = doc(&["The chairman of the Ostrava Water Board , Tomas Brill , said repairs would take weeks ."]);
        let m = [ment(&d, 0, "Ostrava Water Board", T::Organization), ment(&d, 0, "Tomas Brill", T::Person)];
        let r = run(&d, &m, vec![said(&d, "The chairman of the Ostrava Water Board", 1)]);
        assert_eq!(facts(&r), vec![f("tomas_brill", "said", None)]);
    }

    #[test]
    fn a_kin_or_person_noun_is_the_person_named_in_apposition_after_it() {
        for (subj, head) in [("The mother of the boy", 1), ("The driver", 1)] {
            let d = doc(&[&format!("{subj} , Mara Vellin , said the road was closed .")]);
            let m = [ment(&d, 0, "Mara Vellin", T::Person)];
            let r = run(&d, &m, vec![said(&d, subj, head)]);
            assert_eq!(facts(&r), vec![f("mara_vellin", "said", None)], "{subj}");
        }
    }

    #[test]
    fn a_list_or_a_description_without_a_name_after_it_stays_a_description() {
        // a list after the comma: no apposition
        let d = doc(&["The chairman of the Ostrava Water Board , Tomas Brill and Mara Vellin said so ."]);
        let m = [ment(&d, 0, "Ostrava Water Board", T::Organization), ment(&d, 0, "Tomas Brill", T::Person), ment(&d, 0, "Mara Vellin", T::Person)];
        let r = run(&d, &m, vec![said(&d, "The chairman of the Ostrava Water Board", 1)]);
        assert_ne!(facts(&r), vec![f("tomas_brill", "said", None)]);
        // a non-role head: `The report of the board , Tomas Brill , …` is no person
        let d = doc(&["The report of the Ostrava Water Board , Tomas Brill , said repairs would take weeks ."]);
        let m = [ment(&d, 0, "Ostrava Water Board", T::Organization), ment(&d, 0, "Tomas Brill", T::Person)];
        let r = run(&d, &m, vec![said(&d, "The report of the Ostrava Water Board", 1)]);
        assert_ne!(facts(&r), vec![f("tomas_brill", "said", None)]);
    }
}
