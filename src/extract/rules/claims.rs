//! Claims: propositions the sentence states as someone's words, a question or an intention are
//! not plain facts. Runs over all propositions of a sentence after the clause and nominal rules
//! and only ever moves a proposition away from `asserted` (never back), so a reader of the graph
//! sees each claim with its modality and, where the sentence names one, its speaker.
//!
//! - `reported`: a proposition with an attribution (`X said …`, `according to X`), one inside a
//!   quotation (`"… they ignored the law …," Ruiz said`), one whose clause hangs under a reporting
//!   verb's complement through conjuncts and adverbials (`witnesses said a man came in and
//!   attacked …, using a knife`; a reporting participle speaks for its clause's subject:
//!   `the union left, claiming the firm broke …`; with no speaker named it is reported still), and the words of an interview turn (`((Ana Ruiz)) We built …`,
//!   `AR: We built …`), attributed to the speaker the turn names.
//! - `possible` and kept out of the graph: a question (`Why did the firm close the plant?`)
//!   asserts nothing.
//! - `planned`: an infinitive that completes a noun (`a deal to export gas`, `the fee, to be paid
//!   in cash`) is an intention, unless the noun is ranked (`the first woman to serve as …`).
//!   So is a demand (`demanded that the minister resign`, `insisted that the deal include …`,
//!   `the request that he be removed`): the mandative clause says what someone wants done, not
//!   what is, and its demander is its attribution.
//! - `possible`: a clause inside the antecedent of a condition (`if he had a chance to read the
//!   draft`, `on condition that the army withdraw`) or of a comparison with the unreal (`looked at
//!   her as though she was lying`, `as if`) is hypothetical however deep it sits; so is a relative
//!   clause on the noun a conditioned existential brings in (`if you win, there'll be a prize that
//!   is paid in cash`): the noun exists only in the condition's world. So is a gerund completing a
//!   noun of supposing through `of` or `about` (`the possibility of a leak triggering the blast`,
//!   `concern about the town losing its status`); after a noun of claiming it is reported.
//!
//! In: the tree and the sentence's propositions. Out: the same propositions with modality and
//! attribution set.

use super::*;
use super::denials::Denial;

/// Opening and closing quotation marks (straight ones are decided by position).
fn quote_kind(form: &str) -> Option<bool> {
    match form {
        "“" | "``" | "«" | "„" => Some(true),
        "”" | "''" | "»" => Some(false),
        _ => None,
    }
}

/// Verbs of opinion and suspicion whose complement is someone's view, besides the reporting
/// verbs (`most candidates felt the league did better`, `he claimed to have paid`).
const OPINION_VERBS: &[&str] = &[
    "feel", "consider", "fear", "suspect", "doubt", "assume", "suppose", "guess", "reckon", "speculate", "contend",
    "hypothesize", "hypothesise", "testify", "allege", "claim", "accuse", "worry",
    // verbs of inferring and supposing: `they concluded that warm water was reaching the ice`
    // is the researchers' inference, `imagine that the world stays silent` a supposition
    "conclude", "infer", "deduce", "theorize", "theorise", "posit", "postulate", "surmise", "presume", "imagine",
];

/// Nouns whose `that` clause is a supposition, not a fact (`the idea that the statues mark
/// water`, `fears that the dam could fail`, `the hope that talks resume`): general English, the
/// closed class of nouns of supposing, expecting and fearing. The clause is possible.
const SUPPOSITION_NOUNS: &[&str] = &[
    "idea", "notion", "theory", "hypothesis", "assumption", "supposition", "premise", "possibility", "speculation",
    "suspicion", "hope", "fear", "concern", "worry", "expectation", "prospect", "likelihood", "chance", "risk", "danger",
    "threat", "suggestion",
];

/// Nouns whose `that` clause is someone's statement or opinion (`the claim that the vote was
/// rigged`, `reports that the ship sank`, `the view that rates will rise`): general English, the
/// nouns of claiming, reporting and holding an opinion. The clause is reported. Nouns of fact
/// (`the news that …`, `the fact that …`, `evidence that …`) are not among them.
const STATEMENT_NOUNS: &[&str] = &[
    "claim", "allegation", "accusation", "report", "rumour", "rumor", "charge", "assertion", "contention", "insinuation",
    "statement", "announcement", "warning", "argument", "belief", "view", "opinion", "impression", "conviction",
    "position", "insistence", "promise", "pledge", "prediction", "estimate",
];

/// Of [`STATEMENT_NOUNS`], those that often head a relative clause with `that` (`the report that
/// the agency published`, `the statement that she read`): their clause counts only when complete.
const RELATIVE_PRONE_NOUNS: &[&str] = &[
    "report", "statement", "announcement", "estimate", "promise", "pledge", "prediction", "position", "argument",
    "warning", "view", "opinion", "charge",
];

/// Verbs whose past participle with an infinitive reports hearsay or belief (`believed to have
/// fled`, `said to be`, `thought to number`, `feared to have drowned`): general English, the
/// raising verbs of saying and believing, that is the reporting heads ([`REPORTED_HEADS`]:
/// `say`, `report`, `allege`, `believe`, `think`, …) and these; `known`, which states a fact, and
/// `expected`, a forecast, are not among them.
const MORE_HEARSAY_PARTICIPLES: &[&str] = &["suspect", "presume", "understand", "fear", "claim", "reckon", "estimate", "consider"];

/// The semi-modal verbs of obligation, which take a `to`-infinitive (`has to`, `needs to`).
const OBLIGATION_VERBS: &[&str] = &["have", "need"];

/// Verbs and nouns of demanding, requesting and recommending whose `that` clause is what someone
/// wants done (the English mandative: `demanded that he resign`, `the request that it be
/// closed`). General English, the closed class of mandative governors.
const MANDATIVE: &[&str] = &[
    "demand", "request", "require", "urge", "recommend", "stipulate", "order", "propose", "ask", "insist", "suggest",
    "advise", "command", "decree", "mandate", "petition", "move", "requirement", "insistence", "recommendation",
    "proposal", "call", "stipulation", "suggestion", "ultimatum",
];
/// Of [`MANDATIVE`], the words that also report a fact (`insisted that he was innocent`,
/// `suggested that the driver lost control`): mandative only with a subjunctive or `should`.
const MANDATIVE_OR_REPORT: &[&str] = &["insist", "suggest", "insistence", "suggestion", "propose", "proposal", "move"];
/// Markers of adverbial clauses whose content is taken as given (time, reason, concession).
const TAKEN_AS_GIVEN: &[&str] = &["when", "after", "before", "since", "because", "while", "until", "once", "although", "though", "whereas"];
/// Nouns whose `that` clause is a condition, never a fact (`on condition that …`, `the
/// proviso that …`).
const CONDITION_NOUNS: &[&str] = &["condition", "proviso", "precondition"];
/// Determiners and adjectives that rank a noun: an infinitive after them states a fact
/// (`the first woman to serve`, `the only team to win`, `the last ship to leave`).
pub(super) const RANKING_WORDS: &[&str] = &["first", "last", "only", "second", "third", "next", "youngest", "oldest", "latest", "earliest"];

