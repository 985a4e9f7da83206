//! People the text describes without naming them: `an IT worker … The attacker, a man, …`,
//! `Vellin's mother died …`, `with her son`. Such a person is as real a referent as a named one:
//! `She was 80` after `Vellin's mother died` is the mother, `the man` after `a man` is that man,
//! `the boy` after `her son` is the son — not the named person of the sentence before.
//!
//! A common noun is an unnamed person when it is a singular noun that says it is a person — `man`,
//! `woman`, `boy`, `girl`, a kinship noun (these give a gender), or a noun whose learned animacy
//! says it stands for people (`nlp::coref::attributes`: GUM's chains of `attacker`, `driver`, `nurse`
//! are nearly all people) — that the description step did not resolve, and that no name is set
//! beside (`Ben Tarrow, a driver,`, `her son, Ivo,`, `driver Ivo Oster`, `a boy identified as Ivo`)
//! or after `as` (`served as a driver`), and that is no predicate (`he is a driver`).
//!
//! The steps read them as rivals: a `he`/`she` whose model chain reaches an unnamed person first,
//! or whose most salient candidate is one, refers to someone the graph has no node for, and its
//! facts are dropped; a person description (`the man`, `the boy`, `the 45-year-old`) does not
//! resolve to a named person when an unnamed one called by the same noun, or more salient, came
//! before it, and its facts are dropped too (a node `man` would name no one).
//!
//! In: a sentence's token after the description step. Out: entries of `State::unnamed`.

use super::names::{self, Gender};
use super::state::*;
use crate::document::Sentence;

/// One unnamed person: where, whether a subject, its governor (for the same-clause test), gender.
#[derive(Debug, Clone)]
pub(super) struct Unnamed {
    pub(super) sentence: usize,
    pub(super) token: usize,
    pub(super) subject: bool,
    pub(super) gov: usize,
    pub(super) gender: Gender,
    pub(super) lemma: String,
}

/// The rule of a person description (`the man`) that stands for an unnamed person: its facts
/// are dropped, as no node stands for that person.
pub(super) const UNNAMED_DESCRIPTION: &str = "description-unnamed";

/// Share of a noun's learned mentions that are people above which the noun is a person noun.
const PERSON_ANIMACY: f32 = 0.9;

/// The gender a person-denoting noun (lowercase lemma) states, `Some(Unknown)` for a person noun
/// of no gender (`driver`), `None` for any other noun.
pub(crate) fn person_noun(lemma: &str) -> Option<Gender> {
    if let Some(g) = names::person_noun_gender(lemma).or_else(|| super::descriptions::kin_gender(lemma)) {
        return Some(g);
    }
    let model = crate::nlp::coref::Coref::embedded().ok()?;
    let c = model.attributes().noun(lemma)?;
    (c.etype_total() >= 3 && c.animacy().is_some_and(|a| a >= PERSON_ANIMACY)).then_some(Gender::Unknown)
}

/// Whether the learned tables know `lemma` as a noun that mostly stands for no person (`award`,
/// `tower`): at least three mentions, under one in ten of them people.
pub(crate) fn is_thing_noun(lemma: &str) -> bool {
    let Ok(model) = crate::nlp::coref::Coref::embedded() else { return false };
    model.attributes().noun(lemma).is_some_and(|c| c.etype_total() >= 3 && c.animacy().is_some_and(|a| a < 0.1))
}

