use super::super::testkit::check_cases;

/// Role cases with the facts they must give and the values of one field (picked by `field` from
/// each fact) that must not appear.
fn check_never(cases: &[(&str, &[(&str, &str, &str)], &[&str])], field: fn(&(String, String, String)) -> &String) {
    for (spec, want, never) in cases {
        let got = super::super::testkit::facts(spec, "role:");
        for (s, r, o) in *want {
            assert!(got.iter().any(|(gs, gr, go)| gs == s && gr == r && go == o), "{spec}: want {s} | {r} | {o} in {got:?}");
        }
        for x in *never {
            assert!(!got.iter().any(|f| field(f) == x), "{spec}: {x} in {got:?}");
        }
    }
}

#[test]
fn role_constructions() {
    // (invented sentence, expected subject | relation | object facts, facts that must not appear)
    let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
        (
            "[[Lena/PROPN Varga]]/PROPN is/AUX a/DET professor/NOUN at/ADP {{Tallinn/PROPN University}}/PROPN ./PUNCT",
            &[("Lena Varga", "professor at", "Tallinn University")],
            &[],
        ),
        (
            "[[Omar/PROPN Haddad]]/PROPN has/AUX been/AUX a/DET senator/NOUN from/ADP <<Utah>>/PROPN since/SCONJ 2010/NUM ./PUNCT",
            &[("Omar Haddad", "senator from", "Utah")],
            &[],
        ),
        (
            "[[Ivo/PROPN Petrov]]/PROPN is/AUX not/PART a/DET member/NOUN of/ADP {{Delta/PROPN Club}}/PROPN ./PUNCT",
            &[],
            &["Ivo Petrov"],
        ),
        (
            "[[Mara/PROPN Vellin]]/PROPN ,/PUNCT an/DET expert/NOUN from/ADP {{Ostrava/PROPN University}}/PROPN ,/PUNCT said/VERB \
             prices/NOUN fell/VERB ./PUNCT",
            &[("Mara Vellin", "expert from", "Ostrava University")],
            &[],
        ),
        (
            "She/PRON is/AUX also/ADV an/DET engineer/NOUN at/ADP {{Vexa/PROPN Motors}}/PROPN ./PUNCT",
            &[("She", "engineer at", "Vexa Motors")],
            &[],
        ),
        (
            "<<Canada>>/PROPN Senator/PROPN from/ADP <<Yukon>>/PROPN [[Tom/PROPN Reyes]]/PROPN spoke/VERB ./PUNCT",
            &[("Tom Reyes", "senator from", "Yukon")],
            &[],
        ),
        (
            // `special` is a modifier of the title, like `chief` or `deputy`
            "<<Norvia>>/PROPN Special/ADJ Envoy/PROPN for/ADP <<Kestria>>/PROPN [[Tove/PROPN Varrack]]/PROPN spoke/VERB ./PUNCT",
            &[("Tove Varrack", "special envoy for", "Kestria")],
            &[],
        ),
        (
            // an adjective capitalised only as the sentence's first word modifies the titles
            "Local/ADJ actor/NOUN and/CCONJ producer/NOUN [[Tove/PROPN Varrack]]/PROPN was/AUX there/ADV ./PUNCT",
            &[("Tove Varrack", "is a", "Local actor"), ("Tove Varrack", "is a", "producer")],
            &[],
        ),
        (
            // the owner after `for` untagged: the run stops where the person's name starts
            "Special/ADJ Envoy/PROPN for/ADP Kestria/PROPN [[Tove/PROPN Varrack]]/PROPN spoke/VERB ./PUNCT",
            &[("Tove Varrack", "special envoy for", "Kestria")],
            &[],
        ),
        (
            "A/DET letter/NOUN from/ADP Senator/PROPN [[Tom/PROPN Reyes]]/PROPN arrived/VERB ./PUNCT",
            &[],
            &["letter"],
        ),
        (
            "[[Rita/PROPN Moss]]/PROPN is/AUX a/DET bold/ADJ lawyer/NOUN with/ADP a/DET sharp/ADJ mind/NOUN ./PUNCT",
            &[],
            &["Rita Moss"],
        ),
        (
            "[[Rita/PROPN Moss]]/PROPN is/AUX a/DET former/ADJ Town/PROPN Councillor/PROPN ./PUNCT",
            &[],
            &["Rita Moss"],
        ),
        (
            "[[Rita/PROPN Moss]]/PROPN is/AUX a/DET <<Chile>>/PROPN senator/NOUN ./PUNCT",
            &[("Rita Moss", "senator of", "Chile")],
            &[],
        ),
        (
            "[[Rita/PROPN Moss]]/PROPN was/AUX her/PRP$ lawyer/NOUN ./PUNCT",
            &[("Rita Moss", "lawyer of", "her")],
            &[],
        ),
        (
            "[[Rita/PROPN Moss]]/PROPN is/AUX a/DET professor/NOUN ./PUNCT",
            &[],
            &["Rita Moss"],
        ),
        (
            "On/ADP Monday/PROPN ,/PUNCT Maltese/ADJ Prime/PROPN Minister/PROPN [[Ivo/PROPN Borg]]/PROPN opened/VERB the/DET bridge/NOUN ./PUNCT",
            &[("Ivo Borg", "prime minister of", "Malta")],
            &[],
        ),
        (
            "[[Ana/PROPN Ruiz]]/PROPN ,/PUNCT the/DET mayor/NOUN of/ADP <<Lima>>/PROPN ,/PUNCT closed/VERB the/DET park/NOUN ./PUNCT",
            &[("Ana Ruiz", "mayor of", "Lima")],
            &[],
        ),
        (
            "[[Dana/PROPN Kovac]]/PROPN ,/PUNCT another/DET lawyer/NOUN for/ADP {{Norvik/PROPN Shipping}}/PROPN ,/PUNCT spoke/VERB ./PUNCT",
            &[("Dana Kovac", "lawyer for", "Norvik Shipping")],
            &[],
        ),
        (
            "The/DET governor/NOUN of/ADP <<Texas>>/PROPN ,/PUNCT [[Dan/PROPN Cole]]/PROPN ,/PUNCT signed/VERB the/DET bill/NOUN ./PUNCT",
            &[("Dan Cole", "governor of", "Texas")],
            &[],
        ),
        (
            "{{Zeta/PROPN Foods}}/PROPN 's/PART chief/ADJ executive/NOUN [[Ben/PROPN Tarrow]]/PROPN quit/VERB ./PUNCT",
            &[("Ben Tarrow", "chief executive of", "Zeta Foods")],
            &[],
        ),
        (
            "{{Tarn/PROPN Front}}/PROPN leader/NOUN [[Ivo/PROPN Oster]]/PROPN spoke/VERB ./PUNCT",
            &[("Ivo Oster", "leader of", "Tarn Front")],
            &[],
        ),
        (
            "{{Tarn/PROPN Police}}/PROPN 's/PART chief/ADJ constable/NOUN [[Ben/PROPN Tarrow]]/PROPN wrote/VERB ./PUNCT",
            &[("Ben Tarrow", "chief constable of", "Tarn Police")],
            &[],
        ),
        (
            "[[Ben/PROPN Tarrow]]/PROPN ,/PUNCT {{Zeta/PROPN Foods}}/PROPN 's/PART chief/ADJ executive/NOUN ,/PUNCT quit/VERB ./PUNCT",
            &[("Ben Tarrow", "chief executive of", "Zeta Foods")],
            &[],
        ),
        (
            "{{Orbix}}/PROPN President/PROPN and/CCONJ CEO/PROPN [[Mia/PROPN Lund]]/PROPN spoke/VERB ./PUNCT",
            &[("Mia Lund", "president of", "Orbix"), ("Mia Lund", "ceo of", "Orbix")],
            &[],
        ),
        (
            "{{WHO}}/PROPN Director/PROPN -/PUNCT General/PROPN [[Raj/PROPN Patel]]/PROPN spoke/VERB ./PUNCT",
            &[("Raj Patel", "director-general of", "WHO")],
            &[],
        ),
        (
            "Kenyan/ADJ marathon/NOUN runner/NOUN [[Joy/PROPN Kip]]/PROPN ,/PUNCT 29/NUM ,/PUNCT won/VERB ./PUNCT",
            &[("Joy Kip", "marathon runner from", "Kenya"), ("Joy Kip", "is a", "marathon runner"), ("Joy Kip", "aged", "29")],
            &[],
        ),
        // the nations of the United Kingdom have demonyms of their own
        (
            "English/ADJ drummer/NOUN [[Joy/PROPN Kip]]/PROPN died/VERB ./PUNCT",
            &[("Joy Kip", "drummer from", "England"), ("Joy Kip", "is a", "drummer")],
            &[],
        ),
        (
            "<<Chile>>/PROPN poet/NOUN [[Luz/PROPN Mena]]/PROPN and/CCONJ <<Chile>>/PROPN 's/PART president/NOUN [[Rui/PROPN Sol]]/PROPN met/VERB ./PUNCT",
            &[("Luz Mena", "poet from", "Chile"), ("Rui Sol", "president of", "Chile")],
            &[],
        ),
        (
            "The/DET victim/NOUN ,/PUNCT IT/NOUN engineer/NOUN [[Ivo/PROPN Tamm]]/PROPN ,/PUNCT 41/NUM ,/PUNCT vanished/VERB ./PUNCT",
            &[("Ivo Tamm", "is a", "IT engineer")],
            &[],
        ),
        (
            "[[Eva/PROPN Moss]]/PROPN ,/PUNCT a/DET member/NOUN of/ADP the/DET {{Green/PROPN Party}}/PROPN ,/PUNCT voted/VERB ./PUNCT",
            &[("Eva Moss", "member of", "Green Party")],
            &[],
        ),
        (
            "[[Tom/PROPN Reed]]/PROPN ,/PUNCT a/DET former/ADJ governor/NOUN of/ADP <<Ohio>>/PROPN ,/PUNCT died/VERB ./PUNCT",
            &[("Tom Reed", "former governor of", "Ohio")],
            &[],
        ),
        (
            "[[Lee/PROPN Park]]/PROPN ,/PUNCT a/DET virologist/NOUN at/ADP {{Delta/PROPN University}}/PROPN ,/PUNCT agreed/VERB ./PUNCT",
            &[("Lee Park", "virologist at", "Delta University"), ("Lee Park", "is a", "virologist")],
            &[],
        ),
        (
            // a place's possessive before the owner only locates it
            "[[Lee/PROPN Park]]/PROPN ,/PUNCT a/DET virologist/NOUN at/ADP ((Norvia))/PROPN 's/PART {{Delta/PROPN University}}/PROPN ,/PUNCT agreed/VERB ./PUNCT",
            &[("Lee Park", "virologist at", "Delta University"), ("Lee Park", "is a", "virologist")],
            &[],
        ),
        (
            "Danish/ADJ Museum/PROPN curator/NOUN [[Ole/PROPN Berg]]/PROPN aged/VERB 58/NUM ,/PUNCT spoke/VERB ./PUNCT",
            &[("Ole Berg", "curator of", "Danish Museum"), ("Ole Berg", "aged", "58")],
            &[],
        ),
        // kinship: a possessor or possessive pronoun in front, `the son of Y` after
        (
            "[[Ben/PROPN Tarrow]]/PROPN 's/PART aunt/NOUN [[Ada/PROPN Moss]]/PROPN spoke/VERB ./PUNCT",
            &[("Ada Moss", "aunt of", "Ben Tarrow")],
            &[],
        ),
        (
            "He/PRON is/AUX survived/VERB by/ADP his/PRP$ wife/NOUN [[Ida/PROPN Lane]]/PROPN ./PUNCT",
            &[("Ida Lane", "wife of", "his"), ("his", "married to", "Ida Lane")],
            &[],
        ),
        (
            "[[Raul/PROPN Soto]]/PROPN ,/PUNCT the/DET son/NOUN of/ADP [[Luis/PROPN Soto]]/PROPN ,/PUNCT won/VERB ./PUNCT",
            &[("Raul Soto", "son of", "Luis Soto")],
            &[],
        ),
        // a person behind a title of their own owns the role; a name in front owns the first of two
        (
            "[[Raul/PROPN Soto]]/PROPN ,/PUNCT son/NOUN of/ADP the/DET late/ADJ {{Vela}}/PROPN founder/NOUN [[Luis/PROPN Soto]]/PROPN ,/PUNCT died/VERB ./PUNCT",
            &[("Raul Soto", "son of", "Luis Soto")],
            &[],
        ),
        (
            "[[Raul/PROPN Soto]]/PROPN ,/PUNCT the/DET {{al-Vela}}/PROPN member/NOUN and/CCONJ son/NOUN of/ADP [[Luis/PROPN Soto]]/PROPN ,/PUNCT died/VERB ./PUNCT",
            &[("Raul Soto", "member of", "al-Vela"), ("Raul Soto", "son of", "Luis Soto")],
            &[],
        ),
        // lowercase modifiers in front of the owner's name describe the role
        (
            "[[Raul/PROPN Soto]]/PROPN ,/PUNCT a/DET senior/ADJ {{Vela/PROPN Party}}/PROPN member/NOUN ,/PUNCT voted/VERB ./PUNCT",
            &[("Raul Soto", "senior member of", "Vela Party")],
            &[],
        ),
        (
            "[[Raul/PROPN Soto]]/PROPN ,/PUNCT the/DET longtime/ADJ {{al-Vela}}/PROPN member/NOUN and/CCONJ son/NOUN of/ADP [[Luis/PROPN Soto]]/PROPN ,/PUNCT died/VERB ./PUNCT",
            &[("Raul Soto", "longtime member of", "al-Vela"), ("Raul Soto", "son of", "Luis Soto")],
            &[],
        ),
        (
            // no role noun after the name: the adjective describes the place
            "[[Ana/PROPN Ruiz]]/PROPN ,/PUNCT the/DET new/ADJ {{Vela/PROPN Museum}}/PROPN ,/PUNCT opened/VERB ./PUNCT",
            &[],
            &["Ana Ruiz"],
        ),
        // no role noun: no fact; the mayor's office is no role of the person
        (
            "[[Ana/PROPN Ruiz]]/PROPN visited/VERB the/DET mayor/NOUN 's/PART office/NOUN in/ADP <<Lima>>/PROPN ./PUNCT",
            &[],
            &["Ana Ruiz"],
        ),
        // a common-noun possessor, across the name's own title
        (
            "The/DET survey/NOUN 's/PART chief/ADJ analyst/NOUN ,/PUNCT senior/ADJ economist/NOUN [[Ana/PROPN Ruiz]]/PROPN ,/PUNCT said/VERB ./PUNCT",
            &[("Ana Ruiz", "chief analyst of", "survey")],
            &[],
        ),
        // the phrase starts after words that do not parse as a role (`radio station`)
        (
            "Regional/ADJ radio/NOUN station/NOUN {{Vela/PROPN Post}}/PROPN 's/PART managing/ADJ editor/NOUN ,/PUNCT [[Ana/PROPN Ruiz]]/PROPN ,/PUNCT said/VERB ./PUNCT",
            &[("Ana Ruiz", "managing editor of", "Vela Post")],
            &[],
        ),
        // two descriptors joined by `and` in front of the owner's name
        (
            "[[Tomas/PROPN Brenner]]/PROPN ,/PUNCT brother/NOUN of/ADP television/NOUN host/NOUN and/CCONJ author/NOUN [[Lena/PROPN Brenner]]/PROPN ,/PUNCT was/AUX arrested/VERB ./PUNCT",
            &[("Tomas Brenner", "brother of", "Lena Brenner")],
            &[],
        ),
        // the apposition's closing comma left out: the name's verb follows it
        (
            "The/DET {{Vela/PROPN Union}}/PROPN 's/PART leader/NOUN ,/PUNCT [[Ana/PROPN Ruiz]]/PROPN resigned/VERB on/ADP Monday/PROPN ./PUNCT",
            &[("Ana Ruiz", "leader of", "Vela Union")],
            &[],
        ),
        // … but a list is no apposition, and mid-sentence the phrase may be an object
        (
            "The/DET {{Vela/PROPN Union}}/PROPN 's/PART leader/NOUN ,/PUNCT [[Ana/PROPN Ruiz]]/PROPN and/CCONJ [[Tom/PROPN Hale]]/PROPN met/VERB ./PUNCT",
            &[],
            &["Ana Ruiz"],
        ),
        (
            "Reporters/NOUN met/VERB the/DET {{Vela/PROPN Union}}/PROPN 's/PART leader/NOUN ,/PUNCT [[Ana/PROPN Ruiz]]/PROPN said/VERB ./PUNCT",
            &[],
            &["Ana Ruiz"],
        ),
        // the possessor owns no role here: `findings` is no role noun
        (
            "The/DET report/NOUN 's/PART findings/NOUN ,/PUNCT [[Ana/PROPN Ruiz]]/PROPN ,/PUNCT said/VERB ./PUNCT",
            &[],
            &["Ana Ruiz"],
        ),
        // a number that is no age (`X, 2019,` is a year; `X, 500 people`)
        (
            "[[Ana/PROPN Ruiz]]/PROPN ,/PUNCT 2019/NUM ,/PUNCT won/VERB ./PUNCT",
            &[],
            &["Ana Ruiz"],
        ),
    ];
    check_cases(cases, "role:");
}

