//! Open information extraction: clause-based triples over the dependency tree.
//!
//! In: a parsed [`Sentence`] (upos, xpos, lemma, feats, head, deprel as in UD v2 English EWT) and
//! the sentence's named-entity [`Mention`]s. Out: [`OpenTriple`]s with token-span arguments,
//! a [`RelationKey`] for the ontology lexicon, negation / modality / attribution flags,
//! date and place qualifiers, the rule that fired and a confidence in [0, 1].
//!
//! Rules (in the spirit of ClausIE, MinIE, Stanford OpenIE and PredPatt): one clause per
//! predicate (verbs and copular predicates) with subjects inherited through `conj`, `xcomp`,
//! `advcl`, `acl` and relative clauses (relative pronouns and *whose* replaced by the antecedent);
//! clause types SV/SVO/SVC/SVA/SVOO/SVOC/SVOA; xcomp chains merged into one relation
//! (`started accepting`) unless the main verb's object is the infinitive's subject (`asked X to
//! go`: two facts); passives turned active (one fact per person of a listed agent) when there is an agent; coordinated subjects
//! and objects split; reported speech turned into the inner fact with `attribution`; nominal
//! relations from appositions, titles (`Peruvian Trade Minister X` → X – trade minister
//! of – Peru), possessives and compounds with a prepositional complement (`EU tariffs on
//! steel`). `carb` renders the same propositions in CaRB's format and scores them; CaRB output
//! also carries readings that never reach the graph, all at low confidence: `amod` (`contradictions
//! – are – comical`), `nmod:in` (`industries – are in – Kabul`), `poss:has`, one tuple per
//! adverbial (`variant`) and a long reading per clause (`long`).
//!
//! Before the rules run, `repair` fixes a few local parser attachment errors on a copy of the
//! tokens (possessor mis-attached, prepositional phrase as root, inverted `…, said police`,
//! a modifier of the second conjunct, a title parsed as the head of a name). After them,
//! `quality` keeps readings out of the graph (never out of CaRB) that make bad facts: adverbial
//! or non-nominal subjects, adjective objects, coined capitalised verbs, prepositional
//! participles (`given`, `including`), objects borrowed across a verb's own complement.
//!
//! Confidence = rule evidence (own vs inherited subject, relative clause, participle …) × a rule
//! prior × parse evidence (sentence length, clause depth, argument sizes), calibrated on CaRB dev.
//!
//! Cost: the tree's children are indexed once per sentence ([`tree::Tree`]); every rule only
//! walks the children of the tokens it looks at.

mod amounts;
pub mod carb;
mod lexicon;
mod owners;
mod quality;
mod repair;
mod repair_clause;
mod repair_coord;
mod repair_dash;
mod repair_event;
mod repair_name;
mod repair_nominal;
mod repair_participle;
mod repair_relative;
mod repair_report;
mod repair_title;
mod rules;
mod speech;
mod firms;
mod titled;
mod tree;
mod triples;

use crate::document::{EntityType, Mention, OpenTriple, Sentence};
use rules::{Prop, Rules};
use tree::{NONE, Tree};
use triples::graph_triples;
pub use owners::join_owner_names;
pub use speech::SPEECH_RULE;
pub(crate) use lexicon::demonym_country;
pub use firms::retype_evident_firms;
pub use titled::{cut_office_titles, join_and_names, join_cut_names, join_for_names, join_given_names, join_institution_names, join_of_names, join_place_led_names, retype_described_organisations, retype_named_settlements, retype_products, retype_titled_people};

/// The rule of role facts whose subject is a definite description (`the former drummer of Y`):
/// the resolver keeps them only when the description points back to a person.
pub const DESCRIBED_ROLE_RULE: &str = "role:described";

/// Whether a lowercase word is a role noun: a position (`mayor`) or an occupation (`virologist`).
pub fn is_role_noun(w: &str) -> bool {
    crate::ontology::roles::is_role_noun(w)
}

/// Whether a lowercase word names a day, month or relative time (`monday`, `may`, `today`).
pub fn is_time_word(w: &str) -> bool {
    lexicon::TIME_WORDS.contains(&w) || lexicon::MONTHS.contains(&w)
}

/// Whether a lowercase word is a kinship noun (`wife`, `son`).
pub fn is_kin_noun(w: &str) -> bool {
    rules::is_kin_noun(w)
}

/// The open-IE extractor. Stateless; cheap to create and share.
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    _private: (),
}

impl Extractor {
    pub fn new() -> Extractor {
        Extractor { _private: () }
    }

