//! In-process tests of every protocol rule, on an in-memory store with a small dataset, plus
//! socket tests (tiny_http on 127.0.0.1:0): concurrency, body limit, and `push` into a second
//! kgraph server.

use super::http::{Request, Response, percent_encode};
use super::*;
use crate::store::KgStore;
use oxigraph::io::{RdfFormat, RdfParser};
use std::time::{Duration, Instant};

/// Two documents, the RDF model of CONTRACT.md in miniature (TriG).
pub const DATA: &str = r#"
@prefix kg: <https://w3id.org/kgraph/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix e: <http://kgraph.local/entity/> .
<http://kgraph.local/doc/d1> {
  <http://kgraph.local/doc/d1> a kg:Document ; kg:sourcePath "news/a.txt" .
  e:greta_quillen a kg:Person ; rdfs:label "Greta Quillen" ; skos:altLabel "Quillen" ; owl:sameAs <http://www.wikidata.org/entity/Q99990001> .
  e:colombia a kg:Country ; rdfs:label "Colombia" .
  e:greta_quillen kg:presidentOf e:colombia .
  <http://kgraph.local/fact/d1/0> a kg:Fact, rdf:Statement ; rdf:subject e:greta_quillen ; rdf:predicate kg:presidentOf ;
    rdf:object e:colombia ; kg:evidence "Quillen is the president of Colombia." ; kg:confidence "0.900"^^xsd:decimal ;
    kg:negated false ; kg:modality "asserted" ; kg:charStart 0 ; kg:charEnd 35 ; prov:wasDerivedFrom <http://kgraph.local/doc/d1> .
}
<http://kgraph.local/doc/d2> {
  <http://kgraph.local/doc/d2> a kg:Document ; kg:sourcePath "news/b.txt" .
  e:don_strand a kg:Person ; rdfs:label "Don Strand" .
  e:don_strand kg:opposes e:greta_quillen .
}
"#;

const D1: &str = "http://kgraph.local/doc/d1";
const D1_TRIPLES: usize = 21;
const ALL_TRIPLES: usize = D1_TRIPLES + 5;
const TOKEN: &str = "s3cret";

fn store() -> KgStore {
    let store = KgStore::in_memory(crate::ontology::vocab::DEFAULT_BASE).unwrap();
    store.oxigraph().load_from_reader(RdfParser::from_format(RdfFormat::TriG), DATA.as_bytes()).unwrap();
    store
}

fn service(config: ServiceConfig) -> Service {
    Service::new(store(), config)
}

fn read_only() -> Service {
    service(ServiceConfig::default())
}

fn writable() -> Service {
    service(ServiceConfig { writable: true, token: Some(TOKEN.into()), ..ServiceConfig::default() })
}

fn get(path: &str) -> Request {
    Request::new("GET", path)
}

fn q(query: &str) -> String {
    format!("/sparql?query={}", percent_encode(query))
}

fn json(resp: &Response) -> serde_json::Value {
    assert_eq!(resp.status, 200, "{}", resp.body_text());
    serde_json::from_slice(&resp.body).unwrap()
}

fn count_rows(resp: &Response) -> usize {
    json(resp)["results"]["bindings"].as_array().unwrap().len()
}

fn parse_count(resp: &Response, format: RdfFormat) -> usize {
    assert_eq!(resp.status, 200, "{}", resp.body_text());
    RdfParser::from_format(format).for_slice(&resp.body).map(|q| q.unwrap()).count()
}

const COUNT_ALL: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";

fn count_value(resp: &Response) -> usize {
    json(resp)["results"]["bindings"][0]["n"]["value"].as_str().unwrap().parse().unwrap()
}

#[test]
fn get_post_form_and_direct_post_agree() {
    let s = read_only();
    let query = "SELECT ?p WHERE { ?p a kg:Person } ORDER BY ?p";
    let a = s.handle(&get(&q(query)));
    let b = s.handle(
        &Request::new("POST", "/query")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(format!("query={}", percent_encode(query))),
    );
    let c = s.handle(&Request::new("POST", "/sparql").header("Content-Type", "application/sparql-query; charset=utf-8").body(query));
    assert_eq!(count_rows(&a), 2);
    assert_eq!(a.body, b.body);
    assert_eq!(a.body, c.body);
    assert!(a.get_header("content-type").unwrap().starts_with("application/sparql-results+json"));
}

