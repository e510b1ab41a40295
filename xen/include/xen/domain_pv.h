/* SPDX-License-Identifier: GPL-2.0-only */
/* The paravirtual parts of a domain (shared_info, vcpu_info, event channels, grants). */
#ifndef XEN_DOMAIN_PV_H
#define XEN_DOMAIN_PV_H

struct domain;

/* Defaults when the domain's configuration leaves a limit at 0 (Xen's dom0 defaults). */
#define DOMAIN_DEFAULT_EVTCHN        4096    /* every 2-level port */
#define DOMAIN_DEFAULT_GRANT_FRAMES  64
#define DOMAIN_DEFAULT_MAPTRACK      1024    /* grants a domain may map from others */
#define DOM0_MAPTRACK                16384   /* dom0 runs the backends */

/* After the vCPUs exist: 0, -ENOMEM, -EINVAL. */
int domain_pv_init(struct domain *d);
/*
 * The first stage of destroying a domain, with its vCPUs still there: event
 * channels and shared_info go, the grant table is quiesced. Returns how many
 * of its grant entries other domains still map (they keep its memory alive).
 */
unsigned int domain_pv_quiesce(struct domain *d);
/* Before the p2m and the RAM are freed; safe on a half-built domain; idempotent. */
void domain_pv_destroy(struct domain *d);

#endif /* XEN_DOMAIN_PV_H */
