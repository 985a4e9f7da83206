//! Descriptions and concept labels on hand-built documents: `the group` as a named organisation,
//! the bare role that a vice president does not fill, capitals kept inside labels and
//! hyphenated words kept whole; place nouns that name only places of their size, role
//! descriptions bound by `of`, occupations given as titles (`the former drummer`) and the
//! described-role facts that need a person behind the description; class nouns with a
//! describing modifier (`the struggling firm`) against ones that single out another thing; a
//! class noun with a restrictive relative clause (`the party that picks X`), which points back
//! only to the sentence before.

use super::arguments::{concept_label, whole_words};
use super::tests::{doc, f, facts, ment, run, tri};
use crate::document::EntityType as T;

#[test]
fn the_group_is_the_organisation_named_before() {
    let d = doc(&["Tomas Ferreira founded the Velvet Lanterns in Lisbon .", "Ferreira later left the group ."]);
    let m = [ment(&d, 0, "Tomas Ferreira", T::Person), ment(&d, 0, "Velvet Lanterns", T::Organization), ment(&d, 1, "Ferreira", T::Person)];
    let r = run(&d, &m, vec![tri(&d, 1, "Ferreira", "left", "leave", Some("the group"))]);
    assert_eq!(facts(&r), vec![f("tomas_ferreira", "left", Some("velvet_lanterns"))]);
}

#[test]
fn the_building_is_the_facility_named_before() {
    let d = doc(&["Fire broke out at Brentham Hall in Vell County .", "Crews saved the building ."]);
    let m = [ment(&d, 0, "Brentham Hall", T::Location), ment(&d, 0, "Vell County", T::Location)];
    let r = run(&d, &m, vec![tri(&d, 1, "Crews", "saved", "save", Some("the building"))]);
    assert_eq!(facts(&r), vec![f("crews", "saved", Some("brentham_hall"))]);
    // three sentences on: a building noun still finds the one facility named
    let d = doc(&["Fire broke out at Brentham Hall .", "Smoke rose .", "Roads closed .", "Crews saved the building ."]);
    let r = run(&d, &[ment(&d, 0, "Brentham Hall", T::Location)], vec![tri(&d, 3, "Crews", "saved", "save", Some("the building"))]);
    assert_eq!(facts(&r), vec![f("crews", "saved", Some("brentham_hall"))]);
    // `the airport` is an airport's name, not the hospital named just before it
    let d = doc(&["Vell Airport stayed open .", "Ambulances drove to Brentham Hospital .", "Later the airport closed ."]);
    let m = [ment(&d, 0, "Vell Airport", T::Location), ment(&d, 1, "Brentham Hospital", T::Location)];
    let r = run(&d, &m, vec![tri(&d, 2, "the airport", "closed", "close", None)]);
    assert_eq!(facts(&r), vec![f("vell_airport", "closed", None)]);
    // a place that is no building is never `the building`
    let d = doc(&["Fire broke out in Vell County .", "Crews saved the building ."]);
    let r = run(&d, &[ment(&d, 0, "Vell County", T::Location)], vec![tri(&d, 1, "Crews", "saved", "save", Some("the building"))]);
    assert_eq!(facts(&r), vec![f("crews", "saved", Some("building"))]);
}

#[test]
fn the_group_with_no_organisation_before_stays_a_concept() {
    let d = doc(&["Tomas Ferreira met hikers in Lisbon .", "Ferreira later left the group ."]);
    let m = [ment(&d, 0, "Tomas Ferreira", T::Person), ment(&d, 1, "Ferreira", T::Person)];
    let r = run(&d, &m, vec![tri(&d, 1, "Ferreira", "left", "leave", Some("the group"))]);
    assert_eq!(facts(&r), vec![f("tomas_ferreira", "left", Some("group"))]);
}

#[test]
fn a_band_or_group_is_no_government_body() {
    let d = doc(&["The Velvet Lanterns played for the Harbour Agency .", "Tomas Ferreira joined the group ."]);
    let m = [ment(&d, 0, "Harbour Agency", T::GovernmentBody), ment(&d, 1, "Tomas Ferreira", T::Person)];
    let r = run(&d, &m, vec![tri(&d, 1, "Tomas Ferreira", "joined", "join", Some("the group"))]);
    assert_eq!(facts(&r), vec![f("tomas_ferreira", "joined", Some("group"))]);
}

