/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * Domain configuration: the xl.cfg parser of `ctl create guest.cfg` and the
 * resolved configuration as JSON (docs/specs/domain-config.md).
 *
 * Every function is synchronous. Functions returning int return 0 or a
 * negative errno (-EINVAL bad input, -ENOMEM, -ENOENT/-EACCES/-EIO for the
 * file); on failure *err receives a malloc'd one-line message (the caller
 * frees it) and no configuration is produced.
 */
#ifndef CTL_CONFIG_H
#define CTL_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CTL_MAX_VCPUS		64	/* MAX_VCPUS_PER_DOMAIN of the hypervisor */
#define CTL_MAX_CPUS		256	/* physical CPUs an affinity list may name */
#define CTL_MAX_MEMORY_MIB	(1024u * 1024u)
#define CTL_MAX_EVTCHN		4096	/* 2-level event channels, 64-bit */
#define CTL_MAX_GRANT_FRAMES	4096

/* What happens when the guest powers off, reboots or crashes (xl names). */
enum ctl_action {
	CTL_ACTION_DESTROY,
	CTL_ACTION_RESTART,
	CTL_ACTION_RENAME_RESTART,
	CTL_ACTION_PRESERVE,
	CTL_ACTION_COREDUMP_DESTROY,
	CTL_ACTION_COREDUMP_RESTART,
};

enum ctl_gic_version {
	CTL_GIC_DEFAULT,	/* the host's */
	CTL_GIC_V2,
	CTL_GIC_V3,
};

enum ctl_disk_format {
	CTL_DISK_FORMAT_RAW,	/* the only one supported now */
};

enum ctl_disk_access {
	CTL_DISK_RW,
	CTL_DISK_RO,
};

enum ctl_disk_devtype {
	CTL_DISK_DEVTYPE_DISK,
	CTL_DISK_DEVTYPE_CDROM,
};

/* One `disk=[ ... ]` entry (xl-disk-configuration). */
struct ctl_disk {
	char *target;			/* path; NULL only for an empty cdrom */
	enum ctl_disk_format format;
	char *vdev;			/* as written: "xvda", "hdc", "sdb1" */
	uint32_t vdev_number;		/* xen-vbd-interface encoding of vdev */
	enum ctl_disk_access access;
	enum ctl_disk_devtype devtype;
};

/* One `vif=[ ... ]` entry (xl-network-configuration). NULL/0 = unset. */
struct ctl_vif {
	char *mac;			/* "00:16:3e:12:34:56", lower case */
	char *bridge;
	char *ip;			/* space-separated addresses */
	char *vifname;
	char *rate;			/* "10Mb/s@20ms" */
	unsigned int mtu;
};

/*
 * The resolved configuration. Strings are malloc'd, NULL when unset.
 * memory and maxmem are MiB.
 */
struct ctl_domain_config {
	char *name;
	bool has_uuid;
	uint8_t uuid[16];
	uint64_t memory;
	uint64_t maxmem;
	unsigned int vcpus;
	unsigned int maxvcpus;
	char *cpus;			/* affinity list "0-3,^1", NULL = all */
	uint64_t cpumap[CTL_MAX_CPUS / 64];	/* cpus resolved, bit per CPU */
	char *kernel;
	char *ramdisk;
	char *cmdline;			/* resolved: from root and extra if unset */
	char *extra;
	char *root;
	enum ctl_action on_poweroff;
	enum ctl_action on_reboot;
	enum ctl_action on_crash;
	enum ctl_gic_version gic_version;
	unsigned int max_grant_frames;
	unsigned int max_event_channels;
	struct ctl_disk *disks;
	size_t nr_disks;
	struct ctl_vif *vifs;
	size_t nr_vifs;
	/* Warnings ("guest.cfg:5:1: foo: unknown key, ignored"); not printed. */
	char **warnings;
	size_t nr_warnings;
};

/*
 * Parse the xl.cfg file at @path into a new *@cfg (free with
 * ctl_config_free()). Syntax, keys and defaults: domain-config.md. Errors
 * read "guest.cfg:3:10: memory: expected a number".
 */
int ctl_config_parse_file(const char *path, struct ctl_domain_config **cfg,
			  char **err);

/*
 * As ctl_config_parse_file(), then apply @nr overrides ("memory=512",
 * "name=web" as on `ctl create guest.cfg memory=512 name=web`) before the
 * semantic checks. Each override is one xl.cfg line; a value that is not a
 * quoted string, a number or a list is taken as a bare string. Errors in an
 * override are reported as "<command line>:N:COL: key: message", N its
 * position (1-based).
 */
int ctl_config_parse_file_args(const char *path, const char *const *overrides,
			       size_t nr, struct ctl_domain_config **cfg,
			       char **err);

/* Parse @text (named @name in messages) into a new *@cfg. */
int ctl_config_parse_string(const char *text, const char *name,
			    struct ctl_domain_config **cfg, char **err);

/* ctl_config_parse_string() plus overrides, as ctl_config_parse_file_args(). */
int ctl_config_parse_string_args(const char *text, const char *name,
				 const char *const *overrides, size_t nr,
				 struct ctl_domain_config **cfg, char **err);

/* Give @cfg a random (version 4) UUID if it has none. */
int ctl_config_generate_uuid(struct ctl_domain_config *cfg, char **err);

/* Give every vif without a MAC a random one in the Xen OUI 00:16:3e. */
int ctl_config_generate_macs(struct ctl_domain_config *cfg, char **err);

/*
 * Serialise @cfg into a new NUL-terminated JSON object *@json (caller
 * frees): every field, always present (null when unset), stable order.
 */
int ctl_config_to_json(const struct ctl_domain_config *cfg, char **json,
		       char **err);

/*
 * Parse JSON made by ctl_config_to_json() back into a new *@cfg, with the
 * same validation as a file. Missing keys take their defaults.
 */
int ctl_config_from_json(const char *json, struct ctl_domain_config **cfg,
			 char **err);

/* Free @cfg and everything it owns. NULL is a no-op. */
void ctl_config_free(struct ctl_domain_config *cfg);

/* "destroy", "rename-restart"...; NULL for an invalid value. */
const char *ctl_action_name(enum ctl_action action);

/* Format @uuid as 36 characters plus NUL into @buf. */
void ctl_uuid_format(const uint8_t uuid[16], char buf[37]);

#endif /* CTL_CONFIG_H */
