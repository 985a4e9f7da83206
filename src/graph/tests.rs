//! Tests for the graph view, on a small hand-built graph. `sample()` is shared with the export tests.

use super::*;
use crate::document::{Provenance, Span};

pub(crate) fn entity(
    id: &str,
    label: &str,
    kind: EntityType,
    aliases: &[&str],
    wd: Option<&str>,
) -> Entity {
    Entity {
        id: id.into(),
        label: label.into(),
        kind,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        wikidata: wd.map(Into::into),
        merges: Vec::new(),
    }
}

pub(crate) fn fact(
    s: &str,
    pred: &str,
    o: &str,
    conf: f32,
    sentence: usize,
    evidence: &str,
) -> Fact {
    Fact {
        subject: s.into(),
        predicate: Predicate {
            name: pred.into(),
            iri: format!("https://w3id.org/kgraph/ontology#{pred}"),
            label: pred.replace('_', " "),
            surface: pred.into(),
            normalized: true,
        },
        object: FactObject::Entity(o.into()),
        object_text: None,
        qualifiers: Vec::new(),
        negated: false,
        modality: Modality::Asserted,
        attribution: None,
        provenance: Provenance {
            doc: "d1".into(),
            paragraph: sentence + 1,
            sentence,
            span: Span::new(
                10 * sentence..10 * sentence + 9,
                10 * sentence..10 * sentence + 9,
            ),
            evidence: evidence.into(),
            extractor: "clause:SVO".into(),
            confidence: conf,
        },
        notes: Vec::new(),
        time: None,
    }
}

/// Nine entities in three components ({strand, quillen, colombia, united_states, eln, le_boeuf},
/// {white_house, washington}, {coca}), seven plain entity facts (one parallel), one literal fact,
/// one negated and one modal fact. Strings include quotes, backslashes, newlines and non-ASCII.
pub(crate) fn sample() -> (Vec<Entity>, Vec<Fact>) {
    let entities = vec![
        entity(
            "don_strand",
            "Don Strand",
            EntityType::Person,
            &["Strand", "President Strand"],
            Some("Q99990002"),
        ),
        entity(
            "greta_quillen",
            "Greta Quillen",
            EntityType::Person,
            &["Quillen"],
            Some("Q99990001"),
        ),
        entity(
            "colombia",
            "Colombia",
            EntityType::Country,
            &[],
            Some("Q739"),
        ),
        entity(
            "united_states",
            "United States",
            EntityType::Country,
            &["US", "Washington"],
            Some("Q30"),
        ),
        entity(
            "eln",
            "ELN",
            EntityType::ArmedGroup,
            &["National Liberation Army"],
            None,
        ),
        entity(
            "le_boeuf",
            "Café \"Le Bœuf\" \\ 東京",
            EntityType::Organization,
            &[],
            None,
        ),
        entity(
            "white_house",
            "White House",
            EntityType::GovernmentBody,
            &[],
            Some("Q35525"),
        ),
        entity(
            "washington",
            "Washington, D.C.",
            EntityType::City,
            &[],
            Some("Q61"),
        ),
        entity("coca", "coca", EntityType::Concept, &[], None),
    ];
    let mut lit = fact(
        "greta_quillen",
        "visitDate",
        "",
        0.7,
        6,
        "Quillen visited on 3 February 2026.",
    );
    lit.object = FactObject::Literal(Literal {
        value: "2026-02-03".into(),
        datatype: Some("http://www.w3.org/2001/XMLSchema#date".into()),
        unit: None,
    });
    let mut neg = fact(
        "colombia",
        "cooperatesWith",
        "united_states",
        0.6,
        7,
        "Colombia will not cooperate.",
    );
    neg.negated = true;
    let mut modal = fact(
        "don_strand",
        "meets",
        "greta_quillen",
        0.5,
        8,
        "Strand might meet Quillen.",
    );
    modal.modality = Modality::Possible;
    modal.attribution = Some("officials in Washington".into());
    let facts = vec![
        fact(
            "don_strand",
            "opposes",
            "greta_quillen",
            0.9,
            0,
            "Strand strongly opposed Quillen's \"plan\".",
        ),
        fact(
            "greta_quillen",
            "presidentOf",
            "colombia",
            0.95,
            1,
            "Quillen, the president of Colombia, said no.",
        ),
        fact(
            "don_strand",
            "presidentOf",
            "united_states",
            0.95,
            2,
            "US President Strand\nspoke.",
        ),
        fact(
            "eln",
            "attacks",
            "colombia",
            0.8,
            3,
            "The ELN attacked a base in Colombia — 100% \\ sure.",
        ),
        fact(
            "le_boeuf",
            "locatedIn",
            "colombia",
            0.6,
            4,
            "Café \"Le Bœuf\" is in Cartagena.",
        ),
        fact(
            "white_house",
            "locatedIn",
            "washington",
            0.9,
            5,
            "The White House <is> in Washington & more.",
        ),
        fact(
            "don_strand",
            "opposes",
            "greta_quillen",
            0.7,
            9,
            "Strand again opposed Quillen.",
        ),
        lit,
        neg,
        modal,
    ];
    (entities, facts)
}

