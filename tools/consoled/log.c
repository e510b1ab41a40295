// SPDX-License-Identifier: GPL-2.0-only
/* The console daemon's own log: one timestamped line per event. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "consoled.h"

static int log_fd = STDERR_FILENO;

int cd_log_open(const char *path)
{
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);

	if (fd < 0)
		return -errno;
	log_fd = fd;
	return 0;
}

void cd_log(const char *fmt, ...)
{
	char line[512];
	struct tm tm;
	time_t now = time(NULL);
	size_t n;
	va_list ap;

	localtime_r(&now, &tm);
	n = strftime(line, sizeof(line), "%Y-%m-%d %H:%M:%S consoled: ", &tm);
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof(line) - n - 1, fmt, ap);
	va_end(ap);
	n = strlen(line);
	line[n++] = '\n';
	if (write(log_fd, line, n) < 0)
		return;         /* nowhere left to say it */
}
