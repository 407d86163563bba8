import Foundation
import Glibc

/// The courses the learner trusted to run commands on this machine, in
/// `$XDG_CONFIG_HOME/crucible/trust.json` (or `~/.config/crucible/trust.json`, or `$CRUCIBLE_TRUST_FILE`),
/// keyed by the real path of each course folder, each with the ``CourseFingerprint`` it was trusted with.
///
/// A file that cannot be read means nothing is trusted, and says so; the next save sets it aside as
/// `trust.json.corrupt-TIME` and names where it went, so it is never overwritten unannounced.
public struct TrustStore: Sendable {
    /// The environment variable naming the trust file.
    public static let environmentKey = "CRUCIBLE_TRUST_FILE"
    /// Larger than any real file (a few hundred bytes per course); a larger one is not read.
    static let maximumSize = 4 << 20

    /// One trusted course.
    public struct Record: Sendable, Equatable, Codable {
        /// The course's title when it was trusted, for people reading the file.
        public var title: String
        public var fingerprint: CourseFingerprint
        public var trustedAt: Date

        public init(title: String, fingerprint: CourseFingerprint, trustedAt: Date = Date()) {
            self.title = title
            self.fingerprint = fingerprint
            self.trustedAt = trustedAt
        }
    }

    /// What the file holds: the records, and why it could not be read when it could not.
    public struct Contents: Sendable, Equatable {
        public var records: [String: Record] = [:]
        /// Set when the file exists but cannot be used; the records are then empty.
        public var problem: String?
    }

    private struct FileFormat: Codable {
        var version = 1
        var courses: [String: Record]
    }

    public let file: URL

    public init(file: URL) { self.file = file }

    /// `$CRUCIBLE_TRUST_FILE`, else `$XDG_CONFIG_HOME/crucible/trust.json` (when absolute), else
    /// `~/.config/crucible/trust.json`.
    public static func defaultFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let named = environment[environmentKey], !named.isEmpty { return URL(fileURLWithPath: named) }
        return BaseFolder.config.crucible(environment: environment).appendingPathComponent("trust.json")
    }

    /// The key of a course folder: its real path (links resolved), so two spellings of one folder are one course.
    public static func key(for folder: URL) -> String {
        let path = folder.standardizedFileURL.path
        return WorkspaceIO.realPath(path) ?? path
    }

    /// Reads the file; a missing file is an empty store.
    public func read() -> Contents {
        switch AtomicFile.read(file, limit: Self.maximumSize) {
        case .missing:
            return Contents()
        case .folder:
            return Contents(problem: "\(file.path) is a folder, not a file; no course is trusted until it is moved away")
        case .tooLarge(let size):
            return Contents(problem: "\(file.path) is \(size) bytes, over the \(Self.maximumSize)-byte limit; no course is trusted")
        case .failed(let reason):
            return Contents(problem: "\(file.path) cannot be read: \(reason); no course is trusted")
        case .bytes(let data):
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            do {
                return Contents(records: try decoder.decode(FileFormat.self, from: data).courses)
            } catch {
                return Contents(
                    problem: """
                        \(file.path) is not a trust file Crucible can read (\(Self.reason(error))); no course is \
                        trusted, and the next trust sets it aside as \(file.lastPathComponent).corrupt-TIME
                        """)
            }
        }
    }

    /// The record of the course in `folder`, nil when it is not trusted.
    public func record(for folder: URL) -> Record? { read().records[Self.key(for: folder)] }

    /// Remembers that the course in `folder` is trusted as `fingerprint` now. Returns notices to show
    /// (an unreadable file set aside, and where).
    @discardableResult
    public func trust(_ folder: URL, title: String, fingerprint: CourseFingerprint) throws(TrustStoreError) -> [String] {
        try change { $0[Self.key(for: folder)] = Record(title: title, fingerprint: fingerprint) }
    }

    /// Forgets the course in `folder`; `removed` says whether it was trusted.
    public func untrust(_ folder: URL) throws(TrustStoreError) -> (removed: Bool, notices: [String]) {
        var removed = false
        let notices = try change { removed = $0.removeValue(forKey: Self.key(for: folder)) != nil }
        return (removed, notices)
    }

    /// Re-reads the file under its lock, applies `edit`, and writes it atomically.
    private func change(_ edit: (inout [String: Record]) -> Void) throws(TrustStoreError) -> [String] {
        do { try AtomicFile.createFolder(file.deletingLastPathComponent()) } catch { throw TrustStoreError(message: error.description) }
        let lock: FileLock
        do { lock = try FileLock(URL(fileURLWithPath: file.path + ".lock"), timeout: 5) } catch {
            throw TrustStoreError(message: "cannot lock \(file.path): \(error)")
        }
        defer { withExtendedLifetime(lock) {} }
        var notices: [String] = []
        var contents = read()
        if let problem = contents.problem {
            guard let aside = ProgressStore.moveAside(file) else {
                throw TrustStoreError(message: problem + "; it cannot be moved aside either, so it is left as it is")
            }
            notices.append("\(problem.components(separatedBy: ";").first ?? problem); moved to \(aside.path)")
            contents = Contents()
        }
        edit(&contents.records)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        do {
            let data = try encoder.encode(FileFormat(courses: contents.records))
            try AtomicFile.write(data + Data("\n".utf8), to: file)
        } catch let failure as FileSystemFailure {
            throw TrustStoreError(message: failure.description)
        } catch {
            throw TrustStoreError(message: "cannot save \(file.path): \(error)")
        }
        return notices
    }

    private static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): "not valid JSON: \(context.debugDescription)"
        case DecodingError.keyNotFound(let key, _): "the key `\(key.stringValue)` is missing"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "`\(context.codingPath.map(\.stringValue).joined(separator: "."))` has the wrong type"
        default: "\(error)"
        }
    }
}

/// The trust file could not be saved; the message says why, in plain words.
public struct TrustStoreError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
