//! The documentation tells the truth about Cargo.toml: how to install the
//! binary, which dependencies each feature brings, the MSRV, the profile
//! lines a dependent crate needs, and where the record schema lives.

use std::fs;
use std::path::Path;

fn read(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The lines of one `[section]` of Cargo.toml (up to the next section).
fn section(toml: &str, name: &str) -> Vec<String> {
    let header = format!("[{name}]");
    toml.lines()
        .skip_while(|l| l.trim() != header)
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .map(str::to_owned)
        .collect()
}

/// `name = ...` keys of a section, comments left out.
fn keys(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_owned()))
        .filter(|k| !k.is_empty())
        .collect()
}

/// The crate-level documentation: the `//!` lines of src/lib.rs.
fn crate_docs() -> String {
    read("src/lib.rs")
        .lines()
        .filter_map(|l| l.strip_prefix("//!"))
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_install_command_names_the_features_the_binary_requires() {
    let toml = read("Cargo.toml");
    let bin = section(&toml, "[bin]");
    let required = bin
        .iter()
        .find_map(|l| l.strip_prefix("required-features = "))
        .expect("the binary requires features");
    let features: Vec<&str> = required
        .trim_matches(|c| c == '[' || c == ']')
        .split(',')
        .map(|f| f.trim().trim_matches('"'))
        .collect();
    let wanted = format!("cargo install --path . --features {}", features.join(","));
    assert!(
        read("README.md").contains(&wanted),
        "README lacks `{wanted}`"
    );
    assert!(crate_docs().contains(&wanted), "crate docs lack `{wanted}`");
}

#[test]
fn readme_names_every_dependency_and_feature() {
    let toml = read("Cargo.toml");
    let readme = read("README.md");
    let docs = crate_docs();
    for dep in keys(&section(&toml, "dependencies")) {
        assert!(
            readme.contains(&dep),
            "README does not name the dependency {dep}"
        );
    }
    for feature in keys(&section(&toml, "features")) {
        if feature == "default" {
            continue;
        }
        assert!(
            readme.contains(&format!("| `{feature}` |")),
            "README's feature table lacks {feature}"
        );
        assert!(
            docs.contains(&format!("- `{feature}`")),
            "the crate docs' # Crate features lack {feature}"
        );
    }
    assert!(docs.contains("# Crate features"));
}

#[test]
fn the_msrv_is_stated_for_the_library_and_for_the_tests() {
    let toml = read("Cargo.toml");
    let msrv = toml
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = "))
        .expect("rust-version")
        .trim_matches('"');
    let readme = read("README.md");
    assert!(readme.contains(&format!("build with Rust {msrv} or later")));
    assert!(readme.contains("the tests need Rust 1.88"));
}

#[test]
fn dependents_are_told_the_profile_lines_this_crate_uses() {
    let toml = read("Cargo.toml");
    let (readme, docs) = (read("README.md"), crate_docs());
    let mut found = 0;
    for line in toml.lines() {
        let Some(package) = line
            .strip_prefix("[profile.dev.package.")
            .and_then(|l| l.strip_suffix(']'))
        else {
            continue;
        };
        found += 1;
        let block = format!("[profile.dev.package.{package}]\nopt-level = 3");
        assert!(readme.contains(&block), "README lacks {block}");
        assert!(docs.contains(&block), "crate docs lack {block}");
    }
    assert!(found > 0);
}

#[test]
fn the_schema_is_documented_in_the_crate_itself() {
    let schema = read("docs/schema.md");
    for field in [
        "kind",
        "person",
        "company",
        "old_role",
        "new_role",
        "reports_to",
        "previous_reports_to",
        "predecessor",
        "successor",
        "evidence",
        "status",
        "rules",
        "optional_record",
    ] {
        assert!(
            schema.contains(&format!("`{field}`")) || schema.contains(&format!("\"{field}\"")),
            "docs/schema.md lacks {field}"
        );
    }
    let outside = "../shared/eval/SCHEMA.md";
    assert!(!read("README.md").contains(outside));
    assert!(!crate_docs().contains(outside));
    assert!(!read("src/eval/mod.rs").contains("SCHEMA.md"));
    let exclude = read("Cargo.toml")
        .lines()
        .find(|l| l.starts_with("exclude"))
        .unwrap_or_default()
        .to_owned();
    assert!(!exclude.contains("docs"), "docs/ must ship with the crate");
    assert!(!exclude.contains("fixtures"), "the tests read fixtures/");
}

#[test]
fn limitations_give_the_measured_figures_and_where_the_fixture_score_comes_from() {
    for (name, text) in [("README", read("README.md")), ("crate docs", crate_docs())] {
        assert!(text.contains("Limitations"), "{name}");
        // Development set (all, first 40, added 40), CEO notes, fixtures,
        // fixtures scored before the rules saw them.
        for figure in ["0.903", "0.902", "0.904", "0.926", "0.909", "0.814"] {
            assert!(text.contains(figure), "{name} lacks {figure}");
        }
        assert!(text.contains("written against"), "{name}");
        assert!(
            text.contains("other languages") || text.contains("languages other"),
            "{name}"
        );
    }
}
