//! The global allocator: mimalloc plus a per-thread meter. A guarded query's thread
//! installs a [`Meter`]; every allocation and free on that thread moves its count, and the
//! watchdog in [`super::query`] cancels the query when the count passes its budget.
//!
//! Threads without a meter pay one thread-local read per allocation. Memory allocated on a
//! metered thread and freed elsewhere (a response handed back to the HTTP thread) stays counted
//! against the meter, which is dropped with its query.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::sync::Arc;
use std::sync::atomic::{AtomicIsize, Ordering};

use mimalloc::MiMalloc;

/// mimalloc rather than glibc's malloc: the pipeline makes many small short-lived allocations
/// (tokens, feature keys, candidate lists), where glibc's allocator spent about 15 % of a build's
/// samples (`perf` of a 40,000-word build) in `malloc`, `free` and consolidation. The crate's
/// `override` feature makes C's `malloc`/`free` mimalloc's too, and that is required, not an
/// option: oxigraph takes RocksDB's `strdup`ed error messages with `CString::from_raw` and frees
/// them through this allocator, so the two must be one allocator (without it a damaged store
/// crashed `kgraph stats` instead of reporting `corrupt store`; `tests/cli.rs` covers it).
/// Built with `no_thp`: mimalloc does not advise its arenas `MADV_HUGEPAGE`, so on a kernel whose
/// transparent huge pages are `madvise` only the tagger's and parser's tables
/// ([`crate::nlp::hugemem`]) get 2 MiB pages. The heap on huge pages had every fresh 2 MiB
/// stretch zeroed whole by the kernel at its first touch: a Wikinews build (293 articles)
/// took 0.5-1.2 s of system time for it (`clear_page_erms` 6-17 % of `perf` samples) and 505 MB
/// peak; with ordinary heap pages 0.25-0.3 s and 430 MB, while user time grows by about 0.25 s
/// (more TLB misses), a net 0.45 s less CPU.
static BASE: MiMalloc = MiMalloc;

/// mimalloc with per-thread metering.
pub struct CountingAllocator;

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

thread_local! {
    /// The meter of this thread's query, or null. Const-initialised and without a destructor,
    /// so reading it never allocates.
    static METER: Cell<*const AtomicIsize> = const { Cell::new(std::ptr::null()) };
}

#[inline]
fn count(delta: isize) {
    let _ = METER.try_with(|m| {
        let meter = m.get();
        if !meter.is_null() {
            // SAFETY: a non-null pointer is set only by `MeterGuard`, which keeps the Arc alive
            // and resets the pointer before releasing it.
            unsafe { (*meter).fetch_add(delta, Ordering::Relaxed) };
        }
    });
}

