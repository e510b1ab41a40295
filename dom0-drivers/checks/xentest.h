/* SPDX-License-Identifier: GPL-2.0-only */
/* xentest's parts (xentest.c, xentest_domctl.c). */
#ifndef XENTEST_H
#define XENTEST_H

int fail(const char *what);
int open_dev(const char *path);
int test_domctl(void);

#endif /* XENTEST_H */
