//! Every Rust identifier the generator emits is decided here, and only here:
//! type, field, method, parameter, variant and module names, keyword
//! escaping and collision resolution.

use heck::{ToSnakeCase, ToUpperCamelCase};
use std::collections::{BTreeMap, BTreeSet};

/// Words that cannot be used as plain identifiers in any edition.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Type names that would shadow the prelude (or the crate's own `Error` and
/// `Client`) inside generated modules and make the code lie about its types.
const RESERVED_TYPE_NAMES: &[&str] = &[
    "Box", "Client", "Clone", "Copy", "Default", "Drop", "Err", "Error", "Fn", "FnMut", "FnOnce",
    "From", "Into", "Iterator", "None", "Ok", "Option", "Result", "Send", "Sized", "Some",
    "String", "Sync", "ToString", "Vec",
];

/// Names a request builder's parameter (a builder field, a setter, a
/// method argument, a `let` in `send`) can't take, because the generated
/// builder uses them for itself. A parameter of the same name would
/// declare a field twice, shadow a method, or rebind a local that the code
/// after it still reads. `render::apis` is checked against this list by a
/// test (`builder_names` in `generator/tests/cases.rs`), so a name the
/// builder starts using and this list lacks fails there, not in a user's
/// crate.
pub const RESERVED_PARAMETER_NAMES: &[&str] = &[
    // The group method's `self.client`, and the builder's own field,
    // which holds the client and the per-call timeout.
    "client",
    "call",
    // The builder's methods (`timeout` and `into_future` come from the
    // runtime's `request_builder!`), and those of its derived traits;
    // paging calls `clone`.
    "timeout",
    "send",
    "send_with_response",
    "stream",
    "into_future",
    "clone",
    "fmt",
    // Locals of `send` and `stream`, and the functions `send` calls by
    // their bare names, which a path parameter's `let` would shadow.
    "path",
    "path_param",
    "path_segment",
    "request",
    "response",
    "cookies",
    "form",
    "value",
    "next",
    "n",
    "item",
];

/// Types an API module already names (its imports and the prelude), which
/// a request builder or response enum must not shadow.
pub const RESERVED_API_MODULE_TYPES: &[&str] =
    &["BoxFuture", "Client", "Error", "Method", "Request"];

/// Methods of an API group's struct that operations can't take: its
/// constructor, the usage-query helpers, and the derived traits' methods.
pub const RESERVED_GROUP_METHODS: &[&str] = &[
    "new",
    "clone",
    "fmt",
    "query_usage",
    "usage_summary",
    "wait_for_usage",
];

/// `Client`'s own methods, which a group's accessor can't take.
pub const RESERVED_ACCESSORS: &[&str] = &[
    "new",
    "builder",
    "base_url",
    "login_url",
    "authenticate",
    "authenticate_with_client_credentials",
    "set_access_token",
    "execute",
    "get_page",
    "sleep",
    "clone",
    "fmt",
];

/// Module names that would shadow a crate the generated code uses by path
/// (`serde::Serialize`, `chrono::Utc`…) or one of the crate's own modules.
pub const RESERVED_MODULES: &[&str] = &[
    "alloc",
    "apis",
    "auth",
    "base64",
    "bytes",
    "chrono",
    "client",
    "core",
    "error",
    "futures_util",
    "models",
    "paging",
    "percent_encoding",
    "region",
    "reqwest",
    "retry",
    "serde",
    "serde_json",
    "serde_urlencoded",
    "sha2",
    "std",
    "support",
    "thiserror",
    "tokio",
    "tracing",
    "usage",
];

/// The kind of identifier being named, which picks its case and escaping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A struct or enum: `UpperCamelCase`, never a prelude name.
    Type,
    /// An enum variant: `UpperCamelCase`.
    Variant,
    /// A struct field, function parameter or method: `snake_case`.
    Value,
    /// A module (and its file): `snake_case`.
    Module,
}

/// The name Rust code uses for the crate whose package is `package`
/// (`purecloud-platform-client` → `purecloud_platform_client`), as Cargo
/// derives it.
pub fn crate_ident(package: &str) -> String {
    package.replace('-', "_")
}

