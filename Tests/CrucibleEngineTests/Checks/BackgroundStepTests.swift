import CrucibleTestSupport
import Foundation
import Testing

@testable import CrucibleEngine

/// Background steps (`background: true`, `ready`) and `{port}`, with real processes: a small C
/// server built by the check, ready by port or by a stdout line, stopped with its whole group
/// when the check ends however it ends.
@Suite struct BackgroundStepTests {
    /// `net serve PORT [fork]` listens on 127.0.0.1:PORT (with `fork`, leaving a child that
    /// pauses), prints "listening PGID CHILD" and answers "hello" to every connection;
    /// `net get PORT` prints what the server sent.
    static let net = #"""
        // serve PORT [fork]: listens on 127.0.0.1:PORT, prints "listening PGID CHILD", answers "hello" to each connection.
        // get PORT: connects and prints what it received.
        #include <arpa/inet.h>
        #include <netinet/in.h>
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>
        #include <sys/socket.h>
        #include <unistd.h>
        int main(int argc, char **argv) {
            if (argc < 3) return 2;
            struct sockaddr_in a = {0};
            a.sin_family = AF_INET;
            a.sin_port = htons(atoi(argv[2]));
            a.sin_addr.s_addr = inet_addr("127.0.0.1");
            int fd = socket(AF_INET, SOCK_STREAM, 0);
            if (strcmp(argv[1], "get") == 0) {
                if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) { perror("connect"); return 1; }
                char buf[256];
                ssize_t n;
                while ((n = read(fd, buf, sizeof buf)) > 0) fwrite(buf, 1, n, stdout);
                return 0;
            }
            int one = 1;
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
            if (bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(fd, 16) != 0) { perror("bind"); return 1; }
            pid_t child = 0;
            if (argc > 3 && (child = fork()) == 0) { for (;;) pause(); }
            printf("listening %d %d\n", (int)getpgrp(), (int)child);
            fflush(stdout);
            for (;;) {
                int c = accept(fd, NULL, NULL);
                if (c < 0) continue;
                write(c, "hello\n", 6);
                close(c);
            }
        }
        """#

    static let build = CheckStep(name: "build", run: ["cc", "-o", "{scratch}/net", "net.c"], timeout: 60, limits: .init())

    static func server(_ ready: ReadyCondition = .port("{port}"), fork: Bool = false, timeout: Double = 10) -> CheckStep {
        CheckStep(name: "server", run: ["{scratch}/net", "serve", "{port}"] + (fork ? ["fork"] : []), timeout: timeout)
            .inBackground(ready: ready)
    }

    static let client = CheckStep(
        name: "client", run: ["{scratch}/net", "get", "{port}"],
        expect: StepExpectation(stdout: OutputExpectation(contains: ["hello"])))

    private func lesson(_ steps: [CheckStep]) throws -> TemporaryLesson {
        try TemporaryLesson(starter: ["x.txt": ""], hidden: ["net.c": Self.net], steps: steps)
    }

    /// The process group the server printed in its "listening" line.
    private func serverGroup(in result: CheckResult) -> pid_t? {
        let line = result.steps.first { $0.name == "server" }?.stdout.split(separator: "\n").first { $0.hasPrefix("listening ") }
        return line.flatMap { pid_t($0.split(separator: " ")[1]) }
    }

    /// Whether no live process of `group` is left (checked in /proc).
    private func groupIsGone(_ group: pid_t) async -> Bool {
        await poll(timeout: .seconds(5)) { ProcTable.liveMembers(ofGroup: group).isEmpty }
    }

    @Test func readyByPortThenAClientConnectsToTheSamePort() async throws {
        let lesson = try lesson([Self.build, Self.server(fork: true), Self.client])
        defer { lesson.remove() }
        let result = await lesson.check(["x.txt": ""])
        #expect(result.passed, "\(result.message)")
        #expect(result.steps.map(\.name) == ["build", "server", "client"])
        let server = try #require(result.steps.first { $0.name == "server" })
        #expect(server.termination == "stopped at the end of the check" && server.passed)
        #expect(server.stdout.hasPrefix("listening "), "\(server.stdout)")
        #expect(result.steps.last?.stdout == "hello\n")
        let group = try #require(serverGroup(in: result))
        #expect(await groupIsGone(group), "the server's group (with its forked child) outlived the check")
    }

    @Test func readyByAStdoutLine() async throws {
        let lesson = try lesson([Self.build, Self.server(.stdout("^listening [0-9]+")), Self.client])
        defer { lesson.remove() }
        let result = await lesson.check(["x.txt": ""])
        #expect(result.passed, "\(result.message)")
        #expect(result.steps.last?.stdout == "hello\n")
    }

    @Test func neverReadyFailsAtTheStepsTimeoutWithWhatItPrinted() async throws {
        let quiet = CheckStep(
            name: "server", run: ["sh", "-c", "echo starting up; exec sleep 60"], timeout: 1
        ).inBackground(ready: .port("{port}"))
        let lesson = try lesson([quiet, Self.client])
        defer { lesson.remove() }
        let clock = ContinuousClock(), start = clock.now
        let result = await lesson.check(["x.txt": ""])
        #expect(clock.now - start < .seconds(8))
        #expect(result.outcome == .timedOut && result.failedStep == "server")
        #expect(
            result.message.hasPrefix("step `server` was not ready within 1 s: nothing accepted connections on 127.0.0.1:"),
            "\(result.message)")
        #expect(result.message.hasSuffix("the last of what it printed:\nstarting up"), "\(result.message)")
        #expect(result.steps.map(\.name) == ["server"])
        #expect(result.steps.first?.passed == false)

        let silent = try self.lesson([
            CheckStep(name: "server", run: ["sleep", "60"], timeout: 0.5).inBackground(ready: .stdout("^up$"))
        ])
        defer { silent.remove() }
        let nothing = await silent.check(["x.txt": ""])
        #expect(
            nothing.message == "step `server` was not ready within 0.5 s: no line of its stdout matched `^up$`; it printed nothing",
            "\(nothing.message)")
    }

    @Test func exitingBeforeReadyFailsWithItsExitCodeAndOutput() async throws {
        let lesson = try lesson([
            CheckStep(
                name: "server", run: ["sh", "-c", "echo cannot bind >&2; exit 4"]
            ).inBackground(ready: .port("{port}")),
            Self.client,
        ])
        defer { lesson.remove() }
        let result = await lesson.check(["x.txt": ""])
        #expect(result.outcome == .failed && result.reason == .exitStatus)
        #expect(
            result.message == "step `server` exited with code 4 before it was ready; the last of what it printed:\ncannot bind",
            "\(result.message)")
    }

    @Test func dyingBeforeTheCheckEndsIsReported() async throws {
        // The server exits a moment after it is ready, long before the later step ends. (Seen
        // exiting before it was ready on a very busy machine, it fails the same way, said so.)
        let flaky = CheckStep(name: "server", run: ["sh", "-c", "echo up; sleep 0.2; echo bye; exit 3"])
            .inBackground(ready: .stdout("^up$"))
        let lesson = try lesson([flaky, CheckStep(name: "later", run: ["sleep", "3"])])
        defer { lesson.remove() }
        let result = await lesson.check(["x.txt": ""])
        #expect(result.outcome == .failed && result.reason == .exitStatus && result.failedStep == "server")
        #expect(result.message.hasPrefix("step `server` exited with code 3 before "), "\(result.message)")
        #expect(result.message.hasSuffix("the last of what it printed:\nup\nbye"), "\(result.message)")
        #expect(result.steps.first?.passed == false && result.steps.first?.termination == "exited with code 3")
    }

    @Test(arguments: ["fails", "times out"])
    func theGroupIsKilledWhenALaterStep(_ how: String) async throws {
        let later =
            how == "fails"
            ? CheckStep(name: "later", run: ["sh", "-c", "exit 3"])
            : CheckStep(name: "later", run: ["sleep", "30"], timeout: 0.5)
        let lesson = try lesson([Self.build, Self.server(fork: true), Self.client, later])
        defer { lesson.remove() }
        let result = await lesson.check(["x.txt": ""])
        #expect(result.outcome == (how == "fails" ? .failed : .timedOut), "\(result.message)")
        #expect(result.failedStep == "later")
        #expect(result.steps.map(\.name) == ["build", "server", "client", "later"])
        #expect(result.steps[1].termination == "stopped at the end of the check")
        let group = try #require(serverGroup(in: result), "\(result.steps[1].stdout)")
        #expect(await groupIsGone(group), "the server's group outlived the check")
    }

    @Test func theGroupIsKilledWhenTheCheckIsCancelled() async throws {
        // A token in both command lines tells this test's processes from other tests'.
        let token = "cancel-\(UUID().uuidString)"
        let server = CheckStep(name: "server", run: ["{scratch}/net", "serve", "{port}", "fork", token])
            .inBackground(ready: .port("{port}"))
        let lesson = try lesson([Self.build, server, CheckStep(name: "later", run: ["sh", "-c", "sleep 30; : \(token)"], timeout: 30)])
        defer { lesson.remove() }
        let check = Task { await lesson.check(["x.txt": ""]) }
        func tokenProcesses() -> [ProcTable.Entry] {
            ProcTable.liveProcesses().filter { entry in
                (try? String(contentsOfFile: "/proc/\(entry.pid)/cmdline", encoding: .utf8))?.contains(token) == true
            }
        }
        // Cancel once the server (and its child) is up and the later step runs: two groups.
        let started = await poll(timeout: .seconds(60)) { Set(tokenProcesses().map(\.process_group)).count == 2 }
        #expect(started, "the server and the later step never ran together")
        check.cancel()
        let result = await check.value
        #expect(!result.passed)
        #expect(result.steps.first { $0.name == "server" }?.termination == "stopped at the end of the check")
        #expect(await poll(timeout: .seconds(5)) { tokenProcesses().isEmpty }, "processes of the check outlived its cancellation")
    }

    @Test func itsOutputIsCappedLikeAnyStepsOutput() async throws {
        // 3 MB before it listens, so all of it is printed before the check can end.
        let loud = CheckStep(
            name: "server",
            run: ["sh", "-c", "head -c 3000000 /dev/zero | tr '\\0' x; exec {scratch}/net serve {port}"]
        ).inBackground(ready: .port("{port}"))
        let lesson = try lesson([Self.build, loud, Self.client])
        defer { lesson.remove() }
        let result = await lesson.check(["x.txt": ""])
        #expect(result.passed, "\(result.message)")
        let server = try #require(result.steps.first { $0.name == "server" })
        #expect(server.stdout.utf8.count < (1 << 20) + 200, "\(server.stdout.utf8.count) bytes kept")
        #expect(server.stdout.hasSuffix(ProcessResult.cutMarker(cap: 1 << 20)))
    }

    @Test func aSecondServerListensOnANamedPortOfItsOwn() async throws {
        let baseline = CheckStep(name: "baseline", run: ["{scratch}/net", "serve", "{port_baseline}"])
            .inBackground(ready: .port("{port_baseline}"))
        let both = CheckStep(
            name: "both", run: ["sh", "-c", "./net get {port} && ./net get {port_baseline} && echo {port} {port_baseline}"])
        let lesson = try lesson([Self.build, Self.server(), baseline, both])
        defer { lesson.remove() }
        let result = await lesson.check(["x.txt": ""])
        #expect(result.passed, "\(result.message)")
        let lines = result.steps.last?.stdout.split(separator: "\n") ?? []
        #expect(lines.prefix(2) == ["hello", "hello"], "\(lines)")
        let ports = lines.last?.split(separator: " ") ?? []
        #expect(ports.count == 2 && ports[0] != ports[1], "\(ports)")
    }

    @Test func portIsTheSameInEveryStepOfACheckAndInEnv() async throws {
        let show = { (name: String) in
            CheckStep(name: name, run: ["sh", "-c", "echo {port} $PORT"], env: ["PORT": "{port}"])
        }
        let lesson = try lesson([show("one"), show("two")])
        defer { lesson.remove() }
        let result = await lesson.check(["x.txt": ""])
        #expect(result.passed, "\(result.message)")
        let words = result.steps.flatMap { $0.stdout.split(whereSeparator: \.isWhitespace) }
        #expect(words.count == 4 && Set(words).count == 1, "\(words)")
        #expect(Int(words.first ?? "").map { (1024...65535).contains($0) } == true)
    }
}

/// `ProcessCancellation.stop()` and `ProcessObserver`, which background steps are built on.
@Suite struct ProcessStopTests {
    @Test func stopSendsTermFirstAndTheObserverSeesOutputWhileItRuns() async throws {
        let invocation = ProcessInvocation(
            executable: "sh", arguments: ["-c", "trap 'echo got TERM; exit 7' TERM; echo up; while :; do sleep 0.05; done"],
            timeout: .seconds(30), grace: .seconds(5))
        let cancellation = ProcessCancellation(), observer = ProcessObserver()
        let result = Task.detached { ProcessRunner().run(invocation, cancellation: cancellation, observer: observer) }
        #expect(await poll(timeout: .seconds(10)) { observer.stdoutLines == ["up"] }, "\(observer.stdoutLines)")
        #expect(observer.processGroup != nil)
        let stopped = ContinuousClock.now
        cancellation.stop()
        let run = await result.value
        #expect(run.termination == .cancelled)
        // The trap ran: the group got SIGTERM, not SIGKILL, and its last words were kept.
        #expect(run.stdoutText == "up\ngot TERM\n", "\(run.stdoutText)")
        // It ended within the grace after the stop (timed from the stop: the wait for "up" before it
        // is the machine's, and on a busy CI run it alone took seconds).
        #expect(ContinuousClock.now - stopped < .seconds(5))
    }
}

/// How lint reads `background` and `ready`, with line and column.
@Suite struct BackgroundStepLintTests {
    private static let code =
        "id: track.lesson\ntitle: Lesson\nkind: code\ncode:\n  language: text\n  starter: [x.txt]\n  solution: [x.txt]\n"

    private func load(_ steps: String) throws -> (diagnostics: [String], lesson: Lesson?) {
        try loadOneLessonCourse(Self.code + "  steps:\n" + steps)
    }

    @Test func aServerAndAClientLoad() throws {
        let (diagnostics, lesson) = try load(
            """
                - name: server
                  run: ["{scratch}/server", "{port}"]
                  background: true
                  ready: { port: "{port}" }
                - name: logs
                  run: [sh, -c, "./server"]
                  background: true
                  ready: { stdout: "^listening" }
                - run: [sh, -c, "echo {port}"]
                  env: { PORT: "{port}", BASELINE: "{port_baseline}" }

            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(lesson?.code?.steps.map(\.background) == [true, true, false])
        #expect(lesson?.code?.steps.map(\.ready) == [.port("{port}"), .stdout("^listening"), nil])
    }

    @Test(arguments: [
        (
            "    - run: [sh]\n      ready: { port: 8080 }\n",
            "11:7: error: `ready` applies only to a step with `background: true`; add `background: true` to step `step 1` or remove `ready`"
        ),
        (
            "    - name: server\n      run: [sh]\n      background: true\n",
            "12:19: error: background step `server` needs `ready` to say when the steps after it may start, such as "
                + "`ready: { port: \"{port}\" }` or `ready: { stdout: \"listening\" }`"
        ),
        (
            "    - name: server\n      run: [sh]\n      background: true\n      ready: { port: \"{port}\" }\n      expect: { exit: 0 }\n",
            "14:7: error: background step `server` is stopped when the check ends, so its exit cannot be expected; "
                + "remove `expect` and check the service through the steps that use it"
        ),
        (
            "    - run: [sh]\n      background: true\n      ready: { port: \"{port}\", stdout: up }\n",
            "12:14: error: `ready` needs exactly one of `port` (a TCP connection to 127.0.0.1 succeeds) and `stdout` "
                + "(a line the program prints matches a regular expression)"
        ),
        (
            "    - run: [sh]\n      background: true\n      ready: { port: 99999 }\n",
            "12:22: error: `port` must be `\"{port}\"`, `\"{port_NAME}\"` or a port number from 1 to 65535, found number `99999`"
        ),
        (
            "    - run: [sh]\n      background: true\n      ready: { stdout: \"(\" }\n",
            "12:24: error: `ready.stdout` is not a valid regular expression: `(`; check its brackets, parentheses and escapes"
        ),
        (
            "    - run: [sh]\n      background: true\n      ready: { when: up }\n",
            "12:16: error: unknown key `when`; use one of `port`, `stdout`"
        ),
    ])
    func lintReports(_ steps: String, _ expected: String) throws {
        let (diagnostics, lesson) = try load(steps)
        #expect(diagnostics == [expected], "\(diagnostics)")
        #expect(lesson == nil)
    }

    @Test func aPredictLessonCannotStartAService() throws {
        let (diagnostics, lesson) = try loadOneLessonCourse(
            """
            id: track.lesson
            title: Lesson
            kind: predict
            predict:
              language: c
              program: program.c
              answer: "0"
              run:
                - run: [sh, -c, "echo 0"]
                  background: true
                  ready: { stdout: "0" }

            """, files: ["program.c": "int main(void) { return 0; }\n"])
        #expect(
            diagnostics == [
                "11:19: error: `background: true` starts a service for the steps after it, which only a code lesson's "
                    + "`steps` have; remove it from step `step 1`"
            ], "\(diagnostics)")
        #expect(lesson == nil)
    }
}
