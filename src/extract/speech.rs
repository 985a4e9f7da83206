//! Speech acts: `X said [that] the dam held` is, besides the reported fact `dam – hold`
//! (modality `reported`, attribution X), a fact of its own about X: X made a statement.
//! A reader of the graph asks "what did X say?", and the answer must not depend on whether the
//! inner clause happened to yield a triple.
//!
//! Layout: `speaker – VERB – "statement"`, rule [`SPEECH_RULE`]. The predicate is the reporting
//! verb's lemma (`say`, `announce`, `warn`, …); the statement is the reported clause as written
//! (without its `that` and quotation marks, at most [`MAX_WORDS`] words), carried in the
//! triple's first `extra` argument and no object, so the resolver never turns it into an entity.
//! The ontology stores it as a plain literal object (see `ontology/README.md`, "Speech acts"):
//! one literal node per fact, never shared, never ranked as an entity.
//!
//! A recipient verb with its addressee (`told reporters the bridge would reopen`) keeps its
//! `tell – reporters` fact from the clause rules and adds the speech act with the clause.
//! Verbs of belief and evidence in the reporting list (`think`, `believe`, `show`, `find`,
//! `indicate`, `estimate`) are no speech and make none.
//!
//! In: a proposition of a reporting verb with a clausal complement. Out: at most one triple.

use super::lexicon::{DOCUMENT_NOUNS, DOCUMENT_VERBS, REPORTING};
use super::rules::{Kind, Prop, Rules};
use super::tree::Tree;
use super::triples::{argument, join_text, span_of};
use crate::document::{Argument, OpenTriple, RelationKey, Sentence};

/// The rule name of speech-act triples; the ontology reads the statement from `extra[0]`.
pub const SPEECH_RULE: &str = "speech:act";

/// The rule name of `speaker – tell – addressee` triples made here.
pub const ADDRESSEE_RULE: &str = "speech:addressee";

/// Reporting verbs of belief and evidence: their complement is what the subject holds or shows,
/// not what it said, so they make no speech act.
const BELIEF_AND_EVIDENCE: &[&str] = &["believe", "think", "estimate", "indicate", "show", "find"];

/// Whether the verb at `v` is a verb of saying: the reporting verbs minus those of belief and
/// evidence.
fn is_speech_verb(tr: &Tree, v: usize) -> bool {
    tr.lemma_is(v, REPORTING) && !tr.lemma_is(v, BELIEF_AND_EVIDENCE)
}

/// The longest statement kept, in words; a longer one is cut and ends with `…`.
pub const MAX_WORDS: usize = 40;

/// The speech-act triples of proposition `p` (see the module comment): the statement, and
/// for a reporting proposition with its addressee as indirect object (`told reporters [the
/// bridge would reopen]`, which the clause rules leave to the reported clause) the addressee.
pub(super) fn speech_triples(s: &Sentence, r: &Rules, quoted: &[bool], p: &Prop) -> Vec<OpenTriple> {
    let tr = r.tr;
    let Some(act) = speech_triple(s, r, quoted, p) else { return Vec::new() };
    // `told reporters were from one family`: a statement the parser cut from its subject says
    // nothing; the addressee stays
    let cut = parenthetical_report(tr, p).is_none()
        && p.slots.iter().find(|sl| sl.kind == Kind::Clause).is_some_and(|c| super::quality::starts_finite(tr, &c.part.toks));
    let addressee = p.slots.iter().find(|sl| sl.kind == Kind::Iobj && matches!(tr.upos(sl.part.head), "NOUN" | "PROPN" | "PRON"));
    let mut out = Vec::new();
    if let Some(a) = addressee.filter(|_| p.reporting).and_then(|sl| argument(s, &sl.part)) {
        let mut t = act.clone();
        t.object = Some(a);
        t.extra.clear();
        t.rule = ADDRESSEE_RULE.to_owned();
        out.push(t);
    }
    if !cut {
        out.push(act);
    }
    out
}

