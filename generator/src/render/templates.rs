//! Renders the Tera templates of `templates/`: the crate's `Cargo.toml`,
//! `README.md`, `docs/*.md`, and the runtime modules (`client`, `error`,
//! `support`), which are Rust kept as templates because they are written by
//! hand and only take a few values from the spec.

use serde::Serialize;
use serde_json::{json, Value};
use tera::{Context, Tera};

use super::rust::{type_display, RUST_HEADER};
use super::{GeneratedFile, GENERATED_MARKER};
use crate::config::{CrateConfig, Profile};
use crate::diagnostics::Error;
use crate::ir::{Api, ApiGroup, Location, Operation, TypeDef, TypeKind, TypeRef};
use crate::naming::crate_ident;

/// The templates, compiled into the generator so that it renders the same
/// bytes wherever it runs from.
const TEMPLATES: &[(&str, &str)] = &[
    (
        "Cargo.toml.tera",
        include_str!("../../../templates/Cargo.toml.tera"),
    ),
    (
        "README.md.tera",
        include_str!("../../../templates/README.md.tera"),
    ),
    (
        "docs/api.md.tera",
        include_str!("../../../templates/docs/api.md.tera"),
    ),
    (
        "docs/model.md.tera",
        include_str!("../../../templates/docs/model.md.tera"),
    ),
    (
        "runtime/client.rs.tera",
        include_str!("../../../templates/runtime/client.rs.tera"),
    ),
    (
        "runtime/env.rs.tera",
        include_str!("../../../templates/runtime/env.rs.tera"),
    ),
    (
        "runtime/error.rs.tera",
        include_str!("../../../templates/runtime/error.rs.tera"),
    ),
    (
        "runtime/auth.rs.tera",
        include_str!("../../../templates/runtime/auth.rs.tera"),
    ),
    (
        "runtime/paging.rs.tera",
        include_str!("../../../templates/runtime/paging.rs.tera"),
    ),
    (
        "runtime/region.rs.tera",
        include_str!("../../../templates/runtime/region.rs.tera"),
    ),
    (
        "runtime/retry.rs.tera",
        include_str!("../../../templates/runtime/retry.rs.tera"),
    ),
    (
        "examples/client_credentials.rs.tera",
        include_str!("../../../templates/examples/client_credentials.rs.tera"),
    ),
    (
        "examples/create_client.rs.tera",
        include_str!("../../../templates/examples/create_client.rs.tera"),
    ),
    (
        "examples/usage_query.rs.tera",
        include_str!("../../../templates/examples/usage_query.rs.tera"),
    ),
    (
        "runtime/usage.rs.tera",
        include_str!("../../../templates/runtime/usage.rs.tera"),
    ),
    (
        "runtime/support.rs.tera",
        include_str!("../../../templates/runtime/support.rs.tera"),
    ),
];

/// Which comment syntax carries the generated-file marker.
#[derive(Clone, Copy)]
enum Lang {
    Toml,
    Markdown,
    Rust,
}

fn with_marker(lang: Lang, body: String) -> String {
    let header = match lang {
        Lang::Toml => format!("# {GENERATED_MARKER} from `spec/`. Do not edit.\n"),
        Lang::Markdown => format!("<!-- {GENERATED_MARKER} from `spec/`. Do not edit. -->\n"),
        Lang::Rust => format!("{RUST_HEADER}\n\n"),
    };
    format!("{header}{body}")
}

/// The compiled templates and the values every file gets.
pub struct Templates<'a> {
    tera: Tera,
    base: Context,
    api: &'a Api,
    krate: &'a CrateConfig,
    profile: Profile,
    auth: super::auth::AuthView,
}

impl<'a> Templates<'a> {
    /// Compiles the templates for rendering `api`.
    pub fn new(api: &'a Api, krate: &'a CrateConfig, profile: Profile) -> Result<Self, Error> {
        let mut tera = Tera::default();
        tera.add_raw_templates(TEMPLATES.iter().copied())
            .map_err(|e| template_error("templates/", &e))?;
        Ok(Self {
            tera,
            base: base_context(api, krate, profile),
            api,
            krate,
            profile,
            auth: super::auth::view(api, profile),
        })
    }

