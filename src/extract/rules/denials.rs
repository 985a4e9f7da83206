//! Denials: clauses whose governor denies them, turns against them or, negated, does not vouch
//! for them. Such a clause is never a plain fact of the writer's:
//!
//! - `denied that the firm sold the land`, `denied selling the land`, `rejected claims that she
//!   took the money`: the speaker says it did not happen — negated, and reported with the
//!   speaker as its source;
//! - `avoided paying the tax`, `opposed building the dam`, `argued against rejoining the pact`,
//!   `refrained from voting`, `spared the victims having to testify`: the act is one the subject keeps from or argues against — negated;
//! - `the misstatement that the army won`, `the false claim that she left`: the writer calls the
//!   clause untrue — negated;
//! - `did not find that the firm breached the law`, `never claimed that the army won`: a
//!   negated verb of saying or concluding leaves its clause open — possible. Factive verbs
//!   (`did not know that …`, `did not reveal that …`) presuppose their clause and are left alone.
//!
//! In: a predicate token of the tree. Out: which of the three readings holds and the governing
//! verb, whose subject speaks for the clause. `claims::claim_flags` applies it.

use super::*;

/// Verbs of denying: their `that` clause or gerund is what the subject says is untrue (general
/// English, closed class).
const DENYING_VERBS: &[&str] = &["deny", "dispute", "refute", "rebut", "disprove", "contest", "contradict"];

/// Verbs that turn a claim noun down (`rejected claims that …`, `dismissed reports that …`).
const REJECTING_VERBS: &[&str] = &["deny", "reject", "dismiss", "dispute", "refute", "rebut", "contest", "deflect"];

/// Nouns naming someone's claim, whose `that` clause is the claim (`the allegation that …`).
const CLAIM_NOUNS: &[&str] = &[
    "claim", "allegation", "accusation", "report", "suggestion", "rumour", "rumor", "charge", "assertion", "speculation",
    "contention", "insinuation",
];

/// Verbs whose gerund the subject keeps from doing or stands against (`avoided paying`, `opposed
/// building`, `resisted signing`): general English, closed class. (`refuse`, `decline`, `fail`
/// take an infinitive and are read with the verb chain, see `lexicon::NEGATIVE_HEADS`.)
const AVOIDING_VERBS: &[&str] = &["avoid", "oppose", "resist", "evade", "shun", "reject", "refrain", "abstain", "refuse"];

/// Non-factive verbs of saying, showing and concluding: negated, they leave their clause open
/// (`did not find that …`, `did not say the deal was off`). Besides the reporting verbs.
const CONCLUDING_VERBS: &[&str] = &[
    "find", "show", "prove", "confirm", "establish", "conclude", "indicate", "suggest", "demonstrate", "imply", "mean",
    "determine", "think", "believe", "expect", "claim", "allege", "say", "state", "report", "announce", "argue", "assert",
    // verbs of agreeing and supposing: `do not agree that this is the end`, `did not assume that …`
    "agree", "accept", "assume", "suppose", "guess", "feel", "reckon", "predict", "anticipate",
];

/// Nouns that call their `that` clause untrue (`the misstatement that …`, `the myth that …`), and
/// adjectives that do so for a claim noun (`the false claim that …`): general English, closed class.
const FALSEHOOD_NOUNS: &[&str] = &[
    "misstatement", "falsehood", "lie", "myth", "misconception", "hoax", "fabrication", "canard", "untruth", "misinformation",
    "disinformation", "fiction",
];
const FALSE_ADJECTIVES: &[&str] = &["false", "baseless", "unfounded", "groundless", "bogus", "debunked", "untrue", "spurious", "fake"];

/// The reading a denial gives a clause (see the module comment).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Denial {
    /// Said not to have happened: negated and reported.
    Denied,
    /// Kept from or argued against: negated.
    Avoided,
    /// Left open by a negated verb of saying or concluding: possible.
    Open,
}

