//! Stated roles: a role the text gives a person in a clause or an apposition — `X, the governor
//! of Y,`, `Y's governor, X,`, `X was elected governor`, `X became chief executive` (the
//! extractor's `role:*` facts and its copular `clause:SVC` facts with a role noun as complement)
//! — is the person's role as much as a title written before the name (`Governor X`), so that a
//! later `the governor` or `the chief executive` points back to X (`descriptions`).
//!
//! Only plainly asserted statements count (`X hopes to become governor` gives no role), and only
//! the role's own words: title words and role nouns, never `former`/`then`/`acting` (a
//! description's titles are matched without them too).
//!
//! In: the open triples (before the scan) and, after each sentence's scan, the cluster its
//! subject resolved to. Out: roles added to that person's cluster.

use super::state::*;
use crate::document::{Modality, OpenTriple};

/// One triple giving its subject a role: sentence, subject head and range, the role's words.
#[derive(Debug, Clone)]
pub(super) struct RoleStatement {
    pub(super) sentence: usize,
    pub(super) subject_head: usize,
    pub(super) subject: std::ops::Range<usize>,
    pub(super) words: Vec<String>,
}

/// Words of a role phrase that describe no role of their own: determiners and time modifiers.
fn is_filler(w: &str) -> bool {
    matches!(w, "the" | "a" | "an" | "its" | "his" | "her" | "their" | "new" | "current" | "incumbent")
}

/// Words that make the role not the person's now (`former governor`, `acting mayor`): such a
/// phrase gives no role at all.
fn is_not_now(w: &str) -> bool {
    matches!(w, "former" | "ex" | "then" | "acting" | "interim" | "late" | "outgoing" | "would-be" | "future")
}

/// The role words of a phrase made of role words only (`chief executive`, `the governor`);
/// None when any other word stands in it (`governor of Tarvia` is no bare role phrase, the
/// role facts carry the role alone) or no word is a role noun.
fn role_words(phrase: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut noun = false;
    for w in phrase.split_whitespace().map(|w| super::state::lower_key(w)) {
        if is_filler(&w) {
            continue;
        }
        if is_not_now(&w) {
            return None;
        }
        let role = super::names::is_role_noun(&w) || crate::extract::is_role_noun(&w);
        if !(role || super::names::is_title_word(&w)) {
            return None;
        }
        noun |= role;
        out.push(w);
    }
    (noun && !out.is_empty()).then_some(out)
}

/// The plainly asserted role statements among the triples.
pub(super) fn statements(triples: &[OpenTriple]) -> Vec<RoleStatement> {
    triples
        .iter()
        .filter(|t| !t.negated && t.modality == Modality::Asserted)
        .filter_map(|t| {
            let phrase = if t.rule.starts_with("role:") {
                t.key.noun.clone()?
            } else if t.rule == "clause:SVC" {
                t.object.as_ref()?.text.clone()
            } else {
                return None;
            };
            let words = role_words(&phrase)?;
            Some(RoleStatement { sentence: t.sentence, subject_head: t.subject.head, subject: t.subject.tokens.clone(), words })
        })
        .collect()
}

impl State<'_> {
    /// After sentence `si` was scanned: the roles its statements give a person join the
    /// person's roles.
    pub(super) fn register_roles(&mut self, si: usize) {
        let stated: Vec<RoleStatement> = self.role_statements.iter().filter(|a| a.sentence == si).cloned().collect();
        for a in stated {
            let Some(x) = self.person_at(si, a.subject_head).or_else(|| self.only_person_in(si, a.subject.clone())) else { continue };
            let cl = &mut self.clusters[x];
            for w in a.words {
                if !cl.roles.contains(&w) {
                    cl.roles.push(w);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::role_words;
    use crate::document::EntityType as T;
    use crate::resolve::tests::{doc, facts, ment, run, tri};

    #[test]
    fn a_role_phrase_gives_its_role_words() {
        assert_eq!(role_words("the governor"), Some(vec!["governor".to_string()]));
        assert_eq!(role_words("chief executive"), Some(vec!["chief".to_string(), "executive".to_string()]));
        // must give nothing: a past or stand-in role, or a phrase that is more than a role
        assert_eq!(role_words("former governor"), None);
        assert_eq!(role_words("acting mayor"), None);
        assert_eq!(role_words("a popular teacher"), None);
        assert_eq!(role_words("the new"), None);
    }

    fn role_fact(d: &crate::document::Document, si: usize, subj: &str, role: &str, obj: &str) -> crate::document::OpenTriple {
        let mut t = tri(d, si, subj, &format!("{role} of"), "be", Some(obj));
        t.rule = "role:appos".into();
        t.key.noun = Some(role.into());
        t
    }

    #[test]
    fn an_apposition_role_lets_the_role_point_back() {
        let d = doc(&["Lena Morvik , the governor of Tarvia , visited the dam .", "The governor promised new funds ."]);
        let m = [ment(&d, 0, "Lena Morvik", T::Person), ment(&d, 0, "Tarvia", T::Location)];
        let t = vec![role_fact(&d, 0, "Lena Morvik", "governor", "Tarvia"), tri(&d, 1, "The governor", "promised", "promise", Some("new funds"))];
        let r = run(&d, &m, t);
        assert!(facts(&r).iter().any(|x| x.0 == "lena_morvik" && x.1 == "promised"), "{:?}", facts(&r));
    }

    #[test]
    fn a_copular_role_lets_the_role_point_back() {
        let d = doc(&["Lena Morvik was elected governor in May .", "The governor promised new funds ."]);
        let m = [ment(&d, 0, "Lena Morvik", T::Person)];
        let mut elected = tri(&d, 0, "Lena Morvik", "was elected", "elect", Some("governor"));
        elected.rule = "clause:SVC".into();
        let r = run(&d, &m, vec![elected, tri(&d, 1, "The governor", "promised", "promise", Some("new funds"))]);
        assert!(facts(&r).iter().any(|x| x.0 == "lena_morvik" && x.1 == "promised"), "{:?}", facts(&r));
        // must give nothing: a former governor is not `the governor`
        let d = doc(&["Lena Morvik was elected governor in May .", "The governor promised new funds ."]);
        let mut former = tri(&d, 0, "Lena Morvik", "was elected", "elect", Some("governor"));
        former.rule = "clause:SVC".into();
        former.object.as_mut().expect("object").text = "former governor".into();
        let r = run(&d, &m, vec![former, tri(&d, 1, "The governor", "promised", "promise", Some("new funds"))]);
        assert!(!facts(&r).iter().any(|x| x.0 == "lena_morvik" && x.1 == "promised"), "{:?}", facts(&r));
    }
}
