//! A role taken, left or given with `as`: `X resigned as the governor of Ostland`, `X was sworn
//! in as Ostland's new governor`, `Y appointed X as the Ruritanian ambassador` → X – governor of
//! / ambassador of – the owner. The holder is the verb's object when it has one (`appointed X
//! as`), else its subject; the owner is the role's `of` complement, its possessor, a demonym or
//! a proper-noun compound. Negated or hedged verbs give nothing. Graph facts only.
//!
//! Also `as part of`: `The Vela Players toured Ostland as part of the Harbour Festival` → the
//! Vela Players – part of – Harbour Festival; the clause's subject, when it names someone or
//! something (a name or a pronoun for the resolver), takes part in the larger named whole. Not
//! with a passive verb, nor when the whole is the subject's own act (`as part of her inquiry`).
//!
//! In: the tree, mention extents and kinds. Out: literal-relation [`Prop`]s.

use super::*;

/// Nouns of a span of time, which as a verb's object measure how long a role was held (general
/// English units of time and of office).
const DURATION_NOUNS: &[&str] = &["year", "month", "week", "day", "decade", "century", "hour", "term", "season"];

/// Nouns for the holding of an office, which as a verb's object name the holder's service, not a
/// holder (`continued my work as mayor`, `resumed her duties as governor`, `left his post as
/// ambassador`): the role is its possessor's, else the subject's. General English.
const SERVICE_NOUNS: &[&str] = &[
    "work", "duty", "duties", "job", "role", "post", "position", "career", "tenure", "stint", "time", "service", "life",
    "responsibility", "responsibilities", "function", "capacity", "mandate", "office", "seat", "spell", "reign",
];

/// Words in front of a role after `as` that date the office (`as acting governor`): general
/// English, closed class.
const AS_ROLE_DATING: &[&str] = &["former", "acting", "interim"];

/// Rank words that belong to the office's name right in front of the role (`as Vice President`,
/// `as Prime Minister`, `as deputy mayor`); not across another word (`as vice presidential
/// candidate` is no vice candidate). General English, closed class.
const AS_ROLE_RANKS: &[&str] = &["deputy", "vice", "prime", "assistant"];

impl Rules<'_, '_> {
    /// Whether the role word `r` is a common noun, or a capitalised title the tagger calls a proper
    /// noun outside any person's name (`served as President of Ostland`: English capitalises an
    /// office before its `of`; tagged PROPN it is still the office, not a name).
    fn office_noun(&self, r: usize) -> bool {
        let tr = self.tr;
        match tr.upos(r) {
            "NOUN" => true,
            // (not inside any name: `the Lord Mayor of Y` tagged as one name is a named office)
            "PROPN" => self.ment_at(r).is_none() && !tr.in_person_name(r),
            _ => false,
        }
    }

