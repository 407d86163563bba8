/// Parses a decimal integer the way `Int(_:)` does for these logs: an
/// optional sign, then one or more digits 0-9. Anything else gives nil.
func parseInt(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence) -> Int? {
    var index = bytes.startIndex
    var negative = false
    if index < bytes.endIndex && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
        negative = bytes[index] == UInt8(ascii: "-")
        index += 1
    }
    guard index < bytes.endIndex else { return nil }
    var value = 0
    while index < bytes.endIndex {
        let digit = Int(bytes[index]) - 48
        guard digit >= 0 && digit <= 9 else { return nil }
        let (times10, o1) = value.multipliedReportingOverflow(by: 10)
        let (next, o2) = negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
        if o1 || o2 { return nil }
        value = next
        index += 1
    }
    return value
}

/// Appends the route of `path` to `out`: every segment after a '/' made
/// only of the digits 0-9 becomes ":id". '/' and the digits are ASCII, so
/// no byte of a multi-byte character can be mistaken for them.
func appendRoute(of path: UnsafeBufferPointer<UInt8>.SubSequence, to out: inout [UInt8]) {
    var index = path.startIndex
    var segmentStart = index
    var afterSlash = false
    func flush(_ end: Int) {
        let segment = path[segmentStart..<end]
        if afterSlash && !segment.isEmpty && segment.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            out.append(contentsOf: ":id".utf8)
        } else {
            out.append(contentsOf: segment)
        }
    }
    while index < path.endIndex {
        if path[index] == UInt8(ascii: "/") {
            flush(index)
            out.append(UInt8(ascii: "/"))
            segmentStart = index + 1
            afterSlash = true
        }
        index += 1
    }
    flush(path.endIndex)
}

/// Fast, but counts raw paths: every id becomes its own route.
/// Analyses an access log: one request per line,
/// "TIMESTAMP METHOD PATH STATUS LATENCY_MS". Other lines are skipped.
func analyse(_ log: String) -> Report {
    var report = Report()
    var counts: [[UInt8]: Int] = [:]      // hashing: O(1) per line, not a linear search
    var latencies: [Int] = []             // appended, sorted once at the end
    var key: [UInt8] = []                 // one route buffer, reused for every line
    key.reserveCapacity(128)

    var text = log
    text.withUTF8 { bytes in              // the raw UTF-8 bytes: no Characters, no copies
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }

            // Exactly five fields separated by single spaces.
            var spaces: (Int, Int, Int, Int) = (0, 0, 0, 0)
            var found = 0
            var i = lineStart
            while i < lineEnd {
                if bytes[i] == UInt8(ascii: " ") {
                    found += 1
                    switch found {
                    case 1: spaces.0 = i
                    case 2: spaces.1 = i
                    case 3: spaces.2 = i
                    case 4: spaces.3 = i
                    default: break
                    }
                }
                i += 1
            }
            guard found == 4,
                  let status = parseInt(bytes[(spaces.2 + 1)..<spaces.3]),
                  let latency = parseInt(bytes[(spaces.3 + 1)..<lineEnd]) else { continue }
            report.requests += 1
            if status >= 500 { report.serverErrors += 1 }
            key.removeAll(keepingCapacity: true)
            key.append(contentsOf: bytes[(spaces.1 + 1)..<spaces.2])   // raw path: ids not replaced
            counts[key, default: 0] += 1
            latencies.append(latency)
        }
    }

    let ranked = counts.map { RouteCount(route: String(decoding: $0.key, as: UTF8.self), count: $0.value) }
        .sorted { $0.count != $1.count ? $0.count > $1.count : $0.route < $1.route }
    report.topRoutes = Array(ranked.prefix(5))
    if !latencies.isEmpty {
        latencies.sort()
        let rank = (latencies.count * 95 + 99) / 100     // ceil(0.95 * n)
        report.p95LatencyMs = latencies[rank - 1]
    }
    return report
}
