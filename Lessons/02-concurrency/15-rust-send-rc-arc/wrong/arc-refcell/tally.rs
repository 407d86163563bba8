use std::cell::RefCell;
use std::sync::Arc;
use std::thread;

/// Wrong: Arc makes the handles Send only when what they point to is
/// Sync, and RefCell<usize> is not Sync. rustc still rejects the spawn.
pub fn count_matching<F>(lines: Vec<String>, workers: usize, is_match: F) -> usize
where
    F: Fn(&str) -> bool + Send + Sync + 'static,
{
    let lines = Arc::new(lines);
    let is_match = Arc::new(is_match);
    let count = Arc::new(RefCell::new(0));

    let mut handles = Vec::new();
    for w in 0..workers {
        let lines = Arc::clone(&lines);
        let is_match = Arc::clone(&is_match);
        let count = Arc::clone(&count);
        handles.push(thread::spawn(move || {
            for line in lines.iter().skip(w).step_by(workers) {
                if is_match(line) {
                    *count.borrow_mut() += 1;
                }
            }
        }));
    }
    for handle in handles {
        handle.join().unwrap();
    }
    let total = *count.borrow();
    total
}
