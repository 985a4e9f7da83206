//! Object control: `X invited Y to join`, `X urged Y to leave`, `X asked Y to stay`. The object
//! of the main verb is the subject of its infinitive (`xcomp`), so the two verbs are two facts —
//! `X invite Y` and `Y join …` — never one merged relation with the main verb's subject
//! (`X invited to join Y`). The infinitive is what X wants, asks or allows, not something that
//! happened: it is planned, unless the main verb brings it about (`forced Y to resign`).
//!
//! The same holds for a gerund after a preposition (`accused Y of lying`, `banned Y from
//! entering`, `blamed Y for ignoring`): Y, not X, is the gerund's subject. What the gerund then
//! is depends on the governor: an accusation only claims it (reported), a prevention keeps it
//! from happening (possible), a judgement (`fined Y for polluting`) takes it as done.
//!
//! In: an `xcomp` predicate, or a gerund `advcl`/`acl`. Out: the governor's object that controls
//! it, and the modality the controlled clause takes.

use super::*;

/// English verbs whose object is the subject of a following infinitive (object control and
/// `expect`-type raising: `asked X to go`, `let X go`, `expected X to win`). The class is closed
/// and general; a verb outside it with an object and an infinitive is usually a misparsed purpose
/// clause or noun complement (`had money to buy food`, `sent letters to warn voters`), whose
/// object does not act.
const OBJECT_CONTROL_VERBS: &[&str] = &[
    "ask", "urge", "invite", "allow", "permit", "enable", "encourage", "persuade", "convince", "force", "compel", "order",
    "instruct", "tell", "request", "require", "expect", "want", "need", "help", "lead", "cause", "prompt", "get", "push",
    "pressure", "press", "advise", "warn", "remind", "teach", "train", "authorize", "authorise", "empower", "challenge",
    "dare", "beg", "implore", "call", "recruit", "hire", "appoint", "elect", "nominate", "choose", "select", "tempt",
    "inspire", "motivate", "drive", "oblige", "forbid", "prohibit", "let", "make", "see", "hear", "watch",
    "direct", "command", "appeal", "pay", "assign", "commission", "mandate", "entitle", "send", "deploy", "dispatch",
    "mobilize", "mobilise",
];

/// The verbs of [`OBJECT_CONTROL_VERBS`] that ask, require or permit and leave the act to the one
/// asked (`was urged to leave`, `were told to stay`, `is required to file`): in the passive the
/// infinitive is planned; the implicative ones among them (`force`, `compel`, `oblige`: see
/// [`IMPLICATIVE_CONTROL`]) bring it about, and it stays asserted. Not verbs of choosing or
/// training for a task (`was appointed to fill the seat`, `were trained to find`), whose task is
/// usually done. General English, closed class.
const ASKING_VERBS: &[&str] = &[
    "ask", "urge", "invite", "allow", "permit", "encourage", "order", "instruct", "tell", "request", "require", "expect",
    "need", "advise", "warn", "remind", "beg", "implore", "call", "pressure", "press", "challenge", "dare", "authorize",
    "authorise", "mandate", "force", "compel", "oblige",
];

/// Verbs of foreseeing whose object, a thing as well as a person, is the subject of a following
/// infinitive (`envisioned the bridge to end the isolation`, `predicts the rate to fall`): what is
/// foreseen of the object, never the foreseer's own purpose. `expect` is left out: it also takes a
/// purpose (`expected so much time to fix it`). General English, closed class.
const FORESEEING_VERBS: &[&str] = &["envision", "envisage", "predict", "forecast", "anticipate", "foresee", "intend"];

/// Degree words of amount (`so much time`, `more money`, `enough staff`): general English,
/// closed class. An object they measure is a quantity someone spends, not a doer.
const DEGREE_WORDS: &[&str] = &["much", "more", "most", "enough", "less", "least", "little", "few", "fewer"];

/// Verbs of dispatching (`sent troops to guard the border`): the object does the infinitive only
/// when it names someone who can act; things sent (`sent letters to warn voters`) leave the
/// infinitive the sender's purpose. The object alone is a whole fact (`deployed police officers`),
/// so it does not keep the clause as the objects of other control verbs do. General English,
/// closed class.
pub(super) const DISPATCH_VERBS: &[&str] = &["send", "deploy", "dispatch", "mobilize", "mobilise"];

/// The verbs of [`OBJECT_CONTROL_VERBS`] not trusted when the parser hung the infinitive on the
/// object noun (`acl`) instead of the verb: they take a purpose infinitive on their object as
/// often as a controlled one (`needs a platform to recover`, `requested ballots to vote`, `made
/// an arrangement to plead`, `ordered supplies to feed`, `hired a boat to reach`), where the noun
/// does not act. The rest, verbs of urging, permitting and causing, have an object that with an
/// infinitive is nearly always the actor.
const PURPOSE_OBJECT_VERBS: &[&str] = &[
    "order", "request", "require", "expect", "need", "help", "get", "teach", "train", "call", "recruit", "hire",
    "appoint", "elect", "nominate", "choose", "select", "tempt", "drive", "let", "make", "see", "hear", "watch",
    "appeal", "pay", "assign", "commission", "mandate", "send", "deploy", "dispatch", "mobilize", "mobilise",
];

/// Main verbs whose controlled clause did happen (`forced Y to resign` → Y resigned): the
/// implicative causatives of English. Every other object-control verb (`ask`, `urge`, `invite`,
/// `allow`, `expect`, `want`, `tell`, …) leaves it wanted, asked or allowed only.
/// Perception verbs report what was seen happen (`saw Y leave`).
const IMPLICATIVE_CONTROL: &[&str] = &["force", "compel", "make", "cause", "lead", "oblige", "drive", "prompt", "get", "see", "hear", "watch"];

/// Whether object-control verb `g` brings its clause about: an implicative verb, or `help` as a
/// help that was given (`helped the crew unload the boat`: they unloaded it). Help only meant or
/// possible (`to help the crew unload`, `can help them unload`) leaves the act planned.
fn brings_about(tr: &Tree, g: usize) -> bool {
    let finite = |v: usize| matches!(tr.t[v].xpos.as_str(), "VBD" | "VBZ" | "VBP");
    let modal = |k: usize| tr.base(k) == "aux" && (tr.lemma_is(k, POSSIBLE_AUX) || tr.lemma_is(k, PLANNED_AUX));
    tr.lemma_is(g, IMPLICATIVE_CONTROL)
        || (tr.lemma_is(g, &["help"])
            && !tr.kids(g).any(modal)
            && (finite(g) || tr.kids(g).any(|k| tr.base(k) == "aux" && finite(k) && tr.lemma_is(k, &["be", "have"]))))
}

/// Verbs that give their object leave to act (`allowed Y to vote`, `let Y enter`). Denied (`did not
/// allow Y to vote`), the controlled clause is not allowed, so it is not done: negated, not just
/// possible. General English, closed class.
const PERMISSION_VERBS: &[&str] = &["allow", "permit", "let", "enable", "authorize", "authorise", "entitle", "empower"];

/// Verbs that deny their object leave to act (`forbade Y to enter`): the controlled clause is
/// negated unless the forbidding itself is (`did not forbid`).
const FORBIDDING_VERBS: &[&str] = &["forbid", "prohibit"];

/// Verbs of accusing: the object's gerund is someone's claim (`accused Y of lying`).
const GERUND_CLAIM: &[&str] = &["accuse", "suspect", "charge", "allege", "implicate"];

/// Verdicts given as adjectives (`found guilty of`, `found innocent of`).
const VERDICT_ADJECTIVES: &[&str] = &["guilty", "innocent"];

/// Verbs of preventing: the object's gerund is kept from happening (`banned Y from entering`).
const GERUND_PREVENT: &[&str] = &[
    "prevent", "stop", "ban", "bar", "block", "keep", "prohibit", "discourage", "deter", "dissuade", "forbid",
    "preclude", "restrict", "exclude", "exempt", "spare", "protect", "shield", "restrain", "disqualify", "hinder",
];

/// Verbs of judging, rewarding or punishing someone for a deed (`fined Y for polluting`): the
/// deed is taken as done.
const GERUND_JUDGE: &[&str] = &[
    "blame", "criticize", "criticise", "condemn", "fault", "praise", "thank", "commend", "credit", "congratulate",
    "fine", "sue", "punish", "penalize", "penalise", "arrest", "jail", "convict", "sentence", "prosecute",
    "investigate", "reward", "honor", "honour", "applaud", "forgive", "excuse", "acquit", "recognize",
    "recognise", "attack", "slam", "rebuke", "censure", "reprimand", "scold", "mock", "ridicule", "hail",
];

