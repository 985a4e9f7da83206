//! Hashed feature extraction for the NER tagger.
//!
//! In: the words of a sentence (with UPOS/XPOS when tagged, empty otherwise) and per-token gazetteer
//! flags. Out: for every token a fixed number of 64-bit feature hashes ([`N_STATIC`]) that do not
//! depend on predicted labels, plus [`N_DYNAMIC`] label-history features built during decoding.
//! Strings are hashed on the fly (lowercasing included), so nothing is allocated per token.

use super::lexicon::{Lexicon, WordClass};

/// Mixes a 64-bit value (murmur3 finaliser).
#[inline]
fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

#[inline]
fn f1(template: u64, a: u64) -> u64 {
    fmix(template.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a)
}

#[inline]
fn f2(template: u64, a: u64, b: u64) -> u64 {
    fmix(f1(template, a).rotate_left(23) ^ b.wrapping_mul(0x2545_f491_4f6c_dd1d))
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

#[inline]
fn fnv_byte(h: u64, b: u8) -> u64 {
    (h ^ b as u64).wrapping_mul(FNV_PRIME)
}

/// Hash of a string's bytes.
pub fn hash_str(s: &str) -> u64 {
    fmix(s.bytes().fold(FNV_OFFSET, fnv_byte))
}

#[inline]
fn fnv_char(h: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    c.encode_utf8(&mut buf).bytes().fold(h, fnv_byte)
}

/// Lowercase characters of a word (first char of each `to_lowercase` expansion is enough here).
#[inline]
fn lower(c: char) -> char {
    if c.is_ascii() { c.to_ascii_lowercase() } else { c.to_lowercase().next().unwrap_or(c) }
}

/// Hash of a word's lowercased characters (the key of [`super::lexicon::Lexicon`]).
pub fn lower_hash(word: &str) -> u64 {
    fmix(word.chars().map(lower).fold(FNV_OFFSET, fnv_char))
}

/// Per-token values the templates combine.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokInfo {
    pub word: u64,
    pub lower: u64,
    pub shape: u64,
    pub short: u64,
    pub pre: [u64; 3],
    pub suf: [u64; 4],
    pub upos: u64,
    pub xpos: u64,
    /// Bit 0 title-case, 1 all caps, 2 has digit, 3 has hyphen, 4 has letter, 5 title cue word.
    pub flags: u8,
    /// Gazetteer flags (see `gazetteer_flags` in the parent module), 0 when none.
    pub gaz: u32,
    /// Word classes from unlabelled text.
    pub cls: WordClass,
}

pub const FLAG_TITLE: u8 = 1;
pub const FLAG_UPPER: u8 = 2;
pub const FLAG_DIGIT: u8 = 4;
pub const FLAG_HYPHEN: u8 = 8;
pub const FLAG_ALPHA: u8 = 16;
pub const FLAG_CUE: u8 = 32;

/// Title and role words that typically precede a person's name (lowercase).
pub const TITLE_CUES: &[&str] = &[
    "president", "vice", "minister", "senator", "sen.", "governor", "gov.", "dr.", "dr", "mr.", "mr", "mrs.",
    "mrs", "ms.", "ms", "prof.", "professor", "ceo", "chairman", "chairwoman", "chair", "secretary", "king",
    "queen", "prince", "princess", "pope", "general", "gen.", "col.", "colonel", "sgt.", "lt.", "capt.",
    "captain", "rep.", "representative", "congressman", "congresswoman", "judge", "justice", "mayor",
    "chancellor", "premier", "ambassador", "spokesman", "spokeswoman", "spokesperson", "director", "sir",
    "lord", "lady", "leader", "counterpart", "commander", "officer", "coach", "pastor", "rev.", "reverend",
    "father", "sister", "brother", "uncle", "aunt", "st.", "sheikh", "shaikh", "ayatollah", "imam", "mullah",
    "founder", "chief", "envoy", "deputy", "attorney", "detective", "agent", "emperor", "sultan", "president-elect",
];

