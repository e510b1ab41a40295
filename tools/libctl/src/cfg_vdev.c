// SPDX-License-Identifier: LGPL-2.1-only
/*
 * Virtual disk names to the xen-vbd-interface device numbers written to
 * xenstore's virtual-device: xvdX (202<<8 | disk<<4 | part, or
 * 1<<28 | disk<<8 | part past 15 disks or partitions), hdX (majors 3 and
 * 22, 64 minors per disk) and sdX (8<<8 | disk<<4 | part).
 */
#include <ctype.h>
#include <errno.h>
#include <string.h>
#include "cfg.h"

#define XVD_EXT_DISKS	(1u << 20)

/* "a".."z", "aa".. (bijective base 26): a = 0, z = 25, aa = 26. */
static int disk_index(const char **s, uint32_t *disk)
{
	uint32_t n = 0;

	if (!islower((unsigned char)**s))
		return -EINVAL;
	while (islower((unsigned char)**s)) {
		n = n * 26 + (uint32_t)(**s - 'a') + 1;
		if (n > XVD_EXT_DISKS)
			return -EINVAL;
		(*s)++;
	}
	*disk = n - 1;
	return 0;
}

/* "" is the whole disk (0); else 1-255 without leading zeros. */
static int partition(const char *s, uint32_t *part)
{
	uint32_t n = 0;

	*part = 0;
	if (!*s)
		return 0;
	if (*s == '0')
		return -EINVAL;
	for (; *s; s++) {
		if (!isdigit((unsigned char)*s))
			return -EINVAL;
		n = n * 10 + (uint32_t)(*s - '0');
		if (n > 255)
			return -EINVAL;
	}
	*part = n;
	return 0;
}

static int encode_xvd(uint32_t disk, uint32_t part, uint32_t *number)
{
	if (disk < 16 && part < 16)
		*number = 202u << 8 | disk << 4 | part;
	else if (disk < XVD_EXT_DISKS)
		*number = 1u << 28 | disk << 8 | part;
	else
		return -EINVAL;
	return 0;
}

static int encode_hd(uint32_t disk, uint32_t part, uint32_t *number)
{
	if (disk > 3 || part > 63)
		return -EINVAL;
	*number = (disk < 2 ? 3u : 22u) << 8 | (disk & 1) << 6 | part;
	return 0;
}

static int encode_sd(uint32_t disk, uint32_t part, uint32_t *number)
{
	if (disk > 15 || part > 15)
		return -EINVAL;
	*number = 8u << 8 | disk << 4 | part;
	return 0;
}

int cfg_vdev_number(const char *vdev, uint32_t *number)
{
	static const struct {
		const char *prefix;
		int (*encode)(uint32_t disk, uint32_t part, uint32_t *number);
	} kinds[] = {
		{ "xvd", encode_xvd }, { "hd", encode_hd }, { "sd", encode_sd },
	};
	uint32_t disk, part;
	const char *s;
	size_t i, n;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		n = strlen(kinds[i].prefix);
		if (strncmp(vdev, kinds[i].prefix, n))
			continue;
		s = vdev + n;
		if (disk_index(&s, &disk) || partition(s, &part))
			return -EINVAL;
		return kinds[i].encode(disk, part, number);
	}
	return -EINVAL;
}
