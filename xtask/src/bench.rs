//! `cargo xtask bench`: the generator's speed and memory, the generated
//! crate's compile time, and the client's overhead and decoding speed
//! against hand-written code, each beside its target. The full run writes
//! the table into `BENCHMARKS.md`; `--smoke` runs every measurement once
//! and only checks that numbers come out, so CI notices a broken harness.
//!
//! Nothing here is a timed test: shared machines are noisy, so the numbers
//! are medians of several whole-process runs, and targets are reported,
//! not asserted.

use anyhow::{bail, Context};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use generator::Config;

const PLATFORM: &str = "spec/upstream/platform-api-2018-03-21.json";
const PLATFORM_OPENAPI3: &str = "spec/upstream/platform-api-2018-03-21.swagger2openapi.json";
const PLATFORM_2026: &str = "spec/upstream/platform-2026.reconstructed.json";

mod chains;
mod compile;

/// What the table measures and how; written under it in the report.
const NOTES: &str = "\
## What is measured

- **Generator, whole process**: wall time of `xtask codegen` (and `xtask spec import`)
  as a child process, release build, writing every file into an empty folder;
  peak memory is the process's own `VmHWM` (peak resident set), which it reports
  at exit when `XTASK_REPORT_PEAK_RSS` is set. Each row gives the median and,
  in brackets, the fastest and slowest of the runs; the last two columns say
  whether the target holds at the median and at the slowest run, since a
  shared machine's noise can move a run by half. The 2018 platform comes as
  Genesys published it (Swagger 2.0 JSON, 4.2 MB, converted in memory), as
  swagger2openapi converts it, and as our own `spec import` writes it; today's
  platform is the 12 MB Swagger 2.0 reconstruction in `spec/upstream/`. Output
  goes to a tmpfs (`/dev/shm`) where there is one, since the shared disk adds
  seconds of noise to thousands of file creations.
- **Dev profile**: the same codegen of today's platform by the debug-profile
  binary that `cargo xtask codegen` runs, as a ratio to release.
- **Compile time of the OAuth crate**: `cargo build -p purecloud-platform-client --lib` after
  `cargo clean -p purecloud-platform-client`, its dependencies already built.
- **Downstream builds**: small programs, each its own workspace, that call a
  few operations through the OAuth crate or through today's platform crate
  with only some features. Dependencies are built first; each timed
  `cargo build` (debug) follows a `cargo clean` of the program and the
  generated crate, so it measures what the crate adds. Peak memory is the
  largest `ru_maxrss` among the processes cargo ran (rustc), from `wait4`.
  The whole-crate rows (`cargo check` with `full`, the 2018 platform crate)
  take minutes each and run once.
- **Client overhead**: the generated client and hand-written `reqwest` +
  `serde_json` code (with the same default timeouts and User-Agent, and
  serializing the same body on every call), decoding into structs with the same
  fields, against a canned loopback server that costs as little as a server
  can; the two alternate call by call. Before timing, the server records one
  request from each side and the bench fails unless their heads match. Ratio
  of medians.
- **Decoding**: `serde_json::from_slice` into the generated models against the
  same hand-written structs. Ratio of medians.

## How whole-platform codegen met its target

It first measured 28 s, then 1.0 s and 146 MB. Found with `perf record`
and the stage timings above, and fixed in this order (same output bytes
throughout):

- Doc pages cloned a context holding the whole API (28 s → 1.4 s).
- Every doc line was its own attribute token stream (render 854 → 526 ms).
- Select serialized every operation and schema to JSON to find `$ref`s;
  it now walks the `openapiv3` types (100 → 6 ms).
- The Swagger conversion cloned the whole converted `paths` object
  (142 → 60 ms, 30 MB less).
- openapiv3's flattened and untagged types buffer the whole document
  several times; path items and schemas are now read one by one, on both
  cores (120 → 90 ms).
- Doc text went through `quote`, `syn` and `prettyplease` as escaped
  literals; it now goes in after printing (API modules 190 → 125 ms).
- The README built full views of every group and model to list their
  names (doc pages 112 → 50 ms).
