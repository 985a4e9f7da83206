//! Parse repairs of coordination (numbered with the others in [`super::repair`]).
//!
//! 30. `stranded-conjunct`: `Vell as well as Tarrow were fined` (or `the court fined Vell as
//!     well as Tarrow`) with the coordinator hung on the verb and the second conjunct read as a
//!     second subject (or as a bare oblique beside the object): a verb has one subject, and a
//!     noun with no preposition after a coordinator is no oblique, so the second nominal becomes
//!     a conjunct of the first and the coordinator its `cc`.
//! 31. `appos-conjunct`: `Vell, a judge in Tarn, and Tarrow were fined` with `Tarrow` read as a
//!     conjunct of the apposition (`judge`): the plural verb says the subject is the pair, so the
//!     conjunct moves to the subject.
//! 32. `person-pair`: `Vell of the Tarn Institute and Tarrow of Brelt Tours` with `Tarrow` read as
//!     a conjunct of the institute: a person's name coordinated with the organisation or place a
//!     person is `of` (or `from`, `at`) is that person's fellow, so it joins the person.
//! 41. `indefinite-conjunct`: `Marsh, a Senator from Tarn, won the vote` with the capitalised
//!     role read as a comma conjunct of the name: a conjunct with an indefinite article in a
//!     coordination that has no `and`/`or` anywhere is the name's apposition.
//! 52. `shared-head`: `nests in both the inner and outer wall`, `iron and copper salts`, with the first modifier read as the head noun and the phrase after the coordinator
//!     as its conjunct: a bare singular word, coordinated with a modifier of the same kind that
//!     opens the second phrase, modifies that phrase's head too. The head takes the first word's
//!     place; the first word becomes its modifier and the second modifier that word's conjunct.
//! 67. `infinitive-conjunct`: `urged farmers not to burn the fields but rather to plough them`
//!     with the second `to`-infinitive read as a conjunct of the finite verb (`urged`), so the
//!     urger would plough: a subjectless `to`-infinitive coordinates with the infinitive before it
//!     (the verb's `xcomp`/`advcl`, or the `acl` the parser hung on its object), not with a
//!     finite verb, so it becomes that infinitive's conjunct and shares its subject and flags.
//! 76. `object-conjunct-clause`: `The army defeated the rebels and Norvia would move north` with
//!     the object and the next clause's subject read as one coordinated subject of the second verb
//!     (the clause hung on the first verb), so `the rebels` moved north and the first verb had no
//!     object: when the coordinated subject opens right after a verb with no object that takes no
//!     clause ([`CLAUSE_TAKING`] and the reporting, perceiving and deciding verbs of
//!     `repair_report`) and its last conjunct runs straight into the second verb's auxiliaries,
//!     the first conjunct is the first verb's object, the last the second verb's subject, and the
//!     second verb that verb's conjunct.
//! 78. `oblique-conjunct-clause`: `The appeal was heard in court, and the Tarn High Court ruled
//!     Vell had lost` with the next clause's subject read as a conjunct of the first verb's
//!     oblique (or object) and the second verb left without a subject, so the appeal was heard
//!     in the High Court: a second conjunct opened by `, and` that runs straight into a finite
//!     verb of the same clause with no subject of its own is that verb's subject, and the verb
//!     the first verb's conjunct. Only a pair: a list (`in Tarn, Vell, and Brelk`) is kept.


use super::repair::{base, heads, is_ancestor, set_head};
use crate::document::Token;

/// Repair 41.
pub(super) fn indefinite_conjunct(t: &mut Vec<Token>) -> bool {
    let h = heads(t);
    let n = t.len();
    let mut changed = false;
    for c in 1..n {
        let a = h[c];
        if a == usize::MAX || a >= c || t[c].deprel != "conj" || !matches!(t[a].upos.as_str(), "PROPN" | "NOUN") {
            continue;
        }
        let indefinite = (0..c).any(|k| h[k] == c && t[k].deprel == "det" && matches!(t[k].form.to_lowercase().as_str(), "a" | "an"));
        // the conjunct's first word (its own comma included) follows a comma
        let first = (0..c).find(|&k| h[k] == c).unwrap_or(c);
        let after_comma = t[first].form == "," || (first > 0 && t[first - 1].form == ",");
        if !indefinite || !after_comma {
            continue;
        }
        // no coordinator in the whole coordination: on the first conjunct or on any of its conjuncts
        let coordinated = (0..n).any(|k| base(&t[k].deprel) == "cc" && (h[k] == a || (h[k] != usize::MAX && h[h[k]] == a && t[h[k]].deprel == "conj")));
        if !coordinated {
            t[c].deprel = "appos".to_owned();
            changed = true;
        }
    }
    changed
}

