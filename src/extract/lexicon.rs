//! Small closed word lists the rules need (lemmas, lowercase).

pub(crate) const REPORTING: &[&str] = &[
    "say",
    "tell",
    "claim",
    "report",
    "state",
    "add",
    "note",
    "believe",
    "think",
    "warn",
    "confirm",
    "insist",
    "argue",
    "announce",
    "declare",
    "suggest",
    "allege",
    "explain",
    "write",
    "reveal",
    "acknowledge",
    "admit",
    "deny",
    "predict",
    "estimate",
    "assert",
    "stress",
    "maintain",
    "indicate",
    "show",
    "find",
    // the other verbs that introduce indirect speech (`replied that …`, `tweeted that …`): their
    // complement is someone's words as much as after `say`
    "reply",
    "respond",
    "remark",
    "observe",
    "comment",
    "tweet",
    "testify",
    "concede",
    "promise",
    "vow",
];

/// Nouns of written statements: a reporting verb whose subject is one speaks for the statement's
/// author (`the ministry's statement said …`, `a letter from the union read: …`). General
/// English, the class of nouns naming a message or a document that carries words.
pub(crate) const DOCUMENT_NOUNS: &[&str] = &[
    "statement", "letter", "message", "note", "post", "release", "report", "tweet", "announcement", "communiqué", "communique",
    "memo", "email", "e-mail", "notice", "advisory", "bulletin", "declaration", "press release", "filing", "complaint", "ruling",
    "verdict", "decree", "order", "notification", "circular", "editorial", "blog", "website", "obituary",
];

/// Verbs that report only with a [`DOCUMENT_NOUNS`] subject (`the statement read: …`, `the
/// note went: …`).
pub(crate) const DOCUMENT_VERBS: &[&str] = &["read", "go"];

