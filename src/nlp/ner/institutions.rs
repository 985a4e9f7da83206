//! Institution names written as a head word with an `of`/`on`/`for` complement
//! (`Brentham Department of Water Supply`, `Commission on Rural Roads`).
//!
//! In: a sentence's tokens (with UPOS) and its name spans as the tagger found them. Out: the same
//! spans, each institution name that the tagger cut before its complement widened over it and typed
//! as an organisation. The tagger often ends such a name at `of` (`United States Department` +
//! `of Energy` untagged) or types the complement as a place of its own (`Rural Roads`): the node
//! then gets a cut label that every later full mention misses, and the complement a false node.
//!
//! A capitalised institution head ([`INSTITUTION_HEADS`], general English; [`COMPLEMENT_HEADS`]
//! such as `School` or `Bank` only here) that ends a name span, stands untagged (with the
//! capitalised untagged words before it and a place name right before those: `Norvia Department
//! of Health`), or opens an organisation span of the tagger that stops inside the complement
//! (`Department of Roads` + `and Rail`), then `of`, `on` or `for`, then a run of capitalised words
//! (`and`/`&` allowed between two of them, as in `Health and Family Services`, unless what follows
//! `and` is a name of its own: a person's or one closing on an organisation head, `University of
//! Brenmouth and Vell University`) is one organisation's name.
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
//! organisation to point to. A newspaper's or a club's head ([`CLOSING_HEADS`]) closes such a run
//! only as its last word (`Brenmouth Herald`, not `Vell Post Road`).
//!
//! After both, [`join_places_to_organisations`] joins a place name and the organisation name right
//! after it (`Norvia` + `Coast Guard`), and [`retype_places_closing_on_bodies`] types a name of the
//! tagger that closes on the head of a body that is never a place (`College`, `Ministry`, `Party`)
//! as an organisation. A country's adjective right before an organisation's name that closes on
//! an organisation head is part of that name ([`widen_bodies_over_country_adjectives`], run after
//! titles are split off: `Danish Academy historian X`); it also names an untagged run as a proper
//! noun would (`the Danish Academy`).

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
    "corporation", "group", "fund", "programme", "program", "forces",
];

/// Heads of buildings and places of study or trade that are an institution's name only with a
/// capitalised `of`/`for` complement (`School of Marine Sciences`, `Centre for Rural Health`,
/// `Bank of Norvia`). General English; alone they close no organisation's name (see above).
/// `House`, `Hall`, `Order`, `Parliament` and `Congress` (`House of Delegates`, `Hall of Fame`,
/// `Order of Merit`, `Parliament of Norvia`) are such heads too, as are the plural `Centers`
/// (`Centers for Rural Health`) and a journal's head (`Vell Journal of Medicine`).
const COMPLEMENT_HEADS: &[&str] =
    &["school", "faculty", "centre", "center", "centres", "centers", "bank", "house", "hall", "order", "parliament", "congress", "journal"];

pub(super) fn is_complement_head(t: &Token) -> bool {
    capitalised(t) && COMPLEMENT_HEADS.iter().any(|h| h.eq_ignore_ascii_case(&t.form))
}

/// Complement heads that take an `of` complement only: after `on` or `for` the words are no part
/// of the name (`the Vell House on Twitter`, `Parliament for two weeks`).
const OF_ONLY_HEADS: &[&str] = &["house", "hall", "order", "parliament", "congress", "journal"];

/// Heads of the names of newspapers, magazines and clubs (`Brenmouth Herald`, `Vell Rowing Club`),
/// which close an organisation's name only as the last word of a capitalised run (a newspaper's
/// head also names streets and squares: `Post Road`, `Times Square`). General English.
const CLOSING_HEADS: &[&str] =
    &["journal", "gazette", "tribune", "bulletin", "chronicle", "herald", "times", "post", "magazine", "news", "club"];

