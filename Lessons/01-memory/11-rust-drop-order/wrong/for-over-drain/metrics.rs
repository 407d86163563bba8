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
    // No named guard, but the temporary in a `for` loop's iterator
    // expression lives until the loop ends.
    let mut count = 0;
    for line in pending.lock().unwrap().drain(..) {
        send(&line);
        count += 1;
    }
    count
}
