//! The CaRB scorer (`kgraph eval carb`), faithful to the reference implementation.
//!
//! In: the gold tuples (`sentence TAB relation TAB arg1 TAB arg2 [TAB arg3…]`) and system lines
//! (written by [`super`] or read from a file). Out: P, R, F1 and AUC for CaRB(1-1) and CaRB.
//!
//! The scorer follows dair-iitd/CaRB `carb.py` + `matcher.py` (`binary_linient_tuple_match`):
//! arguments after the first are joined into one; word matching is exact and case-sensitive on
//! whitespace tokens; the relation must share a word (or `be` ↔ a form of *be*); a gold tuple
//! whose relation contains a *said*-type verb is also tried with the prediction's arguments
//! swapped. Per sentence and confidence threshold, precision is a greedy one-to-one matching by
//! precision score; recall in plain CaRB is each gold tuple's best recall over all predictions
//! (one prediction may serve several gold tuples), in CaRB(1-1) (OpenIE6's `ss` strategy) a greedy
//! one-to-one matching by recall score. Every distinct confidence is a threshold; F1 is the best
//! over thresholds; AUC is the trapezoid area of the P-R curve with (R=0, P=1) added.

use super::{CarbError, CarbTuple, write_carb_lines_with};
use crate::document::Sentence;
use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::Path;

/// Scores of one variant.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct CarbScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub auc: f64,
    /// Confidence threshold of the best F1.
    pub threshold: f64,
}


// ---------------------------------------------------------------------------------------------
// Reading

fn normalize_key(sentence: &str) -> String {
    // carb.py: remove spaces, undo PTB bracket escapes, remove ASCII punctuation.
    let mut s: String = sentence.chars().filter(|c| *c != ' ').collect();
    for (u, e) in [
        ("(", "-LRB-"),
        (")", "-RRB-"),
        ("[", "-LSB-"),
        ("]", "-RSB-"),
        ("{", "-LCB-"),
        ("}", "-RCB-"),
    ] {
        s = s.replace(e, u);
    }
    s.chars().filter(|c| !c.is_ascii_punctuation()).collect()
}

fn open(path: &Path) -> Result<std::io::BufReader<std::fs::File>, CarbError> {
    let f = std::fs::File::open(path).map_err(|source| CarbError::Io {
        path: path.to_owned(),
        source,
    })?;
    Ok(std::io::BufReader::new(f))
}

/// Reads a gold file: `sentence TAB relation TAB arg1 [TAB arg2 …]`. Keys are normalised sentences.
pub fn read_gold(reader: impl BufRead, path: &Path) -> Result<Vec<(String, Vec<CarbTuple>)>, CarbError> {
    let mut order: Vec<(String, Vec<CarbTuple>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|source| CarbError::Io {
            path: path.to_owned(),
            source,
        })?;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 {
            return Err(CarbError::Syntax {
                path: path.to_owned(),
                line: i + 1,
                message: "expected at least sentence TAB relation".into(),
            });
        }
        let key = normalize_key(cols[0].trim());
        let t = CarbTuple {
            relation: cols[1].trim().to_owned(),
            // The reference reader (CaRB's goldReader.py) skips every argument containing `C: `
            // (context such as `C: the spokesman said`): no system is asked to find it.
            args: cols[2..].iter().filter(|a| !a.contains("C: ")).map(|a| a.trim().to_owned()).collect(),
            confidence: 1.0,
            rule: String::new(),
        };
        let k = *index.entry(key.clone()).or_insert_with(|| {
            order.push((key, Vec::new()));
            order.len() - 1
        });
        order[k].1.push(t);
    }
    Ok(order)
}

/// Reads system output: `sentence TAB confidence TAB relation TAB arg1 …`.
pub fn read_system(reader: impl BufRead, path: &Path) -> Result<HashMap<String, Vec<CarbTuple>>, CarbError> {
    let mut map: HashMap<String, Vec<CarbTuple>> = HashMap::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|source| CarbError::Io {
            path: path.to_owned(),
            source,
        })?;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            return Err(CarbError::Syntax {
                path: path.to_owned(),
                line: i + 1,
                message: "expected sentence TAB confidence TAB relation …".into(),
            });
        }
        let confidence: f64 = cols[1].trim().parse().map_err(|_| CarbError::Syntax {
            path: path.to_owned(),
            line: i + 1,
            message: format!("bad confidence {:?}", cols[1]),
        })?;
        map.entry(normalize_key(cols[0])).or_default().push(CarbTuple {
            relation: cols[2].to_owned(),
            args: cols[3..].iter().map(|s| (*s).to_owned()).collect(),
            confidence,
            rule: String::new(),
        });
    }
    Ok(map)
}

