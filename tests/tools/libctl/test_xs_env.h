/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A real xenstored ($XENSTORED_BIN, built by `make test`) on a socket in a
 * temporary directory, and a libctl handle whose xenstore client uses it.
 */
#ifndef TEST_XS_ENV_H
#define TEST_XS_ENV_H

#include <sys/types.h>

#include "ctl_xs.h"
#include "test_ctl_fake.h"

struct xs_env {
	struct fake f;
	struct ctl_xs *xs;
	pid_t pid;
	char dir[64];
	char sock[96];
};

/* Starts the daemon and connects; fails the test (fatally) if it cannot. */
void xs_env_start(struct xs_env *e);
void xs_env_stop(struct xs_env *e);

#endif /* TEST_XS_ENV_H */
