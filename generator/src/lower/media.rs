//! Media types, parsed rather than matched: `application/json; charset=utf-8`
//! and `application/problem+json` are JSON, `text/csv` is text, and
//! `image/png` is bytes.

use crate::ir::Media;

/// The essence of a media type (RFC 9110, section 8.3.1): `type/subtype`,
/// lower-cased, without parameters.
pub(super) fn essence(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// What a body's schema says its data is, for media types that leave it
/// open (`*/*`, `application/*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Data {
    /// No schema: nothing is known of the body.
    Unknown,
    /// `type: string` (but not `format: binary`): text.
    Text,
    /// `type: string, format: binary`: bytes as they come.
    Bytes,
    /// Anything else (an object, an array, a number, a reference to a
    /// model…): a structure, which only JSON among the wildcard's
    /// members can carry.
    Structured,
}

/// What `media_type` is, or `None` for a body the client has no
/// representation for (a multipart or form response). A wildcard that any
/// type matches (`*/*`, `application/*`) is what its schema describes:
/// text for a string, bytes for binary data or no schema, JSON for a
/// structure, so that `text/plain` data under `*/*: {type: string}` is
/// read as the text it is, as under `text/plain` itself. `text/*` is
/// text, and other wildcards (`image/*`) bytes, like their members.
pub(super) fn kind(media_type: &str, data: Data, response: bool) -> Option<Media> {
    let essence = essence(media_type);
    let (top, sub) = essence.split_once('/').unwrap_or((essence.as_str(), ""));
    Some(match (top, sub) {
        (_, "json") => Media::Json,
        (_, sub) if sub.ends_with("+json") => Media::Json,
        ("*", "*") | ("application", "*") => match data {
            Data::Structured => Media::Json,
            Data::Text => Media::Text,
            Data::Bytes | Data::Unknown => Media::Binary,
        },
        ("application", "x-www-form-urlencoded") if !response => Media::Form,
        ("multipart", "form-data") if !response => Media::Multipart,
        ("application", "x-www-form-urlencoded") | ("multipart", _) => return None,
        ("text", _) | ("application", "xml") | ("application", "javascript") => Media::Text,
        (_, sub) if sub.ends_with("+xml") => Media::Text,
        _ => Media::Binary,
    })
}

/// Whether `media_type` is XML (`application/xml`, `text/xml`, `…+xml`).
pub(super) fn is_xml(media_type: &str) -> bool {
    let essence = essence(media_type);
    let sub = essence.split_once('/').map_or("", |(_, sub)| sub);
    sub == "xml" || sub.ends_with("+xml")
}

/// Whether `media_type` is a range (`*/*`, `text/*`) rather than one type.
pub(super) fn is_wildcard(media_type: &str) -> bool {
    essence(media_type).contains('*')
}

/// The media type a request body of `media` is sent as when the spec
/// gives only a range (`*/*`, `text/*`): `Content-Type` names one type,
/// never a range. A concrete type is sent as the spec writes it.
pub(super) fn concrete(media_type: &str, media: Media) -> String {
    if !is_wildcard(media_type) {
        return media_type.to_owned();
    }
    match media {
        Media::Json => "application/json",
        Media::Text => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
    .to_owned()
}

/// The order in which the client prefers the media types a body offers:
/// typed JSON first, then forms, text and bytes.
pub(super) fn preference(media: Media) -> usize {
    match media {
        Media::Json => 0,
        Media::Form => 1,
        Media::Multipart => 2,
        Media::Text => 3,
        Media::Binary => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_recognised_with_parameters_and_suffixes() {
        assert_eq!(
            kind("application/json; charset=utf-8", Data::Structured, true),
            Some(Media::Json)
        );
        assert_eq!(
            kind("Application/JSON", Data::Structured, true),
            Some(Media::Json)
        );
        assert_eq!(
            kind("application/problem+json", Data::Structured, true),
            Some(Media::Json)
        );
        assert_eq!(
            kind("application/vnd.github.v3+json", Data::Structured, false),
            Some(Media::Json)
        );
    }

    #[test]
    fn a_wildcard_is_what_its_schema_describes() {
        for any in ["*/*", "application/*", "*/*; q=0.8"] {
            assert_eq!(
                kind(any, Data::Structured, true),
                Some(Media::Json),
                "{any}"
            );
            assert_eq!(kind(any, Data::Text, true), Some(Media::Text), "{any}");
            assert_eq!(kind(any, Data::Bytes, false), Some(Media::Binary), "{any}");
            assert_eq!(kind(any, Data::Unknown, true), Some(Media::Binary), "{any}");
        }
        assert_eq!(kind("text/*", Data::Structured, true), Some(Media::Text));
        assert_eq!(kind("image/*", Data::Text, true), Some(Media::Binary));
        assert_eq!(concrete("*/*", Media::Text), "text/plain; charset=utf-8");
        assert_eq!(concrete("application/*", Media::Json), "application/json");
        assert_eq!(
            concrete("image/*", Media::Binary),
            "application/octet-stream"
        );
        assert_eq!(concrete("text/csv", Media::Text), "text/csv");
    }

    #[test]
    fn text_and_binary_types_are_told_apart() {
        assert_eq!(
            kind("text/plain", Data::Structured, true),
            Some(Media::Text)
        );
        assert_eq!(
            kind("text/csv; charset=utf-8", Data::Structured, true),
            Some(Media::Text)
        );
        assert_eq!(
            kind("application/xml", Data::Structured, true),
            Some(Media::Text)
        );
        assert_eq!(
            kind("application/octet-stream", Data::Structured, true),
            Some(Media::Binary)
        );
        assert_eq!(kind("image/png", Data::Unknown, false), Some(Media::Binary));
        assert_eq!(
            kind("application/pdf", Data::Structured, true),
            Some(Media::Binary)
        );
    }

    #[test]
    fn forms_are_request_bodies_only() {
        assert_eq!(
            kind("multipart/form-data", Data::Structured, false),
            Some(Media::Multipart)
        );
        assert_eq!(kind("multipart/form-data", Data::Structured, true), None);
        assert_eq!(
            kind("application/x-www-form-urlencoded", Data::Structured, false),
            Some(Media::Form)
        );
    }
}
