//! One-word names the text itself shows to be firms or other organisations, retyped from Person
//! before resolution.
//!
//! The named-entity model types many short shop, brand and firm names as people (a one-word
//! name with no corporate word looks like a surname). A person mention then blocks `the company`
//! or `its` from reaching the firm, and the firm's facts carry a person's type. The sentence
//! around one mention of the name often says what it is; that holds for every mention of the
//! same name in the document:
//!
//! - an apposition headed by a singular company or organisation noun with a determiner
//!   (`Vellcorp, an outdoor clothing company,`);
//! - a plural company noun right before the name or before the list it opens (`the grocery
//!   chains Tarnmart and Vellco`);
//! - a noun only a firm has, bound to the name (`the chief executive of Vellcorp`, `Vellcorp's
//!   shareholders`, `a Vellcorp subsidiary`);
//! - `its` on the object of the verb the name is the subject of, with no noun in between
//!   (`Vellcorp raised its prices`).
//!
//! Kept out: a name that is a surname or middle word of a person's fuller name in the document
//! (`Tarrow` beside `Ben Tarrow`), and a name written after a title (`Mr Tarrow`) anywhere in it.
//! A name that opens a longer name in the document (`Tarnmart` beside `Tarnmart Norvia`, typed
//! anything) is left to the resolver, which reads it as the longer name's short form or keeps it
//! apart; a legal form cut off its name (`Corp`) is no name. Only names of
//! one token are retyped: a two-word name opening with a given name is a person whose parse
//! went wrong far more often than a firm. Places and other types are not touched.
//!
//! In: the document's sentences and named-entity mentions. Out: the same mentions, some Person
//! mentions retyped Company or Organization.

use super::titled::{COMPANY_NOUNS, ORGANISATION_NOUNS};
use crate::document::{EntityType, Mention, Sentence, Token, sentence_positions};
use std::collections::{HashMap, HashSet};

/// Nouns of things only a firm or an organisation has, never a person (`shareholders`, a
/// `subsidiary`, a `CEO`); `chief executive` is matched on its two words. General English;
/// nouns people have too (`spokesperson`, `director`, `chief of staff`, `board`, `employees`,
/// `shares`) are left out.
const FIRM_ONLY_NOUNS: &[&str] = &["ceo", "shareholder", "stockholder", "subsidiary", "headquarters"];

/// Retypes as a company or an organisation every one-token Person mention whose name the
/// document shows to be one (see the module comment).
pub fn retype_evident_firms(sentences: &[Sentence], mentions: &mut [Mention]) {
    let position = sentence_positions(sentences);
    let sentence_of = |m: &Mention| position.get(&m.sentence).map(|&k| &sentences[k]);
    let one_word = |m: &Mention| m.kind == EntityType::Person && m.tokens.len() == 1;
    let mut evident: HashMap<String, EntityType> = HashMap::new();
    for m in mentions.iter().filter(|m| one_word(m)) {
        let Some(s) = sentence_of(m) else { continue };
        if !looks_like_firm_name(&s.tokens[m.tokens.start].form) {
            continue;
        }
        if let Some(kind) = firm_evidence(s, m.tokens.start) {
            // a company reading wins over a generic organisation one
            let e = evident.entry(m.text.clone()).or_insert(kind);
            if kind == EntityType::Company {
                *e = kind;
            }
        }
    }
    if evident.is_empty() {
        return;
    }
    for name in person_words(sentences, &position, mentions) {
        evident.remove(&name);
    }
    // `Leucadia` after `Leucadia National Corp`: the resolver already reads the first word of a
    // longer name as its short form (whatever the tagger typed the long name); retyped, the word
    // would start a node of its own
    for m in mentions.iter() {
        if let Some((first, _)) = m.text.split_once(' ') {
            evident.remove(first);
        }
    }
    for m in mentions.iter_mut().filter(|m| one_word(m)) {
        if let Some(&kind) = evident.get(&m.text) {
            m.kind = kind;
        }
    }
}

/// Whether a word can be a firm's one-word name: capitalised and made of letters (`Vellcorp`,
/// `Tarn-Mart`), not an initial, not a legal form or body word.
fn looks_like_firm_name(form: &str) -> bool {
    let lower = form.to_lowercase();
    // a legal form or body word cut off its name (`Corp`, `Group`) names nothing alone
    let corporate = [crate::resolve::CORPORATE_WORDS, crate::resolve::BODY_WORDS].iter().any(|l| l.contains(&lower.as_str()));
    !corporate
        && form.chars().next().is_some_and(char::is_uppercase)
        && form.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && form.chars().all(|c| c.is_alphabetic() || c == '-' || c == '&')
}