/// Regions, continents and sub-national places that the gazetteer (countries, cities,
/// organisations) lacks; matched case-insensitively, whole words. Two-letter state codes only in
/// capitals (see [`STATE_CODES`]).
pub const REGIONS: &[&str] = &[
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
    "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
    "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
    "nevada", "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio",
    "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas",
    "utah", "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming", "ontario", "quebec",
    "british columbia", "alberta", "manitoba", "nova scotia", "queensland", "new south wales", "victoria",
    "tasmania", "scotland", "wales", "england", "northern ireland", "europe", "asia", "africa", "america",
    "north america", "south america", "latin america", "central america", "middle east", "caribbean",
    "antarctica", "oceania", "scandinavia", "balkans", "gaza", "west bank", "kashmir", "tibet", "siberia",
    "bay area", "silicon valley", "manhattan", "brooklyn", "queens", "bronx", "hollywood", "long island",
    "mediterranean", "pacific", "atlantic", "persian gulf", "sahara", "amazon", "himalayas", "alps",
];
/// The states and provinces at the head of [`REGIONS`] (the 50 US states, then Canadian and
/// Australian ones up to `new south wales`): places a university system is named after.
pub const STATES_AND_PROVINCES: &[&str] = REGIONS.split_at(58).0;

/// Well-known companies, brands, media and other organisations (lowercase; matched
/// case-insensitively, whole words). Only a feature: the model learns how much to trust it.
pub const ORGANISATIONS: &[&str] = &[
    "google", "microsoft", "apple", "amazon", "facebook", "meta", "twitter", "yahoo", "yahoo !", "mozilla", "firefox",
    "netflix", "ebay", "paypal", "ibm", "intel", "amd", "nvidia", "oracle", "cisco", "dell", "hp", "hewlett - packard",
    "samsung", "sony", "nokia", "motorola", "lg", "panasonic", "toshiba", "canon", "nikon", "adobe", "linkedin",
    "youtube", "wikipedia", "skype", "verizon", "at&t", "sprint", "t - mobile", "comcast", "walmart", "wal - mart",
    "target", "costco", "home depot", "best buy", "ikea", "starbucks", "mcdonald 's", "mcdonalds", "burger king",
    "wendy 's", "taco bell", "kfc", "subway", "pizza hut", "domino 's", "coca - cola", "coca cola", "coke", "pepsi",
    "pepsico", "nestle", "unilever", "procter & gamble", "toyota", "honda", "nissan", "ford", "general motors", "gm",
    "chrysler", "volkswagen", "bmw", "mercedes", "audi", "tesla", "boeing", "airbus", "exxon", "exxonmobil",
    "chevron", "shell", "bp", "enron", "halliburton", "goldman sachs", "morgan stanley", "jpmorgan", "citigroup",
    "citibank", "wells fargo", "bank of america", "hsbc", "barclays", "visa", "mastercard", "american express",
    "fedex", "ups", "dhl", "pfizer", "merck", "bayer", "monsanto", "disney", "warner bros", "time warner", "fox",
    "fox news", "cnn", "bbc", "nbc", "abc", "cbs", "msnbc", "npr", "reuters", "associated press", "ap", "afp",
    "xinhua", "al jazeera", "new york times", "washington post", "wall street journal", "the guardian", "bloomberg",
    "forbes", "nasa", "fbi", "cia", "nsa", "fema", "epa", "fda", "irs", "pentagon", "congress", "senate",
    "parliament", "hamas", "hezbollah", "taliban", "al - qaeda", "al qaeda", "isis", "farc", "eln", "interpol",
    "red cross", "greenpeace", "amnesty international", "human rights watch", "harvard", "yale", "stanford",
    "oxford", "mit", "princeton", "nfl", "nba", "mlb", "fifa", "uefa", "ioc", "democrats", "republicans",
    "democratic party", "republican party", "labour", "conservatives",
];
/// US state codes that are not also common English words.
pub const STATE_CODES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "ID", "IL", "KS", "KY", "LA", "MD", "MA", "MI",
    "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "PA", "RI", "SC", "SD", "TN", "TX",
    "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC",
];

/// Names split into words, keyed by their first word.
type NameTable = rustc_hash::FxHashMap<&'static str, Vec<Vec<&'static str>>>;

fn name_table(names: &[&'static str]) -> NameTable {
    let mut t = NameTable::default();
    for name in names {
        let words: Vec<&str> = name.split(' ').collect();
        t.entry(words[0]).or_default().push(words);
    }
    t
}

/// Calls `f` with the ASCII-lowercased word (no allocation); `None` for long or non-ASCII words.
#[inline]
fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
    let b = w.as_bytes();
    if b.len() > 24 || !w.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 24];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok().map(f)
}

