# The document news/quillen.txt changes: its old graph (doc:d1) goes, the new version gets a new id
# (doc:d1b), as `kgraph build` does for changed content. Used by the push test.
PREFIX kg: <https://w3id.org/kgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
DROP GRAPH <http://kgraph.local/doc/d1> ;
INSERT DATA {
  GRAPH <http://kgraph.local/doc/d1b> {
    <http://kgraph.local/doc/d1b> a kg:Document ; kg:sourcePath "news/quillen.txt" .
    <http://kgraph.local/entity/greta_quillen> a kg:Person ; rdfs:label "Greta Quillen" .
    <http://kgraph.local/entity/colombia> a kg:Country ; rdfs:label "Colombia" .
    <http://kgraph.local/entity/greta_quillen> kg:presidentOf <http://kgraph.local/entity/colombia> .
  }
}
