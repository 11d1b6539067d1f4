//! Client overhead and decoding speed of the generated crate, against
//! hand-written `reqwest` + `serde_json` code doing the same work.
//!
//! Run by `cargo xtask bench` (release, many iterations) and by
//! `cargo xtask bench --smoke` (one iteration, to show it still runs). It
//! prints one `bench` line per measurement, which the xtask reads:
//!
//! ```text
//! bench <name> generated_ns=<median> handwritten_ns=<median>
//! ```
//!
//! Each pair of measurements is interleaved, alternating which side goes
//! first, so drift of a shared, noisy machine hits both sides alike.
//!
//! The server is the cheapest one possible: canned responses written on a
//! loopback keep-alive connection (about 30 µs a call, against about
//! 100 µs for wiremock, whose matching would hide the client's own cost).
//! Both sides send the same request, byte for byte up to header order (the
//! server checks: it keeps every request head it sees, and each pair must
//! leave one per route), and read the whole body before decoding it.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use purecloud_platform_client::models::{
    OAuthClientAuthorizedGrantType, OAuthClientEntityListing, OAuthClientRequest,
};
use purecloud_platform_client::{Client, RetryPolicy};
use serde::Deserialize;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// What a careful hand-written client would decode an OAuth client into:
/// the same fields and types, without the generated conveniences.
#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct HandClient {
    id: Option<String>,
    name: String,
    access_token_validity_seconds: Option<i64>,
    description: Option<String>,
    registered_redirect_uri: Option<Vec<String>>,
    secret: Option<String>,
    role_ids: Option<Vec<String>>,
    date_created: Option<chrono::DateTime<chrono::Utc>>,
    date_modified: Option<chrono::DateTime<chrono::Utc>>,
    created_by: Option<HandRef>,
    modified_by: Option<HandRef>,
    authorized_grant_type: String,
    scope: Option<Vec<String>>,
    role_divisions: Option<Vec<HandRoleDivision>>,
    state: Option<String>,
    date_to_delete: Option<chrono::DateTime<chrono::Utc>>,
    self_uri: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct HandRef {
    id: Option<String>,
    name: Option<String>,
    self_uri: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct HandRoleDivision {
    role_id: String,
    division_id: String,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct HandListing {
    entities: Option<Vec<HandClient>>,
    page_size: Option<i32>,
    page_number: Option<i32>,
    total: Option<i64>,
    next_uri: Option<String>,
    page_count: Option<i32>,
}

fn client_json(i: usize) -> Value {
    json!({
        "id": format!("3c5b7a2e-1f4d-4b8e-9c0a-{i:012}"),
        "name": format!("Integration {i}"),
        "accessTokenValiditySeconds": 86400,
        "description": "Nightly export of conversation details",
        "registeredRedirectUri": ["https://app.example.com/callback"],
        "roleIds": ["a1b2c3", "d4e5f6"],
        "dateCreated": "2026-11-29T05:12:33.123Z",
        "dateModified": "2026-11-29T05:12:33Z",
        "createdBy": {"id": "u-1", "selfUri": "/api/v2/users/u-1"},
        "modifiedBy": {"id": "u-2", "selfUri": "/api/v2/users/u-2"},
        "authorizedGrantType": "CLIENT-CREDENTIALS",
        "scope": ["users:readonly"],
        "roleDivisions": [{"roleId": "a1b2c3", "divisionId": "*"}],
        "state": "active",
        "selfUri": format!("/api/v2/oauth/clients/{i}")
    })
}

fn listing(n: usize) -> Vec<u8> {
    let entities: Vec<Value> = (0..n).map(client_json).collect();
    serde_json::to_vec(&json!({
        "entities": entities, "pageSize": n, "pageNumber": 1, "total": n, "pageCount": 1
    }))
    .expect("JSON")
}

/// Sends one request from each side with the server recording, and
/// panics unless both sent the same head: the sides do the same work.
async fn same_requests<GF, HF>(heads: &Heads, generated: GF, handwritten: HF)
where
    GF: std::future::Future<Output = ()>,
    HF: std::future::Future<Output = ()>,
{
    heads.seen.lock().expect("heads").clear();
    heads.recording.store(true, Ordering::Relaxed);
    generated.await;
    handwritten.await;
    heads.recording.store(false, Ordering::Relaxed);
    for (request_line, seen) in heads.seen.lock().expect("heads").iter() {
        assert!(
            seen.len() == 1,
            "the two sides sent different requests for `{request_line}`:\n{}",
            seen.iter().cloned().collect::<Vec<_>>().join("\n--\n")
        );
    }
}

fn median(mut samples: Vec<Duration>) -> u128 {
    samples.sort();
    samples[samples.len() / 2].as_nanos()
}

/// Times `generated` and `handwritten` `iterations` times each, interleaved.
async fn pair<G, H, GF, HF>(
    heads: &Heads,
    iterations: usize,
    mut generated: G,
    mut handwritten: H,
) -> (u128, u128)
where
    G: FnMut() -> GF,
    H: FnMut() -> HF,
    GF: std::future::Future<Output = ()>,
    HF: std::future::Future<Output = ()>,
{
    same_requests(heads, generated(), handwritten()).await;
    let (mut g, mut h) = (Vec::new(), Vec::new());
    for i in 0..iterations {
        if i % 2 == 0 {
            let t = Instant::now();
            generated().await;
            g.push(t.elapsed());
            let t = Instant::now();
            handwritten().await;
            h.push(t.elapsed());
        } else {
            let t = Instant::now();
            handwritten().await;
            h.push(t.elapsed());
            let t = Instant::now();
            generated().await;
            g.push(t.elapsed());
        }
    }
    (median(g), median(h))
}

/// Serves `routes` (method, path, JSON body) on a loopback port and returns
/// its base URL. HTTP/1.1 with keep-alive, as reqwest uses it: each request
/// head is read to its blank line, a body by its `Content-Length`, and the
/// prebuilt response is written in one call.
/// The request heads a server has seen while recording, by request line,
/// each with its header lines sorted and their names lowercased. Recording
/// is off while timing, so that the server stays as cheap as it can be.
#[derive(Default)]
struct Heads {
    recording: AtomicBool,
    seen: Mutex<BTreeMap<String, BTreeSet<String>>>,
}

async fn canned_server(
    routes: Vec<(&'static str, &'static str, Vec<u8>)>,
    heads: Arc<Heads>,
) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    let routes: Arc<Vec<(String, Vec<u8>)>> = Arc::new(
        routes
            .into_iter()
            .map(|(method, path, body)| {
                let mut response = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
                    body.len()
                )
                .into_bytes();
                response.extend_from_slice(&body);
                (format!("{method} {path} "), response)
            })
            .collect(),
    );
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let routes = routes.clone();
            tokio::spawn(serve(socket, routes, heads.clone()));
        }
    });
    format!("http://{address}")
}

