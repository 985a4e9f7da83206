//! Step 2, descriptions of a country: `the country`, `the nation`, and the same nouns with
//! descriptive modifiers — `the island nation`, `the African country`, `the landlocked nation`,
//! `the Gulf state` — refer to the most recent country named within two sentences (never past a
//! closer one), or, with none that near, to the article's own country (the one it has named most,
//! at least twice and more than any other); `the two countries` / `both nations` to the two most
//! recent.
//!
//! A modifier that introduces another country (`the neighbouring country`, `another nation`, `the
//! first country to …`, `the poorest nation`) makes the phrase no back-reference; so does a
//! phrase bound by what follows (`the country of X`, `the only nation to …`). `state` names a
//! country only with a capitalised regional word in front (`the Gulf state`, `the Baltic
//! state`); `the state` alone or `the Ruritanian state` is a part of a country (a class noun,
//! [`descriptions`](super::descriptions)).
//!
//! In: the head noun's token and the sentence's nationality words. Out: the head token's
//! reference (rule `definite-country`) and a salience entry; nothing when no country fits.

use super::state::*;
use crate::document::{EntityType, Sentence};

/// The rule noted on the reference.
const RULE: &str = "definite-country";

/// How many sentences back a singular description looks for its country.
const SINGULAR_SENTENCES: usize = 2;
/// How often the article must have named its country for a distant `the country` to be it.
const DOMINANT_MENTIONS: usize = 2;
/// How many sentences back `the two countries` looks for its pair.
const PLURAL_SENTENCES: usize = 6;

/// Nouns for a sovereign country that the country step handles.
pub(super) fn is_country_noun(k: &str) -> bool {
    matches!(k, "country" | "countries" | "nation" | "nations" | "state")
}

/// Modifiers that point at a country other than the one just named, or single one out by rank
/// (general English: contrast, ordinals, ranking words). `the poorest nation` is caught by
/// [`is_superlative`].
fn introduces_another(w: &str) -> bool {
    matches!(
        w,
        "other" | "another" | "neighbouring" | "neighboring" | "neighbour" | "neighbor" | "different" | "foreign"
            | "rival" | "new" | "next" | "previous" | "first" | "second" | "third" | "last" | "only" | "single"
            | "sole" | "same" | "every" | "each" | "any" | "no" | "one" | "member" | "partner" | "donor"
            | "developing" | "developed" | "western" | "eastern" | "northern" | "southern" | "independent"
            | "sovereign" | "whole" | "entire"
    )
}

/// `JJS`/`RBS` or an `-est` adjective: `the largest country`, `the most populous nation`.
fn is_superlative(s: &Sentence, i: usize) -> bool {
    let t = &s.tokens[i];
    matches!(t.xpos.as_str(), "JJS" | "RBS") || matches!(lower_key(&t.form).as_str(), "most" | "least")
}

/// What stands between the determiner and the country noun.
#[derive(Debug, Default, PartialEq)]
struct CountryPhrase {
    /// The determiner's token.
    det: usize,
    /// A nationality word among the modifiers (`the Ruritanian nation`).
    nationality: Option<u32>,
    /// A capitalised modifier that is no nationality: a region (`the African`, `the Gulf`).
    region: bool,
    /// Any modifier at all.
    modified: bool,
}