pub(crate) fn sample_graph() -> KnowledgeGraph {
    let (e, f) = sample();
    KnowledgeGraph::from_facts(&e, &f)
}

fn ids(g: &KnowledgeGraph, nodes: impl IntoIterator<Item = NodeIndex>) -> Vec<String> {
    nodes.into_iter().map(|ix| g.node(ix).id.clone()).collect()
}

fn all_ids(g: &KnowledgeGraph) -> Vec<String> {
    g.nodes().map(|(_, n)| n.id.clone()).collect()
}

#[test]
fn builds_plain_edges_sorted_nodes_and_literal_nodes() {
    let g = sample_graph();
    // 9 entities + 1 literal node; 8 plain facts (7 entity + 1 literal).
    assert_eq!(g.node_count(), 10);
    assert_eq!(g.entity_count(), 9);
    assert_eq!(g.edge_count(), 8);
    let ids = all_ids(&g);
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "nodes are in id order");
    let lit = g
        .node_by_id(
            "literal:greta_quillen/visitDate/2026-02-03^^http://www.w3.org/2001/XMLSchema#date",
        )
        .unwrap();
    assert!(g.node(lit).is_literal());
    assert_eq!(g.node(lit).label, "2026-02-03");
    assert_eq!(g.node(lit).entity_type, EntityType::Date);
    // No non-plain edge.
    assert!(g.edges().all(|(_, _, _, e)| e.is_plain()));
}

#[test]
fn non_plain_facts_kept_only_when_asked() {
    let (e, f) = sample();
    let g = KnowledgeGraph::from_facts_with(
        &e,
        &f,
        BuildOptions {
            include_non_plain: true,
            include_literals: true,
        },
    );
    assert_eq!(g.edge_count(), 10);
    let negated: Vec<_> = g.edges().filter(|(_, _, _, e)| e.negated).collect();
    assert_eq!(negated.len(), 1);
    assert_eq!(negated[0].3.predicate.name, "cooperatesWith");
    let modal: Vec<_> = g
        .edges()
        .filter(|(_, _, _, e)| e.modality == Modality::Possible)
        .collect();
    assert_eq!(modal.len(), 1);
    assert_eq!(
        modal[0].3.attribution.as_deref(),
        Some("officials in Washington")
    );
    let g = KnowledgeGraph::from_facts_with(
        &e,
        &f,
        BuildOptions {
            include_non_plain: false,
            include_literals: false,
        },
    );
    assert_eq!(g.node_count(), 9);
    assert_eq!(g.edge_count(), 7);
}

