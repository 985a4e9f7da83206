//! Ontology terms the code refers to by name (local names in `kg:`), besides
//! [`crate::ontology::vocab::prov_terms`]. A test checks each exists in `ontology/kgraph.ttl`
//! with a label.

/// Classes that group the entity-type classes (`kg:Person` ⊑ `kg:Agent`).
pub mod classes {
    pub const AGENT: &str = "Agent";
    pub const PLACE: &str = "Place";
    pub const GEOPOLITICAL_ENTITY: &str = "GeopoliticalEntity";
    pub const VALUE: &str = "Value";
}

/// Properties with a special role.
pub mod properties {
    /// Top of the relation hierarchy: every object property is a sub-property of it.
    pub const RELATED_TO: &str = "relatedTo";
    /// `X is a Y` with a concept object.
    pub const IS_A: &str = "isA";
    /// Unit of a literal object (ISO 4217 code or singular noun), on fact statement nodes.
    pub const UNIT: &str = "unit";
    pub const START_DATE: &str = "startDate";
    pub const END_DATE: &str = "endDate";
    /// Super-properties grouping stances, used by the viewer/exports for colouring.
    pub const FRIENDLY_TO: &str = "friendlyTo";
    pub const HOSTILE_TO: &str = "hostileTo";
    pub const INTERACTS_WITH: &str = "interactsWith";
}

/// All names above, for the existence test.
pub const ALL: [&str; 12] = [
    classes::AGENT,
    classes::PLACE,
    classes::GEOPOLITICAL_ENTITY,
    classes::VALUE,
    properties::RELATED_TO,
    properties::IS_A,
    properties::UNIT,
    properties::START_DATE,
    properties::END_DATE,
    properties::FRIENDLY_TO,
    properties::HOSTILE_TO,
    properties::INTERACTS_WITH,
];
