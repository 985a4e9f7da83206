//! Word lists and small helpers for resolution: titles, role nouns, pronouns, slugs.

use crate::document::EntityType;
use crate::nlp::gazetteer::push_key_word;

/// Words that precede a person's name as titles or roles (lowercase, full stops removed).
pub fn is_title_word(w: &str) -> bool {
    matches!(
        w,
        "president" | "vice" | "prime" | "minister" | "foreign" | "secretary" | "senator" | "sen" | "rep"
            | "representative" | "congressman" | "congresswoman" | "governor" | "gov" | "mayor" | "king" | "queen"
            | "prince" | "princess" | "pope" | "chancellor" | "premier" | "general" | "gen" | "colonel" | "col"
            | "admiral" | "dr" | "mr" | "mrs" | "ms" | "miss" | "sir" | "dame" | "lord" | "lady" | "judge"
            | "justice" | "chief" | "ambassador" | "envoy" | "spokesman" | "spokeswoman" | "spokesperson" | "leader"
            | "counterpart" | "former" | "ex" | "deputy" | "defense" | "defence" | "interior" | "finance" | "state"
            | "attorney" | "speaker" | "commissioner" | "director" | "ceo" | "chairman" | "chairwoman" | "chair"
            | "head" | "commander" | "sheikh" | "emir" | "ayatollah" | "supreme" | "opposition" | "incumbent"
            | "then" | "new" | "outgoing" | "acting" | "economy" | "trade" | "health" | "justice minister"
            | "lawmaker" | "activist" | "officer" | "candidate" | "nominee" | "dictator" | "strongman"
            | "rival" | "ally" | "predecessor" | "successor" | "boss" | "founder" | "billionaire" | "mme" | "mlle"
            | "messrs" | "prof" | "professor"
    ) || is_hyphenated_title(w)
}

/// A title written as one hyphenated word (`vice-president`, `ex-premier`, `co-founder`,
/// `secretary-general`): every part is a title word, a rank, or the prefix `co`, and one part at
/// least is more than a prefix (`ex-`, `vice-`, `co-` alone name no office).
fn is_hyphenated_title(w: &str) -> bool {
    const PREFIXES: [&str; 4] = ["co", "ex", "vice", "former"];
    let parts: Vec<&str> = w.split('-').collect();
    parts.len() > 1
        && parts.iter().all(|p| !p.is_empty() && (*p == "co" || is_title_word(p) || is_rank_or_clergy_title(p)))
        && parts.iter().any(|p| !PREFIXES.contains(p))
}

/// Forms of address for ranks and clergy that news writes before a surname or a full name
/// (`Sergeant Vell`, `Archbishop Emeritus Ana Reyes`, `Comrade Oster`, `Rev. Marsh`): the military and
/// police ranks, the clerical titles and their abbreviations, and `emeritus`, which follows a
/// clerical or academic title. General English; lowercase, full stops removed. Inside a person
/// mention they are stripped like [`is_title_word`] (the NER often takes them into the name).
pub fn is_rank_or_clergy_title(w: &str) -> bool {
    matches!(
        w,
        "sergeant" | "sgt" | "lieutenant" | "lt" | "captain" | "capt" | "corporal" | "cpl" | "constable" | "pc"
            | "detective" | "inspector" | "superintendent" | "supt" | "bishop" | "archbishop" | "cardinal"
            | "reverend" | "rev" | "pastor" | "rabbi" | "imam" | "monsignor" | "msgr" | "comrade" | "cde"
            | "emeritus"
    )
}

/// Adjectives of a religious denomination written before a clerical title (`Anglican Bishop X`,
/// `Anglican Archbishop X`): inside a person mention, before a title, they are no part of the name.
/// General English: the main Christian, Jewish and Muslim denominations as news names them.
pub fn is_denomination_word(w: &str) -> bool {
    matches!(
        w,
        "catholic" | "roman" | "anglican" | "orthodox" | "lutheran" | "methodist" | "baptist" | "evangelical"
            | "episcopal" | "presbyterian" | "coptic" | "protestant" | "sunni" | "shia" | "shiite" | "reform"
    )
}

/// Titles that go with a given name alone and are part of the name the holder is known by
/// (`Pope Linus`, `Prince Evander`, `Queen Mirela II`): the closed class of English titles of
/// popes and royalty.
pub fn is_given_name_title(w: &str) -> bool {
    matches!(w, "pope" | "king" | "queen" | "prince" | "princess")
}

/// Party affiliation words written before a name (`Democrat Ana Reyes`, `Democratic Governor X`,
/// `Republican X`): the closed class of English words for a member of a party family, as noun
/// or adjective.
pub fn is_party_word(w: &str) -> bool {
    matches!(w, "democrat" | "democratic" | "republican" | "conservative" | "liberal" | "socialist" | "communist" | "libertarian" | "labour" | "tory")
}

