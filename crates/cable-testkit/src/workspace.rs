//! The workspace's member crates and what each declares it depends on,
//! from `cargo metadata --no-deps` (so inherited `workspace = true`
//! entries, renames and target-specific tables are read as cargo reads
//! them).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root (the workspace's directory).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// What a dependency is needed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `[dependencies]`: part of the crate itself.
    Normal,
    /// `[build-dependencies]`: runs at build time, part of the build.
    Build,
    /// `[dev-dependencies]`: tests, examples and benches only.
    Dev,
}

/// One declared dependency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependency {
    /// The package's name (`serde-saphyr`, not a rename).
    pub name: String,
    /// Which table declares it.
    pub kind: Kind,
}

/// One member crate.
#[derive(Debug, Clone)]
pub struct Package {
    /// Its name (`cable-parse`).
    pub name: String,
    /// Its directory (where its `Cargo.toml` is).
    pub dir: PathBuf,
    /// Every dependency it declares.
    pub dependencies: Vec<Dependency>,
}

impl Package {
    /// The names of what the crate itself is built with: normal and build
    /// dependencies, not dev-dependencies.
    pub fn built_with(&self) -> Vec<&str> {
        self.dependencies
            .iter()
            .filter(|d| d.kind != Kind::Dev)
            .map(|d| d.name.as_str())
            .collect()
    }
}

/// The workspace's members, by name. Panics when `cargo metadata` fails:
/// the checks cannot run without it.
pub fn packages() -> Vec<Package> {
    let out = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(root())
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON");
    let mut packages: Vec<Package> = json["packages"]
        .as_array()
        .expect("cargo metadata lists packages")
        .iter()
        .map(package)
        .collect();
    packages.sort_by(|a, b| a.name.cmp(&b.name));
    packages
}

fn package(p: &serde_json::Value) -> Package {
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_owned();
    let manifest = PathBuf::from(text(&p["manifest_path"]));
    Package {
        name: text(&p["name"]),
        dir: manifest.parent().map(Path::to_path_buf).unwrap_or_default(),
        dependencies: p["dependencies"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|d| Dependency {
                name: text(&d["name"]),
                kind: match d["kind"].as_str() {
                    Some("dev") => Kind::Dev,
                    Some("build") => Kind::Build,
                    _ => Kind::Normal,
                },
            })
            .collect(),
    }
}
