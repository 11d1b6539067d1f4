//! The intermediate representation: plain, ordered data that is the contract
//! between the spec side (`lower`) and the output side (`render`). It keeps
//! every Rust name beside the wire name it came from, and holds no
//! `openapiv3` or `proc_macro2` types, so it can be snapshotted as YAML.

use serde::Serialize;
use std::collections::BTreeMap;

/// Everything the renderers need to produce the client crate.
#[derive(Debug, Clone, Serialize)]
pub struct Api {
    /// `info.title` of the spec.
    pub title: String,
    /// `info.version` of the spec.
    pub version: String,
    /// `info.description` of the spec.
    pub description: Option<String>,
    /// The first server's URL, with its variables at their defaults: the
    /// client's default base URL. `None` when the spec names no server, or
    /// only a relative one: the client then needs a base URL at build time.
    pub default_base_url: Option<String>,
    /// The path of a relative first server URL (`/api/v3`), which every
    /// operation's path then starts with; the client is given the host.
    pub base_path: Option<String>,
    /// The variables of the first server's URL, when that URL is the
    /// default base URL: the client's builder sets them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_template: Option<ServerTemplate>,
    /// The model that error responses carry, when all of them share one.
    pub error_model: Option<ErrorModel>,
    /// One group per selected tag, in the order of the settings.
    pub groups: Vec<ApiGroup>,
    /// Every type the selected operations reach, ordered by Rust name.
    pub types: Vec<TypeDef>,
    /// The cargo feature of each group, and those that gate each type.
    pub features: Features,
    /// The vendor conventions the crate is rendered with (a setting, not
    /// part of the spec).
    pub profile: crate::config::Profile,
    /// The security schemes the selected operations use and the runtime
    /// can serve, in the spec's order (`components/securitySchemes`).
    pub security_schemes: Vec<SecurityScheme>,
    /// The selected tags some of whose operations are in another tag's
    /// group (an operation is in the group of the first selected tag it
    /// carries only), in tag order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shared_tags: Vec<SharedTag>,
}

/// A selected tag with operations in other tags' groups.
#[derive(Debug, Clone, Serialize)]
pub struct SharedTag {
    /// The tag, as the spec writes it.
    pub tag: String,
    /// The Rust names of the groups that hold its operations (its own
    /// among them when it has one), in group order.
    pub groups: Vec<String>,
    /// Whether it is a group of its own (some operation's first tag).
    pub own_group: bool,
}

/// A server URL with variables (OpenAPI 3.0 §4.7.6): `https://{domain}/v1`.
#[derive(Debug, Clone, Serialize)]
pub struct ServerTemplate {
    /// The URL as the spec writes it, without a trailing `/`: `{name}`
    /// where each variable goes.
    pub url: String,
    /// The variables the URL names, in the spec's order.
    pub variables: Vec<ServerVariable>,
}

/// One variable of a server URL.
#[derive(Debug, Clone, Serialize)]
pub struct ServerVariable {
    /// Its name, as in the URL's `{name}`.
    pub name: String,
    /// The value used when the caller gives none.
    pub default: String,
    /// `enum`: the values it may take; any when empty.
    pub allowed: Vec<String>,
    /// The spec's description.
    pub description: Option<String>,
}

/// Which cargo features compile what: one per group, and for each type
/// the groups whose operations reach it (any of them compiles it).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Features {
    /// Group Rust name → its feature (`OAuthApi` → `oauth`).
    pub groups: BTreeMap<String, String>,
    /// Type Rust name → the features of the groups that reach it.
    pub types: BTreeMap<String, std::collections::BTreeSet<String>>,
}

impl Features {
    /// The feature of `group`.
    pub fn of_group(&self, group: &ApiGroup) -> &str {
        self.groups.get(&group.rust_name).map_or("", String::as_str)
    }

