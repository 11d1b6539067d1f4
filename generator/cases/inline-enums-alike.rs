//! A value read from one model goes into the other as it is: the inline
//! enums with the same values are one type.

use case_inline_enums_alike::models::{Account, AccountGrant, AccountRequest};
use serde_json::json;

#[test]
fn a_read_value_is_written_back_without_conversion() {
    let account: Account = serde_json::from_value(json!({"grant": "TOKEN"})).unwrap();
    let grant: AccountGrant = account.grant.unwrap();
    let request = AccountRequest::new(grant);
    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        json!({"grant": "TOKEN"})
    );
}
