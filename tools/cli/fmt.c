// SPDX-License-Identifier: GPL-2.0-only
/* ctl's output formats and argument parsers (fmt.h). */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"

#define SECS_PER_DAY	86400
#define SECS_PER_HOUR	3600
#define SECS_PER_MIN	60
#define KIB_PER_MIB	1024

const char cli_list_header[] =
	"Name                                        ID   Mem VCPUs\tState\tTime(s)";

/* Rows and headers share these widths. */
#define VCPU_FMT	"%-32s %5s %5s %5s %5s %9s %s"
#define SCHED_FMT	"%-32s %5s %6s %4s"
#define UPTIME_FMT	"%-33s %4s %s"

int cli_fmt_vcpu_header(char *buf, size_t len)
{
	return snprintf(buf, len, VCPU_FMT, "Name", "ID", "VCPU", "CPU", "State", "Time(s)",
			"Affinity (Hard)");
}

int cli_fmt_sched_header(char *buf, size_t len)
{
	return snprintf(buf, len, SCHED_FMT, "Name", "ID", "Weight", "Cap");
}

int cli_fmt_uptime_header(char *buf, size_t len)
{
	return snprintf(buf, len, UPTIME_FMT, "Name", "ID", "Uptime");
}

/*
 * The reason letter after 's', indexed by SHUTDOWN_* (Xen's public/sched.h:
 * poweroff 0, reboot 1, suspend 2, crash 3, watchdog 4, soft_reset 5), as xl.
 */
static const char reason_letters[] = "-rscwS";

void cli_state_letters(const struct ctl_domctl_info *info, char out[CLI_STATE_LEN])
{
	uint32_t f = info->flags;
	bool shutdown = f & CTL_DOMINF_shutdown;
	bool idle = !(f & (CTL_DOMINF_running | CTL_DOMINF_paused | CTL_DOMINF_shutdown |
			   CTL_DOMINF_dying));

	out[0] = f & CTL_DOMINF_running ? 'r' : '-';
	out[1] = idle ? 'b' : '-';
	out[2] = f & CTL_DOMINF_paused ? 'p' : '-';
	out[3] = shutdown ? 's' : '-';
	if (!shutdown)
		out[4] = '-';
	else if (info->shutdown_code < sizeof(reason_letters) - 1)
		out[4] = reason_letters[info->shutdown_code];
	else
		out[4] = '?';
	out[5] = f & CTL_DOMINF_dying ? 'd' : '-';
	out[6] = '\0';
}

int cli_fmt_list_row(char *buf, size_t len, const char *name, const struct ctl_domctl_info *info)
{
	char state[CLI_STATE_LEN];

	cli_state_letters(info, state);
	return snprintf(buf, len, "%-40s %5u %5llu %5u     %s  %8.1f", name, info->domid,
			(unsigned long long)(info->tot_pages * CLI_PAGE_KIB / KIB_PER_MIB),
			info->nr_online_vcpus, state, (double)info->cpu_time_ns / CLI_NS_PER_S);
}

int cli_fmt_vcpu_row(char *buf, size_t len, const char *name, uint32_t domid,
		     const struct ctl_domctl_vcpu_info *v, unsigned int nr_cpus)
{
	bool online = v->flags & CTL_VCPUINF_online;
	char id[16], vcpu[16], cpu[16], time[32], aff[256], state[4];

	snprintf(id, sizeof(id), "%u", domid);
	snprintf(vcpu, sizeof(vcpu), "%u", v->vcpu);
	snprintf(time, sizeof(time), "%.1f", (double)v->cpu_time_ns / CLI_NS_PER_S);
	if (online)
		snprintf(cpu, sizeof(cpu), "%u", v->cpu);
	else
		snprintf(cpu, sizeof(cpu), "-");
	state[0] = online && (v->flags & CTL_VCPUINF_running) ? 'r' : '-';
	state[1] = online && (v->flags & CTL_VCPUINF_blocked) ? 'b' : '-';
	state[2] = online ? '-' : 'p';
	state[3] = '\0';
	cli_fmt_cpumap(aff, sizeof(aff), v->cpumap, nr_cpus);
	return snprintf(buf, len, VCPU_FMT, name, id, vcpu, cpu, state, time, aff);
}

int cli_fmt_sched_row(char *buf, size_t len, const char *name, uint32_t domid,
		      unsigned int weight, unsigned int cap)
{
	char id[16], w[16], c[16];

	snprintf(id, sizeof(id), "%u", domid);
	snprintf(w, sizeof(w), "%u", weight);
	snprintf(c, sizeof(c), "%u", cap);
	return snprintf(buf, len, SCHED_FMT, name, id, w, c);
}

int cli_fmt_uptime(char *buf, size_t len, uint64_t secs)
{
	unsigned long long days = secs / SECS_PER_DAY;
	unsigned int rest = (unsigned int)(secs % SECS_PER_DAY);
	unsigned int h = rest / SECS_PER_HOUR, m = rest % SECS_PER_HOUR / SECS_PER_MIN;
	unsigned int s = rest % SECS_PER_MIN;

	if (!days)
		return snprintf(buf, len, "%2u:%02u:%02u", h, m, s);
	return snprintf(buf, len, "%llu day%s, %2u:%02u:%02u", days, days > 1 ? "s" : "", h, m, s);
}