    /// The features that compile the type `rust_name`, in order.
    pub fn of_type(&self, rust_name: &str) -> Vec<&str> {
        self.types
            .get(rust_name)
            .map(|set| set.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }
}

/// One entry of `components/securitySchemes` that an operation uses.
#[derive(Debug, Clone, Serialize)]
pub struct SecurityScheme {
    /// The scheme's key in `components/securitySchemes`, as operations'
    /// `security` name it.
    pub name: String,
    /// The scheme's name as a Rust value (`api_key`).
    pub rust_name: String,
    /// For an API key, the `ClientBuilder` method that sets it: `api_key`
    /// when the spec has one apiKey scheme, else `api_key_<scheme>`.
    pub key_method: Option<String>,
    /// How the credentials travel.
    pub kind: SecurityKind,
    /// The spec's description.
    pub description: Option<String>,
    /// JSON pointer to the scheme.
    pub pointer: String,
}

/// How a security scheme's credentials are sent (OpenAPI 3.0 Security
/// Scheme Object).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SecurityKind {
    /// `type: http, scheme: bearer`: `Authorization: Bearer <token>`
    /// (RFC 6750).
    Bearer {
        /// `bearerFormat`, a hint such as `JWT`.
        format: Option<String>,
    },
    /// `type: http, scheme: basic`: `Authorization: Basic …` (RFC 7617).
    Basic,
    /// `type: apiKey`: a key sent as a header, query parameter or cookie.
    ApiKey {
        /// Where the key goes.
        location: ApiKeyLocation,
        /// The header, query parameter or cookie name.
        wire_name: String,
    },
    /// `type: oauth2`: a bearer token from an OAuth 2.0 server (RFC 6749).
    OAuth2 {
        /// The client-credentials flow's `tokenUrl`, when the scheme has
        /// that flow: the client can then get and renew its own token.
        token_url: Option<String>,
        /// The flows the spec lists (`clientCredentials`, `implicit`…).
        flows: Vec<String>,
    },
    /// `type: openIdConnect`: a bearer token from an OpenID Connect
    /// provider.
    OpenIdConnect {
        /// `openIdConnectUrl`, the provider's discovery document.
        url: String,
    },
}

impl SecurityKind {
    /// Whether the scheme's credential is a bearer token.
    pub fn is_bearer(&self) -> bool {
        matches!(
            self,
            SecurityKind::Bearer { .. }
                | SecurityKind::OAuth2 { .. }
                | SecurityKind::OpenIdConnect { .. }
        )
    }
}

/// Where an API key is sent.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ApiKeyLocation {
    /// A request header.
    Header,
    /// A query parameter.
    Query,
    /// A cookie, in the `Cookie` header.
    Cookie,
}

/// One alternative of an operation's `security`: the schemes whose
/// credentials are all sent together.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SecurityRequirement {
    /// The schemes' names, as keys of `components/securitySchemes`.
    pub schemes: Vec<String>,
}

/// The model shared by error responses, and which of its fields the error
/// type shows in its message.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorModel {
    /// Rust name of the model.
    pub type_name: String,
    /// Rust name of a string field holding a human-readable message.
    pub message_field: Option<String>,
    /// Whether the message field is an `Option` (not required, or
    /// nullable).
    pub message_optional: bool,
    /// Rust name of a string field holding a machine-readable code.
    pub code_field: Option<String>,
    /// Whether the code field is an `Option`.
    pub code_optional: bool,
}

/// The operations of one tag, rendered as one `…Api` struct.
#[derive(Debug, Clone, Serialize)]
pub struct ApiGroup {
    /// The tag, as in the spec (`OAuth`).
    pub tag: String,
    /// The struct's name (`OAuthApi`).
    pub rust_name: String,
    /// The module and file name (`oauth_api`).
    pub module: String,
    /// The client's accessor method (`oauth`).
    pub accessor: String,
    /// Ordered by Rust method name.
    pub operations: Vec<Operation>,
}

