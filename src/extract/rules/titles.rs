//! Appositions and titles: `X, the foreign minister of Colombia` and `Colombian Foreign
//! Minister X` become X – foreign minister of – Colombia. Decides which nouns in front of a name
//! or in an apposition are a role, and which country or organisation the role belongs to.
//!
//! In: an apposition or a proper-noun head. Out: literal-relation [`Prop`]s.

use super::*;

/// The rule of `X, a candidate at / for / with Z` (a preposition other than `of`).
const APPOS_PREP_RULE: &str = "appos:prep";

impl Rules<'_, '_> {
    /// Drops the `X, a lawyer for Z` readings of [`APPOS_PREP_RULE`] that another rule already
    /// gave as a graph fact between the same two phrases (the role rules read `lawyer for Z`
    /// with their own relation words).
    pub fn drop_restated_appositions(&self, out: &mut Vec<Prop>) {
        // the same phrases: the same object head, subjects sharing a word (a name's head differs
        // between the rules: `Ana` as the tree's head, `Reyes` as the span's last word)
        let same = |p: &Prop, q: &Prop| {
            p.slots.first().map(|s| s.part.head) == q.slots.first().map(|s| s.part.head) && p.subj.toks.iter().any(|t| q.subj.toks.contains(t))
        };
        let restated: Vec<bool> = out
            .iter()
            .map(|p| p.rule == APPOS_PREP_RULE && out.iter().any(|q| q.graph && q.rule != APPOS_PREP_RULE && q.lit.is_some() && same(p, q)))
            .collect();
        let mut k = 0;
        out.retain(|_| {
            k += 1;
            !restated[k - 1]
        });
    }

    pub(super) fn lit_prop(&self, rule: &'static str, pred: usize, subj: Part, lit: Lit, obj: Part, conf: f32) -> Prop {
        Prop {
            rule,
            pred,
            subj,
            rel: Vec::new(),
            lit: Some(lit),
            slots: vec![Slot {
                kind: Kind::Obj,
                part: obj,
                case: Vec::new(),
            }],
            passive: false,
            negated: false,
            modality: Modality::Asserted,
            attribution: None,
            conf,
            graph: true,
            carb: true,
            reporting: false,
            graph_reject: None,
        }
    }

    pub(super) fn amods(&self, n: usize) -> Vec<usize> {
        let tr = self.tr;
        tr.kids(n)
            .filter(|&k| k < n && (tr.base(k) == "amod" || (tr.base(k) == "compound" && tr.upos(k) != "PROPN")))
            .collect()
    }

