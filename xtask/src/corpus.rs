//! `cargo xtask corpus [NAME…] [--jobs N] [--doc]`: the generator on every
//! public spec of `xtask/corpus/` (listed with its source and licence in
//! `manifest.tsv`), then one `cargo check` over every crate it generated.
//!
//! The bar for each spec: its crate compiles, or codegen refuses it with a
//! file, a JSON pointer and a reason; never a panic. A spec refused as a
//! whole is tried again with `--skip-unsupported`, which leaves out what
//! can't be generated with a warning naming it; that crate is the one
//! compiled. `--doc` adds what a user's CI runs: `cargo clippy -D
//! warnings`, `cargo doc -D warnings` and the doc tests.
//!
//! The run fails on a panic and on a generated crate that doesn't compile
//! (or, with `--doc`, doesn't pass clippy, document or pass its doc
//! tests), except for
//! specs listed in `xtask/corpus/known-failures.txt` with a reason.

use anyhow::{bail, Context};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::Instant;

use crate::batch::{self, Generated, Generation, Job, Member, Outcome};

const CORPUS_DIR: &str = "xtask/corpus";
const OUT_DIR: &str = "target/corpus";

/// A spec of the corpus, from the manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    name: String,
    file: String,
}

/// A spec and how far it got.
struct Spec {
    entry: Entry,
    /// Operations in the spec (every method of every path).
    operations: Option<usize>,
    /// The plain run.
    plain: Generation,
    /// The `--skip-unsupported` run, when the plain one refused.
    skipping: Option<Generation>,
    check: Option<Outcome>,
    clippy: Option<Outcome>,
    doc: Option<Outcome>,
    doctest: Option<Outcome>,
}

impl Spec {
    fn package(&self) -> String {
        format!("corpus-{}", self.entry.name)
    }

    /// The run whose crate is compiled, if one generated.
    fn generated(&self) -> Option<&Generation> {
        if self.plain.ok() {
            return Some(&self.plain);
        }
        self.skipping.as_ref().filter(|g| g.ok())
    }

    fn panicked(&self) -> Option<&str> {
        [Some(&self.plain), self.skipping.as_ref()]
            .into_iter()
            .flatten()
            .find_map(|g| match &g.status {
                Generated::Panicked(e) => Some(e.as_str()),
                _ => None,
            })
    }

    fn compiled(&self) -> bool {
        self.check.as_ref().is_some_and(Outcome::passed)
    }

    /// A failure that fails the run: a panic, or a generated crate that
    /// fails a step.
    fn failure(&self) -> Option<String> {
        if let Some(panic) = self.panicked() {
            return Some(format!("codegen PANICKED: {panic}"));
        }
        [
            ("check", &self.check),
            ("clippy", &self.clippy),
            ("doc", &self.doc),
            ("doctest", &self.doctest),
        ]
        .into_iter()
        .find_map(|(step, outcome)| Some(format!("{step}: {}", outcome.as_ref()?.error()?)))
    }
}

