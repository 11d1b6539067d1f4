//! Example calls, built from the IR types of the arguments (never from the
//! spec's text): the per-operation example of each method's rustdoc (a
//! `no_run` doctest, so it must compile) and Markdown doc page, and the
//! quick-start call of the README, `lib.rs` and `Client`'s docs.
//!
//! Every value is an expression of its type: a number of the right kind,
//! an enum variant by path, a model through its constructor, a date-time
//! through chrono. A spec default is shown only when it is a value of the
//! type; an argument that can't be built (a model that requires itself)
//! becomes a parameter of the doctest's hidden function instead.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::ir::{Api, ApiGroup, Operation, Parameter, TypeKind, TypeRef};
use crate::render::rust::type_tokens;

/// One call of an operation, with what it needs.
#[derive(Debug, Clone, Default)]
pub struct Call {
    /// `let` statements that build models, before the call.
    pub lets: Vec<String>,
    /// The arguments, in order.
    pub args: Vec<String>,
    /// One optional parameter set on the builder (`.limit(25)`), when asked
    /// for and one can be built.
    pub setter: Option<String>,
    /// Arguments that could not be built: (name, type), in order.
    pub unbuilt: Vec<(String, String)>,
    /// Whether the code names `models::…`.
    pub uses_models: bool,
}

/// How a value is passed: where an `impl Into<String>` is taken, a string
/// literal will do; elsewhere it must be a `String`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    IntoString,
    Exact,
}

/// The call of `op`, with a setter when `with_setter`. `None` when some
/// required argument can't be built.
pub fn call(api: &Api, op: &Operation, with_setter: bool) -> Option<Call> {
    let call = call_or_unbuilt(api, op, with_setter);
    call.unbuilt.is_empty().then_some(call)
}

/// The call of `op`; arguments that can't be built are named in `unbuilt`
/// and passed by name.
fn call_or_unbuilt(api: &Api, op: &Operation, with_setter: bool) -> Call {
    let mut call = Call::default();
    let required = op.parameters.iter().filter(|p| p.required).map(|p| {
        (
            &p.ty,
            p.wire_name.as_str(),
            p.rust_name.as_str(),
            Slot::IntoString,
        )
    });
    let body = op.body.iter().filter(|b| b.required).map(|b| {
        (
            &b.ty,
            b.rust_name.as_str(),
            b.rust_name.as_str(),
            Slot::Exact,
        )
    });
    for (ty, wire, rust, slot) in required.chain(body) {
        let mut builder = Builder::new(api);
        match builder.value(ty, wire, slot) {
            // Models are built on a line of their own, so the call stays short.
            Some(expr) if matches!(ty, TypeRef::Named { .. }) => {
                call.lets.push(format!("let {rust} = {expr};"));
                call.args.push(rust.to_owned());
            }
            Some(expr) => call.args.push(expr),
            None => {
                let ty = type_tokens(ty, &quote::quote!(models::)).to_string();
                call.unbuilt.push((rust.to_owned(), tidy_type(&ty)));
                call.args.push(rust.to_owned());
                builder.uses_models |= ty.contains("models ::");
            }
        }
        call.uses_models |= builder.uses_models;
    }
    if with_setter {
        // A parameter with a value that says something first: a default,
        // or a scalar rather than an empty list.
        let scalar = |p: &&Parameter| {
            p.default.is_some()
                || !matches!(
                    p.ty,
                    TypeRef::Array { .. } | TypeRef::Map { .. } | TypeRef::Json
                )
        };
        let optional = op.parameters.iter().filter(|p| !p.required);
        let ordered = optional
            .clone()
            .filter(scalar)
            .chain(optional.filter(|p| !scalar(p)));
        for p in ordered {
            let mut builder = Builder::new(api);
            let value = default_literal(api, p, &mut builder)
                .or_else(|| builder.value(&p.ty, &p.wire_name, Slot::IntoString));
            if let Some(value) = value {
                call.setter = Some(format!(".{}({value})", p.rust_name));
                call.uses_models |= builder.uses_models;
                break;
            }
        }
    }
    call
}

