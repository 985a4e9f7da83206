//! Parse repair of a past participle that opens the sentence (run by [`super::repair::repair`],
//! same contract: structural, closed word classes only, tree kept).
//!
//! 19. `fronted-participle`: `When asked about the delay, the mayor blamed the builder`, `Asked
//!    about the strike, the minister said …`, `If convicted, Marsh faces ten years`, `Founded in
//!    1990, the firm …`: a verb without a subject, auxiliary or object of its own that opens the
//!    sentence (after at most one subordinator) and modifies the main verb as `advcl`, whose own
//!    subject follows it, is a past participle whose understood subject is the main clause's, in
//!    the passive (the mayor was asked; Marsh would be convicted). The tagger often reads the
//!    participle as a finite past (`asked/VBD`), which made it an active verb with the main
//!    subject as its agent (`the mayor – ask about – delay`), and the parser often hangs the
//!    subordinator on the main verb, which lost the condition of `If convicted`. The verb is
//!    retagged as a participle and the subordinator moved onto it; the clause rules then read it
//!    as a passive ([`super::rules`]'s participial passive) and a conditional one as possible.

//!
//! 20. `quoted-participle`: `X said the law has "condemned many workers to poverty"`: a quotation
//!    that opens between an auxiliary and its participle (the writer quotes from the participle
//!    on). The parser takes the auxiliary for the clause's main verb, with the subject on it, and
//!    hangs the participle elsewhere (often as a conjunct of the reporting verb, which then
//!    became its subject: `X – condemn – workers`). The participle takes the auxiliary's place,
//!    the auxiliary and its dependents go under the participle.
//!
//! 21. `phrase-participle`: `In a paper released Monday in the Kelm Review, scientists at X
//!    described …`, `In a statement issued Friday, the board said …`, `According to a poll
//!    conducted by X, most voters …`: a fronted prepositional phrase whose noun is followed by a
//!    past participle (a reduced relative: the paper that was released). The parser often
//!    makes the participle the root, with the main clause as its conjunct and the main subject
//!    hung inside the phrase (or it makes the participle the main verb's clausal complement),
//!    which lost the main clause's fact and made the participle a finite verb with the phrase's
//!    noun as its oblique. The first finite verb after the phrase's comma becomes the root (when it
//!    was not), the phrase's noun its oblique, the participle an `acl` of that noun (retagged as a
//!    participle), and, when the verb has no subject, the first nominal after the comma its
//!    subject. A bare day word the participle took as its object (`released Monday`) becomes a
//!    time oblique, and a prepositional phrase hung on it goes to the participle.

//!
//! 57. `naming-conjunct`: `Police arrived and detained the man, later identified as Ivo Oster` or
//!    `the population of plankton, also called algae,`: a past participle of naming or identifying
//!    (`called`, `named`, `dubbed`, `known`, `identified`) set off by a comma right after a noun,
//!    read as a conjunct of the clause's verb (with no `and`, auxiliary or subject of its own), so
//!    that it borrowed the clause's subject (`Police – identify as – Ivo Oster`) and the verb
//!    before it the name as an object (`Police – arrive – Ivo Oster`). It names the noun before
//!    the comma: it becomes that noun's `acl`, as in `a man named Ivo Oster`.
//!
//! 60. `naming-root`: `Mara Vellin, nicknamed the "Tom Vale of Norvia", had 50,000 followers` or
//!    `The device, called a scanner, weighs two kilos`: the same naming participle, set off by
//!    commas right after the subject, read as the sentence's finite root verb, with the real verb
//!    (after the closing comma, with no subject, `and` or marker of its own) a conjunct or
//!    parataxis below it. The nickname then became the real verb's subject (`Tom Vale – have –
//!    followers`) and the noun the namer (`Mara Vellin – nickname – Tom Vale`). The real verb (or
//!    the copular predicate) becomes the root with the noun as its subject, the participle that
//!    noun's `acl`, the nickname its `xcomp`; what opened the sentence goes to the real verb.
//!
//! 61. `composition-participle`: `Norvia Foods moved its office to the northern region, comprising
//!    Tarn, Vell and Osla`: a participle of composition (`comprising`, `consisting of`,
//!    `encompassing`) set off by a comma right after a noun phrase of the clause, read as an
//!    adverbial of the clause's verb, so that the subject comprised the list (`Norvia Foods –
//!    comprise – Tarn`). What is made of parts is the noun before the comma: the participle becomes
//!    its `acl`.
//!
//! 70. `with-absolute`: `Mara Vellin stepped down, with Ivo Oster succeeding her`, `The story was
//!    made into a film, with Ben Tarrow directing it`: the absolute construction, `with` + a noun
//!    phrase + a present participle, whose subject is that noun phrase. The parser hangs the noun
//!    phrase on something before it (an oblique of the verb, an apposition or modifier of a
//!    noun) and the participle on the clause's verb, so the participle borrowed the clause's
//!    subject (`Mara Vellin – succeed – Ivo Oster`, reversed; `story – direct – …`). When the
//!    participle (no subject of its own, not a prepositional one like `including`) follows the
//!    noun phrase directly, the noun becomes its `nsubj` and `with` its `mark`, as UD has it —
//!    when the `with` phrase is set off by a comma, opens the sentence, hangs on a noun, or has a
//!    perfect participle (`with X having left`); a `with` the verb before it takes (`collided with
//!    a wall causing damage`) stays the verb's.
//!
//! 93. `outcome-gerund`: `The flood led to the mayor being stranded`, `The audit resulted in
//!    two clerks losing their jobs`: a verb of outcome (`lead to`, `result in`, `contribute to`)
//!    whose prepositional noun phrase is the subject of the gerund clause right after it. The parser
//!    hangs the noun phrase on the verb as its oblique and the gerund on the verb (or on the noun),
//!    so the gerund borrowed the verb's subject (`flood – be stranded`) and the verb took the
//!    noun as what it led to. As in UD, the noun becomes the gerund's subject and the preposition
//!    its `mark`: what the cause led to is the whole clause.

use super::repair::{base, finite_clause, heads, is_ancestor, is_bare_day, set_head};
use crate::document::Token;

