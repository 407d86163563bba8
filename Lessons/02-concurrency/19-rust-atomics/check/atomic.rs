// The check's copy of std::sync::atomic, for the learner's progress.rs.
// `AtomicU64` and `AtomicBool` have the same methods as std's and pass every
// call on to a real std atomic, with the same ordering. Two things are added:
//
// * A worker thread that the harness marks pauses after its first `load` of
//   an AtomicU64 until every marked thread has loaded too (or 5 s pass):
//   the worst interleaving for a load followed by a store, on every run.
// * Every write that raises an AtomicBool from false to true, and every read
//   that sees it true, records its ordering, because x86 keeps stores in
//   order and would not show what Relaxed allows. During the publish test the
//   raising thread also waits (up to 5 s) until the reader has read the
//   result, so a result written after the flag is seen missing, every run.
// * A standalone `fence` is passed on too, and counts: a Relaxed raise right
//   after `fence(Release)` (with no atomic write between them) counts as a
//   release, and a Relaxed read of the raised flag followed by
//   `fence(Acquire)` before the next atomic read counts as an acquire.
// * During the publish test, a reader thread that loads an AtomicU64 before
//   the flag has been raised pauses until it is: a result() that reads the
//   result before the flag then returns the stale result, every run. (The
//   harness starts publish only after the reader's first atomic load.)
#![allow(dead_code)]

use std::cell::Cell;
use std::sync::atomic as std_atomic;
use std::time::{Duration, Instant};

pub use std::sync::atomic::Ordering;

const WAIT_AT_MOST: Duration = Duration::from_secs(5);

thread_local! {
    static PAUSE_AFTER_FIRST_LOAD: Cell<bool> = const { Cell::new(false) };
    // A fence with release semantics, and no atomic write since it.
    static RELEASE_FENCED: Cell<bool> = const { Cell::new(false) };
    // The raised flag was read without Acquire, and no acquire fence since.
    static ACQUIRE_PENDING: Cell<bool> = const { Cell::new(false) };
    static IS_READER: Cell<bool> = const { Cell::new(false) };
}
static PARTIES: std_atomic::AtomicUsize = std_atomic::AtomicUsize::new(0);
static ARRIVED: std_atomic::AtomicUsize = std_atomic::AtomicUsize::new(0);

pub static PUBLISH_TEST: std_atomic::AtomicBool = std_atomic::AtomicBool::new(false);
pub static READER_DONE: std_atomic::AtomicBool = std_atomic::AtomicBool::new(false);
pub static WEAK_RAISE: std_atomic::AtomicBool = std_atomic::AtomicBool::new(false);
pub static WEAK_SEE: std_atomic::AtomicBool = std_atomic::AtomicBool::new(false);
pub static RAISES: std_atomic::AtomicUsize = std_atomic::AtomicUsize::new(0);
/// Atomic loads made by the publish test's reader thread.
pub static READER_LOADS: std_atomic::AtomicUsize = std_atomic::AtomicUsize::new(0);

/// Harness: the next `parties` marked threads rendezvous after their first load.
pub fn start_rendezvous(parties: usize) {
    ARRIVED.store(0, Ordering::SeqCst);
    PARTIES.store(parties, Ordering::SeqCst);
}

/// Harness: mark the calling thread.
pub fn pause_after_first_load() {
    PAUSE_AFTER_FIRST_LOAD.with(|p| p.set(true));
}

/// Harness: mark the calling thread as the publish test's reader.
pub fn mark_reader() {
    IS_READER.with(|r| r.set(true));
}

/// std's `fence`, passed on, and recorded for the publish test.
pub fn fence(order: Ordering) {
    std_atomic::fence(order);
    if has_release(order) {
        RELEASE_FENCED.with(|f| f.set(true));
    }
    if has_acquire(order) {
        ACQUIRE_PENDING.with(|p| p.set(false));
    }
}

/// Every atomic write of a number: a release fence before it no longer
/// orders it before a later relaxed raise.
fn wrote() {
    RELEASE_FENCED.with(|f| f.set(false));
}

/// Every atomic read of a number: after a relaxed read of the raised flag,
/// only an acquire fence in between makes this read see what was published.
/// A reader that reads a number before the flag is raised waits until it is.
fn read() {
    if ACQUIRE_PENDING.with(|p| p.get()) {
        WEAK_SEE.store(true, Ordering::SeqCst);
    }
    if IS_READER.with(|r| r.get()) {
        READER_LOADS.fetch_add(1, Ordering::SeqCst);
        if PUBLISH_TEST.load(Ordering::SeqCst) && RAISES.load(Ordering::SeqCst) == 0 {
            wait_until(|| RAISES.load(Ordering::SeqCst) > 0);
        }
    }
}

pub fn arrived() -> usize {
    ARRIVED.load(Ordering::SeqCst)
}

fn wait_until(done: impl Fn() -> bool) {
    let start = Instant::now();
    while !done() && start.elapsed() < WAIT_AT_MOST {
        std::thread::sleep(Duration::from_millis(1));
    }
}

fn after_load() {
    if PAUSE_AFTER_FIRST_LOAD.with(|p| p.replace(false)) {
        ARRIVED.fetch_add(1, Ordering::SeqCst);
        wait_until(|| ARRIVED.load(Ordering::SeqCst) >= PARTIES.load(Ordering::SeqCst));
    }
}

fn has_release(order: Ordering) -> bool {
    matches!(order, Ordering::Release | Ordering::AcqRel | Ordering::SeqCst)
}

