// SPDX-License-Identifier: GPL-2.0-only
/* The kept tail of a guest's output. */
#include <stdlib.h>
#include <string.h>

#include "consoled_test.h"
#include "history.h"

static struct cons_history h;
static char out[CONS_HISTORY_SIZE];

static void test_empty(void)
{
	cons_history_init(&h);
	CU_ASSERT_EQUAL(cons_history_copy(&h, out), 0);
}

static void test_small(void)
{
	cons_history_init(&h);
	cons_history_append(&h, "Debian GNU/Linux 12 ", 20);
	cons_history_append(&h, "login: ", 7);
	CU_ASSERT_EQUAL(cons_history_copy(&h, out), 27);
	CU_ASSERT_NSTRING_EQUAL(out, "Debian GNU/Linux 12 login: ", 27);
}

/* Write 0..n-1 as bytes (mod 251, so no period of the buffer size), check the tail. */
static void check_tail(size_t total, size_t step)
{
	char *data = malloc(total);
	size_t i, n, kept = total < CONS_HISTORY_SIZE ? total : CONS_HISTORY_SIZE;

	CU_ASSERT_PTR_NOT_NULL_FATAL(data);
	for (i = 0; i < total; i++)
		data[i] = (char)(i % 251);
	cons_history_init(&h);
	for (i = 0; i < total; i += step)
		cons_history_append(&h, data + i, total - i < step ? total - i : step);
	n = cons_history_copy(&h, out);
	CU_ASSERT_EQUAL(n, kept);
	CU_ASSERT(memcmp(out, data + total - kept, kept) == 0);
	free(data);
}

static void test_wraps_small_steps(void)
{
	check_tail(CONS_HISTORY_SIZE * 3 + 17, 100);
}

static void test_exactly_full(void)
{
	check_tail(CONS_HISTORY_SIZE, 1000);
}

static void test_one_big_append(void)
{
	check_tail(CONS_HISTORY_SIZE * 2 + 5, CONS_HISTORY_SIZE * 2 + 5);
}

static const struct tt_case cases[] = {
	{ "empty", test_empty },
	{ "small appends", test_small },
	{ "wraps, keeps the last 16 KiB", test_wraps_small_steps },
	{ "exactly full", test_exactly_full },
	{ "one append bigger than the buffer", test_one_big_append },
	{ NULL, NULL },
};

const struct tt_suite ct_history_suite = { "history", cases };
