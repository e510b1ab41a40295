// SPDX-License-Identifier: GPL-2.0-only
/* EVTCHNOP_alloc_unbound and the /dev/xen/evtchn object over the fake device. */
#include <errno.h>
#include <unistd.h>

#include "libctl_test.h"
#include "ctl_linux.h"
#include "test_ctl_fake.h"

static void test_alloc_unbound(void)
{
	const struct fake_call *c;
	uint32_t port = 0;
	struct fake f;

	fake_open(&f);
	CU_ASSERT_EQUAL(ctl_evtchn_alloc_unbound(f.h, 5, 0, &port), 0);
	CU_ASSERT_EQUAL(port, FAKE_UNBOUND);
	c = fake_last(&f);
	CU_ASSERT_EQUAL(c->nr, __HYPERVISOR_event_channel_op);
	CU_ASSERT_EQUAL(c->args[0], EVTCHNOP_alloc_unbound);
	CU_ASSERT_EQUAL(c->u.unbound.dom, 5);
	CU_ASSERT_EQUAL(c->u.unbound.remote_dom, 0);
	f.fail_rc = -ENOSPC;
	CU_ASSERT_EQUAL(ctl_evtchn_alloc_unbound(f.h, 5, 0, &port), -ENOSPC);
	lt_msg_is(ctl_errmsg(f.h), "evtchn alloc_unbound d5 for d0: No space left on device");
	fake_close(&f);
}

static void test_bind_unbind_notify(void)
{
	struct ctl_evtchn *e = NULL;
	struct fake f;

	fake_open(&f);
	CU_ASSERT_EQUAL_FATAL(ctl_evtchn_open(f.h, &e), 0);
	CU_ASSERT(ctl_evtchn_fd(e) >= 0);
	CU_ASSERT_EQUAL(ctl_evtchn_bind_interdomain(e, 3, 9), FAKE_PORT);
	CU_ASSERT_EQUAL(f.last_ioctl, CTL_IOCTL_EVTCHN_BIND_INTERDOMAIN);
	CU_ASSERT_EQUAL(f.ioctl_arg[0], 3);
	CU_ASSERT_EQUAL(f.ioctl_arg[1], 9);
	CU_ASSERT_EQUAL(ctl_evtchn_bind_virq(e, 3), FAKE_PORT);
	CU_ASSERT_EQUAL(f.last_ioctl, CTL_IOCTL_EVTCHN_BIND_VIRQ);
	CU_ASSERT_EQUAL(ctl_evtchn_notify(e, 42), 0);
	CU_ASSERT_EQUAL(f.last_ioctl, CTL_IOCTL_EVTCHN_NOTIFY);
	CU_ASSERT_EQUAL(f.ioctl_arg[0], 42);
	CU_ASSERT_EQUAL(ctl_evtchn_unbind(e, 42), 0);
	CU_ASSERT_EQUAL(f.last_ioctl, CTL_IOCTL_EVTCHN_UNBIND);
	f.ioctl_rc = -EINVAL;
	CU_ASSERT_EQUAL(ctl_evtchn_bind_interdomain(e, 3, 10), -EINVAL);
	lt_msg_is(ctl_errmsg(f.h), "evtchn bind_interdomain d3 port 10: Invalid argument");
	ctl_evtchn_close(e);
	CU_ASSERT_EQUAL(f.evtchn_peer, -1);
	fake_close(&f);
}

static void test_pending_and_unmask(void)
{
	struct ctl_evtchn *e = NULL;
	uint32_t port = 17, got = 0;
	struct fake f;

	fake_open(&f);
	CU_ASSERT_EQUAL_FATAL(ctl_evtchn_open(f.h, &e), 0);
	CU_ASSERT_EQUAL(ctl_evtchn_pending(e), -EAGAIN);
	CU_ASSERT_EQUAL(write(f.evtchn_peer, &port, sizeof(port)), (ssize_t)sizeof(port));
	CU_ASSERT_EQUAL(ctl_evtchn_pending(e), 17);
	CU_ASSERT_EQUAL(ctl_evtchn_unmask(e, 17), 0);
	CU_ASSERT_EQUAL(read(f.evtchn_peer, &got, sizeof(got)), (ssize_t)sizeof(got));
	CU_ASSERT_EQUAL(got, 17);
	ctl_evtchn_close(e);
	fake_close(&f);
}

static void test_no_device(void)
{
	struct ctl_backend b = fake_backend;
	struct ctl_evtchn *e = (struct ctl_evtchn *)&b;
	struct ctl_handle *h;
	struct fake f = { 0 };

	b.evtchn_open = NULL;
	CU_ASSERT_EQUAL_FATAL(ctl_open_backend(&b, &f, &h, NULL), 0);
	CU_ASSERT_EQUAL(ctl_evtchn_open(h, &e), -ENOSYS);
	CU_ASSERT_PTR_NULL(e);
	lt_msg_is(ctl_errmsg(h), "evtchn: the backend has no event channel device");
	ctl_close(h);
	ctl_evtchn_close(NULL);
}

static const struct tt_case cases[] = {
	{ "alloc_unbound", test_alloc_unbound },
	{ "bind, unbind, notify", test_bind_unbind_notify },
	{ "pending and unmask", test_pending_and_unmask },
	{ "no evtchn device", test_no_device },
	{ NULL, NULL },
};

const struct tt_suite lt_ctl_evtchn_suite = { "ctl_evtchn", cases };
