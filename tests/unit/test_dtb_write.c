// SPDX-License-Identifier: GPL-2.0-only
/* The DT writer, checked by reading its output back with the DT reader. */
#include "harness.h"
#include <string.h>
#include <xen/dtb.h>
#include <xen/dtb_write.h>
#include <xen/errno.h>

#define BUF_SIZE 4096

static uint8_t buf[BUF_SIZE];

static long write_sample(size_t size)
{
	static const char *const compat[] = { "vendor,a", "vendor,b" };
	uint64_t reg[] = { 0x40000000, 0x10000000 };
	struct dtb_writer w;

	dtbw_init(&w, buf, size);
	dtbw_begin_node(&w, "");
	dtbw_prop_u32(&w, "#address-cells", 2);
	dtbw_prop_u32(&w, "#size-cells", 2);
	dtbw_begin_node(&w, "memory@40000000");
	dtbw_prop_string(&w, "device_type", "memory");
	dtbw_prop_u64s(&w, "reg", reg, 2);
	dtbw_end_node(&w);
	dtbw_begin_node(&w, "dev");
	dtbw_prop_strings(&w, "compatible", compat, 2);
	dtbw_prop_empty(&w, "interrupt-controller");
	dtbw_end_node(&w);
	dtbw_end_node(&w);
	return dtbw_finish(&w);
}

static void test_round_trip(void)
{
	long len = write_sample(sizeof(buf));
	struct dtb dtb;
	struct dtb_node mem, dev;
	struct dtb_prop p;
	uint64_t addr, size;

	CU_ASSERT_FATAL(len > 0);
	CU_ASSERT_EQUAL_FATAL(dtb_open(&dtb, buf, (size_t)len), 0);
	CU_ASSERT_FATAL(dtb_find_path(&dtb, "/memory", &mem));
	CU_ASSERT_STRING_EQUAL(dtb_prop_string(&mem, "device_type"), "memory");
	CU_ASSERT_EQUAL(dtb_get_reg(&mem, 0, &addr, &size), 0);
	CU_ASSERT_EQUAL(addr, 0x40000000);
	CU_ASSERT_EQUAL(size, 0x10000000);
	CU_ASSERT_FATAL(dtb_find_path(&dtb, "/dev", &dev));
	CU_ASSERT(dtb_node_is_compatible(&dev, "vendor,b"));
	CU_ASSERT(dtb_get_prop(&dev, "interrupt-controller", &p));
	CU_ASSERT_EQUAL(p.len, 0);
}

static void test_strings_deduplicated(void)
{
	long len = write_sample(sizeof(buf));
	struct dtb dtb;

	CU_ASSERT_FATAL(len > 0);
	CU_ASSERT_EQUAL_FATAL(dtb_open(&dtb, buf, (size_t)len), 0);
	/* #address-cells, #size-cells, device_type, reg, compatible, interrupt-controller */
	CU_ASSERT_EQUAL(dtb.size_strings, strlen("#address-cells") + strlen("#size-cells") +
					  strlen("device_type") + strlen("reg") +
					  strlen("compatible") + strlen("interrupt-controller") + 6);
}

static void test_too_small(void)
{
	for (size_t size = 0; size < 200; size += 7)
		CU_ASSERT_EQUAL(write_sample(size), -ENOSPC);
}

static void test_unbalanced(void)
{
	struct dtb_writer w;

	dtbw_init(&w, buf, sizeof(buf));
	dtbw_begin_node(&w, "");
	dtbw_begin_node(&w, "open");
	dtbw_end_node(&w);
	CU_ASSERT_EQUAL(dtbw_finish(&w), -EINVAL);
	dtbw_init(&w, buf, sizeof(buf));
	dtbw_end_node(&w);
	CU_ASSERT_EQUAL(dtbw_finish(&w), -EINVAL);
}

UT_SUITE(dtb_write_suite, "dtb_write", NULL, NULL, UT_CASE(test_round_trip),
	 UT_CASE(test_strings_deduplicated), UT_CASE(test_too_small), UT_CASE(test_unbalanced))
