import CrucibleEngine
import Foundation
import Testing

extension LoadingTests {
    @Suite("Course loader")
    struct CourseLoaderTests {
        let result = Fixtures.brokenCourse

        @Test func goodLessonsLoadWithoutDiagnostics() {
            for folder in ["01-read", "02-quiz", "03-predict", "04-code", "05-crlf-bom"] {
                let diagnostics = result.diagnostics(for: "01-good/\(folder)/lesson.md", in: "broken-course")
                #expect(diagnostics.isEmpty, "\(folder): \(diagnostics.map(\.description))")
            }
            #expect(result.diagnostics(for: "01-good/track.yml", in: "broken-course").isEmpty)
            #expect(result.diagnostics(for: "course.yml", in: "broken-course").isEmpty)
        }

        @Test func courseAndTrackFieldsAreRead() throws {
            let course = try #require(result.course)
            #expect(course.id == "fixture")
            #expect(course.title == "Fixture course")
            #expect(course.welcome == "Welcome to the fixture course.")
            #expect(course.final == "Done.")
            #expect(course.tracks == result.tracks)
            #expect(course.tracks.map(\.id) == ["good", "broken"])
            #expect(course.tracks[0].summary == "Lessons that load cleanly.")
            #expect(course.tracks[0].folder.lastPathComponent == "01-good")
        }

        @Test func readLessonFieldsAndDefaults() throws {
            let lesson = try #require(result.lesson("good.read"))
            #expect(lesson.kind == .read)
            #expect(lesson.xp == 5, "read lessons default to 5 xp")
            #expect(lesson.hints == ["Look closely."])
            #expect(lesson.requires == ["clang"])
            #expect(lesson.explanation == nil)
            #expect(lesson.file.lastPathComponent == "lesson.md")
            #expect(lesson.folder.lastPathComponent == "01-read")
            #expect(lesson.bodyLine == 9)
        }

        @Test func quizAnswersBecomeZeroBased() throws {
            let quiz = try #require(result.lesson("good.quiz")?.quiz)
            #expect(result.lesson("good.quiz")?.xp == 15)
            #expect(quiz.questions.map(\.answers) == [[1], [0, 1]])
            #expect(quiz.questions[0].choices[1] == Quiz.Choice(text: "Go", explanation: "Right. Go's collector traces reachable objects."))
            #expect(quiz.questions[1].prompt == "Which are compiled ahead of time?")
        }

        @Test func predictPayload() throws {
            let predict = try #require(result.lesson("good.predict")?.predict)
            #expect(
                predict
                    == Predict(
                        language: "c", program: "program.c", answer: "3 2 1", caseSensitive: false,
                        run: [
                            CheckStep(name: "step 1", run: ["clang", "-o", "{scratch}/p", "program.c"]),
                            CheckStep(name: "step 2", run: ["{scratch}/p"]),
                        ]))
            #expect(result.lesson("good.predict")?.xp == 10)
        }

