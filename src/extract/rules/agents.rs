//! Agent lists of passives: `It was signed by Senators A of X, B of Y, and C of Z` names three
//! agents, each of whom signed it. The parser rarely builds such a list as one coordination (the
//! names hang as appositions, conjuncts of the verb or loose obliques), so the list is read from
//! the words after `by`: person names separated by commas and `and`, each optionally followed by
//! `of PLACE`. Each name loses its leading title (`Senators`), and a place after `of` is never an
//! agent. A list the parser did build as a coordination (`by A and the B`) is split on its
//! conjuncts.
//!
//! In: a passive proposition with an agent slot. Out: one agent [`Part`] per listed person or
//! conjunct (none unless the list has at least two).

use super::*;

impl Rules<'_, '_> {
    /// The persons listed after the `by` of agent `a`, titles dropped, when there are two or more.
    pub(super) fn agent_list(&self, a: usize) -> Vec<Part> {
        let tr = self.tr;
        let Some(by) = tr.kids(a).find(|&k| tr.base(k) == "case" && k < a && tr.lemma_is(k, &["by"])) else {
            return Vec::new();
        };
        let end = self.list_end(by + 1);
        let names: Vec<(usize, usize)> = self
            .person_names()
            .into_iter()
            .filter(|&(s, e)| {
                let start = self.ment_at(s).map_or(s, |m| m.0);
                start > by && e <= end && !(start > 0 && tr.lemma_is(start - 1, &["of"]))
            })
            .collect();
        // two names are a list only with a separator between them
        let separated = names.windows(2).all(|w| (w[0].1..w[1].0).any(|k| tr.form(k) == "," || tr.upos(k) == "CCONJ"));
        if names.len() < 2 || !separated {
            return Vec::new();
        }
        // a plural title in front (`Senators A`, as the tagger leaves it capitalised) is no name
        let untitled = |(mut s, e): (usize, usize)| {
            while s + 1 < e && tr.has_feat(s, "Number=Plur") && matches!(tr.upos(s), "NOUN" | "PROPN") {
                s += 1;
            }
            (s, e)
        };
        names.into_iter().map(untitled).map(|(s, e)| self.span_part(s, e)).collect()
    }

    /// The end (exclusive) of a run of names from `i`: name tokens, `of` + name, commas and
    /// coordinators; anything else (a determiner such as `all`, a verb, a common noun outside a
    /// name) closes the list.
    fn list_end(&self, mut i: usize) -> usize {
        let tr = self.tr;
        while i < tr.len() {
            let listed = self.ment_at(i).is_some()
                || tr.upos(i) == "PROPN"
                || tr.form(i) == ","
                || tr.upos(i) == "CCONJ"
                || tr.lemma_is(i, &["of"]);
            if !listed {
                break;
            }
            i += 1;
        }
        i
    }

    /// A coordination the parser did build (`by the Port Authority and the Coast Guard`): each
    /// conjunct is an agent. Only of a verb, and only nominal conjuncts with no verb between them
    /// and the first agent (a conjunct further on belongs to another clause of a mis-parse), and
    /// none with a preposition of its own (`by road and by air` are manners more often than two
    /// agents).
    fn agent_conjuncts(&self, base: &Prop, i: usize) -> Vec<Part> {
        let tr = self.tr;
        let first = &base.slots[i].part;
        if base.pred >= tr.len() || tr.upos(base.pred) != "VERB" || tr.upos(first.head) == "ADJ" {
            return Vec::new();
        }
        let own_case = |c: usize| tr.kids(c).any(|k| tr.base(k) == "case");
        let clean = |c: usize| {
            matches!(tr.upos(c), "NOUN" | "PROPN")
                && (first.head..c).all(|k| !matches!(tr.upos(k), "VERB" | "AUX"))
                && !own_case(c)
        };
        let conjs = self.conj_variants(first);
        if conjs.len() < 2 || !conjs[1..].iter().all(|q| clean(q.head)) {
            return Vec::new();
        }
        conjs
    }

