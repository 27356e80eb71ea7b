//! [`Call`]: one operation bound to a client, with per-call options; what the resource handles
//! return (`client.invoices().get(id)`).

use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::time::Duration;

use zoho_invoice_models::envelope::Record;
use zoho_invoice_models::lenient::Lenient;
use zoho_invoice_transport::{ApiRequest, RetryPolicy};

use crate::client::Client;
use crate::endpoint::{Endpoint, Operation};
use crate::page_iter::{PageIter, RecordIter};
use crate::paginate::{PageOf, Pages, Paginated, Records};
use crate::{Error, ErrorKind, TimeoutKind};

/// Options of one call, over the client's defaults.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct CallOptions {
    /// The organization the call is made for, instead of the client's default.
    pub organization: Option<String>,
    /// The retry policy of this call, instead of the client's.
    pub retry_policy: Option<RetryPolicy>,
    /// How long the caller waits for the whole call (every attempt and wait included); past
    /// it, the call is dropped with a [`TimeoutKind::Caller`] timeout.
    pub timeout: Option<Duration>,
}

impl CallOptions {
    /// Puts the options on `request`.
    pub(crate) fn apply(&self, mut request: ApiRequest) -> ApiRequest {
        if let Some(organization) = &self.organization {
            request = request.with_organization(organization.clone());
        }
        if let Some(policy) = &self.retry_policy {
            request = request.with_extension(policy.clone());
        }
        request
    }

    /// Runs `call` within the caller's timeout, if there is one.
    pub(crate) async fn within<T>(
        &self,
        call: impl Future<Output = Result<T, Error>>,
    ) -> Result<T, Error> {
        match self.timeout {
            Some(limit) => tokio::time::timeout(limit, call).await.unwrap_or_else(|_| {
                Err(ErrorKind::Timeout {
                    kind: TimeoutKind::Caller,
                    after: limit,
                }
                .into())
            }),
            None => call.await,
        }
    }
}

/// What a handle's call gives back of an answer: the record itself for an answer that carries
/// one record (`Invoice`, not `Record<Invoice>`), the answer as it is otherwise (a page, a
/// reply, a download). [`Call::envelope`] gives the whole answer.
pub trait Returned {
    /// What the call gives back.
    type Value;
    /// Takes it out of the answer to `operation`; an answer without it is an error that
    /// says so.
    fn returned(self, operation: &Operation) -> Result<Self::Value, Error>;

    /// Whether the answer's record has none of its named fields and some unnamed ones (the
    /// crate's tests look for such answers: the sign of data under a key a model does not
    /// name).
    #[doc(hidden)]
    fn is_hollow(&self) -> bool {
        false
    }
}

impl<T: Lenient> Returned for Record<T> {
    type Value = T;
    fn returned(self, _operation: &Operation) -> Result<T, Error> {
        Ok(self.record)
    }
    fn is_hollow(&self) -> bool {
        Record::is_hollow(self)
    }
}

/// Answers given back as they are: models (`@model`, which can be hollow), or other answers.
macro_rules! returned_as_is {
    (@model $($ty:ty),+ $(,)?) => {
        $(impl $crate::call::Returned for $ty {
            type Value = Self;
            fn returned(self, _operation: &$crate::Operation) -> Result<Self, $crate::Error> {
                Ok(self)
            }
            fn is_hollow(&self) -> bool {
                zoho_invoice_models::lenient::Lenient::is_hollow(self)
            }
        })+
    };
    ($($ty:ty),+ $(,)?) => {
        $(impl $crate::call::Returned for $ty {
            type Value = Self;
            fn returned(self, _operation: &$crate::Operation) -> Result<Self, $crate::Error> {
                Ok(self)
            }
        })+
    };
}
#[allow(unused_imports)] // with no resource feature, only this module uses it
pub(crate) use returned_as_is;

returned_as_is!(
    zoho_invoice_models::envelope::Reply,
    crate::endpoint::Download
);

impl<T: Lenient> Returned for zoho_invoice_models::envelope::Page<T> {
    type Value = Self;
    fn returned(self, _operation: &Operation) -> Result<Self, Error> {
        Ok(self)
    }
    fn is_hollow(&self) -> bool {
        zoho_invoice_models::envelope::Page::is_hollow(self)
    }
}

