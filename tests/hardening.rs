//! Issue 16: `kgraph serve` survives hostile clients and queries, `kgraph build` hostile
//! inputs. One test per failure found, named after it, with the real binary; every wait is
//! bounded. (The replayable attack run is scripts/attack-serve.sh.)

mod server_support;

use server_support::*;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn kgraph(args: &[&str]) -> Output {
    Command::new(bin()).args(args).output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The server still answers a normal query, within a second.
fn answers_quickly(addr: SocketAddr) {
    let started = Instant::now();
    assert_eq!(count(addr, "/sparql", COUNT_QUADS), FIXTURE_QUADS);
    assert!(started.elapsed() < Duration::from_secs(1), "a normal query took {:?}", started.elapsed());
}

/// CPU seconds (user + system) the process has used so far.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let fields: Vec<&str> = stat.rsplit_once(") ").unwrap().1.split(' ').collect();
    let ticks: f64 = fields[11].parse::<f64>().unwrap() + fields[12].parse::<f64>().unwrap();
    ticks / 100.0
}

fn rss_mib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let kb: u64 = status.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)).unwrap().parse().unwrap();
    kb / 1024
}

// ---------------------------------------------------------------------------- 1. deep queries

#[test]
fn deep_nesting_gets_400_and_the_server_lives() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let server = Server::start(&store, &[]);
    let braces = format!("SELECT * WHERE {}{}", "{".repeat(1000), "}".repeat(1000));
    let parens = format!("ASK {{ FILTER({}1{}) }}", "(".repeat(5000), ")".repeat(5000));
    let unions = format!("SELECT * WHERE {{ {} }}", vec!["{ ?s ?p ?o }"; 20_000].join(" UNION "));
    for query in [&braces, &parens, &unions] {
        let (status, body) = http(server.addr, "POST", "/sparql", &[("Content-Type", "application/sparql-query")], query.as_bytes());
        assert_eq!(status, 400, "{body}");
        assert!(body.contains("refused"), "{body}");
        answers_quickly(server.addr);
    }
    // The same through the update endpoint of a read-only server is refused before parsing too.
    let deep_update = format!("INSERT {{ <http://a> <http://b> <http://c> }} WHERE {}{}", "{".repeat(3000), "}".repeat(3000));
    let status = http(server.addr, "POST", "/update", &[("Content-Type", "application/sparql-update")], deep_update.as_bytes()).0;
    assert!(status == 400 || status == 403, "{status}");
    answers_quickly(server.addr);

    // `kgraph query` at 5,000 levels: an error, not an abort.
    let deep = format!("SELECT * WHERE {}{}", "{".repeat(5000), "}".repeat(5000));
    let out = Command::new(bin()).args(["query", "--store"]).arg(&store).arg(&deep).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("nested 5000 levels deep"), "{}", stderr(&out));
}

// ---------------------------------------------------------------------------- 2. timeout

#[test]
fn timeout_stops_the_evaluation_and_memory_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let server = Server::start(&store, &["--timeout", "1", "--max-query-mb", "256"]);
    let pid = server.child.id();
    // 142^4 rows to sort: before, the 503 came on time but the sort went on for minutes.
    let product = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?a ?l";
    let started = Instant::now();
    let (status, body) = http(server.addr, "GET", &format!("/sparql?query={}", enc(product)), &[], b"");
    assert!(status == 503 || status == 413, "{status} {body}");
    assert!(body.contains("cancelled"), "{body}");
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
    // No evaluation keeps running: the process is idle a moment later.
    std::thread::sleep(Duration::from_millis(500));
    let before = cpu_seconds(pid);
    std::thread::sleep(Duration::from_secs(2));
    let used = cpu_seconds(pid) - before;
    assert!(used < 0.3, "the server used {used:.2} s of CPU in the 2 s after the timeout");
    assert!(rss_mib(pid) < 600, "the server holds {} MiB", rss_mib(pid));
    answers_quickly(server.addr);

    // A product of VALUES never reads the store; the memory budget stops it with a 413.
    let values: Vec<String> = (0..3000).map(|i| format!("\"row {i}\"")).collect();
    let v = values.join(" ");
    let big = format!("SELECT * WHERE {{ VALUES ?a {{ {v} }} VALUES ?b {{ {v} }} }} ORDER BY ?b ?a");
    let server = Server::start(&store, &["--timeout", "30", "--max-query-mb", "64"]);
    let started = Instant::now();
    let (status, body) = http(server.addr, "POST", "/sparql", &[("Content-Type", "application/sparql-query")], big.as_bytes());
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("64 MiB"), "{body}");
    assert!(started.elapsed() < Duration::from_secs(10), "{:?}", started.elapsed());
    answers_quickly(server.addr);
}

