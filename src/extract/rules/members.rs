//! A person's organisation or place written with `of` right after the name:
//!
//! - `Dr Ana Reyes of Vela Labs said` → Ana Reyes – of – Vela Labs (the organisation she speaks for);
//! - `Immunologist Ana Reyes of Vela Labs` → Ana Reyes – immunologist of – Vela Labs;
//! - `Senators Ana Reyes of Ostland, Ben Tarrow of Westland, and Cy Dorn of Nordland` → each
//!   senator of their place: the title in front of the first name is shared by the list;
//! - `Ben Tarrow of Millbrook` without a title → Ben Tarrow – from – Millbrook;
//! - `Ana Reyes of Vela University's Soil Institute` → of the possessed name; `Ana Reyes of Vela
//!   University's law faculty` → of the possessor (the faculty is a part of it).
//!
//! The name is a `Person` mention; the owner a mention of an organisation or a place, closing the
//! phrase (punctuation, a conjunction, a verb or an adverb before a verb follows, or `in PLACE`
//! locating the owner, or lowercase words up to an institution noun: `of the Norvia river office`
//! → of Norvia). Graph facts only. Organisation names the tagger cut or mistyped after
//! `NAME of` are joined into one mention before extraction ([`crate::extract::owners`]).
//!
//! In: the tree's tokens, mention extents and kinds. Out: literal-relation [`Prop`]s.

use super::places::place_rank;
use super::*;
use crate::document::EntityType as T;

fn is_organisation(kind: Option<T>) -> bool {
    matches!(kind, Some(T::Organization | T::Company | T::GovernmentBody | T::InternationalOrganization | T::ArmedGroup))
}

impl Rules<'_, '_> {
    /// The owner mention after `NAME of [the]` when the name ends at `e`.
    fn owner_after_of(&self, e: usize) -> Option<(usize, usize)> {
        let tr = self.tr;
        let n = tr.len();
        if e + 1 >= n || !tr.lemma_is(e, &["of"]) {
            return None;
        }
        let j = if self.is_det(e + 1) { e + 2 } else { e + 1 };
        // `of Norvia's Vela Institute`: the organisation after the place's possessive
        let j = self.past_place_possessor(j);
        let (s, oe) = self.mention_from(j)?;
        let owner = |s: usize| {
            let kind = self.kind_at(s);
            is_organisation(kind) || place_rank(kind).is_some()
        };
        if !owner(s) {
            return None;
        }
        let ends = |k: usize| {
            k >= n
                || tr.is_punct(k)
                || matches!(tr.upos(k), "CCONJ" | "VERB" | "AUX")
                || tr.lemma_is(k, &["who"])
                // `Ana Reyes of Vela Labs also said`: an adverb in front of the verb
                || (tr.upos(k) == "ADV" && k + 1 < n && matches!(tr.upos(k + 1), "VERB" | "AUX"))
        };
        // `of the Vela Institute in Millbrook`: the place locates the owner and closes the phrase
        // `of the Vela School of Soils at Tarn University`: the body the owner is part of, too
        let closes = |oe: usize| {
            ends(oe) || self.place_after_in(oe).is_some_and(ends) || self.office_after(oe).is_some_and(ends) || self.parent_after_at(oe).is_some_and(ends)
        };
        if oe < n && self.is_poss(oe) {
            return self.possessed_owner(s, oe, &owner, &closes);
        }
        closes(oe).then_some((s, oe))
    }

    /// The end of `in PLACE` starting at `k` (`in Millbrook` after an owner's name).
    fn place_after_in(&self, k: usize) -> Option<usize> {
        if k + 1 >= self.tr.len() || !self.tr.lemma_is(k, &["in"]) {
            return None;
        }
        self.mention_from(k + 1).filter(|&(s, _)| place_rank(self.kind_at(s)).is_some()).map(|(_, e)| e)
    }

    /// The end of `at [the] ORGANISATION` starting at `k` (`of the Vela School of Soils at Tarn
    /// University`: the school is part of the university, and the phrase still names the
    /// person's organisation).
    fn parent_after_at(&self, k: usize) -> Option<usize> {
        let tr = self.tr;
        if k + 1 >= tr.len() || !tr.lemma_is(k, &["at"]) {
            return None;
        }
        let j = if self.is_det(k + 1) { k + 2 } else { k + 1 };
        self.mention_from(j).filter(|&(s, _)| is_organisation(self.kind_at(s))).map(|(_, e)| e)
    }

