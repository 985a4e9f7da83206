//! Institution names written as a head word with an `of`/`on`/`for` complement
//! (`Brentham Department of Water Supply`, `Commission on Rural Roads`).
//!
//! In: a sentence's tokens (with UPOS) and its name spans as the tagger found them. Out: the same
//! spans, each institution name that the tagger cut before its complement widened over it and typed
//! as an organisation. The tagger often ends such a name at `of` (`United States Department` +
//! `of Energy` untagged) or types the complement as a place of its own (`Rural Roads`): the node
//! then gets a cut label that every later full mention misses, and the complement a false node.
//!
//! A capitalised institution head ([`INSTITUTION_HEADS`], general English) that ends a name span or
//! stands untagged (with the capitalised untagged words before it), then `of`, `on` or `for`, then a run of capitalised words (`and`/`&` allowed
//! between two of them, as in `Health and Family Services`) is one organisation's name.
//! A name the tagger found whole (head to the complement's end) but typed as a place becomes an
//! organisation (`Bureau of Coastal Surveys`). Not joined:
//! a lowercase head (`the department of Brentham`), a complement that opens with a lowercase word
//! (`Office of the Mayor`, left to the tagger), a run that meets a person's name or a name reaching
//! past it, and a day or month (`the Court on Friday`).

use super::{NameSpan, NerClass, patterns};
use crate::document::Token;

/// Head nouns of public, academic and civic institutions whose proper names take an `of`/`on`/`for`
/// complement. General English; company forms are joined elsewhere (`COMPANY_FORMS`).
const INSTITUTION_HEADS: &[&str] = &[
    "department", "ministry", "commission", "agency", "bureau", "council", "court", "office", "committee", "authority",
    "board", "institute", "university", "college", "academy", "service", "services", "administration", "secretariat",
    "tribunal", "directorate", "inspectorate", "federation", "league", "union", "association", "society",
    "organization", "organisation",
];

/// Words that link a head to its complement inside an institution's name.
const LINKS: &[&str] = &["of", "on", "for"];

fn is_head(t: &Token) -> bool {
    capitalised(t) && INSTITUTION_HEADS.iter().any(|h| h.eq_ignore_ascii_case(&t.form))
}

fn capitalised(t: &Token) -> bool {
    t.form.chars().next().is_some_and(char::is_uppercase)
}

/// A word of the complement: capitalised, tagged as a name, noun or adjective, not a day or month.
fn complement_word(t: &Token) -> bool {
    capitalised(t) && matches!(t.upos.as_str(), "PROPN" | "NOUN" | "ADJ") && !patterns::is_time_name(&t.form.to_lowercase())
}

/// The end (exclusive) of the capitalised complement that starts at `start`, if there is one.
fn complement_end(tokens: &[Token], start: usize) -> Option<usize> {
    if start >= tokens.len() || !complement_word(&tokens[start]) {
        return None;
    }
    let mut end = start + 1;
    loop {
        if end < tokens.len() && complement_word(&tokens[end]) {
            end += 1;
        } else if end + 1 < tokens.len() && matches!(tokens[end].form.as_str(), "and" | "&") && complement_word(&tokens[end + 1]) {
            end += 2;
        } else {
            return Some(end);
        }
    }
}

