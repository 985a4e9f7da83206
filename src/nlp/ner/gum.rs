//! GUM entities as NER training and evaluation data: the names inside GUM's typed mentions,
//! mapped to the UNER classes.
//!
//! In: a GUM `.conllu` file (gold tokens, XPOS, heads and the `Entity=` bracket annotation, read by
//! [`crate::nlp::coref::gum`]). Out: [`NerSentence`]s in the UNER label set, one per sentence,
//! keyed by `sent_id` so training can join them with jackknifed POS tags.
//!
//! GUM marks every mention (pronouns and nominals too) with a type, while UNER marks only names.
//! The mapping:
//! - type `person` → PER, `organization` → ORG, `place` → LOC; every other type (event, abstract,
//!   object, time, substance, animal, plant) gives no name (UNER's OTH is mapped to O as well);
//! - a mention gives a name only when its syntactic head (the one word whose head lies outside the
//!   mention) is a proper noun (XPOS `NNP`/`NNPS`): `the airline` and `she` give nothing;
//! - the name is the run of proper nouns around that head inside the mention, joined across
//!   short connectors (`of`, `of the`, `&`, `-`, `de`, `for`, …; not `and`, which joins two names),
//!   so determiners, adjectives and appositions stay outside as in UNER;
//! - leading titles (`President`, `Dr.`) are cut off person names, as UNER does;
//! - nested names do not overlap in UNER: the longest wins (`University of Portsmouth` as ORG, not
//!   the place inside it).

use super::NerError;
use super::bilou::NerClass;
use super::eval::NerSentence;
use crate::document::Token;
use crate::nlp::coref::gum::{GoldMention, parse_mentions};
use std::ops::Range;
use std::path::Path;

/// The UNER class of a GUM entity type; `None` for types UNER does not mark.
pub fn class_of(etype: &str) -> Option<NerClass> {
    match etype {
        "person" => Some(NerClass::Per),
        "organization" => Some(NerClass::Org),
        "place" => Some(NerClass::Loc),
        _ => None,
    }
}

/// Words that may join two proper nouns inside any name (`Anne-Lise`, `Piet van Dorn`).
const PARTICLES: &[&str] = &["-", "de", "del", "da", "di", "du", "van", "von", "der", "la", "le"];
/// Words that may join two proper nouns inside an organisation or place name (`Bank of the North`,
/// `Smith & Sons`), but not a person's (`Ada Marr of the Institute` is a person and an organisation).
const LINKS: &[&str] = &["of", "the", "&", "for", "on", "upon"];
/// At most this many connector words in a row.
const MAX_GAP: usize = 2;

fn is_proper(t: &Token) -> bool {
    t.xpos == "NNP" || t.xpos == "NNPS"
}

fn is_connector(t: &Token, class: NerClass) -> bool {
    let is = |list: &[&str]| list.iter().any(|c| t.form.eq_ignore_ascii_case(c));
    is(PARTICLES) || (class != NerClass::Per && is(LINKS))
}

/// The mention's head: the first word whose syntactic head lies outside the mention.
fn head_of(words: &[Token], m: &Range<usize>) -> Option<usize> {
    m.clone().find(|&i| words.get(i).is_some_and(|w| w.head == 0 || !m.contains(&(w.head - 1))))
}

/// The next proper noun from `from` in direction `step` (±1) within `m`, across at most
/// [`MAX_GAP`] connectors; `None` when the run ends there. A conjunct (`conj`) is never joined.
fn next_proper(words: &[Token], m: &Range<usize>, class: NerClass, from: usize, step: isize) -> Option<usize> {
    let mut k = from;
    for gap in 0..=MAX_GAP {
        k = k.checked_add_signed(step).filter(|k| m.contains(k))?;
        let w = &words[k];
        if is_proper(w) {
            return (w.deprel != "conj").then_some(k);
        }
        if gap == MAX_GAP || !is_connector(w, class) {
            return None;
        }
    }
    None
}

/// The name of one typed mention, or `None` when its head is not a proper noun.
fn name_of(words: &[Token], m: &GoldMention) -> Option<(Range<usize>, NerClass)> {
    let class = class_of(&m.etype)?;
    let head = head_of(words, &m.tokens)?;
    if !is_proper(&words[head]) {
        return None;
    }
    let (mut start, mut end) = (head, head);
    while let Some(k) = next_proper(words, &m.tokens, class, start, -1) {
        start = k;
    }
    while let Some(k) = next_proper(words, &m.tokens, class, end, 1) {
        end = k;
    }
    if class == NerClass::Per {
        // UNER leaves titles out (`Dr.`, `Trade Minister`): the name starts after the last one; a
        // title before it may be part of another name (`Orvian` in `Orvian President Ada Marr`).
        let is_title = |k: &usize| super::features::is_title_cue(&words[*k].form);
        if is_title(&head) {
            return None;
        }
        if let Some(t) = (start..head).rev().find(is_title) {
            start = t + 1;
        }
    }
    Some((start..end + 1, class))
}

