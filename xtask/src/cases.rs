//! `cargo xtask cases [NAME…] [--jobs N]`: every spec case of
//! `generator/cases/` generated into its own crate and put through what a
//! user of the crate runs: `cargo check`, `cargo clippy -D warnings`,
//! `cargo doc -D warnings`, its doc tests and, where the case has one, its
//! integration test (`NAME.rs`, copied in as `tests/case.rs`).
//!
//! A case listed in `generator/cases/known-failures.txt` (with its reason)
//! is shown but does not fail the run; one that passes while still listed
//! does, so that the list only shrinks.

use anyhow::{bail, Context};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::Instant;

use crate::batch::{self, Generated, Job, Member, Outcome};

const CASES_DIR: &str = "generator/cases";
const KNOWN_FAILURES: &str = "known-failures.txt";
const OUT_DIR: &str = "target/cases";

/// A case and how far it got.
struct Case {
    name: String,
    has_test: bool,
    generation: Option<batch::Generation>,
    check: Option<Outcome>,
    clippy: Option<Outcome>,
    doc: Option<Outcome>,
    doctest: Option<Outcome>,
    test: Option<Outcome>,
}

impl Case {
    fn package(&self) -> String {
        format!("case-{}", self.name)
    }

    fn generated(&self) -> bool {
        self.generation.as_ref().is_some_and(batch::Generation::ok)
    }

    fn checked(&self) -> bool {
        self.check.as_ref().is_some_and(Outcome::passed)
    }

    /// The first problem, in the order the steps ran.
    fn first_error(&self) -> Option<String> {
        if let Some(g) = &self.generation {
            match &g.status {
                Generated::Yes => {}
                Generated::Refused(e) => return Some(format!("codegen: {e}")),
                Generated::Panicked(e) => return Some(format!("codegen PANICKED: {e}")),
            }
        }
        [
            ("check", &self.check),
            ("clippy", &self.clippy),
            ("doc", &self.doc),
            ("doctest", &self.doctest),
            ("test", &self.test),
        ]
        .into_iter()
        .find_map(|(step, outcome)| {
            let error = outcome.as_ref()?.error()?;
            Some(format!("{step}: {error}"))
        })
    }
}

