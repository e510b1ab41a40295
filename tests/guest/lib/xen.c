// SPDX-License-Identifier: GPL-2.0-only
/* Xen hypercall wrappers (see xen.h). */
#include <xen/lib.h>
#include "xen.h"

/* public/sched.h: the argument of SCHEDOP_shutdown. */
struct sched_shutdown {
	uint32_t reason;
};

/* The hypervisor may clobber x16 and the argument registers (public/arch-arm.h). */
long xen_hypercall(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2)
{
	register uint64_t x0 asm("x0") = a0;
	register uint64_t x1 asm("x1") = a1;
	register uint64_t x2 asm("x2") = a2;
	register uint64_t x3 asm("x3") = 0;
	register uint64_t x4 asm("x4") = 0;
	register uint64_t x16 asm("x16") = nr;

	asm volatile("hvc #" STRINGIFY(XEN_HYPERCALL_TAG)
		     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4), "+r"(x16)
		     :
		     : "memory");
	return (long)x0;
}

long xen_version(unsigned int cmd, void *arg)
{
	return xen_hypercall(HYPERVISOR_xen_version, cmd, (uint64_t)arg, 0);
}

/* The buffer's address is its IPA: guests run identity mapped. */
long xen_console_write(const char *buf, size_t len)
{
	return xen_hypercall(HYPERVISOR_console_io, CONSOLEIO_write, len, (uint64_t)buf);
}

long xen_vcpu_is_up(unsigned int vcpu)
{
	return xen_hypercall(HYPERVISOR_vcpu_op, VCPUOP_is_up, vcpu, 0);
}

long xen_sched_yield(void)
{
	return xen_hypercall(HYPERVISOR_sched_op, SCHEDOP_yield, 0, 0);
}

long xen_sched_block(void)
{
	return xen_hypercall(HYPERVISOR_sched_op, SCHEDOP_block, 0, 0);
}

long xen_sched_shutdown(unsigned int reason)
{
	struct sched_shutdown arg = { .reason = reason };

	return xen_hypercall(HYPERVISOR_sched_op, SCHEDOP_shutdown, (uint64_t)&arg, 0);
}
