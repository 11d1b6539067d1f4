//! `cargo xtask codegen [--check]`: the one place where rendered files meet
//! the disk. Codegen writes only files whose content changed, removes only
//! files that carry the generated marker, and writes all of its files or
//! none; `--check` writes nothing and reports.

use anyhow::{bail, Context};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use generator::config::{CrateConfig, Profile};
use generator::{timing, Config, GeneratedFile, GENERATED_MARKER};

/// What `run` does with the rendered files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Bring the output folder up to date.
    Write,
    /// Change nothing; fail when the output folder is not up to date.
    Check,
}

/// What `cargo xtask codegen` was asked for; the defaults are the
/// committed spec, its tags and `generated/`.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Another spec (OpenAPI 3.0, or Swagger 2.0, which is imported first).
    pub spec: Option<PathBuf>,
    /// Tags instead of the configured ones.
    pub tags: Vec<String>,
    /// Every tag of the spec.
    pub all_tags: bool,
    /// Another output folder.
    pub out: Option<PathBuf>,
    /// Leave out operations that can't be generated, with a warning.
    pub skip_unsupported: bool,
    /// The package name of a `--spec` crate, instead of one derived from
    /// `info.title`.
    pub crate_name: Option<String>,
    /// The vendor profile of a `--spec` crate, instead of the one the spec
    /// is recognised as.
    pub profile: Option<Profile>,
}

/// `path` from the command line, relative to the directory the command
/// runs in, made absolute.
fn from_here(path: &str) -> anyhow::Result<PathBuf> {
    let path = PathBuf::from(path);
    if path.is_absolute() {
        return Ok(path);
    }
    let here = std::env::current_dir().context("cannot read the current directory")?;
    Ok(here.join(path))
}

impl Options {
    /// Parses the arguments after `codegen`.
    pub fn parse(args: &[&str]) -> anyhow::Result<(Mode, Options)> {
        let mut mode = Mode::Write;
        let mut options = Options::default();
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            match *arg {
                "--check" => mode = Mode::Check,
                "--all-tags" => options.all_tags = true,
                "--skip-unsupported" => options.skip_unsupported = true,
                "--spec" | "--out" | "--tag" | "--crate-name" | "--profile" => {
                    let Some(value) = rest.next() else {
                        bail!("`{arg}` needs a value");
                    };
                    match *arg {
                        "--spec" => options.spec = Some(PathBuf::from(value)),
                        // Relative to where the command runs, as `--spec`
                        // is: the repository root only for the settings'
                        // own paths.
                        "--out" => options.out = Some(from_here(value)?),
                        "--crate-name" => {
                            if !generator::naming::is_package_name(value) {
                                bail!("`--crate-name {value}` is not a valid package name: use ASCII letters, digits, `-` and `_`, starting with a letter, at most 64 characters, and not a Rust keyword or `std`, `core`, `alloc`, `proc_macro` or `test`");
                            }
                            options.crate_name = Some((*value).to_owned())
                        }
                        "--profile" => {
                            options.profile =
                                Some(value.parse().map_err(|e: String| anyhow::anyhow!(e))?)
                        }
                        _ => options.tags.push((*value).to_owned()),
                    }
                }
                other => bail!(
                    "unknown argument `{other}`; expected --check, --spec FILE, --tag TAG, --all-tags, --out DIR, --crate-name NAME, --profile generic|genesys or --skip-unsupported"
                ),
            }
        }
        if options.all_tags && !options.tags.is_empty() {
            bail!("give either `--all-tags` or `--tag`, not both");
        }
        if options.spec.is_some() && options.out.is_none() {
            bail!("`--spec` needs `--out DIR`: the configured crates' folders belong to their own specs");
        }
        if options.spec.is_none() && (options.crate_name.is_some() || options.profile.is_some()) {
            bail!("`--crate-name` and `--profile` go with `--spec`; the configured crates take theirs from their settings");
        }
        Ok((mode, options))
    }
}

/// The crates `cargo xtask codegen` keeps up to date, by their settings:
/// the client, and the feature crate that compiles and tests every
/// construct the generator supports.
pub const CONFIGS: [&str; 2] = [
    generator::config::CONFIG_PATH,
    "generator/features/codegen.yaml",
];