/// One operation bound to a client, as the resource handles return it: await it (async
/// client) or [`run`](Call::run) it (blocking client). Set the operation's options with its
/// setters (`.send(true)`, `.status(..)`) and the call's with
/// [`organization`](Call::organization), [`retry_policy`](Call::retry_policy) and
/// [`timeout`](Call::timeout).
///
/// Awaiting it gives the record itself for an answer that carries one
/// ([`Returned`]); [`envelope`](Call::envelope) gives the whole answer (`message`,
/// `page_context`, fields the models do not name).
#[must_use = "a call does nothing until it is awaited or run"]
#[derive(Debug, Clone)]
pub struct Call<E, C = Client> {
    client: C,
    endpoint: E,
    options: CallOptions,
}

impl<E, C> Call<E, C> {
    /// `endpoint` on `client`.
    pub fn new(client: C, endpoint: E) -> Self {
        Self {
            client,
            endpoint,
            options: CallOptions::default(),
        }
    }

    /// The call for `organization`, instead of the client's default.
    pub fn organization(mut self, organization: impl Into<String>) -> Self {
        self.options.organization = Some(organization.into());
        self
    }

    /// The call with its own retry policy.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.options.retry_policy = Some(policy);
        self
    }

    /// The call given up after `limit` (every attempt and wait included).
    pub fn timeout(mut self, limit: Duration) -> Self {
        self.options.timeout = Some(limit);
        self
    }

    /// The operation, as it will be sent.
    pub fn endpoint(&self) -> &E {
        &self.endpoint
    }

    /// The call with its operation passed through `change` (any of the operation's setters:
    /// `call.map(|op| op.send(true))`).
    pub fn map(mut self, change: impl FnOnce(E) -> E) -> Self {
        self.endpoint = change(self.endpoint);
        self
    }

    /// The call's options.
    pub fn options(&self) -> &CallOptions {
        &self.options
    }

    /// The parts: client, operation, options.
    pub fn into_parts(self) -> (C, E, CallOptions) {
        (self.client, self.endpoint, self.options)
    }
}

impl<E: Endpoint + 'static> Call<E, Client>
where
    E::Output: Send,
{
    /// The whole answer (`Record`, `Page`, `Reply`, ...), not only its record.
    pub async fn envelope(self) -> Result<E::Output, Error> {
        self.client.send_with(&self.endpoint, &self.options).await
    }
}

impl<E> Call<E, Client>
where
    E: Paginated,
    E::Output: PageOf + Send,
{
    /// Every page of the list, from the one its filter names, one request per page.
    pub fn pages(self) -> Pages<E::Output> {
        crate::paginate::pages(self.client, self.endpoint, self.options)
    }

    /// Every record of the list, across its pages.
    pub fn records(self) -> Records<<E::Output as PageOf>::Item>
    where
        <E::Output as PageOf>::Item: Send + 'static,
    {
        crate::paginate::records(self.client, self.endpoint, self.options)
    }
}

impl<E> IntoFuture for Call<E, Client>
where
    E: Endpoint + 'static,
    E::Output: Returned + Send,
{
    type Output = Result<<E::Output as Returned>::Value, Error>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            self.envelope()
                .await
                .and_then(|answer| answer.returned(&E::OPERATION))
        })
    }
}

/// A client that runs calls to the end on the caller's thread: the blocking client
/// implements it, which gives its calls [`Call::run`].
pub trait BlockingExecutor {
    /// Runs `endpoint` with `options` and waits for its answer.
    fn execute<E>(&self, endpoint: E, options: CallOptions) -> Result<E::Output, Error>
    where
        E: Endpoint + 'static,
        E::Output: Send + 'static;
}

impl<E, C> Call<E, C>
where
    C: BlockingExecutor,
    E: Endpoint + 'static,
    E::Output: Returned + Send + 'static,
{
    /// Sends the call and waits for its answer: the record itself for an answer that carries
    /// one.
    pub fn run(self) -> Result<<E::Output as Returned>::Value, Error> {
        self.run_for_envelope()
            .and_then(|answer| answer.returned(&E::OPERATION))
    }

    /// Sends the call and waits for the whole answer.
    pub fn run_for_envelope(self) -> Result<E::Output, Error> {
        self.client.execute(self.endpoint, self.options)
    }
}

impl<E, C> Call<E, C>
where
    C: BlockingExecutor,
    E: Paginated,
    E::Output: PageOf + Send + 'static,
{
    /// Every page of the list, from the one its filter names, as an iterator: one request per
    /// page as it advances.
    pub fn pages(self) -> PageIter<E, C> {
        PageIter::new(self.client, self.endpoint, self.options)
    }

    /// Every record of the list, across its pages, as an iterator.
    pub fn records(self) -> RecordIter<E, C> {
        RecordIter::new(self.pages())
    }
}
