//! Variants named like trait items parse, and travel as their wire values.

use case_enum_variant_named_like_trait_items::models::{ResultModel, Status};
use case_enum_variant_named_like_trait_items::Client;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[test]
fn each_value_parses_into_its_variant() {
    assert_eq!("err".parse::<Status>().unwrap(), Status::Err);
    assert_eq!("Error".parse::<Status>().unwrap(), Status::Error);
    assert_eq!("Output".parse::<Status>().unwrap(), Status::Output);
    assert_eq!("Err".parse::<ResultModel>().unwrap(), ResultModel::Err);
}

#[tokio::test]
async fn the_err_value_is_sent_and_decoded_as_written() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/jobs"))
        .and(query_param("status", "err"))
        .respond_with(ResponseTemplate::new(200).set_body_json("Err"))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let outcome = client.jobs().list_jobs().status(Status::Err).await.unwrap();
    assert_eq!(outcome, ResultModel::Err);
}
