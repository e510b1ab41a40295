// SPDX-License-Identifier: GPL-2.0-only
/* Grant tables: finding the domains an operation names, and lock order. */
#include "private.h"

/* Xen's XSM_TARGET default: the domain itself or the control domain. */
bool gnt_privileged(const struct domain *d)
{
	return d == hardware_domain;
}

struct domain *gnt_domain_mapped(domid_t domid)
{
	struct domain *d = domain_by_id(domid);

	return d && d->grant_table ? d : NULL;
}

struct domain *gnt_domain(domid_t domid)
{
	struct domain *d = gnt_domain_mapped(domid);

	return d && d->state != DOMAIN_DYING ? d : NULL;
}

struct domain *gnt_domain_any(struct domain *caller, domid_t domid)
{
	if (domid == DOMID_SELF)
		return caller->grant_table ? caller : NULL;
	return gnt_domain(domid);
}

/* Lower domid first, so two CPUs locking the same pair cannot deadlock. */
void gnt_lock2(struct domain *a, struct domain *b)
{
	if (a == b) {
		spin_lock(&a->grant_table->lock);
		return;
	}
	if (a->id > b->id) {
		struct domain *t = a;

		a = b;
		b = t;
	}
	spin_lock(&a->grant_table->lock);
	spin_lock(&b->grant_table->lock);
}

void gnt_unlock2(struct domain *a, struct domain *b)
{
	if (a != b)
		spin_unlock(&b->grant_table->lock);
	spin_unlock(&a->grant_table->lock);
}
