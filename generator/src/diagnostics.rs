//! Errors that point into the spec: every problem the generator finds in an
//! input names the file, a JSON pointer to the offending node and, where the
//! parser knows it, the line and column.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem found in an input document, located by a JSON pointer
/// (RFC 6901, without the leading `#`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// JSON pointer to the node, e.g. `/paths/~1api~1v2~1oauth~1clients/get`.
    pub pointer: String,
    /// What is wrong, and where it helps, what is allowed.
    pub message: String,
    /// The 1-based line in the spec's text, when it could be found.
    pub line: Option<usize>,
}

impl Diagnostic {
    /// A diagnostic at `pointer`.
    pub fn new(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            pointer: pointer.into(),
            message: message.into(),
            line: None,
        }
    }

    /// The diagnostic as one line of text, in the file at `path`:
    /// `spec.yaml#/paths/~1a/get: message (line 12)`.
    pub fn at<'a>(&'a self, path: &'a Path) -> impl fmt::Display + 'a {
        DisplayDiagnostic(path, self)
    }
}

/// Drops each diagnostic that repeats an earlier one (same pointer, same
/// message), keeping the order of the rest. A schema merged into many
/// others (the base of `allOf` subtypes) is met once per merge, and a
/// problem written in it is reported where it is written, once.
pub fn dedup_in_order(diagnostics: &mut Vec<Diagnostic>) {
    let mut seen = std::collections::HashSet::new();
    diagnostics.retain(|d| seen.insert((d.pointer.clone(), d.message.clone())));
}

/// Escapes one reference token of a JSON pointer (`~` → `~0`, `/` → `~1`).
pub fn pointer_escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Unescapes one reference token of a JSON pointer (`~1` → `/`, then
/// `~0` → `~`, in that order: RFC 6901 §4).
pub fn pointer_unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Everything that can stop the pipeline. Each variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid YAML/JSON, or not an OpenAPI document.
    #[error("{}{}: {message}", path.display(), location(*line, *column))]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line, when the parser knows it.
        line: Option<usize>,
        /// 1-based column, when the parser knows it.
        column: Option<usize>,
        /// The parser's message.
        message: String,
    },
    /// The document parsed, but some of it cannot be generated.
    #[error("{}", render_list(path, diagnostics))]
    Spec {
        /// The file.
        path: PathBuf,
        /// Every problem found, in document order.
        diagnostics: Vec<Diagnostic>,
    },
    /// The generator's own settings are wrong.
    #[error("{}: {message}", path.display())]
    Config {
        /// The settings file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A template failed to render; this is a bug in `templates/`.
    #[error("template `{template}`: {message}")]
    Template {
        /// The template's name.
        template: String,
        /// Tera's message, with its causes.
        message: String,
    },
    /// Rendered Rust did not parse; this is a bug in the renderer.
    #[error("generated `{file}` is not valid Rust: {message}")]
    InvalidRust {
        /// The output file.
        file: String,
        /// syn's message.
        message: String,
    },
}

impl Error {
    /// The spec diagnostics, when this error carries them.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Error::Spec { diagnostics, .. } => diagnostics,
            _ => &[],
        }
    }

    /// Names the line of each diagnostic, from the spec's `text`.
    pub fn with_lines(mut self, text: &str) -> Self {
        if let Error::Spec { diagnostics, .. } = &mut self {
            crate::locate::add_lines(text, diagnostics);
        }
        self
    }

    pub(crate) fn spec(path: &Path, diagnostics: Vec<Diagnostic>) -> Self {
        Error::Spec {
            path: path.to_owned(),
            diagnostics,
        }
    }
}

fn location(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(":{l}:{c}"),
        (Some(l), None) => format!(":{l}"),
        _ => String::new(),
    }
}

fn render_list(path: &Path, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for (i, d) in diagnostics.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&DisplayDiagnostic(path, d).to_string());
    }
    out
}

struct DisplayDiagnostic<'a>(&'a Path, &'a Diagnostic);

impl fmt::Display for DisplayDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}#{}: {}",
            self.0.display(),
            self.1.pointer,
            self.1.message
        )?;
        match self.1.line {
            Some(line) => write!(f, " (line {line})"),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_tokens_escape_slash_and_tilde() {
        assert_eq!(
            pointer_escape("/api/v2/oauth/clients"),
            "~1api~1v2~1oauth~1clients"
        );
        assert_eq!(pointer_escape("a~b"), "a~0b");
    }

    #[test]
    fn repeated_diagnostics_are_dropped_and_the_rest_keep_their_order() {
        let mut found = vec![
            Diagnostic::new("/b", "late"),
            Diagnostic::new("/a", "early"),
            Diagnostic::new("/b", "late"),
            Diagnostic::new("/b", "other"),
        ];
        dedup_in_order(&mut found);
        let kept: Vec<(&str, &str)> = found
            .iter()
            .map(|d| (d.pointer.as_str(), d.message.as_str()))
            .collect();
        assert_eq!(kept, [("/b", "late"), ("/a", "early"), ("/b", "other")]);
    }

    #[test]
    fn spec_errors_name_file_and_pointer_one_per_line() {
        let e = Error::spec(
            Path::new("spec/x.yaml"),
            vec![
                Diagnostic::new("/a", "first"),
                Diagnostic::new("/b", "second"),
            ],
        );
        assert_eq!(
            e.to_string(),
            "spec/x.yaml#/a: first\nspec/x.yaml#/b: second"
        );
    }
}