    /// `X was awarded the medal by Y`, `X is regarded by many as Y`, `X was sentenced to life by a
    /// court`: the agent's reading (`Y – award – X`) takes the subject as its object, so what the
    /// subject received or became (a kept object, or an `as` or `to` complement after the verb) is
    /// lost with it. A graph-only copy without the agent states it, as the agentless passive would
    /// (`X – be awarded – medal`, `X – be regarded as – Y`).
    pub(super) fn undergone_without_agent(&self, base: &Prop) -> Option<Prop> {
        let tr = self.tr;
        if !base.passive || !base.graph || base.pred >= tr.len() || tr.upos(base.pred) != "VERB" {
            return None;
        }
        let agent = base.slots.iter().position(|sl| sl.kind == Kind::Agent)?;
        let complement = |sl: &Slot| match sl.kind {
            Kind::Obj => sl.part.head > base.pred,
            Kind::Obl => sl.part.head > base.pred && sl.case.len() == 1 && tr.lemma_is(sl.case[0], &["as", "to"]),
            _ => false,
        };
        if !base.slots.iter().any(complement) {
            return None;
        }
        let mut p = base.clone();
        p.slots.remove(agent);
        p.carb = false;
        p.conf *= 0.9;
        Some(p)
    }

    /// `base` once per listed or coordinated agent (graph only; CaRB keeps the parser's single
    /// agent phrase), or `base` unchanged when its agent is no list.
    pub(super) fn split_agents(&self, base: Prop) -> Vec<Prop> {
        let agent = base.slots.iter().position(|sl| sl.kind == Kind::Agent);
        let agents = match agent {
            Some(i) if base.passive => self.agent_list(base.slots[i].part.head),
            _ => Vec::new(),
        };
        let agents = match agent {
            Some(i) if base.passive && agents.is_empty() => self.agent_conjuncts(&base, i),
            _ => agents,
        };
        let Some(i) = agent.filter(|_| !agents.is_empty()) else {
            return vec![base];
        };
        let mut carb = base.clone();
        carb.graph = false;
        let mut out = vec![carb];
        for a in agents {
            let mut p = base.clone();
            p.carb = false;
            p.slots[i].part = a;
            out.push(p);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::rules::testkit::sentence;
    use crate::extract::tests::show;
    use crate::extract::Extractor;

    fn facts(spec: &str) -> Vec<crate::document::OpenTriple> {
        let (s, m) = sentence(spec);
        Extractor::new().extract(&s, &m)
    }

    /// `The bill was backed by Senators Ann Vole of Kent, Bo Lark of Essex, and Cy Moss of Fife,
    /// all Liberals.` (invented), with the names hung loosely as the parser does.
    const LIST: &str = "The/DET/2/det bill/NOUN/4/nsubj:pass was/AUX/4/aux:pass backed/VERB/0/root by/ADP/6/case \
        [[Senators/NOUN/4/obl:agent Ann/PROPN/6/appos Vole]]/PROPN/7/flat of/ADP/10/case ((Kent))/PROPN/7/nmod ,/PUNCT/12/punct \
        [[Bo/PROPN/4/conj Lark]]/PROPN/12/flat of/ADP/15/case ((Essex))/PROPN/12/nmod ,/PUNCT/18/punct and/CCONJ/18/cc \
        [[Cy/PROPN/12/conj Moss]]/PROPN/18/flat of/ADP/21/case ((Fife))/PROPN/18/nmod ,/PUNCT/24/punct all/DET/24/det \
        Liberals/PROPN/12/appos ./PUNCT/4/punct";

    #[test]
    fn each_listed_agent_backs_the_subject() {
        let ts = facts(LIST);
        for who in ["Ann Vole", "Bo Lark", "Cy Moss"] {
            assert!(
                ts.iter().any(|t| t.subject.text == who && t.relation == "backed" && t.object.as_ref().is_some_and(|o| o.text == "bill")),
                "{who}: {}",
                show(&ts)
            );
        }
        // never the plural title in a subject, never a place or the group noun as an agent
        assert!(!ts.iter().any(|t| t.relation == "backed" && t.subject.text.contains("Senators")), "{}", show(&ts));
        for place in ["Kent", "Essex", "Fife", "Liberals"] {
            assert!(!ts.iter().any(|t| t.relation == "backed" && t.subject.text == place), "{}", show(&ts));
        }
    }

    #[test]
    fn each_coordinated_agent_opened_the_inquiry() {
        // `The inquiry was opened by the Port Authority and the Coast Guard.` (invented)
        let spec = "The/DET/2/det inquiry/NOUN/4/nsubj:pass was/AUX/4/aux:pass opened/VERB/0/root by/ADP/8/case the/DET/8/det \
            {{Port/PROPN/8/compound Authority}}/PROPN/4/obl:agent and/CCONJ/12/cc the/DET/12/det \
            {{Coast/PROPN/12/compound Guard}}/PROPN/8/conj ./PUNCT/4/punct";
        let ts = facts(spec);
        for who in ["Port Authority", "Coast Guard"] {
            assert!(
                ts.iter().any(|t| t.subject.text == who && t.relation == "opened" && t.object.as_ref().is_some_and(|o| o.text == "inquiry")),
                "{who}: {}",
                show(&ts)
            );
        }
    }

    #[test]
    fn manners_with_their_own_by_are_no_agents() {
        // must give nothing for `air`: `Victims were carried by road and by air.` (invented)
        let spec = "Victims/NOUN/3/nsubj:pass were/AUX/3/aux:pass carried/VERB/0/root by/ADP/5/case road/NOUN/3/obl:agent \
            and/CCONJ/8/cc by/ADP/8/case air/NOUN/5/conj ./PUNCT/3/punct";
        let ts = facts(spec);
        assert!(!ts.iter().any(|t| t.subject.text.contains("air")), "{}", show(&ts));
    }

    /// The facts of `spec` with the verb at `verb` (0-based) tagged as a past participle.
    fn participle_facts(spec: &str, verb: usize) -> Vec<crate::document::OpenTriple> {
        let (mut s, m) = sentence(spec);
        s.tokens[verb].xpos = "VBN".into();
        Extractor::new().extract(&s, &m)
    }

    #[test]
    fn what_the_subject_received_or_became_survives_the_agent() {
        // `Mara Vellin was awarded the Silver Cross by the Ostrava Council .` (invented)
        let spec = "[[Mara/PROPN/4/nsubj:pass Vellin]]/PROPN/1/flat was/AUX/4/aux:pass awarded/VERB/0/root the/DET/7/det \
            Silver/PROPN/7/compound Cross/PROPN/4/obj by/ADP/11/case the/DET/11/det {{Ostrava/PROPN/11/compound Council}}/PROPN/4/obl:agent ./PUNCT/4/punct";
        let ts = participle_facts(spec, 3);
        let has = |s: &str, r: &str, o: &str| ts.iter().any(|t| t.subject.text == s && t.relation.contains(r) && t.object.as_ref().is_some_and(|x| x.text == o));
        assert!(has("Mara Vellin", "awarded", "Silver Cross"), "{}", show(&ts));
        // the agent's reading stays
        assert!(has("Ostrava Council", "awarded", "Mara Vellin"), "{}", show(&ts));
        // `The Tarn Cup is regarded by fans as the oldest trophy .` (invented): the `as` complement
        let spec = "The/DET/3/det Tarn/PROPN/3/compound Cup/PROPN/5/nsubj:pass is/AUX/5/aux:pass regarded/VERB/0/root by/ADP/7/case \
            fans/NOUN/5/obl:agent as/ADP/11/case the/DET/11/det oldest/ADJ/11/amod trophy/NOUN/5/obl ./PUNCT/5/punct";
        let ts = participle_facts(spec, 4);
        assert!(ts.iter().any(|t| t.relation.contains("regarded as") && t.object.as_ref().is_some_and(|o| o.text.ends_with("trophy"))), "{}", show(&ts));
        // must give nothing new: an agent and a plain place (`was opened by the mayor in Tarn`)
        // keep the agent's reading only
        let spec = "The/DET/2/det bridge/NOUN/4/nsubj:pass was/AUX/4/aux:pass opened/VERB/0/root by/ADP/7/case the/DET/7/det \
            mayor/NOUN/4/obl:agent in/ADP/9/case ((Tarn))/PROPN/4/obl ./PUNCT/4/punct";
        let ts = participle_facts(spec, 3);
        assert!(!ts.iter().any(|t| t.subject.text == "bridge"), "{}", show(&ts));
    }

    #[test]
    fn a_single_agent_is_no_list() {
        // must give nothing new: one name after `by` keeps the parser's agent
        let one = "The/DET/2/det bill/NOUN/4/nsubj:pass was/AUX/4/aux:pass backed/VERB/0/root by/ADP/6/case \
            [[Ann/PROPN/4/obl:agent Vole]]/PROPN/6/flat of/ADP/9/case ((Kent))/PROPN/6/nmod ./PUNCT/4/punct";
        let ts = facts(one);
        let backed: Vec<_> = ts.iter().filter(|t| t.relation == "backed").collect();
        assert_eq!(backed.len(), 1, "{}", show(&ts));
        assert!(backed[0].subject.text.starts_with("Ann Vole"), "{}", show(&ts));
    }
}
