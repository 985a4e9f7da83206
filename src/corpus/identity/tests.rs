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
}
