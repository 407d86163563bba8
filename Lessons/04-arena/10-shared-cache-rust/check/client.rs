// The shared cache's correctness client: exact answers with `cached` false on a SKU's first
// request and true on every later one, from any connection; 400 and 404 cases; and eight
// first requests for different SKUs at once, which must not wait for each other's lookup.
// Prints what was wrong and exits 1.
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::exit;
use std::sync::Barrier;
use std::thread;
use std::time::{Duration, Instant};

#[allow(dead_code)] // the client uses the price, not the wait
mod price_service;

struct Connection {
    stream: TcpStream,
    reader: BufReader<TcpStream>,
}

struct Answer {
    status: u16,
    body: String,
}

fn fail(message: &str) -> ! {
    println!("FAIL: {message}");
    exit(1)
}

impl Connection {
    fn open(port: u16) -> Connection {
        let stream = TcpStream::connect(("127.0.0.1", port)).unwrap_or_else(|error| {
            fail(&format!("could not connect to 127.0.0.1:{port}: {error}"))
        });
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        stream.set_nodelay(true).unwrap();
        let reader = BufReader::new(stream.try_clone().unwrap());
        Connection { stream, reader }
    }

    /// Sends `GET target` and reads the answer: status line, headers, Content-Length bytes of body.
    fn get(&mut self, target: &str) -> Answer {
        let what = format!("GET {target}");
        let request = format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        if self.stream.write_all(request.as_bytes()).is_err() {
            fail(&format!("{what}: the server had closed the connection; HTTP/1.1 keeps it open unless a side says `Connection: close`"));
        }
        let mut line = String::new();
        match self.reader.read_line(&mut line) {
            Ok(0) => fail(&format!(
                "{what}: the server closed the connection without an answer"
            )),
            Err(error) => fail(&format!("{what}: no answer within 5 s ({error})")),
            Ok(_) => {}
        }
        let status = line
            .split_whitespace()
            .nth(1)
            .and_then(|code| code.parse().ok())
            .unwrap_or_else(|| {
                fail(&format!(
                    "{what}: the status line was `{}`",
                    line.trim_end()
                ))
            });
        let mut length = None;
        loop {
            line.clear();
            if self.reader.read_line(&mut line).unwrap_or(0) == 0 {
                fail(&format!(
                    "{what}: the headers did not end with a blank line"
                ));
            }
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse::<usize>().ok();
                }
            }
        }
        let length = length.unwrap_or_else(|| fail(&format!("{what}: no Content-Length header")));
        let mut body = vec![0; length];
        if let Err(error) = self.reader.read_exact(&mut body) {
            fail(&format!(
                "{what}: the body was shorter than its Content-Length {length} ({error})"
            ));
        }
        Answer {
            status,
            body: String::from_utf8_lossy(&body).into_owned(),
        }
    }
}

fn expect(answer: &Answer, what: &str, status: u16, body: &str) {
    if answer.status != status || answer.body != body {
        fail(&format!(
            "{what}: {} `{}`, expected {status} `{body}`",
            answer.status, answer.body
        ));
    }
}

fn priced(sku: &str, cached: bool) -> String {
    format!(
        r#"{{"sku":"{sku}","price_cents":{},"cached":{cached}}}"#,
        price_service::price_of(sku)
    )
}

fn main() {
    let port: u16 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .expect("usage: client PORT");

    // A SKU's first request goes to the price service; every later one, on any connection, is cached.
    let mut first = Connection::open(port);
    expect(
        &first.get("/price?sku=A1"),
        "the first GET /price?sku=A1",
        200,
        &priced("A1", false),
    );
    expect(
        &first.get("/price?sku=A1"),
        "a second GET /price?sku=A1 on the same connection",
        200,
        &priced("A1", true),
    );
    let mut second = Connection::open(port);
    let answer = second.get("/price?sku=A1");
    if answer.status == 200 && answer.body == priced("A1", false) {
        fail("GET /price?sku=A1 on a second connection answered `\"cached\":false`: it did not see the price the first connection's thread cached; every connection's thread must share one cache");
    }
    expect(
        &answer,
        "GET /price?sku=A1 on a second connection",
        200,
        &priced("A1", true),
    );
    expect(
        &second.get("/price?sku=Zed9"),
        "the first GET /price?sku=Zed9",
        200,
        &priced("Zed9", false),
    );
    expect(
        &first.get("/price?sku=Zed9"),
        "GET /price?sku=Zed9 on the first connection, after the second asked",
        200,
        &priced("Zed9", true),
    );

    let bad = r#"{"error":"bad sku"}"#;
    for target in [
        "/price",
        "/price?sku=",
        "/price?sku=ABCDEFGHIJKLMNOPQ",
        "/price?sku=a-1",
        "/price?id=A1",
    ] {
        expect(&first.get(target), &format!("GET {target}"), 400, bad);
    }
    for target in ["/", "/prices?sku=A1"] {
        let answer = first.get(target);
        if answer.status != 404 {
            fail(&format!(
                "GET {target}: status {}, expected 404",
                answer.status
            ));
        }
    }

    // Eight first requests for eight SKUs at once: with no lock held during a lookup they take
    // about one lookup's time together; with one held, eight lookups' one after another.
    let skus: Vec<String> = (1..=8).map(|n| format!("Cold{n}")).collect();
    let mut connections: Vec<Connection> = skus.iter().map(|_| Connection::open(port)).collect();
    let barrier = Barrier::new(skus.len());
    let start = Instant::now();
    thread::scope(|scope| {
        for (connection, sku) in connections.iter_mut().zip(&skus) {
            let barrier = &barrier;
            scope.spawn(move || {
                barrier.wait();
                let target = format!("/price?sku={sku}");
                expect(
                    &connection.get(&target),
                    &format!("the first GET {target}"),
                    200,
                    &priced(sku, false),
                );
            });
        }
    });
    let elapsed = start.elapsed();
    let lookup = price_service::LOOKUP_TIME;
    if elapsed > lookup * 5 {
        fail(&format!(
            "8 first requests for 8 different SKUs, sent at once, took {} ms together; one lookup takes {} ms, so they waited for each other: is a lock held while the price service is asked?",
            elapsed.as_millis(),
            lookup.as_millis()
        ));
    }
    println!(
        "answers: ok (8 lookups at once took {} ms)",
        elapsed.as_millis()
    );
}
