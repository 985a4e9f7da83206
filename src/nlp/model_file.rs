//! The on-disk envelope of every model file in `models/`: magic bytes naming the model kind,
//! a format version, then the payload. Loading checks both and fails with a typed error.
//!
//! Payloads are little-endian and written with the [`Writer`]/[`Reader`] helpers below, so that
//! runtime types stay separate from the on-disk layout.
//!
//! Between the header and the payload a file may carry a provenance block ([`Provenance`]): the
//! command that trained it and the SHA-256 of every corpus file it read, so a shipped model says
//! how to rebuild it. The block is optional for readers (older files have none) and holds no
//! timestamp, so retraining with the same command and data gives the same bytes.

/// Errors from loading a model file.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("{name}: not a kgraph model file of kind {expected:?} (bad magic bytes)")]
    BadMagic { name: String, expected: String },
    #[error("{name}: model format version {found}, this kgraph reads version {expected}; rebuild the models (see models/README.md)")]
    Version { name: String, found: u32, expected: u32 },
    #[error("{name}: truncated or corrupt model file ({what})")]
    Corrupt { name: String, what: String },
    #[error("{name}: {source}")]
    Io { name: String, source: std::io::Error },
}

/// Marks the optional provenance block after the header.
const PROVENANCE_MAGIC: &[u8; 8] = b"KGPROV01";

/// How a model file was made: the command line and the corpus files it read.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Provenance {
    /// The command that wrote the file, as a user would type it (`kgraph train ud --corpus … --seed 1`).
    pub command: String,
    /// Every corpus file read, with its SHA-256 (hex), in the order read.
    pub corpora: Vec<CorpusFile>,
    /// Free-form training facts worth keeping (epochs chosen on dev, dev score), sorted by key.
    #[serde(default)]
    pub notes: std::collections::BTreeMap<String, String>,
}

/// One input file of a training run.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CorpusFile {
    /// The path as given, relative to the repository root where possible (`../shared/corpora/…`).
    pub path: String,
    pub sha256: String,
}

impl CorpusFile {
    /// Hashes `path` (the whole file).
    pub fn hash(path: &std::path::Path) -> std::io::Result<CorpusFile> {
        use sha2::{Digest, Sha256};
        let bytes = std::fs::read(path)?;
        let digest = Sha256::digest(&bytes);
        let sha256 = digest.iter().map(|b| format!("{b:02x}")).collect();
        Ok(CorpusFile { path: path.display().to_string(), sha256 })
    }
}

/// Prefixes `payload` with `magic` (8 bytes) and `version`.
pub fn wrap(magic: &[u8; 8], version: u32, payload: &[u8]) -> Vec<u8> {
    wrap_with_provenance(magic, version, None, payload)
}

/// [`wrap`], with a provenance block between the header and the payload.
pub fn wrap_with_provenance(magic: &[u8; 8], version: u32, provenance: Option<&Provenance>, payload: &[u8]) -> Vec<u8> {
    let block = provenance.map(|p| serde_json::to_vec(p).expect("provenance serialises"));
    let mut out = Vec::with_capacity(payload.len() + 24 + block.as_ref().map_or(0, Vec::len));
    out.extend_from_slice(magic);
    out.extend_from_slice(&version.to_le_bytes());
    if let Some(block) = block {
        out.extend_from_slice(PROVENANCE_MAGIC);
        out.extend_from_slice(&(block.len() as u32).to_le_bytes());
        out.extend_from_slice(&block);
    }
    out.extend_from_slice(payload);
    out
}

/// Checks the header and returns the payload (after the provenance block, if any).
pub fn unwrap<'a>(name: &str, magic: &[u8; 8], version: u32, bytes: &'a [u8]) -> Result<&'a [u8], ModelError> {
    split(name, magic, version, bytes).map(|(_, payload)| payload)
}

/// The provenance block of a model file, `Ok(None)` when the file has none.
pub fn provenance(name: &str, magic: &[u8; 8], version: u32, bytes: &[u8]) -> Result<Option<Provenance>, ModelError> {
    let (block, _) = split(name, magic, version, bytes)?;
    block
        .map(|b| {
            serde_json::from_slice(b)
                .map_err(|e| ModelError::Corrupt { name: name.to_owned(), what: format!("provenance block: {e}") })
        })
        .transpose()
}

/// The provenance block of any model file, whatever its kind (reads the magic from the file).
pub fn provenance_of(name: &str, bytes: &[u8]) -> Result<Option<Provenance>, ModelError> {
    let (magic, version) = header(name, bytes)?;
    provenance(name, &magic, version, bytes)
}

/// The payload of any model file, whatever its kind: the bytes after the header and the
/// provenance block (what two files must share to hold the same model).
pub fn payload_of<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a [u8], ModelError> {
    let (magic, version) = header(name, bytes)?;
    unwrap(name, &magic, version, bytes)
}

