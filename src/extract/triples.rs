//! Graph rendering: turns a proposition into the open triples the graph gets. Decides the
//! subject and object arguments (names kept whole through the mention extents, appositive
//! referents, quantifier nouns like `one of …`), the relation text and its [`RelationKey`] for
//! the ontology lexicon (verb, particles, preposition, or the noun of a literal relation), the
//! date and place qualifiers taken from obliques, and one triple per object for n-ary clauses.
//! A predicate adjective takes its preposition into the relation (`be responsible for` + the
//! prepositional object), a change of amount takes its target value as the object (`brings
//! total to` + `54`, see [`amounts`]), and an approximator before a numeric predicate joins the copula
//! (`be about` + `71%`). An agentless passive's bare predicative adjective joins the relation
//! (`be found unconscious`, object-less), the object of a verb of sentencing or transfer gets a
//! fact of its own (`X – be sentenced to – four years`), what a verb of calling or describing
//! says of its object is the object's fact, reported by the subject (`called X a fraud` → `X – be
//! called – fraud`), and a route's end hung inside its start is still read.
//!
//! In: a [`Prop`] of a parsed sentence and the sentence's mentions. Out: [`OpenTriple`]s with
//! token-span arguments.

use super::rules::{self, Kind, Part, Prop, Rules};
use super::{amounts, lexicon, quality};
use super::tree::{NONE, Tree};
use crate::document::{Argument, Mention, OpenTriple, RelationKey, Sentence, Span};

