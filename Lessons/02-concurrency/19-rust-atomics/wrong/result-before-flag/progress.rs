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
        self.result.store(result, Ordering::Relaxed);
        // Release: every write before this store is visible to a thread
        // whose Acquire load reads `true`.
        self.finished.store(true, Ordering::Release);
    }

    /// Called by any thread: the result, once it has been published.
    pub fn result(&self) -> Option<u64> {
        // Wrong: the right orderings, but the result is read before the
        // flag. Acquire orders only the reads after it, so this can return
        // the old result together with `finished == true`.
        let result = self.result.load(Ordering::Relaxed);
        if self.finished.load(Ordering::Acquire) {
            Some(result)
        } else {
            None
        }
    }
}
