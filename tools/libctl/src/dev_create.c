// SPDX-License-Identifier: LGPL-2.1-only
/*
 * The device layer's part in a domain's life: every disk= and vif= of the
 * configuration attached while the new domain is still paused (the kept
 * JSON already lists them), and every device removed before the domain is
 * destroyed, so dom0's backends have unmapped the guest's grants and the
 * hypervisor frees it at once instead of keeping it as a zombie.
 */
#include <errno.h>

#include "dev_int.h"

int dev_attach_config(struct ctl_handle *h, uint32_t domid,
		      const struct ctl_domain_config *cfg)
{
	int rc = 0;

	for (size_t i = 0; i < cfg->nr_disks && !rc; i++)
		rc = dev_disk_attach(h, domid, &cfg->disks[i], false);
	for (size_t i = 0; i < cfg->nr_vifs && !rc; i++)
		rc = dev_nic_attach(h, domid, &cfg->vifs[i], false, NULL);
	return rc;
}

int dev_teardown(struct ctl_handle *h, uint32_t domid)
{
	struct ctl_domctl_info info;
	struct dom_err e = { 0 };
	int rc = ctl_domain_info(h, domid, &info);

	if (!rc && !(info.flags & (CTL_DOMINF_paused | CTL_DOMINF_dying)))
		dom_err_note(h, &e, ctl_domain_pause(h, domid));
	else if (rc && rc != -ESRCH)
		dom_err_note(h, &e, rc);
	dom_err_note(h, &e, ctl_device_remove_all(h, domid));
	return dom_err_report(h, &e);
}