/// Repair 52.
pub(super) fn shared_head(t: &mut Vec<Token>) -> bool {
    let mut changed = false;
    let n = t.len();
    for y in 3..n {
        let h = heads(t);
        let x = h[y];
        // `x and z … y`: the coordinator right after x, y's modifier z right after it
        if x == usize::MAX || x + 3 > y || t[y].deprel != "conj" || t[y].upos != "NOUN" {
            continue;
        }
        let (cc, z) = (x + 1, x + 2);
        if h[cc] != y || base(&t[cc].deprel) != "cc" || !matches!(t[cc].form.to_lowercase().as_str(), "and" | "or") {
            continue;
        }
        if h[z] != y || !matches!(t[z].deprel.as_str(), "amod" | "compound") || !((z + 1)..y).all(|k| h[k] == y) {
            continue;
        }
        // x is one bare lowercase word: nothing of its own but a preposition, a determiner or `both`
        let bare = (0..n).all(|k| h[k] != x || k == y || k == cc || (k < x && matches!(base(&t[k].deprel), "det" | "cc" | "case")));
        let lower = t[x].form.chars().all(|c| c.is_lowercase() || c == '-');
        // of the same kind as z: both adjectives or both singular nouns (`the house and twisted
        // engine parts` is a list)
        let kind = |k: &Token| if k.upos == "ADJ" || k.xpos.starts_with("JJ") { "ADJ" } else if k.upos == "NOUN" && k.xpos != "NNS" { "NOUN" } else { "" };
        let same = !kind(&t[x]).is_empty() && kind(&t[x]) == kind(&t[z]) || (t[z].upos == "ADJ" && is_comparative_place_word(&t[x].form));
        if !bare || !lower || !same {
            continue;
        }
        let (xh, xrel) = (h[x], t[x].deprel.clone());
        set_head(t, y, xh, &xrel);
        for k in 0..x {
            if h[k] == x {
                let rel = t[k].deprel.clone();
                set_head(t, k, y, &rel);
            }
        }
        let zrel = t[z].deprel.clone();
        set_head(t, x, y, &zrel);
        set_head(t, z, x, "conj");
        set_head(t, cc, z, "cc");
        changed = true;
    }
    changed
}

/// Adjectives of position the tagger often reads as nouns when their noun is shared (`the inner
/// and outer walls`). General English, closed class.
fn is_comparative_place_word(w: &str) -> bool {
    matches!(w.to_lowercase().as_str(), "lower" | "upper" | "inner" | "outer" | "northern" | "southern" | "eastern" | "western" | "front" | "rear" | "left" | "right" | "middle")
}

fn is_nominal(t: &Token) -> bool {
    matches!(t.upos.as_str(), "NOUN" | "PROPN" | "PRON" | "NUM")
}

fn is_subject(rel: &str) -> bool {
    matches!(rel, "nsubj" | "nsubj:pass")
}

/// The child of `v` whose subtree holds `j` (`j` itself when it is a child).
fn child_of_holding(h: &[usize], v: usize, mut j: usize) -> Option<usize> {
    for _ in 0..=h.len() {
        let up = *h.get(j)?;
        if up == v {
            return Some(j);
        }
        if up == usize::MAX {
            return None;
        }
        j = up;
    }
    None
}

/// When the words before the coordinator end a list inside the first conjunct (`envoys from
/// Norvia, Latvia(,) and Estonia`, the list's items hung as conjuncts or appositions of its
/// first), the list's first item: the stranded nominal is the list's last item, not a
/// conjunct of the whole phrase.
fn list_in_progress(t: &[Token], h: &[usize], x: usize, c: usize) -> Option<usize> {
    let p = (x + 1..c).rev().find(|&k| t[k].upos != "PUNCT")?;
    let mut top = p;
    while matches!(t[top].deprel.as_str(), "conj" | "appos") && h[top] != usize::MAX && h[top] != x {
        top = h[top];
    }
    (top != p && super::repair::is_ancestor(h, x, top) && top != x).then_some(top)
}

