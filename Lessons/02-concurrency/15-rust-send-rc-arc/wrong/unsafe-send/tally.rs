use std::cell::RefCell;
use std::rc::Rc;
use std::thread;

/// Wrong: promises the compiler that the Rcs may cross threads. They may
/// not: two threads cloning, dropping or borrowing at once race on the
/// plain counts inside Rc and RefCell. The check forbids unsafe code.
struct AssertSend<T>(T);
unsafe impl<T> Send for AssertSend<T> {}

impl<T> AssertSend<T> {
    fn get(&self) -> &T {
        &self.0
    }
}

pub fn count_matching<F>(lines: Vec<String>, workers: usize, is_match: F) -> usize
where
    F: Fn(&str) -> bool + Send + Sync + 'static,
{
    let lines = Rc::new(lines);
    let is_match = Rc::new(is_match);
    let count = Rc::new(RefCell::new(0));

    let mut handles = Vec::new();
    for w in 0..workers {
        let shared = AssertSend((Rc::clone(&lines), Rc::clone(&is_match), Rc::clone(&count)));
        handles.push(thread::spawn(move || {
            let (lines, is_match, count) = shared.get();
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
