/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xenstore wire protocol: message header, type numbers and limits, as Xen's
 * xenstored and its clients put them on a socket or a shared ring
 * (docs/specs/xenstore.md).
 */
#ifndef XENSTORED_XS_WIRE_H
#define XENSTORED_XS_WIRE_H

#include <stdint.h>

enum xsd_sockmsg_type {
	XS_CONTROL = 0,
	XS_DEBUG = XS_CONTROL,
	XS_DIRECTORY = 1,
	XS_READ = 2,
	XS_GET_PERMS = 3,
	XS_WATCH = 4,
	XS_UNWATCH = 5,
	XS_TRANSACTION_START = 6,
	XS_TRANSACTION_END = 7,
	XS_INTRODUCE = 8,
	XS_RELEASE = 9,
	XS_GET_DOMAIN_PATH = 10,
	XS_WRITE = 11,
	XS_MKDIR = 12,
	XS_RM = 13,
	XS_SET_PERMS = 14,
	XS_WATCH_EVENT = 15,
	XS_ERROR = 16,
	XS_IS_DOMAIN_INTRODUCED = 17,
	XS_RESUME = 18,
	XS_SET_TARGET = 19,
	XS_RESTRICT = 20,	/* removed from Xen; answered with an error */
	XS_RESET_WATCHES = 21,
	XS_DIRECTORY_PART = 22,
	XS_TYPE_COUNT,
	XS_INVALID = 0xffff,
};

/* The 16-byte header in host byte order, followed by len payload bytes. */
struct xsd_sockmsg {
	uint32_t type;
	uint32_t req_id;	/* echoed in the reply */
	uint32_t tx_id;		/* 0 outside a transaction */
	uint32_t len;		/* payload bytes that follow */
};

#define XENSTORE_PAYLOAD_MAX	4096
#define XENSTORE_ABS_PATH_MAX	3072
#define XENSTORE_REL_PATH_MAX	2048

#endif