/// Per token: inside a quotation. Curly and PTB marks open and close; straight `"` marks pair
/// up, and an odd one out is an opening at the sentence start and a closing elsewhere (the
/// quotation began in an earlier sentence). A closing mark with no opening before it closes a
/// quotation begun earlier, so everything before it is quoted.
pub(crate) fn quoted_tokens(tr: &Tree) -> Vec<bool> {
    let n = tr.len();
    let straight: Vec<usize> = (0..n).filter(|&i| tr.form(i) == "\"").collect();
    // written text shows the direction: an opening mark is glued to the word after it, a
    // closing one to the word before it
    let glued_after = |i: usize| i + 1 < n && !tr.t[i].space_after;
    let glued_before = |i: usize| i > 0 && !tr.t[i - 1].space_after;
    let odd_straight_closes = straight.len() % 2 == 1
        && straight.first().is_some_and(|&i| if glued_after(i) != glued_before(i) { glued_before(i) } else { i > 1 });
    let mut inside = false;
    let mut out = vec![false; n];
    let mut seen_open = false;
    for i in 0..n {
        let f = tr.form(i);
        let kind = quote_kind(f).or_else(|| {
            (f == "\"").then(|| {
                if odd_straight_closes && straight.first() == Some(&i) {
                    false
                } else {
                    !inside
                }
            })
        });
        match kind {
            Some(true) => {
                inside = true;
                seen_open = true;
            }
            Some(false) => {
                if !seen_open {
                    // a quotation continued from an earlier sentence
                    out[..i].iter_mut().for_each(|q| *q = true);
                }
                inside = false;
                seen_open = true;
            }
            None => out[i] = inside,
        }
    }
    out
}

impl Rules<'_, '_> {
    /// Moves questions, quotations, reported clauses, interview turns and noun infinitives
    /// away from `asserted` (see the module comment).
    pub fn claim_flags(&self, props: &mut [Prop]) {
        let tr = self.tr;
        let n = tr.len();
        if n == 0 {
            return;
        }
        let quoted = quoted_tokens(tr);
        let question = is_question(tr);
        let (turn, turn_end) = match self.speaker_turn() {
            Some((part, end)) => (Some(part), end),
            None => (None, 0),
        };
        for p in props.iter_mut() {
            let anchor = if p.pred < n { p.pred } else { p.subj.head };
            if anchor >= n {
                continue;
            }
            // `"…," writes X`: the quotation is no subject and X no object of the verb
            if self.inverted_speaker(&quoted, p.pred).is_some() && quoted[p.subj.head.min(n - 1)] {
                p.graph_reject = Some("quote-inversion");
            }
            // the turn's label is markup, never an argument or the predicate
            let in_turn = |toks: &[usize]| toks.iter().any(|&k| k < turn_end);
            if turn.is_some() && (anchor < turn_end || in_turn(&p.subj.toks) || p.slots.iter().any(|s| in_turn(&s.part.toks))) {
                p.graph_reject = Some("speaker-turn");
            }
            if p.attribution.is_none() {
                p.attribution = turn.clone().or_else(|| self.reporting_governor(anchor)).or_else(|| {
                    quoted[anchor].then(|| self.quote_speaker(&quoted)).flatten()
                });
            }
            if question {
                // a question asserts nothing a reader of the graph could use
                p.graph_reject = p.graph_reject.or(Some("question"));
            }
            if let Some((m, governor)) = self.unasserted_clause(anchor) {
                if p.attribution.is_none() {
                    p.attribution = governor.and_then(|g| self.speaking_subject(g)).map(|s| self.speaker(s));
                }
                // a weaker reading wins: a demand reported is still a demand, and anything
                // inside a condition is hypothetical
                let weaker = match m {
                    Modality::Possible => true,
                    Modality::Planned => matches!(p.modality, Modality::Asserted | Modality::Reported),
                    _ => p.modality == Modality::Asserted,
                };
                if weaker {
                    p.modality = m;
                }
            }
            if let Some((denial, governor)) = self.denial_of(anchor).or_else(|| self.chain_denial(&p.rel)) {
                self.apply_denial(p, denial, governor);
            }
            if p.modality != Modality::Asserted {
                continue;
            }
            if question {
                p.modality = Modality::Possible;
            } else if p.attribution.is_some()
                || quoted[anchor]
                || turn.is_some()
                || self.reporting_verb(anchor).is_some()
                || self.hearsay_participle(anchor)
            {
                p.modality = Modality::Reported;
            } else if p.lit.is_none() && self.noun_infinitive(anchor) {
                p.modality = Modality::Planned;
            }
        }
    }

    /// Sets the flags a denial gives a proposition (see `denials`): a denied clause is negated
    /// and reported by the denier, an avoided one negated, one a negated verb leaves open
    /// possible. A clause already negated is left possible rather than turned positive.
    fn apply_denial(&self, p: &mut Prop, denial: Denial, governor: usize) {
        if p.attribution.is_none() && denial != Denial::Avoided {
            p.attribution = self.speaking_subject(governor).map(|s| self.speaker(s));
        }
        match denial {
            Denial::Denied | Denial::Avoided if !p.negated => {
                p.negated = true;
                if denial == Denial::Denied && p.modality == Modality::Asserted {
                    p.modality = Modality::Reported;
                }
            }
            _ => p.modality = Modality::Possible,
        }
    }

    /// The speaker of a quotation: the subject of a reporting verb outside the quotation.
    fn quote_speaker(&self, quoted: &[bool]) -> Option<Part> {
        let tr = self.tr;
        (0..tr.len())
            .filter(|&v| !quoted[v] && self.reports(v))
            .find_map(|v| tr.kids(v).find(|&k| is_subj_rel(tr.rel(k)) && !quoted[k]).or_else(|| self.inverted_speaker(quoted, v)))
            .map(|s| self.speaker(s))
    }

    /// The speaker after an inverted reporting verb (`"…," writes X`, `"…," says X`): the parser
    /// makes the quotation the subject and the speaker an object. None unless reporting verb `v`
    /// stands outside the quotation, its subject is quoted and before it, and a noun follows it
    /// as its object.
    fn inverted_speaker(&self, quoted: &[bool], v: usize) -> Option<usize> {
        let tr = self.tr;
        if v >= tr.len() || quoted[v] || !tr.lemma_is(v, REPORTING) {
            return None;
        }
        tr.kids(v).find(|&k| is_subj_rel(tr.rel(k)) && k < v && quoted[k])?;
        tr.kids(v).find(|&k| k > v && tr.base(k) == "obj" && !quoted[k] && matches!(tr.upos(k), "PROPN" | "NOUN"))
    }