        @Test func codePayloadWithEveryStepOption() throws {
            let code = try #require(result.lesson("good.code")?.code)
            #expect(code.language == "c")
            #expect(code.starter == ["main.c"])
            #expect(code.solution == ["main.c"])
            #expect(code.hidden == ["harness.c"])
            #expect(code.wrong == [CodeExercise.WrongVariant(name: "off-by-one", files: ["main.c"])])
            #expect(code.right == [CodeExercise.RightVariant(name: "count-down", files: ["main.c"])])
            #expect(code.steps.map(\.name) == ["build", "step 2", "crash", "speed"])
            let build = code.steps[0]
            #expect(build.timeout == 120)
            #expect(build.env == ["ASAN_OPTIONS": "detect_leaks=1", "LESSON": "{lesson}"])
            #expect(build.limits == ResourceLimits(cpuSeconds: 60, memoryBytes: 512 << 20, fileSizeBytes: 1 << 30, processes: 64))
            #expect(build.expect == StepExpectation(exit: .code(0)), "no `expect` means exit 0")
            #expect(code.steps[1].timeout == CheckStep.defaultTimeout)
            #expect(
                code.steps[1].expect
                    == StepExpectation(
                        exit: .code(0),
                        stdout: OutputExpectation(contains: ["sum = 55"], matches: "sum = [0-9]+", notContains: ["ERROR"]),
                        sanitizerClean: true))
            #expect(
                code.steps[2].expect == StepExpectation(exit: nil, signal: "SIGSEGV", stderr: OutputExpectation(equals: "")),
                "a signal expectation drops the default exit 0")
            #expect(
                code.steps[3].expect
                    == StepExpectation(
                        exit: .nonzero, ratios: [RatioExpectation(metric: "fast", baseline: "slow", atLeast: 2.5)]))
            #expect(result.lesson("good.code")?.xp == 20)
        }

        @Test func platformsAndTheirNoteAreRead() throws {
            let lesson = try #require(result.lesson("good.code"))
            let support = try #require(lesson.platformSupport)
            #expect(support == PlatformSupport(platforms: [.linux, .macos], note: "it needs a POSIX system"))
            #expect(lesson.platformProblem(on: .linux) == nil && lesson.platformProblem(on: .macos) == nil)
            #expect(result.lesson("good.read")?.platformSupport == nil, "no `platforms` means every platform")
        }

        @Test func bodyIsLoadedLazilyAfterTheFrontMatter() throws {
            let lesson = try #require(result.lesson("good.read"))
            #expect(try lesson.loadBody() == "You will read about memory.\n\nSecond paragraph.\n")
        }

        @Test func crlfAndByteOrderMarkAreAccepted() throws {
            #expect(result.diagnostics(for: "01-good/05-crlf-bom/lesson.md", in: "broken-course").isEmpty)
            let lesson = try #require(result.lesson("good.crlf-bom"))
            #expect(lesson.title == "Windows line endings")
            #expect(try lesson.loadBody() == "This file has a byte order mark\nand CRLF line endings.\n")
        }

        @Test func lessonOutsideATrackIsReported() {
            #expect(
                result.diagnostics(for: "stray-lesson/lesson.md", in: "broken-course").map(\.message) == [
                    "this lesson is not inside a track, so it is not loaded; move its folder into a track folder (one with a track.yml)"
                ])
            #expect(result.lesson("stray") == nil)
        }

        @Test func foldersWithoutTrackOrLessonFilesAreIgnored() {
            #expect(!result.diagnostics.contains { $0.file.contains("/notes") })
            #expect(!result.tracks.contains { $0.folder.lastPathComponent == "notes" })
        }

        @Test func diagnosticsAreSortedByFileThenLine() {
            let keys = result.diagnostics.map { ($0.file, $0.line) }
            #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
        }

        @Test func numericPrefixesSortNumericallyBeforeNames() {
            let result = Fixtures.load("ordering")
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
            #expect(result.tracks.map(\.id) == ["01-one", "2-two", "10-ten", "alpha", "beta"])
            #expect(result.tracks.first?.lessons.map(\.id) == ["01-one.only", "one.2-b", "one.10-c", "one.eta", "one.zeta"])
        }

        @Test func diagnosticPathsKeepTheRootAsGiven() {
            let relative = URL(fileURLWithPath: "broken-course", relativeTo: Fixtures.folder)
            let result = CourseLoader.load(from: relative)
            #expect(result.diagnostics.first?.file == "broken-course/02-broken/absolute-path/lesson.md")
            #expect(result.diagnostics.count == Fixtures.brokenCourse.diagnostics.count)
        }

        @Test func missingCourseFolderIsOneDiagnostic() {
            let result = CourseLoader.load(from: Fixtures.url("no-such-course"))
            #expect(result.course == nil)
            #expect(result.tracks.isEmpty)
            #expect(result.diagnostics.map(\.message) == ["the course folder does not exist; pass a folder holding course.yml"])
        }
    }
}

extension LoadingTests {
    @Suite("Course and track files")
    struct CourseAndTrackFileTests {
        private func rendered(_ result: CourseLoadResult, _ course: String) -> [String] {
            result.diagnostics.map { $0.description.replacingOccurrences(of: Fixtures.url(course).path + "/", with: "") }
        }

