// cmark-gfm and its GitHub extensions (tables, strikethrough, autolinks).
#ifndef CRUCIBLE_CMARK_SHIM_H
#define CRUCIBLE_CMARK_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#endif
