//! Coordination: the members of a list `A, B and C`. The parser often takes the second member
//! of a comma list for an apposition of the first (`A ←appos B`, with `C` a conjunct of either);
//! when the list goes on with a coordinated member and the two are names of the same kind, the
//! apposition is a member too. A title or description in apposition (`A, the mayor of Y, and
//! B`) stays an apposition: it is no name, or names a place (`Lyon, France, and Milan`).
//!
//! A name coordinated onto an oblique or object right before a verb without a subject is that
//! verb's subject, not a member (`X resigned on Monday and Y was sworn in`, parsed with `Y` a
//! conjunct of `Monday` and `sworn` an adverbial clause of `resigned`): two clauses.
//!
//! In: the head of the first member, or a predicate. Out: the heads of the other members, or the
//! predicate's stranded subject.

use super::*;
use crate::document::EntityType;

impl Rules<'_, '_> {
    /// The other members of the list headed by `h`, in sentence order.
    pub(super) fn list_members(&self, h: usize) -> Vec<usize> {
        let tr = self.tr;
        let nominal_conj = |k: usize| {
            tr.rel(k) == "conj"
                && !matches!(tr.upos(k), "VERB" | "AUX")
                && !self.is_summary(k)
                && !self.subject_of_next_clause(k)
                && !self.prepositional_description(h, k)
                && !self.gapped_subject(h, k)
        };
        let mut out: Vec<usize> = tr.kids(h).filter(|&k| nominal_conj(k)).collect();
        for a in tr.kids(h).filter(|&k| k > h && tr.rel(k) == "appos") {
            let own: Vec<usize> = tr.kids(a).filter(|&k| nominal_conj(k)).collect();
            let list_goes_on = !own.is_empty() || out.iter().any(|&c| c > a);
            if list_goes_on && self.same_kind_names(h, a) {
                out.push(a);
                out.extend(own);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The subject a predicate lost to a coordination before it (`… confirmed its first case and
    /// Y had its first death`, with `had` a complement or conjunct of `confirmed`): `p` has no subject of its own,
    /// is finite (itself or through its auxiliary), and the phrase right before its first
    /// auxiliary is a proper noun or pronoun coordinated with `and`/`but` onto another phrase.
    pub(super) fn stranded_subject(&self, p: usize) -> Option<usize> {
        let tr = self.tr;
        if tr.upos(p) != "VERB" || !matches!(tr.base(p), "advcl" | "conj" | "parataxis" | "ccomp") || tr.kids(p).any(|k| is_subj_rel(tr.rel(k))) {
            return None;
        }
        let auxes: Vec<usize> = tr.kids(p).filter(|&k| k < p && matches!(tr.base(k), "aux")).collect();
        let finite = tr.has_feat(p, "VerbForm=Fin") || auxes.iter().any(|&a| tr.has_feat(a, "VerbForm=Fin"));
        if !finite || tr.kids(p).any(|k| k < p && matches!(tr.base(k), "mark" | "cc")) {
            return None;
        }
        let first = auxes.first().copied().unwrap_or(p).min(p);
        (first.saturating_sub(4)..first).find(|&c| {
            tr.rel(c) == "conj"
                && matches!(tr.upos(c), "PROPN" | "PRON")
                && tr.kids(c).any(|k| k < c && tr.base(k) == "cc" && tr.lemma_is(k, &["and", "but"]))
                && self.phrase_end(c) == first
        })
    }

    /// One past the last token of `k`'s subtree.
    fn phrase_end(&self, k: usize) -> usize {
        self.tr.phrase(k, &|_| false).into_iter().max().map_or(k + 1, |e| e + 1)
    }

    /// `… on Monday and Y was sworn in`: `Y` starts the next clause.
    fn subject_of_next_clause(&self, k: usize) -> bool {
        let tr = self.tr;
        let e = self.phrase_end(k);
        if e >= tr.len() {
            return false;
        }
        let p = if tr.upos(e) == "AUX" && tr.head[e] != NONE { tr.head[e] } else { e };
        self.stranded_subject(p) == Some(k)
    }

    /// `A and B, both from Y`: a conjunct with a preposition of its own (`from`) when the list's
    /// first member has none describes the members (each is from Y); the parser hangs it on the
    /// list as one more member, which made `Y` a third subject of the verb.
    fn prepositional_description(&self, h: usize, k: usize) -> bool {
        let tr = self.tr;
        let has_case = |n: usize| tr.kids(n).any(|d| tr.base(d) == "case" && tr.upos(d) == "ADP");
        has_case(k) && !has_case(h)
    }

    /// `snails need 2 g per day, crabs 5 g`: after a counted amount, a comma, then a noun
    /// with no number of its own that runs straight into another amount is the subject of a
    /// clause whose verb was left out (gapping), not one more thing the verb takes. (`2 mg,
    /// bread and 3 kg of rice` is a list: a conjunction stands before the next amount.)
    fn gapped_subject(&self, h: usize, k: usize) -> bool {
        let tr = self.tr;
        let counted = |n: usize| tr.upos(n) == "NUM" || tr.kids(n).any(|d| tr.base(d) == "nummod" && tr.upos(d) == "NUM");
        if k < h || !counted(h) || counted(k) || !matches!(tr.upos(k), "NOUN" | "PROPN") {
            return false;
        }
        let own = tr.phrase(k, &|_| false);
        let start = own.first().copied().unwrap_or(k);
        if start == 0 || tr.form(start - 1) != "," {
            return false;
        }
        // (the amount may hang inside the noun's phrase: `crabs such as fiddlers 5 mg`)
        (k + 1..tr.len())
            .take_while(|&j| !tr.is_punct(j))
            .any(|j| tr.upos(j) == "NUM" && tr.base(j) == "nummod" && tr.head[j] != k && matches!(tr.upos(j - 1), "NOUN" | "PROPN"))
    }

    /// `all Republicans`, `both men`: a summary of the list, not a member.
    fn is_summary(&self, k: usize) -> bool {
        let tr = self.tr;
        tr.kids(k).any(|d| tr.base(d) == "det" && tr.lemma_is(d, &["all", "both", "each"]))
    }

    /// Both proper names of a person or organisation, of the same kind.
    fn same_kind_names(&self, h: usize, a: usize) -> bool {
        let tr = self.tr;
        if tr.upos(h) != "PROPN" || tr.upos(a) != "PROPN" || tr.kids(a).any(|k| tr.base(k) == "det") {
            return false;
        }
        let kind_of = |i: usize| {
            let (s, e) = self.ment_at(i)?;
            (s..e).find_map(|j| self.kind.get(j).copied().flatten())
        };
        let (Some(x), Some(y)) = (kind_of(h), kind_of(a)) else { return false };
        x == y
            && matches!(
                x,
                EntityType::Person | EntityType::Organization | EntityType::Company | EntityType::GovernmentBody | EntityType::ArmedGroup
            )
    }

    /// `opened a case against the driver and detained him`, `obtained the messages and released
    /// them`: a third-person object pronoun of a verb coordinated onto an earlier verb with the
    /// same subject stands for that verb's object, when the two agree (`it` a singular thing,
    /// `them` a plural or a list, `him`/`her` a person of no contrary gender). `k` is the pronoun,
    /// `v` the verb it is the object of (the clause's predicate, a `conj`). The earlier verb is
    /// the nearest conjunct before `v` (or the head of the coordination); it must have a noun
    /// object before `v` and no clausal complement (`said many areas lost power, and might not
    /// get them back`: the areas are no object of `said`). None when anything does not fit, and
    /// the resolver decides as before.
    pub(super) fn coordinated_pronoun_object(&self, v: usize, k: usize) -> Option<Part> {
        use crate::nlp::coref::attributes::Gender as G;
        use crate::resolve::names::Gender::{Female, Male};
        let tr = self.tr;
        let pron = tr.form(k).to_lowercase();
        if tr.upos(k) != "PRON" || !matches!(pron.as_str(), "it" | "them" | "him" | "her") || tr.has_feat(k, "Poss=Yes") {
            return None;
        }
        if tr.rel(v) != "conj" || tr.upos(v) != "VERB" || tr.kids(v).any(|x| is_subj_rel(tr.rel(x))) {
            return None;
        }
        let h = tr.head[v];
        if h == NONE || tr.upos(h) != "VERB" {
            return None;
        }
        // the nearest earlier conjunct (`declared X, shut down Y and later banned them`)
        let prev = tr.kids(h).filter(|&x| x < v && tr.rel(x) == "conj" && tr.upos(x) == "VERB").max().unwrap_or(h);
        if prev != h && tr.kids(prev).any(|x| is_subj_rel(tr.rel(x))) {
            return None;
        }
        if tr.kids(prev).any(|x| tr.base(x) == "ccomp") {
            return None;
        }
        // `help them understand`, `expect them to return`: the pronoun is the subject of the
        // verb's complement too, a person
        let controls = tr.kids(v).any(|x| tr.base(x) == "xcomp");
        let objs: Vec<usize> = tr.kids(prev).filter(|&x| tr.base(x) == "obj" && x < v).collect();
        let personal = matches!(pron.as_str(), "him" | "her");
        let fits = |o: usize| {
            if !matches!(tr.upos(o), "NOUN" | "PROPN") {
                return false;
            }
            let kind = self.ment_at(o).and_then(|(s, e)| (s..e).find_map(|j| self.kind.get(j).copied().flatten()));
            let lemma = tr.lemma(o).to_lowercase();
            let learned = crate::nlp::coref::Coref::embedded().ok().and_then(|m| m.attributes().noun(&lemma).copied());
            let animacy = learned.and_then(|c| (c.etype_total() >= 3).then(|| c.animacy()).flatten());
            let gender = learned.map_or(G::Unknown, |c| c.gender());
            let stated = crate::resolve::names::person_noun_gender(&lemma);
            let person = kind == Some(EntityType::Person)
                || (tr.upos(o) == "NOUN" && (self.role_word_at(o).is_some() || stated.is_some() || animacy.is_some_and(|a| a >= 0.9)));
            let plural = tr.has_feat(o, "Number=Plur") || tr.kids(o).any(|x| tr.rel(x) == "conj" && matches!(tr.upos(x), "NOUN" | "PROPN"));
            match pron.as_str() {
                _ if controls && !person => false,
                "it" => !person && !plural && animacy.is_none_or(|a| a < 0.5) && !matches!(gender, G::Masculine | G::Feminine),
                "them" => plural,
                "him" => person && !plural && !matches!(gender, G::Feminine | G::Neuter) && stated.is_none_or(|g| g == Male),
                _ => person && !plural && !matches!(gender, G::Masculine | G::Neuter) && stated.is_none_or(|g| g == Female),
            }
        };
        let o = if personal {
            // a person may also be the earlier verb's oblique or its object's modifier (`opened
            // a case against the driver and detained him`): the one person there
            let mut cands: Vec<usize> = objs.clone();
            cands.extend(tr.kids(prev).filter(|&x| matches!(tr.base(x), "obl" | "iobj") && x < v));
            for &o in &objs {
                cands.extend(tr.kids(o).filter(|&x| tr.base(x) == "nmod" && x < v));
            }
            let people: Vec<usize> = cands.into_iter().filter(|&x| fits(x)).collect();
            let [o] = people[..] else { return None };
            o
        } else {
            let [o] = objs[..] else { return None };
            if !fits(o) {
                return None;
            }
            o
        };
        // (an oblique's or a possessor's own preposition or `'s` is no part of the object)
        Some(if matches!(tr.base(o), "obj" | "iobj") { self.arg_part(o, prev, false) } else { self.np(o, true) })
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::facts;
    use crate::extract::tests::{find, show, triples};

    fn subjects(spec: &str) -> Vec<String> {
        let mut v: Vec<String> = facts(spec, "").into_iter().map(|(s, _, _)| s).collect();
        v.sort();
        v.dedup();
        v
    }

    #[test]
    fn comma_list_misparsed_as_apposition() {
        // `A, B and C signed the treaty`, parsed A ←appos B ←conj C
        let spec = "[[Ann/PROPN/9/nsubj Bell]]/PROPN/1/flat ,/PUNCT/4/punct [[Carl/PROPN/1/appos Dunn]]/PROPN/4/flat \
                    and/CCONJ/7/cc [[Eve/PROPN/4/conj Ford]]/PROPN/7/flat signed/VERB/0/root \
                    the/DET/11/det treaty/NOUN/9/obj ./PUNCT/9/punct";
        assert_eq!(subjects(spec), vec!["Ann Bell", "Carl Dunn", "Eve Ford"]);
    }

    #[test]
    fn a_counted_noun_takes_the_names_that_close_its_phrase() {
        // `The council has dismissed two mayors in the history of Norvia, Ivo Oster and Ben
        // Tarrow`, the names parsed as conjuncts of `Norvia` (invented)
        let spec = |n: &str| {
            format!(
                "The/DET/2/det council/NOUN/4/nsubj has/AUX/4/aux dismissed/VERB/0/root {n}/NUM/6/nummod mayors/NOUN/4/obj \
                 in/ADP/9/case the/DET/9/det history/NOUN/6/nmod of/ADP/11/case <<Norvia>>/PROPN/9/nmod ,/PUNCT/13/punct \
                 [[Ivo/PROPN/11/conj Oster]]/PROPN/13/flat and/CCONJ/16/cc [[Ben/PROPN/11/conj Tarrow]]/PROPN/16/flat ./PUNCT/4/punct"
            )
        };
        let objects = |spec: &str| facts(spec, "").into_iter().filter(|(s, _, _)| s == "council").map(|(_, _, o)| o).collect::<Vec<_>>();
        let got = objects(&spec("two"));
        assert!(got.contains(&"Ivo Oster".to_string()) && got.contains(&"Ben Tarrow".to_string()), "{got:?}");
        // must not: the number does not count the names (three mayors, two names)
        let got = objects(&spec("three"));
        assert!(!got.iter().any(|o| o == "Ivo Oster" || o == "Ben Tarrow"), "{got:?}");
    }

    #[test]
    fn a_gapped_clause_subject_is_no_member_of_the_object() {
        // `Snails need 2 g per day, marsh crabs such as fiddlers 5 g per day.` (invented)
        let spec = "Snails/NOUN/2/nsubj need/VERB/0/root 2/NUM/4/nummod g/NOUN/2/obj per/ADP/6/case day/NOUN/4/nmod ,/PUNCT/9/punct \
                    marsh/NOUN/9/compound crabs/NOUN/4/conj such/ADJ/12/case as/ADP/10/fixed fiddlers/NOUN/4/nmod 5/NUM/14/nummod \
                    g/NOUN/12/conj per/ADP/16/case day/NOUN/14/nmod ./PUNCT/2/punct";
        let got = facts(spec, "");
        assert!(got.iter().any(|(s, _, o)| s.eq_ignore_ascii_case("snails") && o == "2 g per day"), "{got:?}");
        assert!(!got.iter().any(|(_, _, o)| o == "marsh crabs"), "{got:?}");
        // must give nothing away: a list member before a conjunction and another amount
        let spec = "Ivo/PROPN/3/nsubj Oster/PROPN/1/flat bought/VERB/0/root 3/NUM/5/nummod apples/NOUN/3/obj ,/PUNCT/7/punct \
                    bread/NOUN/5/conj and/CCONJ/10/cc 2/NUM/10/nummod kg/NOUN/5/conj ./PUNCT/3/punct";
        let got = facts(spec, "");
        assert!(got.iter().any(|(_, _, o)| o == "bread"), "{got:?}");
    }

    #[test]
    fn subject_stranded_in_a_coordination_starts_the_next_clause() {
        // `Jo Ames quit on Monday and Kim Lowe was appointed`, parsed with `Kim Lowe` a conjunct
        // of `Monday` and `appointed` an adverbial clause of `quit`
        let spec = "[[Jo/PROPN/3/nsubj Ames]]/PROPN/1/flat quit/VERB/0/root on/ADP/5/case Monday/PROPN/3/obl \
                    and/CCONJ/8/cc [[Kim/PROPN/8/compound Lowe]]/PROPN/5/conj was/AUX/10/aux:pass \
                    appointed/VERB/3/advcl ./PUNCT/3/punct";
        let got = facts(spec, "");
        assert!(got.iter().any(|(s, r, _)| s == "Kim Lowe" && r.contains("appoint")), "{got:?}");
        assert!(!got.iter().any(|(s, r, o)| s == "Jo Ames" && (r.contains("appoint") || o == "Kim Lowe")), "{got:?}");
    }

    /// `Ann and Eve met on Monday.` (invented)
    const MET_ON_MONDAY: &str = "
        Ann Ann PROPN NNP 4 nsubj
        and and CCONJ CC 3 cc
        Eve Eve PROPN NNP 1 conj
        met meet VERB VBD 0 root VerbForm=Fin
        on on ADP IN 6 case
        Monday Monday PROPN NNP 4 obl
        . . PUNCT . 4 punct";

    #[test]
    fn coordinated_subjects_of_a_symmetric_verb_did_it_with_each_other() {
        let ts = triples(MET_ON_MONDAY);
        find(&ts, "Ann", "met with", Some("Eve"));
        find(&ts, "Eve", "met with", Some("Ann"));
        assert!(!ts.iter().any(|t| t.subject.text.contains(" and ")), "{}", show(&ts));
        // must give no pair when another partner is named (`… met with Kim`): each met Kim
        let with_kim = MET_ON_MONDAY.replace("on on ADP", "with with ADP").replace("Monday Monday", "Kim Kim");
        let ts = triples(&with_kim);
        assert!(!ts.iter().any(|t| t.subject.text == "Ann" && t.object.as_ref().is_some_and(|o| o.text == "Eve")), "{}", show(&ts));
        find(&ts, "Eve", "met with", Some("Kim"));
        find(&ts, "Ann", "met with", Some("Kim"));
        // nor for a verb that is no mutual event (`… signed on Monday`)
        let signed = MET_ON_MONDAY.replace("met meet", "signed sign");
        let ts = triples(&signed);
        assert!(!ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "Eve")), "{}", show(&ts));
    }

    #[test]
    fn coordinated_subjects_of_a_mutual_event_each_keep_its_topic() {
        // `Ann and Eve agreed on a border.` (invented): the pair fact alone lost the border
        let agreed = MET_ON_MONDAY.replace("met meet", "agreed agree").replace("Monday Monday PROPN NNP", "border border NOUN NN");
        let agreed = agreed.replace("on on ADP IN 6 case", "on on ADP IN 7 case\n        a a DET DT 7 det").replace("border border NOUN NN 4 obl", "border border NOUN NN 4 obl").replace(". . PUNCT . 4 punct", ". . PUNCT . 4 punct");
        let ts = triples(&agreed);
        find(&ts, "Ann", "agreed with", Some("Eve"));
        for who in ["Ann", "Eve"] {
            assert!(ts.iter().any(|t| t.subject.text == who && t.relation == "agreed on" && t.object.as_ref().is_some_and(|o| o.text == "border")), "{}", show(&ts));
        }
        // a date after `on` is when they met, no topic
        let ts = triples(MET_ON_MONDAY);
        assert!(!ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "Monday") && t.subject.text == "Ann"), "{}", show(&ts));
        // speech takes its topic with `about`: `spoke on the phone` is how
        let spoke = agreed.replace("agreed agree", "spoke speak").replace("border border NOUN NN", "phone phone NOUN NN").replace("a a DET DT", "the the DET DT");
        let ts = triples(&spoke);
        assert!(!ts.iter().any(|t| t.subject.text == "Ann" && t.object.as_ref().is_some_and(|o| o.text == "phone")), "{}", show(&ts));
    }