pub fn run(root: &Path, args: &[&str]) -> anyhow::Result<()> {
    let started = Instant::now();
    let (jobs, rest) = batch::take_jobs(args)?;
    let docs = rest.contains(&"--doc");
    let names: Vec<&str> = rest.into_iter().filter(|a| *a != "--doc").collect();
    if let Some(flag) = names.iter().find(|n| n.starts_with('-')) {
        bail!("unknown option `{flag}`; usage: cargo xtask corpus [NAME…] [--jobs N] [--doc]");
    }
    let corpus = root.join(CORPUS_DIR);
    let entries = read_manifest(&corpus)?;
    let all: Vec<String> = entries.iter().map(|e| e.name.clone()).collect();
    let known = batch::read_known_failures(&corpus.join("known-failures.txt"), &all)?;
    let selected: Vec<Entry> = if names.is_empty() {
        entries
    } else {
        for name in &names {
            if !all.iter().any(|n| n == name) {
                bail!("no spec `{name}` in {CORPUS_DIR}/manifest.tsv");
            }
        }
        entries
            .into_iter()
            .filter(|e| names.contains(&e.name.as_str()))
            .collect()
    };

    let out_root = root.join(OUT_DIR);
    let log_dir = out_root.join(".logs");
    fs::create_dir_all(&log_dir)?;
    let xtask = std::env::current_exe().context("cannot find the xtask binary")?;

    // 1. Generate: plain first, then `--skip-unsupported` for the refused.
    let phase = Instant::now();
    let job = |entry: &Entry, extra: &[&str]| Job {
        name: if extra.is_empty() {
            entry.name.clone()
        } else {
            format!("{}.skip", entry.name)
        },
        spec: Path::new(CORPUS_DIR).join("specs").join(&entry.file),
        out: out_root.join(&entry.name),
        crate_name: format!("corpus-{}", entry.name),
        extra: extra.iter().map(|s| (*s).to_owned()).collect(),
    };
    let plain_jobs: Vec<Job> = selected.iter().map(|e| job(e, &[])).collect();
    let plain = batch::parallel(&plain_jobs, jobs, |j| {
        batch::generate(&xtask, root, &log_dir, j)
    });
    let retry: Vec<(usize, Job)> = selected
        .iter()
        .enumerate()
        .filter(|(i, _)| matches!(plain[*i].status, Generated::Refused(_)))
        .map(|(i, e)| (i, job(e, &["--skip-unsupported"])))
        .collect();
    let retried = batch::parallel(&retry, jobs, |(_, j)| {
        batch::generate(&xtask, root, &log_dir, j)
    });
    let mut skipping: BTreeMap<usize, Generation> =
        retry.iter().map(|(i, _)| *i).zip(retried).collect();
    let mut specs: Vec<Spec> = selected
        .into_iter()
        .zip(plain)
        .enumerate()
        .map(|(i, (entry, plain))| Spec {
            operations: count_operations(&corpus.join("specs").join(&entry.file)),
            entry,
            plain,
            skipping: skipping.remove(&i),
            check: None,
            doc: None,
            clippy: None,
            doctest: None,
        })
        .collect();
    eprintln!(
        "corpus: generated {} specs in {:.1} s (per-spec logs in {OUT_DIR}/.logs)",
        specs.len(),
        phase.elapsed().as_secs_f64()
    );

    // 2. One workspace over every generated crate, one `cargo check`.
    let members: Vec<&str> = specs
        .iter()
        .filter(|s| s.generated().is_some())
        .map(|s| s.entry.name.as_str())
        .collect();
    batch::write_workspace(root, &out_root, &members, "cargo xtask corpus")?;
    let target = batch::target_dir(root);
    let member = |s: &Spec| Member {
        package: s.package(),
        dir: out_root.join(&s.entry.name),
    };
    let generated: Vec<Member> = specs
        .iter()
        .filter(|s| s.generated().is_some())
        .map(member)
        .collect();
    let phase = Instant::now();
    let check = batch::cargo_json(&out_root, &target, &generated, &["check"], &[], &[], jobs)?;
    eprintln!(
        "corpus: cargo check of {} crates in {:.1} s",
        generated.len(),
        phase.elapsed().as_secs_f64()
    );
    for spec in &mut specs {
        spec.check = check.get(&spec.package()).cloned();
    }

    if docs {
        let compiled: Vec<Member> = specs.iter().filter(|s| s.compiled()).map(member).collect();
        let phase = Instant::now();
        // As a user's CI would: lints denied, as the README promises.
        let clippy = batch::cargo_json(
            &out_root,
            &target,
            &compiled,
            &["clippy"],
            &["-D", "warnings"],
            &[],
            jobs,
        )?;
        let doc = batch::cargo_json(
            &out_root,
            &target,
            &compiled,
            &["doc", "--no-deps"],
            &[],
            &[("RUSTDOCFLAGS", "-D warnings")],
            jobs,
        )?;
        let doctests = batch::doc_tests(&out_root, &target, &compiled, jobs)?;
        for spec in specs.iter_mut().filter(|s| s.compiled()) {
            spec.clippy = clippy.get(&spec.package()).cloned();
            spec.doc = doc.get(&spec.package()).cloned();
            spec.doctest = doctests.get(&spec.package()).cloned();
        }
        eprintln!(
            "corpus: cargo clippy, cargo doc and doc tests of {} crates in {:.1} s",
            compiled.len(),
            phase.elapsed().as_secs_f64()
        );
    }

    report(&specs, &known, docs, started)
}

