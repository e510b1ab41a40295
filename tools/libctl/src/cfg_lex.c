// SPDX-License-Identifier: LGPL-2.1-only
/*
 * The xl.cfg syntax: `key = value` or `key += value` separated by newlines
 * or ';', values quoted strings, unquoted words (numbers) or [ lists ]
 * across lines with optional trailing commas, '#' comments to end of line.
 * The result is a list of settings, the last `=` winning and `+=`
 * appending to a string or a list.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cfg.h"

#define MAX_DEPTH 8

struct lexer {
	const char *p;
	unsigned int line, col;
	bool override;
	struct cfg_ctx msg;	/* only source, key and err are used */
};

static void lx_pos(const struct lexer *lx, struct cfg_pos *pos)
{
	pos->source = lx->msg.source;
	pos->line = lx->line;
	pos->col = lx->col;
}

static void lx_next(struct lexer *lx)
{
	if (*lx->p == '\n') {
		lx->line++;
		lx->col = 1;
	} else {
		lx->col++;
	}
	lx->p++;
}

static int lx_fail(struct lexer *lx, const char *msg)
{
	struct cfg_pos pos;

	lx_pos(lx, &pos);
	return cfg_fail(&lx->msg, &pos, "%s", msg);
}

static void lx_skip(struct lexer *lx, bool newlines)
{
	for (;;) {
		char c = *lx->p;

		if (c == '#') {
			while (*lx->p && *lx->p != '\n')
				lx_next(lx);
		} else if (c == ' ' || c == '\t' || c == '\r' ||
			   (newlines && c == '\n')) {
			lx_next(lx);
		} else {
			return;
		}
	}
}

static bool is_atom_char(char c)
{
	return c && !isspace((unsigned char)c) && !strchr(",[]=;#\"'", c);
}

static int lx_escape(struct lexer *lx, char *out)
{
	static const char from[] = "nt\\\"'", to[] = "\n\t\\\"'";
	const char *e = *lx->p ? strchr(from, *lx->p) : NULL;

	if (!e)
		return lx_fail(lx, "invalid escape in a string");
	*out = to[e - from];
	lx_next(lx);
	return 0;
}

/* A quoted string; the quotes and escapes are removed. */
static int lx_string(struct lexer *lx, struct cfg_value *v)
{
	char q = *lx->p, *out;
	size_t n = 0;
	int rc;

	v->type = CFG_V_STRING;
	v->str = out = malloc(strlen(lx->p) + 1);
	if (!out)
		return cfg_oom(&lx->msg);
	lx_next(lx);
	while (*lx->p != q) {
		if (!*lx->p || *lx->p == '\n')
			return cfg_fail(&lx->msg, &v->pos, "unterminated string");
		if (*lx->p == '\\') {
			lx_next(lx);
			rc = lx_escape(lx, &out[n++]);
			if (rc)
				return rc;
			continue;
		}
		out[n++] = *lx->p;
		lx_next(lx);
	}
	out[n] = '\0';
	lx_next(lx);
	return 0;
}

/* An unquoted word; in an override, the rest of the line. */
static int lx_atom(struct lexer *lx, struct cfg_value *v, bool rest)
{
	const char *start = lx->p;
	size_t n;

	while (rest ? *lx->p && *lx->p != '\n' : is_atom_char(*lx->p))
		lx_next(lx);
	n = (size_t)(lx->p - start);
	while (rest && n && isspace((unsigned char)start[n - 1]))
		n--;
	v->type = CFG_V_ATOM;
	v->bare = rest;
	v->str = strndup(start, n);
	return v->str ? 0 : cfg_oom(&lx->msg);
}

static int lx_value(struct lexer *lx, struct cfg_value *v, unsigned int depth);

static int lx_list_item(struct lexer *lx, struct cfg_value *list,
			unsigned int depth)
{
	struct cfg_value *items;

	items = realloc(list->items, (list->nr_items + 1) * sizeof(*items));
	if (!items)
		return cfg_oom(&lx->msg);
	list->items = items;
	memset(&items[list->nr_items], 0, sizeof(*items));
	return lx_value(lx, &items[list->nr_items++], depth + 1);
}

static int lx_list(struct lexer *lx, struct cfg_value *v, unsigned int depth)
{
	int rc;

	v->type = CFG_V_LIST;
	if (depth >= MAX_DEPTH)
		return lx_fail(lx, "lists nested too deeply");
	lx_next(lx);
	for (;;) {
		lx_skip(lx, true);
		if (*lx->p == ']')
			break;
		if (!*lx->p)
			return cfg_fail(&lx->msg, &v->pos, "unterminated list");
		rc = lx_list_item(lx, v, depth);
		if (rc)
			return rc;
		lx_skip(lx, true);
		if (*lx->p == ',')
			lx_next(lx);
		else if (*lx->p != ']' && *lx->p)
			return lx_fail(lx, "expected ',' or ']' in the list");
	}
	lx_next(lx);
	return 0;
}