/// Nouns of will, intent and attempt whose infinitive is their possessor's own act (`the firm's
/// decision to close the plant`, `her plan to run`, `its bid to buy`). General English, closed
/// class; nouns whose infinitive is someone else's act (`the union's demand to raise wages`:
/// the employer raises them) are not listed.
pub(super) const WILL_NOUNS: &[&str] = &[
    "decision", "plan", "intention", "intent", "bid", "attempt", "effort", "try", "promise", "pledge", "vow",
    "refusal", "threat", "offer", "proposal", "desire", "wish", "aim", "goal", "ambition", "determination",
    "willingness", "readiness", "reluctance", "failure", "commitment", "resolve", "move", "push", "quest",
    "hope", "choice", "eagerness", "unwillingness",
];

/// Verbs of asking, urging and arranging whose `for` phrase names who is to act in a following
/// infinitive (`called for the board to resign`, `appealed for residents to stay indoors`,
/// `arranged for the files to be sent`): general English, closed class. The `for`-noun, not the
/// verb's subject, is the infinitive's subject, and the infinitive is wanted, not done. Verbs
/// whose `for` phrase is a price, a reason or a time (`paid for tickets to see`, `waited for hours
/// to enter`) are not listed: there the noun does not act.
const FOR_SUBJECT_VERBS: &[&str] = &[
    "call", "ask", "appeal", "plead", "press", "push", "lobby", "campaign", "argue", "pray", "petition", "clamor",
    "clamour", "agitate", "vote", "arrange", "beg", "hope", "long", "yearn", "signal", "advocate",
];

/// Verbs of appealing and relying whose `on` phrase names who is to act in a following
/// infinitive (`called on the council to resign`, `relied on volunteers to clear the road`,
/// `prevailed upon the board to wait`): general English, closed class. As with
/// [`FOR_SUBJECT_VERBS`], the `on`-noun, not the verb's subject, does the infinitive.
const ON_SUBJECT_VERBS: &[&str] = &["call", "rely", "count", "depend", "prevail", "lean", "bank"];

/// Common nouns for people as a group or a public that can act on what is asked of them
/// (`called for residents to leave`, `appealed for the public to help`): general English, the
/// closed class of news's collective human nouns. Single persons with a role or an agent ending
/// (`members`, `killers`, `the director`) and institutions are recognised otherwise.
const HUMAN_GROUP_NOUNS: &[&str] = &[
    "people", "public", "population", "resident", "citizen", "voter", "community", "crowd", "family", "authority",
    "official", "nation", "country", "state", "everyone", "everybody", "someone", "somebody", "anyone", "anybody",
    "person", "man", "woman", "child", "individual", "group", "team", "side", "leadership", "administration",
];

/// Prepositions that link such a governor's object to its gerund.
const GERUND_PREPOSITIONS: &[&str] = &["of", "from", "for", "with"];

impl Rules<'_, '_> {
    /// The modality of a gerund under a passive verb of accusing or preventing (`she is accused of
    /// stealing`, `a man charged with smuggling`, `they were banned from entering`): the passive's
    /// subject is the gerund's subject, and the deed is only claimed (reported) or kept from
    /// happening (possible), as with the active `accused her of stealing`. None when `x` is no
    /// subjectless gerund after `of`/`from`/`for`/`with`, or its governor is no such passive.
    fn passive_gerund_modality(&self, x: usize) -> Option<Modality> {
        let tr = self.tr;
        let m = self.gerund_marker(x)?;
        if tr.base(x) != "advcl" {
            return None;
        }
        let g = tr.head[x];
        // a passive: with its auxiliary or subject, or a bare participle (`a man charged with …`)
        let passive = g != NONE
            && tr.upos(g) == "VERB"
            && (tr.kids(g).any(|k| matches!(tr.rel(k), "aux:pass" | "nsubj:pass")) || tr.t[g].xpos == "VBN" && !tr.kids(g).any(|k| tr.base(k) == "obj"));
        // `will not be blocked from taking`: the negation leaves the clause's own flags alone
        if !passive || self.negation_of(g).is_some() {
            return None;
        }
        if tr.lemma_is(g, GERUND_CLAIM) {
            Some(Modality::Reported)
        } else if tr.lemma_is(g, GERUND_PREVENT) && tr.lemma_is(m, &["from"]) {
            // `banned for playing` punishes a deed done; only `from` keeps it from happening
            Some(Modality::Possible)
        } else {
            None
        }
    }

    /// The preposition before `x` when `x` is a gerund without a subject of its own after one of
    /// [`GERUND_PREPOSITIONS`] (`of lying`, `from entering`): what both the active (`accused the
    /// firm of lying`) and the passive (`was accused of lying`) readings start from.
    fn gerund_marker(&self, x: usize) -> Option<usize> {
        let tr = self.tr;
        if x >= tr.len() || tr.upos(x) != "VERB" || !tr.form(x).to_lowercase().ends_with("ing") {
            return None;
        }
        if tr.kids(x).any(|k| is_subj_rel(tr.rel(k))) {
            return None;
        }
        tr.kids(x).find(|&k| k < x && matches!(tr.base(k), "mark" | "case") && tr.lemma_is(k, GERUND_PREPOSITIONS))
    }

    /// The preposition before gerund `x` when the gerund is the deed that its governor `g` judges
    /// or charges, with no object of `g` to do it (`was convicted of stealing the jewels`, `was
    /// found guilty of bribing a judge`, `were praised for rescuing the crew`): the gerund phrase
    /// is what the verdict or charge is about, its argument, as the noun in `convicted of theft`
    /// is. Without it the verdict stands empty (`was found guilty`). Active governors with an
    /// object (`accused the firm of lying`) are [`Self::gerund_controller`]'s.
    pub(crate) fn judged_deed_marker(&self, g: usize, x: usize) -> Option<usize> {
        let tr = self.tr;
        if tr.base(x) != "advcl" || tr.head[x] != g {
            return None;
        }
        let m = self.gerund_marker(x)?;
        let judged = match tr.upos(g) {
            "VERB" => tr.lemma_is(g, GERUND_CLAIM) || tr.lemma_is(g, GERUND_JUDGE),
            "ADJ" => tr.lemma_is(g, VERDICT_ADJECTIVES),
            _ => false,
        };
        let own_object = tr.kids(g).any(|k| matches!(tr.base(k), "obj" | "iobj"));
        (judged && !own_object && tr.lemma_is(m, &["of", "for", "with"])).then_some(m)
    }

    /// The object of `x`'s governor that is the subject of gerund `x` after a preposition:
    /// `accused [the firm] of lying` (gerund an `advcl` of the verb or an `acl` of the object, as
    /// parsers attach it either way). None when `x` is no gerund, has a subject of its own, has
    /// no such preposition, or the governor is outside the closed class above (`made money from
    /// selling cars`: the money sells nothing).
    pub(crate) fn gerund_controller(&self, x: usize) -> Option<usize> {
        let tr = self.tr;
        let m = self.gerund_marker(x)?;
        let h = tr.head[x];
        if h == NONE {
            return None;
        }
        let (g, o) = match tr.base(x) {
            "advcl" => {
                let o = tr.kids(h).find(|&k| k > h && k < m && tr.base(k) == "obj" && matches!(tr.upos(k), "NOUN" | "PROPN" | "PRON"))?;
                (h, o)
            }
            "acl" if h < m && tr.base(h) == "obj" && matches!(tr.upos(h), "NOUN" | "PROPN" | "PRON") => (tr.head[h], h),
            _ => return None,
        };
        // `sentenced her [to] 20 years for removing …`: a duration or date does nothing
        if self.is_date(o) {
            return None;
        }
        let class = [GERUND_CLAIM, GERUND_PREVENT, GERUND_JUDGE];
        (g != NONE && tr.upos(g) == "VERB" && class.iter().any(|c| tr.lemma_is(g, c))).then_some(o)
    }

    /// Whether gerund `x` is kept from happening by its governor (`stopped the crowd from
    /// entering`): the deed did not take place, so its fact is negated. A negated governor (`did
    /// not stop them from entering`) leaves it open (its modality stays possible).
    pub(crate) fn prevented(&self, x: usize) -> bool {
        let tr = self.tr;
        let Some(m) = self.gerund_marker(x) else { return false };
        if self.gerund_controller(x).is_none() {
            // the passive (`they were banned from entering`) is possible only when prevented
            return self.passive_gerund_modality(x) == Some(Modality::Possible);
        }
        let g = if tr.base(x) == "acl" { tr.head[tr.head[x]] } else { tr.head[x] };
        tr.lemma_is(g, GERUND_PREVENT) && tr.lemma_is(m, &["from"]) && self.negation_of(g).is_none()
    }

