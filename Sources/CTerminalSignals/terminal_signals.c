#include "terminal_signals.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// Everything a handler calls here is async-signal-safe: tcsetattr, write, sigaction, raise.

static struct termios saved_termios;

/// 1 while the full-screen UI owns the terminal; the restore functions do nothing otherwise.
static volatile sig_atomic_t terminal_active;

/// Set by SIGINT; the run loop reads it as Ctrl-C and quits cleanly.
static volatile sig_atomic_t interrupted;

static struct sigaction previous_actions[NSIG];

int crucible_save_termios(int fd) {
    return tcgetattr(fd, &saved_termios);
}

void crucible_restore_terminal(void) {
    if (!terminal_active) return;
    terminal_active = 0;
    static const char reset[] =
        "\033[?1000l\033[?1002l\033[?1003l\033[?1006l" // mouse reporting off
        "\033[0m"                                       // attributes off
        "\033[?1049l"                                   // leave the alternate screen
        "\033[?25h"                                     // show the cursor
        "\033[?1l\033>"                                 // normal cursor keys and keypad
        "\r\n";
    ssize_t unused = write(STDOUT_FILENO, reset, sizeof reset - 1);
    (void)unused;
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
}

/// Restores the terminal, lets whoever handled the signal before run (the
/// Swift runtime's crash backtracer, say), then re-raises it with the default
/// action. Called directly rather than re-raised to the previous handler,
/// because that handler returns for a signal sent with kill(1) and the
/// process would live on without a terminal.
static void fatal_signal(int sig, siginfo_t *info, void *context) {
    crucible_restore_terminal();
    struct sigaction previous = previous_actions[sig];
    // A signal sent with kill(2) (si_code <= 0) is no fault: there is nothing to backtrace, and
    // Swift's backtracer would hold the shell for 30 s asking for a key. Real faults still get it.
    int sent_by_a_process = info != NULL && info->si_code <= 0;
    if (sent_by_a_process) {
        // Straight to the default action below.
    } else if (previous.sa_flags & SA_SIGINFO) {
        if (previous.sa_sigaction) previous.sa_sigaction(sig, info, context);
    } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(sig);
    }
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(sig, &fallback, NULL);
    // Blocked while this handler runs, so it lands as the handler returns; a real
    // fault instead happens again when the faulting instruction re-runs.
    raise(sig);
}

/// The first Ctrl-C asks the run loop to quit; a second one before it does is fatal.
static void interrupt_signal(int sig, siginfo_t *info, void *context) {
    if (interrupted) {
        fatal_signal(sig, info, context);
        return;
    }
    interrupted = 1;
}

/// Installs `handler` for `sig`, remembering the previous action. A signal the
/// parent ignored (SIGHUP under nohup) stays ignored.
static void install_handler(int sig, void (*handler)(int, siginfo_t *, void *)) {
    struct sigaction previous;
    if (sigaction(sig, NULL, &previous) != 0) return;
    if (previous.sa_handler == SIG_IGN && !(previous.sa_flags & SA_SIGINFO)) return;
    previous_actions[sig] = previous;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = handler;
    sigemptyset(&action.sa_mask);
    // No SA_RESTART: a Ctrl-C must interrupt a blocking read so the run loop sees it.
    action.sa_flags = SA_SIGINFO;
    sigaction(sig, &action, NULL);
}

void crucible_terminal_released(void) { terminal_active = 0; }

/// Restores the terminal at process exit (an `exit()` somewhere while the UI is up).
static void restore_at_exit(void) { crucible_restore_terminal(); }

void crucible_install_restore_handlers(void) {
    static int installed;
    interrupted = 0;
    terminal_active = 1;
    if (installed) return;
    installed = 1;
    install_handler(SIGINT, interrupt_signal);
    int fatal[] = { SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGTRAP, SIGFPE };
    for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) {
        install_handler(fatal[i], fatal_signal);
    }
    atexit(restore_at_exit);
    // A parent may hand down a blocked mask (a test runner's thread, say); resizes,
    // Ctrl-C and termination must still arrive.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGWINCH);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    sigaddset(&wanted, SIGQUIT);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
}

int crucible_take_interrupt(void) {
    if (!interrupted) return 0;
    interrupted = 0;
    return 1;
}
