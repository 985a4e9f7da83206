//! The request handlers: SPARQL 1.1 Protocol (`/sparql`, `/query`, `/update`), the Graph Store
//! Protocol (`/store`, in [`graph_store`]) and the embedded viewer (`/`). Pure functions of a
//! [`Request`]: no socket here, so every rule is tested in-process.

use super::host::HostPolicy;
use super::http::{Request, Response, negotiate, parse_form};
use super::viewer;
use crate::export;
use crate::guard::{self, QueryLimits, QueryRefusal};
use crate::kb::KnowledgeBase;
use crate::store::KgStore;
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedOrBlankNode, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryEvaluationError, QueryResults, SparqlEvaluator};
use std::collections::HashSet;
use std::sync::LazyLock;
use std::time::Duration;

mod graph_store;

/// What the service allows; set from the `kgraph serve` flags.
#[derive(Debug, Clone)]
pub struct ServiceConfig {
    /// Accept SPARQL Update and Graph Store writes (each needs the bearer token).
    pub writable: bool,
    /// The bearer token writes must carry (required when `writable`).
    pub token: Option<String>,
    /// Per-request evaluation limit; the evaluation is cancelled when it runs out.
    pub timeout: Duration,
    /// `Access-Control-Allow-Origin` value; no CORS headers at all when `None`.
    pub cors: Option<String>,
    /// Largest request body accepted, in bytes (413 beyond).
    pub max_body: usize,
    /// Memory one query or update may allocate, in bytes (413 beyond).
    pub max_query_memory: usize,
    /// The `Host` headers answered (403 for others); `None` answers any (in-process use).
    pub hosts: Option<HostPolicy>,
}

impl Default for ServiceConfig {
    fn default() -> Self {
        ServiceConfig {
            writable: false,
            token: None,
            timeout: Duration::from_secs(30),
            cors: None,
            max_body: 10 * 1024 * 1024,
            max_query_memory: guard::query::DEFAULT_MEMORY_MB << 20,
            hosts: None,
        }
    }
}

impl ServiceConfig {
    fn limits(&self) -> QueryLimits {
        QueryLimits { timeout: self.timeout, max_memory_bytes: self.max_query_memory, ..QueryLimits::default() }
    }
}

/// The knowledge base plus its configuration: the whole server state (shared by the worker
/// threads). The protocols work on the store underneath ([`KnowledgeBase::store`]); writes
/// drop the knowledge base's cached view.
pub struct Service {
    kb: KnowledgeBase,
    config: ServiceConfig,
    /// The store's evaluator and parser (base IRI, prefixes), built once and cloned per request.
    evaluator: Result<(SparqlEvaluator, spargebra::SparqlParser), String>,
}

