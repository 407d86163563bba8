// The slow price service the cache stands in front of: every lookup takes 100 ms, as a call to
// another service over the network would. The price is made up from the SKU, the same each time.
use std::thread;
use std::time::Duration;

pub const LOOKUP_TIME: Duration = Duration::from_millis(100);

/// The price of `sku` in cents, after a 100 ms wait.
pub fn lookup(sku: &str) -> u64 {
    thread::sleep(LOOKUP_TIME);
    price_of(sku)
}

/// 1 to 9,999 cents, from an FNV-1a hash of the SKU.
pub fn price_of(sku: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in sku.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash % 9_999 + 1
}
