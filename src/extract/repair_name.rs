//! Parse repair 27, `and-name` (run by [`super::repair::repair`], same contract: structural,
//! closed word classes only, tree kept), and the span finder that
//! [`super::titled::join_and_names`] shares with it.
//!
//! An institution's name with a coordination inside (`the Senate Energy and Natural Resources
//! Committee`, `the Norvia Educational, Scientific and Cultural Organization`, `the Food and Forest
//! Agency`) is one name headed by its last word, an institution noun. The parser reads the `and` as
//! a coordination of its own (the words before it a conjunct, split into an argument of their own:
//! `Culture – be based in – …`) and the named-entity model cuts the name at `and` (`Senate Energy`
//! chairs nothing). The repair hangs every word of the name on the head noun (`compound`; `and` and
//! the commas `flat`), gives the head the attachment of the name's topmost word, and moves what
//! hung on the inner words from outside the name (its preposition, an acronym in brackets) to the
//! head.
//!
//! A span ([`and_name_spans`]): capitalised words, with exactly one `and` (or `&`) and commas only
//! between words before it (`A, B and C`, never `, and`), ending on a capitalised institution noun
//! ([`AND_NAME_HEADS`]); one to five words before `and`, one to three between `and` and the head.
//! A show's title after `the` (`The Mara and Ivo Show`, [`AND_TITLE_HEADS`]) is a span with its
//! hosts' names inside. Not a span otherwise: a person's name inside (`the Ana and Tom Reyes Foundation` stays as tagged), a single
//! place or adjective before `and` (`Norvia and Vela Rights Fund` are two names, `Liberal and Green
//! Party nominees` two parties), an institution noun right after `and` (`Water Board and Harbour
//! Office`: two institutions).
//!
//! In: a sentence's tokens with their named-entity tags. Out: the same tokens, re-attached, or
//! unchanged (`false`) when no such name is split.

use super::repair::{base, heads, is_ancestor, set_head};
use crate::document::Token;

/// Last words of institution names that may hold a coordination (`Food and Forest Agency`):
/// general English nouns for a public body, a party, a court, a fund, a school or a company.
pub(crate) const AND_NAME_HEADS: &[&str] = &[
    "committee", "commission", "organization", "organisation", "administration", "agency", "authority", "council",
    "department", "ministry", "service", "services", "board", "institute", "foundation", "association", "fund",
    "bureau", "office", "centre", "center", "corporation", "society", "federation", "party", "alliance", "court",
    "command", "programme", "program", "network", "coalition", "trust", "academy", "university", "college",
    "museum", "company", "bank", "union", "league", "front", "movement", "secretariat", "tribunal",
];

/// A capitalised word that may stand inside a name: alphabetic (hyphens allowed), first letter
/// upper case, and no function word (`The`, `Of`).
fn name_word(t: &Token) -> bool {
    t.form.chars().next().is_some_and(char::is_uppercase)
        && t.form.chars().all(|c| c.is_alphabetic() || c == '-')
        && !matches!(t.upos.as_str(), "DET" | "ADP" | "PRON" | "CCONJ" | "SCONJ" | "AUX" | "PART" | "PUNCT" | "NUM" | "INTJ")
}

/// Last words of the titles of shows that may hold a coordination of their hosts' first names
/// (`The Mara and Ivo Show`): general English nouns for a broadcast programme. Such a title, after
/// `the`, is one name even with a person's name inside.
const AND_TITLE_HEADS: &[&str] = &["show", "podcast"];

fn is_head_noun(t: &Token) -> bool {
    name_word(t) && (AND_NAME_HEADS.contains(&t.form.to_lowercase().as_str()) || is_title_head(t))
}

fn is_title_head(t: &Token) -> bool {
    name_word(t) && AND_TITLE_HEADS.contains(&t.form.to_lowercase().as_str())
}

fn ner_kind(t: &Token) -> &str {
    t.ner.rsplit('-').next().unwrap_or("")
}