- Worker threads each got a fresh heap while the main thread's freed
  memory sat unused; the calling thread now works too (150 → 105 MB).
- Models, API modules and doc pages now share one work queue; Swagger
  path items are converted, and the files written, on both cores.

That left about 0.66 s, half of it in glibc's `malloc`/`free`, mostly for
`proc-macro2` and `syn` tokens. The allocator of the `xtask` binary,
measured on this machine with the same output:

| allocator | wall | CPU | peak memory |
| --- | --- | --- | --- |
| glibc malloc | 0.66 s | 0.86 s | 105 MB |
| mimalloc 3 (default) | 0.41 s | 0.60 s | 148–164 MB |
| mimalloc 2 (adopted) | 0.40–0.43 s | 0.58 s | 111–118 MB |

Last, thin LTO with one codegen unit in the release profile (cross-crate
inlining of `syn`, `proc-macro2` and `serde`): 0.40 → 0.36 s.

What remains is mostly rendering: `syn` parsing the token streams that
`prettyplease` needs is about a quarter of the CPU time, building the
tokens a tenth. String enums became one `str_enum!` call each, and model
structs one `json_object!` call each, written as text without `syn`
(render of today's platform 1.05 → 0.66 s).

## Where `cargo check` of the whole crate spends its memory

Measured with rustc's `-Z time-passes` (resident set after each pass) on
the 2018 platform crate with every group:

| what the crate had | rustc peak |
| --- | --- |
| serde's derives on every model struct | 2.39 GB |
| no serde impls on structs and no request bodies (does not build; for scale) | about 0.8 GB |
| `json_object!` instead of the derives | 1.91 GB |

The derives wrote a field visitor, `visit_seq` and `visit_map` per struct;
`json_object!` writes one `visit_map` whose per-field code is a match arm
and a call of a generic helper. On today's platform the peak went from
9.4 to 7.7–8.1 GB. The rest is spread over type checking (about 2 GB),
well-formedness and coherence checks (about 1.2 GB) and MIR borrow
checking (about 2.7 GB) of 3,355 request builders and 6,123 models, all
held by the one rustc process; splitting the groups into crates of their
own is what would bring it under 5 GB.

## Reproduce

```sh
cargo xtask bench          # full run, rewrites this file
cargo xtask bench --smoke  # every measurement once; CI runs this
```
";

/// One row of the table.
struct Row {
    what: String,
    measured: String,
    target: String,
    /// Whether the target holds at the median and at the slowest run;
    /// `None` where there is no target.
    met: Option<Met>,
    /// The raw numbers, for the smoke check.
    numbers: Vec<f64>,
}

#[derive(Clone, Copy)]
struct Met {
    median: bool,
    worst: bool,
}

/// The spread of a measurement over its runs.
#[derive(Clone, Copy, Debug)]
struct Spread {
    min: f64,
    median: f64,
    max: f64,
}

impl Spread {
    fn of(mut values: Vec<f64>) -> Spread {
        values.sort_by(f64::total_cmp);
        match (values.first(), values.last()) {
            (Some(&min), Some(&max)) => Spread {
                min,
                median: values[values.len() / 2],
                max,
            },
            _ => Spread {
                min: f64::NAN,
                median: f64::NAN,
                max: f64::NAN,
            },
        }
    }

    /// `median (min–max) unit`, or just the value for a single run.
    fn show(&self, decimals: usize, unit: &str) -> String {
        if self.min == self.max {
            format!("{:.decimals$} {unit}", self.median)
        } else {
            format!(
                "{:.decimals$} {unit} ({:.decimals$}–{:.decimals$})",
                self.median, self.min, self.max
            )
        }
    }

    /// Whether `limit` holds at the median and at the worst run.
    fn within(&self, limit: f64) -> Met {
        Met {
            median: self.median <= limit,
            worst: self.max <= limit,
        }
    }
}

fn both(a: Met, b: Met) -> Met {
    Met {
        median: a.median && b.median,
        worst: a.worst && b.worst,
    }
}

pub fn run(root: &Path, smoke: bool) -> anyhow::Result<()> {
    let runs = if smoke { 1 } else { 7 };
    // Output goes to memory where the machine has a tmpfs: the disk of a
    // shared machine adds seconds of noise to thousands of file creations.
    let shm = Path::new("/dev/shm");
    let work = if shm.is_dir() {
        shm.join(format!("xtask-bench-{}", std::process::id()))
    } else {
        root.join("target/bench")
    };
    std::fs::create_dir_all(&work)?;
    let result = run_in(root, &work, smoke, runs);
    let _ = std::fs::remove_dir_all(&work);
    result
}

fn run_in(root: &Path, work: &Path, smoke: bool, runs: usize) -> anyhow::Result<()> {
    // The binaries are found from cargo's own report of what it built, so
    // `CARGO_TARGET_DIR` and the like are honoured.
    let xtask = if smoke {
        std::env::current_exe()?
    } else {
        build_xtask(root, "release")?
    };
    let config = Config::load(root)?;
    let mut rows = Vec::new();
    let mut scaling = Vec::new();

    let oauth = measure(runs, work, |out| {
        let mut c = command(&xtask, root);
        c.args(["codegen", "--spec"])
            .arg(root.join(&config.spec))
            .arg("--out")
            .arg(out);
        c
    })?;
    rows.push(codegen_row(
        "codegen, OAuth section (13 operations)",
        &oauth,
        "≤ 50 ms",
        oauth.ms.within(50.0),
    ));
    scaling.push(("OAuth section", oauth.clone()));

    let platform = measure(runs, work, |out| {
        let mut c = command(&xtask, root);
        c.args(["codegen", "--all-tags", "--spec", PLATFORM, "--out"])
            .arg(out);
        c
    })?;
    rows.push(codegen_row(
        "codegen, whole 2018 platform (932 operations, all tags), Swagger 2.0 as published, import included",
        &platform,
        "≤ 250 ms and ≤ 150 MB",
        both(platform.ms.within(250.0), platform.mb.within(150.0)),
    ));
    scaling.push(("2018 platform", platform.clone()));

    let imported = work.join("platform-2018.yaml");
    let import = measure(runs, work, |out| {
        let mut c = command(&xtask, root);
        c.args(["spec", "import", PLATFORM, "--out"])
            .arg(out.with_extension("yaml"));
        c
    })?;
    rows.push(codegen_row(
        "spec import, whole 2018 platform",
        &import,
        "≤ 500 ms",
        import.ms.within(500.0),
    ));
    let status = command(&xtask, root)
        .args(["spec", "import", PLATFORM, "--out"])
        .arg(&imported)
        .output()?;
    if !status.status.success() {
        bail!(
            "spec import failed: {}",
            String::from_utf8_lossy(&status.stderr)
        );
    }
    // The other forms of the 2018 platform that users hand a generator.
    let forms = [
        (
            root.join(PLATFORM_OPENAPI3),
            "converted to OpenAPI 3.0 by swagger2openapi",
        ),
        (
            imported.clone(),
            "from our own import's YAML (`spec import`)",
        ),
    ];
    for (input, form) in forms {
        let measured = measure(runs, work, |out| {
            let mut c = command(&xtask, root);
            c.args(["codegen", "--all-tags", "--spec"])
                .arg(&input)
                .arg("--out")
                .arg(out);
            c
        })?;
        rows.push(codegen_row(
            &format!("codegen, whole 2018 platform, {form}"),
            &measured,
            "≤ 250 ms and ≤ 150 MB",
            both(measured.ms.within(250.0), measured.mb.within(150.0)),
        ));
    }

    let today = measure(runs, work, |out| {
        let mut c = command(&xtask, root);
        c.args(["codegen", "--all-tags", "--spec", PLATFORM_2026, "--out"])
            .arg(out);
        c
    })?;
    rows.push(codegen_row(
        "codegen, today's whole platform (3,355 operations, all tags), Swagger 2.0, import included",
        &today,
        "≤ 1.0 s and ≤ 300 MB",
        both(today.ms.within(1000.0), today.mb.within(300.0)),
    ));
    scaling.push(("today's platform", today.clone()));
    rows.push(Row {
        what: format!(
            "generated Rust, today's whole platform ({} files)",
            today.files
        ),
        measured: format!("{} lines", thousands(today.lines)),
        target: "≤ 450,000 lines".into(),
        met: Some(Met {
            median: today.lines <= 450_000,
            worst: today.lines <= 450_000,
        }),
        numbers: vec![today.lines as f64],
    });

    if smoke {
        println!("(smoke: the dev-profile codegen row needs a release build; skipped)");
    } else {
        // Maintainers run `cargo xtask codegen`, the dev profile.
        let dev_xtask = build_xtask(root, "dev")?;
        let dev = measure(runs, work, |out| {
            let mut c = command(&dev_xtask, root);
            c.args(["codegen", "--all-tags", "--spec", PLATFORM_2026, "--out"])
                .arg(out);
            c
        })?;
        let ratio = dev.ms.median / today.ms.median;
        rows.push(Row {
            what: "codegen, today's whole platform, dev profile (as `cargo xtask codegen` runs)"
                .into(),
            measured: format!("{} = {ratio:.2}× release", dev.ms.show(0, "ms")),
            target: "≤ 2× release".into(),
            met: Some(Met {
                median: ratio <= 2.0,
                worst: dev.ms.max / today.ms.median <= 2.0,
            }),
            numbers: vec![dev.ms.median, ratio],
        });
    }

    let (seconds, lines) = compile_time(root, &config, runs)?;
    rows.push(Row {
        what: format!("cargo build of the OAuth crate alone ({lines} lines of Rust)"),
        measured: seconds.show(1, "s"),
        target: "none; tracked".into(),
        met: None,
        numbers: vec![seconds.median, lines as f64],
    });
    rows.extend(compile::rows(root, &xtask, smoke)?);

    let client = client_benches(root, &config, smoke)?;
    for (name, generated, handwritten) in client {
        let ratio = generated / handwritten;
        let (what, limit) = match name.as_str() {
            "get_oauth_client" => ("client overhead, get_oauth_client".to_owned(), 1.05),
            "get_oauth_clients_1000" => (
                "client overhead, get_oauth_clients (1,000 clients)".to_owned(),
                1.05,
            ),
            "post_oauth_clients" => ("client overhead, post_oauth_clients".to_owned(), 1.05),
            other => (
                format!(
                    "decoding an OAuthClientEntityListing of {} entities",
                    other.trim_start_matches("decode_")
                ),
                1.10,
            ),
        };
        rows.push(Row {
            what,
            measured: format!(
                "{ratio:.3}× ({} vs {} hand-written)",
                human(generated),
                human(handwritten)
            ),
            target: format!("≤ {limit:.2}×"),
            met: Some(Met {
                median: ratio <= limit,
                worst: ratio <= limit,
            }),
            numbers: vec![generated, handwritten, ratio],
        });
    }

    let table = table(&rows);
    println!("{table}");
    let mut scaling = scaling_table(&scaling);
    println!("{scaling}");
    let chains = chains::table(&xtask, root, work, runs)?;
    println!("{chains}");
    scaling = format!("{scaling}\n{chains}");
    let stages = stages_table(&platform.stages, &today.stages);
    println!("{stages}");
    if smoke {
        let broken: Vec<&str> = rows
            .iter()
            .filter(|r| {
                r.numbers.is_empty() || r.numbers.iter().any(|n| !n.is_finite() || *n <= 0.0)
            })
            .map(|r| r.what.as_str())
            .collect();
        if platform.stages.is_empty() {
            bail!(
                "codegen printed no stage timings with {}",
                generator::timing::ENV
            );
        }
        if !broken.is_empty() {
            bail!(
                "the benchmark produced no numbers for: {}",
                broken.join("; ")
            );
        }
        println!("bench --smoke: every measurement produced numbers");
        return Ok(());
    }
    let missed: Vec<&str> = rows
        .iter()
        .filter(|r| r.met.is_some_and(|m| !m.median))
        .map(|r| r.what.as_str())
        .collect();
    if missed.is_empty() {
        println!("every target is met at the median");
    } else {
        println!("targets missed at the median: {}", missed.join("; "));
    }
    write_report(root, &format!("{table}\n{scaling}\n{stages}"), runs)?;
    Ok(())
}

fn codegen_row(what: &str, p: &Process, target: &str, met: Met) -> Row {
    Row {
        what: what.to_owned(),
        measured: format!("{}, {}", p.ms.show(0, "ms"), p.mb.show(0, "MB")),
        target: target.to_owned(),
        met: Some(met),
        numbers: vec![p.ms.median, p.mb.median],
    }
}

/// `834000` as `834,000`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Codegen time and output against the number of operations: each row's
/// cost per operation shows whether growth stays linear.
fn scaling_table(rows: &[(&str, Process)]) -> String {
    let mut out = String::from(
        "Scaling (release codegen, median wall time; per operation, so linear growth keeps the last two columns flat):\n\n\
         | input | operations | time | files | lines of Rust | time per operation | lines per operation |\n\
         | --- | --- | --- | --- | --- | --- | --- |\n",
    );
    for (name, p) in rows {
        let ops = p.operations.max(1) as f64;
        let _ = writeln!(
            out,
            "| {name} | {} | {:.0} ms | {} | {} | {:.0} µs | {:.0} |",
            thousands(p.operations),
            p.ms.median,
            thousands(p.files),
            thousands(p.lines),
            p.ms.median * 1e3 / ops,
            p.lines as f64 / ops
        );
    }
    out
}

/// Builds the xtask binary in `profile` and returns its path as cargo
/// reports it.
fn build_xtask(root: &Path, profile: &str) -> anyhow::Result<PathBuf> {
    let output = crate::batch::plain_cargo()
        .current_dir(root)
        .args([
            "build",
            "--profile",
            profile,
            "--package",
            "xtask",
            "--message-format=json",
        ])
        .stderr(std::process::Stdio::inherit())
        .output()
        .context("cannot run cargo")?;
    if !output.status.success() {
        bail!("cargo build --profile {profile} --package xtask failed");
    }
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == "xtask")
        .find_map(|m| m["executable"].as_str().map(PathBuf::from))
        .context("cargo built no xtask executable")
}