    fn file(
        &self,
        template: &str,
        out: &str,
        lang: Lang,
        ctx: &Context,
    ) -> Result<GeneratedFile, Error> {
        let body = self
            .tera
            .render(template, ctx)
            .map_err(|e| template_error(template, &e))?;
        // Spec text (a wire name, a default) may hold a CR, which would
        // break a Markdown table row; rustc refuses one in a doc comment.
        let body = match lang {
            Lang::Markdown | Lang::Rust => body.replace("\r\n", "\n").replace('\r', " "),
            Lang::Toml => body,
        };
        Ok(GeneratedFile::new(out, with_marker(lang, body)))
    }

    /// Every template-based file but the doc pages: the manifest, the
    /// README, the runtime modules and the examples.
    pub fn crate_files(&self) -> Result<Vec<GeneratedFile>, Error> {
        let (api, base) = (self.api, &self.base);
        let mut files = Vec::new();
        if let Some(text) = &self.krate.license_text {
            // Copied as it is: a licence text is not ours to mark.
            files.push(GeneratedFile::new("LICENSE", text.clone()));
        }
        let mut emit =
            |template: &str, out: &str, lang: Lang, ctx: &Context| -> Result<(), Error> {
                files.push(self.file(template, out, lang, ctx)?);
                Ok(())
            };
        emit("Cargo.toml.tera", "Cargo.toml", Lang::Toml, base)?;
        // The README lists every group and model, by name and summary only:
        // their full views are for their own pages.
        let mut readme = base.clone();
        readme.insert(
            "groups",
            &api.groups
                .iter()
                .map(|g| {
                    let ops: Vec<Value> = g
                        .operations
                        .iter()
                        .map(|op| json!({"rust_name": op.rust_name, "summary": operation_summary(op)}))
                        .collect();
                    json!({"rust_name": g.rust_name, "operations": ops})
                })
                .collect::<Vec<_>>(),
        );
        readme.insert(
            "models",
            &api.types
                .iter()
                .map(|t| json!({"rust_name": t.rust_name}))
                .collect::<Vec<_>>(),
        );
        emit("README.md.tera", "README.md", Lang::Markdown, &readme)?;
        emit("runtime/client.rs.tera", "src/client.rs", Lang::Rust, base)?;
        if self.auth.any {
            emit("runtime/auth.rs.tera", "src/auth.rs", Lang::Rust, base)?;
        }
        if self.profile == Profile::Genesys {
            emit("runtime/region.rs.tera", "src/region.rs", Lang::Rust, base)?;
        }
        if api.has_paging() {
            emit("runtime/paging.rs.tera", "src/paging.rs", Lang::Rust, base)?;
        }
        if usage_helper(api).is_some() {
            emit("runtime/usage.rs.tera", "src/usage.rs", Lang::Rust, base)?;
        }
        // The examples show the OAuth section; other sections get none.
        if oauth_extras(api, self.krate, self.profile) {
            for name in ["client_credentials", "create_client", "usage_query"] {
                emit(
                    &format!("examples/{name}.rs.tera"),
                    &format!("examples/{name}.rs"),
                    Lang::Rust,
                    base,
                )?;
            }
        }
        emit("runtime/retry.rs.tera", "src/retry.rs", Lang::Rust, base)?;
        emit("runtime/error.rs.tera", "src/error.rs", Lang::Rust, base)?;
        emit(
            "runtime/support.rs.tera",
            "src/support.rs",
            Lang::Rust,
            base,
        )?;
        Ok(files)
    }

    /// `docs/<Group>.md`: the group's operations in full.
    pub fn group_page(&self, group: &ApiGroup) -> Result<GeneratedFile, Error> {
        let view = group_view(self.api, group, &crate_ident(&self.krate.name));
        let out = format!("docs/{}.md", group.rust_name);
        self.page("docs/api.md.tera", &out, json!({ "group": view }))
    }

    /// `docs/<Model>.md`: the model's fields or values.
    pub fn model_page(&self, def: &TypeDef) -> Result<GeneratedFile, Error> {
        let view = model_view(self.api, def);
        let out = format!("docs/{}.md", def.rust_name);
        self.page("docs/model.md.tera", &out, json!({ "model": view }))
    }

    /// A doc page, whose template only reads its own view: the view is
    /// moved into the context rather than copied beside the shared values.
    fn page(&self, template: &str, out: &str, view: Value) -> Result<GeneratedFile, Error> {
        let ctx = Context::from_value(view).map_err(|e| template_error(template, &e))?;
        self.file(template, out, Lang::Markdown, &ctx)
    }
}

/// An operation's summary, fit for a Markdown table cell of the README,
/// which is also the crate's rustdoc: prose on one line (`|` escaped).
fn operation_summary(op: &Operation) -> String {
    super::rust::prose(&super::rust::one_line(
        op.docs.summary.as_deref().unwrap_or(""),
    ))
}

