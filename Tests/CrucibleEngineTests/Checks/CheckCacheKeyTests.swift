import Foundation
import Testing

@testable import CrucibleEngine

/// The check cache's key changes with everything that decides a result, so a lesson whose check
/// an author changed (a live reload) is never answered with a result of the old check.
@Suite struct CheckCacheKeyTests {
    static let base = CheckStep(
        name: "echo", run: ["cat", "answer.txt"], timeout: 10, env: ["A": "1"],
        expect: StepExpectation(stdout: OutputExpectation(equals: "right")))

    static func key(
        _ step: CheckStep, files: [(name: String, content: Data)] = [("answer.txt", Data("right\n".utf8))], sandboxed: Bool = false
    ) -> String {
        let folder = URL(fileURLWithPath: "/course/01-t/03-echo")
        let code = CodeExercise(language: "text", starter: ["answer.txt"], solution: ["answer.txt"], steps: [step])
        let lesson = Lesson(
            id: "t.echo", title: "Echo", kind: .code, folder: folder, file: folder.appendingPathComponent("lesson.md"),
            bodyOffset: 0, bodyLine: 1, code: code)
        return CheckCache.key(lesson: lesson, code: code, files: files, hidden: [], toolVersions: [], sandboxed: sandboxed)
    }

    /// A harness that writes to the home fails fenced in and passes without the fence.
    @Test func runningSandboxedOrNotChangesTheKey() {
        #expect(Self.key(Self.base, sandboxed: true) != Self.key(Self.base))
    }

    static func changed(_ change: (inout CheckStep) -> Void) -> CheckStep {
        var step = base
        change(&step)
        return step
    }

    @Test(arguments: [
        ("expected stdout", changed { $0.expect.stdout = OutputExpectation(equals: "impossible") }),
        ("expected stderr", changed { $0.expect.stderr = OutputExpectation(contains: ["x"]) }),
        ("exit status", changed { $0.expect.exit = .nonzero }),
        ("command", changed { $0.run = ["cat", "other.txt"] }),
        ("environment", changed { $0.env = ["A": "2"] }),
        ("timeout", changed { $0.timeout = 5 }),
        ("limits", changed { $0.limits.cpuSeconds = 1 }),
        ("step name", changed { $0.name = "renamed" }),
    ])
    func changingTheCheckChangesTheKey(what: String, step: CheckStep) {
        #expect(Self.key(step) != Self.key(Self.base), "a change of the \(what) must not reuse the cached result")
    }

    @Test func theSameCheckOfTheSameWorkHasTheSameKey() {
        #expect(Self.key(Self.base) == Self.key(Self.base))
        #expect(Self.key(Self.base, files: [("answer.txt", Data("wrong\n".utf8))]) != Self.key(Self.base))
    }
}
