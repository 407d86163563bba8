#include <stdlib.h>
#include <string.h>
#include "particles.h"

/* A struct of arrays: one array per field, so the masses sit side by side. */
struct World {
    size_t n;
    double *x, *y, *z;
    double *vx, *vy, *vz;
    uint32_t *mass;
    char (*name)[76];
};

World *world_new(size_t n) {
    World *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    size_t c = n ? n : 1;
    w->n = n;
    w->x = calloc(c, sizeof *w->x);
    w->y = calloc(c, sizeof *w->y);
    w->z = calloc(c, sizeof *w->z);
    w->vx = calloc(c, sizeof *w->vx);
    w->vy = calloc(c, sizeof *w->vy);
    w->vz = calloc(c, sizeof *w->vz);
    w->mass = calloc(c, sizeof *w->mass);
    w->name = calloc(c, sizeof *w->name);
    if (!w->x || !w->y || !w->z || !w->vx || !w->vy || !w->vz || !w->mass || !w->name) {
        world_free(w);
        return NULL;
    }
    return w;
}

void world_set(World *w, size_t i, const Particle *p) {
    w->x[i] = p->x; w->y[i] = p->y; w->z[i] = p->z;
    w->vx[i] = p->vx; w->vy[i] = p->vy; w->vz[i] = p->vz;
    w->mass[i] = p->mass;
    memcpy(w->name[i], p->name, sizeof p->name);
}

void world_get(const World *w, size_t i, Particle *out) {
    out->x = w->x[i]; out->y = w->y[i]; out->z = w->z[i];
    out->vx = w->vx[i]; out->vy = w->vy[i]; out->vz = w->vz[i];
    out->mass = w->mass[i];
    memcpy(out->name, w->name[i], sizeof out->name);
}

uint32_t *world_mass(World *w, size_t i) {
    return &w->mass[i];
}

/* Hot: now reads 16 masses from every 64-byte cache line. */
uint64_t world_total_mass(const World *w) {
    uint64_t total = 0;
    for (size_t i = 0; i < w->n; i++)
        total += w->mass[i];
    return total;
}

void world_free(World *w) {
    if (!w) return;
    free(w->x); free(w->y); free(w->z);
    free(w->vx); free(w->vy); free(w->vz);
    free(w->mass); free(w->name);
    free(w);
}
