import Foundation

/// Replaces every segment after a "/" that is made only of the digits 0-9
/// with ":id", so "/api/users/42/orders" becomes "/api/users/:id/orders".
func route(of path: String) -> String {
    path.replacingOccurrences(of: "(?<=/)[0-9]+(?=/|$)", with: ":id", options: .regularExpression)
}

/// Analyses an access log: one request per line,
/// "TIMESTAMP METHOD PATH STATUS LATENCY_MS". Other lines are skipped.
func analyse(_ log: String) -> Report {
    var report = Report()
    var counts: [RouteCount] = []
    var latencies: [Int] = []

    for line in log.components(separatedBy: "\n") {
        let fields = line.components(separatedBy: " ")
        guard fields.count == 5, let status = Int(fields[3]), let latency = Int(fields[4]) else { continue }
        report.requests += 1
        if status >= 500 { report.serverErrors += 1 }

        let key = route(of: fields[2])
        if let index = counts.firstIndex(where: { $0.route == key }) {
            counts[index].count += 1
        } else {
            counts.append(RouteCount(route: key, count: 1))
        }

        // Keep the latencies sorted as they arrive.
        let position = latencies.firstIndex(where: { $0 > latency }) ?? latencies.count
        latencies.insert(latency, at: position)
    }

    counts.sort { $0.count != $1.count ? $0.count > $1.count : $0.route < $1.route }
    report.topRoutes = Array(counts.prefix(5))
    if !latencies.isEmpty {
        let rank = (latencies.count * 95 + 99) / 100     // ceil(0.95 * n)
        report.p95LatencyMs = latencies[rank - 1]
    }
    return report
}
