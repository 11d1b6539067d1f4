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

/// What the table measures and how; written under it in the report.
const NOTES: &str = "\
## What is measured

- **Generator, whole process**: wall time of `xtask codegen` (and `xtask spec import`)
  as a child process, release build, writing every file into an empty folder;
  peak memory is the process's own `VmHWM` (peak resident set), which it reports
  at exit when `XTASK_REPORT_PEAK_RSS` is set. The platform input is the 2018
  spec as Genesys published it (Swagger 2.0 JSON, 4.2 MB), which codegen
  converts in memory; output goes to a tmpfs (`/dev/shm`) where there is one,
  since the shared disk adds seconds of noise to 2,828 file creations.
- **Compile time**: `cargo build -p purecloud-platform-client --lib` after
  `cargo clean -p purecloud-platform-client`, its dependencies already built:
  the time the crate itself adds to a downstream build (debug profile).
- **Client overhead**: the generated client and hand-written `reqwest` +
  `serde_json` code (with the same default timeouts, and serializing the same
  body on every call), decoding into structs with the same fields, against the
  same local wiremock server; the two alternate call by call. Ratio of medians.
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
tokens a tenth. 553 of the 1,368 platform models are string enums whose
fixed impls (`Display`, `FromStr`, serde) are over half of the model
lines; they are the next place to look, for codegen and for the
generated crate's compile time alike.

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
    /// `None` where there is no target.
    met: Option<bool>,
    /// The raw numbers, for the smoke check.
    numbers: Vec<f64>,
}

pub fn run(root: &Path, smoke: bool) -> anyhow::Result<()> {
    let runs = if smoke { 1 } else { 7 };
    // Output goes to memory where the machine has a tmpfs: the disk of a
    // shared machine adds seconds of noise to 2,828 file creations.
    let shm = Path::new("/dev/shm");
    let work = if shm.is_dir() {
        shm.join(format!("xtask-bench-{}", std::process::id()))
    } else {
        root.join("target/bench")
    };
    std::fs::create_dir_all(&work)?;
    let xtask = if smoke {
        std::env::current_exe()?
    } else {
        cargo(root, &["build", "--release", "--package", "xtask"])?;
        root.join("target/release/xtask")
    };

    let config = Config::load(root)?;

    let mut rows = Vec::new();
    let oauth = measure(runs, &work, |out| {
        let mut c = command(&xtask, root);
        c.args(["codegen", "--spec"])
            .arg(root.join(&config.spec))
            .arg("--out")
            .arg(out);
        c
    })?;
    rows.push(Row {
        what: "codegen, OAuth section (13 operations)".into(),
        measured: format!("{:.1} ms, {:.0} MB", oauth.ms, oauth.mb),
        target: "≤ 50 ms".into(),
        met: Some(oauth.ms <= 50.0),
        numbers: vec![oauth.ms, oauth.mb],
    });
    let platform = measure(runs, &work, |out| {
        let mut c = command(&xtask, root);
        c.args(["codegen", "--all-tags", "--spec", PLATFORM, "--out"])
            .arg(out);
        c
    })?;
    rows.push(Row {
        what: "codegen, whole 2018 platform (932 operations, all tags)".into(),
        measured: format!("{:.0} ms, {:.0} MB", platform.ms, platform.mb),
        target: "≤ 500 ms and ≤ 150 MB".into(),
        met: Some(platform.ms <= 500.0 && platform.mb <= 150.0),
        numbers: vec![platform.ms, platform.mb],
    });
    let import = measure(runs, &work, |out| {
        let mut c = command(&xtask, root);
        c.args(["spec", "import", PLATFORM, "--out"])
            .arg(out.with_extension("yaml"));
        c
    })?;
    rows.push(Row {
        what: "spec import, whole 2018 platform".into(),
        measured: format!("{:.0} ms, {:.0} MB", import.ms, import.mb),
        target: "≤ 500 ms".into(),
        met: Some(import.ms <= 500.0),
        numbers: vec![import.ms, import.mb],
    });

    let (seconds, lines) = compile_time(root, &config, runs)?;
    rows.push(Row {
        what: format!("cargo build of the generated crate alone ({lines} lines of Rust)"),
        measured: format!("{seconds:.1} s"),
        target: "none; tracked".into(),
        met: None,
        numbers: vec![seconds, lines as f64],
    });

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
            met: Some(ratio <= limit),
            numbers: vec![generated, handwritten, ratio],
        });
    }

    let table = table(&rows);
    println!("{table}");
    let stages = stages_table(&platform.stages);
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
        let _ = std::fs::remove_dir_all(&work);
        return Ok(());
    }
    let missed: Vec<&str> = rows
        .iter()
        .filter(|r| r.met == Some(false))
        .map(|r| r.what.as_str())
        .collect();
    if missed.is_empty() {
        println!("every target is met");
    } else {
        println!("targets missed: {}", missed.join("; "));
    }
    write_report(root, &format!("{table}\n{stages}"), runs)?;
    let _ = std::fs::remove_dir_all(&work);
    Ok(())
}

