//! End-to-end tests of the embedded model on seed-article sentences.

use super::*;
use crate::document::{Sentence, Span, Token};

/// A small tokenizer for tests only (the real one lives in `text`): letter/digit runs, `’s`/`'s`,
/// `$4.25`-style numbers, and single punctuation characters, with byte and char spans.
fn sentence(text: &str) -> Sentence {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (b0, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            while i < chars.len()
                && (chars[i].1.is_alphanumeric()
                    || (matches!(chars[i].1, '.' | ',') && i + 1 < chars.len() && chars[i + 1].1.is_ascii_digit() && chars[i - 1].1.is_ascii_digit()))
            {
                i += 1;
            }
        } else if matches!(c, '\'' | '’') && i + 1 < chars.len() && chars[i + 1].1 == 's' && chars.get(i + 2).is_none_or(|x| !x.1.is_alphanumeric()) {
            i += 2;
        } else {
            i += 1;
        }
        let b1 = chars.get(i).map_or(text.len(), |x| x.0);
        let mut t = Token::new(&text[b0..b1], Span::new(b0..b1, start..i));
        t.space_after = chars.get(i).is_some_and(|x| x.1.is_whitespace());
        tokens.push(t);
    }
    Sentence { index: 0, paragraph: 1, span: Span::new(0..text.len(), 0..chars.len()), text: text.to_owned(), tokens }
}

const S1: &str = "After weeks of tension between Chilean President Greta Quillen and her Peruvian counterpart Tomas Berrand, the two leaders agreed to meet in person on March 14, 2025, at the presidential palace, said aides in Santiago.";
const S2: &str = "There will be 12 flights, averaging two a month, according to Peruvian Trade Minister Lucia Ferrand.";
const S3: &str = "The talks are expected to center on trade, as Peru remains the world’s second largest producer of copper while China is the leading buyer.";
const S4: &str = "For many years, Peru has been one of China’s closest partners in South America, drawing billions of dollars to expand its ports and railways in the push for exports.";

fn find<'a>(ms: &'a [Mention], text: &str) -> Option<&'a Mention> {
    ms.iter().find(|m| m.text == text)
}

#[test]
fn test_tokenizer_spans_point_into_text() {
    let s = sentence("Quillen’s $4.25, Brasília.");
    let forms: Vec<&str> = s.tokens.iter().map(|t| t.form.as_str()).collect();
    assert_eq!(forms, ["Quillen", "’s", "$", "4.25", ",", "Brasília", "."]);
    for t in &s.tokens {
        assert_eq!(&s.text[t.span.byte.clone()], t.form);
    }
}

#[test]
fn embedded_model_loads() {
    let r = Recognizer::embedded().expect("embedded model loads");
    assert!(r.features() > 1000, "model has {} feature rows", r.features());
}

#[test]
fn finds_people_and_places_in_news_sentences() {
    let r = Recognizer::embedded().unwrap();
    let mut s = sentence(S1);
    let ms = r.recognize(&mut s);
    let quillen = find(&ms, "Greta Quillen").unwrap_or_else(|| panic!("Greta Quillen in {ms:#?}"));
    assert_eq!(quillen.kind, EntityType::Person);
    assert_eq!(&S1[quillen.span.byte.clone()], "Greta Quillen");
    assert_eq!(quillen.entity, None);
    let berrand = find(&ms, "Tomas Berrand").unwrap_or_else(|| panic!("Tomas Berrand in {ms:#?}"));
    assert_eq!(berrand.kind, EntityType::Person);
    let i = berrand.tokens.start;
    assert_eq!((s.tokens[i].ner.as_str(), s.tokens[i + 1].ner.as_str()), ("B-PER", "I-PER"));
    assert!(s.tokens.iter().all(|t| !t.ner.is_empty()));
    let date = find(&ms, "March 14, 2025").unwrap_or_else(|| panic!("date in {ms:#?}"));
    assert_eq!(date.kind, EntityType::Date);

    // Untagged, the surname may split off; the tagged test below checks the full name as the
    // pipeline sees it.
    let mut s = sentence(S2);
    let ms = r.recognize(&mut s);
    assert!(ms.iter().any(|m| m.text.starts_with("Lucia") && m.kind == EntityType::Person), "{ms:#?}");
    assert_eq!(find(&ms, "12 flights").map(|m| m.kind), Some(EntityType::Quantity));

    let mut s = sentence(S3);
    let ms = r.recognize(&mut s);
    let col = find(&ms, "Peru").unwrap_or_else(|| panic!("Peru in {ms:#?}"));
    assert!(matches!(col.kind, EntityType::Country | EntityType::Location), "{col:?}");

    let mut s = sentence(S4);
    let ms = r.recognize(&mut s);
    assert!(find(&ms, "Peru").is_some(), "{ms:#?}");
    assert_eq!(find(&ms, "billions of dollars").map(|m| m.kind), Some(EntityType::Money));
}