fn human(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else {
        format!("{:.1} µs", ns / 1e3)
    }
}

fn table(rows: &[Row]) -> String {
    let mut out = String::from(
        "| what | measured: median (min–max) | target | met at the median | met at the slowest run |\n| --- | --- | --- | --- | --- |\n",
    );
    let word = |met: bool| if met { "yes" } else { "**no**" };
    for r in rows {
        let (median, worst) = match r.met {
            Some(m) => (word(m.median), word(m.worst)),
            None => ("–", "–"),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {median} | {worst} |",
            r.what, r.measured, r.target
        );
    }
    out
}

/// Where whole-platform codegen spends its time, stage by stage.
fn stages_table(platform: &[(String, f64)], today: &[(String, f64)]) -> String {
    let mut out = String::from(
        "Whole-platform codegen by stage (`CODEGEN_TIMINGS=1`; wall time, median):\n\n\
         | stage | 2018 platform | today's platform |\n| --- | --- | --- |\n",
    );
    for (stage, ms) in platform {
        let other = today
            .iter()
            .find(|(s, _)| s == stage)
            .map_or_else(|| "–".to_owned(), |(_, ms)| format!("{ms:.1} ms"));
        let _ = writeln!(out, "| {stage} | {ms:.1} ms | {other} |");
    }
    out
}