fn report(
    specs: &[Spec],
    known: &BTreeMap<String, String>,
    docs: bool,
    started: Instant,
) -> anyhow::Result<()> {
    let mut rows = Vec::new();
    let mut failed = Vec::new();
    let mut stale = Vec::new();
    let mut known_failing = 0;
    let (mut generated, mut skipped, mut refused, mut panicked, mut compiled) = (0, 0, 0, 0, 0);
    for spec in specs {
        let generation = if spec.panicked().is_some() {
            panicked += 1;
            "PANIC".to_owned()
        } else if spec.plain.ok() {
            generated += 1;
            "yes".to_owned()
        } else if let Some(g) = spec.generated() {
            skipped += 1;
            let left_out = g.operations.map_or(String::new(), |n| {
                spec.operations.map_or(String::new(), |all| {
                    format!(", {} ops left out", all.saturating_sub(n))
                })
            });
            format!("skipping{left_out}")
        } else {
            refused += 1;
            "REFUSED".to_owned()
        };
        if spec.compiled() {
            compiled += 1;
        }
        let cell = |o: &Option<Outcome>| o.as_ref().map_or("-".to_owned(), Outcome::cell);
        // What to read first: the failure, else the refusal (which
        // stands even where --skip-unsupported then generated).
        let failure = spec.failure();
        let refusal = match &spec.plain.status {
            Generated::Refused(e) => Some(format!("refused: {}", short_path(e))),
            _ => None,
        };
        let status = match (&failure, known.get(&spec.entry.name)) {
            (Some(_), Some(reason)) => {
                known_failing += 1;
                format!("known failure ({reason}): ")
            }
            (Some(_), None) => {
                failed.push(spec.entry.name.clone());
                String::new()
            }
            (None, Some(_)) => {
                stale.push(spec.entry.name.clone());
                "passes: remove it from known-failures.txt; ".to_owned()
            }
            (None, None) => String::new(),
        };
        let warnings = spec.generated().map_or(0, |g| g.warnings.len());
        let mut row = vec![
            spec.entry.name.clone(),
            spec.operations.map_or("?".to_owned(), |n| n.to_string()),
            generation,
            warnings.to_string(),
            cell(&spec.check),
        ];
        if docs {
            row.push(cell(&spec.clippy));
            row.push(cell(&spec.doc));
            row.push(cell(&spec.doctest));
        }
        row.push(format!(
            "{status}{}",
            batch::clip(&failure.or(refusal).unwrap_or_default(), 170)
        ));
        rows.push(row);
    }
    let mut header = vec!["spec", "ops", "generated", "warnings", "compiles"];
    if docs {
        header.extend(["clippy", "doc", "doctest"]);
    }
    header.push("first diagnostic");
    println!("{}", batch::table(&header, &rows));
    println!(
        "corpus: {} specs: {generated} generated, {skipped} generated with --skip-unsupported, {refused} refused, {panicked} panicked; {compiled} compile; {} failures, {known_failing} of them known ({:.0} s)",
        specs.len(),
        failed.len() + known_failing,
        started.elapsed().as_secs_f64()
    );
    if failed.is_empty() && stale.is_empty() {
        return Ok(());
    }
    let mut problems = Vec::new();
    if !failed.is_empty() {
        problems.push(format!("failed: {}", failed.join(", ")));
    }
    if !stale.is_empty() {
        problems.push(format!(
            "pass but are still listed in {CORPUS_DIR}/known-failures.txt: {} (remove their lines)",
            stale.join(", ")
        ));
    }
    bail!("corpus {}", problems.join("; "))
}

/// Diagnostics name the spec by its path; the table names it already.
fn short_path(error: &str) -> String {
    let error = error.strip_prefix("error: ").unwrap_or(error);
    match error.find(&format!("{CORPUS_DIR}/specs/")) {
        Some(at) => error[at + CORPUS_DIR.len() + "/specs/".len()..].to_owned(),
        None => error.to_owned(),
    }
}

