// The order service's correctness client. `client PORT answers`: exact receipts, 400 for bodies
// that are not such an order, /health, 404, a body that arrives after its headers, one
// connection each. `client PORT keep-alive`: several requests on one connection, as wrk sends
// them. Prints what was wrong and exits 1.
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::exit;
use std::thread;
use std::time::Duration;

struct Answer {
    status: u16,
    content_type: String,
    body: String,
}

fn fail(message: &str) -> ! {
    println!("FAIL: {message}");
    exit(1)
}

fn connect(port: u16) -> (TcpStream, BufReader<TcpStream>) {
    let stream = TcpStream::connect(("127.0.0.1", port))
        .unwrap_or_else(|error| fail(&format!("could not connect to 127.0.0.1:{port}: {error}")));
    stream
        .set_read_timeout(Some(Duration::from_secs(3)))
        .unwrap();
    stream.set_nodelay(true).unwrap();
    let reader = BufReader::new(stream.try_clone().unwrap());
    (stream, reader)
}

/// Reads one answer: status line, headers, and exactly Content-Length bytes of body.
fn read_answer(reader: &mut BufReader<TcpStream>, what: &str) -> Answer {
    let mut line = String::new();
    match reader.read_line(&mut line) {
        Ok(0) => fail(&format!(
            "{what}: the server closed the connection without an answer"
        )),
        Err(error) => fail(&format!("{what}: no answer within 3 s ({error})")),
        Ok(_) => {}
    }
    let status = line
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| {
            fail(&format!(
                "{what}: the status line was {:?}",
                line.trim_end()
            ))
        });
    let mut content_type = String::new();
    let mut length = None;
    loop {
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            fail(&format!(
                "{what}: the headers did not end with a blank line"
            ));
        }
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("content-type") {
                content_type = value.trim().to_string();
            } else if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse::<usize>().ok();
            }
        }
    }
    let length = length.unwrap_or_else(|| {
        fail(&format!("{what}: no Content-Length header, so a kept-alive client cannot tell where the body ends"))
    });
    let mut body = vec![0; length];
    if let Err(error) = reader.read_exact(&mut body) {
        fail(&format!(
            "{what}: the body was shorter than its Content-Length {length} ({error})"
        ));
    }
    Answer {
        status,
        content_type,
        body: String::from_utf8_lossy(&body).into_owned(),
    }
}