#[test]
fn empty_sentence_is_fine() {
    let r = Recognizer::embedded().unwrap();
    let mut s = sentence("");
    assert!(r.recognize(&mut s).is_empty());
}

#[test]
fn finds_names_in_tagged_news_sentences() {
    // As in the pipeline: the NLP core tags first (skipped when its model is unavailable).
    let r = Recognizer::embedded().unwrap();
    for (text, name, kind) in [
        (S1, "Greta Quillen", EntityType::Person),
        (S1, "Tomas Berrand", EntityType::Person),
        (S2, "Lucia Ferrand", EntityType::Person),
        (S3, "Peru", EntityType::Country),
        (S4, "Peru", EntityType::Country),
    ] {
        let mut s = sentence(text);
        let tagged = analyze_hook(&mut s);
        assert!(tagged, "the NLP core's tagger is needed for this test");
        let ms = r.recognize(&mut s);
        let m = find(&ms, name).unwrap_or_else(|| panic!("{name} (tagged: {tagged}) in {ms:#?}"));
        assert_eq!(m.kind, kind, "{m:?}");
    }
}

#[test]
fn title_is_not_part_of_the_name() {
    let r = Recognizer::embedded().unwrap();
    let mut s = sentence(S2);
    analyze_hook(&mut s);
    let ms = r.recognize(&mut s);
    assert!(ms.iter().all(|m| !m.text.contains("Minister")), "{ms:#?}");
    let i = s.tokens.iter().position(|t| t.form == "Lucia").unwrap();
    assert_eq!(s.tokens[i].ner, "B-PER");
    assert_eq!(s.tokens[i - 1].ner, "O");
}

#[test]
fn document_pass_makes_surnames_persons() {
    let r = Recognizer::embedded().unwrap();
    let texts = [S1, "There are fears in Lima that Berrand might be sidelined.", "Berrand spoke.", "The berrand dollar fell."];
    let mut doc: Vec<Sentence> = texts
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let mut s = sentence(t);
            s.index = k;
            analyze_hook(&mut s);
            s
        })
        .collect();
    let ms = r.recognize_document(&mut doc);
    let surnames: Vec<&Mention> = ms.iter().filter(|m| m.text == "Berrand").collect();
    assert_eq!(surnames.len(), 2, "{ms:#?}");
    assert!(surnames.iter().all(|m| m.kind == EntityType::Person), "{surnames:#?}");
    for m in &surnames {
        assert_eq!(doc[m.sentence].tokens[m.tokens.start].ner, "B-PER");
    }
    // Lowercase `berrand` is not a name; Lima stays a place.
    assert!(ms.iter().all(|m| m.sentence != 3 || m.kind != EntityType::Person), "{ms:#?}");
    assert!(ms.iter().any(|m| m.text == "Lima" && m.kind != EntityType::Person), "{ms:#?}");
}

