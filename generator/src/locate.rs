//! Finds the line a JSON pointer refers to in the spec's text, so that
//! diagnostics can name it. Handles block-style YAML (as `spec import` and
//! most tools write it) and JSON; for anything else it finds nothing and
//! the diagnostic keeps its pointer alone.
//!
//! All pointers are found in one pass over the text: a spec of 12 MB with
//! a few dozen warnings would otherwise be scanned once per warning.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::diagnostics::Diagnostic;

/// Fills in the line of every diagnostic whose pointer can be found, or
/// failing that, the line of its deepest ancestor deep enough to say where
/// (see [`Wanted`]).
pub fn add_lines(text: &str, diagnostics: &mut [Diagnostic]) {
    let _stage = crate::timing::stage("find lines");
    let missing: Vec<usize> = (0..diagnostics.len())
        .filter(|&i| diagnostics[i].line.is_none())
        .collect();
    if missing.is_empty() {
        return;
    }
    let pointers: Vec<&str> = missing
        .iter()
        .map(|&i| diagnostics[i].pointer.as_str())
        .collect();
    let found = deepest_lines(text, &pointers);
    for (i, found) in missing.into_iter().zip(found) {
        diagnostics[i].line = found.map(|(line, _)| line);
    }
}

/// For each of `pointers`, the line of the deepest node of it the text
/// spells out (itself, or an ancestor at least [`MIN_ANCESTOR_DEPTH`]
/// deep) and that node's depth in reference tokens, in one pass.
pub fn deepest_lines(text: &str, pointers: &[&str]) -> Vec<Option<(usize, usize)>> {
    if text.trim_start().starts_with('{') {
        json_found(text, pointers)
    } else {
        yaml_found(text, pointers)
    }
}

/// The pointers still to be found, as a tree of reference tokens.
#[derive(Default)]
struct Wanted {
    /// The pointers (indices into the caller's list) that end here or pass
    /// through here, each with the depth of this node. A pointer the text
    /// doesn't spell out to its end (flow-style YAML, or a pointer into
    /// the OpenAPI 3.0 form of a Swagger 2.0 file) gets the line of its
    /// deepest ancestor that it does, if that ancestor is at least
    /// [`MIN_ANCESTOR_DEPTH`] deep: the line of the schema or parameter
    /// that holds the problem beats no line at all.
    here: Vec<(usize, usize)>,
    children: HashMap<String, Wanted>,
}

/// How deep an ancestor must be to stand in for a pointer's own line: an
/// operation (`/paths/~1users/get`) or a component
/// (`/components/schemas/User`) says where; `/components/schemas` does not.
const MIN_ANCESTOR_DEPTH: usize = 3;

/// A line found for a pointer, and how deep the node it was found at.
type Found = Option<(usize, usize)>;

impl Wanted {
    fn new(pointers: &[&str]) -> Self {
        let mut root = Wanted::default();
        for (i, pointer) in pointers.iter().enumerate() {
            let tokens: Vec<String> = pointer
                .split('/')
                .skip(1)
                .map(crate::diagnostics::pointer_unescape)
                .collect();
            let mut node = &mut root;
            for (depth, token) in tokens.iter().enumerate() {
                node = node.children.entry(token.clone()).or_default();
                if depth + 1 >= MIN_ANCESTOR_DEPTH || depth + 1 == tokens.len() {
                    node.here.push((i, depth + 1));
                }
            }
            if tokens.is_empty() {
                node.here.push((i, 0));
            }
        }
        root
    }

    fn child(&self, token: &str) -> Option<&Wanted> {
        self.children.get(token)
    }

    /// Records `line` for the pointers that end or pass here, unless a
    /// deeper node of theirs was found already; at the same depth the
    /// first match wins (a duplicate key later in the text doesn't move it).
    fn found(&self, line: usize, out: &mut [Found]) {
        for &(i, depth) in &self.here {
            if out[i].is_none_or(|(_, deepest)| deepest < depth) {
                out[i] = Some((line, depth));
            }
        }
    }
}