#[test]
fn missing_entities_get_placeholders_and_duplicates_keep_first() {
    let mut entities = vec![entity(
        "a",
        "A",
        EntityType::Person,
        &["A", "Ay", "Ay"],
        None,
    )];
    entities.push(entity("a", "Other A", EntityType::City, &[], None));
    let facts = vec![fact("a", "knows", "ghost", 0.5, 0, "A knows a ghost.")];
    let g = KnowledgeGraph::from_facts(&entities, &facts);
    assert_eq!(all_ids(&g), ["a", "ghost"]);
    let a = g.node(g.node_by_id("a").unwrap());
    assert_eq!(a.label, "A");
    assert_eq!(a.aliases, ["Ay"], "aliases deduplicated, label removed");
    let ghost = g.node(g.node_by_id("ghost").unwrap());
    assert_eq!(
        (ghost.label.as_str(), ghost.entity_type),
        ("ghost", EntityType::Concept)
    );
}

#[test]
fn find_entity_by_id_label_alias_case_insensitive() {
    let g = sample_graph();
    let cases: &[(&str, Option<&str>)] = &[
        ("don_strand", Some("don_strand")),
        ("Don Strand", Some("don_strand")),
        ("DON STRAND", Some("don_strand")),
        ("Don-Strand", Some("don_strand")),
        ("strand", Some("don_strand")),
        ("  Quillen ", Some("greta_quillen")),
        ("national liberation army", Some("eln")),
        ("café \"le bœuf\" \\ 東京", Some("le_boeuf")),
        // Label of washington beats alias of united_states? No: "Washington" is only an alias of
        // united_states; the city's label is "Washington, D.C.", id "washington" matches the slug.
        ("Washington", Some("washington")),
        ("US", Some("united_states")),
        ("nobody", None),
        ("", None),
        (
            "literal:greta_quillen/visitDate/2026-02-03^^http://www.w3.org/2001/XMLSchema#date",
            None,
        ),
    ];
    for (q, want) in cases {
        let got = g.find_entity(q).map(|ix| g.node(ix).id.clone());
        assert_eq!(got.as_deref(), *want, "query {q:?}");
    }
    // Ambiguous: id/label match first, alias match second; an exact id match is unique.
    assert_eq!(
        ids(&g, g.find_entities("Washington")),
        ["washington", "united_states"]
    );
    assert_eq!(ids(&g, g.find_entities("washington")), ["washington"]);
}

#[test]
fn focus_is_undirected_bfs_neighbourhood() {
    let g = sample_graph();
    let f0 = g.focus("Quillen", 0).unwrap();
    assert_eq!(all_ids(&f0), ["greta_quillen"]);
    assert_eq!(f0.edge_count(), 0);
    let f1 = g.focus("Quillen", 1).unwrap();
    assert_eq!(
        all_ids(&f1),
        [
            "colombia",
            "don_strand",
            "greta_quillen",
            "literal:greta_quillen/visitDate/2026-02-03^^http://www.w3.org/2001/XMLSchema#date"
        ]
    );
    // opposes ×2, presidentOf, visitDate.
    assert_eq!(f1.edge_count(), 4);
    let f2 = g.focus("greta_quillen", 2).unwrap();
    assert_eq!(f2.entity_count(), 6);
    // Every plain edge but white_house → washington.
    assert_eq!(f2.edge_count(), 7);
    assert_eq!(g.focus("white house", 5).unwrap().entity_count(), 2);
    let err = g.focus("Strnd", 3).unwrap_err().to_string();
    assert_eq!(err, "no entity matches `Strnd`");
    let err = g.focus("quil", 3).unwrap_err().to_string();
    assert_eq!(
        err,
        "no entity matches `quil` (did you mean: Greta Quillen?)"
    );
    // The focused graph's own index works.
    assert!(f2.find_entity("ELN").is_some());
}