    /// All propositions of a sentence, with final confidences.
    fn props(&self, tree: &Tree, ment: &[Option<(usize, usize)>], kind: &[Option<EntityType>]) -> Vec<Prop> {
        let n = tree.len();
        let mut out = Vec::new();
        if n == 0 || tree.t.iter().all(|t| t.deprel.is_empty()) {
            return out;
        }
        let forms: Vec<&str> = tree.t.iter().take(3).map(|t| t.form.as_str()).collect();
        if lexicon::is_link_line(&forms) {
            return out;
        }
        let r = Rules { tr: tree, ment, kind };
        for i in 0..n {
            if r.is_predicate(i) {
                let merged = tree.base(i) == "xcomp"
                    && tree.head[i] != NONE
                    && r.is_predicate(tree.head[i])
                    && !tree.kids(i).any(|k| matches!(tree.base(k), "nsubj" | "csubj"));
                let controlled = r.object_controller(i).is_some() || r.for_subject_controller(i).is_some();
                if !merged || controlled {
                    // an object-controlled infinitive is a graph fact; CaRB keeps it merged
                    let start = out.len();
                    r.verb_props(i, &mut out);
                    if controlled {
                        out[start..].iter_mut().for_each(|q| q.carb = false);
                    }
                }
            }
            if tree.rel(i) == "appos" {
                r.appos_props(i, &mut out);
            }
            match tree.upos(i) {
                "PROPN" => {
                    r.title_props(i, &mut out);
                    r.possessed_name_props(i, &mut out);
                }
                "NOUN" => {
                    r.nominal_props(i, &mut out);
                    r.nominal_event_props(i, &mut out);
                    r.nmod_in_props(i, &mut out);
                    r.amod_props(i, &mut out);
                }
                _ => {}
            }
        }
        r.role_props(&mut out);
        r.class_apposition_props(&mut out);
        r.class_descriptor_props(&mut out);
        r.place_props(&mut out);
        r.person_of_props(&mut out);
        r.as_role_props(&mut out);
        r.unowned_title_props(&mut out);
        r.event_age_props(&mut out);
        r.people_props(&mut out);
        r.drop_restated_appositions(&mut out);
        let mut extra = Vec::new();
        r.collective_props(&out, &mut extra);
        r.agent_noun_props(&out, &mut extra);
        r.light_verb_props(&out, &mut extra);
        r.receiver_props(&out, &mut extra);
        r.death_cause_props(&out, &mut extra);
        out.extend(extra);
        r.claim_flags(&mut out);
        for p in &mut out {
            p.conf = final_confidence(tree, p);
        }
        out
    }

    /// Open triples of one parsed sentence. `mentions` are the sentence's named-entity mentions
    /// (token ranges into this sentence); they keep names whole and mark dates and places.
    pub fn extract(&self, sentence: &Sentence, mentions: &[Mention]) -> Vec<OpenTriple> {
        if quality::not_english(&sentence.tokens) {
            return Vec::new();
        }
        let repaired = repair::repair(&sentence.tokens);
        let tree = Tree::new(repaired.as_deref().unwrap_or(&sentence.tokens));
        let (ment, kind) = mention_index(sentence, mentions);
        let props = self.props(&tree, &ment, &kind);
        let mut out: Vec<OpenTriple> = Vec::new();
        let quoted = rules::quoted_tokens(&tree);
        let r = Rules { tr: &tree, ment: &ment, kind: &kind };
        for p in &props {
            // the statement a reporting verb makes is a fact of its speaker (see `speech`)
            // (not when the parser ran the listener into the statement: `told the Courier four
            // workers …`; the graph keeps only the listener, below)
            let run_into = if p.lit.is_none() { quality::listener_run_into_clause(&tree, p.pred) } else { None };
            if p.graph && p.graph_reject.is_none() && run_into.is_none() {
                for t in speech::speech_triples(sentence, &r, &quoted, p) {
                    if !out.iter().any(|o| o.rule == t.rule && o.subject.text == t.subject.text && o.extra == t.extra && o.object == t.object) {
                        out.push(t);
                    }
                }
            }
            // the CaRB reading borrowed the conjunct's object; the graph keeps the clause without it
            let unshared;
            let listener_only;
            let p = if let Some((o, s)) = run_into {
                // the fact is the telling and its listener; what was told cannot be read
                let mut q = p.clone();
                // (a reporting verb's fact is otherwise its statement, made by `speech`)
                q.reporting = false;
                q.slots.retain(|sl| !matches!(sl.kind, rules::Kind::Comp | rules::Kind::Clause));
                for sl in q.slots.iter_mut().filter(|sl| sl.part.head == o) {
                    sl.part = r.np(s, true);
                }
                listener_only = q;
                &listener_only
            } else {
                p
            };
            let p = if p.graph_reject == Some(quality::OBJECT_NOT_SHARED) {
                let mut q = p.clone();
                q.slots.remove(0);
                q.graph_reject = None;
                unshared = q;
                &unshared
            } else {
                p
            };
            if !p.graph || p.reporting || quality::reject(&tree, p).is_some() {
                continue;
            }
            // `stopped the crowd from entering`: the crowd did not enter
            let prevented = p.lit.is_none() && p.pred < tree.len() && r.prevented(p.pred);
            for mut t in graph_triples(sentence, &tree, &ment, mentions, p) {
                if quality::cut_label(&t).is_some() || quality::opening_cut(&tree, &t).is_some() || quality::respectively_mismatch(&tree, p.pred, &t) {
                    continue;
                }
                t.negated |= prevented;
                // `did not open until May`: it opened (in May); only a fact that keeps
                // the `until` phrase says what is denied
                if t.negated
                    && p.lit.is_none()
                    && p.pred < tree.len()
                    && let Some(u) = r.denied_until(p.pred)
                    && !t.object.as_ref().is_some_and(|o| o.tokens.contains(&u))
                {
                    t.negated = false;
                }
                if p.lit.is_none() && t.object.as_ref().is_some_and(|o| !quality::nominal_object(&tree, o.head)) {
                    continue;
                }
                let dup = out.iter().position(|o| {
                    o.subject.text == t.subject.text
                        && o.relation == t.relation
                        && o.object.as_ref().map(|a| &a.text) == t.object.as_ref().map(|a| &a.text)
                });
                match dup {
                    Some(k) => {
                        if out[k].confidence < t.confidence {
                            out[k] = t;
                        }
                    }
                    None => out.push(t),
                }
            }
        }
        out
    }
}

