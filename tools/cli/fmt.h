/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ctl's output formats and argument parsers, kept pure (no I/O, no Xen) so
 * the unit tests compare their strings exactly. The formats follow xl's
 * (docs/cli.md shows each).
 */
#ifndef CLI_FMT_H
#define CLI_FMT_H

#include <stddef.h>
#include <stdint.h>

#include <public/domctl.h>

#define CLI_PAGE_KIB		4	/* a guest page is 4 KiB (the Arm ABI's granule) */
#define CLI_MAX_PCPUS		64	/* bits of a domctl cpumap (public/domctl.h) */
#define CLI_NS_PER_S		1000000000ULL
#define CLI_STATE_LEN		7	/* "rbpscd" and NUL */

/* xl list's header line (no newline). */
extern const char cli_list_header[];
/* vcpu-list, sched-credit and uptime headers (no newline). */
int cli_fmt_vcpu_header(char *buf, size_t len);
int cli_fmt_sched_header(char *buf, size_t len);
int cli_fmt_uptime_header(char *buf, size_t len);

/* xl's six state letters: r b p s <reason> d, '-' where not set. */
void cli_state_letters(const struct ctl_domctl_info *info, char out[CLI_STATE_LEN]);

/* One `ctl list` row (no newline) for a domain called name. */
int cli_fmt_list_row(char *buf, size_t len, const char *name, const struct ctl_domctl_info *info);

/* One `ctl vcpu-list` row; nr_cpus decides when the affinity reads "all". */
int cli_fmt_vcpu_row(char *buf, size_t len, const char *name, uint32_t domid,
		     const struct ctl_domctl_vcpu_info *v, unsigned int nr_cpus);

/* One `ctl sched-credit` row. */
int cli_fmt_sched_row(char *buf, size_t len, const char *name, uint32_t domid,
		      unsigned int weight, unsigned int cap);

/* "H:MM:SS", "1 day,  H:MM:SS", "N days, H:MM:SS" (xl uptime). */
int cli_fmt_uptime(char *buf, size_t len, uint64_t secs);
/* One `ctl uptime` row. */
int cli_fmt_uptime_row(char *buf, size_t len, const char *name, uint32_t domid, uint64_t secs);

/* One `ctl info` line "key                    : value". */
int cli_fmt_info(char *buf, size_t len, const char *key, const char *value);

/*
 * A memory size as xl takes it: a number with an optional unit b, k, m, g,
 * t (either case); no unit means KiB. 0 and *kib, or -1 for a bad size.
 */
int cli_parse_size(const char *s, uint64_t *kib);

/*
 * A CPU list: "all", or comma-separated CPUs and ranges with "^" to remove
 * ("0-3,^1"). CPUs must be < nr_cpus (and < CLI_MAX_PCPUS). 0 and *map, or
 * -1 with a message in err.
 */
int cli_parse_cpulist(const char *s, unsigned int nr_cpus, uint64_t *map, char *err,
		      size_t errlen);

/* A cpumap as "all" (every one of nr_cpus), "0-3,5" or "none". */
int cli_fmt_cpumap(char *buf, size_t len, uint64_t map, unsigned int nr_cpus);

/* A non-negative decimal number up to max; 0 or -1. */
int cli_parse_uint(const char *s, unsigned long max, unsigned long *v);

#endif /* CLI_FMT_H */
