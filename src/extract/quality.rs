//! Graph-quality rules: propositions that are fine as CaRB readings but must never become facts
//! in the knowledge graph. Each rule is general (tags, relations and closed word classes, never
//! particular names) and returns the reason it fired, for tests and debugging.
//!
//! - `object-not-shared` (set by the clause rules): `met in Lima and signed deals` does
//!   not give `met – deals`; only right-node raising (`buy and sell stocks`) shares an object. The
//!   graph keeps the clause without the borrowed object.
//! - `not-limited-hedge`: `including, but not limited to, X` widens a list; no one limits X.
//! - `opinion-hedge`: a first-person present `I think` / `we guess` inside or before a clause
//!   (`I think in the 90s he ran …`) takes no oblique of its own: the time, age or cause the
//!   parser hung on it belongs to the hedged clause (what one thinks `about`/`of` stays).
//! - `subject-not-nominal`: a subject headed by an adverb, adjective, particle, preposition or verb
//!   (`down – ordered by – police` from a mis-split `crack-down`).
//! - `subject-adverbial`: a subject that is a prepositional or temporal phrase (`for the past few
//!   decades – receive – …`, `by the administration – used to describe – …`).
//! - `subject-aim`: the outer subject of a `to`-infinitive predicate (`Our goal is to be ready and
//!   help users`, repair 66): what the goal consists of is no act of the goal.
//! - `subject-temporal`: a subject that is a date or time noun (`Monday saw protests`, a
//!   fronted `On Monday` mis-parsed as the subject of `Monday storms cut power`) names no actor;
//!   nor does a span of time right before `after`, `before`, `later` or `ago` (`Hours after the
//!   storm passed, crews …` parsed with `hours` as the crews' subject).
//! - `subject-clause`: a subject phrase that carries a copula, auxiliary, expletive or subject of
//!   its own (`there may well be critics – vote for – X`), or a relative pronoun as the subject of
//!   a word inside it (`the party, which has ballot access, – made – …`): the parser hung a whole
//!   clause on a noun.
//! - `subject-number`: a subject that is a bare number (`12 recovered cases` parsed as `12`
//!   recovering cases, an age apposition `the singer, 67,`) names no node a reader could look
//!   up; a count of casualties is the exception (`at least seven died`, `24 were hospitalised`):
//!   the toll is the event news reports.
//! - `subject-generic`: a subject that is a generic crowd, part or thing with nothing that says
//!   who (`people`, `many`, `others`, `pieces`, `someone`): no reader could look the node up, and
//!   it would gather unrelated deeds across the corpus.
//! - `subject-denied-universal`: a subject with a denied universal quantifier (`Not every
//!   delay is a breach`, `Not all of the samples had results`): the sentence says the rest
//!   is true of some of them only, so a fact about the whole class is false.
//! - `subject-vague-role`: a subject that is a bare relation or anonymous-voice noun (`a
//!   spokesperson`, `his client`, `officials`, `the family`) with nothing but a determiner: no
//!   name, no modifier, and no definite title the coreference step could tie to a named holder
//!   (`the spokesman` stays for it). The node would gather every client's or official's deeds.
//! - `participle-modifier`: a past participle with neither auxiliary nor subject, right after a
//!   preposition, determiner, adjective, number or gerund (adverbs aside) and right before a bare
//!   noun phrase (`guarding captured rebels`, `the newly elected members`) describes that noun;
//!   the parser made it a verb with the noun as object, and the fact would borrow a subject from
//!   another clause.
//! - `name-part-relation`: a relation word capitalised inside the sentence next to another
//!   capitalised word is a piece of a name the parser split (`returned to Seal Island` as `seal`).
//! - `coined-verb`: a verb capitalised inside the sentence is a coined or quoted term
//!   (`might be “Brexited” by …`), not a relation we can name.
//! - `prepositional-participle`: `given`, `including`, `following`, `regarding`, `ranging` … used
//!   as prepositions (`Fears grow, given the risks …`, `issues ranging from A to B`)
//!   state no event.
//!   Nor does one chained onto the verb before it (`stands vacant following the resignation`,
//!   [`chained_preposition`]).
//! - `followed-by-unranked` ([`comma_followed_by`]): `…, followed by X` tells what came after
//!   the clause's event; only in a ranking with a number is the clause's subject the one followed.
//! - `respectively-mismatch` ([`respectively_mismatch`], on the rendered triple): `A and B won the X and Y races
//!   respectively` pairs the conjuncts in order; a subject keeps only its own conjunct.
//! - `bracket-edit`: an argument headed by a piece of a word an editor changed in brackets
//!   (`[w]e`, `be[ing]`).
//! - `not-english` (whole sentence, [`not_english`]): a quotation or translation in another
//!   language (`((es)) Nuestras acciones …`, a sentence in Devanagari) parsed by an English model
//!   gives only nonsense.
//! - `subject-generic` also covers the pronoun `one` with nothing but determiners and adjectives
//!   (`the second one`, `those ones`): it stands for a noun said elsewhere.
//! - `object-clause` ([`object_holds_a_clause`]): an object (or, without one, an oblique or agent
//!   after the verb) that holds a finite copula or auxiliary of a clause of its own (`comes from
//!   what is the main fund`, `judged in – the dam was at risk`): the parser made the nominal of a
//!   copular clause the argument, and the fact glues two readings together.
//! - `argument-lost-subject`: a subject or object that starts with a lowercase finite auxiliary
//!   or verb (`tell – were from one family`, `are a little younger – find – …`) is a clause whose
//!   subject the parser cut off.
//! - `report-cut-clause`: a verb of saying or thinking with a noun object and, right after it, a
//!   clause of its own (`claimed 40 percent of voters were misinformed`, `notes road access is
//!   not restored`, and with a verb of knowing: `concluded otters living in Tarn were social`): the
//!   noun belongs to the reported clause, and `X – claim – 40 percent` reports nothing.
//! - `object-opens-clause`: a verb's plain noun object followed at once by a finite auxiliary or
//!   copula of a clause with no subject (`warned the delayed transfer could harm …`, `announced
//!   Norvia was to join`): the noun is that clause's subject, and `X – warn – transfer` is wrong.
//! - `infinitive-of-nothing`: a `to`-infinitive on a noun quantified to nothing (`has no chance
//!   to win`, `there is not much hope for the ship to survive`) did not and is not planned to
//!   happen.
//! - `bare-adjective`: a copula with an adjective and nothing else (`I am sure`, `X is unclear`)
//!   has no object worth a node; likewise any triple whose object is headed by an adjective,
//!   adverb, verb or function word ([`nominal_object`]).
//! - `possessor-only` and `argument-cut` ([`cut_label`], on the rendered triple): a subject or
//!   object label that ends in a possessive `'s` is a possessor cut off from what it owns
//!   (`Kingdom's – net – seats`); one that ends in an article, a preposition or a coordinator
//!   was cut before its head noun (`become – one of the`, `go to – polls in a`).
//! - `argument-opens-adverbial` ([`opening_cut`], on the rendered triple): a subject label that
//!   opens with a preposition or subordinator (`according to reports – follow – …`), the object of
//!   a class fact that does (`X – is a – of no effect`), or an aside object (`– as was another
//!   game`): an adverbial read as an argument.
//! - `hyphen-part-relation`: a relation word that is the second half of a hyphenated compound
//!   (`was a two-time champion` as `be time champion of`, `Tarn-loving fans` as `Tarn – love`)
//!   describes a noun; after an adverb (`well-known for`) or as `X-based` (`based in`) it stays.
//! - `participle-modifier` also covers a participle between a count and its noun (`the state's
//!   41 pledged delegates` read as the state pledging delegates, [`counted_participle`]).
//! - `age-bound` ([`age_bound`]): an age fact whose number bounds an age group (`voters between
//!   the ages of 18 and 29`, `youths aged 16 to 18`, `men over the age of 18`) is no one's age.
//! - `class-number` ([`opening_cut`]): a class fact whose object is a bare number word (`the
//!   deceased were aged nine, ten, …` as `deceased – is a – nine`) names no class.
//! - `equative-description`: a copular clause between two definite descriptions whose subject
//!   picks one thing out by rank (`the one factor that slowed the works was the flooding`, `the
//!   most difficult part was the exam`, `the only ones left were the bones`) says which thing it
//!   is, not what class the subject belongs to (no `factor – is a – flooding`); so does any
//!   predicate after a ranked slot noun (`the most important thing is food`).
//! - `non-nominal-predicate` ([`non_nominal_predicate`]): a copula whose predicate is a bare
//!   `-ing` word the tagger took for a noun or adjective (`water was no longer rushing`: a
//!   progressive), a fixed adverbial phrase (`was en route`) or an indefinite pronoun (`was
//!   everything that …`, `could be anything`) names no class (no `water – is a – rushing`); `is a`
//!   needs a noun phrase.
//! - `articled-gerund` ([`articled_gerund`]): an `-ing` predicate with an article (`liked the
//!   winning`) is a noun the tagger took for a verb; it names nobody's act.
//! - `comment-clause` ([`comment_clause`]): `as I mentioned before`, `as far as I understand`: a
//!   telling or knowing verb under `as` with nothing told comments on the telling, no fact.

use super::rules::{Kind, Prop, Slot};
use super::tree::{NONE, Tree};

/// Participles that work as prepositions or conjunctions in news prose.
const PREPOSITIONAL_PARTICIPLES: &[&str] = &[
    "given",
    "including",
    "regarding",
    "concerning",
    "considering",
    "following",
    "according",
    "excluding",
    "barring",
    "pending",
    "compared",
    "notwithstanding",
    "ranging",
];

/// Set by the clause rules on a reading that borrowed a conjunct's object across the verb's own
/// complement; the graph renders it without that object (slot 0).
pub(crate) const OBJECT_NOT_SHARED: &str = "object-not-shared";

/// Nouns of a span of time: before `after`, `later` … they measure when something happened.
const TIME_SPANS: &[&str] = &["second", "minute", "hour", "day", "week", "month", "year", "decade", "moment", "night"];

/// A subject headed by a span of time followed by a word that places it against another event
/// (`hours after`, `two days later`, `weeks before`, `years ago`): an adverbial of time the
/// parser hung on the verb as its subject.
fn time_span_subject(tr: &Tree, h: usize) -> bool {
    tr.lemma_is(h, TIME_SPANS)
        && h + 1 < tr.len()
        && tr.lemma_is(h + 1, &["after", "before", "later", "earlier", "ago", "since", "into"])
}

/// Quotation marks (straight, curly and PTB-style).
pub(crate) fn is_quote(form: &str) -> bool {
    matches!(form, "“" | "”" | "\"" | "``" | "''" | "‘" | "„" | "«" | "»")
}

