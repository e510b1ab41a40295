/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Error numbers. The values are Xen's public ones (xen/include/public/errno.h),
 * which equal Linux's for every code used here, so guests and tools read them
 * unchanged. Functions return 0 or a negative code.
 */
#ifndef XEN_ERRNO_H
#define XEN_ERRNO_H

#define EPERM      1
#define ENOENT     2
#define ESRCH      3
#define EINTR      4
#define EIO        5
#define ENXIO      6
#define E2BIG      7
#define ENOEXEC    8
#define EBADF      9
#define EAGAIN     11
#define ENOMEM     12
#define EACCES     13
#define EFAULT     14
#define EBUSY      16
#define EEXIST     17
#define ENODEV     19
#define EINVAL     22
#define ENOSPC     28
#define ERANGE     34
#define ENOSYS     38
#define ENOTEMPTY  39
#define ENODATA    61
#define EOVERFLOW  75
#define EOPNOTSUPP 95
#define ETIMEDOUT  110

#endif /* XEN_ERRNO_H */
