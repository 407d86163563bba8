import ArgumentParser
import CrucibleEngine
import CrucibleUI

/// `crucible list`: tracks and lessons with ids and kinds.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the course's tracks and lessons with their ids and kinds.",
        discussion: "Lessons with errors are left out; `crucible lint` explains them.")

    @OptionGroup var course: CourseOptions

    func run() throws {
        print(CourseMapText.render(try course.load(), color: Output.useColor, showWelcome: false))
    }
}

/// The course as text: title, then each track with its lessons.
///
/// Stands in for the full-screen course map when there is no terminal UI.
enum CourseMapText {
    static func render(_ loaded: CourseLoadResult, color: Bool, showWelcome: Bool = true) -> String {
        let theme = Theme.standard
        var lines: [StyledLine] = []
        if let course = loaded.course {
            lines.append(StyledLine(course.title, style: theme.heading1))
            if showWelcome { lines += course.welcome.split(separator: "\n").map { StyledLine(String($0)) } }
        }
        let idWidth = loaded.lessons.map(\.id.count).max() ?? 0
        for track in loaded.tracks {
            lines.append(StyledLine())
            lines.append(StyledLine([Span(track.title, style: theme.heading2), Span("  (\(track.id))", style: theme.quoteBar)]))
            if track.lessons.isEmpty { lines.append(StyledLine("  (no lessons yet)", style: theme.quoteBar)) }
            for lesson in track.lessons {
                let id = lesson.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
                let kind = lesson.kind.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
                lines.append(StyledLine([Span("  " + id + "  ", style: theme.inlineCode), Span(kind, style: theme.quoteBar),
                                         Span(lesson.title)]))
            }
        }
        return ANSIText.render(lines, color: color)
    }
}
