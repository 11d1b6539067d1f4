//! Without a mapping, the values an alternative pins its tag property to
//! select it (and its schema name still does); in a `oneOf` and in the
//! polymorphic form alike.

use case_discriminator_implicit_enum::models::{
    AlbumContext, Context, Playing, PlayingItem, PlaylistContext,
};
use case_discriminator_implicit_enum::Client;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn playing(body: serde_json::Value) -> Playing {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/me/player/currently-playing"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    client.player().get_currently_playing().await.unwrap()
}

#[tokio::test]
async fn a_one_value_enum_selects_its_alternative() {
    let p = playing(json!({"item": {"type": "track", "duration_ms": 1000}})).await;
    match p.item {
        Some(PlayingItem::TrackObject(t)) => assert_eq!(t.duration_ms, Some(1000)),
        other => panic!("expected a track, got {other:?}"),
    }
}

#[tokio::test]
async fn a_referenced_one_value_enum_selects_its_alternative() {
    let p = playing(json!({"item": {"type": "episode", "show": "news"}})).await;
    match p.item {
        Some(PlayingItem::EpisodeObject(e)) => assert_eq!(e.show.as_deref(), Some("news")),
        other => panic!("expected an episode, got {other:?}"),
    }
}

#[tokio::test]
async fn every_value_of_an_enum_in_an_all_of_selects_its_alternative() {
    for tag in ["ad", "promo"] {
        let p = playing(json!({"item": {"type": tag, "sponsor": "acme"}})).await;
        match p.item {
            Some(PlayingItem::AdObject(a)) => assert_eq!(a.sponsor.as_deref(), Some("acme")),
            other => panic!("expected an ad for {tag}, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn the_schema_name_still_selects_and_a_plain_string_goes_by_name() {
    let p = playing(json!({"item": {"type": "TrackObject"}})).await;
    assert!(matches!(p.item, Some(PlayingItem::TrackObject(_))), "{:?}", p.item);
    let p = playing(json!({"item": {"type": "Chapter", "number": 2}})).await;
    assert!(matches!(p.item, Some(PlayingItem::Chapter(_))), "{:?}", p.item);
    let p = playing(json!({"item": {"type": "song"}})).await;
    assert!(matches!(p.item, Some(PlayingItem::Other(_))), "{:?}", p.item);
}

#[tokio::test]
async fn subtypes_are_chosen_by_the_value_they_redeclare() {
    let p = playing(json!({"context": {"kind": "album", "album_name": "Blue"}})).await;
    match p.context {
        Some(Context::AlbumContext(a)) => assert_eq!(a.album_name.as_deref(), Some("Blue")),
        other => panic!("expected an album, got {other:?}"),
    }
    // A redeclaration with only an `example` keeps the base's enum and
    // gives its value as the tag.
    let p = playing(json!({"context": {"kind": "playlist", "owner": "ann"}})).await;
    match p.context {
        Some(Context::PlaylistContext(c)) => assert_eq!(c.owner.as_deref(), Some("ann")),
        other => panic!("expected a playlist, got {other:?}"),
    }
}

#[test]
fn a_subtype_built_by_hand_carries_the_value_it_pins() {
    let album = serde_json::to_value(Context::AlbumContext(AlbumContext::new())).unwrap();
    assert_eq!(album["kind"], "album");
    let playlist = serde_json::to_value(Context::PlaylistContext(PlaylistContext::new())).unwrap();
    assert_eq!(playlist["kind"], "playlist");
}