/// Repair 30.
pub(super) fn stranded_conjunct(t: &mut Vec<Token>) -> bool {
    let mut changed = false;
    let n = t.len();
    for c in 0..n {
        let h = heads(t);
        if h[c] == usize::MAX || base(&t[c].deprel) != "cc" {
            continue;
        }
        // the coordinator's own words (`as well as`: `well` and `as` are its `fixed` parts)
        let mut first = c + 1;
        while first < n && h[first] == c && t[first].deprel == "fixed" {
            first += 1;
        }
        // hung on the verb itself, or on the second nominal hung on the verb
        let (v, y) = if matches!(t[h[c]].upos.as_str(), "VERB" | "AUX") {
            let v = h[c];
            if first >= n || first == v {
                continue;
            }
            let Some(y) = child_of_holding(&h, v, first) else { continue };
            (v, y)
        } else {
            let y = h[c];
            let v = h[y];
            if y < first || v == usize::MAX || !matches!(t[v].upos.as_str(), "VERB" | "AUX") {
                continue;
            }
            (v, y)
        };
        let yrel = t[y].deprel.clone();
        let has_case = (0..n).any(|k| h[k] == y && base(&t[k].deprel) == "case");
        // a second subject either way; a bare oblique only when the coordinator was stranded on the verb
        let stranded = h[c] == v;
        if y < first || !is_nominal(&t[y]) || !(is_subject(&yrel) || (stranded && base(&yrel) == "obl" && !has_case && y > v)) {
            continue;
        }
        // the first conjunct: the nearest nominal of the verb before the coordinator in the
        // same slot (a second subject; or the object a bare noun is coordinated with)
        let x = (0..c).rev().find(|&k| {
            h[k] == v
                && is_nominal(&t[k])
                && if is_subject(&yrel) { is_subject(&t[k].deprel) } else { base(&t[k].deprel) == "obj" && k > v }
        });
        let Some(x) = x else { continue };
        // nothing of another phrase between the two: only the first conjunct's words,
        // punctuation and the coordinator
        // (no clause inside it either: a verb there means the parser has lost the clauses'
        // seams, and the second nominal is more likely another clause's subject)
        let clean = (x + 1..c).all(|k| t[k].upos == "PUNCT" || (super::repair::is_ancestor(&h, x, k) && !matches!(t[k].upos.as_str(), "VERB" | "AUX")));
        if !clean {
            continue;
        }
        let joins = list_in_progress(t, &h, x, c).unwrap_or(x);
        set_head(t, y, joins, "conj");
        set_head(t, c, y, "cc");
        // a comma in front of the coordinator goes with the conjunct
        if c > 0 && h[c - 1] == v && t[c - 1].form == "," {
            set_head(t, c - 1, y, "punct");
        }
        changed = true;
    }
    changed
}

/// Whether the clause headed by `v` has a plural finite verb: `were`, `are`, `have` or a
/// present-tense plural form (VBP), on the verb or its auxiliaries.
fn plural_verb(t: &[Token], h: &[usize], v: usize) -> bool {
    let plural = |k: usize| matches!(t[k].form.to_lowercase().as_str(), "were" | "are" | "have") || t[k].xpos == "VBP";
    plural(v) || (0..t.len()).any(|k| h[k] == v && matches!(base(&t[k].deprel), "aux" | "cop") && plural(k))
}

/// Repair 31.
pub(super) fn appos_conjunct(t: &mut Vec<Token>) -> bool {
    let mut changed = false;
    let n = t.len();
    for y in 0..n {
        let h = heads(t);
        let a = h[y];
        if a == usize::MAX || t[y].deprel != "conj" || t[a].deprel != "appos" || !is_nominal(&t[y]) {
            continue;
        }
        let s = h[a];
        if s == usize::MAX || !is_subject(&t[s].deprel) || !matches!(t[s].xpos.as_str(), "NN" | "NNP") {
            continue;
        }
        let v = h[s];
        // the subject must be one thing on its own (no conjunct of its own) and the verb plural
        let has_cc = (0..y).any(|k| h[k] == y && base(&t[k].deprel) == "cc");
        let own_conj = (0..n).any(|k| h[k] == s && t[k].deprel == "conj");
        if v == usize::MAX || !has_cc || own_conj || !plural_verb(t, &h, v) {
            continue;
        }
        set_head(t, y, s, "conj");
        changed = true;
    }
    changed
}

fn entity_class(t: &Token) -> &str {
    t.ner.get(2..).unwrap_or("")
}

/// Repair 32.
pub(super) fn person_pair(t: &mut Vec<Token>) -> bool {
    let mut changed = false;
    let n = t.len();
    for y in 0..n {
        let h = heads(t);
        let o = h[y];
        if o == usize::MAX || o > y || t[y].deprel != "conj" || t[y].ner != "B-PER" || !matches!(entity_class(&t[o]), "ORG" | "LOC") {
            continue;
        }
        // up the chain of names the person is `of` (`of the School of X at the University of Y`)
        let mut top = o;
        while h[top] != usize::MAX && base(&t[top].deprel) == "nmod" && matches!(entity_class(&t[h[top]]), "ORG" | "LOC") && h[top] < top {
            top = h[top];
        }
        let p = h[top];
        let marked = (0..top).any(|k| h[k] == top && base(&t[k].deprel) == "case" && matches!(t[k].lemma.as_str(), "of" | "from" | "at"));
        if p == usize::MAX || p > top || base(&t[top].deprel) != "nmod" || !marked || entity_class(&t[p]) != "PER" {
            continue;
        }
        set_head(t, y, p, "conj");
        // what follows the name and hung on the organisation is the name's (`Tarrow of Brelt Tours`)
        for k in y + 1..n {
            if h[k] == o && base(&t[k].deprel) == "nmod" && (0..k).any(|c| h[c] == k && base(&t[c].deprel) == "case") {
                set_head(t, k, y, "nmod");
            }
        }
        changed = true;
    }
    changed
}