    #[test]
    fn a_name_coordinated_onto_an_object_starts_the_clause_hung_as_a_complement() {
        // `Ada Nyx confirmed its first case and Bo Lund had its first death`, parsed with `Bo Lund`
        // a conjunct of `case` and `had` a complement of `confirmed`
        let spec = "[[Ada/PROPN/3/nsubj Nyx]]/PROPN/1/flat confirmed/VERB/0/root its/PRON/6/nmod:poss first/ADJ/6/amod \
                    case/NOUN/3/obj and/CCONJ/8/cc [[Bo/PROPN/6/conj Lund]]/PROPN/8/flat had/VERB/3/ccomp \
                    its/PRON/13/nmod:poss first/ADJ/13/amod death/NOUN/10/obj ./PUNCT/3/punct";
        let (mut s, m) = super::super::testkit::sentence(spec);
        s.tokens[9].feats = "VerbForm=Fin".into();
        let got: Vec<(String, String, String)> = crate::extract::Extractor::new()
            .extract(&s, &m)
            .into_iter()
            .map(|t| (t.subject.text, t.relation, t.object.map(|o| o.text).unwrap_or_default()))
            .collect();
        assert!(got.iter().any(|(s, r, o)| s == "Bo Lund" && r == "had" && o.contains("death")), "{got:?}");
        assert!(!got.iter().any(|(_, _, o)| o == "Bo Lund"), "{got:?}");
    }

