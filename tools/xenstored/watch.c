// SPDX-License-Identifier: GPL-2.0-only
/*
 * Watches: a watch on a path fires for changes of that node and of every
 * node below it, for the removal of a node above it, and once when set.
 * Events name the changed node the way the watch was set (relative watches
 * get relative paths).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xsd_int.h"

static struct xs_watch *watch_find(const struct xsd_conn *c, const char *abs, const char *token)
{
	struct xs_watch *w;

	for (w = c->watches; w; w = w->next)
		if (!strcmp(w->abs, abs) && !strcmp(w->token, token))
			return w;
	return NULL;
}

static void watch_free(struct xs_watch *w)
{
	free(w->path);
	free(w->abs);
	free(w->token);
	free(w);
}

int watch_add(struct xsd_conn *c, const char *path, const char *token)
{
	struct xs_watch *w;
	char *abs;
	int rc = path_resolve(c, path, true, &abs);

	if (rc)
		return rc;
	rc = watch_find(c, abs, token) ? -EEXIST : 0;
	if (!rc && !conn_privileged(c) && c->nwatches >= c->st->quota.watches)
		rc = -E2BIG;
	w = rc ? NULL : calloc(1, sizeof(*w));
	if (!rc && (!w || !(w->path = strdup(path)) || !(w->token = strdup(token))))
		rc = -ENOMEM;
	if (rc) {
		if (w)
			free(w->path);
		free(w);
		free(abs);
		return rc;
	}
	w->abs = abs;
	w->next = c->watches;
	c->watches = w;
	c->nwatches++;
	return 0;
}

int watch_del(struct xsd_conn *c, const char *path, const char *token)
{
	struct xs_watch **pp, *w;
	char *abs;
	int rc = path_resolve(c, path, true, &abs);

	if (rc)
		return rc;
	w = watch_find(c, abs, token);
	free(abs);
	if (!w)
		return -ENOENT;
	for (pp = &c->watches; *pp != w; pp = &(*pp)->next)
		;
	*pp = w->next;
	c->nwatches--;
	watch_free(w);
	return 0;
}

void watch_free_all(struct xsd_conn *c)
{
	struct xs_watch *w;

	while ((w = c->watches)) {
		c->watches = w->next;
		watch_free(w);
	}
	c->nwatches = 0;
}

/* Sends w's event for the node at abs (an absolute or special path). */
static void watch_event(struct xsd_conn *c, const struct xs_watch *w, const char *abs)
{
	size_t pl, tl = strlen(w->token);
	const char *path = abs;
	char home[32], *buf;

	if (w->path[0] != '/' && !path_is_special(w->path)) {
		pl = path_home(c->domid, home, sizeof(home));
		if (!strncmp(abs, home, pl) && abs[pl] == '/')
			path = abs + pl + 1;
	}
	pl = strlen(path);
	buf = malloc(pl + tl + 2);
	if (!buf)
		return;	/* the event is lost; the client is not told */
	memcpy(buf, path, pl + 1);
	memcpy(buf + pl + 1, w->token, tl + 1);
	conn_send(c, XS_WATCH_EVENT, 0, 0, buf, pl + tl + 2);
	free(buf);
}

void watch_fire_initial(struct xsd_conn *c, const char *path, const char *token)
{
	char *abs;
	struct xs_watch *w;

	if (path_resolve(c, path, true, &abs))
		return;
	w = watch_find(c, abs, token);
	if (w)
		watch_event(c, w, abs);
	free(abs);
}

static void fire_change(struct xsd_store *st, const struct xs_change *ch)
{
	for (struct xsd_conn *c = st->conns; c; c = c->next) {
		if (!perms_allow(c, ch->perms, ch->nperms, XS_PERM_READ))
			continue;
		for (struct xs_watch *w = c->watches; w; w = w->next) {
			if (path_is_special(w->abs))
				continue;
			if (path_under(ch->path, w->abs))
				watch_event(c, w, ch->path);
			else if (ch->removed && path_under(w->abs, ch->path))
				watch_event(c, w, w->abs);
		}
	}
}

/* Fires the watches for every change of *list, oldest first (*list is reversed). */
void watch_fire_changes(struct xsd_store *st, struct xs_change **list)
{
	struct xs_change *rev = NULL, *ch, *next;

	for (ch = *list; ch; ch = next) {
		next = ch->next;
		ch->next = rev;
		rev = ch;
	}
	*list = rev;
	for (ch = rev; ch; ch = ch->next)
		fire_change(st, ch);
}

void watch_fire_special(struct xsd_store *st, const char *special)
{
	for (struct xsd_conn *c = st->conns; c; c = c->next) {
		if (!conn_privileged(c))
			continue;
		for (struct xs_watch *w = c->watches; w; w = w->next)
			if (!strcmp(w->abs, special))
				watch_event(c, w, special);
	}
}