/// Tokens with forms, heads (1-based, 0 = none) and relations only.
fn parsed(words: &[(&str, usize, &str)]) -> Vec<Token> {
    words
        .iter()
        .map(|&(form, head, deprel)| Token { form: form.to_owned(), head, deprel: deprel.to_owned(), ..Default::default() })
        .collect()
}

#[test]
fn flat_name_parts_join_the_name() {
    // "the player Tess Varga left": the tagger found only "Varga"; the parser joined the two.
    let toks = parsed(&[("the", 2, "det"), ("player", 5, "nsubj"), ("Tess", 2, "appos"), ("Varga", 3, "flat"), ("left", 0, "root")]);
    assert_eq!(join_flat_parts(&toks, vec![(3..4, NerClass::Per)]), vec![(2..4, NerClass::Per)]);
    // Rightwards too (`flat` child after the name).
    assert_eq!(join_flat_parts(&toks, vec![(2..3, NerClass::Per)]), vec![(2..4, NerClass::Per)]);
}

#[test]
fn flat_join_leaves_other_relations_names_and_lowercase_alone() {
    // A compound is no name part; a word already in another name stays there; lowercase never joins.
    let toks = parsed(&[("Orvia", 2, "compound"), ("Varga", 0, "root"), ("said", 2, "flat")]);
    assert_eq!(join_flat_parts(&toks, vec![(1..2, NerClass::Per)]), vec![(1..2, NerClass::Per)]);
    let toks = parsed(&[("Tess", 0, "root"), ("Varga", 1, "flat")]);
    let two = vec![(0..1, NerClass::Loc), (1..2, NerClass::Per)];
    assert_eq!(join_flat_parts(&toks, two.clone()), two);
    // Places and organisations keep the tagger's span.
    let toks = parsed(&[("Port", 0, "root"), ("Varga", 1, "flat")]);
    assert_eq!(join_flat_parts(&toks, vec![(0..1, NerClass::Loc)]), vec![(0..1, NerClass::Loc)]);
    // Untagged, unparsed tokens: nothing changes.
    let bare = parsed(&[("Tess", 0, ""), ("Varga", 0, "")]);
    assert_eq!(join_flat_parts(&bare, vec![(1..2, NerClass::Per)]), vec![(1..2, NerClass::Per)]);
    assert!(join_flat_parts(&[], Vec::new()).is_empty());
}

#[test]
fn document_pass_finds_sentences_by_index_not_position() {
    // A window of a longer document: sentence indices start at 7, so index and position differ.
    let r = Recognizer::embedded().unwrap();
    let texts = [S1, "Berrand spoke.", "The berrand dollar fell."];
    let mut doc: Vec<Sentence> = texts
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let mut s = sentence(t);
            s.index = 7 + k;
            analyze_hook(&mut s);
            s
        })
        .collect();
    let ms = r.recognize_document(&mut doc);
    let lone: Vec<&Mention> = ms.iter().filter(|m| m.text == "Berrand" && m.sentence == 8).collect();
    assert_eq!(lone.len(), 1, "{ms:#?}");
    assert_eq!(lone[0].kind, EntityType::Person);
    assert_eq!(doc[1].tokens[lone[0].tokens.start].ner, "B-PER");
    assert!(ms.iter().all(|m| m.sentence != 9 || m.kind != EntityType::Person), "{ms:#?}");
}

#[test]
fn document_pass_without_persons_adds_nothing() {
    let r = Recognizer::embedded().unwrap();
    let mut doc = vec![sentence("The committee met on a Tuesday."), sentence("Prices fell again.")];
    doc[1].index = 1;
    let one_by_one: usize = doc.iter().map(|s| r.recognize(&mut s.clone()).len()).sum();
    let ms = r.recognize_document(&mut doc);
    assert_eq!(ms.len(), one_by_one, "{ms:#?}");
    assert!(ms.iter().all(|m| m.kind != EntityType::Person), "{ms:#?}");
}