impl Rules<'_, '_> {
    /// The denial that governs predicate `p`, and its governing verb: `p` itself, or the first
    /// conjunct of its coordination (`denied that he took and spent the money`), hangs as a
    /// complement, gerund or `against` clause under that verb, or as the `that` clause of a claim
    /// noun the verb rejects.
    pub(crate) fn denial_of(&self, p: usize) -> Option<(Denial, usize)> {
        let tr = self.tr;
        if p >= tr.len() {
            return None;
        }
        let mut c = p;
        for _ in 0..4 {
            if tr.base(c) != "conj" {
                break;
            }
            c = tr.head[c];
            if c == NONE {
                return None;
            }
        }
        let h = tr.head[c];
        if h == NONE || h >= tr.len() {
            return None;
        }
        let mark = |words: &[&str]| tr.kids(c).any(|k| k < c && matches!(tr.base(k), "mark" | "case") && tr.lemma_is(k, words));
        let gerund = tr.t[c].xpos == "VBG";
        let complement = matches!(tr.base(c), "ccomp" | "xcomp");
        match tr.base(c) {
            // `argued against rejoining`, `voted against extending`: the clause is opposed
            "advcl" | "obl" if gerund && mark(&["against"]) => Some((Denial::Avoided, h)),
            // `the plea spared the victims having to testify`: a gerund with its own subject under
            // `spare` is what the subject was kept from (the parser hangs it as an adverbial)
            "advcl" | "ccomp" | "xcomp" if gerund && tr.lemma_is(h, &["spare"]) && self.negation_of(h).is_none() => Some((Denial::Avoided, h)),
            // `refrained from voting`
            "advcl" | "obl" if gerund && mark(&["from"]) && tr.lemma_is(h, &["refrain", "abstain"]) => Some((Denial::Avoided, h)),
            // `the misstatement that …`, `the false claim that …`: the writer calls the clause untrue
            // (the parser may call such a clause relative; a relative clause has no `that` mark)
            "acl" if mark(&["that"]) && self.calls_untrue(h) => Some((Denial::Avoided, h)),
            // `rejected claims that she took the money`
            "acl" if tr.rel(c) != "acl:relcl" && mark(&["that"]) && tr.lemma_is(h, CLAIM_NOUNS) => {
                let v = tr.head[h];
                (v != NONE && tr.base(h) == "obj" && tr.lemma_is(v, REJECTING_VERBS) && self.negation_of(v).is_none()).then_some((Denial::Denied, v))
            }
            _ if !complement => None,
            _ if tr.lemma_is(h, DENYING_VERBS) && self.negation_of(h).is_none() => Some((Denial::Denied, h)),
            _ if gerund && tr.lemma_is(h, AVOIDING_VERBS) && self.negation_of(h).is_none() => Some((Denial::Avoided, h)),
            _ if tr.base(c) == "ccomp" && self.negation_of(h).is_some() && (self.reports(h) || tr.lemma_is(h, CONCLUDING_VERBS)) => {
                Some((Denial::Open, h))
            }
            _ => None,
        }
    }
}

impl Rules<'_, '_> {
    /// Whether noun `n` says its clause is untrue: a falsehood noun, or a claim noun with a
    /// falsifying adjective.
    fn calls_untrue(&self, n: usize) -> bool {
        let tr = self.tr;
        tr.lemma_is(n, FALSEHOOD_NOUNS) || (tr.lemma_is(n, CLAIM_NOUNS) && tr.kids(n).any(|k| tr.base(k) == "amod" && tr.lemma_is(k, FALSE_ADJECTIVES)))
    }

