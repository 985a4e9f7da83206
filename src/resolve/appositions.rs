//! A role description with the person's name in apposition after it: `The chairman of the
//! Ostrava Water Board, Tomas Brill, said …`, `Acme's chief executive, Mara Vellin, resigned`;
//! and a class description with an organisation's or a body's name there: `The rebel group, the
//! Vell Front, claimed …`, `Tarvia's parliament, the Grand Assembly, voted …` (when NER missed the
//! name, the capitalised phrase between the commas is it).
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
        // `Tomas Brill, the chairman, …` is the other order, and a description naming someone
        // (`the chairman Tomas Brill`) resolves by that name
        self.named_in_apposition(si, r, |k| k == EntityType::Person, false)
    }

    /// The organisation, body or place named in apposition right after the description `r` headed
    /// by a class noun (`The rebel group, the Vell Front, claimed …`, `Tarvia's parliament, the
    /// Grand Assembly, voted …`): the text itself says the two are one, so any named entity of a
    /// kind the noun may stand for is it, whatever its name's own head word (`group` / `Front`).
    pub(super) fn appositive_named(&self, si: usize, r: std::ops::Range<usize>, head: usize) -> Option<usize> {
        let s = &self.doc.sentences[si];
        let kinds = names::class_noun_kinds(&lower_key(&s.tokens[head].form))?;
        // a description that names its own thing (`the Vell Front group`) resolves by that name
        self.named_in_apposition(si, r, |k| kinds.contains(&k), true)
    }

    /// The entity named, with a kind `fits` takes, between the commas right after the description
    /// `r` (after a `the`, if `after_the`), when the description names none itself. The name must
    /// fill the apposition up to its closing comma: `the group, the Front's leader, said` is
    /// someone else, `the chairman, Brill and Vellin` a list, `the chairman, Brill said` a clause.
    fn named_in_apposition(&self, si: usize, r: std::ops::Range<usize>, fits: impl Fn(EntityType) -> bool, after_the: bool) -> Option<usize> {
        let s = &self.doc.sentences[si];
        let named = |i: usize| match self.get_ref(si, i) {
            Some((Target::One(c), _)) if fits(self.clusters[*c].kind) => Some(*c),
            _ => None,
        };
        if r.clone().any(|i| named(i).is_some()) {
            return None;
        }
        let start = apposition_start(s, r.end, after_the)?;
        let c = named(start)?;
        let mut end = start;
        while named(end) == Some(c) {
            end += 1;
        }
        s.tokens.get(end).is_some_and(|t| t.form == ",").then_some(c)
    }

    /// [`Self::appositive_named`] for a name NER did not mark (`The rebel group, the Vell Liberation
    /// Front of the North, claimed …`): the apposition, between its commas, is a capitalised name
    /// and nothing else, and the description names an organisation or body. Returns the name's
    /// tokens and the kind the noun gives it.
    pub(super) fn appositive_unmarked_name(&self, si: usize, r: std::ops::Range<usize>, head: usize) -> Option<(std::ops::Range<usize>, EntityType)> {
        let s = &self.doc.sentences[si];
        let kind = *names::class_noun_kinds(&lower_key(&s.tokens[head].form))?.first()?;
        if !matches!(kind, EntityType::Organization | EntityType::Company | EntityType::GovernmentBody | EntityType::ArmedGroup) {
            return None;
        }
        if r.clone().any(|i| self.get_ref(si, i).is_some()) {
            return None;
        }
        let start = apposition_start(s, r.end, true)?;
        let end = start + s.tokens.get(start..)?.iter().position(|t| t.form == ",")?;
        capitalised_name(&s.tokens[start..end]).then_some((start..end, kind))
    }
}

/// Where an apposition after a description ending at `end` opens: past the comma that sets it off
/// (and a `the`, if `after_the`).
fn apposition_start(s: &crate::document::Sentence, end: usize, after_the: bool) -> Option<usize> {
    if !s.tokens.get(end).is_some_and(|t| t.form == ",") {
        return None;
    }
    let the = after_the && s.tokens.get(end + 1).is_some_and(|t| lower_key(&t.form) == "the");
    Some(end + 1 + usize::from(the))
}

/// Whether the tokens are one capitalised name: capitalised words, joined by the lowercase words
/// names are built with (`of`, `and`, `the`, `for`), opening and closing on a capitalised word.
fn capitalised_name(ts: &[crate::document::Token]) -> bool {
    let capital = |t: &crate::document::Token| starts_upper(&t.form) && t.form.chars().any(char::is_alphabetic);
    let joiner = |t: &crate::document::Token| matches!(lower_key(&t.form).as_str(), "of" | "and" | "the" | "for" | "&" | "-");
    ts.len() >= 2
        && ts.first().is_some_and(capital)
        && ts.last().is_some_and(capital)
        && ts.iter().all(|t| capital(t) || joiner(t))
        && ts.iter().any(|t| t.upos == "PROPN")
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

    /// `claimed` with the class description as subject, its head on the class noun.
    fn claimed(d: &crate::document::Document, subj: &str, head: usize) -> crate::document::OpenTriple {
        let mut t = tri(d, 0, subj, "claimed", "claim", None);
        t.subject.head = head;
        t
    }

    #[test]
    fn a_class_description_is_the_organisation_named_in_apposition_after_it() {
        let d = doc(&["The rebel group , the Vell Front , claimed the attack ."]);
        let m = [ment(&d, 0, "Vell Front", T::Organization)];
        let r = run(&d, &m, vec![claimed(&d, "The rebel group", 2)]);
        assert_eq!(facts(&r), vec![f("vell_front", "claimed", None)]);
        let d = doc(&["Tarvia 's parliament , the Grand Assembly , claimed the right ."]);
        let m = [ment(&d, 0, "Tarvia", T::Country), ment(&d, 0, "Grand Assembly", T::GovernmentBody)];
        let r = run(&d, &m, vec![claimed(&d, "Tarvia 's parliament", 2)]);
        assert_eq!(facts(&r), vec![f("grand_assembly", "claimed", None)]);
    }

    #[test]
    fn a_class_description_before_another_phrase_or_a_list_stays_a_description() {
        // the name's owner, not the name: someone else
        let d = doc(&["The rebel group , the Vell Front 's ally , claimed the attack ."]);
        let m = [ment(&d, 0, "Vell Front", T::Organization)];
        let r = run(&d, &m, vec![claimed(&d, "The rebel group", 2)]);
        assert_ne!(facts(&r), vec![f("vell_front", "claimed", None)]);
        // a list
        let d = doc(&["The rebel group , the Vell Front and the Tarn League claimed the attack ."]);
        let m = [ment(&d, 0, "Vell Front", T::Organization), ment(&d, 0, "Tarn League", T::Organization)];
        let r = run(&d, &m, vec![claimed(&d, "The rebel group", 2)]);
        assert_ne!(facts(&r), vec![f("vell_front", "claimed", None)]);
    }

    #[test]
    fn a_class_description_is_a_name_ner_missed_in_apposition_after_it() {
        let d = doc(&["The rebel group , the Vell Liberation Front of the North , claimed the attack ."]);
        let r = run(&d, &[], vec![claimed(&d, "The rebel group", 2)]);
        assert_eq!(facts(&r), vec![f("vell_liberation_front_of_the_north", "claimed", None)]);
        // a clause between the commas is no name
        let d = doc(&["The rebel group , Vell Radio reported , claimed the attack ."]);
        let r = run(&d, &[], vec![claimed(&d, "The rebel group", 2)]);
        assert_ne!(facts(&r), vec![f("vell_radio", "claimed", None)]);
    }
}
