//! The lexicon: relation patterns (lemmas) mapped to ontology properties.
//!
//! In: `lexicon*.tsv` texts (format in `ontology/lexicon.tsv`'s header and `ontology/README.md`)
//! and a [`RelationKey`] per triple. Out: the matching [`LexiconEntry`] and how it was found.
//! Parsing is pure (text in, entries or a located error out); checking that the properties exist
//! is done by the caller, which knows the loaded schema.

use super::OntologyError;
use crate::document::RelationKey;
use std::collections::HashMap;

/// One line of a lexicon file.
#[derive(Debug, Clone, PartialEq)]
pub struct LexiconEntry {
    /// Lemma pattern (`clash with`, `feud *`).
    pub pattern: String,
    /// The property as written (`kg:clashesWith` or `<https://…>`).
    pub property: String,
    /// `os`: the extracted object becomes the subject.
    pub swap: bool,
    /// `passive`: the pattern also reads an agentless passive with its preposition, whose
    /// subject is what the participle describes (`was born in`, `is known as`). Other entries
    /// read the active voice only: their subject is the doer, which such a passive leaves out.
    pub passive: bool,
    /// Confidence multiplier in (0, 1].
    pub weight: f32,
    pub comment: String,
    /// File it came from, and 1-based line.
    pub file: String,
    pub line: usize,
    /// Full IRI of the property; filled in when the ontology is loaded (empty after [`parse`]).
    pub iri: String,
}

impl LexiconEntry {
    /// `file:line`.
    pub fn source(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

/// Copulas: `be producer of` is looked up as `producer of`.
pub const COPULAS: [&str; 7] = ["be", "remain", "become", "stay", "seem", "serve", "continue"];
/// Light verbs whose meaning is in their noun: `launch offensive against` -> `offensive against`.
pub const LIGHT_VERBS: [&str; 17] = [
    "have", "hold", "launch", "carry", "conduct", "make", "take", "give", "wage", "stage", "issue", "express",
    "voice", "level", "pose", "mount", "deliver",
];

/// Parses one lexicon file. `name` is used in sources and errors.
pub fn parse(name: &str, text: &str) -> Result<Vec<LexiconEntry>, OntologyError> {
    let mut out = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let err = |message: String| OntologyError::Lexicon { file: name.to_string(), line: line_no, message };
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 {
            return Err(err(format!(
                "expected tab-separated columns `pattern<TAB>property[<TAB>so|os[<TAB>weight[<TAB>comment]]]`, got {line:?}"
            )));
        }
        let pattern = cols[0].split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        if pattern.is_empty() {
            return Err(err("empty pattern".into()));
        }
        if pattern.split(' ').rev().skip(1).any(|w| w == "*") {
            return Err(err(format!("pattern {pattern:?}: `*` may only be the last word")));
        }
        let property = cols[1].trim().to_string();
        let valid_prop = (property.starts_with('<') && property.ends_with('>') && property.len() > 2)
            || property.split_once(':').is_some_and(|(p, l)| !l.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()));
        if !valid_prop {
            return Err(err(format!("property {property:?} is neither `prefix:name` nor `<IRI>`")));
        }
        let (swap, passive) = match cols.get(2).map(|s| s.trim()).unwrap_or("") {
            "" | "so" => (false, false),
            "os" => (true, false),
            "passive" => (false, true),
            other => return Err(err(format!("args column must be `so`, `os` or `passive`, got {other:?}"))),
        };
        let weight = match cols.get(3).map(|s| s.trim()).unwrap_or("") {
            "" => 1.0,
            w => match w.parse::<f32>() {
                Ok(x) if x > 0.0 && x <= 1.0 => x,
                _ => return Err(err(format!("weight must be a number in (0, 1], got {w:?}"))),
            },
        };
        if let Some(first) = seen.insert(pattern.clone(), line_no) {
            return Err(err(format!("pattern {pattern:?} is already defined on line {first}")));
        }
        out.push(LexiconEntry {
            pattern,
            property,
            swap,
            passive,
            weight,
            comment: cols.get(4..).map(|c| c.join(" ").trim().to_string()).unwrap_or_default(),
            file: name.to_string(),
            line: line_no,
            iri: String::new(),
        });
    }
    Ok(out)
}

