// SPDX-License-Identifier: GPL-2.0-only
/*
 * xentest: exercises dom0's Xen device nodes from user space, for the dom0
 * checks (dom0-checks.sh).
 *
 *   xentest evtchn   event-channel loopback inside dom0 through /dev/xen/evtchn
 *   xentest grant    a page shared through /dev/xen/gntalloc and mapped back
 *                    through /dev/xen/gntdev
 *   xentest domctl   the toolstack interface through privcmd (xentest_domctl.c)
 *   xentest boot     a domain built and run from here (xentest_boot.c)
 *
 * Every step prints one "xentest: ..." line; a failing step names the call
 * and errno, and the program exits 1 (2 on bad usage).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

/* The uapi headers use Xen's own names without defining them. */
typedef uint16_t domid_t;
typedef uint32_t grant_ref_t;
#include <xen/evtchn.h>
#include <xen/gntalloc.h>
#include <xen/gntdev.h>

#include "xentest.h"

#define EVTCHN_DEV "/dev/xen/evtchn"
#define GNTALLOC_DEV "/dev/xen/gntalloc"
#define GNTDEV_DEV "/dev/xen/gntdev"
#define SELF_DOMID 0 /* dom0 talks to itself */
#define EVENT_TIMEOUT_MS 5000

int fail(const char *what)
{
	int e = errno;

	printf("xentest: FAILED %s: %s (errno %d)\n", what, strerror(e), e);
	return 1;
}

int open_dev(const char *path)
{
	int fd = open(path, O_RDWR | O_CLOEXEC);

	if (fd < 0)
		printf("xentest: FAILED open %s: %s (errno %d)\n", path, strerror(errno), errno);
	return fd;
}

/* ---- event channels ---- */

/*
 * Waits for @want to be delivered on @fd, then writes it back to unmask it.
 * Other ports delivered meanwhile are unmasked too and reported.
 */
static int evtchn_wait(int fd, unsigned int want)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	uint32_t ports[16];
	ssize_t n;
	int got = 0;

	while (!got) {
		int r = poll(&pfd, 1, EVENT_TIMEOUT_MS);

		if (r < 0)
			return fail("poll " EVTCHN_DEV);
		if (r == 0) {
			printf("xentest: FAILED port %u: no event within %d ms\n", want,
			       EVENT_TIMEOUT_MS);
			return 1;
		}
		n = read(fd, ports, sizeof(ports));
		if (n < 0)
			return fail("read " EVTCHN_DEV);
		if (n == 0 || n % sizeof(ports[0]) != 0) {
			printf("xentest: FAILED read " EVTCHN_DEV ": odd length %zd\n", n);
			return 1;
		}
		for (size_t i = 0; i < (size_t)n / sizeof(ports[0]); i++) {
			if (ports[i] == want)
				got = 1;
			else
				printf("xentest: note: unexpected port %u delivered\n", ports[i]);
			/* Delivery masks the port; writing it back unmasks it. */
			if (write(fd, &ports[i], sizeof(ports[i])) != (ssize_t)sizeof(ports[i]))
				return fail("write (unmask) " EVTCHN_DEV);
		}
	}
	printf("xentest: port %u delivered and unmasked\n", want);
	return 0;
}

static int evtchn_notify(int fd, unsigned int port)
{
	struct ioctl_evtchn_notify notify = { .port = port };

	if (ioctl(fd, IOCTL_EVTCHN_NOTIFY, &notify) < 0)
		return fail("IOCTL_EVTCHN_NOTIFY");
	printf("xentest: notified port %u\n", port);
	return 0;
}

static int evtchn_unbind(int fd, unsigned int port)
{
	struct ioctl_evtchn_unbind unbind = { .port = port };

	if (ioctl(fd, IOCTL_EVTCHN_UNBIND, &unbind) < 0)
		return fail("IOCTL_EVTCHN_UNBIND");
	return 0;
}

static int test_evtchn(void)
{
	struct ioctl_evtchn_bind_unbound_port unbound = { .remote_domain = SELF_DOMID };
	struct ioctl_evtchn_bind_interdomain inter = { .remote_domain = SELF_DOMID };
	int fd, rc, a, b;

	fd = open_dev(EVTCHN_DEV);
	if (fd < 0)
		return 1;

	a = ioctl(fd, IOCTL_EVTCHN_BIND_UNBOUND_PORT, &unbound);
	if (a < 0) {
		rc = fail("IOCTL_EVTCHN_BIND_UNBOUND_PORT (remote_domain 0)");
		goto out;
	}
	printf("xentest: unbound port A=%d for domain %d\n", a, SELF_DOMID);

	inter.remote_port = (unsigned int)a;
	b = ioctl(fd, IOCTL_EVTCHN_BIND_INTERDOMAIN, &inter);
	if (b < 0) {
		rc = fail("IOCTL_EVTCHN_BIND_INTERDOMAIN (remote_domain 0, remote_port A)");
		evtchn_unbind(fd, (unsigned int)a);
		goto out;
	}
	printf("xentest: port B=%d bound to A=%d\n", b, a);

	/* B -> A, then A -> B. */
	rc = evtchn_notify(fd, (unsigned int)b);
	if (!rc)
		rc = evtchn_wait(fd, (unsigned int)a);
	if (!rc)
		rc = evtchn_notify(fd, (unsigned int)a);
	if (!rc)
		rc = evtchn_wait(fd, (unsigned int)b);

	if (evtchn_unbind(fd, (unsigned int)b) || evtchn_unbind(fd, (unsigned int)a))
		rc = 1;
out:
	close(fd);
	if (!rc)
		printf("xentest: evtchn loopback OK\n");
	return rc;
}

