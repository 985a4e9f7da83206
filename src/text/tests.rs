//! Table-driven and property tests for the text stage.

use super::*;
use proptest::prelude::*;

const SEED: &str = include_str!("../../seeds/000_001ffa98937dbb00.txt");

fn forms(text: &str) -> Vec<String> {
    tokenize(text).into_iter().map(|t| t.form).collect()
}

/// input → tokens (`|` separates words).
#[test]
fn token_table() {
    let table: &[(&str, &str)] = &[
        ("Hello, world!", "Hello|,|world|!"),
        ("I don't know.", "I|do|n't|know|."),
        ("I can't, won't, cannot.", "I|ca|n't|,|wo|n't|,|can|not|."),
        (
            "We're gonna win; I'm sure they'll see.",
            "We|'re|gon|na|win|;|I|'m|sure|they|'ll|see|.",
        ),
        (
            "Strand's plan and the parents' money",
            "Strand|'s|plan|and|the|parents|'|money",
        ),
        (
            "Colombia remains the world’s biggest",
            "Colombia|remains|the|world|'s|biggest",
        ),
        ("It doesn’t", "It|does|n't"),
        ("dont im", "do|nt|i|m"),
        ("He said \"yes\" and left.", "He|said|\"|yes|\"|and|left|."),
        ("“Sherlocked” by", "“|Sherlocked|”|by"),
        ("the 'normal' way", "the|'|normal|'|way"),
        ("the Oval Office – a term", "the|Oval|Office|–|a|term"),
        ("war—and peace -- again", "war|—|and|peace|--|again"),
        (
            "It costs $4.25, or US$4.5 billion.",
            "It|costs|$|4.25|,|or|US$|4.5|billion|.",
        ),
        ("up 20% from 1,000,000 at 11:30am", "up|20|%|from|1,000,000|at|11:30|am"),
        ("on February 3, 2026, at", "on|February|3|,|2026|,|at"),
        ("on 16/11/2004 and 5kg", "on|16/11/2004|and|5|kg"),
        (
            "the U.S. and Dr. Smith in Feb. at Acme Inc. today",
            "the|U.S.|and|Dr.|Smith|in|Feb.|at|Acme|Inc.|today",
        ),
        ("Jennifer M. Anderson, i.e. her", "Jennifer|M.|Anderson|,|i.e.|her"),
        ("Wait... what?! Really!!!", "Wait|...|what|?!|Really|!!!"),
        ("so … then", "so|…|then"),
        (
            "see http://www.example.com/a-b?x=1. Or mail me@example.org.",
            "see|http://www.example.com/a-b?x=1|.|Or|mail|me@example.org|.",
        ),
        ("(www.example.com)", "(|www.example.com|)"),
        ("anti-Israel protests", "anti-Israel|protests"),
        ("post-Strand's oil cut-off threat", "post-Strand|'s|oil|cut|-|off|threat"),
        ("hard-line leftist", "hard|-|line|leftist"),
        ("the Quillen-Strand conflict", "the|Quillen|-|Strand|conflict"),
        ("a 15-year term", "a|15|-|year|term"),
        ("e-mail 713-853-3989 now", "e-mail|713-853-3989|now"),
        ("in 1969-1970.", "in|1969|-|1970|."),
        ("great :) thanks :-( ok ;)", "great|:)|thanks|:-(|ok|;)"),
        ("in '72 and the '90s", "in|'72|and|the|'90s"),
        ("AT&T and PG&E", "AT&T|and|PG&E"),
        ("(see below)", "(|see|below|)"),
        ("x = 3.14 or .5", "x|=|3.14|or|.5"),
        ("Amazon.com sells", "Amazon.com|sells"),
        ("end.", "end|."),
        ("He left at 5 p.m. yesterday", "He|left|at|5|p.m.|yesterday"),
        ("O'Neil's rock", "O'Neil|'s|rock"),
        ("ab\u{301}c d", "ab\u{301}c|d"),
        ("a 👍🏽 b", "a|👍|🏽|b"),
        ("b/c w/o it, w/ them", "b/c|w/o|it|,|w/|them"),
        ("CCNG, Inc.. On", "CCNG|,|Inc.|.|On"),
        ("John Griffith@ENRON on", "John|Griffith@ENRON|on"),
        ("join #audiobooks for $$$ now...?", "join|#audiobooks|for|$$$|now|...|?"),
        ("(GISB draft).doc", "(|GISB|draft|)|.doc"),
        ("a F-16-launched bomb (3-5213)", "a|F|-|16|-|launched|bomb|(|3-5213|)"),
        ("really.? ok?!", "really|.?|ok|?!"),
        (
            "He lives in the U.S. He likes Acme Inc.",
            "He|lives|in|the|U.S|.|He|likes|Acme|Inc|.",
        ),
        ("near (Michigan Ave.) Does it", "near|(|Michigan|Ave|.|)|Does|it"),
        ("in the U.S. and Acme Inc. said", "in|the|U.S.|and|Acme|Inc.|said"),
        ("He sat. No. 5 said No. Fine", "He|sat|.|No.|5|said|No|.|Fine"),
    ];
    for (input, want) in table {
        let got = forms(input).join("|");
        assert_eq!(&got, want, "input {input:?}");
    }
}

