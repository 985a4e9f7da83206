//! Parse repairs: a few well-known, local attachment errors of the dependency parser, fixed on a
//! copy of the tokens before the rules run. Each repair is structural (it looks at tags and
//! relations, never at particular words beyond closed classes) and keeps the tree a tree; if the
//! result were not a tree, the parser's tree is used unchanged.
//!
//! 1. `possessive`: `one of the Andes' largest mines` with `mines` attached far away:
//!    the noun after a possessive marker becomes the possessor's head (`States` → `nmod:poss`).
//! 2. `pp-root`: a prepositional phrase parsed as the root (`For two years, Chile
//!    has grown …` with `decades` as root): the clause with its own subject becomes the root and
//!    the phrase an `obl` of it; later dependents of the phrase move to the clause.
//! 3. `inverted-report`: `…, said police in Lima` parsed as a conjunct of the main
//!    clause: the reporting verb becomes the root, the clause its `ccomp`, its object its subject.
//! 4. `conj-pp`: `sanctions on Peru and tariffs on Chile` with `on Chile` attached to the
//!    first conjunct: a prepositional modifier after the second conjunct attaches to it.
//! 5. `title-head`: `Trade Minister Ana Soto` parsed with the title as head and the name
//!    as `flat`: the name's first word becomes the head, the title a `compound` of it.
//! 6. `pp-root-deep`: a fronted phrase parsed as the root with the main clause buried under it
//!    (`On Friday, the envoy, a former judge, signed the pact` with `signed` as an `acl` of `judge`):
//!    the first finite verb after the phrase's comma (outside brackets) becomes the root, the phrase an `obl` of it,
//!    and, when the verb has no subject, the first nominal after the comma its subject (later
//!    nominals between commas its appositions). The fronted phrase may be a bare time phrase
//!    (`Last week, on May 8, the firm announced …`); a second fronted phrase hung on the subject
//!    goes with the verb.
//! 7. `fronted-subject`: `On Monday, Lena Marsh, the mayor, opened …` (or `Yesterday, Lena Marsh
//!    opened …`) with the name parsed as an apposition (or a comma conjunct, or a `flat` part after the comma) of the fronted date and the verb left without a subject:
//!    the first of them becomes the verb's `nsubj`, the later ones appositions of it; a conjunct with a preposition of its own
//!    (`…, along with Ivo Oster,`) becomes an oblique of the verb. The fronted
//!    adjunct may be a bare time phrase (`Early Saturday morning, police in Brelk responded …`),
//!    the name an apposition of a noun inside it (`In response to the fire, Lena Marsh, the mayor,
//!    ordered …`), and a "subject" with a preposition of its own (`in the eastern Vela Hills`) is
//!    a misread oblique that leaves the verb without one.
//! 8. `object-with-case`: `appeared in the district court` with `court` parsed as `obj` although
//!    it has a preposition: a verb's object never has one, so it becomes an `obl`.
//! 9.–11. `dated-subject`, `reduced-relative`, `place-under-date` (`repair_clause`).
//! 12.–13. `cut-report`, `report-under-time` (`repair_report`).
//! 14. `clause-as-pp`, 87. `clause-as-own-pp`, 16. `for-subject` (`repair_clause`).
//! 15. `conj-pp-same-prep`: `worked for X under the name Y and for Z` with `for Z` coordinated onto
//!    a noun inside the first oblique (`Y`): a conjunct with its own preposition, the same as the
//!    verb's oblique above it, is a conjunct of that oblique (`for X and for Z`).
//! 17. `close-appos`: `the leader of the rebel faction The Iron Circle` with the name hung as an
//!    apposition of a noun further left: a name that follows a common noun with no comma between
//!    (a close apposition) names that noun, so it becomes the noun's apposition.
//! 18. `according-to`: `X opened a plant in Ohio, according to the Courier` with the source hung
//!    on a noun of the clause (an apposition of `Ohio`): a noun takes no `according to`, so after a
//!    comma, at the end of the sentence, the source becomes an `obl` of the nearest predicate above
//!    that noun (and the clause's facts are
//!    then reported, attributed to it). Fronted (`According to the Courier, X opened …`) with the
//!    clause's subject parsed as a comma conjunct of the source and the verb left without one:
//!    that conjunct becomes the verb's subject.
//! 44. `owing-to` (`repair_event`, after 18): `withheld owing to privacy laws` with `owing` read as
//!    a participle: a complex preposition, the `case` of its noun.
//! 19. `fronted-participle` (`repair_participle`): `When asked about X, the mayor …` with the
//!    participle tagged as a finite past or the subordinator hung on the main verb.
//! 21. `phrase-participle` (`repair_participle`): `In a paper released Monday in X, scientists
//!    described …` with the participle read as the sentence's root (or as the main verb's clausal
//!    complement) and the main clause hung under it.
//! 22. `vocative-subject` (`repair_clause`).
//! 74. `fronted-pp-subject` (`repair_clause`, after 18): `According to X, the mayor, Ivo Oster, said`
//!    with the fronted noun read as the subject: its comma apposition is the subject.
//! 75. `turn-header` (`repair_clause`, after 74): `((Mara Vellin)) I met …` with the header name an
//!    argument of the verb: it is a `parataxis`.
//! 23. `title-run` (`repair_title`): `Norvia First Minister Lena Corvic said` headed by the place (or
//!    with the role phrase split off as an oblique): the name heads the phrase, the role its `compound`.
//! 24. `content-that` (`repair_clause`): `the news that X had left the party` parsed as a relative
//!    clause with `that` as an argument: `that` becomes the content clause's `mark`.
//! 25. `ing-subject` (`repair_clause`): `A truck carrying fuel overturned …` with no verb as the
//!    root: the past form becomes the root, the opening noun its subject.
//! 26. `fronted-date-nmod` (`repair_clause`).
//! 27. `descriptor-list`, 28. `place-apposition`, 29. `ing-root` (`repair_nominal`).
//! 30. `stranded-conjunct` (`repair_coord`): `Vell as well as Tarrow were fined` with the second
//!     name read as a second subject of the verb.
//! 31. `appos-conjunct` (`repair_coord`): `Vell, a judge, and Tarrow were fined` with `Tarrow`
//!     hung on the apposition.
//! 32. `person-pair` (`repair_coord`): `Vell of the Tarn Institute and Tarrow of Brelt Tours` with
//!     `Tarrow` hung on the institute.
//! 33. `and-name` (`repair_name`, run first): `the chairman of the Senate Energy and Natural
//!    Resources Committee` with the words before `and` parsed as a conjunct of their own: the
//!    institution noun heads the whole name, its other words hang on it.
//! 34. `bare-subjunctive` (`repair_clause`): `ordered the flags be lowered` with the bare passive
//!    read as a conjunct of the verb.
//! 35. `participle-object` (`repair_clause`): `the party controlling the Senate matches …` with the
//!    participle's object read as a second subject.
//! 36. `copular-report` (`repair_report`): `Aides said the cost was 75 cents` with the copular
//!    clause's predicate hung on the reporting verb as its object or oblique.
//! 37. `day-object` (`repair_clause`): `findings published Wednesday in Nature` with the day word
//!    as the verb's object, or `freed from a jail Friday` with it as the noun's apposition; also
//!    a period with a deictic word as the object (`was sentenced last week`, `intending this year`).
//! 38. `time-subject` (`repair_clause`): `came two days after the council approved the plan` with
//!    the span of time as the clause's subject and the real subject an `after`-modifier of it.
//! 39. `trailing-report` (`repair_report`): `X was found unconscious, police reported Sunday` with the
//!     clause read as an adverbial clause of the reporting verb after it.
//! 48. `hyphen-compound` (`repair_nominal`, run third): `extended its stay-at-home order` with the
//!     hyphenated modifier's first word read as the verb's object.
//! 49. `report-conjunct` (`repair_report`): `X died, the ministry announced Friday` with the
//!     reporting verb read as a conjunct of the clause before it.
//! 40. `day-name` (`repair_clause`): `On Monday Lena Marsh signed the pact` (no comma) with the
//!    weekday and the name parsed as one phrase.
//! 41. `indefinite-conjunct` (`repair_coord`): `Marsh, a Senator from Tarn, won` with the role read
//!    as a comma conjunct of the name.
//! 42. `relative-agreement` (`repair_relative`): `Oster of the Tarn Foundation, which funds …` with
//!     the relative clause on the person: `which`/`who` and the verb's number pick the noun.
//! 43. `verb-subject` (`repair_report`): `The court determined Oster's record made him a risk` with
//!     the first verb as the `nsubj` of the second: it heads the sentence, the second its `ccomp`.
//! 45. `dash-aside` (`repair_dash`): `Oster — who was nicknamed Red — began writing songs` with the
//!    aside between the dashes read as the clause (or its noun as the subject): the aside hangs on
//!    the noun before it, the phrase before the dashes is the verb's subject.
//! 46. `casualty-complement` (`repair_event`): `the blast left 17 villagers dead` with `dead` read as
//!    a modifier of `villagers`: it is the complement of `leave`, as in `left nine dead`.
//! 47. `adp-head` (`repair_event`): `was named after Ben Tarrow` with the preposition as the
//!    phrase's head: the noun heads it, the preposition is its `case`.
//! 51. `subordinate-acl` (`repair_event`; 45–47 were taken): `was at the station after being
//!    detained` with the `after` clause hung on the noun: it is an `advcl` of the noun's clause.
//! 52. `shared-head` (`repair_coord`): `the inner and outer wall` with `inner` read
//!     as the head noun and the rest as its conjunct: the two modifiers share the second head.
//! 53. `topic-about` (`repair_event`): `The report is about climate change` with `about` read as
//!     the adverb of an amount: before a phrase with no number it is the topic's preposition.
//! 54. `comma-name` (`repair_name`, run second): `Ana Reyes of the University of Tarn, Vell
//!    disagreed` with the part of the name after its comma read as a phrase of its own (a second
//!    subject): the name is one phrase.
//! 55. `case-on-modifier`: `died at the Tarn Memorial Hospital`, `recorded with Ben Tarrow's band`
//!    with the preposition hung on a compound or possessor inside the phrase: a preposition that
//!    opens the phrase of an oblique, nominal modifier or object without one of its own is that
//!    phrase's `case` (an object with a preposition becomes an `obl`).
//! 56. `report-adverbial` (`repair_report`).
//! 63. `mid-report` (`repair_report`): `In May, the clerk testified, Oster hit the guard` with the
//!     reporting aside read as an adverbial clause of the clause around it: it heads that clause.
//! 57. `naming-conjunct` (`repair_participle`): `detained the man, later identified as Ivo Oster`
//!    with the participle read as a conjunct of the verb: it names the noun before the comma.
//! 58. `subject-apposition` (`repair_nominal`): `Vellin, the only candidate in a scarf, endorsed
//!    the plan` with both phrases read as subjects: the second is the first's apposition.
//! 60. `naming-root` (`repair_participle`, run last): `Vellin, nicknamed the "Tarn Tiger", won`
//!    with the participle read as the root and the nickname as the real verb's subject: the real
//!    verb heads the sentence, the participle names the noun before its comma.
//! 61. `composition-participle` (`repair_participle`): `moved to the northern region, comprising
//!    Tarn and Vell` with the participle an adverbial of the verb: it is the region's `acl`.
//! 70. `with-absolute` (`repair_participle`): `stepped down, with Ivo Oster succeeding her` with
//!    the noun hung before and the participle on the verb: the noun is the participle's subject.
//! 62. `of-title-split` (`repair_title`, after 23): `the wife of Norvia Bank chairman Ivo Oster` with
//!    the organisation (taking `of`) and the name hung side by side on `wife`: the name is the
//!    object of `of`, the organisation a `compound` of the role noun.
//! 66. `purpose-copula` (`repair_nominal`): `Our goal is to be ready and provide help` with the
//!    goal read as the subject of the infinitive's predicate: it is its `nsubj:outer`, no actor.
//! 50. `scheduled-infinitive` (`repair_nominal`, run after 66): `The council is to vote on Monday`
//!    with the `be` read as a copula of the verb: it is the verb's auxiliary, the subject its `nsubj`
//!    (not after an aim noun or a pseudo-cleft `what`).
//! 72. `relative-root` (`repair_relative`, after 42): `Ivo Oster, who joined the race in May, later
//!    backed the plan` with the subject as the root and the predicate run into the relative clause:
//!    the predicate after the comma that closes the clause heads the sentence, the noun its subject.
//! 69. `verbless-root` (`repair_clause`, after 25): `The band reunited in 2005` with the verb tagged
//!    a participle and hung on the subject noun, the sentence's root: it is the finite past verb.
//! 68. `adverbial-idiom` (`repair_event`, run fourth): `was married in turn to Ivo Oster`, `did
//!    not disclose at the time whether …` with a fixed adverbial phrase read as the verb's oblique:
//!    the preposition is an adverb of the clause, the noun its `fixed` part.
//! 71. `speech-participle` (`repair_report`, before 67): `Critics said the plan would fail, citing
//!    the audit` with the participle hung inside the reported clause: it is the speaker's.
//! 67. `infinitive-conjunct` (`repair_coord`, run last): `urged farmers not to burn the fields but
//!    rather to plough them` with the second infinitive hung on the finite verb: it is a conjunct
//!    of the first infinitive.
//! 76. `object-conjunct-clause` (`repair_coord`, after 67): `defeated the rebels and Norvia would
//!    move north` with the object read as a conjunct of the next clause's subject.
//! 78. `oblique-conjunct-clause` (`repair_coord`, after 76): `was heard in court, and the Tarn
//!    tribunal ruled …` with the next clause's subject read as a conjunct of the oblique.
//! 82. `recipient-object` (`repair_event`, before 84): `granted Ivo Oster a licence` with both
//!     noun phrases read as objects: the first is the receiver (`iobj`).
//! 84. `kin-apposition` (`repair_nominal`, run last): `X, wife of Y, a candidate` with the second
//!    description read as X's: it is Y's.
//! 89. `past-adverb-verb` (`repair_nominal`, after all others): `X, formerly a judge, lost` with
//!    `formerly` read as the root verb: it dates the apposition, and `lost` is X's verb.
//! 86. `like-clause` (`repair_clause`, run last): `I feel like the party always wins` with `like`
//!    read as the preposition of an oblique `party` and `wins` as a subjectless adverbial: `like`
//!    opens a clause whose subject is that noun, the feeler's view.
//! 93. `outcome-gerund` (`repair_participle`, after 70): `the flood led to the mayor being
//!    stranded` with the noun read as the verb's oblique: it is the gerund's subject.
//! 94. `place-pair-subject` (`repair_nominal`, after 28): `a teacher from Millbrook, Ostland said`
//!    with the larger place read as the verb's subject: it names where the city lies.

