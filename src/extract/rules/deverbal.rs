//! Event nouns and their verbs: `resignation` → resign, `bombing` → bomb, `arrest` → arrest,
//! `death` → die. English derives event nouns from verbs by a few suffixes (`-ation`, `-ition`,
//! `-sion`, `-tion`, `-ment`, `-al`, `-ure`, `-ance`, `-ence`, `-ing`) or by conversion (the bare
//! verb as a noun); the candidates these rules produce are checked against the verb lemmas the
//! lemmatizer learned from UD English EWT (`Lemmatizer::is_known`), so a noun becomes a verb only
//! when English has that verb. A short table covers the suppletive pairs the suffix rules cannot
//! reach (`death` → die, `loss` → lose), the complete class of such pairs for common event nouns.
//!
//! Whether a noun names an event at all (not an agent, a result or a place) is decided by the
//! caller from the tree (its arguments), not here.
//!
//! In: a lowercase noun lemma. Out: the verb lemma, if any.

/// Suppletive and irregular noun → verb pairs of general English (the stem changes, so no suffix
/// rule finds them).
const IRREGULAR: &[(&str, &str)] = &[
    ("death", "die"),
    ("birth", "bear"),
    ("loss", "lose"),
    ("sale", "sell"),
    ("choice", "choose"),
    ("proof", "prove"),
    ("defence", "defend"),
    ("defense", "defend"),
    ("offence", "offend"),
    ("offense", "offend"),
    ("pursuit", "pursue"),
    ("flight", "flee"),
    ("destruction", "destroy"),
    ("seizure", "seize"),
    ("expulsion", "expel"),
    ("response", "respond"),
    ("growth", "grow"),
    ("entry", "enter"),
    ("recovery", "recover"),
    ("discovery", "discover"),
    ("delivery", "deliver"),
    ("inquiry", "inquire"),
    ("burial", "bury"),
    ("trial", "try"),
    ("analysis", "analyze"),
    ("speech", "speak"),
    ("theft", "steal"),
    ("sight", "see"),
    ("bid", "bid"),
    ("victory", "win"),
    ("win", "win"),
];

/// Nouns that look derived but name no event of their verb (`government` is an institution, not
/// governing; `nation`, `station` have no verb), checked before the suffix rules.
const NOT_EVENTS: &[&str] = &[
    "government", "nation", "station", "ration", "population", "location", "organization", "organisation", "administration",
    "foundation", "institution", "association", "corporation", "union", "opinion", "region", "religion", "position", "condition",
    "department", "apartment", "parliament", "environment", "equipment", "document", "official", "capital", "animal", "hospital",
    "individual", "total", "material", "rival", "general", "principal", "signal", "national", "criminal", "building", "morning",
    "evening", "thing", "nothing", "something", "everything", "king", "ring", "wing", "spring", "ceiling", "feeling", "meaning",
    "being", "ending", "funding", "housing", "clothing", "furniture", "nature", "culture", "picture", "future", "structure",
    "temperature", "literature", "legislature", "minute", "distance", "finance", "province", "evidence", "science", "audience",
    "sentence", "conference", "presidence", "residence", "violence", "silence", "experience", "influence", "instance", "balance",
    "insurance", "chance", "france", "ambulance", "session", "commission", "mission", "television", "version", "division", "vision",
    "question", "section", "edition", "tradition", "ambition", "nutrition", "position", "competition", "opposition", "coalition",
];

/// The verb an event noun is derived from, checked with `is_verb` (a known verb lemma).
pub(crate) fn verb_of_noun(noun: &str, is_verb: &dyn Fn(&str) -> bool) -> Option<String> {
    let n = noun.to_lowercase();
    if n.len() < 3 || NOT_EVENTS.contains(&n.as_str()) {
        return None;
    }
    if let Some(&(_, v)) = IRREGULAR.iter().find(|(k, _)| *k == n) {
        return Some(v.to_owned());
    }
    candidates(&n).into_iter().find(|c| c.len() >= 3 && is_verb(c))
}