// ---------------------------------------------------------------------------- 3. slow clients

#[test]
fn slow_clients_do_not_freeze_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let server = Server::start(&store, &["--threads", "2"]);
    let addr = server.addr;
    let mut held = Vec::new();
    // Bodies that trickle in.
    for _ in 0..8 {
        let mut s = TcpStream::connect(addr).unwrap();
        write!(s, "POST /sparql HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/sparql-query\r\nContent-Length: 100\r\n\r\nASK").unwrap();
        held.push(s);
    }
    // Answers never read: 40 pipelined requests for the 430 KB viewer script (cheap to make,
    // 17 MB to send, far more than the socket buffers hold).
    for _ in 0..8 {
        let mut s = TcpStream::connect(addr).unwrap();
        let mut pipeline = String::new();
        for _ in 0..40 {
            pipeline.push_str(&format!("GET /vendor/cytoscape.min.js HTTP/1.1\r\nHost: {addr}\r\n\r\n"));
        }
        s.write_all(pipeline.as_bytes()).unwrap();
        held.push(s);
    }
    for round in 0..4 {
        std::thread::sleep(Duration::from_millis(500));
        for s in held.iter_mut().take(8) {
            let _ = s.write_all(b" ");
        }
        let started = Instant::now();
        answers_quickly(addr);
        eprintln!("round {round}: answered in {:?} with 16 slow clients", started.elapsed());
    }
    drop(held);
}

// ---------------------------------------------------------------------------- 4. Host header

#[test]
fn foreign_host_headers_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let server = Server::start(&store, &[]);
    let port = server.addr.port();
    let ask = format!("/sparql?query={}", enc("ASK { ?s ?p ?o }"));
    let raw = |addr: SocketAddr, host: Option<&str>| -> String {
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let host = host.map(|h| format!("Host: {h}\r\n")).unwrap_or_default();
        write!(s, "GET {ask} HTTP/1.1\r\n{host}Connection: close\r\n\r\n").unwrap();
        let mut out = String::new();
        let _ = s.read_to_string(&mut out);
        out
    };
    assert!(raw(server.addr, Some(&format!("attacker.example:{port}"))).starts_with("HTTP/1.1 403"));
    assert!(raw(server.addr, Some(&format!("localhost.attacker.example:{port}"))).starts_with("HTTP/1.1 403"));
    assert!(raw(server.addr, None).starts_with("HTTP/1.1 400"));
    assert!(raw(server.addr, Some(&format!("localhost:{port}"))).starts_with("HTTP/1.1 200"));
    assert!(raw(server.addr, Some(&format!("127.0.0.1:{port}"))).starts_with("HTTP/1.1 200"));

    let server = Server::start(&store, &["--allow-host", "kg.example"]);
    let port = server.addr.port();
    assert!(raw(server.addr, Some(&format!("kg.example:{port}"))).starts_with("HTTP/1.1 200"));
    assert!(raw(server.addr, Some(&format!("other.example:{port}"))).starts_with("HTTP/1.1 403"));

    // With the check off, a hostile Host cannot inject Turtle into the service description.
    let server = Server::start(&store, &["--allow-host", "*"]);
    let mut s = TcpStream::connect(server.addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(s, "GET /sparql HTTP/1.1\r\nHost: x> <http://evil/> <http://evil/p> \"injected\" . <y\r\nConnection: close\r\n\r\n").unwrap();
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    assert!(out.starts_with("HTTP/1.1 200"), "{out}");
    assert!(!out.contains("evil"), "{out}");
}

