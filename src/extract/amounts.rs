//! Changes of amount with a target: `The win brings her total to 54`, `The bank cut the rate to
//! 2 %`, `Sales rose from 3 to 5 million`. The fact a reader wants is the new value: the target
//! number is the object (`win – brings total to – 54`, `sales – rose to – 5 million`), the thing
//! measured joins the relation, and the starting value (`from 3`) stays a circumstance.
//!
//! In: a verb proposition's slots. Out: which slot holds the measured thing (transitive
//! verbs) and which the target value.

use super::rules::{Kind, Slot};
use super::tree::Tree;

/// English verbs that change or set an amount (`raise`, `cut`, `bring … to`, `rise`, `fall`):
/// the closed class whose `to NUMBER` complement is the new value. Other verbs with `to` + a
/// number name a recipient or a destination (`gave medals to 3 athletes`).
const CHANGE_VERBS: &[&str] = &[
    "bring", "raise", "increase", "cut", "reduce", "lower", "lift", "boost", "push", "drive", "take", "slash", "hike",
    "revise", "adjust", "trim", "decrease", "rise", "fall", "drop", "climb", "grow", "jump", "soar", "sink", "decline",
    "rocket", "plunge", "surge", "shrink", "double", "triple", "swell", "dip", "slip", "edge", "inch", "expand",
];

/// Nouns that carry a number as a quantity (`5 %`, `3 million`, `40 percent`): the head of a
/// target value other than the number itself.
const QUANTITY_HEADS: &[&str] = &[
    "%", "percent", "per", "cent", "percentage", "point", "thousand", "million", "billion", "trillion", "$", "€", "£", "¥",
];

/// A target value: a number, or a quantity noun with its number (`5 %`, `3 million`).
fn is_value(tr: &Tree, h: usize) -> bool {
    h < tr.len()
        && (tr.upos(h) == "NUM"
            || (tr.lemma_is(h, QUANTITY_HEADS) && tr.kids(h).any(|k| tr.upos(k) == "NUM" && matches!(tr.base(k), "nummod" | "compound"))))
}

/// For verb `v` with `slots`: the measured object's slot (None for an intransitive change,
/// `rose to 5 %`) and the `to VALUE` slot. None when `v` is no change verb or has no target value.
pub(super) fn amount_target(tr: &Tree, v: usize, slots: &[&Slot]) -> Option<(Option<usize>, usize)> {
    if v >= tr.len() || !tr.lemma_is(v, CHANGE_VERBS) {
        return None;
    }
    let to = slots.iter().position(|sl| {
        sl.kind == Kind::Obl && sl.part.head > v && sl.case.iter().any(|&c| tr.lemma_is(c, &["to"])) && is_value(tr, sl.part.head)
    })?;
    let obj = slots.iter().position(|sl| sl.kind == Kind::Obj && sl.part.head > v && sl.part.head < slots[to].part.head);
    Some((obj, to))
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::{find, show, triples};

    /// `The win brings her point total to 54.` (invented)
    const BRINGS_TOTAL: &str = "
        The the DET DT 2 det
        win win NOUN NN 3 nsubj
        brings bring VERB VBZ 0 root VerbForm=Fin
        her she PRON PRP$ 6 nmod:poss
        point point NOUN NN 6 compound
        total total NOUN NN 3 obj
        to to ADP IN 8 case
        54 54 NUM CD 3 obl
        . . PUNCT . 3 punct";

    /// `Exports rose from 3 to 5 %.` (invented)
    const ROSE_FROM_TO: &str = "
        Exports export NOUN NNS 2 nsubj
        rose rise VERB VBD 0 root VerbForm=Fin
        from from ADP IN 4 case
        3 3 NUM CD 2 obl
        to to ADP IN 7 case
        5 5 NUM CD 7 nummod
        % % SYM NN 2 obl
        . . PUNCT . 2 punct";

    #[test]
    fn the_target_value_is_the_object() {
        let ts = triples(BRINGS_TOTAL);
        let t = find(&ts, "win", "brings point total to", Some("54"));
        assert_eq!((t.key.verb.as_deref(), t.key.prep.as_deref()), (Some("bring"), Some("to")));
        // the measured thing alone is no fact any more
        assert!(!ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text.ends_with("total"))), "{}", show(&ts));
        let ts = triples(ROSE_FROM_TO);
        find(&ts, "Exports", "rose to", Some("5 %"));
    }

    #[test]
    fn a_recipient_is_no_target() {
        // must give nothing: `gave medals to 54` is no change of amount; `brought the total to
        // the table` has no value after `to`
        let gave = BRINGS_TOTAL.replace("brings bring", "gives give");
        let ts = triples(&gave);
        assert!(!ts.iter().any(|t| t.relation.ends_with(" to")), "{}", show(&ts));
        let table = BRINGS_TOTAL.replace("54 54 NUM CD", "table table NOUN NN");
        let ts = triples(&table);
        assert!(!ts.iter().any(|t| t.relation.contains("total to")), "{}", show(&ts));
    }
}
