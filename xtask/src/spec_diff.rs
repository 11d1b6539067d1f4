//! `cargo xtask spec diff OLD NEW [--tag T]… [--format markdown|json]`:
//! release notes from two versions of a spec. Both go through the import
//! (Swagger 2.0), selection and lowering of codegen; the IRs are compared
//! by `generator::diff`, so the notes speak of the crate's Rust items and
//! say which changes break builds.

use anyhow::{bail, Context};
use std::path::{Path, PathBuf};

use generator::Config;

/// How the release notes are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Markdown,
    Json,
}

pub fn run(root: &Path, args: &[&str]) -> anyhow::Result<()> {
    let mut inputs: Vec<PathBuf> = Vec::new();
    let mut tags = Vec::new();
    let mut format = Format::Markdown;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match *arg {
            "--tag" => match rest.next() {
                Some(tag) => tags.push((*tag).to_owned()),
                None => bail!("`--tag` needs a tag name, e.g. `--tag OAuth`"),
            },
            "--format" => {
                format = match rest.next().copied() {
                    Some("markdown") => Format::Markdown,
                    Some("json") => Format::Json,
                    Some(other) => bail!("unknown format `{other}`; expected `markdown` or `json`"),
                    None => bail!("`--format` needs `markdown` or `json`"),
                }
            }
            flag if flag.starts_with("--") => {
                bail!("unknown option `{flag}`; expected `--tag TAG` or `--format markdown|json`")
            }
            path => inputs.push(PathBuf::from(path)),
        }
    }
    let [old_path, new_path] = &inputs[..] else {
        bail!(
            "give two specs, the old one first, e.g. `cargo xtask spec diff old-swagger.json spec/upstream/oauth-swagger.reconstructed.json --tag OAuth`"
        );
    };
    if tags.is_empty() {
        tags = Config::load(root)
            .context("no `--tag` given, and the configured tags can't be read")?
            .tags;
    }
    let old = lower(old_path, &tags)?;
    let new = lower(new_path, &tags)?;
    let mut diff = generator::diff::diff(&old, &new);
    diff.old = old_path.display().to_string();
    diff.new = new_path.display().to_string();
    match format {
        Format::Markdown => print!("{}", diff.to_markdown()),
        Format::Json => println!("{}", serde_json::to_string_pretty(&diff)?),
    }
    Ok(())
}

/// The IR of `tags` in the spec at `path`, exactly as codegen lowers it.
fn lower(path: &Path, tags: &[String]) -> anyhow::Result<generator::ir::Api> {
    let spec = crate::codegen::load_any(path)?;
    // Without `skip_unsupported` nothing is left out: an operation that
    // can't be generated is an error, not a silent gap in the notes.
    let (api, _) = generator::lower_selected(path, &spec, tags, false)?;
    Ok(api)
}