    /// The denial inside a relation's own verb chain (`avoided paying`, `denied taking`, read
    /// as one relation with the gerund as its verb), and the denying or avoiding verb.
    pub(crate) fn chain_denial(&self, rel: &[usize]) -> Option<(Denial, usize)> {
        let tr = self.tr;
        rel.iter().find_map(|&x| {
            let h = tr.head[x];
            if tr.base(x) != "xcomp" || tr.t[x].xpos != "VBG" || !rel.contains(&h) || self.negation_of(h).is_some() {
                return None;
            }
            if tr.lemma_is(h, DENYING_VERBS) {
                Some((Denial::Denied, h))
            } else {
                tr.lemma_is(h, AVOIDING_VERBS).then_some((Denial::Avoided, h))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::document::{Modality, OpenTriple};
    use crate::extract::Extractor;

    /// The fact of an analysed sentence whose relation (as written) contains `verb`.
    fn fact(line: &str, verb: &str) -> Option<OpenTriple> {
        let s = crate::extract::tests::analysed(line)?;
        let all = Extractor::new().extract(&s, &[]);
        let found = all.iter().position(|t| t.relation.contains(verb));
        Some(all[found.unwrap_or_else(|| panic!("{line}: no `{verb}` among {} facts", all.len()))].clone())
    }

    /// The fact's speaker, or "".
    fn speaker(t: &OpenTriple) -> String {
        t.attribution.as_ref().map(|a| a.text.clone()).unwrap_or_default()
    }

    #[test]
    fn a_denied_clause_is_negated_and_reported_by_the_denier() {
        let Some(t) = fact("The board denied that Ben Tarrow had sold the shares.", "sold") else { return };
        assert!(t.negated, "{t:?}");
        assert_eq!(t.modality, Modality::Reported, "{t:?}");
        assert!(speaker(&t).contains("board"), "{t:?}");
    }

    #[test]
    fn a_gerund_someone_was_spared_is_negated() {
        let Some(t) = fact("The plea spared the workers having to testify in court.", "testify") else { return };
        assert!(t.negated, "{t:?}");
    }

    #[test]
    fn a_denied_gerund_is_negated() {
        let Some(t) = fact("Ben Tarrow denied taking the money.", "taking") else { return };
        assert!(t.negated, "{t:?}");
    }

    #[test]
    fn a_rejected_claim_is_negated() {
        let Some(t) = fact("Mara Vellin rejected claims that she had taken the money.", "taken") else { return };
        assert!(t.negated, "{t:?}");
        assert_ne!(t.modality, Modality::Asserted, "{t:?}");
    }

    #[test]
    fn an_avoided_or_opposed_gerund_did_not_happen() {
        for (line, verb) in [("Ben Tarrow avoided paying the tax.", "paying"), ("Mara Vellin argued against rejoining the trade pact.", "rejoining")] {
            let Some(t) = fact(line, verb) else { return };
            assert!(t.negated, "{line}: {t:?}");
        }
    }

    #[test]
    fn a_clause_a_negated_verb_does_not_vouch_for_is_open() {
        let Some(t) = fact("The council did not find that the firm had breached the law.", "breached") else { return };
        assert!(!t.negated, "{t:?}");
        assert_eq!(t.modality, Modality::Possible, "{t:?}");
    }

    #[test]
    fn a_clause_a_negated_verb_of_agreeing_does_not_vouch_for_is_open() {
        let Some(t) = fact("Ivo Oster does not agree that the festival has ended.", "ended") else { return };
        assert_ne!(t.modality, Modality::Asserted, "{t:?}");
    }

    #[test]
    fn a_clause_the_writer_calls_untrue_is_no_plain_fact() {
        for (line, verb) in [
            ("Critics repeated the misstatement that forty workers had died in the fire.", "die"),
            ("The mayor repeated the false claim that the Norvia bridge had collapsed.", "collapse"),
        ] {
            let Some(s) = crate::extract::tests::analysed(line) else { return };
            let plain: Vec<OpenTriple> = Extractor::new()
                .extract(&s, &[])
                .into_iter()
                .filter(|t| t.relation.contains(verb) && !t.negated && t.modality == Modality::Asserted)
                .collect();
            assert!(plain.is_empty(), "{line}: {plain:?}");
        }
    }

    #[test]
    fn a_factive_or_affirmed_governor_keeps_its_clause() {
        // a negated factive verb presupposes its clause
        let Some(t) = fact("The council did not know that the firm had breached the law.", "breached") else { return };
        assert!(!t.negated && t.modality == Modality::Asserted, "{t:?}");
        // `did not deny` is no denial
        let Some(t) = fact("Ben Tarrow did not deny that he had sold the shares.", "sold") else { return };
        assert!(!t.negated, "{t:?}");
    }
}