#[test]
fn default_graph_is_the_union_unless_the_protocol_sets_a_dataset() {
    let s = read_only();
    assert_eq!(count_value(&s.handle(&get(&q(COUNT_ALL)))), ALL_TRIPLES);
    let only_d1 = format!("{}&default-graph-uri={}", q(COUNT_ALL), percent_encode(D1));
    assert_eq!(count_value(&s.handle(&get(&only_d1))), D1_TRIPLES);
    // The protocol's dataset overrides the query's FROM.
    let from_d2 = format!("SELECT (COUNT(*) AS ?n) FROM <http://kgraph.local/doc/d2> WHERE {{ ?s ?p ?o }}");
    assert_eq!(count_value(&s.handle(&get(&q(&from_d2)))), 5);
    assert_eq!(count_value(&s.handle(&get(&format!("{}&default-graph-uri={}", q(&from_d2), percent_encode(D1))))), D1_TRIPLES);
    // named-graph-uri only: an empty default graph, just that named graph.
    let graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }";
    let named = format!("{}&named-graph-uri={}", q(graphs), percent_encode(D1));
    let body = json(&s.handle(&get(&named)));
    assert_eq!(body["results"]["bindings"].as_array().unwrap().len(), 1);
    assert_eq!(body["results"]["bindings"][0]["g"]["value"], D1);
    assert_eq!(count_value(&s.handle(&get(&format!("{}&named-graph-uri={}", q(COUNT_ALL), percent_encode(D1))))), 0);
    // Form POST carries the dataset in the body.
    let resp = s.handle(
        &Request::new("POST", "/sparql")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(format!("query={}&default-graph-uri={}", percent_encode(COUNT_ALL), percent_encode(D1))),
    );
    assert_eq!(count_value(&resp), D1_TRIPLES);
}

#[test]
fn result_formats_by_content_negotiation() {
    let s = read_only();
    let select = q("SELECT ?l WHERE { ?p a kg:Person ; rdfs:label ?l } ORDER BY ?l");
    let cases: &[(&str, Option<&str>, u16, &str, &str)] = &[
        // (target, Accept, status, content type prefix, body must contain)
        (&select, None, 200, "application/sparql-results+json", "\"Don Strand\""),
        (&select, Some("application/sparql-results+xml"), 200, "application/sparql-results+xml", "<literal>Don Strand</literal>"),
        (&select, Some("text/csv"), 200, "text/csv", "l\r\nDon Strand\r\nGreta Quillen"),
        (&select, Some("text/tab-separated-values"), 200, "text/tab-separated-values", "?l\n\"Don Strand\""),
        (&select, Some("application/json"), 200, "application/json", "\"bindings\""),
        (&select, Some("text/html,application/xhtml+xml,*/*;q=0.8"), 200, "application/sparql-results+json", "\"bindings\""),
        (&select, Some("image/png"), 406, "text/plain", "no acceptable format"),
        (&select, Some("text/turtle"), 406, "text/plain", "application/sparql-results+json"),
    ];
    for (target, accept, status, media, needle) in cases {
        let mut req = get(target);
        if let Some(a) = accept {
            req = req.header("Accept", a);
        }
        let resp = s.handle(&req);
        assert_eq!(resp.status, *status, "{accept:?}: {}", resp.body_text());
        assert!(resp.get_header("content-type").unwrap().starts_with(media), "{accept:?}: {:?}", resp.get_header("content-type"));
        assert!(resp.body_text().contains(needle), "{accept:?}: {}", resp.body_text());
    }
}

