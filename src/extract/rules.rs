//! The clause and nominal rules: from an indexed tree to [`Prop`]s (predicate, subject, slots,
//! flags), before rendering as open triples or CaRB tuples.

use super::lexicon::*;
use super::tree::{NONE, Tree};
use crate::document::Modality;

/// A phrase: its head, the full token set (CaRB style, determiners kept) and the minimal set
/// (MinIE-safe: determiners, clauses, appositions and most prepositional modifiers dropped).
#[derive(Clone, Debug)]
pub(crate) struct Part {
    pub head: usize,
    pub toks: Vec<usize>,
    pub min: Vec<usize>,
    /// Insert a possessive `'s` after this token (`Petro, whose visa` → `Petro 's visa`).
    pub poss_after: Option<usize>,
    /// Replacement text (a demonym's country), used instead of the tokens.
    pub text: Option<&'static str>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    Obj,
    Iobj,
    Comp,
    Clause,
    Obl,
    Agent,
    /// An adverbial clause with a subordinator (`by adding …`, `until he left`): CaRB only.
    Adv,
}

#[derive(Clone, Debug)]
pub(crate) struct Slot {
    pub kind: Kind,
    pub part: Part,
    /// `case` (+ `fixed`) tokens of an oblique, or the `mark` of a clause.
    pub case: Vec<usize>,
}

#[derive(Clone, Debug)]
pub(crate) struct Prop {
    pub rule: &'static str,
    pub pred: usize,
    pub subj: Part,
    /// Relation tokens in order (aux, negation, verb chain, particles, copula).
    pub rel: Vec<usize>,
    /// A literal relation instead of tokens (nominal rules): words, and the noun/prep for the key.
    pub lit: Option<Lit>,
    pub slots: Vec<Slot>,
    pub passive: bool,
    pub negated: bool,
    pub modality: Modality,
    pub attribution: Option<Part>,
    pub conf: f32,
    /// Emit in the graph output / in CaRB output.
    pub graph: bool,
    pub carb: bool,
    /// The predicate is a reporting verb whose content is a clause (not a fact of its own).
    pub reporting: bool,
    /// Why this reading is fine for CaRB but must not become a graph fact (see `quality`).
    pub graph_reject: Option<&'static str>,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Lit {
    pub words: String,
    pub verb: Option<&'static str>,
    pub noun: Option<String>,
    pub mods: Vec<String>,
    pub prep: Option<String>,
}

pub(crate) struct Rules<'a, 'b> {
    pub tr: &'b Tree<'a>,
    /// Per token: the extent of the named-entity mention covering it (start, end), if any.
    pub ment: &'b [Option<(usize, usize)>],
}

fn is_subj_rel(r: &str) -> bool {
    matches!(r, "nsubj" | "nsubj:pass" | "csubj" | "csubj:pass" | "nsubj:outer")
}

impl<'a, 'b> Rules<'a, 'b> {
    // ------------------------------------------------------------------ phrases

    fn full_skip(&self, k: usize) -> bool {
        let r = self.tr.rel(k);
        matches!(
            r,
            "acl:relcl" | "advcl:relcl" | "appos" | "parataxis" | "advcl" | "dep" | "discourse" | "vocative" | "reparandum" | "cc:preconj"
        ) || (matches!(r, "conj" | "cc") && matches!(self.tr.upos(k), "VERB" | "AUX"))
    }

    /// Coordination directly under the phrase head (split into separate arguments).
    fn head_conj(&self, h: usize, k: usize) -> bool {
        self.tr.head[k] == h && matches!(self.tr.rel(k), "conj" | "cc" | "cc:preconj")
    }

    fn min_skip(&self, k: usize) -> bool {
        let tr = self.tr;
        let r = tr.rel(k);
        if self.full_skip(k) {
            return true;
        }
        match r {
            "conj" | "cc" => true,
            "det" => !tr.lemma_is(k, &["no", "any", "some", "all", "both", "each", "every"]) || true,
            "acl" | "advmod" | "obl" | "obl:tmod" | "obl:npmod" | "ccomp" | "csubj" | "xcomp" => true,
            "nmod" | "nmod:tmod" | "nmod:npmod" => {
                // keep `of` complements (`billions of dollars`), drop other prepositional modifiers
                !tr.kids(k).any(|c| tr.rel(c) == "case" && tr.lemma_is(c, &["of"]))
            }
            _ => false,
        }
    }

    /// A noun phrase rooted at `h` (its own `case` excluded when `drop_case`).
    pub fn np(&self, h: usize, drop_case: bool) -> Part {
        let tr = self.tr;
        let skip_full = |k: usize| self.full_skip(k) || self.head_conj(h, k) || (drop_case && tr.head[k] == h && tr.base(k) == "case");
        let toks = tr.phrase(h, &skip_full);
        let skip_min = |k: usize| self.min_skip(k) || self.head_conj(h, k) || (drop_case && tr.head[k] == h && tr.base(k) == "case");
        let mut min = tr.phrase(h, &skip_min);
        // `his Colombian counterpart Gustavo Petro`: the name is the minimal argument
        if tr.upos(h) == "NOUN" {
            if let Some(a) = tr
                .kids(h)
                .find(|&k| k > h && tr.rel(k) == "appos" && tr.upos(k) == "PROPN" && k <= h + 2)
            {
                min = tr.phrase(a, &|k| self.min_skip(k));
            }
        }
        // `US President Joe Biden`: the title is a relation of its own (title rule), the minimal
        // argument is the name
        if tr.upos(h) == "PROPN" {
            let is_title = |j: usize| tr.form_is(j, TITLES) || tr.lemma_is(j, TITLES);
            let mut start = h;
            while start > 0 && tr.upos(start - 1) == "PROPN" && tr.ancestor_of(h, start - 1) && !is_title(start - 1) && demonym_country(tr.form(start - 1)).is_none() {
                start -= 1;
            }
            if start > 0 && is_title(start - 1) && !tr.form_is(start - 1, HONORIFICS) && tr.ancestor_of(h, start - 1) {
                min.retain(|&x| x >= start);
            }
        }
        // keep a named-entity mention whole
        if let Some((s, e)) = self.ment_at(h) {
            for x in s..e {
                if !min.contains(&x) && toks.contains(&x) {
                    min.push(x);
                }
            }
            min.sort_unstable();
        }
        Part {
            head: h,
            toks,
            min,
            poss_after: None,
            text: None,
        }
    }

