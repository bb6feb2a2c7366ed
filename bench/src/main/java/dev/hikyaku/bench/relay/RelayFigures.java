package dev.hikyaku.bench.relay;

import java.util.OptionalLong;

/**
 * Every figure of one relay bench run.
 *
 * @param postfixVersion        the reference relay's version
 * @param postfixLoad           the 2,000-message load through the Postfix relay
 * @param gatewayLoad           the same load through the gateway
 * @param gatewayLoadPeakRssKib the gateway's peak RSS after that load (default heap), when measured
 * @param bigWireBytes          the large message's size on the wire
 * @param postfixBig            the large message through the Postfix relay
 * @param gatewayBig            the large message through a gateway started with {@link RelayBenchMain#BIG_HEAP}
 * @param gatewayIdlePeakRssKib that gateway's peak RSS once it listened, before the message, when measured
 * @param gatewayBigPeakRssKib  its peak RSS after the message, when measured
 */
record RelayFigures(String postfixVersion, LoadFigures postfixLoad, LoadFigures gatewayLoad,
                    OptionalLong gatewayLoadPeakRssKib, long bigWireBytes, BigFigures postfixBig,
                    BigFigures gatewayBig, OptionalLong gatewayIdlePeakRssKib, OptionalLong gatewayBigPeakRssKib) {
}