int cli_fmt_uptime_row(char *buf, size_t len, const char *name, uint32_t domid, uint64_t secs)
{
	char id[16], up[64];

	snprintf(id, sizeof(id), "%u", domid);
	cli_fmt_uptime(up, sizeof(up), secs);
	return snprintf(buf, len, UPTIME_FMT, name, id, up);
}

int cli_fmt_info(char *buf, size_t len, const char *key, const char *value)
{
	return snprintf(buf, len, "%-23s: %s", key, value);
}

/* The unit's shift to KiB: b is -10 (bytes), k 0 ... t 30; 1 if not a unit. */
static int unit_shift(char c)
{
	static const char units[] = "kmgt";
	const char *p;

	if (tolower((unsigned char)c) == 'b')
		return -10;
	p = strchr(units, tolower((unsigned char)c));
	return c && p ? (int)(p - units) * 10 : 1;
}

int cli_parse_size(const char *s, uint64_t *kib)
{
	unsigned long long v;
	char *end;
	int shift;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno)
		return -1;
	shift = *end ? unit_shift(*end) : 0;
	if (shift == 1 || (*end && end[1]))
		return -1;
	if (shift < 0) {
		*kib = v >> -shift;
		return 0;
	}
	if (shift && v > (UINT64_MAX >> shift))
		return -1;
	*kib = v << shift;
	return 0;
}

int cli_parse_uint(const char *s, unsigned long max, unsigned long *v)
{
	char *end;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	*v = strtoul(s, &end, 10);
	return errno || *end || *v > max ? -1 : 0;
}

/* One element "N" or "N-M" of a CPU list into [*lo, *hi]. */
static int parse_range(const char *s, unsigned int limit, unsigned int *lo, unsigned int *hi)
{
	unsigned long a, b;
	char *end;

	if (!isdigit((unsigned char)*s))
		return -1;
	a = strtoul(s, &end, 10);
	b = a;
	if (*end == '-') {
		if (!isdigit((unsigned char)end[1]))
			return -1;
		b = strtoul(end + 1, &end, 10);
	}
	if (*end || a > b || b >= limit)
		return -1;
	*lo = (unsigned int)a;
	*hi = (unsigned int)b;
	return 0;
}

static uint64_t range_mask(unsigned int lo, unsigned int hi)
{
	uint64_t upto = hi + 1 >= CLI_MAX_PCPUS ? ~0ULL : (1ULL << (hi + 1)) - 1;

	return upto & ~((1ULL << lo) - 1);
}

int cli_parse_cpulist(const char *s, unsigned int nr_cpus, uint64_t *map, char *err,
		      size_t errlen)
{
	unsigned int limit = nr_cpus < CLI_MAX_PCPUS ? nr_cpus : CLI_MAX_PCPUS;
	char *copy, *tok, *rest;
	unsigned int lo, hi;
	uint64_t m = 0;
	bool neg;
	int rc = 0;

	if (!strcmp(s, "all")) {
		*map = range_mask(0, limit - 1);
		return 0;
	}
	copy = strdup(s);
	if (!copy) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	rest = copy;
	while (!rc && (tok = strsep(&rest, ","))) {
		neg = *tok == '^';
		rc = parse_range(tok + neg, limit, &lo, &hi);
		if (rc)
			snprintf(err, errlen, "bad CPU list '%s' at '%s' (CPUs are 0-%u)", s, tok,
				 limit - 1);
		else if (neg)
			m &= ~range_mask(lo, hi);
		else
			m |= range_mask(lo, hi);
	}
	free(copy);
	if (!rc && !m) {
		snprintf(err, errlen, "CPU list '%s' names no CPU", s);
		rc = -1;
	}
	if (!rc)
		*map = m;
	return rc;
}

int cli_fmt_cpumap(char *buf, size_t len, uint64_t map, unsigned int nr_cpus)
{
	unsigned int limit = nr_cpus < CLI_MAX_PCPUS ? nr_cpus : CLI_MAX_PCPUS;
	unsigned int lo, hi;
	size_t off = 0;

	if (limit && (map & range_mask(0, limit - 1)) == range_mask(0, limit - 1))
		return snprintf(buf, len, "all");
	if (!map)
		return snprintf(buf, len, "none");
	buf[0] = '\0';
	for (lo = 0; lo < CLI_MAX_PCPUS && off < len; lo = hi + 1) {
		if (!(map & (1ULL << lo))) {
			hi = lo;
			continue;
		}
		for (hi = lo; hi + 1 < CLI_MAX_PCPUS && (map & (1ULL << (hi + 1))); hi++)
			;
		off += (size_t)snprintf(buf + off, len - off, lo == hi ? "%s%u" : "%s%u-%u",
					off ? "," : "", lo, hi);
	}
	return (int)off;
}
