//! Names whose words around them say what they are, retyped before extraction and resolution:
//!
//! - behind a role noun, a person: `basketball player Ana Reyes`, `the singer Cy Dorn` (the
//!   named-entity model sometimes types them as an organisation or a place);
//! - behind `the city of` / `the town of` (the nouns of settlements), a city: `the town of
//!   Millbrook said`, and so is every other one-word mention of the same name typed as a person
//!   (the model's document-level pass made `Millbrook` a person everywhere after one subject use);
//! - a name the model cut before a lowercase particle, one person: `Karim` + `bin Tarek`,
//!   `Ana` + `de Souza` (the first part may even be typed as a place: `Yusuf` + `bin Tarek`);
//! - a name typed as a person or a place that the text gives a version number (`Quillix 7`) or
//!   calls a piece of software (`the Quillix operating system`, `Quillix is a distribution`) or
//!   a game (`Quillix is a game`, `the game Quillix`, not `the Quillix game`: a match there), a
//!   product, and so is every other mention of that name or of a longer name it opens
//!   (`Quillix Server`) in the document;
//! - an institution name with a `for` complement (`Transport for Velmora`) the model left
//!   untagged or cut, one organisation ([`join_for_names`]);
//! - a person's name with a party word in front (`Republican Ana Reyes`) or post-nominal letters
//!   after it (`Ana Reyes QC`) taken into the mention, cut to the name;
//! - a person or place name that a singular organisation noun describes (`the software company
//!   Redwell`, `the band Cold Quarry`), a company or an organisation, with every other mention of
//!   the same name in the document.
//!
//! In: the document's sentences and named-entity mentions. Out: the same mentions, some retyped.

use super::lexicon::role_class;
use crate::document::{EntityType, Mention, Sentence, sentence_positions};

/// Retypes as `Person` the multi-word proper-noun mentions typed as an organisation or a place
/// that stand right after a role noun (`player`, `Mayor`, `immunologist`).
pub fn retype_titled_people(sentences: &[Sentence], mentions: &mut [Mention]) {
    let position = sentence_positions(sentences);
    for m in mentions.iter_mut() {
        let retypable = matches!(
            m.kind,
            EntityType::Organization | EntityType::Company | EntityType::Location | EntityType::City
        );
        if !retypable || m.tokens.len() < 2 || m.tokens.start == 0 {
            continue;
        }
        let Some(s) = position.get(&m.sentence).map(|&k| &sentences[k]) else { continue };
        let Some(toks) = s.tokens.get(m.tokens.clone()) else { continue };
        if !toks.iter().all(|t| t.upos == "PROPN") {
            continue;
        }
        let before = &s.tokens[m.tokens.start - 1];
        let role = role_class(&before.form.to_lowercase()).or_else(|| role_class(&before.lemma.to_lowercase()));
        // a singular role noun: `players Vela United` is no person
        if role.is_some() && matches!(before.upos.as_str(), "NOUN" | "PROPN") && !before.feats.contains("Number=Plur") {
            m.kind = EntityType::Person;
        } else if matches!(m.kind, EntityType::Location | EntityType::City) && before.form == "," && role_apposition(s, m.tokens.clone()) {
            m.kind = EntityType::Person;
        }
    }
    trim_person_titles(sentences, mentions);
}

/// Cuts a title the named-entity model read as an organisation or a place down to the name its
/// `of` complement gives (`the Supreme Leader of Tarn`, `the Speaker of the House`, `the Lord
/// Mayor of Vell` → `Tarn`, `House`, `Vell`): an office is held, not a body, and the role rules
/// read the title's words themselves (`supreme leader of – Tarn`), so a node named after the
/// whole title stood where the place or body should (`leader of – Supreme Leader of Tarn`). Only
/// positions (an occupation is no office: `Professor of Music` stays), written with capitals up
/// to `of`, and not a portfolio after it (`Secretary of State` is the office's own name).
pub fn cut_office_titles(sentences: &[Sentence], mentions: &mut [Mention]) {
    let position = sentence_positions(sentences);
    for m in mentions.iter_mut() {
        if matches!(m.kind, EntityType::Person | EntityType::Date | EntityType::Money | EntityType::Quantity | EntityType::Event | EntityType::Product) {
            continue;
        }
        let Some(s) = position.get(&m.sentence).map(|&k| &sentences[k]) else { continue };
        let Some(start) = office_complement_start(s, m.tokens.clone()) else { continue };
        let end = m.tokens.end;
        m.tokens = start..end;
        m.span = s.tokens[start].span.cover(&s.tokens[end - 1].span);
        m.text = tokens_text(s, start..end);
    }
}

/// The words of tokens `range` of `s` as written (a space only where the text has one).
fn tokens_text(s: &Sentence, range: std::ops::Range<usize>) -> String {
    let end = range.end;
    range.fold(String::new(), |mut t, k| {
        t.push_str(&s.tokens[k].form);
        if k + 1 < end && s.tokens[k].space_after {
            t.push(' ');
        }
        t
    })
}

/// Where the name after the `of` of an office title over `span` starts (past a `the`), when the
/// words before `of` are a capitalised title closed by a position noun and the title follows a
/// comma after at most three lowercase words (`, the`, `, the former`).
fn office_complement_start(s: &Sentence, span: std::ops::Range<usize>) -> Option<usize> {
    let t = s.tokens.get(span.clone())?;
    let of = t.iter().position(|x| x.form == "of")?;
    let capital = |x: &crate::document::Token| x.form.chars().next().is_some_and(char::is_uppercase);
    if of == 0 || !t[..of].iter().all(capital) {
        return None;
    }
    // a position, not an occupation (`role_class` is `Some(false)` for a position); a member
    // holds no office of the body (`Member of Parliament` names the body's seat-holders)
    let role = t[of - 1].form.to_lowercase();
    if role_class(&role) != Some(false) || role == "member" {
        return None;
    }
    // only a title set off after a name (`X, the Supreme Leader of Tarn,`): a title standing for
    // the office itself (`will elect the Lord Mayor of Vell`, `The Lord Mayor of Vell opens
    // the fair`) names the office, which the whole title does
    let before = &s.tokens[..span.start];
    let lead = before.iter().rev().take_while(|x| x.form != "," && !capital(x)).count();
    if lead == 0 || lead > 3 || before.len() <= lead || before[before.len() - lead - 1].form != "," {
        return None;
    }
    let mut start = span.start + of + 1;
    if start < span.end && s.tokens[start].form.eq_ignore_ascii_case("the") {
        start += 1;
    }
    let first = s.tokens.get(start).filter(|_| start < span.end)?;
    if !capital(first) || crate::ontology::roles::is_portfolio_word(&first.form.to_lowercase()) {
        return None;
    }
    Some(start)
}

/// Post-nominal letters of honours and offices written after a name (`Ana Reyes QC`, `Ivo Oster
/// MP`): general English (British) abbreviations, no part of the name.
const POST_NOMINALS: &[&str] = &["QC", "KC", "SC", "MP", "MEP", "MSP", "OBE", "MBE", "CBE", "KBE", "DBE"];

