//! Event nominalizations: an event named by a noun derived from a verb, with its participants in
//! the noun's possessor, `of`- and `by`-phrases. `Zembla's acquisition of Tarn Steel` → Zembla –
//! acquire – Tarn Steel; `the arrest of Ivo Tamm by police` → police – arrest – Ivo Tamm; `the
//! resignation of Ivo Tamm`, `Ivo Tamm's death` → Ivo Tamm – resign / die (object-less events).
//!
//! The verb comes from [`super::deverbal`]. With an agent (possessor or `by`) and an `of`-theme
//! the reading is transitive. With one participant only, the participant is the subject only for
//! the event nouns of intransitive verbs ([`INTRANSITIVE_EVENTS`]): for a transitive verb it would
//! be the patient (`Tamm's arrest`), which names no agent. A hedging or planning adjective on the
//! noun (`the alleged killing of`, `the planned sale of`) sets the modality.
//!
//! In: a noun token. Out: literal-relation [`Prop`]s (graph only).

use super::deverbal::static_verb_of_noun;
use super::*;

/// Verbs of general English whose event noun takes its subject in the `of`-phrase or possessor:
/// the intransitive events of news (a person's death, resignation, retirement, departure, arrival,
/// escape, disappearance, surrender, return, collapse, survival, birth in the passive sense).
const INTRANSITIVE_EVENTS: &[&str] = &[
    "die", "resign", "retire", "depart", "arrive", "escape", "disappear", "surrender", "return", "collapse", "survive", "bear",
    "flee", "crash", "explode", "erupt", "abdicate", "defect", "emigrate", "immigrate",
];

/// Adjectives that make a nominal event someone's claim (`alleged`) or a plan (`planned`).
const REPORTED_ADJ: &[&str] = &["alleged", "reported", "rumored", "rumoured", "suspected", "purported", "apparent"];
const PLANNED_ADJ: &[&str] = &["planned", "proposed", "expected", "possible", "potential", "intended", "imminent", "future"];

/// Verbs whose object event is only intended, not yet done: `proposed the merger of`, `threatened
/// the closure of` are acts about the event; whether and when it happens is the plan they state.
const INTENDING_VERBS: &[&str] = &["plan", "propose", "threaten", "offer", "demand", "request", "seek", "expect", "predict", "anticipate"];

/// Events a person announces before doing them: `announced his resignation` (effective next
/// month) is the plan to resign. An announced death, crash or selection is news of what happened.
const ANNOUNCED_AHEAD: &[&str] = &["resign", "retire", "depart", "abdicate", "defect", "emigrate", "immigrate", "return"];

impl Rules<'_, '_> {
    /// The facts of an event noun (see the module doc).
    pub fn nominal_event_props(&self, n: usize, out: &mut Vec<Prop>) {
        let tr = self.tr;
        if tr.upos(n) != "NOUN" || self.ment_at(n).is_some() {
            return;
        }
        let lemma = tr.lemma(n).to_lowercase();
        let Some(verb) = static_verb_of_noun(&lemma) else { return };
        let conversion = verb == lemma;
        let theme = self.nmod_with(n, "of");
        let by = self.nmod_with(n, "by");
        let poss = tr.kids(n).find(|&k| tr.rel(k) == "nmod:poss" && !tr.lemma_is(k, &["whose", "its", "their"]));
        let agent = by.or(if conversion { None } else { poss });
        let modality = self.nominal_modality(n);
        match (agent, theme) {
            (Some(a), Some(t)) if a != t => self.push_event(n, verb, self.np(a, true), Some(self.np(t, true)), modality, out),
            (None, Some(s)) | (Some(s), None) if INTRANSITIVE_EVENTS.contains(&verb) => {
                self.push_event(n, verb, self.np(s, true), None, modality, out)
            }
            _ => {
                // `Ivo Tamm's death`: an intransitive event with the possessor as its subject
                if let (Some(p), None) = (poss, theme) {
                    if INTRANSITIVE_EVENTS.contains(&verb) && by.is_none() {
                        self.push_event(n, verb, self.np(p, true), None, modality, out);
                    }
                }
            }
        }
    }

    /// The `prep`-phrase after `n` (`of Tarn`, `by police`), when it is a noun or a name.
    pub(super) fn nmod_with(&self, n: usize, prep: &str) -> Option<usize> {
        let tr = self.tr;
        tr.kids(n).find(|&m| {
            m > n
                && tr.base(m) == "nmod"
                && matches!(tr.upos(m), "NOUN" | "PROPN" | "PRON")
                && tr.kids(m).any(|c| c < m && tr.base(c) == "case" && tr.lemma_is(c, &[prep]))
        })
    }

    fn nominal_modality(&self, n: usize) -> Modality {
        let tr = self.tr;
        let adj = |list: &[&str]| tr.kids(n).any(|k| tr.base(k) == "amod" && (tr.form_is(k, list) || tr.lemma_is(k, list)));
        if adj(REPORTED_ADJ) {
            Modality::Reported
        } else if adj(PLANNED_ADJ) || self.object_of_intent(n) {
            Modality::Planned
        } else {
            Modality::Asserted
        }
    }

