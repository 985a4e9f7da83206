//! Mention detection from our own dependency trees and named entities.
//!
//! In: analysed [`Sentence`]s (UPOS, FEATS, heads, relations) and the NER [`Mention`]s. Out:
//! [`CorefMention`]s in document order (by start, longer first).
//!
//! A mention is headed by a noun, proper noun, pronoun (not relative or interrogative), a
//! numeral standing alone, or a determiner standing alone (`this`, `all`) — unless the word is
//! itself part of a larger name or compound (`compound`, `flat`, `fixed`, `goeswith`, `nummod`,
//! `det`). Its span is the head plus the subtrees of the dependents that belong to a noun phrase
//! (determiners, modifiers, `nmod`, relative and other clauses modifying it), but not the
//! preposition it hangs from, punctuation around it, coordination (`cc`, `conj`), appositions
//! (their own mention), or the clause parts a predicate noun carries (`cop`, `nsubj`, `advmod`,
//! …) — the extent GUM annotates. Coordinated nouns also give a mention for the whole
//! coordination (`the mayor and her deputy` → `they`). A proper-noun compound inside a larger
//! noun phrase (`the Tallinn office`) and any NER name whose head is not already a mention head
//! are mentions of their own.

use crate::document::{EntityType, Mention, Sentence, Span};
use std::collections::HashMap;
use std::ops::Range;

/// What kind of phrase a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A proper name (`Ada Lovelace`, `the Baltic Council`).
    Name,
    /// A common-noun phrase (`the firm`, `two engineers`).
    Nominal,
    /// A pronoun or a determiner standing alone (`she`, `its`, `this`).
    Pronoun,
}

impl MentionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Name => "name",
            MentionKind::Nominal => "nominal",
            MentionKind::Pronoun => "pronoun",
        }
    }
}

/// One mention found in a document.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CorefMention {
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// Token range in the sentence (0-based, end exclusive).
    pub tokens: Range<usize>,
    /// Index (0-based, in the sentence) of the syntactic head token.
    pub head: usize,
    pub span: Span,
    /// The mention's text as in the original.
    pub text: String,
    pub kind: MentionKind,
    /// The NER type when a named-entity mention has this mention's head.
    pub entity_type: Option<EntityType>,
    /// A coordination of several mentions (`Ana and Ben`).
    pub coordination: bool,
}

/// Dependents of a nominal head that are not part of its mention.
fn excluded(deprel: &str) -> bool {
    let base = deprel.split(':').next().unwrap_or(deprel);
    matches!(
        base,
        "case" | "punct" | "cc" | "conj" | "appos" | "cop" | "nsubj" | "csubj" | "aux" | "mark" | "advmod" | "discourse"
            | "parataxis" | "obl" | "dep" | "advcl" | "ccomp" | "xcomp" | "expl" | "vocative" | "orphan" | "dislocated"
            | "reparandum" | "list" | "obj" | "iobj"
    )
}

/// Relations that make a word part of a larger phrase rather than the head of its own mention.
fn inside_phrase(deprel: &str) -> bool {
    matches!(deprel.split(':').next().unwrap_or(deprel), "compound" | "flat" | "fixed" | "goeswith" | "det" | "case" | "cc" | "punct")
}

/// A value of a FEATS string (`PronType` in `Case=Nom|PronType=Prs`).
pub fn feat<'a>(feats: &'a str, key: &str) -> Option<&'a str> {
    feats.split('|').find_map(|kv| kv.strip_prefix(key).and_then(|v| v.strip_prefix('=')))
}

/// Whether a token heads a mention of its own.
fn heads_mention(s: &Sentence, i: usize) -> bool {
    let t = &s.tokens[i];
    let base = t.deprel.split(':').next().unwrap_or(&t.deprel);
    match t.upos.as_str() {
        "NOUN" | "PROPN" => !inside_phrase(&t.deprel) || (base == "compound" && !parent_is_propn(s, i)),
        "PRON" => {
            let kind = feat(&t.feats, "PronType");
            !matches!(kind, Some("Rel") | Some("Int")) && base != "expl" || (base == "expl" && is_it(&t.form))
        }
        "NUM" => !inside_phrase(&t.deprel) && base != "nummod",
        "DET" => !inside_phrase(&t.deprel) && base != "nmod" && !matches!(feat(&t.feats, "PronType"), Some("Rel") | Some("Int")),
        _ => false,
    }
}

