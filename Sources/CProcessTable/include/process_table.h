// The processes in /proc, read to find and kill what a check's step left behind.
#ifndef CRUCIBLE_PROCESS_TABLE_H
#define CRUCIBLE_PROCESS_TABLE_H

#include <sys/types.h>

/// One process in /proc: the fields the runner needs to find and kill a step's processes.
typedef struct {
    pid_t pid;
    /// 'R', 'S', 'Z' (zombie: exited, waiting to be reaped), ...
    char state;
    pid_t process_group;
    long threads;
    /// Owner of /proc/PID, which is the process's effective uid.
    uid_t uid;
    /// CPU time in clock ticks (sysconf(_SC_CLK_TCK)): the process's own in user mode and in the
    /// kernel, and that of the children it has reaped.
    unsigned long user_ticks;
    unsigned long system_ticks;
    long children_user_ticks;
    long children_system_ticks;
} process_table_entry;

/// Fills `entries` with up to `capacity` processes from /proc and returns how many there are
/// (more than `capacity` means call again with room for them), or -1 with errno.
/// In C because a scan runs on every step's cleanup and Swift's per-file strings cost milliseconds.
int process_table_list(process_table_entry *entries, int capacity);

/// The peak resident set of process `pid` since its exec (VmHWM in /proc/PID/status), in KiB,
/// or -1 when it is gone or has none (a kernel thread, a zombie).
long process_table_peak_resident_kib(pid_t pid);

#endif