/// Words that make a party family's name with `party` (`Liberal Party`, `Labour Party`): the
/// closed class of English names of the party families (adjective or member noun).
fn is_party_family_word(w: &str) -> bool {
    is_party_word(w) || matches!(w, "labor" | "green" | "greens")
}

/// Whether the word keys (lowercase) are a party family's name: such a word and `party`
/// (`liberal party`). Many parties' names end with one (`National Liberal Party`), so
/// it is no short form of any of them.
pub fn is_party_family_name(keys: &[String]) -> bool {
    matches!(keys, [w, p] if p == "party" && is_party_family_word(w))
}

/// Title words that rank a holder below the role they precede (`Vice President`, `Deputy
/// Mayor`): a person titled so is no antecedent of the bare role (`the president`).
pub fn is_subordinate_title(w: &str) -> bool {
    matches!(w, "vice" | "deputy")
}

/// Role nouns that head a definite description of a person (`the Colombian leader`).
pub fn is_role_noun(w: &str) -> bool {
    matches!(
        w,
        "president" | "leader" | "counterpart" | "minister" | "premier" | "chancellor" | "senator" | "governor"
            | "mayor" | "king" | "queen" | "prime" | "secretary" | "ambassador" | "envoy" | "spokesman"
            | "spokeswoman" | "spokesperson" | "head" | "ruler" | "dictator" | "strongman" | "leaders"
            | "presidents" | "counterparts" | "ministers" | "premiers" | "heads" | "rulers" | "chief" | "ceo"
            | "chairman" | "pope" | "emir" | "prince" | "princess" | "commissioner" | "director" | "chairwoman"
            | "judge" | "professor"
    )
}

/// Role nouns compatible with a generic `leader` description.
pub fn is_leader_role(w: &str) -> bool {
    matches!(
        w,
        "president" | "leader" | "counterpart" | "premier" | "chancellor" | "king" | "queen" | "prime" | "ruler"
            | "dictator" | "strongman" | "emir" | "head"
    )
}

pub fn singular_role(w: &str) -> &str {
    match w {
        "leaders" => "leader",
        "presidents" => "president",
        "counterparts" => "counterpart",
        "ministers" => "minister",
        "premiers" => "premier",
        "heads" => "head",
        "rulers" => "ruler",
        _ => w,
    }
}

/// Nouns that make `the Hale administration` / `the Colombian government` stand for a country.
pub fn is_government_noun(w: &str) -> bool {
    matches!(w, "administration" | "government" | "regime" | "cabinet" | "authorities")
}

/// Common nouns that head a definite description of a named thing (`the firm`, `the city`,
/// `the board`), with the entity types such a thing can have. General English: the usual class
/// nouns news writers use to refer back to a company, an organisation, a government body, a
/// settlement, a region or a vehicle named earlier. Person nouns are not here (role nouns and
/// `the N-year-old` are handled apart); `country`/`nation` have their own step.
pub fn class_noun_kinds(w: &str) -> Option<&'static [EntityType]> {
    use EntityType::*;
    const COMPANY: &[EntityType] = &[Company, Organization];
    const ORG: &[EntityType] = &[Organization, Company, GovernmentBody, InternationalOrganization, ArmedGroup];
    // a team is a sports team or a group of people working together: no agency, firm or state body
    const TEAM: &[EntityType] = &[Organization];
    // a band or a group is no ministry or agency
    const GROUP: &[EntityType] = &[Organization, ArmedGroup, Company];
    const BODY: &[EntityType] = &[GovernmentBody, Organization, InternationalOrganization];
    const ARMED: &[EntityType] = &[ArmedGroup, Organization];
    // a city-state is a country in the gazetteer (preferred last: the order is the preference);
    // [`place_noun_fit`] narrows the Location and Country cases
    const TOWN: &[EntityType] = &[City, Location, Country];
    // a part of a country (or an island) is no country and no city
    const REGION: &[EntityType] = &[Location];
    // nouns for a sovereign state
    const REALM: &[EntityType] = &[Country, Location];
    const VEHICLE: &[EntityType] = &[Product];
    // a political party or alliance is no company, court or ministry
    const PARTY: &[EntityType] = &[Organization, ArmedGroup];
    // a named building is typed as a place, or as the body that runs it (`Brentham Hospital`);
    // [`class_noun_fits`] asks for a facility's name
    const FACILITY: &[EntityType] = &[Location, Organization, Company];
    Some(match w {
        "firm" | "company" | "corporation" | "business" | "carrier" | "airline" | "manufacturer" | "maker"
        | "carmaker" | "automaker" | "retailer" | "bank" | "lender" | "insurer" | "utility" | "conglomerate"
        | "startup" | "broadcaster" | "publisher" | "network" | "chain" | "operator" | "giant" | "developer" => COMPANY,
        "organisation" | "organization" | "charity" | "association" | "union" | "federation" | "league"
        | "foundation" | "institute" | "club" => ORG,
        "team" => TEAM,
        "party" | "alliance" | "coalition" => PARTY,
        "band" | "group" => GROUP,
        "agency" | "ministry" | "department" | "commission" | "board" | "council" | "committee" | "court"
        | "parliament" | "assembly" | "legislature" | "senate" | "congress" | "bureau" | "office" | "service" => BODY,
        "militia" | "insurgents" | "rebels" => ARMED,
        "city" | "town" | "village" | "capital" | "municipality" | "metropolis" | "suburb" => TOWN,
        w if is_region_noun(w) => REGION,
        "commonwealth" | "republic" | "kingdom" | "emirate" | "principality" => REALM,
        // a storm is an event, named `Hurricane X` ([`class_noun_fits`] asks for that name)
        "storm" | "hurricane" | "typhoon" | "cyclone" | "depression" => &[Event],
        w if is_vehicle_noun(w) => VEHICLE,
        w if is_building_noun(w) => FACILITY,
        _ => return None,
    })
}

