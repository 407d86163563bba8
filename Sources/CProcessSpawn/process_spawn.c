#define _GNU_SOURCE
#include "process_spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_close_range
#define SYS_close_range 436
#endif
#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

/// Reports a failed step to the parent through the CLOEXEC pipe and ends the child.
static void child_fail(int report_fd, int stage) {
    int message[2] = {stage, errno};
    ssize_t ignored = write(report_fd, message, sizeof message);
    (void)ignored;
    _exit(127);
}

/// Sets soft and hard limit of `resource`; CPU gets a hard limit one second later
/// so the child first sees SIGXCPU, which tells the parent which limit it hit.
/// Never asks above the current hard limit, which an unprivileged process cannot raise.
static int child_limit(int resource, long long value) {
    if (value == CSPAWN_UNSET) return 0;
    struct rlimit current;
    if (getrlimit(resource, &current) != 0) return -1;
    struct rlimit limit = {(rlim_t)value, (rlim_t)value};
    if (resource == RLIMIT_CPU) limit.rlim_max = (rlim_t)value + 1;
    if (current.rlim_max != RLIM_INFINITY) {
        if (limit.rlim_max > current.rlim_max) limit.rlim_max = current.rlim_max;
        if (limit.rlim_cur > limit.rlim_max) limit.rlim_cur = limit.rlim_max;
    }
    return setrlimit(resource, &limit);
}

/// Marks every descriptor above stderr close-on-exec, so only 0, 1 and 2 reach the program
/// and the report pipe stays open until exec succeeds.
static void child_close_other_fds(int report_fd) {
    if (syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC) == 0) return;
    struct rlimit files;
    long highest = (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY)
        ? (long)files.rlim_cur : 65536;
    for (long fd = 3; fd < highest; fd++) {
        if (fd != report_fd) close((int)fd);
    }
}

/// The child between fork and exec: async-signal-safe calls only.
static void child_run(const cspawn_request *request, int dev_null, int report_fd,
                      const sigset_t *empty_mask) {
    struct sigaction default_action = {0};
    default_action.sa_handler = SIG_DFL;
    for (int signal_number = 1; signal_number < NSIG; signal_number++) {
        sigaction(signal_number, &default_action, NULL);  // SIGKILL/SIGSTOP fail harmlessly
    }
    sigprocmask(SIG_SETMASK, empty_mask, NULL);

    if (setpgid(0, 0) != 0) child_fail(report_fd, CSPAWN_STAGE_STDIO);
    if (dup2(dev_null, STDIN_FILENO) < 0 || dup2(request->stdout_fd, STDOUT_FILENO) < 0 ||
        dup2(request->stderr_fd, STDERR_FILENO) < 0) {
        child_fail(report_fd, CSPAWN_STAGE_STDIO);
    }
    if (request->working_directory && chdir(request->working_directory) != 0) {
        child_fail(report_fd, CSPAWN_STAGE_CHDIR);
    }
    if (child_limit(RLIMIT_CPU, request->cpu_seconds) != 0 ||
        child_limit(RLIMIT_AS, request->address_space_bytes) != 0 ||
        child_limit(RLIMIT_FSIZE, request->file_size_bytes) != 0 ||
        child_limit(RLIMIT_NPROC, request->processes) != 0) {
        child_fail(report_fd, CSPAWN_STAGE_RLIMIT);
    }
    // Raw syscalls: glibc's setuid family signals every thread of the process, which
    // is not safe in a child forked from a multithreaded parent.
    if (request->gid != CSPAWN_UNSET) {
        if (syscall(SYS_setgroups, 0, NULL) != 0 ||
            syscall(SYS_setresgid, (gid_t)request->gid, (gid_t)request->gid, (gid_t)request->gid) != 0) {
            child_fail(report_fd, CSPAWN_STAGE_CREDENTIALS);
        }
    }
    if (request->uid != CSPAWN_UNSET &&
        syscall(SYS_setresuid, (uid_t)request->uid, (uid_t)request->uid, (uid_t)request->uid) != 0) {
        child_fail(report_fd, CSPAWN_STAGE_CREDENTIALS);
    }
    child_close_other_fds(report_fd);
    execve(request->path, request->argv, request->envp);
    child_fail(report_fd, CSPAWN_STAGE_EXEC);
}

pid_t cspawn_start(const cspawn_request *request, int *failed_stage, int *failed_errno) {
    *failed_stage = CSPAWN_STAGE_NONE;
    *failed_errno = 0;
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) {
        *failed_stage = CSPAWN_STAGE_PIPE;
        *failed_errno = errno;
        return -1;
    }
    int dev_null = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (dev_null < 0) {
        *failed_stage = CSPAWN_STAGE_STDIO;
        *failed_errno = errno;
        close(report[0]);
        close(report[1]);
        return -1;
    }

    // Block every signal across fork so no handler of ours runs in the child
    // before it has put the default dispositions back.
    sigset_t all, previous, empty;
    sigfillset(&all);
    sigemptyset(&empty);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    pid_t pid = fork();
    if (pid == 0) child_run(request, dev_null, report[1], &empty);
    int fork_errno = errno;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    close(dev_null);
    close(report[1]);

    if (pid < 0) {
        close(report[0]);
        *failed_stage = CSPAWN_STAGE_FORK;
        *failed_errno = fork_errno;
        return -1;
    }
    // Also from the parent: whichever runs first, the group exists before we signal it.
    setpgid(pid, pid);

    int message[2];
    ssize_t got;
    do {
        got = read(report[0], message, sizeof message);
    } while (got < 0 && errno == EINTR);
    close(report[0]);
    if (got == (ssize_t)sizeof message) {
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        *failed_stage = message[0];
        *failed_errno = message[1];
        return -1;
    }
    return pid;
}

int cspawn_pidfd_open(pid_t pid) {
    return (int)syscall(SYS_pidfd_open, pid, 0);
}

int cspawn_has_exited(pid_t pid, int *exited_cleanly) {
    siginfo_t info = {0};
    while (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT) != 0) {
        if (errno != EINTR) return 0;
    }
    *exited_cleanly = info.si_code == CLD_EXITED && info.si_status == 0;
    return info.si_pid == pid;
}

pid_t cspawn_reap(pid_t pid, cspawn_exit *exit_info) {
    struct rusage usage = {0};
    pid_t result;
    do {
        result = wait4(pid, &exit_info->status, WNOHANG, &usage);
    } while (result < 0 && errno == EINTR);
    exit_info->max_rss_kib = usage.ru_maxrss;
    exit_info->user_microseconds = (long long)usage.ru_utime.tv_sec * 1000000 + usage.ru_utime.tv_usec;
    exit_info->system_microseconds = (long long)usage.ru_stime.tv_sec * 1000000 + usage.ru_stime.tv_usec;
    exit_info->cpu_milliseconds = (exit_info->user_microseconds + exit_info->system_microseconds) / 1000;
    return result;
}

int cspawn_exited(int status) { return WIFEXITED(status); }
int cspawn_exit_code(int status) { return WEXITSTATUS(status); }
int cspawn_signaled(int status) { return WIFSIGNALED(status); }
int cspawn_term_signal(int status) { return WTERMSIG(status); }
