//! Where places are: containment and capitals read from the way news writes place names, with the
//! named-entity types deciding which name is the larger place.
//!
//! - a comma pair: `Millbrook, Ruritania` / `crashed near Millbrook, Ostland, on Monday` →
//!   Millbrook – located in – Ostland (not inside lists: `Ostland, Westland and Nordland`);
//! - `in` between two names: `Vela University in Millbrook`, `the town of Millbrook in Ostland
//!   Province` → located in (the `in` phrase must modify the first name in the tree);
//! - a building or site of a common noun with an `in` phrase naming a place: `a military base in
//!   Millbrook`, `a store in the border city of Millbrook`, `Vela station in the Ostlandic capital
//!   Varna` → military base / store / Vela station – located in – the place;
//! - a possessive: `Ruritania's Ostland Province` → Ostland Province – located in – Ruritania;
//! - capitals: `Varna, the capital of Ruritania`, `the capital of Ruritania, Varna`, `Ruritania's
//!   capital, Varna`, `the Ruritanian capital Varna` → Varna – capital of – Ruritania.
//!
//! The larger place must rank at least as high as the smaller one (city < region or other
//! location < country); a country is never inside another place; an organisation (a university,
//! a court) may be located in any place. Graph facts only (CaRB gold has no such tuples).
//!
//! In: the tree's tokens, mention extents and kinds. Out: literal-relation [`Prop`]s.

use super::*;
use crate::document::EntityType as T;

/// How large a place a mention names: `None` when the mention is no place.
pub(super) fn place_rank(kind: Option<T>) -> Option<u8> {
    match kind? {
        T::City => Some(0),
        T::Location => Some(1),
        T::Country => Some(2),
        _ => None,
    }
}

/// Common nouns of buildings and sites that stand in a place (`a military base in X`).
const FACILITY_NOUNS: &[&str] = &[
    "base", "airbase", "store", "shop", "supermarket", "mall", "market", "station", "hospital", "clinic", "school",
    "college", "prison", "jail", "mosque", "church", "cathedral", "temple", "synagogue", "shrine", "hotel", "airport",
    "camp", "centre", "center", "plant", "factory", "refinery", "mine", "warehouse", "restaurant", "cafe", "nightclub",
    "embassy", "consulate", "port", "harbour", "harbor", "stadium", "arena", "museum", "theatre", "theater", "library",
    "zoo", "bridge", "building", "tower", "facility", "compound", "headquarters", "courthouse", "barracks", "dam",
    "laboratory", "checkpoint", "outpost", "garrison",
];

/// Words before `market` or `base` that make it an economy or a following, not a site (`stock
/// market`, `fan base`). General English.
const NON_SITE_MODIFIERS: &[&str] = &[
    "stock", "housing", "job", "labour", "labor", "property", "financial", "equity", "bond", "oil", "energy", "car",
    "smartphone", "domestic", "global", "world", "international", "currency", "insurance", "advertising", "consumer",
    "export", "import", "share", "bull", "bear", "fan", "customer", "tax", "power", "user", "voter", "support",
    "knowledge", "data", "client", "subscriber", "donor", "membership", "industrial", "manufacturing", "economic",
];

/// Nouns that stand for the place named after them (`the city of X`, `the capital X`).
const SETTLEMENT_NOUNS: &[&str] = &["city", "town", "village", "capital", "province", "state", "region", "district", "county", "island"];

/// Things that stand in a place without being one: organisations and their buildings.
fn is_sited(kind: Option<T>) -> bool {
    matches!(kind, Some(T::Organization | T::Company | T::GovernmentBody))
}

impl Rules<'_, '_> {
    /// The mention `[s, e)` starting at `i`, when `i` starts one.
    pub(super) fn mention_from(&self, i: usize) -> Option<(usize, usize)> {
        self.ment_at(i).filter(|&(s, _)| s == i)
    }

    /// The mention ending just before `end`.
    pub(super) fn mention_until(&self, end: usize) -> Option<(usize, usize)> {
        (end > 0).then(|| self.ment_at(end - 1)).flatten().filter(|&(_, e)| e == end)
    }

    fn is_place_mention(&self, i: usize) -> bool {
        place_rank(self.kind_at(i)).is_some()
    }

