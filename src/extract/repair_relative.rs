//! Parse repair 42 (numbered with the others in [`super::repair`]).
//!
//! 42. `relative-agreement`: `Ivo Oster of the Tarn Foundation, which funds the prize, said …` or
//!     `the campaign of Ben Tarrow, who was arrested` with the relative clause hung on the wrong
//!     noun of the phrase. The relative word says which kind of noun it stands for (`who`/`whom` a
//!     person, `which` a thing), and a subject relative's finite verb its number (`which includes`
//!     one thing, `who were` several). When the clause's noun disagrees in kind (a name or noun
//!     known as a person under `which`; an organisation, place or thing noun under `who`), the
//!     clause moves to the noun that agrees in kind (and number, where the verb shows it): first
//!     the phrase that ends just before the relative word when it hangs under the noun
//!     (`Oster of the Tarn Foundation, which` -> the foundation), else the nearest noun above it
//!     through nominal links (`a film by Ana and Lena Vell, which is about` -> the film; `a
//!     rapporteur for the Office of Tarn Affairs who investigated` -> the rapporteur). Going up,
//!     a `which` clause passes only `of`, `by`, `between` phrases and appositions (`similar
//!     regions to Typhoon Vell, which …` stays: a storm named like a person is no error to mend),
//!     and lands only on a common noun that is no person noun. With no such noun nothing changes.

use super::repair::{base, heads, set_head};
use crate::document::Token;

fn ner_type(t: &Token) -> &str {
    t.ner.rsplit('-').next().unwrap_or("")
}

fn is_person(t: &Token) -> bool {
    ner_type(t) == "PER" || (t.upos == "NOUN" && crate::resolve::person_noun(&t.lemma.to_lowercase()).is_some())
}

fn is_thing_common(t: &Token) -> bool {
    t.upos == "NOUN" && crate::resolve::person_noun(&t.lemma.to_lowercase()).is_none() && crate::resolve::is_thing_noun(&t.lemma.to_lowercase())
}

fn is_thing(t: &Token) -> bool {
    match ner_type(t) {
        "ORG" | "LOC" | "MISC" | "GPE" => true,
        "PER" => false,
        _ => is_thing_common(t),
    }
}

/// Plural (`Some(true)`), singular (`Some(false)`) or unknown, from the finite verb (or its first
/// auxiliary or copula) of the clause headed by `c`.
fn verb_plural(t: &[Token], h: &[usize], c: usize) -> Option<bool> {
    let mut forms: Vec<usize> = (0..t.len()).filter(|&k| h[k] == c && matches!(t[k].deprel.as_str(), "aux" | "aux:pass" | "cop")).collect();
    forms.push(c);
    forms.sort_unstable();
    for k in forms {
        let w = t[k].form.to_lowercase();
        if matches!(w.as_str(), "was" | "is" | "has" | "does") || t[k].xpos == "VBZ" {
            return Some(false);
        }
        if matches!(w.as_str(), "were" | "are" | "have" | "do") || t[k].xpos == "VBP" {
            return Some(true);
        }
        if matches!(t[k].xpos.as_str(), "MD" | "VBD") {
            return None;
        }
    }
    None
}

fn noun_plural(t: &[Token], h: &[usize], q: usize) -> Option<bool> {
    // a list of common nouns is plural (`members and fans`); a name with `and` in it is one
    // (`the Institute of Tarn and Vell`)
    if t[q].upos == "NOUN" && (0..t.len()).any(|k| h[k] == q && base(&t[k].deprel) == "conj" && t[k].upos == "NOUN") {
        return Some(true);
    }
    if t[q].feats.contains("Number=Plur") {
        Some(true)
    } else if t[q].feats.contains("Number=Sing") {
        Some(false)
    } else {
        None
    }
}