/// Cuts from person mentions of three or more words a capitalised party word the model took into
/// the name in front (`Republican Ana Reyes`) and post-nominal letters after it (`Ana Reyes QC`):
/// the rest is the name a reader knows the person by; the words stay in the text for the role and
/// origin rules. (Not a role noun in front, `Podcaster Ana Reyes`: the resolver reads a subject
/// phrase that opens outside every mention as a description, `Immunologist X of Y` as a whole.)
pub fn trim_person_titles(sentences: &[Sentence], mentions: &mut [Mention]) {
    let position = sentence_positions(sentences);
    for m in mentions.iter_mut().filter(|m| m.kind == EntityType::Person) {
        let Some(s) = position.get(&m.sentence).map(|&k| &sentences[k]) else { continue };
        let (mut a, mut b) = (m.tokens.start, m.tokens.end);
        if b > s.tokens.len() || b - a < 3 {
            continue;
        }
        let capital = |t: &crate::document::Token| t.form.chars().next().is_some_and(char::is_uppercase) && t.form.chars().skip(1).any(char::is_lowercase);
        let first = &s.tokens[a];
        let lower = first.form.to_lowercase();
        let title = crate::resolve::names::is_party_word(&lower);
        if title && capital(first) && capital(&s.tokens[a + 1]) && s.tokens[a + 1].upos == "PROPN" {
            a += 1;
        }
        // `Secretary of State Ana Reyes`, `Minister of Health Ana Reyes`: the portfolio that
        // closes an `of` title is the office's, no part of the name
        if b - a >= 3
            && a >= 2
            && crate::ontology::roles::is_portfolio_word(&s.tokens[a].form.to_lowercase())
            && s.tokens[a - 1].form.eq_ignore_ascii_case("of")
            && role_class(&s.tokens[a - 2].form.to_lowercase()).is_some()
            && capital(&s.tokens[a + 1])
        {
            a += 1;
        }
        if b - a >= 3 && POST_NOMINALS.contains(&s.tokens[b - 1].form.as_str()) {
            b -= 1;
        }
        if (a, b) == (m.tokens.start, m.tokens.end) {
            continue;
        }
        m.tokens = a..b;
        m.span = s.tokens[a].span.cover(&s.tokens[b - 1].span);
        m.text = tokens_text(s, a..b);
    }
}

/// Whether the name over `span` stands in apposition to a singular role noun before it (`The
/// mayor of Vell, Ana Reyes, said`): a place is never a mayor, so the name is the holder's.
fn role_apposition(s: &Sentence, span: std::ops::Range<usize>) -> bool {
    let toks = &s.tokens;
    let inside = |head: usize| head > span.start && head <= span.end;
    let Some(h) = span.clone().find(|&i| !inside(toks[i].head)) else { return false };
    let (head, rel) = (toks[h].head, toks[h].deprel.as_str());
    if rel != "appos" || head == 0 || head > span.start {
        return false;
    }
    let noun = &toks[head - 1];
    let role = role_class(&noun.form.to_lowercase()).or_else(|| role_class(&noun.lemma.to_lowercase()));
    role.is_some() && noun.upos == "NOUN" && !noun.feats.contains("Number=Plur")
}

/// Nouns that describe a name as a business (`the software company X`). General English; nouns
/// that also name people's jobs (`developer`, `operator`) or loose groups (`team`, `group`) are
/// left out.
pub(super) const COMPANY_NOUNS: &[&str] =
    &["company", "firm", "airline", "carrier", "retailer", "manufacturer", "maker", "broadcaster", "bank", "conglomerate", "startup", "publisher", "automaker", "insurer"];
/// Nouns that describe a name as some other organisation (`the band X`, `the charity X`).
pub(super) const ORGANISATION_NOUNS: &[&str] = &["band", "charity", "agency", "newspaper", "nonprofit", "ministry", "union", "league"];

/// Retypes as `Company` or `Organization` the person and place mentions that a singular
/// organisation noun describes (`the software company Redwell`, `the band Cold Quarry`), and
/// every other person or place mention of the same name in the document.
pub fn retype_described_organisations(sentences: &[Sentence], mentions: &mut [Mention]) {
    let position = sentence_positions(sentences);
    let retypable = |m: &Mention| matches!(m.kind, EntityType::Person | EntityType::Location | EntityType::City);
    let mut described: Vec<(usize, EntityType)> = Vec::new();
    for (i, m) in mentions.iter().enumerate().filter(|(_, m)| retypable(m)) {
        let Some(s) = position.get(&m.sentence).map(|&k| &sentences[k]) else { continue };
        if let Some(kind) = organisation_described(s, m.tokens.clone()) {
            described.push((i, kind));
        }
    }
    // a band named after a member (`the band Marlowe` beside `Jo Marlowe`): the name alone
    // may be either, so only the described mention changes
    let surname_of_someone = |name: &str| {
        mentions.iter().any(|m| m.kind == EntityType::Person && m.text.strip_suffix(name).is_some_and(|rest| rest.ends_with(' ')))
    };
    let named: Vec<(String, EntityType, bool)> =
        described.iter().map(|&(i, kind)| (mentions[i].text.clone(), kind, !surname_of_someone(&mentions[i].text))).collect();
    for &(i, kind) in &described {
        mentions[i].kind = kind;
    }
    for m in mentions.iter_mut().filter(|m| retypable(m)) {
        if let Some((_, kind, _)) = named.iter().find(|(n, _, everywhere)| *everywhere && *n == m.text) {
            m.kind = *kind;
        }
    }
}

/// The organisation type a singular noun right before the name gives it, when the noun is bound
/// to the name (a compound on it, or the name in apposition to it): `the company Redwell said`,
/// not `they told the company Ana Reyes would come`.
fn organisation_described(s: &Sentence, span: std::ops::Range<usize>) -> Option<EntityType> {
    let toks = &s.tokens;
    if span.start == 0 || span.end > toks.len() {
        return None;
    }
    let k = span.start - 1;
    let noun = &toks[k];
    if noun.upos != "NOUN" || noun.feats.contains("Number=Plur") {
        return None;
    }
    let lemma = noun.lemma.to_lowercase();
    let kind = if COMPANY_NOUNS.contains(&lemma.as_str()) {
        EntityType::Company
    } else if ORGANISATION_NOUNS.contains(&lemma.as_str()) {
        EntityType::Organization
    } else {
        return None;
    };
    let inside = |head: usize| head > span.start && head <= span.end;
    let head = span.clone().find(|&i| !inside(toks[i].head))?;
    let bound = (inside(noun.head) && noun.deprel == "compound") || (toks[head].head == k + 1 && matches!(toks[head].deprel.as_str(), "appos" | "flat" | "compound"));
    // the parser often cuts `company Redwell announced` into a noun and a clause of its own; the
    // noun as an object (`told the company Ana Reyes would`) is the one reading to keep out
    let cut = matches!(noun.deprel.as_str(), "root" | "nsubj" | "nsubj:pass" | "dep");
    (bound || cut).then_some(kind)
}

/// Nouns of settlements that name a place with `of` (`the city of X`). General English.
const SETTLEMENT_NOUNS: &[&str] = &["city", "town", "village", "municipality", "borough", "township", "hamlet"];

/// Retypes as `City` the names written `the city of X` that the model typed as people, and the
/// one-word person mentions of the same name elsewhere in the document.
pub fn retype_named_settlements(sentences: &[Sentence], mentions: &mut [Mention]) {
    let position = sentence_positions(sentences);
    let mut names: Vec<String> = Vec::new();
    for m in mentions.iter_mut() {
        if m.kind != EntityType::Person || m.tokens.start < 2 {
            continue;
        }
        let Some(s) = position.get(&m.sentence).map(|&k| &sentences[k]) else { continue };
        let (noun, of) = (&s.tokens[m.tokens.start - 2], &s.tokens[m.tokens.start - 1]);
        if of.lemma == "of" && SETTLEMENT_NOUNS.contains(&noun.lemma.to_lowercase().as_str()) {
            m.kind = EntityType::City;
            names.push(m.text.clone());
        }
    }
    for m in mentions.iter_mut() {
        if m.kind == EntityType::Person && m.tokens.len() == 1 && names.contains(&m.text) {
            m.kind = EntityType::City;
        }
    }
}

