//! The per-sentence scan: finds the sentence's named mentions (NER mentions checked against the
//! gazetteer, plus gazetteer names NER missed), then walks the tokens in order and hands each
//! event to its step — named mentions to [`named`](super::named), pronouns to
//! [`pronouns`](super::pronouns), role, government and class nouns to
//! [`descriptions`](super::descriptions), country nouns to [`countries`](super::countries) — and records conjoined people as groups.
//!
//! In: one sentence and its NER mentions. Out: clusters, references and salience history in the
//! [`State`]. Decides which span is a name and which step a token goes to, not what it refers to.

use super::names::{self};
use super::state::*;
use crate::document::{Document, EntityType, Mention, Sentence};
use crate::nlp::gazetteer::{GazMatch, Via};
use std::collections::{HashMap, HashSet};

impl State<'_> {
    pub(super) fn scan_sentence(&mut self, si: usize, s: &Sentence, ner: &[&Mention]) {
        let joined = join_name_parts(s, ner);
        let ner: Vec<&Mention> = joined.iter().collect();
        let ner = &ner[..];
        let n = s.tokens.len();
        let words: Vec<&str> = s.tokens.iter().map(|t| t.form.as_str()).collect();
        let gaz: Vec<GazMatch> = self.gaz.find_spans(&words);
        // token → demonym/country gazetteer entry, for nationality modifiers
        let mut nat: Vec<Option<u32>> = vec![None; n];
        for m in &gaz {
            if m.kind == EntityType::Country {
                for i in m.tokens.clone() {
                    nat[i] = Some(m.entry);
                }
            }
        }

        // Named mentions: (range, kind, gazetteer entry, original input mention index)
        let mut named: Vec<NamedSpan> = Vec::new();
        let mut covered = vec![false; n];
        for (mi, m) in ner.iter().enumerate() {
            let r = m.tokens.start.min(n)..m.tokens.end.min(n);
            if r.is_empty() {
                continue;
            }
            let mut r = r;
            // `K2` `-` `18b`, `MH` `-` `17`: a designation NER cut at an in-word hyphen
            if m.kind != EntityType::Person {
                r.end = designation_end(s, r.end);
            }
            if m.kind == EntityType::Person {
                // `Rosa` + city `Marin`: a surname that is also a city name, split off by NER
                if let Some(g) = gaz.iter().find(|g| g.tokens.start == r.end && g.tokens.len() == 1) {
                    let e = self.gaz.entry(g.entry);
                    if e.kind == EntityType::City && !e.is_capital && s.tokens[r.end].upos == "PROPN" {
                        r.end += 1;
                    }
                }
            }
            if m.kind == EntityType::Person && !self.plausible_person(s, r.clone(), &nat) {
                // `the US President` tagged as a name is a description; `Zelenskyyed` is a verb
                let mut m2 = (*m).clone();
                m2.entity = None;
                self.mentions.push(m2);
                continue;
            }
            let inside: Vec<&GazMatch> = gaz.iter().filter(|g| g.tokens.start >= r.start && g.tokens.end <= r.end).collect();
            // the mention minus determiners and a possessive ending
            let mut core = r.clone();
            while core.start < core.end && names::is_determiner(&s.tokens[core.start].form) {
                core.start += 1;
            }
            while core.end > core.start && names::is_possessive_marker(&s.tokens[core.end - 1].form) {
                core.end -= 1;
            }
            let exact = inside.iter().find(|g| g.tokens == core).copied();
            let mut kind = m.kind;
            let mut entry = None;
            if let Some(g) = exact {
                if g.via == Via::Demonym {
                    // `Colombian` alone is an attribute, not an entity
                    self.mentions.push(Mention { entity: None, ..(*m).clone() });
                    continue;
                }
                let gk = self.gaz.entry(g.entry).kind;
                // trust the gazetteer for countries/organisations; for cities only when NER agrees it
                // is no person, or for a capital no one of the text is named after
                if kind != EntityType::Person
                    || matches!(gk, EntityType::Country | EntityType::InternationalOrganization)
                    || self.capital_taken_for_a_person(s, core.clone(), g.entry)
                {
                    kind = gk;
                    entry = Some((g.entry, g.via));
                }
            }
            for i in r.clone() {
                covered[i] = true;
            }
            named.push((r, kind, entry, Some(mi)));
        }
        for g in &gaz {
            if g.via == Via::Demonym || g.tokens.clone().any(|i| covered[i]) {
                continue;
            }
            let e = self.gaz.entry(g.entry);
            let after_prep = g.tokens.start > 0
                && matches!(words[g.tokens.start - 1], "in" | "at" | "to" | "from" | "near" | "outside" | "into" | "across");
            if e.kind == EntityType::City && !e.is_capital && g.tokens.len() == 1 && !after_prep {
                // `Marin` after `Lucia Marin`: a known person's name wins over a city
                if let (Some(_), _) = self.match_person(&[lower_key(words[g.tokens.start])]) {
                    named.push((g.tokens.clone(), EntityType::Person, None, None));
                    continue;
                }
            }
            named.push((g.tokens.clone(), e.kind, Some((g.entry, g.via)), None));
        }
        // `Zeta-9, a moon orbiting …`: proper nouns NER left untagged, described right after by
        // an indefinite noun phrase, are a name (of a kind NER has no class for)
        for r in super::descriptions::described_runs(s) {
            // a place name inside the longer run is part of the name (`Vell Expo Norvia, an
            // annual fair`): the run replaces it
            let inner_place = |x: &NamedSpan| {
                x.0.start >= r.start
                    && x.0.end <= r.end
                    && x.0 != r
                    && matches!(x.1, EntityType::Country | EntityType::City | EntityType::Location)
            };
            let overlaps = |x: &NamedSpan| x.0.start < r.end && r.start < x.0.end;
            if named.iter().filter(|x| overlaps(x)).all(inner_place) {
                named.retain(|x| !overlaps(x));
                for i in r.clone() {
                    covered[i] = true;
                }
                named.push((r, EntityType::Concept, None, None));
            }
        }
        // `the Vell Housing Reform Bill 2019`: a law's name, which NER has no class for
        for r in super::descriptions::law_runs(s) {
            if !named.iter().any(|x| x.0.start < r.end && r.start < x.0.end) {
                named.push((r, EntityType::Concept, None, None));
            }
        }
        named.sort_by_key(|x| x.0.start);
        read_state_locators(s, &mut named, &mut nat);
        let mut in_named = vec![false; n];
        for x in &named {
            for i in x.0.clone() {
                in_named[i] = true;
            }
        }
        let person_starts: HashSet<usize> = named.iter().filter(|x| x.1 == EntityType::Person).map(|x| x.0.start).collect();

        // Events in token order: 0 = named mention, 1 = other token (pronoun / description head)
        let mut ni = 0;
        let mut group_candidates: Vec<(usize, usize, usize)> = Vec::new(); // (cluster, first token, last token) of persons in this sentence
        for tok in 0..n {
            while ni < named.len() && named[ni].0.start == tok {
                let (r, kind, entry, orig) = named[ni].clone();
                ni += 1;
                // `People's Liberation Front (PLF)`: the acronym defined in parentheses is the name before it
                let c = match self.parenthesized_acronym(si, s, r.clone()).filter(|_| entry.is_none_or(|(_, via)| via == Via::Acronym)) {
                    Some(c) => Some(c),
                    None => self.named_mention(si, s, r.clone(), kind, entry, &nat),
                };
                if let Some(mi) = orig.filter(|&mi| ner[mi].tokens == r) {
                    let m = ner[mi];
                    let mut m2 = m.clone();
                    m2.kind = c.map_or(kind, |c| self.clusters[c].kind);
                    m2.entity = c.map(|c| c.to_string());
                    self.mentions.push(m2);
                } else {
                    self.add_mention(si, r.clone(), kind, c);
                }
                if let Some(c) = c {
                    self.note_described_noun(s, r.clone(), c);
                    // conjoined people: `Ferrer and Hale`; not two clauses joined (`something
                    // Hale admitted, and Mr Ferrer said`: a verb between the names)
                    if self.clusters[c].kind == EntityType::Person {
                        if let Some(&(prev, _, pt)) = group_candidates.last() {
                            let between: Vec<&str> = (pt + 1..r.start).map(|i| s.tokens[i].form.as_str()).collect();
                            let verb_between = (pt + 1..r.start).any(|i| matches!(s.tokens[i].upos.as_str(), "VERB" | "AUX"));
                            if prev != c && between.iter().any(|w| *w == "and" || *w == "&") && between.len() <= 4 && !verb_between {
                                let members = listed_before(s, &group_candidates, c);
                                self.push_hist(Target::Group(members), si, r.start);
                            }
                        }
                        group_candidates.push((c, r.start, r.end - 1));
                    }
                }
            }
            if in_named[tok] {
                continue;
            }
            if self.parenthesized_acronym(si, s, tok..tok + 1).is_some() {
                continue;
            }
            let t = &s.tokens[tok];
            // `Ostvolcs` again after `Ostrava Institute of Volcanology (Ostvolcs)`, left untagged by
            // NER: a short form of syllables (one capital) standing alone, not part of a longer
            // name (`Ostvolcs-2`) or a title before one; initials in capitals go through NER and the
            // gazetteer as before
            if starts_upper(&t.form)
                && t.form.chars().filter(|c| c.is_uppercase()).count() == 1
                && s.tokens.get(tok + 1).is_none_or(|n| n.upos != "PROPN" && n.form != "-")
                && let Some(c) = self.defined_acronym(&t.form)
            {
                let form = t.form.clone();
                self.note(c, &form, "acronym", si);
                self.clusters[c].count += 1;
                self.set_ref(si, tok..tok + 1, Target::One(c), "acronym");
                self.push_hist(Target::One(c), si, tok);
                self.add_mention(si, tok..tok + 1, self.clusters[c].kind, Some(c));
                continue;
            }
            if self.family_plural(si, s, tok) {
                continue;
            }
            if let Some(p) = names::pronoun(&t.form) {
                if t.upos.is_empty() || matches!(t.upos.as_str(), "PRON" | "DET") {
                    self.pronoun(si, s, tok, p);
                }
                continue;
            }
            // 0 = nothing, 1 = role noun, 2 = government noun, 3 = country noun, 4 = occupation
            let class = names::with_lower(&t.form, |k| {
                if names::is_role_noun(k) {
                    1
                } else if crate::extract::is_role_noun(k) {
                    4
                } else if names::is_government_noun(k) {
                    2
                } else if super::countries::is_country_noun(k) {
                    3
                } else {
                    0
                }
            });
            match class {
                Some(1) => self.description(si, s, tok, &lower_key(&t.form), &nat, &in_named, &person_starts),
                Some(2) => self.government(si, s, tok, &nat),
                // `the Gulf state` is a country; `the state` alone a class noun like any other
                Some(3) => {
                    if !self.definite_country(si, s, tok, &lower_key(&t.form), &nat) && (t.upos.is_empty() || t.upos == "NOUN") {
                        self.class_description(si, s, tok, &nat, &in_named);
                    }
                }
                // an occupation (`the former lyricist`): the person it was given to as a title,
                // else a class noun like any other (`the killer`)
                Some(4) if t.upos.is_empty() || t.upos == "NOUN" => {
                    self.description(si, s, tok, &lower_key(&t.form), &nat, &in_named, &person_starts);
                    if self.get_ref(si, tok).is_none() {
                        self.class_description(si, s, tok, &nat, &in_named);
                    }
                }
                _ => {
                    if (t.upos.is_empty() || t.upos == "NOUN") && !self.class_description(si, s, tok, &nat, &in_named) {
                        self.named_vehicle(si, s, tok, &in_named);
                    }
                }
            }
            // `a man`, `her son`, `the attacker` left unresolved: someone with no name (`unnamed`)
            self.note_unnamed_person(si, s, tok);
        }
        self.first_person(si, s);
    }
}

