//! Lowering: `openapiv3` → IR. Every naming decision (through `naming`) and
//! every "is this supported?" decision is taken here, once; what can't be
//! generated becomes a diagnostic with a JSON pointer, never a panic.
//!
//! Like typify, every selected component schema gets its Rust name before
//! any is converted, so forward and circular references resolve by name.

pub mod security;

use indexmap::IndexMap;
use openapiv3::{
    AdditionalProperties, Components, IntegerFormat, NumberFormat, OpenAPI, Parameter,
    ParameterSchemaOrContent, ReferenceOr, RequestBody, Response as OaResponse, Schema, SchemaKind,
    StatusCode, StringFormat, Type, VariantOrUnknownOrEmpty,
};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

use crate::diagnostics::{pointer_escape, Diagnostic};
use crate::ir::Media;
use crate::ir::{
    AdditionalField, Api, ApiGroup, Body, ErrorModel, Field, Location, Operation, OperationDocs,
    OperationPaging, PageFields, Parameter as IrParameter, PathSegment, Permissions, Response,
    SharedTag, TypeDef, TypeKind, TypeRef, UnionVariant, Variant,
};
use crate::ir::{ServerTemplate, ServerVariable};
use crate::ir::{SuccessEnum, SuccessVariant};
use crate::naming::{
    rust_name, FirstClaims, Kind, Namer, RESERVED_ACCESSORS, RESERVED_API_MODULE_TYPES,
    RESERVED_GROUP_METHODS, RESERVED_MODULES, RESERVED_PARAMETER_NAMES as RESERVED_ARGUMENT_NAMES,
};
use crate::select::{by_group, SelectedOperation, Selection};

mod headers;
mod implicit_tags;
mod media;
mod null_alternatives;
mod params;
mod polymorphic;
mod unions;

/// Lowers the selection to the IR, or returns every problem found.
pub fn lower(spec: &OpenAPI, selection: &Selection<'_>) -> Result<Api, Vec<Diagnostic>> {
    lower_with(spec, selection, false).map(|(api, _)| api)
}

/// [`lower`], or with `skip_unsupported`, a result in spite of problems:
/// an operation with a problem is left out, a schema with one becomes
/// `serde_json::Value`, and each is returned as a warning that names what
/// was left out.
pub fn lower_with(
    spec: &OpenAPI,
    selection: &Selection<'_>,
    skip_unsupported: bool,
) -> Result<(Api, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut lowerer = Lowerer::new(spec);
    lowerer.skip_unsupported = skip_unsupported;
    let mut claims = FirstClaims::default();
    for name in &selection.schemas {
        let rust = lowerer.type_namer.unique(name, Kind::Type);
        let base = rust_name(name, Kind::Type);
        if let Some(first) = claims.renamed_after(base.clone(), &rust, name) {
            lowerer.warnings.push(Diagnostic::new(
                format!("/components/schemas/{}", pointer_escape(name)),
                format!(
                    "schemas `{name}` and `{first}` read the same once named, `{base}`; \
                     this one is the type `{rust}`; rename one in the spec to choose the names"
                ),
            ));
        }
        lowerer.component_types.insert(rust.clone());
        lowerer.schema_names.insert(name.clone(), rust);
    }
    lowerer.plan_polymorphism(&selection.schemas);
    for name in &selection.schemas {
        if let Some(ReferenceOr::Item(schema)) =
            spec.components.as_ref().and_then(|c| c.schemas.get(name))
        {
            lowerer.named_schema(name, schema);
        } else if let Some(ReferenceOr::Reference { reference }) =
            spec.components.as_ref().and_then(|c| c.schemas.get(name))
        {
            let pointer = format!("/components/schemas/{}", pointer_escape(name));
            let target = lowerer.reference(reference, &pointer);
            // The Rust name the component was given, as a `$ref` to it
            // uses: the wire name (`onchain_metadata`) may be no type name.
            let rust = lowerer.schema_names[name].clone();
            lowerer.push_type(
                &rust,
                name,
                None,
                &pointer,
                TypeKind::Alias {
                    target,
                    wrapped: false,
                },
            );
        }
    }
    lowerer.tag_polymorphic_fields();

    let mut groups = Vec::new();
    // Groups follow the settings' tag order, not alphabetical order.
    let listed = |tag: &str| {
        selection
            .operations
            .iter()
            .position(|o| o.group == tag)
            .unwrap_or(usize::MAX)
    };
    let by_tag = by_group(selection);
    // Group structs, their modules and `Client`'s accessors are unique even
    // when two tags read the same once named (`Foo Bar`, `foo-bar`): the
    // group listed first keeps the plain names, the others are suffixed
    // (and `colliding_tags` says so).
    let mut in_order: Vec<&str> = by_tag.keys().copied().collect();
    in_order.sort_by_key(|tag| listed(tag));
    let mut group_names = Namer::default();
    let mut group_modules = Namer::with_reserved(RESERVED_MODULES.iter().copied());
    let mut accessors = Namer::with_reserved(RESERVED_ACCESSORS.iter().copied());
    let mut names: BTreeMap<&str, (String, String, String)> = BTreeMap::new();
    for tag in in_order {
        let rust = group_names.unique(&format!("{tag}Api"), Kind::Type);
        let module = group_modules.claim(rust_name(&rust, Kind::Module));
        let accessor = accessors.claim(rust_name(tag, Kind::Value));
        names.insert(tag, (rust, module, accessor));
    }
    for (tag, ops) in by_tag {
        let (rust, module, accessor) = names.remove(tag).unwrap_or_default();
        let mut group = lowerer.group(tag, &ops, rust);
        group.module = module;
        group.accessor = accessor;
        groups.push(group);
    }
    groups.sort_by_key(|g| listed(&g.tag));

    lowerer.warnings.extend(duplicate_operation_ids(&groups));
    lowerer
        .warnings
        .extend(own_server_warnings(spec, selection));
    if let Some(server) = spec.servers.first() {
        lowerer.warnings.extend(server_variable_warnings(server));
    }
    let default_base_url = spec.servers.first().and_then(server_url);
    let server_template = spec.servers.first().and_then(server_template);
    // A relative server URL (`/api/v3`, or Swagger's `basePath` without a
    // `host`) is where the API sits on whatever host serves it: each path
    // starts with it, and the client is given only the host.
    let base_path = if default_base_url.is_none() {
        spec.servers.first().and_then(relative_server_path)
    } else {
        None
    };
    if let Some(prefix) = &base_path {
        for op in groups.iter_mut().flat_map(|g| g.operations.iter_mut()) {
            op.path = format!("{prefix}{}", op.path);
            op.path_segments.insert(
                0,
                PathSegment::Literal {
                    text: prefix.clone(),
                },
            );
        }
    }
    let error_model = lowerer.error_model(&groups);

    for (pointer, message) in break_alias_cycles(&mut lowerer.types) {
        lowerer.error(pointer, message);
    }
    // Every union whose alternatives were left out said so; any other is
    // still named.
    for (at, why) in std::mem::take(&mut lowerer.left_out_alternatives)
        .into_values()
        .flatten()
    {
        let message = format!("left out of its union: {why}");
        lowerer.warnings.push(Diagnostic::new(at, message));
    }
    let ignored_headers = std::mem::take(&mut lowerer.ignored_headers).warnings();
    lowerer.warnings.extend(ignored_headers);
    let mut warnings = std::mem::take(&mut lowerer.warnings);
    // Types the runtime uses whatever the operations.
    let runtime: Vec<TypeRef> = error_model
        .iter()
        .map(|e| TypeRef::Named {
            name: e.type_name.clone(),
        })
        .collect();
    // The types operations reached before any was left out.
    let mut reached_before = None;
    if !lowerer.errors.is_empty() {
        let mut errors = std::mem::take(&mut lowerer.errors);
        errors.sort_by(|a, b| a.pointer.cmp(&b.pointer));
        errors.dedup();
        if !skip_unsupported {
            return Err(errors);
        }
        let mut skipped: BTreeSet<String> = BTreeSet::new();
        for error in errors {
            let key = (error.pointer.clone(), error.message.clone());
            let owned = lowerer.error_owners.get(&key);
            let detail = owned.map_or(&error.message, |(_, original)| original);
            // A schema merged from itself has no type to stand in for it:
            // what needs it goes, as an operation with a problem does.
            if let Some(members) = lowerer.cycle_owners.get(&key) {
                let reaching =
                    crate::features::operations_reaching(&groups, members, &lowerer.types);
                for op in &reaching {
                    skipped.insert(op.pointer.clone());
                    let message = format!(
                        "skipped `{}` ({} {}): {}",
                        op.rust_name, op.method, op.path, detail
                    );
                    warnings.push(Diagnostic {
                        message,
                        ..error.clone()
                    });
                }
                if reaching.is_empty() {
                    let message = format!("generated without this part: {detail}");
                    warnings.push(Diagnostic { message, ..error });
                }
                continue;
            }
            let owner = groups
                .iter()
                .flat_map(|g| &g.operations)
                .find(|op| match owned {
                    Some((owner, _)) => *owner == op.pointer,
                    None => {
                        error.pointer == op.pointer
                            || error.pointer.starts_with(&format!("{}/", op.pointer))
                    }
                });
            let message = match owner {
                Some(op) => {
                    skipped.insert(op.pointer.clone());
                    format!(
                        "skipped `{}` ({} {}): {}",
                        op.rust_name, op.method, op.path, detail
                    )
                }
                None => format!("generated as `serde_json::Value`: {}", error.message),
            };
            warnings.push(Diagnostic { message, ..error });
        }
        if !skipped.is_empty() {
            reached_before = Some(crate::features::reached(&groups, &runtime, &lowerer.types));
        }
        for group in &mut groups {
            group.operations.retain(|op| !skipped.contains(&op.pointer));
        }
        // A group whose every operation was left out would be an empty
        // API struct; its operations are named in the warnings.
        groups.retain(|g| !g.operations.is_empty());
    }
    warnings.extend(lowerer.default_warnings());
    let mut types = lowerer.types;
    // The models only left-out operations, parameters or request bodies
    // used go with them. Those no operation used in the first place (the
    // base of an `allOf`) stay, with what they hold; the schemas of an
    // `allOf` cycle have no type, reached or not.
    let any_skipped = reached_before.is_some();
    let mut candidates: BTreeSet<String> = reached_before.unwrap_or_default();
    if !lowerer.left_out_types.is_empty() {
        candidates.extend(crate::features::reached(
            &[],
            &lowerer.left_out_types,
            &types,
        ));
    }
    let unused: Vec<String> = if candidates.is_empty() {
        Vec::new()
    } else {
        let in_cycles: BTreeSet<&String> = lowerer.cycle_owners.values().flatten().collect();
        let mut roots = runtime.clone();
        roots.extend(
            types
                .iter()
                .filter(|t| !candidates.contains(&t.rust_name) && !in_cycles.contains(&t.rust_name))
                .map(|t| TypeRef::Named {
                    name: t.rust_name.clone(),
                }),
        );
        let kept = crate::features::reached(&groups, &roots, &types);
        types
            .iter()
            .filter(|t| !kept.contains(&t.rust_name))
            .map(|t| t.rust_name.clone())
            .collect()
    };
    if !unused.is_empty() {
        let users = match (any_skipped, lowerer.left_out_types.is_empty()) {
            (true, true) => "skipped operations",
            (true, false) => "skipped operations or left-out parameters or request bodies",
            (false, _) => "left-out parameters or request bodies",
        };
        let names: Vec<String> = unused.iter().map(|t| format!("`{t}`")).collect();
        warnings.push(Diagnostic::new(
            "",
            format!(
                "left out {} model(s) that only {users} use: {}",
                unused.len(),
                names.join(", ")
            ),
        ));
        let unused: BTreeSet<String> = unused.into_iter().collect();
        types.retain(|t| !unused.contains(&t.rust_name));
    }
    types.sort_by(|a, b| a.rust_name.cmp(&b.rust_name));
    inline_primitive_aliases(&mut types);
    warnings.extend(unions::discriminate(&mut types));
    // Distinct type names can share a module name (`HTTPServer`,
    // `HttpServer`); each type's file is its own.
    let mut modules = Namer::with_reserved(RESERVED_MODULES.iter().copied());
    for def in &mut types {
        def.module = modules.claim(std::mem::take(&mut def.module));
    }
    box_cycles(&mut types);
    for def in &mut types {
        def.page = page_fields(def);
    }
    for op in groups.iter_mut().flat_map(|g| g.operations.iter_mut()) {
        op.paging = operation_paging(op, &types);
    }
    debug_assert!(
        types.windows(2).all(|w| w[0].rust_name < w[1].rust_name),
        "types are ordered by unique Rust name, which `Api::type_def` relies on"
    );
    let mut api = Api {
        title: spec.info.title.clone(),
        version: spec.info.version.clone(),
        description: non_empty(spec.info.description.as_deref()),
        default_base_url,
        base_path,
        server_template,
        error_model,
        groups,
        types,
        features: Default::default(),
        profile: Default::default(),
        security_schemes: Vec::new(),
        shared_tags: Vec::new(),
    };
    api.features = crate::features::assign(&api);
    warnings.extend(colliding_tags(spec, &api));
    api.shared_tags = shared_tags(selection, &api);
    warnings.extend(groupless_tags(spec, selection, &api));
    Ok((api, warnings))
}

/// A warning for each set of tags whose groups read the same once named
/// (`Users`, `users`, `USERS`), naming each tag and the group, accessor
/// and feature it got (`UsersApi2`, `client.users2()`, `users2`).
///
/// They stay groups of their own rather than being merged: OpenAPI's tag
/// names are case-sensitive, tags can carry descriptions of their own,
/// `--tag users` selects that tag alone, and a merged group would rename
/// the methods whose names then collide. The warning points at the
/// spec's tags so that the suffixes are never a surprise.
fn colliding_tags(spec: &OpenAPI, api: &Api) -> Vec<Diagnostic> {
    let bases: Vec<[String; 3]> = api
        .groups
        .iter()
        .map(|g| {
            let ty = rust_name(&format!("{}Api", g.tag), Kind::Type);
            let module = rust_name(&ty, Kind::Module);
            [ty, module, rust_name(&g.tag, Kind::Value)]
        })
        .collect();
    // Sets of groups that share any of their base names, in group order.
    let mut set_of: Vec<usize> = (0..bases.len()).collect();
    for i in 0..bases.len() {
        for j in 0..i {
            if (0..3).any(|k| bases[i][k] == bases[j][k]) {
                let (from, to) = (set_of[i], set_of[j]);
                for s in set_of.iter_mut().filter(|s| **s == from) {
                    *s = to;
                }
            }
        }
    }
    let mut warnings = Vec::new();
    for set in 0..bases.len() {
        let members: Vec<&ApiGroup> = api
            .groups
            .iter()
            .zip(&set_of)
            .filter(|(_, s)| **s == set)
            .map(|(g, _)| g)
            .collect();
        let [_, renamed, ..] = members[..] else {
            continue;
        };
        let tags: Vec<String> = members.iter().map(|g| format!("`{}`", g.tag)).collect();
        let named: Vec<String> = members
            .iter()
            .map(|g| {
                let feature = api
                    .features
                    .groups
                    .get(&g.rust_name)
                    .map_or(String::new(), |f| format!(", feature `{f}`"));
                format!(
                    "`{}` → `{}` (`client.{}()`{feature})",
                    g.tag,
                    g.rust_name,
                    g.accessor.trim_start_matches("r#")
                )
            })
            .collect();
        warnings.push(Diagnostic::new(
            tag_pointer(spec, &renamed.tag),
            format!(
                "the tags {} read the same once named; each is a group of its own: {}; \
                 rename the tags in the spec (or give them one name) to choose the names",
                tags.join(", "),
                named.join(", ")
            ),
        ));
    }
    warnings
}

/// The selected operations by JSON pointer, the key an IR operation keeps,
/// so that finding an operation's selection is not a scan of all of them.
fn selected_by_pointer<'s, 'a>(
    selection: &'s Selection<'a>,
) -> HashMap<&'s str, &'s SelectedOperation<'a>> {
    selection
        .operations
        .iter()
        .map(|s| (s.pointer.as_str(), s))
        .collect()
}

/// The selected tags with operations in other tags' groups.
fn shared_tags(selection: &Selection<'_>, api: &Api) -> Vec<SharedTag> {
    let mut out = Vec::new();
    let by_pointer = selected_by_pointer(selection);
    for tag in selection.tags {
        let carried = |s: &SelectedOperation<'_>| s.operation.tags.iter().any(|t| t == tag);
        let elsewhere = selection
            .operations
            .iter()
            .any(|s| carried(s) && s.group != tag);
        if !elsewhere {
            continue;
        }
        let groups: Vec<String> = api
            .groups
            .iter()
            .filter(|g| {
                g.operations.iter().any(|op| {
                    by_pointer
                        .get(op.pointer.as_str())
                        .is_some_and(|s| carried(s))
                })
            })
            .map(|g| g.rust_name.clone())
            .collect();
        out.push(SharedTag {
            tag: tag.clone(),
            own_group: api.groups.iter().any(|g| &g.tag == tag),
            groups,
        });
    }
    out
}

/// A warning for each selected tag that is the group of none of its
/// operations, since each carries a tag selected before it (in `--tag`
/// order, or the spec's `tags` order with `--all-tags`): it gets no API
/// struct, accessor or feature, and the warning names where its
/// operations are (group, accessor, feature, and the operations).
///
/// An operation is in the group of its first selected tag only. Putting
/// it in each of its tags' groups would compile it once per tag and give
/// two names to one call; making the tag's feature enable the groups that
/// hold its operations would compile those whole groups for it. One home
/// per operation keeps groups and features one-to-one; this says where.
fn groupless_tags(spec: &OpenAPI, selection: &Selection<'_>, api: &Api) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    let by_pointer = selected_by_pointer(selection);
    for shared in api.shared_tags.iter().filter(|s| !s.own_group) {
        let tag = &shared.tag;
        // Destination group (in group order) → the operations it holds.
        let mut went: Vec<(&ApiGroup, Vec<&str>)> = Vec::new();
        for group in &api.groups {
            let ops: Vec<&str> = group
                .operations
                .iter()
                .filter(|op| {
                    by_pointer
                        .get(op.pointer.as_str())
                        .is_some_and(|s| s.operation.tags.iter().any(|t| t == tag))
                })
                .map(|op| op.operation_id.as_str())
                .collect();
            if !ops.is_empty() {
                went.push((group, ops));
            }
        }
        let count: usize = went.iter().map(|(_, ops)| ops.len()).sum();
        let places: Vec<String> = went
            .iter()
            .map(|(group, ops)| {
                let shown: Vec<String> = ops.iter().take(3).map(|o| format!("`{o}`")).collect();
                let more = match ops.len().saturating_sub(3) {
                    0 => String::new(),
                    n => format!(" and {n} more"),
                };
                format!(
                    "`client.{}()` (`{}`, feature `{}`): {}{more}",
                    group.accessor.trim_start_matches("r#"),
                    group.rust_name,
                    api.features.of_group(group),
                    shown.join(", ")
                )
            })
            .collect();
        warnings.push(Diagnostic::new(
            tag_pointer(spec, tag),
            format!(
                "the tag `{tag}` has no API group or feature of its own: each of its {count} \
                 operation(s) also carries a tag selected before it, and an operation is only in \
                 the group of the first selected tag it carries: {}",
                places.join("; ")
            ),
        ));
    }
    warnings
}