/// One HTTP operation.
#[derive(Debug, Clone, Serialize)]
pub struct Operation {
    /// `operationId` as in the spec.
    pub operation_id: String,
    /// The method on the API struct (`get_oauth_client`).
    pub rust_name: String,
    /// The request builder the method returns (`GetOauthClient`).
    pub builder_name: String,
    /// Upper-case HTTP method (`GET`).
    pub method: String,
    /// The path template as in the spec (`/api/v2/oauth/clients/{clientId}`).
    pub path: String,
    /// The path template split into literals and parameters, without the
    /// query or fragment the spec's path key may carry.
    pub path_segments: Vec<PathSegment>,
    /// Query pairs the spec's path key carries after a `?`
    /// (`/items?action=archive`), percent-encoded, sent before the
    /// operation's query parameters.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub path_query: Vec<(String, String)>,
    /// Path parameters in template order, then query, then header.
    pub parameters: Vec<Parameter>,
    /// The JSON request body, if any.
    pub body: Option<Body>,
    /// What a successful call returns: `None` for no content.
    pub success: Option<TypeRef>,
    /// How the success body is decoded.
    pub success_media: Media,
    /// The `Accept` header the call sends (RFC 9110 §12.5.1): the media
    /// types of the responses the client decodes, the successes' first;
    /// `application/json` when the spec names none.
    pub accept: String,
    /// Every response of the spec, in the spec's order.
    pub responses: Vec<Response>,
    /// Documentation facts.
    pub docs: OperationDocs,
    /// Set when the success type is a paged listing: the builder can then
    /// stream every item of every page.
    pub paging: Option<OperationPaging>,
    /// Set when the 2xx responses carry different bodies: the call then
    /// resolves to an enum of them, named here, instead of `success`.
    pub success_enum: Option<SuccessEnum>,
    /// JSON pointer to the operation in the spec.
    pub pointer: String,
    /// The operation's effective `security` (its own, else the document's):
    /// alternatives in the spec's order, the first whose credentials the
    /// client has being used. Empty: no credentials are sent. `None`: the
    /// runtime's default applies (no credentials; the bearer token with
    /// the Genesys profile), when the spec declares no security at all, or
    /// with the Genesys profile, none for this operation.
    pub security: Option<Vec<SecurityRequirement>>,
}

/// The enum a call resolves to when its 2xx responses differ.
#[derive(Debug, Clone, Serialize)]
pub struct SuccessEnum {
    /// The enum's name, in the API module.
    pub rust_name: String,
    /// One per 2xx response, in the spec's order.
    pub variants: Vec<SuccessVariant>,
}

/// One 2xx response of a [`SuccessEnum`].
#[derive(Debug, Clone, Serialize)]
pub struct SuccessVariant {
    /// The status as the spec writes it (`201`).
    pub status: String,
    /// The variant's name (`Status201`).
    pub rust_name: String,
    /// The body's type; `None` for no content.
    pub ty: Option<TypeRef>,
    /// How the body is decoded.
    pub media: Media,
    /// The response's description.
    pub description: String,
}

/// How an operation's pages are walked.
#[derive(Debug, Clone, Serialize)]
pub struct OperationPaging {
    /// The type of one item.
    pub item: TypeRef,
    /// The Rust name and type of the `pageNumber` query parameter, when the
    /// operation has one: pages are then also requested by number.
    pub page_number_param: Option<(String, TypeRef)>,
}

/// The fields that make a struct a page of a Genesys listing: `entities`,
/// and `nextUri` or `pageNumber` with `pageCount`.
#[derive(Debug, Clone, Serialize)]
pub struct PageFields {
    /// Rust name of the `entities` field.
    pub entities: String,
    /// The type of one entity.
    pub item: TypeRef,
    /// Rust name of the `nextUri` field.
    pub next_uri: Option<String>,
    /// Rust name and type of the `pageNumber` field.
    pub page_number: Option<(String, TypeRef)>,
    /// Rust name and type of the `pageCount` field.
    pub page_count: Option<(String, TypeRef)>,
}