/// Verbs whose `xcomp` signals a plan, a future or a forecast (`set to`, `plan to`, `is forecast to`;
/// the passive of design and intent, `was designed to`, `is supposed to`, says what the thing is
/// for, not what it did; `mean` is left out: `meant that …`, `meaning X used it` say no plan).
pub(crate) const PLANNED_HEADS: &[&str] = &[
    "set", "plan", "intend", "expect", "aim", "go", "schedule", "prepare", "due", "poised", "hope", "want", "seek", "vow",
    "pledge", "promise", "threaten", "forecast", "predict", "project", "slate", "agree", "decide", "try", "attempt", "propose",
    "offer", "refuse", "design", "suppose",
    // verbs of striving for something that others may get instead (`had bid to host the games`,
    // `vied to sign the player`, `campaigned to repeal the law`): the act is what was sought
    "bid", "vie", "compete", "strive", "endeavour", "endeavor", "campaign", "lobby",
];
/// Verbs whose passive over a `to`-infinitive says what the subject is for (`was meant to warn
/// hikers`), as `was designed to` does; only the passive, since `meant that …` says no plan.
pub(crate) const INTENT_PASSIVES: &[&str] = &["mean"];
/// Subject-control verbs: their subject is the subject of the infinitive after them, and they say
/// what the subject did about that act — tried it, agreed or refused to do it, planned, decided,
/// promised or threatened it, wanted it, began or managed it (`tried to block`, `agreed to buy`,
/// `refused to sign`, `plans to open`). The relation keeps them before the act (`try block`).
/// General English, the closed class of verbs taking a subject-controlled infinitive (raising
/// verbs such as `seem`, `appear`, `tend` add no act of the subject and are not listed).
pub(crate) const SUBJECT_CONTROL: &[&str] = &[
    "try", "attempt", "seek", "strive", "struggle", "endeavour", "endeavor", "agree", "refuse", "decline",
    "fail", "neglect", "plan", "intend", "mean", "decide", "resolve", "choose", "opt", "elect", "vote",
    "vow", "pledge", "promise", "swear", "threaten", "offer", "volunteer", "hope", "want", "wish",
    "aim", "prepare", "manage", "begin", "start", "continue", "cease", "move", "propose", "demand",
    "claim", "pretend", "hesitate", "arrange", "undertake", "dare", "hasten", "rush",
];
/// Verbs of backing, proposing and weighing an act that take it as a bare gerund (`endorsed
/// cutting the tax`, `is considering leaving`, `recommended closing the road`): the gerund is the
/// act put forward, not one done, and who is to do it is often not the subject at all. General
/// English, closed class; verbs whose gerund happened (`admitted`, `recalled`, `began`) are not
/// listed.
pub(crate) const GERUND_PROPOSAL: &[&str] = &[
    "endorse", "propose", "suggest", "recommend", "advocate", "support", "favour", "favor", "consider", "contemplate",
    "urge", "back", "mull", "envisage", "envision", "discuss", "debate", "weigh",
];
/// Verbs that take no object (English unaccusatives of motion, appearance, change of state and
/// existence): their past participle after a noun says what the noun did or became (`the
/// prices risen since May`, `a player retired in 2010`, `the building collapsed in the storm`),
/// never that something was done to it. Closed general class.
pub(crate) const INTRANSITIVE_VERBS: &[&str] = &[
    "arrive", "come", "go", "fall", "rise", "retire", "return", "die", "escape", "emerge", "appear",
    "disappear", "vanish", "happen", "occur", "elapse", "expire", "collapse", "depart", "remain", "exist",
    "grow", "fade", "lapse", "sink", "fail", "recover", "result", "stem", "originate", "arise",
    "live", "stay", "become", "land", "flee", "settle", "defect", "resign", "graduate",
    // verbs of motion and contact that take no object (`the drones hovered over the field`,
    // `two trucks collided with the bus`, `the case revolved around the payments`)
    "hover", "collide", "revolve", "clash", "reappear", "coalesce", "crash", "skid", "swerve", "veer", "plummet",
    "soar", "erupt", "drift", "tumble",
];
/// The verbs of [`INTRANSITIVE_VERBS`] that never take an object in any sense (`grow`, `fail`,
/// `land`, `settle`, `return` can: `grew crops`, `landed a job`): a coordinated object after
/// them (`arrived and detained the man`) belongs to the second verb alone.
pub(crate) const NEVER_TRANSITIVE: &[&str] = &[
    "arrive", "come", "go", "die", "emerge", "appear", "disappear", "vanish", "happen", "occur", "elapse", "expire",
    "collapse", "depart", "remain", "exist", "arise", "originate", "stem", "result", "hover", "collide", "revolve",
    "coalesce", "skid", "swerve", "veer", "plummet", "erupt",
];
/// Verbs of naming and calling: with an object and a complement (`named it X`, `called the plan
/// a mistake`) the complement is the name or description the subject gave. General English.
pub(crate) const NAMING_VERBS: &[&str] = &[
    "name", "call", "dub", "label", "brand", "term", "nickname", "rename", "christen", "title", "designate",
];
/// Nouns that say little without the complement their preposition governs, each with that
/// preposition (`called for an end to the siege`, `have access to water`, `got in touch with X`,
/// `on their way to a match`, `launched an investigation into X`): general English, the common
/// light and relational nouns with a governed preposition.
pub(crate) const GOVERNED_COMPLEMENTS: &[(&str, &str)] = &[
    ("end", "to"), ("halt", "to"), ("stop", "to"), ("access", "to"), ("right", "to"), ("return", "to"), ("way", "to"),
    ("threat", "to"), ("damage", "to"), ("solution", "to"), ("response", "to"), ("touch", "with"), ("contact", "with"),
    ("investigation", "into"), ("inquiry", "into"), ("probe", "into"), ("ban", "on"),
];
/// Heads whose infinitive did not happen (`refused to pay`, `declined to comment`, `failed to
/// stop`, `was unable to reach`): the closed class of English negative control verbs and adjectives.
/// States a disaster or attack leaves people in (`left nine dead`, `left 200 homeless`): the
/// adjective is part of what the event did to the object (general English, closed class).
pub(crate) const CASUALTY_STATES: &[&str] = &["dead", "injured", "wounded", "homeless", "missing", "stranded", "hurt"];