/// Nouns for a vehicle (general English; `flight` stands for the aircraft flying it): a
/// description headed by one refers back to a vehicle named earlier.
pub fn is_vehicle_noun(w: &str) -> bool {
    matches!(
        w,
        "ship" | "vessel" | "boat" | "ferry" | "aircraft" | "airliner" | "plane" | "jet" | "flight" | "helicopter"
            | "train" | "bus" | "satellite" | "spacecraft" | "rocket" | "car" | "vehicle"
    )
}

/// Nouns for a building or a site (general English): `the building`, `the mansion`, `the
/// venue` refer back to a facility named earlier (`Brentham Hall`, `Vell Arena`).
pub fn is_building_noun(w: &str) -> bool {
    matches!(
        w,
        "building" | "mansion" | "hotel" | "venue" | "stadium" | "arena" | "palace" | "castle" | "cathedral" | "church"
            | "museum" | "prison" | "jail" | "hospital" | "airport" | "theatre" | "theater" | "hall" | "tower"
            | "monastery" | "temple" | "mosque" | "synagogue" | "estate" | "manor" | "property" | "landmark"
    )
}

/// Last words of the names of buildings and sites (`Brentham Hall`, `Vell Park Stadium`,
/// `St Ansel's Cathedral`). General English: the usual heads of a facility's name.
const FACILITY_HEADS: &[&str] = &[
    "hall", "hotel", "house", "mansion", "manor", "palace", "castle", "tower", "towers", "stadium", "arena",
    "cathedral", "church", "chapel", "abbey", "monastery", "temple", "mosque", "synagogue", "museum", "gallery",
    "theatre", "theater", "centre", "center", "building", "prison", "jail", "hospital", "airport", "inn", "lodge",
    "estate", "court", "library", "school", "college", "bridge", "dam", "station",
];

/// The head of a building's or a site's name: of two or more words, its last word when that
/// heads a facility's name ([`FACILITY_HEADS`]).
pub fn facility_head(label: &str) -> Option<&'static str> {
    let mut words = label.split_whitespace();
    let last = words.next_back()?.to_lowercase();
    words.next()?;
    FACILITY_HEADS.iter().copied().find(|&h| h == last)
}

/// Whether a building noun can name a facility whose name has head `head` ([`facility_head`]):
/// a generic one (`the building`, `the venue`) any facility, a dwelling noun (`the mansion`) a
/// dwelling's name (`Brentham Hall`, `Vell House`), any other only a name with that head (`the
/// airport` is `Vell Airport`, never `Vell Hospital`).
fn building_noun_fits_head(w: &str, head: &str) -> bool {
    const GENERIC: &[&str] = &["building", "venue", "property", "landmark"];
    const DWELLINGS: &[&str] = &["hall", "house", "mansion", "manor", "palace", "castle", "estate", "lodge"];
    let same = |a: &str, b: &str| a == b || matches!((a, b), ("theatre", "theater") | ("theater", "theatre") | ("jail", "prison") | ("prison", "jail"));
    GENERIC.contains(&w) || (DWELLINGS.contains(&w) && DWELLINGS.contains(&head)) || same(w, head)
}

/// Nouns for a part of a country, an island or a group of them (`the province`, `the island`).
pub fn is_region_noun(w: &str) -> bool {
    matches!(w, "state" | "province" | "region" | "territory" | "island" | "county" | "archipelago" | "district" | "peninsula")
}