// ---------------------------------------------------------------------------------------------
// Matching (matcher.py)

fn binarize_args(args: &[String]) -> Vec<String> {
    if args.len() >= 2 {
        vec![args[0].clone(), args[1..].join(" ")]
    } else {
        args.to_vec()
    }
}

/// `linient_tuple_match` on already binarized tuples: `[precision, recall]`.
fn linient_match(gold_rel: &str, gold_args: &[String], pred_rel: &str, pred_args: &[String]) -> [f64; 2] {
    let (mut p0, mut p1, mut r0, mut r1) = (0usize, 0usize, 0usize, 0usize);
    let mut predicted: Vec<&str> = pred_rel.split_whitespace().collect();
    let gold: Vec<&str> = gold_rel.split_whitespace().collect();
    p1 += predicted.len();
    r1 += gold.len();
    let mut matching = 0;
    for w in &gold {
        if let Some(pos) = predicted.iter().position(|p| p == w) {
            matching += 1;
            predicted.remove(pos);
        }
    }
    if let Some(pos) = predicted.iter().position(|p| *p == "be") {
        const BE: [&str; 8] = ["be", "is", "am", "are", "was", "were", "been", "being"];
        if BE.iter().any(|f| gold.contains(f)) {
            matching += 1;
            predicted.remove(pos);
        }
    }
    if matching == 0 {
        return [0.0, 0.0];
    }
    p0 += matching;
    r0 += matching;
    for (i, g) in gold_args.iter().enumerate() {
        let gold: Vec<&str> = g.split_whitespace().collect();
        r1 += gold.len();
        if pred_args.len() <= i {
            if i < 2 {
                return [0.0, 0.0];
            }
            continue;
        }
        let mut predicted: Vec<&str> = pred_args[i].split_whitespace().collect();
        p1 += predicted.len();
        let mut m = 0;
        for w in &gold {
            if let Some(pos) = predicted.iter().position(|p| p == w) {
                m += 1;
                predicted.remove(pos);
            }
        }
        p0 += m;
        r0 += m;
    }
    let prec = if p1 == 0 { 0.0 } else { p0 as f64 / p1 as f64 };
    let rec = if r1 == 0 { 0.0 } else { r0 as f64 / r1 as f64 };
    [prec, rec]
}

/// `binary_linient_tuple_match`: `[precision, recall]` of a prediction against a gold tuple.
pub fn match_score(gold: &CarbTuple, pred: &CarbTuple) -> [f64; 2] {
    let ga = binarize_args(&gold.args);
    let pa = binarize_args(&pred.args);
    let straight = linient_match(&gold.relation, &ga, &pred.relation, &pa);
    const SAID: [&str; 5] = ["said", "told", "added", "adds", "says"];
    if !SAID.iter().any(|s| gold.relation.contains(s)) {
        return straight;
    }
    let rev = if pred.args.len() >= 2 {
        vec![pred.args[1..].join(" "), pred.args[0].clone()]
    } else {
        pred.args.clone()
    };
    let reverse = linient_match(&gold.relation, &ga, &pred.relation, &rev);
    // Python's max over lists compares lexicographically.
    if reverse[0] > straight[0] || (reverse[0] == straight[0] && reverse[1] > straight[1]) {
        reverse
    } else {
        straight
    }
}