/// Confidence factor of a clause that is the complement of another verb (CaRB gold usually keeps
/// only the outer reporting tuple).
fn ccomp_factor() -> f32 {
    0.7
}

/// Per token: the extent and the entity type of the mention covering it.
fn mention_index(sentence: &Sentence, mentions: &[Mention]) -> (Vec<Option<(usize, usize)>>, Vec<Option<EntityType>>) {
    let n = sentence.tokens.len();
    let mut v = vec![None; n];
    let mut kinds = vec![None; n];
    for m in mentions {
        if m.sentence != sentence.index || m.tokens.start >= m.tokens.end || m.tokens.end > n {
            continue;
        }
        for x in m.tokens.clone() {
            v[x] = Some((m.tokens.start, m.tokens.end));
            kinds[x] = Some(m.kind);
        }
    }
    (v, kinds)
}

/// Confidence from the rule and parse evidence.
fn final_confidence(tr: &Tree, p: &Prop) -> f32 {
    // rule priors, calibrated on CaRB dev (mean token precision of each rule's extractions)
    let prior = match p.rule {
        "clause:SVA" | "clause:SVO" | "clause:SV" | "clause:SVOO" | "clause:SVOC" => 0.90,
        "title:is" => 0.88,
        "clause:SVOA" => 0.82,
        "clause:SVC" => 0.80,
        "acl" => 0.79,
        "advcl" => 0.76,
        "relcl" => 0.73,
        "appos" => 0.70,
        "poss:has" => 0.69,
        _ => 0.85,
    };
    let mut c = p.conf * prior;
    let n = tr.len();
    let arg_len: usize = p.slots.iter().map(|s| s.part.toks.len() + s.case.len()).sum::<usize>();
    // evidence measured on CaRB dev: precision falls with sentence length, very short
    // arguments and very long subjects; clauses at the root are the most reliable
    c *= 1.0 - (0.008 * n.saturating_sub(12) as f32).min(0.4);
    if arg_len <= 2 {
        c *= 0.85;
    }
    if p.subj.toks.len() > 9 {
        c *= 0.7;
    }
    if p.slots.is_empty() {
        c *= 0.7;
    }
    if p.lit.is_none() && p.pred < n {
        c *= match tr.rel(p.pred) {
            "acl:relcl" | "advcl:relcl" => 1.1,
            "acl" => 0.7,
            _ => 1.0,
        };
        c *= match tr.base(p.pred) {
            "acl" => 1.0,
            "root" => 1.1,
            "conj" | "parataxis" => 1.0,
            "ccomp" => ccomp_factor(),
            "advcl" => 0.9,
            _ => 0.8,
        };
    }
    // a small tie-breaker so that equal rule scores still rank by argument compactness
    c -= 0.0005 * (arg_len % 17) as f32;
    c.clamp(0.01, 0.99)
}

#[cfg(test)]
pub(crate) mod tests;
