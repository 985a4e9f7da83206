#![doc = include_str!("../README.md")]
//!
//! # Stages
//!
//! Data flows one way, each stage a module:
//! [`source`] (files in) → [`text`] (sentences, tokens) → [`nlp`] (tags, lemmas, dependency
//! trees, named entities) → [`extract`] (open triples) → [`resolve`] (who is who) →
//! [`ontology`] (normalised predicates, typed literals) → [`corpus`] (entity ids minted per
//! document; links across documents) → [`store`] (oxigraph on disk) and
//! [`graph`] (petgraph view) → [`export`] (DOT/SVG, RDF, GraphML, CSV, JSON).
//! Two front doors sit over them: [`pipeline`] runs the stages (text in, facts out) and [`kb`]
//! holds what was built (building documents into the store, queries, `why`, paths, rankings,
//! exports, and the cached graph view); [`cli`] and [`server`] sit on top of the two;
//! [`guard`] holds the limits for untrusted input that both share.
//! The typed structs the stages exchange are in [`document`].

pub mod document;
pub mod source;
pub mod text;
pub mod nlp;
pub mod extract;
pub mod confidence;
pub mod resolve;
pub mod corpus;
pub mod ontology;
pub mod pipeline;
pub mod kb;
pub mod graph;
pub mod store;
pub mod export;
pub mod server;
pub mod guard;
pub mod cli;