/// Greedy one-to-one matching over the selected columns by score component `c`; returns the sum.
fn greedy(scores: &[Vec<[f64; 2]>], cols: &[usize], c: usize) -> f64 {
    let n = scores.len().min(cols.len());
    let mut row_used = vec![false; scores.len()];
    let mut col_used = vec![false; cols.len()];
    let mut total = 0.0;
    for _ in 0..n {
        let mut best = -1.0;
        let mut bi = usize::MAX;
        let mut bj = usize::MAX;
        for (i, row) in scores.iter().enumerate() {
            if row_used[i] {
                continue;
            }
            for (k, &j) in cols.iter().enumerate() {
                if col_used[k] {
                    continue;
                }
                if row[j][c] > best {
                    best = row[j][c];
                    bi = i;
                    bj = k;
                }
            }
        }
        if bi == usize::MAX {
            break;
        }
        row_used[bi] = true;
        col_used[bj] = true;
        total += best;
    }
    total
}

/// Scores predictions against gold. `one_to_one` selects CaRB(1-1) (OpenIE6's `ss` strategy).
pub fn score(gold: &[(String, Vec<CarbTuple>)], predicted: &HashMap<String, Vec<CarbTuple>>, one_to_one: bool) -> CarbScore {
    let mut thresholds: Vec<f64> = predicted.values().flatten().map(|t| t.confidence).collect();
    thresholds.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    thresholds.dedup();
    let nc = thresholds.len();
    if nc == 0 {
        return CarbScore::default();
    }
    let mut p = vec![0.0; nc];
    let mut pl = vec![0.0; nc];
    let mut r = vec![0.0; nc];
    let mut rl = vec![0.0; nc];
    let empty = Vec::new();
    for (key, golds) in gold {
        let preds = predicted.get(key).unwrap_or(&empty);
        let scores: Vec<Vec<[f64; 2]>> = golds.iter().map(|g| preds.iter().map(|x| match_score(g, x)).collect()).collect();
        let mut confs: Vec<f64> = preds.iter().map(|x| x.confidence).collect();
        confs.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
        confs.dedup();
        let mut prev = 0usize;
        for conf in confs {
            let c = thresholds.partition_point(|t| *t < conf);
            let cols: Vec<usize> = (0..preds.len()).filter(|&j| preds[j].confidence >= conf).collect();
            let recall_num = if one_to_one {
                greedy(&scores, &cols, 1)
            } else {
                scores.iter().map(|row| cols.iter().map(|&j| row[j][1]).fold(0.0, f64::max)).sum()
            };
            let precision_num = greedy(&scores, &cols, 0);
            for k in prev..=c {
                p[k] += precision_num;
                pl[k] += cols.len() as f64;
                r[k] += recall_num;
                rl[k] += golds.len() as f64;
            }
            prev = c + 1;
        }
        for k in prev..nc {
            rl[k] += golds.len() as f64;
        }
    }
    let prec: Vec<f64> = p.iter().zip(&pl).map(|(a, b)| if *b > 0.0 { a / b } else { 1.0 }).collect();
    let rec: Vec<f64> = r.iter().zip(&rl).map(|(a, b)| if *b > 0.0 { a / b } else { 0.0 }).collect();
    let f1 = |p: f64, r: f64| if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    let mut best = 0usize;
    for k in 0..nc {
        if f1(prec[k], rec[k]) > f1(prec[best], rec[best]) {
            best = k;
        }
    }
    let mut xs = rec.clone();
    let mut ys = prec.clone();
    xs.push(0.0);
    ys.push(1.0);
    CarbScore {
        precision: prec[best],
        recall: rec[best],
        f1: f1(prec[best], rec[best]),
        auc: auc(&xs, &ys),
        threshold: thresholds[best],
    }
}

/// Trapezoid area like sklearn's `auc`: points in the given order when recall is monotonic
/// (either direction); otherwise (possible for the 1-1 variant) sorted by recall first.
fn auc(xs: &[f64], ys: &[f64]) -> f64 {
    let dec = xs.windows(2).all(|w| w[1] <= w[0]);
    let inc = xs.windows(2).all(|w| w[1] >= w[0]);
    let mut pts: Vec<(f64, f64)> = xs.iter().copied().zip(ys.iter().copied()).collect();
    if !dec && !inc {
        pts.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
    }
    let area: f64 = pts.windows(2).map(|w| (w[1].0 - w[0].0) * (w[1].1 + w[0].1) / 2.0).sum();
    area.abs()
}