pub fn run(root: &Path, args: &[&str]) -> anyhow::Result<()> {
    let started = Instant::now();
    let (jobs, names) = batch::take_jobs(args)?;
    if let Some(flag) = names.iter().find(|n| n.starts_with('-')) {
        bail!("unknown option `{flag}`; usage: cargo xtask cases [NAME…] [--jobs N]");
    }
    let cases_dir = root.join(CASES_DIR);
    let all = list_cases(&cases_dir)?;
    let known = batch::read_known_failures(&cases_dir.join(KNOWN_FAILURES), &all)?;
    let selected: Vec<String> = if names.is_empty() {
        all.clone()
    } else {
        for name in &names {
            if !all.iter().any(|c| c == name) {
                bail!(
                    "no case `{name}` in {CASES_DIR}/; the cases are: {}",
                    all.join(", ")
                );
            }
        }
        names.iter().map(|n| (*n).to_owned()).collect()
    };

    let out_root = root.join(OUT_DIR);
    let log_dir = out_root.join(".logs");
    fs::create_dir_all(&log_dir)?;
    let xtask = std::env::current_exe().context("cannot find the xtask binary")?;

    // 1. Generate, every case at once.
    let jobs_list: Vec<Job> = selected
        .iter()
        .map(|name| -> anyhow::Result<Job> {
            Ok(Job {
                name: name.clone(),
                // Relative, so that diagnostics name the file as a user would.
                spec: Path::new(CASES_DIR).join(format!("{name}.yaml")),
                out: out_root.join(name),
                crate_name: format!("case-{name}"),
                extra: codegen_args(&cases_dir, name)?,
            })
        })
        .collect::<anyhow::Result<_>>()?;
    let phase = Instant::now();
    let generations = batch::parallel(&jobs_list, jobs, |job| {
        batch::generate(&xtask, root, &log_dir, job)
    });
    let mut cases: Vec<Case> = selected
        .iter()
        .zip(generations)
        .map(|(name, generation)| Case {
            name: name.clone(),
            has_test: cases_dir.join(format!("{name}.rs")).is_file(),
            generation: Some(generation),
            check: None,
            clippy: None,
            doc: None,
            doctest: None,
            test: None,
        })
        .collect();
    eprintln!(
        "cases: generated {} specs in {:.1} s",
        cases.len(),
        phase.elapsed().as_secs_f64()
    );
    for case in &cases {
        let Some(g) = &case.generation else { continue };
        for line in g.warnings.iter().chain(&g.errors) {
            eprintln!("  {}: {line}", case.name);
        }
    }

    // 2. Each case's test goes in as `tests/case.rs`; a stale one goes.
    for case in cases.iter().filter(|c| c.generated()) {
        let test = out_root.join(&case.name).join("tests/case.rs");
        if case.has_test {
            fs::create_dir_all(out_root.join(&case.name).join("tests"))?;
            fs::copy(cases_dir.join(format!("{}.rs", case.name)), &test)
                .with_context(|| format!("cannot copy {}.rs", case.name))?;
        } else if test.exists() {
            fs::remove_file(&test)?;
        }
    }

    // 3. One workspace over every generated case; the steps run on it.
    let generated: Vec<&str> = cases
        .iter()
        .filter(|c| c.generated())
        .map(|c| c.name.as_str())
        .collect();
    batch::write_workspace(root, &out_root, &generated, "cargo xtask cases")?;
    let target = batch::target_dir(root);
    let members = |cases: &[Case], filter: fn(&Case) -> bool| -> Vec<Member> {
        cases
            .iter()
            .filter(|c| filter(c))
            .map(|c| Member {
                package: c.package(),
                dir: out_root.join(&c.name),
            })
            .collect()
    };

    let step =
        |label: &str, members: &[Member], args: &[&str], after: &[&str], env: &[(&str, &str)]| {
            let phase = Instant::now();
            let outcomes = batch::cargo_json(&out_root, &target, members, args, after, env, jobs);
            eprintln!(
                "cases: {label} of {} crates in {:.1} s",
                members.len(),
                phase.elapsed().as_secs_f64()
            );
            outcomes
        };

    let check = step(
        "cargo check",
        &members(&cases, |c| c.generated()),
        &["check"],
        &[],
        &[],
    )?;
    apply(&mut cases, check, |c, o| c.check = Some(o));
    let checked = members(&cases, |c| c.checked());
    let clippy = step(
        "cargo clippy -D warnings",
        &checked,
        &["clippy"],
        &["-D", "warnings"],
        &[],
    )?;
    apply(&mut cases, clippy, |c, o| c.clippy = Some(o));
    let doc = step(
        "cargo doc -D warnings",
        &checked,
        &["doc", "--no-deps"],
        &[],
        &[("RUSTDOCFLAGS", "-D warnings")],
    )?;
    apply(&mut cases, doc, |c, o| c.doc = Some(o));

    // Doc tests and case tests, each batch built in parallel by one cargo
    // run.
    let phase = Instant::now();
    let doctests = batch::doc_tests(&out_root, &target, &checked, jobs)?;
    apply(&mut cases, doctests, |c, o| c.doctest = Some(o));
    eprintln!(
        "cases: cargo test --doc of {} crates in {:.1} s",
        checked.len(),
        phase.elapsed().as_secs_f64()
    );
    let phase = Instant::now();
    let with_tests = members(&cases, |c| c.checked() && c.has_test);
    let tests = batch::integration_tests(&out_root, &target, &with_tests, "case", jobs)?;
    apply(&mut cases, tests, |c, o| c.test = Some(o));
    eprintln!(
        "cases: cargo test --test case of {} crates in {:.1} s",
        with_tests.len(),
        phase.elapsed().as_secs_f64()
    );

    report(&cases, &known, started)
}

