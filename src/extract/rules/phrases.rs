//! Phrases: which tokens an argument spans — the full CaRB-style set and the minimal MinIE-safe
//! set — for noun phrases, complements and clause arguments; relative pronouns replaced by their
//! antecedent (`whose` → the antecedent's possessive).
//!
//! In: a head token. Out: a [`Part`].

use super::*;

impl Rules<'_, '_> {
    pub(super) fn full_skip(&self, k: usize) -> bool {
        let r = self.tr.rel(k);
        matches!(
            r,
            "acl:relcl" | "advcl:relcl" | "appos" | "parataxis" | "advcl" | "dep" | "discourse" | "vocative" | "reparandum" | "cc:preconj"
        ) || (matches!(r, "conj" | "cc") && matches!(self.tr.upos(k), "VERB" | "AUX"))
    }

    /// Coordination directly under the phrase head (split into separate arguments).
    pub(super) fn head_conj(&self, h: usize, k: usize) -> bool {
        self.tr.head[k] == h && matches!(self.tr.rel(k), "conj" | "cc" | "cc:preconj")
    }

    pub(super) fn min_skip(&self, k: usize) -> bool {
        let tr = self.tr;
        let r = tr.rel(k);
        if self.full_skip(k) {
            return true;
        }
        match r {
            // the minimal phrase drops every determiner, quantifiers included
            "conj" | "cc" | "det" => true,
            "acl" | "advmod" | "obl" | "obl:tmod" | "obl:npmod" | "ccomp" | "csubj" | "xcomp" => true,
            "nmod" | "nmod:tmod" | "nmod:npmod" => {
                // keep `of` complements (`billions of dollars`), drop other prepositional modifiers
                !tr.kids(k).any(|c| tr.rel(c) == "case" && tr.lemma_is(c, &["of"]))
            }
            _ => false,
        }
    }

    /// A noun phrase rooted at `h` (its own `case` excluded when `drop_case`).
    pub fn np(&self, h: usize, drop_case: bool) -> Part {
        let tr = self.tr;
        let skip_full = |k: usize| self.full_skip(k) || self.head_conj(h, k) || (drop_case && tr.head[k] == h && tr.base(k) == "case");
        let toks = tr.phrase(h, &skip_full);
        let skip_min = |k: usize| self.min_skip(k) || self.head_conj(h, k) || (drop_case && tr.head[k] == h && tr.base(k) == "case");
        let mut min = tr.phrase(h, &skip_min);
        // `his Colombian counterpart Tomas Ferrer`: the name is the minimal argument
        if tr.upos(h) == "NOUN" {
            // (also a name the parser hung as a modifier without preposition: `associates Ann Bell`)
            let bare_nmod = |k: usize| tr.base(k) == "nmod" && tr.rel(k) != "nmod:poss" && !tr.kids(k).any(|c| c < k && tr.base(c) == "case");
            // the name follows the noun with no comma between (`the rebel faction The Iron Circle`:
            // its head is its last word)
            // (a capitalised `The` opens the name; `the elections the party held` is a relative clause)
            let name_start = |x: usize| tr.upos(x) == "PROPN" || (tr.upos(x) == "DET" && tr.form(x) == "The");
            let adjacent = |k: usize| k <= h + 2 || (name_start(h + 1) && tr.phrase(k, &|_| false).first() == Some(&(h + 1)));
            if let Some(a) = tr
                .kids(h)
                .find(|&k| k > h && (tr.rel(k) == "appos" || bare_nmod(k)) && tr.upos(k) == "PROPN" && adjacent(k))
            {
                min = tr.phrase(a, &|k| self.min_skip(k));
            }
        }
        // `a woman named Ana Ruiz`: the noun is the person the name names, so the name is the
        // minimal argument (the naming participle gives no fact of its own)
        if tr.upos(h) == "NOUN" {
            if let Some(a) = tr.kids(h).find_map(|c| crate::extract::quality::naming_participle(tr, c)) {
                min = tr.phrase(a, &|k| self.min_skip(k));
            }
        }
        // `US President Alan Price`: the title is a relation of its own (title rule), the minimal
        // argument is the name
        if tr.upos(h) == "PROPN" {
            let is_title = |j: usize| tr.form_is(j, TITLES) || tr.lemma_is(j, TITLES);
            let mut start = h;
            while start > 0 && tr.upos(start - 1) == "PROPN" && tr.ancestor_of(h, start - 1) && !is_title(start - 1) && demonym_country(tr.form(start - 1)).is_none() {
                start -= 1;
            }
            if start > 0 && is_title(start - 1) && !tr.form_is(start - 1, HONORIFICS) && tr.ancestor_of(h, start - 1) {
                min.retain(|&x| x >= start);
            }
        }
        // keep a named-entity mention whole
        if let Some((s, e)) = self.ment_at(h) {
            for x in s..e {
                if !min.contains(&x) && toks.contains(&x) {
                    min.push(x);
                }
            }
            min.sort_unstable();
        }
        Part {
            head: h,
            toks,
            min,
            poss_after: None,
            text: None,
        }
    }

