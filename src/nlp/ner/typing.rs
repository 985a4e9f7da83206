//! Finer entity types for recognised names: gazetteer evidence first, then cue words.
//!
//! In: the coarse class (PER/ORG/LOC), the words of the name and the gazetteer matches of the
//! sentence. Out: an [`EntityType`] (PER → Person; LOC → Country/City/Location; ORG →
//! InternationalOrganization/Company/GovernmentBody/ArmedGroup/Organization).

use super::bilou::NerClass;
use crate::document::EntityType;
use std::ops::Range;

const COMPANY_LAST: &[&str] = &[
    "inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "llc", "co", "co.", "company", "group", "holdings",
    "plc", "ag", "gmbh", "s.a.", "airlines", "airways", "motors", "technologies", "systems", "industries",
    "pharmaceuticals", "enterprises", "partners", "bros.", "labs", "media", "energy", "petroleum", "oil",
];
const COMPANY_ANY: &[&str] = &["bank", "airlines", "inc.", "corp.", "ltd.", "llc"];
/// Trade words that end a business's name (`… Foods`, `… Chemicals`, `… Pictures`): general
/// English plurals and sector nouns that end no person's or place's name. Words that are also
/// common surnames (`Mills`, `Steel`, `Power`) or end events (`Games`) are left out.
const TRADE_LAST: &[&str] = &[
    "foods", "brands", "beverages", "breweries", "brewing", "chemicals", "electronics", "semiconductor", "semiconductors",
    "pharma", "biotech", "therapeutics", "biosciences", "minerals", "mining", "resources", "logistics", "shipping",
    "telecom", "telecommunications", "communications", "networks", "software", "studios", "pictures", "entertainment",
    "aerospace", "automotive", "insurance", "investments", "securities", "airline", "motor", "retail", "stores", "cosmetics",
];
const ARMED_ANY: &[&str] = &[
    "army", "militia", "militias", "brigade", "brigades", "taliban", "hamas", "hezbollah", "farc", "eln", "isis",
    "isil", "qaeda", "rebels", "guerrillas", "paramilitaries", "cartel",
];
const GOV_ANY: &[&str] = &[
    "ministry", "department", "dept.", "senate", "congress", "parliament", "government", "administration",
    "agency", "bureau", "commission", "court", "police", "council", "cabinet", "treasury", "pentagon", "kremlin",
    "assembly", "authority", "customs", "navy", "marines", "fbi", "cia", "nsa", "epa", "fda", "irs", "dea", "dhs",
    "embassy", "consulate", "legislature", "judiciary", "presidency", "secretariat",
];

/// Last words that make a name an organisation's whatever opens it (`… Appeals Court`, `… Party`).
const ORG_LAST: &[&str] = &["party", "guard", "committee", "union", "association", "league", "federation", "foundation"];

/// Whether the name's last word is the head of an institution or company.
fn is_institution_last(name: &[&str]) -> bool {
    let last = name.last().copied().unwrap_or("");
    [GOV_ANY, COMPANY_LAST, ORG_LAST, TRADE_LAST].iter().any(|list| list.iter().any(|x| x.eq_ignore_ascii_case(last)))
}

/// Whether the name's last word heads an organisation or company (`… Foundation`, `… Holdings`);
/// government words are left out, as some are surnames too (`Court`). `Air` ends an airline's
/// name (`Ostrava Air`) and no person's; it is kept out of [`COMPANY_LAST`], which also decides
/// place names (`Bel Air` is a place).
fn is_org_or_company_last(name: &[&str]) -> bool {
    let last = name.last().copied().unwrap_or("");
    last.eq_ignore_ascii_case("air") || [COMPANY_LAST, ORG_LAST, TRADE_LAST].iter().any(|list| list.iter().any(|x| x.eq_ignore_ascii_case(last)))
}

/// The words of a name before its first `of`/`for`/`on`: the part that says what kind of body
/// it is (`Department` of `Department of Mining`, `Zembla Ministry` of `Zembla Ministry for
/// Petroleum`); the whole name when it has none.
fn head_part<'a, 'b>(name: &'b [&'a str]) -> &'b [&'a str] {
    let cut = name.iter().skip(1).position(|w| matches!(w.to_ascii_lowercase().as_str(), "of" | "for" | "on"));
    cut.map_or(name, |i| &name[..i + 1])
}