    /// The speaker of the reporting verb whose complement holds `p` (see [`Self::reporting_verb`]):
    /// its subject, or, for a verb without one that continues or modifies a clause (`…, claiming
    /// it broke the rules`, `said X and added Y`), that clause's subject.
    fn reporting_governor(&self, p: usize) -> Option<Part> {
        let tr = self.tr;
        let h = self.reporting_verb(p)?;
        let subject = |v: usize| self.speaking_subject(v);
        let s = subject(h).or_else(|| self.speech_of_passive_agent(h)).or_else(|| {
            let g = tr.head[h];
            (g != NONE && matches!(tr.base(h), "advcl" | "xcomp" | "conj")).then(|| subject(g)).flatten()
        })?;
        Some(self.speaker(s))
    }

    /// The reporting or opinion verb whose complement holds `p`, climbing conjuncts,
    /// adverbials and complements of the clause (`said [a man came in and attacked, using …]`).
    /// A clause under one is someone's claim even when the sentence names no speaker.
    fn reporting_verb(&self, p: usize) -> Option<usize> {
        let tr = self.tr;
        let mut up = p;
        // after a participle that modifies a noun, the noun's own place in its clause
        let mut in_noun = false;
        for _ in 0..6 {
            let h = tr.head[up];
            if h == NONE {
                return None;
            }
            let claims = self.reports(h) || tr.lemma_is(h, OPINION_VERBS);
            let was_in_noun = std::mem::take(&mut in_noun);
            match tr.base(up) {
                "ccomp" if claims => return Some(h),
                // `I feel like the plan failed`: a clause after `feel like` is the feeler's view
                "advcl" if tr.lemma_is(h, &["feel"]) && tr.kids(up).any(|k| tr.base(k) == "mark" && tr.form_is(k, &["like"])) => return Some(h),
                // `he claimed to have paid`: the subject's own claim
                "xcomp" if tr.lemma_is(h, OPINION_VERBS) || tr.lemma_is(h, &["claim", "allege", "deny"]) => return Some(h),
                "conj" | "advcl" | "xcomp" | "ccomp" => up = h,
                // `claimed there were doubts, meaning the staff`, `said the man, armed with a
                // knife, fled`: a participle on a noun of the reported clause is part of the
                // claim; a relative clause is not (its content is taken as given)
                "acl" if tr.rel(up) != "acl:relcl" && matches!(tr.t[up].xpos.as_str(), "VBG" | "VBN") => {
                    up = h;
                    in_noun = true;
                }
                // (not the speaker: `said a protester using a pseudonym`)
                "nsubj" | "obj" | "iobj" | "obl" | "nmod" | "appos" if was_in_noun && !(claims && tr.base(up) == "nsubj") => up = h,
                _ => return None,
            }
        }
        None
    }

    /// A participle of hearsay or belief with an infinitive, on a noun: `twelve men believed to
    /// have fled`, `a man said to be the leader`, `ships reported to have sunk` (the reduced
    /// relative of `who are believed to …`). What the infinitive states is what someone
    /// believes or reports, whether `p` is the participle or the infinitive under it. The
    /// finite `is believed to` is settled where the verb chain is read.
    fn hearsay_participle(&self, p: usize) -> bool {
        let tr = self.tr;
        let participle = |c: usize| {
            c < tr.len()
                && tr.rel(c) == "acl"
                && tr.t[c].xpos == "VBN"
                && (tr.lemma_is(c, REPORTED_HEADS) || tr.lemma_is(c, MORE_HEARSAY_PARTICIPLES))
                && tr.kids(c).any(|k| tr.base(k) == "xcomp" && tr.kids(k).any(|m| tr.base(m) == "mark" && tr.lemma_is(m, &["to"])))
        };
        participle(p) || (tr.base(p) == "xcomp" && tr.head[p] != NONE && participle(tr.head[p]))
    }

    /// An interview turn: `((Ana Ruiz)) …` or `AR: …` opening the sentence; the speaker's name
    /// and the first token after the turn's label.
    fn speaker_turn(&self) -> Option<(Part, usize)> {
        let tr = self.tr;
        let n = tr.len();
        let name_part = |a: usize, b: usize| -> Option<Part> {
            let toks: Vec<usize> = (a..b).filter(|&k| !tr.is_punct(k)).collect();
            (!toks.is_empty() && toks.len() <= 4).then(|| Part { head: *toks.last().unwrap(), min: toks.clone(), toks, poss_after: None, text: None })
        };
        if n > 4 && tr.form(0) == "(" && tr.form(1) == "(" {
            let close = (2..n.min(9)).find(|&k| tr.form(k) == ")" && k + 1 < n && tr.form(k + 1) == ")")?;
            return name_part(2, close).map(|p| (p, close + 2));
        }
        if n > 3 && (1..=2).contains(&(0..n.min(3)).position(|k| tr.form(k) == ":")?) {
            let colon = (0..3).find(|&k| tr.form(k) == ":")?;
            let initials = (0..colon).all(|k| {
                let f = tr.form(k);
                f.len() <= 4 && f.chars().all(|c| c.is_uppercase() || c == '.')
            });
            if initials {
                return name_part(0, colon).map(|p| (p, colon + 1));
            }
        }
        None
    }

