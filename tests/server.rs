//! `kgraph serve` and `kgraph push` end to end, with the real binary on loopback: no tools
//! beyond Rust. (Real clients, the browser and the oxigraph server: tests/server_clients.rs.)

mod server_support;

use server_support::*;
use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn serves_the_sparql_protocol_and_graph_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let server = Server::start(&store, &[]);
    assert_eq!(count(server.addr, "/sparql", COUNT_QUADS), FIXTURE_QUADS);
    assert_eq!(count(server.addr, "/query", COUNT_QUADS), FIXTURE_QUADS);
    let form = format!("query={}", enc("ASK { ?s kg:opposes ?o }"));
    let (status, body) =
        http(server.addr, "POST", "/sparql", &[("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/sparql-results+xml")], form.as_bytes());
    assert_eq!(status, 200);
    assert!(body.contains("<boolean>true</boolean>"), "{body}");
    let (status, body) = http(server.addr, "GET", "/sparql", &[], b"");
    assert_eq!(status, 200);
    assert!(body.contains("sparql-service-description") || body.contains("sd:"), "{body}");
    let (status, body) =
        http(server.addr, "GET", &format!("/store?graph={}", enc("http://kgraph.local/doc/d2")), &[("Accept", "application/n-triples")], b"");
    assert_eq!(status, 200);
    assert_eq!(body.lines().count(), 48);
    assert_eq!(http(server.addr, "GET", "/store?graph=http%3A%2F%2Fkgraph.local%2Fdoc%2Fnope", &[], b"").0, 404);
    let (status, body) = http(server.addr, "GET", "/", &[], b"");
    assert_eq!(status, 200);
    assert!(body.contains("kgraph viewer"));
    // Read-only: updates and graph writes are refused.
    let update = b"INSERT DATA { <http://a> <http://b> <http://c> }";
    assert_eq!(http(server.addr, "POST", "/update", &[("Content-Type", "application/sparql-update")], update).0, 403);
    assert_eq!(http(server.addr, "PUT", "/store?graph=http%3A%2F%2Fx", &[("Content-Type", "text/turtle")], b"").0, 403);
}

#[test]
fn a_served_store_cannot_be_built_into() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let server = Server::start(&store, &[]);
    let text = dir.path().join("doc.txt");
    std::fs::write(&text, "Greta Quillen is the president of Colombia.\n").unwrap();
    let out = Command::new(bin()).args(["build", "--quiet", "--no-export", "--store"]).arg(&store).arg(&text).output().unwrap();
    assert!(!out.status.success(), "kgraph build wrote into a served store");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("in use"), "unclear message: {err}");
    // Readers share the store with the server.
    let out = Command::new(bin()).args(["query", "--format", "csv", "--store"]).arg(&store).arg("ASK { ?s kg:opposes ?o }").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(count(server.addr, "/sparql", COUNT_QUADS), FIXTURE_QUADS);
    drop(server);
    // Once the server is gone, writers get the store again.
    apply(&store, "empty.ru");
}

#[test]
fn writable_serve_needs_a_token_and_checks_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let out = Command::new(bin()).args(["serve", "--writable", "--bind", "127.0.0.1:0", "--store"]).arg(&store).env_remove("KGRAPH_TOKEN").output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--token"), "{}", String::from_utf8_lossy(&out.stderr));

    let server = Server::start(&store, &["--writable", "--token", "t0ken"]);
    let update = b"INSERT DATA { GRAPH <http://kgraph.local/doc/x> { <http://a> <http://b> <http://c> } }";
    let ct = ("Content-Type", "application/sparql-update");
    assert_eq!(http(server.addr, "POST", "/update", &[ct], update).0, 401);
    assert_eq!(http(server.addr, "POST", "/update", &[ct, ("Authorization", "Bearer nope")], update).0, 401);
    assert_eq!(http(server.addr, "POST", "/update", &[ct, ("Authorization", "Bearer t0ken")], update).0, 204);
    assert_eq!(count(server.addr, "/sparql", COUNT_QUADS), FIXTURE_QUADS + 1);
    let put = http(server.addr, "PUT", "/store?graph=http%3A%2F%2Fkgraph.local%2Fdoc%2Fx", &[("Content-Type", "application/n-triples"), ("Authorization", "Bearer t0ken")], b"");
    assert_eq!(put.0, 204);
    assert_eq!(count(server.addr, "/sparql", COUNT_QUADS), FIXTURE_QUADS);
    // A writable server holds the store exclusively: even readers are turned away.
    let out = Command::new(bin()).args(["stats", "--store"]).arg(&store).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("in use"));
}

