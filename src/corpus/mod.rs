//! One corpus, one graph: entity identity across documents.
//!
//! In: a resolved document's entities and facts (from `resolve` and `ontology`), and later the
//! entity records of every document in the store. Out: entity ids minted from the document alone
//! ([`identity`]), and the corpus view recomputed from the set of documents ([`link`]): one label
//! and one type per entity, other names, and the cross-document `kg:sameAs` links with their rules.
//!
//! A document's quads never depend on the other documents of a build; everything that does is
//! in the corpus graph (`{base}graph/corpus`), which `kgraph build` and `kgraph remove` recompute.

pub mod alias;
pub mod group;
pub mod identity;
pub mod link;
pub mod types;

pub use identity::{IdentityMinter, Scope};
pub use link::{CorpusEntity, EntityRecord, SameAs};
