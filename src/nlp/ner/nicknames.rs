//! Person names written with a quoted nickname between the given names and the surname
//! (`Robert Allen "Bobby" Kessler`, `Maria “Mimi” Ostrova`), the usual form of a full name in
//! obituaries and court reports.
//!
//! In: a sentence's tokens and its name spans as the tagger found them. Out: the same spans with
//! such a name made one person span. The tagger stops the name at the quotation mark and starts
//! a second one after it (`Robert Allen` + `Kessler`), so the person got a cut label and a second
//! node, and the facts of the sentence went to a first-names-only node. A quoted run of one or two
//! capitalised words standing between a person span and the person span right after the closing
//! mark is a nickname inside one name: both spans and the quoted words join. A quoted word after a
//! complete name followed by something other than a person (`Ana Ruiz "Moonlight" Records`, a
//! title after the name) is left alone.

use super::{NameSpan, NerClass};
use crate::document::Token;

/// Opening and closing quotation marks a nickname is written between.
const QUOTES: &[&str] = &["\"", "“", "”", "``", "''", "‘", "’", "'"];

/// Longest nickname, in words, between the marks.
const MAX_NICKNAME: usize = 2;

/// The spans with a person span, a quoted nickname and the person span after it joined.
pub(super) fn join_quoted_nicknames(tokens: &[Token], mut spans: Vec<NameSpan>) -> Vec<NameSpan> {
    spans.sort_by_key(|(r, _)| r.start);
    let mut out: Vec<NameSpan> = Vec::with_capacity(spans.len());
    for (range, class) in spans {
        if let Some((last, last_class)) = out.last_mut()
            && *last_class == NerClass::Per
            && class == NerClass::Per
            && (nickname_between(tokens, last.end, range.start) || nickname_inside(tokens, last, range.start))
        {
            last.end = range.end;
            continue;
        }
        out.push((range, class));
    }
    // the tagger may have tagged the nickname itself as a (third) person span: join
    // person, quoted person, person
    let mut joined: Vec<NameSpan> = Vec::with_capacity(out.len());
    let mut i = 0;
    while i < out.len() {
        if i + 2 < out.len()
            && out[i..i + 3].iter().all(|(_, c)| *c == NerClass::Per)
            && out[i].0.end + 1 == out[i + 1].0.start
            && out[i + 1].0.end + 1 == out[i + 2].0.start
            && nickname_between(tokens, out[i].0.end, out[i + 2].0.start)
        {
            joined.push((out[i].0.start..out[i + 2].0.end, NerClass::Per));
            i += 3;
            continue;
        }
        joined.push(out[i].clone());
        i += 1;
    }
    given_names_before_nicknames(tokens, joined)
}

/// `Robert "Bobby" Kessler` where the tagger found the surname (and perhaps the nickname) but not
/// the given name before the opening mark: one or two capitalised words right before a quoted
/// nickname that stands right before a person span are the given names, and the whole run is one
/// person span (a nickname tagged on its own is dropped into it). The given names are no title
/// (`Sergeant "Bobby" Kessler` stays as it was) and no word of another span.
fn given_names_before_nicknames(tokens: &[Token], spans: Vec<NameSpan>) -> Vec<NameSpan> {
    let mark = |k: usize| QUOTES.contains(&tokens[k].form.as_str());
    let given = |k: usize| {
        let f = tokens[k].form.as_str();
        f.chars().next().is_some_and(char::is_uppercase)
            && f.chars().skip(1).all(|c| c.is_lowercase() || c == '-' || c == '\'')
            && f.chars().count() > 1
            && !super::typing::is_title_word(f)
            && !crate::ontology::roles::is_role_noun(&f.to_lowercase())
            && !matches!(tokens[k].upos.as_str(), "DET" | "PRON" | "ADP" | "VERB" | "AUX" | "CCONJ" | "SCONJ")
    };
    let covered = |spans: &[NameSpan], k: usize| spans.iter().any(|(r, _)| r.contains(&k));
    let mut out: Vec<NameSpan> = Vec::with_capacity(spans.len());
    for (range, class) in spans.iter().cloned() {
        if class != NerClass::Per || range.start < 4 || !mark(range.start - 1) {
            out.push((range, class));
            continue;
        }
        // the opening mark, one or two words before the closing one
        let Some(open) = (2..=MAX_NICKNAME + 1).map(|d| range.start - 1 - d).find(|&o| o >= 1 && mark(o) && nickname_between(tokens, o, range.start)) else {
            out.push((range, class));
            continue;
        };
        let mut start = open;
        while start > 0 && open - start < 2 && given(start - 1) && !covered(&spans, start - 1) {
            start -= 1;
        }
        // the given names must start the name: no capitalised name word right before them
        if start == open || (start > 0 && given(start - 1)) {
            out.push((range, class));
            continue;
        }
        // a nickname the tagger found on its own becomes part of the name
        out.retain(|(r, _)| !(r.start > open && r.end < range.start));
        out.push((start..range.end, NerClass::Per));
    }
    out
}

/// `Ivo "Sparky` + `Oster`: the tagger ran the first span over the opening mark into the
/// nickname and stopped at the closing one. Whether the span `first` holds an opening mark after
/// at least one of its words, and from that mark to `to` stand the nickname and its closing mark.
fn nickname_inside(tokens: &[Token], first: &std::ops::Range<usize>, to: usize) -> bool {
    let mark = |k: usize| QUOTES.contains(&tokens[k].form.as_str());
    (first.start + 1..first.end).rev().find(|&k| mark(k)).is_some_and(|open| nickname_between(tokens, open, to))
}

