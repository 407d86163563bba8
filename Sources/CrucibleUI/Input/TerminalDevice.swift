/// What the run loop needs from a terminal: its size, showing a grid, reading input, and lending
/// itself to another program for a while.
///
/// `TerminalScreen` (CrucibleTerminal) implements it over ncurses; tests implement it in memory.
/// Starting and stopping the device belong to whoever made it, not to the run loop.
public protocol TerminalDevice: AnyObject {
    /// The size in cells now.
    var size: TerminalSize { get }
    /// Shows `grid` in place of what was shown.
    func present(_ grid: CellGrid)
    /// The next event, waiting at most `timeout` milliseconds (negative: until one arrives); nil when none came.
    func readEvent(timeout: Int32) -> InputEvent?
    /// Gives the terminal up while `body` runs (the learner's editor), then takes it back and redraws.
    func suspend<Result>(_ body: () throws -> Result) rethrows -> Result
}
