// SPDX-License-Identifier: GPL-2.0-only
/* The kept tail of a guest's output (history.h). */
#include <string.h>

#include "history.h"

void cons_history_init(struct cons_history *h)
{
	h->head = 0;
	h->len = 0;
}

void cons_history_append(struct cons_history *h, const char *data, size_t n)
{
	size_t chunk;

	if (n > CONS_HISTORY_SIZE) {            /* only the last CONS_HISTORY_SIZE matter */
		data += n - CONS_HISTORY_SIZE;
		n = CONS_HISTORY_SIZE;
	}
	while (n) {
		chunk = CONS_HISTORY_SIZE - h->head;
		if (chunk > n)
			chunk = n;
		memcpy(h->buf + h->head, data, chunk);
		h->head = (h->head + chunk) % CONS_HISTORY_SIZE;
		h->len = h->len + chunk > CONS_HISTORY_SIZE ? CONS_HISTORY_SIZE : h->len + chunk;
		data += chunk;
		n -= chunk;
	}
}

size_t cons_history_copy(const struct cons_history *h, char *out)
{
	size_t start = (h->head + CONS_HISTORY_SIZE - h->len) % CONS_HISTORY_SIZE;
	size_t first = CONS_HISTORY_SIZE - start;

	if (first > h->len)
		first = h->len;
	memcpy(out, h->buf + start, first);
	memcpy(out + first, h->buf, h->len - first);
	return h->len;
}
