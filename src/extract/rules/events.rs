//! Events whose agent is not the subject of the clause: a passive without a `by`-agent whose
//! event noun names the actor (`X was killed in a Norwegian airstrike` → Norway – killed –
//! X; `X was arrested in a police raid` → police – arrested – X).
//!
//! The event noun must be one: a noun English derives from a verb ([`super::deverbal`]), such as
//! `strike`, `raid`, `operation`, `bombing`; a place or a date never is. The actor is the noun's
//! possessor, a proper-noun compound (`a US strike`) or a demonym (`a Norwegian strike`, the
//! country).
//!
//! Light-verb events (`X made landfall in Y`, `X entered into an agreement with Y`, `X launched
//! an offensive against Y`): the event is the noun, and the fact relates the subject to the noun's
//! prepositional complement (X – made landfall in – Y), which the clause reading leaves as a place
//! qualifier or drops. The support verb may end a chain of `to`-infinitives (`X is expected to
//! make landfall in Y`: planned, as the chain is), and a place may hang on an `as` phrase between
//! (`X made landfall as a hurricane in Y`).
//!
//! In: the propositions the clause rules found. Out: [`Prop`]s (graph only).

use super::deverbal::{known_verb, verb_of_noun};
use super::*;

/// Prepositions that put an event around a passive (`killed in a strike`, `wounded during a
/// raid`, `destroyed by a strike` when the parser made `by` an ordinary oblique).
const EVENT_PREPS: &[&str] = &["in", "during", "by"];

/// Support verbs whose meaning lies in their object noun (general English light and support verbs
/// of event nouns: `make landfall`, `take part`, `launch an attack`, `reach a deal`, `hold talks`,
/// `enter into an agreement`, `file a lawsuit`, `pay tribute`, `play host to`, `play a role in`;
/// `claim responsibility for`, `claim victory in`: the claimed thing is no event, the complement is).
const SUPPORT_VERBS: &[&str] = &[
    "have", "hold", "launch", "carry", "conduct", "make", "take", "give", "wage", "stage", "mount", "reach", "strike", "sign",
    "enter", "file", "lodge", "pay", "open", "begin", "start", "play", "claim",
];

/// The nouns `claim` is a support verb of (`claimed responsibility for X`, `claimed victory in
/// X`, `claims sovereignty over X`): general English, closed class.
const CLAIMED_NOUNS: &[&str] = &["responsibility", "credit", "victory", "sovereignty", "ownership", "authorship"];

/// Verbs of giving: their receiver is the other end of the thing given (general English, closed
/// class; `deny`, `allow`, `show`, `teach` give no thing).
const GIVING_VERBS: &[&str] = &["give", "grant", "offer", "award", "hand", "send", "lend", "sell", "pay", "promise", "donate", "deliver"];

/// Prepositions that link an event noun to what it is about (`talks with`, `attack on`).
const COMPLEMENT_PREPS: &[&str] = &["with", "against", "into", "on", "in", "to", "over", "at", "for", "toward", "towards", "from"];

impl Rules<'_, '_> {
    /// Active readings of agentless passives whose oblique event noun names the actor.
    pub fn agent_noun_props(&self, props: &[Prop], out: &mut Vec<Prop>) {
        let tr = self.tr;
        for p in props {
            if !p.passive || p.lit.is_some() || !p.graph || p.pred >= tr.len() || tr.upos(p.pred) != "VERB" {
                continue;
            }
            if p.slots.iter().any(|s| matches!(s.kind, Kind::Agent | Kind::Obj)) {
                continue;
            }
            // an apposition before its own head (`X, son of Y founder Z, was killed` parsed with Z
            // as the subject) means the subject is mis-parsed: no agent reading of a wrong patient
            let h = p.subj.head;
            if h < tr.len() && (0..h).any(|x| tr.rel(x) == "appos" && tr.ancestor_of(h, x)) {
                continue;
            }
            let Some((si, actor)) = p.slots.iter().enumerate().find_map(|(i, s)| {
                if s.kind != Kind::Obl || !s.case.iter().any(|&c| tr.lemma_is(c, EVENT_PREPS)) {
                    return None;
                }
                self.event_actor(s.part.head).map(|a| (i, a))
            }) else {
                continue;
            };
            let mut q = p.clone();
            q.rule = "event:agent-noun";
            q.subj = actor;
            q.passive = false;
            // the verb and its negation, without the passive auxiliary
            q.rel.retain(|&k| !(tr.base(k) == "aux" && tr.rel(k) == "aux:pass") && tr.base(k) != "aux");
            q.slots.remove(si);
            q.slots.insert(0, Slot { kind: Kind::Obj, part: p.subj.clone(), case: Vec::new() });
            q.conf *= 0.8;
            q.carb = false;
            out.push(q);
        }
    }