/// Where `tag` is written: its entry in the spec's `tags`, or else the
/// first operation that carries it.
fn tag_pointer(spec: &OpenAPI, tag: &str) -> String {
    if let Some(i) = spec.tags.iter().position(|t| t.name == tag) {
        return format!("/tags/{i}");
    }
    for (path, item) in &spec.paths.paths {
        let ReferenceOr::Item(item) = item else {
            continue;
        };
        for (method, op) in item.iter() {
            if let Some(k) = op.tags.iter().position(|t| t == tag) {
                return format!("/paths/{}/{method}/tags/{k}", pointer_escape(path));
            }
        }
    }
    String::new()
}

/// The name an operation's method and builder are made from: the vendor's
/// method name, the `operationId`, or the method and path.
fn operation_name(sel: &SelectedOperation<'_>) -> String {
    let op = sel.operation;
    op.extensions
        .get("x-purecloud-method-name")
        .and_then(Value::as_str)
        .filter(|name| names_something(name))
        .or_else(|| operation_id(op))
        .map_or_else(
            || format!("{} {}", sel.method.to_lowercase(), sel.path),
            str::to_owned,
        )
}

/// A discriminator `mapping` value as a reference: it is one already or,
/// OpenAPI 3.0 says (Discriminator Object), a bare schema name.
fn mapping_reference(target: &str) -> String {
    if target.contains(['/', '#']) {
        target.to_owned()
    } else {
        format!("#/components/schemas/{target}")
    }
}

/// A name of no letters or digits (`operationId: ""`) names nothing: the
/// method and path do, as when there is none.
fn names_something(name: &str) -> bool {
    name.chars().any(char::is_alphanumeric)
}

/// The operation's `operationId`, when it names something.
fn operation_id(op: &openapiv3::Operation) -> Option<&str> {
    op.operation_id.as_deref().filter(|id| names_something(id))
}

/// An operation as warnings name it: `` `operationId` (GET /path) ``, or
/// its builder's name when it has no `operationId`.
fn operation_label(sel: &SelectedOperation<'_>, builder: &str) -> String {
    format!(
        "`{}` ({} {})",
        operation_id(sel.operation).unwrap_or(builder),
        sel.method,
        sel.path
    )
}

/// Where a response's schema is written, and the name its type is given
/// when the schema is inline.
enum SchemaAt {
    /// In the operation (under the operation's pointer passed beside it).
    Operation { hint: String },
    /// In a component response, shared by the operations that use it.
    Component { pointer: String, hint: String },
}

/// How deep inline schemas may nest inside one another.
const MAX_INLINE_DEPTH: usize = 64;

struct Lowerer<'a> {
    spec: &'a OpenAPI,
    /// Whether an operation with a problem is left out (else refused).
    skip_unsupported: bool,
    /// The types of the parameters and request bodies left out of their
    /// operations (optional ones the client can't send, path parameters the
    /// path doesn't name): the models only they use go too, as those of a
    /// skipped operation do.
    left_out_types: Vec<TypeRef>,
    /// With `skip_unsupported`, the `oneOf`/`anyOf` alternatives beside an
    /// object's own properties that are no object, by the union's pointer:
    /// (pointer, why) of each, left out of the union.
    left_out_alternatives: BTreeMap<String, Vec<(String, String)>>,
    type_namer: Namer,
    /// Component schema name → Rust type name.
    schema_names: BTreeMap<String, String>,
    types: Vec<TypeDef>,
    errors: Vec<Diagnostic>,
    /// What was generated in a degraded form, each naming what and why.
    warnings: Vec<Diagnostic>,
    /// (pointer, message) of an error that sits outside its operation (on
    /// a path-level parameter) → the operation's pointer and the message
    /// without the operation's name.
    error_owners: BTreeMap<(String, String), (String, String)>,
    /// (pointer, message) of an `allOf` part that names a schema being
    /// merged already → the Rust names of the schemas in that cycle, which
    /// the operations that reach them can't be generated without.
    cycle_owners: BTreeMap<(String, String), BTreeSet<String>>,
    /// The inline schemas being lowered, outermost first, with their names.
    inlining: Vec<(Schema, String)>,
    /// Defaults to check against their types once every type is known:
    /// (type, default, `nullable`, pointer to the default).
    defaults: Vec<(TypeRef, Value, bool, String)>,
    /// The values (and whether integer) of each inline enum → its name.
    inline_enums: BTreeMap<(Vec<String>, bool), String>,
    /// The type of each schema of a component response
    /// (`#/components/responses/…`), by the schema's pointer: every
    /// operation that references the response shares its one type.
    response_schemas: BTreeMap<String, TypeRef>,
    /// Each component schema's merged object, once merged without a
    /// problem: a chain of `allOf`s (`C: allOf [B, …]`, `B: allOf [A, …]`)
    /// merges each link once rather than once per schema that reaches it.
    merged_components: BTreeMap<String, Option<MergedObject>>,
    /// The Rust names in `schema_names`.
    component_types: std::collections::HashSet<String>,
    /// The polymorphic bases generated as unions, by schema name.
    polymorphic: polymorphic::Plans,
    /// Schema name of a polymorphic base → the struct of its own fields,
    /// for the bases a value can be alone.
    own_structs: BTreeMap<String, String>,
    /// The schemas that are structs whatever their `allOf` says: the
    /// polymorphic bases and their variants.
    forced_objects: BTreeSet<String>,
    /// Rust type name → its index in `types`, for lookups while lowering.
    type_index: std::collections::HashMap<String, usize>,
    /// The header parameters left out as the client sets them itself,
    /// warned about once per declaration.
    ignored_headers: headers::IgnoredHeaders,
}

impl<'a> Lowerer<'a> {
    fn new(spec: &'a OpenAPI) -> Self {
        Self {
            spec,
            skip_unsupported: false,
            left_out_types: Vec::new(),
            left_out_alternatives: BTreeMap::new(),
            type_namer: Namer::default(),
            schema_names: BTreeMap::new(),
            types: Vec::new(),
            errors: Vec::new(),
            warnings: Vec::new(),
            error_owners: BTreeMap::new(),
            cycle_owners: BTreeMap::new(),
            inlining: Vec::new(),
            defaults: Vec::new(),
            inline_enums: BTreeMap::new(),
            response_schemas: BTreeMap::new(),
            merged_components: BTreeMap::new(),
            type_index: std::collections::HashMap::new(),
            component_types: std::collections::HashSet::new(),
            polymorphic: Default::default(),
            own_structs: BTreeMap::new(),
            forced_objects: BTreeSet::new(),
            ignored_headers: Default::default(),
        }
    }

    fn error(&mut self, pointer: impl Into<String>, message: impl Into<String>) {
        self.errors.push(Diagnostic::new(pointer, message));
    }

    /// A warning for each default that is not a value of its type (`"0.5"`
    /// for a number, `c` for an enum of `a` and `b`): the docs show it as
    /// the spec writes it, and the examples don't use it.
    fn default_warnings(&self) -> Vec<Diagnostic> {
        let lookup = |name: &str| self.type_def(name);
        self.defaults
            .iter()
            .filter(|(ty, value, nullable, _)| {
                let null_allowed = value.is_null() && *nullable;
                !(null_allowed || ty.accepts(value, &lookup))
            })
            .map(|(ty, value, _, pointer)| {
                Diagnostic::new(
                    pointer.clone(),
                    format!(
                        "default `{value}` is not a value of the type `{}`; it is documented as text only",
                        crate::render::type_display(ty)
                    ),
                )
            })
            .collect()
    }

    // ----- types -------------------------------------------------------

    /// Converts a component schema whose Rust name is already assigned.
    fn named_schema(&mut self, name: &str, schema: &Schema) {
        let pointer = format!("/components/schemas/{}", pointer_escape(name));
        let rust = self.schema_names[name].clone();
        let description = self.description_of(schema);
        let forced = match self.forced_objects.contains(name) {
            true => self.merged_object_forced(schema, &pointer),
            false => None,
        };
        let shape = match forced {
            Some(object) => self.struct_shape(&object, &rust, &pointer),
            None => self.shape(schema, &rust, &pointer),
        };
        let kind = match shape {
            Shape::Struct(fields, additional) => TypeKind::Struct { fields, additional },
            Shape::Enum(values, integer) => self.enum_kind(&values, integer, &pointer),
            Shape::Union(alternatives, at, refs, names) => {
                self.union_kind(schema, &rust, &alternatives, &at, &refs, &names)
            }
            Shape::Other => TypeKind::Alias {
                target: self.type_ref_item(schema, &rust, &pointer),
                wrapped: false,
            },
        };
        let mut def = TypeDef {
            module: rust_name(&rust, Kind::Module),
            rust_name: rust,
            wire_name: name.to_owned(),
            description,
            pointer,
            kind,
            page: None,
        };
        if let Some((union, own)) = self.polymorphic_base(name, &def) {
            def.kind = union;
            if let Some(own) = own {
                self.add_type(own);
            }
        }
        self.add_type(def);
    }

    /// Adds a type that is lowered, indexed by its Rust name.
    fn add_type(&mut self, def: TypeDef) {
        let at = self.types.len();
        self.type_index.entry(def.rust_name.clone()).or_insert(at);
        self.types.push(def);
    }

    /// The type lowered so far under a Rust name.
    fn type_def(&self, rust_name: &str) -> Option<&TypeDef> {
        self.type_index.get(rust_name).map(|&i| &self.types[i])
    }

    fn push_type(
        &mut self,
        rust: &str,
        wire: &str,
        description: Option<String>,
        pointer: &str,
        kind: TypeKind,
    ) {
        self.add_type(TypeDef {
            rust_name: rust.to_owned(),
            wire_name: wire.to_owned(),
            module: rust_name(rust, Kind::Module),
            description,
            pointer: pointer.to_owned(),
            kind,
            page: None,
        });
    }

    /// A `type` that OpenAPI 3.0 doesn't define (`strin`, `integr`) is an
    /// error at it: openapiv3 reads such a schema as one of any type, which
    /// would otherwise become `serde_json::Value` without a word. Every
    /// schema passes here (through [`Self::shape`] or
    /// [`Self::type_ref_item`]), so each misspelling is reported in the
    /// same run; one met twice is reported once (errors are deduplicated).
    fn check_type(&mut self, schema: &Schema, pointer: &str) {
        let SchemaKind::Any(any) = &schema.schema_kind else {
            return;
        };
        let Some(typ) = any.typ.as_deref() else {
            return;
        };
        if OPENAPI_TYPES.contains(&typ) {
            return;
        }
        let allowed: Vec<String> = OPENAPI_TYPES.iter().map(|t| format!("`{t}`")).collect();
        let hint = closest(typ, OPENAPI_TYPES)
            .map(|t| format!(" (did you mean `{t}`?)"))
            .unwrap_or_default();
        // At the schema rather than its `type`: a flow mapping
        // (`{type: strin}`) gives its keys no line of their own.
        self.error(
            pointer,
            format!(
                "`type: {typ}` is not an OpenAPI 3.0 type{hint}; `type` is one of {}",
                allowed.join(", ")
            ),
        );
    }

    /// What a schema becomes when it has a name of its own.
    fn shape(&mut self, schema: &Schema, owner: &str, pointer: &str) -> Shape {
        self.check_type(schema, pointer);
        if let Some(object) = self.merged_object(schema, pointer) {
            return self.struct_shape(&object, owner, pointer);
        }
        // "X or null" names X: an alias, made by `type_ref_item`.
        if null_alternatives::sole_alternative(schema).is_some() {
            return Shape::Other;
        }
        match &schema.schema_kind {
            SchemaKind::Type(Type::String(s)) if !s.enumeration.is_empty() => {
                let values = s.enumeration.iter().flatten().cloned().collect();
                Shape::Enum(values, None)
            }
            SchemaKind::Type(Type::Integer(i)) if !i.enumeration.is_empty() => {
                let values = i
                    .enumeration
                    .iter()
                    .flatten()
                    .map(|v| v.to_string())
                    .collect();
                let ty = match i.format {
                    VariantOrUnknownOrEmpty::Item(IntegerFormat::Int32) => TypeRef::I32,
                    _ => TypeRef::I64,
                };
                Shape::Enum(values, Some(ty))
            }
            SchemaKind::Any(any) if !any.enumeration.is_empty() => {
                match enum_values(&any.enumeration) {
                    Some((values, integer)) => Shape::Enum(values, integer),
                    None => Shape::Other,
                }
            }
            SchemaKind::OneOf { one_of } => Shape::Union(
                one_of.clone(),
                format!("{pointer}/oneOf"),
                refs_of(one_of),
                Vec::new(),
            ),
            SchemaKind::AnyOf { any_of } => Shape::Union(
                any_of.clone(),
                format!("{pointer}/anyOf"),
                refs_of(any_of),
                Vec::new(),
            ),
            SchemaKind::Any(any)
                if !any.one_of.is_empty() && any.properties.is_empty() && any.all_of.is_empty() =>
            {
                Shape::Union(
                    any.one_of.clone(),
                    format!("{pointer}/oneOf"),
                    refs_of(&any.one_of),
                    Vec::new(),
                )
            }
            SchemaKind::Any(any)
                if !any.any_of.is_empty() && any.properties.is_empty() && any.all_of.is_empty() =>
            {
                Shape::Union(
                    any.any_of.clone(),
                    format!("{pointer}/anyOf"),
                    refs_of(&any.any_of),
                    Vec::new(),
                )
            }
            SchemaKind::Any(any) if any.one_of.is_empty() != any.any_of.is_empty() => {
                self.merged_alternatives(any, owner, pointer)
            }
            _ => Shape::Other,
        }
    }

    /// The struct of a merged object: its fields, and the map of the
    /// properties it doesn't name when it allows others.
    fn struct_shape(&mut self, object: &MergedObject, owner: &str, pointer: &str) -> Shape {
        let fields = self.fields(owner, &object.properties, &object.required);
        // A part left out keeps its properties' values as JSON, in the map
        // of the properties the fields don't name: it holds any value then.
        let unmerged = &object.unmerged;
        let typed_map = match &object.additional {
            Some(AdditionalProperties::Schema(_)) => {
                ", whose values are `serde_json::Value` rather than the type of the \
                 schema's `additionalProperties`"
            }
            _ => "",
        };
        let additional_schema = if unmerged.is_empty() {
            object.additional.clone()
        } else {
            Some(AdditionalProperties::Any(true))
        };
        let ty = match &additional_schema {
            Some(AdditionalProperties::Schema(values)) => {
                let ty = self.type_ref(
                    values,
                    &format!("{owner}Value"),
                    &format!("{pointer}/additionalProperties"),
                );
                Some(self.nullable_if(self.is_nullable(values), ty))
            }
            Some(AdditionalProperties::Any(true)) => Some(TypeRef::Json),
            _ => None,
        };
        let additional = ty.map(|ty| {
            let mut namer = Namer::with_reserved(fields.iter().map(|f| f.rust_name.as_str()));
            AdditionalField {
                rust_name: namer.unique("additional_properties", Kind::Value),
                ty,
                unmerged_parts: unmerged.iter().map(|(part, _)| part.clone()).collect(),
            }
        });
        if let Some(map) = additional.as_ref().filter(|_| !unmerged.is_empty()) {
            for (part, why) in unmerged {
                self.warnings.push(Diagnostic::new(
                    part.clone(),
                    format!(
                        "`{owner}` is generated without this `allOf` part ({why}); the values \
                         of the properties `{owner}`'s fields don't name, this part's among \
                         them, are kept as JSON in its map `{}`{typed_map}",
                        map.rust_name
                    ),
                ));
            }
        }
        Shape::Struct(fields, additional)
    }

    /// A union's variants, named after their types, in an order in which
    /// untagged decoding cannot pick the wrong one: objects with more
    /// required fields first, integers before other numbers, anything
    /// last.
    fn union_kind(
        &mut self,
        schema: &Schema,
        owner: &str,
        alternatives: &[ReferenceOr<Schema>],
        pointer: &str,
        refs: &[Option<String>],
        names: &[Option<String>],
    ) -> TypeKind {
        let left_out = self
            .left_out_alternatives
            .remove(pointer)
            .unwrap_or_default();
        if alternatives.is_empty() && left_out.is_empty() {
            // JSON Schema requires at least one; with none, nothing is
            // known of the value.
            self.warnings.push(Diagnostic::new(
                pointer,
                format!(
                    "`{}` has no alternatives, which JSON Schema doesn't allow; `{owner}` keeps \
                     whatever JSON comes",
                    pointer.rsplit('/').next().unwrap_or_default()
                ),
            ));
        }
        let discriminator = schema.schema_data.discriminator.as_ref();
        let implicit = match discriminator {
            Some(d) => self.implicit_tags(d, refs, owner, pointer),
            None => Vec::new(),
        };
        if let Some(d) = discriminator {
            self.check_mapping(d, refs, owner, pointer);
        }
        let mut variants: Vec<(usize, UnionVariant)> = Vec::new();
        let mut namer = Namer::default();
        // An alternative that only admits `null` makes the union's type
        // nullable (see `is_nullable_item`) rather than being a variant.
        let all_null = alternatives.iter().all(null_alternatives::null_only);
        // Inline strings are all `String`: when there are several, each is
        // named by its `format` (`Email`, `Uuid`) where it has one.
        let inline_strings = alternatives
            .iter()
            .filter(|a| {
                matches!(a, ReferenceOr::Item(Schema {
                    schema_kind: SchemaKind::Type(Type::String(s)), ..
                }) if s.enumeration.is_empty())
            })
            .count();
        for (i, alternative) in alternatives.iter().enumerate() {
            if !all_null && null_alternatives::null_only(alternative) {
                continue;
            }
            let at = format!("{pointer}/{i}");
            // An inline alternative is named by its `title` when it has one.
            let hint = match alternative {
                ReferenceOr::Item(s) => s
                    .schema_data
                    .title
                    .as_deref()
                    .map(|t| rust_name(t, Kind::Type))
                    .filter(|t| !t.is_empty()),
                ReferenceOr::Reference { .. } => None,
            }
            .unwrap_or_else(|| format!("{owner}Variant{i}"));
            let ty = self.type_ref(alternative, &hint, &at);
            let ty = self.nullable_if(self.is_nullable(alternative), ty);
            let name = match (names.get(i).cloned().flatten(), &ty) {
                (Some(name), _) => name,
                (None, TypeRef::Named { name }) => name.clone(),
                (
                    None,
                    TypeRef::String {
                        format: Some(format),
                    },
                ) if inline_strings > 1 && !rust_name(format, Kind::Variant).is_empty() => {
                    rust_name(format, Kind::Variant)
                }
                (None, other) => crate::render::type_name_for_variant(other),
            };
            // Every mapping key naming the alternative selects it (`dog`
            // and `hound` → `Dog`); without one, the values it pins the
            // property to, or its schema's name (see `implicit_tags`).
            let mut tags: Vec<String> = discriminator
                .map(|d| {
                    let reference = refs.get(i).and_then(Option::as_deref);
                    let keys: Vec<String> = d
                        .mapping
                        .iter()
                        .filter(|(_, target)| Some(mapping_reference(target).as_str()) == reference)
                        .map(|(value, _)| value.clone())
                        .collect();
                    match (keys.is_empty(), implicit.get(i).cloned().flatten()) {
                        (false, _) => keys,
                        (true, Some(tags)) => tags,
                        (true, None) => vec![reference
                            .and_then(|r| r.rsplit('/').next())
                            .map(str::to_owned)
                            .unwrap_or_else(|| name.clone())],
                    }
                })
                .unwrap_or_default();
            let more_tags = tags.split_off(tags.len().min(1));
            let tag = tags.pop();
            if discriminator.is_some() && !matches!(ty, TypeRef::Named { .. }) {
                self.error(at, "a variant of a union with a discriminator must be a `$ref` to an object schema");
            }
            let rank = self.decode_rank(&ty);
            variants.push((
                rank,
                UnionVariant {
                    rust_name: namer.unique(&name, Kind::Variant),
                    ty,
                    tag,
                    more_tags,
                    boxed: false,
                    required: Vec::new(),
                    fixed: Vec::new(),
                    properties: None,
                },
            ));
        }
        if discriminator.is_none() {
            variants.sort_by_key(|(rank, _)| *rank);
            self.warn_same_type_variants(&variants, owner, pointer);
        }
        let other_variant = namer.unique("Other", Kind::Variant);
        for (at, why) in left_out {
            self.warnings.push(Diagnostic::new(
                at,
                format!(
                    "`{owner}` is generated without this alternative ({why}); a value of it \
                     decodes as `{owner}::{other_variant}`, which keeps the JSON as it came"
                ),
            ));
        }
        TypeKind::Union {
            variants: variants.into_iter().map(|(_, v)| v).collect(),
            discriminator: discriminator.map(|d| d.property_name.clone()),
            other_variant,
        }
    }

