//! Parse repair of an aside set off by dashes (numbered with the others in [`super::repair`]).
//!
//! 45. `dash-aside`: `Oster — who was nicknamed Red as a boy — began writing songs`, `The old dam
//!     — the wall which holds the lake — is in danger`, `several villages — including
//!     Brelk — closed their schools`: an aside between two dashes that stands between a
//!     clause's subject and its finite verb. The parser often reads the aside as the clause (the
//!     subject a `reparandum` of its verb, the real verb a `parataxis`) or the aside's noun as the
//!     subject. Only the two dashes of the sentence are looked at; the word before the first is
//!     a noun (the aside's anchor), the first word after the second (over adverbs) a finite verb
//!     or a finite auxiliary of a later word (the predicate), and the stretch before the first
//!     dash is the subject's own phrase (with fronted words that hang on the predicate side). The
//!     aside's one top word becomes the anchor's `appos` (a noun), `nmod` (a noun with its own
//!     preposition: `including …`) or `acl:relcl` (opened by a relative word); the subject
//!     phrase's head the predicate's `nsubj`; words that hung on the aside or on the subject
//!     phrase after the aside go to the predicate, which becomes the root when the old root was
//!     the subject phrase or the aside.

use super::repair::{base, heads, is_ancestor, set_head};
use crate::document::Token;

fn is_dash(t: &Token) -> bool {
    t.upos == "PUNCT" && matches!(t.form.as_str(), "—" | "–" | "--" | "-")
}

fn is_relative_word(t: &Token) -> bool {
    matches!(t.xpos.as_str(), "WP" | "WDT" | "WP$") || matches!(t.form.to_lowercase().as_str(), "who" | "whom" | "whose" | "which")
}

