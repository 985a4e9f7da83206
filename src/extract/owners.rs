//! Organisation names after `PERSON of`, joined into one mention before extraction and
//! resolution.
//!
//! `Ana Reyes of the Kestrel Center for Oceanography said`, `Ben Tarrow of Tarn Fire and Rescue`,
//! the name after `of` is the organisation the
//! person speaks for, but the named-entity model often cuts it (`Kestrel Center` + `Oceanography`),
//! or types it as a person (`Tarn Fire`, `Vela Research`). Read from the words instead: a run of capitalised words joined by `and`, `&`, `for` or a dash (and by
//! `of` right after an organisation noun: `Institute of Soils`). The run becomes one
//! `Organization` mention replacing the mentions inside it when
//!
//! - it ends where the phrase ends (punctuation, a conjunction, a verb, an adverb before a verb,
//!   `who`, or `in` + a name locating the owner), so a longer phrase is never cut into a name;
//! - it covers more than one mention, or words outside any mention, or a mention typed as a
//!   person; a run that is exactly one organisation or place mention is left as it is;
//! - when any of its words is typed as a person, it holds an organisation noun (`Vela Research`),
//!   so `NAME of Cy Dorn` stays two people; `and` never joins a person's name that follows it.
//!
//! In: the document's sentences and mentions. Out: the mentions, some joined and retyped.

use crate::document::{EntityType, Mention, Sentence, Token, sentence_positions};

/// Head nouns of organisation names, lowercase: general English nouns that end the names of
/// bodies, services, institutions, groups and funds (`Vela Research`, `Tarn Fire and Rescue`).
const ORGANISATION_NOUNS: &[&str] = &[
    "research", "rescue", "center", "centre", "office", "laboratory", "laboratories", "labs", "lab", "group",
    "society", "academy", "trust", "fund", "corporation", "institution", "alliance", "coalition", "observatory",
    "agency", "authority", "bureau", "services", "service", "foundation", "association", "institute", "council",
    "department", "ministry", "commission", "committee", "board", "university", "college", "school", "hospital",
    "museum", "company", "union", "federation", "league", "organisation", "organization", "network", "police",
];

fn is_organisation_noun(t: &Token) -> bool {
    ORGANISATION_NOUNS.contains(&t.form.to_lowercase().as_str())
}

fn capitalised(t: &Token) -> bool {
    t.form.chars().next().is_some_and(char::is_uppercase) && matches!(t.upos.as_str(), "PROPN" | "NOUN" | "ADJ" | "NUM" | "X")
}

/// The mention (index into `ms`) covering token `i`.
fn covering(ms: &[&Mention], i: usize) -> Option<usize> {
    ms.iter().position(|m| m.tokens.contains(&i))
}

/// Whether the phrase ends at token `k`.
fn ends(toks: &[Token], k: usize) -> bool {
    let Some(t) = toks.get(k) else { return true };
    t.upos == "PUNCT"
        || matches!(t.upos.as_str(), "CCONJ" | "VERB" | "AUX")
        || t.lemma == "who"
        || (t.upos == "ADV" && toks.get(k + 1).is_some_and(|n| matches!(n.upos.as_str(), "VERB" | "AUX")))
}

/// Whether the phrase ends at `k` or after `in` + a capitalised name there.
fn closes(toks: &[Token], k: usize) -> bool {
    if ends(toks, k) {
        return true;
    }
    if toks[k].lemma != "in" {
        return false;
    }
    let mut e = k + 1;
    while e < toks.len() && toks[e].upos == "PROPN" {
        e += 1;
    }
    e > k + 1 && ends(toks, e)
}

/// The organisation run starting at `j` (module doc): its end.
fn run_end(toks: &[Token], ms: &[&Mention], j: usize) -> Option<usize> {
    let n = toks.len();
    if j >= n || !capitalised(&toks[j]) {
        return None;
    }
    let person_at = |k: usize| covering(ms, k).is_some_and(|m| ms[m].kind == EntityType::Person && ms[m].tokens.start == k);
    let mut e = j + 1;
    while e < n {
        if capitalised(&toks[e]) {
            e += 1;
            continue;
        }
        let joins = match toks[e].form.as_str() {
            "and" | "&" => !person_at(e + 1),
            "for" | "-" | "–" => true,
            "of" => is_organisation_noun(&toks[e - 1]),
            _ => false,
        };
        if joins && e + 1 < n && capitalised(&toks[e + 1]) {
            e += 2;
            continue;
        }
        break;
    }
    Some(e)
}

/// The organisation run after `PERSON of [the]` whose `of` is at `of`: `[start, end)`, when it
/// is to be joined (module doc).
fn owner_run(toks: &[Token], ms: &[&Mention], of: usize) -> Option<(usize, usize)> {
    let j = if toks.get(of + 1).is_some_and(|t| t.lemma == "the") { of + 2 } else { of + 1 };
    let e = run_end(toks, ms, j)?;
    if !closes(toks, e) {
        return None;
    }
    let inside: Vec<usize> = ms.iter().enumerate().filter(|(_, m)| m.tokens.start < e && m.tokens.end > j).map(|(k, _)| k).collect();
    // a mention reaching out of the run: the run is part of a longer name
    if inside.iter().any(|&k| ms[k].tokens.start < j || ms[k].tokens.end > e) {
        return None;
    }
    let person = inside.iter().any(|&k| ms[k].kind == EntityType::Person);
    if person && !(j..e).any(|k| is_organisation_noun(&toks[k])) {
        return None;
    }
    let one_name = inside.len() == 1 && ms[inside[0]].tokens == (j..e) && !person;
    (!one_name).then_some((j, e))
}

