import CrucibleEngine
import Foundation
import Testing

/// One test per mistake in `Fixtures/broken-course/02-broken`: each asserts every diagnostic of
/// that lesson file (line, column, severity and message) and whether the lesson still loads.
extension LoadingTests {
    @Suite("Lesson diagnostics")
    struct LessonDiagnosticsTests {
        let result = Fixtures.brokenCourse

        /// Asserts that `02-broken/<folder>/lesson.md` has exactly `expected` diagnostics, written
        /// `line:column: severity: message`, so a failure shows both lists side by side.
        private func expectDiagnostics(
            _ folder: String, _ expected: [String],
            sourceLocation: SourceLocation = #_sourceLocation
        ) {
            let actual = result.diagnostics(for: "02-broken/\(folder)/lesson.md", in: "broken-course")
                .map { "\($0.line):\($0.column): \($0.severity.rawValue): \($0.message)" }
            #expect(actual == expected, sourceLocation: sourceLocation)
        }

        private func expectLeftOut(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(result.lesson(id) == nil, "a lesson with errors must not load", sourceLocation: sourceLocation)
        }

        @Test func yamlSyntaxErrorPointsAtTheLessonLine() {
            expectDiagnostics(
                "yaml-syntax",
                [
                    "3:9: error: YAML syntax error: a `: ` appears where no key can start; put the value in quotes if it "
                        + "contains `: `, or line this key up with the keys above it"
                ])
            expectLeftOut("broken.yaml-syntax")
        }

        @Test func missingFrontMatter() {
            expectDiagnostics(
                "no-front-matter",
                [
                    "1:1: error: lesson.md has no front matter; start the file with a `---` line, then the keys "
                        + "(id, title, kind, …), then another `---` line before the Markdown body"
                ])
        }

        @Test func missingClosingFence() {
            expectDiagnostics(
                "no-closing-fence",
                [
                    "1:1: error: the front matter is never closed; add a `---` line after the last key, before the Markdown body"
                ])
            expectLeftOut("broken.no-closing-fence")
        }

        @Test func unknownKeySuggestsTheNearestKnownKey() {
            expectDiagnostics("unknown-key", ["5:1: error: unknown key `hnits`; did you mean `hints`?"])
            expectLeftOut("broken.unknown-key")
        }

        @Test func wrongTypesNameTheExpectedAndFoundValue() {
            expectDiagnostics(
                "wrong-type",
                [
                    "5:5: error: `xp` must be a whole number from 0 to 1000, found string `lots`",
                    "6:8: error: `hints` must be a list, found string `just one hint`",
                ])
        }

        @Test func duplicateKeyInTheFrontMatter() {
            expectDiagnostics(
                "duplicate-key",
                [
                    "5:1: error: key `title` appears more than once in the same map (first at line 3); keep only one"
                ])
        }

        @Test func frontMatterMustBeAMap() {
            expectDiagnostics(
                "front-matter-list",
                [
                    "2:1: error: the front matter must be a map of `key: value` lines, found a list"
                ])
        }

        @Test func missingRequiredField() {
            expectDiagnostics("missing-title", ["2:1: error: the front matter is missing the required key `title`; add `title: …`"])
            expectLeftOut("broken.missing-title")
        }

        @Test func unknownKindListsTheKindsAndSuggestsOne() {
            expectDiagnostics(
                "unknown-kind",
                [
                    "4:7: error: unknown kind `quizz`; use one of `read`, `quiz`, `predict`, `code` (did you mean `quiz`?)"
                ])
        }

        @Test func duplicateIdNamesBothPlaces() {
            let first = Fixtures.url("broken-course").path + "/01-good/01-read/lesson.md:2:5"
            expectDiagnostics(
                "duplicate-id",
                [
                    "2:5: error: duplicate id `good.read`: \(first) already uses it; give this lesson its own id (ids are unique across the course)"
                ])
            #expect(result.lesson("good.read")?.title == "Reading", "the first lesson with the id keeps it")
        }

