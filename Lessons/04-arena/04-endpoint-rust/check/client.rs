// The correctness client. `client PORT answers`: exact answers, 400 and 404 cases, a request
// that arrives in two pieces, one connection each. `client PORT keep-alive`: three requests on
// one connection, as wrk sends them. Prints what was wrong and exits 1.
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

fn connect(port: u16) -> TcpStream {
    let stream = TcpStream::connect(("127.0.0.1", port))
        .unwrap_or_else(|error| fail(&format!("could not connect to 127.0.0.1:{port}: {error}")));
    stream
        .set_read_timeout(Some(Duration::from_secs(3)))
        .unwrap();
    stream.set_nodelay(true).unwrap();
    stream
}

fn fail(message: &str) -> ! {
    println!("FAIL: {message}");
    exit(1)
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

fn request(target: &str) -> String {
    format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: crucible-check\r\n\r\n")
}

fn expect(answer: &Answer, what: &str, status: u16, body: Option<&str>) {
    if answer.status != status {
        fail(&format!(
            "{what}: status {}, expected {status} (body `{}`)",
            answer.status, answer.body
        ));
    }
    if !answer.content_type.starts_with("application/json") && body.is_some() {
        fail(&format!(
            "{what}: Content-Type {:?}, expected application/json",
            answer.content_type
        ));
    }
    if let Some(body) = body {
        if answer.body != body {
            fail(&format!(
                "{what}: body `{}`, expected `{body}`",
                answer.body
            ));
        }
    }
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

fn answers(port: u16) {
    let long = "a".repeat(32);
    let too_long = "a".repeat(33);
    let ok_cases = [
        ("ada", "ada"),
        ("Grace42", "Grace42"),
        (long.as_str(), long.as_str()),
        ("7", "7"),
    ];
    let bad = r#"{"error":"bad name"}"#;

    // One request per connection: the answers themselves.
    for (name, shown) in ok_cases {
        let target = format!("/hello?name={name}");
        let what = format!("GET {target}");
        let stream = connect(port);
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        (&stream).write_all(request(&target).as_bytes()).unwrap();
        let answer = read_answer(&mut reader, &what);
        expect(
            &answer,
            &what,
            200,
            Some(&format!(r#"{{"greeting":"hello, {shown}"}}"#)),
        );
    }
    let bad_targets = [
        "/hello".to_string(),
        "/hello?name=".to_string(),
        format!("/hello?name={too_long}"),
        "/hello?name=ada-lovelace".to_string(),
        "/hello?name=%41da".to_string(),
        "/hello?who=ada".to_string(),
    ];
    for target in &bad_targets {
        let what = format!("GET {target}");
        let stream = connect(port);
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        (&stream).write_all(request(target).as_bytes()).unwrap();
        expect(&read_answer(&mut reader, &what), &what, 400, Some(bad));
    }
    for target in ["/", "/hellos?name=ada", "/goodbye?name=ada"] {
        let what = format!("GET {target}");
        let stream = connect(port);
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        (&stream).write_all(request(target).as_bytes()).unwrap();
        expect(&read_answer(&mut reader, &what), &what, 404, None);
    }

    // TCP is a stream of bytes, not of messages: a request may arrive in pieces.
    {
        let what = "GET /hello?name=split sent in two pieces 100 ms apart";
        let stream = connect(port);
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let whole = request("/hello?name=split");
        let (first, second) = whole.split_at(9); // "GET /hell" | "o?name=split ..."
        (&stream).write_all(first.as_bytes()).unwrap();
        thread::sleep(Duration::from_millis(100));
        (&stream).write_all(second.as_bytes()).unwrap();
        expect(
            &read_answer(&mut reader, what),
            what,
            200,
            Some(r#"{"greeting":"hello, split"}"#),
        );
    }
    println!("answers: ok");
}

fn keep_alive(port: u16) {
    // Keep-alive: three requests, one after another, on one connection (as wrk sends them).
    let stream = connect(port);
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    for (index, name) in ["one", "two", "three"].iter().enumerate() {
        let what = format!(
            "request {} of 3 on one connection (GET /hello?name={name})",
            index + 1
        );
        if (&stream)
            .write_all(request(&format!("/hello?name={name}")).as_bytes())
            .is_err()
        {
            fail(&format!("{what}: the server had closed the connection; HTTP/1.1 keeps it open unless a side says `Connection: close`"));
        }
        let answer = read_answer(&mut reader, &what);
        expect(
            &answer,
            &what,
            200,
            Some(&format!(r#"{{"greeting":"hello, {name}"}}"#)),
        );
    }
    println!("keep-alive: ok");
}