/// Why a proposition must not become a graph fact, or `None` when it may.
pub(crate) fn reject(tr: &Tree, p: &Prop) -> Option<&'static str> {
    if p.graph_reject.is_some() {
        return p.graph_reject;
    }
    let n = tr.len();
    let h = p.subj.head;
    if bracket_edited(tr, h) || p.slots.first().is_some_and(|s| bracket_edited(tr, s.part.head)) {
        return Some("bracket-edit");
    }
    // `Vellin, nicknamed the "Tom Vale of Norvia", …`: the nickname and the names inside it are
    // a label of the named person, no one of the story (nor is the naming a relation: the name
    // heads the phrase)
    if (p.pred < n && nickname_participle(tr, p.pred)) || std::iter::once(h).chain(p.slots.iter().map(|s| s.part.head)).any(|m| in_nickname(tr, m)) {
        return Some("nickname");
    }
    let subject = (p.subj.text.is_none()).then_some(&p.subj);
    // only the first object counts: a clause slot (`received shots since the bat broke her skin`
    // with `broke` made a complement) or a second object (`release his tax returns` with
    // `returns` read as a verb) is a stray piece of the parse beside a good object
    let object = p.slots.iter().find(|s| matches!(s.kind, Kind::Obj | Kind::Iobj | Kind::Comp)).filter(|s| s.part.text.is_none()).map(|s| &s.part);
    if subject.into_iter().chain(object).any(|part| starts_finite(tr, &part.toks)) {
        return Some("argument-lost-subject");
    }
    if object_holds_a_clause(tr, p) {
        return Some("object-clause");
    }
    if p.subj.text.is_none() && h < n {
        if !matches!(tr.upos(h), "NOUN" | "PROPN" | "PRON" | "NUM" | "X" | "SYM") {
            return Some("subject-not-nominal");
        }
        // a case marker on the head makes the phrase an oblique even when the subject span left
        // it out (`From new chances comes found wealth`: the parser hung `chances` on the verb)
        let has_case = tr.kids(h).any(|k| {
            tr.base(k) == "case"
                && !is_possessive(tr.form(k))
                && (p.subj.toks.contains(&k) || p.subj.min.contains(&k) || (k < h && tr.base(h) == "nsubj" && !quantity_or_clause_marker(tr, k)))
        });
        // nor is a source (`According to police and officials, X drove …, struck …`: the
        // parser made `officials` the subject of the second verb); a source after the subject
        // (`The firm, according to X, is …`) or a relative clause on it is fine
        let on_head = |k: usize| tr.head[k] == h || (tr.head[k] != NONE && tr.head[tr.head[k]] == h);
        let source = tr.base(h) == "nsubj"
            && p.subj.toks.iter().any(|&k| k < h && on_head(k) && tr.base(k) == "case" && tr.form_is(k, &["according"]));
        if has_case || source {
            return Some("subject-adverbial");
        }
        if super::triples::is_date_part(tr, h) || time_span_subject(tr, h) {
            return Some("subject-temporal");
        }
        if subject_holds_a_clause(tr, &p.subj.min) {
            return Some("subject-clause");
        }
        if bare_number(tr, h, &p.subj.min) && !casualty_count(tr, h) {
            return Some("subject-number");
        }
        if generic_subject(tr, h, &p.subj.toks) || bare_one(tr, h, &p.subj.toks) {
            return Some("subject-generic");
        }
        if vague_role_subject(tr, h, &p.subj.toks) {
            return Some("subject-vague-role");
        }
        if denied_universal(tr, h) {
            return Some("subject-denied-universal");
        }
        if any_subject(tr, h) {
            return Some("subject-any");
        }
        // `Our goal is to be ready and help`: the goal says what is aimed at; nobody named acts
        // (a fine CaRB reading: `Our goal – is – to be ready`)
        if tr.rel(h) == "nsubj:outer" && tr.head[h] != NONE && tr.kids(tr.head[h]).any(|k| k < tr.head[h] && tr.base(k) == "mark" && tr.lemma_is(k, &["to"])) {
            return Some("subject-aim");
        }
    }
    if p.lit.is_none() && p.pred < n && equative_description(tr, p.pred, h) {
        return Some("equative-description");
    }
    if p.pred < n && embedded_question(tr, p.pred) {
        return Some("embedded-question");
    }
    // (copular and literal relations too: `was a two-time champion`)
    if p.rel.iter().any(|&k| hyphen_part(tr, p, k)) {
        return Some("hyphen-part-relation");
    }
    if p.lit.as_ref().is_some_and(|l| l.noun.as_deref() == Some("age")) && p.slots.first().is_some_and(|s| age_bound(tr, s.part.head)) {
        return Some("age-bound");
    }
    if p.pred < n && past_state_clause(tr, p.pred) {
        return Some("past-state-clause");
    }
    if p.lit.is_some() || p.pred >= n {
        return None;
    }
    let v = p.pred;
    // `the governor promised [each victim will be paid]`: with the content clause left out, `X –
    // promise` says nothing (reporting verbs are dropped before; this catches the others)
    if p.slots.is_empty() && tr.upos(v) == "VERB" && tr.kids(v).any(|k| tr.base(k) == "ccomp") {
        return Some("content-clause-only");
    }
    if undergone_participle(tr, p) {
        return Some("undergone-participle");
    }
    if not_limited_hedge(tr, v) {
        return Some("not-limited-hedge");
    }
    if opinion_hedge(tr, v, p) {
        return Some("opinion-hedge");
    }
    if let Some(why) = garbled_clause(tr, p) {
        return Some(why);
    }
    if say_cut_clause(tr, v, p) {
        return Some("say-cut-clause");
    }
    if report_cut_clause(tr, v, p) {
        return Some("report-cut-clause");
    }
    if object_opens_clause(tr, v, p) {
        return Some("object-opens-clause");
    }
    if infinitive_of_nothing(tr, v) {
        return Some("infinitive-of-nothing");
    }
    if relatedness_idiom(tr, v, p) {
        return Some("relatedness-idiom");
    }
    if p.rel.iter().any(|&k| name_part(tr, k)) {
        return Some("name-part-relation");
    }
    if chained_preposition(tr, p) {
        return Some("prepositional-participle");
    }
    if tr.upos(v) == "VERB" {
        let first_word = (0..v).all(|k| tr.is_punct(k) || is_quote(tr.form(k)));
        if !first_word && tr.form(v).chars().next().is_some_and(char::is_uppercase) {
            return Some("coined-verb");
        }
        let own_subject = tr.kids(v).any(|k| tr.base(k).starts_with("nsubj") || tr.base(k).starts_with("csubj"));
        if !own_subject && tr.form_is(v, PREPOSITIONAL_PARTICIPLES) {
            return Some("prepositional-participle");
        }
        if comma_followed_by(tr, p, v) {
            return Some("followed-by-unranked");
        }
        if articled_gerund(tr, v) {
            return Some("articled-gerund");
        }
        if comment_clause(tr, v, p) {
            return Some("comment-clause");
        }
        if participle_modifier(tr, v) || counted_participle(tr, v) {
            return Some("participle-modifier");
        }
        // `a woman named Ana Ruiz`: the name is the noun's own label (see `np`), so `woman –
        // name – Ana Ruiz` would only restate it
        if naming_participle(tr, v).is_some() {
            return Some("naming-participle");
        }
    }
    if tr.upos(v) == "ADJ"
        && p.slots.iter().any(|s| s.kind == Kind::Comp && s.part.head == v)
        && !p.slots.iter().any(|s| matches!(s.kind, Kind::Obj | Kind::Obl | Kind::Agent | Kind::Iobj))
    {
        return Some("bare-adjective");
    }
    // (with an object or oblique beside it, the predicate is no object: `work was ongoing in
    // the building` relates the work to the building)
    if p.slots.iter().any(|s| s.kind == Kind::Comp && s.part.head == v)
        && !p.slots.iter().any(|s| matches!(s.kind, Kind::Obj | Kind::Obl | Kind::Agent | Kind::Iobj))
        && non_nominal_predicate(tr, v)
    {
        return Some("non-nominal-predicate");
    }
    None
}

/// `since she was a teenager`, `when I was a student`, `while she was mayor`: a past state
/// that only dates the main clause. Stored as `X – is a – teenager` it would say what X is now.
fn past_state_clause(tr: &Tree, v: usize) -> bool {
    tr.base(v) == "advcl"
        && matches!(tr.upos(v), "NOUN" | "PROPN")
        && tr.kids(v).any(|k| tr.base(k) == "cop" && tr.t[k].xpos == "VBD")
        && tr.kids(v).any(|k| k < v && tr.base(k) == "mark" && tr.lemma_is(k, TEMPORAL_MARKS))
}

const TEMPORAL_MARKS: &[&str] = &["when", "while", "since", "until", "till", "before", "after", "once"];

/// `liked the winning`, `remains a showing of support`: an `-ing` word after an article is a
/// noun the tagger took for a verb (a verb takes no article); it names nobody's act.
fn articled_gerund(tr: &Tree, v: usize) -> bool {
    tr.t[v].xpos == "VBG" && tr.kids(v).any(|k| k < v && tr.base(k) == "det" && tr.lemma_is(k, &["a", "an", "the"]))
}

/// Verbs of telling and knowing that, in an `as` clause with nothing told, comment on the
/// telling itself (`as I mentioned before`, `as far as I understand`): general English, closed.
const COMMENT_VERBS: &[&str] = &["mention", "understand", "know", "recall", "remember", "see", "expect", "predict", "suspect", "imagine"];

/// `as I mentioned before, …`, `as far as I understand, no`: a comment clause names no fact of
/// its speaker (what was mentioned is the sentence around it, not an argument).
fn comment_clause(tr: &Tree, v: usize, p: &Prop) -> bool {
    let telling = tr.lemma_is(v, COMMENT_VERBS) || tr.lemma_is(v, super::lexicon::REPORTING);
    let as_mark = tr.kids(v).any(|k| k < v && tr.base(k) == "mark" && tr.lemma_is(k, &["as"]));
    // (`as Oster remarked on the vote` says what was remarked on: a fact)
    telling && as_mark && p.slots.is_empty() && !tr.kids(v).any(|k| matches!(tr.base(k), "obj" | "ccomp" | "xcomp" | "obl"))
}

/// `including, but not limited to, X and Y`: a fixed hedge that widens a list; nobody limits
/// anything (the parser hangs `limited` on the clause's verb as a conjunct, which then lends it
/// its subject). A plain `is not limited to X` (no `but`) is a statement and stays.
fn not_limited_hedge(tr: &Tree, v: usize) -> bool {
    tr.form_is(v, &["limited"]) && v >= 2 && tr.form_is(v - 1, &["not"]) && tr.form_is(v - 2, &["but"])
}

/// Verbs of opinion that a speaker puts before or inside a clause to soften it.
const HEDGE_VERBS: &[&str] = &["think", "guess", "suppose", "reckon"];

/// `I think in the 90s he ran …`, `kids under, I think, under 18`: a first-person present `I
/// think` / `we guess` is a hedge on the clause around it, so an oblique the parser hung on it
/// (a time, an age, a cause) belongs to that clause, not to the thinking. What one thinks
/// about or of (`I think about my family`) is the verb's own topic and stays, as does any other
/// person or tense (`she thought in pictures`).
fn opinion_hedge(tr: &Tree, v: usize, p: &Prop) -> bool {
    let first_person_present = tr.kids(v).any(|k| tr.base(k) == "nsubj" && tr.form_is(k, &["I", "we"])) && tr.has_feat(v, "Tense=Pres");
    let topic = |s: &Slot| s.case.iter().any(|&c| tr.lemma_is(c, &["about", "of", "over", "through"]));
    tr.lemma_is(v, HEDGE_VERBS)
        && first_person_present
        && !p.slots.is_empty()
        && p.slots.iter().all(|s| s.kind == Kind::Obl && !topic(s))
}

