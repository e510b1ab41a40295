// SPDX-License-Identifier: LGPL-2.1-only
/* Parsers of single values: numbers, names, actions, GIC, UUID, CPU lists. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <public/domctl.h>

#include "cfg.h"

/* Decimal, octal with a leading 0, hexadecimal with 0x; nothing else. */
int cfg_parse_u64(const char *s, uint64_t *out)
{
	unsigned long long v;
	char *end;

	if (!isdigit((unsigned char)s[0]))
		return -EINVAL;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || *end || end == s)
		return -EINVAL;
	*out = v;
	return 0;
}

/*
 * 1-63 of [A-Za-z0-9_.-] (the hypervisor keeps CTL_NAME_LEN bytes with the
 * NUL), not starting with '-', not all digits.
 */
bool cfg_name_valid(const char *s)
{
	size_t n = strlen(s), i;
	bool digits = true;

	if (!n || n >= CTL_NAME_LEN || s[0] == '-')
		return false;
	for (i = 0; i < n; i++) {
		if (!isalnum((unsigned char)s[i]) && !strchr("_.-", s[i]))
			return false;
		digits &= isdigit((unsigned char)s[i]) != 0;
	}
	return !digits;
}

static const char *const action_names[] = {
	[CTL_ACTION_DESTROY] = "destroy",
	[CTL_ACTION_RESTART] = "restart",
	[CTL_ACTION_RENAME_RESTART] = "rename-restart",
	[CTL_ACTION_PRESERVE] = "preserve",
	[CTL_ACTION_COREDUMP_DESTROY] = "coredump-destroy",
	[CTL_ACTION_COREDUMP_RESTART] = "coredump-restart",
};

const char *ctl_action_name(enum ctl_action action)
{
	if ((unsigned int)action >= sizeof(action_names) / sizeof(action_names[0]))
		return NULL;
	return action_names[action];
}

int cfg_parse_action(const char *s, enum ctl_action *out)
{
	unsigned int i;

	for (i = 0; i < sizeof(action_names) / sizeof(action_names[0]); i++) {
		if (!strcmp(s, action_names[i])) {
			*out = (enum ctl_action)i;
			return 0;
		}
	}
	return -EINVAL;
}

static const char *const gic_names[] = {
	[CTL_GIC_DEFAULT] = "default",
	[CTL_GIC_V2] = "v2",
	[CTL_GIC_V3] = "v3",
};

const char *cfg_gic_name(enum ctl_gic_version gic)
{
	if ((unsigned int)gic >= sizeof(gic_names) / sizeof(gic_names[0]))
		return NULL;
	return gic_names[gic];
}

int cfg_parse_gic(const char *s, enum ctl_gic_version *out)
{
	unsigned int i;

	for (i = 0; i < sizeof(gic_names) / sizeof(gic_names[0]); i++) {
		if (!strcmp(s, gic_names[i])) {
			*out = (enum ctl_gic_version)i;
			return 0;
		}
	}
	return -EINVAL;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)tolower((unsigned char)c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* 8-4-4-4-12 hexadecimal digits. */
int cfg_parse_uuid(const char *s, uint8_t uuid[16])
{
	unsigned int i, n = 0;
	int hi, lo;

	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10) {
			if (s[n++] != '-')
				return -EINVAL;
		}
		hi = hexval(s[n]);
		lo = hi < 0 ? -1 : hexval(s[n + 1]);
		if (lo < 0)
			return -EINVAL;
		uuid[i] = (uint8_t)(hi << 4 | lo);
		n += 2;
	}
	return s[n] ? -EINVAL : 0;
}

void ctl_uuid_format(const uint8_t u[16], char buf[37])
{
	snprintf(buf, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
		 "%02x%02x%02x%02x%02x%02x", u[0], u[1], u[2], u[3], u[4], u[5],
		 u[6], u[7], u[8], u[9], u[10], u[11], u[12], u[13], u[14], u[15]);
}

static int cpu_range(const char *s, size_t len, unsigned int *lo, unsigned int *hi)
{
	char buf[32];
	char *end;

	if (!len || len >= sizeof(buf) || !isdigit((unsigned char)s[0]))
		return -EINVAL;
	memcpy(buf, s, len);
	buf[len] = '\0';
	*lo = *hi = (unsigned int)strtoul(buf, &end, 10);
	if (*end == '-' && isdigit((unsigned char)end[1]))
		*hi = (unsigned int)strtoul(end + 1, &end, 10);
	if (*end || *lo > *hi || *hi >= CTL_MAX_CPUS)
		return -EINVAL;
	return 0;
}

/* "all", or "N", "N-M", "^N", "^N-M" joined by commas; ^ removes. */
int cfg_parse_cpus(const char *s, uint64_t *map)
{
	unsigned int lo, hi, c;
	bool clear;
	size_t n;

	memset(map, 0, CTL_MAX_CPUS / 8);
	if (!strcmp(s, "all")) {
		memset(map, 0xff, CTL_MAX_CPUS / 8);
		return 0;
	}
	do {
		clear = *s == '^';
		s += clear;
		n = strcspn(s, ",");
		if (cpu_range(s, n, &lo, &hi))
			return -EINVAL;
		for (c = lo; c <= hi; c++)
			map[c / 64] = clear ? map[c / 64] & ~(1ull << (c % 64))
					    : map[c / 64] | 1ull << (c % 64);
		s += n;
	} while (*s++ == ',');
	return 0;
}
