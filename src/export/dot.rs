//! Graphviz DOT through dot-writer, and rendering to SVG/PNG with the Graphviz `dot` program.
//!
//! dot-writer writes node ids verbatim and does not escape attribute values, and it unwraps on
//! I/O errors. So every id goes through [`dot_quote`] and every label/tooltip through
//! [`dot_escape`], and the DOT is written into a `Vec<u8>` that is then copied to the caller's
//! writer, where errors are returned, not panicked on.

use super::{ExportError, fmt_f32};
use crate::document::{EntityType, Modality};
use crate::graph::{EdgeData, KnowledgeGraph, NodeData};
use std::collections::HashMap;
use dot_writer::{Attributes, DotWriter};
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Above this many edges [`render_with_graphviz`] lays out with `sfdp` instead of `dot`.
/// Hierarchical `dot` grows much faster than linearly on news graphs (labelled edges, many
/// components): on the 293-article Wikinews store, 0.37 s CPU at 150 nodes / 262 edges, 5.0 s
/// at 300 / 593, 39 s at 500 / 948, over 60 s at 1000 / 1608; `sfdp` takes 0.41 s at 1000 nodes
/// and 0.65 s at 2000 (Graphviz 2.43).
pub const SFDP_EDGE_THRESHOLD: usize = 300;

/// Options for [`write_dot_with`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DotOptions {
    /// Graph title, drawn at the top.
    pub title: Option<String>,
    /// Draw a legend cluster with one sample node per entity type present. Only for graphs of at
    /// most [`SFDP_EDGE_THRESHOLD`] drawn edges: larger ones are laid out by `sfdp`, which ignores
    /// clusters and would scatter the legend nodes.
    pub legend: bool,
    /// Graphviz `rankdir`: `LR` (default), `TB`, `RL` or `BT`.
    pub rankdir: &'static str,
    /// Label edges with the predicate label (default true).
    pub edge_labels: bool,
    /// A line drawn under the title saying what the picture leaves out ("+132 more neighbours").
    pub note: Option<String>,
    /// Largest drawing, in points (pixels at 72 dpi) on each side: Graphviz `size`, so a bigger
    /// layout is scaled down to fit. `None` draws at natural size.
    pub max_points: Option<u32>,
}

impl Default for DotOptions {
    fn default() -> Self {
        DotOptions {
            title: None,
            legend: true,
            rankdir: "LR",
            edge_labels: true,
            note: None,
            max_points: None,
        }
    }
}

/// Shape and fill colour for each entity type (colours: ColorBrewer Paired/Set3, print-safe).
fn type_style(t: EntityType) -> (&'static str, &'static str) {
    match t {
        EntityType::Person => ("ellipse", "#a6cee3"),
        EntityType::Country => ("hexagon", "#b2df8a"),
        EntityType::City => ("house", "#d9f0a3"),
        EntityType::Location => ("octagon", "#ccebc5"),
        EntityType::Organization => ("box", "#fdbf6f"),
        EntityType::GovernmentBody => ("component", "#fb9a99"),
        EntityType::InternationalOrganization => ("doubleoctagon", "#cab2d6"),
        EntityType::Company => ("box3d", "#ffff99"),
        EntityType::ArmedGroup => ("diamond", "#f4a582"),
        EntityType::Event => ("cds", "#fccde5"),
        EntityType::Product => ("tab", "#bebada"),
        EntityType::Date => ("note", "#e0e0e0"),
        EntityType::Money => ("note", "#fff2ae"),
        EntityType::Quantity => ("note", "#f2f2f2"),
        EntityType::Concept => ("ellipse", "#f7f7f7"),
    }
}

fn node_style(n: &NodeData) -> (&'static str, &'static str) {
    let (shape, fill) = type_style(n.entity_type);
    if n.is_literal() {
        ("note", fill)
    } else {
        (shape, fill)
    }
}