/// Role modifiers that make the role not the holder's now (general English, closed class).
const NOT_NOW_MODIFIERS: &[&str] = &["former", "ex", "then", "late", "outgoing", "onetime", "erstwhile", "would-be", "future"];

/// Patterns to try for a key, most specific first, each with why it was derived.
/// Passive keys turned active drop their `by`; modifiers are reduced; copulas and light verbs
/// before a noun are dropped.
pub fn candidates(key: &RelationKey) -> Vec<(String, &'static str)> {
    let mut key = key.clone();
    for s in [&mut key.verb, &mut key.particle, &mut key.noun, &mut key.prep] {
        if let Some(v) = s {
            *v = v.trim().to_lowercase();
            if v.is_empty() {
                *s = None;
            }
        }
    }
    key.noun_modifiers = key.noun_modifiers.iter().map(|m| m.trim().to_lowercase()).filter(|m| !m.is_empty()).collect();
    if key.passive && key.prep.as_deref() == Some("by") {
        key.prep = None;
    }
    let mut out: Vec<(String, &'static str)> = Vec::new();
    let mut push = |k: &RelationKey, why: &'static str| {
        let p = k.pattern();
        if !p.is_empty() && !out.iter().any(|(q, _)| *q == p) {
            out.push((p, why));
        }
    };
    let mods = key.noun_modifiers.clone();
    // `former mayor of`, `ex-chairman of`: a modifier that puts the role in the past (or the
    // future) is never reduced away, so such a role finds no present-tense property (`kg:mayorOf`)
    // and stays an open relation that says `former`
    let not_now = mods.iter().any(|m| NOT_NOW_MODIFIERS.contains(&m.as_str()));
    let variants = |k: &RelationKey| -> Vec<(RelationKey, bool)> {
        let mut v = vec![(k.clone(), false)];
        if !mods.is_empty() && !not_now {
            for m in &mods {
                v.push((RelationKey { noun_modifiers: vec![m.clone()], ..k.clone() }, true));
            }
            v.push((RelationKey { noun_modifiers: Vec::new(), ..k.clone() }, true));
        }
        v
    };
    for (k, reduced) in variants(&key) {
        push(&k, if reduced { "noun modifiers reduced" } else { "exact" });
    }
    let droppable = key.noun.is_some()
        && key.verb.as_deref().is_some_and(|v| COPULAS.contains(&v) || LIGHT_VERBS.contains(&v));
    if droppable {
        let verbless = RelationKey { verb: None, particle: None, ..key.clone() };
        for (k, reduced) in variants(&verbless) {
            push(&k, if reduced { "verb dropped, noun modifiers reduced" } else { "verb dropped" });
        }
    }
    // A compound preposition from two attachments (`clashed over issues with Quillen` -> `over
    // with`): each of its words alone, the last (the object's own) first.
    if let Some(prep) = key.prep.clone().filter(|p| p.contains(' ')) {
        let words: Vec<&str> = prep.split(' ').collect();
        for w in words.iter().rev() {
            let single = RelationKey { prep: Some((*w).to_string()), ..key.clone() };
            let mut again = candidates(&single);
            again.retain(|(p, _)| !out.iter().any(|(q, _)| q == p));
            out.extend(again.into_iter().map(|(p, _)| (p, "one word of a compound preposition")));
        }
    }
    // A preposition the parser took for a particle (`clashed over issues with Quillen`: particle
    // `over`, prep `with`): without it, when the object has its own preposition.
    if key.prep.is_some() && key.particle.as_deref().is_some_and(|p| PREPOSITIONAL_PARTICLES.contains(&p)) {
        let single = RelationKey { particle: None, ..key.clone() };
        let mut again = candidates(&single);
        again.retain(|(p, _)| !out.iter().any(|(q, _)| q == p));
        out.extend(again.into_iter().map(|(p, _)| (p, "particle read as a second preposition")));
    }
    out
}

