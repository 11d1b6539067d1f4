//! What a generated crate costs the programs that depend on it: build time
//! and the peak memory of the compiler, dependencies already built.
//!
//! Each configuration is a small downstream program in its own workspace
//! that names a few operations, the way a user's program does. Programs
//! share one target dir, so dependencies build once; before each timed
//! build the program and the generated crate are cleaned, so the time is
//! what the crate adds. Peak memory is the largest `ru_maxrss` among the
//! processes cargo ran (rustc, in practice), read with `wait4`.

use anyhow::{bail, Context};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use super::{Met, Row, Spread, PLATFORM, PLATFORM_2026};
use crate::batch;

/// The package name given to today's platform crate.
const TODAY_CRATE: &str = "genesys-platform";

/// One downstream program: which crate it uses, with which features, and
/// the calls it makes.
struct Program {
    name: &'static str,
    dependency: String,
    package: &'static str,
    calls: &'static [&'static str],
}

pub(super) fn rows(root: &Path, xtask: &Path, smoke: bool) -> anyhow::Result<Vec<Row>> {
    let runs = if smoke { 1 } else { 3 };
    let dir = root.join("target/bench-compile");
    std::fs::create_dir_all(&dir)?;
    let target = batch::target_dir(root);
    let today = dir.join("platform-2026");
    generate(root, xtask, PLATFORM_2026, &today, TODAY_CRATE)?;

    let oauth_calls: &[&str] = &["oauth().get_oauth_clients()"];
    let oauth_crate = Program {
        name: "uses-oauth-crate",
        dependency: format!(
            "purecloud-platform-client = {{ path = {:?} }}",
            root.join("generated")
        ),
        package: "purecloud-platform-client",
        calls: oauth_calls,
    };
    let oauth_feature = Program {
        name: "uses-oauth-feature",
        dependency: feature_dependency(&today, &["oauth"]),
        package: TODAY_CRATE,
        calls: oauth_calls,
    };
    let four = Program {
        name: "uses-four-groups",
        dependency: feature_dependency(&today, &["oauth", "users", "routing", "conversations"]),
        package: TODAY_CRATE,
        calls: &[
            "oauth().get_oauth_clients()",
            "users().get_users()",
            "routing().get_routing_queues()",
            "conversations().get_conversations()",
        ],
    };

    let mut rows = Vec::new();
    let base = build_cost(root, &dir, &target, &oauth_crate, runs)?;
    let alone = build_cost(root, &dir, &target, &oauth_feature, runs)?;
    let ratio = alone.seconds.median / base.seconds.median;
    rows.push(Row {
        what: "cargo build (debug) of a program using today's platform crate with only `oauth`, against the same program using the OAuth-only crate".into(),
        measured: format!(
            "{ratio:.2}× ({} vs {}; {:.0} vs {:.0} MB peak)",
            alone.seconds.show(1, "s"),
            base.seconds.show(1, "s"),
            alone.peak_mb,
            base.peak_mb
        ),
        target: "≤ 1.3×".into(),
        met: Some(Met {
            median: ratio <= 1.3,
            worst: alone.seconds.max / base.seconds.median <= 1.3,
        }),
        numbers: vec![ratio, alone.seconds.median, base.seconds.median],
    });
    if smoke {
        println!("(smoke: the larger compile measurements take minutes; skipped)");
        return Ok(rows);
    }
    let four = build_cost(root, &dir, &target, &four, runs)?;
    rows.push(Row {
        what:
            "cargo build (debug) of a program using `oauth`, `users`, `routing` and `conversations`"
                .into(),
        measured: format!("{}, {:.0} MB peak", four.seconds.show(1, "s"), four.peak_mb),
        target: "none; reported".into(),
        met: None,
        numbers: vec![four.seconds.median, four.peak_mb],
    });

    // Whole crates, as a user of every group compiles them: one run each,
    // since a run takes minutes.
    let manifest = today.join("Cargo.toml");
    warm(&manifest, &target, &["check", "--no-default-features"])?;
    let full = timed_cargo(
        &manifest,
        &target,
        &["check", "--features", "full"],
        TODAY_CRATE,
    )?;
    rows.push(Row {
        what: "cargo check of today's platform crate with `full` (every group)".into(),
        measured: format!("{:.0} s, {:.1} GB peak", full.0, full.1 / 1024.0),
        target: "≤ 5 GB peak (10.7 GB before features and the per-item cuts; about 5 min)".into(),
        met: Some(Met {
            median: full.1 <= 5.0 * 1024.0,
            worst: full.1 <= 5.0 * 1024.0,
        }),
        numbers: vec![full.0, full.1],
    });
    let old = dir.join("platform-2018");
    generate(root, xtask, PLATFORM, &old, "platform-2018")?;
    let manifest = old.join("Cargo.toml");
    warm(&manifest, &target, &["build", "--no-default-features"])?;
    for (verb, args) in [("check", &["check"][..]), ("build", &["build"][..])] {
        let (seconds, mb) = timed_cargo(&manifest, &target, args, "platform-2018")?;
        rows.push(Row {
            what: format!("cargo {verb} (debug) of the whole 2018 platform crate, every group"),
            measured: format!("{seconds:.0} s, {:.1} GB peak", mb / 1024.0),
            target: "none; reported".into(),
            met: None,
            numbers: vec![seconds, mb],
        });
    }
    Ok(rows)
}

fn feature_dependency(dir: &Path, features: &[&str]) -> String {
    format!(
        "{TODAY_CRATE} = {{ path = {:?}, default-features = false, features = {features:?} }}",
        dir
    )
}

