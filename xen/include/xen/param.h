/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypervisor command-line options (/chosen "xen,xen-bootargs"), declared where
 * they are used: DEFINE_PARAM_UINT(loglvl_value, "loglvl", ...) puts a
 * descriptor in the .xen_params section; params_parse() fills them in.
 */
#ifndef XEN_PARAM_H
#define XEN_PARAM_H

#include <xen/types.h>

enum param_type {
	PARAM_UINT,
	PARAM_BOOL,
	PARAM_STRING,
	PARAM_CUSTOM,   /* parse(value) returns 0 or a negative error */
};

struct param {
	const char *name;
	enum param_type type;
	void *var;
	int (*parse)(const char *value);
	const char *help;
};

#define PARAM_VAR_(n) param_##n

#define DEFINE_PARAM(id, pname, ptype, pvar, pparse, phelp)                   \
	static const struct param PARAM_VAR_(id) __used                        \
		__attribute__((section(".xen_params"), aligned(8))) = {        \
			.name = pname, .type = ptype, .var = pvar,             \
			.parse = pparse, .help = phelp }

#define PARAM_STRING_MAX 64

/* Parses "key=value key ..." from the boot command line; warns about what it cannot use. */
void params_parse(const char *cmdline);

#endif /* XEN_PARAM_H */
