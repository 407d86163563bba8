// The baseline: the reference order service (thread per connection, keep-alive, serde), on
// {port_baseline}.
use serde::{Deserialize, Serialize};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;

#[derive(Deserialize)]
struct Order {
    customer: String,
    items: Vec<Item>,
}

// Unsigned fields: serde rejects a negative or fractional quantity or price for us.
#[derive(Deserialize)]
#[allow(dead_code)]
struct Item {
    sku: String,
    qty: u64,
    price_cents: u64,
}

#[derive(Serialize)]
struct Receipt<'a> {
    customer: &'a str,
    items: usize,
    total_cents: u64,
}

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
    let mut body = Vec::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let mut words = line.split_whitespace();
        let method = words.next().unwrap_or("").to_string();
        let target = words.next().unwrap_or("").to_string();
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
        // Exactly Content-Length bytes: the connection stays open, so there is no end to read to.
        body.clear();
        (&mut reader).take(body_length).read_to_end(&mut body)?;

        let (status, answer) = match (method.as_str(), target.as_str()) {
            ("POST", "/orders") => orders(&body),
            ("GET", "/health") => ("200 OK", r#"{"ok":true}"#.to_string()),
            _ => ("404 Not Found", r#"{"error":"not found"}"#.to_string()),
        };
        let response = format!(
            "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{answer}",
            answer.len()
        );
        writer.write_all(response.as_bytes())?;
        if close {
            return Ok(());
        }
    }
}

/// The receipt for an order, or 400 with serde's reason.
fn orders(body: &[u8]) -> (&'static str, String) {
    let order: Order = match serde_json::from_slice(body) {
        Ok(order) => order,
        Err(error) => {
            let reason = serde_json::json!({ "error": error.to_string() });
            return ("400 Bad Request", reason.to_string());
        }
    };
    let total_cents = order
        .items
        .iter()
        .map(|item| item.qty * item.price_cents)
        .sum();
    let receipt = Receipt {
        customer: &order.customer,
        items: order.items.len(),
        total_cents,
    };
    (
        "200 OK",
        serde_json::to_string(&receipt).expect("a receipt serializes"),
    )
}
