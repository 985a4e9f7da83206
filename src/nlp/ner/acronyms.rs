//! Names defined with their acronym in parentheses (`Norvia Water and Power (NWP)`, `VRF (Vell
//! Rowing Federation)`), and untagged acronyms of a document's organisation names.
//!
//! In: a sentence's tokens and its name spans as the tagger found them (for the document pass, the
//! words and names of every sentence). Out: the same spans, with the expansion of a parenthesised
//! acronym made one name and the acronym a name of the same class; and, over a document, every
//! untagged capital-letter word that spells the initials of an organisation name found in the
//! document tagged as that organisation. News defines an organisation's short form this way and
//! then uses it alone; the tagger cuts long names at `and`/`of` (`Norvia Water` + `Power`), and
//! misses acronyms it has not seen, so the short form becomes a node of its own or none at all.
//!
//! The acronym is one token of two to eight capital letters (with `&`, `-` or `.` between them:
//! `N&W`); the expansion is a run of capitalised words, joined by `of`, `and`, `for`, `on`,
//! `the`, `&`, a hyphen or a comma (a list of fields inside the name: `Institute of Geology, Water
//! Control and Research (IGWCR)`, which the tagger cut at the comma), whose capitalised words give
//! the acronym's letters in order (a joining word may give its initial too: `Board of Harbour
//! Works (BOHW)`; a comma gives none). The expansion's class is kept when
//! the tagger found it whole; a run of place names stays a place (`United Zemblan Isles (UZI)`),
//! anything else is an organisation. A name of the tagger that reaches out of the run blocks it.

use super::{NameSpan, NerClass};
use crate::document::Token;
use std::ops::Range;

/// Words that may join the capitalised words of an expansion.
const JOINERS: &[&str] = &["of", "and", "for", "on", "the", "&", "-", ",", "de", "du", "des"];

/// The letters of an acronym token (two to eight capital letters, `&`, `-`, `.` dropped), if it is one.
pub(super) fn acronym_letters(w: &str) -> Option<Vec<char>> {
    let mut letters = Vec::new();
    for c in w.chars() {
        if c.is_uppercase() {
            letters.push(c);
        } else if !matches!(c, '&' | '-' | '.') {
            return None;
        }
    }
    (2..=8).contains(&letters.len()).then_some(letters)
}

fn capital_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_alphabetic)
}

fn joiner(w: &str) -> bool {
    JOINERS.contains(&w)
}

/// Whether `words` (a run of capitalised words and joiners, starting and ending with a
/// capitalised word) spell `letters`: each capitalised word gives its initial, each joiner may.
pub(super) fn spells(words: &[&str], letters: &[char]) -> bool {
    fn go(words: &[&str], letters: &[char]) -> bool {
        match words.split_first() {
            None => letters.is_empty(),
            Some((w, rest)) => {
                let first = w.chars().next().map(|c| c.to_uppercase().next().unwrap_or(c));
                let takes = letters.first().is_some_and(|&l| Some(l) == first && w.chars().any(char::is_alphabetic));
                if joiner(w) {
                    go(rest, letters) || (takes && go(rest, &letters[1..]))
                } else {
                    takes && go(rest, &letters[1..])
                }
            }
        }
    }
    words.first().is_some_and(|w| capital_word(w) && !joiner(w)) && words.last().is_some_and(|w| capital_word(w) && !joiner(w)) && go(words, letters)
}

/// The class of a run made one name: the class of the tagger's name when it covered the run
/// exactly, else place when place names cover every capitalised word of it, else organisation.
fn run_class(words: &[&str], spans: &[NameSpan], run: &Range<usize>) -> NerClass {
    let inside: Vec<&NameSpan> = spans.iter().filter(|(r, _)| r.start < run.end && run.start < r.end).collect();
    if let [(r, c)] = inside.as_slice()
        && r == run
    {
        return *c;
    }
    let placed = |k: usize| inside.iter().any(|(r, c)| *c == NerClass::Loc && r.contains(&k));
    if run.clone().all(|k| joiner(words[k]) || placed(k)) { NerClass::Loc } else { NerClass::Org }
}