#[derive(Clone)]
struct Process {
    ms: Spread,
    mb: Spread,
    /// Median wall time of each stage, in the order the stages ran.
    stages: Vec<(String, f64)>,
    /// What the first run generated: operations, files and lines of Rust.
    operations: usize,
    files: usize,
    lines: usize,
}

fn command(xtask: &Path, root: &Path) -> Command {
    let mut c = Command::new(xtask);
    c.current_dir(root)
        .env("XTASK_REPORT_PEAK_RSS", "1")
        .env(generator::timing::ENV, "1");
    c
}

/// The `timing: <stage> <ms> ms …` lines a child printed.
fn stage_times(stderr: &str) -> Vec<(String, f64)> {
    stderr
        .lines()
        .filter_map(|l| l.strip_prefix("timing: "))
        .filter_map(|l| {
            let (stage, ms) = l.split_once(" ms")?.0.rsplit_once(' ')?;
            Some((stage.to_owned(), ms.parse().ok()?))
        })
        .collect()
}

/// The median of each stage over the runs, in the order the stages ran.
fn median_stages(runs: &[Vec<(String, f64)>]) -> Vec<(String, f64)> {
    let Some(first) = runs.first() else {
        return Vec::new();
    };
    first
        .iter()
        .map(|(stage, _)| {
            let mut times: Vec<f64> = runs
                .iter()
                .filter_map(|run| run.iter().find(|(s, _)| s == stage).map(|(_, ms)| *ms))
                .collect();
            times.sort_by(f64::total_cmp);
            (stage.clone(), times[times.len() / 2])
        })
        .collect()
}

