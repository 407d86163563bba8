use std::sync::Mutex;
use std::thread;

/// Runs `f` on every chunk, each chunk on its own thread, and returns the
/// sum of the results.
pub fn parallel_total<F>(chunks: &[Vec<u64>], f: F) -> u64
where
    F: Fn(&[u64]) -> u64 + Sync,
{
    let total = Mutex::new(0);
    // Every thread spawned in the scope is joined before `scope` returns,
    // so the threads may borrow `chunks`, `f` and `total`.
    thread::scope(|s| {
        for chunk in chunks {
            s.spawn(|| {
                let part = f(chunk);
                *total.lock().unwrap() += part;
            });
        }
    });
    total.into_inner().unwrap()
}
