/// Reads a track's optional `track.md`: Markdown like a lesson body, without front matter.
enum TrackIntroduction {
    /// The introduction's text, or `nil` when the file is absent or unusable (each problem is
    /// reported in `report`, so `lint` names it with file:line:col).
    static func read(_ path: String, report: FileReport) -> String? {
        let bytes: [UInt8]
        switch TextFile.read(path) {
        case .missing:
            if let what = TextFile.notAFile(path) {
                report.error("track.md \(what); make it a Markdown text file, or remove it")
            }
            return nil
        case .failed(let reason):
            report.error("cannot read the track introduction: \(reason)")
            return nil
        case .bytes(let read):
            bytes = read
        }
        if let problem = TextFile.encodingProblem(bytes) {
            report.error(problem)
            return nil
        }
        let start = TextFile.bomLength(bytes)
        if let bad = TextFile.firstInvalidUTF8(bytes, from: start) {
            report.error(TextFile.invalidUTF8Message, line: bad.line, column: bad.column)
            return nil
        }
        if TextFile.hasOnlyCRLineEndings(bytes) {
            report.error(
                "lines end with a carriage return alone (old Mac line endings), so the file reads as one line; "
                    + "save it with LF (Unix) or CRLF (Windows) line endings")
            return nil
        }
        let text = TextFile.text(bytes[start...])
        if text.allSatisfy(\.isWhitespace) {
            report.add(
                .warning, line: 1, column: 1,
                "track.md is empty, so the track has no introduction; write a few paragraphs of Markdown "
                    + "that say what the track teaches and why, or remove the file")
            return nil
        }
        if text.hasPrefix("---\n") {
            report.add(
                .warning, line: 1, column: 1,
                "track.md has no front matter (the track's id, title and summary are in track.yml), "
                    + "so this `---` line shows as a horizontal rule; remove it")
        }
        return text
    }
}