/// The conjuncts of the coordination `h` belongs to (first conjunct, then its `conj` kids in
/// order), or `None` when `h` is coordinated with nothing.
fn conjuncts(tr: &Tree, h: usize) -> Option<Vec<usize>> {
    let first = if tr.base(h) == "conj" && tr.head[h] != NONE { tr.head[h] } else { h };
    let all: Vec<usize> = std::iter::once(first).chain(tr.kids(first).filter(|&k| tr.base(k) == "conj")).collect();
    (all.len() > 1 && all.contains(&h)).then_some(all)
}

/// `respectively` in the clause of `v`, not inside a clause of its own below it.
fn respectively_in_clause(tr: &Tree, v: usize) -> bool {
    (0..tr.len()).any(|r| {
        tr.lemma_is(r, &["respectively"]) && {
            let mut x = tr.head[r];
            let mut steps = 0;
            while x != NONE && x != v && steps < 64 && !matches!(tr.base(x), "ccomp" | "advcl" | "acl" | "parataxis" | "xcomp" | "csubj" | "root") {
                x = tr.head[x];
                steps += 1;
            }
            x == v
        }
    })
}

/// `Vell and Oster won the Tarn and Brelk contests respectively`: `respectively` pairs the
/// subject's conjuncts with an argument's in order, so a conjunct subject goes with the conjunct
/// of the same place only (`Oster – hold rally in – Brelk` is wrong when Oster's was in Dunmore),
/// and with no argument whose head carries the whole coordination (`Vell – win – Tarn and Brelk
/// contests`). A subject that is a relative pronoun on a coordination (`Vell and Oster, who chair
/// the Roads and Water committees, respectively`) is paired with no conjunct we could name.
pub(crate) fn respectively_mismatch(tr: &Tree, pred: usize, t: &crate::document::OpenTriple) -> bool {
    let s = t.subject.head;
    let Some(o) = t.object.as_ref() else { return false };
    if s >= tr.len() || o.head >= tr.len() || pred >= tr.len() || !respectively_in_clause(tr, pred) {
        return false;
    }
    let relative = (tr.has_feat(s, "PronType=Rel") || tr.lemma_is(s, &["who", "which"])) && tr.head[s] != NONE && tr.head[tr.head[s]] != NONE;
    let (group, place) = match conjuncts(tr, s) {
        Some(g) => {
            let at = g.iter().position(|&c| c == s);
            (g, at)
        }
        None if relative => match conjuncts(tr, tr.phrase_head(tr.head[tr.head[s]])) {
            Some(g) => (g, None),
            None => return false,
        },
        None => return false,
    };
    // `A and B are the chair and the deputy of the board, respectively`: the role noun in the
    // relation is paired too
    let other_place = |c: &[usize], x: usize| c.len() != group.len() || c.iter().position(|&k| k == x) != place;
    let role = conjuncts(tr, pred).and_then(|c| {
        let named = c.iter().copied().find(|&k| t.key.noun.as_deref().is_some_and(|n| tr.lemma(k).eq_ignore_ascii_case(n)));
        named.map(|k| (c, k))
    });
    if matches!(tr.upos(pred), "NOUN" | "PROPN") && role.is_some_and(|(c, k)| other_place(&c, k)) {
        return true;
    }
    match conjuncts(tr, o.head) {
        Some(args) => args.len() != group.len() || args.iter().position(|&c| c == o.head) != place,
        // coordinated modifiers before the head (`the Tarn and Brelk contests`); a coordination
        // in a modifier after it (`rallies in Tarn and Brelk`) is paired in a fact of its own
        None => o.tokens.clone().any(|k| k < tr.len() && tr.base(k) == "conj" && tr.head[k] < o.head && o.tokens.contains(&tr.head[k])),
    }
}

/// `…, followed by X` after a comma: in a ranking (`Vell took 14 seats, followed by Korv, with
/// 12`) the one followed is the clause's subject; otherwise it is the event the clause tells
/// (`The storm hit the coast, followed by floods`: the floods came after the storm hit, not after
/// the coast or the storm itself), which no noun of the clause names. The parser hangs the
/// participle on the clause's verb or on its object either way, so a reading that is no ranking
/// with the subject as the one followed is dropped.
fn comma_followed_by(tr: &Tree, p: &Prop, v: usize) -> bool {
    let agent = p.slots.iter().any(|s| s.kind == Kind::Agent);
    if !agent || !tr.lemma_is(v, &["follow"]) || v == 0 || tr.form(v - 1) != "," || tr.kids(v).any(|k| tr.base(k) == "aux") {
        return false;
    }
    let numeric = |k: usize| tr.upos(k) == "NUM" || tr.kids(k).any(|m| tr.base(m) == "nummod");
    let ranked = tr.kids(v).any(|k| tr.rel(k) == "obl" && numeric(k));
    let mut c = tr.head[v];
    while c != NONE && tr.upos(c) != "VERB" {
        c = tr.head[c];
    }
    let followed_is_subject = c != NONE && tr.kids(c).any(|k| tr.base(k) == "nsubj" && k == p.subj.head);
    !(ranked && followed_is_subject)
}

/// Verbs that take a gerund as what is begun, kept up or ended (`kept following the rules`):
/// general English, closed class.
const ASPECTUAL_VERBS: &[&str] = &["begin", "start", "continue", "keep", "stop", "quit", "resume", "finish", "avoid", "enjoy", "risk", "recommend", "consider", "mind"];

/// `the post stands vacant following the resignation`, `fled following the strikes`: a bare
/// `-ing` preposition the parser chained onto the verb before it (the relation reads `stand
/// following`), with no auxiliary of its own: a preposition of time, no second act; after a verb
/// that takes a gerund (`kept following`) it stays a verb.
fn chained_preposition(tr: &Tree, p: &Prop) -> bool {
    p.rel.iter().any(|&f| {
        f < tr.len()
            && tr.form_is(f, PREPOSITIONAL_PARTICIPLES)
            && !tr.kids(f).any(|k| tr.base(k) == "aux")
            && p.rel.iter().any(|&k| k < f && tr.upos(k) == "VERB" && !tr.lemma_is(k, ASPECTUAL_VERBS))
    })
}

/// Adverbial phrases made of a borrowed word and a noun, which the tagger reads as a noun
/// phrase (`was en route`): (modifier, noun). A closed list of fixed English phrases.
const ADVERBIAL_NOUN_PHRASES: &[(&str, &str)] = &[("en", "route")];

/// A copula's predicate that names no class although the tagger made it a noun or an adjective:
/// a bare `-ing` word with nothing before it that a noun phrase would have (`water was no longer
/// rushing`, `the beacon is not transmitting`, `countries are voting to …`: a progressive whose
/// participle the tagger misread), or a fixed adverbial phrase (`the flight was en route`).
/// `is a` needs a noun phrase; a gerund with a determiner or modifier (`the voting`, `early
/// voting`) stays.
fn non_nominal_predicate(tr: &Tree, v: usize) -> bool {
    if !tr.kids(v).any(|k| tr.base(k) == "cop") {
        return false;
    }
    let form = tr.form(v).to_lowercase();
    let nominal_left = tr.kids(v).any(|k| k < v && matches!(tr.base(k), "det" | "nmod" | "nummod" | "amod" | "compound" | "case"));
    let bare_progressive = matches!(tr.upos(v), "NOUN" | "ADJ")
        && matches!(tr.t[v].xpos.as_str(), "NN" | "JJ" | "")
        && form.len() > 5
        && form.ends_with("ing")
        && tr.form(v).chars().all(|c| c.is_ascii_lowercase())
        && !nominal_left;
    let fixed_adverbial = ADVERBIAL_NOUN_PHRASES
        .iter()
        .any(|&(m, n)| form == n && tr.kids(v).any(|k| k < v && tr.base(k) == "amod" && tr.form(k).eq_ignore_ascii_case(m)) && !tr.kids(v).any(|k| k < v && tr.base(k) == "det"));
    // `Vellin was everything that was good about Tarn`, `the noise could be anything`: an
    // indefinite pronoun says what the subject is worth or leaves it open, and names no class
    let indefinite = tr.upos(v) == "PRON" && tr.lemma_is(v, INDEFINITE_PRONOUNS);
    bare_progressive || fixed_adverbial || indefinite
}

/// Indefinite pronouns (general English, closed class): as a copula's predicate they name no
/// class (`was everything`, `could be anything`, `can be somebody who …`).
const INDEFINITE_PRONOUNS: &[&str] = &[
    "something", "anything", "everything", "nothing", "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody",
];

/// The most frequent English function words: in English prose about a third of the words are
/// among them, in a sentence of another language almost none.
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "was", "that", "for", "on", "with", "as", "by", "it", "he", "she",
    "they", "his", "her", "their", "at", "from", "has", "have", "had", "be", "been", "are", "were", "this",
    "an", "not", "but", "or", "which", "who", "will", "would", "said", "after", "about", "its", "we", "i",
];

/// Function words of the European languages whose quotations appear in English news (Spanish,
/// Portuguese, French, Italian, German) that are not English words too.
const FOREIGN_FUNCTION_WORDS: &[&str] = &[
    "el", "los", "las", "del", "y", "una", "por", "para", "pero", "muy", "ese", "esta", "este", "están",
    "não", "uma", "são", "com", "mais", "les", "une", "est", "dans", "pour", "avec", "sont", "nous", "vous",
    "della", "gli", "sono", "anche", "und", "der", "das", "ist", "nicht", "ein", "eine", "mit", "sich", "auf",
    // articles and prepositions that also open names in English text (`La Jolla`, `de Blasio`):
    // they count only where English function words are missing (see [`not_english`])
    "et", "des", "aux", "mes", "ont", "leurs", "leur", "été", "avait", "sur", "qui", "que", "pas", "ces", "cette",
    "nos", "notre", "très", "à", "le", "la", "de", "en", "il", "al", "lo",
];

/// Whether a sentence is in another language: mostly letters outside the Latin script, or at least
/// two foreign function words with next to no English ones. Short sentences (under six words)
/// are left alone: a caption or a name list has few function words of any language.
pub(crate) fn not_english(tokens: &[crate::document::Token]) -> bool {
    let (mut letters, mut non_latin) = (0usize, 0usize);
    for c in tokens.iter().flat_map(|t| t.form.chars()).filter(|c| c.is_alphabetic()) {
        letters += 1;
        // Latin letters end at U+024F (Latin Extended-B); IPA and Latin Extended Additional are rare
        if c as u32 > 0x024F && !('\u{1E00}'..='\u{1EFF}').contains(&c) {
            non_latin += 1;
        }
    }
    if letters >= 10 && non_latin * 2 > letters {
        return true;
    }
    // Called for every sentence: the foreign words are counted first (most sentences have none,
    // and then nothing else is needed), lowercasing a word only when it is not lowercase ASCII.
    let words = || tokens.iter().map(|t| t.form.as_str()).filter(|w| w.chars().any(char::is_alphabetic));
    let is_in = |list: &[&str], w: &str| {
        if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) { list.contains(&w) } else { list.contains(&w.to_lowercase().as_str()) }
    };
    let foreign = words().filter(|w| is_in(FOREIGN_FUNCTION_WORDS, w)).count();
    if foreign < 2 {
        return false;
    }
    let count = words().count();
    if count < 6 {
        return false;
    }
    let english = words().filter(|w| is_in(ENGLISH_FUNCTION_WORDS, w)).count();
    english * 10 < count
}

