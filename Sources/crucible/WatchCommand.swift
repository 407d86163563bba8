import ArgumentParser
import CrucibleEngine
import CrucibleRuntime
import CrucibleUI

/// `crucible watch [ID]`: checks a code lesson once, then again each time the learner saves.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Check a code lesson again each time you save.",
        discussion: """
            Checks the lesson once, then after every save to your workspace copy of its files \
            (editors that save through a temporary file are fine). With no id, watches the lesson \
            you left off at. Press Enter to check again at any time; Ctrl-C stops.

            If saves go unnoticed (some network, container or WSL-mounted folders), use --poll to \
            look for changes every half second, or --manual to check only when you press Enter.

            Examples:
              crucible watch orientation.first-fix
              crucible watch                                  the lesson you left off at
              crucible watch orientation.first-fix --poll
              crucible watch orientation.first-fix --manual
            """)

    @OptionGroup var course: CourseOptions

    @Argument(help: "The code lesson's id (default: the lesson you left off at).")
    var id: String?

    @Flag(help: "Check only when you press Enter; do not watch files.")
    var manual = false

    @Flag(help: "Look for changes every half second instead of asking the kernel (inotify).")
    var poll = false

    @Flag(name: [.long, .customLong("full")], help: "Print every step's full output each time.")
    var verbose = false

    @OptionGroup var sandboxing: SandboxOptions
    @OptionGroup var trusting: TrustOptions

    func validate() throws {
        if manual && poll { throw ValidationError("--manual and --poll cannot be combined: --manual watches no files") }
    }

    func run() throws {
        // Progress is optional here: a progress file that cannot be opened should not stop the
        // learner from watching, only from having the checks counted.
        let session = try? course.openProgress()
        let loaded = try session?.loaded ?? course.load()
        if session == nil, loaded.course != nil {
            Output.error("crucible: your progress cannot be opened, so these checks are not recorded")
        }
        let (lesson, why) = try WatchSession.lessonToWatch(
            id, in: loaded, progress: session?.store.current, followUp: course.followUp)
        try trusting.require(course.folder())
        let (folder, notes) = try course.workspace(for: loaded).prepareWithNotes(lesson, followUp: course.followUp)
        for note in notes { Output.say("note: " + note) }
        if let why { Output.say(why) }
        let verbose = verbose, followUp = course.followUp
        var recorder: LearnerActionRecorder?
        if let session { recorder = { action in try session.record(action) } }
        let engine = CheckEngine(buildCache: course.locations.buildCache(for: loaded), sandbox: sandboxing.status().sandbox)
        let watch = WatchSession(
            lesson: lesson, folder: folder, engine: engine, recorder: recorder, followUp: followUp
        ) { (report: WatchReport) in
            switch report {
            case .line(let text): Output.say(text)
            case .problem(let text): Output.error(text)
            case .checked(let result, let events):
                let history =
                    session.map {
                        MeasurementHistory(lessonID: lesson.id, progress: $0.session.current, scoreboard: loaded.course?.scoreboard)
                    } ?? MeasurementHistory()
                Output.say(
                    ResultPresentation(
                        result, lesson: lesson, events: events,
                        medium: .commandLine(
                            verbose: verbose, workspace: nil, followUp: followUp, width: Output.width, unicode: Output.unicode),
                        history: history
                    ).lines)
            }
        }
        try watch.runOnTerminal(watching: manual ? nil : (poll ? .polling : .automatic))
    }
}
