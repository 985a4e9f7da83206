//! Closed word lists for the tokenizer and the sentence splitter (abbreviations, hyphen
//! prefixes, units, contractions, sentence starters). Lookups are `match`es on lowercase ASCII,
//! which the compiler turns into fast comparisons; nothing is allocated.

/// Abbreviations that take a final period (lowercased, without the period). Dotted forms
/// (`U.S.`, `e.g.`) and single-letter initials are recognised by shape, not listed here.
pub fn is_abbreviation(w: &str) -> bool {
    if w.len() > 6 || !w.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let mut buf = [0u8; 6];
    for (i, b) in w.bytes().enumerate() {
        buf[i] = b.to_ascii_lowercase();
    }
    let l = &buf[..w.len()];
    // words that are also ordinary lowercase words (`sat.`, `sun.`, `rep.`) are abbreviations
    // only when capitalised
    if w.as_bytes()[0].is_ascii_lowercase()
        && matches!(
            l,
            b"sat"
                | b"sun"
                | b"wed"
                | b"mon"
                | b"mar"
                | b"dec"
                | b"art"
                | b"col"
                | b"gen"
                | b"rep"
                | b"reps"
                | b"rev"
                | b"det"
                | b"hon"
                | b"fig"
                | b"sec"
                | b"secs"
                | b"min"
                | b"est"
                | b"dir"
                | b"div"
                | b"pl"
                | b"sq"
                | b"mt"
                | b"pres"
                | b"fr"
                | b"amb"
                | b"maj"
                | b"dep"
                | b"cos"
                | b"sens"
                | b"ave"
        )
    {
        return false;
    }
    if matches!(
        l,
        b"no" | b"nos" | b"op" | b"pp" | b"art" | b"vol" | b"fig" | b"ch" | b"sec" | b"ext" | b"tel" | b"fax"
    ) {
        // `No. 5`, `Vol. 2`: only capitalised (lowercase `no.` ends sentences)
        return w.as_bytes()[0].is_ascii_uppercase() || matches!(l, b"pp" | b"ext");
    }
    is_title(l)
        || is_month_or_day(l)
        || is_company(l)
        || matches!(
            l,
            b"etc"
                | b"vs"
                | b"al"
                | b"cf"
                | b"viz"
                | b"esp"
                | b"approx"
                | b"attn"
                | b"dept"
                | b"est"
                | b"misc"
                | b"yrs"
                | b"hrs"
                | b"mins"
                | b"min"
                | b"secs"
                | b"oz"
                | b"lb"
                | b"lbs"
                | b"ft"
                | b"mt"
                | b"st"
                | b"ave"
                | b"blvd"
                | b"rd"
                | b"hwy"
                | b"apt"
                | b"arrv"
                | b"dep"
                | b"govt"
                | b"intl"
                | b"natl"
                | b"univ"
                | b"ect"
                | b"sts"
                | b"ps"
                | b"assn"
                | b"mgr"
                | b"mgmt"
                | b"dir"
                | b"div"
                | b"eg"
                | b"ie"
                | b"pl"
                | b"sq"
                | b"ca"
        )
}

/// Titles before a name: never end a sentence.
pub fn is_title(l: &[u8]) -> bool {
    matches!(
        l,
        b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"prof"
            | b"sr"
            | b"jr"
            | b"gen"
            | b"col"
            | b"lt"
            | b"sgt"
            | b"capt"
            | b"cpt"
            | b"cmdr"
            | b"adm"
            | b"maj"
            | b"gov"
            | b"sen"
            | b"rep"
            | b"reps"
            | b"rev"
            | b"hon"
            | b"pres"
            | b"fr"
            | b"messrs"
            | b"mme"
            | b"mlle"
            | b"supt"
            | b"insp"
            | b"det"
            | b"cpl"
            | b"pvt"
            | b"brig"
            | b"lieut"
            | b"amb"
            | b"sens"
            | b"atty"
            | b"mssrs"
            | b"drs"
            | b"profs"
    )
}

fn is_month_or_day(l: &[u8]) -> bool {
    matches!(
        l,
        b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"mon"
            | b"tue"
            | b"tues"
            | b"wed"
            | b"thu"
            | b"thur"
            | b"thurs"
            | b"fri"
            | b"sat"
            | b"sun"
    )
}

fn is_company(l: &[u8]) -> bool {
    matches!(
        l,
        b"inc" | b"corp" | b"co" | b"ltd" | b"llc" | b"bros" | b"plc" | b"cos"
    )
}

/// Abbreviations that commonly end a sentence as well (`… and Co.`, `… in the U.S.`):
/// the splitter ends the sentence after them only before a typical sentence opener.
/// `l` is the lowercased word without its final period.
pub fn can_end_sentence(l: &[u8]) -> bool {
    is_company(l)
        || is_month_or_day(l)
        || matches!(
            l,
            b"etc" | b"ect" | b"jr" | b"sr" | b"al" | b"esp" | b"approx" | b"yrs" | b"hrs" | b"mins" | b"lbs"
        )
}

/// Abbreviations that never end a sentence (titles, `vs.`, `No.`, months before a day).
pub fn never_ends_sentence(l: &[u8]) -> bool {
    (is_title(l) && !matches!(l, b"jr" | b"sr"))
        || matches!(
            l,
            b"vs"
                | b"no"
                | b"nos"
                | b"st"
                | b"mt"
                | b"ft"
                | b"cf"
                | b"op"
                | b"pp"
                | b"vol"
                | b"fig"
                | b"art"
                | b"ch"
                | b"tel"
                | b"fax"
                | b"ext"
                | b"eg"
                | b"ie"
                | b"attn"
        )
}

