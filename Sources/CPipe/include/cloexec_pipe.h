// A pipe whose both ends are close-on-exec from the start, for a check's output and for
// waking the watcher and a cancellable wait. pipe2 is a GNU extension Swift's Glibc module
// does not show, and pipe() followed by fcntl would let a concurrent fork inherit the ends.
#ifndef CRUCIBLE_CLOEXEC_PIPE_H
#define CRUCIBLE_CLOEXEC_PIPE_H

/// pipe2 with O_CLOEXEC: fds[0] reads, fds[1] writes. Returns 0, or -1 with errno.
int cloexec_pipe(int fds[2]);

#endif
