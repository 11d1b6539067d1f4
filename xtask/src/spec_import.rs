//! `cargo xtask spec import`: upstream Swagger 2.0 → the OpenAPI 3.0 YAML
//! in `spec/`.

use anyhow::{bail, Context};
use std::path::{Path, PathBuf};

use generator::import::{Warning, WarningKind};
use generator::Config;
use std::collections::BTreeMap;

pub fn run(root: &Path, args: &[&str]) -> anyhow::Result<()> {
    let mut input = None;
    let mut tags = Vec::new();
    let mut out = None;
    let mut verbose = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match *arg {
            "--tag" => match rest.next() {
                Some(tag) => tags.push((*tag).to_owned()),
                None => bail!("`--tag` needs a tag name, e.g. `--tag OAuth`"),
            },
            "--out" => match rest.next() {
                Some(path) => out = Some(PathBuf::from(path)),
                None => bail!("`--out` needs a file path"),
            },
            "--verbose" => verbose = true,
            flag if flag.starts_with("--") => {
                bail!("unknown option `{flag}`; expected `--tag TAG`, `--out FILE` or `--verbose`")
            }
            path if input.is_none() => input = Some(PathBuf::from(path)),
            extra => bail!("unexpected argument `{extra}`: give one input file"),
        }
    }
    let Some(input) = input else {
        bail!("give the Swagger 2.0 file to import, e.g. `cargo xtask spec import spec/upstream/oauth-swagger.reconstructed.json --tag OAuth`");
    };
    let out = match out {
        Some(out) => out,
        None => root.join(Config::load(root)?.spec),
    };
    // Relative paths are taken from where the command was run.
    let text = std::fs::read_to_string(&input)
        .with_context(|| format!("cannot read {}", input.display()))?;
    let source_name = input
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let imported = generator::import::import_document(&input, &source_name, &text, &tags)?;
    print_warnings(&input, &imported.warnings, verbose);
    std::fs::write(&out, &imported.yaml)
        .with_context(|| format!("cannot write {}", out.display()))?;
    println!(
        "spec import: {} operations, {} schemas, {} warnings; wrote {}",
        imported.operations,
        imported.schemas,
        imported.warnings.len(),
        out.display()
    );
    Ok(())
}

/// Warnings grouped by kind, each group with its pointers: a handful
/// unless `--verbose`, since upstream has hundreds of some kinds.
fn print_warnings(input: &Path, warnings: &[Warning], verbose: bool) {
    const SHOWN: usize = 5;
    let mut groups: BTreeMap<WarningKind, Vec<&Warning>> = BTreeMap::new();
    for w in warnings {
        groups.entry(w.kind).or_default().push(w);
    }
    for (kind, list) in groups {
        eprintln!("warning: {} ({}):", kind.title(), list.len());
        let shown = if verbose { list.len() } else { SHOWN };
        for w in list.iter().take(shown) {
            eprintln!("  {}#{}: {}", input.display(), w.pointer, w.message);
        }
        if list.len() > shown {
            eprintln!(
                "  … and {} more (--verbose lists them all)",
                list.len() - shown
            );
        }
    }
}
