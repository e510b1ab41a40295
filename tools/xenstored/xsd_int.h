/* SPDX-License-Identifier: GPL-2.0-only */
/* libxenstored internals shared by its files. */
#ifndef XENSTORED_XSD_INT_H
#define XENSTORED_XSD_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xs_wire.h"
#include "xsd.h"

#define XS_PERM_NONE	0u
#define XS_PERM_READ	1u
#define XS_PERM_WRITE	2u
#define XS_PERM_BOTH	(XS_PERM_READ | XS_PERM_WRITE)

#define XS_DOMID_MAX	0x7fefu	/* last ordinary domid (below DOMID_FIRST_RESERVED) */

struct xs_perm {
	uint32_t domid;
	unsigned int access;	/* XS_PERM_* */
};

struct xs_node {
	char *name;			/* leaf name; "" for the root */
	char *value;
	size_t vlen;
	struct xs_perm *perms;		/* perms[0] is the owner and the default */
	unsigned int nperms;
	uint64_t gen;			/* store generation of the last change */
	struct xs_node *parent;
	struct xs_node **kids;
	unsigned int nkids, kcap;
};

/* A path a transaction touched, with its generation in the snapshot (0: absent). */
struct xs_access {
	char *path;
	uint64_t gen;
	struct xs_access *next;
};

/* A change a transaction made, replayed onto the store at commit. */
struct xs_logop {
	uint32_t type;			/* XS_WRITE, XS_MKDIR, XS_RM, XS_SET_PERMS */
	char *path;
	void *data;			/* value, or struct xs_perm[] */
	size_t len;			/* value bytes, or permission count */
	struct xs_logop *next;
};

struct xs_trans {
	uint32_t id;
	struct xs_node *root;		/* private snapshot */
	struct xs_access *acc;
	struct xs_logop *log, **tail;
	struct xs_trans *next;
};

struct xs_watch {
	char *path;			/* as the client gave it */
	char *abs;			/* resolved */
	char *token;
	struct xs_watch *next;
};

struct xs_domain {
	uint32_t domid;
	uint64_t gfn;
	uint32_t evtchn;
	bool shutdown;			/* @releaseDomain already fired for its shutdown */
	struct xs_domain *next;
};

struct xsd_conn {
	struct xsd_store *st;
	uint32_t domid;
	struct xs_watch *watches;
	unsigned int nwatches;
	struct xs_trans *trans;
	unsigned int ntrans;
	uint32_t next_txid;
	unsigned char in[sizeof(struct xsd_sockmsg) + XENSTORE_PAYLOAD_MAX];
	size_t inlen;
	unsigned char *out;
	size_t outlen, outcap;
	bool dead;
	struct xsd_conn *next;
};

struct xsd_store {
	struct xs_node *root;
	uint64_t gen;
	struct xsd_quota quota;
	struct xsd_conn *conns;
	struct xs_domain *domains;
	struct xsd_domain_ops dops;	/* all NULL: domains are records only */
	xsd_trace_fn trace;
	void *trace_opaque;
};

/* A change to report to watchers once the operation succeeded. */
struct xs_change {
	char *path;
	struct xs_perm *perms;		/* the node's permissions for the read check */
	unsigned int nperms;
	bool removed;
	struct xs_change *next;
};

/* Where an operation acts: the store or a transaction's snapshot. */
struct xs_ctx {
	struct xsd_conn *conn;
	struct xs_node *root;
	struct xs_trans *t;		/* NULL outside a transaction */
	struct xs_change *changes;
};

/* node.c: the tree */
struct xs_node *node_new(struct xs_node *parent, const char *name, size_t nlen);
void node_free(struct xs_node *n);
struct xs_node *node_child(const struct xs_node *n, const char *name, size_t nlen);
struct xs_node *node_lookup(struct xs_node *root, const char *path);
struct xs_node *node_clone(const struct xs_node *n, struct xs_node *parent);
int node_set_value(struct xs_node *n, const void *val, size_t len);
int node_set_perms(struct xs_node *n, const struct xs_perm *p, unsigned int np);
unsigned int node_count(const struct xs_node *n, bool any, uint32_t owner);

