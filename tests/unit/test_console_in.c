// SPDX-License-Identifier: GPL-2.0-only
/*
 * Console input (xen/common/console_in.c) and CONSOLEIO_read
 * (xen/common/console_io.c): the ring, the three-Ctrl-A switch, VIRQ_CONSOLE,
 * and what dom0 and other domains get from the hypercall. The debug keys
 * themselves (keyhandler.c) stay out: keyhandler_key() is recorded here.
 */
#include "test_evtchn.h"
#include <string.h>
#include <xen/console.h>
#include <xen/hypercall.h>

#define CI_KEYS_MAX  64
#define CTRL_A       CONSOLE_SWITCH_CHAR

static char keys_seen[CI_KEYS_MAX];
static unsigned int nr_keys;

/* keyhandler.c is not linked on the host: record what would reach it. */
void keyhandler_key(char key)
{
	if (nr_keys < CI_KEYS_MAX)
		keys_seen[nr_keys++] = key;
}

static void rx_str(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		console_in_rx(s[i]);
}

static void drain(void)
{
	console_in_consume(console_in_queued());
}

static long hc_read(struct domain *d, uint64_t count, void *buf)
{
	uint64_t a[HCALL_ARGS] = { CONSOLEIO_read, count, (uintptr_t)buf };

	return do_console_io(d->vcpus[0], a);
}

/* Domains 0-2 (0 = dom0), input for dom0, nothing queued, no key seen. */
static void setup(void)
{
	te_setup(TE_PORTS);
	if (console_in_for_xen())
		rx_str("\x01\x01\x01", 3);
	CU_ASSERT_FALSE_FATAL(console_in_for_xen());
	drain();
	nr_keys = 0;
	fake_console_clear();
}

static void test_dom0_gets_bytes_and_virq(void)
{
	evtchn_port_t port;
	char buf[8];

	setup();
	port = te_virq(te_d[0], VIRQ_CONSOLE, 0);
	rx_str("ab", 2);
	CU_ASSERT_EQUAL(console_in_queued(), 2);
	CU_ASSERT_TRUE(te_pending(te_d[0], port));
	CU_ASSERT_EQUAL(te_upcall(te_d[0], 0), 1);
	CU_ASSERT_EQUAL(console_in_peek(buf, sizeof(buf)), 2);
	CU_ASSERT_EQUAL(memcmp(buf, "ab", 2), 0);
	CU_ASSERT_EQUAL(console_in_queued(), 2);   /* peek leaves them */
	CU_ASSERT_EQUAL(nr_keys, 0);
	drain();
	te_teardown();
}

static void test_unbound_virq_still_queues(void)
{
	setup();
	rx_str("x", 1);
	CU_ASSERT_EQUAL(console_in_queued(), 1);
	CU_ASSERT_EQUAL(fake_evtchn_upcalls, 0);
	drain();
	te_teardown();
}

static void test_ring_overflow_drops_new(void)
{
	unsigned long dropped0;
	static char buf[CONSOLE_IN_RING_SIZE];

	setup();
	dropped0 = console_in_dropped();
	for (unsigned int i = 0; i < CONSOLE_IN_RING_SIZE + 5; i++)
		console_in_rx((char)('A' + i % 26));
	CU_ASSERT_EQUAL(console_in_queued(), CONSOLE_IN_RING_SIZE);
	CU_ASSERT_EQUAL(console_in_dropped() - dropped0, 5);
	CU_ASSERT_EQUAL(console_in_peek(buf, sizeof(buf)), CONSOLE_IN_RING_SIZE);
	for (unsigned int i = 0; i < CONSOLE_IN_RING_SIZE; i++)
		CU_ASSERT_EQUAL_FATAL(buf[i], (char)('A' + i % 26));
	drain();
	te_teardown();
}

static void test_ring_wraps(void)
{
	static char buf[CONSOLE_IN_RING_SIZE];
	const unsigned int first = CONSOLE_IN_RING_SIZE - 10;

	setup();
	for (unsigned int i = 0; i < first; i++)
		console_in_rx('.');
	console_in_consume(first);
	for (unsigned int i = 0; i < 40; i++)   /* crosses the end of the array */
		console_in_rx((char)('0' + i % 10));
	CU_ASSERT_EQUAL(console_in_queued(), 40);
	CU_ASSERT_EQUAL(console_in_peek(buf, sizeof(buf)), 40);
	for (unsigned int i = 0; i < 40; i++)
		CU_ASSERT_EQUAL_FATAL(buf[i], (char)('0' + i % 10));
	console_in_consume(1000);   /* more than queued: just empties it */
	CU_ASSERT_EQUAL(console_in_queued(), 0);
	te_teardown();
}

static void test_three_ctrl_a_switch(void)
{
	setup();
	rx_str("\x01\x01\x01", 3);
	CU_ASSERT_TRUE(console_in_for_xen());
	CU_ASSERT_PTR_NOT_NULL(strstr(fake_console_output(),
		"*** Serial input to Xen (type 'CTRL-a' three times to switch input)"));
	rx_str("hq", 2);
	CU_ASSERT_EQUAL(console_in_queued(), 0);
	CU_ASSERT_EQUAL(nr_keys, 2);
	CU_ASSERT_EQUAL(memcmp(keys_seen, "hq", 2), 0);
	rx_str("\x01\x01\x01", 3);
	CU_ASSERT_FALSE(console_in_for_xen());
	CU_ASSERT_PTR_NOT_NULL(strstr(fake_console_output(), "*** Serial input to DOM0"));
	CU_ASSERT_EQUAL(nr_keys, 2);   /* the switch characters reach nobody */
	te_teardown();
}