/// Settlement nouns (`the city`, `the capital`): they name a city, a place the gazetteer does not
/// know, or a country that is also a city (a city-state), never a region or a whole country.
pub fn is_town_noun(w: &str) -> bool {
    matches!(w, "city" | "town" | "village" | "capital" | "municipality" | "metropolis" | "suburb")
}

/// What the resolver knows of a named entity besides its kind, for [`class_noun_fits`].
#[derive(Debug, Clone, Copy, Default)]
pub struct NameFacts {
    /// The place is a gazetteer entry (its kind is known, not guessed by NER).
    pub in_gazetteer: bool,
    /// A country whose name is also a gazetteer city (a city-state).
    pub city_state: bool,
    /// The name is a newspaper's, a broadcaster's or a news site's ([`is_publication_name`]).
    pub publication: bool,
    /// The name opens with a storm noun (`Hurricane X`, [`is_storm_noun`]).
    pub storm: bool,
    /// The head of a building's or a site's name ([`facility_head`]).
    pub facility: Option<&'static str>,
    /// The word of the name that says what kind of thing it is ([`name_kind_head`]).
    pub kind_head: Option<&'static str>,
}

/// Whether the class noun `w` can name an entity of `kind`: its kind is in
/// [`class_noun_kinds`], and a settlement noun takes a country only when it is a city-state and a
/// place (Location) only when the gazetteer does not know it (a known Location is a region, an
/// unknown one may be a town NER could not type); `the territory` takes a country only when it is
/// a city-state; a publication takes only the nouns of a publisher ([`is_media_noun`]: a news
/// site is no party, team or maker). Person nouns fit only persons.
pub fn class_noun_fits(w: &str, kind: EntityType, place: NameFacts) -> bool {
    if person_noun_gender(w).is_some() {
        return kind == EntityType::Person;
    }
    if place.publication && !is_media_noun(w) {
        return false;
    }
    // a city-state is also a territory (`the territory` for a self-governing city)
    if w == "territory" && kind == EntityType::Country {
        return place.city_state;
    }
    let Some(kinds) = class_noun_kinds(w) else { return false };
    if !kinds.contains(&kind) {
        return false;
    }
    // `the court` is a `… Court` or `… Tribunal`, whatever NER typed; any other class noun is
    // checked against the kind a name's own head states (`the team` is no `… System`)
    if is_court_noun(w) {
        return place.kind_head.is_some_and(is_court_noun);
    }
    if !place.kind_head.is_none_or(|h| kind_head_fits(w, h)) {
        return false;
    }
    // `the storm` is a named storm, not any event (`the summit`, `the election`)
    if is_storm_noun(w) {
        return place.storm;
    }
    // `the building` is a named building, not any place or body (`Vell County`, `the Harbour Board`)
    if is_building_noun(w) {
        return place.facility.is_some_and(|head| building_noun_fits_head(w, head));
    }
    if is_town_noun(w) {
        return match kind {
            EntityType::Country => place.city_state,
            EntityType::Location => !place.in_gazetteer,
            _ => true,
        };
    }
    true
}

/// Nouns that close the names of institutions and places and so say what kind of thing a name is
/// (`… Court`, `University of …`, `… Avenue`), in groups of words that may stand for one another:
/// `the court` is a `… Tribunal`, `the city` never a `… County`, `the team` never a `… System`.
/// General English, closed classes; a word may be in two groups (`council`: a legislature and an
/// executive body; `union`: a federation of members and a union of states).
const NAME_KIND_GROUPS: &[&[&str]] = &[
    &["court", "tribunal"],
    &["parliament", "assembly", "senate", "congress", "legislature", "council", "chamber", "duma"],
    &["ministry", "department", "agency", "office", "bureau", "service", "administration", "authority", "commission", "board", "committee", "council", "directorate", "secretariat"],
    &["university", "college", "school", "academy", "institute"],
    &["team", "club", "squad"],
    &["party", "alliance", "coalition", "front", "movement", "bloc"],
    &["union", "federation", "association", "league", "confederation", "society", "foundation", "fund", "trust", "charity", "institute", "alliance", "coalition"],
    &[
        "company", "firm", "corporation", "business", "carrier", "airline", "airlines", "airways", "manufacturer", "maker", "carmaker",
        "automaker", "retailer", "bank", "lender", "insurer", "utility", "conglomerate", "startup", "broadcaster", "publisher",
        "network", "chain", "operator", "giant", "developer", "group", "holdings", "inc", "corp", "ltd", "limited", "plc", "llc",
    ],
    &["system", "program", "programme", "project", "initiative", "network"],
    &["city", "town", "village", "capital", "municipality", "metropolis", "suburb", "borough"],
    &["state", "province", "region", "territory", "county", "district", "prefecture", "oblast"],
    &["island", "islands", "archipelago", "peninsula"],
    &["gulf", "sea", "ocean", "bay", "strait", "lake", "river", "channel"],
    &["street", "avenue", "road", "square", "boulevard", "lane", "highway"],
    &["republic", "kingdom", "emirate", "principality", "commonwealth", "union", "federation", "state"],
];