#[test]
fn an_institution_noun_in_front_of_a_role_owns_it() {
    let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
        // capitalised only as the sentence's first word; `press` stays the role's field
        (
            "Police/NOUN press/NOUN officer/NOUN [[Ada/PROPN Vell]]/PROPN said/VERB the/DET road/NOUN was/AUX shut/VERB ./PUNCT",
            &[("Ada Vell", "press officer of", "Police")],
            &[],
        ),
        (
            "[[Ivo/PROPN Tamm]]/PROPN ,/PUNCT a/DET fire/NOUN service/NOUN spokesman/NOUN ,/PUNCT told/VERB reporters/NOUN ./PUNCT",
            &[("Ivo Tamm", "spokesman of", "fire service")],
            &[],
        ),
        (
            "Team/NOUN captain/NOUN [[Rosa/PROPN Dent]]/PROPN scored/VERB twice/ADV ./PUNCT",
            &[("Rosa Dent", "captain of", "Team")],
            &[],
        ),
        // an adjective of the owner goes with it, a role modifier stays the role's; an
        // occupation keeps the whole phrase as what the person is
        (
            "The/DET former/ADJ high/ADJ school/NOUN teacher/NOUN [[Lea/PROPN Moor]]/PROPN retired/VERB ./PUNCT",
            &[("Lea Moor", "former teacher of", "high school"), ("Lea Moor", "is a", "former high school teacher")],
            &[],
        ),
        (
            "\"/PUNCT It/PRON works/VERB ,/PUNCT \"/PUNCT said/VERB study/NOUN co-author/NOUN [[Ivo/PROPN Tamm]]/PROPN ./PUNCT",
            &[("Ivo Tamm", "co-author of", "study"), ("Ivo Tamm", "is a", "study co-author")],
            &[],
        ),
    ];
    check_cases(cases, "role:");
    // a field or a trade in front of the role owns nothing
    for spec in [
        "Basketball/NOUN player/NOUN [[Ana/PROPN Reyes]]/PROPN scored/VERB ./PUNCT",
        "Press/NOUN officer/NOUN [[Ada/PROPN Vell]]/PROPN spoke/VERB ./PUNCT",
        "The/DET senior/ADJ research/NOUN fellow/NOUN [[Ivo/PROPN Tamm]]/PROPN agreed/VERB ./PUNCT",
    ] {
        let got = super::super::testkit::facts(spec, "role:");
        assert!(!got.iter().any(|(_, r, _)| r.ends_with(" of")), "{spec}: {got:?}");
    }
}

