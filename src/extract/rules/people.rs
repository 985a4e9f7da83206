//! Facts about people that news and obituaries state in fixed constructions, read from the
//! token sequence around a cue word (the parser often attaches these phrases wrongly):
//!
//! - birth: `X was born in PLACE`, `Born NAME in PLACE, REGION on DATE, X …` → X – born in –
//!   PLACE, X – born on – DATE, X – born as – NAME (the birth name). The clause reading of the
//!   same `born` (`X – bear – NAME`) is kept out of the graph when this rule fired;
//! - names used in public: `under the ring / stage / pen name N` → X – known as – N, N whole;
//! - family after `survived by`: `X is survived by wife N and son M` → N – wife of – X, X –
//!   married to – N, M – son of – X (with a possessive pronoun, `roles` reads `his wife N`);
//! - a definite occupation description as a clause's subject: `The former drummer of rock band
//!   Y was 66` → the description – former drummer of – Y (rule [`DESCRIBED_RULE`]: the resolver keeps
//!   it only when the description points back to a person named before);
//! - a label repair: an argument that is a kin or role noun right in front of a person's name
//!   and nothing else (`wife N`, `lawyer N`) is the name.
//!
//! In: the tree's tokens, mention extents and kinds. Out: literal-relation [`Prop`]s (graph only).

use super::roles::{RoleNp, RoleWord};
use super::*;
use crate::document::EntityType;

/// The rule of facts whose subject is a definite role description (`the former drummer`).
pub(crate) const DESCRIBED_RULE: &str = crate::extract::DESCRIBED_ROLE_RULE;

/// Words that make `NOUN name` a name a person performs or publishes under. General English.
const PUBLIC_NAME_KINDS: &[&str] = &["ring", "stage", "pen", "screen", "professional", "performing", "assumed"];

/// How many tokens after `born` the birth details may run (name, place, region, date).
const BIRTH_WINDOW: usize = 14;

impl Rules<'_, '_> {
    /// All rules of this family, and the label repair over every rule's output.
    pub fn people_props(&self, out: &mut Vec<Prop>) {
        self.birth_props(out);
        self.public_name_props(out);
        self.survived_by_props(out);
        self.described_role_props(out);
        self.trim_role_before_name(out);
    }

    /// The end of a proper-name run at `i`: proper nouns and the name mentions they join
    /// (`Lady` + `Ember`, where NER took only the last word), no date or number.
    fn proper_run(&self, i: usize) -> Option<usize> {
        let tr = self.tr;
        let mut e = i;
        while e < tr.len() {
            match self.ment_at(e) {
                Some((s, me)) if s == e && !matches!(self.kind_at(s), Some(EntityType::Date | EntityType::Money | EntityType::Quantity)) => e = me,
                None if tr.upos(e) == "PROPN" => e += 1,
                _ => break,
            }
        }
        (e > i).then_some(e)
    }

    /// The end of a person's name at `i`: a person mention, or proper nouns NER left unmarked
    /// (single given names often are).
    fn person_run(&self, i: usize) -> Option<usize> {
        let e = self.proper_run(i)?;
        let typed = (i..e).filter_map(|k| self.kind_at(k)).collect::<Vec<_>>();
        typed.iter().all(|&k| k == EntityType::Person).then_some(e)
    }

    /// A date written after `on`/`in` at `i`: a date mention, or a month with its day and year
    /// (`May 2, 1950`), or a year alone. The end of the date.
    fn date_run(&self, i: usize) -> Option<usize> {
        let tr = self.tr;
        if i >= tr.len() {
            return None;
        }
        if let Some((_, e)) = self.ment_at(i).filter(|&(s, _)| s == i && self.kind_at(s) == Some(EntityType::Date)) {
            return Some(e);
        }
        let year = |k: usize| k < tr.len() && tr.form(k).len() == 4 && tr.form(k).chars().all(|c| c.is_ascii_digit());
        if year(i) {
            return Some(i + 1);
        }
        if !tr.form_is(i, MONTHS) {
            return None;
        }
        let mut e = i + 1;
        if e < tr.len() && tr.upos(e) == "NUM" && !year(e) {
            e += 1;
        }
        if e + 1 < tr.len() && tr.form(e) == "," && year(e + 1) {
            e += 2;
        } else if year(e) {
            e += 1;
        }
        Some(e)
    }

