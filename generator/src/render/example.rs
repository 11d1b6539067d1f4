//! The Rust example of each operation, shared by its rustdoc (where it is
//! a `no_run` doctest, so it must compile) and its Markdown doc page.
//!
//! Both show the same program: a client with the credentials the spec's
//! security takes (with the Genesys profile, a region and credentials from
//! the environment), the call, and a match on the error.

use crate::config::Profile;
use crate::ir::{Api, ApiGroup, Operation, TypeKind, TypeRef};

/// One line of the example; `hidden` lines are only there to make the
/// doctest compile, and Markdown leaves them out.
struct Line {
    hidden: bool,
    text: String,
}

/// The example as rustdoc wants it: hidden lines start with `# `.
pub fn rustdoc(
    api: &Api,
    group: &ApiGroup,
    op: &Operation,
    crate_ident: &str,
    profile: Profile,
) -> String {
    lines(api, group, op, crate_ident, profile)
        .into_iter()
        .map(|l| {
            if l.hidden {
                format!("# {}", l.text).trim_end().to_owned()
            } else {
                l.text
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The example as a whole program, for the Markdown pages.
pub fn markdown(
    api: &Api,
    group: &ApiGroup,
    op: &Operation,
    crate_ident: &str,
    profile: Profile,
) -> String {
    let body: Vec<String> = lines(api, group, op, crate_ident, profile)
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

fn lines(
    api: &Api,
    group: &ApiGroup,
    op: &Operation,
    crate_ident: &str,
    profile: Profile,
) -> Vec<Line> {
    let shown = |text: &str| Line {
        hidden: false,
        text: text.to_owned(),
    };
    let hidden = |text: &str| Line {
        hidden: true,
        text: text.to_owned(),
    };
    // Models are built on a line of their own, so the call stays short.
    let mut args = Vec::new();
    let mut lets = Vec::new();
    let required = op
        .parameters
        .iter()
        .filter(|p| p.required)
        .map(|p| (&p.ty, p.wire_name.as_str(), p.rust_name.as_str()));
    let body = op
        .body
        .iter()
        .filter(|b| b.required)
        .map(|b| (&b.ty, b.rust_name.as_str(), b.rust_name.as_str()));
    for (ty, wire, rust) in required.chain(body) {
        let expr = value(api, ty, wire);
        if matches!(ty, TypeRef::Named { .. }) {
            lets.push(format!("let {rust} = {expr};"));
            args.push(rust.to_owned());
        } else {
            args.push(expr);
        }
    }
    let uses_models = !lets.is_empty();
    let mut call = format!(
        "match client.{}().{}({})",
        group.accessor,
        op.rust_name,
        args.join(", ")
    );
    if let Some(p) = op.parameters.iter().find(|p| !p.required) {
        let example = p
            .default
            .clone()
            .map(|d| value_of_default(&p.ty, &d))
            .unwrap_or_else(|| value(api, &p.ty, &p.wire_name));
        call.push_str(&format!(".{}({example})", p.rust_name));
    }
    call.push_str(".await {");
    let ok = match (&op.success, &op.success_enum) {
        (None, None) => format!("    Ok(()) => println!(\"{} succeeded\"),", op.rust_name),
        _ => "    Ok(result) => println!(\"{result:?}\"),".to_owned(),
    };
    let (extra_import, setup) = super::auth::example_client(api, profile);
    let imports = match (uses_models, extra_import) {
        (true, Some(extra)) => format!("use {crate_ident}::{{models, Client, Error, {extra}}};"),
        (true, None) => format!("use {crate_ident}::{{models, Client, Error}};"),
        (false, Some(extra)) => format!("use {crate_ident}::{{Client, Error, {extra}}};"),
        (false, None) => format!("use {crate_ident}::{{Client, Error}};"),
    };
    let mut out = vec![
        shown(&imports),
        shown(""),
        hidden("async fn example() -> Result<(), Error> {"),
    ];
    out.extend(setup.iter().map(|l| shown(l)));
    out.push(shown(""));
    for l in &lets {
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

/// A Rust expression of type `ty`, for an example.
fn value(api: &Api, ty: &TypeRef, name: &str) -> String {
    match ty {
        TypeRef::String { .. } => format!("{:?}", placeholder(name)),
        TypeRef::DateTime => {
            "chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now())".to_owned()
        }
        TypeRef::Date => "chrono::NaiveDate::default()".to_owned(),
        TypeRef::I32 | TypeRef::I64 | TypeRef::U32 | TypeRef::U64 => "1".to_owned(),
        TypeRef::F32 | TypeRef::F64 => "1.0".to_owned(),
        TypeRef::Bool => "true".to_owned(),
        TypeRef::Json => "serde_json::json!({})".to_owned(),
        TypeRef::Bytes => "b\"bytes\".to_vec()".to_owned(),
        TypeRef::Array { .. } => "Vec::new()".to_owned(),
        TypeRef::Map { .. } => "Default::default()".to_owned(),
        TypeRef::Nullable { .. } => "None".to_owned(),
        TypeRef::Named { name: type_name } => {
            let path = format!("models::{type_name}");
            match api.type_def(type_name).map(|d| &d.kind) {
                Some(TypeKind::Enum { variants, .. }) => match variants.first() {
                    Some(v) => format!("{path}::{}", v.rust_name),
                    None => format!("{path}::from(\"value\")"),
                },
                Some(TypeKind::Struct { fields, .. }) => {
                    let required: Vec<String> = fields
                        .iter()
                        .filter(|f| f.required)
                        .map(|f| match f.nullable {
                            true => format!("Some({})", value(api, &f.ty, &f.wire_name)),
                            false => value(api, &f.ty, &f.wire_name),
                        })
                        .collect();
                    if required.is_empty() {
                        format!("{path}::default()")
                    } else {
                        format!("{path}::new({})", required.join(", "))
                    }
                }
                Some(TypeKind::Alias { target }) => value(api, target, name),
                Some(TypeKind::Union { other_variant, .. }) => {
                    format!("{path}::{other_variant}(serde_json::json!({{}}))")
                }
                None => "Default::default()".to_owned(),
            }
        }
    }
}

/// A spec default as an argument of the parameter's type.
fn value_of_default(ty: &TypeRef, default: &str) -> String {
    match ty {
        TypeRef::String { .. } => format!("{default:?}"),
        _ => default.to_owned(),
    }
}

/// `clientId` → `"my-client-id"`.
fn placeholder(name: &str) -> String {
    format!(
        "my-{}",
        crate::naming::rust_name(name, crate::naming::Kind::Value).replace('_', "-")
    )
}
