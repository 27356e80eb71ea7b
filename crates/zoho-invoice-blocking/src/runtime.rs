//! The runtime thread: one current-thread tokio runtime running every call of every handle.

use std::future::Future;
use std::pin::Pin;
use std::sync::mpsc as std_mpsc;
use std::sync::{Arc, Mutex};
use std::thread::{JoinHandle, ThreadId};
use std::time::Duration;

use tokio::sync::mpsc;
use zoho_invoice::Client as AsyncClient;

use crate::error::Error;

/// The name of the runtime thread.
pub const THREAD_NAME: &str = "zoho-invoice-blocking";

type Job = Box<dyn FnOnce(AsyncClient) -> Pin<Box<dyn Future<Output = ()> + Send>> + Send>;

/// Owns the runtime thread; dropping it (with the last handle) stops and joins the thread.
pub(crate) struct Runtime {
    jobs: Mutex<Option<mpsc::UnboundedSender<Job>>>,
    thread: Mutex<Option<JoinHandle<()>>>,
    thread_id: ThreadId,
    timeout: Option<Duration>,
}

impl Runtime {
    /// Starts the thread; `make_client` runs on it, inside the runtime.
    pub(crate) fn start<F>(make_client: F, timeout: Option<Duration>) -> Result<Arc<Self>, Error>
    where
        F: FnOnce() -> Result<AsyncClient, zoho_invoice::Error> + Send + 'static,
    {
        let (jobs, mut queue) = mpsc::unbounded_channel::<Job>();
        let (ready, started) = std_mpsc::channel::<Result<(), Error>>();
        let thread = std::thread::Builder::new()
            .name(THREAD_NAME.to_owned())
            .spawn(move || {
                let runtime = match tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    Ok(rt) => rt,
                    Err(e) => {
                        let _ = ready.send(Err(Error::Runtime(e.to_string())));
                        return;
                    }
                };
                runtime.block_on(async move {
                    let client = match make_client() {
                        Ok(client) => client,
                        Err(e) => {
                            let _ = ready.send(Err(Error::Api(e)));
                            return;
                        }
                    };
                    let _ = ready.send(Ok(()));
                    while let Some(job) = queue.recv().await {
                        tokio::spawn(job(client.clone()));
                    }
                });
                // Dropping the runtime here cancels whatever a caller stopped waiting for.
            })
            .map_err(|e| Error::Runtime(e.to_string()))?;
        let thread_id = thread.thread().id();
        started.recv().map_err(|_| Error::Shutdown)??;
        Ok(Arc::new(Self {
            jobs: Mutex::new(Some(jobs)),
            thread: Mutex::new(Some(thread)),
            thread_id,
            timeout,
        }))
    }

    /// Runs `task` on the runtime thread and waits for its result, at most the timeout.
    pub(crate) fn run<T, F, Fut>(&self, task: F) -> Result<T, Error>
    where
        T: Send + 'static,
        F: FnOnce(AsyncClient) -> Fut + Send + 'static,
        Fut: Future<Output = T> + Send + 'static,
    {
        let (tx, rx) = std_mpsc::sync_channel::<T>(1);
        let job: Job = Box::new(move |client| {
            Box::pin(async move {
                let _ = tx.send(task(client).await);
            })
        });
        {
            let jobs = self.jobs.lock().map_err(|_| Error::Shutdown)?;
            jobs.as_ref()
                .ok_or(Error::Shutdown)?
                .send(job)
                .map_err(|_| Error::Shutdown)?;
        }
        match self.timeout {
            Some(limit) => rx.recv_timeout(limit).map_err(|e| match e {
                std_mpsc::RecvTimeoutError::Timeout => Error::Timeout(limit),
                std_mpsc::RecvTimeoutError::Disconnected => Error::Shutdown,
            }),
            None => rx.recv().map_err(|_| Error::Shutdown),
        }
    }
}

impl Drop for Runtime {
    fn drop(&mut self) {
        // Closing the queue ends the runtime thread's loop.
        if let Ok(mut jobs) = self.jobs.lock() {
            jobs.take();
        }
        let thread = self.thread.lock().ok().and_then(|mut t| t.take());
        if let Some(thread) = thread {
            // A runtime thread cannot join itself; it is ending on its own then.
            if std::thread::current().id() != self.thread_id {
                let _ = thread.join();
            }
        }
    }
}
