//! Each multipart part carries the content type OpenAPI 3.0 gives its
//! field by default: objects as `application/json`, files as
//! `application/octet-stream`, scalars as plain text with no type.

use case_multipart_part_types::models::{Label, Metadata, UploadDocumentBody};
use case_multipart_part_types::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn each_part_has_the_content_type_of_its_field() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/documents"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let mut metadata = Metadata::default();
    metadata.author = Some("Ada".into());
    metadata.draft = Some(true);
    let mut label = Label::default();
    label.name = Some("urgent".into());
    let mut body = UploadDocumentBody::new(vec![0xff, 0x00, 0x10], metadata);
    body.labels = Some(vec![label]);
    body.title = Some("Report".into());
    body.pages = Some(3);
    client.documents().upload_document(body).await.unwrap();

    let received = server.received_requests().await.unwrap();
    let request = &received[0];
    let content_type = request.headers["Content-Type"].to_str().unwrap();
    let boundary = content_type.split("boundary=").nth(1).unwrap();
    let parts = parts(&request.body, boundary);
    let find = |name: &str| {
        parts
            .iter()
            .find(|(headers, _)| headers.contains(&format!("name=\"{name}\"")))
            .unwrap_or_else(|| panic!("no `{name}` part in {parts:?}"))
    };

    let (headers, content) = find("file");
    assert!(headers.contains("filename=\"file\""), "{headers}");
    assert!(
        headers.contains("content-type: application/octet-stream"),
        "{headers}"
    );
    assert_eq!(content, &[0xff, 0x00, 0x10]);

    let (headers, content) = find("metadata");
    assert!(headers.contains("content-type: application/json"), "{headers}");
    let json: serde_json::Value = serde_json::from_slice(content).unwrap();
    assert_eq!(json, serde_json::json!({"author": "Ada", "draft": true}));

    let (headers, content) = find("labels");
    assert!(headers.contains("content-type: application/json"), "{headers}");
    assert_eq!(content, br#"{"name":"urgent"}"#);

    for (name, text) in [("title", "Report"), ("pages", "3")] {
        let (headers, content) = find(name);
        assert!(!headers.contains("content-type"), "{name}: {headers}");
        assert_eq!(content, text.as_bytes());
    }
}

/// The parts of a `multipart/form-data` body: each one's header lines
/// (lowercased) and its content.
fn parts(body: &[u8], boundary: &str) -> Vec<(String, Vec<u8>)> {
    let delimiter = format!("--{boundary}");
    let mut out = Vec::new();
    for chunk in split(body, delimiter.as_bytes()) {
        let Some(end) = chunk.windows(4).position(|w| w == b"\r\n\r\n") else {
            continue;
        };
        let headers = String::from_utf8_lossy(&chunk[..end]).to_lowercase();
        let content = &chunk[end + 4..];
        let content = content.strip_suffix(b"\r\n").unwrap_or(content);
        out.push((headers, content.to_vec()));
    }
    out
}

fn split<'a>(data: &'a [u8], delimiter: &[u8]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut rest = data;
    while let Some(i) = rest.windows(delimiter.len()).position(|w| w == delimiter) {
        out.push(&rest[..i]);
        rest = &rest[i + delimiter.len()..];
    }
    out.push(rest);
    out
}
