// SPDX-License-Identifier: GPL-2.0-only
/* Dom0's devices: their MMIO mapped 1:1 (Device-nGnRE), their SPIs hardware-linked. */
#include <xen/errno.h>
#include <xen/lib.h>

#include "private.h"

static int map_mmio(struct domain *d, const struct mem_region *r)
{
	uint64_t gfn = pa_val(r->start) >> PAGE_SHIFT;
	int rc = p2m_map(&d->p2m, gfn_init(gfn), mfn_init(gfn), r->size >> PAGE_SHIFT,
			 P2M_MMIO_DIRECT);

	if (rc)
		printk_level(LOG_ERR, "dom0: cannot map MMIO 0x%lx-0x%lx (%d)\n",
			     (unsigned long)pa_val(r->start),
			     (unsigned long)(pa_val(r->start) + r->size - 1), rc);
	return rc;
}

static int route_irq(struct domain *d, const struct dom0_irq *irq)
{
	int rc = arch_route_irq_to_guest(d, irq->intid, irq->edge);

	if (rc)
		printk_level(LOG_ERR, "dom0: cannot route SPI INTID %u (%d)\n", irq->intid, rc);
	return rc;
}

int dom0_passthrough(struct domain *d, const struct dom0_passthrough *pt)
{
	int rc = 0;

	for (unsigned int i = 0; !rc && i < pt->nr_mmio; i++)
		rc = map_mmio(d, &pt->mmio[i]);
	for (unsigned int i = 0; !rc && i < pt->nr_irq; i++)
		rc = route_irq(d, &pt->irq[i]);
	if (!rc)
		printk("dom0: %u MMIO ranges and %u SPIs passed through\n", pt->nr_mmio, pt->nr_irq);
	return rc;
}
