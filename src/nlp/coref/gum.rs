//! Reading coreference gold data: CoNLL-U files whose MISC column carries `Entity=` in the
//! CoNLL-2012 bracket notation of GUM / CorefUD (`(12-person-…` opens a mention of entity 12,
//! `12)` closes it, `(12-person-…)` is a one-word mention).
//!
//! In: a `.conllu` path. Out: [`GoldDoc`]s, one per `# newdoc`: a [`Document`] rebuilt from the
//! gold words (text, sentences, tokens with byte/char spans; no tags: the caller analyses it with
//! our own models), the gold annotation of each word kept aside (for definitions that need gold
//! tags, such as "third-person pronoun"), the gold mentions with their entity group and type, and
//! the `# speaker` of each sentence when the file gives one.
//!
//! The text is the words joined by one space, or none where `SpaceAfter=No` (inside a multi-word
//! token, none), sentences separated by a newline and paragraphs (`# newpar`) by a blank line.

use crate::document::{Document, Sentence, Span, Token};
use crate::nlp::conllu::{self, ConlluError, ConlluSentence};
use std::io::BufRead;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// A syntax or I/O error in a gold file, with its location.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}: {message}")]
    Syntax { path: PathBuf, line: usize, message: String },
    #[error("{path}: document {doc}, sentence {sentence}: {message}")]
    Annotation { path: PathBuf, doc: String, sentence: usize, message: String },
}

/// One gold mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldMention {
    pub sentence: usize,
    /// Word range in the sentence (0-based, end exclusive).
    pub tokens: Range<usize>,
    /// The entity group id (all mentions with one id in a document corefer).
    pub entity: String,
    /// The entity type (`person`, `organization`, `place`, `abstract`, …).
    pub etype: String,
}

/// One gold document.
#[derive(Debug, Clone, Default)]
pub struct GoldDoc {
    /// The `# newdoc id`.
    pub id: String,
    /// Text and words only (forms, spans, `space_after`); tags left empty for our analysis.
    pub document: Document,
    /// The gold words per sentence, with gold UPOS, FEATS, heads and relations.
    pub gold: Vec<Vec<Token>>,
    pub mentions: Vec<GoldMention>,
    /// The `# speaker` of each sentence, when given.
    pub speakers: Vec<Option<String>>,
}

impl GoldDoc {
    /// Gold entities as clusters of mention indices, in order of first mention.
    pub fn clusters(&self) -> Vec<Vec<usize>> {
        let mut order: Vec<&str> = Vec::new();
        let mut members: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
        for (i, m) in self.mentions.iter().enumerate() {
            let e = members.entry(m.entity.as_str()).or_default();
            if e.is_empty() {
                order.push(&m.entity);
            }
            e.push(i);
        }
        order.into_iter().map(|e| members.remove(e).unwrap_or_default()).collect()
    }
}

/// Reads every document of a gold file.
pub fn read_file(path: &Path) -> Result<Vec<GoldDoc>, GoldError> {
    let file = std::fs::File::open(path).map_err(|source| GoldError::Io { path: path.to_owned(), source })?;
    read(std::io::BufReader::new(file), path)
}

/// Reads every document from a reader; `path` is used in error messages.
pub fn read(reader: impl BufRead, path: &Path) -> Result<Vec<GoldDoc>, GoldError> {
    let sentences = conllu::read(reader, path).map_err(|e| match e {
        ConlluError::Io { path, source } => GoldError::Io { path, source },
        ConlluError::Syntax { path, line, message } => GoldError::Syntax { path, line, message },
    })?;
    let mut docs: Vec<(String, Vec<ConlluSentence>)> = Vec::new();
    for mut s in sentences {
        let id = s.comments.iter().find_map(|c| c.strip_prefix("newdoc id =")).map(|id| id.trim().to_owned());
        if s.newdoc || docs.is_empty() {
            docs.push((id.unwrap_or_else(|| format!("doc{}", docs.len() + 1)), Vec::new()));
            s.newpar = true;
        }
        // Words inside a multi-word token are written together (`did` `n't` → `didn't`).
        for mwt in &s.multiword {
            let n = s.words.len();
            for w in mwt.words.clone().filter(|&w| w < n) {
                s.words[w].space_after = w + 1 == mwt.words.end && mwt.space_after;
            }
        }
        docs.last_mut().expect("pushed").1.push(s);
    }
    docs.into_iter().map(|(id, sents)| build_doc(id, sents, path)).collect()
}

