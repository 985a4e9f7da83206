//! Document pass over person mentions that name no person: a plural group name (`Norvians`,
//! `Vellists`, `235 Tarmocrats`) and an acronym (`NVA`) the tagger typed PER.
//!
//! In: the sentences (tags and tree) and the mentions of a document, as
//! [`Recognizer::recognize_document`](super::Recognizer::recognize_document) found them. Out: the
//! mentions retyped in place — a plural group name becomes a [`EntityType::Concept`] (a class of
//! people, no individual: UNER marks no such name, GUM marks them as groups of persons), an
//! acronym an [`EntityType::Organization`]. The NER labels (`Token.ner`) stay as they are, so
//! `kgraph eval ner` is unchanged; what changes is what resolution may do with the mention (a
//! person's pronoun, a person's role, `the company` refused to an organisation typed PER).

use crate::document::{EntityType, Mention, Sentence};
use rustc_hash::FxHashSet as HashSet;
use std::collections::HashMap;

/// Determiners and adjectives that count or quantify a plural noun: evidence that a capitalised
/// plural is a group of people (`many Norvians`, `fellow Vellists`) rather than a surname.
/// General English, the closed family.
const QUANTIFIERS: &[&str] = &[
    "many", "all", "some", "most", "few", "several", "both", "fellow", "other", "more", "fewer", "numerous", "countless",
    "thousands", "millions", "hundreds", "dozens", "young", "ordinary",
];

/// The singular of a capitalised plural word written `…s` (`Norvians` → `Norvian`), when the
/// word has the form of one: a capital, then lowercase letters (an apostrophe or hyphen
/// allowed), ending in one `s`.
fn singular_of(form: &str) -> Option<&str> {
    let one = form.strip_suffix('s')?;
    let mut cs = one.chars();
    let ok = cs.next().is_some_and(char::is_uppercase)
        && one.chars().count() >= 3
        && !one.ends_with('s')
        && !one.ends_with('\'')
        && cs.all(|c| c.is_lowercase() || c == '-' || c == '\'');
    ok.then_some(one)
}

/// Whether the token at `i` is counted or quantified: a number (`nummod`) or a quantifying word
/// ([`QUANTIFIERS`]) depends on it.
fn quantified(s: &Sentence, i: usize) -> bool {
    s.tokens.iter().any(|t| {
        t.head == i + 1
            && (t.deprel == "nummod" || matches!(t.deprel.as_str(), "det" | "amod") && QUANTIFIERS.contains(&t.form.to_lowercase().as_str()))
    })
}

/// Whether a word is an acronym: two to six capital letters (digits and `&` allowed after the
/// first), no lowercase letter.
fn is_acronym(w: &str) -> bool {
    let n = w.chars().count();
    (2..=6).contains(&n)
        && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && w.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&')
        && w.chars().filter(char::is_ascii_uppercase).count() >= 2
}