/// Derivational suffixes of English event nouns and the verb endings that replace them, most
/// specific first: `notification` → notify, `resignation` → resign, `nomination` → nominate,
/// `cancellation` → cancel, `acquisition` → acquire, `addition` → add, `invasion` → invade,
/// `extension` → extend, `admission` → admit, `discussion` → discuss, `election` → elect,
/// `reduction` → reduce, `detention` → detain, `appointment` → appoint, `removal` → remove,
/// `departure` → depart, `closure` → close, `appearance` → appear, `insistence` → insist.
const SUFFIXES: &[(&str, &[&str])] = &[
    ("ication", &["y"]),
    ("llation", &["l"]),
    ("ation", &["", "ate", "e"]),
    ("isition", &["ire"]),
    ("ition", &["", "e"]),
    ("ssion", &["t", "ss"]),
    ("sion", &["de", "d", "t", ""]),
    ("ention", &["ain"]),
    ("uction", &["uce"]),
    ("ion", &["", "e"]),
    ("ment", &[""]),
    ("al", &["e", ""]),
    ("ure", &["", "e"]),
    ("ance", &["", "e"]),
    ("ence", &["", "e"]),
];

/// Verb candidates of a noun, most specific first.
fn candidates(n: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (suffix, ends) in SUFFIXES {
        if let Some(stem) = n.strip_suffix(suffix) {
            out.extend(ends.iter().map(|e| format!("{stem}{e}")));
        }
    }
    // -ing: `bombing` → bomb, `closing` → close, `shutting` → shut
    if let Some(s) = n.strip_suffix("ing") {
        let b = s.as_bytes();
        if b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] {
            out.push(s[..s.len() - 1].to_owned());
        }
        out.push(s.to_owned());
        out.push(format!("{s}e"));
    }
    // conversion: `arrest`, `ban`, `attack`, `visit` (only when no suffix applies)
    if out.is_empty() {
        out.push(n.to_owned());
    }
    out
}

/// The verb of an event noun as a `'static` string, for literal relations. Verbs are interned
/// once each; their number is bounded by the lemmatizer's verb vocabulary plus [`IRREGULAR`].
pub(crate) fn static_verb_of_noun(noun: &str) -> Option<&'static str> {
    use std::collections::HashSet;
    use std::sync::{Mutex, OnceLock};
    static INTERNED: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let v = verb_of_noun(noun, &known_verb)?;
    let mut set = INTERNED.get_or_init(|| Mutex::new(HashSet::new())).lock().ok()?;
    if let Some(&s) = set.get(v.as_str()) {
        return Some(s);
    }
    let s: &'static str = Box::leak(v.into_boxed_str());
    set.insert(s);
    Some(s)
}

/// Whether `lemma` is a verb English has: the verb lemmas the embedded lemmatizer saw in UD
/// English EWT. Without the model (it failed to load) no noun is read as a verb.
pub(crate) fn known_verb(lemma: &str) -> bool {
    match crate::nlp::Analyzer::embedded() {
        Ok(a) => a.tags.lemmatizer.is_known("VB", lemma),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small stand-in verb list, so the suffix rules are tested on their own.
    fn verbs(w: &str) -> bool {
        matches!(w, "resign" | "nominate" | "cancel" | "acquire" | "invade" | "decide" | "extend" | "elect" | "appoint" | "remove" | "depart" | "close" | "appear" | "bomb" | "shut" | "arrest" | "admit" | "reduce")
    }

    #[test]
    fn suffixes_find_the_verb() {
        for (noun, verb) in [
            ("resignation", "resign"),
            ("nomination", "nominate"),
            ("cancellation", "cancel"),
            ("acquisition", "acquire"),
            ("invasion", "invade"),
            ("decision", "decide"),
            ("extension", "extend"),
            ("election", "elect"),
            ("appointment", "appoint"),
            ("removal", "remove"),
            ("departure", "depart"),
            ("closure", "close"),
            ("appearance", "appear"),
            ("bombing", "bomb"),
            ("shutting", "shut"),
            ("arrest", "arrest"),
            ("admission", "admit"),
            ("reduction", "reduce"),
            ("death", "die"),
        ] {
            assert_eq!(verb_of_noun(noun, &verbs).as_deref(), Some(verb), "{noun}");
        }
    }

    #[test]
    fn non_events_and_unknown_verbs_stay_nouns() {
        for noun in ["government", "nation", "table", "station", "morning"] {
            assert_eq!(verb_of_noun(noun, &verbs), None, "{noun}");
        }
    }

    #[test]
    fn the_learned_verb_list_knows_common_verbs() {
        // the embedded EWT lemmatizer: common verbs are known, a plain noun is not
        assert!(known_verb("resign") && known_verb("arrest") && known_verb("kill"));
        assert!(!known_verb("airport") && !known_verb("president"));
        assert_eq!(verb_of_noun("resignation", &known_verb).as_deref(), Some("resign"));
    }
}