/// Runs the command `runs` times, each with a fresh output path, and
/// returns the spread of the wall time and of the peak resident memory
/// that the process reports of itself.
fn measure(runs: usize, work: &Path, make: impl Fn(&Path) -> Command) -> anyhow::Result<Process> {
    let mut times = Vec::new();
    let mut peaks = Vec::new();
    let mut stages = Vec::new();
    let (mut operations, mut files, mut lines) = (0, 0, 0);
    for i in 0..runs {
        let out = work.join(format!("out-{i}"));
        let _ = std::fs::remove_dir_all(&out);
        let _ = std::fs::remove_file(out.with_extension("yaml"));
        let mut command = make(&out);
        let started = Instant::now();
        let output = command.output().context("cannot run xtask")?;
        times.push(started.elapsed().as_secs_f64() * 1e3);
        if !output.status.success() {
            bail!(
                "{:?} failed: {}",
                command,
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let stderr = String::from_utf8_lossy(&output.stderr);
        let peak_kb: f64 = stderr
            .lines()
            .find_map(|l| l.strip_prefix("xtask-peak-rss-kb="))
            .and_then(|v| v.trim().parse().ok())
            .context("the child did not report its peak memory")?;
        peaks.push(peak_kb / 1024.0);
        stages.push(stage_times(&stderr));
        if i == 0 && out.is_dir() {
            operations = String::from_utf8_lossy(&output.stdout)
                .lines()
                .find_map(|l| {
                    let rest = l.strip_prefix("codegen: ")?;
                    rest.split_once(" operations")?.0.parse().ok()
                })
                .unwrap_or(0);
            (files, lines) = count_files_and_lines(&out)?;
        }
        let _ = std::fs::remove_dir_all(&out);
    }
    Ok(Process {
        ms: Spread::of(times),
        mb: Spread::of(peaks),
        stages: median_stages(&stages),
        operations,
        files,
        lines,
    })
}

/// The time `cargo build` spends on the OAuth crate itself, its
/// dependencies already built, and the crate's line count.
fn compile_time(root: &Path, config: &Config, runs: usize) -> anyhow::Result<(Spread, usize)> {
    let package = config.krate.name.as_str();
    cargo(root, &["build", "--package", package, "--lib"])?;
    let mut times = Vec::new();
    for _ in 0..runs {
        cargo(root, &["clean", "--package", package])?;
        let started = Instant::now();
        cargo(root, &["build", "--package", package, "--lib"])?;
        times.push(started.elapsed().as_secs_f64());
    }
    let (_, lines) = count_files_and_lines(&root.join(&config.output).join("src"))?;
    Ok((Spread::of(times), lines))
}

/// The Rust files under `dir` and their lines.
fn count_files_and_lines(dir: &Path) -> anyhow::Result<(usize, usize)> {
    let (mut files, mut lines) = (0, 0);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files += 1;
                lines += std::fs::read_to_string(&path)?.lines().count();
            }
        }
    }
    Ok((files, lines))
}

