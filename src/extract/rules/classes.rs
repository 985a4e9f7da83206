//! Class facts from an indefinite apposition after a name, read from the words: `for Vela Con,
//! a fan-run convention launched in 2001`, `of Orvo Tools, a company that makes drills`, `to the
//! third Lumen Fest, an annual event dedicated to …` → the name – `is a` – the class phrase.
//!
//! The tree rule for appositions (`titles::appos_props`) gives these when the parser hangs the
//! phrase on the name as `appos` and the name is no prepositional object; a name inside a
//! prepositional phrase or an object is where the parser most often hangs the phrase elsewhere
//! (on the phrase's head noun, as an adverbial clause, or as a clause of its own), while the words
//! say plainly what the name is. Roles of people are the role rules' (`X, a professor at Y`).
//!
//! Also a lowercase class phrase right in front of the name of a thing: `news agency Vell Press`,
//! `the think tank Orvo Institute` → the name – `is a` – the phrase (rule `title:class`).
//!
//! In: the tree's tokens, mention extents and kinds. Out: literal-relation [`Prop`]s.

use super::*;
use crate::document::EntityType;

/// Nouns that count or portion rather than classify (`X, a total of …`, `X, a part of Y`,
/// `X, a group of ten`): general English, closed class.
const PARTITIVE_NOUNS: &[&str] = &[
    "total", "number", "lot", "couple", "series", "range", "set", "pair", "handful", "majority", "minority", "part",
    "kind", "type", "sort", "group", "few", "bit", "share", "portion", "fraction", "percent", "quarter", "half", "third",
    "dozen", "score", "host", "variety", "mix", "combination", "list", "string", "wave", "spate", "flurry",
];

/// Words after the class phrase that close it: a relative pronoun (`a company that makes …`).
const RELATIVES: &[&str] = &["that", "which", "who", "whose", "where"];

impl Rules<'_, '_> {
    /// `NAME, a/an [modifiers] NOUN` closed by punctuation, a relative pronoun, a participle or a
    /// preposition → NAME – is a – [modifiers] NOUN.
    pub fn class_apposition_props(&self, out: &mut Vec<Prop>) {
        let tr = self.tr;
        let n = tr.len();
        let mut s = 0;
        while s < n {
            let Some((ms, e)) = self.ment_at(s).filter(|&(ms, _)| ms == s) else {
                s += 1;
                continue;
            };
            s = e.max(s + 1);
            if let Some(p) = self.class_apposition(ms, e, out) {
                out.push(p);
            }
        }
    }