/// The lines of `found`, without their depths.
fn lines_of(found: Vec<Found>) -> Vec<Option<usize>> {
    found.into_iter().map(|f| f.map(|(line, _)| line)).collect()
}

struct Frame<'w> {
    indent: usize,
    /// The pointers below this node, if any.
    wanted: Option<&'w Wanted>,
    /// For a key whose value is a sequence: the next item's index.
    next_index: usize,
    item: bool,
}

/// The 1-based line of `pointer` in block-style YAML.
pub fn yaml_line(text: &str, pointer: &str) -> Option<usize> {
    yaml_lines(text, &[pointer]).pop().flatten()
}

/// The 1-based line of each of `pointers` in block-style YAML.
pub fn yaml_lines(text: &str, pointers: &[&str]) -> Vec<Option<usize>> {
    lines_of(yaml_found(text, pointers))
}

fn yaml_found(text: &str, pointers: &[&str]) -> Vec<Found> {
    let root = Wanted::new(pointers);
    let mut out: Vec<Found> = vec![None; pointers.len()];
    root.found(1, &mut out);
    let mut stack: Vec<Frame> = Vec::new();
    let mut block_scalar_indent: Option<usize> = None;
    for (number, raw) in text.lines().enumerate() {
        let content = raw.trim_start();
        let indent = raw.len() - content.len();
        if let Some(block) = block_scalar_indent {
            if content.is_empty() || indent > block {
                continue;
            }
            block_scalar_indent = None;
        }
        if content.is_empty() || content.starts_with('#') || content.starts_with("---") {
            continue;
        }
        let mut indent = indent;
        let mut content = content;
        if content == "-" || content.starts_with("- ") {
            while stack
                .last()
                .is_some_and(|f| f.indent > indent || (f.indent == indent && f.item))
            {
                stack.pop();
            }
            let (index, parent) = match stack.last_mut() {
                Some(parent) => {
                    let i = parent.next_index;
                    parent.next_index += 1;
                    (i, parent.wanted)
                }
                None => (0, Some(&root)),
            };
            let wanted = parent.and_then(|w| w.child(&index.to_string()));
            if let Some(w) = wanted {
                w.found(number + 1, &mut out);
            }
            stack.push(Frame {
                indent,
                wanted,
                next_index: 0,
                item: true,
            });
            content = content.get(2..).unwrap_or("").trim_start();
            indent += 2;
            if content.is_empty() {
                continue;
            }
        }
        let Some((key, rest)) = split_key(content) else {
            continue;
        };
        while stack.last().is_some_and(|f| f.indent >= indent) {
            stack.pop();
        }
        let parent = match stack.last() {
            Some(frame) => frame.wanted,
            None => Some(&root),
        };
        let wanted = parent.and_then(|w| w.child(&key));
        if let Some(w) = wanted {
            w.found(number + 1, &mut out);
        }
        stack.push(Frame {
            indent,
            wanted,
            next_index: 0,
            item: false,
        });
        let rest = rest.trim();
        if rest.starts_with('|') || rest.starts_with('>') {
            block_scalar_indent = Some(indent);
        }
    }
    out
}

/// `key: rest`, with the key unquoted; `None` for a line that is not a key.
fn split_key(content: &str) -> Option<(String, &str)> {
    if let Some(quote) = content.chars().next().filter(|c| *c == '\'' || *c == '"') {
        let end = content[1..].find(quote)? + 1;
        let key = content[1..end].to_owned();
        let rest = content[end + 1..].strip_prefix(':')?;
        return Some((key, rest));
    }
    // A plain key ends at the first `: ` (or a `:` ending the line).
    let colon = content
        .match_indices(':')
        .map(|(i, _)| i)
        .find(|&i| content[i + 1..].is_empty() || content[i + 1..].starts_with(' '))?;
    Some((content[..colon].to_owned(), &content[colon + 1..]))
}

/// The 1-based line of `pointer` in JSON: where the value starts.
pub fn json_line(text: &str, pointer: &str) -> Option<usize> {
    json_lines(text, &[pointer]).pop().flatten()
}