/// Operations in a spec: every HTTP method under every path (Swagger 2.0
/// and OpenAPI 3.0 alike). `None` when the file doesn't parse.
fn count_operations(path: &Path) -> Option<usize> {
    const METHODS: [&str; 8] = [
        "get", "put", "post", "delete", "options", "head", "patch", "trace",
    ];
    let text = fs::read_to_string(path).ok()?;
    let doc = generator::import::parse(path, &text).ok()?;
    let paths = doc.get("paths")?.as_object()?;
    Some(
        paths
            .values()
            .filter_map(|item| item.as_object())
            .map(|item| {
                item.keys()
                    .filter(|k| METHODS.contains(&k.as_str()))
                    .count()
            })
            .sum(),
    )
}

/// The manifest: `name<TAB>file<TAB>source<TAB>path<TAB>licence` lines. Every
/// spec file is listed, and every listed file exists: a spec without a
/// recorded source and licence has no place here.
fn read_manifest(corpus: &Path) -> anyhow::Result<Vec<Entry>> {
    let path = corpus.join("manifest.tsv");
    let text =
        fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let entries = parse_manifest(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let specs = corpus.join("specs");
    let mut on_disk: Vec<String> = Vec::new();
    for file in fs::read_dir(&specs).with_context(|| format!("cannot read {}", specs.display()))? {
        on_disk.push(file?.file_name().to_string_lossy().into_owned());
    }
    for entry in &entries {
        if !on_disk.contains(&entry.file) {
            bail!(
                "{}: `{}` is listed but {} has no such file",
                path.display(),
                entry.name,
                specs.join(&entry.file).display()
            );
        }
    }
    for file in on_disk {
        if !entries.iter().any(|e| e.file == file) {
            bail!(
                "{}: is not in {} (give its source and licence there)",
                specs.join(&file).display(),
                path.display()
            );
        }
    }
    Ok(entries)
}

fn parse_manifest(text: &str) -> Result<Vec<Entry>, String> {
    let mut entries: Vec<Entry> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [name, file, source, _path, licence] = fields.as_slice() else {
            return Err(format!(
                "line {}: expected 5 tab-separated fields (name, file, source, path, licence), found {}",
                i + 1,
                fields.len()
            ));
        };
        if source.is_empty() || licence.is_empty() {
            return Err(format!(
                "line {}: `{name}` needs its source and licence",
                i + 1
            ));
        }
        if !generator::naming::is_package_name(&format!("corpus-{name}")) {
            return Err(format!(
                "line {}: `{name}` can't name a crate: use ASCII letters, digits and `-`",
                i + 1
            ));
        }
        if entries.iter().any(|e| e.name == *name) {
            return Err(format!("line {}: `{name}` is listed twice", i + 1));
        }
        entries.push(Entry {
            name: (*name).to_owned(),
            file: (*file).to_owned(),
        });
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_gives_each_spec_with_its_source_and_licence() {
        let text = "# header\npetstore\tpetstore.yaml\tpkg@1.0\t3.0/petstore.yaml\tMIT\n";
        assert_eq!(
            parse_manifest(text).unwrap(),
            vec![Entry {
                name: "petstore".into(),
                file: "petstore.yaml".into()
            }]
        );
        assert_eq!(
            parse_manifest("petstore\tpetstore.yaml\tpkg@1.0\tp\t\n").unwrap_err(),
            "line 1: `petstore` needs its source and licence"
        );
        assert!(parse_manifest("a\tb\n").is_err());
        assert!(parse_manifest("a\ta.yaml\ts\tp\tMIT\na\tb.yaml\ts\tp\tMIT\n").is_err());
    }

    #[test]
    fn a_refusal_names_the_spec_file_without_the_corpus_folder() {
        assert_eq!(
            short_path("error: xtask/corpus/specs/a.yaml#/paths/~1x: bad"),
            "a.yaml#/paths/~1x: bad"
        );
    }
}
