//! Generator-side facts of the spec cases in `generator/cases/`: warnings,
//! names and examples, from `generate_from` on each case's spec.

use std::path::{Path, PathBuf};

use generator::config::{CrateConfig, Profile};
use generator::{Config, Output};

fn case_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("cases")
        .join(format!("{name}.yaml"))
}

/// Generates the case as `cargo xtask codegen --spec … --all-tags` does.
fn generate(name: &str) -> Output {
    let path = case_path(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let spec = generator::load::parse(&path, &text).unwrap();
    let mut tags: Vec<String> = spec
        .operations()
        .flat_map(|(_, _, op)| op.tags.clone())
        .collect();
    tags.sort();
    tags.dedup();
    let config = Config {
        spec: path.clone(),
        tags,
        output: PathBuf::from("out"),
        krate: CrateConfig::for_spec(&spec.info, Some(&format!("case-{name}"))),
        skip_unsupported: false,
        profile: Profile::detect(&spec),
    };
    generator::generate_from(&path, &spec, &config).unwrap()
}

fn file<'o>(output: &'o Output, path: &str) -> &'o str {
    let file = output
        .files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("{path} was not generated"));
    &file.contents
}

#[test]
fn defaults_that_are_not_values_of_their_type_are_warned_with_their_pointer() {
    let output = generate("defaults-odd-types");
    let mut pointers: Vec<&str> = output.warnings.iter().map(|w| w.pointer.as_str()).collect();
    pointers.sort();
    assert_eq!(
        pointers,
        [
            "/components/schemas/Prefs/properties/enabled/default",
            "/components/schemas/Prefs/properties/mode/default",
            "/components/schemas/Prefs/properties/ratio/default",
            "/paths/~1prefs/get/parameters/1/schema/default",
        ]
    );
    let verbose = output
        .warnings
        .iter()
        .find(|w| w.pointer.ends_with("parameters/1/schema/default"))
        .unwrap();
    assert!(
        verbose.message.contains("`\"false\"`") && verbose.message.contains("`bool`"),
        "{}",
        verbose.message
    );
}

#[test]
fn examples_use_defaults_only_in_the_parameters_type() {
    let output = generate("defaults-odd-types");
    let api = file(&output, "src/apis/prefs_api.rs");
    assert!(api.contains(".get_prefs().limit(25).await"), "{api}");
    assert!(!api.contains("limit(25.0)"));
}

#[test]
fn the_quick_start_builds_a_required_body_and_enum_path_parameter() {
    let output = generate("example-op-body-enum");
    let readme = file(&output, "README.md");
    assert!(
        readme.contains("use case_example_op_body_enum::{models, Client, Error};"),
        "{readme}"
    );
    assert!(
        readme.contains("let body = models::PostQueueBody::new(\"my-name\");"),
        "{readme}"
    );
    assert!(
        readme.contains("let media_type = models::PostQueueMediaType::Voice;"),
        "{readme}"
    );
    assert!(readme.contains(".post_queue(media_type, body)"), "{readme}");
    assert!(!readme.contains("Default::default()"), "{readme}");
}

#[test]
fn without_a_plain_get_the_quick_start_calls_an_operation_that_exists() {
    let output = generate("no-plain-get");
    let readme = file(&output, "README.md");
    assert!(
        readme.contains(".things().create_thing().await"),
        "{readme}"
    );
}

#[test]
fn method_examples_import_the_models_they_name() {
    let output = generate("enum-values-colliding");
    let api = file(&output, "src/apis/stats_api.rs");
    assert!(
        api.contains("/// # use case_enum_values_colliding::{models, Client, Error};"),
        "{api}"
    );
    assert!(api.contains(".op(models::Op::Count)"), "{api}");
}

#[test]
fn colliding_enum_values_get_upper_camel_case_variants() {
    let output = generate("enum-values-colliding");
    let model = file(&output, "src/models/op.rs");
    for variant in [
        "Self_ = ",
        "Self2 = ",
        "Plus1 = ",
        "Minus1 = ",
        "V1 = ",
        "Star = ",
        "Percent = ",
        "Count4 = ",
        "Cafe2 = ",
    ] {
        assert!(model.contains(variant), "{variant} missing in {model}");
    }
    assert!(!model.contains("Self_2"));
    assert!(!model.contains("Empty"), "{model}");
}

#[test]
fn non_ascii_names_give_ascii_files_and_keep_their_wire_names() {
    let output = generate("names-non-ascii");
    for f in &output.files {
        assert!(f.path.is_ascii(), "{}", f.path);
    }
    let model = file(&output, "src/models/grosse.rs");
    assert!(model.contains("=> \"höhe\""), "{model}");
    assert!(model.contains("=> \"名前\""), "{model}");
    assert!(model.contains("pub struct Grosse"), "{model}");
    assert!(file(&output, "src/models/grosse_etat.rs").contains("\"supprimé\""));
}

#[test]
fn parameters_never_take_the_request_builders_own_names() {
    let output = generate("names-colliding-ops-params");
    let api = file(&output, "src/apis/items_api.rs");
    for setter in [
        "pub fn timeout2(mut self, value: i64)",
        "pub fn send2(mut self, value: bool)",
        "pub fn client2(mut self, value: impl Into<String>)",
        "pub fn self_(mut self, value: impl Into<String>)",
        "pub fn id2(mut self, value: i64)",
        "pub fn id3(mut self, value: impl Into<String>)",
    ] {
        assert!(api.contains(setter), "{setter} missing");
    }
    for method in ["pub fn get_item(", "pub fn get_item2(", "pub fn get_item3("] {
        assert!(api.contains(method), "{method} missing");
    }
}