pub fn run_with(root: &Path, mode: Mode, options: &Options) -> anyhow::Result<()> {
    if let Some(spec) = &options.spec {
        return run_spec(root, spec, mode, options);
    }
    let defaults = options.spec.is_none()
        && options.out.is_none()
        && options.tags.is_empty()
        && !options.all_tags;
    if defaults {
        let mut failures = Vec::new();
        for path in CONFIGS {
            if let Err(e) = run_config(root, Path::new(path), mode, options) {
                failures.push(format!("{e:#}"));
            }
        }
        if failures.is_empty() {
            return Ok(());
        }
        bail!("{}", failures.join("\n"));
    }
    run_config(
        root,
        Path::new(generator::config::CONFIG_PATH),
        mode,
        options,
    )
}

/// A run on a spec given on the command line. Nothing of the configured
/// crates applies: the crate's name, description and profile come from the
/// options and the spec itself. Without `--tag`, every tag is generated.
fn run_spec(root: &Path, path: &Path, mode: Mode, options: &Options) -> anyhow::Result<()> {
    let (spec, swagger2) = load_spec(path)?;
    let available = all_tags(&spec);
    // A tag no operation carries is a mistake in the command, which
    // `--skip-unsupported` can't mend: it is refused before generating.
    if let Some(tag) = options.tags.iter().find(|t| !available.contains(t)) {
        bail!(
            "{}: no operation carries the tag `{tag}` given with `--tag`; {}",
            path.display(),
            tags_to_choose_from(&available)
        );
    }
    let tags = if options.tags.is_empty() {
        available
    } else {
        options.tags.clone()
    };
    if tags.is_empty() {
        bail!("{}: the spec has no operations", path.display());
    }
    let config = Config {
        spec: path.to_owned(),
        tags,
        output: options.out.clone().unwrap_or_default(),
        krate: CrateConfig::for_spec(&spec.info, options.crate_name.as_deref()),
        skip_unsupported: options.skip_unsupported,
        profile: options.profile.unwrap_or_else(|| Profile::detect(&spec)),
    };
    // Only problems found in generating: a spec that doesn't read is
    // refused with or without the flag.
    let output =
        generate_loaded(path, spec, swagger2, &config).map_err(|e| with_skip_hint(e, options))?;
    finish(root, &config, mode, output, false)
}

/// Runs the pipeline on a spec [`load_spec`] read; `swagger2` says whether
/// it was converted from Swagger 2.0, whose diagnostics are pointed back
/// into the Swagger file.
fn generate_loaded(
    path: &Path,
    spec: openapiv3::OpenAPI,
    swagger2: bool,
    config: &Config,
) -> anyhow::Result<generator::Output> {
    // The text is read again only to name lines, once the run is over, so
    // it isn't held through the run. Pointers into a converted Swagger file
    // are pointed back into it.
    let text = || fs::read_to_string(path).ok();
    let locate = |text: &str, diagnostics: &mut [generator::Diagnostic]| {
        if swagger2 {
            generator::import::locate_in_swagger(text, diagnostics);
        }
        generator::locate::add_lines(text, diagnostics);
    };
    match generator::generate_owned(path, spec, config) {
        Err(mut e) => {
            if let (Some(text), generator::Error::Spec { diagnostics, .. }) = (text(), &mut e) {
                locate(&text, diagnostics);
            }
            Err(e.into())
        }
        Ok(mut output) => {
            if !output.warnings.is_empty() {
                if let Some(text) = text() {
                    locate(&text, &mut output.warnings);
                }
            }
            Ok(output)
        }
    }
}

/// A refusal of problems in the spec, followed by what
/// `--skip-unsupported` would do about them, which a user meeting the
/// refusal has no other way to learn of.
fn with_skip_hint(error: anyhow::Error, options: &Options) -> anyhow::Error {
    let count = error
        .downcast_ref::<generator::Error>()
        .map_or(0, |e| e.diagnostics().len());
    if options.skip_unsupported || count == 0 {
        return error;
    }
    let problems = match count {
        1 => "this problem touches".to_owned(),
        n => format!("these {n} problems touch"),
    };
    anyhow::anyhow!(
        "{error:#}\nnothing was written; with `--skip-unsupported`, codegen leaves out the \
         operations and schemas that {problems}, with a warning naming each, and \
         generates the rest"
    )
}

fn run_config(
    root: &Path,
    config_path: &Path,
    mode: Mode,
    options: &Options,
) -> anyhow::Result<()> {
    let mut config = Config::load_from(root, config_path)?;
    config.skip_unsupported |= options.skip_unsupported;
    if let Some(out) = &options.out {
        config.output = out.clone();
    }
    if !options.tags.is_empty() {
        config.tags = options.tags.clone();
    }
    let output = if options.all_tags {
        let path = root.join(&config.spec);
        let (spec, swagger2) = load_spec(&path)?;
        config.tags = all_tags(&spec);
        generate_loaded(&path, spec, swagger2, &config)?
    } else {
        generator::generate(root, &config)?
    };
    let committed = options.out.is_none() && options.tags.is_empty() && !options.all_tags;
    finish(root, &config, mode, output, committed)
}