/// The first operation with `.stream()` whose arguments can be built, for
/// the README.
fn paging_example(api: &Api) -> Value {
    for group in &api.groups {
        for op in group.operations.iter().filter(|op| op.paging.is_some()) {
            if let Some(call) = super::example::call(api, op, false) {
                return example_view(group, op, &call);
            }
        }
    }
    Value::Null
}

/// What the templates need of an example call.
fn example_view(group: &ApiGroup, op: &Operation, call: &super::example::Call) -> Value {
    json!({
        "accessor": group.accessor,
        "rust_name": op.rust_name,
        "args": call.args.join(", "),
        "lets": call.lets,
        "uses_models": call.uses_models,
        "setter": call.setter.as_deref().map(|s| s.trim_start_matches('.')),
    })
}

/// The examples (and the contract tests the crate's manifest names) are
/// about the OAuth section of Genesys Cloud, and use its regions and
/// grants; other sections, other profiles and crates whose folder lacks
/// the hand-written extras get none.
fn oauth_extras(api: &Api, krate: &CrateConfig, profile: Profile) -> bool {
    if profile != Profile::Genesys {
        return false;
    }
    let has = |id: &str| {
        api.groups
            .iter()
            .flat_map(|g| &g.operations)
            .any(|op| op.operation_id == id)
    };
    let has_paging = api.has_paging();
    krate.oauth_extras
        && usage_helper(api).is_some()
        && has_paging
        && [
            "getOauthClients",
            "postOauthClients",
            "postOauthClientSecret",
        ]
        .iter()
        .all(|id| has(id))
}

/// The usage-query helper applies when the section has the three usage
/// operations, with the arguments the helper passes.
pub fn usage_helper(api: &Api) -> Option<Value> {
    for group in &api.groups {
        let find = |id: &str| group.operations.iter().find(|op| op.operation_id == id);
        let (Some(post), Some(summary), Some(result)) = (
            find("postOauthClientUsageQuery"),
            find("getOauthClientUsageSummary"),
            find("getOauthClientUsageQueryResult"),
        ) else {
            continue;
        };
        let required: Vec<&str> = result
            .parameters
            .iter()
            .filter(|p| p.required)
            .map(|p| p.rust_name.as_str())
            .collect();
        let has_days = summary.parameters.iter().any(|p| p.rust_name == "days");
        if required != ["execution_id", "client_id"] || !has_days {
            return None;
        }
        let mut format = String::new();
        for segment in &result.path_segments {
            match segment {
                crate::ir::PathSegment::Literal { text } => format.push_str(text),
                crate::ir::PathSegment::Parameter { rust_name, .. } => {
                    format.push_str(&format!("{{{rust_name}}}"))
                }
            }
        }
        return Some(json!({
            "module": group.module,
            "api": group.rust_name,
            "post_query": post.rust_name,
            "get_summary": summary.rust_name,
            "get_result": result.rust_name,
            "result_template": result.path,
            "result_format": format,
        }));
    }
    None
}

fn template_error(template: &str, error: &tera::Error) -> Error {
    // Tera's top-level message is generic; the cause says what went wrong.
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    Error::Template {
        template: template.to_owned(),
        message,
    }
}

/// The server URL's variables, for `ClientBuilder::server_variable`: Rust
/// literals for the runtime's table, and a Markdown line per variable for
/// the builder's docs and the README.
fn server_view(api: &Api) -> Option<Value> {
    use super::rust::{code_span, one_line, prose};
    let server = api.server_template.as_ref()?;
    let literal = |text: &str| format!("{text:?}");
    let variables: Vec<_> = server
        .variables
        .iter()
        .map(|v| {
            let mut doc = format!(
                "{}: by default {}",
                code_span(&v.name),
                code_span(&v.default)
            );
            if !v.allowed.is_empty() {
                let allowed: Vec<String> = v.allowed.iter().map(|a| code_span(a)).collect();
                doc.push_str(&format!(", one of {}", allowed.join(", ")));
            }
            doc.push('.');
            if let Some(description) = &v.description {
                doc.push(' ');
                doc.push_str(&prose(&one_line(description)));
            }
            json!({
                "name": literal(&v.name),
                "default": literal(&v.default),
                "allowed": v.allowed.iter().map(|a| literal(a)).collect::<Vec<_>>(),
                "doc": doc,
            })
        })
        .collect();
    Some(json!({
        "url": literal(&server.url),
        "url_md": code_span(&server.url),
        "variables": variables,
    }))
}