/// Particles that are also prepositions and rarely change the verb's meaning (unlike `out`,
/// `off`, `up`): `clash over … with` is `clash with`.
pub const PREPOSITIONAL_PARTICLES: [&str; 10] = ["over", "about", "on", "in", "with", "for", "against", "around", "through", "across"];

/// Entries by pattern; later files override earlier ones.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    exact: HashMap<String, usize>,
    wildcard: HashMap<String, usize>,
    entries: Vec<LexiconEntry>,
}

impl Lexicon {
    pub fn add(&mut self, entries: Vec<LexiconEntry>) {
        for e in entries {
            let idx = self.entries.len();
            match e.pattern.strip_suffix(" *").or_else(|| (e.pattern == "*").then_some("")) {
                Some(prefix) => self.wildcard.insert(prefix.to_string(), idx),
                None => self.exact.insert(e.pattern.clone(), idx),
            };
            self.entries.push(e);
        }
    }

    /// Entries in effect (overridden ones left out), sorted by pattern.
    pub fn entries(&self) -> Vec<&LexiconEntry> {
        let mut v: Vec<&LexiconEntry> = self.exact.values().chain(self.wildcard.values()).map(|&i| &self.entries[i]).collect();
        v.sort_by(|a, b| a.pattern.cmp(&b.pattern));
        v
    }

    /// Looks a pattern up: exactly, then as `prefix *` with the preposition removed.
    pub fn get(&self, pattern: &str, key_prep: Option<&str>) -> Option<&LexiconEntry> {
        if let Some(&i) = self.exact.get(pattern) {
            return Some(&self.entries[i]);
        }
        let base = match key_prep {
            Some(p) => pattern.strip_suffix(p).map(str::trim_end)?,
            None => pattern,
        };
        self.wildcard.get(base).map(|&i| &self.entries[i])
    }

