//! Query arrays and objects that are not exploded go out as the "Style
//! Examples" of OpenAPI 3.0.3 write them: the delimiter as it is (`,`,
//! `%20`, `|`), a delimiter or other reserved character inside a value
//! percent-encoded. Checked on the raw query string the server receives.

use case_query_delimiters::models::Color;
use case_query_delimiters::Client;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// The raw query string of the one request `call` makes.
async fn raw_query<F, Fut>(call: F) -> String
where
    F: FnOnce(Client) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    call(client).await;
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 1);
    received[0].url.query().unwrap_or_default().to_owned()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[tokio::test]
async fn form_arrays_join_with_a_literal_comma() {
    let query = raw_query(|c| async move {
        c.issues()
            .list_issues()
            .status(strings(&["open", "in-progress"]))
            .await
            .unwrap();
    })
    .await;
    assert_eq!(query, "status=open,in-progress");
}

#[tokio::test]
async fn a_comma_inside_a_form_item_is_percent_encoded() {
    let query = raw_query(|c| async move {
        c.issues()
            .list_issues()
            .status(strings(&["a,b", "c d", "e&f=g"]))
            .await
            .unwrap();
    })
    .await;
    assert_eq!(query, "status=a%2Cb,c%20d,e%26f%3Dg");
}

#[tokio::test]
async fn space_delimited_arrays_join_with_an_encoded_space() {
    let query = raw_query(|c| async move {
        c.issues()
            .list_issues()
            .words(strings(&["blue", "black", "x y"]))
            .await
            .unwrap();
    })
    .await;
    assert_eq!(query, "words=blue%20black%20x%20y");
}

#[tokio::test]
async fn pipe_delimited_arrays_join_with_a_literal_pipe() {
    let query = raw_query(|c| async move {
        c.issues()
            .list_issues()
            .states(strings(&["blue", "black", "a|b"]))
            .await
            .unwrap();
    })
    .await;
    assert_eq!(query, "states=blue|black|a%7Cb");
}

#[tokio::test]
async fn form_objects_not_exploded_are_keys_and_values_joined_by_commas() {
    let query = raw_query(|c| async move {
        c.issues()
            .list_issues()
            .color(Color::new(100, 200))
            .await
            .unwrap();
    })
    .await;
    assert_eq!(query, "color=R,100,G,200");
}

#[tokio::test]
async fn exploded_forms_repeat_the_name_or_send_each_property() {
    let query = raw_query(|c| async move {
        c.issues()
            .list_issues()
            .tag(strings(&["x,y", "z"]))
            .point(Color::new(1, 2))
            .q("a b&c")
            .await
            .unwrap();
    })
    .await;
    assert_eq!(query, "tag=x%2Cy&tag=z&R=1&G=2&q=a%20b%26c");
}
