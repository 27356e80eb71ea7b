//! Envelopes and errors, auth and organization checks, pagination and filters, and the
//! accounts server's token lifecycle, over raw HTTP.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use common::{Api, id, read};
use http::Request;
use http_body_util::Full;
use serde_json::{Value, json};
use zoho_invoice_mock::{DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, MockConfig, codes};

#[tokio::test]
async fn missing_records_and_invalid_input() {
    let api = Api::start().await;
    let a = api.call("GET", "/invoices/982000000999999", None).await;
    assert_eq!(
        (a.status, a.json()["code"].clone()),
        (404, json!(codes::NOT_FOUND))
    );
    assert_eq!(a.json()["message"], "Invoice does not exist.");
    let a = api
        .call(
            "POST",
            "/contacts",
            Some(json!({"company_name": "no name"})),
        )
        .await;
    // The reference's own code for a contact without a name.
    assert_eq!(
        (
            a.status,
            a.json()["code"].clone(),
            a.json()["message"].clone()
        ),
        (400, json!(3013), json!("Enter a valid Contact Name"))
    );
    let a = api
        .call(
            "POST",
            "/invoices",
            Some(
                json!({"customer_id": "982000000999999", "line_items": [{"name": "x", "rate": 1}]}),
            ),
        )
        .await;
    assert_eq!(
        (
            a.status,
            a.json()["code"].clone(),
            a.json()["message"].clone()
        ),
        (
            400,
            json!(codes::NOT_FOUND),
            json!("Contact does not exist.")
        )
    );
    let req = api
        .builder("POST", "/contacts")
        .header("Content-Type", "application/json")
        .body(Full::from("{oops"))
        .unwrap();
    let a = api.send(req).await;
    assert_eq!(
        (a.status, a.json()["code"].clone()),
        (400, json!(codes::BAD_JSON))
    );
    let ids = ["982000000999999"; 11].join(",");
    let a = api
        .call(
            "POST",
            &format!("/estimates/email?estimate_ids={ids}"),
            None,
        )
        .await;
    assert_eq!(
        (a.status, a.json()["code"].clone()),
        (400, json!(codes::TOO_MANY_IDS))
    );
    // Nothing was stored by the failed creates.
    assert_eq!(
        api.get("/contacts").await["contacts"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    assert_eq!(
        api.get("/invoices").await["invoices"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

#[tokio::test]
async fn auth_and_organization_checks() {
    let api = Api::start().await;
    let url = format!("{}/contacts", api.server.api_url());
    let org = api.server.organization_id().to_string();
    let no_token = Request::get(&url)
        .header("X-com-zoho-invoice-organizationid", &org)
        .body(Full::default())
        .unwrap();
    let a = api.send(no_token).await;
    assert_eq!(
        (a.status, a.json()["code"].clone()),
        (401, json!(codes::NOT_AUTHORIZED))
    );
    let bad_token = Request::get(&url)
        .header("Authorization", "Zoho-oauthtoken 1000.unknown.token")
        .header("X-com-zoho-invoice-organizationid", &org)
        .body(Full::default())
        .unwrap();
    let a = api.send(bad_token).await;
    assert_eq!(
        (a.status, a.json()["code"].clone()),
        (401, json!(codes::INVALID_TOKEN))
    );
    let no_org = Request::get(&url)
        .header(
            "Authorization",
            format!(
                "Zoho-oauthtoken {}",
                zoho_invoice_mock::DEFAULT_ACCESS_TOKEN
            ),
        )
        .body(Full::default())
        .unwrap();
    let a = api.send(no_org).await;
    assert_eq!(
        (a.status, a.json()["code"].clone()),
        (400, json!(codes::MISSING_ORGANIZATION))
    );
    let a = api.call("GET", "/contacts?organization_id=999", None).await;
    assert_eq!(a.status, 200, "the header wins over the query");
    let query_org = Request::get(format!("{url}?organization_id=424242"))
        .header(
            "Authorization",
            format!(
                "Zoho-oauthtoken {}",
                zoho_invoice_mock::DEFAULT_ACCESS_TOKEN
            ),
        )
        .body(Full::default())
        .unwrap();
    let a = api.send(query_org).await;
    assert_eq!(
        (a.status, a.json()["code"].clone()),
        (400, json!(codes::UNKNOWN_ORGANIZATION))
    );
    // Organizations keep their data apart.
    api.server.add_organization("424242", "Other");
    api.contact("Only in the default org").await;
    let other = Request::get(format!("{url}?organization_id=424242"))
        .header(
            "Authorization",
            format!(
                "Zoho-oauthtoken {}",
                zoho_invoice_mock::DEFAULT_ACCESS_TOKEN
            ),
        )
        .body(Full::default())
        .unwrap();
    let a = api.send(other).await;
    assert_eq!(a.json()["contacts"].as_array().unwrap().len(), 0);
    let orgs = api.get("/organizations").await;
    assert_eq!(orgs["organizations"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn pagination_and_filters() {
    let api = Api::start().await;
    let a = api.contact("Bowman and Co").await;
    let b = api.contact("Zylker").await;
    for i in 0..5 {
        api.invoice(&a, f64::from(10 + i), 1.0).await;
    }
    let last = api.invoice(&b, 99.0, 1.0).await;
    let page1 = api.get("/invoices?per_page=4&page=1").await;
    assert_eq!(page1["invoices"].as_array().unwrap().len(), 4);
    assert_eq!(page1["page_context"]["has_more_page"], true);
    assert_eq!(page1["page_context"]["per_page"], 4);
    let page2 = api.get("/invoices?per_page=4&page=2").await;
    assert_eq!(page2["invoices"].as_array().unwrap().len(), 2);
    assert_eq!(page2["page_context"]["has_more_page"], false);
    let capped = api.get("/invoices?per_page=500").await;
    assert_eq!(capped["page_context"]["per_page"], 200);
    assert_eq!(
        api.get(&format!("/invoices?customer_id={b}")).await["invoices"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        api.get("/invoices?search_text=zylker").await["invoices"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        api.get("/invoices?invoice_number_startswith=INV-00000")
            .await["invoices"]
            .as_array()
            .unwrap()
            .len(),
        6
    );
    assert_eq!(
        api.get("/invoices?total_greater_than=12").await["invoices"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let sorted = api.get("/invoices?sort_column=total&sort_order=D").await;
    assert_eq!(sorted["invoices"][0]["total"], 99);
    assert_eq!(sorted["page_context"]["sort_order"], "D");
    let iid = id(&last, "invoice_id");
    // Later changes are found by last_modified_time.
    api.server.advance_clock(Duration::from_secs(120));
    api.post_ok(&format!("/invoices/{iid}/status/sent"), None)
        .await;
    assert_eq!(
        api.get("/invoices?status=sent").await["invoices"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        api.get("/invoices?filter_by=Status.Draft").await["invoices"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
    let today = api.server.today();
    assert_eq!(
        api.get(&format!("/invoices?date_start={today}&date_end={today}"))
            .await["invoices"]
            .as_array()
            .unwrap()
            .len(),
        6
    );
    assert_eq!(
        api.get("/invoices?date_before=2000-01-01").await["invoices"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    let cursor = api.get(&format!("/invoices/{iid}")).await["invoice"]["last_modified_time"]
        .as_str()
        .unwrap()
        .to_string();
    let cursor = cursor.replace('+', "%2B");
    let since = api
        .get(&format!("/invoices?last_modified_time={cursor}"))
        .await;
    assert_eq!(
        since["invoices"].as_array().unwrap().len(),
        1,
        "only the invoice marked sent"
    );
    api.server.advance_clock(Duration::from_secs(60));
    let one = id(
        &api.get("/invoices?sort_column=created_time").await["invoices"][0],
        "invoice_id",
    );
    api.call(
        "PUT",
        &format!("/invoices/{one}"),
        Some(json!({"notes": "changed"})),
    )
    .await;
    let newer = api
        .get(&format!(
            "/invoices?last_modified_time={cursor}&sort_column=last_modified_time"
        ))
        .await;
    let ids: Vec<&str> = newer["invoices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["invoice_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec![iid.as_str(), one.as_str()]);
}

async fn token_call(api: &Api, form: &str) -> (u16, Value) {
    let req = Request::post(format!("{}/oauth/v2/token", api.server.accounts_url()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(Full::from(form.to_string()))
        .unwrap();
    let a = read(api.client.request(req).await.unwrap()).await;
    (a.status, a.json())
}

fn client_form(rest: &str) -> String {
    format!("client_id={DEFAULT_CLIENT_ID}&client_secret={DEFAULT_CLIENT_SECRET}&{rest}")
}

async fn call_with(api: &Api, token: &str) -> u16 {
    let req = Request::get(format!("{}/contacts", api.server.api_url()))
        .header("Authorization", format!("Zoho-oauthtoken {token}"))
        .header(
            "X-com-zoho-invoice-organizationid",
            api.server.organization_id(),
        )
        .body(Full::default())
        .unwrap();
    api.send(req).await.status
}

#[tokio::test]
async fn token_lifecycle() {
    let api = Api::start_with(MockConfig::default().with_static_token(None)).await;
    let code = api.server.grant_code();
    let (status, tok) = token_call(
        &api,
        &client_form(&format!(
            "grant_type=authorization_code&code={code}&redirect_uri=http://localhost/cb"
        )),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(tok["expires_in"], 3600);
    assert_eq!(tok["api_domain"], api.server.api_domain());
    let access = tok["access_token"].as_str().unwrap().to_string();
    let refresh = tok["refresh_token"].as_str().unwrap().to_string();
    assert_eq!(call_with(&api, &access).await, 200);
    // A grant code works once; a bad one is answered with HTTP 200 and an error field.
    let (status, again) = token_call(
        &api,
        &client_form(&format!("grant_type=authorization_code&code={code}")),
    )
    .await;
    assert_eq!(
        (status, again["error"].clone()),
        (200, json!("invalid_code"))
    );
    let (status, bad) = token_call(
        &api,
        &format!("client_id=x&client_secret=y&grant_type=refresh_token&refresh_token={refresh}"),
    )
    .await;
    assert_eq!(
        (status, bad["error"].clone()),
        (200, json!("invalid_client"))
    );
    // Expiry on the server's clock.
    api.server.advance_clock(Duration::from_secs(3601));
    assert_eq!(call_with(&api, &access).await, 401);
    let (_, refreshed) = token_call(
        &api,
        &client_form(&format!("grant_type=refresh_token&refresh_token={refresh}")),
    )
    .await;
    assert!(
        refreshed.get("refresh_token").is_none(),
        "refresh responses carry no refresh token"
    );
    let access2 = refreshed["access_token"].as_str().unwrap().to_string();
    assert_ne!(access, access2);
    assert_eq!(call_with(&api, &access2).await, 200);
    // Revoking the refresh token kills its access tokens and further refreshes.
    let req = Request::post(format!(
        "{}/oauth/v2/token/revoke?token={refresh}",
        api.server.accounts_url()
    ))
    .body(Full::default())
    .unwrap();
    let a = read(api.client.request(req).await.unwrap()).await;
    assert_eq!(a.json()["status"], "success");
    assert_eq!(call_with(&api, &access2).await, 401);
    let (_, dead) = token_call(
        &api,
        &client_form(&format!("grant_type=refresh_token&refresh_token={refresh}")),
    )
    .await;
    assert_eq!(dead["error"], "invalid_code");
    // The token exchange was logged with its secrets redacted.
    let logged = api
        .server
        .requests()
        .into_iter()
        .find(|r| r.path == "/oauth/v2/token")
        .unwrap();
    let body = String::from_utf8_lossy(&logged.body).to_string();
    assert!(body.contains("client_secret=[REDACTED]") && !body.contains(DEFAULT_CLIENT_SECRET));
}

#[tokio::test]
async fn token_throttle_locks_out_and_retrying_extends_the_lock() {
    let api =
        Api::start_with(MockConfig::default().with_token_throttle(3, Duration::from_secs(600)))
            .await;
    let code = api.server.grant_code();
    let (_, tok) = token_call(
        &api,
        &client_form(&format!("grant_type=authorization_code&code={code}")),
    )
    .await;
    let refresh = tok["refresh_token"].as_str().unwrap().to_string();
    let form = client_form(&format!("grant_type=refresh_token&refresh_token={refresh}"));
    for _ in 0..3 {
        assert!(
            token_call(&api, &form)
                .await
                .1
                .get("access_token")
                .is_some()
        );
    }
    let (status, denied) = token_call(&api, &form).await;
    assert_eq!(status, 400);
    assert_eq!(denied["error"], "Access Denied");
    assert!(
        denied["error_description"]
            .as_str()
            .unwrap()
            .contains("too many requests continuously")
    );
    // After 590 s the window would have passed, but the retry at 0 s extended the lock.
    api.server.advance_clock(Duration::from_secs(590));
    assert_eq!(token_call(&api, &form).await.1["error"], "Access Denied");
    api.server.advance_clock(Duration::from_secs(601));
    assert!(
        token_call(&api, &form)
            .await
            .1
            .get("access_token")
            .is_some()
    );
}

#[tokio::test]
async fn authorization_redirect_carries_code_and_accounts_server() {
    let api = Api::start().await;
    let url = format!(
        "{}/oauth/v2/auth?client_id={DEFAULT_CLIENT_ID}&response_type=code&redirect_uri=http://localhost/cb&access_type=offline&prompt=consent&state=xyz",
        api.server.accounts_url()
    );
    let a = read(
        api.client
            .request(Request::get(url).body(Full::default()).unwrap())
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(a.status, 302);
    let location = a.header("location").to_string();
    assert!(location.starts_with("http://localhost/cb?code=1000."));
    assert!(location.contains(&format!("accounts-server={}", api.server.accounts_url())));
    assert!(location.contains("state=xyz"));
    let code = location
        .split("code=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_string();
    let (_, tok) = token_call(
        &api,
        &client_form(&format!("grant_type=authorization_code&code={code}")),
    )
    .await;
    assert!(tok.get("refresh_token").is_some());
}

#[tokio::test]
async fn rate_limit_headers_count_down() {
    let api = Api::start_with(
        MockConfig::default().with_limits(zoho_invoice_mock::Limits::default().with_daily(50)),
    )
    .await;
    let a = api.call("GET", "/contacts", None).await;
    assert_eq!(a.header("x-rate-limit-limit"), "50");
    assert_eq!(a.header("x-rate-limit-remaining"), "49");
    let reset: u64 = a.header("x-rate-limit-reset").parse().unwrap();
    assert!(reset > 0 && reset <= 86_400);
    let b = api.call("GET", "/contacts", None).await;
    assert_eq!(b.header("x-rate-limit-remaining"), "48");
}

/// The ids of the invoices a list answers.
fn invoice_ids(list: &Value) -> Vec<String> {
    list["invoices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| id(i, "invoice_id"))
        .collect()
}

#[tokio::test]
async fn sent_invoices_fall_overdue_in_status_filters_as_the_clock_passes() {
    let api = Api::start().await;
    let customer = api.contact("Bowman and Co").await;
    let invoice = api.invoice(&customer, 10.0, 1.0).await;
    let iid = id(&invoice, "invoice_id");
    api.post_ok(&format!("/invoices/{iid}/status/sent"), None)
        .await;
    let sent = "/invoices?filter_by=Status.Sent";
    let overdue = "/invoices?filter_by=Status.Overdue";
    assert_eq!(invoice_ids(&api.get(sent).await), [iid.as_str()]);
    assert!(invoice_ids(&api.get(overdue).await).is_empty());

    api.server
        .advance_clock(Duration::from_secs(400 * 24 * 60 * 60));
    assert!(invoice_ids(&api.get(sent).await).is_empty());
    assert_eq!(invoice_ids(&api.get(overdue).await), [iid.as_str()]);
    let unpaid = api.get("/invoices?filter_by=Status.Unpaid").await;
    assert_eq!(invoice_ids(&unpaid), [iid.as_str()]);
    assert_eq!(unpaid["invoices"][0]["status"], "overdue");
}

#[tokio::test]
async fn answers_say_how_long_the_server_took() {
    let api = Api::start().await;
    let a = api.call("GET", "/invoices", None).await;
    let timing = a.header("server-timing");
    let ms: f64 = timing.strip_prefix("app;dur=").unwrap().parse().unwrap();
    assert!(ms >= 0.0, "{timing}");
}
