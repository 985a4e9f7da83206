//! Tests for the format enum and the GraphML, CSV and JSON writers; determinism of every writer;
//! interop with NetworkX (when a Python with networkx is available); a 10k-edge timing run.

use super::*;
use crate::graph::tests::{sample, sample_graph};
use crate::graph::{BuildOptions, KnowledgeGraph};
use std::path::Path;
use std::process::Command;

fn to_string(f: impl FnOnce(&mut Vec<u8>) -> Result<(), ExportError>) -> String {
    let mut buf = Vec::new();
    f(&mut buf).unwrap();
    String::from_utf8(buf).unwrap()
}

fn full_sample() -> KnowledgeGraph {
    let (e, f) = sample();
    KnowledgeGraph::from_facts_with(
        &e,
        &f,
        BuildOptions {
            include_non_plain: true,
            include_literals: true,
        },
    )
}

#[test]
fn format_names_extensions_and_errors() {
    let names = [
        "dot", "svg", "png", "ttl", "nt", "nq", "trig", "rdfxml", "jsonld", "graphml", "csv",
        "json",
    ];
    assert_eq!(ExportFormat::ALL.map(|f| f.name()), names);
    for f in ExportFormat::ALL {
        assert_eq!(ExportFormat::from_name(f.name()).unwrap(), f);
        assert_eq!(ExportFormat::from_extension(f.extension()), Some(f), "{f}");
        assert_eq!(f.name().parse::<ExportFormat>().unwrap(), f);
    }
    let table = [
        ("graph.ttl", Some(ExportFormat::Turtle)),
        ("out/GRAPH.SVG", Some(ExportFormat::Svg)),
        ("g.gv", Some(ExportFormat::Dot)),
        ("g.rdf", Some(ExportFormat::RdfXml)),
        ("g.json", Some(ExportFormat::Json)),
        ("g.jsonld", Some(ExportFormat::JsonLd)),
        ("g.nq", Some(ExportFormat::NQuads)),
        ("g.pdf", None),
        ("noext", None),
    ];
    for (path, want) in table {
        assert_eq!(
            ExportFormat::from_path(Path::new(path)).ok(),
            want,
            "{path}"
        );
    }
    assert_eq!(
        ExportFormat::from_name("Turtle").unwrap(),
        ExportFormat::Turtle
    );
    assert_eq!(ExportFormat::RdfXml.extension(), "rdf");
    let err = ExportFormat::from_name("pdf").unwrap_err().to_string();
    assert_eq!(
        err,
        "unknown export format `pdf`: expected one of dot, svg, png, ttl, nt, nq, trig, rdfxml, jsonld, graphml, csv, json"
    );
    let err = ExportFormat::from_path(Path::new("out/graph.xyz"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("out/graph.xyz") && err.contains("graphml"),
        "{err}"
    );
    let rdf: Vec<_> = ExportFormat::ALL
        .into_iter()
        .filter(|f| f.is_rdf())
        .map(|f| f.name())
        .collect();
    assert_eq!(rdf, ["ttl", "nt", "nq", "trig", "rdfxml", "jsonld"]);
    assert!(
        ExportFormat::Png.needs_graphviz()
            && ExportFormat::Png.is_binary()
            && !ExportFormat::Svg.is_binary()
    );
}

#[test]
fn export_dispatch() {
    let g = sample_graph();
    for f in [ExportFormat::Dot, ExportFormat::GraphMl, ExportFormat::Json] {
        let mut buf = Vec::new();
        export(&g, f, &mut buf).unwrap();
        assert!(!buf.is_empty(), "{f}");
    }
    let mut buf = Vec::new();
    assert!(matches!(
        export(&g, ExportFormat::Csv, &mut buf),
        Err(ExportError::CsvNeedsTwoOutputs)
    ));
    assert!(matches!(
        export(&g, ExportFormat::Turtle, &mut buf),
        Err(ExportError::RdfFormat(ExportFormat::Turtle))
    ));
    assert!(buf.is_empty());
}

/// A writer that fails, like a closed pipe: writers must return the error, not panic.
struct Broken;
impl Write for Broken {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::new(
            std::io::ErrorKind::BrokenPipe,
            "closed",
        ))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn io_errors_are_returned_not_panicked() {
    let g = sample_graph();
    assert!(matches!(
        write_dot(&g, &mut Broken),
        Err(ExportError::Io(_))
    ));
    assert!(matches!(
        write_graphml(&g, &mut Broken),
        Err(ExportError::Io(_))
    ));
    assert!(matches!(
        write_json(&g, &mut Broken),
        Err(ExportError::Io(_))
    ));
    assert!(matches!(
        write_csv(&g, &mut Broken, &mut Vec::new()),
        Err(ExportError::Io(_))
    ));
    let err = write_csv_files(
        &g,
        Path::new("/nonexistent-dir/x.nodes.csv"),
        Path::new("/nonexistent-dir/x.edges.csv"),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.starts_with("cannot write `/nonexistent-dir/x.nodes.csv`"),
        "{err}"
    );
}

#[test]
fn graphml_has_typed_keys_and_escaped_values() {
    let xml = to_string(|b| write_graphml(&full_sample(), b));
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""));
    for needle in [
        "<key id=\"n_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>",
        "<key id=\"e_confidence\" for=\"edge\" attr.name=\"confidence\" attr.type=\"double\"/>",
        "<key id=\"e_negated\" for=\"edge\" attr.name=\"negated\" attr.type=\"boolean\"/>",
        "<key id=\"e_sentence\" for=\"edge\" attr.name=\"sentence\" attr.type=\"int\"/>",
        "<graph id=\"kgraph\" edgedefault=\"directed\">",
        "<node id=\"le_boeuf\">\n      <data key=\"n_label\">Café &quot;Le Bœuf&quot; \\ 東京</data>",
        "<data key=\"n_aliases\">President Strand; Strand</data>",
        "<data key=\"n_wikidata\">Q30</data>",
        "<edge id=\"e0\" source=\"colombia\" target=\"united_states\">",
        "<data key=\"e_negated\">true</data>",
        "<data key=\"e_modality\">possible</data>",
        "<data key=\"e_evidence\">US President Strand&#10;spoke.</data>",
        "<data key=\"e_evidence\">The White House &lt;is&gt; in Washington &amp; more.</data>",
        "<data key=\"n_datatype\">http://www.w3.org/2001/XMLSchema#date</data>",
        "<data key=\"e_confidence\">0.95</data>",
    ] {
        assert!(xml.contains(needle), "missing {needle:?}\n{xml}");
    }
    assert_eq!(xml.matches("<node ").count(), 10);
    assert_eq!(xml.matches("<edge ").count(), 10);
    assert!(xml.ends_with("</graph>\n</graphml>\n"));
}