/// Words that open an adverbial clause of time, condition or concession before a participle.
const SUBORDINATORS: &[&str] = &["when", "whenever", "if", "unless", "once", "although", "though", "while", "until"];

/// Repair 19.
pub(super) fn fronted_participle(t: &mut Vec<Token>) -> bool {
    let h = heads(t);
    let n = t.len();
    let first = (0..n).find(|&k| t[k].upos != "PUNCT").unwrap_or(n);
    let sub = (first < n && SUBORDINATORS.iter().any(|w| t[first].form.eq_ignore_ascii_case(w))).then_some(first);
    let v = sub.map_or(first, |s| s + 1);
    if v >= n || t[v].upos != "VERB" || !matches!(t[v].xpos.as_str(), "VBD" | "VBN") || base(&t[v].deprel) != "advcl" {
        return false;
    }
    let main = h[v];
    if main == usize::MAX || main <= v {
        return false;
    }
    let own = |k: usize| h[k] == v && matches!(base(&t[k].deprel), "nsubj" | "csubj" | "aux" | "cop" | "expl" | "obj");
    if (0..n).any(own) {
        return false;
    }
    // the main clause names the subject the participle shares, after the participle
    if !(v + 1..n).any(|k| h[k] == main && base(&t[k].deprel) == "nsubj") {
        return false;
    }
    let mut changed = false;
    if t[v].xpos != "VBN" {
        t[v].xpos = "VBN".to_owned();
        t[v].feats = "Tense=Past|VerbForm=Part".to_owned();
        changed = true;
    }
    if let Some(s) = sub
        && h[s] != v
    {
        let rel = if t[s].upos == "ADV" { "advmod" } else { "mark" };
        set_head(t, s, v, rel);
        changed = true;
    }
    changed
}

/// Repair 21.
pub(super) fn phrase_participle(t: &mut Vec<Token>) -> bool {
    let h = heads(t);
    let n = t.len();
    // the sentence opens with a preposition (`In`, `After`, `According to`) on the phrase's noun
    if n < 6 || base(&t[0].deprel) != "case" || h[0] == usize::MAX {
        return false;
    }
    let noun = h[0];
    let p = noun + 1;
    if !matches!(t[noun].upos.as_str(), "NOUN" | "PROPN") || p >= n || h[noun] != p {
        return false;
    }
    if t[p].upos != "VERB" || !matches!(t[p].xpos.as_str(), "VBN" | "VBD") || !(1..noun).all(|k| is_ancestor(&h, noun, k) || h[k] == 0) {
        return false;
    }
    // a reduced relative has no subject, auxiliary or copula of its own
    if (0..n).any(|k| h[k] == p && matches!(base(&t[k].deprel), "nsubj" | "csubj" | "aux" | "cop" | "expl")) {
        return false;
    }
    // the phrase ends at its first comma; everything up to it belongs to the participle
    let Some(comma) = (p + 1..n).find(|&k| t[k].form == ",") else { return false };
    if (p + 1..comma).any(|k| !is_ancestor(&h, p, k)) {
        return false;
    }
    let Some(v) = (comma + 1..n).find(|&v| finite_clause(t, &h, v)) else { return false };
    let root = h[p] == usize::MAX;
    if !(root && is_ancestor(&h, p, v) || h[p] == v) {
        return false;
    }
    if root {
        set_head(t, v, usize::MAX, "root");
        for k in comma..n {
            if h[k] == p && k != v {
                let rel = t[k].deprel.clone();
                set_head(t, k, v, &rel);
            }
        }
    }
    set_head(t, noun, v, "obl");
    set_head(t, p, noun, "acl");
    if t[p].xpos != "VBN" {
        t[p].xpos = "VBN".to_owned();
        t[p].feats = "Tense=Past|VerbForm=Part".to_owned();
    }
    // `released Monday in the Review`: the day is a time, the phrase on it the participle's
    for d in p + 1..comma {
        if h[d] == p && base(&t[d].deprel) == "obj" && is_bare_day(&t[d]) {
            set_head(t, d, p, "obl:unmarked");
            for k in d + 1..comma {
                if h[k] == d && base(&t[k].deprel) == "nmod" && (0..k).any(|c| h[c] == k && base(&t[c].deprel) == "case") {
                    set_head(t, k, p, "obl");
                }
            }
        }
    }
    let h = heads(t);
    if !(0..n).any(|k| h[k] == v && matches!(base(&t[k].deprel), "nsubj" | "csubj" | "expl")) {
        // the nominals between the comma and the verb whose heads lie outside that stretch
        let tops: Vec<usize> = (comma + 1..v)
            .filter(|&x| (h[x] == usize::MAX || h[x] <= comma || h[x] >= v) && matches!(t[x].upos.as_str(), "NOUN" | "PROPN" | "PRON" | "NUM"))
            .collect();
        if let Some(&s) = tops.first() {
            let pass = (0..n).any(|k| h[k] == v && t[k].deprel == "aux:pass");
            set_head(t, s, v, if pass { "nsubj:pass" } else { "nsubj" });
            for &y in &tops[1..] {
                if t[y - 1].form == "," || (0..y).any(|k| h[k] == y && t[k].form == ",") {
                    set_head(t, y, s, "appos");
                } else if (0..y).any(|k| h[k] == y && base(&t[k].deprel) == "case") {
                    // `researchers from Vela University reported`: the phrase between the subject
                    // and its verb modifies the subject (the parser hung it in the fronted phrase)
                    set_head(t, y, s, "nmod");
                }
            }
        }
    }
    true
}

/// Auxiliaries of the perfect and of the passive, as written.
const AUXILIARIES: &[&str] = &["has", "have", "had", "having", "is", "are", "was", "were", "be", "been", "being"];