/// `models :: Foo` → `models::Foo`, as tokens print.
fn tidy_type(tokens: &str) -> String {
    tokens
        .replace(" :: ", "::")
        .replace(" < ", "<")
        .replace(" >", ">")
        .replace(" , ", ", ")
}

/// The spec's default of `p`, as an expression, when it is a value of the
/// parameter's type and reads as a literal.
fn default_literal(api: &Api, p: &Parameter, builder: &mut Builder<'_>) -> Option<String> {
    let text = p.default.as_deref()?;
    // Lowering keeps a string default as its text, anything else as JSON.
    let value = match &p.ty {
        TypeRef::String { .. } => Value::String(text.to_owned()),
        _ => serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_owned())),
    };
    let lookup = |name: &str| api.type_def(name);
    if !p.ty.accepts(&value, &lookup) {
        return None;
    }
    builder.literal(&p.ty, &value, Slot::IntoString)
}

/// Builds expressions, remembering whether they name `models`.
struct Builder<'a> {
    api: &'a Api,
    /// The models being built, to stop at one that requires itself.
    building: BTreeSet<String>,
    uses_models: bool,
}

impl<'a> Builder<'a> {
    fn new(api: &'a Api) -> Self {
        Self {
            api,
            building: BTreeSet::new(),
            uses_models: false,
        }
    }

    /// A Rust expression of type `ty`; `name` makes string placeholders
    /// read well (`clientId` → `"my-client-id"`).
    fn value(&mut self, ty: &TypeRef, name: &str, slot: Slot) -> Option<String> {
        Some(match ty {
            TypeRef::String { .. } => string_literal(&placeholder(name), slot),
            TypeRef::DateTime => {
                "chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now())".to_owned()
            }
            TypeRef::Date => "chrono::NaiveDate::default()".to_owned(),
            TypeRef::I32 | TypeRef::I64 | TypeRef::U32 | TypeRef::U64 => "1".to_owned(),
            TypeRef::F32 | TypeRef::F64 => "1.0".to_owned(),
            TypeRef::Nullable { .. } => "None".to_owned(),
            TypeRef::Bool => "true".to_owned(),
            TypeRef::Json => "serde_json::json!({})".to_owned(),
            TypeRef::Bytes => "b\"bytes\".to_vec()".to_owned(),
            TypeRef::Array { .. } => "Vec::new()".to_owned(),
            TypeRef::Map { .. } => "std::collections::BTreeMap::new()".to_owned(),
            TypeRef::Named { name: type_name } => return self.named(type_name, name),
        })
    }

    fn named(&mut self, type_name: &str, name: &str) -> Option<String> {
        let api = self.api;
        let def = api.type_def(type_name)?;
        let path = format!("models::{type_name}");
        let expr = match &def.kind {
            TypeKind::Enum {
                variants,
                unknown_variant,
                integer,
            } => match (variants.first(), integer) {
                (Some(v), _) => format!("{path}::{}", v.rust_name),
                (None, None) => format!("{path}::from(\"value\")"),
                (None, Some(_)) => format!("{path}::{unknown_variant}(1)"),
            },
            TypeKind::Struct { fields, .. } => {
                if !self.building.insert(type_name.to_owned()) {
                    return None;
                }
                let mut args = Vec::new();
                for f in fields.iter().filter(|f| super::models::is_argument(f)) {
                    // A nullable field is `Option<T>` in the constructor.
                    if f.nullable {
                        args.push("None".to_owned());
                        continue;
                    }
                    let slot = match f.ty {
                        TypeRef::String { .. } => Slot::IntoString,
                        _ => Slot::Exact,
                    };
                    args.push(self.value(&f.ty, &f.wire_name, slot)?);
                }
                self.building.remove(type_name);
                // A model without required fields has `Default`, and no
                // constructor unless it sets a subtype's tag.
                if fields.iter().any(|f| f.required || f.tag.is_some()) {
                    format!("{path}::new({})", args.join(", "))
                } else {
                    format!("{path}::default()")
                }
            }
            // A tuple struct around a container derives `Default`.
            TypeKind::Alias { wrapped: true, .. } => format!("{path}::default()"),
            TypeKind::Alias { target, .. } => {
                if !self.building.insert(type_name.to_owned()) {
                    return None;
                }
                let value = self.value(target, name, Slot::Exact);
                self.building.remove(type_name);
                return value;
            }
            TypeKind::Union { other_variant, .. } => {
                format!("{path}::{other_variant}(serde_json::json!({{}}))")
            }
        };
        self.uses_models = true;
        Some(expr)
    }