    /// Untagged, the first variant of a type takes every value of it: a
    /// later one of the same Rust type (strings of two formats, integers
    /// of two ranges) is never decoded, since decoding checks neither.
    fn warn_same_type_variants(
        &mut self,
        variants: &[(usize, UnionVariant)],
        owner: &str,
        pointer: &str,
    ) {
        for (j, (_, later)) in variants.iter().enumerate() {
            // Objects are told apart by their properties (see `unions`).
            if matches!(later.ty, TypeRef::Named { .. }) {
                continue;
            }
            let rust_type = crate::render::type_display(&later.ty);
            let Some((_, earlier)) = variants[..j]
                .iter()
                .find(|(_, v)| crate::render::type_display(&v.ty) == rust_type)
            else {
                continue;
            };
            self.warnings.push(Diagnostic::new(
                pointer,
                format!(
                    "`{owner}`: no data can select the alternative `{}`: it has the type of \
                     `{}` (tried first), `{}`, and decoding checks no `format` or bounds; \
                     data of either decodes as `{owner}::{}`",
                    later.rust_name, earlier.rust_name, rust_type, earlier.rust_name,
                ),
            ));
        }
    }

    /// A discriminator `mapping` entry that names no alternative of the
    /// union would be dropped without a word, and data with its value
    /// would decode as the catch-all variant: a target that doesn't
    /// exist is a problem at the entry, as any reference to nothing is;
    /// one that exists but is no alternative is a warning.
    fn check_mapping(
        &mut self,
        discriminator: &openapiv3::Discriminator,
        refs: &[Option<String>],
        owner: &str,
        alternatives_pointer: &str,
    ) {
        let schema_pointer = alternatives_pointer
            .rsplit_once('/')
            .map_or(alternatives_pointer, |(parent, _)| parent);
        for (value, target) in &discriminator.mapping {
            let reference = mapping_reference(target);
            if refs.iter().flatten().any(|r| *r == reference) {
                continue;
            }
            let at = format!(
                "{schema_pointer}/discriminator/mapping/{}",
                pointer_escape(value)
            );
            if self.component_schema(&reference).is_none() {
                let why = crate::local_refs::why_unresolved(self.spec, &reference);
                self.error(at, format!("`{target}` {why}"));
            } else {
                self.warnings.push(Diagnostic::new(
                    at,
                    format!(
                        "`{owner}`: the mapping `{value}` → `{target}` names no alternative \
                         of the union, so data whose `{}` is `{value}` decodes as the \
                         catch-all variant; list `{target}` among the alternatives",
                        discriminator.property_name
                    ),
                ));
            }
        }
    }

    /// A schema with `oneOf` (or `anyOf`) beside its own `properties` or
    /// an `allOf`: a value has the common properties *and* those of one
    /// alternative. Each alternative becomes a union variant merged with
    /// the common part (`allOf: [common…, alternative]`), named after the
    /// owner and the alternative (`Pet` + `Cat` → `PetCat`).
    ///
    /// Merged variants rather than a struct with a `#[serde(flatten)]`
    /// union: the union's decoding (its discriminator, the required
    /// properties and fixed values that choose an alternative) then sees
    /// the whole object, whereas a flattened field never sees the keys the
    /// struct's own fields took, and a discriminator declared among the
    /// common properties is one of them. An alternative that is not an
    /// object can't hold the common properties: that is a problem at its
    /// pointer.
    fn merged_alternatives(
        &mut self,
        any: &openapiv3::AnySchema,
        owner: &str,
        pointer: &str,
    ) -> Shape {
        let (alternatives, keyword) = if any.one_of.is_empty() {
            (&any.any_of, "anyOf")
        } else {
            (&any.one_of, "oneOf")
        };
        let mut common: Vec<ReferenceOr<Schema>> = any.all_of.clone();
        if !any.properties.is_empty() || any.additional_properties.is_some() {
            common.push(ReferenceOr::Item(Schema {
                schema_data: Default::default(),
                schema_kind: SchemaKind::Type(Type::Object(openapiv3::ObjectType {
                    properties: any.properties.clone(),
                    required: any.required.clone(),
                    additional_properties: any.additional_properties.clone(),
                    ..Default::default()
                })),
            }));
        }
        let kinds: Vec<Option<bool>> = alternatives.iter().map(|a| self.all_of_part(a)).collect();
        if kinds.iter().all(|k| *k == Some(false)) {
            // `oneOf: [{required: [a]}, {required: [b]}]`: constraints on
            // the common object that no Rust type states; the object is
            // the type.
            let mut plain = any.clone();
            plain.one_of.clear();
            plain.any_of.clear();
            let plain = Schema {
                schema_data: Default::default(),
                schema_kind: SchemaKind::Any(plain),
            };
            return self.shape(&plain, owner, pointer);
        }
        let mut merged = Vec::new();
        let mut refs = Vec::new();
        // `Pet::Dog(PetDog)`: the variant is named for the alternative.
        let mut names = Vec::new();
        for (i, alternative) in alternatives.iter().enumerate() {
            if kinds[i] == Some(true) {
                let at = format!("{pointer}/{keyword}/{i}");
                let why = format!(
                    "this `{keyword}` alternative is not an object, so no value can have \
                     both it and the schema's own properties or `allOf` parts"
                );
                if self.skip_unsupported {
                    // Said where the union gets its catch-all variant.
                    self.left_out_alternatives
                        .entry(format!("{pointer}/{keyword}"))
                        .or_default()
                        .push((at, why));
                } else {
                    self.error(at, why);
                }
                continue;
            }
            let (name, reference) = match alternative {
                ReferenceOr::Reference { reference } => (
                    reference.rsplit('/').next().unwrap_or_default().to_owned(),
                    Some(reference.clone()),
                ),
                ReferenceOr::Item(s) => (
                    s.schema_data
                        .title
                        .clone()
                        .unwrap_or_else(|| format!("variant {i}")),
                    None,
                ),
            };
            let mut parts = common.clone();
            // An alternative that only adds constraints (`required: [a]`)
            // adds no field: its variant is the common part alone.
            if kinds[i].is_none() {
                parts.push(alternative.clone());
            }
            let title = Some(format!("{owner} {name}"));
            merged.push(match parts.len() {
                1 => match parts.remove(0) {
                    ReferenceOr::Item(mut part) => {
                        part.schema_data.title = title;
                        ReferenceOr::Item(part)
                    }
                    reference => reference,
                },
                _ => ReferenceOr::Item(Schema {
                    schema_data: openapiv3::SchemaData {
                        title,
                        ..Default::default()
                    },
                    schema_kind: SchemaKind::AllOf { all_of: parts },
                }),
            });
            refs.push(reference);
            names.push(Some(name));
        }
        Shape::Union(merged, format!("{pointer}/{keyword}"), refs, names)
    }

    /// Sort key for untagged decoding: lower decodes first.
    fn decode_rank(&self, ty: &TypeRef) -> usize {
        match ty {
            TypeRef::Named { name } => match self.type_def(name).map(|t| &t.kind) {
                // Objects with more required fields are tried first: they
                // cannot match data meant for an object that needs fewer.
                Some(TypeKind::Struct { fields, .. }) => {
                    100 - fields.iter().filter(|f| f.required).count().min(99)
                }
                Some(TypeKind::Enum { .. }) => 300,
                _ => match self.component_types.contains(name) {
                    // Not converted yet (a forward reference): an object.
                    true => 150,
                    false => 400,
                },
            },
            TypeRef::Array { .. } => 200,
            TypeRef::Map { .. } => 250,
            TypeRef::Bool => 310,
            TypeRef::I32 | TypeRef::I64 | TypeRef::U32 | TypeRef::U64 => 320,
            TypeRef::F32 | TypeRef::F64 => 330,
            TypeRef::DateTime | TypeRef::Date => 340,
            TypeRef::String { .. } => 350,
            TypeRef::Json => 500,
            // `null` is tried after every other alternative had its turn.
            TypeRef::Nullable { inner } => self.decode_rank(inner) + 1,
            TypeRef::Bytes => 360,
        }
    }

    /// The properties of an object schema, with those of every `allOf`
    /// part merged in (later parts win), or `None` when the schema is not
    /// an object with known properties.
    fn merged_object(&mut self, schema: &Schema, pointer: &str) -> Option<MergedObject> {
        self.merged_object_via(schema, pointer, &mut Vec::new())
    }

    /// [`Self::merged_object`] inside the `allOf` parts of the component
    /// schemas `via` names, outermost first: a part that names one of them
    /// again would be merged without end.
    fn merged_object_via(
        &mut self,
        schema: &Schema,
        pointer: &str,
        via: &mut Vec<String>,
    ) -> Option<MergedObject> {
        self.merged_object_at(schema, pointer, via, false)
    }

    /// [`Self::merged_object`] of a schema that must be a struct: a subtype
    /// of a polymorphic base, or the base. `allOf: [{$ref: Pet}]` alone,
    /// elsewhere another name for `Pet`, is then `Pet`'s properties: as
    /// another name, the subtype would be the base's union again, and the
    /// union's variant for it would decode as the union without end.
    fn merged_object_forced(&mut self, schema: &Schema, pointer: &str) -> Option<MergedObject> {
        self.merged_object_at(schema, pointer, &mut Vec::new(), true)
    }

    fn merged_object_at(
        &mut self,
        schema: &Schema,
        pointer: &str,
        via: &mut Vec<String>,
        force: bool,
    ) -> Option<MergedObject> {
        self.check_type(schema, pointer);
        // Each property and `required` entry keeps where it is written,
        // wherever it is merged: a problem in it is reported there, once.
        let own = |properties: &indexmap::IndexMap<String, ReferenceOr<Box<Schema>>>,
                   required: &[String],
                   additional: &Option<AdditionalProperties>| {
            let required_at: Rc<str> = format!("{pointer}/required").into();
            MergedObject {
                properties: properties
                    .iter()
                    .map(|(name, schema)| {
                        let property = MergedProperty {
                            schema: schema.clone(),
                            pointer: format!("{pointer}/properties/{}", pointer_escape(name)),
                        };
                        (name.clone(), Rc::new(property))
                    })
                    .collect(),
                required: required
                    .iter()
                    .map(|name| (name.clone(), required_at.clone()))
                    .collect(),
                additional: additional.clone(),
                unmerged: Vec::new(),
            }
        };
        let (own, parts) = match &schema.schema_kind {
            SchemaKind::Type(Type::Object(o)) => (
                own(&o.properties, &o.required, &o.additional_properties),
                &[][..],
            ),
            SchemaKind::Any(any) if any.one_of.is_empty() && any.any_of.is_empty() => (
                own(&any.properties, &any.required, &any.additional_properties),
                &any.all_of[..],
            ),
            SchemaKind::AllOf { all_of } if all_of.len() > 1 || force => {
                (MergedObject::default(), &all_of[..])
            }
            _ => return None,
        };
        // A lone `allOf: [$ref]` with a description is a reference, not a
        // merge; parts that are no objects are one primitive type.
        if !force
            && own.properties.is_empty()
            && (parts.len() <= 1 || parts.iter().all(|p| self.all_of_part(p).is_some()))
        {
            return None;
        }
        // A union or a map with a description beside it is that type,
        // described: there is nothing to merge.
        if !force
            && own.properties.is_empty()
            && own.additional.is_none()
            && self.lone_structural_part(parts).is_some()
        {
            return None;
        }
        let mut merged = MergedObject::default();
        for (i, part) in parts.iter().enumerate() {
            let part_pointer = format!("{pointer}/allOf/{i}");
            if let Some(object) = self.merged_part(part, &part_pointer, via) {
                self.check_redeclared(pointer, &merged, &object);
                merged.absorb(object);
            }
        }
        self.check_redeclared(pointer, &merged, &own);
        merged.absorb(own);
        Some(merged)
    }

    /// The properties one `allOf` part adds; a problem at its pointer when
    /// it is no object, or names a schema that is being merged already.
    fn merged_part(
        &mut self,
        part: &ReferenceOr<Schema>,
        part_pointer: &str,
        via: &mut Vec<String>,
    ) -> Option<MergedObject> {
        let (schema, entered) = match part {
            ReferenceOr::Item(s) => (s, None),
            ReferenceOr::Reference { reference } => {
                let Some((name, schema)) = self.component_schema(reference) else {
                    return self.unmergeable(
                        part_pointer,
                        "an `allOf` part must be an object schema or a reference to one",
                    );
                };
                if let Some(at) = via.iter().position(|n| n == name) {
                    self.all_of_cycle(part_pointer, &via[at..], name);
                    return None;
                }
                (schema, Some(name))
            }
        };
        // A referenced schema's own parts are reported where it is written.
        let pointer = match entered {
            Some(name) => {
                via.push(name.to_owned());
                format!("/components/schemas/{}", pointer_escape(name))
            }
            None => part_pointer.to_owned(),
        };
        let object = match entered {
            Some(name) => {
                let object = self.merged_component(name, schema, &pointer, via);
                via.pop();
                object
            }
            None => self.merged_object_via(schema, &pointer, via),
        };
        if object.is_some() {
            return object;
        }
        // `Base: {allOf: [{$ref: Compact}]}`: a reference with a
        // description, merged as what it references.
        if let Some((i, inner)) = self.sole_part(schema) {
            return self.merged_part(inner, &format!("{pointer}/allOf/{i}"), via);
        }
        // `{additionalProperties: …}`: the merged object keeps the
        // properties it doesn't name.
        if let Some(additional) = additional_only(schema) {
            return Some(MergedObject {
                additional: Some(additional.clone()),
                ..Default::default()
            });
        }
        match object {
            Some(object) => Some(object),
            // `{type: object}` or a part with only a description: it adds
            // no property, and real specs write it to say what the merged
            // object is.
            None if adds_no_properties(schema) => None,
            None => {
                let why = match &schema.schema_kind {
                    SchemaKind::OneOf { .. } => "a `oneOf`",
                    SchemaKind::AnyOf { .. } => "an `anyOf`",
                    SchemaKind::Any(any) if !any.one_of.is_empty() => "a `oneOf`",
                    SchemaKind::Any(any) if !any.any_of.is_empty() => "an `anyOf`",
                    SchemaKind::Not { .. } => "a `not`",
                    SchemaKind::Type(Type::Array(_)) => "an array",
                    SchemaKind::Type(Type::String(_)) => "a string",
                    SchemaKind::Type(Type::Number(_) | Type::Integer(_)) => "a number",
                    SchemaKind::Type(Type::Boolean(_)) => "a boolean",
                    _ => "no object",
                };
                self.unmergeable(
                    part_pointer,
                    &format!(
                        "only object schemas can be merged with `allOf`, and this part is {why}"
                    ),
                )
            }
        }
    }

    /// A warning for each property of `later` that `merged` has already,
    /// written elsewhere with another JSON type (`string`, then
    /// `integer`): no value of the property satisfies both, and the merge
    /// keeps the later one, which the warning says. A redeclaration of
    /// the same type, or one narrowing it (an enum of a string, an
    /// `integer` of a `number`), says nothing.
    fn check_redeclared(&mut self, pointer: &str, merged: &MergedObject, later: &MergedObject) {
        for (name, property) in &later.properties {
            let Some(earlier) = merged.properties.get(name) else {
                continue;
            };
            // The same part met twice (a base two parts extend).
            if Rc::ptr_eq(earlier, property) || earlier.pointer == property.pointer {
                continue;
            }
            let json = |p: &MergedProperty| {
                self.resolved(&p.schema)
                    .and_then(|schema| self.json_type_of(schema, 0))
            };
            let (Some(was), Some(is)) = (json(earlier), json(property)) else {
                continue;
            };
            if was == is || matches!((was, is), ("integer", "number") | ("number", "integer")) {
                continue;
            }
            let schema = match pointer.strip_prefix("/components/schemas/") {
                Some(name) if !name.contains('/') => {
                    format!("`{}`", crate::diagnostics::pointer_unescape(name))
                }
                _ => format!("the schema at `#{pointer}`"),
            };
            self.warnings.push(Diagnostic::new(
                property.pointer.clone(),
                format!(
                    "{schema} declares the property `{name}` twice through `allOf`, as `{was}` \
                     at `#{}` and as `{is}` at `#{}`; no value is both, and its field is \
                     generated from the later one, `{is}`",
                    earlier.pointer, property.pointer
                ),
            ));
        }
    }

    /// An `allOf` part that can't be merged: a problem at its pointer or,
    /// with `skip_unsupported`, a part left out of the merged object, which
    /// then keeps the values of the properties it doesn't name (the part's
    /// among them) in a map, and says so where its type is made
    /// ([`Self::shape`]).
    fn unmergeable(&mut self, part_pointer: &str, why: &str) -> Option<MergedObject> {
        if !self.skip_unsupported {
            self.error(part_pointer, why);
            return None;
        }
        Some(MergedObject {
            unmerged: vec![(part_pointer.to_owned(), why.to_owned())],
            ..Default::default()
        })
    }

    /// [`Self::merged_object_via`] of the component schema `name`, from
    /// [`Self::merged_components`] when it was merged before. A merge that
    /// reported a problem isn't kept: the problem depends on where the
    /// merge started, and is reported from each start.
    fn merged_component(
        &mut self,
        name: &str,
        schema: &Schema,
        pointer: &str,
        via: &mut Vec<String>,
    ) -> Option<MergedObject> {
        if let Some(merged) = self.merged_components.get(name) {
            return merged.clone();
        }
        let errors = self.errors.len();
        let merged = self.merged_object_via(schema, pointer, via);
        if self.errors.len() == errors {
            self.merged_components
                .insert(name.to_owned(), merged.clone());
        }
        merged
    }

