//! Descriptions the text identifies by name: `Police identified the suspect as Ben Tarrow`, `the
//! attacker, identified as Ben Tarrow,`, `by a prisoner, suspected to be Ben Tarrow`, `the man was
//! named as Ben Tarrow`. News often follows an unnamed `the suspect` or `the gunman` for
//! paragraphs before it names him; a reader then knows who every one of those descriptions was,
//! before the naming as after it.
//!
//! The statement: a verb of identifying (`identify`, `name`, `suspect`, `believe`) with `as` or
//! `to be` and a person's name after it, the described noun its object (active) or the noun it
//! follows (`the suspect was identified as`, `the attacker, identified as`). The noun's own
//! mention becomes the person. Then every other definite singular description in the document
//! (`the` + describing modifiers + the noun, nothing naming something else after it) that is
//! still unresolved becomes the person too — for the noun itself, and, when the noun names the
//! doer of a crime (a suspect, a gunman, the one who shot), for all such nouns, and for the doer
//! nouns of the act the described one did (`shot … by a prisoner, suspected to be X`: X is
//! `the shooter`). A noun two different people are identified by, or that the document also
//! uses in the plural (`the suspects`), is left alone: the singular may be any of them. Plain
//! person nouns (`the man`, `the woman`) resolve only in the identifying statement itself.
//!
//! In: the scanned document (references, clusters). Out: references and mentions for the
//! descriptions, rule `identified-description`; runs once after the scan, before the triples
//! read the references.

use super::names;
use super::state::*;
use crate::document::{EntityType, Sentence};
use std::collections::{HashMap, HashSet};

const RULE: &str = "identified-description";

/// Nouns for the doer of a crime under investigation: one identified so stands for all of them.
/// General English, the closed family of news reports of attacks.
pub(super) const PERPETRATOR_NOUNS: &[&str] = &[
    "suspect", "gunman", "shooter", "attacker", "assailant", "killer", "murderer", "bomber", "stabber", "hijacker",
    "kidnapper", "abductor", "perpetrator", "culprit", "assassin", "robber",
];

/// Nouns too plain to stand for one person through a whole article.
const PLAIN_PERSON_NOUNS: &[&str] = &["man", "woman", "person", "boy", "girl", "individual", "people", "child"];

/// The verbs of an identifying statement and the words that must follow them.
fn identifying_verb(lemma: &str) -> bool {
    matches!(lemma, "identify" | "name" | "suspect" | "believe")
}

