// Wide-character ncurses. The defines must come before the header so that
// cchar_t, add_wch and friends are declared.
#ifndef CRUCIBLE_NCURSES_SHIM_H
#define CRUCIBLE_NCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// Swift sees neither function-like macros nor (in Swift 6) mutable C globals,
// so everything below is a tiny inline function. Only CrucibleTerminal imports
// this module, so the static state below exists once in the process.

// MARK: - Globals

static inline WINDOW *crucible_stdscr(void) { return stdscr; }
static inline int crucible_lines(void) { return LINES; }
static inline int crucible_cols(void) { return COLS; }
static inline int crucible_colors(void) { return COLORS; }
static inline int crucible_color_pairs(void) { return COLOR_PAIRS; }

// MARK: - Attributes and colours

static inline attr_t crucible_a_normal(void) { return A_NORMAL; }
static inline attr_t crucible_a_bold(void) { return A_BOLD; }
static inline attr_t crucible_a_dim(void) { return A_DIM; }
static inline attr_t crucible_a_italic(void) { return A_ITALIC; }
static inline attr_t crucible_a_underline(void) { return A_UNDERLINE; }
static inline attr_t crucible_a_reverse(void) { return A_REVERSE; }
static inline attr_t crucible_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }

// MARK: - Keys

static inline int crucible_key_code_yes(void) { return KEY_CODE_YES; }
static inline int crucible_key_up(void) { return KEY_UP; }
static inline int crucible_key_down(void) { return KEY_DOWN; }
static inline int crucible_key_left(void) { return KEY_LEFT; }
static inline int crucible_key_right(void) { return KEY_RIGHT; }
static inline int crucible_key_ppage(void) { return KEY_PPAGE; }
static inline int crucible_key_npage(void) { return KEY_NPAGE; }
static inline int crucible_key_home(void) { return KEY_HOME; }
static inline int crucible_key_end(void) { return KEY_END; }
static inline int crucible_key_enter(void) { return KEY_ENTER; }
static inline int crucible_key_backspace(void) { return KEY_BACKSPACE; }
static inline int crucible_key_dc(void) { return KEY_DC; }
static inline int crucible_key_ic(void) { return KEY_IC; }
static inline int crucible_key_btab(void) { return KEY_BTAB; }
static inline int crucible_key_resize(void) { return KEY_RESIZE; }
static inline int crucible_key_mouse(void) { return KEY_MOUSE; }
static inline int crucible_key_f(int n) { return KEY_F(n); }
static inline int crucible_key_f0(void) { return KEY_F0; }

// MARK: - Mouse

static inline mmask_t crucible_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t crucible_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t crucible_button4_pressed(void) { return BUTTON4_PRESSED; }
#if defined(BUTTON5_PRESSED)
static inline mmask_t crucible_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t crucible_button5_pressed(void) { return 0; }
#endif

// MARK: - Restoring the terminal from signal handlers

// Everything here is async-signal-safe: tcsetattr, write, sigaction, raise.

static inline struct termios *crucible_saved_termios(void) {
    static struct termios saved;
    return &saved;
}

/// 1 while the full-screen UI owns the terminal; the restore functions do nothing otherwise.
static inline volatile sig_atomic_t *crucible_terminal_active(void) {
    static volatile sig_atomic_t active;
    return &active;
}

/// Set by SIGINT; the run loop reads it as Ctrl-C and quits cleanly.
static inline volatile sig_atomic_t *crucible_interrupted(void) {
    static volatile sig_atomic_t interrupted;
    return &interrupted;
}

static inline struct sigaction *crucible_previous_actions(void) {
    static struct sigaction previous[NSIG];
    return previous;
}

/// Saves the terminal modes of `fd` before ncurses changes them.
static inline int crucible_save_termios(int fd) {
    return tcgetattr(fd, crucible_saved_termios());
}

/// Puts the terminal back as it was: saved modes, main screen, visible
/// cursor, plain attributes, no mouse reporting, cursor keys in normal mode.
static inline void crucible_restore_terminal(void) {
    if (!*crucible_terminal_active()) return;
    *crucible_terminal_active() = 0;
    static const char reset[] =
        "\033[?1000l\033[?1002l\033[?1003l\033[?1006l" // mouse reporting off
        "\033[0m"                                       // attributes off
        "\033[?1049l"                                   // leave the alternate screen
        "\033[?25h"                                     // show the cursor
        "\033[?1l\033>"                                 // normal cursor keys and keypad
        "\r\n";
    ssize_t unused = write(STDOUT_FILENO, reset, sizeof reset - 1);
    (void)unused;
    tcsetattr(STDIN_FILENO, TCSAFLUSH, crucible_saved_termios());
}

/// Restores the terminal, lets whoever handled the signal before run (the
/// Swift runtime's crash backtracer, say), then re-raises it with the default
/// action. Called directly rather than re-raised to the previous handler,
/// because that handler returns for a signal sent with kill(1) and the
/// process would live on without a terminal.
static inline void crucible_fatal_signal(int sig, siginfo_t *info, void *context) {
    crucible_restore_terminal();
    struct sigaction previous = crucible_previous_actions()[sig];
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
static inline void crucible_interrupt_signal(int sig, siginfo_t *info, void *context) {
    if (*crucible_interrupted()) {
        crucible_fatal_signal(sig, info, context);
        return;
    }
    *crucible_interrupted() = 1;
}

/// Installs `handler` for `sig`, remembering the previous action. A signal the
/// parent ignored (SIGHUP under nohup) stays ignored.
static inline void crucible_install_handler(int sig, void (*handler)(int, siginfo_t *, void *)) {
    struct sigaction previous;
    if (sigaction(sig, NULL, &previous) != 0) return;
    if (previous.sa_handler == SIG_IGN && !(previous.sa_flags & SA_SIGINFO)) return;
    crucible_previous_actions()[sig] = previous;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = handler;
    sigemptyset(&action.sa_mask);
    // No SA_RESTART: a Ctrl-C must interrupt a blocking read so the run loop sees it.
    action.sa_flags = SA_SIGINFO;
    sigaction(sig, &action, NULL);
}

/// Marks the terminal as handed back (after endwin), so the restore functions do nothing.
static inline void crucible_terminal_released(void) { *crucible_terminal_active() = 0; }

/// Restores the terminal at process exit (an `exit()` somewhere while the UI is up).
static inline void crucible_restore_at_exit(void) { crucible_restore_terminal(); }

/// Marks the terminal active and installs the handlers for every signal that
/// can end the process while the UI owns the terminal. SIGWINCH is left to ncurses.
static inline void crucible_install_restore_handlers(void) {
    static int installed;
    *crucible_interrupted() = 0;
    *crucible_terminal_active() = 1;
    if (installed) return;
    installed = 1;
    crucible_install_handler(SIGINT, crucible_interrupt_signal);
    int fatal[] = { SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGTRAP, SIGFPE };
    for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) {
        crucible_install_handler(fatal[i], crucible_fatal_signal);
    }
    atexit(crucible_restore_at_exit);
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

/// Takes the pending Ctrl-C, if any.
static inline int crucible_take_interrupt(void) {
    if (!*crucible_interrupted()) return 0;
    *crucible_interrupted() = 0;
    return 1;
}

#endif