    /// `X, the Y of Z` and `X, a Y`.
    pub fn appos_props(&self, a: usize, out: &mut Vec<Prop>) {
        let tr = self.tr;
        let h = tr.head[a];
        if h == NONE || tr.upos(a) == "PRON" || tr.upos(h) == "PRON" || tr.upos(a) == "NUM" || !matches!(tr.upos(h), "NOUN" | "PROPN") {
            return;
        }
        if tr.t[a].feats.contains("NumType") || self.is_date(a) {
            return;
        }
        // `a health system, a hospital, a school or …`: two indefinite common-noun appositions on
        // one head are a list the parser chained, not descriptions of its first member
        let indefinite = |k: usize| tr.upos(k) == "NOUN" && tr.kids(k).any(|d| tr.base(d) == "det" && tr.lemma_is(d, &["a", "an"]));
        if tr.kids(h).filter(|&k| k > h && tr.rel(k) == "appos" && indefinite(k)).count() >= 2 {
            return;
        }
        // `a model, a robot, and young birds`: a common noun's apposition with a common-noun
        // conjunct after it (on either, or on the verb whose argument the noun is) is the middle
        // of a list the parser read as an apposition
        let gov = tr.head[h];
        let list_tail = |k: usize| k > a && tr.rel(k) == "conj" && tr.upos(k) == "NOUN";
        if tr.upos(h) == "NOUN"
            && tr.upos(a) == "NOUN"
            && (tr.kids(h).chain(tr.kids(a)).any(list_tail) || (gov != NONE && tr.upos(gov) == "VERB" && tr.kids(gov).any(list_tail)))
        {
            return;
        }
        let x = self.np(h, false);
        let y = self.np(a, false);
        let mut p = self.lit_prop(
            "appos",
            a,
            x.clone(),
            Lit {
                words: "is".into(),
                verb: Some("be"),
                ..Default::default()
            },
            y,
            0.62,
        );
        p.graph = false;
        out.push(p);
        // `X, formerly the director of Z,`: no present `is`; the role rules give the former role
        if tr.kids(a).any(|k| k < a && self.past_adverb(k)) {
            return;
        }
        // graph: `is Y of Z` with the noun in the key, and `is Y` (minimal) otherwise; `a
        // candidate at / for Z` and `an analyst with Z` (a named Z) say whose Y the person is, as
        // `of` does
        let prep_of = |k: usize| {
            tr.kids(k).find(|&c| tr.base(c) == "case").map(|c| tr.lemma(c).to_lowercase()).filter(|w| match w.as_str() {
                "of" | "at" | "for" => true,
                "with" => self.ment_at(k).is_some(),
                _ => false,
            })
        };
        if let Some((z, prep)) = tr.kids(a).find_map(|k| {
            (tr.upos(a) == "NOUN" && tr.base(k) == "nmod" && tr.rel(k) != "nmod:poss").then(|| prep_of(k)).flatten().map(|w| (k, w))
        }) {
            let mods: Vec<String> = self.amods(a).iter().map(|&m| tr.form(m).to_lowercase()).collect();
            let mut words = String::from("is");
            for m in &mods {
                words.push(' ');
                words.push_str(m);
            }
            words.push(' ');
            words.push_str(&tr.form(a).to_lowercase());
            words.push(' ');
            words.push_str(&prep);
            let lit = Lit {
                words,
                verb: Some("be"),
                noun: Some(tr.lemma(a).to_lowercase()),
                mods,
                prep: Some(prep),
            };
            let rule = if lit.prep.as_deref() == Some("of") { "appos:of" } else { APPOS_PREP_RULE };
            let mut q = self.lit_prop(rule, a, x, lit, self.np(z, true), 0.6);
            q.carb = false;
            out.push(q);
        } else if tr.upos(a) == "NOUN" && !tr.kids(h).any(|k| tr.base(k) == "case") && tr.kids(a).any(|k| tr.base(k) == "det") {
            let mut q = self.lit_prop(
                "appos",
                a,
                x,
                Lit {
                    words: "is".into(),
                    verb: Some("be"),
                    noun: None,
                    ..Default::default()
                },
                self.np(a, false),
                0.5,
            );
            q.carb = false;
            out.push(q);
        }
    }

