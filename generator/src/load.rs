//! Reading a spec file (YAML or JSON) into `openapiv3` types. Parse errors
//! keep the file name and the parser's line and column.

use openapiv3::OpenAPI;
use std::path::Path;

use crate::diagnostics::Error;

/// Reads and parses `root/relative`, and returns the text too, for
/// diagnostics to find their lines in. `relative` is what errors show, so
/// that messages carry no machine-specific absolute path.
pub fn load(root: &Path, relative: &Path) -> Result<(String, OpenAPI), Error> {
    let text = std::fs::read_to_string(root.join(relative)).map_err(|source| Error::Io {
        path: relative.to_owned(),
        source,
    })?;
    let spec = parse(relative, &text)?;
    Ok((text, spec))
}

/// Parses spec text; `path` is only used in errors.
pub fn parse(path: &Path, text: &str) -> Result<OpenAPI, Error> {
    // serde_yaml reads JSON too, and gives line and column for both.
    serde_yaml::from_str(text).map_err(|e| Error::Parse {
        path: path.to_owned(),
        line: e.location().map(|l| l.line()),
        column: e.location().map(|l| l.column()),
        message: strip_location(&e.to_string()),
    })
}

/// serde_yaml appends " at line L column C" to its messages; the error type
/// shows the location in `file:line:col` form already.
fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_name_file_line_and_column() {
        let err = parse(Path::new("spec/bad.yaml"), "openapi: 3.0.3\ninfo: [\n").unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("spec/bad.yaml:"), "{text}");
        assert!(matches!(err, Error::Parse { line: Some(_), .. }), "{text}");
    }

    #[test]
    fn documents_that_are_not_openapi_are_rejected_with_the_reason() {
        let err = parse(Path::new("x.json"), r#"{"openapi": "3.0.3"}"#).unwrap_err();
        assert!(err.to_string().contains("missing field"), "{err}");
    }
}
