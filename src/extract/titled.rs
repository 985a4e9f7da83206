//! Names whose words around them say what they are, retyped before extraction and resolution:
//!
//! - behind a role noun, a person: `basketball player Ana Reyes`, `the singer Cy Dorn` (the
//!   named-entity model sometimes types them as an organisation or a place);
//! - behind `the city of` / `the town of` (the nouns of settlements), a city: `the town of
//!   Millbrook said`, and so is every other one-word mention of the same name typed as a person
//!   (the model's document-level pass made `Millbrook` a person everywhere after one subject use);
//! - a name the model cut before a lowercase particle, one person: `Karim` + `bin Tarek`,
//!   `Ana` + `de Souza` (the first part may even be typed as a place: `Usama` + `bin Tarek`).
//!
//! In: the document's sentences and named-entity mentions. Out: the same mentions, some retyped.

use super::lexicon::role_class;
use crate::document::{EntityType, Mention, Sentence, sentence_positions};

/// Retypes as `Person` the multi-word proper-noun mentions typed as an organisation or a place
/// that stand right after a role noun (`player`, `Mayor`, `immunologist`).
pub fn retype_titled_people(sentences: &[Sentence], mentions: &mut [Mention]) {
    let position = sentence_positions(sentences);
    for m in mentions.iter_mut() {
        let retypable = matches!(
            m.kind,
            EntityType::Organization | EntityType::Company | EntityType::Location | EntityType::City
        );
        if !retypable || m.tokens.len() < 2 || m.tokens.start == 0 {
            continue;
        }
        let Some(s) = position.get(&m.sentence).map(|&k| &sentences[k]) else { continue };
        let Some(toks) = s.tokens.get(m.tokens.clone()) else { continue };
        if !toks.iter().all(|t| t.upos == "PROPN") {
            continue;
        }
        let before = &s.tokens[m.tokens.start - 1];
        let role = role_class(&before.form.to_lowercase()).or_else(|| role_class(&before.lemma.to_lowercase()));
        // a singular role noun: `players Vela United` is no person
        if role.is_some() && matches!(before.upos.as_str(), "NOUN" | "PROPN") && !before.feats.contains("Number=Plur") {
            m.kind = EntityType::Person;
        }
    }
}

/// Nouns of settlements that name a place with `of` (`the city of X`). General English.
const SETTLEMENT_NOUNS: &[&str] = &["city", "town", "village", "municipality", "borough", "township", "hamlet"];

/// Retypes as `City` the names written `the city of X` that the model typed as people, and the
/// one-word person mentions of the same name elsewhere in the document.
pub fn retype_named_settlements(sentences: &[Sentence], mentions: &mut [Mention]) {
    let position = sentence_positions(sentences);
    let mut names: Vec<String> = Vec::new();
    for m in mentions.iter_mut() {
        if m.kind != EntityType::Person || m.tokens.start < 2 {
            continue;
        }
        let Some(s) = position.get(&m.sentence).map(|&k| &sentences[k]) else { continue };
        let (noun, of) = (&s.tokens[m.tokens.start - 2], &s.tokens[m.tokens.start - 1]);
        if of.lemma == "of" && SETTLEMENT_NOUNS.contains(&noun.lemma.to_lowercase().as_str()) {
            m.kind = EntityType::City;
            names.push(m.text.clone());
        }
    }
    for m in mentions.iter_mut() {
        if m.kind == EntityType::Person && m.tokens.len() == 1 && names.contains(&m.text) {
            m.kind = EntityType::City;
        }
    }
}

/// Joins a one-word name and the person mention right after it that opens with a lowercase
/// particle (`Karim` + `bin Tarek`) into one person mention, as the resolver reads them.
pub fn join_cut_names(sentences: &[Sentence], mentions: Vec<Mention>) -> Vec<Mention> {
    let position = sentence_positions(sentences);
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        let particle = position
            .get(&m.sentence)
            .and_then(|&k| sentences[k].tokens.get(m.tokens.start))
            .is_some_and(|t| t.form.chars().next().is_some_and(char::is_lowercase) && t.form.chars().all(|c| c.is_alphabetic() || c == '-'));
        if let Some(last) = out.last_mut() {
            let joinable = last.sentence == m.sentence
                && last.tokens.end == m.tokens.start
                && last.tokens.len() == 1
                && m.kind == EntityType::Person
                && particle
                && matches!(last.kind, EntityType::Person | EntityType::Location | EntityType::City | EntityType::Organization);
            if joinable {
                last.tokens.end = m.tokens.end;
                last.span = last.span.cover(&m.span);
                last.text = format!("{} {}", last.text, m.text);
                last.kind = EntityType::Person;
                continue;
            }
        }
        out.push(m);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::rules::testkit::sentence;

    fn kinds(spec: &str) -> Vec<(String, EntityType)> {
        let (s, mut m) = sentence(spec);
        retype_titled_people(std::slice::from_ref(&s), &mut m);
        m.iter().map(|m| (s.tokens[m.tokens.clone()].iter().map(|t| t.form.as_str()).collect::<Vec<_>>().join(" "), m.kind)).collect()
    }

    #[test]
    fn a_name_after_a_role_noun_is_a_person() {
        let got = kinds("The/DET basketball/NOUN player/NOUN {{Ana/PROPN Reyes}}/PROPN scored/VERB ./PUNCT");
        assert_eq!(got, vec![("Ana Reyes".to_owned(), EntityType::Person)]);
        // after a verb, or a one-word name, nothing changes
        let got = kinds("Fans/NOUN of/ADP {{Vela/PROPN United}}/PROPN cheered/VERB for/ADP {{Dynamo}}/PROPN ./PUNCT");
        assert_eq!(got, vec![("Vela United".to_owned(), EntityType::Organization), ("Dynamo".to_owned(), EntityType::Organization)]);
    }

    #[test]
    fn a_name_cut_before_a_particle_is_one_person() {
        let (s, m) = sentence("[[Karim]]/PROPN [[bin/PROPN Tarek]]/PROPN and/CCONJ ((Usama))/PROPN [[al/PROPN Vela]]/PROPN and/CCONJ [[Ana]]/PROPN [[Reyes]]/PROPN met/VERB ./PUNCT");
        let joined = join_cut_names(std::slice::from_ref(&s), m);
        let spans: Vec<(std::ops::Range<usize>, EntityType)> = joined.iter().map(|m| (m.tokens.clone(), m.kind)).collect();
        // two capitalised one-word names stay apart here (`Ana` `Reyes`: the resolver decides)
        assert_eq!(
            spans,
            vec![(0..3, EntityType::Person), (4..7, EntityType::Person), (8..9, EntityType::Person), (9..10, EntityType::Person)]
        );
    }

    #[test]
    fn the_city_of_a_name_is_a_city() {
        let (s, mut m) = sentence("The/DET city/NOUN of/ADP [[Millbrook]]/PROPN said/VERB [[Millbrook]]/PROPN and/CCONJ the/DET son/NOUN of/ADP [[Ana/PROPN Reyes]]/PROPN agree/VERB ./PUNCT");
        for t in &mut m {
            t.text = s.tokens[t.tokens.clone()].iter().map(|t| t.form.as_str()).collect::<Vec<_>>().join(" ");
        }
        retype_named_settlements(std::slice::from_ref(&s), &mut m);
        let kinds: Vec<EntityType> = m.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, vec![EntityType::City, EntityType::City, EntityType::Person]);
    }
}
