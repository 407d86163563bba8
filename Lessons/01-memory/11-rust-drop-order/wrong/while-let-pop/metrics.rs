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
    // One line at a time, but a temporary in a `while let` scrutinee
    // lives until the end of each pass of the loop body.
    let mut count = 0;
    while let Some(line) = pending.lock().unwrap().pop_front() {
        send(&line);
        count += 1;
    }
    count
}