/// A Cargo package name for an API titled `title` (`Swagger Petstore -
/// OpenAPI 3.0` → `swagger-petstore-openapi-3-0`): ASCII letters, digits
/// and `-`, starting with a letter, as crates.io accepts.
pub fn package_name(title: &str) -> String {
    // Letters without an ASCII spelling are left out: an escaped code
    // point makes no sense in a package name.
    let latin: String = title
        .chars()
        .map(|c| match transliterate(c) {
            Some(ascii) => ascii.to_owned(),
            // An apostrophe joins its word (`Netlify's` → `netlifys`),
            // rather than leaving a word of one letter.
            None if matches!(c, '\'' | '\u{2019}') => String::new(),
            None if c.is_ascii() => c.to_string(),
            None => " ".to_owned(),
        })
        .collect();
    let words: Vec<String> = words(&latin)
        .split_whitespace()
        .map(|w| {
            w.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let mut name = String::new();
    // crates.io takes at most 64 characters; whole words only.
    for word in words {
        if name.len() + word.len() + 1 > 64 {
            break;
        }
        if !name.is_empty() {
            name.push('-');
        }
        name.push_str(&word);
    }
    match name.chars().next() {
        None => "openapi-client".to_owned(),
        // `Self` or `Async` would make a crate no program can `use`.
        Some(_) if is_reserved_crate(&name) => format!("{name}-api"),
        Some(c) if c.is_ascii_alphabetic() => name,
        Some(_) => format!("api-{name}"),
    }
}

/// The cargo feature of the API group whose client accessor is
/// `accessor` (`oauth`, `users`), unique among `taken`. Cargo's own
/// `default` and the crate's `full` are never a group's feature: the group
/// of untagged operations is `default_api`.
pub fn feature_name(accessor: &str, taken: &mut BTreeSet<String>) -> String {
    let base = accessor.trim_start_matches("r#").trim_end_matches('_');
    let base = match base {
        "" => "api".to_owned(),
        "default" | crate::features::FULL => format!("{base}_api"),
        other => other.to_owned(),
    };
    let mut name = base.clone();
    let mut n = 2;
    while !taken.insert(name.clone()) {
        name = format!("{base}_{n}");
        n += 1;
    }
    name
}

/// Whether `name` is a package name crates.io accepts: ASCII letters,
/// digits, `-` and `_`, starting with a letter, at most 64 characters;
/// and one a program can name in `use`, so not a Rust keyword nor a crate
/// of the toolchain's own ([`is_reserved_crate`]).
pub fn is_package_name(name: &str) -> bool {
    name.len() <= 64
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !is_reserved_crate(name)
}

/// Whether the crate of package `name` can't be named in `use`: its
/// identifier is a Rust keyword (`async`, `self`), or one of the
/// toolchain's crates (`std`, `core`, `alloc`, `proc_macro`, `test`),
/// which it would shadow or be refused beside.
pub fn is_reserved_crate(name: &str) -> bool {
    let ident = crate_ident(name);
    KEYWORDS.contains(&ident.as_str())
        || ["std", "core", "alloc", "proc_macro", "test"].contains(&ident.as_str())
}

/// Whether `license` reads as an SPDX expression (`MIT`, `Apache-2.0`,
/// `MIT OR Apache-2.0`) rather than prose (`Apache 2.0`), so that it can go
/// into a package manifest as it is.
pub fn is_spdx_like(license: &str) -> bool {
    let is_id = |t: &str| {
        !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '+' | '(' | ')'))
    };
    let tokens: Vec<&str> = license.split(' ').collect();
    // Identifiers at even positions, operators between them.
    tokens.len() % 2 == 1
        && tokens.iter().enumerate().all(|(i, t)| {
            if i % 2 == 0 {
                is_id(t)
            } else {
                matches!(*t, "OR" | "AND" | "WITH")
            }
        })
}