#[test]
fn the_query_timeout_cancels_and_answers_503() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let server = Server::start(&store, &["--timeout", "0.3"]);
    let slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?a ?b2 ?c2 }";
    let started = Instant::now();
    let (status, body) = http(server.addr, "GET", &format!("/sparql?query={}", enc(slow)), &[], b"");
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("timeout"), "{body}");
    assert!(started.elapsed() < Duration::from_secs(15), "{:?}", started.elapsed());
    assert_eq!(count(server.addr, "/sparql", COUNT_QUADS), FIXTURE_QUADS);
}

#[test]
fn body_limit_and_cors_flags() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let server = Server::start(&store, &["--max-body", "100", "--cors", "*"]);
    let big = format!("ASK {{}} # {}", "x".repeat(200));
    let (status, _) = http(server.addr, "POST", "/sparql", &[("Content-Type", "application/sparql-query")], big.as_bytes());
    assert_eq!(status, 413);
    let mut s = std::net::TcpStream::connect(server.addr).unwrap();
    use std::io::{Read, Write};
    s.write_all(format!("GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", server.addr).as_bytes()).unwrap();
    let mut raw = String::new();
    s.read_to_string(&mut raw).unwrap();
    assert!(raw.to_ascii_lowercase().contains("access-control-allow-origin: *"), "{raw}");
}

#[test]
fn sixteen_concurrent_clients_for_three_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let server = Server::start(&store, &[]);
    let addr = server.addr;
    let query = "SELECT DISTINCT ?o WHERE { <http://kgraph.local/entity/don_strand> ?p ?o FILTER(isIRI(?o)) } ORDER BY ?o";
    let (_, expected) = http(addr, "GET", &format!("/sparql?query={}", enc(query)), &[("Accept", "text/csv")], b"");
    assert!(expected.contains("greta_quillen"), "{expected}");
    let deadline = Instant::now() + Duration::from_secs(3);
    let workers: Vec<_> = (0..16)
        .map(|i| {
            let expected = expected.clone();
            std::thread::spawn(move || {
                let (mut ok, mut errors) = (0usize, 0usize);
                while Instant::now() < deadline {
                    let (status, body) = if i % 2 == 0 {
                        http(addr, "GET", &format!("/sparql?query={}", enc(query)), &[("Accept", "text/csv")], b"")
                    } else {
                        http(addr, "POST", "/sparql", &[("Content-Type", "application/sparql-query"), ("Accept", "text/csv")], query.as_bytes())
                    };
                    if status == 200 && body == expected { ok += 1 } else { errors += 1 }
                }
                (ok, errors)
            })
        })
        .collect();
    let (mut ok, mut errors) = (0, 0);
    for w in workers {
        let (o, e) = w.join().unwrap();
        ok += o;
        errors += e;
    }
    eprintln!("16 clients, 3 s: {ok} answers, {errors} errors ({:.0} queries/s)", ok as f64 / 3.0);
    assert_eq!(errors, 0);
    assert!(ok >= 160, "only {ok} answers in 3 s");
}

#[test]
fn push_into_a_writable_kgraph_serve_and_follow_a_changed_document() {
    let dir = tempfile::tempdir().unwrap();
    let local = fixture_store(dir.path());
    let remote_store = dir.path().join("remote");
    apply(&remote_store, "empty.ru");
    let remote = Server::start(&remote_store, &["--writable", "--token", "pw"]);
    let url = format!("{}/store", remote.url());

    let out = Command::new(bin()).args(["push", "--dry-run", "--store"]).arg(&local).arg(&url).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(log.contains("would PUT <http://kgraph.local/doc/d1> (52 triples"), "{log}");
    assert_eq!(count(remote.addr, "/sparql", COUNT_QUADS), 0);

    let out = Command::new(bin()).args(["push", "--token", "wrong", "--store"]).arg(&local).arg(&url).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("401"));

    let push = || {
        let out = Command::new(bin()).args(["push", "--token", "pw", "--store"]).arg(&local).arg(&url).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let log = push();
    assert!(log.contains(&format!("pushed 2 graphs, {FIXTURE_QUADS} triples")), "{log}");
    assert_eq!(count(remote.addr, "/sparql", COUNT_QUADS), FIXTURE_QUADS);

    apply(&local, "fixture_changed.ru");
    let log = push();
    assert!(log.contains("1 stale graphs deleted"), "{log}");
    let graphs = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
    assert_eq!(count(remote.addr, "/sparql", graphs), 2);
    assert_eq!(count(remote.addr, "/sparql", COUNT_QUADS), 48 + 7);
}