/// `the court`, `the tribunal`: nouns only a court's own name answers to.
pub fn is_court_noun(w: &str) -> bool {
    matches!(w, "court" | "tribunal")
}

/// The word that says what kind of thing a name of two or more words is: the last word before
/// its first preposition or conjunction (`Court` of `Court of Justice of the Union`, `Avenue` of
/// `Vell Avenue`, `Mayor` of `Lord Mayor of Tarn`), lowercase, when it is in [`NAME_KIND_GROUPS`]
/// or is a role noun (the name is an office, no body or place).
pub fn name_kind_head(label: &str) -> Option<&'static str> {
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    let end = words.iter().position(|w| is_name_connector(&w.to_lowercase())).unwrap_or(words.len());
    let head = words[..end].last()?.to_lowercase();
    if is_role_noun(&head) {
        return Some("role");
    }
    NAME_KIND_GROUPS.iter().flat_map(|g| g.iter()).copied().find(|&w| w == head)
}

/// Whether the class noun `w` may stand for a name whose kind word is `head` ([`name_kind_head`]):
/// they share a group of [`NAME_KIND_GROUPS`], or `w` is in none (`the organisation` takes any
/// body). A name closed by a role noun is an office, which no class noun stands for.
pub fn kind_head_fits(w: &str, head: &str) -> bool {
    if head == "role" {
        return false;
    }
    let mut groups = NAME_KIND_GROUPS.iter().filter(|g| g.contains(&w)).peekable();
    groups.peek().is_none() || groups.any(|g| g.contains(&head))
}

/// Last words of the names of newspapers, magazines and broadcasters (`The Daily Zembla`,
/// `Zembla Times`, `Channel Nine News`). General English: the usual heads of a publication's name.
const PUBLICATION_HEADS: &[&str] = &[
    "news", "times", "post", "journal", "gazette", "tribune", "herald", "chronicle", "magazine", "daily",
    "weekly", "telegraph", "inquirer", "courier", "newspaper", "newswire",
];

/// Whether a name is a publication's: of two or more words, its last word heads a publication's
/// name ([`PUBLICATION_HEADS`]); of one word, it is glued onto `news` (a news site: `Zemblanews`).
pub fn is_publication_name(label: &str) -> bool {
    let Some(last) = label.split_whitespace().last() else { return false };
    let last = last.to_lowercase();
    let one_word = !label.trim().contains(' ');
    if one_word {
        return last.len() > "news".len() + 2 && last.ends_with("news");
    }
    PUBLICATION_HEADS.contains(&last.as_str())
}

/// Class nouns a publication can be referred back to with: those of a publisher or of any
/// organisation (`the broadcaster`, `the company`), never a party's, a team's or a maker's.
pub fn is_media_noun(w: &str) -> bool {
    matches!(w, "publisher" | "broadcaster" | "network" | "organisation" | "organization" | "company" | "firm" | "group" | "business")
}

/// Nouns for a person that a definite description can use on its own (`the man`), with the
/// gender they state.
pub fn person_noun_gender(w: &str) -> Option<Gender> {
    Some(match w {
        "man" | "boy" => Gender::Male,
        "woman" | "girl" => Gender::Female,
        _ => return None,
    })
}