/// Turns a wire name (schema name, property, operationId, enum value, tag…)
/// into a valid Rust identifier of `kind`. Always returns an identifier,
/// whatever the input; callers make it unique with [`Namer::unique`].
pub fn rust_name(wire: &str, kind: Kind) -> String {
    let words = words(wire);
    let mut name = match kind {
        Kind::Type | Kind::Variant => words.to_upper_camel_case(),
        // Joining initials is for case boundaries (`OAuth`), not for
        // separators (`X-Request-Tag` stays `x_request_tag`).
        Kind::Value | Kind::Module => words
            .split_whitespace()
            .map(|chunk| join_initials(&chunk.to_snake_case()))
            .filter(|chunk| !chunk.is_empty())
            .collect::<Vec<_>>()
            .join("_"),
    };
    if name.is_empty() {
        name = match kind {
            Kind::Type | Kind::Variant => "Empty".to_owned(),
            Kind::Value | Kind::Module => "empty".to_owned(),
        };
    }
    // One letter in either case, so that a group's type, accessor and
    // feature read alike (`2fa` → `V2faApi`, `client.v2fa()`, `v2fa`).
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name = match kind {
            Kind::Type | Kind::Variant => format!("V{name}"),
            Kind::Value | Kind::Module => format!("v{name}"),
        };
    }
    if KEYWORDS.contains(&name.as_str())
        || (kind == Kind::Type && RESERVED_TYPE_NAMES.contains(&name.as_str()))
    {
        name = match kind {
            Kind::Type => format!("{name}Model"),
            _ => format!("{name}_"),
        };
    }
    if name.len() > MAX_NAME_LEN {
        name = shortened(&name, kind);
    }
    name
}

/// The longest name [`rust_name`] gives. A type or module is a file
/// (`src/models/NAME.rs`, rustdoc's `struct.NAME.html`), and names of
/// inline schemas nested deep grow past what a file system takes (255
/// bytes); the longest schema names of real specs stay well under it.
const MAX_NAME_LEN: usize = 160;

/// `name` cut to [`MAX_NAME_LEN`], ending in a hash of the whole name so
/// that two long names that start alike stay two names, the same on every
/// run and machine.
fn shortened(name: &str, kind: Kind) -> String {
    // FNV-1a (64 bits): stable, unlike `std`'s hasher.
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let tail = match kind {
        Kind::Type | Kind::Variant => format!("H{:08x}", hash as u32),
        Kind::Value | Kind::Module => format!("_{:08x}", hash as u32),
    };
    let keep = MAX_NAME_LEN - tail.len();
    let end = name
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .take_while(|end| *end <= keep)
        .last()
        .unwrap_or(0);
    let head = name[..end].trim_end_matches('_');
    format!("{head}{tail}")
}

/// The words a property or parameter is named by, for [`rust_name`]: the
/// name itself, except that a comparison operator at its end, which range
/// filters put on a name (`DateSent<`, `price>=`, `status!=`), is spelled
/// out (`DateSent lt`, `price gt eq`, `status not eq`). Dropped, it would
/// leave `date_sent`, `date_sent2` and `date_sent3`, which say nothing of
/// which is which.
pub fn member_words(name: &str) -> std::borrow::Cow<'_, str> {
    let stem = name.trim_end_matches(['<', '>', '=', '!']);
    if stem.len() == name.len() {
        return std::borrow::Cow::Borrowed(name);
    }
    let operator: Vec<&str> = name[stem.len()..].chars().filter_map(symbol_name).collect();
    std::borrow::Cow::Owned(format!("{stem} {}", operator.join(" ")))
}

