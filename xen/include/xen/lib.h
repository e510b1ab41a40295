/* SPDX-License-Identifier: GPL-2.0-only */
/* Small helpers shared by all generic code. */
#ifndef XEN_LIB_H
#define XEN_LIB_H

#include <stdarg.h>
#include <xen/compiler.h>
#include <xen/types.h>

#define ARRAY_SIZE(a)     (sizeof(a) / sizeof((a)[0]))
#define MIN(a, b)         ((a) < (b) ? (a) : (b))
#define MAX(a, b)         ((a) > (b) ? (a) : (b))
#define ALIGN_UP(x, a)    (((x) + ((a)-1)) & ~((uint64_t)(a)-1))
#define ALIGN_DOWN(x, a)  ((x) & ~((uint64_t)(a)-1))
#define IS_ALIGNED(x, a)  (((x) & ((uint64_t)(a)-1)) == 0)
#define BIT(n)            (1UL << (n))
#define GENMASK(hi, lo)   (((~0UL) >> (63 - (hi))) & ~((1UL << (lo)) - 1))
#define FIELD_GET(v, lo, width) (((v) >> (lo)) & ((1UL << (width)) - 1))

#define KiB(x) ((uint64_t)(x) << 10)
#define MiB(x) ((uint64_t)(x) << 20)
#define GiB(x) ((uint64_t)(x) << 30)

/* Log levels, as in the loglvl= option. */
enum log_level {
	LOG_ERR = 0,
	LOG_WARN = 1,
	LOG_INFO = 2,
	LOG_DEBUG = 3,
};

void printk(const char *fmt, ...) __printf(1, 2);
void printk_level(enum log_level lvl, const char *fmt, ...) __printf(2, 3);
void vprintk_level(enum log_level lvl, const char *fmt, va_list ap);
void __noreturn panic(const char *fmt, ...) __printf(1, 2);

#define BUG_ON(c)                                                              \
	do {                                                                   \
		if (unlikely(c))                                               \
			panic("BUG_ON(%s) at %s:%d", #c, __FILE__, __LINE__);  \
	} while (0)

#define ASSERT(c) BUG_ON(!(c))

/* C library subset; the hypervisor has its own in common/lib, tests use libc. */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
unsigned long long strtoull(const char *s, char **end, int base);

#endif /* XEN_LIB_H */
