use std::sync::{Arc, Mutex};
use std::thread;

/// Counts the lines for which `is_match` is true, sharing the lines among
/// `workers` threads (at least 1): worker w takes lines w, w + workers,
/// w + 2 * workers, and so on.
pub fn count_matching<F>(lines: Vec<String>, workers: usize, is_match: F) -> usize
where
    F: Fn(&str) -> bool + Send + Sync + 'static,
{
    // Arc counts its owners with atomic instructions, so Arc<T> is Send
    // (and Sync) whenever T is Send + Sync: each thread may own a handle.
    let lines = Arc::new(lines);
    let is_match = Arc::new(is_match);
    // Mutex<usize> is Sync: it hands out &mut usize to one thread at a time.
    let count = Arc::new(Mutex::new(0));

    let mut handles = Vec::new();
    for w in 0..workers {
        let lines = Arc::clone(&lines);
        let is_match = Arc::clone(&is_match);
        let count = Arc::clone(&count);
        handles.push(thread::spawn(move || {
            // Wrong: one lock for the whole share. The count is right, but a
            // worker holds the lock while it works, so the others wait.
            let mut count = count.lock().unwrap();
            for line in lines.iter().skip(w).step_by(workers) {
                if is_match(line) {
                    *count += 1;
                }
            }
        }));
    }
    for handle in handles {
        handle.join().unwrap();
    }
    let total = *count.lock().unwrap();
    total
}