impl State<'_> {
    /// `Athens expelled the ambassador`: NER reads a capital that acts as a person's name. It is
    /// the capital (and so, as a doer, its country) when it is one word, no person of the text
    /// bears that word in a longer name, and the text names the capital's country: a report
    /// that speaks of a government by its capital names the country too.
    fn capital_taken_for_a_person(&self, s: &Sentence, core: std::ops::Range<usize>, entry: u32) -> bool {
        let e = self.gaz.entry(entry);
        if core.len() != 1 || !e.is_capital {
            return false;
        }
        let w = lower_key(&s.tokens[core.start].form);
        if self.doc_person_names.iter().any(|name| name.contains(&w)) {
            return false;
        }
        e.country.is_some_and(|c| self.text_names_country(c))
    }

    /// Whether a sentence of the document holds the country's name or its demonym as a word.
    fn text_names_country(&self, country: u32) -> bool {
        let e = self.gaz.entry(country);
        let forms: Vec<&str> = [e.label.as_str(), e.demonym.as_str()].into_iter().filter(|f| !f.is_empty()).collect();
        self.doc.sentences.iter().any(|s| {
            forms.iter().any(|f| {
                s.text.match_indices(f).any(|(i, _)| {
                    let before = s.text[..i].chars().next_back();
                    let after = s.text[i + f.len()..].chars().next();
                    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
                })
            })
        })
    }
}

