#![cfg(all(
    feature = "users",
    feature = "organizations",
    feature = "currencies",
    feature = "taxes"
))]

use zoho_invoice::models::currencies::{CurrencyFilterBy, CurrencyInput, ExchangeRateInput};
use zoho_invoice::models::organizations::{NewOrganization, OrganizationInput};
use zoho_invoice::models::taxes::{TaxGroupInput, TaxInput};
use zoho_invoice::models::users::{UserFilterBy, UserInput, UserStatus};
use zoho_invoice::models::{Decimal, Placement};

use crate::support::mock;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn users_the_current_one_and_a_new_one_on_the_fake_server() {
    let (_server, client) = mock().await;
    let me = client.users().get_current().await.unwrap();
    assert_eq!(me.is_current_user, Some(true));
    assert_eq!(me.status, Some(UserStatus::Active));

    client
        .users()
        .create(UserInput::new("Will Smith", "will@bowman.example"))
        .await
        .unwrap();
    let invited = client
        .users()
        .list()
        .filter_by(UserFilterBy::Invited)
        .await
        .unwrap();
    let will = invited
        .records
        .iter()
        .find(|u| u.email.as_deref() == Some("will@bowman.example"))
        .expect("the new user is listed");
    let will_id = will.user_id.clone();
    assert_eq!(will.status, Some(UserStatus::Invited));

    client.users().mark_inactive(&will_id).await.unwrap();
    let will = client.users().get(&will_id).await.unwrap();
    assert_eq!(will.status, Some(UserStatus::Inactive));
    client.users().delete(&will_id).await.unwrap();
    let gone = client.users().get(&will_id).await.unwrap_err();
    assert!(gone.is_not_found(), "{gone}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_currency_and_its_exchange_rates_on_the_fake_server() {
    let (_server, client) = mock().await;
    let euro = client
        .currencies()
        .create(CurrencyInput::new("EUR", "1,234,567.89").currency_symbol("€"))
        .await
        .unwrap();
    let rate = client
        .currencies()
        .create_exchange_rate(
            &euro.currency_id,
            ExchangeRateInput::new(
                "2024-01-01"
                    .parse::<zoho_invoice::models::NaiveDate>()
                    .unwrap(),
                Decimal::new(108, 2),
            ),
        )
        .await
        .unwrap();
    assert_eq!(rate.rate, Some(Decimal::new(108, 2)));
    let rates = client
        .currencies()
        .list_exchange_rates(&euro.currency_id)
        .await
        .unwrap();
    assert_eq!(rates.records.len(), 1);
    let fetched = client
        .currencies()
        .get_exchange_rate(&euro.currency_id, &rate.exchange_rate_id)
        .await
        .unwrap();
    assert_eq!(fetched.exchange_rate_id, rate.exchange_rate_id);
    let listed = client
        .currencies()
        .list()
        .filter_by(CurrencyFilterBy::ExcludeBaseCurrency)
        .await
        .unwrap();
    assert!(
        listed
            .records
            .iter()
            .any(|c| c.currency_id == euro.currency_id)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn taxes_and_a_tax_group_on_the_fake_server() {
    let (_server, client) = mock().await;
    let state = client
        .taxes()
        .create(TaxInput::new("State", Decimal::new(5, 0)))
        .await
        .unwrap();
    let city = client
        .taxes()
        .create(TaxInput::new("City", Decimal::new(25, 1)))
        .await
        .unwrap();
    let ids = format!("{},{}", state.tax_id, city.tax_id);
    let group = client
        .taxes()
        .create_group(TaxGroupInput::new("Sales", ids))
        .await
        .unwrap();
    let fetched = client.taxes().get_group(&group.tax_group_id).await.unwrap();
    assert_eq!(fetched.tax_group_name.as_deref(), Some("Sales"));
    // The organization starts with taxes of its own; the two new ones join them.
    let ids = |page: zoho_invoice::models::envelope::Page<zoho_invoice::models::taxes::Tax>| {
        page.records
            .into_iter()
            .map(|t| t.tax_id)
            .collect::<Vec<_>>()
    };
    let listed = ids(client.taxes().list().await.unwrap());
    assert!(listed.contains(&state.tax_id) && listed.contains(&city.tax_id));
    client.taxes().delete(&city.tax_id).await.unwrap();
    let after = ids(client.taxes().list().await.unwrap());
    assert_eq!(after.len(), listed.len() - 1);
    assert!(after.contains(&state.tax_id) && !after.contains(&city.tax_id));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_organization_is_read_changed_and_another_created_on_the_fake_server() {
    let (server, client) = mock().await;
    let id: zoho_invoice::models::ids::OrganizationId = server.organization_id().parse().unwrap();
    let org = client.organizations().get(&id).await.unwrap();
    assert_eq!(org.organization_id, id);

    let changed = client
        .organizations()
        .update(&id, OrganizationInput::default().name("Bowman and Co"))
        .envelope()
        .await
        .unwrap();
    assert_eq!(changed.placement, Placement::Usual);
    assert_eq!(changed.record.name.as_deref(), Some("Bowman and Co"));

    let new = client
        .organizations()
        .create(NewOrganization::new(
            "Second",
            "EUR",
            "Europe/Paris",
            "second",
        ))
        .await
        .unwrap();
    let all = client.organizations().list().await.unwrap();
    assert!(
        all.records
            .iter()
            .any(|o| o.organization_id == new.organization_id),
        "the new organization is listed"
    );
    let other = client
        .organizations()
        .get(&new.organization_id)
        .await
        .unwrap_err();
    assert!(
        other.is_not_found(),
        "another organization is not this one's: {other}"
    );
}
