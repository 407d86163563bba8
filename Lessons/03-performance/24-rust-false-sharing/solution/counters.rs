use std::sync::atomic::AtomicU64;

/// One value alone on a 64-byte cache line: `align(64)` starts it on a line
/// boundary, and the size rounds up to 64, so the next one starts on the next
/// line. (Use 128 where adjacent lines are fetched in pairs.)
#[repr(align(64))]
pub struct CacheLine(AtomicU64);

/// Two counters, one per worker thread: one thread only ever adds to `hits`,
/// the other only to `misses`. Neither thread reads the other's counter.
pub struct Counters {
    hits: CacheLine,
    misses: CacheLine,
}

impl Counters {
    pub fn new() -> Counters {
        Counters { hits: CacheLine(AtomicU64::new(0)), misses: CacheLine(AtomicU64::new(0)) }
    }

    pub fn hits(&self) -> &AtomicU64 {
        &self.hits.0
    }

    pub fn misses(&self) -> &AtomicU64 {
        &self.misses.0
    }
}
