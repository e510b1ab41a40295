// SPDX-License-Identifier: GPL-2.0-only
/* The daemon's command line. */
#include <getopt.h>
#include <stdio.h>

#include "daemon.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: xenstored [-k] [-s SOCKET] [-p FILE] [-l FILE] [-T]\n"
		   "  -k, --kernel       serve dom0's kernel (/proc/xen/xsd_kva, xsd_port) and\n"
		   "                     introduced guests over Xen; without it only the socket\n"
		   "  -s, --socket PATH  Unix socket to serve (default " DEFAULT_SOCKET ")\n"
		   "  -p, --pid-file F   write the daemon's pid to F once it serves\n"
		   "  -l, --log FILE     append connection events and errors to FILE\n"
		   "  -T, --trace        also log every request (with --log)\n"
		   "  -h, --help         this text\n");
}

int opts_parse(int argc, char **argv, struct xsd_opts *o)
{
	static const struct option opts[] = {
		{ "kernel", no_argument, NULL, 'k' },
		{ "socket", required_argument, NULL, 's' },
		{ "pid-file", required_argument, NULL, 'p' },
		{ "log", required_argument, NULL, 'l' },
		{ "trace", no_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	*o = (struct xsd_opts){ .socket = DEFAULT_SOCKET };
	while ((ch = getopt_long(argc, argv, "ks:p:l:Th", opts, NULL)) != -1) {
		switch (ch) {
		case 'k':
			o->kernel = true;
			break;
		case 's':
			o->socket = optarg;
			break;
		case 'p':
			o->pid_file = optarg;
			break;
		case 'l':
			o->log_file = optarg;
			break;
		case 'T':
			o->trace = true;
			break;
		default:
			usage(ch == 'h' ? stdout : stderr);
			return ch == 'h' ? 0 : 2;
		}
	}
	if (optind == argc)
		return -1;
	fprintf(stderr, "xenstored: unexpected argument: %s\n", argv[optind]);
	usage(stderr);
	return 2;
}
