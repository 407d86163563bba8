use std::thread;

/// Runs `f` on every chunk, each chunk on its own thread, and returns the
/// sum of the results.
pub fn parallel_total<F>(chunks: &[Vec<u64>], f: F) -> u64
where
    F: Fn(&[u64]) -> u64 + Sync,
{
    let mut total = 0;
    let mut handles = Vec::new();
    for chunk in chunks {
        handles.push(thread::spawn(|| {
            total += f(chunk);
        }));
    }
    for handle in handles {
        handle.join().unwrap();
    }
    total
}
