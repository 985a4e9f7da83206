//! Tests for the ontology stage: the embedded files, loading user files, and normalisation of
//! hand-built triples for the seed article's facts.

use super::*;
use crate::document::{Argument, Literal, Modality, OpenTriple, Span};
use crate::ontology::vocab::{KG, REL, XSD, prov_terms};

fn ent(id: &str, label: &str, kind: EntityType) -> Entity {
    Entity { id: id.into(), label: label.into(), kind, aliases: vec![], wikidata: None, merges: vec![] }
}

fn sample_entities() -> HashMap<EntityId, Entity> {
    use EntityType::*;
    [
        ent("don_strand", "Don Strand", Person),
        ent("greta_quillen", "Greta Quillen", Person),
        ent("lucia_ferrand", "Lucia Ferrand", Person),
        ent("ivan_dorosh", "Ivan Dorosh", Person),
        ent("united_states", "United States", Country),
        ent("colombia", "Colombia", Country),
        ent("ukraine", "Ukraine", Country),
        ent("venezuela", "Venezuela", Country),
        ent("cuba", "Cuba", Country),
        ent("iran", "Iran", Country),
        ent("israel", "Israel", Country),
        ent("united_nations", "United Nations", InternationalOrganization),
        ent("white_house", "White House", Location),
        ent("pesticide_spraying", "pesticide spraying", Concept),
        ent("visa", "Quillen's visa", Concept),
        ent("cocaine", "cocaine", Product),
        ent("deportation_flights", "deportation flights", Concept),
        ent("drugs", "drugs", Concept),
        ent("meeting", "meeting", Event),
        ent("anti_israel_protests", "anti-Israel protests", Event),
        ent("global_uncertainty", "global uncertainty", Concept),
        ent("hard_line_leftist", "hard-line leftist", Concept),
        ent("businessman", "businessman", Concept),
        ent("call", "call", Concept),
        ent("resumption_of_deportation_flights", "resumption of deportation flights", Concept),
        ent("coca_crops", "coca crops", Concept),
        ent("billions_of_dollars", "billions of dollars", Money),
        ent("20_flights", "20 flights", Quantity),
        ent("february_3_2026", "February 3, 2026", Date),
    ]
    .into_iter()
    .map(|e| (e.id.clone(), e))
    .collect()
}

fn arg(text: &str) -> Argument {
    Argument { tokens: 0..1, head: 0, text: text.into(), span: Span::default() }
}

struct K<'a> {
    verb: Option<&'a str>,
    particle: Option<&'a str>,
    noun: Option<&'a str>,
    mods: &'a [&'a str],
    prep: Option<&'a str>,
    passive: bool,
}

const K0: K<'static> = K { verb: None, particle: None, noun: None, mods: &[], prep: None, passive: false };

fn triple(s: &str, relation: &str, k: K, o: &str, entities: &HashMap<EntityId, Entity>) -> ResolvedTriple {
    let key = RelationKey {
        verb: k.verb.map(Into::into),
        particle: k.particle.map(Into::into),
        noun: k.noun.map(Into::into),
        noun_modifiers: k.mods.iter().map(|m| m.to_string()).collect(),
        prep: k.prep.map(Into::into),
        passive: k.passive,
        matrix: None,
        gerund: None,
    };
    let label = |id: &str| entities.get(id).map_or(id.to_string(), |e| e.label.clone());
    ResolvedTriple {
        triple: OpenTriple {
            sentence: 0,
            subject: arg(&label(s)),
            relation: relation.into(),
            key,
            object: Some(arg(&label(o))),
            extra: vec![],
            qualifiers: vec![],
            negated: false,
            modality: Modality::Asserted,
            attribution: None,
            rule: "test".into(),
            confidence: 0.8,
        },
        subject: s.into(),
        object: Some(o.into()),
        qualifiers: vec![],
        attribution: None,
        notes: vec![],
    }
}

fn verb(v: &'static str) -> K<'static> {
    K { verb: Some(v), ..K0 }
}
fn verb_prep(v: &'static str, p: &'static str) -> K<'static> {
    K { verb: Some(v), prep: Some(p), ..K0 }
}
fn noun_prep(n: &'static str, p: &'static str) -> K<'static> {
    K { noun: Some(n), prep: Some(p), ..K0 }
}

/// The seed article's gold facts as the extractor should key them, with the expected property.
fn seed_cases() -> Vec<(ResolvedTriple, &'static str)> {
    let e = sample_entities();
    let passive = |v: &'static str| K { verb: Some(v), prep: Some("by"), passive: true, ..K0 };
    vec![
        (triple("don_strand", "are set to meet", verb("meet"), "greta_quillen", &e), "meets"),
        (triple("don_strand", "President", K { noun: Some("president"), ..K0 }, "united_states", &e), "presidentOf"),
        (triple("greta_quillen", "counterpart", K { noun: Some("president"), mods: &["colombian"], ..K0 }, "colombia", &e), "presidentOf"),
        (triple("don_strand", "feud between", noun_prep("feud", "between"), "greta_quillen", &e), "feudsWith"),
        (
            triple("colombia", "remains the biggest producer of", K { verb: Some("remain"), noun: Some("producer"), mods: &["biggest"], prep: Some("of"), ..K0 }, "cocaine", &e),
            "producerOf",
        ),
        (triple("united_states", "is the leading consumer of", K { verb: Some("be"), noun: Some("consumer"), mods: &["leading"], prep: Some("of"), ..K0 }, "cocaine", &e), "consumerOf"),
        (triple("meeting", "is expected to focus on", verb_prep("focus", "on"), "drugs", &e), "focusesOn"),
        (triple("colombia", "started accepting", verb("accept"), "deportation_flights", &e), "accepts"),
        (triple("united_states", "support for", noun_prep("support", "for"), "israel", &e), "supports"),
        (triple("united_states", "strikes on", noun_prep("strike", "on"), "iran", &e), "strikes"),
        (triple("don_strand", "have clashed with", verb_prep("clash", "with"), "greta_quillen", &e), "clashesWith"),
        (triple("united_states", "was cancelled by", passive("cancel"), "visa", &e), "revokes"),
        (triple("greta_quillen", "joining", verb("join"), "anti_israel_protests", &e), "joins"),
        (triple("greta_quillen", "visit to", noun_prep("visit", "to"), "united_nations", &e), "visits"),
        (
            triple("don_strand", "military offensive against", K { noun: Some("offensive"), mods: &["military"], prep: Some("against"), ..K0 }, "venezuela", &e),
            "attacks",
        ),
        (triple("don_strand", "threats to", noun_prep("threat", "to"), "cuba", &e), "threatens"),
        (triple("don_strand", "has triggered", verb("trigger"), "global_uncertainty", &e), "triggers"),
        (triple("greta_quillen", "is known to be", verb("be"), "hard_line_leftist", &e), "isA"),
        (triple("don_strand", "is", verb("be"), "businessman", &e), "isA"),
        (triple("ivan_dorosh", "President", K { noun: Some("president"), mods: &["ukrainian"], ..K0 }, "ukraine", &e), "presidentOf"),
        (
            triple("colombia", "has long been among the strongest allies of", K { verb: Some("be"), noun: Some("ally"), mods: &["strongest"], prep: Some("of"), ..K0 }, "united_states", &e),
            "allyOf",
        ),
        (triple("colombia", "receiving", verb("receive"), "billions_of_dollars", &e), "receives"),
        (triple("don_strand", "appreciated", verb("appreciate"), "call", &e), "appreciates"),
        (triple("greta_quillen", "announcing", verb("announce"), "resumption_of_deportation_flights", &e), "announces"),
        (
            triple("lucia_ferrand", "Foreign Minister", K { noun: Some("minister"), mods: &["colombian", "foreign"], ..K0 }, "colombia", &e),
            "foreignMinisterOf",
        ),
        (triple("greta_quillen", "strongly opposed by", passive("oppose"), "pesticide_spraying", &e), "opposes"),
        (triple("colombia", "will restart", verb("restart"), "pesticide_spraying", &e), "restarts"),
        (triple("pesticide_spraying", "to destroy", verb("destroy"), "coca_crops", &e), "destroys"),
    ]
}