    fn class_apposition(&self, s: usize, e: usize, out: &[Prop]) -> Option<Prop> {
        let tr = self.tr;
        let n = tr.len();
        // names of things and people, not dates, amounts or titles of works quoted
        if matches!(self.kind_at(s), None | Some(EntityType::Date | EntityType::Quantity | EntityType::Money)) {
            return None;
        }
        // a name the recogniser ran over a preposition (`the Vell Centre for Lumen Fest`) is no
        // safe subject; `of` and `and` belong to many names (`University of Y`)
        if (s..e).any(|k| tr.upos(k) == "ADP" && !tr.lemma_is(k, &["of", "de", "du", "del", "la", "le"])) {
            return None;
        }
        if e + 2 >= n || tr.form(e) != "," || !tr.lemma_is(e + 1, &["a", "an"]) || tr.upos(e + 1) != "DET" {
            return None;
        }
        // the phrase: modifiers and nouns, ending on a lowercase common noun
        let mut k = e + 2;
        let mut head = None;
        while k < n {
            let f = tr.form(k);
            let lower = f.chars().next().is_some_and(char::is_lowercase);
            let hyphen = f == "-" && k + 1 < n;
            let participle = tr.upos(k) == "VERB" && matches!(tr.t[k].xpos.as_str(), "VBN" | "VBG") && k + 1 < n && matches!(tr.upos(k + 1), "NOUN" | "ADJ");
            let adverb = tr.upos(k) == "ADV" && f.ends_with("ly") && k + 1 < n && matches!(tr.upos(k + 1), "ADJ" | "VERB");
            match tr.upos(k) {
                "NOUN" if lower => head = Some(k),
                "ADJ" | "NUM" | "PROPN" | "NOUN" => head = None,
                _ if hyphen || participle || adverb => head = None,
                "VERB" if k > e + 2 && tr.form(k - 1) == "-" => head = None, // `fan-run`, `Vell-based`
                _ => break,
            }
            k += 1;
        }
        let h = head?;
        // the phrase must end on its head noun, which must be no role (the role rules read those),
        // no kinship word and no partitive
        if h + 1 != k || self.role_word_at(h).is_some() || tr.lemma_is(h, PARTITIVE_NOUNS) || tr.form_is(h, PARTITIVE_NOUNS) {
            return None;
        }
        if super::roles::is_kin_noun(&tr.lemma(h).to_lowercase()) {
            return None;
        }
        // closed: the sentence's end, punctuation, a relative pronoun, a participle or a
        // preposition; not `and`/`or` (a list) nor a second indefinite after the comma
        let closed = k >= n
            || (tr.is_punct(k) && tr.form(k) != "-" && !self.is_poss(k))
            || tr.form_is(k, RELATIVES)
            // (a participle the tagger read as a past tense too: `an event dedicated to …`; not
            // a present tense, which would make the phrase a subject: `…, a firm makes`)
            || (tr.upos(k) == "VERB" && !matches!(tr.t[k].xpos.as_str(), "VBZ" | "VBP" | "VB" | "MD") && (tr.t[k].xpos != "VBD" || tr.form(k).ends_with("ed")))
            || (tr.upos(k) == "ADP" && !tr.lemma_is(k, &["of"]));
        if !closed {
            return None;
        }
        // after the phrase, up to its next comma: a finite verb makes the phrase a subject
        // (`according to the Vell Post, a spokesman for the firm said`), and the comma opening
        // `and`, `or`, `nor` or another indefinite makes it an item of a list
        let open_after = k < n && !tr.is_punct(k) && !tr.form_is(k, RELATIVES);
        let mut m = k + 1;
        while open_after && m < n && !tr.is_punct(m) && !tr.form_is(m, RELATIVES) {
            if matches!(tr.upos(m), "VERB" | "AUX") && matches!(tr.t[m].xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD") {
                return None;
            }
            m += 1;
        }
        let m = if open_after { m } else { k };
        if m + 1 < n && tr.form(m) == "," && (tr.lemma_is(m + 1, &["a", "an", "and", "or", "nor"]) || self.ment_at(m + 1).is_some()) {
            return None;
        }
        // `according to X, a …`: the name closes a fronted phrase; what follows is the clause
        if s >= 2 && tr.lemma_is(s - 1, &["to"]) && tr.lemma_is(s - 2, &["according"])
            || s >= 3 && tr.lemma_is(s - 2, &["to"]) && tr.lemma_is(s - 3, &["according"]) && self.is_det(s - 1)
        {
            return None;
        }
        // the tree rule already said it
        let subj = self.span_part(s, e);
        if out.iter().any(|p| p.rule.starts_with("appos") && p.graph && p.subj.toks.iter().any(|t| subj.toks.contains(t)) && p.slots.iter().any(|sl| sl.part.head == h)) {
            return None;
        }
        Some(self.is_a_prop("appos:class", h, subj, (e + 2..k).collect(), 0.55))
    }

    /// `news agency Vell Press`, `the think tank Orvo Institute`, `rock band Lumen`: a lowercase
    /// class phrase right in front of the name of a thing (not a person: the role rules read
    /// those) → NAME – is a – the phrase. The tree must join the two (one is the other's
    /// compound, flat or apposition), so that a verb's two objects (`gave the firm Vela a loan`)
    /// are not read as one phrase.
    pub fn class_descriptor_props(&self, out: &mut Vec<Prop>) {
        let tr = self.tr;
        let n = tr.len();
        let mut s = 0;
        while s < n {
            // a mention, or a run of proper nouns the recogniser left unnamed (`news agency Vellfax`)
            let span = match self.ment_at(s) {
                Some((ms, e)) if ms == s => Some((e, true)),
                None if tr.upos(s) == "PROPN" => {
                    let mut e = s;
                    while e < n && tr.upos(e) == "PROPN" && self.ment_at(e).is_none() {
                        e += 1;
                    }
                    // a capitalised name of more than one letter, ending its phrase: not the head
                    // of a longer name or phrase (`Mayor of Vell`, `state Vela parties`, `De La Vell`)
                    let capital = tr.form(s).chars().next().is_some_and(char::is_uppercase) && (s..e).map(|k| tr.form(k).len()).sum::<usize>() > 1;
                    let ends = e >= n || !(matches!(tr.upos(e), "NOUN" | "PROPN" | "DET" | "X") || tr.lemma_is(e, &["of"]));
                    Some((e, false)).filter(|_| capital && ends)
                }
                _ => None,
            };
            let Some((e, named)) = span else {
                s += 1;
                continue;
            };
            let start = s;
            s = e.max(s + 1);
            if let Some(p) = self.class_descriptor(start, e, named, out) {
                out.push(p);
            }
        }
    }