    /// Whether the place `inner` (a place or an organisation) can lie in the place `outer`.
    fn can_contain(&self, outer: usize, inner: usize) -> bool {
        let Some(ro) = place_rank(self.kind_at(outer)) else { return false };
        if is_sited(self.kind_at(inner)) {
            return true;
        }
        match place_rank(self.kind_at(inner)) {
            Some(ri) => ri < 2 && ri <= ro,
            None => false,
        }
    }

    fn located_in(&self, rule: &'static str, inner: (usize, usize), outer: Part, out: &mut Vec<Prop>) {
        let lit = Lit {
            words: "located in".into(),
            verb: Some("locate"),
            noun: None,
            mods: Vec::new(),
            prep: Some("in".into()),
        };
        let mut p = self.lit_prop(rule, outer.head, self.span_part(inner.0, inner.1), lit, outer, 0.65);
        p.carb = false;
        out.push(p);
    }

    /// All place facts of the sentence.
    pub fn place_props(&self, out: &mut Vec<Prop>) {
        self.comma_place_props(out);
        self.in_place_props(out);
        self.facility_in_props(out);
        self.adjacent_in_props(out);
        self.possessive_place_props(out);
        self.capital_props(out);
    }

    /// A list of places goes on before the mention at `s`: `Ostland, Millbrook` / `Ostland and Millbrook`.
    fn list_before(&self, s: usize) -> bool {
        let tr = self.tr;
        s >= 2 && (tr.form(s - 1) == "," || tr.upos(s - 1) == "CCONJ") && self.mention_until(s - 1).is_some_and(|(a, _)| self.is_place_mention(a))
    }

    /// A list of places goes on after the mention ending at `e`: `… and`, `…, and`, `…, Dorf`,
    /// `…, and possibly Dorf`.
    fn list_after(&self, e: usize) -> bool {
        let tr = self.tr;
        let n = tr.len();
        // a hedge between the conjunction and the next member: `and possibly Dorf`, `or perhaps Dorf`
        let skip_adv = |mut j: usize| {
            while j < n && tr.upos(j) == "ADV" {
                j += 1;
            }
            j
        };
        let place_at = |j: usize| j < n && self.mention_from(j).is_some_and(|(a, _)| self.is_place_mention(a));
        // `…, and is to …` ends the pair; `…, and Dorf` goes on with the list
        (e < n && tr.upos(e) == "CCONJ" && place_at(skip_adv(e + 1)))
            || (e + 1 < n && tr.form(e) == "," && (place_at(e + 1) || (tr.upos(e + 1) == "CCONJ" && place_at(skip_adv(e + 2)))))
    }

    /// The token of `[s, e)` whose head lies outside it.
    fn span_root(&self, s: usize, e: usize) -> Option<usize> {
        let tr = self.tr;
        (s..e).find(|&k| tr.head[k] == NONE || !(s..e).contains(&tr.head[k]))
    }

    /// Whether the tree makes the pair `X, Y` two members of a longer list, whatever the kinds of
    /// the other members (`Vela Hospital, Dorf Hospital, and Saint Ann Hospital`, `the Ostland
    /// Council, Tarrow Tribe of Millbrook, Varna Nation, Crow Band, and …`): the second name is a
    /// conjunct of a list head outside the first name that has other noun conjuncts too, or the
    /// first name has a further noun conjunct after the second. A lone conjunct is the parser's
    /// usual reading of a place pair (`the fire off Millbrook, Ostland, spread`) and stays a pair.
    fn list_in_tree(&self, (s, e): (usize, usize), (bs, be): (usize, usize)) -> bool {
        let tr = self.tr;
        let (Some(a), Some(b)) = (self.span_root(s, e), self.span_root(bs, be)) else { return false };
        let noun_conj = |c: usize| tr.base(c) == "conj" && matches!(tr.upos(c), "PROPN" | "NOUN");
        let h = tr.head[b];
        let b_in_list = noun_conj(b) && h != NONE && !(s..e).contains(&h) && tr.kids(h).any(|c| c != b && noun_conj(c));
        let third = tr.kids(a).any(|c| c >= be && noun_conj(c));
        b_in_list || third
    }