    /// The complement phrase of a copular predicate `p`: its subtree without the clause parts.
    pub fn comp_part(&self, p: usize) -> Part {
        let tr = self.tr;
        let clause = tr.kid(p, "cop").is_some();
        let skip = |k: usize| {
            tr.head[k] == p
                && ((clause && matches!(tr.base(k), "obl" | "case"))
                    || matches!(
                        tr.base(k),
                        "nsubj"
                            | "csubj"
                            | "cop"
                            | "aux"
                            | "mark"
                            | "advcl"
                            | "parataxis"
                            | "conj"
                            | "cc"
                            | "ccomp"
                            | "expl"
                            | "xcomp"
                            | "dep"
                            | "discourse"
                    )
                    || tr.rel(k) == "acl:relcl"
                    || tr.rel(k) == "appos"
                    || (tr.base(k) == "advmod"
                        && k < p
                        && tr.kids(k).next().is_none()
                        && !tr.lemma_is(k, &["most", "more", "very", "so", "too", "as", "less", "least"]))
                    || (tr.base(k) == "punct"))
                || (tr.head[k] != p && self.full_skip(k))
        };
        let toks = tr.phrase(p, &skip);
        let skip_min = |k: usize| skip(k) || self.min_skip(k);
        let min = tr.phrase(p, &skip_min);
        Part {
            head: p,
            toks,
            min,
            poss_after: None,
            text: None,
        }
    }

    fn is_rel_pronoun(&self, k: usize) -> bool {
        let tr = self.tr;
        tr.has_feat(k, "PronType=Rel")
            || matches!(tr.t[k].xpos.as_str(), "WDT" | "WP")
            || (tr.lemma_is(k, &["that", "which", "who", "whom"]) && tr.upos(k) == "PRON")
    }

    /// The antecedent of relative clause `p` (`acl:relcl`): the modified noun, or, when that noun
    /// is itself a copular predicate (`X is a footballer who…`), its subject.
    fn antecedent(&self, p: usize) -> Option<Part> {
        let tr = self.tr;
        let h = tr.head[p];
        if h == NONE {
            return None;
        }
        if tr.kid(h, "cop").is_some() {
            if let Some(s) = tr.kids(h).find(|&k| is_subj_rel(tr.rel(k))) {
                if !self.is_rel_pronoun(s) {
                    if let Some((part, _)) = self.subject(h, 3) {
                        return Some(part);
                    }
                }
            }
        }
        Some(self.np(h, true))
    }

    fn whose_part(&self, ant: Part, k: usize, whose: usize) -> Part {
        let mut inner = self.np(k, false);
        inner.toks.retain(|&x| x != whose);
        inner.min.retain(|&x| x != whose);
        let mut toks = ant.toks.clone();
        toks.extend(inner.toks.iter().copied());
        let mut min = ant.min.clone();
        let last = *ant.min.last().unwrap_or(&ant.head);
        min.extend(inner.min.iter().copied());
        Part {
            head: k,
            toks,
            min,
            poss_after: Some(last),
            text: None,
        }
    }

    /// An argument phrase, replacing relative pronouns by the antecedent of the clause `clause`.
    fn arg_part(&self, k: usize, clause: usize, drop_case: bool) -> Part {
        let tr = self.tr;
        if self.is_rel_pronoun(k) {
            if let Some(c) = self.relcl_of(clause) {
                if let Some(a) = self.antecedent(c) {
                    return a;
                }
            }
            if tr.lemma_is(k, &["which", "who", "whom"]) {
                if let Some(a) = self.preceding_noun(k) {
                    return a;
                }
            }
        }
        if let Some(w) = tr.kids(k).find(|&w| tr.rel(w) == "nmod:poss" && tr.lemma_is(w, &["whose"])) {
            if let Some(a) = self
                .relcl_of(clause)
                .and_then(|c| self.antecedent(c))
                .or_else(|| self.preceding_noun(w))
            {
                return self.whose_part(a, k, w);
            }
        }
        self.np(k, drop_case)
    }

    /// The noun phrase just before `w` (skipping punctuation): `Petro, whose visa` → Petro.
    fn preceding_noun(&self, w: usize) -> Option<Part> {
        let tr = self.tr;
        let mut j = w;
        while j > 0 {
            j -= 1;
            if tr.is_punct(j) {
                continue;
            }
            if !matches!(tr.upos(j), "NOUN" | "PROPN") {
                return None;
            }
            // climb flat/compound to the phrase head
            let mut h = j;
            h = tr.phrase_head(h);
            return Some(self.np(h, true));
        }
        None
    }

    /// The relative clause that `p` is or belongs to via xcomp/conj (`who started accepting`).
    fn relcl_of(&self, mut p: usize) -> Option<usize> {
        let tr = self.tr;
        for _ in 0..4 {
            if p == NONE {
                return None;
            }
            if matches!(tr.rel(p), "acl:relcl" | "advcl:relcl") {
                return Some(p);
            }
            if !matches!(tr.base(p), "xcomp" | "conj") {
                return None;
            }
            p = tr.head[p];
        }
        None
    }

    // ------------------------------------------------------------------ subjects

