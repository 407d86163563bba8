import CNcursesw
import CTerminalSignals
import CrucibleUI
import Foundation
import Glibc

/// Why the full-screen UI could not start; the message is meant for the user.
public struct TerminalError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// The terminal as the UI sees it: presents cell grids and reads input events.
///
/// The only ncurses user in the package. Use it from one thread. The terminal
/// is restored by ``stop()``, at `exit()`, and on every signal that ends the
/// process (see `CTerminalSignals/terminal_signals.c`).
public final class TerminalScreen: TerminalDevice {
    private var screen: OpaquePointer?
    private var output: UnsafeMutablePointer<FILE>?
    private var input: UnsafeMutablePointer<FILE>?
    /// Colour pairs allocated so far, by (foreground, background) palette index.
    private var pairs: [ColorKey: Int16] = [:]
    private var hasColor = false
    private var colorCount = 8
    private let capabilities: TerminalCapabilities

    /// - Parameter capabilities: colour off under NO_COLOR, ASCII stand-ins outside a UTF-8 locale.
    public init(capabilities: TerminalCapabilities = .fromEnvironment(ProcessInfo.processInfo.environment)) {
        self.capabilities = capabilities
    }

    /// Whether stdin and stdout are both terminals, so the full-screen UI can run.
    public static var isAvailable: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// The terminal's size now.
    public var size: TerminalSize {
        TerminalSize(width: Int(crucible_cols()), height: Int(crucible_lines()))
    }

