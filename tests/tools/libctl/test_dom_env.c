// SPDX-License-Identifier: GPL-2.0-only
/*
 * The world of one domain-layer test: a temporary directory holding the
 * xenstored socket, the state directory and a synthetic arm64 Image; the
 * real xenstored (build/tools/xenstored, or $XENSTORED_BIN); a handle over
 * the fake hypervisor.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "test_dom.h"

/* The tests run in tests/tools/libctl (the Makefile's cd). */
#define XENSTORED_DEFAULT   "../../../build/tools/xenstored/xenstored"
#define XSD_WAIT_TRIES      1000
#define XSD_WAIT_NS         10000000L      /* 10 ms: up to 10 s in all (a loaded CI host) */
#define XS_GET_PERMS        3              /* the wire type (docs/specs/xenstore.md) */
#define XS_PAYLOAD_MAX      4096
#define IMAGE_SIZE          (64 * 1024)
#define IMAGE_TEXT_OFFSET   0x80000
#define IMAGE_FLAGS_4K      0xa            /* LE, 4 KiB pages, placed anywhere (booting.rst) */
/* The arm64 Image header (Documentation/arm64/booting.rst). */
#define HDR_TEXT_OFFSET     8
#define HDR_IMAGE_SIZE      16
#define HDR_FLAGS           24
#define HDR_MAGIC           56
#define HDR_MAGIC_TEXT      "ARM\x64"

struct xs_hdr {
	uint32_t type, req_id, tx_id, len;
};

