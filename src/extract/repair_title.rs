//! Parse repair 23, `title-run` (run by [`super::repair::repair`], same contract: structural,
//! closed word classes only, tree kept).
//!
//! A person's name behind a role noun and the words that qualify the role (`Norvia First Minister
//! Lena Corvic said …`, `Ostrava Water Board general secretary Tomas Brenner said …`, `former
//! Brenmouth Harbour pilot Ilsa Dorn died`) is one noun phrase headed by the name. The parser often
//! heads it by its first word instead (the place or organisation then becomes the clause's subject
//! and speaker, the name a `flat`, `list` or `appos` below it), or splits it in two (the role phrase
//! an `obl` of the verb beside the name as its subject). The repair makes the name's first word the
//! phrase's head with the phrase's attachment, the rest of the name its `flat`s, the role noun a
//! `compound` of it, and the words before the role noun that hung outside them `compound`s (`amod`s
//! for adjectives) of the role noun; what hung on the old head outside the phrase moves to the name.
//!
//! In: a sentence's tokens with their named-entity tags (the name is a person span: `B-PER` then
//! `I-PER`). Out: the same tokens, re-attached, or unchanged (`false`) when the phrase is already
//! headed by the name.

use super::lexicon::{role_class, TITLES};
use super::repair::{base, heads, is_ancestor, set_head};
use crate::document::Token;

/// Repair 23.
pub(super) fn title_run(t: &mut Vec<Token>) -> bool {
    let mut changed = false;
    let mut ps = 1;
    while ps < t.len() {
        if !(t[ps].ner == "B-PER" && t[ps].upos == "PROPN") {
            ps += 1;
            continue;
        }
        let mut pe = ps;
        while pe + 1 < t.len() && t[pe + 1].ner == "I-PER" && t[pe + 1].upos == "PROPN" {
            pe += 1;
        }
        if is_role(&t[ps - 1]) {
            changed |= head_by_name(t, ps, pe);
        }
        ps = pe + 1;
    }
    changed
}

/// Repair 62, `of-title-split`: `the wife of Norvia Bank chairman Ivo Oster`, `son of the late
/// Tarn Motors founder Ben Tarrow`. The parser can split a titled name after a preposition in two:
/// the organisation before the role noun takes the preposition and hangs on the governor, and
/// the name hangs on the same governor beside it, so the kin or role noun reads as the
/// organisation's. The name is the preposition's object; the organisation words become a
/// `compound` of the role noun, and the preposition (with a determiner or adjective before the
/// organisation) moves to the name.
pub(super) fn of_title_split(t: &mut Vec<Token>) -> bool {
    let mut changed = false;
    for ps in 2..t.len() {
        let h = heads(t);
        if !(t[ps].ner == "B-PER" && t[ps].upos == "PROPN" && is_role(&t[ps - 1])) {
            continue;
        }
        let r = ps - 1;
        let g = h[ps];
        let q = r - 1;
        if g == usize::MAX || h[r] != ps || h[q] != g || !matches!(t[q].upos.as_str(), "PROPN" | "NOUN") {
            continue;
        }
        if !matches!(base(&t[q].deprel), "nmod" | "obl") || base(&t[ps].deprel) != base(&t[q].deprel) || q < g && ps > g {
            continue;
        }
        // the organisation's own words: the case marker and what else hangs on it, all before it
        let own: Vec<usize> = (0..t.len()).filter(|&k| h[k] == q).collect();
        let Some(&case) = own.iter().find(|&&k| base(&t[k].deprel) == "case") else { continue };
        if own.iter().any(|&k| k > q) || (ps..t.len()).any(|k| h[k] == q) {
            continue;
        }
        set_head(t, q, r, "compound");
        set_head(t, case, ps, "case");
        let before: Vec<(usize, String)> =
            own.iter().filter(|&&k| k != case && matches!(base(&t[k].deprel), "det" | "amod")).map(|&k| (k, t[k].deprel.clone())).collect();
        for (k, rel) in before {
            set_head(t, k, ps, &rel);
        }
        changed = true;
    }
    changed
}