/// Whether tokens `from..to` are an opening mark, one or two capitalised words and a closing mark.
fn nickname_between(tokens: &[Token], from: usize, to: usize) -> bool {
    if to > tokens.len() || to < from + 3 || to - from - 2 > MAX_NICKNAME {
        return false;
    }
    let mark = |k: usize| QUOTES.contains(&tokens[k].form.as_str());
    let capitalised = |k: usize| tokens[k].form.chars().next().is_some_and(char::is_uppercase) && tokens[k].form.chars().any(char::is_lowercase);
    mark(from) && mark(to - 1) && (from + 1..to - 1).all(capitalised)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Span;

    fn tokens(text: &str) -> Vec<Token> {
        text.split(' ').map(|w| Token::new(w, Span::default())).collect()
    }

    fn labels(toks: &[Token], spans: &[NameSpan]) -> Vec<String> {
        spans.iter().map(|(r, _)| toks[r.clone()].iter().map(|t| t.form.as_str()).collect::<Vec<_>>().join(" ")).collect()
    }

    /// `Robert Allen "Bobby" Kessler died .` (invented), the nickname untagged.
    #[test]
    fn a_quoted_nickname_joins_the_names_around_it() {
        let toks = tokens("Robert Allen \" Bobby \" Kessler died .");
        let spans = join_quoted_nicknames(&toks, vec![(0..2, NerClass::Per), (5..6, NerClass::Per)]);
        assert_eq!(labels(&toks, &spans), ["Robert Allen \" Bobby \" Kessler"]);
    }

    /// `the league named radio host Ben "Sparky" Tarrow .` (invented), the first span run over the
    /// opening mark into the nickname; a quote of lowercase words is no nickname.
    #[test]
    fn a_span_cut_inside_the_nickname_joins_the_surname() {
        let toks = tokens("the league named radio host Ben \" Sparky \" Tarrow .");
        let spans = join_quoted_nicknames(&toks, vec![(5..8, NerClass::Per), (9..10, NerClass::Per)]);
        assert_eq!(labels(&toks, &spans), ["Ben \" Sparky \" Tarrow"]);
        let toks = tokens("Ben \" the boss \" Tarrow");
        let spans = join_quoted_nicknames(&toks, vec![(0..3, NerClass::Per), (5..6, NerClass::Per)]);
        assert_eq!(spans.len(), 2);
    }

    /// `Maria “Mimi” de Ostrova spoke .` (invented), the nickname tagged as a person too.
    #[test]
    fn a_nickname_tagged_as_a_name_joins_too() {
        let toks = tokens("Maria “ Mimi ” Ostrova Lind spoke .");
        let spans = join_quoted_nicknames(&toks, vec![(0..1, NerClass::Per), (2..3, NerClass::Per), (4..6, NerClass::Per)]);
        assert_eq!(labels(&toks, &spans), ["Maria “ Mimi ” Ostrova Lind"]);
    }

    /// `sergeant Ivo "Ivan" Oster was hurt .` (invented): the tagger found the nickname and the
    /// surname, not the given name before the mark; `Sergeant " Ivan " Oster` (a title) and a
    /// run of three capitalised words stay apart.
    #[test]
    fn an_untagged_given_name_before_a_nickname_joins_the_name() {
        let toks = tokens("sergeant Ivo \" Ivan \" Oster was hurt .");
        let spans = join_quoted_nicknames(&toks, vec![(3..4, NerClass::Per), (5..6, NerClass::Per)]);
        assert_eq!(labels(&toks, &spans), ["Ivo \" Ivan \" Oster"]);
        let spans = join_quoted_nicknames(&toks, vec![(5..6, NerClass::Per)]);
        assert_eq!(labels(&toks, &spans), ["Ivo \" Ivan \" Oster"]);
        let toks = tokens("the Sergeant \" Ivan \" Oster was hurt .");
        let spans = join_quoted_nicknames(&toks, vec![(5..6, NerClass::Per)]);
        assert_eq!(labels(&toks, &spans), ["Oster"]);
        let toks = tokens("at Tarn Ostrava Teller \" Ivan \" Oster spoke");
        let spans = join_quoted_nicknames(&toks, vec![(7..8, NerClass::Per)]);
        assert_eq!(labels(&toks, &spans), ["Oster"]);
    }

    /// A quoted title between a person and an organisation, a quoted sentence between two people,
    /// and a quote of lowercase words stay apart (invented).
    #[test]
    fn other_quotes_between_names_stay_apart() {
        let toks = tokens("Ana Ruiz \" Moonlight \" Records");
        let spans = join_quoted_nicknames(&toks, vec![(0..2, NerClass::Per), (5..6, NerClass::Org)]);
        assert_eq!(spans.len(), 2);
        let toks = tokens("Ana Ruiz \" the boss \" Tom Hale");
        let spans = join_quoted_nicknames(&toks, vec![(0..2, NerClass::Per), (5..7, NerClass::Per)]);
        assert_eq!(spans.len(), 2);
        let toks = tokens("Ana Ruiz \" We Will Win Again \" Tom Hale");
        let spans = join_quoted_nicknames(&toks, vec![(0..2, NerClass::Per), (7..9, NerClass::Per)]);
        assert_eq!(spans.len(), 2);
    }
}
