use std::cell::RefCell;
use std::rc::Rc;
use std::thread;

/// Counts the lines for which `is_match` is true, sharing the lines among
/// `workers` threads (at least 1): worker w takes lines w, w + workers,
/// w + 2 * workers, and so on.
pub fn count_matching<F>(lines: Vec<String>, workers: usize, is_match: F) -> usize
where
    F: Fn(&str) -> bool + Send + Sync + 'static,
{
    let lines = Rc::new(lines);
    let is_match = Rc::new(is_match);
    let count = Rc::new(RefCell::new(0));

    let mut handles = Vec::new();
    for w in 0..workers {
        let lines = Rc::clone(&lines);
        let is_match = Rc::clone(&is_match);
        let count = Rc::clone(&count);
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
