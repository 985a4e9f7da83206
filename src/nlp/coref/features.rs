//! What the ranking model sees: per-mention attributes ([`MentionInfo`]) and hashed features of
//! a mention on its own (is it new?) and of a mention paired with a candidate antecedent.
//!
//! Attributes come from our trees and tags (head lemma, relation, FEATS person/number/gender of
//! pronouns, definiteness), the NER type, the learned [`AttributeTables`] (gender, animacy and
//! semantic class of head nouns and names) and, when the input has them, speakers. Pair features
//! (string and head match, containment, distance, agreement, apposition, nesting, speaker,
//! lexical head pairs) are conjoined with the pair of mention kinds, and for pronouns with the
//! pronoun itself, so one model learns how `she`, `it`, `this` and `the firm` each find their
//! antecedents.

use super::attributes::{AttributeTables, Counts, Gender, etype_index};
use super::mentions::{CorefMention, MentionKind, feat, name_words};
use crate::document::{EntityType, Sentence};
use std::collections::HashMap;

/// Hashes a string (FNV-1a, lowercase ASCII folded by the caller).
pub const fn hash_str(s: &str) -> u64 {
    let bytes = s.as_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h | 1
}

const APPOS: u64 = hash_str("appos");
const NSUBJ: u64 = hash_str("nsubj");

/// Mixes a feature template id and up to three values into one feature hash.
#[inline]
pub fn fx(template: u64, a: u64, b: u64, c: u64) -> u64 {
    let mut h = template.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for v in [a, b, c] {
        h = (h ^ v).wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 29;
    }
    h
}

/// Attributes of one mention, computed once per document.
#[derive(Debug, Clone, Default)]
pub struct MentionInfo {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    /// 1 name, 2 nominal, 3 pronoun.
    pub kind: u64,
    /// The lowercased pronoun (hash) for pronouns, else the kind code.
    pub pronoun: u64,
    /// 1, 2, 3 for pronouns with a Person feature, else 0.
    pub person: u64,
    /// 0 unknown, 1 singular, 2 plural.
    pub number: u64,
    /// 0 unknown, 1 masculine, 2 feminine, 3 neuter (pronouns: FEATS; others: learned).
    pub gender: u64,
    /// 0 unknown, 1 animate (person/animal), 2 inanimate, 3 mixed (learned or from NER).
    pub animacy: u64,
    /// Semantic class: index of the GUM entity type + 1, 0 unknown.
    pub class: u64,
    /// NER entity type + 1, 0 none.
    pub ner: u64,
    pub head_lemma: u64,
    pub text: u64,
    /// Lowercased words without leading determiners and possessives.
    pub core: u64,
    pub first: u64,
    pub last: u64,
    pub deprel: u64,
    /// 0 bare, 1 definite, 2 indefinite, 3 demonstrative, 4 possessive, 5 other determiner.
    pub det: u64,
    pub len: u64,
    pub speaker: u64,
    pub coordination: bool,
    pub reflexive: bool,
    /// The head's UPOS (hash).
    pub upos: u64,
    /// Content-word hashes (sorted, deduplicated), for containment.
    pub words: Vec<u64>,
    /// Head token and its own head (sentence indices, usize::MAX for the root).
    pub head: usize,
    pub parent: usize,
}

const KIND_NAME: u64 = 1;
const KIND_NOMINAL: u64 = 2;
const KIND_PRONOUN: u64 = 3;

fn kind_code(k: MentionKind) -> u64 {
    match k {
        MentionKind::Name => KIND_NAME,
        MentionKind::Nominal => KIND_NOMINAL,
        MentionKind::Pronoun => KIND_PRONOUN,
    }
}

fn ner_class(t: EntityType) -> Option<&'static str> {
    Some(match t {
        EntityType::Person => "person",
        EntityType::Country | EntityType::City | EntityType::Location => "place",
        EntityType::Organization
        | EntityType::GovernmentBody
        | EntityType::InternationalOrganization
        | EntityType::Company
        | EntityType::ArmedGroup => "organization",
        EntityType::Event => "event",
        EntityType::Date => "time",
        EntityType::Product => "object",
        _ => return None,
    })
}

fn universal(deprel: &str) -> &str {
    if deprel == "nmod:poss" { deprel } else { deprel.split(':').next().unwrap_or(deprel) }
}

/// Gender code and clarity from learned counts.
fn learned_gender(c: &Counts) -> u64 {
    match c.gender() {
        Gender::Masculine => 1,
        Gender::Feminine => 2,
        Gender::Neuter => 3,
        Gender::Unknown => 0,
    }
}

