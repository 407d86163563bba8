import CrucibleEngine

/// Something that changes the app state: input, a command, or the result of an effect.
public enum Action: Sendable, Equatable {
    /// A key, mouse action or resize, mapped to a command through ``Keymap``.
    case input(InputEvent)
    /// A command given directly (what a key binding stands for).
    case command(Command)
    /// The answer to ``Effect/loadLessonBody(_:)``.
    case lessonLoaded(lessonID: String, Result<LessonSource, LessonLoadFailure>)
    /// A timer tick while something animates (the pass celebration); see ``App/wantsTimer(_:)``.
    case timer
    /// How long lesson `lessonID`'s running check has taken, sent by the run loop while it runs.
    case checkElapsed(lessonID: String, seconds: Double)
    /// The answer to ``Effect/runCheck(_:)``, also when the check was cancelled.
    case checkFinished(lessonID: String, CheckResult)
    /// The answer to ``Effect/prepareWorkspace(_:)``.
    case workspacePrepared(lessonID: String, Result<WorkspaceFiles, LessonLoadFailure>)
    /// The learner's editor exited; `failure` says why it could not run.
    case editorClosed(lessonID: String, failure: String?)
    /// A file of a watched workspace was saved (see ``Effect/watchWorkspace(_:)``).
    case workspaceChanged(lessonID: String)
    /// The answer to ``Effect/loadSolution(_:)``.
    case solutionLoaded(lessonID: String, Result<[SolutionFile], LessonLoadFailure>)
    /// The answer to ``Effect/recordProgress(_:)``: the action as recorded, what the game rules
    /// made of it (XP, level-up, achievements, for the lesson screens to celebrate), and the
    /// progress after it. When the save failed, a ``notice(_:)`` follows and the change is saved with the next one.
    case progressRecorded(LearnerAction, events: [GameEvent], progress: CourseProgress)
    /// Progress as it is now, read after launch or saved by another process.
    case progressLoaded(CourseProgress)
    /// The course's achievements, read after the first frame.
    case achievementsLoaded([Achievement])
    /// Lesson id → tools its check runs that are not on PATH, and that are but do not work;
    /// probed after the first frame.
    case toolsProbed(
        missing: [String: [String]], broken: [String: [String]] = [:], tooOld: [String: [String]] = [:],
        otherPlatform: [String: String] = [:])
    /// A message for the learner (a progress file moved aside, a save that failed), shown in a box.
    case notice(String)
    /// A note for the bottom bar until the next key (checks not sandboxed here), less than a box.
    case statusNote(String)
    /// The course was loaded again because its files changed (live reload while authoring), with
    /// the loader's diagnostics, so a lesson that no longer parses can show them in place.
    case courseReloaded(Course, diagnostics: [Diagnostic])
    /// Whether the course may run its checks: nil when trusted, else what to ask (see `Update+Trust.swift`).
    case trustDecided(TrustPrompt?)
}

/// Why a lesson body could not be read, as a sentence for the screen.
public struct LessonLoadFailure: Error, Sendable, Equatable {
    public var message: String

    public init(_ message: String) { self.message = message }
}

/// What a key can do; the same command means "move" on the map and "scroll" in a lesson.
public enum Command: Sendable, Hashable {
    case up, down, pageUp, pageDown, top, bottom
    /// Opens the selected lesson.
    case open
    /// Leaves the lesson for the course map.
    case back
    /// Shows or hides the key help.
    case help
    /// Closes the overlay on top.
    case dismiss
    case quit
    // The lesson screen's own commands (see `LessonKeys`).
    /// Opens the quiz or predict panel.
    case answer
    /// Picks (or, when several are right, ticks) quiz choice `n`, counted from 1.
    case choose(Int)
    /// Ticks or unticks the highlighted quiz choice.
    case toggleChoice
    /// Answers the quiz question, or submits the prediction.
    case submit
    /// Edits the prediction field.
    case edit(TextField.Edit)
    /// Answers the quiz or prediction again after a failure.
    case retry
    /// Marks a read lesson done (a pass, with its XP) and opens the next lesson.
    case done
    /// Runs the code lesson's check in the background.
    case check
    /// Stops the running check and the processes it started.
    case cancelCheck
    /// Opens the code lesson's files in the learner's editor.
    case openEditor
    /// Turns checking on every save on or off.
    case toggleWatch
    /// Reveals the next hint.
    case hint
    /// Shows the reference solution, once a pass or enough failures allow it.
    case solution
    /// Shows the latest result again.
    case showResult
    /// Goes back from a panel to the lesson text.
    case closePanel
    case nextLesson, previousLesson
    /// Marks the lesson skipped and moves on; the recommended order is shown, not enforced.
    case skip
    /// Opens the stats screen.
    case stats
    /// Opens the scoreboard: the course's tasks measured in each language, side by side.
    case scoreboard
    /// Switches between the dark and the light theme, and remembers the choice.
    case toggleTheme
    /// Starts filtering the map's lessons by title or id.
    case search
    /// Empties the search field, keeping the search open.
    case clearSearch
    /// Trusts the course and runs the check the trust question was asked for.
    case trustCourse
    /// Closes the trust question; nothing runs.
    case declineTrust
}

/// Work `update` asks the run loop to do, so that `update` itself stays free of I/O.
///
/// An effect about a lesson carries the ``Lesson`` as it is in the state when `update` asks, so
/// the run loop works on the course as it is now (a live reload may have changed or added the
/// lesson), never on one it captured at launch.
public enum Effect: Sendable, Equatable {
    /// Leave the full-screen UI.
    case quit
    /// Read the lesson's body (and program) and send back ``Action/lessonLoaded(lessonID:_:)``.
    case loadLessonBody(Lesson)
    /// Copy a code lesson's missing starter files to the workspace and send back
    /// ``Action/workspacePrepared(lessonID:_:)`` with the files' full paths.
    case prepareWorkspace(Lesson)
    /// Suspend the UI, run `$VISUAL`, `$EDITOR` or a fallback on the lesson's workspace files,
    /// restore the UI, and send back ``Action/editorClosed(lessonID:failure:)``.
    case openEditor(Lesson)
    /// Check the code lesson (or run the predict lesson's program) in the background, sending
    /// ``Action/checkElapsed(lessonID:seconds:)`` while it runs and ``Action/checkFinished(lessonID:_:)`` at the end.
    case runCheck(Lesson)
    /// Cancel the lesson's running check: its process group is killed and it finishes as cancelled.
    case cancelCheck(lessonID: String)
    /// Start watching the lesson's workspace; each save sends ``Action/workspaceChanged(lessonID:)``.
    case watchWorkspace(Lesson)
    /// Stop watching the lesson's workspace (the lesson may be gone from the course by now).
    case stopWatching(lessonID: String)
    /// Read the lesson's `solution/` files and send back ``Action/solutionLoaded(lessonID:_:)``.
    case loadSolution(Lesson)
    /// Record a learner action in the progress file through the game rules and send back
    /// ``Action/progressRecorded(_:events:progress:)``. A passing `.checked` without a content
    /// hash gets the lesson's hash from the progress session.
    case recordProgress(LearnerAction)
    /// Remember in the trust file that the learner trusted the course (see ``Action/trustDecided(_:)``).
    case rememberTrust
}
