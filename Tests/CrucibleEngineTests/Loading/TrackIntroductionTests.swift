import CrucibleEngine
import Foundation
import Testing

extension LoadingTests {
    /// A track's optional `track.md`: loaded as its introduction, and its problems reported by
    /// `lint` at file:line:col like a lesson body's.
    @Suite struct TrackIntroductionTests {
        /// A course with one track per entry of `introductions`: `NN-tK/track.md` holds the bytes,
        /// or is absent for `nil`; each track has one read lesson.
        func course(_ introductions: [[UInt8]?]) throws -> URL {
            let root = FileManager.default.temporaryDirectory
                .appendingPathComponent("crucible-track-md-\(UUID().uuidString)", isDirectory: true)
            func write(_ path: String, _ bytes: [UInt8]) throws {
                let file = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(
                    at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: file)
            }
            try write("course.yml", Array("id: c\ntitle: C\nwelcome: Hi.\n".utf8))
            for (index, introduction) in introductions.enumerated() {
                let folder = "0\(index + 1)-t\(index + 1)"
                try write(folder + "/track.yml", Array("id: t\(index + 1)\ntitle: T\(index + 1)\nsummary: S.\n".utf8))
                try write(folder + "/01-r/lesson.md", Array("---\nid: t\(index + 1).r\ntitle: R\nkind: read\n---\nBody.\n".utf8))
                if let introduction { try write(folder + "/track.md", introduction) }
            }
            return root
        }

        func rendered(_ result: CourseLoadResult, _ root: URL) -> [String] {
            result.diagnostics.map { $0.description.replacingOccurrences(of: root.path + "/", with: "") }
        }

        @Test func introductionIsLoadedAndIsOptional() throws {
            let text = "Why this track matters.\r\n\r\n- one\r\n- two\r\n"
            let root = try course([[0xEF, 0xBB, 0xBF] + Array(text.utf8), nil])
            defer { try? FileManager.default.removeItem(at: root) }
            let result = CourseLoader.load(from: root)
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
            // The byte order mark is dropped and CRLF read as LF, as in a lesson body.
            #expect(result.tracks[0].introduction == "Why this track matters.\n\n- one\n- two\n")
            #expect(result.tracks[1].introduction == nil)
            #expect(result.course?.tracks[0].introduction == result.tracks[0].introduction)
        }

        @Test func problemsAreReportedWithTheirPlaceAndTheTrackStillLoads() throws {
            let root = try course([
                Array("Fine line.\nBad byte: ".utf8) + [0xFF] + Array("\n".utf8),
                Array(" \n\n".utf8),
                Array("---\nid: x\n---\nText.\n".utf8),
                Array("One line.\rTwo.\r".utf8),
            ])
            defer { try? FileManager.default.removeItem(at: root) }
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("05-t5/track.md"), withIntermediateDirectories: true)
            try Data("id: t5\ntitle: T5\nsummary: S.\n".utf8).write(to: root.appendingPathComponent("05-t5/track.yml"))
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("05-t5/01-r"), withIntermediateDirectories: true)
            try Data("---\nid: t5.r\ntitle: R\nkind: read\n---\nBody.\n".utf8)
                .write(to: root.appendingPathComponent("05-t5/01-r/lesson.md"))
            let result = CourseLoader.load(from: root)
            #expect(
                rendered(result, root) == [
                    "01-t1/track.md:2:11: error: the file is not valid UTF-8 here; save it as UTF-8 "
                        + "(check for stray bytes pasted from elsewhere)",
                    "02-t2/track.md:1:1: warning: track.md is empty, so the track has no introduction; write a few "
                        + "paragraphs of Markdown that say what the track teaches and why, or remove the file",
                    "03-t3/track.md:1:1: warning: track.md has no front matter (the track's id, title and summary "
                        + "are in track.yml), so this `---` line shows as a horizontal rule; remove it",
                    "04-t4/track.md:1:1: error: lines end with a carriage return alone (old Mac line endings), so the "
                        + "file reads as one line; save it with LF (Unix) or CRLF (Windows) line endings",
                    "05-t5/track.md:1:1: error: track.md is a folder, not a file; make it a Markdown text file, or remove it",
                ])
            #expect(result.tracks.map(\.id) == ["t1", "t2", "t3", "t4", "t5"])
            #expect(result.tracks.allSatisfy { $0.lessons.count == 1 }, "a bad introduction never drops the lessons")
            #expect(result.tracks.map { $0.introduction == nil } == [true, true, false, true, true])
        }
    }
}
