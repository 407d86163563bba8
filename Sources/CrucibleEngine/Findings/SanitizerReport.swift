import Foundation

/// The tool that wrote a sanitizer report.
public enum SanitizerTool: String, Sendable, Equatable {
    case threadSanitizer = "ThreadSanitizer"
    case addressSanitizer = "AddressSanitizer"
    case leakSanitizer = "LeakSanitizer"
    case goRaceDetector = "Go race detector"
}

/// What kind of bug a sanitizer found.
public enum SanitizerKind: String, Sendable, Equatable {
    case dataRace
    case heapUseAfterFree
    case heapBufferOverflow
    case stackBufferOverflow
    case globalBufferOverflow
    case stackUseAfterReturn
    case stackUseAfterScope
    case doubleFree
    case invalidFree
    case memoryLeak
    /// Anything else, e.g. a SEGV, a lock-order inversion or a thread leak: see `detail`.
    case other
}

/// One report from a sanitizer or race detector, boiled down for a learner.
public struct SanitizerFinding: Sendable, Equatable {
    public var tool: SanitizerTool
    public var kind: SanitizerKind
    /// The tool's own name for it, e.g. "heap-use-after-free" or "Swift access race".
    public var detail: String
    /// One line, e.g. "AddressSanitizer: heap-use-after-free (READ of size 4) at main.c:6:20".
    public var summary: String
    /// The first frame in the learner's code, if the report has one.
    public var location: FileLocation?
    /// The whole report as the tool printed it.
    public var report: String
}

/// Finds sanitizer and race-detector reports in a program's stderr.
public enum SanitizerReport {
    /// Every report in `stderr`, in order. `learnerFiles` are the learner's file names or
    /// path suffixes ("main.c", "src/main.rs"), used to pick the frame to point at.
    public static func parse(stderr: String, learnerFiles: [String]) -> [SanitizerFinding] {
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false)
        var reports: [(start: ReportStart, text: String, access: ReportAccess)] = []
        var index = 0
        while index < lines.count {
            guard let start = ReportStart(line: lines[index]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < lines.count, ReportStart(line: lines[end]) == nil, !start.ends(at: lines[end]) { end += 1 }
            let text = lines[index..<min(end + 1, lines.count)].joined(separator: "\n")
            reports.append((start, text, ReportAccess(report: text, learnerFiles: learnerFiles)))
            index = end
        }
        return reports.indices.map { index in
            let (start, text, access) = reports[index]
            // A Swift access race may name the learner's file without a line; TSan's plain
            // data-race report on the same address, which follows it, has the line.
            let sameRace = access.address.flatMap { address in
                reports[(index + 1)...].lazy.compactMap { $0.access.address == address ? $0.access.location : nil }.first
            }
            let anyFrame = FileLocation.all(in: text[...]).first { $0.isLearnerCode(learnerFiles) }
            return start.finding(report: text, location: access.location ?? sameRace ?? anyFrame)
        }
    }
}

/// The part of a report about the bad access itself, before the context that follows it (the
/// heap block, the threads, the free): a frame there points at the bug; an allocation site or
/// a `pthread_create` call does not.
private struct ReportAccess {
    /// The first learner frame with a line among the access stacks.
    var location: FileLocation?
    /// The address accessed, as TSan prints it ("… at 0x720800000030 by thread T2").
    var address: String?

    init(report: String, learnerFiles: [String]) {
        let context = report.firstRange(
            of: #/\n\s*(?:Location is|Thread T\d+ .*created|Goroutine \d+ .*created|Mutex |freed by thread|previously allocated by)/#)
        let access = context.map { report[..<$0.lowerBound] } ?? report[...]
        location = FileLocation.all(in: access).first { $0.isLearnerCode(learnerFiles) }
        address = access.firstMatch(of: #/ at (0x[0-9a-f]+) by /#).map { String($0.output.1) }
    }
}

/// The first line of a report: which tool, and what it says it found.
private struct ReportStart: Equatable {
    var tool: SanitizerTool
    var detail: String

    init?(line: Substring) {
        if let match = line.firstMatch(of: #/WARNING: ThreadSanitizer: (.+?)(?: \(pid=\d+\))?\s*$/#) {
            self.init(tool: .threadSanitizer, detail: String(match.output.1))
        } else if let match = line.firstMatch(of: #/==\d+==ERROR: AddressSanitizer: (.+?)\s*$/#) {
            self.init(tool: .addressSanitizer, detail: Self.addressDetail(String(match.output.1)))
        } else if line.contains(#/==\d+==ERROR: LeakSanitizer: detected memory leaks/#) {
            self.init(tool: .leakSanitizer, detail: "memory leak")
        } else if line.hasPrefix("WARNING: DATA RACE") {
            self.init(tool: .goRaceDetector, detail: "data race")
        } else {
            return nil
        }
    }

    private init(tool: SanitizerTool, detail: String) {
        self.tool = tool
        self.detail = detail
    }

    /// "heap-use-after-free on address 0x… at pc …" → "heap-use-after-free";
    /// "attempting double-free on 0x… in thread T0:" → "double-free".
    private static func addressDetail(_ text: String) -> String {
        if text.contains("double-free") { return "double-free" }
        if text.contains("not malloc()-ed") { return "free of memory not from malloc" }
        return text.split(separator: " ").first.map(String.init) ?? text
    }

    /// Whether `line` is the last line of this report. ASan's shadow-byte legend runs until it
    /// aborts; TSan and Go close with a row of "=".
    func ends(at line: Substring) -> Bool {
        switch tool {
        case .threadSanitizer: line.hasPrefix("SUMMARY: ThreadSanitizer")
        case .goRaceDetector: line.hasPrefix("==================")
        case .addressSanitizer: line.contains(#/^==\d+==ABORTING/#)
        case .leakSanitizer: line.hasPrefix("SUMMARY: ")
        }
    }

    var kind: SanitizerKind {
        switch detail {
        case "data race", "Swift access race": .dataRace
        case "heap-use-after-free": .heapUseAfterFree
        case "heap-buffer-overflow": .heapBufferOverflow
        case "stack-buffer-overflow": .stackBufferOverflow
        case "global-buffer-overflow": .globalBufferOverflow
        case "stack-use-after-return": .stackUseAfterReturn
        case "stack-use-after-scope": .stackUseAfterScope
        case "double-free": .doubleFree
        case "free of memory not from malloc": .invalidFree
        case "memory leak": .memoryLeak
        default: .other
        }
    }

    func finding(report: String, location: FileLocation?) -> SanitizerFinding {
        var what = detail
        if tool == .addressSanitizer, let access = report.firstMatch(of: #/\n((?:READ|WRITE) of size \d+)/#) {
            what += " (\(access.output.1))"
        }
        if tool == .leakSanitizer, let leaked = report.firstMatch(of: #/SUMMARY: \w+Sanitizer: (.+?)\.?\s*$/#) {
            what = String(leaked.output.1)
        }
        let summary = "\(tool.rawValue): \(what)" + (location.map { " at \($0)" } ?? "")
        return SanitizerFinding(
            tool: tool, kind: kind, detail: detail, summary: summary,
            location: location, report: report)
    }
}