/// Whether a subject phrase holds the parts of a clause of its own: a nominal the parser made the
/// head of a copular or existential clause (`there may well be critics who …`, `Quell was an icon
/// of the movement who …`) carries that clause's copula, auxiliaries and subject, and the
/// subject then names no one.
fn subject_holds_a_clause(tr: &Tree, toks: &[usize]) -> bool {
    // a relative pronoun as a subject inside the phrase (`the party, which has ballot access,`
    // with `ballot` read as a verb and `access` as the head): the relative clause was never closed
    let relative = |k: usize| tr.has_feat(k, "PronType=Rel") || tr.lemma_is(k, &["which", "who"]);
    toks.iter().any(|&k| {
        let in_phrase = matches!(tr.rel(k), "cop" | "aux" | "aux:pass" | "expl" | "nsubj" | "nsubj:pass") && toks.contains(&tr.head[k]);
        in_phrase && (matches!(tr.upos(tr.head[k]), "NOUN" | "PROPN" | "PRON" | "NUM") || (tr.base(k) == "nsubj" && relative(k)))
    })
}

/// Whether the fact's object (its first object, or else its first oblique or agent after the
/// verb) holds a finite copula or auxiliary of a clause of its own, hung on a nominal inside the
/// object: `comes from what is the main fund`, `judged in – the dam was at risk`, `stands for – it
/// is a rank`. The parser made the nominal of a copular clause the argument's head; that
/// clause's subject is then lost or swallowed, and the fact joins two readings. A clause meant
/// as one is left alone: one with a subordinator (`questioned whether X was the cause`), the
/// object of a verb of saying or thinking, and the fact's own copula (`X is a terrorist`).
fn object_holds_a_clause(tr: &Tree, p: &Prop) -> bool {
    let v = p.pred;
    if v < tr.len() && tr.lemma_is(v, super::lexicon::REPORTING) {
        return false;
    }
    let object = p.slots.iter().find(|s| matches!(s.kind, Kind::Obj | Kind::Iobj));
    let oblique = || p.slots.iter().find(|s| matches!(s.kind, Kind::Obl | Kind::Agent) && (v >= tr.len() || s.part.head > v));
    let Some(o) = object.or_else(oblique).filter(|s| s.part.text.is_none() && s.part.head < tr.len()) else {
        return false;
    };
    let min = &o.part.min;
    if min.iter().any(|&k| tr.base(k) == "mark") {
        return false;
    }
    let finite = |k: usize| tr.t[k].xpos == "MD" || tr.has_feat(k, "VerbForm=Fin");
    min.iter().any(|&k| {
        matches!(tr.rel(k), "cop" | "aux" | "aux:pass")
            && finite(k)
            && k != v
            && !p.rel.contains(&k)
            && tr.head[k] != v
            && min.contains(&tr.head[k])
            && matches!(tr.upos(tr.head[k]), "NOUN" | "PROPN" | "PRON" | "NUM")
    })
}

/// Interrogative words that stand for an argument of their clause (`what goals she has`).
const QUESTION_ARGUMENTS: &[&str] = &["what", "which", "who", "whom", "whose"];

/// Interrogative adverbs (`how the fire began`, `why she joined`): the clause itself is
/// presupposed true unless its governor asks or is negated.
/// (`when` and `where` are left out: they open time and place clauses far more often.)
const QUESTION_ADVERBS: &[&str] = &["how", "why"];

/// Verbs and adjectives that ask rather than tell (`wonder whether`, `asked how`, `unclear why`).
const ASKING_HEADS: &[&str] = &["ask", "wonder", "question", "inquire", "enquire", "investigate", "debate", "unclear", "unknown", "uncertain"];

/// Whether predicate `v` heads an embedded question that asserts nothing: the clause, or the
/// first conjunct of its coordination, is marked by `whether` (or by `if` as a complement:
/// `asked if …`); or an interrogative word tagged `PronType=Int` stands for one of its arguments
/// (`what goals she has`, `which firm built it`: the fact would miss that argument); or an
/// interrogative adverb (`how`, `why`) opens it under a governor that asks or is negated (`did
/// not say how the fire began`, `wonder why …`). `discussed why she joined the party` presupposes
/// that she did and is kept.
fn embedded_question(tr: &Tree, v: usize) -> bool {
    let int = |k: usize| tr.has_feat(k, "PronType=Int");
    let asking = |g: usize| {
        g != NONE && (tr.lemma_is(g, ASKING_HEADS) || tr.kids(g).any(|k| tr.base(k) == "advmod" && tr.lemma_is(k, &["not", "n't", "never"])))
    };
    let mut c = v;
    for _ in 0..4 {
        // a relative clause on a noun (`the firm, who …`) is no question, whatever its tag
        if c == NONE || tr.base(c) == "acl" {
            return false;
        }
        let kids_before = || tr.kids(c).filter(move |&k| k < c);
        if tr.kids(c).any(|k| tr.base(k) == "mark" && (tr.lemma_is(k, &["whether"]) || (tr.lemma_is(k, &["if"]) && tr.base(c) == "ccomp"))) {
            return true;
        }
        // a core argument: `at which point she …` is a relative's oblique, whatever its tag
        let argument = |k: usize| matches!(tr.base(k), "nsubj" | "obj" | "iobj" | "csubj");
        let wh_argument = |k: usize| int(k) && tr.lemma_is(k, QUESTION_ARGUMENTS);
        if kids_before().any(|k| argument(k) && (wh_argument(k) || tr.kids(k).any(|d| tr.base(d) == "det" && wh_argument(d)))) {
            return true;
        }
        let h = tr.head[c];
        let hung = h != NONE && h < c && int(h) && tr.base(c) != "conj";
        if hung && tr.lemma_is(h, QUESTION_ARGUMENTS) {
            return true;
        }
        let adverb = kids_before().any(|k| int(k) && tr.lemma_is(k, QUESTION_ADVERBS) && tr.base(k) == "advmod");
        if hung || adverb {
            let g = if hung { tr.head[h] } else { h };
            return asking(g);
        }
        if tr.base(c) != "conj" {
            return false;
        }
        c = h;
    }
    false
}

/// Whether the relation is `have`/`get` + object + past participle (`had his hopes dashed`, `got
/// her licence revoked`): the object underwent the participle, the subject did not do it, so
/// `X – dash – hopes` would reverse the roles.
fn undergone_participle(tr: &Tree, p: &Prop) -> bool {
    p.rel.iter().any(|&x| {
        tr.upos(x) == "VERB"
            && tr.lemma_is(x, &["have", "get"])
            && p.rel.iter().any(|&y| y > x && tr.head[y] == x && tr.base(y) == "xcomp" && tr.t[y].xpos == "VBN" && p.slots.iter().any(|s| s.kind == Kind::Obj && s.part.head > x && s.part.head < y))
    })
}

/// Whether `say` has a noun object with a verb after it (`said the plan "costs millions"`,
/// `said the rule, passed in May, no longer applies`): the noun is the subject of the said clause
/// the parser cut off, and `X – say – plan` reports nothing. `says many things.` keeps its object.
fn say_cut_clause(tr: &Tree, v: usize, p: &Prop) -> bool {
    if !tr.lemma_is(v, &["say"]) {
        return false;
    }
    let Some(o) = p.slots.iter().find(|s| s.kind == Kind::Obj).map(|s| s.part.head) else {
        return false;
    };
    o < tr.len() && o > v && tr.head[o] == v && matches!(tr.upos(o), "NOUN" | "PROPN" | "NUM") && (o + 1..tr.len()).any(|k| matches!(tr.upos(k), "VERB" | "AUX"))
}

/// Whether an argument's words start with a lowercase finite auxiliary, modal or verb, or with
/// `been` (`were from one family`, `are a little younger`, `been lots`), punctuation and
/// quotation marks aside: the parser cut the clause off its subject, so the argument names
/// nothing. A capitalised first word opens a quotation or a wish (`May God protect them`) and is
/// left alone, as is the first word of the sentence.
pub(crate) fn starts_finite(tr: &Tree, toks: &[usize]) -> bool {
    let Some(k) = toks.iter().copied().filter(|&k| k < tr.len() && !tr.is_punct(k) && !is_quote(tr.form(k))).min() else { return false };
    if k == 0 || k >= tr.len() || !tr.form(k).chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    // (an imperative is a whole clause: `told them: stop the war`)
    let finite = matches!(tr.upos(k), "AUX" | "VERB") && (tr.t[k].xpos == "MD" || tr.has_feat(k, "VerbForm=Fin")) && !tr.has_feat(k, "Mood=Imp");
    finite || tr.form_is(k, &["been"])
}

/// Verbs of finding out, concluding and knowing that take a content clause (`concluded the
/// otters were social`, `determined the dam was at risk`) and are no verbs of saying: general
/// English, the closed class of cognition verbs with a `that`-clause.
const KNOWING_VERBS: &[&str] = &[
    "conclude", "determine", "discover", "learn", "realize", "realise", "assume", "suspect", "fear", "recall", "know",
    "understand", "prove", "demonstrate", "establish", "verify", "reckon", "calculate", "doubt",
];

/// Whether a verb of saying or thinking ([`super::lexicon::REPORTING`] or [`KNOWING_VERBS`], verbs of telling aside:
/// their object is a listener) has a noun object and, after it, a clause of its own hung on the
/// verb (`parataxis`, `ccomp`) with nothing but commas between: `claimed 40 percent of voters,
/// who backed the plan, were misinformed`, `notes road access is not yet restored`. The noun
/// (or the first of a compound) opens the reported clause the parser cut; `X – claim – 40
/// percent` reports nothing. A clause after a colon, a dash or a quotation mark is a quotation
/// of its own and leaves a real object alone (`confirmed the deaths: "…"`).
fn report_cut_clause(tr: &Tree, v: usize, p: &Prop) -> bool {
    let clause_verb = tr.lemma_is(v, super::lexicon::REPORTING) || tr.lemma_is(v, KNOWING_VERBS);
    if !clause_verb || tr.lemma_is(v, LISTENER_CLAUSE_VERBS) || tr.lemma_is(v, &["say"]) {
        return false;
    }
    let Some(o) = p.slots.iter().find(|s| s.kind == Kind::Obj).map(|s| s.part.head) else {
        return false;
    };
    if o >= tr.len() || o < v || tr.head[o] != v || !matches!(tr.upos(o), "NOUN" | "PROPN" | "NUM") {
        return false;
    }
    let all = |_: usize| false;
    let object = tr.phrase(o, &all);
    let Some(&end) = object.iter().max() else { return false };
    // a noun phrase with punctuation inside (`conditions, with waves …`) is more than a subject;
    // of coordinated nouns (`confirmed its first cases and Vestra had …`) only the last may be
    if object.iter().any(|&k| tr.is_punct(k)) || tr.kids(o).any(|k| tr.base(k) == "conj") {
        return false;
    }
    tr.kids(v).any(|c| {
        let clause = c > end
            && matches!(tr.base(c), "parataxis" | "ccomp")
            && (matches!(tr.upos(c), "VERB" | "AUX") || tr.kids(c).any(|k| tr.base(k) == "cop"));
        let Some(&start) = tr.phrase(c, &all).iter().min() else { return false };
        let gap = end + 1..start.max(end + 1);
        let quoted = gap.clone().any(|k| matches!(tr.form(k), ":" | ";" | "—" | "–" | "-" | "(") || is_quote(tr.form(k)));
        // a conjoined or subordinate clause (`and Zambia had …`, `because …`) is a clause of
        // its own the parser hung on the verb
        let linked = tr.kids(c).any(|k| k < c && matches!(tr.base(k), "mark" | "cc"));
        // a clause with its own subject must follow the noun at once (`notes road access is
        // restored`: the parser split the subject); after a break it is another sentence part
        // (`denied the claims, however, a report concluded …`)
        let own_subject = tr.kids(c).any(|k| k < c && matches!(tr.base(k), "nsubj" | "csubj" | "expl"));
        // and be complete: passive, copular or with its own object; an active verb without one is
        // a relative clause on the noun (`announced a deal it brokered`)
        let complete = tr.kids(c).any(|k| matches!(tr.rel(k), "aux:pass" | "nsubj:pass" | "cop" | "obj"));
        clause && !quoted && !linked && (!own_subject || (gap.is_empty() && complete))
    })
}