#[test]
fn an_office_with_its_portfolio_after_of_is_one_title() {
    // (invented sentence, expected role facts, objects that must not appear)
    let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
        (
            "<<Velmar>>/PROPN Secretary/PROPN of/ADP State/PROPN [[Dora/PROPN Quill]]/PROPN sent/VERB a/DET letter/NOUN ./PUNCT",
            &[("Dora Quill", "secretary of state of", "Velmar")],
            &["State"],
        ),
        (
            "[[Ivo/PROPN Tamm]]/PROPN ,/PUNCT the/DET Secretary/PROPN of/ADP Transportation/PROPN ,/PUNCT spoke/VERB ./PUNCT",
            &[],
            &["Transportation"],
        ),
        (
            "[[Ivo/PROPN Tamm]]/PROPN ,/PUNCT the/DET Minister/PROPN of/ADP Health/PROPN of/ADP <<Velmar>>/PROPN ,/PUNCT spoke/VERB ./PUNCT",
            &[("Ivo Tamm", "minister of health of", "Velmar")],
            &["Health"],
        ),
    ];
    check_never(cases, |(_, _, o)| o);
}

#[test]
fn a_party_word_before_a_title_is_no_owner() {
    // `fellow Republican Representative X`: the party is X's (origin rules), not the office's owner
    for spec in [
        "and/CCONJ fellow/ADJ Republican/ADJ Representative/PROPN [[Oskar/PROPN Brenn]]/PROPN spoke/VERB ./PUNCT",
        "Labour/PROPN MP/PROPN [[Jo/PROPN Kerr]]/PROPN spoke/VERB ./PUNCT",
    ] {
        let got = super::super::testkit::facts(spec, "role:");
        assert!(!got.iter().any(|(_, r, o)| r.ends_with(" of") && (o == "Republican" || o == "Labour")), "{spec}: {got:?}");
    }
}