        @Test func fileNamedByTheLessonMustExist() {
            expectDiagnostics(
                "missing-file",
                [
                    "7:12: error: `progam.c` named in `program` does not exist in the lesson folder; create it or correct the name"
                ])
        }

        @Test func pathWithDotDotIsRejected() {
            expectDiagnostics(
                "dotdot-path",
                [
                    "7:13: error: `../../secret.c` in `starter` uses `..` to leave its folder; keep the file inside the lesson folder "
                        + "and name it without `..`"
                ])
        }

        @Test func absolutePathIsRejected() {
            expectDiagnostics(
                "absolute-path",
                [
                    "9:12: error: `/etc/passwd` in `hidden` is an absolute path; write it relative to `check/`"
                ])
        }

        @Test func symlinkLeadingOutsideTheLessonIsRejected() throws {
            let link = Fixtures.url("broken-course").path + "/02-broken/symlink-escape/starter/main.c"
            let target = try FileManager.default.destinationOfSymbolicLink(atPath: link)
            #expect(target == "../../../outside.c", "the fixture must hold a committed symbolic link")
            expectDiagnostics(
                "symlink-escape",
                [
                    "7:13: error: `starter/main.c` named in `starter` is a symbolic link that leads outside the lesson folder; "
                        + "copy the file into the lesson folder instead"
                ])
        }

        @Test func quizAnswerOutOfRange() {
            expectDiagnostics(
                "quiz-answer-range",
                [
                    "12:13: error: `answer` 3 is out of range: this question has 2 choices, numbered 1 to 2"
                ])
        }

        @Test func quizWithNoCorrectAnswer() {
            expectDiagnostics(
                "quiz-no-answer",
                [
                    "12:13: error: `answer` names no choice, so the question cannot be passed; give the number of the correct "
                        + "choice (1 is the first) or a list such as [1, 3]"
                ])
        }

        @Test func quizQuestionNeedsTwoChoices() {
            expectDiagnostics("quiz-one-choice", ["8:7: error: a question needs at least two choices, found 1; add another choice"])
        }

        @Test func emptyBodyPointsAtTheLineAfterTheFrontMatter() {
            expectDiagnostics(
                "empty-body",
                [
                    "6:1: error: the lesson has no body; below the closing `---`, write the Markdown, starting with a paragraph "
                        + "that states the lesson's one learning goal"
                ])
        }

        @Test func invalidUTF8PointsAtTheFirstBadByte() {
            // Line 3 is `title: Café \xFF bad`: the bad byte follows 12 characters.
            expectDiagnostics(
                "invalid-utf8",
                [
                    "3:13: error: the file is not valid UTF-8 here; save it as UTF-8 (check for stray bytes pasted from elsewhere)"
                ])
        }

        @Test func badIdExplainsTheRule() {
            expectDiagnostics(
                "bad-id",
                [
                    "2:5: error: `Bad Id` is not a valid id; use lower-case letters, digits, `-`, `_` and `.`, starting with a "
                        + "letter or digit (for example `memory.retain-cycles`)"
                ])
        }

        @Test func unknownPlaceholderSuggestsTheKnownOne() {
            expectDiagnostics(
                "unknown-placeholder",
                [
                    "10:26: error: unknown placeholder `{scrach}` in `run`; the known placeholders are `{scratch}`, `{lesson}`, "
                        + "`{cache}`, `{files}`, `{hidden}`, `{sanitizer_link}`, `{port}` "
                        + "(did you mean `{scratch}`?)"
                ])
        }

        @Test func regexMustCompile() {
            expectDiagnostics(
                "bad-regex",
                [
                    "12:28: error: `matches` is not a valid regular expression: `sum = ([0-9]+`; check its brackets, parentheses "
                        + "and escapes (write a literal `(` as `\\\\(` in double quotes)"
                ])
        }

        @Test func codeLessonNeedsSteps() {
            expectDiagnostics(
                "code-no-steps",
                [
                    "9:10: error: `steps` is empty, so nothing would be checked; add at least one step with a `run` list"
                ])
        }