#[test]
fn the_president_is_not_the_vice_president() {
    let d = doc(&[
        "President Harold Brandt debated Vice President Lucia Mendoza .",
        "Mendoza spoke first .",
        "Critics blamed the president .",
        "Others praised the vice president .",
    ]);
    let m = [ment(&d, 0, "Harold Brandt", T::Person), ment(&d, 0, "Lucia Mendoza", T::Person), ment(&d, 1, "Mendoza", T::Person)];
    let t = vec![
        tri(&d, 2, "Critics", "blamed", "blame", Some("president")),
        tri(&d, 3, "Others", "praised", "praise", Some("vice president")),
    ];
    let r = run(&d, &m, t);
    assert_eq!(facts(&r), vec![f("critics", "blamed", Some("harold_brandt")), f("others", "praised", Some("lucia_mendoza"))]);
    // only a vice president in the text: the bare role finds no one
    let d = doc(&["Vice President Lucia Mendoza spoke .", "Critics blamed the president ."]);
    let r = run(&d, &[ment(&d, 0, "Lucia Mendoza", T::Person)], vec![tri(&d, 1, "Critics", "blamed", "blame", Some("president"))]);
    assert_eq!(facts(&r), vec![f("critics", "blamed", Some("president"))]);
}

#[test]
fn capitals_inside_the_sentence_stay_in_concept_labels() {
    let mut d = doc(&["Agents of the Royal Mint guard the vault ."]);
    // the tagger read `Royal` as an adjective
    d.sentences[0].tokens[3].upos = "ADJ".into();
    assert_eq!(concept_label(&d.sentences[0], 3..5).map(|x| x.0), Some("Royal Mint".to_string()));
    // the sentence's first word is capitalised by position only
    let mut d = doc(&["Rural clinics closed ."]);
    d.sentences[0].tokens[0].upos = "ADJ".into();
    assert_eq!(concept_label(&d.sentences[0], 0..2).map(|x| x.0), Some("rural clinics".to_string()));
}

/// `forms` with no space between the tokens joined by `-` (as a tokenizer splits a hyphenated word).
fn glued(line: &str) -> crate::document::Document {
    let mut d = doc(&[line]);
    let toks = &mut d.sentences[0].tokens;
    for i in 0..toks.len() {
        if toks[i].form == "-" {
            toks[i].space_after = false;
            if i > 0 {
                toks[i - 1].space_after = false;
            }
        }
    }
    d
}

#[test]
fn a_possessors_bracketed_acronym_leaves_the_concept_label_with_it() {
    let d = doc(&["Officials praised Norvia 's ( NV ) Unity Party ."]);
    assert_eq!(concept_label(&d.sentences[0], 2..9).map(|x| x.0), Some("Unity Party".to_string()));
}

#[test]
fn hyphenated_words_stay_whole_in_concept_labels() {
    let d = glued("The HX - 7 strain spread , and a work - from - home rule followed .");
    let s = &d.sentences[0];
    // cut after the first hyphen and before the second
    assert_eq!(whole_words(s, 3..5), 1..5);
    assert_eq!(concept_label(s, whole_words(s, 3..5)).map(|x| x.0), Some("HX-7 strain".to_string()));
    assert_eq!(concept_label(s, whole_words(s, 9..10)).map(|x| x.0), Some("work-from-home".to_string()));
    // a range that opens on the hyphen
    assert_eq!(whole_words(s, 2..5), 1..5);
    // a word with spaces around its dash is two words; a bare number keeps its own range
    let d = doc(&["The vote - a landslide - ended ."]);
    assert_eq!(whole_words(&d.sentences[0], 1..2), 1..2);
    let d = glued("a 41 - year - old man");
    assert_eq!(whole_words(&d.sentences[0], 1..2), 1..2);
}

#[test]
fn an_argument_cut_inside_a_hyphenated_word_is_the_whole_word() {
    let d = glued("The HX - 7 virus spread fast .");
    let r = run(&d, &[], vec![tri(&d, 0, "7 virus", "spread", "spread", None), tri(&d, 0, "- 7 virus", "spread", "spread", None)]);
    assert_eq!(facts(&r), vec![f("hx_7_virus", "spread", None), f("hx_7_virus", "spread", None)]);
}

#[test]
fn the_noun_finds_a_concept_named_with_capitals() {
    let mut d = doc(&["The Coastal Rowing Federation banned the boats .", "Later the federation lifted the ban ."]);
    d.sentences[0].tokens[1].upos = "ADJ".into();
    let r = run(&d, &[], vec![
        tri(&d, 0, "The Coastal Rowing Federation", "banned", "ban", Some("the boats")),
        tri(&d, 1, "the federation", "lifted", "lift", Some("the ban")),
    ]);
    assert_eq!(facts(&r)[1].0, "coastal_rowing_federation");
    // no such concept before: the noun stays its own
    let d = doc(&["The boats sailed .", "Later the federation lifted the ban ."]);
    let r = run(&d, &[], vec![tri(&d, 1, "the federation", "lifted", "lift", Some("the ban"))]);
    assert_eq!(facts(&r)[0].0, "federation");
}

