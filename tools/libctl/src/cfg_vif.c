// SPDX-License-Identifier: LGPL-2.1-only
/*
 * vif = [ 'mac=00:16:3e:01:02:03, bridge=xenbr0', ... ]
 * (xl-network-configuration): `key=value` items; ctl knows mac, bridge,
 * ip, vifname, rate and mtu, anything else is an error.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cfg.h"

#define IFNAME_MAX	15

struct vif_parse {
	struct cfg_ctx *ctx;
	const struct cfg_value *v;
	struct ctl_vif *vif;
};

static int vif_fail(struct vif_parse *vp, const char *what, const char *val)
{
	return cfg_fail(vp->ctx, &vp->v->pos, "%s '%s' in '%s'", what, val,
			vp->v->str);
}

/* Six two-digit hexadecimal octets separated by ':', unicast. */
int cfg_mac_parse(const char *s, uint8_t mac[6])
{
	unsigned int i;

	if (strlen(s) != 17)
		return -EINVAL;
	for (i = 0; i < 6; i++, s += 3) {
		if (!isxdigit((unsigned char)s[0]) || !isxdigit((unsigned char)s[1]) ||
		    (i < 5 && s[2] != ':'))
			return -EINVAL;
		mac[i] = (uint8_t)strtoul((char[3]){ s[0], s[1], 0 }, NULL, 16);
	}
	return mac[0] & 1 ? -EINVAL : 0;
}

static int store(struct vif_parse *vp, char **dst, const char *val)
{
	free(*dst);
	*dst = strdup(val);
	return *dst ? 0 : cfg_oom(vp->ctx);
}

static int set_mac(struct vif_parse *vp, const char *val)
{
	uint8_t m[6];
	char buf[18];

	if (cfg_mac_parse(val, m))
		return vif_fail(vp, "invalid unicast MAC", val);
	snprintf(buf, sizeof(buf), "%02x:%02x:%02x:%02x:%02x:%02x",
		 m[0], m[1], m[2], m[3], m[4], m[5]);
	return store(vp, &vp->vif->mac, buf);
}

static bool ifname_valid(const char *s)
{
	size_t n = strlen(s);

	return n && n <= IFNAME_MAX && !strpbrk(s, "/: \t");
}

static int set_bridge(struct vif_parse *vp, const char *val)
{
	if (!ifname_valid(val))
		return vif_fail(vp, "invalid bridge name", val);
	return store(vp, &vp->vif->bridge, val);
}

static int set_vifname(struct vif_parse *vp, const char *val)
{
	if (!ifname_valid(val))
		return vif_fail(vp, "invalid vifname", val);
	return store(vp, &vp->vif->vifname, val);
}

static bool addr_valid(const char *s, size_t n)
{
	unsigned char buf[16];
	char a[64];

	if (!n || n >= sizeof(a))
		return false;
	memcpy(a, s, n);
	a[n] = '\0';
	return inet_pton(AF_INET, a, buf) == 1 || inet_pton(AF_INET6, a, buf) == 1;
}

/* One or more IPv4/IPv6 addresses separated by spaces. */
static int set_ip(struct vif_parse *vp, const char *val)
{
	const char *s = val;
	size_t n;

	do {
		s += strspn(s, " ");
		n = strcspn(s, " ");
		if (!addr_valid(s, n))
			return vif_fail(vp, "invalid IP address list", val);
		s += n;
	} while (*(s += strspn(s, " ")));
	return store(vp, &vp->vif->ip, val);
}

/* Digits, then the end or one of @suffixes; returns what is left. */
static const char *rate_part(const char *s, const char *const *suffixes)
{
	if (!isdigit((unsigned char)*s))
		return NULL;
	while (isdigit((unsigned char)*s))
		s++;
	for (; *suffixes; suffixes++)
		if (!strncmp(s, *suffixes, strlen(*suffixes)))
			return s + strlen(*suffixes);
	return NULL;
}

/* RATE/s[@INTERVAL]: "10Mb/s", "1GB/s@50ms". */
static int set_rate(struct vif_parse *vp, const char *val)
{
	static const char *const units[] = { "Gb/s", "GB/s", "Mb/s", "MB/s",
					     "Kb/s", "KB/s", "b/s", "B/s", NULL };
	static const char *const times[] = { "us", "ms", "s", NULL };
	const char *s = rate_part(val, units);

	if (s && *s == '@')
		s = rate_part(s + 1, times);
	if (!s || *s)
		return vif_fail(vp, "invalid rate (e.g. 10Mb/s@20ms)", val);
	return store(vp, &vp->vif->rate, val);
}

static int set_mtu(struct vif_parse *vp, const char *val)
{
	uint64_t mtu;

	if (cfg_parse_u64(val, &mtu) || mtu < 68 || mtu > 65535)
		return vif_fail(vp, "invalid mtu (68-65535)", val);
	vp->vif->mtu = (unsigned int)mtu;
	return 0;
}

static const struct {
	const char *key;
	int (*set)(struct vif_parse *vp, const char *val);
} vif_keys[] = {
	{ "mac", set_mac },
	{ "bridge", set_bridge },
	{ "ip", set_ip },
	{ "vifname", set_vifname },
	{ "rate", set_rate },
	{ "mtu", set_mtu },
};

static int vif_item(struct vif_parse *vp, const struct cfg_spec_item *it)
{
	size_t i;

	if (!it->key && !*it->val)
		return 0;
	if (!it->key)
		return vif_fail(vp, "expected key=value, not", it->val);
	for (i = 0; i < sizeof(vif_keys) / sizeof(vif_keys[0]); i++)
		if (!strcmp(it->key, vif_keys[i].key))
			return vif_keys[i].set(vp, it->val);
	return vif_fail(vp, "unknown vif parameter", it->key);
}

int cfg_vif_parse(struct cfg_ctx *ctx, const struct cfg_value *v,
		  struct ctl_vif *vif)
{
	struct vif_parse vp = { .ctx = ctx, .v = v, .vif = vif };
	struct cfg_spec_item *items;
	size_t nr, i;
	int rc = 0;

	memset(vif, 0, sizeof(*vif));
	if (v->type != CFG_V_STRING)
		return cfg_fail(ctx, &v->pos, "expected a string");
	if (cfg_spec_split(v->str, NULL, &items, &nr))
		return cfg_oom(ctx);
	for (i = 0; i < nr && !rc; i++)
		rc = vif_item(&vp, &items[i]);
	cfg_spec_free(items, nr);
	return rc;
}

void cfg_vif_free(struct ctl_vif *vif)
{
	free(vif->mac);
	free(vif->bridge);
	free(vif->ip);
	free(vif->vifname);
	free(vif->rate);
	memset(vif, 0, sizeof(*vif));
}
