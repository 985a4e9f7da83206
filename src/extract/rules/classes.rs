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
}
