//! Causes of death as news and obituaries state them beside the plain `X died of Y` (which the
//! clause rules read): each gives X – die of – Y, with the flags of the clause it comes from.
//!
//! - an illness fought: `X died after a long battle with Y`, `… following a fight with Y`;
//! - a death ascribed: `the statement ascribed his death to Y`, `her death was attributed to Y`;
//! - a cause reported: `officials reported his cause of death as Y`, `the cause of his death was Y`.
//!
//! The one who died is the clause's subject (an illness fought) or the possessor of `death` or
//! `cause` (a pronoun is resolved later, as for `his death`); with no possessor (`the cause of
//! death was Y` in a report on several victims) there is no fact.
//!
//! In: the propositions of the sentence's clauses. Out: literal-relation [`Prop`]s (graph only).

use super::*;

/// Nouns of a long fight with an illness (`battle with cancer`): general English, closed class.
const ILLNESS_FIGHTS: &[&str] = &["battle", "fight", "struggle", "bout"];

/// Verbs that give a death its cause (`ascribed his death to`): general English, closed class.
const ASCRIBING_VERBS: &[&str] = &["ascribe", "attribute"];

/// Verbs that state a cause of death `as` something (`reported his cause of death as`).
const STATING_VERBS: &[&str] = &["report", "announce", "confirm", "give", "list", "determine", "rule", "reveal", "record", "identify"];

impl Rules<'_, '_> {
    /// The `die of` facts of `props` (see the module doc).
    pub fn death_cause_props(&self, props: &[Prop], out: &mut Vec<Prop>) {
        let tr = self.tr;
        for p in props {
            if p.lit.is_some() || !p.graph || p.pred >= tr.len() {
                continue;
            }
            let v = p.pred;
            let found = if tr.lemma_is(v, &["die"]) {
                self.fought_illness(v).map(|x| (p.subj.clone(), x))
            } else if tr.lemma_is(v, ASCRIBING_VERBS) {
                self.ascribed_cause(v)
            } else if tr.lemma_is(v, STATING_VERBS) {
                self.stated_cause(v)
            } else {
                self.cause_predicated(v)
            };
            let Some((dead, cause)) = found else { continue };
            let lit = Lit { words: "die of".to_owned(), verb: Some("die"), prep: Some("of".to_owned()), ..Default::default() };
            let mut q = self.event_lit_prop("people:death-cause", v, p, lit, cause);
            q.subj = dead;
            out.push(q);
        }
    }