/// Repair 67.
pub(super) fn infinitive_conjunct(t: &mut Vec<Token>) -> bool {
    let n = t.len();
    let mut changed = false;
    for x in 1..n {
        let h = heads(t);
        let g = h[x];
        if g == usize::MAX || g >= x || t[x].deprel != "conj" || t[x].upos != "VERB" {
            continue;
        }
        let hr = &h;
        let kids = move |v: usize| (0..n).filter(move |&k| hr[k] == v);
        let to_mark = |v: usize| kids(v).any(|k| k < v && base(&t[k].deprel) == "mark" && t[k].form.eq_ignore_ascii_case("to"));
        let subject = |v: usize| kids(v).any(|k| base(&t[k].deprel).starts_with("nsubj") || base(&t[k].deprel) == "csubj");
        // x: a subjectless `to`-infinitive; g: a finite verb (a tense, or an auxiliary), no
        // infinitive itself (`never asked to carry anything, to be a lead`: a bare participle's
        // infinitives may all be its own)
        let finite = matches!(t[g].xpos.as_str(), "VBD" | "VBZ" | "VBP") || kids(g).any(|k| base(&t[k].deprel) == "aux");
        if !to_mark(x) || subject(x) || to_mark(g) || t[g].upos != "VERB" || !finite {
            continue;
        }
        // the infinitive before x: on the verb, or on the verb's object
        let on_verb = kids(g).filter(|&y| y < x && matches!(t[y].deprel.as_str(), "xcomp" | "advcl"));
        let on_object = kids(g).filter(|&o| o < x && base(&t[o].deprel) == "obj").flat_map(|o| kids(o).filter(|&y| y < x && t[y].deprel == "acl"));
        let Some(y) = on_verb.chain(on_object).filter(|&y| t[y].upos == "VERB" && to_mark(y) && !subject(y)).last() else {
            continue;
        };
        set_head(t, x, y, "conj");
        changed = true;
    }
    changed
}

/// Verbs that take a finite clause without `that` (`knew the plan had failed`, `hoped the talks
/// would go on`) besides those [`super::repair_report`] already lists (reporting, perceiving,
/// deciding and expecting): after any of them a noun followed by a verb may open their clause.
/// General English, closed class (wishing, asking, causing, judging).
const CLAUSE_TAKING: &[&str] = &[
    "mean", "ensure", "imagine", "see", "wish", "pray", "guarantee", "ask", "demand", "propose", "recommend", "require", "order",
    "judge", "consider", "presume", "suppose", "bet", "figure", "sense", "trust", "make", "let", "have", "help", "be", "get",
];

/// Repair 76.
pub(super) fn object_conjunct_clause(t: &mut Vec<Token>) -> bool {
    let n = t.len();
    let mut changed = false;
    for v in 0..n {
        let h = heads(t);
        let g = h[v];
        if t[v].upos != "VERB" || g == usize::MAX || g > v || t[g].upos != "VERB" || !matches!(base(&t[v].deprel), "ccomp" | "conj" | "advcl" | "parataxis") {
            continue;
        }
        let lemma = t[g].lemma.to_lowercase();
        if super::repair_report::takes_bare_clause(&lemma) || CLAUSE_TAKING.contains(&lemma.as_str()) {
            continue;
        }
        if (0..n).any(|k| k != v && h[k] == g && matches!(base(&t[k].deprel), "obj" | "iobj" | "ccomp" | "xcomp")) {
            continue;
        }
        let Some(x) = (0..v).find(|&k| h[k] == v && matches!(t[k].deprel.as_str(), "nsubj" | "nsubj:pass")) else { continue };
        if !matches!(t[x].upos.as_str(), "NOUN" | "PROPN") {
            continue;
        }
        // the subject's phrase opens right after the first verb
        let first = (0..=x).find(|&k| is_ancestor(&h, x, k)).unwrap_or(x);
        if first != g + 1 {
            continue;
        }
        // its last conjunct, with a coordinator, runs straight into the second verb's auxiliaries
        let Some(y) = (x + 1..v).rev().find(|&k| h[k] == x && base(&t[k].deprel) == "conj") else { continue };
        let Some(cc) = (x + 1..y).find(|&k| h[k] == y && base(&t[k].deprel) == "cc") else { continue };
        let last = (y..v).filter(|&k| is_ancestor(&h, y, k)).max().unwrap_or(y);
        if !(last + 1..v).all(|k| h[k] == v && matches!(base(&t[k].deprel), "aux" | "advmod")) || t[last].upos == "PUNCT" {
            continue;
        }
        let passive = (0..n).any(|k| h[k] == v && t[k].deprel == "aux:pass");
        set_head(t, x, g, "obj");
        set_head(t, y, v, if passive { "nsubj:pass" } else { "nsubj" });
        set_head(t, cc, v, "cc");
        set_head(t, v, g, "conj");
        changed = true;
    }
    changed
}

