// SPDX-License-Identifier: GPL-2.0-only
/* Bootargs parsing (see bootargs.h). */
#include <xen/lib.h>
#include "bootargs.h"
#include "platform.h"
#include "report.h"

#define LIST_SEPARATOR ','

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

const char *bootarg(const char *key, size_t *len)
{
	size_t klen = strlen(key);
	const char *p = platform.bootargs, *word;

	while (*p) {
		while (is_space(*p))
			p++;
		for (word = p; *p && !is_space(*p); p++)
			;
		if ((size_t)(p - word) > klen && !strncmp(word, key, klen) && word[klen] == '=') {
			*len = (size_t)(p - word) - klen - 1;
			return word + klen + 1;
		}
	}
	return NULL;
}

/* One number at s, ending before end; *next is where it stopped. */
static uint64_t parse_number(const char *key, const char *s, const char *end, const char **next)
{
	char *stop;
	uint64_t v = strtoull(s, &stop, 0);

	if (stop == s || stop > end)
		guest_fail("bootarg %s=%.*s: not a number", key, (int)(end - s), s);
	*next = stop;
	return v;
}

uint64_t bootarg_u64(const char *key, uint64_t def)
{
	const char *v, *next;
	size_t len;
	uint64_t n;

	v = bootarg(key, &len);
	if (!v)
		return def;
	n = parse_number(key, v, v + len, &next);
	if (next != v + len)
		guest_fail("bootarg %s=%.*s: not a number", key, (int)len, v);
	return n;
}

int bootarg_u64_list(const char *key, uint64_t *out, unsigned int max)
{
	const char *v, *end, *next;
	unsigned int n = 0;
	size_t len;

	v = bootarg(key, &len);
	if (!v)
		return -1;
	for (end = v + len; v < end; v = next + 1) {
		if (n == max)
			guest_fail("bootarg %s: more than %u values", key, max);
		out[n++] = parse_number(key, v, end, &next);
		if (next != end && *next != LIST_SEPARATOR)
			guest_fail("bootarg %s: values must be separated by '%c'", key,
				   LIST_SEPARATOR);
	}
	return (int)n;
}