/// Tokens with forms and UPOS tags, written `word/UPOS`; a word glued to the next one (no space
/// after it) ends in `+`.
pub(super) fn tagged(spec: &str) -> Vec<Token> {
    spec.split(' ')
        .map(|item| {
            let (word, upos) = item.rsplit_once('/').unwrap();
            let (form, glued) = word.strip_suffix('+').map_or((word, false), |f| (f, true));
            Token { form: form.to_owned(), upos: upos.to_owned(), space_after: !glued, ..Default::default() }
        })
        .collect()
}

#[test]
fn a_person_name_cut_before_a_particle_or_in_two_is_one_person() {
    // "Omar bin Tarek said": tagged `Omar` + `bin Tarek`
    let toks = tagged("Omar/PROPN bin/PROPN Tarek/PROPN said/VERB");
    assert_eq!(join_split_person_names(&toks, vec![(0..1, NerClass::Per), (1..3, NerClass::Per)]), vec![(0..3, NerClass::Per)]);
    // `Saif al-Rashan`, the surname cut at its hyphen and typed as an organisation
    let toks = tagged("President/PROPN Saif/PROPN al+/PROPN -+/PUNCT Rashan/PROPN said/VERB");
    assert_eq!(join_split_person_names(&toks, vec![(1..2, NerClass::Per), (2..5, NerClass::Org)]), vec![(1..5, NerClass::Per)]);
    // `Mara J. T.` + `Vellin`
    let toks = tagged("Mara/PROPN J./PROPN T./PROPN Vellin/PROPN wrote/VERB");
    assert_eq!(join_split_person_names(&toks, vec![(0..3, NerClass::Per), (3..4, NerClass::Per)]), vec![(0..4, NerClass::Per)]);
    // a comma between, a title, or a place after the name: left alone
    for (spec, spans) in [
        ("Ana/PROPN Reyes+/PROPN ,/PUNCT Ben/PROPN Tarrow/PROPN", vec![(0..2, NerClass::Per), (3..5, NerClass::Per)]),
        ("told/VERB Ana/PROPN Reyes/PROPN President/PROPN Tarrow/PROPN", vec![(1..3, NerClass::Per), (3..5, NerClass::Per)]),
        ("told/VERB Ana/PROPN Reyes/PROPN Norvia/PROPN", vec![(1..3, NerClass::Per), (3..4, NerClass::Loc)]),
    ] {
        assert_eq!(join_split_person_names(&tagged(spec), spans.clone()), spans, "{spec}");
    }
}

#[test]
fn a_plural_possessive_inside_a_capitalised_run_joins_one_name() {
    // "fighters of the Zembla Farmers' Union": the tagger stopped at the apostrophe
    let toks = tagged("fighters/NOUN of/ADP the/DET Zembla/PROPN Farmers+/PROPN '/PART Union/NOUN clashed/VERB");
    assert_eq!(join_possessive_names(&toks, vec![(3..5, NerClass::Org)]), vec![(3..7, NerClass::Org)]);
    // an irregular plural with `'s`, no name found by the tagger
    let toks = tagged("the/DET People+/PROPN 's/PART Defence/PROPN Brigades/PROPN said/VERB");
    assert_eq!(join_possessive_names(&toks, vec![]), vec![(1..5, NerClass::Org)]);
}