/// Whether the verb's noun object is, in fact, the subject of the clause right after it: a
/// plain noun phrase (no clause, coordinator or punctuation inside) followed at once by a finite
/// auxiliary, modal or copula whose clause has no subject of its own (`the agency warned the
/// delayed transfer could harm …`, `the minister announced Norvia was to join`, `decreasing the
/// price may lower demand`). The parser kept the noun as the object and hung the clause
/// elsewhere; `X – warn – delayed transfer` says nothing the sentence does. A clause with its own
/// subject (`if she gave me a job would I take it`) leaves the object alone.
fn object_opens_clause(tr: &Tree, v: usize, p: &Prop) -> bool {
    let Some(o) = p.slots.iter().find(|s| s.kind == Kind::Obj).map(|s| s.part.head) else {
        return false;
    };
    if o >= tr.len() || o < v || tr.head[o] != v || !matches!(tr.upos(o), "NOUN" | "PROPN" | "NUM" | "PRON") {
        return false;
    }
    let all = |_: usize| false;
    let object = tr.phrase(o, &all);
    let (Some(&start), Some(&end)) = (object.iter().min(), object.iter().max()) else { return false };
    let plain = object.len() == end - start + 1
        && object.iter().all(|&k| !tr.is_punct(k) && !matches!(tr.upos(k), "VERB" | "AUX" | "CCONJ" | "SCONJ") && !matches!(tr.base(k), "conj" | "acl"));
    let a = end + 1;
    if !plain || a >= tr.len() || tr.upos(a) != "AUX" || !matches!(tr.t[a].xpos.as_str(), "MD" | "VBD" | "VBZ" | "VBP") {
        return false;
    }
    let c = tr.head[a];
    if !matches!(tr.base(a), "aux" | "cop") || c == NONE || c < a || object.contains(&c) {
        return false;
    }
    !tr.kids(c).any(|k| matches!(tr.base(k), "nsubj" | "csubj" | "expl"))
}

/// Whether predicate `v` is a `to`-infinitive on a noun quantified to nothing: the noun has `no`
/// or `little` (not `a little`) for a determiner (`has no chance to win`, `little time to
/// act`), or it, or the amount noun it hangs on (`not a lot of hope for …`), is the subject or
/// object of a negated verb (`there is not much chance for the comet to survive`). The
/// infinitive neither happened nor is planned.
fn infinitive_of_nothing(tr: &Tree, v: usize) -> bool {
    if tr.rel(v) != "acl" || !tr.kids(v).any(|k| k < v && tr.base(k) == "mark" && tr.lemma_is(k, &["to"])) {
        return false;
    }
    let a = tr.head[v];
    if a == NONE || a > v || tr.upos(a) != "NOUN" {
        return false;
    }
    let article = tr.kids(a).any(|k| tr.base(k) == "det" && tr.lemma_is(k, &["a", "an"]));
    let none = tr.kids(a).any(|k| {
        (tr.base(k) == "det" && tr.lemma_is(k, &["no", "neither"])) || (matches!(tr.base(k), "det" | "amod") && tr.lemma_is(k, &["little"]) && !article)
    });
    let g0 = tr.head[a];
    let n = if g0 != NONE && tr.base(a) == "nmod" && tr.lemma_is(g0, AMOUNT_HEADS) { g0 } else { a };
    let g = tr.head[n];
    let negated = g != NONE
        && matches!(tr.base(n), "nsubj" | "obj")
        && tr.kids(g).any(|k| tr.base(k) == "advmod" && tr.lemma_is(k, &["not", "n't", "never"]));
    none || negated
}

/// Whether `have` (`v`) takes a pronoun of amount completed by `to do with` (`had nothing to do
/// with the fire`, `has something to do with it`): the idiom relates the subject to the `with`
/// phrase, and the subject has nothing; `have – nothing` would read as a possession.
fn relatedness_idiom(tr: &Tree, v: usize, p: &Prop) -> bool {
    let Some(o) = p.slots.iter().find(|s| s.kind == Kind::Obj).map(|s| s.part.head) else { return false };
    let with_phrase = |d: usize| tr.kids(d).any(|w| tr.base(w) == "obl" && tr.kids(w).any(|c| tr.base(c) == "case" && tr.lemma_is(c, &["with"])));
    tr.lemma_is(v, &["have"])
        && (tr.lemma_is(o, INDEFINITE_PRONOUNS) || tr.lemma_is(o, &["little", "much", "lot"]))
        && tr.kids(o).any(|d| tr.base(d) == "acl" && tr.lemma_is(d, &["do"]) && with_phrase(d))
}

/// Whether a subject headed by `one` (`the second one`, `those ones`, `this one`) has nothing but
/// determiners, adjectives and punctuation beside it: the pronoun stands for a noun said
/// elsewhere that coreference does not resolve. `one of the guards` keeps its fact.
fn bare_one(tr: &Tree, h: usize, toks: &[usize]) -> bool {
    // the tree's dependents too: a relative clause the span left out (`the one who left`) says which
    let plain = |k: usize| k == h || matches!(tr.upos(k), "DET" | "ADJ" | "PUNCT") || tr.lemma_is(k, VAGUE_QUANTIFIERS);
    tr.form_is(h, &["one", "ones"]) && toks.iter().all(|&k| plain(k)) && tr.kids(h).all(plain)
}

/// Whether a subject headed by `h` is a number and nothing else (determiners, adverbs and
/// punctuation aside): `12`, `all 189`, `about 250`.
fn bare_number(tr: &Tree, h: usize, min: &[usize]) -> bool {
    tr.upos(h) == "NUM" && min.iter().all(|&k| matches!(tr.upos(k), "NUM" | "DET" | "ADV" | "PUNCT" | "SYM"))
}

/// Verbs whose bare-number subject counts people: the toll of an event (`at least seven died`,
/// `all 189 on board were killed`, `24 were hospitalised`). General English, the closed class of
/// verbs of dying, surviving and casualties; those after `passive` only in the passive.
const CASUALTY_VERBS: &[&str] = &["die", "perish", "drown", "survive"];
const CASUALTY_PASSIVES: &[&str] =
    &["kill", "injure", "wound", "hurt", "hospitalise", "hospitalize", "rescue", "evacuate", "arrest", "detain", "infect", "slay", "murder"];

/// Whether the bare number `h` is the subject of a casualty verb: a death toll or a count of the
/// injured, which news states as a main event.
fn casualty_count(tr: &Tree, h: usize) -> bool {
    let v = tr.head[h];
    if v == NONE || v >= tr.len() || tr.upos(v) != "VERB" {
        return false;
    }
    match tr.rel(h) {
        "nsubj" => tr.lemma_is(v, CASUALTY_VERBS),
        "nsubj:pass" => tr.lemma_is(v, CASUALTY_PASSIVES),
        _ => false,
    }
}

/// Nouns and pronouns that name an unspecified crowd, part or thing (`people`, `some`, `many`,
/// `others`, `pieces`, `someone`). General English, the closed class of such quantity and
/// indefinite heads; coreference never resolves them, so a node `people` would gather the deeds of
/// everyone in the corpus.
const GENERIC_HEADS: &[&str] = &[
    "people", "person", "some", "many", "others", "other", "most", "few", "several", "piece", "thing",
    "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "something", "anything", "everything",
];

/// Quantifiers that leave such a head as vague as before (`many people`, `some others`).
const VAGUE_QUANTIFIERS: &[&str] = &["many", "some", "other", "several", "few", "most", "more", "such", "all", "these", "those"];

/// Modifiers that single one thing out by rank (`the only`, `the one`, `the main`): general
/// English, closed class (superlatives are found by their tag or `most`/`least`).
const RANKING_MODIFIERS: &[&str] = &["only", "sole", "one", "main", "chief", "principal", "key", "primary"];

/// Nouns that name a slot to be filled rather than a kind (`the main thing is …`, `the biggest
/// problem was …`): general English, closed class.
const SLOT_NOUNS: &[&str] = &["thing", "part", "problem", "issue", "question", "priority", "concern", "challenge", "point", "goal", "aim"];

/// A copular predicate noun `v` with `the` whose subject `s` is a common noun singled out by
/// rank (`the one factor …`, `the most difficult part`, `the only ones`): an identity between two
/// descriptions, not a class.
fn equative_description(tr: &Tree, v: usize, s: usize) -> bool {
    // (a predicate with a complement of its own, `was the shortage of steel`, gives a relation
    // `be shortage of` that stays)
    let complement = |k: usize| tr.base(k) == "case" || (tr.base(k) == "nmod" && k > v);
    if s >= tr.len() || tr.kid(v, "cop").is_none() || tr.upos(v) != "NOUN" || tr.kids(v).any(complement) {
        return false;
    }
    let definite = |x: usize| tr.kids(x).any(|k| tr.base(k) == "det" && tr.lemma_is(k, &["the"]));
    // (a subject that only points at a slot, `the most important thing`, `the main problem`, is
    // specified by any predicate: `… was food` names the thing, it gives it no class)
    let slot = tr.lemma_is(s, SLOT_NOUNS);
    if !(definite(v) || slot) || !matches!(tr.upos(s), "NOUN" | "NUM" | "PRON") || !is_subject_of(tr, s, v) {
        return false;
    }
    let ranked = tr.kids(s).any(|k| {
        k < s
            && (tr.lemma_is(k, RANKING_MODIFIERS)
                || tr.t[k].xpos == "JJS"
                || (tr.base(k) == "amod" && tr.kids(k).any(|m| tr.base(m) == "advmod" && tr.lemma_is(m, &["most", "least"]))))
    });
    ranked && (definite(s) || tr.lemma_is(s, &["one"]))
}

/// Whether `s` is the subject of predicate `v`.
fn is_subject_of(tr: &Tree, s: usize, v: usize) -> bool {
    tr.head[s] == v && tr.base(s) == "nsubj"
}

/// Whether a subject headed by `h` is a generic head with nothing that says who (determiners,
/// vague quantifiers and punctuation aside): `people – bear in – X` from `people born in X`,
/// `pieces – fall to – ground`. A number (`two people died`), an adjective (`local people`), a
/// name or a modifier phrase (`people in the town`, `some of the guards`) keeps the fact.
fn generic_subject(tr: &Tree, h: usize, toks: &[usize]) -> bool {
    let bare = tr.lemma_is(h, GENERIC_HEADS)
        && toks.iter().all(|&k| k == h || matches!(tr.upos(k), "DET" | "PUNCT") || tr.lemma_is(k, VAGUE_QUANTIFIERS));
    // `a lot of what we do`, `plenty of things`: a quantity of a pronoun or generic head is as
    // vague as the head itself
    let vague_amount = tr.lemma_is(h, AMOUNT_HEADS)
        && tr.kids(h).any(|k| tr.base(k) == "nmod" && (tr.upos(k) == "PRON" || tr.lemma_is(k, GENERIC_HEADS) || tr.lemma_is(k, &["stuff"])));
    bare || vague_amount
}