/// The speech-act triple of proposition `p`, if it is one.
fn speech_triple(s: &Sentence, r: &Rules, quoted: &[bool], p: &Prop) -> Option<OpenTriple> {
    let tr = r.tr;
    let n = tr.len();
    if p.lit.is_some() || p.pred >= n || p.passive {
        return None;
    }
    // `the ministry's statement read: …` is the ministry's speech act
    let written = tr.lemma_is(p.pred, DOCUMENT_VERBS) && r.reports(p.pred);
    if !is_speech_verb(tr, p.pred) && !written {
        return None;
    }
    let clause = p.slots.iter().find(|sl| sl.kind == Kind::Clause)?;
    // the speaker stands outside the statement (`"…," he said`; never a word of the quotation)
    let subj_head = p.subj.head;
    if subj_head >= n || quoted[subj_head] || clause.part.toks.contains(&subj_head) || !matches!(tr.upos(subj_head), "PROPN" | "NOUN" | "PRON") {
        return None;
    }
    // a written statement speaks for its author; without one it names no speaker
    let subject = if tr.lemma_is(subj_head, DOCUMENT_NOUNS) {
        r.author(subj_head)?;
        argument(s, &r.speaker(subj_head))?
    } else {
        argument(s, &p.subj)?
    };
    let statement = match parenthetical_report(tr, p) {
        Some(outside) => statement(s, tr, quoted, clause.part.head, &outside)?,
        None => statement(s, tr, quoted, clause.part.head, &quotation_opening(tr, quoted, with_marker(tr, &clause.part.toks, &clause.case)))?,
    };
    let verb = if written { "say".to_owned() } else { tr.lemma(p.pred).to_lowercase() };
    let key = RelationKey { verb: Some(verb), ..Default::default() };
    let attribution = p.attribution.as_ref().and_then(|a| argument(s, a));
    Some(OpenTriple {
        sentence: s.index,
        subject,
        relation: join_text(s, &p.rel, None),
        key,
        object: None,
        extra: vec![statement],
        qualifiers: Vec::new(),
        negated: p.negated,
        modality: p.modality,
        attribution,
        rule: SPEECH_RULE.to_owned(),
        confidence: p.conf,
    })
}

/// The words around a report set off by commas inside its statement (`About 300 homes,
/// officials said, were destroyed.`): the parser hangs the piece before the report on the
/// reporting verb and the clause after it, which lacks that piece, as its complement; the
/// statement is the sentence without the parenthetical. None unless every word after the
/// report belongs to that subjectless clause (not an apposition to the speaker, `X, the
/// minister,`, nor an adjunct of the report, `…, adding …`) and a subject or clause of the
/// verb other than the speaker stands before it (not a frame, `In a statement,`).
fn parenthetical_report(tr: &Tree, p: &Prop) -> Option<Vec<usize>> {
    let n = tr.len();
    let start = p.subj.toks.iter().copied().min()?.min(p.pred);
    let open = start.checked_sub(1).filter(|&i| tr.form(i) == ",")?;
    let close = (p.pred + 1..n.min(p.pred + 5)).find(|&i| tr.form(i) == ",")?;
    let has_subject = |c: usize| tr.kids(c).any(|k| matches!(tr.base(k), "nsubj" | "csubj" | "expl"));
    let clause = tr.kids(p.pred).find(|&k| k > close && matches!(tr.base(k), "ccomp" | "parataxis") && !has_subject(k))?;
    let words_after: Vec<usize> = (close + 1..n).filter(|&i| !tr.is_punct(i)).collect();
    if words_after.is_empty() || !words_after.iter().all(|&i| i == clause || tr.ancestor_of(clause, i)) {
        return None;
    }
    let piece = |k: usize| k < open && !p.subj.toks.contains(&k) && matches!(tr.base(k), "nsubj" | "ccomp" | "csubj" | "obj" | "dep");
    if !tr.kids(p.pred).any(piece) {
        return None;
    }
    Some((0..open).chain(close + 1..n).collect())
}

