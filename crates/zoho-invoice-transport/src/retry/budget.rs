//! A retry budget shared by every clone of a transport.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

/// A token bucket that pays for retries, so that a failing service is not hit with a retry
/// storm: each retry withdraws `retry_cost`, each success deposits `success_refund`, up to
/// `capacity`. When the bucket cannot pay, the failure is returned without retrying.
///
/// Clones share the bucket.
#[derive(Debug, Clone)]
pub struct RetryBudget {
    tokens: Arc<AtomicU32>,
    capacity: u32,
    retry_cost: u32,
    success_refund: u32,
}

impl Default for RetryBudget {
    /// 500 tokens, 5 per retry, 1 back per success (100 retries in a row, then one retry per
    /// five successes).
    fn default() -> Self {
        Self::new(500, 5, 1)
    }
}

impl RetryBudget {
    /// A full bucket of `capacity` tokens.
    pub fn new(capacity: u32, retry_cost: u32, success_refund: u32) -> Self {
        Self {
            tokens: Arc::new(AtomicU32::new(capacity)),
            capacity,
            retry_cost,
            success_refund,
        }
    }

    /// A budget that never runs out.
    pub fn unlimited() -> Self {
        Self::new(u32::MAX, 0, 0)
    }

    /// Tokens left.
    pub fn available(&self) -> u32 {
        self.tokens.load(Ordering::Relaxed)
    }

    /// Pays for one retry; `false` when the bucket cannot.
    pub fn try_withdraw(&self) -> bool {
        let cost = self.retry_cost;
        self.tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| t.checked_sub(cost))
            .is_ok()
    }

    /// Refunds after a success.
    pub fn deposit(&self) {
        let (refund, cap) = (self.success_refund, self.capacity);
        let _ = self
            .tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| {
                Some(t.saturating_add(refund).min(cap))
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn withdraws_until_empty_and_refunds_up_to_capacity() {
        let budget = RetryBudget::new(10, 5, 1);
        let clone = budget.clone();
        assert!(budget.try_withdraw());
        assert!(clone.try_withdraw());
        assert!(!budget.try_withdraw(), "clones share one bucket");
        budget.deposit();
        assert_eq!(budget.available(), 1);
        for _ in 0..20 {
            budget.deposit();
        }
        assert_eq!(budget.available(), 10);
    }
}