    /// Subject of predicate `p`, with the confidence factor and whether it was inherited.
    fn subject(&self, p: usize, depth: usize) -> Option<(Part, f32)> {
        let tr = self.tr;
        if depth > 4 || p == NONE {
            return None;
        }
        // with two subjects (a parse error), the one closest before the predicate
        let subj = tr
            .kids(p)
            .filter(|&k| is_subj_rel(tr.rel(k)) && k < p)
            .last()
            .or_else(|| tr.kids(p).find(|&k| is_subj_rel(tr.rel(k))));
        if let Some(s) = subj {
            if self.is_rel_pronoun(s) {
                if let Some(c) = self.relcl_of(p) {
                    return self.antecedent(c).map(|a| (a, 0.9));
                }
                if tr.lemma_is(s, &["who", "which"]) {
                    return self.preceding_noun(s).map(|a| (a, 0.75));
                }
            }
            if let Some(w) = tr.kids(s).find(|&w| tr.rel(w) == "nmod:poss" && tr.lemma_is(w, &["whose"])) {
                let ant = self.relcl_of(p).and_then(|c| self.antecedent(c)).or_else(|| self.preceding_noun(w));
                if let Some(a) = ant {
                    return Some((self.whose_part(a, s, w), 0.85));
                }
            }
            // `Blagoja ` Billy ' Celeski` split by the parser into two proper-noun subjects
            let subjects: Vec<usize> = tr.kids(p).filter(|&k| is_subj_rel(tr.rel(k)) && k < p).collect();
            if subjects.len() == 2 && subjects.iter().all(|&k| tr.upos(k) == "PROPN") {
                let (a, b) = (subjects[0], subjects[1]);
                let pa = self.np(a, true);
                let pb = self.np(b, true);
                let between_ok = (a + 1..b).all(|x| tr.is_punct(x) || pa.toks.contains(&x) || pb.toks.contains(&x) || tr.ancestor_of(b, x));
                if between_ok {
                    let toks: Vec<usize> = (*pa.toks.first().unwrap_or(&a)..=*pb.toks.last().unwrap_or(&b)).collect();
                    return Some((
                        Part {
                            head: b,
                            min: toks.clone(),
                            toks,
                            poss_after: None,
                            text: None,
                        },
                        0.9,
                    ));
                }
            }
            return Some((self.np(s, true), 1.0));
        }
        let h = tr.head[p];
        match tr.rel(p) {
            "conj" => {
                if h != NONE && self.is_predicate(h) {
                    return self.subject(h, depth + 1).map(|(s, c)| (s, c * 0.92));
                }
                // `a practice halted … and opposed by X`: a participle coordinated onto a noun
                if h != NONE && matches!(tr.upos(h), "NOUN" | "PROPN") && tr.t[p].xpos == "VBN" {
                    return Some((self.np(h, false), 0.6));
                }
                // parse repair: a finite verb coordinated onto a noun inside another clause
                // (`She resigns after the events … and relocates to Florida`)
                if h != NONE && tr.has_feat(p, "VerbForm=Fin") {
                    let mut up = h;
                    for _ in 0..4 {
                        up = tr.head[up];
                        if up == NONE {
                            break;
                        }
                        if self.is_predicate(up) {
                            return self.subject(up, depth + 1).map(|(s, c)| (s, c * 0.7));
                        }
                    }
                }
                None
            }
            "acl:relcl" | "advcl:relcl" => self.antecedent(p).map(|a| (a, 0.85)),
            "acl" => {
                if h != NONE && matches!(tr.upos(h), "NOUN" | "PROPN" | "PRON" | "NUM") && tr.upos(p) == "VERB" {
                    // `a practice halted since 2015`: the noun is the participle's subject (passive
                    // patient for -ed forms); `steps to accommodate`: no subject
                    if tr.kid(p, "mark").is_some() {
                        // `X took steps to accommodate …`: the subject of the governing verb
                        let v = tr.head[h];
                        if v != NONE && tr.base(h) == "obj" && self.is_predicate(v) {
                            return self.subject(v, depth + 1).map(|(s, c)| (s, c * 0.7));
                        }
                        return None;
                    }
                    // a participle on a copular predicate noun describes the subject
                    // (`Trump is a businessman …, known for …`)
                    let pred_noun = if tr.kid(h, "cop").is_some() {
                        Some(h)
                    } else if tr.base(h) == "nmod" && tr.head[h] != NONE && tr.kid(tr.head[h], "cop").is_some() && tr.lemma_is(tr.head[h], &["one", "some", "part", "member", "many", "most", "several"]) {
                        // `X has been one of the allies …, receiving …`
                        Some(tr.head[h])
                    } else {
                        None
                    };
                    if let Some(pn) = pred_noun {
                        if let Some(s) = tr.kids(pn).find(|&k| is_subj_rel(tr.rel(k))) {
                            return Some((self.np(s, true), 0.6));
                        }
                    }
                    let mut part = self.np(h, false);
                    part.toks.retain(|&x| !tr.ancestor_of(p, x));
                    part.min.retain(|&x| !tr.ancestor_of(p, x));
                    tr.tidy(&mut part.toks);
                    return Some((part, 0.7));
                }
                None
            }
            "xcomp" | "advcl" => {
                if tr.rel(p) == "advcl"
                    && tr
                        .kids(p)
                        .any(|k| tr.base(k) == "mark" && tr.lemma_is(k, &["if", "unless", "whether", "than", "as", "so"]))
                {
                    return None;
                }
                if h != NONE && self.is_predicate(h) {
                    return self.subject(h, depth + 1).map(|(s, c)| {
                        // `Petro, whose visa was cancelled … for joining protests`: the
                        // adverbial's subject is the owner, not the visa
                        match s.poss_after {
                            Some(o) if tr.rel(p) == "advcl" => (self.np(tr.phrase_head(o), true), c * 0.7),
                            _ => (s, c * 0.75),
                        }
                    });
                }
                None
            }
            _ => {
                // parse repair: a finite verb without subject takes the nearest noun before it
                // among its own dependents (`after Colombia started …` mis-attached as obl)
                let finite = tr.has_feat(p, "VerbForm=Fin") && tr.upos(p) == "VERB";
                if finite && !matches!(tr.rel(p), "root" | "ccomp") {
                    if let Some(k) = tr
                        .kids(p)
                        .filter(|&k| {
                            k < p && k + 2 >= p && matches!(tr.upos(k), "NOUN" | "PROPN") && matches!(tr.base(k), "obl" | "nmod" | "dep")
                        })
                        .last()
                    {
                        return Some((self.np(k, true), 0.55));
                    }
                }
                None
            }
        }
    }

    pub fn is_predicate(&self, i: usize) -> bool {
        let tr = self.tr;
        let verbal = tr.upos(i) == "VERB" || (tr.upos(i) == "AUX" && !matches!(tr.base(i), "aux" | "cop"));
        let copular = tr.kid(i, "cop").is_some();
        if !(verbal || copular) {
            return false;
        }
        !matches!(
            tr.base(i),
            "amod"
                | "compound"
                | "aux"
                | "cop"
                | "case"
                | "mark"
                | "det"
                | "fixed"
                | "flat"
                | "goeswith"
                | "reparandum"
                | "discourse"
                | "punct"
                | "cc"
        )
    }

    // ------------------------------------------------------------------ verb clauses

    /// The xcomp chain starting at `p`: verbs (or `likely`-type adjectives) whose subject is the
    /// governor's.
    fn chain(&self, p: usize) -> (Vec<usize>, Option<usize>) {
        let tr = self.tr;
        let mut chain = vec![p];
        let mut comp = None;
        let mut cur = p;
        for _ in 0..4 {
            let Some(x) = tr.kids(cur).find(|&k| tr.rel(k) == "xcomp") else {
                break;
            };
            if tr.kids(x).any(|k| is_subj_rel(tr.rel(k))) {
                break;
            }
            if tr.upos(x) == "VERB"
                || tr.upos(x) == "AUX"
                || (tr.kid(x, "mark").is_some() && tr.upos(x) == "ADJ" && tr.kid(x, "xcomp").is_some())
            {
                chain.push(x);
                cur = x;
            } else {
                comp = Some(x);
                break;
            }
        }
        (chain, comp)
    }

    fn negation_of(&self, i: usize) -> Option<usize> {
        let tr = self.tr;
        tr.kids(i).find(|&k| {
            (matches!(tr.base(k), "advmod" | "neg") && tr.lemma_is(k, &["not", "n't", "never"]))
                || (tr.base(k) == "advmod" && tr.lemma_is(k, &["longer"]) && tr.kids(k).any(|c| tr.lemma_is(c, &["no"])))
        })
    }