/// The gender of the unnamed person the noun at `tok` stands for, if it stands for one (module
/// comment); syntax only, the caller checks that nothing resolved it.
pub(super) fn unnamed_person(s: &Sentence, tok: usize) -> Option<Gender> {
    let ts = &s.tokens;
    let t = ts.get(tok)?;
    if t.upos != "NOUN" || t.xpos != "NN" || matches!(t.deprel.as_str(), "compound" | "flat" | "xcomp" | "fixed") {
        return None;
    }
    // `her son, Ivo,` / `a driver, Ivo Oster,`; `Ivo Oster, a driver,` / `driver Ivo Oster`
    if t.deprel == "appos" && t.head > 0 && ts[t.head - 1].upos == "PROPN" {
        return None;
    }
    if ts.get(tok + 1).is_some_and(|n| n.upos == "PROPN") {
        return None;
    }
    for c in ts.iter().filter(|c| c.head == tok + 1) {
        let rel = c.deprel.as_str();
        if rel == "cop" || (rel == "case" && c.form.eq_ignore_ascii_case("as")) {
            return None;
        }
        if matches!(rel, "appos" | "flat" | "flat:name" | "compound") && c.upos == "PROPN" {
            return None;
        }
    }
    // `a boy, identified only as Ivo,` / `a man named Ivo Oster`: named by a clause on the noun
    let named_by_clause = ts.iter().enumerate().filter(|(_, c)| c.head == tok + 1 && c.deprel.starts_with("acl")).any(|(k, _)| ts.iter().any(|g| g.head == k + 1 && g.upos == "PROPN"));
    // (`the man, later identified as Ivo Oster`, however the parser attached the participle)
    let identified = (tok + 1..ts.len().min(tok + 5)).any(|k| {
        matches!(ts[k].lemma.to_lowercase().as_str(), "identify" | "name") && ts[k].upos == "VERB" && (k + 1..ts.len().min(k + 4)).any(|j| ts[j].upos == "PROPN")
    });
    if named_by_clause || identified {
        return None;
    }
    let lemma = if t.lemma.is_empty() { t.form.to_lowercase() } else { t.lemma.to_lowercase() };
    // `my boy`, `our girl`: a person the speaker knows by name, said fondly; a possessed
    // kinship noun (`her son`) is a relative of no name
    let possessed = ts.iter().any(|c| c.head == tok + 1 && c.deprel == "nmod:poss" && c.upos == "PRON");
    if possessed && super::descriptions::kin_gender(&lemma).is_none() && !crate::extract::is_kin_noun(&lemma) {
        return None;
    }
    person_noun(&lemma)
}

fn gender_fits(g: Gender, want: Gender) -> bool {
    g == Gender::Unknown || want == Gender::Unknown || g == want
}

impl State<'_> {
    /// Records the noun at `tok` of sentence `si` when it is an unnamed person nothing resolved.
    pub(super) fn note_unnamed_person(&mut self, si: usize, s: &Sentence, tok: usize) {
        if !matches!(self.get_ref(si, tok), None | Some((Target::Drop, UNNAMED_DESCRIPTION))) {
            return;
        }
        let Some(gender) = unnamed_person(s, tok) else { return };
        let t = &s.tokens[tok];
        let lemma = if t.lemma.is_empty() { t.form.to_lowercase() } else { t.lemma.to_lowercase() };
        let subject = self.is_subject(si, tok);
        self.unnamed.push(Unnamed { sentence: si, token: tok, subject, gov: t.head, gender, lemma });
    }

    /// The unnamed person headed at (`si`, `tok`), if one was recorded.
    pub(super) fn unnamed_at(&self, si: usize, tok: usize) -> Option<&Unnamed> {
        self.unnamed.iter().rev().find(|u| u.sentence == si && u.token == tok)
    }

    /// The salience score (as `State::score` gives a named person met once) of the most salient
    /// unnamed person of a fitting gender (one of no stated gender only as a subject) before (`si`, `tok`), at most `max_dist` sentences back;
    /// `obj_gov`: the pronoun is a non-reflexive object of this governor, and a subject of the
    /// same governor is not its referent.
    pub(super) fn unnamed_rival(&self, si: usize, tok: usize, want: Gender, max_dist: usize, obj_gov: Option<usize>) -> Option<(i64, usize)> {
        self.unnamed
            .iter()
            .enumerate()
            // a noun of no gender counts only as a subject (`the driver said he …`): as an
            // object or after a preposition it is too often a role of someone named
            .filter(|(_, u)| (u.sentence, u.token) < (si, tok) && si - u.sentence <= max_dist && gender_fits(u.gender, want) && (u.gender != Gender::Unknown || u.subject))
            .filter(|(_, u)| !(obj_gov.is_some_and(|g| g != 0 && u.sentence == si && u.subject && u.gov == g)))
            .map(|(k, u)| {
                let dist = (si - u.sentence) as i64;
                let tokdist = if dist == 0 { (tok - u.token) as i64 } else { 0 };
                (-30 * dist + if u.subject { 12 } else { 0 } + 2 - tokdist / 4, k)
            })
            .max_by_key(|&(sc, k)| (sc, k))
    }

    /// The latest unnamed person called by `lemma` at most `max_dist` sentences before
    /// (`si`, `tok`): `the man` after `a man` is that man.
    pub(super) fn unnamed_called(&self, si: usize, tok: usize, lemma: &str, max_dist: usize) -> Option<usize> {
        self.unnamed.iter().rposition(|u| (u.sentence, u.token) < (si, tok) && si - u.sentence <= max_dist && u.lemma == lemma)
    }

    /// Drops the tokens `r` (a pronoun, a description) as standing for unnamed person `u`.
    pub(super) fn drop_for_unnamed(&mut self, si: usize, r: std::ops::Range<usize>, head: usize, u: Option<usize>, rule: &'static str) {
        self.set_ref(si, r, Target::Drop, rule);
        if let Some(u) = u {
            self.unnamed_refs.insert((si, head), u);
        }
    }

    /// The unnamed person the token at (`si`, `tok`) stands for: one recorded there, or the one
    /// a pronoun or description there was dropped for.
    pub(super) fn unnamed_of(&self, si: usize, tok: usize) -> Option<usize> {
        self.unnamed_refs.get(&(si, tok)).copied().or_else(|| self.unnamed.iter().rposition(|u| u.sentence == si && u.token == tok))
    }
}

