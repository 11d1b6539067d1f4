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

/// What `media_type` is, or `None` for a body the client has no
/// representation for (a multipart or form response). `*/*` (and
/// `application/*`) with a schema is JSON, as the schema describes a
/// structure; without one, bytes.
pub(super) fn kind(media_type: &str, has_schema: bool, response: bool) -> Option<Media> {
    let essence = essence(media_type);
    let (top, sub) = essence.split_once('/').unwrap_or((essence.as_str(), ""));
    Some(match (top, sub) {
        (_, "json") => Media::Json,
        (_, sub) if sub.ends_with("+json") => Media::Json,
        ("*", "*") | ("application", "*") if has_schema => Media::Json,
        ("application", "x-www-form-urlencoded") if !response => Media::Form,
        ("multipart", "form-data") if !response => Media::Multipart,
        ("application", "x-www-form-urlencoded") | ("multipart", _) => return None,
        ("text", _) | ("application", "xml") | ("application", "javascript") => Media::Text,
        (_, sub) if sub.ends_with("+xml") => Media::Text,
        _ => Media::Binary,
    })
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
            kind("application/json; charset=utf-8", true, true),
            Some(Media::Json)
        );
        assert_eq!(kind("Application/JSON", true, true), Some(Media::Json));
        assert_eq!(
            kind("application/problem+json", true, true),
            Some(Media::Json)
        );
        assert_eq!(
            kind("application/vnd.github.v3+json", true, false),
            Some(Media::Json)
        );
        assert_eq!(kind("*/*", true, true), Some(Media::Json));
        assert_eq!(kind("*/*", false, true), Some(Media::Binary));
    }

    #[test]
    fn text_and_binary_types_are_told_apart() {
        assert_eq!(kind("text/plain", true, true), Some(Media::Text));
        assert_eq!(
            kind("text/csv; charset=utf-8", true, true),
            Some(Media::Text)
        );
        assert_eq!(kind("application/xml", true, true), Some(Media::Text));
        assert_eq!(
            kind("application/octet-stream", true, true),
            Some(Media::Binary)
        );
        assert_eq!(kind("image/png", false, false), Some(Media::Binary));
        assert_eq!(kind("application/pdf", true, true), Some(Media::Binary));
    }

    #[test]
    fn forms_are_request_bodies_only() {
        assert_eq!(
            kind("multipart/form-data", true, false),
            Some(Media::Multipart)
        );
        assert_eq!(kind("multipart/form-data", true, true), None);
        assert_eq!(
            kind("application/x-www-form-urlencoded", true, false),
            Some(Media::Form)
        );
    }
}
