// Process spawning for checks: fork, own process group, resource limits, exec.
// Written in C because the child side between fork and exec must only call
// async-signal-safe functions, which Swift cannot promise.
#ifndef CRUCIBLE_CSPAWN_H
#define CRUCIBLE_CSPAWN_H
int cspawn_placeholder(void);
#endif
