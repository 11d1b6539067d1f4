//! Swagger 2.0 → OpenAPI 3.0.3, with the tag selection.
//!
//! Each piece of the source is converted where it is copied, with its
//! source pointer at hand, so that every warning points into the file the
//! maintainer has.

use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

use super::refs::{component_refs, fix_refs, resolve_ref, RefSink, Section, HTTP_METHODS};
use super::{has_tag, kept_tags, Warning, WarningKind};
use crate::diagnostics::{pointer_escape, Diagnostic};

/// Keys of a non-body parameter (or header, or items) that describe its
/// value; in OpenAPI 3.0 they move into `schema`.
const SCHEMA_KEYS: [&str; 16] = [
    "type",
    "format",
    "items",
    "default",
    "enum",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "multipleOf",
];

const FORM: &str = "application/x-www-form-urlencoded";
const MULTIPART: &str = "multipart/form-data";
const JSON_TYPE: &str = "application/json";

/// Converts `doc`, keeping the operations tagged with one of `tags` (all
/// of them, and every component, when `tags` is empty).
/// `sources` gets, for each converted node that sits elsewhere than its
/// Swagger original in a way no fixed rule can tell (a parameter whose
/// index moved because the body left the list, a request body, a form
/// field), its OpenAPI 3.0 pointer → its Swagger 2.0 pointer.
pub fn convert(
    doc: &Value,
    tags: &[String],
    warnings: &mut Vec<Warning>,
    sources: &mut Map<String, Value>,
) -> Result<Value, Vec<Diagnostic>> {
    let Some(root) = doc.as_object() else {
        return Err(vec![Diagnostic::new("", "the document is not an object")]);
    };
    let mut converter = Converter {
        root,
        consumes: strings(root.get("consumes")),
        produces: strings(root.get("produces")),
        warnings,
        errors: Vec::new(),
        missing: BTreeSet::new(),
        sources: Map::new(),
    };
    let paths = converter.paths(tags);
    let components = converter.components(&paths, tags.is_empty());
    let mut out = Map::new();
    let mut paths = Some(paths);
    let mut components = Some(components);
    for (key, value) in root {
        match key.as_str() {
            "swagger" => {
                out.insert("openapi".into(), json!("3.0.3"));
            }
            "host" | "basePath" | "schemes" => {
                if !out.contains_key("servers") {
                    if let Some(servers) = servers(root) {
                        out.insert("servers".into(), servers);
                    }
                }
            }
            "consumes" | "produces" => {}
            "tags" => {
                out.insert(key.clone(), kept_tags(value, tags));
            }
            "paths" => {
                if let Some(paths) = paths.take() {
                    out.insert(key.clone(), paths);
                }
            }
            "definitions" | "parameters" | "responses" | "securityDefinitions" => {
                if let Some(components) = components.take() {
                    out.insert("components".into(), components);
                }
            }
            _ => {
                out.insert(key.clone(), value.clone());
            }
        }
    }
    if let Some(components) = components {
        out.insert("components".into(), components);
    }
    sources.extend(std::mem::take(&mut converter.sources));
    if converter.errors.is_empty() {
        Ok(Value::Object(out))
    } else {
        Err(converter.errors)
    }
}

struct Converter<'a, 'w> {
    root: &'a Map<String, Value>,
    consumes: Vec<String>,
    produces: Vec<String>,
    warnings: &'w mut Vec<Warning>,
    errors: Vec<Diagnostic>,
    /// The OpenAPI 3.0 references to entries the document lacks, each
    /// reported where it is written.
    missing: BTreeSet<String>,
    /// Converted pointer → Swagger pointer, for nodes that moved (see
    /// [`convert`]).
    sources: Map<String, Value>,
}

/// A non-body parameter in its OpenAPI 3.0 form, or a part of a body.
#[derive(Clone)]
enum Converted {
    Parameter(Value),
    Body(Value),
    Form {
        name: String,
        schema: Value,
        required: bool,
        file: bool,
    },
    Dropped,
}