    #[test]
    fn names_after_a_description_are_the_members() {
        // `Ann Bell worked with fellow players Carl Dunn and Eve Ford`, with `Carl Dunn` hung on
        // `players` as a modifier and `Eve Ford` a conjunct of it
        let spec = "[[Ann/PROPN/3/nsubj Bell]]/PROPN/1/flat worked/VERB/0/root with/ADP/6/case fellow/ADJ/6/amod \
                    players/NOUN/3/obl [[Carl/PROPN/8/compound Dunn]]/PROPN/6/nmod and/CCONJ/10/cc \
                    [[Eve/PROPN/8/conj Ford]]/PROPN/10/flat ./PUNCT/3/punct";
        let got = facts(spec, "");
        assert!(got.iter().any(|(s, r, o)| s == "Ann Bell" && r == "worked with" && o == "Carl Dunn"), "{got:?}");
        assert!(got.iter().any(|(s, r, o)| s == "Ann Bell" && r == "worked with" && o == "Eve Ford"), "{got:?}");
        // must give no name for a modifier with a preposition (`players from Nordia`)
        let from = "[[Ann/PROPN/3/nsubj Bell]]/PROPN/1/flat worked/VERB/0/root with/ADP/6/case fellow/ADJ/6/amod \
                    players/NOUN/3/obl from/ADP/8/case <<Nordia>>/PROPN/6/nmod ./PUNCT/3/punct";
        let got = facts(from, "");
        assert!(!got.iter().any(|(s, _, o)| s == "Ann Bell" && o == "Nordia"), "{got:?}");
    }