/// Replaces characters that would make invalid output downstream (SVG is XML) with U+FFFD.
fn is_bad_control(c: char) -> bool {
    c != '\t' && c != '\n' && c != '\r' && (c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

/// Escapes text for the inside of a quoted DOT *label-like* value (`label`, `tooltip`, `URL`:
/// Graphviz "escString"s, which also decode HTML entities): `\` → `\\`, `"` → `\"`, `&` →
/// `&amp;`, line breaks (`\n`, `\r\n`, `\r`) → `\n`; other control characters → U+FFFD. Non-ASCII
/// is kept as UTF-8. Any string without control characters is rendered exactly as given.
pub fn dot_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            c if is_bad_control(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Quotes and escapes a DOT node id: `"…"` with `\` → `\\`, `"` → `\"`, newline → `\n`, CR →
/// `\r` (Graphviz keeps the backslashes in names, so the mapping is injective), other control
/// characters → U+FFFD. Safe for any id, including DOT keywords and non-ASCII.
pub fn dot_quote(id: &str) -> String {
    let mut out = String::with_capacity(id.len() + 2);
    out.push('"');
    for c in id.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if is_bad_control(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes `graph` as DOT with the default [`DotOptions`].
pub fn write_dot(graph: &KnowledgeGraph, out: &mut dyn Write) -> Result<(), ExportError> {
    write_dot_with(graph, &DotOptions::default(), out)
}

/// Writes `graph` as DOT: a `digraph` with left-to-right layout, nodes styled by entity type
/// (literal values as notes), a legend, and one edge per (subject, object, predicate, negation,
/// modality): parallel facts are drawn once, labelled with the predicate label and their count
/// (`said ×7`) and drawn thicker, with the evidence sentences and provenance in the tooltip.
/// Negated facts are red and dashed with `not`, modal facts dashed with the modality; linked
/// entities carry Wikidata links.
pub fn write_dot_with(
    graph: &KnowledgeGraph,
    opts: &DotOptions,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let mut buf: Vec<u8> =
        Vec::with_capacity(512 + graph.node_count() * 160 + graph.edge_count() * 240);
    {
        let mut writer = DotWriter::from(&mut buf);
        writer.set_pretty_print(true);
        let mut g = writer.digraph();
        let rankdir = match opts.rankdir {
            "TB" | "RL" | "BT" => opts.rankdir,
            _ => "LR",
        };
        g.set("rankdir", rankdir, false)
            .set("fontname", "Helvetica", true)
            .set("fontsize", "12", false)
            .set("overlap", "false", false)
            .set("splines", "true", false)
            .set("nodesep", "0.3", false)
            .set("ranksep", "0.5", false)
            .set("pad", "0.2", false);
        let heading: Vec<&str> = opts.title.iter().chain(opts.note.iter()).map(String::as_str).collect();
        if !heading.is_empty() {
            g.set("label", &dot_escape(&heading.join("\n")), true)
                .set("labelloc", "t", false);
        }
        if let Some(points) = opts.max_points.filter(|p| *p > 0) {
            let inches = f64::from(points) / 72.0;
            // PNG at 72 dpi too (Graphviz defaults to 96), so the bound holds in pixels.
            g.set("size", &format!("{inches:.2},{inches:.2}"), true).set("dpi", "72", false);
        }
        g.node_attributes()
            .set("shape", "ellipse", false)
            .set("style", "filled", true)
            .set("fillcolor", "#f7f7f7", true)
            .set("color", "#555555", true)
            .set("fontname", "Helvetica", true)
            .set("fontsize", "11", false);
        g.edge_attributes()
            .set("fontname", "Helvetica", true)
            .set("fontsize", "9", false)
            .set("color", "#666666", true)
            .set("fontcolor", "#333333", true)
            .set("arrowsize", "0.7", false);

        let groups = parallel_groups(graph);
        if opts.legend && graph.node_count() > 0 && groups.len() <= SFDP_EDGE_THRESHOLD {
            // One entry per (type, literal?) present, in EntityType::ALL order.
            let mut present = Vec::new();
            for literal in [false, true] {
                for t in EntityType::ALL {
                    if graph
                        .nodes()
                        .any(|(_, n)| n.is_literal() == literal && n.entity_type == t)
                    {
                        present.push((t, literal));
                    }
                }
            }
            let mut legend = g.cluster();
            legend
                .set("label", "Legend", true)
                .set("style", "rounded,dashed", true)
                .set("color", "#999999", true)
                .set("fontsize", "10", false);
            for (i, (t, literal)) in present.into_iter().enumerate() {
                let (shape, fill) = if literal {
                    ("note", type_style(t).1)
                } else {
                    type_style(t)
                };
                let label = if literal {
                    format!("{} value", t.class_name())
                } else {
                    t.class_name().to_string()
                };
                legend
                    .node_named(dot_quote(&format!("kgraph:legend:{i}")))
                    .set("label", &label, true)
                    .set("shape", shape, false)
                    .set("fillcolor", fill, true)
                    .set("fontsize", "9", false)
                    .set("tooltip", &format!("kg:{}", t.class_name()), true);
            }
        }

        for (_, n) in graph.nodes() {
            let (shape, fill) = node_style(n);
            let mut node = g.node_named(dot_quote(&n.id));
            node.set("label", &dot_escape(&n.label), true)
                .set("shape", shape, false)
                .set("fillcolor", fill, true)
                .set("tooltip", &dot_escape(&node_tooltip(n)), true);
            if let Some(q) = &n.wikidata {
                node.set(
                    "URL",
                    &dot_escape(&format!("https://www.wikidata.org/wiki/{q}")),
                    true,
                );
            }
        }

        for group in &groups {
            write_edge_group(&mut g, graph, opts, group);
        }
    }
    out.write_all(&buf)?;
    out.flush()?;
    Ok(())
}

/// Facts drawn as one edge: same ends, same negation and modality, and the same predicate, or
/// any predicate when the two ends have more than [`PREDICATES_PER_EDGE`] of them.
struct EdgeGroup<'g> {
    source: crate::graph::NodeIndex,
    target: crate::graph::NodeIndex,
    facts: Vec<&'g EdgeData>,
}

impl EdgeGroup<'_> {
    /// Predicate labels with their number of facts, most first (ties: label order).
    fn predicate_counts(&self) -> Vec<(String, usize)> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for f in &self.facts {
            let label = if f.predicate.label.is_empty() { &f.predicate.name } else { &f.predicate.label };
            match counts.iter_mut().find(|(l, _)| l == label) {
                Some((_, n)) => *n += 1,
                None => counts.push((label.clone(), 1)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts
    }
}

/// Distinct predicates between two nodes drawn as edges of their own; beyond, the pair gets one
/// edge listing the most frequent predicates (a fan of 30 arrows between two people is unreadable).
pub const PREDICATES_PER_EDGE: usize = 3;

/// The edges of `graph` grouped into drawn edges, in the graph's edge order (which sorts by
/// source, target and predicate, so a group's first fact fixes its place).
fn parallel_groups(graph: &KnowledgeGraph) -> Vec<EdgeGroup<'_>> {
    let mut groups: Vec<EdgeGroup<'_>> = Vec::new();
    let mut index: HashMap<(usize, usize, &str, bool, &str), usize> = HashMap::new();
    for (_, s, t, e) in graph.edges() {
        let key = (s.index(), t.index(), e.predicate.iri.as_str(), e.negated, e.modality.as_str());
        match index.get(&key) {
            Some(&i) => groups[i].facts.push(e),
            None => {
                index.insert(key, groups.len());
                groups.push(EdgeGroup { source: s, target: t, facts: vec![e] });
            }
        }
    }
    // Bundle the pairs with too many predicates (groups of a pair and style are adjacent or
    // share a key; collect them by key to keep the first one's place).
    let mut bundles: Vec<EdgeGroup<'_>> = Vec::new();
    let mut bundle_of: HashMap<(usize, usize, bool, &str), usize> = HashMap::new();
    let mut per_pair: HashMap<(usize, usize, bool, &str), usize> = HashMap::new();
    for g in &groups {
        let f = g.facts[0];
        *per_pair.entry((g.source.index(), g.target.index(), f.negated, f.modality.as_str())).or_default() += 1;
    }
    for g in groups {
        let f = g.facts[0];
        let key = (g.source.index(), g.target.index(), f.negated, f.modality.as_str());
        if per_pair[&key] <= PREDICATES_PER_EDGE {
            bundles.push(g);
            continue;
        }
        match bundle_of.get(&key) {
            Some(&i) => bundles[i].facts.extend(g.facts),
            None => {
                bundle_of.insert(key, bundles.len());
                bundles.push(g);
            }
        }
    }
    bundles
}

/// Number of edges [`write_dot`] draws for `graph`: one per group of parallel facts.
pub fn drawn_edge_count(graph: &KnowledgeGraph) -> usize {
    parallel_groups(graph).len()
}

/// Evidence sentences listed in a merged edge's tooltip; the rest are counted.
const TOOLTIP_FACTS: usize = 5;

fn write_edge_group(g: &mut dot_writer::Scope<'_, '_>, graph: &KnowledgeGraph, opts: &DotOptions, group: &EdgeGroup<'_>) {
    let e = group.facts[0];
    let count = group.facts.len();
    let predicates = group.predicate_counts();
    let styled = |label: &str| {
        let mut label = label.to_owned();
        if e.negated {
            label = format!("not {label}");
        }
        if e.modality != Modality::Asserted {
            label = format!("{label} ({})", e.modality.as_str());
        }
        label
    };
    let times = |label: String, n: usize| if n > 1 { format!("{label} ×{n}") } else { label };
    let label = if predicates.len() == 1 {
        times(styled(&predicates[0].0), count)
    } else {
        let mut lines: Vec<String> =
            predicates.iter().take(PREDICATES_PER_EDGE).map(|(l, n)| times(styled(l), *n)).collect();
        lines.push(format!("+{} more ({count} facts)", predicates.len() - PREDICATES_PER_EDGE));
        lines.join("\n")
    };
    let conf = group
        .facts
        .iter()
        .map(|f| if f.confidence.is_finite() { f.confidence.clamp(0.0, 1.0) } else { 0.5 })
        .fold(0.0f32, f32::max);
    // Thicker with more facts (log scale) and with higher confidence.
    let penwidth = format!("{:.1}", 0.8 + 1.6 * conf + (count as f32).log2().min(5.0) * 0.6);
    let mut tooltip = String::new();
    if count > 1 {
        tooltip.push_str(&format!("{count} facts\n"));
    }
    for (i, f) in group.facts.iter().take(TOOLTIP_FACTS).enumerate() {
        if i > 0 {
            tooltip.push('\n');
        }
        tooltip.push_str(&fact_tooltip(f));
    }
    if count > TOOLTIP_FACTS {
        tooltip.push_str(&format!("\n… and {} more", count - TOOLTIP_FACTS));
    }
    let mut attrs = g
        .edge(dot_quote(&graph.node(group.source).id), dot_quote(&graph.node(group.target).id))
        .attributes();
    if opts.edge_labels {
        attrs.set("label", &dot_escape(&label), true);
    }
    attrs
        .set("tooltip", &dot_escape(&tooltip), true)
        .set("penwidth", &penwidth, false);
    if e.negated {
        attrs
            .set("color", "#d62728", true)
            .set("fontcolor", "#d62728", true)
            .set("style", "dashed", true);
    } else if e.modality != Modality::Asserted {
        attrs.set("style", "dashed", true);
    }
}

/// One fact's evidence sentence and provenance.
fn fact_tooltip(e: &EdgeData) -> String {
    let mut tooltip = e.evidence.clone();
    tooltip.push_str(&format!(
        "\n[{} ¶{} s{} · {} · confidence {}",
        e.doc,
        e.paragraph,
        e.sentence,
        e.extractor,
        fmt_f32(e.confidence)
    ));
    if let Some(a) = &e.attribution {
        tooltip.push_str(" · according to ");
        tooltip.push_str(a);
    }
    tooltip.push(']');
    tooltip
}

fn node_tooltip(n: &NodeData) -> String {
    if let Some(lit) = &n.literal {
        let mut t = format!("{} value: {}", n.entity_type.class_name(), lit.value);
        if let Some(u) = &lit.unit {
            t.push_str(&format!(" ({u})"));
        }
        if let Some(dt) = &lit.datatype {
            t.push_str(&format!("\ndatatype {dt}"));
        }
        return t;
    }
    let mut t = format!("{} · {}", n.label, n.entity_type.class_name());
    if let Some(q) = &n.wikidata {
        t.push_str(&format!(" · wikidata {q}"));
    }
    if !n.aliases.is_empty() {
        t.push_str("\nalso: ");
        t.push_str(&n.aliases.join(", "));
    }
    t
}

/// The Graphviz layout engine used for rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Hierarchical (`dot -Kdot`): the most readable, fine up to a few hundred edges.
    Dot,
    /// Force-directed multiscale (`dot -Ksfdp`): for large graphs (7.8 s at 10k edges).
    Sfdp,
}

impl Layout {
    pub fn name(self) -> &'static str {
        match self {
            Layout::Dot => "dot",
            Layout::Sfdp => "sfdp",
        }
    }
}

/// Options for [`render_with`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    /// Layout engine; `None` picks `dot`, or `sfdp` above [`SFDP_EDGE_THRESHOLD`] edges.
    pub layout: Option<Layout>,
    /// Kill Graphviz after this long (default 300 s); `None` waits forever.
    pub timeout: Option<Duration>,
    /// The Graphviz program to run (default `dot`, found on `PATH`).
    pub program: String,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            layout: None,
            timeout: Some(Duration::from_secs(300)),
            program: "dot".into(),
        }
    }
}

