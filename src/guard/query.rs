//! SPARQL from untrusted users: refused before parsing when its shape would exhaust the stack or
//! the planner, and evaluated on a thread of its own under a deadline and a memory budget.
//!
//! The limits and why:
//! - **nesting** (`{ ( [` and runs of `!`): the parser recurses once per level, ~2–5 KB of stack
//!   each; 3,500 levels overflowed the 8 MiB main thread, 1,000 a 2 MiB worker thread.
//! - **operators** (`|| && + - * / | ^ = < >`, `UNION`, `OPTIONAL`, `MINUS`, `FILTER`, `BIND`,
//!   `{`, and `. ; ,` between triple patterns): chains parse into trees one level deep per
//!   operator, which the planner, the evaluator and `Drop` walk recursively.
//! - **patterns** (graph-pattern nodes, triple patterns and property-path steps after parsing):
//!   the planner's cost grows with the cube of the pattern count (500 triple patterns took 6 s,
//!   1,000 took 56 s), and planning cannot be cancelled.
//! - **timeout** and **memory**: the evaluation's cancellation token fires when either runs out;
//!   with the patched evaluator (vendor/spareval) every operator stops at its next row.

use super::alloc::{Meter, MeterGuard};
use oxigraph::sparql::CancellationToken;
use spargebra::algebra::{Expression, GraphPattern, PropertyPathExpression};
use spargebra::{GraphUpdateOperation, Query, SparqlParser, Update};
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// Deepest bracket nesting accepted.
pub const MAX_NESTING: usize = 64;
/// Most operators and pattern separators accepted in one query text.
pub const MAX_OPERATORS: usize = 2_000;
/// Most graph-pattern nodes, triple patterns and path steps accepted after parsing.
pub const MAX_PATTERNS: usize = 256;
/// Default memory budget of one query, in MiB.
pub const DEFAULT_MEMORY_MB: usize = 1024;
/// Longest timeout accepted (about 11 days): beyond it a deadline stops being meaningful.
pub const MAX_TIMEOUT_SECS: f64 = 1e6;
/// Most guarded evaluations alive at once (running, or finishing after their answer was sent).
pub const MAX_LIVE_EVALUATIONS: usize = 64;
/// Stack of an evaluation thread: the parser, planner and evaluator recurse per nesting level
/// and per operator; this covers the limits above many times over (reserved, not committed).
const EVAL_STACK: usize = 64 << 20;
/// How long after the deadline the caller still waits for the thread to report cancellation.
const GRACE: Duration = Duration::from_millis(250);

/// What one query may use.
#[derive(Debug, Clone)]
pub struct QueryLimits {
    pub timeout: Duration,
    pub max_memory_bytes: usize,
    pub max_nesting: usize,
    pub max_operators: usize,
    pub max_patterns: usize,
}

impl QueryLimits {
    pub fn new(timeout: Duration, max_memory_mb: usize) -> QueryLimits {
        QueryLimits { timeout, max_memory_bytes: max_memory_mb.saturating_mul(1 << 20), ..QueryLimits::default() }
    }
}

impl Default for QueryLimits {
    fn default() -> Self {
        QueryLimits {
            timeout: Duration::from_secs(60),
            max_memory_bytes: DEFAULT_MEMORY_MB << 20,
            max_nesting: MAX_NESTING,
            max_operators: MAX_OPERATORS,
            max_patterns: MAX_PATTERNS,
        }
    }
}

/// Why a query was refused or stopped.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum QueryRefusal {
    #[error("query refused: nested {depth} levels deep (brackets, braces, parentheses or `!`); the limit is {limit}")]
    TooDeep { depth: usize, limit: usize },
    #[error("query refused: {count} operators and pattern separators; the limit is {limit}")]
    TooManyOperators { count: usize, limit: usize },
    #[error("query refused: more than {limit} graph patterns, triple patterns and path steps; split the query")]
    TooManyPatterns { limit: usize },
    #[error("SPARQL syntax error: {0}")]
    Syntax(String),
    #[error("query cancelled: it ran longer than the {} s timeout (--timeout)", .limit.as_secs_f64())]
    Timeout { limit: Duration },
    #[error("query cancelled: it used more than {} MiB of memory (--max-query-mb)", .limit_bytes >> 20)]
    Memory { limit_bytes: usize },
    #[error("too many queries are running ({MAX_LIVE_EVALUATIONS}); try again shortly")]
    Busy,
    #[error("query evaluation failed: {0}")]
    Failed(String),
}