/// Repair 42.
pub(super) fn relative_agreement(t: &mut Vec<Token>) -> bool {
    let h = heads(t);
    let n = t.len();
    let mut changed = false;
    for c in 0..n {
        let a = h[c];
        if t[c].deprel != "acl:relcl" || a == usize::MAX || a >= c {
            continue;
        }
        let Some(r) = (a + 1..c).find(|&k| h[k] == c && matches!(t[k].form.as_str(), "who" | "Who" | "whom" | "which")) else {
            continue;
        };
        let want_person = t[r].form != "which";
        let plural = if base(&t[r].deprel) == "nsubj" { verb_plural(t, &h, c) } else { None };
        let number_fits = |q: usize| plural.is_none() || noun_plural(t, &h, q).is_none_or(|p| Some(p) == plural);
        let number_wrong = plural.is_some() && noun_plural(t, &h, a).is_some_and(|p| Some(p) != plural);
        // a name is a person whatever the verb; a person noun under `which` only when the verb
        // disagrees too (`critics, which include …` is loose usage, not a misattachment)
        let kind_wrong = if want_person {
            !is_person(&t[a]) && is_thing(&t[a])
        } else {
            ner_type(&t[a]) == "PER" || (is_person(&t[a]) && number_wrong)
        };
        if !kind_wrong && !number_wrong {
            continue;
        }
        // 1. the phrase just before the relative word, when it hangs under the clause's noun
        let mut cand = None;
        let mut p = r - 1;
        if t[p].form == "," && p > a + 1 {
            p -= 1;
        }
        let mut q = p;
        while q > a && matches!(base(&t[q].deprel), "flat" | "compound" | "fixed") && h[q] != usize::MAX && h[q] < r {
            q = h[q];
        }
        if q > a && matches!(t[q].upos.as_str(), "NOUN" | "PROPN") {
            let mut x = q;
            let mut under = false;
            while h[x] != usize::MAX && matches!(base(&t[x].deprel), "nmod" | "appos" | "conj" | "flat") {
                x = h[x];
                if x == a {
                    under = true;
                    break;
                }
            }
            let kind = if want_person { is_person(&t[q]) } else { !is_person(&t[q]) };
            if under && kind && number_fits(q) {
                cand = Some(q);
            }
        }
        // 2. the nearest agreeing noun above it, through nominal links (not for a number
        // disagreement alone: the verb may agree with a collective or a list)
        if cand.is_none() && kind_wrong {
            let mut x = a;
            while h[x] != usize::MAX {
                let rel = base(&t[x].deprel);
                if !matches!(rel, "nmod" | "appos" | "conj" | "flat") {
                    break;
                }
                if !want_person && rel == "nmod" {
                    let case_ok = (0..n).any(|k| h[k] == x && base(&t[k].deprel) == "case" && matches!(t[k].lemma.to_lowercase().as_str(), "of" | "by" | "between"));
                    if !case_ok {
                        break;
                    }
                }
                x = h[x];
                if !matches!(t[x].upos.as_str(), "NOUN" | "PROPN") {
                    break;
                }
                let kind = if want_person { is_person(&t[x]) } else { t[x].upos == "NOUN" && !is_person(&t[x]) };
                if kind && number_fits(x) {
                    cand = Some(x);
                    break;
                }
            }
        }
        if let Some(q) = cand {
            // a finite verb coordinated after a comma with no subject of its own is the main
            // clause's verb the parser ran into the relative clause (`Oster of the Tarn
            // Foundation, which funds the prize, noted …`): it stays with the first noun
            let stay: Vec<usize> = (c + 1..n)
                .filter(|&k| {
                    h[k] == c
                        && base(&t[k].deprel) == "conj"
                        && matches!(t[k].xpos.as_str(), "VBD" | "VBZ" | "VBP")
                        && t[k - 1].form == ","
                        && !(0..n).any(|j| h[j] == k && base(&t[j].deprel).starts_with("nsubj"))
                })
                .collect();
            set_head(t, c, q, "acl:relcl");
            for k in stay {
                set_head(t, k, a, "acl:relcl");
            }
            changed = true;
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::super::repair::repair;
    use super::super::repair::tests::{arcs, toks};

    fn with_ner(mut t: Vec<crate::document::Token>, ner: &[(usize, &str)]) -> Vec<crate::document::Token> {
        for x in t.iter_mut() {
            x.ner = "O".into();
        }
        for &(i, l) in ner {
            t[i].ner = l.into();
        }
        t
    }

    #[test]
    fn which_after_a_person_of_an_organisation_is_the_organisations() {
        // `Ivo Oster of the Tarn Foundation , which funds the prize , noted costs rose .`
        // (invented), parsed with `noted` run into the relative clause as its conjunct
        let t = with_ner(
            toks(
                "Ivo/PROPN/15/nsubj Oster/PROPN/1/flat of/ADP/6/case the/DET/6/det Tarn/PROPN/6/compound Foundation/PROPN/1/nmod \
                 ,/PUNCT/9/punct which/PRON/9/nsubj/which/WDT funds/VERB/1/acl:relcl/fund/VBZ the/DET/11/det prize/NOUN/9/obj \
                 ,/PUNCT/13/punct noted/VERB/9/conj/note/VBD costs/NOUN/15/nsubj rose/VERB/0/root/rise/VBD ./PUNCT/15/punct",
            ),
            &[(0, "B-PER"), (1, "I-PER"), (4, "B-ORG"), (5, "I-ORG")],
        );
        let got = arcs(&repair(&t).expect("repaired"));
        assert!(got.contains("funds>6:acl:relcl"), "{got}");
        // the main verb run into the clause keeps the person as its subject
        assert!(got.contains("noted>1:acl:relcl"), "{got}");
    }

    #[test]
    fn who_after_an_organisation_noun_goes_to_the_person_in_it() {
        // `the campaign of Ben Tarrow , who was arrested , ended .` (invented)
        let t = with_ner(
            toks(
                "the/DET/2/det campaign/NOUN/10/nsubj of/ADP/4/case Ben/PROPN/2/nmod Tarrow/PROPN/4/flat ,/PUNCT/9/punct \
                 who/PRON/9/nsubj:pass/who/WP was/AUX/9/aux:pass/be/VBD arrested/VERB/2/acl:relcl/arrest/VBN ended/VERB/0/root/end/VBD ./PUNCT/10/punct",
            ),
            &[(3, "B-PER"), (4, "I-PER")],
        );
        let got = arcs(&repair(&t).expect("repaired"));
        assert!(got.contains("arrested>4:acl:relcl"), "{got}");
    }

    #[test]
    fn which_after_a_name_in_a_by_phrase_goes_up_to_the_thing() {
        // `a film by Ana Vell , which is about the war` (invented)
        let t = with_ner(
            toks("a/DET/2/det film/NOUN/0/root by/ADP/4/case Ana/PROPN/2/nmod Vell/PROPN/4/flat ,/PUNCT/10/punct which/PRON/10/nsubj/which/WDT is/AUX/10/cop/be/VBZ about/ADP/10/case war/NOUN/4/acl:relcl"),
            &[(3, "B-PER"), (4, "I-PER")],
        );
        // `war` is the clause's head here only as a stand-in; the clause moves to `film`
        let got = repair(&t).map(|r| arcs(&r));
        assert!(got.as_deref().is_some_and(|g| g.contains("war>2:acl:relcl")), "{got:?}");
    }

    #[test]
    fn a_singular_verb_after_a_list_of_people_belongs_to_the_thing_before_it() {
        // `members and fans of the cycling club , which includes veterans .` (invented)
        let t = with_ner(
            toks(
                "members/NOUN/0/root/member/NNS and/CCONJ/3/cc fans/NOUN/1/conj/fan/NNS of/ADP/7/case the/DET/7/det cycling/NOUN/7/compound \
                 club/NOUN/3/nmod ,/PUNCT/10/punct which/PRON/10/nsubj/which/WDT includes/VERB/1/acl:relcl/include/VBZ veterans/NOUN/10/obj/veteran/NNS",
            ),
            &[],
        );
        let mut t = t;
        t[0].feats = "Number=Plur".into();
        t[2].feats = "Number=Plur".into();
        t[6].feats = "Number=Sing".into();
        let got = arcs(&repair(&t).expect("repaired"));
        assert!(got.contains("includes>7:acl:relcl"), "{got}");
        // must not: a plural verb agrees with the list (`… club , which include veterans`)
        let mut u = t.clone();
        u[9].form = "include".into();
        u[9].xpos = "VBP".into();
        assert!(repair(&u).is_none_or(|r| r[9].head == 1));
    }

    #[test]
    fn agreeing_or_unknown_nouns_keep_their_clause() {
        // must not: `regions near Typhoon Vell , which killed people` (the case is not of/by/between)
        let t = with_ner(
            toks("regions/NOUN/0/root near/ADP/3/case Typhoon/PROPN/1/nmod Vell/PROPN/3/flat ,/PUNCT/7/punct which/PRON/7/nsubj/which/WDT killed/VERB/3/acl:relcl/kill/VBD people/NOUN/7/obj"),
            &[(2, "B-PER"), (3, "I-PER")],
        );
        assert!(repair(&t).is_none_or(|r| r[6].head == 3));
        // must not: `the mayor of Brelk , who resigned` (already a person)
        let t = with_ner(
            toks("the/DET/2/det mayor/NOUN/0/root of/ADP/4/case Brelk/PROPN/2/nmod ,/PUNCT/7/punct who/PRON/7/nsubj/who/WP resigned/VERB/2/acl:relcl/resign/VBD"),
            &[(3, "B-LOC")],
        );
        assert!(repair(&t).is_none_or(|r| r[6].head == 2));
    }
}
