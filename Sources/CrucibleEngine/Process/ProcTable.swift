import CProcessTable
import Foundation

/// Reads the process table in /proc: who is still alive in a group, how many threads a user has.
enum ProcTable {
    /// One process: its pid, state letter, process group, thread count and (effective) uid.
    typealias Entry = process_table_entry

    /// Every process that is not a zombie; zombies have exited and only wait to be reaped.
    static func liveProcesses() -> [Entry] {
        var capacity = 512
        while true {
            var entries = [Entry](repeating: Entry(), count: capacity)
            let count = Int(process_table_list(&entries, Int32(capacity)))
            if count < 0 { return [] }
            if count <= capacity {
                return entries[..<count].filter { $0.state != CChar(UInt8(ascii: "Z")) && $0.state != CChar(UInt8(ascii: "X")) }
            }
            capacity = count + 64  // processes appeared during the scan: retry with room
        }
    }

    /// Live members of process group `group`.
    static func liveMembers(ofGroup group: pid_t) -> [pid_t] {
        liveProcesses().filter { $0.process_group == group }.map(\.pid)
    }

    /// Threads owned by `uid`, which is what RLIMIT_NPROC counts.
    static func threadCount(ofUser uid: uid_t) -> Int {
        liveProcesses().filter { $0.uid == uid }.reduce(0) { $0 + $1.threads }
    }

    /// What the live members of process group `group` have used so far: CPU seconds (user and
    /// system, each member's own plus its reaped children's) summed over the members, and the
    /// largest member's peak resident set (VmHWM) in bytes. Nil when the group has no live member.
    ///
    /// VmHWM counts from the process's exec, so unlike wait4's `ru_maxrss` it has no floor of
    /// memory inherited at fork.
    static func usage(ofGroup group: pid_t) -> (userSeconds: Double, systemSeconds: Double, peakBytes: Int)? {
        let members = liveProcesses().filter { $0.process_group == group }
        guard !members.isEmpty else { return nil }
        let ticks = Double(max(sysconf(Int32(_SC_CLK_TCK)), 1))
        let user = members.reduce(0.0) { $0 + Double($1.user_ticks) + Double(max($1.children_user_ticks, 0)) } / ticks
        let system = members.reduce(0.0) { $0 + Double($1.system_ticks) + Double(max($1.children_system_ticks, 0)) } / ticks
        let peak = members.map { max(process_table_peak_resident_kib($0.pid), 0) }.max() ?? 0
        return (user, system, peak * 1024)
    }
}
