//! The place of a title written without one (`Prime Minister X`, `mayor Y`; the extractor's
//! `role:unowned` facts): the one country — or city, for a mayor; region or country, for a governor — the
//! document has named before the title. With none, or with several, the fact is dropped: a
//! reader could not tell either.
//!
//! In: the salience history of the resolved document. Out: the owner cluster, if any.

use super::state::{State, Target};
use crate::document::{EntityType, OpenTriple};

/// The rule name of the extractor's facts whose owner is a placeholder.
pub(super) const UNOWNED_RULE: &str = "role:unowned";

/// The kinds of place an office is held over (a governor's region may be typed either way).
fn office_places(noun: Option<&str>) -> &'static [EntityType] {
    match noun {
        Some("mayor") => &[EntityType::City],
        Some("governor") => &[EntityType::Location, EntityType::Country],
        _ => &[EntityType::Country],
    }
}

impl State<'_> {
    /// The owner of an unowned title: the only place of the office's kind named before it.
    pub(super) fn unowned_owner(&self, t: &OpenTriple) -> Option<Target> {
        let kinds = office_places(t.key.noun.as_deref());
        let tok = t.subject.tokens.start;
        // a mayor or a governor of the one place of the office's kind named before the title in
        // its own sentence (`In Vell, which planned a vote, Governor Ana Reyes postponed it`):
        // such offices are held where the news is (not so a head of state, who may be visiting)
        if matches!(t.key.noun.as_deref(), Some("mayor" | "governor")) {
            // (places the sentence names: a pronoun resolved to a place, `its`, names none)
            let tokens = &self.doc.sentences[t.sentence].tokens;
            let named = |k: usize| tokens.get(k).is_some_and(|x| x.upos != "PRON");
            let mut here: Vec<usize> = Vec::new();
            for h in self.hist.iter().filter(|h| h.sentence == t.sentence && h.token < tok && named(h.token)) {
                if let Target::One(c) = &h.target
                    && kinds.contains(&self.clusters[*c].kind)
                    && !here.contains(c)
                {
                    here.push(*c);
                }
            }
            if let [c] = here.as_slice() {
                return Some(Target::One(*c));
            }
        }
        // `The governor of Vell declared … Governor Ana Reyes said`: the same office named with
        // its place earlier in the document (the one place so named) is the title's
        // (a mayor's or a governor's only: heads of state of several countries share a story)
        if matches!(t.key.noun.as_deref(), Some("mayor" | "governor"))
            && let Some(c) = self.office_named_before(t, kinds)
        {
            return Some(Target::One(c));
        }
        let mut places: Vec<usize> = Vec::new();
        for (target, _) in self.recent(t.sentence, tok, usize::MAX) {
            if let Target::One(c) = target
                && kinds.contains(&self.clusters[c].kind)
                && !places.contains(&c)
            {
                places.push(c);
            }
        }
        match places.as_slice() {
            [c] => Some(Target::One(*c)),
            _ => None,
        }
    }

    /// The one place of the office's kind that an earlier `the OFFICE of PLACE` names before
    /// the title `t` (the office noun as the title's, `of`, an optional `the`, then a mention
    /// resolved to a place). None when no such phrase or several places so named.
    fn office_named_before(&self, t: &OpenTriple, kinds: &[EntityType]) -> Option<usize> {
        let noun = t.key.noun.as_deref()?;
        let tok = t.subject.tokens.start;
        let mut found: Vec<usize> = Vec::new();
        for (si, sent) in self.doc.sentences.iter().enumerate().take(t.sentence + 1) {
            let toks = &sent.tokens;
            for k in 0..toks.len().saturating_sub(2) {
                if si == t.sentence && k >= tok {
                    break;
                }
                if !toks[k].form.eq_ignore_ascii_case(noun) || !toks[k + 1].form.eq_ignore_ascii_case("of") {
                    continue;
                }
                let mut j = k + 2;
                if j < toks.len() && toks[j].form.eq_ignore_ascii_case("the") {
                    j += 1;
                }
                let Some((target, _)) = self.refs.get(si).and_then(|r| r.get(j)).and_then(|x| x.as_ref()) else { continue };
                if let Target::One(c) = target
                    && kinds.contains(&self.clusters[*c].kind)
                    && !found.contains(c)
                {
                    found.push(*c);
                }
            }
        }
        match found.as_slice() {
            [c] => Some(*c),
            _ => None,
        }
    }
}
