use std::sync::Arc;
use std::thread;

/// Wrong: compiles, but `move` copies the usize into each closure. Every
/// thread counts into its own copy, and the function returns the untouched
/// original: 0.
pub fn count_matching<F>(lines: Vec<String>, workers: usize, is_match: F) -> usize
where
    F: Fn(&str) -> bool + Send + Sync + 'static,
{
    let lines = Arc::new(lines);
    let is_match = Arc::new(is_match);
    #[allow(unused_mut)]
    let mut count = 0;

    let mut handles = Vec::new();
    for w in 0..workers {
        let lines = Arc::clone(&lines);
        let is_match = Arc::clone(&is_match);
        handles.push(thread::spawn(move || {
            for line in lines.iter().skip(w).step_by(workers) {
                if is_match(line) {
                    count += 1;
                }
            }
        }));
    }
    for handle in handles {
        handle.join().unwrap();
    }
    count
}
