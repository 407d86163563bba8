/// Something that changes the app state: input, a command, or the result of an effect.
public enum Action: Sendable, Equatable {
    /// A key, mouse action or resize, mapped to a command through ``Keymap``.
    case input(InputEvent)
    /// A command given directly (what a key binding stands for).
    case command(Command)
    /// The answer to ``Effect/loadLessonBody(lessonID:)``.
    case lessonLoaded(lessonID: String, Result<LessonSource, LessonLoadFailure>)
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
}

/// Work `update` asks the run loop to do, so that `update` itself stays free of I/O.
public enum Effect: Sendable, Equatable {
    /// Leave the full-screen UI.
    case quit
    /// Read the lesson's body (and program) and send back ``Action/lessonLoaded(lessonID:_:)``.
    case loadLessonBody(lessonID: String)
}
