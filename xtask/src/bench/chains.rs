//! Scaling with the depth of a spec rather than its breadth: long chains
//! of schemas that each build on the one before (`allOf`, aliases, arrays,
//! unions). A generator that walks a chain once per link is quadratic or
//! worse here, and a spec of a few thousand schemas can hang it.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::{json, Value};

use super::{command, measure, thousands, Process};

/// How each schema of a chain builds on the one before it.
#[derive(Clone, Copy)]
enum Link {
    /// `S2: {allOf: [{$ref: S1}, {properties: {p2}}]}`: each schema holds
    /// every property before it, so the output grows with the square.
    AllOf,
    /// `S2: {$ref: S1}`.
    Alias,
    /// `S2: {type: array, items: {$ref: S1}}`.
    Array,
    /// `S2: {oneOf: [{$ref: S1}, {properties: {q2}}]}`.
    OneOf,
}

impl Link {
    fn name(self) -> &'static str {
        match self {
            Link::AllOf => "`allOf` chain",
            Link::Alias => "alias chain",
            Link::Array => "array chain",
            Link::OneOf => "`oneOf` chain",
        }
    }

    /// The lengths measured: `allOf`'s output is quadratic in its length.
    fn lengths(self) -> [usize; 3] {
        match self {
            Link::AllOf => [250, 500, 1000],
            _ => [1000, 2000, 4000],
        }
    }

    fn schema(self, i: usize) -> Value {
        let before = json!({"$ref": format!("#/components/schemas/S{}", i - 1)});
        match self {
            Link::AllOf => json!({"allOf": [before, {
                "type": "object",
                "properties": {format!("p{i}"): {"type": "string"}}
            }]}),
            Link::Alias => before,
            Link::Array => json!({"type": "array", "items": before}),
            Link::OneOf => json!({"oneOf": [before, {
                "type": "object",
                "properties": {format!("q{i}"): {"type": "integer"}}
            }]}),
        }
    }
}

/// A spec of one operation whose response is the last of `n` schemas.
fn spec(link: Link, n: usize) -> Value {
    let mut schemas = serde_json::Map::new();
    schemas.insert(
        "S0".into(),
        json!({"type": "object", "properties": {"p0": {"type": "string"}}}),
    );
    for i in 1..n {
        schemas.insert(format!("S{i}"), link.schema(i));
    }
    json!({
        "openapi": "3.0.3",
        "info": {"title": "Chain", "version": "1.0.0"},
        "paths": {"/last": {"get": {
            "operationId": "getLast",
            "tags": ["chain"],
            "responses": {"200": {
                "description": "The last schema of the chain.",
                "content": {"application/json": {"schema": {
                    "$ref": format!("#/components/schemas/S{}", n - 1)
                }}}
            }}
        }}},
        "components": {"schemas": schemas}
    })
}

/// Measures codegen on each chain and returns the table.
pub fn table(xtask: &Path, root: &Path, work: &Path, runs: usize) -> anyhow::Result<String> {
    let mut out = String::from(
        "Scaling with chains of schemas (release codegen, median wall time; \
         linear growth keeps the time per 1,000 lines flat down each chain):\n\n\
         | chain | schemas | time | lines of Rust | time per 1,000 lines |\n\
         | --- | --- | --- | --- | --- |\n",
    );
    for link in [Link::AllOf, Link::Alias, Link::Array, Link::OneOf] {
        for n in link.lengths() {
            let input = work.join(format!("chain-{n}.json"));
            std::fs::write(&input, serde_json::to_vec(&spec(link, n))?)?;
            let p: Process = measure(runs, work, |dir| {
                let mut c = command(xtask, root);
                c.args(["codegen", "--all-tags", "--spec"])
                    .arg(&input)
                    .arg("--out")
                    .arg(dir);
                c
            })?;
            let _ = writeln!(
                out,
                "| {} | {} | {:.0} ms | {} | {:.1} ms |",
                link.name(),
                thousands(n),
                p.ms.median,
                thousands(p.lines),
                p.ms.median * 1000.0 / p.lines.max(1) as f64
            );
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_schema_of_a_chain_names_the_one_before_and_the_operation_the_last() {
        let spec = spec(Link::Array, 3);
        let schemas = &spec["components"]["schemas"];
        assert_eq!(schemas["S2"]["items"]["$ref"], "#/components/schemas/S1");
        assert_eq!(schemas["S1"]["items"]["$ref"], "#/components/schemas/S0");
        assert_eq!(
            spec["paths"]["/last"]["get"]["responses"]["200"]["content"]["application/json"]
                ["schema"]["$ref"],
            "#/components/schemas/S2"
        );
    }
}