impl<'a> Converter<'a, '_> {
    /// Where [`fix_refs`] reports.
    fn sink(&mut self) -> RefSink<'a, '_> {
        RefSink {
            root: self.root,
            warnings: &mut *self.warnings,
            errors: &mut self.errors,
            missing: &mut self.missing,
        }
    }

    /// Records that the node converted to `to` comes from `from`, when the
    /// two differ.
    fn moved(&mut self, to: String, from: &str) {
        if to != from {
            self.sources.insert(to, Value::String(from.to_owned()));
        }
    }

    fn warn(&mut self, pointer: impl Into<String>, kind: WarningKind, message: impl Into<String>) {
        self.warnings.push(Warning {
            pointer: pointer.into(),
            kind,
            message: message.into(),
        });
    }

    /// The kept path items, converted one by one over the cores; each
    /// item's warnings and errors keep their place in document order.
    fn paths(&mut self, tags: &[String]) -> Value {
        let mut paths = Map::new();
        let Some(source) = self.root.get("paths").and_then(Value::as_object) else {
            return Value::Object(paths);
        };
        let items: Vec<(&String, &Value)> = source.iter().collect();
        let converted = crate::parallel::parallel_map(&items, |(path, item)| {
            let mut warnings = Vec::new();
            let mut converter = Converter {
                root: self.root,
                consumes: self.consumes.clone(),
                produces: self.produces.clone(),
                warnings: &mut warnings,
                errors: Vec::new(),
                missing: BTreeSet::new(),
                sources: Map::new(),
            };
            let item = converter.path_item(path, item, tags);
            let (errors, missing, sources) =
                (converter.errors, converter.missing, converter.sources);
            (item, warnings, errors, missing, sources)
        });
        for ((path, _), (item, warnings, errors, missing, sources)) in items.iter().zip(converted) {
            self.warnings.extend(warnings);
            self.errors.extend(errors);
            self.missing.extend(missing);
            self.sources.extend(sources);
            if let Some(item) = item {
                paths.insert((*path).clone(), item);
            }
        }
        Value::Object(paths)
    }

    /// One path item with its kept operations; `None` when it keeps none.
    fn path_item(&mut self, path: &str, item: &Value, tags: &[String]) -> Option<Value> {
        let item_ptr = format!("/paths/{}", pointer_escape(path));
        let Some(item) = item.as_object() else {
            self.errors
                .push(Diagnostic::new(item_ptr, "a path item must be an object"));
            return None;
        };
        let template = template_names(path);
        // Path-level body and form parameters have no place on an
        // OpenAPI 3.0 path item: they move into each operation.
        let mut shared = Vec::new();
        let mut shared_body = Vec::new();
        for (i, p) in item
            .get("parameters")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let p_ptr = format!("{item_ptr}/parameters/{i}");
            match self.parameter(p, &p_ptr, Some(&template)) {
                Converted::Parameter(p) => {
                    self.moved(format!("{item_ptr}/parameters/{}", shared.len()), &p_ptr);
                    shared.push(p);
                }
                Converted::Dropped => {}
                body => shared_body.push((body, p_ptr)),
            }
        }
        let mut new_item = Map::new();
        for (key, value) in item {
            if HTTP_METHODS.contains(&key.as_str()) {
                if has_tag(value, tags) {
                    let op_ptr = format!("{item_ptr}/{key}");
                    if let Some(op) = self.operation(value, &op_ptr, &template, &shared_body) {
                        new_item.insert(key.clone(), op);
                    }
                }
            } else if key == "parameters" {
                if !shared.is_empty() {
                    new_item.insert(key.clone(), Value::Array(shared.clone()));
                }
            } else {
                new_item.insert(key.clone(), value.clone());
            }
        }
        new_item
            .keys()
            .any(|k| HTTP_METHODS.contains(&k.as_str()))
            .then_some(Value::Object(new_item))
    }

    fn operation(
        &mut self,
        op: &Value,
        ptr: &str,
        template: &[String],
        shared_body: &[(Converted, String)],
    ) -> Option<Value> {
        let Some(op) = op.as_object() else {
            self.errors
                .push(Diagnostic::new(ptr, "an operation must be an object"));
            return None;
        };
        let consumes = op
            .get("consumes")
            .map_or_else(|| self.consumes.clone(), |v| strings(Some(v)));
        let produces = op
            .get("produces")
            .map_or_else(|| self.produces.clone(), |v| strings(Some(v)));

        let mut params = Vec::new();
        // Each with the pointer of the Swagger parameter it comes from.
        let mut body = None;
        let mut form = Vec::new();
        let mut body_name = None;
        let sources = op.get("parameters").and_then(Value::as_array);
        for (i, p) in sources.into_iter().flatten().enumerate() {
            let p_ptr = format!("{ptr}/parameters/{i}");
            match self.parameter(p, &p_ptr, Some(template)) {
                Converted::Parameter(p) => {
                    self.moved(format!("{ptr}/parameters/{}", params.len()), &p_ptr);
                    params.push(p);
                }
                Converted::Body(_) if body.is_some() => self.warn(
                    &p_ptr,
                    WarningKind::ExtraBodyParameter,
                    "a second `in: body` parameter; an operation has one body (Swagger 2.0, \
                     Parameter Object), so only the first is sent and this one is dropped",
                ),
                Converted::Body(b) => {
                    body_name = p.get("name").cloned();
                    body = Some((b, p_ptr));
                }
                f @ Converted::Form { .. } => form.push((f, p_ptr)),
                Converted::Dropped => {}
            }
        }
        for (shared, p_ptr) in shared_body {
            match shared {
                Converted::Body(b) if body.is_none() => body = Some((b.clone(), p_ptr.clone())),
                Converted::Form { name, .. }
                    if !form.iter().any(
                        |(f, _)| matches!(f, Converted::Form { name: n, .. } if n == name),
                    ) =>
                {
                    form.push((shared.clone(), p_ptr.clone()))
                }
                _ => {}
            }
        }
        if body.is_some() {
            // Swagger 2.0: "Body and form parameters can't exist together
            // for the same operation."
            for (f, from) in &form {
                if let Converted::Form { name, .. } = f {
                    self.warn(
                        from,
                        WarningKind::ExtraBodyParameter,
                        format!(
                            "form parameter `{name}` beside an `in: body` parameter, which \
                             Swagger 2.0 forbids; the body is sent and `{name}` is dropped"
                        ),
                    );
                }
            }
        }
        let body_ptr = format!("{ptr}/requestBody");
        let request_body = match (body, form.is_empty()) {
            (Some((b, from)), _) => {
                let b = self.body_content(b, &consumes);
                self.moved(body_ptr.clone(), &from);
                for media in b
                    .get("content")
                    .and_then(Value::as_object)
                    .into_iter()
                    .flatten()
                {
                    let at = format!("{body_ptr}/content/{}/schema", pointer_escape(media.0));
                    self.moved(at, &format!("{from}/schema"));
                }
                Some(b)
            }
            (None, false) => {
                let b = form_body(form.iter().map(|(f, _)| f.clone()).collect(), &consumes);
                self.moved(body_ptr.clone(), &form[0].1);
                for media in b
                    .get("content")
                    .and_then(Value::as_object)
                    .into_iter()
                    .flatten()
                {
                    let fields = format!(
                        "{body_ptr}/content/{}/schema/properties",
                        pointer_escape(media.0)
                    );
                    for (f, from) in &form {
                        if let Converted::Form { name, .. } = f {
                            self.moved(format!("{fields}/{}", pointer_escape(name)), from);
                        }
                    }
                }
                Some(b)
            }
            (None, true) => None,
        };

        let mut out = Map::new();
        let mut body_placed = false;
        for (key, value) in op {
            match key.as_str() {
                "consumes" | "produces" => {}
                "parameters" => {
                    if !params.is_empty() {
                        out.insert(key.clone(), Value::Array(params.clone()));
                    }
                    if let Some(b) = &request_body {
                        out.insert("requestBody".into(), b.clone());
                        body_placed = true;
                    }
                }
                "responses" => {
                    if let (Some(b), false) = (&request_body, body_placed) {
                        out.insert("requestBody".into(), b.clone());
                        body_placed = true;
                    }
                    let mut responses = Map::new();
                    for (code, r) in value.as_object().into_iter().flatten() {
                        let r_ptr = format!("{ptr}/responses/{}", pointer_escape(code));
                        responses.insert(code.clone(), self.response(r, &r_ptr, &produces));
                    }
                    out.insert(key.clone(), Value::Object(responses));
                }
                _ => {
                    out.insert(key.clone(), value.clone());
                }
            }
        }
        if let (Some(b), false) = (request_body, body_placed) {
            out.insert("requestBody".into(), b);
        }
        if let Some(name) = body_name {
            out.insert("x-codegen-request-body-name".into(), name);
        }
        Some(Value::Object(out))
    }

    /// Converts one parameter. `$ref`s to shared parameters are kept as
    /// references, except that a shared body becomes a request body ref.
    fn parameter(&mut self, p: &Value, ptr: &str, template: Option<&[String]>) -> Converted {
        let Some(map) = p.as_object() else {
            self.errors
                .push(Diagnostic::new(ptr, "a parameter must be an object"));
            return Converted::Dropped;
        };
        if let Some(written) = map.get("$ref").and_then(Value::as_str) {
            let errors = self.errors.len();
            let at = format!("{ptr}/$ref");
            let reference = resolve_ref(written, &at, Section::Parameters, &mut self.sink());
            if self.errors.len() > errors {
                return Converted::Dropped;
            }
            let Some(name) = reference.strip_prefix("#/parameters/") else {
                self.errors.push(Diagnostic::new(
                    at,
                    format!("`$ref: {written}` must point into `#/parameters/`"),
                ));
                return Converted::Dropped;
            };
            let name = crate::diagnostics::pointer_unescape(name);
            let shared = self
                .root
                .get("parameters")
                .and_then(|ps| ps.get(&name))
                .cloned();
            let Some(shared) = shared else {
                // `resolve_ref` found it.
                return Converted::Dropped;
            };
            let escaped = pointer_escape(&name);
            return match shared.get("in").and_then(Value::as_str) {
                Some("body") => Converted::Body(
                    json!({ "$ref": format!("#/components/requestBodies/{escaped}") }),
                ),
                Some("formData") => {
                    self.parameter(&shared, &format!("/parameters/{escaped}"), template)
                }
                _ => Converted::Parameter(
                    json!({ "$ref": format!("#/components/parameters/{escaped}") }),
                ),
            };
        }
        let location = map.get("in").and_then(Value::as_str).unwrap_or("");
        let name = map
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        match location {
            "body" => {
                let mut body = Map::new();
                if let Some(d) = map.get("description") {
                    body.insert("description".into(), d.clone());
                }
                let mut schema = map.get("schema").cloned().unwrap_or_else(|| json!({}));
                fix_refs(
                    &mut schema,
                    &format!("{ptr}/schema"),
                    Section::Definitions,
                    &mut self.sink(),
                );
                body.insert("schema".into(), schema);
                if let Some(r) = map.get("required") {
                    body.insert("required".into(), r.clone());
                }
                for (k, v) in map {
                    if k.starts_with("x-") {
                        body.insert(k.clone(), v.clone());
                    }
                }
                return Converted::Body(Value::Object(body));
            }
            "path" if template.is_some_and(|t| !t.contains(&name)) => {
                self.warn(
                    ptr,
                    WarningKind::PathParameterNotInPath,
                    format!("path parameter `{name}` does not appear in the path; dropped"),
                );
                return Converted::Dropped;
            }
            _ => {}
        }

        let mut schema = Map::new();
        let mut out = Map::new();
        let mut collection_format = None;
        for (key, value) in map {
            if SCHEMA_KEYS.contains(&key.as_str()) {
                let mut value = value.clone();
                if key == "items" {
                    value = items_schema(&value);
                    fix_refs(
                        &mut value,
                        &format!("{ptr}/items"),
                        Section::Definitions,
                        &mut self.sink(),
                    );
                }
                schema.insert(key.clone(), value);
            } else if key == "collectionFormat" {
                collection_format = value.as_str().map(str::to_owned);
            } else if key == "allowEmptyValue" && location != "query" {
                // Only meaningful for query parameters in OpenAPI 3.0.
            } else {
                out.insert(key.clone(), value.clone());
            }
        }
        self.repair_schema(&mut schema, ptr, location == "query");

        if location == "formData" {
            // A form body's arrays go one field per item (OpenAPI 3.0's
            // default encoding, `multi` in Swagger's words): any other
            // layout is Swagger's alone.
            if schema.get("type").and_then(Value::as_str) == Some("array")
                && collection_format.as_deref() != Some("multi")
            {
                let written = match collection_format.as_deref() {
                    Some(f) => format!("`collectionFormat: {f}`"),
                    None => "Swagger 2.0's default `collectionFormat: csv`".to_owned(),
                };
                self.warn(
                    match collection_format {
                        Some(_) => format!("{ptr}/collectionFormat"),
                        None => ptr.to_owned(),
                    },
                    WarningKind::FormArrayCollectionFormat,
                    format!(
                        "{written} of the form field `{name}` is not kept: the client sends a \
                         form's array as one field per item (`{name}=a&{name}=b`, as `multi` does), \
                         OpenAPI 3.0's default for forms"
                    ),
                );
            }
            let file = schema.get("type").and_then(Value::as_str) == Some("file");
            if file {
                schema.insert("type".into(), json!("string"));
                schema.insert("format".into(), json!("binary"));
            }
            if let Some(d) = map.get("description") {
                schema.insert("description".into(), d.clone());
            }
            for (k, v) in map {
                if k.starts_with("x-") {
                    schema.insert(k.clone(), v.clone());
                }
            }
            return Converted::Form {
                name,
                schema: Value::Object(schema),
                required: map.get("required").and_then(Value::as_bool) == Some(true),
                file,
            };
        }

        if schema.get("type").and_then(Value::as_str) == Some("array") {
            let (style, explode) = match (location, collection_format.as_deref()) {
                ("query", Some("multi")) => ("form", true),
                ("query", Some("ssv")) => ("spaceDelimited", false),
                ("query", Some("pipes")) => ("pipeDelimited", false),
                ("query", _) => ("form", false),
                _ => ("simple", false),
            };
            if let Some(why) =
                unkept_collection_format(location, &name, collection_format.as_deref())
            {
                self.warn(
                    format!("{ptr}/collectionFormat"),
                    WarningKind::UnsupportedCollectionFormat,
                    why,
                );
            }
            out.insert("style".into(), json!(style));
            out.insert("explode".into(), json!(explode));
        }
        out.insert("schema".into(), Value::Object(schema));
        Converted::Parameter(Value::Object(out))
    }

    /// Repairs the quirks a parameter's schema can have, with a warning
    /// each.
    fn repair_schema(&mut self, schema: &mut Map<String, Value>, ptr: &str, query: bool) {
        let ty = schema
            .get("type")
            .and_then(Value::as_str)
            .map(str::to_owned);
        if query && ty.as_deref() == Some("array") {
            let item_type = schema
                .get("items")
                .and_then(|i| i.get("type"))
                .and_then(Value::as_str);
            if matches!(item_type, None | Some("object")) {
                self.warn(
                    format!("{ptr}/items"),
                    WarningKind::QueryArrayOfObjects,
                    "the items of a query array are objects, which a query string cannot carry; they are sent as strings",
                );
                schema.insert("items".into(), json!({ "type": "string" }));
            }
        }
        if let Some(ty) = ty.as_deref() {
            if let Some(Value::Array(values)) = schema.get_mut("enum") {
                if coerce_enum(ty, values) {
                    self.warnings.push(Warning {
                        pointer: format!("{ptr}/enum"),
                        kind: WarningKind::EnumTypeMismatch,
                        message: format!(
                            "the enum values are strings but the type is `{ty}`; they were converted to `{ty}`"
                        ),
                    });
                }
            }
        }
        let enum_values = match ty.as_deref() {
            Some("array") => schema
                .get("items")
                .and_then(|i| i.get("enum"))
                .and_then(Value::as_array)
                .cloned(),
            _ => schema.get("enum").and_then(Value::as_array).cloned(),
        };
        if let (Some(values), Some(default)) = (enum_values, schema.get("default")) {
            let defaults: Vec<&Value> = match default {
                Value::Array(items) => items.iter().collect(),
                single => vec![single],
            };
            let missing: Vec<String> = defaults
                .iter()
                .filter(|d| !values.contains(d))
                .map(|d| d.to_string())
                .collect();
            if !missing.is_empty() {
                let allowed: Vec<String> = values.iter().map(Value::to_string).collect();
                self.warn(
                    format!("{ptr}/default"),
                    WarningKind::DefaultNotInEnum,
                    format!(
                        "the default {} is not one of the enum values [{}]; kept as it is",
                        missing.join(", "),
                        allowed.join(", ")
                    ),
                );
            }
        }
    }

    fn body_content(&self, body: Value, consumes: &[String]) -> Value {
        let Value::Object(mut body) = body else {
            return body;
        };
        if body.contains_key("$ref") {
            return Value::Object(body);
        }
        let schema = body.shift_remove("schema").unwrap_or_else(|| json!({}));
        let mut content = Map::new();
        let types: Vec<&str> = consumes
            .iter()
            .map(String::as_str)
            .filter(|t| *t != FORM && *t != MULTIPART)
            .collect();
        let types = if types.is_empty() {
            vec![JSON_TYPE]
        } else {
            types
        };
        for t in types {
            content.insert(t.to_owned(), json!({ "schema": schema }));
        }
        let mut out = Map::new();
        if let Some(d) = body.shift_remove("description") {
            out.insert("description".into(), d);
        }
        out.insert("content".into(), Value::Object(content));
        for (k, v) in body {
            out.insert(k, v);
        }
        Value::Object(out)
    }

    fn response(&mut self, r: &Value, ptr: &str, produces: &[String]) -> Value {
        let Some(map) = r.as_object() else {
            return r.clone();
        };
        if map.contains_key("$ref") {
            let mut r = r.clone();
            fix_refs(&mut r, ptr, Section::Responses, &mut self.sink());
            return r;
        }
        let mut out = Map::new();
        if !map.contains_key("description") {
            self.warn(
                ptr,
                WarningKind::ResponseWithoutDescription,
                "the response has no `description`, which OpenAPI requires; an empty one was added",
            );
            out.insert("description".into(), json!(""));
        }
        let types: Vec<String> = if produces.is_empty() {
            vec![JSON_TYPE.to_owned()]
        } else {
            produces.to_vec()
        };
        for (key, value) in map {
            match key.as_str() {
                "schema" => {
                    let mut schema = value.clone();
                    fix_refs(
                        &mut schema,
                        &format!("{ptr}/schema"),
                        Section::Definitions,
                        &mut self.sink(),
                    );
                    // Swagger 2.0's `type: file` (a download) is bytes in
                    // OpenAPI 3.0; under JSON alone, which can't carry
                    // them, it comes as `application/octet-stream`.
                    let mut types = types.clone();
                    if let Some(file) = schema
                        .as_object_mut()
                        .filter(|s| s.get("type").and_then(Value::as_str) == Some("file"))
                    {
                        file.insert("type".into(), json!("string"));
                        file.insert("format".into(), json!("binary"));
                        if types.iter().all(|t| t.ends_with("json")) {
                            types = vec!["application/octet-stream".to_owned()];
                        }
                    }
                    let examples = map.get("examples").and_then(Value::as_object);
                    let mut content = Map::new();
                    for t in &types {
                        let mut media = Map::new();
                        media.insert("schema".into(), schema.clone());
                        if let Some(example) = examples.and_then(|e| e.get(t)) {
                            media.insert("example".into(), example.clone());
                        }
                        content.insert(t.clone(), Value::Object(media));
                    }
                    out.insert("content".into(), Value::Object(content));
                }
                "examples" if map.contains_key("schema") => {}
                "headers" => {
                    let mut headers = Map::new();
                    for (name, h) in value.as_object().into_iter().flatten() {
                        let mut header = Map::new();
                        let mut schema = Map::new();
                        for (k, v) in h.as_object().into_iter().flatten() {
                            if SCHEMA_KEYS.contains(&k.as_str()) {
                                schema.insert(k.clone(), v.clone());
                            } else if k != "collectionFormat" {
                                header.insert(k.clone(), v.clone());
                            }
                        }
                        header.insert("schema".into(), Value::Object(schema));
                        headers.insert(name.clone(), Value::Object(header));
                    }
                    out.insert(key.clone(), Value::Object(headers));
                }
                _ => {
                    out.insert(key.clone(), value.clone());
                }
            }
        }
        Value::Object(out)
    }

    /// `components`: the definitions, shared parameters, bodies and
    /// responses that the kept paths reach (all of them when `keep_all`),
    /// each in source order, then the security schemes.
    fn components(&mut self, paths: &Value, keep_all: bool) -> Value {
        let definitions = self.root.get("definitions").and_then(Value::as_object);
        let parameters = self.root.get("parameters").and_then(Value::as_object);
        let responses = self.root.get("responses").and_then(Value::as_object);

        let mut reached: BTreeSet<(String, String)> = BTreeSet::new();
        let mut converted: std::collections::BTreeMap<(String, String), Value> = Default::default();
        let mut queue: Vec<(String, String)> = Vec::new();
        if keep_all {
            for (kind, source) in [
                ("schemas", definitions),
                ("parameters", parameters),
                ("responses", responses),
            ] {
                for name in source.into_iter().flat_map(|m| m.keys()) {
                    let kind = match (kind, parameters.and_then(|p| p.get(name))) {
                        ("parameters", Some(p))
                            if p.get("in").and_then(Value::as_str) == Some("body") =>
                        {
                            "requestBodies"
                        }
                        _ => kind,
                    };
                    queue.push((kind.to_owned(), name.clone()));
                }
            }
        }
        component_refs(paths, &mut queue);
        queue.reverse();
        while let Some(key) = queue.pop() {
            if !reached.insert(key.clone()) {
                continue;
            }
            let (kind, name) = &key;
            let escaped = pointer_escape(name);
            let value = match kind.as_str() {
                "schemas" => definitions.and_then(|d| d.get(name)).map(|d| {
                    let mut d = d.clone();
                    fix_refs(
                        &mut d,
                        &format!("/definitions/{escaped}"),
                        Section::Definitions,
                        &mut self.sink(),
                    );
                    d
                }),
                "parameters" | "requestBodies" => {
                    parameters.and_then(|p| p.get(name)).cloned().and_then(|p| {
                        match self.parameter(&p, &format!("/parameters/{escaped}"), None) {
                            Converted::Parameter(p) => Some(p),
                            Converted::Body(b) => {
                                Some(self.body_content(b, &self.consumes.clone()))
                            }
                            _ => None,
                        }
                    })
                }
                "responses" => responses.and_then(|r| r.get(name)).cloned().map(|r| {
                    let produces = self.produces.clone();
                    self.response(&r, &format!("/responses/{escaped}"), &produces)
                }),
                _ => None,
            };
            match value {
                Some(value) => {
                    let mut more = Vec::new();
                    component_refs(&value, &mut more);
                    queue.extend(more.into_iter().rev());
                    converted.insert(key, value);
                }
                // Reported where it is referenced.
                None if self
                    .missing
                    .contains(&format!("#/components/{kind}/{escaped}")) => {}
                None => {
                    let source = match kind.as_str() {
                        "schemas" => "definitions",
                        "responses" => "responses",
                        _ => "parameters",
                    };
                    self.errors.push(Diagnostic::new(
                        format!("/{source}/{escaped}"),
                        format!("`{name}` is referenced but not defined in `{source}`"),
                    ));
                }
            }
        }

        let mut out = Map::new();
        let mut section = |kind: &str, source: Option<&Map<String, Value>>| {
            let mut entries = Map::new();
            for name in source.into_iter().flat_map(|m| m.keys()) {
                if let Some(v) = converted.remove(&(kind.to_owned(), name.clone())) {
                    entries.insert(name.clone(), v);
                }
            }
            if !entries.is_empty() {
                out.insert(kind.to_owned(), Value::Object(entries));
            }
        };
        section("schemas", definitions);
        section("parameters", parameters);
        section("requestBodies", parameters);
        section("responses", responses);
        if !out.contains_key("schemas") {
            out.insert("schemas".into(), json!({}));
        }
        if let Some(Value::Object(defs)) = self.root.get("securityDefinitions") {
            let schemes: Map<String, Value> = defs
                .iter()
                .map(|(name, def)| (name.clone(), security_scheme(def)))
                .collect();
            out.insert("securitySchemes".into(), Value::Object(schemes));
        }
        Value::Object(out)
    }
}