/// A piece of a path template.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PathSegment {
    /// Text copied as it is.
    Literal {
        /// The text.
        text: String,
    },
    /// A path parameter, percent-encoded into one segment.
    Parameter {
        /// The parameter's wire name.
        wire_name: String,
        /// The parameter's Rust name.
        rust_name: String,
    },
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Location {
    /// A path segment.
    Path,
    /// The query string.
    Query,
    /// A request header.
    Header,
    /// A cookie of the `Cookie` header.
    Cookie,
}

/// How a parameter's value is laid out: OpenAPI 3.0's `style` (Parameter
/// Object, "Style Values"). Swagger 2.0's `collectionFormat` arrives here
/// through the import (`multi` → exploded `form`, `ssv` → `space_delimited`,
/// `pipes` → `pipe_delimited`, `csv` → `form` or `simple`).
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ParamStyle {
    /// `name=a,b`; exploded, `name=a&name=b` (query, cookie).
    Form,
    /// Items joined by a space (query arrays).
    SpaceDelimited,
    /// Items joined by `|` (query arrays).
    PipeDelimited,
    /// `name[key]=value` (query objects).
    DeepObject,
    /// `a,b` (path, header).
    Simple,
    /// `.a,b` (path).
    Label,
    /// `;name=a,b` (path).
    Matrix,
}

/// A path, query, header or cookie parameter.
#[derive(Debug, Clone, Serialize)]
pub struct Parameter {
    /// The name on the wire (`clientId`, `Accept-Language`).
    pub wire_name: String,
    /// The Rust name (`client_id`, `accept_language`).
    pub rust_name: String,
    /// Where it goes.
    pub location: Location,
    /// Its type.
    pub ty: TypeRef,
    /// Whether the caller must give it.
    pub required: bool,
    /// The server-side default, as the spec writes it.
    pub default: Option<String>,
    /// How an array or object is laid out.
    pub style: ParamStyle,
    /// With `explode`, an array or object is written item by item (`form`:
    /// the name repeated for each item).
    pub explode: bool,
    /// The spec's description.
    pub description: Option<String>,
}

/// How a body is encoded, as its media type says.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Media {
    /// JSON: `application/json` (with any parameters), `*/*+json`, or `*/*`
    /// with a schema.
    Json,
    /// `application/x-www-form-urlencoded` (request bodies only).
    Form,
    /// `multipart/form-data` (request bodies only).
    Multipart,
    /// `text/*` and XML: a `String`.
    Text,
    /// Anything else: raw bytes.
    Binary,
}

/// A request body.
#[derive(Debug, Clone, Serialize)]
pub struct Body {
    /// The Rust name of the argument (`body`).
    pub rust_name: String,
    /// The media type sent, as the spec writes it.
    pub content_type: String,
    /// How it is encoded.
    pub media: Media,
    /// Its type.
    pub ty: TypeRef,
    /// Whether the caller must give it.
    pub required: bool,
    /// The spec's description.
    pub description: Option<String>,
}

/// One response of an operation.
#[derive(Debug, Clone, Serialize)]
pub struct Response {
    /// The status code or `default`, as in the spec.
    pub status: String,
    /// The spec's description.
    pub description: String,
    /// The body's type, if it has one.
    pub ty: Option<TypeRef>,
    /// How the body is decoded: JSON, text or bytes.
    pub media: Media,
    /// The media types decoded, as the spec writes them (`application/json`,
    /// `text/csv`), in its order: the one the client prefers and every
    /// other it decodes the same way; empty when the response has no body
    /// the client reads.
    pub content_types: Vec<String>,
    /// `x-inin-error-codes`: error code → text.
    pub error_codes: BTreeMap<String, String>,
}

/// Documentation facts of an operation.
#[derive(Debug, Clone, Serialize)]
pub struct OperationDocs {
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `x-inin-requires-permissions`.
    pub permissions: Option<Permissions>,
    /// `deprecated`.
    pub deprecated: bool,
}