/// Reports the warnings, then writes or checks the rendered files.
/// `committed` says that the output is a configured crate's committed
/// folder, generated from its own spec: only then is the change of its
/// API since the last commit worth a line.
fn finish(
    root: &Path,
    config: &Config,
    mode: Mode,
    output: generator::Output,
    committed: bool,
) -> anyhow::Result<()> {
    for warning in &output.warnings {
        eprintln!("warning: {}", warning.at(&config.spec));
    }
    let out_dir = root.join(&config.output);
    let stage = timing::stage("compare with disk");
    let plan = plan(&out_dir, &output.files)?;
    drop(stage);
    let counts = format!(
        "{}, {}",
        counted(output.api.operation_count(), "operation"),
        counted(output.api.types.len(), "type")
    );
    match mode {
        Mode::Check => {
            if plan.is_clean() {
                println!(
                    "codegen --check: {} is up to date ({counts}, {} files)",
                    config.output.display(),
                    output.files.len()
                );
                return Ok(());
            }
            let fix = if committed {
                "run `cargo xtask codegen` to regenerate, and commit the result"
            } else {
                "run the same `cargo xtask codegen` command without `--check` to regenerate"
            };
            bail!("{}", plan.report(&config.output, &config.spec, fix));
        }
        Mode::Write => {
            let stage = timing::stage("write");
            apply(&out_dir, &plan)?;
            drop(stage);
            println!(
                "codegen: {counts}; {} files written, {} unchanged, {} removed in {}",
                plan.writes.len(),
                plan.unchanged,
                plan.removals.len(),
                config.output.display()
            );
            if committed && !plan.is_clean() {
                if let Some(summary) = api_change_since_head(root, config, &output.api) {
                    println!("codegen: API changes since the committed spec: {summary} (`cargo xtask spec diff` lists them)");
                }
            }
            Ok(())
        }
    }
}

/// What the spec's change since the last commit does to the crate's API,
/// in one line, or `None` when it changes nothing (or there is no
/// committed spec to compare with: no git, a new file, a spec that did not
/// lower).
///
/// The old side is the spec as committed at `HEAD`, lowered by this
/// generator with the same settings; nothing is stored beside the output.
/// The committed output was generated from exactly that spec (CI's
/// `codegen --check` fails otherwise), so the diff is the one between the
/// committed output's API and the new one, as far as the spec decides it;
/// a change of the generator itself is not the spec's and is left to the
/// diff of `generated/`. It costs one more load and lower, from text that
/// git already has, and gives the same line on every machine.
fn api_change_since_head(root: &Path, config: &Config, new: &generator::ir::Api) -> Option<String> {
    let relative = config.spec.to_str()?.replace('\\', "/");
    let shown = std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["show", &format!("HEAD:{relative}")])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !shown.status.success() {
        return None;
    }
    let text = String::from_utf8(shown.stdout).ok()?;
    let spec = generator::load::parse(&config.spec, &text).ok()?;
    let (old, _) = generator::lower_selected(
        &config.spec,
        &spec,
        &config.tags,
        config.skip_unsupported,
        config.profile,
    )
    .ok()?;
    let diff = generator::diff::diff(&old, new);
    (!diff.is_empty()).then(|| diff.summary())
}

/// Reads an OpenAPI 3.0 document, or a Swagger 2.0 one through the import
/// (every tag kept; the selection happens in codegen). JSON goes through
/// `serde_json` (several times faster than YAML on the multi-megabyte
/// platform spec); a Swagger document is converted in memory.
pub(crate) fn load_any(path: &Path) -> anyhow::Result<openapiv3::OpenAPI> {
    load_spec(path).map(|(spec, _)| spec)
}

