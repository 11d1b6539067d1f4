//! The generator never panics, whatever the spec says: it generates, or it
//! returns diagnostics. A bounded, seeded mutation test: the OAuth spec and
//! small synthetic specs are mutated at random nodes (keys removed, values
//! replaced by other types, references broken, enums duplicated…) and run
//! through the whole pipeline. The seed is fixed, so a failure reproduces.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use generator::Config;
use serde_json::{json, Value};

/// xorshift64*: small, fast, deterministic, and enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn oauth_spec() -> Value {
    let text = std::fs::read_to_string(root().join("spec/purecloud-oauth.yaml")).unwrap();
    serde_yaml::from_str(&text).unwrap()
}

/// Every container node, by its path of keys and indexes.
fn containers(value: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match value {
        Value::Object(map) => {
            out.push(path.clone());
            for (k, v) in map {
                path.push(k.clone());
                containers(v, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            out.push(path.clone());
            for (i, v) in items.iter().enumerate() {
                path.push(i.to_string());
                containers(v, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn node<'a>(value: &'a mut Value, path: &[String]) -> Option<&'a mut Value> {
    let mut current = value;
    for step in path {
        current = match current {
            Value::Object(map) => map.get_mut(step)?,
            Value::Array(items) => items.get_mut(step.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(current)
}

const REPLACEMENTS: &[&str] = &[
    "null", "0", "-1", "true", "\"\"", "\"string\"", "{}", "[]", "[{}]",
    "{\"$ref\": \"#/components/schemas/Nowhere\"}",
    "{\"$ref\": \"#/components/schemas/OAuthClient\"}",
    "{\"type\": \"object\", \"properties\": {\"type\": {\"type\": \"string\"}, \"self\": {}}}",
    "{\"type\": \"integer\", \"enum\": [1, 1, -1]}",
    "{\"type\": \"string\", \"enum\": [\"a\", \"A\", \"\", \"1st\", \"a.b\", \"a-b\"]}",
    "{\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}]}",
    "{\"allOf\": [{\"$ref\": \"#/components/schemas/Cursors\"}, {\"type\": \"object\"}]}",
    "{\"type\": \"array\"}",
    "{\"type\": \"object\", \"additionalProperties\": true}",
    "{\"name\": \"x\", \"in\": \"cookie\", \"schema\": {\"type\": \"string\"}}",
    "{\"name\": \"clientId\", \"in\": \"path\", \"required\": false, \"schema\": {\"type\": \"string\"}}",
];

fn mutate(spec: &mut Value, rng: &mut Rng) {
    let mut all = Vec::new();
    containers(spec, &mut Vec::new(), &mut all);
    let path = all[rng.below(all.len())].clone();
    let Some(target) = node(spec, &path) else {
        return;
    };
    match target {
        Value::Object(map) if !map.is_empty() && rng.below(3) == 0 => {
            let key = map
                .keys()
                .nth(rng.below(map.len()))
                .cloned()
                .unwrap_or_default();
            map.shift_remove(&key);
        }
        Value::Object(map) if !map.is_empty() => {
            let key = map
                .keys()
                .nth(rng.below(map.len()))
                .cloned()
                .unwrap_or_default();
            let replacement = REPLACEMENTS[rng.below(REPLACEMENTS.len())];
            map.insert(
                key,
                serde_json::from_str(replacement).unwrap_or(Value::Null),
            );
        }
        Value::Array(items) if !items.is_empty() && rng.below(2) == 0 => {
            let i = rng.below(items.len());
            let copy = items[i].clone();
            items.push(copy);
        }
        Value::Array(items) if !items.is_empty() => {
            let i = rng.below(items.len());
            items.remove(i);
        }
        other => {
            *other = serde_json::from_str(REPLACEMENTS[rng.below(REPLACEMENTS.len())])
                .unwrap_or(Value::Null)
        }
    }
}

/// Runs the pipeline; `Err` only when it panicked.
fn survives(spec: &Value, config: &Config) -> Result<(), String> {
    let Ok(parsed) = serde_json::from_value::<openapiv3::OpenAPI>(spec.clone()) else {
        return Ok(()); // Not an OpenAPI document: the loader reports that.
    };
    catch_unwind(AssertUnwindSafe(|| {
        let _ = generator::generate_from(Path::new("spec/mutated.yaml"), &parsed, config);
    }))
    .map_err(|panic| {
        panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_default()
    })
}

#[test]
fn mutated_oauth_specs_give_code_or_diagnostics_never_a_panic() {
    let config = Config::load(&root()).unwrap();
    let original = oauth_spec();
    let mut rng = Rng(0x5eed_0a17_c0de_0001);
    for case in 0..150 {
        let mut spec = original.clone();
        for _ in 0..=rng.below(3) {
            mutate(&mut spec, &mut rng);
        }
        if let Err(panic) = survives(&spec, &config) {
            panic!("case {case} panicked: {panic}\nspec: {spec}");
        }
    }
}

#[test]
fn small_synthetic_specs_give_code_or_diagnostics_never_a_panic() {
    let mut config = Config::load(&root()).unwrap();
    config.tags = vec!["T".into()];
    let mut rng = Rng(0x5eed_0a17_c0de_0002);
    for case in 0..150 {
        let mut schemas = serde_json::Map::new();
        for i in 0..1 + rng.below(4) {
            let schema: Value =
                serde_json::from_str(REPLACEMENTS[rng.below(REPLACEMENTS.len())]).unwrap();
            schemas.insert(format!("S{i}"), schema);
        }
        let mut spec = json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "servers": [{"url": "https://api.example.com"}],
            "paths": {"/things/{id}": {"post": {
                "tags": ["T"],
                "operationId": "postThing",
                "parameters": [{"name": "id", "in": "path", "required": true,
                                "schema": {"$ref": "#/components/schemas/S0"}}],
                "requestBody": {"content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/S0"}}}},
                "responses": {"200": {"description": "ok", "content": {"application/json": {
                    "schema": {"type": "array", "items": {"$ref": "#/components/schemas/S0"}}}}}}
            }}},
            "components": {"schemas": schemas}
        });
        for _ in 0..rng.below(3) {
            mutate(&mut spec, &mut rng);
        }
        if let Err(panic) = survives(&spec, &config) {
            panic!("case {case} panicked: {panic}\nspec: {spec}");
        }
    }
}