fn animacy_code(share: Option<f32>) -> u64 {
    match share {
        None => 0,
        Some(s) if s >= 0.75 => 1,
        Some(s) if s <= 0.25 => 2,
        Some(_) => 3,
    }
}

/// Computes the attributes of every mention of a document.
pub fn mention_infos(sentences: &[Sentence], mentions: &[CorefMention], tables: &AttributeTables, speakers: Option<&[Option<String>]>) -> Vec<MentionInfo> {
    mentions.iter().map(|m| mention_info(&sentences[m.sentence], m, tables, speakers)).collect()
}

fn lower_hash(form: &str) -> u64 {
    if form.bytes().any(|b| b.is_ascii_uppercase()) { hash_str(&form.to_lowercase()) } else { hash_str(form) }
}

fn mention_info(s: &Sentence, m: &CorefMention, tables: &AttributeTables, speakers: Option<&[Option<String>]>) -> MentionInfo {
    let toks = &s.tokens[m.tokens.clone()];
    let head = &s.tokens[m.head];
    let lower_text: String = toks.iter().map(|t| t.form.to_lowercase()).collect::<Vec<_>>().join(" ");
    let skip = toks
        .iter()
        .take_while(|t| t.upos == "DET" || feat(&t.feats, "Poss") == Some("Yes") || t.xpos == "POS")
        .count()
        .min(toks.len().saturating_sub(1));
    let core: String = toks[skip..].iter().map(|t| t.form.to_lowercase()).collect::<Vec<_>>().join(" ");
    let mut words: Vec<u64> = toks
        .iter()
        .filter(|t| matches!(t.upos.as_str(), "NOUN" | "PROPN" | "ADJ" | "NUM" | "VERB" | "X"))
        .map(|t| lower_hash(&t.form))
        .collect();
    words.sort_unstable();
    words.dedup();
    let first_tok = &toks[0];
    let det = if toks.len() == 1 {
        0
    } else if feat(&first_tok.feats, "Poss") == Some("Yes") || toks.iter().take(m.head + 1 - m.tokens.start).any(|t| t.xpos == "POS") {
        4
    } else if first_tok.upos == "DET" {
        match (feat(&first_tok.feats, "Definite"), feat(&first_tok.feats, "PronType")) {
            (Some("Def"), _) => 1,
            (Some("Ind"), _) => 2,
            (_, Some("Dem")) => 3,
            _ => 5,
        }
    } else {
        0
    };
    let kind = kind_code(m.kind);
    // A name is matched on its last word (`Lovelace` in `Ada Lovelace`, whose UD head is `Ada`).
    let name = if m.kind == MentionKind::Name { name_words(&s.tokens, &m.tokens, m.head) } else { Vec::new() };
    let lemma = match name.last() {
        Some(&w) => s.tokens[w].form.to_lowercase(),
        None if head.lemma.is_empty() => head.form.to_lowercase(),
        None => head.lemma.to_lowercase(),
    };
    let mut info = MentionInfo {
        sentence: m.sentence,
        start: m.tokens.start,
        end: m.tokens.end,
        kind,
        pronoun: if m.kind == MentionKind::Pronoun { lower_hash(&head.form) } else { kind },
        head_lemma: hash_str(&lemma),
        text: hash_str(&lower_text),
        core: hash_str(&core),
        first: lower_hash(&first_tok.form),
        last: lower_hash(&toks[toks.len() - 1].form),
        deprel: hash_str(universal(&head.deprel)),
        det,
        len: (toks.len() as u64).min(6),
        speaker: speakers.and_then(|sp| sp.get(m.sentence)).and_then(|s| s.as_deref()).map_or(0, hash_str),
        coordination: m.coordination,
        upos: hash_str(&head.upos),
        reflexive: feat(&head.feats, "Reflex") == Some("Yes"),
        words,
        head: m.head,
        parent: if head.head == 0 { usize::MAX } else { head.head - 1 },
        ner: m.entity_type.map_or(0, |t| t as u64 + 1),
        ..Default::default()
    };
    // Person, number, gender.
    info.person = match feat(&head.feats, "Person") {
        Some("1") => 1,
        Some("2") => 2,
        Some("3") => 3,
        _ => 0,
    };
    info.number = if m.coordination || head.xpos == "NNPS" {
        2
    } else {
        match feat(&head.feats, "Number") {
            Some("Sing") => 1,
            Some("Plur") => 2,
            _ => 0,
        }
    };
    let learned: Option<&Counts> = match m.kind {
        MentionKind::Pronoun => None,
        MentionKind::Nominal => tables.noun(&lemma),
        MentionKind::Name => {
            let first = name.first().filter(|_| name.len() > 1).and_then(|&w| tables.name(&s.tokens[w].form));
            first.or_else(|| name.last().and_then(|&w| tables.name(&s.tokens[w].form))).or_else(|| tables.noun(&lemma))
        }
    };
    if m.kind == MentionKind::Pronoun {
        info.gender = match feat(&head.feats, "Gender") {
            Some("Masc") => 1,
            Some("Fem") => 2,
            Some("Neut") => 3,
            _ => 0,
        };
        info.animacy = match info.gender {
            1 | 2 => 1,
            3 => 2,
            _ => 0,
        };
    } else if let Some(c) = learned {
        info.gender = if m.coordination { 0 } else { learned_gender(c) };
        info.animacy = animacy_code(c.animacy());
        info.class = c.top_etype().filter(|&(_, share)| share >= 0.5).map_or(0, |(i, _)| i as u64 + 1);
    }
    if let Some(class) = m.entity_type.and_then(ner_class).and_then(etype_index) {
        info.class = class as u64 + 1;
        if m.entity_type == Some(EntityType::Person) {
            info.animacy = 1;
        } else if info.animacy == 0 {
            info.animacy = 2;
        }
    }
    info
}

