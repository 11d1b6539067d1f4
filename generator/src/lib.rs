//! The generator behind `cargo xtask codegen`: it reads the OpenAPI spec in
//! `spec/`, selects the configured tags, lowers them to an IR and renders
//! the `purecloud-platform-client` crate.
//!
//! ```text
//! spec ──load──▶ openapiv3 ──select──▶ ──lower──▶ ir::Api ──render──▶ files
//! ```
//!
//! Each stage is one module with one entry point. Nothing here writes to
//! disk: `xtask` compares the rendered files with `generated/` and writes.

pub mod annotation;
pub mod config;
pub mod diagnostics;
pub mod diff;
pub mod features;
pub mod import;
pub mod ir;
pub mod load;
pub mod local_refs;
pub mod locate;
pub mod lower;
pub mod naming;
pub mod parallel;
pub mod pinpoint;
pub mod polymorphism;
pub mod render;
pub mod select;
pub mod timing;

use std::path::Path;

pub use config::Config;
pub use diagnostics::{Diagnostic, Error};
pub use render::{GeneratedFile, GENERATED_MARKER};

/// What one run of the pipeline produces.
#[derive(Debug)]
pub struct Output {
    /// The IR the files were rendered from.
    pub api: ir::Api,
    /// Every file of the generated crate, ordered by path.
    pub files: Vec<GeneratedFile>,
    /// What was left out with `skip_unsupported`, each naming the
    /// operation or schema and why.
    pub warnings: Vec<Diagnostic>,
}

/// Runs the whole pipeline on the spec that `config` names, relative to the
/// repository `root`.
pub fn generate(root: &Path, config: &Config) -> Result<Output, Error> {
    let (text, spec) = load::load(root, &config.spec)?;
    let mut output = generate_owned(&config.spec, spec, config).map_err(|e| e.with_lines(&text))?;
    locate::add_lines(&text, &mut output.warnings);
    Ok(output)
}

fn sorted(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by(|a, b| a.pointer.cmp(&b.pointer).then(a.message.cmp(&b.message)));
    diagnostics.dedup();
    diagnostics
}

/// Runs select and lower on an already loaded spec: the IR of the
/// operations tagged `tags` and the types they reach, with what was left
/// out when `skip_unsupported` is set. `spec_path` is only used in errors.
pub fn lower_selected(
    spec_path: &Path,
    spec: &openapiv3::OpenAPI,
    tags: &[String],
    skip_unsupported: bool,
    profile: config::Profile,
) -> Result<(ir::Api, Vec<Diagnostic>), Error> {
    // Every problem is reported in one go: lowering runs even when
    // selection found some, and the lists are merged.
    let stage = timing::stage("select");
    let (mut selection, mut problems) = select::select(spec, tags);
    drop(stage);
    let stage = timing::stage("lower");
    let mut lowered = lower::lower_with(spec, &selection, skip_unsupported);
    drop(stage);
    // The schemas no operation uses are there because the whole API is
    // selected; one the generator can't make doesn't refuse the spec:
    // they are left out instead, saying why.
    let mut left_out = Vec::new();
    if !selection.unreferenced.is_empty() {
        let found = problems
            .iter()
            .chain(lowered.as_ref().err().into_iter().flatten());
        let in_unreferenced: Vec<Diagnostic> = found
            .filter(|p| selection.unreferenced_schema_at(&p.pointer).is_some())
            .cloned()
            .collect();
        if !in_unreferenced.is_empty() {
            let count = selection.unreferenced.len();
            for problem in in_unreferenced {
                let name = selection
                    .unreferenced_schema_at(&problem.pointer)
                    .unwrap_or_default();
                left_out.push(Diagnostic::new(
                    problem.pointer.clone(),
                    format!(
                        "{}; `{name}` is a component schema that no operation uses, so {} \
                         left out of the crate rather than the spec refused",
                        problem.message,
                        if count == 1 {
                            "it is".to_owned()
                        } else {
                            format!("the {count} such schemas are")
                        }
                    ),
                ));
            }
            (selection, problems) = select::select_with(spec, tags, false);
            lowered = lower::lower_with(spec, &selection, skip_unsupported);
        }
    }
    let located = |mut problems: Vec<Diagnostic>| {
        for problem in &mut problems {
            problem.pointer = written_pointer(spec, &problem.pointer);
        }
        sorted(problems)
    };
    if let Ok((_, warnings)) = &lowered {
        // With `skip_unsupported`, a reference that selection found
        // unusable was met again by lowering, which left out what needs
        // it and said so: that problem is a warning now.
        problems.retain(|p| !warnings.iter().any(|w| w.pointer == p.pointer));
    }
    let (mut api, mut warnings) = match lowered {
        Ok(lowered) if problems.is_empty() => lowered,
        Ok(_) => return Err(Error::spec(spec_path, located(problems))),
        Err(more) => {
            problems.extend(more);
            return Err(Error::spec(spec_path, located(problems)));
        }
    };
    warnings.extend(left_out);
    warnings.extend(lower::security::apply(spec, &selection, &mut api, profile));
    api.profile = profile;
    for warning in &mut warnings {
        warning.pointer = written_pointer(spec, &warning.pointer);
    }
    diagnostics::dedup_in_order(&mut warnings);
    Ok((api, warnings))
}