#[test]
fn embedded_ontology_loads_and_has_the_expected_shape() {
    let o = Ontology::try_embedded().unwrap();
    let object_props = o.properties().iter().filter(|p| p.kind == PropertyKind::Object).count();
    assert!((60..=200).contains(&object_props), "{object_props} object properties");
    for t in EntityType::ALL {
        let c = o.class(t.class_name()).unwrap_or_else(|| panic!("no class kg:{}", t.class_name()));
        assert!(c.label.is_some(), "kg:{} has no label", c.name);
    }
    for p in o.properties() {
        assert!(p.label.is_some() && p.comment.is_some(), "{} needs a label and a comment", p.iri);
        for c in p.domains.iter().chain(&p.ranges) {
            assert!(c.starts_with(XSD) || c.starts_with(vocab::RDFS) || o.class(c).is_some(), "{}: undeclared class {c}", p.name);
        }
        for s in &p.supers {
            assert!(o.property(s).is_some(), "{}: undeclared super-property {s}", p.name);
        }
        if let Some(inv) = &p.inverse {
            let q = o.property(inv).unwrap_or_else(|| panic!("{}: undeclared inverse {inv}", p.name));
            assert_eq!(q.inverse.as_deref(), Some(p.iri.as_str()), "{} and {} must be each other's inverse", p.name, q.name);
            assert_eq!((&p.domains, &p.ranges), (&q.ranges, &q.domains), "{} and {}: domain and range must swap", p.name, q.name);
        }
        if p.symmetric {
            assert_eq!(p.domains, p.ranges, "{} is symmetric, so its domain and range must agree", p.name);
        }
        // kg:sentence ties a statement node to its sentence node: provenance, not a relation
        // between two things in the world, so it stays outside the kg:relatedTo tree.
        if p.kind == PropertyKind::Object && p.name != terms::properties::RELATED_TO && p.name != "sentence" {
            let tops: Vec<&str> = o.super_properties(&p.iri).iter().map(|q| q.name.as_str()).collect();
            assert!(tops.contains(&terms::properties::RELATED_TO), "{} is not under kg:relatedTo", p.name);
        }
    }
    for sym in ["meets", "clashesWith", "allyOf", "feudsWith", "talksWith"] {
        assert!(o.property(sym).unwrap().symmetric, "{sym} is symmetric");
    }
    assert!(!o.property("opposes").unwrap().symmetric);
    assert_eq!(o.property("presidentOf").unwrap().inverse.as_deref(), Some(&*format!("{KG}hasPresident")));
    assert!(o.property("hasHeadOfState").unwrap().alignments.iter().any(|a| a.ends_with("/P35")));
    // Country is an Agent and a Place; literals are Values.
    assert!(o.ancestors[&EntityType::Country].contains(&format!("{KG}Agent")));
    assert!(o.ancestors[&EntityType::Country].contains(&format!("{KG}Place")));
    assert!(o.ancestors[&EntityType::Money].contains(&format!("{KG}Value")));
    assert!(!o.ancestors[&EntityType::Concept].contains(&format!("{KG}Agent")));
    assert!(o.lexicon_entries().len() > 300);
}

#[test]
fn every_term_the_code_names_exists_with_a_label() {
    let o = Ontology::embedded();
    let prov = [
        prov_terms::FACT,
        prov_terms::MERGE_NOTE,
        prov_terms::OBJECT_TEXT,
        prov_terms::UNIT,
        prov_terms::DOCUMENT,
        prov_terms::SURFACE,
        prov_terms::CONFIDENCE,
        prov_terms::NEGATED,
        prov_terms::MODALITY,
        prov_terms::ATTRIBUTION,
        prov_terms::EVIDENCE,
        prov_terms::PARAGRAPH,
        prov_terms::SENTENCE_INDEX,
        prov_terms::CHAR_START,
        prov_terms::CHAR_END,
        prov_terms::EXTRACTOR,
        prov_terms::NOTE,
        prov_terms::SOURCE_PATH,
        prov_terms::SHA256,
        prov_terms::DATE,
        prov_terms::PLACE,
        prov_terms::QUALIFIER,
        prov_terms::DOCUMENT_TEXT,
        prov_terms::PREDICATE_LABEL,
        prov_terms::SENTENCE_COUNT,
        prov_terms::WIKIDATA_ID,
    ];
    for name in prov.iter().chain(terms::ALL.iter()) {
        let label = o.property(name).map(|p| p.label.clone()).or_else(|| o.class(name).map(|c| c.label.clone()));
        assert!(matches!(label, Some(Some(_))), "kg:{name} missing or without rdfs:label");
    }
    // Every property the lexicon or the tests name exists (load checks the lexicon too).
    for (_, p) in seed_cases() {
        assert!(o.property(p).is_some(), "kg:{p}");
    }
}

