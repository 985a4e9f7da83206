//! Quotations that go on past their speaker's sentence: `"The dam held," Reller said. "Nobody
//! had to leave."` or `Reller said: "The dam held. Nobody had to leave."` (the sentence splitter
//! ends the first sentence inside the quotation). Extraction is per sentence, so the second
//! sentence names no speaker; a reader of the article knows it is still Reller talking.
//!
//! A sentence continues the quotation of the sentence before it when every word of it stands
//! inside quotation marks (opened in it, or still open from the sentence before), the two are in
//! one paragraph — or the earlier paragraph left the quotation open and the new one reopens it,
//! the typographic convention for a quotation over several paragraphs — and the speaker's
//! sentence holds a quotation itself. A run of such sentences all belong to the first one's
//! speaker. The speaker is the one entity that makes a speech act (`crate::extract::SPEECH_RULE`)
//! in that sentence; with none or several, nothing is carried.
//!
//! The speaker may also be named only where the quotation ends (`"For my part, the dam held. Nobody
//! had to leave. We were lucky," said Reller.`): a run of all-quoted sentences with no speaker
//! before it belongs to the speaker of the sentence, in the same paragraph, that closes the
//! quotation.
//!
//! When the speaker's sentence holds no speech act (the statement began sentences before), its
//! reported facts' one attribution names the speaker: the continuing sentences' facts are marked
//! `reported` and attributed to it (no `say` is added).
//!
//! Out: for each continuing sentence, the speaker's speech act again (`say`) with the sentence's
//! words as the statement (evidence: the continuing sentence), and the sentence's own facts marked
//! `reported` and attributed to the speaker where they carried no attribution.
//!
//! In: the document's sentences and the resolved-but-unfinished triples.

use super::state::{Pending, State};
use crate::document::{Argument, Modality, Sentence, Span};

/// Opening, closing and undirected quotation marks as the tokenizer splits them.
fn quote_mark(form: &str) -> Option<Option<bool>> {
    match form {
        "“" | "``" | "«" | "„" => Some(Some(true)),
        "”" | "''" | "»" => Some(Some(false)),
        "\"" => Some(None),
        _ => None,
    }
}

fn is_word(form: &str) -> bool {
    form.chars().any(char::is_alphanumeric)
}

/// Per token of `s`, whether it stands inside a quotation, starting `inside` or not; and whether
/// the quotation is still open at the end.
pub(super) fn quoted(s: &Sentence, mut inside: bool) -> (Vec<bool>, bool) {
    let mut out = Vec::with_capacity(s.tokens.len());
    for t in &s.tokens {
        match quote_mark(&t.form) {
            Some(Some(open)) => inside = open,
            Some(None) => inside = !inside,
            None => {}
        }
        out.push(inside);
    }
    (out, inside)
}

/// Pairs (continuing sentence, speaker's sentence), positions in `sentences` (see the module
/// comment).
pub(super) fn continuations(sentences: &[Sentence]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open = false;
    // the sentence whose speaker the next all-quoted sentence would belong to
    let mut source: Option<usize> = None;
    // all-quoted sentences with no speaker before them: the sentence that closes their quotation
    // may name one after it (`"… . He was ruthless . He is gone , " said Ana Reyes .`)
    let mut pending: Vec<usize> = Vec::new();
    for (k, s) in sentences.iter().enumerate() {
        let new_paragraph = k > 0 && sentences[k - 1].paragraph != s.paragraph;
        if new_paragraph {
            pending.clear();
        }
        let starts_quote = s.tokens.iter().find(|t| !t.form.trim().is_empty()).is_some_and(|t| quote_mark(&t.form).is_some_and(|o| o != Some(false)));
        // across a paragraph break only a quotation left open and reopened goes on
        let carry = if new_paragraph { open && starts_quote } else { true };
        let start_inside = open && !new_paragraph;
        let (inside, end) = quoted(s, start_inside);
        open = end;
        let words: Vec<usize> = (0..s.tokens.len()).filter(|&i| is_word(&s.tokens[i].form) && quote_mark(&s.tokens[i].form).is_none()).collect();
        // an editor's `[...]` between quoted sentences neither ends nor starts a quotation's run
        if words.is_empty() && !s.tokens.iter().any(|t| quote_mark(&t.form).is_some()) {
            continue;
        }
        let all_quoted = !words.is_empty() && words.iter().all(|&i| inside[i]);
        if all_quoted {
            match source.filter(|_| carry) {
                Some(src) => out.push((k, src)),
                None => {
                    source = None;
                    pending.push(k);
                }
            }
            continue;
        }
        let has_quote = s.tokens.iter().any(|t| quote_mark(&t.form).is_some());
        // the quotation ran on from the sentences before and closes here, where its speaker is
        if start_inside && has_quote {
            out.extend(pending.iter().map(|&p| (p, k)));
        }
        pending.clear();
        source = has_quote.then_some(k);
    }
    out.sort_unstable();
    out
}