#[test]
fn a_portfolio_before_a_minister_is_no_owner() {
    // (invented sentence, the portfolio that must not become the object of a `… of` role)
    let cases = [
        ("Interior/PROPN Minister/PROPN [[Tomas/PROPN Weld]]/PROPN said/VERB the/DET border/NOUN would/AUX close/VERB ./PUNCT", "Interior"),
        ("Finance/PROPN Minister/PROPN [[Ada/PROPN Brill]]/PROPN announced/VERB a/DET budget/NOUN ./PUNCT", "Finance"),
        ("Health/PROPN Secretary/PROPN [[Olu/PROPN Ade]]/PROPN resigned/VERB ./PUNCT", "Health"),
        ("Energy/PROPN Minister/PROPN [[Kai/PROPN Moss]]/PROPN visited/VERB the/DET plant/NOUN ./PUNCT", "Energy"),
    ];
    for (spec, portfolio) in cases {
        // every rule: `roles` and `titles` both read a title in front of a name
        let got = super::super::testkit::facts(spec, "");
        assert!(!got.iter().any(|(_, _, o)| o == portfolio), "{spec}: {portfolio} read as an owner in {got:?}");
    }
}

#[test]
fn a_rank_word_before_a_title_is_no_owner() {
    // `Vice President X`, `Deputy Mayor X`: the rank word is part of the title (invented sentences)
    let cases = [
        ("Vice/PROPN President/PROPN [[Mara/PROPN Vellin]]/PROPN visited/VERB the/DET port/NOUN ./PUNCT", "Vice"),
        ("Deputy/PROPN Mayor/PROPN [[Ivo/PROPN Strand]]/PROPN resigned/VERB ./PUNCT", "Deputy"),
        ("Crown/PROPN Prince/PROPN [[Ivo/PROPN Strand]]/PROPN of/ADP <<Norvia>>/PROPN resigned/VERB ./PUNCT", "Crown"),
    ];
    for (spec, rank) in cases {
        let got = super::super::testkit::facts(spec, "");
        assert!(!got.iter().any(|(_, _, o)| o == rank), "{spec}: {rank} read as an owner in {got:?}");
    }
    // `Crown Prince X of Norvia` → crown prince of Norvia
    let got = super::super::testkit::facts("Crown/PROPN Prince/PROPN [[Ivo/PROPN Strand]]/PROPN of/ADP <<Norvia>>/PROPN resigned/VERB ./PUNCT", "");
    assert!(got.iter().any(|(_, r, o)| r.contains("prince of") && o == "Norvia"), "{got:?}");
    // a real owner in front of the title still owns it: `Norvia President X` → president of Norvia
    let got = super::super::testkit::facts("<<Norvia>>/PROPN President/PROPN [[Mara/PROPN Vellin]]/PROPN spoke/VERB ./PUNCT", "");
    assert!(got.iter().any(|(_, r, o)| r.contains("president") && o == "Norvia"), "{got:?}");
}

#[test]
fn a_title_with_general_after_its_noun_is_one_office() {
    // (invented sentence, expected role facts, relations that must not appear)
    let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
        (
            "[[Mara/PROPN Vellin]]/PROPN ,/PUNCT the/DET Governor/PROPN General/PROPN of/ADP <<Ostrava>>/PROPN ,/PUNCT dissolved/VERB the/DET assembly/NOUN ./PUNCT",
            &[("Mara Vellin", "governor general of", "Ostrava")],
            &["general of", "governor of"],
        ),
        (
            "<<Velmar>>/PROPN Attorney/PROPN General/PROPN [[Dora/PROPN Quill]]/PROPN sued/VERB the/DET firm/NOUN ./PUNCT",
            &[("Dora Quill", "attorney general of", "Velmar")],
            &["attorney of"],
        ),
        // `General` opening a name is no part of the role before it
        (
            "[[Ivo/PROPN Tamm]]/PROPN ,/PUNCT a/DET manager/NOUN at/ADP {{General/PROPN Motors}}/PROPN ,/PUNCT spoke/VERB ./PUNCT",
            &[("Ivo Tamm", "manager at", "General Motors")],
            &["manager general at"],
        ),
    ];
    check_never(cases, |(_, r, _)| r);
}

