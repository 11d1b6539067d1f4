//! Stage timings for `cargo xtask bench`: with `CODEGEN_TIMINGS` set in the
//! environment, each stage prints one `timing: <stage> <ms> ms <kB> kB`
//! line to stderr when it ends (wall time, and the resident memory at
//! that point where the OS tells). Without it, a stage costs one `Instant`.

use std::sync::OnceLock;
use std::time::Instant;

/// The environment variable that turns the lines on.
pub const ENV: &str = "CODEGEN_TIMINGS";

fn enabled() -> bool {
    static ENABLED: OnceLock<bool> = OnceLock::new();
    *ENABLED.get_or_init(|| std::env::var_os(ENV).is_some())
}

/// A running stage; its line is printed when it is dropped.
#[must_use = "a stage is timed until it is dropped"]
pub struct Stage {
    name: &'static str,
    start: Instant,
}

/// Starts timing `name`.
pub fn stage(name: &'static str) -> Stage {
    Stage {
        name,
        start: Instant::now(),
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        if !enabled() {
            return;
        }
        let ms = self.start.elapsed().as_secs_f64() * 1000.0;
        match memory_kb("VmRSS") {
            Some(kb) => eprintln!("timing: {} {ms:.1} ms {kb} kB", self.name),
            None => eprintln!("timing: {} {ms:.1} ms", self.name),
        }
    }
}

/// A memory figure of this process in kB, on Linux: `VmRSS` (resident
/// now) or `VmHWM` (peak resident), from `/proc/self/status`.
pub fn memory_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))?
        .trim()
        .trim_end_matches(" kB")
        .trim()
        .parse()
        .ok()
}
