// Process spawning for checks: fork, own process group, resource limits, exec; then
// waiting for the child (pidfd, waitid) and decoding how it ended.
// Written in C because the child side between fork and exec must only call
// async-signal-safe functions, which Swift cannot promise.
#ifndef CRUCIBLE_PROCESS_SPAWN_H
#define CRUCIBLE_PROCESS_SPAWN_H

#include <sys/types.h>

/// A limit or id left as it is.
#define CSPAWN_UNSET (-1LL)

/// What to start and how to confine it. Every pointer must stay valid during `cspawn_start`.
typedef struct {
    /// Absolute or relative path of the program, already looked up on PATH.
    const char *path;
    /// NULL-terminated argument vector, argv[0] included.
    char *const *argv;
    /// NULL-terminated "NAME=value" environment.
    char *const *envp;
    /// Directory to change into, or NULL to stay.
    const char *working_directory;
    /// Write ends of the pipes that become the child's stdout and stderr.
    int stdout_fd;
    int stderr_fd;
    /// RLIMIT_CPU seconds, RLIMIT_AS bytes, RLIMIT_FSIZE bytes, RLIMIT_NPROC count; CSPAWN_UNSET for none.
    long long cpu_seconds;
    long long address_space_bytes;
    long long file_size_bytes;
    long long processes;
    /// User and group to switch to before exec (root only), or CSPAWN_UNSET to keep ours.
    long long uid;
    long long gid;
    /// Namespaces to join before the credentials change (setns), or -1: a check's shared network
    /// namespace, and when we are not root the user namespace that owns it (`cspawn_network_start`).
    int user_namespace_fd;
    int network_namespace_fd;
} cspawn_request;

/// Where starting the child failed, reported with an errno.
typedef enum {
    CSPAWN_STAGE_NONE = 0,
    CSPAWN_STAGE_PIPE,
    CSPAWN_STAGE_FORK,
    CSPAWN_STAGE_STDIO,
    CSPAWN_STAGE_CHDIR,
    CSPAWN_STAGE_RLIMIT,
    CSPAWN_STAGE_CREDENTIALS,
    CSPAWN_STAGE_EXEC,
    CSPAWN_STAGE_NAMESPACE,
} cspawn_stage;

/// Forks and execs `request` in a new session (so a new process group, and no controlling
/// terminal to write to or inject keys into) with stdin on /dev/null.
/// Returns the child's pid (which is also its process group id) once exec succeeded,
/// or -1 with `*failed_stage` and `*failed_errno` set; a child whose exec failed is already reaped.
pid_t cspawn_start(const cspawn_request *request, int *failed_stage, int *failed_errno);

/// Starts the holder of a check's private network namespace: a child that unshares a network
/// namespace (and, when we are not root, a user namespace owning it), brings its loopback
/// interface up, and serves `*control_fd` until it is closed, by `cspawn_network_stop` or by our
/// own exit. Its namespaces outlive no check. Returns the holder's pid, or -1 with
/// `*failed_errno` set.
pid_t cspawn_network_start(int *control_fd, int *failed_errno);

/// A new TCP socket (close-on-exec) made inside the holder's network namespace, so that connecting
/// it to 127.0.0.1 reaches the check's loopback; -1 with errno on failure. One caller at a time.
int cspawn_network_socket(int control_fd);

/// Ends the holder: closes its control socket and reaps it.
void cspawn_network_stop(pid_t holder, int control_fd);

/// A pollable descriptor that becomes readable when `pid` exits (pidfd_open), or -1 with errno.
int cspawn_pidfd_open(pid_t pid);

/// What the kernel reports about an exited child.
typedef struct {
    int status;
    /// Peak resident set size, KiB.
    long max_rss_kib;
    /// User plus system CPU time, milliseconds.
    long long cpu_milliseconds;
    /// User and system CPU time apart, microseconds.
    long long user_microseconds;
    long long system_microseconds;
} cspawn_exit;

/// Whether `pid` has exited, without reaping it (waitid with WNOWAIT): its pid, and so the
/// process group id, stays reserved until `cspawn_reap`. `*exited_cleanly` tells exit code 0.
int cspawn_has_exited(pid_t pid, int *exited_cleanly);

/// Reaps `pid` without blocking. Returns the pid when reaped, 0 if it is still running, -1 on error.
/// The usage in `exit_info` is wait4's: the child's own plus that of every descendant it (or a
/// descendant) waited for before exiting. Descendants still running when it exited, killed later
/// with the group or reparented, are not counted.
pid_t cspawn_reap(pid_t pid, cspawn_exit *exit_info);

/// Decoders for a wait status, which are macros Swift cannot call.
int cspawn_exited(int status);
int cspawn_exit_code(int status);
int cspawn_signaled(int status);
int cspawn_term_signal(int status);

#endif