    /// The owner of the role noun `r` written in the tree: `of Y`, `Y's`, a demonym, `Y governor`.
    fn role_owner(&self, r: usize) -> Option<Part> {
        let tr = self.tr;
        for k in tr.kids(r) {
            if tr.rel(k) == "nmod:poss" && tr.upos(k) != "PRON" {
                return Some(self.np(k, true));
            }
            if tr.base(k) == "nmod" && k > r && tr.kids(k).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &["of"])) {
                return Some(self.np(k, true));
            }
            if k < r && matches!(tr.base(k), "amod" | "compound") {
                if let Some(c) = demonym_country(tr.form(k)) {
                    let mut part = self.span_part(k, k + 1);
                    part.text = Some(c);
                    return Some(part);
                }
                // (not a word of a name that holds the title itself: `the Lord Mayor of Y`
                // tagged as one name is owned by Y, not by itself)
                if tr.upos(k) == "PROPN" && self.ment_at(k).is_some() && self.ment_at(k) != self.ment_at(r) {
                    return Some(self.np(k, true));
                }
            }
        }
        None
    }

    /// Whether the verb `v` is negated or hedged (`did not resign as`, `could serve as`).
    fn hedged(&self, v: usize) -> bool {
        let tr = self.tr;
        tr.kids(v).any(|k| {
            (tr.base(k) == "advmod" && tr.lemma_is(k, &["not", "never", "n't"]))
                || (tr.base(k) == "aux" && tr.lemma_is(k, &["may", "might", "could", "would", "should", "will", "can"]))
        })
    }

    /// All `as part of Y` facts of the sentence: the subject of the clause – part of – Y.
    fn as_part_props(&self, out: &mut Vec<Prop>) {
        let tr = self.tr;
        for r in 0..tr.len() {
            if tr.upos(r) != "NOUN" || !tr.lemma_is(r, &["part"]) || tr.base(r) != "obl" || !tr.kids(r).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &["as"])) {
                continue;
            }
            // `as part of the deal`, with the whole as the `of` complement (no determiner on
            // `part`: `as a part of` is rare, `as the part of` a role)
            if tr.kids(r).any(|c| tr.base(c) == "det") {
                continue;
            }
            let Some(whole) = tr.kids(r).find(|&k| k > r && tr.base(k) == "nmod" && tr.kids(k).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &["of"]))) else {
                continue;
            };
            // the whole must be named, and not an act of the subject's own (`as part of her
            // treatment`, `as part of its inquiry`: the act is part of it, not the subject)
            let own_act = tr.kids(whole).any(|c| tr.rel(c) == "nmod:poss" && tr.upos(c) == "PRON");
            if own_act || !self.np(whole, true).min.iter().any(|&k| self.ment_at(k).is_some()) {
                continue;
            }
            let v = tr.head[r];
            if v == NONE || tr.upos(v) != "VERB" || self.hedged(v) {
                continue;
            }
            // a passive's subject is what was acted on: `was recognised as part of X` is a judgement
            if tr.kids(v).any(|c| matches!(tr.rel(c), "aux:pass" | "nsubj:pass")) {
                continue;
            }
            let Some((holder, _)) = self.subject(v, 0) else { continue };
            // a name or a pronoun: `an imposing figure … as part of Y` says too little
            let named = holder.min.iter().any(|&k| self.ment_at(k).is_some() || (tr.upos(k) == "PRON" && k == holder.head));
            if !named {
                continue;
            }
            let lit = Lit { words: "part of".into(), verb: None, noun: Some("part".into()), mods: Vec::new(), prep: Some("of".into()) };
            let mut p = self.lit_prop("part:as", r, holder, lit, self.np(whole, true), 0.6);
            p.carb = false;
            out.push(p);
        }
    }

    /// All `as ROLE` and `as part of` facts of the sentence.
    pub fn as_role_props(&self, out: &mut Vec<Prop>) {
        self.as_part_props(out);
        let tr = self.tr;
        for r in 0..tr.len() {
            let Some((last, _)) = self.role_word_at(r) else { continue };
            if last != r || !self.office_noun(r) || !tr.kids(r).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &["as"])) {
                continue;
            }
            let v = tr.head[r];
            if v == NONE || tr.upos(v) != "VERB" || !matches!(tr.base(r), "obl" | "xcomp" | "advcl" | "nmod") || self.hedged(v) {
                continue;
            }
            // `remembered as the bassist and co-founder of Y`: roles joined to this one share its
            // `as` and, when they have none of their own, the owner written after the last
            let joined = self.joined_roles(r);
            let Some(owner) = self.role_owner(r).or_else(|| joined.last().and_then(|&c| self.role_owner(c))) else { continue };
            // `served six years as mayor`, `spent two terms as governor`: an object that is a span
            // of time says how long, the subject holds the role
            let object = tr.kids(v).find(|&k| tr.base(k) == "obj" && !tr.lemma_is(k, DURATION_NOUNS));
            let service_owner = |o: usize| tr.kids(o).find(|&c| tr.rel(c) == "nmod:poss");
            let holder = match object {
                Some(o) if !tr.lemma_is(o, SERVICE_NOUNS) => self.np(o, true),
                // `resumed her duties as governor`: the possessor holds the role
                Some(o) if service_owner(o).is_some() => self.np(service_owner(o).expect("checked"), true),
                _ => match self.subject(v, 0) {
                    Some((s, _)) => s,
                    None => continue,
                },
            };
            for role in std::iter::once(r).chain(joined) {
                let owner = self.role_owner(role).unwrap_or_else(|| owner.clone());
                out.push(self.as_role_prop(role, holder.clone(), owner));
            }
        }
    }

    /// The role nouns joined to the `as` role `r` by a conjunction that have no preposition of
    /// their own (`as the bassist and co-founder`; not `as mayor and later as governor`, whose
    /// second role is read from its own `as`).
    fn joined_roles(&self, r: usize) -> Vec<usize> {
        let tr = self.tr;
        tr.kids(r)
            .filter(|&k| {
                k > r
                    && tr.base(k) == "conj"
                    && self.role_word_at(k).is_some_and(|(last, _)| last == k)
                    && self.office_noun(k)
                    && !tr.kids(k).any(|c| tr.base(c) == "case")
            })
            .collect()
    }

    /// `HOLDER – [rank] ROLE of – OWNER` for the role noun `r`.
    fn as_role_prop(&self, r: usize, holder: Part, owner: Part) -> Prop {
        let tr = self.tr;
        // rank words only in an unbroken run up to the role
        let mut rank_from = r;
        while rank_from > 0 && tr.head[rank_from - 1] == r && tr.lemma_is(rank_from - 1, AS_ROLE_RANKS) {
            rank_from -= 1;
        }
        let mods: Vec<String> = tr
            .kids(r)
            .filter(|&k| k < r && matches!(tr.base(k), "amod" | "compound") && (tr.lemma_is(k, AS_ROLE_DATING) || k >= rank_from))
            .map(|k| tr.form(k).to_lowercase())
            .collect();
        // the role as written (`co-founder`, whose lemma may drop the prefix; also split at the
        // hyphen), a plural by its lemma
        let hyphened = (r >= 2 && tr.form(r - 1) == "-" && !tr.t[r - 2].space_after).then(|| format!("{}-{}", tr.form(r - 2), tr.form(r)).to_lowercase());
        let form = hyphened.filter(|w| role_class(w).is_some()).unwrap_or_else(|| tr.form(r).to_lowercase());
        let noun = if role_class(&form).is_some() { form } else { tr.lemma(r).to_lowercase() };
        let mut words = mods.join(" ");
        if !words.is_empty() {
            words.push(' ');
        }
        words.push_str(&noun);
        words.push_str(" of");
        let lit = Lit { words, verb: None, noun: Some(noun), mods, prep: Some("of".into()) };
        let mut p = self.lit_prop("role:as", r, holder, lit, owner, 0.6);
        p.carb = false;
        p
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::check_cases;

    #[test]
    fn as_role_constructions() {
        let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
            (
                "[[Ana/PROPN/3/nsubj Reyes]]/PROPN/1/flat resigned/VERB/0/root as/ADP/6/case the/DET/6/det governor/NOUN/3/obl \
                 of/ADP/8/case <<Ostland>>/PROPN/6/nmod ./PUNCT/3/punct",
                &[("Ana Reyes", "governor of", "Ostland")],
                &[],
            ),
            (
                "[[Ben/PROPN/4/nsubj:pass Tarrow]]/PROPN/1/flat was/AUX/4/aux:pass sworn/VERB/0/root in/ADP/4/compound:prt as/ADP/10/case \
                 <<Ostland>>/PROPN/10/nmod:poss 's/PART/7/case new/ADJ/10/amod governor/NOUN/4/obl ./PUNCT/4/punct",
                &[("Ben Tarrow", "governor of", "Ostland")],
                &[],
            ),
            // the object of `appointed` takes the role
            (
                "[[Ana/PROPN/3/nsubj Reyes]]/PROPN/1/flat appointed/VERB/0/root [[Cy/PROPN/3/obj Dorn]]/PROPN/4/flat as/ADP/8/case \
                 Danish/ADJ/8/amod ambassador/NOUN/3/obl ./PUNCT/3/punct",
                &[("Cy Dorn", "ambassador of", "Denmark")],
                &["Ana Reyes"],
            ),
            // a span of time as the object says how long: the subject holds the role
            (
                "[[Ana/PROPN/3/nsubj Reyes]]/PROPN/1/flat served/VERB/0/root a/DET/5/det decade/NOUN/3/obj as/ADP/8/case the/DET/8/det \
                 governor/NOUN/3/obl of/ADP/10/case <<Ostland>>/PROPN/8/nmod ./PUNCT/3/punct",
                &[("Ana Reyes", "governor of", "Ostland")],
                &[],
            ),
            // an object that names the service (`continued her work as governor of Ostland`): its
            // possessor holds the role, never the work itself
            (
                "[[Ana/PROPN/3/nsubj Reyes]]/PROPN/1/flat continued/VERB/0/root her/PRON/5/nmod:poss work/NOUN/3/obj as/ADP/7/case \
                 governor/NOUN/3/obl of/ADP/9/case <<Ostland>>/PROPN/7/nmod ./PUNCT/3/punct",
                &[("her", "governor of", "Ostland")],
                &["work"],
            ),
            (
                "[[Ana/PROPN/3/nsubj Reyes]]/PROPN/1/flat left/VERB/0/root the/DET/5/det post/NOUN/3/obj as/ADP/7/case \
                 governor/NOUN/3/obl of/ADP/9/case <<Ostland>>/PROPN/7/nmod ./PUNCT/3/punct",
                &[("Ana Reyes", "governor of", "Ostland")],
                &["post"],
            ),
            // a capitalised office the tagger calls a proper noun is still the office, with its
            // rank word (`served as Vice President of Ostland`)
            (
                "[[Ana/PROPN/3/nsubj Reyes]]/PROPN/1/flat served/VERB/0/root as/ADP/6/case Vice/PROPN/6/compound President/PROPN/3/obl \
                 of/ADP/8/case <<Ostland>>/PROPN/6/nmod from/ADP/10/case 1990/NUM/3/obl ./PUNCT/3/punct",
                &[("Ana Reyes", "vice president of", "Ostland")],
                &[],
            ),
            (
                "[[Ana/PROPN/3/nsubj Reyes]]/PROPN/1/flat served/VERB/0/root as/ADP/5/case Governor/PROPN/3/obl of/ADP/7/case \
                 <<Ostland>>/PROPN/5/nmod ./PUNCT/3/punct",
                &[("Ana Reyes", "governor of", "Ostland")],
                &[],
            ),
            // a rank word counts only right in front of the role (`vice presidential candidate`)
            (
                "[[Ana/PROPN/3/nsubj Reyes]]/PROPN/1/flat ran/VERB/0/root as/ADP/8/case the/DET/8/det vice/ADJ/8/amod \
                 presidential/ADJ/8/amod candidate/NOUN/3/obl of/ADP/10/case {{Vela}}/PROPN/8/nmod ./PUNCT/3/punct",
                &[("Ana Reyes", "candidate of", "Vela")],
                &[],
            ),
            // roles joined by `and` share the `as` and the owner after the last
            (
                "[[Ana/PROPN/4/nsubj:pass Reyes]]/PROPN/1/flat was/AUX/4/aux:pass remembered/VERB/0/root as/ADP/7/case the/DET/7/det \
                 bassist/NOUN/4/obl and/CCONJ/9/cc co-founder/NOUN/7/conj of/ADP/12/case the/DET/12/det \
                 {{Coldmoor}}/PROPN/9/nmod ./PUNCT/4/punct",
                &[("Ana Reyes", "bassist of", "Coldmoor"), ("Ana Reyes", "co-founder of", "Coldmoor")],
                &[],
            ),
            // a capitalised word inside a person's name after `as` is no office
            (
                "[[Ana/PROPN/3/nsubj Reyes]]/PROPN/1/flat spoke/VERB/0/root as/ADP/5/case [[Governor/PROPN/3/obl Dorn]]/PROPN/5/flat \
                 of/ADP/8/case <<Ostland>>/PROPN/5/nmod ./PUNCT/3/punct",
                &[],
                &["Ana Reyes"],
            ),
            // hedged or without an owner: nothing
            (
                "[[Ana/PROPN/4/nsubj Reyes]]/PROPN/1/flat could/AUX/4/aux serve/VERB/0/root as/ADP/7/case the/DET/7/det governor/NOUN/4/obl \
                 of/ADP/9/case <<Ostland>>/PROPN/7/nmod ./PUNCT/4/punct",
                &[],
                &["Ana Reyes"],
            ),
            (
                "[[Ana/PROPN/3/nsubj Reyes]]/PROPN/1/flat worked/VERB/0/root as/ADP/5/case a/DET/5/det nurse/NOUN/3/obl ./PUNCT/3/punct",
                &[],
                &["Ana Reyes"],
            ),
        ];
        check_cases(cases, "role:as");
    }

    #[test]
    fn as_part_of_makes_the_subject_part_of_the_whole() {
        let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
            // `The Vela Players toured Ostland as part of the Harbour Festival.` (invented)
            (
                "The/DET/3/det {{Vela/PROPN/3/compound Players}}/PROPN/4/nsubj toured/VERB/0/root <<Ostland>>/PROPN/4/obj as/ADP/7/case \
                 part/NOUN/4/obl of/ADP/11/case the/DET/11/det {{Harbour/PROPN/11/compound Festival}}/PROPN/7/nmod ./PUNCT/4/punct",
                &[("Vela Players", "part of", "Harbour Festival")],
                &[],
            ),
            // hedged, or a subject that names nothing: no fact
            (
                "{{Vela/PROPN/2/compound Players}}/PROPN/4/nsubj could/AUX/4/aux tour/VERB/0/root as/ADP/6/case part/NOUN/4/obl \
                 of/ADP/10/case the/DET/10/det {{Harbour/PROPN/10/compound Festival}}/PROPN/6/nmod ./PUNCT/4/punct",
                &[],
                &["Vela Players"],
            ),
            // the subject's own act: the act is the part
            (
                "{{Vela/PROPN/2/compound Players}}/PROPN/3/nsubj toured/VERB/0/root as/ADP/5/case part/NOUN/3/obl of/ADP/8/case \
                 their/PRON/8/nmod:poss {{Harbour/PROPN/8/compound Festival}}/PROPN/5/nmod ./PUNCT/3/punct",
                &[],
                &["Vela Players"],
            ),
            (
                "The/DET/2/det crowd/NOUN/3/nsubj sang/VERB/0/root as/ADP/5/case part/NOUN/3/obl of/ADP/9/case the/DET/9/det \
                 {{Harbour/PROPN/9/compound Festival}}/PROPN/5/nmod ./PUNCT/3/punct",
                &[],
                &["crowd"],
            ),
        ];
        check_cases(cases, "part:as");
    }
}
