//! Tests for the DOT writer, its escaping, and Graphviz rendering (the rendering tests run the
//! real `dot` and are skipped, with a message, only when Graphviz is not installed).

use super::*;
use crate::document::EntityType;
use crate::graph::KnowledgeGraph;
use crate::graph::tests::{entity, fact, sample, sample_graph};
use proptest::prelude::*;

fn dot_text(g: &KnowledgeGraph) -> String {
    let mut buf = Vec::new();
    write_dot(g, &mut buf).unwrap();
    String::from_utf8(buf).unwrap()
}

/// True when the Graphviz `dot` program can be run; prints why a test is skipped otherwise.
fn have_dot(test: &str) -> bool {
    let ok = Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !ok {
        eprintln!("SKIPPED {test}: Graphviz `dot` is not installed (apt-get install graphviz)");
    }
    ok
}

/// Runs `dot ARGS` on `input`; returns (exit ok, stdout, stderr).
fn run_dot(args: &[&str], input: &[u8]) -> (bool, Vec<u8>, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    match run_program("dot", &args, input, Some(Duration::from_secs(60)), 0) {
        Ok((out, err)) => (true, out, err),
        Err(ExportError::Graphviz { stderr, .. }) => (false, Vec::new(), stderr),
        Err(e) => panic!("{e}"),
    }
}

/// What Graphviz does to a quoted label value: the lexer turns `\"` into `"` and keeps other
/// backslashes; escString turns `\\` into `\` and `\n`/`\l`/`\r` into line breaks; then HTML
/// entities are decoded (only `&amp;` can occur in our output). Model of Graphviz 2.43.
fn graphviz_label_text(quoted_inner: &str) -> String {
    let mut lexed = String::new();
    let mut it = quoted_inner.chars().peekable();
    while let Some(c) = it.next() {
        if c == '\\' && it.peek() == Some(&'"') {
            lexed.push('"');
            it.next();
        } else {
            lexed.push(c);
        }
    }
    let mut esc = String::new();
    let mut it = lexed.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('n' | 'l' | 'r') => esc.push('\n'),
                Some(o) => esc.push(o),
                None => esc.push('\\'),
            }
        } else {
            esc.push(c);
        }
    }
    esc.replace("&amp;", "&")
}

#[test]
fn dot_escape_table() {
    let cases = [
        ("plain", "plain"),
        ("say \"hi\"", "say \\\"hi\\\""),
        ("back\\slash\\", "back\\\\slash\\\\"),
        ("\\N \\G \\n", "\\\\N \\\\G \\\\n"),
        ("l1\nl2\r\nl3\rl4", "l1\\nl2\\nl3\\nl4"),
        ("AT&T &lt;", "AT&amp;T &amp;lt;"),
        ("Cartagena 東京 😀", "Cartagena 東京 😀"),
        (
            "bell\u{7}nul\u{0}del\u{7f}",
            "bell\u{FFFD}nul\u{FFFD}del\u{FFFD}",
        ),
        ("tab\there", "tab\there"),
        ("<b>html?</b>", "<b>html?</b>"),
    ];
    for (input, want) in cases {
        assert_eq!(dot_escape(input), want, "{input:?}");
    }
}

#[test]
fn dot_quote_table() {
    let cases = [
        ("don_strand", "\"don_strand\""),
        ("node", "\"node\""),
        (
            "http://kgraph.local/entity/a b",
            "\"http://kgraph.local/entity/a b\"",
        ),
        ("a\"b", "\"a\\\"b\""),
        ("trailing\\", "\"trailing\\\\\""),
        ("x\ny\rz", "\"x\\ny\\rz\""),
        ("Bœuf-東京", "\"Bœuf-東京\""),
        ("a&amp;b", "\"a&amp;b\""),
    ];
    for (input, want) in cases {
        assert_eq!(dot_quote(input), want, "{input:?}");
    }
}