    /// The modality of a gerund controlled by its governor's object: reported after a verb of
    /// accusing, possible after one of preventing or a negated governor, asserted otherwise.
    fn gerund_modality(&self, x: usize) -> Option<Modality> {
        let tr = self.tr;
        if self.gerund_controller(x).is_none() {
            return self.passive_gerund_modality(x);
        }
        let g = if tr.base(x) == "acl" { tr.head[tr.head[x]] } else { tr.head[x] };
        if self.negation_of(g).is_some() || tr.lemma_is(g, GERUND_PREVENT) {
            Some(Modality::Possible)
        } else if tr.lemma_is(g, GERUND_CLAIM) {
            Some(Modality::Reported)
        } else {
            None
        }
    }

    /// The object of `x`'s governor that is `x`'s subject (`invited [her] to join`): an `obj` or
    /// `iobj` noun or pronoun placed between the governing verb and the infinitive. None when `x`
    /// is no verbal `xcomp` of a verb, has a subject of its own, or the governor has no such object.
    pub(crate) fn object_controller(&self, x: usize) -> Option<usize> {
        let tr = self.tr;
        if x >= tr.len() || tr.rel(x) != "xcomp" || tr.upos(x) != "VERB" {
            return None;
        }
        let g = tr.head[x];
        if g == NONE || tr.upos(g) != "VERB" || !(tr.lemma_is(g, OBJECT_CONTROL_VERBS) || tr.lemma_is(g, FORESEEING_VERBS)) || tr.kids(x).any(|k| is_subj_rel(tr.rel(k))) {
            return None;
        }
        // `let's go`: the clitic is the speaker's invitation, no argument
        let o = tr.kids(g).find(|&k| {
            k > g
                && k < x
                && matches!(tr.rel(k), "obj" | "iobj")
                && matches!(tr.upos(k), "NOUN" | "PROPN" | "PRON")
                && !tr.form(k).starts_with(['\'', '’'])
        })?;
        (!tr.lemma_is(g, DISPATCH_VERBS) || self.can_act_by(o, false)).then_some(o)
    }

    /// The object that controls a `to`-infinitive the parser hung on the verb as an adverbial
    /// clause (`advcl`) instead of its `xcomp` (`advised the residents of the town to leave`,
    /// `paid a friend to take the test`): the object of an object-control verb is the
    /// infinitive's subject, as with the `xcomp` parse, when it names someone who can act and
    /// its phrase runs up to the `to`. A thing before the infinitive (`paid the fee to qualify`,
    /// `made a landing to refuel`, `pressed the lever to get food`) leaves it a purpose clause of
    /// the verb's subject, except after a verb of foreseeing ([`FORESEEING_VERBS`]: `envisioned
    /// the bridge to end …`). None otherwise.
    pub(crate) fn advcl_object_controller(&self, x: usize) -> Option<usize> {
        let tr = self.tr;
        if x >= tr.len() || tr.rel(x) != "advcl" || tr.upos(x) != "VERB" || tr.kids(x).any(|k| is_subj_rel(tr.rel(k))) {
            return None;
        }
        let to = tr.kids(x).find(|&k| k < x && tr.base(k) == "mark" && tr.lemma_is(k, &["to"]))?;
        let g = tr.head[x];
        let foreseeing = g != NONE && tr.lemma_is(g, FORESEEING_VERBS) && !tr.lemma_is(g, PURPOSE_OBJECT_VERBS);
        if g == NONE || g > to || tr.upos(g) != "VERB" || !(tr.lemma_is(g, OBJECT_CONTROL_VERBS) || foreseeing) {
            return None;
        }
        let o = tr.kids(g).find(|&k| {
            k > g
                && k < to
                && matches!(tr.rel(k), "obj" | "iobj")
                && matches!(tr.upos(k), "NOUN" | "PROPN" | "PRON")
                && !tr.form(k).starts_with(['\'', '’'])
        })?;
        // the object's phrase reaches the `to`: nothing of the verb's own stands between them
        if !((o + 1)..to).all(|t| tr.ancestor_of(o, t)) {
            return None;
        }
        // after a verb that as often takes a purpose infinitive (`pressed the levers to get food`,
        // `made the water boil`), the agent ending alone is no evidence
        let purpose = tr.lemma_is(g, PURPOSE_OBJECT_VERBS) || tr.lemma_is(g, &["press", "push", "drive"]);
        (foreseeing || self.can_act_by(o, !purpose)).then_some(o)
    }

    /// The noun of a `for` phrase that is the subject of the `to`-infinitive `x` after it (`called
    /// for [the board] to resign`): the parser hangs the noun on the verb (`obl`) and the
    /// infinitive beside it (`advcl` or `xcomp`), so the verb's subject would wrongly become the
    /// infinitive's. Only for the verbs of [`FOR_SUBJECT_VERBS`] (or an `on` phrase after those of
    /// [`ON_SUBJECT_VERBS`]: `called on [the board] to resign`), and only when the phrase runs up
    /// to the infinitive's `to`. None otherwise.
    pub(crate) fn for_subject_controller(&self, x: usize) -> Option<usize> {
        let tr = self.tr;
        if x >= tr.len() || !matches!(tr.rel(x), "xcomp" | "advcl") || !matches!(tr.upos(x), "VERB" | "AUX") || tr.kids(x).any(|k| is_subj_rel(tr.rel(k))) {
            return None;
        }
        let to = tr.kids(x).find(|&k| k < x && tr.base(k) == "mark" && tr.lemma_is(k, &["to"]))?;
        let g = tr.head[x];
        if g == NONE || g > to || tr.upos(g) != "VERB" {
            return None;
        }
        let subject_prep = |c: usize| {
            (tr.lemma_is(c, &["for"]) && tr.lemma_is(g, FOR_SUBJECT_VERBS)) || (tr.lemma_is(c, &["on", "upon"]) && tr.lemma_is(g, ON_SUBJECT_VERBS))
        };
        let o = tr.kids(g).find(|&k| {
            k > g
                && k < to
                && tr.base(k) == "obl"
                && matches!(tr.upos(k), "NOUN" | "PROPN" | "PRON")
                && tr.kids(k).any(|c| c < k && tr.base(c) == "case" && subject_prep(c))
        })?;
        // the `for` phrase reaches the `to`: nothing of the verb's own stands between them
        if !((o + 1)..to).all(|t| tr.ancestor_of(o, t)) {
            return None;
        }
        // a passive infinitive has the noun for its patient, whatever it is (`called for the bill
        // to be dropped`); an active one needs a noun that can act, or it is a purpose clause of
        // the verb's subject (`pushed for more funding to avoid delays`, `asked for a place to eat`)
        let passive = tr.kids(x).any(|k| tr.rel(k) == "aux:pass");
        (passive || self.can_act(o)).then_some(o)
    }

    /// Whether noun `o` names someone who can act: a name or a person pronoun, an institution, a
    /// role or kinship noun, an agent noun in `-er`/`-or`/`-ist`/`-ian` (`killers`, `members`,
    /// `investors`), or a collective human noun ([`HUMAN_GROUP_NOUNS`]).
    pub(super) fn can_act(&self, o: usize) -> bool {
        self.can_act_by(o, true)
    }

    /// [`Self::can_act`], with or without the agent ending as evidence (`-er` also ends
    /// `lever`, `computer`, `water`).
    fn can_act_by(&self, o: usize, ending: bool) -> bool {
        let tr = self.tr;
        match tr.upos(o) {
            "PROPN" => true,
            "PRON" => !tr.lemma_is(o, &["it", "this", "that", "which", "what", "something", "anything", "nothing"]),
            _ => {
                if self.kind_at(o).is_some() {
                    return true;
                }
                let lemma = tr.lemma(o).to_lowercase();
                let agent_ending = ending && lemma.len() > 4 && ["er", "or", "ist", "ian"].iter().any(|e| lemma.ends_with(e));
                agent_ending
                    || super::roles::is_institution_noun(&lemma)
                    || super::roles::is_kin_noun(&lemma)
                    || crate::extract::lexicon::role_class(&lemma).is_some()
                    || HUMAN_GROUP_NOUNS.contains(&lemma.as_str())
            }
        }
    }

    /// The noun before it that subjectless `to`-infinitive `x` modifies (`acl`), if `x` is one.
    fn infinitive_noun(&self, x: usize) -> Option<usize> {
        let tr = self.tr;
        if x >= tr.len() || tr.rel(x) != "acl" || tr.upos(x) != "VERB" || tr.kids(x).any(|k| is_subj_rel(tr.rel(k))) {
            return None;
        }
        if !tr.kids(x).any(|k| k < x && tr.base(k) == "mark" && tr.lemma_is(k, &["to"])) {
            return None;
        }
        let h = tr.head[x];
        (h != NONE && h < x).then_some(h)
    }