#[test]
fn seed_facts_map_to_ontology_properties() {
    let o = Ontology::embedded();
    let e = sample_entities();
    let cases = seed_cases();
    let mut mapped = 0;
    for (t, want) in &cases {
        let f = o.normalize(t, &e, Some("2026-01-27"), false).unwrap_or_else(|| panic!("{} dropped", t.triple.relation));
        assert_eq!((f.predicate.name.as_str(), f.predicate.normalized), (*want, true), "{}: {:?}", t.triple.relation, f.notes);
        assert_eq!(f.predicate.iri, format!("{KG}{want}"));
        assert_eq!(f.predicate.surface, t.triple.relation, "surface relation kept");
        assert!(f.notes.iter().any(|n| n.starts_with("lexicon:")), "{:?}", f.notes);
        assert!(f.notes.iter().any(|n| n.starts_with("types ok")), "{:?}", f.notes);
        mapped += 1;
    }
    assert_eq!(mapped, cases.len());
}

#[test]
fn a_title_of_several_words_keeps_its_own_label() {
    // `Velmar Secretary of State Don Strand` (invented): the office maps to the foreign-minister
    // property, but the label is the title as written, which a reader searches for
    let o = Ontology::embedded();
    let e = sample_entities();
    let t = triple("don_strand", "Secretary of State of", K { noun: Some("secretary of state"), prep: Some("of"), ..K0 }, "united_states", &e);
    let f = o.normalize(&t, &e, None, true).unwrap();
    assert_eq!((f.predicate.name.as_str(), f.predicate.label.as_str()), ("foreignMinisterOf", "secretary of state of"), "{:?}", f.notes);
    // a one-word title that is the property's own word keeps the property's label
    let t = triple("don_strand", "minister of", noun_prep("minister", "of"), "united_states", &e);
    assert_eq!(o.normalize(&t, &e, None, true).unwrap().predicate.label, "minister of");
}

#[test]
fn the_five_must_facts_in_detail() {
    let o = Ontology::embedded();
    let e = sample_entities();
    let norm = |t: &ResolvedTriple| o.normalize(t, &e, Some("2026-01-27"), true).unwrap();

    // Quillen strongly opposed pesticide spraying (passive turned active).
    let t = triple("greta_quillen", "strongly opposed by", K { verb: Some("oppose"), prep: Some("by"), passive: true, ..K0 }, "pesticide_spraying", &e);
    let f = norm(&t);
    assert_eq!((f.subject.as_str(), f.predicate.label.as_str()), ("greta_quillen", "opposes"));
    assert_eq!(f.object, FactObject::Entity("pesticide_spraying".into()));

    // Washington cancelled the visa -> revokes.
    let t = triple("united_states", "was cancelled by", K { verb: Some("cancel"), prep: Some("by"), passive: true, ..K0 }, "visa", &e);
    assert_eq!(norm(&t).predicate.name, "revokes");

    // X remains the biggest producer of Y -> producerOf (the verb and the modifiers dropped).
    let t = triple("colombia", "remains the biggest producer of", K { verb: Some("remain"), noun: Some("producer"), mods: &["biggest"], prep: Some("of"), ..K0 }, "cocaine", &e);
    let f = norm(&t);
    assert_eq!((f.predicate.name.as_str(), f.predicate.label.as_str()), ("producerOf", "producer of"));
    assert!(f.notes[0].contains("'producer of' (from 'remain biggest producer of', verb dropped, noun modifiers reduced)"), "{:?}", f.notes);

    // Peruvian Foreign Minister Lucia Ferrand.
    let t = triple("lucia_ferrand", "Foreign Minister of", K { noun: Some("minister"), mods: &["colombian", "foreign"], prep: Some("of"), ..K0 }, "colombia", &e);
    assert_eq!(norm(&t).predicate.name, "foreignMinisterOf");
    let t = triple("lucia_ferrand", "minister of", noun_prep("minister", "of"), "colombia", &e);
    assert_eq!(norm(&t).predicate.name, "ministerOf");

    // Strand and Quillen meet at the palace, on a date given in full.
    let mut t = triple("don_strand", "are set to meet", verb("meet"), "greta_quillen", &e);
    t.qualifiers = vec![
        ("date".into(), Some("february_3_2026".into()), arg("on February 3, 2026")),
        ("place".into(), Some("white_house".into()), arg("at the White House")),
    ];
    let f = o.normalize(&t, &e, None, true).unwrap();
    assert_eq!(f.predicate.name, "meets");
    assert_eq!(f.qualifiers[0].key, "date");
    assert_eq!(
        f.qualifiers[0].literal,
        Some(Literal { value: "2026-02-03".into(), datatype: Some(format!("{XSD}date")), unit: None })
    );
    assert_eq!((f.qualifiers[1].value.as_str(), f.qualifiers[1].literal.is_none()), ("white_house", true));
    assert!(f.notes.iter().any(|n| n.contains("qualifier date")), "{:?}", f.notes);
}

#[test]
fn literal_objects_become_typed_values() {
    let o = Ontology::embedded();
    let e = sample_entities();
    let t = triple("colombia", "receiving", verb("receive"), "billions_of_dollars", &e);
    let f = o.normalize(&t, &e, None, false).unwrap();
    assert_eq!(
        f.object,
        FactObject::Literal(Literal { value: "1000000000".into(), datatype: Some(format!("{XSD}decimal")), unit: Some("USD".into()) })
    );
    let t = triple("colombia", "will get", verb("get"), "20_flights", &e);
    let f = o.normalize(&t, &e, None, false).unwrap();
    assert!(matches!(&f.object, FactObject::Literal(l) if l.value == "20" && l.unit.as_deref() == Some("flight")));
    assert!((f.confidence - 0.8 * 0.6).abs() < 1e-6, "lexicon weight applied: {}", f.confidence);
}

#[test]
fn a_copula_with_a_number_stays_an_open_value_statement() {
    let o = Ontology::embedded();
    let e = sample_entities();
    // `Colombia is about 20 flights` (invented): a value, not kg:concerns
    let t = triple("colombia", "is about", verb_prep("be", "about"), "20_flights", &e);
    let f = o.normalize(&t, &e, None, false).unwrap();
    assert!(!f.predicate.normalized && f.predicate.label == "be about", "{:?}", f.predicate);
    // `The Tarn ratio is about 12.` (invented): a bare number is a value too
    let t = triple("colombia", "is about", verb_prep("be", "about"), "12", &e);
    let f = o.normalize(&t, &e, None, false).unwrap();
    assert!(!f.predicate.normalized && f.predicate.label == "be about", "{:?}", f.predicate);
    // must give nothing new: with a topic as object the lexicon still decides
    let t = triple("meeting", "is about", verb_prep("be", "about"), "drugs", &e);
    let f = o.normalize(&t, &e, None, false).unwrap();
    assert_eq!(f.predicate.name, "concerns");
}