/// `67-year-old`, `45-year-old`: an age written as one hyphenated word.
pub fn is_age_word(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    l.strip_suffix("-year-old").or_else(|| l.strip_suffix("-years-old")).is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Capitalised nouns that open the name of a storm (`Hurricane X`, `Typhoon X`, `Tropical
/// Storm X`, `Tropical Depression X`): the name is the storm, an event, not a person named X.
/// General English: the storm categories of the forecasters' scales.
pub fn is_storm_noun(w: &str) -> bool {
    matches!(w, "hurricane" | "typhoon" | "cyclone" | "storm" | "depression" | "tropical" | "superstorm" | "super")
}

/// Lowercase words inside an organisation's name that its initials skip (`Department of
/// Forestry and Fire Protection`).
pub fn is_name_connector(w: &str) -> bool {
    matches!(w, "of" | "and" | "the" | "for" | "&" | "de" | "du" | "des" | "on" | "in" | "to")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Unknown,
    Male,
    Female,
}

pub fn title_gender(w: &str) -> Gender {
    match w {
        "mr" | "mister" | "sir" | "king" | "prince" | "lord" | "spokesman" | "chairman" | "congressman" | "emir"
        | "sheikh" | "pope" => Gender::Male,
        "mrs" | "ms" | "miss" | "madam" | "dame" | "lady" | "queen" | "princess" | "spokeswoman" | "chairwoman"
        | "congresswoman" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// Gender evidence of a first name, learned rather than listed: which pronouns GUM's coreference
/// chains use for the name mentions starting with that word (`nlp::coref::attributes`, shipped
/// in `models/coref.bin`). The resolver uses it as a hard constraint, so it asks for more than
/// the model's soft feature does: at least [`MIN_NAME_EVIDENCE`] gendered mentions, nine in ten
/// of one gender; otherwise `Unknown` (one person called Alex in the corpus says little about
/// the next).
pub fn first_name_gender(w: &str) -> Gender {
    let Ok(model) = crate::nlp::coref::Coref::embedded() else { return Gender::Unknown };
    let Some(c) = model.attributes().name(w) else { return Gender::Unknown };
    let total = c.masc + c.fem + c.neut;
    let clear = |n: u32| total >= MIN_NAME_EVIDENCE && 10 * n >= 9 * total;
    if clear(c.masc) {
        Gender::Male
    } else if clear(c.fem) {
        Gender::Female
    } else {
        Gender::Unknown
    }
}

/// Whether a multi-word name is shaped like a person's name, so that a one-word surname may turn
/// it into a Person: two or three words, each capitalised with at most one capital inside
/// (`McKay`, not `CentOS` or `RHEL`), and a first word the learned name tables do not mostly see
/// referred to as `it` (a product or company word). Longer names are products, laws or
/// organisations far more often than people in news text.
pub fn looks_like_person_name(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    if !(2..=3).contains(&words.len()) || !words.iter().all(|w| person_word_shape(w)) {
        return false;
    }
    let Ok(model) = crate::nlp::coref::Coref::embedded() else { return true };
    model.attributes().name(words[0]).is_none_or(|c| c.neut <= c.masc + c.fem)
}

/// A capitalised word of letters (with `-`, `'`, `.` inside) and at most one more capital, never
/// two capitals in a row: `Anne-Marie`, `O'Neill`, `T.`, `McKay`; not `CentOS`, `iOS`, `NASA`.
fn person_word_shape(w: &str) -> bool {
    let chars: Vec<char> = w.chars().collect();
    if !chars.first().is_some_and(|c| c.is_uppercase()) || !chars.iter().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.')) {
        return false;
    }
    let inner_caps = (1..chars.len())
        .filter(|&i| chars[i].is_uppercase() && !matches!(chars[i - 1], '-' | '\'' | '’'))
        .count();
    let caps_in_a_row = chars.windows(2).any(|p| p[0].is_uppercase() && p[1].is_uppercase());
    inner_caps <= 1 && !caps_in_a_row
}

/// Gendered mentions a first name needs in the training chains before it constrains pronouns.
pub const MIN_NAME_EVIDENCE: u32 = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    Male,
    Female,
    Neuter,
    Plural,
    /// `I`, `me`, `my`: the speaker of a quote.
    First,
    /// `we`, `you`, demonstratives, relatives: never resolved here.
    Other,
}

/// Classifies a pronoun form; `US` written in capitals is not `us`.
pub fn pronoun(form: &str) -> Option<Pronoun> {
    if form == "US" {
        return None;
    }
    if form.len() > 10 || !form.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 10];
    let lower = &mut buf[..form.len()];
    lower.copy_from_slice(form.as_bytes());
    lower.make_ascii_lowercase();
    Some(match std::str::from_utf8(lower).unwrap_or("") {
        "he" | "him" | "his" | "himself" => Pronoun::Male,
        "she" | "her" | "hers" | "herself" => Pronoun::Female,
        "it" | "its" | "itself" => Pronoun::Neuter,
        "they" | "them" | "their" | "theirs" | "themselves" => Pronoun::Plural,
        "i" | "me" | "my" | "mine" | "myself" => Pronoun::First,
        "we" | "us" | "our" | "ours" | "you" | "your" | "yours" | "this" | "that" | "these" | "those" | "who"
        | "whom" | "whose" | "which" | "one" | "someone" | "something" | "everyone" | "anyone" | "nobody"
        | "ourselves" | "yourself" | "there" | "what" => Pronoun::Other,
        _ => return None,
    })
}

pub fn is_determiner(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "the" | "a" | "an" | "this" | "that" | "these" | "those" | "his" | "her" | "its" | "their" | "our" | "my"
            | "your" | "some" | "any" | "every" | "each" | "whose"
    )
}

pub fn is_possessive_marker(w: &str) -> bool {
    matches!(w, "'s" | "’s" | "'" | "’" | "s")
}

/// Verbs whose plural subject means the members act on each other (`the two leaders met`).
pub fn is_reciprocal_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "meet" | "clash" | "talk" | "negotiate" | "feud" | "spar" | "argue" | "quarrel" | "fight" | "speak"
            | "agree" | "disagree" | "shake" | "confer" | "hold"
    )
}