/// The output of [`render_with`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// What Graphviz printed on stderr (warnings), empty when clean.
    pub warnings: String,
    pub layout: Layout,
}

/// Number of edges (`->` outside quoted strings) in a DOT text.
pub fn count_dot_edges(dot: &[u8]) -> usize {
    let (mut n, mut i, mut quoted) = (0, 0, false);
    while i < dot.len() {
        let b = dot[i];
        if quoted {
            match b {
                b'\\' => i += 1,
                b'"' => quoted = false,
                _ => {}
            }
        } else if b == b'"' {
            quoted = true;
        } else if b == b'-' && dot.get(i + 1) == Some(&b'>') {
            n += 1;
            i += 1;
        }
        i += 1;
    }
    n
}

/// Renders DOT to `svg` or `png` with the Graphviz `dot` program (sfdp layout for graphs over
/// [`SFDP_EDGE_THRESHOLD`] edges). Errors: `dot` missing (the message names the `graphviz`
/// package), Graphviz failing (with its stderr), or taking longer than 300 s.
pub fn render_with_graphviz(dot: &[u8], format: &str) -> Result<Vec<u8>, ExportError> {
    render_with(dot, format, &RenderOptions::default()).map(|r| r.bytes)
}

/// [`render_with_graphviz`] with options; also returns Graphviz's warnings and the layout used.
pub fn render_with(
    dot: &[u8],
    format: &str,
    opts: &RenderOptions,
) -> Result<Rendered, ExportError> {
    let format = format.trim().to_ascii_lowercase();
    if format != "svg" && format != "png" {
        return Err(ExportError::UnsupportedRender(format));
    }
    let edges = count_dot_edges(dot);
    let layout = opts.layout.unwrap_or(if edges > SFDP_EDGE_THRESHOLD {
        Layout::Sfdp
    } else {
        Layout::Dot
    });
    let mut args = vec![format!("-T{format}"), format!("-K{}", layout.name())];
    if layout == Layout::Sfdp {
        // Remove node overlaps by scaling (the default `prism` is slow on big graphs); straight
        // edges, since spline routing around nodes is what makes big layouts take minutes.
        args.push("-Goverlap=scale".into());
        args.push("-Gsplines=false".into());
    }
    let (bytes, warnings) = run_program(&opts.program, &args, dot, opts.timeout, edges)?;
    Ok(Rendered {
        bytes,
        warnings,
        layout,
    })
}