/// Joins the words into a text and collects the mentions.
fn build_doc(id: String, sents: Vec<ConlluSentence>, path: &Path) -> Result<GoldDoc, GoldError> {
    let mut text = String::new();
    let mut chars = 0usize;
    let mut doc = GoldDoc { id: id.clone(), ..Default::default() };
    let mut paragraph = 0usize;
    for (si, raw) in sents.into_iter().enumerate() {
        if raw.newpar || paragraph == 0 {
            paragraph += 1;
        }
        if si > 0 {
            let sep = if raw.newpar { "\n\n" } else { "\n" };
            text.push_str(sep);
            chars += sep.len();
        }
        let (start_byte, start_char) = (text.len(), chars);
        let mut tokens = Vec::with_capacity(raw.words.len());
        for (wi, w) in raw.words.iter().enumerate() {
            let (b0, c0) = (text.len(), chars);
            text.push_str(&w.form);
            chars += w.form.chars().count();
            tokens.push(Token::new(w.form.clone(), Span::new(b0..text.len(), c0..chars)));
            tokens.last_mut().expect("pushed").space_after = w.space_after;
            if w.space_after && wi + 1 < raw.words.len() {
                text.push(' ');
                chars += 1;
            }
        }
        let span = Span::new(start_byte..text.len(), start_char..chars);
        let sentence_text = text[span.byte.clone()].to_owned();
        let entity: Vec<&str> =
            raw.misc.iter().map(|m| m.split('|').find_map(|kv| kv.strip_prefix("Entity=")).unwrap_or("")).collect();
        let found = parse_mentions(&entity, si).map_err(|message| GoldError::Annotation {
            path: path.to_owned(),
            doc: id.clone(),
            sentence: si + 1,
            message,
        })?;
        doc.mentions.extend(found);
        doc.document.sentences.push(Sentence { index: si, paragraph, span, text: sentence_text, tokens });
        doc.speakers.push(raw.comments.iter().find_map(|c| c.strip_prefix("speaker =")).map(|v| v.trim().to_owned()));
        doc.gold.push(raw.words);
    }
    doc.document.id = id.clone();
    doc.document.source = format!("{}#{id}", path.display());
    doc.document.text = text;
    Ok(doc)
}

