// `idle COUNT NAME:PORT...` opens COUNT kept-alive connections to each server, sends one request
// on each and reads its answer, then keeps them all open and silent until it is stopped: idle
// clients, such as browsers between clicks. Prints `idle: COUNT connections to each server`
// when they are.
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::exit;
use std::thread;
use std::time::Duration;

fn fail(name: &str, port: u16, index: usize, count: usize, problem: &str) -> ! {
    println!(
        "FAIL: idle connection {index} of {count} to the {name} server (127.0.0.1:{port}): {problem}; \
         the {} connections before it are open and idle, and must not keep it from answering",
        index - 1
    );
    exit(1)
}

/// Opens a connection, sends one request and reads its whole answer.
fn open(name: &str, port: u16, index: usize, count: usize) -> TcpStream {
    let stream = TcpStream::connect(("127.0.0.1", port))
        .unwrap_or_else(|error| fail(name, port, index, count, &error.to_string()));
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let request = "GET /hello?name=idle HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    if (&stream).write_all(request.as_bytes()).is_err() {
        fail(name, port, index, count, "it closed the connection");
    }
    // The answer's headers, then its Content-Length body.
    let mut reader = BufReader::new(&stream);
    let mut line = String::new();
    let mut length = 0;
    loop {
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            fail(name, port, index, count, "no answer within 5 s");
        }
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0; length];
    if reader.read_exact(&mut body).is_err() {
        fail(name, port, index, count, "its answer ended early");
    }
    stream
}

fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: idle COUNT NAME:PORT...";
    let count: usize = args.next().and_then(|a| a.parse().ok()).expect(usage);
    let servers: Vec<(String, u16)> = args
        .map(|arg| {
            let (name, port) = arg.split_once(':').expect(usage);
            (name.to_string(), port.parse().expect(usage))
        })
        .collect();
    let mut streams = Vec::new();
    for (name, port) in &servers {
        for index in 1..=count {
            streams.push(open(name, *port, index, count));
        }
    }
    println!("idle: {count} connections to each server");
    loop {
        thread::sleep(Duration::from_secs(3600));
    }
}