/// The rule of a mention of an unnamed person that the text names elsewhere (`a man … the
/// attacker, identified as X`, `a man was arrested … police named him as X`).
const NAMED_LATER: &str = "unnamed-named";

impl State<'_> {
    /// The unnamed person `u` is read as, following drops of one for another (`the man` dropped
    /// for `a man` is that man).
    fn unnamed_root(&self, mut u: usize) -> usize {
        for _ in 0..self.unnamed.len() {
            let x = &self.unnamed[u];
            match self.unnamed_refs.get(&(x.sentence, x.token)) {
                Some(&v) if v != u => u = v,
                _ => break,
            }
        }
        u
    }

    /// Whether the token at (`si`, `tok`) is the doer of an act that names its doer (`a man
    /// stabbed …`, `he shot …`) or is called by a noun for the doer of a crime (`a gunman`).
    /// Someone arrested is not: the arrested may be an accomplice (`a man suspected of supplying
    /// the gun was arrested`).
    fn is_doer(&self, si: usize, tok: usize) -> bool {
        let s = &self.doc.sentences[si];
        let Some(t) = s.tokens.get(tok) else { return false };
        if super::identified::PERPETRATOR_NOUNS.contains(&lower_key(&t.lemma).as_str()) {
            return true;
        }
        // the subject of a verb, of the verbs coordinated with it or of their complements
        // (`entered a store … and began to stab people`)
        let crime = |v: usize| super::roles::agent_nouns(&s.tokens[v].lemma.to_lowercase()).iter().any(|n| super::identified::PERPETRATOR_NOUNS.contains(n));
        let subject_of_crime = t.deprel == "nsubj" && t.head > 0 && {
            let v = t.head - 1;
            let mut verbs = vec![v];
            let mut i = 0;
            while i < verbs.len() && verbs.len() < 8 {
                let w = verbs[i];
                verbs.extend(s.tokens.iter().enumerate().filter(|(_, c)| c.head == w + 1 && c.deprel == "conj" && c.upos == "VERB").map(|(k, _)| k));
                i += 1;
            }
            let own_subject = |k: usize| k != v && s.tokens.iter().any(|c| c.head == k + 1 && is_subject_deprel(&c.deprel));
            // `the man was shot`: a passive's subject underwent the act
            let passive = |k: usize| s.tokens.iter().any(|c| c.head == k + 1 && c.deprel == "aux:pass");
            verbs.retain(|&k| !own_subject(k) && !passive(k));
            verbs.iter().any(|&k| crime(k) || s.tokens.iter().enumerate().any(|(x, c)| c.head == k + 1 && c.deprel == "xcomp" && crime(x)))
        };
        subject_of_crime
    }

    /// Joins unnamed people to the names the text gives them: each `links` pair (an unnamed
    /// person, the named person an identifying statement says they are), and, when the document
    /// identifies one person as the doer of its crime (`the attacker, identified as X`), the one
    /// unnamed person who did the act or was arrested for it (`a man stabbed … he … police shot
    /// him`). Every mention dropped for that unnamed person (pronouns, `the man`) becomes the
    /// named one; an unnamed person given two different names stays unnamed.
    pub(super) fn name_unnamed(&mut self, links: &[(usize, usize)], doer: Option<usize>) {
        if self.unnamed.is_empty() {
            return;
        }
        // the tokens standing for each unnamed person (by root)
        let mut tokens: std::collections::BTreeMap<usize, Vec<(usize, usize)>> = std::collections::BTreeMap::new();
        for k in 0..self.unnamed.len() {
            let (si, tok) = (self.unnamed[k].sentence, self.unnamed[k].token);
            tokens.entry(self.unnamed_root(k)).or_default().push((si, tok));
        }
        let refs: Vec<((usize, usize), usize)> = self.unnamed_refs.iter().map(|(&k, &u)| (k, u)).collect();
        for (at, u) in refs {
            let r = self.unnamed_root(u);
            let v = tokens.entry(r).or_default();
            if !v.contains(&at) {
                v.push(at);
            }
        }
        let mut names: std::collections::BTreeMap<usize, std::collections::BTreeSet<usize>> = std::collections::BTreeMap::new();
        for &(u, p) in links {
            names.entry(self.unnamed_root(u)).or_default().insert(p);
        }
        if let Some(p) = doer {
            let doers: Vec<usize> = tokens.iter().filter(|(_, ts)| ts.iter().any(|&(si, tok)| self.is_doer(si, tok))).map(|(&r, _)| r).collect();
            if let [r] = doers[..] {
                names.entry(r).or_default().insert(p);
            }
        }
        for (r, ps) in names {
            let [p] = ps.into_iter().collect::<Vec<_>>()[..] else { continue };
            for &(si, tok) in tokens.get(&r).map(Vec::as_slice).unwrap_or(&[]) {
                if !matches!(self.get_ref(si, tok), None | Some((Target::Drop, "pronoun-unnamed" | UNNAMED_DESCRIPTION))) {
                    continue;
                }
                let s = &self.doc.sentences[si];
                let start = if s.tokens[tok].upos == "PRON" {
                    tok
                } else {
                    let mut i = tok;
                    while i > 0 && tok - i < 5 && matches!(s.tokens[i - 1].upos.as_str(), "DET" | "ADJ" | "NUM") {
                        i -= 1;
                    }
                    i
                };
                if start < tok {
                    let text = join_tokens(s, start..tok + 1);
                    self.note(p, &text, NAMED_LATER, si);
                }
                self.add_mention(si, start..tok + 1, crate::document::EntityType::Person, Some(p));
                self.set_ref(si, start..tok + 1, Target::One(p), NAMED_LATER);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// Facts of `text`'s last sentence, through the real pipeline.
    fn last(text: &str) -> Vec<(String, String, String)> {
        let (sentences, facts) = super::super::tests::pipeline_facts(text);
        facts.into_iter().filter(|f| f.0 == sentences - 1).map(|(_, s, p, o)| (s, p, o)).collect()
    }

    #[test]
    fn she_after_a_named_persons_mother_is_the_mother() {
        let got = last("Ben Tarrow served as an adviser to the council. He had led it since 2017. Tarrow's mother died last week, the Vell Courier reported. She was a sister of the poet Ivo Oster.");
        // must give nothing about Tarrow: `she` is his mother, who has no node
        assert!(!got.iter().any(|(s, _, _)| s.contains("Tarrow")), "{got:?}");
    }

    #[test]
    fn the_man_after_an_unnamed_man_is_not_the_named_official() {
        let got = last(
            "A clerk attacked three people at the Vell tax office on Monday. The attacker, a man, was shot by a guard. Local prosecutor Mara Vellin said the suspect's wife was questioned. Officials said the man was 45 years old. He lived in Ostrava.",
        );
        assert!(!got.iter().any(|(s, _, _)| s.contains("Vellin")), "{got:?}");
        let age = last(
            "A clerk attacked three people at the Vell tax office on Monday. The attacker, a man, was shot by a guard. Local prosecutor Mara Vellin said the suspect's wife was questioned. Officials said the man was 45 years old.",
        );
        assert!(!age.iter().any(|(s, _, _)| s.contains("Vellin")), "{age:?}");
    }

    #[test]
    fn a_named_person_is_still_found_when_no_unnamed_one_competes() {
        let got = last("Ivo Oster won the race in Vell on Sunday. He thanked the crowd.");
        assert!(got.iter().any(|(s, _, _)| s == "Ivo Oster"), "{got:?}");
        // a driver with a name set beside it is that named person
        let got = last("Ivo Oster, a driver from Vell, won the race on Sunday. He thanked the crowd.");
        assert!(got.iter().any(|(s, _, _)| s == "Ivo Oster"), "{got:?}");
    }

    #[test]
    fn the_boy_after_her_son_is_the_son() {
        let got = last("Mara Vellin spoke to the Vell Courier on Friday. Ben Tarrow left the town with her son but later returned the boy to his mother.");
        assert!(!got.iter().any(|(_, _, o)| o == "Mara Vellin"), "{got:?}");
    }

    #[test]
    fn an_age_before_a_noun_for_things_is_no_persons() {
        assert!(super::is_thing_noun("award"), "the learned tables know awards as things");
        let got = last("Ben Tarrow won the Vell Prize on Friday. He is the youngest winner of the 40-year-old award.");
        assert!(!got.iter().any(|(_, _, o)| o == "Ben Tarrow"), "{got:?}");
    }

    #[test]
    fn a_boy_identified_by_name_is_no_unnamed_person() {
        let got = last("Rescuers searched the ruins in Vell on Monday. On Tuesday a two-year-old boy, identified only as Ivo Marek, was found alive. He was flown to a hospital in Ostrava.");
        assert!(got.iter().any(|(s, _, _)| s == "Ivo Marek"), "{got:?}");
    }

    #[test]
    fn an_unnamed_attacker_identified_later_is_the_named_person() {
        // invented
        let (_, facts) = super::super::tests::pipeline_facts(
            "A man in a grey coat entered a bakery in Ostrava on Monday, took a knife and began to stab customers. \
             Police officers chased him and shot him near the station. \
             The attacker, identified as Ivo Oster, 31, had left prison a month ago.",
        );
        let got: Vec<(String, String, String)> = facts.into_iter().map(|(_, s, p, o)| (s, p, o)).collect();
        assert!(got.iter().any(|(s, p, _)| s == "Ivo Oster" && p.contains("enter")), "{got:?}");
        assert!(got.iter().any(|(s, p, o)| s.contains("officer") && p.contains("chase") && o == "Ivo Oster"), "{got:?}");
    }

    #[test]
    fn a_victim_is_not_the_identified_attacker() {
        // invented
        let (_, facts) = super::super::tests::pipeline_facts(
            "A gunman shot a man outside a bar in Vell on Friday. The man was taken to a hospital. \
             The gunman, identified as Ben Tarrow, was arrested on Saturday.",
        );
        let got: Vec<(String, String, String)> = facts.into_iter().map(|(_, s, p, o)| (s, p, o)).collect();
        assert!(!got.iter().any(|(s, p, _)| s == "Ben Tarrow" && p.contains("take")), "{got:?}");
    }

    #[test]
    fn a_man_arrested_and_named_is_the_named_person() {
        // invented
        let (_, facts) = super::super::tests::pipeline_facts(
            "A 40-year-old man was arrested in Ostrava on suspicion of arson. \
             Officials named him on Sunday as Ivo Oster, a local teacher. \
             He was released on bail on Monday.",
        );
        let got: Vec<(String, String, String)> = facts.into_iter().map(|(_, s, p, o)| (s, p, o)).collect();
        assert!(got.iter().any(|(s, p, _)| s == "Ivo Oster" && p.contains("arrest")), "{got:?}");
        assert!(got.iter().any(|(s, p, _)| s == "Ivo Oster" && p.contains("release")), "{got:?}");
    }

    #[test]
    fn it_undergoing_an_act_or_in_speech_is_no_organisation() {
        // invented (pronouns.rs: `pronoun-patient`, `pronoun-speech`)
        let all = |text: &str| super::super::tests::pipeline_facts(text).1.into_iter().map(|(_, s, p, o)| (s, p, o)).collect::<Vec<_>>();
        let got = all("The Vell Council planned a vote on the new parking law for Tuesday. Mayor Ben Tarrow postponed it, citing the cost.");
        assert!(!got.iter().any(|(_, _, o)| o.contains("Vell Council")), "{got:?}");
        let got = all("The Norvia Senate debated the amendment on Monday. It was co-sponsored by Senator Ivo Oster.");
        assert!(!got.iter().any(|(s, _, o)| s == "Ivo Oster" && o.contains("Senate")), "{got:?}");
        let got = all("Ostrava Teller joined the Vell Chess Federation in 2015. I expected it to be approved, because that is their routine.");
        assert!(!got.iter().any(|(s, _, _)| s.contains("Federation")), "{got:?}");
        // an organisation that says what it will do, or that was founded, is still `it`
        let got = all("Norvia Air flies to twelve cities. It was founded in 1990.");
        assert!(got.iter().any(|(s, p, _)| s == "Norvia Air" && p.contains("found")), "{got:?}");
        let got = all("Norvia Air said on Monday it would cut 300 jobs.");
        assert!(got.iter().any(|(s, p, _)| s == "Norvia Air" && p.contains("cut")), "{got:?}");
    }

    #[test]
    fn person_nouns_are_learned_or_closed_class() {
        use super::super::names::Gender;
        assert_eq!(super::person_noun("mother"), Some(Gender::Female));
        assert_eq!(super::person_noun("man"), Some(Gender::Male));
        assert_eq!(super::person_noun("table"), None);
    }
}
