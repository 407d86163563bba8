// A JSON endpoint on std::net: one thread per connection, many requests per connection.
use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;

fn main() {
    let port: u16 = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .expect("usage: server PORT");
    let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind 127.0.0.1");
    for stream in listener.incoming() {
        match stream {
            Ok(stream) => {
                thread::spawn(move || serve(stream));
            }
            Err(error) => eprintln!("accept: {error}"),
        }
    }
}

/// Answers every request the client sends on this connection, until it closes it.
fn serve(mut stream: TcpStream) -> io::Result<()> {
    let mut buffer = [0u8; 4096];
    loop {
        // One read, one request.
        let count = stream.read(&mut buffer)?;
        if count == 0 {
            return Ok(());
        }
        let request = String::from_utf8_lossy(&buffer[..count]);
        let target = request.split_whitespace().nth(1).unwrap_or("").to_string();

        let (status, body) = answer(&target);
        let response = format!(
            "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(response.as_bytes())?;
    }
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