/// NER mentions as names: two person mentions with nothing between them are one name when the
/// second opens with a lowercase particle (`Karim` + `bin Tarek`, `Ana` + `de Souza`) or both are
/// single words; a name right after a capitalised storm noun is the storm (`Hurricane Ilsa`,
/// `Tropical Storm Ilsa`), an event.
/// Where a name ending before `end` really ends when an in-word hyphen (no space on either side)
/// glues a part with a digit to it (`K2-18b`, `Falcon-9`, `MH-17`): such designations are one
/// name, while a hyphen between two words (`Iran-Iraq`, `Paris-based`) joins nothing here.
/// Verbs of saying and arguing: general English, the closed class a report puts a speaker under.
const SPEECH_VERBS: &[&str] = &["say", "tell", "argue", "claim", "state", "explain", "insist", "remark", "reply", "respond", "add", "note"];

/// Prepositions that put a place after them: general English, the closed class.
const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "near", "into", "inside", "outside", "across", "throughout", "around", "from"];

/// Names NER typed as a place that the text makes speak like a person (`La Tarrow said …`, `La
/// Tarrow argued …`) become people: a name the gazetteer does not know, the subject of a verb of
/// saying in at least two sentences, and never after a preposition of place (`in La Tarrow`,
/// `from La Tarrow`; `with La Tarrow` is said of people too). A place whose own name speaks is a capital or a country, and those the gazetteer
/// knows (metonymy stays theirs).
pub(super) fn speaking_places_as_people(gaz: &crate::nlp::gazetteer::Gazetteer, doc: &Document, mentions: &[Mention]) -> Vec<Mention> {
    let key = |m: &Mention| {
        let s = &doc.sentences[m.sentence];
        m.tokens.clone().filter_map(|i| s.tokens.get(i)).map(|t| lower_key(&t.form)).collect::<Vec<_>>().join(" ")
    };
    let place = |m: &Mention| m.kind == EntityType::Location && m.sentence < doc.sentences.len() && m.tokens.end <= doc.sentences[m.sentence].tokens.len() && !m.tokens.is_empty();
    let mut speaks: HashMap<String, HashSet<usize>> = HashMap::new();
    let mut placed: HashSet<String> = HashSet::new();
    for m in mentions.iter().filter(|m| place(m)) {
        let s = &doc.sentences[m.sentence];
        let k = key(m);
        let after_preposition = m.tokens.start > 0 && PLACE_PREPOSITIONS.contains(&lower_key(&s.tokens[m.tokens.start - 1].form).as_str());
        let words: Vec<&str> = s.tokens.iter().map(|t| t.form.as_str()).collect();
        let known = gaz.find_spans(&words).iter().any(|g| g.tokens.start <= m.tokens.start && m.tokens.end <= g.tokens.end);
        if after_preposition || known {
            placed.insert(k);
            continue;
        }
        let subject_of_speech = m.tokens.clone().any(|i| {
            let t = &s.tokens[i];
            t.deprel.starts_with("nsubj") && t.head > 0 && SPEECH_VERBS.contains(&s.tokens[t.head - 1].lemma.to_lowercase().as_str())
        });
        if subject_of_speech {
            speaks.entry(k).or_default().insert(m.sentence);
        }
    }
    mentions
        .iter()
        .map(|m| {
            let person = place(m) && speaks.get(&key(m)).is_some_and(|ss| ss.len() >= 2) && !placed.contains(&key(m));
            Mention { kind: if person { EntityType::Person } else { m.kind }, ..m.clone() }
        })
        .collect()
}

