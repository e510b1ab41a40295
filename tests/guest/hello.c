// SPDX-License-Identifier: GPL-2.0-only
/* The smallest guest: a console line and, under the hypervisor, its version. */
#include "lib/guest.h"

/* The hypervisor presents itself as Xen 4.17. */
#define EXPECTED_XEN_MAJOR 4
#define EXPECTED_XEN_MINOR 17

const char guest_name[] = "hello";

void guest_main(void)
{
	long v;

	guest_info("hello from a guest");
	if (!platform.xen) {
		guest_info("no hypervisor node: xen_version not checked");
		return;
	}
	v = xen_version(XENVER_version, NULL);
	if (v != (EXPECTED_XEN_MAJOR << XENVER_MAJOR_SHIFT | EXPECTED_XEN_MINOR))
		guest_fail("xen_version(XENVER_version) = 0x%lx, expected %d.%d", v,
			   EXPECTED_XEN_MAJOR, EXPECTED_XEN_MINOR);
	guest_info("xen_version %ld.%ld", v >> XENVER_MAJOR_SHIFT, v & XENVER_MINOR_MASK);
}
