# A small kgraph store in the RDF model of ontology/README.md (store format 5: facts share sentence nodes, no `kg:Fact` type, default flags and derivable links left out): two documents, five entities, five facts
# (plain, negated, modal, attributed). Loaded with `kgraph update --file` by the server tests.
PREFIX kg: <https://w3id.org/kgraph/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX e: <http://kgraph.local/entity/>
PREFIX doc: <http://kgraph.local/doc/>
INSERT DATA {
GRAPH doc:d1 {
  doc:d1 a kg:Document ; kg:sourcePath "news/quillen.txt" ; dcterms:title "Quillen answers Washington" ; dcterms:date "2026-02-03"^^xsd:date .
  e:greta_quillen a kg:Person ; rdfs:label "Greta Quillen" ; skos:altLabel "Quillen" ; owl:sameAs <http://www.wikidata.org/entity/Q99990001> .
  e:colombia a kg:Country ; rdfs:label "Colombia" ; owl:sameAs <http://www.wikidata.org/entity/Q739> .
  e:don_strand a kg:Person ; rdfs:label "Don Strand" ; skos:altLabel "Strand" ; owl:sameAs <http://www.wikidata.org/entity/Q99990002> .
  e:greta_quillen kg:presidentOf e:colombia .
  e:don_strand kg:opposes e:greta_quillen .
  <http://kgraph.local/fact/d1/0> rdf:subject e:greta_quillen ; rdf:predicate kg:presidentOf ; rdf:object e:colombia ;
    kg:predicateLabel "president of" ; kg:surfaceRelation "is the president of" ; kg:confidence "0.900"^^xsd:decimal ;
    kg:extractor "clause:SVC" ; kg:sentence <http://kgraph.local/sentence/d1/0> .
  <http://kgraph.local/sentence/d1/0> kg:evidence "Greta Quillen is the president of Colombia." ; kg:paragraph 1 ; kg:charStart 0 .
  <http://kgraph.local/fact/d1/1> rdf:subject e:don_strand ; rdf:predicate kg:opposes ; rdf:object e:greta_quillen ;
    kg:predicateLabel "opposes" ; kg:surfaceRelation "strongly opposed" ; kg:confidence "0.800"^^xsd:decimal ;
    kg:attribution "Reuters" ; kg:extractor "clause:SVO" ; kg:sentence <http://kgraph.local/sentence/d1/1> .
  <http://kgraph.local/sentence/d1/1> kg:evidence "According to Reuters, Strand strongly opposed Quillen's drug policy." ; kg:paragraph 2 ; kg:charStart 45 .
  <http://kgraph.local/fact/d1/2> rdf:subject e:greta_quillen ; rdf:predicate kg:meets ; rdf:object e:don_strand ;
    kg:predicateLabel "meets" ; kg:surfaceRelation "did not meet" ; kg:confidence "0.700"^^xsd:decimal ; kg:negated true ;
    kg:extractor "clause:SVO" ; kg:sentence <http://kgraph.local/sentence/d1/2> .
  <http://kgraph.local/sentence/d1/2> kg:evidence "Quillen did not meet Strand in February." ; kg:paragraph 2 ; kg:charStart 112 .
}
GRAPH doc:d2 {
  doc:d2 a kg:Document ; kg:sourcePath "news/strand.txt" ; dcterms:title "White House trip" .
  e:don_strand a kg:Person ; rdfs:label "Don Strand" .
  e:greta_quillen a kg:Person ; rdfs:label "Greta Quillen" .
  e:united_states a kg:Country ; rdfs:label "United States" ; skos:altLabel "US" ; owl:sameAs <http://www.wikidata.org/entity/Q30> .
  e:don_strand kg:presidentOf e:united_states .
  e:don_strand kg:opposes e:greta_quillen .
  <http://kgraph.local/fact/d2/0> rdf:subject e:don_strand ; rdf:predicate kg:presidentOf ; rdf:object e:united_states ;
    kg:predicateLabel "president of" ; kg:surfaceRelation "President" ; kg:confidence "0.950"^^xsd:decimal ;
    kg:extractor "nominal:title" ; kg:sentence <http://kgraph.local/sentence/d2/0> .
  <http://kgraph.local/sentence/d2/0> kg:evidence "US President Don Strand spoke at the White House." ; kg:paragraph 1 ; kg:charStart 0 .
  <http://kgraph.local/fact/d2/1> rdf:subject e:don_strand ; rdf:predicate kg:opposes ; rdf:object e:greta_quillen ;
    kg:predicateLabel "opposes" ; kg:surfaceRelation "criticised" ; kg:confidence "0.600"^^xsd:decimal ;
    kg:extractor "clause:SVO" ; kg:sentence <http://kgraph.local/sentence/d2/1> .
  <http://kgraph.local/sentence/d2/1> kg:evidence "Strand criticised Quillen again on Tuesday." ; kg:paragraph 1 ; kg:charStart 52 .
  <http://kgraph.local/fact/d2/2> rdf:subject e:don_strand ; rdf:predicate kg:visits ; rdf:object e:colombia ;
    kg:predicateLabel "visits" ; kg:surfaceRelation "may visit" ; kg:confidence "0.500"^^xsd:decimal ; kg:negated false ; kg:modality "possible" ;
    kg:extractor "clause:SVO" ; kg:sentence <http://kgraph.local/sentence/d2/2> .
  <http://kgraph.local/sentence/d2/2> kg:evidence "Strand may visit Colombia next year." ; kg:paragraph 1 ; kg:charStart 93 .
}
}