    /// The problem of an `allOf` part naming `name`, whose merge (`inside`,
    /// from `name` on) is under way; the schemas of the cycle are noted so
    /// that skipping leaves out what reaches them.
    fn all_of_cycle(&mut self, pointer: &str, inside: &[String], name: &str) {
        let message = all_of_cycle_message(inside, name);
        let members = inside
            .iter()
            .filter_map(|member| self.schema_names.get(member).cloned())
            .collect();
        self.cycle_owners
            .insert((pointer.to_owned(), message.clone()), members);
        self.error(pointer, message);
    }

    /// The one `allOf` part of a schema that has nothing else but parts
    /// that only annotate it.
    fn sole_part<'s>(&self, schema: &'s Schema) -> Option<(usize, &'s ReferenceOr<Schema>)> {
        let parts = match &schema.schema_kind {
            SchemaKind::AllOf { all_of } => &all_of[..],
            SchemaKind::Any(any)
                if any.properties.is_empty()
                    && any.additional_properties.is_none()
                    && any.one_of.is_empty()
                    && any.any_of.is_empty() =>
            {
                &any.all_of[..]
            }
            _ => return None,
        };
        self.only_structural_part(parts)
    }

    /// The one part of `parts` that doesn't only annotate, if exactly one.
    fn only_structural_part<'p>(
        &self,
        parts: &'p [ReferenceOr<Schema>],
    ) -> Option<(usize, &'p ReferenceOr<Schema>)> {
        let mut structural = parts
            .iter()
            .enumerate()
            .filter(|(_, part)| !self.annotates_only(part));
        let found = structural.next()?;
        structural.next().is_none().then_some(found)
    }

    /// The component schema a `$ref` names, with its name, through any
    /// chain of references (`Base: {$ref: Compact}`); `None` for a
    /// reference that is no component schema, or a chain that never ends
    /// (reported as such where aliases are checked).
    fn component_schema(&self, reference: &str) -> Option<(&'a str, &'a Schema)> {
        let schemas = &self.spec.components.as_ref()?.schemas;
        let mut reference = reference;
        let mut seen = BTreeSet::new();
        loop {
            let (name, found) =
                schemas.get_key_value(reference.strip_prefix("#/components/schemas/")?)?;
            if !seen.insert(name.as_str()) {
                return None;
            }
            match found {
                ReferenceOr::Item(schema) => return Some((name.as_str(), schema)),
                ReferenceOr::Reference { reference: next } => reference = next,
            }
        }
    }

    /// The schema written inline, or the component schema a `$ref` names
    /// (see [`Self::component_schema`]).
    fn resolved<'s, S: std::borrow::Borrow<Schema>>(
        &self,
        schema: &'s ReferenceOr<S>,
    ) -> Option<&'s Schema>
    where
        'a: 's,
    {
        match schema {
            ReferenceOr::Item(schema) => Some(schema.borrow()),
            ReferenceOr::Reference { reference } => {
                self.component_schema(reference).map(|(_, schema)| schema)
            }
        }
    }

    /// The one part of an `allOf` that gives it a type, when every other
    /// part only annotates it (`description`, `nullable`…) and that type
    /// is no object to merge (a union, a map, a reference to one): the
    /// idiom that gives a reference a description in OpenAPI 3.0.
    fn lone_structural_part<'p>(
        &self,
        parts: &'p [ReferenceOr<Schema>],
    ) -> Option<(usize, &'p ReferenceOr<Schema>)> {
        self.lone_structural_part_at(parts, 0)
    }

    fn lone_structural_part_at<'p>(
        &self,
        parts: &'p [ReferenceOr<Schema>],
        depth: usize,
    ) -> Option<(usize, &'p ReferenceOr<Schema>)> {
        let found = self.only_structural_part(parts)?;
        // `allOf: [{$ref: User}, {nullable: true}]` annotates `User`, as
        // the same words beside the `allOf` would: it is `User`, no copy.
        let annotated_ref = matches!(found.1, ReferenceOr::Reference { .. })
            && parts.iter().all(|part| match part {
                ReferenceOr::Item(s) => crate::annotation::only_annotates(s),
                ReferenceOr::Reference { .. } => true,
            });
        (annotated_ref || !self.merges_as_object(found.1, depth)).then_some(found)
    }

    /// Whether an `allOf` part adds no structure: docs, `nullable`,
    /// constraints, or `{type: object}` alone.
    fn annotates_only(&self, part: &ReferenceOr<Schema>) -> bool {
        match part {
            ReferenceOr::Item(schema) if adds_no_properties(schema) => true,
            _ => self.all_of_part(part) == Some(false),
        }
    }

    /// Whether an `allOf` part is merged as an object (its properties
    /// copied), as opposed to giving the `allOf` its own type. A cyclic
    /// chain counts as an object: merging it reports the cycle.
    fn merges_as_object(&self, part: &ReferenceOr<Schema>, depth: usize) -> bool {
        let Some(schema) = self.resolved(part) else {
            return true;
        };
        if depth > 16 || adds_no_properties(schema) {
            return true;
        }
        let merges_parts = |parts: &[ReferenceOr<Schema>]| {
            parts.len() > 1
                && !parts.iter().all(|p| self.all_of_part(p).is_some())
                && self.lone_structural_part_at(parts, depth + 1).is_none()
        };
        match &schema.schema_kind {
            SchemaKind::Type(Type::Object(o)) => !o.properties.is_empty(),
            SchemaKind::Any(any) if any.one_of.is_empty() && any.any_of.is_empty() => {
                !any.properties.is_empty() || merges_parts(&any.all_of)
            }
            SchemaKind::AllOf { all_of } => merges_parts(all_of),
            _ => false,
        }
    }

    /// The Rust name of each property, in order. Properties that read the
    /// same once named (`@type` and `type`) are told apart by a suffix, and
    /// the plain name goes to the one spelled as an identifier already;
    /// each one suffixed is a warning naming both.
    fn field_names(
        &mut self,
        owner: &str,
        properties: &indexmap::IndexMap<String, Rc<MergedProperty>>,
    ) -> Vec<String> {
        let plain = |wire: &str| {
            !wire.is_empty() && wire.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        };
        let mut namer = Namer::default();
        let mut names: Vec<Option<String>> = vec![None; properties.len()];
        let mut claims = FirstClaims::default();
        let wires: Vec<&String> = properties.keys().collect();
        let order = (0..wires.len())
            .filter(|&i| plain(wires[i]))
            .chain((0..wires.len()).filter(|&i| !plain(wires[i])));
        for i in order {
            let Some((wire, property)) = properties.get_index(i) else {
                continue;
            };
            let words = crate::naming::member_words(wire);
            let rust = namer.unique(&words, Kind::Value);
            let base = rust_name(&words, Kind::Value);
            if let Some(first) = claims.renamed_after(base.clone(), &rust, wire) {
                self.warnings.push(Diagnostic::new(
                    property.pointer.clone(),
                    format!(
                        "`{owner}`: properties `{wire}` and `{first}` read the same once \
                         named, `{base}`; this one is the field `{}`",
                        rust.trim_start_matches("r#")
                    ),
                ));
            }
            names[i] = Some(rust);
        }
        names.into_iter().flatten().collect()
    }

    fn fields(
        &mut self,
        owner: &str,
        properties: &indexmap::IndexMap<String, Rc<MergedProperty>>,
        required: &indexmap::IndexMap<String, Rc<str>>,
    ) -> Vec<Field> {
        let names = self.field_names(owner, properties);
        let mut fields = Vec::new();
        for ((wire, property), rust) in properties.iter().zip(names) {
            let field_pointer = property.pointer.as_str();
            let property = &property.schema;
            let words = crate::naming::member_words(wire);
            let hint = format!("{owner}{}", rust_name(&words, Kind::Type));
            let (ty, data) = match property {
                ReferenceOr::Reference { reference } => {
                    (self.reference(reference, field_pointer), None)
                }
                ReferenceOr::Item(schema) => (
                    self.type_ref_item(schema, &hint, field_pointer),
                    Some(&schema.schema_data),
                ),
            };
            let read_only = data.is_some_and(|d| d.read_only);
            let write_only = data.is_some_and(|d| d.write_only);
            let nullable = self.is_nullable_boxed(property);
            if let Some(default) = data.and_then(|d| d.default.as_ref()) {
                self.defaults.push((
                    ty.clone(),
                    default.clone(),
                    nullable,
                    format!("{field_pointer}/default"),
                ));
            }
            fields.push(Field {
                nullable,
                write_only,
                default: data.and_then(|d| d.default.as_ref()).map(|v| v.to_string()),
                rust_name: rust,
                wire_name: wire.clone(),
                // One struct serves requests and responses: a read-only
                // field is absent from the first, a write-only one from
                // the second, so neither can be required of both.
                required: required.contains_key(wire) && !read_only && !write_only,
                read_only,
                boxed: false,
                sensitive: is_sensitive(wire),
                description: match property {
                    ReferenceOr::Item(schema) => self.description_of(schema),
                    ReferenceOr::Reference { .. } => None,
                },
                deprecated: data.is_some_and(|d| d.deprecated),
                ty,
                tag: None,
            });
        }
        for (name, at) in required {
            if !properties.contains_key(name) {
                self.warnings.push(Diagnostic::new(
                    at.to_string(),
                    format!(
                        "`{name}` is listed in `required` but is not a property; it is not \
                         generated (any value of it is kept only where the schema allows \
                         additional properties)"
                    ),
                ));
            }
        }
        fields
    }

    fn enum_kind(
        &mut self,
        values: &[String],
        integer: Option<TypeRef>,
        pointer: &str,
    ) -> TypeKind {
        let mut namer = Namer::default();
        let mut seen = BTreeSet::new();
        let mut variants = Vec::new();
        for value in values {
            if !seen.insert(value.as_str()) {
                self.warnings.push(Diagnostic::new(
                    format!("{pointer}/enum"),
                    format!(
                        "the value `{value}` appears more than once in the enum; it is one variant"
                    ),
                ));
                continue;
            }
            variants.push(Variant {
                rust_name: namer.unique(&crate::naming::enum_value_words(value), Kind::Variant),
                wire_value: value.clone(),
            });
        }
        TypeKind::Enum {
            variants,
            unknown_variant: namer.unique("Unknown", Kind::Variant),
            integer,
        }
    }

    /// A schema's description, or that of an `allOf` part that only
    /// annotates it (`allOf: [{$ref: X}, {description: …}]`).
    fn description_of(&self, schema: &Schema) -> Option<String> {
        let parts = match &schema.schema_kind {
            SchemaKind::AllOf { all_of } => &all_of[..],
            SchemaKind::Any(any) => &any.all_of[..],
            _ => &[][..],
        };
        let annotations = parts.iter().filter_map(|part| match part {
            ReferenceOr::Item(s) if self.annotates_only(part) => Some(s),
            _ => None,
        });
        std::iter::once(schema)
            .chain(annotations)
            .find_map(|s| non_empty(s.schema_data.description.as_deref()))
    }

    /// Whether a schema says `nullable: true`, itself, through the
    /// component its `$ref` names, or through a lone `allOf: [$ref]`.
    fn is_nullable(&self, schema: &ReferenceOr<Schema>) -> bool {
        match schema {
            ReferenceOr::Reference { reference } => self.is_nullable_ref(reference, 0),
            ReferenceOr::Item(schema) => self.is_nullable_item(schema),
        }
    }

    fn is_nullable_boxed(&self, schema: &ReferenceOr<Box<Schema>>) -> bool {
        match schema {
            ReferenceOr::Reference { reference } => self.is_nullable_ref(reference, 0),
            ReferenceOr::Item(schema) => self.is_nullable_item(schema),
        }
    }

    fn is_nullable_item(&self, schema: &Schema) -> bool {
        if schema.schema_data.nullable {
            return true;
        }
        // A union one of whose alternatives is `null` takes `null` itself.
        let alternatives = match &schema.schema_kind {
            SchemaKind::OneOf { one_of: list } | SchemaKind::AnyOf { any_of: list } => &list[..],
            SchemaKind::Any(any) if !any.one_of.is_empty() => &any.one_of[..],
            SchemaKind::Any(any) => &any.any_of[..],
            _ => &[][..],
        };
        if alternatives.iter().any(|a| self.is_nullable(a)) {
            return true;
        }
        let parts = match &schema.schema_kind {
            SchemaKind::AllOf { all_of } => &all_of[..],
            SchemaKind::Any(any) if any.properties.is_empty() => &any.all_of[..],
            _ => &[][..],
        };
        // `allOf: [{$ref: X}, {nullable: true}]`: the annotation is the
        // reference's own.
        let annotated_nullable = parts.iter().any(|part| {
            matches!(part, ReferenceOr::Item(s) if s.schema_data.nullable)
                && self.annotates_only(part)
        });
        let lone = match parts {
            [only] => Some(only),
            _ => self.lone_structural_part(parts).map(|(_, part)| part),
        };
        annotated_nullable
            || match lone {
                Some(ReferenceOr::Reference { reference }) => self.is_nullable_ref(reference, 0),
                Some(item) => self.is_nullable(item),
                None => false,
            }
    }

    fn is_nullable_ref(&self, reference: &str, depth: usize) -> bool {
        let found = reference
            .strip_prefix("#/components/schemas/")
            .and_then(|name| self.spec.components.as_ref()?.schemas.get(name));
        match found {
            Some(ReferenceOr::Item(schema)) => {
                schema.schema_data.nullable || null_alternatives::has_null_alternative(schema)
            }
            // A chain of references; a cyclic one is not nullable.
            Some(ReferenceOr::Reference { reference }) if depth < 16 => {
                self.is_nullable_ref(reference, depth + 1)
            }
            _ => false,
        }
    }

    /// `ty`, or `ty` that may be `null`.
    fn nullable_if(&self, nullable: bool, ty: TypeRef) -> TypeRef {
        match (nullable, ty) {
            (true, ty @ (TypeRef::Json | TypeRef::Nullable { .. })) => ty,
            (true, ty) => TypeRef::Nullable {
                inner: Box::new(ty),
            },
            (false, ty) => ty,
        }
    }

    /// The type of an `allOf` whose parts are not objects (`allOf: [{$ref:
    /// Name}, {maxLength: 40}]`): the one type its typed parts agree on,
    /// the others only adding constraints. `None` when a part is an object
    /// (the parts are then merged as objects); a problem when the typed
    /// parts disagree, as no value could satisfy them all.
    fn all_of_primitive(
        &mut self,
        parts: &[ReferenceOr<Schema>],
        hint: &str,
        pointer: &str,
    ) -> Option<TypeRef> {
        let mut typed = Vec::new();
        for (i, part) in parts.iter().enumerate() {
            if self.all_of_part(part)? {
                typed.push((i, part));
            }
        }
        // Parts of one JSON type narrow each other (`{$ref: UserId}` and
        // `{type: string, description: …}`, `{type: number}` and
        // `{format: int32}`): the most specific part gives the type.
        let mut found: Option<(TypeRef, Option<&'static str>, &ReferenceOr<Schema>)> = None;
        for (i, part) in typed {
            let at = format!("{pointer}/allOf/{i}");
            let json = self.json_type(part, 0);
            // An inline enum is a type of its own, as specific as any: one
            // met after another such type can't win, and isn't made, so
            // that no type but the value's is generated (or named).
            let inline_enum = matches!(part, ReferenceOr::Item(s) if inline_enum_key(s).is_some());
            let ty = match &found {
                Some((existing, ..)) if inline_enum && specificity(existing) >= 3 => None,
                _ => {
                    let ty = self.type_ref(part, hint, &at);
                    Some(self.primitive_alias_target(ty))
                }
            };
            let Some((existing, existing_json, existing_part)) = &found else {
                found = ty.map(|ty| (ty, json, part));
                continue;
            };
            let one_type = match (existing_json, json) {
                (Some(a), Some(b)) => {
                    a == &b || matches!((*a, b), ("integer", "number") | ("number", "integer"))
                }
                _ => true,
            };
            let name = |ty: &TypeRef| crate::render::type_name_for_variant(ty);
            if !one_type {
                let other = ty
                    .as_ref()
                    .map_or_else(|| json.unwrap_or("enum").to_owned(), name);
                self.error(
                    at,
                    format!(
                        "`allOf` parts of different types (`{}` and `{other}`) can't all hold; \
                         no value satisfies them",
                        name(existing),
                    ),
                );
                return Some(TypeRef::Json);
            }
            if let Some(ty) = ty
                .as_ref()
                .filter(|ty| specificity(ty) > specificity(existing))
            {
                found = Some((ty.clone(), json, part));
                continue;
            }
            if ty.as_ref() == Some(existing)
                || ty
                    .as_ref()
                    .is_some_and(|ty| specificity(ty) < specificity(existing))
            {
                continue;
            }
            let values = |part: &ReferenceOr<Schema>| {
                self.resolved(part)
                    .and_then(inline_enum_key)
                    .map(|(values, _)| values)
            };
            // The part that doesn't give the type: an inline enum has no
            // type of its own to be named by (see above).
            let other = match &ty {
                Some(ty) => format!("`{}`", name(ty)),
                None => "an inline enum".to_owned(),
            };
            let message = match (values(existing_part), values(part)) {
                // The enum generated holds only values of the other: it
                // is the intersection, and says all there is.
                (Some(kept), Some(left)) if kept.iter().all(|v| left.contains(v)) => continue,
                (Some(kept), Some(left)) => {
                    let listed = |values: &[&String]| {
                        let quoted: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
                        quoted.join(", ")
                    };
                    let (common, only): (Vec<&String>, Vec<&String>) =
                        kept.iter().partition(|v| left.contains(v));
                    let kept_name = name(existing);
                    let both = format!(
                        "`allOf` parts `{kept_name}` ({}) and {other} ({})",
                        listed(&kept.iter().collect::<Vec<_>>()),
                        listed(&left.iter().collect::<Vec<_>>()),
                    );
                    match common.is_empty() {
                        true => format!(
                            "{both} have no value in common, so no value satisfies both; it is \
                             generated as `{kept_name}`, and a value of the other decodes as an \
                             unknown value of `{kept_name}`"
                        ),
                        false => format!(
                            "{both} have only {} in common; it is generated as `{kept_name}`, \
                             which also accepts {}",
                            listed(&common),
                            listed(&only)
                        ),
                    }
                }
                _ => format!(
                    "`allOf` parts `{}` and {other} are both {}; the value is `{}`, and the \
                     constraints of {other} are not checked",
                    name(existing),
                    json.map_or("of one type".to_owned(), |j| format!("`{j}`")),
                    name(existing),
                ),
            };
            self.warnings.push(Diagnostic::new(at, message));
        }
        found.map(|(ty, ..)| ty)
    }

    /// The JSON type (`string`, `integer`…) an `allOf` part with a type
    /// demands, through references and nested `allOf`s.
    fn json_type(&self, part: &ReferenceOr<Schema>, depth: usize) -> Option<&'static str> {
        self.json_type_of(self.resolved(part)?, depth)
    }

    /// [`Self::json_type`] of a schema: its `type`, or that of its object
    /// properties or `allOf` parts.
    fn json_type_of(&self, schema: &Schema, depth: usize) -> Option<&'static str> {
        if depth > 16 {
            return None;
        }
        match &schema.schema_kind {
            SchemaKind::Type(Type::String(_)) => Some("string"),
            SchemaKind::Type(Type::Integer(_)) => Some("integer"),
            SchemaKind::Type(Type::Number(_)) => Some("number"),
            SchemaKind::Type(Type::Boolean(_)) => Some("boolean"),
            SchemaKind::Type(Type::Array(_)) => Some("array"),
            SchemaKind::Type(Type::Object(_)) => Some("object"),
            SchemaKind::AllOf { all_of } => {
                all_of.iter().find_map(|p| self.json_type(p, depth + 1))
            }
            SchemaKind::Any(any) => match any.typ.as_deref() {
                Some(typ) => OPENAPI_TYPES.iter().copied().find(|t| *t == typ),
                None if !any.properties.is_empty() => Some("object"),
                None => any.all_of.iter().find_map(|p| self.json_type(p, depth + 1)),
            },
            _ => None,
        }
    }

    /// The type of an `allOf` that only annotates one union, map or
    /// reference to one (see [`Self::lone_structural_part`]): that type.
    fn lone_structural_type(
        &mut self,
        parts: &[ReferenceOr<Schema>],
        hint: &str,
        pointer: &str,
    ) -> Option<TypeRef> {
        let (i, part) = self.lone_structural_part(parts)?;
        Some(self.type_ref(part, hint, &format!("{pointer}/allOf/{i}")))
    }

    /// What an `allOf` part is, when it is no object: `Some(true)` for a
    /// typed schema (a string, a number…), `Some(false)` for one that only
    /// adds constraints or docs; `None` for an object or a composition.
    fn all_of_part(&self, part: &ReferenceOr<Schema>) -> Option<bool> {
        self.all_of_part_at(part, 0)
    }

    fn all_of_part_at(&self, part: &ReferenceOr<Schema>, depth: usize) -> Option<bool> {
        if depth > 16 {
            return None;
        }
        match &self.resolved(part)?.schema_kind {
            SchemaKind::Type(Type::Object(_)) => None,
            SchemaKind::Type(_) => Some(true),
            // A part that is itself an `allOf` of no objects.
            SchemaKind::AllOf { all_of } => {
                let kinds: Option<Vec<bool>> = all_of
                    .iter()
                    .map(|p| self.all_of_part_at(p, depth + 1))
                    .collect();
                kinds.map(|k| k.contains(&true))
            }
            SchemaKind::Any(any)
                if any.typ.is_none()
                    && any.properties.is_empty()
                    && !any.all_of.is_empty()
                    && any.one_of.is_empty()
                    && any.any_of.is_empty()
                    && any.enumeration.is_empty()
                    && any.additional_properties.is_none() =>
            {
                let kinds: Option<Vec<bool>> = any
                    .all_of
                    .iter()
                    .map(|p| self.all_of_part_at(p, depth + 1))
                    .collect();
                kinds.map(|k| k.contains(&true))
            }
            SchemaKind::Any(any)
                if any.typ.is_none()
                    && any.properties.is_empty()
                    && any.all_of.is_empty()
                    && any.one_of.is_empty()
                    && any.any_of.is_empty()
                    && any.enumeration.is_empty()
                    && any.additional_properties.is_none() =>
            {
                Some(false)
            }
            _ => None,
        }
    }

    /// The type of a `$ref`.
    fn reference(&mut self, reference: &str, pointer: &str) -> TypeRef {
        let name = reference.strip_prefix("#/components/schemas/");
        match name.and_then(|n| self.schema_names.get(n)) {
            Some(rust) => TypeRef::Named { name: rust.clone() },
            None => {
                self.error(
                    pointer,
                    format!(
                        "`$ref: {reference}` {}",
                        crate::local_refs::why_unresolved(self.spec, reference)
                    ),
                );
                TypeRef::Json
            }
        }
    }

    fn type_ref(&mut self, schema: &ReferenceOr<Schema>, hint: &str, pointer: &str) -> TypeRef {
        match schema {
            ReferenceOr::Reference { reference } => self.reference(reference, pointer),
            ReferenceOr::Item(schema) => self.type_ref_item(schema, hint, pointer),
        }
    }

    fn type_ref_boxed(
        &mut self,
        schema: &ReferenceOr<Box<Schema>>,
        hint: &str,
        pointer: &str,
    ) -> TypeRef {
        match schema {
            ReferenceOr::Reference { reference } => self.reference(reference, pointer),
            ReferenceOr::Item(schema) => self.type_ref_item(schema, hint, pointer),
        }
    }

    /// The type of an inline schema; inline structs and enums become named
    /// types called `hint` (the owner's name and the property's).
    fn type_ref_item(&mut self, schema: &Schema, hint: &str, pointer: &str) -> TypeRef {
        self.check_type(schema, pointer);
        // "X or null" is X, which the caller makes nullable (see
        // `is_nullable_item`).
        if let Some((i, only, keyword)) = null_alternatives::sole_alternative(schema) {
            return self.type_ref(only, hint, &format!("{pointer}/{keyword}/{i}"));
        }
        match &schema.schema_kind {
            SchemaKind::Type(Type::String(s)) => {
                if !s.enumeration.is_empty() {
                    return self.inline_type(schema, hint, pointer);
                }
                match &s.format {
                    VariantOrUnknownOrEmpty::Item(StringFormat::DateTime) => TypeRef::DateTime,
                    VariantOrUnknownOrEmpty::Item(StringFormat::Date) => TypeRef::Date,
                    VariantOrUnknownOrEmpty::Item(StringFormat::Binary) => TypeRef::Bytes,
                    VariantOrUnknownOrEmpty::Item(f) => TypeRef::String {
                        format: Some(string_format(f).to_owned()),
                    },
                    VariantOrUnknownOrEmpty::Unknown(f) => TypeRef::String {
                        format: Some(f.clone()),
                    },
                    VariantOrUnknownOrEmpty::Empty => TypeRef::String { format: None },
                }
            }
            SchemaKind::Type(Type::Integer(i)) => {
                if !i.enumeration.is_empty() {
                    return self.inline_type(schema, hint, pointer);
                }
                integer_type(&i.format)
            }
            SchemaKind::Type(Type::Number(n)) => match n.format {
                VariantOrUnknownOrEmpty::Item(NumberFormat::Float) => TypeRef::F32,
                _ => TypeRef::F64,
            },
            SchemaKind::Type(Type::Boolean(_)) => TypeRef::Bool,
            SchemaKind::Type(Type::Array(a)) => {
                let items = match &a.items {
                    Some(items) => {
                        let ty = self.type_ref_boxed(items, hint, &format!("{pointer}/items"));
                        self.nullable_if(self.is_nullable_boxed(items), ty)
                    }
                    None => TypeRef::Json,
                };
                TypeRef::Array {
                    items: Box::new(items),
                    unique: a.unique_items,
                }
            }
            SchemaKind::Type(Type::Object(o)) => {
                if !o.properties.is_empty() {
                    return self.inline_type(schema, hint, pointer);
                }
                self.map_or_json(o.additional_properties.as_ref(), hint, pointer)
            }
            SchemaKind::Any(any) if !any.enumeration.is_empty() => {
                if enum_values(&any.enumeration).is_some() {
                    return self.inline_type(schema, hint, pointer);
                }
                let kinds: BTreeSet<&str> = any.enumeration.iter().map(json_kind).collect();
                self.warnings.push(Diagnostic::new(
                    format!("{pointer}/enum"),
                    format!(
                        "`{hint}`: the enum mixes {} values{}, which no Rust enum can carry \
                         as they are; generated as `serde_json::Value`, which keeps every \
                         value exactly",
                        kinds.into_iter().collect::<Vec<_>>().join(", "),
                        any.typ
                            .as_deref()
                            .map(|t| format!(" under `type: {t}`"))
                            .unwrap_or_default()
                    ),
                ));
                TypeRef::Json
            }
            SchemaKind::Any(any) => {
                // A schema that mixes keywords (`oneOf` beside `properties`,
                // say) parses as `Any`; composition decides what it is.
                let composition = [
                    ("allOf", any.all_of.len()),
                    ("oneOf", any.one_of.len()),
                    ("anyOf", any.any_of.len()),
                ];
                let used: Vec<&str> = composition
                    .iter()
                    .filter(|(_, n)| *n > 0)
                    .map(|(k, _)| *k)
                    .collect();
                if used == ["allOf"] && any.all_of.len() == 1 && any.properties.is_empty() {
                    return self.type_ref(&any.all_of[0], hint, &format!("{pointer}/allOf/0"));
                }
                if used == ["allOf"] {
                    if any.properties.is_empty() {
                        if let Some(ty) = self.all_of_primitive(&any.all_of, hint, pointer) {
                            return ty;
                        }
                    }
                    if any.properties.is_empty() && any.additional_properties.is_none() {
                        if let Some(ty) = self.lone_structural_type(&any.all_of, hint, pointer) {
                            return ty;
                        }
                    }
                    return self.inline_type(schema, hint, pointer);
                }
                // Alternatives beside properties or `allOf` are merged with
                // them (see `merged_alternatives`); `oneOf` beside `anyOf`
                // is left to the refusal below.
                if used.contains(&"oneOf") != used.contains(&"anyOf") {
                    return self.inline_type(schema, hint, pointer);
                }
                if let Some(keyword) = used.first() {
                    self.error(
                        format!("{pointer}/{keyword}"),
                        format!("`{keyword}` beside other composition or properties is not supported yet"),
                    );
                    return TypeRef::Json;
                }
                if !any.properties.is_empty() {
                    return self.inline_type(schema, hint, pointer);
                }
                self.map_or_json(any.additional_properties.as_ref(), hint, pointer)
            }
            // `description` + `allOf: [{$ref}]` is how a reference carries
            // its own description in OpenAPI 3.0.
            SchemaKind::AllOf { all_of } if all_of.len() == 1 => {
                self.type_ref(&all_of[0], hint, &format!("{pointer}/allOf/0"))
            }
            SchemaKind::AllOf { all_of } => match self.all_of_primitive(all_of, hint, pointer) {
                Some(ty) => ty,
                None => match self.lone_structural_type(all_of, hint, pointer) {
                    Some(ty) => ty,
                    None => self.inline_type(schema, hint, pointer),
                },
            },
            SchemaKind::OneOf { .. } | SchemaKind::AnyOf { .. } => {
                self.inline_type(schema, hint, pointer)
            }
            SchemaKind::Not { .. } => {
                self.error(format!("{pointer}/not"), "`not` is not supported");
                TypeRef::Json
            }
        }
    }

    fn map_or_json(
        &mut self,
        additional: Option<&AdditionalProperties>,
        hint: &str,
        pointer: &str,
    ) -> TypeRef {
        match additional {
            Some(AdditionalProperties::Schema(values)) => {
                let ty = self.type_ref(
                    values,
                    &format!("{hint}Value"),
                    &format!("{pointer}/additionalProperties"),
                );
                TypeRef::Map {
                    values: Box::new(self.nullable_if(self.is_nullable(values), ty)),
                }
            }
            Some(AdditionalProperties::Any(true)) => TypeRef::Map {
                values: Box::new(TypeRef::Json),
            },
            _ => TypeRef::Json,
        }
    }

    fn inline_type(&mut self, schema: &Schema, hint: &str, pointer: &str) -> TypeRef {
        // A schema met again inside itself is the same type: merging
        // copies a component's properties, so `A: {properties: {p: {allOf:
        // [$ref A, …]}}}` would otherwise unfold into new types forever.
        if let Some((_, name)) = self.inlining.iter().rev().find(|(s, _)| s == schema) {
            return TypeRef::Named { name: name.clone() };
        }
        // What no spec nests by hand (the loader refuses documents nested
        // that deep) is a copy inside a copy, which must end somewhere.
        if self.inlining.len() >= MAX_INLINE_DEPTH {
            self.error(
                pointer,
                format!(
                    "inline schemas nest more than {MAX_INLINE_DEPTH} deep here, through \
                     `allOf` merges that copy a schema into itself; give the nested schema a name"
                ),
            );
            return TypeRef::Json;
        }
        // Inline enums with the same values are one type, named after the
        // first place it is met (schemas are lowered in name order, so the
        // name is deterministic): a value read from one model can be
        // written to another without conversion.
        let enum_key = inline_enum_key(schema);
        if let Some(existing) = enum_key.as_ref().and_then(|k| self.inline_enums.get(k)) {
            return TypeRef::Named {
                name: existing.clone(),
            };
        }
        let rust = self.type_namer.claim(rust_name(hint, Kind::Type));
        if let Some(key) = enum_key {
            self.inline_enums.insert(key, rust.clone());
        }
        let description = non_empty(schema.schema_data.description.as_deref());
        self.inlining.push((schema.clone(), rust.clone()));
        let kind = match self.shape(schema, &rust, pointer) {
            Shape::Struct(fields, additional) => TypeKind::Struct { fields, additional },
            Shape::Enum(values, integer) => self.enum_kind(&values, integer, pointer),
            Shape::Union(alternatives, at, refs, names) => {
                self.union_kind(schema, &rust, &alternatives, &at, &refs, &names)
            }
            Shape::Other => TypeKind::Alias {
                target: TypeRef::Json,
                wrapped: false,
            },
        };
        self.inlining.pop();
        // An inline enum documents its values, not the property it sits on.
        let description = match kind {
            TypeKind::Enum { .. } => None,
            _ => description,
        };
        self.push_type(&rust, pointer, description, pointer, kind);
        TypeRef::Named { name: rust }
    }

    // ----- operations --------------------------------------------------

    /// The group of `tag`'s operations, whose struct is named `rust`.
    fn group(&mut self, tag: &str, ops: &[&SelectedOperation<'_>], rust: String) -> ApiGroup {
        let mut methods = Namer::with_reserved(RESERVED_GROUP_METHODS.iter().copied());
        let mut builders = Namer::with_reserved(
            RESERVED_API_MODULE_TYPES
                .iter()
                .copied()
                .chain([rust.as_str()]),
        );
        // (operationId, method and path) of the first operation to claim
        // each method name.
        let mut claims = FirstClaims::default();
        let mut operations: Vec<Operation> = Vec::with_capacity(ops.len());
        for sel in ops {
            let op = self.operation(sel, &mut methods, &mut builders);
            let base = rust_name(&operation_name(sel), Kind::Value);
            let claimant = (
                op.operation_id.clone(),
                format!("{} {}", op.method, op.path),
            );
            match claims.renamed_after(base.clone(), &op.rust_name, claimant) {
                // The same id twice is `duplicate_operation_ids`' warning.
                Some((id, _)) if id == op.operation_id => {}
                Some((id, at)) => self.warnings.push(Diagnostic::new(
                    format!("{}/operationId", op.pointer),
                    format!(
                        "operations `{}` ({} {}) and `{id}` ({at}) read the same once named, \
                         `{base}`; this one is the method `{}` of `{rust}`; rename one in the \
                         spec to choose the names",
                        op.operation_id,
                        op.method,
                        op.path,
                        op.rust_name.trim_start_matches("r#"),
                    ),
                )),
                None => {}
            }
            operations.push(op);
        }
        operations.sort_by(|a, b| a.rust_name.cmp(&b.rust_name));
        ApiGroup {
            tag: tag.to_owned(),
            module: rust_name(&rust, Kind::Module),
            accessor: rust_name(tag, Kind::Value),
            rust_name: rust,
            operations,
        }
    }

    fn operation(
        &mut self,
        sel: &SelectedOperation<'_>,
        methods: &mut Namer,
        builders: &mut Namer,
    ) -> Operation {
        let op = sel.operation;
        let pointer = sel.pointer.clone();
        let raw_name = operation_name(sel);
        let rust = methods.unique(&raw_name, Kind::Value);
        let builder = builders.unique(&raw_name, Kind::Type);

        let parameters = self.parameters(sel, &builder);
        let (path_segments, path_query) = self.path_segments(sel, &parameters);
        // A declared path parameter the path never names has nowhere to go
        // on the wire; `path_segments` warned about each, and the operation
        // is still callable without them.
        let (kept, unplaced): (Vec<_>, Vec<_>) = parameters.into_iter().partition(|p| {
            p.location != Location::Path
                || path_segments.iter().any(|s| {
                    matches!(s, PathSegment::Parameter { wire_name, .. } if *wire_name == p.wire_name)
                })
        });
        let parameters = kept;
        self.left_out_types
            .extend(unplaced.into_iter().map(|p| p.ty));
        let mut arg_names = Namer::with_reserved(
            RESERVED_ARGUMENT_NAMES
                .iter()
                .copied()
                .chain(parameters.iter().map(|p| p.rust_name.as_str())),
        );
        let body = op.request_body.as_ref().and_then(|body| {
            let body_pointer = format!("{pointer}/requestBody");
            let body = self.resolve(body, &body_pointer, "requestBodies", |c| &c.request_bodies)?;
            let name = op
                .extensions
                .get("x-codegen-request-body-name")
                .and_then(Value::as_str)
                .unwrap_or("body");
            let operation = operation_label(sel, &builder);
            self.body(
                body,
                &arg_names.unique(name, Kind::Value),
                &builder,
                &body_pointer,
                &operation,
            )
        });

        let (responses, success, success_media, success_enum) =
            self.responses(sel, &builder, builders);
        let accept = accept_header(&responses);
        let permissions = op
            .extensions
            .get("x-inin-requires-permissions")
            .and_then(|p| self.permissions(p, &pointer));
        Operation {
            operation_id: operation_id(op).map_or_else(|| raw_name.clone(), str::to_owned),
            rust_name: rust,
            builder_name: builder,
            method: sel.method.to_owned(),
            path: sel.path.to_owned(),
            path_segments,
            path_query,
            parameters,
            body,
            success,
            success_media,
            accept,
            responses,
            docs: OperationDocs {
                summary: non_empty(op.summary.as_deref()),
                description: non_empty(op.description.as_deref()),
                permissions,
                deprecated: op.deprecated,
            },
            paging: None,
            success_enum,
            pointer,
            security: None,
        }
    }

    fn permissions(&mut self, value: &Value, pointer: &str) -> Option<Permissions> {
        let kind = value.get("type").and_then(Value::as_str);
        let list = value.get("permissions").and_then(Value::as_array);
        match (kind, list) {
            (Some(kind @ ("ANY" | "ALL")), Some(list)) => Some(Permissions {
                kind: kind.to_owned(),
                permissions: list
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect(),
            }),
            _ => {
                self.error(
                    format!("{pointer}/x-inin-requires-permissions"),
                    "expected `{type: ANY|ALL, permissions: [..]}`",
                );
                None
            }
        }
    }

    /// Path-item parameters overridden by operation parameters, then ordered
    /// path (template order), query, header.
    fn parameters(&mut self, sel: &SelectedOperation<'_>, builder: &str) -> Vec<IrParameter> {
        let item_pointer = sel
            .pointer
            .rsplit_once('/')
            .map_or("", |(p, _)| p)
            .to_owned();
        // Each with its pointer, and where it is declared: the component a
        // `$ref` names, else the pointer.
        let mut merged: Vec<(&Parameter, String, String)> = Vec::new();
        let sources = [
            (sel.path_parameters, format!("{item_pointer}/parameters")),
            (
                &sel.operation.parameters[..],
                format!("{}/parameters", sel.pointer),
            ),
        ];
        for (list, base) in sources {
            // An operation's parameter replaces the path item's of the same
            // name and location, as OpenAPI says; twice in one list is a
            // fault of the spec, and the last one is kept.
            let mut in_list: Vec<(&Parameter, String)> = Vec::new();
            for (i, p) in list.iter().enumerate() {
                let at = format!("{base}/{i}");
                let declared = match p {
                    ReferenceOr::Reference { reference } if reference.starts_with("#/") => {
                        reference[1..].to_owned()
                    }
                    _ => at.clone(),
                };
                let Some(p) = self.resolve(p, &at, "parameters", |c| &c.parameters) else {
                    continue;
                };
                let data = p.parameter_data_ref();
                if let Some((_, earlier)) = in_list.iter().find(|(q, _)| same_parameter(q, p)) {
                    self.warnings.push(Diagnostic::new(
                        at.clone(),
                        format!(
                            "the parameter `{}` is declared twice (also at `{earlier}`), but OpenAPI requires a name and location unique in a list; this one is kept",
                            data.name
                        ),
                    ));
                }
                in_list.push((p, at.clone()));
                merged.retain(|(q, _, _)| !same_parameter(q, p));
                merged.push((p, at, declared));
            }
        }
        // Builder fields and methods, and the locals of `send`.
        let mut namer = Namer::with_reserved(RESERVED_ARGUMENT_NAMES.iter().copied());
        let mut out = Vec::new();
        let errors_before = self.errors.len();
        let operation = operation_label(sel, builder);
        for (p, at, declared) in merged {
            let (location, style, explode) = params::placement(p);
            let data = p.parameter_data_ref();
            if data.name.trim().is_empty() {
                // Nothing on the wire could carry it: no query key, no
                // header name, no path template variable.
                self.error(
                    format!("{at}/name"),
                    "a parameter's `name` is required and can't be empty",
                );
                continue;
            }
            if location == Location::Header && headers::is_ignored_header(&data.name) {
                self.ignored_headers.add(
                    self.spec,
                    declared,
                    &data.name,
                    sel.operation,
                    operation.clone(),
                );
                continue;
            }
            let hint = format!(
                "{builder}{}",
                rust_name(&crate::naming::member_words(&data.name), Kind::Type)
            );
            let (ty, default) = match &data.format {
                ParameterSchemaOrContent::Schema(schema) => {
                    let default = match schema {
                        ReferenceOr::Item(s) => s.schema_data.default.as_ref(),
                        ReferenceOr::Reference { .. } => None,
                    };
                    let ty = self.type_ref(schema, &hint, &format!("{at}/schema"));
                    if let Some(value) = default {
                        // `null` for a parameter is no default at all.
                        self.defaults.push((
                            ty.clone(),
                            value.clone(),
                            true,
                            format!("{at}/schema/default"),
                        ));
                    }
                    (ty, default.map(json_text))
                }
                ParameterSchemaOrContent::Content(content) => {
                    let problem = "parameters with `content` are not supported; use `schema`";
                    if data.required {
                        self.error(format!("{at}/content"), problem);
                    } else {
                        self.leave_out_parameter(
                            format!("{at}/content"),
                            &operation,
                            &data.name,
                            problem,
                        );
                        let roots = self.referenced_types(content);
                        self.left_out_types.extend(roots);
                    }
                    continue;
                }
            };
            // A `$ref` to a plain string or number component is that type:
            // the argument then takes what the type takes (`impl Into<String>`).
            let ty = self.primitive_alias_target(ty);
            if let Some(problem) = self.param_problem(&ty, style) {
                if !data.required {
                    self.leave_out_parameter(
                        format!("{at}/schema"),
                        &operation,
                        &data.name,
                        &problem,
                    );
                    self.left_out_types.push(ty);
                    continue;
                }
                self.error(format!("{at}/schema"), problem);
            }
            if location == Location::Path && !data.required {
                self.error(
                    format!("{at}/required"),
                    "a path parameter must be `required: true`",
                );
            }
            out.push(IrParameter {
                rust_name: namer.unique(&crate::naming::member_words(&data.name), Kind::Value),
                wire_name: data.name.clone(),
                location,
                ty,
                required: data.required,
                default,
                style,
                explode,
                description: non_empty(data.description.as_deref()),
            });
        }
        // Path, then query, then header; within each, the spec's order, which
        // is the order of the official SDKs' arguments (the usage query
        // result takes `execution_id` before `client_id`).
        // A problem of a parameter declared on the path item is a problem of
        // each of its operations: said once per operation, and owned by it
        // (so that `skip_unsupported` leaves the operation out).
        let shared = format!("{item_pointer}/parameters/");
        for error in &mut self.errors[errors_before..] {
            if error.pointer.starts_with(&shared) {
                let original = std::mem::take(&mut error.message);
                error.message = format!("{operation}: {original}");
                self.error_owners.insert(
                    (error.pointer.clone(), error.message.clone()),
                    (sel.pointer.clone(), original),
                );
            }
        }
        out.sort_by_key(|p| p.location);
        out
    }

    /// The path template's segments, and the query pairs of its key (see
    /// [`split_path_key`]).
    fn path_segments(
        &mut self,
        sel: &SelectedOperation<'_>,
        params: &[IrParameter],
    ) -> (Vec<PathSegment>, Vec<(String, String)>) {
        let key = split_path_key(sel.path);
        if let Some(fragment) = key.fragment {
            self.warnings.push(Diagnostic::new(
                sel.pointer.clone(),
                format!(
                    "{} {}: the path's fragment `#{fragment}` is left out of the request: HTTP never sends a fragment (RFC 3986, section 3.5), so the request goes to `{}`",
                    sel.method.to_uppercase(),
                    sel.path,
                    key.path
                ),
            ));
        }
        let query = key.query.map(literal_query_pairs).unwrap_or_default();
        let mut segments = Vec::new();
        let mut rest = key.path;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                segments.push(PathSegment::Literal {
                    text: rest[..open].to_owned(),
                });
            }
            let Some(close) = rest[open..].find('}') else {
                self.error(
                    sel.pointer.clone(),
                    format!("the path `{}` has an unclosed `{{`", sel.path),
                );
                return (segments, query);
            };
            let name = &rest[open + 1..open + close];
            match params.iter().find(|p| p.location == Location::Path && p.wire_name == name) {
                Some(p) => segments.push(PathSegment::Parameter {
                    wire_name: p.wire_name.clone(),
                    rust_name: p.rust_name.clone(),
                }),
                None => self.error(
                    format!("{}/parameters", sel.pointer),
                    format!("the path has `{{{name}}}` but the operation declares no path parameter `{name}`"),
                ),
            }
            rest = &rest[open + close + 1..];
        }
        if !rest.is_empty() {
            segments.push(PathSegment::Literal {
                text: rest.to_owned(),
            });
        }
        for p in params.iter().filter(|p| p.location == Location::Path) {
            if !segments.iter().any(|s| matches!(s, PathSegment::Parameter { wire_name, .. } if *wire_name == p.wire_name)) {
                let method = sel.method.to_uppercase();
                self.warnings.push(Diagnostic::new(
                    format!("{}/parameters", sel.pointer),
                    format!(
                        "the path parameter `{}` does not appear in the path `{}`; it is left out of {method} {}",
                        p.wire_name, sel.path, sel.path
                    ),
                ));
            }
        }
        (segments, query)
    }

    /// Follows a `$ref` to a shared component (`#/components/<kind>/<name>`),
    /// through chains of references between components of that kind.
    fn resolve<'p, T: 'a>(
        &mut self,
        item: &'p ReferenceOr<T>,
        at: &str,
        kind: &str,
        components: impl Fn(&'a Components) -> &'a IndexMap<String, ReferenceOr<T>>,
    ) -> Option<&'p T>
    where
        'a: 'p,
    {
        let mut reference = match item {
            ReferenceOr::Item(item) => return Some(item),
            ReferenceOr::Reference { reference } => reference,
        };
        for _ in 0..16 {
            let found = reference
                .strip_prefix(&format!("#/components/{kind}/"))
                .and_then(|name| components(self.spec.components.as_ref()?).get(name));
            match found {
                Some(ReferenceOr::Item(item)) => return Some(item),
                Some(ReferenceOr::Reference { reference: next }) => reference = next,
                None => break,
            }
        }
        self.error(
            at,
            format!(
                "`$ref: {reference}` {}",
                crate::local_refs::why_unresolved(self.spec, reference)
            ),
        );
        None
    }

    /// The schema of a body sent or returned as text or bytes, which the
    /// client doesn't need: a wrong `type` in it is still a fault of the
    /// spec, and an XML body whose schema is a structure (an object, an
    /// array, a model) is a warning, since the client passes XML as text,
    /// as it is on the wire, so the caller writes (or reads) it and the
    /// schema's fields are not in the crate. (A structure under
    /// `text/plain` says nothing the text loses.)
    fn check_raw_body_schema(
        &mut self,
        kind: Media,
        media: &openapiv3::MediaType,
        content_type: &str,
        schema_pointer: &str,
        verb: &str,
    ) {
        if let (Media::Text | Media::Binary, Some(ReferenceOr::Item(schema))) =
            (kind, &media.schema)
        {
            self.check_type(schema, schema_pointer);
        }
        let structured = self.data(media.schema.as_ref()) == media::Data::Structured;
        if structured && kind == Media::Text && media::is_xml(content_type) {
            self.warnings.push(Diagnostic::new(
                schema_pointer,
                format!(
                    "the `{content_type}` body is {verb} as text (`String`), as written on the \
                     wire: the client doesn't encode XML, so the schema's structure is not \
                     generated"
                ),
            ));
        }
    }

    /// What a body's schema says its data is (see [`media::kind`]), through
    /// references to component schemas.
    fn data(&self, schema: Option<&ReferenceOr<Schema>>) -> media::Data {
        let item = match schema {
            None => return media::Data::Unknown,
            Some(ReferenceOr::Item(item)) => item,
            Some(ReferenceOr::Reference { reference }) => match self.component_schema(reference) {
                Some((_, item)) => item,
                // A reference to nothing (or a cycle) is a structure here,
                // so that `type_ref` meets it and reports it.
                None => return media::Data::Structured,
            },
        };
        match &item.schema_kind {
            // `format: byte` is base64, which is text.
            SchemaKind::Type(Type::String(s)) => match &s.format {
                VariantOrUnknownOrEmpty::Item(StringFormat::Binary) => media::Data::Bytes,
                _ => media::Data::Text,
            },
            _ => media::Data::Structured,
        }
    }

    /// The request body, or `None` when the client can't send it: a
    /// problem at its pointer or, for an optional body, a warning naming it
    /// and `operation`, which is generated without it (as an optional
    /// parameter the client can't send is left out).
    fn body(
        &mut self,
        body: &RequestBody,
        rust: &str,
        builder: &str,
        pointer: &str,
        operation: &str,
    ) -> Option<Body> {
        // The media type the client prefers among those the spec offers:
        // JSON, then forms, text and bytes.
        let chosen = body
            .content
            .iter()
            .filter_map(|(t, m)| Some((t, m, media::kind(t, self.data(m.schema.as_ref()), false)?)))
            .min_by_key(|(_, _, kind)| media::preference(*kind));
        let Some((content_type, media, kind)) = chosen else {
            let types: Vec<&str> = body.content.keys().map(String::as_str).collect();
            let problem = format!(
                "request bodies of type {} are not supported; the client sends JSON, \
                 forms (`application/x-www-form-urlencoded`, `multipart/form-data`), \
                 text and bytes",
                types.join(", ")
            );
            self.unsendable_body(body, &format!("{pointer}/content"), operation, &problem);
            return None;
        };
        let media_pointer = format!("{pointer}/content/{}", pointer_escape(content_type));
        let schema_pointer = format!("{media_pointer}/schema");
        self.check_raw_body_schema(kind, media, content_type, &schema_pointer, "sent");
        self.check_encoding(kind, media, &media_pointer, operation);
        // A body offered in several media types is sent in one. Another
        // type with the same schema is the same data; one with a schema of
        // its own (a file upload beside JSON metadata) is a body the
        // caller can't send.
        let unsent: Vec<&str> = body
            .content
            .iter()
            .filter(|(t, m)| *t != content_type && m.schema != media.schema)
            .map(|(t, _)| t.as_str())
            .collect();
        if !unsent.is_empty() {
            let listed: Vec<String> = unsent.iter().map(|t| format!("`{t}`")).collect();
            let forms = match unsent.len() {
                1 => format!("{} form, with a schema of its own, is", listed[0]),
                _ => format!(
                    "{} forms, with schemas of their own, are",
                    listed.join(", ")
                ),
            };
            self.warnings.push(Diagnostic::new(
                format!("{pointer}/content"),
                format!(
                    "{operation}: the request body is sent as `{content_type}`; its {forms} not \
                     offered"
                ),
            ));
        }
        let ty = match (&media.schema, kind) {
            (_, Media::Binary) => TypeRef::Bytes,
            (_, Media::Text) => TypeRef::String { format: None },
            (Some(schema), _) => self.type_ref(
                schema,
                &format!("{builder}Body"),
                &format!("{media_pointer}/schema"),
            ),
            (None, _) => TypeRef::Json,
        };
        // A form's fields come from an object: a model, or a free-form
        // object (`{type: object}` with no properties, a map), which the
        // runtime lays out by its keys. Multipart parts need a model's
        // named properties.
        let form_ready = match kind {
            Media::Form => matches!(
                ty,
                TypeRef::Named { .. } | TypeRef::Map { .. } | TypeRef::Json
            ),
            Media::Multipart => matches!(ty, TypeRef::Named { .. }),
            _ => true,
        };
        if !form_ready {
            let problem = match kind {
                Media::Multipart => {
                    "a multipart body must be an object schema with properties, one part each"
                }
                _ => "a form body must be an object schema",
            };
            self.unsendable_body(body, &format!("{media_pointer}/schema"), operation, problem);
            if !body.required {
                self.left_out_types.push(ty);
                return None;
            }
        }
        Some(Body {
            rust_name: rust.to_owned(),
            content_type: media::concrete(content_type, kind),
            media: kind,
            ty,
            required: body.required,
            description: non_empty(body.description.as_deref()),
        })
    }

    /// The entries of a form body's `encoding` (OpenAPI 3.0, Encoding
    /// Object) that the client does not apply, each a warning: it sends
    /// an `application/x-www-form-urlencoded` field with `style: form`,
    /// exploded, and a multipart part with its default content type.
    fn check_encoding(
        &mut self,
        kind: Media,
        media: &openapiv3::MediaType,
        media_pointer: &str,
        operation: &str,
    ) {
        for (field, encoding) in &media.encoding {
            let mut unapplied: Vec<String> = Vec::new();
            let sent_as = match kind {
                Media::Form => {
                    if let Some(style) = encoding.style.as_ref() {
                        if *style != openapiv3::QueryStyle::Form {
                            let style = serde_json::to_value(style)
                                .ok()
                                .and_then(|v| v.as_str().map(str::to_owned))
                                .unwrap_or_default();
                            unapplied.push(format!("`style: {style}`"));
                        }
                    }
                    if encoding.allow_reserved {
                        unapplied.push("`allowReserved: true`".to_owned());
                    }
                    if let Some(content_type) = &encoding.content_type {
                        unapplied.push(format!("`contentType: {content_type}`"));
                    }
                    "with `style: form`, exploded (an object's properties as fields of their \
                     own, an array one field per item, an object inside either as JSON)"
                }
                Media::Multipart => {
                    if let Some(content_type) = &encoding.content_type {
                        let defaults =
                            ["application/json", "application/octet-stream", "text/plain"];
                        if !defaults.contains(&media::essence(content_type).as_str()) {
                            unapplied.push(format!("`contentType: {content_type}`"));
                        }
                    }
                    if !encoding.headers.is_empty() {
                        let names: Vec<String> =
                            encoding.headers.keys().map(|h| format!("`{h}`")).collect();
                        unapplied.push(format!("`headers` {}", names.join(", ")));
                    }
                    "with its default content type (`application/json` for an object or \
                     array, `application/octet-stream` for binary data, else `text/plain`)"
                }
                _ => continue,
            };
            if unapplied.is_empty() {
                continue;
            }
            self.warnings.push(Diagnostic::new(
                format!("{media_pointer}/encoding/{}", pointer_escape(field)),
                format!(
                    "{operation}: the `encoding` of `{field}` ({}) is not applied; the field is \
                     sent {sent_as}",
                    unapplied.join(", ")
                ),
            ));
        }
    }

    /// A request body the client can't send: a problem at `pointer` when
    /// required; when optional, left out of `operation` with a warning.
    fn unsendable_body(
        &mut self,
        body: &RequestBody,
        pointer: &str,
        operation: &str,
        problem: &str,
    ) {
        if body.required {
            self.error(pointer, problem);
        } else {
            self.warnings.push(Diagnostic::new(
                pointer,
                format!("{operation}: the optional request body is left out: {problem}"),
            ));
            let roots = self.referenced_types(&body.content);
            self.left_out_types.extend(roots);
        }
    }

    fn responses(
        &mut self,
        sel: &SelectedOperation<'_>,
        builder: &str,
        builders: &mut Namer,
    ) -> (Vec<Response>, Option<TypeRef>, Media, Option<SuccessEnum>) {
        let responses = &sel.operation.responses;
        let base = format!("{}/responses", sel.pointer);
        let mut out = Vec::new();
        let mut entries: Vec<(String, &ReferenceOr<OaResponse>)> = responses
            .responses
            .iter()
            .map(|(code, r)| (status_text(code), r))
            .collect();
        if let Some(default) = &responses.default {
            entries.push(("default".to_owned(), default));
        }
        for (status, r) in entries {
            let at = format!("{base}/{}", pointer_escape(&status));
            let component = self.response_component(r);
            let Some(r) = self.resolve(r, &at, "responses", |c| &c.responses) else {
                continue;
            };
            // A shared response's schema is named after the response and
            // lowered once, where it is written; an operation's own after
            // the operation.
            let schema_at = match &component {
                Some(name) => SchemaAt::Component {
                    pointer: format!("/components/responses/{}", pointer_escape(name)),
                    hint: if name.ends_with("Response") {
                        name.clone()
                    } else {
                        format!("{name}Response")
                    },
                },
                // A space, so that `default` reads `ResponseDefault`.
                None => SchemaAt::Operation {
                    hint: format!("{builder}Response {status}"),
                },
            };
            // RFC 9110: a 204, 205 or 304 response, and any response to
            // HEAD, ends at its header section; there is no body to decode.
            // (An error's body is decoded leniently, `None` when absent, so
            // only a successful HEAD's matters.)
            let bodiless = matches!(status.as_str(), "204" | "205" | "304")
                || (sel.method == "HEAD" && is_success(&status));
            let (ty, media, content_types) = if bodiless && !r.content.is_empty() {
                let why = match sel.method == "HEAD" {
                    true => "a response to HEAD has no content (RFC 9110 §9.3.2)".to_owned(),
                    false => {
                        let section = match status.as_str() {
                            "204" => "15.3.5",
                            "205" => "15.3.6",
                            _ => "15.4.5",
                        };
                        format!("a {status} response has no content (RFC 9110 §{section})")
                    }
                };
                self.warnings.push(Diagnostic::new(
                    format!("{at}/content"),
                    format!(
                        "{}: {why}, so the `content` the spec gives it is ignored and the \
                         call returns nothing for it",
                        operation_label(sel, builder)
                    ),
                ));
                (None, Media::Json, Vec::new())
            } else {
                self.response_body(r, &at, &schema_at, sel)
            };
            let error_codes = r
                .extensions
                .get("x-inin-error-codes")
                .and_then(Value::as_object)
                .map(|m| {
                    m.iter()
                        .map(|(k, v)| {
                            (
                                k.clone(),
                                v.as_str().map_or_else(|| v.to_string(), str::to_owned),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            out.push(Response {
                status,
                description: r.description.clone(),
                ty,
                media,
                content_types,
                error_codes,
            });
        }

        let success: Vec<&Response> = out.iter().filter(|r| is_success(&r.status)).collect();
        let success_media = match success.first() {
            Some(r) => r.media,
            None => out
                .iter()
                .find(|r| r.status == "default")
                .map_or(Media::Json, |r| r.media),
        };
        let success_ty = if success.is_empty() {
            out.iter()
                .find(|r| r.status == "default")
                .and_then(|r| r.ty.clone())
        } else {
            let first = success[0].ty.clone();
            if success
                .iter()
                .all(|r| r.ty == first && r.media == success[0].media)
            {
                first
            } else {
                // Different bodies (or some with none): an enum of them.
                let mut namer = Namer::default();
                let variants = success
                    .iter()
                    .map(|r| SuccessVariant {
                        status: r.status.clone(),
                        rust_name: namer.unique(&format!("Status{}", r.status), Kind::Variant),
                        ty: r.ty.clone(),
                        media: r.media,
                        description: r.description.clone(),
                    })
                    .collect();
                let rust_name = builders.unique(&format!("{builder}Response"), Kind::Type);
                return (
                    out,
                    None,
                    success_media,
                    Some(SuccessEnum {
                        rust_name,
                        variants,
                    }),
                );
            }
        };
        (out, success_ty, success_media, None)
    }

    /// A response's body type and how it is decoded: of the media types the
    /// spec offers, the one the client prefers (JSON, then text, then
    /// bytes). A body the client can't decode is a warning naming the
    /// operation, never dropped silently.
    fn response_body(
        &mut self,
        r: &OaResponse,
        at: &str,
        schema_at: &SchemaAt,
        sel: &SelectedOperation<'_>,
    ) -> (Option<TypeRef>, Media, Vec<String>) {
        let chosen = r
            .content
            .iter()
            .filter_map(|(t, m)| Some((t, m, media::kind(t, self.data(m.schema.as_ref()), true)?)))
            .min_by_key(|(_, _, kind)| media::preference(*kind));
        let Some((content_type, media, kind)) = chosen else {
            if !r.content.is_empty() {
                let types: Vec<&str> = r.content.keys().map(String::as_str).collect();
                self.warnings.push(Diagnostic::new(
                    format!("{at}/content"),
                    format!(
                        "`{}` ({} {}): the response body ({}) is not decoded; the call \
                         returns without it",
                        sel.operation.operation_id.as_deref().unwrap_or(sel.path),
                        sel.method,
                        sel.path,
                        types.join(", ")
                    ),
                ));
            }
            return (None, Media::Json, Vec::new());
        };
        // The server may answer in any type the response offers that reads
        // as the chosen one does (Docker's raw and multiplexed streams are
        // both bytes), so `Accept` names them all; a JSON type counts only
        // with the same schema, since the body is decoded as that schema.
        let content_types: Vec<String> = r
            .content
            .iter()
            .filter(|(t, m)| {
                media::kind(t, self.data(m.schema.as_ref()), true) == Some(kind)
                    && (kind != Media::Json || m.schema == media.schema)
            })
            .map(|(t, _)| t.clone())
            .collect();
        // A shared response's schema is where the response is written.
        let (base, hint) = match schema_at {
            SchemaAt::Operation { hint } => (at, hint),
            SchemaAt::Component { pointer, hint } => (pointer.as_str(), hint),
        };
        let schema_pointer = format!("{base}/content/{}/schema", pointer_escape(content_type));
        self.check_raw_body_schema(kind, media, content_type, &schema_pointer, "returned");
        let ty = match (kind, &media.schema) {
            (Media::Text, _) => Some(TypeRef::String { format: None }),
            (Media::Binary, _) => Some(TypeRef::Bytes),
            (_, Some(schema)) => {
                if let Some(ty) = self.response_schemas.get(&schema_pointer) {
                    return (Some(ty.clone()), kind, content_types);
                }
                // A body that may be `null` decodes as an `Option`.
                let ty = self.type_ref(schema, hint, &schema_pointer);
                let ty = self.nullable_if(self.is_nullable(schema), ty);
                if matches!(schema_at, SchemaAt::Component { .. }) {
                    self.response_schemas.insert(schema_pointer, ty.clone());
                }
                Some(ty)
            }
            // JSON without a schema: nothing the spec says to decode.
            (_, None) => None,
        };
        let content_types = if ty.is_some() {
            content_types
        } else {
            Vec::new()
        };
        (ty, kind, content_types)
    }

    /// The name of the component response that `item` references, at the
    /// end of its chain of references; `None` for a response written in
    /// the operation (or a reference that leads nowhere, which `resolve`
    /// reports).
    fn response_component(&self, item: &ReferenceOr<OaResponse>) -> Option<String> {
        let ReferenceOr::Reference { reference } = item else {
            return None;
        };
        let responses = &self.spec.components.as_ref()?.responses;
        let mut reference = reference;
        for _ in 0..16 {
            let name = reference.strip_prefix("#/components/responses/")?;
            match responses.get(name)? {
                ReferenceOr::Item(_) => return Some(name.to_owned()),
                ReferenceOr::Reference { reference: next } => reference = next,
            }
        }
        None
    }

    /// The model all error responses share (4xx, 5xx, and `default` where
    /// the operation has a success response), if there is exactly one.
    fn error_model(&self, groups: &[ApiGroup]) -> Option<ErrorModel> {
        let mut names = BTreeSet::new();
        for op in groups.iter().flat_map(|g| &g.operations) {
            let has_success = op.responses.iter().any(|r| is_success(&r.status));
            for r in &op.responses {
                let is_error = if r.status == "default" {
                    has_success
                } else {
                    !is_success(&r.status)
                };
                if is_error {
                    match &r.ty {
                        Some(TypeRef::Named { name }) => {
                            names.insert(name.clone());
                        }
                        Some(_) => return None,
                        None => {}
                    }
                }
            }
        }
        let name = match names.len() {
            1 => names.into_iter().next()?,
            _ => return None,
        };
        let def = self.type_def(&name)?;
        let TypeKind::Struct { fields, .. } = &def.kind else {
            return None;
        };
        // The first of `wires` that is a string field: `Some(optional)`
        // when it is one level of `Option` at most (absent-or-null fields,
        // `Option<Option<_>>`, are left out).
        let string_field = |wires: &[&str]| {
            wires.iter().find_map(|wire| {
                fields
                    .iter()
                    .find(|f| f.wire_name == *wire && matches!(f.ty, TypeRef::String { .. }))
                    .filter(|f| f.required || !f.nullable)
                    .map(|f| (f.rust_name.clone(), !f.required || f.nullable))
            })
        };
        let message = string_field(&[
            "message",
            "detail",
            "error_description",
            "title",
            "error",
            "description",
        ]);
        let code = string_field(&["code", "error_code", "errorCode"]);
        Some(ErrorModel {
            message_optional: message.as_ref().is_some_and(|m| m.1),
            message_field: message.map(|m| m.0),
            code_optional: code.as_ref().is_some_and(|c| c.1),
            code_field: code.map(|c| c.0),
            type_name: name,
        })
    }
}

/// Finds aliases that are defined through themselves (`A: {$ref: B}`,
/// `B: {$ref: A}`, or `A: {type: array, items: {$ref: A}}`): Rust has no
/// recursive type alias, so the crate wouldn't compile. A cycle that runs
/// through a container is a finite type once one of its aliases is a real
/// type, and the container's heap storage needs no `Box`: an alias of a
/// map becomes a struct of its entries (`{}` is a value of it), one of an
/// array a tuple struct around it (`[]` is). Each other alias in a cycle
/// (`A: {$ref: B}`, `B: {$ref: A}`: no value at all) becomes
/// `serde_json::Value`, and its pointer and the cycle are returned as
/// errors (the run is refused unless `skip_unsupported`).
fn break_alias_cycles(types: &mut [TypeDef]) -> Vec<(String, String)> {
    let mut cycles = alias_cycles(types);
    let mut named_containers = false;
    for def in types.iter_mut() {
        if !cycles.contains_key(&def.rust_name) {
            continue;
        }
        let TypeKind::Alias { target, wrapped } = &mut def.kind else {
            continue;
        };
        let container = match &*target {
            TypeRef::Nullable { inner } => &**inner,
            other => other,
        };
        match (container, &*target) {
            (_, TypeRef::Map { values }) => def.kind = map_struct((**values).clone()),
            (TypeRef::Array { .. } | TypeRef::Map { .. }, _) => *wrapped = true,
            _ => continue,
        }
        named_containers = true;
    }
    if named_containers {
        cycles = alias_cycles(types);
    }
    let wire: BTreeMap<String, String> = types
        .iter()
        .map(|t| (t.rust_name.clone(), t.wire_name.clone()))
        .collect();
    let mut errors = Vec::new();
    for def in types.iter_mut() {
        if let Some(cycle) = cycles.get(&def.rust_name) {
            let cycle: Vec<&str> = cycle
                .iter()
                .map(|name| wire.get(name).map_or(name.as_str(), String::as_str))
                .collect();
            errors.push((
                def.pointer.clone(),
                format!(
                    "`{}` is defined only through itself ({}), so it has no type: give one of them a schema",
                    def.wire_name,
                    cycle.join(" → ")
                ),
            ));
            def.kind = TypeKind::Alias {
                target: TypeRef::Json,
                wrapped: false,
            };
        }
    }
    errors
}

/// Each alias that is defined through itself → the cycle of aliases, from
/// it back to it.
fn alias_cycles(types: &[TypeDef]) -> BTreeMap<String, Vec<String>> {
    let aliases: BTreeMap<&str, Vec<String>> = types
        .iter()
        .filter_map(|t| match &t.kind {
            TypeKind::Alias {
                target,
                wrapped: false,
            } => {
                let mut names = Vec::new();
                named_in(target, &mut names);
                Some((t.rust_name.as_str(), names))
            }
            _ => None,
        })
        .collect();
    // Alias edges only: a struct, enum or wrapped alias between two
    // aliases is a real type and ends the cycle.
    let names: Vec<&str> = aliases.keys().copied().collect();
    let edges: Vec<Vec<usize>> = aliases
        .values()
        .map(|targets| {
            targets
                .iter()
                .filter_map(|t| names.binary_search(&t.as_str()).ok())
                .collect()
        })
        .collect();
    let component = strongly_connected(&edges);
    let mut size = vec![0usize; edges.len()];
    for &c in &component {
        size[c] += 1;
    }
    let mut cycles: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for start in 0..edges.len() {
        let on_cycle = size[component[start]] > 1 || edges[start].contains(&start);
        if !on_cycle {
            continue;
        }
        // Depth-first within the start's component, which holds every
        // path back to it; each node's parent gives the path it was
        // reached by, and the last path found back to the start is kept.
        let mut parent: Vec<Option<usize>> = vec![None; edges.len()];
        let mut seen = vec![false; edges.len()];
        let mut stack = vec![start];
        let mut closing = None;
        while let Some(node) = stack.pop() {
            for &next in &edges[node] {
                if next == start {
                    closing = Some(node);
                } else if component[next] == component[start] && !seen[next] {
                    seen[next] = true;
                    parent[next] = Some(node);
                    stack.push(next);
                }
            }
        }
        let Some(mut node) = closing else { continue };
        let mut cycle = vec![names[start].to_owned()];
        loop {
            cycle.push(names[node].to_owned());
            match parent[node] {
                Some(p) if node != start => node = p,
                _ => break,
            }
        }
        // Walked from the closing node back: put it in order, start first.
        cycle[1..].reverse();
        cycle.rotate_left(1);
        cycles.insert(names[start].to_owned(), cycle);
    }
    cycles
}

/// The strongly connected component of each node of a directed graph given
/// as adjacency lists: two nodes share a component when each reaches the
/// other.
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<usize> {
    let mut graph = petgraph::Graph::<(), ()>::with_capacity(edges.len(), 0);
    let nodes: Vec<_> = edges.iter().map(|_| graph.add_node(())).collect();
    for (from, targets) in edges.iter().enumerate() {
        for &to in targets {
            graph.add_edge(nodes[from], nodes[to], ());
        }
    }
    let mut component = vec![0; edges.len()];
    for (c, members) in petgraph::algo::tarjan_scc(&graph).into_iter().enumerate() {
        for node in members {
            component[node.index()] = c;
        }
    }
    component
}

/// A struct with no named field whose entries are all in its flattened
/// map of `values`: on the wire, the very object the map alias was.
/// A path key of the spec split at its first `?` and `#`. OpenAPI 3.0
/// says a path key is a relative path, but real specs put a query
/// (`/items?action=archive`) or a fragment (`/files/{id}#shared_link`, to
/// tell apart operations on one URL) in it: appending the operation's
/// query to them would put it after a second `?`, or inside the fragment,
/// which is never sent.
struct PathKey<'a> {
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

fn split_path_key(key: &str) -> PathKey<'_> {
    let (before, fragment) = match key.split_once('#') {
        Some((before, fragment)) => (before, Some(fragment)),
        None => (key, None),
    };
    let (path, query) = match before.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (before, None),
    };
    PathKey {
        path,
        query,
        fragment,
    }
}

/// The `name=value` pairs of a query written in a path key, as they go on
/// the wire: what is already percent-encoded stays so, and any other byte
/// a query can't hold as it is is encoded.
fn literal_query_pairs(query: &str) -> Vec<(String, String)> {
    fn encoded(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for byte in text.bytes() {
            match byte {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'%' => {
                    out.push(char::from(byte))
                }
                b'!' | b'$' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' | b':'
                | b'@' | b'/' | b'?' => out.push(char::from(byte)),
                _ => out.push_str(&format!("%{byte:02X}")),
            }
        }
        out
    }
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((name, value)) => (encoded(name), encoded(value)),
            None => (encoded(pair), String::new()),
        })
        .collect()
}

fn map_struct(values: TypeRef) -> TypeKind {
    TypeKind::Struct {
        fields: Vec::new(),
        additional: Some(AdditionalField {
            unmerged_parts: Vec::new(),
            rust_name: "additional_properties".to_owned(),
            ty: values,
        }),
    }
}

/// Every named type that `ty` mentions.
fn named_in(ty: &TypeRef, out: &mut Vec<String>) {
    match ty {
        TypeRef::Named { name } => out.push(name.clone()),
        TypeRef::Array { items, .. } => named_in(items, out),
        TypeRef::Map { values } => named_in(values, out),
        TypeRef::Nullable { inner } => named_in(inner, out),
        _ => {}
    }
}

/// A field whose type is a named alias of a plain string, number or date
/// (`ThingId = String`) gets that type itself, as parameters do: the
/// constructor then takes what the type takes (`impl Into<String>`).
fn inline_primitive_aliases(types: &mut [TypeDef]) {
    let aliases: BTreeMap<String, TypeRef> = types
        .iter()
        .filter_map(|t| match &t.kind {
            TypeKind::Alias { target, .. } if is_primitive(target) => {
                Some((t.rust_name.clone(), target.clone()))
            }
            _ => None,
        })
        .collect();
    for def in types.iter_mut() {
        if let TypeKind::Struct { fields, .. } = &mut def.kind {
            for field in fields {
                if let TypeRef::Named { name } = &field.ty {
                    if let Some(target) = aliases.get(name) {
                        field.ty = target.clone();
                    }
                }
            }
        }
    }
}

fn is_primitive(ty: &TypeRef) -> bool {
    !matches!(
        ty,
        TypeRef::Named { .. }
            | TypeRef::Json
            | TypeRef::Array { .. }
            | TypeRef::Map { .. }
            | TypeRef::Nullable { .. }
    )
}

/// Marks the fields that must be boxed: a field holds its type inline
/// (`Vec` and maps are already on the heap), so a field whose type can
/// reach back to its own struct through inline fields closes a cycle of
/// infinite size. As in typify, only those fields are boxed.
fn box_cycles(types: &mut [TypeDef]) {
    let index: BTreeMap<&str, usize> = types
        .iter()
        .enumerate()
        .map(|(i, t)| (t.rust_name.as_str(), i))
        .collect();
    // The types each type holds inline, aliases followed.
    let inline_targets = |ty: &TypeRef| -> Option<usize> {
        let mut ty = ty;
        loop {
            if let TypeRef::Nullable { inner } = ty {
                ty = inner;
                continue;
            }
            let TypeRef::Named { name } = ty else {
                return None;
            };
            let i = *index.get(name.as_str())?;
            match &types[i].kind {
                TypeKind::Alias { target, .. } => ty = target,
                _ => return Some(i),
            }
        }
    };
    let edges: Vec<Vec<usize>> = types
        .iter()
        .map(|t| match &t.kind {
            TypeKind::Struct { fields, .. } => fields
                .iter()
                .filter_map(|f| inline_targets(&f.ty))
                .collect(),
            TypeKind::Union { variants, .. } => variants
                .iter()
                .filter_map(|v| inline_targets(&v.ty))
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    // A held type reaches back to its holder exactly when the two are in
    // one strongly connected component.
    let component = strongly_connected(&edges);
    let reaches = |from: usize, to: usize| component[from] == component[to];
    let mut boxed = Vec::new();
    for (i, t) in types.iter().enumerate() {
        let held: Vec<&TypeRef> = match &t.kind {
            TypeKind::Struct { fields, .. } => fields.iter().map(|f| &f.ty).collect(),
            TypeKind::Union { variants, .. } => variants.iter().map(|v| &v.ty).collect(),
            _ => Vec::new(),
        };
        for (j, ty) in held.into_iter().enumerate() {
            if inline_targets(ty).is_some_and(|target| reaches(target, i)) {
                boxed.push((i, j));
            }
        }
    }
    for (i, j) in boxed {
        match &mut types[i].kind {
            TypeKind::Struct { fields, .. } => fields[j].boxed = true,
            TypeKind::Union { variants, .. } => variants[j].boxed = true,
            _ => {}
        }
    }
}

/// A server's URL with its variables set to their defaults, when that
/// makes an absolute URL the client can use as it is. A relative URL
/// (`/api/v3`) is relative to wherever the spec was served from, which the
/// client can't know: its users give the base URL instead.
fn server_url(server: &openapiv3::Server) -> Option<String> {
    let url = server_url_at_defaults(server);
    let url = url.trim_end_matches('/');
    let absolute = url.starts_with("https://") || url.starts_with("http://");
    (absolute && !url.contains(['{', '}', ' '])).then(|| url.to_owned())
}

/// A server's URL and the variables it names, when it has any and is the
/// client's default base URL at their defaults: the client lets its users
/// set them, since a default is often a placeholder (Okta's
/// `https://{yourOktaDomain}` is `subdomain.okta.com` by default) or one
/// of several regions.
fn server_template(server: &openapiv3::Server) -> Option<ServerTemplate> {
    server_url(server)?;
    let variables: Vec<ServerVariable> = server
        .variables
        .iter()
        .flatten()
        .filter(|(name, _)| server.url.contains(&format!("{{{name}}}")))
        .map(|(name, variable)| ServerVariable {
            name: name.clone(),
            default: variable.default.clone(),
            allowed: allowed_values(variable),
            description: non_empty(variable.description.as_deref()),
        })
        .collect();
    (!variables.is_empty()).then(|| ServerTemplate {
        url: server.url.trim_end_matches('/').to_owned(),
        variables,
    })
}

/// The values a server variable may take: its `enum`, and its default
/// even when the `enum` leaves it out (which OpenAPI 3.0 §4.7.6 forbids,
/// and [`server_variable_warnings`] reports), so that a client built with
/// no setting still builds.
fn allowed_values(variable: &openapiv3::ServerVariable) -> Vec<String> {
    let mut allowed = variable.enumeration.clone();
    if !allowed.is_empty() && !allowed.contains(&variable.default) {
        allowed.insert(0, variable.default.clone());
    }
    allowed
}

/// What is wrong with the variables of the server the client uses: a
/// default outside its `enum`; a `{name}` in the URL that no variable
/// defines, which leaves the client without a default base URL; and
/// variables in a relative URL, which the paths hold at their defaults.
fn server_variable_warnings(server: &openapiv3::Server) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for (name, variable) in server.variables.iter().flatten() {
        if !variable.enumeration.is_empty() && !variable.enumeration.contains(&variable.default) {
            let allowed: Vec<String> = variable
                .enumeration
                .iter()
                .map(|v| format!("`{v}`"))
                .collect();
            warnings.push(Diagnostic::new(
                format!("/servers/0/variables/{}/default", pointer_escape(name)),
                format!(
                    "the server variable `{name}` defaults to `{}`, which its `enum` ({}) leaves \
                     out (OpenAPI 3.0 §4.7.6 requires it in); the client accepts it as well",
                    variable.default,
                    allowed.join(", ")
                ),
            ));
        }
    }
    let mut rest = server.url.as_str();
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + close];
        if !server
            .variables
            .as_ref()
            .is_some_and(|v| v.contains_key(name))
        {
            warnings.push(Diagnostic::new(
                "/servers/0/url",
                format!(
                    "the server URL `{}` names the variable `{name}`, which `variables` doesn't \
                     define: the client has no default base URL, and its users must give one \
                     with `ClientBuilder::base_url`",
                    server.url
                ),
            ));
        }
        rest = &rest[open + close + 1..];
    }
    if let Some(prefix) = relative_server_path(server).filter(|_| server.url.contains('{')) {
        warnings.push(Diagnostic::new(
            "/servers/0/url",
            format!(
                "the server URL `{}` is relative, so the client is given only the host and every \
                 operation's path starts with `{prefix}`: its variables are fixed at their \
                 defaults there, and `ClientBuilder::server_variable` can't change them",
                server.url
            ),
        ));
    }
    warnings
}