/// Deterministic id of a label: ASCII-folded, lowercased, non-alphanumerics as `_`.
pub fn slug(label: &str) -> String {
    let mut folded = String::with_capacity(label.len());
    push_key_word(label, &mut folded);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') && c != '\'' {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    if out.is_empty() || !out.is_ascii() {
        // non-Latin labels: a stable hash
        let mut h: u64 = 0xcbf29ce484222325;
        for b in label.as_bytes() {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x100000001b3);
        }
        return format!("e_{h:016x}");
    }
    out
}

/// Lowercase key of a word for name comparison (diacritics folded, full stops dropped, the
/// British `-isation` written `-ization`: see [`fold_spelling`]).
pub fn word_key(w: &str) -> String {
    let mut s = String::with_capacity(w.len());
    push_key_word(w, &mut s);
    fold_spelling(&s)
}

/// A lowercase word with the British ending `-isation(s)` written as the American `-ization(s)`
/// (`organisation` → `organization`), so that both spellings of a name are one key. Stems of
/// fewer than three letters are left alone.
pub fn fold_spelling(w: &str) -> String {
    for (british, american) in [("isation", "ization"), ("isations", "izations")] {
        if let Some(stem) = w.strip_suffix(british).filter(|stem| stem.chars().count() >= 3) {
            return format!("{stem}{american}");
        }
    }
    w.to_owned()
}

/// The lowercase key of a whole name with every word's spelling folded ([`fold_spelling`]).
pub fn spelling_key(label: &str) -> String {
    label.to_lowercase().split(' ').map(fold_spelling).collect::<Vec<_>>().join(" ")
}

/// Edit distance ≤ 1 (for spelling variants such as `Zelensky` / `Zelenskyy`), counting two
/// neighbouring letters written in the wrong order as one edit (a typo such as `Verlaisi` for
/// `Verliasi`).
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (s, l) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if l.len() - s.len() > 1 {
        return false;
    }
    let mut i = 0;
    while i < s.len() && s[i] == l[i] {
        i += 1;
    }
    if s.len() == l.len() {
        let swapped = i + 1 < s.len() && s[i] == l[i + 1] && s[i + 1] == l[i] && s[i + 2..] == l[i + 2..];
        i == s.len() || s[i + 1..] == l[i + 1..] || swapped
    } else {
        s[i..] == l[i + 1..]
    }
}

