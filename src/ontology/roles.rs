//! Role nouns: the closed English class of words that name what a person is or holds — a
//! position in a country or organisation (`president`, `minister`, `chief executive`) or an
//! occupation (`guitarist`, `epidemiologist`). The extractor reads `X, ROLE of Y` and `ROLE X` as
//! the ontology's position and occupation facts, and NER takes a capitalised run after a
//! lowercase role noun as a person's name; both ask this module, which reads nothing else.

/// Role nouns: positions a person holds in a country or organisation (`president of Y`,
/// `chief executive of Y`, `member of Y`). General English, covering the class as news uses it:
/// heads of state and government, ministers and legislators, diplomats, officials of
/// organisations and firms, military ranks, judicial and religious offices, and membership
/// nouns. Lowercase; multiword roles are written as their head (`prime minister` → `minister`,
/// with `prime` kept as a modifier). With a country or organisation a position reads `ROLE of Y`.
pub(crate) const ROLE_POSITIONS: &[&str] = &[
    "president", "vice-president", "president-elect", "premier", "chancellor", "minister", "secretary",
    "secretary-general", "governor", "governor-general", "mayor", "senator", "congressman", "congresswoman",
    "representative", "lawmaker", "legislator", "assemblyman", "assemblywoman", "councillor", "councilor",
    "councilman", "councilwoman", "speaker", "ambassador", "envoy", "consul", "diplomat", "commissioner",
    "king", "queen", "prince", "princess", "monarch", "emperor", "empress", "sultan", "emir", "sheikh", "pope",
    "bishop", "archbishop", "cardinal", "imam", "rabbi", "ayatollah", "leader", "head", "chief", "chair",
    "chairman", "chairwoman", "chairperson", "ceo", "cfo", "coo", "cto", "executive", "director", "founder",
    "co-founder", "cofounder", "owner", "co-owner", "partner", "manager", "administrator", "superintendent",
    "inspector", "treasurer", "spokesman", "spokeswoman", "spokesperson", "official", "officer", "commander",
    "commander-in-chief", "general", "admiral", "colonel", "major", "captain", "lieutenant", "sergeant", "marshal",
    "chief-of-staff", "judge", "justice", "prosecutor", "attorney", "attorney-general", "sheriff", "deputy",
    "member", "editor", "publisher", "correspondent", "columnist", "coach", "trainee", "employee", "adviser",
    "advisor", "aide", "dean", "rector", "provost", "principal", "candidate", "nominee", "delegate",
    "ruler", "dictator", "regent", "viceroy", "mp", "mep", "curator", "librarian", "warden", "steward",
    "constable", "magistrate", "coroner", "ombudsman", "comptroller", "auditor", "registrar", "alderman",
    "undersecretary", "under-secretary", "director-general", "vice-chancellor", "vice-chairman", "vice-chair",
    "headteacher", "headmaster", "headmistress", "trustee", "abbot", "patriarch",
];

/// Occupation nouns: what a person is (`X is a wrestler`); with a country (a demonym) they read
/// `ROLE from Y` (nationality), with an organisation `ROLE of Y`. General English occupations as
/// news names them: arts, sports, science, media, law, medicine, trades and activism. Lowercase.
pub(crate) const ROLE_OCCUPATIONS: &[&str] = &[
    "singer", "songwriter", "singer-songwriter", "lyricist", "composer", "musician", "guitarist", "bassist",
    "drummer", "pianist", "violinist", "rapper", "conductor", "actor", "actress", "comedian", "dancer",
    "filmmaker", "film-maker", "producer", "screenwriter", "playwright", "writer", "author", "co-author",
    "novelist", "poet", "artist", "painter", "sculptor", "photographer", "designer", "architect", "model",
    "journalist", "reporter", "broadcaster", "presenter", "anchor", "commentator", "critic", "blogger",
    "historian", "scientist", "researcher", "scholar", "professor", "lecturer", "teacher", "student",
    "economist", "analyst", "engineer", "physicist", "chemist", "biologist", "astronomer", "mathematician",
    "epidemiologist", "virologist", "immunologist", "microbiologist", "physician", "doctor", "surgeon",
    "nurse", "psychologist", "psychiatrist", "lawyer", "barrister", "solicitor", "entrepreneur",
    "businessman", "businesswoman", "investor", "banker", "billionaire", "activist", "campaigner",
    "politician", "player", "footballer", "cricketer", "wrestler", "boxer", "athlete", "swimmer",
    "runner", "sprinter", "cyclist", "golfer", "skier", "racer", "driver", "jockey", "gymnast", "pilot",
    "astronaut", "cosmonaut", "taikonaut", "explorer", "soldier", "veteran", "chef", "farmer", "priest", "monk", "nun", "missionary",
    "expert", "specialist", "consultant", "strategist", "pollster", "lobbyist", "accountant", "detective", "investigator",
    "firefighter", "paramedic", "referee", "umpire", "pastor", "preacher", "vicar",
    "geneticist", "dentist", "pharmacist", "veterinarian", "midwife", "policeman", "policewoman",
    "linguist", "philosopher", "theologian", "archivist", "translator", "illustrator", "cartoonist",
    "animator", "programmer", "goalkeeper", "midfielder", "quarterback", "mountaineer", "climber",
    "rower", "sailor", "fisherman", "miner", "carpenter", "plumber", "mechanic", "grandmaster",
];

