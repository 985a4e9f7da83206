//! Small closed word lists the rules need (lemmas, lowercase).

pub(crate) const REPORTING: &[&str] = &[
    "say", "tell", "claim", "report", "state", "add", "note", "believe", "think", "warn", "confirm", "insist",
    "argue", "announce", "declare", "suggest", "allege", "explain", "write", "reveal", "acknowledge", "admit",
    "deny", "predict", "estimate", "assert", "stress", "maintain", "indicate", "show", "find",
];

/// Verbs whose `xcomp` signals a plan or future (`set to`, `plan to`).
pub(crate) const PLANNED_HEADS: &[&str] =
    &["set", "plan", "intend", "expect", "aim", "go", "schedule", "prepare", "due", "likely", "poised", "hope", "want", "seek", "vow", "pledge", "promise", "threaten"];
/// Heads that signal possibility.
pub(crate) const POSSIBLE_HEADS: &[&str] = &["possible", "able", "may", "might", "could", "unlikely"];
pub(crate) const REPORTED_HEADS: &[&str] = &["say", "report", "allege", "rumor", "rumour", "believe", "think"];

pub(crate) const POSSIBLE_AUX: &[&str] = &["might", "may", "could", "can", "should", "would", "must", "ought"];
pub(crate) const PLANNED_AUX: &[&str] = &["will", "shall", "'ll", "wo"];


/// Title nouns in `US President Donald Trump`, `Colombian Foreign Minister Rosa Villavicencio`.
pub(crate) const TITLES: &[&str] = &[
    "president", "minister", "leader", "chancellor", "secretary", "king", "queen", "prince", "princess", "premier",
    "governor", "senator", "mayor", "ambassador", "envoy", "general", "commander", "chief", "chairman", "chairwoman",
    "ceo", "director", "spokesman", "spokeswoman", "spokesperson", "head", "counterpart", "emperor", "pope",
    "prosecutor", "judge", "official", "lawmaker", "representative", "congressman", "congresswoman", "diplomat",
    "admiral", "colonel", "captain", "sheikh", "ayatollah", "dictator", "founder", "coach", "manager", "owner",
    "vice", "deputy", "attorney", "justice", "rep.", "sen.", "gov.", "gen.", "pres.", "dr.", "mr.", "mrs.", "ms.",
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
        "filipino" => "Philippines",
        "taiwanese" => "Taiwan",
        "nicaraguan" => "Nicaragua",
        "honduran" => "Honduras",
        "guatemalan" => "Guatemala",
        "salvadoran" => "El Salvador",
        "haitian" => "Haiti",
        "dominican" => "Dominican Republic",
        "european" => "European Union",
        _ => return None,
    })
}

/// Month names, for date qualifiers.
pub(crate) const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
];
pub(crate) const TIME_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow",
    "week", "month", "year", "day", "morning", "evening", "night", "afternoon", "decade", "century", "weekend",
    "spring", "summer", "autumn", "fall", "winter",
];

/// Nouns that name a collective of two (`the two leaders`, `both countries`) in symmetric events.
pub(crate) const SYMMETRIC_VERBS: &[&str] =
    &["meet", "clash", "talk", "agree", "negotiate", "fight", "feud", "spar", "speak", "disagree", "quarrel", "compete", "cooperate", "hold"];

/// Link-line openings that are not part of an article's text (`Also Read: …`).
pub(crate) fn is_link_line(forms: &[&str]) -> bool {
    let lower: Vec<String> = forms.iter().take(3).map(|f| f.to_ascii_lowercase()).collect();
    let l: Vec<&str> = lower.iter().map(String::as_str).collect();
    matches!(
        l.as_slice(),
        ["also", "read", ..] | ["read", "also", ..] | ["read", "more", ..] | ["see", "also", ..] | ["related", ":", ..] | ["watch", ":", ..] | ["read", ":", ..]
    )
}
