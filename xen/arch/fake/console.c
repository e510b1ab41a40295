// SPDX-License-Identifier: GPL-2.0-only
/* Fake arch: the console is a buffer the tests read, and the counter a variable. */
#include <asm/fake.h>
#include <string.h>
#include <arch/console.h>
#include <arch/time.h>

#define FAKE_CONSOLE_SIZE (64 * 1024)

bool fake_console_is_ready = true;
uint64_t fake_counter;
static char out[FAKE_CONSOLE_SIZE];
static size_t used;

bool arch_console_ready(void)
{
	return fake_console_is_ready;
}

void arch_console_write(const char *s, size_t len)
{
	size_t n = len < FAKE_CONSOLE_SIZE - 1 - used ? len : FAKE_CONSOLE_SIZE - 1 - used;

	memcpy(out + used, s, n);
	used += n;
	out[used] = '\0';
}

void arch_console_input_start(void)
{
}

const char *fake_console_output(void)
{
	return out;
}

void fake_console_clear(void)
{
	used = 0;
	out[0] = '\0';
}

uint64_t arch_counter_read(void)
{
	return fake_counter;
}

uint64_t arch_counter_freq(void)
{
	return 1000000000ULL;
}