fn is_it(form: &str) -> bool {
    form.eq_ignore_ascii_case("it")
}

fn parent_is_propn(s: &Sentence, i: usize) -> bool {
    let h = s.tokens[i].head;
    h > 0 && s.tokens.get(h - 1).is_some_and(|p| p.upos == "PROPN")
}

fn is_open_bracket(form: &str) -> bool {
    matches!(form, "(" | "[" | "{")
}

fn is_punct(form: &str) -> bool {
    !form.is_empty() && form.chars().all(|c| !c.is_alphanumeric())
}

/// Children of every token of a sentence.
pub fn children(s: &Sentence) -> Vec<Vec<usize>> {
    let mut kids = vec![Vec::new(); s.tokens.len()];
    for (i, t) in s.tokens.iter().enumerate() {
        if t.head > 0 && t.head <= s.tokens.len() && t.head - 1 != i {
            kids[t.head - 1].push(i);
        }
    }
    kids
}

/// The tokens of `i`'s subtree (guarding against cycles in a malformed tree).
fn subtree(kids: &[Vec<usize>], i: usize, lo: &mut usize, hi: &mut usize, depth: usize) {
    *lo = (*lo).min(i);
    *hi = (*hi).max(i);
    if depth > 64 {
        return;
    }
    for &k in &kids[i] {
        subtree(kids, k, lo, hi, depth + 1);
    }
}

/// The mention extent of head `h`: the head plus its noun-phrase dependents, edge punctuation
/// trimmed; with `coordination`, its conjuncts too.
fn extent(s: &Sentence, kids: &[Vec<usize>], h: usize, coordination: bool) -> Range<usize> {
    let (mut lo, mut hi) = (h, h);
    let head_possessor = s.tokens[h].deprel == "nmod:poss";
    for &k in &kids[h] {
        let t = &s.tokens[k];
        let rel = t.deprel.as_str();
        // The possessive clitic belongs to its possessor (`the firm's`), as in GUM.
        let clitic = head_possessor && rel == "case" && t.xpos == "POS";
        let keep = !excluded(rel) || clitic || (coordination && (rel.starts_with("conj") || (rel.starts_with("cc") && k > h)));
        if !keep {
            continue;
        }
        let (mut a, mut b) = (k, k);
        subtree(kids, k, &mut a, &mut b, 0);
        // A parenthetical after the head (`the treaty (1998)`) is not part of the phrase.
        if a > h && (is_open_bracket(&s.tokens[a].form) || (a > 0 && is_open_bracket(&s.tokens[a - 1].form))) {
            continue;
        }
        lo = lo.min(a);
        hi = hi.max(b);
    }
    let (mut a, mut b) = (lo, hi + 1);
    while a < b && is_punct(&s.tokens[a].form) && a != h {
        a += 1;
    }
    while b > a + 1 && is_punct(&s.tokens[b - 1].form) && b - 1 != h {
        b -= 1;
    }
    a..b
}

/// The text of a token range as in the original.
fn range_text(doc_text: &str, s: &Sentence, r: &Range<usize>) -> (Span, String) {
    let first = &s.tokens[r.start].span;
    let last = &s.tokens[r.end - 1].span;
    let span = first.cover(last);
    let text = doc_text.get(span.byte.clone()).map(str::to_owned).unwrap_or_else(|| {
        s.tokens[r.clone()].iter().map(|t| t.form.as_str()).collect::<Vec<_>>().join(" ")
    });
    (span, text)
}

