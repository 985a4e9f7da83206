//! Parse repairs of reported clauses (run by [`super::repair::repair`], same contract: structural,
//! closed word classes only, tree kept).
//!
//! 12. `cut-report`: `Officials said the ferry was sinking` parsed with `ferry` as the object of
//!    `said` and `was sinking` as a subjectless clause beside it (a `ccomp`, `xcomp`, `conj` or
//!    `parataxis` of the reporting verb, or an `acl` of the noun): the noun is the subject of the
//!    reported clause, so it becomes the clause's `nsubj` (`nsubj:pass` in the passive) and the
//!    clause the verb's `ccomp`. The reporting verb then has no object of its own (no
//!    `say – ferry` fact) and the clause's fact is reported, attributed to the speaker.
//!    A verb that takes a recipient (`told reporters …`, `warned residents …`) keeps its object
//!    unless a second, earlier object is the recipient (`told reporters the ferry was sinking`).
//!    A gerund the parser made the verb's `xcomp` (`said fixing the plant may take a year`) is
//!    cut the same way: it becomes the reported clause's `csubj`, with no subject of its own
//!    (the speaker does not do the fixing). A relative clause with its own relative word on the
//!    object (`reported Ana Ruiz, who lives in Lima, will be honoured`) only describes it: the
//!    search for the cut clause goes on past it. A copular predicate hung on a finite reporting
//!    verb as an oblique or adverb (`stated the hole is ten light years away`, `said two of the
//!    guards were from Vell`, `declared the ship was not there`) is such a clause too. A finite
//!    verb on a noun of the object's `of` chain (`reported the number of cases included …`) is cut
//!    the same way, and so is the clause after verbs of deciding, judging and expecting
//!    (`ruled the ban violated the charter`, `hopes the device would cut risks`).
//! 13. `report-under-time`: `The mayor said last night that the dam held` parsed with the `that`
//!    clause as a relative clause of the time word: a time word after a reporting verb is when
//!    the report was made, so the clause (with its own subject and `that`) becomes the verb's
//!    `ccomp`.
//! 14. `told-relative`: `The mayor told reporters the bridge would reopen` parsed with the
//!    reported clause as a relative clause of the addressee (`reporters [that] the bridge would
//!    reopen`). After a verb that takes a recipient, a clause on the addressee with its own
//!    subject, no relative word and no stranded preposition is what was told: it becomes the
//!    verb's `ccomp` (the inner fact is then reported, attributed to the speaker, and the speaker
//!    has a speech act). A relative word (`told reporters who had waited`) or a gap at a
//!    preposition (`told the officers she worked with`) keeps the relative clause.
//! 43. `verb-subject`: `The court determined Ivo Oster's record made him a risk` parsed with the
//!    reporting (or deciding, judging) verb as the `nsubj` of the verb after its object: a verb is
//!    no nominal subject, so the first verb heads the sentence, the second heads its `ccomp`, and
//!    the object of the first is the subject of the second (as in `cut-report`). Only when the
//!    first verb opens its clause (no subordinator, nothing of the second clause before it).
//! 36. `copular-report`: `Aides said the cost of the kit was 75 cents` (or `stated all crew were
//!    from Tarn`) parsed with the predicate of the copular clause as the object or an oblique of
//!    the reporting verb: a predicate with a subject after the verb and a finite copula of its
//!    own is a clause, so it becomes the verb's `ccomp` (the fact `cost – be – 75 cents` is then
//!    reported, attributed to the speaker, and the speaker says no `75 cents`).
//! 39. `trailing-report`: `Ivo Oster was found unconscious, police reported Sunday` parsed with the
//!    clause as an adverbial clause of the reporting verb that follows it: a finite clause with its
//!    own subject and no subordinator, closed by one comma right before the verb's subject, is what
//!    was reported, so it becomes the verb's `ccomp` (its fact reported, attributed to the speaker).
//!    A copular clause whose predicate the parser hung on the verb as a second subject or a bare
//!    oblique (`The crew were from Tarn, the army said`) is such a clause too.
//! 49. `report-conjunct`: `Ivo Oster died on Monday, the ministry announced` parsed with the
//!    reporting verb as a conjunct (or parataxis, relative or adverbial clause) of the clause before
//!    it: a speech verb with its own subject right after a comma, nothing said or told of its own
//!    and only adjuncts after it, closing the sentence, reports the sentence's clause, so it becomes
//!    the root and that clause its `ccomp` (its facts reported, attributed to the speaker). The
//!    subject may open with a bare noun the parser hung the verb on (`…, her son Ivo Oster
//!    announced`): that noun becomes the subject, the name its apposition. `tell` with only its
//!    listener after it (`…, Ivo Oster told reporters`) reports the same way.
//! 63. `mid-report`: `In May, the clerk testified, Ivo Oster hit the guard` (or `Oster, the paper
//!    reported, was fined`) parsed with the reporting verb as an adverbial clause, parataxis or
//!    conjunct of the clause around it, or with that clause as the verb's parataxis: a speech verb
//!    with its own subject set off by two commas, nothing said or told of its own, inside a main
//!    clause with a subject of its own that goes on after the aside, reports that clause, so the
//!    verb takes the clause's place and the clause becomes its `ccomp` (its facts reported,
//!    attributed to the speaker). What the verb held before its opening comma (`In May`, or the
//!    subject `Oster`) is the clause's. Without a fronted adjunct, a clause the verb heads after it is left alone.
//! 56. `report-adverbial`: `Vell said at a press conference the plant would close` parsed with
//!    the prepositional phrase right after the reporting verb as a fronted adverbial of the
//!    reported clause: with no `that` between, a phrase that opens the clause before its subject
//!    tells where or when the report was made, so it becomes an `obl` of the reporting verb (the
//!    clause object no longer opens with it). After `that` it stays the clause's
//!    (`said that in May the plant closed`).
//! 65. `time-report`: `Ivo Oster said yesterday morning the bridge, which is old, will be
//!    inspected` parsed with the bare time noun right after the reporting verb as its clausal
//!    complement, the reported clause's subject as that noun's object, and the reported clause a
//!    second complement without a subject (`said – yesterday morning the bridge`): a bare time noun
//!    of [`TIME_WORDS`] after a reporting verb says when the report was made, so it becomes the
//!    verb's `obl:unmarked` (as a well-read `said yesterday the …`), and the noun phrase hung on it
//!    the subject (`nsubj:pass` in the passive) of the subjectless clause that follows.
//! 103. `verb-relative`: `The agency denies the two blasts are related` (or `He concludes Ana Ruiz
//!    meets the rule`) parsed with the finite clause as a relative clause of the verb itself: a
//!    verb heads no relative clause, so after a verb that takes a bare clause, a clause with its
//!    own subject after the verb and no relative word is the verb's `ccomp` (its fact then
//!    reported or denied with the verb, not asserted).
//! 59. `raised-object`: `Officers believe him to be aged 40`, `the court found the merger to be
//!    unlawful`, `outlets reported Ivo Oster to be dead` parsed with the noun as the object of the
//!    verb of believing, judging or reporting and `to be …` as a subjectless clause beside it (or an
//!    `acl` of the noun): the noun is the subject of that clause, not the believer's object, so it
//!    becomes the clause's `nsubj` and the clause the verb's `ccomp` (as in `cut-report`). The
//!    believer then has no object (no `believe – him` fact) and the clause's fact is the noun's,
//!    reported or believed, not the believer's (no `officers – aged – 40`).

use super::lexicon::{NEVER_TRANSITIVE, REPORTING, TIME_WORDS};
use super::repair::{base, heads, is_ancestor as descends, set_head};
use crate::document::Token;

/// Verbs of learning and perceiving whose complement is a clause as often as after a reporting
/// verb (`heard her son had been convicted`, `learned the bridge had collapsed`): general English,
/// closed class.
/// (`see` is left out: `see similarities to …`, `saw an increase` take plain objects).
const PERCEIVING: &[&str] = &["hear", "learn", "discover", "realise", "realize", "know", "notice", "recall", "remember", "understand"];

/// Verbs of deciding, judging and expecting whose complement is a clause as often as an object
/// (`the court ruled the ban violated the charter`, `decided their acts did not qualify`, `hopes
/// the device would cut risks`, `agreed the book may have held secrets`): general English, closed
/// class. Only the cut clause is repaired for them (a subjectless finite clause right after the
/// object has that object as its subject); they are no reporting verbs elsewhere.
const CLAUSE_VERBS: &[&str] = &[
    "rule", "decide", "determine", "agree", "hope", "fear", "expect", "conclude", "prove", "assume", "suspect", "worry", "feel",
    "doubt", "recognise", "recognize", "accept", "imply", "demonstrate", "establish", "verify", "mention", "emphasise", "emphasize",
    "complain", "speculate", "guess", "reckon",
];

/// Whether the verb lemma `l` takes a finite clause without `that` ([`REPORTING`],
/// [`PERCEIVING`], [`CLAUSE_VERBS`]).
pub(super) fn takes_bare_clause(l: &str) -> bool {
    REPORTING.contains(&l) || PERCEIVING.contains(&l) || CLAUSE_VERBS.contains(&l)
}

/// Reporting verbs whose object is the person addressed, not the content (`told reporters`).
/// (`show` is not among them: `records showed the bomber had attacked` has its subject as object
/// far more often than an addressee)
const RECIPIENT_VERBS: &[&str] = &["tell", "warn", "remind", "inform", "assure", "notify", "advise"];

fn lemma_in(t: &Token, words: &[&str]) -> bool {
    words.iter().any(|w| t.lemma.eq_ignore_ascii_case(w))
}

/// A finite verb form or auxiliary: a modal or a present or past tense.
fn finite_form(t: &Token) -> bool {
    matches!(t.xpos.as_str(), "MD" | "VBD" | "VBZ" | "VBP") || t.feats.split('|').any(|f| f == "VerbForm=Fin")
}

/// A past form the tagger read as a participle (`VBN`) that can only be a finite past: no
/// auxiliary and no `by` agent of its own, and an object (its own or its conjunct's: `suggested
/// settlers raised or farmed the birds`) or a verb that takes none (`reported a block of flats
/// collapsed in …`), so it is no passive participle modifying the noun before it.
fn active_participle(t: &[Token], h: &[usize], c: usize) -> bool {
    let kids = |x: usize| (0..t.len()).filter(move |&k| h[k] == x);
    if t[c].upos != "VERB" || t[c].xpos != "VBN" {
        return false;
    }
    let agent = kids(c).any(|k| t[k].deprel == "obl:agent" || kids(k).any(|x| base(&t[x].deprel) == "case" && t[x].lemma.eq_ignore_ascii_case("by")));
    if agent || kids(c).any(|k| matches!(base(&t[k].deprel), "aux" | "cop")) {
        return false;
    }
    let object = |x: usize| kids(x).any(|k| base(&t[k].deprel) == "obj");
    object(c) || kids(c).any(|k| base(&t[k].deprel) == "conj" && t[k].upos == "VERB" && object(k)) || lemma_in(&t[c], NEVER_TRANSITIVE)
}

/// A clause headed by `c` that lacks the subject it needs: no subject, no coordinator or
/// relative word of its own, and finite (itself, or through an auxiliary or copula), so it
/// cannot be an infinitive or participle that the object controls (`urged voters to leave`).
fn subjectless_finite_clause(t: &[Token], h: &[usize], c: usize) -> bool {
    let kids = || (0..t.len()).filter(move |&k| h[k] == c);
    if !matches!(t[c].upos.as_str(), "VERB" | "ADJ" | "AUX" | "NOUN" | "PROPN" | "NUM" | "ADV") {
        return false;
    }
    if kids().any(|k| matches!(base(&t[k].deprel), "nsubj" | "csubj" | "expl" | "cc" | "mark")) {
        return false;
    }
    let finite_aux = kids().any(|k| matches!(base(&t[k].deprel), "aux" | "cop") && finite_form(&t[k]));
    match t[c].upos.as_str() {
        // `had been disrupted` is finite through its auxiliary
        "VERB" => finite_aux || finite_form(&t[c]) || active_participle(t, h, c),
        // a predicate adjective, noun, name, number or adverb needs its copula (`are eager`, `have
        // been unable`, `were from Vell`, `was not there`)
        "ADJ" | "NOUN" | "PROPN" | "NUM" | "ADV" => finite_aux && kids().any(|k| base(&t[k].deprel) == "cop"),
        _ => finite_form(&t[c]),
    }
}

