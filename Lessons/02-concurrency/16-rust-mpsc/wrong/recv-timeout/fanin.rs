use std::sync::{mpsc, Arc};
use std::thread;
use std::time::Duration;

/// Wrong: stops waiting after half a second without a result. That is a
/// guess about how long a job takes: a slower job's result, and every
/// result after it, is lost. And the loop still ends only on the timer.
pub fn run_all<F>(inputs: Vec<u64>, workers: usize, job: F) -> Vec<u64>
where
    F: Fn(u64) -> u64 + Send + Sync + 'static,
{
    let inputs = Arc::new(inputs);
    let job = Arc::new(job);
    let (tx, rx) = mpsc::sync_channel(8);

    for w in 0..workers {
        let tx = tx.clone();
        let inputs = Arc::clone(&inputs);
        let job = Arc::clone(&job);
        thread::spawn(move || {
            for &x in inputs.iter().skip(w).step_by(workers) {
                if tx.send(job(x)).is_err() {
                    return;
                }
            }
        });
    }

    let mut results = Vec::new();
    while let Ok(result) = rx.recv_timeout(Duration::from_millis(500)) {
        results.push(result);
    }
    results
}
