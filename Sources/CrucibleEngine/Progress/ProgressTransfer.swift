import Foundation

// Moving progress between machines: export writes the whole file (every course) elsewhere,
// import merges such a file in without lowering anything.
extension ProgressStore {
    /// Writes every course's progress, as saved now, to `url` atomically.
    /// - Parameter replace: whether an existing file at `url` may be replaced.
    public func export(to url: URL, replace: Bool = false) throws(ProgressError) {
        if !replace, FileManager.default.fileExists(atPath: url.path) {
            throw .cannotSave(file: url.path, reason: "the file exists; pass --force to replace it")
        }
        try reload()
        do {
            try AtomicFile.write(try ProgressCoding.encode(all, keeping: unknownKeys), to: url)
        } catch let failure as FileSystemFailure {
            throw .cannotSave(file: url.path, reason: failure.reason)
        } catch {
            throw .cannotSave(file: url.path, reason: "\(error)")
        }
    }

    /// Reads a file written by ``export(to:replace:)`` (or a progress file), without changing anything.
    public static func readExport(_ url: URL) throws(ProgressError) -> SavedProgress {
        let data: Data
        switch AtomicFile.read(url, limit: ProgressFileLimits.maximumSize) {
        case .missing: throw .cannotImport(file: url.path, reason: "there is no such file")
        case .folder: throw .cannotImport(file: url.path, reason: "it is a folder, not a file")
        case .tooLarge(let size): throw .cannotImport(file: url.path, reason: ProgressFileLimits.tooLargeReason(size))
        case .failed(let reason): throw .cannotImport(file: url.path, reason: reason)
        case .bytes(let bytes): data = bytes
        }
        do {
            return try ProgressCoding.decode(data).progress
        } catch ProgressDecodingFailure.newerSchema(let version) {
            throw .cannotImport(
                file: url.path, reason: "it was written by a newer version of Crucible (progress schema \(version)); update Crucible first")
        } catch ProgressDecodingFailure.unreadable(let reason) {
            throw .cannotImport(file: url.path, reason: "it is not a Crucible progress file: \(reason)")
        } catch {
            throw .cannotImport(file: url.path, reason: "\(error)")
        }
    }
}