/// A pointer into the document lowering read, as a pointer to the node
/// the user wrote: out of the components that `$ref`s to other nodes
/// became, and out of the places a Swagger 2.0 conversion moved nodes to.
/// Errors and warnings alike.
fn written_pointer(spec: &openapiv3::OpenAPI, pointer: &str) -> String {
    import::source_pointer(spec, &local_refs::original_pointer(spec, pointer))
}

/// Runs select, lower and render on an already loaded spec; `spec_path` is
/// only used in errors.
pub fn generate_from(
    spec_path: &Path,
    spec: &openapiv3::OpenAPI,
    config: &Config,
) -> Result<Output, Error> {
    let (api, warnings, krate) = lower_for_render(spec_path, spec, config)?;
    render_output(api, warnings, &krate, config)
}

/// [`generate_from`] on a spec the caller gives up: it is freed once
/// lowered, before the files are rendered, so a large spec and its
/// generated files are never in memory at once.
pub fn generate_owned(
    spec_path: &Path,
    spec: openapiv3::OpenAPI,
    config: &Config,
) -> Result<Output, Error> {
    let (api, warnings, krate) = lower_for_render(spec_path, &spec, config)?;
    drop(spec);
    render_output(api, warnings, &krate, config)
}

/// Lowers the selected operations and checks the crate settings against
/// them: the IR, its warnings, and the crate settings to render with.
fn lower_for_render(
    spec_path: &Path,
    spec: &openapiv3::OpenAPI,
    config: &Config,
) -> Result<(ir::Api, Vec<Diagnostic>, config::CrateConfig), Error> {
    let (api, mut warnings) = lower_selected(
        spec_path,
        spec,
        &config.tags,
        config.skip_unsupported,
        config.profile,
    )?;
    let mut krate = config.krate.clone();
    if let Some(id) = &config.krate.example_operation {
        if !api
            .groups
            .iter()
            .flat_map(|g| &g.operations)
            .any(|op| &op.operation_id == id)
        {
            let message = format!(
                "`crate.example_operation: {id}` is not the operationId of a generated operation"
            );
            // Left out with the rest of what can't be generated: the
            // examples use another operation.
            let skipped = config.skip_unsupported
                && spec
                    .operations()
                    .any(|(_, _, op)| op.operation_id.as_deref() == Some(id.as_str()));
            if !skipped {
                return Err(Error::Config {
                    path: config::CONFIG_PATH.into(),
                    message,
                });
            }
            warnings.push(Diagnostic::new(
                "",
                format!("{message}; the examples use another operation"),
            ));
            krate.example_operation = None;
        }
    }
    Ok((api, warnings, krate))
}

fn render_output(
    api: ir::Api,
    warnings: Vec<Diagnostic>,
    krate: &config::CrateConfig,
    config: &Config,
) -> Result<Output, Error> {
    let files = render::render(&api, krate, config.profile)?;
    Ok(Output {
        api,
        files,
        warnings,
    })
}