#[test]
fn the_city_names_a_city_or_a_city_state_never_the_country_around_it() {
    let flooded = |d: &crate::document::Document| vec![tri(d, 1, "the city", "was flooded", "flood", None)];
    let d = doc(&["Floods hit Lisbon in Portugal .", "Rescuers said the city was flooded ."]);
    let r = run(&d, &[ment(&d, 0, "Lisbon", T::City), ment(&d, 0, "Portugal", T::Country)], flooded(&d));
    assert_eq!(facts(&r), vec![f("lisbon", "was flooded", None)]);
    // only the country named: the description stays a plain noun
    let d = doc(&["Floods hit Portugal on Monday .", "Rescuers said the city was flooded ."]);
    let r = run(&d, &[ment(&d, 0, "Portugal", T::Country)], flooded(&d));
    assert_eq!(facts(&r), vec![f("city", "was flooded", None)]);
    // a city-state is a country the gazetteer also knows as a city
    let d = doc(&["Floods hit Singapore on Monday .", "Rescuers said the city was flooded ."]);
    let r = run(&d, &[ment(&d, 0, "Singapore", T::Country)], flooded(&d));
    assert_eq!(facts(&r), vec![f("singapore", "was flooded", None)]);
}

#[test]
fn the_region_or_the_island_is_no_country() {
    let d = doc(&["Storms hit Portugal .", "Ferries left the island ."]);
    let r = run(&d, &[ment(&d, 0, "Portugal", T::Country)], vec![tri(&d, 1, "Ferries", "left", "leave", Some("the island"))]);
    assert_eq!(facts(&r), vec![f("ferries", "left", Some("island"))]);
    let d = doc(&["Storms hit Portugal .", "Officials said the region was calm ."]);
    let r = run(&d, &[ment(&d, 0, "Portugal", T::Country)], vec![tri(&d, 1, "the region", "was calm", "be", None)]);
    assert_eq!(facts(&r), vec![f("region", "was calm", None)]);
    // a place that is no country takes it
    let d = doc(&["Storms hit Vessmark Island .", "Ferries left the island ."]);
    let r = run(&d, &[ment(&d, 0, "Vessmark Island", T::Location)], vec![tri(&d, 1, "Ferries", "left", "leave", Some("the island"))]);
    assert_eq!(facts(&r), vec![f("ferries", "left", Some("vessmark_island"))]);
    // a city-state is also a territory; a larger country is not
    let d = doc(&["Protests filled Singapore .", "Officials said the territory was calm ."]);
    let r = run(&d, &[ment(&d, 0, "Singapore", T::Country)], vec![tri(&d, 1, "the territory", "was calm", "be", None)]);
    assert_eq!(facts(&r), vec![f("singapore", "was calm", None)]);
    let d = doc(&["Protests filled Portugal .", "Officials said the territory was calm ."]);
    let r = run(&d, &[ment(&d, 0, "Portugal", T::Country)], vec![tri(&d, 1, "the territory", "was calm", "be", None)]);
    assert_eq!(facts(&r), vec![f("territory", "was calm", None)]);
}

#[test]
fn a_place_description_is_undone_when_its_entity_turns_out_a_person() {
    let sents = ["Crowds cheered Marlow Quint in the square .", "Visitors praised the territory .", "Quint waved ."];
    let praised = |d: &crate::document::Document| vec![tri(d, 1, "Visitors", "praised", "praise", Some("the territory"))];
    // NER typed the name as a place: the territory joins it
    let d = doc(&sents[..2]);
    let r = run(&d, &[ment(&d, 0, "Marlow Quint", T::Location)], praised(&d));
    assert_eq!(facts(&r), vec![f("visitors", "praised", Some("marlow_quint"))]);
    // the bare surname shows a person: no place noun may name them
    let d = doc(&sents);
    let r = run(&d, &[ment(&d, 0, "Marlow Quint", T::Location), ment(&d, 2, "Quint", T::Person)], praised(&d));
    assert_eq!(facts(&r), vec![f("visitors", "praised", Some("territory"))]);
    let e = r.entities.iter().find(|e| e.id == "marlow_quint").expect("the person");
    assert_eq!(e.kind, T::Person);
    assert!(!e.aliases.iter().any(|a| a.contains("territory")), "{:?}", e.aliases);
}

