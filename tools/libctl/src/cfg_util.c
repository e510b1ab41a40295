// SPDX-License-Identifier: LGPL-2.1-only
/* Allocation helpers, error and warning messages, randomness. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cfg.h"

char *cfg_strdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

char *cfg_vprintf(const char *fmt, va_list ap)
{
	char *s = NULL;

	if (vasprintf(&s, fmt, ap) < 0)
		return NULL;
	return s;
}

char *cfg_printf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = cfg_vprintf(fmt, ap);
	va_end(ap);
	return s;
}

/* "src:line:col: key: msg", the position and key parts when known. */
static char *cfg_format(struct cfg_ctx *ctx, const struct cfg_pos *pos,
			const char *fmt, va_list ap)
{
	char *msg = cfg_vprintf(fmt, ap);
	const char *src = pos && pos->source ? pos->source : ctx->source;
	char *where, *out;

	if (!msg)
		return NULL;
	if (pos && pos->line)
		where = cfg_printf("%s:%u:%u", src, pos->line, pos->col);
	else
		where = cfg_strdup(src);
	out = where ? cfg_printf("%s: %s%s%s", where, ctx->key ? ctx->key : "",
				 ctx->key ? ": " : "", msg) : NULL;
	free(where);
	free(msg);
	return out;
}

int cfg_oom(struct cfg_ctx *ctx)
{
	if (!ctx->err)
		ctx->err = cfg_strdup("out of memory");
	return -ENOMEM;
}

int cfg_fail(struct cfg_ctx *ctx, const struct cfg_pos *pos, const char *fmt, ...)
{
	va_list ap;

	if (ctx->err)
		return -EINVAL;
	va_start(ap, fmt);
	ctx->err = cfg_format(ctx, pos, fmt, ap);
	va_end(ap);
	if (!ctx->err)
		return cfg_oom(ctx);
	return -EINVAL;
}

int cfg_warn(struct cfg_ctx *ctx, const struct cfg_pos *pos, const char *fmt, ...)
{
	struct ctl_domain_config *cfg = ctx->cfg;
	char **w;
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = cfg_format(ctx, pos, fmt, ap);
	va_end(ap);
	w = msg ? realloc(cfg->warnings, (cfg->nr_warnings + 1) * sizeof(*w)) : NULL;
	if (!w) {
		free(msg);
		return cfg_oom(ctx);
	}
	w[cfg->nr_warnings++] = msg;
	cfg->warnings = w;
	return 0;
}

int cfg_random(void *buf, size_t len)
{
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	int rc = 0;
	ssize_t r;

	if (fd < 0)
		return -errno;
	r = read(fd, buf, len);
	if (r != (ssize_t)len)
		rc = r < 0 ? -errno : -EIO;
	close(fd);
	return rc;
}
