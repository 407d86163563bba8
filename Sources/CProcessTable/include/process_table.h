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
} process_table_entry;

/// Fills `entries` with up to `capacity` processes from /proc and returns how many there are
/// (more than `capacity` means call again with room for them), or -1 with errno.
/// In C because a scan runs on every step's cleanup and Swift's per-file strings cost milliseconds.
int process_table_list(process_table_entry *entries, int capacity);

#endif
