//! End-to-end tests of `kgraph analyze --format jsonl` (the JSON other tools read to see who "she"
//! and "the firm" are) and of `kgraph eval coref`, with the real binary on invented texts.

mod common;

use common::*;
use serde_json::Value;

/// Invented. Non-ASCII letters and an emoji (one code point, two UTF-16 units, four bytes) come
/// before the names, so byte, UTF-16 and code-point offsets all differ.
const TEXT: &str = "crème brûlée note 🙂: Dorota Wiśniewska founded Kestrel Robotics in Poznań in 2019. \
She said the firm would hire forty engineers, and she expects them to start in May.\n";

fn run_jsonl(cmd: &mut assert_cmd::Command) -> Vec<Value> {
    stdout(cmd).lines().map(|l| serde_json::from_str(l).expect("one JSON object per line")).collect()
}

/// `s[start:end]` as Python slices a `str`: by code points.
fn py_slice(text: &str, start: u64, end: u64) -> String {
    text.chars().skip(start as usize).take((end - start) as usize).collect()
}

/// Every `text` in the object equals the document sliced at its `start`/`end`.
fn check_offsets(doc: &Value, text: &str) {
    assert_eq!(doc["text_length"].as_u64().unwrap() as usize, text.chars().count());
    let mut spans: Vec<&Value> = Vec::new();
    for s in doc["sentences"].as_array().unwrap() {
        spans.extend(s["tokens"].as_array().unwrap());
    }
    spans.extend(doc["entities"].as_array().unwrap());
    for c in doc["chains"].as_array().unwrap() {
        spans.extend(c["mentions"].as_array().unwrap());
    }
    assert!(spans.len() > 20);
    for v in spans {
        let (s, e) = (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap());
        assert_eq!(py_slice(text, s, e), v["text"].as_str().unwrap(), "{v}");
    }
}

#[test]
fn analyze_jsonl_gives_code_point_offsets_entities_and_chains() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("note.txt");
    std::fs::write(&file, TEXT).unwrap();
    let docs = run_jsonl(kgraph(&dir.path().join("s")).arg("analyze").arg(&file).args(["--format", "jsonl"]));
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    assert_eq!(doc["doc"].as_str().unwrap(), file.to_str().unwrap());
    check_offsets(doc, TEXT);
    let sentences = doc["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 2);
    let first = &sentences[0]["tokens"][0];
    for key in ["text", "start", "end", "upos", "xpos", "lemma", "head", "deprel"] {
        assert!(first.get(key).is_some(), "token without {key}: {first}");
    }
    // The person: where Python finds her, typed, and in a chain with the pronouns.
    let entities = doc["entities"].as_array().unwrap();
    let person = entities.iter().find(|e| e["text"] == "Dorota Wiśniewska").expect("the person is an entity");
    assert_eq!(person["start"].as_u64().unwrap(), 21, "code points, not bytes or UTF-16 units");
    assert_eq!(person["type"], "Person");
    let chain_id = person["chain"].as_u64().expect("the person has a chain");
    let chain = doc["chains"].as_array().unwrap().iter().find(|c| c["id"].as_u64() == Some(chain_id)).unwrap();
    let mentions: Vec<(&str, &str)> =
        chain["mentions"].as_array().unwrap().iter().map(|m| (m["text"].as_str().unwrap(), m["kind"].as_str().unwrap())).collect();
    assert!(mentions.contains(&("She", "pronoun")), "{mentions:?}");
    assert_eq!(chain["label"], "Dorota Wiśniewska");
    assert_eq!(chain["type"], "Person");
    // No mention is in two chains.
    let mut seen = std::collections::HashSet::new();
    for m in doc["chains"].as_array().unwrap().iter().flat_map(|c| c["mentions"].as_array().unwrap()) {
        assert!(seen.insert((m["start"].as_u64(), m["end"].as_u64())), "{m} twice");
    }
}

#[test]
fn analyze_reads_stdin_and_keeps_conllu_as_the_default() {
    let dir = tempfile::tempdir().unwrap();
    let docs = run_jsonl(kgraph(&dir.path().join("s")).args(["analyze", "-", "--format", "jsonl"]).write_stdin(TEXT));
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["doc"], "-");
    check_offsets(&docs[0], TEXT);
    let conllu = stdout(kgraph(&dir.path().join("s")).args(["analyze", "-"]).write_stdin(TEXT));
    assert!(conllu.starts_with("# sent_id = "), "{conllu}");
    assert!(conllu.lines().any(|l| l.split('\t').count() == 10));
}

