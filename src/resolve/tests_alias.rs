//! Stated aliases on hand-built documents (`aliases`): a name the text gives as a person's other
//! name is that person later on; names merely mentioned beside the person stay apart.

use super::tests::{doc, f, facts, ment, run, tri};
use super::ResolvedDocument;
use crate::document::{Document, EntityType as T, Mention, OpenTriple};

/// `X – known as – N` as the people rule produces it.
fn known_as(d: &Document, si: usize, subj: &str, obj: &str) -> OpenTriple {
    let mut t = tri(d, si, subj, "known as", "know", Some(obj));
    t.rule = "people:alias".into();
    t
}

fn kind_of(r: &ResolvedDocument, id: &str) -> Option<T> {
    r.entities.iter().find(|e| e.id == id).map(|e| e.kind)
}

fn wrestler(extra: &str) -> (Document, Vec<Mention>) {
    let d = doc(&["Ivo Tamm wrestled under the ring name Rex Korda .", "Korda won the belt .", extra]);
    let m = vec![ment(&d, 0, "Ivo Tamm", T::Person), ment(&d, 0, "Rex Korda", T::Person), ment(&d, 1, "Korda", T::Person)];
    (d, m)
}

#[test]
fn a_ring_name_is_the_person_later_on() {
    let (d, mut m) = wrestler("Nela Vos , wife of Rex Korda , spoke .");
    m.extend([ment(&d, 2, "Nela Vos", T::Person), ment(&d, 2, "Rex Korda", T::Person)]);
    let t = vec![
        known_as(&d, 0, "Ivo Tamm", "Rex Korda"),
        tri(&d, 1, "Korda", "won", "win", Some("the belt")),
        tri(&d, 2, "Nela Vos", "wife of", "be", Some("Rex Korda")),
    ];
    let r = run(&d, &m, t);
    assert_eq!(
        facts(&r),
        vec![f("ivo_tamm", "known as", Some("rex_korda")), f("ivo_tamm", "won", Some("belt")), f("nela_vos", "wife of", Some("ivo_tamm"))]
    );
    // the statement's object is the name as a literal, no second person
    assert_eq!(kind_of(&r, "rex_korda"), Some(T::Concept));
    let e = r.entities.iter().find(|e| e.id == "ivo_tamm").expect("the person");
    assert!(e.aliases.contains(&"Rex Korda".to_string()), "{:?}", e.aliases);
    assert!(e.merges.iter().any(|n| n.alias == "Rex Korda" && n.rule == "stated-alias"));
}

#[test]
fn a_birth_name_is_the_person_later_on() {
    let d = doc(&["Born Lotta Brenn , Sanna Orr sang .", "Lotta Brenn left school early ."]);
    let m = [ment(&d, 0, "Lotta Brenn", T::Person), ment(&d, 0, "Sanna Orr", T::Person), ment(&d, 1, "Lotta Brenn", T::Person)];
    let mut born = tri(&d, 0, "Sanna Orr", "born as", "bear", Some("Lotta Brenn"));
    born.rule = "people:born".into();
    let r = run(&d, &m, vec![born, tri(&d, 1, "Lotta Brenn", "left", "leave", Some("school"))]);
    assert_eq!(facts(&r), vec![f("sanna_orr", "born as", Some("lotta_brenn")), f("sanna_orr", "left", Some("school"))]);
}

#[test]
fn names_beside_a_person_stay_apart() {
    // must give nothing: `met` and `like` state no other name
    let (d, m) = wrestler("Ivo Tamm , like Rex Korda , trained .");
    let t = vec![tri(&d, 0, "Ivo Tamm", "met", "meet", Some("Rex Korda")), tri(&d, 1, "Korda", "won", "win", Some("the belt"))];
    let r = run(&d, &m, t);
    assert_eq!(facts(&r), vec![f("ivo_tamm", "met", Some("rex_korda")), f("rex_korda", "won", Some("belt"))]);
    assert_eq!(kind_of(&r, "rex_korda"), Some(T::Person));
}

