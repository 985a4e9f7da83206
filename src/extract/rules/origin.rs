//! Origin and allegiance read from the words in front of a name or in an apposition, when no
//! role noun carries them (roles with a role noun are `roles`):
//!
//! - a demonym with a describing noun: `Norwegian citizen X`, `the Belgian carmaker X`,
//!   `a Kenyan tourist, X,`, `X, a Danish charity,` → X – from – country;
//! - a place with `-based`: `the Lyon-based firm X`, `X, a Lyon-based company,` → X – based in – place;
//! - a party adjective in front of a role: `Republican Senator X`, `X, a Labour MP,` → X –
//!   member of – party.
//!
//! - a person noun or name with `from`/`at` and a name: `researchers from the University of X`,
//!   `X from Denver` → researchers – from – University of X.
//!
//! The name is a mention or a run of proper nouns right after the phrase, or the name the phrase
//! stands in apposition to. Graph facts only.
//!
//! In: the tree's tokens, mention extents and kinds. Out: literal-relation [`Prop`]s.

use super::*;

/// Capitalised adjectives and nouns that name a political party's members, with the party's
/// usual English name. General English political vocabulary (the large parties of
/// English-language news), not a list of organisations met in any article.
const PARTY_WORDS: &[(&str, &str)] = &[
    ("Republican", "Republican Party"),
    ("Democratic", "Democratic Party"),
    ("Democrat", "Democratic Party"),
    ("Labour", "Labour Party"),
    ("Conservative", "Conservative Party"),
    ("Tory", "Conservative Party"),
    ("Liberal", "Liberal Party"),
    ("Socialist", "Socialist Party"),
    ("Communist", "Communist Party"),
];

/// Nouns of a person's civil status that the tagger reads as adjectives in front of a name
/// (`Norvian national X`, the `national` tagged ADJ as in `national team`): as the last describing
/// word they are the noun the demonym describes. General English, closed class.
const STATUS_NOUNS: &[&str] = &["national", "nationals"];

