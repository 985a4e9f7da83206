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
}
