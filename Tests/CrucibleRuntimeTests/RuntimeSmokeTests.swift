import CrucibleRuntime
import CrucibleTestSupport
import Testing

@Suite struct RuntimeTargetTests {
    @Test func pollReportsAConditionThatNeverHolds() {
        #expect(poll(timeout: .milliseconds(50)) { false } == false)
        var calls = 0
        #expect(
            poll(timeout: .seconds(5)) {
                calls += 1; return calls == 3
            })
        #expect(calls == 3)
    }
}