/// SELECT/ASK result formats, in our order of preference (from the format table).
static RESULT_OFFERS: LazyLock<Vec<(&'static str, QueryResultsFormat)>> = LazyLock::new(export::results_offers);

/// Graph (CONSTRUCT/DESCRIBE, Graph Store) formats, in our order of preference (from the format
/// table).
static GRAPH_OFFERS: LazyLock<Vec<(&'static str, RdfFormat)>> = LazyLock::new(export::graph_offers);

/// The answer to a refused or stopped query: 400 for its shape or syntax, 503 on timeout or
/// when too many run, 413 over the memory budget, 500 otherwise.
fn refusal_response(r: &QueryRefusal) -> Response {
    match r {
        r if r.is_bad_request() => Response::text(400, r.to_string()),
        QueryRefusal::Timeout { .. } | QueryRefusal::Busy => {
            Response::text(503, format!("{r} (kgraph serve --timeout)")).with_header("Retry-After", "1")
        }
        QueryRefusal::Memory { .. } => Response::text(413, format!("{r} (kgraph serve --max-query-mb)")),
        other => Response::text(500, other.to_string()),
    }
}

fn evaluation_failed(e: QueryEvaluationError) -> Response {
    Response::text(500, format!("query evaluation failed: {e}"))
}

impl Service {
    pub fn new(kb: impl Into<KnowledgeBase>, config: ServiceConfig) -> Service {
        let kb = kb.into();
        let store = kb.store();
        let evaluator = store.evaluator().and_then(|e| Ok((e, store.sparql_parser()?))).map_err(|e| e.to_string());
        Service { kb, config, evaluator }
    }

    pub fn config(&self) -> &ServiceConfig {
        &self.config
    }

    pub fn store(&self) -> &KgStore {
        self.kb.store()
    }

    /// After a write: flushes the store and drops the knowledge base's cached view and index.
    fn written(&self) {
        let _ = self.kb.store().flush();
        self.kb.invalidate_view();
    }

    /// Handles one request.
    pub fn handle(&self, req: &Request) -> Response {
        let mut resp = match &self.config.hosts {
            Some(policy) if !req.get_header("host").is_some_and(|h| policy.allows(h)) => {
                Response::text(if req.get_header("host").is_some() { 403 } else { 400 }, policy.refusal(req.get_header("host")))
            }
            _ => self.route(req),
        };
        if let Some(origin) = &self.config.cors {
            resp = resp.with_header("Access-Control-Allow-Origin", origin);
            if origin != "*" {
                resp = resp.with_header("Vary", "Origin");
            }
        }
        if req.method == "HEAD" {
            // The transport sends no body; in-process callers see the length it would have.
            let len = resp.body.len().to_string();
            resp.body.clear();
            resp = resp.with_header("Content-Length", &len);
        }
        resp
    }

    fn route(&self, req: &Request) -> Response {
        if req.body.len() > self.config.max_body {
            return too_large(self.config.max_body);
        }
        if req.method == "OPTIONS" {
            return self.preflight(req);
        }
        match req.path.as_str() {
            "/sparql" | "/query" => self.query_endpoint(req),
            "/update" => self.update_endpoint(req),
            "/store" => self.graph_store(req),
            path => match viewer::asset(path) {
                Some((media, bytes)) if matches!(req.method.as_str(), "GET" | "HEAD") => {
                    Response::new(200, media, bytes).with_header("Cache-Control", "no-cache")
                }
                Some(_) => method_not_allowed("GET, HEAD"),
                None => Response::text(404, format!("no such resource: {path} (endpoints: /sparql, /query, /update, /store, viewer at /)")),
            },
        }
    }

    fn preflight(&self, req: &Request) -> Response {
        let allow = match req.path.as_str() {
            "/sparql" | "/query" => "GET, POST, OPTIONS",
            "/update" => "POST, OPTIONS",
            "/store" => "GET, HEAD, PUT, POST, DELETE, OPTIONS",
            _ => "GET, HEAD, OPTIONS",
        };
        let mut resp = Response::empty(204).with_header("Allow", allow);
        if self.config.cors.is_some() {
            resp = resp
                .with_header("Access-Control-Allow-Methods", allow)
                .with_header("Access-Control-Allow-Headers", "Accept, Authorization, Content-Type")
                .with_header("Access-Control-Max-Age", "600");
        }
        resp
    }

    // ---------------------------------------------------------------- SPARQL query

    fn query_endpoint(&self, req: &Request) -> Response {
        if let Some(refusal) = non_utf8_charset(req) {
            return refusal;
        }
        let Some(url_params) = parse_form(&req.query) else {
            return Response::text(400, "the URL's query string is not valid UTF-8 after percent-decoding");
        };
        let (query, params) = match req.method.as_str() {
            "GET" => {
                let queries: Vec<&String> = url_params.iter().filter(|(k, _)| k == "query").map(|(_, v)| v).collect();
                match queries.as_slice() {
                    [] if url_params.is_empty() => return self.service_description(req),
                    [] => return Response::text(400, "missing the `query` parameter"),
                    [q] => ((*q).clone(), url_params.clone()),
                    _ => return Response::text(400, "more than one `query` parameter"),
                }
            }
            "POST" => match req.content_type().as_deref() {
                Some("application/x-www-form-urlencoded") => {
                    let Some(form) = std::str::from_utf8(&req.body).ok().and_then(parse_form) else {
                        return Response::text(400, "the form body is not valid UTF-8 after percent-decoding");
                    };
                    if url_params.iter().any(|(k, _)| k == "query") {
                        return Response::text(400, "`query` given both in the URL and in the form body");
                    }
                    let queries: Vec<&String> = form.iter().filter(|(k, _)| k == "query").map(|(_, v)| v).collect();
                    match queries.as_slice() {
                        [q] => {
                            let q = (*q).clone();
                            let mut all = form.clone();
                            all.extend(url_params);
                            (q, all)
                        }
                        [] if form.iter().any(|(k, _)| k == "update") => {
                            return Response::text(400, "this is the query endpoint; send updates to /update");
                        }
                        [] => return Response::text(400, "missing the `query` parameter in the form body"),
                        _ => return Response::text(400, "more than one `query` parameter"),
                    }
                }
                Some("application/sparql-query") => {
                    let Ok(q) = String::from_utf8(req.body.clone()) else {
                        return Response::text(400, "the query is not valid UTF-8");
                    };
                    if url_params.iter().any(|(k, _)| k == "query") {
                        return Response::text(400, "`query` given both in the URL and in the body");
                    }
                    (q, url_params)
                }
                Some(other) => {
                    return Response::text(
                        415,
                        format!("unsupported Content-Type {other:?}: POST application/x-www-form-urlencoded or application/sparql-query"),
                    );
                }
                None => return Response::text(415, "a POST needs a Content-Type: application/x-www-form-urlencoded or application/sparql-query"),
            },
            _ => return method_not_allowed("GET, POST, OPTIONS"),
        };
        let defaults: Vec<&str> = params.iter().filter(|(k, _)| k == "default-graph-uri").map(|(_, v)| v.as_str()).collect();
        let named: Vec<&str> = params.iter().filter(|(k, _)| k == "named-graph-uri").map(|(_, v)| v.as_str()).collect();
        self.run_query(&query, &defaults, &named, req.get_header("accept"))
    }

    /// Evaluates a query and serializes the result in the negotiated format, on a guarded
    /// thread: the shape is checked first, then parsing, evaluation and serialization run under
    /// the timeout and the memory budget.
    pub fn run_query(&self, query: &str, defaults: &[&str], named: &[&str], accept: Option<&str>) -> Response {
        let limits = self.config.limits();
        if let Err(r) = guard::query::check_text(query, &limits) {
            return refusal_response(&r);
        }
        let (evaluator, parser) = match &self.evaluator {
            Ok((e, p)) => (e.clone(), p.clone()),
            Err(e) => return Response::text(500, e.clone()),
        };
        let defaults = match iris(defaults, "default-graph-uri") {
            Ok(v) => v,
            Err(r) => return r,
        };
        let named = match iris(named, "named-graph-uri") {
            Ok(v) => v,
            Err(r) => return r,
        };
        let store = self.kb.store().oxigraph().clone();
        let prefixes = self.kb.store().prefixes();
        let accept = accept.map(str::to_owned);
        let query = query.to_owned();
        let job_limits = limits.clone();
        let outcome = guard::run_guarded(&limits, move |token| {
            let parsed = match guard::query::parse_query(parser, &query, &job_limits) {
                Ok(q) => q,
                Err(r) => return refusal_response(&r),
            };
            let mut prepared = evaluator.with_cancellation_token(token.clone()).for_query(parsed);
            if !defaults.is_empty() || !named.is_empty() {
                // The protocol's dataset replaces the query's FROM / FROM NAMED.
                prepared.dataset_mut().set_default_graph(defaults.into_iter().map(GraphName::NamedNode).collect());
                prepared.dataset_mut().set_available_named_graphs(named.into_iter().map(NamedOrBlankNode::NamedNode).collect());
            } else if prepared.dataset().is_default_dataset() {
                prepared.dataset_mut().set_default_graph_as_union();
            }
            match prepared.on_store(&store).execute() {
                Ok(results) => Self::serialize_results(&prefixes, results, accept.as_deref()).unwrap_or_else(|r| r),
                Err(e) => evaluation_failed(e),
            }
        });
        outcome.unwrap_or_else(|r| refusal_response(&r))
    }

    /// The results in the negotiated format; an evaluation error met while reading them is the
    /// `Err` response.
    fn serialize_results(prefixes: &[(&'static str, String)], results: QueryResults<'_>, accept: Option<&str>) -> Result<Response, Response> {
        match results {
            QueryResults::Boolean(value) => {
                let Some((media, format)) = negotiate(accept, &RESULT_OFFERS) else { return Ok(not_acceptable(&RESULT_OFFERS)) };
                let body = QueryResultsSerializer::from_format(format)
                    .serialize_boolean_to_writer(Vec::new(), value)
                    .map_err(|e| Response::text(500, e.to_string()))?;
                Ok(Response::new(200, &with_charset(media), body))
            }
            QueryResults::Solutions(solutions) => {
                let Some((media, format)) = negotiate(accept, &RESULT_OFFERS) else { return Ok(not_acceptable(&RESULT_OFFERS)) };
                let mut writer = QueryResultsSerializer::from_format(format)
                    .serialize_solutions_to_writer(Vec::new(), solutions.variables().to_vec())
                    .map_err(|e| Response::text(500, e.to_string()))?;
                for solution in solutions {
                    let solution = solution.map_err(evaluation_failed)?;
                    writer.serialize(&solution).map_err(|e| Response::text(500, e.to_string()))?;
                }
                let body = writer.finish().map_err(|e| Response::text(500, e.to_string()))?;
                Ok(Response::new(200, &with_charset(media), body))
            }
            QueryResults::Graph(triples) => {
                let Some((media, format)) = negotiate(accept, &GRAPH_OFFERS) else { return Ok(not_acceptable(&GRAPH_OFFERS)) };
                let mut collected = Vec::new();
                for t in triples {
                    collected.push(t.map_err(evaluation_failed)?);
                }
                let body = serialize_triples_with(prefixes, format, collected.iter()).map_err(|e| Response::text(500, e))?;
                Ok(Response::new(200, &with_charset(media), body))
            }
        }
    }

    fn serialize_triples<'a>(&self, format: RdfFormat, triples: impl Iterator<Item = &'a Triple>) -> Result<Vec<u8>, String> {
        serialize_triples_with(&self.kb.store().prefixes(), format, triples)
    }

    /// The SPARQL service description (GET on the endpoint without a query).
    fn service_description(&self, req: &Request) -> Response {
        // The Host header passed the host check, but goes into Turtle: anything beyond the
        // characters of a host name and port is replaced by the neutral `localhost`.
        let host = req
            .get_header("host")
            .map(str::trim)
            .filter(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._:[]".contains(&b)))
            .unwrap_or("localhost");
        let endpoint = format!("http://{host}{}", req.path);
        let update = if self.config.writable { ", sd:SPARQL11Update" } else { "" };
        let ttl = format!(
            "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n\
             @prefix fmt: <http://www.w3.org/ns/formats/> .\n\
             @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\
             <{endpoint}#service> a sd:Service ;\n\
             \x20 rdfs:label \"kgraph SPARQL endpoint\" ;\n\
             \x20 sd:endpoint <{endpoint}> ;\n\
             \x20 sd:supportedLanguage sd:SPARQL11Query{update} ;\n\
             \x20 sd:feature sd:UnionDefaultGraph ;\n\
             \x20 sd:resultFormat fmt:SPARQL_Results_JSON, fmt:SPARQL_Results_XML, fmt:SPARQL_Results_CSV, fmt:SPARQL_Results_TSV,\n\
             \x20   fmt:Turtle, fmt:N-Triples, fmt:JSON-LD, fmt:RDF_XML ;\n\
             \x20 sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .\n"
        );
        let Some((media, format)) = negotiate(req.get_header("accept"), &GRAPH_OFFERS) else {
            return not_acceptable(&GRAPH_OFFERS);
        };
        let mut triples = Vec::new();
        for q in RdfParser::from_format(RdfFormat::Turtle).for_slice(ttl.as_bytes()) {
            match q {
                Ok(q) => triples.push(Triple::from(q)),
                Err(e) => return Response::text(500, format!("service description: {e}")),
            }
        }
        match self.serialize_triples(format, triples.iter()) {
            Ok(body) => Response::new(200, &with_charset(media), body),
            Err(e) => Response::text(500, e),
        }
    }

    // ---------------------------------------------------------------- SPARQL update

    /// 403 when read-only, 401 without the right bearer token; `None` when the write may go on.
    fn check_write(&self, req: &Request) -> Option<Response> {
        if !self.config.writable {
            return Some(Response::text(403, "this server is read-only; restart it with `kgraph serve --writable --token T` to accept writes"));
        }
        let expected = self.config.token.as_deref().unwrap_or("");
        let given = req.get_header("authorization").and_then(|h| {
            let (scheme, value) = h.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| value.trim())
        });
        match given {
            Some(t) if !expected.is_empty() && constant_time_eq(t.as_bytes(), expected.as_bytes()) => None,
            Some(_) => Some(
                Response::text(401, "wrong bearer token").with_header("WWW-Authenticate", "Bearer realm=\"kgraph\", error=\"invalid_token\""),
            ),
            None => Some(
                Response::text(401, "writes need an `Authorization: Bearer <token>` header").with_header("WWW-Authenticate", "Bearer realm=\"kgraph\""),
            ),
        }
    }

    fn update_endpoint(&self, req: &Request) -> Response {
        if req.method != "POST" {
            return method_not_allowed("POST, OPTIONS");
        }
        if let Some(refusal) = non_utf8_charset(req) {
            return refusal;
        }
        if let Some(refusal) = self.check_write(req) {
            return refusal;
        }
        let Some(url_params) = parse_form(&req.query) else {
            return Response::text(400, "the URL's query string is not valid UTF-8 after percent-decoding");
        };
        let (update, params) = match req.content_type().as_deref() {
            Some("application/x-www-form-urlencoded") => {
                let Some(form) = std::str::from_utf8(&req.body).ok().and_then(parse_form) else {
                    return Response::text(400, "the form body is not valid UTF-8 after percent-decoding");
                };
                let updates: Vec<&String> = form.iter().filter(|(k, _)| k == "update").map(|(_, v)| v).collect();
                match updates.as_slice() {
                    [u] => ((*u).clone(), form.clone()),
                    [] => return Response::text(400, "missing the `update` parameter in the form body"),
                    _ => return Response::text(400, "more than one `update` parameter"),
                }
            }
            Some("application/sparql-update") => match String::from_utf8(req.body.clone()) {
                Ok(u) => (u, url_params),
                Err(_) => return Response::text(400, "the update is not valid UTF-8"),
            },
            Some(other) => {
                return Response::text(415, format!("unsupported Content-Type {other:?}: POST application/sparql-update or a form"));
            }
            None => return Response::text(415, "a POST needs a Content-Type: application/sparql-update or application/x-www-form-urlencoded"),
        };
        let using: Vec<&str> = params.iter().filter(|(k, _)| k == "using-graph-uri").map(|(_, v)| v.as_str()).collect();
        let using_named: Vec<&str> = params.iter().filter(|(k, _)| k == "using-named-graph-uri").map(|(_, v)| v.as_str()).collect();
        let (using, using_named) = match (iris(&using, "using-graph-uri"), iris(&using_named, "using-named-graph-uri")) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(r), _) | (_, Err(r)) => return r,
        };
        let limits = self.config.limits();
        if let Err(r) = guard::query::check_text(&update, &limits) {
            return refusal_response(&r);
        }
        let (evaluator, parser) = match &self.evaluator {
            Ok((e, p)) => (e.clone(), p.clone()),
            Err(e) => return Response::text(500, e.clone()),
        };
        let store = self.kb.store().oxigraph().clone();
        let job_limits = limits.clone();
        // The view index must not outlive a write it does not see, even if this process dies.
        self.kb.invalidate_view();
        let outcome = guard::run_guarded(&limits, move |token| {
            let parsed = match guard::query::parse_update(parser, &update, &job_limits) {
                Ok(u) => u,
                Err(r) => return Err(refusal_response(&r)),
            };
            let mut prepared = evaluator.with_cancellation_token(token.clone()).for_update(parsed);
            if !using.is_empty() || !using_named.is_empty() {
                for ds in prepared.using_datasets_mut() {
                    ds.set_default_graph(using.iter().cloned().map(GraphName::NamedNode).collect());
                    ds.set_available_named_graphs(using_named.iter().cloned().map(NamedOrBlankNode::NamedNode).collect());
                }
            }
            let ontology = crate::store::ontology_triple_count(&store);
            prepared.on_store(&store).execute().map_err(|e| Response::text(500, format!("update failed: {e}")))?;
            Ok(ontology.saturating_sub(crate::store::ontology_triple_count(&store)))
        });
        match outcome {
            Ok(Ok(0)) => {
                self.written();
                Response::empty(204)
            }
            Ok(Ok(removed)) => {
                self.written();
                Response::text(200, crate::store::ontology_removed_note(removed))
            }
            Ok(Err(response)) => response,
            Err(r) => refusal_response(&r),
        }
    }
}

/// Parses IRIs of a protocol parameter; 400 naming the parameter on a bad one.
fn iris(values: &[&str], param: &str) -> Result<Vec<NamedNode>, Response> {
    values
        .iter()
        .map(|v| NamedNode::new(*v).map_err(|e| Response::text(400, format!("`{param}` is not an absolute IRI: {v:?} ({e})"))))
        .collect()
}

/// The protocol's bodies are UTF-8: another declared charset is a 400.
fn non_utf8_charset(req: &Request) -> Option<Response> {
    let ct = req.get_header("content-type")?;
    let charset = ct.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches('"').to_ascii_lowercase())
    })?;
    (charset != "utf-8" && charset != "utf8" && charset != "us-ascii")
        .then(|| Response::text(400, format!("charset {charset:?} is not supported: SPARQL protocol bodies are UTF-8")))
}

