//! Dev-set tuning driver (not part of the product): trains the tagger or the parser alone with
//! cached intermediate data, and prints dev scores per treebank.
//!
//!   ud_tune tagger DIR     trains tag models on EWT(+GUM) train, writes DIR/ud-tagger.bin
//!   ud_tune jackknife DIR  writes DIR/train-jk.conllu (jackknifed tags) and DIR/dev-pred.conllu
//!                          (TAGDICT_RATIO: the jackknifed taggers' tag-dictionary ratio)
//!   ud_tune parser DIR     trains the parser from those files, writes DIR/ud-parser.bin
//!   ud_tune goldtags DIR   scores DIR's parser on dev with gold and with predicted tags
//!   ud_tune eval DIR       scores DIR's models on dev (gold tokenization), per treebank
//! Env: GUM=0 (EWT only), CLUSTERS=path|none, SEED, EPOCHS, PEPOCHS, TAGDICT_MIN, TAGDICT_RATIO.
use kgraph::nlp::conllu;
use kgraph::nlp::train::{self, UdTrainConfig};
use kgraph::nlp::{Analyzer, TagModels};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// CPU time of this thread in seconds (from /proc; the shared machine makes wall time useless).
fn cpu() -> f64 {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap();
    s.split_whitespace().next().unwrap().parse::<f64>().unwrap() / 1e9
}

