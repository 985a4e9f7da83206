//! Memory layout helpers for the large feature-weight tables of the tagger and the parser.
//!
//! Those tables (tens of MB) are read at random positions, one or two cache lines per feature and
//! a few hundred features per word, so tag+parse speed is bound by memory latency, not
//! arithmetic. The things here cut that latency without changing any result:
//! - [`HugeBuf`]: a fixed-size buffer that asks Linux for transparent huge pages (2 MiB) before it
//!   is first written. With 4 KiB pages nearly every random lookup in a 24 MB table also misses
//!   the TLB (a page walk, doubly expensive in a virtual machine); 2 MiB pages remove most of them.
//!   Elsewhere, or when the kernel says no, it is a plain heap buffer with the same contents.
//! - [`ClassWeight`]: a sparse row entry keeping the class id next to its weight, so adding a row
//!   touches one array instead of two.
//! - [`RowStore`]: sparse rows as [`ClassWeight`] lists, rows covering at least a tenth of the
//!   classes as dense i16 blocks (a vectorised add instead of a scatter).
//! - [`prefetch`]: the cache hint both scorers issue for every lookup of a step before probing
//!   (every line of a row spanning several).

use std::alloc::{Layout, alloc, dealloc, handle_alloc_error};
use std::ptr::NonNull;

/// Size of a transparent huge page on x86-64 and aarch64 Linux.
const HUGE_PAGE: usize = 2 << 20;

/// Size of a cache line (x86-64, most aarch64).
const CACHE_LINE: usize = 64;

/// A fixed-length heap buffer of `Copy` values, placed on huge pages when large enough.
pub struct HugeBuf<T: Copy> {
    ptr: NonNull<T>,
    len: usize,
}

// SAFETY: HugeBuf owns its allocation exclusively, like a Box<[T]>.
unsafe impl<T: Copy + Send> Send for HugeBuf<T> {}
// SAFETY: shared access only hands out `&[T]`.
unsafe impl<T: Copy + Sync> Sync for HugeBuf<T> {}

impl<T: Copy> HugeBuf<T> {
    /// Allocation layout: aligned to a huge page when the buffer spans at least one, so every
    /// whole 2 MiB stretch of it can be backed by one; else to a cache line.
    fn layout(len: usize) -> Layout {
        let size = len.checked_mul(size_of::<T>()).expect("table size fits in memory");
        let align = if size >= HUGE_PAGE { HUGE_PAGE } else { align_of::<T>().max(CACHE_LINE) };
        Layout::from_size_align(size, align).expect("valid layout")
    }

    /// `len` copies of `value`.
    pub fn filled(len: usize, value: T) -> HugeBuf<T> {
        let layout = Self::layout(len);
        if layout.size() == 0 {
            return HugeBuf { ptr: NonNull::dangling(), len };
        }
        // SAFETY: the layout has a non-zero size.
        let raw = unsafe { alloc(layout) } as *mut T;
        let Some(ptr) = NonNull::new(raw) else { handle_alloc_error(layout) };
        if layout.size() >= HUGE_PAGE {
            advise_huge(ptr.as_ptr() as *mut u8, layout.size());
        }
        for i in 0..len {
            // SAFETY: i < len and the allocation holds len values of T.
            unsafe { ptr.as_ptr().add(i).write(value) };
        }
        HugeBuf { ptr, len }
    }

    /// A copy of `src`.
    pub fn from_slice(src: &[T]) -> HugeBuf<T>
    where
        T: Default,
    {
        let mut b = HugeBuf::filled(src.len(), T::default());
        b.copy_from_slice(src);
        b
    }
}

impl<T: Copy> Drop for HugeBuf<T> {
    fn drop(&mut self) {
        let layout = Self::layout(self.len);
        if layout.size() > 0 {
            // SAFETY: allocated in `filled` with this same layout.
            unsafe { dealloc(self.ptr.as_ptr() as *mut u8, layout) };
        }
    }
}

impl<T: Copy> std::ops::Deref for HugeBuf<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        // SAFETY: ptr holds len initialised values (or is dangling with a zero-size layout).
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl<T: Copy> std::ops::DerefMut for HugeBuf<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        // SAFETY: as in Deref, and &mut self guarantees exclusive access.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }
}

impl<T: Copy + Default> Default for HugeBuf<T> {
    fn default() -> Self {
        HugeBuf::filled(0, T::default())
    }
}

impl<T: Copy + Default> Clone for HugeBuf<T> {
    fn clone(&self) -> Self {
        HugeBuf::from_slice(self)
    }
}

impl<T: Copy> std::fmt::Debug for HugeBuf<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HugeBuf({} items)", self.len)
    }
}