    /// Finds the first candidate pattern of `key` in the lexicon.
    pub fn lookup(&self, key: &RelationKey) -> Option<(&LexiconEntry, String, &'static str)> {
        let prep = key.prep.as_deref().map(str::to_lowercase).unwrap_or_default();
        let preps: Vec<&str> = std::iter::once(prep.as_str()).chain(prep.split(' ')).filter(|p| !p.is_empty()).collect();
        candidates(key).into_iter().find_map(|(p, why)| {
            let prep = preps
                .iter()
                .copied()
                .find(|pr| p.strip_suffix(pr).is_some_and(|rest| rest.is_empty() || rest.ends_with(' ')));
            self.get(&p, prep).map(|e| (e, p, why))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(verb: Option<&str>, noun: Option<&str>, mods: &[&str], prep: Option<&str>) -> RelationKey {
        RelationKey {
            verb: verb.map(Into::into),
            particle: None,
            noun: noun.map(Into::into),
            noun_modifiers: mods.iter().map(|m| m.to_string()).collect(),
            prep: prep.map(Into::into),
            passive: false,
            matrix: None,
            gerund: None,
        }
    }

    #[test]
    fn parses_lines_and_reports_errors_with_line_numbers() {
        let ok = parse("x.tsv", "# c\n\nclash with\tkg:clashesWith\n have  president \tkg:presidentOf\tos\t0.5\tnote here\n").unwrap();
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[1].pattern, "have president");
        assert!(ok[1].swap);
        assert_eq!(ok[1].weight, 0.5);
        assert_eq!(ok[1].source(), "x.tsv:4");
        let bad: &[(&str, usize, &str)] = &[
            ("meet\n", 1, "tab-separated"),
            ("# h\nmeet\tkg:meets\tsideways\n", 2, "`so`, `os` or `passive`"),
            ("meet\tkg:meets\tso\t2\n", 1, "weight"),
            ("meet\tmeets\n", 1, "prefix:name"),
            ("meet\tkg:meets\nmeet\tkg:visits\n", 2, "already defined on line 1"),
            ("* with\tkg:meets\n", 1, "last word"),
        ];
        for (text, line, needle) in bad {
            match parse("u.tsv", text) {
                Err(OntologyError::Lexicon { file, line: l, message }) => {
                    assert_eq!((file.as_str(), l), ("u.tsv", *line), "{text:?}");
                    assert!(message.contains(needle), "{message} should mention {needle}");
                }
                other => panic!("{text:?}: expected a lexicon error, got {other:?}"),
            }
        }
    }

    #[test]
    fn a_past_role_keeps_its_modifier() {
        // `former mayor of` must not reach `mayor of` (a present-tense property)
        let c: Vec<String> = candidates(&key(None, Some("mayor"), &["former"], Some("of"))).into_iter().map(|c| c.0).collect();
        assert_eq!(c, ["former mayor of"]);
        let c: Vec<String> = candidates(&key(None, Some("mayor"), &["deputy"], Some("of"))).into_iter().map(|c| c.0).collect();
        assert!(c.contains(&"mayor of".to_string()), "{c:?}");
    }

    #[test]
    fn candidate_order() {
        let c: Vec<String> = candidates(&key(Some("remain"), Some("producer"), &["biggest"], Some("of")))
            .into_iter()
            .map(|c| c.0)
            .collect();
        assert_eq!(c, ["remain biggest producer of", "remain producer of", "biggest producer of", "producer of"]);
        let c = candidates(&key(Some("oppose"), None, &[], Some("by")));
        assert_eq!(c[0].0, "oppose by");
        let passive = RelationKey { passive: true, ..key(Some("oppose"), None, &[], Some("by")) };
        assert_eq!(candidates(&passive)[0].0, "oppose");
        // A content verb before a noun is never dropped: "deny support for" is not "support for".
        let c: Vec<String> = candidates(&key(Some("clash"), None, &[], Some("over with"))).into_iter().map(|c| c.0).collect();
        assert_eq!(c, ["clash over with", "clash with", "clash over"]);
        let prt = RelationKey { particle: Some("over".into()), ..key(Some("clash"), None, &[], Some("with")) };
        let c: Vec<String> = candidates(&prt).into_iter().map(|c| c.0).collect();
        assert_eq!(c, ["clash over with", "clash with"]);
        let prt = RelationKey { particle: Some("out".into()), ..key(Some("carry"), None, &[], Some("on")) };
        assert_eq!(candidates(&prt).len(), 1, "`carry out on` keeps its particle");
        let c = candidates(&key(Some("deny"), Some("support"), &[], Some("for")));
        assert!(c.iter().all(|(p, _)| p.starts_with("deny")), "{c:?}");
    }

    #[test]
    fn lookup_with_wildcards_and_overrides() {
        let mut lex = Lexicon::default();
        lex.add(parse("a.tsv", "feud *\tkg:feudsWith\nmeet\tkg:meets\n").unwrap());
        lex.add(parse("b.tsv", "meet\tkg:talksWith\n").unwrap());
        let (e, p, _) = lex.lookup(&key(Some("feud"), None, &[], Some("over"))).unwrap();
        assert_eq!((e.property.as_str(), p.as_str()), ("kg:feudsWith", "feud over"));
        assert!(lex.lookup(&key(Some("feud"), None, &[], None)).is_some());
        assert_eq!(lex.lookup(&key(Some("feud"), None, &[], Some("over with"))).unwrap().1, "feud over with");
        assert_eq!(lex.lookup(&key(Some("meet"), None, &[], None)).unwrap().0.property, "kg:talksWith");
        assert!(lex.lookup(&key(Some("meet"), None, &[], Some("with"))).is_none());
        assert_eq!(lex.entries().len(), 2);
    }
}