pub(super) fn designation_end(s: &Sentence, mut end: usize) -> usize {
    let t = &s.tokens;
    while end + 1 < t.len()
        && t[end].form == "-"
        && !t[end - 1].space_after
        && !t[end].space_after
        && t[end + 1].form.chars().any(|c| c.is_ascii_digit())
        && t[end + 1].form.chars().all(char::is_alphanumeric)
    {
        end += 2;
    }
    end
}

pub(super) fn join_name_parts(s: &Sentence, ner: &[&Mention]) -> Vec<Mention> {
    let n = s.tokens.len();
    let mut out: Vec<Mention> = Vec::new();
    for m in ner {
        let mut m = (*m).clone();
        let r = m.tokens.start.min(n)..m.tokens.end.min(n);
        if r.is_empty() {
            out.push(m);
            continue;
        }
        if let Some(last) = out.last_mut()
            && last.kind == EntityType::Person
            && m.kind == EntityType::Person
            && last.tokens.end == r.start
            && (s.tokens[r.start].form.chars().next().is_some_and(char::is_lowercase) || (last.tokens.len() == 1 && r.len() == 1))
        {
            last.tokens.end = r.end;
            last.span = span_of(s, &last.tokens);
            last.text = join_tokens(s, last.tokens.clone());
            continue;
        }
        let prev_end = out.last().map_or(0, |l| l.tokens.end);
        let mut start = r.start;
        while start > prev_end
            && starts_upper(&s.tokens[start - 1].form)
            && names::with_lower(&s.tokens[start - 1].form, names::is_storm_noun).unwrap_or(false)
        {
            start -= 1;
        }
        // NER took the storm noun into the name but typed it as someone or somewhere
        let opens_with_storm = r.len() > 1 && storm_run(s, r.start) > r.start && storm_run(s, r.start) < r.end;
        if (start < r.start || opens_with_storm) && matches!(m.kind, EntityType::Person | EntityType::Location | EntityType::Organization | EntityType::Event) {
            m.tokens = start..r.end;
            m.span = span_of(s, &m.tokens);
            m.text = join_tokens(s, m.tokens.clone());
            m.kind = EntityType::Event;
        }
        out.push(m);
    }
    unrecognised_storms(s, &mut out);
    out
}