/// Parses the `Entity=` values of one sentence's words into mentions (sentence-internal: GUM
/// mentions never cross a sentence boundary; one that does is an error).
pub(crate) fn parse_mentions(entity: &[&str], sentence: usize) -> Result<Vec<GoldMention>, String> {
    let mut open: Vec<(String, String, usize)> = Vec::new();
    let mut out = Vec::new();
    for (wi, value) in entity.iter().enumerate() {
        let mut rest = *value;
        while !rest.is_empty() {
            if let Some(body) = rest.strip_prefix('(') {
                let end = body.find(['(', ')']).unwrap_or(body.len());
                let fields = &body[..end];
                let closes = body[end..].starts_with(')');
                let id: String = fields.split(['-', '[']).next().unwrap_or("").to_owned();
                let etype = fields.split('-').nth(1).unwrap_or("").to_owned();
                if id.is_empty() {
                    return Err(format!("mention without an entity id in {value:?}"));
                }
                if closes {
                    out.push(GoldMention { sentence, tokens: wi..wi + 1, entity: id, etype });
                    rest = &body[end + 1..];
                } else {
                    open.push((id, etype, wi));
                    rest = &body[end..];
                }
            } else {
                let end = rest.find(')').ok_or_else(|| format!("unbalanced entity annotation {value:?}"))?;
                let id = rest[..end].split('[').next().unwrap_or("");
                let pos = open.iter().rposition(|(o, _, _)| o == id).ok_or_else(|| format!("closing {id:?} never opened"))?;
                let (id, etype, start) = open.remove(pos);
                out.push(GoldMention { sentence, tokens: start..wi + 1, entity: id, etype });
                rest = &rest[end + 1..];
            }
        }
    }
    if let Some((id, _, _)) = open.first() {
        return Err(format!("mention of entity {id} not closed within its sentence"));
    }
    out.sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An invented two-document file in GUM's notation.
    const SAMPLE: &str = "# newdoc id = d1\n# newpar\n# speaker = Ann\n# text = Mira met her brother.\n\
1\tMira\tMira\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\tEntity=(1-person-new-x-y-1-coref-Mira)\n\
2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\ther\tshe\tPRON\tPRP$\tPerson=3|Poss=Yes\t4\tnmod:poss\t_\tEntity=(2-person-new-x-y-2-coref(1-person-giv-x-y-1-coref)\n\
4\tbrother\tbrother\tNOUN\tNN\tNumber=Sing\t2\tobj\t_\tEntity=2)|SpaceAfter=No\n\
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n\
# text = He didn't.\n\
1\tHe\the\tPRON\tPRP\tPerson=3\t2\tnsubj\t_\tEntity=(2-person-giv-x-y-1-coref)\n\
2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\
2\tdid\tdo\tAUX\tVBD\t_\t0\troot\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\t_\n\
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n\
# newdoc id = d2\n# text = Rain.\n\
1\tRain\train\tNOUN\tNN\t_\t0\troot\t_\tEntity=(1-substance-new-x-y-1-sgl)|SpaceAfter=No\n\
2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n";

    #[test]
    fn reads_documents_text_and_mentions() {
        let docs = read(SAMPLE.as_bytes(), Path::new("s.conllu")).unwrap();
        assert_eq!(docs.len(), 2);
        let d = &docs[0];
        assert_eq!(d.id, "d1");
        assert_eq!(d.document.text, "Mira met her brother.\nHe didn't.");
        let words: Vec<&str> = d.document.sentences[1].tokens.iter().map(|t| &d.document.text[t.span.byte.clone()]).collect();
        assert_eq!(words, vec!["He", "did", "n't", "."]);
        assert_eq!(d.speakers, vec![Some("Ann".to_owned()), None]);
        let spans: Vec<(usize, Range<usize>, &str)> = d.mentions.iter().map(|m| (m.sentence, m.tokens.clone(), m.entity.as_str())).collect();
        assert_eq!(spans, vec![(0, 0..1, "1"), (0, 2..4, "2"), (0, 2..3, "1"), (1, 0..1, "2")]);
        assert_eq!(d.clusters(), vec![vec![0, 2], vec![1, 3]]);
        assert_eq!(d.gold[0][2].upos, "PRON");
        assert!(d.document.sentences[0].tokens[0].upos.is_empty(), "tags are left for our models");
        assert_eq!(docs[1].mentions[0].etype, "substance");
    }

    #[test]
    fn unbalanced_brackets_name_the_file() {
        let bad = "# newdoc id = x\n1\tA\ta\tNOUN\tNN\t_\t0\troot\t_\tEntity=(1-person-new\n\n";
        let err = read(bad.as_bytes(), Path::new("bad.conllu")).unwrap_err().to_string();
        assert!(err.starts_with("bad.conllu:") && err.contains("not closed"), "{err}");
        let bad = "# newdoc id = x\n1\tA\ta\tNOUN\tNN\t_\t0\troot\t_\tEntity=3)\n\n";
        assert!(read(bad.as_bytes(), Path::new("b")).is_err());
    }
}
