use std::path::PathBuf;

/// Errors at the store boundary. Each names the store directory or the thing that failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {path}: in use by another process (a running `kgraph serve` or `kgraph build`?); stop it or use --store to pick another directory")]
    Locked { path: PathBuf },
    #[error("store {path}: this kgraph was built without the `rocksdb` feature, so it has no on-disk store")]
    NoDiskStore { path: PathBuf },
    #[error("store {path}: cannot open: {source}")]
    Open { path: PathBuf, source: oxigraph::store::StorageError },
    #[error("store {path}: not a kgraph store (directory is not empty and has no kgraph-store.json); choose an empty or new directory with --store")]
    NotAStore { path: PathBuf },
    #[error("store {path}: no kgraph store here; run `kgraph build` first or pass --store")]
    NoStore { path: PathBuf },
    #[error("store {path}: format version {found}, this kgraph reads version {expected}; rebuild it with `kgraph build` into a new --store directory")]
    Version { path: PathBuf, found: u32, expected: u32 },
    #[error("store {path}: incomplete: its creation was interrupted before it finished, so it holds no data; `kgraph build --store {path} …` completes it")]
    Incomplete { path: PathBuf },
    #[error("{path}: corrupt store ({what})")]
    Corrupt { path: PathBuf, what: String },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("storage error: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    /// The parser's message (with its position), as the guard's refusal carries it.
    #[error("SPARQL syntax error: {0}")]
    QuerySyntax(String),
    #[error("SPARQL evaluation error: {0}")]
    Query(#[from] oxigraph::sparql::QueryEvaluationError),
    #[error("SPARQL evaluation error: {0}")]
    Update(#[from] oxigraph::sparql::UpdateEvaluationError),
    #[error("SPARQL prefix or base IRI: {0}")]
    Iri(#[from] oxigraph::model::IriParseError),
    #[error("ontology {name}: {source}")]
    Ontology { name: String, source: oxigraph::io::RdfSyntaxError },
    #[error("no document matches {key:?} (use an id from `kgraph stats --documents` or the source path)")]
    UnknownDocument { key: String },
    #[error("{count} documents match {key:?}; give more of the id")]
    AmbiguousDocument { key: String, count: usize },
    #[error("write error: {0}")]
    Write(std::io::Error),
    #[error("{0}")]
    Refused(crate::guard::QueryRefusal),
}

impl From<oxigraph::sparql::SparqlSyntaxError> for StoreError {
    fn from(e: oxigraph::sparql::SparqlSyntaxError) -> StoreError {
        StoreError::QuerySyntax(e.to_string())
    }
}

impl StoreError {
    /// A refused query (its shape, syntax, deadline or memory budget).
    pub(crate) fn from_refusal(r: crate::guard::QueryRefusal) -> StoreError {
        match r {
            crate::guard::QueryRefusal::Syntax(m) => StoreError::QuerySyntax(m),
            other => StoreError::Refused(other),
        }
    }

    #[cfg(feature = "rocksdb")]
    pub(crate) fn open(path: &std::path::Path, e: oxigraph::store::StorageError) -> StoreError {
        let message = e.to_string();
        if message.contains("CURRENT: No such file") || message.contains("Column family not found") {
            // RocksDB writes CURRENT, then the column families, when it creates a database:
            // either missing means the creation was cut short.
            StoreError::Incomplete { path: path.to_owned() }
        } else if message.contains("lock") || message.contains("Resource temporarily unavailable") {
            StoreError::Locked { path: path.to_owned() }
        } else if message.contains("Corruption") || message.contains("corrupt") {
            StoreError::Corrupt { path: path.to_owned(), what: message }
        } else {
            StoreError::Open { path: path.to_owned(), source: e }
        }
    }
}
