//! Parse repairs of noun phrases that the parser cut apart (run by [`super::repair::repair`], same
//! contract: structural, closed word classes only, tree kept).
//!
//! 27. `descriptor-list`: `Singer, writer and peace activist Mara Vellin died` (or `file hosting
//!    and sharing site Norvex blocked …`) parsed as a list of common nouns with the name hung on
//!    the last member (`activist ← appos Mara`, `site ← flat Norvex`) and the first member as the
//!    verb's subject (or with the name as the last member and the last noun its compound): every
//!    member then becomes a subject of its own (`writer died`). A list of
//!    lowercase nouns written right against a name, with no comma before the name, describes that
//!    name: the name takes the first member's place in the clause and the list becomes its
//!    `nmod:desc` (as a single descriptor, `Senator Ivo Oster`, is parsed).

use super::repair::{base, heads, is_ancestor, set_head};
use crate::document::Token;

fn lowercase_noun(t: &Token) -> bool {
    t.upos == "NOUN" && t.form.chars().next().is_some_and(char::is_lowercase)
}

/// Repair 27.
pub(super) fn descriptor_list(t: &mut Vec<Token>) -> bool {
    let n = t.len();
    let mut changed = false;
    for m in 2..n {
        let h = heads(t);
        if t[m].upos != "PROPN" || h[m] == usize::MAX || h[m] > m {
            continue;
        }
        // the last member right before the name, no punctuation between: either the name hangs
        // on it (`activist ← appos Mara`) or the name is the last conjunct and the member its
        // compound (`singer ← conj Mara ← compound activist`)
        let z = m - 1;
        let on_member = h[m] == z && base(&t[z].deprel) == "conj" && matches!(base(&t[m].deprel), "appos" | "flat" | "compound");
        let name_member = base(&t[m].deprel) == "conj" && h[z] == m && base(&t[z].deprel) == "compound";
        if !lowercase_noun(&t[z]) || !(on_member || name_member) {
            continue;
        }
        // up the chain of conjuncts to the first member; every member a lowercase noun
        let mut x = if on_member { h[z] } else { h[m] };
        while x != usize::MAX && base(&t[x].deprel) == "conj" && lowercase_noun(&t[x]) {
            x = h[x];
        }
        // (the first member may open the sentence with a capital)
        if x == usize::MAX || !(lowercase_noun(&t[x]) || (x == 0 && t[x].upos == "NOUN")) || x >= z || t[x].head == 0 {
            continue;
        }
        // the members are one list: between the first and the name only nouns, adjectives,
        // commas and a coordinator, all inside the first member's phrase or the name's
        let inside = (x + 1..m).all(|k| (is_ancestor(&h, x, k) || is_ancestor(&h, m, k)) && matches!(t[k].upos.as_str(), "NOUN" | "ADJ" | "PUNCT" | "CCONJ"));
        let coordinated = (x + 1..z).any(|k| t[k].upos == "CCONJ");
        if !inside || !coordinated {
            continue;
        }
        let rel = t[x].deprel.clone();
        set_head(t, m, h[x], &rel);
        set_head(t, x, m, "nmod:desc");
        if name_member {
            // the last member rejoins the list, with the coordinator that the name had taken
            set_head(t, z, x, "conj");
            for k in x + 1..z {
                if h[k] == m && matches!(base(&t[k].deprel), "cc" | "punct") {
                    let r = t[k].deprel.clone();
                    set_head(t, k, z, &r);
                }
            }
        }
        // the first member's determiner and case marker, before it, go with the name
        for k in 0..x {
            if h[k] == x && matches!(base(&t[k].deprel), "det" | "case" | "punct" | "cc" | "mark") {
                let r = t[k].deprel.clone();
                set_head(t, k, m, &r);
            }
        }
        changed = true;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::super::repair::repair;
    use super::super::repair::tests::{arcs, toks};

    fn has(got: &str, want: &[&str]) {
        let got: Vec<&str> = got.split(' ').collect();
        for w in want {
            assert!(got.contains(w), "{w} not in {got:?}");
        }
    }

    #[test]
    fn a_list_of_descriptors_written_against_a_name_describes_the_name() {
        // `British singer , writer and peace activist Mara Vellin died on Friday .` (invented)
        let t = toks(
            "British/ADJ/2/amod singer/NOUN/10/nsubj ,/PUNCT/4/punct writer/NOUN/2/conj and/CCONJ/7/cc peace/NOUN/7/compound \
             activist/NOUN/2/conj Mara/PROPN/7/appos Vellin/PROPN/8/flat died/VERB/0/root/die/VBD on/ADP/12/case \
             Friday/PROPN/10/obl ./PUNCT/10/punct",
        );
        has(&arcs(&repair(&t).expect("repaired")), &["Mara>10:nsubj", "singer>8:nmod:desc", "writer>2:conj", "activist>2:conj", "Vellin>8:flat"]);
        // `file hosting and sharing site Norvex blocked access` (invented), the name as a flat
        let t = toks(
            "file/NOUN/2/compound hosting/NOUN/7/nsubj and/CCONJ/4/cc sharing/NOUN/2/conj site/NOUN/2/conj Norvex/PROPN/5/flat \
             blocked/VERB/0/root/block/VBD access/NOUN/7/obj",
        );
        has(&arcs(&repair(&t).expect("repaired")), &["Norvex>7:nsubj", "hosting>6:nmod:desc"]);
        // the name as the last conjunct, the last member its compound (invented, as above)
        let t = toks(
            "British/ADJ/2/amod singer/NOUN/10/nsubj ,/PUNCT/4/punct writer/NOUN/2/conj and/CCONJ/8/cc peace/NOUN/7/compound \
             activist/NOUN/8/compound Mara/PROPN/2/conj Vellin/PROPN/8/flat died/VERB/0/root/die/VBD on/ADP/12/case \
             Friday/PROPN/10/obl ./PUNCT/10/punct",
        );
        has(&arcs(&repair(&t).expect("repaired")), &["Mara>10:nsubj", "singer>8:nmod:desc", "activist>2:conj", "and>7:cc", "peace>7:compound"]);
    }

    #[test]
    fn a_list_closed_by_a_comma_before_the_name_or_without_a_coordinator_stays() {
        // `the singer and the actor , Mara Vellin , …`: a comma before the name
        let t = toks("singer/NOUN/6/nsubj and/CCONJ/3/cc actor/NOUN/1/conj ,/PUNCT/5/punct Mara/PROPN/3/appos left/VERB/0/root/leave/VBD");
        assert!(repair(&t).is_none());
        // a single descriptor is parsed right already (`designer ← flat Mara`)
        let t = toks("designer/NOUN/3/nsubj Mara/PROPN/1/flat left/VERB/0/root/leave/VBD");
        assert!(repair(&t).is_none());
    }
}
