import CrucibleEngine
import Foundation

/// `crucible new`'s output: runs a scaffolding step, then prints the files it created and what to run next.
public enum ScaffoldReport {
    /// Runs `body`, turning its error into the command's one-sentence failure, and prints what it
    /// created followed by the commands `next` suggests for the result.
    public static func run(next: (ScaffoldResult) -> [String], _ body: () throws -> ScaffoldResult) throws {
        let result: ScaffoldResult
        do { result = try body() } catch let error as ScaffoldError { throw CommandFailure(message: error.message) }
        for file in result.files { Output.print("created \(file.relativePath)") }
        Output.print("id: \(result.id)")
        Output.print("next:")
        for command in next(result) { Output.print("  " + command) }
    }
}

extension BundledCourse {
    /// The JSON Schemas shipped with the bundled course (`Lessons/schema`), ignoring
    /// $CRUCIBLE_LESSONS first, since that may name the author's own course.
    public static func schemaFolder() -> URL? {
        for course in [locate(environment: [:]), locate()].compactMap({ $0 }) {
            let folder = course.appendingPathComponent(Scaffold.schemaFolderName, isDirectory: true)
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(Scaffold.schemaFiles[0]).path) {
                return folder
            }
        }
        return nil
    }
}
