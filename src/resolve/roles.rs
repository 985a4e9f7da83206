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
//! Acts that name their doer work the same way: a named person who stabbed, shot or attacked
//! someone is `the attacker` (or `the gunman`, `the assailant`) of the sentences after.
//!
//! In: the open triples (before the scan) and, after each sentence's scan, the cluster its
//! subject resolved to. Out: roles added to that person's cluster, and doer nouns to the nouns
//! the person answers to.

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

/// One triple whose subject did an act that names its doer (`X stabbed two men` → X is `the
/// attacker`): sentence, subject head and range, the doer's nouns.
#[derive(Debug, Clone)]
pub(super) struct AgentStatement {
    pub(super) sentence: usize,
    pub(super) subject_head: usize,
    pub(super) subject: std::ops::Range<usize>,
    pub(super) nouns: &'static [&'static str],
}

/// The nouns news uses for the doer of an act of violence or crime, by the act's verb (`the
/// attacker`, `the gunman`, `the kidnapper`). General English: the agent nouns of the verbs of
/// attacking, killing, wounding, seizing and robbing people.
pub(super) fn agent_nouns(verb: &str) -> &'static [&'static str] {
    match verb {
        "attack" | "assault" => &["attacker", "assailant"],
        "stab" => &["attacker", "assailant", "stabber"],
        "shoot" => &["shooter", "gunman", "attacker", "assailant"],
        "kill" | "murder" => &["killer", "murderer", "attacker"],
        "bomb" => &["bomber", "attacker"],
        "hijack" => &["hijacker"],
        "kidnap" | "abduct" => &["kidnapper", "abductor"],
        "rob" => &["robber"],
        "rape" => &["rapist", "attacker"],
        "stalk" => &["stalker"],
        _ => &[],
    }
}

/// The acts whose verb names their doer ([`agent_nouns`]), asserted or reported (`X reportedly
/// stabbed …` still makes X the one the report calls `the attacker`); never a denied, possible or
/// planned one.
pub(super) fn agent_statements(triples: &[OpenTriple]) -> Vec<AgentStatement> {
    triples
        .iter()
        .filter(|t| !t.negated && matches!(t.modality, Modality::Asserted | Modality::Reported))
        // `X was shot at the station`: the subject of an agentless passive underwent the act
        .filter(|t| !t.key.is_agentless_passive_with_prep())
        .filter_map(|t| {
            let nouns = agent_nouns(t.key.verb.as_deref()?);
            (!nouns.is_empty()).then(|| AgentStatement { sentence: t.sentence, subject_head: t.subject.head, subject: t.subject.tokens.clone(), nouns })
        })
        .collect()
}

impl State<'_> {
    /// The named person a statement of sentence `si` is about: its subject head's person, else
    /// the one person its subject range names.
    fn stated_person(&self, si: usize, head: usize, subject: &std::ops::Range<usize>) -> Option<usize> {
        self.person_at(si, head).or_else(|| self.only_person_in(si, subject.clone()))
    }

    /// After sentence `si` was scanned: a named person who did an act that names its doer
    /// answers to the doer's nouns, so that a later `the attacker` points back to them.
    pub(super) fn register_agents(&mut self, si: usize) {
        let stated: Vec<AgentStatement> = self.agent_statements.iter().filter(|a| a.sentence == si).cloned().collect();
        for a in stated {
            if let Some(x) = self.stated_person(si, a.subject_head, &a.subject) {
                push_new(&mut self.clusters[x].described, a.nouns.iter().map(|n| n.to_string()));
            }
        }
    }

    /// After sentence `si` was scanned: the roles its statements give a person join the
    /// person's roles.
    pub(super) fn register_roles(&mut self, si: usize) {
        let stated: Vec<RoleStatement> = self.role_statements.iter().filter(|a| a.sentence == si).cloned().collect();
        for a in stated {
            if let Some(x) = self.stated_person(si, a.subject_head, &a.subject) {
                push_new(&mut self.clusters[x].roles, a.words);
            }
        }
    }
}

/// Appends the words `list` does not hold yet.
fn push_new(list: &mut Vec<String>, words: impl IntoIterator<Item = String>) {
    for w in words {
        if !list.contains(&w) {
            list.push(w);
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
    fn a_person_who_stabbed_someone_is_the_attacker_after() {
        let d = doc(&["Ivo Oster stabbed two guards in Vell .", "The attacker fled the hall ."]);
        let m = [ment(&d, 0, "Ivo Oster", T::Person), ment(&d, 0, "Vell", T::City)];
        let mut stabbed = tri(&d, 0, "Ivo Oster", "stabbed", "stab", Some("two guards"));
        stabbed.modality = crate::document::Modality::Reported;
        let r = run(&d, &m, vec![stabbed, tri(&d, 1, "The attacker", "fled", "flee", Some("the hall"))]);
        assert!(facts(&r).iter().any(|x| x.0 == "ivo_oster" && x.1 == "fled"), "{:?}", facts(&r));
        // must give nothing: an act that names no doer, and a denied stabbing
        let praised = tri(&d, 0, "Ivo Oster", "stabbed", "praise", Some("two guards"));
        let r = run(&d, &m, vec![praised, tri(&d, 1, "The attacker", "fled", "flee", Some("the hall"))]);
        assert!(!facts(&r).iter().any(|x| x.0 == "ivo_oster" && x.1 == "fled"), "{:?}", facts(&r));
        let mut denied = tri(&d, 0, "Ivo Oster", "stabbed", "stab", Some("two guards"));
        denied.negated = true;
        let r = run(&d, &m, vec![denied, tri(&d, 1, "The attacker", "fled", "flee", Some("the hall"))]);
        assert!(!facts(&r).iter().any(|x| x.0 == "ivo_oster" && x.1 == "fled"), "{:?}", facts(&r));
    }

    #[test]
    fn the_one_shot_at_a_place_is_not_the_shooter() {
        // `Mara Vellin was shot at the station`: the subject of an agentless passive underwent it
        let d = doc(&["Mara Vellin was shot at the station .", "The shooter fled the hall ."]);
        let m = [ment(&d, 0, "Mara Vellin", T::Person)];
        let mut shot = tri(&d, 0, "Mara Vellin", "be shot at", "shoot", Some("the station"));
        shot.key.passive = true;
        shot.key.prep = Some("at".into());
        let r = run(&d, &m, vec![shot, tri(&d, 1, "The shooter", "fled", "flee", Some("the hall"))]);
        assert!(!facts(&r).iter().any(|x| x.0 == "mara_vellin" && x.1 == "fled"), "{:?}", facts(&r));
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