/// [`load_any`], and whether the file is Swagger 2.0 (converted on the way).
fn load_spec(path: &Path) -> anyhow::Result<(openapiv3::OpenAPI, bool)> {
    let stage = timing::stage("read and parse");
    let text =
        fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let doc = generator::import::parse(path, &text)?;
    drop(stage);
    generator::import::check_version(path, &doc).map_err(|e| e.with_lines(&text))?;
    let swagger = generator::import::is_swagger2(&doc);
    if !swagger && !text.trim_start().starts_with('{') {
        // YAML: the text is small enough to keep, and gives each
        // structural error its line.
        let _stage = timing::stage("into openapiv3 types");
        let spec = generator::load::from_json(path, doc).map_err(|e| e.with_lines(&text))?;
        return Ok((spec, false));
    }
    drop(text);
    let doc = if swagger {
        let stage = timing::stage("convert Swagger 2.0");
        let (converted, warnings) = match generator::import::convert(path, &doc, &[]) {
            Ok(converted) => converted,
            // The text was let go for the conversion; it is read again only
            // to give each problem its line.
            Err(e) => match fs::read_to_string(path) {
                Ok(text) => return Err(e.with_lines(&text).into()),
                Err(_) => return Err(e.into()),
            },
        };
        drop(doc);
        drop(stage);
        // What changes the requests is shown, each with its line; the
        // rest (read as Swagger 2.0 tools read it) is counted.
        let (shown, counted): (Vec<_>, Vec<_>) = warnings
            .into_iter()
            .partition(|w| w.kind.changes_requests());
        if !shown.is_empty() {
            let mut shown: Vec<generator::Diagnostic> = shown
                .into_iter()
                .map(|w| generator::Diagnostic::new(w.pointer, w.message))
                .collect();
            if let Ok(text) = fs::read_to_string(path) {
                generator::locate::add_lines(&text, &mut shown);
            }
            for warning in &shown {
                eprintln!("warning: {}", warning.at(path));
            }
        }
        if !counted.is_empty() {
            eprintln!(
                "codegen: {} upstream quirks repaired on import (`cargo xtask spec import {} --verbose --out FILE` lists them)",
                counted.len(),
                path.display()
            );
        }
        converted
    } else {
        doc
    };
    let _stage = timing::stage("into openapiv3 types");
    match generator::load::from_json(path, doc) {
        Ok(spec) => Ok((spec, swagger)),
        // The text was let go to keep the peak low; it is read again only
        // to give each problem its line.
        Err(e) => match fs::read_to_string(path) {
            Ok(text) => Err(e.with_lines(&text).into()),
            Err(_) => Err(e.into()),
        },
    }
}