// ---------------------------------------------------------------------------- 5. build inputs

#[test]
fn build_reads_only_regular_files_and_follows_no_symlink_loop() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let store_arg = store.to_str().unwrap();
    let out = kgraph(&["build", "--quiet", "--no-export", "--store", store_arg, "/dev/zero"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("/dev/zero: not a regular file (a character device)"), "{}", stderr(&out));

    let docs = dir.path().join("docs");
    std::fs::create_dir_all(docs.join("sub")).unwrap();
    std::fs::write(docs.join("sub/a.txt"), "Maria Lopez founded a bakery in Lima.\n").unwrap();
    assert!(Command::new("mkfifo").arg(docs.join("x.txt")).status().unwrap().success());
    std::os::unix::fs::symlink(".", docs.join("self")).unwrap();
    std::os::unix::fs::symlink(&docs, docs.join("sub/loop")).unwrap();
    let mut child = Command::new(bin())
        .args(["build", "--no-export", "--store", store_arg])
        .arg(&docs)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("kgraph build hung on a FIFO or a symlink loop");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    assert!(err.contains("x.txt: not a regular file (a named pipe)"), "{err}");
    assert!(err.contains("2 documents (1 added"), "each file once: {err}");
    let stats = kgraph(&["stats", "--json", "--store", store_arg]);
    let v: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(v["store"]["documents"], 1);
}

// ---------------------------------------------------------------------------- 6. query timeout

#[test]
fn query_has_a_timeout_and_the_nesting_bound() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let store_arg = store.to_str().unwrap();
    let started = Instant::now();
    let slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }";
    let out = kgraph(&["query", "--timeout", "1", "--store", store_arg, slow]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("ran longer than the 1 s timeout"), "{}", stderr(&out));
    assert!(started.elapsed() < Duration::from_secs(10), "{:?}", started.elapsed());
    let out = kgraph(&["query", "--timeout", "1e20", "--store", store_arg, "ASK {}"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--timeout must be"), "{}", stderr(&out));
    let out = kgraph(&["query", "--max-query-mb", "8", "--store", store_arg, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?i"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("more than 8 MiB"), "{}", stderr(&out));
}

// ---------------------------------------------------------------------------- 8. TSV

#[test]
fn tsv_escapes_the_document_column_and_every_line_break() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("odd\tname\nwith breaks.txt");
    std::fs::write(&file, "Maria Lopez founded a bakery\u{2028}in Lima.\u{0b} Carlos Ruiz founded\u{85} a school in Quito.\u{0c}\n").unwrap();
    let out = Command::new(bin()).args(["extract", "--format", "tsv"]).arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.split('\n').filter(|l| !l.is_empty()).collect();
    assert!(rows.len() >= 2, "no facts: {text:?}");
    for row in &rows {
        assert_eq!(row.split('\t').count(), 15, "{row:?}");
        assert!(!row.contains(['\r', '\u{0b}', '\u{0c}', '\u{85}', '\u{2028}', '\u{2029}']), "{row:?}");
    }
    assert!(rows[1].contains("odd name with breaks.txt"), "{}", rows[1]);
}

// ---------------------------------------------------------------------------- 9. store on disk

#[test]
fn half_created_and_racing_stores_get_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    // What a kill during creation by an earlier kgraph left: the marker, RocksDB's LOCK, no CURRENT.
    let half = dir.path().join("half");
    std::fs::create_dir(&half).unwrap();
    let marker = format!("{{\"format_version\": {}}}\n", kgraph::store::STORE_FORMAT_VERSION);
    std::fs::write(half.join("kgraph-store.json"), marker).unwrap();
    std::fs::write(half.join("LOCK"), "").unwrap();
    let out = kgraph(&["stats", "--store", half.to_str().unwrap()]);
    assert!(stderr(&out).contains("incomplete: its creation was interrupted"), "{}", stderr(&out));
    // Killed creations leave the store absent, never half-made.
    for i in 0..8 {
        let store = dir.path().join(format!("killed{i}"));
        let mut child = Command::new(bin())
            .args(["update", "--store"])
            .arg(&store)
            .arg("INSERT DATA { <http://a> <http://b> <http://c> }")
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(5 * i));
        let _ = child.kill();
        let _ = child.wait();
        let out = kgraph(&["stats", "--store", store.to_str().unwrap()]);
        let err = stderr(&out);
        assert!(out.status.success() || err.contains("no kgraph store here"), "{err}");
    }
    // Three processes creating the same store at once: one wins, the others are told it is in use.
    for round in 0..10 {
        let store = dir.path().join(format!("race{round}"));
        let children: Vec<_> = (0..3)
            .map(|_| {
                Command::new(bin())
                    .args(["update", "--store"])
                    .arg(&store)
                    .arg("INSERT DATA { <http://a> <http://b> <http://c> }")
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            let err = stderr(&out);
            assert!(out.status.success() || err.contains("in use by another process"), "round {round}: {err}");
        }
    }
}

// ---------------------------------------------------------------------------- 10. the rest

#[test]
fn drop_all_says_it_removed_the_ontology() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let doc = dir.path().join("a.txt");
    std::fs::write(&doc, "Maria Lopez founded a bakery in Lima.\n").unwrap();
    let store_arg = store.to_str().unwrap();
    assert!(Command::new(bin()).args(["build", "--quiet", "--no-export", "--store", store_arg]).arg(&doc).status().unwrap().success());
    let out = kgraph(&["update", "--store", store_arg, "DROP ALL"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("removed") && stderr(&out).contains("ontology graph"), "{}", stderr(&out));
    let out = kgraph(&["update", "--store", store_arg, "DROP ALL"]);
    assert!(stderr(&out).is_empty(), "nothing to report the second time: {}", stderr(&out));
}

#[test]
fn serve_rejects_absurd_timeouts_instead_of_panicking() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    for bad in ["1e20", "-1", "0", "NaN", "inf"] {
        let out = Command::new(bin()).args(["serve", "--bind", "127.0.0.1:0", &format!("--timeout={bad}"), "--store"]).arg(&store).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "--timeout {bad}: {}", stderr(&out));
        assert!(stderr(&out).contains("--timeout must be"), "{}", stderr(&out));
    }
}

