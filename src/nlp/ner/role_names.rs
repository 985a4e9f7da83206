//! Person names written right after a lowercase role noun (`the ecologist Mara Vellin said`,
//! `Norvia Trust scientist Ben Tarrow`, `committee member Ivo Tamm`) that the tagger left
//! untagged, or took into the organisation's span in front of the role noun.
//!
//! In: a sentence's tokens (with UPOS and the parser's `flat`/`compound` arcs) and its name spans
//! as the tagger found them. Out: the same spans with each such name added as a person, and an
//! organisation span that swallowed `role noun + name` cut before its first lowercase word. The
//! tagger misses a given name it has not seen (an uncommon or foreign one) even after a cue like
//! `ecologist`; with no person mention the speaker's quote, role and affiliation are lost, and a
//! later `he` resolves to whatever else is nearest.
//!
//! The name is two or three capitalised proper nouns (letters, hyphens, apostrophes), each
//! joined to the next by the parser as parts of one name (`flat` or `compound`), none a title
//! word nor a word the gazetteer knows (a place, a demonym, an organisation), and not followed by
//! another capitalised proper noun (the name must be whole). The role noun is a position or an
//! occupation ([`crate::ontology::roles::is_role_noun`]), written in lowercase right before the name, and
//! not one of the few role nouns that also name things ([`THING_ROLES`]).

use super::{NameSpan, NerClass, typing};
use crate::document::Token;

/// Role nouns that also name things a proper name may follow (`the 1998 model Vell Tarn`,
/// `the head Vell Office`): no person is read after them. General English.
const THING_ROLES: &[&str] = &["model", "head", "major", "principal", "general", "partner", "operator", "driver"];

/// The spans with each untagged person name after a lowercase role noun added (see the module
/// comment).
pub(super) fn name_people_after_roles(tokens: &[Token], mut spans: Vec<NameSpan>) -> Vec<NameSpan> {
    for role in 0..tokens.len() {
        if !is_role_cue(&tokens[role]) {
            continue;
        }
        let Some(end) = name_end(tokens, role + 1) else { continue };
        let name = role + 1..end;
        let meets = |r: &std::ops::Range<usize>| r.start < name.end && name.start < r.end;
        let met: Vec<usize> = (0..spans.len()).filter(|&k| meets(&spans[k].0)).collect();
        match met.as_slice() {
            [] => {}
            // `Brenmouth University political scientist Ivo Tamm` tagged as one organisation: the
            // organisation keeps its words up to the first lowercase one
            &[k] if spans[k].1 != NerClass::Per && spans[k].0.start <= role && spans[k].0.end == end => {
                let start = spans[k].0.start;
                let cut = (start..role).find(|&i| !capitalised(&tokens[i])).unwrap_or(role);
                if cut > start {
                    spans[k].0 = start..cut;
                } else {
                    spans.remove(k);
                }
            }
            _ => continue,
        }
        spans.push((name, NerClass::Per));
        spans.sort_by_key(|(r, _)| r.start);
    }
    spans
}

/// A lowercase role noun that may stand before a person's name.
fn is_role_cue(t: &Token) -> bool {
    t.upos == "NOUN"
        && t.form.chars().all(|c| c.is_lowercase() || c == '-')
        && !THING_ROLES.contains(&t.form.as_str())
        && crate::ontology::roles::is_role_noun(&t.form)
}

fn capitalised(t: &Token) -> bool {
    t.form.chars().next().is_some_and(char::is_uppercase)
}

/// A word that can be part of a person's name: a capitalised proper noun of letters (with
/// lowercase ones: no acronym), no title word, nothing the gazetteer knows.
fn name_word(t: &Token) -> bool {
    t.upos == "PROPN"
        && capitalised(t)
        && t.form.chars().any(char::is_lowercase)
        && t.form.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && !typing::is_title_word(&t.form)
        && super::gazetteer_matches(&[t.form.as_str()]).is_empty()
}

/// Whether the parser joined tokens `a` and `a + 1` as parts of one name.
fn joined(tokens: &[Token], a: usize) -> bool {
    let part = |x: &Token, y: usize| x.head == y + 1 && (x.deprel.starts_with("flat") || x.deprel == "compound");
    part(&tokens[a], a + 1) || part(&tokens[a + 1], a)
}

