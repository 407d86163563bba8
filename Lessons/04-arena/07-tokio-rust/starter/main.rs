// A JSON endpoint on std::net: one thread per connection, many requests per connection.
// Cargo.toml already has tokio (rt-multi-thread, net, macros) and hyper (server, http1, tcp).
use std::io::{self, BufRead, BufReader, Read, Write};
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
fn serve(stream: TcpStream) -> io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut writer = stream;
    let mut line = String::new();
    loop {
        // The request line: `GET /hello?name=ada HTTP/1.1`. Zero bytes: the client closed.
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let target = line.split_whitespace().nth(1).unwrap_or("").to_string();
        // The headers, up to the blank line.
        let mut close = false;
        let mut body_length = 0;
        loop {
            line.clear();
            if reader.read_line(&mut line)? == 0 {
                return Ok(());
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
        // A body, if any, is not ours to answer: skip it so the next request starts clean.
        io::copy(&mut (&mut reader).take(body_length), &mut io::sink())?;

        let (status, body) = answer(&target);
        // Status line, headers and body in one write.
        let response = format!(
            "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        writer.write_all(response.as_bytes())?;
        if close {
            return Ok(());
        }
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
