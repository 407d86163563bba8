// Opens COUNT kept-alive connections to each server, sends one request on each and reads its
// answer, then keeps them all open and silent until it is stopped: idle clients, such as
// browsers between clicks. Prints `idle: COUNT connections to each server` when they are.
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::exit;
use std::thread;
use std::time::Duration;

fn open(port: u16, index: usize) -> TcpStream {
    let stream = TcpStream::connect(("127.0.0.1", port)).unwrap_or_else(|error| {
        println!("FAIL: connection {index} to 127.0.0.1:{port}: {error}");
        exit(1)
    });
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let request = "GET /hello?name=idle HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    (&stream).write_all(request.as_bytes()).unwrap();
    // Read the answer's headers and its Content-Length body.
    let mut reader = BufReader::new(&stream);
    let mut line = String::new();
    let mut length = 0;
    loop {
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            println!("FAIL: connection {index} to 127.0.0.1:{port}: no complete answer");
            exit(1)
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
    reader.read_exact(&mut body).unwrap();
    stream
}

fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let [count, ports @ ..] = args.as_slice() else {
        panic!("usage: idle COUNT PORT...")
    };
    let mut streams = Vec::new();
    for &port in ports {
        for index in 1..=*count as usize {
            streams.push(open(port as u16, index));
        }
    }
    println!("idle: {count} connections to each server");
    loop {
        thread::sleep(Duration::from_secs(3600));
    }
}