/// Retypes the document's one-word person mentions that name a group or an organisation:
/// - a plural group name: the word is tagged a plural noun (`NNPS`/`NNS`) written `…s`, is no
///   word of a person's name of several words in the document (`Ada Vellers` … `Vellers`), and
///   either the gazetteer reads it as a demonym (`Norvians`), the document writes its singular
///   elsewhere outside person names (`a Tarmocrat senator` … `Tarmocrats`), or a number or a
///   quantifier counts it (`235 Tarmocrats`, `many Vellists`) → [`EntityType::Concept`];
/// - an acronym (`NVA`) that is no person's initials in the document (`Ada Vell Novak` … `AVN`)
///   → [`EntityType::Organization`].
pub(super) fn retype_groups_and_acronyms(sentences: &[Sentence], position: &HashMap<usize, usize>, mentions: &mut [Mention]) {
    let sentence_of = |m: &Mention| position.get(&m.sentence).map(|&k| &sentences[k]);
    // the words of persons' names of several words, and their initials
    let mut name_words: HashSet<&str> = HashSet::default();
    let mut initials: HashSet<String> = HashSet::default();
    // every capitalised word outside person mentions, to find a plural's singular
    let mut in_person: HashSet<(usize, usize)> = HashSet::default();
    for m in mentions.iter().filter(|m| m.kind == EntityType::Person) {
        for i in m.tokens.clone() {
            in_person.insert((m.sentence, i));
        }
        if m.tokens.len() < 2 {
            continue;
        }
        let Some(s) = sentence_of(m) else { continue };
        let toks = &s.tokens[m.tokens.clone()];
        for t in toks {
            name_words.insert(t.form.as_str());
        }
        initials.insert(toks.iter().filter_map(|t| t.form.chars().next()).filter(|c| c.is_uppercase()).collect());
    }
    let mut outside: HashSet<&str> = HashSet::default();
    for s in sentences {
        for (i, t) in s.tokens.iter().enumerate() {
            if !in_person.contains(&(s.index, i)) && t.form.starts_with(char::is_uppercase) {
                outside.insert(t.form.as_str());
            }
        }
    }
    let gaz = crate::nlp::gazetteer::Gazetteer::embedded();
    let mut kinds = Vec::with_capacity(mentions.len());
    for m in mentions.iter() {
        let mut kind = m.kind;
        if m.kind == EntityType::Person
            && m.tokens.len() == 1
            && let Some(s) = sentence_of(m)
            && let Some(t) = s.tokens.get(m.tokens.start)
        {
            let w = t.form.as_str();
            let plural_tag = matches!(t.xpos.as_str(), "NNPS" | "NNS");
            if plural_tag
                && !name_words.contains(w)
                && let Some(one) = singular_of(w)
                && (gaz.demonym(w).is_some() || outside.contains(one) || quantified(s, m.tokens.start))
            {
                kind = EntityType::Concept;
            } else if is_acronym(w) && !initials.contains(w) {
                kind = EntityType::Organization;
            }
        }
        kinds.push(kind);
    }
    // one word names one kind of thing in a document: the other person mentions of a group
    // name found so follow it (`Tarmocrats` untagged for number in one sentence, counted in another)
    let groups: HashSet<&str> =
        mentions.iter().zip(&kinds).filter(|(m, k)| **k == EntityType::Concept && m.kind == EntityType::Person).map(|(m, _)| m.text.as_str()).collect();
    let kinds: Vec<EntityType> = mentions
        .iter()
        .zip(kinds.iter())
        .map(|(m, &k)| if k == EntityType::Person && m.tokens.len() == 1 && groups.contains(m.text.as_str()) { EntityType::Concept } else { k })
        .collect();
    for (m, k) in mentions.iter_mut().zip(kinds) {
        m.kind = k;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Span, Token};
    use std::ops::Range;

    /// A sentence from `form/XPOS/head/deprel` items (head 1-based, 0 = root).
    fn sentence(index: usize, items: &[(&str, &str, usize, &str)]) -> Sentence {
        let tokens = items
            .iter()
            .map(|&(f, x, h, d)| Token { form: f.into(), xpos: x.into(), head: h, deprel: d.into(), ..Token::new(f, Span::default()) })
            .collect();
        Sentence { index, paragraph: 1, tokens, ..Default::default() }
    }

    fn person(s: &Sentence, r: Range<usize>) -> Mention {
        let text = s.tokens[r.clone()].iter().map(|t| t.form.as_str()).collect::<Vec<_>>().join(" ");
        Mention { sentence: s.index, tokens: r, span: Span::default(), text, kind: EntityType::Person, entity: None }
    }

    fn retyped(sentences: &[Sentence], mut ms: Vec<Mention>) -> Vec<EntityType> {
        let position = crate::document::sentence_positions(sentences);
        retype_groups_and_acronyms(sentences, &position, &mut ms);
        ms.into_iter().map(|m| m.kind).collect()
    }

    #[test]
    fn a_counted_plural_group_name_is_no_person_and_its_repeats_follow() {
        // `The chamber includes 235 Tarmocrats .` / `Tarmocrats backed Mara Vellin .`
        let a = sentence(0, &[("The", "DT", 2, "det"), ("chamber", "NN", 3, "nsubj"), ("includes", "VBZ", 0, "root"), ("235", "CD", 5, "nummod"), ("Tarmocrats", "NNPS", 3, "obj"), (".", ".", 3, "punct")]);
        let b = sentence(1, &[("Tarmocrats", "NNPS", 2, "nsubj"), ("backed", "VBD", 0, "root"), ("Mara", "NNP", 2, "obj"), ("Vellin", "NNP", 3, "flat"), (".", ".", 2, "punct")]);
        let ms = vec![person(&a, 4..5), person(&b, 0..1), person(&b, 2..4)];
        assert_eq!(retyped(&[a, b], ms), vec![EntityType::Concept, EntityType::Concept, EntityType::Person]);
    }

    #[test]
    fn a_plural_whose_singular_the_document_writes_is_a_group() {
        // `Ben Tarrow , a Vellist , said .` / `Vellists met .`
        let a = sentence(0, &[("Ben", "NNP", 6, "nsubj"), ("Tarrow", "NNP", 1, "flat"), (",", ",", 5, "punct"), ("a", "DT", 5, "det"), ("Vellist", "NNP", 1, "appos"), ("said", "VBD", 0, "root")]);
        let b = sentence(1, &[("Vellists", "NNPS", 2, "nsubj"), ("met", "VBD", 0, "root")]);
        let ms = vec![person(&a, 0..2), person(&b, 0..1)];
        assert_eq!(retyped(&[a, b], ms), vec![EntityType::Person, EntityType::Concept]);
    }

    #[test]
    fn a_surname_written_with_an_s_stays_a_person() {
        // must keep: `Ivo Vellers spoke .` / `many thanks , Vellers said` — the surname of a full name
        let a = sentence(0, &[("Ivo", "NNP", 3, "nsubj"), ("Vellers", "NNPS", 1, "flat"), ("spoke", "VBD", 0, "root")]);
        let b = sentence(1, &[("Many", "JJ", 2, "amod"), ("Vellers", "NNPS", 3, "nsubj"), ("spoke", "VBD", 0, "root")]);
        let ms = vec![person(&a, 0..2), person(&b, 1..2)];
        assert_eq!(retyped(&[a, b], ms), vec![EntityType::Person, EntityType::Person]);
        // an uncounted plural with no other evidence is left alone
        let c = sentence(0, &[("Ostravas", "NNPS", 2, "nsubj"), ("spoke", "VBD", 0, "root")]);
        assert_eq!(retyped(std::slice::from_ref(&c), vec![person(&c, 0..1)]), vec![EntityType::Person]);
    }

    #[test]
    fn an_acronym_typed_as_a_person_is_an_organisation_unless_it_spells_a_persons_initials() {
        // `NVRA sued Ada Vell Novak .` / `AVN replied .`
        let a = sentence(0, &[("NVRA", "NNP", 2, "nsubj"), ("sued", "VBD", 0, "root"), ("Ada", "NNP", 2, "obj"), ("Vell", "NNP", 3, "flat"), ("Novak", "NNP", 3, "flat")]);
        let b = sentence(1, &[("AVN", "NNP", 2, "nsubj"), ("replied", "VBD", 0, "root")]);
        let ms = vec![person(&a, 0..1), person(&a, 2..5), person(&b, 0..1)];
        assert_eq!(retyped(&[a, b], ms), vec![EntityType::Organization, EntityType::Person, EntityType::Person]);
    }
}