/// A server's URL with each of its variables at its default.
fn server_url_at_defaults(server: &openapiv3::Server) -> String {
    let mut url = server.url.clone();
    for (name, variable) in server.variables.iter().flatten() {
        url = url.replace(&format!("{{{name}}}"), &variable.default);
    }
    url
}

/// The `Accept` value of an operation: the media types of the responses it
/// decodes, the successes' first, each once; `application/json` when none
/// is named, since an error body is most likely JSON.
fn accept_header(responses: &[Response]) -> String {
    let mut types: Vec<&str> = Vec::new();
    let successes = responses.iter().filter(|r| is_success(&r.status));
    let others = responses.iter().filter(|r| !is_success(&r.status));
    for ty in successes
        .chain(others)
        .flat_map(|r| r.content_types.iter().map(String::as_str))
    {
        if !types.contains(&ty) {
            types.push(ty);
        }
    }
    if types.is_empty() {
        "application/json".to_owned()
    } else {
        types.join(", ")
    }
}

/// A warning for each operation that names a server of its own (on the
/// operation or its path item, OpenAPI 3.0 §4.7.10 and §4.7.9) other than
/// the spec's first: the client sends every operation to its one base URL,
/// so such an operation goes elsewhere than its spec says unless the
/// caller points the client there.
fn own_server_warnings(spec: &OpenAPI, selection: &Selection<'_>) -> Vec<Diagnostic> {
    let normal = |server: &openapiv3::Server| {
        server_url_at_defaults(server)
            .trim_end_matches('/')
            .to_owned()
    };
    let top = spec.servers.first().map(normal);
    let top_template = spec.servers.first().map(|s| s.url.trim_end_matches('/'));
    let mut warnings = Vec::new();
    for sel in &selection.operations {
        let item_servers = match spec.paths.paths.get(sel.path) {
            Some(ReferenceOr::Item(item)) => item.servers.as_slice(),
            _ => &[],
        };
        let (server, pointer) = match (sel.operation.servers.first(), item_servers.first()) {
            (Some(server), _) => (server, format!("{}/servers/0/url", sel.pointer)),
            (None, Some(server)) => (
                server,
                format!("/paths/{}/servers/0/url", pointer_escape(sel.path)),
            ),
            (None, None) => continue,
        };
        let url = normal(server);
        // The same template is the same server, whatever variables each
        // declares (Sentry repeats the URL without them): the client's
        // variables apply to it.
        let same_template = top_template == Some(server.url.trim_end_matches('/'));
        if same_template || top.as_deref() == Some(url.as_str()) {
            continue;
        }
        let name = sel
            .operation
            .operation_id
            .clone()
            .unwrap_or_else(|| format!("{} {}", sel.method, sel.path));
        let base = match &top {
            Some(top) => format!("the client's base URL (by default `{top}`)"),
            None => "the client's base URL".to_owned(),
        };
        warnings.push(Diagnostic::new(
            pointer,
            format!(
                "operation `{name}` names its own server `{url}`, which the client does not \
                 switch to: it is sent to {base}, so call it through a client built with \
                 that server as its base URL"
            ),
        ));
    }
    warnings
}