/// Offsets: byte and char spans point at the original characters, `space_after` is exact.
/// Invisible characters (zero-width joiner, soft hyphen) leave the forms; the clitic still splits.
#[test]
fn invisible_characters_leave_forms() {
    assert_eq!(forms("the Harbor\u{200D}'s editor"), ["the", "Harbor", "'s", "editor"]);
    assert_eq!(forms("inter\u{AD}national news"), ["international", "news"]);
    // nothing else to keep: the form stays as written
    assert_eq!(forms("\u{200D}"), ["\u{200D}"]);
    check_invariants("the Harbor\u{200D}'s editor, inter\u{AD}national");
}

#[test]
fn token_offsets() {
    let text = "Varga’s visa — don't.";
    let toks = tokenize(text);
    let got: Vec<(&str, Range<usize>, Range<usize>, bool)> = toks
        .iter()
        .map(|t| (t.form.as_str(), t.span.byte.clone(), t.span.char.clone(), t.space_after))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Varga", 0..5, 0..5, false),
            ("'s", 5..9, 5..7, true),
            ("visa", 10..14, 8..12, true),
            ("—", 15..18, 13..14, true),
            ("do", 19..21, 15..17, false),
            ("n't", 21..24, 17..20, false),
            (".", 24..25, 20..21, false),
        ]
    );
    let pieces = tokenize_pieces(text);
    let joined: Vec<bool> = pieces.iter().map(|p| p.joined).collect();
    assert_eq!(joined, vec![false, true, false, false, false, true, false]);
}

/// The rule splitter's sentences (the learned model is tested in `boundary`).
fn rule_sentence_texts(text: &str) -> Vec<String> {
    sentence_ranges_with(text, None).into_iter().map(|(r, _)| text[r].to_owned()).collect()
}

