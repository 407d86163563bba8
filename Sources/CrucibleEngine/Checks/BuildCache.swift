import Foundation

/// A course's build cache: one folder per lesson (`{cache}` in a step) that survives between
/// checks, for a build tool's own cache (Go's `GOCACHE`, a cargo target folder), so a check does
/// not rebuild the standard library or a crate's dependencies every time.
///
/// The tools keep their caches safe for concurrent builds, so checks of one lesson may share
/// its folder. `crucible reset` and `crucible cache clean` empty it.
public struct BuildCache: Sendable, Equatable {
    /// The course's folder, holding one folder per lesson id.
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// The course `courseID`'s folder under `root` (see ``defaultRoot(environment:)``).
    public init(root: URL, courseID: String) {
        folder = root.appendingPathComponent("build-cache").appendingPathComponent(courseID)
    }

    /// `$XDG_CACHE_HOME/crucible`, else `~/.cache/crucible`: the root of every Crucible cache.
    public static func defaultRoot(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        BaseFolder.cache.crucible(environment: environment)
    }

    /// For an engine given none (tests, previews): a folder under the temporary directory, so
    /// nothing lands in the learner's own cache.
    public static let temporary = BuildCache(
        folder: URL(fileURLWithPath: ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
            .appendingPathComponent("crucible-build-cache"))

    /// The lesson's folder (it may not exist yet).
    public func folder(for lessonID: String) -> URL {
        folder.appendingPathComponent(lessonID, isDirectory: true)
    }

    /// The lesson's folder, created if missing. Checks of the lesson running at once may race
    /// to create it; whichever loses finds it made.
    func prepare(lessonID: String) throws -> URL {
        let url = folder(for: lessonID)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { throw error }
        }
        return url
    }

    /// The lesson ids that have a folder, sorted.
    public func lessonIDs() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    /// One lesson folder removed: whose, where, and how many bytes its files took.
    public struct Removal: Sendable, Equatable {
        public var lessonID: String
        public var folder: URL
        public var bytes: Int64
    }

    /// Removes the folders of `lessonIDs` that exist (every lesson's when nil); returns what
    /// was removed. A folder that cannot be removed is an error naming it.
    public func empty(lessonIDs ids: [String]? = nil) throws -> [Removal] {
        var removals: [Removal] = []
        for id in ids ?? lessonIDs() {
            let url = folder(for: id)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let bytes = Self.size(of: url)
            do {
                try Self.remove(url)
            } catch {
                throw BuildCacheError(message: "cannot remove the build cache of `\(id)` in \(url.path): \(error.localizedDescription)")
            }
            removals.append(Removal(lessonID: id, folder: url, bytes: bytes))
        }
        return removals
    }

    /// The bytes the regular files under `url` take, not following links.
    public static func size(of url: URL) -> Int64 {
        var total: Int64 = 0
        guard let walker = FileManager.default.enumerator(atPath: url.path) else { return 0 }
        while let relative = walker.nextObject() as? String {
            var info = stat()
            if lstat(url.appendingPathComponent(relative).path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
                total += Int64(info.st_size)
            }
        }
        return total
    }

    /// Removes `url`, first making its folders writable: Go's module cache marks its files and
    /// folders read-only, which would stop a plain removal.
    private static func remove(_ url: URL) throws {
        if let walker = FileManager.default.enumerator(atPath: url.path) {
            while let relative = walker.nextObject() as? String {
                let path = url.appendingPathComponent(relative).path
                var info = stat()
                if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { _ = chmod(path, 0o700) }
            }
        }
        try FileManager.default.removeItem(at: url)
    }

    /// A byte count for people: "0 bytes", "812 KB", "41.3 MB", "1.2 GB" (decimal units, as `du -h --si`).
    public static func sizeText(_ bytes: Int64) -> String {
        let value = Double(bytes)
        if bytes < 1000 { return "\(bytes) byte" + (bytes == 1 ? "" : "s") }
        for (unit, size) in [("GB", 1e9), ("MB", 1e6)] where value >= size {
            return String(format: "%.1f", value / size) + " " + unit
        }
        return String(format: "%.0f", value / 1e3) + " KB"
    }
}

/// A build cache folder that could not be made or removed.
public struct BuildCacheError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
