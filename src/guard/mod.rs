//! Limits for untrusted input, shared by the CLI and `kgraph serve`.
//!
//! In: SPARQL text from users and HTTP clients; text from documents on its way to a terminal or a
//! line-based file. Out: a refusal with a reason ([`query::QueryRefusal`]) before any work that
//! could take the process down, evaluation under a deadline and a memory budget
//! ([`query::run_guarded`]), and text that cannot break a line or drive a terminal ([`text`]).
//!
//! - [`query`]: the SPARQL shape check (nesting, operator count, pattern count), the guarded
//!   evaluation thread (big stack, cancellation on timeout or memory budget) and the limits.
//! - [`alloc`]: the counting global allocator that measures each guarded evaluation's memory.
//! - [`text`]: escaping for TSV fields and terminals, and control-character clean-up for
//!   document text.

pub mod alloc;
pub mod query;
pub mod text;

pub use query::{QueryLimits, QueryRefusal, parse_timeout, run_guarded};
