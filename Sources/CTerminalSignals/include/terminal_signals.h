// Restoring the terminal when the process ends while the full-screen UI owns it:
// saved termios modes, handlers for every signal that can end the process, and an
// exit hook. In C because a signal handler may only call async-signal-safe functions,
// which Swift cannot promise. The state lives in terminal_signals.c, once per process.
#ifndef CRUCIBLE_TERMINAL_SIGNALS_H
#define CRUCIBLE_TERMINAL_SIGNALS_H

/// Saves the terminal modes of `fd` before ncurses changes them. Returns tcgetattr's result.
int crucible_save_termios(int fd);

/// Marks the terminal active and installs the handlers for every signal that
/// can end the process while the UI owns the terminal. SIGWINCH is left to ncurses.
void crucible_install_restore_handlers(void);

/// Puts the terminal back as it was: saved modes, main screen, visible
/// cursor, plain attributes, no mouse reporting, cursor keys in normal mode.
/// Does nothing unless the UI owns the terminal. Async-signal-safe.
void crucible_restore_terminal(void);

/// Marks the terminal as handed back (after endwin), so the restore functions do nothing.
void crucible_terminal_released(void);

/// Takes the pending Ctrl-C, if any: 1 when one arrived since the last call.
int crucible_take_interrupt(void);

#endif
