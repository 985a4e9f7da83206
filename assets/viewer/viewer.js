// kgraph viewer: a plain SPARQL editor with a results table, and a cytoscape relationship
// diagram whose edges explain themselves (the evidence sentences behind each fact).
// Everything is read through the SPARQL endpoint of the server that served this page.
'use strict';

const ENDPOINT = '/sparql';
// The same caps as `kgraph export` pictures (kb::FOCUS_MAX_NODES, kb::OVERVIEW_MAX_NODES): a
// neighbourhood keeps its most strongly tied nodes, a drawn query its most connected ones, and
// the page says what it left out.
const FOCUS_MAX_NODES = 40;
const OVERVIEW_MAX_NODES = 100;
// Node labels are 10 px at zoom 1: the first view never zooms out below 8 px labels (a bigger
// layout is centred on the focus, the rest a drag away), like the CLI's 2000 px picture bound.
const MIN_READABLE_ZOOM = 0.8;
const PREFIXES = `PREFIX kg: <https://w3id.org/kgraph/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
`;
const KG = 'https://w3id.org/kgraph/ontology#';
const WD = 'http://www.wikidata.org/entity/';

const EXAMPLES = {
  'Facts with their evidence': `SELECT DISTINCT ?subject ?predicate ?object ?confidence ?evidence WHERE {
  ?f kg:sentence ?fs ; rdf:subject ?s ; rdf:predicate ?predicate ; rdf:object ?o ;
     kg:confidence ?confidence ; kg:sentence/kg:evidence ?evidence .
  ?s rdfs:label ?subject .
  OPTIONAL { ?o rdfs:label ?ol }
  BIND(COALESCE(?ol, ?o) AS ?object)
} ORDER BY DESC(?confidence) LIMIT 100`,
  'Entities by number of facts': `SELECT ?entity ?label (COUNT(DISTINCT ?f) AS ?facts) WHERE {
  ?f kg:sentence ?fs . { ?f rdf:subject ?entity } UNION { ?f rdf:object ?entity }
  ?entity rdfs:label ?label .
} GROUP BY ?entity ?label ORDER BY DESC(?facts) LIMIT 50`,
  'Documents': `SELECT DISTINCT ?doc ?source ?title WHERE {
  ?doc a kg:Document ; kg:sourcePath ?source . OPTIONAL { ?doc dcterms:title ?title }
} ORDER BY ?source`,
  'Diagram: CONSTRUCT all plain facts (draw)': `CONSTRUCT { ?s ?p ?o } WHERE {
  ?f kg:sentence ?fs ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  FILTER NOT EXISTS { ?f kg:negated|kg:modality ?flag }
  FILTER(isIRI(?o))
} LIMIT 400`,
};

const $ = (id) => document.getElementById(id);

async function sparql(query, accept = 'application/sparql-results+json') {
  const resp = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': accept },
    body: 'query=' + encodeURIComponent(query),
  });
  const text = await resp.text();
  if (!resp.ok) throw new Error(`${resp.status}: ${text}`);
  return accept.includes('json') ? JSON.parse(text) : text;
}