#[test]
fn the_head_of_something_is_no_back_reference_and_aliases_start_at_the_nearest_the() {
    let praised = |d: &crate::document::Document, subj: &str| {
        let mut t = tri(d, 1, subj, "praised", "praise", Some("the plan"));
        t.subject.head = t.subject.tokens.start + 1; // `head`, as the parser gives it
        vec![t]
    };
    let d = doc(&["President Harold Brandt opened the summit .", "The head praised the plan ."]);
    let r = run(&d, &[ment(&d, 0, "Harold Brandt", T::Person)], praised(&d, "The head"));
    assert_eq!(facts(&r)[0].0, "harold_brandt");
    // `the head of the agency` is whoever heads the agency, not the last leader named
    let d = doc(&["President Harold Brandt opened the summit .", "The head of the agency praised the plan ."]);
    let r = run(&d, &[ment(&d, 0, "Harold Brandt", T::Person)], praised(&d, "The head of the agency"));
    assert_ne!(facts(&r)[0].0, "harold_brandt");
    assert!(!r.entities.iter().any(|e| e.aliases.iter().any(|a| a.contains("head"))));
    // a role description's alias is the role, not the noun phrase before it
    let d = doc(&["President Harold Brandt opened the summit .", "Critics doubted the claim the president made ."]);
    let r = run(&d, &[ment(&d, 0, "Harold Brandt", T::Person)], vec![]);
    let e = r.entities.iter().find(|e| e.id == "harold_brandt").expect("the president");
    assert!(e.aliases.contains(&"the president".to_string()), "{:?}", e.aliases);
    assert!(!e.aliases.iter().any(|a| a.contains("claim")), "{:?}", e.aliases);
}

#[test]
fn an_occupation_given_as_a_title_points_back_to_its_person() {
    let d = doc(&["Dutch painter and drummer Tomas Ferreira died .", "The former drummer left the band ."]);
    let m = [ment(&d, 0, "Tomas Ferreira", T::Person)];
    let r = run(&d, &m, vec![tri(&d, 1, "The former drummer", "left", "leave", Some("the band"))]);
    assert_eq!(facts(&r), vec![f("tomas_ferreira", "left", Some("band"))]);
    // must give nothing: an occupation never given to anyone names no one
    let d = doc(&["Tomas Ferreira died .", "The former drummer left the band ."]);
    let r = run(&d, &[ment(&d, 0, "Tomas Ferreira", T::Person)], vec![tri(&d, 1, "The former drummer", "left", "leave", Some("the band"))]);
    assert_eq!(facts(&r), vec![f("former_drummer", "left", Some("band"))]);
}

#[test]
fn any_noun_given_as_a_title_points_back_to_its_person() {
    // `inventor` is no listed role noun: the title before the name is what the text calls her
    let d = doc(&["Norvian inventor Mara Vellin crossed the strait .", "Vellin landed at noon .", "The inventor carried a tank ."]);
    let m = [ment(&d, 0, "Mara Vellin", T::Person), ment(&d, 1, "Vellin", T::Person)];
    let r = run(&d, &m, vec![tri(&d, 2, "The inventor", "carried", "carry", Some("a tank"))]);
    assert_eq!(facts(&r), vec![f("mara_vellin", "carried", Some("tank"))]);
    // must give nothing: a title given to no one, or a plural before a name, names no one
    for first in ["Mara Vellin crossed the strait .", "The crowd cheered fans Mara Vellin ."] {
        let mut d = doc(&[first, "Vellin landed at noon .", "The inventor carried a tank ."]);
        for t in d.sentences[0].tokens.iter_mut().filter(|t| t.form == "fans") {
            t.lemma = "fan".into();
        }
        let m = [ment(&d, 0, "Mara Vellin", T::Person), ment(&d, 1, "Vellin", T::Person)];
        let r = run(&d, &m, vec![tri(&d, 2, "The inventor", "carried", "carry", Some("a tank"))]);
        assert_eq!(facts(&r), vec![f("inventor", "carried", Some("tank"))], "{first}");
    }
}

#[test]
fn a_role_in_apposition_points_back_to_its_person() {
    let d = doc(&["Mara Ostrel , lead drummer of Vell Harbour , retired .", "Friends thanked the drummer ."]);
    let m = [ment(&d, 0, "Mara Ostrel", T::Person), ment(&d, 0, "Vell Harbour", T::Organization)];
    let r = run(&d, &m, vec![tri(&d, 1, "Friends", "thanked", "thank", Some("the drummer"))]);
    assert_eq!(facts(&r), vec![f("friends", "thanked", Some("mara_ostrel"))]);
    // must give nothing: an apposition that is no role, or a role before another name
    for first in ["Mara Ostrel , long friend of Vell Harbour , retired .", "Mara Ostrel thanked Vell Harbour , drummer of the year ."] {
        let d = doc(&[first, "Friends thanked the drummer ."]);
        let m = [ment(&d, 0, "Mara Ostrel", T::Person), ment(&d, 0, "Vell Harbour", T::Organization)];
        let r = run(&d, &m, vec![tri(&d, 1, "Friends", "thanked", "thank", Some("the drummer"))]);
        assert!(!facts(&r).contains(&f("friends", "thanked", Some("mara_ostrel"))), "{first}: {:?}", facts(&r));
    }
}