#[test]
fn ask_and_construct_formats() {
    let s = read_only();
    let ask = q("ASK { ?s kg:opposes ?o }");
    for (accept, needle) in [
        (None, "\"boolean\":true"),
        (Some("application/sparql-results+xml"), "<boolean>true</boolean>"),
        (Some("text/csv"), "true"),
        (Some("text/tab-separated-values"), "true"),
    ] {
        let mut req = get(&ask);
        if let Some(a) = accept {
            req = req.header("Accept", a);
        }
        let resp = s.handle(&req);
        assert_eq!(resp.status, 200, "{accept:?}");
        assert!(resp.body_text().contains(needle), "{accept:?}: {}", resp.body_text());
    }
    let construct = q("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <http://kgraph.local/doc/d1> { ?s ?p ?o } }");
    for (accept, format, media) in [
        (None, RdfFormat::Turtle, "text/turtle"),
        (Some("text/turtle"), RdfFormat::Turtle, "text/turtle"),
        (Some("application/n-triples"), RdfFormat::NTriples, "application/n-triples"),
        (Some("application/ld+json"), RdfFormat::JsonLd { profile: oxigraph::io::JsonLdProfileSet::empty() }, "application/ld+json"),
        (Some("application/rdf+xml"), RdfFormat::RdfXml, "application/rdf+xml"),
    ] {
        let mut req = get(&construct);
        if let Some(a) = accept {
            req = req.header("Accept", a);
        }
        let resp = s.handle(&req);
        assert!(resp.get_header("content-type").unwrap().starts_with(media), "{accept:?}");
        assert_eq!(parse_count(&resp, format), D1_TRIPLES, "{accept:?}");
    }
    assert_eq!(s.handle(&get(&construct).header("Accept", "text/csv")).status, 406);
    let describe = s.handle(&get(&q("DESCRIBE <http://kgraph.local/entity/colombia>")).header("Accept", "application/n-triples"));
    assert_eq!(parse_count(&describe, RdfFormat::NTriples), 2);
}

#[test]
fn protocol_errors_have_the_right_status() {
    let s = read_only();
    let form = "application/x-www-form-urlencoded";
    let cases: Vec<(Request, u16, &str)> = vec![
        (get(&q("SELECT WHERE {")), 400, "syntax"),
        (get("/sparql?default-graph-uri=http%3A%2F%2Fa"), 400, "missing the `query`"),
        (get(&format!("{}&query=ASK%7B%7D", q("ASK {}"))), 400, "more than one"),
        (get(&format!("{}&default-graph-uri=not%20an%20iri", q("ASK {}"))), 400, "default-graph-uri"),
        (get(&format!("{}&named-graph-uri=rel", q("ASK {}"))), 400, "named-graph-uri"),
        (get("/sparql?query=%FF"), 400, "UTF-8"),
        (Request::new("POST", "/sparql").header("Content-Type", "text/plain").body("ASK {}"), 415, "Content-Type"),
        (Request::new("POST", "/sparql").body("ASK {}"), 415, "Content-Type"),
        (Request::new("POST", "/sparql").header("Content-Type", form).body("nothing=1"), 400, "missing"),
        (Request::new("POST", "/sparql").header("Content-Type", form).body("update=CLEAR+ALL"), 400, "/update"),
        (Request::new("POST", "/sparql?query=ASK%7B%7D").header("Content-Type", form).body("query=ASK%7B%7D"), 400, "both"),
        (Request::new("POST", "/sparql?query=ASK%7B%7D").header("Content-Type", "application/sparql-query").body("ASK {}"), 400, "both"),
        (Request::new("PUT", "/sparql"), 405, "allowed"),
        (Request::new("DELETE", "/query"), 405, "allowed"),
        (get("/nowhere"), 404, "no such resource"),
    ];
    for (req, status, needle) in cases {
        let resp = s.handle(&req);
        assert_eq!(resp.status, status, "{} {}?{}: {}", req.method, req.path, req.query, resp.body_text());
        assert!(resp.body_text().contains(needle), "{} {}: {}", req.method, req.path, resp.body_text());
    }
    assert_eq!(s.handle(&Request::new("PUT", "/sparql")).get_header("allow"), Some("GET, POST, OPTIONS"));
}

#[test]
fn service_description_without_a_query() {
    let s = read_only();
    let resp = s.handle(&get("/sparql").header("Host", "127.0.0.1:7878"));
    assert!(resp.get_header("content-type").unwrap().starts_with("text/turtle"));
    let text = resp.body_text();
    assert!(text.contains("<http://127.0.0.1:7878/sparql>"), "{text}");
    assert!(text.contains("SPARQL11Query") && !text.contains("SPARQL11Update"), "{text}");
    assert!(parse_count(&resp, RdfFormat::Turtle) >= 10);
    let nt = s.handle(&get("/sparql").header("Accept", "application/n-triples"));
    assert!(parse_count(&nt, RdfFormat::NTriples) >= 10);
    assert!(writable().handle(&get("/query")).body_text().contains("SPARQL11Update"));
}

