/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * `ctl list -l`'s JSON, written with libyajl (the only file of ctl that
 * knows it, so another JSON library is a one-file change).
 */
#ifndef CLI_JSON_OUT_H
#define CLI_JSON_OUT_H

#include <stdint.h>

struct cli_json;

struct cli_json *cli_json_begin(void);                  /* opens the array */
/* One {"domid": N, "name": S, "config": <config_json or null>}. 0 or -1 (bad config_json). */
int cli_json_domain(struct cli_json *j, uint32_t domid, const char *name,
		    const char *config_json);
/* Closes the array and returns the text (malloc'd, caller frees); frees j. */
char *cli_json_end(struct cli_json *j);

#endif /* CLI_JSON_OUT_H */