/// A singular role or title noun (`secretary`, `Minister`, `engineer`): `officials Ana Soto` is no
/// title of one person.
fn is_role(t: &Token) -> bool {
    let form = t.form.to_lowercase();
    matches!(t.upos.as_str(), "NOUN" | "PROPN")
        && !t.feats.contains("Number=Plur")
        && (role_class(&form).is_some() || role_class(&t.lemma.to_lowercase()).is_some() || TITLES.contains(&form.as_str()))
}

/// A word that can qualify a role inside the phrase: a name or noun, an adjective, a number, a
/// possessive marker, or a hyphen or dash inside a name (`Export–Import Bank`).
fn qualifier_word(t: &Token) -> bool {
    matches!(t.upos.as_str(), "PROPN" | "NOUN" | "ADJ" | "NUM")
        || (t.upos == "PART" && matches!(t.form.as_str(), "'s" | "'" | "’s" | "’"))
        || matches!(t.form.as_str(), "-" | "–" | "‐")
}

/// Whether `k` is the `of` inside an organisation's name (`House of Delegates`): between two
/// capitalised nouns (the first may be tagged a common noun when it opens the sentence).
fn inner_of(t: &[Token], k: usize) -> bool {
    let name = |j: usize, common: bool| {
        t.get(j).is_some_and(|x| (x.upos == "PROPN" || (common && x.upos == "NOUN")) && x.form.starts_with(|c: char| c.is_uppercase()))
    };
    t[k].form == "of" && k > 0 && name(k - 1, k == 1) && name(k + 1, false)
}

/// The start of the phrase before the role noun `r`: the qualifier words left of it that the parse
/// joins to the role noun or the name `ps..=pe` without leaving those words (a date or a noun of
/// another phrase right before them hangs elsewhere and stays out).
fn phrase_start(t: &[Token], h: &[usize], r: usize, ps: usize, pe: usize) -> usize {
    let mut w = r;
    while w > 0 && (qualifier_word(&t[w - 1]) || inner_of(t, w - 1)) {
        w -= 1;
    }
    let mut joined: Vec<bool> = (0..t.len()).map(|k| k == r || (ps..=pe).contains(&k)).collect();
    loop {
        let mut grew = false;
        for k in w..r {
            if joined[k] {
                continue;
            }
            let up = h[k] != usize::MAX && (w..=pe).contains(&h[k]) && joined[h[k]];
            let down = (w..=pe).any(|j| joined[j] && h[j] == k);
            if up || down {
                joined[k] = true;
                grew = true;
            }
        }
        if !grew {
            break;
        }
    }
    let mut a = r;
    while a > w && joined[a - 1] {
        a -= 1;
    }
    a
}

