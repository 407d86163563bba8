// Hidden harness: calls the learner's count_matching with a predicate that
// records which threads ran it, and checks the counts. With several workers,
// each thread's first call of the predicate waits (up to 3 s) until another
// thread is inside it too: workers that only ever run one at a time (joined
// right after spawning, or a lock held around the whole loop) fail.
// Unsafe code is forbidden in the whole crate, the learner's module
// included: `unsafe impl Send` would silence the compiler, not fix the race.
// On a failure this prints FAIL lines and still exits 0, so the check shows
// this output; the check passes only when the final success line is printed.
#![forbid(unsafe_code)]

mod tally;

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
use std::sync::{Arc, Mutex};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

const WAIT_FOR_ANOTHER: Duration = Duration::from_secs(3);

struct Seen {
    threads: Mutex<HashSet<ThreadId>>,
    inside: AtomicUsize,
    overlapped: AtomicBool,
    gave_up: AtomicBool,
}

/// Returns the count, the threads that ran the predicate, and whether two of
/// them were ever inside it at the same time.
fn run(lines: &[String], workers: usize) -> (usize, HashSet<ThreadId>, bool) {
    let seen = Arc::new(Seen {
        threads: Mutex::new(HashSet::new()),
        inside: AtomicUsize::new(0),
        overlapped: AtomicBool::new(false),
        gave_up: AtomicBool::new(false),
    });
    let rec = Arc::clone(&seen);
    let got = tally::count_matching(lines.to_vec(), workers, move |line: &str| {
        let first = rec.threads.lock().unwrap().insert(thread::current().id());
        let now_inside = rec.inside.fetch_add(1, SeqCst) + 1;
        if now_inside >= 2 {
            rec.overlapped.store(true, SeqCst);
        }
        if first && workers > 1 && !rec.overlapped.load(SeqCst) && !rec.gave_up.load(SeqCst) {
            let start = Instant::now();
            // Another thread that comes in while this one waits sets
            // `overlapped` (its own call may be over before the next poll).
            while !rec.overlapped.load(SeqCst) && rec.inside.load(SeqCst) < 2 && start.elapsed() < WAIT_FOR_ANOTHER {
                thread::sleep(Duration::from_millis(1));
            }
            if rec.overlapped.load(SeqCst) || rec.inside.load(SeqCst) >= 2 {
                rec.overlapped.store(true, SeqCst);
            } else {
                rec.gave_up.store(true, SeqCst);
            }
        }
        rec.inside.fetch_sub(1, SeqCst);
        line.contains("ERROR")
    });
    let threads = seen.threads.lock().unwrap().clone();
    (got, threads, seen.overlapped.load(SeqCst))
}

fn main() {
    let lines: Vec<String> = (0..1000)
        .map(|i| if i % 7 == 0 { format!("{i} ERROR disk full") } else { format!("{i} ok") })
        .collect();
    let want = lines.iter().filter(|l| l.contains("ERROR")).count();
    let me = thread::current().id();
    let mut ok = true;

    for workers in [1, 4] {
        let (got, threads, overlapped) = run(&lines, workers);
        println!("workers = {workers}: {got} matching lines, predicate ran on {} thread(s)", threads.len());
        if got != want {
            println!("FAIL: expected {want} matching lines");
            ok = false;
        }
        if threads.len() != workers || threads.contains(&me) {
            println!("FAIL: the lines must be shared among {workers} spawned thread(s), not checked on the calling thread");
            ok = false;
        }
        if workers > 1 && !overlapped {
            println!(
                "FAIL: the {workers} workers never ran at the same time: one waited {} s inside the predicate and no other thread came in. \
                 Joining each thread right after spawning it, or holding the lock around a whole loop, makes them take turns.",
                WAIT_FOR_ANOTHER.as_secs()
            );
            ok = false;
        }
    }
    let (got, _, _) = run(&[], 3);
    if got != 0 {
        println!("FAIL: no lines must count 0, got {got}");
        ok = false;
    }
    if !ok {
        std::process::exit(0);
    }
    println!("counts and threads correct");
}
