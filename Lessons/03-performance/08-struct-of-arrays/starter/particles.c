#include <stdlib.h>
#include "particles.h"

/* An array of structs: each particle's 128 bytes, one after another. */
struct World {
    size_t n;
    Particle *items;
};

World *world_new(size_t n) {
    World *w = malloc(sizeof *w);
    if (!w) return NULL;
    w->n = n;
    w->items = calloc(n ? n : 1, sizeof(Particle));
    if (!w->items) { free(w); return NULL; }
    return w;
}

void world_set(World *w, size_t i, const Particle *p) {
    w->items[i] = *p;
}

void world_get(const World *w, size_t i, Particle *out) {
    *out = w->items[i];
}

uint32_t *world_mass(World *w, size_t i) {
    return &w->items[i].mass;
}

/* Hot: called every frame. Reads 4 bytes out of every 128. */
uint64_t world_total_mass(const World *w) {
    uint64_t total = 0;
    for (size_t i = 0; i < w->n; i++)
        total += w->items[i].mass;
    return total;
}

void world_free(World *w) {
    if (!w) return;
    free(w->items);
    free(w);
}