/// The 1-based line of each of `pointers` in JSON: where the value starts.
pub fn json_lines(text: &str, pointers: &[&str]) -> Vec<Option<usize>> {
    lines_of(json_found(text, pointers))
}

fn json_found(text: &str, pointers: &[&str]) -> Vec<Found> {
    let root = Wanted::new(pointers);
    let mut out: Vec<Found> = vec![None; pointers.len()];
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
        line: 1,
    };
    // A malformed text leaves the pointers after the fault unfound.
    let _ = scanner.find(&root, &mut out);
    out
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
}

impl<'a> Scanner<'a> {
    fn skip_ws(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b'\n' => self.line += 1,
                b' ' | b'\t' | b'\r' => {}
                _ => return,
            }
            self.pos += 1;
        }
    }

    /// Moves past the string at the cursor (at its opening quote); returns
    /// its raw text between the quotes and whether it holds an escape.
    fn raw_string(&mut self) -> Option<(&'a [u8], bool)> {
        let bytes: &'a [u8] = self.bytes;
        self.pos += 1;
        let start = self.pos;
        let mut escaped = false;
        let mut any_escape = false;
        while let Some(&b) = bytes.get(self.pos) {
            self.pos += 1;
            match (b, escaped) {
                (b'\\', false) => {
                    escaped = true;
                    any_escape = true;
                }
                (b'"', false) => return Some((&bytes[start..self.pos - 1], any_escape)),
                (b'\n', _) => {
                    self.line += 1;
                    escaped = false;
                }
                _ => escaped = false,
            }
        }
        None
    }

    /// The string at the cursor, unescaped (borrowed when it has no escape).
    fn string(&mut self) -> Option<Cow<'a, str>> {
        let (raw, any_escape) = self.raw_string()?;
        let raw = std::str::from_utf8(raw).ok()?;
        if any_escape {
            serde_json::from_str::<String>(&format!("\"{raw}\""))
                .ok()
                .map(Cow::Owned)
        } else {
            Some(Cow::Borrowed(raw))
        }
    }

    /// Walks the value at the cursor, recording the line of every wanted
    /// pointer inside it, and leaves the cursor after the value.
    fn find(&mut self, wanted: &Wanted, out: &mut [Found]) -> Option<()> {
        self.skip_ws();
        wanted.found(self.line, out);
        if wanted.children.is_empty() {
            return self.skip_value();
        }
        match self.bytes.get(self.pos)? {
            b'{' => {
                self.pos += 1;
                loop {
                    self.skip_ws();
                    match self.bytes.get(self.pos)? {
                        b'}' => {
                            self.pos += 1;
                            return Some(());
                        }
                        b',' => self.pos += 1,
                        b'"' => {
                            let key = self.string()?;
                            self.skip_ws();
                            if self.bytes.get(self.pos) != Some(&b':') {
                                return None;
                            }
                            self.pos += 1;
                            match wanted.child(&key) {
                                Some(child) => self.find(child, out)?,
                                None => self.skip_value()?,
                            }
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.pos += 1;
                let mut index = 0;
                loop {
                    self.skip_ws();
                    match self.bytes.get(self.pos)? {
                        b']' => {
                            self.pos += 1;
                            return Some(());
                        }
                        b',' => {
                            self.pos += 1;
                            index += 1;
                        }
                        _ => match wanted.child(&index.to_string()) {
                            Some(child) => self.find(child, out)?,
                            None => self.skip_value()?,
                        },
                    }
                }
            }
            _ => self.skip_value(),
        }
    }

    fn skip_value(&mut self) -> Option<()> {
        self.skip_ws();
        match self.bytes.get(self.pos)? {
            b'"' => self.raw_string().map(|_| ()),
            open @ (b'{' | b'[') => {
                let close = if *open == b'{' { b'}' } else { b']' };
                self.pos += 1;
                loop {
                    self.skip_ws();
                    match *self.bytes.get(self.pos)? {
                        b if b == close => {
                            self.pos += 1;
                            return Some(());
                        }
                        b',' | b':' => self.pos += 1,
                        _ => self.skip_value()?,
                    }
                }
            }
            _ => {
                while let Some(&b) = self.bytes.get(self.pos) {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t') {
                        break;
                    }
                    self.pos += 1;
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "\
openapi: 3.0.3
paths:
  /api/v2/oauth/clients:
    get:
      tags:
      - OAuth
      description: |-
        A block: with a colon
        over lines
      parameters:
      - name: clientId
        in: path
        schema:
          type: string
      - name: days
        in: query
      responses:
        '200':
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/X'
components:
  schemas:
    X:
      type: object
";

    #[test]
    fn yaml_keys_sequence_items_and_quoted_keys_are_found() {
        let at = |p: &str| yaml_line(YAML, p);
        assert_eq!(at("/paths/~1api~1v2~1oauth~1clients/get"), Some(4));
        assert_eq!(at("/paths/~1api~1v2~1oauth~1clients/get/tags/0"), Some(6));
        assert_eq!(
            at("/paths/~1api~1v2~1oauth~1clients/get/parameters/0"),
            Some(11)
        );
        assert_eq!(
            at("/paths/~1api~1v2~1oauth~1clients/get/parameters/0/schema/type"),
            Some(14)
        );
        assert_eq!(
            at("/paths/~1api~1v2~1oauth~1clients/get/parameters/1/in"),
            Some(16)
        );
        assert_eq!(
            at("/paths/~1api~1v2~1oauth~1clients/get/responses/200/content/application~1json/schema"),
            Some(21)
        );
        assert_eq!(at("/components/schemas/X"), Some(25));
        assert_eq!(at("/components/schemas/Y"), None);
    }

    #[test]
    fn a_pointer_the_text_does_not_spell_out_gets_its_deepest_ancestors_line() {
        // Below the schema of parameter 0, nothing is called `nope`.
        assert_eq!(
            yaml_line(
                YAML,
                "/paths/~1api~1v2~1oauth~1clients/get/parameters/0/schema/nope/0"
            ),
            Some(13)
        );
        // Flow-style YAML: only the block-style keys have lines.
        let flow = "paths:\n  /a:\n    get: {servers: [{url: 'x'}]}\n";
        assert_eq!(yaml_line(flow, "/paths/~1a/get/servers/0/url"), Some(3));
        let json = "{\n  \"paths\": {\n    \"/a\": {\n      \"get\": {}\n    }\n  }\n}";
        assert_eq!(json_line(json, "/paths/~1a/get/requestBody"), Some(4));
        // Too shallow an ancestor says nothing.
        assert_eq!(json_line(json, "/paths/~1b/get"), None);
    }

    #[test]
    fn json_members_and_items_are_found() {
        let json = "{\n  \"paths\": {\n    \"/a\": {\n      \"get\": {\n        \"tags\": [\"x\",\n          \"y\"]\n      }\n    }\n  },\n  \"definitions\": {\"D\": {}}\n}";
        assert_eq!(json_line(json, "/paths/~1a/get"), Some(4));
        assert_eq!(json_line(json, "/paths/~1a/get/tags/1"), Some(6));
        assert_eq!(json_line(json, "/definitions/D"), Some(10));
        assert_eq!(json_line(json, "/definitions/E"), None);
    }

    #[test]
    fn many_pointers_are_found_in_one_pass() {
        let json =
            "{\n  \"a\": {\"b\": 1,\n  \"c\": [0,\n 1]},\n  \"d\\\"e\": 2,\n  \"a\": {\"b\": 3}\n}";
        let pointers = ["/a/c/1", "/a/b", "/d\"e", "/a/x", "", "/a/c/1"];
        // A duplicate key later in the text doesn't move `/a/b`.
        assert_eq!(
            json_lines(json, &pointers),
            [Some(4), Some(2), Some(5), None, Some(1), Some(4)]
        );
        let yaml_pointers = [
            "/components/schemas/X",
            "/paths/~1api~1v2~1oauth~1clients/get/parameters/1/in",
            "/nope",
        ];
        assert_eq!(yaml_lines(YAML, &yaml_pointers), [Some(25), Some(16), None]);
    }
}