fn human(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else {
        format!("{:.1} µs", ns / 1e3)
    }
}

fn table(rows: &[Row]) -> String {
    let mut out =
        String::from("| what | measured (median) | target | met |\n| --- | --- | --- | --- |\n");
    for r in rows {
        let met = match r.met {
            Some(true) => "yes",
            Some(false) => "**MISSED**",
            None => "–",
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            r.what, r.measured, r.target, met
        );
    }
    out
}

/// Where whole-platform codegen spends its time, stage by stage.
fn stages_table(stages: &[(String, f64)]) -> String {
    let mut out = String::from(
        "Whole-platform codegen by stage (`CODEGEN_TIMINGS=1`; wall time, median):\n\n\
         | stage | time |\n| --- | --- |\n",
    );
    for (stage, ms) in stages {
        let _ = writeln!(out, "| {stage} | {ms:.1} ms |");
    }
    out
}

struct Process {
    ms: f64,
    mb: f64,
    /// Median wall time of each stage, in the order the stages ran.
    stages: Vec<(String, f64)>,
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
/// returns the median wall time and the median peak resident memory that
/// the process reports of itself.
fn measure(runs: usize, work: &Path, make: impl Fn(&Path) -> Command) -> anyhow::Result<Process> {
    let mut times = Vec::new();
    let mut peaks = Vec::new();
    let mut stages = Vec::new();
    for i in 0..runs {
        let out = work.join(format!("out-{i}"));
        let _ = std::fs::remove_dir_all(&out);
        let _ = std::fs::remove_file(out.with_extension("yaml"));
        let mut command = make(&out);
        let started = Instant::now();
        let output = command.output().context("cannot run xtask")?;
        times.push(started.elapsed());
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
        peaks.push(peak_kb);
        stages.push(stage_times(&stderr));
        let _ = std::fs::remove_dir_all(&out);
    }
    times.sort();
    peaks.sort_by(f64::total_cmp);
    Ok(Process {
        ms: times[times.len() / 2].as_secs_f64() * 1e3,
        mb: peaks[peaks.len() / 2] / 1024.0,
        stages: median_stages(&stages),
    })
}

/// The time `cargo build` spends on the generated crate itself, its
/// dependencies already built, and the crate's line count.
fn compile_time(root: &Path, config: &Config, runs: usize) -> anyhow::Result<(f64, usize)> {
    let package = config.krate.name.as_str();
    cargo(root, &["build", "--package", package, "--lib"])?;
    let mut times = Vec::new();
    for _ in 0..runs {
        cargo(root, &["clean", "--package", package])?;
        let started = Instant::now();
        cargo(root, &["build", "--package", package, "--lib"])?;
        times.push(started.elapsed());
    }
    times.sort();
    let lines = count_lines(&root.join(&config.output).join("src"))?;
    Ok((times[times.len() / 2].as_secs_f64(), lines))
}

fn count_lines(dir: &Path) -> anyhow::Result<usize> {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                total += std::fs::read_to_string(&path)?.lines().count();
            }
        }
    }
    Ok(total)
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
    let output = Command::new(env!("CARGO"))
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
    let output = Command::new(env!("CARGO"))
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
