//! Person names written with a hyphen inside a word (`Price-Halloran`, `Jean-Luc`, Korean given
//! names such as `Ji-woo`).
//!
//! In: a sentence's tokens and its name spans as the tagger found them. Out: the same spans with
//! the hyphenated parts of person names joined. The tokenizer cuts `Price-Halloran` into three tokens,
//! and the tagger, seeing a hyphen, often ends the name before it (`Tomas Price` + `Halloran`, or
//! `Kim Ji` without `-woo`) or starts it after (`Ortega-Lindqvist` without `Ortega`): the person
//! then gets a cut label and a second, false node. A hyphen written without spaces on either side
//! joins two parts of one word, so the parts belong to one name when they look like name parts:
//! - another person span right after the hyphen joins a first of two words or more
//!   (`Tomas Price` `-` `Halloran`);
//! - a capitalised word after a hyphen that ends a person span joins it, and so does the person
//!   span touching it (`Anne` `-` `Marie` + `Okafor`); two one-word names stay two
//!   (`Lund-Okafor`, a joint ticket or talks);
//! - a one-word person span before a hyphen joins a person span of two words or more after it
//!   (`Ka` `-` `Wing Lau`, an East Asian given name of two syllables), unless a common noun
//!   follows (`the Lund-Ana Brill talks`, a pair modifying the noun);
//! - a capitalised untagged word right before a hyphen that starts a person span joins it
//!   (`Ortega` `-` `Lindqvist Mendez`);
//! - a short lowercase syllable after a hyphen that follows a given name (not the first word of a
//!   span) joins it (`Kim Ji` `-` `woo`); a lowercase word that reads as a modifier
//!   (`Smith-backed`, `Lee-era`) does not, nor does a hyphen after a one-word name;
//! - a lowercase name particle hyphenated to a capitalised word (`el-Tadi`, `al-Rami`,
//!   `bin-Hadi`) right after a person span joins it (`Karim el-Tadi`), and a person span that
//!   starts after such a particle takes the particle in and joins a person span right before it;
//!   so does a span of another class that is just such a surname (`al-Rami` read as an
//!   organisation right after `Karim`).

use super::{NameSpan, NerClass};
use crate::document::Token;

/// Lowercase particles that open a hyphenated surname (`el-Tadi`, `al-Rami`, `bin-Hadi`, `abu-Samir`):
/// the Arabic article in its usual romanisations and the patronymic words.
const NAME_PARTICLES: &[&str] = &["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ud", "ul", "bin", "ibn", "abu", "bint"];

/// Lowercase second parts that make a compound modifier of a name, never a given-name syllable.
const MODIFIER_PARTS: &[&str] = &["era", "led", "run", "born", "like", "type", "old", "in-law", "style", "free", "wide", "made", "held"];

/// The spans with person names joined across in-word hyphens (see the module comment).
pub(super) fn join_hyphenated_names(tokens: &[Token], mut spans: Vec<NameSpan>) -> Vec<NameSpan> {
    spans.sort_by_key(|(r, _)| r.start);
    absorb_particle_surnames(tokens, &mut spans);
    let taken = |k: usize, spans: &[NameSpan]| spans.iter().any(|(r, _)| r.contains(&k));
    for i in 0..spans.len() {
        if spans[i].1 != NerClass::Per {
            continue;
        }
        let (mut start, mut end) = (spans[i].0.start, spans[i].0.end);
        while start >= 2 && in_word_hyphen(tokens, start - 1) && capitalised_word(&tokens[start - 2]) && !taken(start - 2, &spans) {
            start -= 2;
        }
        if start >= 2 && in_word_hyphen(tokens, start - 1) && name_particle(&tokens[start - 2]) && !taken(start - 2, &spans) {
            start -= 2;
        }
        if end + 2 < tokens.len() && name_particle(&tokens[end]) && in_word_hyphen(tokens, end + 1) && capitalised_word(&tokens[end + 2]) && !taken(end, &spans) && !taken(end + 2, &spans) {
            end += 3;
        }
        while end + 1 < tokens.len() && in_word_hyphen(tokens, end) && !taken(end + 1, &spans) {
            let next = &tokens[end + 1];
            let syllable_of_given_name = end - start >= 2 && given_name_syllable(&next.form);
            if !capitalised_word(next) && !syllable_of_given_name {
                break;
            }
            end += 2;
        }
        spans[i].0 = start..end;
    }
    let mut out: Vec<NameSpan> = Vec::with_capacity(spans.len());
    for (range, class) in spans {
        if let Some((last, last_class)) = out.last_mut()
            && *last_class == NerClass::Per
            && class == NerClass::Per
            && joined_by_hyphen(tokens, last, &range)
        {
            last.end = range.end;
            continue;
        }
        out.push((range, class));
    }
    out
}

