//! XML escaping shared by the GraphML writer.

/// Characters XML 1.0 can carry at all (even as character references).
fn xml_char_ok(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// Escapes text for element content or a double-quoted attribute value. Characters XML 1.0
/// cannot represent become U+FFFD; tab, CR and LF are written as character references so that
/// attribute-value and line-end normalisation do not change them.
pub(crate) fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if xml_char_ok(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_whitespace_and_invalid_chars() {
        let cases = [
            ("plain é 東京", "plain é 東京"),
            ("a<b>&\"c'", "a&lt;b&gt;&amp;&quot;c&apos;"),
            ("l1\nl2\r\tx", "l1&#10;l2&#13;&#9;x"),
            (
                "nul\u{0}bell\u{7}\u{FFFE}",
                "nul\u{FFFD}bell\u{FFFD}\u{FFFD}",
            ),
            ("]]>", "]]&gt;"),
        ];
        for (input, want) in cases {
            let mut s = String::new();
            super::escape(input, &mut s);
            assert_eq!(s, want, "{input:?}");
        }
    }
}