fn post(body: &str) -> (String, String) {
    let head = format!(
        "POST /orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    (head, body.to_string())
}

fn get(target: &str) -> String {
    format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
}

fn check_json(answer: &Answer, what: &str, status: u16) {
    if answer.status != status {
        fail(&format!(
            "{what}: status {}, expected {status} (body `{}`)",
            answer.status, answer.body
        ));
    }
    if !answer.content_type.starts_with("application/json") {
        fail(&format!(
            "{what}: Content-Type {:?}, expected application/json",
            answer.content_type
        ));
    }
}

fn exactly(answer: &Answer, what: &str, status: u16, body: &str) {
    check_json(answer, what, status);
    if answer.body != body {
        fail(&format!(
            "{what}: body `{}`, expected `{body}`",
            answer.body
        ));
    }
}

/// A 400 whose body is a JSON object with an "error" string.
fn rejected(answer: &Answer, what: &str) {
    check_json(answer, what, 400);
    let body = answer.body.trim();
    if !(body.starts_with(r#"{"error":""#) && body.ends_with("\"}")) {
        fail(&format!(
            "{what}: body `{}`, expected `{{\"error\":\"…\"}}`",
            answer.body
        ));
    }
}

const ADA: &str = r#"{"customer":"ada","items":[{"sku":"A1","qty":2,"price_cents":250},{"sku":"B7","qty":1,"price_cents":1999}]}"#;
const ADA_RECEIPT: &str = r#"{"customer":"ada","items":2,"total_cents":2499}"#;

fn answers(port: u16) {
    let receipts = [
        ("an order of two items", ADA.to_string(), ADA_RECEIPT.to_string()),
        (
            "an order with no items",
            r#"{"customer":"grace","items":[]}"#.to_string(),
            r#"{"customer":"grace","items":0,"total_cents":0}"#.to_string(),
        ),
        (
            "an order laid out over several lines, fields in another order",
            "{\n  \"items\": [\n    {\"price_cents\": 45, \"qty\": 12, \"sku\": \"C3\"},\n    {\"qty\": 0, \"sku\": \"Z9\", \"price_cents\": 500}\n  ],\n  \"customer\": \"linus\"\n}".to_string(),
            r#"{"customer":"linus","items":2,"total_cents":540}"#.to_string(),
        ),
        (
            "a customer name with quotes and a backslash in it",
            r#"{"customer":"Ada \"the Countess\" \\ Lovelace","items":[{"sku":"A1","qty":1,"price_cents":1}]}"#.to_string(),
            r#"{"customer":"Ada \"the Countess\" \\ Lovelace","items":1,"total_cents":1}"#.to_string(),
        ),
        (
            "an order whose total does not fit in 32 bits",
            r#"{"customer":"bulk","items":[{"sku":"N1","qty":3000000000,"price_cents":7}]}"#.to_string(),
            r#"{"customer":"bulk","items":1,"total_cents":21000000000}"#.to_string(),
        ),
        (
            "a total of 2^53 + 1 cents, which a float cannot hold",
            r#"{"customer":"whale","items":[{"sku":"W1","qty":1,"price_cents":9007199254740992},{"sku":"W2","qty":1,"price_cents":1}]}"#.to_string(),
            r#"{"customer":"whale","items":2,"total_cents":9007199254740993}"#.to_string(),
        ),
    ];
    for (what, body, receipt) in &receipts {
        let what = format!("POST /orders with {what}");
        let (stream, mut reader) = connect(port);
        let (head, body) = post(body);
        (&stream).write_all((head + &body).as_bytes()).unwrap();
        exactly(&read_answer(&mut reader, &what), &what, 200, receipt);
    }

    let bad_bodies = [
        ("an empty body", ""),
        ("a body that is not JSON", "customer=ada"),
        (
            "JSON cut short",
            r#"{"customer":"ada","items":[{"sku":"A1","#,
        ),
        (
            "no customer",
            r#"{"items":[{"sku":"A1","qty":1,"price_cents":250}]}"#,
        ),
        ("no items", r#"{"customer":"ada"}"#),
        (
            "items that are not a list",
            r#"{"customer":"ada","items":{"sku":"A1"}}"#,
        ),
        (
            "a negative quantity",
            r#"{"customer":"ada","items":[{"sku":"A1","qty":-1,"price_cents":250}]}"#,
        ),
        (
            "a fractional price",
            r#"{"customer":"ada","items":[{"sku":"A1","qty":1,"price_cents":2.5}]}"#,
        ),
        (
            "a price given as a string",
            r#"{"customer":"ada","items":[{"sku":"A1","qty":1,"price_cents":"250"}]}"#,
        ),
        (
            "an item without a quantity",
            r#"{"customer":"ada","items":[{"sku":"A1","price_cents":250}]}"#,
        ),
        (
            "a JSON list instead of an object",
            r#"[{"customer":"ada","items":[]}]"#,
        ),
    ];
    for (what, body) in bad_bodies {
        let what = format!("POST /orders with {what}");
        let (stream, mut reader) = connect(port);
        let (head, body) = post(body);
        (&stream).write_all((head + &body).as_bytes()).unwrap();
        rejected(&read_answer(&mut reader, &what), &what);
    }

    {
        let what = "GET /health";
        let (stream, mut reader) = connect(port);
        (&stream).write_all(get("/health").as_bytes()).unwrap();
        exactly(&read_answer(&mut reader, what), what, 200, r#"{"ok":true}"#);
    }
    for target in ["/", "/order", "/orders/7"] {
        let what = format!("GET {target}");
        let (stream, mut reader) = connect(port);
        (&stream).write_all(get(target).as_bytes()).unwrap();
        let answer = read_answer(&mut reader, &what);
        if answer.status != 404 {
            fail(&format!("{what}: status {}, expected 404", answer.status));
        }
    }

    // TCP delivers bytes, not messages: the body may come after the headers, in its own piece.
    {
        let what = "POST /orders whose body arrives 100 ms after its headers";
        let (stream, mut reader) = connect(port);
        let (head, body) = post(ADA);
        (&stream).write_all(head.as_bytes()).unwrap();
        thread::sleep(Duration::from_millis(100));
        (&stream).write_all(body.as_bytes()).unwrap();
        exactly(&read_answer(&mut reader, what), what, 200, ADA_RECEIPT);
    }
    println!("answers: ok");
}

fn keep_alive(port: u16) {
    let (stream, mut reader) = connect(port);
    let steps = ["POST", "GET /health", "bad", "POST"];
    for (index, step) in steps.iter().enumerate() {
        let (request, expected) = match *step {
            "POST" => {
                let (head, body) = post(ADA);
                (head + &body, Some(ADA_RECEIPT))
            }
            "GET /health" => (get("/health"), Some(r#"{"ok":true}"#)),
            _ => {
                let (head, body) =
                    post(r#"{"customer":"ada","items":[{"sku":"A1","qty":-1,"price_cents":1}]}"#);
                (head + &body, None)
            }
        };
        let what = match expected {
            Some(_) => format!("request {} of 4 on one connection ({step})", index + 1),
            None => format!(
                "request {} of 4 on one connection (POST /orders with a negative quantity)",
                index + 1
            ),
        };
        if (&stream).write_all(request.as_bytes()).is_err() {
            fail(&format!("{what}: the server had closed the connection; HTTP/1.1 keeps it open unless a side says `Connection: close`"));
        }
        let answer = read_answer(&mut reader, &what);
        match expected {
            Some(body) => exactly(&answer, &what, 200, body),
            None => rejected(&answer, &what),
        }
    }
    println!("keep-alive: ok");
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let port: u16 = args
        .get(1)
        .and_then(|a| a.parse().ok())
        .expect("usage: client PORT answers|keep-alive");
    match args.get(2).map(String::as_str) {
        Some("answers") => answers(port),
        Some("keep-alive") => keep_alive(port),
        _ => panic!("usage: client PORT answers|keep-alive"),
    }
}