/// Repair 45.
pub(super) fn dash_aside(t: &mut Vec<Token>) -> bool {
    let n = t.len();
    let dashes: Vec<usize> = (0..n).filter(|&k| is_dash(&t[k])).collect();
    // one aside: exactly two dashes, with words between them and a clause after the second
    let [d1, d2] = dashes[..] else { return false };
    if d1 == 0 || d2 <= d1 + 1 || d2 + 1 >= n {
        return false;
    }
    let h = heads(t);
    let a = d1 - 1;
    if !matches!(t[a].upos.as_str(), "NOUN" | "PROPN") {
        return false;
    }
    // the predicate: a finite verb right after the aside, or the word a finite auxiliary there serves
    let mut f = d2 + 1;
    while f < n && t[f].upos == "ADV" {
        f += 1;
    }
    if f >= n || !matches!(t[f].xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD") {
        return false;
    }
    let p = match t[f].upos.as_str() {
        "VERB" => f,
        "AUX" if h[f] != usize::MAX && h[f] > f => h[f],
        _ => return false,
    };
    if (0..n).any(|k| h[k] == p && k > d2 && matches!(base(&t[k].deprel), "nsubj" | "csubj" | "expl")) {
        return false;
    }
    // the subject: the top of the anchor's phrase before the first dash
    let mut s = a;
    while h[s] != usize::MAX && h[s] < d1 {
        s = h[s];
    }
    if !matches!(t[s].upos.as_str(), "NOUN" | "PROPN" | "PRON" | "NUM") {
        return false;
    }
    // every other word before the aside hangs (through words before it) on the predicate side:
    // a fronted adverb or date, never an earlier verb whose object the phrase would be
    for k in 0..d1 {
        if is_ancestor(&h, s, k) {
            continue;
        }
        let mut x = k;
        while h[x] != usize::MAX && h[x] < d1 {
            x = h[x];
        }
        if is_ancestor(&h, s, x) || matches!(t[x].upos.as_str(), "VERB" | "AUX") || h[x] == usize::MAX {
            return false;
        }
    }
    // the aside's one top word (its dashes aside)
    let inside = |k: usize| k > d1 && k < d2;
    let tops: Vec<usize> = (d1 + 1..d2).filter(|&k| !inside(h[k]) && t[k].upos != "PUNCT").collect();
    let [x] = tops[..] else { return false };
    let rel = if is_relative_word(&t[d1 + 1]) {
        "acl:relcl"
    } else if matches!(t[x].upos.as_str(), "NOUN" | "PROPN" | "NUM" | "PRON") {
        if (d1 + 1..x).any(|k| h[k] == x && base(&t[k].deprel) == "case") {
            "nmod"
        } else {
            "appos"
        }
    } else {
        return false;
    };
    // already right: the subject is the predicate's and the aside hangs before the dash
    if h[s] == p && base(&t[s].deprel) == "nsubj" && h[x] < d1 {
        return false;
    }
    let root = (0..n).find(|&k| h[k] == usize::MAX);
    let Some(root) = root else { return false };
    let make_root = inside(root) || is_ancestor(&h, s, root);
    if !make_root && !(root == p || (!inside(h[p]) && !is_ancestor(&h, s, h[p]))) {
        return false;
    }
    if make_root {
        set_head(t, p, usize::MAX, "root");
    }
    let pass = (0..n).any(|k| h[k] == p && t[k].deprel == "aux:pass");
    set_head(t, s, p, if pass { "nsubj:pass" } else { "nsubj" });
    set_head(t, x, a, rel);
    set_head(t, d1, x, "punct");
    set_head(t, d2, x, "punct");
    // words outside the aside that hung on it, and words after it that hung on the subject
    // phrase, belong to the predicate
    for k in 0..n {
        if k == p || k == s || k == d1 || k == d2 || inside(k) || h[k] == usize::MAX {
            continue;
        }
        if inside(h[k]) || (k > d2 && h[k] < d1 && is_ancestor(&h, s, h[k])) {
            let r = if base(&t[k].deprel) == "parataxis" { "advcl".to_owned() } else { t[k].deprel.clone() };
            set_head(t, k, p, &r);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::super::repair::repair;
    use super::super::repair::tests::{arcs, toks};

    fn has(got: &str, want: &[&str]) {
        let arcs: Vec<&str> = got.split(' ').collect();
        for w in want {
            assert!(arcs.contains(w), "{w} not in {got}");
        }
    }

    #[test]
    fn a_relative_aside_between_dashes_leaves_the_subject_to_the_verb() {
        // `Oster — who was nicknamed Red as a boy — began writing songs .` (invented), parsed
        // with the aside as the clause and the real verb its parataxis
        let t = toks(
            "Oster/PROPN/6/reparandum —/PUNCT/1/punct who/PRON/6/nsubj:pass/who/WP was/AUX/6/aux:pass/be/VBD \
             reportedly/ADV/6/advmod nicknamed/VERB/0/root/nickname/VBN Red/PROPN/6/obj as/ADP/10/case a/DET/10/det \
             boy/NOUN/6/obl —/PUNCT/12/punct began/VERB/6/parataxis/begin/VBD writing/VERB/12/xcomp/write/VBG \
             songs/NOUN/13/obj ./PUNCT/6/punct",
        );
        let got = arcs(&repair(&t).expect("repaired"));
        has(&got, &["began>0:root", "Oster>12:nsubj", "nicknamed>1:acl:relcl", ".>12:punct", "—>6:punct"]);
    }

    #[test]
    fn a_noun_aside_between_dashes_is_the_subject_s_apposition() {
        // `The old dam — the wall which holds the lake — is in danger .` (invented), parsed
        // with the aside's noun as the subject and the predicate hung on the real subject
        let t = toks(
            "The/DET/3/det old/ADJ/3/amod dam/NOUN/0/root —/PUNCT/14/punct the/DET/6/det wall/NOUN/14/nsubj \
             which/PRON/8/nsubj/which/WDT holds/VERB/6/acl:relcl/hold/VBZ the/DET/10/det lake/NOUN/8/obj \
             —/PUNCT/14/punct is/AUX/14/cop/be/VBZ in/ADP/14/case danger/NOUN/3/parataxis ./PUNCT/3/punct",
        );
        let got = arcs(&repair(&t).expect("repaired"));
        has(&got, &["danger>0:root", "dam>14:nsubj", "wall>3:appos", ".>14:punct"]);
        // `including …`: the aside has its own preposition
        // `At least two villages — including Brelk — closed their schools .` (invented)
        let t = toks(
            "At/ADP/2/case least/ADJ/3/nmod two/NUM/4/nummod villages/NOUN/9/obl —/PUNCT/7/punct \
             including/VERB/7/case/include/VBG Brelk/PROPN/9/nsubj —/PUNCT/7/punct closed/VERB/0/root/close/VBD \
             their/PRON/11/nmod:poss schools/NOUN/9/obj",
        );
        let got = arcs(&repair(&t).expect("repaired"));
        has(&got, &["villages>9:nsubj", "Brelk>4:nmod"]);
    }

    #[test]
    fn an_aside_after_an_object_or_before_no_verb_is_left() {
        // `Police said the mayor — a former judge — resigned .` (invented): the phrase before the
        // aside is inside a reporting clause
        let t = toks(
            "Police/NOUN/2/nsubj said/VERB/0/root/say/VBD the/DET/4/det mayor/NOUN/10/nsubj —/PUNCT/8/punct \
             a/DET/8/det former/ADJ/8/amod judge/NOUN/4/appos —/PUNCT/8/punct resigned/VERB/2/ccomp/resign/VBD",
        );
        assert!(repair(&t).is_none(), "{}", arcs(&t));
        // `On Monday — two days later — he left .` (invented): no verb right after the aside
        let t = toks(
            "On/ADP/2/case Monday/PROPN/9/obl —/PUNCT/5/punct two/NUM/5/nummod days/NOUN/2/appos \
             later/ADV/5/advmod —/PUNCT/5/punct he/PRON/9/nsubj left/VERB/0/root/leave/VBD",
        );
        assert!(repair(&t).is_none(), "{}", arcs(&t));
    }
}