/// The spans with institution names widened over their `of`/`on`/`for` complement (see the module
/// comment).
pub(super) fn join_institution_names(tokens: &[Token], mut spans: Vec<NameSpan>) -> Vec<NameSpan> {
    let mut head = 0;
    while head + 2 < tokens.len() {
        let link = &tokens[head + 1].form;
        if !is_head(&tokens[head]) || !LINKS.contains(&link.as_str()) {
            head += 1;
            continue;
        }
        let Some(end) = complement_end(tokens, head + 2) else {
            head += 1;
            continue;
        };
        // the tagger found the whole name but typed it a place (`Bureau of Coastal Surveys` as LOC):
        // a name that runs from a head over its complement is an organisation's
        if let Some(k) = spans.iter().position(|(r, c)| *c == NerClass::Loc && r.contains(&head) && r.end == end) {
            spans[k].1 = NerClass::Org;
            head = end;
            continue;
        }
        let own = spans.iter().find(|(r, _)| r.contains(&head));
        // the head ends a name the tagger found, or stands alone outside every name
        let start = match own {
            Some((r, NerClass::Org | NerClass::Loc)) if r.end == head + 1 => r.start,
            // capitalised untagged words before an untagged head open the name (`Wardens Committee`)
            None => {
                let mut start = head;
                while start > 0 && complement_word(&tokens[start - 1]) && !spans.iter().any(|(r, _)| r.contains(&(start - 1))) {
                    start -= 1;
                }
                start
            }
            _ => {
                head += 1;
                continue;
            }
        };
        let run = start..end;
        let meets = |r: &std::ops::Range<usize>| r.start < run.end && run.start < r.end;
        let blocked = spans.iter().any(|(r, c)| meets(r) && (*c == NerClass::Per || r.start < run.start || r.end > run.end));
        if blocked {
            head = end;
            continue;
        }
        spans.retain(|(r, _)| !meets(r));
        spans.push((run, NerClass::Org));
        spans.sort_by_key(|(r, _)| r.start);
        head = end;
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::ner::tests::tagged;

    #[test]
    fn a_whole_institution_name_typed_as_a_place_is_an_organisation() {
        // "published by the Bureau of Coastal Surveys on Monday": the whole name tagged LOC
        let toks = tagged("the/DET Bureau/PROPN of/ADP Coastal/PROPN Surveys/PROPN on/ADP Monday/PROPN");
        assert_eq!(join_institution_names(&toks, vec![(1..5, NerClass::Loc)]), vec![(1..5, NerClass::Org)]);
        // a place name that only starts the run stays a place
        let toks = tagged("the/DET Union/PROPN of/ADP Coastal/PROPN Surveys/PROPN met/VERB");
        assert_eq!(join_institution_names(&toks, vec![(1..4, NerClass::Loc)]), vec![(1..4, NerClass::Loc)]);
    }

    #[test]
    fn a_name_cut_at_of_takes_its_complement() {
        // "the Brentham Department of Water Supply opened an inquiry": tagged `Brentham Department` (LOC)
        let toks = tagged("the/DET Brentham/PROPN Department/PROPN of/ADP Water/PROPN Supply/PROPN opened/VERB an/DET inquiry/NOUN");
        assert_eq!(join_institution_names(&toks, vec![(1..3, NerClass::Loc)]), vec![(1..6, NerClass::Org)]);
    }

    #[test]
    fn a_complement_typed_as_a_place_and_an_untagged_head_are_one_name() {
        // "The Commission on Rural Roads met": `Rural Roads` tagged LOC, the head untagged
        let toks = tagged("The/DET Commission/PROPN on/ADP Rural/ADJ Roads/PROPN met/VERB");
        assert_eq!(join_institution_names(&toks, vec![(3..5, NerClass::Loc)]), vec![(1..5, NerClass::Org)]);
        // capitalised untagged words before an untagged head belong to the name
        let toks = tagged("instructed/VERB the/DET Wardens/NOUN Committee/NOUN for/ADP Rural/ADJ Planning/NOUN to/PART meet/VERB");
        assert_eq!(join_institution_names(&toks, vec![]), vec![(2..7, NerClass::Org)]);
        // `and` between two capitalised words stays inside the name
        let toks = tagged("the/DET Ostrava/PROPN Ministry/PROPN of/ADP Health/PROPN and/CCONJ Family/PROPN Services/PROPN said/VERB");
        assert_eq!(join_institution_names(&toks, vec![(1..3, NerClass::Org)]), vec![(1..8, NerClass::Org)]);
    }

    #[test]
    fn lowercase_heads_lowercase_complements_times_and_people_join_nothing() {
        // must give nothing: a lowercase head, `of the`, a day after `on`, a person after `for`,
        // a name the tagger found through the head already
        let cases: [(&str, Vec<NameSpan>); 5] = [
            ("the/DET department/NOUN of/ADP Brentham/PROPN said/VERB", vec![(3..4, NerClass::Loc)]),
            ("the/DET Office/PROPN of/ADP the/DET Mayor/PROPN said/VERB", vec![]),
            ("the/DET Brentham/PROPN Court/PROPN on/ADP Friday/PROPN ruled/VERB", vec![(1..3, NerClass::Org)]),
            ("the/DET Brentham/PROPN Council/PROPN for/ADP Mara/PROPN Vellin/PROPN voted/VERB", vec![(1..3, NerClass::Org), (4..6, NerClass::Per)]),
            ("the/DET Vell/PROPN Board/PROPN of/ADP Trade/PROPN met/VERB", vec![(1..5, NerClass::Org)]),
        ];
        for (spec, spans) in cases {
            let toks = tagged(spec);
            assert_eq!(join_institution_names(&toks, spans.clone()), spans, "{spec}");
        }
    }
}