#[test]
fn a_negated_statement_gives_nothing() {
    let (d, m) = wrestler("The crowd cheered .");
    let mut k = known_as(&d, 0, "Ivo Tamm", "Rex Korda");
    k.negated = true;
    let r = run(&d, &m, vec![k, tri(&d, 1, "Korda", "won", "win", Some("the belt"))]);
    assert!(facts(&r).contains(&f("rex_korda", "won", Some("belt"))), "{:?}", facts(&r));
}

#[test]
fn a_shared_surname_keeps_only_the_full_alias() {
    // another Korda in the document: the bare surname is not the alias's
    let (d, mut m) = wrestler("Rex Korda and Ulla Korda posed .");
    m.extend([ment(&d, 2, "Rex Korda", T::Person), ment(&d, 2, "Ulla Korda", T::Person)]);
    let t = vec![known_as(&d, 0, "Ivo Tamm", "Rex Korda"), tri(&d, 1, "Korda", "won", "win", Some("the belt")), tri(&d, 2, "Rex Korda", "posed", "pose", None)];
    let r = run(&d, &m, t);
    let fs = facts(&r);
    assert_ne!(fs[1].0, "ivo_tamm", "{fs:?}");
    assert_eq!(fs[2], f("ivo_tamm", "posed", None));
}

#[test]
fn a_name_seen_before_the_statement_stays_apart() {
    let d = doc(&["Rex Korda spoke first .", "Ivo Tamm wrestled under the ring name Rex Korda ."]);
    let m = [ment(&d, 0, "Rex Korda", T::Person), ment(&d, 1, "Ivo Tamm", T::Person), ment(&d, 1, "Rex Korda", T::Person)];
    let r = run(&d, &m, vec![tri(&d, 0, "Rex Korda", "spoke", "speak", None), known_as(&d, 1, "Ivo Tamm", "Rex Korda")]);
    assert_eq!(facts(&r), vec![f("rex_korda", "spoke", None), f("ivo_tamm", "known as", Some("rex_korda"))]);
    assert_eq!(kind_of(&r, "rex_korda"), Some(T::Person));
}

#[test]
fn a_description_holding_a_name_is_no_alias() {
    // must give nothing: an object that only holds a name (`the drummer of N`) is no other name
    let (d, m) = wrestler("The crowd cheered .");
    let t = vec![known_as(&d, 0, "Ivo Tamm", "the ring name Rex Korda"), tri(&d, 1, "Korda", "won", "win", Some("the belt"))];
    let r = run(&d, &m, t);
    assert!(facts(&r).contains(&f("rex_korda", "won", Some("belt"))), "{:?}", facts(&r));
    assert_eq!(kind_of(&r, "rex_korda"), Some(T::Person));
}

#[test]
fn the_alias_literal_keeps_its_written_label() {
    let (d, m) = wrestler("Fans cheered Mister Rex Korda .");
    let r = run(&d, &m, vec![known_as(&d, 0, "Ivo Tamm", "Rex Korda")]);
    assert_eq!(facts(&r), vec![f("ivo_tamm", "known as", Some("rex_korda"))]);
    assert_eq!(r.entities.iter().find(|e| e.id == "rex_korda").map(|e| e.label.as_str()), Some("Rex Korda"));
}

#[test]
fn a_clause_known_as_needs_a_person_shaped_name() {
    // must give nothing: a one-word name from a clause's `known as` (often hung on the wrong
    // subject) is no alias; the same name after a ring-name cue is
    let d = doc(&["Ivo Tamm pushed the plan known as Korvex .", "Korvex failed ."]);
    let m = [ment(&d, 0, "Ivo Tamm", T::Person), ment(&d, 0, "Korvex", T::Person), ment(&d, 1, "Korvex", T::Person)];
    let clause = || tri(&d, 0, "Ivo Tamm", "known as", "know", Some("Korvex"));
    let failed = || tri(&d, 1, "Korvex", "failed", "fail", None);
    let r = run(&d, &m, vec![clause(), failed()]);
    assert!(facts(&r).contains(&f("korvex", "failed", None)), "{:?}", facts(&r));
    let mut cued = clause();
    cued.rule = "people:alias".into();
    let r = run(&d, &m, vec![cued, failed()]);
    assert!(facts(&r).contains(&f("ivo_tamm", "failed", None)), "{:?}", facts(&r));
}