#[test]
fn an_organisation_the_gazetteer_knows_stays_one_name() {
    // a title word inside the name had split it into an owner and a person named after the title
    // (the embedded gazetteer gives such bodies' names whole, as this pass needs)
    let words: Vec<&str> = "the International Atomic Energy Agency voted".split(' ').collect();
    let found = gazetteer_matches(&words);
    assert!(found.iter().any(|(r, k, _)| *r == (1..5) && *k == EntityType::InternationalOrganization), "{found:?}");
    let words = ["the", "Zembla", "Nations", "General", "Assembly", "voted"];
    let gaz = vec![(1..5, EntityType::InternationalOrganization)];
    let spans = vec![(1..3, NerClass::Org), (4..5, NerClass::Per)];
    assert_eq!(keep_gazetteer_organisations_whole(&words, spans, &gaz), vec![(1..5, NerClass::Org)]);
    // a longer name of the tagger that holds it stays; a place match is not forced
    let longer = vec![(1..6, NerClass::Org)];
    assert_eq!(keep_gazetteer_organisations_whole(&words, longer.clone(), &gaz), longer);
    let place = vec![(1..5, EntityType::Country)];
    let spans = vec![(4..5, NerClass::Per)];
    assert_eq!(keep_gazetteer_organisations_whole(&words, spans.clone(), &place), spans);
}

#[test]
fn a_singular_possessive_before_a_building_or_office_head_is_one_name() {
    // "taken to St Anne's Hospital": the tagger typed the saint a person and left the head out
    let toks = tagged("taken/VERB to/ADP St/PROPN Anne+/PROPN 's/PART Hospital/PROPN ./PUNCT");
    assert_eq!(join_possessive_names(&toks, vec![(2..4, NerClass::Per)]), vec![(2..6, NerClass::Org)]);
    // "the Sheriff's Office arrested …", and a place head
    let toks = tagged("the/DET Sheriff+/PROPN 's/PART Office/PROPN arrested/VERB");
    assert_eq!(join_possessive_names(&toks, vec![(1..2, NerClass::Per)]), vec![(1..4, NerClass::Org)]);
    let toks = tagged("in/ADP Tarvel+/PROPN 's/PART Bay/PROPN");
    assert_eq!(join_possessive_names(&toks, vec![]), vec![(1..4, NerClass::Loc)]);
    // words before the head, and an office holder's name of two words
    let toks = tagged("to/ADP St./PROPN Anne+/PROPN 's/PART Parish/PROPN Church/PROPN at/ADP");
    assert_eq!(join_possessive_names(&toks, vec![(1..3, NerClass::Org)]), vec![(1..6, NerClass::Org)]);
    let toks = tagged("the/DET Vell/PROPN Sheriff+/PROPN 's/PART Office/PROPN said/VERB");
    assert_eq!(join_possessive_names(&toks, vec![(1..3, NerClass::Per)]), vec![(1..5, NerClass::Org)]);
    // a place's or a named person's office is theirs, and a head not at the possessive joins nothing
    for (spec, spans) in [
        ("Zembla+/PROPN 's/PART Office/PROPN", vec![(0..1, NerClass::Loc)]),
        ("Ana/PROPN Reyes+/PROPN 's/PART Office/PROPN", vec![(0..2, NerClass::Per)]),
        ("Reyes+/PROPN 's/PART new/ADJ Office/PROPN", vec![(0..1, NerClass::Per)]),
        ("Reyes+/PROPN 's/PART White/PROPN House/PROPN Years/PROPN", vec![(0..1, NerClass::Per)]),
        ("Ana/PROPN Reyes+/PROPN 's/PART Parish/PROPN Church/PROPN", vec![(0..2, NerClass::Per)]),
    ] {
        let toks = tagged(spec);
        assert_eq!(join_possessive_names(&toks, spans.clone()), spans, "{spec}");
    }
}

