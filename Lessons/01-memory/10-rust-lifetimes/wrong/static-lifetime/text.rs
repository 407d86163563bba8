/// The host to route a request to: the Host header with the spaces around it
/// trimmed, or `fallback` when the header is blank. It borrows from one of
/// its arguments, so it copies nothing.
pub fn route_host(header: &'static str, fallback: &'static str) -> &'static str {
    // 'static everywhere: it compiles here, but callers may only pass literals.
    let host = header.trim();
    if host.is_empty() {
        fallback
    } else {
        host
    }
}

/// The request's method in upper case: "get /index.html HTTP/1.1" gives "GET".
pub fn method(request_line: &str) -> String {
    // The upper-case text is new: no argument holds it, so return it owned.
    let word = request_line.split_whitespace().next().unwrap_or("");
    word.to_uppercase()
}