/// Repair 20.
pub(super) fn quoted_participle(t: &mut Vec<Token>) -> bool {
    let mut changed = false;
    for a in 0..t.len().saturating_sub(2) {
        let (q, v) = (a + 1, a + 2);
        if !matches!(t[q].form.as_str(), "\"" | "“" | "``") || !AUXILIARIES.iter().any(|w| t[a].form.eq_ignore_ascii_case(w)) {
            continue;
        }
        if t[v].upos != "VERB" || !matches!(t[v].xpos.as_str(), "VBN" | "VBD") {
            continue;
        }
        let h = heads(t);
        if h[a] == v {
            continue; // already the participle's auxiliary
        }
        // an auxiliary read as the main verb has no object or complement of its own
        let own_complement = |k: usize| h[k] == a && matches!(base(&t[k].deprel), "obj" | "iobj" | "xcomp" | "ccomp" | "obl" | "advcl");
        if (0..t.len()).any(own_complement) {
            continue;
        }
        // the participle must not govern the auxiliary's head (that would make a cycle)
        let mut up = h[a];
        let mut steps = 0;
        while up != usize::MAX && up != v && steps < t.len() {
            up = h[up];
            steps += 1;
        }
        if up == v {
            continue;
        }
        let rel = t[a].deprel.clone();
        for k in 0..t.len() {
            if h[k] == a && k != v {
                let dep = t[k].deprel.clone();
                set_head(t, k, v, &dep);
            }
        }
        set_head(t, v, h[a], &rel);
        let aux_rel = if t[a].form.to_lowercase().starts_with("ha") { "aux" } else { "aux:pass" };
        set_head(t, a, v, aux_rel);
        t[a].upos = "AUX".to_owned();
        if aux_rel == "aux" && t[v].xpos == "VBD" {
            t[v].xpos = "VBN".to_owned();
            t[v].feats = "Tense=Past|VerbForm=Part".to_owned();
        }
        changed = true;
    }
    changed
}

/// Participles of naming and identifying: general English, the verbs a writer uses to give a
/// noun its name (`also called`, `later identified as`).
const NAMING_PARTICIPLES: &[&str] = &["call", "name", "dub", "nickname", "know", "identify"];

/// Repair 57.
pub(super) fn naming_conjunct(t: &mut Vec<Token>) -> bool {
    let mut changed = false;
    for v in 2..t.len() {
        // the word's own tags first: the heads are read only for a naming participle
        if base(&t[v].deprel) != "conj" || t[v].xpos != "VBN" || !NAMING_PARTICIPLES.contains(&t[v].lemma.as_str()) {
            continue;
        }
        let h = heads(t);
        if h[v] == usize::MAX || h[v] > v {
            continue;
        }
        let own = (0..t.len()).any(|k| h[k] == v && matches!(base(&t[k].deprel), "cc" | "aux" | "nsubj" | "cop" | "expl"));
        // the comma right before it (adverbs between: `also`, `later`), a noun right before that
        let mut c = v - 1;
        while c > 0 && t[c].upos == "ADV" {
            c -= 1;
        }
        if own || c == 0 || t[c].form != "," || !matches!(t[c - 1].upos.as_str(), "NOUN" | "PROPN") {
            continue;
        }
        // the noun heads its phrase (a name's last word hangs on its first), inside the clause
        let mut noun = c - 1;
        while h[noun] != usize::MAX && h[noun] < noun && base(&t[noun].deprel) == "flat" {
            noun = h[noun];
        }
        if !is_ancestor(&h, h[v], noun) || is_ancestor(&h, v, noun) {
            continue;
        }
        // later conjuncts hung on it (`, also called parole, and living in …`) stay with the clause
        let up = h[v];
        for k in v + 1..t.len() {
            if h[k] == v && base(&t[k].deprel) == "conj" {
                set_head(t, k, up, "conj");
            }
        }
        set_head(t, v, noun, "acl");
        set_head(t, c, v, "punct");
        changed = true;
    }
    changed
}

/// Repair 60.
pub(super) fn naming_root(t: &mut Vec<Token>) -> bool {
    let h = heads(t);
    let n = t.len();
    let Some(root) = (0..n).find(|&i| h[i] == usize::MAX) else { return false };
    // the participle is the root, or the `acl` of a root noun (the real verb then hangs below it)
    let naming = |i: usize| t[i].upos == "VERB" && matches!(t[i].xpos.as_str(), "VBD" | "VBN") && NAMING_PARTICIPLES.contains(&t[i].lemma.as_str());
    let Some(p) = (root..n).find(|&i| naming(i) && (i == root || (h[i] == root && base(&t[i].deprel) == "acl"))) else {
        return false;
    };
    // the comma right before it (adverbs between: `reportedly`, `also`), a noun right before that
    let mut c = p.saturating_sub(1);
    while c > 0 && t[c].upos == "ADV" {
        c -= 1;
    }
    if c == 0 || t[c].form != "," || !matches!(t[c - 1].upos.as_str(), "NOUN" | "PROPN") {
        return false;
    }
    let mut s = c - 1;
    while h[s] != usize::MAX && h[s] < s && base(&t[s].deprel) == "flat" {
        s = h[s];
    }
    if p != root && s != root {
        return false;
    }
    let hr = &h;
    let kids = move |x: usize| (0..n).filter(move |&k| hr[k] == x);
    // a finite naming verb of its own: a subject other than the noun, an auxiliary, or a pronoun
    // object with its name (`Clay, the mayor, called it "a step"`)
    let active = kids(p).any(|k| {
        let r = base(&t[k].deprel);
        (matches!(r, "nsubj" | "csubj" | "expl") && k != s) || matches!(r, "aux" | "cc" | "mark") || (r == "obj" && t[k].upos == "PRON")
    });
    if active {
        return false;
    }
    // the real verb (or copular predicate) below it, right after the phrase's closing comma
    let after_comma = |k: usize| {
        let mut q = k - 1;
        if kids(k).any(|x| x == q && base(&t[x].deprel) == "cop") {
            q -= 1;
        }
        if matches!(t[q].form.as_str(), "\"" | "”" | "'" | "’") {
            q -= 1;
        }
        q > p && t[q].form == ","
    };
    let predicate = |k: usize| {
        (t[k].upos == "VERB" && matches!(t[k].xpos.as_str(), "VBD" | "VBZ" | "VBP"))
            || (matches!(t[k].upos.as_str(), "NOUN" | "PROPN" | "ADJ") && kids(k).any(|x| base(&t[x].deprel) == "cop"))
    };
    let Some(v) = (p + 3..n).find(|&k| {
        is_ancestor(&h, p, k) && predicate(k) && matches!(base(&t[k].deprel), "conj" | "parataxis" | "advcl" | "ccomp" | "obl" | "dep") && after_comma(k)
    }) else {
        return false;
    };
    if kids(v).any(|k| matches!(base(&t[k].deprel), "cc" | "mark" | "csubj") || (base(&t[k].deprel) == "nsubj" && !(p < k && k < v))) {
        return false;
    }
    // the nickname: a subject the real verb took from inside the phrase, or the participle's object
    let name = kids(v).find(|&k| base(&t[k].deprel) == "nsubj").or_else(|| kids(p).find(|&k| matches!(base(&t[k].deprel), "obj" | "xcomp")));
    set_head(t, v, usize::MAX, "root");
    set_head(t, s, v, "nsubj");
    set_head(t, p, s, "acl");
    t[p].xpos = "VBN".to_owned();
    t[p].feats = "Tense=Past|VerbForm=Part".to_owned();
    if let Some(m) = name {
        // its words the real verb took (`the`, the opening quote, the `as` of `known as`) go back to it
        let mut rel = "xcomp";
        for k in p + 1..m {
            if h[k] == v {
                if base(&t[k].deprel) == "case" {
                    rel = "obl";
                }
                let r = t[k].deprel.clone();
                set_head(t, k, m, &r);
            }
        }
        set_head(t, m, p, rel);
    }
    // what opened the sentence (`At the time of her death`) and the final stop go to the real verb
    for k in (0..s).chain(v + 1..n) {
        if (h[k] == p && k != c) || (h[k] == s && k > v) {
            let rel = t[k].deprel.clone();
            set_head(t, k, v, &rel);
        }
    }
    if h[s] != p {
        // the noun hung elsewhere (an apposition of a fronted phrase): its old head keeps no comma
        set_head(t, c, p, "punct");
    }
    true
}