impl QueryRefusal {
    /// Refused for its shape or syntax (the client's fault, nothing was evaluated).
    pub fn is_bad_request(&self) -> bool {
        matches!(self, Self::TooDeep { .. } | Self::TooManyOperators { .. } | Self::TooManyPatterns { .. } | Self::Syntax(_))
    }
}

/// Checks a user-given timeout in seconds.
pub fn parse_timeout(secs: f64, flag: &str) -> Result<Duration, String> {
    if secs.is_finite() && secs > 0.0 && secs <= MAX_TIMEOUT_SECS {
        Duration::try_from_secs_f64(secs).map_err(|e| format!("{flag}: {e}"))
    } else {
        Err(format!("{flag} must be a number of seconds above 0 and at most {MAX_TIMEOUT_SECS:.0}, not {secs}"))
    }
}

// ------------------------------------------------------------------------------ shape

/// Nesting depth and operator count of a query text, measured without parsing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shape {
    pub depth: usize,
    pub operators: usize,
}

/// Keywords that add a level to the algebra tree.
const TREE_KEYWORDS: [&str; 11] = ["union", "minus", "optional", "filter", "bind", "graph", "service", "values", "select", "exists", "lateral"];

/// Measures nesting and operators in one pass: strings, IRIs and comments are skipped, so an
/// operator character inside them does not count. Over-counts rather than under-counts.
pub fn measure(text: &str) -> Shape {
    let b = text.as_bytes();
    let mut stack: Vec<u8> = Vec::new();
    let mut shape = Shape::default();
    let mut bangs = 0usize;
    // Inside `INSERT DATA { … }` / `DELETE DATA { … }` the triples are a flat list: their
    // separators build no tree, so a bulk insert is not limited.
    let (mut data_pending, mut data_level) = (false, None::<usize>);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if c != b'!' {
            bangs = 0;
        }
        match c {
            b'#' => i = b[i..].iter().position(|&x| x == b'\n').map_or(b.len(), |p| i + p),
            b'"' | b'\'' => i = skip_string(b, i),
            b'<' => match iri_end(b, i) {
                Some(end) => i = end,
                None => {
                    shape.operators += 1;
                    i += if b.get(i + 1) == Some(&b'=') { 2 } else { 1 };
                }
            },
            b'{' | b'(' | b'[' => {
                stack.push(c);
                if c == b'{' && data_pending {
                    data_pending = false;
                    data_level = Some(stack.len());
                } else if c == b'{' && data_level.is_none() {
                    shape.operators += 1;
                }
                shape.depth = shape.depth.max(stack.len());
                i += 1;
            }
            b'}' | b')' | b']' => {
                stack.pop();
                if data_level.is_some_and(|level| stack.len() < level) {
                    data_level = None;
                }
                i += 1;
            }
            b'!' if b.get(i + 1) == Some(&b'=') => {
                shape.operators += 1;
                i += 2;
            }
            b'!' => {
                bangs += 1;
                shape.operators += 1;
                shape.depth = shape.depth.max(stack.len() + bangs);
                i += 1;
            }
            b'^' if b.get(i + 1) == Some(&b'^') => i += 2,
            b'|' | b'&' | b'/' | b'*' | b'=' | b'>' | b'^' | b'+' | b'-' => {
                shape.operators += 1;
                i += if b.get(i + 1) == Some(&c) { 2 } else { 1 };
            }
            b'.' | b';' | b',' if !b.get(i + 1).is_some_and(u8::is_ascii_digit) || c != b'.' => {
                if data_level.is_none() && matches!(stack.last(), Some(b'{') | Some(b'[') | None) {
                    shape.operators += 1;
                }
                i += 1;
            }
            b'?' | b'$' if b.get(i + 1).is_some_and(|&x| is_var_char(x)) => {
                i += 1;
                while i < b.len() && is_var_char(b[i]) {
                    i += 1;
                }
            }
            b'?' => {
                shape.operators += 1;
                i += 1;
            }
            _ if is_word_char(c) => {
                let start = i;
                while i < b.len() && is_word_char(b[i]) {
                    i += 1;
                }
                // A prefixed name never ends with `.`: trailing dots separate triple patterns.
                while i > start + 1 && b[i - 1] == b'.' {
                    i -= 1;
                }
                let word = &text[start..i];
                if word.starts_with(|ch: char| ch.is_ascii_digit() || ch == '.') {
                    // `1-1-1` is a chain of signed numbers.
                    shape.operators += word.bytes().filter(|&x| x == b'-' || x == b'+').count();
                } else if word.eq_ignore_ascii_case("data") {
                    data_pending = true;
                } else if data_level.is_none() && TREE_KEYWORDS.iter().any(|k| word.eq_ignore_ascii_case(k)) {
                    shape.operators += 1;
                }
            }
            _ => i += 1,
        }
    }
    shape
}

