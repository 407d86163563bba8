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
#endif
