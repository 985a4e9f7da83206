//! Fast non-cryptographic hashing for features and lexicon keys (no allocation).
//!
//! Feature keys are 64-bit hashes of (template id, values); tables keyed by them use
//! [`IdBuild`], a pass-through hasher, because the keys are already well mixed.

use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Mixes one value into a running hash.
#[inline(always)]
pub fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// Final avalanche so low bits are usable as table indices.
#[inline(always)]
pub fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}

/// Hash of a byte string.
#[inline]
pub fn bytes(b: &[u8]) -> u64 {
    let mut h = 0x9e37_79b9_7f4a_7c15u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        h = mix(h, u64::from_le_bytes(c.try_into().expect("8 bytes")));
    }
    let rest = chunks.remainder();
    let mut last = 0u64;
    for (i, &x) in rest.iter().enumerate() {
        last |= (x as u64) << (8 * i);
    }
    finish(mix(mix(h, last), b.len() as u64))
}

/// Hash of a string.
#[inline]
pub fn str(s: &str) -> u64 {
    bytes(s.as_bytes())
}

/// Hash of the lowercased string, without allocating when it is ASCII.
pub fn lower(s: &str) -> u64 {
    if s.is_ascii() {
        let mut buf = [0u8; 64];
        if s.len() <= 64 {
            for (d, c) in buf.iter_mut().zip(s.bytes()) {
                *d = c.to_ascii_lowercase();
            }
            return bytes(&buf[..s.len()]);
        }
    }
    str(&s.to_lowercase())
}

/// Feature key from a template id and two values.
#[inline(always)]
pub fn feat(template: u64, a: u64, b: u64) -> u64 {
    finish(mix(mix(template.wrapping_mul(K), a), b))
}

/// Pass-through hasher for keys that are already hashes.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type IdBuild = BuildHasherDefault<IdHasher>;
pub type IdMap<V> = std::collections::HashMap<u64, V, IdBuild>;
pub type IdSet = std::collections::HashSet<u64, IdBuild>;

/// Small deterministic RNG (SplitMix64) for shuffling with a fixed seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x2545_f491_4f6c_dd1d)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_matches_lowercased_hash() {
        assert_eq!(lower("HeLLo"), str("hello"));
        assert_eq!(lower("ÉCOLE"), str("école"));
        assert_ne!(str("a"), str("b"));
        assert_ne!(str(""), str("\0"));
    }

    #[test]
    fn rng_is_deterministic() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let mut v: Vec<u32> = (0..20).collect();
        let mut w = v.clone();
        a.shuffle(&mut v);
        b.shuffle(&mut w);
        assert_eq!(v, w);
        assert_ne!(v, (0..20).collect::<Vec<_>>());
    }
}