/* ---- grants ---- */

static int check_pattern(const volatile uint32_t *p, size_t words, uint32_t seed, const char *where)
{
	for (size_t i = 0; i < words; i++) {
		if (p[i] != seed + (uint32_t)i) {
			printf("xentest: FAILED pattern %#x through %s: word %zu is %#x, want %#x\n",
			       seed, where, i, p[i], seed + (uint32_t)i);
			return 1;
		}
	}
	return 0;
}

static void fill_pattern(volatile uint32_t *p, size_t words, uint32_t seed)
{
	for (size_t i = 0; i < words; i++)
		p[i] = seed + (uint32_t)i;
}

static int test_grant(void)
{
	const size_t page = (size_t)sysconf(_SC_PAGESIZE);
	const size_t words = page / sizeof(uint32_t);
	struct ioctl_gntalloc_alloc_gref alloc = {
		.domid = SELF_DOMID,
		.flags = GNTALLOC_FLAG_WRITABLE,
		.count = 1,
	};
	struct ioctl_gntalloc_dealloc_gref dealloc = { .count = 1 };
	struct ioctl_gntdev_map_grant_ref map = { .count = 1 };
	struct ioctl_gntdev_unmap_grant_ref unmap = { .count = 1 };
	volatile uint32_t *shared = MAP_FAILED, *mapped = MAP_FAILED;
	int fa, fd = -1, rc = 1, granted = 0, gmapped = 0;

	fa = open_dev(GNTALLOC_DEV);
	if (fa < 0)
		return 1;

	if (ioctl(fa, IOCTL_GNTALLOC_ALLOC_GREF, &alloc) < 0) {
		fail("IOCTL_GNTALLOC_ALLOC_GREF (1 page, domid 0, writable)");
		goto out;
	}
	granted = 1;
	printf("xentest: granted ref %u (index %#llx) to domain %d\n", alloc.gref_ids[0],
	       (unsigned long long)alloc.index, SELF_DOMID);

	shared = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, fa, (off_t)alloc.index);
	if (shared == MAP_FAILED) {
		fail("mmap " GNTALLOC_DEV);
		goto out;
	}
	fill_pattern(shared, words, 0xa5a50000u);

	fd = open_dev(GNTDEV_DEV);
	if (fd < 0)
		goto out;
	map.refs[0].domid = SELF_DOMID;
	map.refs[0].ref = alloc.gref_ids[0];
	if (ioctl(fd, IOCTL_GNTDEV_MAP_GRANT_REF, &map) < 0) {
		fail("IOCTL_GNTDEV_MAP_GRANT_REF (domid 0)");
		goto out;
	}
	gmapped = 1;
	mapped = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, (off_t)map.index);
	if (mapped == MAP_FAILED) {
		fail("mmap " GNTDEV_DEV " (maps the grant)");
		goto out;
	}
	printf("xentest: ref %u mapped through gntdev (index %#llx)\n", alloc.gref_ids[0],
	       (unsigned long long)map.index);

	if (check_pattern(mapped, words, 0xa5a50000u, "the gntdev mapping"))
		goto out;
	fill_pattern(mapped, words, 0x5a5a0000u);
	if (check_pattern(shared, words, 0x5a5a0000u, "the gntalloc mapping"))
		goto out;
	printf("xentest: patterns agree in both directions\n");
	rc = 0;
out:
	if (mapped != MAP_FAILED && munmap((void *)mapped, page) < 0)
		rc = fail("munmap gntdev mapping");
	if (gmapped) {
		unmap.index = map.index;
		if (ioctl(fd, IOCTL_GNTDEV_UNMAP_GRANT_REF, &unmap) < 0)
			rc = fail("IOCTL_GNTDEV_UNMAP_GRANT_REF");
	}
	if (fd >= 0)
		close(fd);
	if (shared != MAP_FAILED && munmap((void *)shared, page) < 0)
		rc = fail("munmap gntalloc mapping");
	if (granted) {
		dealloc.index = alloc.index;
		if (ioctl(fa, IOCTL_GNTALLOC_DEALLOC_GREF, &dealloc) < 0)
			rc = fail("IOCTL_GNTALLOC_DEALLOC_GREF");
	}
	close(fa);
	if (!rc)
		printf("xentest: grant share/map OK\n");
	return rc;
}

/* `xentest freepages`: the hypervisor's free pages, exactly (leak checks). */
static int print_free_pages(void)
{
	uint64_t n;

	if (xt_privcmd_open() < 0 || xt_step(xt_free_pages(&n), "sysctl physinfo"))
		return 1;
	printf("%llu\n", (unsigned long long)n);
	return 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 2 && !strcmp(argv[1], "evtchn"))
		return test_evtchn();
	if (argc == 2 && !strcmp(argv[1], "grant"))
		return test_grant();
	if (argc == 2 && !strcmp(argv[1], "domctl"))
		return test_domctl();
	if (argc == 2 && !strcmp(argv[1], "boot"))
		return test_boot();
	if (argc == 2 && !strcmp(argv[1], "freepages"))
		return print_free_pages();
	fprintf(stderr, "usage: xentest evtchn|grant|domctl|boot|freepages\n");
	return 2;
}