/// Runs the generated crate's `client` bench and reads its `bench` lines:
/// (name, generated ns, hand-written ns).
fn client_benches(
    root: &Path,
    config: &Config,
    smoke: bool,
) -> anyhow::Result<Vec<(String, f64, f64)>> {
    let package = config.krate.name.as_str();
    let args: Vec<&str> = if smoke {
        vec![
            "test",
            "--package",
            package,
            "--bench",
            "client",
            "--",
            "--smoke",
        ]
    } else {
        vec!["bench", "--package", package, "--bench", "client"]
    };
    let output = crate::batch::plain_cargo()
        .current_dir(root)
        .args(&args)
        .output()
        .context("cannot run cargo")?;
    if !output.status.success() {
        bail!(
            "the client bench failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut results = Vec::new();
    for line in stdout.lines().filter_map(|l| l.strip_prefix("bench ")) {
        let mut parts = line.split_whitespace();
        let name = parts.next().unwrap_or_default().to_owned();
        let value = |key: &str, part: Option<&str>| -> anyhow::Result<f64> {
            part.and_then(|p| p.strip_prefix(key))
                .and_then(|v| v.parse().ok())
                .with_context(|| format!("cannot read `{line}`"))
        };
        let generated = value("generated_ns=", parts.next())?;
        let handwritten = value("handwritten_ns=", parts.next())?;
        results.push((name, generated, handwritten));
    }
    if results.len() != 4 {
        bail!(
            "the client bench printed {} results, expected 4:\n{stdout}",
            results.len()
        );
    }
    Ok(results)
}

fn cargo(root: &Path, args: &[&str]) -> anyhow::Result<Duration> {
    let started = Instant::now();
    let output = crate::batch::plain_cargo()
        .current_dir(root)
        .args(args)
        .output()
        .context("cannot run cargo")?;
    if !output.status.success() {
        bail!(
            "cargo {} failed:\n{}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(started.elapsed())
}

fn shell(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}

fn write_report(root: &Path, table: &str, runs: usize) -> anyhow::Result<()> {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines().find_map(|l| {
                l.strip_prefix("model name")
                    .map(|v| v.trim_start_matches([' ', '\t', ':']).to_owned())
            })
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.trim().trim_end_matches(" kB").parse::<f64>().ok())
        })
        .map_or_else(
            || "unknown".into(),
            |kb| format!("{:.0} GiB", kb / 1024.0 / 1024.0),
        );
    let date = shell("date", &["-u", "+%Y-%m-%d"]);
    let rustc = shell("rustc", &["--version"]);
    let report = format!(
        "# Benchmarks\n\n\
         Written by `cargo xtask bench` on {date}; run it again to refresh this file.\n\n\
         Machine: {cpu}, {cores} cores, {memory} of memory; {rustc}; release builds.\n\
         Each number is the median of {runs} runs (generator and compile time) or of the\n\
         interleaved iterations of the client bench.\n\n\
         {table}\n{NOTES}"
    );
    let path: PathBuf = root.join("xtask/BENCHMARKS.md");
    std::fs::write(&path, report).with_context(|| format!("cannot write {}", path.display()))?;
    println!("wrote {}", path.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_lines_are_read_with_their_names_and_medians_keep_their_order() {
        let run = |convert: &str, render: &str| {
            stage_times(&format!(
                "codegen: 375 upstream quirks repaired on import\n\
                 timing: convert Swagger 2.0 {convert} ms 72652 kB\n\
                 timing: render {render} ms\n\
                 warning: #/paths: something\n"
            ))
        };
        let first = run("42.1", "230.0");
        assert_eq!(
            first,
            [
                ("convert Swagger 2.0".to_owned(), 42.1),
                ("render".to_owned(), 230.0)
            ]
        );
        let runs = [first, run("50.0", "210.5"), run("40.0", "250.0")];
        assert_eq!(
            median_stages(&runs),
            [
                ("convert Swagger 2.0".to_owned(), 42.1),
                ("render".to_owned(), 230.0)
            ]
        );
    }
}
