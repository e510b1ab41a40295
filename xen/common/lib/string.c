// SPDX-License-Identifier: GPL-2.0-only
/* The C string functions the hypervisor uses, byte by byte (safe with the MMU off). */
#include <xen/lib.h>

#define WORD_MASK  (sizeof(uint64_t) - 1)

/* Word copies when source and destination are equally aligned (-mstrict-align allows no other). */
void *memcpy(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;

	if (n >= sizeof(uint64_t) && (((uintptr_t)d ^ (uintptr_t)s) & WORD_MASK) == 0) {
		while (n && ((uintptr_t)d & WORD_MASK)) {
			*d++ = *s++;
			n--;
		}
		for (; n >= 4 * sizeof(uint64_t); n -= 4 * sizeof(uint64_t)) {
			const uint64_t *sw = (const uint64_t *)(const void *)s;
			uint64_t *dw = (uint64_t *)(void *)d;
			uint64_t a = sw[0], b = sw[1], c = sw[2], e = sw[3];

			dw[0] = a;
			dw[1] = b;
			dw[2] = c;
			dw[3] = e;
			d += 4 * sizeof(uint64_t);
			s += 4 * sizeof(uint64_t);
		}
		for (; n >= sizeof(uint64_t); n -= sizeof(uint64_t)) {
			*(uint64_t *)(void *)d = *(const uint64_t *)(const void *)s;
			d += sizeof(uint64_t);
			s += sizeof(uint64_t);
		}
	}
	while (n--)
		*d++ = *s++;
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	uint8_t *d = dst;

	while (n && ((uintptr_t)d & 7)) {
		*d++ = (uint8_t)c;
		n--;
	}
	if (n >= 8) {
		uint64_t v = (uint8_t)c * 0x0101010101010101ULL;

		for (; n >= 8; n -= 8, d += 8)
			*(uint64_t *)d = v;
	}
	while (n--)
		*d++ = (uint8_t)c;
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const uint8_t *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (uint8_t)*a - (uint8_t)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++)
		if (*a != *b || !*a)
			return (uint8_t)*a - (uint8_t)*b;
	return 0;
}

char *strchr(const char *s, int c)
{
	for (; *s; s++)
		if (*s == (char)c)
			return (char *)s;
	return c ? NULL : (char *)s;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

unsigned long long strtoull(const char *s, char **end, int base)
{
	unsigned long long v = 0;

	if (base == 0) {
		base = 10;
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && digit_value(s[2]) < 16)
			base = 16, s += 2;
		else if (s[0] == '0' && s[1])
			base = 8;
	}
	for (; digit_value(*s) < base; s++)
		v = v * (unsigned long long)base + (unsigned long long)digit_value(*s);
	if (end)
		*end = (char *)s;
	return v;
}