    /// Whether `x` is the `to`-infinitive of a present-tense `have` or `need` with no object of
    /// its own (`has to approve`, `need to leave`): the English semi-modals of obligation. Not the
    /// causative `have` (`has the car repaired`, no `to`) nor `needs money to build` (an object),
    /// nor the idiom `has to do with` (is related to).
    fn present_obligation(&self, h: usize, x: usize) -> bool {
        let tr = self.tr;
        let related_to = tr.lemma_is(x, &["do"]) && tr.kids(x).any(|k| tr.kids(k).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &["with"])));
        !related_to
            && tr.lemma_is(h, OBLIGATION_VERBS)
            && matches!(tr.t[h].xpos.as_str(), "VBZ" | "VBP")
            && tr.kids(x).any(|k| k < x && tr.base(k) == "mark" && tr.lemma_is(k, &["to"]))
            && !tr.kids(h).any(|k| matches!(tr.base(k), "obj" | "iobj"))
    }

    /// The modality of a clause the writer does not assert because of where it hangs, and the
    /// verb whose subject then speaks for it: a mandative `that` clause (planned; the demanding
    /// verb) or a clause inside a condition's antecedent (possible). None for anything else, and
    /// at a relative clause, whose content is taken as given (`if the man who robbed the bank is
    /// caught`).
    fn unasserted_clause(&self, v: usize) -> Option<(Modality, Option<usize>)> {
        let tr = self.tr;
        let mark = |c: usize, words: &[&str]| tr.kids(c).any(|k| tr.base(k) == "mark" && tr.lemma_is(k, words));
        // `on condition that the army withdraw`: a singular condition noun whose clause has a
        // `that` and a subject of its own (the parser may take `that` for a pronoun; a relative
        // clause such as `conditions that damage corals` has no other subject)
        let condition_clause = |c: usize, h: usize| {
            tr.lemma_is(h, CONDITION_NOUNS)
                && tr.t[h].xpos == "NN"
                && tr.kids(c).any(|k| k < c && tr.lemma_is(k, &["that"]))
                && tr.kids(c).any(|k| is_subj_rel(tr.rel(k)) && !tr.lemma_is(k, &["that"]))
        };
        // the predicate may be the semi-modal itself, its infinitive merged into the relation
        if let Some(x) = tr.kids(v).find(|&k| tr.base(k) == "xcomp")
            && self.present_obligation(v, x)
        {
            return Some((Modality::Possible, None));
        }
        let mut up = v;
        // the first clause with a subject of its own on the way up: a conjunct that states
        // something (`… include X, but Congress has not passed it`) is no part of the demand
        let mut finite: Option<usize> = None;
        for _ in 0..6 {
            if finite.is_none() && tr.kids(up).any(|k| is_subj_rel(tr.rel(k))) {
                finite = Some(up);
            }
            let h = tr.head[up];
            // `if he had a chance to read …`: the antecedent of a condition, however deep (a
            // copular one with its own subject may be parsed as a nominal of the main clause:
            // `Even if X was the mayor, …` with `mayor` an `obl` or `obj`; an `if` complement is
            // a question, not a condition)
            let copular_clause = |c: usize| tr.kids(c).any(|k| is_subj_rel(tr.rel(k))) && tr.kids(c).any(|k| tr.base(k) == "cop");
            let adverbial = tr.base(up) == "advcl" || (!matches!(tr.base(up), "ccomp" | "csubj" | "root") && copular_clause(up));
            if adverbial && hypothetical_clause(tr, up) {
                return Some((Modality::Possible, None));
            }
            // a time or reason clause is taken as given, even inside a condition (`if they were
            // altered when the star went supernova`; the parser may make `when` an adverb)
            if tr.base(up) == "advcl" && tr.kids(up).any(|k| matches!(tr.base(k), "mark" | "advmod") && k < up && tr.lemma_is(k, TAKEN_AS_GIVEN)) {
                return None;
            }
            if h == NONE {
                return None;
            }
            if tr.base(up) == "acl" && condition_clause(up, h) {
                return Some((Modality::Possible, None));
            }
            if let Some(m) = gerund_content(tr, up, h) {
                return Some((m, None));
            }
            // a relative clause's content is taken as given, unless its noun exists only in a
            // condition's world (`if you win, there'll be a prize that is paid in cash`)
            if tr.rel(up) == "acl:relcl" {
                if let Some(m) = bare_content_clause(tr, up, h) {
                    return Some((m, None));
                }
                return conditioned_existential(tr, h).then_some((Modality::Possible, None));
            }
            // `the agency has to approve the deal`, `the council needs to vote`: what someone must
            // do now is not yet done (a past `had to resign` mostly was, and stays asserted)
            // (only for the clause itself: a conjunct or complement with its own subject, `… need
            // to be removed and the radio is turned off`, states its own fact)
            if finite.is_none() && tr.base(up) == "xcomp" && self.present_obligation(h, up) {
                return Some((Modality::Possible, None));
            }
            match tr.base(up) {
                // the `that` clause of a mandative verb or noun
                "ccomp" | "acl" if mark(up, &["that"]) || tr.base(up) == "ccomp" => {
                    let plain = !tr.lemma_is(h, MANDATIVE_OR_REPORT);
                    let demand = self.mandative_form(up, plain) && finite.is_none_or(|f| self.mandative_form(f, plain));
                    if tr.lemma_is(h, MANDATIVE) && demand {
                        return Some((Modality::Planned, (tr.upos(h) == "VERB").then_some(h)));
                    }
                    // `the idea that the statues mark water`, `claims that the vote was rigged`: a
                    // `that` clause with a subject of its own completing a noun of supposing or
                    // of claiming is that supposition or claim, not the writer's fact
                    // (the noun is the clause's head, or, with the clause parsed as the verb's
                    // complement, `repeated his claim that …`, the verb's object right before `that`)
                    let that_mark = tr.kids(up).find(|&k| k < up && tr.base(k) == "mark" && tr.lemma_is(k, &["that"]));
                    let own_subject = tr.kids(up).any(|k| is_subj_rel(tr.rel(k)) && !tr.lemma_is(k, &["that", "which", "who"]));
                    let noun = match (tr.base(up), that_mark) {
                        ("acl", Some(_)) if tr.upos(h) == "NOUN" => Some(h),
                        ("ccomp", Some(m)) => tr.kids(h).find(|&o| tr.base(o) == "obj" && o + 1 == m && tr.upos(o) == "NOUN"),
                        _ => None,
                    };
                    // (a noun that also heads relative clauses, `the report that the agency
                    // published`, needs a complete clause: one with a complement of its own)
                    let complete = tr.kids(up).any(|k| matches!(tr.base(k), "obj" | "iobj" | "ccomp" | "xcomp" | "cop" | "expl") || tr.rel(k) == "nsubj:pass");
                    if let Some(x) = noun.filter(|_| own_subject) {
                        if tr.lemma_is(x, SUPPOSITION_NOUNS) {
                            return Some((Modality::Possible, None));
                        }
                        if tr.lemma_is(x, STATEMENT_NOUNS) && (complete || !tr.lemma_is(x, RELATIVE_PRONE_NOUNS)) {
                            return Some((Modality::Reported, None));
                        }
                    }
                    up = h;
                }
                "conj" | "xcomp" | "advcl" | "acl" | "ccomp" | "obj" | "obl" | "nmod" => up = h,
                _ => return None,
            }
        }
        None
    }

    /// The verb form of a mandative clause headed by `c`: the bare subjunctive (`that he resign`,
    /// `that it be closed`, also a base form the tagger took for a present after a singular
    /// subject: `that the deal include`) or `should`; with `plain_present`, also a present form
    /// (`that they leave`), which after a pure mandative governor is no statement either. A
    /// past, a third-person `-s` or another modal states something (`insisted that he was
    /// innocent`).
    fn mandative_form(&self, c: usize, plain_present: bool) -> bool {
        let tr = self.tr;
        let aux: Vec<usize> = tr.kids(c).filter(|&k| k < c && matches!(tr.base(k), "aux" | "cop")).collect();
        if aux.iter().any(|&k| tr.lemma_is(k, &["should"])) {
            return true;
        }
        if aux.iter().any(|&k| tr.lemma_is(k, &["to"]) || tr.t[k].xpos == "MD") {
            return false;
        }
        let finite = aux.first().copied().unwrap_or(c);
        // a present without `-s` after a singular noun is the bare subjunctive
        let singular = tr.kids(c).any(|k| tr.base(k) == "nsubj" && matches!(tr.t[k].xpos.as_str(), "NN" | "NNP"));
        tr.t[finite].xpos == "VB" || (plain_present || singular) && tr.t[finite].xpos == "VBP"
    }

    /// An infinitive completing a noun (`a deal to export gas`), not after a ranking word.
    fn noun_infinitive(&self, v: usize) -> bool {
        let tr = self.tr;
        let h = tr.head[v];
        if tr.rel(v) != "acl" || h == NONE || !tr.kids(v).any(|k| tr.base(k) == "mark" && tr.lemma_is(k, &["to"])) {
            return false;
        }
        !self.ranked_noun(h)
    }

    /// Whether noun `h` is singled out by rank (`the first woman`, `the only team`, `the
    /// youngest player`): a ranking word or a superlative among its modifiers.
    pub(super) fn ranked_noun(&self, h: usize) -> bool {
        let tr = self.tr;
        tr.kids(h).any(|k| matches!(tr.base(k), "amod" | "det" | "nummod") && (tr.lemma_is(k, RANKING_WORDS) || tr.t[k].xpos == "JJS"))
    }
}

