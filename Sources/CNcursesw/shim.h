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

// Swift sees neither function-like macros nor (in Swift 6) mutable C globals,
// so everything below is a tiny inline function over one. Restoring the terminal
// on signals is C code of its own, in the CTerminalSignals target.

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

#endif
