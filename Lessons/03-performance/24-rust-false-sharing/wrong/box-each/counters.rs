use std::sync::atomic::AtomicU64;

/// Two counters, one per worker thread: one thread only ever adds to `hits`,
/// the other only to `misses`. Neither thread reads the other's counter.
pub struct Counters {
    // Wrong: two separate heap blocks, but the allocator places small blocks
    // next to each other (16 or 32 bytes apart), often on one cache line.
    hits: Box<AtomicU64>,
    misses: Box<AtomicU64>,
}

impl Counters {
    pub fn new() -> Counters {
        Counters { hits: Box::new(AtomicU64::new(0)), misses: Box::new(AtomicU64::new(0)) }
    }

    pub fn hits(&self) -> &AtomicU64 {
        &self.hits
    }

    pub fn misses(&self) -> &AtomicU64 {
        &self.misses
    }
}