    #[test]
    fn both_from_a_place_after_a_list_is_no_member() {
        // `Tom Judge and Lea Marshal, both from Ostrava, won the award`, parsed with `Ostrava` a
        // conjunct of the list (invented sentence)
        let spec = "[[Tom/PROPN/11/nsubj Judge]]/PROPN/1/flat and/CCONJ/4/cc [[Lea/PROPN/1/conj Marshal]]/PROPN/4/flat \
                    ,/PUNCT/9/punct both/CCONJ/9/cc:preconj from/ADP/9/case <<Ostrava>>/PROPN/1/conj ,/PUNCT/1/punct \
                    won/VERB/0/root the/DET/13/det award/NOUN/11/obj ./PUNCT/11/punct";
        assert_eq!(subjects(spec), vec!["Lea Marshal", "Tom Judge"]);
        // members that share the preposition stay members: `with Tom Judge and with Lea Marshal`
        let spec = "Ivo/PROPN/2/nsubj met/VERB/0/root with/ADP/4/case [[Tom/PROPN/2/obl Judge]]/PROPN/4/flat \
                    and/CCONJ/8/cc with/ADP/8/case [[Lea/PROPN/4/conj Marshal]]/PROPN/8/flat ./PUNCT/2/punct";
        let got = facts(spec, "");
        assert!(got.iter().any(|(_, _, o)| o.contains("Lea Marshal")), "{got:?}");
    }