/// Re-attaches the phrase `a..=pe` (role noun at `ps - 1`, name `ps..=pe`) under the name's first
/// word; `false` when it already hangs there or no attachment outside the phrase is safe to take.
fn head_by_name(t: &mut [Token], ps: usize, pe: usize) -> bool {
    let r = ps - 1;
    let h = heads(t);
    let a = phrase_start(t, &h, r, ps, pe);
    let inside = |k: usize| (a..=pe).contains(&k);
    let tops: Vec<usize> = (a..=pe).filter(|&k| h[k] == usize::MAX || !inside(h[k])).collect();
    if tops == [ps] && is_ancestor(&h, ps, r) {
        return false;
    }
    // the phrase's place in the clause: the name's own if it has one, else a core argument's
    let core = |k: &&usize| matches!(base(&t[**k].deprel), "nsubj" | "obj" | "iobj");
    let Some(&top) = tops.iter().find(|&&k| k == ps).or_else(|| tops.iter().find(core)).or(tops.first()) else {
        return false;
    };
    let (eh, erel) = (h[top], t[top].deprel.clone());
    // a head outside the phrase that hangs below it would close a cycle
    if eh != usize::MAX && (a..=pe).any(|k| is_ancestor(&h, k, eh)) {
        return false;
    }
    set_head(t, ps, eh, &erel);
    for k in ps + 1..=pe {
        set_head(t, k, ps, "flat");
    }
    set_head(t, r, ps, "compound");
    for k in a..r {
        if h[k] != usize::MAX && (a..r).contains(&h[k]) {
            continue;
        }
        let rel = match t[k].upos.as_str() {
            "ADJ" => "amod",
            "NUM" => "nummod",
            "PUNCT" => "punct",
            _ => "compound",
        };
        set_head(t, k, r, rel);
    }
    // what hung on an old head from outside the phrase: after it, or a preposition, conjunction
    // or punctuation mark before it, now belongs to the name
    let old_tops: Vec<usize> = tops.iter().copied().filter(|&k| k != ps).collect();
    for k in 0..t.len() {
        if inside(k) || h[k] == usize::MAX || !old_tops.contains(&h[k]) {
            continue;
        }
        if k > pe || matches!(base(&t[k].deprel), "case" | "mark" | "cc" | "punct") {
            let rel = t[k].deprel.clone();
            set_head(t, k, ps, &rel);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::super::repair::repair;
    use super::super::repair::tests::{arcs, toks};
    use crate::document::Token;

    /// Tags the tokens `from..=to` (0-based) as one person span.
    fn person(t: &mut [Token], from: usize, to: usize) {
        for (k, tok) in t.iter_mut().enumerate() {
            tok.ner = if k == from {
                "B-PER".into()
            } else if k > from && k <= to {
                "I-PER".into()
            } else {
                "O".into()
            };
        }
    }

    fn repaired(mut t: Vec<Token>, from: usize, to: usize) -> Option<Vec<String>> {
        person(&mut t, from, to);
        repair(&t).map(|r| arcs(&r).split(' ').map(str::to_owned).collect())
    }

    /// Asserts that the repair of `t` (person span `from..=to`) gives every arc of `want`.
    fn assert_arcs(t: Vec<Token>, from: usize, to: usize, want: &[&str]) {
        let got = repaired(t, from, to).expect("repaired");
        for w in want {
            assert!(got.contains(&w.to_string()), "{w} not in {got:?}");
        }
    }

    #[test]
    fn a_place_before_the_title_is_no_speaker() {
        // `Norvia First Minister Lena Corvic said a ban was near .` (invented), headed by the place
        let t = toks(
            "Norvia/PROPN/6/nsubj First/ADJ/3/amod Minister/PROPN/4/nmod:desc Lena/PROPN/1/list Corvic/PROPN/4/flat \
             said/VERB/0/root/say/VBD a/DET/8/det ban/NOUN/10/nsubj was/AUX/10/cop near/ADJ/6/ccomp ./PUNCT/6/punct",
        );
        assert_arcs(t, 3, 4, &["Lena>6:nsubj", "Corvic>4:flat", "Minister>4:compound", "Norvia>3:compound", "First>3:amod"]);
    }

    #[test]
    fn an_organisation_before_the_title_is_no_subject() {
        // `Ostrava Water Board general secretary Tomas Brenner resigned .` (invented): the role
        // hung as an apposition of the organisation, the name as a list item
        let t = toks(
            "Ostrava/PROPN/8/nsubj Water/PROPN/1/flat Board/PROPN/2/flat general/ADJ/5/amod secretary/NOUN/1/appos \
             Tomas/PROPN/1/list Brenner/PROPN/6/flat resigned/VERB/0/root/resign/VBD ./PUNCT/8/punct",
        );
        assert_arcs(t, 5, 6, &["Tomas>8:nsubj", "Brenner>6:flat", "secretary>6:compound", "Ostrava>5:compound", "Water>1:flat", "general>5:amod"]);
    }

    #[test]
    fn an_organisation_name_with_of_before_the_title_is_no_subject() {
        // `The Norvia House of Delegates Speaker Tove Varrack confirmed it .` (invented): the
        // house heads the phrase, the title a modifier of it, the name its apposition
        let t = toks(
            "The/DET/3/det Norvia/PROPN/3/compound House/PROPN/9/nsubj of/ADP/5/case Delegates/PROPN/3/nmod Speaker/PROPN/3/nmod              Tove/PROPN/3/appos Varrack/PROPN/7/flat confirmed/VERB/0/root/confirm/VBD it/PRON/9/obj ./PUNCT/9/punct",
        );
        assert_arcs(t, 6, 7, &["Tove>9:nsubj", "Varrack>7:flat", "Speaker>7:compound", "House>6:compound", "Delegates>3:nmod"]);
    }

    #[test]
    fn a_role_phrase_split_off_as_an_oblique_joins_the_name() {
        // `Former Brenmouth Harbour pilot Ilsa Dorn died on Sunday .` (invented): the role phrase
        // an oblique of the verb beside the name
        let t = toks(
            "Former/ADJ/4/amod Brenmouth/PROPN/3/compound Harbour/PROPN/4/compound pilot/NOUN/7/obl Ilsa/PROPN/7/nsubj \
             Dorn/PROPN/5/flat died/VERB/0/root/die/VBD on/ADP/9/case Sunday/PROPN/7/obl ./PUNCT/7/punct",
        );
        assert_arcs(t, 4, 5, &["Ilsa>7:nsubj", "pilot>5:compound", "Harbour>4:compound", "Former>4:amod", "Sunday>7:obl"]);
    }

    #[test]
    fn a_phrase_already_headed_by_the_name_or_a_date_before_it_is_left_alone() {
        // `On Monday Trade Minister Ana Soto resigned .` (invented), parsed right
        let t = toks(
            "On/ADP/2/case Monday/PROPN/7/obl Trade/PROPN/4/compound Minister/PROPN/5/compound Ana/PROPN/7/nsubj \
             Soto/PROPN/5/flat resigned/VERB/0/root/resign/VBD ./PUNCT/7/punct",
        );
        assert_eq!(repaired(t, 4, 5), None);
        // a plural role noun before a name is no title of it: `officials Ana Soto and …`
        let t = toks("Two/NUM/2/nummod officials/NOUN/5/nsubj Ana/PROPN/2/appos Soto/PROPN/3/flat left/VERB/0/root/leave/VBD");
        assert_eq!(repaired(t, 2, 3), None);
    }

    #[test]
    fn a_date_before_the_phrase_stays_out_of_it() {
        // `On Monday Norvia Trade Minister Ana Soto resigned .` (invented), the name under the place
        let t = toks(
            "On/ADP/2/case Monday/PROPN/8/obl Norvia/PROPN/8/nsubj Trade/PROPN/5/compound Minister/PROPN/6/compound \
             Ana/PROPN/3/flat Soto/PROPN/6/flat resigned/VERB/0/root/resign/VBD ./PUNCT/8/punct",
        );
        assert_arcs(t, 5, 6, &["Ana>8:nsubj", "Monday>8:obl", "Norvia>5:compound", "Minister>6:compound"]);
    }

    #[test]
    fn a_titled_name_split_after_of_is_the_object_of_of() {
        // `Mara Vellin , the wife of Norvia Bank chairman Ivo Oster , spoke .` (invented): the
        // parser hung `Bank` (with `of`) and `Ivo` both on `wife`
        let t = toks(
            "Mara/PROPN/13/nsubj Vellin/PROPN/1/flat ,/PUNCT/5/punct the/DET/5/det wife/NOUN/1/appos of/ADP/8/case \
             Norvia/PROPN/8/compound Bank/PROPN/5/nmod chairman/NOUN/10/nmod:desc Ivo/PROPN/5/nmod Oster/PROPN/10/flat \
             ,/PUNCT/1/punct spoke/VERB/0/root/speak/VBD ./PUNCT/13/punct",
        );
        assert_arcs(t, 9, 10, &["Ivo>5:nmod", "of>10:case", "Bank>9:compound"]);
    }
}
