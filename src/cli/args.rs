//! Command-line arguments (clap derive). Doc comments here are the `--help` text.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// kgraph — build a knowledge graph from English text, offline.
///
/// Typical session:
///
///   kgraph build seeds/                       # extract facts, store them in .kgraph/
///   kgraph query 'SELECT ?s ?o WHERE { ?s kg:opposes ?o }'
///   kgraph why "Greta Quillen" opposes        # the sentences behind an edge
///   kgraph export --focus "Don Strand" --depth 1 -o strand.svg
///   kgraph export --dir exports               # graph.dot, graph.svg, graph.ttl, graph.nt, …
///
/// `kgraph help COMMAND` shows a command's options and an example.
#[derive(Debug, Parser)]
#[command(name = "kgraph", version, about, long_about, verbatim_doc_comment, max_term_width = 100)]
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
    /// Keep only facts whose learned confidence is at least this (0 keeps every fact; the default
    /// is the threshold chosen on the judged facts, see README).
    #[arg(long, value_name = "P")]
    pub min_confidence: Option<f32>,
    /// Append each fact's confidence features as a last TSV column (for scripts/train_confidence.py).
    #[arg(long, hide = true)]
    pub confidence_features: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract facts from documents and load them into the store.
    ///
    /// PATH may be files, directories (read recursively: .txt, .md, .html) or `-` for standard
    /// input. Each document is one named graph, loaded in one transaction: an unchanged document is
    /// skipped, a changed one replaces its earlier facts. Exports are written when asked for:
    /// `kgraph export` (or --export-dir here).
    #[command(after_help = "Example:\n  kgraph build articles/ --store news.kgraph\n  kgraph build notes.txt --export-dir exports")]
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
    ///
    /// `nquads` with `--input jsonl` is a streaming filter: it reads JSON Lines documents (`id`,
    /// `title`, `date`, `url`, `text`) and writes each document's named graph — exactly the quads
    /// `kgraph build` stores — as soon as it is done, one document at a time. A bad line gets one
    /// error line on stderr (line number and id) and the stream goes on; the exit status is 2 if
    /// any line failed. `kgraph load` stores the result.
    #[command(after_help = "Example:\n  kgraph extract article.txt | cut -f1-3\n  kgraph extract - --input jsonl --format nquads --source-name corpus.jsonl < corpus.jsonl > corpus.nq")]
    Extract {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[arg(long, short, value_enum, default_value_t = ExtractFormat::Tsv)]
        format: ExtractFormat,
        /// How PATH is read: `auto` by extension (`.jsonl` is JSON Lines), or `jsonl`: every
        /// PATH, standard input included, is JSON Lines, read and written one line at a time.
        #[arg(long, value_enum, default_value_t = InputKind::Auto)]
        input: InputKind,
        /// With `--input jsonl`: the file name documents from standard input are recorded under
        /// (their source is NAME#ID, as `kgraph build NAME` records them); default `-`.
        #[arg(long, value_name = "NAME")]
        source_name: Option<String>,
        /// With `--input jsonl`: each line starts with its line number in the original file and
        /// a tab (what a distributed job sends, so that sources and errors name the corpus line).
        #[arg(long)]
        numbered: bool,
        /// Base IRI for entities, documents and facts (`--format nquads`; as the store's --base).
        #[arg(long, default_value = crate::kb::DEFAULT_BASE, value_name = "IRI")]
        base: String,
        #[command(flatten)]
        extract: ExtractArgs,
    },
    /// Load N-Quads written by `kgraph extract --format nquads` into the store.
    ///
    /// Each document's named graph replaces the earlier version of that document whole, as
    /// `kgraph build` does (unchanged documents are skipped; a new version of the same source
    /// replaces the old one, in one transaction). New documents go through oxigraph's bulk
    /// loader in one atomic commit. Quads outside a document graph or the ontology graph are
    /// refused, and so is the whole input then, with the file and line named. The ontology graph
    /// is set as `build` sets it, unless the input holds ontology quads, which replace it.
    #[command(after_help = "Example:\n  kgraph load out/part-*.nq --store news.kgraph\n  kgraph extract - --input jsonl --format nquads < c.jsonl | kgraph load -")]
    Load {
        #[arg(required = true, value_name = "FILE")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        store: StoreArgs,
        /// Extra ontology directory, as for `build`. Repeatable.
        #[arg(long, value_name = "DIR")]
        ontology: Vec<PathBuf>,
        /// No summary line.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Show the analysis behind the facts: sentences as CoNLL-U (tags, lemmas, dependency tree),
    /// with the named-entity label in the last column; or, with `--format jsonl`, one JSON object
    /// per document with tokens, entities and coreference chains (schema in README.md).
    ///
    /// PATH may be files, directories or `-` for standard input.
    #[command(after_help = "Example:\n  kgraph analyze article.txt | less\n  kgraph analyze --format jsonl article.txt")]
    Analyze {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[arg(long, short, value_enum, default_value_t = AnalyzeFormat::Conllu)]
        format: AnalyzeFormat,
    },
    /// Run a SPARQL query. Without FROM, the default graph is the union of all documents.
    ///
    /// Prefixes kg:, rel:, rdf:, rdfs:, owl:, skos:, xsd:, prov:, dcterms:, wd: are predeclared.
    #[command(after_help = "Example:\n  kgraph query 'SELECT ?who ?what WHERE { ?who kg:opposes ?what }'\n  kgraph query --file cookbook.rq --format csv > answers.csv")]
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
    #[command(after_help = "Example:\n  kgraph update 'DELETE WHERE { ?s kg:said ?o }'")]
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
    #[command(after_help = "Example:\n  kgraph export --focus \"Jane Doe\" -o doe.svg      # 40 nodes at most\n  kgraph export --predicate meet --min-confidence 0.7 -o meetings.svg\n  kgraph export -o graph.graphml                        # everything, for Gephi")]
    Export {
        /// Write the main exports into DIR: graph.dot and graph.svg (the best-connected entities
        /// with a drawn edge, at most 150), graph.ttl, graph.nt, graph.graphml, graph.json.
        #[arg(long, value_name = "DIR", conflicts_with_all = ["format", "output", "construct", "since", "until"])]
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
        dates: DateArgs,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Counts: documents, entities, facts, triples.
    #[command(after_help = "Example:\n  kgraph stats --json | jq .store.facts")]
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
    /// List entities with their facts and documents, aliases and Wikidata ids.
    ///
    /// One entity a line: label, type, id, number of facts, number of documents, Wikidata id,
    /// aliases. With SEARCH, only entities whose label, alias or id contains it (ignoring case),
    /// most facts first. The fact filters count only the facts they keep, and list only the
    /// entities that have some.
    #[command(after_help = "Example:\n  kgraph entities doe                        # search, most facts first\n  kgraph entities --type Country --doc 000_ | head")]
    Entities {
        /// Part of a label, alias or id.
        #[arg(value_name = "SEARCH")]
        search: Option<String>,
        /// Only this type (Person, Country, City, Organization, …).
        #[arg(long = "type", value_name = "TYPE")]
        kind: Option<String>,
        #[command(flatten)]
        facts: FactArgs,
        /// Show how each entity was resolved (merge rules).
        #[arg(long)]
        explain: bool,
        /// Only the N corpus-wide entities with most facts (a document's own nodes, such as the
        /// common noun `officials` of one article, left out).
        #[arg(long, value_name = "N")]
        top: Option<usize>,
        #[command(flatten)]
        dates: DateArgs,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Why is this edge here? Every matching fact with its evidence sentence and document.
    #[command(after_help = "Example:\n  kgraph why \"Jane Doe\" oppose          # lemma, label or kg:opposes\n  kgraph why Doe --doc 000_ --min-confidence 0.8")]
    Why {
        subject: String,
        /// A lemma (`oppose`), label, property name (`kg:opposes`) or part of the label.
        predicate: Option<String>,
        object: Option<String>,
        #[command(flatten)]
        facts: FactArgs,
        #[command(flatten)]
        dates: DateArgs,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Shortest path between two entities (labels, aliases or ids).
    #[command(after_help = "Example:\n  kgraph path \"Jane Doe\" Peru")]
    Path {
        from: String,
        to: String,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Rank entities by PageRank (default) or degree, and list connected components.
    #[command(after_help = "Example:\n  kgraph rank --type Person --top 10\n  kgraph rank --components")]
    Rank {
        /// Rank by degree instead of PageRank.
        #[arg(long)]
        degree: bool,
        #[arg(long, default_value_t = 20)]
        top: usize,
        /// List connected components instead.
        #[arg(long)]
        components: bool,
        /// Only entities of this type (Person, Country, Organization, …).
        #[arg(long = "type", value_name = "TYPE")]
        kind: Option<String>,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Remove a document (by id, id prefix or source path) and its facts.
    #[command(after_help = "Example:\n  kgraph remove articles/2020-01-05.txt")]
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
    #[command(after_help = "Example:\n  kgraph serve --bind 127.0.0.1:7878    # then open http://127.0.0.1:7878/")]
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
    #[command(after_help = "Example:\n  kgraph push http://localhost:3030/ds/data --auth admin:secret --dry-run")]
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
    #[command(after_help = "Example:\n  kgraph ontology | grep -i oppose")]
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

/// Which facts count: `why`, `entities` and `export` take these.
#[derive(Debug, Clone, Args, Default)]
pub struct FactArgs {
    /// Keep only facts with this predicate: a lemma (`oppose`), a label (`opposes`), a local or
    /// prefixed property name (`kg:opposes`) or an IRI. Repeatable.
    #[arg(long, value_name = "PREDICATE")]
    pub predicate: Vec<String>,
    /// Keep only the facts of this document (id, id prefix, source path or file name).
    #[arg(long, value_name = "DOC")]
    pub doc: Option<String>,
    /// Keep only facts with at least this confidence (0 to 1).
    #[arg(long, value_name = "C", value_parser = confidence)]
    pub min_confidence: Option<f32>,
}

fn confidence(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(c) if (0.0..=1.0).contains(&c) => Ok(c),
        _ => Err(format!("`{s}` is not a confidence between 0 and 1")),
    }
}

/// A period: facts whose time (else their document's date) meets [--since, --until].
#[derive(Debug, Clone, Args, Default)]
pub struct DateArgs {
    /// Only facts on or after this day (YYYY-MM-DD): the fact's own time, else its document's date.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only facts on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
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
    #[command(flatten)]
    pub facts: FactArgs,
    /// Drop nodes with fewer edges than this.
    #[arg(long, default_value_t = 0)]
    pub min_degree: usize,
    /// Keep at most this many nodes: around --focus the most strongly tied neighbours, else the
    /// most connected. SVG and PNG default to 40 with --focus and 100 without; other formats
    /// keep everything. 0: no cap (SVG and PNG still stop at 2000 nodes, and say so).
    #[arg(long, value_name = "N")]
    pub max_nodes: Option<usize>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExtractFormat {
    Tsv,
    Jsonl,
    Carb,
    Ttl,
    /// Each document's named graph as `kgraph build` stores it (N-Quads), document by document.
    Nquads,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum InputKind {
    Auto,
    Jsonl,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum AnalyzeFormat {
    /// CoNLL-U, the NER label and char span in MISC.
    Conllu,
    /// One JSON object per document: sentences, tokens, entities, coreference chains.
    Jsonl,
}

#[cfg(feature = "train")]
#[derive(Debug, Clone, Subcommand)]
pub enum TrainCommand {
    /// Every shipped model, in dependency order, each with the options that made the shipped file:
    /// gazetteer, sentence boundaries, word clusters, tagger and parser, NER, coreference.
    ///
    /// Prints each step's time, then whether each file written holds the same model (payload) as
    /// the one compiled into this binary. Later steps use the compiled-in models (the NER model the
    /// gazetteer and tagger, coreference the tagger, parser and NER): when a file differs, copy the
    /// new files to models/, rebuild and run again.
    #[command(after_help = "Example:\n  kgraph train all --shared ../shared --out models --seed 1   # = make models")]
    All {
        /// The shared data directory (`corpora/`, `gazetteers/`).
        #[arg(long, default_value = "../shared")]
        shared: PathBuf,
        #[arg(long, default_value = "models")]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Tagger, lemmatizer and parser from UD English EWT + GUM, with word-cluster features.
    Ud {
        #[arg(long, default_value = "../shared/corpora/ud-english-ewt")]
        corpus: PathBuf,
        /// GUM directory whose train/dev splits are added to EWT's (`none`: EWT alone).
        #[arg(long, default_value = "../shared/corpora/gum")]
        gum: PathBuf,
        /// Word clusters for features, from `kgraph train clusters` (`none`: no clusters).
        #[arg(long, default_value = "models/word-clusters.bin")]
        clusters: PathBuf,
        /// Use these tag models (a `ud-tagger.bin`) instead of training the tagger: only the
        /// parser is trained (on their predictions) and written.
        #[arg(long)]
        tagger: Option<PathBuf>,
        #[arg(long, default_value = "models")]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Named-entity recognizer from Universal NER English EWT and the names of GUM's entities.
    Ner {
        #[arg(long, default_value = "../shared/corpora/uner-english-ewt")]
        corpus: PathBuf,
        /// GUM directory whose train split's person/organization/place names are added (`none`:
        /// UNER EWT alone).
        #[arg(long, default_value = "../shared/corpora/gum")]
        gum: PathBuf,
        /// Word clusters of the run-time tagger, used by the jackknifed taggers that tag the
        /// training sentences (`none`: no clusters).
        #[arg(long, default_value = "models/word-clusters.bin")]
        clusters: PathBuf,
        /// CoNLL-U file of jackknifed training tags: reused when it exists, else computed (1–10
        /// min) and written there (default: a scratch file of this run, removed at the end).
        #[arg(long)]
        tags: Option<PathBuf>,
        /// Write the model chosen on dev (trained on train alone) instead of refitting on train +
        /// dev: a model whose dev errors can be studied.
        #[arg(long)]
        no_refit: bool,
        /// Train a structured perceptron decoded by Viterbi instead of the greedy tagger (not the
        /// shipped model; see models/README.md for its scores).
        #[arg(long)]
        viterbi: bool,
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
    /// Coreference (mention ranking + learned gender/animacy tables) from GUM, analysed by the
    /// embedded tagger, parser and NER. Writes OUT/coref.bin.
    Coref {
        #[arg(long, default_value = "../shared/corpora/gum")]
        corpus: PathBuf,
        #[arg(long, default_value = "models")]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Training cost of starting a new entity for a mention that has an antecedent.
        #[arg(long, default_value_t = crate::nlp::coref::model::Costs::default().false_new)]
        false_new: f32,
        /// Training cost of linking a mention that starts a new entity.
        #[arg(long, default_value_t = crate::nlp::coref::model::Costs::default().false_link)]
        false_link: f32,
        /// Training cost of linking to the wrong entity.
        #[arg(long, default_value_t = crate::nlp::coref::model::Costs::default().wrong_link)]
        wrong_link: f32,
        /// Most epochs (the best on dev is kept).
        #[arg(long, default_value_t = crate::nlp::coref::train::TrainOptions::default().max_epochs)]
        max_epochs: usize,
        /// Ignore `# speaker` lines.
        #[arg(long)]
        no_speakers: bool,
        /// Only report K-fold cross-validation on the train split (for choosing settings); no
        /// model is written.
        #[arg(long, value_name = "K")]
        cross_validate: Option<usize>,
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
    /// Entity-level P/R/F1 per type and overall, on a UNER `.iob2` file or a GUM `.conllu` file
    /// (person/organization/place names, mapped as for training).
    Ner {
        #[arg(long)]
        gold: PathBuf,
        /// Model file to evaluate instead of the embedded one.
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
        /// Also print each sentence whose predicted names differ from the gold ones.
        #[arg(long)]
        errors: bool,
    },
    /// MUC, B3, CEAF-e and CoNLL F1 (with and without singletons), mention detection, pronoun
    /// accuracy, and an exact-string-match baseline, on a CoNLL-U file with `Entity=` annotation.
    Coref {
        #[arg(long)]
        gold: PathBuf,
        /// Model file to evaluate instead of the embedded one.
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
        /// Ignore `# speaker` lines in the gold file.
        #[arg(long)]
        no_speakers: bool,
    },
    /// CaRB and CaRB(1-1) precision, recall, F1 and AUC.
    Carb {
        #[arg(long)]
        gold: PathBuf,
        #[arg(long)]
        sentences: PathBuf,
    },
    /// Facts of news articles against hand-written gold: every NAME.txt + NAME.gold.tsv pair in
    /// the folder, one `NAME.txt: must R/N should R/N mustnot-violations V facts F` line each, then
    /// the total line — the same lines as `../shared/tools/score_news.sh`.
    Facts {
        #[arg(long, value_name = "DIR")]
        gold_dir: PathBuf,
        /// Also list, article by article, the gold rows found and missed and the violations.
        #[arg(long)]
        verbose: bool,
        #[command(flatten)]
        extract: ExtractArgs,
    },
}
