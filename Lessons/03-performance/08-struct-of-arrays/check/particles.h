/* The particle store's interface. The harness uses only these functions. */
#ifndef PARTICLES_H
#define PARTICLES_H
#include <stddef.h>
#include <stdint.h>

typedef struct {
    double x, y, z;        /* position */
    double vx, vy, vz;     /* velocity */
    uint32_t mass;         /* grams */
    char name[76];
} Particle;                /* 128 bytes */

typedef struct World World;

World *world_new(size_t n);                              /* n particles, all zero */
void world_set(World *w, size_t i, const Particle *p);   /* store particle i */
void world_get(const World *w, size_t i, Particle *out); /* read particle i back */
uint32_t *world_mass(World *w, size_t i);                /* particle i's mass, to change in place */
uint64_t world_total_mass(const World *w);               /* sum of every mass */
void world_free(World *w);

#endif