/* path.c: validation and resolution */
int path_resolve(const struct xsd_conn *c, const char *in, bool special, char **out);
bool path_is_special(const char *path);
bool path_under(const char *path, const char *top);
size_t path_home(uint32_t domid, char *buf, size_t len);

/* perms.c */
int perms_parse(char *const *strs, unsigned int n, struct xs_perm *out);
int perm_format(const struct xs_perm *p, char *buf, size_t len);
bool perms_allow(const struct xsd_conn *c, const struct xs_perm *p, unsigned int np,
		 unsigned int want);
bool conn_privileged(const struct xsd_conn *c);

/* store.c: the operations on a tree */
int store_write(struct xs_ctx *x, const char *path, const void *val, size_t len);
int store_mkdir(struct xs_ctx *x, const char *path);
int store_rm(struct xs_ctx *x, const char *path);
int store_set_perms(struct xs_ctx *x, const char *path, const struct xs_perm *p,
		    unsigned int np);
int store_get(struct xs_ctx *x, const char *path, unsigned int want, struct xs_node **out);
void ctx_release(struct xs_ctx *x);

/* trans.c */
struct xs_trans *trans_find(const struct xsd_conn *c, uint32_t id);
int trans_start(struct xsd_conn *c, uint32_t *id);
int trans_end(struct xsd_conn *c, struct xs_trans *t, bool commit);
void trans_free_all(struct xsd_conn *c);
int trans_record(struct xs_ctx *x, const char *path);
int trans_log(struct xs_ctx *x, uint32_t type, const char *path, const void *data,
	      size_t len);

/* watch.c */
int watch_add(struct xsd_conn *c, const char *path, const char *token);
int watch_del(struct xsd_conn *c, const char *path, const char *token);
void watch_free_all(struct xsd_conn *c);
void watch_fire_changes(struct xsd_store *st, struct xs_change **list);
void watch_fire_initial(struct xsd_conn *c, const char *path, const char *token);
void watch_fire_special(struct xsd_store *st, const char *special);

/* domain.c */
struct xs_domain *domain_find(const struct xsd_store *st, uint32_t domid);
void domain_free_all(struct xsd_store *st);
void domain_forget(struct xsd_store *st, struct xs_domain *d);

/* conn.c */
int conn_send(struct xsd_conn *c, uint32_t type, uint32_t req_id, uint32_t tx_id,
	      const void *payload, size_t len);
int conn_send_error(struct xsd_conn *c, uint32_t req_id, uint32_t tx_id, int err);
const char *xs_errname(int err);

/* msg.c / ops_*.c: request handling */
struct xs_req {
	struct xsd_conn *c;
	struct xsd_sockmsg hdr;
	char *payload;
	bool replied;
};

int req_args(struct xs_req *r, char **argv, unsigned int n);
int req_reply(struct xs_req *r, const void *payload, size_t len);
int req_ctx(struct xs_req *r, struct xs_ctx *x);
int req_uint(const char *s, uint64_t max, uint64_t *out);
void msg_handle(struct xsd_conn *c);

int op_read(struct xs_req *r);
int op_write(struct xs_req *r);
int op_mkdir(struct xs_req *r);
int op_rm(struct xs_req *r);
int op_directory(struct xs_req *r);
int op_directory_part(struct xs_req *r);
int op_get_perms(struct xs_req *r);
int op_set_perms(struct xs_req *r);
int op_watch(struct xs_req *r);
int op_unwatch(struct xs_req *r);
int op_reset_watches(struct xs_req *r);
int op_transaction_start(struct xs_req *r);
int op_transaction_end(struct xs_req *r);
int op_introduce(struct xs_req *r);
int op_release(struct xs_req *r);
int op_get_domain_path(struct xs_req *r);
int op_is_domain_introduced(struct xs_req *r);

#endif
