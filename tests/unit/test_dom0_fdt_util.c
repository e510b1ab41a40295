// SPDX-License-Identifier: GPL-2.0-only
/* Helpers of the dom0 device tree suites; see test_dom0_fdt.h. */
#include "dtb_edit.h"
#include "harness.h"
#include "test_dom0_fdt.h"
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EDIT_ROOM   65536   /* bytes an edited host copy may grow by */
#define PAGE        4096ULL
#define SPI_FIRST   32
#define SPI_LAST    1019

void *d0_host(unsigned int cpus)
{
	char name[32];
	size_t len;
	void *raw, *fdt;

	snprintf(name, sizeof(name), "virt-%ucpu.dtb", cpus);
	raw = dte_load(name, &len);
	CU_ASSERT_FATAL(raw != NULL);
	fdt = dte_open(raw, EDIT_ROOM);
	free(raw);
	CU_ASSERT_FATAL(fdt != NULL);
	return fdt;
}

void d0_setup(struct d0 *d, void *host, unsigned int nr_vcpus)
{
	memset(d, 0, sizeof(*d));
	d->host = host;
	CU_ASSERT_EQUAL_FATAL(dtb_open(&d->dtb, host, dte_size(host)), 0);
	CU_ASSERT_EQUAL_FATAL(bootinfo_parse(&d->dtb, &d->bi), 0);
	d->banks[0] = (struct mem_region){ pa_init(D0_BANK0), D0_BANK0_SIZE };
	d->banks[1] = (struct mem_region){ pa_init(D0_BANK1), D0_BANK1_SIZE };
	d->p = (struct dom0_fdt_params){
		.host = &d->dtb, .bi = &d->bi, .banks = d->banks, .nr_banks = D0_NR_BANKS,
		.nr_vcpus = nr_vcpus, .bootargs = D0_BOOTARGS,
		.initrd_start = pa_init(D0_INITRD), .initrd_size = D0_INITRD_SIZE,
		.gnttab_base = D0_GNTTAB, .gnttab_size = D0_GNTTAB_SIZE,
		.evtchn_intid = D0_EVTCHN, .xen_compatible = D0_XEN_COMPAT,
		.gicd_base = D0_GICD, .gicd_size = D0_GICD_SIZE,
		.gicr_base = D0_GICR, .gicr_size = nr_vcpus * D0_GICR_STRIDE,
	};
}

/* UT_DOM0_FDT_DUMP=<file> saves the last blob built, for dtc -I dtb -O dts. */
static void dump(const struct d0 *d)
{
	const char *path = getenv("UT_DOM0_FDT_DUMP");
	FILE *f;

	if (!path || d->len <= 0 || !(f = fopen(path, "wb")))
		return;
	fwrite(d->out, 1, (size_t)d->len, f);
	fclose(f);
}

long d0_build(struct d0 *d, size_t size)
{
	free(d->out);
	d->out = malloc(size ? size : 1);
	CU_ASSERT_FATAL(d->out != NULL);
	memset(d->out, 0xa5, size);
	d->len = dom0_fdt_build(&d->p, d->out, size, &d->pt, d->err, sizeof(d->err));
	if (d->len < 0)
		CU_ASSERT(d->err[0] != '\0');
	if (d->len > 0) {
		CU_ASSERT(d->err[0] == '\0');
		CU_ASSERT(d->len <= (long)size);
		CU_ASSERT_EQUAL(fdt_check_header(d->out), 0);
		CU_ASSERT_EQUAL(fdt_totalsize(d->out), (uint32_t)d->len);
		dump(d);
	}
	return d->len;
}

void d0_build_virt(struct d0 *d, unsigned int host_cpus, unsigned int nr_vcpus)
{
	d0_setup(d, d0_host(host_cpus), nr_vcpus);
	if (d0_build(d, D0_OUT_SIZE) < 0)
		fprintf(stderr, "dom0_fdt_build: %ld %s\n", d->len, d->err);
	CU_ASSERT_FATAL(d->len > 0);
}

void d0_free(struct d0 *d)
{
	free(d->host);
	free(d->out);
	d->host = d->out = NULL;
}

/* ---- libfdt reading ---- */

int d0_node(const void *fdt, const char *path)
{
	return fdt_path_offset(fdt, path);
}

int d0_phandle_node(const void *fdt, uint32_t phandle)
{
	return fdt_node_offset_by_phandle(fdt, phandle);
}

