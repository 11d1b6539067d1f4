//! The generator's settings: one YAML file, `spec/codegen.yaml`, says which
//! spec, which tags, where the output goes and what the crate is called.

use serde::Deserialize;
use std::path::{Path, PathBuf};

use crate::diagnostics::Error;

/// Where the settings live, relative to the repository root.
pub const CONFIG_PATH: &str = "spec/codegen.yaml";

/// `spec/codegen.yaml`. Paths are relative to the repository root.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The OpenAPI document to generate from.
    pub spec: PathBuf,
    /// The tags whose operations are generated, one API group each.
    pub tags: Vec<String>,
    /// The generated crate's folder.
    pub output: PathBuf,
    /// The generated crate's package metadata.
    #[serde(rename = "crate")]
    pub krate: CrateConfig,
    /// Leave out what can't be generated (with a warning that names it)
    /// instead of failing: `cargo xtask codegen --skip-unsupported`.
    #[serde(default)]
    pub skip_unsupported: bool,
    /// Vendor conventions layered on top of the general generator.
    #[serde(default)]
    pub profile: Profile,
}

/// Vendor conventions on top of what the spec itself says. A crate gets
/// the runtime and docs of its profile only: a `generic` crate knows
/// nothing of Genesys.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    /// Only what the OpenAPI document describes.
    #[default]
    Generic,
    /// Genesys Cloud: its regions and login hosts, its extra OAuth grants,
    /// the `ININ-Correlation-Id` header, the `x-inin-requires-permissions`
    /// lines in the docs and its environment variable names.
    Genesys,
}

impl Profile {
    /// The profile a spec asks for by its own content: Genesys when it
    /// declares the `PureCloud OAuth` security scheme or uses `x-inin-*`
    /// extensions on its operations.
    pub fn detect(spec: &openapiv3::OpenAPI) -> Profile {
        let scheme = spec
            .components
            .as_ref()
            .is_some_and(|c| c.security_schemes.contains_key("PureCloud OAuth"));
        let extensions = spec
            .operations()
            .any(|(_, _, op)| op.extensions.keys().any(|k| k.starts_with("x-inin-")));
        if scheme || extensions {
            Profile::Genesys
        } else {
            Profile::Generic
        }
    }

    /// The profile's name in settings and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Generic => "generic",
            Profile::Genesys => "genesys",
        }
    }
}

impl std::str::FromStr for Profile {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "generic" => Ok(Profile::Generic),
            "genesys" => Ok(Profile::Genesys),
            other => Err(format!(
                "unknown profile `{other}`; expected `generic` or `genesys`"
            )),
        }
    }
}

/// Package metadata of the generated crate.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct CrateConfig {
    /// Package name (`purecloud-platform-client`).
    pub name: String,
    /// Package version.
    pub version: String,
    /// One-line description.
    pub description: String,
    /// SPDX licence expression; none for a crate generated from a spec
    /// that names no licence.
    #[serde(default)]
    pub license: Option<String>,
    /// Whether `cargo publish` may upload the crate; `false` writes
    /// `publish = false` into its manifest.
    #[serde(default)]
    pub publish: bool,
    /// The licence text, copied into the crate as `LICENSE`: a path
    /// relative to the repository root. crates.io shows `license`; the
    /// text is what the licence requires to travel with the code.
    #[serde(default)]
    pub license_file: Option<PathBuf>,
    /// The licence text read from `license_file` when the settings load.
    #[serde(skip)]
    pub license_text: Option<String>,
    /// The source repository's URL (Cargo's `package.repository`).
    #[serde(default)]
    pub repository: Option<String>,
    /// The API documentation's URL (Cargo's `package.documentation`).
    #[serde(default)]
    pub documentation: Option<String>,
    /// The project's home page (Cargo's `package.homepage`).
    #[serde(default)]
    pub homepage: Option<String>,
    /// crates.io search keywords: at most 5, each at most 20 ASCII
    /// letters, digits, `_`, `-` or `+`, starting with a letter.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// crates.io category slugs (<https://crates.io/category_slugs>): at
    /// most 5.
    #[serde(default)]
    pub categories: Vec<String>,
    /// The `operationId` the README's quick start calls; by default one is
    /// chosen (a GET that needs no argument if there is one).
    #[serde(default)]
    pub example_operation: Option<String>,
    /// Whether the crate's folder holds the OAuth section's hand-written
    /// extras: the contract tests and client bench its manifest names, and
    /// the examples rendered beside them. Only the configured OAuth crate
    /// has them; a crate generated elsewhere from a spec with the same
    /// operations must not name files it doesn't have.
    #[serde(default)]
    pub oauth_extras: bool,
}

