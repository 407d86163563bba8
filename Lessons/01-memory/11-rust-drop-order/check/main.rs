// Hidden harness: queues lines, then calls the learner's flush with a `send`
// that plays a request handler arriving mid-flush: it asks for the queue's
// lock with try_lock, which never blocks and fails with WouldBlock while the
// lock is held (even by this same thread), and records a new line when it
// gets the lock. The log shows, send by send, whether flush still held its
// guard. Then it checks that the late lines go out with the next flush.
// It prints FAILED lines and still exits 0, so the check shows them; the
// check passes only when the final "metrics: ok" line is printed.
use std::collections::VecDeque;
use std::sync::{Mutex, TryLockError};

#[forbid(unsafe_code)]
mod metrics;

fn main() {
    let mut failures = 0;
    let mut fail = |message: String| {
        println!("FAILED: {message}");
        failures += 1;
    };

    let pending = Mutex::new(VecDeque::new());
    for line in ["GET /a", "GET /b", "POST /c"] {
        metrics::record(&pending, line);
    }

    let mut sent: Vec<String> = Vec::new();
    let mut blocked = 0;
    println!("flush 1, as it happened:");
    let count = metrics::flush(&pending, &mut |line: &str| {
        match pending.try_lock() {
            Ok(mut queue) if sent.len() < 3 => {
                queue.push_back(format!("late {}", sent.len() + 1));
                println!("  send {line:?}: the lock is free, so a handler recorded a new line");
            }
            Ok(_) => println!("  send {line:?}: the lock is free"),
            Err(TryLockError::WouldBlock) => {
                blocked += 1;
                println!("  send {line:?}: flush still holds the lock, so every handler that logs is blocked");
            }
            Err(TryLockError::Poisoned(_)) => println!("  send {line:?}: the lock is poisoned"),
        }
        sent.push(line.to_string());
    });
    if sent.len() > 3 && sent[..3] == ["GET /a", "GET /b", "POST /c"] {
        fail(format!("flush 1 also sent lines recorded after it started ({:?}); under steady load such a flush never ends. Take the whole batch out at once, and leave later lines for the next flush", &sent[3..]));
    } else if count != 3 || sent != ["GET /a", "GET /b", "POST /c"] {
        fail(format!("flush 1 should send the 3 queued lines in order and return 3; it sent {sent:?} and returned {count}"));
    }
    if blocked > 0 {
        fail(format!("flush held the lock during {blocked} of {} sends: drop the guard before the first send", sent.len()));
    }

    let mut later: Vec<String> = Vec::new();
    let count = metrics::flush(&pending, &mut |line: &str| {
        if pending.try_lock().is_err() {
            blocked += 1;
        }
        later.push(line.to_string());
    });
    println!("flush 2 sent {later:?}");
    if blocked == 0 && sent.len() == 3 && (count != 3 || later != ["late 1", "late 2", "late 3"]) {
        fail(format!("the 3 lines recorded during flush 1 should go out with flush 2, in order; it sent {later:?} and returned {count}"));
    }
    let left = pending.lock().map(|queue| queue.len()).unwrap_or(usize::MAX);
    if left != 0 {
        fail(format!("after flush 2 the queue should be empty; it holds {left} lines"));
    }

    if failures == 0 {
        println!("metrics: ok");
    }
}
