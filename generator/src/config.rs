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
    /// SPDX licence expression.
    pub license: String,
    /// The `operationId` the README's quick start calls; by default the
    /// first GET that needs no argument.
    #[serde(default)]
    pub example_operation: Option<String>,
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
        let config: Config = serde_yaml::from_str(&text).map_err(|e| Error::Parse {
            path: relative.to_owned(),
            line: e.location().map(|l| l.line()),
            column: e.location().map(|l| l.column()),
            message: e.to_string(),
        })?;
        if config.tags.is_empty() {
            return Err(Error::Config {
                path: relative.to_owned(),
                message: "`tags` is empty: name at least one tag to generate".into(),
            });
        }
        Ok(config)
    }
}