#[test]
fn a_singular_owner_a_person_or_a_lowercase_word_joins_nothing() {
    // must give nothing: a country's, a place's and a person's possessive, a plural before a lowercase
    // noun, a plural possessive that meets a person's name
    let cases: [(&str, Vec<NameSpan>); 5] = [
        ("Zembla+/PROPN 's/PART Defence/PROPN Ministry/PROPN", vec![(0..1, NerClass::Loc)]),
        ("the/DET Zembla/PROPN Isles+/PROPN '/PART Coast/PROPN Guard/PROPN", vec![(1..3, NerClass::Loc)]),
        ("the/DET Farmers+/PROPN '/PART union/NOUN met/VERB", vec![]),
        ("Reyes+/PROPN 's/PART Vela/PROPN Party/PROPN", vec![(0..1, NerClass::Per)]),
        ("the/DET Farmers+/PROPN '/PART Ana/PROPN Reyes/PROPN", vec![(3..5, NerClass::Per)]),
    ];
    for (spec, spans) in cases {
        let toks = tagged(spec);
        assert_eq!(join_possessive_names(&toks, spans.clone()), spans, "{spec}");
    }
}

#[test]
fn a_capitalised_run_ending_in_a_company_form_is_one_organisation() {
    // "On Friday Harlow Motor Company announced": the tagger typed `Harlow` alone as a person
    let toks = tagged("On/ADP Friday/PROPN Harlow/PROPN Motor/PROPN Company/PROPN announced/VERB");
    assert_eq!(join_company_names(&toks, vec![(2..3, NerClass::Per)]), vec![(2..5, NerClass::Org)]);
    // no name found at all, `&` inside the name
    let toks = tagged("shares/NOUN of/ADP Dorn/PROPN &/CCONJ Vell/PROPN Holdings/PROPN fell/VERB");
    assert_eq!(join_company_names(&toks, vec![]), vec![(2..6, NerClass::Org)]);
    // a name written with a hyphen the tokenizer split off (`Vell-Dorn Corporation`)
    let toks = tagged("Vell+/PROPN -+/PUNCT Dorn/PROPN Corporation/PROPN said/VERB");
    assert_eq!(join_company_names(&toks, vec![(2..4, NerClass::Org)]), vec![(0..4, NerClass::Org)]);
}

#[test]
fn a_company_form_alone_or_inside_a_longer_name_joins_nothing() {
    // must give nothing: a form word alone after a day, a lowercase `company`, a name the tagger
    // found that reaches past the form word
    let cases: [(&str, Vec<NameSpan>); 3] = [
        ("On/ADP Friday/PROPN Company/PROPN officials/NOUN said/VERB", vec![]),
        ("the/DET Harlow/PROPN company/NOUN said/VERB", vec![(1..2, NerClass::Org)]),
        ("Vell/PROPN Holdings/PROPN of/ADP Zembla/PROPN said/VERB", vec![(0..4, NerClass::Org)]),
    ];
    for (spec, spans) in cases {
        let toks = tagged(spec);
        assert_eq!(join_company_names(&toks, spans.clone()), spans, "{spec}");
    }
}

/// The names of an invented sentence as the full pipeline tags, parses and recognises them.
fn analysed_names(text: &str) -> Vec<String> {
    let (mut sents, _) = crate::text::segment_bounded(text);
    crate::nlp::Analyzer::embedded().expect("embedded models").analyze(&mut sents[0]);
    let toks = &sents[0].tokens;
    let names = Recognizer::embedded().expect("embedded model").names(toks).0;
    names.iter().map(|(r, _)| toks[r.clone()].iter().map(|t| t.form.as_str()).collect::<String>()).collect()
}

#[test]
fn a_hyphenated_given_name_before_a_surname_is_one_name() {
    // the tagger finds `Lau` alone, `flat` widens it to `Wing Lau`; the hyphen pass must then run
    assert_eq!(analysed_names("The author Ka-Wing Lau said the filter works."), ["Ka-WingLau"]);
}

/// The mentions of an invented document as the full pipeline segments, analyses and recognises it.
fn document_mentions(text: &str) -> Vec<Mention> {
    let (mut sents, _) = crate::text::segment_bounded(text);
    for s in sents.iter_mut() {
        analyze_hook(s);
    }
    Recognizer::embedded().expect("embedded model").recognize_document(&mut sents)
}

