// SPDX-License-Identifier: GPL-2.0-only
/* ctl's argument parsers: sizes, CPU lists, numbers. */
#include <string.h>

#include "cli_test.h"
#include "fmt.h"

static void size_ok(const char *s, uint64_t kib)
{
	uint64_t v = 0;

	CU_ASSERT_EQUAL(cli_parse_size(s, &v), 0);
	CU_ASSERT_EQUAL(v, kib);
}

static void size_bad(const char *s)
{
	uint64_t v = 12345;

	CU_ASSERT_EQUAL(cli_parse_size(s, &v), -1);
	CU_ASSERT_EQUAL(v, 12345);
}

static void test_sizes(void)
{
	size_ok("1024", 1024);
	size_ok("512m", 512 * 1024);
	size_ok("512M", 512 * 1024);
	size_ok("2g", 2 * 1024 * 1024);
	size_ok("1t", 1024ULL * 1024 * 1024);
	size_ok("64k", 64);
	size_ok("4096b", 4);
	size_ok("1023b", 0);
}

static void test_bad_sizes(void)
{
	size_bad("");
	size_bad("m");
	size_bad("-5m");
	size_bad("12x");
	size_bad("12mb");
	size_bad("1.5g");
	size_bad(" 5");
	size_bad("99999999999999999999");
	size_bad("18014398509481984t");         /* 2^54 TiB overflows KiB */
}

static char err[160];

static void cpus_ok(const char *s, unsigned int nr, uint64_t want)
{
	uint64_t map = 0;

	err[0] = '\0';
	CU_ASSERT_EQUAL(cli_parse_cpulist(s, nr, &map, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(map, want);
	CU_ASSERT_STRING_EQUAL(err, "");
}

static void cpus_bad(const char *s, unsigned int nr, const char *msg)
{
	uint64_t map = 77;

	CU_ASSERT_EQUAL(cli_parse_cpulist(s, nr, &map, err, sizeof(err)), -1);
	CU_ASSERT_EQUAL(map, 77);
	CU_ASSERT_STRING_EQUAL(err, msg);
}

static void test_cpulists(void)
{
	cpus_ok("all", 4, 0xf);
	cpus_ok("all", 64, ~0ULL);
	cpus_ok("all", 100, ~0ULL);
	cpus_ok("2", 4, 0x4);
	cpus_ok("0-3,^1", 4, 0xd);
	cpus_ok("0,2-3", 8, 0xd);
	cpus_ok("63", 64, 1ULL << 63);
	cpus_ok("0-63,^0-62", 64, 1ULL << 63);
}

static void test_bad_cpulists(void)
{
	cpus_bad("4", 4, "bad CPU list '4' at '4' (CPUs are 0-3)");
	cpus_bad("3-1", 4, "bad CPU list '3-1' at '3-1' (CPUs are 0-3)");
	cpus_bad("x", 4, "bad CPU list 'x' at 'x' (CPUs are 0-3)");
	cpus_bad("1-", 4, "bad CPU list '1-' at '1-' (CPUs are 0-3)");
	cpus_bad("0,,1", 4, "bad CPU list '0,,1' at '' (CPUs are 0-3)");
	cpus_bad("^0", 4, "CPU list '^0' names no CPU");
	cpus_bad("", 4, "bad CPU list '' at '' (CPUs are 0-3)");
}

static void test_uint(void)
{
	unsigned long v;

	CU_ASSERT_EQUAL(cli_parse_uint("42", 100, &v), 0);
	CU_ASSERT_EQUAL(v, 42);
	CU_ASSERT_EQUAL(cli_parse_uint("101", 100, &v), -1);
	CU_ASSERT_EQUAL(cli_parse_uint("-1", 100, &v), -1);
	CU_ASSERT_EQUAL(cli_parse_uint("4a", 100, &v), -1);
	CU_ASSERT_EQUAL(cli_parse_uint("", 100, &v), -1);
}

static const struct tt_case cases[] = {
	{ "sizes", test_sizes },
	{ "bad sizes", test_bad_sizes },
	{ "CPU lists", test_cpulists },
	{ "bad CPU lists", test_bad_cpulists },
	{ "numbers", test_uint },
	{ NULL, NULL },
};

const struct tt_suite clt_parse_suite = { "parsers", cases };