/// The UNER-style names of one sentence: one per typed mention with a proper-noun head, nested or
/// overlapping ones dropped in favour of the longest. Sorted by position.
pub fn sentence_names(words: &[Token], mentions: &[GoldMention]) -> Vec<(Range<usize>, NerClass)> {
    let mut found: Vec<(Range<usize>, NerClass)> = mentions.iter().filter_map(|m| name_of(words, m)).collect();
    found.sort_by_key(|(r, _)| (std::cmp::Reverse(r.len()), r.start));
    let mut kept: Vec<(Range<usize>, NerClass)> = Vec::new();
    for (r, c) in found {
        if kept.iter().all(|(k, _)| r.end <= k.start || k.end <= r.start) {
            kept.push((r, c));
        }
    }
    kept.sort_by_key(|(r, _)| r.start);
    kept
}

/// BIO tags of `n` words from non-overlapping spans.
fn to_tags(n: usize, spans: &[(Range<usize>, NerClass)]) -> Vec<Option<(bool, NerClass)>> {
    let mut tags = vec![None; n];
    for (r, c) in spans {
        for i in r.clone() {
            tags[i] = Some((i == r.start, *c));
        }
    }
    tags
}

/// Reads a GUM `.conllu` file as NER sentences (see the module doc for the mapping).
pub fn read_gum(path: &Path) -> Result<Vec<NerSentence>, NerError> {
    let file = std::fs::File::open(path).map_err(|source| NerError::Io { path: path.to_owned(), source })?;
    read_gum_from(std::io::BufReader::new(file), path)
}