async fn serve(
    mut socket: tokio::net::TcpStream,
    routes: Arc<Vec<(String, Vec<u8>)>>,
    heads: Arc<Heads>,
) {
    const NOT_FOUND: &[u8] = b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n";
    let _ = socket.set_nodelay(true);
    let mut buffer = Vec::with_capacity(16 * 1024);
    loop {
        let head_end = loop {
            if let Some(i) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            match socket.read_buf(&mut buffer).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        };
        let head = String::from_utf8_lossy(&buffer[..head_end]).into_owned();
        let body_length: usize = head
            .lines()
            .find_map(|l| {
                let (name, value) = l.split_once(':')?;
                name.eq_ignore_ascii_case("content-length")
                    .then(|| value.trim().parse().ok())?
            })
            .unwrap_or(0);
        while buffer.len() < head_end + body_length {
            match socket.read_buf(&mut buffer).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
        if heads.recording.load(Ordering::Relaxed) {
            let mut lines = head.lines().filter(|l| !l.is_empty());
            let request_line = lines.next().unwrap_or_default().to_owned();
            // Header names are case-insensitive (RFC 9110 §5.1); values are not.
            let mut sorted: Vec<String> = lines
                .map(|l| match l.split_once(':') {
                    Some((name, value)) => format!("{}:{value}", name.to_ascii_lowercase()),
                    None => l.to_owned(),
                })
                .collect();
            sorted.sort();
            heads
                .seen
                .lock()
                .expect("heads")
                .entry(request_line)
                .or_default()
                .insert(sorted.join("\n"));
        }
        let response = routes
            .iter()
            .find(|(start, _)| head.starts_with(start.as_str()))
            .map_or(NOT_FOUND, |(_, response)| response.as_slice());
        if socket.write_all(response).await.is_err() {
            return;
        }
        buffer.drain(..head_end + body_length);
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let smoke = std::env::args().any(|a| a == "--smoke");
    let (calls, decodes, entities) = if smoke {
        (1, 1, 10)
    } else {
        (2000, 40, 10_000)
    };

    let one = serde_json::to_vec(&client_json(1)).expect("JSON");
    let thousand = listing(1000);
    let heads = Arc::new(Heads::default());
    let base = canned_server(
        vec![
            ("GET", "/api/v2/oauth/clients/c1", one.clone()),
            ("GET", "/api/v2/oauth/clients", thousand),
            ("POST", "/api/v2/oauth/clients", one),
        ],
        heads.clone(),
    )
    .await;
    let client = Client::builder()
        .base_url(&base)
        .access_token("bench-token")
        .retry_policy(RetryPolicy::never())
        .build()
        .expect("client");
    // The same timeouts as the generated client's defaults: a careful
    // hand-written client sets them too, and reqwest pays for the timer.
    // The same User-Agent too, so the server reads the same bytes.
    let http = reqwest::Client::builder()
        .user_agent(concat!(
            env!("CARGO_PKG_NAME"),
            "/",
            env!("CARGO_PKG_VERSION")
        ))
        .timeout(Duration::from_secs(60))
        .connect_timeout(Duration::from_secs(10))
        .build()
        .expect("reqwest client");
    let get = |url: String| {
        let http = http.clone();
        async move {
            http.get(url)
                .header("authorization", "Bearer bench-token")
                .header("accept", "application/json")
                .send()
                .await
                .expect("response")
                .bytes()
                .await
                .expect("body")
        }
    };

    let (g, h) = pair(
        &heads,
        calls,
        || async {
            client.oauth().get_oauth_client("c1").await.expect("call");
        },
        || async {
            let body = get(format!("{base}/api/v2/oauth/clients/c1")).await;
            let _: HandClient = serde_json::from_slice(&body).expect("decode");
        },
    )
    .await;
    println!("bench get_oauth_client generated_ns={g} handwritten_ns={h}");

    let (g, h) = pair(
        &heads,
        (calls / 20).max(1),
        || async {
            client.oauth().get_oauth_clients().await.expect("call");
        },
        || async {
            let body = get(format!("{base}/api/v2/oauth/clients")).await;
            let _: HandListing = serde_json::from_slice(&body).expect("decode");
        },
    )
    .await;
    println!("bench get_oauth_clients_1000 generated_ns={g} handwritten_ns={h}");

    let request = OAuthClientRequest::new(
        "Integration",
        OAuthClientAuthorizedGrantType::ClientCredentials,
    );
    let (g, h) = pair(
        &heads,
        calls,
        || async {
            client
                .oauth()
                .post_oauth_clients(request.clone())
                .await
                .expect("call");
        },
        || async {
            let body = http
                .post(format!("{base}/api/v2/oauth/clients"))
                .header("authorization", "Bearer bench-token")
                .header("accept", "application/json")
                .header("content-type", "application/json")
                .body(serde_json::to_vec(&request).expect("JSON"))
                .send()
                .await
                .expect("response")
                .bytes()
                .await
                .expect("body");
            let _: HandClient = serde_json::from_slice(&body).expect("decode");
        },
    )
    .await;
    println!("bench post_oauth_clients generated_ns={g} handwritten_ns={h}");

    let big = listing(entities);
    let (g, h) = pair(
        &heads,
        decodes,
        || async {
            let listing: OAuthClientEntityListing = serde_json::from_slice(&big).expect("decode");
            std::hint::black_box(listing);
        },
        || async {
            let listing: HandListing = serde_json::from_slice(&big).expect("decode");
            std::hint::black_box(listing);
        },
    )
    .await;
    println!("bench decode_{entities} generated_ns={g} handwritten_ns={h}");
}