    /// `value` (of type `ty`) as a literal expression, when it has one.
    fn literal(&mut self, ty: &TypeRef, value: &Value, slot: Slot) -> Option<String> {
        match (ty, value) {
            (TypeRef::String { .. }, Value::String(s)) => Some(string_literal(s, slot)),
            (TypeRef::Nullable { .. }, Value::Null) => Some("None".to_owned()),
            (TypeRef::Nullable { inner }, v) => {
                Some(format!("Some({})", self.literal(inner, v, Slot::Exact)?))
            }
            (TypeRef::U32 | TypeRef::U64, Value::Number(n)) => n.as_u64().map(|i| i.to_string()),
            (TypeRef::I32 | TypeRef::I64, Value::Number(n)) => match n.as_i64() {
                Some(i) => Some(i.to_string()),
                // `25.0`, which `accepts` has checked is integral.
                None => n.as_f64().map(|f| format!("{f:.0}")),
            },
            (TypeRef::F32 | TypeRef::F64, Value::Number(n)) => {
                let f = n.as_f64()?;
                // An `f32` literal out of its range doesn't compile.
                if matches!(ty, TypeRef::F32) && f.abs() > f64::from(f32::MAX) {
                    return None;
                }
                // `0.5`, `25.0`, `1e300`: Rust reads each as a float.
                Some(format!("{f:?}"))
            }
            (TypeRef::Bool, Value::Bool(b)) => Some(b.to_string()),
            (TypeRef::Named { name }, v) => {
                let def = self.api.type_def(name)?;
                match &def.kind {
                    TypeKind::Enum {
                        variants, integer, ..
                    } => {
                        let wire = match (integer, v) {
                            (None, Value::String(s)) => s.clone(),
                            (Some(_), Value::Number(n)) => n.to_string(),
                            _ => return None,
                        };
                        let variant = variants.iter().find(|x| x.wire_value == wire)?;
                        self.uses_models = true;
                        Some(format!("models::{name}::{}", variant.rust_name))
                    }
                    TypeKind::Alias {
                        target,
                        wrapped: true,
                    } => {
                        let inner = self.literal(target, v, Slot::Exact)?;
                        self.uses_models = true;
                        Some(format!("models::{name}({inner})"))
                    }
                    TypeKind::Alias { target, .. } => self.literal(target, v, Slot::Exact),
                    _ => None,
                }
            }
            (TypeRef::Array { items, .. }, Value::Array(values)) => {
                let items: Option<Vec<String>> = values
                    .iter()
                    .map(|v| self.literal(items, v, Slot::Exact))
                    .collect();
                Some(format!("vec![{}]", items?.join(", ")))
            }
            _ => None,
        }
    }
}

fn string_literal(text: &str, slot: Slot) -> String {
    match slot {
        Slot::IntoString => format!("{text:?}"),
        Slot::Exact => format!("String::from({text:?})"),
    }
}

/// One line of the Markdown example; `hidden` lines are left out.
struct Line {
    hidden: bool,
    text: String,
}

/// The example as rustdoc wants it, on every method: the call alone, the
/// client given. How to make a client is the crate's front page, and how
/// to tell errors apart the `Error` type's; once each, not per method.
/// Hidden lines start with `# `.
pub fn rustdoc(api: &Api, group: &ApiGroup, op: &Operation, crate_ident: &str) -> String {
    let call_parts = call_or_unbuilt(api, op, true);
    let mut imported = Vec::new();
    if call_parts.uses_models {
        imported.push("models");
    }
    imported.extend(["Client", "Error"]);
    let mut params = vec!["client: Client".to_owned()];
    params.extend(
        call_parts
            .unbuilt
            .iter()
            .map(|(name, ty)| format!("{name}: {ty}")),
    );
    let mut out = vec![
        format!("# use {crate_ident}::{{{}}};", imported.join(", ")),
        format!(
            "# async fn example({}) -> Result<(), Error> {{",
            params.join(", ")
        ),
    ];
    out.extend(call_parts.lets.iter().cloned());
    let bind = match (&op.success, &op.success_enum) {
        (None, None) => "",
        _ => "let result = ",
    };
    out.push(format!(
        "{bind}client.{}().{}({}){}.await?;",
        group.accessor,
        op.rust_name,
        call_parts.args.join(", "),
        call_parts.setter.as_deref().unwrap_or_default()
    ));
    out.push("# Ok(()) }".to_owned());
    out.join("\n")
}