    /// `Millbrook, Ostland`: the second name is the larger place.
    fn comma_place_props(&self, out: &mut Vec<Prop>) {
        let tr = self.tr;
        let n = tr.len();
        let mut i = 0;
        while i < n {
            let Some((s, e)) = self.mention_from(i) else {
                i += 1;
                continue;
            };
            i = e;
            if e + 1 >= n || tr.form(e) != "," {
                continue;
            }
            let Some((bs, be)) = self.mention_from(e + 1) else { continue };
            if !self.can_contain(bs, s) {
                continue;
            }
            // the pair ends the phrase: no possessive, no longer name, no list
            let glued = be < n && (self.is_poss(be) || tr.upos(be) == "PROPN");
            if glued
                || self.list_before(s)
                || self.list_after(be)
                || self.list_in_tree((s, e), (bs, be))
                || self.opens_clause((s, e), (bs, be))
            {
                continue;
            }
            self.located_in("place:comma", (s, e), self.span_part(bs, be), out);
        }
    }

    /// Whether the comma closes a fronted phrase instead of joining two places: the name after
    /// it is the subject of a verb that the phrase holding the first name also hangs on
    /// (`According to the Varna Herald, Ruritania raised taxes`, `In Millbrook, Ostland voted`).
    /// The phrase must open the sentence with its preposition. A pair whose first name hangs on
    /// something else stays, even when the parser made the second the subject (`the shooting in
    /// Millbrook, Ostland led to protests`, `Millbrook Airport, Ostland was closed`).
    fn opens_clause(&self, (s, e): (usize, usize), (bs, be): (usize, usize)) -> bool {
        let tr = self.tr;
        let subject_of = (bs..be).find(|&k| tr.base(k).starts_with("nsubj")).map(|k| tr.head[k]).filter(|&h| h != NONE && h >= be);
        // the phrase opens the sentence with its preposition (`According to`, `In`, `For`)
        let fronted = |j: usize| tr.kids(j).any(|c| tr.base(c) == "case" && c <= 2);
        (s..e).any(|j| {
            let h = tr.head[j];
            h != NONE && !(s..e).contains(&h) && subject_of == Some(h) && fronted(j)
        })
    }

