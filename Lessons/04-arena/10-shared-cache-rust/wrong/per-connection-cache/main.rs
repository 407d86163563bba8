// A price endpoint with a cache in front of a slow price service: GET /price?sku=A1.
// One thread per connection; each connection keeps a cache of its own.
use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::RwLock;
use std::thread;

mod price_service;

type Cache = RwLock<HashMap<String, u64>>;

fn main() {
    let port: u16 = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .expect("usage: server PORT");
    let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind 127.0.0.1");
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(stream) => stream,
            Err(error) => {
                eprintln!("accept: {error}");
                continue;
            }
        };
        thread::spawn(move || serve(stream));
    }
}

/// The price of `sku` and whether it came from the cache.
fn price(cache: &Cache, sku: &str) -> (u64, bool) {
    if let Some(&price) = cache.read().unwrap().get(sku) {
        return (price, true);
    }
    // No lock held during the slow lookup: other threads keep reading and looking up.
    let price = price_service::lookup(sku);
    cache.write().unwrap().insert(sku.to_string(), price);
    (price, false)
}

/// The status line's code and the JSON body for a request target such as `/price?sku=A1`.
fn answer(cache: &Cache, target: &str) -> (&'static str, String) {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    if path != "/price" {
        return ("404 Not Found", r#"{"error":"not found"}"#.to_string());
    }
    match query.split('&').find_map(|pair| pair.strip_prefix("sku=")) {
        Some(sku) if valid(sku) => {
            let (price, cached) = price(cache, sku);
            (
                "200 OK",
                format!(r#"{{"sku":"{sku}","price_cents":{price},"cached":{cached}}}"#),
            )
        }
        _ => ("400 Bad Request", r#"{"error":"bad sku"}"#.to_string()),
    }
}

/// 1 to 16 ASCII letters and digits.
fn valid(sku: &str) -> bool {
    (1..=16).contains(&sku.len()) && sku.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Answers every request the client sends on this connection, until it closes it.
fn serve(stream: TcpStream) -> io::Result<()> {
    let cache: Cache = RwLock::new(HashMap::new());
    let cache = &cache;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut writer = stream;
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let target = line.split_whitespace().nth(1).unwrap_or("").to_string();
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
        io::copy(&mut (&mut reader).take(body_length), &mut io::sink())?;

        let (status, body) = answer(cache, &target);
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