#[test]
fn an_organisation_noun_before_a_name_makes_it_no_person() {
    // NER typed the band a person, and its name is the founder's surname
    let d = doc(&["The band Corvel signed with Vell Records .", "Lena Corvel founded it ."]);
    let m = [ment(&d, 0, "Corvel", T::Person), ment(&d, 0, "Vell Records", T::Company), ment(&d, 1, "Lena Corvel", T::Person)];
    let r = run(&d, &m, vec![tri(&d, 0, "The band Corvel", "signed with", "sign", Some("Vell Records"))]);
    assert_eq!(facts(&r), vec![f("corvel", "signed with", Some("vell_records"))]);
    assert!(r.entities.iter().any(|e| e.id == "corvel" && e.kind == T::Organization), "{:?}", r.entities);
    // must give nothing: without the noun the surname is the person's
    let d = doc(&["Lena Corvel founded a trust in Lisbon .", "Corvel led it ."]);
    let m = [ment(&d, 0, "Lena Corvel", T::Person), ment(&d, 1, "Corvel", T::Person)];
    let r = run(&d, &m, vec![tri(&d, 1, "Corvel", "led", "lead", None)]);
    assert_eq!(facts(&r), vec![f("lena_corvel", "led", None)]);
}

#[test]
fn a_described_role_fact_needs_a_person_behind_the_description() {
    let described = |d: &crate::document::Document| {
        let mut t = tri(d, 1, "The former drummer", "former drummer of", "be", Some("Velvet Lanterns"));
        t.rule = crate::extract::DESCRIBED_ROLE_RULE.into();
        t
    };
    let d = doc(&["Dutch drummer Tomas Ferreira died .", "The former drummer of Velvet Lanterns was 66 ."]);
    let m = [ment(&d, 0, "Tomas Ferreira", T::Person), ment(&d, 1, "Velvet Lanterns", T::Organization)];
    let r = run(&d, &m, vec![described(&d)]);
    assert_eq!(facts(&r), vec![f("tomas_ferreira", "former drummer of", Some("velvet_lanterns"))]);
    // must give nothing: no one was called a drummer before
    let d = doc(&["Tomas Ferreira died .", "The former drummer of Velvet Lanterns was 66 ."]);
    let m = [ment(&d, 0, "Tomas Ferreira", T::Person), ment(&d, 1, "Velvet Lanterns", T::Organization)];
    assert!(facts(&run(&d, &m, vec![described(&d)])).is_empty());
}

/// `An Ostrava Air passenger jet landed in Brno .` with the premodifiers hung on `jet` as the
/// parser does; `with_name` = false drops the operator's name (`A small passenger jet`).
fn vehicle_doc(with_name: bool) -> crate::document::Document {
    let first = if with_name { "An Ostrava Air passenger jet landed in Brno ." } else { "A small white passenger jet landed in Brno ." };
    let mut d = doc(&[first, "The aircraft overshot the runway .", "Reporters saw the plane ."]);
    // heads count from 1: det, compound (Ostrava → Air), compound, compound → jet (5); jet → landed
    for (i, (head, deprel)) in [(5, "det"), (3, "compound"), (5, "compound"), (5, "compound"), (6, "nsubj")].into_iter().enumerate() {
        d.sentences[0].tokens[i].head = head;
        d.sentences[0].tokens[i].deprel = deprel.into();
    }
    if !with_name {
        d.sentences[0].tokens[1].upos = "ADJ".into();
        d.sentences[0].tokens[2].upos = "ADJ".into();
    }
    d
}

#[test]
fn a_vehicle_named_by_its_operator_is_what_the_aircraft_refers_to() {
    let d = vehicle_doc(true);
    let m = [ment(&d, 0, "Ostrava Air", T::Company), ment(&d, 0, "Brno", T::City)];
    let t = vec![
        tri(&d, 0, "Ostrava Air passenger jet", "landed in", "land", Some("Brno")),
        tri(&d, 1, "The aircraft", "overshot", "overshoot", Some("the runway")),
        tri(&d, 2, "Reporters", "saw", "see", Some("the plane")),
    ];
    let r = run(&d, &m, t);
    assert_eq!(
        facts(&r),
        vec![
            f("ostrava_air_passenger_jet", "landed in", Some("brno")),
            f("ostrava_air_passenger_jet", "overshot", Some("runway")),
            f("reporters", "saw", Some("ostrava_air_passenger_jet")),
        ]
    );
}