        @Test func missingCourseFileStillLoadsTheTracks() {
            let result = Fixtures.load("missing-course-file")
            #expect(result.course == nil)
            #expect(
                rendered(result, "missing-course-file") == [
                    "course.yml:1:1: error: the course file is missing; create course.yml with `id`, `title` and `welcome`"
                ])
            #expect(result.tracks.flatMap(\.lessons).map(\.id) == ["track.lesson"])
        }

        @Test func courseFileSyntaxError() {
            let result = Fixtures.load("broken-course-file")
            #expect(result.course == nil)
            #expect(
                rendered(result, "broken-course-file") == [
                    "course.yml:2:8: error: YAML syntax error: the quote that opens here is never closed; add the closing quote "
                        + "at the end of the value"
                ])
            #expect(result.tracks.flatMap(\.lessons).map(\.id) == ["track.lesson"])
        }

        @Test func courseFileFieldErrors() {
            let result = Fixtures.load("course-file-fields")
            #expect(result.course == nil, "without `welcome` there is no usable course")
            #expect(
                rendered(result, "course-file-fields") == [
                    "course.yml:1:1: error: course.yml is missing the required key `welcome`; add `welcome: …`",
                    "course.yml:3:1: error: unknown key `welcom`; did you mean `welcome`?",
                    "course.yml:4:8: error: `final` must be a string, found a list",
                ])
        }

        @Test func trackFileProblemsAreReportedAndTheirLessonsStillLoad() {
            let result = Fixtures.load("track-files")
            #expect(
                rendered(result, "track-files") == [
                    "01-no-track-file/track.yml:1:1: error: the track file is missing; create track.yml with `id`, `title` and "
                        + "`summary` (meanwhile the track is named after its folder)",
                    "02-broken-track-file/track.yml:1:1: error: track.yml is missing the required key `summary`; add `summary: …`",
                    "02-broken-track-file/track.yml:2:8: error: `title` must be a string, found a list",
                    "03-duplicate-track-id/track.yml:1:5: error: duplicate id `shared`: 02-broken-track-file/track.yml:1:5 "
                        + "already uses it; give this track its own id (ids are unique across the course)",
                    "04-track-syntax/track.yml:2:8: error: YAML syntax error: the list that opens with `[` here is not closed "
                        + "properly; separate its items with `,` and end it with `]`",
                    "05-both/lesson.md:1:1: error: this folder has both track.yml and lesson.md, so the lesson is ignored; move the "
                        + "lesson into a folder of its own inside the track",
                ])
            #expect(result.course?.id == "tracks")
            #expect(result.tracks.map(\.id) == ["no-track-file", "shared", "shared", "track-syntax", "both"])
            #expect(result.tracks.map(\.title) == ["no-track-file", "broken-track-file", "Same id", "track-syntax", "Both"])
            #expect(
                result.tracks.map { $0.lessons.map(\.id) } == [
                    ["no-track.lesson"], ["broken-track.lesson"], ["duplicate-track.lesson"], ["track-syntax.lesson"], ["both.lesson"],
                ])
        }
    }
}

extension LoadingTests {
    @Suite("Diagnostic")
    struct DiagnosticTests {
        let diagnostic = Diagnostic(file: "Lessons/01-a/lesson.md", line: 4, column: 7, severity: .warning, message: "look here")

        @Test func rendersLikeACompiler() {
            #expect(diagnostic.description == "Lessons/01-a/lesson.md:4:7: warning: look here")
        }

        @Test func encodesAsJSONWithStableKeys() throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let json = String(decoding: try encoder.encode(diagnostic), as: UTF8.self)
            #expect(json == #"{"column":7,"file":"Lessons\/01-a\/lesson.md","line":4,"message":"look here","severity":"warning"}"#)
            #expect(try JSONDecoder().decode(Diagnostic.self, from: Data(json.utf8)) == diagnostic)
        }
    }
}