/// `an allegation Oster struck the guard`, `concerns the levy would hurt farmers`: a clause the
/// parser read as a relative clause with no relative word on a noun of claiming or supposing,
/// whose own subject and complement leave no gap for the noun to fill, is the noun's content (a
/// relative clause without a relative word always lacks an object: `the claim he made`). The
/// modality the noun gives its content: reported after a noun of claiming, possible after one of
/// supposing.
fn bare_content_clause(tr: &Tree, c: usize, noun: usize) -> Option<Modality> {
    if c < noun || tr.upos(noun) != "NOUN" {
        return None;
    }
    let modality = if tr.lemma_is(noun, STATEMENT_NOUNS) {
        Modality::Reported
    } else if tr.lemma_is(noun, SUPPOSITION_NOUNS) {
        Modality::Possible
    } else {
        return None;
    };
    let relative = |k: usize| tr.has_feat(k, "PronType=Rel") || tr.lemma_is(k, &["that", "which", "who", "whom", "whose", "where", "when", "why"]);
    if tr.kids(c).any(|k| k < c && (relative(k) || tr.base(k) == "mark")) {
        return None;
    }
    let own_subject = tr.kids(c).any(|k| is_subj_rel(tr.rel(k)));
    let complete = tr.kids(c).any(|k| matches!(tr.base(k), "obj" | "iobj" | "ccomp" | "xcomp" | "cop" | "expl") || tr.rel(k) == "nsubj:pass");
    // `the officers she worked with`: a preposition ending the clause is where the gap is
    let last = (c..tr.len()).filter(|&k| (k == c || tr.ancestor_of(c, k)) && tr.upos(k) != "PUNCT").last().unwrap_or(c);
    (own_subject && complete && tr.upos(last) != "ADP").then_some(modality)
}

/// Of [`SUPPOSITION_NOUNS`] and [`STATEMENT_NOUNS`], those whose `of` phrase is never their
/// holder (`the possibility of a leak`, unlike `the fears of residents`): a gerund right after
/// that phrase is the content, the phrase its subject.
const CONTENT_OF_NOUNS: &[&str] = &[
    "possibility", "likelihood", "probability", "chance", "risk", "danger", "prospect", "threat", "idea", "notion",
    "theory", "hypothesis", "speculation", "assumption", "suggestion", "allegation", "accusation", "rumour", "rumor",
];

/// `the possibility of a leak triggering the blast`, `the risk of flooding the town`, `suspicion
/// of driving drunk`, `allegations of guards beating inmates`: a gerund that completes a noun of
/// supposing or of claiming through `of` (on the gerund, or on its subject between the two) is
/// that supposition or claim, as a `that` clause would be. The gerund hangs on the noun, or on
/// the noun's `of` phrase right before it. The modality the noun gives it: reported after a noun
/// of claiming, possible after one of supposing. (A participle without `of`, `the threat
/// stemming from the rebels`, describes the noun and is left alone.)
fn gerund_content(tr: &Tree, c: usize, h: usize) -> Option<Modality> {
    // (a gerund with a subject of its own is no `of` content: `in charge of the works, the trains
    // running`)
    if tr.rel(c) != "acl" || tr.t[c].xpos != "VBG" || h == NONE || h > c || tr.kids(c).any(|k| is_subj_rel(tr.rel(k))) {
        return None;
    }
    let marked = |x: usize, words: &[&str]| tr.kids(x).any(|k| k < x && matches!(tr.base(k), "case" | "mark") && tr.lemma_is(k, words));
    let with_of = |x: usize| marked(x, &["of", "about"]);
    let adjacent_phrase = (h + 1..c).all(|k| tr.ancestor_of(h, k));
    let subject_between = adjacent_phrase && tr.kids(h).any(|k| k > h && k < c && tr.base(k) == "nmod" && with_of(k));
    let g = tr.head[h];
    let noun = if with_of(c) || subject_between {
        h
    } else if tr.base(h) == "nmod" && adjacent_phrase && g != NONE && g < h && (marked(h, &["about"]) || (marked(h, &["of"]) && tr.lemma_is(g, CONTENT_OF_NOUNS))) {
        // (`about` always brings the content: `concern about the town losing its status`)
        g
    } else {
        return None;
    };
    if tr.upos(noun) != "NOUN" {
        return None;
    }
    if tr.lemma_is(noun, STATEMENT_NOUNS) {
        Some(Modality::Reported)
    } else {
        tr.lemma_is(noun, SUPPOSITION_NOUNS).then_some(Modality::Possible)
    }
}

/// A clause that states nothing about the world because of its subordinator: a condition's
/// antecedent (`if`, `unless`) or a comparison with the unreal (`as if`, `as though`: the two
/// marks side by side; a plain `though` concedes a fact).
pub(super) fn hypothetical_clause(tr: &Tree, c: usize) -> bool {
    let marks: Vec<usize> = tr.kids(c).filter(|&k| k < c && tr.base(k) == "mark").collect();
    let after_as = |k: usize| k > 0 && marks.contains(&(k - 1)) && tr.lemma_is(k - 1, &["as"]);
    marks.iter().any(|&k| tr.lemma_is(k, &["if", "unless"]) || (tr.lemma_is(k, &["though"]) && after_as(k)))
}

