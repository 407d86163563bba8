#include "process_table.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/// Parses /proc/PID/stat. The command name in parentheses may hold spaces and ')',
/// so fields are counted from the last ')'.
static int read_proc_entry(pid_t pid, process_table_entry *entry) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d", (int)pid);
    struct stat info;
    if (stat(path, &info) != 0) return -1;
    strncat(path, "/stat", sizeof path - strlen(path) - 1);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    char text[1024];
    ssize_t length = read(fd, text, sizeof text - 1);
    close(fd);
    if (length <= 0) return -1;
    text[length] = '\0';
    char *after_name = strrchr(text, ')');
    if (!after_name) return -1;
    // After ") ": state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt
    //             utime stime cutime cstime priority nice num_threads
    char state;
    int group;
    long threads;
    unsigned long user_ticks, system_ticks;
    long children_user_ticks, children_system_ticks;
    if (sscanf(after_name + 1, " %c %*d %d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu %ld %ld %*d %*d %ld", &state, &group,
               &user_ticks, &system_ticks, &children_user_ticks, &children_system_ticks, &threads) != 7) {
        return -1;
    }
    entry->user_ticks = user_ticks;
    entry->system_ticks = system_ticks;
    entry->children_user_ticks = children_user_ticks;
    entry->children_system_ticks = children_system_ticks;
    entry->pid = pid;
    entry->state = state;
    entry->process_group = group;
    entry->threads = threads;
    entry->uid = info.st_uid;
    return 0;
}

int process_table_list(process_table_entry *entries, int capacity) {
    DIR *directory = opendir("/proc");
    if (!directory) return -1;
    int count = 0;
    struct dirent *item;
    while ((item = readdir(directory)) != NULL) {
        char *end;
        long pid = strtol(item->d_name, &end, 10);
        if (*end != '\0' || pid <= 0) continue;
        process_table_entry entry;
        if (read_proc_entry((pid_t)pid, &entry) != 0) continue;  // gone meanwhile
        if (count < capacity) entries[count] = entry;
        count++;
    }
    closedir(directory);
    return count;
}

long process_table_peak_resident_kib(pid_t pid) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *file = fopen(path, "re");
    if (!file) return -1;
    char line[256];
    long kib = -1;
    while (fgets(line, sizeof line, file)) {
        if (strncmp(line, "VmHWM:", 6) == 0) {
            kib = strtol(line + 6, NULL, 10);
            break;
        }
    }
    fclose(file);
    return kib;
}