        @Test func starterAndSolutionNamesDifferIsOnlyAWarning() {
            expectDiagnostics(
                "name-mismatch",
                [
                    "8:13: warning: the solution files (answer.c) differ from the starter files (main.c); give the solution the "
                        + "same file names as the starter"
                ])
            #expect(result.lesson("broken.name-mismatch") != nil, "warnings do not leave a lesson out")
        }

        @Test func missingChoiceExplanationIsOnlyAWarning() {
            expectDiagnostics(
                "missing-explanation",
                [
                    "8:9: warning: this choice has no `explanation`; add one saying why it is right or wrong"
                ])
            let question = result.lesson("broken.missing-explanation")?.quiz?.questions.first
            #expect(question?.choices == [Quiz.Choice(text: "A"), Quiz.Choice(text: "B", explanation: "b")])
        }

        @Test func keysOfAnotherKindAreOnlyAWarning() {
            expectDiagnostics(
                "other-kind-keys",
                [
                    "5:1: warning: `questions` belongs to quiz lessons but this lesson's kind is `read`, so it is ignored; "
                        + "remove it or set `kind: quiz`"
                ])
            #expect(result.lesson("broken.other-kind-keys")?.quiz == nil)
        }

        @Test func unknownPlatformsAreNamedWithTheKnownOnes() {
            expectDiagnostics(
                "bad-platform",
                [
                    "5:20: error: unknown platform `windows`; use one of `linux`, `macos`",
                    "5:29: error: unknown platform `macOS`; did you mean `macos`?",
                ])
            expectLeftOut("broken.bad-platform")
        }

        @Test func anEmptyPlatformListIsAnError() {
            expectDiagnostics(
                "empty-platforms",
                [
                    "5:12: error: `platforms` is an empty list, so the lesson would run nowhere; name at least one of "
                        + "`linux`, `macos`, or remove the key to run everywhere"
                ])
            expectLeftOut("broken.empty-platforms")
        }

        @Test func aPlatformNoteNeedsPlatforms() {
            expectDiagnostics(
                "platform-note-alone",
                [
                    "5:1: error: `platformNote` says why a lesson runs only on some platforms, but there is no `platforms`; "
                        + "add `platforms: [linux]` (or `[macos]`) or remove `platformNote`"
                ])
            expectLeftOut("broken.platform-note-alone")
        }

        @Test func platformsOnALessonThatRunsNothingIsOnlyAWarning() {
            expectDiagnostics(
                "platforms-on-read",
                [
                    "5:1: warning: `platforms` only stops code lessons, whose checks run programs; a read lesson "
                        + "is answered the same on every platform, so it is ignored; remove it"
                ])
            #expect(result.lesson("broken.platforms-on-read")?.platformProblem(on: .macos) == nil)
        }

        @Test func aRightVariantsFilesMustExistUnderRight() {
            expectDiagnostics(
                "right-missing-file",
                [
                    "11:15: error: `right/other-fix/main.c` named in `files` does not exist in the lesson folder; "
                        + "create it or correct the name"
                ])
            expectLeftOut("broken.right-missing-file")
            expectDiagnostics(
                "right-bad-name",
                [
                    "10:13: error: a `right` variant's `name` is a folder under `right/`, so `../wrong` must not contain `/`; "
                        + "use a plain name such as `buffer-init`"
                ])
            expectLeftOut("broken.right-bad-name")
        }

        @Test func everyBrokenLessonIsLeftOutAndTheRestLoads() {
            let broken = result.tracks.first { $0.id == "broken" }
            #expect(
                broken?.lessons.map(\.id) == [
                    "broken.missing-explanation", "broken.name-mismatch", "broken.other-kind-keys", "broken.platforms-on-read",
                ])
            #expect(result.tracks.first?.lessons.map(\.id) == ["good.read", "good.quiz", "good.predict", "good.code", "good.crlf-bom"])
        }
    }
}
