//! `cargo xtask contract`: the generated client against Prism, a mock
//! server that validates every request and response against `spec/`.
//!
//! Prism comes from the npm registry at a pinned version, installed once
//! into `target/prism/`; it listens on a free loopback port for the length
//! of the run.

use anyhow::{bail, Context};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use generator::Config;

/// The Prism release the contract is checked with.
const PRISM: &str = "@stoplight/prism-cli@5.16.0";

pub fn run(root: &Path) -> anyhow::Result<()> {
    let config = Config::load(root)?;
    let prefix = root.join("target/prism");
    let prism = install(&prefix)?;
    let port = free_port()?;
    let log_path = prefix.join("prism.log");
    let log = std::fs::File::create(&log_path)
        .with_context(|| format!("cannot create {}", log_path.display()))?;
    let child = Command::new(&prism)
        .arg("mock")
        .arg(root.join(&config.spec))
        .args(["-h", "127.0.0.1", "-p", &port.to_string()])
        // Requests and responses that violate the spec become errors.
        .arg("--errors")
        .stdout(log.try_clone()?)
        .stderr(log)
        .spawn()
        .with_context(|| format!("cannot start {}", prism.display()))?;
    let mut prism = Running(child);
    wait_for(port, &mut prism.0, &log_path)?;
    println!("contract: Prism is listening on 127.0.0.1:{port}");

    let status = crate::batch::plain_cargo()
        .current_dir(root)
        .args(["test", "--package"])
        .arg(&config.krate.name)
        .args(["--test", "contract"])
        .env("PRISM_URL", format!("http://127.0.0.1:{port}"))
        .status()
        .context("cannot run cargo test")?;
    drop(prism);
    if !status.success() {
        bail!(
            "the contract tests failed; Prism's log is {}",
            log_path.display()
        );
    }
    Ok(())
}

/// Installs Prism into `prefix` unless the pinned version is there.
fn install(prefix: &Path) -> anyhow::Result<std::path::PathBuf> {
    let bin = prefix.join("node_modules/.bin/prism");
    let marker = prefix.join(".installed");
    if bin.exists() && std::fs::read_to_string(&marker).is_ok_and(|v| v == PRISM) {
        return Ok(bin);
    }
    for tool in ["node", "npm"] {
        let found = Command::new(tool)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !found {
            bail!(
                "`{tool}` is not installed: the contract tests need Node.js 18 or newer with npm \
                 (Debian: `apt-get install nodejs npm`)"
            );
        }
    }
    std::fs::create_dir_all(prefix)?;
    println!("contract: installing {PRISM} into {}", prefix.display());
    let status = Command::new("npm")
        .args([
            "install",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
            "--prefix",
        ])
        .arg(prefix)
        .arg(PRISM)
        .status()
        .context("cannot run npm")?;
    if !status.success() || !bin.exists() {
        bail!("npm could not install {PRISM}");
    }
    std::fs::write(&marker, PRISM)?;
    Ok(bin)
}

fn free_port() -> anyhow::Result<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
    Ok(listener.local_addr()?.port())
}

/// Waits until Prism accepts connections, or says why it did not.
fn wait_for(port: u16, child: &mut Child, log: &Path) -> anyhow::Result<()> {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait()? {
            bail!(
                "Prism exited with {status} before listening; see {}",
                log.display()
            );
        }
        if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    bail!("Prism did not listen within 60 s; see {}", log.display())
}

/// Stops Prism however the run ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
