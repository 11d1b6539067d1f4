//! Selection: the operations of the configured tags, and the transitive
//! closure of the component schemas they reference (every component
//! schema when the tags select every operation). Nothing outside the
//! selection reaches the IR.

use indexmap::IndexMap;
use openapiv3::{
    AdditionalProperties, Header, MediaType, OpenAPI, Operation, Parameter,
    ParameterSchemaOrContent, PathItem, ReferenceOr, Response, Schema, SchemaKind, Type,
};
use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::{pointer_escape, pointer_unescape, Diagnostic};

/// One operation picked by its tag.
#[derive(Debug, Clone)]
pub struct SelectedOperation<'a> {
    /// The path template.
    pub path: &'a str,
    /// Upper-case HTTP method.
    pub method: &'static str,
    /// The operation.
    pub operation: &'a Operation,
    /// Parameters declared on the path item, shared by its operations.
    pub path_parameters: &'a [ReferenceOr<Parameter>],
    /// The first configured tag the operation carries: its API group.
    pub group: &'a str,
    /// JSON pointer to the operation.
    pub pointer: String,
}

/// What the configured tags select.
#[derive(Debug, Clone)]
pub struct Selection<'a> {
    /// In the spec's path order, then method order.
    pub operations: Vec<SelectedOperation<'a>>,
    /// Names of the component schemas selected: those the operations
    /// reach, and every other one when the tags select every operation.
    pub schemas: BTreeSet<String>,
    /// Those of `schemas` that no selected operation reaches.
    pub unreferenced: BTreeSet<String>,
    /// The configured tags, in their order: an operation's group is the
    /// first of them it carries.
    pub tags: &'a [String],
}

impl Selection<'_> {
    /// The schema of `unreferenced` that the node at `pointer` lies in.
    pub fn unreferenced_schema_at(&self, pointer: &str) -> Option<&str> {
        let rest = pointer.strip_prefix("/components/schemas/")?;
        let token = rest.split('/').next()?;
        self.unreferenced
            .get(pointer_unescape(token).as_str())
            .map(String::as_str)
    }
}

const SCHEMA_PREFIX: &str = "#/components/schemas/";

/// The group of the operations that have no tag: selected by `--all-tags`,
/// or by naming it as a tag. It merges with a tag of the same name.
pub const UNTAGGED_GROUP: &str = "default";

/// Selects the operations tagged with one of `tags` and every schema they
/// reach. A `$ref` to a schema that doesn't exist is reported at the place
/// that holds it; the selection is returned beside the problems, so that
/// later stages can report theirs too.
pub fn select<'a>(spec: &'a OpenAPI, tags: &'a [String]) -> (Selection<'a>, Vec<Diagnostic>) {
    select_with(spec, tags, true)
}

