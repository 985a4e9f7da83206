//! Raw text rebuilt from a CoNLL-U treebank, with the gold tokens and sentences located in it.
//!
//! The text follows the CoNLL 2018 shared task's `conllu_to_text.pl`: a document's sentences
//! (`# text`) are joined by one space, `# newpar` starts a paragraph (a blank line), `# newdoc` a
//! document. The script also wraps lines at 80 characters; [`RawDoc::wrapped`] does that when
//! wanted (it turns spaces into line breaks, so offsets do not move). Used by the raw-text
//! scorer ([`super::score`]) and to train the sentence-boundary model ([`super::boundary`]).

use std::ops::Range;

/// One gold document's raw text with its gold units as byte ranges into `text`.
#[derive(Debug, Clone, Default)]
pub struct RawDoc {
    pub text: String,
    /// Surface tokens, each with the lowercased words of a multi-word token (empty otherwise).
    pub tokens: Vec<(Range<usize>, Vec<String>)>,
    /// Gold sentences, in order.
    pub sentences: Vec<Range<usize>>,
}

#[derive(Default)]
struct GoldSentence {
    text: String,
    newpar: bool,
    tokens: Vec<(String, Vec<String>)>,
    mwt_left: usize,
}

/// Reads a CoNLL-U treebank into raw documents. Only the columns this needs are read (ID,
/// FORM); a malformed line, or a token that does not match its `# text`, is an error naming
/// the line.
pub fn raw_documents(conllu: &str) -> Result<Vec<RawDoc>, String> {
    let mut docs = Vec::new();
    let mut doc: Vec<GoldSentence> = Vec::new();
    let mut cur = GoldSentence::default();
    let mut doc_line = 1;
    for (i, line) in conllu.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.tokens.is_empty() {
                doc.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim();
            if c.starts_with("newdoc") {
                if !doc.is_empty() {
                    docs.push(build_document(&doc).map_err(|e| format!("document at line {doc_line}: {e}"))?);
                }
                doc.clear();
                doc_line = i + 1;
                cur.newpar = true;
            } else if c.starts_with("newpar") {
                cur.newpar = true;
            } else if let Some(t) = c.strip_prefix("text =") {
                cur.text = t.trim().to_owned();
            }
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(id), Some(form)) = (cols.next(), cols.next()) else {
            return Err(format!("line {}: expected tab-separated columns", i + 1));
        };
        if id.contains('.') {
            continue;
        }
        if let Some((a, b)) = id.split_once('-') {
            let (a, b): (usize, usize) = match (a.parse(), b.parse()) {
                (Ok(a), Ok(b)) if b >= a => (a, b),
                _ => return Err(format!("line {}: bad range {id:?}", i + 1)),
            };
            cur.tokens.push((form.to_owned(), Vec::with_capacity(b - a + 1)));
            cur.mwt_left = b - a + 1;
        } else if cur.mwt_left > 0 {
            cur.mwt_left -= 1;
            cur.tokens.last_mut().expect("range line came first").1.push(form.to_lowercase());
        } else {
            cur.tokens.push((form.to_owned(), Vec::new()));
        }
    }
    if !cur.tokens.is_empty() {
        doc.push(cur);
    }
    if !doc.is_empty() {
        docs.push(build_document(&doc).map_err(|e| format!("document at line {doc_line}: {e}"))?);
    }
    Ok(docs)
}

fn build_document(doc: &[GoldSentence]) -> Result<RawDoc, String> {
    let mut text = String::new();
    for (i, s) in doc.iter().enumerate() {
        if i > 0 {
            text.push_str(if s.newpar { "\n\n" } else { " " });
        }
        text.push_str(&s.text);
    }
    let mut out = RawDoc { text, ..Default::default() };
    let mut pos = 0;
    for s in doc {
        let spans = super::score::align_forms(&out.text[pos..], s.tokens.iter().map(|t| t.0.as_str()))
            .map_err(|k| format!("token {:?} does not match the # text {:?}", s.tokens[k].0, s.text))?;
        for (r, (_, words)) in spans.iter().zip(&s.tokens) {
            out.tokens.push((r.start + pos..r.end + pos, words.clone()));
        }
        let (a, b) = (spans[0].start + pos, spans[spans.len() - 1].end + pos);
        out.sentences.push(a..b);
        pos = b;
    }
    Ok(out)
}

impl RawDoc {
    /// The same document with lines wrapped at `width` characters the way `conllu_to_text.pl`
    /// does: inside each paragraph, a line ends at its last space before column `width` (or at
    /// the first space after it, when a word is longer), and only while the rest of the
    /// paragraph is at least `width` characters long. Spaces become `\n`; offsets do not move.
    pub fn wrapped(&self, width: usize) -> RawDoc {
        let mut bytes = self.text.clone().into_bytes();
        for para in self.text.split("\n\n") {
            let base = para.as_ptr() as usize - self.text.as_ptr() as usize;
            let mut line_start = 0; // byte offset in para
            loop {
                let rest = &para[line_start..];
                if rest.chars().count() < width {
                    break;
                }
                let mut last_space = None;
                for (ci, (bi, c)) in rest.char_indices().enumerate() {
                    if ci > width && last_space.is_some() {
                        break;
                    }
                    if c == ' ' {
                        last_space = Some(bi);
                    }
                }
                match last_space {
                    Some(bi) if bi > 0 => {
                        bytes[base + line_start + bi] = b'\n';
                        line_start += bi + 1;
                    }
                    _ => break,
                }
            }
        }
        RawDoc {
            text: String::from_utf8(bytes).expect("only ASCII spaces were replaced"),
            tokens: self.tokens.clone(),
            sentences: self.sentences.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO_PARAS: &str = "# newdoc id = d\n# newpar\n# text = I don't.\n1\tI\n2-3\tdon't\n2\tdo\n3\tn't\n4\t.\n\n\
# text = Yes sir\n1\tYes\n2\tsir\n\n# newpar\n# text = Bye.\n1\tBye\n2\t.\n\n";

    #[test]
    fn rebuilds_text_and_locates_gold_units() {
        let docs = raw_documents(TWO_PARAS).unwrap();
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.text, "I don't. Yes sir\n\nBye.");
        let sents: Vec<&str> = d.sentences.iter().map(|r| &d.text[r.clone()]).collect();
        assert_eq!(sents, ["I don't.", "Yes sir", "Bye."]);
        assert_eq!(d.tokens[1], (2..7, vec!["do".to_string(), "n't".to_string()]));
        assert!(raw_documents("# text = a\n1\tb\n\n").is_err());
        assert!(raw_documents("# text = a\n1\n\n").unwrap_err().starts_with("line 2"));
    }

    #[test]
    fn wrapping_replaces_spaces_only() {
        let words: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
        let doc = RawDoc { text: words.join(" ") + "\n\nshort one", ..Default::default() };
        let w = doc.wrapped(20);
        assert_eq!(w.text.len(), doc.text.len());
        assert_eq!(w.text.replace('\n', " ").replace("  ", "\n\n"), doc.text.replace("\n\n", "\n\n"));
        let lines: Vec<&str> = w.text.split('\n').collect();
        assert!(lines.len() > 5, "{lines:?}");
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert!(w.text.ends_with("\n\nshort one"));
    }
}