#[test]
fn a_vehicle_phrase_without_a_name_inside_stays_a_concept() {
    let d = vehicle_doc(false);
    let m = [ment(&d, 0, "Brno", T::City)];
    let t = vec![tri(&d, 1, "The aircraft", "overshot", "overshoot", Some("the runway"))];
    let r = run(&d, &m, t);
    assert_eq!(facts(&r), vec![f("aircraft", "overshot", Some("runway"))]);
}

/// Sets the tags of the word `form` in sentence `si` (the test documents tag by capitals only).
fn tag(d: &mut crate::document::Document, si: usize, form: &str, upos: &str, xpos: &str) {
    let t = d.sentences[si].tokens.iter_mut().find(|t| t.form == form).unwrap();
    t.upos = upos.into();
    t.xpos = xpos.into();
}

#[test]
fn a_described_class_noun_is_the_named_thing_and_a_singling_one_is_not() {
    // `the struggling firm`, `the Tallinn-based firm`: descriptions of the firm just named
    for (words, modifiers) in [
        ("The struggling firm cut jobs .", vec![("struggling", "VERB", "VBG")]),
        ("The Tallinn - based firm cut jobs .", vec![("based", "VERB", "VBN")]),
        ("The embattled firm cut jobs .", vec![("embattled", "ADJ", "JJ")]),
    ] {
        let mut d = doc(&["Norvik Holdings reported a loss .", words]);
        for (w, u, x) in modifiers {
            tag(&mut d, 1, w, u, x);
        }
        let subject = words.split(" cut").next().unwrap();
        let r = run(&d, &[ment(&d, 0, "Norvik Holdings", T::Company)], vec![tri(&d, 1, subject, "cut", "cut", Some("jobs"))]);
        assert_eq!(facts(&r), vec![f("norvik_holdings", "cut", Some("jobs"))], "{words}");
    }
    // a word that singles out another firm, a superlative, or two stacked modifiers: a firm
    // introduced here
    for (words, modifiers, label) in [
        ("The rival firm cut jobs .", vec![("rival", "ADJ", "JJ")], "rival_firm"),
        ("The largest firm cut jobs .", vec![("largest", "ADJ", "JJS")], "largest_firm"),
        ("The winning firm cut jobs .", vec![("winning", "VERB", "VBG")], "winning_firm"),
        ("The embattled struggling firm cut jobs .", vec![("embattled", "ADJ", "JJ"), ("struggling", "VERB", "VBG")], "embattled_struggling_firm"),
    ] {
        let mut d = doc(&["Norvik Holdings reported a loss .", words]);
        for (w, u, x) in modifiers {
            tag(&mut d, 1, w, u, x);
        }
        let subject = words.split(" cut").next().unwrap();
        let r = run(&d, &[ment(&d, 0, "Norvik Holdings", T::Company)], vec![tri(&d, 1, subject, "cut", "cut", Some("jobs"))]);
        assert_eq!(facts(&r), vec![f(label, "cut", Some("jobs"))], "{words}");
    }
}

#[test]
fn the_noun_a_name_was_described_with_refers_back_to_it() {
    // `Zeta-9, a moon …` → `the moon`, whatever kind NER gave the name
    let d = doc(&["Astronomers found ice on Zeta-9 , a small moon .", "The moon is colder than expected ."]);
    let m = [ment(&d, 0, "Zeta-9", T::Location)];
    let r = run(&d, &m, vec![tri(&d, 1, "The moon", "is colder than", "be", Some("expected"))]);
    assert_eq!(facts(&r), vec![f("zeta_9", "is colder than", Some("expected"))]);
    // after `is a`, with an adjective
    let d = doc(&["Orvo Rail is a regional carrier .", "Critics praised the carrier ."]);
    let r = run(&d, &[ment(&d, 0, "Orvo Rail", T::Person)], vec![tri(&d, 1, "Critics", "praised", "praise", Some("the carrier"))]);
    assert_eq!(facts(&r), vec![f("critics", "praised", Some("orvo_rail"))]);
    // a measuring noun (`a number of`) describes nothing
    let d = doc(&["Halden , a number of rivers meet there .", "The number grew ."]);
    let r = run(&d, &[ment(&d, 0, "Halden", T::City)], vec![tri(&d, 1, "The number", "grew", "grow", None)]);
    assert_eq!(facts(&r), vec![f("number", "grew", None)]);
}