    /// `US President Walter Hale`, `Colombian Foreign Minister Lucia Marin`.
    pub fn title_props(&self, h: usize, out: &mut Vec<Prop>) {
        let tr = self.tr;
        if tr.upos(h) != "PROPN" || matches!(tr.base(h), "flat" | "compound" | "fixed") {
            return;
        }
        // the name: h plus adjacent flat/compound proper nouns that are not titles
        let is_title = |j: usize| tr.form_is(j, TITLES) || tr.lemma_is(j, TITLES);
        let mut start = h;
        while start > 0 {
            let j = start - 1;
            if tr.upos(j) == "PROPN"
                && tr.ancestor_of(h, j)
                && !is_title(j)
                && demonym_country(tr.form(j)).is_none()
                && self.ment_same(j, h)
            {
                start = j;
            } else {
                break;
            }
        }
        if start == 0 {
            return;
        }
        // the title region left of the name
        let mut t = start;
        let mut title = None;
        while t > 0 {
            let j = t - 1;
            let related = tr.ancestor_of(h, j) || tr.ancestor_of(j, h) || title.is_some_and(|t| tr.ancestor_of(t, j));
            // a date in front (`This Wednesday Estonian Foreign Minister X`) is no part of the title
            // and owns no office
            let date_word = tr.form_is(j, crate::extract::lexicon::TIME_WORDS) || tr.form_is(j, crate::extract::lexicon::MONTHS);
            if !related || !matches!(tr.upos(j), "PROPN" | "NOUN" | "ADJ") || date_word {
                break;
            }
            if title.is_none() && is_title(j) {
                title = Some(j);
            } else if title.is_none() {
                break;
            }
            t = j;
        }
        let Some(title) = title else { return };
        if tr.form_is(title, HONORIFICS) {
            return;
        }
        let mut end = h + 1;
        while end < tr.len() && tr.head[end] == h && matches!(tr.base(end), "flat" | "compound") {
            end += 1;
        }
        let name_toks: Vec<usize> = (start..end).collect();
        let name = Part {
            head: h,
            toks: name_toks.clone(),
            min: name_toks,
            poss_after: None,
            text: None,
        };
        // country: the first word of the region when it is a proper noun or a demonym
        let mut country: Option<Part> = None;
        let mut mods: Vec<String> = Vec::new();
        for j in t..title {
            // the rest of the owner's name (`Tarn Front leader X`) belongs to the owner, not the title
            if let Some(c) = country.as_mut().filter(|c| c.text.is_none() && self.ment_at(j).is_some() && self.ment_at(j) == self.ment_at(c.head)) {
                c.toks.push(j);
                c.min.push(j);
                continue;
            }
            if country.is_none() && j == t {
                if let Some(c) = demonym_country(tr.form(j)) {
                    country = Some(Part {
                        head: j,
                        toks: vec![j],
                        min: vec![j],
                        poss_after: None,
                        text: Some(c),
                    });
                    continue;
                }
                if tr.upos(j) == "PROPN"
                    && !is_title(j)
                    // a portfolio (`Health Secretary`, the whole ministry list roles reads) or a rank
                    // word is part of the title, not the country that owns it
                    && !tr.form_is(j, super::roles::MINISTRY_WORDS)
                    && !tr.lemma_is(j, &["prime", "deputy", "vice", "crown"])
                    // `Republican Governor X`, `Incumbent President X`, `Ex-Prime Minister X`: the
                    // holder's party or a word dating the office owns nothing
                    && !super::origin::is_party_word(tr.form(j))
                    && !super::roles::dates_office(tr, j)
                    // `Circuit Judge X`: a court level is part of a judge's title, no owner
                    && !(tr.form_is(j, super::roles::COURT_LEVEL_WORDS) && (tr.form_is(title, super::roles::JUDGE_NOUNS) || tr.lemma_is(title, super::roles::JUDGE_NOUNS)))
                {
                    country = Some(Part {
                        head: j,
                        toks: vec![j],
                        min: vec![j],
                        poss_after: None,
                        text: None,
                    });
                    continue;
                }
            }
            mods.push(tr.form(j).to_lowercase());
        }
        let mut tname = tr.form(title).to_lowercase();
        let mut tlemma = tr.lemma(title).to_lowercase();
        // `US President X and his Colombian counterpart Y`: a counterpart holds the same office
        if tname == "counterpart" {
            if let Some(other) = (0..tr.len()).find(|&j| j != title && (tr.form_is(j, TITLES) || tr.lemma_is(j, TITLES)) && !tr.form_is(j, &["counterpart"]) && !tr.form_is(j, HONORIFICS)) {
                tname = tr.form(other).to_lowercase();
                tlemma = tr.lemma(other).to_lowercase();
            }
        }
        // the whole title phrase (`Foreign Minister`), for `is`
        let tp: Vec<usize> = (t..start).collect();
        // `Russian opposition leader X`: a group outside the state leads, the country owns no office
        let non_state = (t..title).any(|j| tr.lemma_is(j, super::roles::NON_STATE_GROUPS));
        if let Some(c) = country.filter(|c| !(c.text.is_some() && non_state)) {
            let mut words = mods.join(" ");
            if !words.is_empty() {
                words.push(' ');
            }
            words.push_str(&tname);
            words.push_str(" of");
            let lit = Lit {
                words,
                verb: None,
                noun: Some(tlemma.clone()),
                mods,
                prep: Some("of".into()),
            };
            let mut p = self.lit_prop("title", title, name.clone(), lit, c, 0.7);
            p.carb = false;
            out.push(p);
        }
        let tpart = Part {
            head: title,
            toks: tp.clone(),
            min: tp,
            poss_after: None,
            text: None,
        };
        let mut p = self.lit_prop(
            "title:is",
            title,
            name,
            Lit {
                words: "is".into(),
                verb: Some("be"),
                ..Default::default()
            },
            tpart,
            0.45,
        );
        p.graph = false;
        out.push(p);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{check_cases, facts};

    #[test]
    fn apposition_with_at_or_for_says_whose_role() {
        let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
            (
                "Tomas/PROPN/11/nsubj Reel/PROPN/1/flat ,/PUNCT/5/punct a/DET/5/det candidate/NOUN/1/appos at/ADP/9/case \
                 the/DET/9/det {{Vela/PROPN/9/compound Academy}}/PROPN/5/nmod ,/PUNCT/1/punct spoke/VERB/0/root ./PUNCT/11/punct",
                &[("Tomas Reel", "is candidate at", "Vela Academy")],
                &[],
            ),
            (
                "Ilse/PROPN/11/nsubj Marrow/PROPN/1/flat ,/PUNCT/5/punct a/DET/5/det candidate/NOUN/1/appos for/ADP/9/case \
                 the/DET/9/det regional/ADJ/9/amod election/NOUN/5/nmod ,/PUNCT/1/punct spoke/VERB/0/root ./PUNCT/11/punct",
                &[("Ilse Marrow", "is candidate for", "regional election")],
                &[],
            ),
            // `with` only before a name
            (
                "Ilse/PROPN/10/nsubj Marrow/PROPN/1/flat ,/PUNCT/5/punct a/DET/5/det player/NOUN/1/appos with/ADP/8/case \
                 great/ADJ/8/amod talent/NOUN/5/nmod ,/PUNCT/1/punct spoke/VERB/0/root ./PUNCT/10/punct",
                &[],
                &["Ilse Marrow"],
            ),
        ];
        check_cases(cases, "appos:prep");
    }

