// Hidden harness: calls the learner's count_matching with a predicate that
// records which threads ran it, and checks the counts.
// Unsafe code is forbidden in the whole crate, the learner's module
// included: `unsafe impl Send` would silence the compiler, not fix the race.
// On a failure this prints FAIL lines and still exits 0, so the check shows
// this output; the check passes only when the final success line is printed.
#![forbid(unsafe_code)]

mod tally;

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::thread::{self, ThreadId};

fn run(lines: &[String], workers: usize) -> (usize, HashSet<ThreadId>) {
    let seen = Arc::new(Mutex::new(HashSet::new()));
    let recorder = Arc::clone(&seen);
    let got = tally::count_matching(lines.to_vec(), workers, move |line: &str| {
        recorder.lock().unwrap().insert(thread::current().id());
        line.contains("ERROR")
    });
    let threads = seen.lock().unwrap().clone();
    (got, threads)
}

fn main() {
    let lines: Vec<String> = (0..1000)
        .map(|i| if i % 7 == 0 { format!("{i} ERROR disk full") } else { format!("{i} ok") })
        .collect();
    let want = lines.iter().filter(|l| l.contains("ERROR")).count();
    let me = thread::current().id();
    let mut ok = true;

    for workers in [1, 4] {
        let (got, threads) = run(&lines, workers);
        println!("workers = {workers}: {got} matching lines, predicate ran on {} thread(s)", threads.len());
        if got != want {
            println!("FAIL: expected {want} matching lines");
            ok = false;
        }
        if threads.len() != workers || threads.contains(&me) {
            println!("FAIL: the lines must be shared among {workers} spawned thread(s), not checked on the calling thread");
            ok = false;
        }
    }
    let (got, _) = run(&[], 3);
    if got != 0 {
        println!("FAIL: no lines must count 0, got {got}");
        ok = false;
    }
    if !ok {
        std::process::exit(0);
    }
    println!("counts and threads correct");
}