    /// The object that controls a `to`-infinitive the parser hung on it as a noun modifier
    /// (`acl`) instead of on the verb (`encouraged the banks to lower rates`, with `to lower`
    /// under `banks`): when the noun is the object of an object-control verb, it is the
    /// infinitive's subject, as with the `xcomp` parse. Not for a will noun (`allowed the plan to
    /// go ahead` is the plan's own infinitive, handled by `noun_controller`'s kind) nor a
    /// purpose infinitive under another verb (`had money to buy food`, `needs a platform to
    /// recover`: see [`PURPOSE_OBJECT_VERBS`]).
    pub(crate) fn acl_object_controller(&self, x: usize) -> Option<usize> {
        let tr = self.tr;
        let h = self.infinitive_noun(x)?;
        if tr.base(h) != "obj" || !matches!(tr.upos(h), "NOUN" | "PROPN" | "PRON") || tr.lemma_is(h, WILL_NOUNS) {
            return None;
        }
        let g = tr.head[h];
        let foreseeing = g != NONE && tr.lemma_is(g, FORESEEING_VERBS);
        if g == NONE || g > h || tr.upos(g) != "VERB" || !(tr.lemma_is(g, OBJECT_CONTROL_VERBS) || foreseeing) {
            return None;
        }
        // troops sent to guard a border guard it; letters sent to warn voters do not; what is
        // envisioned of a thing (`envisioned the bridge to end …`) is the thing's, and so is what
        // is expected of it (`expects the new levy to cut prices`), unless it is an amount
        // spent on the expecter's purpose (`expected so much time to fix it`)
        let expected = tr.lemma_is(g, &["expect"]) && !tr.kids(h).any(|k| tr.lemma_is(k, DEGREE_WORDS));
        let trusted = expected || !tr.lemma_is(g, PURPOSE_OBJECT_VERBS) || tr.lemma_is(g, DISPATCH_VERBS) && self.can_act_by(h, false);
        trusted.then_some(h)
    }

    /// The possessor of the will noun whose infinitive `x` is (`the firm's decision to close`:
    /// the firm), when it names who acts. None when `x` is no subjectless `to`-infinitive on such
    /// a noun, or the noun has no possessor.
    pub(crate) fn noun_controller(&self, x: usize) -> Option<usize> {
        let tr = self.tr;
        let h = self.infinitive_noun(x)?;
        if tr.upos(h) != "NOUN" || !tr.lemma_is(h, WILL_NOUNS) {
            return None;
        }
        tr.kids(h).find(|&k| k < h && tr.rel(k) == "nmod:poss" && matches!(tr.upos(k), "NOUN" | "PROPN" | "PRON"))
    }

    /// Whether `x` is the infinitive of an owner's refusal or failure (`the mayor's refusal to
    /// sign the bill`, `their failure to pay`): as with `refused to sign`, the act did not happen.
    fn denying_noun(&self, x: usize) -> bool {
        self.noun_controller(x).is_some() && self.infinitive_noun(x).is_some_and(|h| self.tr.lemma_is(h, &["refusal", "failure", "unwillingness"]))
    }

    /// Whether the clause `x`, controlled by its governor's object, is denied leave: its governor
    /// gives leave and is negated (`did not allow Y to vote`), or withholds it (`forbade Y to vote`).
    pub(super) fn controlled_denied(&self, x: usize) -> bool {
        let tr = self.tr;
        if self.denying_noun(x) {
            return true;
        }
        if self.object_controller(x).or_else(|| self.advcl_object_controller(x)).is_none() {
            return false;
        }
        let g = tr.head[x];
        let negated = self.negation_of(g).is_some();
        tr.lemma_is(g, PERMISSION_VERBS) && negated || tr.lemma_is(g, FORBIDDING_VERBS) && !negated
    }

    /// `was asked to leave`, `were urged to stay`: the passive of an object-control verb, whose
    /// subject is the one asked, with its `to`-infinitive. The infinitive is planned as in the
    /// active (`asked Y to leave`), done after an implicative verb (`was forced to resign`: None,
    /// asserted), possible only when the governor is negated. None when `x` is no such infinitive.
    pub(crate) fn passive_control_modality(&self, x: usize) -> Option<Option<Modality>> {
        let tr = self.tr;
        let g = tr.head[x];
        let passive = g != NONE && tr.kids(g).any(|k| matches!(tr.rel(k), "aux:pass" | "nsubj:pass"));
        let to = tr.kids(x).any(|m| m < x && tr.base(m) == "mark" && tr.lemma_is(m, &["to"]));
        if !passive || !to || tr.rel(x) != "xcomp" || !tr.lemma_is(g, ASKING_VERBS) {
            return None;
        }
        Some(if self.negation_of(g).is_some() {
            Some(Modality::Possible)
        } else if brings_about(tr, g) {
            None
        } else {
            Some(Modality::Planned)
        })
    }

    /// The modality of a clause controlled by its governor's object: planned (asked, urged,
    /// invited, allowed) unless the governor is implicative. None when `x` is not object-controlled.
    /// A negated governor (`never saw Y leave`, `did not ask Y to go`) leaves it possible only.
    pub(super) fn controlled_modality(&self, x: usize) -> Option<Modality> {
        // `asked the board to delay the vote and to publish the report`: a subjectless conjunct
        // of a controlled clause is asked, allowed or caused as the first one is
        let h = self.tr.head[x];
        if x < self.tr.len() && self.tr.rel(x) == "conj" && h != NONE && h < x && self.tr.upos(x) == "VERB" && !self.tr.kids(x).any(|k| is_subj_rel(self.tr.rel(k))) {
            if self.object_controller(h).or_else(|| self.advcl_object_controller(h)).is_some() {
                return self.controlled_modality(h);
            }
            // (the first infinitive hung on the object: `urged farmers not to burn … but to plough …`)
            if self.acl_object_controller(h).is_some() {
                return self.governed_modality(self.tr.head[self.tr.head[h]]);
            }
        }
        if self.for_subject_controller(x).is_some() {
            // `called for the board to resign`: wanted; `did not call for …`: not even that
            let g = self.tr.head[x];
            return Some(if self.negation_of(g).is_some() { Modality::Possible } else { Modality::Planned });
        }
        if let Some(m) = self.passive_control_modality(x) {
            return m;
        }
        if self.object_controller(x).or_else(|| self.advcl_object_controller(x)).is_none() {
            // `the firm's decision to close the plant`: decided, planned or tried, not done
            if self.noun_controller(x).is_some() {
                // (a refusal or failure denies the act instead: see `controlled_denied`)
                return (!self.denying_noun(x)).then_some(Modality::Planned);
            }
            return self.gerund_modality(x);
        }
        self.governed_modality(self.tr.head[x])
    }