fn is_var_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

fn is_word_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b':' | b'%' | b'.' | b'-' | b'@' | b'\\') || c >= 0x80
}

/// The index after a string literal starting at `i` (short or long form, with escapes).
fn skip_string(b: &[u8], i: usize) -> usize {
    let q = b[i];
    let long = b.len() >= i + 3 && b[i + 1] == q && b[i + 2] == q;
    let mut j = if long { i + 3 } else { i + 1 };
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            x if x == q && !long => return j + 1,
            x if x == q && b.len() >= j + 3 && b[j + 1] == q && b[j + 2] == q => return j + 3,
            b'\n' if !long => return j + 1,
            _ => j += 1,
        }
    }
    b.len()
}

/// The index after an IRI reference starting at `i` (`<` … `>` with no space or forbidden
/// character), or `None` when the `<` is an operator.
fn iri_end(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'>' => return Some(j + 1),
            b'<' | b'"' | b'{' | b'}' | b'|' | b'^' | b'`' | b'\\' => return None,
            x if x <= 0x20 => return None,
            _ => j += 1,
        }
    }
    None
}

/// Refuses a query or update text whose shape exceeds the limits.
pub fn check_text(text: &str, limits: &QueryLimits) -> Result<(), QueryRefusal> {
    let shape = measure(text);
    if shape.depth > limits.max_nesting {
        return Err(QueryRefusal::TooDeep { depth: shape.depth, limit: limits.max_nesting });
    }
    if shape.operators > limits.max_operators {
        return Err(QueryRefusal::TooManyOperators { count: shape.operators, limit: limits.max_operators });
    }
    Ok(())
}

// ------------------------------------------------------------------------------ algebra size

/// Counts pattern nodes, stopping as soon as the limit is passed.
struct PatternCount {
    left: usize,
}

impl PatternCount {
    fn take(&mut self, n: usize) -> bool {
        match self.left.checked_sub(n) {
            Some(left) => {
                self.left = left;
                true
            }
            None => false,
        }
    }

    fn pattern(&mut self, p: &GraphPattern) -> bool {
        if !self.take(1) {
            return false;
        }
        match p {
            GraphPattern::Bgp { patterns } => self.take(patterns.len()),
            GraphPattern::Path { path, .. } => self.path(path),
            GraphPattern::Join { left, right }
            | GraphPattern::Union { left, right }
            | GraphPattern::Minus { left, right }
            | GraphPattern::Lateral { left, right } => self.pattern(left) && self.pattern(right),
            GraphPattern::LeftJoin { left, right, expression } => {
                self.pattern(left) && self.pattern(right) && expression.as_ref().is_none_or(|e| self.expression(e))
            }
            GraphPattern::Filter { expr, inner } => self.expression(expr) && self.pattern(inner),
            GraphPattern::Extend { inner, expression, .. } => self.expression(expression) && self.pattern(inner),
            GraphPattern::Graph { inner, .. }
            | GraphPattern::OrderBy { inner, .. }
            | GraphPattern::Project { inner, .. }
            | GraphPattern::Distinct { inner }
            | GraphPattern::Reduced { inner }
            | GraphPattern::Slice { inner, .. }
            | GraphPattern::Group { inner, .. }
            | GraphPattern::Service { inner, .. } => self.pattern(inner),
            GraphPattern::Values { .. } => true,
        }
    }

