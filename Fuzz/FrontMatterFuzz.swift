// libFuzzer entry point for the lesson loader: each input is written as a lesson.md and
// parsed the way CourseLoader parses every lesson (front matter split, UTF-8 check, YAML,
// every key of every kind, the files a lesson names). Built by scripts/fuzz.
import Foundation

@testable import CrucibleEngine

/// The lesson folder every input is written into (`CRUCIBLE_FUZZ_DIR`, which scripts/fuzz puts
/// on tmpfs and removes), with the files lessons commonly name.
private let lessonFolder: String = {
    let folder =
        (ProcessInfo.processInfo.environment["CRUCIBLE_FUZZ_DIR"] ?? NSTemporaryDirectory() + "crucible-fuzz-\(getpid())")
        + "/lesson"
    for sub in ["starter", "solution", "check", "wrong/off"] {
        try? FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
    }
    for file in ["starter/main.c", "solution/main.c", "check/harness.c", "wrong/off/main.c", "program.c"] {
        _ = FileManager.default.createFile(atPath: folder + "/" + file, contents: Data("int main(void) { return 0; }\n".utf8))
    }
    return folder
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLessonFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let path = lessonFolder + "/lesson.md"
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { fatalError("cannot write \(path)") }
    _ = write(fd, bytes.baseAddress, size)
    close(fd)
    let folder = URL(fileURLWithPath: lessonFolder, isDirectory: true)
    let outcome = LessonParser.parse(LessonLocation(folder: folder, path: lessonFolder, displayPath: "fuzz"))
    // A lesson that loads has a body; read and parse it as the UI will.
    if let lesson = outcome.lesson, let body = try? lesson.loadBody() {
        _ = MarkdownDocument.parse(body)
    }
    for diagnostic in outcome.diagnostics {
        precondition(diagnostic.line >= 1 && diagnostic.column >= 1, "diagnostic outside the file: \(diagnostic)")
    }
    return 0
}