/// [`read_gum`] from a reader; `path` names it in errors.
pub fn read_gum_from(reader: impl std::io::BufRead, path: &Path) -> Result<Vec<NerSentence>, NerError> {
    let sentences = crate::nlp::conllu::read(reader, path).map_err(|e| NerError::Other(e.to_string()))?;
    let mut out = Vec::with_capacity(sentences.len());
    for (si, s) in sentences.into_iter().enumerate() {
        let entity: Vec<&str> =
            s.misc.iter().map(|m| m.split('|').find_map(|kv| kv.strip_prefix("Entity=")).unwrap_or("")).collect();
        let mentions = parse_mentions(&entity, si).map_err(|message| NerError::Syntax {
            path: path.to_owned(),
            line: 0,
            message: format!("sentence {}: {message}", s.sent_id.as_deref().unwrap_or("?")),
        })?;
        let spans = sentence_names(&s.words, &mentions);
        let tags = to_tags(s.words.len(), &spans);
        out.push(NerSentence { sent_id: s.sent_id, words: s.words.into_iter().map(|w| w.form).collect(), tags });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One CoNLL-U word line: id, form, xpos, head, deprel, Entity value.
    fn line(id: usize, form: &str, xpos: &str, head: usize, deprel: &str, entity: &str) -> String {
        let upos = if xpos.starts_with("NNP") { "PROPN" } else { "X" };
        let misc = if entity.is_empty() { "_".to_owned() } else { format!("Entity={entity}") };
        format!("{id}\t{form}\t{form}\t{upos}\t{xpos}\t_\t{head}\t{deprel}\t_\t{misc}\n")
    }

    fn read(lines: &[String]) -> Vec<NerSentence> {
        let text = format!("# sent_id = s-1\n{}\n", lines.concat());
        read_gum_from(text.as_bytes(), Path::new("t.conllu")).unwrap()
    }

    fn names(s: &NerSentence) -> Vec<(Vec<&str>, NerClass)> {
        s.spans().into_iter().map(|(r, c)| (s.words[r].iter().map(String::as_str).collect(), c)).collect()
    }

    #[test]
    fn types_map_to_uner_classes() {
        assert_eq!(class_of("person"), Some(NerClass::Per));
        assert_eq!(class_of("organization"), Some(NerClass::Org));
        assert_eq!(class_of("place"), Some(NerClass::Loc));
        for other in ["event", "abstract", "object", "time", "substance", "animal", "plant", ""] {
            assert_eq!(class_of(other), None, "{other}");
        }
    }

    #[test]
    fn longest_name_wins_and_connectors_join() {
        // "Dr. Quilla Marren of the Institute of Brisk Studies in Varnholt spoke."
        let s = read(&[
            line(1, "Dr.", "NNP", 3, "compound", "(1-person-new-x-y-1-coref-Quilla_Marren"),
            line(2, "Quilla", "NNP", 3, "compound", ""),
            line(3, "Marren", "NNP", 12, "nsubj", ""),
            line(4, "of", "IN", 6, "case", ""),
            line(5, "the", "DT", 6, "det", "(2-organization-new-x-y-1-sgl"),
            line(6, "Institute", "NNP", 3, "nmod", ""),
            line(7, "of", "IN", 9, "case", ""),
            line(8, "Brisk", "NNP", 9, "compound", ""),
            line(9, "Studies", "NNPS", 6, "nmod", ""),
            line(10, "in", "IN", 11, "case", ""),
            line(11, "Varnholt", "NNP", 6, "nmod", "(3-place-new-x-y-1-sgl-Varnholt)2)1)"),
            line(12, "spoke", "VBD", 0, "root", ""),
        ]);
        assert_eq!(
            names(&s[0]),
            vec![(vec!["Quilla", "Marren"], NerClass::Per), (vec!["Institute", "of", "Brisk", "Studies"], NerClass::Org), (vec!["Varnholt"], NerClass::Loc)]
        );
    }

    #[test]
    fn nested_place_inside_organization_name_is_dropped() {
        // "the Bank of Orvia": ORG over the place "Orvia".
        let s = read(&[
            line(1, "the", "DT", 2, "det", "(1-organization-new-x-y-1-sgl"),
            line(2, "Bank", "NNP", 0, "root", ""),
            line(3, "of", "IN", 4, "case", ""),
            line(4, "Orvia", "NNP", 2, "nmod", "(2-place-new-x-y-1-sgl-Orvia)1)"),
        ]);
        assert_eq!(names(&s[0]), vec![(vec!["Bank", "of", "Orvia"], NerClass::Org)]);
    }

    #[test]
    fn nominal_pronoun_and_untyped_mentions_give_nothing() {
        // "She said the airline sold Tendrel Day tickets." with a common-noun head, a pronoun and an
        // event name: nothing is a UNER name.
        let s = read(&[
            line(1, "She", "PRP", 2, "nsubj", "(1-person-giv-x-y-1-coref)"),
            line(2, "said", "VBD", 0, "root", ""),
            line(3, "the", "DT", 4, "det", "(2-organization-giv-x-y-1-coref"),
            line(4, "airline", "NN", 5, "nsubj", "2)"),
            line(5, "sold", "VBD", 2, "ccomp", ""),
            line(6, "Tendrel", "NNP", 7, "compound", "(3-event-new-x-y-1-sgl"),
            line(7, "Day", "NNP", 8, "compound", "3)"),
            line(8, "tickets", "NNS", 5, "obj", ""),
        ]);
        assert_eq!(s[0].tags, vec![None; 8]);
        assert_eq!(s[0].sent_id.as_deref(), Some("s-1"));
    }

    #[test]
    fn conjoined_names_stay_apart() {
        // "Orvia and Pelland" as one group mention: two names, not one.
        let s = read(&[
            line(1, "Orvia", "NNP", 0, "root", "(1-place-new-x-y-1-sgl(2-place-new-x-y-1-sgl)"),
            line(2, "and", "CC", 3, "cc", ""),
            line(3, "Pelland", "NNP", 1, "conj", "(3-place-new-x-y-1-sgl)1)"),
        ]);
        assert_eq!(names(&s[0]), vec![(vec!["Orvia"], NerClass::Loc), (vec!["Pelland"], NerClass::Loc)]);
    }

    #[test]
    fn titles_are_cut_off_person_names() {
        // "Orvia Mayor Ada Marr" as one person mention with the place nested in it; then a mention
        // that is only a title ("the Mayor").
        let s = read(&[
            line(1, "Orvia", "NNP", 4, "compound", "(1-person-new-x-y-1-coref(2-place-new-x-y-1-sgl)"),
            line(2, "Mayor", "NNP", 4, "compound", ""),
            line(3, "Ada", "NNP", 4, "compound", ""),
            line(4, "Marr", "NNP", 5, "nsubj", "1)"),
            line(5, "met", "VBD", 0, "root", ""),
            line(6, "the", "DT", 7, "det", "(3-person-new-x-y-1-sgl"),
            line(7, "Mayor", "NNP", 5, "obj", "3)"),
        ]);
        assert_eq!(names(&s[0]), vec![(vec!["Orvia"], NerClass::Loc), (vec!["Ada", "Marr"], NerClass::Per)]);
    }

    #[test]
    fn bad_annotation_is_an_error_not_a_panic() {
        let text = "# sent_id = s-1\n1\tA\ta\tNOUN\tNN\t_\t0\troot\t_\tEntity=(1-person-new\n\n";
        let err = read_gum_from(text.as_bytes(), Path::new("bad.conllu")).unwrap_err();
        assert!(err.to_string().contains("bad.conllu") && err.to_string().contains("s-1"), "{err}");
    }
}