/// A particle surname tagged as a name of another class right after a person (`Karim` +
/// `al-Rami` read as an organisation): a span of exactly particle, hyphen and a capitalised word
/// (and hyphenated capitalised parts after it) touching the person's end is the person's surname.
fn absorb_particle_surnames(tokens: &[Token], spans: &mut Vec<NameSpan>) {
    let mut i = 0;
    while i + 1 < spans.len() {
        let (ref a, ca) = spans[i];
        let (ref b, cb) = spans[i + 1];
        let k = b.start;
        let particle_surname = ca == NerClass::Per
            && cb != NerClass::Per
            && a.end == k
            && k + 2 < tokens.len()
            && b.end >= k + 3
            && name_particle(&tokens[k])
            && in_word_hyphen(tokens, k + 1)
            && capitalised_word(&tokens[k + 2])
            && (k + 3..b.end).step_by(2).all(|j| j + 1 < b.end && in_word_hyphen(tokens, j) && capitalised_word(&tokens[j + 1]));
        if particle_surname {
            spans[i].0.end = b.end;
            spans.remove(i + 1);
        } else {
            i += 1;
        }
    }
}

/// Whether two person spans are one name: a hyphen inside a word between them (`Price` `-`
/// `Halloran`) after a name of two words or more; two one-word names around a hyphen are more
/// often a pair (`Lund-Okafor` for a joint ticket or talks) than a double-barrelled surname
/// written without its first name. Or they touch and the first ends in a hyphenated part
/// (`Anne-Marie` `Okafor`).
fn joined_by_hyphen(tokens: &[Token], first: &std::ops::Range<usize>, second: &std::ops::Range<usize>) -> bool {
    if first.end + 1 == second.start && in_word_hyphen(tokens, first.end) {
        // `Ka` `-` `Wing Lau`: a one-word given name before a name of two words or more is one
        // name, unless the pair modifies a noun (`the Lund-Ana Brill talks`)
        return first.len() >= 2 || (second.len() >= 2 && !noun_at(tokens, second.end));
    }
    if first.end == second.start && second.len() >= 3 && name_particle(&tokens[second.start]) && tokens[second.start + 1].form == "-" {
        return true; // `Karim` + `el-Tadi`
    }
    first.end == second.start && first.len() >= 3 && tokens[first.end - 2].form == "-"
}

/// Whether token `k` exists and is tagged a common noun.
fn noun_at(tokens: &[Token], k: usize) -> bool {
    tokens.get(k).is_some_and(|t| t.upos == "NOUN")
}

/// A lowercase name particle ([`NAME_PARTICLES`]) written against the hyphen after it.
fn name_particle(token: &Token) -> bool {
    !token.space_after && NAME_PARTICLES.contains(&token.form.as_str())
}

/// Whether token `k` is a hyphen with no space before or after it.
fn in_word_hyphen(tokens: &[Token], k: usize) -> bool {
    k > 0 && k + 1 < tokens.len() && tokens[k].form == "-" && !tokens[k - 1].space_after && !tokens[k].space_after
}

fn capitalised_word(token: &Token) -> bool {
    let mut chars = token.form.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_alphabetic)
}