/// Joins the organisation names after `PERSON of` into one mention each (module doc).
pub fn join_owner_names(sentences: &[Sentence], mentions: Vec<Mention>) -> Vec<Mention> {
    let position = sentence_positions(sentences);
    let mut joined: Vec<Mention> = Vec::new();
    let mut drop: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    for m in mentions.iter().filter(|m| m.kind == EntityType::Person) {
        let Some(s) = position.get(&m.sentence).map(|&k| &sentences[k]) else { continue };
        let toks = &s.tokens;
        if toks.get(m.tokens.end).is_none_or(|t| t.lemma != "of") {
            continue;
        }
        let ms: Vec<&Mention> = mentions.iter().filter(|x| x.sentence == m.sentence).collect();
        let Some((j, e)) = owner_run(toks, &ms, m.tokens.end) else { continue };
        for x in ms.iter().filter(|x| x.tokens.start < e && x.tokens.end > j) {
            drop.push((x.sentence, x.tokens.clone()));
        }
        let mut text = String::new();
        for t in &toks[j..e] {
            text.push_str(&t.form);
            if t.space_after {
                text.push(' ');
            }
        }
        joined.push(Mention {
            sentence: m.sentence,
            tokens: j..e,
            span: toks[j].span.cover(&toks[e - 1].span),
            text: text.trim_end().to_string(),
            kind: EntityType::Organization,
            entity: None,
        });
    }
    if joined.is_empty() {
        return mentions;
    }
    let mut out: Vec<Mention> = mentions.into_iter().filter(|m| !drop.contains(&(m.sentence, m.tokens.clone()))).collect();
    out.extend(joined);
    out.sort_by_key(|m| (m.sentence, m.tokens.start));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::rules::testkit::sentence;

    /// The mentions after the repair, as (text of the tokens, kind).
    fn after(spec: &str) -> Vec<(String, EntityType)> {
        let (s, m) = sentence(spec);
        let out = join_owner_names(std::slice::from_ref(&s), m);
        out.iter()
            .map(|m| (s.tokens[m.tokens.clone()].iter().map(|t| t.form.as_str()).collect::<Vec<_>>().join(" "), m.kind))
            .collect()
    }

    fn has(got: &[(String, EntityType)], text: &str, kind: EntityType) -> bool {
        got.iter().any(|(t, k)| t == text && *k == kind)
    }

    #[test]
    fn cut_and_mistyped_names_are_joined() {
        use EntityType::*;
        // cut at `for`
        let got = after("[[Orla/PROPN Benn]]/PROPN of/ADP the/DET %%Kestrel/PROPN Center%%/PROPN for/ADP %%Oceanography%%/PROPN ,/PUNCT who/PRON left/VERB");
        assert!(has(&got, "Kestrel Center for Oceanography", Organization), "{got:?}");
        assert!(!has(&got, "Oceanography", Location), "{got:?}");
        // typed as a person, with `and`
        let got = after("[[Kaspar/PROPN Linde]]/PROPN of/ADP [[Tallow/PROPN Fire]]/PROPN and/CCONJ Rescue/PROPN said/VERB");
        assert!(has(&got, "Tallow Fire and Rescue", Organization), "{got:?}");
        // a name before lowercase words keeps its own mention (the extractor reads the office)
        let got = after("[[Wilma/PROPN Strand]]/PROPN of/ADP the/DET %%Norvia%%/PROPN river/NOUN protection/NOUN office/NOUN told/VERB us/PRON");
        assert!(has(&got, "Norvia", Location) && got.len() == 2, "{got:?}");
        // a place locating the owner closes the phrase
        let got = after("[[Ivo/PROPN Oster]]/PROPN of/ADP [[Brenmouth/PROPN Research]]/PROPN in/ADP ((Tarnby))/PROPN also/ADV said/VERB");
        assert!(has(&got, "Brenmouth Research", Organization), "{got:?}");
        assert!(has(&got, "Tarnby", City), "{got:?}");
    }

    #[test]
    fn people_and_whole_names_are_left() {
        use EntityType::*;
        // a person after `of` with no organisation noun stays a person
        let got = after("The/DET son/NOUN of/ADP [[Ben/PROPN Tarrow]]/PROPN of/ADP [[Cy/PROPN Dorn]]/PROPN won/VERB");
        assert!(has(&got, "Cy Dorn", Person), "{got:?}");
        // `and` before a person's name joins nothing
        let got = after("[[Ana/PROPN Reyes]]/PROPN of/ADP {{Vela/PROPN Labs}}/PROPN and/CCONJ [[Cy/PROPN Dorn]]/PROPN of/ADP {{Tarn/PROPN Institute}}/PROPN spoke/VERB");
        assert!(has(&got, "Vela Labs", Organization) && has(&got, "Cy Dorn", Person), "{got:?}");
        // the phrase goes on: no name is cut out of it
        let got = after("[[Ana/PROPN Reyes]]/PROPN of/ADP {{Vela/PROPN Labs}}/PROPN research/NOUN staff/NOUN spoke/VERB");
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(has(&got, "Vela Labs", Organization), "{got:?}");
    }
}