    /// The modality of what the object-control verb `g` asks, allows or brings about: possible
    /// when `g` is negated, asserted (None) after an implicative verb, planned otherwise.
    fn governed_modality(&self, g: usize) -> Option<Modality> {
        if self.negation_of(g).is_some() {
            Some(Modality::Possible)
        } else if brings_about(self.tr, g) {
            None
        } else {
            Some(Modality::Planned)
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Modality;
    use crate::extract::tests::{find, show, triples};

    /// `The guild invited her to join the board.` (invented)
    const INVITED_TO_JOIN: &str = "
        The the DET DT 2 det
        guild guild NOUN NN 3 nsubj
        invited invite VERB VBD 0 root VerbForm=Fin
        her she PRON PRP 3 obj
        to to PART TO 6 mark
        join join VERB VB 3 xcomp VerbForm=Inf
        the the DET DT 8 det
        board board NOUN NN 6 obj
        . . PUNCT . 3 punct";

    /// `The guild decided to join the board.` (invented): subject control, one merged relation.
    const DECIDED_TO_JOIN: &str = "
        The the DET DT 2 det
        guild guild NOUN NN 3 nsubj
        decided decide VERB VBD 0 root VerbForm=Fin
        to to PART TO 5 mark
        join join VERB VB 3 xcomp VerbForm=Inf
        the the DET DT 7 det
        board board NOUN NN 5 obj
        . . PUNCT . 3 punct";

    #[test]
    fn the_object_of_the_main_verb_is_the_subject_of_its_infinitive() {
        let ts = triples(INVITED_TO_JOIN);
        let main = find(&ts, "guild", "invited", Some("her to join the board"));
        assert_eq!(main.modality, Modality::Asserted);
        let inner = find(&ts, "her", "join", Some("board"));
        assert_eq!(inner.modality, Modality::Planned, "{}", show(&ts));
        // never the main verb's subject doing the infinitive
        assert!(!ts.iter().any(|t| t.subject.text == "guild" && t.relation.contains("join")), "{}", show(&ts));
    }

    /// `The guild urged her not to leave but to sign the deal.` (invented), with the second
    /// infinitive a conjunct of the first (repair 67 puts it there).
    const URGED_NOT_BUT: &str = "
        The the DET DT 2 det
        guild guild NOUN NN 3 nsubj
        urged urge VERB VBD 0 root VerbForm=Fin
        her she PRON PRP 3 obj
        not not PART RB 7 advmod
        to to PART TO 7 mark
        leave leave VERB VB 3 xcomp VerbForm=Inf
        but but CCONJ CC 10 cc
        to to PART TO 10 mark
        sign sign VERB VB 7 conj VerbForm=Inf
        the the DET DT 12 det
        deal deal NOUN NN 10 obj
        . . PUNCT . 3 punct";

    #[test]
    fn a_conjunct_of_a_controlled_infinitive_is_asked_as_the_first_and_keeps_its_own_polarity() {
        let ts = triples(URGED_NOT_BUT);
        let first = ts.iter().find(|t| t.subject.text == "her" && t.relation == "not leave").unwrap_or_else(|| panic!("{}", show(&ts)));
        assert!(first.negated, "{}", show(&ts));
        // `not A but B` says B: urged, so planned, and not negated
        let second = find(&ts, "her", "sign", Some("deal"));
        assert_eq!((second.modality, second.negated), (Modality::Planned, false), "{}", show(&ts));
        // `and` instead of `but`: the second infinitive is asked as the first one is
        let and = URGED_NOT_BUT.replace("not not PART RB 7 advmod", "now now ADV RB 7 advmod").replace("but but CCONJ CC", "and and CCONJ CC");
        let ts = triples(&and);
        assert_eq!(find(&ts, "her", "sign", Some("deal")).modality, Modality::Planned, "{}", show(&ts));
    }

    #[test]
    fn the_object_of_a_control_verb_keeps_the_clause_it_controls() {
        // `invited her` alone is a cut argument: what she was invited to do goes with her
        let ts = triples(INVITED_TO_JOIN);
        find(&ts, "guild", "invited", Some("her to join the board"));
        find(&ts, "her", "join", Some("board"));
        // so does the gerund of a verb of preventing (`banned the coach from entering`)
        let ts = triples(BANNED_FROM_ENTERING);
        find(&ts, "league", "banned", Some("coach from entering the stadium"));
        find(&ts, "coach", "entering", Some("stadium"));
        // up to a comma: `The league banned the coach from entering the stadium, citing safety.`
        // (invented) keeps `citing safety` out of the object
        let citing = BANNED_FROM_ENTERING.replace(
            ". . PUNCT . 3 punct",
            ", , PUNCT , 11 punct\n        citing cite VERB VBG 7 advcl VerbForm=Ger\n        safety safety NOUN NN 11 obj\n        . . PUNCT . 3 punct",
        );
        let ts = triples(&citing);
        find(&ts, "league", "banned", Some("coach from entering the stadium"));
        // and an infinitive the parser hung on the object: `The council encouraged the firms to
        // hire more staff.` (invented)
        let encouraged = "
            The the DET DT 2 det
            council council NOUN NN 3 nsubj
            encouraged encourage VERB VBD 0 root VerbForm=Fin
            the the DET DT 5 det
            firms firm NOUN NNS 3 obj
            to to PART TO 7 mark
            hire hire VERB VB 5 acl VerbForm=Inf
            more more ADJ JJR 9 amod
            staff staff NOUN NN 7 obj
            . . PUNCT . 3 punct";
        let ts = triples(encouraged);
        find(&ts, "council", "encouraged", Some("firms to hire more staff"));
        // a purpose infinitive on the object of another verb is no clause of the object's
        // (`The council had funds to hire more staff.`): the object stays the noun
        let had = encouraged.replace("encouraged encourage", "had have").replace("firms firm", "funds fund");
        let ts = triples(&had);
        assert!(ts.iter().all(|t| t.object.as_ref().is_none_or(|o| !o.text.contains("funds to"))), "{}", show(&ts));
    }

    #[test]
    fn an_implicative_verb_makes_the_controlled_clause_happen() {
        let forced = INVITED_TO_JOIN.replace("invited invite", "forced force");
        let ts = triples(&forced);
        let inner = find(&ts, "her", "join", Some("board"));
        assert_eq!(inner.modality, Modality::Asserted, "{}", show(&ts));
        // unless the main verb is negated: then nothing happened for sure
        let never = "
            The the DET DT 2 det
            guild guild NOUN NN 4 nsubj
            never never ADV RB 4 advmod
            forced force VERB VBD 0 root VerbForm=Fin
            her she PRON PRP 4 obj
            to to PART TO 7 mark
            join join VERB VB 4 xcomp VerbForm=Inf
            the the DET DT 9 det
            board board NOUN NN 7 obj
            . . PUNCT . 4 punct";
        let ts = triples(never);
        assert!(ts.iter().any(|t| t.subject.text == "her" && t.modality == Modality::Possible), "{}", show(&ts));
    }

    #[test]
    fn an_infinitive_hung_on_a_control_verb_as_an_adverbial_has_the_object_for_its_subject() {
        // `Mayor Vellin advised the residents of Tarn to leave their homes.` (invented), with the
        // infinitive parsed as an adverbial clause of `advised`
        let advised = "
            Mayor Mayor PROPN NNP 2 compound
            Vellin Vellin PROPN NNP 3 nsubj
            advised advise VERB VBD 0 root VerbForm=Fin
            the the DET DT 5 det
            residents resident NOUN NNS 3 obj
            of of ADP IN 7 case
            Tarn Tarn PROPN NNP 5 nmod
            to to PART TO 9 mark
            leave leave VERB VB 3 advcl VerbForm=Inf
            their their PRON PRP$ 11 nmod:poss
            homes home NOUN NNS 9 obj
            . . PUNCT . 3 punct";
        let ts = triples(advised);
        let inner = find(&ts, "residents of Tarn", "leave", Some("their homes"));
        assert_eq!(inner.modality, Modality::Planned, "{}", show(&ts));
        assert!(!ts.iter().any(|t| t.subject.text.contains("Vellin") && t.relation.contains("leave")), "{}", show(&ts));
        // an implicative verb makes it happen: `Mayor Vellin forced the residents of Tarn to leave …`
        let forced = advised.replace("advised advise", "forced force");
        let ts = triples(&forced);
        assert_eq!(find(&ts, "residents of Tarn", "leave", Some("their homes")).modality, Modality::Asserted, "{}", show(&ts));
        // a thing before the infinitive does not act: `Mayor Vellin paid the fees of Tarn to leave
        // their homes` keeps the purpose clause the mayor's
        let paid = advised.replace("advised advise", "paid pay").replace("residents resident", "fees fee");
        let ts = triples(&paid);
        assert!(!ts.iter().any(|t| t.subject.text.contains("fees") && t.relation.contains("leave")), "{}", show(&ts));
        // nor an object cut off from the infinitive by a phrase of the verb's own
        let cut = "
            Mayor Mayor PROPN NNP 2 compound
            Vellin Vellin PROPN NNP 3 nsubj
            told tell VERB VBD 0 root VerbForm=Fin
            them they PRON PRP 3 obj
            about about ADP IN 6 case
            floods flood NOUN NNS 3 obl
            , , PUNCT , 9 punct
            to to PART TO 9 mark
            warn warn VERB VB 3 advcl VerbForm=Inf
            them they PRON PRP 9 obj
            . . PUNCT . 3 punct";
        let ts = triples(cut);
        assert!(!ts.iter().any(|t| t.subject.text == "them" && t.relation.contains("warn")), "{}", show(&ts));
    }

    #[test]
    fn a_purpose_clause_has_no_controller() {
        // must give nothing: `had money to buy the board` — the money buys nothing
        let had = INVITED_TO_JOIN.replace("invited invite", "had have").replace("her she PRON PRP", "money money NOUN NN");
        let ts = triples(&had);
        assert!(!ts.iter().any(|t| t.subject.text == "money"), "{}", show(&ts));
    }

    /// `The clinic had access to vans to reach the villages.` (invented): the infinitive after
    /// `have`'s own object is that object's purpose, hung on the verb as an `xcomp`.
    const HAD_ACCESS_TO_REACH: &str = "
        The the DET DT 2 det
        clinic clinic NOUN NN 3 nsubj
        had have VERB VBD 0 root VerbForm=Fin
        access access NOUN NN 3 obj
        to to ADP IN 6 case
        vans van NOUN NNS 4 nmod
        to to PART TO 8 mark
        reach reach VERB VB 3 xcomp VerbForm=Inf
        the the DET DT 10 det
        villages village NOUN NNS 8 obj
        . . PUNCT . 3 punct";

    #[test]
    fn the_object_before_a_purpose_infinitive_stays_the_verbs() {
        // must not: `clinic – reach – access` (the chain `had … to reach` taking `had`'s object)
        let ts = triples(HAD_ACCESS_TO_REACH);
        assert!(!ts.iter().any(|t| t.relation.contains("reach") && t.object.as_ref().is_some_and(|o| o.text.contains("access"))), "{}", show(&ts));
        find(&ts, "clinic", "had", Some("access to vans"));
    }

    /// `The council accused the firm of hiding the losses.` (invented), the gerund hung on the
    /// object as the parser often does.
    const ACCUSED_OF_HIDING: &str = "
        The the DET DT 2 det
        council council NOUN NN 3 nsubj
        accused accuse VERB VBD 0 root VerbForm=Fin
        the the DET DT 5 det
        firm firm NOUN NN 3 obj
        of of SCONJ IN 7 mark
        hiding hide VERB VBG 5 acl VerbForm=Ger
        the the DET DT 9 det
        losses loss NOUN NNS 7 obj
        . . PUNCT . 3 punct";

    /// `The league banned the coach from entering the stadium.` (invented), gerund on the verb.
    const BANNED_FROM_ENTERING: &str = "
        The the DET DT 2 det
        league league NOUN NN 3 nsubj
        banned ban VERB VBD 0 root VerbForm=Fin
        the the DET DT 5 det
        coach coach NOUN NN 3 obj
        from from SCONJ IN 7 mark
        entering enter VERB VBG 3 advcl VerbForm=Ger
        the the DET DT 9 det
        stadium stadium NOUN NN 7 obj
        . . PUNCT . 3 punct";

    #[test]
    fn a_gerund_kept_from_happening_is_negated() {
        // `The league banned the coach from entering the stadium.` (invented): he did not enter
        let ts = triples(BANNED_FROM_ENTERING);
        assert!(find(&ts, "coach", "entering", Some("stadium")).negated, "{}", show(&ts));
        // `The league did not ban the coach from entering …`: the entering is left open
        let rows = "
            The the DET DT 2 det
            league league NOUN NN 5 nsubj
            did do AUX VBD 5 aux
            not not PART RB 5 advmod
            ban ban VERB VB 0 root VerbForm=Inf
            the the DET DT 7 det
            coach coach NOUN NN 5 obj
            from from SCONJ IN 9 mark
            entering enter VERB VBG 5 advcl VerbForm=Ger
            the the DET DT 11 det
            stadium stadium NOUN NN 9 obj
            . . PUNCT . 5 punct";
        let ts = triples(rows);
        let inner = find(&ts, "coach", "entering", Some("stadium"));
        assert!(!inner.negated, "{}", show(&ts));
        // `banned for entering` punishes a deed done
        let ts = triples(&BANNED_FROM_ENTERING.replace("from from SCONJ", "for for SCONJ"));
        assert!(ts.iter().filter(|t| t.relation == "entering").all(|t| !t.negated), "{}", show(&ts));
    }

    #[test]
    fn the_object_of_an_accusing_verb_is_the_subject_of_its_gerund_and_only_claimed() {
        let ts = triples(ACCUSED_OF_HIDING);
        let inner = find(&ts, "firm", "hiding", Some("losses"));
        assert_eq!(inner.modality, Modality::Reported, "{}", show(&ts));
        assert!(!ts.iter().any(|t| t.subject.text == "council" && t.relation.contains("hid")), "{}", show(&ts));
        // a judging verb takes the deed as done
        let fined = ACCUSED_OF_HIDING.replace("accused accuse", "fined fine").replace("of of SCONJ", "for for SCONJ");
        let ts = triples(&fined);
        assert_eq!(find(&ts, "firm", "hiding", Some("losses")).modality, Modality::Asserted, "{}", show(&ts));
    }

    /// `The mayor is accused of taking bribes.` (invented): the passive of a verb of accusing.
    const IS_ACCUSED_OF_TAKING: &str = "
        The the DET DT 2 det
        mayor mayor NOUN NN 4 nsubj:pass
        is be AUX VBZ 4 aux:pass
        accused accuse VERB VBN 0 root Voice=Pass
        of of SCONJ IN 6 mark
        taking take VERB VBG 4 advcl VerbForm=Ger
        bribes bribe NOUN NNS 6 obj
        . . PUNCT . 4 punct";

    #[test]
    fn the_subject_of_a_passive_accusation_only_allegedly_did_the_gerund() {
        let modality_of = |spec: &str| {
            let ts = triples(spec);
            let inner = ts.iter().find(|t| t.subject.text == "mayor" && t.relation.contains("tak"));
            inner.unwrap_or_else(|| panic!("{}", show(&ts))).modality
        };
        assert_eq!(modality_of(IS_ACCUSED_OF_TAKING), Modality::Reported);
        // a passive of preventing keeps it from happening (`was barred from taking`)
        let barred = IS_ACCUSED_OF_TAKING.replace("accused accuse", "barred bar").replace("of of SCONJ", "from from SCONJ");
        assert_eq!(modality_of(&barred), Modality::Possible);
        // `was barred for taking bribes` punishes a deed done, and so does a passive of judging
        assert_eq!(modality_of(&barred.replace("from from SCONJ", "for for SCONJ")), Modality::Asserted);
        let fined = IS_ACCUSED_OF_TAKING.replace("accused accuse", "fined fine").replace("of of SCONJ", "for for SCONJ");
        assert_eq!(modality_of(&fined), Modality::Asserted);
    }

    #[test]
    fn the_object_of_a_preventing_verb_does_not_do_the_gerund_for_sure() {
        let ts = triples(BANNED_FROM_ENTERING);
        let inner = find(&ts, "coach", "entering", Some("stadium"));
        assert_eq!(inner.modality, Modality::Possible, "{}", show(&ts));
        assert!(!ts.iter().any(|t| t.subject.text == "league" && t.relation.contains("enter")), "{}", show(&ts));
    }

    #[test]
    fn a_gerund_after_a_verb_outside_the_class_keeps_the_clause_subject() {
        // must give nothing to the object: `made money from selling the stadium` — money sells nothing
        let made = BANNED_FROM_ENTERING
            .replace("banned ban", "made make")
            .replace("the the DET DT 5 det\n        coach coach NOUN NN", "the the DET DT 5 det\n        money money NOUN NN")
            .replace("entering enter", "selling sell");
        let ts = triples(&made);
        assert!(!ts.iter().any(|t| t.subject.text == "money"), "{}", show(&ts));
        find(&ts, "league", "selling", Some("stadium"));
    }

    #[test]
    fn a_duration_object_never_does_the_gerund() {
        // `The clerk was sentenced 20 years for forging the deeds.` (invented)
        let ts = triples(
            "
            The the DET DT 2 det
            clerk clerk NOUN NN 4 nsubj:pass
            was be AUX VBD 4 aux:pass
            sentenced sentence VERB VBN 0 root Voice=Pass
            20 20 NUM CD 6 nummod
            years year NOUN NNS 4 obj
            for for SCONJ IN 8 mark
            forging forge VERB VBG 4 advcl VerbForm=Ger
            the the DET DT 10 det
            deeds deed NOUN NNS 8 obj
            . . PUNCT . 4 punct",
        );
        assert!(!ts.iter().any(|t| t.subject.text.contains("years")), "{}", show(&ts));
        find(&ts, "clerk", "forging", Some("deeds"));
    }

    #[test]
    fn a_participle_set_off_by_a_comma_after_a_controlled_gerund_belongs_to_the_main_clause() {
        // `Critics blamed the mayor for ignoring the report, citing the audit.` (invented)
        let ts = triples(
            "
            Critics critic NOUN NNS 2 nsubj
            blamed blame VERB VBD 0 root VerbForm=Fin
            the the DET DT 4 det
            mayor mayor NOUN NN 2 obj
            for for SCONJ IN 6 mark
            ignoring ignore VERB VBG 2 advcl VerbForm=Ger
            the the DET DT 8 det
            report report NOUN NN 6 obj
            , , PUNCT , 10 punct
            citing cite VERB VBG 6 conj VerbForm=Ger
            the the DET DT 12 det
            audit audit NOUN NN 10 obj
            . . PUNCT . 2 punct",
        );
        find(&ts, "mayor", "ignoring", Some("report"));
        find(&ts, "Critics", "citing", Some("audit"));
        assert!(!ts.iter().any(|t| t.subject.text == "mayor" && t.relation.contains("cit")), "{}", show(&ts));
    }

    #[test]
    fn a_negative_control_head_negates_its_infinitive() {
        // `The guild refused to join the board.` (invented): the joining did not happen
        let refused = DECIDED_TO_JOIN.replace("decided decide", "refused refuse");
        let ts = triples(&refused);
        let t = ts.iter().find(|t| t.relation.contains("join")).unwrap_or_else(|| panic!("{}", show(&ts)));
        assert!(t.negated, "{}", show(&ts));
        // `The guild was unable to join the board.` (invented), a copular adjective head
        let rows = [
            "The the DET DT 2 det",
            "guild guild NOUN NN 4 nsubj",
            "was be AUX VBD 4 cop VerbForm=Fin",
            "unable unable ADJ JJ 0 root",
            "to to PART TO 6 mark",
            "join join VERB VB 4 xcomp VerbForm=Inf",
            "the the DET DT 8 det",
            "board board NOUN NN 6 obj",
        ];
        let ts = triples(&rows.join("\n"));
        let t = ts.iter().find(|t| t.relation.contains("join")).unwrap_or_else(|| panic!("{}", show(&ts)));
        assert!(t.negated, "{}", show(&ts));
        // `The guild was ineligible to join the board.` (invented): not allowed, so not done
        let rows: Vec<String> = rows.iter().map(|r| r.replace("unable unable", "ineligible ineligible")).collect();
        let ts = triples(&rows.join("\n"));
        let t = ts.iter().find(|t| t.relation.contains("join")).unwrap_or_else(|| panic!("{}", show(&ts)));
        assert!(t.negated, "{}", show(&ts));
        // a plain control verb stays positive
        let ts = triples(DECIDED_TO_JOIN);
        assert!(!find(&ts, "guild", "decided to join", Some("board")).negated, "{}", show(&ts));
    }

    #[test]
    fn subject_control_keeps_one_relation() {
        // must give nothing new: no object, so the infinitive stays in the main verb's chain
        let ts = triples(DECIDED_TO_JOIN);
        let t = find(&ts, "guild", "decided to join", Some("board"));
        assert!(!ts.iter().any(|t| t.relation == "join"), "{}", show(&ts));
        // the key maps the act (`join`); the controlling verb stays with it as the matrix
        assert_eq!((t.key.verb.as_deref(), t.key.matrix.as_deref()), (Some("join"), Some("decide to")));
    }

    /// `The firm's decision to close the plant angered workers.` (invented)
    const DECISION_TO_CLOSE: &str = "
        The the DET DT 2 det
        firm firm NOUN NN 4 nmod:poss
        's 's PART POS 2 case
        decision decision NOUN NN 9 nsubj
        to to PART TO 6 mark
        close close VERB VB 4 acl VerbForm=Inf
        the the DET DT 8 det
        plant plant NOUN NN 6 obj
        angered anger VERB VBD 0 root VerbForm=Fin
        workers worker NOUN NNS 9 obj
        . . PUNCT . 9 punct";

    #[test]
    fn the_possessor_of_a_will_noun_does_its_infinitive_as_a_plan() {
        let ts = triples(DECISION_TO_CLOSE);
        let t = find(&ts, "firm", "close", Some("plant"));
        assert_eq!(t.modality, Modality::Planned, "{}", show(&ts));
        // a possessive pronoun too, when no clause names the actor (`Her plan to close …`)
        let her = "
            Her she PRON PRP$ 2 nmod:poss
            plan plan NOUN NN 7 nsubj
            to to PART TO 4 mark
            close close VERB VB 2 acl VerbForm=Inf
            the the DET DT 6 det
            plant plant NOUN NN 4 obj
            angered anger VERB VBD 0 root VerbForm=Fin
            workers worker NOUN NNS 7 obj
            . . PUNCT . 7 punct";
        let ts = triples(her);
        find(&ts, "Her", "close", Some("plant"));
        // must give nothing to the possessor of a noun whose infinitive is someone else's act
        // (`The firm's demand to close the plant …`: others are to close it)
        let demand = DECISION_TO_CLOSE.replace("decision decision", "demand demand");
        let ts = triples(&demand);
        assert!(!ts.iter().any(|t| t.subject.text == "firm" && t.relation.contains("close")), "{}", show(&ts));
    }

    #[test]
    fn only_subject_control_verbs_of_the_subject_become_the_matrix() {
        // `The guild tried to join the board.` (invented)
        let tried = DECIDED_TO_JOIN.replace("decided decide", "tried try");
        let t = find(&triples(&tried), "guild", "tried to join", Some("board"));
        assert_eq!(t.key.matrix.as_deref(), Some("try to"));
        // must give no matrix: an object-controlled infinitive is its object's act
        let ts = triples(INVITED_TO_JOIN);
        assert_eq!(find(&ts, "her", "join", Some("board")).key.matrix, None, "{}", show(&ts));
        // nor a raising verb (`seemed to join`), which says nothing the subject did
        let seemed = DECIDED_TO_JOIN.replace("decided decide", "seemed seem");
        let ts = triples(&seemed);
        assert!(ts.iter().all(|t| t.key.matrix.is_none()), "{}", show(&ts));
        // nor a passive controller (`The guild was asked to join the board.`)
        let asked = "
            The the DET DT 2 det
            guild guild NOUN NN 4 nsubj:pass
            was be AUX VBD 4 aux:pass
            asked ask VERB VBN 0 root Voice=Pass
            to to PART TO 6 mark
            join join VERB VB 4 xcomp VerbForm=Inf
            the the DET DT 8 det
            board board NOUN NN 6 obj
            . . PUNCT . 4 punct";
        let ts = triples(asked);
        assert!(ts.iter().all(|t| t.key.matrix.is_none()), "{}", show(&ts));
        // the one asked has not joined yet: planned, as in the active; forced, it has
        assert_eq!(find(&ts, "guild", "asked to join", Some("board")).modality, Modality::Planned, "{}", show(&ts));
        let forced = asked.replace("asked ask", "forced force");
        let ts = triples(&forced);
        assert_eq!(find(&ts, "guild", "forced to join", Some("board")).modality, Modality::Asserted, "{}", show(&ts));
    }

    /// `The union called for the board of Ostrava Water to resign.` (invented): the `for` phrase
    /// hangs on the verb (`obl`), the infinitive beside it (`advcl`), as the parser gives it.
    const CALLED_FOR_TO_RESIGN: &str = "
        The the DET DT 2 det
        union union NOUN NN 3 nsubj
        called call VERB VBD 0 root VerbForm=Fin
        for for ADP IN 6 case
        the the DET DT 6 det
        board board NOUN NN 3 obl
        of of ADP IN 9 case
        Ostrava Ostrava PROPN NNP 9 compound
        Water Water PROPN NNP 6 nmod
        to to PART TO 11 mark
        resign resign VERB VB 3 advcl VerbForm=Inf
        . . PUNCT . 3 punct";

    #[test]
    fn the_noun_of_a_for_phrase_is_the_subject_of_the_infinitive_after_it() {
        let ts = triples(CALLED_FOR_TO_RESIGN);
        let inner = find(&ts, "board of Ostrava Water", "resign", None);
        assert_eq!(inner.modality, Modality::Planned, "{}", show(&ts));
        assert!(!ts.iter().any(|t| t.subject.text == "union" && t.relation.contains("resign")), "{}", show(&ts));
        // also a passive infinitive the parser made an `xcomp`: `Mara Vellin called for the
        // killers to be tried.` (invented)
        let tried = "
            Mara Mara PROPN NNP 3 nsubj
            Vellin Vellin PROPN NNP 1 flat
            called call VERB VBD 0 root VerbForm=Fin
            for for ADP IN 6 case
            the the DET DT 6 det
            killers killer NOUN NNS 3 obl
            to to PART TO 9 mark
            be be AUX VB 9 aux:pass
            tried try VERB VBN 3 xcomp Voice=Pass
            . . PUNCT . 3 punct";
        let ts = triples(tried);
        let inner = ts.iter().find(|t| t.relation.contains("tried")).unwrap_or_else(|| panic!("{}", show(&ts)));
        assert_eq!(inner.subject.text, "killers", "{}", show(&ts));
        assert_eq!(inner.modality, Modality::Planned, "{}", show(&ts));
    }

    #[test]
    fn the_noun_of_an_on_phrase_after_call_is_the_subject_of_the_infinitive_after_it() {
        // `The ministers called on Norvia to halt its dredging.` (invented)
        let called_on = "
            The the DET DT 2 det
            ministers minister NOUN NNS 3 nsubj
            called call VERB VBD 0 root VerbForm=Fin
            on on ADP IN 5 case
            Norvia Norvia PROPN NNP 3 obl
            to to PART TO 7 mark
            halt halt VERB VB 3 advcl VerbForm=Inf
            its its PRON PRP$ 9 nmod:poss
            dredging dredging NOUN NN 7 obj
            . . PUNCT . 3 punct";
        let ts = triples(called_on);
        let inner = ts.iter().find(|t| t.subject.text == "Norvia" && t.relation.contains("halt")).unwrap_or_else(|| panic!("{}", show(&ts)));
        assert_eq!(inner.modality, Modality::Planned, "{}", show(&ts));
        assert!(!ts.iter().any(|t| t.subject.text == "ministers" && t.relation.contains("halt")), "{}", show(&ts));
        // `The ministers called on Norvia to halt its dredging, adding that talks were over.`: the
        // participle set off by a comma is the ministers' (invented)
        let adding = called_on.replace(
            ". . PUNCT . 3 punct",
            ", , PUNCT , 11 punct
            adding add VERB VBG 7 advcl VerbForm=Ger
            that that SCONJ IN 15 mark
            talks talk NOUN NNS 15 nsubj
            were be AUX VBD 15 cop VerbForm=Fin
            over over ADJ JJ 11 ccomp
            . . PUNCT . 3 punct",
        );
        let ts = triples(&adding);
        assert!(ts.iter().any(|t| t.subject.text == "ministers" && t.relation.contains("add")), "{}", show(&ts));
        assert!(!ts.iter().any(|t| t.subject.text == "Norvia" && t.relation.contains("add")), "{}", show(&ts));
        // `sat on the bench to rest`: `sit` is no verb of appealing, its subject rests
        let sat_on = called_on.replace("called call", "sat sit").replace("Norvia Norvia PROPN NNP", "bench bench NOUN NN");
        let ts = triples(&sat_on);
        assert!(!ts.iter().any(|t| t.subject.text.contains("bench") && t.relation.contains("halt")), "{}", show(&ts));
    }

    #[test]
    fn a_for_phrase_of_another_verb_or_cut_off_from_the_infinitive_does_not_act() {
        // `The union called for more funding to resign …` — a thing that cannot act: the
        // infinitive is a purpose of the verb's subject (`pushed for more funding to avoid delays`)
        let funding = CALLED_FOR_TO_RESIGN.replace("board board NOUN NN", "funding funding NOUN NN");
        let ts = triples(&funding);
        assert!(!ts.iter().any(|t| t.subject.text.contains("funding") && t.relation.contains("resign")), "{}", show(&ts));
        // `The union paid for the board to resign.` would be read the same, but `pay for` names
        // a price (`paid for tickets to see the show`): the verb is outside the class
        let paid = CALLED_FOR_TO_RESIGN.replace("called call", "paid pay");
        let ts = triples(&paid);
        assert!(!ts.iter().any(|t| t.subject.text.contains("board") && t.relation.contains("resign")), "{}", show(&ts));
        // `The union called for hours on Monday to resign …`: something of the verb's own
        // (`on Monday`) stands between the `for` noun and the infinitive
        let cut = "
            The the DET DT 2 det
            union union NOUN NN 3 nsubj
            called call VERB VBD 0 root VerbForm=Fin
            for for ADP IN 5 case
            hours hour NOUN NNS 3 obl
            on on ADP IN 7 case
            Monday Monday PROPN NNP 3 obl
            to to PART TO 9 mark
            resign resign VERB VB 3 advcl VerbForm=Inf
            . . PUNCT . 3 punct";
        let ts = triples(cut);
        assert!(!ts.iter().any(|t| t.subject.text == "hours"), "{}", show(&ts));
    }

    #[test]
    fn a_clause_denied_leave_is_negated() {
        // `The guild did not allow her to join the board.` (invented)
        let denied = "
            The the DET DT 2 det
            guild guild NOUN NN 5 nsubj
            did do AUX VBD 5 aux VerbForm=Fin
            not not PART RB 5 advmod
            allow allow VERB VB 0 root VerbForm=Inf
            her she PRON PRP 5 obj
            to to PART TO 8 mark
            join join VERB VB 5 xcomp VerbForm=Inf
            the the DET DT 10 det
            board board NOUN NN 8 obj
            . . PUNCT . 5 punct";
        let ts = triples(denied);
        assert!(find(&ts, "her", "join", Some("board")).negated, "{}", show(&ts));
        // allowed, it is possible and not negated
        let allowed = INVITED_TO_JOIN.replace("invited invite", "allowed allow");
        let ts = triples(&allowed);
        let inner = find(&ts, "her", "join", Some("board"));
        assert!(!inner.negated && inner.modality != Modality::Asserted, "{}", show(&ts));
        // forbidden, it is negated; a negated verb of asking (`did not ask`) is not a denial
        let forbade = INVITED_TO_JOIN.replace("invited invite", "forbade forbid");
        let ts = triples(&forbade);
        assert!(find(&ts, "her", "join", Some("board")).negated, "{}", show(&ts));
        let not_asked = denied.replace("allow allow", "ask ask");
        let ts = triples(&not_asked);
        assert!(!find(&ts, "her", "join", Some("board")).negated, "{}", show(&ts));
    }

    #[test]
    fn someone_sent_to_do_something_does_it_and_a_thing_sent_does_not() {
        // `Norvia sent soldiers to guard the bridge.` (invented), the infinitive on the object
        let sent = "
            Norvia Norvia PROPN NNP 2 nsubj
            sent send VERB VBD 0 root VerbForm=Fin
            soldiers soldier NOUN NNS 2 obj
            to to PART TO 5 mark
            guard guard VERB VB 3 acl VerbForm=Inf
            the the DET DT 7 det
            bridge bridge NOUN NN 5 obj
            . . PUNCT . 2 punct";
        let ts = triples(sent);
        let inner = find(&ts, "soldiers", "guard", Some("bridge"));
        assert_eq!(inner.modality, Modality::Planned, "{}", show(&ts));
        // the object of `send` is whole: the clause is a fact of its own, not part of it
        assert!(ts.iter().any(|t| t.relation == "sent" && t.object.as_ref().is_some_and(|o| o.text == "soldiers")), "{}", show(&ts));
        // `Norvia sent letters to warn the town.`: letters warn no one
        let letters = sent.replace("soldiers soldier NOUN", "letters letter NOUN").replace("guard guard", "warn warn");
        let ts = triples(&letters);
        assert!(!ts.iter().any(|t| t.subject.text == "letters"), "{}", show(&ts));
    }

    #[test]
    fn a_thing_foreseen_to_act_is_the_actor() {
        // `Vellin envisioned the bridge to end the isolation.` (invented), the infinitive an adverbial
        let rows = "
            Vellin Vellin PROPN NNP 2 nsubj
            envisioned envision VERB VBD 0 root VerbForm=Fin
            the the DET DT 4 det
            bridge bridge NOUN NN 2 obj
            to to PART TO 6 mark
            end end VERB VB 2 advcl VerbForm=Inf
            the the DET DT 8 det
            isolation isolation NOUN NN 6 obj
            . . PUNCT . 2 punct";
        let ts = triples(rows);
        assert_eq!(find(&ts, "bridge", "end", Some("isolation")).modality, Modality::Planned, "{}", show(&ts));
        assert!(!ts.iter().any(|t| t.subject.text == "Vellin" && t.relation.contains("end")), "{}", show(&ts));
        // `Vellin sold the bridge to end the isolation.`: a purpose of the seller
        let sold = rows.replace("envisioned envision", "sold sell");
        assert!(!triples(&sold).iter().any(|t| t.subject.text == "bridge"), "{}", show(&triples(&sold)));
    }

    #[test]
    fn a_thing_expected_to_act_is_the_actor_but_an_amount_is_not() {
        // `Vellin expects the levy to cut prices.` (invented), the infinitive on the object
        let rows = "
            Vellin Vellin PROPN NNP 2 nsubj
            expects expect VERB VBZ 0 root VerbForm=Fin
            the the DET DT 4 det
            levy levy NOUN NN 2 obj
            to to PART TO 6 mark
            cut cut VERB VB 4 acl VerbForm=Inf
            the the DET DT 8 det
            prices price NOUN NNS 6 obj
            . . PUNCT . 2 punct";
        let ts = triples(rows);
        assert_eq!(find(&ts, "levy", "cut", Some("prices")).modality, Modality::Planned, "{}", show(&ts));
        assert!(!ts.iter().any(|t| t.subject.text == "Vellin" && t.relation.contains("cut")), "{}", show(&ts));
        // `Vellin expects more time to cut prices.`: an amount the expecter spends
        let amount = rows.replace("the the DET DT 4 det", "more more ADJ JJR 4 amod").replace("levy levy NOUN NN", "time time NOUN NN");
        assert!(!triples(&amount).iter().any(|t| t.subject.text.contains("time")), "{}", show(&triples(&amount)));
    }
}