/// Marks tokens inside region names (bit `base + B/I/L/U`), longest match first.
pub fn mark_regions(words: &[&str], out: &mut [u32], base: u32) {
    static T: std::sync::OnceLock<NameTable> = std::sync::OnceLock::new();
    mark_names(words, out, base, T.get_or_init(|| name_table(REGIONS)), true);
}

/// Marks tokens inside [`ORGANISATIONS`] names (bit `base + B/I/L/U`).
pub fn mark_organisations(words: &[&str], out: &mut [u32], base: u32) {
    static T: std::sync::OnceLock<NameTable> = std::sync::OnceLock::new();
    mark_names(words, out, base, T.get_or_init(|| name_table(ORGANISATIONS)), false);
}

fn mark_names(words: &[&str], out: &mut [u32], base: u32, table: &NameTable, state_codes: bool) {
    let mut i = 0;
    while i < words.len() {
        let mut best = 0;
        if state_codes && words[i].len() == 2 && STATE_CODES.contains(&words[i]) {
            best = 1;
        }
        if let Some(Some(cands)) = with_lower(words[i], |l| table.get(l)) {
            for name in cands {
                let n = name.len();
                if n > best && i + n <= words.len() && name[1..].iter().zip(&words[i + 1..i + n]).all(|(a, b)| a.eq_ignore_ascii_case(b)) {
                    best = n;
                }
            }
        }
        if best == 0 {
            i += 1;
            continue;
        }
        for (k, o) in out.iter_mut().enumerate().skip(i).take(best) {
            let pos = if best == 1 { 3 } else if k == i { 0 } else if k + 1 == i + best { 2 } else { 1 };
            *o |= 1 << (base + pos);
        }
        i += best;
    }
}

/// Whether `word` (any case) is a title cue.
pub fn is_title_cue(word: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| TITLE_CUES.iter().copied().collect());
    with_lower(word, |l| set.contains(l)).unwrap_or(false)
}

/// Computes the per-token values of one word. `chars` is scratch space reused across calls.
pub fn tok_info(form: &str, upos: &str, xpos: &str, gaz: u32, lex: &Lexicon, chars: &mut Vec<char>) -> TokInfo {
    chars.clear();
    chars.extend(form.chars().map(lower));
    let mut flags = 0u8;
    let mut n_upper = 0usize;
    let mut n_alpha = 0usize;
    let mut shape = FNV_OFFSET;
    let mut short = FNV_OFFSET;
    let mut last_class = '\0';
    let mut run = 0usize;
    for (i, c) in form.chars().enumerate() {
        let class = if c.is_uppercase() {
            n_upper += 1;
            n_alpha += 1;
            'X'
        } else if c.is_alphabetic() {
            n_alpha += 1;
            'x'
        } else if c.is_ascii_digit() {
            flags |= FLAG_DIGIT;
            'd'
        } else {
            if c == '-' {
                flags |= FLAG_HYPHEN;
            }
            c
        };
        if i == 0 && class == 'X' {
            flags |= FLAG_TITLE;
        }
        if class == last_class {
            run += 1;
        } else {
            run = 1;
            short = fnv_char(short, class);
        }
        if run <= 4 {
            shape = fnv_char(shape, class);
        }
        last_class = class;
    }
    if n_alpha > 0 {
        flags |= FLAG_ALPHA;
        if n_upper == n_alpha && n_alpha > 1 {
            flags |= FLAG_UPPER;
        }
    }
    if is_title_cue(form) {
        flags |= FLAG_CUE;
    }
    let lower_h = chars.iter().fold(FNV_OFFSET, |h, &c| fnv_char(h, c));
    let n = chars.len();
    let mut pre = [0u64; 3];
    let mut suf = [0u64; 4];
    for (k, p) in pre.iter_mut().enumerate() {
        let k = (k + 1).min(n);
        *p = fmix(chars[..k].iter().fold(FNV_OFFSET ^ 1, |h, &c| fnv_char(h, c)));
    }
    for (k, s) in suf.iter_mut().enumerate() {
        let k = (k + 1).min(n);
        *s = fmix(chars[n - k..].iter().fold(FNV_OFFSET ^ 2, |h, &c| fnv_char(h, c)));
    }
    let lower = fmix(lower_h);
    TokInfo {
        word: hash_str(form),
        lower,
        cls: lex.get(lower),
        shape: fmix(shape),
        short: fmix(short),
        pre,
        suf,
        upos: hash_str(upos),
        xpos: hash_str(xpos),
        flags,
        gaz,
    }
}