/// A capitalised storm noun (`Hurricane`, `Typhoon`, `Storm`).
fn is_storm_word(form: &str) -> bool {
    starts_upper(form) && names::with_lower(form, names::is_storm_noun).unwrap_or(false)
}

/// The end of the run of capitalised storm nouns from `i` (`Tropical Storm`), or `i` when
/// there is none or it is only a modifier (`Super Bowl`, `Tropical Cafe` are no storms).
fn storm_run(s: &Sentence, i: usize) -> usize {
    let mut j = i;
    while j < s.tokens.len() && is_storm_word(&s.tokens[j].form) {
        j += 1;
    }
    let head = (i..j).any(|t| !matches!(lower_key(&s.tokens[t].form).as_str(), "super" | "tropical"));
    if head { j } else { i }
}

/// Storm names NER did not see at all (`Hurricane Ilsa` untagged): capitalised storm nouns and
/// one or two proper nouns after them, outside every mention, become an event. The storm noun
/// must open the name (`Regional Typhoon Office` is an agency: a capitalised word before it
/// blocks), and the name must end there (`Hurricane Relief Fund` runs on).
fn unrecognised_storms(s: &Sentence, out: &mut Vec<Mention>) {
    let n = s.tokens.len();
    let covered = |i: usize, out: &[Mention]| out.iter().any(|m| m.tokens.contains(&i));
    let mut i = 0;
    while i < n {
        let opens = is_storm_word(&s.tokens[i].form) && !covered(i, out) && (i == 0 || !starts_upper(&s.tokens[i - 1].form));
        if !opens {
            i += 1;
            continue;
        }
        let j = storm_run(s, i);
        let mut k = j;
        while k < n && k - j < 3 && s.tokens[k].upos == "PROPN" && starts_upper(&s.tokens[k].form) && !covered(k, out) {
            k += 1;
        }
        if j > i && k > j && k - j <= 2 {
            let tokens = i..k;
            let pos = out.iter().position(|m| m.tokens.start > i).unwrap_or(out.len());
            out.insert(pos, Mention { sentence: s.index, span: span_of(s, &tokens), text: join_tokens(s, tokens.clone()), tokens, kind: EntityType::Event, entity: None });
        }
        i = k.max(i + 1);
    }
}

