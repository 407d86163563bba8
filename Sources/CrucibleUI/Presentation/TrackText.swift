import CrucibleEngine

/// A whole track as styled lines, for `crucible show TRACK`: title, summary, the `track.md`
/// introduction, then its lessons with the command that shows one.
public enum TrackText {
    /// Lays out `track` for `width` columns; `followUp` words the `crucible show` command it suggests.
    public static func lines(
        for track: Track, width: Int, theme: Theme = .standard, followUp: FollowUpCommands = .plain
    ) -> [StyledLine] {
        let count = track.lessons.count == 1 ? "1 lesson" : "\(track.lessons.count) lessons"
        var lines = [StyledLine(track.title, style: theme.heading1), StyledLine("track · " + count, style: theme.quoteBar)]
        var blocks: [MarkdownBlock] = []
        if !track.summary.allSatisfy(\.isWhitespace) { blocks.append(.paragraph([.text(track.summary)])) }
        if let introduction = track.introduction { blocks += MarkdownDocument.parse(introduction).blocks }
        blocks.append(.heading(level: 2, [.text("Lessons")]))
        if track.lessons.isEmpty {
            blocks.append(.paragraph([.text("This track has no lessons yet.")]))
        } else {
            let items = track.lessons.map { lesson -> [MarkdownBlock] in
                [.paragraph([.code(lesson.id), .text(" " + lesson.title + " (" + lesson.kind.rawValue + ")")])]
            }
            blocks.append(.list(ordered: true, start: 1, tight: true, items: items))
            let show = followUp.command("show", track.lessons[0].id)
            blocks.append(.paragraph([.code(show), .text(" shows the first; use any id above in its place.")]))
        }
        lines.append(StyledLine())
        lines += MarkdownLayout.lines(for: MarkdownDocument(blocks: blocks), width: width, theme: theme)
        return lines
    }
}
