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
//!
//! Two more shapes of a role right before a name, where the tagger typed the name as a place or
//! an organisation:
//! - a name set off by commas after a role phrase, `the chief engineer of Brenmouth, Tove Marrack,
//!   said`: the tagger carries the owner's place type over the comma to the name;
//! - a capitalised title with its country inside one organisation span, `Norvian Special Envoy for
//!   Kestria Tove Marrack said`: the span is cut to the person's name after the country;
//! - an owner's name, a capitalised title and a person's name in one span, `Norvia Council Speaker
//!   Tove Marrack said`: the owner and the person become two names, the title neither.
//!
//! In both the name is two or three name words as above, none a head of an organisation's name
//! (`Council`, `Trust`).

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

/// Words that join a role noun to the name of whom the role is held at (`the mayor of Y`,
/// `envoy for Y`, `professor at Y`).
const OWNER_PREPS: &[&str] = &["of", "for", "at"];

/// The spans with each name set off by a comma right after a role phrase (`the chief engineer of
/// Brenmouth, Tove Marrack, said`) typed as a person when the tagger typed it as a place or an
/// organisation. The name must close its apposition: a comma or a verb follows it.
pub(super) fn type_names_apposed_to_roles(tokens: &[Token], mut spans: Vec<NameSpan>) -> Vec<NameSpan> {
    for k in 0..spans.len() {
        let (r, class) = (spans[k].0.clone(), spans[k].1);
        if class == NerClass::Per || r.start < 2 || tokens[r.start - 1].form != "," || !person_name_words(&tokens[r.clone()]) {
            continue;
        }
        let closes = tokens.get(r.end).is_none_or(|t| t.form == "," || matches!(t.upos.as_str(), "VERB" | "AUX"));
        if closes && role_phrase_ends_at(tokens, r.start - 1) {
            spans[k].1 = NerClass::Per;
        }
    }
    spans
}

/// The spans with each organisation or place span that holds a capitalised title, its country and
/// a name (`Norvian Special Envoy for Kestria Tove Marrack`) cut to the name, typed as a person.
/// The country must be one the gazetteer knows as a country, so that the name after it is
/// the person's (`Envoy for Kestria Affairs` names an office, no person); a portfolio after `of`
/// closes the title as well (`Norvian Secretary of State Tove Marrack`).
pub(super) fn cut_titled_names_from_organisations(tokens: &[Token], mut spans: Vec<NameSpan>) -> Vec<NameSpan> {
    for k in 0..spans.len() {
        let (r, class) = (spans[k].0.clone(), spans[k].1);
        if class == NerClass::Per {
            continue;
        }
        let title = (r.start..r.end.saturating_sub(4)).find(|&i| {
            capitalised(&tokens[i])
                && crate::ontology::roles::is_role_noun(&tokens[i].form.to_lowercase())
                && OWNER_PREPS.contains(&tokens[i + 1].form.as_str())
                && (is_country_word(&tokens[i + 2].form)
                    || (tokens[i + 1].form == "of" && crate::ontology::roles::is_portfolio_word(&tokens[i + 2].form.to_lowercase())))
        });
        if let Some(title) = title {
            let name = title + 3..r.end;
            if (2..=3).contains(&name.len()) && person_name_words(&tokens[name.clone()]) {
                spans[k] = (name, NerClass::Per);
            }
            continue;
        }
        if let Some((owner, name)) = owner_title_name(tokens, r) {
            spans[k].0 = owner;
            spans.push((name, NerClass::Per));
        }
    }
    spans.sort_by_key(|(r, _)| r.start);
    spans
}

/// `Norvia Council Speaker Tove Marrack`, `Harbour Court Commissioner Ivo Oster` as one span:
/// the owner's name (holding the head of a body's name), a capitalised role noun right after it (no role that also names things,
/// [`THING_ROLES`]), and a person's name of two or three words closing the span. Returns the
/// owner's and the person's ranges (the title belongs to neither name).
fn owner_title_name(tokens: &[Token], r: std::ops::Range<usize>) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let title = (r.start + 1..r.end.saturating_sub(2)).find(|&i| {
        let lower = tokens[i].form.to_lowercase();
        capitalised(&tokens[i])
            && crate::ontology::roles::is_role_noun(&lower)
            && !THING_ROLES.contains(&lower.as_str())
            && capitalised(&tokens[i - 1])
            && tokens[i - 1].upos == "PROPN"
            && titled_name_words(&tokens[i + 1..r.end])
    })?;
    // the owner is a body's name (`Council`, `House of Delegates`, `Harbour Court`): a portfolio
    // before a title (`National Security Adviser`) is the title's own
    let body = tokens[r.start..title].iter().any(|t| super::institutions::is_organisation_head(t) || super::institutions::is_complement_head(t));
    body.then_some((r.start..title, title + 1..r.end))
}

