//! The web viewer's files, embedded in the binary (no network, no build step at run time):
//! a plain SPARQL editor (textarea + results table) and a cytoscape relationship diagram.
//! cytoscape.js 3.34.4 is vendored from npm with its MIT licence (`assets/vendor/`).

const INDEX_HTML: &[u8] = include_bytes!("../../assets/viewer/index.html");
const VIEWER_JS: &[u8] = include_bytes!("../../assets/viewer/viewer.js");
const VIEWER_CSS: &[u8] = include_bytes!("../../assets/viewer/viewer.css");
const CYTOSCAPE_JS: &[u8] = include_bytes!("../../assets/vendor/cytoscape.min.js");
const CYTOSCAPE_LICENSE: &[u8] = include_bytes!("../../assets/vendor/LICENSE-cytoscape.txt");

/// The embedded file served at `path`, with its media type.
pub fn asset(path: &str) -> Option<(&'static str, &'static [u8])> {
    Some(match path {
        "/" | "/index.html" => ("text/html; charset=utf-8", INDEX_HTML),
        "/viewer.js" => ("text/javascript; charset=utf-8", VIEWER_JS),
        "/viewer.css" => ("text/css; charset=utf-8", VIEWER_CSS),
        "/vendor/cytoscape.min.js" => ("text/javascript; charset=utf-8", CYTOSCAPE_JS),
        "/vendor/LICENSE-cytoscape.txt" => ("text/plain; charset=utf-8", CYTOSCAPE_LICENSE),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn assets_are_embedded_and_reference_each_other() {
        let (media, html) = super::asset("/").unwrap();
        assert!(media.starts_with("text/html"));
        let html = std::str::from_utf8(html).unwrap();
        for path in ["/viewer.js", "/viewer.css", "/vendor/cytoscape.min.js"] {
            assert!(html.contains(path), "index.html does not load {path}");
            assert!(!super::asset(path).unwrap().1.is_empty());
        }
        assert!(!html.contains("http://") && !html.contains("https://"), "the viewer must not load anything from the network");
        assert!(super::asset("/nope").is_none());
    }
}