impl CrateConfig {
    /// The settings of a crate generated from a spec that has none of its
    /// own (`cargo xtask codegen --spec FILE`): the package name from
    /// `crate_name`, else from `info.title`, the description from `info`.
    pub fn for_spec(info: &openapiv3::Info, crate_name: Option<&str>) -> CrateConfig {
        // A title is plain text in OpenAPI; markup some specs put in it
        // (`<b>`) is no word of the name nor text for crates.io.
        let title = one_line(&without_html_tags(&info.title));
        let name = match crate_name {
            Some(name) => name.to_owned(),
            None => crate::naming::package_name(&title),
        };
        let description = match summary_line(info) {
            Some(summary) => format!("Async Rust client for {title}: {summary}"),
            None => format!("Async Rust client for {title}."),
        };
        CrateConfig {
            name,
            version: "0.1.0".into(),
            description,
            license: info
                .license
                .as_ref()
                .map(|l| l.name.trim().to_owned())
                .filter(|l| crate::naming::is_spdx_like(l)),
            example_operation: None,
            oauth_extras: false,
            publish: false,
            license_file: None,
            license_text: None,
            repository: None,
            documentation: None,
            homepage: None,
            keywords: Vec::new(),
            categories: Vec::new(),
        }
    }
}

/// Text on one line, whitespace runs collapsed.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` without its HTML tags (`<b>`, `</a>`, `<br/>`): a `<` that
/// starts a tag (a letter or `/` after it) through the next `>`. Other
/// `<` (`a < b`) stay.
fn without_html_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tag = &rest[start..];
        let opens_tag = tag[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
        match tag.find('>').filter(|_| opens_tag) {
            Some(end) => {
                out.push(' ');
                rest = &tag[end + 1..];
            }
            None => {
                out.push('<');
                rest = &tag[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The first sentence of `info.description`, when it is plain and short
/// enough for a package description.
fn summary_line(info: &openapiv3::Info) -> Option<String> {
    let text = one_line(info.description.as_deref()?);
    let first = match text.find(". ") {
        Some(end) => &text[..=end],
        None => text.as_str(),
    };
    let first = first.trim();
    (!first.is_empty() && first.len() <= 200 && !first.contains(['<', '`', '[', '*', '#']))
        .then(|| first.to_owned())
}

impl Config {
    /// Reads the settings at `root/spec/codegen.yaml`.
    pub fn load(root: &Path) -> Result<Self, Error> {
        Self::load_from(root, Path::new(CONFIG_PATH))
    }

    /// Reads the settings at `root/relative`.
    pub fn load_from(root: &Path, relative: &Path) -> Result<Self, Error> {
        let text = std::fs::read_to_string(root.join(relative)).map_err(|source| Error::Io {
            path: relative.to_owned(),
            source,
        })?;
        let mut config: Config = serde_yaml::from_str(&text).map_err(|e| Error::Parse {
            path: relative.to_owned(),
            line: e.location().map(|l| l.line()),
            column: e.location().map(|l| l.column()),
            message: e.to_string(),
        })?;
        config.krate.check_metadata(relative)?;
        if let Some(file) = &config.krate.license_file {
            let text = std::fs::read_to_string(root.join(file)).map_err(|source| Error::Io {
                path: file.clone(),
                source,
            })?;
            config.krate.license_text = Some(text);
        }
        if config.tags.is_empty() {
            return Err(Error::Config {
                path: relative.to_owned(),
                message: "`tags` is empty: name at least one tag to generate".into(),
            });
        }
        Ok(config)
    }
}

impl CrateConfig {
    /// The limits crates.io puts on keywords and categories
    /// (<https://doc.rust-lang.org/cargo/reference/manifest.html#the-keywords-field>),
    /// checked here so that a bad value fails codegen rather than the upload.
    fn check_metadata(&self, path: &Path) -> Result<(), Error> {
        let fail = |message: String| {
            Err(Error::Config {
                path: path.to_owned(),
                message,
            })
        };
        if !crate::naming::is_package_name(&self.name) {
            return fail(format!(
                "`crate.name: {}` is not a valid package name: use ASCII letters, digits, `-` and `_`, starting with a letter, at most 64 characters, and not a Rust keyword or `std`, `core`, `alloc`, `proc_macro` or `test`",
                self.name
            ));
        }
        if self.keywords.len() > 5 {
            return fail(format!(
                "`crate.keywords` has {} entries; crates.io allows at most 5",
                self.keywords.len()
            ));
        }
        for keyword in &self.keywords {
            let valid_chars = keyword
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'));
            let starts_with_letter = keyword.starts_with(|c: char| c.is_ascii_alphabetic());
            if keyword.len() > 20 || !valid_chars || !starts_with_letter {
                return fail(format!(
                    "`crate.keywords: {keyword}` is not a crates.io keyword: at most 20 ASCII letters, digits, `_`, `-` or `+`, starting with a letter"
                ));
            }
        }
        if self.categories.len() > 5 {
            return fail(format!(
                "`crate.categories` has {} entries; crates.io allows at most 5",
                self.categories.len()
            ));
        }
        for category in &self.categories {
            let valid = !category.is_empty()
                && category.split("::").all(|part| {
                    !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                });
            if !valid {
                return fail(format!(
                    "`crate.categories: {category}` is not a crates.io category slug (like `api-bindings` or `web-programming::http-client`; see https://crates.io/category_slugs)"
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn krate(keywords: &[&str], categories: &[&str]) -> CrateConfig {
        CrateConfig {
            name: "x".into(),
            version: "0.1.0".into(),
            description: "x".into(),
            license: Some("MIT".into()),
            publish: true,
            license_file: None,
            license_text: None,
            repository: None,
            documentation: None,
            homepage: None,
            keywords: keywords.iter().map(|k| (*k).to_owned()).collect(),
            categories: categories.iter().map(|c| (*c).to_owned()).collect(),
            example_operation: None,
            oauth_extras: false,
        }
    }

    fn message(krate: CrateConfig) -> String {
        match krate.check_metadata(Path::new(CONFIG_PATH)) {
            Err(Error::Config { message, .. }) => message,
            other => panic!("expected a config error, got {other:?}"),
        }
    }

    #[test]
    fn markup_in_the_title_is_in_neither_the_package_name_nor_the_description() {
        let info: openapiv3::Info =
            serde_yaml::from_str("{title: 'Ünïcode API <b>bold</b> for a < b', version: '1'}")
                .unwrap();
        let krate = CrateConfig::for_spec(&info, None);
        assert_eq!(krate.name, "unicode-api-bold-for-a-b");
        assert_eq!(
            krate.description,
            "Async Rust client for Ünïcode API bold for a < b."
        );
    }

    #[test]
    fn crates_io_limits_on_keywords_and_categories_fail_codegen_with_the_rule() {
        assert!(krate(
            &["genesys", "api-client"],
            &["web-programming::http-client"]
        )
        .check_metadata(Path::new(CONFIG_PATH))
        .is_ok());
        assert_eq!(
            message(krate(&["a", "b", "c", "d", "e", "f"], &[])),
            "`crate.keywords` has 6 entries; crates.io allows at most 5"
        );
        let m = message(krate(&["contact center"], &[]));
        assert!(
            m.starts_with("`crate.keywords: contact center` is not a crates.io keyword"),
            "{m}"
        );
        let m = message(krate(&[], &["Web Programming"]));
        assert!(m.contains("https://crates.io/category_slugs"), "{m}");
    }
}
