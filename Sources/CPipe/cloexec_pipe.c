#define _GNU_SOURCE
#include "cloexec_pipe.h"

#include <fcntl.h>
#include <unistd.h>

int cloexec_pipe(int fds[2]) {
    return pipe2(fds, O_CLOEXEC);
}
