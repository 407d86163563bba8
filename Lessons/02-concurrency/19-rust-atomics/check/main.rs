// Hidden harness for progress.rs, built against the instrumented atomics in
// atomic.rs (see there). It tests:
// 1. four threads call item_done() once each, all paused after their first
//    load until the others have loaded too: a load-then-store loses updates
//    on every run, a fetch_add loses none;
// 2. four threads call item_done() 100,000 times each, unpaused;
// 3. publish(42) on one thread while another polls result(): the flag must
//    be raised with Release (or stronger) after the result is written, and
//    seen with Acquire (or stronger), or with Relaxed and the matching
//    standalone fence; a result() that reads the result before the flag is
//    held until the flag is raised, so it returns the stale 0;
// 4. publish(0) then result() must give Some(0): the value is not the flag.
// On a failure this prints FAIL lines and exits 0, so the check shows this
// output; the check passes only when the final success line is printed.
#![forbid(unsafe_code)]

mod atomic;
mod progress;

use progress::Progress;
use std::sync::atomic::Ordering::SeqCst;
use std::thread;
use std::time::{Duration, Instant};

const THREADS: u64 = 4;
const EACH: u64 = 100_000;

fn source_problems() -> Vec<String> {
    // The code without its `//` comments, which may name anything.
    let source: String = include_str!("progress.rs")
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut problems = Vec::new();
    if source.contains("sync::atomic") {
        problems.push("progress.rs names std's atomics (`sync::atomic`). Import AtomicU64, AtomicBool and Ordering from `crate::atomic`, as the starter does: they are std's, instrumented so the check can see the interleavings and orderings.".to_string());
    }
    if source.contains("Mutex") || source.contains("RwLock") {
        problems.push("progress.rs uses a lock. A Mutex around the count is correct, but this lesson asks for atomics: one read-modify-write instead of lock, add, unlock.".to_string());
    }
    problems
}

fn main() {
    let mut problems = source_problems();
    if !problems.is_empty() {
        for p in &problems {
            println!("FAIL: {p}");
        }
        std::process::exit(0);
    }

    // 1. The worst interleaving, forced.
    let p = Progress::new();
    atomic::start_rendezvous(THREADS as usize);
    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                atomic::pause_after_first_load();
                p.item_done();
            });
        }
    });
    let got = p.items_done();
    let loaded = atomic::arrived();
    atomic::start_rendezvous(0);
    println!("{THREADS} threads called item_done() once each: items_done() = {got}");
    if got != THREADS {
        let how = if got == 1 && loaded == THREADS as usize {
            format!("All {THREADS} loaded the count before any of them stored it: each read 0 and stored 1. ")
        } else {
            String::new()
        };
        problems.push(format!(
            "{THREADS} threads called item_done() once each, and items_done() is {got}, not {THREADS}. {how}\
             A load followed by a store is two steps, and another thread's store can land between them, whatever the ordering. Use one read-modify-write."
        ));
    }

    // 2. Many increments, no forced pauses.
    let p = Progress::new();
    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                for _ in 0..EACH {
                    p.item_done();
                }
            });
        }
    });
    let got = p.items_done();
    println!("{THREADS} threads called item_done() {EACH} times each: items_done() = {got}");
    if got != THREADS * EACH {
        problems.push(format!("{} increments, but items_done() is {got}: {} updates were lost", THREADS * EACH, THREADS * EACH - got.min(THREADS * EACH)));
    }

    // 3. Publish a result from one thread to another.
    let p = Progress::new();
    if p.result().is_some() {
        problems.push("result() must be None before publish() is called".to_string());
    }
    atomic::RAISES.store(0, SeqCst);
    atomic::READER_LOADS.store(0, SeqCst);
    atomic::PUBLISH_TEST.store(true, SeqCst);
    let seen = thread::scope(|s| {
        let reader = s.spawn(|| {
            atomic::mark_reader();
            let start = Instant::now();
            loop {
                if let Some(v) = p.result() {
                    atomic::READER_DONE.store(true, SeqCst);
                    return Some(v);
                }
                if start.elapsed() > Duration::from_secs(5) {
                    return None;
                }
                thread::yield_now();
            }
        });
        s.spawn(|| {
            // Publish only once the reader has started reading, so that it
            // reads both before and after the flag is raised.
            let start = Instant::now();
            while atomic::READER_LOADS.load(SeqCst) == 0 && start.elapsed() < Duration::from_secs(5) {
                thread::sleep(Duration::from_millis(1));
            }
            p.publish(42)
        });
        reader.join().unwrap()
    });
    atomic::PUBLISH_TEST.store(false, SeqCst);
    println!("publish(42) on one thread; result() on another returned {seen:?}");
    match seen {
        Some(42) => {}
        Some(v) => problems.push(format!(
            "result() returned Some({v}) while publish(42) was under way. Either publish() raised the flag before it wrote the result \
             (Release publishes only the writes made before it: write the result first, then raise the flag), \
             or result() read the result before it saw the flag raised (Acquire orders only the reads after it: load the flag first, then the result)."
        )),
        None => problems.push("result() never returned Some after publish(42): publish must set `finished` to true".to_string()),
    }
    // 0 is a result too: the flag, not the value, says whether there is one.
    let p = Progress::new();
    p.publish(0);
    let zero = p.result();
    println!("publish(0), then result() on the same thread returned {zero:?}");
    if zero != Some(0) {
        problems.push(format!(
            "after publish(0), result() returned {zero:?}, want Some(0): 0 is a result too, so the result cannot double as the flag. Keep `finished`."
        ));
    }
    if atomic::WEAK_RAISE.load(SeqCst) {
        problems.push(
            "publish() raised the `finished` flag with a store that has no Release ordering (Relaxed). A relaxed store makes only the flag itself atomic; it orders nothing before it, \
             so a thread that sees the flag may still read the old result. Store the flag with Ordering::Release (or put a fence(Release) between the result and the flag)."
                .to_string(),
        );
    }
    if atomic::WEAK_SEE.load(SeqCst) {
        problems.push(
            "result() read the raised flag with a load that has no Acquire ordering (Relaxed). Only an Acquire load that sees a Release store's value guarantees that \
             the reads after it see the writes before that store. Load the flag with Ordering::Acquire (or put a fence(Acquire) between seeing the flag and reading the result)."
                .to_string(),
        );
    }

    if !problems.is_empty() {
        for p in &problems {
            println!("FAIL: {p}");
        }
        std::process::exit(0);
    }
    println!("no update lost, and the result was published with release and acquire");
}
