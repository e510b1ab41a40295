/* SPDX-License-Identifier: MIT */
/* HYPERVISOR_platform_op(op) (numbers and layouts of Xen's public/platform.h). */
#ifndef PUBLIC_PLATFORM_H
#define PUBLIC_PLATFORM_H

#include <public/xen.h>

#define XENPF_INTERFACE_VERSION 0x03000001U
#define XENPF_settime64         62

struct xenpf_settime64 {
	uint64_t secs;
	uint32_t nsecs;
	uint32_t mbz;
	uint64_t system_time;
};

struct xen_platform_op {
	uint32_t cmd;
	uint32_t interface_version;
	union {
		struct xenpf_settime64 settime64;
		uint8_t pad[128];
	} u;
};

#endif /* PUBLIC_PLATFORM_H */
