/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef XEN_SETUP_H
#define XEN_SETUP_H

#define XEN_VERSION_MAJOR  4
#define XEN_VERSION_MINOR  17
#define HV_VERSION_STRING  "0.1.0"
#define XEN_STR_(x)        #x
#define XEN_STR(x)         XEN_STR_(x)
/* The /hypervisor node's first compatible: "xen,xen-<major>.<minor>" (Linux prints it). */
#define XEN_DT_COMPATIBLE  "xen,xen-" XEN_STR(XEN_VERSION_MAJOR) "." XEN_STR(XEN_VERSION_MINOR)

/* Generic boot, entered by the arch with its MMU on and the DTB mapped. */
void __noreturn start_xen(const void *dtb);

#endif /* XEN_SETUP_H */
