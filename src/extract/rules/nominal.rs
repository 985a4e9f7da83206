//! Nominal relations without a verb: possessives (`Ferrer's visa` → has), nouns with a
//! prepositional complement (`US strikes on Iran`), `nmod:in` (`industries in Kabul`), adjective
//! readings (`amod`), and a symmetric verb whose subject is a collective (`the two sides will
//! meet` after `between X and Y`) read as X – meet with – Y. The `nmod:in`, `amod` and
//! possessive readings go to CaRB only.
//!
//! In: a noun token (or the propositions found so far, for collective readings). Out: [`Prop`]s.

use super::*;

/// Verbs whose object goes to someone or somewhere named by a `to` phrase (giving, selling,
/// sending, telling, linking, changing a value): general English, closed class. A `to` phrase
/// the parser hung on a noun inside their object is the verb's (`gave her prize to her
/// coach`), no relation of that noun.
const SECOND_TO_VERBS: &[&str] = &[
    "give", "hand", "pass", "send", "sell", "lend", "owe", "pay", "offer", "deliver", "transfer", "return", "donate",
    "award", "grant", "present", "submit", "show", "mention", "explain", "describe", "report", "disclose", "reveal",
    "relay", "leak", "link", "tie", "connect", "attribute", "ascribe", "round", "move", "bring", "take", "lose", "compare",
    "liken", "add", "shift", "switch", "convert", "direct", "refer", "entrust", "assign", "dedicate", "lease", "rent",
];

/// Verbs whose object is shared with, compared with or replaced by what a `with` phrase names
/// (`discussed his findings with the panel`): general English, closed class.
const SECOND_WITH_VERBS: &[&str] = &["discuss", "share", "compare", "replace", "provide", "supply", "equip", "credit", "combine", "swap", "exchange"];