/// The institution names with a coordination inside, as `(first word, head)` (0-based, the head
/// included): see the module doc.
pub(crate) fn and_name_spans(t: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for h in 1..t.len() {
        // the name's last institution noun heads it (`… Fund Office`: `Office`)
        if !is_head_noun(&t[h]) || t.get(h + 1).is_some_and(is_head_noun) {
            continue;
        }
        let mut s = h;
        let mut and_at = None;
        let mut k = h;
        while k > 0 {
            k -= 1;
            let tok = &t[k];
            if name_word(tok) {
                s = k;
            } else if matches!(tok.form.as_str(), "and" | "&") && and_at.is_none() && s == k + 1 {
                and_at = Some(k);
            } else if tok.form == "," && and_at.is_some() && s == k + 1 && k > 0 && name_word(&t[k - 1]) {
                // a comma list before `and` (`Educational, Scientific and Cultural`)
            } else {
                break;
            }
        }
        let Some(a) = and_at else { continue };
        if a < s || a + 1 >= h || is_head_noun(&t[a + 1]) {
            continue;
        }
        let words = |r: std::ops::Range<usize>| r.filter(|&x| name_word(&t[x])).count();
        let (left, right) = (words(s..a), words(a + 1..h));
        if !(1..=5).contains(&left) || !(1..=3).contains(&right) {
            continue;
        }
        let title = is_title_head(&t[h]) && s > 0 && t[s - 1].form.eq_ignore_ascii_case("the");
        if !title && (s..=h).any(|x| ner_kind(&t[x]) == "PER") {
            continue;
        }
        // a lone place or adjective before `and` is a name or a word of its own
        if left == 1 && (matches!(ner_kind(&t[s]), "LOC" | "GPE") || t[s].upos == "ADJ") {
            continue;
        }
        out.push((s, h));
    }
    out
}

/// Repair 27.
pub(super) fn and_name(t: &mut Vec<Token>) -> bool {
    let mut changed = false;
    for (s, h) in and_name_spans(t) {
        let hd = heads(t);
        let inside = |x: usize| (s..=h).contains(&x);
        let outside: Vec<usize> = (s..=h).filter(|&k| hd[k] == usize::MAX || !inside(hd[k])).collect();
        let split = (s..h).any(|k| matches!(base(&t[k].deprel), "conj" | "cc" | "appos" | "list" | "parataxis"));
        if outside == [h] && !split {
            continue; // one phrase already, headed by the institution noun
        }
        let Some(&top) = outside.iter().find(|&&k| t[k].upos != "PUNCT") else { continue };
        let (up, rel) = (hd[top], t[top].deprel.clone());
        // the name's attachment must lie outside it (no word of the name above it)
        if up != usize::MAX && (s..=h).any(|k| is_ancestor(&hd, k, up)) {
            continue;
        }
        set_head(t, h, up, &rel);
        for k in s..h {
            let r = if name_word(&t[k]) { "compound" } else { "flat" };
            set_head(t, k, h, r);
        }
        for k in (0..t.len()).filter(|&k| !inside(k) && hd[k] != usize::MAX && inside(hd[k]) && hd[k] != h) {
            let r = t[k].deprel.clone();
            set_head(t, k, h, &r);
        }
        changed = true;
    }
    changed
}

