// SPDX-License-Identifier: GPL-2.0-only
/* Test harness: protocol clients over libxenstored, and the CUnit runner. */
#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define MAX_CLIENTS 8

struct xsd_store *xt_st;
struct xt_client *xt_dom0;
static struct xt_client *clients[MAX_CLIENTS];
static unsigned int nclients;
static struct xsd_quota quota;
static int quota_set;

void xt_use_quota(const struct xsd_quota *q)
{
	xt_teardown();
	quota = *q;
	quota_set = 1;
	CU_ASSERT_FATAL(xt_setup() == 0);
}

struct xt_client *xt_client(uint32_t domid)
{
	struct xt_client *cl = calloc(1, sizeof(*cl));

	CU_ASSERT_FATAL(cl != NULL && nclients < MAX_CLIENTS);
	cl->c = xsd_conn_new(xt_st, domid);
	CU_ASSERT_FATAL(cl->c != NULL);
	cl->next_req = 100;
	clients[nclients++] = cl;
	return cl;
}

int xt_setup(void)
{
	xt_st = xsd_store_new(quota_set ? &quota : NULL);
	if (!xt_st)
		return -1;
	xt_dom0 = xt_client(0);
	return 0;
}

int xt_teardown(void)
{
	for (unsigned int i = 0; i < nclients; i++)
		free(clients[i]);
	nclients = 0;
	xsd_store_free(xt_st);
	xt_st = NULL;
	quota_set = 0;
	return 0;
}

/* Decodes the queued output: events into cl->ev, anything else into *rep. */
static void collect(struct xt_client *cl, struct xt_msg *rep)
{
	struct xt_msg m;
	size_t len;
	const unsigned char *out = xsd_conn_output(cl->c, &len);

	while (len >= sizeof(m.hdr)) {
		memcpy(&m.hdr, out, sizeof(m.hdr));
		CU_ASSERT_FATAL(m.hdr.len <= XENSTORE_PAYLOAD_MAX && len >= sizeof(m.hdr) + m.hdr.len);
		memcpy(m.body, out + sizeof(m.hdr), m.hdr.len);
		m.body[m.hdr.len] = '\0';
		if (m.hdr.type == XS_WATCH_EVENT && cl->nev < XT_MAX_EVENTS)
			cl->ev[cl->nev++] = m;
		else if (m.hdr.type != XS_WATCH_EVENT && rep)
			*rep = m;
		xsd_conn_consume(cl->c, sizeof(m.hdr) + m.hdr.len);
		out = xsd_conn_output(cl->c, &len);
	}
	CU_ASSERT(len == 0);
}

void xt_drain(struct xt_client *cl)
{
	collect(cl, NULL);
}

void xt_raw(struct xt_client *cl, const void *buf, size_t len, struct xt_msg *rep)
{
	memset(&rep->hdr, 0xff, sizeof(rep->hdr));
	cl->feed_rc = xsd_conn_feed(cl->c, buf, len);
	collect(cl, rep);
}

uint32_t xt_call(struct xt_client *cl, uint32_t type, uint32_t tx, const void *payload,
		 size_t len, struct xt_msg *rep)
{
	unsigned char *buf = malloc(sizeof(struct xsd_sockmsg) + len + 1);
	struct xsd_sockmsg h = { type, cl->next_req++, tx, (uint32_t)len };

	CU_ASSERT_FATAL(buf != NULL);
	memcpy(buf, &h, sizeof(h));
	if (len)
		memcpy(buf + sizeof(h), payload, len);
	xt_raw(cl, buf, sizeof(h) + len, rep);
	free(buf);
	CU_ASSERT(rep->hdr.req_id == h.req_id);
	CU_ASSERT(rep->hdr.type == type || rep->hdr.type == XS_ERROR);
	return h.req_id;
}

const char *xt_errof(const struct xt_msg *m)
{
	static char err[32];

	if (m->hdr.type != XS_ERROR)
		return "";
	snprintf(err, sizeof(err), "%.31s", m->body);
	return err;
}

int xt_take_event(struct xt_client *cl, const char *path, const char *token)
{
	const struct xt_msg *m;

	for (unsigned int i = 0; i < cl->nev; i++) {
		m = &cl->ev[i];
		if (strcmp(m->body, path) || strcmp(m->body + strlen(m->body) + 1, token))
			continue;
		CU_ASSERT(m->hdr.req_id == 0 && m->hdr.tx_id == 0);
		memmove(&cl->ev[i], &cl->ev[i + 1], (cl->nev - i - 1) * sizeof(*m));
		cl->nev--;
		return 1;
	}
	return 0;
}

