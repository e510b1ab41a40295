/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The attach protocol of the console daemon's socket (docs/specs/
 * console-daemon.md): the client's first line is "ATTACH <domid>\n"; the
 * daemon answers "OK\n" or "ERR <message>\n", then bytes flow raw.
 * Pure parsing and formatting, shared by the daemon and `ctl console`.
 */
#ifndef CONSOLED_PROTO_H
#define CONSOLED_PROTO_H

#include <stddef.h>
#include <stdint.h>

#define CONS_PROTO_LINE_MAX	64	/* longest request line, newline included */
#define CONS_PROTO_MAX_DOMID	0x7fef	/* DOMID_FIRST_RESERVED - 1 (public/xen.h) */
#define CONS_PROTO_ERR_MAX	160	/* longest "ERR ..." reply */
#define CONS_PROTO_OK		"OK\n"

/*
 * Look for a complete request in buf[0..len). Returns the length of the line
 * (newline included) when one is there, 0 when more bytes are needed, or -1
 * when the bytes can never make a request (too long): err then says why.
 */
int cons_proto_line_len(const char *buf, size_t len, char *err, size_t errlen);

/*
 * Parse one request line (newline included or not). 0 and *domid on
 * success; -1 with a message in err ("bad request 'FOO'", "bad domain ID
 * 'x'") otherwise.
 */
int cons_proto_parse(const char *line, size_t len, uint32_t *domid, char *err, size_t errlen);

/* "ATTACH <domid>\n" into buf; returns its length. */
int cons_proto_request(char *buf, size_t len, uint32_t domid);

/*
 * Parse the daemon's reply line: 0 for OK, -1 for ERR with its message in
 * msg, or for anything else ("bad reply from the console daemon").
 */
int cons_proto_reply(const char *line, size_t len, char *msg, size_t msglen);

#endif /* CONSOLED_PROTO_H */
