//! Sentence-boundary error listing (a tuning aid, not part of the product): rebuilds the raw
//! text of a CoNLL-U file as `kgraph eval ud` does, splits it with a sentence model (a
//! `sentences.bin` file, the embedded one, or the rules alone) and prints precision, recall and
//! F1; with `--list`, every missed gold end (`MISS`) and false end (`FALSE`) with 50 characters
//! of context on the left and 40 on the right (`||` marks the gap, `⏎` a line break).
//!
//!   cargo run --release --example sent_errors -- MODEL|embedded|rules FILE.conllu [--list]
use kgraph::text::boundary::BoundaryModel;
use std::collections::HashSet;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let owned;
    let model: Option<&BoundaryModel> = match args[1].as_str() {
        "rules" => None,
        "embedded" => kgraph::text::boundary::embedded(),
        p => {
            owned = BoundaryModel::from_bytes(p, &std::fs::read(p).unwrap()).unwrap();
            Some(&owned)
        }
    };
    let list = args.iter().any(|a| a == "--list");
    let text = std::fs::read_to_string(&args[2]).unwrap();
    let docs = kgraph::text::corpus::raw_documents(&text).unwrap();
    let mut prf = kgraph::text::score::Prf::default();
    for doc in &docs {
        let pred: Vec<std::ops::Range<usize>> = kgraph::text::sentence_ranges_with(&doc.text, model).into_iter().map(|x| x.0).collect();
        prf.add(kgraph::text::score::span_prf(&doc.sentences, &pred));
        if !list {
            continue;
        }
        let gold_ends: HashSet<usize> = doc.sentences.iter().map(|s| s.end).collect();
        let pred_ends: HashSet<usize> = pred.iter().map(|s| s.end).collect();
        let t = &doc.text;
        let ctx = |e: usize| {
            let mut a = e.saturating_sub(50);
            while !t.is_char_boundary(a) {
                a -= 1;
            }
            let mut b = (e + 40).min(t.len());
            while !t.is_char_boundary(b) {
                b += 1;
            }
            format!("{}  ||  {}", t[a..e].replace('\n', "⏎"), t[e..b].replace('\n', "⏎"))
        };
        for s in &doc.sentences {
            if !pred_ends.contains(&s.end) && s.end < t.trim_end().len() {
                println!("MISS\t{}", ctx(s.end));
            }
        }
        for s in &pred {
            if !gold_ends.contains(&s.end) {
                println!("FALSE\t{}", ctx(s.end));
            }
        }
    }
    eprintln!("P {:.2} R {:.2} F1 {:.2}", 100.0 * prf.precision(), 100.0 * prf.recall(), 100.0 * prf.f1());
}
