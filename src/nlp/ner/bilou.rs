//! Label inventory and conversions: BIO strings (files, `Token.ner`) ⇄ entity spans ⇄ BILOU
//! label ids (what the tagger predicts internally).
//!
//! Label ids: `0` = `O`; `1 + 4·class + pos` with class `PER`=0, `ORG`=1, `LOC`=2 and pos
//! `B`=0, `I`=1, `L`=2, `U`=3.

use std::ops::Range;

/// The coarse classes of the UNER data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NerClass {
    Per,
    Org,
    Loc,
}

impl NerClass {
    pub const ALL: [NerClass; 3] = [NerClass::Per, NerClass::Org, NerClass::Loc];

    pub fn as_str(self) -> &'static str {
        match self {
            NerClass::Per => "PER",
            NerClass::Org => "ORG",
            NerClass::Loc => "LOC",
        }
    }

    pub fn parse(s: &str) -> Option<NerClass> {
        match s {
            "PER" => Some(NerClass::Per),
            "ORG" => Some(NerClass::Org),
            "LOC" => Some(NerClass::Loc),
            _ => None,
        }
    }

    fn index(self) -> u8 {
        self as u8
    }

    fn from_index(i: u8) -> NerClass {
        NerClass::ALL[i as usize]
    }
}

/// Number of BILOU labels (O + 4 × 3).
pub const N_LABELS: usize = 13;
pub const O: u8 = 0;
const B: u8 = 0;
const I: u8 = 1;
const L: u8 = 2;
const U: u8 = 3;

fn label(class: NerClass, pos: u8) -> u8 {
    1 + 4 * class.index() + pos
}

/// (class, position) of a non-O label.
fn parts(l: u8) -> Option<(NerClass, u8)> {
    if l == O || l as usize >= N_LABELS {
        None
    } else {
        Some((NerClass::from_index((l - 1) / 4), (l - 1) % 4))
    }
}

/// Printable BILOU label (`U-PER`), for logs and tests.
pub fn label_name(l: u8) -> String {
    match parts(l) {
        None => "O".to_owned(),
        Some((c, p)) => format!("{}-{}", ["B", "I", "L", "U"][p as usize], c.as_str()),
    }
}

/// Parses one BIO tag. Types other than PER/ORG/LOC (e.g. `OTH`) and the stray `B-O` read as `O`;
/// anything that is not `O` or `B-…`/`I-…` is an error.
pub fn parse_bio(tag: &str) -> Result<Option<(bool, NerClass)>, String> {
    if tag == "O" {
        return Ok(None);
    }
    let (begin, ty) = if let Some(t) = tag.strip_prefix("B-") {
        (true, t)
    } else if let Some(t) = tag.strip_prefix("I-") {
        (false, t)
    } else {
        return Err(format!("bad BIO tag {tag:?}"));
    };
    Ok(NerClass::parse(ty).map(|c| (begin, c)))
}

/// Entity spans of a BIO sequence, conlleval style: an `I-X` after `O` or after another type starts
/// a new entity.
pub fn bio_spans(tags: &[Option<(bool, NerClass)>]) -> Vec<(Range<usize>, NerClass)> {
    let mut out: Vec<(Range<usize>, NerClass)> = Vec::new();
    let mut open: Option<(usize, NerClass)> = None;
    for (i, t) in tags.iter().enumerate() {
        match *t {
            None => {
                if let Some((s, c)) = open.take() {
                    out.push((s..i, c));
                }
            }
            Some((begin, c)) => {
                let cont = matches!(open, Some((_, oc)) if oc == c) && !begin;
                if !cont {
                    if let Some((s, oc)) = open.take() {
                        out.push((s..i, oc));
                    }
                    open = Some((i, c));
                }
            }
        }
    }
    if let Some((s, c)) = open {
        out.push((s..tags.len(), c));
    }
    out
}

/// Spans of BIO strings (as in `Token.ner`); unparsable tags count as `O`.
pub fn bio_str_spans<S: AsRef<str>>(tags: &[S]) -> Vec<(Range<usize>, NerClass)> {
    let parsed: Vec<_> = tags.iter().map(|t| parse_bio(t.as_ref()).ok().flatten()).collect();
    bio_spans(&parsed)
}

/// BILOU label ids for `n` tokens with the given (non-overlapping) spans.
pub fn spans_to_bilou(n: usize, spans: &[(Range<usize>, NerClass)]) -> Vec<u8> {
    let mut out = vec![O; n];
    for (r, c) in spans {
        if r.is_empty() || r.end > n {
            continue;
        }
        if r.len() == 1 {
            out[r.start] = label(*c, U);
        } else {
            out[r.start] = label(*c, B);
            for x in &mut out[r.start + 1..r.end - 1] {
                *x = label(*c, I);
            }
            out[r.end - 1] = label(*c, L);
        }
    }
    out
}