pub(crate) const NEGATIVE_HEADS: &[&str] = &["refuse", "decline", "fail", "neglect", "unable", "ineligible", "unwilling", "forget"];
/// Adverbs that hedge a statement as someone's report (`reportedly`, `allegedly`).
pub(crate) const HEDGE_ADVERBS: &[&str] = &["reportedly", "allegedly", "purportedly", "supposedly", "apparently"];
/// Heads that signal possibility, permission among them (`was allowed to sell`, `is permitted to
/// build`, `is entitled to vote`: free to do it, not done).
pub(crate) const POSSIBLE_HEADS: &[&str] = &[
    "possible", "able", "may", "might", "could", "likely", "unlikely", "allow", "permit", "authorize", "authorise", "entitle",
    "eligible", "free",
];
/// Verbs after which a `to`-infinitive tells what came of the act rather than what it was for
/// (`came from behind to win`, `rallied to beat`, `lived to see`, `turned out to be`): the
/// infinitive happened. General English, the common verbs of motion, recovery and outcome.
pub(crate) const RESULT_HEADS: &[&str] = &[
    "come", "go", "rally", "return", "recover", "bounce", "fight", "battle", "surge", "storm", "live", "grow", "wake", "turn",
    "move", "climb", "rise", "advance", "progress", "finish", "end", "become",
];
/// Prepositions that also open a clause of time, reason or comparison (`after the vote was held`,
/// `as rains fell`): a phrase they open may hold a subject of its own. General English, closed class.
pub(crate) const CLAUSE_OPENING_PREPOSITIONS: &[&str] =
    &["as", "after", "before", "since", "until", "till", "once", "like", "than", "because", "while", "whilst"];
pub(crate) const REPORTED_HEADS: &[&str] = &["say", "report", "allege", "rumor", "rumour", "believe", "think"];

pub(crate) const POSSIBLE_AUX: &[&str] = &["might", "may", "could", "can", "should", "would", "must", "ought"];
pub(crate) const PLANNED_AUX: &[&str] = &["will", "shall", "'ll", "wo"];

/// Title nouns in `Kenyan President Ana Obi`, `Peruvian Trade Minister Ana Soto`.
pub(crate) const TITLES: &[&str] = &[
    "president",
    "minister",
    "leader",
    "chancellor",
    "secretary",
    "king",
    "queen",
    "prince",
    "princess",
    "premier",
    "governor",
    "senator",
    "mayor",
    "ambassador",
    "envoy",
    "general",
    "commander",
    "chief",
    "chairman",
    "chairwoman",
    "ceo",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "head",
    "counterpart",
    "emperor",
    "pope",
    "prosecutor",
    "judge",
    "official",
    "lawmaker",
    "representative",
    "congressman",
    "congresswoman",
    "diplomat",
    "admiral",
    "colonel",
    "captain",
    "sheikh",
    "ayatollah",
    "dictator",
    "founder",
    "coach",
    "manager",
    "owner",
    "vice",
    "deputy",
    "attorney",
    "justice",
    "rep.",
    "sen.",
    "gov.",
    "gen.",
    "pres.",
    "dr.",
    "mr.",
    "mrs.",
    "ms.",
];