    /// `n` is the object of a verb that intends it (`proposed the merger`), or an event announced
    /// ahead (`announced her retirement`; also in the passive, `his retirement was announced`).
    fn object_of_intent(&self, n: usize) -> bool {
        let tr = self.tr;
        let v = tr.head[n];
        if v == NONE || !matches!(tr.rel(n), "obj" | "nsubj:pass") || tr.upos(v) != "VERB" {
            return false;
        }
        let announced_ahead = tr.lemma_is(v, &["announce"]) && static_verb_of_noun(&tr.lemma(n).to_lowercase()).is_some_and(|e| ANNOUNCED_AHEAD.contains(&e));
        tr.lemma_is(v, INTENDING_VERBS) || announced_ahead
    }

    fn push_event(&self, n: usize, verb: &'static str, subj: Part, obj: Option<Part>, modality: Modality, out: &mut Vec<Prop>) {
        let lit = Lit { words: verb.to_owned(), verb: Some(verb), ..Default::default() };
        let object = obj.unwrap_or(Part { head: NONE, toks: Vec::new(), min: Vec::new(), poss_after: None, text: None });
        let mut p = self.lit_prop("event:nominal", n, subj, lit, object, 0.6);
        if p.slots.first().is_some_and(|s| s.part.head == NONE) {
            p.slots.clear();
        }
        p.modality = modality;
        p.carb = false;
        out.push(p);
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::{show, triples};

    /// `Zembla's acquisition of Tarn Steel was announced.` (invented)
    const ACQUISITION: &str = "
        Zembla Zembla PROPN NNP 3 nmod:poss
        's 's PART POS 1 case
        acquisition acquisition NOUN NN 8 nsubj:pass
        of of ADP IN 6 case
        Tarn Tarn PROPN NNP 6 compound
        Steel Steel PROPN NNP 3 nmod
        was be AUX VBD 8 aux:pass
        announced announce VERB VBN 0 root
        . . PUNCT . 8 punct";

    /// `The resignation of Ivo Tamm surprised voters.` (invented)
    const RESIGNATION: &str = "
        The the DET DT 2 det
        resignation resignation NOUN NN 6 nsubj
        of of ADP IN 5 case
        Ivo Ivo PROPN NNP 5 compound
        Tamm Tamm PROPN NNP 2 nmod
        surprised surprise VERB VBD 0 root
        voters voter NOUN NNS 6 obj
        . . PUNCT . 6 punct";

    /// `The nomination of Ivo Tamm surprised voters.` (invented): a transitive event with its
    /// patient only names no agent.
    const NOMINATION: &str = "
        The the DET DT 2 det
        nomination nomination NOUN NN 6 nsubj
        of of ADP IN 5 case
        Ivo Ivo PROPN NNP 5 compound
        Tamm Tamm PROPN NNP 2 nmod
        surprised surprise VERB VBD 0 root
        voters voter NOUN NNS 6 obj
        . . PUNCT . 6 punct";

    /// `The alleged killing of Ivo Tamm by rebels shocked voters.` (invented)
    const ALLEGED_KILLING: &str = "
        The the DET DT 3 det
        alleged allege ADJ JJ 3 amod
        killing killing NOUN NN 10 nsubj
        of of ADP IN 6 case
        Ivo Ivo PROPN NNP 6 compound
        Tamm Tamm PROPN NNP 3 nmod
        by by ADP IN 8 case
        rebels rebel NOUN NNS 3 nmod
        shocked shock VERB VBD 0 root
        voters voter NOUN NNS 9 obj
        . . PUNCT . 9 punct";

    /// `The board announced the resignation of Ivo Tamm.` (invented)
    const ANNOUNCED_RESIGNATION: &str = "
        The the DET DT 2 det
        board board NOUN NN 3 nsubj
        announced announce VERB VBD 0 root
        the the DET DT 5 det
        resignation resignation NOUN NN 3 obj
        of of ADP IN 8 case
        Ivo Ivo PROPN NNP 8 compound
        Tamm Tamm PROPN NNP 5 nmod
        . . PUNCT . 3 punct";

    fn nominal(rows: &str) -> Vec<(String, String, String, crate::document::Modality)> {
        triples(rows)
            .into_iter()
            .filter(|t| t.rule == "event:nominal")
            .map(|t| (t.subject.text, t.relation, t.object.map(|o| o.text).unwrap_or_default(), t.modality))
            .collect()
    }

    #[test]
    fn event_nouns_give_their_verb_and_an_announced_resignation_is_planned() {
        use crate::document::Modality::*;
        let got = nominal(ACQUISITION);
        assert!(got.contains(&("Zembla".into(), "acquire".into(), "Tarn Steel".into(), Asserted)), "{got:?} / {}", show(&triples(ACQUISITION)));
        let got = nominal(RESIGNATION);
        assert!(got.contains(&("Ivo Tamm".into(), "resign".into(), String::new(), Asserted)), "{got:?}");
        let got = nominal(NOMINATION);
        assert!(got.is_empty(), "{got:?}");
        let got = nominal(ANNOUNCED_RESIGNATION);
        assert!(got.contains(&("Ivo Tamm".into(), "resign".into(), String::new(), Planned)), "{got:?}");
        let got = nominal(ALLEGED_KILLING);
        assert!(got.contains(&("rebels".into(), "kill".into(), "Ivo Tamm".into(), Reported)), "{got:?}");
    }
}
