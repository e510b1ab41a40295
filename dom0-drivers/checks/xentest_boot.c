// SPDX-License-Identifier: GPL-2.0-only
/*
 * xentest boot: what a domain builder does, from dom0 user space. Creates a
 * domain, gives it one page of RAM at 1 GiB, maps that page into this
 * process through privcmd (IOCTL_PRIVCMD_MMAPBATCH_V2: the hypervisor's
 * foreign mapping), writes a three-instruction program there (PSCI
 * SYSTEM_OFF over hvc #0), starts vCPU 0 on it, unpauses the domain and
 * waits until the hypervisor reports it shut down with "poweroff"; then
 * destroys it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <public/domctl.h>
#include <public/memory.h>

#include "xentest.h"

#define GUEST_PAGE_GFN  0x40000UL         /* guest RAM at 1 GiB, as on Xen's Arm guests */
#define GUEST_PAGE      4096
#define BOOT_WAIT_MS    5000
#define POLL_MS         10

/* The guest: x0 = PSCI SYSTEM_OFF (0x84000008); hvc #0; b . (A64 encodings). */
static const uint32_t program[] = {
	0xd2800100,   /* movz x0, #0x0008 */
	0xf2b08000,   /* movk x0, #0x8400, lsl #16 */
	0xd4000002,   /* hvc #0 */
	0x14000000,   /* b . */
};

/* privcmd's foreign-mapping ioctl (Linux include/uapi/xen/privcmd.h). */
struct privcmd_mmapbatch_v2 {
	unsigned int num;
	uint16_t dom;
	uint64_t addr;
	const uint64_t *arr;
	int *err;
};
#define IOCTL_PRIVCMD_MMAPBATCH_V2 _IOC(_IOC_NONE, 'P', 4, sizeof(struct privcmd_mmapbatch_v2))

static int load_program(int fd, domid_t id)
{
	uint64_t gfn = GUEST_PAGE_GFN;
	int err = 0;
	void *p = mmap(NULL, GUEST_PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	struct privcmd_mmapbatch_v2 m = { .num = 1, .dom = id, .arr = &gfn, .err = &err };

	if (p == MAP_FAILED)
		return fail("mmap /dev/xen/privcmd");
	m.addr = (uint64_t)(uintptr_t)p;
	if (ioctl(fd, IOCTL_PRIVCMD_MMAPBATCH_V2, &m) < 0 || err) {
		if (err)
			errno = -err;
		munmap(p, GUEST_PAGE);
		return fail("IOCTL_PRIVCMD_MMAPBATCH_V2");
	}
	memcpy(p, program, sizeof(program));
	__builtin___clear_cache((char *)p, (char *)p + sizeof(program));
	munmap(p, GUEST_PAGE);
	printf("xentest: program written to d%u's frame 0x%lx through a foreign mapping\n", id,
	       (unsigned long)GUEST_PAGE_GFN);
	return 0;
}

static int wait_poweroff(domid_t id)
{
	struct ctl_domctl op = { 0 };

	for (int t = 0; t < BOOT_WAIT_MS; t += POLL_MS) {
		if (xt_domctl(&op, CTL_DOMCTL_getinfo, id) < 0 || op.u.info.domid != id)
			break;
		if (op.u.info.flags & CTL_DOMINF_shutdown) {
			if (op.u.info.shutdown_code == 0)
				return 0;
			printf("xentest: FAILED d%u shut down with reason %u\n", id,
			       op.u.info.shutdown_code);
			return 1;
		}
		usleep(POLL_MS * 1000);
	}
	printf("xentest: FAILED d%u did not power off within %d ms\n", id, BOOT_WAIT_MS);
	return 1;
}

static int start(domid_t id)
{
	struct ctl_domctl op = { 0 };

	op.u.vcpu_start = (struct ctl_domctl_vcpu_start){ .vcpu = 0,
							  .pc = GUEST_PAGE_GFN * GUEST_PAGE };
	if (xt_step(xt_domctl(&op, CTL_DOMCTL_vcpu_start, id), "domctl vcpu_start") ||
	    xt_step(xt_domctl(&op, CTL_DOMCTL_unpause, id), "domctl unpause"))
		return 1;
	return wait_poweroff(id);
}

int test_boot(void)
{
	struct ctl_domctl op = { 0 };
	domid_t id;
	int fd, rc;

	fd = xt_privcmd_open();
	if (fd < 0)
		return 1;
	rc = xt_create(&id, "xentest-boot") || xt_populate(id, GUEST_PAGE_GFN, 1) ||
	     load_program(fd, id) || start(id);
	if (!rc)
		printf("xentest: d%u ran its program and powered off\n", id);
	if (xt_step(xt_domctl(&op, CTL_DOMCTL_destroy, id), "domctl destroy"))
		rc = 1;
	close(fd);
	return rc;
}