#[test]
fn filter_by_predicate_degree_and_max_nodes() {
    let g = sample_graph();
    let only = g.filter(&["OPPOSES".to_string()], 1, None);
    assert_eq!(all_ids(&only), ["don_strand", "greta_quillen"]);
    assert_eq!(only.edge_count(), 2);
    // By label ("president of" has no underscore in this fixture's label: label = name).
    let pres = g.filter(&["presidentOf".into(), "attacks".into()], 1, None);
    assert_eq!(
        all_ids(&pres),
        [
            "colombia",
            "don_strand",
            "eln",
            "greta_quillen",
            "united_states"
        ]
    );
    assert_eq!(pres.edge_count(), 3);
    // min_degree 0 keeps every node, predicate filter drops edges.
    let zero = g.filter(&["attacks".into()], 0, None);
    assert_eq!(zero.node_count(), 10);
    assert_eq!(zero.edge_count(), 1);
    // Degrees: quillen 4 (opposes×2, presidentOf, visitDate), strand 3, colombia 3, others ≤ 1.
    let top = g.filter(&[], 2, None);
    assert_eq!(all_ids(&top), ["colombia", "don_strand", "greta_quillen"]);
    assert_eq!(top.edge_count(), 3);
    // max_nodes: quillen (4), then colombia and strand tie at 3 → colombia by id.
    let two = g.filter(&[], 0, Some(2));
    assert_eq!(all_ids(&two), ["colombia", "greta_quillen"]);
    assert_eq!(two.edge_count(), 1);
    assert_eq!(g.filter(&[], 0, Some(0)).node_count(), 0);
    assert_eq!(g.filter(&[], 100, None).node_count(), 0);
}

#[test]
fn degree_ranking_excludes_literals_and_breaks_ties_by_id() {
    let g = sample_graph();
    let r: Vec<(String, usize)> = g
        .degree_ranking_nodes()
        .into_iter()
        .map(|(ix, d)| (g.node(ix).id.clone(), d))
        .collect();
    let want: Vec<(String, usize)> = [
        ("colombia", 3),
        ("don_strand", 3),
        ("greta_quillen", 3),
        ("eln", 1),
        ("le_boeuf", 1),
        ("united_states", 1),
        ("washington", 1),
        ("white_house", 1),
        ("coca", 0),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), *b))
    .collect();
    assert_eq!(r, want);
}

#[test]
fn pagerank_matches_hand_computation_and_sums_to_one() {
    // a → b: r_b = 0.075 + 0.425 r_b + 0.85 r_a (with dangling spread), r_a + r_b = 1.
    let es = vec![
        entity("a", "A", EntityType::Person, &[], None),
        entity("b", "B", EntityType::Person, &[], None),
    ];
    let g = KnowledgeGraph::from_facts(&es, &[fact("a", "p", "b", 1.0, 0, "")]);
    let pr = g.pagerank_nodes(0.85, 100);
    assert_eq!(g.node(pr[0].0).id, "b");
    assert!((pr[0].1 - 0.649_122_807).abs() < 1e-8, "{pr:?}");
    assert!((pr[1].1 - 0.350_877_193).abs() < 1e-8, "{pr:?}");

    let g = sample_graph();
    let pr = g.pagerank_nodes(DEFAULT_DAMPING, DEFAULT_ITERATIONS);
    assert_eq!(pr.len(), 9, "literal node excluded");
    let sum: f64 = pr.iter().map(|p| p.1).sum();
    assert!((sum - 1.0).abs() < 1e-9);
    // Colombia receives from quillen, eln and le_boeuf; quillen receives strand's two opposes.
    assert_eq!(g.node(pr[0].0).id, "colombia");
    assert!(pr.windows(2).all(|w| w[0].1 >= w[1].1));
    // Isolated nodes tie and are ordered by id.
    assert_eq!(KnowledgeGraph::default().pagerank_nodes(0.85, 10), vec![]);
    // No edges: uniform.
    let g = KnowledgeGraph::from_facts(&es, &[]);
    let pr = g.pagerank_nodes(0.85, 10);
    assert_eq!(ids(&g, pr.iter().map(|p| p.0)), ["a", "b"]);
    assert!((pr[0].1 - 0.5).abs() < 1e-12);
}

