#include <stdlib.h>
#include "particles.h"

/* Wrong: keeps the array of structs and a running total updated in world_set.
   The total is instant, but it is only as right as the writes world_set sees:
   a mass changed in place through world_mass leaves it stale. And every other
   loop over one field still drags 128-byte particles through the cache. */
struct World {
    size_t n;
    Particle *items;
    uint64_t total;
};

World *world_new(size_t n) {
    World *w = malloc(sizeof *w);
    if (!w) return NULL;
    w->n = n;
    w->total = 0;
    w->items = calloc(n ? n : 1, sizeof(Particle));
    if (!w->items) { free(w); return NULL; }
    return w;
}

void world_set(World *w, size_t i, const Particle *p) {
    w->total -= w->items[i].mass;   /* correct even when a particle is stored twice */
    w->total += p->mass;
    w->items[i] = *p;
}

void world_get(const World *w, size_t i, Particle *out) {
    *out = w->items[i];
}

uint32_t *world_mass(World *w, size_t i) {
    return &w->items[i].mass;
}

uint64_t world_total_mass(const World *w) {
    return w->total;
}

void world_free(World *w) {
    if (!w) return;
    free(w->items);
    free(w);
}