#[test]
fn a_missed_full_name_is_found_whole_through_its_surname() {
    // the tagger misses the name after the lowercase role noun and finds the surname alone later:
    // the full name becomes the mention, so both `Vellin`s can resolve to it
    let ms = document_mentions("The activist Mara Vellin spoke. Vellin left.");
    let persons: Vec<&str> = ms.iter().filter(|m| m.kind == EntityType::Person).map(|m| m.text.as_str()).collect();
    assert_eq!(persons, ["Mara Vellin", "Vellin"], "{ms:#?}");
    // a title before the surname stays out of the name
    let ms = document_mentions("The visit of Mayor Vellin was short. Vellin left.");
    assert!(ms.iter().filter(|m| m.kind == EntityType::Person).all(|m| m.text == "Vellin"), "{ms:#?}");
}

#[test]
fn a_company_form_after_a_comma_ends_the_name() {
    // "a deal with Vell Tarn , Inc. of Brenmouth": the tagger stopped at the comma
    let toks = tagged("with/ADP Vell/PROPN Tarn/PROPN ,/PUNCT Inc./PROPN of/ADP Brenmouth/PROPN");
    assert_eq!(join_company_suffixes(&toks, vec![(1..3, NerClass::Org), (6..7, NerClass::Loc)]), vec![(1..5, NerClass::Org), (6..7, NerClass::Loc)]);
    // an untagged run before the form
    let toks = tagged("signed/VERB by/ADP Ostrel/PROPN ,/PUNCT Ltd./PROPN ./PUNCT");
    assert_eq!(join_company_suffixes(&toks, vec![]), vec![(2..5, NerClass::Org)]);
    // must give nothing: a person before the comma, a lowercase word, a capitalised word after the form
    let cases: [(&str, Vec<NameSpan>); 3] = [
        ("Mara/PROPN Vellin/PROPN ,/PUNCT Inc./PROPN", vec![(0..2, NerClass::Per)]),
        ("the/DET firm/NOUN ,/PUNCT Inc./PROPN", vec![]),
        ("Vell/PROPN Tarn/PROPN ,/PUNCT Co./PROPN Brenmouth/PROPN", vec![(0..2, NerClass::Org)]),
    ];
    for (spec, spans) in cases {
        assert_eq!(join_company_suffixes(&tagged(spec), spans.clone()), spans, "{spec}");
    }
}

#[test]
fn a_number_after_a_numbered_head_noun_ends_the_name() {
    // "Norvia Air Flight 312 came down": the tagger stopped before the number
    let toks = tagged("Norvia/PROPN Air/PROPN Flight/PROPN 312/NUM came/VERB down/ADP");
    assert_eq!(join_numbered_names(&toks, vec![(0..3, NerClass::Org)]), vec![(0..4, NerClass::Org)]);
    // must give nothing: a person, a name on another head, a number that a noun follows
    let cases: [(&str, Vec<NameSpan>); 3] = [
        ("Mara/PROPN Flight/PROPN 3/NUM left/VERB", vec![(0..2, NerClass::Per)]),
        ("Norvia/PROPN Air/PROPN 312/NUM flights/NOUN", vec![(0..2, NerClass::Org)]),
        ("Norvia/PROPN Flight/PROPN 12/NUM hours/NOUN late/ADJ", vec![(0..2, NerClass::Org)]),
    ];
    for (spec, spans) in cases {
        assert_eq!(join_numbered_names(&tagged(spec), spans.clone()), spans, "{spec}");
    }
}