/// Portfolio words in ministers' titles (`Foreign Minister`, `Health Secretary`).
pub(crate) const MINISTRY_WORDS: &[&str] = &[
    "foreign", "interior", "defence", "defense", "finance", "health", "justice", "home", "education", "trade",
    "economy", "energy", "environment", "labour", "labor", "agriculture", "transport", "culture", "treasury",
];

/// Portfolios named after `of` in an office's title beyond [`MINISTRY_WORDS`] (`Secretary of
/// State`, `Minister of Transportation`): general English names of government portfolios.
const PORTFOLIO_AFTER_OF: &[&str] = &[
    "state", "transportation", "commerce", "housing", "veterans", "war", "information", "tourism", "industry",
    "communications", "infrastructure", "immigration", "welfare", "sport", "sports", "youth",
];

/// Whether `w` (lowercase) is a portfolio that closes an `of` title (`Secretary of State`,
/// `Minister of Finance`): one of [`MINISTRY_WORDS`] or [`PORTFOLIO_AFTER_OF`].
pub fn is_portfolio_word(w: &str) -> bool {
    MINISTRY_WORDS.contains(&w) || PORTFOLIO_AFTER_OF.contains(&w)
}

/// Whether `w` (lowercase) names a role, and whether it is an occupation (not a position).
pub fn role_class(w: &str) -> Option<bool> {
    let w = w.trim_end_matches('.');
    ROLE_CLASSES.get(w).copied().or_else(|| occupation_by_suffix(w).then_some(true))
}

/// [`ROLE_POSITIONS`] (false) and [`ROLE_OCCUPATIONS`] (true) as one map: the rules ask about
/// most nouns of every sentence, and a scan of both lists was about 2 % of a build's CPU. A
/// word in both lists is a position, as the lists were asked in that order. Hashed with Fx, not
/// SipHash: the keys are the lists' own words, and SipHash was ~0.4 % of a build's CPU.
static ROLE_CLASSES: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, bool>> = std::sync::LazyLock::new(|| {
    let occupations = ROLE_OCCUPATIONS.iter().map(|w| (*w, true));
    occupations.chain(ROLE_POSITIONS.iter().map(|w| (*w, false))).collect()
});

/// Endings that make a noun a practitioner of a science or trade: `-ologist` (a geologist,
/// seismologist, cardiologist), `-ographer` (an oceanographer, demographer) and `-ician` (a
/// technician, statistician). No list can name every science, and no common English noun with these
/// endings is anything but a person's occupation. The stem must be a word of its own (`ician` alone is
/// not a noun).
fn occupation_by_suffix(w: &str) -> bool {
    const ENDINGS: &[&str] = &["ologist", "ographer", "ician"];
    ENDINGS.iter().any(|e| w.strip_suffix(e).is_some_and(|stem| stem.len() >= 2 && stem.chars().all(|c| c.is_ascii_lowercase())))
}

/// Whether `w` (lowercase) names a position or an occupation.
pub fn is_role_noun(w: &str) -> bool {
    role_class(w).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occupations_by_their_ending_are_roles() {
        for w in ["geologist", "seismologist", "volcanologist", "oceanographer", "statistician", "technician"] {
            assert_eq!(role_class(w), Some(true), "{w}");
        }
    }

    #[test]
    fn every_listed_role_keeps_its_class_and_positions_win() {
        for w in ROLE_POSITIONS {
            assert_eq!(role_class(w), Some(false), "{w}");
        }
        for w in ROLE_OCCUPATIONS.iter().filter(|w| !ROLE_POSITIONS.contains(w)) {
            assert_eq!(role_class(w), Some(true), "{w}");
        }
        // a trailing full stop is not part of the word; an unlisted noun stays unclassed
        assert_eq!(role_class("mayor."), Some(false));
        assert_eq!(role_class("lantern"), None);
    }

    #[test]
    fn bare_endings_and_other_nouns_are_not_roles() {
        for w in ["ician", "ologist", "biology", "geography", "suspicion", "lorry"] {
            assert_eq!(role_class(w), None, "{w}");
        }
    }
}