    /// The complement phrase of a copular predicate `p`: its subtree without the clause parts.
    pub fn comp_part(&self, p: usize) -> Part {
        let tr = self.tr;
        let clause = tr.kid(p, "cop").is_some();
        let skip = |k: usize| {
            tr.head[k] == p
                && ((clause && matches!(tr.base(k), "obl" | "case"))
                    || matches!(
                        tr.base(k),
                        "nsubj"
                            | "csubj"
                            | "cop"
                            | "aux"
                            | "mark"
                            | "advcl"
                            | "parataxis"
                            | "conj"
                            | "cc"
                            | "ccomp"
                            | "expl"
                            | "xcomp"
                            | "dep"
                            | "discourse"
                    )
                    || tr.rel(k) == "acl:relcl"
                    || tr.rel(k) == "appos"
                    || (tr.base(k) == "advmod"
                        && k < p
                        && tr.kids(k).next().is_none()
                        && !tr.lemma_is(k, &["most", "more", "very", "so", "too", "as", "less", "least"]))
                    || (tr.base(k) == "punct"))
                || (tr.head[k] != p && self.full_skip(k))
        };
        let toks = tr.phrase(p, &skip);
        let skip_min = |k: usize| skip(k) || self.min_skip(k);
        let min = tr.phrase(p, &skip_min);
        Part {
            head: p,
            toks,
            min,
            poss_after: None,
            text: None,
        }
    }

    pub(super) fn is_rel_pronoun(&self, k: usize) -> bool {
        let tr = self.tr;
        tr.has_feat(k, "PronType=Rel")
            || matches!(tr.t[k].xpos.as_str(), "WDT" | "WP")
            || (tr.lemma_is(k, &["that", "which", "who", "whom"]) && tr.upos(k) == "PRON")
    }

    /// The antecedent of relative clause `p` (`acl:relcl`): the modified noun, or, when that noun
    /// is itself a copular predicate (`X is a footballer who…`), its subject.
    pub(super) fn antecedent(&self, p: usize) -> Option<Part> {
        let tr = self.tr;
        let h = tr.head[p];
        if h == NONE {
            return None;
        }
        if tr.kid(h, "cop").is_some() {
            if let Some(s) = tr.kids(h).find(|&k| is_subj_rel(tr.rel(k))) {
                if !self.is_rel_pronoun(s) {
                    if let Some((part, _)) = self.subject(h, 3) {
                        return Some(part);
                    }
                }
            }
        }
        if let Some(name) = self.apposition_anchor(h) {
            return Some(name);
        }
        Some(self.np(h, true))
    }