/// [`select`], where `unreferenced` says whether the schemas no operation
/// reaches are selected too when every operation is.
pub fn select_with<'a>(
    spec: &'a OpenAPI,
    tags: &'a [String],
    unreferenced: bool,
) -> (Selection<'a>, Vec<Diagnostic>) {
    let mut errors = Vec::new();
    let mut operations = Vec::new();
    // Whether the tags leave out any operation of the spec.
    let mut left_out = false;
    for (path, item) in &spec.paths.paths {
        let item_pointer = format!("/paths/{}", pointer_escape(path));
        let item: &PathItem = match path_item(spec, item) {
            Ok(item) => item,
            Err(message) => {
                errors.push(Diagnostic::new(item_pointer, message));
                continue;
            }
        };
        for (method, operation) in item.iter() {
            let group = if operation.tags.is_empty() {
                tags.iter().find(|t| *t == UNTAGGED_GROUP)
            } else {
                tags.iter().find(|t| operation.tags.contains(t))
            };
            let Some(group) = group else {
                left_out = true;
                continue;
            };
            operations.push(SelectedOperation {
                path,
                method: upper_method(method),
                operation,
                path_parameters: &item.parameters,
                group,
                pointer: format!("{item_pointer}/{method}"),
            });
        }
    }
    for tag in tags {
        // A tag whose operations all went to an earlier tag's group is
        // still a tag of the spec.
        let carried = operations.iter().any(|o| {
            o.operation.tags.iter().any(|t| t == tag)
                || (tag == UNTAGGED_GROUP && o.operation.tags.is_empty())
        });
        if !carried {
            let mut known: BTreeSet<&str> = BTreeSet::new();
            for item in spec.paths.paths.values() {
                if let ReferenceOr::Item(item) = item {
                    for (_, op) in item.iter() {
                        known.extend(op.tags.iter().map(String::as_str));
                    }
                }
            }
            let known: Vec<&str> = known.into_iter().collect();
            let declared = spec.tags.iter().any(|t| &t.name == tag);
            errors.push(unknown_tag(tag, declared, &known));
        }
    }

    // Walk the typed operations and schemas: only the places a schema can
    // sit are visited, and a pointer is only spelled out for a `$ref` that
    // points to nothing.
    let mut walk = Walk {
        spec,
        components: BTreeSet::new(),
        schemas: BTreeSet::new(),
        pending: Vec::new(),
        errors,
    };
    for op in &operations {
        let item_pointer = op.pointer.rsplit_once('/').map_or("", |(p, _)| p);
        let item_at = At::root(item_pointer);
        let params_at = item_at.key("parameters");
        for (i, parameter) in op.path_parameters.iter().enumerate() {
            walk.parameter(parameter, &params_at.index(i));
        }
        walk.operation(op.operation, &At::root(&op.pointer));
    }
    let hierarchy = crate::polymorphism::hierarchy(spec);
    walk.drain(&hierarchy);
    let reached = walk.schemas.clone();
    // With the whole API selected, every component schema is part of it,
    // including those no operation names: a spec publishes its webhook and
    // event payloads that way. A schema that no group reaches compiles
    // with the `full` feature.
    if unreferenced && !left_out {
        for name in spec.components.iter().flat_map(|c| c.schemas.keys()) {
            walk.component_schema(name);
        }
        walk.drain(&hierarchy);
    }
    let unreferenced = walk.schemas.difference(&reached).cloned().collect();

    (
        Selection {
            operations,
            schemas: walk.schemas,
            unreferenced,
            tags,
        },
        walk.errors,
    )
}

fn components_schema<'a>(spec: &'a OpenAPI, name: &str) -> Option<&'a ReferenceOr<Schema>> {
    spec.components.as_ref()?.schemas.get(name)
}

/// Where the walk is, as a chain of pointer tokens on the stack; turned
/// into a JSON pointer only when a diagnostic needs one.
#[derive(Clone, Copy)]
struct At<'p> {
    parent: Option<&'p At<'p>>,
    token: Token<'p>,
}

#[derive(Clone, Copy)]
enum Token<'p> {
    /// An already escaped pointer prefix (the root of the chain).
    Pointer(&'p str),
    /// An object key, escaped when spelled out.
    Key(&'p str),
    Index(usize),
}

impl<'p> At<'p> {
    fn root(pointer: &'p str) -> Self {
        At {
            parent: None,
            token: Token::Pointer(pointer),
        }
    }

    fn key(&'p self, key: &'p str) -> At<'p> {
        At {
            parent: Some(self),
            token: Token::Key(key),
        }
    }

    fn index(&'p self, index: usize) -> At<'p> {
        At {
            parent: Some(self),
            token: Token::Index(index),
        }
    }

    fn pointer(&self) -> String {
        let mut tokens = Vec::new();
        let mut at = Some(self);
        while let Some(node) = at {
            tokens.push(node.token);
            at = node.parent;
        }
        let mut out = String::new();
        for token in tokens.into_iter().rev() {
            match token {
                Token::Pointer(p) => out.push_str(p),
                Token::Key(k) => {
                    out.push('/');
                    out.push_str(&pointer_escape(k));
                }
                Token::Index(i) => {
                    out.push('/');
                    out.push_str(&i.to_string());
                }
            }
        }
        out
    }
}

/// The transitive walk from the selected operations to every component
/// schema they reach.
struct Walk<'a> {
    spec: &'a OpenAPI,
    /// The shared components (`#/components/parameters/…` and the like)
    /// already walked.
    components: BTreeSet<&'a str>,
    schemas: BTreeSet<String>,
    /// Schemas found but not walked yet.
    pending: Vec<String>,
    errors: Vec<Diagnostic>,
}

