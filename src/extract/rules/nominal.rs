//! Nominal relations without a verb: possessives (`Ferrer's visa` → has), nouns with a
//! prepositional complement (`US strikes on Iran`), `nmod:in` (`industries in Kabul`), adjective
//! readings (`amod`), and a symmetric verb whose subject is a collective (`the two sides will
//! meet` after `between X and Y`) read as X – meet with – Y. The `nmod:in`, `amod` and
//! possessive readings go to CaRB only.
//!
//! In: a noun token (or the propositions found so far, for collective readings). Out: [`Prop`]s.

use super::*;

impl Rules<'_, '_> {
    /// `Hale's military offensive against Venezuela`, `US strikes on Iran`, `Ferrer's visa` (has).
    pub fn nominal_props(&self, n: usize, out: &mut Vec<Prop>) {
        let tr = self.tr;
        if tr.upos(n) != "NOUN" {
            return;
        }
        let agent = tr
            .kids(n)
            .find(|&k| tr.rel(k) == "nmod:poss" && !tr.lemma_is(k, &["whose"]))
            .map(|k| (k, "nominal:poss"))
            .or_else(|| {
                tr.kids(n)
                    .find(|&k| tr.base(k) == "compound" && tr.upos(k) == "PROPN" && k + 1 == n)
                    .map(|k| (k, "nominal:compound"))
            });
        // inherit the possessor of the first conjunct (`offensive against X and threats to Y`)
        let agent = agent.or_else(|| {
            let h = tr.head[n];
            if tr.rel(n) == "conj" && h != NONE && tr.upos(h) == "NOUN" {
                tr.kids(h)
                    .find(|&k| tr.rel(k) == "nmod:poss" && !tr.lemma_is(k, &["whose"]))
                    .map(|k| (k, "nominal:poss"))
            } else {
                None
            }
        });
        if let Some((a, rule)) = agent {
            // (`on his way to Vell`: a route, no act of its possessor)
            let generic = tr.lemma_is(a, &["world", "country", "nation", "city", "today", "year", "week", "its", "their"]) || tr.lemma_is(n, &["way", "route", "path"]);
            // `moved with her parents from Tarn`: where a relative is from is nothing the possessor
            // did (`her son with Ivo Oster` is)
            let kin = super::roles::is_kin_noun(&tr.lemma(n).to_lowercase());
            let apart = self.np(a, true);
            let mut found = false;
            if !generic {
                for m in tr.kids(n).filter(|&k| tr.base(k) == "nmod" && tr.rel(k) != "nmod:poss") {
                    let Some(c) = tr.kids(m).find(|&c| tr.base(c) == "case") else {
                        continue;
                    };
                    let prep = tr.lemma(c).to_lowercase();
                    let eventive = {
                        let l = tr.lemma(n).to_lowercase();
                        l.ends_with("ion") || l.ends_with("ment") || l.ends_with("al") || l.ends_with("ance") || l.ends_with("ence")
                    };
                    if !matches!(
                        prep.as_str(),
                        "against" | "on" | "for" | "to" | "with" | "over" | "into" | "toward" | "towards" | "from" | "of" | "in" | "at"
                    ) {
                        continue;
                    }
                    if prep == "of" && !eventive {
                        continue;
                    }
                    if prep == "from" && kin {
                        continue;
                    }
                    if matches!(prep.as_str(), "in" | "at") {
                        continue;
                    }
                    if rule == "nominal:compound"
                        && !eventive
                        && !tr.lemma_is(
                            n,
                            &[
                                "strike",
                                "support",
                                "attack",
                                "aid",
                                "sanction",
                                "tariff",
                                "offensive",
                                "invasion",
                                "ban",
                                "deal",
                                "pressure",
                                "threat",
                                "war",
                                "raid",
                                "bombing",
                                "pact",
                                "talks",
                                "campaign",
                                "investment",
                                "demand",
                                "bid",
                                "plan",
                                "policy",
                                "embargo",
                                "troops",
                                "deployment",
                                "airstrike",
                                "missile",
                            ],
                        )
                    {
                        continue;
                    }
                    let mods: Vec<String> = self
                        .amods(n)
                        .iter()
                        .filter(|&&x| x != a)
                        .map(|&m| tr.form(m).to_lowercase())
                        .collect();
                    let words = format!("{} {}", tr.form(n).to_lowercase(), prep);
                    let lit = Lit {
                        words,
                        verb: None,
                        noun: Some(tr.lemma(n).to_lowercase()),
                        mods,
                        prep: Some(prep),
                    };
                    let mut p = self.lit_prop(rule, n, apart.clone(), lit, self.np(m, true), 0.55);
                    p.carb = false;
                    out.push(p);
                    found = true;
                    break;
                }
            }
            // `X's Y` → X has Y (CaRB only; pronoun possessors skipped)
            if rule == "nominal:poss" && tr.upos(a) != "PRON" && tr.head[a] == n && !found {
                let mut y = self.np(n, false);
                y.toks.retain(|&x| x != a && !(tr.head[x] == a) && !tr.ancestor_of(a, x));
                let lit = Lit {
                    words: "has".into(),
                    verb: Some("have"),
                    ..Default::default()
                };
                let mut p = self.lit_prop("poss:has", n, apart, lit, y, 0.3);
                p.graph = false;
                out.push(p);
            }
        }
        // `feud between X and Y` → X feud with Y
        if let Some(m) = tr
            .kids(n)
            .find(|&k| tr.base(k) == "nmod" && tr.kids(k).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &["between"])))
        {
            if let Some(y) = tr.kids(m).find(|&k| tr.rel(k) == "conj") {
                let words = format!("{} with", tr.form(n).to_lowercase());
                let lit = Lit {
                    words,
                    verb: None,
                    noun: Some(tr.lemma(n).to_lowercase()),
                    mods: Vec::new(),
                    prep: Some("with".into()),
                };
                let mut xp = self.np(m, true);
                xp.toks.retain(|&x| !tr.ancestor_of(y, x));
                xp.min.retain(|&x| !tr.ancestor_of(y, x));
                let mut p = self.lit_prop("nominal:between", n, xp, lit, self.np(y, false), 0.5);
                p.carb = false;
                out.push(p);
            }
        }
    }

    /// `textile industries in Kabul` → textile industries – are in – Kabul (CaRB only, low confidence).
    /// `Y's first victim was X`, `the firm's founder is X`: a name as the predicate of a
    /// possessed noun is that noun of the possessor (X – `first victim of` – Y). Graph only.
    pub fn possessed_name_props(&self, p: usize, out: &mut Vec<Prop>) {
        let tr = self.tr;
        if tr.upos(p) != "PROPN" || !tr.kids(p).any(|k| tr.base(k) == "cop" && tr.lemma_is(k, &["be"])) || self.negation_of(p).is_some() {
            return;
        }
        // (the tagger may read the head of `chief executive` as an adjective)
        let Some(s) = tr.kids(p).find(|&k| k < p && tr.rel(k) == "nsubj" && matches!(tr.upos(k), "NOUN" | "ADJ")) else { return };
        let Some(poss) = tr.kids(s).find(|&k| k < s && tr.rel(k) == "nmod:poss") else { return };
        let y = if tr.lemma_is(poss, &["whose"]) {
            // `Y, whose chairman is X, …`: Y is the noun phrase right before `whose`, wherever the
            // parser hung the clause (a relative clause, an apposition, a conjunct, or even the
            // root with Y as a second subject)
            let Some(before) = (0..poss).rev().find(|&x| tr.upos(x) != "PUNCT") else { return };
            let a = tr.phrase_head(before);
            if a >= poss || !matches!(tr.upos(a), "NOUN" | "PROPN") {
                return;
            }
            a
        } else if matches!(tr.upos(poss), "NOUN" | "PROPN") && tr.upos(s) == "NOUN" {
            poss
        } else {
            return;
        };
        let mods: Vec<String> = self.amods(s).iter().filter(|&&m| m > poss).map(|&m| tr.form(m).to_lowercase()).collect();
        let mut words: Vec<String> = mods.clone();
        // a hyphenated noun (`commander-in-chief`) keeps its parts
        let mut end = s;
        while end + 2 < p && tr.form(end + 1) == "-" && tr.ancestor_of(s, end + 2) {
            end += 2;
        }
        words.push((s..=end).map(|x| tr.form(x).to_lowercase()).collect::<String>());
        words.push("of".into());
        let lit = Lit {
            words: words.join(" "),
            verb: None,
            noun: Some(tr.lemma(s).to_lowercase()),
            mods,
            prep: Some("of".into()),
        };
        // the name alone (the predicate heads the whole clause)
        // (the words of the name hang on it through `flat`/`compound` arcs, maybe chained)
        let in_name = |x: usize| {
            let mut y = x;
            for _ in 0..8 {
                if y >= tr.len() || !matches!(tr.base(y), "flat" | "compound") {
                    return false;
                }
                y = tr.head[y];
                if y == p {
                    return true;
                }
            }
            false
        };
        let keep = |x: usize| x == p || self.ment_at(p).is_some_and(|(a, b)| a <= x && x < b) || in_name(x);
        let mut name = self.np(p, true);
        name.toks.retain(|&x| keep(x));
        name.min.retain(|&x| keep(x));
        // a title the parser made the head (`President Ana Berg` headed by `President`)
        if (tr.form_is(p, TITLES) || tr.lemma_is(p, TITLES)) && name.toks.iter().any(|&x| x > p) {
            name.toks.retain(|&x| x != p);
            name.min = name.toks.clone();
        }
        let mut q = self.lit_prop("nominal:possessed-name", p, name, lit, self.np(y, true), 0.6);
        q.carb = false;
        out.push(q);
    }

    pub fn nmod_in_props(&self, n: usize, out: &mut Vec<Prop>) {
        let tr = self.tr;
        if !matches!(tr.upos(n), "NOUN" | "PROPN") {
            return;
        }
        for m in tr.kids(n).filter(|&k| tr.rel(k) == "nmod" && k > n && tr.upos(k) == "PROPN") {
            let Some(c) = tr
                .kids(m)
                .find(|&c| tr.base(c) == "case" && tr.lemma_is(c, &["in", "at", "near", "on"]))
            else {
                continue;
            };
            let mut subj = self.np(n, true);
            subj.toks.retain(|&x| !tr.ancestor_of(m, x));
            let obj = self.np(m, true);
            let verb = if tr.has_feat(n, "Number=Plur") { "are" } else { "is" };
            let words = format!("{verb} {}", tr.form(c));
            let mut p = self.lit_prop(
                "nmod:in",
                m,
                subj,
                Lit {
                    words,
                    verb: Some("be"),
                    ..Default::default()
                },
                obj,
                0.3,
            );
            p.graph = false;
            out.push(p);
        }
    }

    /// `the comical contradictions` → contradictions – are – comical (CaRB only, low confidence).
    pub fn amod_props(&self, n: usize, out: &mut Vec<Prop>) {
        let tr = self.tr;
        if !matches!(tr.upos(n), "NOUN" | "PROPN") {
            return;
        }
        for a in tr.kids(n).filter(|&k| tr.base(k) == "amod" && tr.upos(k) == "ADJ" && k < n) {
            if tr.lemma_is(
                a,
                &[
                    "former",
                    "other",
                    "such",
                    "many",
                    "same",
                    "first",
                    "last",
                    "next",
                    "previous",
                    "own",
                    "main",
                    "certain",
                    "only",
                    "several",
                    "few",
                    "much",
                    "more",
                    "most",
                    "late",
                    "early",
                    "total",
                    "overall",
                    "particular",
                    "various",
                    "new",
                    "old",
                ],
            ) || tr.t[a].xpos != "JJ"
            {
                continue;
            }
            let mut subj = self.np(n, true);
            subj.toks
                .retain(|&x| !tr.ancestor_of(a, x) && !(tr.head[x] == n && matches!(tr.base(x), "acl")));
            tr.tidy(&mut subj.toks);
            let adj: Vec<usize> = tr.phrase(a, &|_| false);
            let obj = Part {
                head: a,
                min: adj.clone(),
                toks: adj,
                poss_after: None,
                text: None,
            };
            let verb = if tr.has_feat(n, "Number=Plur") { "are" } else { "is" };
            let mut p = self.lit_prop(
                "amod",
                a,
                subj,
                Lit {
                    words: verb.into(),
                    verb: Some("be"),
                    ..Default::default()
                },
                obj,
                0.22,
            );
            p.graph = false;
            out.push(p);
        }
    }

    /// `the two ministers will talk` after `between X and Y` → X talk with Y.
    pub fn collective_props(&self, props: &[Prop], out: &mut Vec<Prop>) {
        let tr = self.tr;
        for p in props {
            if p.lit.is_some() || !p.graph {
                continue;
            }
            let s = p.subj.head;
            if s >= tr.len()
                || !tr.lemma_is(
                    s,
                    &[
                        "leader",
                        "country",
                        "side",
                        "nation",
                        "president",
                        "government",
                        "man",
                        "woman",
                        "party",
                    ],
                )
            {
                continue;
            }
            if !tr.kids(s).any(|k| tr.lemma_is(k, &["two", "both"])) {
                continue;
            }
            let verb = p.rel.iter().rev().find(|&&k| tr.lemma_is(k, SYMMETRIC_VERBS)).copied();
            let Some(verb) = verb else { continue };
            // the nearest `between X and Y` before the subject
            let Some(m) = (0..s).rev().find(|&k| {
                (tr.base(k) == "nmod" || tr.base(k) == "obl")
                    && tr.kids(k).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &["between"]))
                    && tr.kids(k).any(|c| tr.rel(c) == "conj")
            }) else {
                continue;
            };
            let Some(y) = tr.kids(m).find(|&k| tr.rel(k) == "conj") else {
                continue;
            };
            let mut xp = self.np(m, true);
            xp.toks.retain(|&x| !tr.ancestor_of(y, x));
            xp.min.retain(|&x| !tr.ancestor_of(y, x));
            let mut q = p.clone();
            q.rule = "collective";
            q.subj = xp;
            q.rel = p.rel.iter().copied().filter(|&k| k <= verb).collect();
            q.lit = None;
            let obj = self.np(y, false);
            q.slots.retain(|s| !matches!(s.kind, Kind::Obj | Kind::Comp | Kind::Clause));
            q.slots.insert(
                0,
                Slot {
                    kind: Kind::Obl,
                    part: obj,
                    case: Vec::new(),
                },
            );
            q.conf *= 0.6;
            q.carb = false;
            q.lit = None;
            q.reporting = false;
            out.push(q);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::{find, show, triples};

    /// `The club's first coach was Ola Berg.` (invented)
    const FIRST_COACH: &str = "
        The the DET DT 2 det
        club club NOUN NN 5 nmod:poss
        's 's PART POS 2 case
        first first ADJ JJ 5 amod
        coach coach NOUN NN 7 nsubj
        was be AUX VBD 7 cop
        Ola Ola PROPN NNP 0 root
        Berg Berg PROPN NNP 7 flat
        . . PUNCT . 7 punct";

    #[test]
    fn a_way_to_a_place_is_no_act_of_its_possessor() {
        // `Oster stopped in Vell on his way to Tarn.` (invented)
        let ts = triples(
            "
            Oster Oster PROPN NNP 2 nsubj
            stopped stop VERB VBD 0 root
            in in ADP IN 4 case
            Vell Vell PROPN NNP 2 obl
            on on ADP IN 7 case
            his his PRON PRP$ 7 nmod:poss
            way way NOUN NN 2 obl
            to to ADP IN 9 case
            Tarn Tarn PROPN NNP 7 nmod
            . . PUNCT . 2 punct",
        );
        assert!(!ts.iter().any(|t| t.relation.starts_with("way")), "{}", show(&ts));
    }

    #[test]
    fn a_name_predicated_of_a_possessed_noun_is_that_noun_of_the_possessor() {
        let ts = triples(FIRST_COACH);
        find(&ts, "Ola Berg", "first coach of", Some("club"));
        // must give nothing when negated, or for a pronoun possessor (`His first coach …`)
        let negated = "
            The the DET DT 2 det
            club club NOUN NN 5 nmod:poss
            's 's PART POS 2 case
            first first ADJ JJ 5 amod
            coach coach NOUN NN 8 nsubj
            was be AUX VBD 8 cop
            not not PART RB 8 advmod
            Ola Ola PROPN NNP 0 root
            Berg Berg PROPN NNP 8 flat
            . . PUNCT . 8 punct";
        let ts = triples(negated);
        assert!(!ts.iter().any(|t| t.relation.ends_with("coach of")), "{}", show(&ts));
        let his = FIRST_COACH
            .replace("The the DET DT 2 det\n        club club NOUN NN 5 nmod:poss\n        's 's PART POS 2 case", "His he PRON PRP$ 5 nmod:poss\n        old old ADJ JJ 5 amod\n        new new ADJ JJ 5 amod");
        let ts = triples(&his);
        assert!(!ts.iter().any(|t| t.relation.ends_with("coach of")), "{}", show(&ts));
    }

    /// `The Vela Guard, whose commander-in-chief is General Ivo Tamm, left.` (invented; the
    /// parser hangs the relative clause as an apposition of its antecedent)
    const WHOSE_COMMANDER: &str = "
        The the DET DT 3 det
        Vela Vela PROPN NNP 3 compound
        Guard Guard PROPN NNP 17 nsubj
        , , PUNCT , 14 punct
        whose whose PRON WP$ 6 nmod:poss
        commander commander NOUN NN 14 nsubj
        - - PUNCT HYPH 8 punct
        in in ADP IN 10 case
        - - PUNCT HYPH 8 punct
        chief chief NOUN NN 6 nmod
        is be AUX VBZ 14 cop
        General General PROPN NNP 14 nmod:desc
        Ivo Ivo PROPN NNP 14 compound
        Tamm Tamm PROPN NNP 3 appos
        , , PUNCT , 3 punct
        then then ADV RB 17 advmod
        left leave VERB VBD 0 root
        . . PUNCT . 17 punct";

    #[test]
    fn a_name_predicated_in_a_whose_clause_is_that_noun_of_the_antecedent() {
        let ts = triples(WHOSE_COMMANDER);
        find(&ts, "Ivo Tamm", "commander-in-chief of", Some("Vela Guard"));
        // the parser's root at the name, with the antecedent as a second subject
        let root = "
            The the DET DT 3 det
            Vela Vela PROPN NNP 3 compound
            Guard Guard PROPN NNP 8 nsubj
            — — PUNCT : 3 punct
            whose whose PRON WP$ 6 nmod:poss
            chief chief NOUN NN 8 nsubj
            is be AUX VBZ 8 cop
            Ivo Ivo PROPN NNP 0 root
            Tamm Tamm PROPN NNP 8 flat
            — — PUNCT : 8 punct
            left leave VERB VBD 8 acl
            . . PUNCT . 8 punct";
        let ts = triples(root);
        find(&ts, "Ivo Tamm", "chief of", Some("Vela Guard"));
        // a question has no antecedent: `Whose chief was Ivo Tamm?`
        let question = "
            Whose whose PRON WP$ 2 nmod:poss
            chief chief NOUN NN 5 nsubj
            was be AUX VBD 5 cop
            Ivo Ivo PROPN NNP 5 compound
            Tamm Tamm PROPN NNP 0 root
            ? ? PUNCT . 5 punct";
        let ts = triples(question);
        assert!(!ts.iter().any(|t| t.relation.ends_with("chief of")), "{}", show(&ts));
    }

    #[test]
    fn where_a_relative_is_from_is_no_act_of_the_possessor() {
        // `Oster moved to Tarn with his parents from Vell.` (invented)
        let from = "
            Oster Oster PROPN NNP 2 nsubj
            moved move VERB VBD 0 root VerbForm=Fin
            to to ADP IN 4 case
            Tarn Tarn PROPN NNP 2 obl
            with with ADP IN 7 case
            his he PRON PRP$ 7 nmod:poss
            parents parent NOUN NNS 2 obl
            from from ADP IN 9 case
            Vell Vell PROPN NNP 7 nmod
            . . PUNCT . 2 punct";
        let ts = triples(from);
        assert!(!ts.iter().any(|t| t.relation.contains("parent")), "{}", show(&ts));
        // `his son with Ana Ruiz` is his
        let with = from.replace("parents parent NOUN NNS", "son son NOUN NN").replace("from from ADP", "with with ADP").replace("Vell Vell", "Ruiz Ruiz");
        let ts = triples(&with);
        assert!(ts.iter().any(|t| t.relation.contains("son with")), "{}", show(&ts));
    }
}