/// Whether the tagger saw a name in `run` or on the acronym at `acronym`, or the run closes on an
/// organisation head: capitalised phrases with an acronym are often no names (`Gross Vell Product
/// (GVP)`, a title or an award).
fn named(tokens: &[Token], spans: &[NameSpan], run: &Range<usize>, acronym: usize) -> bool {
    let tagged = spans.iter().any(|(r, _)| (r.start < run.end && run.start < r.end) || r.contains(&acronym));
    tagged || super::institutions::is_organisation_head(&tokens[run.end - 1])
}

/// Replaces the names meeting `run` by one name of class `c`, unless a name reaches out of it.
fn set(spans: &mut Vec<NameSpan>, run: Range<usize>, c: NerClass) -> bool {
    let meets = |r: &Range<usize>| r.start < run.end && run.start < r.end;
    if spans.iter().any(|(r, _)| meets(r) && (r.start < run.start || r.end > run.end)) {
        return false;
    }
    spans.retain(|(r, _)| !meets(r));
    spans.push((run, c));
    spans.sort_by_key(|(r, _)| r.start);
    true
}

/// The spans with each parenthesised acronym and its expansion made names of one class (see the
/// module comment): `EXPANSION ( ACRONYM )` and `ACRONYM ( EXPANSION )`.
pub(super) fn join_defined_acronyms(tokens: &[Token], mut spans: Vec<NameSpan>) -> Vec<NameSpan> {
    let words: Vec<&str> = tokens.iter().map(|t| t.form.as_str()).collect();
    let n = words.len();
    for open in 0..n {
        if words[open] != "(" {
            continue;
        }
        // EXPANSION ( ACRONYM )
        if open + 2 < n
            && words[open + 2] == ")"
            && let Some(letters) = acronym_letters(words[open + 1])
        {
            // the capitalised run before the bracket, at most 12 words
            let mut start = open;
            while start > 0 && open - start < 12 && (capital_word(words[start - 1]) || joiner(words[start - 1])) {
                start -= 1;
            }
            // the shortest run that ends right before the bracket and spells the acronym
            if let Some(s) = (start..open).rev().find(|&s| spells(&words[s..open], &letters))
                && named(tokens, &spans, &(s..open), open + 1)
            {
                let run = s..open;
                let c = run_class(&words, &spans, &run);
                if set(&mut spans, run, c) {
                    set(&mut spans, open + 1..open + 2, c);
                }
            }
            continue;
        }
        // ACRONYM ( EXPANSION )
        if open > 0
            && let Some(letters) = acronym_letters(words[open - 1])
            && let Some(close) = (open + 1..n.min(open + 14)).find(|&k| words[k] == ")")
            && close > open + 1
            && words[open + 1..close].iter().all(|w| capital_word(w) || joiner(w))
            && spells(&words[open + 1..close], &letters)
            && named(tokens, &spans, &(open + 1..close), open - 1)
        {
            let run = open + 1..close;
            let c = run_class(&words, &spans, &run);
            if set(&mut spans, run, c) {
                set(&mut spans, open - 1..open, c);
            }
        }
    }
    spans
}