/// The subjectless clause after object `o` of reporting verb `v` whose subject `o` is: a
/// clausal dependent of the verb or an `acl` of the object, right after the object's phrase.
/// Between the two stand only their own words: no other dependent of the verb (`reported cases,
/// including 165 …, began`), no coordinator or subordinator (`the story as did …`, `infections and
/// Ostmark had …`), and no comma unless the object's phrase has one too (an apposition closes
/// with it: `the plane, a Cessna, was …`; `denied the claims, labeled them …` is a second verb).
fn cut_clause(t: &[Token], h: &[usize], v: usize, o: usize) -> Option<usize> {
    let c = (o + 1..t.len()).find(|&c| {
        let rel = base(&t[c].deprel);
        // (an adverbial clause too: with no subordinator of its own, which the finite-clause test
        // below demands, it is no adverbial)
        // hung on the verb, or on a verb above it (`wept upon hearing her son had been
        // convicted`, `records that showed a bomber had attacked` with the clause on the main verb)
        let above = h[c] != usize::MAX && (h[c] == v || (descends(h, h[c], v) && !descends(h, c, v)));
        // a copular predicate hung on the verb as an oblique or adverb (`stated the hole is about
        // ten light years away`, `said two of the victims were from Vell`, `declared the ship was
        // not there`): a phrase with a copula of its own is a clause (after a finite reporting
        // verb: a participle's subject is the rules' guess, and a speech act on it would be too)
        let copular = finite_form(&t[v]) && (0..t.len()).any(|x| h[x] == c && base(&t[x].deprel) == "cop");
        let beside = above && (matches!(rel, "ccomp" | "xcomp" | "conj" | "parataxis" | "advcl") || (copular && matches!(rel, "obl" | "advmod")));
        // a relative clause with its own relative word (`Ana Ruiz, who lives in Lima, will …`)
        // describes the noun and is no cut report; the search goes on past it
        let relative = (0..t.len()).any(|x| {
            h[x] == c && (t[x].feats.contains("PronType=Rel") || ["who", "whom", "whose", "which"].iter().any(|w| t[x].form.eq_ignore_ascii_case(w)))
        });
        // a finite past or present form is never an adjective: `said 12 people died` with
        // `died` tagged as an `amod` of `people` is a clause cut from its subject like an `acl`
        let finite_amod = rel == "amod" && t[c].upos == "VERB" && matches!(t[c].xpos.as_str(), "VBD" | "VBZ" | "VBP");
        // on the object or on a noun of its `of` chain (`reported the number of cases included 30
        // deaths`): then only a plainly finite form, not a participle
        // that may be a reduced relative (`the deaths of two men killed in …`)
        // (a past form with no object or auxiliary may be such a participle too: `the number of
        // people infected with the virus may exceed …`)
        let plainly_finite = matches!(t[c].xpos.as_str(), "VBZ" | "VBP")
            || (t[c].xpos == "VBD" && (0..t.len()).any(|x| h[x] == c && matches!(base(&t[x].deprel), "obj" | "aux" | "ccomp" | "xcomp")))
            || active_participle(t, h, c);
        let of_chain = h[c] != o && t[c].upos == "VERB" && plainly_finite && {
            let mut x = h[c];
            while x != o && x != usize::MAX && base(&t[x].deprel) == "nmod" && matches!(t[x].upos.as_str(), "NOUN" | "PROPN" | "NUM") {
                x = h[x];
            }
            x == o
        };
        let under = (h[c] == o || of_chain) && (rel == "acl" || finite_amod) && !relative;
        beside || under
    })?;
    if !subjectless_finite_clause(t, h, c) {
        return None;
    }
    let in_object = |x: usize| x != c && descends(h, o, x) && !descends(h, c, x);
    let object_comma = (0..t.len()).any(|x| t[x].form == "," && in_object(x) && x > o);
    // the comma that closes an apposition or relative clause the object's phrase opened with
    // one, wherever the parser hung it (`reported Ana Ruiz, who lives in Lima, will …`)
    let object_end = (o..c).filter(|&x| x == o || in_object(x)).max().unwrap_or(o);
    let closing = |x: usize| object_comma && x == object_end + 1 && t[x].form == ",";
    // the object's last word (its closing punctuation left out)
    let object_last = (o..c).filter(|&x| (x == o || in_object(x)) && t[x].upos != "PUNCT").max().unwrap_or(o);
    // a coordinator or subordinator inside the object's own phrase links words of that phrase,
    // not the object to the clause: inside an aside the object's commas enclose (`announced two
    // players, Ana Reyes and her brother Ivo, were banned`, `claimed 56 percent of voters, who
    // thought …, were wrong`), or joining a conjunct that does not end the phrase (`suggested
    // actor and producer Ivo Oster may have edited …`). A conjunct that ends it may be the
    // clause's own subject (`reported 30 infections and Ostmark had …`), so it still breaks.
    let inner_linker = |x: usize| {
        if !in_object(x) {
            return false;
        }
        let enclosed = (o + 1..x).any(|k| t[k].form == "," && in_object(k)) && (x + 1..c).any(|k| t[k].form == "," && (in_object(k) || closing(k)));
        let conjunct = h[x];
        let inner_conjunct = base(&t[x].deprel) == "cc"
            && conjunct != usize::MAX
            && base(&t[conjunct].deprel) == "conj"
            && (0..t.len()).filter(|&k| k == conjunct || descends(h, conjunct, k)).max().unwrap_or(conjunct) < object_last;
        enclosed || inner_conjunct
    };
    let joined = (o + 1..c).all(|x| {
        let own = in_object(x) || descends(h, c, x) || closing(x);
        let linker = (matches!(t[x].upos.as_str(), "CCONJ" | "SCONJ") || base(&t[x].deprel) == "mark") && !inner_linker(x);
        let comma = t[x].form == "," && !in_object(x);
        // a colon, semicolon, dash or bracket opens something else (`mentioned the tools before:
        // bones used to …`)
        let break_mark = matches!(t[x].form.as_str(), ":" | ";") || (matches!(t[x].form.as_str(), "—" | "–" | "(") && !in_object(x));
        own && !linker && !(comma && !object_comma) && !break_mark
    });
    joined.then_some(c)
}

/// `said fixing the plant may take a year`: a gerund after the reporting verb, parsed as its
/// `xcomp` (as if the speaker did the fixing), with a subjectless finite clause after it: the
/// gerund is that clause's subject. Returns the gerund and the clause. A gerund with a subject,
/// marker or object of its own before it is left alone, and so is one with no clause after it
/// (`denied taking the money`: the speaker's own deed).
fn gerund_cut(t: &[Token], h: &[usize], v: usize, kids: &[usize]) -> Option<(usize, usize)> {
    let g = kids.iter().copied().find(|&k| k > v && base(&t[k].deprel) == "xcomp" && t[k].xpos == "VBG")?;
    if (0..t.len()).any(|k| h[k] == g && matches!(base(&t[k].deprel), "nsubj" | "csubj" | "mark")) {
        return None;
    }
    if kids.iter().any(|&k| k > v && k < g && matches!(base(&t[k].deprel), "obj" | "iobj" | "ccomp")) {
        return None;
    }
    cut_clause(t, h, v, g).map(|c| (g, c))
}

/// Repair 12.
pub(super) fn cut_report(t: &mut Vec<Token>) -> bool {
    let n = t.len();
    let mut changed = false;
    for v in 0..n {
        let h = heads(t);
        if t[v].upos != "VERB" || !(lemma_in(&t[v], REPORTING) || lemma_in(&t[v], PERCEIVING) || lemma_in(&t[v], CLAUSE_VERBS)) {
            continue;
        }
        let kids: Vec<usize> = (0..n).filter(|&k| h[k] == v).collect();
        if let Some((g, c)) = gerund_cut(t, &h, v, &kids) {
            set_head(t, c, v, "ccomp");
            set_head(t, g, c, "csubj");
            changed = true;
            continue;
        }
        let objects: Vec<usize> = kids.iter().copied().filter(|&k| k > v && base(&t[k].deprel) == "obj").collect();
        let Some(&o) = objects.last() else { continue };
        // (a percentage is a nominal too: `reports 40% of the turnover comes from …`)
        if !(matches!(t[o].upos.as_str(), "NOUN" | "PROPN" | "NUM" | "PRON") || t[o].form == "%") {
            continue;
        }
        // `told reporters …`: the object is the addressee unless another one is
        let recipient_elsewhere = objects.len() > 1 || kids.iter().any(|&k| base(&t[k].deprel) == "iobj" && k < o);
        if lemma_in(&t[v], RECIPIENT_VERBS) && !recipient_elsewhere {
            continue;
        }
        // a reported clause with its own subject is already there (`said the plan, which …, failed`
        // is not cut; `said it failed` is right)
        let has_report = kids
            .iter()
            .any(|&k| base(&t[k].deprel) == "ccomp" && (0..n).any(|x| h[x] == k && matches!(base(&t[x].deprel), "nsubj" | "csubj")));
        if has_report {
            continue;
        }
        let Some(c) = cut_clause(t, &h, v, o) else { continue };
        let passive = (0..n).any(|k| h[k] == c && t[k].deprel == "aux:pass");
        set_head(t, c, v, "ccomp");
        set_head(t, o, c, if passive { "nsubj:pass" } else { "nsubj" });
        changed = true;
    }
    changed
}

/// Verbs that take an object with a `to be` complement stating what the subject holds of it
/// (`believe him to be aged 40`, `considers the bridge to be unsafe`, `found the merger to be
/// unlawful`): general English, closed class (believing, judging, reporting, expecting).
const RAISING_TO_OBJECT: &[&str] = &[
    "believe", "think", "consider", "deem", "judge", "find", "report", "declare", "allege", "rumor", "rumour", "presume", "assume",
    "suspect", "expect", "know", "understand", "reckon", "estimate", "show", "prove",
];

/// The `to be …` clause after object `o` of `v` that has no subject of its own: hung on the verb
/// (any clausal relation) or on the object as an `acl`, opened by `to` and a copula `be` (`to be
/// dead`, `to have been the leader`), with only the object's own words between.
fn to_be_clause(t: &[Token], h: &[usize], v: usize, o: usize) -> Option<usize> {
    let to = (o + 1..t.len()).find(|&x| t[x].form.eq_ignore_ascii_case("to") && base(&t[x].deprel) == "mark")?;
    let c = h[to];
    if c == usize::MAX || c <= to {
        return None;
    }
    // the clause starts at its `to`, right after the object's phrase (no comma, no other word)
    if (o + 1..to).any(|x| !descends(h, o, x) || descends(h, c, x) || t[x].form == ",") {
        return None;
    }
    let rel = base(&t[c].deprel);
    let placed = (h[c] == v && matches!(rel, "xcomp" | "advcl" | "ccomp" | "obl" | "conj")) || (h[c] == o && matches!(rel, "acl" | "advcl"));
    let kids: Vec<usize> = (0..t.len()).filter(|&k| h[k] == c).collect();
    let copula = kids.iter().any(|&k| base(&t[k].deprel) == "cop" && t[k].lemma.eq_ignore_ascii_case("be"));
    let own_subject = kids.iter().any(|&k| matches!(base(&t[k].deprel), "nsubj" | "csubj" | "expl"));
    (placed && copula && !own_subject).then_some(c)
}

/// Repair 59.
pub(super) fn raised_object(t: &mut Vec<Token>) -> bool {
    let n = t.len();
    let mut changed = false;
    for v in 0..n {
        let h = heads(t);
        if t[v].upos != "VERB" || !lemma_in(&t[v], RAISING_TO_OBJECT) {
            continue;
        }
        // active only: `is believed to be` has no object (the passive raising is read elsewhere)
        if (0..n).any(|k| h[k] == v && matches!(t[k].deprel.as_str(), "aux:pass" | "nsubj:pass")) {
            continue;
        }
        let Some(o) = (v + 1..n).find(|&k| h[k] == v && matches!(base(&t[k].deprel), "obj" | "iobj")) else { continue };
        if !matches!(t[o].upos.as_str(), "NOUN" | "PROPN" | "NUM" | "PRON") {
            continue;
        }
        let Some(c) = to_be_clause(t, &h, v, o) else { continue };
        set_head(t, c, v, "ccomp");
        set_head(t, o, c, "nsubj");
        changed = true;
    }
    changed
}