/// Generates every tag of `spec` into `out` as the crate `name`.
fn generate(root: &Path, xtask: &Path, spec: &str, out: &Path, name: &str) -> anyhow::Result<()> {
    let output = Command::new(xtask)
        .current_dir(root)
        .args([
            "codegen",
            "--all-tags",
            "--spec",
            spec,
            "--crate-name",
            name,
            "--out",
        ])
        .arg(out)
        .output()
        .context("cannot run xtask codegen")?;
    if !output.status.success() {
        bail!(
            "codegen of {spec} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    // The workspace's dependency versions.
    std::fs::copy(root.join("Cargo.lock"), out.join("Cargo.lock"))?;
    Ok(())
}

struct Cost {
    seconds: Spread,
    /// The largest peak over the runs.
    peak_mb: f64,
}

/// Writes `program` as a crate under `dir`, builds it once for its
/// dependencies, then times `runs` builds of it and the generated crate.
fn build_cost(
    root: &Path,
    dir: &Path,
    target: &Path,
    program: &Program,
    runs: usize,
) -> anyhow::Result<Cost> {
    let crate_dir = dir.join(program.name);
    std::fs::create_dir_all(crate_dir.join("src"))?;
    let manifest = format!(
        "[package]\nname = \"{}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         # Its own workspace, outside the repository's.\n[workspace]\n\n[dependencies]\n{}\n",
        program.name, program.dependency
    );
    std::fs::write(crate_dir.join("Cargo.toml"), manifest)?;
    let alias = program.package.replace('-', "_");
    let mut main = format!(
        "//! A program that calls a few operations, for `cargo xtask bench`.\n\n\
         use {alias} as sdk;\n\n\
         fn main() {{\n    \
         let Ok(client) = sdk::Client::builder().base_url(\"http://127.0.0.1:9\").build() else {{\n        \
         return;\n    }};\n"
    );
    for call in program.calls {
        main.push_str(&format!("    drop(client.{call});\n"));
    }
    main.push_str("}\n");
    std::fs::write(crate_dir.join("src/main.rs"), main)?;
    std::fs::copy(root.join("Cargo.lock"), crate_dir.join("Cargo.lock"))?;
    let manifest = crate_dir.join("Cargo.toml");
    warm(&manifest, target, &["build"])?;
    let mut times = Vec::new();
    let mut peak: f64 = 0.0;
    for _ in 0..runs {
        let (seconds, mb) = timed_cargo(&manifest, target, &["build"], program.package)?;
        times.push(seconds);
        peak = peak.max(mb);
    }
    Ok(Cost {
        seconds: Spread::of(times),
        peak_mb: peak,
    })
}

/// An untimed run that builds what the timed ones will find built.
fn warm(manifest: &Path, target: &Path, args: &[&str]) -> anyhow::Result<()> {
    let status = cargo_in(manifest, target, args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .context("cannot run cargo")?;
    if !status.success() {
        bail!(
            "cargo {} failed for {}; run it by hand to see why",
            args.join(" "),
            manifest.display()
        );
    }
    Ok(())
}

/// Cleans `package` and the manifest's own package, then times `cargo
/// ARGS`: (seconds, peak MB of the largest process cargo ran).
fn timed_cargo(
    manifest: &Path,
    target: &Path,
    args: &[&str],
    package: &str,
) -> anyhow::Result<(f64, f64)> {
    let own = manifest
        .parent()
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    for name in [package, own.as_str()] {
        // A workspace whose own package is the generated crate cleans it
        // once; the second clean of the same name is harmless.
        let _ = cargo_in(manifest, target, &["clean", "--package", name])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let log = target.join(format!("bench-{own}.log"));
    let mut command = cargo_in(manifest, target, args);
    command
        .stdout(Stdio::null())
        .stderr(File::create(&log).with_context(|| format!("cannot create {}", log.display()))?);
    let started = Instant::now();
    let (ok, peak_kb) = run_with_peak(command)?;
    let seconds = started.elapsed().as_secs_f64();
    if !ok {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        bail!(
            "cargo {} failed for {}:\n{}",
            args.join(" "),
            manifest.display(),
            batch::clip(&text, 2000)
        );
    }
    Ok((seconds, peak_kb / 1024.0))
}

fn cargo_in(manifest: &Path, target: &Path, args: &[&str]) -> Command {
    let dir: PathBuf = manifest
        .parent()
        .map_or_else(PathBuf::new, Path::to_path_buf);
    let mut command = batch::cargo(&dir, target);
    command.args(args);
    command
}

/// Runs `command` to its end and returns whether it succeeded and the
/// peak resident memory, in KiB, of the largest process in its tree.
fn run_with_peak(mut command: Command) -> anyhow::Result<(bool, f64)> {
    let child = command.spawn().context("cannot start cargo")?;
    let pid = libc::pid_t::try_from(child.id()).context("process id out of range")?;
    let mut status: libc::c_int = 0;
    // SAFETY: `rusage` is plain old data, for which all zero bytes is a
    // valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: `pid` is our own child, which std never waits for (the
        // `Child` is only dropped, which doesn't wait), and both pointers
        // are valid for the duration of the call.
        let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if rc == pid {
            break;
        }
        let error = std::io::Error::last_os_error();
        if error.kind() != std::io::ErrorKind::Interrupted {
            return Err(error).context("cannot wait for cargo");
        }
    }
    drop(child);
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    // Linux reports `ru_maxrss` in KiB: the largest of the child and of the
    // descendants it waited for.
    Ok((ok, usage.ru_maxrss as f64))
}
