// SPDX-License-Identifier: GPL-2.0-only
/* The handle: opening, messages, the locked hypercall buffer. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "libctl_test.h"
#include "ctl_int.h"
#include "test_ctl_fake.h"

static void test_open_backend_without_hypercall(void)
{
	struct ctl_backend b = { 0 };
	struct ctl_handle *h = (struct ctl_handle *)&b;
	char *err = NULL;

	CU_ASSERT_EQUAL(ctl_open_backend(&b, NULL, &h, &err), -EINVAL);
	CU_ASSERT_PTR_NULL(h);
	CU_ASSERT_PTR_NOT_NULL_FATAL(err);
	lt_msg_is(err, "libctl: backend without a hypercall hook");
	free(err);
}

/* The unit-test host is not dom0: the real open fails and says why. */
static void test_open_real_devices_fails_clearly(void)
{
	struct ctl_handle *h = NULL;
	char *err = NULL;
	int rc;

	if (access("/dev/xen/privcmd", F_OK) == 0) {
		fprintf(stderr, "\n  /dev/xen/privcmd exists: not checking the failure\n");
		return;
	}
	rc = ctl_open(&h, &err);
	CU_ASSERT(rc < 0);
	CU_ASSERT_PTR_NULL(h);
	CU_ASSERT_PTR_NOT_NULL_FATAL(err);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "open /dev/xen/privcmd: "));
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "xen-privcmd loaded?"));
	free(err);
}

static void test_fail_and_errmsg(void)
{
	struct fake f;

	fake_open(&f);
	lt_msg_is(ctl_errmsg(f.h), "");
	CU_ASSERT_EQUAL(ctl_fail(f.h, -ENOENT, "d%u: %s", 7U, "gone"), -ENOENT);
	lt_msg_is(ctl_errmsg(f.h), "d7: gone");
	CU_ASSERT_EQUAL(ctl_fail_errno(f.h, -ESRCH, "domctl x d%u", 3U), -ESRCH);
	lt_msg_is(ctl_errmsg(f.h), "domctl x d3: No such process");
	fake_close(&f);
	ctl_close(NULL);
	lt_msg_is(ctl_errmsg(NULL), "");
}

static bool page_resident(const void *p)
{
	unsigned char vec = 0;
	uintptr_t page = (uintptr_t)p & ~(uintptr_t)(sysconf(_SC_PAGESIZE) - 1);

	return mincore((void *)page, 1, &vec) == 0 && (vec & 1);
}

/*
 * Arguments the hypervisor dereferences live in the handle's buffer and are
 * resident. (That it is mlock()ed cannot be seen here: ASan's mlock is a no-op.)
 */
static void test_arguments_in_locked_memory(void)
{
	struct fake f;
	const void *arg;

	fake_open(&f);
	CU_ASSERT_EQUAL_FATAL(ctl_domain_pause(f.h, 3), 0);
	arg = (const void *)(uintptr_t)fake_last(&f)->args[0];
	CU_ASSERT_PTR_EQUAL(arg, f.h->hbuf);
	CU_ASSERT(page_resident(arg));
	fake_close(&f);
}

static const struct tt_case cases[] = {
	{ "open_backend without hypercall", test_open_backend_without_hypercall },
	{ "ctl_open without privcmd", test_open_real_devices_fails_clearly },
	{ "ctl_fail and ctl_errmsg", test_fail_and_errmsg },
	{ "hypercall arguments locked", test_arguments_in_locked_memory },
	{ NULL, NULL },
};

const struct tt_suite lt_ctl_handle_suite = { "ctl_handle", cases };