    /// Builds the verb-clause propositions of predicate `p`.
    pub fn verb_props(&self, p: usize, out: &mut Vec<Prop>) {
        let tr = self.tr;
        let Some((subj, sconf)) = self.subject(p, 0) else { return };
        let copular = tr.kid(p, "cop").is_some();
        let (chain, comp) = self.chain(p);
        let last = *chain.last().unwrap();

        // relation tokens
        let mut rel: Vec<usize> = Vec::new();
        let subj_end = if tr.ancestor_of(p, subj.head) {
            subj.toks.last().copied().unwrap_or(0)
        } else {
            0
        };
        for (ci, &c) in chain.iter().enumerate() {
            for k in tr.kids(c) {
                let r = tr.rel(k);
                let take = match tr.base(k) {
                    "aux" | "cop" => true,
                    "compound" => r == "compound:prt",
                    "mark" => ci > 0 && tr.lemma_is(k, &["to"]),
                    "advmod" => {
                        tr.kids(k).next().is_none()
                            && ((k < c && k > subj_end && (k + 3 > c)) || self.negation_of(c) == Some(k))
                            && !matches!(tr.t[k].xpos.as_str(), "WRB")
                            && !tr.lemma_is(
                                k,
                                &[
                                    "however",
                                    "also",
                                    "then",
                                    "so",
                                    "thus",
                                    "therefore",
                                    "meanwhile",
                                    "instead",
                                    "reportedly",
                                    "allegedly",
                                    "purportedly",
                                    "supposedly",
                                    "possibly",
                                    "perhaps",
                                    "maybe",
                                    "probably",
                                ],
                            )
                            || tr.lemma_is(k, &["not", "n't", "never"])
                    }
                    _ => false,
                };
                if take {
                    rel.push(k);
                }
            }
            if !(copular && ci == 0 && !(tr.upos(c) == "ADJ" && chain.len() > 1)) {
                rel.push(c);
            }
        }
        if let Some(x) = comp {
            for k in tr.kids(x) {
                if (tr.base(k) == "cop") || (tr.base(k) == "mark" && tr.lemma_is(k, &["to"])) {
                    rel.push(k);
                }
            }
        }
        rel.sort_unstable();
        rel.dedup();

        // slots
        let mut slots: Vec<Slot> = Vec::new();
        let mut case_in_rel: Vec<usize> = Vec::new();
        if copular {
            let part = self.comp_part(p);
            // `is in Paris`: the predicate's preposition belongs to the relation
            for k in tr.kids(p) {
                if tr.base(k) == "case" && k < p {
                    case_in_rel.push(k);
                    for f in tr.kids(k) {
                        if tr.base(f) == "fixed" {
                            case_in_rel.push(f);
                        }
                    }
                }
            }
            if !(tr.upos(p) == "ADJ" && chain.len() > 1) {
                slots.push(Slot {
                    kind: Kind::Comp,
                    part,
                    case: Vec::new(),
                });
            }
        }
        for &c in &chain {
            for k in tr.kids(c) {
                let r = tr.rel(k);
                let kind = match tr.base(k) {
                    "obj"
                        if tr.lemma_is(c, &["remain", "become", "seem", "appear", "stay"])
                            && matches!(tr.upos(k), "NOUN" | "ADJ" | "NUM") =>
                    {
                        Kind::Comp
                    }
                    "obj" => Kind::Obj,
                    "iobj" => Kind::Iobj,
                    "ccomp" => Kind::Clause,
                    "obl" => {
                        if r == "obl:agent" {
                            Kind::Agent
                        } else {
                            Kind::Obl
                        }
                    }
                    "xcomp" if Some(k) == comp => Kind::Comp,
                    "advcl"
                        if tr.kids(k).any(|m| {
                            tr.base(m) == "mark"
                                && m < k
                                && !tr.lemma_is(m, &["to", "if", "as", "while", "although", "though", "because", "since"])
                        }) =>
                    {
                        Kind::Adv
                    }
                    "advmod" if tr.kids(k).any(|x| matches!(tr.base(x), "obl" | "nmod")) => Kind::Obl,
                    _ => continue,
                };
                if kind == Kind::Clause || kind == Kind::Adv {
                    let mark: Vec<usize> = tr.kids(k).filter(|&m| tr.base(m) == "mark" && m < k).collect();
                    let skip = |x: usize| tr.head[x] == k && tr.base(x) == "mark" && x < k;
                    let toks = tr.phrase(k, &|x| skip(x));
                    slots.push(Slot {
                        kind,
                        part: Part {
                            head: k,
                            min: toks.clone(),
                            toks,
                            poss_after: None,
                            text: None,
                        },
                        case: mark,
                    });
                    continue;
                }
                let case: Vec<usize> = if matches!(kind, Kind::Obl | Kind::Agent) {
                    let mut v = Vec::new();
                    for x in tr.kids(k) {
                        if tr.base(x) == "case" && x < k {
                            v.push(x);
                            v.extend(tr.kids(x).filter(|&f| tr.base(f) == "fixed"));
                        }
                    }
                    v.sort_unstable();
                    v
                } else {
                    Vec::new()
                };
                let part = if kind == Kind::Comp {
                    self.comp_part(k)
                } else {
                    self.arg_part(k, c, !case.is_empty())
                };
                slots.push(Slot { kind, part, case });
            }
        }
        // a shared object of coordinated verbs (`buy and sell stocks`)
        let mut graph_reject = None;
        if !slots.iter().any(|s| matches!(s.kind, Kind::Obj | Kind::Comp | Kind::Clause)) {
            let h = tr.head[p];
            let own_subject = |v: usize| tr.kids(v).any(|k| is_subj_rel(tr.rel(k)));
            if tr.rel(p) == "conj" && h != NONE {
                if let Some(o) = tr.kids(h).find(|&k| tr.base(k) == "obj" && k > p).filter(|_| !own_subject(p)) {
                    slots.insert(
                        0,
                        Slot {
                            kind: Kind::Obj,
                            part: self.arg_part(o, h, false),
                            case: Vec::new(),
                        },
                    );
                }
            } else if let Some(c) = tr.kids(p).find(|&k| tr.rel(k) == "conj" && tr.upos(k) == "VERB" && !own_subject(k)) {
                // only right-node raising (`buy and sell stocks`): a verb with its own complement
                // before the conjunct (`come from X and have clashed over Y`) shares nothing
                // (CaRB's annotators often share it anyway, so the reading stays there)
                let own_args = tr.kids(p).any(|k| k > p && k < c && matches!(tr.base(k), "obl" | "obj" | "xcomp" | "ccomp" | "advcl"));
                if let Some(o) = tr.kids(c).find(|&k| tr.base(k) == "obj" && k > c) {
                    if own_args {
                        graph_reject = Some(super::quality::OBJECT_NOT_SHARED);
                    }
                    // (inserted first: the graph rendering removes slot 0 again)
                    slots.insert(
                        0,
                        Slot {
                            kind: Kind::Obj,
                            part: self.arg_part(o, c, false),
                            case: Vec::new(),
                        },
                    );
                }
            }
        }
        let _ = last;
        rel.extend(case_in_rel.iter().copied());
        rel.sort_unstable();
        rel.dedup();

        // flags
        let mut negated = false;
        let mut modality = Modality::Asserted;
        let mut passive = false;
        let mut attribution = None;
        let mut flag_from = chain.clone();
        // conjoined verbs share the auxiliaries of the first conjunct (`will restart and expand`)
        if tr.rel(p) == "conj" && tr.head[p] != NONE && !tr.kids(p).any(|k| tr.base(k) == "aux") {
            flag_from.push(tr.head[p]);
        }
        for (ci, &c) in flag_from.iter().enumerate() {
            if self.negation_of(c).is_some() {
                negated = true;
            }
            for k in tr.kids(c) {
                match tr.base(k) {
                    "aux" => {
                        if tr.rel(k) == "aux:pass" {
                            passive = true;
                        }
                        if tr.lemma_is(k, PLANNED_AUX) {
                            modality = Modality::Planned;
                        } else if tr.lemma_is(k, POSSIBLE_AUX) && modality == Modality::Asserted {
                            modality = Modality::Possible;
                        }
                    }
                    "nsubj" if tr.rel(k) == "nsubj:pass" => passive = true,
                    "obl" if tr.rel(k) == "obl:agent" && tr.t[c].xpos == "VBN" => passive = true,
                    "advmod" if tr.lemma_is(k, &["reportedly", "allegedly", "purportedly", "supposedly"]) => modality = Modality::Reported,
                    "advmod" if tr.lemma_is(k, &["possibly", "perhaps", "maybe", "probably"]) && modality == Modality::Asserted => {
                        modality = Modality::Possible
                    }
                    "obj" | "nsubj" => {
                        if tr.kids(k).any(|d| tr.base(d) == "det" && tr.lemma_is(d, &["no"])) {
                            negated = true;
                        }
                    }
                    "obl" => {
                        if tr.kids(k).any(|x| tr.base(x) == "case" && tr.form_is(x, &["according"])) {
                            attribution = Some(self.np(k, true));
                        }
                    }
                    "parataxis" => {
                        if tr.lemma_is(k, REPORTING) {
                            if let Some(s) = tr.kids(k).find(|&x| is_subj_rel(tr.rel(x))) {
                                attribution = Some(self.np(s, false));
                            }
                        }
                    }
                    _ => {}
                }
            }
            if ci + 1 < chain.len() && ci < chain.len() {
                if tr.lemma_is(c, PLANNED_HEADS) {
                    if tr.lemma_is(c, REPORTED_HEADS) && passive {
                        modality = Modality::Reported;
                    } else {
                        modality = Modality::Planned;
                    }
                } else if tr.lemma_is(c, POSSIBLE_HEADS) && modality == Modality::Asserted {
                    modality = Modality::Possible;
                } else if tr.lemma_is(c, REPORTED_HEADS) && passive {
                    modality = Modality::Reported;
                }
            }
        }
        if copular && tr.lemma_is(p, &["set", "due", "poised"]) && chain.len() > 1 {
            modality = Modality::Planned;
        } else if copular && tr.lemma_is(p, &["likely", "unlikely"]) && chain.len() > 1 {
            modality = Modality::Possible;
        }
        if chain.len() > 1 && !tr.kids(last).any(|k| tr.rel(k) == "aux:pass") && tr.lemma_is(p, &["say", "report", "believe"]) {
            passive = false;
        }
        // attribution from a governing reporting verb (`officials said [that] …`)
        let mut up = p;
        for _ in 0..3 {
            if tr.base(up) == "conj" && tr.head[up] != NONE {
                up = tr.head[up];
                continue;
            }
            break;
        }
        if tr.base(up) == "ccomp" && tr.head[up] != NONE && tr.lemma_is(tr.head[up], REPORTING) {
            let r = tr.head[up];
            if let Some(s) = tr.kids(r).find(|&x| is_subj_rel(tr.rel(x))) {
                attribution = Some(self.np(s, false));
            }
        }
        // a conditional or hypothetical clause is not asserted
        if tr.rel(p) == "advcl" && tr.kids(p).any(|k| tr.base(k) == "mark" && tr.lemma_is(k, &["if", "unless"])) {
            modality = Modality::Possible;
        }

        let reporting =
            tr.lemma_is(p, REPORTING) && slots.iter().any(|s| s.kind == Kind::Clause) && !slots.iter().any(|s| s.kind == Kind::Obj);

        let rule = if copular {
            "clause:SVC"
        } else {
            let has = |k: Kind| slots.iter().any(|s| s.kind == k);
            if has(Kind::Iobj) && has(Kind::Obj) {
                "clause:SVOO"
            } else if has(Kind::Obj) && has(Kind::Comp) {
                "clause:SVOC"
            } else if has(Kind::Obj) && has(Kind::Obl) {
                "clause:SVOA"
            } else if has(Kind::Obj) || has(Kind::Clause) {
                "clause:SVO"
            } else if has(Kind::Comp) {
                "clause:SVC"
            } else if has(Kind::Obl) || has(Kind::Agent) {
                "clause:SVA"
            } else {
                "clause:SV"
            }
        };
        let rule = match tr.rel(p) {
            "acl:relcl" => "relcl",
            "acl" => "acl",
            "advcl" if !tr.kids(p).any(|k| is_subj_rel(tr.rel(k))) => "advcl",
            _ => rule,
        };
        let mut conf = 0.9 * sconf;
        if tr.rel(p) == "acl" {
            conf *= 0.8;
        }
        let base = Prop {
            rule,
            pred: p,
            subj,
            rel,
            lit: None,
            slots,
            passive,
            negated,
            modality,
            attribution,
            conf,
            graph: true,
            carb: true,
            reporting,
            graph_reject,
        };
        self.split_coordination(base, out);
    }

