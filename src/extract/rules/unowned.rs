//! Titles of office written without their country or city: `Prime Minister Ana Reyes said`,
//! `mayor Ben Tarrow suggested`. The title belongs to a place the sentence does not name; the
//! extractor emits the role with the title itself as a placeholder owner (rule `role:unowned`)
//! and the resolver replaces it by the one country (or city, for a mayor) the document has
//! named so far, or drops the fact when there is none or more than one.
//!
//! In: the tree's tokens, mention extents and kinds. Out: literal-relation [`Prop`]s.

use super::*;

/// Offices held over a whole country or city, whose holder's place the document's setting
/// names: heads of state and government, and mayors and governors. General English.
const PLACE_OFFICES: &[&str] = &["president", "premier", "chancellor", "mayor", "governor"];

/// Modifiers that say only that an office is held now (`current`, `incumbent`, `sitting`).
const NOW_WORDS: &[&str] = &["current", "incumbent", "sitting"];

impl Rules<'_, '_> {
    /// The role facts of `Title NAME` with no owner in the title, for the resolver to complete.
    pub fn unowned_title_props(&self, out: &mut Vec<Prop>) {
        use crate::document::EntityType as T;
        // an organisation in the sentence may own the title (`the court is led by President X`);
        // a prime minister or a minister of a portfolio sits in a country's government, which no
        // organisation has (`Vela Party leader and Prime Minister X`)
        let organisation = (0..self.tr.len())
            .any(|i| matches!(self.kind_at(i), Some(T::Organization | T::GovernmentBody | T::Company | T::InternationalOrganization)));
        for (s, e) in self.person_names() {
            let Some(start) = self.role_start_before(s) else { continue };
            let Some(mut np) = self.role_np(start, s).filter(|np| np.end == s && np.owner.is_none() && np.roles.len() == 1) else {
                continue;
            };
            let role = &np.roles[0];
            let head = *role.toks.last().unwrap_or(&s);
            let prime = role.mods.iter().any(|&m| self.tr.lemma_is(m, &["prime"]));
            // `Interior Minister X`: a minister of a portfolio sits in a country's government as
            // much as a prime minister does; the portfolio words stay in the role
            let minister = self.tr.lemma_is(head, &["minister"]);
            // (not when a country or demonym earlier in the sentence may own it by coordination:
            // `Danish President X and Foreign Minister Y`)
            let country_before = (0..start).any(|i| self.kind_at(i) == Some(T::Country) || demonym_country(self.tr.form(i)).is_some());
            let portfolio = minister && !country_before && role.mods.iter().any(|&m| self.tr.form_is(m, super::roles::MINISTRY_WORDS));
            let office = self.tr.lemma_is(head, PLACE_OFFICES) || ((prime || portfolio) && minister);
            let other_mods = role
                .mods
                .iter()
                .any(|&m| !self.tr.lemma_is(m, &["prime", "former"]) && !self.tr.lemma_is(m, NOW_WORDS) && !(portfolio && self.tr.form_is(m, super::roles::MINISTRY_WORDS)));
            if !office || other_mods || role.occupation || (organisation && !((prime || portfolio) && minister)) {
                continue;
            }
            // `Current Prime Minister X`: `current` only says the office is held now, which the
            // role fact says anyway; it is no part of the office's name
            np.roles[0].mods.retain(|&m| !self.tr.lemma_is(m, NOW_WORDS));
            np.owner = Some((self.span_part(start, s), false));
            np.prep = None;
            self.emit_role("role:unowned", &self.span_part(s, e), &np, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::check_cases;

    #[test]
    fn unowned_titles() {
        // the placeholder owner is the title; the resolver names the place
        let cases: &[(&str, &[(&str, &str, &str)], &[&str])] = &[
            (
                "Prime/ADJ minister/NOUN [[Ana/PROPN Reyes]]/PROPN said/VERB it/PRON ./PUNCT",
                &[("Ana Reyes", "prime minister of", "Prime minister")],
                &[],
            ),
            (
                "On/ADP Monday/PROPN ,/PUNCT mayor/NOUN [[Ben/PROPN Tarrow]]/PROPN agreed/VERB ./PUNCT",
                &[("Ben Tarrow", "mayor of", "mayor")],
                &[],
            ),
            // a minister of a portfolio holds a national office like a prime minister
            (
                "Interior/ADJ Minister/PROPN [[Lena/PROPN Varga]]/PROPN ordered/VERB checks/NOUN ./PUNCT",
                &[("Lena Varga", "interior minister of", "Interior Minister")],
                &[],
            ),
            (
                "Health/NOUN Minister/PROPN [[Paul/PROPN Agnew]]/PROPN said/VERB it/PRON ./PUNCT",
                &[("Paul Agnew", "health minister of", "Health Minister")],
                &[],
            ),
            // `current` says only that the office is held now: the same role, without the word
            (
                "Current/ADJ Prime/ADJ Minister/PROPN [[Ana/PROPN Reyes]]/PROPN said/VERB it/PRON ./PUNCT",
                &[("Ana Reyes", "prime minister of", "Current Prime Minister")],
                &[],
            ),
            // a minister with a modifier that is no portfolio is not this rule's
            (
                "Junior/ADJ Minister/PROPN [[Paul/PROPN Agnew]]/PROPN said/VERB it/PRON ./PUNCT",
                &[],
                &["Paul Agnew"],
            ),
            // a prime minister sits in a country's government, whatever organisation the
            // sentence names (the party's leadership is a role of its own)
            (
                "{{Vela/PROPN Party}}/PROPN leader/NOUN and/CCONJ Prime/ADJ Minister/PROPN [[Ana/PROPN Reyes]]/PROPN said/VERB it/PRON ./PUNCT",
                &[("Ana Reyes", "prime minister of", "Prime Minister")],
                &[],
            ),
            // an organisation in the sentence may be what the title is of
            (
                "The/DET {{Vela/PROPN Court}}/PROPN is/AUX led/VERB by/ADP President/PROPN [[Ana/PROPN Reyes]]/PROPN ./PUNCT",
                &[],
                &["Ana Reyes"],
            ),
            // a title with its country, a minister of a portfolio, an occupation: not this rule's
            (
                "Danish/ADJ President/PROPN [[Ana/PROPN Reyes]]/PROPN and/CCONJ Foreign/ADJ Minister/PROPN [[Ben/PROPN Tarrow]]/PROPN \
                 and/CCONJ singer/NOUN [[Cy/PROPN Dorn]]/PROPN met/VERB ./PUNCT",
                &[],
                &["Ana Reyes", "Ben Tarrow", "Cy Dorn"],
            ),
        ];
        check_cases(cases, "role:unowned");
    }
}
