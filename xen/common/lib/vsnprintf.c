// SPDX-License-Identifier: GPL-2.0-only
/*
 * vsnprintf for the hypervisor: %d %i %u %x %X %o %p %s %c %%, the flags '-'
 * and '0', a width and a precision (also as '*'), and the h, l, ll, z
 * length modifiers. Returns the length the full output would have.
 */
#include <xen/lib.h>

struct out {
	char *buf;
	size_t size;
	size_t len;
};

struct spec {
	bool left;
	bool zero;
	int width;
	int prec;     /* -1: none */
	int lenmod;   /* 0, 'h', 'l' (also ll and z) */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, int n, char c)
{
	while (n-- > 0)
		put(o, c);
}

static void put_str(struct out *o, const char *s, const struct spec *sp)
{
	size_t n = s ? strnlen(s, sp->prec >= 0 ? (size_t)sp->prec : (size_t)-1) : 6;
	int gap = sp->width - (int)n;

	if (!s)
		s = "(null)";
	if (!sp->left)
		pad(o, gap, ' ');
	for (size_t i = 0; i < n; i++)
		put(o, s[i]);
	if (sp->left)
		pad(o, gap, ' ');
}

static void put_num(struct out *o, unsigned long long v, bool neg, unsigned int base, bool upper,
		    const struct spec *sp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, gap;

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	gap = sp->width - n - (neg ? 1 : 0);
	if (!sp->left && !sp->zero)
		pad(o, gap, ' ');
	if (neg)
		put(o, '-');
	if (!sp->left && sp->zero)
		pad(o, gap, '0');
	while (n)
		put(o, tmp[--n]);
	if (sp->left)
		pad(o, gap, ' ');
}

static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
	*sp = (struct spec){ .prec = -1 };
	for (;; f++) {
		if (*f == '-')
			sp->left = true;
		else if (*f == '0')
			sp->zero = true;
		else
			break;
	}
	if (*f == '*')
		sp->width = va_arg(*ap, int), f++;
	for (; *f >= '0' && *f <= '9'; f++)
		sp->width = sp->width * 10 + (*f - '0');
	if (*f == '.') {
		sp->prec = 0;
		if (*++f == '*')
			sp->prec = va_arg(*ap, int), f++;
		for (; *f >= '0' && *f <= '9'; f++)
			sp->prec = sp->prec * 10 + (*f - '0');
	}
	for (; *f == 'l' || *f == 'z' || *f == 'h'; f++)
		sp->lenmod = *f == 'h' ? 'h' : 'l';
	return f;
}

static unsigned long long get_unsigned(const struct spec *sp, va_list *ap)
{
	if (sp->lenmod == 'l')
		return va_arg(*ap, unsigned long long);
	return va_arg(*ap, unsigned int);
}

static void convert(struct out *o, char c, const struct spec *sp, va_list *ap)
{
	long long s;

	switch (c) {
	case 'd':
	case 'i':
		s = sp->lenmod == 'l' ? va_arg(*ap, long long) : va_arg(*ap, int);
		put_num(o, s < 0 ? 0ULL - (unsigned long long)s : (unsigned long long)s, s < 0, 10,
			false, sp);
		break;
	case 'u':
		put_num(o, get_unsigned(sp, ap), false, 10, false, sp);
		break;
	case 'x':
	case 'X':
		put_num(o, get_unsigned(sp, ap), false, 16, c == 'X', sp);
		break;
	case 'o':
		put_num(o, get_unsigned(sp, ap), false, 8, false, sp);
		break;
	case 'p':
		put(o, '0');
		put(o, 'x');
		put_num(o, (uintptr_t)va_arg(*ap, void *), false, 16, false, sp);
		break;
	case 's':
		put_str(o, va_arg(*ap, const char *), sp);
		break;
	case 'c':
		put(o, (char)va_arg(*ap, int));
		break;
	default:
		put(o, '%');
		put(o, c);
		break;
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };
	struct spec sp;
	va_list args;

	va_copy(args, ap);
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		if (*++fmt == '%') {
			put(&o, '%');
			continue;
		}
		fmt = parse_spec(fmt, &sp, &args);
		if (!*fmt)
			break;
		convert(&o, *fmt, &sp, &args);
	}
	va_end(args);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