/// The example as a whole program, for the Markdown pages.
pub fn markdown(api: &Api, group: &ApiGroup, op: &Operation, crate_ident: &str) -> String {
    let body: Vec<String> = lines(api, group, op, crate_ident)
        .into_iter()
        .filter(|l| !l.hidden)
        .map(|l| l.text)
        .collect();
    let (uses, rest): (Vec<String>, Vec<String>) =
        body.into_iter().partition(|l| l.starts_with("use "));
    let mut out = uses.join("\n");
    out.push_str("\n\n#[tokio::main]\nasync fn main() -> Result<(), Error> {\n");
    for line in rest.into_iter().skip_while(|l| l.is_empty()) {
        if line.is_empty() {
            out.push('\n');
        } else {
            out.push_str("    ");
            out.push_str(&line);
            out.push('\n');
        }
    }
    out.push_str("    Ok(())\n}");
    out
}

fn lines(api: &Api, group: &ApiGroup, op: &Operation, crate_ident: &str) -> Vec<Line> {
    let shown = |text: &str| Line {
        hidden: false,
        text: text.to_owned(),
    };
    let hidden = |text: &str| Line {
        hidden: true,
        text: text.to_owned(),
    };
    let call_parts = call_or_unbuilt(api, op, true);
    let mut call = format!(
        "match client.{}().{}({})",
        group.accessor,
        op.rust_name,
        call_parts.args.join(", ")
    );
    if let Some(setter) = &call_parts.setter {
        call.push_str(setter);
    }
    call.push_str(".await {");
    let ok = match (&op.success, &op.success_enum) {
        (None, None) => format!("    Ok(()) => println!(\"{} succeeded\"),", op.rust_name),
        _ => "    Ok(result) => println!(\"{result:?}\"),".to_owned(),
    };
    // The client as the spec's security takes it (with the Genesys
    // profile, from Genesys' environment variables).
    let (extra_import, setup) = super::auth::example_client(api, api.profile, Some(op));
    let mut imported = Vec::new();
    if call_parts.uses_models {
        imported.push("models");
    }
    imported.extend(["Client", "Error"]);
    imported.extend(extra_import);
    let imports = format!("use {crate_ident}::{{{}}};", imported.join(", "));
    // What can't be built is the hidden function's parameter.
    let params: Vec<String> = call_parts
        .unbuilt
        .iter()
        .map(|(name, ty)| format!("{name}: {ty}"))
        .collect();
    let mut out = vec![
        shown(&imports),
        shown(""),
        hidden(&format!(
            "async fn example({}) -> Result<(), Error> {{",
            params.join(", ")
        )),
    ];
    for (name, ty) in &call_parts.unbuilt {
        out.push(shown(&format!(
            "let {name}: {ty} = todo!(\"build the argument\");"
        )));
    }
    out.extend(setup.iter().map(|l| shown(l)));
    out.push(shown(""));
    for l in &call_parts.lets {
        out.push(shown(l));
    }
    out.extend([
        shown(&call),
        shown(&ok),
        shown("    Err(Error::Api(e)) if e.status == 404 => eprintln!(\"not found: {e}\"),"),
        shown(&format!(
            "    Err(e) => eprintln!(\"{} failed: {{e}}\"),",
            op.rust_name
        )),
        shown("}"),
        hidden("Ok(())"),
        hidden("}"),
    ]);
    out
}

/// `clientId` → `"my-client-id"`.
fn placeholder(name: &str) -> String {
    format!(
        "my-{}",
        crate::naming::rust_name(name, crate::naming::Kind::Value).replace('_', "-")
    )
}