/// Whether the subject headed by `h` carries a denied universal quantifier: `not every X`, `not
/// all X`, `not all of the X` (the quantifier heading the phrase and `X` its `of`-modifier). What
/// is said of the subject then holds for some of it and not for the rest, so a fact about `X`
/// says what the sentence denies.
fn denied_universal(tr: &Tree, h: usize) -> bool {
    let universal = |k: usize| tr.lemma_is(k, &["every", "all", "each"]);
    let denied = |q: usize| q > 0 && tr.lemma_is(q - 1, &["not"]);
    let on_noun = tr.kids(h).any(|k| k < h && universal(k) && denied(k));
    let up = tr.head[h];
    let over_noun = up != NONE && up < h && universal(up) && denied(up);
    on_noun || over_noun
}

/// Whether the subject headed by `h` is chosen by `any` (`any firm that breaks the rule will pay
/// a fine`, `any visitor may enter`, `we saw no sign that any pipe had burst`): what is said holds
/// of whichever thing of the kind, or of none under a negation or a condition, never of one the
/// graph could name. (Plain universals, `all voters`, `every member`, stay.)
fn any_subject(tr: &Tree, h: usize) -> bool {
    tr.kids(h).any(|k| k < h && tr.base(k) == "det" && tr.lemma_is(k, &["any"]))
}

/// A `case` word the parser gives a subject that still is one: a preposition that also opens a
/// clause (`as heavy rains put a damper on it`, `after the city started repairs`) and `at
/// least`/`at most` before a number (`at least seven died`).
fn quantity_or_clause_marker(tr: &Tree, k: usize) -> bool {
    tr.lemma_is(k, super::lexicon::CLAUSE_OPENING_PREPOSITIONS)
        || (k + 1 < tr.len() && tr.lemma_is(k + 1, &["least", "most"]))
}

/// Nouns of an unmeasured amount (`a lot of`, `plenty of`, `a bunch of`): they take their
/// meaning from their `of` phrase.
const AMOUNT_HEADS: &[&str] = &["lot", "lots", "plenty", "bunch", "deal"];

/// Light verbs: they say something only together with their object (`have access to`, `do
/// damage to`). Without one, `X – have in – a statement` (an auxiliary `has` the parser made the
/// main verb) or `X – do on – a global scale` (`do so`) states nothing.
const BARE_LIGHT_VERBS: &[&str] = &["have", "do"];

/// Relative words that open a relative clause; a clause without one (`the fine the bank paid`)
/// has lost its object to the noun it modifies.
const RELATIVE_WORDS: &[&str] = &["which", "that", "who", "whom", "whose", "where", "when", "why", "what", "whereby"];

/// Nouns a relative clause without a relative word modifies as an adverbial, not as its object:
/// `the day he left`, `the way she spoke`, `the reason they came`.
const ADVERBIAL_ANTECEDENTS: &[&str] = &["time", "way", "reason", "place", "moment", "day", "year", "week", "month", "night", "morning", "evening", "hour", "minute", "era", "period", "season"];

/// Tree signals that the parser failed on the clause of `p`, so any fact read from it is garbled
/// (each reason is a class of parse failure, not a sentence):
/// - `two-objects`: a verb with two direct objects (`made the tax a central issue` parsed as
///   `made – tax` and `made – issue`): the second is a predicative complement the fact drops, and
///   `made – tax` says nothing the sentence says.
/// - `extraposed-it`: `consider it unwise for X to go`, `made it possible for Y to …`: the object
///   `it` stands for a clause; a fact from the verb and the adjective reads the infinitive's
///   subject as the object.
/// - `dropped-complement`: an object with an adjective complement after a complex-transitive
///   verb (`made stocks available`, `found him guilty`, `left the door open`): `make – stocks`
///   drops what the sentence says of them. A casualty state after `leave` (`left nine dead`)
///   joins the relation instead (`leave dead – nine`, see `triples`).
/// - `light-verb-bare`: `have`/`do` with no object ([`BARE_LIGHT_VERBS`]).
/// - `object-gap-relative`: a relative clause with a subject and no relative word, object or
///   stranded preposition (`the fine the bank paid in a second case`): its object is the noun
///   it modifies, which the fact leaves out (`bank – pay in – case`).
/// - `argument-holds-governor`: an argument span that contains a verb governing the predicate
///   (`plans – announce – the firm had not`): the argument crosses the clause boundary.
fn garbled_clause(tr: &Tree, p: &Prop) -> Option<&'static str> {
    let v = p.pred;
    // only on verbs that take two complements (`made X a theme`, `called it a mess`, `granted
    // him a pardon`) and with the second right after the first: a far second object is a phrase
    // the parser misattached (`sanctioned Iran earlier in the month over plots`), which leaves
    // the first fact sound
    // the fact keeps the second (`named the plan Dawn` → `name – Dawn`, `granted him a pardon`
    // → `grant – pardon`) only where the second is a name or the thing given
    let objs: Vec<usize> = tr.kids(v).filter(|&k| tr.base(k) == "obj").collect();
    let fact_object = p.slots.iter().find(|s| s.kind == Kind::Obj).map(|s| s.part.head);
    let pair = objs.windows(2).find(|w| adjacent(tr, w[0], w[1]));
    if let Some(w) = pair.filter(|_| tr.lemma_is(v, TWO_COMPLEMENT_VERBS)) {
        let keeps_second = fact_object == Some(w[1]) && !tr.lemma_is(v, PREDICATIVE_VERBS);
        if !keeps_second {
            return Some("two-objects");
        }
    }
    // `it` stands for a clause only when one follows (`named it Dawn` names the thing itself)
    let expletive_obj = tr.kids(v).any(|k| tr.base(k) == "obj" && tr.lemma_is(k, &["it"]));
    let predicate = tr.kids(v).find(|&k| tr.base(k) == "xcomp" && matches!(tr.upos(k), "ADJ" | "NOUN"));
    let clause_after = |x: usize| {
        tr.kids(x).chain(tr.kids(v)).any(|k| k > x && tr.upos(k) == "VERB" && matches!(tr.base(k), "xcomp" | "advcl" | "ccomp" | "csubj"))
    };
    if expletive_obj && predicate.is_some_and(clause_after) {
        return Some("extraposed-it");
    }
    // `made stocks available`, `found him guilty`, `left the door open`: the fact keeps the
    // object and drops what the sentence says of it (`make – stocks`)
    // (the graph renders an object and an adjective complement as `make – stocks` only)
    // (`left nine dead`: a casualty state joins the relation, see `triples`)
    let dropped_complement = predicate.is_some_and(|x| {
        tr.upos(x) == "ADJ"
            && (tr.lemma_is(v, PREDICATIVE_VERBS) || tr.lemma_is(v, &["keep", "leave", "find"]))
            && !p.rel.contains(&x)
            && !super::triples::casualty_state(tr, v, x)
    });
    if dropped_complement && p.slots.iter().any(|s| s.kind == Kind::Obj) {
        return Some("dropped-complement");
    }
    let has_object = p.slots.iter().any(|s| matches!(s.kind, Kind::Obj | Kind::Iobj | Kind::Comp | Kind::Clause));
    if !has_object
        && tr.lemma_is(v, BARE_LIGHT_VERBS)
        && matches!(tr.upos(v), "VERB" | "AUX")
        && !tr.kids(v).any(|k| matches!(tr.base(k), "xcomp" | "ccomp" | "obj"))
    {
        return Some("light-verb-bare");
    }
    if object_gap_relative(tr, v) {
        return Some("object-gap-relative");
    }
    let governs = |k: usize| matches!(tr.upos(k), "VERB" | "AUX") && k != v && tr.ancestor_of(k, v);
    let parts = std::iter::once(&p.subj).chain(p.slots.iter().map(|s| &s.part));
    if parts.flat_map(|part| part.toks.iter()).any(|&k| governs(k)) {
        return Some("argument-holds-governor");
    }
    None
}

/// Verbs that take an object and a second complement, a predicate (`made X a theme`, `called
/// it a mess`, `elected her chair`) or a thing given (`granted him a pardon`): general English,
/// the complex-transitive and ditransitive verbs. With both parsed as objects, the fact keeps
/// one and drops what the sentence says of it.
const TWO_COMPLEMENT_VERBS: &[&str] = &[
    "make", "call", "name", "consider", "deem", "declare", "label", "dub", "term", "brand", "elect", "appoint",
    "render", "crown", "proclaim", "grant", "give", "offer", "award", "hand", "send", "show", "tell", "teach",
    "owe", "deny", "promise", "lend", "sell", "bring", "buy", "cost",
];

/// Of [`TWO_COMPLEMENT_VERBS`], those whose second complement says what the first is (`made
/// housing a theme`): the second alone (`make – theme`) is no fact either.
const PREDICATIVE_VERBS: &[&str] = &["make", "consider", "deem", "declare", "label", "brand", "term", "elect", "appoint", "render", "crown", "proclaim"];

/// Verbs that take a listener and then a clause (`told the board the plant would close`,
/// `assured voters taxes would fall`): general English, the verbs of telling, informing and
/// persuading. With no `that`, the parser may run the listener into the clause.
const LISTENER_CLAUSE_VERBS: &[&str] = &[
    "tell", "inform", "assure", "reassure", "warn", "remind", "notify", "advise", "brief", "show", "convince",
    "persuade", "promise", "teach", "write", "email", "text",
];

/// The listener a verb of telling ([`LISTENER_CLAUSE_VERBS`]) lost to its clause: `told the
/// Courier four workers were hurt` parsed with `Courier` as the subject of `workers`, the
/// object of `told`. A noun takes a subject only as a predicate, never as an object, so the
/// parser ran the listener into the reported clause: the object noun's subject, placed first,
/// is the listener, and the rest (`tell – Courier four workers`, the statement `were hurt`)
/// is glued or cut. Returns (object, listener).
pub(crate) fn listener_run_into_clause(tr: &Tree, v: usize) -> Option<(usize, usize)> {
    if v >= tr.len() || !tr.lemma_is(v, LISTENER_CLAUSE_VERBS) {
        return None;
    }
    tr.kids(v).find_map(|o| {
        if !matches!(tr.base(o), "obj" | "iobj") || !matches!(tr.upos(o), "NOUN" | "PROPN" | "NUM" | "SYM" | "PRON") {
            return None;
        }
        // (with a copula the object is the clause's predicate and its subject the clause's own:
        // `told CNN the towns were X`; the listener is then elsewhere in the subject)
        if tr.kids(o).any(|k| tr.base(k) == "cop") {
            return None;
        }
        let s = tr.kids(o).find(|&k| matches!(tr.base(k), "nsubj" | "csubj"))?;
        (s > v && s < o && matches!(tr.upos(s), "NOUN" | "PROPN" | "PRON")).then_some((o, s))
    })
}

/// Whether the phrase of `b` starts right after the phrase of `a` ends (quotation marks aside).
pub(crate) fn adjacent(tr: &Tree, a: usize, b: usize) -> bool {
    let all = |_: usize| false;
    let (pa, pb) = (tr.phrase(a, &all), tr.phrase(b, &all));
    let (Some(&end), Some(&start)) = (pa.iter().max(), pb.iter().min()) else { return false };
    end < start && (end + 1..start).all(|k| is_quote(tr.form(k)))
}