/// Minimal RFC 4180 reader for checking the CSV output.
fn parse_csv(text: &str) -> Vec<Vec<Option<String>>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut chars = text.chars().peekable();
    let mut field = String::new();
    let mut quoted_field = false;
    loop {
        match chars.next() {
            None => break,
            Some('"') if field.is_empty() && !quoted_field => {
                quoted_field = true;
                loop {
                    match chars.next() {
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(c) => field.push(c),
                        None => panic!("unterminated quote"),
                    }
                }
            }
            Some(',') => {
                row.push((quoted_field || !field.is_empty()).then(|| std::mem::take(&mut field)));
                quoted_field = false;
            }
            Some('\n') => {
                row.push((quoted_field || !field.is_empty()).then(|| std::mem::take(&mut field)));
                quoted_field = false;
                rows.push(std::mem::take(&mut row));
            }
            Some(c) => field.push(c),
        }
    }
    assert!(row.is_empty() && field.is_empty(), "missing final newline");
    rows
}

#[test]
fn csv_has_neo4j_headers_and_round_trips() {
    let g = full_sample();
    let (mut nodes, mut edges) = (Vec::new(), Vec::new());
    write_csv(&g, &mut nodes, &mut edges).unwrap();
    let nodes = parse_csv(std::str::from_utf8(&nodes).unwrap());
    let edges = parse_csv(std::str::from_utf8(&edges).unwrap());
    let header = |r: &Vec<Option<String>>| {
        r.iter()
            .map(|f| f.clone().unwrap())
            .collect::<Vec<_>>()
            .join(",")
    };
    assert_eq!(header(&nodes[0]), csv::NODES_HEADER);
    assert_eq!(header(&edges[0]), csv::EDGES_HEADER);
    assert!(csv::NODES_HEADER.starts_with("id:ID,label,:LABEL,"));
    assert!(csv::EDGES_HEADER.starts_with(":START_ID,:END_ID,:TYPE,"));
    assert_eq!(nodes.len(), 1 + g.node_count());
    assert_eq!(edges.len(), 1 + g.edge_count());
    assert!(
        nodes.iter().all(|r| r.len() == nodes[0].len())
            && edges.iter().all(|r| r.len() == edges[0].len())
    );
    let node = |id: &str| {
        nodes
            .iter()
            .find(|r| r[0].as_deref() == Some(id))
            .unwrap()
            .clone()
    };
    let boeuf = node("le_boeuf");
    assert_eq!(boeuf[1].as_deref(), Some("Café \"Le Bœuf\" \\ 東京"));
    assert_eq!(boeuf[2].as_deref(), Some("Entity;Organization"));
    assert_eq!(boeuf[5], None, "no aliases → empty, unquoted");
    assert_eq!(
        node("don_strand")[5].as_deref(),
        Some("President Strand;Strand")
    );
    assert_eq!(node("washington")[1].as_deref(), Some("Washington, D.C."));
    let lit = nodes
        .iter()
        .find(|r| r[2].as_deref() == Some("Literal;Date"))
        .unwrap();
    assert_eq!(
        lit[7].as_deref(),
        Some("http://www.w3.org/2001/XMLSchema#date")
    );
    let spoke = edges
        .iter()
        .find(|r| r[12].as_deref() == Some("US President Strand\nspoke."))
        .unwrap();
    assert_eq!(
        spoke[..3],
        [
            Some("don_strand".into()),
            Some("united_states".into()),
            Some("presidentOf".into())
        ]
    );
    let neg = edges
        .iter()
        .find(|r| r[9].as_deref() == Some("true"))
        .unwrap();
    assert_eq!(neg[2].as_deref(), Some("cooperatesWith"));
    let modal = edges
        .iter()
        .find(|r| r[10].as_deref() == Some("possible"))
        .unwrap();
    assert_eq!(modal[11].as_deref(), Some("officials in Washington"));
    // Raw text: quoted only when needed.
    let raw = {
        let (mut n, mut e) = (Vec::new(), Vec::new());
        write_csv(&g, &mut n, &mut e).unwrap();
        String::from_utf8(e).unwrap()
    };
    assert!(
        raw.contains("\nwhite_house,washington,locatedIn,locatedIn,locatedIn,"),
        "{raw}"
    );
    assert!(
        raw.contains(",\"Strand strongly opposed Quillen's \"\"plan\"\".\","),
        "{raw}"
    );
}

