//! Ages stated around an event or a noun rather than right after a name (`roles` reads `X, 41,`
//! and `X aged 41`): `X died aged 78`, `X died at the age of 78`, `the 45-year-old X`, `X was 81`.
//! Each gives X – aged – N, N a whole number from 1 to 120.
//!
//! In: the indexed tree of a sentence. Out: literal-relation [`Prop`]s (graph only, not CaRB).

use super::*;

/// The oldest age read as an age; larger numbers are counts or years.
const MAX_AGE: u32 = 120;

impl Rules<'_, '_> {
    /// All age facts of the sentence that `roles` does not read.
    pub fn event_age_props(&self, out: &mut Vec<Prop>) {
        let tr = self.tr;
        for i in 0..tr.len() {
            if self.age_at(i).is_none() {
                continue;
            }
            let who = self.hyphenated_age_holder(i).or_else(|| self.aged_holder(i)).or_else(|| self.age_of_holder(i)).or_else(|| self.copular_age_holder(i));
            if let Some(subj) = who {
                self.push_age(subj, i, out);
            }
        }
    }

    /// The token as an age: a whole number in 1..=120.
    fn age_at(&self, i: usize) -> Option<u32> {
        let tr = self.tr;
        if tr.upos(i) != "NUM" {
            return None;
        }
        tr.form(i).parse::<u32>().ok().filter(|a| (1..=MAX_AGE).contains(a))
    }

    /// `the 45-year-old X` (tokens `45 - year - old`): the name the adjective modifies.
    fn hyphenated_age_holder(&self, i: usize) -> Option<Part> {
        let tr = self.tr;
        let n = tr.len();
        let old = (i + 4 < n && tr.form(i + 1) == "-" && tr.lemma_is(i + 2, &["year"]) && tr.form(i + 3) == "-" && tr.form_is(i + 4, &["old"]))
            .then_some(i + 4)?;
        let h = tr.head[old];
        // a name only: `the 45-year-old farmer` is a description that coreference must name first
        if h == NONE || h <= old || !(tr.upos(h) == "PROPN" || self.ment_at(h).is_some()) || tr.base(old) != "amod" {
            return None;
        }
        Some(self.holder_part(h))
    }

    /// `X died aged 78` (not `X aged 78` or `X, aged 78,`, which `roles` reads): the subject of
    /// the clause `aged` hangs from.
    fn aged_holder(&self, i: usize) -> Option<Part> {
        let tr = self.tr;
        let a = i.checked_sub(1).filter(|&a| tr.form(a).eq_ignore_ascii_case("aged"))?;
        let before = a.checked_sub(1)?;
        // a name right before is `X aged 78` (roles); a place or date is the event's oblique
        // (`died in Lima aged 78`, `died on Saturday aged 78`)
        let person_before = self.ment_at(before).is_some() && self.kind.get(before).copied().flatten().is_none_or(|k| k == crate::document::EntityType::Person);
        if tr.is_punct(before) || person_before {
            return None;
        }
        // `he is aged 40`, `believe him to be aged 40`: `aged` is the predicate of its own copular
        // clause, whose subject (not the believer's) holds the age
        if tr.kid(a, "cop").is_some() {
            let s = tr.kids(a).find(|&k| tr.base(k) == "nsubj")?;
            return Some(self.holder_part(s));
        }
        self.clause_subject_above(a)
    }

    /// `X died at the age of 78`, `X died at age 78`: the subject of the clause the `age`
    /// oblique belongs to.
    fn age_of_holder(&self, i: usize) -> Option<Part> {
        let tr = self.tr;
        let before = i.checked_sub(1)?;
        let age = if tr.form_is(before, &["of"]) {
            before.checked_sub(1).filter(|&a| tr.lemma_is(a, &["age"]))?
        } else {
            // `died at age 78` (no `of`): only after `at`, so `age 78` in a list of fields is no
            // age, and only on a death, the age the person keeps (`broke a leg at age 12` was
            // the person's age then, not now)
            let a = Some(before).filter(|&a| tr.lemma_is(a, &["age"]))?;
            a.checked_sub(1).filter(|&at| tr.form_is(at, &["at"]))?;
            let h = tr.head[a];
            (h != NONE && tr.lemma_is(h, &["die", "pass", "succumb"])).then_some(a)?
        };
        self.clause_subject_above(age)
    }