fn base_context(api: &Api, krate: &CrateConfig, profile: Profile) -> Context {
    let mut ctx = Context::new();
    // Genesys conventions (regions, extra grants, correlation id,
    // permission lines, `Client::from_env` with Genesys' environment
    // variable names) are in the templates under `{% if genesys %}`.
    ctx.insert("genesys", &(profile == Profile::Genesys));
    // Which credentials the client takes, and how each goes on the wire.
    ctx.insert("auth", &super::auth::view(api, profile));
    ctx.insert("has_default_base_url", &api.default_base_url.is_some());
    ctx.insert("server", &server_view(api));
    ctx.insert("krate", krate);
    // The README is the crate's rustdoc: its description is prose there.
    ctx.insert(
        "description_md",
        &super::rust::prose(&super::rust::one_line(&krate.description)),
    );
    ctx.insert("crate_ident", &crate_ident(&krate.name));
    ctx.insert(
        "api",
        &json!({
            // The README is the crate's rustdoc: the title is prose there.
            "title": super::rust::prose(&super::rust::one_line(&api.title)),
            "version": super::rust::prose(&super::rust::one_line(&api.version)),
            "default_base_url": api.default_base_url.as_deref().unwrap_or(""),
            "base_path": api.base_path.as_deref().unwrap_or(""),
        }),
    );
    ctx.insert(
        "tags",
        &api.groups.iter().map(|g| &g.tag).collect::<Vec<_>>(),
    );
    ctx.insert(
        "default_base_url",
        api.default_base_url.as_deref().unwrap_or(""),
    );
    ctx.insert("correlation_header", "ININ-Correlation-Id");
    ctx.insert("error_model", &api.error_model);
    ctx.insert(
        "features",
        &api.groups
            .iter()
            .map(|g| {
                json!({
                    "name": api.features.of_group(g),
                    "tag": g.tag.split_whitespace().collect::<Vec<_>>().join(" "),
                    "api": g.rust_name,
                })
            })
            .collect::<Vec<_>>(),
    );
    ctx.insert("shared_tags", &api.shared_tags);
    ctx.insert("operation_count", &api.operation_count());
    ctx.insert("type_count", &api.types.len());
    let quick_start = example_operation(api, krate.example_operation.as_deref(), false);
    ctx.insert(
        "feature_example",
        &feature_example(api, quick_start.as_ref().map(|(group, _, _)| *group)),
    );
    // The quick start's client gets credentials its own call accepts.
    ctx.insert(
        "example_credentials",
        &super::auth::example_credentials(
            api,
            api.profile,
            quick_start.as_ref().map(|(_, op, _)| *op),
        ),
    );
    ctx.insert(
        "example",
        &quick_start
            .as_ref()
            .map_or(Value::Null, |(group, op, call)| {
                example_view(group, op, call)
            }),
    );
    ctx.insert("optional_example", &example(api, None, true));
    ctx.insert("usage", &usage_helper(api));
    ctx.insert("paging_example", &paging_example(api));
    ctx.insert("oauth_extras", &oauth_extras(api, krate, profile));
    ctx.insert("has_paging", &api.has_paging());
    ctx
}

/// The operation the README, `lib.rs` and `Client`'s docs show: the
/// configured one when the spec has it, else the first GET without
/// required parameters, else the first operation whose arguments can be
/// built (GETs first), so the example reads and is harmless. With
/// `with_optional`, a GET whose optional parameter can be set. `null`
/// when there is none: the templates then show no call.
/// The features the README's "only some groups" line names: the group of
/// the quick start's operation, then the first other group, so that the
/// line and the example beside it compile together.
fn feature_example(api: &Api, quick_start: Option<&ApiGroup>) -> Vec<String> {
    let mut chosen: Vec<String> = quick_start
        .map(|g| api.features.of_group(g).to_owned())
        .into_iter()
        .collect();
    for group in &api.groups {
        if chosen.len() == 2 {
            break;
        }
        let feature = api.features.of_group(group);
        if !chosen.iter().any(|c| c == feature) {
            chosen.push(feature.to_owned());
        }
    }
    chosen
}

fn example(api: &Api, preferred: Option<&str>, with_optional: bool) -> Value {
    example_operation(api, preferred, with_optional).map_or(Value::Null, |(group, op, call)| {
        example_view(group, op, &call)
    })
}

