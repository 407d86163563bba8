import CrucibleEngine
import CrucibleUI
import Foundation

/// Moving progress between machines: `crucible progress export` and `import`.
public enum ProgressTransfer {
    /// Writes the progress of every course in `file` to `target`; returns the line saying what was exported.
    public static func export(_ file: URL, to target: URL, replace: Bool) throws -> String {
        do {
            let store = try ProgressStore(courseID: "", file: file)
            store.printNotices()
            try store.export(to: target, replace: replace)
            let courses = store.all.courses.keys.sorted()
            return "Exported \(courses.count) course\(courses.count == 1 ? "" : "s") (\(courses.joined(separator: ", "))) to \(target.path)"
        } catch {
            throw CommandFailure(message: error.description, status: ExitStatus.problems)
        }
    }

    /// Merges an export into `store` (nothing earned is lowered) and returns the lines saying what changed.
    public static func importing(_ export: URL, into progress: CommandLineProgress) throws -> [String] {
        let store = progress.store, course = progress.course, outline = progress.outline
        let achievements = progress.achievements
        let imported: SavedProgress
        do { imported = try ProgressStore.readExport(export) } catch {
            throw CommandFailure(message: error.description, status: ExitStatus.problems)
        }
        let before = store.current
        let courseID = course.id
        let events: [GameEvent]
        do {
            events = try store.updateAll { progress in
                progress = progress.merged(with: imported)
                // Achievements the two machines' lessons earn only together are unlocked now.
                var course = progress[course: courseID]
                let unlocked = GameRules.unlockAchievements(in: &course, outline: outline, achievements: achievements, now: Date())
                progress[course: courseID] = course
                return unlocked
            }
        } catch {
            throw CommandFailure(message: "\(error)", status: ExitStatus.problems)
        }
        store.printNotices()
        let after = store.current
        let passed = { (progress: CourseProgress) in progress.lessons.values.filter(\.isPassed).count }
        var lines = [
            "Imported \(export.relativePath): \(course.title)",
            "  XP \(before.xp) → \(after.xp), lessons passed \(passed(before)) → \(passed(after)), "
                + "achievements \(before.achievements.count) → \(after.achievements.count)",
        ]
        let unlocked = events.filter { if case .achievementUnlocked = $0 { true } else { false } }
        lines += GameEventPresentation.lines(unlocked).map { "  " + $0.plainText }
        let others = imported.courses.keys.filter { $0 != courseID }.sorted()
        if !others.isEmpty { lines.append("  Also merged: \(others.joined(separator: ", "))") }
        return lines
    }
}