/// input → sentences, by the rules alone.
#[test]
fn sentence_table() {
    let table: &[(&str, &[&str])] = &[
        ("Hello world. How are you?", &["Hello world.", "How are you?"]),
        (
            "Mr. Smith met Dr. Jones. They talked.",
            &["Mr. Smith met Dr. Jones.", "They talked."],
        ),
        (
            "George W. Bush spoke. It rained.",
            &["George W. Bush spoke.", "It rained."],
        ),
        ("It costs 4.25 dollars. Fine.", &["It costs 4.25 dollars.", "Fine."]),
        (
            "He said \"Stop.\" Then he left.",
            &["He said \"Stop.\"", "Then he left."],
        ),
        ("He said “Stop!” Then he left.", &["He said “Stop!”", "Then he left."]),
        ("(This is it.) And more.", &["(This is it.)", "And more."]),
        ("Wait... What now?", &["Wait...", "What now?"]),
        (
            "He works for Acme Inc. The firm grew.",
            &["He works for Acme Inc.", "The firm grew."],
        ),
        ("Acme Inc. said so.", &["Acme Inc. said so."]),
        (
            "He lives in the U.S. He likes it.",
            &["He lives in the U.S.", "He likes it."],
        ),
        ("The U.S. President spoke.", &["The U.S. President spoke."]),
        ("the end. and then", &["the end.", "and then"]),
        ("wait... and then... Done", &["wait... and then...", "Done"]),
        ("Nice. :) Bye", &["Nice. :)", "Bye"]),
        (
            "Headline without stop\n\nBody text here. More.",
            &["Headline without stop", "Body text here.", "More."],
        ),
        ("First line\nSecond line", &["First line", "Second line"]),
        ("1. Buy milk.\n2. Sell eggs.", &["1. Buy milk.", "2. Sell eggs."]),
        ("See No. 5 and St. Louis. OK?", &["See No. 5 and St. Louis.", "OK?"]),
        ("Really?! Yes.", &["Really?!", "Yes."]),
        (
            "He moved to Rome in 1890. [4] A year later he left.",
            &["He moved to Rome in 1890. [4]", "A year later he left."],
        ),
        ("What? i don't know", &["What?", "i don't know"]),
        ("Visit www.x.com. Then call.", &["Visit www.x.com.", "Then call."]),
        ("see http://x.org/a The end", &["see http://x.org/a", "The end"]),
        ("mail me@x.org Bob", &["mail me@x.org", "Bob"]),
        ("Best regards, Debra", &["Best regards,", "Debra"]),
        ("Thanks, but no.", &["Thanks, but no."]),
        ("News (BBC) The army left.", &["News (BBC)", "The army left."]),
        (
            "The United Nations (UN) Security Council met.",
            &["The United Nations (UN) Security Council met."],
        ),
        ("great :) Now what", &["great :)", "Now what"]),
        ("at 10 a.m. (CDT) today", &["at 10 a.m. (CDT) today"]),
        (
            "He sat. Then he left on Sun. The end",
            &["He sat.", "Then he left on Sun.", "The end"],
        ),
        ("due Feb. 5 or Sept. 9", &["due Feb. 5 or Sept. 9"]),
        (
            "Kay Mann 04/26/2001 07:17 AM Will you send it",
            &["Kay Mann", "04/26/2001 07:17 AM", "Will you send it"],
        ),
        (
            "Thanks ----- Original Message",
            &["Thanks", "-----", "Original Message"],
        ),
        ("at 10:30 AM tomorrow", &["at 10:30 AM tomorrow"]),
        (
            "shouting \"shame on you!\" and holding signs. Then",
            &["shouting \"shame on you!\" and holding signs.", "Then"],
        ),
        (
            "the route for ESBL-E. coli is direct",
            &["the route for ESBL-E. coli is direct"],
        ),
    ];
    for (input, want) in table {
        assert_eq!(
            rule_sentence_texts(input),
            want.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            "input {input:?}"
        );
    }
}

#[test]
fn sentence_fields() {
    let text = "One. Two!\n\n  Three?";
    let s = segment(text);
    assert_eq!(s.len(), 3);
    assert_eq!((s[0].index, s[0].paragraph, s[0].text.as_str()), (0, 1, "One."));
    assert_eq!((s[1].index, s[1].paragraph, s[1].text.as_str()), (1, 1, "Two!"));
    assert_eq!((s[2].index, s[2].paragraph, s[2].text.as_str()), (2, 2, "Three?"));
    assert_eq!(s[2].span.byte, 13..19);
    assert_eq!(s[2].span.char, 13..19);
    assert_eq!(s[2].tokens[0].span.byte, 13..18);
}

