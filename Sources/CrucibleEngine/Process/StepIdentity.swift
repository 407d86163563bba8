import Foundation

/// The user a step runs as, and the RLIMIT_NPROC that gives it `limits.processes` processes.
///
/// Fork-bomb containment. RLIMIT_NPROC counts every thread of the *real uid*, system-wide,
/// and does not bind root at all. So:
/// - Not root: the limit is the threads this uid already has plus the step's allowance,
///   so a desktop with hundreds of processes still leaves the step exactly its allowance.
/// - Root (CI, containers): the child switches to a fresh uid of its own (never a real
///   user's, nor "nobody", which concurrent steps would share and so starve each other),
///   group nogroup, with RLIMIT_NPROC = allowance. The working directory is chowned to it.
/// cgroup pids.max was considered: it needs a writable, delegated cgroup tree, which a
/// learner's machine usually lacks (v2 without delegation) and which differs by v1/v2.
/// Whatever the limit, the runner also sweeps the group (and, as root, the step's uid, which
/// catches processes that left the group) with SIGKILL until nothing live is left; this
/// converges quickly because the capped bomb cannot outgrow the sweep.
struct StepIdentity: Equatable {
    static let unset: Int64 = -1
    /// uid and gid to switch to, or `unset` to keep the runner's.
    var uid: Int64 = unset
    var gid: Int64 = unset
    /// RLIMIT_NPROC to set, or `unset`.
    var processLimit: Int64 = unset

    /// The uid this step alone runs as, if it was switched to one.
    var sandboxUID: uid_t? { uid == Self.unset ? nil : uid_t(uid) }

    /// The identity for `invocation`, chowning its working directory when switching uid.
    static func make(for invocation: ProcessInvocation) -> StepIdentity {
        guard let allowance = invocation.limits.processes else { return StepIdentity() }
        guard geteuid() == 0 else {
            let existing = ProcTable.threadCount(ofUser: getuid())
            return StepIdentity(processLimit: Int64(existing + max(allowance, 1)))
        }
        let uid = SandboxUIDs.shared.next()
        let gid: gid_t = 65534  // nogroup: no group-owned file becomes writable
        if let directory = invocation.workingDirectory { handOver(directory, to: uid, gid: gid) }
        return StepIdentity(uid: Int64(uid), gid: Int64(gid), processLimit: Int64(max(allowance, 1)))
    }

    /// Chowns `directory` and everything below it, without following symlinks.
    private static func handOver(_ directory: String, to uid: uid_t, gid: gid_t) {
        _ = lchown(directory, uid, gid)
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return }
        while let relative = walker.nextObject() as? String {
            _ = lchown(directory + "/" + relative, uid, gid)
        }
    }
}

/// Hands out uids no user has: a high range, keyed by our pid so concurrent runners differ.
///
/// A uid still in use is skipped. The counter wraps after 256 steps, and a runner whose pid shares
/// the low 16 bits with another's draws from the same range: a step given the uid of a still
/// running one (a background server, a step of a concurrent check) would share its RLIMIT_NPROC
/// count, and the sweep by uid after it ends would kill the other's processes.
final class SandboxUIDs: @unchecked Sendable {
    static let shared = SandboxUIDs()
    private let lock = NSLock()
    private var counter: UInt32 = 0
    /// Far above the ranges distributions and user namespaces (100000+65536 per user) hand out.
    private static let base: UInt32 = 0x5C00_0000
    /// Whether some process runs as the uid; a /proc scan, a few milliseconds, as root only.
    private let inUse: (uid_t) -> Bool

    init(inUse: @escaping (uid_t) -> Bool = { ProcTable.threadCount(ofUser: $0) > 0 }) {
        self.inUse = inUse
    }

    func next() -> uid_t {
        lock.lock()
        defer { lock.unlock() }
        let range = Self.base + (UInt32(truncatingIfNeeded: getpid()) & 0xFFFF) << 8
        // If all 256 are busy (no check runs that many processes at once), the last one is used.
        for _ in 0..<256 {
            counter &+= 1
            let uid = range + (counter & 0xFF)
            if !inUse(uid) { return uid }
        }
        return range + (counter & 0xFF)
    }
}
