//! What each Swagger 2.0 `collectionFormat` becomes on the wire: header
//! and path arrays comma-separated whatever the file says (the import
//! warned about each), the query's own delimiters as written, and a form's
//! array one field per item.

use case_swagger2_collection_formats::models::AddLabelsBody;
use case_swagger2_collection_formats::Client;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

async fn server() -> (MockServer, Client) {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    (server, client)
}

#[tokio::test]
async fn header_and_path_arrays_go_comma_separated_and_the_query_as_written() {
    let (server, client) = server().await;
    client
        .items()
        .get_items(strings(&["a", "b"]))
        .x_tags(strings(&["red", "blue"]))
        .x_ids(vec![1, 2])
        .x_codes(strings(&["x", "y"]))
        .x_spaced(strings(&["p", "q"]))
        .colors(strings(&["R", "G"]))
        .names(strings(&["n1", "n2"]))
        .sizes(vec![3, 4])
        .await
        .unwrap();
    let received = server.received_requests().await.unwrap();
    let request = &received[0];
    assert_eq!(request.url.path(), "/items/a,b");
    let header = |name: &str| {
        let values: Vec<&str> = request
            .headers
            .get_all(name)
            .iter()
            .map(|v| v.to_str().unwrap())
            .collect();
        values.join(" | ")
    };
    assert_eq!(header("X-Tags"), "red,blue");
    // One field line, not one per item.
    assert_eq!(header("X-Ids"), "1,2");
    assert_eq!(header("X-Codes"), "x,y");
    assert_eq!(header("X-Spaced"), "p,q");
    assert_eq!(
        request.url.query(),
        Some("colors=R|G&names=n1,n2&sizes=3&sizes=4")
    );
}

#[tokio::test]
async fn a_form_array_goes_one_field_per_item() {
    let (server, client) = server().await;
    let mut body = AddLabelsBody::default();
    body.label = Some(strings(&["a", "b"]));
    body.owner = Some("ann".to_owned());
    client.items().add_labels().body(body).await.unwrap();
    let received = server.received_requests().await.unwrap();
    assert_eq!(
        String::from_utf8_lossy(&received[0].body),
        "label=a&label=b&owner=ann"
    );
}