    /// `died after a long battle with Y`: Y, the `with` phrase of a fight noun that the verb's
    /// `after` or `following` phrase heads.
    fn fought_illness(&self, v: usize) -> Option<usize> {
        let tr = self.tr;
        // (a `gun battle` is no illness; a `ten-month fight` is)
        let armed = |b: usize| tr.kids(b).any(|c| tr.base(c) == "compound" && !tr.kids(c).any(|n| tr.base(n) == "nummod"));
        let illness_fight = |b: usize| tr.lemma_is(b, ILLNESS_FIGHTS) && !armed(b);
        let after = |b: usize| tr.base(b) == "obl" && tr.kids(b).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &["after", "following"]));
        // (`following` is often read as a participle with the fight as its object)
        let following = |f: usize| tr.base(f) == "advcl" && tr.form_is(f, &["following"]);
        let fight = tr
            .kids(v)
            .find(|&b| after(b) && illness_fight(b))
            .or_else(|| tr.kids(v).filter(|&f| following(f)).flat_map(|f| tr.kids(f)).find(|&b| tr.rel(b) == "obj" && illness_fight(b)))?;
        // (the parser may hang the `with` phrase on the verb, right after the fight)
        self.nmod_with(fight, "with").or_else(|| {
            let end = (fight..tr.len()).take_while(|&k| tr.ancestor_of(fight, k) || k == fight).last().unwrap_or(fight);
            tr.kids(v).find(|&x| x > fight && tr.base(x) == "obl" && self.has_case(x, "with") && (end + 1..x).all(|k| tr.head[k] == x))
        })
    }

    /// `ascribed his death to Y` (or `his death was attributed to Y`): the possessor of `death`
    /// and Y.
    fn ascribed_cause(&self, v: usize) -> Option<(Part, usize)> {
        let tr = self.tr;
        let death = tr.kids(v).find(|&d| matches!(tr.rel(d), "obj" | "nsubj:pass") && tr.lemma_is(d, &["death"]))?;
        let dead = self.possessor(death)?;
        let cause = tr.kids(v).find(|&x| tr.base(x) == "obl" && self.has_case(x, "to"))?;
        Some((self.np(dead, true), cause))
    }

    /// `reported his cause of death as Y`: the possessor of `cause` or `death`, and the `as`
    /// phrase on the verb or on the cause.
    fn stated_cause(&self, v: usize) -> Option<(Part, usize)> {
        let tr = self.tr;
        let cause = tr.kids(v).find(|&c| tr.rel(c) == "obj" && tr.lemma_is(c, &["cause"]))?;
        let dead = self.dead_of_cause(cause)?;
        let named = tr
            .kids(v)
            .chain(tr.kids(cause))
            .find(|&x| matches!(tr.base(x), "obl" | "nmod" | "advcl" | "xcomp") && x > cause && self.has_case(x, "as"))?;
        Some((self.np(dead, true), named))
    }

    /// `The cause of his death was Y`: Y a copular predicate whose subject is that cause.
    fn cause_predicated(&self, y: usize) -> Option<(Part, usize)> {
        let tr = self.tr;
        if !tr.kids(y).any(|k| tr.base(k) == "cop") || !matches!(tr.upos(y), "NOUN" | "PROPN") {
            return None;
        }
        let cause = tr.kids(y).find(|&c| tr.base(c) == "nsubj" && tr.lemma_is(c, &["cause"]))?;
        let dead = self.dead_of_cause(cause)?;
        Some((self.np(dead, true), y))
    }

    /// Whose death `cause` is the cause of: the possessor of `cause` (`his cause of death`) or
    /// of its `death` (`the cause of his death`).
    fn dead_of_cause(&self, cause: usize) -> Option<usize> {
        let tr = self.tr;
        let death = tr.kids(cause).find(|&d| tr.base(d) == "nmod" && tr.lemma_is(d, &["death"]) && self.has_case(d, "of"))?;
        self.possessor(cause).or_else(|| self.possessor(death))
    }

    fn possessor(&self, n: usize) -> Option<usize> {
        let tr = self.tr;
        tr.kids(n).find(|&k| tr.rel(k) == "nmod:poss" && !tr.lemma_is(k, &["its", "their", "whose"]))
    }

    fn has_case(&self, x: usize, prep: &str) -> bool {
        let tr = self.tr;
        tr.kids(x).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &[prep]))
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::analysed;
    use crate::extract::Extractor;

    fn causes(line: &str) -> Option<Vec<(String, String)>> {
        let s = analysed(line)?;
        let ts = Extractor::new().extract(&s, &[]);
        Some(ts.iter().filter(|t| t.relation == "die of").map(|t| (t.subject.text.clone(), t.object.as_ref().map(|o| o.text.clone()).unwrap_or_default())).collect())
    }

    #[test]
    fn a_cause_of_death_stated_around_the_death_is_what_they_died_of() {
        let Some(got) = causes("Ana Ruiz died in May after a long fight with leukemia .") else { return };
        assert!(got.iter().any(|(s, o)| s == "Ana Ruiz" && o.contains("leukemia")), "{got:?}");
        let Some(got) = causes("Ivo Oster , a painter from Tarn , died Friday following a lengthy battle with lung cancer .") else { return };
        assert!(got.iter().any(|(s, o)| s == "Ivo Oster" && o.contains("lung cancer")), "{got:?}");
        let Some(got) = causes("The hospital ascribed his death to a heart attack .") else { return };
        assert!(got.iter().any(|(s, o)| s == "his" && o.contains("heart attack")), "{got:?}");
        let Some(got) = causes("The clinic listed her cause of death as kidney failure .") else { return };
        assert!(got.iter().any(|(s, o)| s == "her" && o.contains("kidney failure")), "{got:?}");
        // must not: a gun battle is no illness, and a cause of death with no one's death says nothing of whom
        let Some(got) = causes("Ivo Oster died after a gun battle with police .") else { return };
        assert!(got.is_empty(), "{got:?}");
        let Some(got) = causes("The cause of death was a fall .") else { return };
        assert!(got.is_empty(), "{got:?}");
    }
}