/// Every tag the spec's operations carry: the declared order first, then
/// the rest in the order they appear, and last the group of operations
/// without a tag ([`generator::select::UNTAGGED_GROUP`]) if there are any.
pub(crate) fn all_tags(spec: &openapiv3::OpenAPI) -> Vec<String> {
    let mut used: Vec<String> = Vec::new();
    for (_, _, op) in spec.operations() {
        for tag in &op.tags {
            if !used.contains(tag) {
                used.push(tag.clone());
            }
        }
    }
    let mut tags: Vec<String> = spec
        .tags
        .iter()
        .map(|t| t.name.clone())
        .filter(|t| used.contains(t))
        .collect();
    for tag in used {
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    let untagged = generator::select::UNTAGGED_GROUP;
    if spec.operations().any(|(_, _, op)| op.tags.is_empty()) && !tags.iter().any(|t| t == untagged)
    {
        tags.push(untagged.to_owned());
    }
    tags
}

/// The tags a `--tag` may name, as a clause: `the spec's tags are `a`, `b``.
fn tags_to_choose_from(available: &[String]) -> String {
    let untagged = generator::select::UNTAGGED_GROUP;
    let listed: Vec<String> = available
        .iter()
        .map(|t| {
            if t == untagged {
                format!("`{t}` (the operations without tags)")
            } else {
                format!("`{t}`")
            }
        })
        .collect();
    match listed.len() {
        0 => "the spec has no operations".to_owned(),
        1 => format!("the one tag to choose is {}", listed[0]),
        _ => format!("the spec's tags are {}", listed.join(", ")),
    }
}

/// A file to write, with what is on disk now (`None`: missing).
#[derive(Debug)]
pub struct Write {
    pub path: String,
    pub old: Option<String>,
    pub new: String,
}

/// How the output folder differs from the rendered files.
#[derive(Debug, Default)]
pub struct Plan {
    pub writes: Vec<Write>,
    /// Generated files on disk that codegen no longer produces.
    pub removals: Vec<String>,
    pub unchanged: usize,
}

impl Plan {
    pub fn is_clean(&self) -> bool {
        self.writes.is_empty() && self.removals.is_empty()
    }

    /// Which files are missing, stale or extra, a short diff of each, and
    /// `fix`, the command that brings `out_dir` up to date with `spec`.
    pub fn report(&self, out_dir: &Path, spec: &Path, fix: &str) -> String {
        const MAX_DIFF_LINES: usize = 40;
        let mut text = format!(
            "{} is not up to date with {}:\n",
            out_dir.display(),
            spec.display()
        );
        for w in &self.writes {
            let path = out_dir.join(&w.path);
            match &w.old {
                None => {
                    let _ = writeln!(text, "  missing: {}", path.display());
                }
                Some(old) => {
                    let _ = writeln!(text, "  stale:   {}", path.display());
                    let diff = similar::TextDiff::from_lines(old.as_str(), w.new.as_str());
                    let unified = diff
                        .unified_diff()
                        .context_radius(2)
                        .header(
                            &format!("{} (on disk)", w.path),
                            &format!("{} (generated)", w.path),
                        )
                        .to_string();
                    let lines: Vec<&str> = unified.lines().collect();
                    for line in lines.iter().take(MAX_DIFF_LINES) {
                        let _ = writeln!(text, "    {line}");
                    }
                    if lines.len() > MAX_DIFF_LINES {
                        let _ = writeln!(
                            text,
                            "    … {} more diff lines",
                            lines.len() - MAX_DIFF_LINES
                        );
                    }
                }
            }
        }
        for r in &self.removals {
            let _ = writeln!(
                text,
                "  extra:   {} (generated earlier, no longer produced)",
                out_dir.join(r).display()
            );
        }
        text.push_str(fix);
        text
    }
}

/// Compares the rendered files with `out_dir`. The folder is read once:
/// every file in it, to compare and to find the generated ones that are no
/// longer produced.
pub fn plan(out_dir: &Path, files: &[GeneratedFile]) -> anyhow::Result<Plan> {
    let mut on_disk = read_tree(out_dir)?;
    let mut plan = Plan::default();
    // A file at a path codegen generates, but without the marker, is
    // someone's own work: it is never overwritten.
    let foreign: Vec<String> = files
        .iter()
        .filter(|f| {
            on_disk
                .get(&f.path)
                .is_some_and(|old| *old != f.contents && !is_generated(old))
        })
        .map(|f| out_dir.join(&f.path).display().to_string())
        .collect();
    if !foreign.is_empty() {
        bail!(
            "codegen would overwrite files it did not generate (they lack the `{GENERATED_MARKER}` line): {}; move them away or delete them, then run codegen again; nothing was changed",
            foreign.join(", ")
        );
    }
    for file in files {
        match on_disk.remove(&file.path) {
            Some(old) if old == file.contents => plan.unchanged += 1,
            old => plan.writes.push(Write {
                path: file.path.clone(),
                old,
                new: file.contents.clone(),
            }),
        }
    }
    // What is left on disk was not rendered: ours to remove only if it
    // carries the marker.
    plan.removals = on_disk
        .into_iter()
        .filter(|(_, contents)| is_generated(contents))
        .map(|(path, _)| path)
        .collect();
    Ok(plan)
}

/// Applies a plan so that a failure changes nothing: new files are written
/// in place and deleted again if anything fails; changed files are first
/// written beside their target and only renamed into place once every
/// write has succeeded. The writes are spread over the cores (a platform
/// run writes thousands of files).
pub fn apply(out_dir: &Path, plan: &Plan) -> anyhow::Result<()> {
    let mut made_dirs: BTreeSet<PathBuf> = BTreeSet::new();
    for w in &plan.writes {
        if let Some(parent) = out_dir.join(&w.path).parent() {
            if made_dirs.insert(parent.to_path_buf()) {
                fs::create_dir_all(parent).with_context(|| {
                    format!("cannot create {}; nothing was changed", parent.display())
                })?;
            }
        }
    }
    // Each write: where it went, where it belongs if it was staged beside
    // its target, and how it went.
    let written = generator::parallel::parallel_map(&plan.writes, |w| {
        let target = out_dir.join(&w.path);
        if w.old.is_none() {
            let result = fs::write(&target, &w.new);
            return (target, None, result);
        }
        let tmp = target.with_extension(format!(
            "{}.codegen-tmp",
            target.extension().and_then(|e| e.to_str()).unwrap_or("")
        ));
        let result = fs::write(&tmp, &w.new);
        (tmp, Some(target), result)
    });
    if let Some((path, _, Err(e))) = written.iter().find(|(_, _, r)| r.is_err()) {
        let message = format!("cannot write {}: {e}; nothing was changed", path.display());
        for (path, _, result) in &written {
            if result.is_ok() {
                let _ = fs::remove_file(path);
            }
        }
        bail!(message);
    }
    for (tmp, target, _) in &written {
        if let Some(target) = target {
            fs::rename(tmp, target)
                .with_context(|| format!("cannot move {} into place", target.display()))?;
        }
    }
    for r in &plan.removals {
        let path = out_dir.join(r);
        fs::remove_file(&path).with_context(|| format!("cannot remove {}", path.display()))?;
    }
    Ok(())
}

/// Every file under `dir` by its `/`-separated relative path, with its
/// contents. Hidden folders and `target` are skipped; so are files that
/// are not UTF-8, which codegen never writes.
fn read_tree(dir: &Path) -> anyhow::Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        let entries = match fs::read_dir(&current) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e).with_context(|| format!("cannot list {}", current.display())),
        };
        for entry in entries {
            let entry = entry?;
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if entry.file_type()?.is_dir() {
                if !name.starts_with('.') && name != "target" {
                    stack.push(path);
                }
                continue;
            }
            let Ok(contents) = fs::read_to_string(&path) else {
                continue;
            };
            let relative = path.strip_prefix(dir).unwrap_or(&path);
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.insert(parts.join("/"), contents);
        }
    }
    Ok(out)
}

