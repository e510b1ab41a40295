// SPDX-License-Identifier: LGPL-2.1-only
/* The public parse entry points: file or text, then command-line overrides. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cfg.h"

#define OVERRIDE_SOURCE "<command line>"

static int read_file(const char *path, char **text, char **err)
{
	FILE *f = fopen(path, "r");
	size_t n = 0, cap = 4096, r;
	char *buf = NULL, *nb;
	int rc = 0;

	if (!f) {
		rc = -errno;
		goto out;
	}
	do {
		nb = realloc(buf, cap + 1);
		if (!nb) {
			rc = -ENOMEM;
			goto out;
		}
		buf = nb;
		r = fread(buf + n, 1, cap - n, f);
		n += r;
		cap *= 2;
	} while (r);
	if (ferror(f))
		rc = -EIO;
	buf[n] = '\0';
	if (memchr(buf, '\0', n))
		rc = -EINVAL;
out:
	if (f)
		fclose(f);
	if (rc) {
		free(buf);
		*err = cfg_printf("%s: cannot read: %s", path,
				  rc == -EINVAL ? "binary file" : strerror(-rc));
		return rc;
	}
	*text = buf;
	return 0;
}

/* Apply the settings, derive, check: a config, or an error and none. */
int cfg_build(const struct cfg_doc *doc, const char *name, bool from_json,
	      struct ctl_domain_config **out, char **err)
{
	struct cfg_ctx ctx = { .source = name };
	int rc;

	ctx.cfg = malloc(sizeof(*ctx.cfg));
	if (!ctx.cfg) {
		*err = cfg_strdup("out of memory");
		return -ENOMEM;
	}
	cfg_defaults(ctx.cfg);
	rc = cfg_apply_doc(&ctx, doc);
	if (!rc)
		rc = cfg_resolve(&ctx, !from_json);
	if (!rc)
		rc = cfg_check(&ctx);
	if (rc) {
		ctl_config_free(ctx.cfg);
		ctx.cfg = NULL;
	}
	*out = ctx.cfg;
	*err = ctx.err;
	return rc;
}

int ctl_config_parse_string_args(const char *text, const char *name,
				 const char *const *overrides, size_t nr,
				 struct ctl_domain_config **cfg, char **err)
{
	struct cfg_doc doc = { 0 };
	size_t i;
	int rc;

	*cfg = NULL;
	rc = cfg_doc_parse(&doc, text, name, 1, false, err);
	for (i = 0; i < nr && !rc; i++)
		rc = cfg_doc_parse(&doc, overrides[i], OVERRIDE_SOURCE,
				   (unsigned int)i + 1, true, err);
	if (!rc)
		rc = cfg_build(&doc, name, false, cfg, err);
	cfg_doc_free(&doc);
	return rc;
}

int ctl_config_parse_string(const char *text, const char *name,
			    struct ctl_domain_config **cfg, char **err)
{
	return ctl_config_parse_string_args(text, name, NULL, 0, cfg, err);
}

int ctl_config_parse_file_args(const char *path, const char *const *overrides,
			       size_t nr, struct ctl_domain_config **cfg,
			       char **err)
{
	char *text = NULL;
	int rc;

	*cfg = NULL;
	*err = NULL;
	rc = read_file(path, &text, err);
	if (!rc)
		rc = ctl_config_parse_string_args(text, path, overrides, nr, cfg, err);
	free(text);
	return rc;
}

int ctl_config_parse_file(const char *path, struct ctl_domain_config **cfg,
			  char **err)
{
	return ctl_config_parse_file_args(path, NULL, 0, cfg, err);
}

void ctl_config_free(struct ctl_domain_config *cfg)
{
	size_t i;

	if (!cfg)
		return;
	free(cfg->name);
	free(cfg->cpus);
	free(cfg->kernel);
	free(cfg->ramdisk);
	free(cfg->cmdline);
	free(cfg->extra);
	free(cfg->root);
	for (i = 0; i < cfg->nr_disks; i++)
		cfg_disk_free(&cfg->disks[i]);
	free(cfg->disks);
	for (i = 0; i < cfg->nr_vifs; i++)
		cfg_vif_free(&cfg->vifs[i]);
	free(cfg->vifs);
	for (i = 0; i < cfg->nr_warnings; i++)
		free(cfg->warnings[i]);
	free(cfg->warnings);
	free(cfg);
}
