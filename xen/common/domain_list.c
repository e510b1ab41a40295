// SPDX-License-Identifier: GPL-2.0-only
/* The table of domains: IDs, slots (VMID = slot + 1) and lookups. */
#include <xen/domain.h>
#include <xen/errno.h>
#include <xen/lib.h>

static struct domain *domains[MAX_DOMAINS];
struct domain *hardware_domain;
static spinlock_t domlist_lock = SPINLOCK_INIT;
static domid_t next_id = 1;

struct domain *domain_by_id(domid_t id)
{
	for (unsigned int i = 0; i < MAX_DOMAINS; i++)
		if (domains[i] && domains[i]->id == id)
			return domains[i];
	return NULL;
}

struct domain *domain_by_slot(unsigned int i)
{
	return i < MAX_DOMAINS ? domains[i] : NULL;
}

struct domain *domain_live_by_id(domid_t id)
{
	struct domain *d = domain_by_id(id);

	return d && d->state != DOMAIN_DYING ? d : NULL;
}

unsigned int domain_count(void)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < MAX_DOMAINS; i++)
		n += domains[i] != NULL;
	return n;
}

void domain_for_each(void (*fn)(struct domain *d, void *arg), void *arg)
{
	unsigned long flags = spin_lock_irqsave(&domlist_lock);

	for (unsigned int i = 0; i < MAX_DOMAINS; i++)
		if (domains[i] && domains[i]->state != DOMAIN_DYING)
			fn(domains[i], arg);
	spin_unlock_irqrestore(&domlist_lock, flags);
}

/* The next free ID from next_id on, wrapping below the reserved ones. */
static domid_t pick_id(void)
{
	while (domain_by_id(next_id) || next_id >= DOMID_FIRST_RESERVED)
		next_id = next_id >= DOMID_FIRST_RESERVED ? 1 : next_id + 1;
	return next_id++;
}

/* Under the lock: the first free slot, or MAX_DOMAINS. */
static unsigned int free_slot(void)
{
	for (unsigned int i = 0; i < MAX_DOMAINS; i++)
		if (!domains[i])
			return i;
	return MAX_DOMAINS;
}

int domain_list_add(struct domain *d, domid_t id)
{
	unsigned long flags = spin_lock_irqsave(&domlist_lock);
	unsigned int slot = free_slot();
	int rc = 0;

	if (slot == MAX_DOMAINS)
		rc = -ENOSPC;
	else if (id == DOMID_SELF)
		id = pick_id();
	else if (id >= DOMID_FIRST_RESERVED || domain_by_id(id))
		rc = -EEXIST;
	if (!rc) {
		d->id = id;
		d->slot = slot;
		domains[slot] = d;
	}
	spin_unlock_irqrestore(&domlist_lock, flags);
	return rc;
}

void domain_list_remove(struct domain *d)
{
	unsigned long flags = spin_lock_irqsave(&domlist_lock);

	if (domains[d->slot] == d)
		domains[d->slot] = NULL;
	spin_unlock_irqrestore(&domlist_lock, flags);
}