/// Verbs of being made of parts (general English, closed class): their `-ing` participle
/// describes a whole, never what an agent does.
const COMPOSITION_VERBS: &[&str] = &["comprise", "consist", "encompass", "compose"];

/// Repair 61.
pub(super) fn composition_participle(t: &mut Vec<Token>) -> bool {
    let mut changed = false;
    for v in 2..t.len() {
        if base(&t[v].deprel) != "advcl" || t[v].xpos != "VBG" || !COMPOSITION_VERBS.contains(&t[v].lemma.as_str()) || t[v - 1].form != "," {
            continue;
        }
        let h = heads(t);
        let g = h[v];
        // the noun whose phrase ends right at the comma (a name's last word hangs on its first),
        // inside the verb's clause
        let mut noun = v - 2;
        while !matches!(t[noun].upos.as_str(), "NOUN" | "PROPN") || base(&t[noun].deprel) == "flat" {
            if h[noun] == usize::MAX || h[noun] >= v {
                break;
            }
            noun = h[noun];
        }
        if g == usize::MAX || !matches!(t[noun].upos.as_str(), "NOUN" | "PROPN") || !is_ancestor(&h, g, noun) || noun == g {
            continue;
        }
        set_head(t, v, noun, "acl");
        set_head(t, v - 1, v, "punct");
        changed = true;
    }
    changed
}

/// Participles that work as prepositions (`with the staff including …`, `according to`): no
/// absolute clause after `with`. General English, closed class.
const PREPOSITION_PARTICIPLES: &[&str] = &["include", "accord", "follow", "regard", "concern", "exclude", "consider", "involve", "surround"];

/// Repair 70.
pub(super) fn with_absolute(t: &mut Vec<Token>) -> bool {
    let mut changed = false;
    for w in 0..t.len() {
        if !t[w].form.eq_ignore_ascii_case("with") || base(&t[w].deprel) != "case" {
            continue;
        }
        let h = heads(t);
        let x = h[w];
        if x == usize::MAX || x <= w || !matches!(t[x].upos.as_str(), "NOUN" | "PROPN" | "PRON") {
            continue;
        }
        // the noun phrase runs from `with` to its last word with nothing else between
        let last = (w + 1..t.len()).filter(|&k| is_ancestor(&h, x, k)).max().unwrap_or(x);
        if !(w + 1..=last).all(|k| is_ancestor(&h, x, k)) {
            continue;
        }
        // a `with` of the verb before it (`collided with a wall causing damage`, `was faced with
        // the risk of rivals winning`) takes its noun as the verb's oblique; the absolute clause
        // is set off by a comma or opens the sentence, hangs on a noun (`a parade with crowds
        // cheering`), or is perfect (`with X having left`)
        let v = last + 1;
        let set_off = w == 0 || t[w - 1].upos == "PUNCT" || h[x] == usize::MAX || matches!(t[h[x]].upos.as_str(), "NOUN" | "PROPN" | "PRON");
        if v < t.len() && !set_off && !t[v].form.eq_ignore_ascii_case("having") {
            continue;
        }
        let free = |v: usize| !(0..t.len()).any(|k| h[k] == v && matches!(base(&t[k].deprel), "nsubj" | "csubj" | "mark" | "case"));
        if v >= t.len()
            || t[v].upos != "VERB"
            || t[v].xpos != "VBG"
            || h[v] == usize::MAX
            || is_ancestor(&h, v, x) && h[x] != v
            || PREPOSITION_PARTICIPLES.contains(&t[v].lemma.as_str())
            || !free(v)
        {
            continue;
        }
        set_head(t, x, v, "nsubj");
        set_head(t, w, v, "mark");
        changed = true;
    }
    changed
}

/// Verbs whose prepositional phrase names an outcome, and that preposition.
const OUTCOME_VERBS: &[(&str, &str)] = &[("lead", "to"), ("result", "in"), ("contribute", "to")];

