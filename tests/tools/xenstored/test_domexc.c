// SPDX-License-Identifier: GPL-2.0-only
/*
 * The transport hooks of INTRODUCE and RELEASE, with a fake transport, and
 * the VIRQ_DOM_EXC check with a fake hypervisor "domain info".
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define FAKE_MAX	8

/* The fake transport: what it was asked, and what it answers. */
static struct {
	uint32_t connected[FAKE_MAX];	/* domids, 0: free slot */
	uint64_t gfn[FAKE_MAX];
	uint32_t port[FAKE_MAX];
	unsigned int introduces, releases;
	int fail;			/* introduce answers this if non-zero */
} fake;

/* The fake hypervisor: each domain's state. */
static int dom_state[FAKE_MAX * 4];

static int fake_slot(uint32_t domid)
{
	for (int i = 0; i < FAKE_MAX; i++)
		if (fake.connected[i] == domid)
			return i;
	return -1;
}

static int fake_introduce(void *opaque, uint32_t domid, uint64_t gfn, uint32_t port)
{
	int i = fake_slot(0);

	CU_ASSERT(opaque == &fake);
	fake.introduces++;
	if (fake.fail)
		return fake.fail;
	CU_ASSERT_FATAL(i >= 0 && fake_slot(domid) < 0);
	fake.connected[i] = domid;
	fake.gfn[i] = gfn;
	fake.port[i] = port;
	return 0;
}

static void fake_release(void *opaque, uint32_t domid)
{
	int i = fake_slot(domid);

	CU_ASSERT(opaque == &fake);
	CU_ASSERT(i >= 0);
	fake.releases++;
	if (i >= 0)
		fake.connected[i] = 0;
}

static int fake_state(void *opaque, uint32_t domid)
{
	CU_ASSERT(opaque == dom_state);
	return domid < FAKE_MAX * 4 ? dom_state[domid] : XSD_DOM_GONE;
}

static void use_fakes(void)
{
	static const struct xsd_domain_ops ops = { fake_introduce, fake_release, &fake };

	memset(&fake, 0, sizeof(fake));
	memset(dom_state, 0, sizeof(dom_state));
	xsd_store_set_domain_ops(xt_st, &ops);
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_WATCH, 0, S("@introduceDomain\0in")), "");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_WATCH, 0, S("@releaseDomain\0out")), "");
	CU_ASSERT(xt_take_event(xt_dom0, "@introduceDomain", "in"));
	CU_ASSERT(xt_take_event(xt_dom0, "@releaseDomain", "out"));
}

static const char *introduce(const char *args, size_t len)
{
	return xt_do(xt_dom0, XS_INTRODUCE, 0, args, len);
}

static void test_introduce_connects(void)
{
	use_fakes();
	CU_ASSERT_STRING_EQUAL(introduce(S("5\0" "4096\0" "9")), "");
	CU_ASSERT(fake.introduces == 1 && fake_slot(5) >= 0);
	CU_ASSERT(fake.gfn[fake_slot(5)] == 4096 && fake.port[fake_slot(5)] == 9);
	CU_ASSERT(xt_take_event(xt_dom0, "@introduceDomain", "in"));
	/* the same again: OK, nothing asked of the transport, no event */
	CU_ASSERT_STRING_EQUAL(introduce(S("5\0" "4096\0" "9")), "");
	CU_ASSERT_STRING_EQUAL(introduce(S("5\0" "4097\0" "9")), "EINVAL");
	CU_ASSERT(fake.introduces == 1 && xt_dom0->nev == 0);
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_RELEASE, 0, S("5")), "");
	CU_ASSERT(fake.releases == 1 && fake_slot(5) < 0);
	CU_ASSERT(xt_take_event(xt_dom0, "@releaseDomain", "out"));
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_RELEASE, 0, S("5")), "ENOENT");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_RELEASE, 0, S("6")), "ENOENT");
	CU_ASSERT(fake.releases == 1 && xt_dom0->nev == 0);
}

static void test_introduce_fails(void)
{
	struct xt_msg rep;

	use_fakes();
	fake.fail = -ENOENT;
	CU_ASSERT_STRING_EQUAL(introduce(S("5\0" "4096\0" "9")), "ENOENT");
	CU_ASSERT(fake.introduces == 1 && xt_dom0->nev == 0);
	xt_call(xt_dom0, XS_IS_DOMAIN_INTRODUCED, 0, S("5"), &rep);
	CU_ASSERT_STRING_EQUAL(rep.body, "F");
	/* nothing was left: a later INTRODUCE is a new one */
	fake.fail = 0;
	CU_ASSERT_STRING_EQUAL(introduce(S("5\0" "1\0" "2")), "");
	CU_ASSERT(fake.introduces == 2 && xt_take_event(xt_dom0, "@introduceDomain", "in"));
}