fn env(k: &str, d: &str) -> String {
    std::env::var(k).unwrap_or_else(|_| d.to_owned())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (mode, dir) = (args[1].as_str(), PathBuf::from(&args[2]));
    std::fs::create_dir_all(&dir).unwrap();
    let clusters = env("CLUSTERS", "models/word-clusters.bin");
    let cfg = UdTrainConfig {
        gum: (env("GUM", "1") == "1").then(|| PathBuf::from("../shared/corpora/gum")),
        clusters: (clusters != "none").then(|| PathBuf::from(&clusters)),
        ..UdTrainConfig::new(Path::new("../shared/corpora/ud-english-ewt"), &dir, env("SEED", "1").parse().unwrap())
    };
    let data = train::read_ud_data(&cfg).unwrap();
    let mut log = std::io::stderr();
    let t0 = std::time::Instant::now();
    match mode {
        "tagger" => {
            let opts = kgraph::nlp::tagger::TrainOptions {
                epochs: env("EPOCHS", "12").parse().unwrap(),
                seed: cfg.seed,
                clusters: data.clusters.clone(),
                ..Default::default()
            };
            let opts = kgraph::nlp::tagger::TrainOptions {
                tagdict_min_count: env("TAGDICT_MIN", &opts.tagdict_min_count.to_string()).parse().unwrap(),
                tagdict_min_ratio: env("TAGDICT_RATIO", &opts.tagdict_min_ratio.to_string()).parse().unwrap(),
                ..opts
            };
            let m = train::train_tag_models_with(&data.train, &data.dev, &opts, &mut log);
            std::fs::write(dir.join("ud-tagger.bin"), m.to_bytes()).unwrap();
            for (part, r) in &data.dev_parts {
                let (x, u) = kgraph::nlp::tagger::accuracy(&m.tagger, &data.dev[r.clone()]);
                println!("tagger dev {part}: UPOS {u:.2} XPOS {x:.2}");
            }
        }
        "jackknife" => {
            let m = TagModels::from_bytes("t", &std::fs::read(dir.join("ud-tagger.bin")).unwrap()).unwrap();
            let jk = match std::env::var("TAGDICT_RATIO").ok().and_then(|v| v.parse::<f64>().ok()) {
                None => train::jackknife_tags(&data.train, &data.dev, cfg.seed, 8, data.clusters.clone(), &mut |f| eprintln!("fold {f} {:.0}s", t0.elapsed().as_secs_f64())),
                // The same folds, seeds and epochs as `jackknife_tags`, with another tag-dictionary ratio.
                Some(ratio) => {
                    let mut fold = 0;
                    kgraph::nlp::parser::train::jackknife(&data.train, 5, |rest, block| {
                        let opts = kgraph::nlp::tagger::TrainOptions {
                            epochs: 8,
                            seed: cfg.seed + fold as u64 + 1,
                            stack_folds: 0,
                            clusters: data.clusters.clone(),
                            tagdict_min_ratio: ratio,
                            ..Default::default()
                        };
                        let m = train::train_tag_models_with(rest, &data.dev, &opts, &mut std::io::sink());
                        for s in block.iter_mut() {
                            train::predict_tags(&m, &mut s.words);
                        }
                        fold += 1;
                        eprintln!("fold {fold} {:.0}s", t0.elapsed().as_secs_f64());
                    })
                }
            };
            let mut out = String::new();
            for s in &jk {
                conllu::write_sentence(&mut out, None, &s.words);
            }
            std::fs::write(dir.join("train-jk.conllu"), out).unwrap();
            let mut out = String::new();
            for s in &data.dev {
                let mut w = s.words.clone();
                train::predict_tags(&m, &mut w);
                conllu::write_sentence(&mut out, None, &w);
            }
            std::fs::write(dir.join("dev-pred.conllu"), out).unwrap();
        }
        "parser" => {
            let jk = conllu::read_file(&dir.join("train-jk.conllu")).unwrap();
            let pdev = conllu::read_file(&dir.join("dev-pred.conllu")).unwrap();
            let popts = kgraph::nlp::parser::train::TrainOptions {
                clusters: data.clusters.clone().filter(|_| env("PCLUSTERS", "1") == "1"),
                epochs: env("PEPOCHS", "12").parse().unwrap(),
                prune: env("PRUNE", "1.5").parse().unwrap(),
                prune_entry: env("PRUNE_ENTRY", "0").parse().unwrap(),
                ..Default::default()
            };
            let p = if env("JK_ONLY", "0") == "1" {
                kgraph::nlp::parser::train::train_with(&jk, &pdev, cfg.seed, &popts, &mut log)
            } else {
                kgraph::nlp::parser::train::train_on_predicted_tags(&data.train, &jk, &pdev, cfg.seed, &popts, &mut log)
            };
            std::fs::write(dir.join("ud-parser.bin"), p.to_bytes()).unwrap();
            for (part, r) in &data.dev_parts {
                let (uas, las) = kgraph::nlp::parser::train::attachment_scores(&p, &pdev[r.clone()]);
                println!("parser dev {part}: UAS {uas:.2} LAS {las:.2}");
            }
        }
        "goldtags" => {
            // DIR/ud-parser.bin on dev with gold tags and with DIR/ud-tagger.bin's tags: how much
            // LAS the tagger's errors cost.
            let p = kgraph::nlp::parser::Parser::from_bytes(&std::fs::read(dir.join("ud-parser.bin")).unwrap()).unwrap();
            let m = TagModels::from_bytes("t", &std::fs::read(dir.join("ud-tagger.bin")).unwrap()).unwrap();
            let mut pdev = data.dev.clone();
            for s in pdev.iter_mut() {
                train::predict_tags(&m, &mut s.words);
            }
            for (part, r) in &data.dev_parts {
                let (gu, gl) = kgraph::nlp::parser::train::attachment_scores(&p, &data.dev[r.clone()]);
                let (pu, pl) = kgraph::nlp::parser::train::attachment_scores(&p, &pdev[r.clone()]);
                println!("dev {part}: gold tags UAS {gu:.2} LAS {gl:.2}; predicted tags UAS {pu:.2} LAS {pl:.2}");
            }
        }
        "eval" => {
            let a = Analyzer::from_dir(&dir).unwrap();
            let mut out = String::new();
            for s in &data.dev {
                let mut toks: Vec<kgraph::document::Token> =
                    s.words.iter().map(|w| kgraph::document::Token { form: w.form.clone(), ..Default::default() }).collect();
                a.analyze_tokens(&mut toks);
                conllu::write_sentence(&mut out, None, &toks);
            }
            std::fs::write(dir.join("dev-sys.conllu"), out).unwrap();
            for (part, r) in &data.dev_parts {
                let s = kgraph::nlp::eval::score_gold_tokenization(&a, &data.dev[r.clone()]);
                let pct = |x: usize| 100.0 * x as f64 / s.words as f64;
                println!(
                    "dev {part}: UPOS {:.2} XPOS {:.2} Lemma {:.2} UAS {:.2} LAS(univ) {:.2} LAS_full {:.2}",
                    pct(s.upos), pct(s.xpos), pct(s.lemma), pct(s.uas), pct(s.las), pct(s.las_full)
                );
            }
        }
        "bench" => {
            let (t, c) = (std::time::Instant::now(), cpu());
            let a = Analyzer::from_dir(&dir).unwrap();
            let (load, load_cpu) = (t.elapsed().as_secs_f64(), cpu() - c);
            let texts = kgraph::nlp::bench::read_texts(Path::new("../shared/corpora/news/wikinews-2019-2020.jsonl")).unwrap();
            kgraph::nlp::bench::run(&a, &texts[..3], 1);
            let c0 = cpu();
            let r = kgraph::nlp::bench::run(&a, &texts, 200_000);
            let busy = cpu() - c0;
            let parse = r.seconds - r.segment_seconds - r.tag_seconds;
            println!("load {load:.3}s wall, {load_cpu:.3}s cpu; on-cpu share of the run {:.0}%, tag+parse {:.0} w/s of cpu", 100.0 * busy / r.seconds, r.words as f64 / (busy * (r.tag_seconds + (r.seconds - r.segment_seconds - r.tag_seconds)) / r.seconds));
            println!(
                "load {load:.3}s words {} tag+parse {:.0} w/s (tag {:.0} w/s, parse {:.0} w/s), with segmentation {:.0} w/s",
                r.words,
                r.words as f64 / (r.tag_seconds + parse),
                r.words as f64 / r.tag_seconds,
                r.words as f64 / parse,
                r.words as f64 / r.seconds
            );
        }
        _ => panic!("mode"),
    }
    let _ = Arc::new(0);
    eprintln!("{mode} done in {:.0}s", t0.elapsed().as_secs_f64());
}