    fn class_descriptor(&self, s: usize, e: usize, named: bool, out: &[Prop]) -> Option<Prop> {
        let tr = self.tr;
        let n = tr.len();
        // (places neither: the words in front of a place locate within it, `downtown Vell`,
        // `northeast Norvia`, `mainland Norvia`)
        if s < 1
            || (named && self.kind_at(s).is_none())
            || matches!(
                self.kind_at(s),
                Some(
                    EntityType::Person | EntityType::Date | EntityType::Quantity | EntityType::Money | EntityType::Country | EntityType::City | EntityType::Location
                )
            )
        {
            return None;
        }
        // a possessive name owns what follows (`party Vela's leader`)
        if e < n && self.is_poss(e) {
            return None;
        }
        let h = s - 1;
        let lower_noun = |k: usize| tr.upos(k) == "NOUN" && tr.form(k).chars().next().is_some_and(char::is_lowercase) && self.ment_at(k).is_none();
        if !lower_noun(h) || tr.has_feat(h, "Number=Plur") || self.role_word_at(h).is_some() || tr.lemma_is(h, PARTITIVE_NOUNS) {
            return None;
        }
        if super::roles::is_kin_noun(&tr.lemma(h).to_lowercase()) || self.is_date(h) {
            return None;
        }
        // joined in the tree: the noun a compound of the name, or the name in apposition to the noun
        let joined = |k: usize| (tr.head[h] == k && tr.base(h) == "compound") || (tr.head[k] == h && matches!(tr.base(k), "flat" | "appos"));
        if !(s..e).any(joined) {
            return None;
        }
        // the last word of an adjective written with a hyphen (`state-run Vela Rail`) is no noun
        if h > 0 && tr.form(h - 1) == "-" {
            return None;
        }
        // the class phrase: lowercase nouns and adjectives (and hyphens inside words) before it
        let mut b = h;
        while b > 0 {
            let k = b - 1;
            let lower = tr.form(k).chars().next().is_some_and(char::is_lowercase);
            let word = matches!(tr.upos(k), "NOUN" | "ADJ") && lower && self.ment_at(k).is_none() && !tr.lemma_is(k, PARTITIVE_NOUNS);
            let hyphen = tr.form(k) == "-" && k > 0 && !tr.t[k].space_after && !tr.t[k - 1].space_after;
            if !(word || hyphen) || self.role_word_at(k).is_some() {
                break;
            }
            b = k;
        }
        while b < h && tr.form(b) == "-" {
            b += 1;
        }
        // `in this case Vela`, `one giant Vela`: a demonstrative or a number picks out, it classifies
        // nothing; after `a`, the name is the head of a common noun phrase (`a centrist Veltian`)
        if b > 0 && (tr.upos(b - 1) == "NUM" || tr.lemma_is(b - 1, &["this", "that", "these", "those", "one", "a", "an"])) {
            return None;
        }
        let subj = self.span_part(s, e);
        if out.iter().any(|p| p.lit.as_ref().is_some_and(|l| l.words == "is a") && p.subj.toks.iter().any(|t| subj.toks.contains(t))) {
            return None;
        }
        Some(self.is_a_prop("title:class", h, subj, (b..=h).collect(), 0.5))
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::check_cases;

    #[test]
    fn an_indefinite_apposition_after_a_name_gives_its_class() {
        let cases: &[super::super::testkit::Case] = &[
            (
                "Fans/NOUN met/VERB for/ADP {{Vela/PROPN Con}}/PROPN ,/PUNCT a/DET fan/NOUN -/PUNCT run/VERB convention/NOUN \
                 launched/VERB in/ADP 2001/NUM ./PUNCT",
                &[("Vela Con", "is a", "fan-run convention")],
                &[],
            ),
            (
                "She/PRON spoke/VERB of/ADP {{Orvo/PROPN Tools}}/PROPN ,/PUNCT a/DET company/NOUN that/PRON makes/VERB drills/NOUN ./PUNCT",
                &[("Orvo Tools", "is a", "company")],
                &[],
            ),
            (
                "The/DET city/NOUN hosted/VERB the/DET third/ADJ {{Lumen/PROPN Fest}}/PROPN ,/PUNCT an/DET annual/ADJ event/NOUN \
                 dedicated/VERB to/ADP art/NOUN ./PUNCT",
                &[("Lumen Fest", "is a", "annual event")],
                &[],
            ),
            // a list of indefinites, a partitive, a phrase that runs on, a role (the role rules')
            (
                "They/PRON visited/VERB {{Orvo/PROPN Hall}}/PROPN ,/PUNCT a/DET museum/NOUN ,/PUNCT a/DET school/NOUN and/CCONJ a/DET park/NOUN ./PUNCT",
                &[],
                &["Orvo Hall"],
            ),
            (
                "Funds/NOUN went/VERB to/ADP {{Orvo/PROPN Tools}}/PROPN ,/PUNCT a/DET total/NOUN of/ADP 40/NUM ./PUNCT",
                &[],
                &["Orvo Tools"],
            ),
            (
                "He/PRON met/VERB {{Orvo/PROPN Tools}}/PROPN ,/PUNCT a/DET firm/NOUN and/CCONJ {{Vela/PROPN Con}}/PROPN ./PUNCT",
                &[],
                &["Orvo Tools"],
            ),
            (
                "It/PRON has/VERB no/DET seat/NOUN in/ADP the/DET {{Vell/PROPN Senate}}/PROPN ,/PUNCT a/DET vote/NOUN in/ADP the/DET \
                 {{Vell/PROPN House}}/PROPN ,/PUNCT nor/CCONJ a/DET say/NOUN ./PUNCT",
                &[],
                &["Vell Senate"],
            ),
            (
                "According/VERB to/ADP the/DET {{Vell/PROPN Post}}/PROPN ,/PUNCT a/DET survey/NOUN in/ADP the/DET city/NOUN \
                 found/VERB a/DET lead/NOUN ./PUNCT",
                &[],
                &["Vell Post"],
            ),
            (
                "They/PRON spoke/VERB to/ADP [[Mara/PROPN Vellin]]/PROPN ,/PUNCT a/DET professor/NOUN at/ADP {{Ostrava/PROPN University}}/PROPN ./PUNCT",
                &[],
                &["Mara Vellin"],
            ),
        ];
        check_cases(cases, "appos:class");
    }

    #[test]
    fn a_class_phrase_in_front_of_a_name_gives_its_class() {
        let cases: &[super::super::testkit::Case] = &[
            (
                "He/PRON told/VERB news/NOUN/4/compound agency/NOUN/6/compound {{Vell/PROPN/6/compound Press}}/PROPN/2/obj ./PUNCT",
                &[("Vell Press", "is a", "news agency")],
                &[],
            ),
            (
                "The/DET think/NOUN/3/compound tank/NOUN/5/compound {{Orvo/PROPN/5/compound Institute}}/PROPN/6/nsubj wrote/VERB ./PUNCT",
                &[("Orvo Institute", "is a", "think tank")],
                &[],
            ),
            // not a person (the role rules'), not a possessor, not two objects the tree keeps apart
            (
                "The/DET singer/NOUN/3/compound [[Mara/PROPN/3/compound Vellin]]/PROPN/4/nsubj sang/VERB ./PUNCT",
                &[],
                &["Mara Vellin"],
            ),
            (
                "The/DET party/NOUN/4/compound {{Vela/PROPN/4/compound Union}}/PROPN/6/nmod:poss 's/PART/4/case leader/NOUN/7/nsubj spoke/VERB ./PUNCT",
                &[],
                &["Vela Union"],
            ),
            (
                "They/PRON gave/VERB/0/root the/DET firm/NOUN/2/iobj {{Vela/PROPN/6/compound Tools}}/PROPN/2/obj ./PUNCT",
                &[],
                &["Vela Tools"],
            ),
            (
                "In/ADP this/DET case/NOUN/5/compound {{Vela/PROPN/5/compound Tools}}/PROPN/6/nsubj won/VERB ./PUNCT",
                &[],
                &["Vela Tools"],
            ),
            (
                // a name the recogniser left unnamed
                "He/PRON spoke/VERB to/ADP news/NOUN/5/compound agency/NOUN/2/obl Vellfax/PROPN/5/appos ./PUNCT",
                &[("Vellfax", "is a", "news agency")],
                &[],
            ),
            (
                // the head of a longer phrase, and a name after `a`, are no names classified
                "The/DET part/ADJ time/NOUN/4/compound Mayor/PROPN/6/nsubj of/ADP Vell/PROPN/4/nmod quit/VERB ./PUNCT",
                &[],
                &["Mayor"],
            ),
            (
                "He/PRON is/AUX a/DET centrist/NOUN/4/compound Veltian/PROPN/0/root ./PUNCT",
                &[],
                &["Veltian"],
            ),
            (
                "They/PRON toured/VERB downtown/NOUN/4/compound ((Vell))/PROPN/2/obj ./PUNCT",
                &[],
                &["Vell"],
            ),
        ];
        check_cases(cases, "title:class");
    }
}