/// Joins a one-word name and the person mention right after it that opens with a lowercase
/// particle (`Karim` + `bin Tarek`) into one person mention, as the resolver reads them.
pub fn join_cut_names(sentences: &[Sentence], mentions: Vec<Mention>) -> Vec<Mention> {
    let position = sentence_positions(sentences);
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        let particle = position
            .get(&m.sentence)
            .and_then(|&k| sentences[k].tokens.get(m.tokens.start))
            .is_some_and(|t| t.form.chars().next().is_some_and(char::is_lowercase) && t.form.chars().all(|c| c.is_alphabetic() || c == '-'));
        if let Some(last) = out.last_mut() {
            let joinable = last.sentence == m.sentence
                && last.tokens.end == m.tokens.start
                && last.tokens.len() == 1
                && m.kind == EntityType::Person
                && particle
                && matches!(last.kind, EntityType::Person | EntityType::Location | EntityType::City | EntityType::Organization);
            if joinable {
                last.tokens.end = m.tokens.end;
                last.span = last.span.cover(&m.span);
                last.text = format!("{} {}", last.text, m.text);
                last.kind = EntityType::Person;
                continue;
            }
        }
        out.push(m);
    }
    out
}

/// Joins a one-word person mention and the untagged capitalised word right before it that the
/// parser reads as part of the same name (`Mara` + `Velez` where the model tagged only `Velez`,
/// behind `President of Norvia`): the word is a proper noun of the name's own phrase (a `flat` or
/// `compound` of the name, of the same head, or the name's head), no title, role, party, month,
/// day or acronym, and no other mention. The given name is then the label's first word, as the
/// resolver reads a full name.
pub fn join_given_names(sentences: &[Sentence], mut mentions: Vec<Mention>) -> Vec<Mention> {
    let position = sentence_positions(sentences);
    let taken: std::collections::HashSet<(usize, usize)> =
        mentions.iter().flat_map(|m| m.tokens.clone().map(move |k| (m.sentence, k))).collect();
    for m in mentions.iter_mut() {
        if m.kind != EntityType::Person || m.tokens.len() != 1 || m.tokens.start == 0 {
            continue;
        }
        let Some(&k) = position.get(&m.sentence) else { continue };
        let s = &sentences[k];
        let (g, n) = (m.tokens.start - 1, m.tokens.start);
        if taken.contains(&(m.sentence, g)) || !given_name_word(&s.tokens[g]) {
            continue;
        }
        // one phrase (heads are 1-based): `g` hangs on the name, shares its head as a `flat` or
        // `compound`, or heads it
        let (tg, tn) = (&s.tokens[g], &s.tokens[n]);
        let same_phrase = tg.head == n + 1
            || tn.head == g + 1
            || (tg.head == tn.head && matches!(tg.deprel.as_str(), "flat" | "compound") && matches!(tn.deprel.as_str(), "flat" | "compound"));
        if !same_phrase {
            continue;
        }
        m.span = tg.span.cover(&m.span);
        m.text = if tg.space_after { format!("{} {}", tg.form, tn.form) } else { format!("{}{}", tg.form, tn.form) };
        m.tokens.start = g;
    }
    mentions
}

/// A word that may open a person's name: a capitalised alphabetic proper noun with lowercase
/// letters after the first, that is no title, role, party word, month or day.
fn given_name_word(t: &crate::document::Token) -> bool {
    let f = t.form.as_str();
    let lower = f.to_lowercase();
    t.upos == "PROPN"
        && f.chars().next().is_some_and(char::is_uppercase)
        && f.chars().skip(1).all(|c| c.is_lowercase() && c.is_alphabetic())
        && f.chars().count() >= 2
        && !crate::resolve::names::is_title_word(&lower)
        && !crate::resolve::names::is_role_noun(&lower)
        && !crate::resolve::names::is_party_word(&lower)
        && role_class(&lower).is_none()
        && !super::lexicon::MONTHS.iter().any(|w| w.eq_ignore_ascii_case(f))
        && !super::lexicon::TIME_WORDS.iter().any(|w| w.eq_ignore_ascii_case(f))
}

/// Heads of institution names that take their complement with `of` (`House of Delegates`,
/// `Department of Fisheries`, `Court of Appeal`): general English nouns for a chamber, a
/// government office, a court, a bank or a school.
const OF_NAME_HEADS: &[&str] = &[
    "house", "department", "ministry", "bureau", "office", "court", "council", "chamber", "bank", "university",
    "college", "academy", "institute", "school", "board", "commission", "committee", "secretariat",
];

/// Extends an organisation or place mention that the named-entity model cut before the `of`
/// complement of its last word (`Norvia House` + `of Delegates`, `Norvia Department` + `of
/// Fisheries`): the last word is an institution head ([`OF_NAME_HEADS`]), `of` follows, then
/// capitalised proper nouns (a mention of their own or untagged) that the tree hangs on that head.
/// The longer name is an organisation.
pub fn join_of_names(sentences: &[Sentence], mentions: Vec<Mention>) -> Vec<Mention> {
    let position = sentence_positions(sentences);
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mut swallowed: Option<(usize, usize)> = None;
    for mut m in mentions {
        if let Some((sent, end)) = swallowed {
            if m.sentence == sent && m.tokens.start < end {
                continue;
            }
            swallowed = None;
        }
        if let Some(s) = position.get(&m.sentence).map(|&k| &sentences[k])
            && let Some(end) = of_complement_end(s, &m)
        {
            let last = &s.tokens[end - 1];
            m.span = m.span.cover(&last.span);
            m.text = tokens_text(s, m.tokens.start..end);
            m.tokens.end = end;
            m.kind = EntityType::Organization;
            swallowed = Some((m.sentence, end));
        }
        out.push(m);
    }
    out
}

/// Joins the mentions of an institution name that the named-entity model cut at the `and` inside
/// it (`Senate Energy` + `Natural Resources Committee`, or words left untagged) into one
/// organisation mention over the whole name (the spans of [`super::repair_name::and_name_spans`],
/// which the parse repair `and-name` makes one phrase). A mention that runs out of the name leaves
/// it as tagged.
pub fn join_and_names(sentences: &[Sentence], mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out = mentions;
    for s in sentences {
        for (a, h) in super::repair_name::and_name_spans(&s.tokens) {
            join_span(&mut out, s, a..h + 1, h);
        }
    }
    out
}

/// Joins a place name and the capitalised words the tree hangs on it as the rest of one name
/// (`Norvia Today`, `Vell TV`: the model tagged only the place, and the parser made the place the
/// phrase's head with the other words `flat` under it) into one organisation mention: such a name
/// is a newspaper's, a broadcaster's or a firm's, never the place itself (`Norvia Today reported`
/// is no act of Norvia). The words must be proper nouns outside every mention but a date's (the
/// model reads a capitalised `Today` as one), and none a place or region noun (`Vell County`), a
/// role or a title (`Vell Chief`).
pub fn join_place_led_names(sentences: &[Sentence], mentions: Vec<Mention>) -> Vec<Mention> {
    // one pass over the mentions (a pass per sentence would be quadratic in the document's length);
    // a capitalised `Today` or `Daily` inside a name is no date
    let taken: std::collections::HashSet<(usize, usize)> =
        mentions.iter().filter(|m| m.kind != EntityType::Date).flat_map(|m| m.tokens.clone().map(move |k| (m.sentence, k))).collect();
    let places: Vec<(usize, std::ops::Range<usize>)> = mentions
        .iter()
        .filter(|m| matches!(m.kind, EntityType::Country | EntityType::City | EntityType::Location))
        .map(|m| (m.sentence, m.tokens.clone()))
        .collect();
    let position = sentence_positions(sentences);
    let mut out = mentions;
    for (si, r) in places {
        let Some(s) = position.get(&si).map(|&k| &sentences[k]) else { continue };
        let end = place_led_name_end(s, r.clone(), &taken);
        if end > r.end {
            join_span(&mut out, s, r.start..end, r.end - 1);
        }
    }
    out
}