#[test]
fn then_before_the_article_dates_an_apposed_role() {
    let cases: &[super::super::testkit::Case] = &[(
        "It/PRON came/VERB at/ADP the/DET request/NOUN of/ADP [[Tomas/PROPN Brandt]]/PROPN ,/PUNCT then/ADV the/DET Prime/ADJ Minister/PROPN of/ADP <<Ostrava>>/PROPN ./PUNCT",
        &[("Tomas Brandt", "then prime minister of", "Ostrava")],
        &[],
    )];
    check_cases(cases, "role:");
}

#[test]
fn capitalised_honour_words_before_a_second_role_are_its_modifiers() {
    let cases: &[super::super::testkit::Case] = &[
        (
            "It/PRON was/AUX led/VERB by/ADP [[Ilse/PROPN Korver]]/PROPN ,/PUNCT a/DET marine/ADJ geologist/NOUN and/CCONJ Regents/PROPN Professor/PROPN at/ADP {{Halden/PROPN University}}/PROPN ,/PUNCT who/PRON said/VERB so/ADV ./PUNCT",
            &[("Ilse Korver", "regents professor at", "Halden University"), ("Ilse Korver", "marine geologist at", "Halden University")],
            &[],
        ),
        // before any role the capitalised words in front still name the owner
        (
            "[[Ilse/PROPN Korver]]/PROPN ,/PUNCT the/DET {{Vela/PROPN Union}}/PROPN leader/NOUN ,/PUNCT spoke/VERB ./PUNCT",
            &[("Ilse Korver", "leader of", "Vela Union")],
            &[],
        ),
    ];
    check_cases(cases, "role:");
}

#[test]
fn a_title_after_of_and_a_common_noun_is_read_from_of() {
    let cases: &[super::super::testkit::Case] = &[
        (
            "{{Vela/PROPN Agency}}/PROPN announced/VERB the/DET death/NOUN of/ADP cosmonaut/NOUN [[Pavel/PROPN Dorn]]/PROPN ./PUNCT",
            &[("Pavel Dorn", "is a", "cosmonaut")],
            &[],
        ),
        // after a role word `of` continues the title
        (
            "<<Velmar>>/PROPN Secretary/PROPN of/ADP State/PROPN [[Dora/PROPN Quill]]/PROPN spoke/VERB ./PUNCT",
            &[("Dora Quill", "secretary of state of", "Velmar")],
            &[],
        ),
    ];
    check_cases(cases, "role:");
}

#[test]
fn rank_adjectives_of_a_title_are_no_owner() {
    // `Supreme`, `Grand`, `Special` in front of the role word are part of the title (`Supreme
    // Leader`, `Special Envoy`); the country in front owns it, never `Latvian Supreme`
    let cases: &[super::super::testkit::Case] = &[
        (
            "<<Velmar>>/PROPN 's/PART Supreme/ADJ Leader/NOUN [[Dora/PROPN Quill]]/PROPN spoke/VERB ./PUNCT",
            &[("Dora Quill", "supreme leader of", "Velmar")],
            &[],
        ),
        (
            "Latvian/ADJ Special/ADJ Envoy/NOUN [[Ivo/PROPN Tamm]]/PROPN spoke/VERB ./PUNCT",
            &[("Ivo Tamm", "special envoy of", "Latvia")],
            &[],
        ),
    ];
    check_cases(cases, "role:title");
}

#[test]
fn two_titles_joined_by_and_before_a_name_are_both_the_persons() {
    let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
        // each title keeps its own owner: the party's leader, and a prime minister of no party
        (
            "{{Vela/PROPN Party}}/PROPN leader/NOUN and/CCONJ Prime/ADJ Minister/PROPN [[Ana/PROPN Reyes]]/PROPN said/VERB it/PRON ./PUNCT",
            &[("Ana Reyes", "leader of", "Vela Party")],
            &[],
        ),
        (
            "\"/PUNCT It/PRON works/VERB ,/PUNCT \"/PUNCT said/VERB study/NOUN co-author/NOUN and/CCONJ lab/NOUN director/NOUN [[Ivo/PROPN Tamm]]/PROPN ./PUNCT",
            &[("Ivo Tamm", "co-author of", "study")],
            &[],
        ),
    ];
    check_cases(cases, "role:title");
    // with a determiner, or after a comma, the first title may be someone else's
    let others: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
        (
            "The/DET {{Vela/PROPN Party}}/PROPN leader/NOUN and/CCONJ Prime/ADJ Minister/PROPN [[Ana/PROPN Reyes]]/PROPN met/VERB ./PUNCT",
            &[],
            &["Ana Reyes"],
        ),
        (
            "Ministers/NOUN ,/PUNCT {{Vela/PROPN Party}}/PROPN leader/NOUN and/CCONJ Prime/ADJ Minister/PROPN [[Ana/PROPN Reyes]]/PROPN met/VERB ./PUNCT",
            &[],
            &["Ana Reyes"],
        ),
        // the name holds the inner title (`president`), not the critic's role
        (
            "[[Ivo/PROPN Oster]]/PROPN is/AUX an/DET outspoken/ADJ critic/NOUN of/ADP the/DET club/NOUN president/NOUN [[Mara/PROPN Vellin]]/PROPN ./PUNCT",
            &[],
            &["Mara Vellin"],
        ),
    ];
    check_cases(others, "role:title");
}

#[test]
fn court_words_before_a_judge_are_the_title_not_its_owner() {
    // `U.S. District Judge X`, `Circuit Judge X`: the court level belongs to the title; read as an
    // owner it gives `judge of – District` (invented sentences)
    let cases = [
        ("{{U.S./PROPN District}}/PROPN Judge/PROPN [[Mara/PROPN Vellin]]/PROPN ruled/VERB ./PUNCT", &["U.S. District", "District"][..]),
        ("{{Circuit}}/PROPN Judge/PROPN [[Tomas/PROPN Brell]]/PROPN wrote/VERB the/DET dissent/NOUN ./PUNCT", &["Circuit"][..]),
        ("Bankruptcy/PROPN Judge/PROPN [[Ivo/PROPN Karsk]]/PROPN approved/VERB the/DET plan/NOUN ./PUNCT", &["Bankruptcy"][..]),
    ];
    for (spec, fragments) in cases {
        // every rule: `roles` and `titles` both read a title in front of a name
        let got = super::super::testkit::facts(spec, "");
        assert!(!got.iter().any(|(_, _, o)| fragments.contains(&o.as_str())), "{spec}: a court level read as an owner in {got:?}");
    }
    // a run that names the court itself still owns the title
    let got = super::super::testkit::facts(
        "{{Ostrava/PROPN Appellate/PROPN Court}}/PROPN Judge/PROPN [[Mara/PROPN Vellin]]/PROPN ruled/VERB ./PUNCT",
        "role:",
    );
    assert!(got.iter().any(|(s, r, o)| s == "Mara Vellin" && r == "judge of" && o == "Ostrava Appellate Court"), "{got:?}");
}

