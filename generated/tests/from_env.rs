//! `Client::from_env`: every variable, their order of precedence and their
//! errors. The settings are read through `from_env_with`, so the tests
//! never race on the process environment; `from_env_process.rs` reads the
//! real one.

use base64::Engine as _;
use purecloud_platform_client::{Client, ClientBuilder, Error, Region};
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SECRET: &str = "ENV-SECRET-0123456789";
const OTHER_SECRET: &str = "PURECLOUD-SECRET-9876543210";

fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let pairs: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    move |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    }
}

/// A server that issues a token only for `id:secret` (HTTP Basic, as the
/// client credentials grant sends them) and lists clients for it.
async fn server_for(id: &str, secret: &str) -> MockServer {
    let server = MockServer::start().await;
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{id}:{secret}"));
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .and(header("authorization", format!("Basic {basic}").as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "access_token": "env-token", "token_type": "bearer", "expires_in": 86400
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/oauth/clients"))
        .and(header("authorization", "Bearer env-token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "entities": [{"id": "c-1", "name": "Reporting bot", "authorizedGrantType": "CLIENT-CREDENTIALS"}]
        })))
        .expect(1)
        .mount(&server)
        .await;
    server
}

/// Builds from `builder` for the local server and lists the clients.
async fn list_clients(builder: ClientBuilder, server: &MockServer) -> Client {
    let client = builder
        .base_url(server.uri())
        .login_url(server.uri())
        .build()
        .unwrap();
    let listing = client.oauth().get_oauth_clients().await.unwrap();
    assert_eq!(listing.entities.unwrap()[0].name, "Reporting bot");
    client
}

fn api_url(lookup: impl Fn(&str) -> Option<String>) -> String {
    ClientBuilder::from_env_with(lookup)
        .unwrap()
        .build()
        .unwrap()
        .base_url()
        .to_owned()
}

fn config_error(lookup: impl Fn(&str) -> Option<String>) -> String {
    match ClientBuilder::from_env_with(lookup) {
        Err(Error::Config(message)) => {
            assert!(!message.contains(SECRET), "{message}");
            assert!(!message.contains(OTHER_SECRET), "{message}");
            message
        }
        other => panic!("expected a configuration error, got {other:?}"),
    }
}

#[tokio::test]
async fn genesyscloud_variables_give_the_credentials_and_the_region() {
    let env = [
        ("GENESYSCLOUD_OAUTHCLIENT_ID", "gc-id"),
        ("GENESYSCLOUD_OAUTHCLIENT_SECRET", SECRET),
        ("GENESYSCLOUD_REGION", "eu-west-1"),
    ];
    assert_eq!(api_url(vars(&env)), "https://api.mypurecloud.ie");
    let server = server_for("gc-id", SECRET).await;
    list_clients(ClientBuilder::from_env_with(vars(&env)).unwrap(), &server).await;
}

#[tokio::test]
async fn purecloud_variables_give_the_credentials_and_the_environment() {
    let env = [
        ("PURECLOUD_CLIENT_ID", "pc-id"),
        ("PURECLOUD_SECRET", OTHER_SECRET),
        ("PURECLOUD_ENVIRONMENT", "mypurecloud.de"),
    ];
    assert_eq!(api_url(vars(&env)), "https://api.mypurecloud.de");
    let server = server_for("pc-id", OTHER_SECRET).await;
    list_clients(ClientBuilder::from_env_with(vars(&env)).unwrap(), &server).await;
}

#[tokio::test]
async fn genesyscloud_variables_win_over_purecloud_ones() {
    let env = [
        ("PURECLOUD_CLIENT_ID", "pc-id"),
        ("PURECLOUD_SECRET", OTHER_SECRET),
        ("PURECLOUD_ENVIRONMENT", "mypurecloud.de"),
        ("GENESYSCLOUD_OAUTHCLIENT_ID", "gc-id"),
        ("GENESYSCLOUD_OAUTHCLIENT_SECRET", SECRET),
        ("GENESYSCLOUD_REGION", "ap-southeast-2"),
    ];
    assert_eq!(api_url(vars(&env)), "https://api.mypurecloud.com.au");
    // The token server only answers the GENESYSCLOUD_ pair.
    let server = server_for("gc-id", SECRET).await;
    list_clients(ClientBuilder::from_env_with(vars(&env)).unwrap(), &server).await;
    // An empty variable counts as unset.
    let env = [
        ("GENESYSCLOUD_OAUTHCLIENT_ID", ""),
        ("GENESYSCLOUD_OAUTHCLIENT_SECRET", ""),
        ("GENESYSCLOUD_REGION", " "),
        ("PURECLOUD_CLIENT_ID", "pc-id"),
        ("PURECLOUD_SECRET", OTHER_SECRET),
        ("PURECLOUD_ENVIRONMENT", "mypurecloud.de"),
    ];
    assert_eq!(api_url(vars(&env)), "https://api.mypurecloud.de");
}