/// Prints both variants, CaRB(1-1) first, one `NAME value` per line.
pub fn print_scores(
    gold: &[(String, Vec<CarbTuple>)],
    predicted: &HashMap<String, Vec<CarbTuple>>,
    out: &mut dyn Write,
) -> Result<(), CarbError> {
    for (name, one) in [("CaRB(1-1)", true), ("CaRB", false)] {
        let s = score(gold, predicted, one);
        writeln!(out, "{name} P {:.3}", s.precision)?;
        writeln!(out, "{name} R {:.3}", s.recall)?;
        writeln!(out, "{name} F1 {:.3}", s.f1)?;
        writeln!(out, "{name} AUC {:.3}", s.auc)?;
    }
    Ok(())
}


/// `kgraph eval carb`: extracts from `sentences` with the embedded analyzer and prints P, R, F1
/// and AUC for CaRB(1-1) and CaRB against `gold`.
pub fn eval_carb(gold: &Path, sentences: &Path, out: &mut dyn Write) -> Result<(), CarbError> {
    let analyzer = crate::nlp::Analyzer::embedded()?;
    eval_carb_with(gold, sentences, out, &mut |s| analyzer.analyze(s))
}

/// Scores an existing system-output file against a gold file.
pub fn eval_carb_system(gold: &Path, system: &Path, out: &mut dyn Write) -> Result<(), CarbError> {
    let g = read_gold(open(gold)?, gold)?;
    let s = read_system(open(system)?, system)?;
    print_scores(&g, &s, out)
}

