//! Regions, client settings, headers, and what never shows up in `Debug`
//! output or logs.

use purecloud_platform_client::{Client, Error, Grant, Region};
use serde_json::json;
use wiremock::matchers::{header, method};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[test]
fn all_18_regions_have_their_domains() {
    assert_eq!(Region::ALL.len(), 18);
    let expected = [
        ("us_east_1", "mypurecloud.com"),
        ("eu_west_1", "mypurecloud.ie"),
        ("eu_central_1", "mypurecloud.de"),
        ("ap_northeast_1", "mypurecloud.jp"),
        ("ap_southeast_2", "mypurecloud.com.au"),
        ("us_west_2", "usw2.pure.cloud"),
        ("ca_central_1", "cac1.pure.cloud"),
        ("ap_northeast_2", "apne2.pure.cloud"),
        ("eu_west_2", "euw2.pure.cloud"),
        ("ap_south_1", "aps1.pure.cloud"),
        ("us_east_2", "use2.us-gov-pure.cloud"),
        ("sa_east_1", "sae1.pure.cloud"),
        ("me_central_1", "mec1.pure.cloud"),
        ("ap_northeast_3", "apne3.pure.cloud"),
        ("eu_central_2", "euc2.pure.cloud"),
        ("mx_central_1", "mxc1.pure.cloud"),
        ("ap_southeast_1", "apse1.pure.cloud"),
        ("eusc_de_east_1", "edee1.eusc-pure.cloud"),
    ];
    for (region, (name, domain)) in Region::ALL.iter().zip(expected) {
        assert_eq!(region.name(), name);
        assert_eq!(region.domain(), domain);
        assert_eq!(name.parse::<Region>().unwrap(), *region);
        assert_eq!(domain.parse::<Region>().unwrap(), *region);
    }
    assert_eq!(
        "us-east-2".parse::<Region>().unwrap().api_base_url(),
        "https://api.use2.us-gov-pure.cloud"
    );
}

#[test]
fn an_unknown_region_lists_the_valid_ones() {
    let err = "mars_north_1".parse::<Region>().unwrap_err().to_string();
    assert!(err.contains("unknown region `mars_north_1`"), "{err}");
    assert!(err.contains("us_east_1 (mypurecloud.com)"), "{err}");
    assert!(
        err.contains("eusc_de_east_1 (edee1.eusc-pure.cloud)"),
        "{err}"
    );

    let err = Client::builder()
        .environment("mypurecloud.example")
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err:?}");
}

#[test]
fn the_environment_string_picks_api_and_login_hosts() {
    let client = Client::builder()
        .environment("mypurecloud.ie")
        .build()
        .unwrap();
    assert_eq!(client.base_url(), "https://api.mypurecloud.ie");
    assert_eq!(client.login_url(), "https://login.mypurecloud.ie");

    let client = Client::builder()
        .region(Region::ApSoutheast2)
        .build()
        .unwrap();
    assert_eq!(client.base_url(), "https://api.mypurecloud.com.au");
    assert_eq!(client.login_url(), "https://login.mypurecloud.com.au");

    let client = Client::builder().build().unwrap();
    assert_eq!(client.base_url(), "https://api.mypurecloud.com");
    assert_eq!(client.login_url(), "https://login.mypurecloud.com");
}

#[test]
fn plain_http_with_credentials_is_refused_unless_allowed() {
    let err = Client::builder()
        .base_url("http://gateway.example.com")
        .client_credentials("id", "secret")
        .build()
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("tokens would cross the network in clear"),
        "{err}"
    );

    let err = Client::builder()
        .base_url("http://gateway.example.com")
        .access_token("tok")
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::Config(_)));

    for allowed in [
        Client::builder()
            .base_url("http://gateway.example.com")
            .login_url("http://login.example.com")
            .access_token("tok")
            .allow_insecure_http(true)
            .build(),
        Client::builder()
            .base_url("http://127.0.0.1:8080")
            .login_url("http://localhost:8081")
            .access_token("tok")
            .build(),
        // Without credentials nothing secret is sent.
        Client::builder()
            .base_url("http://gateway.example.com")
            .build(),
    ] {
        allowed.unwrap();
    }
}

#[tokio::test]
async fn every_request_names_the_crate_and_carries_default_headers() {
    let server = MockServer::start().await;
    let agent = format!("purecloud-platform-client/{}", env!("CARGO_PKG_VERSION"));
    Mock::given(method("GET"))
        .and(header("user-agent", agent.as_str()))
        .and(header("x-team", "billing"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .default_header("X-Team", "billing")
        .build()
        .unwrap();
    client.oauth().get_oauth_scopes().await.unwrap();
}

#[test]
fn debug_output_of_credentials_and_clients_holds_no_secret() {
    let grants = [
        Grant::client_credentials("id", "SECRET-1"),
        Grant::authorization_code("id", "SECRET-1", "CODE-1", "https://x/cb"),
        Grant::refresh_token("id", "SECRET-1", "REFRESH-1"),
        Grant::pkce("id", "CODE-1", "VERIFIER-1", "https://x/cb"),
        Grant::saml2_bearer("id", "SECRET-1", "org", "ASSERTION-1"),
    ];
    let builder = Client::builder()
        .access_token("TOKEN-1")
        .grant(grants[0].clone());
    let client = Client::builder()
        .client_credentials("id", "SECRET-1")
        .build()
        .unwrap();
    let static_client = Client::new("TOKEN-1").unwrap();
    let shown = format!("{grants:?} {builder:?} {client:?} {static_client:?}");
    for secret in [
        "SECRET-1",
        "CODE-1",
        "REFRESH-1",
        "VERIFIER-1",
        "ASSERTION-1",
        "TOKEN-1",
    ] {
        assert!(!shown.contains(secret), "{secret} in {shown}");
    }
    assert!(shown.contains("***"));
}
