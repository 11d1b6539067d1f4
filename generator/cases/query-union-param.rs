//! A query parameter that is one text or a list of them goes out as
//! whichever the value is, in its style.

use case_query_union_param::Client;
use case_query_union_param::models::{ListAdvisoriesAffects, ListAdvisoriesCwes};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn query_of(
    cwes: ListAdvisoriesCwes,
    affects: ListAdvisoriesAffects,
) -> String {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/advisories"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    client
        .advisories()
        .list_advisories()
        .cwes(cwes)
        .affects(affects)
        .await
        .unwrap();
    let requests = server.received_requests().await.unwrap();
    requests[0].url.query().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn one_text_is_one_pair() {
    let query = query_of(
        ListAdvisoriesCwes::String("CWE-79".into()),
        ListAdvisoriesAffects::String("lodash".into()),
    )
    .await;
    assert_eq!(query, "cwes=CWE-79&affects=lodash");
}

#[tokio::test]
async fn a_list_follows_the_style() {
    let query = query_of(
        ListAdvisoriesCwes::StringList(vec!["CWE-79".into(), "CWE-89".into()]),
        ListAdvisoriesAffects::StringList(vec!["lodash".into(), "a,b".into()]),
    )
    .await;
    // Exploded form repeats the name; unexploded joins with a bare comma.
    assert_eq!(query, "cwes=CWE-79&cwes=CWE-89&affects=lodash,a%2Cb");
}
