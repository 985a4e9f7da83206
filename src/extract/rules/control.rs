//! Object control: `X invited Y to join`, `X urged Y to leave`, `X asked Y to stay`. The object
//! of the main verb is the subject of its infinitive (`xcomp`), so the two verbs are two facts —
//! `X invite Y` and `Y join …` — never one merged relation with the main verb's subject
//! (`X invited to join Y`). The infinitive is what X wants, asks or allows, not something that
//! happened: it is planned, unless the main verb brings it about (`forced Y to resign`).
//!
//! In: an `xcomp` predicate. Out: the governor's object that controls it, and the modality the
//! controlled clause takes.

use super::*;

/// English verbs whose object is the subject of a following infinitive (object control and
/// `expect`-type raising: `asked X to go`, `let X go`, `expected X to win`). The class is closed
/// and general; a verb outside it with an object and an infinitive is usually a misparsed purpose
/// clause or noun complement (`had money to buy food`, `sent letters to warn voters`), whose
/// object does not act.
const OBJECT_CONTROL_VERBS: &[&str] = &[
    "ask", "urge", "invite", "allow", "permit", "enable", "encourage", "persuade", "convince", "force", "compel", "order",
    "instruct", "tell", "request", "require", "expect", "want", "need", "help", "lead", "cause", "prompt", "get", "push",
    "pressure", "press", "advise", "warn", "remind", "teach", "train", "authorize", "authorise", "empower", "challenge",
    "dare", "beg", "implore", "call", "recruit", "hire", "appoint", "elect", "nominate", "choose", "select", "tempt",
    "inspire", "motivate", "drive", "oblige", "forbid", "prohibit", "let", "make", "see", "hear", "watch",
    "direct", "command", "appeal", "pay", "assign", "commission", "mandate", "entitle",
];

/// Main verbs whose controlled clause did happen (`forced Y to resign` → Y resigned): the
/// implicative causatives of English. Every other object-control verb (`ask`, `urge`, `invite`,
/// `allow`, `expect`, `want`, `tell`, …) leaves it wanted, asked or allowed only.
/// Perception verbs report what was seen happen (`saw Y leave`).
const IMPLICATIVE_CONTROL: &[&str] = &["force", "compel", "make", "cause", "lead", "oblige", "drive", "prompt", "get", "see", "hear", "watch"];

impl Rules<'_, '_> {
    /// The object of `x`'s governor that is `x`'s subject (`invited [her] to join`): an `obj` or
    /// `iobj` noun or pronoun placed between the governing verb and the infinitive. None when `x`
    /// is no verbal `xcomp` of a verb, has a subject of its own, or the governor has no such object.
    pub(crate) fn object_controller(&self, x: usize) -> Option<usize> {
        let tr = self.tr;
        if x >= tr.len() || tr.rel(x) != "xcomp" || tr.upos(x) != "VERB" {
            return None;
        }
        let g = tr.head[x];
        if g == NONE || tr.upos(g) != "VERB" || !tr.lemma_is(g, OBJECT_CONTROL_VERBS) || tr.kids(x).any(|k| is_subj_rel(tr.rel(k))) {
            return None;
        }
        // `let's go`: the clitic is the speaker's invitation, no argument
        tr.kids(g).find(|&k| {
            k > g
                && k < x
                && matches!(tr.rel(k), "obj" | "iobj")
                && matches!(tr.upos(k), "NOUN" | "PROPN" | "PRON")
                && !tr.form(k).starts_with(['\'', '’'])
        })
    }

    /// The modality of a clause controlled by its governor's object: planned (asked, urged,
    /// invited, allowed) unless the governor is implicative. None when `x` is not object-controlled.
    /// A negated governor (`never saw Y leave`, `did not ask Y to go`) leaves it possible only.
    pub(super) fn controlled_modality(&self, x: usize) -> Option<Modality> {
        self.object_controller(x)?;
        let g = self.tr.head[x];
        if self.negation_of(g).is_some() {
            Some(Modality::Possible)
        } else if self.tr.lemma_is(g, IMPLICATIVE_CONTROL) {
            None
        } else {
            Some(Modality::Planned)
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Modality;
    use crate::extract::tests::{find, show, triples};

    /// `The guild invited her to join the board.` (invented)
    const INVITED_TO_JOIN: &str = "
        The the DET DT 2 det
        guild guild NOUN NN 3 nsubj
        invited invite VERB VBD 0 root VerbForm=Fin
        her she PRON PRP 3 obj
        to to PART TO 6 mark
        join join VERB VB 3 xcomp VerbForm=Inf
        the the DET DT 8 det
        board board NOUN NN 6 obj
        . . PUNCT . 3 punct";

    /// `The guild decided to join the board.` (invented): subject control, one merged relation.
    const DECIDED_TO_JOIN: &str = "
        The the DET DT 2 det
        guild guild NOUN NN 3 nsubj
        decided decide VERB VBD 0 root VerbForm=Fin
        to to PART TO 5 mark
        join join VERB VB 3 xcomp VerbForm=Inf
        the the DET DT 7 det
        board board NOUN NN 5 obj
        . . PUNCT . 3 punct";

    #[test]
    fn the_object_of_the_main_verb_is_the_subject_of_its_infinitive() {
        let ts = triples(INVITED_TO_JOIN);
        let main = find(&ts, "guild", "invited", Some("her"));
        assert_eq!(main.modality, Modality::Asserted);
        let inner = find(&ts, "her", "join", Some("board"));
        assert_eq!(inner.modality, Modality::Planned, "{}", show(&ts));
        // never the main verb's subject doing the infinitive
        assert!(!ts.iter().any(|t| t.subject.text == "guild" && t.relation.contains("join")), "{}", show(&ts));
    }

    #[test]
    fn an_implicative_verb_makes_the_controlled_clause_happen() {
        let forced = INVITED_TO_JOIN.replace("invited invite", "forced force");
        let ts = triples(&forced);
        let inner = find(&ts, "her", "join", Some("board"));
        assert_eq!(inner.modality, Modality::Asserted, "{}", show(&ts));
        // unless the main verb is negated: then nothing happened for sure
        let never = "
            The the DET DT 2 det
            guild guild NOUN NN 4 nsubj
            never never ADV RB 4 advmod
            forced force VERB VBD 0 root VerbForm=Fin
            her she PRON PRP 4 obj
            to to PART TO 7 mark
            join join VERB VB 4 xcomp VerbForm=Inf
            the the DET DT 9 det
            board board NOUN NN 7 obj
            . . PUNCT . 4 punct";
        let ts = triples(never);
        assert!(ts.iter().any(|t| t.subject.text == "her" && t.modality == Modality::Possible), "{}", show(&ts));
    }

    #[test]
    fn a_purpose_clause_has_no_controller() {
        // must give nothing: `had money to buy the board` — the money buys nothing
        let had = INVITED_TO_JOIN.replace("invited invite", "had have").replace("her she PRON PRP", "money money NOUN NN");
        let ts = triples(&had);
        assert!(!ts.iter().any(|t| t.subject.text == "money"), "{}", show(&ts));
    }

    #[test]
    fn subject_control_keeps_one_relation() {
        // must give nothing new: no object, so the infinitive stays in the main verb's chain
        let ts = triples(DECIDED_TO_JOIN);
        find(&ts, "guild", "decided to join", Some("board"));
        assert!(!ts.iter().any(|t| t.relation == "join"), "{}", show(&ts));
    }
}
