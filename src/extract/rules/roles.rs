//! Roles of people, read from the token sequence around a person's name rather than from the tree
//! (the parser often attaches titles and appositions wrongly, and the role is plain in the words):
//!
//! - in front of the name: `Tongan Prime Minister X`, `NATO Secretary-General X`, `the firm's
//!   President and CEO X`, `former basketball player X`;
//! - after it, between commas: `X, the mayor of Y,`, `X, a member of Y,`, `X, Y's chief executive,`,
//!   `X, a Peruvian novelist,`;
//! - before it, between commas: `The governor of Y, X, said`, `Y's managing editor, X, said`,
//!   also across the name's own title (`the survey's chief analyst, economist X, said`);
//! - an age after it: `X, 41,` / `X, aged 41,`.
//!
//! A role is a noun of [`ROLE_POSITIONS`](crate::ontology::roles::ROLE_POSITIONS) (X – `ROLE of` – Y) or [`ROLE_OCCUPATIONS`](crate::ontology::roles::ROLE_OCCUPATIONS) (X – `ROLE
//! from` – country, or `of` an organisation, and X – `is a` – ROLE); Y is a demonym's country, a
//! proper name in front of the role, a possessor (`Y's`, also a common noun after a determiner:
//! `the study's`) or the object of `of`/`at`/`for` after it. Lowercase modifiers in front of a
//! proper-name owner are the role's (`a senior Vela Party member` → senior member of Vela Party).
//! The person is a `Person` mention of the sentence. Graph facts only (CaRB gold has no such tuples).
//!
//! In: the tree's tokens, mention extents and kinds. Out: literal-relation [`Prop`]s.

use super::*;
use crate::document::EntityType;
pub(super) use crate::ontology::roles::MINISTRY_WORDS;

/// One role noun (possibly hyphenated over several tokens) with its modifiers.
#[derive(Clone, Debug)]
pub(super) struct RoleWord {
    /// Tokens of the role noun itself (`Secretary - General`).
    pub(super) toks: Vec<usize>,
    /// Lowercase modifiers in front of it (`prime`, `editorial`, `former`).
    pub(super) mods: Vec<usize>,
    pub(super) occupation: bool,
}

/// A role phrase: `[the] [Y's | Y | demonym] mods ROLE [and ROLE] [of|at|for Y]`.
#[derive(Clone, Debug)]
pub(super) struct RoleNp {
    pub(super) roles: Vec<RoleWord>,
    /// The country or organisation, and whether it came from a demonym (a nationality).
    pub(super) owner: Option<(Part, bool)>,
    /// The owner in front when another one follows (`the Vela member and son of Cy Dorn`): it
    /// owns every role but the last.
    pub(super) front: Option<(Part, bool)>,
    /// The preposition that introduced the owner after the role (`at`), if any.
    pub(super) prep: Option<usize>,
    /// One past the last token.
    pub(super) end: usize,
}

/// Modifier words in a role phrase that are not themselves roles.
const ROLE_MODIFIERS: &[&str] = &[
    "former", "future", "acting", "interim", "incoming", "outgoing", "then", "late", "current", "incumbent", "new", "newly", "elected",
    "prime", "foreign", "deputy", "vice", "assistant", "associate", "senior", "junior", "chief", "executive",
    "general", "managing", "lead", "co", "top", "first", "second", "third", "fellow", "retired", "professional",
    "editorial", "founding", "honorary", "permanent", "principal", "supreme", "grand", "special", "crown",
];

/// Nouns of groups outside the state whose leaders a nationality word describes but does not
/// own (`Russian opposition leader`, `Kurdish rebel commander`): general English, closed class.
pub(super) const NON_STATE_GROUPS: &[&str] = &[
    "opposition", "rebel", "militia", "insurgent", "separatist", "guerrilla", "resistance", "protest", "student", "union",
    "church", "business", "industry", "community", "tribal", "clan", "gang", "cartel", "terrorist", "dissident", "exile",
];

/// Words that open the title of a legislature's party leaders and whips (`Majority Leader`,
/// `Minority Whip`): in front of the role they are part of the title, never part of the chamber
/// that owns it (`Assembly Minority Leader X` → minority leader of Assembly). General English, closed
/// class.
const MAJORITY_WORDS: &[&str] = &["majority", "minority"];

/// Rank words that open a compound title (`Vice President`, `Deputy Mayor`, `Assistant
/// Secretary`): capitalised in front of the role they are part of the title, never a place or
/// organisation that owns it (`president of Vice`); so is `Crown` in `Crown Prince`. General
/// English, closed class.
const RANK_PREFIXES: &[&str] = &["vice", "deputy", "assistant", "associate", "crown"];

/// Words that name the level or kind of a court in a judge's title (`District Judge`, `Circuit
/// Judge`, `Appeals Court Justice`, `Bankruptcy Judge`): in front of [`JUDGE_NOUNS`] without a word
/// for the court itself they are part of the title, never an organisation that owns it (`judge of
/// District`). General English names of court levels, lowercase.
pub(super) const COURT_LEVEL_WORDS: &[&str] = &[
    "district", "circuit", "appeals", "appellate", "supreme", "superior", "bankruptcy", "magistrate", "federal",
    "county", "municipal", "family", "tax", "high", "trial", "crown", "probate", "chancery", "administrative",
];

/// Titles of people who sit on a court.
pub(super) const JUDGE_NOUNS: &[&str] = &["judge", "justice", "magistrate"];

/// Offices of a court that say what their holder is without the court (`Judge X` is a judge):
/// general English, closed class.
const COURT_OFFICES: &[&str] = &["judge", "magistrate", "prosecutor"];

/// Words that name a court itself (`District Court`, `Appeals Tribunal`): a run with one of them
/// names the court that owns a judge's title.
const COURT_NOUNS: &[&str] = &["court", "tribunal", "courts"];

/// Common nouns for a body, a team or a piece of work that owns a role written in front of it
/// (`police press officer X` → press officer of police, `team captain X`, `study co-author X`,
/// `fire service spokesman X`). General English: the heads of the usual phrases for an
/// institution, a force, a company, a group or a publication; not fields and trades (`press`,
/// `research`, `basketball`), which only modify the role.
const OWNER_NOUNS: &[&str] = &[
    "police", "service", "company", "firm", "team", "club", "party", "government", "army", "navy", "military",
    "department", "ministry", "agency", "council", "committee", "board", "court", "hospital", "university",
    "college", "school", "union", "church", "campaign", "study", "report", "project", "band", "orchestra", "museum",
    "league", "federation", "association", "organisation", "organization", "network", "newspaper", "magazine",
    "airline", "bank", "charity", "foundation", "institute", "commission", "embassy", "parliament", "senate", "squad",
    "opposition", "coalition", "alliance", "movement", "caucus", "delegation", "faction", "group",
];

/// Whether a lowercase word is one of [`OWNER_NOUNS`]: a body, a team or a publication.
pub(super) fn is_institution_noun(w: &str) -> bool {
    OWNER_NOUNS.contains(&w)
}

/// Positions that say nothing of their own without the body they are held at (`member`, `head`,
/// `director`, `spokesman`): general English nouns of membership, rank and office in any body.
const OWNER_NEEDING_POSITIONS: &[&str] = &[
    "head", "chief", "member", "official", "officer", "partner", "owner", "co-owner", "deputy", "executive", "employee",
    "trainee", "leader", "aide", "delegate", "representative", "candidate", "nominee", "founder", "co-founder",
    "cofounder", "manager", "director", "editor", "publisher", "administrator", "steward", "spokesman", "spokeswoman",
    "spokesperson", "adviser", "advisor", "chair", "chairman", "chairwoman", "chairperson", "coach", "captain",
    "correspondent", "columnist", "curator", "librarian", "warden", "principal", "dean", "rector", "provost",
    "treasurer", "superintendent", "inspector", "commissioner", "secretary", "minister", "speaker", "partner",
];

/// Roles held towards a country, a body or a person written with `to` (`ambassador to Y`,
/// `adviser to Y`, `spokesman to Y`): general English nouns of envoys and of aides.
const TO_ROLES: &[&str] = &[
    "ambassador", "envoy", "emissary", "consul", "delegate", "representative", "adviser", "advisor", "aide", "assistant",
    "counsel", "counsellor", "counselor", "secretary", "spokesman", "spokeswoman", "spokesperson", "liaison", "attaché",
];

