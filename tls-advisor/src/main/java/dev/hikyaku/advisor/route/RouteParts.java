package dev.hikyaku.advisor.route;

import dev.hikyaku.advisor.certificate.ChainJudge;
import dev.hikyaku.advisor.dane.DaneVerifier;
import dev.hikyaku.advisor.dnssec.ValidatingDns;
import dev.hikyaku.advisor.mtasts.MtaStsChecker;
import dev.hikyaku.advisor.probe.KnownProviders;
import dev.hikyaku.advisor.probe.MxProber;
import dev.hikyaku.advisor.probe.Port25Reachability;
import dev.hikyaku.advisor.store.VerdictStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * What a {@link RouteAdvisor} is assembled from; every network endpoint hides inside an injected part.
 *
 * @param dns            the validating resolver for MX, TLSA and TLS-RPT questions
 * @param prober         runs STARTTLS probes with their manners and per-host cache
 * @param chains         judges presented certificate chains
 * @param dane           checks chains against secure TLSA records
 * @param mtaSts         finds the domain's MTA-STS policy
 * @param providers      the documented large providers
 * @param reachability   whether port 25 is reachable from here at all
 * @param store          the shared verdict cache
 * @param lookups        runs DNS and HTTPS work per domain; separate from the probe pool so they never wait on each other
 * @param clock          time for cache ages and elapsed times
 * @param judgedFor      how long a judged verdict is reused
 * @param unjudgedFor    how long an UNKNOWN verdict is reused (short: the next try may get through)
 */
public record RouteParts(ValidatingDns dns, MxProber prober, ChainJudge chains, DaneVerifier dane, MtaStsChecker mtaSts,
                         KnownProviders providers, Port25Reachability reachability, VerdictStore store, Executor lookups,
                         Clock clock, Duration judgedFor, Duration unjudgedFor) {
}