    /// The name a common noun stands in apposition to: in `Vexa-9, the virus that causes grey
    /// fever` the clause describes Vexa-9, and a fact about `the virus` would be a node that only
    /// coreference could join to the name. Only the plain `NAME, the N …` shape counts: the name
    /// ends right before the comma that opens the apposition. Not anchors: dates and amounts
    /// (`Monday, the day that…` describes the event), a place before a person noun (`the Ohio,
    /// US lawyer who` is a parse of one phrase), and a name whose apposition holds a second name
    /// of the same kind (`Al Roe, the son of Bo Roe, who served…` may describe either).
    fn apposition_anchor(&self, h: usize) -> Option<Part> {
        use crate::document::EntityType as T;
        let tr = self.tr;
        let a = tr.head[h];
        if tr.rel(h) != "appos" || tr.upos(h) != "NOUN" || a == NONE || a >= h || tr.upos(a) != "PROPN" {
            return None;
        }
        let kind = self.kind_at(a);
        if matches!(kind, Some(T::Date | T::Quantity | T::Money)) {
            return None;
        }
        // the name: its mention, or the proper noun with its flat and compound parts (`Vexa - 9`)
        let (s, e) = self.ment_at(a).unwrap_or_else(|| {
            let part: Vec<usize> = (0..h).filter(|&k| k == a || (!tr.is_punct(k) && tr.phrase_head(k) == a)).collect();
            (part[0], part[part.len() - 1] + 1)
        });
        let first = (0..=h).find(|&k| !tr.is_punct(k) && tr.ancestor_of(h, k))?;
        let name_end = (e..first).all(|k| tr.is_punct(k)) && (e..first).any(|k| tr.form(k) == ",");
        let place = matches!(kind, Some(T::Country | T::City | T::Location));
        let person_noun = self.role_word_at(h).is_some();
        let rival = tr.kids(h).any(|k| tr.base(k) == "nmod" && self.ment_at(k).is_some() && self.kind_at(k) == kind);
        (name_end && !(place && person_noun) && !rival).then(|| self.span_part(s, e))
    }

    pub(super) fn whose_part(&self, ant: Part, k: usize, whose: usize) -> Part {
        let mut inner = self.np(k, false);
        inner.toks.retain(|&x| x != whose);
        inner.min.retain(|&x| x != whose);
        let mut toks = ant.toks.clone();
        toks.extend(inner.toks.iter().copied());
        let mut min = ant.min.clone();
        let last = *ant.min.last().unwrap_or(&ant.head);
        min.extend(inner.min.iter().copied());
        Part {
            head: k,
            toks,
            min,
            poss_after: Some(last),
            text: None,
        }
    }

    /// An argument phrase, replacing relative pronouns by the antecedent of the clause `clause`.
    pub(super) fn arg_part(&self, k: usize, clause: usize, drop_case: bool) -> Part {
        let tr = self.tr;
        if self.is_rel_pronoun(k) {
            if let Some(c) = self.relcl_of(clause) {
                if let Some(a) = self.antecedent(c) {
                    return a;
                }
            }
            if tr.lemma_is(k, &["which", "who", "whom"]) {
                if let Some(a) = self.preceding_noun(k) {
                    return a;
                }
            }
        }
        if let Some(w) = tr.kids(k).find(|&w| tr.rel(w) == "nmod:poss" && tr.lemma_is(w, &["whose"])) {
            if let Some(a) = self
                .relcl_of(clause)
                .and_then(|c| self.antecedent(c))
                .or_else(|| self.preceding_noun(w))
            {
                return self.whose_part(a, k, w);
            }
        }
        self.np(k, drop_case)
    }

    /// The noun phrase just before `w` (skipping punctuation): `Ferrer, whose visa` → Ferrer.
    pub(super) fn preceding_noun(&self, w: usize) -> Option<Part> {
        let tr = self.tr;
        let mut j = w;
        while j > 0 {
            j -= 1;
            if tr.is_punct(j) {
                continue;
            }
            if !matches!(tr.upos(j), "NOUN" | "PROPN") {
                return None;
            }
            // climb flat/compound to the phrase head
            let mut h = j;
            h = tr.phrase_head(h);
            return Some(self.np(h, true));
        }
        None
    }