    #[test]
    fn title_apposition_and_summary_are_no_members() {
        // `Ann Bell, the mayor, and Eve Ford signed it, all Greens`: the mayor is Ann Bell
        let spec = "[[Ann/PROPN/10/nsubj Bell]]/PROPN/1/flat ,/PUNCT/5/punct the/DET/5/det mayor/NOUN/1/appos \
                    ,/PUNCT/8/punct and/CCONJ/8/cc [[Eve/PROPN/1/conj Ford]]/PROPN/8/flat signed/VERB/0/root \
                    the/DET/12/det treaty/NOUN/10/obj ,/PUNCT/15/punct all/DET/15/det Greens/PROPN/1/conj ./PUNCT/10/punct";
        let got = subjects(spec);
        assert!(got.contains(&"Ann Bell".to_string()) && got.contains(&"Eve Ford".to_string()), "{got:?}");
        assert!(!got.iter().any(|s| s.contains("mayor") || s.contains("Greens")), "{got:?}");
    }

    fn facts_with_plurals(spec: &str, plural: &[usize]) -> Vec<(String, String, String)> {
        let (mut s, m) = super::super::testkit::sentence(spec);
        for &i in plural {
            s.tokens[i].feats = "Number=Plur".into();
        }
        crate::extract::Extractor::new()
            .extract(&s, &m)
            .into_iter()
            .map(|t| (t.subject.text, t.relation, t.object.map(|o| o.text).unwrap_or_default()))
            .collect()
    }

