//! Maintainer commands for this repository, run as `cargo xtask <command>`.
//!
//! - `codegen [--check]`: regenerate `generated/` from `spec/`, or check
//!   that it is up to date.
//! - `spec import <swagger> [--tag T]... [--out FILE]`: convert an upstream
//!   Swagger 2.0 file into the OpenAPI 3.0 section kept in `spec/`.
//! - `spec diff <old> <new> [--tag T]... [--format markdown|json]`: the
//!   changes between two versions of a spec that reach the crate's users,
//!   breaking or additive.
//! - `contract`: run the generated client against Prism, a mock server
//!   that validates every exchange against the spec.
//! - `bench [--smoke]`: measure the generator, the generated crate and the
//!   client against their targets.
//! - `cases [NAME]... [--jobs N]`: generate every spec case of
//!   `generator/cases/` and check, lint, document and test each crate.
//! - `corpus [NAME]... [--jobs N] [--doc]`: generate every public spec of `xtask/corpus/`
//!   and `cargo check` each crate.
//! - `features [FEATURE]... [--all] [--spec FILE]`: generate today's whole
//!   platform and lint and document it one cargo feature at a time.

/// Codegen allocates small and often (every token of every generated
/// file); see `mimalloc` in the workspace manifest for the measurements.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod batch;
mod bench;
mod cases;
mod codegen;
mod contract;
mod corpus;
mod features;
mod spec_diff;
mod spec_import;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage:
  cargo xtask codegen [--check] [--spec FILE --out DIR] [--tag TAG]... [--all-tags] [--crate-name NAME] [--profile generic|genesys] [--skip-unsupported]
  cargo xtask contract
  cargo xtask bench [--smoke]
  cargo xtask cases [NAME]... [--jobs N]
  cargo xtask corpus [NAME]... [--jobs N] [--doc]
  cargo xtask features [FEATURE]... [--all] [--spec FILE]
  cargo xtask spec import <swagger.json|.yaml> [--tag TAG]... [--out FILE] [--verbose]
  cargo xtask spec diff <old> <new> [--tag TAG]... [--format markdown|json]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let root = repo_root();
    let result = match args.as_slice() {
        // `cargo xtask <command> --help`: the same usage, before any
        // command reads `--help` as an unknown argument.
        [_, "--help" | "-h"] => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        ["codegen", rest @ ..] => codegen::Options::parse(rest)
            .and_then(|(mode, options)| codegen::run_with(&root, mode, &options)),
        ["spec", "import", rest @ ..] => spec_import::run(&root, rest),
        ["spec", "diff", rest @ ..] => spec_diff::run(&root, rest),
        ["contract"] => contract::run(&root),
        ["bench"] => bench::run(&root, false),
        ["bench", "--smoke"] => bench::run(&root, true),
        ["cases", rest @ ..] => cases::run(&root, rest),
        ["corpus", rest @ ..] => corpus::run(&root, rest),
        ["features", rest @ ..] => features::run(&root, rest),
        ["--help" | "-h" | "help"] => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => Err(anyhow::anyhow!(
            "unknown command `{}`\n{USAGE}",
            args.join(" ")
        )),
    };
    report_peak_memory();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// For `cargo xtask bench`: the process's peak resident memory, which only
/// the process itself can read once it is done.
fn report_peak_memory() {
    if std::env::var_os("XTASK_REPORT_PEAK_RSS").is_none() {
        return;
    }
    if let Some(kb) = generator::timing::memory_kb("VmHWM") {
        eprintln!("xtask-peak-rss-kb={kb}");
    }
}

/// The repository root: the parent of this crate's folder. Commands work
/// the same from any directory.
fn repo_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}
