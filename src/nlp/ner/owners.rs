//! The name a person is `of` (`Ivo Tamm of Vell Research said`, `Ana Reyes of Brenmouth Fire and
//! Rescue said`) is the organisation the person speaks for, even when the tagger typed it as a
//! person, or cut it at `and`.
//!
//! In: a sentence's tokens (with UPOS) and its name spans as the tagger found them. Out: the same
//! spans, each name of two or more words tagged as a person right after `PERSON of [the]` retyped
//! as an organisation, widened over `and`/`&` and the capitalised words after it. News writes a
//! speaker's affiliation this way; a person is hardly ever `of` another person, and the tagger
//! takes an unfamiliar organisation of capitalised words (`Vell Research`) for a person's name:
//! the speaker's affiliation is then lost, and the organisation's later mentions find no node.
//!
//! The owner must close the phrase (punctuation, a verb, an auxiliary, `who`/`which`, or the end
//! follows): `Ivo Tamm of Ana Reyes's team` is left alone. A one-word name after `of` is left
//! alone too (`Joan of Vell` may be a place or a byname).

use super::{NameSpan, NerClass};
use crate::document::Token;

/// The spans with each person-typed name after `PERSON of [the]` retyped as an organisation (see
/// the module comment).
pub(super) fn type_owners_of_people(tokens: &[Token], mut spans: Vec<NameSpan>) -> Vec<NameSpan> {
    for k in 0..spans.len() {
        if spans[k].1 != NerClass::Per {
            continue;
        }
        let of = spans[k].0.end;
        if !tokens.get(of).is_some_and(|t| t.form == "of") {
            continue;
        }
        let start = if tokens.get(of + 1).is_some_and(|t| t.form.eq_ignore_ascii_case("the")) { of + 2 } else { of + 1 };
        let Some(owner) = spans.iter().position(|(r, c)| r.start == start && *c == NerClass::Per && r.len() >= 2) else { continue };
        let end = joined_end(tokens, spans[owner].0.end);
        let next = spans.get(owner + 1).map(|(r, _)| r.start);
        // the widened name must not run into the next name, and it must close the phrase
        if next.is_some_and(|s| s < end) || !closes(tokens, end) {
            continue;
        }
        spans[owner] = (start..end, NerClass::Org);
    }
    spans
}

fn capitalised(t: &Token) -> bool {
    t.form.chars().next().is_some_and(char::is_uppercase) && matches!(t.upos.as_str(), "PROPN" | "NOUN")
}

/// The end of a name that ends at `end`, widened over `and`/`&` and the capitalised words after
/// it (`Brenmouth Fire` + `and Rescue`).
fn joined_end(tokens: &[Token], mut end: usize) -> usize {
    while end + 1 < tokens.len() && matches!(tokens[end].form.as_str(), "and" | "&") && capitalised(&tokens[end + 1]) {
        end += 2;
        while end < tokens.len() && capitalised(&tokens[end]) {
            end += 1;
        }
    }
    end
}

/// Whether the phrase ends at `k`: the sentence ends, or punctuation, a verb, an auxiliary or a
/// relative pronoun follows.
fn closes(tokens: &[Token], k: usize) -> bool {
    let Some(t) = tokens.get(k) else { return true };
    matches!(t.upos.as_str(), "PUNCT" | "VERB" | "AUX") || matches!(t.form.as_str(), "who" | "which")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::ner::tests::tagged;

    #[test]
    fn a_person_typed_name_after_person_of_is_an_organisation() {
        // "Ivo Tamm of Vell Research said": both names tagged as people
        let toks = tagged("Ivo/PROPN Tamm/PROPN of/ADP Vell/PROPN Research/PROPN said/VERB");
        let spans = vec![(0..2, NerClass::Per), (3..5, NerClass::Per)];
        assert_eq!(type_owners_of_people(&toks, spans), vec![(0..2, NerClass::Per), (3..5, NerClass::Org)]);
        // "Ana Reyes of the Brenmouth Fire and Rescue said": the tagger stopped at `and`
        let toks = tagged("Ana/PROPN Reyes/PROPN of/ADP the/DET Brenmouth/PROPN Fire/PROPN and/CCONJ Rescue/PROPN said/VERB");
        let spans = vec![(0..2, NerClass::Per), (4..6, NerClass::Per)];
        assert_eq!(type_owners_of_people(&toks, spans), vec![(0..2, NerClass::Per), (4..8, NerClass::Org)]);
    }

    #[test]
    fn owners_that_leave_the_phrase_open_or_are_one_word_stay_people() {
        // must give nothing: a possessive after the owner, a one-word owner, no person before
        // `of`, an owner followed by a noun
        let cases: [(&str, Vec<NameSpan>); 4] = [
            ("Ivo/PROPN Tamm/PROPN of/ADP Ana/PROPN Reyes/PROPN 's/PART team/NOUN said/VERB", vec![(0..2, NerClass::Per), (3..5, NerClass::Per)]),
            ("Ivo/PROPN Tamm/PROPN of/ADP Reyes/PROPN said/VERB", vec![(0..2, NerClass::Per), (3..4, NerClass::Per)]),
            ("the/DET son/NOUN of/ADP Ana/PROPN Reyes/PROPN said/VERB", vec![(3..5, NerClass::Per)]),
            ("Ivo/PROPN Tamm/PROPN of/ADP Ana/PROPN Reyes/PROPN fame/NOUN said/VERB", vec![(0..2, NerClass::Per), (3..5, NerClass::Per)]),
        ];
        for (spec, spans) in cases {
            assert_eq!(type_owners_of_people(&tagged(spec), spans.clone()), spans, "{spec}");
        }
    }
}