impl State<'_> {
    pub(super) fn identified_descriptions(&mut self) {
        let doc = self.doc;
        // noun → person clusters identified by it
        let mut by_noun: HashMap<String, HashSet<usize>> = HashMap::new();
        // (unnamed person, the person the text names them as): `a man … police named him as X`
        let mut links: Vec<(usize, usize)> = Vec::new();
        for (si, s) in doc.sentences.iter().enumerate() {
            for (v, t) in s.tokens.iter().enumerate() {
                if t.upos != "VERB" || !identifying_verb(&t.lemma.to_lowercase()) {
                    continue;
                }
                let Some((noun, person)) = self.identification(si, s, v) else { continue };
                // the unnamed person the described noun stands for: itself, one a pronoun or
                // description there was dropped for, or the latest one called by the same noun
                // before a definite description (`a man attacked … the man, later identified as X`)
                let definite = noun > 0 && lower_key(&s.tokens[noun - 1].form) == "the";
                let called = || definite.then(|| self.unnamed_called(si, noun, &lower_key(&s.tokens[noun].lemma), 5)).flatten();
                if let Some(u) = self.unnamed_of(si, noun).or_else(called) {
                    links.push((u, person));
                }
                if s.tokens[noun].upos == "PRON" {
                    // `named him as X`: the pronoun is X; it names no noun to look for
                    if matches!(self.get_ref(si, noun), None | Some((Target::Drop, "pronoun-unnamed"))) {
                        self.set_ref(si, noun..noun + 1, Target::One(person), RULE);
                        self.add_mention(si, noun..noun + 1, EntityType::Person, Some(person));
                    }
                    continue;
                }
                let mut nouns = vec![lower_key(&s.tokens[noun].lemma)];
                // `shot … by a prisoner, suspected to be X`: the act's doer nouns are X's
                if noun > 0 && lower_key(&s.tokens[noun - 1].form) == "by"
                    || noun > 1 && lower_key(&s.tokens[noun - 2].form) == "by" && names::is_determiner(&s.tokens[noun - 1].form)
                {
                    if let Some(act) = (0..noun).rev().find(|&i| s.tokens[i].upos == "VERB" && s.tokens[i].xpos == "VBN") {
                        nouns.extend(super::roles::agent_nouns(&s.tokens[act].lemma.to_lowercase()).iter().map(|n| n.to_string()));
                    }
                }
                if nouns.iter().any(|n| PERPETRATOR_NOUNS.contains(&n.as_str())) {
                    nouns.extend(PERPETRATOR_NOUNS.iter().map(|n| n.to_string()));
                }
                for n in nouns {
                    by_noun.entry(n).or_default().insert(person);
                }
                // the statement's own description is the person
                if matches!(self.get_ref(si, noun), None | Some((Target::Drop, super::unnamed::UNNAMED_DESCRIPTION))) {
                    let start = phrase_start(s, noun);
                    let text = join_tokens(s, start..noun + 1);
                    self.note(person, &text, RULE, si);
                    self.add_mention(si, start..noun + 1, EntityType::Person, Some(person));
                    self.set_ref(si, start..noun + 1, Target::One(person), RULE);
                }
            }
        }
        if by_noun.is_empty() {
            self.name_unnamed(&links, None);
            return;
        }
        // nouns the document uses in the plural name a group; the singular may be any member
        let plural: HashSet<String> = doc
            .sentences
            .iter()
            .flat_map(|s| s.tokens.iter())
            .filter(|t| t.upos == "NOUN" && t.xpos == "NNS")
            .map(|t| lower_key(&t.lemma))
            .collect();
        let nouns: HashMap<String, usize> = by_noun
            .into_iter()
            .filter(|(n, ps)| ps.len() == 1 && !plural.contains(n) && !PLAIN_PERSON_NOUNS.contains(&n.as_str()))
            .filter_map(|(n, ps)| ps.into_iter().next().map(|p| (n, p)))
            .collect();
        // the one person the document identifies as the doer of its crime
        let doers: HashSet<usize> = PERPETRATOR_NOUNS.iter().filter_map(|n| nouns.get(*n).copied()).collect();
        let doer = (doers.len() == 1).then(|| doers.into_iter().next()).flatten();
        self.name_unnamed(&links, doer);
        for (si, s) in doc.sentences.iter().enumerate() {
            for tok in 0..s.tokens.len() {
                let t = &s.tokens[tok];
                if t.upos != "NOUN" || t.xpos != "NN" || self.get_ref(si, tok).is_some() {
                    continue;
                }
                let Some(&person) = nouns.get(&lower_key(&t.lemma)) else { continue };
                // `a gunman opened fire … the suspect, identified as X`: the one doer of the
                // document's crime, however it was introduced
                let indefinite_doer = || {
                    (tok > 0 && PERPETRATOR_NOUNS.contains(&lower_key(&t.lemma).as_str()) && matches!(lower_key(&s.tokens[tok - 1].form).as_str(), "a" | "an"))
                        .then(|| tok - 1)
                };
                let Some(start) = definite_description_start(s, tok).or_else(indefinite_doer) else { continue };
                if (start..tok).any(|i| self.get_ref(si, i).is_some()) {
                    continue;
                }
                let text = join_tokens(s, start..tok + 1);
                self.note(person, &text, RULE, si);
                self.add_mention(si, start..tok + 1, EntityType::Person, Some(person));
                self.set_ref(si, start..tok + 1, Target::One(person), RULE);
            }
        }
    }

    /// The identifying statement of verb `v`: (described noun, person cluster). `identified the suspect as X` (the verb's object), `the suspect was identified
    /// as X`, `the attacker, identified as X`, `a prisoner, suspected to be X` (the noun before).
    fn identification(&self, si: usize, s: &Sentence, v: usize) -> Option<(usize, usize)> {
        let t = &s.tokens;
        let lemma = t[v].lemma.to_lowercase();
        let skip = |mut k: usize| {
            while k < t.len() && matches!(lower_key(&t[k].form).as_str(), "only" | "officially" | "later" | "publicly") {
                k += 1;
            }
            k
        };
        // what follows the verb: `as` (identify, name) or `to be` (suspect, believe)
        let link = |k: usize| -> Option<usize> {
            match lower_key(&t.get(k)?.form).as_str() {
                "as" if lemma == "identify" || lemma == "name" => Some(k + 1),
                "to" if (lemma == "suspect" || lemma == "believe") && t.get(k + 1).is_some_and(|x| lower_key(&x.form) == "be") => Some(k + 2),
                _ => None,
            }
        };
        let (noun, name_at) = if t[v].xpos == "VBN" && let Some(k) = link(skip(v + 1)) {
            // the noun before: `X, identified as`, `X was identified as`, `X has been named as`
            let mut i = v;
            while i > 0
                && (t[i - 1].upos == "AUX" || t[i - 1].form == "," || matches!(lower_key(&t[i - 1].form).as_str(), "later" | "since" | "reportedly" | "officially" | "only"))
            {
                i -= 1;
            }
            if i == 0 || t[i - 1].upos != "NOUN" || t[i - 1].xpos != "NN" {
                return None;
            }
            (i - 1, k)
        } else if lemma == "identify" || lemma == "name" {
            // active: the object noun phrase right after the verb, then `as`; or a pronoun
            // object and a time before `as` (`named him on Sunday as X`)
            let mut i = v + 1;
            while i < t.len() && i - v <= 5 && lower_key(&t[i].form) != "as" {
                i += 1;
            }
            let noun = i
                .checked_sub(1)
                .filter(|&n| n > v && i - v <= 4 && t[n].upos == "NOUN" && t[n].xpos == "NN" && t[n].head == v + 1)
                .or_else(|| {
                    (t.get(v + 1).is_some_and(|p| {
                        p.upos == "PRON" && p.head == v + 1 && p.deprel == "obj" && matches!(names::pronoun(&p.form), Some(names::Pronoun::Male | names::Pronoun::Female))
                    }) && i < t.len())
                    .then_some(v + 1)
                })?;
            (noun, link(i)?)
        } else {
            return None;
        };
        // an age before the name: `as 21-year-old X`
        let mut start = name_at;
        while start < t.len()
            && start - name_at < 6
            && (names::is_age_word(&t[start].form) || matches!(t[start].form.as_str(), "-" | "year" | "years" | "old") || t[start].upos == "NUM")
        {
            start += 1;
        }
        let person = |k: usize| match self.get_ref(si, k) {
            Some((Target::One(c), _)) if self.clusters[*c].kind == EntityType::Person && !self.clusters[*c].name.is_empty() => Some(*c),
            _ => None,
        };
        // a description before the name (`as local resident X`, `as Vell teacher X`)
        let mut k = start;
        while k < t.len() && k - start < 4 && person(k).is_none() && matches!(t[k].upos.as_str(), "NOUN" | "PROPN" | "ADJ") && t[k].head > k + 1 {
            k += 1;
        }
        person(k).map(|c| (noun, c))
    }
}

