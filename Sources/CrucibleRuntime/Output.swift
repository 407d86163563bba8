import CrucibleEngine
import CrucibleUI
import Foundation

/// Where and how the command line writes text: every line any command prints goes through here.
///
/// Text here quotes lesson files, folder names and programs' output, any of which may hold
/// escape sequences; each is shown by ``VisibleText/lines(_:)`` so only Crucible's own colour
/// codes (painted from `StyledLine` styles by ``ANSIText``) ever reach the terminal.
public enum Output {
    /// Whether stdout gets ANSI colour: only on a terminal, and never with NO_COLOR set (or
    /// `--no-color`, which sets it), read by the same rule as the full screen's.
    public static var useColor: Bool {
        isatty(STDOUT_FILENO) == 1 && TerminalCapabilities.fromEnvironment(ProcessInfo.processInfo.environment).color
    }

    /// Whether the locale is UTF-8, so block characters and marks can be printed; else ASCII stand-ins.
    public static var unicode: Bool {
        TerminalCapabilities.fromEnvironment(ProcessInfo.processInfo.environment).unicode
    }

    /// The width to lay text out for: the terminal's, else $COLUMNS, else 80.
    public static var width: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }

    /// Writes `text` and a newline to stdout (through the stdio buffer).
    public static func print(_ text: String) {
        Swift.print(VisibleText.lines(text))
    }

    /// Writes `lines` to stdout, coloured by their styles when ``useColor`` allows.
    public static func print(_ lines: [StyledLine]) {
        Swift.print(ANSIText.render(lines, color: useColor))
    }

    /// Writes encoded JSON and a newline to stdout. JSON escapes C0 controls itself but may carry
    /// DEL and C1 controls raw inside strings; those become `\u` escapes, the same value in JSON.
    public static func print(json: Data) {
        var text = ""
        for scalar in String(decoding: json, as: UTF8.self).unicodeScalars {
            if scalar.value >= 0x7F, VisibleText.standIn(for: scalar) != nil {
                text += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        print(text)
    }

    /// Writes `value` as pretty-printed JSON with sorted keys, the form every `--json` output takes.
    public static func print<Value: Encodable>(encoding value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(json: try encoder.encode(value))
    }

    /// Writes `text` and a newline to stdout at once (no stdio buffer), so a pipe sees it as it happens.
    public static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((VisibleText.lines(text) + "\n").utf8))
    }

    /// Writes `lines` to stdout at once, coloured by their styles when ``useColor`` allows.
    public static func say(_ lines: [StyledLine]) {
        FileHandle.standardOutput.write(Data((ANSIText.render(lines, color: useColor) + "\n").utf8))
    }

    /// Writes a line to stderr.
    public static func error(_ text: String) {
        FileHandle.standardError.write(Data((VisibleText.lines(text) + "\n").utf8))
    }

    /// Writes `question` to stderr without a newline, for the answer to follow on the same line.
    public static func ask(_ question: String) {
        FileHandle.standardError.write(Data(VisibleText.lines(question).utf8))
    }
}
