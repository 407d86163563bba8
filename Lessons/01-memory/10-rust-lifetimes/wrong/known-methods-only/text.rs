/// The host to route a request to.
pub fn route_host<'a>(header: &'a str, fallback: &'a str) -> &'a str {
    let host = header.trim();
    if host.is_empty() { fallback } else { host }
}

/// The request's method in upper case: HTTP has a fixed set of methods, so
/// every answer is a literal.
pub fn method(request_line: &str) -> &'static str {
    let word = request_line.split_whitespace().next().unwrap_or("");
    for known in ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"] {
        if word.eq_ignore_ascii_case(known) {
            return known;
        }
    }
    ""
}