/// Repair 93.
pub(super) fn outcome_gerund(t: &mut Vec<Token>) -> bool {
    let mut changed = false;
    for p in 0..t.len() {
        let h = heads(t);
        let x = h[p];
        if base(&t[p].deprel) != "case" || x == usize::MAX || x <= p || !matches!(t[x].upos.as_str(), "NOUN" | "PROPN" | "PRON") {
            continue;
        }
        let gov = h[x];
        let prep = t[p].form.to_lowercase();
        let outcome = gov != usize::MAX
            && t[gov].upos == "VERB"
            && base(&t[x].deprel) == "obl"
            && OUTCOME_VERBS.iter().any(|&(v, pr)| t[gov].lemma == v && pr == prep);
        if !outcome {
            continue;
        }
        let Some(g) = gerund_after_phrase(t, &h, p, x) else { continue };
        if !(h[g] == gov || h[g] == x) || subject_or_marker(t, &h, g) {
            continue;
        }
        let passive = (0..t.len()).any(|k| h[k] == g && t[k].deprel == "aux:pass");
        set_head(t, g, gov, "advcl");
        set_head(t, x, g, if passive { "nsubj:pass" } else { "nsubj" });
        set_head(t, p, g, "mark");
        changed = true;
    }
    changed
}

/// The gerund clause that starts right after the noun phrase of `p` (a preposition) headed by `x`:
/// its predicate (`being stranded` → `stranded`, `losing` → `losing`).
fn gerund_after_phrase(t: &[Token], h: &[usize], p: usize, x: usize) -> Option<usize> {
    // the phrase: the words after the preposition that belong to the noun, up to the first that
    // does not or that opens the gerund
    let mut v = p + 1;
    while v < t.len() && is_ancestor(h, x, v) && !opens_gerund(t, h, v) {
        v += 1;
    }
    if v >= t.len() || v <= x || !opens_gerund(t, h, v) {
        return None;
    }
    let g = if t[v].upos == "AUX" { h[v] } else { v };
    (!is_ancestor(h, g, x)).then_some(g)
}

/// `losing`, or the `being`/`having` of `being stranded`, `having left`.
fn opens_gerund(t: &[Token], h: &[usize], v: usize) -> bool {
    if t[v].xpos != "VBG" {
        return false;
    }
    match t[v].upos.as_str() {
        "VERB" => !PREPOSITION_PARTICIPLES.contains(&t[v].lemma.as_str()),
        "AUX" => h[v] != usize::MAX && h[v] > v && t[h[v]].upos == "VERB" && matches!(base(&t[v].deprel), "aux"),
        _ => false,
    }
}

/// A clause that already has a subject or a subordinator of its own.
fn subject_or_marker(t: &[Token], h: &[usize], g: usize) -> bool {
    (0..t.len()).any(|k| h[k] == g && matches!(base(&t[k].deprel), "nsubj" | "csubj" | "mark" | "case"))
}

#[cfg(test)]
mod tests {
    use super::super::repair::repair;
    use super::super::repair::tests::{arcs, toks};

    #[test]
    fn a_naming_participle_after_a_comma_names_the_noun_before_it() {
        // `Police arrived and detained the man , later identified as Ivo Oster .` (invented)
        let t = toks(
            "Police/NOUN/2/nsubj arrived/VERB/0/root/arrive/VBD and/CCONJ/4/cc detained/VERB/2/conj/detain/VBD the/DET/6/det \
             man/NOUN/4/obj ,/PUNCT/9/punct later/ADV/9/advmod identified/VERB/2/conj/identify/VBN as/ADP/11/case \
             Ivo/PROPN/9/obl Oster/PROPN/11/flat ./PUNCT/2/punct",
        );
        let got = repair(&t).expect("repaired");
        let a = arcs(&got);
        assert!(a.contains("identified>6:acl") && a.contains(",>9:punct"), "{a}");
        // a later conjunct hung on the participle stays with the clause: `…, also called parole, and living`
        let t = toks(
            "He/PRON/3/nsubj has/AUX/3/aux been/VERB/0/root/be/VBN out/ADV/3/advmod on/ADP/6/case license/NOUN/3/obl ,/PUNCT/9/punct \
             also/ADV/9/advmod called/VERB/3/conj/call/VBN parole/NOUN/9/xcomp ,/PUNCT/13/punct and/CCONJ/13/cc living/VERB/9/conj/live/VBG",
        );
        let a = arcs(&repair(&t).expect("repaired"));
        assert!(a.contains("called>6:acl") && a.contains("living>3:conj"), "{a}");
        // must keep: a conjunct with its own `and`, or one after a verb (`was damaged, later repaired`)
        let t = toks(
            "Police/NOUN/2/nsubj arrived/VERB/0/root/arrive/VBD ,/PUNCT/5/punct and/CCONJ/5/cc called/VERB/2/conj/call/VBN \
             the/DET/7/det mayor/NOUN/5/obj",
        );
        assert!(!arcs(&repair(&t).unwrap_or(t.clone())).contains(":acl"));
        let t = toks(
            "The/DET/2/det hall/NOUN/4/nsubj:pass was/AUX/4/aux:pass damaged/VERB/0/root/damage/VBN ,/PUNCT/7/punct \
             later/ADV/7/advmod named/VERB/4/conj/name/VBN",
        );
        assert!(!arcs(&repair(&t).unwrap_or(t.clone())).contains(":acl"));
    }