/// Small integer buckets of a distance.
fn bucket(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=7 => 5,
        8..=15 => 6,
        16..=31 => 7,
        _ => 8,
    }
}

/// Per-document facts that features of a mention on its own need: does an earlier mention share
/// its text or head?
#[derive(Debug, Clone, Default)]
pub struct DocContext {
    pub earlier_text: Vec<bool>,
    pub earlier_head: Vec<bool>,
    /// Earlier mentions (indices, most recent last) with the same head lemma, per mention.
    pub same_head: Vec<Vec<usize>>,
}

impl DocContext {
    pub fn new(infos: &[MentionInfo], keep: usize) -> DocContext {
        let mut texts: HashMap<u64, ()> = HashMap::new();
        let mut heads: HashMap<u64, Vec<usize>> = HashMap::new();
        let mut ctx = DocContext::default();
        for (j, m) in infos.iter().enumerate() {
            ctx.earlier_text.push(texts.contains_key(&m.text));
            let prev = heads.get(&m.head_lemma);
            ctx.earlier_head.push(prev.is_some_and(|v| !v.is_empty()));
            let same: Vec<usize> = prev.map(|v| v[v.len().saturating_sub(keep)..].to_vec()).unwrap_or_default();
            ctx.same_head.push(same);
            texts.insert(m.text, ());
            heads.entry(m.head_lemma).or_default().push(j);
        }
        ctx
    }
}

// Feature templates (numbers are arbitrary but fixed: they are part of the model format).
const T_NEW_BIAS: u64 = 1;
const T_NEW_DET: u64 = 3;
const T_NEW_DEPREL: u64 = 4;
const T_NEW_LEN: u64 = 5;
const T_NEW_EARLIER: u64 = 6;
const T_NEW_CLASS: u64 = 7;
const T_NEW_POS: u64 = 9;
const T_NEW_SPEAKER: u64 = 10;
const T_BIAS: u64 = 20;
const T_EXACT: u64 = 21;
const T_CORE: u64 = 22;
const T_HEAD: u64 = 23;
const T_CONTAIN: u64 = 24;
const T_LAST: u64 = 25;
const T_SDIST: u64 = 26;
const T_MDIST: u64 = 27;
const T_NUMBER: u64 = 28;
const T_GENDER: u64 = 29;
const T_ANIMACY: u64 = 30;
const T_CLASS: u64 = 31;
const T_NER: u64 = 32;
const T_ADEPREL: u64 = 33;
const T_DEPRELS: u64 = 34;
const T_APPOS: u64 = 35;
const T_SPEAKER: u64 = 36;
const T_HEADS: u64 = 37;
const T_PRON_HEAD: u64 = 38;
const T_DETS: u64 = 39;
const T_COORD: u64 = 40;
const T_MATCH_DIST: u64 = 41;
const T_CLASSES: u64 = 42;
const T_SAME_CLAUSE: u64 = 43;
const T_ALEN: u64 = 44;
const T_HEAD_CLASS: u64 = 45;
const T_FIRST_ANT: u64 = 46;
const T_ENT_GENDER: u64 = 47;
const T_ENT_SIZE: u64 = 48;
const T_ENT_NAME: u64 = 49;
const T_ENT_HEAD: u64 = 50;
const T_MATCH_REL: u64 = 51;
const T_MATCH_UPOS: u64 = 52;
const T_POSSESSOR: u64 = 53;

