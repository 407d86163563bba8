// Hidden harness: calls the learner's run_all on another thread, with a
// deadline, and a job that records what ran, on which thread, and when the
// last job finished. One input is slow (1.5 s) on purpose. run_all must
// return within 1 s of the last job; the harness stops waiting 1.5 s after
// the last job once every job has run, or 5 s after the call otherwise.
// It also rejects `recv_timeout` in fanin.rs: with `drop(tx)` and a timeout
// longer than the slow job, no run can tell the difference, but the timeout
// still loses the results of any job slower than the guess.
// On a failure this prints FAIL lines and exits 0 at once (which also ends
// any thread still stuck), so the check shows this output; the check passes
// only when the final success line is printed.
mod fanin;

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

const SLOW_INPUT: u64 = 1050;
const SLOW_FOR: Duration = Duration::from_millis(1500);
const DEADLINE: Duration = Duration::from_secs(5);
const MOST_LINGER: Duration = Duration::from_secs(1);
const GIVE_UP_AFTER_LAST: Duration = Duration::from_millis(1500);

struct Record {
    done: AtomicUsize,
    threads: Mutex<HashSet<ThreadId>>,
    last_done: Mutex<Option<Instant>>,
}

fn fail(lines: &[String]) -> ! {
    for line in lines {
        println!("FAIL: {line}");
    }
    std::process::exit(0);
}

fn call(inputs: Vec<u64>, workers: usize) -> (Vec<u64>, Arc<Record>, Duration) {
    let n = inputs.len();
    let record = Arc::new(Record { done: AtomicUsize::new(0), threads: Mutex::new(HashSet::new()), last_done: Mutex::new(None) });
    let rec = Arc::clone(&record);
    let job = move |x: u64| {
        rec.threads.lock().unwrap().insert(thread::current().id());
        if x == SLOW_INPUT {
            thread::sleep(SLOW_FOR);
        }
        *rec.last_done.lock().unwrap() = Some(Instant::now());
        rec.done.fetch_add(1, Ordering::SeqCst);
        x * x + 1
    };
    println!("run_all({n} inputs, {workers} workers) ...");
    let (done_tx, done_rx) = mpsc::channel();
    thread::spawn(move || {
        let results = fanin::run_all(inputs, workers, job);
        let _ = done_tx.send((results, Instant::now()));
    });
    let start = Instant::now();
    loop {
        match done_rx.recv_timeout(Duration::from_millis(20)) {
            Ok((results, returned)) => {
                let last = record.last_done.lock().unwrap().unwrap_or(returned);
                let linger = returned.saturating_duration_since(last);
                return (results, record, linger);
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                fail(&["run_all panicked (its message is above) instead of returning the results".to_string()])
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let done = record.done.load(Ordering::SeqCst);
                let last = *record.last_done.lock().unwrap();
                let idle = last.map(|t| t.elapsed()).unwrap_or_else(|| start.elapsed());
                // Every job has run, and run_all has outlived the linger
                // limit already: it can no longer pass, so stop waiting.
                if done == n && idle > GIVE_UP_AFTER_LAST {
                    fail(&[format!(
                        "the job ran for all {n} inputs, the last one {:.1} s ago, and run_all has not returned: the receiving loop is still waiting. \
                         `for result in rx` ends only when every sender (`tx` and all its clones) has been dropped, and one of them never is.",
                        idle.as_secs_f64()
                    )])
                }
                if start.elapsed() > DEADLINE {
                    fail(&[format!(
                        "run_all did not return within {} s, and the job ran for only {done} of {n} inputs: the workers are stuck. \
                         A worker blocks in send() while the bounded channel is full, until someone receives; \
                         receive while the workers run, not after joining them.",
                        DEADLINE.as_secs()
                    )])
                }
            }
        }
    }
}

fn main() {
    let me = thread::current().id();
    let mut problems = Vec::new();

    let inputs: Vec<u64> = (1000..1200).collect();
    for (inputs, workers) in [(inputs, 4), (vec![3, 1, 2], 5), (vec![], 2)] {
        let mut want: Vec<u64> = inputs.iter().map(|x| x * x + 1).collect();
        let (mut got, record, linger) = call(inputs.clone(), workers);
        let threads = record.threads.lock().unwrap().clone();
        println!("  returned {} results, job ran on {} thread(s), returned {} ms after the last job finished",
            got.len(), threads.len(), linger.as_millis());
        want.sort();
        got.sort();
        if got != want {
            let missing = want.iter().filter(|x| !got.contains(x)).count();
            problems.push(format!(
                "expected {} results, got {} ({missing} missing). A result that arrives after the receiver stopped waiting is lost.",
                want.len(), got.len()
            ));
        }
        if linger > MOST_LINGER {
            problems.push(format!(
                "run_all returned {} ms after the last job finished: it waited out a timer instead of ending when the channel disconnected.",
                linger.as_millis()
            ));
        }
        if threads.contains(&me) || threads.len() > workers || (inputs.len() > 1 && workers > 1 && threads.len() < 2) {
            problems.push(format!("the job must run on up to {workers} spawned worker threads, more than one when there is work for several"));
        }
        if !problems.is_empty() {
            fail(&problems);
        }
    }
    // The code without its `//` comments, which may name anything.
    let source: String = include_str!("fanin.rs")
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    if source.contains("recv_timeout") {
        fail(&["every result arrived this time, but fanin.rs receives with recv_timeout. A timeout is a guess at how long a job may take: \
                a job slower than the guess loses its result, and every result after it. \
                Receive with plain recv (`for result in rx`), and let the loop end when the last sender is dropped."
            .to_string()]);
    }
    println!("every result arrived, and run_all returned when the workers finished");
}
