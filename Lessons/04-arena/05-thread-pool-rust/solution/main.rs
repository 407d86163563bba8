// A JSON endpoint on std::net served by a fixed pool of worker threads, however many
// connections there are. A worker answers one waiting request of a connection, then puts the
// connection back in the queue, so every kept-alive connection gets its turn.
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

const WORKERS: usize = 4;

/// A kept-alive connection waiting for its turn, with what its reader has buffered.
struct Connection {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

fn main() {
    let port: u16 = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .expect("usage: server PORT");
    let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind 127.0.0.1");
    let (queue, waiting) = mpsc::channel::<Connection>();
    let waiting = Arc::new(Mutex::new(waiting));
    for _ in 0..WORKERS {
        let waiting = Arc::clone(&waiting);
        let queue = queue.clone();
        thread::spawn(move || work(&waiting, &queue));
    }
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(stream) => stream,
            Err(error) => {
                eprintln!("accept: {error}");
                continue;
            }
        };
        let reader = match stream.try_clone() {
            Ok(clone) => BufReader::new(clone),
            Err(error) => {
                eprintln!("clone: {error}");
                continue;
            }
        };
        queue
            .send(Connection {
                reader,
                writer: stream,
            })
            .expect("the workers run as long as main");
    }
}

/// A worker: take the next connection; if a request is waiting on it, answer it; queue the
/// connection again unless it ended. A worker never waits on one connection's next request.
fn work(waiting: &Mutex<Receiver<Connection>>, queue: &Sender<Connection>) {
    let mut turns_without_work = 0;
    loop {
        // The lock is held only while taking a connection, not while answering it.
        let next = waiting.lock().unwrap().recv();
        let Ok(mut connection) = next else { return };
        match request_waiting(&connection) {
            Ok(true) => {
                turns_without_work = 0;
                if let Ok(true) = answer_one(&mut connection) {
                    queue
                        .send(connection)
                        .expect("the receiver lives as long as the workers");
                }
            }
            Ok(false) => {
                queue
                    .send(connection)
                    .expect("the receiver lives as long as the workers");
                // A round of quiet connections: rest a moment instead of spinning on them.
                turns_without_work += 1;
                if turns_without_work >= 64 {
                    turns_without_work = 0;
                    thread::sleep(Duration::from_millis(1));
                }
            }
            Err(_) => {} // a broken connection: dropping it closes it
        }
    }
}

/// Whether the client has sent something (a request, or its close), without blocking: what the
/// reader has buffered already, else a non-blocking peek at the socket.
fn request_waiting(connection: &Connection) -> io::Result<bool> {
    if !connection.reader.buffer().is_empty() {
        return Ok(true);
    }
    let socket = &connection.writer;
    socket.set_nonblocking(true)?;
    let peeked = socket.peek(&mut [0u8; 1]);
    socket.set_nonblocking(false)?;
    match peeked {
        Ok(_) => Ok(true),
        Err(error) if error.kind() == io::ErrorKind::WouldBlock => Ok(false),
        Err(error) => Err(error),
    }
}

/// Reads one request and answers it. `Ok(false)`: the connection is over.
fn answer_one(connection: &mut Connection) -> io::Result<bool> {
    let reader = &mut connection.reader;
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Ok(false);
    }
    let target = line.split_whitespace().nth(1).unwrap_or("").to_string();
    let mut close = false;
    let mut body_length = 0;
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(false);
        }
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            let value = value.trim();
            if name.eq_ignore_ascii_case("content-length") {
                body_length = value.parse().unwrap_or(0);
            } else if name.eq_ignore_ascii_case("connection") {
                close = value.eq_ignore_ascii_case("close");
            }
        }
    }
    io::copy(&mut reader.take(body_length), &mut io::sink())?;

    let (status, body) = answer(&target);
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    connection.writer.write_all(response.as_bytes())?;
    Ok(!close)
}

/// The status line's code and the JSON body for a request target such as `/hello?name=ada`.
fn answer(target: &str) -> (&'static str, String) {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    if path != "/hello" {
        return ("404 Not Found", r#"{"error":"not found"}"#.to_string());
    }
    let name = query.split('&').find_map(|pair| pair.strip_prefix("name="));
    match name {
        Some(name) if valid(name) => ("200 OK", format!(r#"{{"greeting":"hello, {name}"}}"#)),
        _ => ("400 Bad Request", r#"{"error":"bad name"}"#.to_string()),
    }
}

/// 1 to 32 ASCII letters and digits.
fn valid(name: &str) -> bool {
    (1..=32).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_alphanumeric())
}
