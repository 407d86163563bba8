/// Calls its handler once per tick. You do not need to change this class.
final class Ticker {
    var handler: (() -> Void)?

    func tick() {
        handler?()
    }
}

/// Counts down to liftoff, one step per tick.
final class Countdown {
    let ticker = Ticker()           // the countdown owns its ticker
    private(set) var remaining: Int
    private(set) var log: [String] = []

    init(from start: Int) {
        remaining = start
        ticker.handler = {
            self.step()
        }
    }

    func step() {
        guard remaining > 0 else { return }
        remaining -= 1
        log.append(remaining == 0 ? "liftoff" : String(remaining))
    }

    /// A handler for a shared clock that lives longer than this countdown.
    /// Calling it after the countdown is gone must do nothing.
    func makeClockHandler() -> () -> Void {
        return {
            self.step()
        }
    }
}