    /// `X made landfall in Y` → X – made landfall in – Y; `X entered into an agreement with Y` →
    /// X – entered into agreement with – Y.
    pub fn light_verb_props(&self, props: &[Prop], out: &mut Vec<Prop>) {
        let tr = self.tr;
        for p in props {
            if p.lit.is_some() || !p.graph || p.pred >= tr.len() {
                continue;
            }
            // the support verb: the predicate, or the last verb of its `xcomp` chain (`is expected
            // to make landfall in Y`, `plans to file a lawsuit against Y`), in the active voice
            let v = self.chain_end(p);
            let passive = if v == p.pred { p.passive } else { tr.kids(v).any(|k| tr.rel(k) == "aux:pass") };
            if passive || tr.upos(v) != "VERB" || !tr.lemma_is(v, SUPPORT_VERBS) {
                continue;
            }
            // the event noun: the object, or the `into` oblique of `enter into`
            let Some(ni) = p.slots.iter().position(|s| {
                (s.kind == Kind::Obj || (s.kind == Kind::Obl && s.case.iter().any(|&c| tr.lemma_is(c, &["into"]))))
                    && tr.upos(s.part.head) == "NOUN"
                    && tr.head[s.part.head] == v
                    && !self.is_date(s.part.head)
                    // `took his stepfather's name`: a possessed thing, not an event
                    && !tr.kids(s.part.head).any(|k| tr.rel(k) == "nmod:poss" && tr.upos(k) != "PRON")
            }) else {
                continue;
            };
            let n = p.slots[ni].part.head;
            // `claim` supports only the nouns of laying claim (`claimed responsibility for`); it
            // also takes a life (`claimed 40 lives in X`) or a right (`claimed a right to X`)
            if tr.lemma_is(v, &["claim"]) && !tr.lemma_is(n, CLAIMED_NOUNS) {
                continue;
            }
            // its complement: a prepositional modifier of the noun — or of a role phrase between
            // (`made landfall as a hurricane in Y`, where the parser hangs `in Y` on `hurricane`) —,
            // or else an oblique of the verb
            let complement = |m: usize| m > n && tr.base(m) == "nmod" && tr.rel(m) != "nmod:poss" && self.complement_case(m).is_some();
            // (only a place there: `began the study as a response to X` is the response's `to`)
            let place = |m: usize| tr.kids(m).any(|c| c < m && tr.base(c) == "case" && tr.lemma_is(c, &["in", "on", "at"]));
            let own = tr.kids(n).find(|&m| complement(m)).or_else(|| {
                self.role_phrases(v, n)
                    .into_iter()
                    .flat_map(|r| std::iter::once(r).chain(tr.kids(r).filter(|&c| tr.base(c) == "conj")))
                    .flat_map(|r| tr.kids(r))
                    .find(|&m| complement(m) && place(m))
            });
            let (m, case) = match own {
                Some(m) => (m, self.complement_case(m).unwrap()),
                None => {
                    let Some(s) = p.slots.iter().find(|s| {
                        s.kind == Kind::Obl && s.part.head > n && !s.case.iter().any(|&c| tr.lemma_is(c, &["into"])) && self.complement_case(s.part.head).is_some()
                    }) else {
                        continue;
                    };
                    (s.part.head, self.complement_case(s.part.head).unwrap())
                }
            };
            if !matches!(tr.upos(m), "NOUN" | "PROPN") || self.is_date(m) {
                continue;
            }
            let mut words: Vec<String> = vec![tr.form(v).to_lowercase()];
            words.extend(tr.kids(v).filter(|&k| tr.rel(k) == "compound:prt").map(|k| tr.form(k).to_lowercase()));
            words.extend(p.slots[ni].case.iter().map(|&c| tr.form(c).to_lowercase()));
            let mods = self.amods(n);
            words.extend(mods.iter().map(|&x| tr.form(x).to_lowercase()));
            words.push(tr.form(n).to_lowercase());
            words.push(tr.form(case).to_lowercase());
            let verb = SUPPORT_VERBS.iter().copied().find(|w| tr.lemma_is(v, &[w]));
            let lit = Lit {
                words: words.join(" "),
                verb,
                noun: Some(tr.lemma(n).to_lowercase()),
                mods: mods.iter().map(|&x| tr.form(x).to_lowercase()).collect(),
                prep: Some(tr.lemma(case).to_lowercase()),
            };
            // `carrying workers from Vell to Kell`, `made a flight from Vell to Kell`: a route's
            // start has its end after it, a fact of its own with `to` (hung on the start, on the
            // noun or on the verb)
            let route_end = if tr.lemma_is(case, &["from"]) {
                let to_phrase = |x: usize| {
                    x > m
                        && tr.base(x) == "nmod"
                        && matches!(tr.upos(x), "NOUN" | "PROPN")
                        && !self.is_date(x)
                        && tr.kids(x).any(|c| c < x && tr.base(c) == "case" && tr.lemma_is(c, &["to", "into", "towards", "toward"]))
                };
                tr.kids(m)
                    .find(|&x| to_phrase(x))
                    .or_else(|| tr.kids(n).find(|&x| to_phrase(x)))
                    .or_else(|| {
                        p.slots
                            .iter()
                            .find(|s| {
                                s.kind == Kind::Obl
                                    && s.part.head > m
                                    && matches!(tr.upos(s.part.head), "NOUN" | "PROPN")
                                    && !self.is_date(s.part.head)
                                    && s.case.iter().any(|&c| tr.lemma_is(c, &["to", "into", "towards", "toward"]))
                            })
                            .map(|s| s.part.head)
                    })
            } else {
                None
            };
            let to_lit = route_end.map(|e| {
                let to = tr.kids(e).find(|&c| c < e && tr.base(c) == "case").unwrap_or(e);
                let mut w = words.clone();
                w.pop();
                w.push(tr.form(to).to_lowercase());
                (e, Lit { words: w.join(" "), verb: lit.verb, noun: lit.noun.clone(), mods: lit.mods.clone(), prep: Some(tr.lemma(to).to_lowercase()) })
            });
            out.push(self.event_lit_prop("event:light-verb", v, p, lit, m));
            out.extend(to_lit.map(|(e, to_lit)| self.event_lit_prop("event:light-verb", v, p, to_lit, e)));
        }
    }

