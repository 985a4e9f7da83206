//! Sentence-model experiment: trains as `kgraph train sentences` does (without writing a file
//! unless OUT is given) and prints dev F1 per treebank; `--test` also prints EWT test.
//!   cargo run --release --example sent_exp -- CORPUS_DIR [--test] [--out FILE] [--seed N]
use kgraph::text::boundary::{DEV_FILES, TRAIN_FILES, TrainOptions, evaluate, train};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = std::path::Path::new(&args[1]);
    let read = |f: &str| kgraph::text::corpus::raw_documents(&std::fs::read_to_string(dir.join(f)).unwrap()).unwrap();
    let seed = args.iter().position(|a| a == "--seed").map_or(1, |k| args[k + 1].parse().unwrap());
    let train_docs: Vec<_> = TRAIN_FILES.iter().flat_map(|f| read(f)).collect();
    let dev_sets: Vec<_> = DEV_FILES.iter().map(|f| read(f)).collect();
    let dev: Vec<_> = dev_sets.iter().flatten().cloned().collect();
    let mut log = Vec::new();
    let (model, epoch, f1) = train(&train_docs, &dev, &TrainOptions { max_epochs: 15, seed }, &mut log).unwrap();
    let log = String::from_utf8(log).unwrap();
    for l in log.lines().filter(|l| l.contains("dev F1") || l.contains("margin")) {
        println!("{l}");
    }
    print!("epoch {epoch} dev {:.2}", 100.0 * f1);
    for (f, d) in DEV_FILES.iter().zip(&dev_sets) {
        let p = evaluate(Some(&model), d);
        print!(" | {f}: P {:.2} R {:.2} F1 {:.2}", 100.0 * p.precision(), 100.0 * p.recall(), 100.0 * p.f1());
    }
    println!();
    if args.iter().any(|a| a == "--test") {
        let p = evaluate(Some(&model), &read("ud-english-ewt/en_ewt-ud-test.conllu"));
        println!("EWT test F1 {:.2}", 100.0 * p.f1());
    }
    if let Some(k) = args.iter().position(|a| a == "--out") {
        std::fs::write(&args[k + 1], model.to_bytes(None)).unwrap();
    }
}
