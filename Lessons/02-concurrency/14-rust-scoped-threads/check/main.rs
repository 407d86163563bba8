// Hidden harness: calls the learner's parallel_total with a function that
// records which threads ran it and how many ran at once.
// On a failure this prints FAIL lines and still exits 0, so the check shows
// this output; the check passes only when the final success line is printed.
mod total;

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

fn main() {
    let chunks: Vec<Vec<u64>> = (0..6u64).map(|c| (1..=1000).map(|i| i * (c + 1)).collect()).collect();
    let want: u64 = chunks.iter().flatten().sum();

    let threads = Mutex::new(HashSet::new());
    let now = AtomicUsize::new(0);
    let most = AtomicUsize::new(0);
    let got = total::parallel_total(&chunks, |chunk| {
        threads.lock().unwrap().insert(thread::current().id());
        let running = now.fetch_add(1, Ordering::SeqCst) + 1;
        most.fetch_max(running, Ordering::SeqCst);
        thread::sleep(Duration::from_millis(50));
        now.fetch_sub(1, Ordering::SeqCst);
        chunk.iter().sum()
    });

    let threads = threads.into_inner().unwrap();
    let most = most.load(Ordering::SeqCst);
    println!("total = {got}");
    println!("threads used = {}, most at once = {most}", threads.len());
    let mut ok = true;
    if got != want {
        println!("FAIL: expected {want}");
        ok = false;
    }
    if threads.len() != chunks.len() || threads.contains(&thread::current().id()) || most < 2 {
        println!("FAIL: each chunk must run on its own new thread, at the same time as the others");
        ok = false;
    }
    if total::parallel_total(&[], |_| 1) != 0 {
        println!("FAIL: no chunks must total 0");
        ok = false;
    }
    if !ok {
        std::process::exit(0);
    }
    println!("threads and total correct");
}