#[test]
fn the_head_noun_of_a_name_refers_back_to_it() {
    let d = doc(&["Lena Varga won the Vell Prize in Poetry on Monday .", "The prize carries no money ."]);
    let m = [ment(&d, 0, "Lena Varga", T::Person), ment(&d, 0, "Vell Prize in Poetry", T::Event)];
    let r = run(&d, &m, vec![tri(&d, 1, "The prize", "carries", "carry", Some("no money"))]);
    assert_eq!(facts(&r), vec![f("vell_prize_in_poetry", "carries", Some("no_money"))]);
    // a one-word name has no head noun of its own
    let d = doc(&["Lena Varga visited Prize on Monday .", "The prize carries no money ."]);
    let m = [ment(&d, 0, "Lena Varga", T::Person), ment(&d, 0, "Prize", T::City)];
    let r = run(&d, &m, vec![tri(&d, 1, "The prize", "carries", "carry", Some("no money"))]);
    assert_eq!(facts(&r), vec![f("prize", "carries", Some("no_money"))]);
}

#[test]
fn the_law_or_the_deal_refers_back_to_a_named_act_or_accord() {
    let d = doc(&["Lawmakers passed the Vell Water Act on Monday .", "The law requires tests ."]);
    let m = [ment(&d, 0, "Vell Water Act", T::Concept)];
    let r = run(&d, &m, vec![tri(&d, 1, "The law", "requires", "require", Some("tests"))]);
    assert_eq!(facts(&r), vec![f("vell_water_act", "requires", Some("tests"))]);
    let d = doc(&["Two states signed the Orvo River Accord in May .", "The deal shares the water ."]);
    let m = [ment(&d, 0, "Orvo River Accord", T::Concept)];
    let r = run(&d, &m, vec![tri(&d, 1, "The deal", "shares", "share", Some("the water"))]);
    assert_eq!(facts(&r), vec![f("orvo_river_accord", "shares", Some("water"))]);
    // a year after the name's head noun is no head
    let d = doc(&["Lawmakers passed the Vell Reform Bill 2019 on Monday .", "The bill requires tests ."]);
    let m = [ment(&d, 0, "Vell Reform Bill 2019", T::Concept)];
    let r = run(&d, &m, vec![tri(&d, 1, "The bill", "requires", "require", Some("tests"))]);
    assert_eq!(facts(&r), vec![f("vell_reform_bill_2019", "requires", Some("tests"))]);
    // a law is no agreement
    let d = doc(&["Lawmakers passed the Vell Water Act on Monday .", "The deal shares the water ."]);
    let m = [ment(&d, 0, "Vell Water Act", T::Concept)];
    let r = run(&d, &m, vec![tri(&d, 1, "The deal", "shares", "share", Some("the water"))]);
    assert_eq!(facts(&r), vec![f("deal", "shares", Some("water"))]);
}

#[test]
fn an_untagged_name_described_after_it_is_a_node_its_noun_refers_to() {
    // NER left `Zeta-9` untagged; the apposition makes it a name and `the moon` refers back to it
    let d = doc(&["Astronomers found ice on Zeta-9 , a small moon .", "The moon is colder than expected ."]);
    let r = run(&d, &[], vec![tri(&d, 1, "The moon", "is colder than", "be", Some("expected"))]);
    assert_eq!(facts(&r), vec![f("zeta_9", "is colder than", Some("expected"))]);
    // a name inside a longer run of proper nouns is no separate name
    let d = doc(&["Dr Ilse Korver , a geologist , spoke .", "The geologist smiled ."]);
    assert_eq!(super::descriptions::described_runs(&d.sentences[0]), vec![0..3]);
}

#[test]
fn a_run_of_proper_nouns_closing_on_a_law_s_head_is_a_name() {
    let mut d = doc(&["The assembly passed the Vell Housing Reform Bill 2019 on Monday ."]);
    let mut e = doc(&["Lawmakers amended the Vell Judiciary Act of 1869 ."]);
    for (s, props) in [(&mut d.sentences[0], 4..8), (&mut e.sentences[0], 3..6)] {
        for k in props {
            s.tokens[k].upos = "PROPN".into();
        }
    }
    assert_eq!(super::descriptions::law_runs(&d.sentences[0]), vec![4..8]);
    // a name that goes on with `of` is left to the arguments
    assert!(super::descriptions::law_runs(&e.sentences[0]).is_empty());
}

