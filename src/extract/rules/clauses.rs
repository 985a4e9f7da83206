//! Verb clauses: one proposition per verb or copular predicate. Decides the relation (auxiliaries,
//! negation, the merged xcomp chain, particles, copula), the slots (objects, complements,
//! obliques, the agent of a passive, clausal complements), negation, modality and attribution of
//! reported speech, and splits coordinated subjects and objects into one proposition each.
//!
//! In: a predicate token. Out: [`Prop`]s (clause types SV/SVO/SVC/SVA/SVOO/SVOC/SVOA).

use super::*;

/// Names of a deity that open the optative wish (`God bless`, `Heaven help`, `Lord have mercy`):
/// a closed class of English formulae.
const DEITY_NAMES: &[&str] = &["God", "Heaven", "Lord", "Allah", "Christ", "Jesus"];

/// Verbs of arguing or pressing for something (`argue for`, `call for`, `lobby for`): an `-ing`
/// clause after their `for` is what is wanted. Closed general class.
const ADVOCACY_VERBS: &[&str] = &["argue", "call", "push", "press", "lobby", "campaign", "advocate", "fight", "plead", "appeal", "petition", "vote"];

/// A small cardinal written as a word or digits (`two`, `3`), 2 to 10: the size of a list a
/// counted noun announces.
fn small_number(w: &str) -> Option<usize> {
    const WORDS: &[&str] = &["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    let l = w.to_lowercase();
    WORDS.iter().position(|x| *x == l).map(|i| i + 2).or_else(|| l.parse::<usize>().ok().filter(|n| (2..=10).contains(n)))
}

impl Rules<'_, '_> {
    /// The xcomp chain starting at `p`: verbs (or `likely`-type adjectives) whose subject is the
    /// governor's. With `split_control`, it stops before an infinitive whose subject is the
    /// governor's object (`asked X to go`).
    fn chain_from(&self, p: usize, split_control: bool) -> (Vec<usize>, Option<usize>) {
        let tr = self.tr;
        let mut chain = vec![p];
        let mut comp = None;
        let mut cur = p;
        for _ in 0..4 {
            let Some(x) = tr.kids(cur).find(|&k| tr.rel(k) == "xcomp") else {
                break;
            };
            // `asked X to go`: the infinitive has the object for its subject, a clause of its own
            if tr.kids(x).any(|k| is_subj_rel(tr.rel(k)))
                || (split_control && (self.object_controller(x).is_some() || self.for_subject_controller(x).is_some()))
            {
                break;
            }
            // `is simple to use`, `will be hard to beat`: the subject is the infinitive's object,
            // not its actor (subjects.rs), so the two are no chain
            if self.ease_infinitive(x) {
                break;
            }
            // `have access to drive`, `had the money to buy`: an infinitive after the verb's own
            // object is that object's purpose or complement, and the object is no argument of it
            // (merged, the chain read `drive – access`)
            if tr.kids(cur).any(|k| tr.base(k) == "obj" && k < x) && tr.kids(x).any(|k| k < x && tr.base(k) == "mark" && tr.lemma_is(k, &["to"])) {
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

    /// Whether `x` is a copular `to`-infinitive complement of verb `v` (`decided [to be a
    /// teacher]`): the noun or adjective is what the subject is to be, not an object of `v`.
    pub(super) fn copular_infinitive_of(&self, v: usize, x: usize) -> bool {
        let tr = self.tr;
        tr.head[x] == v
            && tr.base(x) == "xcomp"
            && tr.kids(x).any(|k| tr.base(k) == "cop" && tr.lemma_is(k, &["be"]))
            && tr.kids(x).any(|k| k < x && tr.base(k) == "mark" && tr.lemma_is(k, &["to"]))
    }

    pub(super) fn negation_of(&self, i: usize) -> Option<usize> {
        let tr = self.tr;
        tr.kids(i).find(|&k| {
            (matches!(tr.base(k), "advmod" | "neg") && tr.lemma_is(k, &["not", "n't", "never"]) && !self.additive_focus(k))
                // (the tagger lemmatises `longer` as `long`, so the form decides)
                || (tr.base(k) == "advmod"
                    && (tr.lemma_is(k, &["longer"]) || tr.form(k).eq_ignore_ascii_case("longer"))
                    && tr.kids(k).any(|c| tr.lemma_is(c, &["no"])))
        })
    }

    /// The head of the `until` phrase or clause of the negated verb `v` (`did not open until
    /// May`, `had not voted until being asked`): `not … until T` denies only that the event
    /// came before T; it did come (or is to come) at T. A fact of `v` that does not carry the
    /// `until` phrase is therefore not denied.
    pub(crate) fn denied_until(&self, v: usize) -> Option<usize> {
        let tr = self.tr;
        self.negation_of(v)?;
        tr.kids(v).find(|&k| matches!(tr.base(k), "obl" | "advcl") && tr.kids(k).any(|c| k > c && matches!(tr.base(c), "case" | "mark") && tr.lemma_is(c, &["until", "till"])))
    }

    /// The adjective or adverb whose degree the `to`-infinitive `p` measures, and whether the
    /// degree is `too` high (`too young to vote`) rather than `enough` (`old enough to own`).
    pub(super) fn degree_complement(&self, p: usize) -> Option<(usize, bool)> {
        let tr = self.tr;
        // a later conjunct shares the first one's degree (`not old enough to own or carry a gun`)
        let mut p = p;
        while tr.base(p) == "conj" && tr.head[p] != NONE && tr.head[p] < p {
            p = tr.head[p];
        }
        let g = tr.head[p];
        if g == NONE || !matches!(tr.base(p), "advcl" | "xcomp") || !matches!(tr.upos(g), "ADJ" | "ADV") {
            return None;
        }
        if !tr.kids(p).any(|k| k < p && tr.base(k) == "mark" && tr.lemma_is(k, &["to"])) {
            return None;
        }
        let degree = |w: &str, before: bool| tr.kids(g).any(|k| tr.base(k) == "advmod" && (k < g) == before && tr.form(k).eq_ignore_ascii_case(w));
        if degree("too", true) {
            Some((g, true))
        } else if degree("enough", false) {
            Some((g, false))
        } else {
            None
        }
    }

    /// Whether `p` is a relative clause on a free-choice noun: one determined by `any` (also
    /// through the first conjunct: `any officers or groups who …`) or `anyone`/`anybody`/`anything`.
    fn free_choice_relative(&self, p: usize) -> bool {
        let tr = self.tr;
        let n = tr.head[p];
        if !matches!(tr.rel(p), "acl:relcl" | "advcl:relcl") || n == NONE {
            return false;
        }
        let first = if tr.base(n) == "conj" && tr.head[n] != NONE { tr.head[n] } else { n };
        let any = |x: usize| tr.kids(x).any(|k| matches!(tr.base(k), "det" | "amod") && tr.lemma_is(k, &["any"]));
        any(n) || any(first) || tr.lemma_is(n, &["anyone", "anybody", "anything"])
    }

    /// Whether `p` is a wish in the old optative (`God bless X`, `Heaven help us`): a verb in its
    /// base form, with no auxiliary, whose subject is a deity's name (a closed class) — the verb
    /// does not agree with that singular subject, so it states no event.
    fn optative(&self, p: usize) -> bool {
        let tr = self.tr;
        matches!(tr.t[p].xpos.as_str(), "VB" | "VBP")
            && tr.form(p).eq_ignore_ascii_case(&tr.t[p].lemma)
            && !tr.kids(p).any(|k| matches!(tr.base(k), "aux" | "mark"))
            && tr.kids(p).any(|k| tr.base(k) == "nsubj" && k < p && tr.form_is(k, DEITY_NAMES))
    }

    /// Whether `a` is an ability stated in the simple past (`was able to reach`, `were able to
    /// escape`): in English that says the act was done, so its infinitive is asserted, not possible.
    /// A modal (`would have been able to`) keeps it hypothetical.
    fn realized_ability(&self, a: usize) -> bool {
        let tr = self.tr;
        tr.lemma_is(a, &["able"])
            && tr.kids(a).any(|k| tr.base(k) == "cop" && tr.t[k].xpos == "VBD")
            && !tr.kids(a).any(|k| tr.base(k) == "aux" && (tr.lemma_is(k, POSSIBLE_AUX) || tr.lemma_is(k, PLANNED_AUX)))
    }

    /// Whether the `not` at `k` opens the additive focus `not only / not merely / not just … but
    /// (also)`: it adds a second predicate to the first and never denies it (`approved not only …
    /// but also funded` asserts both), so it is no negation. The focus word follows `not` directly
    /// and hangs on it or on the same head.
    fn additive_focus(&self, k: usize) -> bool {
        let tr = self.tr;
        let next = k + 1;
        next < tr.len()
            && tr.form_is(next, &["only", "merely", "just", "solely"])
            && (tr.head[next] == k || tr.head[next] == tr.head[k])
            && tr.lemma_is(k, &["not"])
    }

    /// Whether the oblique `k` of verb `c` is the agent of its passive. The parser's `obl:agent`
    /// also covers `by` + a time or an amount (`finished by Friday`, `cut by 5 %`), which is a
    /// circumstance; and it leaves some true agents a plain `obl` (`was defeated by a rival`). So
    /// a `by` phrase is the agent unless it names a time or a quantity, and a plain `obl` one only
    /// under a passive (`aux:pass`/`nsubj:pass`) and when it is a name or a determined noun phrase
    /// (a bare noun after `by` is mostly a means: `by car`, `by phone`).
    pub(super) fn by_agent(&self, c: usize, k: usize) -> bool {
        let tr = self.tr;
        let by = tr.kids(k).any(|x| x < k && tr.base(x) == "case" && tr.lemma_is(x, &["by"]));
        let time_or_amount = self.is_date(k)
            || (tr.lemma_is(k, TIME_WORDS) && !tr.in_person_name(k))
            || matches!(tr.upos(k), "NUM" | "SYM")
            || tr.lemma_is(k, &["percent", "%", "margin", "point", "vote", "time"]);
        if tr.rel(k) == "obl:agent" {
            return !(by && time_or_amount);
        }
        let passive = tr.t[c].xpos == "VBN" && (tr.kids(c).any(|x| matches!(tr.rel(x), "aux:pass" | "nsubj:pass")) || self.noun_participle_passive(c));
        let determined = tr.upos(k) == "PROPN"
            || self.ment_at(k).is_some()
            || tr.kids(k).any(|x| matches!(tr.base(x), "det" | "nmod:poss") || tr.rel(x) == "nmod:poss")
            // a name with a common-noun head (`by T. rex`, `by Tarn dust`)
            || tr.kids(k).any(|x| x < k && tr.base(x) == "compound" && tr.upos(x) == "PROPN");
        tr.base(k) == "obl" && by && passive && determined && !time_or_amount && !tr.lemma_is(k, &["end", "way", "means"])
    }

    /// Whether `p` is a bare `to`-infinitive hung on a verb as an adverbial, without a subject of
    /// its own: the purpose of its governor's act (`cut taxes to attract investors`), unless the
    /// governor is a verb of motion or outcome whose infinitive tells what came of it
    /// ([`RESULT_HEADS`]: `rallied to win`, `became the first state to ban`). An infinitive on a
    /// noun or adjective (`the first woman to hold the post`) is no purpose, nor one its governor's
    /// object controls (see `advcl_object_controller`).
    pub(super) fn purpose_infinitive(&self, p: usize) -> bool {
        let tr = self.tr;
        let g = tr.head[p];
        tr.rel(p) == "advcl"
            && g != NONE
            && (tr.upos(g) == "VERB" || self.located_copula(g, p))
            && tr.t[p].xpos == "VB"
            && tr.kids(p).any(|k| tr.base(k) == "mark" && tr.lemma_is(k, &["to"]))
            && !tr.kids(p).any(|k| is_subj_rel(tr.rel(k)))
            && (!tr.lemma_is(g, RESULT_HEADS) || self.motion_to_place(g, p))
            // (nor one whose subject is the governor's object: `forced the residents to leave`)
            && self.advcl_object_controller(p).is_none()
    }

    /// Whether `p` is an `-ing` clause after `for` on a verb of arguing for something (`argued for
    /// using the fund`, `campaigned for lowering the age`): what is argued for is wanted, not done.
    /// (`was known for using`, `was fined for using` give a reason, which did happen.)
    fn advocated_gerund(&self, p: usize) -> bool {
        let tr = self.tr;
        let g = tr.head[p];
        tr.rel(p) == "advcl"
            && g != NONE
            && tr.t[p].xpos == "VBG"
            && tr.kids(p).any(|k| tr.base(k) == "mark" && tr.lemma_is(k, &["for"]))
            && tr.lemma_is(g, ADVOCACY_VERBS)
    }

    /// Whether `g` is a verb of going with a destination before the infinitive `p` (`went to Vell
    /// to meet the minister`, `came here to work`): where someone went to do something says what
    /// they meant to do, unlike the bare outcome (`went on to win`, `came to dominate`).
    fn motion_to_place(&self, g: usize, p: usize) -> bool {
        let tr = self.tr;
        tr.lemma_is(g, &["go", "come", "return", "move"])
            && tr.kids(g).any(|k| {
                k < p
                    && ((tr.base(k) == "obl" && tr.kids(k).any(|c| c < k && tr.base(c) == "case" && tr.lemma_is(c, &["to", "into", "in"])))
                        || (tr.base(k) == "advmod" && tr.lemma_is(k, &["here", "there", "home"])))
            })
    }

    /// Whether `g` is a copular predicate of place before the infinitive `p` (`are there to help`,
    /// `were in Vell to fight the rebels`): being somewhere to do something states a purpose.
    fn located_copula(&self, g: usize, p: usize) -> bool {
        let tr = self.tr;
        g < p
            && tr.kids(g).any(|k| tr.base(k) == "cop" && tr.lemma_is(k, &["be"]))
            && (tr.lemma_is(g, &["here", "there"]) || (tr.upos(g) != "VERB" && tr.kids(g).any(|c| c < g && tr.base(c) == "case" && tr.lemma_is(c, &["in", "at", "on"]))))
    }

    /// Whether the auxiliary `k` of `v` is a finite `be` before the infinitive's `to` (`is to
    /// vote`, `were to meet`, see repair 50): the act is scheduled or bound to come, not done.
    fn scheduled_be(&self, v: usize, k: usize) -> bool {
        let tr = self.tr;
        tr.rel(k) == "aux"
            && tr.lemma_is(k, &["be"])
            && matches!(tr.t[k].xpos.as_str(), "VBZ" | "VBD" | "VBP")
            && tr.t[v].xpos == "VB"
            && tr.kids(v).any(|m| m > k && m < v && tr.base(m) == "mark" && tr.lemma_is(m, &["to"]))
    }

    /// Whether `p` is a `to`-infinitive that states no event: one with a `for` subject of its own
    /// (unless it says how long something took, `took hours for X to V`) or one that is the
    /// subject of its clause.
    pub(super) fn open_infinitive(&self, p: usize) -> bool {
        let tr = self.tr;
        let marked = |w: &str| tr.kids(p).any(|k| tr.base(k) == "mark" && tr.lemma_is(k, &[w]));
        if tr.t[p].xpos != "VB" || !marked("to") {
            return false;
        }
        let g = tr.head[p];
        if g != NONE && tr.lemma_is(g, &["take"]) {
            return false;
        }
        tr.base(p) == "csubj" || (marked("for") && tr.kids(p).any(|k| tr.base(k) == "nsubj"))
    }

    /// The modality a clause takes from the clause it depends on: only for a predicate without
    /// tense or subject of its own (a gerund, infinitive or participle under `advcl`/`xcomp`, or a
    /// subjectless conjunct), whose governor is future, planned, possible or reported.
    pub(super) fn governing_modality(&self, p: usize) -> Option<Modality> {
        let tr = self.tr;
        let mut up = p;
        for _ in 0..4 {
            let dependent = matches!(tr.base(up), "advcl" | "xcomp" | "conj");
            let bare = self.infinitive_conjunct(up);
            let own_tense = (tr.has_feat(up, "VerbForm=Fin") && !bare) || tr.kids(up).any(|k| matches!(tr.base(k), "aux" | "nsubj" | "csubj"));
            let g = tr.head[up];
            if !dependent || own_tense || g == NONE {
                return None;
            }
            for k in tr.kids(g) {
                if tr.base(k) == "aux" && tr.lemma_is(k, PLANNED_AUX) {
                    return Some(Modality::Planned);
                }
                if tr.base(k) == "aux" && tr.lemma_is(k, POSSIBLE_AUX) {
                    return Some(Modality::Possible);
                }
                if tr.base(k) == "advmod" && tr.lemma_is(k, HEDGE_ADVERBS) {
                    return Some(Modality::Reported);
                }
            }
            // a bare conjunct of a purpose infinitive (`to win votes and keep power`)
            if tr.base(up) == "conj" && (tr.t[up].xpos == "VB" || bare) && self.purpose_infinitive(g) {
                return Some(Modality::Planned);
            }
            let gg = tr.head[g];
            if tr.base(g) == "xcomp" && gg != NONE {
                if self.plans(gg) {
                    return Some(Modality::Planned);
                }
                if tr.lemma_is(gg, POSSIBLE_HEADS) && !self.realized_ability(gg) {
                    return Some(Modality::Possible);
                }
            }
            up = g;
        }
        None
    }

    /// Whether `v` is the bare second conjunct of a `to`-infinitive that the tagger read as a
    /// present tense (`to buy a boat and hire a crew`, `hire` tagged VBP): no subject or auxiliary
    /// of its own and written as its lemma, it is an infinitive sharing the first one's `to`.
    fn infinitive_conjunct(&self, v: usize) -> bool {
        let tr = self.tr;
        let h = tr.head[v];
        tr.base(v) == "conj"
            && h != NONE
            && h < v
            && tr.t[v].xpos == "VBP"
            && tr.form(v).eq_ignore_ascii_case(&tr.t[v].lemma)
            && !tr.kids(v).any(|k| matches!(tr.base(k), "aux" | "nsubj" | "csubj" | "mark"))
            && tr.t[h].xpos == "VB"
            && tr.kids(h).any(|k| k < h && tr.base(k) == "mark" && tr.lemma_is(k, &["to"]))
    }

    /// Whether verb `c` makes the infinitive it governs planned: a plan head, or the passive of an
    /// intent verb (`was meant to warn`).
    fn plans(&self, c: usize) -> bool {
        let tr = self.tr;
        tr.lemma_is(c, PLANNED_HEADS) || (tr.lemma_is(c, INTENT_PASSIVES) && tr.kids(c).any(|k| tr.rel(k) == "aux:pass"))
    }

    /// Whether verb `c` puts forward the gerund `x` it takes as its complement (`endorsed cutting
    /// the tax`, `is considering leaving`): the act is proposed, not done.
    fn proposes_gerund(&self, c: usize, x: Option<usize>) -> bool {
        let tr = self.tr;
        x.is_some_and(|x| tr.lemma_is(c, GERUND_PROPOSAL) && bare_gerund_complement(tr, c, x))
    }

    /// The author of a written statement `s` (`the ministry's statement`, `a letter from the
    /// union`, `a post by Ana Ruiz`): its possessor or its `from`/`by` complement.
    pub(crate) fn author(&self, s: usize) -> Option<usize> {
        let tr = self.tr;
        if s >= tr.len() || !tr.lemma_is(s, DOCUMENT_NOUNS) {
            return None;
        }
        tr.kids(s).find(|&k| {
            tr.rel(k) == "nmod:poss" && tr.upos(k) != "PRON"
                || tr.base(k) == "nmod" && k > s && tr.kids(k).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &["from", "by"]))
        })
    }

    /// The subject of reporting verb `v`; of two (`Harbour official Lena Morvik said`, parsed
    /// with the title and the name as two subjects) the name, which is who speaks.
    pub(crate) fn speaking_subject(&self, v: usize) -> Option<usize> {
        let tr = self.tr;
        let mut subjects = tr.kids(v).filter(|&k| is_subj_rel(tr.rel(k)));
        let first = subjects.next()?;
        Some(if tr.upos(first) == "PROPN" { first } else { subjects.find(|&k| tr.upos(k) == "PROPN").unwrap_or(first) })
    }

    /// Whether the clause of `v` is a relative clause the parser hung as a parataxis: a relative
    /// word among its dependents, or owning one of them (`…, in which he claimed X`, `…, whose
    /// spokesman said X`). Such a speech verb reports its own clause, not the sentence's.
    pub(crate) fn opens_with_relative_word(&self, v: usize) -> bool {
        let tr = self.tr;
        let relative = |k: usize| k < v && tr.form_is(k, &["which", "whom", "whose", "who"]);
        tr.kids(v).any(|k| relative(k) || k < v && tr.kids(k).any(|g| tr.base(g) == "nmod" && relative(g)))
    }

    /// A verb that reports what its subject says: a reporting verb, or a verb like `read` whose
    /// subject is a written statement (`the statement read: …`).
    pub(crate) fn reports(&self, v: usize) -> bool {
        let tr = self.tr;
        v < tr.len()
            && (tr.lemma_is(v, REPORTING)
                || tr.lemma_is(v, DOCUMENT_VERBS) && tr.kids(v).any(|k| is_subj_rel(tr.rel(k)) && tr.lemma_is(k, DOCUMENT_NOUNS)))
    }

    /// Who speaks in reported speech: the subject of the reporting verb, or, when that is a
    /// common noun with a name in apposition (`the head of the union, Ana Ruiz, said`), the name.
    pub(crate) fn speaker(&self, s: usize) -> Part {
        let tr = self.tr;
        if let Some(a) = self.author(s) {
            // the author without its `'s`, `from` or `by`
            let mut part = self.np(a, false);
            let own_case = |x: &usize| tr.head[*x] == a && tr.base(*x) == "case";
            part.toks.retain(|x| !own_case(x));
            part.min.retain(|x| !own_case(x));
            return part;
        }
        if tr.upos(s) == "NOUN" {
            if let Some(a) = tr.kids(s).find(|&a| a > s && tr.rel(a) == "appos" && tr.upos(a) == "PROPN") {
                return self.np(a, true);
            }
        }
        self.np(s, false)
    }

    /// Builds the verb-clause propositions of predicate `p`. An object-controlled infinitive
    /// (`urged X to go`) makes two facts for the graph; CaRB's annotators keep the merged
    /// relation (`urged to go`), so CaRB gets that reading instead.
    pub fn verb_props(&self, p: usize, out: &mut Vec<Prop>) {
        let split = self.chain_from(p, true);
        let merged = self.chain_from(p, false);
        if split == merged {
            return self.verb_props_of(p, split, out);
        }
        let start = out.len();
        self.verb_props_of(p, merged, out);
        out[start..].iter_mut().for_each(|q| q.graph = false);
        let start = out.len();
        self.verb_props_of(p, split, out);
        out[start..].iter_mut().for_each(|q| q.carb = false);
    }

    /// An object that is the subject of a clause of its own (`encouraged the agency to release
    /// the files`, `prevented users from sharing videos`) keeps that clause: `encourage – agency`
    /// alone says nothing of what was encouraged, a cut argument. The inner clause is still a
    /// fact of its own (`agency – release – files`, planned). Not for a clause merged into the
    /// relation (`chain`: the CaRB reading `encouraged to release`).
    fn keep_controlled_clause(&self, chain: &[usize], slots: &mut [Slot]) {
        let tr = self.tr;
        // `allowed him to run`: the parser often makes a pronoun before the infinitive an `iobj`;
        // beside a real object (`gave him a book to read`) it is no controller
        let has_obj = slots.iter().any(|sl| sl.kind == Kind::Obj);
        for sl in slots.iter_mut().filter(|sl| sl.kind == Kind::Obj || sl.kind == Kind::Iobj && !has_obj) {
            let o = sl.part.head;
            // `deployed police officers` is whole: what they were sent to do is a fact of its own
            if o >= tr.len() || tr.head[o] != NONE && tr.lemma_is(tr.head[o], super::control::DISPATCH_VERBS) {
                continue;
            }
            let under_verb = chain.iter().flat_map(|&c| tr.kids(c)).filter(|&x| {
                !chain.contains(&x) && (self.object_controller(x) == Some(o) || (tr.base(x) == "advcl" && self.gerund_controller(x) == Some(o)))
            });
            let under_object = tr
                .kids(o)
                .filter(|&x| self.acl_object_controller(x) == Some(o) || (tr.base(x) == "acl" && self.gerund_controller(x) == Some(o)));
            let Some(x) = under_verb.chain(under_object).next() else {
                continue;
            };
            // only an infinitive or a gerund after its preposition is the object's clause; a
            // participle on the verb (`make an order declaring …`) describes something else
            if tr.base(x) == "xcomp" && !tr.has_feat(x, "VerbForm=Inf") && !tr.kids(x).any(|m| m < x && tr.lemma_is(m, &["to"])) {
                continue;
            }
            let mut clause = tr.phrase(x, &|_| false);
            clause.sort_unstable();
            // the clause ends at the first comma: what follows is set off from it (`banned X from
            // flying, with officials saying …`, `prevented users from sharing it, claiming …`)
            if let Some(cut) = clause.iter().position(|&t| t > x && tr.upos(t) == "PUNCT" && tr.form(t) == ",") {
                clause.truncate(cut);
            }
            // nor at a closing quote or bracket the parser hung on it
            while clause.last().is_some_and(|&t| tr.upos(t) == "PUNCT") {
                clause.pop();
            }
            for toks in [&mut sl.part.toks, &mut sl.part.min] {
                toks.extend(clause.iter().copied());
                toks.sort_unstable();
                toks.dedup();
            }
        }
    }

    fn verb_props_of(&self, p: usize, (chain, comp): (Vec<usize>, Option<usize>), out: &mut Vec<Prop>) {
        let tr = self.tr;
        let Some((subj, sconf)) = self.subject(p, 0) else { return };
        let copular = tr.kid(p, "cop").is_some();
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
                // `not only` adds, it neither denies nor names the relation
                let focus = self.additive_focus(k) || (k > 0 && self.additive_focus(k - 1));
                if take && !focus {
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
                        if self.by_agent(c, k) {
                            Kind::Agent
                        } else {
                            Kind::Obl
                        }
                    }
                    "xcomp" if Some(k) == comp => Kind::Comp,
                    "advcl" if self.judged_deed_marker(c, k).is_some() => {
                        slots.push(self.judged_deed_slot(k));
                        continue;
                    }
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
                } else if let Some(o) = (kind == Kind::Obj).then(|| self.coordinated_pronoun_object(p, k)).flatten() {
                    // `… the driver and detained him` (coord.rs)
                    o
                } else {
                    self.arg_part(k, c, !case.is_empty())
                };
                slots.push(Slot { kind, part, case });
            }
        }
        // `was found guilty of bribing X`: the verdict adjective is the complement, its deed
        // hangs on it
        if let Some(x) = comp.filter(|&x| tr.upos(x) == "ADJ") {
            for k in tr.kids(x) {
                if self.judged_deed_marker(x, k).is_some() {
                    slots.push(self.judged_deed_slot(k));
                }
            }
        }
        self.keep_controlled_clause(&chain, &mut slots);
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
                // before the conjunct (`met in X and signed Y`) shares nothing
                // (CaRB's annotators often share it anyway, so the reading stays there)
                let own_args = tr.kids(p).any(|k| k > p && k < c && matches!(tr.base(k), "obl" | "obj" | "xcomp" | "ccomp" | "advcl"))
                    || self.closed_before_conjunct(p, c);
                // a verb that takes no object shares none (`arrived and detained the man`)
                let objectless = tr.lemma_is(p, super::super::lexicon::NEVER_TRANSITIVE);
                // nor, in the graph, does a passive (`was built in May and could serve rescue
                // purposes`: nothing was built the purposes)
                let passive_verb = tr.kids(p).any(|k| matches!(tr.rel(k), "aux:pass" | "nsubj:pass"));
                if let Some(o) = tr.kids(c).find(|&k| tr.base(k) == "obj" && k > c).filter(|_| !objectless) {
                    if own_args || passive_verb {
                        graph_reject = Some(super::super::quality::OBJECT_NOT_SHARED);
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
        // conjoined verbs share the auxiliaries of the first conjunct (`will restart and expand`),
        // and its negation (`did not restart or expand`); a conjunct with a subject or a past or
        // present tense of its own is its own clause (`did not win the race but won the medal`,
        // `never visited Tarn and she lived in Brelt`): neither the first one's negation nor its
        // passive (`two guards were injured and the roof collapsed`) is its own
        let own_subject = tr.kids(p).any(|k| is_subj_rel(tr.rel(k)));
        let own_tense = matches!(tr.t[p].xpos.as_str(), "VBD" | "VBZ");
        // `not to burn the fields but rather to plough them`: `not A but B` says B
        let contrasted = tr.kids(p).any(|k| tr.base(k) == "cc" && tr.lemma_is(k, &["but", "yet"]));
        let inherited = (tr.rel(p) == "conj" && tr.head[p] != NONE && !tr.kids(p).any(|k| tr.base(k) == "aux")).then(|| tr.head[p]);
        flag_from.extend(inherited);
        for (ci, &c) in flag_from.iter().enumerate() {
            let voice_of_other = inherited == Some(c) && own_subject;
            let clause_of_other = inherited == Some(c) && (own_subject || own_tense);
            if self.negation_of(c).is_some() && !clause_of_other && !(inherited == Some(c) && contrasted) {
                negated = true;
            }
            for k in tr.kids(c) {
                match tr.base(k) {
                    "aux" => {
                        if tr.rel(k) == "aux:pass" && !voice_of_other {
                            passive = true;
                        }
                        if tr.lemma_is(k, PLANNED_AUX) {
                            modality = Modality::Planned;
                        } else if self.scheduled_be(c, k) && modality == Modality::Asserted {
                            // `the council is to vote`: bound or scheduled to; `if it were to
                            // vote`: only supposed
                            let supposed = tr.kids(c).any(|m| m < k && tr.base(m) == "mark" && tr.lemma_is(m, &["if"]));
                            modality = if supposed { Modality::Possible } else { Modality::Planned };
                        } else if tr.lemma_is(k, POSSIBLE_AUX) && modality == Modality::Asserted {
                            modality = Modality::Possible;
                        }
                    }
                    "nsubj" if tr.rel(k) == "nsubj:pass" && !voice_of_other => passive = true,
                    "obl" if (tr.rel(k) == "obl:agent" || self.by_agent(c, k)) && tr.t[c].xpos == "VBN" => passive = true,
                    // `without naming a date`: the subject did not name one
                    "mark" if tr.lemma_is(k, &["without"]) => negated = true,
                    // `instead of naming a date`, `rather than naming one`: the alternative not taken
                    "mark" | "cc" | "case" if tr.lemma_is(k, &["instead", "rather"]) && tr.kids(k).any(|f| tr.rel(f) == "fixed" && tr.form_is(f, &["of", "than"])) => {
                        negated = true
                    }
                    "advmod" if tr.lemma_is(k, HEDGE_ADVERBS) => modality = Modality::Reported,
                    "advmod" if tr.lemma_is(k, &["possibly", "perhaps", "maybe", "probably"]) && modality == Modality::Asserted => {
                        modality = Modality::Possible
                    }
                    "obj" | "nsubj" if !clause_of_other => {
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
                        if tr.lemma_is(k, REPORTING) && !self.opens_with_relative_word(k) {
                            if let Some(s) = self.speaking_subject(k) {
                                attribution = Some(self.speaker(s));
                            }
                        }
                    }
                    _ => {}
                }
            }
            // (so does the copula of an infinitive ending the chain: `decided to be a teacher`,
            // `refused to be a candidate` say what the subject meant to be, not what it was)
            let copular_next = ci + 1 == chain.len() && comp.is_some_and(|x| self.copular_infinitive_of(c, x));
            if (ci + 1 < chain.len() && ci < chain.len()) || copular_next {
                // `refused to pay`, `failed to stop`, `was unable to reach`: the completing verb
                // did not happen
                if tr.lemma_is(c, NEGATIVE_HEADS) {
                    negated = true;
                }
                // (a refusal is done and denies the act: `refused to sign` is no plan to sign;
                // `would consider leaving` stays possible)
                let proposed = modality == Modality::Asserted && self.proposes_gerund(c, chain[ci + 1..].first().copied());
                if (self.plans(c) && !tr.lemma_is(c, NEGATIVE_HEADS)) || proposed {
                    if tr.lemma_is(c, REPORTED_HEADS) && passive {
                        modality = Modality::Reported;
                    } else {
                        modality = Modality::Planned;
                    }
                } else if tr.lemma_is(c, POSSIBLE_HEADS) && modality == Modality::Asserted && !self.realized_ability(c) {
                    modality = Modality::Possible;
                } else if tr.lemma_is(c, REPORTED_HEADS) && passive {
                    modality = Modality::Reported;
                }
            }
        }
        if !passive && self.participial_passive(p) {
            passive = true;
        }
        if let Some(m) = self.controlled_modality(p) {
            modality = m;
        }
        if self.controlled_denied(p) {
            negated = true;
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
        if tr.base(up) == "ccomp" && tr.head[up] != NONE && self.reports(tr.head[up]) {
            let r = tr.head[up];
            if let Some(s) = self.speaking_subject(r) {
                attribution = Some(self.speaker(s));
            }
        }
        // a non-finite adverbial or complement happens in the world of its governor
        // (`is expected to land before turning north`: the turning is forecast too)
        if modality == Modality::Asserted {
            if let Some(m) = self.governing_modality(p) {
                modality = m;
            }
        }
        // a question asserts nothing (`Will the talks resume?`): its `?` hangs on the predicate
        if tr.kids(p).any(|k| tr.form(k) == "?") {
            modality = Modality::Possible;
        }
        // a purpose infinitive (`eased the rules to win the vote`, `in order to attract investors`)
        // says what its subject wanted, not what happened
        if modality == Modality::Asserted && (self.purpose_infinitive(p) || self.advocated_gerund(p)) {
            modality = Modality::Planned;
        }
        // an infinitive with a `for` subject (`a way for crews to reach the ship`, `called for the
        // minister to resign`) or standing as a subject itself (`to stay on would be a risk`) names
        // an act that may come, not one that came (but `it took hours for crews to reach it`)
        // (a planned one stays planned, `the intent for the firm to leave`, unless it is a subject)
        let as_subject = tr.base(p) == "csubj";
        if (modality == Modality::Asserted || (as_subject && modality == Modality::Planned)) && self.open_infinitive(p) {
            modality = Modality::Possible;
        }
        // a degree complement says what the degree allows or rules out: `too young to vote`
        // and `not old enough to own a gun` deny the act; `old enough to vote` makes it possible,
        // except in the past (`was quick enough to escape` says the escape happened)
        if let Some((g, too)) = self.degree_complement(last) {
            if self.negation_of(last).is_none() {
                negated = too != self.negation_of(g).is_some();
            }
            let past = tr.kids(g).any(|k| tr.base(k) == "cop" && tr.t[k].xpos == "VBD");
            if !negated && !too && !past && modality == Modality::Asserted {
                modality = Modality::Possible;
            }
        }
        // a relative clause on a free-choice noun (`any groups who endorsed him`, `anyone who
        // votes`) says what such a one would do, not what someone did
        if modality == Modality::Asserted && self.free_choice_relative(p) {
            modality = Modality::Possible;
        }
        // a wish (`God bless them`, `Heaven help us`): the base form after a deity's name
        if modality == Modality::Asserted && self.optative(p) {
            modality = Modality::Possible;
        }
        // a conditional or hypothetical clause is not asserted
        let conditional = |v: usize| super::claims::hypothetical_clause(tr, v);
        if tr.rel(p) == "advcl" && conditional(p) {
            modality = Modality::Possible;
        }
        // and so is its consequent (`[he said] if the river rises, the town will evacuate`): it
        // happens only in the world of the condition, whoever reports it
        // — but a report the parser hung the condition on happened (`told reporters the beacon
        // works, even if the ship sinks`, `if asked, she said, she would go`): the condition
        // belongs to what was said, unless the report itself is modal or not in the past (`if
        // elected, he will say`, `if you ask, your friend says …`)
        let conditioned = |v: usize| tr.kids(v).any(|k| tr.base(k) == "advcl" && super::claims::condition_clause(tr, k));
        let plain_report = |v: usize| {
            self.reports(v) && tr.t[v].xpos == "VBD" && !tr.kids(v).any(|k| tr.base(k) == "aux" && tr.t[k].xpos == "MD")
        };
        if conditioned(p) && !plain_report(p) {
            modality = Modality::Possible;
        }
        let g = tr.head[p];
        if matches!(tr.base(p), "ccomp" | "parataxis") && g != NONE && conditioned(g) && plain_report(g) {
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
        let undergone = self.undergone_without_agent(&base);
        for p in self.split_agents(base).into_iter().chain(undergone) {
            self.split_coordination(p, out);
        }
    }

    /// Splits coordinated subjects and the first object/complement into separate propositions.
    pub(super) fn split_coordination(&self, base: Prop, out: &mut Vec<Prop>) {
        let tr = self.tr;
        let subj_variants = self.conj_variants(&base.subj);
        if subj_variants.len() > 1 && base.graph && self.mutual_event(&base) {
            // `A and B met`: each met the other (`A met with B`, `B met with A`); CaRB keeps the
            // joint reading
            for (i, a) in subj_variants.iter().enumerate().take(4) {
                for (j, b) in subj_variants.iter().enumerate().take(4) {
                    if i == j {
                        continue;
                    }
                    let mut p = base.clone();
                    p.rule = "collective";
                    p.subj = a.clone();
                    p.slots.insert(0, Slot { kind: Kind::Obl, part: b.clone(), case: Vec::new() });
                    p.conf *= 0.9 - 0.02 * (i + j) as f32;
                    p.carb = false;
                    out.push(p);
                }
            }
            // `A and B agreed on X`: what they agreed on is each one's fact too
            if self.mutual_topic(&base) {
                for (i, a) in subj_variants.iter().enumerate().take(4) {
                    let mut p = base.clone();
                    p.subj = a.clone();
                    p.conf *= 0.97 - 0.02 * i as f32;
                    p.carb = false;
                    out.push(p);
                }
            }
            let mut p = base;
            p.graph = false;
            out.push(p);
            return;
        }
        if subj_variants.len() > 1 && base.graph && base.carb && tr.lemma_is(base.pred, SYMMETRIC_VERBS) {
            // CaRB keeps the joint subject of a symmetric verb; the graph gets each member
            let mut joint = base.clone();
            joint.graph = false;
            self.split_coordination(joint, out);
            let mut each = base;
            each.carb = false;
            return self.split_coordination(each, out);
        }
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
        // a symmetric verb whose partner is named elsewhere (`A and B met with C`, `A and B held
        // talks`): each member did it
        let symmetric = tr.lemma_is(base.pred, SYMMETRIC_VERBS) && !base.graph;
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

    /// Whether `p` is a past participle passive without an auxiliary: on the noun before it
    /// ([`Self::noun_participle_passive`]) or opening the sentence ([`Self::fronted_passive`]).
    pub(super) fn participial_passive(&self, p: usize) -> bool {
        self.fronted_passive(p) || self.noun_participle_passive(p)
    }

    /// `When asked about the delay, the mayor …`, `If convicted, X …`: a past participle opening
    /// the sentence as an `advcl` of a later verb, with no subject, auxiliary or object of its
    /// own, is the passive of the main clause's subject (repair `fronted-participle` tags it).
    fn fronted_passive(&self, p: usize) -> bool {
        let tr = self.tr;
        tr.rel(p) == "advcl"
            && tr.upos(p) == "VERB"
            && tr.t[p].xpos == "VBN"
            && tr.head[p] != NONE
            && tr.head[p] > p
            && !tr.kids(p).any(|k| matches!(tr.base(k), "aux" | "cop" | "nsubj" | "csubj" | "obj" | "expl"))
            && !tr.lemma_is(p, INTRANSITIVE_VERBS)
    }

    /// A past participle on the noun before it (`a report released on Monday`, `the man, arrested
    /// in May, …`), or opening the sentence on the subject after its comma (`Built in 1870, the
    /// bridge …`, which the parser hangs on the noun, not on the verb): tagged `VBN`, an `acl`
    /// with no auxiliary, subject, object or marker of its own, of a verb that can take an object
    /// (`the prices risen`, `a man retired since May` describe what the noun did).
    fn noun_participle_passive(&self, p: usize) -> bool {
        let tr = self.tr;
        tr.rel(p) == "acl"
            && tr.upos(p) == "VERB"
            && tr.t[p].xpos == "VBN"
            && tr.head[p] != NONE
            && (tr.head[p] < p || self.fronted_on_subject(p))
            && matches!(tr.upos(tr.head[p]), "NOUN" | "PROPN" | "PRON" | "NUM")
            && !tr.kids(p).any(|k| matches!(tr.base(k), "aux" | "cop" | "nsubj" | "csubj" | "obj" | "mark" | "expl"))
            && !tr.lemma_is(p, INTRANSITIVE_VERBS)
    }

    /// Whether participle `p` opens the sentence and modifies, across a comma, the noun after it.
    fn fronted_on_subject(&self, p: usize) -> bool {
        let tr = self.tr;
        let h = tr.head[p];
        (0..p).all(|k| tr.is_punct(k)) && h > p && (p + 1..h).any(|k| tr.form(k) == ",")
    }

    /// Whether verb `p`'s phrase is closed before its conjunct `c`, so the two share no object:
    /// an adverb of `p` stands between them (`reacted fast and stopped a man`: right-node
    /// raising puts nothing between the first verb and the coordinator), or the conjunct repeats
    /// the infinitive marker (`to rebuild and to win markets`, `not to stay but to sell the
    /// farm`: two infinitive phrases, each with its own complements).
    fn closed_before_conjunct(&self, p: usize, c: usize) -> bool {
        let tr = self.tr;
        let adverb_between = tr.kids(p).any(|k| k > p && k < c && tr.base(k) == "advmod");
        let own_marker = tr.kids(c).any(|k| k < c && tr.base(k) == "mark" && tr.lemma_is(k, &["to"]));
        adverb_between || own_marker
    }

    /// The oblique slot of a judged deed (`of stealing the jewels`): its preposition and the
    /// gerund phrase up to the first comma (what follows is set off from it), without a clause
    /// of its own coordinated into it (`for hosting the site and who have spent …`).
    fn judged_deed_slot(&self, x: usize) -> Slot {
        let tr = self.tr;
        let case: Vec<usize> = tr.kids(x).filter(|&m| tr.base(m) == "mark" && m < x).collect();
        let own_clause = |y: usize| tr.base(y) == "conj" && tr.kids(y).any(|k| is_subj_rel(tr.rel(k)));
        let mut toks = tr.phrase(x, &|y| (tr.head[y] == x && tr.base(y) == "mark" && y < x) || own_clause(y));
        let comma = (x + 1..tr.len()).find(|&t| tr.form(t) == ",").unwrap_or(tr.len());
        toks.retain(|&t| t < comma);
        toks.sort_unstable();
        // a comma inside brackets (`the Union (EU), known as …`) leaves the bracket open: the
        // phrase ends before it
        let open = toks.iter().filter(|&&t| tr.form(t) == "(").count();
        if open > toks.iter().filter(|&&t| tr.form(t) == ")").count() {
            if let Some(b) = toks.iter().rposition(|&t| tr.form(t) == "(") {
                toks.truncate(b);
            }
        }
        Slot {
            kind: Kind::Obl,
            part: Part { head: x, min: toks.clone(), toks, poss_after: None, text: None },
            case,
        }
    }

    /// Whether a mutual event names what it was about (`agreed on a border`, `clashed over
    /// water rights`, `talked about trade`): the pair's partner fact alone loses it. A date after
    /// `on` is when, not what (`agreed on Monday`); `meet` and `hold` take no topic this way.
    fn mutual_topic(&self, p: &Prop) -> bool {
        let tr = self.tr;
        // (`spoke on the phone` is how; speech takes its topic with `about`)
        let preps: &[&str] = if tr.lemma_is(p.pred, &["speak", "talk"]) { &["about"] } else { &["on", "over", "about"] };
        let topic = |s: &Slot| s.kind == Kind::Obl && s.case.iter().any(|&c| tr.lemma_is(c, preps)) && !self.is_date(s.part.head);
        !tr.lemma_is(p.pred, &["meet", "hold"]) && p.slots.iter().any(topic)
    }

    /// Whether a clause with coordinated subjects is an event between them (`A and B met`,
    /// `… clashed over X`, `… have agreed`): its last verb is symmetric, active, and names no
    /// other partner or complement (`met with C`, `spoke to reporters`, `held talks`).
    fn mutual_event(&self, p: &Prop) -> bool {
        let tr = self.tr;
        let act = p.rel.iter().rev().copied().find(|&k| tr.upos(k) == "VERB");
        act.is_some_and(|v| tr.lemma_is(v, SYMMETRIC_VERBS) && !tr.lemma_is(v, &["hold"]))
            && p.lit.is_none()
            && !p.passive
            && !p.negated
            && !p.slots.iter().any(|s| matches!(s.kind, Kind::Obj | Kind::Iobj | Kind::Comp | Kind::Clause | Kind::Agent))
            && !p.slots.iter().any(|s| {
                s.kind == Kind::Obl && s.case.iter().any(|&c| tr.lemma_is(c, &["to", "with", "against", "between", "among", "alongside"]))
            })
    }

    /// `A, B and C` → the three conjuncts as separate parts (one part when not coordinated).
    pub(super) fn conj_variants(&self, part: &Part) -> Vec<Part> {
        let tr = self.tr;
        let h = part.head;
        if part.text.is_some() || part.poss_after.is_some() || h >= tr.len() {
            return vec![part.clone()];
        }
        let mut conjs = self.list_members(h);
        // `sold 3 or 4 of the boats`, `between 10 and 20`: numbers joined by `or`, or by `and`
        // after `between`, are one estimate or range, not a list of amounts (`in 2014 and 2018` is)
        if tr.upos(h) == "NUM" && !conjs.is_empty() && conjs.iter().all(|&c| tr.upos(c) == "NUM") {
            let joined_by = |w: &str| conjs.iter().any(|&c| tr.kids(c).any(|k| tr.base(k) == "cc" && tr.lemma_is(k, &[w])));
            let between = h > 0 && tr.form(h - 1).eq_ignore_ascii_case("between");
            if joined_by("or") || (between && joined_by("and")) {
                return vec![part.clone()];
            }
        }
        // `dismissed two mayors in the history of Norvia, Ana Reyes and Ivo Tamm`: the names that
        // close the phrase are the members the number counts
        if conjs.is_empty() {
            conjs = self.counted_names(h);
        }
        // `associates Ann Bell and Eve Ford`: the minimal argument is the name, and the list is its
        if conjs.is_empty() && !part.min.contains(&h) {
            if let Some(a) = part.min.iter().copied().find(|&x| tr.head[x] == h && tr.upos(x) == "PROPN") {
                conjs = self.list_members(a);
            }
        }
        // `artists such as Ivo Tamm and Ola Berg`: the examples are arguments too, each of them
        let examples: Vec<usize> = if part.min.contains(&h) { self.such_as_examples(h) } else { Vec::new() };
        if conjs.is_empty() && examples.is_empty() {
            return vec![part.clone()];
        }
        // names such as `Procter and Gamble` stay whole when all conjuncts are short proper nouns
        // inside one mention
        if let Some((s, e)) = self.ment_at(h) {
            if !conjs.is_empty() && conjs.iter().all(|&c| c >= s && c < e) {
                return vec![part.clone()];
            }
        }
        let mut v = vec![part.clone()];
        // (a conjunct's examples too: `associates Ann Bell and artists such as Ivo Tamm`)
        let examples: Vec<usize> = examples.into_iter().chain(conjs.iter().flat_map(|&c| self.such_as_examples(c))).collect();
        for e in examples {
            if !conjs.contains(&e) {
                v.push(self.np(e, true));
                let more: Vec<usize> = self.list_members(e).into_iter().filter(|c| !conjs.contains(c)).collect();
                conjs.extend(more);
            }
        }
        for c in conjs {
            // (a conjunct's own preposition is the slot's: `for X and for Z`)
            let own_case = tr.kids(c).any(|k| k < c && tr.base(k) == "case");
            let mut q = self.np(c, own_case);
            // a shared preposition or determiner-less head keeps the case of the first conjunct
            q.toks.retain(|&x| !(tr.head[x] == c && tr.base(x) == "cc"));
            q.min.retain(|&x| !(tr.head[x] == c && tr.base(x) == "cc"));
            v.push(q);
        }
        v
    }

    /// The people a counted plural noun names in a list that closes the sentence, when the parser
    /// hung the list on a nearer word (`dismissed two mayors in the history of Norvia, Ana Reyes
    /// and Ivo Tamm`, the names parsed as conjuncts of `Norvia`): after a comma, with no verb
    /// between the noun and the list, the first name attached to a word that is neither the noun
    /// nor a person, and as many names as the number says. Empty otherwise.
    fn counted_names(&self, h: usize) -> Vec<usize> {
        let tr = self.tr;
        let n_toks = tr.len();
        if !matches!(tr.upos(h), "NOUN" | "PROPN") || !tr.has_feat(h, "Number=Plur") {
            return Vec::new();
        }
        let Some(n) = tr.kids(h).find(|&k| tr.base(k) == "nummod").and_then(|k| small_number(tr.form(k))) else {
            return Vec::new();
        };
        let person = |k: usize| self.kind_at(k) == Some(crate::document::EntityType::Person) && self.ment_at(k).is_some_and(|(s, _)| s == k);
        let Some(first) = (h + 1..n_toks).find(|&k| person(k)) else {
            return Vec::new();
        };
        let attached_elsewhere = matches!(tr.rel(first), "conj" | "appos") && tr.head[first] != h && tr.head[first] != NONE && !person(tr.head[first]);
        if tr.form(first - 1) != "," || (h + 1..first).any(|k| matches!(tr.upos(k), "VERB" | "AUX")) || !attached_elsewhere {
            return Vec::new();
        }
        let mut names = vec![first];
        names.extend(self.list_members(first).into_iter().filter(|&k| person(k)));
        names.extend((first + 1..n_toks).filter(|&k| person(k) && tr.rel(k) == "conj" && tr.head[k] == tr.head[first]));
        names.sort_unstable();
        names.dedup();
        // the list closes the sentence
        let end = self.ment_at(*names.last().unwrap()).map_or(n_toks, |(_, e)| e);
        if names.len() != n || (end..n_toks).any(|k| !tr.is_punct(k)) {
            return Vec::new();
        }
        names
    }

    /// The named examples of a noun: `countries such as Norland and Estavia` → `Norland` (its
    /// conjuncts are found as a list of it), and so the members a noun is said to include
    /// (`several people, including Ivo Tamm, died`: he died too). Only names: common-noun examples
    /// (`skills such as surgery`) were mostly wrong on fresh news, where the clause they inherit was.
    fn such_as_examples(&self, h: usize) -> Vec<usize> {
        let tr = self.tr;
        if tr.upos(h) != "NOUN" {
            return Vec::new();
        }
        let such_as = |c: usize| tr.base(c) == "case" && tr.lemma_is(c, &["such"]) && tr.kids(c).any(|f| tr.rel(f) == "fixed" && tr.lemma_is(f, &["as"]));
        let including = |c: usize| tr.base(c) == "case" && tr.form(c).eq_ignore_ascii_case("including");
        tr.kids(h)
            .filter(|&k| k > h && tr.base(k) == "nmod" && tr.upos(k) == "PROPN" && tr.kids(k).any(|c| c < k && (such_as(c) || including(c))))
            .collect()
    }

    pub(super) fn comp_conj_variants(&self, part: &Part) -> Vec<Part> {
        let tr = self.tr;
        let h = part.head;
        let conjs: Vec<usize> = tr
            .kids(h)
            .filter(|&k| {
                tr.rel(k) == "conj"
                    && matches!(tr.upos(k), "NOUN" | "PROPN" | "ADJ" | "NUM")
                    && tr.kid(k, "cop").is_none()
                    && !tr.kids(k).any(|x| is_subj_rel(tr.rel(x)))
                    // `is a territory but not a state`: a complement set off by its own `not`
                    // is what the clause denies, not one more thing it states
                    && (self.negation_of(k).is_none() || self.negation_of(h).is_some())
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
}

#[cfg(test)]
mod tests {
    use crate::document::Modality;
    use crate::extract::tests::{find, show, triples};

    /// `Norvia is a territory but not a state .` (invented): the complement denied by its own
    /// `not` is no class of the subject; the stated one stays.
    #[test]
    fn a_complement_set_off_by_not_is_no_part_of_the_statement() {
        let rows = "
            Norvia Norvia PROPN NNP 4 nsubj
            is be AUX VBZ 4 cop
            a a DET DT 4 det
            territory territory NOUN NN 0 root
            but but CCONJ CC 8 cc
            not not PART RB 8 advmod
            a a DET DT 8 det
            state state NOUN NN 4 conj
            . . PUNCT . 4 punct";
        let ts = triples(rows);
        find(&ts, "Norvia", "is a", Some("territory"));
        assert!(!ts.iter().any(|t| t.object.as_ref().is_some_and(|o| o.text == "state") && !t.negated), "{}", show(&ts));
    }

    #[test]
    fn an_ability_stated_in_the_past_was_used() {
        // `Mara Vellin was able to reach the coast.` (invented): she reached it
        let able = "
            Mara Mara PROPN NNP 2 compound
            Vellin Vellin PROPN NNP 4 nsubj
            was be AUX VBD 4 cop VerbForm=Fin
            able able ADJ JJ 0 root
            to to PART TO 6 mark
            reach reach VERB VB 4 xcomp VerbForm=Inf
            the the DET DT 8 det
            coast coast NOUN NN 6 obj
            . . PUNCT . 4 punct";
        let ts = triples(able);
        assert!(ts.iter().any(|t| t.relation.contains("reach") && t.modality == Modality::Asserted), "{}", show(&ts));
        // `is able to` is an ability only
        let is_able = able.replace("was be AUX VBD", "is be AUX VBZ");
        let ts = triples(&is_able);
        assert!(ts.iter().any(|t| t.relation.contains("reach") && t.modality == Modality::Possible), "{}", show(&ts));
    }
    #[test]
    fn a_degree_complement_denies_or_allows_its_act() {
        // `Ivo Oster was not old enough to own a boat.` (invented): he owned none
        let enough = "
            Ivo Ivo PROPN NNP 5 nsubj
            Oster Oster PROPN NNP 1 flat
            was be AUX VBD 5 cop VerbForm=Fin
            not not PART RB 5 advmod
            old old ADJ JJ 0 root
            enough enough ADV RB 5 advmod
            to to PART TO 8 mark
            own own VERB VB 5 advcl VerbForm=Inf
            a a DET DT 10 det
            boat boat NOUN NN 8 obj
            . . PUNCT . 5 punct";
        let owns = |rows: &str| triples(rows).into_iter().find(|t| t.relation.contains("own")).map(|t| (t.negated, t.modality));
        assert_eq!(owns(enough), Some((true, Modality::Asserted)), "{}", show(&triples(enough)));
        // `is old enough to own a boat`: he may own one
        let may = enough.replace("was be AUX VBD", "is be AUX VBZ").replace("not not PART RB 5 advmod", "very very ADV RB 5 advmod");
        assert_eq!(owns(&may), Some((false, Modality::Possible)), "{}", show(&triples(&may)));
        // `was too old to own a boat`: he owned none
        let too = enough.replace("not not PART RB 5 advmod", "too too ADV RB 5 advmod").replace("enough enough ADV RB 5 advmod", "then then ADV RB 5 advmod");
        assert_eq!(owns(&too).map(|o| o.0), Some(true), "{}", show(&triples(&too)));
        // `was not old enough to rent or own a boat`: the second conjunct is denied too
        let pair = enough
            .replace("own own VERB VB 5 advcl", "rent rent VERB VB 5 advcl VerbForm=Inf\n or or CCONJ CC 10 cc\n own own VERB VB 8 conj")
            .replace("a a DET DT 10 det", "a a DET DT 12 det")
            .replace("boat boat NOUN NN 8 obj", "boat boat NOUN NN 10 obj");
        assert_eq!(owns(&pair), Some((true, Modality::Asserted)), "{}", show(&triples(&pair)));
    }

    #[test]
    fn a_wish_to_a_deity_is_no_event() {
        // `God bless the sailors.` (invented)
        let wish = "
            God God PROPN NNP 2 nsubj
            bless bless VERB VBP 0 root VerbForm=Fin
            the the DET DT 4 det
            sailors sailor NOUN NNS 2 obj
            . . PUNCT . 2 punct";
        let ts = triples(wish);
        assert!(ts.iter().any(|t| t.relation.contains("bless") && t.modality == Modality::Possible), "{}", show(&ts));
        // `God blesses the sailors` agrees with its subject: a statement
        let statement = wish.replace("bless bless VERB VBP", "blesses bless VERB VBZ");
        let ts = triples(&statement);
        assert!(ts.iter().any(|t| t.relation.contains("bless") && t.modality == Modality::Asserted), "{}", show(&ts));
    }

    #[test]
    fn a_relative_clause_on_a_free_choice_noun_is_no_event() {
        // `Oster named any groups who endorsed the plan .` (invented): no endorsement is stated
        let any = "
            Oster Oster PROPN NNP 2 nsubj
            named name VERB VBD 0 root VerbForm=Fin
            any any DET DT 4 det
            groups group NOUN NNS 2 obj
            who who PRON WP 6 nsubj PronType=Rel
            endorsed endorse VERB VBD 4 acl:relcl VerbForm=Fin
            the the DET DT 8 det
            plan plan NOUN NN 6 obj
            . . PUNCT . 2 punct";
        let endorse = |rows: &str| triples(rows).into_iter().find(|t| t.relation.contains("endorse")).map(|t| t.modality);
        // (possible, or left out as a generic noun's possible act)
        assert_ne!(endorse(any), Some(Modality::Asserted), "{}", show(&triples(any)));
        // `the groups who endorsed the plan` did
        let the = any.replace("any any DET DT 4 det", "the the DET DT 4 det");
        assert_eq!(endorse(&the), Some(Modality::Asserted), "{}", show(&triples(&the)));
    }
}