fn update(body: &str, auth: Option<&str>) -> Request {
    let mut req = Request::new("POST", "/update").header("Content-Type", "application/sparql-update").body(body);
    if let Some(a) = auth {
        req = req.header("Authorization", a);
    }
    req
}

const INSERT: &str = "INSERT DATA { GRAPH <http://kgraph.local/doc/d3> { <http://kgraph.local/entity/x> a kg:Person } }";

#[test]
fn updates_are_refused_when_read_only_and_need_the_token_when_writable() {
    let ro = read_only();
    for auth in [None, Some("Bearer s3cret")] {
        let resp = ro.handle(&update(INSERT, auth));
        assert_eq!(resp.status, 403, "{}", resp.body_text());
        assert!(resp.body_text().contains("--writable"));
    }
    assert_eq!(count_value(&ro.handle(&get(&q(COUNT_ALL)))), ALL_TRIPLES);

    let rw = writable();
    let cases: &[(Option<&str>, u16)] = &[
        (None, 401),
        (Some("Bearer wrong"), 401),
        (Some("Bearer s3cre"), 401),
        (Some("Basic czNjcmV0"), 401),
        (Some("s3cret"), 401),
        (Some("bearer s3cret"), 204),
    ];
    for (auth, status) in cases {
        let resp = rw.handle(&update(INSERT, *auth));
        assert_eq!(resp.status, *status, "{auth:?}: {}", resp.body_text());
        if *status == 401 {
            assert!(resp.get_header("www-authenticate").unwrap().starts_with("Bearer"));
        }
    }
    assert_eq!(count_value(&rw.handle(&get(&q(COUNT_ALL)))), ALL_TRIPLES + 1);
    // Form-encoded update, USING via the protocol.
    let form = Request::new("POST", "/update")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", "Bearer s3cret")
        .body(format!("update={}", percent_encode("DELETE WHERE { GRAPH ?g { <http://kgraph.local/entity/x> ?p ?o } }")));
    assert_eq!(rw.handle(&form).status, 204);
    assert_eq!(count_value(&rw.handle(&get(&q(COUNT_ALL)))), ALL_TRIPLES);
    // Protocol errors on the update endpoint.
    let bearer = Some("Bearer s3cret");
    assert_eq!(rw.handle(&update("INSERT DATA {", bearer)).status, 400);
    assert_eq!(rw.handle(&Request::new("GET", "/update?update=CLEAR+ALL")).status, 405);
    let wrong_type = Request::new("POST", "/update").header("Content-Type", "text/plain").header("Authorization", "Bearer s3cret").body("CLEAR ALL");
    assert_eq!(rw.handle(&wrong_type).status, 415);
    let no_param = Request::new("POST", "/update")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", "Bearer s3cret")
        .body("query=ASK%7B%7D");
    assert_eq!(rw.handle(&no_param).status, 400);
}

fn gsp(method: &str, graph: &str, auth: bool, content_type: Option<&str>, body: &str) -> Request {
    let mut req = Request::new(method, &format!("/store?graph={}", percent_encode(graph))).body(body);
    if auth {
        req = req.header("Authorization", "Bearer s3cret");
    }
    if let Some(ct) = content_type {
        req = req.header("Content-Type", ct);
    }
    req
}

#[test]
fn graph_store_read_side() {
    let s = read_only();
    let resp = s.handle(&gsp("GET", D1, false, None, ""));
    assert!(resp.get_header("content-type").unwrap().starts_with("text/turtle"));
    assert_eq!(parse_count(&resp, RdfFormat::Turtle), D1_TRIPLES);
    let nt = s.handle(&gsp("GET", D1, false, None, "").header("Accept", "application/n-triples"));
    assert_eq!(parse_count(&nt, RdfFormat::NTriples), D1_TRIPLES);
    let xml = s.handle(&gsp("GET", D1, false, None, "").header("Accept", "application/rdf+xml"));
    assert_eq!(parse_count(&xml, RdfFormat::RdfXml), D1_TRIPLES);
    assert_eq!(s.handle(&gsp("GET", D1, false, None, "").header("Accept", "text/csv")).status, 406);
    // ?default is the service's default graph: the union.
    assert_eq!(parse_count(&s.handle(&get("/store?default")), RdfFormat::Turtle), ALL_TRIPLES);
    let head = s.handle(&gsp("HEAD", D1, false, None, ""));
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(head.get_header("content-length").unwrap(), resp.body.len().to_string());
    for (req, status) in [
        (gsp("GET", "http://kgraph.local/doc/none", false, None, ""), 404),
        (gsp("HEAD", "http://kgraph.local/doc/none", false, None, ""), 404),
        (get("/store"), 400),
        (get(&format!("/store?default&graph={}", percent_encode(D1))), 400),
        (get("/store?graph=relative"), 400),
        (gsp("PATCH", D1, false, None, ""), 405),
    ] {
        assert_eq!(s.handle(&req).status, status, "{} {}?{}", req.method, req.path, req.query);
    }
}

