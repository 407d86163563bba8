import Foundation

/// Reads the process table in /proc: who is still alive in a group, how many threads a user has.
enum ProcTable {
    /// One line of /proc/PID/stat, the fields we use.
    struct Entry {
        var pid: pid_t
        var state: Character
        var processGroup: pid_t
        var threads: Int
        var uid: uid_t
    }

    /// Every process that is not a zombie; zombies have exited and only wait to be reaped.
    static func liveProcesses() -> [Entry] {
        guard let directory = opendir("/proc") else { return [] }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let item = readdir(directory) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let pid = pid_t(name), let entry = entry(pid: pid), entry.state != "Z", entry.state != "X" else {
                continue
            }
            entries.append(entry)
        }
        return entries
    }

    /// Live members of process group `group`.
    static func liveMembers(ofGroup group: pid_t) -> [pid_t] {
        liveProcesses().filter { $0.processGroup == group }.map(\.pid)
    }

    /// Threads owned by `uid`, which is what RLIMIT_NPROC counts.
    static func threadCount(ofUser uid: uid_t) -> Int {
        liveProcesses().filter { $0.uid == uid }.reduce(0) { $0 + $1.threads }
    }

    /// Parses /proc/PID/stat, or nil if the process is gone.
    static func entry(pid: pid_t) -> Entry? {
        var info = stat()
        let directory = "/proc/\(pid)"
        guard stat(directory, &info) == 0, let text = readSmallFile(directory + "/stat") else { return nil }
        // The command name in parentheses may hold spaces and ')': split after the last ')'.
        guard let close = text.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = text[(close + 1)...].split(separator: UInt8(ascii: " "))
        guard fields.count > 17, let state = fields[0].first,
              let group = pid_t(String(decoding: fields[2], as: UTF8.self)),
              let threads = Int(String(decoding: fields[17], as: UTF8.self)) else { return nil }
        return Entry(pid: pid, state: Character(UnicodeScalar(state)), processGroup: group,
                     threads: threads, uid: info.st_uid)
    }

    /// A /proc file's bytes; these report size 0, so read until EOF.
    private static func readSmallFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { return count == 0 ? bytes : nil }
            bytes.append(contentsOf: buffer[..<count])
        }
    }
}