/// Whether verb `v` heads a relative clause whose gap is its object (see [`garbled_clause`]).
fn object_gap_relative(tr: &Tree, v: usize) -> bool {
    let a = tr.head[v];
    if tr.rel(v) != "acl:relcl" || tr.upos(v) != "VERB" || a == NONE || tr.upos(a) != "NOUN" {
        return false;
    }
    let own_subject = tr.kids(v).any(|k| tr.rel(k) == "nsubj" && !tr.lemma_is(k, RELATIVE_WORDS));
    let relative_word = tr.kids(v).any(|k| tr.lemma_is(k, RELATIVE_WORDS) || tr.kids(k).any(|c| tr.lemma_is(c, RELATIVE_WORDS)));
    // `the house he lived in`: the stranded preposition takes the noun; `paid him`, `said it
    // rained`: the clause has its own complement
    let complement = tr.kids(v).any(|k| tr.upos(k) == "ADP" || matches!(tr.base(k), "obj" | "iobj" | "ccomp" | "xcomp") || tr.rel(k) == "aux:pass");
    let adverbial = tr.lemma_is(a, ADVERBIAL_ANTECEDENTS) || super::triples::is_date_part(tr, a);
    // the clause right after its noun (`the fine the bank paid`); a clause further on is more
    // often one the parser hung on the wrong noun (`reports of a crash after a bus hit a wall`)
    let all = |_: usize| false;
    let right_after = tr.phrase(v, &all).iter().min().is_some_and(|&s| s == a + 1);
    own_subject && !relative_word && !complement && !adverbial && right_after
}

/// Nouns that name a person only by a relation to someone else (`his client`, `the family`) or as
/// the unnamed voice of a body (`a spokesperson`, `officials`, `a source`): general English, the
/// closed class of news's anonymity formulas and relational person nouns. Occupations that take
/// part in an event (`an officer used an extinguisher`, `scientists studied X`, `the passengers
/// included a coach`, `a bystander tried to help`) are not in it:
/// annotators keep those as the only subject the article gives.
const RELATIONAL_PERSON_NOUNS: &[&str] = &[
    "client", "family", "source", "resident", "relative", "neighbour", "neighbor", "witness", "eyewitness",
    "friend", "colleague", "insider", "acquaintance", "spokesperson", "spokesman", "spokeswoman", "official",
];

/// Possessive pronouns: `his client` anchors the noun to a person but still names no one.
const POSSESSIVE_PRONOUNS: &[&str] = &["his", "her", "their", "its", "our", "my", "your"];

/// Whether a subject headed by `h` is a bare relation or anonymous-voice noun (`a spokesperson`,
/// `his client`, `officials`, `the family`): a lowercase common noun of
/// [`RELATIONAL_PERSON_NOUNS`] with only determiners, possessive pronouns and punctuation beside
/// it. A definite title (`the spokesman`) is left to coreference, which ties it to the named
/// holder; any modifier (`the agency's spokesperson`, `a senior official`, `two
/// residents`) or a name keeps the fact.
fn vague_role_subject(tr: &Tree, h: usize, toks: &[usize]) -> bool {
    let lemma = tr.lemma(h).to_lowercase();
    let lower = tr.form(h).chars().next().is_some_and(char::is_lowercase);
    // `Dr Quell and colleagues`: the first conjunct names who
    if tr.upos(h) != "NOUN" || !lower || tr.base(h) == "conj" || !RELATIONAL_PERSON_NOUNS.contains(&lemma.as_str()) {
        return false;
    }
    let plain = |k: usize| {
        k == h || tr.is_punct(k) || (tr.upos(k) == "DET" && !tr.lemma_is(k, &["no", "each", "every"])) || tr.form_is(k, POSSESSIVE_PRONOUNS)
    };
    // the tree's dependents too: a name in apposition (`an eyewitness, Quell Marr,`) or a relative
    // clause the subject span left out still says who
    let bare = toks.iter().all(|&k| plain(k)) && tr.kids(h).all(plain);
    // `the spokesman`: a definite title is coreference's to tie to its holder
    let definite = toks.iter().any(|&k| k < h && tr.lemma_is(k, &["the", "this", "that"]));
    bare && !(definite && crate::resolve::names::is_title_word(&lemma))
}

/// Whether relation word `k` is part of a name the parser split (`returned to Seal Island` read
/// as `seal – Island`, `the Quell General Assembly` as `general of`): capitalised inside the
/// sentence (not after a quotation mark or colon, not an all-capitals emphasis like `IN`) next to
/// another capitalised word.
/// A relation word that is the second half of a hyphenated compound (`a two-time champion`,
/// `Tarn-loving fans`, `the Norvia-led talks`, `a 14-hour drive`): the compound describes a
/// noun, it is no verb or noun of the clause's relation. After an adverb or `self` the word is
/// the verb still (`well-known for`, `self-isolating from`), and so is `X-based` read as a
/// place (`based in`, with the place as an oblique).
fn hyphen_part(tr: &Tree, p: &Prop, k: usize) -> bool {
    if k < 2 || k >= tr.len() || tr.form(k - 1) != "-" || tr.t[k - 2].space_after || tr.t[k - 1].space_after {
        return false;
    }
    let w = k - 2;
    if p.rel.contains(&w) || tr.is_punct(w) || tr.upos(w) == "ADV" || tr.form_is(w, &["well", "best", "better", "self", "ill"]) {
        return false;
    }
    !(tr.lemma_is(k, &["base"]) && p.slots.iter().any(|s| s.kind == Kind::Obl))
}

fn name_part(tr: &Tree, k: usize) -> bool {
    let capital = |i: usize| tr.form(i).chars().next().is_some_and(char::is_uppercase);
    let all_caps = tr.form(k).chars().all(|c| !c.is_lowercase());
    let opens = (0..k).rev().find(|&i| !tr.is_punct(i) || is_quote(tr.form(i)) || tr.form(i) == ":").is_none_or(|i| is_quote(tr.form(i)) || tr.form(i) == ":");
    let next_capital = k + 1 < tr.len() && capital(k + 1) && !tr.is_punct(k + 1);
    let prev_capital = k > 0 && capital(k - 1) && !tr.is_punct(k - 1) && !is_quote(tr.form(k - 1));
    k < tr.len() && capital(k) && !all_caps && !opens && (next_capital || prev_capital)
}

/// Whether verb `v` is a past participle used as an adjective on the noun after it: tagged
/// `VBN`, with no auxiliary, copula or subject of its own (a real perfect or passive has one;
/// `having captured …` is a verb), an object that starts right after it without a determiner
/// (`captured rebels`, not `captured the town`), and before it (adverbs aside) a word after
/// which no clause starts: a preposition, determiner, adjective, number, or a gerund whose object
/// it then is (`guarding captured rebels`).
fn participle_modifier(tr: &Tree, v: usize) -> bool {
    if tr.t[v].xpos != "VBN" || v == 0 || v + 1 >= tr.len() {
        return false;
    }
    // a gerund hung on the participle as `aux:pass` (`guarding captured …`) is no auxiliary
    let own = tr.kids(v).any(|k| matches!(tr.base(k), "cop" | "nsubj" | "csubj" | "expl") || (tr.base(k) == "aux" && is_auxiliary(tr, k)));
    let bare_object = tr
        .kids(v)
        .any(|o| {
            // a name may modify the noun (`captured rebel fighters`, `captured Norland fighters`)
            // but not be the object (`elected Holt`)
            let name_ok = tr.upos(v + 1) != "PROPN" || tr.upos(o) == "NOUN";
            tr.base(o) == "obj" && tr.ancestor_of(o, v + 1) && !matches!(tr.upos(v + 1), "DET" | "PRON") && name_ok
        });
    // adverbs in between do not count (`the newly elected`); at the start of the sentence a
    // clause may begin (`Currently ranked 27th, she …`)
    let Some(before) = (0..v).rev().find(|&k| tr.upos(k) != "ADV") else {
        return false;
    };
    let no_clause_before =
        matches!(tr.upos(before), "ADP" | "DET" | "ADJ" | "NUM") || (tr.t[before].xpos == "VBG" && !is_auxiliary(tr, before));
    !own && bare_object && no_clause_before
}

/// Verbs whose bare past participle on a noun gives the noun's name (`a woman named Ana
/// Ruiz`, `a firm called Blue Harbor`, `a ship dubbed the Ark`): general English, the verbs
/// of naming.
const NAMING_VERBS: &[&str] = &["name", "call", "dub", "nickname"];

/// A naming participle on a name (`Vellin, nicknamed the "Tarn Tiger",`): a bare `VBN` modifier
/// of a proper noun set off by a comma, with no auxiliary or subject of its own (without the
/// comma it may be a finite verb the parser read as a modifier: `The Tarn Board named the river`).
fn nickname_participle(tr: &Tree, v: usize) -> bool {
    let h = tr.head[v];
    let comma = (0..v).rev().find(|&k| tr.upos(k) != "ADV").is_some_and(|k| tr.form(k) == ",");
    h != NONE
        && comma
        && tr.rel(v) == "acl"
        && tr.t[v].xpos == "VBN"
        && tr.upos(h) == "PROPN"
        && tr.lemma_is(v, NAMING_VERBS)
        && !tr.kids(v).any(|k| matches!(tr.base(k), "aux" | "cop" | "nsubj" | "expl"))
}

/// Whether token `m` lies in the nickname a naming participle gives a name (its complement).
fn in_nickname(tr: &Tree, m: usize) -> bool {
    let mut a = m;
    for _ in 0..tr.len() {
        if a >= tr.len() || tr.head[a] == NONE {
            return false;
        }
        let v = tr.head[a];
        if matches!(tr.base(a), "obj" | "xcomp") && nickname_participle(tr, v) {
            return true;
        }
        a = v;
    }
    false
}

/// Verbs whose bare past participle with an `as` phrase gives the noun's name (`the victim,
/// identified as Ana Ruiz,`): general English, the verbs of identifying someone by name.
const IDENTIFYING_VERBS: &[&str] = &["identify", "name"];

/// The name that naming participle `v` gives the noun it modifies: `v` is a `VBN` modifier (`acl`)
/// of a common noun, a naming verb with no auxiliary or subject of its own, and its complement
/// after it is a proper noun (`a man named Tom Reed`), or an identifying verb whose `as` phrase
/// after it is one (`the gunman, identified as Tom Reed,`). None for a finite or passive clause
/// (`he was named chairman`, `the gunman was identified as Tom Reed`) and for a relative clause
/// (`the firm that called Ana Ruiz`).
/// `41 pledged delegates`, `2,741 confirmed cases`: a participle between a count and the noun
/// counted describes the noun, whatever tag (`VBD`) or subject (the possessor in `the state's 41
/// pledged delegates`) the parser gave it; a year before a verb (`in 2016 won seats`) is no count.
fn counted_participle(tr: &Tree, v: usize) -> bool {
    if !matches!(tr.t[v].xpos.as_str(), "VBN" | "VBD") || v == 0 || v + 1 >= tr.len() {
        return false;
    }
    let b = v - 1;
    let form = tr.form(b);
    let digits: String = form.chars().filter(|c| *c != ',').collect();
    let year = form.len() == 4 && digits.parse::<u32>().is_ok_and(|y| (1500..=2100).contains(&y));
    let count = tr.upos(b) == "NUM" && digits.chars().all(|c| c.is_ascii_digit()) && !digits.is_empty() && !year;
    let aux = tr.kids(v).any(|k| tr.base(k) == "aux" && is_auxiliary(tr, k));
    count && !aux && tr.upos(v + 1) == "NOUN" && tr.head[v + 1] == v && tr.base(v + 1) == "obj"
}

