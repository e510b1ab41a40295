// SPDX-License-Identifier: GPL-2.0-only
/*
 * block-list and network-list lines, xl's columns to the byte (its
 * main_blocklist and main_networklist): state, evt-ch and the ring
 * references are the frontend's, -1 until the guest has written them; the
 * handle is the guest's domain ID for a disk and the index for a vif. Pure,
 * so the unit tests compare them exactly.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

#define VBD_HEADER_FMT	"%-5s %-3s %-6s %-5s %-6s %-8s %-30s"
#define VBD_ROW_FMT	"%-5u %-3u %-6u %-5d %-6d %-8d %-30s"
#define VIF_HEADER_FMT	"%-3s %-2s %-17s %-6s %-5s %-6s %5s/%-5s %-30s"
#define VIF_ROW_FMT	"%-3u %-2u %-17s%6u %5d %6d %5d/%-11d %-30s"
#define MAC_LEN		17	/* "00:16:3e:01:02:03" */

int cli_fmt_vbd_header(char *buf, size_t len)
{
	return snprintf(buf, len, VBD_HEADER_FMT, "Vdev", "BE", "handle", "state", "evt-ch",
			"ring-ref", "BE-path");
}

int cli_fmt_vbd_row(char *buf, size_t len, uint32_t domid, const struct ctl_dev_info *d)
{
	return snprintf(buf, len, VBD_ROW_FMT, d->devid, d->backend_domid, domid,
			d->frontend_state, d->evtchn, d->ring_ref, d->backend);
}

int cli_fmt_vif_header(char *buf, size_t len)
{
	return snprintf(buf, len, VIF_HEADER_FMT, "Idx", "BE", "Mac Addr.", "handle", "state",
			"evt-ch", "tx-", "rx-ring-ref", "BE-path");
}

int cli_fmt_vif_row(char *buf, size_t len, const struct ctl_dev_info *d)
{
	return snprintf(buf, len, VIF_ROW_FMT, d->devid, d->backend_domid, d->name, d->devid,
			d->frontend_state, d->evtchn, d->ring_ref, d->rx_ring_ref, d->backend);
}

static bool is_index(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return n > 0 && n < 10 && !s[n];
}

static bool is_mac(const char *s)
{
	size_t i;

	if (strlen(s) != MAC_LEN)
		return false;
	for (i = 0; i < MAC_LEN; i++)
		if (i % 3 == 2 ? s[i] != ':' : !isxdigit((unsigned char)s[i]))
			return false;
	return true;
}

bool cli_is_vif_name(const char *s)
{
	return is_index(s) || is_mac(s);
}
