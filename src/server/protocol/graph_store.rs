//! The SPARQL 1.1 Graph Store Protocol at `/store`: `?graph=IRI` or `?default` (the union of
//! all graphs, as for queries); GET/HEAD serve a graph in the negotiated RDF format, PUT replaces,
//! POST adds, DELETE drops (writes need `--writable` and the bearer token).
//!
//! In: a [`Request`]. Out: a [`Response`]; a write is one transaction.

use super::*;

impl Service {
    pub(super) fn graph_store(&self, req: &Request) -> Response {
        let Some(params) = parse_form(&req.query) else {
            return Response::text(400, "the URL's query string is not valid UTF-8 after percent-decoding");
        };
        let graphs: Vec<&String> = params.iter().filter(|(k, _)| k == "graph").map(|(_, v)| v).collect();
        let default = params.iter().any(|(k, _)| k == "default");
        let target = match (graphs.as_slice(), default) {
            ([g], false) => match NamedNode::new(g.as_str()) {
                Ok(n) => GraphName::NamedNode(n),
                Err(e) => return Response::text(400, format!("`graph` is not an absolute IRI: {g:?} ({e})")),
            },
            ([], true) => GraphName::DefaultGraph,
            ([], false) => return Response::text(400, "give `?graph=IRI` or `?default`"),
            _ => return Response::text(400, "give exactly one of `?graph=IRI` and `?default`"),
        };
        match req.method.as_str() {
            "GET" | "HEAD" => self.graph_get(req, &target),
            "PUT" | "POST" | "DELETE" => {
                if let Some(refusal) = self.check_write(req) {
                    return refusal;
                }
                self.graph_write(req, &target)
            }
            _ => method_not_allowed("GET, HEAD, PUT, POST, DELETE, OPTIONS"),
        }
    }

    fn graph_exists(&self, graph: &GraphName) -> Result<bool, String> {
        match graph {
            GraphName::NamedNode(n) => self.kb.store().oxigraph().contains_named_graph(n.as_ref()).map_err(|e| e.to_string()),
            _ => Ok(true),
        }
    }

    /// GET/HEAD: a named graph, or `?default` — the service's default graph, i.e. the union of
    /// all graphs (as for queries).
    fn graph_get(&self, req: &Request, target: &GraphName) -> Response {
        match self.graph_exists(target) {
            Ok(true) => {}
            Ok(false) => return Response::text(404, format!("no graph {target} in this store")),
            Err(e) => return Response::text(500, e),
        }
        let Some((media, format)) = negotiate(req.get_header("accept"), &GRAPH_OFFERS) else {
            return not_acceptable(&GRAPH_OFFERS);
        };
        let store = self.kb.store().oxigraph();
        let mut triples: Vec<Triple> = Vec::new();
        let result: Result<(), String> = (|| {
            match target {
                GraphName::NamedNode(n) => {
                    for q in store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(n.as_ref()))) {
                        triples.push(Triple::from(q.map_err(|e| e.to_string())?));
                    }
                }
                _ => {
                    let mut seen = HashSet::new();
                    for q in store.iter() {
                        let t = Triple::from(q.map_err(|e| e.to_string())?);
                        if seen.insert(t.clone()) {
                            triples.push(t);
                        }
                    }
                }
            }
            Ok(())
        })();
        if let Err(e) = result {
            return Response::text(500, e);
        }
        match self.serialize_triples(format, triples.iter()) {
            Ok(body) => Response::new(200, &with_charset(media), body),
            Err(e) => Response::text(500, e),
        }
    }

    /// PUT replaces, POST adds, DELETE drops. `?default` writes the store's own default graph.
    fn graph_write(&self, req: &Request, target: &GraphName) -> Response {
        let existed = match self.graph_exists(target) {
            Ok(b) => b,
            Err(e) => return Response::text(500, e),
        };
        let store = self.kb.store().oxigraph();
        if req.method == "DELETE" {
            if !existed {
                return Response::text(404, format!("no graph {target} in this store"));
            }
            self.kb.invalidate_view();
            let done = match target {
                GraphName::NamedNode(n) => store.remove_named_graph(n.as_ref()),
                _ => store.clear_graph(GraphNameRef::DefaultGraph),
            };
            return match done {
                Ok(()) => {
                    self.written();
                    Response::empty(204)
                }
                Err(e) => Response::text(500, e.to_string()),
            };
        }
        let Some(content_type) = req.content_type() else {
            return Response::text(415, "a graph body needs a Content-Type (text/turtle, application/n-triples, application/rdf+xml, application/ld+json)");
        };
        let format = match RdfFormat::from_media_type(&content_type) {
            Some(f) if !f.supports_datasets() || matches!(f, RdfFormat::JsonLd { .. }) => f,
            _ => {
                return Response::text(
                    415,
                    format!("unsupported Content-Type {content_type:?} for a graph: use text/turtle, application/n-triples, application/rdf+xml or application/ld+json"),
                );
            }
        };
        let base = match target {
            GraphName::NamedNode(n) => n.as_str().to_owned(),
            _ => self.kb.store().base().to_owned(),
        };
        let parser = match RdfParser::from_format(format).with_base_iri(base) {
            Ok(p) => p.with_default_graph(target.clone()),
            Err(e) => return Response::text(400, format!("bad base IRI: {e}")),
        };
        let mut quads = Vec::new();
        for q in parser.for_slice(&req.body) {
            match q {
                Ok(mut q) => {
                    q.graph_name = target.clone();
                    quads.push(q);
                }
                Err(e) => return Response::text(400, format!("cannot parse the {content_type} body: {e}")),
            }
        }
        self.kb.invalidate_view();
        let outcome = (|| -> Result<(), oxigraph::store::StorageError> {
            let mut tx = store.start_transaction()?;
            if req.method == "PUT" {
                tx.clear_graph(target.as_ref())?;
            }
            if let GraphName::NamedNode(n) = target {
                tx.insert_named_graph(n.as_ref());
            }
            for q in &quads {
                tx.insert(q);
            }
            tx.commit()
        })();
        match outcome {
            Ok(()) => {
                self.written();
                if existed { Response::empty(204) } else { Response::empty(201) }
            }
            Err(e) => Response::text(500, format!("write failed: {e}")),
        }
    }
}
