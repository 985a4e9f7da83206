//! Agent nouns: someone the text says did something answers to the noun of the doer — after
//! `Ivo Oster attacked two guards`, a later `the attacker` is Ivo Oster, as `the buyer` is the
//! firm that bought and `the kidnapper` the one who kidnapped — through the nouns a cluster
//! answers to (`descriptions::class_description`).
//!
//! This is the regular-morphology half; `roles::agent_nouns` lists the doer nouns English does
//! not form by an ending (`shoot` → `gunman`, `attack` → `assailant`) for acts of violence.
//!
//! In: after each sentence's scan, the clusters its active subjects resolved to and their verbs.
//! Out: nouns added to those clusters' `described` list. The nouns are the verb's lemma with the
//! regular English endings of doers (-er, -r, -or, doubled consonant + -er, y → -ier); a form no
//! description asks for is never looked up. Verbs of saying and light verbs give none (`the
//! reporter` after `police reported` is someone else), nor does a negated act.

use super::state::*;

/// Verbs whose doer noun names no one in particular, or someone else: light verbs, verbs of
/// saying and of mental state (general English, closed class).
const NO_AGENT_NOUN: &[&str] = &[
    "be", "have", "do", "make", "take", "get", "give", "go", "come", "become", "seem", "use", "see", "know", "find", "keep",
    "hold", "say", "tell", "report", "write", "speak", "state", "announce", "claim", "add", "note", "ask", "answer",
    "comment", "explain", "describe", "call", "reply", "respond", "confirm", "deny", "live", "work", "play", "lead",
    "follow", "own", "believe", "think", "want", "need", "like", "love", "feel", "try", "start", "begin", "continue",
    "leave", "turn", "set", "put", "let", "mean", "show", "help", "include", "serve", "run", "read", "watch", "visit",
];

/// The doer nouns regular English forms from verb lemma `lemma` (lowercase): `attack` →
/// `attacker`, `drive` → `driver`, `investigate` → `investigator`, `rob` → `robber`, `carry` →
/// `carrier`, `invent` → `inventor`.
pub(super) fn agent_nouns(lemma: &str) -> Vec<String> {
    let chars: Vec<char> = lemma.chars().collect();
    if chars.len() < 3 || !chars.iter().all(|c| c.is_ascii_lowercase()) {
        return Vec::new();
    }
    let vowel = |c: char| "aeiou".contains(c);
    let last = chars[chars.len() - 1];
    let mut out = Vec::new();
    if let Some(stem) = lemma.strip_suffix('e') {
        out.push(format!("{lemma}r"));
        out.push(format!("{stem}or"));
    } else if let Some(stem) = lemma.strip_suffix('y').filter(|s| s.chars().last().is_some_and(|c| !vowel(c))) {
        out.push(format!("{stem}ier"));
    } else {
        out.push(format!("{lemma}er"));
        out.push(format!("{lemma}or"));
        // one short vowel before a final consonant doubles it: `rob` → `robber`, `kidnap` → `kidnapper`
        let n = chars.len();
        if !vowel(last) && !"wxy".contains(last) && vowel(chars[n - 2]) && !vowel(chars[n - 3]) {
            out.push(format!("{lemma}{last}er"));
        }
    }
    out
}

impl State<'_> {
    /// After sentence `si` was scanned: the doer nouns of the verbs whose active subject resolved
    /// to a named entity join the nouns that entity answers to.
    pub(super) fn register_agent_nouns(&mut self, si: usize) {
        let doc = self.doc;
        let Some(s) = doc.sentences.get(si) else { return };
        let mut found: Vec<(usize, String)> = Vec::new();
        for (k, t) in s.tokens.iter().enumerate() {
            if t.deprel != "nsubj" || t.head == 0 {
                continue;
            }
            let Some((Target::One(c), _)) = self.get_ref(si, k) else { continue };
            if self.clusters[*c].name.is_empty() {
                continue;
            }
            // the verb, and the verbs it passes its subject to (`started attacking`, `tried to rob`)
            let v = t.head - 1;
            let verbs = std::iter::once(v).chain((0..s.tokens.len()).filter(|&x| s.tokens[x].head == v + 1 && s.tokens[x].deprel == "xcomp"));
            for v in verbs {
                let verb = &s.tokens[v];
                let lemma = verb.lemma.to_lowercase();
                let negated = s.tokens.iter().any(|x| x.head == v + 1 && x.deprel == "advmod" && matches!(lower_key(&x.form).as_str(), "not" | "n't" | "never"));
                if verb.upos == "VERB" && !negated && !NO_AGENT_NOUN.contains(&lemma.as_str()) {
                    found.push((*c, lemma));
                }
            }
        }
        for (c, lemma) in found {
            for noun in agent_nouns(&lemma) {
                if !self.clusters[c].described.contains(&noun) {
                    self.clusters[c].described.push(noun);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::agent_nouns;

    #[test]
    fn doer_nouns_follow_the_regular_endings() {
        for (verb, noun) in [
            ("attack", "attacker"),
            ("drive", "driver"),
            ("investigate", "investigator"),
            ("rob", "robber"),
            ("kidnap", "kidnapper"),
            ("carry", "carrier"),
            ("invent", "inventor"),
            ("buy", "buyer"),
        ] {
            assert!(agent_nouns(verb).contains(&noun.to_owned()), "{verb}: {:?}", agent_nouns(verb));
        }
        assert!(!agent_nouns("attack").contains(&"attackker".to_owned()));
        assert!(agent_nouns("go").is_empty());
    }

    #[test]
    fn the_attacker_is_who_attacked_and_a_reporter_is_no_one_who_reported() {
        use crate::pipeline::{Pipeline, PipelineOptions, SourceText};
        let Ok(p) = Pipeline::new(PipelineOptions::default()) else { return };
        let subjects = |text: &str, verb: &str| -> Vec<String> {
            let d = p.process(SourceText::from_string("agent-test", text));
            d.facts.iter().filter(|f| f.predicate.name == verb).map(|f| f.subject.clone()).collect()
        };
        // invented
        let fled = subjects("Police said Ben Tarrow attacked two guards at the Ostrava market on Friday. The attacker then fled the market.", "flee");
        assert!(fled.iter().any(|s| s.contains("ben_tarrow")), "{fled:?}");
        let fled = subjects("Ben Tarrow started attacking shoppers at the Ostrava market. The attacker then fled the market.", "flee");
        assert!(fled.iter().any(|s| s.contains("ben_tarrow")), "{fled:?}");
        // `police reported` makes no one `the reporter`
        let asked = subjects("Police reported that Ben Tarrow had left Ostrava. The reporter then asked for comment.", "ask");
        assert!(!asked.iter().any(|s| s.contains("police")), "{asked:?}");
    }
}