/// Features of mention `j` starting a new entity.
pub fn new_features(infos: &[MentionInfo], ctx: &DocContext, j: usize, out: &mut Vec<u64>) {
    out.clear();
    let m = &infos[j];
    let k = m.pronoun;
    out.push(fx(T_NEW_BIAS, k, 0, 0));
    out.push(fx(T_NEW_DET, k, m.det, m.coordination as u64));
    out.push(fx(T_NEW_DEPREL, k, m.deprel, 0));
    out.push(fx(T_NEW_LEN, m.kind, m.len, m.det));
    out.push(fx(T_NEW_EARLIER, k, ctx.earlier_text[j] as u64, ctx.earlier_head[j] as u64));
    out.push(fx(T_NEW_CLASS, m.kind, m.class, m.ner));
    out.push(fx(T_NEW_POS, k, (m.sentence == 0) as u64, bucket(j).min(3)));
    out.push(fx(T_NEW_SPEAKER, k, (m.speaker != 0) as u64, m.person));
}

/// Whether two mentions overlap (one nested in the other): never coreferent in our decoding.
pub fn overlapping(a: &MentionInfo, b: &MentionInfo) -> bool {
    a.sentence == b.sentence && a.start < b.end && b.start < a.end
}

/// What is known so far about each entity being built (decoding runs in document order, so a
/// mention can be compared with everything its candidate's entity has gathered).
#[derive(Debug, Clone, Default)]
pub struct Entities {
    /// Entity of each mention decided so far.
    pub of: Vec<usize>,
    pub state: Vec<EntityState>,
}

/// Attributes of one entity under construction.
#[derive(Debug, Clone, Default)]
pub struct EntityState {
    pub size: u32,
    /// Third-person pronouns by gender (masculine, feminine, neuter) and plural ones.
    pub pronouns: [u32; 4],
    /// Learned gender of the first name or noun with one.
    pub learned_gender: u64,
    pub has_name: bool,
    /// Class of the first mention with one.
    pub class: u64,
    /// Head lemmas of its names and nouns.
    pub heads: Vec<u64>,
}

impl Entities {
    /// Records mention `j`'s decision.
    pub fn add(&mut self, infos: &[MentionInfo], j: usize, antecedent: Option<usize>) {
        let e = match antecedent {
            Some(i) => self.of[i],
            None => {
                self.state.push(EntityState::default());
                self.state.len() - 1
            }
        };
        self.of.push(e);
        let m = &infos[j];
        let st = &mut self.state[e];
        st.size += 1;
        if m.kind == KIND_PRONOUN {
            if m.person == 3 && (1..=3).contains(&m.gender) {
                st.pronouns[m.gender as usize - 1] += 1;
            }
            if m.person == 3 && m.number == 2 {
                st.pronouns[3] += 1;
            }
        } else {
            if st.learned_gender == 0 {
                st.learned_gender = m.gender;
            }
            st.has_name |= m.kind == KIND_NAME;
            if st.class == 0 {
                st.class = m.class;
            }
            if st.heads.len() < 8 && !st.heads.contains(&m.head_lemma) {
                st.heads.push(m.head_lemma);
            }
        }
    }

    /// The entity's gender: its pronouns' majority (4 = plural), else learned, else 0.
    fn gender(&self, e: usize) -> u64 {
        let st = &self.state[e];
        let (best, n) = st.pronouns.iter().enumerate().max_by_key(|&(i, &n)| (n, std::cmp::Reverse(i))).map(|(i, &n)| (i, n)).unwrap_or((0, 0));
        if n > 0 { best as u64 + 1 } else { st.learned_gender }
    }
}

