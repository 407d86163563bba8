use std::sync::{mpsc, Arc};
use std::thread;

/// Runs `job` on every input, sharing the inputs among `workers` threads
/// (at least 1), and returns every result, in any order.
pub fn run_all<F>(inputs: Vec<u64>, workers: usize, job: F) -> Vec<u64>
where
    F: Fn(u64) -> u64 + Send + Sync + 'static,
{
    let n = inputs.len();
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
    // Keep tx, but receive exactly one result per input: the loop does
    // not wait for the channel to disconnect.
    let mut results = Vec::new();
    for _ in 0..n {
        results.push(rx.recv().unwrap());
    }
    // Every worker is done by now; joining passes on a worker's panic
    // instead of silently returning fewer results.
    for handle in handles {
        handle.join().unwrap();
    }
    results
}
