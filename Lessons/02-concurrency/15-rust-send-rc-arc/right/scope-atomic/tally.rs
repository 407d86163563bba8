use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

/// Counts the lines for which `is_match` is true, sharing the lines among
/// `workers` threads (at least 1): worker w takes lines w, w + workers,
/// w + 2 * workers, and so on.
pub fn count_matching<F>(lines: Vec<String>, workers: usize, is_match: F) -> usize
where
    F: Fn(&str) -> bool + Send + Sync + 'static,
{
    // Scoped threads may borrow: no Arc needed. AtomicUsize is Sync, so a
    // shared &AtomicUsize may go to every thread.
    let count = AtomicUsize::new(0);
    thread::scope(|s| {
        for w in 0..workers {
            let (lines, is_match, count) = (&lines, &is_match, &count);
            s.spawn(move || {
                for line in lines.iter().skip(w).step_by(workers) {
                    if is_match(line) {
                        count.fetch_add(1, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    count.into_inner()
}