/// Repair 43.
pub(super) fn verb_subject(t: &mut Vec<Token>) -> bool {
    let n = t.len();
    let mut changed = false;
    for v in 0..n {
        let h = heads(t);
        let c = h[v];
        if c == usize::MAX || c < v || !matches!(base(&t[v].deprel), "nsubj" | "csubj") || t[v].upos != "VERB" {
            continue;
        }
        // a gerund that opens its clause is a good subject (`Knowing the cause would help`); only
        // one after a comma is a participle of the sentence before (`…, adding Norvia will pay`)
        if t[v].xpos == "VBG" && !(v > 0 && t[v - 1].form == ",") {
            continue;
        }
        if !(lemma_in(&t[v], REPORTING) || lemma_in(&t[v], PERCEIVING) || lemma_in(&t[v], CLAUSE_VERBS)) {
            continue;
        }
        let hh = &h;
        let kids = |x: usize| (0..n).filter(move |&k| hh[k] == x);
        // the verb opens the clause it heads: no subordinator (`…, as the firm claims the order
        // did not …` hangs a whole clause on the wrong verb) and nothing of the other clause before it
        if kids(v).any(|k| base(&t[k].deprel) == "mark") || kids(c).any(|k| k < v && !descends(&h, v, k)) {
            continue;
        }
        let Some(o) = kids(v).filter(|&k| k > v && base(&t[k].deprel) == "obj").last() else { continue };
        if !matches!(t[o].upos.as_str(), "NOUN" | "PROPN" | "NUM" | "PRON") || lemma_in(&t[v], RECIPIENT_VERBS) {
            continue;
        }
        // the clause: finite, with no subject but the verb, right after the object's phrase
        if kids(c).any(|k| k != v && matches!(base(&t[k].deprel), "nsubj" | "csubj" | "expl")) {
            continue;
        }
        let finite = finite_form(&t[c]) || kids(c).any(|k| matches!(base(&t[k].deprel), "aux" | "cop") && finite_form(&t[k]));
        let object_end = (o..n).filter(|&x| descends(&h, o, x)).max().unwrap_or(o);
        let clean = (object_end + 1..c).all(|x| descends(&h, c, x) && !descends(&h, v, x) && t[x].upos != "PUNCT");
        if !finite || !clean || object_end >= c || (v + 1..o).any(|x| !descends(&h, v, x)) {
            continue;
        }
        let passive = kids(c).any(|k| t[k].deprel == "aux:pass");
        let (above, rel) = (h[c], t[c].deprel.clone());
        set_head(t, v, above, &rel);
        set_head(t, c, v, "ccomp");
        set_head(t, o, c, if passive { "nsubj:pass" } else { "nsubj" });
        // the closing full stop goes with the sentence's head
        if n > 0 && t[n - 1].upos == "PUNCT" && h[n - 1] == c {
            set_head(t, n - 1, v, "punct");
        }
        changed = true;
    }
    changed
}

/// Repair 36.
pub(super) fn copular_report(t: &mut Vec<Token>) -> bool {
    let h = heads(t);
    let n = t.len();
    let mut changed = false;
    for p in 0..n {
        let v = h[p];
        if v == usize::MAX || p < v || !matches!(base(&t[p].deprel), "obj" | "obl" | "iobj") {
            continue;
        }
        if t[v].upos != "VERB" || !lemma_in(&t[v], REPORTING) {
            continue;
        }
        // a passive reporting verb (`no deaths were reported`) has its content as subject already
        if (0..n).any(|k| h[k] == v && (base(&t[k].deprel) == "ccomp" || t[k].deprel == "aux:pass" || t[k].deprel == "nsubj:pass")) {
            continue;
        }
        let kids: Vec<usize> = (0..n).filter(|&k| h[k] == p).collect();
        let subject = kids.iter().any(|&k| base(&t[k].deprel) == "nsubj" && k > v && k < p);
        let copula = kids.iter().any(|&k| t[k].deprel == "cop" && finite_form(&t[k]));
        // `reported it even if they are not voters`: a clause opened by a subordinator is an adverbial
        let subordinate = kids.iter().any(|&k| base(&t[k].deprel) == "mark" && !t[k].form.eq_ignore_ascii_case("that"));
        if subject && copula && !subordinate {
            set_head(t, p, v, "ccomp");
            changed = true;
        }
    }
    changed
}

/// Repair 39.
pub(super) fn trailing_report(t: &mut Vec<Token>) -> bool {
    let h = heads(t);
    let n = t.len();
    let mut changed = false;
    for c in 0..n {
        let v = h[c];
        if v == usize::MAX || c > v || t[v].upos != "VERB" || !lemma_in(&t[v], REPORTING) {
            continue;
        }
        let hh = &h;
        let kids = |x: usize| (0..n).filter(move |&k| hh[k] == x);
        // a copular clause's predicate may hang on the verb as a second subject or a bare oblique
        // (`The crew were from Tarn, the army said`, `Vell was an advocate of X, the paper reported`)
        let copular = kids(c).any(|k| base(&t[k].deprel) == "cop") && !kids(c).any(|k| base(&t[k].deprel) == "case");
        if !(base(&t[c].deprel) == "advcl" || copular && matches!(base(&t[c].deprel), "nsubj" | "obl")) {
            continue;
        }
        // the reporting verb's own subject after the clause, no content clause of its own yet
        let Some(s) = kids(v).find(|&k| base(&t[k].deprel) == "nsubj" && k > c) else { continue };
        if kids(v).any(|k| base(&t[k].deprel) == "ccomp") {
            continue;
        }
        // the clause: its own subject, no subordinator, finite (itself or through an auxiliary)
        let own_subject = kids(c).any(|k| matches!(base(&t[k].deprel), "nsubj" | "csubj" | "expl"));
        let marked = kids(c).any(|k| base(&t[k].deprel) == "mark");
        let finite = finite_form(&t[c]) || kids(c).any(|k| matches!(base(&t[k].deprel), "aux" | "cop") && finite_form(&t[k]));
        // (a quotation before the verb is the speech rules' business: `"It was late," she recalls`)
        let quoted = (0..v).any(|k| matches!(t[k].form.as_str(), "“" | "”" | "\"" | "``" | "''" | "‘" | "’"));
        if !own_subject || marked || !finite || quoted {
            continue;
        }
        // between the clause and the verb: one comma, then only the subject's own words
        let end = (0..n).filter(|&k| descends(&h, c, k) && k < s && t[k].form != ",").max().unwrap_or(c);
        let start = (0..n).find(|&k| descends(&h, s, k)).unwrap_or(s);
        let commas = (end + 1..start).filter(|&k| t[k].form == ",").count();
        let clean = (end + 1..start).all(|k| t[k].form == ",") && (start..v).all(|k| descends(&h, s, k));
        if commas == 1 && clean {
            set_head(t, c, v, "ccomp");
            changed = true;
        }
    }
    changed
}

/// Speech and report verbs that close a sentence after a comma (`…, police said`) or stand
/// between commas inside it (`In May, the clerk testified, …`); a narrower,
/// closed class than [`REPORTING`] (no verbs of thinking, deciding or hoping).
const TRAILING_REPORT: &[&str] = &[
    "say", "report", "announce", "state", "add", "note", "confirm", "reveal", "write", "explain", "claim", "allege", "warn",
    "insist", "declare", "acknowledge", "admit", "testify",
];

/// Repair 49.
pub(super) fn report_conjunct(t: &mut Vec<Token>) -> bool {
    let h = heads(t);
    let n = t.len();
    let Some(p) = (0..n).find(|&i| h[i] == usize::MAX) else { return false };
    // (a quotation is the speech rules' business: `"We expect more," he noted`)
    // (`’` too: a closing single quotation mark, though it also writes apostrophes)
    if t.iter().any(|x| super::repair::is_quote(x) || x.form == "’") {
        return false;
    }
    let subject_of = |x: usize| (0..n).any(|k| h[k] == x && matches!(base(&t[k].deprel), "nsubj" | "csubj" | "expl"));
    for v in p + 1..n {
        // (`…, Ivo Oster told reporters`: a verb of telling with its listener reports the same)
        let telling = lemma_in(&t[v], &["tell"]);
        if !matches!(base(&t[v].deprel), "conj" | "parataxis" | "acl" | "advcl") || t[v].upos != "VERB" || !(lemma_in(&t[v], TRAILING_REPORT) || telling) {
            continue;
        }
        if !finite_form(&t[v]) && !(0..n).any(|k| h[k] == v && base(&t[k].deprel) == "aux" && finite_form(&t[k])) {
            continue;
        }
        let kids: Vec<usize> = (0..n).filter(|&k| h[k] == v).collect();
        // an active subject that is no relative word (`…, in which the plan was approved`, `…,
        // that have been reported`)
        let Some(&s) = kids.iter().find(|&&k| t[k].deprel == "nsubj" && k < v) else { continue };
        if t[s].feats.contains("PronType=Rel") || matches!(t[s].form.to_lowercase().as_str(), "that" | "which" | "who" | "whom" | "whose") {
            continue;
        }
        // nothing the verb says or tells of its own, no coordinator or subordinator; before it only
        // its subject, an adverb or an auxiliary, after it only when and where (`…, the ministry
        // announced on Friday`)
        // (one told: an `iobj`, or a name or pronoun as object; `told the story` tells something)
        let listener = |k: usize| {
            telling && k > v && (t[k].deprel == "iobj" && matches!(t[k].upos.as_str(), "NOUN" | "PROPN" | "PRON") || base(&t[k].deprel) == "obj" && matches!(t[k].upos.as_str(), "PROPN" | "PRON"))
        };
        if kids.iter().any(|&k| matches!(base(&t[k].deprel), "obj" | "iobj" | "ccomp" | "xcomp" | "cc" | "mark") && !listener(k))
            || kids.iter().any(|&k| k < v && k != s && !matches!(t[k].deprel.as_str(), "advmod" | "aux" | "punct"))
            || kids.iter().any(|&k| k > v && !matches!(base(&t[k].deprel), "obl" | "advmod" | "punct") && !listener(k))
        {
            continue;
        }
        // the verb's phrase runs to the end of the sentence (closing punctuation aside)
        // (the comma before it may hang inside it)
        let start = (0..n).find(|&k| (k == v || descends(&h, v, k)) && t[k].upos != "PUNCT").unwrap_or(v);
        if !(start..n).all(|k| k == v || descends(&h, v, k) || k > v && t[k].upos == "PUNCT") {
            continue;
        }
        // right after a comma; or after a bare noun the parser hung the verb on, which opens the
        // subject (`…, her son Ivo Oster announced` with the clause on `son`)
        let x = h[v];
        let opener = start > 0
            && t[start - 1].upos == "NOUN"
            && x == start - 1
            && !(0..n).any(|k| h[k] == x && base(&t[k].deprel) == "case")
            && matches!(base(&t[x].deprel), "obl" | "nmod" | "obj" | "appos");
        let open = if opener { (0..n).find(|&k| (k == x || descends(&h, x, k)) && t[k].upos != "PUNCT").unwrap_or(x) } else { start };
        if open == 0 || t[open - 1].form != "," || (open..n).any(|k| k < start && !(k == x || descends(&h, x, k))) {
            continue;
        }
        // the clause before: the sentence's own, with a subject
        if p >= open || !subject_of(p) {
            continue;
        }
        let rel = t[p].deprel.clone();
        set_head(t, v, usize::MAX, &rel);
        set_head(t, p, v, "ccomp");
        if opener {
            set_head(t, x, v, "nsubj");
            set_head(t, s, x, "appos");
        }
        for k in v + 1..n {
            if h[k] == p && t[k].upos == "PUNCT" {
                set_head(t, k, v, "punct");
            }
        }
        return true;
    }
    false
}