#[test]
fn predicate_adjectives_of_cause_swap_to_causes() {
    let o = Ontology::embedded();
    let e = sample_entities();
    // `the drugs were attributable to pesticide spraying` (invented): the spraying causes them
    let k = K { verb: Some("be"), noun: Some("attributable"), prep: Some("to"), ..K0 };
    let f = o.normalize(&triple("drugs", "were attributable to", k, "pesticide_spraying", &e), &e, None, false).unwrap();
    assert_eq!((f.predicate.name.as_str(), f.subject.as_str()), ("causes", "pesticide_spraying"));
    // must give nothing of the kind for an adjective of another sense
    let k = K { verb: Some("be"), noun: Some("close"), prep: Some("to"), ..K0 };
    let f = o.normalize(&triple("drugs", "were close to", k, "pesticide_spraying", &e), &e, None, false).unwrap();
    assert_ne!(f.predicate.name, "causes");
}

#[test]
fn unmapped_relations_stay_open_unless_strict() {
    let o = Ontology::embedded();
    let e = sample_entities();
    let t = triple("greta_quillen", "might be Sherlocked by", K { verb: Some("sherlock"), prep: Some("by"), passive: true, ..K0 }, "united_states", &e);
    let f = o.normalize(&t, &e, None, false).unwrap();
    assert_eq!(
        (f.predicate.name.as_str(), f.predicate.iri.as_str(), f.predicate.label.as_str(), f.predicate.normalized),
        ("sherlock", &*format!("{REL}sherlock"), "sherlock", false)
    );
    assert!(f.notes.iter().any(|n| n.starts_with("no lexicon entry")), "{:?}", f.notes);
    let d = o.decide(&t, &e, None, true).unwrap_err();
    assert!(d.notes.iter().any(|n| n.contains("strict mode")), "{:?}", d.notes);
    // No relation key at all: the surface form names the open relation.
    let t = triple("greta_quillen", "took steps to accommodate", K0, "united_states", &e);
    assert_eq!(o.normalize(&t, &e, None, false).unwrap().predicate.name, "took_steps_to_accommodate");
    assert_eq!(open_relation_name("clash  over / with"), "clash_over_with");
}

#[test]
fn domain_and_range_violations_are_never_plain_ontology_facts() {
    let o = Ontology::embedded();
    let e = sample_entities();
    // A country cannot be the president of something (domain Person).
    let t = triple("colombia", "president of", noun_prep("president", "of"), "united_states", &e);
    let f = o.normalize(&t, &e, None, false).unwrap();
    assert_eq!((f.predicate.name.as_str(), f.predicate.normalized), ("president_of", false));
    assert!((f.confidence - 0.4).abs() < 1e-6);
    assert!(f.notes.iter().any(|n| n.starts_with("domain violation: kg:presidentOf expects subject Person, colombia is Country")), "{:?}", f.notes);
    let strict = o.clone().with_violation_policy(ViolationPolicy::Drop);
    assert!(strict.normalize(&t, &e, None, false).is_none());
    // Range: a capital must be a City.
    let t = triple("ukraine", "has capital", K { verb: Some("have"), noun: Some("capital"), ..K0 }, "colombia", &e);
    let f = o.normalize(&t, &e, None, false).unwrap();
    assert!(!f.predicate.normalized, "{:?}", f.notes);
    // Unknown entities are not checked, and say so.
    let t = triple("somebody", "opposes", verb("oppose"), "visa", &e);
    let f = o.normalize(&t, &e, None, false).unwrap();
    assert!(f.predicate.normalized && f.notes.iter().any(|n| n.contains("subject type unknown")), "{:?}", f.notes);
}

#[test]
fn an_agentless_passive_reads_only_entries_marked_passive() {
    let o = Ontology::embedded();
    let e = sample_entities();
    let passive = |v: &'static str, p: &'static str| K { verb: Some(v), prep: Some(p), passive: true, ..K0 };
    // `Don Strand was accused of fraud` (invented): he is not the accuser
    let t = triple("don_strand", "was accused of", passive("accuse", "of"), "drugs", &e);
    let f = o.normalize(&t, &e, None, false).unwrap();
    assert_eq!((f.predicate.label.as_str(), f.predicate.normalized, f.subject.as_str()), ("be accused of", false, "don_strand"), "{:?}", f.notes);
    assert!(f.notes.iter().any(|n| n.contains("reads the active voice")), "{:?}", f.notes);
    // the same words in the active voice keep the property
    let t = triple("don_strand", "accused of", verb_prep("accuse", "of"), "drugs", &e);
    assert_eq!(o.normalize(&t, &e, None, false).unwrap().predicate.name, "accuses");
    // a pattern written for the passive still reads it: `was born in`, `is known as`
    let t = triple("don_strand", "was born in", passive("bear", "in"), "colombia", &e);
    assert_eq!(o.normalize(&t, &e, None, false).unwrap().predicate.name, "bornIn");
    let t = triple("don_strand", "is known as", passive("know", "as"), "businessman", &e);
    assert_eq!(o.normalize(&t, &e, None, false).unwrap().predicate.name, "isA");
}

#[test]
fn a_person_led_by_a_verb_holds_no_office_under_the_leader() {
    let o = Ontology::embedded();
    let e = sample_entities();
    // `Greta Quillen led Don Strand 52 percent to 45` (invented): a lead in a race, no office
    let t = triple("greta_quillen", "led", verb("lead"), "don_strand", &e);
    let f = o.normalize(&t, &e, None, false).unwrap();
    assert_eq!((f.predicate.label.as_str(), f.predicate.normalized), ("lead", false), "{:?}", f.notes);
    assert!((f.confidence - 0.8).abs() < 1e-6, "no penalty: the verb still says what happened");
    // a state led by a verb, and a person named the leader by a noun, keep the office
    let t = triple("greta_quillen", "led", verb("lead"), "colombia", &e);
    assert_eq!(o.normalize(&t, &e, None, false).unwrap().predicate.name, "leaderOf");
    let t = triple("greta_quillen", "leader of", noun_prep("leader", "of"), "united_nations", &e);
    assert_eq!(o.normalize(&t, &e, None, false).unwrap().predicate.name, "leaderOf");
}