/// Asks for transparent huge pages on a fresh, huge-page-aligned range. Only a hint: failure
/// (old kernels, THP disabled) leaves ordinary pages and changes nothing else.
#[cfg(target_os = "linux")]
fn advise_huge(ptr: *mut u8, size: usize) {
    const MADV_HUGEPAGE: i32 = 14;
    unsafe extern "C" {
        fn madvise(addr: *mut std::ffi::c_void, len: usize, advice: i32) -> i32;
    }
    // SAFETY: the range is one live allocation of ours; madvise does not touch its contents.
    let _ = unsafe { madvise(ptr as *mut std::ffi::c_void, size, MADV_HUGEPAGE) };
}

#[cfg(not(target_os = "linux"))]
fn advise_huge(_ptr: *mut u8, _size: usize) {}

/// One entry of a sparse weight row: a class id and its quantised weight, side by side.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[repr(C)]
pub struct ClassWeight {
    pub w: i16,
    pub class: u8,
}

/// Adds a sparse row into `scores` (indexed by class id).
#[inline(always)]
pub fn add_row(row: &[ClassWeight], scores: &mut [i32]) {
    for e in row {
        scores[e.class as usize] += e.w as i32;
    }
}

/// Adds a dense row (one weight per class, in class order) into `scores`; a plain loop the
/// compiler vectorises.
#[inline(always)]
pub fn add_dense(row: &[i16], scores: &mut [i32]) {
    for (s, &w) in scores.iter_mut().zip(row) {
        *s += w as i32;
    }
}

/// Flag in a row reference's length: the row is dense (see [`RowStore`]).
pub const DENSE: u32 = 1 << 31;

/// Share of the classes (in percent) a row must cover to be stored dense. From half of them on a
/// dense row of i16 takes no more bytes than the sparse one of [`ClassWeight`] (4 bytes each);
/// measured on the shipped tagger and parser (Wikinews, one core), going dense from a tenth on
/// is faster still (tagging 380k → 436k tokens/s against one half) and the process grows by
/// a few MB: a row is read sequentially once found, so its length costs less than the scatter.
const DENSE_MIN_PERCENT: usize = 10;

/// The weight rows of one classifier laid out for scoring. Rows covering many classes are dense
/// (one i16 per class, added by a vectorised loop instead of a scatter), the others sparse lists
/// of [`ClassWeight`]. A row is referred to by `(start, len)`; `len` carries [`DENSE`] for a dense
/// row, whose `start` then indexes the dense block (rows there start on cache lines). Only rows whose classes strictly increase and
/// whose weights are all non-zero go dense, so [`RowStore::row`] gives back the exact sparse row
/// (the model files store sparse rows) and scores are the same integers either way.
#[derive(Debug, Clone, Default)]
pub struct RowStore {
    classes: usize,
    sparse: HugeBuf<ClassWeight>,
    dense: HugeBuf<i16>,
    /// Entries of all rows as given (dense rows counted by their non-zero weights).
    entries: usize,
}

