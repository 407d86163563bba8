// Hidden harness: drives the learner's Countdown, checks its log, and counts
// how many countdowns were freed, through weak references that become nil
// once an object's deinit has run.
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

struct Probe {
    weak var countdown: Countdown?
}

var failures = 0

func expect(_ ok: Bool, _ what: String) {
    if !ok {
        print("FAILED: \(what)")
        failures += 1
    }
}

/// A countdown driven by its own ticker, then dropped.
func runOwnTicker() -> Probe {
    let countdown = Countdown(from: 3)
    for _ in 0..<4 { countdown.ticker.tick() }
    expect(countdown.log == ["2", "1", "liftoff"], "the log should be [\"2\", \"1\", \"liftoff\"], not \(countdown.log)")
    return Probe(countdown: countdown)
}

let own = runOwnTicker()
print("own ticker: \(own.countdown == nil ? "freed" : "leaked")")
expect(own.countdown == nil, "a countdown must be freed when nothing but its own ticker refers to it")

/// A countdown driven by a clock handler that outlives it.
func runSharedClock() -> (() -> Void, Probe) {
    let countdown = Countdown(from: 2)
    let handler = countdown.makeClockHandler()
    handler()
    expect(countdown.remaining == 1, "the clock handler should step the countdown")
    return (handler, Probe(countdown: countdown))
}

let (clockHandler, shared) = runSharedClock()
print("shared clock: \(shared.countdown == nil ? "freed" : "kept alive")")
expect(shared.countdown == nil, "a clock handler must not keep the countdown alive")
clockHandler()  // the countdown is gone: this must do nothing
print("late tick: ignored")

if failures == 0 {
    print("countdown: ok")
}
exit(failures == 0 ? 0 : 1)