#[test]
fn components_largest_first_sorted_by_id() {
    let g = sample_graph();
    let comps: Vec<Vec<String>> = g
        .component_nodes()
        .into_iter()
        .map(|c| ids(&g, c))
        .collect();
    assert_eq!(
        comps,
        vec![
            vec![
                "colombia",
                "don_strand",
                "eln",
                "greta_quillen",
                "le_boeuf",
                "united_states"
            ],
            vec!["washington", "white_house"],
            vec!["coca"],
        ]
    );
}

#[test]
fn shortest_path_undirected_with_facts() {
    let g = sample_graph();
    let eln = g.find_entity("ELN").unwrap();
    let strand = g.find_entity("Strand").unwrap();
    let path = g.shortest_path_nodes(eln, strand).unwrap();
    // Two 3-hop paths exist (via quillen or via united_states); the one via the smaller id wins.
    assert_eq!(
        ids(&g, path.iter().map(|s| s.0)),
        ["eln", "colombia", "greta_quillen", "don_strand"]
    );
    assert_eq!(path[0].1, None);
    let preds: Vec<&str> = path[1..]
        .iter()
        .map(|s| g.edge(s.1.unwrap()).predicate.name.as_str())
        .collect();
    assert_eq!(preds, ["attacks", "presidentOf", "opposes"]);
    // Of the two parallel `opposes` edges, the first (sentence 0) is used.
    assert_eq!(g.edge(path[3].1.unwrap()).sentence, 0);
    // Edge direction is preserved: presidentOf goes quillen → colombia, traversed backwards.
    let (s, t) = g.edge_endpoints(path[2].1.unwrap());
    assert_eq!(
        (g.node(s).id.as_str(), g.node(t).id.as_str()),
        ("greta_quillen", "colombia")
    );

    assert_eq!(g.shortest_path_nodes(eln, eln), Some(vec![(eln, None)]));
    assert_eq!(g.shortest_path("eln", "white house"), Ok(None));
    assert!(matches!(
        g.shortest_path("eln", "nobody"),
        Err(GraphError::UnknownEntity { .. })
    ));
    let lit = g.nodes().find(|(_, n)| n.is_literal()).unwrap().0;
    assert_eq!(g.shortest_path_nodes(eln, lit), None);
    assert_eq!(
        g.shortest_path("white_house", "Washington, D.C.")
            .unwrap()
            .map(|p| p.len()),
        Some(2)
    );
}

#[test]
fn same_facts_in_any_order_give_the_same_graph() {
    let (mut e, mut f) = sample();
    let g1 = KnowledgeGraph::from_facts(&e, &f);
    e.reverse();
    f.reverse();
    f.rotate_left(3);
    let g2 = KnowledgeGraph::from_facts(&e, &f);
    assert_eq!(all_ids(&g1), all_ids(&g2));
    let edges = |g: &KnowledgeGraph| -> Vec<(String, String, EdgeData)> {
        g.edges()
            .map(|(_, s, t, e)| (g.node(s).id.clone(), g.node(t).id.clone(), e.clone()))
            .collect()
    };
    assert_eq!(edges(&g1), edges(&g2));
}

#[test]
fn format_path_shows_fact_direction() {
    let g = sample_graph();
    let (eln, strand) = (
        g.find_entity("eln").unwrap(),
        g.find_entity("strand").unwrap(),
    );
    let path = g.shortest_path_nodes(eln, strand).unwrap();
    assert_eq!(
        g.format_path(&path),
        "ELN —attacks→ Colombia ←presidentOf— Greta Quillen ←opposes— Don Strand"
    );
    let coca = g.find_entity("coca").unwrap();
    let single = g.shortest_path_nodes(coca, coca).unwrap();
    assert_eq!(g.format_path(&single), "coca");
    assert_eq!(g.format_path(&[]), "");
}

