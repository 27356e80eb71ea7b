//! The runtime thread: one current-thread tokio runtime running every call of every handle.
//!
//! Calls reach it over a channel, the way `reqwest::blocking` does: no lock is taken per call.
//! A call whose caller stops waiting (the calling side's timeout) is cancelled on the runtime
//! thread, not left running.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::mpsc as std_mpsc;
use std::thread::{JoinHandle, ThreadId};
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};
use zoho_invoice::{Client as AsyncClient, Error, ErrorKind, TimeoutKind};

/// The name of the runtime thread.
pub const THREAD_NAME: &str = "zoho-invoice-blocking";

type Job = Box<dyn FnOnce(AsyncClient) -> Pin<Box<dyn Future<Output = ()> + Send>> + Send>;

/// Owns the runtime thread; dropping it (with the last handle) stops and joins the thread,
/// cancelling whatever is still running there.
pub(crate) struct Runtime {
    jobs: Option<mpsc::UnboundedSender<Job>>,
    thread: Option<JoinHandle<()>>,
    thread_id: ThreadId,
    timeout: Option<Duration>,
}

fn shutdown(reason: &str) -> Error {
    ErrorKind::Shutdown(reason.to_owned()).into()
}

impl Runtime {
    /// Starts the thread; `make_client` runs on it, inside the runtime.
    pub(crate) fn start<F>(make_client: F, timeout: Option<Duration>) -> Result<Arc<Self>, Error>
    where
        F: FnOnce() -> Result<AsyncClient, Error> + Send + 'static,
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
                        let _ = ready.send(Err(shutdown(&format!("it could not start: {e}"))));
                        return;
                    }
                };
                runtime.block_on(async move {
                    let client = match make_client() {
                        Ok(client) => client,
                        Err(e) => {
                            let _ = ready.send(Err(e));
                            return;
                        }
                    };
                    let _ = ready.send(Ok(()));
                    while let Some(job) = queue.recv().await {
                        tokio::spawn(job(client.clone()));
                    }
                });
                // Dropping the runtime here cancels whatever is still running.
            })
            .map_err(|e| shutdown(&format!("its thread could not start: {e}")))?;
        let thread_id = thread.thread().id();
        started
            .recv()
            .map_err(|_| shutdown("it stopped while starting"))??;
        Ok(Arc::new(Self {
            jobs: Some(jobs),
            thread: Some(thread),
            thread_id,
            timeout,
        }))
    }

    /// Runs `task` on the runtime thread and waits for its result, at most the timeout; a
    /// task the caller stopped waiting for is cancelled.
    pub(crate) fn run<T, F, Fut>(&self, task: F) -> Result<T, Error>
    where
        T: Send + 'static,
        F: FnOnce(AsyncClient) -> Fut + Send + 'static,
        Fut: Future<Output = T> + Send + 'static,
    {
        let (tx, rx) = std_mpsc::sync_channel::<T>(1);
        // Dropped when this call returns: if the task is still running then, it stops.
        let (_caller_waits, caller_gone) = oneshot::channel::<()>();
        let job: Job = Box::new(move |client| {
            Box::pin(async move {
                tokio::select! {
                    output = task(client) => {
                        let _ = tx.send(output);
                    }
                    _ = caller_gone => {}
                }
            })
        });
        self.jobs
            .as_ref()
            .ok_or_else(|| shutdown("the client is shutting down"))?
            .send(job)
            .map_err(|_| shutdown("its thread has stopped"))?;
        match self.timeout {
            Some(limit) => rx.recv_timeout(limit).map_err(|e| match e {
                std_mpsc::RecvTimeoutError::Timeout => ErrorKind::Timeout {
                    kind: TimeoutKind::Caller,
                    after: limit,
                }
                .into(),
                std_mpsc::RecvTimeoutError::Disconnected => shutdown("its thread has stopped"),
            }),
            None => rx.recv().map_err(|_| shutdown("its thread has stopped")),
        }
    }
}

impl Drop for Runtime {
    fn drop(&mut self) {
        // Closing the queue ends the runtime thread's loop.
        self.jobs.take();
        if let Some(thread) = self.thread.take() {
            // A runtime thread cannot join itself; it is ending on its own then.
            if std::thread::current().id() != self.thread_id {
                let _ = thread.join();
            }
        }
    }
}