    /// Splits coordinated subjects and the first object/complement into separate propositions.
    fn split_coordination(&self, base: Prop, out: &mut Vec<Prop>) {
        let tr = self.tr;
        let subj_variants = self.conj_variants(&base.subj);
        let first_core = base
            .slots
            .iter()
            .position(|s| matches!(s.kind, Kind::Obj | Kind::Comp))
            .or_else(|| base.slots.iter().position(|s| s.kind == Kind::Obl && s.part.head > base.pred));
        let obj_variants = match first_core {
            Some(i) if !tr.kids(base.pred).any(|k| tr.base(k) == "case" && tr.lemma_is(k, &["between"])) => {
                if base.slots[i].kind == Kind::Obl && tr.lemma_is(base.pred, SYMMETRIC_VERBS) {
                    Vec::new()
                } else if base.slots[i].kind == Kind::Comp {
                    self.comp_conj_variants(&base.slots[i].part)
                } else {
                    self.conj_variants(&base.slots[i].part)
                }
            }
            _ => Vec::new(),
        };
        let symmetric = tr.lemma_is(base.pred, SYMMETRIC_VERBS);
        let subj_variants = if symmetric || subj_variants.len() < 2 {
            vec![base.subj.clone()]
        } else {
            subj_variants
        };
        let split = subj_variants.len() > 1 || obj_variants.len() > 1;
        for (si, s) in subj_variants.iter().enumerate().take(5) {
            if obj_variants.len() > 1 {
                for (oi, o) in obj_variants.iter().enumerate().take(5) {
                    let mut p = base.clone();
                    p.subj = s.clone();
                    p.slots[first_core.unwrap()].part = o.clone();
                    p.conf *= if split { 0.97 - 0.02 * (si + oi) as f32 } else { 1.0 };
                    out.push(p);
                }
            } else {
                let mut p = base.clone();
                p.subj = s.clone();
                if split {
                    p.conf *= 0.97 - 0.02 * si as f32;
                }
                out.push(p);
            }
        }
    }