/// Repair 78.
pub(super) fn oblique_conjunct_clause(t: &mut Vec<Token>) -> bool {
    let n = t.len();
    let mut changed = false;
    for y in 1..n {
        let h = heads(t);
        let x = h[y];
        if x == usize::MAX || x > y || base(&t[y].deprel) != "conj" || !matches!(t[y].upos.as_str(), "NOUN" | "PROPN") {
            continue;
        }
        let g = h[x];
        if g == usize::MAX || t[g].upos != "VERB" || !matches!(base(&t[x].deprel), "obl" | "obj") {
            continue;
        }
        if (0..n).any(|k| k != y && h[k] == x && base(&t[k].deprel) == "conj") {
            continue;
        }
        let Some(cc) = opened_by_comma_and(t, &h, x, y) else { continue };
        let Some(v) = subjectless_verb_after(t, &h, y, g) else { continue };
        let passive = (0..n).any(|k| h[k] == v && t[k].deprel == "aux:pass");
        set_head(t, y, v, if passive { "nsubj:pass" } else { "nsubj" });
        set_head(t, cc, v, "cc");
        set_head(t, cc - 1, v, "punct");
        set_head(t, v, g, "conj");
        changed = true;
    }
    changed
}

/// The coordinator of conjunct `y` when a comma stands right before it (`…, and the court`): a
/// clause boundary more than a list's.
fn opened_by_comma_and(t: &[Token], h: &[usize], x: usize, y: usize) -> Option<usize> {
    let cc = (x + 1..y).find(|&k| h[k] == y && base(&t[k].deprel) == "cc" && t[k].upos == "CCONJ")?;
    (cc > x + 1 && t[cc - 1].form == ",").then_some(cc)
}

/// The finite verb that follows the phrase of `y` at once (past its adverbs and auxiliaries),
/// hangs on `g` and has no subject of its own: a clause waiting for the noun before it.
fn subjectless_verb_after(t: &[Token], h: &[usize], y: usize, g: usize) -> Option<usize> {
    let n = t.len();
    let last = (y..n).filter(|&k| is_ancestor(h, y, k)).max().unwrap_or(y);
    let v = (last + 1..n).find(|&k| !(matches!(base(&t[k].deprel), "aux" | "advmod") && t[k].upos != "VERB"))?;
    let between_on_v = (last + 1..v).all(|k| h[k] == v);
    let subject = (0..n).any(|k| h[k] == v && matches!(base(&t[k].deprel), "nsubj" | "csubj" | "expl"));
    (between_on_v && h[v] == g && !subject && matches!(base(&t[v].deprel), "advcl" | "conj" | "parataxis" | "ccomp") && (super::repair::finite_clause(t, h, v) || past_with_clause(t, h, v))).then_some(v)
}