/// Prefixes EWT keeps attached with their hyphen (`non-profit`, `pre-war`, `e-mail`).
pub fn is_hyphen_prefix(part: &str) -> bool {
    if part.len() > 6 {
        return false;
    }
    let mut buf = [0u8; 6];
    for (i, b) in part.bytes().enumerate() {
        buf[i] = b.to_ascii_lowercase();
    }
    matches!(
        &buf[..part.len()],
        b"e" | b"a"
            | b"anti"
            | b"pre"
            | b"non"
            | b"co"
            | b"re"
            | b"post"
            | b"mid"
            | b"ex"
            | b"multi"
            | b"semi"
            | b"pro"
            | b"over"
            | b"sub"
            | b"neo"
            | b"cross"
            | b"psycho"
            | b"socio"
            | b"counter"
            | b"un"
            | b"bi"
            | b"tri"
            | b"micro"
            | b"macro"
            | b"mini"
            | b"ultra"
            | b"extra"
            | b"hyper"
            | b"infra"
            | b"intra"
            | b"meta"
            | b"pan"
            | b"quasi"
            | b"inter"
            | b"trans"
            | b"de"
            | b"mis"
            | b"uni"
            | b"geo"
            | b"bio"
            | b"eco"
            | b"euro"
            | b"afro"
            | b"vice"
    )
}

/// Units split from a preceding number (`5kg` → `5 kg`, `11:30am` → `11:30 am`).
pub fn is_unit(u: &str) -> bool {
    if u.len() > 4 {
        return false;
    }
    let mut buf = [0u8; 4];
    for (i, b) in u.bytes().enumerate() {
        if !b.is_ascii_alphabetic() {
            return false;
        }
        buf[i] = b.to_ascii_lowercase();
    }
    matches!(
        &buf[..u.len()],
        b"am"
            | b"pm"
            | b"kg"
            | b"km"
            | b"mm"
            | b"cm"
            | b"lb"
            | b"lbs"
            | b"oz"
            | b"mph"
            | b"kph"
            | b"mg"
            | b"ml"
            | b"gb"
            | b"mb"
            | b"kb"
            | b"tb"
            | b"ghz"
            | b"mhz"
            | b"kw"
            | b"mw"
            | b"bn"
            | b"yrs"
            | b"hrs"
            | b"hr"
            | b"min"
            | b"mins"
            | b"sec"
            | b"secs"
            | b"ft"
            | b"sqft"
            | b"k"
            | b"m"
            | b"g"
            | b"kms"
    )
}

/// Contractions written without an apostrophe (`dont`, `cannot`, `gonna`): where the second
/// word starts. `l` is the lowercased word.
pub fn bare_contraction(l: &[u8]) -> Option<usize> {
    Some(match l {
        b"dont" | b"didnt" | b"doesnt" | b"isnt" | b"wasnt" | b"cant" | b"wont" | b"couldnt" | b"wouldnt"
        | b"shouldnt" | b"arent" | b"werent" | b"havent" | b"hasnt" | b"hadnt" | b"aint" => l.len() - 2,
        b"cannot" => 3,
        b"gonna" | b"wanna" | b"gotta" => 3,
        b"im" | b"ive" => 1,
        b"youre" | b"theyre" => l.len() - 2,
        _ => return None,
    })
}

/// Capitalised words that typically open a sentence; after an ambiguous abbreviation
/// (`Inc.`, `U.S.`) the splitter ends the sentence only before one of these.
pub fn is_sentence_starter(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "I"
            | "He"
            | "She"
            | "It"
            | "We"
            | "They"
            | "You"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "But"
            | "And"
            | "So"
            | "In"
            | "On"
            | "At"
            | "For"
            | "If"
            | "When"
            | "What"
            | "Why"
            | "How"
            | "Who"
            | "My"
            | "Our"
            | "Their"
            | "His"
            | "Her"
            | "Its"
            | "As"
            | "After"
            | "Also"
            | "However"
            | "Then"
            | "Now"
            | "Please"
            | "Thanks"
            | "Thank"
            | "Yes"
            | "No"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "One"
            | "Each"
            | "Both"
            | "While"
            | "Since"
            | "Although"
            | "Though"
            | "Because"
            | "Meanwhile"
            | "Moreover"
            | "Still"
            | "Yet"
            | "Or"
            | "Its'"
            | "Your"
            | "Here"
            | "Where"
            | "Today"
            | "Yesterday"
            | "Last"
            | "Next"
            | "During"
            | "Before"
            | "According"
            | "Under"
            | "With"
            | "By"
            | "To"
            | "From"
            | "Let"
            | "Do"
            | "Did"
            | "Does"
            | "Is"
            | "Are"
            | "Was"
            | "Were"
            | "Can"
            | "Will"
            | "Would"
            | "Should"
            | "Could"
            | "Have"
            | "Has"
            | "Had"
            | "Not"
            | "Even"
            | "Just"
            | "Only"
    )
}

/// Closing formulas of letters (`Thanks,` `Regards,`): a comma after one ends the sentence
/// before a capitalised word (EWT train: 75 of 84).
pub fn is_closing_formula(w: &str) -> bool {
    w.len() <= 12
        && matches!(
            w.to_ascii_lowercase().as_str(),
            "thanks" | "regards" | "sincerely" | "cheers" | "best" | "thx" | "cordially" | "respectfully"
        )
}