/// The permissions an operation requires.
#[derive(Debug, Clone, Serialize)]
pub struct Permissions {
    /// `ANY` or `ALL`, as in the spec.
    pub kind: String,
    /// The permission strings.
    pub permissions: Vec<String>,
}

/// A reference to a type, as used by fields, parameters and bodies.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TypeRef {
    /// A string; `format` is kept for docs (`uri`, `date`…).
    String {
        /// The spec's format, if any.
        format: Option<String>,
    },
    /// An RFC 3339 date-time.
    DateTime,
    /// A full date (`2026-11-29`).
    Date,
    /// A 32-bit signed integer.
    I32,
    /// A 64-bit signed integer.
    I64,
    /// A 32-bit unsigned integer (`format: uint32`).
    U32,
    /// A 64-bit unsigned integer (`format: uint64`): ids beyond `i64::MAX`
    /// decode.
    U64,
    /// A 32-bit float.
    F32,
    /// A 64-bit float.
    F64,
    /// A boolean.
    Bool,
    /// Any JSON value.
    Json,
    /// Raw bytes: an `application/octet-stream` body.
    Bytes,
    /// A generated type, by Rust name.
    Named {
        /// The Rust name of the [`TypeDef`].
        name: String,
    },
    /// A list.
    Array {
        /// The item type.
        items: Box<TypeRef>,
        /// `uniqueItems`.
        unique: bool,
    },
    /// A string-keyed map.
    Map {
        /// The value type.
        values: Box<TypeRef>,
    },
    /// A value that may be `null` (`nullable: true`) where no field's
    /// `Option` says so: array items, map values, union alternatives.
    Nullable {
        /// The type of a value that is not `null`.
        inner: Box<TypeRef>,
    },
}

/// A generated type.
#[derive(Debug, Clone, Serialize)]
pub struct TypeDef {
    /// The Rust name.
    pub rust_name: String,
    /// The schema name, or for inline schemas the place it was found.
    pub wire_name: String,
    /// The module (and file) it lives in.
    pub module: String,
    /// The schema's description.
    pub description: Option<String>,
    /// JSON pointer to the schema in the spec.
    pub pointer: String,
    /// What it is.
    pub kind: TypeKind,
    /// Set when the type is a page of a listing.
    pub page: Option<PageFields>,
}

/// The shape of a generated type.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TypeKind {
    /// An object with known properties.
    Struct {
        /// In the spec's property order.
        fields: Vec<Field>,
        /// The other properties, when `additionalProperties` allows them
        /// beside the known ones: a flattened map.
        additional: Option<AdditionalField>,
    },
    /// A string (or integer) enum that keeps values it doesn't know.
    Enum {
        /// In the spec's order.
        variants: Vec<Variant>,
        /// The name of the variant that carries unknown values.
        unknown_variant: String,
        /// `I32` or `I64` for an integer enum; `None` for a string enum.
        integer: Option<TypeRef>,
    },
    /// One of several types (`oneOf`/`anyOf`). Tagged by a property when
    /// the spec names a discriminator; otherwise tried in order, most
    /// specific first, with `Other` keeping any JSON that fits none.
    Union {
        /// In decoding order.
        variants: Vec<UnionVariant>,
        /// The discriminator's property, for a tagged union.
        discriminator: Option<String>,
        /// The variant that keeps what fits no other.
        other_variant: String,
    },
    /// Another name for a type (an array or map schema, say).
    Alias {
        /// The aliased type.
        target: TypeRef,
        /// Set when the name is a tuple struct around `target`, with the
        /// same JSON form, rather than a `type` alias: Rust has no
        /// recursive type alias, so an array that holds itself
        /// (`Tree: {type: array, items: {$ref: Tree}}`) is
        /// `struct Tree(pub Vec<Tree>)`.
        wrapped: bool,
    },
}

