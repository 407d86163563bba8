import Foundation

// Hidden harness: compares the learner's report with the original's on
// edge cases and on a 20,000-line log, then races the two.

var failures = 0
func check(_ log: String, _ what: String) {
    let want = baselineAnalyse(log), got = analyse(log)
    if got != want {
        failures += 1
        print("wrong report for \(what):")
        print("  got  requests=\(got.requests) errors=\(got.serverErrors) p95=\(got.p95LatencyMs) top=\(got.topRoutes)")
        print("  want requests=\(want.requests) errors=\(want.serverErrors) p95=\(want.p95LatencyMs) top=\(want.topRoutes)")
    }
}

check("", "an empty log")
check("\n\n", "blank lines")
check("2024-05-01T12:00:00Z GET /a 200 5", "one line without a final newline")
check("""
    2024-05-01T12:00:00Z GET /users/7 200 10
    garbage
    2024-05-01T12:00:01Z GET /users/8 503 30
    2024-05-01T12:00:02Z GET /users/x9 200 20
    2024-05-01T12:00:03Z GET /users/9/ 500 abc
    2024-05-01T12:00:04Z POST /users/12/orders/0042 201 40
    2024-05-01T12:00:05Z GET /users/٣ 200 15
    2024-05-01T12:00:06Z GET //7 200 15
    too few fields 200
    2024-05-01T12:00:07Z GET /a 200 5 extra

    """, "routes, statuses and malformed lines")
check((0..<12).map { i in
    "2024-05-01T12:00:00Z GET /\(["b", "a", "d", "c", "f", "e"][i % 6]) 200 \(i)"
}.joined(separator: "\n"), "ties between routes")
check((1...20).map { "t GET /p \(200) \($0)" }.joined(separator: "\n"), "p95 of 1...20")
check((1...101).reversed().map { "t GET /p \(200) \($0)" }.joined(separator: "\n"), "p95 of 101 descending")

// A realistic log: 20,000 requests over 400 resources with numeric ids.
var seed: UInt64 = 0x2545F4914F6CDD1D
func next(_ bound: Int) -> Int {
    seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
    return Int(seed % UInt64(bound))
}
let methods = ["GET", "GET", "GET", "POST", "PUT", "DELETE"]
let statuses = [200, 200, 200, 200, 201, 204, 301, 404, 500, 503]
func makeLog() -> String {
    var lines: [String] = []
    for i in 0..<20_000 {
        let resource = "r\(next(20) * next(20))"        // skewed: some resources are much busier
        var path = "/api/v1/\(resource)/\(next(100_000))"
        if next(3) == 0 { path += "/items/\(next(50))" }
        let second = String(i % 60).count == 1 ? "0\(i % 60)" : "\(i % 60)"
        lines.append("2024-05-01T12:\(i / 60 % 60 < 10 ? "0" : "")\(i / 60 % 60):\(second)Z \(methods[next(6)]) \(path) \(statuses[next(10)]) \(1 + next(900))")
    }
    return lines.joined(separator: "\n") + "\n"
}
let log = makeLog()
check(log, "the 20,000-line log")

if failures > 0 {
    print("log analyser: \(failures) wrong report(s)")
    exit(1)
}
let report = analyse(log)
print("log analyser: reports ok (\(report.requests) requests, top route \(report.topRoutes.first?.description ?? "-"))")

// Every timed run, warm-up included, gets a fresh 20,000-line log, so an
// analyser that remembers an earlier report gains nothing: each report is
// compared with the original's on the same log.
let logs = (0..<6).map { _ in makeLog() }
var baselineReports: [Report] = [], learnerReports: [Report] = []
var baselineRun = 0, learnerRun = 0
race(repetitions: 5,
     baseline: {
         let text = logs[baselineRun]
         baselineRun += 1
         baselineReports.append(baselineAnalyse(text))
     },
     learner: {
         let text = logs[learnerRun]
         learnerRun += 1
         learnerReports.append(analyse(text))
     })
for run in 0..<logs.count where learnerReports[run] != baselineReports[run] {
    let got = learnerReports[run], want = baselineReports[run]
    print("log analyser: wrong report on timed run \(run) (a new log each run):")
    print("  got  requests=\(got.requests) errors=\(got.serverErrors) p95=\(got.p95LatencyMs) top=\(got.topRoutes)")
    print("  want requests=\(want.requests) errors=\(want.serverErrors) p95=\(want.p95LatencyMs) top=\(want.topRoutes)")
    print("log analyser: does analyse remember an earlier report? It must work out each call from its own log.")
    exit(1)
}
print("log analyser: timed runs reported right (\(logs.count) different logs)")