/// The words of a reported clause with the subordinating words that open it, except the
/// complementizer `that`: the clause rules keep a clause's marker apart (as its slot's `case`),
/// but `though`, `to`, `if`, `whether` carry the statement's meaning (`is to leave` is no
/// `is leave`, `even though the road was closed` no `even the road was closed`). Only a marker
/// right before the clause's first word, or inside its span, joins.
fn with_marker(tr: &Tree, toks: &[usize], markers: &[usize]) -> Vec<usize> {
    let (Some(&lo), Some(&hi)) = (toks.iter().min(), toks.iter().max()) else { return toks.to_vec() };
    let mut out = toks.to_vec();
    for &m in markers {
        let adjacent = m + 1 == lo || (lo < m && m < hi);
        if adjacent && !tr.lemma_is(m, &["that"]) && !out.contains(&m) {
            out.push(m);
        }
    }
    out.sort_unstable();
    out
}

/// The words of a quoted clause with the quoted words before it up to the opening mark: the
/// parser sometimes hangs the quotation's first words on the reporting verb (`told the press,
/// "The past few weeks we have had …"` with `weeks` read as the verb's indirect object), and the
/// statement then began mid-quotation. Words inside the same quotation, right before the clause,
/// are the statement's too.
fn quotation_opening(tr: &Tree, quoted: &[bool], mut toks: Vec<usize>) -> Vec<usize> {
    let Some(&lo) = toks.iter().min() else { return toks };
    let inside = |i: usize| quoted.get(i).copied().unwrap_or(false) && !super::quality::is_quote(tr.form(i));
    if !inside(lo) {
        return toks;
    }
    let mut i = lo;
    while i > 0 && inside(i - 1) {
        i -= 1;
    }
    // only up to the quotation's opening mark (not a quotation that began in an earlier sentence)
    if i == 0 || !super::quality::is_quote(tr.form(i - 1)) {
        return toks;
    }
    toks.extend(i..lo);
    toks.sort_unstable();
    toks.dedup();
    toks
}

/// The statement of a clause: its words without quotation marks and the punctuation around
/// them, cut after [`MAX_WORDS`] words. None when no word is left.
fn statement(s: &Sentence, tr: &Tree, quoted: &[bool], head: usize, toks: &[usize]) -> Option<Argument> {
    let word = |i: usize| !tr.is_punct(i) && !super::quality::is_quote(tr.form(i));
    let first = toks.iter().position(|&i| word(i))?;
    let mut last = toks.iter().rposition(|&i| word(i))?;
    // reported in the narrator's words (no quotation marks), the statement ends at a semicolon:
    // what follows it is the narrator's next clause (`suggested X was a factor; according to Y, …`)
    let has_quote_marks = toks.iter().any(|&q| super::quality::is_quote(tr.form(q)));
    let narrators = |i: usize| !has_quote_marks && !quoted.get(i).copied().unwrap_or(false);
    if let Some(semi) = toks[first..=last].iter().position(|&i| tr.form(i) == ";" && narrators(i)) {
        last = toks[..first + semi].iter().rposition(|&i| word(i))?.max(first);
    }
    let mut keep: Vec<usize> = toks[first..=last].iter().copied().filter(|&i| !super::quality::is_quote(tr.form(i))).collect();
    // an editor's bracket opening the statement stays with its close (`[It was] a tough game`)
    let first_bracket = keep.iter().map(|&i| tr.form(i)).find(|f| matches!(*f, "(" | ")" | "[" | "]"));
    if let (Some(close), Some(before)) = (first_bracket, keep[0].checked_sub(1)) {
        if matches!((tr.form(before), close), ("[", "]") | ("(", ")")) {
            keep.insert(0, before);
        }
    }
    let cut = keep.iter().filter(|&&i| word(i)).count() > MAX_WORDS;
    if cut {
        let mut words = 0;
        keep.retain(|&i| {
            if word(i) {
                words += 1;
            }
            words <= MAX_WORDS
        });
        while keep.last().is_some_and(|&i| !word(i)) {
            keep.pop();
        }
    }
    let mut text = join_text(s, &keep, None);
    if cut {
        text.push_str(" …");
    }
    Some(Argument { tokens: keep[0]..keep[keep.len() - 1] + 1, head, text, span: span_of(s, &keep) })
}

#[cfg(test)]
mod tests {
    use super::{MAX_WORDS, SPEECH_RULE};
    use crate::extract::Extractor;