/// Two or three name words after a title: as [`person_name_words`], but a word the gazetteer
/// knows is allowed (`Nancy`, `Paris` are given names too; the title settles it) unless the
/// gazetteer knows the whole run.
fn titled_name_words(toks: &[Token]) -> bool {
    let words: Vec<&str> = toks.iter().map(|t| t.form.as_str()).collect();
    (2..=3).contains(&toks.len())
        && toks.iter().all(|t| name_shaped(t) && !super::institutions::is_organisation_head(t))
        && !super::gazetteer_matches(&words).iter().any(|(r, _, _)| r.len() == toks.len())
}

/// Whether the gazetteer knows a single word as a country (`Kestria`).
fn is_country_word(w: &str) -> bool {
    super::gazetteer_matches(&[w]).iter().any(|(r, kind, demonym)| r.len() == 1 && !demonym && *kind == crate::document::EntityType::Country)
}

/// Two or three name words, none closing an organisation's name.
fn person_name_words(toks: &[Token]) -> bool {
    (2..=3).contains(&toks.len()) && toks.iter().all(|t| name_word(t) && !super::institutions::is_organisation_head(t))
}

/// Whether a role phrase ends right before `end`: a singular lowercase role noun, then lowercase
/// modifiers (`general`), and optionally `of`/`for`/`at`, a determiner and a capitalised name of
/// its owner (`the chief engineer of Brenmouth`).
fn role_phrase_ends_at(tokens: &[Token], end: usize) -> bool {
    let mut i = end;
    // the owner's name, after its preposition
    let mut run = 0;
    while i > 0 && capitalised(&tokens[i - 1]) && tokens[i - 1].upos == "PROPN" && run < 4 {
        i -= 1;
        run += 1;
    }
    if run > 0 {
        if i > 0 && tokens[i - 1].upos == "DET" {
            i -= 1;
        }
        if i == 0 || !OWNER_PREPS.contains(&tokens[i - 1].form.as_str()) {
            return false;
        }
        i -= 1;
    }
    // the role noun, possibly with a lowercase modifier after it (`prosecutor general`)
    (1..=2).any(|back| {
        i >= back
            && is_singular_role(&tokens[i - back])
            && tokens[i - back + 1..i].iter().all(|t| matches!(t.upos.as_str(), "NOUN" | "ADJ") && t.form.chars().all(char::is_lowercase))
    })
}

/// A lowercase singular role noun (`engineer`, `prosecutor`), also one of [`THING_ROLES`]: an
/// owner or a name after it settles that it names a person's role.
fn is_singular_role(t: &Token) -> bool {
    t.upos == "NOUN"
        && t.form.chars().all(|c| c.is_lowercase() || c == '-')
        && !t.feats.contains("Number=Plur")
        && crate::ontology::roles::is_role_noun(&t.form)
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
    name_shaped(t) && super::gazetteer_matches(&[t.form.as_str()]).is_empty()
}

