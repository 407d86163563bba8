// Hidden timing helper shared by the performance lessons.

/// Seconds taken by `body`, on the monotonic clock.
func seconds(_ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    let elapsed = clock.measure(body)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

/// Times `baseline` and `learner` alternately: one warm-up each, then
/// `repetitions` timed runs each, printed in the engine's metric format.
func race(repetitions: Int, baseline: () -> Void, learner: () -> Void) {
    baseline()
    learner()
    for _ in 0..<repetitions {
        print("crucible-metric baseline \(seconds(baseline))")
        print("crucible-metric learner \(seconds(learner))")
    }
}