#[test]
fn predicate_and_type_counts() {
    let g = sample_graph();
    let counts = g.predicate_counts();
    let p: Vec<(&str, usize)> = counts.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(
        p,
        [
            ("locatedIn", 2),
            ("opposes", 2),
            ("presidentOf", 2),
            ("attacks", 1),
            ("visitDate", 1)
        ]
    );
    let t = g.type_counts();
    assert_eq!(t[0], (EntityType::Person, 2));
    assert_eq!(t[1], (EntityType::Country, 2));
    assert_eq!(
        t.iter().map(|x| x.1).sum::<usize>(),
        9,
        "literal node not counted"
    );
}

#[test]
fn suggest_ranks_substring_matches_by_degree() {
    let g = sample_graph();
    let s: Vec<String> = g
        .suggest("ON", 5)
        .into_iter()
        .map(|ix| g.node(ix).id.clone())
        .collect();
    // don_strand (degree 3, "Don"), then degree 1 by id: eln ("National Liberation Army"),
    // united_states (alias "Washington"), washington.
    assert_eq!(s, ["don_strand", "eln", "united_states", "washington"]);
    assert_eq!(g.suggest("ON", 1).len(), 1);
    assert!(g.suggest("zzz", 5).is_empty() && g.suggest(" ", 5).is_empty());
    assert_eq!(
        g.suggest("white house", 5).len(),
        1,
        "spaces match the id's underscores"
    );
}

#[test]
fn label_level_rankings_components_and_printable_path() {
    let g = sample_graph();
    let deg = g.degree_ranking();
    assert_eq!(deg[0], ("Colombia".to_string(), 3.0));
    assert_eq!(deg.last().unwrap(), &("coca".to_string(), 0.0));
    let pr = g.pagerank(0.85, 50);
    assert_eq!(pr[0].0, "Colombia");
    assert_eq!(pr.len(), 9);
    let comps = g.components();
    assert_eq!(comps[1], ["Washington, D.C.", "White House"]);
    assert_eq!(comps.iter().map(Vec::len).collect::<Vec<_>>(), [6, 2, 1]);
    let steps = g.shortest_path("ELN", "Don Strand").unwrap().unwrap();
    let lines: Vec<String> = steps.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "ELN",
            "  —attacks→ Colombia  \"The ELN attacked a base in Colombia — 100% \\ sure.\" [d1 ¶4 s3]",
            "  ←presidentOf— Greta Quillen  \"Quillen, the president of Colombia, said no.\" [d1 ¶2 s1]",
            "  ←opposes— Don Strand  \"Strand strongly opposed Quillen's \"plan\".\" [d1 ¶1 s0]",
        ]
    );
    assert!(steps[1].forward && !steps[2].forward && steps[0].edge.is_none());
    // Evidence line breaks are flattened so each step stays one line.
    let steps = g.shortest_path("Strand", "United States").unwrap().unwrap();
    assert_eq!(
        steps[1].line,
        "  —presidentOf→ United States  \"US President Strand spoke.\" [d1 ¶3 s2]"
    );
    let err = g.shortest_path("ELN", "Obama").unwrap_err();
    assert_eq!(err.to_string(), "no entity matches `Obama`");
}

#[test]
fn name_comparison_ignores_case_as_to_lowercase_does() {
    let names = ["Ada Lovelace", "ADA LOVELACE", "ada lovelace", "Ada Lovelac", "Ada_Lovelace", "Ödön Horváth", "ÖDÖN HORVÁTH", "ΟΔΥΣΣΕΑΣ", "İstanbul", "", "A"];
    for s in names {
        for t in names {
            let lower = t.to_lowercase();
            assert_eq!(lowercase_equals(s, &lower), s.to_lowercase() == lower, "{s:?} vs {lower:?}");
        }
    }
    let q = NameQuery::new(" ada lovelace ").unwrap();
    assert!(q.matches_name("Ada_Lovelace", "someone else"));
    assert!(q.matches_name("x", "ADA LOVELACE"));
    assert!(!q.matches_name("Ada_Lovelac", "Ada"));
    assert!(q.matches_alias("Ada LoveLace") && !q.matches_alias("Ada"));
}