    /// `A, B and C` → the three conjuncts as separate parts (one part when not coordinated).
    fn conj_variants(&self, part: &Part) -> Vec<Part> {
        let tr = self.tr;
        let h = part.head;
        if part.text.is_some() || part.poss_after.is_some() || h >= tr.len() {
            return vec![part.clone()];
        }
        let conjs: Vec<usize> = tr
            .kids(h)
            .filter(|&k| tr.rel(k) == "conj" && !matches!(tr.upos(k), "VERB" | "AUX"))
            .collect();
        if conjs.is_empty() {
            return vec![part.clone()];
        }
        // names such as `Procter and Gamble` stay whole when all conjuncts are short proper nouns
        // inside one mention
        if let Some((s, e)) = self.ment_at(h) {
            if conjs.iter().all(|&c| c >= s && c < e) {
                return vec![part.clone()];
            }
        }
        let mut v = vec![part.clone()];
        for c in conjs {
            let mut q = self.np(c, false);
            // a shared preposition or determiner-less head keeps the case of the first conjunct
            q.toks.retain(|&x| !(tr.head[x] == c && tr.base(x) == "cc"));
            q.min.retain(|&x| !(tr.head[x] == c && tr.base(x) == "cc"));
            v.push(q);
        }
        v
    }

    fn comp_conj_variants(&self, part: &Part) -> Vec<Part> {
        let tr = self.tr;
        let h = part.head;
        let conjs: Vec<usize> = tr
            .kids(h)
            .filter(|&k| {
                tr.rel(k) == "conj"
                    && matches!(tr.upos(k), "NOUN" | "PROPN" | "ADJ" | "NUM")
                    && tr.kid(k, "cop").is_none()
                    && !tr.kids(k).any(|x| is_subj_rel(tr.rel(x)))
            })
            .collect();
        if conjs.is_empty() {
            return vec![part.clone()];
        }
        let mut v = vec![part.clone()];
        for c in conjs {
            v.push(self.comp_part(c));
        }
        v
    }

    // ------------------------------------------------------------------ nominal rules

    fn lit_prop(&self, rule: &'static str, pred: usize, subj: Part, lit: Lit, obj: Part, conf: f32) -> Prop {
        Prop {
            rule,
            pred,
            subj,
            rel: Vec::new(),
            lit: Some(lit),
            slots: vec![Slot {
                kind: Kind::Obj,
                part: obj,
                case: Vec::new(),
            }],
            passive: false,
            negated: false,
            modality: Modality::Asserted,
            attribution: None,
            conf,
            graph: true,
            carb: true,
            reporting: false,
            graph_reject: None,
        }
    }

    fn amods(&self, n: usize) -> Vec<usize> {
        let tr = self.tr;
        tr.kids(n)
            .filter(|&k| k < n && (tr.base(k) == "amod" || (tr.base(k) == "compound" && tr.upos(k) != "PROPN")))
            .collect()
    }