/// The members of a group of people that ends with `last` joined by `and` to the last of
/// `before` (people named earlier in the sentence: cluster, first and last token): that one and
/// the people listed before it with only a comma between each two (`Ferrer, Hale and Vell` is
/// three, not `Hale and Vell`), in document order.
fn listed_before(s: &Sentence, before: &[(usize, usize, usize)], last: usize) -> Vec<usize> {
    let mut members = vec![last];
    let mut k = before.len();
    while k > 0 {
        let (c, start, _) = before[k - 1];
        if members.contains(&c) {
            break;
        }
        members.push(c);
        let comma_only = k >= 2 && {
            let (_, _, end) = before[k - 2];
            end + 2 == start && s.tokens[end + 1].form == ","
        };
        if !comma_only {
            break;
        }
        k -= 1;
    }
    members.reverse();
    members
}

/// `Vellport, New York,`: a state written after a place and closed by a comma or the sentence's
/// end only says where that place is. The gazetteer reads `New York` as the city, `Washington`
/// as the capital and `Georgia` as the country; here they are the state, a place of its own
/// (outside the gazetteer), so a later `the city` finds the place the text named, not the
/// gazetteer's city.
fn read_state_locators(s: &Sentence, named: &mut [NamedSpan], nat: &mut [Option<u32>]) {
    for i in 1..named.len() {
        let r = named[i].0.clone();
        // `New York, New York`: the city of the state's name, written as US addresses are; the
        // gazetteer's city stays
        let same_name = tokens_lower(s, named[i - 1].0.clone()) == tokens_lower(s, r.clone());
        if same_name || named[i].2.is_none() || !is_state_name(s, r.clone()) || !follows_place_and_comma(s, &named[i - 1], r.start) || !closes_phrase(s, r.end) {
            continue;
        }
        named[i].1 = EntityType::Location;
        named[i].2 = None;
        for x in &mut nat[r] {
            *x = None;
        }
    }
}

/// Whether the tokens `r` spell one of the US states or the Canadian or Australian provinces.
fn is_state_name(s: &Sentence, r: std::ops::Range<usize>) -> bool {
    crate::nlp::ner::features::STATES_AND_PROVINCES.contains(&tokens_lower(s, r).as_str())
}

/// The tokens `r` in lower case, joined by spaces.
fn tokens_lower(s: &Sentence, r: std::ops::Range<usize>) -> String {
    r.map(|i| s.tokens[i].form.to_lowercase()).collect::<Vec<_>>().join(" ")
}

/// Whether the named span `prev` is a city or other place that ends right before a comma at
/// `start - 1`.
fn follows_place_and_comma(s: &Sentence, prev: &NamedSpan, start: usize) -> bool {
    start >= 2 && s.tokens[start - 1].form == "," && prev.0.end + 1 == start && matches!(prev.1, EntityType::City | EntityType::Location)
}

/// Whether the phrase ending at `end` (exclusive) closes there: a comma, a closing bracket, the
/// sentence's last punctuation or its end.
fn closes_phrase(s: &Sentence, end: usize) -> bool {
    s.tokens.get(end).is_none_or(|t| matches!(t.form.as_str(), "," | "." | ")" | ";" | ":" | "!" | "?"))
}