/// Reads `the [modifiers] NOUN` backwards from the noun at `tok`: up to three descriptive
/// modifiers (adjectives, nouns, regional words, nationality words) after `the`/`this`/`that`.
/// None when a modifier introduces another country or the phrase is bound by what follows.
fn country_phrase(s: &Sentence, tok: usize, nat: &[Option<u32>]) -> Option<CountryPhrase> {
    let mut p = CountryPhrase::default();
    let mut i = tok;
    loop {
        if i == 0 || tok - i > 3 {
            return None;
        }
        let t = &s.tokens[i - 1];
        let w = lower_key(&t.form);
        if matches!(w.as_str(), "the" | "this" | "that") {
            p.det = i - 1;
            break;
        }
        if let Some(c) = nat[i - 1] {
            p.nationality = p.nationality.or(Some(c));
        } else if introduces_another(&w) || is_superlative(s, i - 1) {
            return None;
        } else if !(t.upos.is_empty() || matches!(t.upos.as_str(), "ADJ" | "NOUN" | "PROPN")) || !t.form.chars().any(char::is_alphabetic) {
            return None;
        } else if starts_upper(&t.form) {
            p.region = true;
        }
        p.modified = true;
        i -= 1;
    }
    // `the country of X`, `the nation to do Y`: the phrase is bound to what follows
    let bound = s.tokens.get(tok + 1).is_some_and(|n| matches!(lower_key(&n.form).as_str(), "of" | "to"));
    if p.modified && bound {
        return None;
    }
    Some(p)
}

impl State<'_> {
    /// `the country`, `the island nation`, `the Gulf state` → the most recent country;
    /// `the two countries` → the two. Returns whether the token was a country description (a
    /// `state` that is not one is left to the class nouns).
    pub(super) fn definite_country(&mut self, si: usize, s: &Sentence, tok: usize, k: &str, nat: &[Option<u32>]) -> bool {
        if tok == 0 || starts_upper(&s.tokens[tok].form) {
            return false;
        }
        let plural = k.ends_with('s');
        if plural {
            let prev = lower_key(&s.tokens[tok - 1].form);
            if prev == "two" || prev == "both" {
                self.country_pair(si, tok);
            }
            return true;
        }
        let Some(p) = country_phrase(s, tok, nat) else { return k != "state" };
        if k == "state" && !(p.region && p.nationality.is_none()) {
            return false;
        }
        let found = self
            .recent(si, p.det, SINGULAR_SENTENCES)
            .into_iter()
            .find_map(|(tg, _)| match tg {
                Target::One(c) if self.clusters[c].kind == EntityType::Country => Some(c),
                _ => None,
            });
        // the most recent country, else the article's own country; it must be the one a
        // nationality word names
        let found = found.or_else(|| self.dominant_country());
        let Some(c) = found.filter(|&c| p.nationality.is_none_or(|n| self.clusters[c].gaz == Some(n))) else { return true };
        self.set_ref(si, tok..tok + 1, Target::One(c), RULE);
        self.push_hist(Target::One(c), si, tok);
        true
    }

    /// The country the article is about, for a `the country` with none named nearby: the
    /// country named most often so far, at least [`DOMINANT_MENTIONS`] times and more often than
    /// any other (a news report names its country early and then says `the country`).
    fn dominant_country(&self) -> Option<usize> {
        let mut counts: Vec<(usize, usize)> =
            self.clusters.iter().enumerate().filter(|(_, c)| c.kind == EntityType::Country && c.count > 0).map(|(i, c)| (c.count, i)).collect();
        counts.sort_unstable_by(|a, b| b.cmp(a));
        let &(top, c) = counts.first()?;
        let clear = counts.get(1).is_none_or(|&(second, _)| second < top);
        (top >= DOMINANT_MENTIONS && clear).then_some(c)
    }

    /// `the two countries`, `both nations`: the two countries last named together (`X and Y`),
    /// else the two most recent countries.
    fn country_pair(&mut self, si: usize, tok: usize) {
        if let Some(m) = self.conjoined_country_pair(si, tok) {
            let target = Target::Group(m);
            self.set_ref(si, tok..tok + 1, target.clone(), RULE);
            self.push_hist(target, si, tok);
            return;
        }
        let cands: Vec<usize> = self
            .recent(si, tok, PLURAL_SENTENCES)
            .into_iter()
            .filter_map(|(tg, _)| match tg {
                Target::One(c) if self.clusters[c].kind == EntityType::Country => Some(c),
                _ => None,
            })
            .collect();
        if cands.len() < 2 {
            return;
        }
        let mut m = vec![cands[0], cands[1]];
        m.sort_unstable();
        let target = Target::Group(m);
        self.set_ref(si, tok..tok + 1, target.clone(), RULE);
        self.push_hist(target, si, tok);
    }
}