#[test]
fn build_prints_each_error_once() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"ab\0cd").unwrap();
    let store = dir.path().join("store");
    let out = Command::new(bin()).args(["build", "--no-export", "--store"]).arg(&store).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out).matches("looks like a binary file").count(), 1, "{}", stderr(&out));
}

#[test]
fn a_path_past_path_max_is_reported_not_called_empty() {
    let dir = tempfile::tempdir().unwrap();
    // Relative mkdirs go past PATH_MAX (4096), where absolute paths cannot.
    let name = "d".repeat(200);
    let script = format!("import os\nos.chdir({:?})\nfor _ in range(24):\n    os.mkdir('{name}'); os.chdir('{name}')\nopen('a.txt', 'w').write('Maria Lopez founded a bakery.')", dir.path());
    assert!(Command::new("python3").arg("-c").arg(&script).status().unwrap().success());
    let out = Command::new(bin()).args(["build", "--no-export", "--store"]).arg(dir.path().join("store")).arg(dir.path()).output().unwrap();
    let err = stderr(&out);
    assert!(!out.status.success());
    assert!(!err.contains("holds no text files"), "{err}");
    assert!(err.contains("File name too long") || err.contains("os error 36"), "{err}");
}

#[test]
fn why_sends_no_terminal_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("\u{1b}]0;pwned\u{7}\u{1b}[2Jnews.txt");
    std::fs::write(&doc, "Maria Lopez founded a bakery in Lima.\u{1b}[31m Carlos Ruiz founded a school in Quito.\u{1b}[0m\n").unwrap();
    let store = dir.path().join("store");
    let store_arg = store.to_str().unwrap();
    let out = Command::new(bin()).args(["build", "--quiet", "--no-export", "--store", store_arg]).arg(&doc).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    for args in [vec!["why", "Maria Lopez"], vec!["why", "Carlos Ruiz"], vec!["stats", "--documents"]] {
        let out = Command::new(bin()).args(&args).args(["--store", store_arg]).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'), "{args:?} printed a control character: {text:?}");
    }
}