/// Kinship nouns, read like positions (`X, the aunt of Y`, `Y's son X`, `his wife X` → X – aunt
/// of / son of / wife of – Y). General English kinship terms, lowercase.
const KIN_NOUNS: &[&str] = &[
    "wife", "husband", "spouse", "widow", "widower", "fiance", "fiancé", "fiancee", "fiancée", "son", "daughter",
    "child", "stepson", "stepdaughter", "father", "mother", "parent", "stepfather", "stepmother", "brother",
    "sister", "sibling", "half-brother", "half-sister", "aunt", "uncle", "nephew", "niece", "cousin", "grandson",
    "granddaughter", "grandchild", "grandfather", "grandmother", "grandparent", "father-in-law",
    "mother-in-law", "son-in-law", "daughter-in-law", "brother-in-law", "sister-in-law",
];

/// Offices written as a role noun, `of` and a second noun (`chief of staff`, `chief of police`,
/// `head of state`, `head of government`): general English, closed class. The second noun is part
/// of the office's name, never the body that owns it.
const OFFICES_WITH_OF: &[(&str, &str)] = &[("chief", "staff"), ("chief", "police"), ("head", "state"), ("head", "government")];

/// Kinship nouns of marriage: the relation holds both ways (Y – married to – X as well).
const SPOUSE_NOUNS: &[&str] = &["wife", "husband", "spouse", "widow", "widower"];

/// Whether a lowercase word is a kinship noun (`wife`, `son`).
pub(crate) fn is_kin_noun(w: &str) -> bool {
    KIN_NOUNS.contains(&w)
}

/// A role noun's class (`Some(true)` for an occupation), kinship nouns counting as positions.
/// Whether the word `i` in front of a title dates the office instead of naming its owner: a role
/// modifier (`Incumbent`, `Former`) or an `ex-` word (`Ex-Prime`).
pub(super) fn dates_office(tr: &Tree, i: usize) -> bool {
    tr.lemma_is(i, ROLE_MODIFIERS) || tr.form(i).to_lowercase().starts_with("ex-")
}

/// Adverbs that put a role in the past when they open its phrase (`formerly the mayor`,
/// `previously a judge`): general English, closed class. Read as the modifier `former`.
const PAST_ADVERBS: &[&str] = &["formerly", "previously"];

/// Ages written in an `N-year-old` compound, as digits or as a word (`three-year-old`), up to
/// twenty in words: the age as digits.
fn age_text(w: &str) -> Option<&'static str> {
    // every age as digits, so the fact's object is the number whatever the text wrote
    const AGES: [&str; 121] = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19",
        "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "36", "37",
        "38", "39", "40", "41", "42", "43", "44", "45", "46", "47", "48", "49", "50", "51", "52", "53", "54", "55",
        "56", "57", "58", "59", "60", "61", "62", "63", "64", "65", "66", "67", "68", "69", "70", "71", "72", "73",
        "74", "75", "76", "77", "78", "79", "80", "81", "82", "83", "84", "85", "86", "87", "88", "89", "90", "91",
        "92", "93", "94", "95", "96", "97", "98", "99", "100", "101", "102", "103", "104", "105", "106", "107", "108",
        "109", "110", "111", "112", "113", "114", "115", "116", "117", "118", "119", "120"
    ];
    const WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ];
    let lower = w.to_ascii_lowercase();
    let age = match WORDS.iter().position(|x| *x == lower) {
        Some(p) => p + 1,
        None => lower.parse::<usize>().ok().filter(|a| (1..=120).contains(a))?,
    };
    Some(AGES[age])
}

fn role_or_kin(w: &str) -> Option<bool> {
    role_class(w).or_else(|| KIN_NOUNS.contains(&w).then_some(false))
}

impl Rules<'_, '_> {
    /// Whether `i` is one of [`PAST_ADVERBS`] (the tagger may call it a verb: the word is read).
    pub(super) fn past_adverb(&self, i: usize) -> bool {
        i < self.tr.len() && self.tr.form_is(i, PAST_ADVERBS)
    }

    /// How a role's modifier is written in the relation: a past adverb as `former` (`formerly
    /// the mayor of Y` → former mayor of Y), any other word as it stands, lowercase.
    fn modifier_word(&self, k: usize) -> String {
        if self.past_adverb(k) { "former".to_owned() } else { self.tr.form(k).to_lowercase() }
    }

    pub(super) fn kind_at(&self, i: usize) -> Option<EntityType> {
        self.kind.get(i).copied().flatten()
    }

    /// The role noun starting at `i` (joining `X - Y` hyphen splits): its last token and class.
    pub(super) fn role_word_at(&self, i: usize) -> Option<(usize, bool)> {
        let tr = self.tr;
        if i >= tr.len() || !matches!(tr.upos(i), "NOUN" | "PROPN" | "ADJ") {
            return None;
        }
        // `Secretary - General`, `commander - in - chief`
        let mut j = i;
        let mut text = tr.form(i).to_lowercase();
        while j + 2 < tr.len() && tr.form(j + 1) == "-" && tr.t[j].space_after == false && tr.form(j + 2).chars().all(char::is_alphabetic) {
            text.push('-');
            text.push_str(&tr.form(j + 2).to_lowercase());
            j += 2;
        }
        if j > i {
            if let Some(c) = role_or_kin(&text) {
                return Some((j, c));
            }
            let first = text.split('-').next().unwrap_or("");
            let last = text.rsplit('-').next().unwrap_or("");
            if let Some(c) = role_or_kin(first).or_else(|| role_or_kin(last)) {
                return Some((j, c));
            }
        }
        let w = tr.form(i).to_lowercase();
        if let Some(c) = role_or_kin(&w).or_else(|| {
            // one hyphenated token: `Secretary-General`, `commander-in-chief`
            w.contains('-').then(|| w.split('-').find_map(role_or_kin)).flatten()
        }) {
            // `Secretary of State`, `Minister of Health`: a capitalised office whose portfolio
            // follows it after `of` is one title (its owner stands in front: `US Secretary of State X`)
            if self.portfolio_of_at(i) || self.office_of_at(i) {
                return Some((i + 2, c));
            }
            if self.general_after(i) {
                return Some((i + 1, c));
            }
            // plural roles (`members`) only through the lemma
            return Some((i, c));
        }
        let l = tr.lemma(i).to_lowercase();
        role_or_kin(&l).map(|c| (i, c))
    }

    /// Whether the role word at `i` takes the postpositive adjective `general` as part of one
    /// office (`Governor General`, `Attorney General`, `Director General`, `Major General`): English
    /// writes these titles with `general` after the noun, and read apart they give two roles (a
    /// `general of Y` that was never meant). Not after `general` itself, and not when `general`
    /// opens a name of its own (`General Motors`: a proper noun follows).
    fn general_after(&self, i: usize) -> bool {
        let tr = self.tr;
        i + 1 < tr.len()
            && !tr.form(i).eq_ignore_ascii_case("general")
            && tr.form(i + 1).eq_ignore_ascii_case("general")
            && self.ment_at(i + 1).is_none_or(|(s, _)| s < i + 1)
            && (i + 2 >= tr.len() || tr.upos(i + 2) != "PROPN" || self.kind_at(i + 2) == Some(EntityType::Person) || self.role_word_at(i + 2).is_some())
    }

    /// Whether the capitalised role word at `i` is followed by `of` and a capitalised portfolio
    /// word ending the title (`Secretary of State`, `Minister of Health`, `Secretary of
    /// Transportation`), not by an owner (`Minister of Health of Y` still has Y after it).
    fn portfolio_of_at(&self, i: usize) -> bool {
        let tr = self.tr;
        i + 2 < tr.len()
            && tr.form(i).chars().next().is_some_and(char::is_uppercase)
            && tr.form(i + 1) == "of"
            && tr.form(i + 2).chars().next().is_some_and(char::is_uppercase)
            && crate::ontology::roles::is_portfolio_word(&tr.form(i + 2).to_lowercase())
            // `Minister of Foreign Affairs` goes on: the portfolio is a longer name
            && (i + 3 >= tr.len() || !self.is_proper(i + 3) || self.kind_at(i + 3) == Some(EntityType::Person))
    }

    /// Whether the role word at `i`, `of` and the next word name one office in any case (`chief of
    /// staff`, `chief of police`, `head of state`): read apart, the staff or the state is taken for
    /// the body that owns the role (`chief of – staff`), and the real owner in front or after is lost.
    fn office_of_at(&self, i: usize) -> bool {
        let tr = self.tr;
        i + 2 < tr.len() && tr.form(i + 1) == "of" && OFFICES_WITH_OF.iter().any(|&(role, rest)| tr.form_is(i, &[role]) && tr.form_is(i + 2, &[rest]))
    }