static void test_guest_cannot_introduce(void)
{
	struct xt_client *g = xt_client(5);

	use_fakes();
	CU_ASSERT_STRING_EQUAL(xt_do(g, XS_INTRODUCE, 0, S("6\0" "1\0" "1")), "EACCES");
	CU_ASSERT_STRING_EQUAL(introduce(S("6\0" "1\0" "1")), "");
	CU_ASSERT_STRING_EQUAL(xt_do(g, XS_RELEASE, 0, S("6")), "EACCES");
	CU_ASSERT(fake.introduces == 1 && fake.releases == 0);
}

static void test_dom_exc(void)
{
	use_fakes();
	CU_ASSERT_STRING_EQUAL(introduce(S("3\0" "1\0" "1")), "");
	CU_ASSERT_STRING_EQUAL(introduce(S("4\0" "1\0" "1")), "");
	CU_ASSERT_STRING_EQUAL(introduce(S("5\0" "1\0" "1")), "");
	xt_dom0->nev = 0;
	/* all running: nothing */
	CU_ASSERT(xsd_domains_check(xt_st, fake_state, dom_state) == 0);
	xt_drain(xt_dom0);
	CU_ASSERT(xt_dom0->nev == 0);
	/* 3 shut down: one event, kept; not again for the same shutdown */
	dom_state[3] = XSD_DOM_SHUTDOWN;
	CU_ASSERT(xsd_domains_check(xt_st, fake_state, dom_state) == 0);
	xt_drain(xt_dom0);
	CU_ASSERT(xt_take_event(xt_dom0, "@releaseDomain", "out") && xt_dom0->nev == 0);
	CU_ASSERT(xsd_domains_check(xt_st, fake_state, dom_state) == 0);
	xt_drain(xt_dom0);
	CU_ASSERT(xt_dom0->nev == 0 && fake.releases == 0);
	/* 3 gone, 4 dying, a lookup error for 5: two forgotten, one event */
	dom_state[3] = XSD_DOM_GONE;
	dom_state[4] = XSD_DOM_DYING;
	dom_state[5] = -EIO;
	CU_ASSERT(xsd_domains_check(xt_st, fake_state, dom_state) == 2);
	xt_drain(xt_dom0);
	CU_ASSERT(xt_take_event(xt_dom0, "@releaseDomain", "out") && xt_dom0->nev == 0);
	CU_ASSERT(fake.releases == 2 && fake_slot(3) < 0 && fake_slot(4) < 0);
	CU_ASSERT(fake_slot(5) >= 0);
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_RELEASE, 0, S("3")), "ENOENT");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_RELEASE, 0, S("5")), "");
}

/* --kernel's initial nodes (docs/misc/xenstore-paths.pandoc). */
static void test_init_nodes(void)
{
	char *v;

	CU_ASSERT(xsd_store_init_nodes(xt_st) == 0);
	CU_ASSERT_STRING_EQUAL(xt_read(xt_dom0, 0, "/local/domain/0/name", &v), "");
	CU_ASSERT_STRING_EQUAL(v, "Domain-0");
	free(v);
	CU_ASSERT_STRING_EQUAL(xt_read(xt_dom0, 0, "/local/domain/0/domid", &v), "");
	CU_ASSERT_STRING_EQUAL(v, "0");
	free(v);
	CU_ASSERT_STRING_EQUAL(xt_read(xt_dom0, 0, "/vm", NULL), "");
	CU_ASSERT_STRING_EQUAL(xt_read(xt_dom0, 0, "/tool", NULL), "");
}

static const struct xt_case cases[] = {
	{ "introduce connects, release disconnects", test_introduce_connects },
	{ "a failed introduce leaves nothing", test_introduce_fails },
	{ "guests may not introduce or release", test_guest_cannot_introduce },
	{ "VIRQ_DOM_EXC: shut down, dying, gone", test_dom_exc },
	{ "initial nodes", test_init_nodes },
	{ NULL, NULL },
};

const struct xt_suite xt_suite_domexc = { "domain transport", cases };