fn with_charset(media: &str) -> String {
    if media.starts_with("text/") || media.ends_with("json") || media.ends_with("xml") || media == "application/n-triples" {
        format!("{media}; charset=utf-8")
    } else {
        media.to_owned()
    }
}

fn not_acceptable<T>(offers: &[(&str, T)]) -> Response {
    let list: Vec<&str> = offers.iter().map(|(m, _)| *m).collect();
    Response::text(406, format!("no acceptable format; this result can be sent as: {}", list.join(", ")))
}

fn method_not_allowed(allow: &str) -> Response {
    Response::text(405, format!("method not allowed here; allowed: {allow}")).with_header("Allow", allow)
}

pub(crate) fn too_large(max: usize) -> Response {
    Response::text(413, format!("request body larger than the server's limit of {max} bytes (kgraph serve --max-body)"))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Triples in an RDF format; Turtle gets the store's prefixes.
fn serialize_triples_with<'a>(
    prefixes: &[(&'static str, String)],
    format: RdfFormat,
    triples: impl Iterator<Item = &'a Triple>,
) -> Result<Vec<u8>, String> {
    let mut serializer = RdfSerializer::from_format(format);
    if matches!(format, RdfFormat::Turtle) {
        for (prefix, iri) in prefixes {
            serializer = serializer.with_prefix(*prefix, iri.clone()).map_err(|e| e.to_string())?;
        }
    }
    let mut writer = serializer.for_writer(Vec::new());
    for t in triples {
        writer.serialize_triple(t).map_err(|e| e.to_string())?;
    }
    writer.finish().map_err(|e| e.to_string())
}