/// Whether two parameters are the same one for OpenAPI: the same name in
/// the same location.
fn same_parameter(a: &Parameter, b: &Parameter) -> bool {
    a.parameter_data_ref().name == b.parameter_data_ref().name
        && std::mem::discriminant(a) == std::mem::discriminant(b)
}

/// A warning for each operation whose `operationId` an earlier one has:
/// OpenAPI requires them unique, and the method names made unique
/// (`get_thing2`) would otherwise surprise without a word.
fn duplicate_operation_ids(groups: &[ApiGroup]) -> Vec<Diagnostic> {
    let mut first: BTreeMap<&str, &Operation> = BTreeMap::new();
    let mut warnings = Vec::new();
    for op in groups.iter().flat_map(|g| &g.operations) {
        match first.get(op.operation_id.as_str()) {
            Some(earlier) => warnings.push(Diagnostic::new(
                format!("{}/operationId", op.pointer),
                format!(
                    "`operationId: {}` is also the id of {} {}, but OpenAPI requires each operation's id to be unique; this one is `{}`",
                    op.operation_id, earlier.method, earlier.path, op.rust_name
                ),
            )),
            None => {
                first.insert(op.operation_id.as_str(), op);
            }
        }
    }
    warnings
}

/// The path of a relative server URL (`/api/v3`), without its trailing
/// `/`; `None` for an absolute URL, the root, or a URL with a variable
/// left in it.
fn relative_server_path(server: &openapiv3::Server) -> Option<String> {
    let url = server_url_at_defaults(server);
    let path = url.trim_end_matches('/');
    (path.starts_with('/') && !path.starts_with("//") && !path.contains(['{', '}', ' ', '?', '#']))
        .then(|| path.to_owned())
}