/// `formData` parameters become one object schema, sent as a form.
fn form_body(form: Vec<Converted>, consumes: &[String]) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    let mut has_file = false;
    for f in form {
        if let Converted::Form {
            name,
            schema,
            required: r,
            file,
        } = f
        {
            if r {
                required.push(json!(name));
            }
            has_file |= file;
            properties.insert(name, schema);
        }
    }
    let media = if has_file || consumes.iter().any(|c| c == MULTIPART) {
        MULTIPART
    } else {
        FORM
    };
    let mut schema = Map::new();
    schema.insert("type".into(), json!("object"));
    schema.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        schema.insert("required".into(), Value::Array(required));
    }
    let any_required = schema.contains_key("required");
    json!({
        "content": { media: { "schema": schema } },
        "required": any_required,
    })
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

fn template_names(path: &str) -> Vec<String> {
    path.split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name.to_owned()))
        .collect()
}

/// `items` of a non-body parameter may carry its own `collectionFormat`,
/// which has no place in a schema.
fn items_schema(items: &Value) -> Value {
    match items {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| k.as_str() != "collectionFormat")
                .map(|(k, v)| {
                    let v = if k == "items" {
                        items_schema(v)
                    } else {
                        v.clone()
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Converts string enum values to the schema's type where they parse as
/// it; returns whether anything changed.
fn coerce_enum(ty: &str, values: &mut [Value]) -> bool {
    let mut changed = false;
    for v in values.iter_mut() {
        let Value::String(s) = v else {
            continue;
        };
        let parsed = match ty {
            "boolean" => s.parse::<bool>().ok().map(Value::from),
            "integer" => s.parse::<i64>().ok().map(Value::from),
            "number" => s.parse::<f64>().ok().map(Value::from),
            _ => None,
        };
        if let Some(p) = parsed {
            *v = p;
            changed = true;
        }
    }
    changed
}

fn servers(root: &Map<String, Value>) -> Option<Value> {
    let base = root.get("basePath").and_then(Value::as_str).unwrap_or("");
    let Some(host) = root.get("host").and_then(Value::as_str) else {
        return (!base.is_empty()).then(|| json!([{ "url": base }]));
    };
    let schemes = strings(root.get("schemes"));
    let schemes = if schemes.is_empty() {
        vec!["https".to_owned()]
    } else {
        schemes
    };
    Some(Value::Array(
        schemes
            .iter()
            .map(|s| json!({ "url": format!("{s}://{host}{base}") }))
            .collect(),
    ))
}

fn security_scheme(def: &Value) -> Value {
    let Some(d) = def.as_object() else {
        return def.clone();
    };
    let mut out = Map::new();
    match d.get("type").and_then(Value::as_str) {
        Some("basic") => {
            out.insert("type".into(), json!("http"));
            out.insert("scheme".into(), json!("basic"));
        }
        Some("oauth2") => {
            let flow_name = match d.get("flow").and_then(Value::as_str) {
                Some("accessCode") => "authorizationCode",
                Some("application") => "clientCredentials",
                Some(other) => other,
                None => "implicit",
            };
            let mut flow = Map::new();
            for key in ["authorizationUrl", "tokenUrl"] {
                if let Some(v) = d.get(key) {
                    flow.insert(key.into(), v.clone());
                }
            }
            flow.insert(
                "scopes".into(),
                d.get("scopes").cloned().unwrap_or_else(|| json!({})),
            );
            out.insert("type".into(), json!("oauth2"));
            out.insert("flows".into(), json!({ flow_name: flow }));
        }
        _ => {
            for (k, v) in d {
                if k != "description" && !k.starts_with("x-") {
                    out.insert(k.clone(), v.clone());
                }
            }
        }
    }
    if let Some(desc) = d.get("description") {
        out.insert("description".into(), desc.clone());
    }
    for (k, v) in d {
        if k.starts_with("x-") {
            out.insert(k.clone(), v.clone());
        }
    }
    Value::Object(out)
}

/// Why an array parameter's `collectionFormat` is not sent as written, if
/// it isn't: OpenAPI 3.0 has no tab-separated style, and header and path
/// arrays are comma-separated (`style: simple`), as RFC 9110's lists are.
/// `multi` (one `name=value` per item) is for query and form fields only.
fn unkept_collection_format(location: &str, name: &str, format: Option<&str>) -> Option<String> {
    let place = match location {
        "header" => format!("the header `{name}`"),
        "path" => format!("the path parameter `{name}`"),
        _ => format!("the query parameter `{name}`"),
    };
    let delimiter = match format? {
        "csv" => return None,
        "multi" | "ssv" | "pipes" if location == "query" => return None,
        "multi" if location == "header" => {
            return Some(format!(
                "`collectionFormat: multi` is for query and form fields only; the items of \
                 {place} are sent comma-separated in one field, which RFC 9110 (section 5.3) \
                 makes the same as one field line per item"
            ))
        }
        "multi" => {
            return Some(format!(
                "`collectionFormat: multi` is for query and form fields only; the items of \
                 {place} are sent comma-separated"
            ))
        }
        "ssv" => "space",
        "tsv" => "tab",
        "pipes" => "`|`",
        other => {
            return Some(format!(
                "`collectionFormat: {other}` is none of Swagger 2.0's (csv, ssv, tsv, pipes, \
                 multi); the items of {place} are sent comma-separated"
            ))
        }
    };
    let why = match location {
        "header" => "header arrays are comma-separated (`style: simple`), as RFC 9110's lists are",
        "path" => "path arrays are comma-separated (`style: simple`)",
        _ => "OpenAPI 3.0 has no tab-separated style",
    };
    Some(format!(
        "`collectionFormat: {}` has no OpenAPI 3.0 form here: {why}; the items of {place} are \
         sent comma-separated, not {delimiter}-separated",
        format?
    ))
}
