//! The analysis of one document as a JSON object: what `kgraph analyze --format jsonl` prints, one
//! line per document. Other tools (and evaluations) read it to see the sentences, tokens, trees,
//! named entities and coreference chains — who "he" and "the firm" are.
//!
//! In: an analysed [`Document`], its NER [`Mention`]s and the [`Chain`]s of
//! [`crate::nlp::coref`]. Out: an [`Analysis`] (serde), stable:
//!
//! ```text
//! {"doc": SOURCE, "text_length": N,
//!  "sentences": [{"start", "end", "tokens": [{"text", "start", "end", "upos", "xpos", "lemma", "head", "deprel"}]}],
//!  "entities": [{"start", "end", "text", "type", "chain"}],
//!  "chains": [{"id", "label", "type", "mentions": [{"start", "end", "text", "head", "kind"}]}]}
//! ```
//!
//! Offsets are Unicode code-point positions into the document text as read (after UTF-8
//! decoding, without a byte-order mark; for HTML, the extracted text): what Python's `str`
//! indexes; `end` is exclusive, and `text` is always `document[start:end]`. A token's `head` is
//! the 1-based index of its head within the sentence, 0 for the root (as in CoNLL-U). An entity's
//! `type` is the kgraph entity class (`Person`, `Organization`, `Country`, `City`, `Date`, …) and
//! `chain` the id of its coreference chain, or null. Chains have at least two mentions; `label`
//! is the representative mention's text, `type` the entity class of its names (or null), and each
//! mention gives its head word and `kind` (`name`, `nominal`, `pronoun`). Every pronoun or noun
//! phrase the resolver linked appears in its chain.

use crate::document::{Document, Mention, Sentence, Span};
use crate::nlp::coref::Chain;
use serde::{Deserialize, Serialize};

/// One document's analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Where the text came from (the path as given, `-` for standard input).
    pub doc: String,
    /// Length of the text in code points.
    pub text_length: usize,
    pub sentences: Vec<SentenceOut>,
    pub entities: Vec<EntityOut>,
    pub chains: Vec<ChainOut>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceOut {
    pub start: usize,
    pub end: usize,
    pub tokens: Vec<TokenOut>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenOut {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub upos: String,
    pub xpos: String,
    pub lemma: String,
    /// 1-based index of the head in the sentence, 0 for the root.
    pub head: usize,
    pub deprel: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The kgraph entity class (`Person`, `Organization`, `Country`, …).
    #[serde(rename = "type")]
    pub kind: String,
    /// Id of the chain this entity belongs to, if any.
    pub chain: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChainOut {
    pub id: usize,
    pub label: String,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub mentions: Vec<MentionOut>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The mention's head word.
    pub head: String,
    /// `name`, `nominal` or `pronoun`.
    pub kind: String,
}

/// The original characters of a span (falls back to nothing for a span outside the text).
fn slice(text: &str, span: &Span) -> String {
    text.get(span.byte.clone()).unwrap_or_default().to_owned()
}

/// The chain an NER mention belongs to: the chain with a mention of exactly its span, else one
/// whose (non-coordination) mention has its head inside the name.
fn chain_of(m: &Mention, chains: &[Chain]) -> Option<usize> {
    let same_span = chains.iter().find(|c| c.mentions.iter().any(|x| x.sentence == m.sentence && x.tokens == m.tokens));
    same_span
        .or_else(|| {
            chains.iter().find(|c| c.mentions.iter().any(|x| x.sentence == m.sentence && !x.coordination && m.tokens.contains(&x.head)))
        })
        .map(|c| c.id)
}

fn sentence_out(text: &str, s: &Sentence) -> SentenceOut {
    SentenceOut {
        start: s.span.char.start,
        end: s.span.char.end,
        tokens: s
            .tokens
            .iter()
            .map(|t| TokenOut {
                text: slice(text, &t.span),
                start: t.span.char.start,
                end: t.span.char.end,
                upos: t.upos.clone(),
                xpos: t.xpos.clone(),
                lemma: t.lemma.clone(),
                head: t.head,
                deprel: t.deprel.clone(),
            })
            .collect(),
    }
}

/// Builds the analysis object of a document.
pub fn analysis(doc: &Document, ner: &[Mention], chains: &[Chain]) -> Analysis {
    let entities = ner
        .iter()
        .map(|m| EntityOut {
            start: m.span.char.start,
            end: m.span.char.end,
            text: slice(&doc.text, &m.span),
            kind: m.kind.class_name().to_owned(),
            chain: chain_of(m, chains),
        })
        .collect();
    let chains = chains
        .iter()
        .map(|c| ChainOut {
            id: c.id,
            label: c.label().to_owned(),
            kind: c.entity_type.map(|t| t.class_name().to_owned()),
            mentions: c
                .mentions
                .iter()
                .map(|m| MentionOut {
                    start: m.span.char.start,
                    end: m.span.char.end,
                    text: slice(&doc.text, &m.span),
                    head: doc.sentences.get(m.sentence).and_then(|s| s.tokens.get(m.head)).map(|t| slice(&doc.text, &t.span)).unwrap_or_default(),
                    kind: m.kind.as_str().to_owned(),
                })
                .collect(),
        })
        .collect();
    Analysis {
        doc: doc.source.clone(),
        text_length: doc.text.chars().count(),
        sentences: doc.sentences.iter().map(|s| sentence_out(&doc.text, s)).collect(),
        entities,
        chains,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Pipeline, PipelineOptions};
    use crate::source::SourceText;

    #[test]
    fn offsets_are_code_points_and_pronouns_join_their_chain() {
        let text = "Über alles: Marta Kowalczyk opened a clinic in Gdańsk. She runs it with her brother.";
        let pipeline = Pipeline::new(PipelineOptions::default()).unwrap();
        let (doc, ner) = pipeline.analyze(SourceText::from_string("t.txt", text));
        let chains = crate::nlp::coref::Coref::embedded().unwrap().resolve(&doc, &ner);
        let a = analysis(&doc, &ner, &chains);
        let chars: Vec<char> = text.chars().collect();
        let at = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        assert_eq!(a.text_length, chars.len());
        for t in a.sentences.iter().flat_map(|s| &s.tokens) {
            assert_eq!(at(t.start, t.end), t.text);
        }
        let marta = a.entities.iter().find(|e| e.text == "Marta Kowalczyk").expect("person found");
        assert_eq!((marta.start, marta.end), (12, 27));
        assert_eq!(marta.kind, "Person");
        let chain = &a.chains[marta.chain.expect("the person has a chain")];
        assert!(chain.mentions.iter().any(|m| m.text == "She" && m.kind == "pronoun"), "{chain:?}");
        for m in a.chains.iter().flat_map(|c| &c.mentions) {
            assert_eq!(at(m.start, m.end), m.text);
        }
        let json = serde_json::to_string(&a).unwrap();
        assert!(json.contains("\"type\":\"Person\"") && json.contains("\"text_length\":"), "{json}");
    }
}
