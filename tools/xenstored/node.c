// SPDX-License-Identifier: GPL-2.0-only
/* The store's tree: nodes with a value, permissions and named children. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xsd_int.h"

static int node_link(struct xs_node *parent, struct xs_node *n)
{
	struct xs_node **k;
	unsigned int cap;

	if (parent->nkids == parent->kcap) {
		cap = parent->kcap ? parent->kcap * 2 : 4;
		k = realloc(parent->kids, cap * sizeof(*k));
		if (!k)
			return -ENOMEM;
		parent->kids = k;
		parent->kcap = cap;
	}
	parent->kids[parent->nkids++] = n;
	n->parent = parent;
	return 0;
}

static void node_unlink(struct xs_node *n)
{
	struct xs_node *p = n->parent;
	unsigned int i;

	for (i = 0; p && i < p->nkids; i++) {
		if (p->kids[i] != n)
			continue;
		memmove(&p->kids[i], &p->kids[i + 1], (p->nkids - i - 1) * sizeof(n));
		p->nkids--;
		break;
	}
	n->parent = NULL;
}

/* A new empty node named name[0..nlen), linked under parent if not NULL. */
struct xs_node *node_new(struct xs_node *parent, const char *name, size_t nlen)
{
	struct xs_node *n = calloc(1, sizeof(*n));

	if (!n)
		return NULL;
	n->name = strndup(name, nlen);
	n->value = malloc(1);
	if (!n->name || !n->value || (parent && node_link(parent, n))) {
		free(n->name);
		free(n->value);
		free(n);
		return NULL;
	}
	return n;
}

/* Frees n and its subtree, unlinking it from its parent. */
void node_free(struct xs_node *n)
{
	if (!n)
		return;
	node_unlink(n);
	while (n->nkids)
		node_free(n->kids[n->nkids - 1]);
	free(n->kids);
	free(n->perms);
	free(n->value);
	free(n->name);
	free(n);
}

struct xs_node *node_child(const struct xs_node *n, const char *name, size_t nlen)
{
	for (unsigned int i = 0; i < n->nkids; i++)
		if (strlen(n->kids[i]->name) == nlen && !memcmp(n->kids[i]->name, name, nlen))
			return n->kids[i];
	return NULL;
}

/* The node at an absolute, validated path, or NULL. */
struct xs_node *node_lookup(struct xs_node *root, const char *path)
{
	struct xs_node *n = root;
	size_t len;

	while (n && *path) {
		path += strspn(path, "/");
		len = strcspn(path, "/");
		if (!len)
			break;
		n = node_child(n, path, len);
		path += len;
	}
	return n;
}

int node_set_value(struct xs_node *n, const void *val, size_t len)
{
	char *v = malloc(len + 1);

	if (!v)
		return -ENOMEM;
	if (len)
		memcpy(v, val, len);
	v[len] = '\0';
	free(n->value);
	n->value = v;
	n->vlen = len;
	return 0;
}

int node_set_perms(struct xs_node *n, const struct xs_perm *p, unsigned int np)
{
	struct xs_perm *copy = malloc(np * sizeof(*p));

	if (!copy)
		return -ENOMEM;
	memcpy(copy, p, np * sizeof(*p));
	free(n->perms);
	n->perms = copy;
	n->nperms = np;
	return 0;
}

static int node_copy_into(struct xs_node *dst, const struct xs_node *src)
{
	if (node_set_value(dst, src->value, src->vlen) ||
	    node_set_perms(dst, src->perms, src->nperms))
		return -ENOMEM;
	dst->gen = src->gen;
	for (unsigned int i = 0; i < src->nkids; i++)
		if (!node_clone(src->kids[i], dst))
			return -ENOMEM;
	return 0;
}

/* A deep copy of n (generations kept), linked under parent; NULL on ENOMEM. */
struct xs_node *node_clone(const struct xs_node *n, struct xs_node *parent)
{
	struct xs_node *c = node_new(parent, n->name, strlen(n->name));

	if (c && node_copy_into(c, n)) {
		node_free(c);
		return NULL;
	}
	return c;
}

/* Nodes in the subtree of n: all of them, or those owned by owner. */
unsigned int node_count(const struct xs_node *n, bool any, uint32_t owner)
{
	unsigned int count = any || (n->nperms && n->perms[0].domid == owner);

	for (unsigned int i = 0; i < n->nkids; i++)
		count += node_count(n->kids[i], any, owner);
	return count;
}