    /// A fact of `p`'s subject with the literal relation `lit` (read off `p`'s verb `v`) and the
    /// object headed by `obj`: `p`'s flags, 0.8 of its confidence, no CaRB reading.
    pub(super) fn event_lit_prop(&self, rule: &'static str, v: usize, p: &Prop, lit: Lit, obj: usize) -> Prop {
        let mut q = self.lit_prop(rule, v, p.subj.clone(), lit, self.np(obj, true), p.conf * 0.8);
        q.negated = p.negated;
        q.modality = p.modality;
        q.attribution = p.attribution.clone();
        q.carb = false;
        q
    }

    /// `X sold its stake to Y`, `X granted Y a pardon`: the receiver of a verb of giving is the
    /// thing given's other end (X – sold stake to – Y, X – granted pardon to – Y); the clause reads
    /// only the thing given, and a receiver written first (an `iobj`) or after a verb that is no
    /// support verb had no fact at all.
    pub fn receiver_props(&self, props: &[Prop], out: &mut Vec<Prop>) {
        let tr = self.tr;
        for p in props {
            if p.lit.is_some() || !p.graph || p.pred >= tr.len() {
                continue;
            }
            let v = self.chain_end(p);
            let passive = if v == p.pred { p.passive } else { tr.kids(v).any(|k| tr.rel(k) == "aux:pass") };
            let Some(verb) = GIVING_VERBS.iter().copied().find(|w| tr.lemma_is(v, &[w])) else { continue };
            if passive || tr.upos(v) != "VERB" {
                continue;
            }
            let Some(thing) = p.slots.iter().find(|s| s.kind == Kind::Obj && tr.head[s.part.head] == v && tr.upos(s.part.head) == "NOUN" && !self.is_date(s.part.head)) else {
                continue;
            };
            let n = thing.part.head;
            let Some((receiver, written_to)) = self.receiver_of(p, v, n) else { continue };
            // (a support verb's `to` phrase is read by `light_verb_props`)
            if written_to && tr.lemma_is(v, SUPPORT_VERBS) {
                continue;
            }
            let mods = self.amods(n);
            let mut words: Vec<String> = vec![tr.form(v).to_lowercase()];
            words.extend(mods.iter().map(|&x| tr.form(x).to_lowercase()));
            words.push(tr.form(n).to_lowercase());
            words.push("to".into());
            let lit = Lit {
                words: words.join(" "),
                verb: Some(verb),
                noun: Some(tr.lemma(n).to_lowercase()),
                mods: mods.iter().map(|&x| tr.form(x).to_lowercase()).collect(),
                prep: Some("to".into()),
            };
            out.push(self.event_lit_prop("event:receiver", v, p, lit, receiver));
        }
    }