/// Media that carry what someone posts or says (`on Twitter`, `on the radio`): general English
/// nouns and the names of the large social platforms.
const MEDIA: &[&str] = &[
    "twitter", "facebook", "instagram", "youtube", "tiktok", "weibo", "wechat", "reddit", "linkedin", "telegram", "snapchat",
    "media", "website", "blog", "radio", "television", "tv", "podcast", "channel", "account", "site", "page", "platform",
];

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
                    // an event noun of a derivational suffix whose verb English has (`amendment`
                    // → amend; not `element`, `region`, `division`, `capital`)
                    let eventive = {
                        let l = tr.lemma(n).to_lowercase();
                        let suffixed = l.ends_with("ion") || l.ends_with("ment") || l.ends_with("al") || l.ends_with("ance") || l.ends_with("ence");
                        suffixed && super::deverbal::verb_of_noun(&l, &super::deverbal::known_verb).is_some()
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
                    // when or how much, said of the clause, not of a noun that names no event
                    // (`killed by his dogs on Tuesday`, `sat on her desk for two hours`, `won the
                    // state's delegates with 48%`; but `his arrest on Friday`)
                    let event = super::deverbal::verb_of_noun(&tr.lemma(n).to_lowercase(), &super::deverbal::known_verb).is_some();
                    if prep != "of" && !event && self.when_or_how_much(m) {
                        continue;
                    }
                    // the phrase is the verb's second argument, hung on a noun inside its object
                    // (`gave my medal to my coach`, `sold part of the firm's Tarn plant to Vell`,
                    // `flew from the island's capital to Brelk`)
                    if self.verb_phrase_inside_argument(n, m, &prep) {
                        continue;
                    }
                    // `shared his experience on Facebook`, `praised her endorsement on Twitter`:
                    // a medium after the verb's object is where the verb's act was done
                    if prep == "on" && tr.base(n) == "obj" && tr.lemma_is(m, MEDIA) {
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

    /// Whether the phrase headed by `m` says when, for how long or how much: a date, a number,
    /// a percentage, or a counted unit of time (`two minutes`, `three years`).
    fn when_or_how_much(&self, m: usize) -> bool {
        let tr = self.tr;
        const UNITS: &[&str] = &["second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "%", "percent"];
        self.is_date(m) || tr.upos(m) == "NUM" || (tr.lemma_is(m, UNITS) && tr.kids(m).any(|k| tr.base(k) == "nummod"))
    }

    /// Whether the `prep` phrase `m` on noun `n` belongs to the verb whose argument holds `n`:
    /// `n` is (or sits through `of`-like modifiers inside) the object of a verb of
    /// [`SECOND_TO_VERBS`] or [`SECOND_WITH_VERBS`] that has no such phrase of its own, and `m`
    /// names someone (a recipient or partner), or a `to` phrase sits on a noun
    /// inside a `from` phrase (the end of the route: `moved from the town's port to Vell`). Not
    /// when another such phrase follows `m` under the verb: that one is the verb's (`mentioned
    /// the envoy's visit to Tarn to the press`).
    fn verb_phrase_inside_argument(&self, n: usize, m: usize, prep: &str) -> bool {
        let tr = self.tr;
        let mut x = n;
        for _ in 0..4 {
            let h = tr.head[x];
            if h == NONE {
                return false;
            }
            if tr.upos(h) == "VERB" {
                let own = |p: &str| tr.kids(h).any(|k| tr.base(k) == "obl" && tr.kids(k).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &[p])));
                let from = tr.base(x) == "obl" && tr.kids(x).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &["from"]));
                let takes = match prep {
                    "to" => tr.lemma_is(h, SECOND_TO_VERBS),
                    "with" => tr.lemma_is(h, SECOND_WITH_VERBS),
                    _ => false,
                };
                let later = (m + 1..tr.len()).any(|k| tr.base(k) == "case" && tr.lemma_is(k, &[prep]) && tr.ancestor_of(h, k));
                // (a recipient or partner is someone: `mentioned the envoy's opposition to the
                // ban` keeps the noun's own complement)
                let party = self.can_act(m);
                return !own(prep) && !later && ((tr.base(x) == "obj" && takes && party) || (from && matches!(prep, "to" | "into")));
            }
            if !matches!(tr.base(x), "nmod" | "obj" | "obl") || !matches!(tr.upos(h), "NOUN" | "PROPN" | "NUM" | "PRON" | "VERB") {
                return false;
            }
            x = h;
        }
        false
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
    fn a_medium_after_a_possessed_object_is_where_the_verb_was_done() {
        // `Oster shared his story on Facebook .` (invented): no `Oster – story on – Facebook`
        let ts = triples(
            "
            Oster Oster PROPN NNP 2 nsubj
            shared share VERB VBD 0 root
            his his PRON PRP$ 4 nmod:poss
            story story NOUN NN 2 obj
            on on ADP IN 6 case
            Facebook Facebook PROPN NNP 4 nmod
            . . PUNCT . 2 punct",
        );
        assert!(!ts.iter().any(|t| t.relation.starts_with("story")), "{}", show(&ts));
        // must not: a topic after the object stays the noun's (`backed his ban on imports`)
        let ts = triples(
            "
            Oster Oster PROPN NNP 2 nsubj
            backed back VERB VBD 0 root
            his his PRON PRP$ 4 nmod:poss
            ban ban NOUN NN 2 obj
            on on ADP IN 6 case
            imports import NOUN NNS 4 nmod
            . . PUNCT . 2 punct",
        );
        assert!(ts.iter().any(|t| t.relation.starts_with("ban on")), "{}", show(&ts));
    }

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
    fn a_phrase_of_the_verb_hung_inside_its_object_is_no_relation_of_the_possessor() {
        // `Vellin sold part of Tarn's steel plant to Vell Group .` (invented): the buyer is the
        // verb's, not a relation of Tarn (`Tarn – steel plant to – Vell Group`)
        let sold = "
            Vellin Vellin PROPN NNP 2 nsubj
            sold sell VERB VBD 0 root
            part part NOUN NN 2 obj
            of of ADP IN 8 case
            Tarn Tarn PROPN NNP 8 nmod:poss
            's 's PART POS 5 case
            steel steel NOUN NN 8 compound
            plant plant NOUN NN 3 nmod
            to to ADP IN 11 case
            Vell Vell PROPN NNP 11 compound
            Group Group PROPN NNP 8 nmod
            . . PUNCT . 2 punct";
        let ts = triples(sold);
        assert!(!ts.iter().any(|t| t.relation.contains("plant to")), "{}", show(&ts));
        // `Oster was killed by his dogs on Tuesday .` (invented): when, not a relation of dogs
        let dogs = "
            Oster Oster PROPN NNP 3 nsubj:pass
            was be AUX VBD 3 aux:pass
            killed kill VERB VBN 0 root
            by by ADP IN 6 case
            his his PRON PRP$ 6 nmod:poss
            dogs dog NOUN NNS 3 obl
            on on ADP IN 8 case
            Tuesday Tuesday PROPN NNP 6 nmod
            . . PUNCT . 3 punct";
        let ts = triples(dogs);
        assert!(!ts.iter().any(|t| t.relation.starts_with("dog")), "{}", show(&ts));
        // `Tarrow mentioned Vellin's opposition to the ban .` (invented): a thing after `to` is
        // the noun's own complement, kept
        let opposition = "
            Tarrow Tarrow PROPN NNP 2 nsubj
            mentioned mention VERB VBD 0 root
            Vellin Vellin PROPN NNP 5 nmod:poss
            's 's PART POS 3 case
            opposition opposition NOUN NN 2 obj
            to to ADP IN 8 case
            the the DET DT 8 det
            ban ban NOUN NN 5 nmod
            . . PUNCT . 2 punct";
        let ts = triples(opposition);
        find(&ts, "Vellin", "opposition to", Some("ban"));
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
