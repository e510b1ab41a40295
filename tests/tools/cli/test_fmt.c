// SPDX-License-Identifier: GPL-2.0-only
/* ctl's output formats, compared exactly with xl's. */
#include <string.h>

#include "cli_test.h"
#include "fmt.h"

#define MIB_PAGES	256	/* 4 KiB pages in a MiB */

static char buf[512];

static struct ctl_domctl_info info(uint32_t domid, uint32_t flags, uint32_t code,
				   uint64_t mib, uint32_t vcpus, uint64_t ns)
{
	struct ctl_domctl_info i = { 0 };

	i.domid = (domid_t)domid;
	i.flags = flags;
	i.shutdown_code = code;
	i.tot_pages = mib * MIB_PAGES;
	i.nr_online_vcpus = vcpus;
	i.cpu_time_ns = ns;
	return i;
}

static void test_list_header(void)
{
	CU_ASSERT_STRING_EQUAL(cli_list_header,
			       "Name                                        ID   Mem VCPUs\tState\tTime(s)");
}

static void test_list_rows(void)
{
	struct ctl_domctl_info i = info(0, CTL_DOMINF_running, 0, 1024, 4, 12340000000ULL);

	cli_fmt_list_row(buf, sizeof(buf), "Domain-0", &i);
	CU_ASSERT_STRING_EQUAL(buf, "Domain-0                                     0  1024     4"
			       "     r-----      12.3");
	i = info(7, CTL_DOMINF_paused | CTL_DOMINF_shutdown | CTL_DOMINF_dying, 0, 512, 2, 0);
	cli_fmt_list_row(buf, sizeof(buf), "web", &i);
	CU_ASSERT_STRING_EQUAL(buf, "web                                          7   512     2"
			       "     --ps-d       0.0");
	i = info(3, CTL_DOMINF_shutdown, 3, 64, 1, 1234560000000ULL);
	cli_fmt_list_row(buf, sizeof(buf), "crashy", &i);
	CU_ASSERT_STRING_EQUAL(buf, "crashy                                       3    64     1"
			       "     ---sc-    1234.6");
}

static void test_state_letters(void)
{
	char s[CLI_STATE_LEN];
	struct ctl_domctl_info i = info(1, 0, 0, 0, 0, 0);

	cli_state_letters(&i, s);
	CU_ASSERT_STRING_EQUAL(s, "-b----");
	i.flags = CTL_DOMINF_shutdown;
	i.shutdown_code = 1;
	cli_state_letters(&i, s);
	CU_ASSERT_STRING_EQUAL(s, "---sr-");
	i.shutdown_code = 4;
	cli_state_letters(&i, s);
	CU_ASSERT_STRING_EQUAL(s, "---sw-");
	i.shutdown_code = 99;
	cli_state_letters(&i, s);
	CU_ASSERT_STRING_EQUAL(s, "---s?-");
}

static void test_vcpu(void)
{
	struct ctl_domctl_vcpu_info v = { .vcpu = 1, .flags = CTL_VCPUINF_online |
					  CTL_VCPUINF_blocked, .cpu = 3,
					  .cpu_time_ns = 2500000000ULL, .cpumap = 0xb };

	cli_fmt_vcpu_header(buf, sizeof(buf));
	CU_ASSERT_STRING_EQUAL(buf, "Name                                ID  VCPU   CPU State"
			       "   Time(s) Affinity (Hard)");
	cli_fmt_vcpu_row(buf, sizeof(buf), "web", 7, &v, 8);
	CU_ASSERT_STRING_EQUAL(buf, "web                                  7     1     3   -b-"
			       "       2.5 0-1,3");
	v = (struct ctl_domctl_vcpu_info){ .vcpu = 2, .cpu = 5, .cpumap = 0xf };
	cli_fmt_vcpu_row(buf, sizeof(buf), "web", 7, &v, 4);
	CU_ASSERT_STRING_EQUAL(buf, "web                                  7     2     -   --p"
			       "       0.0 all");
}

static void test_sched(void)
{
	cli_fmt_sched_header(buf, sizeof(buf));
	CU_ASSERT_STRING_EQUAL(buf, "Name                                ID Weight  Cap");
	cli_fmt_sched_row(buf, sizeof(buf), "Domain-0", 0, 256, 0);
	CU_ASSERT_STRING_EQUAL(buf, "Domain-0                             0    256    0");
}

static void test_uptime(void)
{
	cli_fmt_uptime(buf, sizeof(buf), 0);
	CU_ASSERT_STRING_EQUAL(buf, " 0:00:00");
	cli_fmt_uptime(buf, sizeof(buf), 3599);
	CU_ASSERT_STRING_EQUAL(buf, " 0:59:59");
	cli_fmt_uptime(buf, sizeof(buf), 86399);
	CU_ASSERT_STRING_EQUAL(buf, "23:59:59");
	cli_fmt_uptime(buf, sizeof(buf), 86400 + 2 * 3600 + 3 * 60 + 4);
	CU_ASSERT_STRING_EQUAL(buf, "1 day,  2:03:04");
	cli_fmt_uptime(buf, sizeof(buf), 10 * 86400 + 13 * 3600);
	CU_ASSERT_STRING_EQUAL(buf, "10 days, 13:00:00");
	cli_fmt_uptime_header(buf, sizeof(buf));
	CU_ASSERT_STRING_EQUAL(buf, "Name                                ID Uptime");
	cli_fmt_uptime_row(buf, sizeof(buf), "web", 7, 86400 + 2 * 3600 + 3 * 60 + 4);
	CU_ASSERT_STRING_EQUAL(buf, "web                                  7 1 day,  2:03:04");
}

static void test_info(void)
{
	cli_fmt_info(buf, sizeof(buf), "nr_cpus", "4");
	CU_ASSERT_STRING_EQUAL(buf, "nr_cpus                : 4");
}

static void test_cpumap(void)
{
	cli_fmt_cpumap(buf, sizeof(buf), 0xf, 4);
	CU_ASSERT_STRING_EQUAL(buf, "all");
	cli_fmt_cpumap(buf, sizeof(buf), 0x2d, 8);
	CU_ASSERT_STRING_EQUAL(buf, "0,2-3,5");
	cli_fmt_cpumap(buf, sizeof(buf), 0, 8);
	CU_ASSERT_STRING_EQUAL(buf, "none");
	cli_fmt_cpumap(buf, sizeof(buf), 1ULL << 63, 64);
	CU_ASSERT_STRING_EQUAL(buf, "63");
	cli_fmt_cpumap(buf, sizeof(buf), ~0ULL, 64);
	CU_ASSERT_STRING_EQUAL(buf, "all");
}

static const struct tt_case cases[] = {
	{ "list header", test_list_header },
	{ "list rows", test_list_rows },
	{ "state letters", test_state_letters },
	{ "vcpu-list", test_vcpu },
	{ "sched-credit", test_sched },
	{ "uptime", test_uptime },
	{ "info line", test_info },
	{ "cpumap", test_cpumap },
	{ NULL, NULL },
};

const struct tt_suite clt_fmt_suite = { "formats", cases };