impl RowStore {
    /// Lays out `rows` (sparse entry lists, in row order) and returns each row's reference.
    pub fn build<'a>(classes: usize, rows: impl IntoIterator<Item = &'a [ClassWeight]>) -> (RowStore, Vec<(u32, u32)>) {
        // Two passes: the first decides each row's layout and sizes both buffers, the second
        // writes the rows straight into them. Growing vectors and copying them into the huge
        // buffers touched about three times the tables' memory at every start-up, and fresh
        // pages cost a kernel fault and zeroing each.
        let rows: Vec<&[ClassWeight]> = rows.into_iter().collect();
        let dense_len = classes.next_multiple_of(CACHE_LINE / size_of::<i16>());
        let is_dense = |row: &[ClassWeight]| {
            let increasing = row.windows(2).all(|p| p[0].class < p[1].class);
            let exact = increasing && row.iter().all(|e| e.w != 0 && (e.class as usize) < classes);
            exact && !row.is_empty() && row.len() * 100 >= classes * DENSE_MIN_PERCENT
        };
        let kinds: Vec<bool> = rows.iter().map(|r| is_dense(r)).collect();
        let n_dense = kinds.iter().filter(|&&d| d).count();
        let n_sparse: usize = rows.iter().zip(&kinds).filter(|(_, d)| !**d).map(|(r, _)| r.len()).sum();
        let mut sparse = HugeBuf::filled(n_sparse, ClassWeight::default());
        let mut dense = HugeBuf::filled(n_dense * dense_len, 0i16);
        let (mut refs, mut entries) = (Vec::with_capacity(rows.len()), 0);
        let (mut s_at, mut d_at) = (0, 0);
        for (row, &dense_row) in rows.iter().zip(&kinds) {
            entries += row.len();
            if dense_row {
                // Each dense row starts a cache line, so it spans as few lines as it can.
                for e in row.iter() {
                    dense[d_at + e.class as usize] = e.w;
                }
                refs.push((d_at as u32, row.len() as u32 | DENSE));
                d_at += dense_len;
            } else {
                sparse[s_at..s_at + row.len()].copy_from_slice(row);
                refs.push((s_at as u32, row.len() as u32));
                s_at += row.len();
            }
        }
        (RowStore { classes, sparse, dense, entries }, refs)
    }

    /// Number of (class, weight) entries of the rows as given.
    pub fn entries(&self) -> usize {
        self.entries
    }

    /// The bytes of row `(start, len)`.
    #[inline(always)]
    fn bytes(&self, start: u32, len: u32) -> (*const u8, usize) {
        if len & DENSE != 0 {
            (self.dense[start as usize..].as_ptr() as *const u8, self.classes * size_of::<i16>())
        } else {
            (self.sparse[start as usize..].as_ptr() as *const u8, len as usize * size_of::<ClassWeight>())
        }
    }

    /// Prefetches every cache line of a row (a long row spans several).
    #[inline(always)]
    pub fn prefetch(&self, start: u32, len: u32) {
        let (p, n) = self.bytes(start, len);
        if n == 0 {
            return;
        }
        let mut off = 0;
        while off < n {
            // SAFETY: off < n, inside the row.
            prefetch(unsafe { &*p.add(off) });
            off += 64;
        }
        // SAFETY: n > 0; the row's last byte (its line may not have been reached by 64-byte steps).
        prefetch(unsafe { &*p.add(n - 1) });
    }

    /// Adds row `(start, len)` into `scores` (indexed by class).
    #[inline(always)]
    pub fn add(&self, start: u32, len: u32, scores: &mut [i32]) {
        let s = start as usize;
        if len & DENSE != 0 {
            add_dense(&self.dense[s..s + self.classes], scores);
        } else {
            add_row(&self.sparse[s..s + len as usize], scores);
        }
    }

    /// Row `(start, len)` as the sparse entries it was built from.
    pub fn row(&self, start: u32, len: u32) -> Vec<ClassWeight> {
        let s = start as usize;
        if len & DENSE != 0 {
            let dense = &self.dense[s..s + self.classes];
            dense.iter().enumerate().filter(|(_, w)| **w != 0).map(|(c, &w)| ClassWeight { w, class: c as u8 }).collect()
        } else {
            self.sparse[s..s + len as usize].to_vec()
        }
    }
}

/// Hints the CPU to load the cache line holding `x`: issuing all loads of a step before using
/// any lets their latencies overlap.
#[inline(always)]
pub fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is a hint; any address is allowed and `x` is a valid reference.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(x as *const T as *const i8);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_and_huge_buffers_hold_their_values() {
        for len in [0usize, 1, 7, (HUGE_PAGE / 8) + 3] {
            let mut b = HugeBuf::filled(len, 5u64);
            assert_eq!(b.len(), len);
            assert!(b.iter().all(|&x| x == 5));
            if len > 0 {
                b[len - 1] = 9;
                let c = b.clone();
                assert_eq!(c[len - 1], 9);
                assert_eq!(&c[..], &b[..]);
            }
        }
        let empty: HugeBuf<u32> = HugeBuf::default();
        assert!(empty.is_empty());
    }

    #[test]
    fn dense_and_sparse_rows_score_and_decode_alike() {
        let cw = |class: u8, w: i16| ClassWeight { w, class };
        let rows: Vec<Vec<ClassWeight>> = vec![
            vec![cw(0, 5), cw(2, -3), cw(3, 7)],
            vec![cw(1, 2)],
            vec![],
            vec![cw(3, 1), cw(1, 4), cw(2, 2)],
            vec![cw(0, 1), cw(1, 0), cw(2, 9)],
        ];
        let (store, refs) = RowStore::build(4, rows.iter().map(Vec::as_slice));
        // Increasing and non-zero: dense; empty, unordered or with a zero: sparse.
        let dense: Vec<bool> = refs.iter().map(|r| r.1 & DENSE != 0).collect();
        assert_eq!(dense, [true, true, false, false, false]);
        assert_eq!(store.entries(), 10);
        for (row, &(start, len)) in rows.iter().zip(&refs) {
            assert_eq!(&store.row(start, len), row);
            let (mut got, mut want) = ([1i32; 4], [1i32; 4]);
            store.prefetch(start, len);
            store.add(start, len, &mut got);
            add_row(row, &mut want);
            assert_eq!(got, want);
        }
    }

    #[test]
    fn rows_add_into_their_classes_only() {
        let mut scores = [0i32; 4];
        add_row(&[ClassWeight { w: 3, class: 1 }, ClassWeight { w: -2, class: 3 }], &mut scores);
        add_row(&[ClassWeight { w: 4, class: 1 }], &mut scores);
        assert_eq!(scores, [0, 7, 0, -2]);
        // An empty row adds nothing.
        add_row(&[], &mut scores);
        assert_eq!(scores, [0, 7, 0, -2]);
    }
}