/// A past form tagged a participle, with no auxiliary, that takes a clause of its own (`ruled
/// Vell had lost`): a finite past verb; a participle modifying a noun takes no such clause.
fn past_with_clause(t: &[Token], h: &[usize], v: usize) -> bool {
    let kids = || (0..t.len()).filter(move |&k| h[k] == v);
    t[v].xpos == "VBN" && !kids().any(|k| base(&t[k].deprel) == "aux") && kids().any(|k| t[k].deprel == "ccomp")
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_oblique_is_no_conjunct_of_the_next_clauses_subject() {
        // `The appeal was heard in court , and the Tarn tribunal ruled Vell lost .` (invented)
        let spec = "The/DET/2/det appeal/NOUN/4/nsubj:pass was/AUX/4/aux:pass/be/VBD heard/VERB/0/root/hear/VBN in/ADP/6/case court/NOUN/4/obl ,/PUNCT/11/punct and/CCONJ/11/cc the/DET/11/det Tarn/PROPN/11/compound tribunal/NOUN/6/conj ruled/VERB/4/advcl/rule/VBD Vell/PROPN/14/nsubj lost/VERB/12/ccomp/lose/VBD ./PUNCT/4/punct";
        let got = arcs(&repair(&toks(spec)).expect("repaired"));
        for arc in ["tribunal>12:nsubj", "and>12:cc", "ruled>4:conj", "court>4:obl"] {
            assert!(got.split(' ').any(|a| a == arc), "{arc}: {got}");
        }
        // the same with the past tagged a participle (`ruled` as VBN)
        let tagged = spec.replace("rule/VBD", "rule/VBN");
        let got = arcs(&repair(&toks(&tagged)).expect("repaired"));
        assert!(got.split(' ').any(|a| a == "tribunal>12:nsubj"), "{got}");
        // a list of places before the verb's own subject stays a list
        let list = "The/DET/2/det appeal/NOUN/4/nsubj:pass was/AUX/4/aux:pass/be/VBD heard/VERB/0/root/hear/VBN in/ADP/6/case Tarn/PROPN/4/obl ,/PUNCT/8/punct Vell/PROPN/6/conj ,/PUNCT/11/punct and/CCONJ/11/cc Brelk/PROPN/6/conj ruled/VERB/4/advcl/rule/VBD ./PUNCT/4/punct";
        assert!(repair(&toks(list)).is_none_or(|r| arcs(&r).split(' ').any(|a| a == "Brelk>6:conj")));
        // without the comma (`in Tarn and Brelk`) the pair is a coordination of places
        let pair = "Oster/PROPN/2/nsubj lived/VERB/0/root/live/VBD in/ADP/4/case Tarn/PROPN/2/obl and/CCONJ/6/cc Brelk/PROPN/4/conj ./PUNCT/2/punct";
        assert!(repair(&toks(pair)).is_none_or(|r| arcs(&r).split(' ').any(|a| a == "Brelk>4:conj")));
    }

    #[test]
    fn an_object_is_no_conjunct_of_the_next_clauses_subject() {
        // `The army defeated the rebels and Norvia would move north .` (invented)
        let spec = "The/DET/2/det army/NOUN/3/nsubj defeated/VERB/0/root/defeat/VBD the/DET/5/det rebels/NOUN/9/nsubj and/CCONJ/7/cc Norvia/PROPN/5/conj would/AUX/9/aux move/VERB/3/ccomp north/ADV/9/advmod ./PUNCT/3/punct";
        let got = arcs(&repair(&toks(spec)).expect("repaired"));
        for arc in ["rebels>3:obj", "Norvia>9:nsubj", "and>9:cc", "move>3:conj"] {
            assert!(got.split(' ').any(|a| a == arc), "{arc}: {got}");
        }
        // after a verb that takes a clause the pair is the clause's subject
        let spec = spec.replace("defeated/VERB/0/root/defeat/VBD", "knew/VERB/0/root/know/VBD");
        assert!(repair(&toks(&spec)).is_none_or(|r| arcs(&r).split(' ').any(|a| a == "rebels>9:nsubj")));
    }

    #[test]
    fn an_indefinite_comma_conjunct_is_an_apposition() {
        // `Marsh , a Senator from Tarn , won the vote .` (invented)
        let t = toks("Marsh/PROPN/8/nsubj ,/PUNCT/4/punct a/DET/4/det Senator/PROPN/1/conj from/ADP/6/case Tarn/PROPN/1/nmod ,/PUNCT/1/punct won/VERB/0/root/win/VBD the/DET/10/det vote/NOUN/8/obj");
        let got = arcs(&repair(&t).expect("repaired"));
        assert!(got.split(' ').any(|a| a == "Senator>1:appos"), "{got}");
        // must give nothing: a real coordination with `and`
        let t = toks("Marsh/PROPN/8/nsubj ,/PUNCT/4/punct a/DET/4/det judge/NOUN/1/conj ,/PUNCT/7/punct and/CCONJ/7/cc Tarrow/PROPN/1/conj won/VERB/0/root/win/VBD");
        assert!(repair(&t).is_none(), "{}", arcs(&t));
    }
    use super::super::repair::repair;
    use super::super::repair::tests::{arcs, toks};

    #[test]
    fn a_modifier_coordinated_with_the_next_phrases_modifier_shares_its_head() {
        // `nests in both the inner and outer wall .` (invented)
        let t = toks("nests/VERB/0/root/nest/VBZ in/ADP/5/case both/CCONJ/5/cc:preconj the/DET/5/det inner/NOUN/1/obl/inner/NN and/CCONJ/8/cc outer/ADJ/8/amod/outer/JJ wall/NOUN/5/conj/wall/NN ./PUNCT/1/punct");
        let got = arcs(&repair(&t).expect("repaired"));
        for arc in ["wall>1:obl", "inner>8:amod", "outer>5:conj", "and>7:cc", "the>8:det"] {
            assert!(got.split(' ').any(|a| a == arc), "{arc} in {got}");
        }
        // `sells iron and copper salts .`
        let t = toks("sells/VERB/0/root/sell/VBZ iron/NOUN/1/obj/iron/NN and/CCONJ/5/cc copper/NOUN/5/compound/copper/NN salts/NOUN/2/conj/salt/NNS ./PUNCT/1/punct");
        let got = arcs(&repair(&t).expect("repaired"));
        assert!(got.split(' ').any(|a| a == "salts>1:obj") && got.split(' ').any(|a| a == "iron>5:compound"), "{got}");
        // must give nothing: a list of two things (`the house and twisted engine parts`)
        let t = toks("saw/VERB/0/root/see/VBD the/DET/3/det house/NOUN/1/obj/house/NN and/CCONJ/7/cc twisted/ADJ/7/amod/twisted/JJ engine/NOUN/7/compound/engine/NN parts/NOUN/3/conj/part/NNS ./PUNCT/1/punct");
        assert!(repair(&t).is_none(), "{}", arcs(&t));
        // nor plural first conjunct (`the cats and house dogs`)
        let t = toks("saw/VERB/0/root/see/VBD the/DET/3/det cats/NOUN/1/obj/cat/NNS and/CCONJ/6/cc house/NOUN/6/compound/house/NN dogs/NOUN/3/conj/dog/NNS ./PUNCT/1/punct");
        assert!(repair(&t).is_none(), "{}", arcs(&t));
    }

    #[test]
    fn a_second_subject_after_a_coordinator_is_a_conjunct() {
        // `Emil Strand as well as Anton Rieger were arrested on Monday .` (invented)
        let t = toks(
            "Emil/PROPN/9/nsubj:pass Strand/PROPN/1/flat as/ADV/9/cc well/ADV/3/fixed as/ADP/3/fixed Anton/PROPN/9/nsubj:pass \
             Rieger/PROPN/6/flat were/AUX/9/aux:pass arrested/VERB/0/root/arrest/VBN on/ADP/11/case Monday/PROPN/9/obl ./PUNCT/9/punct",
        );
        let got = arcs(&repair(&t).expect("repaired"));
        let got: Vec<&str> = got.split(' ').collect();
        for want in ["Anton>1:conj", "as>6:cc", "Monday>9:obl"] {
            assert!(got.contains(&want), "{want} not in {got:?}");
        }
    }

    #[test]
    fn a_stranded_last_item_of_a_list_joins_the_list() {
        // `Envoys from Norvia , Latvia , and Estonia signed the pact .` (invented)
        let t = toks(
            "Envoys/NOUN/9/nsubj from/ADP/3/case Norvia/PROPN/1/nmod ,/PUNCT/5/punct Latvia/PROPN/3/conj ,/PUNCT/9/punct \
             and/CCONJ/9/cc Estonia/PROPN/9/nsubj signed/VERB/0/root/sign/VBD the/DET/11/det pact/NOUN/9/obj ./PUNCT/9/punct",
        );
        let got = arcs(&repair(&t).expect("repaired"));
        assert!(got.split(' ').any(|a| a == "Estonia>3:conj"), "{got}");
        // a clause inside the first nominal: the seams are lost, leave it
        // (`Rain fell on Tarn and the mayor Ivo Oster closed the roads`, `fell` under `Rain`)
        let clause = toks(
            "Rain/NOUN/8/nsubj fell/VERB/1/acl/fall/VBD on/ADP/4/case Tarn/PROPN/2/obl and/CCONJ/8/cc the/DET/7/det \
             mayor/NOUN/8/nsubj closed/VERB/0/root/close/VBD the/DET/10/det roads/NOUN/8/obj",
        );
        assert!(repair(&clause).is_none());
    }

    #[test]
    fn a_bare_noun_after_a_coordinator_joins_the_object() {
        // `The police arrested Emil Strand as well as Anton Rieger on Monday .` (invented)
        let t = toks(
            "The/DET/2/det police/NOUN/3/nsubj arrested/VERB/0/root/arrest/VBD Emil/PROPN/5/compound Strand/PROPN/3/obj \
             as/ADV/3/cc well/ADV/6/fixed as/ADP/6/fixed Anton/PROPN/3/obl Rieger/PROPN/9/flat on/ADP/12/case Monday/PROPN/3/obl ./PUNCT/3/punct",
        );
        let got = arcs(&repair(&t).expect("repaired"));
        let got: Vec<&str> = got.split(' ').collect();
        for want in ["Anton>5:conj", "as>9:cc"] {
            assert!(got.contains(&want), "{want} not in {got:?}");
        }
    }

    #[test]
    fn a_conjunct_of_the_subjects_apposition_joins_the_subject_when_the_verb_is_plural() {
        // `Ivo Oster , a judge in Tarn , and Ben Tarrow were fined .` (invented)
        let spec = |were: &str| {
            format!(
                "Ivo/PROPN/12/nsubj:pass/Ivo/NNP Oster/PROPN/1/flat/Oster/NNP ,/PUNCT/5/punct a/DET/5/det judge/NOUN/1/appos/judge/NN \
                 in/ADP/7/case Tarn/PROPN/5/nmod ,/PUNCT/10/punct and/CCONJ/10/cc Ben/PROPN/5/conj/Ben/NNP Tarrow/PROPN/10/flat \
                 {were}/AUX/12/aux:pass/be/VBD fined/VERB/0/root/fine/VBN ./PUNCT/12/punct"
            )
        };
        let got = arcs(&repair(&toks(&spec("were"))).expect("repaired"));
        assert!(got.split(' ').any(|a| a == "Ben>1:conj"), "{got}");
        // `was fined`: the conjunct belongs to the apposition (`a judge in Tarn and Ben Tarrow's aide`)
        assert!(repair(&toks(&spec("was"))).is_none());
    }

    #[test]
    fn a_person_coordinated_with_another_persons_employer_joins_the_person() {
        // `Tomas Reed of the Norvia Institute and Petra Lind of Blue Fin Tours drew up the plan .` (invented)
        let t = ner(
            toks(
                "Tomas/PROPN/11/nsubj Reed/PROPN/1/flat of/ADP/5/case the/DET/5/det Institute/PROPN/1/nmod and/CCONJ/7/cc \
                 Petra/PROPN/5/conj Lind/PROPN/7/flat of/ADP/10/case Bluefin/PROPN/7/nmod drew/VERB/0/root/draw/VBD",
            ),
            &["B-PER", "I-PER", "O", "O", "B-ORG", "O", "B-PER", "I-PER", "O", "B-ORG", "O"],
        );
        let got = arcs(&repair(&t).expect("repaired"));
        assert!(got.split(' ').any(|a| a == "Petra>1:conj"), "{got}");
        // two names deep, the second person's own `of` phrase hung on the first's organisation
        // (`Reed of the School at Ostrava University and Lind of Bluefin`)
        let deep = ner(
            toks(
                "Tomas/PROPN/13/nsubj Reed/PROPN/1/flat of/ADP/5/case the/DET/5/det School/PROPN/1/nmod at/ADP/7/case \
                 University/PROPN/5/nmod and/CCONJ/9/cc Petra/PROPN/7/conj Lind/PROPN/9/flat of/ADP/12/case Bluefin/PROPN/7/nmod \
                 drew/VERB/0/root/draw/VBD",
            ),
            &["B-PER", "I-PER", "O", "O", "B-ORG", "O", "B-ORG", "O", "B-PER", "I-PER", "O", "B-ORG", "O"],
        );
        let got = arcs(&repair(&deep).expect("repaired"));
        let got: Vec<&str> = got.split(' ').collect();
        for want in ["Petra>1:conj", "Bluefin>9:nmod"] {
            assert!(got.contains(&want), "{want} not in {got:?}");
        }
        // an organisation coordinated with the organisation stays (`Reed of the Institute and Bluefin`)
        let org = ner(
            toks("Tomas/PROPN/7/nsubj Reed/PROPN/1/flat of/ADP/5/case the/DET/5/det Institute/PROPN/1/nmod and/CCONJ/7/cc Bluefin/PROPN/5/conj drew/VERB/0/root/draw/VBD"),
            &["B-PER", "I-PER", "O", "O", "B-ORG", "O", "B-ORG", "O"],
        );
        assert!(repair(&org).is_none());
    }

    fn ner(mut t: Vec<crate::document::Token>, tags: &[&str]) -> Vec<crate::document::Token> {
        for (tok, tag) in t.iter_mut().zip(tags) {
            tok.ner = tag.to_string();
        }
        t
    }

    #[test]
    fn coordinated_clauses_and_prepositional_phrases_stay() {
        // `Vell left and Tarrow stayed .`: the coordinator on the second verb, as it should be
        let ok = toks("Vell/PROPN/2/nsubj left/VERB/0/root/leave/VBD and/CCONJ/5/cc Tarrow/PROPN/5/nsubj stayed/VERB/2/conj/stay/VBD ./PUNCT/2/punct");
        assert!(repair(&ok).is_none());
        // `Vell sold the farm and in May moved to Tarn`: an oblique with its preposition is no conjunct
        let pp = toks(
            "Vell/PROPN/2/nsubj sold/VERB/0/root/sell/VBD the/DET/4/det farm/NOUN/2/obj and/CCONJ/2/cc in/ADP/7/case May/PROPN/2/obl",
        );
        assert!(repair(&pp).is_none());
        // a bare oblique after a coordinator, with no object to join (`Vell left and Monday …`)
        let day = toks("Vell/PROPN/2/nsubj left/VERB/0/root/leave/VBD and/CCONJ/2/cc Monday/PROPN/2/obl");
        assert!(repair(&day).is_none());
    }

    #[test]
    fn a_second_infinitive_coordinates_with_the_first_not_with_the_finite_verb() {
        // `Tarn urged farmers not to burn fields but rather to plough them .` (invented)
        let t = toks(
            "Tarn/PROPN/2/nsubj urged/VERB/0/root/urge/VBD farmers/NOUN/2/obj/farmer/NNS not/PART/6/advmod to/PART/6/mark \
             burn/VERB/3/acl/burn/VB fields/NOUN/6/obj/field/NNS but/CCONJ/11/cc rather/ADV/11/advmod to/PART/11/mark \
             plough/VERB/2/conj/plough/VB them/PRON/11/obj ./PUNCT/2/punct",
        );
        let got = arcs(&repair(&t).expect("repaired"));
        assert!(got.split(' ').any(|a| a == "plough>6:conj"), "{got}");
        // the infinitive on the verb (`asked Vell to wait and to listen`)
        let t = toks("asked/VERB/0/root/ask/VBD Vell/PROPN/1/obj to/PART/4/mark wait/VERB/1/xcomp/wait/VB and/CCONJ/7/cc to/PART/7/mark listen/VERB/1/conj/listen/VB");
        let got = arcs(&repair(&t).expect("repaired"));
        assert!(got.split(' ').any(|a| a == "listen>4:conj"), "{got}");
        // must give nothing: a bare participle's own infinitives (`never asked to carry it , to lead`)
        let t = toks("never/ADV/2/advmod asked/VERB/0/root/ask/VBN to/PART/4/mark carry/VERB/2/xcomp/carry/VB it/PRON/4/obj ,/PUNCT/8/punct to/PART/8/mark lead/VERB/2/conj/lead/VB");
        assert!(repair(&t).is_none(), "{}", arcs(&t));
    }
}