/// The words an enum value is named by, for [`rust_name`]: the value
/// itself, except that a signed number reads `minus …` or `plus …` (`-1`
/// and `+1` would otherwise be named as `1` is), and a value of symbols alone (`!=`,
/// `<=`, `-`, `🎉`) is spelled symbol by symbol (`not eq`, `lt eq`,
/// `minus`, `u1f389`), since an enum of operators would otherwise be
/// named `Empty`, `Empty2`, ….
pub fn enum_value_words(value: &str) -> String {
    for (sign, word) in [('-', "minus"), ('+', "plus")] {
        if let Some(digits) = value.strip_prefix(sign) {
            if digits.starts_with(|c: char| c.is_ascii_digit()) {
                return format!("{word} {digits}");
            }
        }
    }
    if value.is_empty() || value.chars().any(char::is_alphanumeric) {
        return value.to_owned();
    }
    value
        .chars()
        .map(|c| match symbol_name(c) {
            Some(name) => name.to_owned(),
            None => format!("u{:x}", c as u32),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The name of an ASCII symbol, as an enum of operators would read it.
fn symbol_name(c: char) -> Option<&'static str> {
    Some(match c {
        '!' => "not",
        '=' => "eq",
        '<' => "lt",
        '>' => "gt",
        '+' => "plus",
        '-' => "minus",
        '*' => "star",
        '/' => "slash",
        '\\' => "backslash",
        '%' => "percent",
        '&' => "and",
        '|' => "or",
        '^' => "caret",
        '~' => "tilde",
        '.' => "dot",
        ',' => "comma",
        ':' => "colon",
        ';' => "semicolon",
        '?' => "question",
        '@' => "at",
        '#' => "hash",
        '$' => "dollar",
        '_' => "underscore",
        ' ' => "space",
        '(' => "open paren",
        ')' => "close paren",
        '[' => "open bracket",
        ']' => "close bracket",
        '{' => "open brace",
        '}' => "close brace",
        '\'' => "quote",
        '"' => "double quote",
        '`' => "backtick",
        _ => return None,
    })
}

/// Replaces every character that cannot be part of an identifier with a
/// word break, so that `$schema`, `pairing-token` and `users.rules` split
/// into words the way a reader would split them. Identifiers are ASCII:
/// rustc refuses non-ASCII module (file) names, and lints on scripts mixed
/// in identifiers, so Latin letters lose their diacritics (`Größe` →
/// `Grosse`) and any other character becomes its code point as a word of
/// its own (`名前` → `u540d u524d`).
fn words(wire: &str) -> String {
    let mut out = String::with_capacity(wire.len());
    for c in wire.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if let Some(latin) = transliterate(c) {
            out.push_str(latin);
        } else if c.is_alphanumeric() {
            out.push_str(&format!(" u{:x} ", c as u32));
        } else {
            out.push(' ');
        }
    }
    out
}

/// The ASCII letters a Latin letter with a diacritic (or a ligature) is
/// written with when the diacritic is left out.
fn transliterate(c: char) -> Option<&'static str> {
    const TABLE: &[(&str, &str)] = &[
        ("ÀÁÂÃÄÅĀĂĄǍ", "A"),
        ("àáâãäåāăąǎª", "a"),
        ("ÇĆĈĊČ", "C"),
        ("çćĉċč", "c"),
        ("ĎĐÐ", "D"),
        ("ďđð", "d"),
        ("ÈÉÊËĒĔĖĘĚ", "E"),
        ("èéêëēĕėęě", "e"),
        ("ĜĞĠĢ", "G"),
        ("ĝğġģ", "g"),
        ("ĤĦ", "H"),
        ("ĥħ", "h"),
        ("ÌÍÎÏĨĪĬĮİǏ", "I"),
        ("ìíîïĩīĭįıǐ", "i"),
        ("Ĵ", "J"),
        ("ĵ", "j"),
        ("Ķ", "K"),
        ("ķĸ", "k"),
        ("ĹĻĽĿŁ", "L"),
        ("ĺļľŀł", "l"),
        ("ÑŃŅŇŊ", "N"),
        ("ñńņňŉŋ", "n"),
        ("ÒÓÔÕÖØŌŎŐǑ", "O"),
        ("òóôõöøōŏőǒº", "o"),
        ("ŔŖŘ", "R"),
        ("ŕŗř", "r"),
        ("ŚŜŞŠȘ", "S"),
        ("śŝşšș", "s"),
        ("ŢŤŦȚ", "T"),
        ("ţťŧț", "t"),
        ("ÙÚÛÜŨŪŬŮŰŲǓ", "U"),
        ("ùúûüũūŭůűųǔ", "u"),
        ("Ŵ", "W"),
        ("ŵ", "w"),
        ("ÝŶŸ", "Y"),
        ("ýÿŷ", "y"),
        ("ŹŻŽ", "Z"),
        ("źżž", "z"),
        ("Æ", "AE"),
        ("æ", "ae"),
        ("Œ", "OE"),
        ("œ", "oe"),
        ("ß", "ss"),
        ("ẞ", "SS"),
        ("Þ", "TH"),
        ("þ", "th"),
        ("Ĳ", "IJ"),
        ("ĳ", "ij"),
    ];
    TABLE
        .iter()
        .find(|(from, _)| from.contains(c))
        .map(|(_, to)| *to)
}

/// heck splits `OAuth` into `O` + `Auth`; a lone letter glued to the next
/// word reads better as one word (`oauth_client`, not `o_auth_client`).
fn join_initials(snake: &str) -> String {
    let parts: Vec<&str> = snake.split('_').collect();
    let mut out = String::with_capacity(snake.len());
    for (i, part) in parts.iter().enumerate() {
        out.push_str(part);
        let lone_letter = part.len() == 1 && part.chars().all(|c| c.is_ascii_alphabetic());
        let next_is_word = parts.get(i + 1).is_some_and(|n| n.len() > 1);
        if i + 1 < parts.len() && !(lone_letter && next_is_word) {
            out.push('_');
        }
    }
    out
}

