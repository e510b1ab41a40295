// SPDX-License-Identifier: GPL-2.0-only
/* The console daemon's attach protocol (proto.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proto.h"

#define ATTACH_WORD	"ATTACH "
#define ERR_WORD	"ERR "

int cons_proto_line_len(const char *buf, size_t len, char *err, size_t errlen)
{
	const char *nl = memchr(buf, '\n', len);

	if (nl)
		return (int)(nl - buf) + 1;
	if (len >= CONS_PROTO_LINE_MAX) {
		snprintf(err, errlen, "request line longer than %d bytes", CONS_PROTO_LINE_MAX);
		return -1;
	}
	return 0;
}

/* Copy the line without its newline (and a CR before it) for messages. */
static void strip_line(char *dst, size_t dstlen, const char *line, size_t len)
{
	if (len && line[len - 1] == '\n')
		len--;
	if (len && line[len - 1] == '\r')
		len--;
	if (len >= dstlen)
		len = dstlen - 1;
	memcpy(dst, line, len);
	dst[len] = '\0';
}

static int parse_domid(const char *s, uint32_t *domid)
{
	char *end;
	unsigned long v;

	if (*s < '0' || *s > '9')
		return -1;
	v = strtoul(s, &end, 10);
	if (*end || v > CONS_PROTO_MAX_DOMID)
		return -1;
	*domid = (uint32_t)v;
	return 0;
}

int cons_proto_parse(const char *line, size_t len, uint32_t *domid, char *err, size_t errlen)
{
	char text[CONS_PROTO_LINE_MAX + 1];

	if (len > CONS_PROTO_LINE_MAX) {
		snprintf(err, errlen, "request line longer than %d bytes", CONS_PROTO_LINE_MAX);
		return -1;
	}
	if (memchr(line, '\0', len)) {
		snprintf(err, errlen, "bad request (NUL byte)");
		return -1;
	}
	strip_line(text, sizeof(text), line, len);
	if (strncmp(text, ATTACH_WORD, strlen(ATTACH_WORD))) {
		snprintf(err, errlen, "bad request '%s' (expected 'ATTACH <domid>')", text);
		return -1;
	}
	if (parse_domid(text + strlen(ATTACH_WORD), domid)) {
		snprintf(err, errlen, "bad domain ID '%s'", text + strlen(ATTACH_WORD));
		return -1;
	}
	return 0;
}

int cons_proto_request(char *buf, size_t len, uint32_t domid)
{
	return snprintf(buf, len, ATTACH_WORD "%u\n", domid);
}

int cons_proto_reply(const char *line, size_t len, char *msg, size_t msglen)
{
	char text[CONS_PROTO_ERR_MAX + 1];

	strip_line(text, sizeof(text), line, len);
	if (!strcmp(text, "OK") && len && line[len - 1] == '\n')
		return 0;
	if (!strncmp(text, ERR_WORD, strlen(ERR_WORD)))
		snprintf(msg, msglen, "%s", text + strlen(ERR_WORD));
	else
		snprintf(msg, msglen, "bad reply from the console daemon");
	return -1;
}