/// The one-token names that are a person's beyond doubt in the document: the words after the
/// first of every person mention of two tokens or more, and the names written after a title
/// (`Mr Tarrow`).
fn person_words(sentences: &[Sentence], position: &HashMap<usize, usize>, mentions: &[Mention]) -> HashSet<String> {
    let mut words = HashSet::new();
    for m in mentions.iter().filter(|m| m.kind == EntityType::Person) {
        let Some(s) = position.get(&m.sentence).map(|&k| &sentences[k]) else { continue };
        let Some(toks) = s.tokens.get(m.tokens.clone()) else { continue };
        if toks.len() >= 2 {
            // not the first word: a given name alone rarely names its bearer in news, and a
            // firm's name opening a longer name is that of its branch (`Tarnmart Norvia`)
            words.extend(toks[1..].iter().map(|t| t.form.clone()));
        } else if let Some(before) = m.tokens.start.checked_sub(1).and_then(|k| s.tokens.get(k))
            && crate::resolve::names::is_title_word(before.form.to_lowercase().trim_end_matches('.'))
        {
            words.insert(toks[0].form.clone());
        }
    }
    words
}

/// What the sentence says the one-token name at `at` is, if it says it is a firm or an
/// organisation.
fn firm_evidence(s: &Sentence, at: usize) -> Option<EntityType> {
    let toks = &s.tokens;
    apposed_organisation_noun(toks, at)
        .or_else(|| plural_company_noun_before(toks, at))
        .or_else(|| firm_only_noun_of(toks, at).then_some(EntityType::Company))
        .or_else(|| its_on_own_object(toks, at).then_some(EntityType::Organization))
}

/// The kind a company or organisation noun gives (`company` → Company, `band` → Organization).
fn noun_kind(lemma: &str) -> Option<EntityType> {
    let lemma = lemma.to_lowercase();
    if COMPANY_NOUNS.contains(&lemma.as_str()) {
        Some(EntityType::Company)
    } else if ORGANISATION_NOUNS.contains(&lemma.as_str()) {
        Some(EntityType::Organization)
    } else {
        None
    }
}

/// `Vellcorp, an outdoor clothing company,`: a singular company or organisation noun with a
/// determiner, in apposition to the name. Read off the words as well as the tree: the parser
/// often hangs such a phrase on the verb (an oblique) when the name is an object.
fn apposed_organisation_noun(toks: &[Token], at: usize) -> Option<EntityType> {
    let singular = |t: &Token| t.upos == "NOUN" && !t.feats.contains("Number=Plur");
    let in_tree = toks.iter().enumerate().find_map(|(k, t)| {
        let apposed = k > at && t.head == at + 1 && t.deprel == "appos" && singular(t);
        let determined = toks.iter().any(|d| d.head == k + 1 && d.deprel == "det");
        if apposed && determined { noun_kind(&t.lemma) } else { None }
    });
    in_tree.or_else(|| {
        // `NAME , a|an|the` modifiers `NOUN` and a comma, a full stop or the end
        if toks.get(at + 1)?.form != "," || !matches!(toks.get(at + 2)?.form.to_lowercase().as_str(), "a" | "an" | "the") {
            return None;
        }
        let modifiers = toks[at + 3..].iter().take_while(|t| matches!(t.upos.as_str(), "ADJ" | "NOUN" | "PROPN") && noun_kind(&t.lemma).is_none()).count();
        let k = at + 3 + modifiers;
        let noun = toks.get(k).filter(|t| singular(t) && modifiers <= 4)?;
        let closed = toks.get(k + 1).is_none_or(|t| matches!(t.form.as_str(), "," | "." | ";"));
        if closed { noun_kind(&noun.lemma) } else { None }
    })
}

/// `the grocery chains Tarnmart and Vellco`: a plural company noun right before the name, or
/// before the first name of the list the name is a conjunct of. `chains` counts here: before a
/// list of names it is shops'.
fn plural_company_noun_before(toks: &[Token], at: usize) -> Option<EntityType> {
    let first = if toks[at].deprel == "conj" && toks[at].head > 0 && toks[at].head - 1 < at { toks[at].head - 1 } else { at };
    let before = toks.get(first.checked_sub(1)?)?;
    // the tagger reads a plural noun before a name as a verb at times (`chains` tagged VBZ)
    let form = before.form.as_str();
    if !matches!(before.upos.as_str(), "NOUN" | "VERB") || !form.chars().all(char::is_lowercase) {
        return None;
    }
    let singular = form.strip_suffix("ies").map(|x| format!("{x}y")).or_else(|| form.strip_suffix('s').map(str::to_owned))?;
    if singular == "chain" { Some(EntityType::Company) } else { noun_kind(&singular) }
}

