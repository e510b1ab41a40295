// SPDX-License-Identifier: GPL-2.0-only
/*
 * SGI ping-pong between vCPU 0 and vCPU 1 through ICC_SGI1R_EL1: vCPU 0
 * publishes a round number and sends SGI_PING, vCPU 1's handler echoes the
 * number and answers with SGI_PONG. rounds= (default 1000) round trips, each
 * checked for the right number, INTID and vCPU; reports the average time.
 */
#include "lib/guest.h"

#define SGI_PING            1
#define SGI_PONG            2
#define DEFAULT_ROUNDS      1000
#define PEER                1
#define BRINGUP_TIMEOUT_MS  5000
/*
 * A lost SGI never answers, so the bound only needs to outlast the host: on a
 * loaded 2-core machine QEMU's TCG thread of one vCPU was seen starved for
 * over a second (CI's guest-sgi failed "no answer within 1000 ms").
 */
#define ROUND_TIMEOUT_MS    5000
#define QUIET_MS            20

const char guest_name[] = "sgi";

static uint64_t ping_seq;       /* written by vCPU 0 before each ping */
static uint64_t pong_seq;       /* the peer's echo of it */
static uint64_t pong_seen;      /* the echo, as vCPU 0's handler saw it */
static uint64_t pings, pongs;
static uint64_t peer_ready;

static void check_cpu(unsigned int intid, unsigned int cpu)
{
	if (this_cpu() != cpu)
		guest_fail("SGI %u arrived on vCPU %u, sent to vCPU %u", intid, this_cpu(), cpu);
}

static void on_ping(unsigned int intid, void *arg)
{
	check_cpu(intid, PEER);
	WRITE_ONCE(pings, pings + 1);
	WRITE_ONCE(pong_seq, READ_ONCE(ping_seq));
	gic_send_sgi(SGI_PONG, 0);
}

static void on_pong(unsigned int intid, void *arg)
{
	check_cpu(intid, 0);
	WRITE_ONCE(pongs, pongs + 1);
	WRITE_ONCE(pong_seen, READ_ONCE(pong_seq));
}

static void peer_main(void *arg)
{
	gic_enable_irq(SGI_PING);
	atomic_store_release(&peer_ready, 1);
}

static void start_peer(void)
{
	long ret = smp_cpu_on(PEER, peer_main, NULL);

	if (ret != PSCI_SUCCESS)
		guest_fail("PSCI CPU_ON of vCPU %u returned %ld", PEER, ret);
	if (!smp_wait_online(PEER, BRINGUP_TIMEOUT_MS))
		guest_fail("vCPU %u not up within %u ms", PEER, BRINGUP_TIMEOUT_MS);
	while (!atomic_load_acquire(&peer_ready))
		cpu_relax();
}

/* One round trip; its duration in ticks. */
static uint64_t round_trip(uint64_t round, uint64_t timeout)
{
	uint64_t start = timer_now(), seen;

	WRITE_ONCE(ping_seq, round);
	gic_send_sgi(SGI_PING, PEER);
	while ((seen = READ_ONCE(pong_seen)) != round) {
		if (seen != round - 1)
			guest_fail("round %lu: the answer carries round %lu", round, seen);
		if (timer_now() - start > timeout)
			guest_fail("round %lu: no answer within %u ms", round, ROUND_TIMEOUT_MS);
	}
	return timer_now() - start;
}

void guest_main(void)
{
	uint64_t rounds = bootarg_u64("rounds", DEFAULT_ROUNDS), total = 0;
	uint64_t timeout = timer_ms_to_ticks(ROUND_TIMEOUT_MS);

	if (nr_cpus() < 2)
		guest_fail("needs 2 vCPUs, the DT has %u", nr_cpus());
	if (!rounds)
		guest_fail("rounds=0");
	irq_register(SGI_PING, on_ping, NULL);
	irq_register(SGI_PONG, on_pong, NULL);
	gic_enable_irq(SGI_PONG);
	start_peer();
	local_irq_enable();
	for (uint64_t r = 1; r <= rounds; r++)
		total += round_trip(r, timeout);
	timer_delay_ms(QUIET_MS);
	local_irq_disable();
	if (READ_ONCE(pings) != rounds || READ_ONCE(pongs) != rounds)
		guest_fail("%lu pings and %lu pongs for %lu rounds", pings, pongs, rounds);
	guest_info("%lu round trips, avg %lu ticks", rounds, total / rounds);
	guest_bench("sgi", "roundtrip_avg", total / rounds, "ticks");
}
