//! Finds the line a JSON pointer refers to in the spec's text, so that
//! diagnostics can name it. Handles block-style YAML (as `spec import` and
//! most tools write it) and JSON; for anything else it finds nothing and
//! the diagnostic keeps its pointer alone.

use crate::diagnostics::Diagnostic;

/// Fills in the line of every diagnostic whose pointer can be found.
pub fn add_lines(text: &str, diagnostics: &mut [Diagnostic]) {
    let json = text.trim_start().starts_with('{');
    for d in diagnostics {
        if d.line.is_none() {
            d.line = if json {
                json_line(text, &d.pointer)
            } else {
                yaml_line(text, &d.pointer)
            };
        }
    }
}

fn tokens(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect()
}

struct Frame {
    indent: usize,
    token: String,
    /// For a key whose value is a sequence: the next item's index.
    next_index: usize,
    item: bool,
}

/// The 1-based line of `pointer` in block-style YAML.
pub fn yaml_line(text: &str, pointer: &str) -> Option<usize> {
    let target = tokens(pointer);
    if target.is_empty() {
        return Some(1);
    }
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
            let index = match stack.last_mut() {
                Some(parent) => {
                    let i = parent.next_index;
                    parent.next_index += 1;
                    i
                }
                None => 0,
            };
            stack.push(Frame {
                indent,
                token: index.to_string(),
                next_index: 0,
                item: true,
            });
            if matches_target(&stack, &target) {
                return Some(number + 1);
            }
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
        stack.push(Frame {
            indent,
            token: key,
            next_index: 0,
            item: false,
        });
        if matches_target(&stack, &target) {
            return Some(number + 1);
        }
        let rest = rest.trim();
        if rest.starts_with('|') || rest.starts_with('>') {
            block_scalar_indent = Some(indent);
        }
    }
    None
}

fn matches_target(stack: &[Frame], target: &[String]) -> bool {
    stack.len() == target.len() && stack.iter().zip(target).all(|(f, t)| f.token == *t)
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
    let target = tokens(pointer);
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
        line: 1,
    };
    scanner.find(&target, 0)
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
}

impl Scanner<'_> {
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

    fn string(&mut self) -> Option<String> {
        // At the opening quote.
        self.pos += 1;
        let start = self.pos;
        let mut escaped = false;
        while let Some(&b) = self.bytes.get(self.pos) {
            self.pos += 1;
            match (b, escaped) {
                (b'\\', false) => escaped = true,
                (b'"', false) => {
                    let raw = std::str::from_utf8(&self.bytes[start..self.pos - 1]).ok()?;
                    return serde_json::from_str::<String>(&format!("\"{raw}\"")).ok();
                }
                (b'\n', _) => {
                    self.line += 1;
                    escaped = false;
                }
                _ => escaped = false,
            }
        }
        None
    }

    /// Finds `target[depth..]` inside the value at the cursor.
    fn find(&mut self, target: &[String], depth: usize) -> Option<usize> {
        self.skip_ws();
        if depth == target.len() {
            return Some(self.line);
        }
        match self.bytes.get(self.pos)? {
            b'{' => {
                self.pos += 1;
                loop {
                    self.skip_ws();
                    match self.bytes.get(self.pos)? {
                        b'}' => {
                            self.pos += 1;
                            return None;
                        }
                        b',' => self.pos += 1,
                        b'"' => {
                            let key = self.string()?;
                            self.skip_ws();
                            if self.bytes.get(self.pos) != Some(&b':') {
                                return None;
                            }
                            self.pos += 1;
                            if key == target[depth] {
                                return self.find(target, depth + 1);
                            }
                            self.skip_value()?;
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.pos += 1;
                let wanted: usize = target[depth].parse().ok()?;
                let mut index = 0;
                loop {
                    self.skip_ws();
                    match self.bytes.get(self.pos)? {
                        b']' => return None,
                        b',' => {
                            self.pos += 1;
                            index += 1;
                        }
                        _ if index == wanted => return self.find(target, depth + 1),
                        _ => self.skip_value()?,
                    }
                }
            }
            _ => None,
        }
    }

    fn skip_value(&mut self) -> Option<()> {
        self.skip_ws();
        match self.bytes.get(self.pos)? {
            b'"' => self.string().map(|_| ()),
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
    fn json_members_and_items_are_found() {
        let json = "{\n  \"paths\": {\n    \"/a\": {\n      \"get\": {\n        \"tags\": [\"x\",\n          \"y\"]\n      }\n    }\n  },\n  \"definitions\": {\"D\": {}}\n}";
        assert_eq!(json_line(json, "/paths/~1a/get"), Some(4));
        assert_eq!(json_line(json, "/paths/~1a/get/tags/1"), Some(6));
        assert_eq!(json_line(json, "/definitions/D"), Some(10));
        assert_eq!(json_line(json, "/definitions/E"), None);
    }
}