#[test]
fn majority_and_minority_open_a_leaders_title_owned_by_the_chamber() {
    let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
        (
            // apposition, with the holder's party in front of the chamber
            "[[Ivo/PROPN Oster]]/PROPN ,/PUNCT the/DET Labour/ADJ Assembly/PROPN Majority/PROPN Leader/PROPN ,/PUNCT spoke/VERB ./PUNCT",
            &[("Ivo Oster", "majority leader of", "Assembly")],
            &["Labour Assembly", "Labour Assembly Majority", "Assembly Majority"],
        ),
        (
            // title in front of the name, the chamber tagged as an organisation
            "{{Assembly}}/PROPN Minority/NOUN Leader/NOUN [[Ben/PROPN Tarrow]]/PROPN spoke/VERB ./PUNCT",
            &[("Ben Tarrow", "minority leader of", "Assembly")],
            &[],
        ),
        (
            // a party word inside an organisation's own name stays part of the owner
            "{{Republican/ADJ National/ADJ Committee}}/PROPN chairwoman/NOUN [[Lena/PROPN Marsk]]/PROPN spoke/VERB ./PUNCT",
            &[("Lena Marsk", "chairwoman of", "Republican National Committee")],
            &["National Committee"],
        ),
    ];
    check_never(cases, |f| &f.2);
}

#[test]
fn a_nationality_before_a_group_outside_the_state_owns_no_office() {
    // `Latvian opposition leader X` leads the opposition, not Latvia; `Latvian defence minister X`
    // holds an office of Latvia
    let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
        ("Latvian/ADJ opposition/NOUN leader/NOUN [[Ivo/PROPN Tamm]]/PROPN spoke/VERB ./PUNCT", &[], &["Latvia"]),
        ("Latvian/ADJ rebel/NOUN commander/NOUN [[Ivo/PROPN Tamm]]/PROPN spoke/VERB ./PUNCT", &[], &["Latvia"]),
        (
            "Latvian/ADJ defence/NOUN minister/NOUN [[Ivo/PROPN Tamm]]/PROPN spoke/VERB ./PUNCT",
            &[("Ivo Tamm", "defence minister of", "Latvia")],
            &[],
        ),
    ];
    check_never(cases, |f| &f.2);
}

/// Whether some role fact of `spec` has relation `r` and object `o`.
fn has_role(spec: &str, r: &str, o: &str) -> bool {
    super::super::testkit::facts(spec, "role:").iter().any(|(_, gr, go)| gr == r && go == o)
}

#[test]
fn a_hyphenated_name_with_a_lowercase_part_keeps_its_roles() {
    // `Kim Dal-soon`, `soon` tagged an adverb: the name's head is its last proper noun (invented)
    let spec = "[[Kim/PROPN Dal/PROPN -/PUNCT soon]]/ADV ,/PUNCT the/DET mayor/NOUN of/ADP ((Vell))/PROPN ,/PUNCT spoke/VERB ./PUNCT";
    assert!(has_role(spec, "mayor of", "Vell"), "{:?}", super::super::testkit::facts(spec, "role:"));
}

#[test]
fn a_role_apposed_to_a_person_is_not_the_holder_after_it() {
    // `Ana Reyes, the mayor of Vell, Norvia,` with the country typed a person: the role is Ana
    // Reyes's, not the country's (invented)
    check_never(
        &[(
            "[[Ana/PROPN Reyes]]/PROPN ,/PUNCT the/DET mayor/NOUN of/ADP ((Vell))/PROPN ,/PUNCT [[Nor/PROPN Via]]/PROPN ,/PUNCT \
             was/AUX found/VERB dead/ADJ ./PUNCT",
            &[("Ana Reyes", "mayor of", "Vell")],
            &["Nor Via"],
        )],
        |f| &f.0,
    );
    // still: the role phrase opening the sentence names the holder after it
    let spec = "The/DET mayor/NOUN of/ADP ((Vell))/PROPN ,/PUNCT [[Ana/PROPN Reyes]]/PROPN ,/PUNCT said/VERB so/ADV ./PUNCT";
    assert!(has_role(spec, "mayor of", "Vell"));
}

#[test]
fn a_title_owned_by_a_name_the_tagger_split_reaches_the_holder() {
    // `United` of a country's name tagged a verb: still one title in front of the name (invented holder)
    let spec = "They/PRON met/VERB the/DET President/PROPN of/ADP the/DET <<United/VERB Norvian/PROPN States>>/PROPN \
                [[Ben/PROPN Tarrow]]/PROPN ./PUNCT";
    assert!(has_role(spec, "president of", "United Norvian States"), "{:?}", super::super::testkit::facts(spec, "role:"));
}

#[test]
fn an_envoy_to_a_country_is_owned_by_it() {
    check_cases(
        &[
            (
                "<<Norvia>>/PROPN Ambassador/PROPN to/ADP <<Tarvia>>/PROPN [[Ivo/PROPN Oster]]/PROPN alleged/VERB fraud/NOUN ./PUNCT",
                &[("Ivo Oster", "ambassador to", "Tarvia")],
                &[],
            ),
            (
                "[[Mara/PROPN Vellin]]/PROPN ,/PUNCT an/DET adviser/NOUN to/ADP [[Ben/PROPN Tarrow]]/PROPN ,/PUNCT resigned/VERB ./PUNCT",
                &[("Mara Vellin", "adviser to", "Ben Tarrow")],
                &[],
            ),
        ],
        "role:",
    );
    // must not: `according to` is no title's owner, nor a family a daughter is born to
    let got = super::super::testkit::facts("Prices/NOUN fell/VERB ,/PUNCT according/VERB to/ADP [[Ivo/PROPN Oster]]/PROPN ./PUNCT", "role:");
    assert!(got.is_empty(), "{got:?}");
    let spec = "She/PRON was/AUX [[Mara/PROPN Vellin]]/PROPN ,/PUNCT daughter/NOUN to/ADP a/DET poor/ADJ family/NOUN ./PUNCT";
    assert!(!has_role(spec, "daughter to", "poor family"), "{:?}", super::super::testkit::facts(spec, "role:"));
    // an adviser's phrase running over `to` into the name's own title leaves that title whole
    let spec = "He/PRON serves/VERB as/ADP senior/ADJ advisor/NOUN to/ADP <<Tarvia>>/PROPN 's/PART Governor/PROPN [[Ben/PROPN Tarrow]]/PROPN ./PUNCT";
    assert!(has_role(spec, "governor of", "Tarvia"), "{:?}", super::super::testkit::facts(spec, "role:"));
}