/// One alternative of a union.
#[derive(Debug, Clone, Serialize)]
pub struct UnionVariant {
    /// The Rust name.
    pub rust_name: String,
    /// The type it holds.
    pub ty: TypeRef,
    /// The discriminator value that selects it, for a tagged union.
    pub tag: Option<String>,
    /// Further discriminator values that select it too: a `mapping` with
    /// several keys naming one schema.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub more_tags: Vec<String>,
    /// Held in a `Box`: the variant closes a cycle of types.
    pub boxed: bool,
    /// For an untagged union: the properties the data must have for this
    /// alternative to be chosen (its required ones).
    pub required: Vec<String>,
    /// For an untagged union: property → the one value the alternative
    /// allows there (a one-value enum), as JSON text.
    pub fixed: Vec<(String, String)>,
    /// For an untagged union of several objects: every property this
    /// alternative names, when it takes no others. Data whose properties
    /// are all among them fits it best, and picks it before an alternative
    /// that would only skip what it doesn't know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<Vec<String>>,
}

/// The map that holds the properties a struct doesn't name.
#[derive(Debug, Clone, Serialize)]
pub struct AdditionalField {
    /// The Rust name of the map field.
    pub rust_name: String,
    /// The type of one value.
    pub ty: TypeRef,
    /// The `allOf` parts whose properties the map holds too, as pointers
    /// into the spec: parts left out with `skip_unsupported` because they
    /// can't be merged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unmerged_parts: Vec<String>,
}

/// A struct field.
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    /// The Rust name.
    pub rust_name: String,
    /// The JSON property name.
    pub wire_name: String,
    /// Its type, without the `Option` that `required` decides.
    pub ty: TypeRef,
    /// Listed in `required` (and not read-only): never omitted.
    pub required: bool,
    /// `readOnly`: set by the server only.
    pub read_only: bool,
    /// `writeOnly`: sent, never returned.
    pub write_only: bool,
    /// The spec's default, as JSON text: what the server assumes when the
    /// field is left out.
    pub default: Option<String>,
    /// Held in a `Box`: the field closes a cycle of types that would
    /// otherwise contain themselves.
    pub boxed: bool,
    /// `nullable`: `null` is a value of its own. An optional nullable field
    /// has three states: absent, `null`, or a value.
    pub nullable: bool,
    /// Holds a secret: hidden from `Debug`.
    pub sensitive: bool,
    /// The property's description.
    pub description: Option<String>,
    /// `deprecated`.
    pub deprecated: bool,
    /// The discriminator value that marks this struct as one subtype of a
    /// polymorphic base (`"click"` in `kind` for `Click`, a subtype of
    /// `Event`): `new` and `Default` set the field to it rather than take
    /// it, so a value built by hand is sent with its type's tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
}

/// An enum's known value.
#[derive(Debug, Clone, Serialize)]
pub struct Variant {
    /// The Rust name.
    pub rust_name: String,
    /// The exact wire value: the string, or the integer's digits.
    pub wire_value: String,
}

impl Location {
    /// The OpenAPI word for it (`path`, `query`, `header`).
    pub fn as_str(self) -> &'static str {
        match self {
            Location::Path => "path",
            Location::Query => "query",
            Location::Header => "header",
            Location::Cookie => "cookie",
        }
    }
}

impl Api {
    /// Whether some operation lists the permissions it requires
    /// (`x-inin-requires-permissions`): the docs then also say when an
    /// operation requires none.
    pub fn documents_permissions(&self) -> bool {
        self.groups
            .iter()
            .flat_map(|g| &g.operations)
            .any(|op| op.docs.permissions.is_some())
    }

    /// Whether any operation returns a paged listing: the crate then has
    /// the paging runtime.
    pub fn has_paging(&self) -> bool {
        self.groups
            .iter()
            .flat_map(|g| &g.operations)
            .any(|op| op.paging.is_some())
    }

    /// The type named `rust_name`. A binary search: `types` is ordered by
    /// Rust name, and renderers ask this for every named type they meet
    /// (a whole platform has thousands).
    pub fn type_def(&self, rust_name: &str) -> Option<&TypeDef> {
        self.types
            .binary_search_by(|t| t.rust_name.as_str().cmp(rust_name))
            .ok()
            .map(|i| &self.types[i])
    }