impl<'a> Walk<'a> {
    fn operation(&mut self, op: &'a Operation, at: &At) {
        let params_at = at.key("parameters");
        for (i, parameter) in op.parameters.iter().enumerate() {
            self.parameter(parameter, &params_at.index(i));
        }
        if let Some(body) = &op.request_body {
            let at = at.key("requestBody");
            match body {
                ReferenceOr::Reference { reference } => self.reference(reference, &at),
                ReferenceOr::Item(body) => self.content(&body.content, &at.key("content")),
            }
        }
        let responses_at = at.key("responses");
        if let Some(response) = &op.responses.default {
            self.response(response, &responses_at.key("default"));
        }
        for (status, response) in &op.responses.responses {
            let status = status.to_string();
            self.response(response, &responses_at.key(&status));
        }
    }

    fn parameter(&mut self, parameter: &'a ReferenceOr<Parameter>, at: &At) {
        match parameter {
            ReferenceOr::Reference { reference } => self.reference(reference, at),
            ReferenceOr::Item(parameter) => match &parameter.parameter_data_ref().format {
                ParameterSchemaOrContent::Schema(schema) => {
                    self.schema_or_ref(schema, &at.key("schema"))
                }
                ParameterSchemaOrContent::Content(content) => {
                    self.content(content, &at.key("content"))
                }
            },
        }
    }

    fn response(&mut self, response: &'a ReferenceOr<Response>, at: &At) {
        match response {
            ReferenceOr::Reference { reference } => self.reference(reference, at),
            ReferenceOr::Item(response) => {
                self.content(&response.content, &at.key("content"));
                let headers_at = at.key("headers");
                for (name, header) in &response.headers {
                    self.header(header, &headers_at.key(name));
                }
            }
        }
    }

    fn header(&mut self, header: &'a ReferenceOr<Header>, at: &At) {
        match header {
            ReferenceOr::Reference { reference } => self.reference(reference, at),
            ReferenceOr::Item(header) => match &header.format {
                ParameterSchemaOrContent::Schema(schema) => {
                    self.schema_or_ref(schema, &at.key("schema"))
                }
                ParameterSchemaOrContent::Content(content) => {
                    self.content(content, &at.key("content"))
                }
            },
        }
    }

    fn content(&mut self, content: &'a IndexMap<String, MediaType>, at: &At) {
        for (media, media_type) in content {
            if let Some(schema) = &media_type.schema {
                self.schema_or_ref(schema, &at.key(media).key("schema"));
            }
        }
    }

    fn schema_or_ref(&mut self, schema: &'a ReferenceOr<Schema>, at: &At) {
        match schema {
            ReferenceOr::Reference { reference } => self.reference(reference, at),
            ReferenceOr::Item(schema) => self.schema(schema, at),
        }
    }

    fn boxed(&mut self, schema: &'a ReferenceOr<Box<Schema>>, at: &At) {
        match schema {
            ReferenceOr::Reference { reference } => self.reference(reference, at),
            ReferenceOr::Item(schema) => self.schema(schema, at),
        }
    }

    fn schema(&mut self, schema: &'a Schema, at: &At) {
        match &schema.schema_kind {
            SchemaKind::Type(Type::Object(object)) => {
                self.properties(&object.properties, at);
                self.additional(object.additional_properties.as_ref(), at);
            }
            SchemaKind::Type(Type::Array(array)) => {
                if let Some(items) = &array.items {
                    self.boxed(items, &at.key("items"));
                }
            }
            SchemaKind::Type(_) => {}
            SchemaKind::OneOf { one_of } => self.list(one_of, &at.key("oneOf")),
            SchemaKind::AllOf { all_of } => self.list(all_of, &at.key("allOf")),
            SchemaKind::AnyOf { any_of } => self.list(any_of, &at.key("anyOf")),
            SchemaKind::Not { not } => self.schema_or_ref(not, &at.key("not")),
            SchemaKind::Any(any) => {
                self.properties(&any.properties, at);
                self.additional(any.additional_properties.as_ref(), at);
                if let Some(items) = &any.items {
                    self.boxed(items, &at.key("items"));
                }
                self.list(&any.one_of, &at.key("oneOf"));
                self.list(&any.all_of, &at.key("allOf"));
                self.list(&any.any_of, &at.key("anyOf"));
                if let Some(not) = &any.not {
                    self.schema_or_ref(not, &at.key("not"));
                }
            }
        }
    }