    fn path(&mut self, p: &PropertyPathExpression) -> bool {
        if !self.take(1) {
            return false;
        }
        match p {
            PropertyPathExpression::NamedNode(_) | PropertyPathExpression::NegatedPropertySet(_) => true,
            PropertyPathExpression::Reverse(a)
            | PropertyPathExpression::ZeroOrMore(a)
            | PropertyPathExpression::OneOrMore(a)
            | PropertyPathExpression::ZeroOrOne(a) => self.path(a),
            PropertyPathExpression::Sequence(a, b) | PropertyPathExpression::Alternative(a, b) => self.path(a) && self.path(b),
        }
    }

    /// Expressions cost nothing themselves; the patterns of their EXISTS do.
    fn expression(&mut self, e: &Expression) -> bool {
        match e {
            Expression::Exists(p) => self.pattern(p),
            Expression::Or(a, b)
            | Expression::And(a, b)
            | Expression::Equal(a, b)
            | Expression::SameTerm(a, b)
            | Expression::Greater(a, b)
            | Expression::GreaterOrEqual(a, b)
            | Expression::Less(a, b)
            | Expression::LessOrEqual(a, b)
            | Expression::Add(a, b)
            | Expression::Subtract(a, b)
            | Expression::Multiply(a, b)
            | Expression::Divide(a, b) => self.expression(a) && self.expression(b),
            Expression::UnaryPlus(a) | Expression::UnaryMinus(a) | Expression::Not(a) => self.expression(a),
            Expression::If(a, b, c) => self.expression(a) && self.expression(b) && self.expression(c),
            Expression::In(a, list) => self.expression(a) && list.iter().all(|x| self.expression(x)),
            Expression::Coalesce(list) | Expression::FunctionCall(_, list) => list.iter().all(|x| self.expression(x)),
            Expression::NamedNode(_) | Expression::Literal(_) | Expression::Variable(_) | Expression::Bound(_) => true,
        }
    }
}

fn query_pattern(query: &Query) -> &GraphPattern {
    match query {
        Query::Select { pattern, .. } | Query::Construct { pattern, .. } | Query::Describe { pattern, .. } | Query::Ask { pattern, .. } => pattern,
    }
}

/// Parses a query (after the text check) and refuses it when it has too many patterns.
/// Call it on a guarded thread: parsing recurses per nesting level.
pub fn parse_query(parser: SparqlParser, text: &str, limits: &QueryLimits) -> Result<Query, QueryRefusal> {
    check_text(text, limits)?;
    let query = parser.parse_query(text).map_err(|e| QueryRefusal::Syntax(e.to_string()))?;
    if !(PatternCount { left: limits.max_patterns }).pattern(query_pattern(&query)) {
        return Err(QueryRefusal::TooManyPatterns { limit: limits.max_patterns });
    }
    Ok(query)
}

/// [`parse_query`] for updates: the WHERE patterns are counted, inserted data is not.
pub fn parse_update(parser: SparqlParser, text: &str, limits: &QueryLimits) -> Result<Update, QueryRefusal> {
    check_text(text, limits)?;
    let update = parser.parse_update(text).map_err(|e| QueryRefusal::Syntax(e.to_string()))?;
    let mut count = PatternCount { left: limits.max_patterns };
    for op in &update.operations {
        if let GraphUpdateOperation::DeleteInsert { pattern, .. } = op {
            if !count.pattern(pattern) {
                return Err(QueryRefusal::TooManyPatterns { limit: limits.max_patterns });
            }
        }
    }
    Ok(update)
}

// ------------------------------------------------------------------------------ guarded run

const RUNNING: u8 = 0;
const OVER_TIME: u8 = 1;
const OVER_MEMORY: u8 = 2;

/// One evaluation under watch.
struct Watch {
    id: u64,
    deadline: Option<Instant>,
    token: CancellationToken,
    meter: Arc<Meter>,
    max_bytes: usize,
    stopped: Arc<AtomicU8>,
}