/// What stands in front of the describing nouns.
#[derive(Clone, Copy)]
enum Origin {
    /// A demonym: the country.
    Country(&'static str),
    /// A party adjective: the party.
    Party(&'static str),
    /// A place written `P-based`: the place tokens `[s, e)`.
    Based(usize, usize),
}

/// Whether a word names a political party's members (`Republican`, `Labour`): such a word in
/// front of a title is the holder's party, not the office's owner.
pub(super) fn is_party_word(w: &str) -> bool {
    PARTY_WORDS.iter().any(|(p, _)| *p == w)
}

impl Rules<'_, '_> {
    fn is_lower_word(&self, i: usize) -> bool {
        let f = self.tr.form(i);
        f.chars().next().is_some_and(char::is_lowercase) && f.chars().all(|c| c.is_alphabetic() || c == '-')
    }

    /// The describing words after position `i`: lowercase nouns, adjectives and participles
    /// (`state - owned enterprise`), role nouns and their modifiers (`Senator`). Returns the end
    /// and whether a role noun was among them; the last word must be a noun.
    fn describing_words(&self, i: usize) -> Option<(usize, bool)> {
        let tr = self.tr;
        let mut j = i;
        let mut role = false;
        let mut last_noun = false;
        while j < tr.len() && j < i + 6 {
            if let Some((last, _)) = self.role_word_at(j) {
                // a kinship noun is no role here (`a Syrian child`): the role rules give a relative no
                // nationality, so the demonym is the person's own
                role |= !(j == last && super::roles::is_kin_noun(&tr.lemma(j).to_lowercase()));
                last_noun = true;
                j = last + 1;
                continue;
            }
            // `mortar and shell manufacturer`: coordinated describing words
            let joins = tr.form(j) == "-" || (tr.upos(j) == "CCONJ" && tr.lemma_is(j, &["and"]));
            if joins && j > i && j + 1 < tr.len() && self.is_lower_word(j + 1) {
                j += 1;
                continue;
            }
            if self.is_lower_word(j) && matches!(tr.upos(j), "NOUN" | "ADJ" | "VERB" | "PROPN") && self.ment_at(j).is_none() {
                last_noun = matches!(tr.upos(j), "NOUN" | "PROPN") || tr.form_is(j, STATUS_NOUNS);
                j += 1;
                continue;
            }
            break;
        }
        (j > i && last_noun).then_some((j, role))
    }

    /// The end of the name starting at `i`: a mention of a person, place or organisation, or
    /// proper nouns.
    fn name_at(&self, i: usize) -> Option<usize> {
        use crate::document::EntityType as T;
        match (self.ment_at(i), self.kind_at(i)) {
            (Some((s, e)), k) if s == i && !matches!(k, Some(T::Date | T::Quantity | T::Money)) => Some(e),
            _ => self.name_run(i),
        }
    }

    /// The start of the name that ends just before `end` (a mention, or proper nouns).
    fn name_ending_at(&self, end: usize) -> Option<usize> {
        let tr = self.tr;
        if end == 0 {
            return None;
        }
        if let Some((s, e)) = self.ment_at(end - 1) {
            if e == end {
                return Some(s);
            }
        }
        let mut s = end;
        while s > 0 && tr.upos(s - 1) == "PROPN" && self.role_word_at(s - 1).is_none() {
            s -= 1;
        }
        (s < end).then_some(s)
    }

    /// The origin word starting at `i`, and where the describing words start.
    fn origin_at(&self, i: usize) -> Option<(Origin, usize)> {
        let tr = self.tr;
        let f = tr.form(i);
        if !f.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        if let Some(&(_, party)) = PARTY_WORDS.iter().find(|(w, _)| *w == f) {
            return Some((Origin::Party(party), i + 1));
        }
        // `Lyon - based`: the place is a mention or proper nouns ending at `i`
        if i + 2 < tr.len() && tr.form(i + 1) == "-" && tr.form(i + 2).eq_ignore_ascii_case("based") {
            let s = self.name_ending_at(i + 1)?;
            return Some((Origin::Based(s, i + 1), i + 3));
        }
        if self.ment_at(i).is_some_and(|(s, e)| e > i + 1 || s < i) {
            // a demonym that starts a longer name (`Danish Museum`) is part of that name
            return None;
        }
        demonym_country(f).map(|c| (Origin::Country(c), i + 1))
    }

    /// `A and B, both from Ostland,`, `A, B and C, all from Ostland,`: the place after `both
    /// from` (or `all from`) in an apposition to a list of names is each one's origin. The parser
    /// reads the place as one more conjunct of the list, so the tree gives none of them an origin.
    pub(super) fn shared_origin_props(&self, out: &mut Vec<Prop>) {
        let tr = self.tr;
        let n = tr.len();
        let names = self.person_names();
        for c in 1..n.saturating_sub(3) {
            if tr.form(c) != "," || !tr.lemma_is(c + 1, &["both", "all"]) || !tr.lemma_is(c + 2, &["from"]) {
                continue;
            }
            let place = self.ment_at(c + 3).filter(|&(s, _)| s == c + 3 && super::places::place_rank(self.kind_at(s)).is_some());
            let Some((ps, pe)) = place.filter(|&(_, e)| e >= n || tr.is_punct(e)) else { continue };
            let group = self.names_listed_before(&names, c);
            if group.len() < 2 {
                continue;
            }
            for (s, e) in group {
                let lit = Lit { words: "from".into(), verb: None, noun: None, mods: Vec::new(), prep: Some("from".into()) };
                let mut p = self.lit_prop("origin:shared", ps, self.span_part(s, e), lit, self.span_part(ps, pe), 0.6);
                p.carb = false;
                out.push(p);
            }
        }
    }

    /// The names of a list `A, B(,) and C` that ends just before `end`, last first: each one
    /// preceded by a comma, `and` or `, and`.
    fn names_listed_before(&self, names: &[(usize, usize)], end: usize) -> Vec<(usize, usize)> {
        let tr = self.tr;
        let mut group = Vec::new();
        let mut end = end;
        while let Some(&(s, e)) = names.iter().find(|&&(_, e)| e == end) {
            group.push((s, e));
            if s == 0 || !(tr.lemma_is(s - 1, &["and"]) || tr.form(s - 1) == ",") {
                break;
            }
            end = s - 1;
            if tr.lemma_is(end, &["and"]) && end > 0 && tr.form(end - 1) == "," {
                end -= 1;
            }
        }
        group
    }

    /// `researchers from the University of X`, `scientists at X`, `X from Denver`: a role noun
    /// or a person's name with a `from`/`at` modifier naming a place or organisation, or several
    /// coordinated ones (`from X and Y`).
    pub(super) fn affiliation_props(&self, out: &mut Vec<Prop>) {
        use crate::document::EntityType as T;
        let tr = self.tr;
        for n in 0..tr.len() {
            let person_name = tr.upos(n) == "PROPN" && self.kind_at(n) == Some(T::Person);
            let role_noun = tr.upos(n) == "NOUN" && self.role_word_at(n).is_some_and(|(last, _)| last == n);
            // a role in apposition to a name is the role rule's (`X, a virologist at Y`)
            if !(person_name || role_noun) || tr.rel(n) == "appos" || (role_noun && self.predicated_role(n)) {
                continue;
            }
            for first in tr.kids(n).filter(|&k| tr.base(k) == "nmod" && tr.upos(k) == "PROPN") {
                // `X of Peru` (a person's name, then a country, as sports results write it) says where
                // X is from; `of` after anything else is too loose (`the capital of Peru`)
                let country_of = person_name && self.kind_at(first) == Some(T::Country);
                let Some(case) = tr
                    .kids(first)
                    .find(|&c| tr.base(c) == "case" && (tr.lemma_is(c, &["from", "at"]) || (country_of && tr.lemma_is(c, &["of"]))))
                else {
                    continue;
                };
                // `from the University of X and Y University`: the preposition covers each conjunct
                let conjs = self.list_members(first).into_iter().filter(|&c| tr.upos(c) == "PROPN");
                for k in std::iter::once(first).chain(conjs) {
                    self.affiliation_prop(n, k, case, person_name, out);
                }
            }
        }
    }

    /// Whether role noun `n` is said of someone else, as a copula's predicate (`Ivo Oster is a
    /// lecturer at X`, `Both are lecturers at X`) or after `as` (`worked as a nurse at X`): the
    /// role is that subject's (the role rules read it), the noun names no one of its own.
    fn predicated_role(&self, n: usize) -> bool {
        let tr = self.tr;
        tr.kids(n).any(|k| tr.base(k) == "cop" || (tr.base(k) == "case" && tr.lemma_is(k, &["as"])))
    }

    /// One affiliation fact: role noun or name `n`, `from`/`at` (`case`), organisation or place `k`.
    fn affiliation_prop(&self, n: usize, k: usize, case: usize, person_name: bool, out: &mut Vec<Prop>) {
        use crate::document::EntityType as T;
        let tr = self.tr;
        if !self.ment_at(k).is_some() || matches!(self.kind_at(k), Some(T::Person | T::Date | T::Quantity | T::Money)) {
            return;
        }
        let subj = if person_name {
            let (s, e) = self.ment_at(n).unwrap_or((n, n + 1));
            self.span_part(s, e)
        } else {
            let toks: Vec<usize> = tr.kids(n).filter(|&m| m < n && matches!(tr.base(m), "compound" | "amod")).chain([n]).collect();
            Part { head: n, min: toks.clone(), toks, poss_after: None, text: None }
        };
        // `X of Peru` reads X – from – Peru
        let prep = if tr.lemma_is(case, &["of"]) { "from".to_owned() } else { tr.form(case).to_lowercase() };
        let lit = Lit { words: prep.clone(), verb: None, noun: None, mods: Vec::new(), prep: Some(prep) };
        let mut p = self.lit_prop("origin:affiliation", k, subj, lit, self.np(k, true), 0.6);
        p.carb = false;
        out.push(p);
    }

    /// All origin and party facts of the sentence.
    pub(super) fn origin_props(&self, out: &mut Vec<Prop>) {
        let tr = self.tr;
        let n = tr.len();
        for d in 0..n {
            let Some((origin, from)) = self.origin_at(d) else { continue };
            let (end, role) = match self.describing_words(from) {
                Some(x) => x,
                // `the Lyon-based X`: a place needs no describing noun
                None if matches!(origin, Origin::Based(..)) => (from, false),
                // `an Australian, X,` / `X, a Kenyan,`: the demonym is the noun
                None if matches!(origin, Origin::Country(_)) && d > 0 && tr.lemma_is(d - 1, &["a", "an"]) && (from >= n || tr.is_punct(from)) => {
                    (from, false)
                }
                // `Democrat X voted`, `Republican X said`: a party word right before a person's
                // name (or opening the tagger's span of it) calls the person a member, as a title would
                None if matches!(origin, Origin::Party(_))
                    && self.ment_at(from).is_some_and(|(s, _)| s == from || s == d)
                    && self.kind_at(from) == Some(crate::document::EntityType::Person) =>
                {
                    (from, true)
                }
                None => continue,
            };
            match origin {
                // a party adjective only with a role noun (`Republican voters` are no members)
                Origin::Party(_) if !role => continue,
                // a demonym with a role noun is the role rule's (`Kenyan runner X`)
                Origin::Country(_) if role => continue,
                _ => {}
            }
            let start = match origin {
                Origin::Based(s, _) => s,
                _ => d,
            };
            // `X, a three-year-old Norvian child,`: an age compound may stand between the article
            // and the demonym
            let lead = (start >= 6 && self.age_compound_at(start - 5).is_some_and(|(_, after)| after == start)).then(|| start - 5).unwrap_or(start);
            let det_before = lead > 0 && self.is_det(lead - 1);
            let phrase_start = if det_before { lead - 1 } else { lead };
            let mut names: Vec<(usize, usize)> = Vec::new();
            // in front of the name: `Norwegian citizen X`
            if let Some(e) = self.name_at(end) {
                names.push((end, e));
            }
            // an apposition before the name: `a Kenyan tourist, X, was hurt`
            if names.is_empty() && end + 1 < n && tr.form(end) == "," && det_before {
                if let Some(e) = self.name_at(end + 1).filter(|&e| e >= n || tr.is_punct(e)) {
                    names.push((end + 1, e));
                }
            }
            // an apposition after the name: `X, a Danish charity, said`
            let closes = end >= n || tr.is_punct(end) || tr.lemma_is(end, &["who", "which", "that"]);
            if names.is_empty() && closes && phrase_start >= 2 && tr.form(phrase_start - 1) == "," {
                if let Some(s) = self.name_ending_at(phrase_start - 1) {
                    names.push((s, phrase_start - 1));
                }
            }
            for (s, e) in names {
                let name = self.span_part(s, e);
                let (words, obj) = match origin {
                    Origin::Country(c) => {
                        let mut part = self.span_part(d, d + 1);
                        part.text = Some(c);
                        ("from", part)
                    }
                    Origin::Party(p) => {
                        let mut part = self.span_part(d, d + 1);
                        part.text = Some(p);
                        ("member of", part)
                    }
                    Origin::Based(ps, pe) => ("based in", self.span_part(ps, pe)),
                };
                let mut words_iter = words.rsplitn(2, ' ');
                let prep = words_iter.next().map(str::to_owned);
                let noun = words_iter.next().map(str::to_owned);
                let lit = Lit {
                    words: words.into(),
                    verb: None,
                    noun,
                    mods: Vec::new(),
                    prep,
                };
                let mut p = self.lit_prop("origin", obj.head, name, lit, obj, 0.65);
                p.carb = false;
                out.push(p);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::check_cases;

    #[test]
    fn affiliation_constructions() {
        let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
            (
                "A/DET/2/det researcher/NOUN/8/nsubj from/ADP/5/case the/DET/5/det {{University/PROPN/2/nmod of/ADP/7/case \
                 Oslo}}/PROPN/5/nmod found/VERB/0/root the/DET/10/det gene/NOUN/8/obj ./PUNCT/8/punct",
                &[("researcher", "from", "University of Oslo")],
                &[],
            ),
            (
                "[[Liam/PROPN/5/nsubj Ortiz]]/PROPN/1/flat from/ADP/4/case <<Peru>>/PROPN/1/nmod won/VERB/0/root ./PUNCT/5/punct",
                &[("Liam Ortiz", "from", "Peru")],
                &[],
            ),
            (
                "Bronze/NOUN/2/nsubj went/VERB/0/root to/ADP/4/case [[Liam/PROPN/2/obl Ortiz]]/PROPN/4/flat of/ADP/7/case \
                 <<Peru>>/PROPN/4/nmod ./PUNCT/2/punct",
                &[("Liam Ortiz", "from", "Peru")],
                &[],
            ),
            // `of` after a common noun is no origin (`the capital of Peru`)
            (
                "The/DET/2/det capital/NOUN/5/nsubj of/ADP/4/case <<Peru>>/PROPN/2/nmod grew/VERB/0/root ./PUNCT/5/punct",
                &[],
                &["capital"],
            ),
            // a thing from a place, and a person from a date, are no affiliations
            (
                "Imports/NOUN/4/nsubj from/ADP/3/case <<Peru>>/PROPN/1/nmod rose/VERB/0/root ./PUNCT/4/punct",
                &[],
                &["Imports"],
            ),
            // the preposition covers each conjunct: `from the University of Oslo and Varde College`
            (
                "Researchers/NOUN/11/nsubj from/ADP/4/case the/DET/4/det {{University/PROPN/1/nmod of/ADP/6/case \
                 Oslo}}/PROPN/4/nmod and/CCONJ/9/cc {{Varde/PROPN/9/compound College}}/PROPN/4/conj \
                 found/VERB/0/root the/DET/13/det gene/NOUN/11/obj ./PUNCT/11/punct",
                &[("Researchers", "from", "University of Oslo"), ("Researchers", "from", "Varde College")],
                &[],
            ),
            // must give nothing: a coordinated thing that is no organisation or place
            (
                "Imports/NOUN/7/nsubj from/ADP/3/case <<Peru>>/PROPN/1/nmod and/CCONJ/5/cc <<Chile>>/PROPN/3/conj \
                 sharply/ADV/7/advmod rose/VERB/0/root ./PUNCT/7/punct",
                &[],
                &["Imports"],
            ),
        ];
        check_cases(cases, "origin:affiliation");
    }

    #[test]
    fn a_predicated_role_noun_is_no_affiliated_subject() {
        // must give nothing with the role noun for subject: the role is the subject's
        let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
            // `Ivo Oster is a lecturer at Vell College.` (invented)
            (
                "[[Ivo/PROPN/5/nsubj Oster]]/PROPN/1/flat is/AUX/5/cop a/DET/5/det lecturer/NOUN/0/root at/ADP/8/case \
                 {{Vell/PROPN/8/compound College}}/PROPN/5/nmod ./PUNCT/5/punct",
                &[],
                &["lecturer"],
            ),
            // `She worked as a nurse at the Tarn Clinic.` (invented)
            (
                "She/PRON/2/nsubj worked/VERB/0/root as/ADP/5/case a/DET/5/det nurse/NOUN/2/obl at/ADP/9/case \
                 the/DET/9/det {{Tarn/PROPN/9/compound Clinic}}/PROPN/5/nmod ./PUNCT/2/punct",
                &[],
                &["nurse"],
            ),
        ];
        check_cases(cases, "origin:affiliation");
    }

    #[test]
    fn origin_constructions() {
        // (invented sentence, expected subject | relation | object facts, subjects that must not appear)
        let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
            (
                "An/DET Australian/NOUN ,/PUNCT [[Kim/PROPN Dale]]/PROPN ,/PUNCT appeared/VERB in/ADP court/NOUN ./PUNCT",
                &[("Kim Dale", "from", "Australia")],
                &[],
            ),
            (
                // a kinship noun and an age compound in the apposition: the demonym is still the person's
                "[[Odd/PROPN Lien]]/PROPN ,/PUNCT a/DET three/NUM -/PUNCT year/NOUN -/PUNCT old/ADJ Norwegian/ADJ child/NOUN who/PRON fell/VERB ,/PUNCT was/AUX found/VERB ./PUNCT",
                &[("Odd Lien", "from", "Norway")],
                &[],
            ),
            (
                "Norwegian/ADJ citizen/NOUN [[Odd/PROPN Lien]]/PROPN was/AUX arrested/VERB ./PUNCT",
                &[("Odd Lien", "from", "Norway")],
                &[],
            ),
            // a place shared by a list of names in an apposition
            (
                "[[Ivo/PROPN Tamm]]/PROPN and/CCONJ [[Lena/PROPN Varga]]/PROPN ,/PUNCT both/CCONJ from/ADP <<Norvia>>/PROPN ,/PUNCT won/VERB ./PUNCT",
                &[("Ivo Tamm", "from", "Norvia"), ("Lena Varga", "from", "Norvia")],
                &[],
            ),
            (
                "[[Ivo/PROPN Tamm]]/PROPN ,/PUNCT [[Lena/PROPN Varga]]/PROPN ,/PUNCT and/CCONJ [[Cy/PROPN Dorn]]/PROPN ,/PUNCT all/DET \
                 from/ADP <<Norvia>>/PROPN ,/PUNCT won/VERB ./PUNCT",
                &[("Ivo Tamm", "from", "Norvia"), ("Lena Varga", "from", "Norvia"), ("Cy Dorn", "from", "Norvia")],
                &[],
            ),
            // one name only: the plain apposition rules read it
            (
                "The/DET prize/NOUN went/VERB to/ADP [[Ivo/PROPN Tamm]]/PROPN ,/PUNCT both/CCONJ from/ADP <<Norvia>>/PROPN ,/PUNCT ./PUNCT",
                &[],
                &["Ivo Tamm"],
            ),
            // `national` tagged as an adjective is still the noun the demonym describes
            (
                "He/PRON married/VERB Norwegian/ADJ national/ADJ [[Odd/PROPN Lien]]/PROPN ./PUNCT",
                &[("Odd Lien", "from", "Norway")],
                &[],
            ),
            (
                "A/DET Kenyan/ADJ tourist/NOUN ,/PUNCT [[Amy/PROPN Wanjiru]]/PROPN ,/PUNCT was/AUX hurt/VERB ./PUNCT",
                &[("Amy Wanjiru", "from", "Kenya")],
                &[],
            ),
            (
                "The/DET Belgian/ADJ state/NOUN -/PUNCT owned/VERB carmaker/NOUN Volta/PROPN Motors/PROPN sold/VERB the/DET plant/NOUN ./PUNCT",
                &[("Volta Motors", "from", "Belgium")],
                &[],
            ),
            (
                "The/DET Belgian/ADJ tile/NOUN and/CCONJ brick/NOUN maker/NOUN {{Volta/PROPN Works}}/PROPN was/AUX sold/VERB ./PUNCT",
                &[("Volta Works", "from", "Belgium")],
                &[],
            ),
            (
                "{{Sea/PROPN Light}}/PROPN ,/PUNCT a/DET Danish/ADJ charity/NOUN ,/PUNCT rescued/VERB 40/NUM people/NOUN ./PUNCT",
                &[("Sea Light", "from", "Denmark")],
                &[],
            ),
            (
                "The/DET <<Lyon>>/PROPN -/PUNCT based/VERB firm/NOUN {{Ardo}}/PROPN hired/VERB 90/NUM staff/NOUN ./PUNCT",
                &[("Ardo", "based in", "Lyon")],
                &[],
            ),
            (
                "Republican/ADJ Senator/PROPN [[Ray/PROPN Dix]]/PROPN and/CCONJ Labour/PROPN MP/PROPN [[Jo/PROPN Kerr]]/PROPN met/VERB ./PUNCT",
                &[("Ray Dix", "member of", "Republican Party"), ("Jo Kerr", "member of", "Labour Party")],
                &[],
            ),
            // a party word right before a person's name
            (
                "Tory/PROPN [[Lina/PROPN Sorel]]/PROPN voted/VERB against/ADP the/DET plan/NOUN ./PUNCT",
                &[("Lina Sorel", "member of", "Conservative Party")],
                &[],
            ),
            (
                "[[Tory/PROPN Lina/PROPN Sorel]]/PROPN voted/VERB against/ADP the/DET plan/NOUN ./PUNCT",
                &[("Lina Sorel", "member of", "Conservative Party")],
                &[],
            ),
            // no describing noun, a role noun after a demonym, a party word without a role
            (
                "Republican/ADJ voters/NOUN and/CCONJ Danish/ADJ [[Ole/PROPN Berg]]/PROPN and/CCONJ Kenyan/ADJ runner/NOUN [[Joy/PROPN Kip]]/PROPN cheered/VERB ./PUNCT",
                &[],
                &["Ole Berg", "Joy Kip"],
            ),
        ];
        check_cases(cases, "origin");
    }
}