const char *xt_do(struct xt_client *cl, uint32_t type, uint32_t tx, const void *p, size_t len)
{
	static struct xt_msg rep;

	xt_call(cl, type, tx, p, len, &rep);
	if (rep.hdr.type != XS_ERROR && (type == XS_WRITE || type == XS_MKDIR || type == XS_RM ||
					 type == XS_SET_PERMS || type == XS_WATCH))
		CU_ASSERT(rep.hdr.len == 3 && !strcmp(rep.body, "OK"));
	return xt_errof(&rep);
}

const char *xt_write(struct xt_client *cl, uint32_t tx, const char *path, const char *val)
{
	size_t pl = strlen(path) + 1, vl = strlen(val);
	char buf[XENSTORE_PAYLOAD_MAX * 2];
	const char *err;

	memcpy(buf, path, pl);
	memcpy(buf + pl, val, vl);
	err = xt_do(cl, XS_WRITE, tx, buf, pl + vl);
	return err;
}

const char *xt_read(struct xt_client *cl, uint32_t tx, const char *path, char **val)
{
	static struct xt_msg rep;

	xt_call(cl, XS_READ, tx, path, strlen(path) + 1, &rep);
	if (val)
		*val = rep.hdr.type == XS_READ ? strdup(rep.body) : NULL;
	return xt_errof(&rep);
}

const char *xt_path_op(struct xt_client *cl, uint32_t type, uint32_t tx, const char *path)
{
	return xt_do(cl, type, tx, path, strlen(path) + 1);
}

uint32_t xt_tx_start(struct xt_client *cl)
{
	struct xt_msg rep;

	xt_call(cl, XS_TRANSACTION_START, 0, S(""), &rep);
	CU_ASSERT_FATAL(rep.hdr.type == XS_TRANSACTION_START);
	return (uint32_t)strtoul(rep.body, NULL, 10);
}

static void dump_node(struct xt_client *cl, const char *path, char **buf, size_t *len)
{
	struct xt_msg dir, perms, val;
	FILE *f = open_memstream(buf, len);
	char kid[2 * XENSTORE_PAYLOAD_MAX + 8];

	xt_call(cl, XS_READ, 0, path, strlen(path) + 1, &val);
	xt_call(cl, XS_GET_PERMS, 0, path, strlen(path) + 1, &perms);
	xt_call(cl, XS_DIRECTORY, 0, path, strlen(path) + 1, &dir);
	fprintf(f, "%s perms=", path);
	for (char *p = perms.body; p < perms.body + perms.hdr.len; p += strlen(p) + 1)
		fprintf(f, "%s,", p);
	fprintf(f, " value=%s\n", val.body);
	for (char *p = dir.body; p < dir.body + dir.hdr.len; p += strlen(p) + 1) {
		char *sub = NULL;
		size_t sl = 0;

		snprintf(kid, sizeof(kid), "%s%s%s", path, strcmp(path, "/") ? "/" : "", p);
		dump_node(cl, kid, &sub, &sl);
		fputs(sub, f);
		free(sub);
	}
	fclose(f);
}

char *xt_dump(void)
{
	char *buf = NULL;
	size_t len = 0;

	dump_node(xt_dom0, "/", &buf, &len);
	return buf;
}

static const struct xt_suite *const suites[] = {
	&xt_suite_ops, &xt_suite_perms, &xt_suite_watch, &xt_suite_trans,
	&xt_suite_quota, &xt_suite_bad, &xt_suite_domain, &xt_suite_domexc, &xt_suite_ring,
	&xt_suite_daemon,
};

static void setup_case(void)
{
	CU_ASSERT_FATAL(xt_setup() == 0);
}

static void teardown_case(void)
{
	xt_teardown();
}

static int add_suites(void)
{
	for (size_t i = 0; i < sizeof(suites) / sizeof(suites[0]); i++) {
		CU_pSuite s = CU_add_suite_with_setup_and_teardown(suites[i]->name, NULL, NULL,
									setup_case, teardown_case);

		if (!s)
			return -1;
		for (const struct xt_case *c = suites[i]->cases; c->name; c++)
			if (!CU_add_test(s, c->name, c->fn))
				return -1;
	}
	return 0;
}

int main(void)
{
	unsigned int run, failed;

	if (CU_initialize_registry() != CUE_SUCCESS || add_suites()) {
		fprintf(stderr, "xenstored: cannot set up CUnit\n");
		return 2;
	}
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	run = CU_get_number_of_tests_run();
	failed = CU_get_number_of_tests_failed();
	failed += CU_get_number_of_suites_failed();
	CU_cleanup_registry();
	printf("xenstored: %u passed, %u failed\n", run - (failed > run ? run : failed), failed);
	return failed ? 1 : 0;
}