#[test]
fn paragraphs_blank_lines_or_lines() {
    assert_eq!(paragraph_ranges("a b\nc\n\n d \n"), vec![0..5, 8..9]);
    assert_eq!(paragraph_ranges("a\nb\r\nc"), vec![0..1, 2..3, 5..6]);
    assert_eq!(paragraph_ranges("\n\n a\n\n"), vec![3..4]);
    assert_eq!(paragraph_ranges("  \n "), Vec::<Range<usize>>::new());
    assert_eq!(paragraph_ranges("x\n \t\ny\nz"), vec![0..1, 5..8]);
}

/// The seed article: 15 lines, so 15 paragraphs, and these sentences.
#[test]
fn seed_article() {
    assert_eq!(paragraph_ranges(SEED).len(), 15);
    let s = segment(SEED);
    let per_para: Vec<usize> = (1..=15)
        .map(|p| s.iter().filter(|x| x.paragraph == p).count())
        .collect();
    assert_eq!(per_para, vec![1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 1, 1, 1]);
    assert_eq!(s.len(), 17);
    for (i, x) in s.iter().enumerate() {
        assert_eq!(x.index, i);
        assert_eq!(&SEED[x.span.byte.clone()], x.text);
    }
    // Each paragraph's sentences, joined by the single space between them, give back the line:
    // no text is lost or duplicated at a boundary, and a boundary never falls inside a quote.
    let lines: Vec<&str> = SEED.lines().filter(|l| !l.trim().is_empty()).collect();
    for (p, line) in lines.iter().enumerate() {
        let joined: Vec<&str> = s.iter().filter(|x| x.paragraph == p + 1).map(|x| x.text.as_str()).collect();
        assert_eq!(joined.join(" "), line.trim(), "paragraph {}", p + 1);
    }
    for x in &s {
        let opens = x.text.matches('“').count();
        assert_eq!(opens, x.text.matches('”').count(), "unbalanced quotes in {:?}", x.text);
        assert!(x.tokens.iter().all(|t| !t.form.trim().is_empty()), "{:?}", x.text);
    }
}

/// Checks the invariants on any input: tokens and whitespace rebuild the text, spans increase,
/// lie on char boundaries, char spans agree with byte spans; sentences have no gaps.
fn check_invariants(text: &str) {
    let toks = tokenize(text);
    let mut pos = 0;
    let mut rebuilt = String::new();
    for t in &toks {
        let b = &t.span.byte;
        assert!(
            b.start >= pos && b.start < b.end,
            "{text:?}: bad span {b:?} after {pos}"
        );
        assert!(text.is_char_boundary(b.start) && text.is_char_boundary(b.end));
        let gap = &text[pos..b.start];
        assert!(gap.chars().all(char::is_whitespace), "{text:?}: non-space gap {gap:?}");
        assert!(
            !text[b.clone()].chars().any(char::is_whitespace),
            "{text:?}: space inside token"
        );
        rebuilt.push_str(gap);
        rebuilt.push_str(&text[b.clone()]);
        assert_eq!(t.span.char.start, text[..b.start].chars().count());
        assert_eq!(t.span.char.end, text[..b.end].chars().count());
        assert_eq!(
            t.space_after,
            text[b.end..].chars().next().is_some_and(char::is_whitespace)
        );
        pos = b.end;
    }
    assert!(text[pos..].chars().all(char::is_whitespace));
    rebuilt.push_str(&text[pos..]);
    assert_eq!(rebuilt, text);

    let sents = segment(text);
    let flat: Vec<&Token> = sents.iter().flat_map(|s| &s.tokens).collect();
    assert_eq!(flat.len(), toks.len(), "{text:?}: segment drops or adds tokens");
    for (a, b) in flat.iter().zip(&toks) {
        assert_eq!(&a.span, &b.span);
        assert_eq!(a.form, b.form);
    }
    let paras = paragraph_ranges(text);
    let mut last_end = 0;
    for (i, s) in sents.iter().enumerate() {
        assert_eq!(s.index, i);
        assert!(!s.tokens.is_empty());
        assert_eq!(s.text, &text[s.span.byte.clone()]);
        assert!(
            text[last_end..s.span.byte.start].chars().all(char::is_whitespace),
            "gap between sentences"
        );
        let para = &paras[s.paragraph - 1];
        assert!(para.start <= s.span.byte.start && s.span.byte.end <= para.end);
        last_end = s.span.byte.end;
    }
    assert!(text[last_end..].chars().all(char::is_whitespace));
    assert_eq!(sentence_ranges(text).len(), sents.len());
}

