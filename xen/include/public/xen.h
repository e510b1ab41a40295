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

#endif /* PUBLIC_XEN_H */
