//! Vehicles named by a noun phrase: `an Ostrava Air passenger jet`, `a Brelt Lines ferry`. The
//! phrase has no name of its own, but a name inside it (the operator) makes it one particular
//! vehicle, which the article goes on to call `the plane`, `the aircraft`, `the flight`. Without a
//! node for the phrase those descriptions find nothing and stay nodes of their own.
//!
//! In: a vehicle noun ([`names::is_vehicle_noun`]) and the names of its sentence. Out: a Product
//! cluster labelled with the phrase (minus its determiner), the head token's reference and a
//! salience entry; a later phrase with the same head and the same name inside (`Ostrava Air jet
//! 512`) is the same vehicle.

use super::arguments::concept_label;
use super::names;
use super::state::*;
use crate::document::{EntityType, Sentence};

/// The rule noted on the phrase's reference and merges.
const RULE: &str = "vehicle-phrase";

/// How many sentences back a vehicle phrase may be the same vehicle as a new one.
const SAME_VEHICLE_SENTENCES: usize = 5;

impl State<'_> {
    /// `an Ostrava Air passenger jet`: makes (or finds) the vehicle the phrase headed by `tok`
    /// names. Returns whether it did.
    pub(super) fn named_vehicle(&mut self, si: usize, s: &Sentence, tok: usize, in_named: &[bool]) -> bool {
        let head = lower_key(&s.tokens[tok].form);
        if !names::is_vehicle_noun(&head) || self.get_ref(si, tok).is_some() {
            return false;
        }
        let start = premodifier_start(s, tok);
        if !(start..tok).any(|i| in_named[i]) {
            return false;
        }
        let Some((label, _)) = concept_label(s, start..tok + 1) else { return false };
        let names_inside: Vec<String> = (start..tok).filter(|&i| in_named[i]).map(|i| s.tokens[i].form.clone()).collect();
        let c = match self.earlier_vehicle(si, &head, &names_inside) {
            Some(c) => {
                self.note(c, &label, RULE, si);
                c
            }
            None => self.keyed_cluster(&label, EntityType::Product),
        };
        self.clusters[c].count += 1;
        self.add_mention(si, start..tok + 1, EntityType::Product, Some(c));
        self.set_ref(si, tok..tok + 1, Target::One(c), RULE);
        self.push_hist(Target::One(c), si, tok);
        true
    }

    /// A vehicle phrase of the last few sentences with the same head noun and the same name
    /// words inside.
    fn earlier_vehicle(&self, si: usize, head: &str, names_inside: &[String]) -> Option<usize> {
        self.hist.iter().rev().take_while(|h| si - h.sentence <= SAME_VEHICLE_SENTENCES).find_map(|h| match &h.target {
            Target::One(c) if self.clusters[*c].kind == EntityType::Product => {
                let words: Vec<&str> = self.clusters[*c].label.split_whitespace().collect();
                let same_head = words.last().is_some_and(|w| lower_key(w) == head);
                (same_head && names_inside.iter().all(|n| words.contains(&n.as_str()))).then_some(*c)
            }
            _ => None,
        })
    }
}

/// First token of the run of premodifiers right before `tok` that hang on it (directly or through
/// one another), determiners excluded: `an [Ostrava Air passenger] jet`.
fn premodifier_start(s: &Sentence, tok: usize) -> usize {
    let mut start = tok;
    while start > 0 {
        let t = &s.tokens[start - 1];
        // UD heads count from 1; the modifier's head lies inside the run, up to the vehicle noun
        let inside = t.head >= start + 1 && t.head <= tok + 1;
        if !inside || t.deprel == "det" || t.deprel == "punct" || t.upos == "PRON" {
            break;
        }
        start -= 1;
    }
    start
}