/// Honorifics that are not relations (`Mr. Baker`).
pub(crate) const HONORIFICS: &[&str] = &["mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "sir", "lady", "lord"];

/// Demonym → country (a small table; the resolver links the country name).
pub(crate) fn demonym_country(word: &str) -> Option<&'static str> {
    let w = word.to_ascii_lowercase();
    Some(match w.as_str() {
        "american" => "United States",
        "colombian" => "Colombia",
        "venezuelan" => "Venezuela",
        "cuban" => "Cuba",
        "ukrainian" => "Ukraine",
        "russian" => "Russia",
        "chinese" => "China",
        "british" => "United Kingdom",
        "french" => "France",
        "german" => "Germany",
        "italian" => "Italy",
        "spanish" => "Spain",
        "mexican" => "Mexico",
        "brazilian" => "Brazil",
        "argentine" | "argentinian" => "Argentina",
        "canadian" => "Canada",
        "japanese" => "Japan",
        "indian" => "India",
        "pakistani" => "Pakistan",
        "iranian" => "Iran",
        "iraqi" => "Iraq",
        "israeli" => "Israel",
        "palestinian" => "Palestine",
        "syrian" => "Syria",
        "turkish" => "Turkey",
        "egyptian" => "Egypt",
        "saudi" => "Saudi Arabia",
        "australian" => "Australia",
        "korean" => "Korea",
        "north korean" => "North Korea",
        "south korean" => "South Korea",
        "polish" => "Poland",
        "dutch" => "Netherlands",
        "swedish" => "Sweden",
        "norwegian" => "Norway",
        "danish" => "Denmark",
        "finnish" => "Finland",
        "greek" => "Greece",
        "irish" => "Ireland",
        "scottish" => "Scotland",
        // the nations of the United Kingdom have demonyms of their own (`English drummer X`)
        "english" => "England",
        "welsh" => "Wales",
        "peruvian" => "Peru",
        "chilean" => "Chile",
        "ecuadorian" => "Ecuador",
        "bolivian" => "Bolivia",
        "panamanian" => "Panama",
        "nigerian" => "Nigeria",
        "kenyan" => "Kenya",
        "south african" => "South Africa",
        "afghan" => "Afghanistan",
        "lebanese" => "Lebanon",
        "jordanian" => "Jordan",
        "qatari" => "Qatar",
        "emirati" => "United Arab Emirates",
        "belarusian" => "Belarus",
        "hungarian" => "Hungary",
        "austrian" => "Austria",
        "swiss" => "Switzerland",
        "belgian" => "Belgium",
        "portuguese" => "Portugal",
        "vietnamese" => "Vietnam",
        "thai" => "Thailand",
        "indonesian" => "Indonesia",
        "filipino" | "philippine" => "Philippines",
        "taiwanese" => "Taiwan",
        "nicaraguan" => "Nicaragua",
        "honduran" => "Honduras",
        "guatemalan" => "Guatemala",
        "salvadoran" => "El Salvador",
        "haitian" => "Haiti",
        "dominican" => "Dominican Republic",
        "european" => "European Union",
        // every other demonym from the country gazetteer (`Tongan` → Tonga)
        _ => return gazetteer_demonym(word),
    })
}

fn gazetteer_demonym(word: &str) -> Option<&'static str> {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let g = crate::nlp::gazetteer::Gazetteer::embedded();
    g.demonym(word).filter(|e| e.kind == crate::document::EntityType::Country).map(|e| e.label.as_str())
}

/// Month names, for date qualifiers.
pub(crate) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
];
/// Time-zone abbreviations (matched in capitals): `4:42 local time (20:42 UTC)` names a time.
pub(crate) const TIME_ZONES: &[&str] = &[
    "UTC", "GMT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "HST", "BST", "CET",
    "CEST", "EET", "EEST", "WET", "WEST", "MSK", "IST", "PKT", "ICT", "WIB", "SGT", "HKT", "JST", "KST", "AEST",
    "AEDT", "ACST", "AWST", "NZST", "NZDT",
];
pub(crate) const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tomorrow",
    "week",
    "month",
    "year",
    "day",
    "morning",
    "evening",
    "night",
    "afternoon",
    "decade",
    "century",
    "weekend",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
];

/// Nouns that name a collective of two (`the two leaders`, `both countries`) in symmetric events.
pub(crate) const SYMMETRIC_VERBS: &[&str] = &[
    "meet",
    "clash",
    "talk",
    "agree",
    "negotiate",
    "fight",
    "feud",
    "spar",
    "speak",
    "disagree",
    "quarrel",
    "compete",
    "cooperate",
    "hold",
];

/// Link-line openings that are not part of an article's text (`Also Read: …`).
pub(crate) fn is_link_line(forms: &[&str]) -> bool {
    let lower: Vec<String> = forms.iter().take(3).map(|f| f.to_ascii_lowercase()).collect();
    let l: Vec<&str> = lower.iter().map(String::as_str).collect();
    matches!(
        l.as_slice(),
        ["also", "read", ..]
            | ["read", "also", ..]
            | ["read", "more", ..]
            | ["see", "also", ..]
            | ["related", ":", ..]
            | ["watch", ":", ..]
            | ["read", ":", ..]
    )
}

pub(crate) use crate::ontology::roles::role_class;