    /// The number of operations over all groups.
    pub fn operation_count(&self) -> usize {
        self.groups.iter().map(|g| g.operations.len()).sum()
    }
}

impl TypeRef {
    /// Whether the JSON `value` (a spec's `default`, say) is a value of
    /// this type: a number of the right kind (`25.0` is an integer, `"25"`
    /// is not), a boolean, a string of the right format, one of an enum's
    /// values, an array or map whose items all are. `null` is never a value
    /// of the type itself; nullability is the caller's to judge. `types`
    /// looks up the generated types by Rust name.
    pub fn accepts<'t>(
        &self,
        value: &serde_json::Value,
        types: &dyn Fn(&str) -> Option<&'t TypeDef>,
    ) -> bool {
        use serde_json::Value;
        let integral = |v: &Value, min: i64, max: i64| match (v.as_i64(), v.as_f64()) {
            (Some(n), _) => (min..=max).contains(&n),
            (None, Some(f)) => {
                f.fract() == 0.0 && f >= min as f64 && f <= max as f64 && v.as_u64().is_none()
            }
            _ => false,
        };
        match (self, value) {
            (TypeRef::Nullable { .. }, Value::Null) => true,
            (TypeRef::Nullable { inner }, v) => inner.accepts(v, types),
            (_, Value::Null) => false,
            (TypeRef::Json, _) => true,
            (TypeRef::String { .. } | TypeRef::Bytes, Value::String(_)) => true,
            (TypeRef::Date, Value::String(s)) => is_full_date(s),
            (TypeRef::DateTime, Value::String(s)) => is_date_time(s),
            (TypeRef::I32, v) => integral(v, i32::MIN.into(), i32::MAX.into()),
            (TypeRef::I64, v) => integral(v, i64::MIN, i64::MAX),
            (TypeRef::U32, v) => integral(v, 0, u32::MAX.into()),
            (TypeRef::U64, v) => v.as_u64().is_some() || integral(v, 0, i64::MAX),
            (TypeRef::F32 | TypeRef::F64, Value::Number(_)) => true,
            (TypeRef::Bool, Value::Bool(_)) => true,
            (TypeRef::Array { items, .. }, Value::Array(values)) => {
                values.iter().all(|v| items.accepts(v, types))
            }
            (TypeRef::Map { values: ty }, Value::Object(map)) => {
                map.values().all(|v| ty.accepts(v, types))
            }
            (TypeRef::Named { name }, v) => match types(name).map(|d| &d.kind) {
                Some(TypeKind::Enum {
                    variants, integer, ..
                }) => {
                    let wire = match (integer, v) {
                        (None, Value::String(s)) => s.clone(),
                        (Some(_), Value::Number(n)) => n.to_string(),
                        _ => return false,
                    };
                    variants.iter().any(|variant| variant.wire_value == wire)
                }
                Some(TypeKind::Struct { .. }) => v.is_object(),
                Some(TypeKind::Union { .. }) => true,
                Some(TypeKind::Alias { target, .. }) => target.accepts(v, types),
                None => false,
            },
            _ => false,
        }
    }
}

/// `2026-11-29` (RFC 3339 `full-date`).
fn is_full_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// `2026-11-29T10:20:30Z`, `…T10:20:30.5+01:00` (RFC 3339 `date-time`).
fn is_date_time(s: &str) -> bool {
    let Some((date, time)) = s.split_once(['T', 't']) else {
        return false;
    };
    let b = time.as_bytes();
    is_full_date(date)
        && b.len() >= 9
        && b[..8].iter().enumerate().all(|(i, c)| match i {
            2 | 5 => *c == b':',
            _ => c.is_ascii_digit(),
        })
        && (time.ends_with(['Z', 'z']) || time[8..].contains(['+', '-']))
}