/* As in Xen: a run shorter than three is passed on before the byte that ends it. */
static void test_short_run_is_delivered(void)
{
	char buf[8];

	setup();
	rx_str("\x01\x01" "b", 3);
	CU_ASSERT_FALSE(console_in_for_xen());
	CU_ASSERT_EQUAL(console_in_peek(buf, sizeof(buf)), 3);
	CU_ASSERT_EQUAL(memcmp(buf, "\x01\x01" "b", 3), 0);
	drain();
	rx_str("\x01" "c\x01\x01" "d", 5);
	CU_ASSERT_EQUAL(console_in_peek(buf, sizeof(buf)), 5);
	CU_ASSERT_EQUAL(memcmp(buf, "\x01" "c\x01\x01" "d", 5), 0);
	CU_ASSERT_EQUAL(nr_keys, 0);
	drain();
	te_teardown();
}

/* Four in a row: three switch, the fourth waits and goes to the new target. */
static void test_fourth_ctrl_a_goes_to_new_target(void)
{
	setup();
	rx_str("\x01\x01\x01\x01" "r", 5);
	CU_ASSERT_TRUE(console_in_for_xen());
	CU_ASSERT_EQUAL(console_in_queued(), 0);
	CU_ASSERT_EQUAL(nr_keys, 2);
	CU_ASSERT_EQUAL(keys_seen[0], CTRL_A);
	CU_ASSERT_EQUAL(keys_seen[1], 'r');
	te_teardown();
}

static void test_no_dom0_input_is_xen(void)
{
	setup();
	hardware_domain = NULL;
	CU_ASSERT_TRUE(console_in_for_xen());
	rx_str("v", 1);
	CU_ASSERT_EQUAL(nr_keys, 1);
	CU_ASSERT_EQUAL(console_in_queued(), 0);
	rx_str("\x01\x01\x01", 3);
	CU_ASSERT_TRUE(console_in_for_xen());
	CU_ASSERT_PTR_NOT_NULL(strstr(fake_console_output(), "*** Serial input stays with Xen (no dom0"));
	hardware_domain = te_d[0];
	CU_ASSERT_FALSE(console_in_for_xen());   /* a dom0 that comes later gets it */
	te_teardown();
}

static void test_read_counts(void)
{
	char buf[16];

	setup();
	rx_str("hello", 5);
	memset(buf, 0, sizeof(buf));
	CU_ASSERT_EQUAL(hc_read(te_d[0], 3, buf), 3);
	CU_ASSERT_EQUAL(memcmp(buf, "hel", 3), 0);
	CU_ASSERT_EQUAL(buf[3], 0);
	CU_ASSERT_EQUAL(hc_read(te_d[0], sizeof(buf), buf), 2);
	CU_ASSERT_EQUAL(memcmp(buf, "lo", 2), 0);
	CU_ASSERT_EQUAL(hc_read(te_d[0], sizeof(buf), buf), 0);
	CU_ASSERT_EQUAL(hc_read(te_d[0], 0, buf), 0);
	te_teardown();
}

static void test_read_many_chunks(void)
{
	static char buf[CONSOLE_IN_RING_SIZE];

	setup();
	for (unsigned int i = 0; i < 700; i++)
		console_in_rx((char)('a' + i % 26));
	CU_ASSERT_EQUAL(hc_read(te_d[0], sizeof(buf), buf), 700);
	for (unsigned int i = 0; i < 700; i++)
		CU_ASSERT_EQUAL_FATAL(buf[i], (char)('a' + i % 26));
	CU_ASSERT_EQUAL(console_in_queued(), 0);
	te_teardown();
}

static void test_read_eperm_e2big_efault(void)
{
	char buf[8];

	setup();
	rx_str("zz", 2);
	CU_ASSERT_EQUAL(hc_read(te_d[1], sizeof(buf), buf), -EPERM);
	CU_ASSERT_EQUAL(hc_read(te_d[0], 0x80000000ULL, buf), -E2BIG);
	CU_ASSERT_EQUAL(hc_read(te_d[0], sizeof(buf), NULL), -EFAULT);
	CU_ASSERT_EQUAL(console_in_queued(), 2);   /* nothing consumed */
	hardware_domain = NULL;
	CU_ASSERT_EQUAL(hc_read(te_d[0], sizeof(buf), buf), -EPERM);
	hardware_domain = te_d[0];
	CU_ASSERT_EQUAL(hc_read(te_d[0], sizeof(buf), buf), 2);
	te_teardown();
}

UT_SUITE(console_in_suite, "console_in", te_suite_init, te_suite_clean,
	 UT_CASE(test_dom0_gets_bytes_and_virq),
	 UT_CASE(test_unbound_virq_still_queues),
	 UT_CASE(test_ring_overflow_drops_new),
	 UT_CASE(test_ring_wraps),
	 UT_CASE(test_three_ctrl_a_switch),
	 UT_CASE(test_short_run_is_delivered),
	 UT_CASE(test_fourth_ctrl_a_goes_to_new_target),
	 UT_CASE(test_no_dom0_input_is_xen),
	 UT_CASE(test_read_counts),
	 UT_CASE(test_read_many_chunks),
	 UT_CASE(test_read_eperm_e2big_efault))