/// One thread cancels every evaluation whose deadline passed or whose memory ran over; it
/// sleeps while nothing is watched.
struct Watchdog {
    watches: Mutex<(u64, Vec<Watch>)>,
    wake: Condvar,
}

const POLL: Duration = Duration::from_millis(10);

fn watchdog() -> &'static Watchdog {
    static DOG: OnceLock<&'static Watchdog> = OnceLock::new();
    DOG.get_or_init(|| {
        let dog: &'static Watchdog = Box::leak(Box::new(Watchdog { watches: Mutex::new((0, Vec::new())), wake: Condvar::new() }));
        std::thread::Builder::new()
            .name("query-watchdog".into())
            .spawn(move || dog.patrol())
            .expect("cannot start the query watchdog thread");
        dog
    })
}

impl Watchdog {
    fn patrol(&self) {
        let mut guard = self.watches.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if guard.1.is_empty() {
                guard = self.wake.wait(guard).unwrap_or_else(|e| e.into_inner());
                continue;
            }
            let now = Instant::now();
            guard.1.retain(|w| {
                let why = if w.meter.bytes() > w.max_bytes {
                    OVER_MEMORY
                } else if w.deadline.is_some_and(|d| d <= now) {
                    OVER_TIME
                } else {
                    return true;
                };
                w.stopped.store(why, Ordering::SeqCst);
                w.token.cancel();
                false
            });
            guard = self.wake.wait_timeout(guard, POLL).unwrap_or_else(|e| e.into_inner()).0;
        }
    }

    fn watch(&self, mut w: Watch) -> u64 {
        let mut guard = self.watches.lock().unwrap_or_else(|e| e.into_inner());
        guard.0 += 1;
        w.id = guard.0;
        guard.1.push(w);
        self.wake.notify_one();
        guard.0
    }

    fn unwatch(&self, id: u64) {
        let mut guard = self.watches.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(i) = guard.1.iter().position(|w| w.id == id) {
            guard.1.swap_remove(i);
        }
    }
}

static LIVE: AtomicUsize = AtomicUsize::new(0);

struct Live;

