package dev.hikyaku.advisor.probe;

import java.net.InetAddress;
import java.time.Duration;

/**
 * One probe of one address of an MX.
 *
 * @param address the address probed
 * @param outcome what it found
 * @param elapsed how long it took
 */
public record AddressProbe(InetAddress address, ProbeOutcome outcome, Duration elapsed) {
}