/// The first token of `the` + describing modifiers + the noun at `tok`, if the noun heads such
/// a definite description and nothing after it names something else (`the suspect's lawyer`,
/// `the suspect of …`).
fn definite_description_start(s: &Sentence, tok: usize) -> Option<usize> {
    let t = &s.tokens;
    if let Some(n) = t.get(tok + 1) {
        let w = lower_key(&n.form);
        if w == "of" || names::is_possessive_marker(&n.form) || n.upos == "PROPN" || n.upos == "NOUN" {
            return None;
        }
    }
    let mut i = tok;
    while i > 0 && tok - i < 5 {
        let p = &t[i - 1];
        let w = lower_key(&p.form);
        if matches!(w.as_str(), "the" | "this" | "that") {
            return Some(i - 1);
        }
        let describes = p.form.chars().all(|c| c.is_lowercase() || c == '-')
            && (matches!(p.upos.as_str(), "ADJ") || p.upos == "VERB" && p.xpos == "VBN" || names::is_age_word(&p.form))
            && !matches!(w.as_str(), "other" | "another" | "second" | "third" | "first" | "new" | "former" | "latest" | "last" | "next");
        if !describes {
            return None;
        }
        i -= 1;
    }
    None
}

/// The first token of the noun phrase ending on the noun at `noun`: a determiner and
/// modifiers before it.
fn phrase_start(s: &Sentence, noun: usize) -> usize {
    let mut i = noun;
    while i > 0 && noun - i < 5 && matches!(s.tokens[i - 1].upos.as_str(), "DET" | "ADJ" | "NUM") {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    fn facts(text: &str) -> Vec<(String, String, String)> {
        super::super::tests::pipeline_facts(text).1.into_iter().map(|(_, s, p, o)| (s, p, o)).collect()
    }

    #[test]
    fn the_suspect_named_later_is_the_person_before_and_after() {
        // invented
        let got = facts(
            "A gunman opened fire at a market in Ostrava on Friday. Police arrested the suspect an hour later. \
             Prosecutors charged the suspect with murder on Sunday. Officials identified the suspect as 30-year-old Ben Tarrow of Norvia. \
             The suspect wrote a long letter before the attack.",
        );
        let subjects = |verb: &str| got.iter().filter(|(_, p, _)| p.contains(verb)).map(|(s, _, _)| s.clone()).collect::<Vec<_>>();
        let objects = |verb: &str| got.iter().filter(|(_, p, _)| p.contains(verb)).map(|(_, _, o)| o.clone()).collect::<Vec<_>>();
        assert!(objects("charge").iter().any(|o| o == "Ben Tarrow"), "{got:?}");
        assert!(objects("identif").iter().any(|o| o == "Ben Tarrow"), "{got:?}");
        assert!(subjects("write").iter().any(|s| s == "Ben Tarrow"), "{got:?}");
    }

    #[test]
    fn a_doer_suspected_to_be_someone_is_the_shooter() {
        // invented
        let got = facts(
            "Officer Mara Vellin was shot at the Ostrava station on Friday by a prisoner, suspected to be 25-year-old Ivo Oster. \
             The alleged shooter was at the station after being detained for theft.",
        );
        assert!(got.iter().any(|(s, p, _)| s == "Ivo Oster" && p.contains("be at")), "{got:?}");
        assert!(!got.iter().any(|(s, _, _)| s.contains("shooter")), "{got:?}");
    }

    #[test]
    fn two_suspects_leave_the_suspect_alone() {
        // invented
        let got = facts(
            "Police identified the suspect as Ben Tarrow. Two suspects were held in Ostrava. The suspect denied the charges.",
        );
        assert!(!got.iter().any(|(s, p, _)| s == "Ben Tarrow" && p.contains("deny")), "{got:?}");
    }
}