fn apply(
    cases: &mut [Case],
    outcomes: BTreeMap<String, Outcome>,
    set: impl Fn(&mut Case, Outcome),
) {
    for case in cases.iter_mut() {
        if let Some(outcome) = outcomes.get(&case.package()) {
            set(case, outcome.clone());
        }
    }
}

/// Prints the table and decides: any failure not listed as known fails the
/// run, and so does a listed case that passes.
fn report(
    cases: &[Case],
    known: &BTreeMap<String, String>,
    started: Instant,
) -> anyhow::Result<()> {
    let cell = |o: &Option<Outcome>| o.as_ref().map_or("-".to_owned(), Outcome::cell);
    let mut rows = Vec::new();
    let mut failed = Vec::new();
    let mut stale = Vec::new();
    let mut known_failing = 0;
    for case in cases {
        let generated = match case.generation.as_ref().map(|g| &g.status) {
            Some(Generated::Yes) => {
                let warnings = case.generation.as_ref().map_or(0, |g| g.warnings.len());
                if warnings == 0 {
                    "yes".to_owned()
                } else {
                    format!("yes ({warnings} warn)")
                }
            }
            Some(Generated::Refused(_)) => "REFUSED".to_owned(),
            Some(Generated::Panicked(_)) => "PANIC".to_owned(),
            None => "-".to_owned(),
        };
        let error = case.first_error();
        let status = match (&error, known.get(&case.name)) {
            (Some(_), Some(reason)) => {
                known_failing += 1;
                format!("known failure ({reason}): ")
            }
            (Some(_), None) => {
                failed.push(case.name.clone());
                String::new()
            }
            (None, Some(_)) => {
                stale.push(case.name.clone());
                "passes: remove it from known-failures.txt".to_owned()
            }
            (None, None) => String::new(),
        };
        rows.push(vec![
            case.name.clone(),
            generated,
            cell(&case.check),
            cell(&case.clippy),
            cell(&case.doc),
            cell(&case.doctest),
            if case.has_test {
                cell(&case.test)
            } else {
                "-".to_owned()
            },
            format!("{status}{}", batch::clip(&error.unwrap_or_default(), 160)),
        ]);
    }
    println!(
        "{}",
        batch::table(
            &[
                "case",
                "generated",
                "check",
                "clippy",
                "doc",
                "doctest",
                "tests",
                "first error"
            ],
            &rows
        )
    );
    println!(
        "cases: {} passed, {} failed, {} known failures ({:.0} s; logs in {OUT_DIR}/.logs)",
        cases.len() - failed.len() - known_failing,
        failed.len(),
        known_failing,
        started.elapsed().as_secs_f64()
    );
    if !failed.is_empty() || !stale.is_empty() {
        let mut message = String::new();
        if !failed.is_empty() {
            message.push_str(&format!("cases failed: {}", failed.join(", ")));
        }
        if !stale.is_empty() {
            if !message.is_empty() {
                message.push_str("; ");
            }
            message.push_str(&format!(
                "cases that pass but are still listed in {CASES_DIR}/{KNOWN_FAILURES}: {} (remove their lines)",
                stale.join(", ")
            ));
        }
        bail!("{message}");
    }
    Ok(())
}

/// The case names: every `*.yaml` of the folder, sorted.
fn list_cases(dir: &Path) -> anyhow::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "yaml") {
            if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
                names.push(stem.to_owned());
            }
        }
    }
    names.sort();
    if names.is_empty() {
        bail!("no cases (*.yaml) in {}", dir.display());
    }
    Ok(names)
}

/// Extra `codegen` arguments of a case, from `NAME.args` (e.g.
/// `--skip-unsupported` for a case about what that flag leaves out).
fn codegen_args(dir: &Path, name: &str) -> anyhow::Result<Vec<String>> {
    let path = dir.join(format!("{name}.args"));
    if !path.exists() {
        return Ok(Vec::new());
    }
    let text =
        fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .flat_map(|l| l.split_whitespace().map(str::to_owned))
        .collect())
}