const withPrefixes = (q) => (/^\s*(PREFIX|BASE)/i.test(q) ? q : PREFIXES + q);
const iri = (v) => '<' + v.replace(/[<>"{}|^`\\\s]/g, encodeURIComponent) + '>';
const lit = (s) => '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') + '"';
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

function shortIri(v) {
  const pairs = [[KG, 'kg:'], ['https://w3id.org/kgraph/rel/', 'rel:'], ['http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'rdf:'],
    ['http://www.w3.org/2000/01/rdf-schema#', 'rdfs:'], [WD, 'wd:']];
  for (const [ns, p] of pairs) if (v.startsWith(ns)) return p + v.slice(ns.length);
  const m = v.match(/\/(entity|doc|fact)\/(.+)$/);
  return m ? `${m[1]}:${decodeURIComponent(m[2])}` : v;
}

function termText(t) {
  if (!t) return '';
  if (t.type === 'uri') return shortIri(t.value);
  if (t.type === 'bnode') return '_:' + t.value;
  return t.value;
}

// ------------------------------------------------------------------ query panel

function setStatus(el, text, error = false) {
  el.textContent = text;
  el.classList.toggle('error', error);
}

function renderTable(data) {
  const table = $('results');
  table.innerHTML = '';
  if ('boolean' in data) {
    table.innerHTML = `<tr><th>ASK</th></tr><tr><td>${data.boolean}</td></tr>`;
    return 1;
  }
  const vars = data.head.vars;
  const head = '<tr>' + vars.map((v) => `<th>${esc(v)}</th>`).join('') + '</tr>';
  const rows = data.results.bindings.map((b) =>
    '<tr>' + vars.map((v) => `<td title="${esc(b[v] ? b[v].value : '')}">${esc(termText(b[v]))}</td>`).join('') + '</tr>');
  table.innerHTML = head + rows.join('');
  return rows.length;
}

function renderTriplesTable(ntriples) {
  const lines = ntriples.split('\n').filter((l) => l.trim());
  $('results').innerHTML = '<tr><th>triple</th></tr>' + lines.map((l) => `<tr><td>${esc(l)}</td></tr>`).join('');
  return lines.length;
}

const isGraphQuery = (q) => /^\s*((PREFIX|BASE)[^\n]*\n\s*)*(CONSTRUCT|DESCRIBE)\b/i.test(q.replace(/#[^\n]*/g, ''));

async function runQuery() {
  const q = withPrefixes($('query').value);
  const t0 = performance.now();
  setStatus($('status'), 'running…');
  try {
    let n;
    if (isGraphQuery(q)) {
      n = renderTriplesTable(await sparql(q, 'application/n-triples'));
      setStatus($('status'), `${n} triples in ${Math.round(performance.now() - t0)} ms — “Draw as diagram” shows them`);
    } else {
      n = renderTable(await sparql(q));
      setStatus($('status'), `${n} rows in ${Math.round(performance.now() - t0)} ms`);
    }
  } catch (e) {
    $('results').innerHTML = '';
    setStatus($('status'), e.message, true);
  }
}

// Parses the N-Triples our server returns for CONSTRUCT (IRIs and literals; no blank-node edges drawn).
function parseNTriples(text) {
  const out = [];
  const term = String.raw`(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[\w-]+|\^\^<[^>]*>)?)`;
  const re = new RegExp(`^${term}\\s+${term}\\s+${term}\\s*\\.\\s*$`);
  for (const line of text.split('\n')) {
    const m = line.trim().match(re);
    if (m) out.push([m[1], m[2], m[3]]);
  }
  return out;
}

async function drawQuery() {
  const q = withPrefixes($('query').value);
  setStatus($('status'), 'drawing…');
  try {
    let edges = [];
    if (isGraphQuery(q)) {
      edges = parseNTriples(await sparql(q, 'application/n-triples'))
        .filter(([, , o]) => o.startsWith('<'))
        .map(([s, p, o]) => [s.slice(1, -1), p.slice(1, -1), o.slice(1, -1)]);
    } else {
      const data = await sparql(q);
      edges = data.results.bindings.filter((b) => b.s && b.p && b.o && b.o.type === 'uri').map((b) => [b.s.value, b.p.value, b.o.value]);
    }
    const g = mostConnected(edges, OVERVIEW_MAX_NODES);
    await g.fetchLabels();
    draw(g, null);
    setStatus($('status'), `${g.edges.size} edges drawn${g.note ? ` (${g.note})` : ''}`);
  } catch (e) {
    setStatus($('status'), e.message, true);
  }
}

// ------------------------------------------------------------------ diagram model

class GraphModel {
  constructor() {
    this.nodes = new Map(); // iri -> {label, types}
    this.edges = new Map(); // key -> {s, p, o, count, plain}
    this.facts = new Set(); // statement nodes already counted
    this.candidates = 0; // nodes that could have been drawn (the cap keeps this.nodes)
    this.note = null; // what the cap left out, as shown under the diagram
  }
  addNode(iri) {
    if (!this.nodes.has(iri)) this.nodes.set(iri, { label: shortIri(iri), types: [] });
  }
  // An edge between two drawn nodes (parallel facts with the same predicate count as one).
  addEdge(s, p, o, info) {
    if (info.fact) {
      if (this.facts.has(info.fact)) return;
      this.facts.add(info.fact);
    }
    if (!this.nodes.has(s) || !this.nodes.has(o)) return;
    const key = `${s}\u0000${p}\u0000${o}`;
    const e = this.edges.get(key) || { s, p, o, count: 0, plain: false, label: info.label || shortIri(p) };
    e.count += 1;
    e.plain = e.plain || info.plain !== false;
    this.edges.set(key, e);
  }
  async fetchLabels() {
    const iris = [...this.nodes.keys()];
    for (let i = 0; i < iris.length; i += 100) {
      const chunk = iris.slice(i, i + 100).map(iri).join(' ');
      const data = await sparql(PREFIXES + `SELECT ?e ?l ?t WHERE { VALUES ?e { ${chunk} } OPTIONAL { ?e rdfs:label ?l } OPTIONAL { ?e a ?t } }`);
      for (const b of data.results.bindings) {
        const n = this.nodes.get(b.e.value);
        if (!n) continue;
        if (b.l) n.label = b.l.value;
        if (b.t && b.t.value.startsWith(KG) && !n.types.includes(b.t.value)) n.types.push(b.t.value);
      }
    }
  }
}

// The `cap` nodes with the most edges among `edges` ([s, p, o] IRIs; ties: IRI order), and the
// edges between them (as `kgraph export` draws the whole graph).
function mostConnected(edges, cap) {
  const degree = new Map();
  for (const [s, , o] of edges) for (const n of [s, o]) degree.set(n, (degree.get(n) || 0) + 1);
  const ranked = [...degree.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const g = new GraphModel();
  for (const [n] of ranked.slice(0, cap)) g.addNode(n);
  for (const [s, p, o] of edges) g.addEdge(s, p, o, {});
  g.candidates = ranked.length;
  const omitted = g.candidates - g.nodes.size;
  if (omitted > 0) g.note = `${g.nodes.size} of ${g.candidates} nodes shown, the most connected: +${omitted} more`;
  return g;
}

// Facts touching any of `frontier`, read from the statement nodes (so negated and modal facts,
// which have no plain triple, are drawn too — dashed). ?x is the frontier end.
async function factsAround(frontier) {
  const values = frontier.map(iri).join(' ');
  // Every pattern inside the UNION branches: oxigraph then walks from the bound entity (~1 ms).
  const q = PREFIXES + `SELECT ?f ?x ?s ?p ?o ?neg ?mod ?pl WHERE {
  { VALUES ?x { ${values} } ?f rdf:subject ?x ; kg:sentence ?fs ; rdf:object ?o ; rdf:predicate ?p . BIND(?x AS ?s) }
  UNION
  { VALUES ?x { ${values} } ?f rdf:object ?x ; kg:sentence ?fs ; rdf:subject ?s ; rdf:predicate ?p . BIND(?x AS ?o) }
  FILTER(isIRI(?o))
  OPTIONAL { ?f kg:negated ?neg } OPTIONAL { ?f kg:modality ?mod }
  OPTIONAL { ?f kg:predicateLabel ?own } OPTIONAL { ?p rdfs:label ?plabel } BIND(COALESCE(?own, STR(?plabel)) AS ?pl)
} LIMIT 5000`;
  return (await sparql(q)).results.bindings;
}

// Number of facts each of `entities` takes part in (the tie-break between equally tied nodes).
async function factCounts(entities) {
  const counts = new Map();
  for (let i = 0; i < entities.length; i += 100) {
    const values = entities.slice(i, i + 100).map(iri).join(' ');
    const data = await sparql(PREFIXES + `SELECT ?e (COUNT(?f) AS ?n) WHERE {
  { VALUES ?e { ${values} } ?f rdf:subject ?e ; kg:sentence ?fs } UNION { VALUES ?e { ${values} } ?f rdf:object ?e ; kg:sentence ?fs }
} GROUP BY ?e`);
    for (const b of data.results.bindings) counts.set(b.e.value, Number(b.n.value));
  }
  return counts;
}

// The neighbourhood of `start` to `depth` hops, capped at `cap` nodes like `kgraph export --focus`
// (graph::focus_capped): hop by hop, the most strongly tied first (facts linking a node to the
// nodes already kept, then its facts overall, then IRI); a node is only reached through kept
// nodes, so the diagram stays connected. Candidates beyond the cap are counted for the note.
async function neighbourhood(start, depth, cap = FOCUS_MAX_NODES) {
  const g = new GraphModel();
  g.addNode(start);
  const seen = new Set([start]);
  const around = [];
  let frontier = [start];
  for (let d = 0; d < depth && frontier.length; d++) {
    const ties = new Map();
    for (let i = 0; i < frontier.length; i += 50) {
      for (const b of await factsAround(frontier.slice(i, i + 50))) {
        around.push(b);
        const other = b.x.value === b.s.value ? b.o.value : b.s.value;
        if (!g.nodes.has(other)) ties.set(other, (ties.get(other) || 0) + 1);
      }
    }
    for (const n of ties.keys()) seen.add(n);
    let next = [...ties.entries()];
    const room = Math.max(cap - g.nodes.size, 0);
    if (next.length > room) {
      const counts = await factCounts(next.map(([n]) => n));
      next.sort((a, b) => b[1] - a[1] || (counts.get(b[0]) || 0) - (counts.get(a[0]) || 0) || (a[0] < b[0] ? -1 : 1));
      next = next.slice(0, room);
    }
    frontier = next.map(([n]) => n);
    for (const n of frontier) g.addNode(n);
  }
  for (const b of around) {
    const plain = !(b.neg && b.neg.value === 'true') && (!b.mod || b.mod.value === 'asserted');
    g.addEdge(b.s.value, b.p.value, b.o.value, { plain, fact: b.f.value, label: b.pl ? b.pl.value : null });
  }
  g.candidates = seen.size;
  const omitted = g.candidates - g.nodes.size;
  if (omitted > 0) g.note = `${g.nodes.size} of ${g.candidates} nodes shown, the most strongly tied: +${omitted} more neighbours`;
  await g.fetchLabels();
  return g;
}

// ------------------------------------------------------------------ drawing

let cy = null;

function draw(g, focus) {
  const elements = [];
  for (const [id, n] of g.nodes) {
    const type = n.types.length ? shortIri(n.types[0]).replace('kg:', '') : '';
    elements.push({ data: { id, label: n.label, type, focus: id === focus ? 1 : 0 } });
  }
  let i = 0;
  for (const e of g.edges.values()) {
    elements.push({ data: { id: 'e' + i++, source: e.s, target: e.o, p: e.p, label: e.label + (e.count > 1 ? ` ×${e.count}` : ''), plain: e.plain ? 1 : 0 } });
  }
  if (cy) cy.destroy();
  cy = cytoscape({
    container: $('graph'),
    elements,
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: { 'label': 'data(label)', 'font-size': 10, 'background-color': '#6c8ebf', 'width': 18, 'height': 18, 'text-valign': 'bottom', 'text-margin-y': 3 } },
      { selector: 'node[type = "Person"]', style: { 'background-color': '#d98c3f' } },
      { selector: 'node[type = "Organization"]', style: { 'background-color': '#7aa86a' } },
      { selector: 'node[type = "Country"], node[type = "City"], node[type = "Location"]', style: { 'background-color': '#9a78c2' } },
      { selector: 'node[focus = 1]', style: { 'border-width': 3, 'border-color': '#233044', 'width': 26, 'height': 26 } },
      { selector: 'edge', style: { 'label': 'data(label)', 'font-size': 8, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'width': 1.5, 'line-color': '#9aa5b5', 'target-arrow-color': '#9aa5b5', 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
      // Past 150 edges, labels only on the selected edge (the diagram stays readable).
      ...(g.edges.size > 150 ? [{ selector: 'edge', style: { 'label': '' } }, { selector: 'edge:selected', style: { 'label': 'data(label)' } }] : []),
      { selector: 'edge[plain = 0]', style: { 'line-style': 'dashed', 'line-color': '#d08080', 'target-arrow-color': '#d08080' } },
      { selector: ':selected', style: { 'background-color': '#233044', 'line-color': '#233044', 'target-arrow-color': '#233044' } },
    ],
    layout: { name: 'cose', animate: false, randomize: true, fit: true, padding: 40, nodeRepulsion: () => 400000,
      idealEdgeLength: () => (g.nodes.size > 20 ? 80 : 110), edgeElasticity: () => 100, nodeOverlap: 20, numIter: g.nodes.size > 150 ? 400 : 1000 },
    minZoom: 0.2, maxZoom: 3,
  });
  cy.on('tap', 'node', (ev) => showNode(ev.target.id()));
  cy.on('tap', 'edge', (ev) => showEdge(ev.target.data('source'), ev.target.data('p'), ev.target.data('target')));
  if (cy.nodes().length && cy.zoom() < MIN_READABLE_ZOOM) {
    cy.zoom(MIN_READABLE_ZOOM);
    cy.center(focus ? cy.getElementById(focus) : cy.nodes().sort((a, b) => b.degree() - a.degree())[0]);
  }
  const note = $('graph-note');
  note.textContent = g.note || '';
  note.hidden = !g.note;
  describeDiagram();
  window.kgraphDiagram = { nodes: cy.nodes().length, edges: cy.edges().length, capped: Boolean(g.note), note: g.note };
}

// The drawn diagram as text, read from cytoscape after layout: for screen readers (the canvas
// says nothing to them) and for tools that read the page without running it (the headless test).
function describeDiagram() {
  const box = $('graph').getBoundingClientRect();
  const list = $('diagram-text');
  list.dataset.width = Math.round(box.width);
  list.dataset.height = Math.round(box.height);
  list.dataset.zoom = cy.zoom().toFixed(3);
  const ext = cy.extent();
  list.dataset.inView = cy.nodes().filter((n) => {
    const p = n.position();
    return p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2;
  }).length;
  const label = (n) => esc(n.data('label'));
  const nodes = cy.nodes().map((n) => `<li data-node="${esc(n.id())}">${label(n)}${n.data('type') ? ` (${esc(n.data('type'))})` : ''}</li>`);
  const edges = cy.edges().map((e) => `<li data-s="${esc(e.data('source'))}" data-p="${esc(e.data('p'))}" data-o="${esc(e.data('target'))}" data-plain="${e.data('plain')}">${label(e.source())} — ${esc(e.data('label'))} → ${label(e.target())}</li>`);
  list.innerHTML = `<summary>The diagram as text: ${nodes.length} nodes, ${edges.length} edges</summary>
    <h4>Nodes</h4><ul class="nodes">${nodes.join('')}</ul><h4>Edges</h4><ul class="edges">${edges.join('')}</ul>`;
}

async function explore(entity) {
  const depth = Number($('depth').value);
  setStatus($('graph-status'), 'loading…');
  $('search-results').innerHTML = '';
  try {
    const g = await neighbourhood(entity, depth);
    draw(g, entity);
    const capped = g.note ? ` — ${g.note}` : '';
    await showNode(entity);
    setStatus($('graph-status'), `${g.nodes.size} nodes, ${g.edges.size} edges (depth ${depth})${capped}`, false);
  } catch (e) {
    setStatus($('graph-status'), e.message, true);
  }
}

// ------------------------------------------------------------------ details

// Only the latest click may fill the details panel (answers can arrive out of order).
let detailsTicket = 0;

async function showNode(entity) {
  const ticket = ++detailsTicket;
  const data = await sparql(PREFIXES + `SELECT ?p ?v WHERE { ${iri(entity)} ?p ?v }`);
  const types = [], aliases = [], labels = [];
  let wikidata = null;
  for (const b of data.results.bindings) {
    const p = b.p.value, v = b.v.value;
    if (p.endsWith('22-rdf-syntax-ns#type')) types.push(shortIri(v));
    else if (p.endsWith('rdf-schema#label')) labels.push(v);
    else if (p.endsWith('core#altLabel')) aliases.push(v);
    else if (p.endsWith('owl#sameAs') && v.startsWith(WD)) wikidata = v.slice(WD.length);
    else if (p === KG + 'wikidataId' && !wikidata) wikidata = v;
  }
  if (ticket !== detailsTicket) return;
  const uniq = (a) => [...new Set(a)].sort();
  const wd = wikidata ? `<p>Wikidata: <a href="https://www.wikidata.org/wiki/${esc(wikidata)}" target="_blank" rel="noopener">${esc(wikidata)}</a></p>` : '<p>Wikidata: —</p>';
  $('details').innerHTML = `<h3 class="node-title">${esc(labels[0] || shortIri(entity))}</h3>
    <p>Type: ${esc(uniq(types).join(', ') || '—')}</p>
    <p>Aliases: ${esc(uniq(aliases).join(', ') || '—')}</p>${wd}
    <p class="doc">${esc(entity)}</p>
    <p><button type="button" id="recenter">Centre the diagram here</button></p>`;
  $('recenter').onclick = () => explore(entity);
}

function highlight(sentence, needles, cls) {
  // Marks each needle (case-insensitive) once it is found; longest first.
  let html = esc(sentence);
  const sorted = [...new Set(needles.filter((n) => n && n.length > 1))].sort((a, b) => b.length - a.length);
  for (const [n, c] of sorted.map((n) => [n, cls(n)])) {
    const re = new RegExp('(' + esc(n).replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ')', 'i');
    if (!/<mark/.test(html.match(re)?.[0] || '')) html = html.replace(re, `<mark class="${c}">$1</mark>`);
  }
  return html;
}

async function names(entity) {
  const d = await sparql(PREFIXES + `SELECT ?n WHERE { { ${iri(entity)} rdfs:label ?n } UNION { ${iri(entity)} skos:altLabel ?n } }`);
  return d.results.bindings.map((b) => b.n.value);
}

async function showEdge(s, p, o) {
  const ticket = ++detailsTicket;
  const q = PREFIXES + `SELECT ?f ?ev ?conf ?neg ?mod ?attr ?surface ?pl ?doc ?src ?title ?cs ?ce ?sent ?ext WHERE {
  ?f kg:sentence ?t ; rdf:subject ${iri(s)} ; rdf:predicate ${iri(p)} ; rdf:object ${iri(o)} .
  OPTIONAL { ?t kg:evidence ?ev } OPTIONAL { ?f kg:confidence ?conf } OPTIONAL { ?f kg:negated ?neg }
  OPTIONAL { ?f kg:modality ?mod } OPTIONAL { ?f kg:attribution ?attr } OPTIONAL { ?f kg:surfaceRelation ?surface }
  OPTIONAL { ?f kg:predicateLabel ?own } OPTIONAL { ${iri(p)} rdfs:label ?plabel } BIND(COALESCE(?own, STR(?plabel)) AS ?pl)
  OPTIONAL { ?t kg:charStart ?cs } OPTIONAL { ?t kg:charEnd ?end }
  BIND(COALESCE(?end, ?cs + STRLEN(?ev)) AS ?ce)
  BIND(REPLACE(STR(?t), "^.*/", "") AS ?sent)
  ?f rdf:object ?obj . OPTIONAL { ?f kg:extractor ?x }
  BIND(COALESCE(?x, IF(isLiteral(?obj) && DATATYPE(?obj) = xsd:string, "kgraph-oie/speech:act", "kgraph-oie/clause:SVO")) AS ?ext)
  OPTIONAL { GRAPH ?doc { ?f kg:sentence ?t } OPTIONAL { ?doc kg:sourcePath ?src } OPTIONAL { ?doc dcterms:title ?title } }
} ORDER BY ?src xsd:integer(?sent)`;
  const [data, sNames, oNames] = await Promise.all([sparql(q), names(s), names(o)]);
  if (ticket !== detailsTicket) return;
  const rows = data.results.bindings;
  const byFact = new Map();
  for (const b of rows) if (!byFact.has(b.f.value)) byFact.set(b.f.value, b);
  const v = (b, k) => (b[k] ? b[k].value : '');
  const items = [...byFact.values()].map((b) => {
    const negated = v(b, 'neg') === 'true';
    const mod = v(b, 'mod');
    const flags = [
      `<span class="flag">confidence ${esc(Number(v(b, 'conf') || 0).toFixed(2))}</span>`,
      negated ? '<span class="flag neg">negated</span>' : '<span class="flag">not negated</span>',
      `<span class="flag ${mod && mod !== 'asserted' ? 'mod' : ''}">modality: ${esc(mod || 'asserted')}</span>`,
      v(b, 'attr') ? `<span class="flag">according to: ${esc(v(b, 'attr'))}</span>` : '<span class="flag">no attribution</span>',
    ];
    const sentence = highlight(v(b, 'ev'), [...sNames, ...oNames, v(b, 'surface')], (n) => (n === v(b, 'surface') ? 'rel' : 'ent'));
    const where = v(b, 'cs') ? `, chars ${esc(v(b, 'cs'))}–${esc(v(b, 'ce'))}` : '';
    return `<div class="evidence${negated ? ' negated' : ''}">
      <div class="sentence">“${sentence}”</div>
      <div class="flags">${flags.join('')}</div>
      <div class="doc">${esc(v(b, 'title') || v(b, 'src') || v(b, 'doc'))}${v(b, 'title') && v(b, 'src') ? ` (${esc(v(b, 'src'))})` : ''}, sentence ${esc(v(b, 'sent') || '?')}${where} · ${esc(v(b, 'ext'))}</div>
    </div>`;
  });
  const label = rows[0] && rows[0].pl ? rows[0].pl.value : shortIri(p);
  $('details').innerHTML = `<h3 class="edge-title">${esc(sNames[0] || shortIri(s))} — ${esc(label)} → ${esc(oNames[0] || shortIri(o))}</h3>
    <p>${items.length} evidence sentence${items.length === 1 ? '' : 's'}</p>${items.join('') || '<p>No statement node for this edge.</p>'}`;
}

// ------------------------------------------------------------------ search

let searchTimer = null;

async function search(text) {
  const needle = lit(text.toLowerCase());
  const q = PREFIXES + `SELECT ?e (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?type) WHERE {
  ?e rdfs:label ?l ; a ?t .
  FILTER(STRSTARTS(STR(?t), STR(kg:)) && ?t != kg:Document && ?t != kg:Fact)
  { FILTER(CONTAINS(LCASE(?l), ${needle})) } UNION { ?e skos:altLabel ?a FILTER(CONTAINS(LCASE(?a), ${needle})) }
} GROUP BY ?e ORDER BY STRLEN(STR(?label)) LIMIT 20`;
  const data = await sparql(q);
  const ul = $('search-results');
  ul.innerHTML = '';
  for (const b of data.results.bindings) {
    const li = document.createElement('li');
    li.innerHTML = `${esc(b.label.value)}<span class="type">${esc(shortIri(b.type.value))}</span>`;
    li.dataset.iri = b.e.value;
    li.onclick = () => { $('search').value = b.label.value; explore(b.e.value); };
    ul.appendChild(li);
  }
  if (!data.results.bindings.length) ul.innerHTML = '<li class="none">no entity matches</li>';
}

// ------------------------------------------------------------------ start

function init() {
  $('endpoint').textContent = location.origin + ENDPOINT;
  $('cap').textContent = FOCUS_MAX_NODES;
  $('overview-cap').textContent = OVERVIEW_MAX_NODES;
  const sel = $('examples');
  sel.innerHTML = '<option value="">Examples…</option>' + Object.keys(EXAMPLES).map((k) => `<option>${esc(k)}</option>`).join('');
  sel.onchange = () => { if (EXAMPLES[sel.value]) $('query').value = EXAMPLES[sel.value]; sel.value = ''; };
  $('query').value = EXAMPLES['Facts with their evidence'];
  $('run').onclick = runQuery;
  $('draw').onclick = drawQuery;
  $('query').addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) runQuery(); });
  $('search').addEventListener('input', () => {
    clearTimeout(searchTimer);
    const text = $('search').value.trim();
    if (text.length < 2) { $('search-results').innerHTML = ''; return; }
    searchTimer = setTimeout(() => search(text).catch((e) => setStatus($('graph-status'), e.message, true)), 200);
  });
  $('depth').onchange = () => { const sel = cy && cy.nodes('[focus = 1]'); if (sel && sel.length) explore(sel[0].id()); };
  // ?entity=IRI&depth=N opens that neighbourhood (links from elsewhere, the headless test).
  const params = new URLSearchParams(location.search);
  if (['1', '2', '3'].includes(params.get('depth'))) $('depth').value = params.get('depth');
  if (params.get('entity')) explore(params.get('entity'));
}

init();