    /// The receiver of giving verb `v` whose thing given is `n`: its `iobj` (a name, a noun or a
    /// third-person pronoun), or a `to` phrase after the thing given, on the verb or on the thing;
    /// with whether it was written with `to`.
    fn receiver_of(&self, p: &Prop, v: usize, n: usize) -> Option<(usize, bool)> {
        let tr = self.tr;
        let person_word = |k: usize| matches!(tr.upos(k), "NOUN" | "PROPN") || tr.form_is(k, &["him", "her", "them"]);
        if let Some(s) = p.slots.iter().find(|s| s.kind == Kind::Iobj && tr.head[s.part.head] == v && s.part.head < n) {
            return person_word(s.part.head).then_some((s.part.head, false));
        }
        // (the `to` opens the phrase, wherever the parser hung it: `to Governor Ivo Tamm` with it
        // on the title)
        let to_phrase = |m: usize| {
            let first = (n + 1..m).find(|&x| tr.ancestor_of(m, x));
            m > n
                && matches!(tr.upos(m), "NOUN" | "PROPN")
                && !self.is_date(m)
                && first.is_some_and(|f| tr.upos(f) == "ADP" && tr.lemma_is(f, &["to"]))
        };
        // (on the thing given, or on its `of` phrase: `handed the keys of the city to X`)
        let of_phrases = tr.kids(n).filter(|&m| tr.base(m) == "nmod" && tr.kids(m).any(|c| c < m && tr.base(c) == "case" && tr.lemma_is(c, &["of"])));
        let on_thing = tr.kids(n).chain(of_phrases.flat_map(|m| tr.kids(m))).find(|&m| tr.base(m) == "nmod" && to_phrase(m));
        let on_verb = || p.slots.iter().find(|s| s.kind == Kind::Obl && tr.head[s.part.head] == v && to_phrase(s.part.head)).map(|s| s.part.head);
        on_thing.or_else(on_verb).map(|m| (m, true))
    }

    /// The `as` phrases after event noun `n`, on the noun or on support verb `v`, that say what
    /// the event's actor was (`made landfall as a hurricane`, `began his career as a drummer`).
    fn role_phrases(&self, v: usize, n: usize) -> Vec<usize> {
        let tr = self.tr;
        let as_case = |m: usize| tr.kids(m).any(|c| c < m && tr.base(c) == "case" && tr.lemma_is(c, &["as"]));
        let on_noun = tr.kids(n).filter(|&m| m > n && tr.base(m) == "nmod" && as_case(m));
        let on_verb = tr.kids(v).filter(|&m| m > n && tr.base(m) == "obl" && as_case(m));
        on_noun.chain(on_verb).collect()
    }

    /// The last verb of a proposition's chain of `to`-infinitives (`expected to make` → `make`),
    /// or its predicate when it has none. A gerund (`anticipated having`, `mandate filing`) or an
    /// infinitive after the governor's object (`gave them a chance to make`) may have another
    /// subject, and ends the chain before it.
    fn chain_end(&self, p: &Prop) -> usize {
        let tr = self.tr;
        let infinitive = |g: usize, x: usize| {
            tr.kids(x).any(|m| m < x && tr.base(m) == "mark" && tr.lemma_is(m, &["to"])) && !tr.kids(g).any(|k| tr.base(k) == "obj" && k < x)
        };
        let mut v = p.pred;
        while let Some(x) = tr.kids(v).find(|&k| tr.rel(k) == "xcomp" && p.rel.contains(&k) && infinitive(v, k)) {
            v = x;
        }
        v
    }

    /// The preposition of a complement, when it is one that links an event noun to its theme.
    fn complement_case(&self, m: usize) -> Option<usize> {
        let tr = self.tr;
        tr.kids(m).find(|&c| c < m && tr.base(c) == "case" && tr.lemma_is(c, COMPLEMENT_PREPS))
    }