/// Whether `def` has the Genesys listing shape.
fn page_fields(def: &TypeDef) -> Option<PageFields> {
    let TypeKind::Struct { fields, .. } = &def.kind else {
        return None;
    };
    let field = |wire: &str| fields.iter().find(|f| f.wire_name == wire);
    let integer = |wire: &str| {
        field(wire)
            .filter(|f| matches!(f.ty, TypeRef::I32 | TypeRef::I64))
            .map(|f| (f.rust_name.clone(), f.ty.clone()))
    };
    let entities = field("entities")?;
    let TypeRef::Array { items, .. } = &entities.ty else {
        return None;
    };
    let next_uri = field("nextUri")
        .filter(|f| matches!(f.ty, TypeRef::String { .. }))
        .map(|f| f.rust_name.clone());
    let page_number = integer("pageNumber");
    let page_count = integer("pageCount");
    if next_uri.is_none() && (page_number.is_none() || page_count.is_none()) {
        return None;
    }
    Some(PageFields {
        entities: entities.rust_name.clone(),
        item: (**items).clone(),
        next_uri,
        page_number,
        page_count,
    })
}

/// Whether `op` returns a paged listing, and how to ask for a page by
/// number.
fn operation_paging(op: &Operation, types: &[TypeDef]) -> Option<OperationPaging> {
    if op.method != "GET" {
        return None;
    }
    let Some(TypeRef::Named { name }) = &op.success else {
        return None;
    };
    // `types` is ordered by Rust name by now.
    let at = types
        .binary_search_by(|t| t.rust_name.as_str().cmp(name))
        .ok()?;
    let page = types[at].page.as_ref()?;
    let page_number_param = op
        .parameters
        .iter()
        .find(|p| {
            p.location == Location::Query
                && p.wire_name == "pageNumber"
                && matches!(p.ty, TypeRef::I32 | TypeRef::I64 | TypeRef::String { .. })
        })
        .map(|p| (p.rust_name.clone(), p.ty.clone()));
    Some(OperationPaging {
        item: page.item.clone(),
        page_number_param,
    })
}