fn any_in(words: &[&str], list: &[&str]) -> bool {
    words.iter().any(|w| list.iter().any(|x| x.eq_ignore_ascii_case(w)))
}

/// A title in the plural (`Senators`, `Ministers`): a title cue with an `s` added.
fn is_plural_title(w: &str) -> bool {
    w.len() > 3 && w.strip_suffix('s').is_some_and(|one| !one.ends_with('s') && super::features::is_title_cue(one))
}

/// Capitalised words that open a title rather than a person's name (`Former Mayor`, `Deputy
/// Judge`, `Republican Senator`, `Health Secretary`): rank and time words, the usual party names
/// and government portfolios. General English, lowercase; a given name is none of them.
const TITLE_OPENERS: &[&str] = &[
    "former", "acting", "interim", "then", "late", "new", "vice", "deputy", "assistant", "associate", "prime",
    "senior", "chief", "general", "executive", "first", "lord", "lady", "foreign", "interior", "defence",
    "defense", "finance", "health", "justice", "home", "education", "trade", "economy", "energy", "environment",
    "labour", "labor", "transport", "culture", "treasury", "republican", "democrat", "democratic", "conservative",
    "liberal", "socialist", "green", "independent", "the", "a", "an",
];

/// Whether a capitalised word is a title or opens one (`Mayor`, `Deputy`) rather than being part of a
/// person's name.
pub(crate) fn is_title_word(w: &str) -> bool {
    super::features::is_title_cue(w) || is_plural_title(w) || TITLE_OPENERS.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Whether the person span `r` is a given name followed by a surname that is also a title word
/// (`Ana Mayor`, `Tom Judge`, `Lea Marshal`): the title cue `k` closes the span right after one
/// or two capitalised words that are no title opener, no acronym and nothing the gazetteer knows
/// (a place, a demonym, an organisation), and not the sentence's country. Read
/// as a title it would leave a role `Mayor` and no person.
fn title_word_is_surname(words: &[&str], r: &Range<usize>, k: usize, countries: &[Range<usize>]) -> bool {
    let given = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && cs.clone().any(char::is_lowercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            && !super::features::is_title_cue(w)
            && !TITLE_OPENERS.iter().any(|x| x.eq_ignore_ascii_case(w))
            // a place, a demonym or a known organisation (`Velmar Mayor`, `Peruvian Minister`)
            && super::gazetteer_matches(&[w]).is_empty()
    };
    // `Regents Professor at Y`, `Honorary Consul of Y`: a title with its owner after it
    let owner_after = words.get(r.end).is_some_and(|w| matches!(*w, "of" | "at" | "for"));
    k + 1 == r.end
        && !owner_after
        && k > r.start
        && k - r.start <= 2
        && (r.start..k).all(|i| given(words[i]))
        && !countries.iter().any(|c| c.start < k && r.start < c.end)
}

/// Splits titles off recognised names: `Peruvian Trade Minister Lucia Ferrand` (tagged as
/// one ORG or LOC) → PER `Lucia Ferrand`; `President Strand` or `Senators Strand` (one PER) → PER
/// `Strand`; a span that is
/// only a title (`US President`) keeps just its leading country (`US`) or is dropped.
/// `countries` are the sentence's gazetteer country matches.
pub fn split_titles(words: &[&str], spans: Vec<(Range<usize>, NerClass)>, countries: &[Range<usize>]) -> Vec<(Range<usize>, NerClass)> {
    let mut out = Vec::with_capacity(spans.len());
    for (r, class) in spans {
        let cue = |k: usize| {
            let w = words[k];
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            // a plural title only opens a person's span: `Senators Ana Reyes (and …)`
            let plural = k == r.start && class == NerClass::Per && is_plural_title(w);
            capital && (super::features::is_title_cue(w) || plural)
        };
        let Some(k) = r.clone().rev().find(|&k| cue(k)) else {
            out.push((r, class));
            continue;
        };
        // `Ana Mayor`: the title word after a given name is the surname
        if class == NerClass::Per && title_word_is_surname(words, &r, k, countries) {
            out.push((r, class));
            continue;
        }
        if class != NerClass::Per && k == r.start {
            out.push((r, class)); // `General Motors`, `St. Louis`
            continue;
        }
        // a title closing an institution's name after `of`/`for` names its field, not a person's
        // post (`Department of Justice`, `Office of the President`)
        if class != NerClass::Per && k + 1 == r.end && k > r.start && matches!(words[k - 1], "of" | "for") {
            out.push((r, class));
            continue;
        }
        let capital = |i: usize| words[i].chars().next().is_some_and(char::is_uppercase);
        let rest_capitalised = (k + 1..r.end).all(capital);
        // `US Secretary of State Dora Quill`, `Director of Velco Ana Brill`: a title with its own
        // `of` phrase before the name; the name is the last two words (a given name and a
        // surname), what stands between is the title's portfolio or owner
        let title_of_then_name = class == NerClass::Per
            && k + 5 <= r.end
            && words[k + 1] == "of"
            && (k + 2..r.end).all(capital);
        if k + 1 < r.end && !rest_capitalised && !title_of_then_name {
            out.push((r, class));
            continue;
        }
        let person = if title_of_then_name { r.end - 2 } else { k + 1 };
        if let Some(c) = countries.iter().find(|c| c.start == r.start && c.end <= k) {
            out.push((c.clone(), NerClass::Loc));
        }
        if person < r.end {
            out.push((person..r.end, NerClass::Per));
        }
    }
    out
}

/// Splits the place off a person's name that stands right after `TITLE of` or `TITLE from`
/// (`Mayor of Brentham Oskar Vell`, `Senator from Brentham Oskar Vell`, tagged as one PER): an
/// office of a place (or a member elected from one) names the place first, so the span's
/// opening words are the place — as long as the gazetteer's match there, or all but the last two
/// words (a given name and a surname) when the gazetteer does not know the place. A span of two
/// words is left alone (`Mayor of Brentham` has no person in it to split off). `gaz` are the
/// sentence's gazetteer matches.
pub fn split_place_of_title(words: &[&str], spans: Vec<(Range<usize>, NerClass)>, gaz: &[(Range<usize>, EntityType)]) -> Vec<(Range<usize>, NerClass)> {
    let mut out = Vec::with_capacity(spans.len());
    for (r, class) in spans {
        let after_title_of = r.start >= 2
            && matches!(words[r.start - 1], "of" | "from")
            && words[r.start - 2].chars().next().is_some_and(char::is_uppercase)
            && super::features::is_title_cue(words[r.start - 2]);
        let capitalised = words[r.clone()].iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
        // the tagger often calls the whole run an organisation (`from Brentham Oskar Vell`): one
        // that does not end in an organisation or company word is the same place and person
        let person_like = class == NerClass::Per || (class == NerClass::Org && !is_institution_last(&words[r.clone()]));
        if !person_like || !after_title_of || r.len() < 3 || !capitalised {
            out.push((r, class));
            continue;
        }
        let known = gaz.iter().filter(|(g, _)| g.start == r.start && g.end < r.end).map(|(g, _)| g.end).max();
        let cut = known.unwrap_or(r.end - 2);
        out.push((r.start..cut, NerClass::Loc));
        out.push((cut..r.end, NerClass::Per));
    }
    out
}

/// Cuts a position and its `of` off the front of an organisation or place span: `Speaker of the
/// Norvia Assembly`, `Governor of the Bank of Tarn`, `President of the Ostrava Council` (tagged as
/// one name) → `Norvia Assembly`, `Bank of Tarn`, `Ostrava Council`. A position of a body is no
/// name of the body; kept whole, the role fact's object repeats the role (`X – speaker of –
/// Speaker of the Norvia Assembly`) or the fact is lost. The first word is a capitalised position
/// noun ([`crate::ontology::roles`], positions only), then `of`, an optional `the`, and a
/// capitalised rest that is a name of two words or more, not ending in a portfolio (`Secretary of
/// State`, `Chief of Staff`, `Minister of Foreign Affairs`, `Speaker of the House` stay whole).
/// Person spans are left to [`split_titles`].
pub fn cut_positions_of_bodies(words: &[&str], spans: Vec<(Range<usize>, NerClass)>) -> Vec<(Range<usize>, NerClass)> {
    const PORTFOLIOS: &[&str] = &[
        "state", "staff", "defence", "defense", "justice", "health", "finance", "police", "government", "security",
        "treasury", "commerce", "labour", "labor", "education", "interior", "energy", "transport", "agriculture",
        "culture", "mission", "protocol", "operations", "parliament", "congress", "the",
    ];
    spans
        .into_iter()
        .map(|(r, class)| {
            if class == NerClass::Per || r.len() < 3 {
                return (r, class);
            }
            let first = words[r.start];
            let position = first.chars().next().is_some_and(char::is_uppercase)
                && crate::ontology::roles::role_class(&first.to_lowercase()) == Some(false);
            if !position || words[r.start + 1] != "of" {
                return (r, class);
            }
            let mut rest = r.start + 2;
            if words[rest].eq_ignore_ascii_case("the") {
                rest += 1;
            }
            let capitalised = (rest..r.end).all(|i| {
                let w = words[i];
                w.chars().next().is_some_and(char::is_uppercase) || matches!(w, "of" | "the" | "and" | "for" | "&")
            });
            // a one-word rest is left whole: a portfolio (`Secretary of State`) or an office
            // named by its place or body (`Archbishop of Tarn`, `Speaker of the House`), which
            // cut would leave the place as the name of the body
            let name = r.end.saturating_sub(rest) >= 2
                && !PORTFOLIOS.contains(&words[r.end - 1].to_lowercase().as_str())
                && !words[r.end - 1].eq_ignore_ascii_case("affairs");
            if capitalised && name && words[rest].chars().next().is_some_and(char::is_uppercase) {
                (rest..r.end, class)
            } else {
                (r, class)
            }
        })
        .collect()
}

/// The fine type of a name spanning `span` of `words`. `gaz` are the sentence's gazetteer matches
/// (token range, kind).
pub fn refine(class: NerClass, span: &Range<usize>, words: &[&str], gaz: &[(Range<usize>, EntityType)]) -> EntityType {
    let name = &words[span.clone()];
    let exact = gaz.iter().find(|(r, _)| r == span).map(|(_, k)| *k);
    match class {
        // `Ada Pell Animal Foundation` tagged PER: a person's name never ends in an institution
        // or company word
        NerClass::Per if name.len() > 1 && is_org_or_company_last(name) => refine(NerClass::Org, span, words, gaz),
        NerClass::Per => EntityType::Person,
        NerClass::Loc => match exact {
            Some(k @ (EntityType::Country | EntityType::City | EntityType::InternationalOrganization)) => k,
            // `Zembla Appeals Court`, `Zembla Coast Guard`: a place opens the name, an
            // institution heads it
            _ if name.len() > 1 && is_institution_last(name) => refine(NerClass::Org, span, words, gaz),
            _ => EntityType::Location,
        },
        NerClass::Org => {
            if let Some(k @ (EntityType::Country | EntityType::InternationalOrganization)) = exact {
                return k;
            }
            let last = name.last().copied().unwrap_or("");
            let is_last = |list: &[&str]| list.iter().any(|x| x.eq_ignore_ascii_case(last));
            // the kind of body is said before `of`: `Department of Mining` is no company
            let government_head = head_part(name).len() < name.len() && any_in(head_part(name), GOV_ANY);
            if !government_head && (is_last(COMPANY_LAST) || any_in(name, COMPANY_ANY)) {
                EntityType::Company
            } else if any_in(name, ARMED_ANY) {
                EntityType::ArmedGroup
            } else if any_in(name, GOV_ANY) || name.first().is_some_and(|w| w.eq_ignore_ascii_case("white") && name.len() == 2) {
                EntityType::GovernmentBody
            } else if is_last(TRADE_LAST) {
                EntityType::Company
            } else {
                EntityType::Organization
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType::*;

    #[test]
    fn an_airline_name_tagged_as_a_person_is_an_organisation() {
        let w: Vec<&str> = "Norvia banned Tarvan Air from flying".split(' ').collect();
        assert_ne!(refine(NerClass::Per, &(2..4), &w, &[]), Person);
        // must keep: a place ending in `Air` stays a place
        let w: Vec<&str> = "a house in Vell Air burned".split(' ').collect();
        assert_eq!(refine(NerClass::Loc, &(3..5), &w, &[]), Location);
    }

    #[test]
    fn a_position_of_a_body_is_cut_off_the_bodys_name() {
        use NerClass::*;
        let w: Vec<&str> = "Mara Vellin , the Speaker of the Norvia Assembly , said".split(' ').collect();
        assert_eq!(cut_positions_of_bodies(&w, vec![(0..2, Per), (4..9, Org)]), vec![(0..2, Per), (7..9, Org)]);
        let w: Vec<&str> = "Governor of the Bank of Tarn Ivo Oster".split(' ').collect();
        assert_eq!(cut_positions_of_bodies(&w, vec![(0..6, Org)]), vec![(3..6, Org)]);
        let w: Vec<&str> = "President of Ostrava Council".split(' ').collect();
        assert_eq!(cut_positions_of_bodies(&w, vec![(0..4, Org)]), vec![(2..4, Org)]);
        // must keep: portfolios, bodies headed by no position, person spans, a lowercase rest
        for (text, span, class) in [
            ("Secretary of State", 0..3, Org),
            ("Chief of Staff", 0..3, Org),
            ("Minister of Justice", 0..3, Org),
            ("Speaker of the House", 0..4, Org),
            ("Archbishop of Tarn", 0..3, Org),
            ("Minister of Foreign Affairs", 0..4, Org),
            ("Department of Justice", 0..3, Org),
            ("Bank of Tarn", 0..3, Org),
            ("Speaker of the Norvia Assembly", 0..5, Per),
            ("Speaker of the local assembly", 0..5, Org),
        ] {
            let w: Vec<&str> = text.split(' ').collect();
            assert_eq!(cut_positions_of_bodies(&w, vec![(span.clone(), class)]), vec![(span, class)], "{text}");
        }
    }

    #[test]
    fn a_place_after_title_of_is_split_off_the_person() {
        use NerClass::*;
        // `Mayor of Brentham Oskar Vell`: one PER span; the gazetteer knows no Brentham
        let w: Vec<&str> = "Mayor of Brentham Oskar Vell declared".split(' ').collect();
        assert_eq!(split_place_of_title(&w, vec![(2..5, Per)], &[]), vec![(2..3, Loc), (3..5, Per)]);
        // a place the gazetteer knows decides the cut (`New Brentham` of two words)
        let w: Vec<&str> = "Governor of New Brentham Ada Vell spoke".split(' ').collect();
        assert_eq!(split_place_of_title(&w, vec![(2..6, Per)], &[(2..4, City)]), vec![(2..4, Loc), (4..6, Per)]);
        // a member elected from a place: `Senator from Brentham Oskar Vell`
        let w: Vec<&str> = "Senator from Brentham Oskar Vell won".split(' ').collect();
        assert_eq!(split_place_of_title(&w, vec![(2..5, Per)], &[]), vec![(2..3, Loc), (3..5, Per)]);
        // tagged as an organisation: the same, unless an organisation word ends it
        assert_eq!(split_place_of_title(&w, vec![(2..5, Org)], &[]), vec![(2..3, Loc), (3..5, Per)]);
        let w: Vec<&str> = "Leader of Brentham Labour Party said".split(' ').collect();
        assert_eq!(split_place_of_title(&w, vec![(2..5, Org)], &[]), vec![(2..5, Org)]);
        // must give nothing: a two-word span, no title before `of`, a lowercase word in the span
        for (text, span) in [
            ("Mayor of Oskar Vell spoke", 2..4),
            ("son of Brentham Oskar Vell spoke", 2..5),
            ("friends of Brentham Oskar Vell spoke", 2..5),
            ("visitors from Brentham Oskar Vell met", 2..5),
            ("Mayor of Ana de Souza spoke", 2..5),
        ] {
            let w: Vec<&str> = text.split(' ').collect();
            assert_eq!(split_place_of_title(&w, vec![(span.clone(), Per)], &[]), vec![(span, Per)], "{text}");
        }
    }

    #[test]
    fn a_title_with_its_own_of_phrase_is_split_off_the_name() {
        use NerClass::*;
        // `Velmar Secretary of State Dora Quill`, `Director of Velco Ana Brill`: one PER span
        let w: Vec<&str> = "said Velmar Secretary of State Dora Quill and Director of Velco Ana Brill".split(' ').collect();
        let velmar = vec![Range { start: 1, end: 2 }];
        let got = split_titles(&w, vec![(1..7, Per), (8..13, Per)], &velmar);
        assert_eq!(got, vec![(1..2, Loc), (5..7, Per), (11..13, Per)]);
        // must stay whole: no name after the `of` phrase (two words only), a lowercase word in it,
        // or an organisation span (`Bank of Velmar Holdings`)
        let w: Vec<&str> = "said Secretary of State Quill and Director of the Velco Ana Brill and Bank of Velmar Holdings".split(' ').collect();
        let spans = vec![(1..5, Per), (6..12, Per), (13..17, Org)];
        assert_eq!(split_titles(&w, spans.clone(), &[]), spans);
    }

    #[test]
    fn a_title_word_after_a_given_name_is_the_surname() {
        use NerClass::*;
        // `Ana Mayor`, `Tom Judge`: one person each, the title word their surname
        let w: Vec<&str> = "said Ana Mayor and Tom Judge and Lea Marie Marshal".split(' ').collect();
        let spans = vec![(1..3, Per), (4..6, Per), (7..10, Per)];
        assert_eq!(split_titles(&w, spans.clone(), &[]), spans);
        // still titles: a rank, a party, a portfolio or a demonym in front, a country, an acronym
        let w: Vec<&str> = "said Former Mayor and Republican Senator and Health Secretary and Peruvian Minister and Velmar President and UN Envoy and Regents Professor at Velco and Visiting Professor for Velco".split(' ').collect();
        let spans = vec![(1..3, Per), (4..6, Per), (7..9, Per), (10..12, Per), (13..15, Per), (16..18, Per), (19..21, Per), (24..26, Per)];
        let velmar = vec![Range { start: 13, end: 14 }];
        assert_eq!(split_titles(&w, spans, &velmar), vec![(13..14, Loc)]);
    }

    #[test]
    fn titles_are_split_off_names() {
        use NerClass::*;
        let w: Vec<&str> = "said Peruvian Trade Minister Lucia Ferrand and US President Don Strand and General Motors".split(' ').collect();
        let spans = vec![(1..6, Org), (7..11, Per), (12..14, Org)];
        let us = vec![Range { start: 7, end: 8 }];
        let got = split_titles(&w, spans, &us);
        assert_eq!(got, vec![(4..6, Per), (7..8, Loc), (9..11, Per), (12..14, Org)]);
        let w = ["the", "US", "President", "said"];
        let us = vec![Range { start: 1, end: 2 }];
        assert_eq!(split_titles(&w, vec![(1..3, Org)], &us), vec![(1..2, Loc)]);
        assert_eq!(split_titles(&w, vec![(1..3, Org)], &[]), vec![]);
        // a title that closes an institution's name after `of` stays in it
        let w = ["the", "Brentham", "Department", "of", "Justice", "said"];
        let brentham = vec![Range { start: 1, end: 2 }];
        assert_eq!(split_titles(&w, vec![(1..5, Org)], &brentham), vec![(1..5, Org)]);
        let w = ["President", "of", "the", "Club"];
        assert_eq!(split_titles(&w, vec![(0..4, Org)], &[]), vec![(0..4, Org)]);
        // a plural title opening a person's span goes; elsewhere it stays (`Warner Brothers`)
        let w = ["Senators", "Lucia", "Ferrand", "and", "Vela", "Brothers", "Ministers"];
        assert_eq!(split_titles(&w, vec![(0..3, Per), (4..6, Org)], &[]), vec![(1..3, Per), (4..6, Org)]);
        // must give nothing: a plural title alone, or a word that only ends like one
        assert_eq!(split_titles(&w, vec![(6..7, Org)], &[]), vec![(6..7, Org)]);
        let w = ["Kings", "Vela"];
        assert!(is_plural_title("Kings") && !is_plural_title("Mss") && !is_plural_title("Bosses"));
        assert_eq!(split_titles(&w, vec![(0..2, Org)], &[]), vec![(0..2, Org)]);
        let w = ["St.", "Louis", "and", "Colombian", "Minister", "Lucia", "Ferrand"];
        assert_eq!(split_titles(&w, vec![(0..2, Loc), (3..7, Loc)], &[]), vec![(0..2, Loc), (5..7, Per)]);
    }

    #[test]
    fn cue_words_and_gazetteer() {
        let cases: &[(&str, NerClass, EntityType)] = &[
            ("Greta Quillen", NerClass::Per, Person),
            ("Apple Inc.", NerClass::Org, Company),
            ("Ministry of Defence", NerClass::Org, GovernmentBody),
            ("US State Department", NerClass::Org, GovernmentBody),
            ("Colombian Army", NerClass::Org, ArmedGroup),
            ("Labour Party", NerClass::Org, Organization),
            ("Bank of America", NerClass::Org, Company),
            ("Microsoft", NerClass::Org, Organization),
            ("Gaza", NerClass::Loc, Location),
            ("Zembla Appeals Court", NerClass::Loc, GovernmentBody),
            ("Zembla Coast Guard", NerClass::Loc, Organization),
            ("Zembla Freight Company", NerClass::Loc, Company),
            ("North Zembla", NerClass::Loc, Location),
            ("Court", NerClass::Loc, Location),
            // a PER span ending in an organisation or company word is no person
            ("Ada Pell Animal Foundation", NerClass::Per, Organization),
            ("Quillen Holdings", NerClass::Per, Company),
            ("Quillen Foods", NerClass::Per, Company),
            ("Halvard Chemicals", NerClass::Loc, Company),
            // the kind of body comes before `of`: a ministry of a trade is no company
            ("Department of Mining", NerClass::Org, GovernmentBody),
            ("Zembla Ministry of Petroleum", NerClass::Org, GovernmentBody),
            ("Commission on Mining", NerClass::Org, GovernmentBody),
            ("Quillen Pictures", NerClass::Org, Company),
            ("Brevik Energy", NerClass::Org, Company),
            ("Department of Natural Resources", NerClass::Org, GovernmentBody),
            ("Group of Nine", NerClass::Org, Organization),
            ("Bank of Zembla", NerClass::Org, Company),
            // a surname that is also a trade word keeps the person
            ("Greta Mills", NerClass::Per, Person),
            // a surname that is also a government word keeps the person
            ("Greta Court", NerClass::Per, Person),
            ("Foundation", NerClass::Per, Person),
        ];
        for (name, class, want) in cases {
            let words: Vec<&str> = name.split(' ').collect();
            assert_eq!(refine(*class, &(0..words.len()), &words, &[]), *want, "{name}");
        }
        let words = ["in", "Colombia", "and", "Cartagena", "and", "NATO"];
        let gaz = [(1..2, Country), (3..4, City), (5..6, InternationalOrganization)];
        assert_eq!(refine(NerClass::Loc, &(1..2), &words, &gaz), Country);
        assert_eq!(refine(NerClass::Loc, &(3..4), &words, &gaz), City);
        assert_eq!(refine(NerClass::Org, &(5..6), &words, &gaz), InternationalOrganization);
        assert_eq!(refine(NerClass::Org, &(1..2), &words, &gaz), Country);
        assert_eq!(refine(NerClass::Per, &(1..2), &words, &gaz), Person);
    }
}