pub(crate) fn naming_participle(tr: &Tree, v: usize) -> Option<usize> {
    if v >= tr.len() {
        return None;
    }
    let h = tr.head[v];
    if h == NONE || h > v || tr.rel(v) != "acl" || tr.t[v].xpos != "VBN" || tr.upos(h) != "NOUN" {
        return None;
    }
    let naming = tr.lemma_is(v, NAMING_VERBS);
    let identifying = tr.lemma_is(v, IDENTIFYING_VERBS);
    if !(naming || identifying) || tr.kids(v).any(|k| matches!(tr.base(k), "aux" | "cop" | "nsubj" | "expl")) {
        return None;
    }
    let as_phrase = |k: usize| matches!(tr.base(k), "obl" | "xcomp" | "advcl") && tr.kids(k).any(|c| c < k && tr.base(c) == "case" && tr.lemma_is(c, &["as"]));
    tr.kids(v).find(|&k| {
        k > v && tr.upos(k) == "PROPN" && ((naming && matches!(tr.base(k), "xcomp" | "obj") && !as_phrase(k)) || (identifying && as_phrase(k)))
    })
}

/// An auxiliary proper: a form of `be`, `have`, `get` or `do`, or a modal (`having captured`,
/// `being given`, `will`), as opposed to a full verb the parser labelled as one.
fn is_auxiliary(tr: &Tree, k: usize) -> bool {
    tr.lemma_is(k, &["be", "have", "get", "do"]) || tr.t[k].xpos == "MD"
}

/// An object worth a node: headed by a noun, name, pronoun, number or symbol (`come from
/// different` with an adjective parsed as the oblique is not). An adjective with an article is
/// a noun phrase the tagger read as an adjective (`won the final`, `helped the wounded`).
pub(crate) fn nominal_object(tr: &Tree, h: usize) -> bool {
    h >= tr.len()
        || !matches!(tr.upos(h), "ADJ" | "ADV" | "ADP" | "PART" | "CCONJ" | "SCONJ" | "DET" | "AUX" | "VERB" | "INTJ")
        || adjective_as_noun(tr, h)
        || judged_gerund(tr, h)
}

/// A gerund after `of`/`for`/`with` that its governor judges or charges (`convicted of stealing
/// the jewels`): the deed is the verdict's argument, as a noun would be (`convicted of theft`).
pub(crate) fn judged_gerund(tr: &Tree, h: usize) -> bool {
    tr.upos(h) == "VERB"
        && tr.t[h].xpos == "VBG"
        && tr.base(h) == "advcl"
        && tr.kids(h).any(|k| k < h && tr.base(k) == "mark" && tr.lemma_is(k, &["of", "for", "with"]))
}

/// `the final`, `the wounded`, `a non-profit`: an adjective after an article with no noun of its
/// own, which is the noun phrase's head. Not a comparative or superlative (`the longest`, `the
/// best`) nor an adjective that stands for a noun said elsewhere (`the same`, `the next`, `the
/// whole`, `in the open`), and not when a noun hangs on it from the left (a broken parse).
fn adjective_as_noun(tr: &Tree, h: usize) -> bool {
    const ELLIPTICAL: [&str; 16] = [
        "same", "next", "whole", "open", "other", "last", "first", "latter", "former", "following", "rest", "entire", "opposite",
        "contrary", "previous", "latest",
    ];
    tr.upos(h) == "ADJ"
        && !matches!(tr.t[h].xpos.as_str(), "JJR" | "JJS")
        && !tr.lemma_is(h, &ELLIPTICAL)
        && tr.kids(h).any(|k| k < h && tr.base(k) == "det" && tr.lemma_is(k, &["the", "a", "an"]))
        && !tr.kids(h).any(|k| k < h && matches!(tr.upos(k), "NOUN" | "PROPN"))
}

/// A word an editor changed inside brackets (`[w]e`, `destroy[ed]`): the tokens around the
/// bracket are pieces of one word, so the head is not a word of its own.
fn bracket_edited(tr: &Tree, h: usize) -> bool {
    let n = tr.len();
    let glued = |a: usize| a < n && !tr.t[a].space_after;
    h < n && ((h > 0 && matches!(tr.form(h - 1), "]" | "[") && glued(h - 1)) || (h + 1 < n && matches!(tr.form(h + 1), "[" | "]") && glued(h)))
}

/// Last words that end no noun phrase: articles, prepositions, coordinators and possessive
/// pronouns (general English, closed classes).
const PHRASE_CUT_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "by", "about", "into", "onto", "over", "under",
    "as", "than", "and", "or", "but", "nor", "his", "her", "its", "their", "our", "my", "your",
];

/// Why a rendered triple's subject or object label cannot be a node, or `None`:
/// `possessor-only` for a label that ends in a possessive `'s` (`Kingdom's – net – seats` from
/// `the Kingdom's (UK) party netted seats` with the party hung elsewhere, `let's` as `'s`), and
/// `argument-cut` for a label of two words or more that ends in an article, a preposition, a
/// coordinator or a possessive pronoun (`become – one of the`, `go to – polls in a`): a phrase
/// cut before its head. A speech act's statement is not a label.
pub(crate) fn cut_label(t: &crate::document::OpenTriple) -> Option<&'static str> {
    let labels = std::iter::once(&t.subject.text).chain(t.object.as_ref().filter(|_| t.rule != super::SPEECH_RULE).map(|o| &o.text));
    for text in labels {
        let text = text.trim_end_matches(|c: char| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ']' | '"' | '”'));
        // a bracketed acronym after the possessor (`Kingdom's (UK)`) goes with it
        let text = match text.strip_suffix(')').and_then(|t| t.rfind('(').map(|i| t[..i].trim_end())) {
            Some(before) if !before.is_empty() => before,
            _ => text.trim_end_matches(')'),
        };
        if text.ends_with("'s") || text.ends_with("’s") {
            return Some("possessor-only");
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.len() > 1 && words.last().is_some_and(|w| PHRASE_CUT_WORDS.iter().any(|c| c.eq_ignore_ascii_case(w))) {
            return Some("argument-cut");
        }
    }
    None
}

/// First words that open an adverbial phrase or clause, never a node's name: prepositions and
/// subordinators (general English, closed classes).
const OPENING_CUT_WORDS: &[&str] = &[
    "of", "in", "on", "at", "to", "for", "from", "with", "by", "about", "into", "onto", "over", "under", "as", "than",
    "according", "because", "although", "though", "while", "whereas", "unless", "if", "since", "until", "after",
    "before", "during", "despite",
];

/// Of [`OPENING_CUT_WORDS`], the prepositions: a subject label that opens with one holds a
/// prepositional phrase (`by both parties – boycott – vote`); a subordinator there may be a stray
/// mark on a pronoun the resolver still reads (`if she and Vell win`).
const OPENING_PREPOSITIONS: &[&str] = &[
    "of", "in", "on", "at", "to", "for", "from", "with", "by", "about", "into", "onto", "over", "under", "according",
    "during", "despite",
];

/// Of [`OPENING_CUT_WORDS`], those that open an aside or a comparison whatever the relation
/// (`was cancelled – as was another game`, `make – according to prosecutors`).
const ASIDE_OPENERS: &[&str] = &["according", "as", "because", "although", "though", "while", "whereas", "unless", "of"];

/// Why a rendered triple's label opens with a preposition or subordinator, or `None`
/// (`argument-opens-adverbial`): a subject that starts with one (`at the panel, speakers –
/// share – insights`, `according to varying reports – follow – …`) is an adverbial the parser
/// glued to the noun or read as the subject; so is the object of a class or nominal fact (`X – is
/// a – of no effect`, `X – is a – in a Facebook post`, `X – is a – such as seals`) and an aside
/// after any relation (`was cancelled – as was another game`). A lowercase first word only: a
/// title inside the sentence keeps its capital (`Of Mice and Men`). Not for a speech act's
/// statement nor an object that is a clause (`claimed – as a lender, the state has …`).
pub(crate) fn opening_cut(tr: &Tree, t: &crate::document::OpenTriple) -> Option<&'static str> {
    if t.rule == super::SPEECH_RULE {
        return None;
    }
    let opener = |text: &str, words: &[&str]| {
        let w: Vec<&str> = text.split_whitespace().collect();
        w.len() > 1
            && w[0].chars().next().is_some_and(|c| c.is_lowercase())
            && (words.contains(&w[0]) || (w[0] == "such" && w[1] == "as"))
    };
    if opener(&t.subject.text, OPENING_PREPOSITIONS) && !opens_with_bound(tr, &t.subject) {
        return Some("argument-opens-adverbial");
    }
    let o = t.object.as_ref()?;
    if opens_with_bound(tr, o) {
        return None;
    }
    if o.head < tr.len() && matches!(tr.upos(o.head), "VERB" | "AUX") {
        return None;
    }
    let class = t.key.verb.as_deref().is_none_or(|v| v == "be") && t.key.prep.is_none();
    // `class-number`: a class that is a bare number word (`the deceased were aged nine, ten, …`
    // read as `deceased – is a – nine`) names no class (digits are quantities: `was 95` stays)
    if class && o.head < tr.len() && tr.upos(o.head) == "NUM" && !o.text.contains(' ') && o.text.chars().all(|c| c.is_ascii_lowercase()) {
        return Some("class-number");
    }
    (opener(&o.text, if class { OPENING_CUT_WORDS } else { ASIDE_OPENERS })).then_some("argument-opens-adverbial")
}

/// Whether label `a` opens with the bound of its amount (`over 40 farmers`, `at least 40
/// farmers`): a preposition there is part of the amount, no adverbial.
fn opens_with_bound(tr: &Tree, a: &crate::document::Argument) -> bool {
    let f = a.tokens.start;
    f < tr.len() && (super::rules::amount_bound(tr, f) || (tr.base(f) == "case" && tr.head[f] < tr.len() && super::rules::amount_bound(tr, tr.head[f])))
}

/// `age-bound`: a number that is the bound of an age group, not a person's age: one end of a
/// range (`voters between the ages of 18 and 29`, `youths aged 16 to 18`) or a threshold (`men
/// over the age of 18`, `justices under the age of 70`).
fn age_bound(tr: &Tree, i: usize) -> bool {
    let n = tr.len();
    if i >= n {
        return false;
    }
    let f = |k: usize| tr.form(k).to_lowercase();
    let range_after = i + 2 < n && matches!(f(i + 1).as_str(), "to" | "and" | "or" | "-" | "–") && tr.upos(i + 2) == "NUM";
    let between = i >= 1 && f(i - 1) == "between";
    let of_age = i >= 2 && f(i - 1) == "of" && matches!(f(i - 2).as_str(), "age" | "ages");
    let threshold = of_age && (f(i - 2) == "ages" || (i >= 4 && f(i - 3) == "the" && matches!(f(i - 4).as_str(), "over" | "under" | "above" | "below" | "between")));
    range_after || between || threshold
}

fn is_possessive(form: &str) -> bool {
    matches!(form, "'s" | "'" | "’s" | "’")
}

#[cfg(test)]
mod tests;