/// Entity spans of a BILOU id sequence. Robust to invalid sequences: `B`/`I` runs without an `L`
/// are closed where the run ends; a stray `I`/`L` starts an entity.
pub fn bilou_spans(labels: &[u8]) -> Vec<(Range<usize>, NerClass)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, NerClass)> = None;
    for (i, &l) in labels.iter().enumerate() {
        match parts(l) {
            None => {
                if let Some((s, c)) = open.take() {
                    out.push((s..i, c));
                }
            }
            Some((c, p)) => {
                let continues = matches!(open, Some((_, oc)) if oc == c) && (p == I || p == L);
                if !continues {
                    if let Some((s, oc)) = open.take() {
                        out.push((s..i, oc));
                    }
                    open = Some((i, c));
                }
                if p == L || p == U {
                    let (s, c) = open.take().expect("just opened");
                    out.push((s..i + 1, c));
                }
            }
        }
    }
    if let Some((s, c)) = open {
        out.push((s..labels.len(), c));
    }
    out
}

/// BIO strings for `n` tokens with the given spans.
pub fn spans_to_bio(n: usize, spans: &[(Range<usize>, NerClass)]) -> Vec<String> {
    let mut out = vec!["O".to_owned(); n];
    for (r, c) in spans {
        for i in r.clone() {
            if i < n {
                out[i] = format!("{}-{}", if i == r.start { "B" } else { "I" }, c.as_str());
            }
        }
    }
    out
}

/// Whether label `cur` may follow label `prev` (use `O` before the first token).
pub fn allowed(prev: u8, cur: u8) -> bool {
    let open_prev = match parts(prev) {
        Some((c, p)) if p == B || p == I => Some(c),
        _ => None,
    };
    match (open_prev, parts(cur)) {
        (None, None) => true,
        (None, Some((_, p))) => p == B || p == U,
        (Some(_), None) => false,
        (Some(pc), Some((c, p))) => c == pc && (p == I || p == L),
    }
}

/// Whether a label leaves an entity open (`B`, `I`): not allowed on the last token.
pub fn is_open(l: u8) -> bool {
    matches!(parts(l), Some((_, p)) if p == B || p == I)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bio(tags: &[&str]) -> Vec<Option<(bool, NerClass)>> {
        tags.iter().map(|t| parse_bio(t).unwrap()).collect()
    }

    #[test]
    fn bio_spans_follow_conlleval() {
        use NerClass::*;
        type Case<'a> = (&'a [&'a str], &'a [(Range<usize>, NerClass)]);
        let cases: &[Case] = &[
            (&["B-PER", "I-PER", "O", "B-LOC"], &[(0..2, Per), (3..4, Loc)]),
            (&["I-PER", "I-PER"], &[(0..2, Per)]),
            (&["B-PER", "B-PER"], &[(0..1, Per), (1..2, Per)]),
            (&["B-PER", "I-ORG", "I-ORG"], &[(0..1, Per), (1..3, Org)]),
            (&["O", "B-OTH", "I-OTH", "B-O"], &[]),
            (&[], &[]),
        ];
        for (tags, want) in cases {
            assert_eq!(bio_spans(&bio(tags)), want.to_vec(), "{tags:?}");
        }
    }

    #[test]
    fn bad_tags_are_errors() {
        assert!(parse_bio("X-PER").is_err());
        assert!(parse_bio("PER").is_err());
        assert_eq!(parse_bio("B-OTH").unwrap(), None);
    }

    #[test]
    fn bilou_round_trips_and_names() {
        let tags = ["B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG", "O"];
        let spans = bio_spans(&bio(&tags));
        let ids = spans_to_bilou(tags.len(), &spans);
        let names: Vec<String> = ids.iter().map(|&l| label_name(l)).collect();
        assert_eq!(names, ["B-PER", "I-PER", "L-PER", "O", "U-LOC", "B-ORG", "L-ORG", "O"]);
        assert_eq!(bilou_spans(&ids), spans);
        assert_eq!(spans_to_bio(tags.len(), &spans), tags);
        for l in 0..N_LABELS as u8 {
            let name = label_name(l);
            assert!(name == "O" || name.len() == 5, "{name}");
        }
    }

    #[test]
    fn bilou_spans_tolerate_invalid_sequences() {
        use NerClass::*;
        let b_per = spans_to_bilou(2, &[(0..2, Per)])[0];
        let i_per = b_per + 1;
        let u_loc = spans_to_bilou(1, &[(0..1, Loc)])[0];
        assert_eq!(bilou_spans(&[b_per, O, i_per]), vec![(0..1, Per), (2..3, Per)]);
        assert_eq!(bilou_spans(&[b_per, u_loc]), vec![(0..1, Per), (1..2, Loc)]);
    }

    #[test]
    fn transitions() {
        let ids = spans_to_bilou(3, &[(0..3, NerClass::Org)]);
        let (b, i, l) = (ids[0], ids[1], ids[2]);
        let u_per = spans_to_bilou(1, &[(0..1, NerClass::Per)])[0];
        assert!(allowed(O, b) && allowed(O, u_per) && allowed(O, O));
        assert!(!allowed(O, i) && !allowed(O, l));
        assert!(allowed(b, i) && allowed(b, l) && allowed(i, l));
        assert!(!allowed(b, O) && !allowed(b, u_per) && !allowed(b, b));
        assert!(allowed(l, O) && allowed(l, b) && allowed(u_per, u_per));
        assert!(!allowed(b, u_per + 1));
        assert!(is_open(b) && is_open(i) && !is_open(l) && !is_open(O));
    }
}
