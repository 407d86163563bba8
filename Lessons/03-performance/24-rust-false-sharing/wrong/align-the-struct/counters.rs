use std::sync::atomic::AtomicU64;

/// Two counters, one per worker thread: one thread only ever adds to `hits`,
/// the other only to `misses`. Neither thread reads the other's counter.
#[repr(align(64))] // aligns where the struct starts, not where each field does
pub struct Counters {
    hits: AtomicU64,
    misses: AtomicU64,
}

impl Counters {
    pub fn new() -> Counters {
        Counters { hits: AtomicU64::new(0), misses: AtomicU64::new(0) }
    }

    pub fn hits(&self) -> &AtomicU64 {
        &self.hits
    }

    pub fn misses(&self) -> &AtomicU64 {
        &self.misses
    }
}
