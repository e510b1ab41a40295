/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test harness for libxenstored: clients that encode requests the way a
 * real client would, feed them to a connection and decode what comes back,
 * keeping watch events aside.
 */
#ifndef XENSTORED_TEST_HARNESS_H
#define XENSTORED_TEST_HARNESS_H

#include <CUnit/CUnit.h>
#include <stddef.h>
#include <stdint.h>

#include "xs_wire.h"
#include "xsd.h"

#define XT_MAX_EVENTS 64

struct xt_msg {
	struct xsd_sockmsg hdr;
	char body[XENSTORE_PAYLOAD_MAX + 1];	/* always NUL-terminated */
};

struct xt_client {
	struct xsd_conn *c;
	uint32_t next_req;
	struct xt_msg ev[XT_MAX_EVENTS];
	unsigned int nev;
	int feed_rc;
};

struct xt_case {
	const char *name;
	void (*fn)(void);
};

struct xt_suite {
	const char *name;
	const struct xt_case *cases;
};

/* A fresh store for each test, with dom0 client xt_dom0. */
extern struct xsd_store *xt_st;
extern struct xt_client *xt_dom0;
int xt_setup(void);
int xt_teardown(void);
void xt_use_quota(const struct xsd_quota *q);

struct xt_client *xt_client(uint32_t domid);

/* Sends raw bytes; replies and events are collected (replies into *rep). */
void xt_raw(struct xt_client *cl, const void *buf, size_t len, struct xt_msg *rep);
/* Sends one request; returns its req_id; the reply is in *rep. */
uint32_t xt_call(struct xt_client *cl, uint32_t type, uint32_t tx, const void *payload,
		 size_t len, struct xt_msg *rep);
/* The error name of an XS_ERROR reply, "" for any other reply. */
const char *xt_errof(const struct xt_msg *m);
/* Moves anything queued for cl (events of other clients' changes) into cl->ev. */
void xt_drain(struct xt_client *cl);
/* Finds and removes the event (path, token); 1 if it was there. */
int xt_take_event(struct xt_client *cl, const char *path, const char *token);

/* Strings with their trailing NUL (S) or without it (W, a WRITE's value). */
#define S(lit) (lit), sizeof(lit)
#define W(lit) (lit), (sizeof(lit) - 1)

/* Shorthands: the reply's error name, or "" when it succeeded. */
const char *xt_do(struct xt_client *cl, uint32_t type, uint32_t tx, const void *p, size_t len);
const char *xt_write(struct xt_client *cl, uint32_t tx, const char *path, const char *val);
const char *xt_read(struct xt_client *cl, uint32_t tx, const char *path, char **val);
const char *xt_path_op(struct xt_client *cl, uint32_t type, uint32_t tx, const char *path);
uint32_t xt_tx_start(struct xt_client *cl);

/* The committed store as text: every node's path, perms and value. */
char *xt_dump(void);

extern const struct xt_suite xt_suite_ops, xt_suite_perms, xt_suite_watch, xt_suite_trans,
	xt_suite_quota, xt_suite_bad, xt_suite_domain, xt_suite_domexc, xt_suite_ring,
	xt_suite_daemon;

#endif