    #[test]
    fn a_naming_participle_read_as_the_root_names_the_subject_of_the_real_verb() {
        // `Ivo Oster , dubbed the " Tarn Tiger " , won the race .` (invented), the nickname read
        // as the subject of the real verb, which hangs on the participle
        let t = toks(
            "Ivo/PROPN/4/nsubj Oster/PROPN/1/flat ,/PUNCT/1/punct dubbed/VERB/0/root/dub/VBD the/DET/11/det \"/PUNCT/11/punct \
             Tarn/PROPN/8/compound Tiger/PROPN/11/nsubj \"/PUNCT/8/punct ,/PUNCT/11/punct won/VERB/4/conj/win/VBD the/DET/13/det \
             race/NOUN/11/obj ./PUNCT/4/punct",
        );
        let got = repair(&t).expect("repaired");
        let a = arcs(&got);
        for want in ["won>0:root", "Ivo>11:nsubj", "dubbed>1:acl", "Tiger>4:xcomp", "the>8:det", ".>11:punct", "race>11:obj"] {
            assert!(a.split(' ').any(|x| x == want), "{want} in {a}");
        }
        assert_eq!(got[3].xpos, "VBN");
        // a copular predicate: `Mara Vellin , reportedly nicknamed the " Queen " , was mayor of Tarn .`
        let t = toks(
            "Mara/PROPN/5/nsubj Vellin/PROPN/1/flat ,/PUNCT/1/punct reportedly/ADV/5/advmod nicknamed/VERB/0/root/nickname/VBN \
             the/DET/8/det \"/PUNCT/8/punct Queen/PROPN/5/obj \"/PUNCT/8/punct ,/PUNCT/12/punct was/AUX/12/cop/be/VBD \
             mayor/NOUN/8/conj of/ADP/14/case Tarn/PROPN/12/nmod ./PUNCT/5/punct",
        );
        let a = arcs(&repair(&t).expect("repaired"));
        for want in ["mayor>0:root", "Mara>12:nsubj", "nicknamed>1:acl", "Queen>5:xcomp", ".>12:punct"] {
            assert!(a.split(' ').any(|x| x == want), "{want} in {a}");
        }
        // the participle already the name's `acl`, the real verb below it: `Ivo Oster , nicknamed the " Tiger " , was mayor .`
        let t = toks(
            "Ivo/PROPN/0/root Oster/PROPN/1/flat ,/PUNCT/4/punct nicknamed/VERB/1/acl/nickname/VBN the/DET/7/det \"/PUNCT/7/punct \
             Tiger/PROPN/11/nsubj \"/PUNCT/7/punct ,/PUNCT/11/punct was/AUX/11/cop/be/VBD mayor/NOUN/4/ccomp ./PUNCT/1/punct",
        );
        let a = arcs(&repair(&t).expect("repaired"));
        for want in ["mayor>0:root", "Ivo>11:nsubj", "nicknamed>1:acl", "Tiger>4:xcomp", "the>7:det", ".>11:punct"] {
            assert!(a.split(' ').any(|x| x == want), "{want} in {a}");
        }
        // `known as`: the real verb's subject came with the `as` (`Vell , also known as " Red " , was part of the crew .`)
        let t = toks(
            "Vell/PROPN/0/root ,/PUNCT/4/punct also/ADV/4/advmod known/VERB/1/acl/know/VBN as/ADP/11/case \"/PUNCT/11/punct \
             Red/PROPN/11/nsubj \"/PUNCT/7/punct ,/PUNCT/11/punct was/AUX/11/cop/be/VBD part/NOUN/4/obl ./PUNCT/1/punct",
        );
        let a = arcs(&repair(&t).expect("repaired"));
        for want in ["part>0:root", "Vell>11:nsubj", "known>1:acl", "Red>4:obl", "as>7:case", ".>11:punct"] {
            assert!(a.split(' ').any(|x| x == want), "{want} in {a}");
        }
        // must keep: the naming verb is the real verb (`Ben Tarrow , the mayor , called it " a step " and left .`)
        let t = toks(
            "Ben/PROPN/7/nsubj Tarrow/PROPN/1/flat ,/PUNCT/4/punct the/DET/5/det mayor/NOUN/1/appos ,/PUNCT/5/punct called/VERB/0/root/call/VBD \
             it/PRON/7/obj a/DET/10/det step/NOUN/7/xcomp and/CCONJ/12/cc left/VERB/7/conj/leave/VBD",
        );
        assert!(!arcs(&repair(&t).unwrap_or(t.clone())).contains(":acl"));
        // must keep: no second verb after the phrase (`The firm , called Norvia Foods .`)
        let t = toks("The/DET/2/det firm/NOUN/4/nsubj ,/PUNCT/2/punct called/VERB/0/root/call/VBD Norvia/PROPN/6/compound Foods/PROPN/4/obj");
        assert!(!arcs(&repair(&t).unwrap_or(t.clone())).contains(":acl"));
    }

    #[test]
    fn a_composition_participle_after_a_noun_describes_that_noun() {
        // `Norvia Foods moved its office to the northern region , comprising Tarn and Vell .` (invented)
        let t = toks(
            "Norvia/PROPN/2/compound Foods/PROPN/3/nsubj moved/VERB/0/root/move/VBD its/PRON/5/nmod:poss office/NOUN/3/obj \
             to/ADP/9/case the/DET/9/det northern/ADJ/9/amod region/NOUN/3/obl ,/PUNCT/11/punct comprising/VERB/3/advcl/comprise/VBG \
             Tarn/PROPN/11/obj and/CCONJ/14/cc Vell/PROPN/12/conj ./PUNCT/3/punct",
        );
        let a = arcs(&repair(&t).expect("repaired"));
        assert!(a.contains("comprising>9:acl") && a.contains(",>11:punct"), "{a}");
        // must keep: another verb's participle (`…, selling Tarn and Vell`), or no comma before it
        let other = t.iter().cloned().map(|mut x| {
            if x.lemma == "comprise" {
                x.lemma = "sell".into();
            }
            x
        });
        assert!(!arcs(&repair(&other.collect::<Vec<_>>()).unwrap_or(t.clone())).contains("acl"));
    }

    #[test]
    fn a_fronted_finite_past_without_a_subject_is_a_participle() {
        // `Asked about the strike , the minister said talks would continue .` (invented)
        let t = toks(
            "Asked/VERB/8/advcl/ask/VBD about/ADP/4/case the/DET/4/det strike/NOUN/1/obl ,/PUNCT/1/punct the/DET/7/det \
             minister/NOUN/8/nsubj said/VERB/0/root/say/VBD talks/NOUN/11/nsubj would/AUX/11/aux continue/VERB/8/ccomp/continue/VB ./PUNCT/8/punct",
        );
        let got = repair(&t).expect("repaired");
        assert_eq!(got[0].xpos, "VBN");
        assert_eq!(arcs(&got), arcs(&t), "only the tag changes");
    }