    /// The relative clause that `p` is or belongs to via xcomp/conj (`who started accepting`).
    pub(super) fn relcl_of(&self, mut p: usize) -> Option<usize> {
        let tr = self.tr;
        for _ in 0..4 {
            if p == NONE {
                return None;
            }
            if matches!(tr.rel(p), "acl:relcl" | "advcl:relcl") {
                return Some(p);
            }
            if !matches!(tr.base(p), "xcomp" | "conj") {
                return None;
            }
            p = tr.head[p];
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::rules::testkit::sentence;
    use crate::extract::tests::show;
    use crate::extract::Extractor;

    fn facts(spec: &str) -> Vec<crate::document::OpenTriple> {
        let (s, m) = sentence(spec);
        Extractor::new().extract(&s, &m)
    }

    #[test]
    fn a_relative_clause_on_an_apposition_describes_the_name() {
        // `Lina Sorr, a nurse who treated the patients, spoke.` (invented)
        let spec = "[[Lina/PROPN/11/nsubj Sorr]]/PROPN/1/flat ,/PUNCT/5/punct a/DET/5/det nurse/NOUN/1/appos who/PRON/7/nsubj \
            treated/VERB/5/acl:relcl the/DET/9/det patients/NOUN/7/obj ,/PUNCT/5/punct spoke/VERB/0/root ./PUNCT/11/punct";
        let ts = facts(spec);
        assert!(
            ts.iter().any(|t| t.subject.text == "Lina Sorr" && t.relation == "treated" && t.object.as_ref().is_some_and(|o| o.text == "patients")),
            "{}",
            show(&ts)
        );
        assert!(!ts.iter().any(|t| t.subject.text.contains("nurse") && t.relation == "treated"), "{}", show(&ts));
    }

    #[test]
    fn a_second_name_in_the_apposition_leaves_the_clause_unanchored() {
        // must give nothing for Al Roe: `Al Roe, the son of Bo Roe, who served as mayor, spoke.`
        // (invented) — `who` may be either man
        let spec = "[[Al/PROPN/14/nsubj Roe]]/PROPN/1/flat ,/PUNCT/5/punct the/DET/5/det son/NOUN/1/appos of/ADP/7/case \
            [[Bo/PROPN/5/nmod Roe]]/PROPN/7/flat ,/PUNCT/11/punct who/PRON/11/nsubj served/VERB/5/acl:relcl as/ADP/13/case \
            mayor/NOUN/11/obl spoke/VERB/0/root ./PUNCT/14/punct";
        let ts = facts(spec);
        assert!(!ts.iter().any(|t| t.subject.text == "Al Roe" && t.relation.contains("served")), "{}", show(&ts));
    }

    #[test]
    fn a_name_right_after_its_description_is_the_argument() {
        // `Tom Lee became the leader of the rebel faction The Iron Circle.` (invented): the name's
        // head is its last word, three tokens after the noun
        let spec = "[[Tom/PROPN/3/nsubj Lee]]/PROPN/1/flat became/VERB/0/root the/DET/5/det leader/NOUN/3/xcomp \
            of/ADP/9/case the/DET/9/det rebel/NOUN/9/compound faction/NOUN/5/nmod The/DET/12/det Iron/PROPN/12/compound \
            Circle/PROPN/9/appos ./PUNCT/3/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.subject.text == "Tom Lee" && t.object.as_ref().is_some_and(|o| o.text == "Iron Circle")), "{}", show(&ts));
        // set off by a comma it is a second description, not the noun's name
        let spec = spec.replace("The/DET/12/det", ",/PUNCT/12/punct");
        let ts = facts(&spec);
        assert!(!ts.iter().any(|t| t.subject.text == "Tom Lee" && t.object.as_ref().is_some_and(|o| o.text.contains("Iron Circle"))), "{}", show(&ts));
    }
}