static int lx_value(struct lexer *lx, struct cfg_value *v, unsigned int depth)
{
	char c = *lx->p;

	lx_pos(lx, &v->pos);
	if (c == '"' || c == '\'')
		return lx_string(lx, v);
	if (c == '[')
		return lx_list(lx, v, depth);
	if (lx->override && depth == 0 && c && c != '\n')
		return lx_atom(lx, v, true);
	if (is_atom_char(c))
		return lx_atom(lx, v, false);
	return lx_fail(lx, "expected a value");
}

static int lx_key(struct lexer *lx, char **key)
{
	const char *start = lx->p;

	if (!isalpha((unsigned char)*lx->p))
		return lx_fail(lx, "expected a key");
	while (isalnum((unsigned char)*lx->p) || *lx->p == '_' || *lx->p == '.')
		lx_next(lx);
	*key = strndup(start, (size_t)(lx->p - start));
	return *key ? 0 : cfg_oom(&lx->msg);
}

/* `key += value` on an existing setting: concatenate or append. */
static int doc_append(struct lexer *lx, struct cfg_value *old,
		      struct cfg_value *v)
{
	struct cfg_value *items;
	char *s;

	if (old->type == CFG_V_LIST && v->type == CFG_V_LIST) {
		items = realloc(old->items, (old->nr_items + v->nr_items) * sizeof(*items));
		if (!items && old->nr_items + v->nr_items)
			return cfg_oom(&lx->msg);
		if (v->nr_items)
			memcpy(&items[old->nr_items], v->items, v->nr_items * sizeof(*items));
		old->items = items;
		old->nr_items += v->nr_items;
		v->nr_items = 0;
		return 0;
	}
	if (old->type != CFG_V_STRING || v->type != CFG_V_STRING)
		return cfg_fail(&lx->msg, &v->pos,
				"'+=' needs a string or a list on both sides");
	s = cfg_printf("%s%s", old->str, v->str);
	if (!s)
		return cfg_oom(&lx->msg);
	free(old->str);
	old->str = s;
	return 0;
}

static int doc_set(struct lexer *lx, struct cfg_doc *doc, struct cfg_setting *s,
		   bool append)
{
	struct cfg_setting *v;
	size_t i;

	for (i = 0; i < doc->n; i++) {
		if (strcmp(doc->v[i].key, s->key))
			continue;
		if (append)
			return doc_append(lx, &doc->v[i].value, &s->value);
		cfg_value_free(&doc->v[i].value);
		doc->v[i].value = s->value;
		doc->v[i].pos = s->pos;
		memset(&s->value, 0, sizeof(s->value));
		return 0;
	}
	v = realloc(doc->v, (doc->n + 1) * sizeof(*v));
	if (!v)
		return cfg_oom(&lx->msg);
	doc->v = v;
	v[doc->n++] = *s;
	memset(s, 0, sizeof(*s));
	return 0;
}

static int lx_operator(struct lexer *lx, bool *append)
{
	*append = lx->p[0] == '+' && lx->p[1] == '=';
	if (*append)
		lx_next(lx);
	if (*lx->p != '=')
		return lx_fail(lx, "expected '=' or '+=' after the key");
	lx_next(lx);
	return 0;
}

static int lx_statement(struct lexer *lx, struct cfg_doc *doc)
{
	struct cfg_setting s = { 0 };
	bool append;
	int rc;

	lx_pos(lx, &s.pos);
	rc = lx_key(lx, &s.key);
	if (rc)
		goto out;
	lx->msg.key = s.key;
	lx_skip(lx, false);
	rc = lx_operator(lx, &append);
	if (rc)
		goto out;
	lx_skip(lx, false);
	rc = lx_value(lx, &s.value, 0);
	if (rc)
		goto out;
	lx_skip(lx, false);
	if (*lx->p && *lx->p != '\n' && *lx->p != ';') {
		rc = lx_fail(lx, "unexpected text after the value");
		goto out;
	}
	rc = doc_set(lx, doc, &s, append);
out:
	lx->msg.key = NULL;
	free(s.key);
	cfg_value_free(&s.value);
	return rc;
}

int cfg_doc_parse(struct cfg_doc *doc, const char *text, const char *source,
		  unsigned int first_line, bool override, char **err)
{
	struct lexer lx = { .p = text, .line = first_line, .col = 1,
			    .override = override };
	int rc = 0;

	lx.msg.source = source;
	for (;;) {
		while (lx_skip(&lx, true), *lx.p == ';')
			lx_next(&lx);
		if (!*lx.p)
			break;
		rc = lx_statement(&lx, doc);
		if (rc)
			break;
	}
	*err = lx.msg.err;
	return rc;
}

void cfg_value_free(struct cfg_value *v)
{
	size_t i;

	for (i = 0; i < v->nr_items; i++)
		cfg_value_free(&v->items[i]);
	free(v->items);
	free(v->str);
	memset(v, 0, sizeof(*v));
}

void cfg_doc_free(struct cfg_doc *doc)
{
	size_t i;

	for (i = 0; i < doc->n; i++) {
		free(doc->v[i].key);
		cfg_value_free(&doc->v[i].value);
	}
	free(doc->v);
	doc->v = NULL;
	doc->n = 0;
}