/// Runs `program args` with `input` on stdin; returns (stdout, stderr).
fn run_program(
    program: &str,
    args: &[String],
    input: &[u8],
    timeout: Option<Duration>,
    edges: usize,
) -> Result<(Vec<u8>, String), ExportError> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                ExportError::GraphvizNotFound {
                    program: program.to_string(),
                }
            } else {
                ExportError::Graphviz {
                    program: program.into(),
                    status: "could not start".into(),
                    stderr: e.to_string(),
                }
            }
        })?;
    let (Some(mut stdin), Some(mut stdout), Some(mut stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(ExportError::Graphviz {
            program: program.into(),
            status: "no pipes".into(),
            stderr: String::new(),
        });
    };
    let input = input.to_vec();
    // Feed stdin and drain stdout/stderr on threads so neither side can block the other.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = stdout.read_to_end(&mut v);
        v
    });
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = stderr.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait()? {
            Some(status) => break status,
            None => {
                if let Some(t) = timeout
                    && start.elapsed() > t
                {
                    let _ = child.kill();
                    let _ = child.wait();
                    let _ = writer.join();
                    let _ = out_reader.join();
                    let _ = err_reader.join();
                    return Err(ExportError::GraphvizTimeout {
                        program: program.into(),
                        seconds: t.as_secs(),
                        edges,
                    });
                }
                std::thread::sleep(Duration::from_millis(5));
            }
        }
    };
    let _ = writer.join();
    let bytes = out_reader.join().unwrap_or_default();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap_or_default())
        .trim()
        .to_string();
    if !status.success() {
        return Err(ExportError::Graphviz {
            program: program.into(),
            status: status.to_string(),
            stderr,
        });
    }
    Ok((bytes, stderr))
}

#[cfg(test)]
#[path = "dot_tests.rs"]
pub(crate) mod tests;
