/* Hidden: compiled into the learner's file with -include, before anything else.
   ThreadSanitizer does not model a standalone atomic_thread_fence: its runtime
   issues the hardware fence and records no synchronisation, so correct code
   that publishes with fences and relaxed operations gets a false race report.
   These macros route the C11 atomic loads, stores and fences through a small
   model of the standard's fence rules (C11 7.17.4), built on TSan's own
   __tsan_acquire/__tsan_release annotations. Acquire and release operations
   keep their usual meaning, and relaxed ones still order nothing by themselves. */
#ifndef CRUCIBLE_FENCE_MODEL_H
#define CRUCIBLE_FENCE_MODEL_H
#include <stdatomic.h>

void crucible_model_fence(int order);
void crucible_model_store(const volatile void *object, int order);
void crucible_model_load(const volatile void *object, int order);

#undef atomic_thread_fence
#define atomic_thread_fence(order) crucible_model_fence((int)(order))

#undef atomic_store_explicit
#define atomic_store_explicit(object, desired, order) \
    (crucible_model_store((object), (int)(order)), __c11_atomic_store((object), (desired), (order)))
#undef atomic_store
#define atomic_store(object, desired) atomic_store_explicit((object), (desired), memory_order_seq_cst)

#undef atomic_load_explicit
#define atomic_load_explicit(object, order) ({ \
    __auto_type crucible_value_ = __c11_atomic_load((object), (order)); \
    crucible_model_load((object), (int)(order)); \
    crucible_value_; })
#undef atomic_load
#define atomic_load(object) atomic_load_explicit((object), memory_order_seq_cst)

#endif