fn is_closing_head(t: &Token) -> bool {
    capitalised(t) && CLOSING_HEADS.iter().any(|h| h.eq_ignore_ascii_case(&t.form))
}

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
        // a proper noun or a country's adjective before the head (`Brenmouth Council`, `Danish
        // Academy`; not `Great Service` or `Customer Service` at the start of a review) and a head
        // written in lower case after its capital (not a shouted `WORST SCHOOL`)
        let named = |head: usize| {
            (start..head).any(|k| tokens[k].upos == "PROPN" || is_country_adjective(&tokens[k])) && tokens[head].form.chars().skip(1).any(char::is_lowercase)
        };
        // a media or club head only as the run's last word (`Brenmouth Herald`, not `Vell Post Road`)
        let closing = |k: usize| is_organisation_head(&tokens[k]) || (k + 1 == end && is_closing_head(&tokens[k]));
        if let Some(head) = (start + 1..end).rev().find(|&k| closing(k)).filter(|&h| named(h)) {
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

/// A capitalised adjective the gazetteer reads as a country's (`Danish`, `Iranian`): it names
/// the body it opens as a proper noun would (`the Danish Academy`, `Danish University historian
/// X`), where the tagger, reading an adjective, typed only the head.
fn is_country_adjective(t: &Token) -> bool {
    t.upos == "ADJ" && capitalised(t) && crate::nlp::gazetteer::Gazetteer::embedded().demonym(&t.form).is_some_and(|e| e.kind == crate::document::EntityType::Country)
}

/// The spans with each organisation's name that closes on an organisation head (`University`,
/// `Ministry`) widened over a country's adjective right before it that no name holds (`Danish` +
/// `Academy`): the tagger reads the adjective as a modifier, or types `Academy historian Mara
/// Vellin` as one name whose title split leaves the head alone, and the node gets a cut label
/// (`Academy`) that every full mention misses.
pub(super) fn widen_bodies_over_country_adjectives(tokens: &[Token], mut spans: Vec<NameSpan>) -> Vec<NameSpan> {
    let free = |k: usize, spans: &[NameSpan]| !spans.iter().any(|(r, _)| r.contains(&k));
    for i in 0..spans.len() {
        let (r, class) = spans[i].clone();
        let Some(before) = r.start.checked_sub(1) else { continue };
        if class == NerClass::Org && is_organisation_head(&tokens[r.end - 1]) && is_country_adjective(&tokens[before]) && free(before, &spans) {
            spans[i].0 = before..r.end;
        }
    }
    spans
}

/// Heads of bodies that are never places themselves (unlike `Union` or `Federation`, which also
/// name states): a name of the tagger typed as a place and closing on one of them is an
/// organisation's (`Brenmouth Valley College`, `Vell Academy`). General English.
const BODY_HEADS: &[&str] = &[
    "department", "ministry", "commission", "agency", "bureau", "council", "committee", "authority", "institute",
    "university", "college", "academy", "administration", "secretariat", "tribunal", "directorate", "inspectorate",
    "association", "society", "organization", "organisation", "coalition", "alliance", "foundation", "party",
    "company", "corporation",
];

/// The spans with each place name that closes on a body's head ([`BODY_HEADS`]) typed as an
/// organisation. A one-word name is left alone (`Academy` alone may be a building's short name).
pub(super) fn retype_places_closing_on_bodies(tokens: &[Token], mut spans: Vec<NameSpan>) -> Vec<NameSpan> {
    for (r, c) in spans.iter_mut() {
        let last = &tokens[r.end - 1];
        if *c == NerClass::Loc && r.len() >= 2 && capitalised(last) && BODY_HEADS.iter().any(|h| h.eq_ignore_ascii_case(&last.form)) {
            *c = NerClass::Org;
        }
    }
    spans
}

/// Heads of buildings and sites named after a person (`Reyes Memorial Hospital`, `Tarrow Space
/// Center`): a name of the tagger typed as a person and closing on one is a place. General English.
const SITE_HEADS: &[&str] = &["hospital", "center", "centre", "stadium", "arena", "airport", "museum", "library"];

/// The spans with each person's name that closes on an institution's or a body's head
/// ([`INSTITUTION_HEADS`], [`BODY_HEADS`]) typed as an organisation, and one that closes on a
/// site's head ([`SITE_HEADS`]) typed as a place: institutions named after a person (`Ana Reyes
/// University`, `Vell Tarrow Institute`, `Ben Tarrow Hospital`) read as the person. Typed a person,
/// the name's last word also became a surname that names every later `University` of the
/// document. A one-word name is left alone.
pub(super) fn retype_people_closing_on_institutions(tokens: &[Token], mut spans: Vec<NameSpan>) -> Vec<NameSpan> {
    for (r, c) in spans.iter_mut() {
        let last = &tokens[r.end - 1];
        if *c != NerClass::Per || r.len() < 2 || !capitalised(last) {
            continue;
        }
        let is = |list: &[&str]| list.iter().any(|h| h.eq_ignore_ascii_case(&last.form));
        if is(INSTITUTION_HEADS) || is(BODY_HEADS) {
            *c = NerClass::Org;
        } else if is(SITE_HEADS) {
            *c = NerClass::Loc;
        }
    }
    spans
}

/// Adjectives of political parties: `Liberal and Conservative Party` coordinates two parties.
const PARTY_ADJECTIVES: &[&str] = &["democratic", "republican", "conservative", "liberal", "labour", "labor"];

/// The spans with each organisation's name widened over a capitalised word and `and`/`&` before
/// it (`Peace and` + `Freedom Party`, `Rock and Roll` + `Hall of Fame`, `Search and` + `Rescue
/// Agency`): the tagger stops such names at the `and`, and the rest names another body. Only a name
/// that holds an organisation's head (`Party`, `Agency`, `Hall`), and only when the words before
/// `and` stand outside every name and do not continue a capitalised run (`Senate and House …` is
/// two bodies), nor open with a party's adjective (`Liberal and Conservative Party`).
pub(super) fn join_names_over_and(tokens: &[Token], mut spans: Vec<NameSpan>) -> Vec<NameSpan> {
    let free = |k: usize, spans: &[NameSpan]| complement_word(&tokens[k]) && !spans.iter().any(|(r, _)| r.contains(&k));
    let and = |k: usize| matches!(tokens[k].form.as_str(), "and" | "&");
    for i in 0..spans.len() {
        let (r, c) = spans[i].clone();
        let headed = r.clone().any(|k| is_organisation_head(&tokens[k]) || is_complement_head(&tokens[k]));
        if c != NerClass::Org || r.len() < 2 || !headed || r.start < 2 {
            continue;
        }
        let s = r.start;
        // `Peace and` + `Freedom Party`, or `Rock and Roll` + `Hall of Fame`
        let start = if and(s - 1) && free(s - 2, &spans) {
            s - 2
        } else if s >= 3 && free(s - 1, &spans) && and(s - 2) && free(s - 3, &spans) {
            s - 3
        } else {
            continue;
        };
        let before = start.checked_sub(1).map(|k| &tokens[k]);
        let continues_run = before.is_some_and(|t| capitalised(t) && t.upos != "DET") || spans.iter().any(|(q, _)| start > 0 && q.contains(&(start - 1)));
        let opener = super::features::is_title_cue(&tokens[start].form)
            || PARTY_ADJECTIVES.iter().any(|w| w.eq_ignore_ascii_case(&tokens[start].form))
            || matches!(tokens[start].form.as_str(), "The" | "A" | "An");
        if continues_run || opener {
            continue;
        }
        spans[i].0 = start..r.end;
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

/// The end (exclusive) of the capitalised complement that starts at `start`, if there is one. It
/// stops before an `and` that opens a name of its own found by the tagger, a person's or one
/// closing on an organisation head (`University of Brenmouth and Vell University`).
fn complement_end(tokens: &[Token], spans: &[NameSpan], start: usize) -> Option<usize> {
    if start >= tokens.len() || !complement_word(&tokens[start]) {
        return None;
    }
    let own_name = |k: usize| {
        spans.iter().any(|(r, c)| r.start == k && (*c == NerClass::Per || (*c == NerClass::Org && is_organisation_head(&tokens[r.end - 1]))))
    };
    let mut end = start + 1;
    loop {
        if end < tokens.len() && complement_word(&tokens[end]) {
            end += 1;
        } else if end + 1 < tokens.len()
            && matches!(tokens[end].form.as_str(), "and" | "&")
            && complement_word(&tokens[end + 1])
            && !own_name(end + 1)
        {
            end += 2;
        } else {
            return Some(end);
        }
    }
}

/// Where the name of an institution whose head at `head` opens no name of the tagger starts: the
/// capitalised untagged words right before the head, then a place name right before those.
fn opening(tokens: &[Token], spans: &[NameSpan], head: usize) -> usize {
    let mut start = head;
    while start > 0 && complement_word(&tokens[start - 1]) && !spans.iter().any(|(r, _)| r.contains(&(start - 1))) {
        start -= 1;
    }
    match spans.iter().find(|(r, c)| *c == NerClass::Loc && r.end == start && r.start < start) {
        Some((r, _)) => r.start,
        None => start,
    }
}

/// The spans with a state university's campus joined to its name: `University of Tarn, Vell` (a
/// city the gazetteer knows after the comma) and `University of Tarn at Vell` (a capitalised run of
/// up to three words after `at`) are the names of one campus of a university system named after a
/// state or province ([`super::features::STATES_AND_PROVINCES`]), and the tagger ends the name at the state. Cut
/// there, the campus becomes a city of its own that takes the university's place in the clause
/// (`Vell disagreed`). A university named after anything else keeps the tagger's span: after a
/// comma a place is as often where it stands (`University of Brenmouth, Norvia`).
pub(super) fn join_campus_names(tokens: &[Token], mut spans: Vec<NameSpan>, gaz: &[(std::ops::Range<usize>, crate::document::EntityType)]) -> Vec<NameSpan> {
    use crate::document::EntityType;
    for k in 0..spans.len() {
        let (r, class) = spans[k].clone();
        if class != NerClass::Org || r.end > tokens.len() || r.len() < 3 {
            continue;
        }
        // `University of` + the state's words, up to the span's end
        let Some(u) = (r.start..r.end.saturating_sub(2)).find(|&i| tokens[i].form == "University" && tokens[i + 1].form == "of") else { continue };
        let state = tokens[u + 2..r.end].iter().map(|t| t.form.to_lowercase()).collect::<Vec<_>>().join(" ");
        if !super::features::STATES_AND_PROVINCES.contains(&state.as_str()) {
            continue;
        }
        let end = match tokens.get(r.end).map(|t| t.form.as_str()) {
            Some(",") => gaz.iter().find(|(g, kind)| g.start == r.end + 1 && *kind == EntityType::City).map(|(g, _)| g.end),
            Some("at") => {
                let run = tokens[r.end + 1..].iter().take(3).take_while(|t| capitalised(t) && t.upos == "PROPN").count();
                (run > 0).then_some(r.end + 1 + run)
            }
            _ => None,
        };
        let Some(end) = end else { continue };
        // the campus words must belong to no other name than a place
        let other = spans.iter().enumerate().any(|(j, (s, c))| j != k && s.start < end && r.end < s.end && (*c != NerClass::Loc || s.end > end));
        if other {
            continue;
        }
        spans[k].0 = r.start..end;
    }
    let joined: Vec<std::ops::Range<usize>> = spans.iter().filter(|(_, c)| *c == NerClass::Org).map(|(r, _)| r.clone()).collect();
    spans.retain(|(r, c)| *c == NerClass::Org || !joined.iter().any(|j| j.start < r.start && r.end <= j.end));
    spans
}

/// The spans with each place name followed right away by an organisation's name joined to it into
/// one organisation (`Norvia` + `Coast Guard`, `Brenmouth` + `Journal of Medicine`): a place that
/// opens a capitalised run ending in an organisation's name belongs to that name. A comma, a
/// possessive or any other word between the two keeps them apart (`Norvia's Coast Guard`).
pub(super) fn join_places_to_organisations(tokens: &[Token], mut spans: Vec<NameSpan>) -> Vec<NameSpan> {
    let mut k = 0;
    while k + 1 < spans.len() {
        let (a, b) = (&spans[k], &spans[k + 1]);
        if a.1 == NerClass::Loc && b.1 == NerClass::Org && a.0.end == b.0.start && tokens.get(b.0.start).is_some_and(capitalised) {
            let run = a.0.start..b.0.end;
            spans[k] = (run, NerClass::Org);
            spans.remove(k + 1);
        } else {
            k += 1;
        }
    }
    spans
}

/// The spans with institution names widened over their `of`/`on`/`for` complement (see the module
/// comment).
pub(super) fn join_institution_names(tokens: &[Token], mut spans: Vec<NameSpan>) -> Vec<NameSpan> {
    let mut head = 0;
    while head + 2 < tokens.len() {
        let link = &tokens[head + 1].form;
        // a body's head (`Foundation`, `Coalition`, `Party`) takes a `for` complement only
        // (`Foundation for Rural Schools`, `Party for Land Reform`); its `of` is as often a place
        // the name is no part of
        let for_complement = link == "for" && is_organisation_head(&tokens[head]);
        let of_only = OF_ONLY_HEADS.iter().any(|h| h.eq_ignore_ascii_case(&tokens[head].form));
        if !(is_head(&tokens[head]) || is_complement_head(&tokens[head]) || for_complement)
            || !LINKS.contains(&link.as_str())
            || (of_only && link != "of")
        {
            head += 1;
            continue;
        }
        // `Parliament of the Norvian Isles`, `Court for the Northern District`: a determiner opens
        // the complement of a head the tagger found in a name, or before a name it found (an
        // untagged `Office of the Mayor` is left to the tagger)
        let the = tokens[head + 2].form == "the"
            && tokens.get(head + 3).is_some_and(complement_word)
            && spans.iter().any(|(r, _)| r.start == head + 3 || r.contains(&head));
        let Some(end) = complement_end(tokens, &spans, head + 2 + usize::from(the)) else {
            head += 1;
            continue;
        };
        // a name of the tagger that opens the complement and runs past it (`District of Vell`
        // after `Court for the Northern`) ends the name
        let end = spans
            .iter()
            .filter(|(r, c)| r.start == head + 2 + usize::from(the) && r.end > end && *c != NerClass::Per)
            .map(|(r, _)| r.end)
            .fold(end, usize::max);
        // a complement opened by `the` takes an `of` phrase of its own (`League for the Defence of
        // Civil Rights`, `Centre for the Study of Coastal Waters`)
        let end = match tokens.get(end) {
            Some(t) if the && t.form == "of" => complement_end(tokens, &spans, end + 1).unwrap_or(end),
            _ => end,
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
            // capitalised untagged words before an untagged head open the name (`Wardens Committee`),
            // as does a place name right before it (`Norvia Department of Health`); so too when the
            // tagger's organisation starts at the head and stops inside the complement (`Department
            // of Health` + `Family Services`)
            None => opening(tokens, &spans, head),
            Some((r, NerClass::Org)) if r.start <= head && r.end < end => {
                if r.start == head { opening(tokens, &spans, head) } else { r.start }
            }
            // the tagger found the name from its head (`Journal of Medicine`) but left the
            // capitalised words before it out (`Vell` `Journal of Medicine`)
            Some((r, NerClass::Org)) if r.start == head && r.end == end && opening(tokens, &spans, head) < head => opening(tokens, &spans, head),
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
    fn a_state_university_takes_its_campus() {
        use crate::document::EntityType;
        let states = super::super::features::STATES_AND_PROVINCES;
        assert_eq!((states.len(), states[49], states[57]), (58, "wyoming", "new south wales"));
        // "Ana Reyes of the University of Texas, Vell disagreed": the campus after the comma a city
        let toks = tagged("of/ADP the/DET University/PROPN of/ADP Texas/PROPN ,/PUNCT Vell/PROPN disagreed/VERB");
        let spans = vec![(2..5, NerClass::Org), (6..7, NerClass::Loc)];
        assert_eq!(join_campus_names(&toks, spans.clone(), &[(6..7, EntityType::City)]), vec![(2..7, NerClass::Org)]);
        // `at` and a capitalised run
        let toks = tagged("the/DET University/PROPN of/ADP Ohio/PROPN at/ADP Vell/PROPN Falls/PROPN said/VERB");
        assert_eq!(join_campus_names(&toks, vec![(1..4, NerClass::Org)], &[]), vec![(1..7, NerClass::Org)]);
        // a university named after no state, a word after the comma the gazetteer does not know as
        // a city, or a lowercase word after `at`: unchanged
        let toks = tagged("the/DET University/PROPN of/ADP Brenmouth/PROPN ,/PUNCT Vell/PROPN said/VERB");
        assert_eq!(join_campus_names(&toks, vec![(1..4, NerClass::Org)], &[(5..6, EntityType::City)]), vec![(1..4, NerClass::Org)]);
        let toks = tagged("the/DET University/PROPN of/ADP Texas/PROPN ,/PUNCT Norvia/PROPN said/VERB");
        assert_eq!(join_campus_names(&toks, vec![(1..4, NerClass::Org)], &[(5..6, EntityType::Country)]), vec![(1..4, NerClass::Org)]);
        let toks = tagged("the/DET University/PROPN of/ADP Texas/PROPN at/ADP a/DET meeting/NOUN");
        assert_eq!(join_campus_names(&toks, vec![(1..4, NerClass::Org)], &[]), vec![(1..4, NerClass::Org)]);
    }

    #[test]
    fn a_body_cut_before_its_for_complement_takes_it() {
        // "director of the Ostrava Foundation for Rural Schools": tagged `Ostrava Foundation` (ORG)
        let toks = tagged("of/ADP the/DET Ostrava/PROPN Foundation/PROPN for/ADP Rural/ADJ Schools/PROPN resigned/VERB");
        assert_eq!(join_institution_names(&toks, vec![(2..4, NerClass::Org)]), vec![(2..7, NerClass::Org)]);
        // `and` inside the complement: `Party for Land and Liberty`
        let toks = tagged("the/DET Party/PROPN for/ADP Land/PROPN and/CCONJ Liberty/PROPN chose/VERB");
        assert_eq!(join_institution_names(&toks, vec![(1..2, NerClass::Org)]), vec![(1..6, NerClass::Org)]);
        // a body's `of` is left to the tagger (`the Tarn Party of Norvia`: the place may be no part
        // of the name), and so is a lowercase complement (`the Vell Foundation for years`)
        let toks = tagged("the/DET Tarn/PROPN Party/PROPN of/ADP Norvia/PROPN won/VERB");
        assert_eq!(join_institution_names(&toks, vec![(1..3, NerClass::Org), (4..5, NerClass::Loc)]), vec![(1..3, NerClass::Org), (4..5, NerClass::Loc)]);
        let toks = tagged("the/DET Vell/PROPN Foundation/PROPN for/ADP years/NOUN");
        assert_eq!(join_institution_names(&toks, vec![(1..3, NerClass::Org)]), vec![(1..3, NerClass::Org)]);
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
    fn a_place_before_the_head_and_a_name_stopped_inside_the_complement_join() {
        // "the Norvia Department of Roads and Rail Safety (…)": the place tagged alone, the tagger's
        // organisation stopped at `and`, the rest another organisation
        let toks = tagged("the/DET Norvia/PROPN Department/PROPN of/ADP Roads/PROPN and/CCONJ Rail/PROPN Safety/PROPN said/VERB");
        let spans = vec![(1..2, NerClass::Loc), (2..5, NerClass::Org), (6..8, NerClass::Org)];
        assert_eq!(join_institution_names(&toks, spans), vec![(1..8, NerClass::Org)]);
        // the tagger's organisation opens before the head and stops at `and`
        let toks = tagged("the/DET Norvian/PROPN Department/PROPN of/ADP Roads/PROPN and/CCONJ Rail/PROPN said/VERB");
        assert_eq!(join_institution_names(&toks, vec![(1..5, NerClass::Org)]), vec![(1..7, NerClass::Org)]);
        // a school's name cut at `and`
        let toks = tagged("the/DET Vell/PROPN School/PROPN of/ADP Marine/PROPN and/CCONJ Coastal/PROPN Sciences/PROPN said/VERB");
        assert_eq!(join_institution_names(&toks, vec![(1..5, NerClass::Org)]), vec![(1..8, NerClass::Org)]);
        // two institutions joined by `and` stay two
        let toks = tagged("the/DET University/PROPN of/ADP Brenmouth/PROPN and/CCONJ Vell/PROPN University/PROPN said/VERB");
        let spans = vec![(1..4, NerClass::Org), (5..7, NerClass::Org)];
        assert_eq!(join_institution_names(&toks, spans.clone()), spans);
        // an untagged head after a place
        let toks = tagged("the/DET Norvia/PROPN Ministry/PROPN of/ADP Health/PROPN said/VERB");
        assert_eq!(join_institution_names(&toks, vec![(1..2, NerClass::Loc)]), vec![(1..5, NerClass::Org)]);
        // a possessive between the place and the head keeps the place out
        let toks = tagged("Norvia/PROPN 's/PART Ministry/PROPN of/ADP Health/PROPN said/VERB");
        assert_eq!(join_institution_names(&toks, vec![(0..1, NerClass::Loc)]), vec![(0..1, NerClass::Loc), (2..5, NerClass::Org)]);
    }

    #[test]
    fn a_place_closing_on_a_body_head_is_an_organisation() {
        // "back at Brenmouth Valley College": tagged LOC
        let toks = tagged("at/ADP Brenmouth/PROPN Valley/PROPN College/PROPN");
        assert_eq!(retype_places_closing_on_bodies(&toks, vec![(1..4, NerClass::Loc)]), vec![(1..4, NerClass::Org)]);
        // must give nothing: a state's name (`Union`), a one-word name, a lowercase last word
        let cases: [(&str, Vec<NameSpan>); 3] = [
            ("the/DET Norvian/ADJ Union/PROPN", vec![(1..3, NerClass::Loc)]),
            ("at/ADP College/PROPN", vec![(1..2, NerClass::Loc)]),
            ("at/ADP Vell/PROPN college/NOUN", vec![(1..3, NerClass::Loc)]),
        ];
        for (spec, spans) in cases {
            assert_eq!(retype_places_closing_on_bodies(&tagged(spec), spans.clone()), spans, "{spec}");
        }
    }

    #[test]
    fn a_place_right_before_an_organisation_is_part_of_its_name() {
        // "the Norvia Coast Guard said": tagged `Norvia` (LOC) `Coast Guard` (ORG)
        let toks = tagged("the/DET Norvia/PROPN Coast/PROPN Guard/PROPN said/VERB");
        assert_eq!(join_places_to_organisations(&toks, vec![(1..2, NerClass::Loc), (2..4, NerClass::Org)]), vec![(1..4, NerClass::Org)]);
        // must give nothing: a comma or a possessive between, an organisation before a place
        let cases: [(&str, Vec<NameSpan>); 3] = [
            ("in/ADP Norvia/PROPN ,/PUNCT Vell/PROPN Trust/PROPN said/VERB", vec![(1..2, NerClass::Loc), (3..5, NerClass::Org)]),
            ("Norvia/PROPN 's/PART Coast/PROPN Guard/PROPN", vec![(0..1, NerClass::Loc), (2..4, NerClass::Org)]),
            ("Vell/PROPN Trust/PROPN Norvia/PROPN", vec![(0..2, NerClass::Org), (2..3, NerClass::Loc)]),
        ];
        for (spec, spans) in cases {
            assert_eq!(join_places_to_organisations(&tagged(spec), spans.clone()), spans, "{spec}");
        }
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
        // armed forces named by their country's adjective
        let toks = tagged("the/DET Norvian/ADJ Democratic/PROPN Forces/PROPN said/VERB");
        assert_eq!(name_untagged_institutions(&toks, vec![]), vec![(1..4, NerClass::Org)]);
        // a newspaper's or a club's head closes a name as the run's last word only
        let toks = tagged("the/DET Brenmouth/PROPN Herald/PROPN reported/VERB");
        assert_eq!(name_untagged_institutions(&toks, vec![(1..2, NerClass::Loc)]), vec![(1..3, NerClass::Org)]);
        let toks = tagged("on/ADP Vell/PROPN Post/PROPN Road/PROPN");
        assert_eq!(name_untagged_institutions(&toks, vec![]), vec![]);
        // a title opening the run stays out
        let toks = tagged("Former/ADJ Brenmouth/PROPN Council/PROPN members/NOUN met/VERB");
        assert_eq!(name_untagged_institutions(&toks, vec![]), vec![(1..3, NerClass::Org)]);
        // a country's adjective before the head names the body as a proper noun does, at the
        // sentence's start too ("Danish Academy historian Mara Vellin said"), where the tagger
        // typed the head alone
        let toks = tagged("Danish/ADJ Academy/PROPN historian/NOUN Mara/PROPN Vellin/PROPN said/VERB");
        assert_eq!(name_untagged_institutions(&toks, vec![(1..2, NerClass::Org), (3..5, NerClass::Per)]), vec![(0..2, NerClass::Org), (3..5, NerClass::Per)]);
        let toks = tagged("a/DET professor/NOUN at/ADP the/DET Danish/ADJ Academy/PROPN said/VERB");
        assert_eq!(name_untagged_institutions(&toks, vec![]), vec![(4..6, NerClass::Org)]);
    }

    #[test]
    fn a_country_adjective_before_a_body_joins_its_name() {
        // "Danish Academy political scientist Mara Vellin said": the title split left `Academy`
        let toks = tagged("Danish/ADJ Academy/PROPN political/ADJ scientist/NOUN Mara/PROPN Vellin/PROPN said/VERB");
        let spans = vec![(1..2, NerClass::Org), (4..6, NerClass::Per)];
        assert_eq!(widen_bodies_over_country_adjectives(&toks, spans), vec![(0..2, NerClass::Org), (4..6, NerClass::Per)]);
        // must give nothing: no body's head (`Danish Tarn Radio`), an adjective of no country
        // (`Great Council`), a place, an adjective inside another name
        let cases: [(&str, Vec<NameSpan>); 4] = [
            ("the/DET Danish/ADJ Tarn/PROPN Radio/PROPN said/VERB", vec![(2..4, NerClass::Org)]),
            ("the/DET Great/ADJ Council/PROPN met/VERB", vec![(2..3, NerClass::Org)]),
            ("the/DET Danish/ADJ Vell/PROPN Islands/PROPN", vec![(2..4, NerClass::Loc)]),
            ("the/DET Danish/ADJ Academy/PROPN", vec![(1..2, NerClass::Loc), (2..3, NerClass::Org)]),
        ];
        for (spec, spans) in cases {
            assert_eq!(widen_bodies_over_country_adjectives(&tagged(spec), spans.clone()), spans, "{spec}");
        }
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
            ("the/DET Brenmouth/PROPN Harbour/PROPN said/VERB", vec![]),
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

    #[test]
    fn a_person_closing_on_an_institution_head_is_the_institution() {
        // "according to Ana Reyes University data": the tagger read the name as a person's
        let toks = tagged("to/ADP Ana/PROPN Reyes/PROPN University/PROPN data/NOUN");
        assert_eq!(retype_people_closing_on_institutions(&toks, vec![(1..4, NerClass::Per)]), vec![(1..4, NerClass::Org)]);
        let toks = tagged("at/ADP Ben/PROPN Tarrow/PROPN Hospital/PROPN");
        assert_eq!(retype_people_closing_on_institutions(&toks, vec![(1..4, NerClass::Per)]), vec![(1..4, NerClass::Loc)]);
        // then joined to its complement: `Vell Tarrow Center for Rural Health`
        let toks = tagged("by/ADP Vell/PROPN Tarrow/PROPN Center/PROPN for/ADP Rural/PROPN Health/PROPN said/VERB");
        let spans = retype_people_closing_on_institutions(&toks, vec![(1..4, NerClass::Per)]);
        assert_eq!(join_institution_names(&toks, spans), vec![(1..7, NerClass::Org)]);
        // a person's name stays
        let toks = tagged("Ana/PROPN Reyes/PROPN said/VERB");
        assert_eq!(retype_people_closing_on_institutions(&toks, vec![(0..2, NerClass::Per)]), vec![(0..2, NerClass::Per)]);
    }

    #[test]
    fn a_house_or_hall_takes_its_of_complement_and_the_opens_a_complement() {
        // "the Norvia House of Delegates voted": tagged `Norvia House` (LOC)
        let toks = tagged("the/DET Norvia/PROPN House/PROPN of/ADP Delegates/PROPN voted/VERB");
        assert_eq!(join_institution_names(&toks, vec![(1..3, NerClass::Loc)]), vec![(1..5, NerClass::Org)]);
        // `on` after such a head opens no complement
        let toks = tagged("the/DET Vell/PROPN House/PROPN on/ADP Twitter/PROPN");
        assert_eq!(join_institution_names(&toks, vec![(1..3, NerClass::Org)]), vec![(1..3, NerClass::Org)]);
        // `Parliament of the Norvian Isles`
        let toks = tagged("of/ADP the/DET Parliament/PROPN of/ADP the/DET Norvian/PROPN Isles/PROPN until/ADP");
        let spans = vec![(2..3, NerClass::Org), (5..7, NerClass::Loc)];
        assert_eq!(join_institution_names(&toks, spans), vec![(2..7, NerClass::Org)]);
        // a name of the tagger that opens the complement and runs past it ends the name
        let toks = tagged("the/DET Vell/PROPN Court/PROPN for/ADP the/DET Western/PROPN District/PROPN of/ADP Tarn/PROPN in/ADP");
        let spans = vec![(1..3, NerClass::Org), (5..9, NerClass::Org)];
        assert_eq!(join_institution_names(&toks, spans), vec![(1..9, NerClass::Org)]);
        // a journal found from its head takes the capitalised words before it
        let toks = tagged("the/DET Vell/PROPN League/PROPN for/ADP the/DET Defence/PROPN of/ADP Civil/ADJ Rights/PROPN said/VERB");
        assert_eq!(join_institution_names(&toks, vec![(1..3, NerClass::Org)]), vec![(1..9, NerClass::Org)]);
        let toks = tagged("in/ADP the/DET Vell/PROPN Tarn/PROPN Journal/PROPN of/ADP Medicine/PROPN ./PUNCT");
        assert_eq!(join_institution_names(&toks, vec![(4..7, NerClass::Org)]), vec![(2..7, NerClass::Org)]);
    }

    #[test]
    fn a_name_cut_at_and_takes_the_words_before_it() {
        // "nominee of the Bread and Roses Party": tagged `Roses Party`
        let toks = tagged("of/ADP the/DET Bread/PROPN and/CCONJ Roses/PROPN Party/PROPN said/VERB");
        assert_eq!(join_names_over_and(&toks, vec![(4..6, NerClass::Org)]), vec![(2..6, NerClass::Org)]);
        // `Jazz and Blues` + `Hall of Fame`
        let toks = tagged("into/ADP the/DET Jazz/PROPN and/CCONJ Blues/PROPN Hall/PROPN of/ADP Fame/PROPN ./PUNCT");
        assert_eq!(join_names_over_and(&toks, vec![(5..8, NerClass::Org)]), vec![(2..8, NerClass::Org)]);
        // two bodies, two parties, a name before `and`, or no organisation's head: left alone
        for (spec, spans) in [
            ("the/DET Vell/PROPN Senate/PROPN and/CCONJ Tarn/PROPN Party/PROPN met/VERB", vec![(3..5, NerClass::Org)]),
            ("the/DET Democratic/ADJ and/CCONJ Republican/PROPN Party/PROPN primaries/NOUN", vec![(3..5, NerClass::Org)]),
            ("in/ADP Norvia/PROPN and/CCONJ Vell/PROPN Party/PROPN offices/NOUN", vec![(1..2, NerClass::Loc), (3..5, NerClass::Org)]),
            ("of/ADP Tarn/PROPN and/CCONJ Vell/PROPN Dorn/PROPN said/VERB", vec![(3..5, NerClass::Org)]),
        ] {
            assert_eq!(join_names_over_and(&tagged(spec), spans.clone()), spans, "{spec}");
        }
    }
}