#[test]
fn invariants_on_tricky_inputs() {
    for t in [
        "",
        " ",
        "\n\n",
        "'",
        "''",
        "’s",
        "n't",
        "-",
        "--a-",
        "a-",
        "-a",
        "US$",
        "$",
        ".5.",
        "...",
        "a.b.",
        "e@x.co.",
        "http://",
        "www.",
        "(http://x.org/a_(b))",
        "it's'",
        "s'",
        "'s'",
        "1,00",
        "1,000,",
        "5:",
        ":)",
        ":/",
        "<3",
        "\u{301}",
        "a\u{200D}",
        "👍\u{200D}",
        "x\u{2028}y",
        "a\u{0085}b",
        "’",
        "‘x’",
        "A. B. C.",
        "1.\n2.",
        "i.",
        "\r\n\r\n",
        "ſ",
        "İstanbul's",
        "DON'T",
        "I'M",
        "x'S",
        "Ab'",
        "can’T",
        "gonna'",
        "13-",
    ] {
        check_invariants(t);
    }
    check_invariants(SEED);
}

/// Pathological inputs stay linear: long chunks without spaces, bracket runs after an URL,
/// long hyphen chains and apostrophe chains.
#[test]
fn long_inputs_are_fast() {
    let inputs = [
        format!("http://x.org/{}", ")".repeat(200_000)),
        "a".repeat(300_000),
        "a-".repeat(100_000),
        "a'".repeat(100_000),
        "(a".repeat(100_000),
        ". ".repeat(100_000),
        "x\n".repeat(100_000),
        "Hi there\n".repeat(20_000) + "\n\n" + &"line\n".repeat(50_000),
        "1.".repeat(100_000),
    ];
    let t0 = std::time::Instant::now();
    for s in &inputs {
        let toks = tokenize(s);
        let sents = segment(s);
        assert_eq!(sents.iter().map(|x| x.tokens.len()).sum::<usize>(), toks.len());
    }
    assert!(t0.elapsed().as_secs() < 20, "took {:?}", t0.elapsed());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn rebuilds_arbitrary_unicode(text in "\\PC{0,60}") {
        check_invariants(&text);
    }

    #[test]
    fn rebuilds_english_like_text(text in "([A-Za-z]{1,6}|[0-9]{1,4}|[ .,;:!?'\"’“”()\\-–—$%/@&]|\n|\n\n| |n't|'s|U\\.S\\.|Dr\\.|http://a\\.b/c|\u{301}){0,40}") {
        check_invariants(&text);
    }
}

#[test]
fn an_over_long_sentence_is_cut_at_commas_into_bounded_pieces() {
    // An invented run-on list: 2,000 words with commas and no sentence end.
    let text: String = (0..400).map(|i| format!("item {i} costs more")).collect::<Vec<_>>().join(", ");
    let (sentences, cut) = segment_bounded(&text);
    assert_eq!(cut, 1);
    assert!(sentences.len() >= 2000 / MAX_SENTENCE_TOKENS);
    assert!(sentences.iter().all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
    assert!(sentences[..sentences.len() - 1].iter().all(|s| s.tokens.last().unwrap().form == ","), "cut elsewhere than at a comma");
    let tokens: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    assert_eq!(tokens, analyze(&text).pieces.len(), "cutting lost or added tokens");
    assert!(sentences.windows(2).all(|w| w[0].span.byte.end <= w[1].span.byte.start));
    // Ordinary sentences are untouched.
    assert_eq!(segment_bounded("Peru expelled the ambassador. Chile objected.").1, 0);
}
