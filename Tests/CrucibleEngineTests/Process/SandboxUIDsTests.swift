import Foundation
import Testing

@testable import CrucibleEngine

/// The fresh uids steps run as when Crucible runs as root: one still in use is never handed out again.
@Suite struct SandboxUIDsTests {
    /// The uids a fake process table reports as running.
    final class Running: @unchecked Sendable {
        var uids: Set<uid_t> = []
    }

    @Test func aUidStillRunningIsSkippedWhenTheCounterWrapsAround() {
        let running = Running()
        let uids = SandboxUIDs(inUse: { running.uids.contains($0) })
        let server = uids.next()
        running.uids.insert(server)  // a background server that outlives the next 1,000 steps
        let later = (0..<1000).map { _ in uids.next() }
        #expect(!later.contains(server))
        #expect(Set(later).count == 255, "every other uid of the range is reused: \(Set(later).count)")
        running.uids.remove(server)
        #expect((0..<256).map { _ in uids.next() }.contains(server), "once it ends, its uid is free again")
    }

    @Test func uidsAreAboveEveryRangeUsersAndNamespacesGet() {
        let uid = SandboxUIDs(inUse: { _ in false }).next()
        #expect(uid >= 0x5C00_0000)
    }
}