/// Adds to `names[k]` (the names of sentence `k`) each untagged acronym that spells the initials
/// of an organisation name of two or more capitalised words found in the document (see the module
/// comment). The acronym must not touch a capitalised word on either side.
pub fn name_document_acronyms(sentences: &[Vec<&str>], names: &mut [Vec<NameSpan>]) {
    let mut orgs: Vec<&[&str]> = Vec::new();
    for (words, spans) in sentences.iter().zip(names.iter()) {
        for (r, c) in spans {
            if *c == NerClass::Org && r.len() >= 2 && r.end <= words.len() {
                orgs.push(&words[r.clone()]);
            }
        }
    }
    if orgs.is_empty() {
        return;
    }
    for (words, spans) in sentences.iter().zip(names.iter_mut()) {
        let mut added = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let Some(letters) = acronym_letters(w) else { continue };
            if spans.iter().any(|(r, _)| r.contains(&i)) {
                continue;
            }
            // the first word of a sentence is capitalised anyway and does not count
            let before = i > 1 && capital_word(words[i - 1]);
            let after = words.get(i + 1).is_some_and(|w| capital_word(w));
            if before || after {
                continue;
            }
            if orgs.iter().any(|o| spells(o, &letters)) {
                added.push((i..i + 1, NerClass::Org));
            }
        }
        if !added.is_empty() {
            spans.extend(added);
            spans.sort_by_key(|(r, _)| r.start);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::ner::tests::tagged;
    use NerClass::*;

    #[test]
    fn an_expansion_cut_at_and_is_one_name_with_its_acronym() {
        // "Norvia Water and Power (NWP) said": the tagger cut the name at `and` and missed the acronym
        let toks = tagged("Norvia/PROPN Water/PROPN and/CCONJ Power/PROPN (/PUNCT NWP/PROPN )/PUNCT said/VERB");
        assert_eq!(join_defined_acronyms(&toks, vec![(0..2, Org), (3..4, Org)]), vec![(0..4, Org), (5..6, Org)]);
        // a joining word that gives its initial, a leading place, and the tagger's whole name kept
        let toks = tagged("the/DET Vell/PROPN Ministry/PROPN of/ADP Defence/PROPN (/PUNCT VMOD/PROPN )/PUNCT said/VERB");
        assert_eq!(join_defined_acronyms(&toks, vec![(1..2, Loc), (2..5, Org)]), vec![(1..5, Org), (6..7, Org)]);
        // a place inside an untagged run does not make it a place
        let toks = tagged("the/DET Greater/PROPN Brenmouth/PROPN Fair/PROPN Rent/PROPN Center/PROPN (/PUNCT GBFRC/PROPN )/PUNCT filed/VERB");
        assert_eq!(join_defined_acronyms(&toks, vec![(2..3, Loc)]), vec![(1..6, Org), (7..8, Org)]);
        // a run of places stays a place
        let toks = tagged("the/DET United/PROPN Zemblan/PROPN Isles/PROPN (/PUNCT UZI/PROPN )/PUNCT voted/VERB");
        assert_eq!(join_defined_acronyms(&toks, vec![(1..4, Loc)]), vec![(1..4, Loc), (5..6, Loc)]);
        // a list of fields inside the name, cut by the tagger at its comma (the part after it typed
        // a place): `Norvia's Institute of Geology, Water Control and Research (IGWCR)`
        let toks = tagged(
            "Norvia/PROPN 's/PART Institute/PROPN of/ADP Geology/PROPN ,/PUNCT Water/PROPN Control/PROPN and/CCONJ Research/PROPN (/PUNCT IGWCR/PROPN )/PUNCT",
        );
        assert_eq!(join_defined_acronyms(&toks, vec![(0..1, Loc), (2..5, Org), (6..8, Loc)]), vec![(0..1, Loc), (2..10, Org), (11..12, Org)]);
        // the shortest run that spells the letters: a place before the comma stays out
        let toks = tagged("in/ADP Tarn/PROPN ,/PUNCT Vell/PROPN Rowing/PROPN Federation/PROPN (/PUNCT VRF/PROPN )/PUNCT");
        assert_eq!(join_defined_acronyms(&toks, vec![(1..2, Loc), (3..6, Org)]), vec![(1..2, Loc), (3..6, Org), (7..8, Org)]);
    }

    #[test]
    fn an_acronym_before_its_expansion_and_words_before_the_run_stay_out() {
        // "VRF (Vell Rowing Federation) said": nothing tagged, the run closes on an organisation head
        let toks = tagged("VRF/PROPN (/PUNCT Vell/PROPN Rowing/PROPN Federation/PROPN )/PUNCT said/VERB");
        assert_eq!(join_defined_acronyms(&toks, vec![]), vec![(0..1, Org), (2..5, Org)]);
        // the acronym alone tagged
        let toks = tagged("VRW/PROPN (/PUNCT Vell/PROPN Rowing/PROPN Weekly/PROPN )/PUNCT said/VERB");
        assert_eq!(join_defined_acronyms(&toks, vec![(0..1, Org)]), vec![(0..1, Org), (2..5, Org)]);
        // "Officials of Tarn Rail Company (TRC)": `Officials` opens no part of the name
        let toks = tagged("Officials/NOUN of/ADP Tarn/PROPN Rail/PROPN Company/PROPN (/PUNCT TRC/PROPN )/PUNCT");
        assert_eq!(join_defined_acronyms(&toks, vec![(2..5, Org)]), vec![(2..5, Org), (6..7, Org)]);
    }

    #[test]
    fn letters_that_do_not_spell_the_run_or_a_name_reaching_out_join_nothing() {
        // must give nothing: letters that are not the initials, a lowercase word in the brackets,
        // a person's name reaching out of the run
        let cases: [(&str, Vec<NameSpan>); 5] = [
            ("Norvia/PROPN Water/PROPN (/PUNCT XYZ/PROPN )/PUNCT said/VERB", vec![(0..2, Org)]),
            // nothing tagged and no organisation head: a measure, a title, an award
            ("the/DET Gross/ADJ Vell/PROPN Product/NOUN (/PUNCT GVP/PROPN )/PUNCT rose/VERB", vec![]),
            ("named/VERB VPY/PROPN (/PUNCT Vell/PROPN Player/PROPN of/ADP the/DET Year/PROPN )/PUNCT", vec![]),
            ("ZFU/PROPN (/PUNCT the/DET union/NOUN )/PUNCT said/VERB", vec![(0..1, Org)]),
            ("Mara/PROPN Vellin/PROPN Trust/PROPN (/PUNCT VT/PROPN )/PUNCT", vec![(0..2, Per)]),
        ];
        for (spec, spans) in cases {
            assert_eq!(join_defined_acronyms(&tagged(spec), spans.clone()), spans, "{spec}");
        }
    }

    #[test]
    fn an_untagged_acronym_of_a_document_organisation_is_named() {
        fn s(t: &str) -> Vec<&str> {
            t.split(' ').collect()
        }
        let doc = [s("The Norvian Transport Safety Board opened an inquiry ."), s("NTSB investigators arrived ."), s("The NTSB said so .")];
        let mut names = vec![vec![(1..5, Org)], vec![], vec![]];
        name_document_acronyms(&doc, &mut names);
        assert_eq!(names[1], vec![(0..1, Org)]);
        assert_eq!(names[2], vec![(1..2, Org)]);
        // letters that spell no organisation, or an acronym inside a capitalised run, stay
        let doc = [s("The Norvian Transport Safety Board met ."), s("The NTS Vell Line and XYZ .")];
        let mut names = vec![vec![(1..5, Org)], vec![]];
        name_document_acronyms(&doc, &mut names);
        assert!(names[1].is_empty(), "{names:?}");
    }

    #[test]
    fn acronym_letters_and_spelling() {
        assert_eq!(acronym_letters("N&W"), Some(vec!['N', 'W']));
        assert_eq!(acronym_letters("Nw"), None);
        assert_eq!(acronym_letters("A"), None);
        assert!(spells(&["Vell", "Ministry", "of", "Defence"], &['V', 'M', 'D']));
        assert!(spells(&["Vell", "Ministry", "of", "Defence"], &['V', 'M', 'O', 'D']));
        assert!(!spells(&["of", "Defence"], &['O', 'D']));
    }
}
