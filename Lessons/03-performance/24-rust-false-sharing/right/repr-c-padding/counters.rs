use std::sync::atomic::AtomicU64;

/// Two counters, one per worker thread: one thread only ever adds to `hits`,
/// the other only to `misses`. Neither thread reads the other's counter.
/// repr(C) keeps the fields in this order, so the padding stays between them
/// and `misses` starts 64 bytes after `hits`.
#[repr(C)]
pub struct Counters {
    hits: AtomicU64,
    _pad: [u8; 56],
    misses: AtomicU64,
}

impl Counters {
    pub fn new() -> Counters {
        Counters { hits: AtomicU64::new(0), _pad: [0; 56], misses: AtomicU64::new(0) }
    }

    pub fn hits(&self) -> &AtomicU64 {
        &self.hits
    }

    pub fn misses(&self) -> &AtomicU64 {
        &self.misses
    }
}