#[test]
fn inverse_entries_swap_the_arguments() {
    let o = Ontology::embedded();
    let e = sample_entities();
    let t = triple("colombia", "has president", K { verb: Some("have"), noun: Some("president"), ..K0 }, "greta_quillen", &e);
    let f = o.normalize(&t, &e, None, true).unwrap();
    assert_eq!((f.subject.as_str(), f.predicate.name.as_str()), ("greta_quillen", "presidentOf"));
    assert_eq!(f.object, FactObject::Entity("colombia".into()));
    assert!(f.notes.iter().any(|n| n.contains("swapped")));
}

#[test]
fn user_files_change_the_output_without_recompiling() {
    let dir = tempfile::tempdir().unwrap();
    let e = sample_entities();
    let t = triple("don_strand", "gave a dressing-down to", K { verb: Some("give"), noun: Some("dressing-down"), prep: Some("to"), ..K0 }, "ivan_dorosh", &e);
    let before = Ontology::embedded().normalize(&t, &e, None, false).unwrap();
    assert!(!before.predicate.normalized);

    // A user lexicon maps it to an existing property…
    std::fs::write(dir.path().join("lexicon.tsv"), "dressing-down to\tkg:criticizes\tso\n").unwrap();
    let o = Ontology::load(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(o.normalize(&t, &e, None, false).unwrap().predicate.name, "criticizes");

    // …or to a property the user declares, and can override a built-in entry.
    std::fs::write(
        dir.path().join("extra.ttl"),
        "@prefix kg: <https://w3id.org/kgraph/ontology#> .\n@prefix owl: <http://www.w3.org/2002/07/owl#> .\n\
         @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\
         kg:dressesDown a owl:ObjectProperty ; rdfs:label \"dresses down\"@en ; rdfs:subPropertyOf kg:criticizes ; rdfs:domain kg:Person .\n",
    )
    .unwrap();
    // (Files are read in name order, and later entries win: `lexicon-user.tsv` < `lexicon.tsv`.)
    std::fs::remove_file(dir.path().join("lexicon.tsv")).unwrap();
    std::fs::write(dir.path().join("lexicon-user.tsv"), "dressing-down to\tkg:dressesDown\nmeet\tkg:talksWith\n").unwrap();
    let o = Ontology::load(&[dir.path().to_path_buf()]).unwrap();
    let f = o.normalize(&t, &e, None, false).unwrap();
    assert_eq!((f.predicate.name.as_str(), f.predicate.label.as_str()), ("dressesDown", "dresses down"));
    assert!(f.notes[0].contains("lexicon-user.tsv:1"), "{:?}", f.notes);
    let meet = triple("don_strand", "meet", verb("meet"), "greta_quillen", &e);
    assert_eq!(o.normalize(&meet, &e, None, false).unwrap().predicate.name, "talksWith");
    assert_eq!(o.turtle_sources().len(), 2);
    assert!(o.sources().iter().any(|s| s.ends_with("lexicon-user.tsv")));
    // A domain declared in the user's file is enforced like the built-in ones.
    let t2 = triple("colombia", "gave a dressing-down to", K { verb: Some("give"), noun: Some("dressing-down"), prep: Some("to"), ..K0 }, "cuba", &e);
    assert!(!o.normalize(&t2, &e, None, false).unwrap().predicate.normalized);
}

#[test]
fn bad_user_files_give_errors_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("bad.ttl"), "@prefix kg: <https://w3id.org/kgraph/ontology#> .\n\nkg:x kg:y \"unterminated .\n").unwrap();
    let err = Ontology::load(&[p.to_path_buf()]).unwrap_err();
    assert!(matches!(&err, OntologyError::Turtle { file, line: 3, .. } if file.ends_with("bad.ttl")), "{err}");
    std::fs::remove_file(p.join("bad.ttl")).unwrap();

    std::fs::write(p.join("lexicon.tsv"), "# header\nmeet\tkg:noSuchProperty\n").unwrap();
    let err = Ontology::load(&[p.to_path_buf()]).unwrap_err();
    assert!(matches!(&err, OntologyError::Lexicon { file, line: 2, .. } if file.ends_with("lexicon.tsv")), "{err}");
    assert!(err.to_string().contains("kg:noSuchProperty"));
    std::fs::write(p.join("lexicon.tsv"), "meet\tfoo:bar\n").unwrap();
    assert!(Ontology::load(&[p.to_path_buf()]).unwrap_err().to_string().contains("unknown prefix"));
    std::fs::remove_file(p.join("lexicon.tsv")).unwrap();

    std::fs::write(p.join("notes.txt"), "nothing here").unwrap();
    assert!(matches!(Ontology::load(&[p.to_path_buf()]), Err(OntologyError::NoFiles { .. })));
    assert!(matches!(Ontology::load(&[p.join("missing")]), Err(OntologyError::Io { .. })));
    std::fs::write(p.join("lexicon.tsv"), [0xff, 0xfe, b'\n']).unwrap();
    assert!(matches!(Ontology::load(&[p.to_path_buf()]), Err(OntologyError::Io { .. })));
}

#[test]
fn listing_mentions_every_property() {
    let o = Ontology::embedded();
    let mut buf = Vec::new();
    o.write_listing(&mut buf).unwrap();
    let text = String::from_utf8(buf).unwrap();
    for p in o.properties() {
        assert!(text.contains(&format!("kg:{}\t", p.name)), "{}", p.name);
    }
    assert!(text.contains("kg:revokes\t\"revokes\"\tkg:Agent -> *\t\t"));
    assert!(text.contains("cancel"));
}

/// Invented participants for object-less clauses: a named person, a counted group, an unnamed
/// thing and a date.
fn event_entities() -> HashMap<EntityId, Entity> {
    use EntityType::*;
    [
        ent("lena_ortmann", "Lena Ortmann", Person),
        ent("two_guards", "two guards", Concept),
        ent("runway", "runway", Concept),
        ent("tuesday", "Tuesday", Date),
        ent("porter", "porter", Concept),
    ]
    .into_iter()
    .map(|e| (e.id.clone(), e))
    .collect()
}