/// Calls `f` with the ASCII-lowercased word (full stops dropped) without allocating; words that
/// are long or not ASCII give `None` (no word list here has such entries).
pub fn with_lower<R>(form: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
    let mut buf = [0u8; 24];
    let mut n = 0;
    for b in form.bytes() {
        if b == b'.' {
            continue;
        }
        if n == buf.len() || !b.is_ascii() {
            return None;
        }
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).ok().map(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_nouns_fit_only_places_of_their_size() {
        let known = NameFacts { in_gazetteer: true, ..NameFacts::default() };
        let city_state = NameFacts { in_gazetteer: true, city_state: true, ..NameFacts::default() };
        let unknown = NameFacts::default();
        assert!(class_noun_fits("city", EntityType::City, known));
        assert!(class_noun_fits("capital", EntityType::Country, city_state));
        assert!(!class_noun_fits("city", EntityType::Country, known));
        // a known region is no town; a place NER typed without the gazetteer may be one
        assert!(!class_noun_fits("town", EntityType::Location, known));
        assert!(class_noun_fits("town", EntityType::Location, unknown));
        assert!(class_noun_fits("region", EntityType::Location, known));
        assert!(!class_noun_fits("region", EntityType::Country, known));
        assert!(!class_noun_fits("island", EntityType::Country, known));
        assert!(!class_noun_fits("province", EntityType::City, known));
        assert!(class_noun_fits("territory", EntityType::Country, city_state));
        assert!(!class_noun_fits("territory", EntityType::Country, known));
        assert!(class_noun_fits("kingdom", EntityType::Country, known));
        // place nouns never name a person; person nouns only a person
        for w in ["city", "region", "territory", "island", "state", "kingdom"] {
            assert!(!class_noun_fits(w, EntityType::Person, unknown), "{w}");
        }
        assert!(class_noun_fits("woman", EntityType::Person, unknown));
        assert!(!class_noun_fits("woman", EntityType::City, known));
        assert!(!class_noun_fits("banana", EntityType::Location, unknown));
    }

    #[test]
    fn a_publication_takes_only_the_nouns_of_a_publisher() {
        for name in ["Zembla Times", "The Quill Daily", "Quillnews", "Vela Evening Herald"] {
            assert!(is_publication_name(name), "{name}");
        }
        // `news` inside a longer word or name, or a bare head word, is no publication
        for name in ["Newsom Holdings", "Vela Party", "News", "Times Square Partners", ""] {
            assert!(!is_publication_name(name), "{name}");
        }
        let paper = NameFacts { publication: true, ..NameFacts::default() };
        let other = NameFacts::default();
        for w in ["party", "team", "maker", "airline", "club"] {
            assert!(!class_noun_fits(w, EntityType::Organization, paper), "{w}");
            assert!(class_noun_fits(w, EntityType::Organization, other), "{w}");
        }
        assert!(class_noun_fits("broadcaster", EntityType::Company, paper));
        assert!(class_noun_fits("organisation", EntityType::Organization, paper));
    }

    #[test]
    fn british_and_american_spellings_are_one_key() {
        assert_eq!(spelling_key("Vela Trade Organisation"), spelling_key("Vela Trade Organization"));
        assert_eq!(word_key("Organisations"), word_key("organizations"));
        // must give nothing: other words, and a too short stem, keep their letters
        assert_eq!(fold_spelling("isation"), "isation");
        assert_eq!(spelling_key("Vela Rise"), "vela rise");
        assert_ne!(spelling_key("Vela Union"), spelling_key("Vela Unison"));
    }

    #[test]
    fn a_party_is_no_company_and_no_court() {
        let none = NameFacts::default();
        assert!(class_noun_fits("party", EntityType::Organization, none));
        for kind in [EntityType::Company, EntityType::GovernmentBody, EntityType::InternationalOrganization, EntityType::Location] {
            assert!(!class_noun_fits("party", kind, none), "{kind:?}");
            assert!(!class_noun_fits("coalition", kind, none), "{kind:?}");
        }
        // other organisation nouns keep their kinds
        assert!(class_noun_fits("union", EntityType::GovernmentBody, none));
    }

    #[test]
    fn person_shaped_names_are_short_and_capitalised_like_names() {
        for name in ["Lena Marsh", "Anne-Marie O'Dell", "Tomas T. Brell", "Ruth McKay"] {
            assert!(looks_like_person_name(name), "{name}");
        }
        // products, acronyms, one word and long names are not
        for name in ["Zentrix Cloud Server Pro", "ZentOS Stream", "Brell QX", "Marsh", "iVault Plus", "Lena Marsh 2"] {
            assert!(!looks_like_person_name(name), "{name}");
        }
    }

    #[test]
    fn slugs_are_stable() {
        for (label, id) in [
            ("Walter Hale", "walter_hale"),
            ("United States", "united_states"),
            ("Bogotá", "bogota"),
            ("glyphosate fumigation", "glyphosate_fumigation"),
            ("O'Brien", "obrien"),
            ("  US-Cuba ", "us_cuba"),
        ] {
            assert_eq!(slug(label), id);
        }
        assert!(slug("北京").starts_with("e_"));
        assert_eq!(slug("北京"), slug("北京"));
    }

    #[test]
    fn first_name_gender_follows_the_learned_tables_with_enough_evidence() {
        let tables = crate::nlp::coref::Coref::embedded().unwrap().attributes();
        // an invented word the corpus cannot contain: no evidence, no gender
        assert_eq!(first_name_gender("Zqxwvbrt"), Gender::Unknown);
        // every learned verdict is backed by enough one-sided evidence
        for w in ["john", "mary", "alex", "sam", "david", "sarah", "chris", "anna"] {
            let g = first_name_gender(w);
            if g != Gender::Unknown {
                let c = tables.name(w).unwrap();
                let (same, total) = (if g == Gender::Male { c.masc } else { c.fem }, c.masc + c.fem + c.neut);
                assert!(total >= MIN_NAME_EVIDENCE && 10 * same >= 9 * total, "{w}: {c:?}");
            }
        }
    }

    #[test]
    fn pronouns_classify() {
        assert_eq!(pronoun("He"), Some(Pronoun::Male));
        assert_eq!(pronoun("her"), Some(Pronoun::Female));
        assert_eq!(pronoun("US"), None);
        assert_eq!(pronoun("us"), Some(Pronoun::Other));
        assert_eq!(pronoun("Hale"), None);
    }

    #[test]
    fn edit_distance_one() {
        assert!(within_one_edit("zelensky", "zelenskyy"));
        assert!(within_one_edit("zelenskyy", "zelenskiy"));
        assert!(!within_one_edit("petro", "pedro2x"));
        assert!(!within_one_edit("trump", "tramp2"));
        assert!(within_one_edit("abc", "abc"));
        // a typo's swapped neighbours are one edit; two swaps, or letters swapped far apart, are not
        assert!(within_one_edit("verlaisi", "verliasi"));
        assert!(!within_one_edit("verlaisi", "vrelaiis"));
        assert!(!within_one_edit("verlaisi", "vislaier"));
    }
}
