// SPDX-License-Identifier: GPL-2.0-only
/*
 * The daemon's log: with --log FILE, one timestamped line per connection
 * event, per error and (with --trace) per request; errors also go to stderr.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "daemon.h"

static FILE *log_file;

int log_open(const char *path)
{
	log_file = fopen(path, "ae");
	if (!log_file) {
		fprintf(stderr, "xenstored: log %s: %s\n", path, strerror(errno));
		return -1;
	}
	setvbuf(log_file, NULL, _IOLBF, 0);
	return 0;
}

void log_close(void)
{
	if (log_file)
		fclose(log_file);
	log_file = NULL;
}

static void log_line(const char *kind, const char *fmt, va_list ap)
{
	struct timespec ts;
	struct tm tm;
	char when[32];

	clock_gettime(CLOCK_REALTIME, &ts);
	localtime_r(&ts.tv_sec, &tm);
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm);
	fprintf(log_file, "%s %s: ", when, kind);
	vfprintf(log_file, fmt, ap);
	fputc('\n', log_file);
}

void log_event(const char *fmt, ...)
{
	va_list ap;

	if (!log_file)
		return;
	va_start(ap, fmt);
	log_line("event", fmt, ap);
	va_end(ap);
}

void log_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("xenstored: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	if (!log_file)
		return;
	va_start(ap, fmt);
	log_line("error", fmt, ap);
	va_end(ap);
}