/// The operation an example calls, with its group and the call: the
/// `preferred` operationId when it can be built, else the first GET
/// without required arguments, any GET, then anything but a DELETE.
fn example_operation<'a>(
    api: &'a Api,
    preferred: Option<&str>,
    with_optional: bool,
) -> Option<(&'a ApiGroup, &'a Operation, super::example::Call)> {
    let operations = || {
        api.groups
            .iter()
            .flat_map(|g| g.operations.iter().map(move |op| (g, op)))
    };
    let callable = |op: &Operation| {
        super::example::call(api, op, with_optional)
            .filter(|c| !with_optional || c.setter.is_some())
    };
    if let Some((group, op)) =
        operations().find(|(_, op)| Some(op.operation_id.as_str()) == preferred)
    {
        if let Some(call) = callable(op) {
            return Some((group, op, call));
        }
    }
    let no_required = |op: &Operation| {
        op.parameters.iter().all(|p| !p.required) && !op.body.as_ref().is_some_and(|b| b.required)
    };
    let is_get = |op: &Operation| op.method == "GET";
    let tiers: [&dyn Fn(&Operation) -> bool; 3] =
        [&|op| is_get(op) && no_required(op), &is_get, &|op| {
            !with_optional && op.method != "DELETE"
        }];
    for tier in tiers {
        for (group, op) in operations().filter(|(_, op)| tier(op)) {
            if let Some(call) = callable(op) {
                return Some((group, op, call));
            }
        }
    }
    None
}

#[derive(Serialize)]
struct ParamView {
    name: String,
    wire_name: String,
    location: Location,
    ty: String,
    description: String,
    notes: String,
}