/// The words of a quoted sentence without its quotation marks and the punctuation around them.
fn statement(s: &Sentence) -> Option<Argument> {
    let keep: Vec<usize> = (0..s.tokens.len()).filter(|&i| quote_mark(&s.tokens[i].form).is_none()).collect();
    let first = keep.iter().position(|&i| is_word(&s.tokens[i].form))?;
    let last = keep.iter().rposition(|&i| is_word(&s.tokens[i].form))?;
    let keep = &keep[first..=last];
    let mut text = String::new();
    for (n, &i) in keep.iter().enumerate() {
        let t = &s.tokens[i];
        text.push_str(&t.form);
        if n + 1 < keep.len() && t.space_after {
            text.push(' ');
        }
    }
    let (a, b) = (&s.tokens[keep[0]].span, &s.tokens[keep[keep.len() - 1]].span);
    let span = Span::new(a.byte.start..b.byte.end, a.char.start..b.char.end);
    Some(Argument { tokens: keep[0]..keep[keep.len() - 1] + 1, head: keep[0], text, span })
}

impl State<'_> {
    /// Carries the speaker of a quotation into the sentences that continue it (module comment).
    pub(super) fn carry_quotes(&self, triples: &mut Vec<Pending>) {
        let sentences = &self.doc.sentences;
        let mut added = Vec::new();
        for (k, src) in continuations(sentences) {
            let (ks, ss) = (sentences[k].index, sentences[src].index);
            let acts: Vec<&Pending> = triples.iter().filter(|p| p.0.sentence == ss && p.0.rule == crate::extract::SPEECH_RULE && p.1.len() == 1).collect();
            let Some(&act) = acts.first() else {
                // no speech act there (`… nation", said Ana Reyes` closing a quotation opened
                // sentences before gives none): the speaker is the one attribution of the
                // sentence's reported facts, and the continuing sentence's facts are reported too
                let labels: Vec<&String> = triples.iter().filter(|p| p.0.sentence == ss && p.0.modality == Modality::Reported).filter_map(|p| p.4.as_ref()).collect();
                let Some(&label) = labels.first() else { continue };
                if labels.iter().any(|l| *l != label) {
                    continue;
                }
                let label = label.clone();
                for p in triples.iter_mut().filter(|p| p.0.sentence == ks && p.4.is_none()) {
                    p.4 = Some(label.clone());
                    if p.0.modality == Modality::Asserted {
                        p.0.modality = Modality::Reported;
                    }
                }
                continue;
            };
            if acts.iter().any(|p| p.1 != act.1) {
                continue; // two speakers: a reader could not tell whose words follow
            }
            let mut t = act.clone();
            let Some(said) = statement(&sentences[k]) else { continue };
            let speaker = t.1[0];
            let label = self.clusters[speaker].label.clone();
            for p in triples.iter_mut().filter(|p| p.0.sentence == ks && p.4.is_none()) {
                p.4 = Some(label.clone());
                if p.0.modality == Modality::Asserted {
                    p.0.modality = Modality::Reported;
                }
            }
            t.0.sentence = ks;
            t.0.extra = vec![said];
            // what the speaker went on to say: `told reporters` or `warned` was the first
            // sentence's act, the rest is said
            t.0.key.verb = Some("say".into());
            t.0.relation = "said".into();
            t.5.push((format!("quote-continued:{label}"), vec![speaker]));
            added.push(t);
        }
        if !added.is_empty() {
            triples.extend(added);
            // stable: each sentence's facts keep their order, the carried act after them
            triples.sort_by_key(|p| p.0.sentence);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::continuations;
    use crate::document::Document;
    use crate::resolve::tests::{doc, ment, run};
    use crate::document::{EntityType as T, Modality, OpenTriple};

    /// A document whose sentences all stand in paragraph `para[i]`.
    fn paragraphs(sents: &[&str], para: &[usize]) -> Document {
        let mut d = doc(sents);
        for (s, &p) in d.sentences.iter_mut().zip(para) {
            s.paragraph = p;
        }
        d
    }

    fn pairs(sents: &[&str], para: &[usize]) -> Vec<(usize, usize)> {
        continuations(&paragraphs(sents, para).sentences)
    }

    #[test]
    fn a_quoted_sentence_after_a_quotation_continues_it() {
        let s = ["\" The dam held , \" Reller said .", "\" Nobody had to leave . \"", "\" The road is open . \""];
        assert_eq!(pairs(&s, &[1, 1, 1]), vec![(1, 0), (2, 0)]);
        // a quotation the splitter cut after its first sentence
        assert_eq!(pairs(&["Reller said : \" The dam held .", "Nobody had to leave . \""], &[1, 1]), vec![(1, 0)]);
        // typographic quotes
        assert_eq!(pairs(&["“ The dam held , ” Reller said .", "“ Nobody had to leave . ”"], &[1, 1]), vec![(1, 0)]);
    }

    #[test]
    fn no_continuation_without_a_quotation_before_or_across_paragraphs() {
        // must give nothing: the sentence before quotes no one
        assert!(pairs(&["Reller said the dam held .", "\" Nobody had to leave . \""], &[1, 1]).is_empty());
        // must give nothing: a new paragraph opens a new quotation, often of someone else
        assert!(pairs(&["\" The dam held , \" Reller said .", "\" Nobody had to leave . \""], &[1, 2]).is_empty());
        // must give nothing: words outside the quotation make the sentence its own
        assert!(pairs(&["\" The dam held , \" Reller said .", "\" Nobody left , \" Orsa added ."], &[1, 1]).is_empty());
        // a quotation left open at a paragraph's end and reopened goes on
        assert_eq!(pairs(&["Reller said : \" The dam held .", "\" Nobody had to leave . \""], &[1, 2]), vec![(1, 0)]);
    }

    #[test]
    fn a_quotation_whose_speaker_comes_last_belongs_to_that_speaker() {
        let s = ["\" For my part , the dam held .", "Nobody had to leave .", "We were lucky , \" said Reller ."];
        assert_eq!(pairs(&s, &[1, 1, 1]), vec![(0, 2), (1, 2)]);
        let s = ["\" For my part , the dam held .", "[ ... ]", "Nobody had to leave .", "We were lucky , \" said Reller ."];
        assert_eq!(pairs(&s, &[1, 1, 1, 1]), vec![(0, 3), (2, 3)]);
        // must give nothing: the quotation closed before the speaker's sentence, or a new paragraph
        let s = ["\" The dam held . \"", "Reller said the road was open ."];
        assert!(pairs(&s, &[1, 1]).is_empty());
        let s = ["\" The dam held .", "Nobody left , \" said Reller ."];
        assert!(pairs(&s, &[1, 2]).is_empty());
    }

    fn act(d: &Document, si: usize, subj: &str, said: &str) -> OpenTriple {
        let mut t = crate::resolve::tests::tri(d, si, subj, "said", "say", None);
        t.rule = crate::extract::SPEECH_RULE.into();
        let mut a = t.subject.clone();
        a.text = said.into();
        t.extra = vec![a];
        t
    }

    #[test]
    fn the_speaker_says_the_continuing_sentence() {
        let d = paragraphs(&["\" The dam held , \" Ilse Reller said .", "\" Crews repaired the road . \""], &[1, 1]);
        let m = [ment(&d, 0, "Ilse Reller", T::Person)];
        let inner = crate::resolve::tests::tri(&d, 1, "Crews", "repaired", "repair", Some("the road"));
        let r = run(&d, &m, vec![act(&d, 0, "Ilse Reller", "The dam held"), inner]);
        let said: Vec<(usize, &str, &str)> = r
            .triples
            .iter()
            .filter(|t| t.triple.rule == crate::extract::SPEECH_RULE)
            .map(|t| (t.triple.sentence, t.subject.as_str(), t.triple.extra[0].text.as_str()))
            .collect();
        assert_eq!(said, vec![(0, "ilse_reller", "The dam held"), (1, "ilse_reller", "Crews repaired the road")], "{:?}", r.triples);
        let own = r.triples.iter().find(|t| t.triple.relation == "repaired").expect("the sentence's own fact");
        assert_eq!((own.attribution.as_deref(), own.triple.modality), (Some("Ilse Reller"), Modality::Reported));
    }

    #[test]
    fn a_closing_sentence_without_a_speech_act_lends_its_attribution() {
        let d = paragraphs(&["\" For my part , the dam held .", "Crews repaired the road .", "The town was lucky , \" said Ilse Reller ."], &[1, 1, 1]);
        let m = [ment(&d, 2, "Ilse Reller", T::Person)];
        let inner = crate::resolve::tests::tri(&d, 1, "Crews", "repaired", "repair", Some("the road"));
        let mut lucky = crate::resolve::tests::tri(&d, 2, "The town", "was", "be", Some("lucky"));
        lucky.modality = Modality::Reported;
        lucky.attribution = Some(crate::resolve::tests::arg(&d, 2, "Ilse Reller"));
        let r = run(&d, &m, vec![inner, lucky]);
        let own = r.triples.iter().find(|t| t.triple.relation == "repaired").expect("the sentence's own fact");
        assert_eq!(own.triple.modality, Modality::Reported, "{:?}", r.triples);
        assert!(own.attribution.as_deref().is_some_and(|a| a.contains("Reller")), "{:?}", own.attribution);
    }

    #[test]
    fn two_speakers_carry_nothing() {
        let d = paragraphs(&["\" It held , \" Ilse Reller said , and Tom Orsa said \" it will hold \" .", "\" Nobody had to leave . \""], &[1, 1]);
        let m = [ment(&d, 0, "Ilse Reller", T::Person), ment(&d, 0, "Tom Orsa", T::Person)];
        let r = run(&d, &m, vec![act(&d, 0, "Ilse Reller", "It held"), act(&d, 0, "Tom Orsa", "it will hold")]);
        // must give nothing: whose words follow is not known
        assert!(r.triples.iter().all(|t| t.triple.sentence == 0), "{:?}", r.triples);
    }
}
