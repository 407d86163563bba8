/// An operating system a lesson's check can run on, as a lesson's `platforms` names it.
public enum Platform: String, Sendable, Equatable, CaseIterable, Codable {
    case linux, macos

    /// The platform this copy of Crucible was built for.
    public static var current: Platform {
        #if os(Linux)
        .linux
        #else
        .macos
        #endif
    }

    /// The name people know it by: "Linux", "macOS".
    public var displayName: String {
        switch self {
        case .linux: "Linux"
        case .macos: "macOS"
        }
    }
}

/// The platforms a lesson's check runs on, from its `platforms` and `platform_note` keys.
///
/// The one place that decides whether a lesson can be checked on this machine's OS: the check
/// refuses it, `crucible verify` skips it and the course map marks it, all from here.
public struct PlatformSupport: Sendable, Equatable {
    /// The platforms the check runs on, in the order written; never empty.
    public var platforms: [Platform]
    /// Why the lesson needs them, such as "it counts allocations through glibc's `__libc_malloc`".
    public var note: String?

    public init(platforms: [Platform], note: String? = nil) {
        self.platforms = platforms
        self.note = note
    }

    /// Whether the check runs on `platform`.
    public func supports(_ platform: Platform) -> Bool { platforms.contains(platform) }

    /// "Linux only", "Linux and macOS only": short, for the course map beside the lesson.
    public var shortReason: String {
        let names = platforms.map(\.displayName)
        let list = names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
        return list + " only"
    }

    /// "this lesson runs on Linux only: it counts allocations through glibc's `__libc_malloc`":
    /// why a check or a verify run did nothing here.
    public var refusal: String {
        "this lesson runs on " + shortReason + (note.map { ": " + $0 } ?? "")
    }
}

extension Lesson {
    /// What stops the lesson's check on `platform`, or nil when it runs there (a lesson without
    /// `platforms` runs everywhere). Only code lessons are checked by running anything, so only
    /// they are ever stopped; the loader warns about `platforms` on other kinds.
    public func platformProblem(on platform: Platform = .current) -> PlatformSupport? {
        guard kind == .code, let platformSupport, !platformSupport.supports(platform) else { return nil }
        return platformSupport
    }
}