/// Repair 63.
pub(super) fn mid_report(t: &mut Vec<Token>) -> bool {
    let h = heads(t);
    let n = t.len();
    // (a quotation is the speech rules' business, as in repair 49)
    if t.iter().any(|x| super::repair::is_quote(x) || x.form == "’") {
        return false;
    }
    let own_subject = |c: usize, not: usize| (0..n).any(|k| h[k] == c && k != not && matches!(base(&t[k].deprel), "nsubj" | "csubj" | "expl"));
    for v in 0..n {
        if t[v].upos != "VERB" || !lemma_in(&t[v], TRAILING_REPORT) {
            continue;
        }
        if !finite_form(&t[v]) && !(0..n).any(|k| h[k] == v && base(&t[k].deprel) == "aux" && finite_form(&t[k])) {
            continue;
        }
        let kids: Vec<usize> = (0..n).filter(|&k| h[k] == v).collect();
        // (the subject nearest the verb: one before the opening comma is the clause's)
        let Some(&s) = kids.iter().rev().find(|&&k| t[k].deprel == "nsubj" && k < v) else { continue };
        if t[s].feats.contains("PronType=Rel") || matches!(t[s].form.to_lowercase().as_str(), "that" | "which" | "who" | "whom" | "whose") {
            continue;
        }
        let subtree = |a: usize| -> Vec<usize> { (0..n).filter(|&k| k == a || descends(&h, a, k)).collect() };
        let s_first = subtree(s)[0];
        // the phrase set off by commas: the subject, the verb and its adjuncts; what the verb
        // holds before the opening comma is the reported clause's fronted adjunct (`In May,`)
        if s_first == 0 || t[s_first - 1].form != "," {
            continue;
        }
        let fronted: Vec<usize> = kids.iter().copied().filter(|&k| k < s_first - 1 && t[k].upos != "PUNCT").collect();
        // a subject before the opening comma is the reported clause's (`Oster, she claimed, hit …`)
        let fronted_subject = fronted.iter().copied().find(|&k| base(&t[k].deprel) == "nsubj");
        let clause_rel = |k: usize| matches!(base(&t[k].deprel), "parataxis" | "advcl" | "conj") || base(&t[k].deprel) == "ccomp" && fronted_subject.is_some();
        let inner: Vec<usize> = kids.iter().copied().filter(|&k| k > s_first - 1 && t[k].upos != "PUNCT" && !(k > v && clause_rel(k))).collect();
        let end = inner.iter().flat_map(|&k| subtree(k)).chain([v]).max().unwrap_or(v);
        if end + 1 >= n || t[end + 1].form != "," {
            continue;
        }
        // nothing said or told of its own: only adverbs, auxiliaries and when or where
        if inner.iter().any(|&k| k != s && !matches!(base(&t[k].deprel), "advmod" | "aux" | "obl")) {
            continue;
        }
        // the reported clause: the verb's head (the parser hung the aside on it), or a clause
        // the verb heads after its closing comma; a main clause with a subject of its own (or
        // the fronted one) and no subordinator, going on after the aside
        let clause_ok = |c: usize| {
            c > end
                && t[c].upos != "PUNCT"
                && (own_subject(c, s) || fronted_subject.is_some())
                && !(0..n).any(|k| h[k] == c && matches!(base(&t[k].deprel), "mark" | "cc") && k > end)
        };
        let up = h[v];
        let hung = up != usize::MAX
            && matches!(base(&t[v].deprel), "advcl" | "parataxis" | "conj")
            && matches!(base(&t[up].deprel), "root" | "parataxis" | "conj" | "ccomp")
            && clause_ok(up);
        let under = if hung { None } else { kids.iter().copied().find(|&k| k > end && clause_rel(k) && clause_ok(k)) };
        // (a clause the verb heads needs a fronted adjunct: the aside stands inside something)
        let c = match (hung, under) {
            (true, _) => up,
            (false, Some(c)) if !fronted.is_empty() => c,
            _ => continue,
        };
        let has_subject = own_subject(c, s);
        let passive = (0..n).any(|k| h[k] == c && t[k].deprel == "aux:pass");
        if hung {
            let rel = t[up].deprel.clone();
            set_head(t, v, h[up], &rel);
        }
        set_head(t, c, v, "ccomp");
        for k in fronted {
            let rel = match base(&t[k].deprel) {
                "mark" => "advmod".to_owned(),
                "nsubj" if has_subject => continue,
                "nsubj" if passive => "nsubj:pass".to_owned(),
                _ => t[k].deprel.clone(),
            };
            set_head(t, k, c, &rel);
        }
        return true;
    }
    false
}

/// Repair 56.
pub(super) fn report_adverbial(t: &mut Vec<Token>) -> bool {
    let n = t.len();
    let mut changed = false;
    // (a quotation that opens with the phrase is the speaker's words: `said, "In May, we …"`)
    let comma = |t: &[Token], a: usize, b: usize| (a..b).all(|k| t[k].form == ",");
    let gap = |t: &[Token], a: usize, b: usize| (a..b).all(|k| matches!(t[k].form.as_str(), "," | "“" | "\"" | "``" | "‘"));
    for c in 0..n {
        let h = heads(t);
        let v = h[c];
        if v == usize::MAX || c < v || base(&t[c].deprel) != "ccomp" || t[v].upos != "VERB" || !lemma_in(&t[v], REPORTING) {
            continue;
        }
        let kids: Vec<usize> = (0..n).filter(|&k| h[k] == c).collect();
        if kids.iter().any(|&k| base(&t[k].deprel) == "mark") {
            continue;
        }
        let Some(&s) = kids.iter().find(|&&k| matches!(base(&t[k].deprel), "nsubj" | "csubj" | "expl")) else { continue };
        // the first dependent of the clause: an oblique with a preposition, before the subject
        let Some(&o) = kids.iter().find(|&&k| k < c && !matches!(t[k].upos.as_str(), "PUNCT")) else { continue };
        if base(&t[o].deprel) != "obl" || o > s {
            continue;
        }
        let span: Vec<usize> = (0..n).filter(|&k| k == o || descends(&h, o, k)).collect();
        let (first, last) = (span[0], span[span.len() - 1]);
        let s_first = (0..n).find(|&k| k == s || descends(&h, s, k)).unwrap_or(s);
        let contiguous = span.len() == last - first + 1;
        let cased = t[first].upos == "ADP" && h[first] == o && base(&t[first].deprel) == "case";
        if !contiguous || !cased || first <= v || !comma(t, v + 1, first) || last >= s_first || !gap(t, last + 1, s_first) {
            continue;
        }
        set_head(t, o, v, "obl");
        changed = true;
    }
    changed
}

/// Repair 65, `time-report` (see the module list).
pub(super) fn time_report(t: &mut Vec<Token>) -> bool {
    let n = t.len();
    let mut changed = false;
    for d in 0..n {
        let h = heads(t);
        let v = h[d];
        if v == usize::MAX || d < v || base(&t[d].deprel) != "ccomp" || t[d].upos != "NOUN" || !lemma_in(&t[d], TIME_WORDS) {
            continue;
        }
        if t[v].upos != "VERB" || !lemma_in(&t[v], REPORTING) || (0..n).any(|k| h[k] == d && matches!(base(&t[k].deprel), "case" | "mark" | "cop")) {
            continue;
        }
        // the reported clause's subject, hung on the time noun
        let Some(s) = (d + 1..n).find(|&k| h[k] == d && matches!(base(&t[k].deprel), "obj" | "nsubj")) else { continue };
        if !matches!(t[s].upos.as_str(), "NOUN" | "PROPN" | "PRON") {
            continue;
        }
        // the clause after it, a complement of the same verb with no subject of its own (or a
        // conjunct with no coordinator, which is no second clause of the speaker's)
        let subjectless = |c: usize| !(0..n).any(|k| h[k] == c && matches!(base(&t[k].deprel), "nsubj" | "csubj" | "expl"));
        let uncoordinated = |c: usize| !(0..n).any(|k| h[k] == c && base(&t[k].deprel) == "cc");
        let clause = |k: usize| base(&t[k].deprel) == "ccomp" || (base(&t[k].deprel) == "conj" && uncoordinated(k));
        let Some(c) = (s + 1..n).find(|&k| h[k] == v && clause(k) && t[k].upos == "VERB" && subjectless(k)) else { continue };
        let passive = (0..n).any(|k| h[k] == c && t[k].deprel == "aux:pass");
        set_head(t, c, v, "ccomp");
        set_head(t, d, v, "obl:unmarked");
        set_head(t, s, c, if passive { "nsubj:pass" } else { "nsubj" });
        changed = true;
    }
    changed
}

/// Repair 14.
pub(super) fn told_relative(t: &mut Vec<Token>) -> bool {
    let h = heads(t);
    let n = t.len();
    let mut changed = false;
    for c in 0..n {
        let a = h[c];
        if a == usize::MAX || t[c].deprel != "acl:relcl" || !matches!(base(&t[a].deprel), "obj" | "iobj") {
            continue;
        }
        let v = h[a];
        if v == usize::MAX || t[v].upos != "VERB" || !lemma_in(&t[v], RECIPIENT_VERBS) || c < a {
            continue;
        }
        let kids: Vec<usize> = (0..n).filter(|&k| h[k] == c).collect();
        let own_subject = kids.iter().any(|&k| matches!(base(&t[k].deprel), "nsubj" | "csubj" | "expl"));
        // `who`, `which`, `that` or `whose` opening the clause make it a real relative clause
        let wh = ["who", "whom", "whose", "which", "that", "where", "when"];
        let relative_word = (a + 1..c).any(|k| descends(&h, c, k) && (t[k].feats.contains("PronType=Rel") || wh.iter().any(|w| t[k].form.eq_ignore_ascii_case(w))));
        // `the officers she worked with`: the gap is at a preposition that ends the clause
        let last = (c..n).filter(|&k| descends(&h, c, k) && t[k].upos != "PUNCT").last().unwrap_or(c);
        let stranded = t[last].upos == "ADP";
        if own_subject && !relative_word && !stranded && !(0..n).any(|k| h[k] == v && base(&t[k].deprel) == "ccomp") {
            set_head(t, c, v, "ccomp");
            changed = true;
        }
    }
    changed
}

/// Repair 103.
pub(super) fn verb_relative(t: &mut Vec<Token>) -> bool {
    let h = heads(t);
    let n = t.len();
    let mut changed = false;
    for c in 0..n {
        let v = h[c];
        if v == usize::MAX || c < v || t[c].deprel != "acl:relcl" || t[v].upos != "VERB" {
            continue;
        }
        let finite = finite_form(&t[c]) || (0..n).any(|k| h[k] == c && matches!(base(&t[k].deprel), "aux" | "cop") && finite_form(&t[k]));
        if !finite {
            continue;
        }
        if !takes_bare_clause(&t[v].lemma.to_lowercase()) && !lemma_in(&t[v], &["deny"]) {
            continue;
        }
        let Some(s) = (v + 1..c).find(|&k| h[k] == c && matches!(base(&t[k].deprel), "nsubj" | "csubj" | "expl")) else { continue };
        let wh = ["who", "whom", "whose", "which", "that", "where", "when"];
        let relative_word = (v + 1..c).any(|k| descends(&h, c, k) && (t[k].feats.contains("PronType=Rel") || wh.iter().any(|w| t[k].form.eq_ignore_ascii_case(w))));
        // the subject opens right after the verb: nothing of the verb's own stands between
        let gap = (v + 1..s).any(|k| !descends(&h, s, k));
        let taken = (0..n).any(|k| h[k] == v && matches!(base(&t[k].deprel), "ccomp" | "obj"));
        if !relative_word && !gap && !taken {
            set_head(t, c, v, "ccomp");
            changed = true;
        }
    }
    changed
}

/// Repair 13.
pub(super) fn report_under_time(t: &mut Vec<Token>) -> bool {
    let h = heads(t);
    let n = t.len();
    let mut changed = false;
    for c in 0..n {
        let d = h[c];
        if d == usize::MAX || base(&t[c].deprel) != "acl" || !lemma_in(&t[d], TIME_WORDS) || base(&t[d].deprel) != "obl" {
            continue;
        }
        let v = h[d];
        if v == usize::MAX || t[v].upos != "VERB" || !lemma_in(&t[v], REPORTING) || (0..n).any(|k| h[k] == d && base(&t[k].deprel) == "case") {
            continue;
        }
        let kid = |rels: &[&str]| (0..n).any(|k| h[k] == c && rels.contains(&base(&t[k].deprel)));
        // `that` opening the clause, as its marker or read as a relative pronoun (`obj`)
        let that = (d + 1..c).find(|&k| h[k] == c && t[k].form.eq_ignore_ascii_case("that") && matches!(base(&t[k].deprel), "mark" | "obj"));
        let Some(that) = that else { continue };
        let first = (0..n).find(|&k| h[k] == c || k == c).unwrap_or(c);
        if first == that && kid(&["nsubj", "csubj"]) {
            set_head(t, c, v, "ccomp");
            set_head(t, that, c, "mark");
            changed = true;
        }
    }
    changed
}