/// A condition's antecedent (`if`, `unless`), which makes the clause it hangs on hypothetical
/// too; a comparison (`stared at her as if she had lied`) does not: the staring happened.
pub(super) fn condition_clause(tr: &Tree, c: usize) -> bool {
    let marks: Vec<usize> = tr.kids(c).filter(|&k| k < c && tr.base(k) == "mark").collect();
    marks.iter().any(|&k| tr.lemma_is(k, &["if", "unless"]))
        && !marks.iter().any(|&k| tr.lemma_is(k, &["as"]))
        && !indirect_question(tr, c)
}

/// An `if` clause that is what a verb of asking asks (`asked the minister if she would stay`,
/// `wondered if the dam would hold`), which the parser may hang as an adverbial: the asking
/// happened, the clause is its content, not its condition. A verb of asking that has its own
/// oblique or clause (`will ask for help if the water rises`) keeps a real condition.
fn indirect_question(tr: &Tree, c: usize) -> bool {
    let h = tr.head[c];
    let person = |k: usize| matches!(tr.upos(k), "PROPN" | "PRON");
    h != NONE
        && h < c
        && tr.lemma_is(h, &["ask", "wonder", "inquire", "enquire"])
        && tr.kids(c).any(|k| k < c && tr.base(k) == "mark" && tr.lemma_is(k, &["if"]))
        && !tr.kids(h).any(|k| k != c && matches!(tr.base(k), "obl" | "xcomp" | "ccomp" | "advcl"))
        && tr.kids(h).filter(|&k| matches!(tr.base(k), "obj" | "iobj")).all(person)
}

/// The pivot `n` of an existential clause (`there'll be juice`, `there would be a vote`) whose
/// clause hangs on a condition: the thing exists only if the condition holds.
fn conditioned_existential(tr: &Tree, n: usize) -> bool {
    let be = tr.head[n];
    be != NONE
        && tr.base(n) == "nsubj"
        && tr.lemma_is(be, &["be"])
        && tr.kids(be).any(|k| tr.base(k) == "expl")
        && tr.kids(be).any(|k| tr.base(k) == "advcl" && condition_clause(tr, k))
}

/// A question: its last word (before closing quotes and brackets) is `?`.
fn is_question(tr: &Tree) -> bool {
    (0..tr.len())
        .rev()
        .find(|&i| !matches!(tr.form(i), "”" | "\"" | "''" | "’" | ")" | "]"))
        .is_some_and(|i| tr.form(i) == "?")
}

#[cfg(test)]
mod tests {
    use crate::document::Modality;
    use crate::extract::Extractor;

    /// (subject, relation, object, modality, attribution) of the triples of an analysed sentence.
    fn facts(line: &str) -> Option<Vec<(String, String, String, Modality, String)>> {
        let s = crate::extract::tests::analysed(line)?;
        Some(
            Extractor::new()
                .extract(&s, &[])
                .into_iter()
                .map(|t| {
                    (
                        t.subject.text,
                        t.relation,
                        t.object.map(|o| o.text).unwrap_or_default(),
                        t.modality,
                        t.attribution.map(|a| a.text).unwrap_or_default(),
                    )
                })
                .collect(),
        )
    }

    fn find(line: &str, verb: &str) -> Option<(String, String, String, Modality, String)> {
        let fs = facts(line)?;
        Some(fs.iter().find(|f| f.1.contains(verb)).cloned().unwrap_or_else(|| panic!("{line}: no `{verb}` in {fs:?}")))
    }

    #[test]
    fn a_present_obligation_is_not_yet_done() {
        for (line, verb) in [("The harbour board has to approve the merger .", "approve"), ("The regional councils need to ratify the treaty .", "ratify")] {
            let Some(f) = find(line, verb) else { return };
            assert_eq!(f.3, Modality::Possible, "{line}: {f:?}");
        }
        // a past obligation was met, and a plain verb stays asserted
        let Some(f) = find("The harbour board had to close the pier in May .", "close") else { return };
        assert_eq!(f.3, Modality::Asserted, "{f:?}");
        let Some(f) = find("The harbour board approves the merger .", "approve") else { return };
        assert_eq!(f.3, Modality::Asserted, "{f:?}");
        // the idiom `has to do with` relates, and a conjunct with its own subject is its own fact
        let Some(f) = find("The delay has to do with the weather .", "do") else { return };
        assert_eq!(f.3, Modality::Asserted, "{f:?}");
        let Some(f) = find("The cables need to be checked and the pier is closed on Sundays .", "close") else { return };
        assert_eq!(f.3, Modality::Asserted, "{f:?}");
    }

    #[test]
    fn quoted_words_are_reported_with_their_speaker() {
        let Some(f) = find("\" The council ignored the rules , \" Ortiz said .", "ignored") else { return };
        assert_eq!(f.3, Modality::Reported, "{f:?}");
        assert_eq!(f.4, "Ortiz", "{f:?}");
    }

    #[test]
    fn an_inverted_quote_is_no_fact_of_its_words() {
        let Some(fs) = facts("\" We are heartbroken , \" writes Lena Okafor on her blog .") else { return };
        assert!(!fs.iter().any(|f| f.1.contains("write") && (f.0.contains("heartbroken") || f.2.contains("Okafor"))), "{fs:?}");
        // must give nothing away: a plain writer keeps the fact
        let Some(f) = find("Lena Okafor writes novels about sailors .", "write") else { return };
        assert_eq!(f.0, "Lena Okafor", "{f:?}");
    }

    #[test]
    fn the_consequent_of_a_condition_is_hypothetical_even_when_reported() {
        let Some(f) = find("Aldane said that if the river rises , the town will evacuate the school .", "evacuate") else { return };
        assert_eq!(f.3, Modality::Possible, "{f:?}");
        assert_eq!(f.4, "Aldane", "{f:?}");
        let Some(f) = find("The mill will close its plant unless prices rise .", "close") else { return };
        assert_eq!(f.3, Modality::Possible, "{f:?}");
        // must give nothing away: a time clause is no condition
        let Some(f) = find("The mill closed its plant when prices fell .", "closed") else { return };
        assert_eq!(f.3, Modality::Asserted, "{f:?}");
    }

    #[test]
    fn clauses_under_a_reporting_verb_are_reported() {
        let Some(f) = find("Witnesses said a man entered the shop and attacked the owner , using a hammer .", "attacked") else { return };
        assert_eq!(f.3, Modality::Reported, "{f:?}");
        assert_eq!(f.4, "Witnesses", "{f:?}");
    }

    #[test]
    fn a_participle_reports_for_its_clause_subject() {
        let Some(f) = find("The union left the talks , claiming the firm broke the deal .", "broke") else { return };
        assert_eq!(f.3, Modality::Reported, "{f:?}");
        assert_eq!(f.4, "union", "{f:?}");
        // must give nothing away: the participle that is an event of its own stays asserted
        let Some(f) = find("The union left the talks , breaking the deal .", "left") else { return };
        assert_eq!(f.3, Modality::Asserted, "{f:?}");
    }

