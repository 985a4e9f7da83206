//! Document-level name consistency: a name the tagger found in one sentence is a name of the same
//! class wherever the same capitalised words stand elsewhere in the document.
//!
//! In: the words of a document's sentences and the names the tagger found in each sentence. Out:
//! the same names, retyped to the document's majority class, plus the untagged repeats
//! (`Varnel Holdings` tagged ORG in one sentence and left out in another; an acronym like `ZFU`
//! tagged once). The tagger decides one sentence at a time
//! and misses repeats whose context is poor; a repeat of a tagged string is a far stronger cue
//! (the "non-local" features of Ratinov & Roth 2009, applied after decoding).
//!
//! Only organisations and places are spread: persons have their own surname pass
//! ([`super::Recognizer::recognize_document`]). A string tagged with two classes in the document
//! is spread only when one class has a strict majority; its occurrences tagged with the other
//! class then take the majority class. A repeat must begin with a capital letter
//! and must not touch a capitalised word on either side, so it is never a piece of a longer name.

use super::NameSpan;
use super::bilou::NerClass;
// Fx, not SipHash: the keys are the document's own words, looked up at every capitalised word.
use rustc_hash::FxHashMap as HashMap;

/// Longest name (in tokens) that is spread.
const MAX_LEN: usize = 6;

/// Adds to `names[k]` (the names of sentence `k`, kept sorted by start) the untagged repeats of
/// the organisation and place names found anywhere in the document `sentences`, and gives every
/// occurrence of such a name its majority class.
pub fn spread_names(sentences: &[Vec<&str>], names: &mut [Vec<NameSpan>]) {
    let known = majority_names(sentences, names);
    if known.is_empty() {
        return;
    }
    for (words, spans) in sentences.iter().zip(names.iter_mut()) {
        // the minority class of a string tagged two ways follows the majority
        for (r, c) in spans.iter_mut() {
            if let Some(&k) = words.get(r.clone()).and_then(|w| known.get(w)) {
                *c = k;
            }
        }
        let mut added = Vec::new();
        let mut i = 0;
        while i < words.len() {
            // every known name begins with a capital: other words need no lookups
            if !starts_upper(words[i]) {
                i += 1;
                continue;
            }
            let hit = (1..=MAX_LEN.min(words.len() - i))
                .rev()
                .find_map(|n| known.get(&words[i..i + n]).map(|&c| (n, c)))
                .filter(|&(n, _)| free(words, spans, i..i + n));
            match hit {
                Some((n, c)) => {
                    added.push((i..i + n, c));
                    i += n;
                }
                None => i += 1,
            }
        }
        if !added.is_empty() {
            spans.extend(added);
            spans.sort_by_key(|(r, _)| r.start);
        }
    }
}

/// The ORG and LOC names of the document (as word sequences) with their majority class; strings
/// tagged with two classes equally often are left out.
fn majority_names<'a>(sentences: &'a [Vec<&'a str>], names: &[Vec<NameSpan>]) -> HashMap<&'a [&'a str], NerClass> {
    let mut votes: HashMap<&[&str], [usize; 3]> = HashMap::default();
    for (words, spans) in sentences.iter().zip(names) {
        for (r, c) in spans {
            if r.end <= words.len() && r.len() <= MAX_LEN {
                votes.entry(&words[r.clone()]).or_default()[*c as usize] += 1;
            }
        }
    }
    votes
        .into_iter()
        .filter_map(|(w, v)| {
            let best = NerClass::ALL.into_iter().max_by_key(|c| v[*c as usize])?;
            let strict = NerClass::ALL.iter().all(|c| *c == best || v[*c as usize] < v[best as usize]);
            (strict && best != NerClass::Per && starts_upper(w[0])).then_some((w, best))
        })
        .collect()
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `r` overlaps no name and has no capitalised word right before or after it (the first
/// word of a sentence is capitalised anyway and does not count).
fn free(words: &[&str], spans: &[NameSpan], r: std::ops::Range<usize>) -> bool {
    let untagged = !spans.iter().any(|(s, _)| s.start < r.end && r.start < s.end);
    let before = r.start > 1 && starts_upper(words[r.start - 1]);
    let after = words.get(r.end).is_some_and(|w| starts_upper(w));
    untagged && !before && !after
}

#[cfg(test)]
mod tests {
    use super::*;
    use NerClass::*;

    fn words(s: &str) -> Vec<&str> {
        s.split(' ').collect()
    }

    #[test]
    fn repeats_of_an_organisation_become_names() {
        let doc = [words("Varnel Holdings hired Pia Osk ."), words("Shares of Varnel Holdings fell ."), words("She left Varnel Holdings .")];
        let mut names = vec![vec![(0..2, Org), (3..5, Per)], vec![], vec![(2..4, Org)]];
        spread_names(&doc, &mut names);
        assert_eq!(names[1], vec![(2..4, Org)]);
        assert_eq!(names[0], vec![(0..2, Org), (3..5, Per)]);
        assert_eq!(names[2], vec![(2..4, Org)]);
    }

    #[test]
    fn nothing_spreads_inside_longer_names_or_from_persons() {
        // `Varnel` tagged LOC once: its repeat inside `Varnel Bay Trust` touches capitals.
        let doc = [words("They sailed to Varnel ."), words("The Varnel Bay Trust met ."), words("Osk spoke ."), words("Then Osk left .")];
        let mut names = vec![vec![(3..4, Loc)], vec![], vec![(0..1, Per)], vec![]];
        spread_names(&doc, &mut names);
        assert!(names[1].is_empty() && names[3].is_empty(), "{names:?}");
    }

    #[test]
    fn a_tie_between_classes_spreads_nothing_and_lowercase_never_matches() {
        let doc = [words("Tarvik won ."), words("Tarvik lost ."), words("Visit Tarvik ."), words("we met at tarvik ."), words("Tarvik ?")];
        let mut names = vec![vec![(0..1, Org)], vec![(0..1, Loc)], vec![], vec![], vec![]];
        spread_names(&doc, &mut names);
        assert!(names[2].is_empty() && names[3].is_empty() && names[4].is_empty(), "{names:?}");
        // with a majority the capitalised repeats follow it; the lowercase one does not
        names[2].push((1..2, Loc));
        names[4].clear();
        spread_names(&doc, &mut names);
        assert_eq!(names[4], vec![(0..1, Loc)]);
        assert!(names[3].is_empty());
    }

    #[test]
    fn the_minority_class_follows_the_majority() {
        let doc = [words("Ostrel Mining grew ."), words("Ostrel Mining hired ."), words("At Ostrel Mining , Pia Osk ."), words("Pia Osk left .")];
        let mut names = vec![vec![(0..2, Org)], vec![(0..2, Org)], vec![(1..3, Loc), (4..6, Per)], vec![(0..2, Per)]];
        spread_names(&doc, &mut names);
        assert_eq!(names[2], vec![(1..3, Org), (4..6, Per)]);
        assert_eq!(names[3], vec![(0..2, Per)]);
    }

    #[test]
    fn empty_documents_and_sentences_are_fine() {
        spread_names(&[], &mut []);
        let doc = [vec![], words("Ard .")];
        let mut names = vec![vec![], vec![]];
        spread_names(&doc, &mut names);
        assert_eq!(names, vec![vec![], vec![]]);
    }
}