    /// `born`: the birth name, place and date written right after it.
    fn birth_props(&self, out: &mut Vec<Prop>) {
        let tr = self.tr;
        let n = tr.len();
        for b in 0..n {
            // `Danish-born`, `first-born`: a modifier, no birth statement
            if !tr.form(b).eq_ignore_ascii_case("born") || (b > 0 && tr.form(b - 1) == "-") || self.hedged_cue(b) {
                continue;
            }
            let limit = n.min(b + BIRTH_WINDOW);
            let mut facts: Vec<(&'static str, usize, usize)> = Vec::new();
            let mut i = b + 1;
            // the birth name comes first, before any preposition
            if let Some(e) = self.proper_run(i).filter(|&e| e <= limit) {
                facts.push(("born as", i, e));
                i = e;
            }
            while i + 1 < limit {
                // `in Lewisham, London, in 1939`: a comma between the details
                if tr.form(i) == "," && tr.lemma_is(i + 1, &["in", "at", "on"]) {
                    i += 1;
                }
                let has = |w: &str, facts: &[(&str, usize, usize)]| facts.iter().any(|f| f.0 == w);
                if tr.lemma_is(i, &["in", "at", "on"]) && let Some(e) = self.date_run(i + 1).filter(|&e| e <= n) {
                    // `in 1961`, `on May 4, 1961`: the date
                    if has("born on", &facts) || (tr.lemma_is(i, &["in", "at"]) && tr.form(i + 1).len() != 4) {
                        break;
                    }
                    facts.push(("born on", i + 1, e));
                    i = e;
                } else if tr.lemma_is(i, &["in", "at"]) && !has("born in", &facts) {
                    let Some(e) = self.proper_run(i + 1).filter(|&e| e <= limit) else { break };
                    facts.push(("born in", i + 1, e));
                    i = e;
                    // `Tromsø, Troms`: the region after the place is part of the address
                    while i + 1 < limit && tr.form(i) == "," && self.kind_at(i + 1) != Some(EntityType::Person) && let Some(e2) = self.proper_run(i + 1).filter(|&e2| e2 <= limit) {
                        i = e2;
                    }
                } else {
                    break;
                }
            }
            let read = b..facts.iter().map(|f| f.2).max().unwrap_or(b);
            let Some(subj) = self.birth_subject(b, &read) else { continue };
            for &(words, s, e) in &facts {
                let lit = Lit {
                    words: words.into(),
                    verb: None,
                    noun: Some("born".into()),
                    prep: words.split(' ').nth(1).map(str::to_owned),
                    ..Default::default()
                };
                let mut p = self.lit_prop("people:born", b, subj.clone(), lit, self.span_part(s, e), 0.75);
                p.carb = false;
                out.push(p);
            }
            // the clause reading of what this rule read (`X – bear – NAME`, `X – bear in – Y`)
            // stays out of the graph; other complements (`born into a family`) stay
            for p in out.iter_mut() {
                if p.lit.is_none() && p.pred == b && p.slots.iter().all(|sl| read.contains(&sl.part.head)) {
                    p.graph = false;
                }
            }
        }
    }

    /// Who was born: the `born` clause's own subject (`X was born in`), through a relative
    /// pronoun (`X, who was born in`), or the subject of the clause a leading `Born …,` belongs
    /// to. A person: a name or a personal pronoun (`people born in Y` is no one in particular),
    /// and none of the words the birth details took (`Born on DATE in PLACE, X …`).
    fn birth_subject(&self, b: usize, read: &std::ops::Range<usize>) -> Option<Part> {
        let tr = self.tr;
        let own = |p: usize| tr.kids(p).find(|&k| is_subj_rel(tr.rel(k)));
        let s = match own(b).filter(|s| !read.contains(s)) {
            Some(s) if self.is_rel_pronoun(s) => return self.subject(b, 0).map(|(part, _)| part),
            Some(s) => s,
            None if matches!(tr.base(b), "advcl" | "acl") && tr.head[b] != NONE => own(tr.head[b])?,
            None => return None,
        };
        let person = tr.lemma_is(s, &["he", "she", "i"]) || tr.upos(s) == "PROPN" || self.kind_at(s) == Some(EntityType::Person);
        (person && !read.contains(&s) && !matches!(self.kind_at(s), Some(k) if k != EntityType::Person)).then(|| self.np(s, true))
    }

    /// `was not born in`, `may have been survived by`: no plain fact.
    fn hedged_cue(&self, b: usize) -> bool {
        let tr = self.tr;
        tr.kids(b).any(|k| {
            (tr.base(k) == "advmod" && tr.lemma_is(k, &["not", "never", "n't", "reportedly", "allegedly"]))
                || (tr.base(k) == "aux" && tr.lemma_is(k, &["may", "might", "could", "would"]))
        })
    }

    /// `under the ring name N`, `with the stage name N`: X – known as – N, X the subject of the
    /// predicate the phrase belongs to.
    fn public_name_props(&self, out: &mut Vec<Prop>) {
        let tr = self.tr;
        for k in 1..tr.len() {
            if !tr.lemma_is(k, &["name"]) || !tr.lemma_is(k - 1, PUBLIC_NAME_KINDS) {
                continue;
            }
            let Some(e) = self.proper_run(k + 1) else { continue };
            let Some(subj) = self.clause_subject_above(k) else { continue };
            let lit = Lit { words: "known as".into(), verb: None, noun: Some("known".into()), prep: Some("as".into()), ..Default::default() };
            let mut p = self.lit_prop("people:alias", k, subj, lit, self.span_part(k + 1, e), 0.7);
            p.carb = false;
            out.push(p);
        }
    }

    /// `X is survived by wife N and son M`: N – wife of – X (and X – married to – N), M – son
    /// of – X. Kin nouns after a possessive pronoun are left to `roles` (`his wife N`).
    fn survived_by_props(&self, out: &mut Vec<Prop>) {
        let tr = self.tr;
        let n = tr.len();
        for v in 0..n.saturating_sub(1) {
            if !tr.form(v).eq_ignore_ascii_case("survived") || !tr.form_is(v + 1, &["by"]) || self.hedged_cue(v) {
                continue;
            }
            let Some((holder, _)) = self.subject(v, 0) else { continue };
            let mut i = v + 2;
            while i < n {
                let Some((last, false)) = self.role_word_at(i).filter(|_| self.is_kin(i)) else { break };
                let Some(e) = self.person_run(last + 1) else { break };
                let np = RoleNp {
                    roles: vec![RoleWord { toks: (i..=last).collect(), mods: Vec::new(), occupation: false }],
                    owner: Some((holder.clone(), false)),
                    front: None,
                    prep: None,
                    end: last + 1,
                };
                self.emit_role("people:survived", &self.span_part(last + 1, e), &np, out);
                i = e;
                // `wife N, son M and daughter L`
                while i < n && (tr.form(i) == "," || tr.lemma_is(i, &["and"])) {
                    i += 1;
                }
            }
        }
    }

    /// Whether the noun at `i` is a kinship noun (`wife`, `son`).
    fn is_kin(&self, i: usize) -> bool {
        let w = self.tr.form(i).to_lowercase();
        super::roles::is_kin_noun(&w) || super::roles::is_kin_noun(&self.tr.lemma(i).to_lowercase())
    }

    /// `The former drummer of rock band Y was 66`: a definite role description with an owner,
    /// as the subject of a clause and with no name of its own, holds the role (the resolver
    /// replaces it by the person it points back to, or drops the fact).
    fn described_role_props(&self, out: &mut Vec<Prop>) {
        let tr = self.tr;
        for r in 0..tr.len() {
            if tr.upos(r) != "NOUN" || self.role_word_at(r).is_none_or(|(last, _)| last != r) {
                continue;
            }
            // `the drummer Ana Ruiz`: the role of a name, read by `roles`
            if self.ment_at(r + 1).is_some() && self.kind_at(r + 1) == Some(EntityType::Person) {
                continue;
            }
            let Some(start) = (r.saturating_sub(4)..r).find(|&k| tr.lemma_is(k, &["the"])) else { continue };
            // the description opens its clause (`The former drummer of Y was 66`, `…, and the
            // drummer of Y left`) and the predicate follows it
            let opens = start == 0 || tr.is_punct(start - 1) || tr.upos(start - 1) == "CCONJ";
            let Some(np) = self.role_np(start, tr.len()).filter(|np| opens && np.end < tr.len() && matches!(tr.upos(np.end), "AUX" | "VERB")) else {
                continue;
            };
            // the parser may make the owner's name the subject (`Y was 66`)
            let subject = (start..np.end).any(|k| is_subj_rel(tr.rel(k)));
            let single = subject && np.roles.len() == 1 && np.roles[0].toks.last() == Some(&r);
            // occupations only: `the president of Y` names whoever holds the office, rarely the
            // president named before
            if !single || !np.roles[0].occupation || np.owner.as_ref().is_none_or(|(_, nationality)| *nationality) {
                continue;
            }
            let mut holder = self.span_part(start, r + 1);
            holder.head = r;
            self.emit_role(DESCRIBED_RULE, &holder, &np, out);
        }
    }

    /// `of rock band Y`: a lowercase descriptor (nouns and adjectives, ending on a noun) at `j`
    /// in front of a name; the name's extent when one follows right after, within `limit`. Two
    /// descriptors joined by `and` are one (`of television host and author Y`).
    pub(super) fn descriptor_name(&self, j: usize, limit: usize) -> Option<(usize, usize)> {
        let tr = self.tr;
        let lower_word = |k: usize| k < limit && matches!(tr.upos(k), "ADJ" | "NOUN") && tr.form(k).chars().next().is_some_and(char::is_lowercase) && self.ment_at(k).is_none();
        let mut e = j;
        while lower_word(e) || (e > j && tr.form(e) == "and" && tr.upos(e - 1) == "NOUN" && lower_word(e + 1)) {
            e += 1;
        }
        if e == j || tr.upos(e - 1) != "NOUN" {
            return None;
        }
        let end = self.name_run(e).or_else(|| self.capitalised_run(e)).filter(|&e2| e2 <= limit)?;
        Some((e, end))
    }

    /// Capitalised words ending on a proper noun (`Silver Owls`: the tagger may read `Silver`
    /// as an adjective); only used right after a lowercase descriptor, where a name is expected.
    fn capitalised_run(&self, i: usize) -> Option<usize> {
        let tr = self.tr;
        let mut e = i;
        while e < tr.len() && matches!(tr.upos(e), "PROPN" | "ADJ" | "NOUN") && tr.form(e).chars().next().is_some_and(char::is_uppercase) && self.role_word_at(e).is_none() {
            e += 1;
        }
        (e > i && tr.upos(e - 1) == "PROPN").then_some(e)
    }

    /// `wife N`, `lawyer N` as a whole argument: the name alone (the role is a fact of its own).
    fn trim_role_before_name(&self, out: &mut [Prop]) {
        for p in out.iter_mut() {
            self.trim_part(&mut p.subj);
            for s in &mut p.slots {
                self.trim_part(&mut s.part);
            }
        }
    }

    fn trim_part(&self, part: &mut Part) {
        let tr = self.tr;
        let Some(&k) = part.toks.first() else { return };
        if part.text.is_some() || tr.upos(k) != "NOUN" || self.role_word_at(k).is_none_or(|(last, _)| last != k) {
            return;
        }
        let Some(e) = self.person_run(k + 1) else { return };
        let rest: Vec<usize> = part.toks.iter().copied().filter(|&t| t != k && !tr.is_punct(t)).collect();
        if rest != (k + 1..e).collect::<Vec<_>>() {
            return;
        }
        *part = self.span_part(k + 1, e);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::check_cases;

    #[test]
    fn birth() {
        check_cases(
            &[
                (
                    "[[Ada/PROPN/4/nsubj:pass Brenn]]/PROPN/1/flat was/AUX/4/aux:pass born/VERB/0/root in/ADP/6/case ((Kestrel))/PROPN/4/obl in/ADP/8/case 1961/NUM/4/obl ./PUNCT/4/punct",
                    &[("Ada Brenn", "born in", "Kestrel"), ("Ada Brenn", "born on", "1961")],
                    &[],
                ),
                (
                    "Born/VERB/11/advcl [[Tilde/PROPN/1/obl Varga]]/PROPN/2/flat in/ADP/5/case ((Kestrel))/PROPN/1/obl on/ADP/7/case May/PROPN/1/obl ,/PUNCT/1/punct [[Ana/PROPN/11/nsubj Cole]]/PROPN/9/flat moved/VERB/0/root ./PUNCT/11/punct",
                    &[("Ana Cole", "born as", "Tilde Varga"), ("Ana Cole", "born in", "Kestrel"), ("Ana Cole", "born on", "May")],
                    &[],
                ),
                // a leading date and place, then the person
                (
                    "Born/VERB/11/advcl on/ADP/3/case May/PROPN/1/obl 4/NUM/3/nummod ,/PUNCT/7/punct in/ADP/7/case ((Kestrel))/PROPN/1/obl ,/PUNCT/1/punct [[Ana/PROPN/11/nsubj Cole]]/PROPN/9/flat moved/VERB/0/root ./PUNCT/11/punct",
                    &[("Ana Cole", "born on", "May 4"), ("Ana Cole", "born in", "Kestrel")],
                    &["Kestrel"],
                ),
                // must give nothing: no one in particular (`people born in Y`)
                (
                    "Most/ADJ/2/amod residents/NOUN/4/nsubj:pass were/AUX/4/aux:pass born/VERB/0/root in/ADP/6/case ((Kestrel))/PROPN/4/obl ./PUNCT/4/punct",
                    &[],
                    &["residents", "Most residents"],
                ),
                // must give nothing: a modifier (`Ostland-born`) and a negated birth
                (
                    "Ostland/PROPN/3/compound -/PUNCT/3/punct born/VERB/4/amod [[Ada/PROPN/6/nsubj Brenn]]/PROPN/4/flat left/VERB/0/root ((Kestrel))/PROPN/6/obj ./PUNCT/6/punct",
                    &[],
                    &["Ada Brenn"],
                ),
                (
                    "[[Ada/PROPN/5/nsubj:pass Brenn]]/PROPN/1/flat was/AUX/5/aux:pass not/PART/5/advmod born/VERB/0/root in/ADP/7/case ((Kestrel))/PROPN/5/obl ./PUNCT/5/punct",
                    &[],
                    &["Ada Brenn"],
                ),
            ],
            "people:born",
        );
    }

    #[test]
    fn born_replaces_the_clause_reading() {
        use crate::extract::tests::triples;
        let ts = triples(
            "
            Born bear VERB VBN 6 advcl
            Tilde Tilde PROPN NNP 1 obl
            Varga Varga PROPN NNP 2 flat
            , , PUNCT , 1 punct
            Cole Cole PROPN NNP 6 nsubj
            moved move VERB VBD 0 root
            . . PUNCT . 6 punct",
        );
        assert!(ts.iter().any(|t| t.relation == "born as" && t.object.as_ref().is_some_and(|o| o.text == "Tilde Varga")), "{ts:?}");
        assert!(!ts.iter().any(|t| t.relation.contains("bear")), "{ts:?}");
    }

    #[test]
    fn public_names() {
        check_cases(
            &[
                (
                    "[[Ivo/PROPN/3/nsubj Tamm]]/PROPN/1/flat wrestled/VERB/0/root under/ADP/7/case the/DET/7/det ring/NOUN/7/compound name/NOUN/3/obl [[Iron/PROPN/7/appos Bear]]/PROPN/8/flat ./PUNCT/3/punct",
                    &[("Ivo Tamm", "known as", "Iron Bear")],
                    &[],
                ),
                // must give nothing: a name that is no public name (`the name of the street`)
                (
                    "[[Ivo/PROPN/3/nsubj Tamm]]/PROPN/1/flat changed/VERB/0/root the/DET/6/det street/NOUN/6/compound name/NOUN/3/obj ./PUNCT/3/punct",
                    &[],
                    &["Ivo Tamm"],
                ),
            ],
            "people:alias",
        );
    }

    #[test]
    fn survived_by() {
        check_cases(
            &[
                (
                    "[[Ivo/PROPN/4/nsubj:pass Tamm]]/PROPN/1/flat is/AUX/4/aux:pass survived/VERB/0/root by/ADP/6/case wife/NOUN/4/obl:agent [[Lena]]/PROPN/6/flat and/CCONJ/9/cc son/NOUN/6/conj [[Jaak]]/PROPN/9/flat ./PUNCT/4/punct",
                    &[("Lena", "wife of", "Ivo Tamm"), ("Ivo Tamm", "married to", "Lena"), ("Jaak", "son of", "Ivo Tamm")],
                    &[],
                ),
                // must give nothing: no kin noun (`survived by the crew`), a name alone
                (
                    "[[Ivo/PROPN/4/nsubj:pass Tamm]]/PROPN/1/flat was/AUX/4/aux:pass survived/VERB/0/root by/ADP/7/case the/DET/7/det crew/NOUN/4/obl:agent ./PUNCT/4/punct",
                    &[],
                    &["Ivo Tamm"],
                ),
            ],
            "people:survived",
        );
    }

    #[test]
    fn kin_noun_not_glued_to_the_name() {
        let got = super::super::testkit::facts(
            "[[Ivo/PROPN/4/nsubj:pass Tamm]]/PROPN/1/flat is/AUX/4/aux:pass survived/VERB/0/root by/ADP/6/case wife/NOUN/4/obl:agent [[Lena]]/PROPN/6/flat ./PUNCT/4/punct",
            "clause",
        );
        assert!(got.iter().any(|(s, _, _)| s == "Lena"), "{got:?}");
        assert!(!got.iter().any(|(s, _, o)| s.contains("wife") || o.contains("wife")), "{got:?}");
    }

    #[test]
    fn described_roles() {
        check_cases(
            &[
                (
                    "The/DET/3/det former/ADJ/3/amod drummer/NOUN/10/nsubj of/ADP/6/case rock/NOUN/6/compound band/NOUN/3/nmod {{Silver/PROPN/6/appos Owls}}/PROPN/7/flat was/AUX/10/cop 66/NUM/0/root ./PUNCT/10/punct",
                    &[("The former drummer", "former drummer of", "Silver Owls")],
                    &[],
                ),
                // must give nothing: no owner, or the role of a name that follows
                (
                    "The/DET/3/det former/ADJ/3/amod drummer/NOUN/5/nsubj was/AUX/5/cop 66/NUM/0/root ./PUNCT/5/punct",
                    &[],
                    &["The former drummer"],
                ),
                (
                    "The/DET/2/det drummer/NOUN/7/nsubj [[Ana/PROPN/2/appos Ruiz]]/PROPN/3/flat of/ADP/6/case {{Owls}}/PROPN/2/nmod left/VERB/0/root ./PUNCT/7/punct",
                    &[],
                    &["The drummer"],
                ),
            ],
            DESCRIBED,
        );
    }

    const DESCRIBED: &str = super::DESCRIBED_RULE;
}