/// An object-less clause as the resolver hands it on: no object argument, no object entity.
fn event(s: &str, relation: &str, k: K, e: &HashMap<EntityId, Entity>) -> ResolvedTriple {
    let mut t = triple(s, relation, k, s, e);
    t.triple.object = None;
    t.object = None;
    t
}

#[test]
fn object_less_events_are_facts_with_an_empty_object() {
    let o = Ontology::embedded();
    let e = event_entities();
    // `Lena Ortmann resigned.`
    let f = o.decide(&event("lena_ortmann", "resigned", verb("resign"), &e), &e, None, false).unwrap();
    assert_eq!(f.subject, "lena_ortmann");
    assert_eq!(f.object, FactObject::Literal(Literal { value: NO_OBJECT.into(), datatype: None, unit: None }));
    assert_eq!(f.predicate.iri, format!("{REL}resign"));
    assert!(!f.predicate.normalized, "an event without object never takes an ontology property");
    // `Two guards were injured.`: the subject underwent the event
    let injured = K { verb: Some("injure"), passive: true, ..K0 };
    let f = o.decide(&event("two_guards", "were injured", injured, &e), &e, None, false).unwrap();
    assert_eq!(f.predicate.label, "be injured");
    assert_eq!(f.predicate.iri, format!("{REL}be_injured"));
    // `Lena Ortmann was not sworn in.`: the particle joins, the negation stays a flag
    let sworn = K { verb: Some("swear"), particle: Some("in"), passive: true, ..K0 };
    let f = o.decide(&event("lena_ortmann", "was not sworn", sworn, &e), &e, None, false).unwrap();
    assert_eq!(f.predicate.label, "be sworn in");
    // a lexicon verb (kg:injures needs an object) still stays an open relation
    let f = o.decide(&event("lena_ortmann", "injured", verb("injure"), &e), &e, None, false).unwrap();
    assert_eq!(f.predicate.iri, format!("{REL}injure"));
}

#[test]
fn an_unnamed_participant_keeps_its_fate() {
    let o = Ontology::embedded();
    let e = event_entities();
    // `A porter was killed at work.`: harm to a single unnamed participant is news
    let f = o.decide(&event("porter", "was killed", K { verb: Some("kill"), passive: true, ..K0 }, &e), &e, None, false).unwrap();
    assert_eq!(f.predicate.label, "be killed");
    // `The porter was found dead.`: `find` only with its result adjective
    let f = o.decide(&event("porter", "was found dead", K { verb: Some("find"), passive: true, ..K0 }, &e), &e, None, false).unwrap();
    assert_eq!(f.predicate.label, "be found dead");
    let d = o.decide(&event("porter", "was found", K { verb: Some("find"), passive: true, ..K0 }, &e), &e, None, false).unwrap_err();
    assert!(d.notes[0].contains("neither named nor counted"), "{:?}", d.notes);
    // `The porter left.`: no fate
    let d = o.decide(&event("porter", "left", verb("leave"), &e), &e, None, false).unwrap_err();
    assert!(d.notes[0].contains("neither named nor counted"), "{:?}", d.notes);
}

#[test]
fn object_less_clauses_without_an_event_are_dropped() {
    let o = Ontology::embedded();
    let e = event_entities();
    let dropped = |t: ResolvedTriple, why: &str| {
        let d = o.decide(&t, &e, None, false).unwrap_err();
        assert!(d.notes[0].contains("intransitive") && d.notes[0].contains(why), "{why}: {:?}", d.notes);
    };
    dropped(event("lena_ortmann", "was", verb("be"), &e), "copula");
    dropped(event("lena_ortmann", "held", verb("hold"), &e), "light verb");
    dropped(event("lena_ortmann", "tried", verb("try"), &e), "missing complement");
    dropped(event("lena_ortmann", "would", verb("would"), &e), "missing complement");
    dropped(event("tuesday", "arrived", verb("arrive"), &e), "temporal subject");
    // `The runway was flooded.`: an unnamed, uncounted thing
    dropped(event("runway", "flooded", K { verb: Some("flood"), passive: true, ..K0 }, &e), "neither named nor counted");
    // `Lena Ortmann declined to comment.`
    dropped(event("lena_ortmann", "declined to comment", verb("comment"), &e), "verb chain");
    // `Speaking to reporters, …`: the subject of a non-finite clause is borrowed
    let mut t = event("lena_ortmann", "speaking", verb("speak"), &e);
    t.triple.rule = "advcl".into();
    dropped(t, "non-finite");
    // `She named it …` with `it` unresolved: the clause had an object
    let mut t = event("lena_ortmann", "named", verb("name"), &e);
    t.triple.object = Some(arg("it"));
    dropped(t, "did not resolve");
    // strict mode keeps no open relation
    let d = o.decide(&event("lena_ortmann", "resigned", verb("resign"), &e), &e, None, true).unwrap_err();
    assert!(d.notes[0].contains("strict"), "{:?}", d.notes);
}

#[test]
fn counts_are_read_from_the_phrase_start() {
    for yes in ["two guards", "at least 40 people", "Dozens of residents", "some 300 workers", "3 hikers"] {
        assert!(counted(yes), "{yes}");
    }
    for no in ["the guards", "runway", "someone", ""] {
        assert!(!counted(no), "{no}");
    }
}

/// Sample data in the store's RDF model (ontology/README.md, CONTRACT.md), for the README queries.
const SAMPLE_TRIG: &str = r#"
@prefix kg: <https://w3id.org/kgraph/ontology#> .
@prefix rel: <https://w3id.org/kgraph/rel/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix e: <http://kgraph.local/entity/> .
<http://kgraph.local/doc/d1> {
  <http://kgraph.local/doc/d1> a kg:Document .
  e:greta_quillen a kg:Person ; rdfs:label "Greta Quillen" .
  e:don_strand a kg:Person ; rdfs:label "Don Strand" .
  e:united_states a kg:Country ; rdfs:label "United States" .
  e:iran a kg:Country ; rdfs:label "Iran" .
  e:pesticide_spraying a kg:Concept ; rdfs:label "pesticide spraying" .
  e:white_house a kg:Location ; rdfs:label "White House" .
  e:greta_quillen kg:opposes e:pesticide_spraying .
  e:united_states kg:strikes e:iran .
  e:don_strand kg:presidentOf e:united_states .
  e:don_strand kg:meets e:greta_quillen .
  e:don_strand rel:attract e:iran .
  <http://kgraph.local/fact/d1/0> rdf:subject e:don_strand ; rdf:predicate kg:meets ;
    rdf:object e:greta_quillen ; kg:predicateLabel "meets" ; kg:date "2026-02-03"^^xsd:date ; kg:place e:white_house ;
    kg:sentence <http://kgraph.local/sentence/d1/0> .
  <http://kgraph.local/sentence/d1/0> kg:evidence "the two presidents will hold talks on February 3, 2026, in the White House" ;
    kg:paragraph 1 ; kg:charStart 0 .
  <http://kgraph.local/fact/d1/1> rdf:subject e:don_strand ; rdf:predicate rel:attract ;
    rdf:object e:iran ; kg:predicateLabel "attract" ; kg:sentence <http://kgraph.local/sentence/d1/1> .
  <http://kgraph.local/fact/d1/2> rdf:subject e:greta_quillen ; rdf:predicate kg:opposes ;
    rdf:object e:pesticide_spraying ; kg:predicateLabel "opposes" ; kg:timeText "last week" ;
    kg:timeStart "2026-01-19"^^xsd:date ; kg:timeEnd "2026-01-25"^^xsd:date ; kg:sentence <http://kgraph.local/sentence/d1/1> .
  <http://kgraph.local/sentence/d1/1> kg:evidence "…" ; kg:paragraph 1 ; kg:charStart 80 .
}
"#;