/// Whether a file's first lines carry the generated marker.
fn is_generated(contents: &str) -> bool {
    contents
        .lines()
        .take(3)
        .any(|line| line.contains(GENERATED_MARKER))
}

/// `1 operation`, `2 operations`.
fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, contents: &str) -> GeneratedFile {
        GeneratedFile::new(path, contents.to_owned())
    }

    fn marked(body: &str) -> String {
        format!("// {GENERATED_MARKER}\n{body}")
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-codegen-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn generated_crates_are_fresh() {
        // The same comparison as `cargo xtask codegen --check`: fails when
        // someone edited generated code or forgot to regenerate.
        let root = crate::repo_root();
        for path in CONFIGS {
            let config = Config::load_from(&root, Path::new(path)).unwrap();
            let output = generator::generate(&root, &config).unwrap();
            let plan = plan(&root.join(&config.output), &output.files).unwrap();
            assert!(
                plan.is_clean(),
                "{}",
                plan.report(&config.output, &config.spec, "regenerate")
            );
        }
    }

    #[test]
    fn a_refusal_says_what_skip_unsupported_would_do_and_writes_nothing() {
        let dir = temp_dir("refusal");
        let spec = dir.join("not.yaml");
        fs::write(
            &spec,
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      \
             operationId: a\n      responses:\n        '200':\n          description: ok\n          \
             content:\n            application/json:\n              schema: {not: {type: string}}\n",
        )
        .unwrap();
        let out = dir.join("out");
        let mut options = Options {
            spec: Some(spec),
            out: Some(out.clone()),
            ..Options::default()
        };
        let refused = run_with(&dir, Mode::Write, &options)
            .unwrap_err()
            .to_string();
        assert!(refused.contains("`not` is not supported"), "{refused}");
        assert!(
            refused.ends_with(
                "nothing was written; with `--skip-unsupported`, codegen leaves out the \
                 operations and schemas that this problem touches, with a warning naming each, \
                 and generates the rest"
            ),
            "{refused}"
        );
        assert!(!out.exists());
        options.skip_unsupported = true;
        run_with(&dir, Mode::Write, &options).unwrap();
        assert!(out.join("Cargo.toml").exists());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_tag_no_operation_carries_is_refused_with_the_tags_to_choose_from() {
        let dir = temp_dir("unknown-tag");
        let spec = dir.join("untagged.yaml");
        fs::write(
            &spec,
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      \
             responses:\n        '204':\n          description: ok\n",
        )
        .unwrap();
        let out = dir.join("out");
        let options = Options {
            spec: Some(spec.clone()),
            out: Some(out.clone()),
            tags: vec!["Nope".to_owned()],
            ..Options::default()
        };
        let refused = run_with(&dir, Mode::Write, &options)
            .unwrap_err()
            .to_string();
        assert_eq!(
            refused,
            format!(
                "{}: no operation carries the tag `Nope` given with `--tag`; the one tag to \
                 choose is `default` (the operations without tags)",
                spec.display()
            )
        );
        assert!(!out.exists());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn write_touches_only_changed_files_and_removes_only_generated_ones() {
        let dir = temp_dir("write");
        fs::create_dir_all(dir.join("src")).unwrap();
        fs::write(dir.join("src/same.rs"), marked("same")).unwrap();
        fs::write(dir.join("src/old.rs"), marked("old")).unwrap();
        fs::write(dir.join("src/stale.rs"), marked("before")).unwrap();
        fs::write(dir.join("src/hand_written.rs"), "// mine\n").unwrap();
        let files = [
            file("src/same.rs", &marked("same")),
            file("src/stale.rs", &marked("after")),
            file("src/new.rs", &marked("new")),
        ];
        let p = plan(&dir, &files).unwrap();
        assert_eq!(p.unchanged, 1);
        let written: Vec<&str> = p.writes.iter().map(|w| w.path.as_str()).collect();
        assert_eq!(written, ["src/stale.rs", "src/new.rs"]);
        assert_eq!(p.removals, ["src/old.rs"]);
        apply(&dir, &p).unwrap();
        assert_eq!(
            fs::read_to_string(dir.join("src/stale.rs")).unwrap(),
            marked("after")
        );
        assert!(!dir.join("src/old.rs").exists());
        assert_eq!(
            fs::read_to_string(dir.join("src/hand_written.rs")).unwrap(),
            "// mine\n"
        );
        assert!(plan(&dir, &files).unwrap().is_clean());
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_hand_written_file_where_a_generated_one_goes_is_never_overwritten() {
        let dir = temp_dir("foreign");
        fs::create_dir_all(dir.join("src")).unwrap();
        fs::write(dir.join("src/lib.rs"), "// my own lib\n").unwrap();
        let files = [
            file("src/lib.rs", &marked("generated")),
            file("src/new.rs", &marked("new")),
        ];
        let err = plan(&dir, &files).unwrap_err().to_string();
        assert!(err.contains("src/lib.rs"), "{err}");
        assert!(err.ends_with("nothing was changed"), "{err}");
        assert_eq!(
            fs::read_to_string(dir.join("src/lib.rs")).unwrap(),
            "// my own lib\n"
        );
        assert!(!dir.join("src/new.rs").exists());
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_failed_write_leaves_every_file_as_it_was() {
        let dir = temp_dir("failed-write");
        fs::create_dir_all(dir.join("src/blocked.rs")).unwrap();
        fs::write(dir.join("src/stale.rs"), marked("before")).unwrap();
        let mut files = vec![file("src/stale.rs", &marked("after"))];
        // Enough new files that both cores write some before the failure.
        for i in 0..50 {
            files.push(file(&format!("src/new_{i}.rs"), &marked("new")));
        }
        // A folder stands where this file goes, so writing it fails.
        files.push(file("src/blocked.rs", &marked("x")));
        let before = snapshot_dir(&dir);
        let p = plan(&dir, &files).unwrap();
        let err = apply(&dir, &p).unwrap_err().to_string();
        assert!(err.contains("src/blocked.rs"), "{err}");
        assert!(err.ends_with("nothing was changed"), "{err}");
        assert_eq!(snapshot_dir(&dir), before);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn check_report_names_each_file_with_a_diff_and_the_fix() {
        let dir = temp_dir("check");
        fs::write(dir.join("a.rs"), marked("one\ntwo\n")).unwrap();
        fs::write(dir.join("gone.rs"), marked("x")).unwrap();
        let files = [
            file("a.rs", &marked("one\nTWO\n")),
            file("b.rs", &marked("b")),
        ];
        let fix = "run `cargo xtask codegen` to regenerate, and commit the result";
        let report = plan(&dir, &files).unwrap().report(
            Path::new("generated"),
            Path::new("spec/codegen.yaml"),
            fix,
        );
        assert!(
            report.starts_with("generated is not up to date with spec/codegen.yaml:"),
            "{report}"
        );
        assert!(report.contains("stale:   generated/a.rs"), "{report}");
        assert!(
            report.contains("-two") && report.contains("+TWO"),
            "{report}"
        );
        assert!(report.contains("missing: generated/b.rs"), "{report}");
        assert!(report.contains("extra:   generated/gone.rs"), "{report}");
        assert!(report.ends_with(fix), "{report}");
        let _ = fs::remove_dir_all(&dir);
    }

    /// A copy of the repository's settings and spec in a temporary root,
    /// with `spec_edit` applied to the spec.
    fn temp_repo(name: &str, spec_edit: impl Fn(String) -> String) -> PathBuf {
        let root = temp_dir(name);
        let real = crate::repo_root();
        fs::create_dir_all(root.join("spec")).unwrap();
        fs::copy(
            real.join("spec/codegen.yaml"),
            root.join("spec/codegen.yaml"),
        )
        .unwrap();
        fs::copy(real.join("LICENSE"), root.join("LICENSE")).unwrap();
        let spec = fs::read_to_string(real.join("spec/purecloud-oauth.yaml")).unwrap();
        fs::write(root.join("spec/purecloud-oauth.yaml"), spec_edit(spec)).unwrap();
        root
    }

    fn snapshot_dir(dir: &Path) -> Vec<(String, String)> {
        let mut files = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for entry in fs::read_dir(&d).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    files.push((
                        path.display().to_string(),
                        fs::read_to_string(&path).unwrap(),
                    ));
                }
            }
        }
        files.sort();
        files
    }

    #[test]
    fn a_broken_ref_fails_with_its_pointer_and_leaves_the_output_untouched() {
        let root = temp_repo("broken-ref", |spec| {
            spec.replacen(
                "$ref: '#/components/schemas/OAuthScopeListing'",
                "$ref: '#/components/schemas/Missing'",
                1,
            )
        });
        fs::create_dir_all(root.join("generated/src")).unwrap();
        fs::write(root.join("generated/src/lib.rs"), marked("old")).unwrap();
        fs::write(root.join("generated/src/stale_model.rs"), marked("old")).unwrap();
        let before = snapshot_dir(&root.join("generated"));

        let err = run_config(
            &root,
            Path::new(generator::config::CONFIG_PATH),
            Mode::Write,
            &Options::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("spec/purecloud-oauth.yaml#/paths/~1api~1v2~1oauth~1scopes/get/responses/200/content/application~1json/schema"),
            "{err}"
        );
        assert_eq!(snapshot_dir(&root.join("generated")), before);
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn the_summary_compares_with_the_spec_committed_at_head() {
        let root = temp_repo("since-head", |spec| spec);
        let git = |args: &[&str]| {
            let status = std::process::Command::new("git")
                .arg("-C")
                .arg(&root)
                .args([
                    "-c",
                    "user.name=codegen",
                    "-c",
                    "user.email=codegen@example.invalid",
                ])
                .args(args)
                .output()
                .unwrap();
            assert!(status.status.success(), "git {args:?}: {status:?}");
        };
        let config = Config::load(&root).unwrap();
        let api = |root: &Path| generator::generate(root, &config).unwrap().api;
        // No repository: nothing to compare with.
        assert_eq!(api_change_since_head(&root, &config, &api(&root)), None);
        git(&["init", "-q"]);
        git(&["add", "spec"]);
        git(&["commit", "-q", "-m", "spec"]);
        assert_eq!(api_change_since_head(&root, &config, &api(&root)), None);

        // The property `description` leaves OAuthClient (and its request).
        let spec_path = root.join("spec/purecloud-oauth.yaml");
        let spec = fs::read_to_string(&spec_path).unwrap();
        fs::write(
            &spec_path,
            spec.replacen("        description:\n          type: string\n", "", 2),
        )
        .unwrap();
        let summary = api_change_since_head(&root, &config, &api(&root)).unwrap();
        assert_eq!(
            summary,
            "2 breaking, 0 additive changes (properties: 2 removed)"
        );
        let _ = fs::remove_dir_all(&root);
    }

    #[test]
    fn check_fails_naming_a_generated_file_that_was_edited_by_hand() {
        let root = temp_repo("edited", |spec| spec);
        run_config(
            &root,
            Path::new(generator::config::CONFIG_PATH),
            Mode::Write,
            &Options::default(),
        )
        .unwrap();
        run_config(
            &root,
            Path::new(generator::config::CONFIG_PATH),
            Mode::Check,
            &Options::default(),
        )
        .unwrap();
        let edited = root.join("generated/src/models/oauth_client.rs");
        let text = fs::read_to_string(&edited).unwrap();
        fs::write(
            &edited,
            text.replacen("pub name: String =>", "pub name: Strin =>", 1),
        )
        .unwrap();

        let err = run_config(
            &root,
            Path::new(generator::config::CONFIG_PATH),
            Mode::Check,
            &Options::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("stale:   generated/src/models/oauth_client.rs"),
            "{err}"
        );
        assert!(
            err.contains("-        pub name: Strin =>")
                && err.contains("+        pub name: String =>"),
            "{err}"
        );
        assert!(err.contains("run `cargo xtask codegen`"), "{err}");
        // --check wrote nothing.
        assert!(fs::read_to_string(&edited).unwrap().contains("Strin =>"));
        let _ = fs::remove_dir_all(&root);
    }
}