/// Runs the extractor over `sentences` (one CaRB line each, parsed with `parse`) and scores the
/// output against `gold`.
pub fn eval_carb_with(gold: &Path, sentences: &Path, out: &mut dyn Write, parse: &mut dyn FnMut(&mut Sentence)) -> Result<(), CarbError> {
    let g = read_gold(open(gold)?, gold)?;
    let mut buf = Vec::new();
    write_carb_lines_with(open(sentences)?, sentences, &mut buf, parse)?;
    let s = read_system(&buf[..], Path::new("<system output>"))?;
    print_scores(&g, &s, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(rel: &str, args: &[&str], conf: f64) -> CarbTuple {
        CarbTuple {
            relation: rel.into(),
            args: args.iter().map(|s| s.to_string()).collect(),
            confidence: conf,
            rule: String::new(),
        }
    }

    #[test]
    fn match_scores_table() {
        let cases: &[(CarbTuple, CarbTuple, [f64; 2])] = &[
            // exact match
            (
                t("met", &["The leaders", "in Paris"], 1.0),
                t("met", &["The leaders", "in Paris"], 0.5),
                [1.0, 1.0],
            ),
            // partial: prediction shorter (all 3 predicted words right, 3 of 6 gold words)
            (
                t("met", &["The two leaders", "in Paris"], 1.0),
                t("met", &["leaders", "Paris"], 0.5),
                [1.0, 0.5],
            ),
            // partial: prediction longer
            (
                t("met", &["leaders", "Paris"], 1.0),
                t("met", &["The leaders", "in Paris"], 0.5),
                [3.0 / 5.0, 1.0],
            ),
            // relation mismatch: no shared word, no credit at all
            (
                t("met", &["The leaders", "in Paris"], 1.0),
                t("visited", &["The leaders", "in Paris"], 0.5),
                [0.0, 0.0],
            ),
            // case-sensitive words
            (
                t("met", &["The leaders", "x"], 1.0),
                t("met", &["the leaders", "x"], 0.5),
                [3.0 / 4.0, 3.0 / 4.0],
            ),
            // missing second argument: no credit
            (t("met", &["The leaders", "x"], 1.0), t("met", &["The leaders"], 0.5), [0.0, 0.0]),
            // extra arguments are joined into the second
            (t("met", &["A", "B C"], 1.0), t("met", &["A", "B", "C"], 0.5), [1.0, 1.0]),
            // `be` matches a form of be
            (t("is", &["A", "B"], 1.0), t("be", &["A", "B"], 0.5), [1.0, 1.0]),
        ];
        for (i, (g, p, want)) in cases.iter().enumerate() {
            let got = match_score(g, p);
            assert!(
                (got[0] - want[0]).abs() < 1e-9 && (got[1] - want[1]).abs() < 1e-9,
                "case {i}: {got:?} vs {want:?}"
            );
        }
    }

    #[test]
    fn said_type_gold_tries_swapped_arguments() {
        let g = t("said", &["officials", "the talks failed"], 1.0);
        let p = t("said", &["the talks failed", "officials"], 0.5);
        assert_eq!(match_score(&g, &p), [1.0, 1.0]);
    }

    fn gold_of(s: &str, tuples: Vec<CarbTuple>) -> Vec<(String, Vec<CarbTuple>)> {
        vec![(normalize_key(s), tuples)]
    }

    #[test]
    fn one_prediction_against_two_gold_tuples_differs_between_variants() {
        let sent = "A met B and C .";
        let gold = gold_of(sent, vec![t("met", &["A", "B"], 1.0), t("met", &["A", "C"], 1.0)]);
        let mut pred = HashMap::new();
        pred.insert(normalize_key(sent), vec![t("met", &["A", "B and C"], 0.9)]);
        let plain = score(&gold, &pred, false);
        let one = score(&gold, &pred, true);
        // precision: one prediction, best match 3 of 5 predicted words (met A B | met A B and C)
        assert!((plain.precision - 0.6).abs() < 1e-9, "{plain:?}");
        assert!((one.precision - 0.6).abs() < 1e-9, "{one:?}");
        // plain recall: both gold tuples fully covered by the one prediction
        assert!((plain.recall - 1.0).abs() < 1e-9, "{plain:?}");
        // 1-1 recall: only one gold tuple may be credited -> 1/2
        assert!((one.recall - 0.5).abs() < 1e-9, "{one:?}");
        assert!(plain.f1 > one.f1);
    }

    #[test]
    fn thresholds_and_auc() {
        let sent = "X y z .";
        let gold = gold_of(sent, vec![t("y", &["X", "z"], 1.0), t("q", &["X", "w"], 1.0)]);
        let mut pred = HashMap::new();
        pred.insert(normalize_key(sent), vec![t("y", &["X", "z"], 0.9), t("v", &["X", "k"], 0.2)]);
        let s = score(&gold, &pred, true);
        // at threshold 0.9: P = 1, R = 1/2; at 0.2: P = 1/2, R = 1/2 -> best F1 at 0.9
        assert!((s.precision - 1.0).abs() < 1e-9 && (s.recall - 0.5).abs() < 1e-9, "{s:?}");
        assert!((s.threshold - 0.9).abs() < 1e-9);
        // curve points (R,P): (0.5,0.5) (0.5,1) (0,1) -> area 0.5
        assert!((s.auc - 0.5).abs() < 1e-9, "{s:?}");
        // a gold sentence with no prediction counts in recall only
        let mut gold2 = gold.clone();
        gold2.extend(gold_of("Other one .", vec![t("a", &["b", "c"], 1.0)]));
        let s2 = score(&gold2, &pred, true);
        assert!((s2.recall - 1.0 / 3.0).abs() < 1e-9, "{s2:?}");
    }

    #[test]
    fn sentence_keys_ignore_spaces_punctuation_and_ptb_escapes() {
        assert_eq!(normalize_key("He said -LRB- in 1990 -RRB- ."), normalize_key("He said (in 1990)."));
    }


    #[test]
    fn gold_context_arguments_are_dropped_as_the_reference_reader_drops_them() {
        let gold = "Mara Quell said the ferry left .\tleft\tthe ferry\tC: Mara Quell said\n\
                    Mara Quell said the ferry left .\tsaid\tMara Quell\tthe ferry left\n";
        let g = read_gold(gold.as_bytes(), Path::new("g.tsv")).unwrap();
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].1[0].args, ["the ferry"], "the context argument is not asked for");
        // must give nothing: arguments without `C: ` (even ones starting with C) stay.
        assert_eq!(g[0].1[1].args, ["Mara Quell", "the ferry left"]);
        let g = read_gold("Cato ran .\tran\tCato\tC:onwards\n".as_bytes(), Path::new("g.tsv")).unwrap();
        assert_eq!(g[0].1[0].args, ["Cato", "C:onwards"]);
    }

    #[test]
    fn bad_system_line_names_file_and_line() {
        let err = read_system("a\tb\tc\n".as_bytes(), Path::new("sys.tsv")).unwrap_err().to_string();
        assert!(err.starts_with("sys.tsv:1:"), "{err}");
    }
}