    /// A proper-name run `[i, e)` (a mention extent or consecutive proper nouns that are not roles).
    pub(super) fn name_run(&self, i: usize) -> Option<usize> {
        let tr = self.tr;
        if i >= tr.len() {
            return None;
        }
        if let Some((s, e)) = self.ment_at(i) {
            let thing = !matches!(self.kind_at(i), Some(EntityType::Person | EntityType::Date | EntityType::Quantity | EntityType::Money));
            if s == i && thing {
                // `the Norvia Attorney for the Vell District`: a title the recogniser ran into
                // one organisation's name ends the owner in front of it
                return Some(self.swallowed_title(s, e).unwrap_or(e));
            }
            // the rest of such a name after its title (`the Vell District`) is the owner after it
            if s < i && thing && self.swallowed_title(s, e).is_some_and(|r| r < i) {
                return Some(e);
            }
        }
        // a person's name right after ends the run (`Envoy for Kestria Tove Varrack`: the owner is
        // `Kestria`, the name the title's holder)
        let person_starts = |k: usize| k > i && self.kind_at(k) == Some(EntityType::Person) && self.ment_at(k).is_some_and(|(s, _)| s == k);
        let mut e = i;
        // `Assembly Minority Leader`: the minority word belongs to the title, not to the owner's name
        let title_opener = |k: usize| tr.form_is(k, MAJORITY_WORDS) && self.role_word_at(k + 1).is_some();
        while e < tr.len()
            && self.is_proper(e)
            && self.role_word_at(e).is_none()
            && demonym_country(tr.form(e)).is_none()
            && !person_starts(e)
            && !title_opener(e)
        {
            e += 1;
        }
        (e > i).then_some(e)
    }

    /// Where a capitalised title starts inside the name of an organisation `[s, e)` that the
    /// recogniser ran over it (`Norvia Attorney for the Vell District` as one name): a role word
    /// after proper nouns only (no preposition, no title word before it), followed by `of`, `for`
    /// or `to` inside the name. The role phrase rules then read owner, title and owner.
    fn swallowed_title(&self, s: usize, e: usize) -> Option<usize> {
        let tr = self.tr;
        if !matches!(self.kind_at(s), Some(EntityType::Organization | EntityType::GovernmentBody)) || e - s < 4 {
            return None;
        }
        let r = (s + 1..e - 2).find(|&k| self.role_word_at(k).is_some())?;
        let front_ok = (s..r).all(|k| tr.upos(k) == "PROPN" && self.role_word_at(k).is_none() && !tr.lemma_is(k, ROLE_MODIFIERS) && !tr.lemma_is(k, RANK_PREFIXES));
        let title = tr.form(r).chars().next().is_some_and(char::is_uppercase) && self.role_word_at(r).is_some_and(|(last, _)| last == r);
        (front_ok && title && tr.lemma_is(r + 1, &["of", "for", "to"])).then_some(r)
    }

    /// A proper noun, or a capitalised word the tagger calls an adjective inside a name
    /// (`Blue` in `Blue Wave`: tagged NNP, upos ADJ).
    fn is_proper(&self, i: usize) -> bool {
        let tr = self.tr;
        tr.upos(i) == "PROPN"
            || (tr.t[i].xpos.starts_with("NNP")
                && tr.form(i).chars().next().is_some_and(char::is_uppercase)
                && !tr.lemma_is(i, ROLE_MODIFIERS)
                && !tr.form_is(i, MINISTRY_WORDS)
                && i + 1 < tr.len()
                && tr.upos(i + 1) == "PROPN")
    }

    pub(super) fn span_part(&self, s: usize, e: usize) -> Part {
        let toks: Vec<usize> = (s..e).filter(|&k| !self.tr.is_punct(k) || self.tr.form(k) == "&").collect();
        Part {
            head: e - 1,
            min: toks.clone(),
            toks,
            poss_after: None,
            text: None,
        }
    }

    fn is_poss_pronoun(&self, i: usize) -> bool {
        let tr = self.tr;
        i < tr.len() && tr.upos(i) == "PRON" && (tr.t[i].xpos == "PRP$" || tr.has_feat(i, "Poss=Yes"))
    }

    pub(super) fn is_det(&self, i: usize) -> bool {
        // `another`: `X, another lawyer for Y` names a role like `a lawyer for Y`
        i < self.tr.len() && self.tr.lemma_is(i, &["the", "a", "an", "another"])
    }

    pub(super) fn is_poss(&self, i: usize) -> bool {
        i < self.tr.len() && matches!(self.tr.form(i), "'s" | "’s" | "'" | "’")
    }

    /// Where an owner's name starts when a place's possessive stands in front of it (`at Norvia's
    /// Vela Institute` → `Vela Institute`): the place only locates the owner (a fact of its own,
    /// `Vela Institute – located in – Norvia`) and must not take the owner's place. Else `j`.
    pub(super) fn past_place_possessor(&self, j: usize) -> usize {
        let tr = self.tr;
        match self.mention_from(j) {
            Some((s, e))
                if super::places::place_rank(self.kind_at(s)).is_some()
                    && self.is_poss(e)
                    && e + 1 < tr.len()
                    && tr.form(e + 1).chars().next().is_some_and(char::is_uppercase) =>
            {
                e + 1
            }
            _ => j,
        }
    }

    /// Where an owner's name starts when a `PLACE-based` modifier stands in front of it (`of
    /// Vell-based Tarn Software` → `Tarn Software`): the place is where the owner sits (the origin
    /// rules read `based in`), not the owner. Else `j`.
    fn past_based_place(&self, j: usize) -> usize {
        let tr = self.tr;
        match self.name_run(j) {
            Some(e) if e + 2 < tr.len() && tr.form(e) == "-" && tr.form(e + 1).eq_ignore_ascii_case("based") => e + 2,
            _ => j,
        }
    }

    /// `a 45-year-old` (tokens `45 - year - old`, the number also a word: `three`): the age and
    /// the token after `old`.
    pub(super) fn age_compound_at(&self, i: usize) -> Option<(&'static str, usize)> {
        let tr = self.tr;
        let old = i + 4;
        let shape = old < tr.len() && tr.form(i + 1) == "-" && tr.lemma_is(i + 2, &["year"]) && tr.form(i + 3) == "-" && tr.form_is(old, &["old"]);
        shape.then(|| age_text(tr.form(i))).flatten().map(|a| (a, old + 1))
    }