/// Heads that make a name an institution's, never a person's (`Vell Valley Police`, `the Tarn
/// Justice Department`): general English nouns for a government body, a force or an
/// organisation that are not common surnames (`Court`, `House`, `Banks` are left out).
const INSTITUTION_HEADS: &[&str] = &[
    "department", "ministry", "bureau", "police", "navy", "army", "agency", "commission", "committee", "council", "secretariat",
    "institute", "university", "academy", "foundation", "association", "federation", "administration", "authority",
    "parliament", "assembly", "senate", "congress", "government", "corporation", "company", "group", "force",
];

/// Makes an organisation of a name the model typed as a person though it ends on an institution
/// head ([`INSTITUTION_HEADS`]): `Vell Valley Police arrived`, and with the capitalised words the
/// tree hangs on the head before it, a place among them (`the Tarn Justice Department` tagged as
/// a place and a person `Department`). A person named after a role cannot end on such a word.
pub fn join_institution_names(sentences: &[Sentence], mentions: Vec<Mention>) -> Vec<Mention> {
    let position = sentence_positions(sentences);
    let people: Vec<(usize, std::ops::Range<usize>)> =
        mentions.iter().filter(|m| m.kind == EntityType::Person).map(|m| (m.sentence, m.tokens.clone())).collect();
    let mut out = mentions;
    for (si, r) in people {
        let Some(s) = position.get(&si).map(|&k| &sentences[k]) else { continue };
        let last = r.end - 1;
        let Some(t) = s.tokens.get(last) else { continue };
        let capital = t.form.chars().next().is_some_and(char::is_uppercase);
        if !capital || !INSTITUTION_HEADS.contains(&t.form.to_lowercase().as_str()) {
            continue;
        }
        join_span(&mut out, s, institution_name_start(s, r.start, last)..r.end, last);
    }
    out
}

/// Where the institution name ending on the head `h` starts: before the capitalised proper nouns
/// right before `start` that the tree hangs on the name as compounds.
fn institution_name_start(s: &Sentence, mut start: usize, h: usize) -> usize {
    while start > 0 {
        let t = &s.tokens[start - 1];
        let on_name = t.head >= 1 && (start..=h).contains(&(t.head - 1));
        let capital = t.form.chars().next().is_some_and(char::is_uppercase);
        if t.upos != "PROPN" || t.deprel != "compound" || !capital || !on_name {
            break;
        }
        start -= 1;
    }
    start
}

/// Where the name that the place at `r` opens ends: after the capitalised proper nouns right after
/// it that the tree hangs `flat` on a word of the place or of the run ([`join_place_led_names`]).
fn place_led_name_end(s: &Sentence, r: std::ops::Range<usize>, taken: &std::collections::HashSet<(usize, usize)>) -> usize {
    let mut end = r.end;
    while let Some(t) = s.tokens.get(end) {
        let on_name = t.head >= 1 && (r.start..end).contains(&(t.head - 1));
        let lower = t.form.to_lowercase();
        let capital = t.form.chars().next().is_some_and(char::is_uppercase);
        let place_noun = crate::resolve::names::class_noun_kinds(&lower)
            .is_some_and(|k| k.iter().any(|k| matches!(k, EntityType::Location | EntityType::City | EntityType::Country)));
        let place_or_role = place_noun || role_class(&lower).is_some() || crate::resolve::names::is_title_word(&lower);
        if t.upos != "PROPN" || t.deprel != "flat" || !capital || !on_name || taken.contains(&(s.index, end)) || place_or_role {
            break;
        }
        end += 1;
    }
    end
}

/// Puts one organisation mention over `range` of sentence `s` (head `h`) in place of the mentions
/// inside it, unless a mention runs out of the range (then the name stays as tagged). The kind is
/// that of the mention holding the head when it names an institution, else an organisation.
fn join_span(out: &mut Vec<Mention>, s: &Sentence, range: std::ops::Range<usize>, h: usize) {
    let overlaps = |m: &Mention| m.sentence == s.index && m.tokens.start < range.end && range.start < m.tokens.end;
    if out.iter().any(|m| overlaps(m) && (m.tokens.start < range.start || m.tokens.end > range.end)) {
        return;
    }
    let kind = out
        .iter()
        .find(|m| overlaps(m) && m.tokens.contains(&h))
        .map(|m| m.kind)
        .filter(|k| matches!(k, EntityType::Organization | EntityType::GovernmentBody | EntityType::InternationalOrganization | EntityType::Company))
        .unwrap_or(EntityType::Organization);
    let at = out.iter().position(|m| overlaps(m)).unwrap_or_else(|| {
        out.iter().position(|m| m.sentence > s.index || (m.sentence == s.index && m.tokens.start >= range.end)).unwrap_or(out.len())
    });
    out.retain(|m| !overlaps(m));
    let text = tokens_text(s, range.clone());
    let joined = Mention {
        sentence: s.index,
        tokens: range.clone(),
        span: s.tokens[range.start].span.cover(&s.tokens[range.end - 1].span),
        text,
        kind,
        entity: None,
    };
    out.insert(at.min(out.len()), joined);
}

/// Heads of organisation names that take their purpose with `for` (`Centre for Rare Diseases`,
/// `Coalition for Clean Air`, `Transport for Velmora`): general English nouns for an institution,
/// a body, a campaign or a public service.
const FOR_NAME_HEADS: &[&str] = &[
    "center", "centre", "centers", "centres", "institute", "foundation", "coalition", "society", "committee", "council", "alliance",
    "campaign", "commission", "agency", "office", "transport", "association", "fund", "league", "movement", "party", "organisation",
    "organization", "network", "federation", "union", "trust", "bureau", "court", "academy",
];

/// Makes one organisation mention of an institution name with a `for` complement that the
/// named-entity model left untagged or cut (`Transport for Velmora` with only `Velmora` tagged as
/// a place, `Centers for Rare Plant Health and Safety` with nothing tagged): a capitalised
/// institution head ([`FOR_NAME_HEADS`]) with the capitalised words the tree hangs on it before it
/// (`Velmora Centre`), then `for`, then capitalised words (joined by `and` when a capitalised word
/// follows), one of which the tree hangs on the head. A mention that runs out of the name leaves
/// it as tagged; mentions inside it are replaced.
pub fn join_for_names(sentences: &[Sentence], mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out = mentions;
    for s in sentences {
        for (range, h) in for_name_spans(s) {
            join_span(&mut out, s, range, h);
        }
    }
    out
}

/// The token ranges of `X for Y` institution names in `s` and their heads (see [`join_for_names`]).
fn for_name_spans(s: &Sentence) -> Vec<(std::ops::Range<usize>, usize)> {
    let t = &s.tokens;
    let capital = |k: usize| {
        matches!(t[k].upos.as_str(), "PROPN" | "NOUN" | "ADJ")
            && t[k].form.chars().next().is_some_and(char::is_uppercase)
            && t[k].form.chars().any(char::is_lowercase)
    };
    let mut spans = Vec::new();
    let mut h = 0;
    while h + 2 < t.len() {
        if !(capital(h) && FOR_NAME_HEADS.contains(&t[h].form.to_lowercase().as_str()) && t[h + 1].form == "for" && capital(h + 2)) {
            h += 1;
            continue;
        }
        // the complement: capitalised words, `and` between two of them
        let mut end = h + 2;
        while end < t.len() && end < h + 9 {
            if capital(end) {
                end += 1;
            } else if t[end].form == "and" && end + 1 < t.len() && capital(end + 1) && end > h + 2 {
                end += 2;
            } else {
                break;
            }
        }
        // one complement word hangs on the head (heads are 1-based)
        let hung = (h + 2..end).any(|k| t[k].head == h + 1 && t[k].deprel.starts_with("nmod"));
        // capitalised words before the head that the tree hangs on it
        let mut start = h;
        while start > 0 && capital(start - 1) && t[start - 1].head == h + 1 && matches!(t[start - 1].deprel.as_str(), "compound" | "amod" | "flat") {
            start -= 1;
        }
        if hung {
            spans.push((start..end, h));
        }
        h = end;
    }
    spans
}