    /// Takes over the terminal: alternate screen, no echo, keys as they are typed, mouse, colours.
    ///
    /// Throws, leaving the terminal untouched, when stdin or stdout is not a
    /// terminal or `TERM` is unset or unknown (`initscr` would exit the process instead).
    public func start() throws {
        guard Self.isAvailable else { throw TerminalError(description: "stdin and stdout must be a terminal for the full-screen course") }
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
            throw TerminalError(description: "TERM is not set, so the terminal type is unknown; set TERM (for example TERM=xterm-256color)")
        }
        setlocale(LC_ALL, "")
        crucible_save_termios(STDIN_FILENO)
        // Before newterm: ncurses installs its own SIGINT/SIGTERM handlers (endwin, then exit(1) inside
        // the handler) only where it finds the default action, so ours must already be there.
        crucible_install_restore_handlers()
        output = fdopen(dup(STDOUT_FILENO), "w")
        input = fdopen(dup(STDIN_FILENO), "r")
        // Unlike initscr, newterm returns NULL for an unknown TERM instead of exiting.
        guard let output, let input, let created = newterm(term, output, input) else {
            if let output { fclose(output) }
            if let input { fclose(input) }
            self.output = nil
            self.input = nil
            crucible_terminal_released()
            throw TerminalError(
                description: "the terminal type `\(term)` (from TERM) is unknown to this system's terminfo; try TERM=xterm-256color")
        }
        screen = created
        let window = crucible_stdscr()
        cbreak()  // keeps ISIG: Ctrl-C arrives as SIGINT, Ctrl-Z suspends
        noecho()
        nonl()  // Enter reads as CR, and ncurses may use CR/LF for cursor motion
        keypad(window, true)
        intrflush(window, false)
        curs_set(0)
        set_escdelay(25)
        hasColor = capabilities.color && has_colors()
        if hasColor {
            start_color()
            use_default_colors()
            colorCount = Int(crucible_colors())
        }
        mouseinterval(0)  // report presses at once instead of waiting to see a double click
        mousemask(crucible_button1_pressed() | crucible_button4_pressed() | crucible_button5_pressed(), nil)
    }

    /// Draws `grid` and refreshes once; ncurses sends only what changed on the terminal.
    ///
    /// Outside a UTF-8 locale the grid is first turned into ASCII stand-ins (``CellGrid/inASCII()``),
    /// the one place that happens, so every cell drawn is one ASCII column.
    public func present(_ grid: CellGrid) {
        guard screen != nil else { return }
        let grid = capabilities.unicode ? grid : grid.inASCII()
        let window = crucible_stdscr()
        let rows = min(grid.height, Int(crucible_lines())), columns = min(grid.width, Int(crucible_cols()))
        var characters = [wchar_t](repeating: 0, count: 6)
        var lastStyle: Style?
        var attributes: attr_t = 0
        var pair: Int16 = 0
        var cell = cchar_t()
        for y in 0..<rows {
            for x in 0..<columns {
                let source = grid[x, y]
                if source.isContinuation { continue }
                if source.style != lastStyle {
                    (attributes, pair) = attributesAndPair(for: source.style)
                    lastStyle = source.style
                }
                // The base character, then up to four combining marks (CCHARW_MAX is 5).
                var count = 0
                for scalar in source.character.unicodeScalars where count < 5 {
                    characters[count] = wchar_t(bitPattern: scalar.value)
                    count += 1
                }
                characters[count] = 0
                setcchar(&cell, characters, attributes, pair, nil)
                mvwadd_wch(window, Int32(y), Int32(x), &cell)
            }
        }
        wrefresh(window)
    }

    /// The next event, waiting at most `timeout` milliseconds (negative: wait for one).
    ///
    /// A Ctrl-C (SIGINT) is reported as the key `.control("c")` so the app quits through its own path.
    public func readEvent(timeout: Int32) -> InputEvent? {
        if crucible_take_interrupt() != 0 { return .key(.control("c")) }
        guard screen != nil else { return nil }
        let window = crucible_stdscr()
        wtimeout(window, timeout)
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if crucible_take_interrupt() != 0 { return .key(.control("c")) }
        switch result {
        case crucible_key_code_yes():
            return functionKeyEvent(Int32(character))
        case OK:
            return characterEvent(UInt32(character))
        default:
            return nil
        }
    }

    /// Gives the terminal back while `body` runs (an editor, say), then takes it again and redraws.
    public func suspend<Result>(_ body: () throws -> Result) rethrows -> Result {
        def_prog_mode()
        endwin()
        defer {
            reset_prog_mode()
            // A Ctrl-C typed while `body` ran was meant for it, not for us.
            _ = crucible_take_interrupt()
            clearok(crucible_stdscr(), true)
            wrefresh(crucible_stdscr())
        }
        return try body()
    }

    /// Restores the terminal as it was before ``start()``. Safe to call twice.
    public func stop() {
        guard let screen else { return }
        // endwin restores the modes and screen itself; the signal path is only for when it cannot run.
        endwin()
        crucible_terminal_released()
        delscreen(screen)
        self.screen = nil
        if let output { fclose(output) }
        if let input { fclose(input) }
        output = nil
        input = nil
    }

    deinit { stop() }

    // MARK: - Input

    private func characterEvent(_ value: UInt32) -> InputEvent? {
        switch value {
        case 27: return .key(.escape)
        case 10, 13: return .key(.enter)
        case 9: return .key(.tab)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.control(Character(Unicode.Scalar(UInt8(value) + 96))))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    private func functionKeyEvent(_ code: Int32) -> InputEvent? {
        switch code {
        case crucible_key_up(): return .key(.up)
        case crucible_key_down(): return .key(.down)
        case crucible_key_left(): return .key(.left)
        case crucible_key_right(): return .key(.right)
        case crucible_key_ppage(): return .key(.pageUp)
        case crucible_key_npage(): return .key(.pageDown)
        case crucible_key_home(): return .key(.home)
        case crucible_key_end(): return .key(.end)
        case crucible_key_enter(): return .key(.enter)
        case crucible_key_backspace(): return .key(.backspace)
        case crucible_key_dc(): return .key(.delete)
        case crucible_key_ic(): return .key(.insert)
        case crucible_key_btab(): return .key(.backTab)
        case crucible_key_resize(): return .resize(width: Int(crucible_cols()), height: Int(crucible_lines()))
        case crucible_key_mouse(): return mouseEvent()
        case crucible_key_f(1)...crucible_key_f(12): return .key(.function(Int(code - crucible_key_f0())))
        default: return nil
        }
    }

    private func mouseEvent() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let x = Int(event.x), y = Int(event.y)
        if event.bstate & crucible_button4_pressed() != 0 { return .mouse(.wheelUp(x: x, y: y)) }
        if event.bstate & crucible_button5_pressed() != 0 { return .mouse(.wheelDown(x: x, y: y)) }
        if event.bstate & crucible_button1_pressed() != 0 { return .mouse(.press(x: x, y: y)) }
        return nil
    }

    // MARK: - Styles

    private struct ColorKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    private func attributesAndPair(for style: Style) -> (attr_t, Int16) {
        var attributes = crucible_a_normal()
        if style.bold { attributes |= crucible_a_bold() }
        if style.dim { attributes |= crucible_a_dim() }
        if style.italic { attributes |= crucible_a_italic() }
        if style.underline { attributes |= crucible_a_underline() }
        if style.reverse { attributes |= crucible_a_reverse() }
        return (attributes, pair(foreground: style.foreground, background: style.background))
    }

    /// The colour pair for these colours, allocated on first use; pair 0 (the defaults) when out of pairs.
    private func pair(foreground: Color, background: Color) -> Int16 {
        guard hasColor, foreground != .default || background != .default else { return 0 }
        let key = ColorKey(foreground: colorNumber(foreground), background: colorNumber(background))
        if let pair = pairs[key] { return pair }
        let next = pairs.count + 1
        guard next < min(Int(crucible_color_pairs()), Int(Int16.max)) else { return 0 }
        init_pair(Int16(next), key.foreground, key.background)
        pairs[key] = Int16(next)
        return Int16(next)
    }

    /// The terminal's number for `color`: -1 for its default, bright colours folded onto
    /// the first eight on 8-colour terminals.
    private func colorNumber(_ color: Color) -> Int16 {
        guard let index = color.paletteIndex else { return -1 }
        return Int16(index < colorCount ? index : index % 8)
    }
}