/// Finds the mentions of an analysed document.
pub fn detect(text: &str, sentences: &[Sentence], ner: &[Mention]) -> Vec<CorefMention> {
    let mut out: Vec<CorefMention> = Vec::new();
    // Grouped once: filtering all of a document's names per sentence made a long document's
    // cost grow with the square of its length.
    let mut names_of: HashMap<usize, Vec<&Mention>> = HashMap::new();
    for m in ner {
        names_of.entry(m.sentence).or_default().push(m);
    }
    for (si, s) in sentences.iter().enumerate() {
        if s.tokens.is_empty() {
            continue;
        }
        let kids = children(s);
        let names: Vec<&Mention> =
            names_of.get(&s.index).into_iter().flatten().copied().filter(|m| m.tokens.end <= s.tokens.len()).collect();
        let name_at = |h: usize| names.iter().find(|m| m.tokens.contains(&h)).map(|m| m.kind);
        let start = out.len();
        let push = |out: &mut Vec<CorefMention>, range: Range<usize>, head: usize, coordination: bool| {
            if range.is_empty() || out[start..].iter().any(|m| m.tokens == range) {
                return;
            }
            let t = &s.tokens[head];
            let entity_type = name_at(head);
            let kind = if matches!(t.upos.as_str(), "PRON" | "DET") && !coordination {
                MentionKind::Pronoun
            } else if t.upos == "PROPN" || entity_type.is_some_and(EntityType::is_named) {
                MentionKind::Name
            } else {
                MentionKind::Nominal
            };
            let (span, text) = range_text(text, s, &range);
            out.push(CorefMention { sentence: si, tokens: range, head, span, text, kind, entity_type, coordination });
        };
        for h in 0..s.tokens.len() {
            if !heads_mention(s, h) {
                continue;
            }
            push(&mut out, extent(s, &kids, h, false), h, false);
            let conjuncts = kids[h].iter().any(|&k| s.tokens[k].deprel.starts_with("conj") && heads_nominal(s, k));
            if conjuncts {
                push(&mut out, extent(s, &kids, h, true), h, true);
            }
        }
        // Names the tree does not head (a name inside a compound, a name the parser split).
        for m in &names {
            if !m.kind.is_named() || m.tokens.is_empty() {
                continue;
            }
            let head = name_head(s, &m.tokens);
            if !out[start..].iter().any(|c| c.head == head && !c.coordination) {
                push(&mut out, m.tokens.clone(), head, false);
            }
        }
    }
    out.sort_by_key(|m| (m.sentence, m.tokens.start, std::cmp::Reverse(m.tokens.end), m.coordination));
    out
}

/// The words of a name: its head and the proper nouns attached to it by `flat` or `compound`
/// inside `range` (`Ada` `Lovelace`), in order.
pub fn name_words(tokens: &[crate::document::Token], range: &Range<usize>, head: usize) -> Vec<usize> {
    range
        .clone()
        .filter(|&i| {
            i == head || {
                let t = &tokens[i];
                let base = t.deprel.split(':').next().unwrap_or("");
                t.head == head + 1 && t.upos == "PROPN" && matches!(base, "flat" | "compound")
            }
        })
        .collect()
}

/// Whether a conjunct is nominal (so the coordination is a group of things, not of clauses).
fn heads_nominal(s: &Sentence, i: usize) -> bool {
    matches!(s.tokens[i].upos.as_str(), "NOUN" | "PROPN" | "PRON" | "NUM")
}