    /// `X was 81`, `she is 34`, `X was 71 years old`: a copular clause whose whole predicate is the
    /// number (or `N years old`) and whose subject is a person (a named one, `he`/`she` or a role
    /// noun, resolved later).
    fn copular_age_holder(&self, i: usize) -> Option<Part> {
        let tr = self.tr;
        let pred = self.years_old_predicate(i).unwrap_or(i);
        tr.kid(pred, "cop")?;
        // `he was 81 and died in Oslo`: a coordinated verb is a second predicate of the subject,
        // not a complement of the number
        let coordinated_verb = |k: usize| tr.base(k) == "conj" && tr.upos(k) == "VERB" && k > i;
        // the predicate's other dependents: the subject, the copula and nothing that makes the
        // number a count of something else (`was 81 votes short`)
        let years = (pred != i).then(|| tr.head[i]);
        if tr.kids(pred).any(|k| Some(k) != years && !matches!(tr.base(k), "nsubj" | "cop" | "punct" | "advmod" | "cc") && !coordinated_verb(k)) {
            return None;
        }
        let s = tr.kids(pred).find(|&k| tr.rel(k) == "nsubj" && k < i)?;
        // a person: named, `he`/`she`, or a role noun (`the former mayor was 81`)
        let person = tr.lemma_is(s, &["he", "she"])
            || self.kind.get(s).copied().flatten() == Some(crate::document::EntityType::Person)
            || (tr.upos(s) == "NOUN" && role_class(&tr.lemma(s).to_lowercase()).is_some());
        person.then(|| self.holder_part(s))
    }

    /// The copular `old` of `N years old` when `i` is its number: `71` ← `years` ← `old`.
    fn years_old_predicate(&self, i: usize) -> Option<usize> {
        let tr = self.tr;
        let years = tr.head[i];
        if years == NONE || !tr.lemma_is(years, &["year"]) || tr.base(i) != "nummod" {
            return None;
        }
        let old = tr.head[years];
        (old != NONE && old > years && tr.form_is(old, &["old"])).then_some(old)
    }

    /// The subject of the nearest predicate above `t` (through `xcomp`, `obl`, `advcl`).
    pub(super) fn clause_subject_above(&self, t: usize) -> Option<Part> {
        let tr = self.tr;
        let mut p = tr.head[t];
        for _ in 0..3 {
            if p == NONE {
                return None;
            }
            if self.is_predicate(p) {
                return self.subject(p, 0).map(|(part, _)| part);
            }
            p = tr.head[p];
        }
        None
    }

    /// The name covering `h` when there is one (`Jonas Berg`), else its noun phrase.
    fn holder_part(&self, h: usize) -> Part {
        match self.ment_at(h) {
            Some((s, e)) if s <= h && h < e => {
                let toks: Vec<usize> = (s..e).filter(|&k| !self.tr.is_punct(k)).collect();
                Part { head: h, min: toks.clone(), toks, poss_after: None, text: None }
            }
            _ => self.np(h, true),
        }
    }

