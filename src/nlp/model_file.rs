//! The on-disk envelope of every model file in `models/`: magic bytes naming the model kind,
//! a format version, then the payload. Loading checks both and fails with a typed error.
//!
//! Payloads are little-endian and written with the [`Writer`]/[`Reader`] helpers below, so that
//! runtime types stay separate from the on-disk layout.

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

/// Prefixes `payload` with `magic` (8 bytes) and `version`.
pub fn wrap(magic: &[u8; 8], version: u32, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() + 12);
    out.extend_from_slice(magic);
    out.extend_from_slice(&version.to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// Checks the header and returns the payload.
pub fn unwrap<'a>(name: &str, magic: &[u8; 8], version: u32, bytes: &'a [u8]) -> Result<&'a [u8], ModelError> {
    if bytes.len() < 12 || &bytes[..8] != magic {
        return Err(ModelError::BadMagic { name: name.to_owned(), expected: String::from_utf8_lossy(magic).into_owned() });
    }
    let found = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
    if found != version {
        return Err(ModelError::Version { name: name.to_owned(), found, expected: version });
    }
    Ok(&bytes[12..])
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
pub struct Reader<'a> {
    name: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(name: &'a str, bytes: &'a [u8]) -> Self {
        Reader { name, bytes, pos: 0 }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.pos + n > self.bytes.len() {
            return Err(ModelError::Corrupt { name: self.name.to_owned(), what: format!("read past end at byte {}", self.pos) });
        }
        let s = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4")))
    }
    pub fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("8")))
    }
    pub fn i16(&mut self) -> Result<i16, ModelError> {
        Ok(i16::from_le_bytes(self.take(2)?.try_into().expect("2")))
    }
    pub fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().expect("4")))
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
