import ArgumentParser
import CrucibleEngine
import CrucibleRuntime

/// `crucible cache`: the course's build cache, the folders `{cache}` names in lessons' checks.
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Manage the build cache that lessons' checks keep between runs.",
        discussion: """
            A lesson's check can keep a build tool's cache (Go's build cache, a cargo target \
            folder) in a folder of its own that survives between checks, so the next check does \
            not rebuild everything. The folders live under $XDG_CACHE_HOME/crucible/build-cache \
            (else ~/.cache/crucible/build-cache), one per course and lesson.

            Examples:
              crucible cache clean                            empty the whole course's
              crucible cache clean concurrency.go-pipeline    one lesson's
            """,
        subcommands: [CacheCleanCommand.self])
}

/// `crucible cache clean [ID…]`: empties the build cache of the course or of the named lessons.
struct CacheCleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Empty the build cache of the course, or of the lessons named.",
        discussion: """
            Prints each folder removed and the space it took. The next check of those lessons \
            builds from scratch. Your progress and workspace files are not touched.

            Examples:
              crucible cache clean                            every lesson's folder
              crucible cache clean concurrency.go-pipeline    one lesson's
              crucible cache clean --lessons ~/my-course      another course's
            """)

    @OptionGroup var course: CourseOptions

    @Argument(help: "The lessons whose folders to empty (all of them when none is named).")
    var ids: [String] = []

    func run() throws {
        let loaded = try course.load()
        let lines = try BuildCacheClean.run(ids, cache: course.locations.buildCache(for: loaded), loaded: loaded)
        lines.forEach(Output.print)
    }
}