use super::lexicon::{REPORTING, TITLES};
use crate::document::Token;

/// 0-based heads (`usize::MAX` for the root) of a token slice.
pub(super) fn heads(t: &[Token]) -> Vec<usize> {
    let n = t.len();
    t.iter()
        .enumerate()
        .map(|(i, tok)| if tok.head == 0 || tok.head > n || tok.head - 1 == i { usize::MAX } else { tok.head - 1 })
        .collect()
}

pub(super) fn set_head(t: &mut [Token], i: usize, h: usize, rel: &str) {
    t[i].head = if h == usize::MAX { 0 } else { h + 1 };
    t[i].deprel = rel.to_owned();
}

pub(super) fn base(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

fn acyclic(t: &[Token]) -> bool {
    let h = heads(t);
    let n = t.len();
    (0..n).all(|mut i| {
        for _ in 0..=n {
            if h[i] == usize::MAX {
                return true;
            }
            i = h[i];
        }
        false
    })
}

pub(super) fn is_ancestor(h: &[usize], a: usize, mut x: usize) -> bool {
    for _ in 0..=h.len() {
        if x == usize::MAX {
            return false;
        }
        if x == a {
            return true;
        }
        x = h[x];
    }
    false
}

fn is_noun(t: &Token) -> bool {
    matches!(t.upos.as_str(), "NOUN" | "PROPN")
}

fn is_poss_marker(t: &Token) -> bool {
    matches!(t.form.as_str(), "'s" | "'" | "’s" | "’") && matches!(t.upos.as_str(), "PART" | "PUNCT")
}

pub(super) fn is_quote(t: &Token) -> bool {
    matches!(t.form.as_str(), "“" | "”" | "\"" | "``" | "''" | "‘")
}

/// The repaired tokens, or `None` when no repair applies (or, defensively, when the result would
/// not be a tree: then the parser's tree is used as it is). One copy of the tokens per sentence.
pub(crate) fn repair(tokens: &[Token]) -> Option<Vec<Token>> {
    let mut work = tokens.to_vec();
    let mut changed = false;
    for step in [super::repair_name::and_name as fn(&mut Vec<Token>) -> bool, super::repair_name::comma_name, super::repair_nominal::hyphen_compound, possessive, super::repair_event::adverbial_idiom, case_on_modifier, super::repair_relative::relative_agreement, super::repair_relative::relative_root, super::repair_participle::phrase_participle, pp_root, pp_root_deep, inverted_report, conj_pp, title_head, fronted_subject, object_with_case, super::repair_clause::dated_subject, super::repair_clause::reduced_relative, super::repair_clause::place_under_date, super::repair_report::verb_subject, super::repair_report::cut_report, super::repair_report::raised_object, super::repair_report::report_under_time, super::repair_report::told_relative, super::repair_clause::clause_as_pp, super::repair_clause::clause_as_own_pp, conj_pp_same_prep, super::repair_clause::for_subject, close_appos, according_to, super::repair_event::owing_to, super::repair_clause::fronted_pp_subject, super::repair_clause::turn_header, super::repair_participle::fronted_participle, super::repair_participle::quoted_participle, super::repair_clause::vocative_subject, super::repair_title::title_run, super::repair_title::of_title_split, super::repair_clause::content_that, super::repair_clause::ing_subject, super::repair_clause::verbless_root, super::repair_clause::fronted_date_nmod, super::repair_nominal::descriptor_list, super::repair_nominal::place_apposition, super::repair_nominal::place_pair_subject, super::repair_nominal::ing_root, super::repair_coord::stranded_conjunct, super::repair_coord::appos_conjunct, super::repair_coord::person_pair, super::repair_clause::bare_subjunctive, super::repair_clause::participle_object, super::repair_report::copular_report, super::repair_clause::day_object, super::repair_clause::time_subject, super::repair_report::trailing_report, super::repair_report::report_conjunct, super::repair_report::mid_report, super::repair_report::report_adverbial, super::repair_clause::day_name, super::repair_coord::indefinite_conjunct, super::repair_coord::shared_head, super::repair_dash::dash_aside, super::repair_event::casualty_complement, super::repair_event::adp_head, super::repair_event::subordinate_acl, super::repair_event::topic_about, super::repair_participle::naming_conjunct, super::repair_nominal::subject_apposition, super::repair_participle::naming_root, super::repair_participle::composition_participle, super::repair_participle::with_absolute, super::repair_participle::outcome_gerund, super::repair_nominal::purpose_copula, super::repair_nominal::scheduled_infinitive, super::repair_nominal::ago_measure, super::repair_report::time_report, super::repair_report::speech_participle, super::repair_coord::infinitive_conjunct, super::repair_coord::object_conjunct_clause, super::repair_coord::oblique_conjunct_clause, super::repair_event::recipient_object, super::repair_nominal::kin_apposition, super::repair_clause::like_clause, super::repair_nominal::past_adverb_verb, super::repair_report::verb_relative] {
        // each step writes only when it returns true
        changed |= step(&mut work);
    }
    (changed && acyclic(&work)).then_some(work)
}

/// Repair 1.
fn possessive(t: &mut Vec<Token>) -> bool {
    let mut changed = false;
    let n = t.len();
    for i in 0..n {
        let h = heads(t);
        if !is_poss_marker(&t[i]) || h[i] == usize::MAX || h[i] >= i {
            continue;
        }
        let x = h[i];
        if !is_noun(&t[x]) {
            continue;
        }
        // an acronym in brackets right after the marker (`the Tarn Union's (TU) ruling party`)
        // is the possessor's, an aside between it and the possessed noun
        let aside = bracket_aside(t, i + 1);
        let from = aside.map_or(i + 1, |(_, close)| close + 1);
        // the possessed noun: the first noun after the marker, over adjectives, numbers,
        // compounds and quotes that depend on it
        let mut nn = None;
        for j in from..n.min(from + 5) {
            if is_noun(&t[j]) && !(h[j] != usize::MAX && h[j] > j && is_noun(&t[h[j]]) && base(&t[j].deprel) == "compound") {
                nn = Some(j);
                break;
            }
            if !(matches!(t[j].upos.as_str(), "ADJ" | "NUM" | "ADV" | "NOUN" | "PROPN") || is_quote(&t[j])) {
                break;
            }
        }
        let Some(nn) = nn else { continue };
        if h[x] == nn || is_ancestor(&h, nn, x) || h[x] == usize::MAX {
            continue;
        }
        // modifiers between the marker and the noun must already belong to the noun
        if (from..nn).any(|j| !is_quote(&t[j]) && !is_ancestor(&h, nn, j)) {
            continue;
        }
        let (mut xh, mut xrel) = (h[x], t[x].deprel.clone());
        if let Some((open, close)) = aside {
            // the aside's word: the one whose head lies outside the brackets
            let Some(b) = (open + 1..close).find(|&k| h[k] == usize::MAX || !(open..=close).contains(&h[k])) else { continue };
            if (open..=close).contains(&xh) {
                // the possessor hung on the aside: the possessed noun takes the aside's place
                (xh, xrel) = (h[b], t[b].deprel.clone());
            }
            if xh != usize::MAX && (is_ancestor(&h, nn, xh) || (open..=close).contains(&xh)) {
                continue;
            }
            set_head(t, b, x, "appos");
            set_head(t, open, b, "punct");
            set_head(t, close, b, "punct");
        }
        set_head(t, nn, xh, &xrel);
        set_head(t, x, nn, "nmod:poss");
        t[i].deprel = "case".into();
        // a preposition before the possessor phrase introduces the possessed noun
        for k in 0..x {
            if h[k] == x && base(&t[k].deprel) == "case" {
                set_head(t, k, nn, "case");
            }
        }
        changed = true;
    }
    changed
}

/// A bracketed run of names or numbers opening at `open` (`(TU)`, `(Tarn Union)`): its brackets.
fn bracket_aside(t: &[Token], open: usize) -> Option<(usize, usize)> {
    if t.get(open)?.form != "(" {
        return None;
    }
    let close = (open + 1..t.len().min(open + 6)).find(|&k| t[k].form == ")")?;
    let words = (open + 1..close).all(|k| matches!(t[k].upos.as_str(), "PROPN" | "NOUN" | "NUM"));
    (close > open + 1 && words).then_some((open, close))
}

/// The root when it is a nominal with a preposition in front (a fronted phrase), and its children.
fn prepositional_root(t: &[Token], h: &[usize]) -> Option<(usize, Vec<usize>)> {
    let n = t.len();
    let r = (0..n).find(|&i| h[i] == usize::MAX && !t[i].deprel.is_empty())?;
    if !matches!(t[r].upos.as_str(), "NOUN" | "PROPN" | "NUM") {
        return None;
    }
    let kids: Vec<usize> = (0..n).filter(|&k| h[k] == r).collect();
    // `Yesterday, a jury convicted …`: a bare day word set off by a comma at the start of the
    // sentence is a fronted time phrase like `On Monday,` (the parser made it the root and the
    // subject its apposition)
    let bare_day = r == 0 && t.get(1).is_some_and(|c| c.form == ",") && is_bare_day(&t[r]);
    // `Last week, the firm announced …`: a bare time phrase opening the sentence, set off by a
    // comma, with every word before it its own (`Last`)
    let bare_time = t.get(r + 1).is_some_and(|c| c.form == ",") && (0..r).all(|k| is_ancestor(h, r, k)) && is_time_phrase(t, h, r);
    (bare_day || bare_time || kids.iter().any(|&k| k < r && base(&t[k].deprel) == "case")).then_some((r, kids))
}

/// A relative day word or weekday that stands alone as a time phrase (`yesterday`, `Monday`);
/// month names are left out (`May, the mayor, …` may be a name).
pub(super) fn is_bare_day(t: &Token) -> bool {
    let f = t.form.to_lowercase();
    matches!(f.as_str(), "yesterday" | "today" | "tonight" | "tomorrow")
        || matches!(f.as_str(), "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

/// Repair 2.
fn pp_root(t: &mut Vec<Token>) -> bool {
    let h = heads(t);
    let n = t.len();
    let Some((r, kids)) = prepositional_root(t, &h) else { return false };
    // `The base is at Wood Hall`: a prepositional predicate with its own subject or copula is right
    if kids.iter().any(|&k| matches!(base(&t[k].deprel), "nsubj" | "csubj" | "cop" | "expl")) {
        return false;
    }
    let clause = kids.iter().copied().find(|&c| {
        c > r
            && matches!(base(&t[c].deprel), "appos" | "conj" | "parataxis" | "acl" | "dep" | "list")
            && (0..n).any(|k| h[k] == c && matches!(base(&t[k].deprel), "nsubj" | "csubj"))
            && (t[c].upos == "VERB" || (0..n).any(|k| h[k] == c && base(&t[k].deprel) == "cop"))
    });
    let Some(c) = clause else { return false };
    promote_clause(t, r, c, &kids);
    true
}

/// Makes clause `c` the root with the old root `r` an `obl` of it; the old root's dependents
/// after `c` move to the clause.
fn promote_clause(t: &mut [Token], r: usize, c: usize, kids: &[usize]) {
    set_head(t, c, usize::MAX, "root");
    set_head(t, r, c, "obl");
    for &k in kids {
        if k > c {
            let rel = match base(&t[k].deprel) {
                "acl" => "advcl".to_owned(),
                _ => t[k].deprel.clone(),
            };
            set_head(t, k, c, &rel);
        }
    }
}

/// Whether token `v` heads a finite clause: a finite verb form or a finite auxiliary; a bare
/// participle counts when it has an object or oblique of its own and no agent (`…, extended
/// the lockdown`, mis-tagged past tense).
pub(super) fn finite_clause(t: &[Token], h: &[usize], v: usize) -> bool {
    if t[v].upos != "VERB" {
        return false;
    }
    let kids = || (0..t.len()).filter(move |&k| h[k] == v);
    if kids().any(|k| matches!(t[k].xpos.as_str(), "WDT" | "WP") || t[k].feats.contains("PronType=Rel")) {
        return false;
    }
    if matches!(t[v].xpos.as_str(), "VBD" | "VBZ" | "VBP") {
        return true;
    }
    if kids().any(|k| base(&t[k].deprel) == "aux" && matches!(t[k].xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD")) {
        return true;
    }
    t[v].xpos == "VBN"
        && !kids().any(|k| matches!(base(&t[k].deprel), "aux") || t[k].deprel == "obl:agent")
        && kids().any(|k| matches!(base(&t[k].deprel), "obj") || (base(&t[k].deprel) == "obl" && k > v))
        && !(0..t.len()).any(|k| h[k] != usize::MAX && h[h[k]] == v && t[k].lemma.eq_ignore_ascii_case("by") && base(&t[k].deprel) == "case")
}

/// Repair 6.
fn pp_root_deep(t: &mut Vec<Token>) -> bool {
    let h = heads(t);
    let n = t.len();
    let Some((r, kids)) = prepositional_root(t, &h) else { return false };
    if kids.iter().any(|&k| matches!(base(&t[k].deprel), "nsubj" | "csubj" | "cop" | "expl")) {
        return false;
    }
    // the fronted phrase ends at its first comma outside brackets (`At 4:42 on Monday (2042
    // Sunday, UTC), a quake struck …`)
    let mut depth = 0i32;
    let Some(comma) = (r + 1..n).find(|&k| {
        match t[k].form.as_str() {
            "(" | "[" => depth += 1,
            ")" | "]" => depth -= 1,
            _ => {}
        }
        depth <= 0 && t[k].form == ","
    }) else {
        return false;
    };
    if (r + 1..comma).any(|k| !is_ancestor(&h, r, k) || t[k].upos == "VERB") {
        return false;
    }
    let Some(v) = (comma + 1..n).find(|&v| finite_clause(t, &h, v)) else { return false };
    let has_subj = (0..n).any(|k| h[k] == v && matches!(base(&t[k].deprel), "nsubj" | "csubj" | "expl"));
    // nominals between the comma and the verb whose heads lie outside that stretch
    let tops: Vec<usize> = (comma + 1..v)
        .filter(|&x| (h[x] == usize::MAX || h[x] <= comma || h[x] >= v) && matches!(t[x].upos.as_str(), "NOUN" | "PROPN" | "PRON" | "NUM"))
        .collect();
    if !has_subj && tops.is_empty() {
        return false;
    }
    promote_clause(t, r, v, &kids);
    if !has_subj {
        let s = tops[0];
        let pass = (0..n).any(|k| h[k] == v && t[k].deprel == "aux:pass");
        set_head(t, s, v, if pass { "nsubj:pass" } else { "nsubj" });
        // a second fronted phrase between commas hung on the subject (`Last week, on May 8, the
        // firm announced …`) goes with the verb
        for k in comma + 1..s {
            if h[k] == s && matches!(base(&t[k].deprel), "obl" | "nmod") && (comma + 1..k).any(|c| h[c] == k && base(&t[c].deprel) == "case") && (k + 1..s).any(|c| t[c].form == ",") {
                set_head(t, k, v, "obl");
            }
        }
        for &y in &tops[1..] {
            if y > 0 && t[y - 1].form == "," || (y > 1 && t[y - 2].form == "," && t[y - 1].upos == "DET") || (0..y).any(|k| h[k] == y && t[k].form == ",") {
                set_head(t, y, s, "appos");
            }
        }
    }
    true
}

/// Repair 3.
fn inverted_report(t: &mut Vec<Token>) -> bool {
    let h = heads(t);
    let n = t.len();
    let Some(p) = (0..n).find(|&i| h[i] == usize::MAX && !t[i].deprel.is_empty()) else { return false };
    let v = (0..n).find(|&v| {
        v > p
            && h[v] == p
            && matches!(base(&t[v].deprel), "conj" | "parataxis")
            && t[v].upos == "VERB"
            && REPORTING.contains(&t[v].lemma.to_lowercase().as_str())
            && v > 0
            && (matches!(t[v - 1].form.as_str(), "," | "”" | "\"" | "''"))
            && !(0..n).any(|k| h[k] == v && matches!(base(&t[k].deprel), "nsubj" | "ccomp" | "cc") && k < v)
            && !(0..n).any(|k| h[k] == v && base(&t[k].deprel) == "ccomp")
    });
    let Some(v) = v else { return false };
    let speaker = (0..n).find(|&k| h[k] == v && k > v && matches!(base(&t[k].deprel), "obj" | "nsubj") && is_noun_like(&t[k]));
    let Some(s) = speaker else { return false };
    let prel = t[p].deprel.clone();
    set_head(t, v, usize::MAX, &prel);
    set_head(t, p, v, "ccomp");
    set_head(t, s, v, "nsubj");
    // the final punctuation belongs to the new root
    for k in 0..n {
        if h[k] == p && k > v && t[k].upos == "PUNCT" {
            set_head(t, k, v, "punct");
        }
    }
    true
}

fn is_noun_like(t: &Token) -> bool {
    matches!(t.upos.as_str(), "NOUN" | "PROPN" | "PRON")
}

/// Repair 15.
fn conj_pp_same_prep(t: &mut Vec<Token>) -> bool {
    let n = t.len();
    for c in 0..n {
        let h = heads(t);
        let x = h[c];
        if x == usize::MAX || base(&t[c].deprel) != "conj" || !is_noun_like(&t[c]) {
            continue;
        }
        let kid = |of: usize, rel: &str| (0..of).find(|&k| h[k] == of && base(&t[k].deprel) == rel);
        let (Some(case), Some(_)) = (kid(c, "case"), kid(c, "cc")) else { continue };
        // the verb's oblique above the conjunct's head, with the same preposition
        let mut o = x;
        let mut found = None;
        for _ in 0..6 {
            if o == usize::MAX {
                break;
            }
            if base(&t[o].deprel) == "obl" && h[o] != usize::MAX && t[h[o]].upos == "VERB" {
                found = Some(o);
                break;
            }
            o = h[o];
        }
        let Some(v) = found.map(|o| h[o]) else { continue };
        // the verb's last oblique before the conjunct with the same preposition
        let same = |o: usize| kid(o, "case").is_some_and(|k| t[k].form.eq_ignore_ascii_case(&t[case].form));
        let Some(o) = (0..c).rev().find(|&k| h[k] == v && base(&t[k].deprel) == "obl" && is_noun_like(&t[k]) && same(k)) else { continue };
        if o == x {
            continue;
        }
        set_head(t, c, o, "conj");
        return true;
    }
    false
}

/// Repair 4.
fn conj_pp(t: &mut Vec<Token>) -> bool {
    let mut changed = false;
    let n = t.len();
    for c2 in 0..n {
        let h = heads(t);
        let c1 = h[c2];
        if c1 == usize::MAX || c1 >= c2 || base(&t[c2].deprel) != "conj" || t[c2].upos != "NOUN" || t[c1].upos != "NOUN" {
            continue;
        }
        if (0..n).any(|k| h[k] == c2 && base(&t[k].deprel) == "nmod") {
            continue;
        }
        for m in c2 + 1..n {
            if h[m] == c1
                && base(&t[m].deprel) == "nmod"
                && t[m].deprel != "nmod:poss"
                && (c2 + 1..m).all(|k| is_ancestor(&h, m, k))
            {
                set_head(t, m, c2, "nmod");
                changed = true;
                break;
            }
        }
    }
    changed
}

/// Repair 5.
fn title_head(t: &mut Vec<Token>) -> bool {
    let mut changed = false;
    let n = t.len();
    for ti in 0..n {
        let h = heads(t);
        if t[ti].upos != "PROPN" || !TITLES.contains(&t[ti].form.to_lowercase().as_str()) {
            continue;
        }
        let flats: Vec<usize> = (ti + 1..n).filter(|&k| h[k] == ti && t[k].deprel == "flat").collect();
        let Some(&f) = flats.first() else { continue };
        if f != ti + 1 || t[f].upos != "PROPN" || TITLES.contains(&t[f].form.to_lowercase().as_str()) {
            continue;
        }
        let (th, trel) = (h[ti], t[ti].deprel.clone());
        set_head(t, f, th, &trel);
        set_head(t, ti, f, "compound");
        for &k in &flats[1..] {
            set_head(t, k, f, "flat");
        }
        for k in 0..n {
            if h[k] == ti && k < ti && matches!(base(&t[k].deprel), "case" | "punct" | "cc" | "mark" | "det") {
                let rel = t[k].deprel.clone();
                set_head(t, k, f, &rel);
            }
        }
        changed = true;
    }
    changed
}

/// Repair 6.
fn fronted_subject(t: &mut Vec<Token>) -> bool {
    let mut changed = false;
    let n = t.len();
    for v in 0..n {
        let h = heads(t);
        let finite = t[v].feats.contains("VerbForm=Fin") || matches!(t[v].feats.as_str(), "" | "_");
        if t[v].upos != "VERB" || !finite {
            continue;
        }
        let kids: Vec<usize> = (0..n).filter(|&k| h[k] == v).collect();
        // a "subject" before the verb with a preposition of its own (`in the eastern Vela Hills`)
        // is an oblique the parser misread: the clause has no subject yet
        let prep_subject =
            |k: usize| k < v && base(&t[k].deprel) == "nsubj" && (0..k).any(|c| h[c] == k && base(&t[c].deprel) == "case" && t[c].upos == "ADP" && !is_poss_marker(&t[c]));
        // a country after a comma read as the subject is where the fronted subject is (`Yesterday,
        // the Parliament of Vela (VP), Australia voted …`)
        let locators: Vec<usize> = kids.iter().copied().filter(|&k| k < v && base(&t[k].deprel) == "nsubj" && is_comma_locator(t, &h, k)).collect();
        if kids.iter().any(|&k| matches!(base(&t[k].deprel), "nsubj" | "csubj" | "expl") && !prep_subject(k) && !locators.contains(&k)) {
            continue;
        }
        // the fronted adjunct: an oblique before the verb that opens the clause with a preposition,
        // a bare day word (`Yesterday, Lena Marsh opened …`) or a time phrase (`Early Saturday
        // morning, police …`)
        let fronted = |k: usize| (0..k).any(|c| h[c] == k && base(&t[c].deprel) == "case") || is_bare_day(&t[k]) || is_time_phrase(t, &h, k);
        let Some(&o) = kids.iter().find(|&&k| k < v && base(&t[k].deprel) == "obl" && fronted(k)) else {
            continue;
        };
        // the name may also hang on the adjunct as a comma conjunct (`On Monday, Lena Marsh, …`
        // read as a list `Monday, Lena Marsh`): a conjunct without `and`/`or` of its own (a
        // conjunct with a preposition of its own, `…, along with Ivo Oster,`, is no apposition);
        // or as a `flat` part of the date after the comma (`On Monday, Tarrow, …` read as one
        // name); or on a noun of the adjunct (`In response to the fire, Lena Marsh, the mayor,
        // ordered …` with the name an apposition of `fire`)
        let own_case = |a: usize| (0..a).any(|c| h[c] == a && base(&t[c].deprel) == "case");
        let comma_conj = |a: usize| base(&t[a].deprel) == "conj" && !(0..n).any(|c| h[c] == a && base(&t[c].deprel) == "cc") && !own_case(a);
        let comma_flat = |a: usize| t[a].deprel == "flat" && t[a].upos == "PROPN" && (o + 1..a).any(|c| t[c].form == ",");
        let under = |a: usize| h[a] == o || (h[a] != usize::MAX && h[h[a]] == o && base(&t[h[a]].deprel) == "nmod");
        let appos: Vec<usize> =
            (o + 1..v).filter(|&a| under(a) && (t[a].deprel == "appos" || comma_conj(a) || comma_flat(a)) && is_noun_like(&t[a])).collect();
        let Some(&s) = appos.first() else { continue };
        // (the readings this repair added last, a name inside the adjunct's noun or a bare time
        // phrase, want the comma that sets the subject off: `In talks with the Vela mayor Ana Reyes`;
        // a name right after a time phrase is no apposition of it: `This morning Ana Reyes, who …,
        // died`)
        let plain = h[s] == o && ((0..o).any(|c| h[c] == o && base(&t[c].deprel) == "case") || is_bare_day(&t[o]) || named_after_time(t, &h, o, s));
        if (!plain && !(o..s).any(|k| t[k].form == ",")) || locators.iter().any(|&k| k < s) {
            continue;
        }
        let outer = h[s];
        // the prepositional conjunct goes with the verb (`introduced …, along with Oster`)
        let companions: Vec<usize> = (s + 1..v).filter(|&a| h[a] == o && base(&t[a].deprel) == "conj" && own_case(a) && is_noun_like(&t[a])).collect();
        let misread: Vec<usize> = kids.iter().copied().filter(|&k| prep_subject(k)).collect();
        for k in misread {
            set_head(t, k, v, "obl");
        }
        for &k in &locators {
            set_head(t, k, s, "nmod:unmarked");
        }
        set_head(t, s, v, "nsubj");
        for &a in &appos[1..] {
            set_head(t, a, s, "appos");
        }
        for a in companions {
            set_head(t, a, v, "obl");
        }
        // a relative clause after the name describes the name, not the time (`This morning Ana
        // Reyes, who led the port, died`)
        for a in s + 1..v {
            if h[a] == o && t[a].deprel == "acl:relcl" {
                set_head(t, a, s, "acl:relcl");
            }
        }
        // the commas around the subject's appositions go with the subject
        for k in s..v {
            if (h[k] == o || h[k] == outer) && t[k].upos == "PUNCT" {
                set_head(t, k, s, "punct");
            }
        }
        changed = true;
    }
    changed
}

/// A country's name set off by a comma (`…, Australia`) with nothing of its own but the rest of
/// the name: a locator of the phrase before the comma, not a doer.
fn is_comma_locator(t: &[Token], h: &[usize], k: usize) -> bool {
    if k == 0 || t[k - 1].form != "," || t[k].upos != "PROPN" || (0..t.len()).any(|c| h[c] == k && t[c].deprel != "flat") {
        return false;
    }
    let name: Vec<&str> = (k..t.len()).take_while(|&c| c == k || (h[c] == k && t[c].deprel == "flat")).map(|c| t[c].form.as_str()).collect();
    let g = crate::nlp::gazetteer::Gazetteer::embedded();
    g.lookup(&name.join(" ")).is_some_and(|e| e.kind == crate::document::EntityType::Country)
}

/// A name that follows a fronted time phrase at once (`This morning Ana Reyes …`, `Last week
/// Vela Mining …`): a time has no name for apposition, so the name opens the clause.
fn named_after_time(t: &[Token], h: &[usize], o: usize, s: usize) -> bool {
    t[s].upos == "PROPN" && is_time_phrase(t, h, o) && (o + 1..s).all(|k| t[k].upos == "PROPN" && h[k] == s)
}

/// A fronted time phrase without a preposition: a time noun (`morning`, `week`) with a day word
/// or a time adjective before it (`Early Saturday morning`, `Last week`, `Yesterday evening`).
fn is_time_phrase(t: &[Token], h: &[usize], k: usize) -> bool {
    const TIME_NOUNS: &[&str] = &["morning", "afternoon", "evening", "night", "week", "weekend", "month", "year", "day"];
    const TIME_ADJS: &[&str] = &["early", "late", "last", "next", "this", "same", "previous", "following"];
    t[k].upos == "NOUN"
        && TIME_NOUNS.contains(&t[k].lemma.to_lowercase().as_str())
        && (0..k).any(|c| h[c] == k && (is_bare_day(&t[c]) || TIME_ADJS.contains(&t[c].form.to_lowercase().as_str())))
}

/// Repair 7.
fn object_with_case(t: &mut Vec<Token>) -> bool {
    let h = heads(t);
    let n = t.len();
    let mut changed = false;
    for o in 0..n {
        if base(&t[o].deprel) != "obj" || h[o] == usize::MAX || h[o] > o || !is_noun_like(&t[o]) {
            continue;
        }
        // the preposition may hang on a compound of the object (`in District Court`); one inside a
        // hyphenated modifier (`its stay-at-home order`) is part of that word
        let hyphenated = |c: usize| t.get(c + 1).is_some_and(|x| x.form == "-") || (c > 0 && t[c - 1].form == "-");
        let prep = (h[o] + 1..o).find(|&c| {
            base(&t[c].deprel) == "case"
                && t[c].upos == "ADP"
                && !is_poss_marker(&t[c])
                && !hyphenated(c)
                && (h[c] == o || (is_ancestor(&h, o, c) && base(&t[h[c]].deprel) == "compound"))
        });
        if let Some(c) = prep {
            t[o].deprel = "obl".into();
            set_head(t, c, o, "case");
            changed = true;
        }
    }
    changed
}

/// Repair 55.
fn case_on_modifier(t: &mut Vec<Token>) -> bool {
    let n = t.len();
    let mut changed = false;
    for c in 0..n {
        let h = heads(t);
        if base(&t[c].deprel) != "case" || t[c].upos != "ADP" || is_poss_marker(&t[c]) || h[c] == usize::MAX {
            continue;
        }
        // up from the preposition's head through the modifiers of a noun phrase
        let mut x = h[c];
        let mut y = usize::MAX;
        for _ in 0..6 {
            if x == usize::MAX || !matches!(t[x].deprel.as_str(), "compound" | "nmod:poss" | "flat") || h[x] == usize::MAX || !is_noun_like(&t[x]) {
                break;
            }
            let up = h[x];
            if is_noun_like(&t[up]) && matches!(base(&t[up].deprel), "obl" | "nmod" | "obj") {
                y = up;
                break;
            }
            x = up;
        }
        if y == usize::MAX || !is_noun_like(&t[y]) {
            continue;
        }
        // not a hyphenated word (`out-of-control`), nor a phrase of its own before a determiner
        // of the next (`announced on Twitter the agency …`), nor a head with a second preposition
        let hyphen = t.get(c + 1).is_some_and(|x| x.form == "-");
        let det_after = (h[c] + 1..y).any(|k| base(&t[k].deprel) == "det");
        let second_case = (0..n).any(|k| k != c && h[k] == h[c] && base(&t[k].deprel) == "case" && !is_poss_marker(&t[k]));
        if hyphen || det_after || second_case {
            continue;
        }
        // the preposition opens the phrase, and the phrase has none of its own
        let first = (0..n).find(|&k| k == y || is_ancestor(&h, y, k));
        if first != Some(c) || (0..n).any(|k| h[k] == y && base(&t[k].deprel) == "case" && !is_poss_marker(&t[k])) {
            continue;
        }
        set_head(t, c, y, "case");
        if base(&t[y].deprel) == "obj" {
            t[y].deprel = "obl".into();
        }
        changed = true;
    }
    changed
}

/// Repair 18.
fn according_to(t: &mut Vec<Token>) -> bool {
    let n = t.len();
    let mut changed = false;
    for a in 0..n.saturating_sub(1) {
        let h = heads(t);
        if !t[a].form.eq_ignore_ascii_case("according") || !t[a + 1].form.eq_ignore_ascii_case("to") {
            continue;
        }
        let x = h[a];
        // the source: a noun or personal pronoun after the phrase (`according to which` opens a
        // relative clause and is left alone)
        let relative = t.get(x).is_some_and(|w| w.feats.contains("PronType=Rel") || ["which", "whom", "whose"].iter().any(|r| w.form.eq_ignore_ascii_case(r)));
        if x == usize::MAX || x <= a || relative || !matches!(t[x].upos.as_str(), "NOUN" | "PROPN" | "PRON") {
            continue;
        }
        let Some(r) = (0..n).find(|&k| h[k] == usize::MAX) else { continue };
        if r == x || is_ancestor(&h, x, r) {
            continue;
        }
        let hr = &h;
        let kids = |v: usize| (0..n).filter(move |&k| hr[k] == v);
        let g = h[x];
        if g != usize::MAX && matches!(t[g].upos.as_str(), "NOUN" | "PROPN" | "PRON" | "NUM") {
            // after a comma, on a noun, ending the sentence (mid-sentence the phrase may belong to
            // the clause after it: `…, but according to her diary she had …`): it goes to the
            // nearest predicate above the noun (a verb, or a nominal with a copula)
            let last = (x + 1..n).all(|k| t[k].upos == "PUNCT" || is_ancestor(&h, x, k));
            let predicate = |v: usize| t[v].upos == "VERB" || kids(v).any(|k| base(&t[k].deprel) == "cop");
            let mut p = g;
            while p != usize::MAX && !predicate(p) {
                p = h[p];
            }
            if a > 0 && t[a - 1].form == "," && last && p != usize::MAX {
                set_head(t, x, p, "obl");
                changed = true;
            }
            continue;
        }
        // fronted: `According to X, Y opened …` with `Y` a comma conjunct of `X`
        if g == usize::MAX || t[g].upos != "VERB" || g < x {
            continue;
        }
        let has_subject = kids(g).any(|k| matches!(base(&t[k].deprel), "nsubj" | "csubj" | "expl"));
        let y = kids(x).find(|&y| {
            y > x && y < g && base(&t[y].deprel) == "conj" && !(0..n).any(|k| h[k] == y && base(&t[k].deprel) == "cc") && t[y - 1].form != "and"
        });
        let comma_before = |y: usize| (x + 1..y).any(|k| t[k].form == ",");
        if let Some(y) = y.filter(|&y| !has_subject && comma_before(y)) {
            let passive = kids(g).any(|k| t[k].deprel == "aux:pass");
            set_head(t, y, g, if passive { "nsubj:pass" } else { "nsubj" });
            changed = true;
        }
    }
    changed
}

/// Repair 17.
fn close_appos(t: &mut Vec<Token>) -> bool {
    let h = heads(t);
    let mut changed = false;
    for a in 0..t.len() {
        if t[a].deprel != "appos" || t[a].upos != "PROPN" || h[a] == usize::MAX || h[a] > a {
            continue;
        }
        // the first word of the name's phrase, and the word before it
        let first = (0..=a).find(|&x| is_ancestor(&h, a, x)).unwrap_or(a);
        // a name opens with a proper noun or a capitalised `The` (`The Iron Circle`), not with a
        // comma, a preposition or a lowercase determiner
        let opens_name = t[first].upos == "PROPN" || (t[first].upos == "DET" && t[first].form == "The");
        if first == 0 || first + 1 < a.saturating_sub(3) || !opens_name {
            continue;
        }
        let n = first - 1;
        if n == h[a] || t[n].upos != "NOUN" || is_ancestor(&h, a, n) || !is_ancestor(&h, h[a], n) {
            continue;
        }
        set_head(t, a, n, "appos");
        changed = true;
    }
    changed
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Tokens from `form/upos/head/deprel[/lemma[/xpos]]` items (heads 1-based, 0 = root).
    pub(crate) fn toks(spec: &str) -> Vec<Token> {
        spec.split_whitespace()
            .map(|w| {
                let p: Vec<&str> = w.split('/').collect();
                Token {
                    form: p[0].into(),
                    lemma: p.get(4).map_or_else(|| p[0].to_lowercase(), |l| l.to_string()),
                    xpos: p.get(5).map_or_else(String::new, |x| x.to_string()),
                    upos: p[1].into(),
                    head: p[2].parse().unwrap(),
                    deprel: p[3].into(),
                    ..Default::default()
                }
            })
            .collect()
    }

    pub(crate) fn arcs(t: &[Token]) -> String {
        t.iter().map(|x| format!("{}>{}:{}", x.form, x.head, x.deprel)).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn repairs_table() {
        // (name, input, expected arcs after repair, or None when no repair must apply)
        let cases: &[(&str, &str, Option<&[&str]>)] = &[
            (
                "possessive: noun after `'` attached far away",
                "Peru/PROPN/3/nsubj is/AUX/3/cop one/NUM/0/root of/ADP/6/case the/DET/6/det Andes/PROPN/3/nmod '/PUNCT/6/punct biggest/ADJ/9/amod mines/NOUN/3/conj",
                Some(&["mines>3:nmod", "Andes>9:nmod:poss", "'>6:case", "of>9:case"]),
            ),
            (
                "possessive: an acronym in brackets between the marker and the noun is the possessor's",
                "the/DET/3/det Tarn/PROPN/3/compound Union/PROPN/6/nmod:poss 's/PART/3/case (/PUNCT/6/punct TU/PROPN/10/nsubj \
                 )/PUNCT/6/punct Green/ADJ/9/amod Party/PROPN/6/appos won/VERB/0/root",
                Some(&["Party>10:nsubj", "Union>9:nmod:poss", "TU>3:appos", "(>6:punct", ")>6:punct", "'s>3:case"]),
            ),
            (
                "conj-pp-same-prep: `for Z` hung on a name inside the first `for` oblique",
                "Ivo/PROPN/2/nsubj worked/VERB/0/root for/ADP/4/case Nord/PROPN/2/obl under/ADP/7/case the/DET/7/det name/NOUN/2/obl \
                 Max/PROPN/7/appos and/CCONJ/11/cc for/ADP/11/case Sud/PROPN/8/conj",
                Some(&["Sud>4:conj"]),
            ),
            (
                "case-on-modifier: the preposition hung on a compound of the oblique",
                "Vell/PROPN/2/nsubj died/VERB/0/root at/ADP/5/case the/DET/6/det Tarn/PROPN/6/compound Hospital/PROPN/2/obl ./PUNCT/2/punct",
                Some(&["at>6:case"]),
            ),
            (
                "case-on-modifier: on a possessor, the object becomes an oblique",
                "Oster/PROPN/2/nsubj helped/VERB/0/root with/ADP/4/case Ben/PROPN/7/nmod:poss Tarrow/PROPN/4/flat 's/PART/4/case inquiry/NOUN/2/obj ./PUNCT/2/punct",
                Some(&["with>7:case", "inquiry>2:obl"]),
            ),
            (
                "case-on-modifier: a determiner before the preposition, the phrase is not its",
                "Oster/PROPN/2/nsubj ended/VERB/0/root his/PRON/5/nmod:poss on/ADP/4/case Monday/PROPN/5/compound night/NOUN/2/obl ./PUNCT/2/punct",
                None,
            ),
            (
                "case-on-modifier: a phrase of its own before the next one's determiner",
                "Vell/PROPN/2/nsubj announced/VERB/0/root on/ADP/4/case Radio/PROPN/7/compound the/DET/7/det Tarn/PROPN/7/compound Board/PROPN/2/obl ./PUNCT/2/punct",
                None,
            ),
            (
                "case-on-modifier: the phrase has its own preposition",
                "Oster/PROPN/2/nsubj sang/VERB/0/root in/ADP/5/case Tarn/PROPN/5/compound in/ADP/5/case Vell/PROPN/2/obl ./PUNCT/2/punct",
                None,
            ),
            (
                "conj-pp-same-prep: another preposition stays",
                "Ivo/PROPN/2/nsubj worked/VERB/0/root for/ADP/4/case Nord/PROPN/2/obl under/ADP/7/case the/DET/7/det name/NOUN/2/obl \
                 Max/PROPN/7/appos and/CCONJ/11/cc in/ADP/11/case Sud/PROPN/8/conj",
                None,
            ),
            ("possessive: already right", "Kenya/PROPN/3/nmod:poss 's/PART/1/case army/NOUN/4/nsubj marched/VERB/0/root", None),
            (
                "pp-root: temporal phrase parsed as root",
                "For/ADP/3/case two/NUM/3/nummod years/NOUN/0/root ,/PUNCT/7/punct Chile/PROPN/7/nsubj has/AUX/7/aux grown/VERB/3/appos ,/PUNCT/9/punct exporting/VERB/3/acl copper/NOUN/9/obj",
                Some(&["grown>0:root", "years>7:obl", "exporting>7:advcl"]),
            ),
            ("pp-root: ordinary verb root", "Chile/PROPN/2/nsubj exports/VERB/0/root copper/NOUN/2/obj", None),
            (
                "pp-root-deep: fronted date, subject with apposition, verb buried as acl",
                "On/ADP/2/case Friday/PROPN/0/root ,/PUNCT/5/punct Eva/PROPN/5/compound Lind/PROPN/2/conj ,/PUNCT/8/punct the/DET/8/det envoy/NOUN/2/appos ,/PUNCT/10/punct signed/VERB/8/acl/sign/VBD the/DET/12/det pact/NOUN/10/obj ./PUNCT/2/punct",
                Some(&["signed>0:root", "Friday>10:obl", "Lind>10:nsubj", "envoy>5:appos", ".>10:punct"]),
            ),
            (
                "pp-root-deep: the verb keeps its own subject",
                "On/ADP/2/case Monday/PROPN/0/root ,/PUNCT/4/punct poet/NOUN/2/appos Ian/PROPN/7/nsubj Gray/PROPN/5/flat died/VERB/4/acl:relcl/die/VBD ./PUNCT/2/punct",
                Some(&["died>0:root", "Monday>7:obl", "Ian>7:nsubj"]),
            ),
            (
                "pp-root-deep: mis-tagged participle with an oblique, buried under a noun",
                "On/ADP/3/case Sunday/PROPN/3/compound morning/NOUN/0/root ,/PUNCT/6/punct a/DET/6/det boat/NOUN/3/conj with/ADP/10/case two/NUM/10/nummod fishing/NOUN/10/compound crews/NOUN/6/nmod sank/VERB/10/acl/sink/VBN near/ADP/13/case Oslo/PROPN/11/obl ./PUNCT/3/punct",
                Some(&["sank>0:root", "morning>11:obl", "boat>11:nsubj", ".>11:punct"]),
            ),
            (
                "pp-root-deep: a bare fronted day word, the subject hung as its apposition",
                "Yesterday/NOUN/0/root ,/PUNCT/1/punct a/DET/5/det court/NOUN/5/compound jury/NOUN/1/appos convicted/VERB/5/acl/convict/VBN Nell/PROPN/6/obj of/ADP/9/case fraud/NOUN/7/nmod ./PUNCT/1/punct",
                Some(&["convicted>0:root", "Yesterday>6:obl", "jury>6:nsubj", ".>6:punct"]),
            ),
            (
                "pp-root-deep: a bare time phrase as the root, a second fronted phrase hung on the subject",
                "Last/ADJ/2/amod week/NOUN/0/root ,/PUNCT/6/punct on/ADP/6/case May/PROPN/6/nmod:unmarked 8/NUM/10/obl ,/PUNCT/6/punct the/DET/10/det \
                 steel/NOUN/10/compound firm/NOUN/2/appos Norvia/PROPN/10/appos announced/VERB/10/acl/announce/VBD plans/NOUN/12/obj ./PUNCT/2/punct",
                Some(&["announced>0:root", "week>12:obl", "8>12:obl", "firm>12:nsubj", ".>12:punct"]),
            ),
            (
                "pp-root-deep: the fronted phrase's comma inside brackets is not its end",
                "At/ADP/2/case 4:42/NUM/0/root on/ADP/4/case Monday/PROPN/2/nmod (/PUNCT/6/punct 2042/NUM/4/nmod:unmarked Sunday/PROPN/6/nmod:unmarked \
                 ,/PUNCT/9/punct UTC/PROPN/7/appos )/PUNCT/6/punct ,/PUNCT/13/punct a/DET/13/det quake/NOUN/4/appos struck/VERB/13/acl/strike/VBD \
                 Velmora/PROPN/14/obj ./PUNCT/2/punct",
                Some(&["struck>0:root", "4:42>14:obl", "quake>14:nsubj", "UTC>7:appos", ".>14:punct"]),
            ),
            (
                "pp-root-deep: a time noun without a time word before it is no fronted phrase",
                "Morning/NOUN/0/root ,/PUNCT/4/punct a/DET/4/det jury/NOUN/1/appos convicted/VERB/4/acl/convict/VBD Nell/PROPN/5/obj ./PUNCT/1/punct",
                None,
            ),
            (
                "pp-root-deep: a bare day word with no comma after it is left alone",
                "Yesterday/NOUN/0/root a/DET/4/det court/NOUN/4/compound jury/NOUN/1/appos convicted/VERB/4/acl/convict/VBN Nell/PROPN/5/obj",
                None,
            ),
            (
                "pp-root-deep: a month name is no bare day word (it may be a name)",
                "May/PROPN/0/root ,/PUNCT/1/punct a/DET/5/det court/NOUN/5/compound jury/NOUN/1/appos convicted/VERB/5/acl/convict/VBN Nell/PROPN/6/obj ./PUNCT/1/punct",
                None,
            ),
            (
                "pp-root-deep: no finite verb, no repair",
                "On/ADP/2/case Monday/PROPN/0/root ,/PUNCT/4/punct a/DET/4/det holiday/NOUN/2/appos ./PUNCT/2/punct",
                None,
            ),
            (
                "inverted-report: `…, said police`",
                "Two/NUM/2/nummod men/NOUN/3/nsubj fled/VERB/0/root ,/PUNCT/5/punct said/VERB/3/conj/say police/NOUN/5/obj ./PUNCT/3/punct",
                Some(&["said>0:root", "fled>5:ccomp", "police>5:nsubj", ".>5:punct"]),
            ),
            (
                "inverted-report: said with own subject is left alone",
                "Two/NUM/2/nummod men/NOUN/3/nsubj fled/VERB/0/root and/CCONJ/6/cc police/NOUN/6/nsubj said/VERB/3/conj/say so/ADV/6/advmod",
                None,
            ),
            (
                "conj-pp: modifier after the second conjunct",
                "sanctions/NOUN/0/root on/ADP/3/case Peru/PROPN/1/nmod and/CCONJ/5/cc tariffs/NOUN/1/conj on/ADP/7/case China/PROPN/1/nmod",
                Some(&["China>5:nmod"]),
            ),
            (
                "title-head: title parsed as head of the name",
                "according/VERB/5/case to/ADP/1/fixed Peruvian/PROPN/5/compound Foreign/ADJ/5/amod Minister/PROPN/0/root Ana/PROPN/5/flat Soto/PROPN/5/flat",
                Some(&["Ana>0:root", "Minister>6:compound", "Soto>6:flat", "according>6:case"]),
            ),
            (
                "fronted-subject: subject parsed as an apposition of a fronted date",
                "On/ADP/2/case Monday/PROPN/9/obl ,/PUNCT/5/punct Lena/PROPN/5/compound Marsh/PROPN/2/appos ,/PUNCT/7/punct mayor/NOUN/2/appos ,/PUNCT/2/punct opened/VERB/0/root/open a/DET/11/det bridge/NOUN/9/obj",
                Some(&["Marsh>9:nsubj", "mayor>5:appos", "Monday>9:obl"]),
            ),
            (
                "fronted-subject: subject parsed as a comma conjunct of a fronted date",
                "On/ADP/2/case Monday/PROPN/9/obl ,/PUNCT/5/punct Lena/PROPN/5/compound Marsh/PROPN/2/conj ,/PUNCT/7/punct widow/NOUN/2/appos ,/PUNCT/2/punct opened/VERB/0/root/open a/DET/11/det bridge/NOUN/9/obj",
                Some(&["Marsh>9:nsubj", "widow>5:appos", "Monday>9:obl"]),
            ),
            (
                "fronted-subject: subject parsed as a flat part of a fronted date, a companion with its own preposition",
                "On/ADP/2/case Monday/PROPN/11/obl ,/PUNCT/2/punct Tarrow/PROPN/2/flat ,/PUNCT/8/punct along/ADP/8/case with/ADP/8/case \
                 Ivo/PROPN/2/conj Oster/PROPN/8/flat ,/PUNCT/2/punct introduced/VERB/0/root/introduce a/DET/13/det bill/NOUN/11/obj",
                Some(&["Tarrow>11:nsubj", "Ivo>11:obl", "Monday>11:obl"]),
            ),
            (
                "fronted-subject: a flat part of the date with no comma is left alone",
                "On/ADP/2/case Monday/PROPN/4/obl Tarrow/PROPN/2/flat introduced/VERB/0/root/introduce a/DET/6/det bill/NOUN/4/obj",
                None,
            ),
            (
                "fronted-subject: subject parsed as an apposition of a fronted bare day word",
                "Yesterday/NOUN/5/obl:unmarked ,/PUNCT/3/punct Lena/PROPN/1/appos Marsh/PROPN/3/flat won/VERB/0/root/win the/DET/7/det race/NOUN/5/obj",
                Some(&["Lena>5:nsubj", "Yesterday>5:obl:unmarked"]),
            ),
            (
                "fronted-subject: a name right after a fronted time phrase, with no comma, is the subject",
                // `This morning Ana Reyes , who led the port , died at home .` (invented)
                "This/DET/2/det morning/NOUN/11/obl:unmarked Ana/PROPN/2/appos Reyes/PROPN/3/flat ,/PUNCT/7/punct who/PRON/7/nsubj \
                 led/VERB/2/acl:relcl the/DET/9/det port/NOUN/7/obj ,/PUNCT/2/punct died/VERB/0/root/die at/ADP/13/case home/NOUN/11/obl ./PUNCT/11/punct",
                Some(&["Ana>11:nsubj", "morning>11:obl:unmarked", "led>3:acl:relcl"]),
            ),
            (
                "fronted-subject: a country after a comma read as the subject locates the fronted subject",
                // `Yesterday , the Senate of Vela ( SV ) , Australia voted .` (invented)
                "Yesterday/NOUN/12/obl:unmarked ,/PUNCT/4/punct the/DET/4/det Senate/PROPN/1/appos of/ADP/6/case Vela/PROPN/4/nmod \
                 (/PUNCT/8/punct SV/PROPN/4/appos )/PUNCT/8/punct ,/PUNCT/1/punct Australia/PROPN/12/nsubj voted/VERB/0/root/vote ./PUNCT/12/punct",
                Some(&["Senate>12:nsubj", "Australia>4:nmod:unmarked", "Yesterday>12:obl:unmarked"]),
            ),
            (
                "fronted-subject: a name after a comma that is no country stays the subject",
                "Yesterday/NOUN/7/obl:unmarked ,/PUNCT/4/punct the/DET/4/det Senate/PROPN/1/appos ,/PUNCT/1/punct Tarrow/PROPN/7/nsubj voted/VERB/0/root/vote",
                None,
            ),
            (
                "fronted-subject: a name after a fronted time noun with no time word before it keeps its place",
                "Morning/NOUN/4/obl:unmarked Ana/PROPN/1/appos Reyes/PROPN/2/flat died/VERB/0/root/die",
                None,
            ),
            (
                "fronted-subject: a fronted noun that is no day word keeps its apposition",
                "Paint/NOUN/5/obl:unmarked ,/PUNCT/3/punct Lena/PROPN/1/appos Marsh/PROPN/3/flat won/VERB/0/root/win the/DET/7/det race/NOUN/5/obj",
                None,
            ),
            (
                "fronted-subject: a conjunct with its own `and` is a list, left alone",
                "In/ADP/2/case Lima/PROPN/6/obl and/CCONJ/4/cc Cusco/PROPN/2/conj ,/PUNCT/2/punct rained/VERB/0/root/rain",
                None,
            ),
            (
                "fronted-subject: a bare time phrase, the subject a comma conjunct of it, a place phrase read as the subject",
                // `Early Saturday morning , police in Brelk , in the northern Vela Hills , responded to reports .` (invented)
                "Early/ADJ/3/amod Saturday/PROPN/3/compound morning/NOUN/15/obl:unmarked ,/PUNCT/5/punct police/NOUN/3/conj \
                 in/ADP/7/case Brelk/PROPN/3/nmod ,/PUNCT/13/punct in/ADP/13/case the/DET/13/det northern/ADJ/13/amod \
                 Vela/PROPN/13/compound Hills/PROPN/15/nsubj ,/PUNCT/13/punct responded/VERB/0/root/respond to/ADP/17/case \
                 reports/NOUN/15/obl ./PUNCT/15/punct",
                Some(&["police>15:nsubj", "Hills>15:obl", "morning>15:obl:unmarked"]),
            ),
            (
                "fronted-subject: the subject an apposition of a noun inside the fronted phrase",
                // `In response to the fire , Lena Marsh , the mayor , ordered repairs .` (invented)
                "In/ADP/2/case response/NOUN/13/obl to/ADP/5/case the/DET/5/det fire/NOUN/2/nmod ,/PUNCT/7/punct \
                 Lena/PROPN/5/appos Marsh/PROPN/7/flat ,/PUNCT/11/punct the/DET/11/det mayor/NOUN/5/appos ,/PUNCT/2/punct \
                 ordered/VERB/0/root/order repairs/NOUN/13/obj ./PUNCT/13/punct",
                Some(&["Lena>13:nsubj", "mayor>7:appos", "response>13:obl", ",>7:punct"]),
            ),
            (
                "fronted-subject: verb with its own subject is left alone",
                "On/ADP/2/case Monday/PROPN/6/obl ,/PUNCT/2/punct Lena/PROPN/2/appos she/PRON/6/nsubj opened/VERB/0/root/open",
                None,
            ),
            (
                "object-with-case: a prepositional phrase parsed as the object",
                "Ortiz/PROPN/2/nsubj appeared/VERB/0/root in/ADP/4/case District/PROPN/5/compound Court/PROPN/2/obj",
                Some(&["Court>2:obl", "in>5:case"]),
            ),
            (
                "close-appos: a name right after a noun, hung further left",
                "as/ADP/3/case the/DET/3/det heel/NOUN/0/root ,/PUNCT/5/punct leader/NOUN/3/appos of/ADP/9/case the/DET/9/det \
                 rebel/NOUN/9/compound faction/NOUN/5/nmod The/DET/12/det Iron/PROPN/12/compound Circle/PROPN/3/appos",
                Some(&["Circle>9:appos"]),
            ),
            (
                "close-appos: after a comma it is left alone",
                "as/ADP/3/case the/DET/3/det heel/NOUN/0/root ,/PUNCT/5/punct leader/NOUN/3/appos of/ADP/9/case the/DET/9/det \
                 rebel/NOUN/9/compound faction/NOUN/5/nmod ,/PUNCT/12/punct Iron/PROPN/12/compound Circle/PROPN/3/appos",
                None,
            ),
            (
                "according-to: the source hung on a noun after a comma",
                "Harlo/PROPN/2/nsubj opened/VERB/0/root/open a/DET/4/det plant/NOUN/2/obj in/ADP/6/case Ohio/PROPN/2/obl ,/PUNCT/11/punct \
                 according/VERB/11/case to/ADP/8/fixed the/DET/11/det Courier/PROPN/6/appos ./PUNCT/2/punct",
                Some(&["Courier>2:obl"]),
            ),
            (
                "according-to: fronted, with the subject a comma conjunct of the source",
                "According/VERB/4/case to/ADP/1/fixed the/DET/4/det Courier/PROPN/8/obl ,/PUNCT/7/punct Harlo/PROPN/7/compound Foods/PROPN/4/conj \
                 opened/VERB/0/root/open a/DET/10/det plant/NOUN/8/obj ./PUNCT/8/punct",
                Some(&["Foods>8:nsubj", "Courier>8:obl"]),
            ),
            (
                "according-to: mid-sentence, before another clause, left alone",
                "Ada/PROPN/2/nsubj wed/VERB/0/root/wed Ben/PROPN/2/obj ,/PUNCT/8/punct according/VERB/8/case to/ADP/5/fixed her/PRON/8/nmod:poss \
                 diary/NOUN/3/appos ,/PUNCT/11/punct she/PRON/11/nsubj left/VERB/2/parataxis/leave",
                None,
            ),
            (
                "according-to: already on the verb",
                "Harlo/PROPN/2/nsubj opened/VERB/0/root/open a/DET/4/det plant/NOUN/2/obj ,/PUNCT/8/punct according/VERB/8/case to/ADP/6/fixed \
                 police/NOUN/2/obl",
                None,
            ),
            (
                "according-to: no comma, a noun's own modifier is left alone",
                "Harlo/PROPN/2/nsubj read/VERB/0/root/read the/DET/4/det figures/NOUN/2/obj according/VERB/8/case to/ADP/5/fixed the/DET/8/det \
                 rules/NOUN/4/nmod",
                None,
            ),
            (
                "according-to: fronted, a real list of sources is left alone",
                "According/VERB/3/case to/ADP/1/fixed Ada/PROPN/8/obl and/CCONJ/5/cc Ben/PROPN/3/conj ,/PUNCT/8/punct it/PRON/8/nsubj rained/VERB/0/root/rain",
                None,
            ),
            ("object-with-case: a plain object is left alone", "Ortiz/PROPN/2/nsubj left/VERB/0/root the/DET/4/det court/NOUN/2/obj", None),
            (
                "day-object: a period with a deictic word read as the object is a time",
                "The/DET/2/det fund/NOUN/4/nsubj was/AUX/4/aux intending/VERB/0/root/intend/VBG this/DET/6/det year/NOUN/4/obj/year/NN \
                 to/PART/8/mark raise/VERB/4/xcomp/raise/VB money/NOUN/8/obj ./PUNCT/4/punct",
                Some(&["year>4:obl:unmarked"]),
            ),
            (
                "day-object: a period with its own content stays the object",
                "Tarn/PROPN/2/nsubj announced/VERB/0/root/announce/VBD three/NUM/4/nummod days/NOUN/2/obj/day/NNS of/ADP/6/case mourning/NOUN/4/nmod ./PUNCT/2/punct",
                None,
            ),
            (
                "purpose-copula: `is to be ready` makes the goal no doer",
                "Our/PRON/2/nmod:poss goal/NOUN/6/nsubj is/AUX/6/cop/be/VBZ to/PART/6/mark be/AUX/6/cop/be/VB ready/ADJ/0/root and/CCONJ/8/cc help/VERB/6/conj ./PUNCT/6/punct",
                Some(&["goal>6:nsubj:outer"]),
            ),
            (
                "purpose-copula: an infinitive of its own subject is no copula of purpose",
                "Vell/PROPN/3/nsubj seems/VERB/0/root to/PART/5/mark be/AUX/5/cop/be/VB ready/ADJ/2/xcomp ./PUNCT/2/punct",
                None,
            ),
        ];
        for (name, spec, want) in cases {
            let t = toks(spec);
            let got = repair(&t);
            match (want, got) {
                (None, None) => {}
                (None, Some(g)) => panic!("{name}: unexpected repair {}", arcs(&g)),
                (Some(_), None) => panic!("{name}: no repair"),
                (Some(w), Some(g)) => {
                    let a = arcs(&g);
                    for arc in *w {
                        assert!(a.split(' ').any(|x| x == *arc), "{name}: missing {arc} in {a}");
                    }
                    assert!(acyclic(&g), "{name}: cycle");
                }
            }
        }
    }
}