/// Verbs of citing and arguing that, as a participle closing a sentence, give the grounds of a
/// statement (`…, citing the audit`, `…, arguing that …`): with [`REPORTING`], the verbs repair 71
/// moves to the speaker. General English, closed class.
const GROUNDS_VERBS: &[&str] = &["cite", "argue", "point", "quote", "caution", "contend", "maintain", "write"];

/// Repair 71 (`speech-participle`): `Critics said the plan would fail, citing the audit` parsed with
/// the participle hung on a verb inside the reported clause (`fail`): a participle of saying or
/// citing set off by a comma at the end of the sentence, with no subject or coordinator of its
/// own, is the speaker's (the speaker cites the audit, and the citing is no reported fact), so it
/// becomes an `advcl` of the reporting verb whose `ccomp` holds the verb it hung on, when it closes
/// that verb's clause outside a quotation. Other participles stay in the reported clause (`said the
/// storm hit the coast, killing five`).
pub(super) fn speech_participle(t: &mut Vec<Token>) -> bool {
    let n = t.len();
    let mut changed = false;
    for p in 1..n {
        let h = heads(t);
        let v = h[p];
        let speech = lemma_in(&t[p], REPORTING) || lemma_in(&t[p], GROUNDS_VERBS);
        if v == usize::MAX || v > p || t[p].xpos != "VBG" || t[p].upos != "VERB" || !speech || t[p - 1].form != "," {
            continue;
        }
        if !matches!(base(&t[p].deprel), "advcl" | "conj" | "xcomp") || (0..n).any(|k| h[k] == p && matches!(base(&t[k].deprel), "nsubj" | "csubj" | "expl" | "cc" | "mark")) {
            continue;
        }
        // it closes the sentence: nothing after it but its own words and punctuation
        if (p + 1..n).any(|k| !descends(&h, p, k) && t[k].upos != "PUNCT") {
            continue;
        }
        // the reporting verb above: the head of the `ccomp` that holds `v`
        let mut x = v;
        let mut speaker_verb = None;
        for _ in 0..n {
            let up = h[x];
            // (a clause set beside another, `parataxis`, is a statement of its own)
            if up == usize::MAX || base(&t[x].deprel) == "parataxis" {
                break;
            }
            if base(&t[x].deprel) == "ccomp" && t[up].upos == "VERB" && (lemma_in(&t[up], REPORTING) || lemma_in(&t[up], CLAUSE_VERBS)) && up < x {
                speaker_verb = Some(up);
                break;
            }
            // only through clauses: a noun on the way (`the effect of …`) makes it another matter
            if !matches!(base(&t[x].deprel), "ccomp" | "advcl" | "conj" | "xcomp" | "acl") && x != v {
                break;
            }
            x = up;
        }
        let Some(g) = speaker_verb else { continue };
        // the participle closes the speaker's clause (all between is the verb's: not `While the
        // board found the cost high, Vell urged a vote, saying …`), and stands outside a
        // quotation (`explained: "… the keeper of records, writing every law down"` quotes it)
        let closes_clause = (g + 1..p).all(|k| descends(&h, g, k));
        let quoted = (g + 1..p).filter(|&k| super::repair::is_quote(&t[k])).count() % 2 == 1;
        if g == v || !closes_clause || quoted {
            continue;
        }
        set_head(t, p, g, "advcl");
        changed = true;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::super::repair::repair;
    use super::super::repair::tests::{arcs, toks};

    fn repaired(spec: &str) -> Vec<String> {
        let t = toks(spec);
        arcs(&repair(&t).expect("repaired")).split(' ').map(str::to_owned).collect()
    }

    fn has(got: &[String], want: &[&str]) {
        for w in want {
            assert!(got.iter().any(|g| g == w), "{w} not in {got:?}");
        }
    }

    #[test]
    fn a_time_noun_after_a_reporting_verb_is_when_it_was_said() {
        // `Ivo Oster said yesterday morning the bridge , which is old , will be inspected .` (invented)
        let got = repaired(
            "Ivo/PROPN/3/nsubj Oster/PROPN/1/flat said/VERB/0/root/say/VBD yesterday/NOUN/5/compound morning/NOUN/3/ccomp \
             the/DET/7/det bridge/NOUN/5/obj ,/PUNCT/11/punct which/PRON/11/nsubj is/AUX/11/cop old/ADJ/7/acl:relcl ,/PUNCT/15/punct \
             will/AUX/15/aux be/AUX/15/aux:pass inspected/VERB/3/ccomp ./PUNCT/3/punct",
        );
        has(&got, &["morning>3:obl:unmarked", "bridge>15:nsubj:pass", "yesterday>5:compound", "old>7:acl:relcl"]);
        // the clause hung as a conjunct with no coordinator (`said yesterday the bridge will close`)
        let got = repaired(
            "Ivo/PROPN/3/nsubj Oster/PROPN/1/flat said/VERB/0/root/say/VBD yesterday/NOUN/3/ccomp the/DET/6/det bridge/NOUN/4/obj \
             will/AUX/8/aux close/VERB/3/conj ./PUNCT/3/punct",
        );
        has(&got, &["yesterday>3:obl:unmarked", "bridge>8:nsubj", "close>3:ccomp"]);
        // must not: a time noun that is the reported clause's own subject stays
        let t = toks("Vell/PROPN/2/nsubj said/VERB/0/root/say/VBD today/NOUN/4/nsubj was/AUX/4/cop calm/ADJ/2/ccomp");
        assert!(super::super::repair::repair(&t).is_none_or(|r| !arcs(&r).contains("today>2:obl")));
    }

    #[test]
    fn the_object_of_a_believing_verb_is_the_subject_of_its_to_be_clause() {
        // `Officers believe him to be aged 40 .` (invented): `him` an object, `aged` an adverbial
        let got = repaired("Officers/NOUN/2/nsubj believe/VERB/0/root/believe/VBP him/PRON/2/iobj to/PART/6/mark be/AUX/6/cop aged/ADJ/2/advcl 40/NUM/6/obj ./PUNCT/2/punct");
        has(&got, &["aged>2:ccomp", "him>6:nsubj"]);
        // `The court found the merger to be unlawful .` (invented): the clause an `acl` of the object
        let got = repaired("The/DET/2/det court/NOUN/3/nsubj found/VERB/0/root/find/VBD the/DET/5/det merger/NOUN/3/obj to/PART/8/mark be/AUX/8/cop unlawful/ADJ/5/acl ./PUNCT/3/punct");
        has(&got, &["unlawful>3:ccomp", "merger>8:nsubj"]);
        // must not: a purpose infinitive with no copula (`hired Vell to build the road`)
        let t = super::super::repair::tests::toks("Tarn/PROPN/2/nsubj expected/VERB/0/root/expect/VBD Vell/PROPN/2/obj to/PART/5/mark build/VERB/2/xcomp/build/VB roads/NOUN/5/obj ./PUNCT/2/punct");
        assert!(repair(&t).is_none_or(|r| r[4].deprel == "xcomp" && r[2].deprel == "obj"));
    }

    #[test]
    fn a_clause_cut_after_a_deciding_verb_or_an_of_chain_is_its_complement() {
        // `The court ruled the ban violated the charter .` (invented): `violated` parsed as a conjunct
        let got = repaired("The/DET/2/det court/NOUN/3/nsubj ruled/VERB/0/root/rule/VBD the/DET/5/det ban/NOUN/3/obj violated/VERB/3/conj/violate/VBD the/DET/8/det charter/NOUN/6/obj ./PUNCT/3/punct");
        has(&got, &["violated>3:ccomp", "ban>6:nsubj"]);
        // `Vell hopes the device would cut risks .` (invented): the clause parsed as an adverbial
        let got = repaired("Vell/PROPN/2/nsubj hopes/VERB/0/root/hope/VBZ the/DET/4/det device/NOUN/2/obj would/AUX/6/aux/would/MD cut/VERB/2/advcl/cut/VB risks/NOUN/6/obj ./PUNCT/2/punct");
        has(&got, &["cut>2:ccomp", "device>6:nsubj"]);
        // `Radio Tarn reported the number of cases included 30 deaths .` (invented): a finite verb on the `of` noun
        let got = repaired("Radio/PROPN/2/compound Tarn/PROPN/3/nsubj reported/VERB/0/root/report/VBD the/DET/5/det number/NOUN/3/obj of/ADP/7/case cases/NOUN/5/nmod included/VERB/7/acl/include/VBD 30/NUM/10/nummod deaths/NOUN/8/obj ./PUNCT/3/punct");
        has(&got, &["included>3:ccomp", "number>8:nsubj"]);
        // must not: a participle on the `of` noun may be a reduced relative (`the deaths of two men killed in Vell`)
        let t = super::super::repair::tests::toks("Radio/PROPN/2/compound Tarn/PROPN/3/nsubj reported/VERB/0/root/report/VBD the/DET/5/det deaths/NOUN/3/obj of/ADP/8/case two/NUM/8/nummod men/NOUN/5/nmod killed/VERB/8/acl/kill/VBN in/ADP/11/case Vell/PROPN/9/obl ./PUNCT/3/punct");
        assert!(repair(&t).is_none_or(|r| r[8].deprel == "acl" && r[8].head == 8));
    }

    #[test]
    fn a_coordinator_inside_the_objects_own_phrase_does_not_stop_the_cut() {
        // `Tarn announced two players , Ana Reyes and her brother Ivo , were banned .` (invented):
        // `and` inside the apposition the commas enclose
        let got = repaired("Tarn/PROPN/2/nsubj announced/VERB/0/root/announce/VBD two/NUM/4/nummod players/NOUN/2/obj ,/PUNCT/6/punct Ana/PROPN/4/appos Reyes/PROPN/6/flat and/CCONJ/11/cc her/PRON/11/nmod:poss brother/NOUN/11/compound Ivo/PROPN/6/conj ,/PUNCT/4/punct were/AUX/14/aux:pass/be/VBD banned/VERB/2/advcl/ban/VBN ./PUNCT/2/punct");
        has(&got, &["banned>2:ccomp", "players>14:nsubj:pass"]);
        // `Vell suggested actor and producer Ivo Oster may have edited the film .` (invented): a
        // conjunct that does not end the object's phrase
        let got = repaired("Vell/PROPN/2/nsubj suggested/VERB/0/root/suggest/VBD actor/NOUN/2/obj and/CCONJ/5/cc producer/NOUN/3/conj Ivo/PROPN/3/flat Oster/PROPN/6/flat may/AUX/10/aux/may/MD have/AUX/10/aux/have/VB edited/VERB/2/ccomp/edit/VBN the/DET/12/det film/NOUN/10/obj ./PUNCT/2/punct");
        has(&got, &["edited>2:ccomp", "actor>10:nsubj"]);
        // `Radio Tarn reports 40 % of the turnover comes from exports .` (invented): a percentage object
        let got = repaired("Radio/PROPN/2/compound Tarn/PROPN/3/nsubj reports/VERB/0/root/report/VBZ 40/NUM/5/nummod %/SYM/3/obj of/ADP/8/case the/DET/8/det turnover/NOUN/5/nmod comes/VERB/3/conj/come/VBZ from/ADP/11/case exports/NOUN/9/obl ./PUNCT/3/punct");
        has(&got, &["comes>3:ccomp", "%>9:nsubj"]);
        // must not: a conjunct that ends the object may be the clause's own subject (`Tarn
        // reported 30 infections and Ostmark had 5 deaths .`)
        let t = super::super::repair::tests::toks("Tarn/PROPN/2/nsubj reported/VERB/0/root/report/VBD 30/NUM/4/nummod infections/NOUN/2/obj and/CCONJ/6/cc Ostmark/PROPN/4/conj had/VERB/2/conj/have/VBD 5/NUM/9/nummod deaths/NOUN/7/obj ./PUNCT/2/punct");
        assert!(repair(&t).is_none_or(|r| r[3].deprel == "obj" && r[3].head == 2));
    }

    #[test]
    fn a_past_form_read_as_a_participle_of_the_object_is_the_cut_clause() {
        // `Vell suggested settlers raised or farmed the birds .` (invented): `raised` tagged VBN,
        // its conjunct has an object
        let got = repaired("Vell/PROPN/2/nsubj suggested/VERB/0/root/suggest/VBD settlers/NOUN/2/obj raised/VERB/3/acl/raise/VBN or/CCONJ/6/cc farmed/VERB/4/conj/farm/VBN the/DET/8/det birds/NOUN/6/obj ./PUNCT/2/punct");
        has(&got, &["raised>2:ccomp", "settlers>4:nsubj"]);
        // `Radio Tarn reported a block of flats collapsed in Brelt .` (invented): a verb that takes no object
        let got = repaired("Radio/PROPN/2/compound Tarn/PROPN/3/nsubj reported/VERB/0/root/report/VBD a/DET/5/det block/NOUN/3/obj of/ADP/7/case flats/NOUN/5/nmod collapsed/VERB/7/acl/collapse/VBN in/ADP/10/case Brelt/PROPN/8/obl ./PUNCT/3/punct");
        has(&got, &["collapsed>3:ccomp", "block>8:nsubj"]);
        // must not: a participle with its agent describes the noun (`Video showed an officer surrounded by protesters .`)
        let t = super::super::repair::tests::toks("Video/NOUN/2/nsubj showed/VERB/0/root/show/VBD an/DET/4/det officer/NOUN/2/obj surrounded/VERB/4/acl/surround/VBN by/ADP/7/case protesters/NOUN/5/obl:agent ./PUNCT/2/punct");
        assert!(repair(&t).is_none_or(|r| r[4].deprel == "acl" && r[3].deprel == "obj"));
        // nor a participle with neither object nor a verb that takes none (`noted 300 horns seized in May .`)
        let t = super::super::repair::tests::toks("Vell/PROPN/2/nsubj noted/VERB/0/root/note/VBD 300/NUM/4/nummod horns/NOUN/2/obj seized/VERB/4/acl/seize/VBN in/ADP/7/case May/PROPN/5/obl ./PUNCT/2/punct");
        assert!(repair(&t).is_none_or(|r| r[4].deprel == "acl" && r[3].deprel == "obj"));
    }

    #[test]
    fn a_reporting_verb_read_as_a_subject_heads_the_sentence() {
        // `The court determined Oster 's record made him a risk .` (invented)
        let got = repaired("The/DET/2/det court/NOUN/3/nsubj determined/VERB/7/nsubj/determine/VBD Oster/PROPN/6/nmod:poss 's/PART/4/case record/NOUN/3/obj made/VERB/0/root/make/VBD him/PRON/7/iobj a/DET/10/det risk/NOUN/7/obj ./PUNCT/7/punct");
        has(&got, &["determined>0:root", "made>3:ccomp", "record>7:nsubj", ".>3:punct"]);
        // must not: a subordinator on the first verb (`…, as the firm claims the order did not cover X`)
        let t = super::super::repair::tests::toks("as/SCONJ/4/mark the/DET/3/det firm/NOUN/4/nsubj claims/VERB/8/nsubj/claim/VBZ the/DET/6/det order/NOUN/4/obj did/AUX/8/aux/do/VBD cover/VERB/0/root/cover/VB Vell/PROPN/8/obj ./PUNCT/8/punct");
        assert!(repair(&t).is_none_or(|r| r[3].deprel == "nsubj"));
        // must not: a gerund subject (`Knowing the cause would help the doctors .`)
        let t = super::super::repair::tests::toks("Knowing/VERB/5/csubj/know/VBG the/DET/3/det cause/NOUN/1/obj would/AUX/5/aux/would/MD help/VERB/0/root/help/VB the/DET/7/det doctors/NOUN/5/obj ./PUNCT/5/punct");
        assert!(repair(&t).is_none_or(|r| r[0].deprel == "csubj" && r[2].deprel == "obj"));
    }

    #[test]
    fn a_phrase_between_a_report_and_its_clause_is_the_reports() {
        // `Vell said at a news conference the plant would close .` (invented)
        let got = repaired("Vell/PROPN/2/nsubj said/VERB/0/root/say/VBD at/ADP/6/case a/DET/6/det news/NOUN/6/compound conference/NOUN/10/obl the/DET/8/det plant/NOUN/10/nsubj would/AUX/10/aux/would/MD close/VERB/2/ccomp/close/VB ./PUNCT/2/punct");
        has(&got, &["conference>2:obl"]);
        // must not: after `that` the phrase is the clause's (`Vell said that in May the plant closed .`)
        let t = super::super::repair::tests::toks("Vell/PROPN/2/nsubj said/VERB/0/root/say/VBD that/SCONJ/8/mark in/ADP/5/case May/PROPN/8/obl the/DET/7/det plant/NOUN/8/nsubj closed/VERB/2/ccomp/close/VBD ./PUNCT/2/punct");
        assert!(repair(&t).is_none_or(|r| r[4].deprel == "obl" && r[4].head == 8));
        // must not: a quotation opening with the phrase (`Vell said , " In May the plant closed . "`)
        let t = super::super::repair::tests::toks("Vell/PROPN/2/nsubj said/VERB/0/root/say/VBD ,/PUNCT/9/punct \"/PUNCT/9/punct In/ADP/6/case May/PROPN/9/obl the/DET/8/det plant/NOUN/9/nsubj closed/VERB/2/ccomp/close/VBD ./PUNCT/2/punct");
        assert!(repair(&t).is_none_or(|r| r[5].deprel == "obl" && r[5].head == 9));
    }

    #[test]
    fn a_clause_before_a_trailing_report_is_its_complement() {
        // `Ivo Oster was found unconscious , police reported Sunday .` (invented)
        let got = repaired("Ivo/PROPN/4/nsubj:pass Oster/PROPN/1/flat was/AUX/4/aux:pass/be/VBD found/VERB/8/advcl/find/VBN unconscious/ADJ/4/xcomp ,/PUNCT/4/punct police/NOUN/8/nsubj reported/VERB/0/root/report/VBD Sunday/PROPN/8/obl:unmarked ./PUNCT/8/punct");
        has(&got, &["found>8:ccomp"]);
        // must not: a clause with its own subordinator stays adverbial (`When Ivo Oster left ,
        // police reported it .`)
        let t = super::super::repair::tests::toks("When/SCONJ/3/mark Ivo/PROPN/3/nsubj left/VERB/6/advcl/leave/VBD ,/PUNCT/3/punct police/NOUN/6/nsubj reported/VERB/0/root/report/VBD it/PRON/6/obj ./PUNCT/6/punct");
        assert!(repair(&t).is_none_or(|r| r[2].deprel == "advcl"));
    }

    #[test]
    fn a_trailing_report_read_as_a_conjunct_heads_the_sentence() {
        // `Ivo Oster died on Monday , the ministry announced Friday .` (invented): a conjunct
        let got = repaired("Ivo/PROPN/3/nsubj Oster/PROPN/1/flat died/VERB/0/root/die/VBD on/ADP/5/case Monday/PROPN/3/obl ,/PUNCT/8/punct the/DET/8/det ministry/NOUN/9/nsubj announced/VERB/3/conj/announce/VBD Friday/PROPN/9/obl:unmarked ./PUNCT/3/punct");
        has(&got, &["announced>0:root", "died>9:ccomp", "ministry>9:nsubj", ".>9:punct"]);
        // `Mara Vellin died , her son Ivo Oster announced .` (invented): the verb on a bare noun
        let got = repaired("Mara/PROPN/3/nsubj Vellin/PROPN/1/flat died/VERB/0/root/die/VBD ,/PUNCT/6/punct her/PRON/6/nmod:poss son/NOUN/3/obl Ivo/PROPN/9/nsubj Oster/PROPN/7/flat announced/VERB/6/acl:relcl/announce/VBD ./PUNCT/3/punct");
        has(&got, &["announced>0:root", "died>9:ccomp", "son>9:nsubj", "Ivo>6:appos"]);
        // `Ivo Oster closed the bridge , Mara Vellin told reporters .` (invented): telling its listener
        let got = repaired("Ivo/PROPN/3/nsubj Oster/PROPN/1/flat closed/VERB/0/root/close/VBD the/DET/5/det bridge/NOUN/3/obj ,/PUNCT/7/punct Mara/PROPN/9/nsubj Vellin/PROPN/7/flat told/VERB/3/advcl/tell/VBD reporters/NOUN/9/iobj ./PUNCT/3/punct");
        has(&got, &["told>0:root", "closed>9:ccomp", "reporters>9:iobj"]);
        // must not: telling something (`Vell left the firm , Tarn told the story .`)
        let t = super::super::repair::tests::toks("Vell/PROPN/2/nsubj left/VERB/0/root/leave/VBD the/DET/4/det firm/NOUN/2/obj ,/PUNCT/7/punct Tarn/PROPN/7/nsubj told/VERB/2/conj/tell/VBD the/DET/9/det story/NOUN/7/obj ./PUNCT/2/punct");
        assert!(repair(&t).is_none_or(|r| r[6].deprel == "conj"));
        // must not: a second clause with its own object (`Vell left the firm , Tarn said nothing .`)
        let t = super::super::repair::tests::toks("Vell/PROPN/2/nsubj left/VERB/0/root/leave/VBD the/DET/4/det firm/NOUN/2/obj ,/PUNCT/7/punct Tarn/PROPN/7/nsubj said/VERB/2/conj/say/VBD nothing/PRON/7/obj ./PUNCT/2/punct");
        assert!(repair(&t).is_none_or(|r| r[6].deprel == "conj"));
        // must not: a relative clause (`fires broke out at a plant , which state media said were out .`)
        let t = super::super::repair::tests::toks("fires/NOUN/2/nsubj broke/VERB/0/root/break/VBD out/ADP/2/compound:prt at/ADP/6/case a/DET/6/det plant/NOUN/2/obl ,/PUNCT/11/punct which/PRON/14/nsubj state/NOUN/10/compound media/NOUN/11/nsubj said/VERB/6/acl:relcl/say/VBD were/AUX/13/cop/be/VBD out/ADV/11/ccomp ./PUNCT/2/punct");
        assert!(repair(&t).is_none_or(|r| r[10].deprel == "acl:relcl"));
        // a copular clause hung on the report as a bare oblique (`Vell was an advocate of reform ,
        // the paper reported .`, invented): repair 39
        let got = repaired("Vell/PROPN/4/nsubj was/AUX/4/cop/be/VBD an/DET/4/det advocate/NOUN/10/obl of/ADP/6/case reform/NOUN/4/nmod ,/PUNCT/4/punct the/DET/9/det paper/NOUN/10/nsubj reported/VERB/0/root/report/VBD ./PUNCT/10/punct");
        has(&got, &["advocate>10:ccomp"]);
    }

    #[test]
    fn a_report_set_off_by_commas_inside_a_clause_heads_it() {
        // `In May , the clerk testified , Ivo Oster hit the guard .` (invented): the aside an adverbial
        // clause of the clause around it, the fronted phrase the aside's
        let got = repaired("In/ADP/2/case May/PROPN/6/obl ,/PUNCT/2/punct the/DET/5/det clerk/NOUN/6/nsubj testified/VERB/10/advcl/testify/VBD ,/PUNCT/6/punct Ivo/PROPN/10/nsubj Oster/PROPN/8/flat hit/VERB/0/root/hit/VBD the/DET/12/det guard/NOUN/10/obj ./PUNCT/10/punct");
        has(&got, &["testified>0:root", "hit>6:ccomp", "May>10:obl"]);
        // `Later , the paper reported , Ben Tarrow was fined .` (invented): the clause a parataxis of the aside
        let got = repaired("Later/ADV/5/advmod ,/PUNCT/1/punct the/DET/4/det paper/NOUN/5/nsubj reported/VERB/0/root/report/VBD ,/PUNCT/10/punct Ben/PROPN/10/nsubj:pass Tarrow/PROPN/7/flat was/AUX/10/aux:pass/be/VBD fined/VERB/5/parataxis/fine/VBN ./PUNCT/5/punct");
        has(&got, &["fined>5:ccomp", "Later>10:advmod"]);
        // `Ben Tarrow , she claimed , hit the guard .` (invented): the clause's subject hung on the aside
        let got = repaired("Ben/PROPN/5/nsubj Tarrow/PROPN/1/flat ,/PUNCT/1/punct she/PRON/5/nsubj claimed/VERB/0/root/claim/VBD ,/PUNCT/7/punct hit/VERB/5/ccomp/hit/VBD the/DET/9/det guard/NOUN/7/obj ./PUNCT/5/punct");
        has(&got, &["Ben>7:nsubj", "hit>5:ccomp"]);
        // must not: an aside with a subordinator (`As she said , Ivo Oster hit the guard .`)
        let t = super::super::repair::tests::toks("As/SCONJ/3/mark she/PRON/3/nsubj said/VERB/7/advcl/say/VBD ,/PUNCT/3/punct Ivo/PROPN/7/nsubj Oster/PROPN/5/flat hit/VERB/0/root/hit/VBD the/DET/9/det guard/NOUN/7/obj ./PUNCT/7/punct");
        assert!(repair(&t).is_none_or(|r| r[2].deprel == "advcl" && r[6].deprel == "root"));
        // must not: an aside that tells something of its own (`Vell , she told them , hit the guard .`)
        let t = super::super::repair::tests::toks("Vell/PROPN/6/nsubj ,/PUNCT/1/punct she/PRON/4/nsubj told/VERB/6/parataxis/tell/VBD them/PRON/4/obj ,/PUNCT/4/punct hit/VERB/0/root/hit/VBD the/DET/8/det guard/NOUN/6/obj ./PUNCT/6/punct");
        assert!(repair(&t).is_none_or(|r| r[3].deprel == "parataxis" && r[5].deprel == "root"));
    }

    #[test]
    fn the_object_of_a_reporting_verb_is_the_subject_of_the_cut_clause() {
        // `Officials said the ferry was sinking .` (invented), clause beside the object
        let got = repaired("Officials/NOUN/2/nsubj said/VERB/0/root/say/VBD the/DET/4/det ferry/NOUN/2/obj was/AUX/6/aux/be/VBD sinking/VERB/2/ccomp/sink/VBG ./PUNCT/2/punct");
        has(&got, &["ferry>6:nsubj", "sinking>2:ccomp"]);
        // `Vala revealed guards have been unable to leave .` (invented), an `xcomp` adjective
        let got = repaired("Vala/PROPN/2/nsubj revealed/VERB/0/root/reveal/VBD guards/NOUN/2/obj have/AUX/6/aux/have/VBP been/AUX/6/cop/be/VBN unable/ADJ/2/xcomp/unable/JJ to/PART/8/mark leave/VERB/6/xcomp/leave/VB ./PUNCT/2/punct");
        has(&got, &["guards>6:nsubj", "unable>2:ccomp"]);
        // `Reports indicate the truck may have hit a wall .` (invented), a `conj` without `and`
        let got = repaired("Reports/NOUN/2/nsubj indicate/VERB/0/root/indicate/VBP the/DET/4/det truck/NOUN/2/obj may/AUX/7/aux/may/MD have/AUX/7/aux/have/VB hit/VERB/2/conj/hit/VBN a/DET/9/det wall/NOUN/7/obj");
        has(&got, &["truck>7:nsubj", "hit>2:ccomp"]);
    }

    #[test]
    fn a_copular_predicate_hung_on_a_report_as_an_oblique_is_the_cut_clause() {
        // `Ana Ruiz said two of the guards were from Vell .` (invented), `Vell` an `obl` of `said`
        let got = repaired("Ana/PROPN/3/nsubj Ruiz/PROPN/1/flat said/VERB/0/root/say/VBD two/NUM/3/obj of/ADP/7/case the/DET/7/det guards/NOUN/4/nmod were/AUX/10/cop/be/VBD from/ADP/10/case Vell/PROPN/3/obl ./PUNCT/3/punct");
        has(&got, &["two>10:nsubj", "Vell>3:ccomp"]);
        // `The notice stated the ship was not there .` (invented), an adverb predicate
        let got = repaired("The/DET/2/det notice/NOUN/3/nsubj stated/VERB/0/root/state/VBD the/DET/5/det ship/NOUN/3/obj was/AUX/8/cop/be/VBD not/PART/8/advmod there/ADV/3/advmod ./PUNCT/3/punct");
        has(&got, &["ship>8:nsubj", "there>3:ccomp"]);
        // must not: after a participle the oblique stays (`…, stating the ship was not there`)
        let t = super::super::repair::tests::toks("stating/VERB/0/root/state/VBG the/DET/3/det ship/NOUN/1/obj was/AUX/6/cop/be/VBD not/PART/6/advmod there/ADV/1/advmod ./PUNCT/1/punct");
        assert!(repair(&t).is_none_or(|r| r[5].deprel == "advmod"));
    }

    #[test]
    fn a_clause_cut_from_a_perceiving_verb_and_hung_higher_up_is_its_complement() {
        // `Vell wept upon hearing her son had been jailed .` (invented): the clause on the main verb
        let got = repaired(
            "Vell/PROPN/2/nsubj wept/VERB/0/root/weep/VBD upon/SCONJ/4/mark hearing/VERB/2/advcl/hear/VBG her/PRON/6/nmod:poss \
             son/NOUN/4/obj had/AUX/9/aux/have/VBD been/AUX/9/aux:pass/be/VBN jailed/VERB/2/advcl/jail/VBN ./PUNCT/2/punct",
        );
        has(&got, &["son>9:nsubj:pass", "jailed>4:ccomp"]);
        // `Vell found records that showed a bomber had sunk a ship .` (invented): a relative clause's verb
        let got = repaired(
            "Vell/PROPN/2/nsubj found/VERB/0/root/find/VBD records/NOUN/2/obj that/PRON/5/nsubj showed/VERB/3/acl:relcl/show/VBD \
             a/DET/7/det bomber/NOUN/5/obj had/AUX/9/aux/have/VBD sunk/VERB/2/parataxis/sink/VBN a/DET/11/det ship/NOUN/9/obj",
        );
        has(&got, &["bomber>9:nsubj", "sunk>5:ccomp"]);
        // must give nothing: a clause with its own subject higher up (`Aides who saw the plan left`)
        let own = toks("Aides/NOUN/6/nsubj who/PRON/3/nsubj saw/VERB/1/acl:relcl/see/VBD the/DET/5/det plan/NOUN/3/obj left/VERB/0/root/leave/VBD");
        assert!(repair(&own).is_none(), "{}", arcs(&own));
    }

    #[test]
    fn a_gerund_before_a_reported_clause_is_its_subject() {
        // `Aides said repairing the dam , which the flood hit , may take a month .` (invented)
        let got = repaired("Aides/NOUN/2/nsubj said/VERB/0/root/say/VBD repairing/VERB/2/xcomp/repair/VBG the/DET/5/det dam/NOUN/3/obj ,/PUNCT/10/punct which/PRON/10/obj the/DET/9/det flood/NOUN/10/nsubj hit/VERB/5/acl:relcl/hit/VBD ,/PUNCT/3/punct may/AUX/13/aux/may/MD take/VERB/2/ccomp/take/VB a/DET/15/det month/NOUN/13/obj ./PUNCT/2/punct");
        has(&got, &["repairing>13:csubj", "take>2:ccomp"]);
        // must give nothing: `Aides denied taking the money .` — the speaker's own deed, no clause after
        let own = toks("Aides/NOUN/2/nsubj denied/VERB/0/root/deny/VBD taking/VERB/2/xcomp/take/VBG the/DET/5/det money/NOUN/3/obj ./PUNCT/2/punct");
        assert!(repair(&own).is_none());
    }

    #[test]
    fn a_that_clause_under_the_time_of_a_report_is_the_report() {
        // `Vala said last night that the dam held .` (invented)
        let got = repaired("Vala/PROPN/2/nsubj said/VERB/0/root/say/VBD last/ADJ/4/amod night/NOUN/2/obl:unmarked that/SCONJ/8/mark the/DET/7/det dam/NOUN/8/nsubj held/VERB/4/acl:relcl/hold/VBD ./PUNCT/2/punct");
        has(&got, &["held>2:ccomp", "night>2:obl:unmarked"]);
        // must give nothing: a relative clause of a time word after any other verb
        let met = toks("Vala/PROPN/2/nsubj met/VERB/0/root/meet/VBD last/ADJ/4/amod night/NOUN/2/obl:unmarked that/SCONJ/8/mark the/DET/7/det dam/NOUN/8/nsubj held/VERB/4/acl:relcl/hold/VBD");
        assert!(repair(&met).is_none());
        // `that` read as the relative pronoun of the clause is its marker too
        let got = repaired("Vala/PROPN/2/nsubj said/VERB/0/root/say/VBD last/ADJ/4/amod night/NOUN/2/obl:unmarked that/PRON/8/obj the/DET/7/det dam/NOUN/8/nsubj held/VERB/4/acl:relcl/hold/VBD");
        has(&got, &["held>2:ccomp", "that>8:mark"]);
        // must give nothing: a clause without `that` (`the night the dam held`)
        let bare = toks("Vala/PROPN/2/nsubj said/VERB/0/root/say/VBD last/ADJ/4/amod night/NOUN/2/obl:unmarked the/DET/6/det dam/NOUN/7/nsubj held/VERB/4/acl:relcl/hold/VBD");
        assert!(repair(&bare).is_none());
    }

    #[test]
    fn a_finite_verb_hung_as_an_adjective_of_the_object_is_the_report() {
        // `Aides said 40 sheep drowned .` (invented), `drowned` tagged VBD but hung as `amod`
        let got = repaired("Aides/NOUN/2/nsubj said/VERB/0/root/say/VBD 40/NUM/4/nummod sheep/NOUN/2/obj drowned/VERB/4/amod/drown/VBD ./PUNCT/2/punct");
        has(&got, &["sheep>5:nsubj", "drowned>2:ccomp"]);
        // must give nothing: a participle after the object is a modifier (`reported 40 sheep drowned`
        // read as `40 drowned sheep` is not finite when tagged VBN)
        let part = toks("Aides/NOUN/2/nsubj said/VERB/0/root/say/VBD 40/NUM/4/nummod sheep/NOUN/2/obj drowned/VERB/4/amod/drown/VBN ./PUNCT/2/punct");
        assert!(repair(&part).is_none());
    }

    #[test]
    fn an_apposition_of_the_object_may_stand_between() {
        // `Aides said the jet , a Cessna , was landing .` (invented)
        let got = repaired("Aides/NOUN/2/nsubj said/VERB/0/root/say/VBD the/DET/4/det jet/NOUN/2/obj ,/PUNCT/7/punct a/DET/7/det Cessna/PROPN/4/appos ,/PUNCT/10/punct was/AUX/10/aux/be/VBD landing/VERB/2/ccomp/land/VBG ./PUNCT/2/punct");
        has(&got, &["jet>10:nsubj", "landing>2:ccomp"]);
    }

    #[test]
    fn a_clause_hung_on_the_object_is_cut_too() {
        // `Aides said 40 crates had been lost .` (invented): the clause as an `acl` of the noun
        let got = repaired("Aides/NOUN/2/nsubj said/VERB/0/root/say/VBD 40/NUM/4/nummod crates/NOUN/2/obj had/AUX/7/aux/have/VBD been/AUX/7/aux:pass/be/VBN lost/VERB/4/acl/lose/VBN ./PUNCT/2/punct");
        has(&got, &["crates>7:nsubj:pass", "lost>2:ccomp"]);
    }

    #[test]
    fn a_relative_clause_on_the_object_is_passed_over_to_the_cut_clause() {
        // `Aides reported Ana Ruiz , who lives in Lima , will be honoured .` (invented): the
        // relative clause describes the object; the clause after it is what was reported
        let got = repaired(
            "Aides/NOUN/2/nsubj reported/VERB/0/root/report/VBD Ana/PROPN/2/obj Ruiz/PROPN/3/flat ,/PUNCT/7/punct who/PRON/7/nsubj \
             lives/VERB/3/acl:relcl/live/VBZ in/ADP/9/case Lima/PROPN/7/obl ,/PUNCT/13/punct will/AUX/13/aux/will/MD be/AUX/13/aux:pass/be/VB \
             honoured/VERB/2/parataxis/honour/VBN ./PUNCT/2/punct",
        );
        has(&got, &["Ana>13:nsubj:pass", "honoured>2:ccomp", "lives>3:acl:relcl"]);
        // the closing comma hung on the reporting verb, the clause its `ccomp`
        let got = repaired(
            "Aides/NOUN/2/nsubj reported/VERB/0/root/report/VBD Ana/PROPN/2/obj Ruiz/PROPN/3/flat ,/PUNCT/7/punct who/PRON/7/nsubj \
             died/VERB/3/acl:relcl/die/VBD in/ADP/9/case Lima/PROPN/7/obl ,/PUNCT/2/punct will/AUX/13/aux/will/MD be/AUX/13/aux:pass/be/VB \
             buried/VERB/2/ccomp/bury/VBN ./PUNCT/2/punct",
        );
        has(&got, &["Ana>13:nsubj:pass", "buried>2:ccomp"]);
        // the same with the clause hung as an adverbial clause
        let got = repaired(
            "Aides/NOUN/2/nsubj reported/VERB/0/root/report/VBD Ana/PROPN/2/obj Ruiz/PROPN/3/flat ,/PUNCT/7/punct who/PRON/7/nsubj \
             died/VERB/3/acl:relcl/die/VBD in/ADP/9/case Lima/PROPN/7/obl ,/PUNCT/13/punct will/AUX/13/aux/will/MD be/AUX/13/aux:pass/be/VB \
             buried/VERB/2/advcl/bury/VBN ./PUNCT/2/punct",
        );
        has(&got, &["Ana>13:nsubj:pass", "buried>2:ccomp"]);
        // must give nothing: no comma opened the object's phrase (`denied the claims , labeled them`)
        let second = toks("Aides/NOUN/2/nsubj denied/VERB/0/root/deny/VBD the/DET/4/det claims/NOUN/2/obj ,/PUNCT/2/punct labeled/VERB/2/conj/label/VBD them/PRON/6/obj");
        assert!(repair(&second).is_none(), "{}", arcs(&second));
        // must give nothing: `Aides reported Ana Ruiz , who lives in Lima .` — the relative
        // clause is all there is, the object stays
        let only = toks(
            "Aides/NOUN/2/nsubj reported/VERB/0/root/report/VBD Ana/PROPN/2/obj Ruiz/PROPN/3/flat ,/PUNCT/7/punct who/PRON/7/nsubj \
             lives/VERB/3/acl:relcl/live/VBZ in/ADP/9/case Lima/PROPN/7/obl ./PUNCT/2/punct",
        );
        assert!(repair(&only).is_none(), "{}", arcs(&only));
    }

    #[test]
    fn real_objects_and_controlled_infinitives_are_left_alone() {
        // must give nothing: `Aides announced a plan and left .` — coordination with `and`
        let and = toks("Aides/NOUN/2/nsubj announced/VERB/0/root/announce/VBD a/DET/4/det plan/NOUN/2/obj and/CCONJ/6/cc left/VERB/2/conj/leave/VBD ./PUNCT/2/punct");
        assert!(repair(&and).is_none(), "{}", arcs(&and));
        // `Aides warned voters to stay home .` — the object controls an infinitive
        let inf = toks("Aides/NOUN/2/nsubj warned/VERB/0/root/warn/VBD voters/NOUN/2/obj to/PART/5/mark stay/VERB/2/xcomp/stay/VB home/ADV/5/advmod");
        assert!(repair(&inf).is_none());
        // `Aides denied the claim , sued the paper .` — a second verb after a comma
        let sued = toks("Aides/NOUN/2/nsubj denied/VERB/0/root/deny/VBD the/DET/4/det claim/NOUN/2/obj ,/PUNCT/6/punct sued/VERB/2/conj/sue/VBD the/DET/8/det paper/NOUN/6/obj");
        assert!(repair(&sued).is_none());
        // `Aides reported new cases , 40 in a day , rose .` — another dependent of the verb between
        let apart = toks("Aides/NOUN/2/nsubj reported/VERB/0/root/report/VBD new/ADJ/4/amod cases/NOUN/2/obj ,/PUNCT/6/punct 40/NUM/2/obl in/ADP/9/case a/DET/9/det day/NOUN/6/nmod ,/PUNCT/11/punct rose/VERB/2/conj/rise/VBD");
        assert!(repair(&apart).is_none());
        // `Aides told reporters was late .` — a recipient verb keeps its addressee
        let told = toks("Aides/NOUN/2/nsubj told/VERB/0/root/tell/VBD reporters/NOUN/2/obj was/AUX/5/cop/be/VBD late/ADJ/2/ccomp/late/JJ");
        assert!(repair(&told).is_none());
        // `Aides said it sank .` parsed right: the clause has its subject, the verb no object
        let own = toks("Aides/NOUN/2/nsubj said/VERB/0/root/say/VBD it/PRON/4/nsubj sank/VERB/2/ccomp/sink/VBD");
        assert!(repair(&own).is_none());
        // `Aides denied the story as did Ivo .` — an auxiliary without a copula makes no clause of a noun
        let as_did = toks("Aides/NOUN/2/nsubj denied/VERB/0/root/deny/VBD the/DET/4/det story/NOUN/2/obj as/ADP/6/mark did/AUX/7/aux/do/VBD Ivo/PROPN/2/parataxis");
        assert!(repair(&as_did).is_none());
        // an ordinary verb with an object and a clause is no report
        let built = toks("Aides/NOUN/2/nsubj built/VERB/0/root/build/VBD a/DET/4/det shed/NOUN/2/obj was/AUX/6/aux/be/VBD raining/VERB/2/parataxis/rain/VBG");
        assert!(repair(&built).is_none());
    }

    #[test]
    fn a_copular_clause_hung_on_a_reporting_verb_is_what_was_reported() {
        // `Aides said the cost was 75 cents .` (invented), the predicate as an oblique of `said`
        let got = repaired("Aides/NOUN/2/nsubj said/VERB/0/root/say/VBD the/DET/4/det cost/NOUN/7/nsubj was/AUX/7/cop/be/VBD 75/NUM/7/nummod cents/NOUN/2/obl ./PUNCT/2/punct");
        has(&got, &["cents>2:ccomp", "cost>7:nsubj"]);
        // `Aides stated all crew were from Tarn .` (invented), a prepositional predicate as the object
        let got = repaired("Aides/NOUN/2/nsubj stated/VERB/0/root/state/VBD all/DET/4/det crew/NOUN/7/nsubj were/AUX/7/cop/be/VBD from/ADP/7/case Tarn/PROPN/2/obj ./PUNCT/2/punct");
        has(&got, &["Tarn>2:ccomp"]);
        // must give nothing: a non-reporting verb (`built a shed`), and a copula that is no finite form
        let built = toks("Aides/NOUN/2/nsubj built/VERB/0/root/build/VBD the/DET/4/det shed/NOUN/7/nsubj was/AUX/7/cop/be/VBD 75/NUM/7/nummod feet/NOUN/2/obl");
        assert!(repair(&built).is_none(), "{}", arcs(&built));
        let passive = toks("Deaths/NOUN/3/nsubj:pass were/AUX/3/aux:pass reported/VERB/0/root/report/VBN one/NUM/6/nsubj was/AUX/6/cop/be/VBD home/NOUN/3/obl");
        assert!(repair(&passive).is_none(), "{}", arcs(&passive));
        let even_if = toks("Aides/NOUN/2/nsubj reported/VERB/0/root/report/VBD it/PRON/2/obj if/SCONJ/7/mark they/PRON/7/nsubj are/AUX/7/cop/be/VBP voters/NOUN/2/obl");
        assert!(repair(&even_if).is_none(), "{}", arcs(&even_if));
        let being = toks("Aides/NOUN/2/nsubj reported/VERB/0/root/report/VBD the/DET/4/det shed/NOUN/7/nsubj being/AUX/7/cop/be/VBG 75/NUM/7/nummod feet/NOUN/2/obl");
        assert!(repair(&being).is_none(), "{}", arcs(&being));
    }

    #[test]
    fn a_clause_on_the_addressee_of_a_recipient_verb_is_what_was_told() {
        // `The mayor told reporters the bridge would reopen .` (invented)
        let got = repaired("The/DET/2/det mayor/NOUN/3/nsubj told/VERB/0/root/tell/VBD reporters/NOUN/3/iobj the/DET/6/det bridge/NOUN/8/nsubj would/AUX/8/aux/would/MD reopen/VERB/4/acl:relcl/reopen/VB ./PUNCT/3/punct");
        has(&got, &["reopen>3:ccomp", "reporters>3:iobj"]);
        // must give nothing: a relative word opens a real relative clause
        let who = toks("The/DET/2/det mayor/NOUN/3/nsubj told/VERB/0/root/tell/VBD reporters/NOUN/3/obj who/PRON/6/nsubj/who/WP waited/VERB/4/acl:relcl/wait/VBD ./PUNCT/3/punct");
        assert!(repair(&who).is_none(), "{}", arcs(&who));
        // must give nothing: `The mayor told the officers she worked with .` — a stranded preposition
        let with = toks("The/DET/2/det mayor/NOUN/3/nsubj told/VERB/0/root/tell/VBD the/DET/5/det officers/NOUN/3/obj she/PRON/7/nsubj worked/VERB/5/acl:relcl/work/VBD with/ADP/7/obl ./PUNCT/3/punct");
        assert!(repair(&with).is_none(), "{}", arcs(&with));
        // must give nothing: a verb that takes no recipient (`met reporters the bridge …`)
        let met = toks("The/DET/2/det mayor/NOUN/3/nsubj met/VERB/0/root/meet/VBD reporters/NOUN/3/obj the/DET/6/det bridge/NOUN/8/nsubj would/AUX/8/aux/would/MD reopen/VERB/4/acl:relcl/reopen/VB");
        assert!(repair(&met).is_none());
    }

    #[test]
    fn a_recipient_verb_with_its_addressee_elsewhere_is_cut() {
        // `Vala told reporters the ferry was sinking .` (invented), addressee as `iobj`
        let got = repaired("Vala/PROPN/2/nsubj told/VERB/0/root/tell/VBD reporters/NOUN/2/iobj the/DET/5/det ferry/NOUN/2/obj was/AUX/7/aux/be/VBD sinking/VERB/2/parataxis/sink/VBG");
        has(&got, &["ferry>7:nsubj", "sinking>2:ccomp", "reporters>2:iobj"]);
    }

    #[test]
    fn a_speech_participle_closing_a_reported_clause_is_the_speakers() {
        // `Critics said the plan would fail , citing the audit .` (invented): `citing` hung on `fail`
        let got = repaired(
            "Critics/NOUN/2/nsubj said/VERB/0/root/say/VBD the/DET/4/det plan/NOUN/6/nsubj would/AUX/6/aux fail/VERB/2/ccomp/fail/VB \
             ,/PUNCT/8/punct citing/VERB/6/advcl/cite/VBG the/DET/10/det audit/NOUN/8/obj ./PUNCT/2/punct",
        );
        has(&got, &["citing>2:advcl"]);
        // must not: another participle stays in the reported clause (`…, killing five`)
        let t = toks(
            "Vell/PROPN/2/nsubj said/VERB/0/root/say/VBD the/DET/4/det storm/NOUN/5/nsubj hit/VERB/2/ccomp/hit/VBD the/DET/7/det \
             coast/NOUN/5/obj ,/PUNCT/9/punct killing/VERB/5/advcl/kill/VBG five/NUM/9/obj ./PUNCT/2/punct",
        );
        assert!(super::super::repair::repair(&t).is_none_or(|r| arcs(&r).contains("killing>5:advcl")));
    }

    #[test]
    fn a_clause_hung_as_a_relative_of_a_reporting_verb_is_its_complement() {
        // `The agency denies the two blasts are related .` (invented)
        let got = repaired("The/DET/2/det agency/NOUN/3/nsubj denies/VERB/0/root/deny/VBZ the/DET/6/det two/NUM/6/nummod blasts/NOUN/8/nsubj:pass are/AUX/8/aux:pass/be/VBP related/VERB/3/acl:relcl/relate/VBN ./PUNCT/3/punct");
        has(&got, &["related>3:ccomp"]);
        // `He concludes Ana Ruiz meets the rule .` (invented)
        let got = repaired("He/PRON/2/nsubj concludes/VERB/0/root/conclude/VBZ Ana/PROPN/5/nsubj Ruiz/PROPN/3/flat meets/VERB/2/acl:relcl/meet/VBZ the/DET/7/det rule/NOUN/5/obj ./PUNCT/2/punct");
        has(&got, &["meets>2:ccomp"]);
        // must not: a relative word makes it a (misattached) relative clause
        let t = toks("Vell/PROPN/2/nsubj said/VERB/0/root/say/VBD who/PRON/4/nsubj won/VERB/2/acl:relcl/win/VBD ./PUNCT/2/punct");
        assert!(repair(&t).is_none_or(|r| r[3].deprel == "acl:relcl"));
        // must not: a verb that takes no bare clause (`posed`)
        let t = toks("Vell/PROPN/2/nsubj posed/VERB/0/root/pose/VBD Tarn/PROPN/4/nsubj used/VERB/2/acl:relcl/use/VBD it/PRON/4/obj ./PUNCT/2/punct");
        assert!(repair(&t).is_none_or(|r| r[3].deprel == "acl:relcl"));
    }
}