    fn properties(&mut self, properties: &'a IndexMap<String, ReferenceOr<Box<Schema>>>, at: &At) {
        let at = at.key("properties");
        for (name, schema) in properties {
            self.boxed(schema, &at.key(name));
        }
    }

    fn additional(&mut self, additional: Option<&'a AdditionalProperties>, at: &At) {
        if let Some(AdditionalProperties::Schema(schema)) = additional {
            self.schema_or_ref(schema, &at.key("additionalProperties"));
        }
    }

    fn list(&mut self, schemas: &'a [ReferenceOr<Schema>], at: &At) {
        for (i, schema) in schemas.iter().enumerate() {
            self.schema_or_ref(schema, &at.index(i));
        }
    }

    /// Walks each queued schema, and the subtypes of a polymorphic base:
    /// a base of `allOf` polymorphism may hold any of its subtypes, which
    /// it doesn't refer to (they refer to it), so they are reached with it.
    fn drain(&mut self, hierarchy: &BTreeMap<&str, crate::polymorphism::Base<'_>>) {
        while let Some(name) = self.pending.pop() {
            if let Some(schema) = components_schema(self.spec, &name) {
                let pointer = format!("/components/schemas/{}", pointer_escape(&name));
                self.schema_or_ref(schema, &At::root(&pointer));
            }
            if let Some(base) = hierarchy.get(name.as_str()).filter(|b| b.is_union(&name)) {
                for subtype in base.usable() {
                    self.component_schema(subtype.name);
                }
            }
        }
    }

    /// Selects the component schema `name` (which exists), and queues it
    /// to be walked once.
    fn component_schema(&mut self, name: &str) {
        if self.schemas.insert(name.to_owned()) {
            self.pending.push(name.to_owned());
        }
    }

    /// Queues the schema a `$ref` names; a reference to a shared parameter,
    /// body or response is followed into that component. One that points
    /// to nothing is reported at `at`.
    fn reference(&mut self, reference: &'a str, at: &At) {
        if let Some(name) = reference.strip_prefix(SCHEMA_PREFIX) {
            if self.schemas.contains(name) {
                return;
            }
            if components_schema(self.spec, name).is_none() {
                self.errors
                    .push(missing(self.spec, reference, &at.pointer()));
                return;
            }
            self.component_schema(name);
            return;
        }
        // A shared parameter, body or response: walked once, however many
        // operations use it (which also ends a loop of references).
        if !self.components.insert(reference) {
            return;
        }
        let spec: &'a OpenAPI = self.spec;
        let Some(components) = spec.components.as_ref() else {
            self.errors
                .push(missing(self.spec, reference, &at.pointer()));
            return;
        };
        let found = |prefix: &str| reference.strip_prefix(prefix);
        if let Some(name) = found("#/components/parameters/") {
            if let Some(parameter) = components.parameters.get(name) {
                let pointer = format!("/components/parameters/{}", pointer_escape(name));
                return self.parameter(parameter, &At::root(&pointer));
            }
        } else if let Some(name) = found("#/components/requestBodies/") {
            if let Some(body) = components.request_bodies.get(name) {
                let pointer = format!("/components/requestBodies/{}", pointer_escape(name));
                let at = At::root(&pointer);
                return match body {
                    ReferenceOr::Reference { reference } => self.reference(reference, &at),
                    ReferenceOr::Item(body) => self.content(&body.content, &at.key("content")),
                };
            }
        } else if let Some(name) = found("#/components/headers/") {
            if let Some(header) = components.headers.get(name) {
                let pointer = format!("/components/headers/{}", pointer_escape(name));
                return self.header(header, &At::root(&pointer));
            }
        } else if let Some(name) = found("#/components/responses/") {
            if let Some(response) = components.responses.get(name) {
                let pointer = format!("/components/responses/{}", pointer_escape(name));
                return self.response(response, &At::root(&pointer));
            }
        }
        self.errors
            .push(missing(self.spec, reference, &at.pointer()));
    }
}
/// A path item, or the one its `$ref` names: another path of the same
/// document (`#/paths/~1things`), followed through chains of them.
fn path_item<'a>(
    spec: &'a OpenAPI,
    item: &'a ReferenceOr<PathItem>,
) -> Result<&'a PathItem, String> {
    let mut item = item;
    for _ in 0..16 {
        let reference = match item {
            ReferenceOr::Item(item) => return Ok(item),
            ReferenceOr::Reference { reference } => reference,
        };
        let target = reference
            .strip_prefix("#/paths/")
            .map(crate::diagnostics::pointer_unescape);
        item = match target.as_deref().and_then(|t| spec.paths.paths.get(t)) {
            Some(target) => target,
            None => {
                return Err(format!(
                    "`$ref: {reference}` names no path item of this document; a path item \
                     `$ref` must point to another path (`#/paths/…`) of the same spec"
                ))
            }
        };
    }
    Err("the path item `$ref`s form a cycle".to_owned())
}

