// Hidden: the report type, as shown in the lesson.

struct RouteCount: Equatable, CustomStringConvertible {
    var route: String
    var count: Int
    var description: String { "\(route)=\(count)" }
}

struct Report: Equatable {
    var requests = 0          // well-formed lines
    var serverErrors = 0      // status 500 or more
    var topRoutes: [RouteCount] = []   // the 5 busiest routes: count descending, then route ascending
    var p95LatencyMs = 0      // nearest-rank 95th percentile; 0 when there are no requests
}