#[test]
fn spec_prose_never_reaches_rustdoc_as_code_or_a_bare_cr() {
    for case in ["doc-prose-odd", "doc-prose-odd-no-cr"] {
        let output = generate(case);
        for f in &output.files {
            assert!(!f.contents.contains('\r'), "{case}: CR in {}", f.path);
        }
        let api = file(&output, "src/apis/notes_api.rs");
        assert!(
            api.contains("/// ```text\n    /// GET /notes/42 HTTP/1.1"),
            "{api}"
        );
        assert!(
            // Inside the parameter's list item, at its text's indentation.
            api.contains("///   ```text\n    ///   abc-123 (tab indented)\n    ///   ```\n"),
            "{api}"
        );
        let note = file(&output, "src/models/note.rs");
        assert!(note.contains("/// ~~~json\n"), "{note}");
        assert!(
            // The struct's docs, inside its `json_object!` call.
            note.contains("    /// ```text\n    /// indented under the item"),
            "{note}"
        );
        assert!(note.contains("\\<b\\>HTML\\</b\\>"), "{note}");
    }
}

#[test]
fn an_argument_that_cannot_be_built_is_the_hidden_functions_parameter() {
    let output = generate("example-args-every-type");
    let api = file(&output, "src/apis/events_api.rs");
    // `Tree` requires a `Tree`: no value of it can be written down.
    assert!(
        api.contains(
            "/// # async fn example(client: Client, body: models::Tree) -> Result<(), Error> {"
        ),
        "{api}"
    );
    // An `f32` default out of range is not used; a float default is a float.
    assert!(api.contains(".ratio(1.0)"), "{api}");
    let docs = file(&output, "docs/EventsApi.md");
    assert!(
        docs.contains("let body: models::Tree = todo!(\"build the argument\");"),
        "{docs}"
    );
}

#[test]
fn the_title_is_prose_in_the_readme() {
    let output = generate("example-args-every-type");
    let readme = file(&output, "README.md");
    assert!(
        readme.contains("Examples \\<of\\> every \\[type\\]"),
        "{readme}"
    );
}

#[test]
fn hostile_tags_and_type_names_get_names_of_their_own() {
    let output = generate("names-and-prose-hostile");
    let group = &output.api.groups[0];
    // `builder` is `Client::builder`.
    assert_eq!(group.accessor, "builder2");
    let mut modules: Vec<&str> = output.api.types.iter().map(|t| t.module.as_str()).collect();
    modules.sort();
    let before = modules.len();
    modules.dedup();
    assert_eq!(modules.len(), before, "{modules:?}");
    for f in &output.files {
        assert!(!f.contents.contains('\r'), "CR in {}", f.path);
    }
    let api = file(&output, "src/apis/builder_api.rs");
    // `request` is an import of the API module; `path` and `value` are
    // locals of `send`.
    assert!(api.contains("pub struct Request2"), "{api}");
    assert!(api.contains("path2: impl Into<String>"), "{api}");
    assert!(api.contains("pub fn value2("), "{api}");
}

/// The quick start builds its client with credentials that its own call
/// accepts: here the document's API key, not the admin operation's Basic.
#[test]
fn the_quick_start_gives_credentials_its_operation_accepts() {
    let output = generate("example-credentials-per-operation");
    for path in ["README.md", "src/client.rs"] {
        let text = file(&output, path);
        assert!(text.contains("get_items()"), "{path}:\n{text}");
        assert!(
            text.contains(r#".api_key("my-api-key")"#),
            "{path}:\n{text}"
        );
        assert!(
            !text.contains(r#".basic_auth("my-username""#),
            "{path}:\n{text}"
        );
    }
}

#[test]
fn inline_markdown_of_the_spec_reaches_the_docs_as_markdown() {
    let output = generate("doc-markdown-inline");
    let api = file(&output, "src/apis/notes_api.rs");
    assert!(
        api.contains(
            "/// Sends a note. See the [note guide](https://example.com/notes); `text` is **required**,"
        ),
        "{api}"
    );
    // What rustdoc would misread stays text.
    assert!(api.contains("or \\[Note\\] is plain text"), "{api}");
    assert!(api.contains("\\[relative link\\](/docs/limits)"), "{api}");
    // A body the spec doesn't describe says what it is.
    assert!(
        api.contains("/// - `body`: the request body, sent as `application/json`."),
        "{api}"
    );
    let model = file(&output, "src/models/note.rs");
    assert!(
        model.contains("[character limit](https://example.com/limit) are split; `num_segments`"),
        "{model}"
    );
    assert!(model.contains("snake_case_name bare"), "{model}");
    // A URL ends where CommonMark ends it: its own balanced parentheses
    // are in it, a strikethrough's tildes are not.
    assert!(
        model.contains("From <https://en.example.org/wiki/Note_(music)> (the article), a"),
        "{model}"
    );
    assert!(
        model.contains("[section](https://en.example.org/wiki/Note_(music)#Pitch) of it"),
        "{model}"
    );
    assert!(
        model.contains(
            "[escaped](https://example.com/a\\_b) one, and \\~\\~<https://old.example.com>\\~\\~."
        ),
        "{model}"
    );
}