    #[test]
    fn a_pronoun_object_of_a_coordinated_verb_is_the_earlier_verbs_object() {
        // `The Norvia Center obtained the letters and released them on Monday` (invented)
        let spec = "The/DET/3/det Norvia/PROPN/3/compound {{Center}}/PROPN/4/nsubj obtained/VERB/0/root the/DET/6/det \
                    letters/NOUN/4/obj and/CCONJ/8/cc released/VERB/4/conj them/PRON/8/obj on/ADP/11/case \
                    Monday/PROPN/8/obl ./PUNCT/4/punct";
        let got = facts_with_plurals(spec, &[5, 8]);
        assert!(got.iter().any(|(_, r, o)| r == "released" && o == "letters"), "{got:?}");
        // `it` is no plural object: `sold the houses and regretted it`
        let spec = "[[Mara/PROPN/3/nsubj Vellin]]/PROPN/1/flat sold/VERB/0/root the/DET/5/det houses/NOUN/3/obj \
                    and/CCONJ/7/cc regretted/VERB/3/conj it/PRON/7/obj ./PUNCT/3/punct";
        let got = facts_with_plurals(spec, &[4]);
        assert!(!got.iter().any(|(_, r, o)| r == "regretted" && o == "houses"), "{got:?}");
    }

    #[test]
    fn him_after_a_coordinated_verb_is_the_one_person_of_the_earlier_verb() {
        // `Police opened a case against the driver and detained him` (invented)
        let spec = "Police/NOUN/2/nsubj opened/VERB/0/root a/DET/4/det case/NOUN/2/obj against/ADP/7/case \
                    the/DET/7/det driver/NOUN/2/obl and/CCONJ/9/cc detained/VERB/2/conj him/PRON/9/obj ./PUNCT/2/punct";
        let got = facts_with_plurals(spec, &[]);
        assert!(got.iter().any(|(_, r, o)| r == "detained" && o == "driver"), "{got:?}");
        // a thing is no `him`: `Ivo Oster sent the file and thanked him`
        let spec = "[[Ivo/PROPN/3/nsubj Oster]]/PROPN/1/flat sent/VERB/0/root the/DET/5/det file/NOUN/3/obj \
                    and/CCONJ/7/cc thanked/VERB/3/conj him/PRON/7/obj ./PUNCT/3/punct";
        let got = facts_with_plurals(spec, &[]);
        assert!(!got.iter().any(|(_, r, o)| r == "thanked" && o == "file"), "{got:?}");
    }
}