/// Features of linking mention `j` to the earlier mention `i`.
pub fn pair_features(infos: &[MentionInfo], entities: &Entities, j: usize, i: usize, out: &mut Vec<u64>) {
    out.clear();
    let (m, a) = (&infos[j], &infos[i]);
    let coarse = m.kind * 8 + a.kind;
    let fine = fx(0, m.pronoun, a.kind, 0);
    let sdist = bucket(m.sentence - a.sentence);
    let mdist = bucket(j - i);
    let exact = m.text == a.text;
    let head = m.head_lemma == a.head_lemma;
    out.push(fx(T_BIAS, fine, 0, 0));
    out.push(fx(T_EXACT, coarse, exact as u64, m.det));
    let matched = exact as u64 * 2 + head as u64;
    out.push(fx(T_MATCH_REL, matched, m.deprel, a.deprel));
    out.push(fx(T_MATCH_UPOS, matched, m.upos, m.det * 8 + a.det));
    let other_possessor = m.det == 4 && a.det == 4 && m.first != a.first;
    out.push(fx(T_POSSESSOR, coarse, other_possessor as u64, matched));
    out.push(fx(T_CORE, coarse, (m.core == a.core) as u64, 0));
    out.push(fx(T_HEAD, coarse, head as u64, a.det * 8 + m.det));
    let contain = if m.words.is_empty() || a.words.is_empty() {
        0
    } else if m.words.iter().all(|w| a.words.binary_search(w).is_ok()) {
        1
    } else if a.words.iter().all(|w| m.words.binary_search(w).is_ok()) {
        2
    } else if m.words.iter().any(|w| a.words.binary_search(w).is_ok()) {
        3
    } else {
        4
    };
    out.push(fx(T_CONTAIN, coarse, contain, head as u64));
    out.push(fx(T_LAST, coarse, (m.last == a.last) as u64, (m.first == a.first) as u64));
    out.push(fx(T_SDIST, fine, sdist, 0));
    out.push(fx(T_MDIST, fine, mdist, 0));
    out.push(fx(T_MATCH_DIST, coarse, (exact as u64) * 2 + head as u64, sdist));
    out.push(fx(T_NUMBER, fine, m.number, a.number));
    out.push(fx(T_GENDER, fine, m.gender, a.gender));
    out.push(fx(T_ANIMACY, fine, m.animacy, a.animacy));
    out.push(fx(T_CLASS, fine, a.class, 0));
    out.push(fx(T_CLASSES, coarse, m.class, a.class));
    out.push(fx(T_NER, fine, a.ner, m.ner));
    out.push(fx(T_ADEPREL, fine, a.deprel, (sdist == 0) as u64));
    out.push(fx(T_DEPRELS, fine, m.deprel, a.deprel));
    out.push(fx(T_DETS, coarse, m.det, a.det));
    out.push(fx(T_COORD, fine, a.coordination as u64, m.coordination as u64));
    out.push(fx(T_ALEN, fine, a.len, 0));
    let same_sentence = m.sentence == a.sentence;
    // Apposition (`Ana Ruiz, the new mayor`) and predicate noun (`Ana is the mayor`).
    let appos = same_sentence && m.parent == a.head && m.deprel == APPOS;
    let predicate = same_sentence && a.parent == m.head && a.deprel == NSUBJ;
    out.push(fx(T_APPOS, coarse, appos as u64, predicate as u64));
    out.push(fx(T_SAME_CLAUSE, fine, (same_sentence && m.parent == a.parent) as u64, m.reflexive as u64));
    let speaker = if m.speaker == 0 || a.speaker == 0 { 0 } else if m.speaker == a.speaker { 1 } else { 2 };
    out.push(fx(T_SPEAKER, m.pronoun, a.pronoun, speaker));
    out.push(fx(T_HEADS, m.head_lemma, a.head_lemma, 0));
    out.push(fx(T_PRON_HEAD, m.pronoun, a.head_lemma, 0));
    out.push(fx(T_HEAD_CLASS, m.head_lemma, a.class, a.kind));
    out.push(fx(T_FIRST_ANT, coarse, m.first, a.head_lemma));
    if let Some(&e) = entities.of.get(i) {
        let st = &entities.state[e];
        out.push(fx(T_ENT_GENDER, fine, m.gender, entities.gender(e)));
        out.push(fx(T_ENT_SIZE, coarse, (st.size as u64).min(5), 0));
        out.push(fx(T_ENT_NAME, fine, st.has_name as u64, st.class));
        out.push(fx(T_ENT_HEAD, coarse, st.heads.contains(&m.head_lemma) as u64, 0));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashing_is_stable_and_spreads() {
        assert_eq!(hash_str("she"), hash_str("she"));
        assert_ne!(fx(1, 2, 3, 4), fx(1, 2, 4, 3));
        assert_ne!(fx(1, 0, 0, 0), fx(2, 0, 0, 0));
        assert_eq!(bucket(3), 3);
        assert_eq!(bucket(100), 8);
    }
}