/// Number of label-independent features per token.
pub const N_STATIC: usize = 44;
/// Number of label-history features per token.
pub const N_DYNAMIC: usize = 6;

const BOS: u64 = 0x5eed_0000_0000_0001;
const EOS: u64 = 0x5eed_0000_0000_0002;

/// Writes the [`N_STATIC`] features of every token into `out` (cleared first; `n × N_STATIC`).
pub fn static_features(toks: &[TokInfo], out: &mut Vec<u64>) {
    out.clear();
    let n = toks.len();
    let edge = |i: isize| -> Option<&TokInfo> { if i < 0 || i as usize >= n { None } else { Some(&toks[i as usize]) } };
    for (i, t) in toks.iter().enumerate() {
        let ii = i as isize;
        let p1 = edge(ii - 1);
        let p2 = edge(ii - 2);
        let n1 = edge(ii + 1);
        let n2 = edge(ii + 2);
        let low = |o: Option<&TokInfo>, d: u64| o.map_or(d, |x| x.lower);
        let shp = |o: Option<&TokInfo>, d: u64| o.map_or(d, |x| x.short);
        let up = |o: Option<&TokInfo>, d: u64| o.map_or(d, |x| x.upos);
        let xp = |o: Option<&TokInfo>, d: u64| o.map_or(d, |x| x.xpos);
        let fl = |o: Option<&TokInfo>| o.map_or(0xff, |x| (x.flags & (FLAG_TITLE | FLAG_UPPER | FLAG_ALPHA)) as u64);
        let gz = |o: Option<&TokInfo>| o.map_or(0, |x| x.gaz as u64);
        let cap3 = fl(p1) | (fl(Some(t)) << 8) | (fl(n1) << 16);
        let f: [u64; N_STATIC] = [
            f1(0, 0),
            f1(1, t.word),
            f1(2, t.lower),
            f1(3, t.shape),
            f1(4, t.short),
            f1(5, t.pre[0]),
            f1(6, t.pre[1]),
            f1(7, t.pre[2]),
            f1(8, t.suf[0]),
            f1(9, t.suf[1]),
            f1(10, t.suf[2]),
            f1(11, t.suf[3]),
            f1(12, t.upos),
            f1(13, t.xpos),
            f2(14, up(p1, BOS), t.upos),
            f2(15, t.upos, up(n1, EOS)),
            f1(16, xp(p1, BOS)),
            f1(17, xp(n1, EOS)),
            f1(18, low(p1, BOS)),
            f1(19, low(n1, EOS)),
            f1(20, low(p2, BOS)),
            f1(21, low(n2, EOS)),
            f2(22, shp(p1, BOS), t.short),
            f2(23, t.short, shp(n1, EOS)),
            f1(24, cap3),
            f2(25, (i == 0) as u64, t.short),
            f2(26, low(p1, BOS), t.lower),
            f2(27, t.lower, low(n1, EOS)),
            f1(28, t.gaz as u64),
            f2(29, gz(p1), t.short),
            f2(30, gz(n1), t.short),
            f2(31, p1.map_or(2, |x| (x.flags & FLAG_CUE != 0) as u64), t.short),
            f2(32, t.xpos, t.short),
            f2(33, up(p1, BOS), up(n1, EOS) ^ t.upos.rotate_left(7)),
            f2(34, p1.map_or(BOS, |x| x.suf[2]), t.short),
            f2(35, t.lower, t.xpos),
            f1(36, t.cls.coarse as u64),
            f1(37, t.cls.fine as u64),
            f1(38, p1.map_or(u64::MAX, |x| x.cls.fine as u64)),
            f1(39, n1.map_or(u64::MAX, |x| x.cls.fine as u64)),
            f2(40, t.cls.cap as u64, t.short),
            f2(41, t.cls.fine as u64, t.short),
            f2(42, p1.map_or(u64::MAX, |x| x.cls.coarse as u64), t.cls.coarse as u64),
            f2(43, t.cls.cap as u64 | (p1.map_or(9, |x| x.cls.cap as u64) << 8) | (n1.map_or(9, |x| x.cls.cap as u64) << 16), (i == 0) as u64),
        ];
        out.extend_from_slice(&f);
    }
}