#[test]
fn a_region_is_an_aws_style_name_a_region_name_or_a_domain() {
    for region in Region::ALL {
        let aws = region.name().replace('_', "-");
        let forms = [
            aws.clone(),
            aws.to_uppercase(),
            region.name().to_owned(),
            format!("{region:?}"),
            region.domain().to_owned(),
            format!("https://api.{}/", region.domain()),
            format!("login.{}", region.domain()),
        ];
        for form in forms {
            for variable in ["GENESYSCLOUD_REGION", "PURECLOUD_ENVIRONMENT"] {
                let env = [
                    ("GENESYSCLOUD_OAUTHCLIENT_ID", "gc-id"),
                    ("GENESYSCLOUD_OAUTHCLIENT_SECRET", SECRET),
                    (variable, form.as_str()),
                ];
                assert_eq!(
                    api_url(vars(&env)),
                    region.api_base_url(),
                    "{variable}={form}"
                );
            }
        }
    }
}

#[test]
fn missing_credentials_name_both_pairs_of_variables() {
    let message = config_error(vars(&[("GENESYSCLOUD_REGION", "eu-west-1")]));
    assert_eq!(
        message,
        "no OAuth client in the environment: set GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET (or PURECLOUD_CLIENT_ID and PURECLOUD_SECRET) to a client credentials client's id and secret"
    );
}

#[test]
fn half_a_pair_names_the_missing_variable_and_never_mixes_pairs() {
    // An id of one pair is never sent with the secret of the other.
    let message = config_error(vars(&[
        ("GENESYSCLOUD_OAUTHCLIENT_ID", "gc-id"),
        ("PURECLOUD_SECRET", OTHER_SECRET),
        ("GENESYSCLOUD_REGION", "eu-west-1"),
    ]));
    assert_eq!(
        message,
        "GENESYSCLOUD_OAUTHCLIENT_SECRET is not set, but GENESYSCLOUD_OAUTHCLIENT_ID is: set both, the id and the secret of one OAuth client"
    );
    let message = config_error(vars(&[
        ("GENESYSCLOUD_OAUTHCLIENT_SECRET", SECRET),
        ("GENESYSCLOUD_REGION", "eu-west-1"),
    ]));
    assert!(
        message.starts_with(
            "GENESYSCLOUD_OAUTHCLIENT_ID is not set, but GENESYSCLOUD_OAUTHCLIENT_SECRET is"
        ),
        "{message}"
    );
    let message = config_error(vars(&[
        ("PURECLOUD_CLIENT_ID", "pc-id"),
        ("PURECLOUD_ENVIRONMENT", "mypurecloud.de"),
    ]));
    assert!(
        message.starts_with("PURECLOUD_SECRET is not set, but PURECLOUD_CLIENT_ID is"),
        "{message}"
    );
}

#[test]
fn a_missing_or_unknown_region_names_the_variable_and_lists_every_region() {
    let credentials = [
        ("GENESYSCLOUD_OAUTHCLIENT_ID", "gc-id"),
        ("GENESYSCLOUD_OAUTHCLIENT_SECRET", SECRET),
    ];
    let message = config_error(vars(&credentials));
    assert!(
        message.starts_with(
            "no region in the environment: set GENESYSCLOUD_REGION (or PURECLOUD_ENVIRONMENT) to one of us-east-1 (UsEast1, mypurecloud.com), eu-west-1 (EuWest1, mypurecloud.ie)"
        ),
        "{message}"
    );
    for region in Region::ALL {
        assert!(message.contains(region.domain()), "{message}");
    }

    let mut env = credentials.to_vec();
    env.push(("GENESYSCLOUD_REGION", "mars-north-1"));
    let message = config_error(vars(&env));
    assert!(
        message.starts_with("GENESYSCLOUD_REGION is `mars-north-1`, which is not a Genesys Cloud region; expected an AWS-style name, a region name or a domain, one of us-east-1 (UsEast1, mypurecloud.com)"),
        "{message}"
    );

    let mut env = credentials.to_vec();
    env.push(("PURECLOUD_ENVIRONMENT", "mypurecloud.example"));
    let message = config_error(vars(&env));
    assert!(
        message.starts_with("PURECLOUD_ENVIRONMENT is `mypurecloud.example`, which is not"),
        "{message}"
    );
}
