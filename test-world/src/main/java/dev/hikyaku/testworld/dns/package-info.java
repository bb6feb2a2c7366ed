/**
 * The loopback DNS server of the test world: signed and unsigned zones served over real UDP and TCP
 * sockets on 127.0.0.1, with switches for the faults that resolvers must survive.
 */
package dev.hikyaku.testworld.dns;