    #[test]
    fn a_subordinator_hung_on_the_main_verb_moves_to_the_participle() {
        // `If convicted , Marsh faces ten years .` (invented)
        let t = toks(
            "If/SCONJ/5/mark convicted/VERB/5/advcl/convict/VBN ,/PUNCT/2/punct Marsh/PROPN/5/nsubj faces/VERB/0/root/face/VBZ \
             ten/NUM/7/nummod years/NOUN/5/obj ./PUNCT/5/punct",
        );
        let got = repair(&t).expect("repaired");
        assert!(arcs(&got).contains("If>2:mark"), "{}", arcs(&got));
    }

    #[test]
    fn a_quotation_opened_before_a_participle_leaves_the_auxiliary_under_it() {
        // `Velde said the rule has " hurt many farmers " .` (invented)
        let t = toks(
            "Velde/PROPN/2/nsubj said/VERB/0/root/say/VBD the/DET/4/det rule/NOUN/5/nsubj has/VERB/2/ccomp/have/VBZ \"/PUNCT/5/punct \
             hurt/VERB/2/conj/hurt/VBD many/ADJ/9/amod farmers/NOUN/7/obj \"/PUNCT/7/punct ./PUNCT/2/punct",
        );
        let got = repair(&t).expect("repaired");
        let a = arcs(&got);
        for want in ["hurt>2:ccomp", "has>7:aux", "rule>7:nsubj", "\">7:punct", "farmers>7:obj"] {
            assert!(a.contains(want), "{want} in {a}");
        }
        assert_eq!(got[6].xpos, "VBN");
        // an auxiliary with an object of its own is a main verb: `has " 20 " members`
        let t = toks("It/PRON/2/nsubj has/VERB/0/root/have/VBZ \"/PUNCT/4/punct shared/VERB/5/amod/share/VBN members/NOUN/2/obj");
        assert!(repair(&t).is_none());
    }

    #[test]
    fn a_fronted_phrase_with_a_participle_read_as_the_root_hands_the_root_to_the_main_verb() {
        // `In a paper released Friday in Kelm Review , scientists at Vela University described a
        // method .` (invented) as the parser reads it: the participle is the root, the main verb its
        // conjunct, the main subject a conjunct inside the phrase and its modifier an oblique there
        let t = toks(
            "In/ADP/3/case a/DET/3/det paper/NOUN/4/obl released/VERB/0/root/release/VBD Friday/PROPN/4/obj in/ADP/8/case \
             Kelm/PROPN/8/compound Review/PROPN/4/obl ,/PUNCT/10/punct scientists/NOUN/8/conj at/ADP/13/case \
             Vela/PROPN/13/compound University/PROPN/8/nmod described/VERB/4/conj/describe/VBD a/DET/16/det \
             method/NOUN/14/obj ./PUNCT/4/punct",
        );
        let got = repair(&t).expect("repaired");
        let a = arcs(&got);
        for want in ["described>0:root", "paper>14:obl", "released>3:acl", "scientists>14:nsubj", "University>10:nmod", "Friday>4:obl:unmarked", ".>14:punct"] {
            assert!(a.split(' ').any(|x| x == want), "{want} in {a}");
        }
        assert_eq!(got[3].xpos, "VBN");
    }

    #[test]
    fn a_fronted_phrase_with_a_participle_read_as_a_complement_goes_under_the_main_verb() {
        // `In a statement issued Monday , the board said it would close .` (invented)
        let t = toks(
            "In/ADP/3/case a/DET/3/det statement/NOUN/4/obl issued/VERB/9/ccomp/issue/VBD Monday/PROPN/4/obl:unmarked \
             ,/PUNCT/5/punct the/DET/8/det board/NOUN/9/nsubj said/VERB/0/root/say/VBD it/PRON/12/nsubj would/AUX/12/aux \
             close/VERB/9/ccomp/close/VB ./PUNCT/9/punct",
        );
        let got = repair(&t).expect("repaired");
        let a = arcs(&got);
        for want in ["statement>9:obl", "issued>3:acl", "board>9:nsubj", "close>9:ccomp"] {
            assert!(a.split(' ').any(|x| x == want), "{want} in {a}");
        }
    }

    #[test]
    fn a_fronted_phrase_without_a_participle_or_with_a_clause_of_its_own_is_left_alone() {
        // `In Kelm , police arrested two men .`: no participle after the phrase's noun
        let t = toks(
            "In/ADP/2/case Kelm/PROPN/5/obl ,/PUNCT/2/punct police/NOUN/5/nsubj arrested/VERB/0/root/arrest/VBD two/NUM/7/nummod \
             men/NOUN/5/obj ./PUNCT/5/punct",
        );
        assert!(repair(&t).is_none());
        // `In the years we waited , prices rose .`: the verb after the noun has a subject of its own
        let t = toks(
            "In/ADP/3/case the/DET/3/det years/NOUN/8/obl we/PRON/5/nsubj waited/VERB/3/acl:relcl/wait/VBD ,/PUNCT/3/punct \
             prices/NOUN/8/nsubj rose/VERB/0/root/rise/VBD ./PUNCT/8/punct",
        );
        assert!(repair(&t).is_none());
    }

    #[test]
    fn clauses_with_their_own_subject_or_object_are_left_alone() {
        // `When Ortiz asked about the delay , the mayor left .`: the clause has its own subject
        let t = toks(
            "When/ADV/3/advmod Ortiz/PROPN/3/nsubj asked/VERB/10/advcl/ask/VBD about/ADP/6/case the/DET/6/det delay/NOUN/3/obl \
             ,/PUNCT/3/punct the/DET/9/det mayor/NOUN/10/nsubj left/VERB/0/root/leave/VBD ./PUNCT/10/punct",
        );
        assert!(repair(&t).is_none());
        // `Asked reporters to leave , the guard …` would have an object: not a passive participle
        let t = toks(
            "Asked/VERB/6/advcl/ask/VBD reporters/NOUN/1/obj ,/PUNCT/1/punct the/DET/5/det guard/NOUN/6/nsubj shouted/VERB/0/root/shout/VBD",
        );
        assert!(repair(&t).is_none());
    }