    /// The actor an event noun names: `the army's raid`, `a US strike`, `a Norwegian strike`.
    /// None when the noun is no event (a place, a date, a noun without a verb).
    fn event_actor(&self, n: usize) -> Option<Part> {
        let tr = self.tr;
        if tr.upos(n) != "NOUN" || self.is_date(n) {
            return None;
        }
        // the last word of a closed compound carries the event (`airstrike` → strike)
        let lemma = tr.lemma(n).to_lowercase();
        let event = verb_of_noun(&lemma, &known_verb).is_some()
            || ["strike", "raid", "attack", "bombing", "shooting"].iter().any(|e| lemma.len() > e.len() && lemma.ends_with(e));
        if !event {
            return None;
        }
        for k in tr.kids(n).filter(|&k| k < n) {
            match tr.rel(k) {
                "nmod:poss" if matches!(tr.upos(k), "PROPN" | "NOUN") => return Some(self.np(k, true)),
                "compound" if tr.upos(k) == "PROPN" && self.actor_kind(k) => return Some(self.name_part(k)),
                "amod" | "compound" => {
                    if let Some(c) = demonym_country(tr.form(k)) {
                        return Some(Part { head: k, toks: vec![k], min: vec![k], poss_after: None, text: Some(c) });
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// A name that can act: a country, organisation, government body or a name of unknown type.
    fn actor_kind(&self, k: usize) -> bool {
        use crate::document::EntityType::*;
        match self.kind.get(k).copied().flatten() {
            Some(Country | Organization | GovernmentBody) | None => true,
            Some(_) => false,
        }
    }

    /// The whole mention covering `k` (`United States` in `a United States strike`).
    fn name_part(&self, k: usize) -> Part {
        match self.ment_at(k) {
            Some((s, e)) if s <= k && k < e => {
                let toks: Vec<usize> = (s..e).filter(|&x| !self.tr.is_punct(x)).collect();
                Part { head: k, min: toks.clone(), toks, poss_after: None, text: None }
            }
            _ => {
                let tr = self.tr;
                let mut s = k;
                while s > 0 && tr.upos(s - 1) == "PROPN" && tr.head[s - 1] == tr.head[k] && tr.base(s - 1) == "compound" {
                    s -= 1;
                }
                let toks: Vec<usize> = (s..=k).collect();
                Part { head: k, min: toks.clone(), toks, poss_after: None, text: None }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::{show, triples};

    /// `Omar Vell was killed in a Norwegian airstrike on Monday.` (invented)
    const KILLED_IN_STRIKE: &str = "
        Omar Omar PROPN NNP 2 compound
        Vell Vell PROPN NNP 4 nsubj:pass
        was be AUX VBD 4 aux:pass
        killed kill VERB VBN 0 root
        in in ADP IN 8 case
        a a DET DT 8 det
        Norwegian Norwegian ADJ JJ 8 amod
        airstrike airstrike NOUN NN 4 obl
        on on ADP IN 10 case
        Monday Monday PROPN NNP 4 obl
        . . PUNCT . 4 punct";

    /// `Two guards were wounded in a Zembla raid.` (invented)
    const WOUNDED_IN_RAID: &str = "
        Two two NUM CD 2 nummod
        guards guard NOUN NNS 4 nsubj:pass
        were be AUX VBD 4 aux:pass
        wounded wound VERB VBN 0 root
        in in ADP IN 8 case
        a a DET DT 8 det
        Zembla Zembla PROPN NNP 8 compound
        raid raid NOUN NN 4 obl
        . . PUNCT . 4 punct";

    /// `Omar Vell was killed in a Zembla city.` (invented): a place is no event.
    const KILLED_IN_CITY: &str = "
        Omar Omar PROPN NNP 2 compound
        Vell Vell PROPN NNP 4 nsubj:pass
        was be AUX VBD 4 aux:pass
        killed kill VERB VBN 0 root
        in in ADP IN 8 case
        a a DET DT 8 det
        Zembla Zembla PROPN NNP 8 compound
        city city NOUN NN 4 obl
        . . PUNCT . 4 punct";

    #[test]
    fn the_event_noun_names_the_agent() {
        let ts = triples(KILLED_IN_STRIKE);
        let t = ts.iter().find(|t| t.rule == "event:agent-noun").unwrap_or_else(|| panic!("{}", show(&ts)));
        assert_eq!(t.subject.text, "Norway");
        assert_eq!(t.relation, "killed");
        assert_eq!(t.object.as_ref().map(|o| o.text.as_str()), Some("Omar Vell"));
        assert!(t.qualifiers.iter().any(|(k, a)| k == "date" && a.text == "Monday"), "{}", show(&ts));
        let ts = triples(WOUNDED_IN_RAID);
        let t = ts.iter().find(|t| t.rule == "event:agent-noun").unwrap_or_else(|| panic!("{}", show(&ts)));
        assert_eq!((t.subject.text.as_str(), t.relation.as_str()), ("Zembla", "wounded"));
        assert_eq!(t.object.as_ref().map(|o| o.text.as_str()), Some("Two guards"));
    }

    /// `The storm made its first landfall in Velmora on Sunday.` (invented)
    const LANDFALL: &str = "
        The the DET DT 2 det
        storm storm NOUN NN 3 nsubj
        made make VERB VBD 0 root
        its its PRON PRP$ 6 nmod:poss
        first first ADJ JJ 6 amod
        landfall landfall NOUN NN 3 obj
        in in ADP IN 8 case
        Velmora Velmora PROPN NNP 3 obl
        on on ADP IN 10 case
        Sunday Sunday PROPN NNP 3 obl
        . . PUNCT . 3 punct";

    /// `The rebels reached a truce with the army.` (invented)
    const TRUCE: &str = "
        The the DET DT 2 det
        rebels rebel NOUN NNS 3 nsubj
        reached reach VERB VBD 0 root
        a a DET DT 5 det
        truce truce NOUN NN 3 obj
        with with ADP IN 8 case
        the the DET DT 8 det
        army army NOUN NN 5 nmod
        . . PUNCT . 3 punct";

    /// `Ivo Tamm took his uncle's name in Velmora.` (invented): a possessed thing is no event.
    const TOOK_NAME: &str = "
        Ivo Ivo PROPN NNP 2 compound
        Tamm Tamm PROPN NNP 3 nsubj
        took take VERB VBD 0 root
        his his PRON PRP$ 5 nmod:poss
        uncle uncle NOUN NN 7 nmod:poss
        's 's PART POS 5 case
        name name NOUN NN 3 obj
        in in ADP IN 9 case
        Velmora Velmora PROPN NNP 3 obl
        . . PUNCT . 3 punct";

    /// `The Velmor Front claimed responsibility for the blasts.` (invented): what the group
    /// claims is the blasts; `claim – responsibility` alone says nothing about them.
    #[test]
    fn a_claim_of_responsibility_names_what_it_is_for() {
        let ts = triples(
            "The the DET DT 3 det\n Velmor Velmor PROPN NNP 3 compound\n Front Front PROPN NNP 4 nsubj\n\
             claimed claim VERB VBD 0 root VerbForm=Fin\n responsibility responsibility NOUN NN 4 obj\n\
             for for ADP IN 8 case\n the the DET DT 8 det\n blasts blast NOUN NNS 5 nmod\n . . PUNCT . 4 punct",
        );
        let t = ts.iter().find(|t| t.rule == "event:light-verb").unwrap_or_else(|| panic!("{}", show(&ts)));
        assert_eq!((t.subject.text.as_str(), t.relation.as_str()), ("Velmor Front", "claimed responsibility for"));
        assert_eq!(t.object.as_ref().map(|o| o.text.as_str()), Some("blasts"));
        // lives claimed are no claim laid: `The flood claimed lives in Velmora.` (invented)
        let ts = triples(
            "The the DET DT 2 det\n flood flood NOUN NN 3 nsubj\n claimed claim VERB VBD 0 root VerbForm=Fin\n\
             lives life NOUN NNS 3 obj\n in in ADP IN 6 case\n Velmora Velmora PROPN NNP 4 nmod\n . . PUNCT . 3 punct",
        );
        assert!(!ts.iter().any(|t| t.rule == "event:light-verb"), "{}", show(&ts));
    }

    #[test]
    fn light_verbs_relate_to_the_event_complement() {
        let ts = triples(LANDFALL);
        let t = ts.iter().find(|t| t.rule == "event:light-verb").unwrap_or_else(|| panic!("{}", show(&ts)));
        assert_eq!((t.subject.text.as_str(), t.relation.as_str()), ("storm", "made first landfall in"));
        assert_eq!(t.object.as_ref().map(|o| o.text.as_str()), Some("Velmora"));
        let ts = triples(TRUCE);
        let t = ts.iter().find(|t| t.rule == "event:light-verb").unwrap_or_else(|| panic!("{}", show(&ts)));
        assert_eq!((t.subject.text.as_str(), t.relation.as_str()), ("rebels", "reached truce with"));
        assert_eq!(t.object.as_ref().map(|o| o.text.as_str()), Some("army"));
        let ts = triples(TOOK_NAME);
        assert!(!ts.iter().any(|t| t.rule == "event:light-verb"), "{}", show(&ts));
        let ts = triples(PLAYED_HOST);
        let t = ts.iter().find(|t| t.rule == "event:light-verb").unwrap_or_else(|| panic!("{}", show(&ts)));
        assert_eq!((t.subject.text.as_str(), t.relation.as_str()), ("Velmora", "played host to"));
        assert_eq!(t.object.as_ref().map(|o| o.text.as_str()), Some("Norvia Cup"));
    }

    /// `The storm made its first landfall as a major hurricane in Velmora.` (invented), with
    /// `in Velmora` hung on the `as` phrase's noun.
    const LANDFALL_AS: &str = "
        The the DET DT 2 det
        storm storm NOUN NN 3 nsubj
        made make VERB VBD 0 root
        its its PRON PRP$ 6 nmod:poss
        first first ADJ JJ 6 amod
        landfall landfall NOUN NN 3 obj
        as as ADP IN 10 case
        a a DET DT 10 det
        major major ADJ JJ 10 amod
        hurricane hurricane NOUN NN 6 nmod
        in in ADP IN 12 case
        Velmora Velmora PROPN NNP 10 nmod
        . . PUNCT . 3 punct";

    /// `The storm is expected to make landfall in Velmora.` (invented): the support verb ends an
    /// `xcomp` chain.
    const LANDFALL_EXPECTED: &str = "
        The the DET DT 2 det
        storm storm NOUN NN 4 nsubj:pass
        is be AUX VBZ 4 aux:pass
        expected expect VERB VBN 0 root
        to to PART TO 6 mark
        make make VERB VB 4 xcomp
        landfall landfall NOUN NN 6 obj
        in in ADP IN 9 case
        Velmora Velmora PROPN NNP 6 obl
        . . PUNCT . 4 punct";

    #[test]
    fn a_light_verb_keeps_its_complement_past_a_role_phrase_and_under_a_chain() {
        let ts = triples(LANDFALL_AS);
        let t = ts.iter().find(|t| t.rule == "event:light-verb").unwrap_or_else(|| panic!("{}", show(&ts)));
        assert_eq!((t.subject.text.as_str(), t.relation.as_str()), ("storm", "made first landfall in"));
        assert_eq!(t.object.as_ref().map(|o| o.text.as_str()), Some("Velmora"));
        // the `as` phrase on the verb, the place on a conjunct inside it
        let on_verb = LANDFALL_AS
            .replace("as as ADP IN 10 case", "as as ADP IN 9 case")
            .replace("a a DET DT 10 det", "a a DET DT 9 det")
            .replace("major major ADJ JJ 10 amod", "major major NOUN NN 3 obl")
            .replace("hurricane hurricane NOUN NN 6 nmod", "hurricane hurricane NOUN NN 9 conj");
        let ts = triples(&on_verb);
        let t = ts.iter().find(|t| t.rule == "event:light-verb").unwrap_or_else(|| panic!("{}", show(&ts)));
        assert_eq!(t.object.as_ref().map(|o| o.text.as_str()), Some("Velmora"));
        // a non-place complement inside the `as` phrase is the phrase's own
        let response = LANDFALL_AS.replace("in in ADP IN 12 case", "to to ADP IN 12 case");
        let ts = triples(&response);
        assert!(!ts.iter().any(|t| t.rule == "event:light-verb"), "{}", show(&ts));
        let ts = triples(LANDFALL_EXPECTED);
        let t = ts.iter().find(|t| t.rule == "event:light-verb").unwrap_or_else(|| panic!("{}", show(&ts)));
        assert_eq!((t.subject.text.as_str(), t.relation.as_str()), ("storm", "make landfall in"));
        assert_eq!(t.object.as_ref().map(|o| o.text.as_str()), Some("Velmora"));
        assert_eq!(t.modality, crate::document::Modality::Planned, "{}", show(&ts));
    }

    /// `The ferry was carrying tourists from Brenna to Halvik.` (invented), the route's end
    /// hung on its start.
    const FERRY_ROUTE: &str = "
        The the DET DT 2 det
        ferry ferry NOUN NN 4 nsubj
        was be AUX VBD 4 aux
        carrying carry VERB VBG 0 root
        tourists tourist NOUN NNS 4 obj
        from from ADP IN 7 case
        Brenna Brenna PROPN NNP 4 obl
        to to ADP IN 9 case
        Halvik Halvik PROPN NNP 7 nmod
        . . PUNCT . 4 punct";

    #[test]
    fn a_route_under_a_light_verb_gives_its_start_and_its_end() {
        let ts = triples(FERRY_ROUTE);
        let lv: Vec<_> = ts.iter().filter(|t| t.rule == "event:light-verb").collect();
        assert!(lv.iter().any(|t| t.relation == "carrying tourists from" && t.object.as_ref().is_some_and(|o| o.text == "Brenna")), "{}", show(&ts));
        assert!(lv.iter().any(|t| t.relation == "carrying tourists to" && t.object.as_ref().is_some_and(|o| o.text == "Halvik")), "{}", show(&ts));
        // no end without a start: `carrying tourists to Halvik` alone is the plain reading's
        let no_from = FERRY_ROUTE.replace("from from ADP IN 7 case", "in in ADP IN 7 case");
        let ts = triples(&no_from);
        assert!(!ts.iter().any(|t| t.rule == "event:light-verb" && t.relation.ends_with(" to")), "{}", show(&ts));
    }

    /// `Velmora played host to the Norvia Cup.` (invented)
    const PLAYED_HOST: &str = "
        Velmora Velmora PROPN NNP 2 nsubj
        played play VERB VBD 0 root
        host host NOUN NN 2 obj
        to to ADP IN 7 case
        the the DET DT 7 det
        Norvia Norvia PROPN NNP 7 compound
        Cup Cup PROPN NNP 2 obl
        . . PUNCT . 2 punct";

    /// `Ivo Tamm, son of the Velmora founder Ana Berg, was killed in a Norwegian strike.`
    /// (invented), mis-parsed with `Ana Berg` as the subject and the apposition under it.
    const MISPARSED_APPOSITION: &str = "
        Ivo Ivo PROPN NNP 8 compound
        Tamm Tamm PROPN NNP 1 flat
        , , PUNCT , 4 punct
        son son NOUN NN 1 appos
        of of ADP IN 7 case
        the the DET DT 7 det
        Velmora Velmora PROPN NNP 4 nmod
        founder founder NOUN NN 9 nmod:desc
        Ana Ana PROPN NNP 13 nsubj:pass
        Berg Berg PROPN NNP 9 flat
        , , PUNCT , 13 punct
        was be AUX VBD 13 aux:pass
        killed kill VERB VBN 0 root
        in in ADP IN 17 case
        a a DET DT 17 det
        Norwegian Norwegian ADJ JJ 17 amod
        strike strike NOUN NN 13 obl
        . . PUNCT . 13 punct";

    #[test]
    fn a_place_names_no_agent() {
        let ts = triples(MISPARSED_APPOSITION);
        assert!(!ts.iter().any(|t| t.rule == "event:agent-noun"), "{}", show(&ts));
        let ts = triples(KILLED_IN_CITY);
        assert!(!ts.iter().any(|t| t.rule == "event:agent-noun"), "{}", show(&ts));
    }

    /// `The council granted Ivo Tamm a full pardon.` (invented): the receiver written first.
    const GRANTED_RECEIVER_FIRST: &str = "
        The the DET DT 2 det
        council council NOUN NN 3 nsubj
        granted grant VERB VBD 0 root
        Ivo Ivo PROPN NNP 3 iobj
        Tamm Tamm PROPN NNP 4 flat
        a a DET DT 8 det
        full full ADJ JJ 8 amod
        pardon pardon NOUN NN 3 obj
        . . PUNCT . 3 punct";

    /// `Velmora Shipping sold its ferry business to Norvia Lines.` (invented): the receiver
    /// after `to`, on the verb.
    const SOLD_TO: &str = "
        Velmora Velmora PROPN NNP 2 compound
        Shipping Shipping PROPN NNP 3 nsubj
        sold sell VERB VBD 0 root
        its its PRON PRP$ 6 nmod:poss
        ferry ferry NOUN NN 6 compound
        business business NOUN NN 3 obj
        to to ADP IN 9 case
        Norvia Norvia PROPN NNP 9 compound
        Lines Lines PROPN NNP 3 obl
        . . PUNCT . 3 punct";

    /// `The board handed the keys of the depot to Governor Ivo Tamm.` (invented): the `to` phrase
    /// hung on the `of` phrase, its preposition on the title.
    const HANDED_KEYS: &str = "
        The the DET DT 2 det
        board board NOUN NN 3 nsubj
        handed hand VERB VBD 0 root
        the the DET DT 5 det
        keys key NOUN NNS 3 obj
        of of ADP IN 8 case
        the the DET DT 8 det
        depot depot NOUN NN 5 nmod
        to to ADP IN 10 case
        Governor Governor PROPN NNP 12 compound
        Ivo Ivo PROPN NNP 12 compound
        Tamm Tamm PROPN NNP 8 nmod
        . . PUNCT . 3 punct";

    #[test]
    fn the_receiver_of_a_giving_verb_is_the_thing_givens_other_end() {
        let ts = triples(HANDED_KEYS);
        let t = ts.iter().find(|t| t.rule == "event:receiver").unwrap_or_else(|| panic!("{}", show(&ts)));
        assert_eq!((t.subject.text.as_str(), t.relation.as_str()), ("board", "handed keys to"));
        assert!(t.object.as_ref().is_some_and(|o| o.text.ends_with("Ivo Tamm")), "{}", show(&ts));
        let ts = triples(GRANTED_RECEIVER_FIRST);
        let t = ts.iter().find(|t| t.rule == "event:receiver").unwrap_or_else(|| panic!("{}", show(&ts)));
        assert_eq!((t.subject.text.as_str(), t.relation.as_str()), ("council", "granted full pardon to"));
        assert_eq!(t.object.as_ref().map(|o| o.text.as_str()), Some("Ivo Tamm"));
        let ts = triples(SOLD_TO);
        let t = ts.iter().find(|t| t.rule == "event:receiver").unwrap_or_else(|| panic!("{}", show(&ts)));
        assert_eq!((t.subject.text.as_str(), t.relation.as_str()), ("Velmora Shipping", "sold ferry business to"));
        assert_eq!(t.object.as_ref().map(|o| o.text.as_str()), Some("Norvia Lines"));
        // must not: a receiver that is a first- or second-person pronoun (`gave us a platform`)
        let us = GRANTED_RECEIVER_FIRST.replace("Ivo Ivo PROPN NNP 3 iobj", "us we PRON PRP 3 iobj").replace("Tamm Tamm PROPN NNP 4 flat\n", "");
        let us = us.replace(" 8 det", " 7 det").replace(" 8 amod", " 7 amod").replace("pardon pardon NOUN NN 3 obj", "pardon pardon NOUN NN 3 obj");
        let ts = triples(&us);
        assert!(!ts.iter().any(|t| t.rule == "event:receiver"), "{}", show(&ts));
        // must not: a verb that gives no thing (`showed Ivo Tamm the door` is no giving here), nor
        // a phrase with another preposition (`sold its ferry business for Norvia Lines`)
        let ts = triples(&SOLD_TO.replace("to to ADP IN 9 case", "for for ADP IN 9 case"));
        assert!(!ts.iter().any(|t| t.rule == "event:receiver"), "{}", show(&ts));
        let ts = triples(&GRANTED_RECEIVER_FIRST.replace("granted grant VERB", "named name VERB"));
        assert!(!ts.iter().any(|t| t.rule == "event:receiver"), "{}", show(&ts));
    }
}