/// The end (exclusive) of the `of` complement that continues the name `m` (see [`join_of_names`]).
fn of_complement_end(s: &Sentence, m: &Mention) -> Option<usize> {
    let t = &s.tokens;
    let h = m.tokens.end - 1;
    if matches!(m.kind, EntityType::Person | EntityType::Date | EntityType::Money | EntityType::Quantity)
        || m.tokens.end + 1 >= t.len()
        || t[m.tokens.end].form != "of"
        || !OF_NAME_HEADS.contains(&t[h].form.to_lowercase().as_str())
        || !t[h].form.chars().next().is_some_and(char::is_uppercase)
    {
        return None;
    }
    let capital = |k: usize| t[k].upos == "PROPN" && t[k].form.chars().next().is_some_and(char::is_uppercase);
    let start = m.tokens.end + 1;
    let mut end = start;
    while end < t.len() && end < start + 4 && capital(end) {
        end += 1;
    }
    // the complement hangs on the head (heads are 1-based): one of its words is an `nmod` of it
    let hung = (start..end).any(|k| t[k].head == h + 1 && t[k].deprel.starts_with("nmod"));
    (end > start && hung).then_some(end)
}

/// Nouns that call a name a piece of software or a release of it. General English; `system`
/// counts only as `operating system`.
const SOFTWARE_NOUNS: &[&str] = &["distribution", "distro", "software", "os", "app", "browser", "release", "version", "firmware"];
/// Product nouns that count only when bound to the name (`Quillix is a game`, `the game
/// Quillix`), not right after it: `the Texas game` is a match played there.
const BOUND_PRODUCT_NOUNS: &[&str] = &["game"];

/// Retypes as `Product` the person and place mentions that the text shows to be software: a
/// version number right after the name, or a software noun the name is bound to (see
/// [`software_evidence`]); then every person or place mention of the same name in the document,
/// or of a longer name opening with it, as NER typed the name the same way throughout.
pub fn retype_products(sentences: &[Sentence], mentions: &mut [Mention]) {
    let position = sentence_positions(sentences);
    let retypable = |m: &Mention| matches!(m.kind, EntityType::Person | EntityType::Location);
    let names: Vec<String> = mentions
        .iter()
        .filter(|m| retypable(m))
        .filter(|m| position.get(&m.sentence).is_some_and(|&k| software_evidence(&sentences[k], m.tokens.clone())))
        .map(|m| m.text.clone())
        .collect();
    if names.is_empty() {
        return;
    }
    for m in mentions.iter_mut().filter(|m| retypable(m)) {
        if names.iter().any(|n| m.text == *n || m.text.strip_prefix(n.as_str()).is_some_and(|rest| rest.starts_with(' '))) {
            m.kind = EntityType::Product;
        }
    }
}

