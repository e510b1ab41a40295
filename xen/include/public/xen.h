/* SPDX-License-Identifier: MIT */
/*
 * The guest ABI: Xen's Arm hypercall interface as Linux uses it (numbers and
 * layouts from Xen's public headers; see docs/specs/hypercalls.md).
 * Hypercall: hvc #XEN_HYPERCALL_TAG, number in x16, arguments in x0-x4,
 * result in x0 (0 or a negative errno, or a value).
 */
#ifndef PUBLIC_XEN_H
#define PUBLIC_XEN_H

#include <stdint.h>

#define XEN_HYPERCALL_TAG          0xEA1

typedef uint16_t domid_t;
typedef uint64_t xen_pfn_t;
typedef uint64_t xen_ulong_t;

#define DOMID_FIRST_RESERVED  0x7ff0U
#define DOMID_SELF            0x7ff0U
#define DOMID_IO              0x7ff1U
#define DOMID_XEN             0x7ff2U
#define DOMID_INVALID         0x7ff4U
#define DOMID_IDLE            0x7fffU

#define __HYPERVISOR_platform_op      7
#define __HYPERVISOR_memory_op        12
#define __HYPERVISOR_multicall        13
#define __HYPERVISOR_xen_version      17
#define __HYPERVISOR_console_io       18
#define __HYPERVISOR_grant_table_op   20
#define __HYPERVISOR_vm_assist        21
#define __HYPERVISOR_vcpu_op          24
#define __HYPERVISOR_xsm_op           27
#define __HYPERVISOR_sched_op         29
#define __HYPERVISOR_event_channel_op 32
#define __HYPERVISOR_physdev_op       33
#define __HYPERVISOR_hvm_op           34
#define __HYPERVISOR_sysctl           35
#define __HYPERVISOR_domctl           36
#define __HYPERVISOR_dm_op            41
#define NR_HYPERCALLS                 64

/* xen_version commands (public/version.h). */
#define XENVER_version          0
#define XENVER_extraversion     1
#define XENVER_compile_info     2
#define XENVER_capabilities     3
#define XENVER_changeset        4
#define XENVER_platform_parameters 5
#define XENVER_get_features     6
#define XENVER_pagesize         7
#define XENVER_guest_handle     8
#define XENVER_commandline      9

#define XEN_EXTRAVERSION_LEN    16
#define XEN_CAPABILITIES_LEN    1024
#define XEN_CHANGESET_LEN       64
#define XEN_COMPILE_INFO_LEN    (64 + 16 + 32 + 32)

struct xen_feature_info {
	uint32_t submap_idx;
	uint32_t submap;
};

/* Feature bits of submap 0 (public/features.h). */
#define XENFEAT_auto_translated_physmap 2
#define XENFEAT_dom0                    11
#define XENFEAT_ARM_SMCCC_supported     14
#define XENFEAT_not_direct_mapped       16
#define XENFEAT_direct_mapped           17

/* console_io commands (public/xen.h). */
#define CONSOLEIO_write 0
#define CONSOLEIO_read  1

/* sched_op commands (public/sched.h). */
#define SCHEDOP_yield           0
#define SCHEDOP_block           1
#define SCHEDOP_shutdown        2
#define SCHEDOP_poll            3
#define SCHEDOP_remote_shutdown 4
#define SCHEDOP_shutdown_code   5
#define SCHEDOP_watchdog        6

struct sched_shutdown {
	uint32_t reason;         /* SHUTDOWN_* */
};

/* vcpu_op commands (public/vcpu.h). */
#define VCPUOP_initialise              0
#define VCPUOP_up                      1
#define VCPUOP_down                    2
#define VCPUOP_is_up                   3
#define VCPUOP_get_runstate_info       4
#define VCPUOP_register_runstate_memory_area 5
#define VCPUOP_register_vcpu_info      10

struct sched_poll {
	uint64_t ports;          /* guest address of evtchn_port_t[nr_ports] */
	uint32_t nr_ports;
	uint32_t pad;
	uint64_t timeout;        /* absolute system time in ns, 0 = none */
};

#define XENFEAT_NR_SUBMAPS 1

/* VIRQs (public/xen.h). Per-vCPU: TIMER, DEBUG, XENOPROF, XENPMU; the rest are global. */
#define VIRQ_TIMER      0
#define VIRQ_DEBUG      1
#define VIRQ_CONSOLE    2
#define VIRQ_DOM_EXC    3
#define VIRQ_TBUF       4
#define VIRQ_DEBUGGER   6
#define VIRQ_XENOPROF   7
#define VIRQ_CON_RING   8
#define VIRQ_PCPU_STATE 9
#define VIRQ_MEM_EVENT  10
#define VIRQ_ARGO       11
#define VIRQ_ENOMEM     12
#define VIRQ_XENPMU     13
#define NR_VIRQS        24

/* vm_assist (public/xen.h). */
#define VMASST_CMD_enable                 0
#define VMASST_CMD_disable                1
#define VMASST_TYPE_runstate_update_flag  5

/* Arm: shared_info holds one legacy vcpu_info (XEN_LEGACY_MAX_VCPUS). */
#define XEN_LEGACY_MAX_VCPUS 1
#define EVTCHN_2L_WORDS      64              /* xen_ulong_t words of pending/mask */
#define EVTCHN_2L_NR_PORTS   (EVTCHN_2L_WORDS * 64)

struct vcpu_time_info {
	uint32_t version;
	uint32_t pad0;
	uint64_t tsc_timestamp;
	uint64_t system_time;
	uint32_t tsc_to_system_mul;
	int8_t tsc_shift;
	int8_t flags;
	uint8_t pad1[2];
};

/* 48 bytes on Arm (struct arch_vcpu_info is empty). */
struct vcpu_info {
	uint8_t evtchn_upcall_pending;
	uint8_t evtchn_upcall_mask;
	uint8_t pad[6];
	xen_ulong_t evtchn_pending_sel;
	struct vcpu_time_info time;
};

struct shared_info {
	struct vcpu_info vcpu_info[XEN_LEGACY_MAX_VCPUS];
	xen_ulong_t evtchn_pending[EVTCHN_2L_WORDS];
	xen_ulong_t evtchn_mask[EVTCHN_2L_WORDS];
	uint32_t wc_version;
	uint32_t wc_sec;
	uint32_t wc_nsec;
	uint32_t wc_sec_hi;
};

/* VCPUOP_register_vcpu_info argument (public/vcpu.h). */
struct vcpu_register_vcpu_info {
	uint64_t mfn;            /* guest frame (gfn on auto-translated guests) */
	uint32_t offset;         /* of the vcpu_info inside it */
	uint32_t rsvd;
};

#define RUNSTATE_running  0
#define RUNSTATE_runnable 1
#define RUNSTATE_blocked  2
#define RUNSTATE_offline  3
#define XEN_RUNSTATE_UPDATE (1ULL << 63)     /* in state_entry_time while updating */

struct vcpu_runstate_info {
	int32_t state;
	uint32_t pad;
	uint64_t state_entry_time;
	uint64_t time[4];
};

/* VCPUOP_register_runstate_memory_area: a guest *virtual* address. */
struct vcpu_register_runstate_memory_area {
	uint64_t addr;
};

/* multicall (public/xen.h). */
struct multicall_entry {
	xen_ulong_t op;
	int64_t result;
	xen_ulong_t args[6];
};

#endif /* PUBLIC_XEN_H */