#[test]
fn a_role_word_opening_a_sentence_is_cut_off_a_person_name() {
    let lexicon = lexicon::Lexicon::default();
    // "Podcaster Ben Tarrow spoke. ... Tarrow said": an unknown word, never capitalised inside a
    // sentence, before a name whose surname is a person's in another sentence
    let s1 = tagged("Podcaster/NOUN Ben/PROPN Tarrow/PROPN spoke/VERB ./PUNCT");
    let s2 = tagged("Later/ADV Tarrow/PROPN said/VERB so/ADV ./PUNCT");
    let words: Vec<Vec<&str>> = [&s1, &s2].iter().map(|s| s.iter().map(|t| t.form.as_str()).collect()).collect();
    let mut names = vec![vec![(0..3, NerClass::Per)], vec![(1..2, NerClass::Per)]];
    cut_role_words_opening_names(&lexicon, &[&s1, &s2], &words, &mut names);
    assert_eq!(names[0], vec![(1..3, NerClass::Per)]);
    // a given name before one hyphenated surname, or a surname named nowhere else: left alone
    let s1 = tagged("Adil/PROPN Vell+/PROPN -+/PUNCT Dorn/PROPN spoke/VERB ./PUNCT");
    let s2 = tagged("Later/ADV Dorn/PROPN said/VERB so/ADV ./PUNCT");
    let words: Vec<Vec<&str>> = [&s1, &s2].iter().map(|s| s.iter().map(|t| t.form.as_str()).collect()).collect();
    let mut names = vec![vec![(0..4, NerClass::Per)], vec![(1..2, NerClass::Per)]];
    cut_role_words_opening_names(&lexicon, &[&s1, &s2], &words, &mut names);
    assert_eq!(names[0], vec![(0..4, NerClass::Per)]);
    let s1 = tagged("Podcaster/NOUN Ben/PROPN Tarrow/PROPN spoke/VERB ./PUNCT");
    let words: Vec<Vec<&str>> = vec![s1.iter().map(|t| t.form.as_str()).collect()];
    let mut names = vec![vec![(0..3, NerClass::Per)]];
    cut_role_words_opening_names(&lexicon, &[&s1], &words, &mut names);
    assert_eq!(names[0], vec![(0..3, NerClass::Per)]);
}

#[test]
fn a_number_ending_a_hyphened_word_is_no_quantity() {
    let r = Recognizer::embedded().unwrap();
    let text = "The Vell-19 virus spread to 12 towns, and the TX-81 rocket failed.";
    let mut s = sentence(text);
    let ms = r.recognize(&mut s);
    assert!(find(&ms, "19 virus").is_none() && find(&ms, "81 rocket").is_none(), "{ms:#?}");
    assert_eq!(find(&ms, "12 towns").map(|m| m.kind), Some(EntityType::Quantity), "{ms:#?}");
}

#[test]
fn a_country_closing_one_mistyped_person_name_stays_a_country() {
    use std::collections::HashSet;
    let m = |text: &str, kind: EntityType| Mention { sentence: 0, tokens: 0..1, span: Span::default(), text: text.into(), kind, entity: None };
    // `Vell Norvia` (a firm the tagger typed PER) once, the country `Norvia` four times
    let mut all = vec![m("Vell Norvia", EntityType::Person)];
    all.extend((0..4).map(|_| m("Norvia", EntityType::Country)));
    // must keep: `Ivo Tarrow` twice, `Tarrow` read as a country three times, stays a surname
    all.extend([m("Ivo Tarrow", EntityType::Person), m("Ivo Tarrow", EntityType::Person)]);
    all.extend((0..3).map(|_| m("Tarrow", EntityType::Country)));
    // must keep: a town's name read as a surname (`Ben Ostrava`, `Ostrava` as a city)
    all.push(m("Ben Ostrava", EntityType::Person));
    all.extend((0..5).map(|_| m("Ostrava", EntityType::City)));
    let mut words: HashSet<String> = ["Vell Norvia", "Norvia", "Ivo Tarrow", "Tarrow", "Ben Ostrava", "Ostrava"].iter().map(|w| w.to_string()).collect();
    drop_outvoted_surnames(&all, &mut words);
    assert!(!words.contains("Norvia"));
    assert!(words.contains("Tarrow") && words.contains("Ostrava"));
}