    /// `X, the Y of Z` and `X, a Y`.
    pub fn appos_props(&self, a: usize, out: &mut Vec<Prop>) {
        let tr = self.tr;
        let h = tr.head[a];
        if h == NONE || tr.upos(a) == "PRON" || tr.upos(h) == "PRON" || tr.upos(a) == "NUM" || !matches!(tr.upos(h), "NOUN" | "PROPN") {
            return;
        }
        if tr.t[a].feats.contains("NumType") || self.is_date(a) {
            return;
        }
        let x = self.np(h, false);
        let y = self.np(a, false);
        let mut p = self.lit_prop(
            "appos",
            a,
            x.clone(),
            Lit {
                words: "is".into(),
                verb: Some("be"),
                ..Default::default()
            },
            y,
            0.62,
        );
        p.graph = false;
        out.push(p);
        // graph: `is Y of Z` with the noun in the key, and `is Y` (minimal) otherwise
        if let Some(z) = tr.kids(a).find(|&k| {
            tr.upos(a) == "NOUN"
                && tr.base(k) == "nmod"
                && tr.rel(k) != "nmod:poss"
                && tr.kids(k).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &["of"]))
        }) {
            let mods: Vec<String> = self.amods(a).iter().map(|&m| tr.form(m).to_lowercase()).collect();
            let mut words = String::from("is");
            for m in &mods {
                words.push(' ');
                words.push_str(m);
            }
            words.push(' ');
            words.push_str(&tr.form(a).to_lowercase());
            words.push_str(" of");
            let lit = Lit {
                words,
                verb: Some("be"),
                noun: Some(tr.lemma(a).to_lowercase()),
                mods,
                prep: Some("of".into()),
            };
            let mut q = self.lit_prop("appos:of", a, x, lit, self.np(z, true), 0.6);
            q.carb = false;
            out.push(q);
        } else if tr.upos(a) == "NOUN" && !tr.kids(h).any(|k| tr.base(k) == "case") && tr.kids(a).any(|k| tr.base(k) == "det") {
            let mut q = self.lit_prop(
                "appos",
                a,
                x,
                Lit {
                    words: "is".into(),
                    verb: Some("be"),
                    noun: None,
                    ..Default::default()
                },
                self.np(a, false),
                0.5,
            );
            q.carb = false;
            out.push(q);
        }
    }

    /// `US President Donald Trump`, `Colombian Foreign Minister Rosa Villavicencio`.
    pub fn title_props(&self, h: usize, out: &mut Vec<Prop>) {
        let tr = self.tr;
        if tr.upos(h) != "PROPN" || matches!(tr.base(h), "flat" | "compound" | "fixed") {
            return;
        }
        // the name: h plus adjacent flat/compound proper nouns that are not titles
        let is_title = |j: usize| tr.form_is(j, TITLES) || tr.lemma_is(j, TITLES);
        let mut start = h;
        while start > 0 {
            let j = start - 1;
            if tr.upos(j) == "PROPN"
                && tr.ancestor_of(h, j)
                && !is_title(j)
                && demonym_country(tr.form(j)).is_none()
                && self.ment_same(j, h)
            {
                start = j;
            } else {
                break;
            }
        }
        if start == 0 {
            return;
        }
        // the title region left of the name
        let mut t = start;
        let mut title = None;
        while t > 0 {
            let j = t - 1;
            let related = tr.ancestor_of(h, j) || tr.ancestor_of(j, h) || title.is_some_and(|t| tr.ancestor_of(t, j));
            if !related || !matches!(tr.upos(j), "PROPN" | "NOUN" | "ADJ") {
                break;
            }
            if title.is_none() && is_title(j) {
                title = Some(j);
            } else if title.is_none() {
                break;
            }
            t = j;
        }
        let Some(title) = title else { return };
        if tr.form_is(title, HONORIFICS) {
            return;
        }
        let mut end = h + 1;
        while end < tr.len() && tr.head[end] == h && matches!(tr.base(end), "flat" | "compound") {
            end += 1;
        }
        let name_toks: Vec<usize> = (start..end).collect();
        let name = Part {
            head: h,
            toks: name_toks.clone(),
            min: name_toks,
            poss_after: None,
            text: None,
        };
        // country: the first word of the region when it is a proper noun or a demonym
        let mut country: Option<Part> = None;
        let mut mods: Vec<String> = Vec::new();
        for j in t..title {
            if country.is_none() && j == t {
                if let Some(c) = demonym_country(tr.form(j)) {
                    country = Some(Part {
                        head: j,
                        toks: vec![j],
                        min: vec![j],
                        poss_after: None,
                        text: Some(c),
                    });
                    continue;
                }
                if tr.upos(j) == "PROPN"
                    && !is_title(j)
                    && !tr.lemma_is(
                        j,
                        &[
                            "foreign", "prime", "interior", "defense", "defence", "finance", "home", "deputy", "vice",
                        ],
                    )
                {
                    country = Some(Part {
                        head: j,
                        toks: vec![j],
                        min: vec![j],
                        poss_after: None,
                        text: None,
                    });
                    continue;
                }
            }
            mods.push(tr.form(j).to_lowercase());
        }
        let mut tname = tr.form(title).to_lowercase();
        let mut tlemma = tr.lemma(title).to_lowercase();
        // `US President X and his Colombian counterpart Y`: a counterpart holds the same office
        if tname == "counterpart" {
            if let Some(other) = (0..tr.len()).find(|&j| j != title && (tr.form_is(j, TITLES) || tr.lemma_is(j, TITLES)) && !tr.form_is(j, &["counterpart"]) && !tr.form_is(j, HONORIFICS)) {
                tname = tr.form(other).to_lowercase();
                tlemma = tr.lemma(other).to_lowercase();
            }
        }
        // the whole title phrase (`Foreign Minister`), for `is`
        let tp: Vec<usize> = (t..start)
            .filter(|&j| country.as_ref().map_or(true, |c| c.head != j) || true)
            .collect();
        if let Some(c) = country {
            let mut words = mods.join(" ");
            if !words.is_empty() {
                words.push(' ');
            }
            words.push_str(&tname);
            words.push_str(" of");
            let lit = Lit {
                words,
                verb: None,
                noun: Some(tlemma.clone()),
                mods,
                prep: Some("of".into()),
            };
            let mut p = self.lit_prop("title", title, name.clone(), lit, c, 0.7);
            p.carb = false;
            out.push(p);
        }
        let tpart = Part {
            head: title,
            toks: tp.clone(),
            min: tp,
            poss_after: None,
            text: None,
        };
        let mut p = self.lit_prop(
            "title:is",
            title,
            name,
            Lit {
                words: "is".into(),
                verb: Some("be"),
                ..Default::default()
            },
            tpart,
            0.45,
        );
        p.graph = false;
        out.push(p);
    }

    pub fn ment_at(&self, i: usize) -> Option<(usize, usize)> {
        self.ment.get(i).copied().flatten()
    }

    fn ment_same(&self, a: usize, b: usize) -> bool {
        match (self.ment_at(a), self.ment_at(b)) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
    }

    /// `Trump's military offensive against Venezuela`, `US strikes on Iran`, `Petro's visa` (has).
    pub fn nominal_props(&self, n: usize, out: &mut Vec<Prop>) {
        let tr = self.tr;
        if tr.upos(n) != "NOUN" {
            return;
        }
        let agent = tr
            .kids(n)
            .find(|&k| tr.rel(k) == "nmod:poss" && !tr.lemma_is(k, &["whose"]))
            .map(|k| (k, "nominal:poss"))
            .or_else(|| {
                tr.kids(n)
                    .find(|&k| tr.base(k) == "compound" && tr.upos(k) == "PROPN" && k + 1 == n)
                    .map(|k| (k, "nominal:compound"))
            });
        // inherit the possessor of the first conjunct (`offensive against X and threats to Y`)
        let agent = agent.or_else(|| {
            let h = tr.head[n];
            if tr.rel(n) == "conj" && h != NONE && tr.upos(h) == "NOUN" {
                tr.kids(h)
                    .find(|&k| tr.rel(k) == "nmod:poss" && !tr.lemma_is(k, &["whose"]))
                    .map(|k| (k, "nominal:poss"))
            } else {
                None
            }
        });
        if let Some((a, rule)) = agent {
            let generic = tr.lemma_is(a, &["world", "country", "nation", "city", "today", "year", "week", "its", "their"]);
            let apart = self.np(a, true);
            let mut found = false;
            if !generic {
                for m in tr.kids(n).filter(|&k| tr.base(k) == "nmod" && tr.rel(k) != "nmod:poss") {
                    let Some(c) = tr.kids(m).find(|&c| tr.base(c) == "case") else {
                        continue;
                    };
                    let prep = tr.lemma(c).to_lowercase();
                    let eventive = {
                        let l = tr.lemma(n).to_lowercase();
                        l.ends_with("ion") || l.ends_with("ment") || l.ends_with("al") || l.ends_with("ance") || l.ends_with("ence")
                    };
                    if !matches!(
                        prep.as_str(),
                        "against" | "on" | "for" | "to" | "with" | "over" | "into" | "toward" | "towards" | "from" | "of" | "in" | "at"
                    ) {
                        continue;
                    }
                    if prep == "of" && !eventive {
                        continue;
                    }
                    if matches!(prep.as_str(), "in" | "at") {
                        continue;
                    }
                    if rule == "nominal:compound"
                        && !eventive
                        && !tr.lemma_is(
                            n,
                            &[
                                "strike",
                                "support",
                                "attack",
                                "aid",
                                "sanction",
                                "tariff",
                                "offensive",
                                "invasion",
                                "ban",
                                "deal",
                                "pressure",
                                "threat",
                                "war",
                                "raid",
                                "bombing",
                                "pact",
                                "talks",
                                "campaign",
                                "investment",
                                "demand",
                                "bid",
                                "plan",
                                "policy",
                                "embargo",
                                "troops",
                                "deployment",
                                "airstrike",
                                "missile",
                            ],
                        )
                    {
                        continue;
                    }
                    let mods: Vec<String> = self
                        .amods(n)
                        .iter()
                        .filter(|&&x| x != a)
                        .map(|&m| tr.form(m).to_lowercase())
                        .collect();
                    let words = format!("{} {}", tr.form(n).to_lowercase(), prep);
                    let lit = Lit {
                        words,
                        verb: None,
                        noun: Some(tr.lemma(n).to_lowercase()),
                        mods,
                        prep: Some(prep),
                    };
                    let mut p = self.lit_prop(rule, n, apart.clone(), lit, self.np(m, true), 0.55);
                    p.carb = false;
                    out.push(p);
                    found = true;
                    break;
                }
            }
            // `X's Y` → X has Y (CaRB only; pronoun possessors skipped)
            if rule == "nominal:poss" && tr.upos(a) != "PRON" && tr.head[a] == n && !found {
                let mut y = self.np(n, false);
                y.toks.retain(|&x| x != a && !(tr.head[x] == a) && !tr.ancestor_of(a, x));
                let lit = Lit {
                    words: "has".into(),
                    verb: Some("have"),
                    ..Default::default()
                };
                let mut p = self.lit_prop("poss:has", n, apart, lit, y, 0.3);
                p.graph = false;
                out.push(p);
            }
        }
        // `feud between X and Y` → X feud with Y
        if let Some(m) = tr
            .kids(n)
            .find(|&k| tr.base(k) == "nmod" && tr.kids(k).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &["between"])))
        {
            if let Some(y) = tr.kids(m).find(|&k| tr.rel(k) == "conj") {
                let words = format!("{} with", tr.form(n).to_lowercase());
                let lit = Lit {
                    words,
                    verb: None,
                    noun: Some(tr.lemma(n).to_lowercase()),
                    mods: Vec::new(),
                    prep: Some("with".into()),
                };
                let mut xp = self.np(m, true);
                xp.toks.retain(|&x| !tr.ancestor_of(y, x));
                xp.min.retain(|&x| !tr.ancestor_of(y, x));
                let mut p = self.lit_prop("nominal:between", n, xp, lit, self.np(y, false), 0.5);
                p.carb = false;
                out.push(p);
            }
        }
    }

    /// `textile industries in Kabul` → textile industries – are in – Kabul (CaRB only, low confidence).
    pub fn nmod_in_props(&self, n: usize, out: &mut Vec<Prop>) {
        let tr = self.tr;
        if !matches!(tr.upos(n), "NOUN" | "PROPN") {
            return;
        }
        for m in tr.kids(n).filter(|&k| tr.rel(k) == "nmod" && k > n && tr.upos(k) == "PROPN") {
            let Some(c) = tr
                .kids(m)
                .find(|&c| tr.base(c) == "case" && tr.lemma_is(c, &["in", "at", "near", "on"]))
            else {
                continue;
            };
            let mut subj = self.np(n, true);
            subj.toks.retain(|&x| !tr.ancestor_of(m, x));
            let obj = self.np(m, true);
            let verb = if tr.has_feat(n, "Number=Plur") { "are" } else { "is" };
            let words = format!("{verb} {}", tr.form(c));
            let mut p = self.lit_prop(
                "nmod:in",
                m,
                subj,
                Lit {
                    words,
                    verb: Some("be"),
                    ..Default::default()
                },
                obj,
                0.3,
            );
            p.graph = false;
            out.push(p);
        }
    }

    /// `the comical contradictions` → contradictions – are – comical (CaRB only, low confidence).
    pub fn amod_props(&self, n: usize, out: &mut Vec<Prop>) {
        let tr = self.tr;
        if !matches!(tr.upos(n), "NOUN" | "PROPN") {
            return;
        }
        for a in tr.kids(n).filter(|&k| tr.base(k) == "amod" && tr.upos(k) == "ADJ" && k < n) {
            if tr.lemma_is(
                a,
                &[
                    "former",
                    "other",
                    "such",
                    "many",
                    "same",
                    "first",
                    "last",
                    "next",
                    "previous",
                    "own",
                    "main",
                    "certain",
                    "only",
                    "several",
                    "few",
                    "much",
                    "more",
                    "most",
                    "late",
                    "early",
                    "total",
                    "overall",
                    "particular",
                    "various",
                    "new",
                    "old",
                ],
            ) || tr.t[a].xpos != "JJ"
            {
                continue;
            }
            let mut subj = self.np(n, true);
            subj.toks
                .retain(|&x| !tr.ancestor_of(a, x) && !(tr.head[x] == n && matches!(tr.base(x), "acl")));
            tr.tidy(&mut subj.toks);
            let adj: Vec<usize> = tr.phrase(a, &|_| false);
            let obj = Part {
                head: a,
                min: adj.clone(),
                toks: adj,
                poss_after: None,
                text: None,
            };
            let verb = if tr.has_feat(n, "Number=Plur") { "are" } else { "is" };
            let mut p = self.lit_prop(
                "amod",
                a,
                subj,
                Lit {
                    words: verb.into(),
                    verb: Some("be"),
                    ..Default::default()
                },
                obj,
                0.22,
            );
            p.graph = false;
            out.push(p);
        }
    }

    /// `the two leaders are set to meet` after `between X and Y` → X meet with Y.
    pub fn collective_props(&self, props: &[Prop], out: &mut Vec<Prop>) {
        let tr = self.tr;
        for p in props {
            if p.lit.is_some() || !p.graph {
                continue;
            }
            let s = p.subj.head;
            if s >= tr.len()
                || !tr.lemma_is(
                    s,
                    &[
                        "leader",
                        "country",
                        "side",
                        "nation",
                        "president",
                        "government",
                        "man",
                        "woman",
                        "party",
                    ],
                )
            {
                continue;
            }
            if !tr.kids(s).any(|k| tr.lemma_is(k, &["two", "both"])) {
                continue;
            }
            let verb = p.rel.iter().rev().find(|&&k| tr.lemma_is(k, SYMMETRIC_VERBS)).copied();
            let Some(verb) = verb else { continue };
            // the nearest `between X and Y` before the subject
            let Some(m) = (0..s).rev().find(|&k| {
                (tr.base(k) == "nmod" || tr.base(k) == "obl")
                    && tr.kids(k).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &["between"]))
                    && tr.kids(k).any(|c| tr.rel(c) == "conj")
            }) else {
                continue;
            };
            let Some(y) = tr.kids(m).find(|&k| tr.rel(k) == "conj") else {
                continue;
            };
            let mut xp = self.np(m, true);
            xp.toks.retain(|&x| !tr.ancestor_of(y, x));
            xp.min.retain(|&x| !tr.ancestor_of(y, x));
            let mut q = p.clone();
            q.rule = "collective";
            q.subj = xp;
            q.rel = p.rel.iter().copied().filter(|&k| k <= verb).collect();
            q.lit = None;
            let obj = self.np(y, false);
            q.slots.retain(|s| !matches!(s.kind, Kind::Obj | Kind::Comp | Kind::Clause));
            q.slots.insert(
                0,
                Slot {
                    kind: Kind::Obl,
                    part: obj,
                    case: Vec::new(),
                },
            );
            q.conf *= 0.6;
            q.carb = false;
            q.lit = None;
            q.reporting = false;
            out.push(q);
        }
    }

    // ------------------------------------------------------------------ qualifiers

    pub fn is_date(&self, h: usize) -> bool {
        let tr = self.tr;
        if tr.form_is(h, MONTHS) {
            return true;
        }
        if tr.lemma_is(h, TIME_WORDS) && (tr.upos(h) == "PROPN" || tr.kids(h).any(|k| matches!(tr.base(k), "det" | "amod" | "nummod"))) {
            return true;
        }
        let f = tr.form(h);
        if f.len() == 4 && f.chars().all(|c| c.is_ascii_digit()) && (f.starts_with("19") || f.starts_with("20")) {
            return true;
        }
        tr.kids(h)
            .any(|k| tr.form_is(k, MONTHS) && matches!(tr.base(k), "compound" | "nmod" | "flat" | "nummod" | "amod"))
            || (tr.upos(h) == "NUM" && tr.head[h] != NONE && tr.form_is(tr.head[h], MONTHS))
    }
}
