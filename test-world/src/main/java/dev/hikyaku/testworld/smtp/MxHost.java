package dev.hikyaku.testworld.smtp;

import java.net.InetSocketAddress;

/** A running fixture MX that a test connects to and must close. */
public interface MxHost extends AutoCloseable {

    /** The loopback address and port the MX listens on. */
    InetSocketAddress address();

    /** Stops listening and drops every connection; returns within a few seconds at most. */
    @Override
    void close();
}