/// The magic bytes and format version a file claims.
fn header(name: &str, bytes: &[u8]) -> Result<([u8; 8], u32), ModelError> {
    if bytes.len() < 12 {
        return Err(ModelError::Corrupt { name: name.to_owned(), what: "shorter than a header".into() });
    }
    let magic: [u8; 8] = bytes[..8].try_into().expect("8 bytes");
    Ok((magic, u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"))))
}

/// Splits a file into its provenance block (JSON bytes) and payload, checking the header.
fn split<'a>(name: &str, magic: &[u8; 8], version: u32, bytes: &'a [u8]) -> Result<(Option<&'a [u8]>, &'a [u8]), ModelError> {
    if bytes.len() < 12 || &bytes[..8] != magic {
        return Err(ModelError::BadMagic { name: name.to_owned(), expected: String::from_utf8_lossy(magic).into_owned() });
    }
    let found = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
    if found != version {
        return Err(ModelError::Version { name: name.to_owned(), found, expected: version });
    }
    let rest = &bytes[12..];
    if rest.len() < 12 || &rest[..8] != PROVENANCE_MAGIC {
        return Ok((None, rest));
    }
    let len = u32::from_le_bytes(rest[8..12].try_into().expect("4 bytes")) as usize;
    if rest.len() < 12 + len {
        return Err(ModelError::Corrupt { name: name.to_owned(), what: "provenance block past end of file".into() });
    }
    Ok((Some(&rest[12..12 + len]), &rest[12 + len..]))
}

/// Little-endian payload writer.
#[derive(Default)]
pub struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn i16(&mut self, v: i16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.buf.extend_from_slice(s.as_bytes());
    }
    pub fn bytes(&mut self, b: &[u8]) {
        self.u32(b.len() as u32);
        self.buf.extend_from_slice(b);
    }
}

/// Little-endian payload reader; every read is bounds-checked.
#[derive(Clone)]
pub struct Reader<'a> {
    name: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(name: &'a str, bytes: &'a [u8]) -> Self {
        Reader { name, bytes, pos: 0 }
    }

    // The readers below run once per weight of the tagger and parser files (millions of calls
    // at start-up): inlined, with the error built out of line.
    #[inline]
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        match self.bytes.get(self.pos..self.pos + n) {
            Some(s) => {
                self.pos += n;
                Ok(s)
            }
            None => Err(self.past_end()),
        }
    }
    #[cold]
    #[inline(never)]
    fn past_end(&self) -> ModelError {
        ModelError::Corrupt { name: self.name.to_owned(), what: format!("read past end at byte {}", self.pos) }
    }
    #[inline]
    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        Ok(self.take(N)?.try_into().expect("N bytes"))
    }
    /// Steps over `n` bytes.
    #[inline]
    pub fn skip(&mut self, n: usize) -> Result<(), ModelError> {
        self.take(n).map(drop)
    }
    #[inline]
    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    #[inline]
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        self.array().map(u32::from_le_bytes)
    }
    #[inline]
    pub fn u64(&mut self) -> Result<u64, ModelError> {
        self.array().map(u64::from_le_bytes)
    }
    #[inline]
    pub fn i16(&mut self) -> Result<i16, ModelError> {
        self.array().map(i16::from_le_bytes)
    }
    #[inline]
    pub fn f32(&mut self) -> Result<f32, ModelError> {
        self.array().map(f32::from_le_bytes)
    }
    pub fn str(&mut self) -> Result<&'a str, ModelError> {
        let n = self.u32()? as usize;
        let b = self.take(n)?;
        std::str::from_utf8(b).map_err(|_| ModelError::Corrupt { name: self.name.to_owned(), what: "invalid UTF-8 string".into() })
    }
    pub fn bytes(&mut self) -> Result<&'a [u8], ModelError> {
        let n = self.u32()? as usize;
        self.take(n)
    }
    pub fn is_empty(&self) -> bool {
        self.pos >= self.bytes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_is_checked() {
        let f = wrap(b"KGTAGGER", 3, b"abc");
        assert_eq!(unwrap("t", b"KGTAGGER", 3, &f).unwrap(), b"abc");
        assert!(matches!(unwrap("t", b"KGPARSER", 3, &f), Err(ModelError::BadMagic { .. })));
        assert!(matches!(unwrap("t", b"KGTAGGER", 4, &f), Err(ModelError::Version { found: 3, .. })));
        assert!(matches!(unwrap("t", b"KGTAGGER", 3, b"KG"), Err(ModelError::BadMagic { .. })));
    }

    #[test]
    fn provenance_round_trips_and_is_skipped_by_unwrap() {
        let prov = Provenance {
            command: "kgraph train ud --seed 1".into(),
            corpora: vec![CorpusFile { path: "a.conllu".into(), sha256: "00ff".into() }],
            notes: [("epochs".to_string(), "7".to_string())].into(),
        };
        let f = wrap_with_provenance(b"KGTAGGER", 3, Some(&prov), b"payload");
        assert_eq!(unwrap("t", b"KGTAGGER", 3, &f).unwrap(), b"payload");
        assert_eq!(provenance("t", b"KGTAGGER", 3, &f).unwrap(), Some(prov.clone()));
        assert_eq!(provenance_of("t", &f).unwrap(), Some(prov));
        let plain = wrap(b"KGTAGGER", 3, b"payload");
        assert_eq!(provenance_of("t", &plain).unwrap(), None);
        // The same model with and without the block: one payload.
        assert_eq!(payload_of("t", &f).unwrap(), payload_of("t", &plain).unwrap());
        assert_eq!(payload_of("t", &plain).unwrap(), b"payload");
        assert!(matches!(payload_of("t", b"KGTAGG"), Err(ModelError::Corrupt { .. })));
        let mut cut = f.clone();
        cut.truncate(30);
        assert!(matches!(unwrap("t", b"KGTAGGER", 3, &cut), Err(ModelError::Corrupt { .. })));
    }

    #[test]
    fn reader_round_trips_and_rejects_truncation() {
        let mut w = Writer::default();
        w.u32(7);
        w.str("héllo");
        w.f32(1.5);
        let mut r = Reader::new("m", &w.buf);
        assert_eq!(r.u32().unwrap(), 7);
        assert_eq!(r.str().unwrap(), "héllo");
        assert_eq!(r.f32().unwrap(), 1.5);
        assert!(r.u8().is_err());
    }
}