/// The end (exclusive) of a whole name of two or three words starting at `start`, if there is one.
fn name_end(tokens: &[Token], start: usize) -> Option<usize> {
    let mut end = start;
    while end < tokens.len() && name_word(&tokens[end]) && (end == start || joined(tokens, end - 1)) {
        end += 1;
    }
    let whole = end >= tokens.len() || !(capitalised(&tokens[end]) && tokens[end].upos == "PROPN");
    (whole && (2..=3).contains(&(end - start))).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::ner::tests::tagged;

    /// Tokens from `tagged` with the arcs `(dependent, head, deprel)` (0-based dependent and head).
    fn parsed(spec: &str, arcs: &[(usize, usize, &str)]) -> Vec<Token> {
        let mut toks = tagged(spec);
        for &(d, h, rel) in arcs {
            toks[d].head = h + 1;
            toks[d].deprel = rel.to_owned();
        }
        toks
    }

    #[test]
    fn an_untagged_name_after_a_role_noun_is_a_person() {
        // "According to ecologist Tove Marrack of the Vell Institute, ...": the name untagged
        let toks = parsed(
            "According/VERB to/ADP ecologist/NOUN Tove/PROPN Marrack/PROPN of/ADP the/DET Vell/PROPN Institute/PROPN",
            &[(4, 3, "flat"), (3, 2, "appos")],
        );
        let spans = vec![(7..9, NerClass::Org)];
        assert_eq!(name_people_after_roles(&toks, spans), vec![(3..5, NerClass::Per), (7..9, NerClass::Org)]);
        // "committee member Ivo Tamm said": a compound arc joins the parts
        let toks = parsed("committee/NOUN member/NOUN Ivo/PROPN Tamm/PROPN said/VERB", &[(2, 3, "compound")]);
        assert_eq!(name_people_after_roles(&toks, vec![]), vec![(2..4, NerClass::Per)]);
    }

    #[test]
    fn an_organisation_that_swallowed_role_and_name_is_cut() {
        // "Brenmouth University political scientist Ivo Tamm said", all tagged as one organisation
        let toks = parsed(
            "Brenmouth/PROPN University/PROPN political/ADJ scientist/NOUN Ivo/PROPN Tamm/PROPN said/VERB",
            &[(5, 4, "flat")],
        );
        let spans = vec![(0..6, NerClass::Org)];
        assert_eq!(name_people_after_roles(&toks, spans), vec![(0..2, NerClass::Org), (4..6, NerClass::Per)]);
    }

    #[test]
    fn no_person_without_a_role_noun_a_whole_joined_name_or_with_a_thing_noun() {
        // must give nothing: a noun that is no role, parts the parser did not join, a longer run of
        // capitals, a place word, a role noun that also names things, a name tagged already
        let cases: [(&str, Vec<(usize, usize, &str)>, Vec<NameSpan>); 6] = [
            ("the/DET lantern/NOUN Tove/PROPN Marrack/PROPN glowed/VERB", vec![(3, 2, "flat")], vec![]),
            ("the/DET ecologist/NOUN Tove/PROPN Marrack/PROPN said/VERB", vec![], vec![]),
            ("the/DET ecologist/NOUN Tove/PROPN Marrack/PROPN Vell/PROPN Dorn/PROPN said/VERB", vec![(3, 2, "flat"), (4, 3, "flat"), (5, 4, "flat")], vec![]),
            ("the/DET ecologist/NOUN Tove/PROPN London/PROPN said/VERB", vec![(3, 2, "flat")], vec![]),
            ("the/DET model/NOUN Vell/PROPN Tarn/PROPN burned/VERB", vec![(3, 2, "flat")], vec![]),
            ("the/DET ecologist/NOUN Tove/PROPN Marrack/PROPN said/VERB", vec![(3, 2, "flat")], vec![(2..4, NerClass::Per)]),
        ];
        for (spec, arcs, spans) in cases {
            let toks = parsed(spec, &arcs);
            assert_eq!(name_people_after_roles(&toks, spans.clone()), spans, "{spec}");
        }
    }
}