fn group_view(api: &Api, group: &ApiGroup, crate_ident: &str) -> Value {
    let ops: Vec<Value> = group
        .operations
        .iter()
        .map(|op| {
            let mut params: Vec<ParamView> = op
                .parameters
                .iter()
                .map(|p| {
                    let mut notes =
                        vec![if p.required { "required" } else { "optional" }.to_owned()];
                    if let Some(d) = &p.default {
                        notes.push(format!("server default {}", super::rust::code_span(d)));
                    }
                    notes.push(format!(
                        "{} {}",
                        p.location.as_str(),
                        super::rust::code_span(&p.wire_name)
                    ));
                    ParamView {
                        name: p.rust_name.clone(),
                        wire_name: p.wire_name.clone(),
                        location: p.location,
                        ty: type_link(api, &p.ty, ""),
                        description: cell(p.description.as_deref().unwrap_or("")),
                        notes: notes.join(", "),
                    }
                })
                .collect();
            if let Some(body) = &op.body {
                params.push(ParamView {
                    name: body.rust_name.clone(),
                    wire_name: body.rust_name.clone(),
                    location: Location::Query,
                    ty: type_link(api, &body.ty, ""),
                    description: cell(body.description.as_deref().unwrap_or("")),
                    notes: if body.required {
                        "required, JSON body"
                    } else {
                        "optional, JSON body"
                    }
                    .to_owned(),
                });
            }
            json!({
                "rust_name": op.rust_name,
                "method": op.method,
                "path": op.path,
                "summary": operation_summary(op),
                "description": op.docs.description.as_deref().map(super::rust::prose),
                "permissions": op.docs.permissions,
                "signature": signature(group, op),
                "example": super::example::markdown(api, group, op, crate_ident),
                "params": params,
                "has_body": op.body.is_some(),
                "returns": match (&op.success_enum, &op.success) {
                    (Some(e), _) => format!(
                        "`{}`: one of {}",
                        e.rust_name,
                        e.variants
                            .iter()
                            .map(|v| match &v.ty {
                                Some(ty) => format!("HTTP {} with {}", v.status, type_link(api, ty, "")),
                                None => format!("HTTP {} with no body", v.status),
                            })
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    (None, Some(ty)) => type_link(api, ty, ""),
                    (None, None) => "`()`: any 2xx status is success.".to_owned(),
                },
            })
        })
        .collect();
    json!({
        "tag": group.tag,
        "rust_name": group.rust_name,
        "accessor": group.accessor,
        "documents_permissions": api.documents_permissions(),
        "operations": ops,
    })
}

fn signature(group: &ApiGroup, op: &Operation) -> String {
    let mut args = vec!["&self".to_owned()];
    for p in op.parameters.iter().filter(|p| p.required) {
        let ty = match p.ty {
            TypeRef::String { .. } => "impl Into<String>".to_owned(),
            ref other => type_display(other),
        };
        args.push(format!("{}: {ty}", p.rust_name));
    }
    if let Some(body) = op.body.as_ref().filter(|b| b.required) {
        args.push(format!("{}: {}", body.rust_name, type_display(&body.ty)));
    }
    let output = match (&op.success_enum, &op.success) {
        (Some(e), _) => e.rust_name.clone(),
        (None, Some(ty)) => type_display(ty),
        (None, None) => "()".to_owned(),
    };
    let mut sig = format!(
        "// {}::{}\npub fn {}({}) -> {}",
        group.rust_name,
        op.rust_name,
        op.rust_name,
        args.join(", "),
        op.builder_name
    );
    for p in op.parameters.iter().filter(|p| !p.required) {
        let ty = match p.ty {
            TypeRef::String { .. } => "impl Into<String>".to_owned(),
            ref other => type_display(other),
        };
        sig.push_str(&format!("\n    // .{}({ty})", p.rust_name));
    }
    sig.push_str(&format!(
        "\n// {}.await -> Result<{output}, Error>",
        op.builder_name
    ));
    sig
}

/// A type as Markdown, linked to its model page.
fn type_link(api: &Api, ty: &TypeRef, prefix: &str) -> String {
    match ty {
        TypeRef::Named { name } if api.type_def(name).is_some() => {
            format!("[`{name}`]({prefix}{name}.md)")
        }
        TypeRef::Array { items, .. } => format!("Vec of {}", type_link(api, items, prefix)),
        TypeRef::Map { values } => format!("map of String to {}", type_link(api, values, prefix)),
        TypeRef::Nullable { inner } => format!("{} or null", type_link(api, inner, prefix)),
        other => format!("`{}`", type_display(other)),
    }
}

/// Text made safe for one Markdown table cell.
fn cell(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

fn model_view(api: &Api, def: &TypeDef) -> Value {
    let description = def
        .description
        .as_deref()
        .map(super::rust::prose)
        .unwrap_or_else(|| format!("The `{}` schema.", def.wire_name));
    match &def.kind {
        TypeKind::Struct { fields, .. } => {
            let fields: Vec<Value> = fields
                .iter()
                .map(|f| {
                    let mut notes = vec![if f.required { "required" } else { "optional" }];
                    if f.read_only {
                        notes.push("read-only");
                    }
                    if f.sensitive {
                        notes.push("secret, hidden from `Debug`");
                    }
                    if f.deprecated {
                        notes.push("deprecated");
                    }
                    let mut notes = notes.join(", ");
                    if let Some(tag) = &f.tag {
                        notes.push_str(&format!(
                            ", set to {} by `new`",
                            super::rust::code_span(tag).replace('|', "\\|")
                        ));
                    }
                    if let TypeRef::Named { name } = &f.ty {
                        if let Some(TypeKind::Enum { variants, .. }) =
                            api.type_def(name).map(|d| &d.kind)
                        {
                            let values: Vec<String> = variants
                                .iter()
                                .map(|v| super::rust::code_span(&v.wire_value))
                                .collect();
                            notes.push_str(&format!("; one of {}", values.join(", ")));
                        }
                    }
                    json!({
                        "rust_name": f.rust_name,
                        "wire_name": f.wire_name,
                        "ty": type_link(api, &f.ty, ""),
                        "description": cell(f.description.as_deref().unwrap_or("")),
                        "notes": notes,
                    })
                })
                .collect();
            json!({
                "rust_name": def.rust_name,
                "description": description,
                "kind": "struct",
                "fields": fields,
            })
        }
        TypeKind::Enum {
            variants,
            unknown_variant,
            ..
        } => json!({
            "rust_name": def.rust_name,
            "description": description,
            "kind": "enum",
            "variants": variants,
            "unknown_variant": unknown_variant,
        }),
        TypeKind::Union {
            variants,
            discriminator,
            ..
        } => json!({
            "rust_name": def.rust_name,
            "description": description,
            "kind": "alias",
            "target": format!(
                "one of {}{}",
                variants
                    .iter()
                    .map(|v| type_link(api, &v.ty, ""))
                    .collect::<Vec<_>>()
                    .join(", "),
                discriminator
                    .as_ref()
                    .map(|d| format!(", chosen by `{d}`"))
                    .unwrap_or_default()
            ),
        }),
        TypeKind::Alias { target, wrapped } => json!({
            "rust_name": def.rust_name,
            "description": description,
            "kind": "alias",
            "wrapped": wrapped,
            "target": type_link(api, target, ""),
        }),
    }
}
