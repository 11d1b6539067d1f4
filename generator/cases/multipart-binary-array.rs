//! A multipart property that is an array of files sends one part per file.

use case_multipart_binary_array::models::UploadBody;
use case_multipart_binary_array::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn each_file_of_the_array_is_its_own_part() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/upload"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let mut body = UploadBody::default();
    body.files = Some(vec![b"first file".to_vec(), vec![0, 1, 2, 255]]);
    client.files().upload().body(body).await.unwrap();

    let received = server.received_requests().await.unwrap();
    let request = &received[0];
    let content_type = request
        .headers
        .get("Content-Type")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(
        content_type.starts_with("multipart/form-data; boundary="),
        "{content_type}"
    );
    let boundary = content_type.split("boundary=").nth(1).unwrap();
    let delimiter = format!("--{boundary}");
    let body = &request.body;
    let parts: Vec<&[u8]> = split(body, delimiter.as_bytes())
        .into_iter()
        .filter(|p| p.windows(19).any(|w| w == b"Content-Disposition"))
        .collect();
    assert_eq!(parts.len(), 2, "{}", String::from_utf8_lossy(body));
    for part in &parts {
        let text = String::from_utf8_lossy(part);
        assert!(text.contains("name=\"files\""), "{text}");
        assert!(text.contains("filename=\"files\""), "{text}");
    }
    assert!(ends_with_content(parts[0], b"first file"));
    assert!(ends_with_content(parts[1], &[0, 1, 2, 255]));
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

/// Whether the part's content (after its headers, before the closing CRLF)
/// is exactly `content`.
fn ends_with_content(part: &[u8], content: &[u8]) -> bool {
    let start = part.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    let body = part[start..]
        .strip_suffix(b"\r\n")
        .unwrap_or(&part[start..]);
    body == content
}
