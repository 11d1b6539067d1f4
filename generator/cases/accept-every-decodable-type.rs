//! `Accept` lists every media type of the responses that the client
//! decodes as it decodes the chosen one, in the spec's order; types it
//! would misread (XML beside JSON, JSON of another schema) are left out.

use case_accept_every_decodable_type::{Client, ClientBuilder};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

async fn expecting(
    route: &str,
    accept: &'static str,
    response: ResponseTemplate,
) -> (MockServer, Client) {
    expecting_from(Client::builder(), route, accept, response).await
}

async fn expecting_from(
    builder: ClientBuilder,
    route: &str,
    accept: &'static str,
    response: ResponseTemplate,
) -> (MockServer, Client) {
    let server = MockServer::start().await;
    // The whole header as sent: wiremock's `header` matcher would split
    // the list at its commas.
    let exact_accept = move |request: &Request| {
        request
            .headers
            .get_all("accept")
            .iter()
            .map(|v| v.to_str().unwrap_or_default())
            .collect::<Vec<_>>()
            == [accept]
    };
    Mock::given(method("GET"))
        .and(path(route))
        .and(exact_accept)
        .respond_with(response)
        .expect(1)
        .mount(&server)
        .await;
    let client = builder.base_url(server.uri()).build().unwrap();
    (server, client)
}

#[tokio::test]
async fn a_stream_accepts_both_of_its_binary_types_then_the_error_type() {
    let (_server, client) = expecting(
        "/containers/c1/logs",
        "application/vnd.docker.raw-stream, application/vnd.docker.multiplexed-stream, \
         application/json",
        ResponseTemplate::new(200).set_body_raw(
            &b"\x01\x00\x00\x00\x00\x00\x00\x02hi"[..],
            "application/vnd.docker.multiplexed-stream",
        ),
    )
    .await;
    let logs = client.things().container_logs("c1").await.unwrap();
    assert_eq!(&logs[..], b"\x01\x00\x00\x00\x00\x00\x00\x02hi");
}

#[tokio::test]
async fn a_json_or_xml_thing_accepts_only_json_types_of_its_schema() {
    let (_server, client) = expecting(
        "/things/t1",
        "application/json, application/vnd.thing+json",
        ResponseTemplate::new(200).set_body_raw(r#"{"name":"bolt"}"#, "application/vnd.thing+json"),
    )
    .await;
    let thing = client.things().get_thing("t1").await.unwrap();
    assert_eq!(thing.name.as_deref(), Some("bolt"));
}

#[tokio::test]
async fn a_default_accept_replaces_the_whole_list() {
    // `ClientBuilder::default_header` wins over the computed list, so the
    // server sees the caller's one type, not the stream types beside it.
    let (_server, client) = expecting_from(
        Client::builder().default_header("Accept", "application/vnd.docker.raw-stream"),
        "/containers/c1/logs",
        "application/vnd.docker.raw-stream",
        ResponseTemplate::new(200).set_body_raw(&b"hi"[..], "application/vnd.docker.raw-stream"),
    )
    .await;
    let logs = client.things().container_logs("c1").await.unwrap();
    assert_eq!(&logs[..], b"hi");
}