#[test]
fn csv_paths_and_files() {
    assert_eq!(
        csv_paths(Path::new("exports/graph.csv")),
        (
            PathBuf::from("exports/graph.nodes.csv"),
            PathBuf::from("exports/graph.edges.csv")
        )
    );
    assert_eq!(
        csv_paths(Path::new("out")),
        (
            PathBuf::from("out.nodes.csv"),
            PathBuf::from("out.edges.csv")
        )
    );
    let dir = std::env::temp_dir().join(format!("kgraph-csv-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (n, e) = csv_paths(&dir.join("g.csv"));
    write_csv_files(&sample_graph(), &n, &e).unwrap();
    assert_eq!(std::fs::read_to_string(&n).unwrap().lines().count(), 11);
    // 8 edges + header, and one evidence sentence has a line break inside its quoted field.
    assert_eq!(std::fs::read_to_string(&e).unwrap().lines().count(), 10);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn json_is_node_link() {
    let g = full_sample();
    let text = to_string(|b| write_json(&g, b));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["directed"], true);
    assert_eq!(v["multigraph"], true);
    assert_eq!(v["graph"], serde_json::json!({}));
    let nodes = v["nodes"].as_array().unwrap();
    let links = v["links"].as_array().unwrap();
    assert_eq!((nodes.len(), links.len()), (10, 10));
    let ids: Vec<&str> = nodes.iter().map(|n| n["id"].as_str().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "sorted ids");
    let boeuf = nodes.iter().find(|n| n["id"] == "le_boeuf").unwrap();
    assert_eq!(boeuf["label"], "Café \"Le Bœuf\" \\ 東京");
    assert_eq!(boeuf["type"], "Organization");
    // Parallel edges strand → quillen (meets, opposes ×2) get keys 0, 1, 2; the others 0.
    let pair: Vec<_> = links
        .iter()
        .filter(|l| l["source"] == "don_strand" && l["target"] == "greta_quillen")
        .collect();
    assert_eq!(
        pair.iter()
            .map(|l| (l["predicate"].as_str().unwrap(), l["key"].as_u64().unwrap()))
            .collect::<Vec<_>>(),
        [("meets", 0), ("opposes", 1), ("opposes", 2)]
    );
    assert_eq!(links.iter().filter(|l| l["key"] == 0).count(), 8);
    let opposes: Vec<_> = links
        .iter()
        .filter(|l| l["predicate"] == "opposes")
        .collect();
    assert_eq!(opposes[0]["confidence"].as_f64(), Some(0.9));
    assert!(text.contains("\"confidence\": 0.9,"), "shortest float text");
    assert!(
        links
            .iter()
            .all(|l| ids.contains(&l["source"].as_str().unwrap())
                && ids.contains(&l["target"].as_str().unwrap()))
    );
    let modal = links.iter().find(|l| l["modality"] == "possible").unwrap();
    assert_eq!(modal["attribution"], "officials in Washington");
    assert!(text.ends_with("}\n"));
}

/// Every writer gives byte-identical output for the same facts given in a different order.
#[test]
fn all_writers_are_deterministic() {
    let (mut e, mut f) = sample();
    let opts = BuildOptions {
        include_non_plain: true,
        include_literals: true,
    };
    let a = KnowledgeGraph::from_facts_with(&e, &f, opts);
    e.reverse();
    f.reverse();
    f.rotate_left(4);
    let b = KnowledgeGraph::from_facts_with(&e, &f, opts);
    let all = |g: &KnowledgeGraph| {
        let (mut n, mut ed) = (Vec::new(), Vec::new());
        write_csv(g, &mut n, &mut ed).unwrap();
        [
            to_string(|w| write_dot(g, w)),
            to_string(|w| write_graphml(g, w)),
            to_string(|w| write_json(g, w)),
            String::from_utf8(n).unwrap(),
            String::from_utf8(ed).unwrap(),
        ]
    };
    assert_eq!(all(&a), all(&b));
    assert_eq!(all(&a), all(&a.clone()));
    // Subgraphs too.
    assert_eq!(
        all(&a.focus("quillen", 2).unwrap()),
        all(&b.focus("quillen", 2).unwrap())
    );
    assert_eq!(
        all(&a.filter(&[], 1, Some(4))),
        all(&b.filter(&[], 1, Some(4)))
    );
}

#[test]
fn snapshot_sample_graphml() {
    insta::assert_snapshot!(
        "sample_graphml",
        to_string(|b| write_graphml(&sample_graph(), b))
    );
}

/// A Python with networkx: `KGRAPH_PYTHON`, else `python3` if it can import networkx.
fn networkx_python() -> Option<String> {
    let candidates: Vec<String> = match std::env::var("KGRAPH_PYTHON") {
        Ok(p) => vec![p],
        Err(_) => vec!["python3".into()],
    };
    candidates.into_iter().find(|p| {
        Command::new(p)
            .args(["-c", "import networkx"])
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false)
    })
}

/// tests/interop/check_graphml.py reads our GraphML and node-link JSON with networkx and prints
/// the node and edge counts, which must match the graph's.
#[test]
fn networkx_reads_graphml_and_node_link_json() {
    let Some(python) = networkx_python() else {
        eprintln!(
            "SKIPPED networkx_reads_graphml_and_node_link_json: no Python with networkx (set KGRAPH_PYTHON)"
        );
        return;
    };
    let script = Path::new(file!())
        .parent()
        .unwrap()
        .join("../../tests/interop/check_graphml.py");
    let script = if script.exists() {
        script
    } else {
        PathBuf::from("tests/interop/check_graphml.py")
    };
    let dir = std::env::temp_dir().join(format!("kgraph-nx-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let g = full_sample();
    let gml = dir.join("g.graphml");
    let json = dir.join("g.json");
    std::fs::write(&gml, to_string(|b| write_graphml(&g, b))).unwrap();
    std::fs::write(&json, to_string(|b| write_json(&g, b))).unwrap();
    let out = Command::new(&python)
        .arg(&script)
        .arg(&gml)
        .arg(&json)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("graphml: nodes=10 edges=10"), "{stdout}");
    assert!(stdout.contains("json: nodes=10 edges=10"), "{stdout}");
}

/// Timings on a synthetic 10k-edge graph. Run with
/// `cargo test --release export::tests::bench_10k_edges -- --ignored --nocapture`.
#[test]
#[ignore]
fn bench_10k_edges() {
    use std::time::Instant;
    let t = Instant::now();
    let g = super::dot::tests::synthetic(10_000);
    println!(
        "build: {} nodes, {} edges in {:?}",
        g.node_count(),
        g.edge_count(),
        t.elapsed()
    );
    let time = |name: &str, f: &dyn Fn() -> usize| {
        let t = Instant::now();
        let n = f();
        println!("{name}: {:?} ({n})", t.elapsed());
    };
    time("degree_ranking", &|| g.degree_ranking().len());
    time("pagerank(0.85, 50)", &|| g.pagerank(0.85, 50).len());
    time("components", &|| g.components().len());
    time("shortest_path", &|| {
        g.shortest_path("e00001", "e03000")
            .ok()
            .flatten()
            .map_or(0, |p| p.len())
    });
    time("focus depth 2", &|| {
        g.focus("e03000", 2).map_or(0, |f| f.edge_count())
    });
    time("filter max_nodes 300", &|| {
        g.filter(&[], 0, Some(300)).edge_count()
    });
    time("write_dot bytes", &|| to_string(|b| write_dot(&g, b)).len());
    time("write_graphml bytes", &|| {
        to_string(|b| write_graphml(&g, b)).len()
    });
    time("write_json bytes", &|| {
        to_string(|b| write_json(&g, b)).len()
    });
    time("write_csv bytes", &|| {
        let (mut n, mut e) = (Vec::new(), Vec::new());
        write_csv(&g, &mut n, &mut e).unwrap();
        n.len() + e.len()
    });
    if let Some(python) = networkx_python() {
        let dir = std::env::temp_dir().join(format!("kgraph-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("g.graphml"), to_string(|b| write_graphml(&g, b))).unwrap();
        std::fs::write(dir.join("g.json"), to_string(|b| write_json(&g, b))).unwrap();
        let t = Instant::now();
        let out = Command::new(&python)
            .arg(
                Path::new(file!())
                    .parent()
                    .unwrap()
                    .join("../../tests/interop/check_graphml.py"),
            )
            .arg(dir.join("g.graphml"))
            .arg(dir.join("g.json"))
            .output()
            .unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        println!(
            "networkx check: {:?}: {}",
            t.elapsed(),
            String::from_utf8_lossy(&out.stdout).replace('\n', " | ")
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let dot = to_string(|b| write_dot(&g, b));
    let t = Instant::now();
    match render_with(dot.as_bytes(), "svg", &RenderOptions::default()) {
        Ok(r) => println!(
            "render svg ({}): {:?}, {} bytes, warnings: {:?}",
            r.layout.name(),
            t.elapsed(),
            r.bytes.len(),
            r.warnings
        ),
        Err(e) => println!("render svg: {e}"),
    }
    let small = to_string(|b| write_dot(&g.filter(&[], 0, Some(300)), b));
    let t = Instant::now();
    match render_with(small.as_bytes(), "svg", &RenderOptions::default()) {
        Ok(r) => println!(
            "render svg of top-300 nodes ({} edges, {}): {:?}",
            count_dot_edges(small.as_bytes()),
            r.layout.name(),
            t.elapsed()
        ),
        Err(e) => println!("render svg top-300: {e}"),
    }
}