#[test]
fn graph_store_writes() {
    let ro = read_only();
    for method in ["PUT", "POST", "DELETE"] {
        assert_eq!(ro.handle(&gsp(method, D1, true, Some("text/turtle"), "")).status, 403, "{method}");
    }
    let s = writable();
    let g = "http://example.org/g";
    let ttl = "<http://example.org/a> <http://example.org/p> <http://example.org/b> , <http://example.org/c> .";
    assert_eq!(s.handle(&gsp("PUT", g, false, Some("text/turtle"), ttl)).status, 401);
    assert_eq!(s.handle(&gsp("PUT", g, true, Some("text/turtle"), ttl)).status, 201);
    assert_eq!(parse_count(&s.handle(&gsp("GET", g, false, None, "")), RdfFormat::Turtle), 2);
    // PUT replaces.
    let nt = "<http://example.org/a> <http://example.org/p> \"x\" .\n";
    assert_eq!(s.handle(&gsp("PUT", g, true, Some("application/n-triples"), nt)).status, 204);
    assert_eq!(parse_count(&s.handle(&gsp("GET", g, false, None, "")), RdfFormat::Turtle), 1);
    // POST adds.
    assert_eq!(s.handle(&gsp("POST", g, true, Some("text/turtle"), ttl)).status, 204);
    assert_eq!(parse_count(&s.handle(&gsp("GET", g, false, None, "")), RdfFormat::Turtle), 3);
    // Bad bodies and media types.
    assert_eq!(s.handle(&gsp("PUT", g, true, Some("text/turtle"), "<a> <b")).status, 400);
    assert_eq!(s.handle(&gsp("PUT", g, true, Some("text/csv"), "a,b")).status, 415);
    assert_eq!(s.handle(&gsp("PUT", g, true, Some("application/n-quads"), "")).status, 415);
    assert_eq!(s.handle(&gsp("PUT", g, true, None, ttl)).status, 415);
    assert_eq!(parse_count(&s.handle(&gsp("GET", g, false, None, "")), RdfFormat::Turtle), 3, "a failed PUT changed the graph");
    // DELETE drops; a second DELETE is 404.
    assert_eq!(s.handle(&gsp("DELETE", g, true, None, "")).status, 204);
    assert_eq!(s.handle(&gsp("GET", g, false, None, "")).status, 404);
    assert_eq!(s.handle(&gsp("DELETE", g, true, None, "")).status, 404);
}

#[test]
fn slow_queries_are_cancelled_at_the_timeout() {
    let s = service(ServiceConfig { timeout: Duration::from_millis(200), ..ServiceConfig::default() });
    // A cross product with a lookup per row. (Purely in-memory work is cancelled too, with the
    // patched evaluator in vendor/spareval: guard::query::tests::cancels_in_memory_cartesian_products.)
    let slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?a ?b2 ?c2 }";
    let started = Instant::now();
    let resp = s.handle(&get(&q(slow)));
    assert_eq!(resp.status, 503, "{}", resp.body_text());
    assert!(resp.body_text().contains("timeout"), "{}", resp.body_text());
    assert!(started.elapsed() < Duration::from_secs(10), "cancellation took {:?}", started.elapsed());
    // A fast query on the same service still answers.
    assert_eq!(count_value(&s.handle(&get(&q(COUNT_ALL)))), ALL_TRIPLES);
}

