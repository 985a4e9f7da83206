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
//!
//! Before that join, [`name_untagged_institutions`] types as one organisation a run of capitalised
//! words that the tagger left (wholly or partly) untagged and that closes on an organisation head
//! ([`ORGANISATION_HEADS`]): `the Brenmouth Child Health Institute`, `Ostrava(LOC) River Alliance`,
//! with a place name that closes the run right after the head kept in the name (`Clean Water
//! Coalition Norvia`). Without it a person's affiliation (`Ana Reyes of the … Institute said`) has no
//! organisation to point to.

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

/// Head nouns that close an organisation's proper name written without a complement: the
/// institution heads above and the usual heads of civic, commercial and political bodies. General
/// English. Heads of buildings (`hospital`, `museum`, `school`, `centre`) are left out: their names
/// are as often places (`Compaq Center`), and typing them organisations cost NER precision.
const ORGANISATION_HEADS: &[&str] = &[
    "coalition", "alliance", "foundation", "trust", "institution", "network", "movement", "party", "company",
    "corporation", "group", "fund", "programme", "program",
];

/// Capitalised words that open a title, not an organisation's name (`Former Brenmouth Council
/// member`): the run starts after them.
const RUN_OPENERS: &[&str] = &["former", "acting", "interim", "then"];

/// Whether a token closes an organisation's name (`Council`, `Trust`, `University`).
pub(super) fn is_organisation_head(t: &Token) -> bool {
    is_head(t) || (capitalised(t) && ORGANISATION_HEADS.iter().any(|h| h.eq_ignore_ascii_case(&t.form)))
}

/// The spans with each capitalised run that closes on an organisation head and that the tagger
/// left untagged, or cut into places and organisations inside it, typed as one organisation (see
/// the module comment). A run that meets a person, or a span reaching outside it, is left alone;
/// so is a run the tagger found whole (`Soviet Union` as a place).
pub(super) fn name_untagged_institutions(tokens: &[Token], mut spans: Vec<NameSpan>) -> Vec<NameSpan> {
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        if !complement_word(&tokens[i]) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < n && complement_word(&tokens[end]) {
            end += 1;
        }
        let mut start = i;
        while start < end
            && (super::features::is_title_cue(&tokens[start].form) || RUN_OPENERS.iter().any(|w| w.eq_ignore_ascii_case(&tokens[start].form)))
        {
            start += 1;
        }
        // a proper noun before the head (`Brenmouth Council`, not `Great Service` or `Customer
        // Service` at the start of a review) and a head written in lower case after its capital (not
        // a shouted `WORST SCHOOL`)
        let named = |head: usize| (start..head).any(|k| tokens[k].upos == "PROPN") && tokens[head].form.chars().skip(1).any(char::is_lowercase);
        if let Some(head) = (start + 1..end).rev().find(|&k| is_organisation_head(&tokens[k])).filter(|&h| named(h)) {
            let mut stop = head + 1;
            // `Clean Water Coalition Norvia`: the place closing the run names the branch
            if stop < end && spans.iter().any(|(r, c)| *c == NerClass::Loc && r.start == stop && r.end == end) {
                stop = end;
            }
            let run = start..stop;
            let meets = |r: &std::ops::Range<usize>| r.start < run.end && run.start < r.end;
            let blocked = spans.iter().any(|(r, c)| meets(r) && (*c == NerClass::Per || r.start < run.start || r.end > run.end || *r == run));
            if !blocked {
                spans.retain(|(r, _)| !meets(r));
                spans.push((run, NerClass::Org));
                spans.sort_by_key(|(r, _)| r.start);
            }
        }
        i = end;
    }
    spans
}

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
    fn an_untagged_run_closing_on_an_organisation_head_is_one_organisation() {
        // "Mara Vellin of the Brenmouth Child Health Institute said": only the town tagged
        let toks = tagged("Mara/PROPN Vellin/PROPN of/ADP the/DET Brenmouth/PROPN Child/NOUN Health/NOUN Institute/PROPN said/VERB");
        let spans = vec![(0..2, NerClass::Per), (4..5, NerClass::Loc)];
        assert_eq!(name_untagged_institutions(&toks, spans), vec![(0..2, NerClass::Per), (4..8, NerClass::Org)]);
        // a place right after the head names the branch and stays in the name
        let toks = tagged("Ivo/PROPN Tamm/PROPN of/ADP Clean/ADJ Water/PROPN Coalition/PROPN Norvia/PROPN said/VERB");
        let spans = vec![(0..2, NerClass::Per), (6..7, NerClass::Loc)];
        assert_eq!(name_untagged_institutions(&toks, spans), vec![(0..2, NerClass::Per), (3..7, NerClass::Org)]);
        // a title opening the run stays out
        let toks = tagged("Former/ADJ Brenmouth/PROPN Council/PROPN members/NOUN met/VERB");
        assert_eq!(name_untagged_institutions(&toks, vec![]), vec![(1..3, NerClass::Org)]);
    }

    #[test]
    fn common_words_or_capitals_before_a_head_name_no_organisation() {
        // must give nothing: no proper noun before the head (a review's `Great Service`, `Customer
        // Service`), a head in capitals
        for spec in ["Great/ADJ Service/NOUN ,/PUNCT fast/ADJ delivery/NOUN", "called/VERB Customer/NOUN Service/PROPN twice/ADV", "WORST/PROPN SCHOOL/PROPN EVER/ADV"] {
            assert_eq!(name_untagged_institutions(&tagged(spec), vec![]), vec![], "{spec}");
        }
    }

    #[test]
    fn runs_without_a_closing_head_with_a_person_or_found_whole_stay() {
        // must give nothing: no head after a first word, a head alone, a person in the run, a
        // name the tagger found whole, a span reaching out of the run
        let cases: [(&str, Vec<NameSpan>); 5] = [
            ("the/DET Brenmouth/PROPN Herald/PROPN said/VERB", vec![]),
            ("the/DET Council/PROPN said/VERB", vec![]),
            ("Brenmouth/PROPN Council/PROPN Mara/PROPN Vellin/PROPN said/VERB", vec![(0..4, NerClass::Per)]),
            ("the/DET Norvian/ADJ Union/PROPN said/VERB", vec![(1..3, NerClass::Loc)]),
            ("the/DET Brenmouth/PROPN Trust/PROPN Bank/PROPN said/VERB", vec![(1..4, NerClass::Org)]),
        ];
        for (spec, spans) in cases {
            let toks = tagged(spec);
            assert_eq!(name_untagged_institutions(&toks, spans.clone()), spans, "{spec}");
        }
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
