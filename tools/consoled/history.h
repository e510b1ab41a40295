/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The tail of a guest's output the daemon keeps, so that a client attaching
 * later sees what was already printed (the login prompt). Pure, fixed size.
 */
#ifndef CONSOLED_HISTORY_H
#define CONSOLED_HISTORY_H

#include <stddef.h>

#define CONS_HISTORY_SIZE	(16 * 1024)	/* console-daemon.md: "last 16 KiB" */

struct cons_history {
	char buf[CONS_HISTORY_SIZE];
	size_t head;		/* where the next byte goes */
	size_t len;		/* bytes kept, at most CONS_HISTORY_SIZE */
};

void cons_history_init(struct cons_history *h);
/* Keep data; the oldest bytes make room. */
void cons_history_append(struct cons_history *h, const char *data, size_t n);
/* Copy what is kept, oldest first, into out (CONS_HISTORY_SIZE bytes); returns the length. */
size_t cons_history_copy(const struct cons_history *h, char *out);

#endif /* CONSOLED_HISTORY_H */