fn has_acquire(order: Ordering) -> bool {
    matches!(order, Ordering::Acquire | Ordering::AcqRel | Ordering::SeqCst)
}

fn raised(order: Ordering) {
    RAISES.fetch_add(1, Ordering::SeqCst);
    if !has_release(order) && !RELEASE_FENCED.with(|f| f.get()) {
        WEAK_RAISE.store(true, Ordering::SeqCst);
    }
    if PUBLISH_TEST.load(Ordering::SeqCst) {
        wait_until(|| READER_DONE.load(Ordering::SeqCst));
    }
}

fn seen(order: Ordering) {
    if !has_acquire(order) {
        ACQUIRE_PENDING.with(|p| p.set(true));
    }
}

#[derive(Debug, Default)]
pub struct AtomicU64(std_atomic::AtomicU64);

impl AtomicU64 {
    pub const fn new(v: u64) -> Self {
        AtomicU64(std_atomic::AtomicU64::new(v))
    }
    pub fn load(&self, order: Ordering) -> u64 {
        let v = self.0.load(order);
        read();
        after_load();
        v
    }
    pub fn store(&self, v: u64, order: Ordering) {
        wrote();
        self.0.store(v, order)
    }
    pub fn swap(&self, v: u64, order: Ordering) -> u64 {
        wrote();
        let old = self.0.swap(v, order);
        read();
        old
    }
    pub fn fetch_add(&self, v: u64, order: Ordering) -> u64 {
        wrote();
        let old = self.0.fetch_add(v, order);
        read();
        old
    }
    pub fn fetch_sub(&self, v: u64, order: Ordering) -> u64 {
        wrote();
        let old = self.0.fetch_sub(v, order);
        read();
        old
    }
    pub fn fetch_max(&self, v: u64, order: Ordering) -> u64 {
        wrote();
        let old = self.0.fetch_max(v, order);
        read();
        old
    }
    pub fn fetch_min(&self, v: u64, order: Ordering) -> u64 {
        wrote();
        let old = self.0.fetch_min(v, order);
        read();
        old
    }
    pub fn compare_exchange(&self, current: u64, new: u64, success: Ordering, failure: Ordering) -> Result<u64, u64> {
        wrote();
        let r = self.0.compare_exchange(current, new, success, failure);
        read();
        r
    }
    pub fn compare_exchange_weak(&self, current: u64, new: u64, success: Ordering, failure: Ordering) -> Result<u64, u64> {
        wrote();
        let r = self.0.compare_exchange_weak(current, new, success, failure);
        read();
        r
    }
    pub fn fetch_update<F: FnMut(u64) -> Option<u64>>(&self, set_order: Ordering, fetch_order: Ordering, mut f: F) -> Result<u64, u64> {
        wrote();
        let mut prev = self.load(fetch_order);
        while let Some(next) = f(prev) {
            match self.0.compare_exchange_weak(prev, next, set_order, fetch_order) {
                Ok(v) => return Ok(v),
                Err(actual) => prev = actual,
            }
        }
        Err(prev)
    }
    pub fn get_mut(&mut self) -> &mut u64 {
        self.0.get_mut()
    }
    pub fn into_inner(self) -> u64 {
        self.0.into_inner()
    }
}

#[derive(Debug, Default)]
pub struct AtomicBool(std_atomic::AtomicBool);

impl AtomicBool {
    pub const fn new(v: bool) -> Self {
        AtomicBool(std_atomic::AtomicBool::new(v))
    }
    pub fn load(&self, order: Ordering) -> bool {
        let v = self.0.load(order);
        if IS_READER.with(|r| r.get()) {
            READER_LOADS.fetch_add(1, Ordering::SeqCst);
        }
        if v {
            seen(order);
        }
        v
    }
    pub fn store(&self, v: bool, order: Ordering) {
        self.0.store(v, order);
        if v {
            raised(order);
        }
    }
    pub fn swap(&self, v: bool, order: Ordering) -> bool {
        let old = self.0.swap(v, order);
        if old {
            seen(order);
        }
        if v && !old {
            raised(order);
        }
        old
    }
    pub fn fetch_or(&self, v: bool, order: Ordering) -> bool {
        let old = self.0.fetch_or(v, order);
        if old {
            seen(order);
        }
        if v && !old {
            raised(order);
        }
        old
    }
    pub fn compare_exchange(&self, current: bool, new: bool, success: Ordering, failure: Ordering) -> Result<bool, bool> {
        let r = self.0.compare_exchange(current, new, success, failure);
        self.after_exchange(current, new, success, failure, r)
    }
    pub fn compare_exchange_weak(&self, current: bool, new: bool, success: Ordering, failure: Ordering) -> Result<bool, bool> {
        let r = self.0.compare_exchange_weak(current, new, success, failure);
        self.after_exchange(current, new, success, failure, r)
    }
    fn after_exchange(&self, current: bool, new: bool, success: Ordering, failure: Ordering, r: Result<bool, bool>) -> Result<bool, bool> {
        match r {
            Ok(old) => {
                if old {
                    seen(success);
                }
                if new && !current {
                    raised(success);
                }
            }
            Err(actual) => {
                if actual {
                    seen(failure);
                }
            }
        }
        r
    }
    pub fn get_mut(&mut self) -> &mut bool {
        self.0.get_mut()
    }
    pub fn into_inner(self) -> bool {
        self.0.into_inner()
    }
}