#[test]
fn readme_queries_run_and_answer() {
    use oxigraph::io::{RdfFormat, RdfParser};
    use oxigraph::model::{GraphName, NamedNode};
    use oxigraph::sparql::{QueryResults, SparqlEvaluator};
    use oxigraph::store::Store;

    let store = Store::new().unwrap();
    let o = Ontology::embedded();
    for (_, ttl) in o.turtle_sources() {
        let parser = RdfParser::from_format(RdfFormat::Turtle)
            .with_default_graph(GraphName::NamedNode(NamedNode::new(vocab::KG_ONTOLOGY).unwrap()));
        store.load_from_slice(parser, ttl.as_bytes()).unwrap();
    }
    store.load_from_slice(RdfParser::from_format(RdfFormat::TriG), SAMPLE_TRIG.as_bytes()).unwrap();
    let readme = include_str!("../../ontology/README.md");
    // The storage section's queries are checked against a real built store in tests/cli.rs;
    // here they only have to parse.
    let (readme, storage) = readme.split_once("## How documents, entities and facts are stored").unwrap_or((readme, ""));
    for q in storage.split("```sparql").skip(1).filter_map(|b| b.split("```").next()) {
        let _ = SparqlEvaluator::new().parse_query(q).unwrap_or_else(|e| panic!("{e}\n{q}"));
    }
    let queries: Vec<&str> = readme.split("```sparql").skip(1).filter_map(|b| b.split("```").next()).collect();
    assert!(queries.len() >= 3, "README needs at least three example queries");
    for q in queries {
        let mut prepared = SparqlEvaluator::new().parse_query(q).unwrap_or_else(|e| panic!("{e}\n{q}"));
        prepared.dataset_mut().set_default_graph_as_union();
        let QueryResults::Solutions(solutions) = prepared.on_store(&store).execute().unwrap() else { panic!("SELECT expected") };
        let rows: Vec<_> = solutions.collect::<Result<_, _>>().unwrap();
        assert!(!rows.is_empty(), "no answer for\n{q}");
        if q.contains("kg:opposes ?o") {
            assert_eq!(rows.len(), 1);
            assert_eq!(rows[0].get("subject").unwrap().to_string(), "\"Greta Quillen\"");
        }
        if q.contains("kg:timeStart") {
            assert_eq!(rows.len(), 1);
            assert_eq!(rows[0].get("start").unwrap().to_string(), "\"2026-01-19\"^^<http://www.w3.org/2001/XMLSchema#date>");
        }
        if q.contains("kg:hostileTo") {
            let rels: Vec<String> = rows.iter().map(|r| r.get("relation").unwrap().to_string()).collect();
            assert!(rels.contains(&"\"strikes\"@en".to_string()) && rels.contains(&"\"opposes\"@en".to_string()), "{rels:?}");
        }
    }
}

/// Lexicon entries added for reputation and perception verbs, and the copula reading of
/// `is known to be a` (the extractor keys it as `be`).
#[test]
fn perception_and_reputation_entries() {
    let o = Ontology::embedded();
    let e = sample_entities();
    // (subject, surface, key, object, expected property)
    let cases: Vec<(&str, &str, K, &str, &str)> = vec![
        ("greta_quillen", "known to be a", verb("be"), "hard_line_leftist", "isA"),
        ("meeting", "seen as", verb_prep("see", "as"), "global_uncertainty", "isA"),
        ("don_strand", "known for", verb_prep("know", "for"), "businessman", "knownFor"),
        ("don_strand", "regarded as", verb_prep("regard", "as"), "businessman", "isA"),
    ];
    for (s, surface, k, ob, want) in cases {
        let t = triple(s, surface, k, ob, &e);
        let f = o.normalize(&t, &e, None, false).unwrap_or_else(|| panic!("{surface} dropped"));
        assert_eq!((f.predicate.name.as_str(), f.predicate.normalized), (want, true), "{surface}: {:?}", f.notes);
    }
}

/// A domain or range of owl:Thing accepts every entity type.
#[test]
fn owl_thing_accepts_everything() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("extra.ttl"),
        "@prefix kg: <https://w3id.org/kgraph/ontology#> .\n@prefix owl: <http://www.w3.org/2002/07/owl#> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\nkg:mentions a owl:ObjectProperty ; rdfs:label \"mentions\"@en ; rdfs:domain owl:Thing ; rdfs:range owl:Thing .\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("lexicon.tsv"), "mention\tkg:mentions\tso\n").unwrap();
    let o = Ontology::load(&[dir.path().to_path_buf()]).unwrap_or_else(|e| panic!("load: {e}"));
    let e = sample_entities();
    let t = triple("meeting", "mentioned", verb("mention"), "cuba", &e);
    let f = o.normalize(&t, &e, None, false).unwrap();
    assert_eq!((f.predicate.name.as_str(), f.predicate.normalized), ("mentions", true), "{:?}", f.notes);
}