/// A capitalised proper noun of letters (with lowercase ones: no acronym) that is no title word.
fn name_shaped(t: &Token) -> bool {
    t.upos == "PROPN"
        && capitalised(t)
        && t.form.chars().any(char::is_lowercase)
        && t.form.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && !typing::is_title_word(&t.form)
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

    #[test]
    fn a_name_apposed_to_a_role_phrase_is_a_person() {
        // "the chief engineer of Brenmouth, Tove Varrack Ilm, said": the name typed as a place
        let toks = tagged("the/DET chief/ADJ engineer/NOUN of/ADP Brenmouth/PROPN ,/PUNCT Tove/PROPN Varrack/PROPN Ilm/PROPN ,/PUNCT said/VERB");
        let spans = vec![(4..5, NerClass::Loc), (6..9, NerClass::Loc)];
        assert_eq!(type_names_apposed_to_roles(&toks, spans), vec![(4..5, NerClass::Loc), (6..9, NerClass::Per)]);
        // a role noun with a modifier after it and no owner, the name followed by its verb
        let toks = tagged("The/DET prosecutor/NOUN general/NOUN ,/PUNCT Tove/PROPN Varrack/PROPN said/VERB");
        assert_eq!(type_names_apposed_to_roles(&toks, vec![(4..6, NerClass::Org)]), vec![(4..6, NerClass::Per)]);
    }

    #[test]
    fn no_person_apposed_without_a_role_or_with_an_organisation_name() {
        // must give nothing: a noun that is no role, a plural role, an organisation's head word in
        // the name, a list going on after the name, a place the gazetteer knows
        let cases = [
            "the/DET capital/NOUN of/ADP Norvia/PROPN ,/PUNCT Tove/PROPN Varrack/PROPN ,/PUNCT said/VERB",
            "the/DET engineers/NOUN of/ADP Norvia/PROPN ,/PUNCT Tove/PROPN Varrack/PROPN ,/PUNCT said/VERB",
            "the/DET director/NOUN of/ADP Norvia/PROPN ,/PUNCT Vell/PROPN Trust/PROPN ,/PUNCT said/VERB",
            "the/DET director/NOUN of/ADP Norvia/PROPN ,/PUNCT Tove/PROPN Varrack/PROPN and/CCONJ others/NOUN met/VERB",
            "the/DET mayor/NOUN of/ADP Springfield/PROPN ,/PUNCT New/PROPN Jersey/PROPN ,/PUNCT said/VERB",
        ];
        for spec in cases {
            let toks = tagged(spec);
            let spans = vec![(5..7, NerClass::Loc)];
            assert_eq!(type_names_apposed_to_roles(&toks, spans.clone()), spans, "{spec}");
        }
    }

    #[test]
    fn a_title_with_its_country_is_cut_from_an_organisation_span() {
        // "Norvian Special Envoy for Iceland Tove Varrack said", all tagged as one organisation
        let toks = tagged("Norvian/ADJ Special/ADJ Envoy/PROPN for/ADP Iceland/PROPN Tove/PROPN Varrack/PROPN said/VERB");
        assert_eq!(cut_titled_names_from_organisations(&toks, vec![(0..7, NerClass::Org)]), vec![(5..7, NerClass::Per)]);
        // must give nothing: an office's name after a word that is no country, a title with no name
        let toks = tagged("the/DET Envoy/PROPN for/ADP Kestria/PROPN Tove/PROPN Varrack/PROPN said/VERB");
        assert_eq!(cut_titled_names_from_organisations(&toks, vec![(1..6, NerClass::Org)]), vec![(1..6, NerClass::Org)]);
        let toks = tagged("the/DET Envoy/PROPN for/ADP Iceland/PROPN Affairs/PROPN Office/PROPN said/VERB");
        assert_eq!(cut_titled_names_from_organisations(&toks, vec![(1..6, NerClass::Org)]), vec![(1..6, NerClass::Org)]);
        // a portfolio after `of` closes the title: `spoke with Norvian Secretary of State Tove Varrack`
        let toks = tagged("with/ADP Norvian/ADJ Secretary/PROPN of/ADP State/PROPN Tove/PROPN Varrack/PROPN about/ADP");
        assert_eq!(cut_titled_names_from_organisations(&toks, vec![(1..7, NerClass::Org)]), vec![(5..7, NerClass::Per)]);
    }

    #[test]
    fn an_owner_title_and_name_in_one_span_are_two_names() {
        // `the Norvia Council Speaker Tove Varrack said`, tagged as one organisation
        let toks = tagged("the/DET Norvia/PROPN Council/PROPN Speaker/PROPN Tove/PROPN Varrack/PROPN said/VERB");
        assert_eq!(
            cut_titled_names_from_organisations(&toks, vec![(1..6, NerClass::Org)]),
            vec![(1..3, NerClass::Org), (4..6, NerClass::Per)]
        );
        // a given name the gazetteer knows as a place: the title settles it
        let toks = tagged("the/DET Norvia/PROPN Council/PROPN Speaker/PROPN Paris/PROPN Varrack/PROPN said/VERB");
        assert_eq!(
            cut_titled_names_from_organisations(&toks, vec![(1..6, NerClass::Org)]),
            vec![(1..3, NerClass::Org), (4..6, NerClass::Per)]
        );
        // must give nothing: the name's last word closes an organisation, the role also names things
        let toks = tagged("the/DET Tarn/PROPN Speaker/PROPN Vell/PROPN Council/PROPN said/VERB");
        assert_eq!(cut_titled_names_from_organisations(&toks, vec![(1..5, NerClass::Org)]), vec![(1..5, NerClass::Org)]);
        let toks = tagged("the/DET Norvia/PROPN Security/PROPN Adviser/PROPN Tove/PROPN Varrack/PROPN said/VERB");
        assert_eq!(cut_titled_names_from_organisations(&toks, vec![(1..6, NerClass::Org)]), vec![(1..6, NerClass::Org)]);
        let toks = tagged("the/DET Norvia/PROPN General/PROPN Tove/PROPN Varrack/PROPN said/VERB");
        assert_eq!(cut_titled_names_from_organisations(&toks, vec![(1..5, NerClass::Org)]), vec![(1..5, NerClass::Org)]);
    }
}
