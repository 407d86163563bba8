// A JSON endpoint on tokio and hyper: one task per connection, on a runtime with a few threads.
use hyper::service::{make_service_fn, service_fn};
use hyper::{Body, Request, Response, Server};
use std::convert::Infallible;
use std::net::SocketAddr;

#[tokio::main]
async fn main() {
    let port: u16 = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .expect("usage: server PORT");
    let address = SocketAddr::from(([127, 0, 0, 1], port));
    // hyper calls `handle` for every request of every connection; keep-alive is its default.
    let make_service =
        make_service_fn(|_connection| async { Ok::<_, Infallible>(service_fn(handle)) });
    if let Err(error) = Server::bind(&address).serve(make_service).await {
        eprintln!("server: {error}");
    }
}

async fn handle(request: Request<Body>) -> Result<Response<Body>, Infallible> {
    let target = request
        .uri()
        .path_and_query()
        .map_or("/", |target| target.as_str());
    let (status, body) = answer(target);
    let response = Response::builder()
        .status(status)
        .header("Content-Type", "application/json")
        .body(Body::from(body))
        .expect("a valid status and header");
    Ok(response)
}

/// The status code and the JSON body for a request target such as `/hello?name=ada`.
fn answer(target: &str) -> (u16, String) {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    if path != "/hello" {
        return (404, r#"{"error":"not found"}"#.to_string());
    }
    let name = query.split('&').find_map(|pair| pair.strip_prefix("name="));
    match name {
        Some(name) if valid(name) => (200, format!(r#"{{"greeting":"hello, {name}"}}"#)),
        _ => (400, r#"{"error":"bad name"}"#.to_string()),
    }
}

/// 1 to 32 ASCII letters and digits.
fn valid(name: &str) -> bool {
    (1..=32).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_alphanumeric())
}