    /// The end of lowercase words up to an institution noun starting at `k` (`of the Norvia river
    /// protection office`: the office belongs to the name before it).
    fn office_after(&self, k: usize) -> Option<usize> {
        let tr = self.tr;
        let mut e = k;
        let mut end = None;
        while e < tr.len() && matches!(tr.upos(e), "NOUN" | "ADJ") && tr.form(e).chars().next().is_some_and(char::is_lowercase) {
            e += 1;
            if super::roles::is_institution_noun(&tr.form(e - 1).to_lowercase()) || tr.lemma_is(e - 1, &["office"]) {
                end = Some(e);
            }
        }
        end
    }

    /// `NAME of Vela University's Institute of Soils` → the possessed name; `NAME of Vela
    /// University's law faculty` → the possessor (the part named by common nouns belongs to
    /// it). `s..m` is the possessor mention, `m` its possessive marker.
    fn possessed_owner(&self, s: usize, m: usize, owner: &dyn Fn(usize) -> bool, closes: &dyn Fn(usize) -> bool) -> Option<(usize, usize)> {
        let tr = self.tr;
        if let Some((ps, pe)) = self.mention_from(m + 1).filter(|&(ps, _)| owner(ps)) {
            return closes(pe).then_some((ps, pe));
        }
        let mut e = m + 1;
        while e < tr.len() && self.ment_at(e).is_none() && matches!(tr.upos(e), "NOUN" | "ADJ") && tr.form(e).chars().next().is_some_and(char::is_lowercase) {
            e += 1;
        }
        (e > m + 1 && tr.upos(e - 1) == "NOUN" && closes(e)).then_some((s, m))
    }

    /// The first name of a list `A of X, B of Y, and C of Z` that the name at `s` ends.
    fn list_first(&self, names: &[(usize, usize)], s: usize) -> usize {
        let tr = self.tr;
        let mut first = s;
        loop {
            let mut k = first;
            if k > 0 && tr.upos(k - 1) == "CCONJ" {
                k -= 1;
            }
            if k > 0 && tr.form(k - 1) == "," {
                k -= 1;
            }
            if k == first {
                return first;
            }
            // before the separator: a person name and its `of` owner
            let prev = names.iter().find(|&&(_, pe)| self.owner_after_of(pe).is_some_and(|(_, oe)| oe == k));
            match prev {
                Some(&(ps, _)) => first = ps,
                None => return first,
            }
        }
    }

    /// `Vela Labs's Ana Reyes` → Ana Reyes – of – Vela Labs; `Norvia's Vela Motors` → Vela Motors –
    /// of – Norvia: a name right after an organisation's or a place's possessive belongs to it (a
    /// person to an organisation, an organisation to a place). A person after a place's
    /// possessive is left (`Norvia's Ana Reyes` may be from there or only play there), and so is
    /// a possessed name that goes on as a compound (`Vela Labs's Ana Reyes award`).
    fn possessive_member_props(&self, out: &mut Vec<Prop>) {
        let tr = self.tr;
        for ((os, oe), (s, e)) in self.possessive_pairs() {
            let (owner, named) = (self.kind_at(os), self.kind_at(s));
            let belongs = (named == Some(T::Person) && is_organisation(owner)) || (is_organisation(named) && place_rank(owner).is_some());
            if !belongs || (e < tr.len() && matches!(tr.upos(e), "NOUN" | "PROPN")) {
                continue;
            }
            let lit = Lit { words: "of".into(), verb: None, noun: None, mods: Vec::new(), prep: Some("of".into()) };
            let mut p = self.lit_prop("member:poss", os, self.span_part(s, e), lit, self.span_part(os, oe), 0.6);
            p.carb = false;
            out.push(p);
        }
    }

    /// All `NAME of OWNER` facts of the sentence, and the possessive ones
    /// ([`Self::possessive_member_props`]).
    pub fn person_of_props(&self, out: &mut Vec<Prop>) {
        self.possessive_member_props(out);
        let names = self.person_names();
        for &(s, e) in &names {
            // a title alone taken for a name (`Ana Varga, Dean of Vell Law School`, the name
            // tagger's `Dean`) holds no one: its holder is elsewhere or missing
            if e == s + 1 && self.role_word_at(s).is_some() {
                continue;
            }
            let Some((os, oe)) = self.owner_after_of(e) else { continue };
            let name = self.span_part(s, e);
            let owner = self.span_part(os, oe);
            let first = self.list_first(&names, s);
            // an author owns the work, not the employer (`lead author Ana Reyes of Vela University`),
            // so an author drops out of the roles (`lead author Professor X of Y` is a professor of
            // Y); an occupation owns no place (`engineer Ana Reyes of Vell` is from there): both
            // read as the plain `of`/`from` below
            let organisation = is_organisation(self.kind_at(os));
            let role = self
                .role_start_before(first)
                .and_then(|start| self.role_np(start, first))
                .filter(|np| np.end == first)
                .map(|mut np| {
                    np.roles.retain(|r| !r.toks.last().is_some_and(|&k| is_author_noun(self.tr.lemma(k))));
                    np
                })
                .filter(|np| !np.roles.is_empty() && (organisation || !np.roles.iter().all(|r| r.occupation)));
            if let Some(mut np) = role {
                np.owner = Some((owner, false));
                np.prep = None;
                self.emit_role("member:of", &name, &np, out);
                continue;
            }
            // `of the Norvia river office`: a body of the place, not a place of origin
            let office = self.office_after(oe).is_some();
            let words = if organisation || office { "of" } else { "from" };
            let lit = Lit { words: words.into(), verb: None, noun: None, mods: Vec::new(), prep: Some(words.into()) };
            let mut p = self.lit_prop("member:of", os, name, lit, owner, 0.6);
            p.carb = false;
            out.push(p);
        }
    }
}