// SAFETY: every call is forwarded unchanged to `BASE`; the counting has no effect on memory.
unsafe impl GlobalAlloc for CountingAllocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { BASE.alloc(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { BASE.alloc_zeroed(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(-(layout.size() as isize));
        unsafe { BASE.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { BASE.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            count(new_size as isize - layout.size() as isize);
        }
        p
    }
}

// mimalloc's option calls: `libmimalloc-sys` binds them only behind its `extended` feature, and
// neither it nor `mimalloc` names the purge-delay option, so both are declared here.
unsafe extern "C" {
    fn mi_option_get(option: std::ffi::c_int) -> std::ffi::c_long;
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_purge_delay`: position 15 of `mi_option_t` in both the v2 and v3 headers that
/// `libmimalloc-sys` 0.1.49 builds (`c_src/mimalloc/v{2,3}/include/mimalloc.h`).
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// Stops mimalloc handing freed memory back to the kernel for the rest of the process.
///
/// Why: mimalloc returns memory freed for more than its purge delay (1 s); touched again, each
/// page faults and is zeroed (a 2 MiB page whole while mimalloc advised its arenas huge). An
/// add to a large store decodes, links and merges every document's record (about 1 GB made
/// and freed within a few seconds), and `perf` of a one-sentence add to the 19k store (heap
/// on huge pages then) put 37 % of its samples in the kernel's page zeroing. Kept, the freed memory is reused
/// as is. Only for a process that will not grow again: peak memory stays the same, but what
/// was freed stays resident until exit (a corpus build with purging off peaked 1.85 GB
/// instead of 1.47 GB), so builds that mostly load new documents leave it on.
pub fn keep_freed_memory() {
    // SAFETY: setting an option is thread-safe in mimalloc (an atomic store) and valid at any time.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

/// Stops the kernel backing this process's memory with transparent huge pages from now on,
/// the tables [`crate::nlp::hugemem`] asks them for included (mimalloc's own arenas no longer
/// ask, see [`BASE`]).
///
/// Why: a huge page is zeroed whole (2 MiB) the first time any byte of it is touched, and in
/// this virtual machine that zeroing is slow: `perf` of a one-sentence add to the 19k store put
/// 53 % of its samples in the kernel's `clear_page_erms` under huge-page faults (a quarter of
/// them mimalloc laying out fresh pages), with 1.4-1.8 s of system time against 0.9 s of user
/// time. With ordinary pages only what is touched is zeroed, 4 KiB at a time. Memory already
/// backed (the tagger's and parser's tables, filled when the model is loaded) keeps its huge
/// pages; what is allocated later does without them, so a build of many documents, whose
/// working set is large and long-lived, leaves them on.
pub fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    {
        const PR_SET_THP_DISABLE: std::ffi::c_int = 41;
        unsafe extern "C" {
            fn prctl(option: std::ffi::c_int, ...) -> std::ffi::c_int;
        }
        // SAFETY: prctl with PR_SET_THP_DISABLE only sets a flag on this process's memory
        // map; the kernel checks it at each later fault. A refusal (an old kernel) changes nothing.
        let _ = unsafe { prctl(PR_SET_THP_DISABLE, 1 as std::ffi::c_ulong, 0 as std::ffi::c_ulong, 0 as std::ffi::c_ulong, 0 as std::ffi::c_ulong) };
    }
}

/// mimalloc's purge delay in milliseconds (-1: never purged).
pub fn purge_delay() -> i64 {
    // SAFETY: reading an option is thread-safe in mimalloc.
    i64::from(unsafe { mi_option_get(MI_OPTION_PURGE_DELAY) })
}

/// Bytes allocated (net) by the threads that installed it.
#[derive(Debug, Default)]
pub struct Meter {
    bytes: AtomicIsize,
}

impl Meter {
    pub fn new() -> Arc<Meter> {
        Arc::new(Meter::default())
    }

    /// Net bytes allocated so far (never negative).
    pub fn bytes(&self) -> usize {
        self.bytes.load(Ordering::Relaxed).max(0) as usize
    }
}

/// Meters the current thread while alive.
pub struct MeterGuard {
    meter: Arc<Meter>,
}

impl MeterGuard {
    pub fn install(meter: Arc<Meter>) -> MeterGuard {
        METER.with(|m| m.set(&meter.bytes as *const AtomicIsize));
        MeterGuard { meter }
    }
}

impl Drop for MeterGuard {
    fn drop(&mut self) {
        METER.with(|m| m.set(std::ptr::null()));
        let _ = &self.meter;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_this_thread_only() {
        let meter = Meter::new();
        let other = std::thread::spawn(|| vec![0u8; 1 << 20]);
        let guard = MeterGuard::install(Arc::clone(&meter));
        let big = vec![1u8; 4 << 20];
        let seen = meter.bytes();
        drop(big);
        let after = meter.bytes();
        drop(guard);
        let _unmetered = vec![0u8; 8 << 20];
        assert!(seen >= 4 << 20, "{seen}");
        assert!(after < 1 << 20, "{after}");
        assert!(meter.bytes() < 1 << 20);
        drop(other.join());
    }

    #[test]
    fn freed_memory_is_kept_once_asked() {
        // the number names the purge delay: by default a positive number of milliseconds
        // (another test of this process may have asked already, which sets -1)
        let before = purge_delay();
        assert!(before > 0 || before == -1, "{before}");
        keep_freed_memory();
        assert_eq!(purge_delay(), -1);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn huge_pages_are_off_once_asked() {
        const PR_GET_THP_DISABLE: std::ffi::c_int = 42;
        unsafe extern "C" {
            fn prctl(option: std::ffi::c_int, ...) -> std::ffi::c_int;
        }
        no_huge_pages();
        // SAFETY: PR_GET_THP_DISABLE only reads the flag.
        let disabled = unsafe { prctl(PR_GET_THP_DISABLE, 0 as std::ffi::c_ulong, 0 as std::ffi::c_ulong, 0 as std::ffi::c_ulong, 0 as std::ffi::c_ulong) };
        assert_eq!(disabled, 1);
        // memory allocated after it is still memory
        let v = vec![7u8; 8 << 20];
        assert_eq!(v.iter().map(|&b| usize::from(b)).sum::<usize>(), 7 * (8 << 20));
    }
}