/// The first to ask for each name of a scope, so that a later one renamed
/// because it reads the same once named (`thing` after `Thing`, `@type`
/// after `type`) can be told apart from it in a warning.
#[derive(Debug)]
pub struct FirstClaims<T> {
    first: BTreeMap<String, T>,
}

impl<T> Default for FirstClaims<T> {
    fn default() -> Self {
        Self {
            first: BTreeMap::new(),
        }
    }
}

impl<T: Clone> FirstClaims<T> {
    /// Records that `claimant` asked for the name `base` and got `got`:
    /// the first claimant of `base` when `got` is another name because of
    /// it, else `None`.
    pub fn renamed_after(&mut self, base: String, got: &str, claimant: T) -> Option<T> {
        match self.first.get(&base) {
            Some(first) if got != base => Some(first.clone()),
            Some(_) => None,
            None => {
                self.first.insert(base, claimant);
                None
            }
        }
    }
}

/// Hands out names unique within one scope (a module's types, a struct's
/// fields, an enum's variants). A clash gets the lowest free numeric suffix,
/// so the result depends only on the order of the calls, which the caller
/// keeps deterministic.
#[derive(Debug, Default, Clone)]
pub struct Namer {
    taken: BTreeSet<String>,
}

impl Namer {
    /// A scope in which `reserved` names are already taken.
    pub fn with_reserved<'a>(reserved: impl IntoIterator<Item = &'a str>) -> Self {
        Self {
            taken: reserved.into_iter().map(str::to_owned).collect(),
        }
    }

    /// The Rust name of `wire`, made unique in this scope.
    pub fn unique(&mut self, wire: &str, kind: Kind) -> String {
        self.claim(rust_name(wire, kind))
    }

    /// Claims `name` as it is, or with the lowest free suffix. The suffix
    /// keeps the name's case convention: `type_` → `type_2`, `v2` → `v2_2`,
    /// but `Self_` → `Self2` (an underscore after a letter is not
    /// UpperCamelCase), and `V1` → `V1_2` (digits have no case).
    pub fn claim(&mut self, name: String) -> String {
        if self.taken.insert(name.clone()) {
            return name;
        }
        let base = name.trim_end_matches('_');
        let camel = base.starts_with(|c: char| c.is_ascii_uppercase());
        let sep = if base.ends_with(|c: char| c.is_ascii_digit()) || (!camel && name.ends_with('_'))
        {
            "_"
        } else {
            ""
        };
        (2..)
            .map(|n| format!("{base}{sep}{n}"))
            .find(|candidate| self.taken.insert(candidate.clone()))
            .unwrap_or(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_too_long_for_a_file_are_cut_and_stay_apart() {
        let long = "Settings ".repeat(40);
        let a = rust_name(&format!("{long} Email"), Kind::Type);
        let b = rust_name(&format!("{long} Phone"), Kind::Type);
        assert!(a.len() <= MAX_NAME_LEN && b.len() <= MAX_NAME_LEN, "{a}");
        assert!(a.starts_with("SettingsSettings"), "{a}");
        assert_ne!(a, b);
        assert_eq!(a, rust_name(&format!("{long} Email"), Kind::Type));
        let module = rust_name(&a, Kind::Module);
        assert!(module.len() <= MAX_NAME_LEN, "{module}");
        assert!(module.starts_with("settings_settings_"), "{module}");
        assert!(!module.contains("__"), "{module}");
        // Names of real specs are kept whole (Genesys's longest is 137).
        let genesys = "bulk_response_result_external_organization_external_organization_enrich_request_bulk_entity_error_external_organization_enrich_request";
        assert_eq!(rust_name(genesys, Kind::Module), genesys);
    }

    #[test]
    fn package_names_from_titles_are_ascii_kebab_case_and_valid() {
        for (title, expected) in [
            (
                "Swagger Petstore - OpenAPI 3.0",
                "swagger-petstore-openapi-3-0",
            ),
            ("GitHub v3 REST API", "github-v3-rest-api"),
            ("Ünïcödé API", "unicode-api"),
            ("3D Printing API", "api-3d-printing-api"),
            ("", "openapi-client"),
            ("日本語", "openapi-client"),
            ("Self", "self-api"),
            ("Async", "async-api"),
            ("Test", "test-api"),
            ("Netlify's API Documentation", "netlifys-api-documentation"),
            ("Don\u{2019}t Panic API", "dont-panic-api"),
        ] {
            let name = package_name(title);
            assert_eq!(name, expected, "{title}");
            assert!(is_package_name(&name), "{name}");
        }
        let long = package_name(&"word ".repeat(40));
        assert!(long.len() <= 64 && is_package_name(&long), "{long}");
        for refused in ["self", "Self", "async", "std", "proc-macro"] {
            assert!(!is_package_name(refused), "{refused}");
        }
    }

    #[test]
    fn spdx_expressions_are_told_from_licence_prose() {
        for id in [
            "MIT",
            "Apache-2.0",
            "MIT OR Apache-2.0",
            "GPL-2.0+ WITH Classpath-exception-2.0",
        ] {
            assert!(is_spdx_like(id), "{id}");
        }
        for prose in [
            "Apache 2.0",
            "",
            "MIT or Apache",
            "Proprietary license, see website",
        ] {
            assert!(!is_spdx_like(prose), "{prose}");
        }
    }

    #[test]
    fn type_names_keep_acronym_casing_of_the_spec() {
        assert_eq!(rust_name("OAuthClient", Kind::Type), "OAuthClient");
        assert_eq!(rust_name("ApiUsageRow", Kind::Type), "ApiUsageRow");
        assert_eq!(
            rust_name("OAuthClientEntityListing", Kind::Type),
            "OAuthClientEntityListing"
        );
    }

    #[test]
    fn modules_read_as_words() {
        assert_eq!(rust_name("OAuthClient", Kind::Module), "oauth_client");
        assert_eq!(rust_name("OAuthApi", Kind::Module), "oauth_api");
        assert_eq!(
            rust_name("ApiUsageQueryResult", Kind::Module),
            "api_usage_query_result"
        );
    }

    #[test]
    fn method_names_come_out_snake_case() {
        assert_eq!(
            rust_name("getOauthClientUsageQueryResult", Kind::Value),
            "get_oauth_client_usage_query_result"
        );
        assert_eq!(
            rust_name("deleteOauthClient", Kind::Value),
            "delete_oauth_client"
        );
        assert_eq!(rust_name("Accept-Language", Kind::Value), "accept_language");
        assert_eq!(rust_name("clientId", Kind::Value), "client_id");
        assert_eq!(rust_name("X-Request-Tag", Kind::Value), "x_request_tag");
    }

    #[test]
    fn keywords_are_escaped() {
        assert_eq!(rust_name("type", Kind::Value), "type_");
        assert_eq!(rust_name("self", Kind::Value), "self_");
        assert_eq!(rust_name("Self", Kind::Variant), "Self_");
        assert_eq!(rust_name("async", Kind::Value), "async_");
        assert_eq!(rust_name("Result", Kind::Type), "ResultModel");
        assert_eq!(rust_name("Error", Kind::Type), "ErrorModel");
    }

    #[test]
    fn wire_names_that_are_not_identifiers_become_identifiers() {
        assert_eq!(rust_name("$schema", Kind::Value), "schema");
        assert_eq!(rust_name("pairing-token", Kind::Value), "pairing_token");
        assert_eq!(rust_name("1stValue", Kind::Value), "v1st_value");
        assert_eq!(rust_name("1stValue", Kind::Variant), "V1stValue");
        assert_eq!(rust_name("", Kind::Variant), "Empty");
        assert_eq!(rust_name("", Kind::Value), "empty");
    }

    #[test]
    fn comparison_operators_ending_a_member_name_are_spelled_out() {
        let value = |name: &str| rust_name(&member_words(name), Kind::Value);
        assert_eq!(value("DateSent"), "date_sent");
        assert_eq!(value("DateSent<"), "date_sent_lt");
        assert_eq!(value("DateSent>"), "date_sent_gt");
        assert_eq!(value("price>="), "price_gt_eq");
        assert_eq!(value("status!="), "status_not_eq");
        assert_eq!(value("<"), "lt");
        // Only at the end: elsewhere they separate words, as before.
        assert_eq!(value("a<b"), "a_b");
    }

    #[test]
    fn enum_values_of_symbols_and_negative_numbers_are_spelled_out() {
        let variant = |value: &str| rust_name(&enum_value_words(value), Kind::Variant);
        assert_eq!(variant("-1"), "Minus1");
        assert_eq!(variant("-2.5"), "Minus25");
        assert_eq!(variant("+1"), "Plus1");
        assert_eq!(variant("!="), "NotEq");
        assert_eq!(variant("<="), "LtEq");
        assert_eq!(variant(">"), "Gt");
        assert_eq!(variant("-"), "Minus");
        assert_eq!(variant("🎉"), "U1f389");
        assert_eq!(variant("a-b"), "AB");
        assert_eq!(variant("Größe"), "Grosse");
        assert_eq!(variant(""), "Empty");
    }

    #[test]
    fn enum_wire_values_become_variants() {
        assert_eq!(rust_name("SAML2-BEARER", Kind::Variant), "Saml2Bearer");
        assert_eq!(
            rust_name("CLIENT-CREDENTIALS", Kind::Variant),
            "ClientCredentials"
        );
        assert_eq!(rust_name("active", Kind::Variant), "Active");
        assert_eq!(rust_name("Unauthorized", Kind::Variant), "Unauthorized");
        assert_eq!(rust_name("users.rules", Kind::Variant), "UsersRules");
    }

    #[test]
    fn collisions_get_the_lowest_free_suffix_in_call_order() {
        let mut namer = Namer::default();
        assert_eq!(namer.unique("active", Kind::Variant), "Active");
        assert_eq!(namer.unique("ACTIVE", Kind::Variant), "Active2");
        assert_eq!(namer.unique("Active", Kind::Variant), "Active3");
        let mut fields = Namer::default();
        assert_eq!(fields.unique("type", Kind::Value), "type_");
        assert_eq!(fields.unique("type_", Kind::Value), "type_2");
        let mut numbered = Namer::default();
        assert_eq!(numbered.unique("v2", Kind::Value), "v2");
        assert_eq!(numbered.unique("V2", Kind::Value), "v2_2");
    }

    #[test]
    fn non_ascii_names_become_ascii_identifiers() {
        assert_eq!(rust_name("Größe", Kind::Type), "Grosse");
        assert_eq!(rust_name("Größe", Kind::Module), "grosse");
        assert_eq!(rust_name("höhe", Kind::Value), "hohe");
        assert_eq!(rust_name("état", Kind::Value), "etat");
        assert_eq!(rust_name("supprimé", Kind::Variant), "Supprime");
        assert_eq!(rust_name("名前", Kind::Value), "u540d_u524d");
        assert_eq!(rust_name("名前", Kind::Type), "U540dU524d");
    }

    #[test]
    fn collision_suffixes_keep_the_case_convention() {
        let mut variants = Namer::default();
        assert_eq!(variants.unique("Self", Kind::Variant), "Self_");
        assert_eq!(variants.unique("self", Kind::Variant), "Self2");
        assert_eq!(variants.unique("1", Kind::Variant), "V1");
        assert_eq!(variants.unique("+1", Kind::Variant), "V1_2");
        assert_eq!(variants.unique("-1", Kind::Variant), "V1_3");
    }

    /// rustc's `non_camel_case_types` rule.
    fn is_camel_case(name: &str) -> bool {
        let name = name.trim_matches('_');
        let chars: Vec<char> = name.chars().collect();
        !name.starts_with(char::is_lowercase)
            && !name.contains("__")
            && !chars.windows(2).any(|w| {
                let cased = |c: char| c.is_lowercase() || c.is_uppercase();
                (cased(w[0]) && w[1] == '_') || (cased(w[1]) && w[0] == '_')
            })
    }

    /// rustc's `non_snake_case` rule (also `non_camel_case` for modules).
    fn is_snake_case(name: &str) -> bool {
        let name = name.trim_matches('_');
        !name.contains("__") && !name.chars().any(char::is_uppercase)
    }

    /// Names a spec can give: keywords, the builder's own names, prelude
    /// types, numbers, signs, punctuation, separators, case variants,
    /// non-Latin scripts, combining marks and emoji, each also wrapped in
    /// underscores and dashes and written in upper and lower case.
    fn hostile_names() -> Vec<String> {
        let mut bases: Vec<String> = KEYWORDS
            .iter()
            .chain(RESERVED_TYPE_NAMES)
            .chain(RESERVED_PARAMETER_NAMES)
            .chain(RESERVED_MODULES)
            .chain(RESERVED_ACCESSORS)
            .map(|s| s.to_string())
            .collect();
        bases.extend(
            [
                "",
                "_",
                "__",
                "-",
                "$",
                " ",
                "+1",
                "-1",
                "1",
                "0.5",
                "1e3",
                "null",
                "true",
                "count",
                "__count__",
                "_count",
                "COUNT",
                "a b",
                "a_b",
                "a-b",
                "a.b",
                "a/b",
                "*",
                "%",
                "@type",
                "#tag",
                "r#type",
                "Other",
                "Unknown",
                "Empty",
                "V1",
                "v1",
                "Self_",
                "self_",
                "type_",
                "HTTPServer",
                "HttpServer",
                "http_server",
                "ID",
                "id",
                "Id",
                "iD",
                "x-request-id",
                "X-Request-ID",
                "café",
                "cafe",
                "Café",
                "Größe",
                "GROSSE",
                "état",
                "名前",
                "ключ",
                "κλειδί",
                "مفتاح",
                "🔑",
                "e\u{301}",
                "ǅ",
                "ﬁ",
                "Ⅻ",
                "١٢٣",
                "\t",
                "a\nb",
                "getItem",
                "get_item",
                "GetItem",
                "get-item",
                "GET /items/{id}",
            ]
            .iter()
            .map(|s| s.to_string()),
        );
        let mut names = Vec::new();
        for base in &bases {
            for variant in [
                base.clone(),
                base.to_uppercase(),
                base.to_lowercase(),
                format!("_{base}"),
                format!("{base}_"),
                format!("-{base}-"),
                format!("{base}2"),
                format!("2{base}"),
            ] {
                names.push(variant);
            }
        }
        names
    }

    #[test]
    fn every_hostile_name_becomes_a_distinct_ascii_identifier_of_its_kind() {
        let names = hostile_names();
        for kind in [Kind::Type, Kind::Variant, Kind::Value, Kind::Module] {
            let mut namer = match kind {
                Kind::Module => Namer::with_reserved(RESERVED_MODULES.iter().copied()),
                Kind::Value => Namer::with_reserved(RESERVED_PARAMETER_NAMES.iter().copied()),
                _ => Namer::default(),
            };
            let mut seen = BTreeSet::new();
            for wire in &names {
                let name = namer.unique(wire, kind);
                assert!(
                    syn::parse_str::<syn::Ident>(&name).is_ok(),
                    "{wire:?} as {kind:?} gave {name:?}, not an identifier"
                );
                assert!(name.is_ascii(), "{wire:?} as {kind:?} gave {name:?}");
                assert!(!name.starts_with("r#"), "{wire:?} gave raw {name:?}");
                let conventional = match kind {
                    Kind::Type | Kind::Variant => is_camel_case(&name),
                    Kind::Value | Kind::Module => is_snake_case(&name),
                };
                assert!(
                    conventional,
                    "{wire:?} as {kind:?} gave {name:?}, which rustc lints"
                );
                assert!(
                    seen.insert(name.clone()),
                    "{wire:?} as {kind:?}: {name:?} handed out twice"
                );
                match kind {
                    Kind::Type => assert!(!RESERVED_TYPE_NAMES.contains(&name.as_str())),
                    Kind::Module => assert!(!RESERVED_MODULES.contains(&name.as_str())),
                    Kind::Value => {
                        assert!(!RESERVED_PARAMETER_NAMES.contains(&name.as_str()))
                    }
                    Kind::Variant => {}
                }
            }
            // The same calls in the same order give the same names.
            let mut again = match kind {
                Kind::Module => Namer::with_reserved(RESERVED_MODULES.iter().copied()),
                Kind::Value => Namer::with_reserved(RESERVED_PARAMETER_NAMES.iter().copied()),
                _ => Namer::default(),
            };
            let replay: BTreeSet<String> = names.iter().map(|w| again.unique(w, kind)).collect();
            assert_eq!(replay, seen, "{kind:?} names are not deterministic");
        }
    }

    #[test]
    fn reserved_names_are_never_handed_out() {
        let mut namer = Namer::with_reserved(["Unknown"]);
        assert_eq!(namer.unique("unknown", Kind::Variant), "Unknown2");
    }
}