    #[test]
    fn a_nationality_before_a_group_outside_the_state_owns_no_title() {
        let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
            (
                "Latvian/ADJ/3/amod opposition/NOUN/3/compound leader/NOUN/7/nsubj:pass [[Ivo/PROPN/3/appos Tamm]]/PROPN/4/flat \
                 was/AUX/7/aux:pass flown/VERB/0/root ./PUNCT/7/punct",
                &[],
                &["Latvia"],
            ),
            (
                "Latvian/ADJ/3/amod defence/NOUN/3/compound minister/NOUN/7/nsubj:pass [[Ivo/PROPN/3/appos Tamm]]/PROPN/4/flat \
                 was/AUX/7/aux:pass flown/VERB/0/root ./PUNCT/7/punct",
                &[("Ivo Tamm", "defence minister of", "Latvia")],
                &[],
            ),
        ];
        check_cases(cases, "title");
    }

    #[test]
    fn the_rest_of_the_owners_name_is_no_part_of_the_title() {
        let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[(
            "{{Tarn/PROPN/3/compound Front}}/PROPN/3/compound leader/NOUN/6/nsubj [[Ivo/PROPN/3/appos Oster]]/PROPN/4/flat \
             spoke/VERB/0/root ./PUNCT/6/punct",
            &[("Ivo Oster", "leader of", "Tarn Front")],
            &[],
        )];
        check_cases(cases, "title");
        let all = facts(cases[0].0, "title");
        assert!(!all.iter().any(|(_, p, _)| p.contains("front")), "{all:?}");
    }

    #[test]
    fn a_party_or_a_dating_word_before_a_title_owns_no_office() {
        // `Republican Governor X`, `Incumbent President X`, `Ex-Prime Minister X` (invented names):
        // no rule reads the word in front as the office's owner
        for front in ["Republican", "Incumbent", "Ex-Prime"] {
            let title = if front == "Ex-Prime" { "Minister" } else { "Governor" };
            let spec = format!(
                "{front}/PROPN/2/compound {title}/PROPN/5/nsubj [[Ivo/PROPN/2/flat Oster]]/PROPN/3/flat spoke/VERB/0/root ./PUNCT/4/punct"
            );
            let all = facts(&spec, "");
            assert!(!all.iter().any(|(_, p, o)| p.ends_with(" of") && o == front), "{front}: {all:?}");
        }
    }

    #[test]
    fn a_date_before_the_title_owns_no_office() {
        let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[(
            "This/DET/2/det Wednesday/PROPN/5/compound Estonian/ADJ/5/amod Foreign/PROPN/5/compound Minister/PROPN/6/compound \
             [[Ivo/PROPN/8/nsubj Tamm]]/PROPN/6/flat spoke/VERB/0/root ./PUNCT/8/punct",
            &[("Ivo Tamm", "foreign minister of", "Estonia")],
            &[],
        )];
        check_cases(cases, "title");
        let all = facts(cases[0].0, "title");
        assert!(!all.iter().any(|(_, _, o)| o.contains("Wednesday")), "{all:?}");
    }

    #[test]
    fn apposition_restated_by_a_role_rule_is_dropped() {
        let spec = "[[Wilma/PROPN/10/nsubj Strand]]/PROPN/1/flat ,/PUNCT/5/punct another/DET/5/det lawyer/NOUN/1/appos for/ADP/8/case \
                    the/DET/8/det family/NOUN/5/nmod ,/PUNCT/1/punct spoke/VERB/0/root ./PUNCT/10/punct";
        let all = facts(spec, "");
        let between = all.iter().filter(|(s, _, o)| s == "Wilma Strand" && o == "family").count();
        assert_eq!(between, 1, "{all:?}");
    }
}
