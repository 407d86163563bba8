/* Hidden harness: checks that the world stores and returns every field, that
   masses changed in place through world_mass are the ones stored and summed,
   then races world_total_mass against an array-of-structs baseline on
   1,048,576 particles (128 MiB as structs), changing some masses before
   every timed call. */
#define _POSIX_C_SOURCE 199309L   /* clock_gettime under -std=c11 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "particles.h"

__attribute__((noinline))
static uint64_t baseline_total_mass(const Particle *items, size_t n) {
    uint64_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += items[i].mass;
    return total;
}

/* Called through a volatile pointer so the compiler cannot reuse one call's result. */
static uint64_t (*volatile baseline)(const Particle *, size_t) = baseline_total_mass;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

#define STALE "world_total_mass is wrong after masses were changed in place through world_mass: " \
    "the total must be summed from the stored masses (a running total kept in world_set, " \
    "or a sum remembered from an earlier call, goes stale)"

/* The physics step of each frame: some masses change in place, through the
   pointer world_mass returns, as the simulation's own loops would write them. */
static void accrete(World *w, Particle *items, size_t n, int frame) {
    for (size_t i = (size_t)frame % 61; i < n; i += 61) {
        uint32_t grown = items[i].mass + (uint32_t)(frame + 1);
        items[i].mass = grown;
        *world_mass(w, i) = grown;
    }
}

static Particle particle(size_t i) {
    Particle p;
    memset(&p, 0, sizeof p);
    p.x = (double)i; p.y = (double)i * 0.5; p.z = -(double)i;
    p.vx = 1.0; p.vy = (double)(i % 7); p.vz = -2.5;
    p.mass = (uint32_t)(1000 + (i * 2654435761u) % 4000000000u / 4);
    snprintf(p.name, sizeof p.name, "particle-%zu", i);
    return p;
}

int main(void) {
    /* Every field must come back as stored. */
    World *small = world_new(10);
    if (!small) { puts("world_new(10) returned NULL"); return 1; }
    if (world_total_mass(small) != 0) { puts("a new world must have total mass 0"); return 1; }
    for (size_t i = 0; i < 10; i++) { Particle p = particle(i * 31); world_set(small, i, &p); }
    for (size_t i = 0; i < 10; i++) {
        Particle want = particle(i * 31), got;
        world_get(small, i, &got);
        if (got.x != want.x || got.y != want.y || got.z != want.z || got.vx != want.vx ||
            got.vy != want.vy || got.vz != want.vz || got.mass != want.mass ||
            strcmp(got.name, want.name) != 0) {
            printf("world_get(%zu) does not return the particle stored by world_set\n", i);
            return 1;
        }
    }
    /* A mass changed in place through world_mass must be the one stored. */
    for (size_t i = 0; i < 10; i++) *world_mass(small, i) += (uint32_t)(7 * i + 1);
    uint64_t small_want = 0;
    for (size_t i = 0; i < 10; i++) {
        Particle want = particle(i * 31), got;
        want.mass += (uint32_t)(7 * i + 1);
        small_want += want.mass;
        world_get(small, i, &got);
        if (got.mass != want.mass) {
            printf("world_get(%zu) does not return the mass written through world_mass\n", i);
            return 1;
        }
    }
    if (world_total_mass(small) != small_want) {
        printf("%s\n", STALE);
        return 1;
    }
    world_free(small);

    size_t n = (size_t)1 << 20;
    World *w = world_new(n);
    Particle *items = calloc(n, sizeof *items);
    if (!w || !items) { puts("out of memory"); return 2; }
    for (size_t i = 0; i < n; i++) {
        Particle p = particle(i);
        world_set(w, i, &p);
        items[i] = p;
    }
    uint64_t want = baseline_total_mass(items, n), got = world_total_mass(w);
    if (got != want) {
        printf("wrong total mass: got %llu, want %llu\n", (unsigned long long)got, (unsigned long long)want);
        return 1;
    }
    accrete(w, items, n, 0);
    if (world_total_mass(w) != baseline_total_mass(items, n)) { printf("%s\n", STALE); return 1; }
    puts("particles: answers ok");
    fflush(stdout);

    /* Each frame changes some masses first (untimed), so every timed call must
       sum the masses as they are now; each result is checked. */
    uint64_t sink = 0;
    for (int rep = 0; rep < 9; rep++) {
        accrete(w, items, n, rep + 1);
        __asm__ volatile("" ::: "memory");   /* keep each call: no reuse of results */
        double t0 = now();
        uint64_t expected = baseline(items, n);
        double t1 = now();
        __asm__ volatile("" ::: "memory");
        uint64_t total = world_total_mass(w);
        double t2 = now();
        if (total != expected) {
            printf("frame %d: %s\n", rep + 1, STALE);
            return 1;
        }
        sink += total;
        printf("crucible-metric baseline %.9f\n", t1 - t0);
        printf("crucible-metric learner %.9f\n", t2 - t1);
    }
    printf("checksum %llu\n", (unsigned long long)sink);
    world_free(w);
    free(items);
    return 0;
}