/// A lowercase syllable of a hyphenated given name: short, letters only, not a participle or a
/// modifier word.
fn given_name_syllable(word: &str) -> bool {
    let n = word.chars().count();
    (2..=5).contains(&n)
        && word.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
        && !word.ends_with("ed")
        && !MODIFIER_PARTS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Span;

    /// Tokens of a text split at spaces and around hyphens, with `space_after` as written.
    fn tokens(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        for (w, word) in text.split(' ').enumerate() {
            if w > 0
                && let Some(prev) = out.last_mut()
            {
                let prev: &mut Token = prev;
                prev.space_after = true;
            }
            if word == "-" {
                out.push(Token::new("-", Span::default()));
                continue;
            }
            let mut parts = word.split('-').peekable();
            while let Some(p) = parts.next() {
                out.push(Token::new(p, Span::default()));
                if parts.peek().is_some() {
                    out.push(Token::new("-", Span::default()));
                }
            }
        }
        out
    }

    fn words(toks: &[Token], spans: &[NameSpan]) -> Vec<String> {
        spans
            .iter()
            .map(|(r, _)| toks[r.clone()].iter().map(|t| t.form.as_str()).collect::<Vec<_>>().join(" "))
            .collect()
    }

    #[test]
    fn two_person_spans_across_a_hyphen_are_one_name() {
        // Tomas Price - Halloran visited the port .
        let t = tokens("Tomas Price-Halloran visited the port .");
        let got = join_hyphenated_names(&t, vec![(0..2, NerClass::Per), (3..4, NerClass::Per)]);
        assert_eq!(words(&t, &got), ["Tomas Price - Halloran"]);
    }

    #[test]
    fn a_capitalised_part_before_the_hyphen_joins_the_person() {
        let t = tokens("Judge Ortega-Lindqvist ruled .");
        let got = join_hyphenated_names(&t, vec![(3..4, NerClass::Per)]);
        assert_eq!(words(&t, &got), ["Ortega - Lindqvist"]);
    }

    #[test]
    fn a_lowercase_given_name_syllable_joins_a_two_word_name() {
        let t = tokens("Kim Ji-woo resigned .");
        let got = join_hyphenated_names(&t, vec![(0..2, NerClass::Per)]);
        assert_eq!(words(&t, &got), ["Kim Ji - woo"]);
    }

    #[test]
    fn modifiers_and_spaced_dashes_stay_outside_the_name() {
        let t = tokens("a Dana Smith-backed bill");
        assert_eq!(words(&t, &join_hyphenated_names(&t, vec![(1..3, NerClass::Per)])), ["Dana Smith"]);
        let t = tokens("Dana Smith-era rules");
        assert_eq!(words(&t, &join_hyphenated_names(&t, vec![(0..2, NerClass::Per)])), ["Dana Smith"]);
        // a one-word name before a lowercase part is a compound (`Smith-led`), not a given name
        let t = tokens("the Smith-run firm");
        assert_eq!(words(&t, &join_hyphenated_names(&t, vec![(1..2, NerClass::Per)])), ["Smith"]);
        // `Dana Smith - Lee Park` with spaces: two people
        let t = tokens("Dana Smith - Lee Park");
        assert_eq!(words(&t, &join_hyphenated_names(&t, vec![(0..2, NerClass::Per), (3..5, NerClass::Per)])), ["Dana Smith", "Lee Park"]);
    }

    #[test]
    fn a_hyphenated_name_particle_joins_the_person() {
        // the tagger ends the name before the particle
        let t = tokens("Karim Nadir el-Tadi spoke .");
        let got = join_hyphenated_names(&t, vec![(0..2, NerClass::Per)]);
        assert_eq!(words(&t, &got), ["Karim Nadir el - Tadi"]);
        // the tagger starts a second name after it
        let t = tokens("Karim al-Rami spoke .");
        let got = join_hyphenated_names(&t, vec![(0..1, NerClass::Per), (3..4, NerClass::Per)]);
        assert_eq!(words(&t, &got), ["Karim al - Rami"]);
        // a particle word with a space after it is no part of a hyphenated name
        let t = tokens("Karim as - Rami said");
        let got = join_hyphenated_names(&t, vec![(0..1, NerClass::Per)]);
        assert_eq!(words(&t, &got), ["Karim"]);
        // a lowercase part after the hyphen is a modifier, not a surname
        let t = tokens("Karim al-led talks");
        let got = join_hyphenated_names(&t, vec![(0..1, NerClass::Per)]);
        assert_eq!(words(&t, &got), ["Karim"]);
    }

    #[test]
    fn a_particle_surname_tagged_as_another_class_joins_the_person_before_it() {
        // `Norvia's President Abdel Karim al-Rami spoke .`: the tagger reads `al-Rami` as an organisation
        let t = tokens("President Abdel Karim al-Rami spoke .");
        let got = join_hyphenated_names(&t, vec![(1..3, NerClass::Per), (3..6, NerClass::Org)]);
        assert_eq!(words(&t, &got), ["Abdel Karim al - Rami"]);
        // an organisation after a space, or one that goes on past the surname, stays apart
        let t = tokens("Karim al-Rami Foundation said");
        let got = join_hyphenated_names(&t, vec![(0..1, NerClass::Per), (1..5, NerClass::Org)]);
        assert_eq!(words(&t, &got), ["Karim", "al - Rami Foundation"]);
    }

    #[test]
    fn a_hyphenated_first_name_joins_the_surname_after_it() {
        let t = tokens("Anne-Marie Okafor spoke .");
        let got = join_hyphenated_names(&t, vec![(0..1, NerClass::Per), (3..4, NerClass::Per)]);
        assert_eq!(words(&t, &got), ["Anne - Marie Okafor"]);
    }

    #[test]
    fn two_one_word_names_around_a_hyphen_stay_two_people() {
        for text in ["the Lund-Okafor talks failed", "Lund-Okafor won the vote"] {
            let t = tokens(text);
            let first = if text.starts_with("the") { 1 } else { 0 };
            let spans = vec![(first..first + 1, NerClass::Per), (first + 2..first + 3, NerClass::Per)];
            assert_eq!(words(&t, &join_hyphenated_names(&t, spans)), ["Lund", "Okafor"], "{text}");
        }
    }

    #[test]
    fn places_and_organisations_are_left_alone() {
        let t = tokens("the Norland-Estmark border");
        let spans = vec![(1..2, NerClass::Loc), (3..4, NerClass::Loc)];
        assert_eq!(words(&t, &join_hyphenated_names(&t, spans)), ["Norland", "Estmark"]);
    }

    #[test]
    fn a_one_word_given_name_joins_a_longer_name_after_the_hyphen_unless_a_noun_follows() {
        let t = tokens("Professor Man-Yee Chow said it works");
        let spans = vec![(1..2, NerClass::Per), (3..5, NerClass::Per)];
        assert_eq!(words(&t, &join_hyphenated_names(&t, spans)), ["Man - Yee Chow"]);
        let mut t = tokens("the Lund-Ana Brill talks failed");
        t[5].upos = "NOUN".to_owned();
        let spans = vec![(1..2, NerClass::Per), (3..5, NerClass::Per)];
        assert_eq!(words(&t, &join_hyphenated_names(&t, spans)), ["Lund", "Ana Brill"]);
    }
}