    #[test]
    fn a_participle_of_belief_on_a_noun_reports_its_infinitive() {
        let Some(f) = find("The army detained 12 men believed to have smuggled the rifles .", "smuggled") else { return };
        assert_eq!(f.3, Modality::Reported, "{f:?}");
        // must give nothing away: a participle that is no hearsay keeps its fact
        let Some(f) = find("The army detained 12 men trained to have smuggled the rifles .", "detained") else { return };
        assert_eq!(f.3, Modality::Asserted, "{f:?}");
    }

    #[test]
    fn a_participle_on_a_noun_of_a_reported_clause_is_reported() {
        let Some(fs) = facts("The minister claimed there were \" serious doubts among the staff , \" meaning the nurses and the doctors .") else {
            return;
        };
        let f = fs.iter().find(|f| f.1.contains("mean")).unwrap_or_else(|| panic!("no `mean` in {fs:?}"));
        assert_eq!(f.3, Modality::Reported, "{f:?}");
        // must give nothing away: the same participle outside a claim stays asserted
        let Some(f) = find("The mayor fined the two landlords owning the tower .", "own") else { return };
        assert_eq!(f.3, Modality::Asserted, "{f:?}");
        // nor is the speaker's own participle part of what is said
        let Some(f) = find("\" Prices will rise , \" said a trader using a pseudonym .", "using") else { return };
        assert_eq!(f.3, Modality::Asserted, "{f:?}");
    }

    #[test]
    fn opinions_are_reported() {
        let Some(f) = find("Most voters felt the mayor handled the flood badly .", "handled") else { return };
        assert_eq!(f.3, Modality::Reported, "{f:?}");
    }

    #[test]
    fn according_to_makes_a_report() {
        let Some(f) = find("According to the agency , the factory released toxic waste .", "released") else { return };
        assert_eq!(f.3, Modality::Reported, "{f:?}");
    }

    #[test]
    fn according_to_at_the_end_makes_a_report() {
        // the parser hangs a final `according to X` on the last noun; repair 18 moves it
        let Some(f) = find("The mill opened a plant in Ohio , according to the Courier .", "opened") else { return };
        assert_eq!(f.3, Modality::Reported, "{f:?}");
        assert_eq!(f.4, "Courier", "{f:?}");
    }

    #[test]
    fn other_verbs_of_saying_report_their_clause() {
        for verb in ["replied", "tweeted", "conceded", "commented", "testified"] {
            let line = format!("Ortiz {verb} that the council had ignored the rules .");
            let Some(f) = find(&line, "ignored") else { return };
            assert_eq!(f.3, Modality::Reported, "{line}: {f:?}");
        }
    }

    #[test]
    fn no_longer_negates() {
        let Some(f) = find("The ferry no longer sails to Bergen .", "sails") else { return };
        let s = crate::extract::tests::analysed("The ferry no longer sails to Bergen .").unwrap();
        let t = Extractor::new().extract(&s, &[]).into_iter().find(|t| t.relation.contains("sails")).unwrap();
        assert!(t.negated, "{f:?}");
    }

    #[test]
    fn a_plain_statement_stays_asserted() {
        let Some(f) = find("The factory released toxic waste into the river .", "released") else { return };
        assert_eq!(f.3, Modality::Asserted, "{f:?}");
        assert_eq!(f.4, "", "{f:?}");
    }

    #[test]
    fn questions_assert_nothing() {
        let Some(fs) = facts("Why did the company close the plant ?") else { return };
        assert!(fs.is_empty(), "{fs:?}");
        let Some(fs) = facts("The company closed the plant .") else { return };
        assert!(!fs.is_empty(), "{fs:?}");
    }

    #[test]
    fn interview_turns_are_the_speakers_words() {
        let Some(fs) = facts("( ( Lena Varga ) ) The team measured the glacier in 2015 .") else { return };
        let f = fs.iter().find(|f| f.1.contains("measured")).unwrap_or_else(|| panic!("{fs:?}"));
        assert_eq!(f.3, Modality::Reported, "{f:?}");
        assert_eq!(f.4, "Lena Varga", "{f:?}");
        assert!(fs.iter().all(|f| !f.0.contains(')') && !f.2.contains(')')), "{fs:?}");
    }

    #[test]
    fn noun_infinitives_are_plans_unless_ranked() {
        let Some(fs) = facts("Norway signed a deal to export gas to Poland .") else { return };
        if let Some(f) = fs.iter().find(|f| f.1.contains("export")) {
            assert_eq!(f.3, Modality::Planned, "{f:?}");
        }
        let Some(fs) = facts("Ana Ruiz became the first woman to lead the union .") else { return };
        if let Some(f) = fs.iter().find(|f| f.1.contains("lead")) {
            assert_eq!(f.3, Modality::Asserted, "{f:?}");
        }
    }

    #[test]
    fn demands_are_planned_with_their_demander() {
        let Some(f) = find("Okafor demanded that Lindqvist resign from the board .", "resign") else { return };
        assert_eq!(f.3, Modality::Planned, "{f:?}");
        assert_eq!(f.4, "Okafor", "{f:?}");
        // a reporting verb with a subjunctive demands too
        let Some(f) = find("Okafor insisted that the contract include a penalty clause .", "include") else { return };
        assert_eq!(f.3, Modality::Planned, "{f:?}");
        // must give nothing away: with a past tense the same verb reports a fact
        let Some(f) = find("Okafor insisted that the contract included a penalty clause .", "include") else { return };
        assert_eq!(f.3, Modality::Reported, "{f:?}");
        // … and a conjunct with its own tense states what happened
        let Some(fs) = facts("Okafor insists that the budget include a bonus , but Varna has not approved the budget .") else { return };
        if let Some(f) = fs.iter().find(|f| f.1.contains("approve")) {
            assert_ne!(f.3, Modality::Planned, "{f:?}");
        }
    }

