// Function multiversioning: CROSSCHECK_TARGET_CLONES("avx2", "default") before a hot kernel
// builds one copy per target and picks the best for the CPU when the program is loaded (GCC's
// target_clones, through an ifunc resolver).
//
// Not under ThreadSanitizer: the resolver runs while the program is being relocated, before the
// TSan runtime is up, and its instrumented code crashes there (a TSan build then keeps the
// default copy only).
#pragma once

#if defined(__SANITIZE_THREAD__)
#define CROSSCHECK_TARGET_CLONES(...)
#else
#define CROSSCHECK_TARGET_CLONES(...) __attribute__((target_clones(__VA_ARGS__)))
#endif