const void *d0_prop(const void *fdt, const char *path, const char *name, int *len)
{
	int off = fdt_path_offset(fdt, path);
	const void *v = off < 0 ? NULL : fdt_getprop(fdt, off, name, len);

	if (!v)
		*len = -1;
	return v;
}

bool d0_prop_eq(const void *fdt, const char *path, const char *name, const void *val, int len)
{
	int l;
	const void *v = d0_prop(fdt, path, name, &l);

	return v && l == len && !memcmp(v, val, (size_t)len);
}

bool d0_cells_eq(const void *fdt, const char *path, const char *name, const uint32_t *cells,
		 unsigned int n)
{
	uint8_t b[1024];

	if (n * 4 > sizeof(b))
		return false;
	for (unsigned int i = 0; i < n; i++)
		dte_put32(b + 4 * i, cells[i]);
	return d0_prop_eq(fdt, path, name, b, (int)(4 * n));
}

bool d0_u32_eq(const void *fdt, const char *path, const char *name, uint32_t v)
{
	return d0_cells_eq(fdt, path, name, &v, 1);
}

unsigned int d0_count_prop(const void *fdt, const char *name)
{
	unsigned int n = 0;

	for (int off = 0; off >= 0; off = fdt_next_node(fdt, off, NULL))
		if (fdt_getprop(fdt, off, name, NULL))
			n++;
	return n;
}

unsigned int d0_count_compat(const void *fdt, const char *compat)
{
	unsigned int n = 0;

	for (int off = fdt_node_offset_by_compatible(fdt, -1, compat); off >= 0;
	     off = fdt_node_offset_by_compatible(fdt, off, compat))
		n++;
	return n;
}

unsigned int d0_bad_irq_parents(const void *fdt, int target)
{
	unsigned int bad = 0;
	const fdt32_t *v;
	int len;

	for (int off = 0; off >= 0; off = fdt_next_node(fdt, off, NULL)) {
		v = fdt_getprop(fdt, off, "interrupt-parent", &len);
		if (v && (len != 4 || fdt_node_offset_by_phandle(fdt, fdt32_to_cpu(*v)) != target))
			bad++;
	}
	return bad;
}

int d0_nr_rsv(const void *fdt)
{
	return fdt_num_mem_rsv(fdt);
}

void d0_rsv(const void *fdt, int i, uint64_t *addr, uint64_t *size)
{
	CU_ASSERT_EQUAL(fdt_get_mem_rsv(fdt, i, addr, size), 0);
}

/* ---- Passthrough ---- */

bool d0_pt_has_irq(const struct dom0_passthrough *pt, uint32_t intid, bool edge)
{
	for (unsigned int i = 0; i < pt->nr_irq; i++)
		if (pt->irq[i].intid == intid)
			return pt->irq[i].edge == edge;
	return false;
}

bool d0_pt_covers(const struct dom0_passthrough *pt, uint64_t start, uint64_t size)
{
	for (unsigned int i = 0; i < pt->nr_mmio; i++) {
		uint64_t s = pa_val(pt->mmio[i].start);

		if (start >= s && start + size <= s + pt->mmio[i].size)
			return true;
	}
	return false;
}

bool d0_pt_touches(const struct dom0_passthrough *pt, uint64_t start, uint64_t size)
{
	for (unsigned int i = 0; i < pt->nr_mmio; i++) {
		uint64_t s = pa_val(pt->mmio[i].start);

		if (start < s + pt->mmio[i].size && s < start + size)
			return true;
	}
	return false;
}

bool d0_pt_well_formed(const struct dom0_passthrough *pt)
{
	for (unsigned int i = 0; i < pt->nr_mmio; i++) {
		uint64_t s = pa_val(pt->mmio[i].start), sz = pt->mmio[i].size;

		if (!sz || s % PAGE || sz % PAGE)
			return false;
		if (i && pa_val(pt->mmio[i - 1].start) + pt->mmio[i - 1].size >= s)
			return false;
	}
	for (unsigned int i = 0; i < pt->nr_irq; i++) {
		if (pt->irq[i].intid < SPI_FIRST || pt->irq[i].intid > SPI_LAST)
			return false;
		if (i && pt->irq[i - 1].intid >= pt->irq[i].intid)
			return false;
	}
	return pt->nr_mmio <= DOM0_MAX_PT_MMIO && pt->nr_irq <= DOM0_MAX_PT_IRQS;
}
