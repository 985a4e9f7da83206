use super::*;
use crate::pipeline::{Pipeline, PipelineOptions, ProcessedDocument, SourceText};

fn process(name: &str, text: &str) -> ProcessedDocument {
    let pipeline = Pipeline::new(PipelineOptions::default()).expect("embedded models");
    pipeline.process(SourceText::from_string(name, text))
}

fn id_of<'a>(doc: &'a ProcessedDocument, label_start: &str) -> Option<&'a str> {
    doc.entities.iter().find(|e| e.label.starts_with(label_start)).map(|e| e.id.as_str())
}

#[test]
fn common_nouns_are_document_nodes_and_full_names_corpus_nodes() {
    let doc = process(
        "a.txt",
        "Quentin Marlowe criticized the officials on Monday. People protested against the officials in the square.",
    );
    assert_eq!(id_of(&doc, "Quentin Marlowe"), Some("quentin_marlowe"));
    let officials = id_of(&doc, "officials").expect("officials are a node");
    assert_eq!(officials, format!("officials.{}", doc.document.id));
    for f in &doc.facts {
        assert!(doc.entities.iter().any(|e| e.id == f.subject), "fact subject {} has its entity", f.subject);
    }
}

#[test]
fn a_lone_surname_is_its_document_node() {
    let doc = process("b.txt", "Marlowe criticized the plan. Marlowe said the plan was too expensive.");
    let id = id_of(&doc, "Marlowe").expect("a node for Marlowe");
    assert_eq!(id, format!("marlowe.{}", doc.document.id));
}

#[test]
fn a_generic_institution_takes_the_document_country() {
    let text = "The Senate of Freedonia met in Ruritania. Ruritania approved the budget. The Senate rejected the budget. \
                Ruritania welcomed the vote, and Ruritania thanked the Senate.";
    let minter = IdentityMinter::new(None);
    let words = |s: &str| s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
    assert!(minter.is_generic(&words("Senate")));
    assert!(minter.is_generic(&words("Prime Minister")));
    assert!(!minter.is_generic(&words("Orbis Holdings")));
    let _ = text;
}

#[test]
fn dates_with_a_year_and_capitalised_concepts_are_corpus_nodes() {
    assert!(has_year("5 May 2019"));
    assert!(!has_year("Monday"));
    let doc = process("c.txt", "Officials said Glorbex would help. The ministry praised Glorbex again.");
    assert!(names_unique_thing(&doc.document, "Glorbex"));
    assert!(!names_unique_thing(&doc.document, "Officials"));
    let doc = process("f.txt", "Voters met the Quellist Party. A lot of Quellists said the Glorbex account was closed after a magnitude of 4.5 and the QX-7 virus.");
    assert!(!names_unique_thing(&doc.document, "lot of Quellists"));
    assert!(!names_unique_thing(&doc.document, "Glorbex account"));
    assert!(!names_unique_thing(&doc.document, "magnitude of 4.5"));
    assert!(names_unique_thing(&doc.document, "QX-7"));
    assert!(names_unique_thing(&doc.document, "Quellist Party"));
}

#[test]
fn a_title_and_a_surname_are_the_documents_own_until_linked() {
    let doc = process("d.txt", "Senator Quell criticized the plan. Quell said the plan was too expensive.");
    let id = id_of(&doc, "Senator Quell").or_else(|| id_of(&doc, "Quell")).expect("a node for Quell");
    assert!(id.ends_with(&format!(".{}", doc.document.id)), "{id}");
    assert!(is_title_before_surname("senator") && is_title_before_surname("mr"));
    assert!(!is_title_before_surname("king") && !is_title_before_surname("quell"));
}

#[test]
fn a_post_written_in_capitals_is_no_corpus_organisation() {
    let doc = process("e.txt", "The Senior Harbour Inspector closed the dock. Workers criticized the Senior Harbour Inspector.");
    let analyzer = crate::nlp::Analyzer::embedded().expect("embedded models");
    let minter = IdentityMinter::new(Some(&analyzer.tags.lemmatizer));
    let words = |s: &str| s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
    assert!(minter.names_a_post(&words("Senior Harbour Inspector")));
    assert!(minter.names_a_post(&words("Chief Medical Officer")));
    assert!(!minter.names_a_post(&words("Orbis Holdings")));
    assert!(!minter.names_a_post(&words("Harbour Authority")));
    // an adjective made from a known noun is an ordinary word even where the treebanks lack it
    assert!(minter.names_a_post(&words("Divisional Ferry Manager")));
    assert!(minter.is_ordinary_word("divisional") && !minter.is_ordinary_word("zemblal"));
    if let Some(id) = id_of(&doc, "Senior Harbour Inspector") {
        assert!(id.ends_with(&doc.document.id), "{id}");
    }
}

#[test]
fn a_name_that_already_says_its_country_is_not_qualified_again() {
    assert!(names_the_country("Zembla Senate", "Zembla"));
    assert!(names_the_country("North Zembla Senate", "North Zembla"));
    assert!(!names_the_country("Senate", "North Zembla"));
    assert!(!names_the_country("Zemblan Senate", "Zembla"));
    assert!(!names_the_country("North Senate", "North Zembla"));
}

#[test]
fn an_institution_that_opens_with_its_country_is_that_country_s() {
    let chile = Some(("chile".to_owned(), "Chile".to_owned(), "Senate".to_owned()));
    assert_eq!(country_in_name("Chile Senate"), chile);
    assert_eq!(country_in_name("UK Parliament").map(|c| (c.0, c.2)), Some(("united_kingdom".to_owned(), "Parliament".to_owned())));
    assert_eq!(country_in_name("Peruvian Senate").map(|c| c.0), Some("peru".to_owned()));
    assert_eq!(country_in_name("Peru Constitutional Court").map(|c| c.2), Some("Constitutional Court".to_owned()));
    for other in ["Senate", "Zembla Senate", "Constitutional Court"] {
        assert_eq!(country_in_name(other), None, "{other}");
    }
    // in a document about another country, the name's own country wins
    let minter = IdentityMinter::new(None);
    let doc = process("c.txt", "The committee met.");
    let senate = Entity { id: "chile_senate".into(), label: "Chile Senate".into(), kind: EntityType::GovernmentBody, aliases: vec![], wikidata: None, merges: vec![] };
    let zembla = ("zembla".to_owned(), "Zembla".to_owned());
    assert_eq!(
        minter.scope(&doc.document, &senate, Some(&zembla)),
        Scope::Context { country: "chile".into(), country_label: "Chile".into() }
    );
}
