//! `cargo xtask features [FEATURE]... [--all] [--spec FILE]`: a large
//! generated crate built the way its users build it, one cargo feature
//! (API group) at a time.
//!
//! It generates every tag of the spec (by default today's whole platform)
//! and, for each configuration, runs `cargo clippy -D warnings` and
//! `cargo doc` with `RUSTDOCFLAGS=-D warnings`. The configurations are no
//! features at all, then each named feature alone; `--all` takes every
//! feature of the crate, then `full`. A user who enables only `users`
//! must get a crate that compiles, lints and documents cleanly: a model
//! gated on the wrong groups shows up here as a missing type, an unused
//! import or a broken doc link.
//!
//! CI runs a fixed sample; `--all` is the nightly-style run (about 87
//! configurations of half a minute each on two cores).

use anyhow::{bail, Context};
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::batch;

/// Today's platform, every tag.
const DEFAULT_SPEC: &str = "spec/upstream/platform-2026.reconstructed.json";

pub fn run(root: &Path, args: &[&str]) -> anyhow::Result<()> {
    let mut spec = PathBuf::from(DEFAULT_SPEC);
    let mut all = false;
    let mut named = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match *arg {
            "--all" => all = true,
            "--spec" => {
                let Some(value) = iter.next() else {
                    bail!("`--spec` needs a file");
                };
                spec = PathBuf::from(value);
            }
            flag if flag.starts_with('-') => bail!(
                "unknown option `{flag}`; usage: cargo xtask features [FEATURE]... [--all] [--spec FILE]"
            ),
            feature => named.push(feature.to_owned()),
        }
    }
    if !all && named.is_empty() {
        bail!("name the features to build (for example `oauth users`), or pass `--all`");
    }

    let out = root.join("target/features-crate");
    let logs = root.join("target/features-crate.logs");
    std::fs::create_dir_all(&logs)?;
    let xtask = std::env::current_exe().context("cannot find the running xtask")?;
    let job = batch::Job {
        name: "platform".into(),
        spec: root.join(&spec),
        out: out.clone(),
        crate_name: "platform-features".into(),
        extra: vec!["--all-tags".into()],
    };
    let started = Instant::now();
    let generation = batch::generate(&xtask, root, &logs, &job);
    if !generation.ok() {
        bail!(
            "{} did not generate: {:?} (logs in {})",
            spec.display(),
            generation.status,
            logs.display()
        );
    }
    println!(
        "features: generated {} ({} operations) in {:.1} s",
        spec.display(),
        generation.operations.unwrap_or(0),
        started.elapsed().as_secs_f64()
    );
    // The same dependency versions as the workspace, as CI's other
    // generated crates use.
    std::fs::copy(root.join("Cargo.lock"), out.join("Cargo.lock"))
        .context("cannot copy Cargo.lock")?;

    let manifest = std::fs::read_to_string(out.join("Cargo.toml"))?;
    let declared = declared_features(&manifest);
    for feature in &named {
        if !declared.iter().any(|d| d == feature) {
            bail!(
                "the crate has no feature `{feature}`; it has: {}",
                declared.join(", ")
            );
        }
    }
    let mut configurations: Vec<Option<String>> = vec![None];
    if all {
        configurations.extend(
            declared
                .iter()
                .filter(|f| *f != "default" && *f != "full")
                .cloned()
                .map(Some),
        );
        configurations.push(Some("full".into()));
    } else {
        configurations.extend(named.into_iter().map(Some));
    }

    let target = batch::target_dir(root);
    let mut rows = Vec::new();
    let mut failed = Vec::new();
    for configuration in &configurations {
        let label = configuration.as_deref().unwrap_or("(no features)");
        let started = Instant::now();
        let clippy = run_cargo(&out, &target, configuration.as_deref(), Tool::Clippy)?;
        let doc = run_cargo(&out, &target, configuration.as_deref(), Tool::Doc)?;
        let seconds = started.elapsed().as_secs_f64();
        let cell = |outcome: &Result<(), String>| match outcome {
            Ok(()) => "ok".to_owned(),
            Err(_) => "FAILED".to_owned(),
        };
        let first_error = clippy
            .as_ref()
            .err()
            .or(doc.as_ref().err())
            .map(|e| batch::clip(e, 160))
            .unwrap_or_default();
        if clippy.is_err() || doc.is_err() {
            failed.push(label.to_owned());
        }
        println!(
            "features: {label}: clippy {}, doc {} ({seconds:.0} s)",
            cell(&clippy),
            cell(&doc)
        );
        rows.push(vec![
            label.to_owned(),
            cell(&clippy),
            cell(&doc),
            format!("{seconds:.0} s"),
            first_error,
        ]);
    }
    println!(
        "{}",
        batch::table(
            &[
                "features",
                "clippy -D warnings",
                "doc -D warnings",
                "time",
                "first error"
            ],
            &rows
        )
    );
    if !failed.is_empty() {
        bail!(
            "{} configuration(s) failed: {}",
            failed.len(),
            failed.join(", ")
        );
    }
    println!(
        "features: {} configuration(s) pass clippy and doc",
        configurations.len()
    );
    Ok(())
}

#[derive(Clone, Copy)]
enum Tool {
    Clippy,
    Doc,
}

/// Runs clippy or rustdoc on the crate in `dir` with only `feature` (or
/// none) enabled. `Err` holds cargo's first error line.
fn run_cargo(
    dir: &Path,
    target: &Path,
    feature: Option<&str>,
    tool: Tool,
) -> anyhow::Result<Result<(), String>> {
    let mut command = batch::cargo(dir, target);
    match tool {
        Tool::Clippy => command.args(["clippy", "--quiet"]),
        Tool::Doc => {
            command
                .env("RUSTDOCFLAGS", "-D warnings")
                .args(["doc", "--no-deps", "--quiet"])
        }
    };
    command.arg("--no-default-features");
    if let Some(feature) = feature {
        command.args(["--features", feature]);
    }
    if let Tool::Clippy = tool {
        command.args(["--", "-D", "warnings"]);
    }
    let output = command.output().context("cannot run cargo")?;
    if output.status.success() {
        return Ok(Ok(()));
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let first = stderr
        .lines()
        .find(|l| l.starts_with("error"))
        .unwrap_or("cargo failed without an error line")
        .to_owned();
    eprintln!("{stderr}");
    Ok(Err(first))
}

/// The feature names declared in a manifest's `[features]` table, in
/// their order there.
fn declared_features(manifest: &str) -> Vec<String> {
    manifest
        .lines()
        .skip_while(|l| l.trim() != "[features]")
        .skip(1)
        .take_while(|l| !l.trim_start().starts_with('['))
        .filter_map(|l| {
            let l = l.trim();
            if l.starts_with('#') {
                return None;
            }
            let (name, _) = l.split_once('=')?;
            Some(name.trim().to_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_read_from_the_features_table_only() {
        let manifest = "[package]\nname = \"x\"\n\n[features]\n# every group\ndefault = [\"full\"]\nfull = [\"oauth\", \"users\"]\n# `UsersApi`\nusers = []\noauth = [\n]\n\n[dependencies]\nserde = \"1\"\n";
        assert_eq!(
            declared_features(manifest),
            ["default", "full", "users", "oauth"]
        );
    }
}
