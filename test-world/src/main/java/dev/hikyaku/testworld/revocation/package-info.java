/** A loopback OCSP responder and CRL distribution point that speak for a fixture CA's authority. */
package dev.hikyaku.testworld.revocation;