static void put_le64(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static bool write_kernel(const char *path)
{
	static unsigned char img[IMAGE_SIZE];
	FILE *f = fopen(path, "w");
	bool ok;

	put_le64(img + HDR_TEXT_OFFSET, IMAGE_TEXT_OFFSET);
	put_le64(img + HDR_IMAGE_SIZE, IMAGE_SIZE);
	put_le64(img + HDR_FLAGS, IMAGE_FLAGS_4K);
	memcpy(img + HDR_MAGIC, HDR_MAGIC_TEXT, strlen(HDR_MAGIC_TEXT));
	ok = f && fwrite(img, 1, sizeof(img), f) == sizeof(img);
	if (f)
		fclose(f);
	return ok;
}

static int connect_to(const char *sock)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", sock);
	if (fd >= 0 && connect(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		close(fd);
		fd = -1;
	}
	return fd;
}

static bool start_xenstored(struct dom_env *e)
{
	const char *bin = getenv("XENSTORED_BIN") ? getenv("XENSTORED_BIN") : XENSTORED_DEFAULT;
	struct timespec ts = { 0, XSD_WAIT_NS };
	int fd = -1;

	if (access(bin, X_OK)) {
		fprintf(stderr, "\n  %s: %s (make -C tools/xenstored)\n", bin, strerror(errno));
		return false;
	}
	e->xsd_pid = fork();
	if (e->xsd_pid == 0) {
		execl(bin, bin, "-s", e->sock, (char *)NULL);
		_exit(127);
	}
	for (int i = 0; e->xsd_pid > 0 && i < XSD_WAIT_TRIES && fd < 0; i++) {
		fd = connect_to(e->sock);
		if (fd < 0)
			nanosleep(&ts, NULL);
	}
	if (fd >= 0)
		close(fd);
	return fd >= 0;
}

bool env_start(struct dom_env *e)
{
	char *err = NULL;

	memset(e, 0, sizeof(*e));
	fake_init(&e->fake);
	snprintf(e->dir, sizeof(e->dir), "/tmp/ctl-dom-XXXXXX");
	if (!mkdtemp(e->dir)) {
		CU_FAIL("mkdtemp");
		return false;
	}
	snprintf(e->sock, sizeof(e->sock), "%s/xs.sock", e->dir);
	snprintf(e->state, sizeof(e->state), "%s/state", e->dir);
	snprintf(e->kernel, sizeof(e->kernel), "%s/Image", e->dir);
	setenv(CTL_STATE_DIR_ENV, e->state, 1);
	e->be = fake_backend_ops;
	e->be.xs_path = e->sock;
	if (!write_kernel(e->kernel) || !start_xenstored(e) ||
	    ctl_open_backend(&e->be, &e->fake, &e->h, &err) || ctl_xs_open(e->h, &e->xs)) {
		fprintf(stderr, "\n  environment: %s\n", err ? err : ctl_errmsg(e->h));
		free(err);
		CU_FAIL("test environment");
		env_stop(e);
		return false;
	}
	/* What dom0's start-up leaves in the store before any guest. */
	CU_ASSERT_EQUAL(ctl_xs_mkdir(e->xs, 0, "/local/domain/0"), 0);
	CU_ASSERT_EQUAL(ctl_xs_mkdir(e->xs, 0, "/vm"), 0);
	return true;
}

/* Our mkdtemp directory: the kernel, the socket, the state directory and its files. */
static void remove_tree(struct dom_env *e)
{
	DIR *d = opendir(e->state);
	struct dirent *de;
	char path[512];

	while (d && (de = readdir(d))) {
		if (de->d_name[0] == '.' && (!de->d_name[1] || !strcmp(de->d_name, "..")))
			continue;
		snprintf(path, sizeof(path), "%s/%s", e->state, de->d_name);
		unlink(path);
	}
	if (d)
		closedir(d);
	rmdir(e->state);
	unlink(e->kernel);
	unlink(e->sock);
	if (rmdir(e->dir))
		fprintf(stderr, "\n  could not remove %s: %s\n", e->dir, strerror(errno));
}

void env_stop(struct dom_env *e)
{
	ctl_xs_close(e->xs);
	ctl_close(e->h);
	e->xs = NULL;
	e->h = NULL;
	if (e->xsd_pid > 0) {
		kill(e->xsd_pid, SIGTERM);
		waitpid(e->xsd_pid, NULL, 0);
		e->xsd_pid = 0;
	}
	if (e->dir[0])
		remove_tree(e);
	unsetenv(CTL_STATE_DIR_ENV);
}

struct ctl_domain_config *env_config(struct dom_env *e, const char *name, const char *extra)
{
	char text[1024];

	snprintf(text, sizeof(text), "name = \"%s\"\nkernel = \"%s\"\nmemory = 64\n%s", name,
		 e->kernel, extra ? extra : "");
	return lt_parse(text);
}

static unsigned int count_below(struct dom_env *e, const char *path)
{
	char **names = NULL, child[512];
	unsigned int count = 1;
	size_t n = 0;

	if (ctl_xs_directory(e->xs, 0, path, &names, &n))
		return count;
	for (size_t i = 0; i < n; i++) {
		snprintf(child, sizeof(child), "%s/%s", strcmp(path, "/") ? path : "", names[i]);
		count += count_below(e, child);
	}
	free(names);
	return count;
}

unsigned int env_count_nodes(struct dom_env *e)
{
	return count_below(e, "/");
}

const char *env_read(struct dom_env *e, const char *path)
{
	static char buf[512];
	char *v = NULL;
	int rc = ctl_xs_read(e->xs, 0, path, &v);

	if (rc)
		snprintf(buf, sizeof(buf), "<errno %d>", -rc);
	else
		snprintf(buf, sizeof(buf), "%s", v);
	free(v);
	return buf;
}

static bool io_all(int fd, void *buf, size_t len, bool out)
{
	char *p = buf;
	ssize_t n;

	for (; len; p += n, len -= (size_t)n) {
		n = out ? write(fd, p, len) : read(fd, p, len);
		if (n <= 0)
			return false;
	}
	return true;
}

const char *env_perms(struct dom_env *e, const char *path)
{
	static char out[XS_PAYLOAD_MAX + 1];
	char payload[XS_PAYLOAD_MAX + 1];
	struct xs_hdr hdr = { XS_GET_PERMS, 1, 0, (uint32_t)strlen(path) + 1 };
	int fd = connect_to(e->sock);
	bool ok = fd >= 0 && io_all(fd, &hdr, sizeof(hdr), true) &&
		  io_all(fd, (void *)path, hdr.len, true) && io_all(fd, &hdr, sizeof(hdr), false) &&
		  hdr.len <= XS_PAYLOAD_MAX && io_all(fd, payload, hdr.len, false);

	if (fd >= 0)
		close(fd);
	if (!ok || hdr.type != XS_GET_PERMS)
		return "<error>";
	for (uint32_t i = 0; i + 1 < hdr.len; i++)
		out[i] = payload[i] ? payload[i] : ',';
	out[hdr.len ? hdr.len - 1 : 0] = '\0';
	return out;
}

bool env_state_exists(struct dom_env *e, uint32_t domid)
{
	char path[160];

	snprintf(path, sizeof(path), "%s/%u.json", e->state, domid);
	return access(path, F_OK) == 0;
}
