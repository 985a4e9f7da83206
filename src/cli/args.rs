//! Command-line arguments (clap derive). Doc comments here are the `--help` text.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// kgraph — build a knowledge graph from English text, offline.
///
/// Typical session:
///
///   kgraph build seeds/                       # extract facts, store them in .kgraph/
///   kgraph query 'SELECT ?s ?o WHERE { ?s kg:opposes ?o }'
///   kgraph why "Gustavo Petro" opposes        # the sentences behind an edge
///   kgraph export --focus "Donald Trump" --depth 1 -o trump.svg
///   kgraph export --dir exports               # graph.dot, graph.svg, graph.ttl, graph.nt, …
#[derive(Debug, Parser)]
#[command(name = "kgraph", version, about, long_about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// Where the store lives.
#[derive(Debug, Clone, Args)]
pub struct StoreArgs {
    /// Store directory (an oxigraph RocksDB database).
    #[arg(long, global = true, default_value = ".kgraph", value_name = "DIR", env = "KGRAPH_STORE")]
    pub store: PathBuf,
    /// Base IRI for entities, documents and facts.
    #[arg(long, global = true, default_value = crate::kb::DEFAULT_BASE, value_name = "IRI")]
    pub base: String,
}

/// Extraction settings shared by `build` and `extract`.
#[derive(Debug, Clone, Args)]
pub struct ExtractArgs {
    /// Extra ontology directory (`*.ttl` and `lexicon*.tsv`), added to the built-in ontology. Repeatable.
    #[arg(long, value_name = "DIR")]
    pub ontology: Vec<PathBuf>,
    /// Keep only facts whose predicate maps to an ontology property (drop open relations).
    #[arg(long)]
    pub strict: bool,
    /// Largest input document accepted, in MiB.
    #[arg(long, default_value_t = 16, value_name = "MIB")]
    pub max_file_mb: u64,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract facts from documents and load them into the store.
    ///
    /// PATH may be files, directories (read recursively: .txt, .md, .html) or `-` for standard
    /// input. Each document is one named graph, loaded in one transaction: an unchanged document is
    /// skipped, a changed one replaces its earlier facts. Exports are written when asked for:
    /// `kgraph export` (or --export-dir here).
    Build {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        store: StoreArgs,
        #[command(flatten)]
        extract: ExtractArgs,
        /// Also write the main exports into DIR after loading (graph.dot, graph.svg, graph.ttl,
        /// graph.nt, graph.graphml, graph.json), as `kgraph export --dir DIR` does.
        #[arg(long, alias = "exports", value_name = "DIR")]
        export_dir: Option<PathBuf>,
        /// Accepted for older scripts: exports are no longer written unless asked for.
        #[arg(long, hide = true)]
        no_export: bool,
        /// No progress bar or summary.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Print the facts found in documents, without touching the store.
    ///
    /// `tsv` prints a header and one fact a line (subject predicate object confidence doc paragraph
    /// sentence start end negated modality attribution evidence). `carb` reads one pre-tokenized
    /// sentence per line and prints the CaRB benchmark's system format.
    Extract {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[arg(long, short, value_enum, default_value_t = ExtractFormat::Tsv)]
        format: ExtractFormat,
        #[command(flatten)]
        extract: ExtractArgs,
    },
    /// Show the analysis behind the facts: sentences as CoNLL-U (tags, lemmas, dependency tree),
    /// with the named-entity label in the last column.
    Analyze {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Run a SPARQL query. Without FROM, the default graph is the union of all documents.
    ///
    /// Prefixes kg:, rel:, rdf:, rdfs:, owl:, skos:, xsd:, prov:, dcterms:, wd: are predeclared.
    Query {
        /// The query text (or use --file).
        #[arg(value_name = "SPARQL", required_unless_present = "file")]
        query: Option<String>,
        /// Read the query from a file.
        #[arg(long, value_name = "Q.rq", conflicts_with = "query")]
        file: Option<PathBuf>,
        /// Output format: table, csv, tsv, json, xml for SELECT/ASK; ttl, nt for CONSTRUCT/DESCRIBE.
        #[arg(long, short, default_value = "table")]
        format: String,
        /// Cancel the query after this many seconds.
        #[arg(long, default_value_t = 60.0, value_name = "SECONDS")]
        timeout: f64,
        /// Cancel the query when it holds more than this much memory, in MiB.
        #[arg(long, default_value_t = crate::guard::query::DEFAULT_MEMORY_MB, value_name = "MIB")]
        max_query_mb: usize,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Run a SPARQL Update (atomically).
    Update {
        #[arg(value_name = "SPARQL", required_unless_present = "file")]
        update: Option<String>,
        #[arg(long, value_name = "U.ru", conflicts_with = "update")]
        file: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Export the graph: dot, svg, png, ttl, nt, nq, trig, rdfxml, jsonld, graphml, csv, json.
    ///
    /// The format is taken from --format or from the -o extension. Diagram options (--focus,
    /// --depth, --predicate, --min-degree, --max-nodes) keep diagrams readable; --construct exports
    /// the subgraph a SPARQL CONSTRUCT selects; --dir writes the main exports into a directory.
    Export {
        /// Write the main exports into DIR: graph.dot and graph.svg (the best-connected entities
        /// with a drawn edge, at most 150), graph.ttl, graph.nt, graph.graphml, graph.json.
        #[arg(long, value_name = "DIR", conflicts_with_all = ["format", "output", "construct"])]
        dir: Option<PathBuf>,
        #[arg(long, short)]
        format: Option<String>,
        /// Output file (standard output when absent). For csv, FILE_nodes.csv and FILE_edges.csv are written.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        select: SelectArgs,
        /// Export only the triples a SPARQL CONSTRUCT query returns (RDF formats).
        #[arg(long, value_name = "Q.rq")]
        construct: Option<PathBuf>,
        /// Include the ontology graph in RDF exports.
        #[arg(long)]
        with_ontology: bool,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Counts: documents, entities, facts, triples.
    Stats {
        /// List the documents too.
        #[arg(long)]
        documents: bool,
        /// JSON output.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// List entities, with aliases and Wikidata ids.
    Entities {
        /// Only this type (Person, Country, City, Organization, …).
        #[arg(long = "type", value_name = "TYPE")]
        kind: Option<String>,
        /// Show how each entity was resolved (merge rules).
        #[arg(long)]
        explain: bool,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Why is this edge here? Every matching fact with its evidence sentence and document.
    Why {
        subject: String,
        predicate: Option<String>,
        object: Option<String>,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Shortest path between two entities (labels, aliases or ids).
    Path {
        from: String,
        to: String,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Rank entities by PageRank (default) or degree, and list connected components.
    Rank {
        /// Rank by degree instead of PageRank.
        #[arg(long)]
        degree: bool,
        #[arg(long, default_value_t = 20)]
        top: usize,
        /// List connected components instead.
        #[arg(long)]
        components: bool,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Remove a document (by id, id prefix or source path) and its facts.
    Remove {
        #[arg(value_name = "DOC")]
        doc: String,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Serve the store over HTTP: SPARQL endpoint, Graph Store Protocol and a web viewer.
    ///
    /// SPARQL 1.1 Protocol at /sparql (and /query), updates at /update, graphs at
    /// /store?graph=IRI, the viewer at /. Read-only unless --writable (then every write needs
    /// `Authorization: Bearer <token>`). While it runs, `kgraph build` on the same store fails.
    Serve {
        /// Address to listen on (loopback by default; port 0 picks a free port).
        #[arg(long, default_value = "127.0.0.1:7878", value_name = "HOST:PORT")]
        bind: String,
        /// Accept SPARQL Update and Graph Store writes (opens the store read-write).
        #[arg(long)]
        writable: bool,
        /// Bearer token required for writes (with --writable).
        #[arg(long, env = "KGRAPH_TOKEN", hide_env_values = true, value_name = "T")]
        token: Option<String>,
        /// Per-query timeout in seconds (the evaluation is cancelled).
        #[arg(long, default_value_t = 30.0, value_name = "SECONDS")]
        timeout: f64,
        /// Send CORS headers allowing this origin (`*` for any). Off by default.
        #[arg(long, value_name = "ORIGIN")]
        cors: Option<String>,
        /// Largest request body accepted, in bytes.
        #[arg(long, default_value_t = 10 * 1024 * 1024, value_name = "BYTES")]
        max_body: usize,
        /// Memory one query or update may hold, in MiB (413 beyond).
        #[arg(long, default_value_t = crate::guard::query::DEFAULT_MEMORY_MB, value_name = "MIB")]
        max_query_mb: usize,
        /// Requests handled at once (slow clients do not hold one while they send or read).
        #[arg(long, default_value_t = 8)]
        threads: usize,
        /// Open connections at once; beyond, new connections get a 503.
        #[arg(long, default_value_t = 512, value_name = "N")]
        max_connections: usize,
        /// Also answer requests whose Host header names this host (`name` or `name:port`;
        /// `*` turns the check off). Repeatable. By default only the bound address (and, on
        /// loopback, localhost) is answered: this stops DNS-rebinding pages.
        #[arg(long, value_name = "HOST")]
        allow_host: Vec<String>,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Send every document's named graph and the ontology graph to a remote store.
    ///
    /// Uses the SPARQL 1.1 Graph Store Protocol: one `PUT URL?graph=IRI` (N-Triples) per graph, so
    /// pushing again replaces each graph; an older version of a changed document is deleted
    /// remotely. URL is the remote Graph Store endpoint, e.g. http://host:7878/store (oxigraph)
    /// or http://host:3030/ds/data (Fuseki). Plain http:// only.
    Push {
        #[arg(value_name = "URL")]
        url: String,
        /// HTTP Basic credentials.
        #[arg(long, value_name = "USER:PASS", conflicts_with = "token")]
        auth: Option<String>,
        /// Bearer token (e.g. of a `kgraph serve --writable`).
        #[arg(long, env = "KGRAPH_PUSH_TOKEN", hide_env_values = true, value_name = "T")]
        token: Option<String>,
        /// The remote SPARQL query endpoint, used to find old versions of changed documents
        /// (default: URL with /store → /query, /data → /sparql).
        #[arg(long, value_name = "URL")]
        sparql: Option<String>,
        /// Also delete remote document graphs that are not in this store.
        #[arg(long)]
        prune: bool,
        /// List what would be sent, send nothing.
        #[arg(long)]
        dry_run: bool,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// List the ontology's classes, properties and lexicon entries.
    Ontology {
        #[arg(long, value_name = "DIR")]
        ontology: Vec<PathBuf>,
    },
    /// Train models from the corpora (writes models/; rebuild the binary to embed them).
    #[cfg(feature = "train")]
    Train {
        #[command(subcommand)]
        what: TrainCommand,
    },
    /// Evaluate against gold data (numbers printed as `NAME value` lines).
    #[cfg(feature = "train")]
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// Measure pipeline speed (words/s on one core) over a text or JSONL corpus.
    #[cfg(feature = "train")]
    Bench {
        /// Text file, or JSONL with a "text" field per line.
        #[arg(value_name = "FILE")]
        input: PathBuf,
        /// Stop after this many words.
        #[arg(long, default_value_t = 200_000)]
        words: usize,
    },
}

/// Which diagram to draw.
#[derive(Debug, Clone, Args, Default)]
pub struct SelectArgs {
    /// Centre the diagram on this entity (label, alias or id).
    #[arg(long, value_name = "ENTITY")]
    pub focus: Option<String>,
    /// Neighbourhood depth around --focus.
    #[arg(long, default_value_t = 1)]
    pub depth: usize,
    /// Keep only these predicates (label or local name). Repeatable.
    #[arg(long, value_name = "PREDICATE")]
    pub predicate: Vec<String>,
    /// Drop nodes with fewer edges than this.
    #[arg(long, default_value_t = 0)]
    pub min_degree: usize,
    /// Keep at most this many nodes (highest degree first).
    #[arg(long)]
    pub max_nodes: Option<usize>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExtractFormat {
    Tsv,
    Jsonl,
    Carb,
    Ttl,
}

#[cfg(feature = "train")]
#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// Tagger, lemmatizer and parser from UD English EWT.
    Ud {
        #[arg(long, default_value = "../shared/corpora/ud-english-ewt")]
        corpus: PathBuf,
        #[arg(long, default_value = "models")]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Named-entity recognizer from Universal NER English EWT.
    Ner {
        #[arg(long, default_value = "../shared/corpora/uner-english-ewt")]
        corpus: PathBuf,
        #[arg(long, default_value = "models")]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Sentence-boundary model from UD English EWT and GUM (train; epochs chosen on dev).
    Sentences {
        /// Directory holding `ud-english-ewt/` and `gum/`.
        #[arg(long, default_value = "../shared/corpora")]
        corpus: PathBuf,
        #[arg(long, default_value = "models")]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Word clusters (exchange algorithm + Brown merge tree) from unlabelled text into
    /// models/word-clusters.bin.
    Clusters {
        /// JSON-lines files with a "text" field (news), segmented by kgraph's tokenizer.
        #[arg(long = "text", value_name = "JSONL", default_value = "../shared/corpora/news/wikinews-2019-2020.jsonl")]
        text: Vec<PathBuf>,
        /// CoNLL-U files whose words are added (training splits only).
        #[arg(
            long = "conllu",
            value_name = "CONLLU",
            default_values = ["../shared/corpora/ud-english-ewt/en_ewt-ud-train.conllu", "../shared/corpora/gum/gum-train.conllu"]
        )]
        conllu: Vec<PathBuf>,
        #[arg(long, default_value_t = 256)]
        classes: usize,
        #[arg(long, default_value_t = 2)]
        min_count: usize,
        #[arg(long, default_value = "models")]
        out: PathBuf,
    },
    /// Compile the gazetteers into models/.
    Gazetteer {
        #[arg(long, default_value = "../shared/gazetteers")]
        source: PathBuf,
        #[arg(long, default_value = "models")]
        out: PathBuf,
    },
}

#[cfg(feature = "train")]
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// UPOS, XPOS, lemma, UAS, LAS with gold tokenization, then CoNLL 2018 raw-text scores.
    Ud {
        #[arg(long)]
        gold: PathBuf,
    },
    /// Entity-level P/R/F1 per type and overall.
    Ner {
        #[arg(long)]
        gold: PathBuf,
    },
    /// CaRB and CaRB(1-1) precision, recall, F1 and AUC.
    Carb {
        #[arg(long)]
        gold: PathBuf,
        #[arg(long)]
        sentences: PathBuf,
    },
}
