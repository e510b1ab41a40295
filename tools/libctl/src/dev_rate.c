// SPDX-License-Identifier: LGPL-2.1-only
/*
 * A vif's rate limit, xl's RATE/s[@INTERVAL] (xl-network-configuration:
 * "10Mb/s@20ms"; units B/s, KB/s, MB/s, GB/s and b/s, Kb/s, Mb/s, Gb/s with
 * K = 1000; interval in us, ms or s, 50 ms by default), turned into what
 * Linux's netback reads from the backend's rate node: bytes per interval
 * and the interval in microseconds, computed as libxl does.
 */
#include <errno.h>
#include <string.h>

#include "dev_int.h"

#define DEFAULT_USECS  50000u     /* 50 ms, xl's default interval */
#define USECS_PER_S    1000000u
#define BITS_PER_BYTE  8

static const struct {
	const char *suffix;
	uint64_t mul;
	unsigned int div;
} units[] = {
	{ "GB/s", 1000000000, 1 }, { "Gb/s", 1000000000, BITS_PER_BYTE },
	{ "MB/s", 1000000, 1 },    { "Mb/s", 1000000, BITS_PER_BYTE },
	{ "KB/s", 1000, 1 },       { "Kb/s", 1000, BITS_PER_BYTE },
	{ "B/s", 1, 1 },           { "b/s", 1, BITS_PER_BYTE },
};

static const struct {
	const char *suffix;
	uint64_t mul;
} times[] = {
	{ "us", 1 }, { "ms", 1000 }, { "s", USECS_PER_S },
};

/* Leading digits as a number from 1 to UINT32_MAX; *s moves past them. */
static int number(const char **s, uint64_t *v)
{
	*v = 0;
	if (**s < '0' || **s > '9')
		return -EINVAL;
	for (; **s >= '0' && **s <= '9'; (*s)++) {
		*v = *v * 10 + (uint64_t)(**s - '0');
		if (*v > UINT32_MAX)
			return -ERANGE;
	}
	return *v ? 0 : -ERANGE;
}

static int bytes_per_sec(const char **s, uint64_t *bps)
{
	uint64_t v;
	int rc = number(s, &v);

	if (rc)
		return rc;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		size_t n = strlen(units[i].suffix);

		if (!strncmp(*s, units[i].suffix, n)) {
			*s += n;
			*bps = v * units[i].mul / units[i].div;
			return 0;
		}
	}
	return -EINVAL;
}

static int interval(const char *s, uint32_t *usecs)
{
	uint64_t v;
	int rc = number(&s, &v);

	if (rc)
		return rc;
	for (size_t i = 0; i < sizeof(times) / sizeof(times[0]); i++) {
		if (!strcmp(s, times[i].suffix)) {
			v *= times[i].mul;
			if (v > UINT32_MAX)
				return -ERANGE;
			*usecs = (uint32_t)v;
			return 0;
		}
	}
	return -EINVAL;
}

int dev_rate_convert(const char *rate, uint64_t *bytes, uint32_t *usecs)
{
	const char *s = rate;
	uint64_t bps = 0;
	int rc = bytes_per_sec(&s, &bps);

	*usecs = DEFAULT_USECS;
	if (!rc && *s == '@')
		rc = interval(s + 1, usecs);
	else if (!rc && *s)
		rc = -EINVAL;
	if (rc)
		return rc;
	if (bps > UINT64_MAX / *usecs)
		return -ERANGE;
	*bytes = bps * *usecs / USECS_PER_S;
	return 0;
}
