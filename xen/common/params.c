// SPDX-License-Identifier: GPL-2.0-only
/* The hypervisor's command line: a table of descriptors collected by the linker. */
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/param.h>

#define PARAM_TOKEN_MAX 128

extern const struct param __param_start[], __param_end[];

static const struct param *param_find(const char *name, size_t len)
{
	for (const struct param *p = __param_start; p < __param_end; p++)
		if (strlen(p->name) == len && strncmp(p->name, name, len) == 0)
			return p;
	return NULL;
}

static int parse_uint(const char *v, uint64_t *out)
{
	char *end;

	if (!*v)
		return -EINVAL;
	*out = strtoull(v, &end, 0);
	return *end ? -EINVAL : 0;
}

static int parse_bool(const char *v, bool *out)
{
	if (!v || !strcmp(v, "1") || !strcmp(v, "yes") || !strcmp(v, "on") || !strcmp(v, "true"))
		*out = true;
	else if (!strcmp(v, "0") || !strcmp(v, "no") || !strcmp(v, "off") || !strcmp(v, "false"))
		*out = false;
	else
		return -EINVAL;
	return 0;
}

static int param_apply(const struct param *p, const char *v)
{
	switch (p->type) {
	case PARAM_UINT:
		return v ? parse_uint(v, p->var) : -EINVAL;
	case PARAM_BOOL:
		return parse_bool(v, p->var);
	case PARAM_STRING:
		if (!v || strlen(v) >= PARAM_STRING_MAX)
			return -EINVAL;
		memcpy(p->var, v, strlen(v) + 1);
		return 0;
	case PARAM_CUSTOM:
	default:
		return p->parse(v ? v : "");
	}
}

static void param_token(const char *tok, size_t len)
{
	char buf[PARAM_TOKEN_MAX];
	const char *eq;
	const struct param *p;

	if (len >= sizeof(buf)) {
		printk_level(LOG_WARN, "command line: option '%.20s...' too long, ignored\n", tok);
		return;
	}
	memcpy(buf, tok, len);
	buf[len] = '\0';
	eq = strchr(buf, '=');
	p = param_find(buf, eq ? (size_t)(eq - buf) : len);
	if (!p)
		printk_level(LOG_WARN, "command line: unknown option '%s' ignored\n", buf);
	else if (param_apply(p, eq ? eq + 1 : NULL))
		printk_level(LOG_WARN, "command line: bad value in '%s' (%s), ignored\n", buf,
			     p->help);
}

void params_parse(const char *cmdline)
{
	const char *s = cmdline;

	while (s && *s) {
		size_t len = 0;

		while (*s == ' ' || *s == '\t')
			s++;
		while (s[len] && s[len] != ' ' && s[len] != '\t')
			len++;
		if (len)
			param_token(s, len);
		s += len;
	}
}
