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
    let old_spec = crate::codegen::load_any(old_path)?;
    let new_spec = crate::codegen::load_any(new_path)?;
    // A tag that only one side has is a group added or removed, not an
    // error; a tag that neither has is a typo.
    let old_tags = crate::codegen::all_tags(&old_spec);
    let new_tags = crate::codegen::all_tags(&new_spec);
    for tag in &tags {
        if !old_tags.contains(tag) && !new_tags.contains(tag) {
            let mut known: Vec<&String> = old_tags.iter().chain(&new_tags).collect();
            known.sort();
            known.dedup();
            let known: Vec<&str> = known.into_iter().map(String::as_str).collect();
            bail!(
                "no operation of either spec carries the tag `{tag}`; their tags are: {}",
                known.join(", ")
            );
        }
    }
    let old = lower(old_path, &old_spec, &tags, &old_tags)?;
    let new = lower(new_path, &new_spec, &tags, &new_tags)?;
    let mut diff = generator::diff::diff(&old, &new);
    diff.old = old_path.display().to_string();
    diff.new = new_path.display().to_string();
    match format {
        Format::Markdown => print!("{}", diff.to_markdown()),
        Format::Json => println!("{}", serde_json::to_string_pretty(&diff)?),
    }
    Ok(())
}

/// The IR of those of `tags` that the spec at `path` has (`present`),
/// exactly as codegen lowers it.
fn lower(
    path: &Path,
    spec: &openapiv3::OpenAPI,
    tags: &[String],
    present: &[String],
) -> anyhow::Result<generator::ir::Api> {
    let tags: Vec<String> = tags
        .iter()
        .filter(|t| present.contains(t))
        .cloned()
        .collect();
    // Without `skip_unsupported` nothing is left out: an operation that
    // can't be generated is an error, not a silent gap in the notes.
    let profile = generator::config::Profile::detect(spec);
    // As codegen does, the text is read again only to name the line of
    // each problem.
    let (api, _) = generator::lower_selected(path, spec, &tags, false, profile).map_err(|e| {
        match std::fs::read_to_string(path) {
            Ok(text) => e.with_lines(&text),
            Err(_) => e,
        }
    })?;
    Ok(api)
}
