//! Text responses arrive as `String`, binary ones as bytes.

use case_response_text_binary::{Client, Error};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn serve(route: &str, body: Vec<u8>, media_type: &str) -> (MockServer, Client) {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(route))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body, media_type))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    (server, client)
}

#[tokio::test]
async fn text_plain_arrives_as_a_string() {
    let (_server, client) = serve("/version", b"1.2.3".to_vec(), "text/plain").await;
    let version: String = client.misc().get_version().await.unwrap();
    assert_eq!(version, "1.2.3");
}

#[tokio::test]
async fn text_csv_arrives_as_a_string() {
    let csv = "id,name\n1,\"a, b\"\n";
    let (_server, client) = serve("/export", csv.as_bytes().to_vec(), "text/csv").await;
    assert_eq!(client.misc().get_export().await.unwrap(), csv);
}

#[tokio::test]
async fn octet_stream_arrives_as_the_exact_bytes() {
    let bytes = vec![0u8, 159, 146, 150, 255, 10];
    let (_server, client) = serve("/download", bytes.clone(), "application/octet-stream").await;
    let got: Vec<u8> = client.misc().get_download().await.unwrap();
    assert_eq!(got, bytes);
}

#[tokio::test]
async fn text_that_is_not_utf8_is_a_decode_error_saying_so() {
    let (_server, client) = serve("/version", vec![0xff, 0xfe], "text/plain").await;
    match client.misc().get_version().await {
        Err(Error::Decode(e)) => assert!(e.to_string().contains("not UTF-8"), "{e}"),
        other => panic!("expected a decode error, got {other:?}"),
    }
}
