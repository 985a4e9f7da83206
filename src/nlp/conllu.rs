//! CoNLL-U reading and writing (the format of UD English EWT).
//!
//! In: a `.conllu` file. Out: [`ConlluSentence`]s whose `words` are [`Token`]s with form, lemma,
//! upos, xpos, feats, head and deprel filled from the file. Multi-word tokens (`3-4 don't`) are kept
//! as [`MultiwordToken`] ranges; empty nodes (`8.1`) are skipped (they belong to the enhanced graph).
//! Spans are left empty: CoNLL-U words carry no offsets (the raw-text evaluation aligns them itself).

use crate::document::Token;
use std::fmt::Write as _;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// A CoNLL-U syntax or I/O error with its location.
#[derive(Debug, thiserror::Error)]
pub enum ConlluError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}: {message}")]
    Syntax { path: PathBuf, line: usize, message: String },
}

/// A surface token spanning several words (`don't` = `do` + `n't`). `words` is 0-based, end exclusive.
#[derive(Debug, Clone, PartialEq)]
pub struct MultiwordToken {
    pub words: std::ops::Range<usize>,
    pub form: String,
    pub space_after: bool,
}

/// One sentence of a CoNLL-U file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ConlluSentence {
    pub sent_id: Option<String>,
    /// The `# text = …` line.
    pub text: Option<String>,
    /// A `# newdoc` comment precedes this sentence.
    pub newdoc: bool,
    /// A `# newpar` comment precedes this sentence.
    pub newpar: bool,
    pub words: Vec<Token>,
    pub multiword: Vec<MultiwordToken>,
    /// Every comment line before the sentence, without the `#` and trimmed (`speaker = Ann`).
    pub comments: Vec<String>,
    /// The MISC column of each word (`SpaceAfter=No|Entity=(3-person…`), `_` when empty.
    pub misc: Vec<String>,
}

/// Reads every sentence of a CoNLL-U file.
pub fn read_file(path: &Path) -> Result<Vec<ConlluSentence>, ConlluError> {
    let file = std::fs::File::open(path).map_err(|source| ConlluError::Io { path: path.to_owned(), source })?;
    read(std::io::BufReader::new(file), path)
}

/// Reads every sentence from a reader; `path` is used in error messages.
pub fn read(reader: impl BufRead, path: &Path) -> Result<Vec<ConlluSentence>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current = ConlluSentence::default();
    for (i, line) in reader.lines().enumerate() {
        let line_no = i + 1;
        let line = line.map_err(|source| ConlluError::Io { path: path.to_owned(), source })?;
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !current.words.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            read_comment(comment.trim(), &mut current);
            continue;
        }
        read_word_line(line, &mut current)
            .map_err(|message| ConlluError::Syntax { path: path.to_owned(), line: line_no, message })?;
    }
    if !current.words.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

fn read_comment(comment: &str, sentence: &mut ConlluSentence) {
    sentence.comments.push(comment.to_owned());
    if let Some(rest) = comment.strip_prefix("text =") {
        sentence.text = Some(rest.trim().to_owned());
    } else if let Some(rest) = comment.strip_prefix("sent_id =") {
        sentence.sent_id = Some(rest.trim().to_owned());
    } else if comment.starts_with("newdoc") {
        sentence.newdoc = true;
    } else if comment.starts_with("newpar") {
        sentence.newpar = true;
    }
}

fn read_word_line(line: &str, sentence: &mut ConlluSentence) -> Result<(), String> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() != 10 {
        return Err(format!("expected 10 tab-separated columns, found {}", cols.len()));
    }
    let id = cols[0];
    let space_after = !cols[9].split('|').any(|m| m == "SpaceAfter=No");
    if id.contains('.') {
        return Ok(()); // empty node of the enhanced graph
    }
    if let Some((a, b)) = id.split_once('-') {
        let a: usize = a.parse().map_err(|_| format!("bad multiword id {id:?}"))?;
        let b: usize = b.parse().map_err(|_| format!("bad multiword id {id:?}"))?;
        if a == 0 || b < a {
            return Err(format!("bad multiword range {id:?}"));
        }
        sentence.multiword.push(MultiwordToken { words: a - 1..b, form: cols[1].to_owned(), space_after });
        return Ok(());
    }
    let n: usize = id.parse().map_err(|_| format!("bad word id {id:?}"))?;
    if n != sentence.words.len() + 1 {
        return Err(format!("word id {n} out of sequence"));
    }
    let head = if cols[6] == "_" { 0 } else { cols[6].parse().map_err(|_| format!("bad head {:?}", cols[6]))? };
    sentence.words.push(Token {
        form: cols[1].to_owned(),
        lemma: cols[2].to_owned(),
        upos: cols[3].to_owned(),
        xpos: cols[4].to_owned(),
        feats: cols[5].to_owned(),
        head,
        deprel: cols[7].to_owned(),
        space_after,
        ..Default::default()
    });
    sentence.misc.push(cols[9].to_owned());
    Ok(())
}

/// Writes tokens as one CoNLL-U sentence (no multiword lines; DEPS and MISC minimal).
pub fn write_sentence(out: &mut String, text: Option<&str>, words: &[Token]) {
    if let Some(t) = text {
        let _ = writeln!(out, "# text = {t}");
    }
    for (i, w) in words.iter().enumerate() {
        let or_ = |s: &str| if s.is_empty() { "_".to_owned() } else { s.to_owned() };
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t{}",
            i + 1,
            w.form,
            or_(&w.lemma),
            or_(&w.upos),
            or_(&w.xpos),
            or_(&w.feats),
            w.head,
            or_(&w.deprel),
            if w.space_after { "_" } else { "SpaceAfter=No" }
        );
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# sent_id = s1\n# newpar id = p1\n# text = I don't.\n\
1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
1\tI\tI\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n\
2\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\tSpaceAfter=No\n\
3.1\tx\tx\t_\t_\t_\t_\t_\t_\t_\n\
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_comments_and_multiword_tokens() {
        let s = read(SAMPLE.as_bytes(), Path::new("x.conllu")).unwrap();
        assert_eq!(s.len(), 1);
        let s = &s[0];
        assert!(s.newdoc && s.newpar);
        assert_eq!(s.text.as_deref(), Some("I don't."));
        assert_eq!(s.words.len(), 4);
        assert_eq!(s.words[2].lemma, "not");
        assert!(!s.words[2].space_after);
        assert_eq!(s.words[0].head, 2);
        assert_eq!(s.multiword[0].words, 0..2);
        assert_eq!(s.comments[0], "newdoc id = d1");
        assert_eq!(s.misc, vec!["_", "_", "SpaceAfter=No", "_"]);
    }

    #[test]
    fn syntax_errors_name_file_and_line() {
        let bad = "# text = x\n1\tx\tx\n";
        let err = read(bad.as_bytes(), Path::new("bad.conllu")).unwrap_err().to_string();
        assert!(err.starts_with("bad.conllu:2:"), "{err}");
    }

    #[test]
    fn write_then_read_round_trips() {
        let s = read(SAMPLE.as_bytes(), Path::new("x")).unwrap();
        let mut out = String::new();
        write_sentence(&mut out, s[0].text.as_deref(), &s[0].words);
        let back = read(out.as_bytes(), Path::new("y")).unwrap();
        assert_eq!(back[0].words, s[0].words);
    }
}