    /// `Vela University in Millbrook`, `the town of Millbrook in Ostland`: an `in` phrase on a name.
    fn in_place_props(&self, out: &mut Vec<Prop>) {
        let tr = self.tr;
        for m in 0..tr.len() {
            let Some((bs, be)) = self.ment_at(m) else { continue };
            // the head token of the outer mention: its head lies outside the mention
            if tr.head[m] == NONE || (bs..be).contains(&tr.head[m]) || tr.base(m) != "nmod" || !self.is_place_mention(m) {
                continue;
            }
            if !tr.kids(m).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &["in"])) {
                continue;
            }
            let h = tr.head[m];
            // the name the phrase modifies, or the name a common noun stands for (`the town of X`)
            let inner = self.ment_at(h).or_else(|| {
                (tr.upos(h) == "NOUN")
                    .then(|| {
                        tr.kids(h)
                            .filter(|&k| tr.base(k) == "nmod" && tr.kids(k).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &["of"])))
                            .find_map(|k| self.ment_at(k).filter(|_| self.is_place_mention(k)))
                    })
                    .flatten()
            });
            let Some((s, e)) = inner else { continue };
            if (s, e) == (bs, be) || !self.can_contain(bs, s) {
                continue;
            }
            let outer = self.outer_of_possessive(bs, be);
            self.located_in("place:in", (s, e), outer, out);
        }
    }

    /// `a military base in Millbrook`, `a store in the border city of Millbrook`, `Vela station in
    /// the Ostlandic capital Varna`: a building or site named by a common noun ([`FACILITY_NOUNS`])
    /// with an `in` phrase on it that names a place, or a settlement noun standing for one (`the
    /// city of X`, `the capital X`). The facility is the noun with its words before it (`Vela
    /// station`, `military base`); a facility with an `of` phrase of its own (`the centre of
    /// Varna in …`) is a part of something else and gives nothing, as does a name (the `in` rule
    /// above reads those).
    fn facility_in_props(&self, out: &mut Vec<Prop>) {
        let tr = self.tr;
        let n = tr.len();
        for m in 0..n {
            if tr.base(m) != "nmod" || tr.head[m] == NONE || !tr.kids(m).any(|c| c < m && tr.base(c) == "case" && tr.lemma_is(c, &["in"])) {
                continue;
            }
            let h = tr.head[m];
            if tr.upos(h) != "NOUN" || !tr.lemma_is(h, FACILITY_NOUNS) || self.ment_at(h).is_some() {
                continue;
            }
            let of_phrase = |x: usize| tr.kids(x).any(|k| k > x && tr.base(k) == "nmod" && tr.kids(k).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &["of"])));
            if of_phrase(h) {
                continue;
            }
            // `the housing market in Varna`, `her fan base in Ostland`: a market or base of
            // trade or followers is no site
            if tr.lemma_is(h, &["market", "base"]) && tr.kids(h).any(|k| k < h && matches!(tr.base(k), "compound" | "amod") && tr.lemma_is(k, NON_SITE_MODIFIERS)) {
                continue;
            }
            // the place: the `in` phrase's own name, or the name a settlement noun stands for
            let place_root = |k: usize| self.ment_at(k).filter(|&(s, e)| (s..e).contains(&k) && !(s..e).contains(&tr.head[k]) && self.is_place_mention(k));
            let outer = place_root(m).or_else(|| {
                (tr.upos(m) == "NOUN" && tr.lemma_is(m, SETTLEMENT_NOUNS))
                    .then(|| {
                        tr.kids(m).filter(|&k| k > m).find_map(|k| {
                            let of = tr.base(k) == "nmod" && tr.kids(k).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &["of"]));
                            let named = matches!(tr.rel(k), "appos" | "flat" | "compound");
                            if of || named {
                                place_root(k)
                            } else {
                                None
                            }
                        })
                    })
                    .flatten()
            });
            let Some((bs, be)) = outer else { continue };
            // the facility's words: the noun and the determiners, adjectives and compounds before it
            let mut s = h;
            for k in tr.kids(h).filter(|&k| k < h && matches!(tr.base(k), "det" | "amod" | "compound")) {
                for x in 0..h {
                    if x < s && tr.ancestor_of(k, x) {
                        s = x;
                    }
                }
            }
            // only a phrase of its own: every word from its start belongs under the noun
            if (s..h).any(|x| !tr.ancestor_of(h, x)) {
                continue;
            }
            let outer = self.outer_of_possessive(bs, be);
            self.located_in("place:facility", (s, h + 1), outer, out);
        }
    }

    /// `Vela University in Millbrook`, `Millbrook in Ostland Province` written next to each other
    /// when the parser hung the `in` phrase elsewhere: an organisation in any place, or a place in
    /// a strictly larger one (`beat Varna in Millbrook` names two cities: no containment).
    fn adjacent_in_props(&self, out: &mut Vec<Prop>) {
        let tr = self.tr;
        let n = tr.len();
        for i in 1..n.saturating_sub(1) {
            if !tr.lemma_is(i, &["in"]) {
                continue;
            }
            // the inner name ends before `in`, possibly followed by its acronym in parentheses
            let mut k = i;
            if k >= 3 && tr.form(k - 1) == ")" && tr.form(k - 3) == "(" {
                k -= 3;
            }
            let Some((s, e)) = self.mention_until(k) else { continue };
            let j = if self.is_det(i + 1) { i + 2 } else { i + 1 };
            let Some((bs, be)) = self.mention_from(j) else { continue };
            let (ri, ro) = (place_rank(self.kind_at(s)), place_rank(self.kind_at(bs)));
            let strictly_larger = matches!((ri, ro), (Some(a), Some(b)) if a < b && a < 2);
            if !(strictly_larger || (is_sited(self.kind_at(s)) && ro.is_some())) {
                continue;
            }
            let outer = self.outer_of_possessive(bs, be);
            self.located_in("place:in", (s, e), outer, out);
        }
    }

    /// `Ruritania's Ostland Province` as an outer place is Ostland Province (the possessive rule
    /// adds that it lies in Ruritania); any other mention is itself.
    fn outer_of_possessive(&self, bs: usize, be: usize) -> Part {
        if let Some((cs, ce)) = Some(be + 1).filter(|_| self.is_poss(be)).and_then(|j| self.mention_from(j)) {
            if self.can_contain(bs, cs) {
                return self.span_part(cs, ce);
            }
        }
        self.span_part(bs, be)
    }

    /// The names on both sides of a possessive marker: (possessor, possessed) mention extents.
    pub(super) fn possessive_pairs(&self) -> Vec<((usize, usize), (usize, usize))> {
        (0..self.tr.len())
            .filter(|&p| self.is_poss(p))
            .filter_map(|p| Some((self.mention_until(p)?, self.mention_from(p + 1)?)))
            .collect()
    }

    /// `Ruritania's Ostland Province` → Ostland Province – located in – Ruritania.
    fn possessive_place_props(&self, out: &mut Vec<Prop>) {
        for ((os, oe), (s, e)) in self.possessive_pairs() {
            // a place owns a smaller place (not `Ruritania's Vela Motors`: a company of a country, which
            // the members rule reads as `of`)
            if self.is_place_mention(s) && self.can_contain(os, s) && place_rank(self.kind_at(os)) > place_rank(self.kind_at(s)) {
                self.located_in("place:poss", (s, e), self.span_part(os, oe), out);
            }
        }
    }

    /// `Varna, the capital of Ruritania`, `Ruritania's capital, Varna`, `the Ruritanian capital Varna`.
    fn capital_props(&self, out: &mut Vec<Prop>) {
        let tr = self.tr;
        let n = tr.len();
        for c in 0..n {
            if !(tr.lemma_is(c, &["capital"]) && tr.upos(c) == "NOUN") {
                continue;
            }
            // `capital city`: the phrase ends after `city`
            let end = if c + 1 < n && tr.lemma_is(c + 1, &["city"]) { c + 2 } else { c + 1 };
            let Some((owner, after)) = self.capital_owner(c, end) else { continue };
            let start = self.capital_phrase_start(c);
            // the city: right after the phrase (`capital Varna`, `capital, Varna`), or in front of
            // it between commas (`Varna, the capital of Ruritania`)
            let after_city = if after < n && tr.form(after) == "," { after + 1 } else { after };
            let city = self
                .mention_from(after_city)
                .or_else(|| (start >= 2 && tr.form(start - 1) == ",").then(|| self.mention_until(start - 1)).flatten());
            let Some((s, e)) = city else { continue };
            if !matches!(self.kind_at(s), Some(T::City | T::Location)) {
                continue;
            }
            let lit = Lit {
                words: "capital of".into(),
                verb: None,
                noun: Some("capital".into()),
                mods: Vec::new(),
                prep: Some("of".into()),
            };
            let mut p = self.lit_prop("place:capital", c, self.span_part(s, e), lit, owner, 0.65);
            p.carb = false;
            out.push(p);
        }
    }

    /// Where the phrase of the capital noun at `c` starts: its determiner, demonym or possessor.
    fn capital_phrase_start(&self, c: usize) -> usize {
        let tr = self.tr;
        let mut s = c;
        while s > 0 {
            let j = s - 1;
            if self.is_det(j) || self.is_poss(j) || demonym_country(tr.form(j)).is_some() || tr.upos(j) == "PRON" {
                s = j;
            } else if let Some((ms, _)) = self.mention_until(j + 1).filter(|_| j + 1 < tr.len() && self.is_poss(j + 1)) {
                s = ms;
            } else if tr.upos(j) == "NOUN" && j + 1 < tr.len() && self.is_poss(j + 1) {
                s = j;
            } else {
                break;
            }
        }
        s
    }

    /// The country of the capital noun at `c` (phrase ending at `end`) and the token after the
    /// owner: a demonym or possessor in front, or `of Y` after.
    fn capital_owner(&self, c: usize, end: usize) -> Option<(Part, usize)> {
        let tr = self.tr;
        let n = tr.len();
        if end + 1 < n && tr.lemma_is(end, &["of"]) {
            let j = if self.is_det(end + 1) { end + 2 } else { end + 1 };
            let (s, e) = self.mention_from(j).filter(|&(s, _)| matches!(self.kind_at(s), Some(T::Country | T::Location)))?;
            return Some((self.span_part(s, e), e));
        }
        let j = c.checked_sub(1)?;
        if let Some(country) = demonym_country(tr.form(j)) {
            let mut part = self.span_part(j, j + 1);
            part.text = Some(country);
            return Some((part, end));
        }
        if self.is_poss(j) && j > 0 {
            // `Ruritania's capital`, or `the country's capital` (the resolver names the country)
            if let Some((s, e)) = self.mention_until(j).filter(|&(s, _)| matches!(self.kind_at(s), Some(T::Country | T::Location))) {
                return Some((self.span_part(s, e), end));
            }
        }
        // `Ruritania capital Varna`
        if let Some((s, e)) = self.mention_until(c).filter(|&(s, _)| self.kind_at(s) == Some(T::Country)) {
            return Some((self.span_part(s, e), end));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::check_cases;

    #[test]
    fn place_constructions() {
        // `<<X>>` is a country mention in the test kit; cities and regions are written `((X))`/`%%X%%`
        let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
            (
                "A/DET plane/NOUN crashed/VERB near/ADP ((Millbrook))/PROPN ,/PUNCT %%Ostland%%/PROPN ,/PUNCT on/ADP Monday/PROPN ./PUNCT",
                &[("Millbrook", "located in", "Ostland")],
                &[],
            ),
            (
                "[[Ada/PROPN Reyes]]/PROPN ,/PUNCT from/ADP ((Varna))/PROPN ,/PUNCT <<Ruritania>>/PROPN ,/PUNCT won/VERB ./PUNCT",
                &[("Varna", "located in", "Ruritania")],
                &[],
            ),
            // lists of places are no containment
            (
                "They/PRON visited/VERB <<Ruritania>>/PROPN ,/PUNCT <<Ostland>>/PROPN and/CCONJ <<Westland>>/PROPN ./PUNCT",
                &[],
                &["Ruritania", "Ostland"],
            ),
            (
                "Flights/NOUN to/ADP ((Varna))/PROPN ,/PUNCT ((Millbrook))/PROPN ,/PUNCT and/CCONJ ((Dorf))/PROPN resumed/VERB ./PUNCT",
                &[],
                &["Varna", "Millbrook"],
            ),
            (
                "It/PRON is/AUX at/ADP ((Millbrook))/PROPN ,/PUNCT %%Ostland%%/PROPN ,/PUNCT and/CCONJ is/AUX free/ADJ ./PUNCT",
                &[("Millbrook", "located in", "Ostland")],
                &[],
            ),
            // a hedged last member still ends a list
            (
                "Access/NOUN in/ADP ((Varna))/PROPN ,/PUNCT %%Ostland%%/PROPN ,/PUNCT and/CCONJ possibly/ADV %%Westland%%/PROPN grew/VERB ./PUNCT",
                &[],
                &["Varna", "Ostland"],
            ),
            // the tree makes the pair members of a longer list of other kinds of names
            (
                "Patients/NOUN/2/nsubj went/VERB/0/root to/ADP/4/case %%Vela/PROPN/2/obl Hospital%%/PROPN/4/flat ,/PUNCT/8/punct \
                 %%Dorf/PROPN/8/compound Hospital%%/PROPN/4/appos ,/PUNCT/13/punct and/CCONJ/13/cc [[Saint/PROPN/12/compound \
                 Ann]]/PROPN/13/compound Hospital/PROPN/4/conj ./PUNCT/2/punct",
                &[],
                &["Vela Hospital"],
            ),
            (
                "They/PRON/2/nsubj named/VERB/0/root {{Tarrow/PROPN/2/obj Council}}/PROPN/3/flat ,/PUNCT/7/punct \
                 [[Crow/PROPN/7/compound Band]]/PROPN/3/conj of/ADP/9/case ((Millbrook))/PROPN/7/nmod ,/PUNCT/12/punct \
                 %%Varna/PROPN/12/compound Nation%%/PROPN/3/conj ,/PUNCT/15/punct and/CCONJ/15/cc [[Ivo/PROPN/3/conj \
                 Oster]]/PROPN/15/flat ./PUNCT/2/punct",
                &[],
                &["Millbrook"],
            ),
            // a lone conjunct is how the parser often hangs the second name of a real pair
            (
                "The/DET/2/det fire/NOUN/7/nsubj off/ADP/4/case ((Millbrook))/PROPN/2/nmod ,/PUNCT/6/punct \
                 %%Ostland%%/PROPN/2/conj spread/VERB/0/root ./PUNCT/7/punct",
                &[("Millbrook", "located in", "Ostland")],
                &[],
            ),
            // a list that goes on with other things after a real pair leaves the pair alone
            (
                "[[Ben/PROPN/2/compound Tarrow]]/PROPN/0/root ,/PUNCT/5/punct the/DET/5/det mayor/NOUN/2/appos of/ADP/7/case \
                 ((Millbrook))/PROPN/5/nmod ,/PUNCT/9/punct %%Ostland%%/PROPN/7/nmod:unmarked ,/PUNCT/14/punct and/CCONJ/14/cc \
                 [[Mara/PROPN/14/nsubj Vellin]]/PROPN/12/flat won/VERB/2/conj ./PUNCT/2/punct",
                &[("Millbrook", "located in", "Ostland")],
                &[],
            ),
            // a country is not inside a city
            (
                "In/ADP <<Ruritania>>/PROPN ,/PUNCT ((Varna))/PROPN voted/VERB ./PUNCT",
                &[],
                &["Ruritania"],
            ),
            (
                "Patients/NOUN/5/nsubj in/ADP/3/case ((Millbrook))/PROPN/1/nmod in/ADP/6/case <<Ruritania>>/PROPN/6/nmod:poss 's/PART/4/case \
                 %%Ostland/PROPN/3/nmod Province%%/PROPN/6/flat recovered/VERB/0/root ./PUNCT/8/punct",
                &[("Millbrook", "located in", "Ostland Province"), ("Ostland Province", "located in", "Ruritania")],
                &[],
            ),
            (
                "The/DET/3/det debate/NOUN/3/nsubj is/AUX/0/root at/ADP/5/case {{Vela/PROPN/3/obl University}}/PROPN/5/flat \
                 in/ADP/8/case ((Millbrook))/PROPN/5/nmod ./PUNCT/3/punct",
                &[("Vela University", "located in", "Millbrook")],
                &[],
            ),
            (
                "It/PRON/2/nsubj began/VERB/0/root in/ADP/5/case the/DET/5/det town/NOUN/2/obl of/ADP/7/case ((Millbrook))/PROPN/5/nmod \
                 in/ADP/10/case %%Ostland/PROPN/5/nmod Province%%/PROPN/10/flat ./PUNCT/2/punct",
                &[("Millbrook", "located in", "Ostland Province")],
                &[],
            ),
            // the parser hung `in Millbrook` on the verb: the words still say where the university is
            (
                "The/DET/2/det debate/NOUN/3/nsubj is/AUX/0/root at/ADP/5/case {{Vela/PROPN/3/obl University}}/PROPN/5/flat \
                 in/ADP/8/case ((Millbrook))/PROPN/3/obl ./PUNCT/3/punct",
                &[("Vela University", "located in", "Millbrook")],
                &[],
            ),
            // a fronted phrase ends at the comma: the name after it is the clause's subject
            (
                "According/VERB/4/case to/ADP/1/fixed the/DET/4/det {{Varna/PROPN/9/obl Herald}}/PROPN/4/flat ,/PUNCT/4/punct \
                 <<Ruritania>>/PROPN/9/nsubj has/AUX/9/aux raised/VERB/0/root taxes/NOUN/9/obj ./PUNCT/9/punct",
                &[],
                &["Varna Herald"],
            ),
            (
                "In/ADP/2/case ((Millbrook))/PROPN/5/obl ,/PUNCT/2/punct <<Ostland>>/PROPN/5/nsubj voted/VERB/0/root ./PUNCT/5/punct",
                &[],
                &["Millbrook"],
            ),
            // the first name hangs on a noun: still a pair, whatever the parser made of the second
            (
                "The/DET/2/det shooting/NOUN/7/nsubj in/ADP/4/case ((Millbrook))/PROPN/2/nmod ,/PUNCT/6/punct \
                 %%Ostland%%/PROPN/7/nsubj led/VERB/0/root to/ADP/9/case protests/NOUN/7/obl ./PUNCT/7/punct",
                &[("Millbrook", "located in", "Ostland")],
                &[],
            ),
            (
                "{{Millbrook/PROPN/6/dep Airport}}/PROPN/1/flat ,/PUNCT/1/punct %%Ostland%%/PROPN/6/nsubj:pass was/AUX/6/aux:pass \
                 closed/VERB/0/root ./PUNCT/6/punct",
                &[("Millbrook Airport", "located in", "Ostland")],
                &[],
            ),
            // the pair itself stays when the name after the comma belongs to the first one
            (
                "((Millbrook))/PROPN/4/nsubj ,/PUNCT/3/punct %%Ostland%%/PROPN/1/appos voted/VERB/0/root ./PUNCT/4/punct",
                &[("Millbrook", "located in", "Ostland")],
                &[],
            ),
            // a building of a common noun in a named place, or in a settlement noun standing for one
            (
                "A/DET/2/det bomb/NOUN/3/nsubj hit/VERB/0/root a/DET/6/det military/ADJ/6/amod base/NOUN/3/obj \
                 in/ADP/8/case ((Millbrook))/PROPN/6/nmod ./PUNCT/3/punct",
                &[("a military base", "located in", "Millbrook")],
                &[],
            ),
            (
                "He/PRON/2/nsubj shot/VERB/0/root shoppers/NOUN/2/obj at/ADP/7/case a/DET/7/det {{Vela}}/PROPN/7/compound \
                 store/NOUN/2/obl in/ADP/11/case the/DET/11/det border/NOUN/11/compound city/NOUN/7/nmod \
                 of/ADP/13/case ((Millbrook))/PROPN/11/nmod ./PUNCT/2/punct",
                &[("a Vela store", "located in", "Millbrook")],
                &[],
            ),
            (
                "She/PRON/2/nsubj worked/VERB/0/root at/ADP/5/case %%Tessel%%/PROPN/5/compound station/NOUN/2/obl \
                 in/ADP/9/case the/DET/9/det Ostlandic/ADJ/9/amod capital/NOUN/5/nmod ((Varna))/PROPN/9/appos ./PUNCT/2/punct",
                &[("Tessel station", "located in", "Varna")],
                &[],
            ),
            // no building (an event), a part of something else, or no place named: nothing
            (
                "The/DET/2/det attack/NOUN/5/nsubj in/ADP/4/case ((Millbrook))/PROPN/2/nmod ended/VERB/0/root ./PUNCT/5/punct",
                &[],
                &["The attack", "attack"],
            ),
            (
                "They/PRON/2/nsubj reached/VERB/0/root the/DET/4/det centre/NOUN/2/obj of/ADP/6/case ((Varna))/PROPN/4/nmod \
                 in/ADP/8/case %%Ostland%%/PROPN/4/nmod ./PUNCT/2/punct",
                &[],
                &["the centre", "centre"],
            ),
            (
                "Prices/NOUN/2/nsubj rose/VERB/0/root in/ADP/6/case the/DET/6/det housing/NOUN/6/compound market/NOUN/2/obl \
                 in/ADP/8/case ((Varna))/PROPN/6/nmod ./PUNCT/2/punct",
                &[],
                &["the housing market", "housing market"],
            ),
            (
                "They/PRON/2/nsubj built/VERB/0/root a/DET/4/det school/NOUN/2/obj in/ADP/7/case the/DET/7/det \
                 spring/NOUN/4/nmod ./PUNCT/2/punct",
                &[],
                &["a school", "school"],
            ),
            // an `in` phrase on the verb is no containment (`beat Varna in Millbrook`)
            (
                "{{Dynamo}}/PROPN/2/nsubj beat/VERB/0/root ((Varna))/PROPN/2/obj in/ADP/5/case ((Millbrook))/PROPN/2/obl ./PUNCT/2/punct",
                &[],
                &["Varna"],
            ),
        ];
        check_cases(cases, "place:");
    }

    #[test]
    fn capital_constructions() {
        let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
            (
                "((Varna))/PROPN ,/PUNCT the/DET capital/NOUN of/ADP <<Ruritania>>/PROPN ,/PUNCT flooded/VERB ./PUNCT",
                &[("Varna", "capital of", "Ruritania")],
                &[],
            ),
            (
                "Riots/NOUN hit/VERB <<Ruritania>>/PROPN 's/PART capital/NOUN ,/PUNCT ((Varna))/PROPN ,/PUNCT today/NOUN ./PUNCT",
                &[("Varna", "capital of", "Ruritania")],
                &[],
            ),
            (
                "He/PRON flew/VERB to/ADP the/DET Cuban/ADJ capital/NOUN ((Varna))/PROPN ./PUNCT",
                &[("Varna", "capital of", "Cuba")],
                &[],
            ),
            // `the country's capital`: the country is not named here
            (
                "Bombs/NOUN hit/VERB the/DET country/NOUN 's/PART capital/NOUN ,/PUNCT ((Varna))/PROPN ,/PUNCT today/NOUN ./PUNCT",
                &[],
                &["Varna"],
            ),
            // capital as money, and a capital without an owner, give nothing
            (
                "((Varna))/PROPN raised/VERB capital/NOUN from/ADP {{Vela/PROPN Bank}}/PROPN ./PUNCT",
                &[],
                &["Varna"],
            ),
        ];
        check_cases(cases, "place:capital");
    }
}