#[test]
fn a_role_noun_mapped_to_a_broader_property_keeps_its_label() {
    let o = Ontology::embedded();
    let e = sample_entities();
    // `Senator Greta Quillen of Colombia`: stored as kg:officialOf, labelled by the role
    let t = triple("greta_quillen", "senator of", noun_prep("senator", "of"), "colombia", &e);
    let f = o.normalize(&t, &e, None, false).unwrap();
    assert_eq!((f.predicate.name.as_str(), f.predicate.label.as_str()), ("officialOf", "senator of"));
    // a role noun the property is named after keeps the property's label
    let t = triple("don_strand", "governor of", noun_prep("governor", "of"), "united_states", &e);
    let f = o.normalize(&t, &e, None, false).unwrap();
    assert_eq!((f.predicate.name.as_str(), f.predicate.label.as_str()), ("governorOf", "governor of"));
    // an event noun (a property of agents, not of persons) keeps the property's label
    let t = triple("united_states", "support for", noun_prep("support", "for"), "israel", &e);
    let f = o.normalize(&t, &e, None, false).unwrap();
    assert_eq!(f.predicate.label, o.schema.properties[&f.predicate.iri].display_label());
    // a verb relation named like its property keeps the property's label
    let t = triple("don_strand", "have clashed with", verb_prep("clash", "with"), "greta_quillen", &e);
    let f = o.normalize(&t, &e, None, false).unwrap();
    assert_eq!(f.predicate.label, o.schema.properties[&f.predicate.iri].display_label());
}

#[test]
fn a_subject_control_verb_leads_the_label_of_the_act() {
    let o = Ontology::embedded();
    let e = sample_entities();
    // `Colombia tried to restart pesticide spraying` (invented): the act's property, `try` in front
    let plain = o.normalize(&triple("colombia", "restarted", verb("restart"), "pesticide_spraying", &e), &e, None, false).unwrap();
    let mut t = triple("colombia", "tried to restart", verb("restart"), "pesticide_spraying", &e);
    t.triple.key.matrix = Some("try".into());
    let f = o.normalize(&t, &e, None, false).unwrap();
    assert_eq!(f.predicate.name, plain.predicate.name);
    assert_eq!(f.predicate.label, "try restart");
    // an open relation alike, its name still the act's
    let mut t = triple("greta_quillen", "agreed to sherlock", verb("sherlock"), "united_states", &e);
    t.triple.key.matrix = Some("agree".into());
    let f = o.normalize(&t, &e, None, false).unwrap();
    assert_eq!((f.predicate.name.as_str(), f.predicate.label.as_str()), ("sherlock", "agree sherlock"));
    // a gerund after the controlling verb reads as written (`began sherlocking`), the name the act's
    t.triple.key.matrix = Some("begin".into());
    t.triple.key.gerund = Some("sherlocking".into());
    let f = o.normalize(&t, &e, None, false).unwrap();
    assert_eq!((f.predicate.name.as_str(), f.predicate.label.as_str()), ("sherlock", "begin sherlocking"));
}

#[test]
fn a_verb_mapped_to_a_property_named_by_another_verb_keeps_its_label() {
    let o = Ontology::embedded();
    let e = sample_entities();
    // `The United Nations reported 20 flights`: stored as kg:announces, labelled `report`
    let t = triple("united_nations", "reported", verb("report"), "20_flights", &e);
    let f = o.normalize(&t, &e, None, false).unwrap();
    assert_eq!((f.predicate.name.as_str(), f.predicate.label.as_str()), ("announces", "report"));
    // the same clause in the passive (`20 flights were reported by …`), turned active: the same label
    let mut t = triple("united_nations", "reported", verb("report"), "20_flights", &e);
    t.triple.key.passive = true;
    let f = o.normalize(&t, &e, None, false).unwrap();
    assert_eq!((f.predicate.name.as_str(), f.predicate.label.as_str()), ("announces", "report"));
}

#[test]
fn agentless_passives_with_an_oblique_say_the_subject_underwent_it() {
    let o = Ontology::embedded();
    let e = sample_entities();
    // `Don Strand was found under the rubble.`: not `find under`
    let found = K { verb: Some("find"), prep: Some("under"), passive: true, ..K0 };
    let f = o.decide(&triple("don_strand", "found under", found, "iran", &e), &e, None, false).unwrap();
    assert_eq!(f.predicate.label, "be found under");
    // `Don Strand was sworn in at noon.`: the particle stays with the participle
    let sworn = K { verb: Some("swear"), particle: Some("in"), prep: Some("at"), passive: true, ..K0 };
    let f = o.decide(&triple("don_strand", "sworn at", sworn, "iran", &e), &e, None, false).unwrap();
    assert_eq!(f.predicate.label, "be sworn in at");
    // the active clause keeps its verb
    let found = K { verb: Some("find"), prep: Some("under"), ..K0 };
    let f = o.decide(&triple("don_strand", "found under", found, "iran", &e), &e, None, false).unwrap();
    assert_eq!(f.predicate.label, "find under");
}

#[test]
fn a_not_after_the_passive_participle_is_the_complement_s_not_the_fact_s_negation() {
    // `The clerk was found not guilty of fraud.` (invented): the verdict is `not guilty`
    assert_eq!(passive_participle("was found not guilty of", None), "found not guilty of");
    // `The clerk was not found guilty of fraud.`: the negation is the fact's flag, not its name
    assert_eq!(passive_participle("was not found guilty of", None), "found guilty of");
    assert_eq!(passive_participle("was never seen at", None), "seen at");
    assert_eq!(passive_participle("were n't sworn", Some("in")), "sworn in");
}

#[test]
fn a_speech_act_stores_its_statement_as_a_plain_literal() {
    let o = Ontology::embedded();
    let e = event_entities();
    // `Lena Ortmann announced the runway would reopen.` as the extractor hands it on
    let mut t = event("lena_ortmann", "announced", verb("announce"), &e);
    t.triple.rule = crate::extract::SPEECH_RULE.into();
    t.triple.extra = vec![arg("the runway would reopen")];
    let f = o.decide(&t, &e, None, false).unwrap();
    assert_eq!(f.object, FactObject::Literal(Literal { value: "the runway would reopen".into(), datatype: None, unit: None }));
    assert_eq!((f.predicate.iri.as_str(), f.predicate.label.as_str()), (format!("{REL}announce").as_str(), "announce"));
    assert!(!f.predicate.normalized, "a statement is no entity an ontology range could describe");
    assert!(f.notes.iter().any(|n| n.contains("speech act")), "{:?}", f.notes);
    // must give nothing: without its statement, or in strict mode
    let mut bare = t.clone();
    bare.triple.extra.clear();
    assert!(o.decide(&bare, &e, None, false).is_err());
    assert!(o.decide(&t, &e, None, true).is_err());
}
