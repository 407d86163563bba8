#define _GNU_SOURCE
#include "process_spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
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

    if (setsid() < 0) child_fail(report_fd, CSPAWN_STAGE_STDIO);
    if (dup2(dev_null, STDIN_FILENO) < 0 || dup2(request->stdout_fd, STDOUT_FILENO) < 0 ||
        dup2(request->stderr_fd, STDERR_FILENO) < 0) {
        child_fail(report_fd, CSPAWN_STAGE_STDIO);
    }
    if (request->working_directory && chdir(request->working_directory) != 0) {
        child_fail(report_fd, CSPAWN_STAGE_CHDIR);
    }
    // Before the credentials change: joining the network namespace needs our privileges (root),
    // or those the user namespace that owns it gives its creator's uid.
    if (request->user_namespace_fd >= 0 && setns(request->user_namespace_fd, CLONE_NEWUSER) != 0) {
        child_fail(report_fd, CSPAWN_STAGE_NAMESPACE);
    }
    if (request->network_namespace_fd >= 0 && setns(request->network_namespace_fd, CLONE_NEWNET) != 0) {
        child_fail(report_fd, CSPAWN_STAGE_NAMESPACE);
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

/// Waits for the child's report on `report_fd` (closing it): EOF means it got past its setup
/// (exec, for a step); a message means it failed, and then the child is reaped and -1 returned
/// with `*failed_stage` and `*failed_errno` from the message.
static int child_report(int report_fd, pid_t pid, int *failed_stage, int *failed_errno) {
    int message[2];
    ssize_t got;
    do {
        got = read(report_fd, message, sizeof message);
    } while (got < 0 && errno == EINTR);
    close(report_fd);
    if (got != (ssize_t)sizeof message) return 0;
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    *failed_stage = message[0];
    *failed_errno = message[1];
    return -1;
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
    // The child's setsid made it the leader of its own group before exec, which the report
    // below waits for, so the group exists before anyone signals it.

    return child_report(report[0], pid, failed_stage, failed_errno) == 0 ? pid : -1;
}

/// Writes `text` to the file at `path`; async-signal-safe.
static int write_file(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t length = (ssize_t)strlen(text);
    ssize_t written = write(fd, text, (size_t)length);
    close(fd);
    return written == length ? 0 : -1;
}

/// "N N 1\n" into `buffer`: maps id N inside to N outside. Async-signal-safe.
static void identity_map(char *buffer, unsigned long id) {
    char digits[24];
    int count = 0;
    do {
        digits[count++] = (char)('0' + id % 10);
        id /= 10;
    } while (id > 0);
    int at = 0;
    for (int copy = 0; copy < 2; copy++) {
        for (int index = count - 1; index >= 0; index--) buffer[at++] = digits[index];
        buffer[at++] = ' ';
    }
    buffer[at++] = '1';
    buffer[at++] = '\n';
    buffer[at] = 0;
}

/// Closes every descriptor from 3 up except `keep_low` and `keep_high` (keep_low < keep_high).
static void close_other_descriptors(int keep_low, int keep_high) {
    int ranges[3][2] = {{3, keep_low - 1}, {keep_low + 1, keep_high - 1}, {keep_high + 1, -1}};
    for (int index = 0; index < 3; index++) {
        unsigned int first = (unsigned int)ranges[index][0];
        unsigned int last = ranges[index][1] < 0 ? ~0U : (unsigned int)ranges[index][1];
        if (ranges[index][1] >= 0 && ranges[index][1] < ranges[index][0]) continue;
        if (syscall(SYS_close_range, first, last, 0) == 0) continue;
        // Kernels before 5.9: close one by one, up to the descriptor limit.
        long max = sysconf(_SC_OPEN_MAX);
        if (max < 0 || max > 65536) max = 65536;
        for (long fd = first; fd <= (long)last && fd < max; fd++) close((int)fd);
    }
}

/// Sends `fd` over the Unix socket `channel` (SCM_RIGHTS) with a one-byte payload.
static int send_descriptor(int channel, int fd) {
    char byte = 0;
    struct iovec data = {.iov_base = &byte, .iov_len = 1};
    union {
        char buffer[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } control;
    memset(&control, 0, sizeof control);
    struct msghdr message = {.msg_iov = &data, .msg_iovlen = 1, .msg_control = control.buffer, .msg_controllen = sizeof control.buffer};
    struct cmsghdr *header = CMSG_FIRSTHDR(&message);
    header->cmsg_level = SOL_SOCKET;
    header->cmsg_type = SCM_RIGHTS;
    header->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(header), &fd, sizeof(int));
    ssize_t sent;
    do {
        sent = sendmsg(channel, &message, MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    return sent == 1 ? 0 : -1;
}

/// The holder between fork and its wait: unshare, map ids, bring up lo, report, block.
static void holder_run(int report_fd, int control_fd, uid_t uid, gid_t gid) {
    // The holder never execs, so close-on-exec does not apply: close every other descriptor, or a
    // holder started while another check runs would keep that check's control socket open, and
    // its holder (and the wait for it) alive, until this check ends.
    int low = report_fd < control_fd ? report_fd : control_fd;
    int high = report_fd < control_fd ? control_fd : report_fd;
    close_other_descriptors(low, high);
    int flags = CLONE_NEWNET;
    if (uid != 0) flags |= CLONE_NEWUSER;
    if (unshare(flags) != 0) child_fail(report_fd, CSPAWN_STAGE_NAMESPACE);
    if (uid != 0) {
        char map[64];
        identity_map(map, uid);
        if (write_file("/proc/self/uid_map", map) != 0) child_fail(report_fd, CSPAWN_STAGE_NAMESPACE);
        if (write_file("/proc/self/setgroups", "deny") != 0) child_fail(report_fd, CSPAWN_STAGE_NAMESPACE);
        identity_map(map, gid);
        if (write_file("/proc/self/gid_map", map) != 0) child_fail(report_fd, CSPAWN_STAGE_NAMESPACE);
    }
    int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    struct ifreq request;
    memset(&request, 0, sizeof request);
    memcpy(request.ifr_name, "lo", 3);
    if (sock < 0 || ioctl(sock, SIOCGIFFLAGS, &request) != 0) child_fail(report_fd, CSPAWN_STAGE_NAMESPACE);
    request.ifr_flags |= IFF_UP | IFF_RUNNING;
    if (ioctl(sock, SIOCSIFFLAGS, &request) != 0) child_fail(report_fd, CSPAWN_STAGE_NAMESPACE);
    close(sock);
    close(report_fd);  // success: EOF without a message
    // Serve: each byte asks for a TCP socket made here, in the check's namespace, sent back over
    // the control socket; its end (our parent closing it, or exiting) ends us.
    for (;;) {
        char byte;
        ssize_t got = recv(control_fd, &byte, 1, 0);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        int made = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (made < 0) made = open("/dev/null", O_RDONLY | O_CLOEXEC);  // a reply still goes out
        send_descriptor(control_fd, made);
        close(made);
    }
    _exit(0);
}

pid_t cspawn_network_start(int *control_fd, int *failed_errno) {
    *failed_errno = 0;
    int report[2], control[2];
    if (pipe2(report, O_CLOEXEC) != 0) {
        *failed_errno = errno;
        return -1;
    }
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, control) != 0) {
        *failed_errno = errno;
        close(report[0]);
        close(report[1]);
        return -1;
    }
    uid_t uid = geteuid();
    gid_t gid = getegid();
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    pid_t pid = fork();
    if (pid == 0) {
        close(control[0]);
        holder_run(report[1], control[1], uid, gid);
    }
    int fork_errno = errno;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    close(report[1]);
    close(control[1]);
    if (pid < 0) {
        close(report[0]);
        close(control[0]);
        *failed_errno = fork_errno;
        return -1;
    }
    int failed_stage;
    if (child_report(report[0], pid, &failed_stage, failed_errno) != 0) {
        close(control[0]);
        return -1;
    }
    *control_fd = control[0];
    return pid;
}

int cspawn_network_socket(int control_fd) {
    char byte = 1;
    ssize_t sent;
    do {
        sent = send(control_fd, &byte, 1, MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    if (sent != 1) return -1;
    char reply;
    struct iovec data = {.iov_base = &reply, .iov_len = 1};
    union {
        char buffer[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } control;
    struct msghdr message = {.msg_iov = &data, .msg_iovlen = 1, .msg_control = control.buffer, .msg_controllen = sizeof control.buffer};
    ssize_t got;
    do {
        got = recvmsg(control_fd, &message, MSG_CMSG_CLOEXEC);
    } while (got < 0 && errno == EINTR);
    struct cmsghdr *header = got == 1 ? CMSG_FIRSTHDR(&message) : NULL;
    if (!header || header->cmsg_level != SOL_SOCKET || header->cmsg_type != SCM_RIGHTS) {
        errno = EPROTO;
        return -1;
    }
    int fd;
    memcpy(&fd, CMSG_DATA(header), sizeof(int));
    return fd;
}

void cspawn_network_stop(pid_t holder, int control_fd) {
    close(control_fd);
    int status;
    while (waitpid(holder, &status, 0) < 0 && errno == EINTR) {}
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