/// Any string without control characters comes out of Graphviz exactly as it went in.
fn no_controls() -> impl Strategy<Value = String> {
    any::<String>().prop_map(|s| {
        s.chars()
            .filter(|c| !c.is_control() && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
            .collect()
    })
}

proptest! {
    #[test]
    fn label_escaping_round_trips_through_the_graphviz_model(s in no_controls(), lines in prop::collection::vec(no_controls(), 1..4)) {
        prop_assert_eq!(graphviz_label_text(&dot_escape(&s)), s);
        // Line breaks survive as line breaks.
        let joined = lines.join("\n");
        prop_assert_eq!(graphviz_label_text(&dot_escape(&joined)), joined);
    }

    #[test]
    fn quoted_ids_are_well_formed_and_injective(a in any::<String>(), b in any::<String>()) {
        let q = dot_quote(&a);
        prop_assert!(q.starts_with('"') && q.ends_with('"') && q.len() >= 2);
        let inner = &q[1..q.len() - 1];
        // No raw newline/CR, and every `"` or `\` inside is part of an escape pair.
        prop_assert!(!inner.contains('\n') && !inner.contains('\r'));
        let mut it = inner.chars();
        while let Some(c) = it.next() {
            prop_assert!(c != '"', "raw quote in {q:?}");
            if c == '\\' {
                let next = it.next();
                prop_assert!(matches!(next, Some('\\' | '"' | 'n' | 'r')), "bad escape in {q:?}");
            }
        }
        let clean = |s: &str| !s.chars().any(is_bad_control);
        if a != b && clean(&a) && clean(&b) {
            prop_assert_ne!(dot_quote(&a), dot_quote(&b));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]

    /// The real `dot`: node ids and labels built from arbitrary strings parse, and the rendered
    /// label text (xdot `T` operations from `-Tjson`) equals the original string.
    #[test]
    fn real_graphviz_renders_any_label_exactly(labels in prop::collection::vec("[ -~éœßÑ東京😀\u{a0}]{1,24}", 1..24)) {
        if !have_dot("real_graphviz_renders_any_label_exactly") {
            return Ok(());
        }
        let mut dot = String::from("digraph {\n");
        for (i, l) in labels.iter().enumerate() {
            // The label string is also used (differently escaped) as the node id.
            dot.push_str(&format!("  {} [label=\"{}\"];\n", dot_quote(&format!("{i}:{l}")), dot_escape(l)));
        }
        dot.push_str("}\n");
        let (ok, out, err) = run_dot(&["-Tjson"], dot.as_bytes());
        prop_assert!(ok, "dot failed: {err}\n{dot}");
        prop_assert!(err.is_empty(), "warnings: {err}");
        let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let objects = json["objects"].as_array().unwrap();
        prop_assert_eq!(objects.len(), labels.len());
        for o in objects {
            let name = o["name"].as_str().unwrap();
            let (idx, _) = name.split_once(':').unwrap();
            let want = &labels[idx.parse::<usize>().unwrap()];
            let text: Vec<&str> = o["_ldraw_"].as_array().unwrap().iter()
                .filter(|op| op["op"] == "T").map(|op| op["text"].as_str().unwrap()).collect();
            // Graphviz drops leading/trailing spaces of a label only when it is all spaces.
            if want.trim().is_empty() { continue; }
            prop_assert_eq!(text.join("\n"), want.clone(), "node {}", name);
        }
    }
}

#[test]
fn real_graphviz_renders_multiline_and_entities() {
    if !have_dot("real_graphviz_renders_multiline_and_entities") {
        return;
    }
    let dot = format!(
        "digraph {{ a [label=\"{}\"]; }}",
        dot_escape("line \"one\"\r\nline \\two\\ &lt;3 AT&T")
    );
    let (ok, out, err) = run_dot(&["-Tjson"], dot.as_bytes());
    assert!(ok && err.is_empty(), "{err}");
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let text: Vec<&str> = json["objects"][0]["_ldraw_"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|op| op["op"] == "T")
        .map(|op| op["text"].as_str().unwrap())
        .collect();
    assert_eq!(text, ["line \"one\"", "line \\two\\ &lt;3 AT&T"]);
}

#[test]
fn sample_dot_has_styles_legend_labels_and_tooltips() {
    let dot = dot_text(&sample_graph());
    assert!(dot.starts_with("digraph {\n"));
    for needle in [
        "rankdir=LR;",
        "overlap=false;",
        "subgraph cluster_0 {",
        "\"kgraph:legend:0\" [label=\"Person\", shape=ellipse",
        "[label=\"Date value\", shape=note",
        "\"don_strand\" [label=\"Don Strand\", shape=ellipse, fillcolor=\"#a6cee3\"",
        "\"colombia\" [label=\"Colombia\", shape=hexagon",
        "URL=\"https://www.wikidata.org/wiki/Q99990002\"",
        "\"le_boeuf\" [label=\"Café \\\"Le Bœuf\\\" \\\\ 東京\", shape=box",
        // The two parallel "opposes" facts are one edge with their count, both sentences in the tooltip.
        "\"don_strand\" -> \"greta_quillen\" [label=\"opposes ×2\", tooltip=\"2 facts\\nStrand strongly opposed Quillen's \\\"plan\\\".\\n[d1 ¶1 s0 · clause:SVO · confidence 0.9]\\nStrand again opposed Quillen.\\n[d1 ¶10 s9 · clause:SVO · confidence 0.7]\", penwidth=2.8]",
        "tooltip=\"US President Strand\\nspoke.\\n[d1",
        "tooltip=\"The White House <is> in Washington &amp; more.",
        "\"greta_quillen\" -> \"literal:greta_quillen/visitDate/2026-02-03^^http://www.w3.org/2001/XMLSchema#date\" [label=\"visitDate\"",
    ] {
        assert!(dot.contains(needle), "missing {needle:?} in\n{dot}");
    }
    // Plain graph: no negated/modal styling.
    assert!(!dot.contains("dashed\"]") && !dot.contains("not cooperatesWith"));
}

#[test]
fn non_plain_edges_are_styled() {
    let (e, f) = sample();
    let g = KnowledgeGraph::from_facts_with(
        &e,
        &f,
        crate::graph::BuildOptions {
            include_non_plain: true,
            include_literals: true,
        },
    );
    let dot = dot_text(&g);
    assert!(dot.contains("[label=\"not cooperatesWith\", tooltip=\"Colombia will not cooperate.\\n[d1 ¶8 s7 · clause:SVO · confidence 0.6]\", penwidth=1.8, color=\"#d62728\", fontcolor=\"#d62728\", style=\"dashed\"]"), "{dot}");
    assert!(dot.contains("[label=\"meets (possible)\", tooltip=\"Strand might meet Quillen.\\n[d1 ¶9 s8 · clause:SVO · confidence 0.5 · according to officials in Washington]\", penwidth=1.6, style=\"dashed\"]"), "{dot}");
}

#[test]
fn options_title_no_legend_no_edge_labels_rankdir() {
    let opts = DotOptions {
        title: Some("Seed \"article\"".into()),
        legend: false,
        rankdir: "TB",
        edge_labels: false,
        ..DotOptions::default()
    };
    let mut buf = Vec::new();
    write_dot_with(&sample_graph(), &opts, &mut buf).unwrap();
    let dot = String::from_utf8(buf).unwrap();
    assert!(
        dot.contains("rankdir=TB;")
            && dot.contains("label=\"Seed \\\"article\\\"\";")
            && dot.contains("labelloc=t;")
    );
    assert!(!dot.contains("cluster_") && !dot.contains("[label=\"opposes\""));
    // An unknown rankdir falls back to LR.
    let mut buf = Vec::new();
    write_dot_with(
        &sample_graph(),
        &DotOptions {
            rankdir: "XX",
            ..DotOptions::default()
        },
        &mut buf,
    )
    .unwrap();
    assert!(String::from_utf8(buf).unwrap().contains("rankdir=LR;"));
}

#[test]
fn empty_graph_is_valid_dot() {
    let dot = dot_text(&KnowledgeGraph::default());
    assert!(!dot.contains("cluster"));
    if have_dot("empty_graph_is_valid_dot") {
        let (ok, _, err) = run_dot(&["-Tsvg"], dot.as_bytes());
        assert!(ok && err.is_empty(), "{err}");
    }
}

#[test]
fn sample_renders_with_real_dot_without_warnings() {
    if !have_dot("sample_renders_with_real_dot_without_warnings") {
        return;
    }
    let (e, f) = sample();
    let g = KnowledgeGraph::from_facts_with(
        &e,
        &f,
        crate::graph::BuildOptions {
            include_non_plain: true,
            include_literals: true,
        },
    );
    let dot = dot_text(&g);
    for args in [["-Tsvg", "-Kdot"], ["-Tpng", "-Kdot"], ["-Tsvg", "-Ksfdp"]] {
        let (ok, out, err) = run_dot(&args, dot.as_bytes());
        assert!(ok, "dot {args:?} failed: {err}");
        assert_eq!(err, "", "dot {args:?} printed warnings");
        assert!(!out.is_empty());
    }
    let svg = render_with_graphviz(dot.as_bytes(), "svg").unwrap();
    let svg = String::from_utf8(svg).unwrap();
    assert!(svg.contains("<svg"));
    // Graphviz XML-escapes the label text.
    assert!(svg.contains("Café &quot;Le Bœuf&quot; \\ 東京"), "{svg}");
    assert!(svg.contains(">opposes ×2</text>") && svg.contains(">Legend</text>"));
    assert!(svg.contains("xlink:href=\"https://www.wikidata.org/wiki/Q30\""));
    let png = render_with_graphviz(dot.as_bytes(), "PNG").unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
}

#[test]
fn render_errors_are_typed_and_clear() {
    assert!(
        matches!(render_with_graphviz(b"digraph {}", "pdf"), Err(ExportError::UnsupportedRender(f)) if f == "pdf")
    );
    let missing = RenderOptions {
        program: "kgraph-test-no-such-graphviz".into(),
        ..RenderOptions::default()
    };
    let err = render_with(b"digraph {}", "svg", &missing).unwrap_err();
    assert!(matches!(err, ExportError::GraphvizNotFound { .. }));
    assert_eq!(
        ExportError::GraphvizNotFound {
            program: "dot".into()
        }
        .to_string(),
        "Graphviz `dot` not found: install the `graphviz` package (apt-get install graphviz)"
    );
    // A program that outlives the timeout is killed.
    let err = run_program(
        "sleep",
        &["5".to_string()],
        b"",
        Some(Duration::from_millis(100)),
        7,
    )
    .unwrap_err();
    assert!(
        matches!(err, ExportError::GraphvizTimeout { edges: 7, .. }),
        "{err}"
    );
    if have_dot("render_errors_are_typed_and_clear") {
        let err = render_with_graphviz(b"digraph { a -> }", "svg").unwrap_err();
        match err {
            ExportError::Graphviz { stderr, .. } => {
                assert!(stderr.contains("syntax error"), "{stderr}")
            }
            other => panic!("{other}"),
        }
    }
}

#[test]
fn counts_edges_outside_quotes_and_picks_layout() {
    assert_eq!(
        count_dot_edges(br#"digraph { "a->b" -> "c\"->" -> d; e -> f [label="->"] }"#),
        3
    );
    let g = sample_graph();
    // One drawn edge per group of parallel facts: the sample's two parallel facts are one.
    assert_eq!(count_dot_edges(dot_text(&g).as_bytes()), g.edge_count() - 1);
    assert_eq!(drawn_edge_count(&g), g.edge_count() - 1);
}

/// A synthetic graph with `n_edges` edges over about `n_edges / 3` entities.
pub(crate) fn synthetic(n_edges: usize) -> KnowledgeGraph {
    let n_nodes = (n_edges / 3).max(2);
    let kinds = EntityType::ALL;
    let entities: Vec<_> = (0..n_nodes)
        .map(|i| {
            entity(
                &format!("e{i:05}"),
                &format!("Entity \"{i}\" Ñ"),
                kinds[i % kinds.len()],
                &[],
                (i % 7 == 0).then_some("Q1"),
            )
        })
        .collect();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let facts: Vec<_> = (0..n_edges)
        .map(|i| {
            let s = (next() % n_nodes as u64) as usize;
            // Skewed objects: low ids are hubs.
            let r = (next() % 10_000) as f64 / 10_000.0;
            let o = ((r * r) * n_nodes as f64) as usize;
            fact(
                &format!("e{s:05}"),
                ["opposes", "meets", "visits", "leads", "sanctions"][i % 5],
                &format!("e{o:05}"),
                0.5 + (i % 5) as f32 / 10.0,
                i,
                &format!("Sentence {i} says \"something\" about e{s} & e{o}."),
            )
        })
        .collect();
    KnowledgeGraph::from_facts(&entities, &facts)
}

#[test]
fn large_graphs_switch_to_sfdp() {
    let g = synthetic(SFDP_EDGE_THRESHOLD + 30);
    let dot = dot_text(&g);
    assert!(drawn_edge_count(&g) > SFDP_EDGE_THRESHOLD);
    assert_eq!(count_dot_edges(dot.as_bytes()), drawn_edge_count(&g));
    assert!(!dot.contains("cluster_"), "no legend for sfdp-sized graphs");
    assert!(dot_text(&synthetic(SFDP_EDGE_THRESHOLD)).contains("subgraph cluster_0"));
    if have_dot("large_graphs_switch_to_sfdp") {
        let r = render_with(dot.as_bytes(), "svg", &RenderOptions::default()).unwrap();
        assert_eq!(r.layout, Layout::Sfdp);
        assert_eq!(r.warnings, "");
        let small = render_with(
            dot_text(&sample_graph()).as_bytes(),
            "svg",
            &RenderOptions::default(),
        )
        .unwrap();
        assert_eq!(small.layout, Layout::Dot);
    }
}

#[test]
fn snapshot_sample_dot() {
    insta::assert_snapshot!("sample_dot", dot_text(&sample_graph()));
}