impl Drop for Live {
    fn drop(&mut self) {
        LIVE.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Runs `job` on a thread of its own (a big stack, its allocations metered), handing it the
/// cancellation token to give the evaluator. The token fires when `limits.timeout` passes or
/// the thread's memory passes `limits.max_memory_bytes`; the caller gets [`QueryRefusal::Timeout`]
/// or [`QueryRefusal::Memory`] then, at the latest shortly after the deadline, even if the job
/// is still unwinding. A panic in the job is a [`QueryRefusal::Failed`].
pub fn run_guarded<T: Send + 'static>(
    limits: &QueryLimits,
    job: impl FnOnce(&CancellationToken) -> T + Send + 'static,
) -> Result<T, QueryRefusal> {
    if LIVE.fetch_add(1, Ordering::SeqCst) >= MAX_LIVE_EVALUATIONS {
        LIVE.fetch_sub(1, Ordering::SeqCst);
        return Err(QueryRefusal::Busy);
    }
    let live = Live;
    let token = CancellationToken::new();
    let meter = Meter::new();
    let stopped = Arc::new(AtomicU8::new(RUNNING));
    let started = Instant::now();
    let id = watchdog().watch(Watch {
        id: 0,
        deadline: started.checked_add(limits.timeout),
        token: token.clone(),
        meter: Arc::clone(&meter),
        max_bytes: limits.max_memory_bytes,
        stopped: Arc::clone(&stopped),
    });
    let (sender, receiver) = std::sync::mpsc::sync_channel(1);
    let thread_token = token.clone();
    let spawned = std::thread::Builder::new().name("sparql-eval".into()).stack_size(EVAL_STACK).spawn(move || {
        let _live = live;
        let _metered = MeterGuard::install(meter);
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(&thread_token)));
        let _ = sender.send(outcome);
    });
    if let Err(e) = spawned {
        watchdog().unwatch(id);
        return Err(QueryRefusal::Failed(format!("cannot start an evaluation thread: {e}")));
    }
    let received = receiver.recv_timeout(limits.timeout.saturating_add(GRACE));
    watchdog().unwatch(id);
    if received.is_err() {
        token.cancel();
    }
    match stopped.load(Ordering::SeqCst) {
        OVER_MEMORY => return Err(QueryRefusal::Memory { limit_bytes: limits.max_memory_bytes }),
        OVER_TIME => return Err(QueryRefusal::Timeout { limit: limits.timeout }),
        _ => {}
    }
    match received {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(panic)) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "the evaluator panicked".to_owned());
            Err(QueryRefusal::Failed(message))
        }
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Err(QueryRefusal::Timeout { limit: limits.timeout }),
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => Err(QueryRefusal::Failed("the evaluation thread ended without an answer".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::sparql::{QueryResults, SparqlEvaluator};
    use oxigraph::store::Store;

    fn limits(timeout_ms: u64, memory_mb: usize) -> QueryLimits {
        QueryLimits::new(Duration::from_millis(timeout_ms), memory_mb)
    }

    #[test]
    fn measures_nesting_and_operators_outside_strings_and_iris() {
        assert_eq!(measure("SELECT * WHERE { ?s ?p ?o }"), Shape { depth: 1, operators: 3 });
        assert_eq!(measure("ASK { FILTER(((1))) }").depth, 4);
        assert_eq!(measure(r#"ASK { FILTER("{{{{((((" = '[[[[') }"#).depth, 2);
        assert_eq!(measure("ASK { <http://x/a(b)> ?p ?o } # {{{{{{").depth, 1);
        assert_eq!(measure("ASK { FILTER(!!!!true) }").depth, 6);
        assert_eq!(measure("ASK { FILTER(1 < 2 && 3 > 2) }").operators, 5);
        assert_eq!(measure("ASK { FILTER(1-1-1-1) }").operators, 5);
        assert_eq!(measure("ASK { ?s ex:p ex:a.b. ?s ex:q 1.5 ; ex:r ?o, ?o2 }").operators, 4);
        assert_eq!(measure("ASK { ?s ?p 'a' ^^ xsd:string }").operators, 1);
        assert_eq!(measure("SELECT ?x WHERE { VALUES ?x { 1 2 3 } FILTER(?x IN (1, 2, 3)) }").operators, 5);
    }

    #[test]
    fn refuses_deep_and_long_queries_before_parsing() {
        let l = QueryLimits::default();
        let deep = format!("SELECT * WHERE {}{}", "{".repeat(1000), "}".repeat(1000));
        assert!(matches!(check_text(&deep, &l), Err(QueryRefusal::TooDeep { depth: 1000, limit: MAX_NESTING })));
        let parens = format!("ASK {{ FILTER({}1{}) }}", "(".repeat(5000), ")".repeat(5000));
        assert!(matches!(check_text(&parens, &l), Err(QueryRefusal::TooDeep { .. })));
        let bangs = format!("ASK {{ FILTER({}true) }}", "!".repeat(20_000));
        assert!(matches!(check_text(&bangs, &l), Err(QueryRefusal::TooDeep { .. })));
        let unions = format!("SELECT * WHERE {{ {} }}", vec!["{ ?s ?p ?o }"; 20_000].join(" UNION "));
        assert!(matches!(check_text(&unions, &l), Err(QueryRefusal::TooManyOperators { .. })));
        let sums = format!("ASK {{ FILTER({} = 0) }}", vec!["1"; 20_000].join("+"));
        assert!(matches!(check_text(&sums, &l), Err(QueryRefusal::TooManyOperators { .. })));
        let signed = format!("ASK {{ FILTER({} = 0) }}", "1-1".repeat(10_000));
        assert!(matches!(check_text(&signed, &l), Err(QueryRefusal::TooManyOperators { .. })));
        let ok = format!("SELECT * WHERE {}?s ?p ?o{}", "{".repeat(MAX_NESTING), "}".repeat(MAX_NESTING));
        assert_eq!(check_text(&ok, &l), Ok(()));
    }

    #[test]
    fn refuses_too_many_patterns_after_parsing() {
        let l = QueryLimits::default();
        let chain: Vec<String> = (0..300).map(|i| format!("<http://x/{i}> <http://p> ?o{i}")).collect();
        let q = format!("SELECT * WHERE {{ {} }}", chain.join(" . "));
        assert!(matches!(parse_query(SparqlParser::new(), &q, &l), Err(QueryRefusal::TooManyPatterns { .. })));
        let list = format!("SELECT * WHERE {{ ?s <http://p> ({}) }}", vec!["1"; 300].join(" "));
        assert!(matches!(parse_query(SparqlParser::new(), &list, &l), Err(QueryRefusal::TooManyPatterns { .. })));
        let big_in = format!("SELECT * WHERE {{ ?s ?p ?o FILTER(?o IN ({})) }}", vec!["1"; 10_000].join(","));
        assert!(parse_query(SparqlParser::new(), &big_in, &l).is_ok());
        let update = format!("DELETE {{ ?s ?p ?o }} WHERE {{ {} }}", chain.join(" . "));
        assert!(matches!(parse_update(SparqlParser::new(), &update, &l), Err(QueryRefusal::TooManyPatterns { .. })));
        let data: Vec<String> = (0..5_000).map(|i| format!("<http://x/{i}> <http://p> {i} .")).collect();
        assert!(parse_update(SparqlParser::new(), &format!("INSERT DATA {{ {} }}", data.join(" ")), &l).is_ok());
    }

    /// A cartesian product of VALUES never reads the store: only the patched evaluator stops it.
    #[test]
    fn cancels_in_memory_cartesian_products() {
        let values: Vec<String> = (0..2000).map(|i| i.to_string()).collect();
        let v = values.join(" ");
        let q = format!("SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?a {{ {v} }} VALUES ?b {{ {v} }} VALUES ?c {{ {v} }} }}");
        let started = Instant::now();
        let finished = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = Arc::clone(&finished);
        let got = run_guarded(&limits(300, 1024), move |token| {
            let store = Store::new().unwrap();
            let results = SparqlEvaluator::new().with_cancellation_token(token.clone()).parse_query(&q).unwrap().on_store(&store).execute();
            let outcome = match results {
                Ok(QueryResults::Solutions(mut s)) => s.next().map(|r| r.map(|_| ())),
                _ => None,
            };
            flag.store(true, Ordering::SeqCst);
            outcome
        });
        assert!(matches!(got, Err(QueryRefusal::Timeout { .. })), "{got:?}");
        while !finished.load(Ordering::SeqCst) {
            assert!(started.elapsed() < Duration::from_secs(5), "the evaluation kept running after its timeout");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    #[test]
    fn cancels_a_query_over_its_memory_budget() {
        let values: Vec<String> = (0..3000).map(|i| format!("\"value number {i}\"")).collect();
        let v = values.join(" ");
        let q = format!("SELECT * WHERE {{ VALUES ?a {{ {v} }} VALUES ?b {{ {v} }} }} ORDER BY ?b ?a");
        let got = run_guarded(&limits(20_000, 64), move |token| {
            let store = Store::new().unwrap();
            let results = SparqlEvaluator::new().with_cancellation_token(token.clone()).parse_query(&q).unwrap().on_store(&store).execute();
            match results {
                Ok(QueryResults::Solutions(s)) => s.count(),
                _ => 0,
            }
        });
        assert_eq!(got, Err(QueryRefusal::Memory { limit_bytes: 64 << 20 }));
    }

    #[test]
    fn a_panic_is_an_error_not_a_crash() {
        let got = run_guarded(&QueryLimits::default(), |_| -> usize { panic!("boom") });
        assert_eq!(got, Err(QueryRefusal::Failed("boom".into())));
        assert_eq!(run_guarded(&QueryLimits::default(), |_| 7), Ok(7));
    }

    #[test]
    fn timeouts_are_checked() {
        assert!(parse_timeout(1e20, "--timeout").is_err());
        assert!(parse_timeout(f64::NAN, "--timeout").is_err());
        assert!(parse_timeout(0.0, "--timeout").is_err());
        assert_eq!(parse_timeout(0.5, "--timeout"), Ok(Duration::from_millis(500)));
    }
}
