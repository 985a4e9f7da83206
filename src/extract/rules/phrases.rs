//! Phrases: which tokens an argument spans — the full CaRB-style set and the minimal MinIE-safe
//! set — for noun phrases, complements and clause arguments; relative pronouns replaced by their
//! antecedent (`whose` → the antecedent's possessive). The minimal set keeps the bound of an
//! amount (`fewer than 30 percent`, `at least 500 workers`) and the complement a light noun governs
//! (`an end to the siege`, `access to water`).
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
            || emphatic_reflexive(self.tr, k)
    }

    /// Coordination directly under the phrase head (split into separate arguments).
    pub(super) fn head_conj(&self, h: usize, k: usize) -> bool {
        self.tr.head[k] == h && matches!(self.tr.rel(k), "conj" | "cc" | "cc:preconj")
    }

    /// Whether `k` is a common noun coordinated with the noun of an `of` complement (`ammunition`
    /// of `the sale of weapons and ammunition`). Left out, as more often a conjunct of something
    /// higher that the parser hung there: a role noun (`mayor of Vell and governor of Tarn`), a
    /// conjunct with its own preposition or possessor (`…, among other crimes`, `and its support
    /// for Y`), and one with no coordinator of its own or after it in a list (`footage of the
    /// crash, testimony, …`).
    fn of_complement_conjunct(&self, k: usize) -> bool {
        let tr = self.tr;
        if k == NONE || tr.rel(k) != "conj" || self.role_word_at(k).is_some() {
            return false;
        }
        let m = tr.head[k];
        let nouns = tr.upos(k) == "NOUN" && m != NONE && tr.upos(m) == "NOUN";
        if !(nouns || (m != NONE && self.names_of_one_kind(m, k))) {
            return false;
        }
        let own_case = tr.kids(k).any(|c| c < k && (tr.base(c) == "case" || tr.rel(c) == "nmod:poss"));
        let with_cc = |x: usize| tr.kids(x).any(|c| c < x && tr.base(c) == "cc");
        // a middle item of a list closed by a coordinator (`weapons, drugs and ammunition`)
        let listed = tr.kids(k).any(|c| c < k && tr.form(c) == ",") && m != NONE && tr.kids(m).any(|x| x > k && tr.rel(x) == "conj" && with_cc(x));
        if own_case || !(with_cc(k) || listed) {
            return false;
        }
        m < k
            && tr.base(m) == "nmod"
            && tr.kids(m).any(|c| c < m && tr.base(c) == "case" && tr.lemma_is(c, &["of"]))
    }

    /// Whether `a` and `b` are names of two places, or of two organisations (`the nations of
    /// Tarn and Vell`, `the nominations of the Vell Party and the Tarn League`): coordinated in an
    /// `of` complement they are together what it names, as common nouns are. Not persons, whom a
    /// higher conjunct hung there names as often (`met the wife of Ivo Oster and Mara Vellin`).
    fn names_of_one_kind(&self, a: usize, b: usize) -> bool {
        use crate::document::EntityType as T;
        let group = |i: usize| match self.kind_at(i) {
            Some(T::Country | T::City | T::Location) => Some(0),
            Some(T::Organization | T::GovernmentBody | T::InternationalOrganization | T::Company | T::ArmedGroup) => Some(1),
            _ => None,
        };
        let tr = self.tr;
        // between them only names, articles, brackets, commas and the coordinator: a word like
        // `including` makes the later names an aside (`parts of Tarn, including Vell and Brelk`)
        let plain = (a + 1..b).all(|i| matches!(tr.upos(i), "PROPN" | "DET" | "PUNCT" | "CCONJ"));
        tr.upos(a) == "PROPN" && tr.upos(b) == "PROPN" && plain && group(a).is_some() && group(a) == group(b) && self.ment_at(a) != self.ment_at(b)
    }

    pub(super) fn min_skip(&self, k: usize) -> bool {
        let tr = self.tr;
        let r = tr.rel(k);
        if self.full_skip(k) {
            return true;
        }
        // `fewer than 30 percent`, `at least 500 workers`, `nearly 2,000 copies`: a bound on an
        // amount is part of the amount, which without it states another value
        if amount_bound(tr, k) {
            return false;
        }
        // `40 litres per minute`, `US$9 per ton`: the rate's `per` phrase is part of the amount,
        // which without it states another quantity
        if amount_rate(tr, k) {
            return false;
        }
        // `the most populous country`, `less frequent updates`: the degree of an adjective before
        // its noun says which one (without it, `Vell is a populous country` states another fact)
        if r == "advmod" && tr.lemma_is(k, &["most", "least", "more", "less"]) && tr.head[k] != NONE && tr.base(tr.head[k]) == "amod" && tr.head[k] > k {
            return false;
        }
        // `the sale of weapons and ammunition`: the conjuncts of a kept `of` complement are
        // together what it names (cut to the first, the phrase names less than was said)
        if self.of_complement_conjunct(k) || (r == "cc" && self.of_complement_conjunct(tr.head[k])) {
            return false;
        }
        // `the largest city in the province`, `the first woman to win the title`: a noun singled
        // out by rank is ranked within its domain, so the domain stays (cut, `Tarn is a largest
        // city` states no fact)
        if self.rank_domain(k) {
            return false;
        }
        match r {
            // the minimal phrase drops every determiner, quantifiers included
            "conj" | "cc" | "det" => true,
            "acl" | "advmod" | "obl" | "obl:tmod" | "obl:npmod" | "ccomp" | "csubj" | "xcomp" => true,
            // `found on servers accessible to the public`, `the ecosystems involved`: an adjective
            // after its noun is a reduced relative clause, no part of the noun's name. Not after
            // a verb's object, where it is often the verb's complement the parser hung on the noun
            // (`found the strike justified`, `left the shelves empty`), nor a casualty state
            // (`200 people injured`), nor after an `-ing` noun (`a player testing positive`);
            // the postpositive title words stay (`attorney general`, `president elect`).
            "amod" => {
                let h = tr.head[k];
                h != NONE
                    && k > h
                    && tr.upos(k) == "ADJ"
                    && tr.upos(h) == "NOUN"
                    && !matches!(tr.base(h), "obj" | "iobj" | "xcomp")
                    && !tr.form(h).ends_with("ing")
                    && tr.form(k).chars().next().is_some_and(char::is_lowercase)
                    && !tr.lemma_is(k, crate::extract::lexicon::CASUALTY_STATES)
                    && !tr.lemma_is(k, &["general", "elect", "emeritus", "designate", "apparent", "extraordinaire"])
            }
            "nmod" | "nmod:tmod" | "nmod:npmod" => {
                // keep `of` complements (`billions of dollars`) and the complement a light noun
                // governs (`an end to the siege`), drop other prepositional modifiers
                !tr.kids(k).any(|c| tr.rel(c) == "case" && (tr.lemma_is(c, &["of"]) || governed_complement(tr, k, c)))
            }
            _ => false,
        }
    }

    /// Whether `k` is the domain of a ranked noun right before it: a prepositional modifier
    /// (`in`, `on`, `among`, `at`) or a `to`-infinitive of a noun singled out by a ranking word,
    /// an ordinal or a superlative (`the largest city in the province`, `the only candidate on
    /// the ballot`, `the third woman to be nominated`).
    fn rank_domain(&self, k: usize) -> bool {
        let tr = self.tr;
        let h = tr.head[k];
        if h == NONE || k < h || tr.upos(h) != "NOUN" || !self.ranked_by_degree(h) {
            return false;
        }
        let marked = |words: &[&str]| tr.kids(k).any(|c| c < k && matches!(tr.base(c), "case" | "mark") && tr.lemma_is(c, words));
        match tr.base(k) {
            // (a date is when, not among what: `the first exoplanet in 1995`; a span of time is a
            // domain: `the fourth crash in a month`, `the largest rise in 50 years`)
            "nmod" => {
                let span = tr.kids(k).any(|c| (tr.base(c) == "det" && tr.lemma_is(c, &["a", "an"])) || (tr.base(c) == "nummod" && !tr.form_is(c, MONTHS)));
                marked(&["in", "on", "among", "at"]) && (span || !self.is_date(k)) && tr.upos(k) != "NUM"
            }
            // only an infinitive with a thing for its object names the domain (`the first
            // person to run a marathon`); `the first woman to serve` without its `as` phrase is
            // cut anyway, and `the best person to help me` names nothing more
            "acl" => {
                tr.rel(k) == "acl"
                    && tr.upos(k) == "VERB"
                    && marked(&["to"])
                    && tr.kids(k).any(|o| tr.base(o) == "obj" && matches!(tr.upos(o), "NOUN" | "PROPN"))
            }
            _ => false,
        }
    }

    /// Whether noun `h` is singled out by rank: a ranking word, an ordinal or a superlative among
    /// its modifiers before it (`the first`, `the fifth`, `the second-largest`, `the only`).
    fn ranked_by_degree(&self, h: usize) -> bool {
        let tr = self.tr;
        let superlative = |k: usize| {
            tr.t[k].xpos == "JJS" || tr.has_feat(k, "Degree=Sup") || tr.has_feat(k, "NumType=Ord") || tr.form(k).rsplit_once('-').is_some_and(|(_, w)| w.len() > 4 && w.ends_with("est"))
        };
        // (`most`, `fewest` count rather than rank: `won the most delegates`)
        let counting = |k: usize| tr.lemma_is(k, &["most", "many", "much", "least", "few", "fewest", "little"]);
        tr.kids(h).any(|k| k < h && matches!(tr.base(k), "amod" | "nummod" | "det") && !counting(k) && (tr.lemma_is(k, super::claims::RANKING_WORDS) || superlative(k)))
    }

    /// Whether name `k` is set off by commas right after noun `h` and so names it (`the country's
    /// largest bank, the Norvia Trust Bank, closed`): a description before a name in commas is
    /// the name's, however many words the name has. Not when the closing comma goes on into a list
    /// (`museums, the Tarn Zoo, and courts`), nor when the apposition holds a coordination of its
    /// own outside its name (`the authors, Vell of the Tarn Institute and Oster, said`), an
    /// indefinite one or one with a preposition.
    fn enclosed_name_apposition(&self, h: usize, k: usize) -> bool {
        let tr = self.tr;
        if tr.rel(k) != "appos" || h + 2 >= tr.len() || tr.form(h + 1) != "," {
            return false;
        }
        let toks = tr.phrase(k, &|_| false);
        let (Some(&first), Some(&last)) = (toks.first(), toks.last()) else { return false };
        let closed = last + 1 < tr.len() && tr.form(last + 1) == ",";
        let list_goes_on = last + 2 < tr.len() && tr.upos(last + 2) == "CCONJ";
        let name = self.ment_at(k).unwrap_or((k, k + 1));
        let own_coordination = toks.iter().any(|&x| tr.base(x) == "conj" && !(name.0..name.1).contains(&x));
        // `the plane, a Tarn Skylark, was flying`: an indefinite name is the noun's kind, not its
        // name; `the police, according to the Tarn Herald, said`: a phrase with its own
        // preposition is an aside
        let kind_or_aside = tr.lemma_is(first, &["a", "an"]) || tr.kids(k).any(|c| tr.base(c) == "case");
        first == h + 2 && toks.len() == last + 1 - first && closed && !list_goes_on && !own_coordination && !kind_or_aside
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
            let adjacent = |k: usize| {
                k <= h + 2 || (name_start(h + 1) && tr.phrase(k, &|_| false).first() == Some(&(h + 1))) || self.enclosed_name_apposition(h, k)
            };
            if let Some(a) = tr
                .kids(h)
                .find(|&k| k > h && (tr.rel(k) == "appos" || bare_nmod(k)) && tr.upos(k) == "PROPN" && adjacent(k))
            {
                min = tr.phrase(a, &|k| self.min_skip(k));
            }
        }
        // `the Norvian city of Vell`, `the state of Tarvia`: a settlement or division noun with
        // its name in an `of` phrase is that place, so the name is the minimal argument
        if let Some(name) = place_of_name(tr, h) {
            min = tr.phrase(name, &|k| self.min_skip(k) || (tr.head[k] == name && tr.base(k) == "case"));
        }
        // `a lot of voters`, `a number of senators`, `a total of 40 votes`: an indefinite vague
        // amount only counts what its `of` phrase names, so that phrase is the minimal argument
        if let Some(m) = vague_amount_of(tr, h) {
            min = tr.phrase(m, &|k| self.min_skip(k) || (tr.head[k] == m && tr.base(k) == "case"));
        }
        // `a woman named Ana Ruiz`: the noun is the person the name names, so the name is the
        // minimal argument (the naming participle gives no fact of its own)
        if tr.upos(h) == "NOUN" {
            if let Some(a) = tr.kids(h).find_map(|c| crate::extract::quality::naming_participle(tr, c)) {
                // the name alone: not the `as` of `identified as NAME`, nor an age set off after it
                let beside_name = |k: usize| tr.head[k] == a && matches!(tr.base(k), "case" | "punct" | "amod" | "nummod" | "appos");
                min = tr.phrase(a, &|k| self.min_skip(k) || beside_name(k));
            }
        }
        // `the man who held the thief down was Ben Tarrow`: the noun a specifying copula gives a
        // person's name is that person
        if tr.upos(h) == "NOUN"
            && let Some(name) = self.specified_person(h)
        {
            min = name;
        }
        // `First Minister of Varnia Ana Reyes`, `the head of the Vela League, Ana Reyes,`: a title
        // whose phrase ends on the holder's name stands for that person
        if let Some(name) = self.titled_holder(h, &toks) {
            min = name;
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
        // keep a named-entity mention whole: the head's, and one the minimal phrase holds only in
        // part (`the annual meeting of the Tarn Society for Rural Studies`: the name's own `for`
        // phrase is a nominal modifier the minimal phrase drops, which cut the name)
        let mut mentions: Vec<(usize, usize)> = self.ment_at(h).into_iter().collect();
        mentions.extend(min.iter().filter_map(|&x| self.ment_at(x)));
        for (s, e) in mentions {
            for x in s..e {
                if !min.contains(&x) && toks.contains(&x) {
                    min.push(x);
                }
            }
        }
        keep_numeric_range(tr, &toks, &mut min);
        min.sort_unstable();
        Part {
            head: h,
            toks,
            min,
            poss_after: None,
            text: None,
        }
    }

    /// The person a specifying copula names for the noun `h` (`the man who held the thief down
    /// was Ben Tarrow`, `one of the women who found it was Ana Ruiz`): `h` has a relative clause
    /// saying what someone did, and it (or the `one` it is `of`) is the subject of `be` whose
    /// predicate is a person's name, with no negation. The name's tokens, if so.
    fn specified_person(&self, h: usize) -> Option<Vec<usize>> {
        let tr = self.tr;
        if !tr.kids(h).any(|k| tr.rel(k) == "acl:relcl") {
            return None;
        }
        let up = tr.head[h];
        let of_one = up != NONE
            && up < h
            && tr.base(h) == "nmod"
            && tr.lemma_is(up, &["one"])
            && tr.kids(h).any(|c| c < h && tr.base(c) == "case" && tr.lemma_is(c, &["of"]));
        let subject = if of_one { up } else { h };
        let p = tr.head[subject];
        // one person: a singular noun (its form is its lemma), or `one of` a plural
        let singular = of_one || tr.form(h).to_lowercase() == tr.t[h].lemma;
        let person = self.kind.get(p).copied().flatten() == Some(crate::document::EntityType::Person);
        if !singular || tr.rel(subject) != "nsubj" || p == NONE || p < h || tr.upos(p) != "PROPN" || !person {
            return None;
        }
        let copula = tr.kids(p).any(|k| tr.base(k) == "cop" && (tr.lemma_is(k, &["be"]) || tr.form_is(k, &["is", "was"])));
        let negated = tr.kids(p).any(|k| tr.lemma_is(k, &["not", "never"]));
        if !copula || negated {
            return None;
        }
        let (start, end) = self.ment_at(p)?;
        Some((start..end).collect())
    }

    /// The person's name that ends the phrase `toks` of the title `h`, when the name is the title's
    /// holder: the title is a role noun (not kinship: `the wife of Tom Dorn` is someone else), the
    /// name comes after it and ends the phrase, and it stands right after a comma (an apposition)
    /// or right after another proper noun, where the parser ran a title's `of` phrase into the
    /// name (`Secretary of State Ana Reyes`). A name right after a preposition, a common noun or
    /// a title of its own (`the coach of Ana Reyes`, `the aide of Senator Ana Reyes`) is someone
    /// the title is related to, not its holder. A person's name in apposition to the title is its
    /// holder too (`the head of the Vela League, Ana Reyes, said`). The name's tokens, if so.
    fn titled_holder(&self, h: usize, toks: &[usize]) -> Option<Vec<usize>> {
        use crate::document::EntityType as T;
        let tr = self.tr;
        if !matches!(tr.upos(h), "NOUN" | "PROPN") || self.role_word_at(h).is_none() {
            return None;
        }
        let lower = tr.form(h).to_lowercase();
        if super::roles::is_kin_noun(&lower) || super::roles::is_kin_noun(&tr.lemma(h).to_lowercase()) {
            return None;
        }
        // `the head of the Vela League, Ana Reyes,`: the apposition names the holder
        if let Some((s, e)) = tr
            .kids(h)
            .filter(|&k| k > h && tr.rel(k) == "appos" && self.kind_at(k) == Some(T::Person))
            .find_map(|k| self.ment_at(k))
        {
            return Some((s..e).collect());
        }
        // (also when the parser hung the name on the owner: a person set off by a comma is no
        // apposition of an organisation or a place, so it names the holder)
        let not_person = |k: usize| !matches!(self.kind_at(k), None | Some(T::Person));
        if let Some((s, e)) = tr
            .kids(h)
            .filter(|&k| k > h && tr.base(k) == "nmod" && not_person(k))
            .flat_map(|k| tr.kids(k).filter(move |&a| a > k && tr.rel(a) == "appos"))
            .filter(|&a| self.kind_at(a) == Some(T::Person))
            .find_map(|a| self.ment_at(a))
            .filter(|&(s, _)| tr.form(self.past_honorifics(s, h + 2) - 1) == ",")
        {
            return Some((s..e).collect());
        }
        let last = *toks.iter().rev().find(|&&k| !tr.is_punct(k))?;
        let (s, e) = self.ment_at(last).filter(|&(s, e)| e == last + 1 && s > h + 1)?;
        if self.kind_at(last) != Some(T::Person) || !(s..e).all(|k| toks.contains(&k)) {
            return None;
        }
        // one person in the phrase: `the coach of Ana Reyes, Tom Dorn` names the coach last, but
        // two names leave it open whom the title is of
        if (h..s).any(|k| self.kind_at(k) == Some(T::Person)) {
            return None;
        }
        // (past the name's own honorific: `the head of the Vela League, Dr Ana Reyes,`)
        let prev = self.past_honorifics(s, h + 2) - 1;
        let apposition = tr.form(prev) == ",";
        let run_on = tr.upos(prev) == "PROPN" && self.role_word_at(prev).is_none() && !tr.form_is(prev, HONORIFICS);
        (apposition || run_on).then(|| (s..e).collect())
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
                || emphatic_reflexive(tr, k)
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
        let who = tr.kids(p).any(|k| tr.lemma_is(k, &["who", "whom"]));
        if let Some(person) = who.then(|| self.person_before_place(h)).flatten() {
            return Some(self.np(person, true));
        }
        if let Some(people) = who.then(|| self.counted_people(h)).flatten() {
            return Some(self.np(people, true));
        }
        Some(self.np(h, true))
    }

    /// `the share of voters who backed him`, `the number of youths who ran away`: `who` speaks of
    /// people, so a noun of proportion or count before `of` is not the antecedent; the counted
    /// noun after `of` is.
    fn counted_people(&self, h: usize) -> Option<usize> {
        let tr = self.tr;
        if !tr.lemma_is(h, PROPORTION_NOUNS) {
            return None;
        }
        tr.kids(h).find(|&k| tr.base(k) == "nmod" && matches!(tr.upos(k), "NOUN" | "PROPN") && tr.kids(k).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &["of"])))
    }

    /// `Ana Ruiz of Norvia, who …`, `Ben Tarrow from the Tarn Republic, who …`: `who` speaks of a
    /// person, so the place that ends the person's phrase (with `of` or `from`) is not its
    /// antecedent; the person's name before it is. `h` is the noun the parser gave the clause
    /// (or the noun right before `who`).
    pub(super) fn person_before_place(&self, h: usize) -> Option<usize> {
        use crate::document::EntityType as T;
        let tr = self.tr;
        if !matches!(self.kind_at(h), Some(T::Country | T::City | T::Location)) {
            return None;
        }
        let start = self.ment_at(h).map_or(h, |(s, _)| s);
        let c = (0..start).rev().find(|&k| !tr.is_punct(k) && !tr.lemma_is(k, &["the"]))?;
        if !tr.lemma_is(c, &["of", "from"]) || c == 0 || self.kind_at(c - 1) != Some(T::Person) {
            return None;
        }
        Some(tr.phrase_head(c - 1))
    }

    /// The name a common noun stands in apposition to: in `Vexa-9, the virus that causes grey
    /// fever` the clause describes Vexa-9, and a fact about `the virus` would be a node that only
    /// coreference could join to the name. Only the plain `NAME, the N …` shape counts: the name
    /// ends right before the comma that opens the apposition. Not anchors: dates and amounts
    /// (`Monday, the day that…` describes the event), a place before a person noun (`the Ohio,
    /// US lawyer who` is a parse of one phrase), and a name whose apposition holds a second name
    /// of the same kind (`Al Roe, the son of Bo Roe, who served…` may describe either).
    pub(super) fn apposition_anchor(&self, h: usize) -> Option<Part> {
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
            // `Ana Ruiz of Norvia, who …`: the person, not the place
            if tr.lemma_is(w, &["who", "whom"]) {
                if let Some(person) = self.person_before_place(h) {
                    return Some(self.np(person, true));
                }
            }
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

/// Nouns of proportion and count that take what they count with `of` (`the share of voters`):
/// general English, closed class.
const PROPORTION_NOUNS: &[&str] =
    &["percentage", "percent", "proportion", "share", "number", "majority", "minority", "fraction", "half", "rest", "portion", "bulk", "handful"];

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
    fn an_adjective_after_its_noun_is_no_part_of_the_label() {
        // `Two files were found on servers accessible to the public.` (invented)
        let spec = "Two/NUM/2/nummod files/NOUN/4/nsubj:pass were/AUX/4/aux:pass found/VERB/0/root on/ADP/6/case servers/NOUN/4/obl \
            accessible/ADJ/6/amod to/ADP/10/case the/DET/10/det public/NOUN/7/obl ./PUNCT/4/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "servers")), "{}", show(&ts));
        assert!(!ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text.contains("accessible"))), "{}", show(&ts));
        // must give nothing away: after a verb's object the adjective is often the verb's
        // complement (`The panel found the plan unwise.`), and it stays
        let spec = "The/DET/2/det panel/NOUN/3/nsubj found/VERB/0/root the/DET/5/det plan/NOUN/3/obj unwise/ADJ/5/amod ./PUNCT/3/punct";
        let ts = facts(spec);
        assert!(!ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "plan")), "{}", show(&ts));
    }

    #[test]
    fn who_after_a_proportion_of_people_speaks_of_the_people() {
        // `The share of voters who backed Vell fell .` (invented)
        let spec = "The/DET/2/det share/NOUN/8/nsubj of/ADP/4/case voters/NOUN/2/nmod who/PRON/6/nsubj backed/VERB/2/acl:relcl \
            Vell/PROPN/6/obj fell/VERB/0/root ./PUNCT/8/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.relation.contains("back") && t.subject.text == "voters"), "{}", show(&ts));
        // must not: `which` after a proportion speaks of the proportion (`the share which rose`)
        let spec = "The/DET/2/det share/NOUN/8/nsubj of/ADP/4/case voters/NOUN/2/nmod which/PRON/6/nsubj reached/VERB/2/acl:relcl \
            half/NOUN/6/obj fell/VERB/0/root ./PUNCT/8/punct";
        let ts = facts(spec);
        assert!(!ts.iter().any(|t| t.relation.contains("reach") && t.subject.text == "voters"), "{}", show(&ts));
    }

    #[test]
    fn a_bound_on_an_amount_stays_in_the_label() {
        // `Farmers hold fewer than 30 percent of the land.` (invented)
        let spec = "Farmers/NOUN/2/nsubj hold/VERB/0/root fewer/ADJ/6/advmod than/ADP/3/fixed 30/NUM/6/nummod percent/NOUN/2/obj \
            of/ADP/9/case the/DET/9/det land/NOUN/6/nmod ./PUNCT/2/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text.starts_with("fewer than 30 percent of"))), "{}", show(&ts));
        // `The firm employs at least 500 workers.` (invented)
        let spec = "The/DET/2/det firm/NOUN/3/nsubj employs/VERB/0/root at/ADP/5/case least/ADJ/7/nmod 500/NUM/7/nummod \
            workers/NOUN/3/obj ./PUNCT/3/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "at least 500 workers")), "{}", show(&ts));
        // `Ivo Oster sold nearly 2,000 copies.` (invented): on the number
        let spec = "Ivo/PROPN/3/nsubj Oster/PROPN/1/flat sold/VERB/0/root nearly/ADV/5/advmod 2,000/NUM/6/nummod copies/NOUN/3/obj ./PUNCT/3/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "nearly 2,000 copies")), "{}", show(&ts));
        // `Police said at least 40 farmers left Tarn.` (invented): a subject that opens with the
        // bound's preposition is no adverbial
        let spec = "Police/NOUN/2/nsubj said/VERB/0/root at/ADP/4/case least/ADJ/6/nmod 40/NUM/6/nummod farmers/NOUN/7/nsubj \
            left/VERB/2/ccomp Tarn/PROPN/7/obj ./PUNCT/2/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.subject.text == "at least 40 farmers" && t.object.as_ref().is_some_and(|o| o.text == "Tarn")), "{}", show(&ts));
        // an approximation states the value
        let spec = "Ivo/PROPN/3/nsubj Oster/PROPN/1/flat sold/VERB/0/root about/ADV/5/advmod 2,000/NUM/6/nummod copies/NOUN/3/obj ./PUNCT/3/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "2,000 copies")), "{}", show(&ts));
    }

    #[test]
    fn an_emphatic_reflexive_is_no_part_of_the_label() {
        // `The report itself outlines a close link.` (invented)
        let spec = "The/DET/2/det report/NOUN/4/nsubj itself/PRON/2/nmod:unmarked outlines/VERB/0/root a/DET/7/det close/ADJ/7/amod \
            link/NOUN/4/obj ./PUNCT/4/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.subject.text == "report" && t.object.as_ref().is_some_and(|o| o.text == "close link")), "{}", show(&ts));
        // `Mara Vellin earned a good income herself.` (invented)
        let spec = "Mara/PROPN/3/nsubj Vellin/PROPN/1/flat earned/VERB/0/root a/DET/6/det good/ADJ/6/amod income/NOUN/3/obj \
            herself/PRON/6/nmod:unmarked ./PUNCT/3/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "good income")), "{}", show(&ts));
        // `Ben Tarrow is a Tarn candidate himself.` (invented): in a copular complement too
        let spec = "Ben/PROPN/6/nsubj Tarrow/PROPN/1/flat is/AUX/6/cop a/DET/6/det Tarn/ADJ/6/amod candidate/NOUN/0/root \
            himself/PRON/6/nmod:unmarked ./PUNCT/6/punct";
        let ts = facts(spec);
        assert!(!ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text.contains("himself"))), "{}", show(&ts));
        // must give nothing away: a reflexive with its own preposition is what the noun is of
        let spec = "Mara/PROPN/3/nsubj Vellin/PROPN/1/flat posted/VERB/0/root pictures/NOUN/3/obj of/ADP/6/case herself/PRON/4/nmod ./PUNCT/3/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "pictures of herself")), "{}", show(&ts));
    }

    #[test]
    fn the_degree_of_an_adjective_stays_in_the_label() {
        // `Vell is the most populous country.` (invented): `populous country` states another fact
        let spec = "Vell/PROPN/6/nsubj is/AUX/6/cop the/DET/6/det most/ADV/5/advmod populous/ADJ/6/amod country/NOUN/0/root ./PUNCT/6/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "most populous country")), "{}", show(&ts));
        // must give nothing away: an intensifier is no degree that picks one out
        let spec = spec.replace("most/ADV", "very/ADV");
        let ts = facts(&spec);
        assert!(ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "populous country")), "{}", show(&ts));
    }

    #[test]
    fn a_ranked_noun_keeps_its_domain() {
        // `Tarn is the second-largest city in Norvia.` (invented): `Tarn is a second-largest city`
        // states no fact
        let spec = "Tarn/PROPN/5/nsubj is/AUX/5/cop the/DET/5/det second-largest/ADJ/5/amod city/NOUN/0/root in/ADP/7/case Norvia/PROPN/5/nmod ./PUNCT/5/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "second-largest city in Norvia")), "{}", show(&ts));
        // an unranked noun's place stays out of its label
        let ts = facts(&spec.replace("second-largest/ADJ", "old/ADJ"));
        assert!(ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "old city")), "{}", show(&ts));
        // a date is when, not among what
        let spec = "Tarn/PROPN/5/nsubj was/AUX/5/cop the/DET/5/det first/ADJ/5/amod city/NOUN/0/root in/ADP/7/case 1990/NUM/5/nmod ./PUNCT/5/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "first city")), "{}", show(&ts));
        // a span of time is a domain
        let spec = "Tarn/PROPN/5/nsubj was/AUX/5/cop the/DET/5/det third/ADJ/5/amod fire/NOUN/0/root in/ADP/8/case a/DET/8/det month/NOUN/5/nmod ./PUNCT/5/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "third fire in month")), "{}", show(&ts));
        // an infinitive with a thing for its object: `the first woman to climb the peak`
        let spec = "Vellin/PROPN/5/nsubj was/AUX/5/cop the/DET/5/det first/ADJ/5/amod woman/NOUN/0/root to/PART/7/mark climb/VERB/5/acl the/DET/9/det peak/NOUN/7/obj ./PUNCT/5/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "first woman to climb peak")), "{}", show(&ts));
    }

    #[test]
    fn names_of_one_kind_in_an_of_complement_stay_in_the_label() {
        // `The small nations of Tarn and Vell recognized Brelk.` (invented)
        let spec = "The/DET/3/det small/ADJ/3/amod nations/NOUN/8/nsubj of/ADP/5/case <<Tarn>>/PROPN/3/nmod and/CCONJ/7/cc \
            <<Vell>>/PROPN/5/conj recognized/VERB/0/root <<Brelk>>/PROPN/8/obj ./PUNCT/8/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.subject.text == "small nations of Tarn and Vell"), "{}", show(&ts));
        // must give nothing away: a person after the place is more often a higher conjunct
        // (`met the mayor of Tarn and Mara Vellin`)
        let spec = "Oster/PROPN/0/root met/VERB/0/root the/DET/4/det envoys/NOUN/2/obj of/ADP/6/case <<Tarn>>/PROPN/4/nmod and/CCONJ/8/cc \
            [[Mara/PROPN/6/conj Vellin]]/PROPN/8/flat ./PUNCT/2/punct";
        let spec = spec.replace("Oster/PROPN/0/root", "Oster/PROPN/2/nsubj");
        let ts = facts(&spec);
        assert!(!ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text.contains("Vellin") && o.text.contains("envoys"))), "{}", show(&ts));
    }

    #[test]
    fn the_conjuncts_of_an_of_complement_stay_in_the_label() {
        // `Oster criticised the sale of weapons and ammunition.` (invented)
        let spec = "Oster/PROPN/2/nsubj criticised/VERB/0/root the/DET/4/det sale/NOUN/2/obj of/ADP/6/case weapons/NOUN/4/nmod \
            and/CCONJ/8/cc ammunition/NOUN/6/conj ./PUNCT/2/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "sale of weapons and ammunition")), "{}", show(&ts));
        // must give nothing away: a conjunct with its own preposition is no part of the complement
        // (`the sale of weapons, among other goods`), nor one with no coordinator
        let spec = "Oster/PROPN/2/nsubj criticised/VERB/0/root the/DET/4/det sale/NOUN/2/obj of/ADP/6/case weapons/NOUN/4/nmod \
            ,/PUNCT/10/punct among/ADP/10/case other/ADJ/10/amod goods/NOUN/6/conj ./PUNCT/2/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "sale of weapons")), "{}", show(&ts));
        let spec = "Oster/PROPN/2/nsubj criticised/VERB/0/root the/DET/4/det sale/NOUN/2/obj of/ADP/6/case weapons/NOUN/4/nmod \
            Tarn/PROPN/8/compound rules/NOUN/6/conj ./PUNCT/2/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "sale of weapons")), "{}", show(&ts));
    }

    #[test]
    fn a_rate_stays_in_its_amount() {
        // `The pump had a flow of 40 litres per minute.` (invented)
        let spec = "The/DET/2/det pump/NOUN/3/nsubj had/VERB/0/root a/DET/5/det flow/NOUN/3/obj of/ADP/8/case 40/NUM/8/nummod litres/NOUN/5/nmod \
            per/ADP/10/case minute/NOUN/8/nmod ./PUNCT/3/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "flow of 40 litres per minute")), "{}", show(&ts));
        // `Snails in Tarn need 2 g per day.` (invented)
        let spec = "Snails/NOUN/4/nsubj in/ADP/3/case Tarn/PROPN/1/nmod need/VERB/0/root 2/NUM/6/nummod g/NOUN/4/obj per/ADP/8/case \
            day/NOUN/6/nmod ./PUNCT/4/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "2 g per day")), "{}", show(&ts));
        // must give nothing away: a `per` phrase on an uncounted noun is no rate of it
        let spec = "The/DET/2/det firm/NOUN/3/nsubj set/VERB/0/root a/DET/5/det limit/NOUN/3/obj per/ADP/7/case buyer/NOUN/5/nmod ./PUNCT/3/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "limit")), "{}", show(&ts));
    }

    #[test]
    fn an_indefinite_vague_amount_is_labelled_by_what_it_counts() {
        // `A lot of farmers backed the Vell plan.` (invented)
        let spec = "A/DET/2/det lot/NOUN/5/nsubj of/ADP/4/case farmers/NOUN/2/nmod backed/VERB/0/root the/DET/7/det plan/NOUN/5/obj ./PUNCT/5/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.subject.text == "farmers" && t.object.as_ref().is_some_and(|o| o.text == "plan")), "{}", show(&ts));
        // `The mayor won a total of 40 votes.` (invented): the object too
        let spec = "The/DET/2/det mayor/NOUN/3/nsubj won/VERB/0/root a/DET/5/det total/NOUN/3/obj of/ADP/8/case 40/NUM/8/nummod \
            votes/NOUN/5/nmod ./PUNCT/3/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "40 votes")), "{}", show(&ts));
        // must give nothing away: `the number of cases` is the measure itself, and `a lot of
        // them` keeps its noun (a pronoun is no label)
        let spec = "The/DET/2/det number/NOUN/5/nsubj of/ADP/4/case cases/NOUN/2/nmod rose/VERB/0/root to/ADP/7/case 58/NUM/5/obl ./PUNCT/5/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.subject.text == "number of cases"), "{}", show(&ts));
        let spec = "A/DET/2/det lot/NOUN/5/nsubj of/ADP/4/case them/PRON/2/nmod backed/VERB/0/root the/DET/7/det plan/NOUN/5/obj ./PUNCT/5/punct";
        let ts = facts(spec);
        assert!(!ts.iter().any(|t| t.subject.text == "them"), "{}", show(&ts));
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
    fn who_after_a_persons_place_is_the_person() {
        // `The silver medal was won by Ben Tarrow from Norvia, who finished the race in 47 seconds.`
        // (invented), with the clause hung as a conjunct of the main verb
        let spec = "The/DET/3/det silver/ADJ/3/amod medal/NOUN/5/nsubj:pass was/AUX/5/aux:pass won/VERB/0/root by/ADP/7/case \
            [[Ben/PROPN/5/obl:agent Tarrow]]/PROPN/7/flat from/ADP/10/case <<Norvia>>/PROPN/5/obl ,/PUNCT/13/punct \
            who/PRON/13/nsubj finished/VERB/5/conj the/DET/15/det race/NOUN/13/obj ./PUNCT/5/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.subject.text == "Ben Tarrow" && t.relation == "finished"), "{}", show(&ts));
        assert!(!ts.iter().any(|t| t.subject.text == "Norvia" && t.relation == "finished"), "{}", show(&ts));
        // … and as a relative clause of the place
        let spec = "[[Mara/PROPN/10/nsubj Vellin]]/PROPN/1/flat of/ADP/4/case <<Norvia>>/PROPN/1/nmod ,/PUNCT/7/punct \
            who/PRON/7/nsubj left/VERB/4/acl:relcl early/ADV/7/advmod ,/PUNCT/10/punct spoke/VERB/0/root first/ADV/10/advmod";
        let ts = facts(spec);
        assert!(!ts.iter().any(|t| t.subject.text == "Norvia" && t.relation == "left"), "{}", show(&ts));
        // must give nothing away: `which` after a place is the place
        let spec = "[[Mara/PROPN/10/nsubj Vellin]]/PROPN/1/flat of/ADP/4/case <<Norvia>>/PROPN/1/nmod ,/PUNCT/7/punct \
            which/PRON/7/nsubj borders/VERB/4/acl:relcl Tarn/PROPN/7/obj ,/PUNCT/10/punct spoke/VERB/0/root first/ADV/10/advmod";
        let ts = facts(spec);
        assert!(!ts.iter().any(|t| t.subject.text == "Mara Vellin" && t.relation == "borders"), "{}", show(&ts));
    }

    #[test]
    fn the_noun_a_copula_names_is_the_person() {
        // `The man who stopped the thief was Ivo Oster .` (invented)
        let spec = "The/DET/2/det man/NOUN/8/nsubj who/PRON/4/nsubj stopped/VERB/2/acl:relcl the/DET/6/det thief/NOUN/4/obj \
            was/AUX/8/cop [[Ivo/PROPN/0/root Oster]]/PROPN/8/flat ./PUNCT/8/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.subject.text == "Ivo Oster" && t.relation == "stopped"), "{}", show(&ts));
        // `One of the women who found the boat was Mara Vellin .` (invented)
        let spec = "One/NUM/10/nsubj of/ADP/4/case the/DET/4/det women/NOUN/1/nmod who/PRON/6/nsubj found/VERB/4/acl:relcl \
            the/DET/8/det boat/NOUN/6/obj was/AUX/10/cop [[Mara/PROPN/0/root Vellin]]/PROPN/10/flat ./PUNCT/10/punct";
        let ts = facts(spec);
        assert!(ts.iter().any(|t| t.subject.text == "Mara Vellin" && t.relation == "found"), "{}", show(&ts));
        // negated, or a plural noun: the clause keeps its noun
        let spec = "The/DET/2/det man/NOUN/9/nsubj who/PRON/4/nsubj stopped/VERB/2/acl:relcl the/DET/6/det thief/NOUN/4/obj \
            was/AUX/9/cop not/PART/9/advmod [[Ivo/PROPN/0/root Oster]]/PROPN/9/flat ./PUNCT/9/punct";
        let ts = facts(spec);
        assert!(!ts.iter().any(|t| t.subject.text == "Ivo Oster" && t.relation == "stopped"), "{}", show(&ts));
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
    fn a_title_whose_phrase_ends_on_its_holders_name_stands_for_the_person() {
        let opened = |spec: &str| {
            let ts = facts(spec);
            ts.iter()
                .find(|t| t.relation.contains("open") && t.object.as_ref().is_some_and(|o| o.text == "bridge"))
                .map(|t| t.subject.text.clone())
                .unwrap_or_else(|| panic!("no fact: {}", show(&ts)))
        };
        // `First Minister of Varnia Ana Reyes opened the bridge.` (invented): the parser ran the
        // title's `of` phrase into the name
        let run_on = "First/ADJ/2/amod Minister/PROPN/7/nsubj of/ADP/5/case Varnia/PROPN/5/compound [[Ana/PROPN/2/nmod \
            Reyes]]/PROPN/5/flat opened/VERB/0/root the/DET/9/det bridge/NOUN/7/obj ./PUNCT/7/punct";
        assert_eq!(opened(run_on), "Ana Reyes");
        // `The head of the Vela League, Ana Reyes, opened the bridge.` (invented)
        let appos = "The/DET/2/det head/NOUN/11/nsubj of/ADP/6/case the/DET/6/det Vela/PROPN/6/compound League/PROPN/2/nmod \
            ,/PUNCT/8/punct [[Ana/PROPN/2/appos Reyes]]/PROPN/8/flat ,/PUNCT/2/punct opened/VERB/0/root the/DET/13/det \
            bridge/NOUN/11/obj ./PUNCT/11/punct";
        assert_eq!(opened(appos), "Ana Reyes");
        // a name after `of`, after a title of its own, or after a kinship noun is someone else
        let of_name = "The/DET/2/det coach/NOUN/6/nsubj of/ADP/4/case [[Ana/PROPN/2/nmod Reyes]]/PROPN/4/flat \
            opened/VERB/0/root the/DET/8/det bridge/NOUN/6/obj ./PUNCT/6/punct";
        assert_ne!(opened(of_name), "Ana Reyes");
        let titled = "The/DET/2/det aide/NOUN/7/nsubj of/ADP/5/case Senator/PROPN/5/compound [[Ana/PROPN/2/nmod \
            Reyes]]/PROPN/5/flat opened/VERB/0/root the/DET/9/det bridge/NOUN/7/obj ./PUNCT/7/punct";
        assert_ne!(opened(titled), "Ana Reyes");
    }

    #[test]
    fn a_name_hung_on_the_owner_of_a_preposed_role_names_the_holder() {
        // `the director of the Tarn Institute, Dr Mara Vellin, opened the hall` (invented), with the name
        // hung on the institute as the parser does after a fronted phrase
        let spec = "the/DET/2/det director/NOUN/12/nsubj of/ADP/6/case the/DET/6/det {{Tarn/PROPN/6/compound Institute}}/PROPN/2/nmod \
            ,/PUNCT/9/punct Dr/PROPN/9/nmod:desc [[Mara/PROPN/6/appos Vellin]]/PROPN/9/flat ,/PUNCT/2/punct opened/VERB/0/root \
            the/DET/14/det hall/NOUN/12/obj ./PUNCT/12/punct";
        let ts = facts(spec);
        let opener = |ts: &[crate::document::OpenTriple]| ts.iter().any(|t| t.subject.text == "Mara Vellin" && t.relation == "opened");
        assert!(opener(&ts), "{}", show(&ts));
    }

    #[test]
    fn a_name_in_commas_after_its_description_is_the_argument() {
        let closer = |spec: &str| {
            let ts = facts(spec);
            ts.iter()
                .find(|t| t.relation.contains("close") && t.object.as_ref().is_some_and(|o| o.text.ends_with("branches")))
                .map(|t| t.subject.text.clone())
                .unwrap_or_else(|| panic!("no fact: {}", show(&ts)))
        };
        // `The country's largest bank, the Norvia Trust Bank, closed its branches.` (invented)
        let spec = "The/DET/2/det country/NOUN/5/nmod:poss 's/PART/2/case largest/ADJ/5/amod bank/NOUN/12/nsubj ,/PUNCT/10/punct \
            the/DET/10/det {{Norvia/PROPN/10/compound Trust/PROPN/10/compound Bank}}/PROPN/5/appos ,/PUNCT/5/punct \
            closed/VERB/0/root its/PRON/14/nmod:poss branches/NOUN/12/obj ./PUNCT/12/punct";
        assert_eq!(closer(spec), "Norvia Trust Bank");
        // must keep: the comma after the name goes on into a list (`The country's largest bank, the
        // Norvia Trust Bank, and two lenders closed their branches.`: the name is one more closer)
        let list = "The/DET/2/det country/NOUN/5/nmod:poss 's/PART/2/case largest/ADJ/5/amod bank/NOUN/15/nsubj ,/PUNCT/10/punct \
            the/DET/10/det {{Norvia/PROPN/10/compound Trust/PROPN/10/compound Bank}}/PROPN/5/appos ,/PUNCT/14/punct and/CCONJ/14/cc \
            two/NUM/14/nummod lenders/NOUN/5/conj closed/VERB/0/root their/PRON/17/nmod:poss branches/NOUN/15/obj ./PUNCT/15/punct";
        assert_ne!(closer(list), "Norvia Trust Bank");
        // must keep: an indefinite name gives the noun's kind (`…, a Norvia Trust Bank, …`), and a
        // phrase with its own preposition is an aside (`…, by the Norvia Trust Bank, …`)
        assert_ne!(closer(&spec.replace("the/DET/10/det {{", "a/DET/10/det {{")), "Norvia Trust Bank");
        assert_ne!(closer(&spec.replace("the/DET/10/det {{", "by/ADP/10/case {{")), "Norvia Trust Bank");
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

/// Whether `case` is the preposition a light noun governs ([`GOVERNED_COMPLEMENTS`]) and its
/// phrase `k` that noun's complement right after it (`an end to the siege`, `access to water`).
///
/// [`GOVERNED_COMPLEMENTS`]: crate::extract::lexicon::GOVERNED_COMPLEMENTS
fn governed_complement(tr: &Tree, k: usize, case: usize) -> bool {
    let h = tr.head[k];
    h != NONE
        && h < k
        && tr.upos(h) == "NOUN"
        && crate::extract::lexicon::GOVERNED_COMPLEMENTS.iter().any(|&(noun, prep)| tr.lemma_is(h, &[noun]) && tr.lemma_is(case, &[prep]))
        && (h + 1..case).all(|x| tr.head[x] == h && tr.rel(x) == "amod")
}

/// Nouns for a settlement or an administrative division whose `of` phrase gives its name (`the
/// city of Vell`, `the province of Tarvia`). General English; not `capital` (`the capital of X`
/// is another place than X) nor `region`/`part` (`the northern region of X` is a part of X).
const NAMED_BY_OF: &[&str] = &[
    "city", "town", "village", "hamlet", "state", "province", "island", "county", "municipality", "district",
    "borough", "prefecture", "commune", "emirate", "port",
];

/// The name of the place a definite noun phrase headed by `h` stands for when it is a settlement
/// or division noun with the name in an `of` phrase right after it (`the Norvian city of Vell`,
/// `the US state of Tarvia`): the proper noun heading that phrase. None for an indefinite phrase
/// (`a city of Norvia`) or an `of` phrase that is no name (`the city of dreams`).
pub(crate) fn place_of_name(tr: &Tree, h: usize) -> Option<usize> {
    if h >= tr.len() || tr.upos(h) != "NOUN" || !NAMED_BY_OF.contains(&tr.lemma(h).to_lowercase().as_str()) {
        return None;
    }
    if !tr.kids(h).any(|k| k < h && tr.base(k) == "det" && tr.lemma_is(k, &["the"])) {
        return None;
    }
    let name = tr.kids(h).find(|&k| k > h && tr.base(k) == "nmod" && tr.upos(k) == "PROPN")?;
    let of = tr.kids(name).find(|&c| c < name && tr.base(c) == "case")?;
    (of == h + 1 && tr.lemma_is(of, &["of"])).then_some(name)
}


/// Words that bound an amount from above or below (`nearly 40`, `over 40`, `more than 40`, `at
/// least 40`): general English, closed class. The comparatives count only with their `than`,
/// `least`/`most` only after `at`.
const BOUND_WORDS: &[&str] = &["nearly", "almost", "over", "under", "barely"];
const COMPARATIVE_BOUNDS: &[&str] = &["more", "fewer", "less"];

/// The words that join the two ends of a numeric range (`two to three hundred`, `20–30`, `4 or
/// 5`, `between 10 and 20`): general English, closed class. `and` joins a range only after
/// `between`.
const RANGE_MARKERS: &[&str] = &["to", "-", "–", "—", "or", "and"];

/// Widens the minimal phrase `min` to the whole numeric range one of its numbers ends (`two to
/// three hundred sheep`, `between 10 and 20 people`, `20–30 people`): the parser hangs the
/// other end anywhere (a conjunct, an `nmod` with the marker as its `case`, a compound), and
/// the phrase cut to one end states a number the sentence does not give. Only tokens of the
/// full phrase `toks` are added.
fn keep_numeric_range(tr: &Tree, toks: &[usize], min: &mut Vec<usize>) {
    let number = |k: usize| k < tr.len() && tr.upos(k) == "NUM" && toks.contains(&k);
    let marker = |k: usize| k < tr.len() && toks.contains(&k) && tr.form_is(k, RANGE_MARKERS);
    let between = |k: usize| k < tr.len() && toks.contains(&k) && tr.form(k).eq_ignore_ascii_case("between");
    let mut added = Vec::new();
    for &x in min.iter().filter(|&&x| tr.upos(x) == "NUM") {
        // `x` the upper end: `LOW MARKER x`
        if x >= 2 && marker(x - 1) && number(x - 2) {
            let and = tr.form_is(x - 1, &["and"]);
            if !and || (x >= 3 && between(x - 3)) {
                added.extend([x - 2, x - 1]);
                if x >= 3 && between(x - 3) {
                    added.push(x - 3);
                }
            }
        }
        // `x` the lower end: `x MARKER HIGH`
        if marker(x + 1) && number(x + 2) && (!tr.form_is(x + 1, &["and"]) || (x >= 1 && between(x - 1))) {
            added.extend([x + 1, x + 2]);
            if x >= 1 && between(x - 1) {
                added.push(x - 1);
            }
        }
    }
    for k in added {
        if !min.contains(&k) {
            min.push(k);
        }
    }
}

/// Whether `k` bounds the amount it modifies: an adverb (`nearly`, `more than`) or an `at least`
/// / `at most` phrase in front of a number, or of a noun counted by a number after `k`
/// (`fewer than 30 percent`, `at least 500 workers`). Approximations (`about 40`) are left out:
/// they state the value.
pub(crate) fn amount_bound(tr: &Tree, k: usize) -> bool {
    let h = tr.head[k];
    if h == NONE || h >= tr.len() || k > h {
        return false;
    }
    let word = match tr.base(k) {
        "advmod" => {
            tr.form_is(k, BOUND_WORDS) || (tr.form_is(k, COMPARATIVE_BOUNDS) && tr.kids(k).any(|f| tr.base(f) == "fixed" && tr.form_is(f, &["than"])))
        }
        "nmod" | "obl" => tr.form_is(k, &["least", "most"]) && tr.kids(k).any(|c| c + 1 == k && tr.base(c) == "case" && tr.form_is(c, &["at"])),
        _ => false,
    };
    let counted = tr.upos(h) == "NUM" || tr.kids(h).any(|n| n > k && n < h && tr.base(n) == "nummod" && tr.upos(n) == "NUM");
    word && counted
}

/// Whether `k` is an emphatic reflexive on a noun (`the bridge itself`, `named her to the board
/// himself`, `is a candidate himself`): it stresses who, and names no part of the noun's thing.
/// A reflexive with its own preposition is one (`pictures of herself`).
pub(crate) fn emphatic_reflexive(tr: &Tree, k: usize) -> bool {
    let h = tr.head[k];
    h != NONE
        && h < k
        && matches!(tr.upos(h), "NOUN" | "PROPN")
        && tr.upos(k) == "PRON"
        && tr.form_is(k, crate::extract::triples::REFLEXIVES)
        && !tr.kids(k).any(|c| tr.base(c) == "case")
}

/// Whether `k` is the `per` phrase of a counted amount (`40 litres per minute`, `2 g per day`,
/// `US$9 per ton`, `ten per cent`): a common noun's `nmod` opened by `per`, after a number or a
/// noun counted by one (not a bare number: `four per 10,000` is cut from the noun it counts).
pub(crate) fn amount_rate(tr: &Tree, k: usize) -> bool {
    let h = tr.head[k];
    if h == NONE || h >= tr.len() || k < h || tr.base(k) != "nmod" || tr.upos(k) != "NOUN" {
        return false;
    }
    let per = tr.kids(k).any(|c| c < k && tr.base(c) == "case" && tr.lemma_is(c, &["per"]));
    let counted = tr.upos(h) == "NUM" || tr.kids(h).any(|n| n < h && tr.base(n) == "nummod" && tr.upos(n) == "NUM");
    per && counted
}

/// Nouns that, indefinite, give a vague amount of what their `of` phrase names (`a lot of`, `a
/// number of`, `a couple of`, `a total of`, `a series of`): general English, closed class.
const VAGUE_AMOUNTS: &[&str] = &[
    "lot", "lots", "number", "couple", "handful", "host", "variety", "array", "multitude", "bunch", "total", "series", "group", "plenty",
];

/// The head of the `of` phrase an indefinite vague amount headed by `h` counts (`a lot of
/// voters`, `lots of kids`, `a number of senators`, `a total of 40 votes`) — a common noun, or a
/// plural name (`a number of Senators`), not a pronoun or a bare number (`a lot of them`, `a
/// total of 40`), nor a singular name (`a lot of Norvia` is a part of it). None for a definite
/// phrase (`the number of cases` is the measure itself) or any other noun.
pub(crate) fn vague_amount_of(tr: &Tree, h: usize) -> Option<usize> {
    if h >= tr.len() || tr.upos(h) != "NOUN" || !tr.lemma_is(h, VAGUE_AMOUNTS) {
        return None;
    }
    // `a lot of`, `a whole host of`; `lots of`, `plenty of` need no article
    let indefinite = tr.kids(h).any(|k| k < h && tr.base(k) == "det" && tr.lemma_is(k, &["a", "an"]));
    let bare = tr.form_is(h, &["lots", "plenty"]) && !tr.kids(h).any(|k| k < h && tr.base(k) == "det");
    if !indefinite && !bare {
        return None;
    }
    let m = tr.kids(h).find(|&k| k > h && tr.base(k) == "nmod" && tr.rel(k) != "nmod:poss")?;
    let of = tr.kids(m).find(|&c| c < m && tr.base(c) == "case")?;
    if of != h + 1 || !tr.lemma_is(of, &["of"]) {
        return None;
    }
    let counted = tr.upos(m) == "NOUN" || (tr.upos(m) == "PROPN" && tr.t[m].xpos == "NNPS");
    counted.then_some(m)
}