    /// Parses a role phrase starting at `p`; it must end at or before `limit`.
    pub(super) fn role_np(&self, p: usize, limit: usize) -> Option<RoleNp> {
        let tr = self.tr;
        let mut i = p;
        // `X, then the mayor of Y,`: a time adverb in front of the article dates the role (kept as
        // its modifier, like `then` after the article)
        let mut leading_mods: Vec<usize> = Vec::new();
        if i + 1 < limit && tr.lemma_is(i, &["then", "now"]) && self.is_det(i + 1) {
            leading_mods.push(i);
            i += 1;
        }
        // `X, formerly the mayor of Y,`, `was previously chief of staff at Y`: the role is one
        // the person held before, a `former` role, with or without the article
        if i + 1 < limit && self.past_adverb(i) {
            leading_mods.push(i);
            i += 1;
        }
        let det = self.is_det(i);
        if det {
            i += 1;
        }
        // `X, a 45-year-old Norvian engineer,`: the age (read by `age_props`) is no part of the role
        if det && let Some((_, after)) = self.age_compound_at(i).filter(|&(_, after)| after < limit) {
            i = after;
        }
        let mut owner: Option<(Part, bool)> = None;
        // a lone capitalised word in front that the recogniser found no name in (`Planetary` of
        // `Planetary scientist X`, `Internet entrepreneur X`): read as the owner only for now
        let mut unnamed_front: Option<usize> = None;
        // `the survey's chief analyst`, `the company's chief executive`: a common-noun possessor
        // after a determiner owns the role (the resolver may replace it by its antecedent)
        if det && let Some(e) = self.common_possessor(i, limit) {
            owner = Some((self.span_part(i, e), false));
            i = e + 1;
        }
        // `his wife X`, `their coach X`: the possessive pronoun owns the role (the resolver
        // replaces it by its antecedent)
        if i < limit && self.is_poss_pronoun(i) {
            owner = Some((self.span_part(i, i + 1), false));
            i += 1;
        }
        while i < limit && tr.lemma_is(i, &["former", "acting", "interim", "then", "late", "incoming", "outgoing"]) {
            leading_mods.push(i);
            i += 1;
        }
        // `a senior Vela Party member`, `the high-ranking Vela Front member`: lowercase modifiers
        // in front of the owner's name describe the role, not the owner
        if owner.is_none()
            && let Some(e) = self.modifiers_before_owner(i, limit)
        {
            leading_mods.extend(i..e);
            i = e;
        }
        // a name in front, also one written lowercase (`al-Vela member`)
        let named = self.ment_at(i).is_some_and(|(ms, _)| ms == i);
        if owner.is_none() && i < limit && (tr.form(i).chars().next().is_some_and(char::is_uppercase) || named) {
            // `Danish Museum`, `Kenyan Navy`: a demonym that starts a name is part of it
            let starts_name = i + 1 < limit
                && tr.upos(i + 1) == "PROPN"
                && self.role_word_at(i + 1).is_none()
                && !tr.lemma_is(i + 1, ROLE_MODIFIERS)
                && !tr.form_is(i + 1, MINISTRY_WORDS);
            if let Some(c) = demonym_country(tr.form(i)).filter(|_| !starts_name) {
                let mut part = self.span_part(i, i + 1);
                part.text = Some(c);
                owner = Some((part, true));
                i += 1;
            } else if self.role_word_at(i).is_none() && !(tr.form_is(i, MINISTRY_WORDS) && self.role_word_at(i + 1).is_some()) {
                // `Interior Minister X`, `Health Secretary X`: a portfolio word right before the role
                // is the office's field, not a place or organisation that owns it (the loop below
                // keeps it as a modifier); `Interior Ministry spokesman` still reads the ministry
                let run = if starts_name { self.name_run(i + 1) } else { self.name_run(i) };
                // `the Labour Assembly Majority Leader`: a party word in front of a chamber's
                // name that no mention joins to it is the holder's party (the origin rules read
                // it), neither part of the owner nor of the office (`Republican National
                // Committee`, one mention, stays the owner's name)
                let party_front = starts_name
                    && super::origin::is_party_word(tr.form(i))
                    && self.ment_at(i).is_none()
                    && run.is_some_and(|e| e < limit && tr.form_is(e, MAJORITY_WORDS));
                if party_front {
                    i += 1;
                }
                // `Republican Senator X`: a party word is the holder's party (the origin rules
                // read it), not the owner of the office; it stays a modifier
                let party = |e: usize| e == i + 1 && super::origin::is_party_word(tr.form(i));
                // `Vice President X`: a rank word alone in front of the role is part of the title
                let rank = |e: usize| e == i + 1 && tr.lemma_is(i, RANK_PREFIXES);
                // `Incumbent President X`, `Ex-Prime Minister X`: a word dating the office
                let dating = |e: usize| e == i + 1 && dates_office(tr, i);
                // `U.S. District Judge X`, `Circuit Judge X`: court words are the judge's title
                if let Some(e) = run.filter(|&e| e < limit && self.court_level_title(i, e)) {
                    leading_mods.extend(i..e);
                    i = e;
                } else if let Some(e) = run.filter(|&e| e < limit && !party(e) && !rank(e) && !dating(e)) {
                    let part = self.span_part(i, e);
                    // `US singer X`, `Vell preacher X`: a place in front of an occupation is where
                    // the holder comes from
                    let place = matches!(self.kind_at(i), Some(EntityType::Country | EntityType::City | EntityType::Location));
                    if self.is_poss(e) {
                        owner = Some((part, false));
                        i = e + 1;
                    } else if self.role_word_at(e).is_some() || (e + 1 < limit && self.role_word_at(e + 1).is_some()) {
                        owner = Some((part, place));
                        unnamed_front = (e == i + 1 && !named).then_some(i);
                        i = e;
                    }
                }
            }
        }
        let mut roles: Vec<RoleWord> = Vec::new();
        let past = leading_mods.iter().copied().find(|&k| self.past_adverb(k));
        let mut mods: Vec<usize> = leading_mods;
        while i < limit {
            if let Some((last, occupation)) = self.role_word_at(i) {
                // a role word followed by another noun is a modifier (`executive director`)
                let next_role = last + 1 < limit && self.role_word_at(last + 1).is_some();
                let next_noun = last + 1 < limit && tr.upos(last + 1) == "NOUN" && tr.form(last + 1).chars().next().is_some_and(char::is_lowercase);
                if (next_role || next_noun) && (tr.lemma_is(i, ROLE_MODIFIERS) || next_noun) {
                    mods.extend(i..=last);
                    i = last + 1;
                    continue;
                }
                roles.push(RoleWord {
                    toks: (i..=last).collect(),
                    mods: std::mem::take(&mut mods),
                    occupation,
                });
                i = last + 1;
                // `his wife and the chair of Y`: a determiner or a possessive after `and` opens a
                // role phrase of its own (the caller reads it), which may have its own owner
                if i + 1 < limit && tr.lemma_is(i, &["and", "&"]) && !self.is_det(i + 1) && !self.is_poss_pronoun(i + 1) {
                    i += 1;
                }
                continue;
            }
            // `former`, `Prime`, `Foreign`, `basketball`, `editorial`: modifiers of the role
            // an acronym noun is a modifier too (`LGBT activist`, `IT manager`)
            let acronym = tr.form(i).len() >= 2 && tr.form(i).chars().all(|c| c.is_ascii_uppercase());
            // `Local actor X` at the sentence start: an adjective capitalised only as the first word
            let first_adjective = tr.upos(i) == "ADJ" && self.lowercase_word(i);
            let lower_modifier = matches!(tr.upos(i), "ADJ" | "NOUN")
                && (self.lowercase_noun(i) || first_adjective || (acronym && tr.upos(i) == "NOUN"))
                && self.ment_at(i).is_none();
            let title_modifier = tr.lemma_is(i, ROLE_MODIFIERS)
                || tr.form_is(i, MINISTRY_WORDS)
                || super::origin::is_party_word(tr.form(i))
                || (tr.form_is(i, MAJORITY_WORDS) && self.role_word_at(i + 1).is_some());
            if lower_modifier || title_modifier || self.capitalised_title_word(i, limit, !roles.is_empty()) {
                mods.push(i);
                i += 1;
                continue;
            }
            // `the Vela Party's 2020 presidential nominee`: the year of a role before any role
            // word dates it and is no part of the role's name
            let year = tr.upos(i) == "NUM" && tr.form(i).len() == 4 && tr.form(i).parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y));
            if year && roles.is_empty() && i + 1 < limit && matches!(tr.upos(i + 1), "ADJ" | "NOUN" | "PROPN") {
                i += 1;
                continue;
            }
            break;
        }
        // `formerly the president and chief executive of Y`: every role of the phrase was held before
        if let Some(k) = past {
            for r in roles.iter_mut().skip(1).filter(|r| !r.mods.contains(&k)) {
                r.mods.insert(0, k);
            }
        }
        // `Russian opposition leader X`, `Norvian rebel commander X`: a group outside the state
        // between the nationality and the role leads it, so the country owns no office
        if owner.as_ref().is_some_and(|(_, demonym)| *demonym) && roles.iter().any(|r| r.mods.iter().any(|&m| tr.lemma_is(m, NON_STATE_GROUPS))) {
            owner = None;
        }
        // an occupation is practised in a field, not owned by it: the unnamed word describes the
        // occupation (`planetary scientist`); an office keeps it as its owner (`Parish Council
        // clerk` is a clerk of the council even where the recogniser found no name)
        if let Some(k) = unnamed_front
            && !roles.is_empty()
            && roles.iter().all(|r| r.occupation)
        {
            owner = None;
            let at = roles[0].mods.partition_point(|&m| m < k);
            roles[0].mods.insert(at, k);
        }
        // the phrase must end on a role (`the mayor's office` is no role phrase)
        let last_role_end = roles.last().map(|r| *r.toks.last().unwrap())?;
        if i != last_role_end + 1 || self.is_poss(i) {
            return None;
        }
        let mut prep = None;
        let mut front = None;
        let to_role = roles.last().is_some_and(|r| r.toks.last().is_some_and(|&k| self.takes_to(k)));
        if i + 1 < limit && (tr.lemma_is(i, &["of", "at", "for", "with", "from"]) || (to_role && tr.lemma_is(i, &["to"]))) {
            let mut j = i + 1;
            if self.is_det(j) {
                j += 1;
            }
            j = self.past_place_possessor(j).min(limit);
            j = self.past_based_place(j).min(limit);
            let pe = self
                .name_run(j)
                .filter(|&e| e <= limit)
                .or_else(|| {
                    // a common noun phrase: `of the study`
                    let mut e = j;
                    while e < limit && matches!(tr.upos(e), "ADJ" | "NOUN") && self.ment_at(e).is_none() {
                        e += 1;
                    }
                    (e > j && tr.upos(e - 1) == "NOUN").then_some(e)
                });
            // `son of the late Vela founder Cy Dorn`: a person behind a title of their own
            let titled_person = || {
                (j + 1..limit.min(j + 8)).find_map(|k| {
                    let (ps, pe) = self.ment_at(k).filter(|&(ps, _)| ps == k && self.kind_at(k) == Some(EntityType::Person))?;
                    let np = self.role_np(j, k).filter(|np| np.end == k)?;
                    (pe <= limit && !np.roles.is_empty()).then_some((ps, pe))
                })
            };
            // `of rock band Y`: the name after a lowercase descriptor
            let span = match (self.descriptor_name(j, limit), pe) {
                (Some(named), _) => Some(named),
                (None, Some(e)) => Some((j, e)),
                (None, None) => titled_person(),
            };
            if let Some((ps, e)) = span {
                let mut part = self.span_part(ps, e);
                part.toks = (ps..e).collect();
                // `director of the Vela Arts event,`: lowercase nouns after the owner's name that
                // close the phrase say what kind of thing it is; they are part of the owner only
                // when they name a body (`the Vell police`)
                let mut e = e;
                if pe == Some(e) {
                    let mut t = e;
                    while t < limit && tr.upos(t) == "NOUN" && tr.form(t).chars().next().is_some_and(char::is_lowercase) && self.ment_at(t).is_none() {
                        t += 1;
                    }
                    if t > e && t - e <= 2 && (t >= tr.len() || (tr.is_punct(t) && !self.is_poss(t))) {
                        if (e..t).any(|k| tr.lemma_is(k, OWNER_NOUNS)) {
                            part = self.span_part(ps, t);
                            part.toks = (ps..t).collect();
                        }
                        e = t;
                    }
                }
                // `the Vela member and son of Cy Dorn`: the name in front owns the first roles
                if roles.len() > 1 {
                    front = owner.take();
                }
                owner = Some((part, false));
                prep = Some(i);
                i = e;
            }
        }
        // `police press officer X`, `a fire service spokesman`: with no owner in front or after,
        // an institution noun among the role's modifiers owns it
        if owner.is_none()
            && let [role] = roles.as_mut_slice()
            && let Some(run) = self.owner_in_modifiers(&role.mods)
        {
            role.mods.retain(|m| !run.contains(m));
            owner = Some((self.span_part(run[0], run[run.len() - 1] + 1), false));
        }
        Some(RoleNp { roles, owner, front, prep, end: i })
    }

    /// Whether the name run `[s, e)` in front of a judge's title ends on a court level and names no
    /// court (`U.S. District` of `U.S. District Judge X`, `Circuit` of `Circuit Judge X`): the
    /// words belong to the title, and read as its owner they give `judge of – District`.
    fn court_level_title(&self, s: usize, e: usize) -> bool {
        let tr = self.tr;
        let judge_at = |k: usize| k < tr.len() && (tr.lemma_is(k, JUDGE_NOUNS) || tr.form_is(k, JUDGE_NOUNS));
        let last = (s..e).rev().find(|&k| !tr.is_punct(k));
        last.is_some_and(|k| tr.form_is(k, COURT_LEVEL_WORDS))
            && !(s..e).any(|k| tr.form_is(k, COURT_NOUNS))
            && (judge_at(e) || (e + 1 < tr.len() && self.role_word_at(e).is_none() && judge_at(e + 1)))
    }

    /// Whether `i` starts a run of capitalised words that are no name and end on a role word, after
    /// an earlier role of the same phrase (`a geologist and Regents Professor at Y`, `an author and
    /// Distinguished Fellow of Y`): the words name the honour of that office, not its owner. Only
    /// after a first role, where an owner in front is no longer possible (`X, the Vela Union
    /// leader,` keeps its owner).
    fn capitalised_title_word(&self, i: usize, limit: usize, after_role: bool) -> bool {
        let tr = self.tr;
        let capital_word = |k: usize| {
            matches!(tr.upos(k), "PROPN" | "ADJ" | "NOUN")
                && tr.form(k).chars().next().is_some_and(char::is_uppercase)
                && self.ment_at(k).is_none()
                && self.role_word_at(k).is_none()
                && demonym_country(tr.form(k)).is_none()
        };
        if !after_role || !capital_word(i) {
            return false;
        }
        let mut k = i + 1;
        while k < limit && k < i + 4 && capital_word(k) {
            k += 1;
        }
        k < limit && tr.form(k).chars().next().is_some_and(char::is_uppercase) && self.role_word_at(k).is_some()
    }

    /// A word written in lowercase, or capitalised only because it opens the sentence (`Police`
    /// in `Police press officer X said`): all before it is punctuation, and it is a common noun.
    fn lowercase_noun(&self, i: usize) -> bool {
        self.lowercase_word(i) && (self.tr.form(i).chars().next().is_some_and(char::is_lowercase) || self.tr.upos(i) == "NOUN")
    }

    /// The end of a run of lowercase adjectives or participles from `i` (`senior`, `high-ranking`,
    /// `founding`) when a capitalised word (or a name the recogniser found) follows it that opens a
    /// name with a role noun right after it (`Vela Party member`): the run modifies the role.
    /// `None` otherwise.
    fn modifiers_before_owner(&self, i: usize, limit: usize) -> Option<usize> {
        let tr = self.tr;
        let modifier = |k: usize| {
            let lower = tr.form(k).chars().next().is_some_and(char::is_lowercase);
            let describes = tr.upos(k) == "ADJ" || (tr.upos(k) == "VERB" && tr.rel(k) == "amod");
            // the hyphen inside `high-ranking`, written against both words
            let hyphen = tr.form(k) == "-" && k > i && !tr.t[k - 1].space_after && !tr.t[k].space_after;
            (lower && describes && self.ment_at(k).is_none() && self.role_word_at(k).is_none()) || hyphen
        };
        let mut e = i;
        while e < limit && modifier(e) {
            e += 1;
        }
        // the name may be written lowercase (`al-Vela member`) when the recogniser found it
        let named = self.ment_at(e).is_some_and(|(s, _)| s == e);
        if e == i || e >= limit || tr.form(e - 1) == "-" || !(tr.form(e).chars().next().is_some_and(char::is_uppercase) || named) {
            return None;
        }
        let run = self.name_run(e)?;
        (run < limit && self.role_word_at(run).is_some()).then_some(e)
    }

    /// A word written in lowercase or capitalised only as the sentence's first word.
    fn lowercase_word(&self, i: usize) -> bool {
        let tr = self.tr;
        let first = tr.form(i).chars().next();
        first.is_some_and(char::is_lowercase) || (first.is_some_and(char::is_uppercase) && (0..i).all(|k| tr.is_punct(k)))
    }

    /// The run of common nouns among a role's modifiers that ends on an owner noun ([`OWNER_NOUNS`]),
    /// the last such run: `fire service` of `fire service spokesman`, `police` of `police press
    /// officer` (`press` stays a modifier). Modifiers before it (`former`) stay the role's.
    fn owner_in_modifiers(&self, mods: &[usize]) -> Option<Vec<usize>> {
        let tr = self.tr;
        let noun = |k: usize| tr.upos(k) == "NOUN" && self.lowercase_noun(k) && self.ment_at(k).is_none();
        let last = mods.iter().rposition(|&k| noun(k) && !tr.has_feat(k, "Number=Plur") && tr.lemma_is(k, OWNER_NOUNS))?;
        let mut first = last;
        // the owner's own words in front: nouns, and adjectives that are no role modifier (`high
        // school teacher` → teacher of high school; `former school teacher` keeps `former`)
        let own = |k: usize| noun(k) || (tr.upos(k) == "ADJ" && self.lowercase_word(k) && !tr.lemma_is(k, ROLE_MODIFIERS));
        while first > 0 && mods[first - 1] + 1 == mods[first] && own(mods[first - 1]) {
            first -= 1;
        }
        Some(mods[first..=last].to_vec())
    }

    /// `study` in `the study's ...`: a run of lowercase adjectives and nouns ending on a noun that
    /// is no role word, followed by a possessive marker; the run's end.
    fn common_possessor(&self, i: usize, limit: usize) -> Option<usize> {
        let tr = self.tr;
        let mut e = i;
        while e < limit && matches!(tr.upos(e), "ADJ" | "NOUN") && tr.form(e).chars().next().is_some_and(char::is_lowercase) && self.ment_at(e).is_none() {
            e += 1;
        }
        let ends_on_noun = e > i && tr.upos(e - 1) == "NOUN" && self.role_word_at(e - 1).is_none();
        (ends_on_noun && e + 1 < limit && self.is_poss(e)).then_some(e)
    }

    /// The props of one role phrase for the person `name`.
    pub(super) fn emit_role(&self, rule: &'static str, name: &Part, np: &RoleNp, out: &mut Vec<Prop>) {
        let tr = self.tr;
        for (ri, r) in np.roles.iter().enumerate() {
            let front_owned = np.front.is_some() && ri + 1 < np.roles.len();
            let owner_of_role = if front_owned { np.front.as_ref() } else { np.owner.as_ref() };
            let prep_of_role = if front_owned { None } else { np.prep };
            // hyphen splits join without spaces (`secretary-general`), other words with one
            // (`secretary of state`)
            let mut role_text = String::new();
            for (n, &k) in r.toks.iter().enumerate() {
                let f = tr.form(k).to_lowercase();
                if n > 0 && f != "-" && tr.form(k - 1) != "-" {
                    role_text.push(' ');
                }
                role_text.push_str(&f);
            }
            let mut role_text = role_text.replace("--", "-");
            // a title shared by several names (`Senators X and Y`) names one role each
            if r.toks.len() == 1 && tr.has_feat(r.toks[0], "Number=Plur") && role_or_kin(&tr.lemma(r.toks[0]).to_lowercase()).is_some() {
                role_text = tr.lemma(r.toks[0]).to_lowercase();
            }
            let mods: Vec<String> = r.mods.iter().map(|&k| self.modifier_word(k)).collect();
            let head = *r.toks.last().unwrap();
            let kin = KIN_NOUNS.contains(&role_text.as_str()) || KIN_NOUNS.contains(&tr.lemma(head).to_lowercase().as_str());
            if let Some((owner, nationality)) = owner_of_role.filter(|(_, nat)| !(kin && *nat)) {
                let prep = match prep_of_role {
                    Some(pt) => tr.form(pt).to_lowercase(),
                    None if r.occupation && *nationality => "from".to_owned(),
                    None => "of".to_owned(),
                };
                // a word of the owner's name read as a modifier too (`Tarn Front leader X`) is
                // the owner's, not the role's
                // (an owner read from the role's own words, `role:unowned`, keeps them all)
                let apart = owner.text.is_none() && !owner.toks.contains(&head);
                let owner_name = self.ment_at(owner.head).filter(|&m| r.toks.iter().all(|&k| self.ment_at(k) != Some(m)));
                let mods: Vec<String> = r
                    .mods
                    .iter()
                    .filter(|&&k| !apart || !owner.toks.contains(&k) && (owner_name.is_none() || self.ment_at(k) != owner_name))
                    .map(|&k| self.modifier_word(k))
                    .collect();
                let mut words = mods.join(" ");
                if !words.is_empty() {
                    words.push(' ');
                }
                words.push_str(&role_text);
                words.push(' ');
                words.push_str(&prep);
                let lit = Lit {
                    words,
                    verb: None,
                    noun: Some(role_text.clone()),
                    mods: mods.clone(),
                    prep: Some(prep),
                };
                let mut p = self.lit_prop(rule, head, name.clone(), lit, owner.clone(), 0.7);
                p.carb = false;
                out.push(p);
                if prep_of_role.map_or(true, |pt| tr.lemma_is(pt, &["of"])) && (tr.lemma_is(head, SPOUSE_NOUNS) || tr.form_is(head, SPOUSE_NOUNS)) {
                    let lit = Lit {
                        words: "married to".into(),
                        verb: None,
                        noun: Some("married".into()),
                        mods: Vec::new(),
                        prep: Some("to".into()),
                    };
                    let mut q = self.lit_prop(rule, head, owner.clone(), lit, name.clone(), 0.65);
                    q.carb = false;
                    out.push(q);
                }
            }
            // `Lead author X said`, `co-author X`, `Another co-author, X,`: an author qualified as
            // one of several (lead, co-, first, senior, corresponding) is an author of a research
            // paper, which news calls the study; with no owner written, that study is the owner
            // (the document's own study: the node `study`, as `study co-author X` gives)
            if owner_of_role.is_none() && !kin && self.research_author(&role_text, &mods) {
                // (`study co-author X` with `study` read as a modifier: the owner, not a rank)
                let ranks: Vec<String> = mods.iter().filter(|m| m.as_str() != "study").cloned().collect();
                let mut words = ranks.join(" ");
                if !words.is_empty() {
                    words.push(' ');
                }
                words.push_str(&role_text);
                words.push_str(" of");
                let lit = Lit { words, verb: None, noun: Some(role_text.clone()), mods: ranks, prep: Some("of".into()) };
                let study = Part { head, toks: r.toks.clone(), min: r.toks.clone(), poss_after: None, text: Some("study") };
                let mut p = self.lit_prop(rule, head, name.clone(), lit, study, 0.6);
                p.carb = false;
                out.push(p);
            }
            // `Judge X`, `the prime minister, X,`, `opposition leader X`: a position with no owner
            // is still what the person is (an occupation is, below)
            // (one holder, no name among its words, and an apposition closed where the role ends:
            // not `two different Presidents, X,` nor `X, Labour MP (…) Y,`)
            let closed = rule != "role:appos"
                || np.end >= tr.len()
                || matches!(tr.form(np.end), "," | "." | ";" | "who")
                || (tr.lemma_is(np.end, &["and"]) && (self.is_det(np.end + 1) || self.is_poss_pronoun(np.end + 1)));
            let bare_position = !r.occupation
                && !kin
                && owner_of_role.is_none()
                && matches!(rule, "role:title" | "role:appos" | "role:preposed")
                && closed
                && !tr.has_feat(head, "Number=Plur")
                && r.mods.iter().chain(r.toks.iter()).all(|&k| self.ment_at(k).is_none())
                && self.telling_position(r, rule == "role:title");
            // (`X, formerly a professor at Y`: what one was is not what one is)
            let past = r.mods.iter().any(|&k| self.past_adverb(k));
            if (r.occupation || bare_position) && !past {
                // (`current`, `new`, `third`: the role fact says it is held now, or which one it
                // was; not part of what one is)
                const NOW: &[&str] = &[
                    "current", "new", "newly", "incumbent", "sitting", "outgoing", "exiting", "departing", "retiring", "first",
                    "second", "third", "fourth", "fifth", "last", "next", "previous", "different", "other", "another",
                ];
                let now = |k: &usize| bare_position && (tr.lemma_is(*k, NOW) || tr.form_is(*k, NOW) || tr.upos(*k) == "NUM");
                let mut toks: Vec<usize> = r.mods.iter().copied().filter(|k| !now(k)).chain(r.toks.iter().copied()).collect();
                // an owner taken from the words in front stays in what the person is (`is a
                // university professor`, not `is a professor`)
                if let Some((o, false)) = owner_of_role
                    && np.prep.is_none()
                    && o.text.is_none()
                    && o.toks.iter().all(|&k| matches!(tr.upos(k), "NOUN" | "ADJ") && self.ment_at(k).is_none())
                {
                    let mut all: Vec<usize> = o.toks.iter().copied().chain(toks.iter().copied()).collect();
                    all.sort_unstable();
                    all.dedup();
                    // one unbroken phrase in front of the role (`former high school teacher`)
                    if all.windows(2).all(|w| w[0] + 1 == w[1]) {
                        toks = all;
                    }
                }
                out.push(self.is_a_prop(rule, head, name.clone(), toks, 0.6));
            }
        }
    }

    /// Whether a role is one author among several of a paper: `co-author`/`coauthor`, or `author`
    /// qualified as `lead`, `first`, `senior`, `corresponding`, `principal` or `co-` (a bare
    /// `author` writes books).
    fn research_author(&self, role_text: &str, mods: &[String]) -> bool {
        const RANKS: &[&str] = &["lead", "co", "co-", "first", "senior", "corresponding", "principal"];
        let ranked = mods.iter().any(|m| m.split('-').any(|w| RANKS.contains(&w)));
        matches!(role_text, "co-author" | "coauthor" | "co-lead author") || (role_text == "author" && ranked)
    }

    /// A graph-only `is a` fact: `subj` – is a – the phrase `toks` with its head at `head`.
    pub(super) fn is_a_prop(&self, rule: &'static str, head: usize, subj: Part, toks: Vec<usize>, conf: f32) -> Prop {
        let obj = Part {
            head,
            toks: toks.clone(),
            min: toks,
            poss_after: None,
            text: None,
        };
        let lit = Lit {
            words: "is a".into(),
            verb: Some("be"),
            ..Default::default()
        };
        let mut p = self.lit_prop(rule, head, subj, lit, obj, conf);
        p.carb = false;
        p
    }

    /// Whether a position without an owner still tells what the person is (`the judge, X,`, `the
    /// prime minister, X,`, `opposition leader X`): not a past one (`late`, `then`), and not a
    /// bare noun that needs its owner to mean anything (`member`, `head`, `director`) unless a
    /// word of its own qualifies it (`opposition leader`, `police officer`). A bare title in
    /// front of the name (`President X`, `Archbishop X`) only when so qualified: the title is
    /// how the text names the person (its office is `role:unowned`'s, and a node named by the
    /// bare title reads as a description left unresolved).
    fn telling_position(&self, r: &RoleWord, in_front: bool) -> bool {
        let tr = self.tr;
        if r.mods.iter().any(|&m| tr.lemma_is(m, &["late", "then", "future", "would-be"])) {
            return false;
        }
        let head = *r.toks.last().unwrap_or(&0);
        const TIME_WORDS: &[&str] =
            &["former", "acting", "interim", "incoming", "outgoing", "exiting", "departing", "retiring", "current", "new", "newly", "elected", "incumbent", "sitting"];
        let time_word = |m: usize| tr.lemma_is(m, TIME_WORDS) || tr.form_is(m, TIME_WORDS);
        // in front of a name, words of the title itself (`Prime`, `Foreign`, `Deputy`) or the
        // holder's party qualify nothing: `opposition` of `opposition leader X` does
        // (a lowercase word: a capitalised one in front is a nationality or part of a name)
        let title_word = |m: usize| {
            tr.lemma_is(m, ROLE_MODIFIERS) || tr.form_is(m, MINISTRY_WORDS) || super::origin::is_party_word(tr.form(m)) || !self.lowercase_noun(m)
        };
        let qualifier = |m: usize| !time_word(m) && !(in_front && title_word(m));
        // `Democratic challenger former Vice President X`: a time word after a qualifier starts a
        // second description run into the title
        let run_together = r.mods.iter().position(|&m| qualifier(m)).is_some_and(|q| r.mods[q..].iter().any(|&m| time_word(m)));
        let qualified = r.mods.iter().any(|&m| qualifier(m));
        // `Judge X`, `Prosecutor X`: a court office is a calling of its own, whoever holds it
        // (unlike `President X`, whose office needs its country)
        let court_office = in_front && r.mods.is_empty() && r.toks.len() == 1 && (tr.lemma_is(head, COURT_OFFICES) || tr.form_is(head, COURT_OFFICES));
        court_office || (!(in_front && run_together) && (qualified || (!in_front && !tr.lemma_is(head, OWNER_NEEDING_POSITIONS))))
    }

    /// Whether the role word at `k` takes its owner with `to` (`ambassador to Y`, `adviser to Y`).
    fn takes_to(&self, k: usize) -> bool {
        let tr = self.tr;
        tr.lemma_is(k, TO_ROLES) || tr.form_is(k, TO_ROLES)
    }

    /// Person names of the sentence: `Person` mentions, without leading role words.
    pub(super) fn person_names(&self) -> Vec<(usize, usize)> {
        let tr = self.tr;
        let mut out = Vec::new();
        let mut i = 0;
        while i < tr.len() {
            match (self.ment_at(i), self.kind_at(i)) {
                (Some((s, e)), Some(EntityType::Person)) if s == i && e <= tr.len() => {
                    let mut s = s;
                    while s + 1 < e && (self.role_word_at(s).is_some() || tr.lemma_is(s, ROLE_MODIFIERS) || demonym_country(tr.form(s)).is_some() || tr.form_is(s, HONORIFICS)) {
                        s += 1;
                    }
                    out.push((s, e));
                    i = e;
                }
                _ => i += 1,
            }
        }
        out
    }

    /// All role facts of the sentence.
    pub fn role_props(&self, out: &mut Vec<Prop>) {
        let tr = self.tr;
        let n = tr.len();
        for (s, e) in self.person_names() {
            let mut name = self.span_part(s, e);
            // `Kim Dal-soon`: the tokenizer splits a hyphenated given name and may tag its
            // lowercase second part an adverb or a preposition; the name's head is its last
            // nominal word (a fact whose subject head is no noun is dropped)
            if !matches!(tr.upos(name.head), "PROPN" | "NOUN")
                && let Some(h) = (s..e).rev().find(|&k| matches!(tr.upos(k), "PROPN" | "NOUN"))
            {
                name.head = h;
            }
            // in front: `Tongan Prime Minister X`, `Y's chief executive X`
            if let Some(start) = self.role_start_before(s) {
                // `a critic of Latvian president X`: a role noun of the owner's phrase right before
                // the name is the name's title; the outer role is someone's relation to X
                let inner_title = |np: &RoleNp| {
                    s > 0 && tr.upos(s - 1) == "NOUN" && self.role_word_at(s - 1).is_some() && np.roles.iter().all(|r| !r.toks.contains(&(s - 1)))
                };
                // `senior advisor to Vell's Governor X`: a phrase that runs over `to` or `from` from
                // an earlier role may not parse to the name; the title then starts after it
                let parsed = self.role_np(start, s).filter(|np| np.end == s && !inner_title(np)).map(|np| (start, np)).or_else(|| {
                    let k = (start..s).rev().find(|&k| tr.lemma_is(k, &["to", "from"]) && tr.upos(k) == "ADP")?;
                    self.role_np(k + 1, s).filter(|np| np.end == s && !inner_title(np)).map(|np| (k + 1, np))
                });
                if let Some((start, np)) = parsed {
                    self.emit_role("role:title", &name, &np, out);
                    // `Vela Party leader and Prime Minister X`: the title before `and` is X's too
                    if let Some(front) = self.coordinated_title_before(start) {
                        self.emit_role("role:title", &name, &front, out);
                    }
                }
            }
            // after, between commas: `X, the mayor of Y,`
            if e + 1 < n && tr.form(e) == "," {
                if let Some(np) = self.role_np(e + 1, n) {
                    if np.end >= n || tr.is_punct(np.end) || tr.lemma_is(np.end, &["who", "and"]) {
                        self.emit_role("role:appos", &name, &np, out);
                    }
                    // `X, his wife and the current chair of Y,`: a second role phrase after `and`
                    // that closes the apposition is X's too
                    if np.end + 1 < n && tr.lemma_is(np.end, &["and"]) && (self.is_det(np.end + 1) || self.is_poss_pronoun(np.end + 1))
                        && let Some(second) = self.role_np(np.end + 1, n).filter(|np| np.end >= n || tr.is_punct(np.end))
                    {
                        self.emit_role("role:appos", &name, &second, out);
                    }
                }
                self.age_props(&name, e + 1, out);
            } else if e + 1 < n && tr.form(e).eq_ignore_ascii_case("aged") {
                // `X aged 41 and Y aged 13 died`
                self.age_props(&name, e, out);
            }
            // after a copula: `X is a professor at Y`, `X was the mayor of Y` (the tree reads the
            // role as the predicate and hangs `at Y` on the role noun, losing who holds it)
            self.copula_role(&name, e, out);
            // before, between commas: `The governor of Y, X, said`, also across a title of the
            // name's own (`Y's chief analyst, economist X, said`)
            // (an honorific of the name's own, `…, Dr X, said`, is no role and stays with the name)
            let anchor = self.title_start(s).unwrap_or_else(|| self.past_honorifics(s, 0));
            // (not when the phrase is itself an apposition to a person before it: in `Ana Reyes,
            // the mayor of Vell, Norvia,` the name after it is no holder but a place the model
            // mistook for a person, and the role is Ana Reyes's)
            let after_person = anchor >= 2
                && self.role_start_before(anchor - 1).is_some_and(|b| b >= 2 && tr.form(b - 1) == "," && self.kind_at(b - 2) == Some(EntityType::Person));
            // (and only across a title of the name's own without an owner: a name with an owned
            // title in front, `Y President X`, is an item of a list after a comma, not an apposition)
            let own_office = anchor < s && self.role_np(anchor, s).is_some_and(|np| np.owner.is_some());
            if anchor >= 2 && tr.form(anchor - 1) == "," && !after_person && !own_office && (e >= n || tr.is_punct(e) || self.unclosed_apposition(anchor, e)) {
                if let Some(np) = self.role_np_ending(anchor - 1) {
                    self.emit_role("role:preposed", &name, &np, out);
                }
            }
        }
        // `He is a professor at Y`: a personal pronoun as the copula's subject (the resolver
        // replaces it by the person it stands for)
        for i in 0..n {
            if tr.upos(i) != "PRON" || !tr.form_is(i, &["he", "she"]) {
                continue;
            }
            self.copula_role(&self.span_part(i, i + 1), i + 1, out);
        }
        self.origin_props(out);
        self.affiliation_props(out);
        self.shared_origin_props(out);
    }

    /// `Vela Party leader and Prime Minister X`, `study co-author and lab director X`: a complete
    /// role phrase, then `and`, then the title that starts at `start` right in front of the name.
    /// Two titles each with its own owner (or none) are two roles of the one person; the phrase
    /// before `and` is returned when it parses to its end. (Titles joined under one owner, `the
    /// firm's President and CEO X`, are one phrase already: `start` is then not after `and`.)
    /// Not for a list of people (`the mayor, the coach and Prime Minister X`, `the coach and
    /// Prime Minister X`): the phrase before `and` must start its clause without a determiner.
    fn coordinated_title_before(&self, start: usize) -> Option<RoleNp> {
        let tr = self.tr;
        if start < 2 || !tr.lemma_is(start - 1, &["and"]) || tr.upos(start - 1) != "CCONJ" {
            return None;
        }
        let and = start - 1;
        let front = self.role_start_before(and)?;
        // `the union leader and Prime Minister X` may be two people; bare titles are one
        if (front > 0 && tr.form(front - 1) == ",") || self.is_det(front) {
            return None;
        }
        let np = self.role_np(front, and).filter(|np| np.end == and)?;
        // a role phrase with no owner says nothing about whom the role is held at
        (np.owner.is_some() || np.roles.iter().any(|r| r.occupation)).then_some(np)
    }

    /// `The union's leader, X resigned`: a role phrase that opens the sentence, a comma, the name
    /// (from `anchor`, ending before `e`) and its verb, with the comma that closes the apposition
    /// left out (a frequent slip in news copy). Only at the sentence start and with a verb right
    /// after the name: `the mayor, X and Y met` is a list, and mid-sentence the phrase may be an
    /// object (`met the union's leader, X said`).
    fn unclosed_apposition(&self, anchor: usize, e: usize) -> bool {
        let tr = self.tr;
        e < tr.len() && matches!(tr.upos(e), "VERB" | "AUX") && self.role_start_before(anchor - 1) == Some(0)
    }

    /// Where a role phrase may start after a person's name ending before `e` when a form of `be`
    /// follows it (`is`, `was`, `has been`, with `also`/`now`/`currently` between): the name is
    /// the copula's subject. A negated copula (`is not`) gives none, as the phrase then never
    /// parses (`not` starts no role phrase).
    fn role_after_copula(&self, e: usize) -> Option<usize> {
        let tr = self.tr;
        let n = tr.len();
        let is_be = |k: usize| k < n && tr.upos(k) == "AUX" && (tr.lemma_is(k, &["be"]) || tr.form_is(k, &["is", "was", "are", "were", "been"]));
        let mut k = e;
        if k + 1 < n && tr.upos(k) == "AUX" && tr.lemma_is(k, &["have", "has", "had"]) && is_be(k + 1) {
            k += 1;
        }
        if !is_be(k) {
            return None;
        }
        k += 1;
        // (a past adverb stays: the role phrase reads it, `was formerly the mayor` → former mayor)
        while k < n && tr.lemma_is(k, &["also", "now", "currently", "still"]) {
            k += 1;
        }
        (k < n).then_some(k)
    }

    /// `X is a professor at Y` → X – professor at – Y, for the subject `name` ending before `e`:
    /// the role phrase after the copula must reach the clause's end.
    fn copula_role(&self, name: &Part, e: usize, out: &mut Vec<Prop>) {
        let tr = self.tr;
        let n = tr.len();
        let Some(c) = self.role_after_copula(e) else { return };
        if let Some(np) = self.role_np(c, n).filter(|np| self.copula_owner(np))
            && (np.end >= n || tr.is_punct(np.end) || tr.lemma_is(np.end, &["who", "and", "since"]))
        {
            self.emit_role("role:copula", name, &np, out);
        }
    }

    /// Whether a role phrase after a copula names whom the role is held at: an owner, not one
    /// after `with` (`is a businessman with a sharp mind` describes the person, no employer).
    fn copula_owner(&self, np: &RoleNp) -> bool {
        let Some((owner, nationality)) = &np.owner else { return false };
        // an owner in front must be a named entity, a demonym or a possessor: a capitalised title
        // word is not (`is a former Town Clerk`); a possessor is (`was her co-pilot`, `is the firm's lawyer`)
        let possessor = owner.toks.first().is_some_and(|&k| self.is_poss_pronoun(k)) || owner.toks.last().is_some_and(|&k| self.is_poss(k + 1));
        let named = np.prep.is_some() || *nationality || possessor || owner.toks.first().is_some_and(|&k| self.ment_at(k).is_some());
        named && !np.prep.is_some_and(|p| self.tr.lemma_is(p, &["with"]))
    }

    /// Where the title right in front of the name at `s` starts (`senior economist` in
    /// `senior economist X`), if one is there.
    /// The start of the honorifics right in front of the name starting at `s` (`Dr`, `Mrs`), not
    /// before `floor`; `s` when there are none.
    pub(super) fn past_honorifics(&self, s: usize, floor: usize) -> usize {
        let mut a = s;
        while a > floor && self.tr.form_is(a - 1, HONORIFICS) {
            a -= 1;
        }
        a
    }

    fn title_start(&self, s: usize) -> Option<usize> {
        let start = self.role_start_before(s)?;
        (start..s).find(|&k| self.role_np(k, s).is_some_and(|np| np.end == s))
    }

    /// The role phrase ending just before `end`, from the first token after the clause boundary
    /// where one parses (`news source Y's editor`: the phrase starts at `Y`). Used between commas
    /// only: in front of a name, later starts add many titles, some with a wrong owner.
    fn role_np_ending(&self, end: usize) -> Option<RoleNp> {
        let start = self.role_start_before(end)?;
        (start..end).find_map(|k| self.role_np(k, end).filter(|np| np.end == end))
    }

    /// Where a role phrase ending just before `end` may start: after the nearest clause boundary
    /// (punctuation other than hyphens, a verb, a preposition other than `of`/`at`/`for`, or the
    /// sentence start), at the first token that parses.
    pub(super) fn role_start_before(&self, end: usize) -> Option<usize> {
        let tr = self.tr;
        let mut b = end;
        while b > 0 {
            let j = b - 1;
            if self.is_poss_pronoun(j) {
                b = j;
                break;
            }
            // a word inside the name of a place or an organisation is no boundary, whatever the
            // tagger made of it (`United` of `the United States` tagged a verb in `President of
            // the United States X`)
            let in_name = self.ment_at(j).is_some_and(|(ms, me)| me - ms > 1)
                && !matches!(self.kind_at(j), None | Some(EntityType::Person | EntityType::Date | EntityType::Quantity | EntityType::Money))
                && !tr.is_punct(j);
            if in_name {
                b = j;
                continue;
            }
            // `the death of cosmonaut X`: `of` after a common noun that is no role ends the phrase
            // (after a role it continues the title: `Secretary of State X`, `chief of staff X`)
            let of_after_noun = tr.lemma_is(j, &["of", "at", "for"])
                && j > 0
                && tr.upos(j - 1) == "NOUN"
                && tr.form(j - 1).chars().next().is_some_and(char::is_lowercase)
                && self.role_word_at(j - 1).is_none();
            let boundary = of_after_noun
                || (tr.is_punct(j) && tr.form(j) != "-" && tr.form(j) != "&" && !self.is_poss(j))
                || matches!(tr.upos(j), "VERB" | "AUX" | "PRON" | "SCONJ" | "NUM")
                // `from` and `to` only right after a role (`Senator from Y X`, `Ambassador to Y
                // X`); elsewhere they open a phrase of their own (`a letter from Senator X`,
                // `according to Senator X`)
                || (tr.upos(j) == "ADP"
                    && !tr.lemma_is(j, &["of", "at", "for"])
                    && !(tr.lemma_is(j, &["from"]) && j > 0 && self.role_word_at(j - 1).is_some())
                    && !(tr.lemma_is(j, &["to"]) && j > 0 && self.role_word_at(j - 1).is_some() && self.takes_to(j - 1)))
                || (tr.upos(j) == "CCONJ" && self.role_word_at(j + 1).is_none());
            if boundary {
                break;
            }
            b = j;
        }
        (b < end).then_some(b)
    }

    /// `X, 41,` and `X, aged 41,` → X – aged – 41; `X, a 41-year-old farmer,` (or `a
    /// three-year-old`) too.
    fn age_props(&self, name: &Part, i: usize, out: &mut Vec<Prop>) {
        let tr = self.tr;
        let n = tr.len();
        if i + 1 < n && tr.lemma_is(i, &["a", "an"]) && let Some((age, _)) = self.age_compound_at(i + 1) {
            let mut obj = self.span_part(i + 1, i + 2);
            obj.text = Some(age);
            self.push_role_age(name, i + 1, obj, out);
            return;
        }
        let j = if i < n && tr.form(i).eq_ignore_ascii_case("aged") { i + 1 } else { i };
        if j + 1 >= n || tr.upos(j) != "NUM" || !tr.is_punct(j + 1) {
            return;
        }
        let Ok(age) = tr.form(j).parse::<u32>() else { return };
        if !(1..=120).contains(&age) {
            return;
        }
        let lit = Lit {
            words: "aged".into(),
            verb: None,
            noun: Some("age".into()),
            ..Default::default()
        };
        let obj = self.span_part(j, j + 1);
        let mut p = self.lit_prop("role:age", j, name.clone(), lit, obj, 0.7);
        p.carb = false;
        out.push(p);
    }

    fn push_role_age(&self, name: &Part, at: usize, obj: Part, out: &mut Vec<Prop>) {
        let lit = Lit {
            words: "aged".into(),
            verb: None,
            noun: Some("age".into()),
            ..Default::default()
        };
        let mut p = self.lit_prop("role:age", at, name.clone(), lit, obj, 0.7);
        p.carb = false;
        out.push(p);
    }
}

#[cfg(test)]
mod tests;