/// The token of `r` whose head lies outside `r` (the last such, for names split oddly).
pub fn name_head(s: &Sentence, r: &Range<usize>) -> usize {
    r.clone()
        .filter(|&i| {
            let h = s.tokens[i].head;
            h == 0 || !r.contains(&(h - 1))
        })
        .last()
        .unwrap_or(r.end - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Token;

    /// Builds an analysed sentence from (form, upos, feats, head, deprel) rows.
    pub(crate) fn sentence(rows: &[(&str, &str, &str, usize, &str)]) -> (String, Sentence) {
        let mut text = String::new();
        let mut tokens = Vec::new();
        for (form, upos, feats, head, deprel) in rows {
            if !text.is_empty() {
                text.push(' ');
            }
            let b = text.len();
            text.push_str(form);
            let c = text[..b].chars().count();
            let mut t = Token::new(*form, Span::new(b..text.len(), c..c + form.chars().count()));
            t.upos = upos.to_string();
            t.feats = feats.to_string();
            t.head = *head;
            t.deprel = deprel.to_string();
            t.lemma = form.to_lowercase();
            tokens.push(t);
        }
        let span = Span::new(0..text.len(), 0..text.chars().count());
        (text.clone(), Sentence { index: 0, paragraph: 1, span, text, tokens })
    }

    fn texts(ms: &[CorefMention]) -> Vec<(&str, MentionKind)> {
        ms.iter().map(|m| (m.text.as_str(), m.kind)).collect()
    }

    #[test]
    fn noun_phrases_pronouns_and_coordination() {
        // "The baker from Lyon and her son sold it to us ."
        let (text, s) = sentence(&[
            ("The", "DET", "", 2, "det"),
            ("baker", "NOUN", "Number=Sing", 8, "nsubj"),
            ("from", "ADP", "", 4, "case"),
            ("Lyon", "PROPN", "Number=Sing", 2, "nmod"),
            ("and", "CCONJ", "", 7, "cc"),
            ("her", "PRON", "Gender=Fem|Person=3|Poss=Yes|PronType=Prs", 7, "nmod:poss"),
            ("son", "NOUN", "Number=Sing", 2, "conj"),
            ("sold", "VERB", "", 0, "root"),
            ("it", "PRON", "Gender=Neut|Person=3|PronType=Prs", 8, "obj"),
            ("to", "ADP", "", 11, "case"),
            ("us", "PRON", "Person=1|PronType=Prs", 8, "obl"),
            (".", "PUNCT", "", 8, "punct"),
        ]);
        let ms = detect(&text, &[s], &[]);
        assert_eq!(
            texts(&ms),
            vec![
                ("The baker from Lyon and her son", MentionKind::Nominal),
                ("The baker from Lyon", MentionKind::Nominal),
                ("Lyon", MentionKind::Name),
                ("her son", MentionKind::Nominal),
                ("her", MentionKind::Pronoun),
                ("it", MentionKind::Pronoun),
                ("us", MentionKind::Pronoun),
            ]
        );
        assert!(ms[0].coordination && !ms[1].coordination);
        assert_eq!(ms[1].head, 1);
    }

    #[test]
    fn predicate_nouns_leave_the_clause_out_and_relatives_are_skipped() {
        // "Tomas , who paints , is a teacher ."
        let (text, s) = sentence(&[
            ("Tomas", "PROPN", "", 8, "nsubj"),
            (",", "PUNCT", "", 4, "punct"),
            ("who", "PRON", "PronType=Rel", 4, "nsubj"),
            ("paints", "VERB", "", 1, "acl:relcl"),
            (",", "PUNCT", "", 4, "punct"),
            ("is", "AUX", "", 8, "cop"),
            ("a", "DET", "", 8, "det"),
            ("teacher", "NOUN", "", 0, "root"),
            (".", "PUNCT", "", 8, "punct"),
        ]);
        let ms = detect(&text, &[s], &[]);
        assert_eq!(texts(&ms), vec![("Tomas , who paints", MentionKind::Name), ("a teacher", MentionKind::Nominal)]);
    }

    #[test]
    fn ner_names_inside_compounds_become_mentions() {
        // "the Tallinn office" with NER LOC on Tallinn, tree: Tallinn compound of office.
        let (text, s) = sentence(&[("the", "DET", "", 3, "det"), ("Tallinn", "PROPN", "", 3, "compound"), ("office", "NOUN", "", 0, "root")]);
        let ner = vec![Mention {
            sentence: 0,
            tokens: 1..2,
            span: s.tokens[1].span.clone(),
            text: "Tallinn".into(),
            kind: EntityType::City,
            entity: None,
        }];
        let ms = detect(&text, &[s], &ner);
        assert_eq!(texts(&ms), vec![("the Tallinn office", MentionKind::Nominal), ("Tallinn", MentionKind::Name)]);
        assert_eq!(ms[1].entity_type, Some(EntityType::City));
    }
}