/// `the chief executive of Vellcorp`, `Vellcorp's shareholders`, `a Vellcorp subsidiary`: the
/// name bound (`of`, possessive or compound) to a noun only a firm has.
fn firm_only_noun_of(toks: &[Token], at: usize) -> bool {
    let t = &toks[at];
    if !matches!(t.deprel.as_str(), "nmod" | "nmod:poss" | "compound") || t.head == 0 {
        return false;
    }
    let noun = &toks[t.head - 1];
    if noun.upos != "NOUN" {
        return false;
    }
    let lemma = noun.lemma.to_lowercase();
    let chief_executive = lemma == "executive" && t.head >= 2 && toks[t.head - 2].form.eq_ignore_ascii_case("chief");
    FIRM_ONLY_NOUNS.contains(&lemma.as_str()) || chief_executive
}

/// `Vellcorp raised its prices`: the name is a verb's subject and `its` determines that verb's
/// object (or oblique), with no noun between the name and `its` that it could stand for.
fn its_on_own_object(toks: &[Token], at: usize) -> bool {
    let t = &toks[at];
    if t.deprel != "nsubj" || t.head == 0 {
        return false;
    }
    let verb = t.head;
    toks.iter().enumerate().skip(at + 1).any(|(k, its)| {
        if !its.form.eq_ignore_ascii_case("its") || its.head == 0 {
            return false;
        }
        let owned = &toks[its.head - 1];
        let on_object = owned.head == verb && matches!(owned.deprel.as_str(), "obj" | "obl" | "iobj");
        let clear = toks[at + 1..k].iter().all(|x| !matches!(x.upos.as_str(), "NOUN" | "PROPN" | "PRON"));
        on_object && clear
    })
}

#[cfg(test)]
mod tests {
    use crate::document::EntityType;
    use crate::pipeline::{Pipeline, PipelineOptions, SourceText};

    /// The kinds of the entities labelled `label` after the whole pipeline.
    fn kinds_of(text: &str, label: &str) -> Vec<EntityType> {
        let pipeline = Pipeline::new(PipelineOptions::default()).unwrap();
        let out = pipeline.process(SourceText::from_string("t.txt", text));
        out.entities.iter().filter(|e| e.label == label).map(|e| e.kind).collect()
    }

    #[test]
    fn a_name_with_an_apposed_company_noun_is_a_company_everywhere() {
        // invented
        let text = "Prosecutors said Ivo Oster tried to extort Vellcorp, an outdoor clothing company. Oster demanded money from Vellcorp for months.";
        assert_eq!(kinds_of(text, "Vellcorp"), vec![EntityType::Company]);
    }

    #[test]
    fn names_after_a_plural_company_noun_are_companies() {
        // invented
        let text = "On Sunday the grocery chains Tarnmart and Vellco lowered their limits on rice. Tarnmart said shoppers had calmed down.";
        assert_eq!(kinds_of(text, "Tarnmart"), vec![EntityType::Company]);
        assert_eq!(kinds_of(text, "Vellco"), vec![EntityType::Company]);
    }

    #[test]
    fn a_name_with_its_own_chief_executive_or_its_is_no_person() {
        // invented
        let text = "Mara Vellin, the chief executive of Brontell, resigned on Monday. Brontell said the board would meet.";
        assert!(kinds_of(text, "Brontell").iter().all(|k| *k != EntityType::Person), "{:?}", kinds_of(text, "Brontell"));
        let text = "Brontell raised its prices on Monday. Brontell blamed the cost of steel.";
        assert!(kinds_of(text, "Brontell").iter().all(|k| *k != EntityType::Person), "{:?}", kinds_of(text, "Brontell"));
    }

    #[test]
    fn a_name_opening_a_longer_name_or_a_legal_form_is_left_alone() {
        // must not: the firm's name opens its branch's (both typed as persons by the tagger): the
        // two stay apart and the short name is not retyped
        let text = "Mara Vellin, the chief executive of Tarnmart, said on Monday that Tarnmart would sell its stores in Norvia. Tarnmart Norvia has cut its staff by half.";
        let pipeline = Pipeline::new(PipelineOptions::default()).unwrap();
        let out = pipeline.process(SourceText::from_string("t.txt", text));
        let tarnmart: Vec<_> = out.entities.iter().filter(|e| e.label == "Tarnmart").collect();
        assert!(tarnmart.iter().all(|e| e.kind == EntityType::Person && !e.aliases.iter().any(|a| a.contains("Norvia"))), "{tarnmart:?}");
        assert!(!super::looks_like_firm_name("Corp") && !super::looks_like_firm_name("Group") && super::looks_like_firm_name("Vellcorp"));
    }

    #[test]
    fn a_persons_surname_or_a_titled_name_stays_a_person() {
        // must not: `Tarrow` is Ben Tarrow's surname; `Mr Vellin` is a man
        let text = "Ben Tarrow opened a bakery in Norvia. Tarrow raised its prices on Monday.";
        assert!(kinds_of(text, "Ben Tarrow").contains(&EntityType::Person));
        let text = "Mr Vellin spoke on Monday. Vellin raised its prices, a neighbour said.";
        assert!(kinds_of(text, "Vellin").iter().all(|k| *k == EntityType::Person), "{:?}", kinds_of(text, "Vellin"));
    }
}