    fn push_age(&self, subj: Part, i: usize, out: &mut Vec<Prop>) {
        let lit = Lit { words: "aged".into(), verb: None, noun: Some("age".into()), ..Default::default() };
        let obj = Part { head: i, toks: vec![i], min: vec![i], poss_after: None, text: None };
        // a copular `aged` heads the clause (`believe him to be aged 40`): the fact takes the
        // clause's place, and so its report or belief
        let tr = self.tr;
        let pred = i.checked_sub(1).filter(|&a| tr.form(a).eq_ignore_ascii_case("aged") && tr.kid(a, "cop").is_some()).unwrap_or(i);
        let mut p = self.lit_prop("event:age", pred, subj, lit, obj, 0.7);
        p.carb = false;
        out.push(p);
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::{find, show, triples};

    /// `The pilot died aged 58 on Monday.` (invented)
    const DIED_AGED: &str = "
        The the DET DT 2 det
        pilot pilot NOUN NN 3 nsubj
        died die VERB VBD 0 root
        aged aged ADJ JJ 3 xcomp
        58 58 NUM CD 4 obj
        on on ADP IN 7 case
        Monday Monday PROPN NNP 3 obl
        . . PUNCT . 3 punct";

    /// `The poet died at the age of 91.` (invented)
    const AT_THE_AGE_OF: &str = "
        The the DET DT 2 det
        poet poet NOUN NN 3 nsubj
        died die VERB VBD 0 root
        at at ADP IN 6 case
        the the DET DT 6 det
        age age NOUN NN 3 obl
        of of ADP IN 8 case
        91 91 NUM CD 6 nmod
        . . PUNCT . 3 punct";

    /// `The poet died at age 91.` (invented)
    const AT_AGE: &str = "
        The the DET DT 2 det
        poet poet NOUN NN 3 nsubj
        died die VERB VBD 0 root
        at at ADP IN 5 case
        age age NOUN NN 3 obl
        91 91 NUM CD 5 nummod
        . . PUNCT . 3 punct";

    /// `The 45-year-old Tomas Reyes was arrested.` (invented)
    const HYPHENATED: &str = "
        The the DET DT 8 det
        45 45 NUM CD 4 nummod
        - - PUNCT HYPH 2 punct
        year year NOUN NN 6 obl:unmarked
        - - PUNCT HYPH 4 punct
        old old ADJ JJ 8 amod
        Tomas Tomas PROPN NNP 8 compound
        Reyes Reyes PROPN NNP 10 nsubj:pass
        was be AUX VBD 10 aux:pass
        arrested arrest VERB VBN 0 root
        . . PUNCT . 10 punct";

    /// `The former senator was 81.` (invented)
    const COPULAR: &str = "
        The the DET DT 3 det
        former former ADJ JJ 3 amod
        senator senator NOUN NN 5 nsubj
        was be AUX VBD 5 cop
        81 81 NUM CD 0 root
        . . PUNCT . 5 punct";

    /// `The former senator was 81 and died in Lima.` (invented): the number's coordinated verb.
    const COPULAR_AND_DIED: &str = "
        The the DET DT 3 det
        former former ADJ JJ 3 amod
        senator senator NOUN NN 5 nsubj
        was be AUX VBD 5 cop
        81 81 NUM CD 0 root
        and and CCONJ CC 7 cc
        died die VERB VBD 5 conj
        in in ADP IN 9 case
        Lima Lima PROPN NNP 7 obl
        . . PUNCT . 5 punct";

    /// `The senator was 71 years old.` (invented)
    const YEARS_OLD: &str = "
        The the DET DT 2 det
        senator senator NOUN NN 6 nsubj
        was be AUX VBD 6 cop
        71 71 NUM CD 5 nummod
        years year NOUN NNS 6 obl:unmarked
        old old ADJ JJ 0 root
        . . PUNCT . 6 punct";

    /// `The death toll was 81.` / `The pilot died aged 300.` (invented): not ages.
    const NOT_AGES: &str = "
        The the DET DT 3 det
        death death NOUN NN 3 compound
        toll toll NOUN NN 5 nsubj
        was be AUX VBD 5 cop
        81 81 NUM CD 0 root
        . . PUNCT . 5 punct";

    #[test]
    fn aged_after_an_oblique_place() {
        use super::super::testkit::check_cases;
        check_cases(
            &[
                (
                    "[[Tom/PROPN/3/nsubj Velez]]/PROPN/1/flat died/VERB/0/root in/ADP/5/case ((Lima))/PROPN/3/obl aged/ADJ/3/advcl 61/NUM/6/obj ./PUNCT/3/punct",
                    &[("Tom Velez", "aged", "61")],
                    &[],
                ),
                // `Officers believe Ivo Oster is aged 40.` (invented): `aged` heads its own copular
                // clause, the believers hold no age
                (
                    "Officers/NOUN/2/nsubj believe/VERB/0/root [[Ivo/PROPN/6/nsubj Oster]]/PROPN/3/flat is/AUX/6/cop aged/ADJ/2/ccomp 40/NUM/6/obj ./PUNCT/2/punct",
                    &[("Ivo Oster", "aged", "40")],
                    &["Officers"],
                ),
                // must give nothing here: a name right before `aged` is read by `roles`
                (
                    "The/DET/2/det coach/NOUN/3/nsubj hired/VERB/0/root [[Tom/PROPN/3/obj Velez]]/PROPN/4/flat aged/ADJ/4/amod 61/NUM/6/obj ./PUNCT/3/punct",
                    &[],
                    &["coach", "Tom Velez"],
                ),
            ],
            "event:age",
        );
    }

    #[test]
    fn ages_around_events_and_nouns() {
        find(&triples(DIED_AGED), "pilot", "aged", Some("58"));
        find(&triples(AT_THE_AGE_OF), "poet", "aged", Some("91"));
        find(&triples(AT_AGE), "poet", "aged", Some("91"));
        // `age` without `at` before it is no stated age (`a form with name and age 91`), nor
        // an age at an event other than death (`left at age 91`: the age then)
        let ts = triples(&AT_AGE.replace("at at ADP IN 5 case", "by by ADP IN 5 case"));
        assert!(!ts.iter().any(|t| t.relation == "aged"), "{}", show(&ts));
        let ts = triples(&AT_AGE.replace("died die VERB VBD 0 root", "left leave VERB VBD 0 root"));
        assert!(!ts.iter().any(|t| t.relation == "aged"), "{}", show(&ts));
        let ts = triples(HYPHENATED);
        let t = ts.iter().find(|t| t.relation == "aged").unwrap_or_else(|| panic!("{}", show(&ts)));
        assert!(t.subject.text.ends_with("Reyes") && t.object.as_ref().is_some_and(|o| o.text == "45"), "{}", show(&ts));
        // a description is left to coreference
        let described = HYPHENATED.replace("Tomas Tomas PROPN NNP 8 compound", "young young ADJ JJ 8 amod").replace("Reyes Reyes PROPN NNP", "farmer farmer NOUN NN");
        let ts = triples(&described);
        assert!(!ts.iter().any(|t| t.relation == "aged"), "{}", show(&ts));
        find(&triples(COPULAR), "former senator", "aged", Some("81"));
        find(&triples(COPULAR_AND_DIED), "former senator", "aged", Some("81"));
        // a coordinated number is no second predicate: `The former senator was 81 and 79` is no age
        let ts = triples(&COPULAR_AND_DIED.replace("died die VERB VBD 5 conj", "79 79 NUM CD 5 conj"));
        assert!(!ts.iter().any(|t| t.relation == "aged"), "{}", show(&ts));
        find(&triples(YEARS_OLD), "senator", "aged", Some("71"));
        // must give nothing: the years of a thing (`The bridge was 71 years old`)
        let thing = YEARS_OLD.replace("senator senator NOUN NN", "bridge bridge NOUN NN");
        let ts = triples(&thing);
        assert!(!ts.iter().any(|t| t.relation == "aged"), "{}", show(&ts));
        let ts = triples(NOT_AGES);
        assert!(!ts.iter().any(|t| t.relation == "aged"), "{}", show(&ts));
        let too_old = DIED_AGED.replace("58 58", "300 300");
        let ts = triples(&too_old);
        assert!(!ts.iter().any(|t| t.relation == "aged"), "{}", show(&ts));
    }
}