enum Shape {
    /// `oneOf`/`anyOf`: the alternatives, where they are, the `$ref` each
    /// stands for in the spec (for the discriminator's mapping), and the
    /// name of each variant when not its type's.
    Union(
        Vec<ReferenceOr<Schema>>,
        String,
        Vec<Option<String>>,
        Vec<Option<String>>,
    ),
    /// The fields, and the map of additional properties beside them.
    Struct(Vec<Field>, Option<AdditionalField>),
    /// The values, and the integer type of an integer enum.
    Enum(Vec<String>, Option<TypeRef>),
    Other,
}

/// The values of a schema's `type` in OpenAPI 3.0 (Schema Object).
const OPENAPI_TYPES: &[&str] = &["string", "number", "integer", "boolean", "array", "object"];

/// The candidate `word` is most likely a misspelling of: the nearest by
/// edit distance, if within a third of its length (`strin` → `string`,
/// but nothing for `uuid`).
fn closest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let word = word.to_ascii_lowercase();
    candidates
        .iter()
        .map(|c| (strsim::levenshtein(&word, c), *c))
        .filter(|(d, c)| *d * 3 <= c.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// The `$ref` of each alternative, `None` for an inline one.
fn refs_of(alternatives: &[ReferenceOr<Schema>]) -> Vec<Option<String>> {
    alternatives
        .iter()
        .map(|a| match a {
            ReferenceOr::Reference { reference } => Some(reference.clone()),
            ReferenceOr::Item(_) => None,
        })
        .collect()
}

/// How narrowly a type says what its values are, for choosing among
/// `allOf` parts of one JSON type: a generated type (an enum, an alias)
/// over a formatted primitive (`date-time`, `int32`) over a plain one.
fn specificity(ty: &TypeRef) -> u8 {
    match ty {
        TypeRef::Named { .. } => 3,
        TypeRef::Nullable { inner } => specificity(inner),
        TypeRef::String { format: Some(_) }
        | TypeRef::DateTime
        | TypeRef::Date
        | TypeRef::Bytes
        | TypeRef::I32
        | TypeRef::I64
        | TypeRef::U32
        | TypeRef::U64
        | TypeRef::F32 => 2,
        TypeRef::Json => 0,
        _ => 1,
    }
}

/// An object schema with its `allOf` parts merged.
#[derive(Clone, Default)]
struct MergedObject {
    /// Shared, as a chain of merges copies each property into every
    /// schema that extends it.
    properties: indexmap::IndexMap<String, Rc<MergedProperty>>,
    /// The required properties, each with the pointer of the `required`
    /// that first names it. A map, as merging a long chain of parts checks
    /// each name.
    required: indexmap::IndexMap<String, Rc<str>>,
    additional: Option<AdditionalProperties>,
    /// The `allOf` parts left out with `skip_unsupported`, as (pointer,
    /// why): the object keeps what they carry in its map of the
    /// properties it doesn't name.
    unmerged: Vec<(String, String)>,
}

/// A property of a [`MergedObject`], with the pointer of the part that
/// writes it: copied into every schema that extends that part, it is still
/// written there alone.
struct MergedProperty {
    schema: ReferenceOr<Box<Schema>>,
    pointer: String,
}

impl MergedObject {
    fn absorb(&mut self, other: MergedObject) {
        for (name, property) in other.properties {
            let property = match (self.properties.get(&name), &property.schema) {
                (Some(earlier), ReferenceOr::Item(later))
                    if crate::annotation::redeclares(later) =>
                {
                    annotating(earlier, later, &property.pointer)
                }
                _ => property,
            };
            self.properties.insert(name, property);
        }
        for (name, at) in other.required {
            self.required.entry(name).or_insert(at);
        }
        if other.additional.is_some() {
            self.additional = other.additional;
        }
        self.unmerged.extend(other.unmerged);
    }
}

/// A property redeclared with docs alone (`factorType: {example: web}` in a
/// subtype's part): the earlier declaration, with the later one's words
/// beside it as an `allOf` of one part, so its type stays. It is written
/// where the later one is (`pointer`), whose words (a `default`) it carries.
fn annotating(earlier: &MergedProperty, later: &Schema, pointer: &str) -> Rc<MergedProperty> {
    let earlier = match &earlier.schema {
        ReferenceOr::Reference { reference } => ReferenceOr::Reference {
            reference: reference.clone(),
        },
        ReferenceOr::Item(schema) => ReferenceOr::Item((**schema).clone()),
    };
    Rc::new(MergedProperty {
        schema: ReferenceOr::Item(Box::new(Schema {
            schema_data: later.schema_data.clone(),
            schema_kind: SchemaKind::AllOf {
                all_of: vec![earlier],
            },
        })),
        pointer: pointer.to_owned(),
    })
}

/// Whether a property holds a secret, which `Debug` must not print.
/// Over-matching only hides a value from debug output; under-matching leaks.
pub fn is_sensitive(wire_name: &str) -> bool {
    let lower = wire_name.to_ascii_lowercase();
    lower.contains("secret")
        || lower.contains("password")
        || lower.ends_with("token")
        || lower == "assertion"
        || lower.contains("privatekey")
        || lower.contains("private_key")
}

fn is_success(status: &str) -> bool {
    status.starts_with('2')
}

fn status_text(code: &StatusCode) -> String {
    match code {
        StatusCode::Code(n) => n.to_string(),
        StatusCode::Range(n) => format!("{n}XX"),
    }
}

fn string_format(f: &StringFormat) -> &'static str {
    match f {
        StringFormat::Date => "date",
        StringFormat::DateTime => "date-time",
        StringFormat::Password => "password",
        StringFormat::Byte => "byte",
        StringFormat::Binary => "binary",
    }
}

/// The values of an enum that parsed as an untyped schema (no `type`, or
/// a `type` its values don't all have): all strings make a string enum, all
/// integers an integer enum; `None` when they mix kinds.
fn enum_values(values: &[Value]) -> Option<(Vec<String>, Option<TypeRef>)> {
    let values: Vec<&Value> = values.iter().filter(|v| !v.is_null()).collect();
    if values.iter().all(|v| v.is_string()) {
        let strings = values.iter().filter_map(|v| v.as_str()).map(str::to_owned);
        return Some((strings.collect(), None));
    }
    if values.iter().all(|v| v.is_i64()) {
        let integers = values.iter().map(|v| v.to_string()).collect();
        return Some((integers, Some(TypeRef::I64)));
    }
    None
}

/// What makes an inline enum the same as another: its values, in order,
/// and whether they are integers. `None` for anything but an enum.
fn inline_enum_key(schema: &Schema) -> Option<(Vec<String>, bool)> {
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) if !s.enumeration.is_empty() => {
            Some((s.enumeration.iter().flatten().cloned().collect(), false))
        }
        SchemaKind::Type(Type::Integer(i)) if !i.enumeration.is_empty() => Some((
            i.enumeration
                .iter()
                .flatten()
                .map(|v| v.to_string())
                .collect(),
            true,
        )),
        _ => None,
    }
}

/// The JSON kind of a value, in words.
fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The Rust integer of an integer schema's `format`: `int32` and the
/// unsigned `uint32`/`uint64` (also spelled `uint`, `uint8`, `uint16`,
/// `uint32`, `uint64`, `unsigned`) have types of their own; anything else is
/// `i64`.
fn integer_type(format: &VariantOrUnknownOrEmpty<IntegerFormat>) -> TypeRef {
    match format {
        VariantOrUnknownOrEmpty::Item(IntegerFormat::Int32) => TypeRef::I32,
        VariantOrUnknownOrEmpty::Unknown(f) => match f.to_ascii_lowercase().as_str() {
            "uint8" | "uint16" | "uint32" => TypeRef::U32,
            "uint64" | "uint" | "unsigned" => TypeRef::U64,
            "int8" | "int16" => TypeRef::I32,
            _ => TypeRef::I64,
        },
        _ => TypeRef::I64,
    }
}

fn json_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn non_empty(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// The `additionalProperties` of an object schema that has nothing else.
fn additional_only(schema: &Schema) -> Option<&AdditionalProperties> {
    match &schema.schema_kind {
        SchemaKind::Type(Type::Object(o)) if o.properties.is_empty() => {
            o.additional_properties.as_ref()
        }
        SchemaKind::Any(any)
            if any.properties.is_empty()
                && any.all_of.is_empty()
                && any.one_of.is_empty()
                && any.any_of.is_empty()
                && matches!(any.typ.as_deref(), None | Some("object")) =>
        {
            any.additional_properties.as_ref()
        }
        _ => None,
    }
}

/// Why an `allOf` part can't be merged: it names `name`, whose merge
/// (`inside`, from `name` on) is under way, so the merge would never end.
/// The cycle is told from the schema whose part closes it.
fn all_of_cycle_message(inside: &[String], name: &str) -> String {
    let closing = inside.last().map_or(name, String::as_str);
    let cycle: Vec<&str> = std::iter::once(closing)
        .chain(inside.iter().map(String::as_str))
        .collect();
    format!(
        "`{closing}` is merged from itself through `allOf` ({}), which never ends, \
         so it has no type: remove the `$ref` that closes the cycle",
        cycle.join(" → ")
    )
}

/// Whether an `allOf` part contributes nothing to the merged object: an
/// object with no properties, or a schema of annotations only
/// (`description`, `nullable`, `readOnly`…).
fn adds_no_properties(schema: &Schema) -> bool {
    match &schema.schema_kind {
        SchemaKind::Type(Type::Object(o)) => {
            o.properties.is_empty() && o.additional_properties.is_none()
        }
        SchemaKind::Any(any) => {
            any.properties.is_empty()
                && any.additional_properties.is_none()
                && any.all_of.is_empty()
                && any.one_of.is_empty()
                && any.any_of.is_empty()
                && any.not.is_none()
                && any.items.is_none()
                && any.enumeration.is_empty()
                && any.format.is_none()
                && matches!(any.typ.as_deref(), None | Some("object"))
        }
        _ => false,
    }
}
