//! Test helpers for the rule families: invented sentences written as `word/UPOS` items.

use crate::document::{EntityType, Mention, Sentence, Span, Token};
use crate::extract::Extractor;

/// A sentence from `word/UPOS` items (flat tree: the role rules read the words, not the
/// arcs); `[[`…`]]` marks a person mention, `{{`…`}}` an organisation, `<<`…`>>` a country,
/// `((`…`))` a city and `%%`…`%%` another location.
pub(crate) fn sentence(spec: &str) -> (Sentence, Vec<Mention>) {
    let mut tokens = Vec::new();
    let mut mentions = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    let mut text = String::new();
    for item in spec.split_whitespace() {
        // `word/UPOS` or `word/UPOS/HEAD/DEPREL` (HEAD 1-based, 0 for the root)
        let parts: Vec<&str> = item.rsplitn(4, '/').collect();
        let (form, upos, arc) = if parts.len() == 4 && parts[1].parse::<usize>().is_ok() {
            (parts[3], parts[2], Some((parts[1].parse::<usize>().unwrap(), parts[0])))
        } else {
            let (f, u) = item.rsplit_once('/').unwrap();
            (f, u, None)
        };
        let (form, start_kind) = match form {
            _ if form.starts_with("[[") => (&form[2..], Some(EntityType::Person)),
            _ if form.starts_with("{{") => (&form[2..], Some(EntityType::Organization)),
            _ if form.starts_with("<<") => (&form[2..], Some(EntityType::Country)),
            _ if form.starts_with("((") => (&form[2..], Some(EntityType::City)),
            _ if form.starts_with("%%") => (&form[2..], Some(EntityType::Location)),
            _ => (form, None),
        };
        let closes = ["]]", "}}", ">>", "))", "%%"].iter().any(|c| form.ends_with(c));
        let form = if closes { &form[..form.len() - 2] } else { form };
        if let Some(k) = start_kind {
            open = Some((tokens.len(), k));
        }
        if !text.is_empty() {
            text.push(' ');
        }
        let s = text.len();
        text.push_str(form);
        let mut t = Token::new(form, Span::new(s..text.len(), s..text.len()));
        t.lemma = form.to_lowercase();
        // a plural role noun (`Senators`) gets its singular lemma, as the tagger would give it
        if upos == "NOUN" && form.ends_with('s') && crate::extract::lexicon::role_class(&t.lemma[..t.lemma.len() - 1]).is_some() {
            t.lemma.pop();
            t.feats = "Number=Plur".into();
        }
        // auxiliaries are finite unless plain infinitive or participle
        if upos == "AUX" && !matches!(form, "be" | "been" | "being") {
            t.feats = "VerbForm=Fin".into();
        }
        // `his/PRP$`: a possessive pronoun (upos PRON, xpos PRP$)
        if upos == "PRP$" {
            t.upos = "PRON".into();
            t.xpos = "PRP$".into();
        } else {
            t.upos = upos.into();
        }
        t.deprel = "dep".into();
        if let Some((head, deprel)) = arc {
            t.head = head;
            t.deprel = deprel.into();
        }
        t.space_after = true;
        tokens.push(t);
        if closes {
            let (a, kind) = open.take().unwrap();
            mentions.push(Mention {
                sentence: 0,
                tokens: a..tokens.len(),
                span: Span::default(),
                text: String::new(),
                kind,
                entity: None,
            });
        }
    }
    // `Director-General` is written without spaces around the hyphen
    for i in 0..tokens.len() {
        let hyphen_next = tokens.get(i + 1).is_some_and(|t| t.form == "-");
        if tokens[i].form == "-" || hyphen_next {
            tokens[i].space_after = false;
        }
    }
    let s = Sentence {
        index: 0,
        paragraph: 1,
        span: Span::new(0..text.len(), 0..text.len()),
        text,
        tokens,
    };
    (s, mentions)
}

/// The facts of the rules whose name starts with `rule`.
pub(crate) fn facts(spec: &str, rule: &str) -> Vec<(String, String, String)> {
    let (s, m) = sentence(spec);
    Extractor::new()
        .extract(&s, &m)
        .into_iter()
        .filter(|t| t.rule.starts_with(rule))
        .map(|t| (t.subject.text, t.relation, t.object.map(|o| o.text).unwrap_or_default()))
        .collect()
}

/// Invented sentences with the facts they must give (subject, relation, object) and the subjects
/// that must have no fact, for the rules whose name starts with `rule`.
pub(crate) type Case<'a> = (&'a str, &'a [(&'a str, &'a str, &'a str)], &'a [&'a str]);

pub(crate) fn check_cases(cases: &[Case], rule: &str) {
    for (spec, want, absent) in cases {
        let got = facts(spec, rule);
        for (s, r, o) in *want {
            assert!(
                got.iter().any(|(gs, gr, go)| gs == s && gr == r && go == o),
                "{spec}: missing {s} | {r} | {o} in {got:?}"
            );
        }
        for s in *absent {
            assert!(!got.iter().any(|(gs, _, _)| gs == s), "{spec}: unexpected fact for {s} in {got:?}");
        }
    }
}