/// Nouns for the maker of a written work (`lead author`, `co-author`): what they are the author of
/// is the work, never the person's employer.
fn is_author_noun(lemma: &str) -> bool {
    matches!(lemma.to_lowercase().as_str(), "author" | "co-author" | "coauthor")
}

#[cfg(test)]
mod tests {
    use super::super::testkit::check_cases;

    #[test]
    fn person_of_constructions() {
        let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
            (
                "Immunologist/NOUN [[Ana/PROPN Reyes]]/PROPN of/ADP {{Vela/PROPN Labs}}/PROPN said/VERB it/PRON ./PUNCT",
                &[("Ana Reyes", "immunologist of", "Vela Labs")],
                &[],
            ),
            (
                // an author is not the author of the employer; an occupation owns no city
                "Lead/ADJ author/NOUN [[Ana/PROPN Reyes]]/PROPN of/ADP {{Vela/PROPN University}}/PROPN said/VERB it/PRON ./PUNCT",
                &[("Ana Reyes", "of", "Vela University")],
                &["author of"],
            ),
            (
                "Lead/ADJ author/NOUN Professor/NOUN [[Ana/PROPN Reyes]]/PROPN of/ADP {{Vela/PROPN University}}/PROPN said/VERB it/PRON ./PUNCT",
                &[("Ana Reyes", "professor of", "Vela University")],
                &["author of"],
            ),
            (
                "Engineer/NOUN [[Ana/PROPN Reyes]]/PROPN of/ADP ((Brelk))/PROPN found/VERB it/PRON ./PUNCT",
                &[("Ana Reyes", "from", "Brelk")],
                &["engineer of"],
            ),
            (
                // a title the name tagger took for a name holds no one (`Ana Varga, Dean of Vell
                // University, called it …`, invented)
                "[[Ana/PROPN Varga]]/PROPN ,/PUNCT [[Dean]]/PROPN of/ADP {{Vell/PROPN University}}/PROPN called/VERB it/PRON ./PUNCT",
                &[],
                &["Dean"],
            ),
            (
                "[[Ben/PROPN Tarrow]]/PROPN of/ADP the/DET {{Vela/PROPN Trust}}/PROPN agreed/VERB ./PUNCT",
                &[("Ben Tarrow", "of", "Vela Trust")],
                &[],
            ),
            (
                // the owner's parent body after `at` still closes the phrase
                "It/PRON was/AUX a/DET project/NOUN between/ADP [[Ben/PROPN Tarrow]]/PROPN of/ADP the/DET {{Vela/PROPN School/PROPN of/ADP Soils}}/PROPN \
                 at/ADP the/DET {{Tarn/PROPN University}}/PROPN and/CCONJ [[Ivo/PROPN Oster]]/PROPN ./PUNCT",
                &[("Ben Tarrow", "of", "Vela School of Soils")],
                &[],
            ),
            (
                "It/PRON was/AUX backed/VERB by/ADP Senators/NOUN [[Ana/PROPN Reyes]]/PROPN of/ADP %%Ostland%%/PROPN ,/PUNCT \
                 [[Ben/PROPN Tarrow]]/PROPN of/ADP %%Westland%%/PROPN ,/PUNCT and/CCONJ [[Cy/PROPN Dorn]]/PROPN of/ADP %%Nordland%%/PROPN ./PUNCT",
                &[
                    ("Ana Reyes", "senator of", "Ostland"),
                    ("Ben Tarrow", "senator of", "Westland"),
                    ("Cy Dorn", "senator of", "Nordland"),
                ],
                &[],
            ),
            (
                "[[Ben/PROPN Tarrow]]/PROPN of/ADP ((Norvia))/PROPN 's/PART {{Vela/PROPN Institute}}/PROPN said/VERB ./PUNCT",
                &[("Ben Tarrow", "of", "Vela Institute")],
                &[],
            ),
            (
                "[[Ben/PROPN Tarrow]]/PROPN of/ADP ((Millbrook))/PROPN won/VERB ./PUNCT",
                &[("Ben Tarrow", "from", "Millbrook")],
                &[],
            ),
            // the owner's place and an adverb may stand between the owner and the verb
            (
                "[[Ben/PROPN Tarrow]]/PROPN of/ADP the/DET {{Vela/PROPN University}}/PROPN in/ADP ((Millbrook))/PROPN also/ADV said/VERB ./PUNCT",
                &[("Ben Tarrow", "of", "Vela University")],
                &[],
            ),
            // must give nothing: `in` before a thing that is no place leaves the phrase open
            (
                "[[Ben/PROPN Tarrow]]/PROPN of/ADP the/DET {{Vela/PROPN University}}/PROPN in/ADP the/DET lab/NOUN said/VERB ./PUNCT",
                &[],
                &["Ben Tarrow"],
            ),
            // a possessed name is the owner; a part named by common nouns belongs to the possessor
            (
                "[[Ben/PROPN Tarrow]]/PROPN of/ADP {{Vela/PROPN University}}/PROPN 's/PART {{Soil/PROPN Institute}}/PROPN said/VERB ./PUNCT",
                &[("Ben Tarrow", "of", "Soil Institute")],
                &[],
            ),
            (
                "[[Ben/PROPN Tarrow]]/PROPN of/ADP the/DET {{Vela/PROPN University}}/PROPN 's/PART law/NOUN faculty/NOUN said/VERB ./PUNCT",
                &[("Ben Tarrow", "of", "Vela University")],
                &[],
            ),
            (
                "[[Ben/PROPN Tarrow]]/PROPN of/ADP the/DET {{Vela/PROPN University}}/PROPN 's/PART faculty/NOUN of/ADP law/NOUN said/VERB ./PUNCT",
                &[],
                &["Ben Tarrow"],
            ),
            // a place locating the owner, an adverb before the verb, an office of the owner
            (
                "[[Ben/PROPN Tarrow]]/PROPN of/ADP the/DET {{Vela/PROPN University}}/PROPN in/ADP ((Millbrook))/PROPN also/ADV said/VERB ./PUNCT",
                &[("Ben Tarrow", "of", "Vela University")],
                &[],
            ),
            (
                "[[Ben/PROPN Tarrow]]/PROPN of/ADP the/DET {{Tarn/PROPN Nation}}/PROPN water/NOUN protection/NOUN office/NOUN told/VERB us/PRON ./PUNCT",
                &[("Ben Tarrow", "of", "Tarn Nation")],
                &[],
            ),
            (
                "[[Ben/PROPN Tarrow]]/PROPN of/ADP the/DET {{Tarn/PROPN Nation}}/PROPN water/NOUN rights/NOUN told/VERB us/PRON ./PUNCT",
                &[],
                &["Ben Tarrow"],
            ),
            // a possessive: a person of an organisation, an organisation of a place
            (
                "The/DET {{Kelso/PROPN Rowing/PROPN Club}}/PROPN 's/PART [[Ilse/PROPN Marrow]]/PROPN said/VERB so/ADV ./PUNCT",
                &[("Ilse Marrow", "of", "Kelso Rowing Club")],
                &[],
            ),
            (
                "<<Norvia>>/PROPN 's/PART {{National/PROPN Hockey/PROPN League}}/PROPN suspended/VERB play/NOUN ./PUNCT",
                &[("National Hockey League", "of", "Norvia")],
                &[],
            ),
            (
                "<<Norvia>>/PROPN 's/PART [[Ilse/PROPN Marrow]]/PROPN won/VERB ./PUNCT",
                &[],
                &["Ilse Marrow"],
            ),
            (
                "{{Vela/PROPN Labs}}/PROPN 's/PART [[Ilse/PROPN Marrow]]/PROPN award/NOUN went/VERB ./PUNCT",
                &[],
                &["Ilse Marrow"],
            ),
            // the owner must close the phrase; a person is no owner
            (
                "[[Ben/PROPN Tarrow]]/PROPN of/ADP ((Millbrook))/PROPN Street/PROPN won/VERB ./PUNCT",
                &[],
                &["Ben Tarrow"],
            ),
            (
                "The/DET son/NOUN of/ADP [[Ben/PROPN Tarrow]]/PROPN of/ADP [[Cy/PROPN Dorn]]/PROPN won/VERB ./PUNCT",
                &[],
                &["Ben Tarrow"],
            ),
        ];
        check_cases(cases, "member:");
    }
}
