use std::sync::{mpsc, Arc};
use std::thread;

/// Wrong: waits for every worker before receiving anything. With a
/// bounded channel, the workers block in send() once 8 results wait, and
/// nobody receives until they finish: a deadlock.
pub fn run_all<F>(inputs: Vec<u64>, workers: usize, job: F) -> Vec<u64>
where
    F: Fn(u64) -> u64 + Send + Sync + 'static,
{
    let inputs = Arc::new(inputs);
    let job = Arc::new(job);
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
    for handle in handles {
        handle.join().unwrap();
    }
    drop(tx);

    rx.iter().collect()
}