#[test]
fn a_company_name_without_its_corporate_words_is_the_company() {
    // `Brelt Motor Company recalled cars . Brelt hired a firm .` (invented); NER types `Brelt` a person
    let d = doc(&["Brelt Motor Company recalled cars .", "Brelt hired a firm ."]);
    let m = [ment(&d, 0, "Brelt Motor Company", T::Company), ment(&d, 1, "Brelt", T::Person)];
    let t = vec![tri(&d, 0, "Brelt Motor Company", "recalled", "recall", Some("cars")), tri(&d, 1, "Brelt", "hired", "hire", Some("a firm"))];
    let r = run(&d, &m, t);
    assert_eq!(
        facts(&r),
        vec![f("brelt_motor_company", "recalled", Some("cars")), f("brelt_motor_company", "hired", Some("firm"))]
    );
    // an airline: `Tarvan Air flew . Tarvan bought jets .` (invented)
    let d = doc(&["Tarvan Air flew to Norvia .", "Tarvan bought jets ."]);
    let m = [ment(&d, 0, "Tarvan Air", T::Company), ment(&d, 1, "Tarvan", T::Person)];
    let t = vec![tri(&d, 0, "Tarvan Air", "flew to", "fly", Some("Norvia")), tri(&d, 1, "Tarvan", "bought", "buy", Some("jets"))];
    let r = run(&d, &m, t);
    assert!(facts(&r).contains(&f("tarvan_air", "bought", Some("jets"))), "{:?}", facts(&r));
    // must stay apart: a person of that name seen before, or a company name with other words
    let d = doc(&["Ada Brelt founded Brelt Motor Company .", "Brelt hired a firm ."]);
    let m = [ment(&d, 0, "Ada Brelt", T::Person), ment(&d, 0, "Brelt Motor Company", T::Company), ment(&d, 1, "Brelt", T::Person)];
    let t = vec![tri(&d, 0, "Ada Brelt", "founded", "found", Some("Brelt Motor Company")), tri(&d, 1, "Brelt", "hired", "hire", Some("a firm"))];
    let r = run(&d, &m, t);
    assert!(facts(&r).contains(&f("ada_brelt", "hired", Some("firm"))), "{:?}", facts(&r));
    let d = doc(&["Brelt River Bank lent money .", "Brelt hired a firm ."]);
    let m = [ment(&d, 0, "Brelt River Bank", T::Company), ment(&d, 1, "Brelt", T::Person)];
    let t = vec![tri(&d, 0, "Brelt River Bank", "lent", "lend", Some("money")), tri(&d, 1, "Brelt", "hired", "hire", Some("a firm"))];
    let r = run(&d, &m, t);
    assert!(facts(&r).contains(&f("brelt", "hired", Some("firm"))), "{:?}", facts(&r));
}

#[test]
fn a_surname_with_two_letters_swapped_is_the_person_named_before() {
    let d = doc(&["Ivo Verliasi spoke in Tarvo .", "Critics sued Verlaisi ."]);
    let m = [ment(&d, 0, "Ivo Verliasi", T::Person), ment(&d, 1, "Verlaisi", T::Person)];
    let r = run(&d, &m, vec![tri(&d, 1, "Critics", "sued", "sue", Some("Verlaisi"))]);
    assert_eq!(facts(&r), vec![f("critics", "sued", Some("ivo_verliasi"))]);
    // must give nothing: a surname two swaps away is someone else
    let d = doc(&["Ivo Verliasi spoke in Tarvo .", "Critics sued Vrelaiis ."]);
    let m = [ment(&d, 0, "Ivo Verliasi", T::Person), ment(&d, 1, "Vrelaiis", T::Person)];
    let r = run(&d, &m, vec![tri(&d, 1, "Critics", "sued", "sue", Some("Vrelaiis"))]);
    assert_eq!(facts(&r), vec![f("critics", "sued", Some("vrelaiis"))]);
}