#[test]
fn a_list_item_or_a_plural_role_before_a_name_is_not_its_role() {
    check_never(
        &[
            // the name has an office of its own in front: an item of a list
            (
                "Time/PROPN considered/VERB the/DET speaker/NOUN of/ADP {{Vell/PROPN Hall}}/PROPN ,/PUNCT <<Norvia>>/PROPN                  President/PROPN [[Ben/PROPN Tarrow]]/PROPN ,/PUNCT and/CCONJ others/NOUN ./PUNCT",
                &[],
                &["speaker of"],
            ),
            // several holders of the role
            (
                "He/PRON judged/VERB three/NUM earlier/ADJ presidents/NOUN ,/PUNCT [[Ben/PROPN Tarrow]]/PROPN ,/PUNCT in/ADP 1972/NUM ./PUNCT",
                &[],
                &["is a"],
            ),
        ],
        |f| &f.1,
    );
}

#[test]
fn a_position_without_an_owner_is_what_the_person_is() {
    check_cases(
        &[
            (
                "[[Mara/PROPN Vellin]]/PROPN ,/PUNCT the/DET judge/NOUN ,/PUNCT said/VERB so/ADV ./PUNCT",
                &[("Mara Vellin", "is a", "judge")],
                &[],
            ),
            (
                "The/DET prime/ADJ minister/NOUN ,/PUNCT [[Ben/PROPN Tarrow]]/PROPN ,/PUNCT wrote/VERB ./PUNCT",
                &[("Ben Tarrow", "is a", "prime minister")],
                &[],
            ),
            (
                "Kenyan/ADJ opposition/NOUN leader/NOUN [[Ivo/PROPN Oster]]/PROPN was/AUX flown/VERB out/ADV ./PUNCT",
                // the opposition owns the role, and a nationality before it owns none
                &[("Ivo Oster", "leader of", "opposition")],
                &[],
            ),
            // must not: a bare position that needs its owner, or a past one
            ("Director/PROPN [[Mara/PROPN Vellin]]/PROPN said/VERB so/ADV ./PUNCT", &[], &["Mara Vellin"]),
            ("The/DET late/ADJ governor/NOUN [[Ben/PROPN Tarrow]]/PROPN was/AUX honoured/VERB ./PUNCT", &[], &["Ben Tarrow"]),
            // a court office in front is what the person is
            ("Judge/PROPN [[Mara/PROPN Vellin]]/PROPN said/VERB so/ADV ./PUNCT", &[("Mara Vellin", "is a", "Judge")], &[]),
            ("Prosecutor/PROPN [[Ben/PROPN Tarrow]]/PROPN said/VERB so/ADV ./PUNCT", &[("Ben Tarrow", "is a", "Prosecutor")], &[]),
        ],
        "role:",
    );
    // must not: a bare title in front of the name, or one with only words of the title or a
    // party (the office is the unowned rule's)
    check_never(
        &[
            ("Archbishop/PROPN [[Mara/PROPN Vellin]]/PROPN said/VERB so/ADV ./PUNCT", &[], &["is a"]),
            ("Prime/ADJ Minister/PROPN [[Ben/PROPN Tarrow]]/PROPN said/VERB so/ADV ./PUNCT", &[], &["is a"]),
        ],
        |f| &f.1,
    );
}

#[test]
fn a_second_role_phrase_after_and_in_an_apposition_is_the_persons_too() {
    let spec = "[[Ivo/PROPN Oster]]/PROPN ,/PUNCT her/PRP$ husband/NOUN and/CCONJ the/DET deputy/ADJ chair/NOUN of/ADP \
                the/DET {{Vell/PROPN Party}}/PROPN ,/PUNCT said/VERB so/ADV ./PUNCT";
    check_cases(&[(spec, &[("Ivo Oster", "husband of", "her"), ("Ivo Oster", "deputy chair of", "Vell Party")], &[])], "role:");
}

#[test]
fn an_owner_read_past_a_title_inside_a_name_and_past_a_kind_noun() {
    let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
        (
            // the recogniser ran the title into one organisation's name
            "He/PRON said/VERB ,/PUNCT according/VERB to/ADP [[Ivo/PROPN Oster]]/PROPN ,/PUNCT the/DET \
             {{Norvia/PROPN Attorney/PROPN for/ADP the/DET Western/PROPN District/PROPN of/ADP Vell}}/PROPN ./PUNCT",
            &[("Ivo Oster", "attorney for", "Western District of Vell")],
            &[],
        ),
        (
            // a kind noun after the owner's name closes the phrase; a body noun is part of the owner
            "A/DET post/NOUN by/ADP [[Mara/PROPN Vellin]]/PROPN ,/PUNCT director/NOUN of/ADP the/DET {{Lumen/PROPN Days}}/PROPN \
             event/NOUN ,/PUNCT said/VERB so/ADV ./PUNCT",
            &[("Mara Vellin", "director of", "Lumen Days")],
            &[],
        ),
        (
            "[[Ben/PROPN Tarrow]]/PROPN ,/PUNCT a/DET spokesman/NOUN for/ADP the/DET ((Vell))/PROPN police/NOUN ,/PUNCT \
             said/VERB so/ADV ./PUNCT",
            &[("Ben Tarrow", "spokesman for", "Vell police")],
            &[],
        ),
        (
            // the year of a role is no part of it
            "[[Ivo/PROPN Oster]]/PROPN ,/PUNCT the/DET {{Vela/PROPN Party}}/PROPN 's/PART 2020/NUM presidential/ADJ nominee/NOUN ,/PUNCT \
             spoke/VERB ./PUNCT",
            &[("Ivo Oster", "presidential nominee of", "Vela Party")],
            &[],
        ),
    ];
    check_never(cases, |f| &f.2);
}

#[test]
fn an_author_among_several_with_no_owner_is_the_studys() {
    let cases: &[super::super::testkit::Case] = &[
        // one author among several with no owner written is an author of the study the news
        // reports (invented)
        (
            "Lead/ADJ author/NOUN [[Mara/PROPN Vellin]]/PROPN explained/VERB the/DET findings/NOUN ./PUNCT",
            &[("Mara Vellin", "lead author of", "study")],
            &[],
        ),
        (
            "\"/PUNCT It/PRON works/VERB ,/PUNCT \"/PUNCT said/VERB co-author/NOUN [[Ivo/PROPN Tamm]]/PROPN ./PUNCT",
            &[("Ivo Tamm", "co-author of", "study")],
            &[],
        ),
        // (`study` in front with a title after it: the owner, not a rank of the role)
        (
            "\"/PUNCT It/PRON works/VERB ,/PUNCT \"/PUNCT said/VERB study/NOUN co-author/NOUN Professor/PROPN [[Ivo/PROPN Tamm]]/PROPN of/ADP {{Norvia/PROPN University}}/PROPN ./PUNCT",
            &[("Ivo Tamm", "co-author of", "study")],
            &[],
        ),
    ];
    check_cases(cases, "role:");
    // a bare `author` writes books: no study of its own
    let got = super::super::testkit::facts("Author/NOUN [[Tomas/PROPN Brenner]]/PROPN signed/VERB copies/NOUN ./PUNCT", "role:");
    assert!(!got.iter().any(|(_, r, _)| r.ends_with(" of")), "{got:?}");
}

