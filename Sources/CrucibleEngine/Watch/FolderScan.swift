import Foundation

/// Small file system queries shared by the inotify and polling sources.
enum FolderScan {
    /// One entry of a folder listing.
    struct Entry {
        var name: String
        var isFolder: Bool
    }

    /// The device and inode of the folder at `path` (following symbolic links), or nil if it is not a folder.
    static func folderIdentity(_ path: String) -> FolderIdentity? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return FolderIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// The entries of the folder at `path` except `.` and `..`, or nothing if it cannot be read.
    ///
    /// Symbolic links are entries, not folders: following them could loop or leave the tree.
    static func entries(of path: String) -> [Entry] {
        guard let folder = opendir(path) else { return [] }
        defer { closedir(folder) }
        var result: [Entry] = []
        while let entry = readdir(folder) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                // Some file systems (XFS without ftype, some FUSE) leave the type out.
                var info = stat()
                isFolder = lstat(path + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            result.append(Entry(name: name, isFolder: isFolder))
        }
        return result
    }

    /// Whether changes made on another machine may never raise inotify events on this one:
    /// the folder is on NFS, SMB/CIFS, 9p (WSL's Windows drives), FUSE or virtiofs (container mounts).
    static func isRemoteFileSystem(_ path: String) -> Bool {
        guard let type = fileSystemType(of: path) else { return false }
        return ["nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "virtiofs", "vboxsf", "prl_fs", "vmhgfs"].contains(type)
            || type.hasPrefix("fuse")
    }

    /// The type of the file system holding `path` (such as `ext4` or `nfs4`), from the
    /// longest mount point in /proc/self/mounts that contains it.
    static func fileSystemType(of path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        let target = String(cString: resolved)
        free(resolved)
        guard let mounts = try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8) else { return nil }
        var best: (length: Int, type: String)?
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3 else { continue }
            // Spaces and other odd characters in mount points are octal escapes such as \040.
            let mountPoint = String(fields[1]).replacingOccurrences(of: "\\040", with: " ")
            let contains = mountPoint == "/" || target == mountPoint || target.hasPrefix(mountPoint + "/")
            if contains, mountPoint.count >= (best?.length ?? -1) { best = (mountPoint.count, String(fields[2])) }
        }
        return best?.type
    }
}

/// Which folder a path named when it was looked at, to notice a folder replaced by another.
struct FolderIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
}

extension Duration {
    /// Whole milliseconds, rounded up so that a poll(2) timeout never wakes before the deadline.
    var roundedUpMilliseconds: Int32 {
        guard self > .zero else { return 0 }
        let (seconds, attoseconds) = components
        let total = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: total)
    }
}