#[test]
fn body_limit_and_cors() {
    let s = service(ServiceConfig { max_body: 64, ..ServiceConfig::default() });
    let big = format!("SELECT * WHERE {{ ?s ?p ?o }} # {}", "x".repeat(100));
    let resp = s.handle(&Request::new("POST", "/sparql").header("Content-Type", "application/sparql-query").body(big));
    assert_eq!(resp.status, 413);
    assert!(resp.get_header("access-control-allow-origin").is_none());
    let pre = s.handle(&Request::new("OPTIONS", "/sparql"));
    assert!(pre.get_header("access-control-allow-methods").is_none());

    let s = service(ServiceConfig { cors: Some("https://yasgui.example".into()), ..ServiceConfig::default() });
    let resp = s.handle(&get(&q("ASK {}")));
    assert_eq!(resp.get_header("access-control-allow-origin"), Some("https://yasgui.example"));
    let pre = s.handle(&Request::new("OPTIONS", "/sparql").header("Access-Control-Request-Method", "POST"));
    assert_eq!(pre.status, 204);
    assert!(pre.get_header("access-control-allow-headers").unwrap().contains("Content-Type"));
    assert_eq!(pre.get_header("access-control-allow-origin"), Some("https://yasgui.example"));
}

#[test]
fn viewer_is_served() {
    let s = read_only();
    let resp = s.handle(&get("/"));
    assert_eq!(resp.status, 200);
    assert!(resp.body_text().contains("<html"));
    assert_eq!(s.handle(&get("/vendor/cytoscape.min.js")).status, 200);
    assert_eq!(s.handle(&Request::new("POST", "/")).status, 405);
}

// ------------------------------------------------------------------ over real sockets

fn start_local(service: ServiceConfig, store: KgStore) -> RunningServer {
    super::start(store, ServeOptions { bind: "127.0.0.1:0".into(), threads: 4, service, ..ServeOptions::default() }).unwrap()
}