#[test]
fn an_unnamed_word_before_an_occupation_describes_it() {
    // `Planetary scientist X`, `Internet entrepreneur X`: a lone capitalised word with no name
    // found in it is the occupation's field, not its owner; a place in front is where the holder
    // comes from; an office keeps its owner, and a found name keeps owning an occupation
    let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
        ("Planetary/PROPN scientist/NOUN [[Mara/PROPN Vellin]]/PROPN spoke/VERB ./PUNCT", &[], &["Planetary"]),
        ("He/PRON met/VERB Internet/PROPN entrepreneur/NOUN [[Ivo/PROPN Tamm]]/PROPN ./PUNCT", &[], &["Internet"]),
        ("<<Vell>>/PROPN preacher/NOUN [[Ivo/PROPN Tamm]]/PROPN spoke/VERB ./PUNCT", &[("Ivo Tamm", "preacher from", "Vell")], &[]),
        ("<<Vell>>/PROPN Governor/PROPN [[Ivo/PROPN Tamm]]/PROPN spoke/VERB ./PUNCT", &[("Ivo Tamm", "governor of", "Vell")], &[]),
        (
            "{{Tarn/PROPN Post}}/PROPN reporter/NOUN [[Ivo/PROPN Tamm]]/PROPN spoke/VERB ./PUNCT",
            &[("Ivo Tamm", "reporter of", "Tarn Post")],
            &[],
        ),
    ];
    check_never(cases, |f| &f.2);
}

#[test]
fn a_role_after_formerly_is_a_former_role() {
    // `X, formerly the director of Y,`: the role was held before, every role of the phrase; no
    // present `is a`; a `PLACE-based` owner is the firm, not the place
    let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
        (
            "[[Dara/PROPN Voss]]/PROPN ,/PUNCT formerly/ADV the/DET director/NOUN of/ADP {{Halden/PROPN Aid}}/PROPN ,/PUNCT spoke/VERB ./PUNCT",
            &[("Dara Voss", "former director of", "Halden Aid")],
            &["director of"],
        ),
        (
            "[[Dara/PROPN Voss]]/PROPN ,/PUNCT previously/ADV a/DET professor/NOUN at/ADP {{Corran/PROPN College}}/PROPN ,/PUNCT lost/VERB ./PUNCT",
            &[("Dara Voss", "former professor at", "Corran College")],
            &["is a", "professor at"],
        ),
        (
            "[[Dara/PROPN Voss]]/PROPN ,/PUNCT formerly/ADV the/DET president/NOUN and/CCONJ chief/ADJ executive/NOUN of/ADP <<Kestria>>/PROPN -/PUNCT based/VERB {{Tellum/PROPN Corporation}}/PROPN ,/PUNCT spoke/VERB ./PUNCT",
            &[("Dara Voss", "former president of", "Tellum Corporation"), ("Dara Voss", "former chief executive of", "Tellum Corporation")],
            &["Kestria", "chief executive of"],
        ),
        (
            "[[Dara/PROPN Voss]]/PROPN was/AUX formerly/ADV the/DET mayor/NOUN of/ADP ((Corran))/PROPN ./PUNCT",
            &[("Dara Voss", "former mayor of", "Corran")],
            &["mayor of"],
        ),
    ];
    for (spec, want, never) in cases {
        let got = super::super::testkit::facts(spec, "role:");
        for (s, r, o) in *want {
            assert!(got.iter().any(|(gs, gr, go)| gs == s && gr == r && go == o), "{spec}: want {s} | {r} | {o} in {got:?}");
        }
        for x in *never {
            assert!(!got.iter().any(|(_, r, o)| r == x || o == x), "{spec}: {x} in {got:?}");
        }
    }
}

#[test]
fn an_age_compound_in_an_apposition_is_the_age() {
    // `X, a three-year-old Norvian boy,`: the age, also written as a word, and the role after it
    let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
        (
            "[[Piet/PROPN Anders]]/PROPN ,/PUNCT a/DET three/NUM -/PUNCT year/NOUN -/PUNCT old/ADJ boy/NOUN ,/PUNCT drowned/VERB ./PUNCT",
            &[("Piet Anders", "aged", "3")],
            &[],
        ),
        (
            "[[Piet/PROPN Anders]]/PROPN ,/PUNCT a/DET 45/NUM -/PUNCT year/NOUN -/PUNCT old/ADJ Norwegian/ADJ engineer/NOUN ,/PUNCT spoke/VERB ./PUNCT",
            &[("Piet Anders", "aged", "45"), ("Piet Anders", "engineer from", "Norway")],
            &[],
        ),
    ];
    check_cases(cases, "role:");
}

#[test]
fn an_office_written_with_of_is_one_role() {
    // `chief of staff`: the staff is part of the office, never the body that owns it
    let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
        (
            "[[Tove/PROPN Varrack]]/PROPN ,/PUNCT [[Dorn]]/PROPN 's/PART chief/NOUN of/ADP staff/NOUN ,/PUNCT resigned/VERB ./PUNCT",
            &[("Tove Varrack", "chief of staff of", "Dorn")],
            &["staff"],
        ),
        (
            "former/ADJ {{Vela/PROPN Port/PROPN Authority}}/PROPN chief/NOUN of/ADP staff/NOUN [[Tove/PROPN Varrack]]/PROPN spoke/VERB ./PUNCT",
            &[("Tove Varrack", "former chief of staff of", "Vela Port Authority")],
            &["staff", "staff Tove"],
        ),
        (
            "[[Tove/PROPN Varrack]]/PROPN ,/PUNCT the/DET chief/NOUN of/ADP police/NOUN of/ADP ((Halden))/PROPN ,/PUNCT spoke/VERB ./PUNCT",
            &[("Tove Varrack", "chief of police of", "Halden")],
            &["police"],
        ),
    ];
    check_never(cases, |f| &f.2);
}