impl State<'_> {
    /// The latest two countries joined by `and` within [`PLURAL_SENTENCES`] before (`si`,
    /// `tok`): a pair the text named together is what `the two nations` goes on with, even when
    /// a third country was named since (`X and Y fought … Z backed Y … the two nations`).
    fn conjoined_country_pair(&self, si: usize, tok: usize) -> Option<Vec<usize>> {
        let country_at = |sj: usize, k: usize| match self.get_ref(sj, k) {
            Some((Target::One(c), _)) if self.clusters[*c].kind == EntityType::Country => Some(*c),
            _ => None,
        };
        for sj in (si.saturating_sub(PLURAL_SENTENCES)..=si).rev() {
            let ts = &self.doc.sentences[sj].tokens;
            let end = if sj == si { tok } else { ts.len() };
            for k in (0..end).rev() {
                let t = &ts[k];
                if t.deprel != "conj" || t.head == 0 || t.head - 1 >= k {
                    continue;
                }
                let (Some(a), Some(b)) = (country_at(sj, t.head - 1), country_at(sj, k)) else { continue };
                let and = (t.head..k).any(|j| ts[j].head == k + 1 && ts[j].deprel == "cc" && lower_key(&ts[j].form) == "and");
                if a != b && and {
                    let mut m = vec![a, b];
                    m.sort_unstable();
                    return Some(m);
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_nations_are_the_two_countries_named_together() {
        // invented: a third country named since the pair is not one of the two
        let text = "Chile and Peru fought over the river in May. Bolivia backed Peru. The two nations signed a truce in June.";
        let (_, facts) = super::super::tests::pipeline_facts(text);
        let signers: Vec<&String> = facts.iter().filter(|f| f.0 == 2 && f.2.contains("sign")).map(|f| &f.1).collect();
        assert!(!signers.is_empty() && signers.iter().all(|s| !s.contains("Bolivia")), "{facts:?}");
    }
    use crate::document::Token;

    fn sentence(words: &[&str]) -> Sentence {
        Sentence { tokens: words.iter().map(|w| Token { form: (*w).into(), ..Token::default() }).collect(), ..Sentence::default() }
    }

    #[test]
    fn descriptive_modifiers_keep_the_phrase_a_back_reference() {
        let s = sentence(&["Aid", "reached", "the", "small", "island", "nation", "."]);
        let p = country_phrase(&s, 5, &[None; 7]).expect("a country phrase");
        assert_eq!((p.det, p.modified, p.region), (2, true, false));
        let s = sentence(&["Aid", "reached", "the", "Gulf", "state", "."]);
        let p = country_phrase(&s, 4, &[None; 6]).expect("a country phrase");
        assert!(p.region);
    }

    #[test]
    fn modifiers_that_introduce_another_country_are_no_back_reference() {
        for m in ["neighbouring", "other", "first", "only"] {
            let s = sentence(&["Aid", "reached", "the", m, "country", "."]);
            assert_eq!(country_phrase(&s, 4, &[None; 6]), None, "{m}");
        }
        let mut s = sentence(&["Aid", "reached", "the", "poorest", "country", "."]);
        s.tokens[3].xpos = "JJS".into();
        assert_eq!(country_phrase(&s, 4, &[None; 6]), None);
        // bound by what follows
        let s = sentence(&["the", "island", "nation", "of", "Vessland"]);
        assert_eq!(country_phrase(&s, 2, &[None; 5]), None);
        // no determiner: `an island nation` introduces one
        let s = sentence(&["an", "island", "nation"]);
        assert_eq!(country_phrase(&s, 2, &[None; 3]), None);
    }
}