#[test]
fn a_designation_cut_at_its_hyphen_is_one_name() {
    let mut d = doc(&["Z4 - 22c was found in 2011 ."]);
    d.sentences[0].tokens[0].space_after = false;
    d.sentences[0].tokens[1].space_after = false;
    assert_eq!(super::scan::designation_end(&d.sentences[0], 1), 3);
    // spaced dashes and parts without a digit join nothing
    let d = doc(&["Iran - Iraq talks ended ."]);
    assert_eq!(super::scan::designation_end(&d.sentences[0], 1), 1);
    let mut d = doc(&["Iran - Iraq talks ended ."]);
    d.sentences[0].tokens[0].space_after = false;
    d.sentences[0].tokens[1].space_after = false;
    assert_eq!(super::scan::designation_end(&d.sentences[0], 1), 1);
}

#[test]
fn a_class_noun_with_a_restrictive_relative_points_back_only_to_the_sentence_before() {
    // `the party that picks X` says which party it means: no link three sentences back
    let text = "The Tarn Harvest Party nominated Ivo Oster in May. Oster spoke in Vell on Friday. Voters cheered loudly. The party that picks a banker does not deserve your vote.";
    let (_, facts) = super::tests::pipeline_facts(text);
    assert!(!facts.iter().any(|f| f.0 == 3 && f.1 == "Tarn Harvest Party"), "{facts:?}");
    // named in the sentence before, it still is that party
    let (_, facts) = super::tests::pipeline_facts("The Tarn Harvest Party nominated Ivo Oster in May. The party that nominated Oster won in Vell.");
    assert!(facts.iter().any(|f| f.0 == 1 && f.1 == "Tarn Harvest Party" && f.2 == "win in"), "{facts:?}");
}

#[test]
fn a_noun_before_the_class_noun_picks_the_name_holding_that_word() {
    let sents = ["Ana Torres appealed to the Vell Circuit Court of Appeals .", "The appeals court rejected the motion ."];
    let mut d = doc(&sents);
    d.sentences[1].tokens[1].deprel = "compound".into();
    let m = [ment(&d, 0, "Ana Torres", T::Person), ment(&d, 0, "Vell Circuit Court of Appeals", T::Organization)];
    let r = run(&d, &m, vec![tri(&d, 1, "The appeals court", "rejected", "reject", Some("the motion"))]);
    assert_eq!(facts(&r), vec![f("vell_circuit_court_of_appeals", "rejected", Some("motion"))]);
    // past the salience window: the one name holding both words
    let mut d = doc(&[sents[0], "Lawyers argued .", "Reporters waited .", "Crowds gathered .", "Rain fell .", "Shops closed .", "Buses stopped .", sents[1]]);
    d.sentences[7].tokens[1].deprel = "compound".into();
    let m = [ment(&d, 0, "Ana Torres", T::Person), ment(&d, 0, "Vell Circuit Court of Appeals", T::Organization)];
    let r = run(&d, &m, vec![tri(&d, 7, "The appeals court", "rejected", "reject", Some("the motion"))]);
    assert_eq!(facts(&r), vec![f("vell_circuit_court_of_appeals", "rejected", Some("motion"))]);
    // a court whose name lacks the word is another court
    let mut d = doc(&["Ana Torres appealed to the Vell High Court .", "The appeals court rejected the motion ."]);
    d.sentences[1].tokens[1].deprel = "compound".into();
    let m = [ment(&d, 0, "Ana Torres", T::Person), ment(&d, 0, "Vell High Court", T::Organization)];
    let r = run(&d, &m, vec![tri(&d, 1, "The appeals court", "rejected", "reject", Some("the motion"))]);
    assert_eq!(facts(&r), vec![f("appeals_court", "rejected", Some("motion"))]);
}

#[test]
fn the_event_is_the_gathering_named_by_another_noun_just_before() {
    // invented
    let (_, got) = super::tests::pipeline_facts("On Sunday, about fifty neighbours attended a lantern party in Kessel. Police said around 200 people attended the event.");
    assert!(got.iter().any(|(_, s, p, o)| s.contains("people") && p.contains("attend") && o == "lantern party"), "{got:?}");
    let (_, far) = super::tests::pipeline_facts(
        "On Sunday, about fifty neighbours attended a lantern party in Kessel. Ivo Oster sold tea. Lena Marsh sang songs. Tomas Brill painted walls. Ben Tarrow fixed a roof. Police said around 200 people attended the event.",
    );
    assert!(!far.iter().any(|(_, s, p, o)| s.contains("people") && p.contains("attend") && o == "lantern party"), "{far:?}");
}