    /// (rule, subject, verb lemma, object or statement) of the triples of an analysed sentence
    /// (invented sentences; None when the embedded models are not built).
    fn facts(line: &str) -> Option<Vec<(String, String, String, String)>> {
        let s = crate::extract::tests::analysed(line)?;
        let out = Extractor::new().extract(&s, &[]).into_iter().map(|t| {
            let obj = t.object.map(|o| o.text).or_else(|| t.extra.first().map(|a| a.text.clone())).unwrap_or_default();
            (t.rule, t.subject.text, t.key.verb.unwrap_or_default(), obj)
        });
        Some(out.collect())
    }

    fn acts(line: &str) -> Option<Vec<(String, String, String)>> {
        let fs = facts(line)?;
        Some(fs.into_iter().filter(|f| f.0 == SPEECH_RULE).map(|f| (f.1, f.2, f.3)).collect())
    }

    #[test]
    fn a_reporting_verb_states_its_clause() {
        let Some(a) = acts("Harbour master Ilse Varga said that the ferry had been sinking for an hour .") else { return };
        assert!(a.iter().any(|f| f.0.ends_with("Ilse Varga") && f.1 == "say" && f.2 == "the ferry had been sinking for an hour"), "{a:?}");
        let Some(a) = acts("The agency announced the mine would close in May .") else { return };
        assert!(a.iter().any(|f| f.0 == "agency" && f.1 == "announce" && f.2 == "the mine would close in May"), "{a:?}");
    }

    #[test]
    fn a_statement_keeps_the_words_that_open_its_clause() {
        // `that` is no word of the statement, but `though`, `to` and `whether` are
        let Some(a) = acts("Ivo Oster said , \" Even though the road was closed , the farmers of Tarn never gave up . \"") else { return };
        assert!(a.iter().any(|f| f.0 == "Ivo Oster" && f.2.starts_with("Even though the road was closed") && f.2.ends_with("the farmers of Tarn never gave up")), "{a:?}");
        let Some(a) = acts("Mara Vellin said she is to leave the council in May .") else { return };
        assert!(a.iter().any(|f| f.0 == "Mara Vellin" && f.2 == "she is to leave the council in May"), "{a:?}");
        let Some(a) = acts("Ben Tarrow said that the ferry would sail on Monday .") else { return };
        assert!(a.iter().any(|f| f.0 == "Ben Tarrow" && f.2 == "the ferry would sail on Monday"), "{a:?}");
    }

    #[test]
    fn a_quoted_statement_starts_at_its_opening_mark() {
        // `told the press , " The past few weeks we have had dozens of floods . "` (invented): the
        // parser may hang the opening words on the verb; they are still the quotation's
        let Some(a) = acts("Mara Vellin told the press last week , \" The past several weeks we have had dozens of small floods in the valley . \"") else { return };
        assert!(a.iter().any(|f| f.0 == "Mara Vellin" && f.2.starts_with("The past several weeks we have had dozens")), "{a:?}");
    }

    #[test]
    fn a_report_between_commas_states_the_words_around_it() {
        let Some(a) = acts("About 300 homes , officials said , were destroyed by the fire .") else { return };
        assert!(a.iter().any(|f| f.0 == "officials" && f.1 == "say" && f.2 == "About 300 homes were destroyed by the fire"), "{a:?}");
        let Some(a) = acts("The new bridge , the minister said , will open in May .") else { return };
        assert!(a.iter().any(|f| f.0 == "minister" && f.2 == "The new bridge will open in May"), "{a:?}");
        // a report after a fronted adverbial is no parenthetical: its clause is the statement
        let Some(a) = acts("In the capital , officials said the bridge would reopen .") else { return };
        assert!(a.iter().any(|f| f.0 == "officials" && f.2 == "the bridge would reopen"), "{a:?}");
        // nor is a report framed by a phrase before it: the quotation after it is the statement
        let Some(a) = acts("In a statement , the mayor said , \" We will rebuild the bridge . \"") else { return };
        assert!(a.iter().any(|f| f.0 == "mayor" && f.2 == "We will rebuild the bridge"), "{a:?}");
    }

