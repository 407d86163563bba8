import ArgumentParser
import CrucibleEngine
import CrucibleRuntime
import Foundation

/// `--trust`, shared by the commands that run a course's checks, and the question they ask first.
struct TrustOptions: ParsableArguments {
    @Flag(
        help: ArgumentHelp(
            "Trust the course for this run: run its checks without asking.",
            discussion: "The same as \(CourseTrust.environmentKey)=1, for scripts and CI. `crucible trust DIR` trusts a course for good."))
    var trust = false

    /// Returns when the course in `folder` may run its checks: bundled, trusted (for good or for this
    /// run), or trusted now by the learner's answer on the terminal. Otherwise fails with exit 2 and
    /// how to trust it.
    func require(_ folder: URL) throws {
        guard case .ask(let question) = CourseTrust.decide(folder: folder, forced: trust) else { return }
        for line in question.lines { Output.error(line) }
        let howTo = """
            trust it with `\(question.trustCommand)`, or for one run with --trust or \(CourseTrust.environmentKey)=1
            """
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandFailure(message: "this course is not trusted, and there is no terminal to ask on, so nothing was run; " + howTo)
        }
        Output.ask(CourseTrust.prompt)
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard answer == "y" || answer == "yes" else {
            throw CommandFailure(message: "not trusted, so nothing was run; " + howTo)
        }
        do {
            for notice in try CourseTrust.remember(question, in: TrustStore(file: TrustStore.defaultFile())) {
                Output.error("note: " + notice)
            }
        } catch {
            Output.error("crucible: trusted for this run only: \(error.message)")
        }
    }

    /// What a full-screen session needs to ask itself, nil when it need not ask.
    func gate(_ folder: URL, course: Course? = nil) -> TrustGate? {
        TrustGate.unlessTrusted(folder, forced: trust, course: course)
    }
}

/// `crucible trust DIR`: lets a course run its checks without asking, until what they run changes.
struct TrustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract: "Let a course run its checks on this machine without asking.",
        discussion: """
            A course's checks compile and run programs as you, so the first check of a course that \
            is not the bundled one asks first. This answers yes ahead of time. Crucible remembers \
            what the course runs (check steps, hidden harness files, the tools course.yml declares) \
            and asks again when any of that changes. Trusted courses are kept in \
            $XDG_CONFIG_HOME/crucible/trust.json (~/.config/crucible/trust.json).

            Examples:
              crucible trust ~/my-course
              crucible untrust ~/my-course
            """)

    @Argument(help: "The course folder (a folder holding course.yml).")
    var folder: String

    func run() throws {
        let url = try courseFolder(folder)
        if BundledCourse.isShipped(url) {
            Output.print("The bundled course is always trusted.")
            return
        }
        let store = TrustStore(file: TrustStore.defaultFile())
        switch CourseTrust.decide(folder: url, store: store, environment: [:]) {
        case .trusted:
            Output.print("Already trusted: \(TrustStore.key(for: url))")
        case .ask(let question):
            if !question.changes.isEmpty {
                Output.print((["Changed since you trusted it:"] + question.changes.map { "  - " + $0 }).joined(separator: "\n"))
            }
            do {
                for notice in try CourseTrust.remember(question, in: store) { Output.error("note: " + notice) }
            } catch {
                throw CommandFailure(message: error.message)
            }
            Output.print("Trusted: \(question.title) (\(question.folder.path)); its checks run without asking until what they run changes.")
        }
    }
}

/// `crucible untrust DIR`: the course asks again before its next check.
struct UntrustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "untrust",
        abstract: "Forget that a course is trusted: its next check asks first.",
        discussion: """
            Examples:
              crucible untrust ~/my-course
            """)

    @Argument(help: "The course folder.")
    var folder: String

    func run() throws {
        let url = URL(fileURLWithPath: folder)
        if BundledCourse.isShipped(url) {
            Output.print("The bundled course is always trusted; there is nothing to forget.")
            return
        }
        let result: (removed: Bool, notices: [String])
        do { result = try TrustStore(file: TrustStore.defaultFile()).untrust(url) } catch { throw CommandFailure(message: error.message) }
        for notice in result.notices { Output.error("note: " + notice) }
        Output.print(
            result.removed
                ? "No longer trusted: \(TrustStore.key(for: url)); its next check asks first."
                : "\(TrustStore.key(for: url)) was not trusted; nothing to forget.")
    }
}

/// `path` as a course folder, or a failure saying it holds no course.
private func courseFolder(_ path: String) throws -> URL {
    let url = URL(fileURLWithPath: path)
    guard BundledCourse.isCourse(url) else {
        throw CommandFailure(message: "\(path) is not a course folder: it has no course.yml")
    }
    return url
}