#[test]
fn analyze_reads_json_lines_one_document_a_line_as_extract_does() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("two.jsonl");
    let second = "Ilinca Voda opened a bakery in Cluj. She hired two bakers.";
    let lines = [serde_json::json!({"id": "first", "text": TEXT}), serde_json::json!({"id": "second", "text": second})];
    std::fs::write(&file, lines.iter().map(|l| format!("{l}\n")).collect::<String>()).unwrap();
    let docs = run_jsonl(kgraph(&dir.path().join("s")).arg("analyze").arg(&file).args(["--format", "jsonl"]));
    assert_eq!(docs.len(), 2, "one analysis per line, not the file as one text");
    assert_eq!(docs[0]["doc"].as_str().unwrap(), format!("{}#first", file.display()));
    assert_eq!(docs[1]["doc"].as_str().unwrap(), format!("{}#second", file.display()));
    check_offsets(&docs[0], TEXT);
    assert_eq!(docs[1]["text_length"].as_u64().unwrap() as usize, second.chars().count());
    assert!(docs[1]["entities"].as_array().unwrap().iter().any(|e| e["text"] == "Ilinca Voda"));
    // The CoNLL-U output reads the same documents: no sentence holds the JSON syntax.
    let conllu = stdout(kgraph(&dir.path().join("s")).arg("analyze").arg(&file));
    assert!(conllu.lines().filter(|l| l.starts_with("# text = ")).all(|l| !l.contains("\"id\"")), "{conllu}");
    assert!(conllu.contains("# text = Ilinca Voda opened a bakery in Cluj."), "{conllu}");
}

/// An invented gold file in GUM's `Entity=` notation.
const GOLD: &str = "# newdoc id = invented\n# newpar\n# text = Mirela Tanase opened a bakery.\n\
1\tMirela\tMirela\tPROPN\tNNP\tNumber=Sing\t3\tnsubj\t_\tEntity=(1-person-new-x-y-1,2-coref-Mirela_Tanase\n\
2\tTanase\tTanase\tPROPN\tNNP\tNumber=Sing\t1\tflat\t_\tEntity=1)\n\
3\topened\topen\tVERB\tVBD\t_\t0\troot\t_\t_\n\
4\ta\ta\tDET\tDT\t_\t5\tdet\t_\tEntity=(2-place-new-x-y-2-coref\n\
5\tbakery\tbakery\tNOUN\tNN\tNumber=Sing\t3\tobj\t_\tEntity=2)|SpaceAfter=No\n\
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n\
# text = She sold bread in it.\n\
1\tShe\tshe\tPRON\tPRP\tCase=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs\t2\tnsubj\t_\tEntity=(1-person-giv-x-y-1-coref)\n\
2\tsold\tsell\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\tbread\tbread\tNOUN\tNN\tNumber=Sing\t2\tobj\t_\tEntity=(3-substance-new-x-y-1-sgl)\n\
4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n\
5\tit\tit\tPRON\tPRP\tCase=Acc|Gender=Neut|Number=Sing|Person=3|PronType=Prs\t2\tobl\t_\tEntity=(2-place-giv-x-y-1-coref)|SpaceAfter=No\n\
6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

fn value(report: &str, name: &str) -> f64 {
    let line = report.lines().find(|l| l.split(' ').next() == Some(name)).unwrap_or_else(|| panic!("no {name} in\n{report}"));
    line.split(' ').nth(1).unwrap().parse().unwrap()
}

#[test]
fn eval_coref_prints_the_metrics_and_the_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.conllu");
    std::fs::write(&gold, GOLD).unwrap();
    let report = stdout(kgraph(&dir.path().join("s")).args(["eval", "coref", "--gold"]).arg(&gold));
    for name in ["MUC-F1", "B3-F1", "CEAFe-F1", "CoNLL-F1", "CoNLL-F1-with-singletons", "Pronoun-accuracy", "Baseline-CoNLL-F1", "Mentions-R"] {
        let v = value(&report, name);
        assert!((0.0..=100.0).contains(&v), "{name} {v}");
    }
    assert_eq!(value(&report, "Mentions-gold"), 5.0);
    assert_eq!(value(&report, "Pronouns"), 1.0, "`She` has a named antecedent; `it` does not");
    // The string-match baseline cannot link a pronoun to a name.
    assert_eq!(value(&report, "Baseline-Pronoun-accuracy"), 0.0);

    let bad = dir.path().join("bad.conllu");
    std::fs::write(&bad, "# newdoc id = x\n1\tA\ta\tNOUN\tNN\t_\t0\troot\t_\tEntity=(1-person-new\n\n").unwrap();
    let out = kgraph(&dir.path().join("s")).args(["eval", "coref", "--gold"]).arg(&bad).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.conllu") && err.contains("not closed"), "{err}");
}
