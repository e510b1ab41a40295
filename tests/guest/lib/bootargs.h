/* SPDX-License-Identifier: GPL-2.0-only */
/* Test options: space-separated key=value words in /chosen/bootargs. */
#ifndef GUEST_BOOTARGS_H
#define GUEST_BOOTARGS_H

#include <xen/types.h>

/* The value of key (not NUL-terminated) and its length, or NULL if absent. */
const char *bootarg(const char *key, size_t *len);
/* key's value as a number (decimal, 0x hex, 0 octal), or def; fails the guest if malformed. */
uint64_t bootarg_u64(const char *key, uint64_t def);
/* key's comma-separated numbers into out[max]: their count, or -1 if key is absent. */
int bootarg_u64_list(const char *key, uint64_t *out, unsigned int max);

#endif /* GUEST_BOOTARGS_H */