    #[test]
    fn the_noun_after_with_is_the_subject_of_the_participle_after_it() {
        // `Mara Vellin stepped down on Monday , with Ivo Oster succeeding her as chair .`
        // (invented), the name hung on `Monday` as an apposition
        let t = toks(
            "Mara/PROPN/3/nsubj Vellin/PROPN/1/flat stepped/VERB/0/root/step/VBD down/ADP/3/compound:prt on/ADP/6/case \
             Monday/PROPN/3/obl ,/PUNCT/10/punct with/ADP/10/case Ivo/PROPN/10/compound Oster/PROPN/6/appos \
             succeeding/VERB/3/advcl/succeed/VBG her/PRON/11/obj as/ADP/14/case chair/NOUN/11/obl ./PUNCT/3/punct",
        );
        let got = repair(&t).expect("repaired");
        let a = arcs(&got);
        assert!(a.contains("Oster>11:nsubj") && a.contains("with>11:mark"), "{a}");
        // must not: a participle set off by a comma, or one that is a preposition
        // (`She met with the staff , including Ben Tarrow .`, invented)
        let t = toks(
            "She/PRON/2/nsubj met/VERB/0/root/meet/VBD with/ADP/5/case the/DET/5/det staff/NOUN/2/obl \
             including/VERB/8/case/include/VBG Ben/PROPN/5/nmod Tarrow/PROPN/7/flat ./PUNCT/2/punct",
        );
        let got = repair(&t).map(|g| arcs(&g)).unwrap_or_default();
        assert!(!got.contains("staff>6:nsubj"), "{got}");
        let t = toks(
            "She/PRON/2/nsubj met/VERB/0/root/meet/VBD with/ADP/4/case Ben/PROPN/2/obl ,/PUNCT/6/punct \
             saying/VERB/2/advcl/say/VBG it/PRON/8/nsubj rained/VERB/6/ccomp/rain/VBD ./PUNCT/2/punct",
        );
        let got = repair(&t).map(|g| arcs(&g)).unwrap_or_default();
        assert!(!got.contains("Ben>6:nsubj"), "{got}");
        // must not: the verb's own `with` (`The van collided with a wall causing damage .`, invented)
        let t = toks(
            "The/DET/2/det van/NOUN/3/nsubj collided/VERB/0/root/collide/VBD with/ADP/6/case a/DET/6/det wall/NOUN/3/obl \
             causing/VERB/3/advcl/cause/VBG damage/NOUN/7/obj ./PUNCT/3/punct",
        );
        let got = repair(&t).map(|g| arcs(&g)).unwrap_or_default();
        assert!(!got.contains("wall>7:nsubj"), "{got}");
        // … but a perfect participle is absolute there too (`The band split with Tarn and Vell having
        // quarrelled .`, invented)
        let t = toks(
            "The/DET/2/det band/NOUN/3/nsubj split/VERB/0/root/split/VBD with/ADP/5/case Tarn/PROPN/3/obl and/CCONJ/7/cc \
             Vell/PROPN/5/conj having/VERB/3/advcl/have/VBG quarrelled/VERB/8/xcomp/quarrel/VBN ./PUNCT/3/punct",
        );
        let got = repair(&t).map(|g| arcs(&g)).unwrap_or_default();
        assert!(got.contains("Tarn>8:nsubj"), "{got}");
    }

    #[test]
    fn the_noun_after_an_outcome_verb_is_its_gerunds_subject() {
        // `The flood led to Mayor Ivo Oster being stranded after a visit .` (invented), the gerund
        // hung on the verb
        let t = toks(
            "The/DET/2/det flood/NOUN/3/nsubj led/VERB/0/root/lead/VBD to/ADP/6/case Mayor/PROPN/6/compound \
             Ivo/PROPN/3/obl Oster/PROPN/6/flat being/AUX/9/aux:pass/be/VBG stranded/VERB/3/advcl/strand/VBN \
             after/ADP/12/case a/DET/12/det visit/NOUN/9/obl ./PUNCT/3/punct",
        );
        let got = repair(&t).expect("repaired");
        let a = arcs(&got);
        assert!(a.contains("Ivo>9:nsubj:pass") && a.contains("to>9:mark") && a.contains("stranded>3:advcl"), "{a}");
        // `The audit resulted in two clerks losing their jobs .` (invented), the gerund hung on the noun
        let t = toks(
            "The/DET/2/det audit/NOUN/3/nsubj resulted/VERB/0/root/result/VBD in/ADP/6/case two/NUM/6/nummod \
             clerks/NOUN/3/obl losing/VERB/6/acl/lose/VBG their/PRON/9/nmod:poss jobs/NOUN/7/obj ./PUNCT/3/punct",
        );
        let got = repair(&t).expect("repaired");
        let a = arcs(&got);
        assert!(a.contains("clerks>7:nsubj") && a.contains("in>7:mark") && a.contains("losing>3:advcl"), "{a}");
        // must not: another verb's phrase (`She walked to the depot carrying a crate .`, invented)
        let t = toks(
            "She/PRON/2/nsubj walked/VERB/0/root/walk/VBD to/ADP/5/case the/DET/5/det depot/NOUN/2/obl \
             carrying/VERB/2/advcl/carry/VBG a/DET/8/det crate/NOUN/6/obj ./PUNCT/2/punct",
        );
        let got = repair(&t).map(|g| arcs(&g)).unwrap_or_default();
        assert!(!got.contains("depot>6:nsubj"), "{got}");
        // must not: a gerund with a subject of its own, or a preposition after the phrase
        // (`The audit led to changes , including Tarn Bank closing .`, invented)
        let t = toks(
            "The/DET/2/det audit/NOUN/3/nsubj led/VERB/0/root/lead/VBD to/ADP/5/case changes/NOUN/3/obl \
             including/VERB/8/case/include/VBG Tarn/PROPN/8/compound Bank/PROPN/5/nmod ./PUNCT/3/punct",
        );
        let got = repair(&t).map(|g| arcs(&g)).unwrap_or_default();
        assert!(!got.contains("changes>6:nsubj"), "{got}");
    }
}