pub(super) fn join_text(s: &Sentence, toks: &[usize], poss_after: Option<usize>) -> String {
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

pub(super) fn span_of(s: &Sentence, toks: &[usize]) -> Span {
    match (toks.first(), toks.last()) {
        (Some(&a), Some(&b)) => s.tokens[a].span.cover(&s.tokens[b].span),
        _ => Span::default(),
    }
}

pub(super) fn argument(s: &Sentence, part: &Part) -> Option<Argument> {
    let toks = if part.min.is_empty() { &part.toks } else { &part.min };
    // quotation marks are never part of an argument (`“speech”` → `speech`)
    let unquoted: Vec<usize>;
    let toks = if toks.iter().any(|&i| quality::is_quote(&s.tokens[i].form)) {
        unquoted = toks.iter().copied().filter(|&i| !quality::is_quote(&s.tokens[i].form)).collect();
        &unquoted
    } else {
        toks
    };
    let unbracketed: Vec<usize>;
    let toks = if half_bracketed(s, toks) {
        unbracketed = toks.iter().copied().filter(|&i| !matches!(s.tokens[i].form.as_str(), "[" | "]")).collect();
        &unbracketed
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

/// An argument cut across an editor's square brackets (`Tarn] farm workers`, `members [of the
/// guild`): the words inside are part of the reading, so a bracket without its partner is a
/// leftover of the cut, not text of the label.
fn half_bracketed(s: &Sentence, toks: &[usize]) -> bool {
    let count = |b: &str| toks.iter().filter(|&&i| s.tokens[i].form == b).count();
    count("[") != count("]")
}

pub(super) fn argument_with_case(s: &Sentence, case: &[usize], part: &Part) -> Option<Argument> {
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

pub(super) fn lower_lemma(tr: &Tree, i: usize) -> String {
    tr.lemma(i).to_lowercase()
}

pub(super) fn is_place(tr: &Tree, ment: &[Option<(usize, usize)>], mentions: &[Mention], case: &[usize], h: usize) -> bool {
    if !case.iter().any(|&c| tr.lemma_is(c, &["at", "in", "inside", "near", "outside", "between", "along", "across", "off"])) {
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

/// A particle the parser attached as an adverb right after its verb (`was sworn in`, `broke
/// down`): the closed class of English verb particles that are also adverbs.
fn adverb_particle(tr: &Tree, v: usize) -> Option<usize> {
    const PARTICLES: &[&str] = &["in", "out", "off", "down", "up", "away", "back", "over"];
    tr.kids(v).find(|&k| k == v + 1 && tr.rel(k) == "advmod" && tr.upos(k) == "ADV" && tr.form_is(k, PARTICLES))
}

/// Time adverbs that open a sentence before a comma (`Yesterday, police said …`).
const FRONTED_TIME_ADVERBS: &[&str] = &["yesterday", "today", "tomorrow", "now", "then", "meanwhile", "recently", "earlier", "later", "currently", "previously", "tonight"];

/// The subject without a fronted adverbial the parser hung inside its phrase (`At the panel on
/// comics, speakers shared …` → `speakers`, `Yesterday, police arrested …`, `For the safety of
/// all, the debate was moved …` → `debate`): when the shown span opens with a preposition or a
/// time adverb (or right after a preposition that opens the sentence) and a comma before the
/// head closes that phrase, the subject starts after the comma. None when nothing is cut.
fn without_fronted_adverbial(tr: &Tree, part: &Part) -> Option<Part> {
    if part.text.is_some() || part.poss_after.is_some() {
        return None;
    }
    let shown = if part.min.is_empty() { &part.toks } else { &part.min };
    let first = *shown.iter().min()?;
    let h = part.head;
    let comma = shown.iter().copied().filter(|&k| k > first && k < h && tr.form(k) == ",").max()?;
    let opens_sentence_with_preposition = first >= 1 && tr.upos(first - 1) == "ADP" && (0..first - 1).all(|k| tr.is_punct(k));
    let opener = tr.upos(first) == "ADP" || tr.lemma_is(first, FRONTED_TIME_ADVERBS) || opens_sentence_with_preposition;
    // the rest is a phrase of its own: it holds the head and a word before it
    if !opener || !(comma + 1..=h).any(|k| !tr.is_punct(k)) {
        return None;
    }
    let keep = |v: &Vec<usize>| v.iter().copied().filter(|&k| k > comma).collect::<Vec<usize>>();
    Some(Part { head: h, toks: keep(&part.toks), min: keep(&part.min), poss_after: None, text: None })
}

pub(super) fn graph_triples(s: &Sentence, tr: &Tree, ment: &[Option<(usize, usize)>], mentions: &[Mention], p: &Prop) -> Vec<OpenTriple> {
    let mut out = Vec::new();
    let trimmed = without_fronted_adverbial(tr, &p.subj);
    let Some(mut subject) = argument(s, trimmed.as_ref().unwrap_or(&p.subj)) else { return out };
    let base = |relation: String, key: RelationKey, object: Option<Argument>, subject: Argument| OpenTriple {
        sentence: s.index,
        subject,
        relation,
        key,
        object,
        extra: Vec::new(),
        qualifiers: Vec::new(),
        negated: p.negated || negative_quantifier(tr, p),
        modality: p.modality,
        attribution: p.attribution.as_ref().and_then(|a| argument(s, a)),
        rule: p.rule.to_owned(),
        confidence: p.conf,
    };
    if let Some(lit) = &p.lit {
        // a literal event without an object (`the resignation of X` → X – resign) keeps none
        let obj = match p.slots.first() {
            Some(sl) => match argument(s, &sl.part) {
                Some(a) => Some(a),
                None => return out,
            },
            None => None,
        };
        let key = RelationKey {
            verb: lit.verb.map(str::to_owned),
            particle: None,
            noun: lit.noun.clone(),
            noun_modifiers: lit.mods.clone(),
            prep: lit.prep.clone(),
            ..Default::default()
        };
        out.push(base(lit.words.clone(), key, obj, subject));
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
            .and_then(|v| tr.kids(v).find(|&k| tr.rel(k) == "compound:prt").or_else(|| adverb_particle(tr, v)))
            .map(|k| tr.form(k).to_lowercase()),
        matrix: verb_tok.and_then(|v| control_matrix(tr, &rel, v)),
        gerund: verb_tok.and_then(|v| controlled_gerund(tr, &rel, v)),
        ..Default::default()
    };
    // `is known to be a reformer`, `is said to be a …`: a passive raising verb over a copula
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
    // `was urged to leave the party`: the chain runs through the passive of a verb of asking
    // (no act of the subject, so no part of the key), and what the subject was asked to do is
    // planned, as in the active (`urged her to leave`), unless the verb brings it about (`was
    // forced to sell`)
    if modality == crate::document::Modality::Asserted {
        let r = Rules { tr, ment, kind: &[] };
        let asked = rel.iter().copied().filter(|&x| tr.rel(x) == "xcomp" && tr.head[x] != NONE && rel.contains(&tr.head[x])).find_map(|x| r.passive_control_modality(x));
        if let Some(Some(m)) = asked {
            modality = m;
        }
    }
    // `decided to be a teacher`, `wants to be the mayor of Tarn`: the infinitive's copula relates
    // the subject to the noun, and the verb before it says what the subject did about being it
    // (`decide to be`); read as the verb's object, the noun was what was decided (`decide – teacher`)
    if key.verb.as_deref() != Some("be") {
        if let Some(m) = verb_tok.and_then(|v| copular_infinitive_matrix(tr, &rel, v)) {
            key.verb = Some("be".into());
            key.particle = None;
            key.matrix = Some(match key.matrix.take() {
                Some(outer) if !m.is_empty() => format!("{outer} {m}"),
                Some(outer) => outer,
                None => m,
            })
            .filter(|m| !m.is_empty());
        }
    }
    // `tested positive for X`, `pleaded guilty to X`: a predicative adjective after a full verb
    // with a prepositional object of its own (the parser hangs it on the adjective)
    // (not on a participle describing a noun: `countries remaining free of X` is that noun's
    // description, often inside someone's claim)
    let adjective_obl = if copular || tr.rel(p.pred) == "acl" { None } else { adjective_oblique(tr, ment, p) };
    let mut slots: Vec<&rules::Slot> = p.slots.iter().chain(adjective_obl.as_ref()).collect();
    // `X said yesterday night that …`: when a report was made is no object of it
    if verb_tok.is_some_and(|v| tr.lemma_is(v, lexicon::REPORTING)) {
        slots.retain(|sl| !(matches!(sl.kind, Kind::Obj | Kind::Obl) && sl.case.is_empty() && is_time_phrase(tr, sl.part.head)));
    }
    // `handed himself over to the guards`, `turned herself in at the station`: a reflexive object
    // only restates the subject; the oblique after it is what the act was about (`hand over to –
    // guards`), and the reflexive would otherwise be resolved as a node of its own
    if !p.passive
        && slots.iter().any(|sl| {
            sl.kind == Kind::Obl
                && sl.part.head > p.pred
                && sl.case.len() == 1
                && tr.lemma_is(sl.case[0], &["to", "into", "at", "before", "as"])
                && !is_date_part(tr, sl.part.head)
        })
    {
        slots.retain(|sl| !(sl.kind == Kind::Obj && sl.part.head < tr.len() && tr.form_is(sl.part.head, REFLEXIVES)));
    }
    let agent = slots.iter().position(|sl| sl.kind == Kind::Agent);
    let mut quantified = false;
    let mut object: Option<Argument> = None;
    let mut relation_words: Vec<String> = Vec::new();
    // set when the object is a route's start: the relation words and key before its preposition
    let mut route: Option<(usize, RelationKey)> = None;
    let mut route_from: Option<usize> = None;
    let mut split_noun: Option<(String, Argument, RelationKey)> = None;
    // the object came from a non-place oblique, of an active verb or an agentless passive
    // (`gathered with banners`, `is scheduled for May 2`): a place oblique beside it is the
    // event's place, a fact of its own (see below); a direct object keeps the place as a
    // qualifier only
    let mut obl_object = false;
    // the object is the verb's direct object (for the object's own fact, see `fate_oblique`)
    let mut object_from_obj = false;
    // the relation took a predicative adjective (`was found dead`): an event, not a report
    let mut result_adj = false;
    let adjective_pp = if copular {
        adjective_complement(tr, p.pred, &slots)
    } else {
        let adj = slots.iter().find(|sl| sl.kind == Kind::Comp && sl.part.head < tr.len() && tr.upos(sl.part.head) == "ADJ");
        adj.and_then(|sl| adjective_complement(tr, sl.part.head, &slots))
    };
    let amount = if p.passive || copular { None } else { verb_tok.and_then(|v| amounts::amount_target(tr, v, &slots)) };
    if p.passive && agent.is_some() {
        let a = slots.remove(agent.unwrap());
        let Some(agent_arg) = argument(s, &a.part) else { return out };
        object = Some(subject);
        subject = agent_arg;
        key.passive = true;
    } else if let Some((measured, to)) = amount {
        // `brings her total to 54`: the new value is the object, the measured thing joins the
        // relation (its own words: no determiner or possessor)
        if let Some(m) = measured {
            let h = slots[m].part.head;
            let words: Vec<String> = slots[m]
                .part
                .min
                .iter()
                .filter(|&&x| x == h || (tr.head[x] == h && x < h && matches!(tr.base(x), "compound" | "amod")))
                .map(|&x| tr.form(x).to_lowercase())
                .collect();
            relation_words.push(words.join(" "));
        }
        relation_words.push("to".into());
        object = argument(s, &slots[to].part);
        key.prep = Some("to".into());
        for i in [Some(to), measured].into_iter().flatten().collect::<std::collections::BTreeSet<_>>().into_iter().rev() {
            slots.remove(i);
        }
    } else if let Some((ci, oi)) = adjective_pp {
        // `X is responsible for Y`, `X tested positive for Y`: the adjective and its preposition
        // are the relation, the prepositional object the object (the adjective alone is no node)
        let sl = slots[oi];
        object = argument(s, &sl.part);
        let case_words = sl.case.iter().map(|&c| tr.form(c).to_lowercase()).collect::<Vec<_>>().join(" ");
        let adj = slots[ci].part.head;
        // `pleaded not guilty to X`, `was found not guilty of X`: a `not` on the complement of a
        // full verb is no negation of the verb (the plea was made, the verdict given) but part of
        // what was pleaded or found, so it stays in the relation; under a copula the adjective is
        // the predicate and its `not` negates the fact (the clause's negation flag)
        let not = if copular { None } else { tr.kids(adj).find(|&k| k < adj && tr.base(k) == "advmod" && tr.lemma_is(k, &["not", "n't"])) };
        let adj_words = match not {
            Some(_) => format!("not {}", tr.form(adj).to_lowercase()),
            None => tr.form(adj).to_lowercase(),
        };
        relation_words.push(format!("{adj_words} {case_words}"));
        key.noun = Some(match not {
            Some(_) => format!("not {}", lower_lemma(tr, adj)),
            None => lower_lemma(tr, adj),
        });
        key.prep = Some(sl.case.iter().map(|&c| lower_lemma(tr, c)).collect::<Vec<_>>().join(" "));
        // `was found guilty of X`: the subject underwent it
        key.passive = p.passive && agent.is_none() && !copular;
        for i in [ci.max(oi), ci.min(oi)] {
            slots.remove(i);
        }
    } else if let Some(i) = result_adjective(tr, p, agent.is_some(), copular, &slots) {
        // `was pronounced dead`, `was found dead`, `was reported missing`: the adjective is what
        // the subject was found or declared to be, part of the relation (an adjective is no node);
        // the event keeps no object unless a circumstance becomes one below
        let sl = slots.remove(i);
        // `was found not guilty`: the `not` is part of the verdict, not a negation of the finding
        let adj = sl.part.head;
        if tr.kids(adj).any(|k| k < adj && tr.base(k) == "advmod" && tr.lemma_is(k, &["not", "n't"])) {
            relation_words.push("not".into());
        }
        relation_words.push(tr.form(adj).to_lowercase());
        result_adj = true;
    } else if let Some(i) = slots.iter().position(|sl| matches!(sl.kind, Kind::Obj | Kind::Comp)) {
        let sl = slots.remove(i);
        object = argument(s, &sl.part);
        object_from_obj = sl.kind == Kind::Obj;
        // `the quake left nine dead`: the casualty state is what the event did to the object, part
        // of the relation (`leave dead` – nine); an adjective is no node
        if sl.kind == Kind::Obj && !p.passive {
            if let Some(j) = slots.iter().position(|c| {
                c.kind == Kind::Comp && c.part.head < tr.len() && verb_tok.is_some_and(|v| casualty_state(tr, v, c.part.head))
            }) {
                let c = slots.remove(j);
                relation_words.push(tr.form(c.part.head).to_lowercase());
                // (named like a particle: `rel:leave_dead`, not the bare `leave`)
                key.particle = Some(tr.form(c.part.head).to_lowercase());
            }
        }
        // `was given a medal`, `were moved 300 miles`: an agentless passive that keeps an object
        // (the recipient or a measure became the subject). The subject underwent the event, so the
        // active lemma (`senator – give – medal`, the lexicon's `provides`) would reverse the
        // roles; the key names the passive as written (`be given`), which no active entry matches
        // (so too a name or description given to the subject: `was called a hero`, `was named
        // the new coach`, whose active lemma would read as the subject calling or naming)
        // (not through an infinitive or `as`: `is said to be a finalist`, `is known as a former
        // fighter` keep their readings)
        let linked = |x: usize| tr.kids(x).any(|k| matches!(tr.base(k), "cop" | "case" | "mark"));
        let direct_comp = sl.kind == Kind::Comp
            && sl.part.head < tr.len()
            && matches!(tr.upos(sl.part.head), "NOUN" | "PROPN")
            && !linked(sl.part.head)
            // (a conjunct shares the first one's `to be`: `is known to be a leftist and a fighter`)
            && !(tr.base(sl.part.head) == "conj" && tr.head[sl.part.head] < tr.len() && linked(tr.head[sl.part.head]));
        if (sl.kind == Kind::Obj || direct_comp) && p.passive && agent.is_none() && !copular {
            if let Some(written) = passive_as_written(tr, verb_tok) {
                key.verb = Some(written);
            }
        }
        if sl.kind == Kind::Comp {
            split_noun = split_predicate_noun(s, tr, sl.part.head);
            quantified = split_noun.is_some() && tr.lemma_is(sl.part.head, QUANTIFIER_NOUNS);
            // `is a lawyer`: the indefinite article stays with the copula
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
            // `turnout was about 71%`: the approximation belongs to the relation (`be about`)
            if copular {
                if let Some(words) = approximator(tr, h) {
                    relation_words.push(words.clone());
                    key.prep = Some(words);
                }
            }
        }
    } else if let Some(i) = slots.iter().position(|sl| sl.kind == Kind::Iobj) {
        let sl = slots.remove(i);
        object = argument(s, &sl.part);
    } else if let Some(i) = slots.iter().position(|sl| {
        let has_place_obl = slots.iter().any(|o| o.kind == Kind::Obl && !o.case.is_empty() && is_place(tr, ment, mentions, &o.case, o.part.head));
        sl.kind == Kind::Obl
            && (sl.part.head > p.pred || p.rule == "collective")
            && !tr.lemma_is(sl.part.head, &["person"])
            && !sl.case.iter().any(|&c| tr.form_is(c, &["according"]))
            && (!is_date_part(tr, sl.part.head) || target_date(tr, p, agent.is_some(), sl))
            // `was seized in Brelk at 4am`: beside a place, a clock time is only when
            && !(clock_time(tr, sl.part.head) && has_place_obl)
            && !(p.rule != "collective" && is_place(tr, ment, mentions, &sl.case, sl.part.head))
    }) {
        let sl = slots.remove(i);
        object = argument(s, &sl.part);
        // (an agentless passive too: `the final is scheduled for May 2 at Tarn Arena`)
        obl_object = !copular && p.rule != "collective" && agent.is_none();
        // `was found under the rubble`: the subject underwent the event (the ontology says `be found under`),
        // unless the verb is in the active voice and took the flag from a passive beside it
        if p.passive && agent.is_none() && !copular && verb_tok.is_none_or(|v| keeps_passive_flag(tr, v) && !passive_only_above(tr, v)) {
            // `was restored by 20:21`, `was helped by the other two`: a `by` phrase that is no
            // agent (a time, an amount, one the agent test could not take) keeps its preposition;
            // a passive key with `by` would read as the agent's act with the `by` dropped
            // (`power – restore – 20:21`), so the key names the passive as written
            let by = sl.case.iter().any(|&c| tr.lemma_is(c, &["by"]));
            if !by {
                key.passive = true;
            }
            // `were moved 300 miles`: with no preposition the ontology has no passive label, so
            // the key names the passive as written (as for a kept object above)
            if sl.case.is_empty() || by {
                if let Some(written) = passive_as_written(tr, verb_tok) {
                    key.verb = Some(written);
                }
            }
        }
        // `flew from Vell to Kell`: the route's two ends are two facts, the `to` end read below
        // (not a span of time: `from Monday into Friday`)
        if sl.case.len() == 1 && tr.lemma_is(sl.case[0], &["from"]) && !copular && !is_date_part(tr, sl.part.head) && !is_time_phrase(tr, sl.part.head) {
            route = Some((relation_words.len(), key.clone()));
            route_from = Some(sl.part.head);
        }
        if p.rule == "collective" {
            relation_words.push("with".into());
            key.prep = Some("with".into());
        } else if !sl.case.is_empty() {
            relation_words.push(sl.case.iter().map(|&c| tr.form(c).to_lowercase()).collect::<Vec<_>>().join(" "));
            key.prep = Some(sl.case.iter().map(|&c| lower_lemma(tr, c)).collect::<Vec<_>>().join(" "));
        }
    }
    // an intransitive event keeps its circumstance as the object (`the plane crashed near X`,
    // `X died on Monday`): without one the clause would state no fact the graph can hold
    if object.is_none() && !copular && verb_tok.is_some_and(|v| tr.upos(v) == "VERB" && (!tr.lemma_is(v, lexicon::REPORTING) || result_adj)) {
        // (after a predicative adjective only a place: `was found dead on Friday` is when)
        if let Some(i) = circumstance_slot(tr, ment, mentions, &slots, p.pred).filter(|&i| !result_adj || !is_date_part(tr, slots[i].part.head)) {
            let sl = slots.remove(i);
            object = argument(s, &sl.part);
            if !sl.case.is_empty() {
                relation_words.push(sl.case.iter().map(|&c| tr.form(c).to_lowercase()).collect::<Vec<_>>().join(" "));
                key.prep = Some(sl.case.iter().map(|&c| lower_lemma(tr, c)).collect::<Vec<_>>().join(" "));
                // `the treaty was signed in Oslo`: the subject underwent the event, as with any
                // other agentless passive and its oblique (`be signed in`, not `sign in`)
                // Only a participle passive by its own words or as a noun's modifier (`findings
                // published in`): ergative verbs tagged as participles (`cases increased in`,
                // `the bus overturned in`) are active; `by` a date is no agent (`suspended by May`).
                let by = sl.case.iter().any(|&c| tr.lemma_is(c, &["by"]));
                if p.passive && agent.is_none() && verb_tok.is_some_and(|v| plainly_passive(tr, v)) {
                    if !by {
                        key.passive = true;
                    } else if let Some(written) = passive_as_written(tr, verb_tok) {
                        // (`be suspended by May`, as for a `by` object above)
                        key.verb = Some(written);
                    }
                }
            }
        }
    }
    // an agentless passive with nothing left for an object (`three guards were injured`): the
    // subject underwent the event; the key says so, for the ontology's event facts
    if object.is_none() && p.passive && agent.is_none() && !copular && !verb_tok.is_some_and(|v| passive_only_above(tr, v)) {
        key.passive = true;
    }
    if t_object_missing(&object)
        && (key.verb.as_deref().is_some_and(|v| matches!(v, "be" | "have" | "do"))
            || tr.kids(p.pred).any(|k| tr.rel(k) == "expl")
            || slots.iter().any(|sl| sl.kind == Kind::Clause)
            || (verb_tok.is_some_and(|v| tr.lemma_is(v, lexicon::REPORTING)) && !result_adj))
    {
        // `X proves that …`, `there are …`: no fact of its own (the inner clause has one)
        return out;
    }
    // a generic noun in apposition stands for what it describes (`the levy – a tax …`)
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
    // the end of a route whose start is the object: `to`/`into`/`towards` after the `from` phrase
    let route_end = route.as_ref().and_then(|_| {
        slots.iter().find(|sl| {
            sl.kind == Kind::Obl
                && sl.case.len() == 1
                && tr.lemma_is(sl.case[0], &["to", "into", "toward", "towards"])
                && !is_date_part(tr, sl.part.head)
                && !is_time_phrase(tr, sl.part.head)
        })
    });
    // `flown from the town of Brelk in Norvia to Tarn`: the parser hung the route's end on
    // a noun inside its start; a name with `to` there ends the route as well
    let nested_end: Option<rules::Slot> = if route_end.is_none() { route_from.and_then(|f| nested_route_end(tr, ment, mentions, f)) } else { None };
    let route_end = route_end.copied().or(nested_end.as_ref());
    let route_fact = route.as_ref().zip(route_end).and_then(|((n, k), sl)| {
        let end = argument(s, &sl.part)?;
        let mut relation = join_text(s, &rel, None);
        for w in relation_words.iter().take(*n) {
            relation.push(' ');
            relation.push_str(w);
        }
        let prep = lower_lemma(tr, sl.case[0]);
        relation.push(' ');
        relation.push_str(&tr.form(sl.case[0]).to_lowercase());
        let mut key = k.clone();
        key.prep = Some(prep);
        Some((relation, key, end))
    });
    let patient = if !p.passive && agent.is_none() && object_from_obj { fate_oblique(tr, verb_tok, &slots) } else { None };
    let mut t = base(relation.clone(), key.clone(), object, subject.clone());
    t.modality = modality;
    // `a judge sentenced X to four years`, `the court charged X with fraud`: what befell the
    // object is a fact of the object's own (`X – be sentenced to – four years`), as the passive
    // would state it
    if let (Some((v, sl)), Some(o)) = (patient, t.object.clone()) {
        if let Some(end) = argument(s, &sl.part) {
            let case_words = sl.case.iter().map(|&c| tr.form(c).to_lowercase()).collect::<Vec<_>>().join(" ");
            let mut q = t.clone();
            q.subject = o;
            q.object = Some(end);
            q.relation = format!("{} {case_words}", tr.form(v).to_lowercase());
            q.key = RelationKey {
                verb: Some(lower_lemma(tr, v)),
                prep: Some(sl.case.iter().map(|&c| lower_lemma(tr, c)).collect::<Vec<_>>().join(" ")),
                passive: true,
                ..Default::default()
            };
            q.qualifiers.clear();
            q.rule = format!("{}:patient", p.rule);
            out.push(q);
        }
    }
    // `named it Operation Dawn`, `called the plan a waste of time`: the name or description the
    // subject gave the object is a fact of its own (X – named – Operation Dawn). A description
    // given by a verb of calling keeps what it describes in front of it (`X – call – plan a waste
    // of time`), as written: `X – call – waste of time` would read as calling the description
    // itself; the object's own fact (`plan – be called – waste of time`, reported by X) is below
    let named = if !p.passive && t.object.is_some() && verb_tok.is_some_and(|v| tr.lemma_is(v, lexicon::NAMING_VERBS)) {
        let describing = verb_tok.is_some_and(|v| tr.lemma_is(v, DESCRIBING_VERBS));
        let comp = slots.iter().find(|sl| sl.kind == Kind::Comp && sl.part.head < tr.len() && matches!(tr.upos(sl.part.head), "NOUN" | "PROPN"));
        match comp {
            Some(c) if describing && tr.upos(c.part.head) == "NOUN" => {
                t.object.as_ref().filter(|o| o.head < c.part.head).and_then(|o| described_with_its_object(s, tr, o, &c.part))
            }
            Some(c) => argument(s, &c.part),
            None => None,
        }
    } else {
        None
    };
    // `the plan was described by X as a disaster`: the description is the agent's claim, as in
    // the active (`X described the plan as a disaster`, reported by X below)
    let describer = verb_tok
        .filter(|&v| tr.lemma_is(v, DESCRIBING_VERBS) && own_passive(tr, v))
        .and_then(|v| tr.kids(v).find(|&k| tr.rel(k) == "obl:agent"));
    if let Some(a) = describer.filter(|&a| t.attribution.is_none() && t.modality == crate::document::Modality::Asserted && !tr.ancestor_of(a, t.subject.head)) {
        let part = Rules { tr, ment, kind: &[] }.np(a, true);
        if let Some(by) = argument(s, &part) {
            t.modality = crate::document::Modality::Reported;
            t.attribution = Some(by);
        }
    }
    if let Some(n) = named {
        let mut q = t.clone();
        q.object = Some(n);
        q.rule = format!("{}:naming", p.rule);
        out.push(q);
    }
    // `people gathered outside the parliament with banners`: the place the event happened at is
    // its own fact (`gather outside – parliament`), as it is for an event with no other oblique
    let mut place_fact: Option<OpenTriple> = None;
    for sl in &slots {
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
                        if obl_object && place_fact.is_none() && sl.kind == Kind::Obl {
                            let case_words = sl.case.iter().map(|&c| tr.form(c).to_lowercase()).collect::<Vec<_>>().join(" ");
                            let mut pkey = key.clone();
                            pkey.prep = Some(sl.case.iter().map(|&c| lower_lemma(tr, c)).collect::<Vec<_>>().join(" "));
                            let mut q = base(format!("{} {case_words}", join_text(s, &rel, None)), pkey, Some(d.clone()), subject.clone());
                            q.modality = modality;
                            q.rule = format!("{}:place", p.rule);
                            place_fact = Some(q);
                        }
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
    // `called the plan a mistake`, `labelled the reports as lies`, `called the ruling unfair`:
    // what the subject called the object is its claim about the object (`plan – be called –
    // mistake`, reported by the subject); the bare act (`call – plan`) would read as a phone call
    // or drop what was said, so it goes unless the verb says so on its own (`described X`)
    let described = if !p.passive && object_from_obj { verb_tok.and_then(|v| described_as(s, tr, v, &slots, &t, &subject)) } else { None };
    let keep_act = match &described {
        Some((q, v)) => {
            out.push(q.clone());
            tr.lemma_is(*v, ACT_DESCRIBING_VERBS)
        }
        None => true,
    };
    if let Some((nrel, nobj, nkey)) = split_noun {
        // (the predicate noun with its complement, for `became the chair of X` below)
        let whole = t.object.clone();
        let complement = nobj.text.clone();
        // the plain reading keeps only the predicate noun (`Peru – remains – largest producer`)
        if let Some(o) = t.object.as_mut() {
            let r = Rules { tr, ment, kind: &[] };
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
        // `was on its way to X`, `is in touch with Y`: a light noun is the relation only with the
        // complement it governs ([`lexicon::GOVERNED_COMPLEMENTS`]), so the plain reading (`be on
        // – way`) goes as for an `of` noun below
        let governed = nkey.noun.as_deref().zip(nkey.prep.as_deref()).is_some_and(|(n, pr)| lexicon::GOVERNED_COMPLEMENTS.contains(&(n, pr)));
        // (the copula's own preposition stays in the key: `be in charge of`, not `be charge of`)
        let copula_case = (copular && !copula_prep.is_empty()).then(|| copula_prep.iter().map(|&c| lower_lemma(tr, c)).collect::<Vec<_>>().join(" "));
        let mut q = t.clone();
        let base_relation = join_text(s, &rel, None);
        q.relation = format!("{base_relation} {nrel}");
        q.key = RelationKey {
            verb: key.verb.clone(),
            particle: key.particle.clone().or(copula_case),
            ..nkey
        };
        q.object = Some(nobj);
        q.rule = format!("{}:noun", p.rule);
        out.push(q);
        // `X has been one of Y's allies`: the relation is the whole reading; `X is one` is not.
        // Nor is `X is co-chairman` of `X is co-chairman of the board`: a noun of `of` is
        // relational, and without its complement the role is cut (whose co-chairman?)
        if quantified || nrel.ends_with(" of") || governed {
            // `X became the chair of Y`, `X remains the head of Y`: what the subject became or
            // remains is the whole role, complement and all (`become – chair of Y`), as `is a`
            // keeps it under a copula; the noun's own relation (`chair of – Y`) stays beside it
            if !quantified && !copular && key.verb.as_deref().is_some_and(|v| CHANGE_OF_STATE_COPULAS.contains(&v)) {
                // (only when the complement is still in it: `the party's nominee` may have
                // lost its possessor, and the role without it is cut)
                if let Some(w) = whole.filter(|w| w.text.contains(complement.as_str())) {
                    let mut q = t;
                    q.object = Some(w);
                    out.push(q);
                }
            }
            return out;
        }
    }
    if let Some((relation, key, end)) = route_fact {
        let mut q = t.clone();
        q.relation = relation;
        q.key = key;
        q.object = Some(end);
        q.qualifiers.retain(|(k, _)| k != "place");
        q.rule = format!("{}:route", t.rule);
        out.push(q);
    }
    if let Some(mut q) = place_fact {
        q.qualifiers = t.qualifiers.iter().filter(|(k, _)| k == "date").cloned().collect();
        out.push(q);
    }
    if keep_act {
        out.push(t);
    }
    out
}

/// Verbs of calling and describing: with an object and a complement (`called the plan a
/// mistake`, `branded the ruling unfair`, `described the vote as a farce`) the complement is what
/// the subject said the object is. General English, closed class.
const DESCRIBING_VERBS: &[&str] = &["call", "label", "brand", "term", "dub", "describe", "characterize", "characterise"];
/// Of [`DESCRIBING_VERBS`], those whose bare act is a fact of its own (`described the plan`):
/// `called the plan` reads as a phone call, `labelled the reports` says nothing.
const ACT_DESCRIBING_VERBS: &[&str] = &["describe", "characterize", "characterise"];

/// The claim an active verb of calling or describing `v` ([`DESCRIBING_VERBS`]) makes about its
/// object, with `v`: the object's own fact `O – be called – C` (a noun complement or one after
/// `as`), or `O – be called unfair` (an adjective, which is no node), reported by the act's
/// subject. `act` is the act's fact (subject, object `O`), `slots` the clause's slots left after
/// its object. None without such a complement after the object.
/// The object `o` and the description `c` a verb of calling gave it, as one argument headed by
/// the description (`the plan a waste of time`), when nothing but quotation marks stands between
/// them.
fn described_with_its_object(s: &Sentence, tr: &Tree, o: &Argument, c: &Part) -> Option<Argument> {
    let c_start = c.toks.iter().min().copied()?;
    if o.tokens.end > c_start || !(o.tokens.end..c_start).all(|k| quality::is_quote(tr.form(k))) {
        return None;
    }
    // (the description as written, article and all, up to the end of its shortest reading: `a
    // waste of time`, without a clause or an `according to` after it)
    let min = if c.min.is_empty() { &c.toks } else { &c.min };
    let end = min.iter().max().copied()?;
    let toks: Vec<usize> = c.toks.iter().copied().filter(|&k| k <= end).collect();
    let description = argument(s, &Part { min: Vec::new(), toks, ..c.clone() })?;
    let toks: Vec<usize> = o.tokens.clone().chain(description.tokens.clone()).collect();
    Some(Argument {
        tokens: o.tokens.start..description.tokens.end,
        head: c.head,
        text: format!("{} {}", o.text, description.text),
        span: span_of(s, &toks),
    })
}

fn described_as(s: &Sentence, tr: &Tree, v: usize, slots: &[&rules::Slot], act: &OpenTriple, subject: &Argument) -> Option<(OpenTriple, usize)> {
    // (not a participle on a noun: `a shark called the sevengill` names the shark)
    if !tr.lemma_is(v, DESCRIBING_VERBS) || (tr.rel(v) == "acl" && tr.t[v].xpos == "VBN") {
        return None;
    }
    let o = act.object.as_ref()?;
    let is_as = |sl: &rules::Slot| sl.case.len() == 1 && tr.lemma_is(sl.case[0], &["as"]);
    // the complement right after the object as written (`called the race for X, as did Y`
    // compares; the object may stand for an earlier noun: `labelled them as lies`), or right
    // after the verb when the object comes first (`which the paper called a hoax`)
    let written = tr.kids(v).find(|&k| tr.base(k) == "obj").unwrap_or(o.head);
    let next_to = |h: usize| {
        if written < v {
            let all = |_: usize| false;
            tr.phrase(h, &all).iter().min().is_some_and(|&start| start > v && (v + 1..start).all(|k| quality::is_quote(tr.form(k))))
        } else {
            quality::adjacent(tr, written, h)
        }
    };
    let sl = slots.iter().find(|sl| {
        let h = sl.part.head;
        h < tr.len()
            && written < tr.len()
            && h > written
            && matches!(tr.upos(h), "NOUN" | "PROPN" | "ADJ")
            && ((sl.kind == Kind::Comp && sl.case.is_empty()) || (sl.kind == Kind::Obl && is_as(sl)))
            && next_to(h)
    })?;
    let c = argument(s, &sl.part)?;
    let mut words = vec!["be".to_owned(), participle(tr, v)];
    if is_as(sl) {
        words.push("as".into());
    }
    let mut q = act.clone();
    q.subject = o.clone();
    q.object = None;
    if tr.upos(sl.part.head) == "ADJ" {
        // (an adjective phrase longer than a few words is a clause the parser cut)
        if c.text.split_whitespace().count() > 4 {
            return None;
        }
        words.push(c.text.to_lowercase());
    } else {
        q.object = Some(c);
    }
    q.relation = words.join(" ");
    q.key = RelationKey { verb: Some(words[..2].join(" ")), prep: is_as(sl).then(|| "as".to_owned()), ..Default::default() };
    if tr.upos(sl.part.head) == "ADJ" {
        q.key.particle = Some(words[2..].join(" "));
        q.key.prep = None;
    }
    q.extra.clear();
    q.qualifiers.retain(|(k, _)| k == "date");
    if q.modality == crate::document::Modality::Asserted {
        q.modality = crate::document::Modality::Reported;
    }
    q.attribution = Some(subject.clone());
    q.rule = format!("{}:described", act.rule);
    Some((q, v))
}

/// The past participle of verb `v`: its own form when it is one (`labelled`), else made from its
/// lemma (`calling` → `called`, `dub` → `dubbed`).
fn participle(tr: &Tree, v: usize) -> String {
    let form = tr.form(v).to_lowercase();
    if matches!(tr.t[v].xpos.as_str(), "VBN" | "VBD") && form.ends_with("ed") {
        return form;
    }
    let lemma = lower_lemma(tr, v);
    match lemma.as_str() {
        "dub" => "dubbed".into(),
        l if l.ends_with('e') => format!("{l}d"),
        l => format!("{l}ed"),
    }
}

/// Verbs that, like a copula, say what their subject became or stays (`became the chair of Y`):
/// general English, closed class.
const CHANGE_OF_STATE_COPULAS: &[&str] = &["become", "remain", "stay"];

/// The subject-control verbs of the relation's verb chain over its main verb `v` (`tried to
/// block` → `try to`; `has agreed to try to buy` → `agree to try to`; `kept saying` → `keep`),
/// lemmas joined by spaces, each with the `to` of the infinitive it governs, so the label reads
/// as English (`offer to send`, not `offer send`). None when there is none, or the controlling
/// verb is passive (`was asked to leave` is no act of its subject).
fn control_matrix(tr: &Tree, rel: &[usize], v: usize) -> Option<String> {
    let words: Vec<String> = rel
        .iter()
        .copied()
        .filter(|&k| {
            k < v
                && tr.upos(k) == "VERB"
                && tr.ancestor_of(k, v)
                && controls_in_label(tr, k, rel, v)
                && !tr.kids(k).any(|c| tr.rel(c) == "aux:pass")
        })
        .map(|k| {
            // the verb of the chain below `k` (towards `v`) and its own `to`
            let below = tr.kids(k).find(|&c| c <= v && (c == v || tr.ancestor_of(c, v)) && matches!(tr.base(c), "xcomp" | "ccomp" | "advcl"));
            let to = below.is_some_and(|c| tr.kids(c).any(|m| m < c && m > k && tr.base(m) == "mark" && tr.lemma_is(m, &["to"])));
            if to { format!("{} to", lower_lemma(tr, k)) } else { lower_lemma(tr, k) }
        })
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The words before the copula when verb `v` of the relation takes a copular `to`-infinitive
/// (`decided to be a …` → `decide to`, `turned out to be …` → `turn out to`, `was picked to be …`
/// → `be picked to`); empty for the future `going to be` (`gonna be`), which is the copula itself. None when
/// `v` takes no such infinitive.
fn copular_infinitive_matrix(tr: &Tree, rel: &[usize], v: usize) -> Option<String> {
    let cop = rel.iter().copied().find(|&c| c > v && tr.base(c) == "cop" && tr.lemma_is(c, &["be"]))?;
    let x = tr.head[cop];
    let linked = x != NONE
        && tr.head[x] == v
        && tr.base(x) == "xcomp"
        && tr.kids(x).any(|m| m > v && m < cop && tr.base(m) == "mark" && tr.lemma_is(m, &["to"]));
    if !linked {
        return None;
    }
    if tr.lemma_is(v, &["go"]) && tr.t[v].xpos == "VBG" {
        return Some(String::new());
    }
    let particle = tr.kids(v).find(|&k| tr.rel(k) == "compound:prt").map(|k| format!(" {}", tr.form(k).to_lowercase())).unwrap_or_default();
    Some(if tr.kids(v).any(|k| tr.rel(k) == "aux:pass") {
        format!("be {}{particle} to", tr.form(v).to_lowercase())
    } else {
        format!("{}{particle} to", lower_lemma(tr, v))
    })
}

/// The verb of a passive as written (`be given`, `be restored`), for a key no active lexicon
/// entry may read: `v` is a past participle that is passive by its own words.
fn passive_as_written(tr: &Tree, v: Option<usize>) -> Option<String> {
    v.filter(|&v| tr.t[v].xpos == "VBN" && own_passive(tr, v)).map(|v| format!("be {}", tr.form(v).to_lowercase()))
}

/// Whether verb `k` of the relation's chain stays in the label before the act `v`: a
/// subject-control verb, or a verb that puts forward the gerund it takes (`endorsed cutting the
/// tax` is no cutting: dropped, the label read `cut – tax`).
fn controls_in_label(tr: &Tree, k: usize, rel: &[usize], v: usize) -> bool {
    tr.lemma_is(k, lexicon::SUBJECT_CONTROL)
        || (tr.lemma_is(k, lexicon::GERUND_PROPOSAL) && rel.iter().any(|&x| x > k && x <= v && rules::bare_gerund_complement(tr, k, x)))
}

/// The act `v` as written when a subject-control verb of its chain takes it directly as a gerund
/// (`began playing the drums`, `kept saying`): lowercased, for the label.
fn controlled_gerund(tr: &Tree, rel: &[usize], v: usize) -> Option<String> {
    let h = tr.head[v];
    (tr.t[v].xpos == "VBG"
        && tr.base(v) == "xcomp"
        && rel.contains(&h)
        && tr.upos(h) == "VERB"
        && controls_in_label(tr, h, rel, v)
        && !tr.kids(v).any(|m| m < v && tr.base(m) == "mark"))
        .then(|| tr.form(v).to_lowercase())
}

/// `one of the allies`, `part of the coalition`: quantifier heads of a predicate noun.
/// Whether the subject or direct object of `p` is quantified to nothing, which negates the
/// whole fact: `no other bank has a licence` (also when `bank` is the noun a relative clause
/// modifies: `there is no bank that has …`), `not a single train left`, `not many clients came`,
/// `found no further signs`. The object counts only as a direct object, not in an oblique (`left
/// with no money` is a fact about leaving).
fn negative_quantifier(tr: &Tree, p: &Prop) -> bool {
    let nothing = |h: usize| {
        h < tr.len()
            && tr.kids(h).any(|k| {
                (tr.base(k) == "det" && tr.lemma_is(k, &["no", "neither"]))
                    // `not a single`, `not one`: `not all` only narrows the subject; `not many
                    // clients come` denies what `many clients come` says
                    || (tr.base(k) == "advmod"
                        && tr.lemma_is(k, &["not"])
                        && tr.kids(h).any(|c| {
                            tr.lemma_is(c, &["single", "one"]) || (tr.base(c) == "nummod" && tr.lemma_is(c, &["one"])) || (tr.base(c) == "amod" && tr.lemma_is(c, &["many", "much"]))
                        }))
                    // (the `not` hung on `many` itself)
                    || (tr.base(k) == "amod" && tr.lemma_is(k, &["many", "much"]) && tr.kids(k).any(|c| tr.base(c) == "advmod" && tr.lemma_is(c, &["not"])))
            })
    };
    let object = p.slots.iter().find(|s| s.kind == rules::Kind::Obj).map(|s| s.part.head);
    p.subj.text.is_none() && nothing(p.subj.head) || object.is_some_and(nothing)
}

const QUANTIFIER_NOUNS: &[&str] = &["one", "some", "part", "member", "many", "most", "several", "among"];
/// Contenders, whose `in` phrase names the contest (`a candidate in the primary`).
const CONTENDER_NOUNS: &[&str] = &["candidate", "contestant", "finalist", "participant", "competitor", "frontrunner", "front-runner", "contender"];
/// Prepositions that relate a predicate noun to another argument (`threat to`, `envoy to`).
const RELATIONAL_PREPS: &[&str] = &["to", "for", "against", "over", "on", "toward", "towards", "into", "between"];
/// Passive raising verbs over a copula (`is known to be`, `is said to be`).
const RAISING_VERBS: &[&str] = &["know", "believe", "think", "consider", "say", "report", "rumor", "rumour", "understand", "presume", "reckon", "allege", "expect", "thought", "reputed"];

/// Adverbs that make a number approximate or a bound (`about 40`, `more than 40`).
const APPROXIMATORS: &[&str] = &["about", "around", "roughly", "approximately", "nearly", "almost", "over", "under", "more", "less", "fewer"];

/// The approximator in front of a numeric predicate (`is about 3 million`, `was nearly 60%`,
/// `is more than 40`): its words, lowercased, with a fixed second word (`than`). None when the
/// predicate is no number: a count (`3 million`) or a unit with its number (`60 %`).
fn approximator(tr: &Tree, h: usize) -> Option<String> {
    if h >= tr.len() {
        return None;
    }
    // `was down by about 2%` (a change, the preposition is the relation) and `was about 40
    // miles south of the coast` (a distance from a place) state no value of the subject
    let located = tr.kids(h).any(|k| tr.base(k) == "nmod" && tr.kids(k).any(|c| tr.base(c) == "advmod" || (tr.base(c) == "case" && tr.lemma_is(c, &["from"]))));
    if tr.kids(h).any(|k| tr.base(k) == "case") || located {
        return None;
    }
    let number = if tr.upos(h) == "NUM" {
        h
    } else {
        tr.kids(h).find(|&k| tr.base(k) == "nummod" && k < h && tr.upos(k) == "NUM")?
    };
    let a = [h, number]
        .into_iter()
        .flat_map(|x| tr.kids(x).collect::<Vec<_>>())
        .find(|&k| k < number && tr.base(k) == "advmod" && tr.lemma_is(k, APPROXIMATORS))?;
    let mut words = vec![tr.form(a).to_lowercase()];
    words.extend(tr.kids(a).filter(|&f| tr.base(f) == "fixed").map(|f| tr.form(f).to_lowercase()));
    Some(words.join(" "))
}

/// Prepositions that open an adjunct (comparison, time, reason) rather than an adjective's
/// complement (`was special like X`, `was quiet after the vote`).
const ADJUNCT_PREPS: &[&str] = &["like", "unlike", "after", "before", "during", "since", "until", "despite", "because", "without", "amid", "throughout"];

/// A predicate adjective with a prepositional complement after it (`is responsible for the
/// fire`, `was critical of the plan`, `is similar to influenza`): the positions of the
/// complement slot and of that oblique. None for a date or `according to` oblique, or a
/// non-nominal one (`is open on Monday` states when, not what).
fn adjective_complement(tr: &Tree, adj: usize, slots: &[&rules::Slot]) -> Option<(usize, usize)> {
    // an ordinal or superlative ranks the subject (`was first in private hands`) and a degree
    // word measures it (`was more of a critic`, `as much in the making`): no complement
    if adj >= tr.len() || tr.upos(adj) != "ADJ" || tr.t[adj].xpos == "JJS" || tr.lemma_is(adj, &["first", "last", "next", "much", "many", "more", "less", "few"]) {
        return None;
    }
    let ci = slots.iter().position(|sl| sl.kind == Kind::Comp && sl.part.head == adj)?;
    let oi = slots.iter().position(|sl| {
        sl.kind == Kind::Obl
            && sl.part.head > adj
            && !sl.case.is_empty()
            && sl.case.iter().all(|&c| c > adj)
            && !sl.case.iter().any(|&c| tr.form_is(c, &["according"]) || tr.lemma_is(c, ADJUNCT_PREPS))
            && !is_date_part(tr, sl.part.head)
            && (matches!(tr.upos(sl.part.head), "NOUN" | "PROPN" | "NUM" | "PRON") || quality::judged_gerund(tr, sl.part.head))
            // `for some reason`, `in any case`: an indefinite adjunct, not what the adjective is about
            && !tr.kids(sl.part.head).any(|k| tr.base(k) == "det" && tr.lemma_is(k, &["some", "any", "whatever", "whichever"]))
    })?;
    Some((ci, oi))
}

/// Whether participle `v` is passive by its own words (a passive auxiliary or subject, no active
/// subject): the clause's passive flag may come from a governing clause (`is alleged to have had`).
fn own_passive(tr: &Tree, v: usize) -> bool {
    tr.kids(v).any(|k| matches!(tr.rel(k), "aux:pass" | "nsubj:pass")) && !tr.kids(v).any(|k| tr.rel(k) == "nsubj")
}

/// Whether past participle `v` is passive beyond doubt: by its own words (`was signed in`), as
/// the participle modifying a noun (`a treaty signed in 2015`), as the participle that opens the
/// sentence before its main clause (`Founded in 1990, the firm …`: the firm was founded), or
/// coordinated with such a participle (`was owned and registered in`).
fn plainly_passive(tr: &Tree, v: usize) -> bool {
    if tr.t[v].xpos != "VBN" {
        return false;
    }
    let h = tr.head[v];
    own_passive(tr, v)
        || (tr.base(v) == "acl" && !tr.kids(v).any(|k| tr.base(k) == "nsubj"))
        || (tr.base(v) == "advcl" && h < tr.len() && h > v && !tr.kids(v).any(|k| matches!(tr.base(k), "nsubj" | "aux")))
        || (tr.base(v) == "conj" && h < tr.len() && tr.t[h].xpos == "VBN" && own_passive(tr, h))
}

/// Whether the clause's passive flag holds for its verb `v`: a past participle only when it is
/// itself passive ([`passive_participle`]), a finite verb never (`was briefed, and flew to`), an
/// infinitive or `-ing` form always, since it takes the voice of the verb above it (`was
/// scheduled to remain at`).
fn keeps_passive_flag(tr: &Tree, v: usize) -> bool {
    match tr.t[v].xpos.as_str() {
        "VBN" => passive_participle(tr, v),
        "VBD" | "VBP" | "VBZ" => false,
        _ => true,
    }
}

/// Verbs whose passive over an infinitive is a flag of the act, not something the subject
/// underwent (`was scheduled to`, `is expected to`, `is meant to`, `is said to`): the plan or
/// report heads the clause rules turn into `planned` or `reported`.
fn flagging_passive_head(tr: &Tree, h: usize) -> bool {
    tr.lemma_is(h, lexicon::PLANNED_HEADS) || tr.lemma_is(h, lexicon::REPORTED_HEADS) || tr.lemma_is(h, lexicon::INTENT_PASSIVES)
}

/// Whether the passive of the clause of infinitive `v` is only that of a plan or report verb
/// above it (`was scheduled to remain at`, `is said to live in`): the infinitive is active and the
/// passive verb is already the fact's flag, so the key is the act's own (`remain at`, planned);
/// kept passive it read `be scheduled to remain at`, a chain no other fact of the act matches.
fn passive_only_above(tr: &Tree, v: usize) -> bool {
    let mut x = v;
    for _ in 0..4 {
        let h = tr.head[x];
        if tr.t[x].xpos != "VB" || tr.base(x) != "xcomp" || h == NONE {
            return false;
        }
        if own_passive(tr, h) {
            return flagging_passive_head(tr, h);
        }
        x = h;
    }
    false
}

/// Whether past participle `v` is itself passive: a past participle that is passive by its
/// own words, or has no subject or perfect `have` of its own (`a script written in Python`), or
/// is coordinated with a passive participle (`was arrested and charged with`). A participle in
/// the active voice (`had crashed into`, `the firm hired`) is not.
fn passive_participle(tr: &Tree, v: usize) -> bool {
    if own_passive(tr, v) {
        return true;
    }
    if tr.kids(v).any(|k| tr.base(k) == "nsubj" || (tr.base(k) == "aux" && tr.lemma_is(k, &["have"]))) {
        return false;
    }
    let h = tr.head[v];
    tr.base(v) != "conj" || (h < tr.len() && tr.t[h].xpos == "VBN" && !tr.kids(h).any(|k| tr.base(k) == "nsubj" && tr.rel(k) != "nsubj:pass"))
}

/// `was scheduled for October 19`, `was postponed until May`: the date an agentless passive
/// sets something for is what the clause is about, not when it happened.
/// (A span of time is no such date: `was treated for several weeks` says how long.)
fn target_date(tr: &Tree, p: &Prop, has_agent: bool, sl: &rules::Slot) -> bool {
    p.passive
        && !has_agent
        && sl.case.iter().any(|&c| tr.lemma_is(c, &["for", "to", "until", "till"]))
        && !(time_span(tr, sl.part.head) && sl.case.iter().any(|&c| tr.lemma_is(c, &["for"])))
}

/// The prepositional object of a predicative adjective after a full verb (`tested positive
/// [for the virus]`, `pleaded guilty [to the charges]`), as a slot of the clause; the adjective
/// must be the clause's complement and the oblique its own dependent. A date the parser hung on the
/// adjective first (`pleaded not guilty on Monday to two counts`) is when, not what: the next
/// oblique is the object.
fn adjective_oblique(tr: &Tree, ment: &[Option<(usize, usize)>], p: &Prop) -> Option<rules::Slot> {
    let adj = p.slots.iter().find(|sl| sl.kind == Kind::Comp && sl.part.head < tr.len() && tr.upos(sl.part.head) == "ADJ")?.part.head;
    let o = tr
        .kids(adj)
        .find(|&k| k > adj && tr.base(k) == "obl" && tr.kids(k).any(|c| c < k && tr.base(c) == "case") && !is_date_part(tr, k))?;
    let mut case: Vec<usize> = Vec::new();
    for x in tr.kids(o) {
        if tr.base(x) == "case" && x < o {
            case.push(x);
            case.extend(tr.kids(x).filter(|&f| tr.base(f) == "fixed"));
        }
    }
    case.sort_unstable();
    let r = Rules { tr, ment, kind: &[] };
    Some(rules::Slot { kind: Kind::Obl, part: r.np(o, true), case })
}

/// The oblique an object-less event is about: a place (`in`, `near`, `at` + a place name) before a
/// date (`on Monday`, `in 2019`); none when the clause has a clausal complement. A date with no
/// preposition fronted before the predicate (`Early on Wednesday morning, a guard was killed`)
/// sets the scene of the whole sentence, never what the event was about: `kill – Wednesday
/// morning` would read as a thing; the event stays object-less with the date as its qualifier.
fn circumstance_slot(tr: &Tree, ment: &[Option<(usize, usize)>], mentions: &[Mention], slots: &[&rules::Slot], pred: usize) -> Option<usize> {
    if slots.iter().any(|sl| sl.kind == Kind::Clause) {
        return None;
    }
    let obl = |sl: &&rules::Slot| sl.kind == Kind::Obl && !sl.case.iter().any(|&c| tr.form_is(c, &["according"]));
    slots
        .iter()
        .position(|sl| obl(sl) && is_place(tr, ment, mentions, &sl.case, sl.part.head))
        .or_else(|| slots.iter().position(|sl| obl(sl) && (!sl.case.is_empty() || sl.part.head > pred || !is_time_phrase(tr, sl.part.head)) && is_date_part(tr, sl.part.head)))
}

/// `left nine dead`, `left 200 people homeless`: the verb `leave` with a casualty state
/// ([`lexicon::CASUALTY_STATES`]) as the predicative adjective `x` of its object.
pub(super) fn casualty_state(tr: &Tree, v: usize, x: usize) -> bool {
    tr.lemma_is(v, &["leave"]) && tr.upos(x) == "ADJ" && tr.lemma_is(x, lexicon::CASUALTY_STATES) && tr.kids(v).any(|k| tr.base(k) == "obj" && k < x)
}

/// Reflexive pronouns.
pub(crate) const REFLEXIVES: &[&str] = &["himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself", "yourselves", "themself"];

/// Verbs whose object undergoes what the oblique names (the sentence, the charge, the place the
/// object is taken to), with that oblique's prepositions: general English, closed class.
const FATE_VERBS: &[(&str, &[&str])] = &[
    ("sentence", &["to"]),
    ("charge", &["with"]),
    ("convict", &["of"]),
    ("acquit", &["of"]),
    ("accuse", &["of"]),
    ("indict", &["on", "for"]),
    ("jail", &["for"]),
    ("extradite", &["to"]),
    ("deport", &["to"]),
    ("induct", &["into"]),
    ("elect", &["to"]),
    ("appoint", &["to"]),
    ("airlift", &["to"]),
    ("transfer", &["to"]),
    ("admit", &["to"]),
    ("expel", &["from"]),
];

/// The verb and its oblique when the verb's object undergoes what the oblique names
/// ([`FATE_VERBS`]): a past form (the participle reads the same), a prepositional oblique of the
/// verb itself that is no date or time (a counted span is a term, `to four years`).
fn fate_oblique<'s>(tr: &Tree, verb_tok: Option<usize>, slots: &[&'s rules::Slot]) -> Option<(usize, &'s rules::Slot)> {
    let v = verb_tok?;
    if !matches!(tr.t[v].xpos.as_str(), "VBD" | "VBN") {
        return None;
    }
    let (_, preps) = FATE_VERBS.iter().find(|(l, _)| tr.lemma_is(v, &[l]))?;
    let sl = slots.iter().copied().find(|sl| {
        sl.kind == Kind::Obl
            && sl.part.head > v
            && sl.part.head < tr.len()
            && tr.head[sl.part.head] == v
            && sl.case.len() == 1
            && tr.lemma_is(sl.case[0], preps)
            // (a counted span is a term: `sentenced to four years`)
            && (tr.kids(sl.part.head).any(|k| tr.base(k) == "nummod") || !(is_date_part(tr, sl.part.head) || is_time_phrase(tr, sl.part.head)))
    })?;
    Some((v, sl))
}

/// The predicative adjective of an agentless passive with no object (`was pronounced dead`, `was
/// found dead`, `was reported missing`), as a slot index: an adjective with no preposition of its
/// own (that reading is [`adjective_complement`]'s).
fn result_adjective(tr: &Tree, p: &Prop, has_agent: bool, copular: bool, slots: &[&rules::Slot]) -> Option<usize> {
    if !p.passive || has_agent || copular || slots.iter().any(|sl| matches!(sl.kind, Kind::Obj | Kind::Iobj)) {
        return None;
    }
    slots.iter().position(|sl| {
        sl.kind == Kind::Comp
            && sl.part.head < tr.len()
            && tr.upos(sl.part.head) == "ADJ"
            && !tr.kids(sl.part.head).any(|k| matches!(tr.base(k), "obl" | "case" | "det" | "ccomp" | "xcomp" | "nsubj"))
    })
}

/// The end of a route that the parser hung inside its start (`from the town of Brelk in Norvia
/// to Tarn`): the first name under the `from` phrase with `to`, `into` or `towards` as its only
/// preposition, after the start, that is no date or time.
fn nested_route_end(tr: &Tree, ment: &[Option<(usize, usize)>], mentions: &[Mention], from: usize) -> Option<rules::Slot> {
    let d = (from + 1..tr.len()).find(|&d| {
        let case: Vec<usize> = tr.kids(d).filter(|&c| c < d && tr.base(c) == "case").collect();
        tr.base(d) == "nmod"
            && tr.ancestor_of(from, d)
            && case.len() == 1
            && tr.lemma_is(case[0], &["to", "into", "toward", "towards"])
            && (tr.upos(d) == "PROPN" || is_place(tr, ment, mentions, &case, d))
            && !is_date_part(tr, d)
            && !is_time_phrase(tr, d)
    })?;
    let case: Vec<usize> = tr.kids(d).filter(|&c| c < d && tr.base(c) == "case").collect();
    let r = Rules { tr, ment, kind: &[] };
    Some(rules::Slot { kind: Kind::Obl, part: r.np(d, true), case })
}

/// A clock time (`4am`, `3 a.m.`, `10:15`, `at 4am local time`): when, never what.
fn clock_time(tr: &Tree, h: usize) -> bool {
    let clock_form = |x: usize| {
        let f = tr.form(x).to_lowercase();
        let digits = f.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
        let suffix = &f[digits.len()..];
        !digits.is_empty()
            && digits.chars().next().is_some_and(|c| c.is_ascii_digit())
            && digits.chars().all(|c| c.is_ascii_digit() || c == ':' || c == '.')
            && (matches!(suffix, "am" | "pm" | "a.m." | "p.m." | "a.m" | "p.m") || (suffix.is_empty() && digits.contains(':')))
    };
    let meridiem = |x: usize| tr.form_is(x, &["am", "pm", "a.m.", "p.m.", "a.m", "p.m"]) || tr.lemma_is(x, &["a.m.", "p.m."]);
    clock_form(h)
        || (tr.upos(h) == "NUM" && tr.kids(h).any(|k| meridiem(k)))
        // `4am local time`: the clock time hangs on `time`
        || (tr.lemma_is(h, &["time"]) && tr.kids(h).any(|k| k < h && (clock_form(k) || (tr.upos(k) == "NUM" && tr.kids(k).any(|m| meridiem(m))))))
}

/// `for several weeks`, `for years`: a vague span of time (a plural time noun with no number),
/// how long, not the date a passive sets something for (a counted one may be a term set:
/// `sentenced to two months`, `called for 20 years`).
fn time_span(tr: &Tree, h: usize) -> bool {
    const SPANS: &[&str] = &["second", "minute", "hour", "day", "week", "month", "year", "decade"];
    tr.lemma_is(h, SPANS) && tr.t[h].xpos == "NNS" && !tr.kids(h).any(|k| tr.base(k) == "nummod")
}

pub(super) fn t_object_missing(o: &Option<Argument>) -> bool {
    o.is_none()
}

/// `X – a tax raised …`: a common noun with an indefinite article placed in apposition
/// (by `appos`, or after a dash) refers to the main clause's object before it.
pub(super) fn appositive_referent(s: &Sentence, tr: &Tree, n: usize) -> Option<Argument> {
    if n >= tr.len() || tr.upos(n) != "NOUN" || !tr.kids(n).any(|k| tr.base(k) == "det" && tr.lemma_is(k, &["a", "an"])) {
        return None;
    }
    let r = Rules { tr, ment: &[], kind: &[] };
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

/// A bare time phrase (`yesterday`, `Friday morning`, `last night`): a date, or a time word
/// with nothing that makes it a thing of its own (`a day of mourning`, `a year`).
fn is_time_phrase(tr: &Tree, h: usize) -> bool {
    // (a relative clause does not count: it is often the report itself, cut by the parser)
    let own_thing =
        tr.kids(h).any(|k| tr.base(k) == "nmod" || tr.rel(k) == "acl" || (tr.base(k) == "det" && tr.lemma_is(k, &["a", "an"])));
    !own_thing && (is_date_part(tr, h) || (tr.lemma_is(h, lexicon::TIME_WORDS) && !tr.in_person_name(h)))
}

pub(super) fn is_date_part(tr: &Tree, h: usize) -> bool {
    let r = Rules { tr, ment: &[], kind: &[] };
    r.is_date(h)
}

/// `the region's largest exporter of copper` → (`the largest exporter of`, copper);
/// `one of the Andes' largest mines` → (`one of the largest mines of`, Andes).
pub(super) fn split_predicate_noun(s: &Sentence, tr: &Tree, n: usize) -> Option<(String, Argument, RelationKey)> {
    // `X is part of the Ostland region`: when the quantifier reading finds no group inside the
    // `of` phrase (`part of the country's largest network`), `part` relates the subject to the
    // whole it belongs to (`be part of` – Ostland region), as a relational noun would
    // A part or a member is no quantity of what the `of` phrase names (`part of the Tarn Union's
    // crew` is no crew, `a member of the select committee` no committee): the subject belongs to
    // that whole, `be part of` / `be member of` it, group or not
    if tr.lemma_is(n, WHOLE_NOUNS) {
        return split_noun_reading(s, tr, n, false).or_else(|| split_noun_reading(s, tr, n, true));
    }
    split_noun_reading(s, tr, n, true)
}

/// Nouns that relate a subject to a whole it belongs to (general English, closed class).
const WHOLE_NOUNS: &[&str] = &["part", "member"];

fn split_noun_reading(s: &Sentence, tr: &Tree, mut n: usize, quantifier: bool) -> Option<(String, Argument, RelationKey)> {
    let mut words: Vec<String> = Vec::new();
    let mut poss_override = None;
    if quantifier && tr.lemma_is(n, QUANTIFIER_NOUNS) {
        let ms: Vec<usize> = tr.kids(n).filter(|&k| tr.base(k) == "nmod" && k > n).collect();
        let m = ms.iter().copied().find(|&k| tr.upos(k) == "NOUN").or_else(|| {
            ms.iter()
                .copied()
                .find(|&k| tr.kids(k).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &["of"])))
        })?;
        // `one of the Andes' largest mines` with the possessor attached as a sibling
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
    let r = Rules { tr, ment: &[], kind: &[] };
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
        // `a lawyer with a reputation` describes the subject, it relates nothing
        // (and `candidate in the election`: a contender's `in` names the contest)
        if !tr.lemma_is(c, RELATIONAL_PREPS) && !(tr.lemma_is(c, &["in"]) && tr.lemma_is(n, CONTENDER_NOUNS)) {
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

#[cfg(test)]
mod tests;