/// The label-history features of token `t` given the two previous predicted labels.
#[inline]
pub fn dynamic_features(t: &TokInfo, p1: u8, p2: u8, out: &mut [u64; N_DYNAMIC]) {
    let (p1, p2) = (p1 as u64, p2 as u64);
    *out = [
        f1(100, p1),
        f2(101, p1, p2),
        f2(102, p1, t.lower),
        f2(103, p1, t.short),
        f2(104, p1, t.xpos),
        f2(105, p1 | (p2 << 8), t.short),
    ];
}

/// Number of first-order label features per token and previous label (the Viterbi decoder's).
pub const N_EDGE: usize = 4;

/// The features of token `t` that depend on the previous label only (no second label back), so
/// that a first-order Viterbi search can score every previous label (see `model::viterbi`).
#[inline]
pub fn edge_features(t: &TokInfo, p1: u8, out: &mut [u64; N_EDGE]) {
    let p1 = p1 as u64;
    *out = [f1(100, p1), f2(102, p1, t.lower), f2(103, p1, t.short), f2(104, p1, t.xpos)];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_are_marked_longest_first() {
        let words = ["I", "live", "in", "New", "York", ",", "NY", "near", "new", "jersey", "."];
        let mut out = vec![0u32; words.len()];
        mark_regions(&words, &mut out, 20);
        let b = |k: u32| 1u32 << (20 + k);
        assert_eq!(out[3], b(0));
        assert_eq!(out[4], b(2));
        assert_eq!(out[6], b(3));
        assert_eq!((out[8], out[9]), (b(0), b(2)));
        assert_eq!(out[0] | out[1] | out[5] | out[10], 0);
        let words = ["at", "Taco", "Bell", "and", "GOOGLE", "!"];
        let mut out = vec![0u32; words.len()];
        mark_organisations(&words, &mut out, 24);
        assert_eq!(out, [0, 1 << 24, 1 << 26, 0, 1 << 27, 0]);
    }

    #[test]
    fn shapes_and_flags() {
        let mut buf = Vec::new();
        let lex = Lexicon::default();
        let a = tok_info("Strand", "PROPN", "NNP", 0, &lex, &mut buf);
        let b = tok_info("Quillen", "PROPN", "NNP", 0, &lex, &mut buf);
        let c = tok_info("USA", "PROPN", "NNP", 0, &lex, &mut buf);
        let d = tok_info("strand", "VERB", "VB", 0, &lex, &mut buf);
        assert_eq!(a.shape, b.shape);
        assert_eq!(a.short, b.short);
        assert_ne!(a.shape, c.shape);
        assert_eq!(a.lower, d.lower);
        assert_ne!(a.word, d.word);
        assert_eq!(a.flags & FLAG_TITLE, FLAG_TITLE);
        assert_eq!(c.flags & FLAG_UPPER, FLAG_UPPER);
        assert_eq!(d.flags & (FLAG_TITLE | FLAG_UPPER), 0);
        assert_eq!(a.suf[1], tok_info("Grand", "", "", 0, &lex, &mut buf).suf[1]); // "nd"
        let e = tok_info("3-2", "", "", 0, &lex, &mut buf);
        assert_eq!(e.flags & (FLAG_DIGIT | FLAG_HYPHEN), FLAG_DIGIT | FLAG_HYPHEN);
        assert!(tok_info("President", "", "", 0, &lex, &mut buf).flags & FLAG_CUE != 0);
        // Non-ASCII and one-letter words do not panic.
        let _ = tok_info("Cartagena", "", "", 0, &lex, &mut buf);
        let _ = tok_info("É", "", "", 0, &lex, &mut buf);
    }

    #[test]
    fn static_features_have_fixed_width() {
        let mut buf = Vec::new();
        let lex = Lexicon::default();
        let toks: Vec<TokInfo> = ["Greta", "Quillen", "spoke"].iter().map(|w| tok_info(w, "", "", 0, &lex, &mut buf)).collect();
        let mut out = Vec::new();
        static_features(&toks, &mut out);
        assert_eq!(out.len(), 3 * N_STATIC);
        static_features(&toks[..0], &mut out);
        assert!(out.is_empty());
    }
}