fn missing(spec: &OpenAPI, reference: &str, at: &str) -> Diagnostic {
    Diagnostic::new(
        at,
        format!(
            "`$ref: {reference}` {}",
            crate::local_refs::why_unresolved(spec, reference)
        ),
    )
}

fn upper_method(method: &str) -> &'static str {
    match method {
        "get" => "GET",
        "put" => "PUT",
        "post" => "POST",
        "delete" => "DELETE",
        "options" => "OPTIONS",
        "head" => "HEAD",
        "patch" => "PATCH",
        _ => "TRACE",
    }
}

/// The operations of each group, keyed by tag.
pub fn by_group<'s, 'a>(
    selection: &'s Selection<'a>,
) -> BTreeMap<&'a str, Vec<&'s SelectedOperation<'a>>> {
    let mut groups: BTreeMap<&str, Vec<&SelectedOperation>> = BTreeMap::new();
    for op in &selection.operations {
        groups.entry(op.group).or_default().push(op);
    }
    groups
}

/// The error for a tag asked for that no operation carries, with the tags
/// that operations do carry. `declared`: the tag is in the top-level
/// `tags` list all the same.
pub fn unknown_tag(tag: &str, declared: bool, carried: &[&str]) -> Diagnostic {
    let declared = if declared {
        " (it is declared in `tags`, but has no operations)"
    } else {
        ""
    };
    let choose = if carried.is_empty() {
        "no operation has a tag".to_owned()
    } else {
        format!("the spec's tags are: {}", carried.join(", "))
    };
    Diagnostic::new(
        "/paths",
        format!("no operation carries the tag `{tag}`{declared}; {choose}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(paths: &str, components: &str) -> OpenAPI {
        let text = format!(
            "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths:\n{paths}\ncomponents:\n{components}"
        );
        crate::load::parse(std::path::Path::new("t.yaml"), &text).unwrap()
    }

    const OP: &str = "  /a:
    parameters:
      - $ref: '#/components/parameters/Shared'
    post:
      tags: [T]
      requestBody:
        $ref: '#/components/requestBodies/Body'
      responses:
        '200':
          $ref: '#/components/responses/Ok'
        default:
          description: error
          headers:
            X-Why:
              schema: {$ref: '#/components/schemas/Why'}
  /other:
    get:
      tags: [Other]
      responses:
        '200': {description: ok}
";

    #[test]
    fn schemas_are_reached_through_shared_components_and_nesting() {
        let spec = spec(
            OP,
            "  parameters:
    Shared: {name: s, in: query, schema: {$ref: '#/components/schemas/Param'}}
  requestBodies:
    Body:
      content:
        application/json:
          schema:
            type: array
            items: {$ref: '#/components/schemas/Item'}
  responses:
    Ok:
      description: ok
      content:
        application/json:
          schema:
            type: object
            additionalProperties: {$ref: '#/components/schemas/Value'}
  schemas:
    Param: {type: string}
    Item:
      allOf:
        - {$ref: '#/components/schemas/Base'}
        - properties: {next: {$ref: '#/components/schemas/Item'}}
    Base: {type: object}
    Value: {oneOf: [{$ref: '#/components/schemas/Base'}]}
    Why: {type: string}
    Unused: {type: string}
",
        );
        let tags = vec!["T".to_owned()];
        let (selection, errors) = select(&spec, &tags);
        assert!(errors.is_empty(), "{errors:?}");
        let names: Vec<&str> = selection.schemas.iter().map(String::as_str).collect();
        assert_eq!(names, ["Base", "Item", "Param", "Value", "Why"]);
    }

    #[test]
    fn every_component_schema_is_selected_with_every_operation() {
        let spec = spec(
            OP,
            "  parameters:
    Shared: {name: s, in: query, schema: {type: string}}
  requestBodies:
    Body:
      content:
        application/json:
          schema: {$ref: '#/components/schemas/Item'}
  responses:
    Ok: {description: ok}
  schemas:
    Item: {type: object}
    Why: {type: string}
    WebhookEvent: {type: object, properties: {item: {$ref: '#/components/schemas/Payload'}}}
    Payload: {type: string}
",
        );
        let names = |tags: &[&str]| -> Vec<String> {
            let tags: Vec<String> = tags.iter().map(|t| t.to_string()).collect();
            let (selection, errors) = select(&spec, &tags);
            assert!(errors.is_empty(), "{errors:?}");
            selection.schemas.into_iter().collect()
        };
        // One tag of two: what its operations reach.
        assert_eq!(names(&["T"]), ["Item", "Why"]);
        // Every operation: the whole API, its unreferenced payloads too.
        assert_eq!(
            names(&["T", "Other"]),
            ["Item", "Payload", "WebhookEvent", "Why"]
        );
    }

    #[test]
    fn a_polymorphic_base_reaches_its_subtypes_when_it_can_be_a_union_of_them() {
        let spec = spec(
            OP,
            "  parameters:
    Shared: {name: s, in: query, schema: {$ref: '#/components/schemas/Event'}}
  requestBodies:
    Body:
      content:
        application/json:
          schema: {$ref: '#/components/schemas/Animal'}
  responses:
    Ok: {description: ok}
  schemas:
    Why: {type: string}
    Event:
      properties: {kind: {type: string}}
      discriminator: {propertyName: kind, mapping: {view: View}}
    Click: {allOf: [{$ref: '#/components/schemas/Event'}, {properties: {x: {$ref: '#/components/schemas/Point'}}}]}
    DoubleClick: {allOf: [{$ref: '#/components/schemas/Click'}]}
    View: {allOf: [{$ref: '#/components/schemas/Event'}]}
    Point: {type: object}
    Animal:
      properties: {name: {type: string}}
      discriminator: {propertyName: species}
    Bird: {allOf: [{$ref: '#/components/schemas/Animal'}]}
",
        );
        let tags = vec!["T".to_owned()];
        let (selection, errors) = select(&spec, &tags);
        assert!(errors.is_empty(), "{errors:?}");
        let names: Vec<&str> = selection.schemas.iter().map(String::as_str).collect();
        // `Animal` has no property `species`: it stays a struct, and
        // `Bird` is no variant of it.
        assert_eq!(
            names,
            [
                "Animal",
                "Click",
                "DoubleClick",
                "Event",
                "Point",
                "View",
                "Why"
            ]
        );
    }

    #[test]
    fn dangling_and_looping_component_refs_are_reported_where_they_are() {
        let spec = spec(
            OP,
            "  parameters:
    Shared: {$ref: '#/components/parameters/Shared'}
  requestBodies:
    Body: {$ref: '#/components/requestBodies/Gone'}
  responses:
    Ok:
      description: ok
      content:
        application/json:
          schema: {properties: {x: {$ref: '#/components/schemas/Missing'}}}
  schemas:
    Why: {type: string}
",
        );
        let tags = vec!["T".to_owned()];
        let (selection, errors) = select(&spec, &tags);
        let found: Vec<(&str, &str)> = errors
            .iter()
            .map(|d| (d.pointer.as_str(), d.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "/components/requestBodies/Body",
                    "`$ref: #/components/requestBodies/Gone` points to nothing: there is no node at `/components/requestBodies/Gone` in the spec"
                ),
                (
                    "/components/responses/Ok/content/application~1json/schema/properties/x",
                    "`$ref: #/components/schemas/Missing` points to nothing: there is no node at `/components/schemas/Missing` in the spec"
                ),
            ]
        );
        let names: Vec<&str> = selection.schemas.iter().map(String::as_str).collect();
        assert_eq!(names, ["Why"]);
    }
}