    #[test]
    fn a_condition_is_hypothetical_however_deep() {
        let Some(f) = find("If Dunmore had a chance to read the report , he would resign .", "read") else { return };
        assert_eq!(f.3, Modality::Possible, "{f:?}");
        let Some(fs) = facts("The rebels accepted the truce on condition that Varnholt withdraw his troops from the valley .") else { return };
        if let Some(f) = fs.iter().find(|f| f.1.contains("withdraw")) {
            assert_eq!(f.3, Modality::Possible, "{f:?}");
        }
        // must give nothing away: the same infinitive outside a condition keeps its reading
        let Some(f) = find("Dunmore had a chance to read the report .", "read") else { return };
        assert_ne!(f.3, Modality::Possible, "{f:?}");
        // … a relative clause on `conditions` is no condition
        let Some(fs) = facts("Pine trees grow under conditions that damage other trees .") else { return };
        if let Some(f) = fs.iter().find(|f| f.1.contains("damage")) {
            assert_eq!(f.3, Modality::Asserted, "{f:?}");
        }
        // … a copular antecedent parsed as a nominal of the main clause (`mayor` an `obl`)
        let Some(f) = find("Even if Oster was the mayor of another town , the laws would not change .", "mayor") else { return };
        assert_eq!(f.3, Modality::Possible, "{f:?}");
        let Some(f) = find("Oster was the mayor of another town .", "mayor") else { return };
        assert_eq!(f.3, Modality::Asserted, "{f:?}");
        // … and a time clause inside a condition is taken as given
        let Some(fs) = facts("If the samples were altered when the reactor failed , the tests will show it .") else { return };
        if let Some(f) = fs.iter().find(|f| f.1.contains("fail")) {
            assert_eq!(f.3, Modality::Asserted, "{f:?}");
        }
    }

    #[test]
    fn a_comparison_with_the_unreal_is_hypothetical_but_its_main_clause_happened() {
        let Some(f) = find("The guards watched Ivo Oster as though he was hiding a weapon .", "hid") else { return };
        assert_eq!(f.3, Modality::Possible, "{f:?}");
        let Some(f) = find("The guards watched Ivo Oster as though he was hiding a weapon .", "watch") else { return };
        assert_eq!(f.3, Modality::Asserted, "{f:?}");
        // `as if`: the comparison is hypothetical, the main clause is not a condition's consequent
        let Some(fs) = facts("The guards stared at Mara Vellin as if she had stolen the ledger .") else { return };
        if let Some(f) = fs.iter().find(|f| f.2.contains("Mara Vellin")) {
            assert_eq!(f.3, Modality::Asserted, "{f:?}");
        }
        // a plain `though` concedes a fact
        let Some(fs) = facts("Though the barge was late , the crew unloaded the grain .") else { return };
        if let Some(f) = fs.iter().find(|f| f.1.contains("unload")) {
            assert_eq!(f.3, Modality::Asserted, "{f:?}");
        }
    }

    #[test]
    fn a_relative_clause_on_what_a_condition_brings_in_is_hypothetical() {
        let Some(f) = find("If the lever is pressed , there will be a reward that is paid in grain .", "paid") else { return };
        assert_eq!(f.3, Modality::Possible, "{f:?}");
        // a real existential keeps its relative clause
        let Some(f) = find("When the lever was pressed , there was a reward that was paid in grain .", "paid") else { return };
        assert_eq!(f.3, Modality::Asserted, "{f:?}");
    }

    #[test]
    fn a_clause_completing_a_noun_of_supposing_or_claiming_is_not_asserted() {
        // supposing: possible
        let Some(f) = find("The surveyors tested the idea that the towers marked springs of fresh water .", "mark") else { return };
        assert_eq!(f.3, Modality::Possible, "{f:?}");
        let Some(f) = find("Fears that the Norvia dam could flood the valley grew on Monday .", "flood") else { return };
        assert_eq!(f.3, Modality::Possible, "{f:?}");
        // claiming: reported
        let Some(f) = find("Ben Tarrow repeated his claim that the council leased the harbour .", "lease") else { return };
        assert_eq!(f.3, Modality::Reported, "{f:?}");
        // must give nothing away: a noun of fact keeps its clause, and so does a relative clause
        let Some(f) = find("The news that Mara Vellin had secured the seat spread quickly .", "secure") else { return };
        assert_eq!(f.3, Modality::Asserted, "{f:?}");
        let Some(fs) = facts("The report that the Norvia agency published in May lists twelve sites .") else { return };
        if let Some(f) = fs.iter().find(|f| f.1.contains("publish")) {
            assert_eq!(f.3, Modality::Asserted, "{f:?}");
        }
    }

    #[test]
    fn a_bare_clause_on_a_noun_of_claiming_or_supposing_is_its_content() {
        // claiming, no `that`: reported
        let Some(f) = find("The arrest came after an allegation Ben Tarrow struck Ivo Oster , his neighbour .", "struck") else { return };
        assert_eq!(f.3, Modality::Reported, "{f:?}");
        // supposing, no `that`: possible
        let Some(f) = find("Mara Vellin dismissed the suspicion the council had sold the harbour .", "sold") else { return };
        assert_eq!(f.3, Modality::Possible, "{f:?}");
        // must not: a relative clause with its gap at the object is what the noun names
        let Some(f) = find("The allegations Ben Tarrow sent to the court named three officials .", "sent") else { return };
        assert_eq!(f.3, Modality::Asserted, "{f:?}");
    }

    #[test]
    fn a_conclusion_is_the_concluders() {
        let Some(f) = find("The geologists concluded that warm water was reaching the shelf every year .", "reach") else { return };
        assert_eq!(f.3, Modality::Reported, "{f:?}");
        assert_eq!(f.4, "geologists", "{f:?}");
    }

    #[test]
    fn quotation_spans() {
        use crate::document::Token;
        use crate::extract::tree::Tree;
        let toks = |forms: &[&str]| -> Vec<Token> {
            forms.iter().map(|f| Token { form: f.to_string(), upos: "X".into(), deprel: "dep".into(), space_after: true, ..Default::default() }).collect()
        };
        // a quotation continued from the previous sentence, closed in this one
        let t = toks(&["we", "left", ".", "”", "she", "said"]);
        assert_eq!(super::quoted_tokens(&Tree::new(&t)), vec![true, true, true, false, false, false]);
        let t = toks(&["she", "said", "\"", "we", "left", "\""]);
        assert_eq!(super::quoted_tokens(&Tree::new(&t)), vec![false, false, false, true, true, false]);
        // an odd straight mark after the start closes a quotation begun earlier
        let t = toks(&["we", "left", "\"", "she", "said"]);
        assert_eq!(super::quoted_tokens(&Tree::new(&t)), vec![true, true, false, false, false]);
        // … unless the text glues it to the next word: then it opens a quotation that goes on
        let mut t = toks(&["she", "said", ":", "\"", "we", "left"]);
        t[2].space_after = true;
        t[3].space_after = false;
        assert_eq!(super::quoted_tokens(&Tree::new(&t)), vec![false, false, false, false, true, true]);
    }

    #[test]
    fn an_if_clause_after_ask_is_the_question_not_a_condition() {
        // the asking happened: `if` opens what was asked
        let Some(f) = find("The reporter asked Ana Ruiz if she would run again .", "ask") else { return };
        assert_eq!(f.3, Modality::Asserted, "{f:?}");
        // must not: a real condition on a request stays hypothetical
        let Some(f) = find("The mayor will ask for help if the river rises .", "ask") else { return };
        assert_ne!(f.3, Modality::Asserted, "{f:?}");
    }
}