/// Repair 54, `comma-name`: an organisation's name with a comma inside (`University of Tarn,
/// Vell`, a state university's campus as the named-entity recogniser joins it) read by the parser
/// as two phrases, the part after the comma an apposition, a subject or a possessor of its own
/// (`Ana Reyes of the University of Tarn, Vell disagreed` with `Vell` a second subject). The name is
/// one phrase: every word of it whose head lies outside it hangs on the name's first topmost word
/// (`flat`; the comma `punct`), and what hung on those words from outside (a possessive `'s`)
/// moves to that word.
pub(super) fn comma_name(t: &mut Vec<Token>) -> bool {
    let mut changed = false;
    let mut s = 0;
    while s < t.len() {
        if t[s].ner != "B-ORG" {
            s += 1;
            continue;
        }
        let e = (s + 1..t.len()).take_while(|&k| t[k].ner == "I-ORG").last().unwrap_or(s);
        let next = e + 1;
        if !(s + 1..e).any(|k| t[k].form == ",") {
            s = next;
            continue;
        }
        let hd = heads(t);
        let inside = |x: usize| (s..=e).contains(&x);
        let loose: Vec<usize> = (s..=e).filter(|&k| hd[k] == usize::MAX || !inside(hd[k])).collect();
        let Some(&top) = loose.iter().find(|&&k| t[k].upos != "PUNCT") else {
            s = next;
            continue;
        };
        let others: Vec<usize> = loose.iter().copied().filter(|&k| k != top).collect();
        // the name's attachment must lie outside it
        let up = hd[top];
        if others.is_empty() || (up != usize::MAX && (s..=e).any(|k| is_ancestor(&hd, k, up))) {
            s = next;
            continue;
        }
        for &k in &others {
            let r = if t[k].upos == "PUNCT" { "punct" } else { "flat" };
            set_head(t, k, top, r);
        }
        for k in (0..t.len()).filter(|&k| !inside(k) && hd[k] != usize::MAX && others.contains(&hd[k])) {
            let r = t[k].deprel.clone();
            set_head(t, k, top, &r);
        }
        changed = true;
        s = next;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::super::repair::repair;
    use super::super::repair::tests::{arcs, toks};
    use super::*;

    fn with_ner(mut t: Vec<Token>, tags: &[(usize, &str)]) -> Vec<Token> {
        for tok in t.iter_mut() {
            tok.ner = "O".into();
        }
        for &(k, tag) in tags {
            t[k].ner = tag.into();
        }
        t
    }

    #[test]
    fn a_name_with_a_comma_is_one_phrase() {
        // `Mara Vellin of the University of Tarn , Vell disagreed with the findings .` (invented):
        // `Vell` read as a second subject of the verb
        let t = toks(
            "Mara/PROPN/11/nsubj Vellin/PROPN/1/flat of/ADP/5/case the/DET/5/det University/PROPN/1/nmod of/ADP/7/case \
             Tarn/PROPN/5/nmod ,/PUNCT/5/punct Vell/PROPN/11/nsubj Falls/PROPN/9/flat disagreed/VERB/0/root \
             with/ADP/14/case the/DET/14/det findings/NOUN/11/obl ./PUNCT/11/punct",
        );
        let t = with_ner(t, &[(0, "B-PER"), (1, "I-PER"), (4, "B-ORG"), (5, "I-ORG"), (6, "I-ORG"), (7, "I-ORG"), (8, "I-ORG"), (9, "I-ORG")]);
        let fixed = repair(&t).expect("repaired");
        let a = arcs(&fixed);
        assert!(a.contains("Vell>5:flat") && a.contains(",>5:punct"), "{a}");
        assert_eq!(fixed.iter().filter(|k| k.deprel == "nsubj").count(), 1);
        // a possessive on the campus moves to the name's head: `Tarn , Vell 's chancellor`
        let t = toks(
            "said/VERB/0/root University/PROPN/1/nsubj of/ADP/4/case Tarn/PROPN/2/nmod ,/PUNCT/9/punct Vell/PROPN/9/nmod:poss \
             's/PART/6/case chancellor/NOUN/2/appos",
        );
        let t = with_ner(t, &[(1, "B-ORG"), (2, "I-ORG"), (3, "I-ORG"), (4, "I-ORG"), (5, "I-ORG")]);
        let fixed = repair(&t).expect("repaired");
        let a = arcs(&fixed);
        assert!(a.contains("Vell>2:flat") && a.contains("'s>2:case"), "{a}");
        // no comma inside the name: nothing to do
        let t = toks("the/DET/2/det University/PROPN/0/root of/ADP/4/case Tarn/PROPN/2/nmod");
        let t = with_ner(t, &[(1, "B-ORG"), (2, "I-ORG"), (3, "I-ORG")]);
        assert!(!comma_name(&mut t.clone()));
    }

    #[test]
    fn a_committee_name_with_and_is_one_phrase() {
        // `Mara Vellin , the chairman of the Senate Energy and Natural Resources Committee , was 70 .`
        // (invented), the name headed by `Energy` with `Committee` below it
        let t = toks(
            "Mara/PROPN/17/nsubj Vellin/PROPN/1/flat ,/PUNCT/6/punct the/DET/6/det Republican/ADJ/6/amod chairman/NOUN/1/appos \
             of/ADP/10/case the/DET/10/det Senate/PROPN/10/compound Energy/PROPN/6/nmod and/CCONJ/13/cc Natural/ADJ/13/amod \
             Resources/PROPN/14/compound Committee/PROPN/10/nmod ,/PUNCT/1/punct was/AUX/17/cop 70/NUM/0/root ./PUNCT/17/punct",
        );
        let t = with_ner(t, &[(0, "B-PER"), (1, "I-PER"), (8, "B-ORG"), (9, "I-ORG"), (11, "B-ORG"), (12, "I-ORG"), (13, "I-ORG")]);
        assert_eq!(and_name_spans(&t), vec![(8, 13)]);
        let got = arcs(&repair(&t).expect("repaired"));
        for want in ["Committee>6:nmod", "Energy>14:compound", "and>14:flat", "Senate>14:compound", "of>14:case", "the>14:det"] {
            assert!(got.split(' ').any(|a| a == want), "{want} not in {got}");
        }
    }

    #[test]
    fn a_comma_list_before_and_stays_in_the_name() {
        // `The Norvia Agency for Science , Culture and Sport Organization is based in Brelk .` is
        // no span (`for` breaks the run); `The Norvia Educational , Scientific and Cultural
        // Organization is based in Brelk .` (invented) is one, parsed as a coordination
        let t = toks(
            "The/DET/2/det Norvia/PROPN/10/nsubj:pass Educational/PROPN/2/flat ,/PUNCT/5/punct Scientific/PROPN/2/conj \
             and/CCONJ/8/cc Cultural/ADJ/8/amod Organization/PROPN/2/conj is/AUX/10/aux:pass based/VERB/0/root \
             in/ADP/12/case Brelk/PROPN/10/obl ./PUNCT/10/punct",
        );
        let t = with_ner(t, &[(1, "B-ORG"), (2, "I-ORG"), (6, "B-ORG"), (7, "I-ORG")]);
        assert_eq!(and_name_spans(&t), vec![(1, 7)]);
        let got = arcs(&repair(&t).expect("repaired"));
        for want in ["Organization>10:nsubj:pass", "Norvia>8:compound", "Scientific>8:compound", ",>8:flat", "The>8:det"] {
            assert!(got.split(' ').any(|a| a == want), "{want} not in {got}");
        }
    }

    #[test]
    fn a_show_title_with_its_hosts_names_is_one_phrase() {
        // `The account for The Mara and Ivo Show , which replaced Tarn Tonight , was deleted .`
        // (invented), the title cut at `and` into two hosts and a `Show` conjunct
        let t = toks(
            "The/DET/2/det account/NOUN/0/root for/ADP/5/case The/DET/5/det Mara/PROPN/2/nmod and/CCONJ/7/cc Ivo/PROPN/5/conj \
             Show/PROPN/5/conj",
        );
        let t = with_ner(t, &[(4, "B-PER"), (6, "B-PER"), (7, "I-PER")]);
        assert_eq!(and_name_spans(&t), vec![(4, 7)]);
        let got = arcs(&repair(&t).expect("repaired"));
        for want in ["Show>2:nmod", "Mara>8:compound", "Ivo>8:compound", "and>8:flat", "The>8:det", "for>8:case"] {
            assert!(got.split(' ').any(|a| a == want), "{want} not in {got}");
        }
        // must not: no `the` before the names (`Mara and Ivo Show tickets`), or hosts with no show
        let t = with_ner(toks("Mara/PROPN/0/root and/CCONJ/3/cc Ivo/PROPN/1/conj Show/PROPN/3/flat"), &[(0, "B-PER"), (2, "B-PER")]);
        assert_eq!(and_name_spans(&t), vec![]);
    }

    #[test]
    fn two_names_or_a_list_are_no_span() {
        // must not: a lone place before `and`, a person inside, `, and`, a head right after `and`,
        // a lone adjective (`Liberal and Green Party nominees`)
        for (spec, tags) in [
            ("Norvia/PROPN/0/root and/CCONJ/5/cc Vela/PROPN/4/compound Rights/PROPN/5/compound Fund/PROPN/1/conj", vec![(0, "B-LOC")]),
            ("Ana/PROPN/0/root and/CCONJ/5/cc Tom/PROPN/4/compound Reyes/PROPN/5/compound Foundation/PROPN/1/conj", vec![(0, "B-PER"), (2, "B-PER"), (3, "I-PER")]),
            ("Water/PROPN/2/compound Board/PROPN/0/root ,/PUNCT/5/punct and/CCONJ/5/cc Harbour/PROPN/6/compound Office/PROPN/2/conj", vec![]),
            ("Water/PROPN/0/root and/CCONJ/3/cc Office/PROPN/1/conj", vec![]),
            ("Liberal/ADJ/0/root and/CCONJ/3/cc Green/PROPN/4/compound Party/PROPN/1/conj", vec![]),
        ] {
            let t = with_ner(toks(spec), &tags);
            assert_eq!(and_name_spans(&t), vec![], "{spec}");
        }
    }
}
