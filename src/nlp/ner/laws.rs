//! Names of laws and agreements that the tagger typed as a person: `the "Vell Housing Reform Bill
//! 2019"` comes out as a person named `Vell Housing Reform Bill` (`Bill` is also a given name, and
//! quotation marks hide the `the` that says it is no one). A person's name does not end on the
//! head noun of a law or an agreement, so such a span is no person; it is left unnamed, and the
//! resolver keeps the words as one concept that `the bill` or `the law` can refer back to.
//!
//! In: a sentence's tokens and its name spans. Out: the spans without those person spans. `Bill`
//! closes a law's name only after two other words (`Wild Bill` may be a person).

use super::{NameSpan, NerClass};
use crate::document::Token;

/// Head nouns that close the name of a law or an agreement (general English, capitalised in the
/// name).
const LAW_HEADS: &[&str] = &["Act", "Bill", "Treaty", "Accord", "Accords", "Agreement", "Convention", "Statute", "Code"];

/// The spans without the person spans that end on a law's or an agreement's head noun (see the
/// module comment).
pub(super) fn drop_laws_typed_as_people(tokens: &[Token], mut spans: Vec<NameSpan>) -> Vec<NameSpan> {
    spans.retain(|(r, c)| {
        if *c != NerClass::Per || r.len() < 2 {
            return true;
        }
        let last = tokens[r.end - 1].form.as_str();
        let law = LAW_HEADS.contains(&last) && (last != "Bill" || r.len() >= 3);
        !law
    });
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::ner::tests::tagged;

    #[test]
    fn a_person_span_closing_on_a_law_s_head_is_no_person() {
        let toks = tagged("the/DET \"/PUNCT Vell/PROPN Housing/PROPN Reform/PROPN Bill/PROPN 2019/NUM \"/PUNCT passed/VERB");
        assert_eq!(drop_laws_typed_as_people(&toks, vec![(2..6, NerClass::Per)]), vec![]);
        let toks = tagged("the/DET Orvo/PROPN River/PROPN Accord/PROPN was/AUX signed/VERB");
        assert_eq!(drop_laws_typed_as_people(&toks, vec![(1..4, NerClass::Per)]), vec![]);
    }

    #[test]
    fn people_and_other_names_stay() {
        // must give nothing: a two-word name on `Bill`, a person, an organisation on `Act`
        let cases: [(&str, Vec<NameSpan>); 3] = [
            ("Wild/PROPN Bill/PROPN rode/VERB", vec![(0..2, NerClass::Per)]),
            ("Ana/PROPN Reyes/PROPN spoke/VERB", vec![(0..2, NerClass::Per)]),
            ("Vell/PROPN Act/PROPN Ltd/PROPN sued/VERB", vec![(0..2, NerClass::Org)]),
        ];
        for (spec, spans) in cases {
            assert_eq!(drop_laws_typed_as_people(&tagged(spec), spans.clone()), spans, "{spec}");
        }
    }
}