    #[test]
    fn a_quotation_is_the_statement_of_the_speaker_after_it() {
        let Some(a) = acts("\" We will not close the mine , \" Ilse Varga said .") else { return };
        assert!(a.iter().any(|f| f.0 == "Ilse Varga" && f.1 == "say" && f.2 == "We will not close the mine"), "{a:?}");
        // must give nothing: a subject inside the quotation speaks for no one
        assert!(!a.iter().any(|f| f.0 == "We"), "{a:?}");
    }

    #[test]
    fn told_gives_the_addressee_and_the_statement() {
        let Some(fs) = facts("The mayor told reporters the bridge would reopen on Monday .") else { return };
        assert!(fs.iter().any(|f| f.1 == "mayor" && f.2 == "tell" && f.3 == "reporters"), "{fs:?}");
        assert!(fs.iter().any(|f| f.0 == SPEECH_RULE && f.1 == "mayor" && f.3 == "the bridge would reopen on Monday"), "{fs:?}");
        let Some(fs) = facts("Varga told the radio station that the bridge was closed .") else { return };
        assert!(fs.iter().any(|f| f.1 == "Varga" && f.2 == "tell" && f.3 == "radio station" && f.0 != SPEECH_RULE), "{fs:?}");
        assert!(fs.iter().any(|f| f.0 == SPEECH_RULE && f.3 == "the bridge was closed"), "{fs:?}");
    }

    #[test]
    fn a_written_statement_speaks_for_its_author() {
        let Some(a) = acts("The league 's statement read : \" The final will be replayed in June . \"") else { return };
        assert!(a.iter().any(|f| f.0 == "league" && f.1 == "say" && f.2 == "The final will be replayed in June"), "{a:?}");
        let Some(a) = acts("A letter from the union said the strike had ended .") else { return };
        assert!(a.iter().any(|f| f.0 == "union" && f.2 == "the strike had ended"), "{a:?}");
        // must give nothing: a statement without an author names no speaker
        let Some(a) = acts("A statement said the strike had ended .") else { return };
        assert!(a.is_empty(), "{a:?}");
    }

    #[test]
    fn the_name_speaks_when_a_title_is_parsed_as_a_second_subject() {
        let Some(fs) = facts("Harbour official Lena Morvik said the ferry had been sinking for an hour .") else { return };
        let Some(s) = crate::extract::tests::analysed("Harbour official Lena Morvik said the ferry had been sinking for an hour .") else { return };
        let ts = Extractor::new().extract(&s, &[]);
        let inner = ts.iter().find(|t| t.subject.text == "ferry").unwrap_or_else(|| panic!("{fs:?}"));
        assert_eq!(inner.attribution.as_ref().map(|a| a.text.as_str()), Some("Lena Morvik"), "{fs:?}");
    }

    #[test]
    fn beliefs_and_findings_are_no_speech() {
        // must give nothing: a belief or a finding is not a statement of the subject
        let Some(a) = acts("Most farmers believe the river will flood again .") else { return };
        assert!(a.is_empty(), "{a:?}");
        let Some(a) = acts("The study found that the river had flooded twice .") else { return };
        assert!(a.is_empty(), "{a:?}");
    }

    #[test]
    fn a_long_statement_is_cut() {
        let clause = (0..60).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" , ");
        let Some(a) = acts(&format!("Varga said the list had {clause} .")) else { return };
        if let Some(f) = a.iter().find(|f| f.0 == "Varga") {
            assert!(f.2.ends_with('…'), "{f:?}");
            assert!(f.2.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count() <= MAX_WORDS, "{f:?}");
        } else {
            panic!("no speech act: {a:?}");
        }
    }

    #[test]
    fn a_statement_in_the_narrators_words_ends_at_a_semicolon() {
        let Some(a) = acts("The court suggested the debt was a factor in the decision ; according to lawyers , he owed money to the bank .") else { return };
        assert!(a.iter().any(|f| f.1 == "suggest" && f.2 == "the debt was a factor in the decision"), "{a:?}");
    }

    #[test]
    fn an_editors_bracket_opening_a_quotation_stays_whole() {
        let Some(a) = acts("\" [ It was ] a tough game out there , \" said Ben Tarrow .") else { return };
        assert!(a.iter().any(|f| f.1 == "say" && f.2.starts_with("[ It was ] a tough game")), "{a:?}");
    }
}