/// Whether the name over `span` of `s` is shown to be software: a version number attached to it
/// right after it (`Quillix 7`, not a year and not a score: `Vela 2 Dynamo 1`), or a software
/// noun right after it (`Quillix operating system`) or bound to its head as apposition, compound
/// or copular subject (`Quillix is a free distribution`, `the browser, Quillix,`).
fn software_evidence(s: &Sentence, span: std::ops::Range<usize>) -> bool {
    let toks = &s.tokens;
    if span.is_empty() || span.end > toks.len() {
        return false;
    }
    let inside = |head: usize| head > span.start && head <= span.end;
    if let Some(n) = toks.get(span.end) {
        let version = n.upos == "NUM"
            && n.form.chars().all(|c| c.is_ascii_digit() || c == '.')
            && n.form.split('.').next().is_some_and(|major| (1..=2).contains(&major.len()))
            && inside(n.head);
        // `Vela 2 Dynamo 1`, `Vela 2-1`: a score, not a version
        let score = toks.get(span.end + 1).is_some_and(|a| {
            a.upos == "NUM" || a.form.chars().all(|c| "-–—:".contains(c)) || a.form.chars().next().is_some_and(char::is_uppercase)
        });
        if version && !score {
            return true;
        }
    }
    let software = |k: usize| -> bool {
        let t = &toks[k];
        let w = t.lemma.to_lowercase();
        SOFTWARE_NOUNS.contains(&w.as_str())
            || (w == "system" && k > 0 && toks[k - 1].lemma.eq_ignore_ascii_case("operating"))
    };
    let after = span.end + usize::from(toks.get(span.end).is_some_and(|t| t.lemma.eq_ignore_ascii_case("operating")));
    if after < toks.len() && software(after) && matches!(toks[after].upos.as_str(), "NOUN" | "PROPN") {
        return true;
    }
    let Some(h) = span.clone().find(|&i| !inside(toks[i].head)) else { return false };
    let head = &toks[h];
    let bound_only = |k: usize| BOUND_PRODUCT_NOUNS.contains(&toks[k].lemma.to_lowercase().as_str());
    let copular_subject = head.deprel.starts_with("nsubj") && toks.iter().any(|t| t.head == head.head && t.deprel == "cop");
    let bound_up = head.head > 0
        && ((software(head.head - 1) && (matches!(head.deprel.as_str(), "appos" | "compound" | "flat") || copular_subject))
            || (bound_only(head.head - 1) && (head.deprel == "appos" || copular_subject)));
    // `Quillix, a browser`; `the game Quillix` (the noun before the name, on it)
    let bound_down = toks.iter().enumerate().any(|(k, t)| {
        t.head == h + 1 && ((t.deprel == "appos" && (software(k) || bound_only(k))) || (t.deprel == "compound" && k < span.start && bound_only(k)))
    });
    bound_up || bound_down
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::rules::testkit::sentence;

    fn kinds(spec: &str) -> Vec<(String, EntityType)> {
        let (s, mut m) = sentence(spec);
        retype_titled_people(std::slice::from_ref(&s), &mut m);
        m.iter().map(|m| (s.tokens[m.tokens.clone()].iter().map(|t| t.form.as_str()).collect::<Vec<_>>().join(" "), m.kind)).collect()
    }

    #[test]
    fn a_name_after_a_role_noun_is_a_person() {
        let got = kinds("The/DET basketball/NOUN player/NOUN {{Ana/PROPN Reyes}}/PROPN scored/VERB ./PUNCT");
        assert_eq!(got, vec![("Ana Reyes".to_owned(), EntityType::Person)]);
        // after a verb, or a one-word name, nothing changes
        let got = kinds("Fans/NOUN of/ADP {{Vela/PROPN United}}/PROPN cheered/VERB for/ADP {{Dynamo}}/PROPN ./PUNCT");
        assert_eq!(got, vec![("Vela United".to_owned(), EntityType::Organization), ("Dynamo".to_owned(), EntityType::Organization)]);
    }

    #[test]
    fn a_title_or_party_word_in_front_and_post_nominal_letters_are_cut_from_a_persons_name() {
        let texts = |spec: &str| {
            let (s, mut m) = sentence(spec);
            for t in &mut m {
                t.text = s.tokens[t.tokens.clone()].iter().map(|t| t.form.as_str()).collect::<Vec<_>>().join(" ");
            }
            trim_person_titles(std::slice::from_ref(&s), &mut m);
            m.into_iter().map(|m| m.text).collect::<Vec<_>>()
        };
        assert_eq!(texts("[[Republican/ADJ Ivo/PROPN Oster]]/PROPN spoke/VERB ./PUNCT"), vec!["Ivo Oster"]);
        assert_eq!(texts("[[Mara/PROPN Vellin/PROPN QC]]/PROPN spoke/VERB ./PUNCT"), vec!["Mara Vellin"]);
        assert_eq!(texts("The/DET Secretary/PROPN of/ADP [[State/PROPN Ivo/PROPN Oster]]/PROPN spoke/VERB ./PUNCT"), vec!["Ivo Oster"]);
        // must not: a portfolio word that opens a name after no `ROLE of` (`the bank of State Vell Trust`)
        assert_eq!(texts("the/DET bank/NOUN of/ADP [[State/PROPN Vell/PROPN Trust]]/PROPN spoke/VERB ./PUNCT"), vec!["State Vell Trust"]);
        // must not: a two-word name (`Democrat Tarrow`), a role noun in front, or a name whose
        // first word is no title
        assert_eq!(texts("[[Democrat/PROPN Tarrow]]/PROPN spoke/VERB ./PUNCT"), vec!["Democrat Tarrow"]);
        assert_eq!(texts("[[Drummer/NOUN Ana/PROPN Reyes]]/PROPN spoke/VERB ./PUNCT"), vec!["Drummer Ana Reyes"]);
        assert_eq!(texts("[[Ben/PROPN Ivo/PROPN Tarrow]]/PROPN spoke/VERB ./PUNCT"), vec!["Ben Ivo Tarrow"]);
    }

    #[test]
    fn an_office_title_read_as_an_organisation_is_cut_to_its_of_complement() {
        // `Ivo Oster, the Supreme Leader of Tarn, spoke` (invented), the title typed as a body
        let got = retyped(
            "Ivo/PROPN Oster/PROPN ,/PUNCT the/DET {{Supreme/ADJ Leader/PROPN of/ADP Tarn}}/PROPN ,/PUNCT spoke/VERB ./PUNCT",
            cut_office_titles,
        );
        assert_eq!(got, vec![("Tarn".to_owned(), EntityType::Organization)]);
        let got = retyped("Ana/PROPN Reyes/PROPN ,/PUNCT the/DET former/ADJ {{Speaker/PROPN of/ADP the/DET Vell/PROPN Assembly}}/PROPN ,/PUNCT spoke/VERB", cut_office_titles);
        assert_eq!(got, vec![("Vell Assembly".to_owned(), EntityType::Organization)]);
        // must not: an institution (`Bank of Tarn`), an occupation (`Professor of Music`), a
        // portfolio (`Secretary of State`), a member, a lowercase word before `of`, or a title
        // that stands for the office (`will elect the Lord Mayor of Tarn`)
        for spec in [
            "Oster/PROPN ,/PUNCT the/DET {{Bank/PROPN of/ADP Tarn}}/PROPN spoke/VERB",
            "Oster/PROPN ,/PUNCT the/DET {{Professor/PROPN of/ADP Music}}/PROPN spoke/VERB",
            "Oster/PROPN ,/PUNCT the/DET {{Secretary/PROPN of/ADP State}}/PROPN spoke/VERB",
            "Oster/PROPN ,/PUNCT a/DET {{Member/PROPN of/ADP Parliament}}/PROPN spoke/VERB",
            "Oster/PROPN ,/PUNCT the/DET {{union/NOUN leader/NOUN of/ADP Tarn}}/PROPN spoke/VERB",
            "Voters/NOUN will/AUX elect/VERB the/DET {{Lord/PROPN Mayor/PROPN of/ADP Tarn}}/PROPN",
        ] {
            let got = retyped(spec, cut_office_titles);
            assert_eq!(got.len(), 1, "{spec}");
            assert!(got[0].0.contains(" of "), "{spec}: {got:?}");
        }
    }

    #[test]
    fn a_place_name_in_apposition_to_a_role_noun_is_a_person() {
        // `The mayor of Vell, Ana Reyes, advised residents`, the name typed as a place (invented)
        let got = kinds(
            "The/DET/2/det mayor/NOUN/0/root of/ADP/4/case ((Vell))/PROPN/2/nmod ,/PUNCT/6/punct ((Ana/PROPN/2/appos Reyes))/PROPN/6/flat ,/PUNCT/6/punct advised/VERB/6/acl",
        );
        assert_eq!(got, vec![("Vell".to_owned(), EntityType::City), ("Ana Reyes".to_owned(), EntityType::Person)]);
        // must not: a place after a comma that is no apposition of a role (`the capital of
        // Norvia, Ostrava City`), or of a plural role noun
        for spec in [
            "The/DET/2/det capital/NOUN/0/root of/ADP/4/case ((Norvia))/PROPN/2/nmod ,/PUNCT/6/punct ((Ostrava/PROPN/2/appos City))/PROPN/6/flat",
            "The/DET/2/det mayors/NOUN/0/root of/ADP/4/case ((Vell))/PROPN/2/nmod ,/PUNCT/6/punct ((Ana/PROPN/2/appos Reyes))/PROPN/6/flat",
        ] {
            let got = kinds(spec);
            assert!(got.iter().all(|(_, k)| *k == EntityType::City), "{spec}: {got:?}");
        }
    }

    #[test]
    fn a_name_cut_before_a_particle_is_one_person() {
        let (s, m) = sentence("[[Karim]]/PROPN [[bin/PROPN Tarek]]/PROPN and/CCONJ ((Yusuf))/PROPN [[al/PROPN Vela]]/PROPN and/CCONJ [[Ana]]/PROPN [[Reyes]]/PROPN met/VERB ./PUNCT");
        let joined = join_cut_names(std::slice::from_ref(&s), m);
        let spans: Vec<(std::ops::Range<usize>, EntityType)> = joined.iter().map(|m| (m.tokens.clone(), m.kind)).collect();
        // two capitalised one-word names stay apart here (`Ana` `Reyes`: the resolver decides)
        assert_eq!(
            spans,
            vec![(0..3, EntityType::Person), (4..7, EntityType::Person), (8..9, EntityType::Person), (9..10, EntityType::Person)]
        );
    }

    #[test]
    fn an_untagged_given_name_right_before_a_one_word_person_joins_it() {
        // `President of Norvia Mara Velez spoke`, the model tagging only `Velez`, both words
        // parsed as `flat` of `Norvia` (invented)
        let (s, m) = sentence(
            "President/PROPN/6/nsubj of/ADP/3/case <<Norvia>>/PROPN/1/nmod Mara/PROPN/3/flat [[Velez]]/PROPN/3/flat spoke/VERB/0/root ./PUNCT/6/punct",
        );
        let joined = join_given_names(std::slice::from_ref(&s), m);
        let people: Vec<(std::ops::Range<usize>, String)> =
            joined.iter().filter(|m| m.kind == EntityType::Person).map(|m| (m.tokens.clone(), m.text.clone())).collect();
        assert_eq!(people, vec![(3..5, "Mara Velez".to_owned())]);
        // must not: a title, a month or a word of another phrase in front stays out
        for spec in [
            "Senator/PROPN/2/compound [[Velez]]/PROPN/3/nsubj spoke/VERB/0/root",
            "March/PROPN/2/compound [[Velez]]/PROPN/3/nsubj spoke/VERB/0/root",
            "Norvia/PROPN/3/obl [[Velez]]/PROPN/3/nsubj spoke/VERB/0/root",
        ] {
            let (s, m) = sentence(spec);
            let joined = join_given_names(std::slice::from_ref(&s), m);
            assert_eq!(joined[0].tokens, 1..2, "{spec}");
        }
    }

    #[test]
    fn a_name_cut_before_the_of_complement_of_its_institution_head_goes_on() {
        // `The Norvia House of Delegates voted`, tagged `Norvia House` (invented)
        let (s, m) = sentence(
            "The/DET/3/det {{Norvia/PROPN/3/compound House}}/PROPN/6/nsubj of/ADP/5/case Delegates/PROPN/3/nmod voted/VERB/0/root ./PUNCT/6/punct",
        );
        let joined = join_of_names(std::slice::from_ref(&s), m);
        assert_eq!(joined.iter().map(|m| (m.tokens.clone(), m.text.clone())).collect::<Vec<_>>(), vec![(1..5, "Norvia House of Delegates".to_owned())]);
        // must not: a head that takes no `of` in names (`Norvia Harbour of Vell`) or a complement
        // hung elsewhere stays as tagged
        let (s, m) = sentence(
            "The/DET/3/det {{Norvia/PROPN/3/compound Harbour}}/PROPN/6/nsubj of/ADP/5/case Vell/PROPN/3/nmod closed/VERB/0/root",
        );
        assert_eq!(join_of_names(std::slice::from_ref(&s), m)[0].tokens, 1..3);
        let (s, m) = sentence(
            "The/DET/3/det {{Norvia/PROPN/3/compound House}}/PROPN/6/nsubj of/ADP/5/case Delegates/PROPN/6/obl voted/VERB/0/root",
        );
        assert_eq!(join_of_names(std::slice::from_ref(&s), m)[0].tokens, 1..3);
    }

    #[test]
    fn an_institution_name_with_a_for_complement_is_one_organisation() {
        // `Transport for Velmora told passengers to wait`, only `Velmora` tagged (invented)
        let (s, m) = sentence(
            "Transport/NOUN/4/nsubj for/ADP/3/case ((Velmora))/PROPN/1/nmod told/VERB/0/root passengers/NOUN/4/obj ./PUNCT/4/punct",
        );
        let joined = join_for_names(std::slice::from_ref(&s), m);
        let got: Vec<(std::ops::Range<usize>, String, EntityType)> = joined.iter().map(|m| (m.tokens.clone(), m.text.clone(), m.kind)).collect();
        assert_eq!(got, vec![(0..3, "Transport for Velmora".to_owned(), EntityType::Organization)]);
        // `The Norvia Centers for Rare Plant Health and Safety said`, nothing tagged
        let (s, m) = sentence(
            "The/DET/3/det Norvia/PROPN/3/compound Centers/PROPN/10/nsubj for/ADP/7/case Rare/ADJ/7/amod Plant/PROPN/7/compound \
             Health/PROPN/3/nmod and/CCONJ/9/cc Safety/PROPN/7/conj said/VERB/0/root ./PUNCT/10/punct",
        );
        let joined = join_for_names(std::slice::from_ref(&s), m);
        assert_eq!(joined.iter().map(|m| m.text.clone()).collect::<Vec<_>>(), vec!["Norvia Centers for Rare Plant Health and Safety".to_owned()]);
        // must not: a head that is no institution (`Tickets for Velmora`), a complement hung on a
        // verb (`Council voted for Ivo Oster`), a lowercase head (`the council for Velmora`)
        for spec in [
            "Tickets/NOUN/4/nsubj for/ADP/3/case ((Velmora))/PROPN/1/nmod sold/VERB/0/root",
            "The/DET/2/det Council/PROPN/3/nsubj voted/VERB/0/root for/ADP/5/case [[Ivo/PROPN Oster]]/PROPN/3/obl",
            "the/DET/2/det council/NOUN/5/nsubj for/ADP/4/case ((Velmora))/PROPN/2/nmod met/VERB/0/root",
        ] {
            let (s, m) = sentence(spec);
            let before: Vec<std::ops::Range<usize>> = m.iter().map(|m| m.tokens.clone()).collect();
            let joined = join_for_names(std::slice::from_ref(&s), m);
            assert_eq!(joined.iter().map(|m| m.tokens.clone()).collect::<Vec<_>>(), before, "{spec}");
        }
    }

    #[test]
    fn an_institution_name_cut_at_its_and_is_one_organisation() {
        // `the chairman of the Senate Energy and Natural Resources Committee resigned`, tagged
        // `Senate Energy` and `Natural Resources Committee` (invented)
        let (s, m) = sentence(
            "the/DET chairman/NOUN of/ADP the/DET {{Senate/PROPN Energy}}/PROPN and/CCONJ {{Natural/ADJ Resources/PROPN Committee}}/PROPN resigned/VERB ./PUNCT",
        );
        let joined = join_and_names(std::slice::from_ref(&s), m);
        assert_eq!(
            joined.iter().map(|m| (m.tokens.clone(), m.text.clone(), m.kind)).collect::<Vec<_>>(),
            vec![(4..10, "Senate Energy and Natural Resources Committee".to_owned(), EntityType::Organization)]
        );
        // must not: two names (`Ana Reyes and Tom Dorn Foundation` has people in it) stay as tagged
        let (mut s, m) = sentence("[[Ana/PROPN Reyes]]/PROPN and/CCONJ {{Dorn/PROPN Foundation}}/PROPN met/VERB");
        s.tokens[0].ner = "B-PER".into();
        s.tokens[1].ner = "I-PER".into();
        let kept = join_and_names(std::slice::from_ref(&s), m);
        assert_eq!(kept.iter().map(|m| m.tokens.clone()).collect::<Vec<_>>(), vec![0..2, 3..5]);
    }

    #[test]
    fn a_place_with_capitalised_words_flat_under_it_is_one_organisation_name() {
        let joined = |spec: &str| joined_by(spec, join_place_led_names);
        let got = joined("<<Norvia>>/PROPN/3/nsubj Today/PROPN/1/flat reported/VERB/0/root the/DET/5/det vote/NOUN/3/obj ./PUNCT/3/punct");
        assert_eq!(got, vec![("Norvia Today".to_owned(), EntityType::Organization)]);
        // a region noun, a title or a word of another mention after the place: left as tagged
        for spec in [
            "%%Vell%%/PROPN/3/nsubj County/PROPN/1/flat voted/VERB/0/root ./PUNCT/3/punct",
            "<<Norvia>>/PROPN/3/nsubj Chief/PROPN/1/flat spoke/VERB/0/root ./PUNCT/3/punct",
            "<<Norvia>>/PROPN/4/nsubj [[Ana/PROPN/1/flat Reyes]]/PROPN/2/flat spoke/VERB/0/root ./PUNCT/4/punct",
            "<<Norvia>>/PROPN/3/nsubj today/NOUN/1/flat voted/VERB/0/root ./PUNCT/3/punct",
        ] {
            let got = joined(spec);
            assert!(got.iter().all(|(t, _)| t.split(' ').count() <= 2 && (t == "Norvia" || t == "Vell" || t == "Ana Reyes")), "{spec}: {got:?}");
        }
    }

    #[test]
    fn a_person_mention_ending_on_an_institution_head_is_an_organisation() {
        let joined = |spec: &str| joined_by(spec, join_institution_names);
        // `The Tarn Justice Department said` (invented): a country and a person `Department`
        let got = joined("The/DET/4/det <<Tarn>>/PROPN/4/compound Justice/PROPN/4/compound [[Department]]/PROPN/5/nsubj said/VERB/0/root ./PUNCT/5/punct");
        assert_eq!(got, vec![("Tarn Justice Department".to_owned(), EntityType::Organization)]);
        let got = joined("[[Vell/PROPN/3/compound Valley/PROPN/3/compound Police]]/PROPN/4/nsubj arrived/VERB/0/root ./PUNCT/4/punct");
        assert_eq!(got, vec![("Vell Valley Police".to_owned(), EntityType::Organization)]);
        // must not: a surname that is an institution word elsewhere (`Ana Court`), or a lowercase head
        let got = joined("[[Ana/PROPN/2/flat Court]]/PROPN/3/nsubj won/VERB/0/root ./PUNCT/3/punct");
        assert_eq!(got, vec![("Ana Court".to_owned(), EntityType::Person)]);
    }

    /// The mentions of `spec` (with their texts) after the joining step `join`.
    fn joined_by(spec: &str, join: fn(&[Sentence], Vec<Mention>) -> Vec<Mention>) -> Vec<(String, EntityType)> {
        let (s, mut m) = sentence(spec);
        for t in &mut m {
            t.text = s.tokens[t.tokens.clone()].iter().map(|t| t.form.as_str()).collect::<Vec<_>>().join(" ");
        }
        join(std::slice::from_ref(&s), m).into_iter().map(|m| (m.text, m.kind)).collect()
    }

    /// The mentions of `spec` (with their texts, which the retyping compares) after `retype`.
    fn retyped(spec: &str, retype: fn(&[Sentence], &mut [Mention])) -> Vec<(String, EntityType)> {
        let (s, mut m) = sentence(spec);
        for t in &mut m {
            t.text = s.tokens[t.tokens.clone()].iter().map(|t| t.form.as_str()).collect::<Vec<_>>().join(" ");
        }
        retype(std::slice::from_ref(&s), &mut m);
        m.into_iter().map(|m| (m.text, m.kind)).collect()
    }

    fn product_kinds(spec: &str) -> Vec<(String, EntityType)> {
        retyped(spec, retype_products)
    }

    #[test]
    fn a_name_with_a_version_or_a_software_noun_is_a_product() {
        use EntityType::*;
        // a version number bound to the name; the longer name opening with it follows
        let got = product_kinds("Users/NOUN/5/nsubj of/ADP [[Quillix]]/PROPN/1/nmod 7/NUM/3/nummod moved/VERB/0/root to/ADP %%Quillix/PROPN Server%%/PROPN/4/obl ./PUNCT/4/punct");
        assert_eq!(got, vec![("Quillix".to_owned(), Product), ("Quillix Server".to_owned(), Product)]);
        // a software noun right after the name, and a copular subject of one
        let got = product_kinds("They/PRON use/VERB the/DET %%Tarvo%%/PROPN operating/NOUN system/NOUN ./PUNCT");
        assert_eq!(got, vec![("Tarvo".to_owned(), Product)]);
        let got = product_kinds("[[Nelvo]]/PROPN/5/nsubj is/AUX/5/cop a/DET/5/det free/ADJ/5/amod distribution/NOUN/0/root ./PUNCT/5/punct");
        assert_eq!(got, vec![("Nelvo".to_owned(), Product)]);
        // `game` bound to the name: its copular subject, or the noun before it
        let got = product_kinds("[[Pellworth]]/PROPN/5/nsubj is/AUX/5/cop a/DET/5/det free/ADJ/5/amod game/NOUN/0/root ./PUNCT/5/punct");
        assert_eq!(got, vec![("Pellworth".to_owned(), Product)]);
        let got = product_kinds("Fans/NOUN/6/nsubj of/ADP/5/case the/DET/5/det game/NOUN/5/compound [[Pellworth]]/PROPN/1/nmod met/VERB/0/root ./PUNCT/6/punct");
        assert_eq!(got, vec![("Pellworth".to_owned(), Product)]);
    }

    #[test]
    fn a_place_before_game_is_where_a_match_is_played() {
        // `game` right after a name, on which the name is a compound: a match, not a product
        let got = product_kinds("They/PRON/2/nsubj won/VERB/0/root the/DET/5/det %%Harlow%%/PROPN/5/compound game/NOUN/2/obj ./PUNCT/2/punct");
        assert_eq!(got, vec![("Harlow".to_owned(), EntityType::Location)]);
    }

    #[test]
    fn a_person_with_a_year_a_score_or_a_plain_noun_stays_a_person() {
        use EntityType::*;
        // must give nothing: a year after a name, a score, a possessive `release`, a plain copula
        let cases = [
            "[[Ana/PROPN/0/root Reyes]]/PROPN/1/flat 2019/NUM/1/nummod was/AUX a/DET year/NOUN ./PUNCT",
            "%%Vela%%/PROPN/0/root 2/NUM/1/nummod {{Dynamo}}/PROPN 1/NUM ./PUNCT",
            "[[Ana/PROPN/4/nmod:poss Reyes]]/PROPN/1/flat 's/PART/1/case release/NOUN/0/root from/ADP prison/NOUN ./PUNCT",
            "[[Ana/PROPN/6/nsubj Reyes]]/PROPN/1/flat is/AUX/6/cop a/DET/6/det free/ADJ/6/amod woman/NOUN/0/root ./PUNCT/6/punct",
        ];
        for spec in cases {
            let got = product_kinds(spec);
            assert!(got.iter().all(|(_, k)| *k != Product), "{spec}: {got:?}");
        }
    }

    fn described_kinds(spec: &str) -> Vec<(String, EntityType)> {
        retyped(spec, retype_described_organisations)
    }

    #[test]
    fn a_name_a_company_noun_describes_is_a_company() {
        use EntityType::*;
        // the noun is a compound on the name; the other mention of the name follows
        let got = described_kinds("The/DET/4/det software/NOUN/3/compound company/NOUN/4/compound [[Red/PROPN/6/nsubj Quay]]/PROPN/4/flat said/VERB/0/root [[Red/PROPN/6/obj Quay]]/PROPN/7/flat grew/VERB ./PUNCT");
        assert_eq!(got, vec![("Red Quay".to_owned(), Company), ("Red Quay".to_owned(), Company)]);
        let got = described_kinds("The/DET/2/det band/NOUN/3/compound [[Cold/PROPN/5/nsubj Quarry]]/PROPN/3/flat split/VERB/0/root ./PUNCT/5/punct");
        assert_eq!(got, vec![("Cold Quarry".to_owned(), Organization)]);
        // the parser cut the noun from the name's clause
        let got = described_kinds("The/DET/2/det company/NOUN/0/root [[Red/ADJ/4/amod Quay]]/PROPN/5/nsubj opened/VERB/2/acl:relcl ./PUNCT/2/punct");
        assert_eq!(got, vec![("Red Quay".to_owned(), Company)]);
        // a band named after a member: the member's surname stays his
        let got = described_kinds("The/DET/2/det band/NOUN/3/compound [[Marlowe]]/PROPN/4/nsubj split/VERB/0/root and/CCONJ [[Jo/PROPN Marlowe]]/PROPN said/VERB [[Marlowe]]/PROPN left/VERB ./PUNCT");
        assert_eq!(got, vec![("Marlowe".to_owned(), Organization), ("Jo Marlowe".to_owned(), Person), ("Marlowe".to_owned(), Person)]);
    }

    #[test]
    fn a_name_no_organisation_noun_describes_keeps_its_type() {
        use EntityType::*;
        // must give nothing: a job noun, a plural noun, and a noun that is the verb's object
        let cases = [
            "The/DET/3/det software/NOUN/3/compound developer/NOUN/4/compound [[Ana/PROPN/6/nsubj Reyes]]/PROPN/4/flat said/VERB/0/root ./PUNCT",
            "Two/NUM/2/nummod companies/NOUN/3/compound [[Ana/PROPN/5/nsubj Reyes]]/PROPN/3/flat said/VERB/0/root ./PUNCT",
            "They/PRON/2/nsubj told/VERB/0/root the/DET/4/det company/NOUN/2/obj [[Ana/PROPN/7/nsubj Reyes]]/PROPN/5/flat would/AUX/7/aux come/VERB/2/ccomp ./PUNCT",
        ];
        for spec in cases {
            let got = described_kinds(spec);
            assert!(got.iter().all(|(_, k)| *k == Person), "{spec}: {got:?}");
        }
    }

    #[test]
    fn the_city_of_a_name_is_a_city() {
        let got = retyped(
            "The/DET city/NOUN of/ADP [[Millbrook]]/PROPN said/VERB [[Millbrook]]/PROPN and/CCONJ the/DET son/NOUN of/ADP [[Ana/PROPN Reyes]]/PROPN agree/VERB ./PUNCT",
            retype_named_settlements,
        );
        let kinds: Vec<EntityType> = got.into_iter().map(|(_, k)| k).collect();
        assert_eq!(kinds, vec![EntityType::City, EntityType::City, EntityType::Person]);
    }
}