/// One request with `Connection: close`; the raw response.
fn raw_http(addr: std::net::SocketAddr, request: &str) -> String {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn socket_server_answers_and_enforces_the_body_limit() {
    let server = start_local(ServiceConfig { max_body: 1000, ..ServiceConfig::default() }, store());
    let addr = server.addr;
    let ok = raw_http(addr, &format!("GET {} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n", q("ASK { ?s kg:opposes ?o }")));
    assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
    assert!(ok.contains("\"boolean\":true"), "{ok}");
    let head = raw_http(addr, &format!("HEAD /store?graph={} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n", percent_encode(D1)));
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(!head.contains("@prefix"), "HEAD sent a body: {head}");
    let big = raw_http(
        addr,
        &format!("POST /sparql HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/sparql-query\r\nContent-Length: 5000\r\n\r\n"),
    );
    assert!(big.starts_with("HTTP/1.1 413"), "{big}");
    server.stop();
    assert!(KgStore::in_memory("http://x/").is_ok());
}

#[test]
fn sixteen_concurrent_clients_see_no_errors() {
    let server = start_local(ServiceConfig::default(), store());
    let addr = server.addr;
    let deadline = Instant::now() + Duration::from_secs(2);
    let target = q("SELECT ?o WHERE { <http://kgraph.local/entity/greta_quillen> ?p ?o }");
    let handles: Vec<_> = (0..16)
        .map(|_| {
            let target = target.clone();
            std::thread::spawn(move || {
                let mut ok = 0usize;
                while Instant::now() < deadline {
                    let resp = raw_http(addr, &format!("GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"));
                    assert!(resp.starts_with("HTTP/1.1 200"), "{resp}");
                    assert!(resp.contains("http://kgraph.local/entity/colombia"), "{resp}");
                    ok += 1;
                }
                ok
            })
        })
        .collect();
    let total: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
    assert!(total >= 16, "only {total} requests answered");
    server.stop();
}

#[test]
fn push_into_another_kgraph_server_replaces_changed_documents() {
    let remote = start_local(ServiceConfig { writable: true, token: Some(TOKEN.into()), ..ServiceConfig::default() }, store_empty());
    let url = format!("http://{}/store", remote.addr);
    let local = store();
    let mut log = Vec::new();
    let options = PushOptions { url: url.clone(), sparql: None, auth: Some(PushAuth::Bearer(TOKEN.into())), dry_run: true, prune: false };
    let dry = push(&local, &options, &mut log).unwrap();
    assert_eq!(dry.triples, ALL_TRIPLES);
    assert!(String::from_utf8_lossy(&log).contains("would PUT <http://kgraph.local/doc/d1> (21 triples"));
    assert_eq!(remote_count(remote.addr), 0, "--dry-run sent data");

    let options = PushOptions { dry_run: false, ..options };
    let summary = push(&local, &options, &mut log).unwrap();
    assert_eq!((summary.graphs, summary.triples, summary.deleted), (2, ALL_TRIPLES, 0));
    assert_eq!(remote_count(remote.addr), ALL_TRIPLES);

    // Document d1 changes: its new version has a new id (d1b) and the same source path.
    local
        .update(
            "DROP GRAPH <http://kgraph.local/doc/d1> ; INSERT DATA { GRAPH <http://kgraph.local/doc/d1b> { \
             <http://kgraph.local/doc/d1b> a kg:Document ; kg:sourcePath \"news/a.txt\" . \
             <http://kgraph.local/entity/colombia> rdfs:label \"Colombia\" } }",
        )
        .unwrap();
    let summary = push(&local, &options, &mut log).unwrap();
    assert_eq!((summary.graphs, summary.deleted), (2, 1));
    assert_eq!(remote_count(remote.addr), 5 + 3);

    // Wrong token: a clear error naming the status.
    let bad = PushOptions { auth: Some(PushAuth::Bearer("nope".into())), ..options };
    let err = push(&local, &bad, &mut log).unwrap_err().to_string();
    assert!(err.contains("401"), "{err}");
    remote.stop();
}

fn store_empty() -> KgStore {
    KgStore::in_memory(crate::ontology::vocab::DEFAULT_BASE).unwrap()
}

fn remote_count(addr: std::net::SocketAddr) -> usize {
    let resp = raw_http(addr, &format!("GET {} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n", q(COUNT_ALL)));
    let body = resp.split("\r\n\r\n").nth(1).unwrap();
    let v: serde_json::Value = serde_json::from_str(body).unwrap();
    v["results"]["bindings"][0]["n"]["value"].as_str().unwrap().parse().unwrap()
}


// ------------------------------------------------------------------ W3C protocol manifest
//
// The query (read-only) tests of the W3C SPARQL 1.1 Protocol test manifest
// (w3c/rdf-tests sparql/sparql11/protocol/manifest.ttl), reconstructed: same names, same
// requests (paths without the `/sparql/` trailing slash), same expected outcome. The manifest's
// data files type each graph IRI as a document, which we rebuild here.

const KASEI: &str = "http://kasei.us/2009/09/sparql/data/";

fn manifest_service() -> Service {
    let store = KgStore::in_memory(crate::ontology::vocab::DEFAULT_BASE).unwrap();
    let mut trig = String::new();
    for n in 0..4 {
        trig.push_str(&format!("<{KASEI}data{n}.rdf> {{ <{KASEI}data{n}.rdf> a <http://xmlns.com/foaf/0.1/Document> }}\n"));
    }
    store.oxigraph().load_from_reader(RdfParser::from_format(RdfFormat::TriG), trig.as_bytes()).unwrap();
    Service::new(store, ServiceConfig::default())
}

enum Expect {
    Boolean(bool),
    ResultsMedia,
    GraphMedia,
    ClientError,
}

#[test]
fn w3c_protocol_manifest_query_tests() {
    let s = manifest_service();
    let d = |n: u8| percent_encode(&format!("{KASEI}data{n}.rdf"));
    let ask12 = format!("ASK {{ <{KASEI}data1.rdf> a ?type . <{KASEI}data2.rdf> a ?type . }}");
    let ask_named = format!("ASK {{ GRAPH ?g1 {{ <{KASEI}data1.rdf> a ?type }} GRAPH ?g2 {{ <{KASEI}data2.rdf> a ?type }} }}");
    let ask_full = format!(
        "ASK {{ <{KASEI}data3.rdf> a ?type GRAPH ?g1 {{ <{KASEI}data1.rdf> a ?type }} GRAPH ?g2 {{ <{KASEI}data2.rdf> a ?type }} }}"
    );
    let direct = |target: String, body: &str| Request::new("POST", &target).header("Content-Type", "application/sparql-query").body(body);
    let form = |target: String, body: &str| Request::new("POST", &target).header("Content-Type", "application/x-www-form-urlencoded").body(body);
    let cases: Vec<(&str, Request, Expect)> = vec![
        ("query_post_form", form(format!("/sparql?default-graph-uri={}", d(0)), "query=ASK%20%7B%7D"), Expect::Boolean(true)),
        (
            "query_dataset_default_graphs_get",
            get(&format!("/sparql?query={}&default-graph-uri={}&default-graph-uri={}", percent_encode(&ask12), d(1), d(2))),
            Expect::Boolean(true),
        ),
        ("query_dataset_default_graphs_post", direct(format!("/sparql?default-graph-uri={}&default-graph-uri={}", d(1), d(2)), &ask12), Expect::Boolean(true)),
        ("query_dataset_named_graphs_post", direct(format!("/sparql?named-graph-uri={}&named-graph-uri={}", d(1), d(2)), &ask_named), Expect::Boolean(true)),
        (
            "query_dataset_named_graphs_get",
            get(&format!("/sparql?query={}&named-graph-uri={}&named-graph-uri={}", percent_encode(&ask_named), d(1), d(2))),
            Expect::Boolean(true),
        ),
        (
            "query_dataset_full",
            direct(format!("/sparql?default-graph-uri={}&named-graph-uri={}&named-graph-uri={}", d(3), d(1), d(2)), &ask_full),
            Expect::Boolean(true),
        ),
        (
            "query_multiple_dataset",
            direct(format!("/sparql?default-graph-uri={}", d(1)), &format!("ASK FROM <{KASEI}data2.rdf> {{ <{KASEI}data1.rdf> ?p ?o }}")),
            Expect::Boolean(true),
        ),
        ("query_get", get("/sparql?query=ASK%20%7B%7D"), Expect::Boolean(true)),
        ("query_content_type_select", get("/sparql?query=SELECT%20%281%20AS%20%3Fvalue%29%20%7B%7D"), Expect::ResultsMedia),
        ("query_content_type_ask", get("/sparql?query=ASK%20%7B%7D"), Expect::ResultsMedia),
        ("query_content_type_describe", get("/sparql?query=DESCRIBE%20%3Chttp%3A%2F%2Fexample.org%2F%3E"), Expect::GraphMedia),
        (
            "query_content_type_construct",
            get("/sparql?query=CONSTRUCT%20%7B%20%3Cs%3E%20%3Cp%3E%201%20%7D%20WHERE%20%7B%7D"),
            Expect::GraphMedia,
        ),
        ("query_post_direct", direct("/sparql".into(), "ASK {}"), Expect::Boolean(true)),
        ("bad_query_method", Request::new("PUT", "/sparql?query=ASK%20%7B%7D"), Expect::ClientError),
        ("bad_multiple_queries", get("/sparql?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D"), Expect::ClientError),
        ("bad_query_wrong_media_type", Request::new("POST", "/sparql").header("Content-Type", "text/plain").body("ASK {}"), Expect::ClientError),
        ("bad_query_missing_form_type", Request::new("POST", "/sparql").body("query=ASK%20%7B%7D"), Expect::ClientError),
        ("bad_query_missing_direct_type", Request::new("POST", "/sparql").body("ASK {}"), Expect::ClientError),
        (
            "bad_query_non_utf8",
            Request::new("POST", "/sparql").header("Content-Type", "application/sparql-query; charset=UTF-16").body(
                "ASK {}".encode_utf16().flat_map(|u| u.to_be_bytes()).collect::<Vec<u8>>(),
            ),
            Expect::ClientError,
        ),
        ("bad_query_syntax", get("/sparql?query=ASK%20%7B"), Expect::ClientError),
    ];
    let mut failures = Vec::new();
    for (name, req, expect) in cases {
        let resp = s.handle(&req);
        let ct = resp.get_header("content-type").unwrap_or("").to_owned();
        let passed = match expect {
            Expect::Boolean(b) => resp.status == 200 && json(&resp)["boolean"] == b,
            Expect::ResultsMedia => resp.status == 200 && (ct.starts_with("application/sparql-results+") || ct.starts_with("application/json")),
            Expect::GraphMedia => resp.status == 200 && (ct.starts_with("text/turtle") || ct.starts_with("application/n-triples")),
            Expect::ClientError => (400..500).contains(&resp.status),
        };
        if !passed {
            failures.push(format!("{name}: {} {ct} {}", resp.status, resp.body_text()));
        }
    }
    assert!(failures.is_empty(), "W3C protocol tests failed:\n{}", failures.join("\n"));
}
